//! `ds deploy`, `ds check` and the operating commands against the devnet
//! served on loopback.

use alloy_signer_local::PrivateKeySigner;
use ds_cli::{exit, run, Failure};
use ds_devnet::{
    rpc::{Node, Server},
    Devnet,
};

/// The master (deployer).
const KEY: &str = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";
/// Given the issuer role.
const ISSUER_KEY: &str = "0x1111111111111111111111111111111111111111111111111111111111111111";
/// Wallet of investor A (US).
const A_KEY: &str = "0x2222222222222222222222222222222222222222222222222222222222222222";
/// Wallet of investor B (DE).
const B_KEY: &str = "0x3333333333333333333333333333333333333333333333333333333333333333";

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
}

fn addr(key: &str) -> String {
    key.parse::<PrivateKeySigner>()
        .expect("test key")
        .address()
        .to_string()
}

/// Runs an operating command with `--rpc URL --deployment FILE` signed by `key`.
fn ds(url: &str, file: &str, key: &str, list: &[&str]) -> Result<String, Failure> {
    let mut a = args(list);
    a.extend(args(&["--rpc", url, "--deployment", file]));
    let out = run(&a, Some(key.to_string()));
    let text = match &out {
        Ok(s) => s.clone(),
        Err(e) => e.message.clone(),
    };
    for k in [KEY, ISSUER_KEY, A_KEY, B_KEY] {
        assert!(!text.contains(&k[2..]), "a key was printed: {text}");
    }
    out
}

fn ok(url: &str, file: &str, key: &str, list: &[&str]) -> String {
    ds(url, file, key, list).unwrap_or_else(|e| panic!("ds {}: {e}", list.join(" ")))
}

#[test]
fn deploy_then_check() {
    let server = Server::start(Node::new(Devnet::new()), 0).expect("loopback listener");
    let url = server.url();
    let artifacts = concat!(env!("CARGO_MANIFEST_DIR"), "/../target/stylus");

    // No key: refused before any transaction.
    let e = run(
        &args(&["deploy", "--rpc", &url, "--artifacts", artifacts]),
        None,
    )
    .expect_err("no key");
    assert!(e.message.contains("DS_PRIVATE_KEY"), "{e}");
    // A bad key is refused without echoing it.
    let e = run(
        &args(&["deploy", "--rpc", &url, "--private-key", "0xnotakey"]),
        None,
    )
    .expect_err("bad key");
    assert!(!e.message.contains("notakey"), "{e}");

    let out = run(
        &args(&["deploy", "--rpc", &url, "--artifacts", artifacts]),
        Some(KEY.to_string()),
    )
    .unwrap_or_else(|e| panic!("deploy: {e}"));
    assert!(!out.contains(&KEY[2..]), "the key was printed");
    let deployed: Vec<(String, String)> = out
        .lines()
        .map(|l| {
            let (name, at) = l.split_once(' ').expect("name address");
            (name.to_string(), at.to_string())
        })
        .collect();
    assert_eq!(deployed.len(), 9, "{out}");
    let token = &deployed
        .iter()
        .find(|(n, _)| n == "ds_token")
        .expect("ds_token line")
        .1;

    // Unregistered wallets, no balance: the token refuses with a DS code.
    let from = "0x1111111111111111111111111111111111111111";
    let to = "0x2222222222222222222222222222222222222222";
    let out = run(
        &args(&["check", "--rpc", &url, "--token", token, from, to, "5"]),
        None,
    )
    .unwrap_or_else(|e| panic!("check: {e}"));
    let (code, reason) = out.split_once(' ').expect("code reason");
    let code: u64 = code.parse().expect("numeric code");
    assert_ne!(code, 0, "{out}");
    assert!(!reason.is_empty(), "{out}");
    println!("ds check: {out}");

    let e = run(
        &args(&["check", "--rpc", &url, "--token", token, from]),
        None,
    )
    .expect_err("missing arguments");
    assert!(e.message.contains("FROM TO AMOUNT"), "{e}");
    server.stop();
}

