//! `ds` end to end against the devnet served on loopback: deployment
//! through the StylusDeployer (resumable), the operating commands, and the
//! failures users meet (no key, wrong key, wrong chain, unreachable
//! endpoint, reverts) with their exit codes.

use std::path::{Path, PathBuf};

use alloy_signer_local::PrivateKeySigner;
use ds_cli::{exit, run, Deployment, Environment, Failure, Pending};
use ds_devnet::{
    rpc::{Node, Server},
    Devnet,
};

/// The master (deployer).
const KEY: &str = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
/// Given the issuer role at deployment.
const ISSUER_KEY: &str = "0x1111111111111111111111111111111111111111111111111111111111111111";
/// Wallet of investor A (US).
const A_KEY: &str = "0x2222222222222222222222222222222222222222222222222222222222222222";
/// Wallet of investor B (DE).
const B_KEY: &str = "0x3333333333333333333333333333333333333333333333333333333333333333";
/// Given the transfer-agent role at deployment.
const AGENT_KEY: &str = "0x5555555555555555555555555555555555555555555555555555555555555555";

const ARTIFACTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../target/stylus");

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn addr(key: &str) -> String {
    key.parse::<PrivateKeySigner>()
        .expect("test key")
        .address()
        .to_string()
}

/// Runs `ds` and checks that no key was printed, whatever happened.
fn ds_raw(list: &[&str], key: Option<&str>) -> Result<String, Failure> {
    let out = run(&args(list), &Environment::with_key(key));
    let text = match &out {
        Ok(s) => s.clone(),
        Err(e) => e.message.clone(),
    };
    for k in [KEY, ISSUER_KEY, A_KEY, B_KEY, AGENT_KEY] {
        assert!(!text.contains(&k[2..]), "a key was printed: {text}");
    }
    out
}

/// Runs an operating command with `--rpc URL --deployment FILE` signed by `key`.
fn ds(url: &str, file: &str, key: &str, list: &[&str]) -> Result<String, Failure> {
    let mut all = list.to_vec();
    all.extend(["--rpc", url, "--deployment", file]);
    ds_raw(&all, Some(key))
}

fn ok(url: &str, file: &str, key: &str, list: &[&str]) -> String {
    ds(url, file, key, list).unwrap_or_else(|e| panic!("ds {}: {e}", list.join(" ")))
}

/// A scratch directory removed on drop.
struct Scratch(PathBuf);