/// deploy --out → roles → countries → investors → issue → check →
/// transfer → refused transfer → unauthorised call; exit codes.
#[test]
fn operate_the_suite() {
    let server = Server::start(Node::new(Devnet::new()), 0).expect("loopback listener");
    let url = server.url();
    let artifacts = concat!(env!("CARGO_MANIFEST_DIR"), "/../target/stylus");
    let dir = std::env::temp_dir().join(format!("ds-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let file = dir.join("deployment.json");
    let file_s = file.to_str().expect("utf-8 path").to_string();
    let f = file_s.as_str();

    run(
        &args(&[
            "deploy",
            "--rpc",
            &url,
            "--artifacts",
            artifacts,
            "--out",
            f,
        ]),
        Some(KEY.to_string()),
    )
    .unwrap_or_else(|e| panic!("deploy: {e}"));
    let json = std::fs::read_to_string(&file).expect("deployment file");
    for name in ["chain_id", "trust", "registry", "compliance", "ds_token"] {
        assert!(json.contains(&format!("\"{name}\"")), "{json}");
    }

    let (issuer, a, b) = (addr(ISSUER_KEY), addr(A_KEY), addr(B_KEY));
    let unregistered = "0x4444444444444444444444444444444444444444";

    // Roles.
    assert_eq!(ok(&url, f, KEY, &["role", "get", &issuer]), "none");
    ok(&url, f, KEY, &["role", "set", &issuer, "issuer"]);
    assert_eq!(ok(&url, f, KEY, &["role", "get", &issuer]), "issuer");
    assert_eq!(ok(&url, f, KEY, &["role", "get", &addr(KEY)]), "master");

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
        &["investor", "register", "inv-b", "--country", "DE"],
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
    println!("ds transfer (refused): {e}");
    assert_eq!(e.exit, exit::REVERTED, "{e}");
    assert!(
        e.message
            .contains("TransferRejected: 20 Wallet not in registry service"),
        "{e}"
    );
    assert_eq!(ok(&url, f, KEY, &["balance", &a]), "70");

    // A role-gated call without the role.
    let e = ds(&url, f, B_KEY, &["issue", &b, "1"]).expect_err("not an issuer");
    println!("ds issue (no role): {e}");
    assert_eq!(e.exit, exit::REVERTED, "{e}");
    assert!(e.message.contains("UnauthorizedCaller"), "{e}");
    let e = ds(&url, f, ISSUER_KEY, &["compliance", "country", "FR", "eu"]).expect_err("issuer");
    assert!(e.message.contains("UnauthorizedCaller"), "{e}");
    // Role none removes it.
    ok(&url, f, KEY, &["role", "set", &issuer, "none"]);
    let e = ds(&url, f, ISSUER_KEY, &["issue", &a, "1"]).expect_err("role removed");
    assert!(e.message.contains("UnauthorizedCaller"), "{e}");

    // Usage errors.
    let e = ds(&url, f, KEY, &["role", "set", &issuer, "king"]).expect_err("bad role");
    assert_eq!(e.exit, exit::USAGE, "{e}");
    let e = ds(&url, f, KEY, &["compliance", "set", "noSuchRule", "1"]).expect_err("bad rule");
    assert_eq!(e.exit, exit::USAGE, "{e}");

    // Wrong chain: the deployment's chain id is checked first.
    let e = run(
        &args(&[
            "balance",
            &a,
            "--rpc",
            &url,
            "--deployment",
            f,
            "--chain-id",
            "1",
        ]),
        None,
    )
    .expect_err("wrong chain");
    assert_eq!(e.exit, exit::WRONG_CHAIN, "{e}");

    server.stop();
    // Unreachable endpoint: a loopback port nobody listens on.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("port")
        .local_addr()
        .expect("addr")
        .port();
    let dead = format!("http://127.0.0.1:{port}");
    let e = run(
        &args(&["balance", &a, "--rpc", &dead, "--deployment", f]),
        None,
    )
    .expect_err("unreachable");
    assert_eq!(e.exit, exit::UNREACHABLE, "{e}");
    assert!(e.message.contains("cannot reach"), "{e}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The `ds` binary maps failures to exit codes and never panics on them.
#[test]
fn binary_exit_codes() {
    let ds = env!("CARGO_BIN_EXE_ds");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .expect("port")
        .local_addr()
        .expect("addr")
        .port();
    let dead = format!("http://127.0.0.1:{port}");
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
}