impl Scratch {
    fn new(tag: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("ds-cli-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        Self(dir)
    }

    fn path(&self, name: &str) -> String {
        self.0.join(name).to_str().expect("utf-8 path").to_string()
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// `name address gas` lines of a deploy report, by name.
fn report_lines(out: &str) -> Vec<(String, String, String)> {
    out.lines()
        .filter_map(|l| {
            let w: Vec<&str> = l.split_whitespace().collect();
            (w.len() == 3).then(|| (w[0].to_string(), w[1].to_string(), w[2].to_string()))
        })
        .collect()
}

/// `ds deploy --rpc URL --artifacts target/stylus --out FILE EXTRA...` as the master.
fn deploy(url: &str, out: &str, extra: &[&str]) -> Result<String, Failure> {
    let mut list = vec![
        "deploy",
        "--rpc",
        url,
        "--artifacts",
        ARTIFACTS,
        "--out",
        out,
    ];
    list.extend_from_slice(extra);
    ds_raw(&list, Some(KEY))
}

/// A devnet on loopback, the test keys funded (activation pays a data fee).
fn serve() -> (Server, String) {
    let mut net = Devnet::new();
    for key in [KEY, ISSUER_KEY, A_KEY, B_KEY, AGENT_KEY] {
        let address = addr(key).parse().expect("an address");
        net.set_balance(address, ds_devnet::rpc::DEV_ACCOUNT_BALANCE);
    }
    let server = Server::start(Node::new(net), 0).expect("loopback listener");
    let url = server.url();
    (server, url)
}

#[test]
fn deploy_reports_gas_and_the_token_answers_checks() {
    let (server, url) = serve();

    // No key, or a bad one: refused before any request, key not echoed.
    let e = ds_raw(&["deploy", "--rpc", &url, "--artifacts", ARTIFACTS], None).expect_err("no key");
    assert_eq!(e.exit, exit::USAGE);
    assert!(e.message.contains("DS_PRIVATE_KEY"), "{e}");
    let e = ds_raw(
        &["deploy", "--rpc", &url, "--private-key", "0xnotakey"],
        None,
    )
    .expect_err("bad key");
    assert!(!e.message.contains("notakey"), "{e}");
    // No StylusDeployer where one is asked for: nothing is sent.
    let e = ds_raw(
        &[
            "deploy",
            "--rpc",
            &url,
            "--artifacts",
            ARTIFACTS,
            "--deployer",
            &addr(B_KEY),
        ],
        Some(KEY),
    )
    .expect_err("no deployer");
    assert_eq!(e.exit, exit::USAGE, "{e}");
    assert!(e.message.contains("no StylusDeployer"), "{e}");

    let out = ds_raw(
        &["deploy", "--rpc", &url, "--artifacts", ARTIFACTS],
        Some(KEY),
    )
    .unwrap_or_else(|e| panic!("deploy: {e}"));
    println!("ds deploy:\n{out}");
    let lines = report_lines(&out);
    assert_eq!(lines.len(), 12, "{out}");
    for (name, _, gas) in &lines {
        let gas: u64 = gas
            .parse()
            .unwrap_or_else(|_| panic!("{name}: gas `{gas}`"));
        // Create + activate + construct, in one transaction each.
        assert!((100_000..30_000_000).contains(&gas), "{name}: {gas}");
    }
    // The constructors of registry, compliance, comms and the token set
    // their own Trust entry: 43 of the 47 entries (5 contracts x (5
    // services + 3 DS parts) + 7 facets) remain to send. Routes: the
    // Compliance facets' 112 selectors and the token control facet's 8.
    assert!(
        out.contains(
            "service entries: 43 set, 4 already in place; routes: 120 set, 0 already in place"
        ),
        "{out}"
    );
    let token = &lines
        .iter()
        .find(|(n, _, _)| n == "ds_token")
        .expect("token")
        .1;

    // Unregistered wallets, no balance: the token refuses with a DS code.
    let from = "0x1111111111111111111111111111111111111111";
    let to = "0x2222222222222222222222222222222222222222";
    let out = ds_raw(
        &["check", "--rpc", &url, "--token", token, from, to, "5"],
        None,
    )
    .unwrap_or_else(|e| panic!("check: {e}"));
    let (code, reason) = out.split_once(' ').expect("code reason");
    assert_ne!(code.parse::<u64>().expect("numeric code"), 0, "{out}");
    assert!(!reason.is_empty(), "{out}");
    let e = ds_raw(&["check", "--rpc", &url, "--token", token, from], None)
        .expect_err("missing arguments");
    assert_eq!(e.exit, exit::USAGE);
    assert!(e.message.contains("incomplete command"), "{e}");
    server.stop();
}

/// An interrupted deployment leaves a file recording what exists; the rerun
/// keeps that and deploys the rest; files that do not match the chain or
/// the artifacts are refused.
#[test]
fn deployment_resumes_from_its_file() {
    let (server, url) = serve();
    let scratch = Scratch::new("resume");
    let file = scratch.path("deployment.json");

    // Only the first three artifacts are there: the run stops at comms.
    let partial = scratch.path("partial");
    std::fs::create_dir_all(&partial).expect("dir");
    for name in ["trust", "registry", "compliance"] {
        let from = Path::new(ARTIFACTS).join(format!("{name}.wasm"));
        std::fs::copy(from, Path::new(&partial).join(format!("{name}.wasm"))).expect("copy");
    }
    let e = ds_raw(
        &[
            "deploy",
            "--rpc",
            &url,
            "--artifacts",
            &partial,
            "--out",
            &file,
        ],
        Some(KEY),
    )
    .expect_err("comms.wasm missing");
    assert!(e.message.contains("comms.wasm"), "{e}");
    let recorded = Deployment::load(Path::new(&file)).expect("file written before the failure");
    let names: Vec<&str> = recorded.contracts.keys().map(String::as_str).collect();
    assert_eq!(names, ["compliance", "registry", "trust"]);
    assert!(recorded
        .contracts
        .values()
        .all(|r| r.wasm_keccak.is_some() && r.deploy_gas.is_some()));

    // The rerun keeps the three and deploys the nine others.
    let out = deploy(&url, &file, &["--issuer", &addr(ISSUER_KEY)])
        .unwrap_or_else(|e| panic!("resume: {e}"));
    let lines = report_lines(&out);
    let kept: Vec<&str> = lines
        .iter()
        .filter(|l| l.2 == "kept")
        .map(|l| l.0.as_str())
        .collect();
    assert_eq!(kept, ["trust", "registry", "compliance"], "{out}");
    assert!(out.contains("deployed 9 programs"), "{out}");
    assert!(out.contains("roles granted: 1"), "{out}");
    let full = Deployment::load(Path::new(&file)).expect("file");
    assert_eq!(full.contracts.len(), 12);
    assert_eq!(full.address("trust"), recorded.address("trust"));

    // Nothing left to do: a third run sends nothing.
    let out = deploy(&url, &file, &["--issuer", &addr(ISSUER_KEY)])
        .unwrap_or_else(|e| panic!("rerun: {e}"));
    // (120 router selectors: the Compliance views, admin, configuration and
    // hooks facets' functions and the token control facet's.)
    assert!(out.contains("deployed 0 programs (0 gas); service entries: 0 set, 47 already in place; routes: 0 set, 120 already in place; roles granted: 0"), "{out}");

    // Asking for the deployer (the master) as issuer: refused before
    // anything is sent, with the reason (an address holds one role); so is
    // a role for an address that already holds another (checked before
    // its transaction).
    let e = deploy(&url, &file, &["--issuer", &addr(KEY)]).expect_err("master as issuer");
    assert!(
        e.message.contains("becomes its master") && e.message.contains("one role"),
        "{e}"
    );
    let e = deploy(&url, &file, &["--exchange", &addr(ISSUER_KEY)])
        .expect_err("the issuer as exchange");
    assert!(
        e.message.contains("already holds issuer")
            && e.message.contains("an address holds one role"),
        "{e}"
    );

    // A deployment an interrupted run sent but never saw mined is found
    // again from its receipt, not deployed a second time.
    let bad = scratch.path("variant.json");
    let mut interrupted = full.clone();
    let comms = interrupted.contracts.remove("comms").expect("comms record");
    let sent = Pending {
        tx: comms.tx.expect("tx recorded"),
        wasm_keccak: comms.wasm_keccak.expect("hash recorded"),
    };
    interrupted.pending.insert("comms".into(), sent.clone());
    interrupted.save(Path::new(&bad)).expect("save");
    let out = deploy(&url, &bad, &[]).unwrap_or_else(|e| panic!("recover: {e}"));
    assert!(
        out.contains("deployed 1 programs") && out.contains("0 set, 47 already"),
        "{out}"
    );
    let recovered = Deployment::load(Path::new(&bad)).expect("file");
    assert_eq!(recovered.address("comms"), full.address("comms"));
    assert!(recovered.pending.is_empty());
    // One the chain has never seen: refused, nothing sent, the file kept.
    interrupted.pending.insert(
        "comms".into(),
        Pending {
            tx: alloy_primitives::B256::repeat_byte(7),
            ..sent
        },
    );
    interrupted.save(Path::new(&bad)).expect("save");
    let e = deploy(&url, &bad, &[]).expect_err("not mined");
    assert_eq!(e.exit, exit::USAGE, "{e}");
    assert!(e.message.contains("is not mined yet"), "{e}");
    assert_eq!(Deployment::load(Path::new(&bad)), Ok(interrupted));

    // A record whose artifact changed since is refused.
    let mut tampered = full.clone();
    if let Some(r) = tampered.contracts.get_mut("comms") {
        r.wasm_keccak = Some(Default::default());
    }
    tampered.save(Path::new(&bad)).expect("save");
    let e = deploy(&url, &bad, &[]).expect_err("artifact changed");
    assert!(
        e.message
            .contains("comms.wasm changed since comms was deployed"),
        "{e}"
    );
    // A record pointing at an empty account is refused.
    let mut empty = full.clone();
    if let Some(r) = empty.contracts.get_mut("trust") {
        r.address = addr(B_KEY).parse().expect("address");
    }
    empty.save(Path::new(&bad)).expect("save");
    let e = deploy(&url, &bad, &[]).expect_err("no code");
    assert!(e.message.contains("holds no code"), "{e}");
    // A file of another chain: exit 4, nothing sent.
    let mut other = full;
    other.chain_id = Some(1);
    other.save(Path::new(&bad)).expect("save");
    let e = deploy(&url, &bad, &[]).expect_err("wrong chain");
    assert_eq!(e.exit, exit::WRONG_CHAIN, "{e}");
    server.stop();
}

/// deploy --out → roles → countries → investors → issue → check →
/// transfer → refused transfer → locks → burn/seize → notices → refusals.
#[test]
fn operate_the_suite() {
    let (server, url) = serve();
    let scratch = Scratch::new("operate");
    let file = scratch.path("deployment.json");
    let f = file.as_str();
    let (issuer, agent) = (addr(ISSUER_KEY), addr(AGENT_KEY));
    deploy(&url, f, &["--issuer", &issuer, "--transfer-agent", &agent])
        .unwrap_or_else(|e| panic!("deploy: {e}"));

    let (a, b) = (addr(A_KEY), addr(B_KEY));
    let unregistered = "0x4444444444444444444444444444444444444444";

    // Program cache (ArbWasmCache): the token's entries then cost its cached init gas.
    let status = ["cache", "status", "ds_token"];
    assert_eq!(ok(&url, f, KEY, &status), "ds_token not cached");
    assert_eq!(ok(&url, f, KEY, &["cache", "ds_token"]), "ds_token cached");
    assert_eq!(ok(&url, f, KEY, &status), "ds_token cached");
    assert_eq!(
        ok(&url, f, KEY, &["cache", "status", "registry"]),
        "registry not cached"
    );

    // Roles: granted at deployment; set, get, remove.
    assert_eq!(ok(&url, f, KEY, &["role", "get", &issuer]), "issuer");
    assert_eq!(ok(&url, f, KEY, &["role", "get", &agent]), "transfer-agent");
    assert_eq!(ok(&url, f, KEY, &["role", "get", &addr(KEY)]), "master");
    assert_eq!(ok(&url, f, KEY, &["role", "get", unregistered]), "none");
    ok(&url, f, KEY, &["role", "set", unregistered, "exchange"]);
    assert_eq!(ok(&url, f, KEY, &["role", "get", unregistered]), "exchange");
    ok(&url, f, KEY, &["role", "remove", unregistered]);
    assert_eq!(ok(&url, f, KEY, &["role", "get", unregistered]), "none");

    // Compliance: countries and a DS-named rule.
    ok(&url, f, KEY, &["compliance", "country", "US", "us"]);
    ok(&url, f, KEY, &["compliance", "country", "DE", "eu"]);
    ok(
        &url,
        f,
        KEY,
        &["compliance", "set", "totalInvestorsLimit", "2000"],
    );
    let all = ok(&url, f, KEY, &["compliance", "get"]);
    assert_eq!(all.lines().count(), 21, "{all}");
    assert!(
        all.lines().any(|l| l == "totalInvestorsLimit = 2000"),
        "{all}"
    );
    assert!(
        all.lines().any(|l| l == "forceFullTransfer = false"),
        "{all}"
    );

    // Investors, by the issuer.
    ok(
        &url,
        f,
        ISSUER_KEY,
        &[
            "investor",
            "register",
            "inv-a",
            "--country",
            "US",
            "--wallet",
            &a,
        ],
    );
    ok(
        &url,
        f,
        ISSUER_KEY,
        &["investor", "register", "inv-b", "--country", "FR"],
    );
    ok(
        &url,
        f,
        ISSUER_KEY,
        &["investor", "update", "inv-b", "--country", "DE"],
    );
    ok(
        &url,
        f,
        ISSUER_KEY,
        &["investor", "wallet", "add", "inv-b", &b],
    );
    for id in ["inv-a", "inv-b"] {
        ok(
            &url,
            f,
            ISSUER_KEY,
            &["investor", "attribute", "set", id, "kyc", "approved"],
        );
    }

    // Issue, check, transfer.
    ok(&url, f, ISSUER_KEY, &["issue", &a, "100"]);
    assert_eq!(ok(&url, f, KEY, &["balance", &a]), "100");
    assert_eq!(ok(&url, f, KEY, &["check", &a, &b, "30"]), "0 Valid");
    ok(&url, f, A_KEY, &["transfer", &b, "30"]);
    assert_eq!(ok(&url, f, KEY, &["balance", &a]), "70");
    assert_eq!(ok(&url, f, KEY, &["balance", &b]), "30");

    // Refused transfer: the DS code and reason, exit code 2, nothing moves.
    let e = ds(&url, f, A_KEY, &["transfer", unregistered, "5"]).expect_err("refused");
    assert_eq!(e.exit, exit::REVERTED, "{e}");
    assert!(
        e.message
            .contains("TransferRejected: 20 Wallet not in registry service"),
        "{e}"
    );
    assert_eq!(ok(&url, f, KEY, &["balance", &a]), "70");

    // Locks: 50 of A's 70 locked, so 30 cannot move (code 16); removed again.
    ok(
        &url,
        f,
        AGENT_KEY,
        &[
            "lock",
            "add",
            &a,
            "50",
            "--reason",
            "vesting",
            "--until",
            "4000000000",
        ],
    );
    let locks = ok(&url, f, KEY, &["lock", "list", &a]);
    assert!(locks.starts_with("1 lock(s)"), "{locks}");
    assert!(
        locks.contains("#0 50 until 4000000000") && locks.contains("\"vesting\""),
        "{locks}"
    );
    assert!(ok(&url, f, KEY, &["check", &a, &b, "30"]).starts_with("16 "));
    ok(&url, f, AGENT_KEY, &["lock", "remove", &a, "0"]);
    assert!(ok(&url, f, KEY, &["lock", "list", &a]).starts_with("0 lock(s)"));

    // Burn (issuer) and seize (transfer agent, to an issuer wallet: the
    // issuer's own address is refused as a target, shown decoded).
    ok(
        &url,
        f,
        ISSUER_KEY,
        &["burn", &a, "10", "--reason", "correction"],
    );
    assert_eq!(ok(&url, f, KEY, &["balance", &a]), "60");
    let e = ds(&url, f, AGENT_KEY, &["seize", &b, unregistered, "5"])
        .expect_err("not an issuer wallet");
    assert_eq!(e.exit, exit::REVERTED, "{e}");
    assert!(e.message.contains("SeizeTargetNotIssuerWallet"), "{e}");

    // Notices: to all holders, to one investor, to a country; listed.
    let hash = format!("0x{}", "ab".repeat(32));
    let out = ok(
        &url,
        f,
        ISSUER_KEY,
        &[
            "notice",
            "publish",
            "dividend",
            "ipfs://q1",
            "--content-hash",
            &hash,
        ],
    );
    assert_eq!(out, "notice 1 published");
    let doc = scratch.path("agm.pdf");
    std::fs::write(&doc, b"agenda").expect("doc");
    ok(
        &url,
        f,
        ISSUER_KEY,
        &[
            "notice",
            "publish",
            "meeting",
            "ipfs://q2",
            "--content-file",
            &doc,
            "--investor",
            "inv-a",
        ],
    );
    ok(
        &url,
        f,
        ISSUER_KEY,
        &[
            "notice",
            "publish",
            "regulatory",
            "ipfs://q3",
            "--content-hash",
            &hash,
            "--country",
            "DE",
            "--deadline",
            "4000000000",
        ],
    );
    let list = ok(&url, f, KEY, &["notice", "list"]);
    let rows: Vec<&str> = list.lines().collect();
    assert_eq!(rows.len(), 3, "{list}");
    assert!(
        rows[0].starts_with("#1 dividend ipfs://q1 to all holders"),
        "{list}"
    );
    assert!(
        rows[1].starts_with("#2 meeting ipfs://q2 to investor 0x"),
        "{list}"
    );
    assert!(
        rows[2].starts_with("#3 regulatory ipfs://q3 to country DE")
            && rows[2].contains("deadline 4000000000"),
        "{list}"
    );
    let e = ds(
        &url,
        f,
        A_KEY,
        &[
            "notice",
            "publish",
            "dividend",
            "x",
            "--content-hash",
            &hash,
        ],
    )
    .expect_err("investor");
    assert!(e.message.contains("UnauthorizedCaller"), "{e}");
    let e =
        ds(&url, f, ISSUER_KEY, &["notice", "publish", "dividend", "x"]).expect_err("no content");
    assert_eq!(e.exit, exit::USAGE, "{e}");

    // Role-gated calls without the role.
    let e = ds(&url, f, B_KEY, &["issue", &b, "1"]).expect_err("not an issuer");
    assert_eq!(e.exit, exit::REVERTED, "{e}");
    assert!(e.message.contains("UnauthorizedCaller"), "{e}");
    let e = ds(&url, f, ISSUER_KEY, &["compliance", "country", "FR", "eu"]).expect_err("issuer");
    assert!(e.message.contains("UnauthorizedCaller"), "{e}");

    // Usage errors.
    let e = ds(&url, f, KEY, &["role", "set", &issuer, "king"]).expect_err("bad role");
    assert_eq!(e.exit, exit::USAGE, "{e}");
    let e = ds(&url, f, KEY, &["compliance", "set", "noSuchRule", "1"]).expect_err("bad rule");
    assert_eq!(e.exit, exit::USAGE, "{e}");
    let e =
        ds(&url, f, KEY, &["balance", &a, "--reason", "x"]).expect_err("flag of another command");
    assert_eq!(e.exit, exit::USAGE, "{e}");

    // Wrong chain: the deployment's chain id is checked first.
    let e = ds_raw(
        &[
            "balance",
            &a,
            "--rpc",
            &url,
            "--deployment",
            f,
            "--chain-id",
            "1",
        ],
        None,
    )
    .expect_err("wrong chain");
    assert_eq!(e.exit, exit::WRONG_CHAIN, "{e}");

    // The endpoint from the environment (DS_RPC) when --rpc is absent.
    let env = Environment {
        rpc: Some(url.clone()),
        ..Environment::default()
    };
    let balance = run(&args(&["balance", &a, "--deployment", f]), &env);
    assert_eq!(balance, Ok("60".to_string()));
    let e = ds_raw(&["balance", &a, "--deployment", f], None).expect_err("no endpoint");
    assert_eq!(e.exit, exit::USAGE, "{e}");
    assert!(e.message.contains("missing --rpc URL (or DS_RPC)"), "{e}");

    server.stop();
    // Unreachable endpoint: a loopback port nobody listens on.
    let dead = dead_endpoint();
    let e =
        ds_raw(&["balance", &a, "--rpc", &dead, "--deployment", f], None).expect_err("unreachable");
    assert_eq!(e.exit, exit::UNREACHABLE, "{e}");
    assert!(e.message.contains("cannot reach"), "{e}");
}

/// Keys from a file and from an encrypted keystore; a wrong password is
/// refused without echoing it.
#[test]
fn signing_keys_from_files_and_keystores() {
    let (server, url) = serve();
    let scratch = Scratch::new("keys");
    let file = scratch.path("deployment.json");
    deploy(&url, &file, &[]).unwrap_or_else(|e| panic!("deploy: {e}"));
    let target = addr(ISSUER_KEY);

    // `ds role set TARGET issuer` / `ds role remove TARGET` on this
    // deployment, signed with the `signing` options or `env`.
    let role = |change: &[&str], signing: &[&str], env: &Environment| {
        let mut list = vec!["role", change[0], target.as_str()];
        list.extend_from_slice(&change[1..]);
        list.extend(["--rpc", &url, "--deployment", &file]);
        list.extend_from_slice(signing);
        let out = run(&args(&list), env);
        if let Err(e) = &out {
            assert!(!e.message.contains(&KEY[2..]), "the key was printed: {e}");
        }
        out
    };
    let set = ["set", "issuer"];
    let no_env = Environment::default();

    let key_file = scratch.path("key.txt");
    std::fs::write(&key_file, format!("{KEY}\n")).expect("key file");
    role(&set, &["--private-key-file", &key_file], &no_env)
        .unwrap_or_else(|e| panic!("key file: {e}"));

    let secret = alloy_primitives::hex::decode(&KEY[2..]).expect("hex");
    let mut rng = rand::thread_rng();
    let (signer, _) = PrivateKeySigner::encrypt_keystore(
        &scratch.0,
        &mut rng,
        secret,
        "s3cret-pass",
        Some("master.json"),
    )
    .expect("keystore");
    assert_eq!(signer.address().to_string(), addr(KEY));
    let keystore = scratch.path("master.json");
    let pass = scratch.path("pass.txt");
    std::fs::write(&pass, "s3cret-pass\n").expect("password file");
    let with_password_file = ["--keystore", &keystore, "--password-file", &pass];
    role(&["remove"], &with_password_file, &no_env).unwrap_or_else(|e| panic!("keystore: {e}"));
    // The password from the environment (DS_KEYSTORE_PASSWORD).
    let env = Environment {
        keystore_password: Some("s3cret-pass".into()),
        ..Environment::default()
    };
    role(&set, &["--keystore", &keystore], &env)
        .unwrap_or_else(|e| panic!("keystore, password from env: {e}"));
    std::fs::write(&pass, "wrong-pass").expect("password file");
    let e = role(&["remove"], &with_password_file, &no_env).expect_err("wrong password");
    assert_eq!(e.exit, exit::USAGE, "{e}");
    assert!(
        e.message.contains("cannot decrypt") && !e.message.contains("wrong-pass"),
        "{e}"
    );
    // A key that is not the master: the revert names it.
    let e = role(&set, &[], &Environment::with_key(Some(A_KEY))).expect_err("not the master");
    assert_eq!(e.exit, exit::REVERTED, "{e}");
    assert!(
        e.message
            .contains(&format!("UnauthorizedCaller: {}", addr(A_KEY))),
        "{e}"
    );
    server.stop();
}

fn dead_endpoint() -> String {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("port")
        .local_addr()
        .expect("addr")
        .port();
    format!("http://127.0.0.1:{port}")
}

/// The `ds` binary maps failures to exit codes and never panics on them.
#[test]
fn binary_exit_codes() {
    let ds = env!("CARGO_BIN_EXE_ds");
    let dead = dead_endpoint();
    let token = "0x5555555555555555555555555555555555555555";
    let wallet = "0x6666666666666666666666666666666666666666";
    let out = std::process::Command::new(ds)
        .args(["balance", wallet, "--rpc", &dead, "--token", token])
        .env_remove(ds_cli::KEY_ENV)
        .output()
        .expect("run ds");
    assert_eq!(out.status.code(), Some(exit::UNREACHABLE), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("ds: ") && stderr.contains("cannot reach"),
        "{stderr}"
    );

    let out = std::process::Command::new(ds)
        .args(["role", "frobnicate", "--rpc", &dead])
        .output()
        .expect("run ds");
    assert_eq!(out.status.code(), Some(exit::USAGE), "{out:?}");
    let out = std::process::Command::new(ds)
        .arg("--help")
        .output()
        .expect("run ds");
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("ds notice publish"));
}
