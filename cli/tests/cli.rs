//! `ds deploy` and `ds check` against the devnet served on loopback.

use ds_cli::run;
use ds_devnet::{
    rpc::{Node, Server},
    Devnet,
};

const KEY: &str = "0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318";

fn args(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| s.to_string()).collect()
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
    assert!(e.contains("DS_PRIVATE_KEY"), "{e}");
    // A bad key is refused without echoing it.
    let e = run(
        &args(&["deploy", "--rpc", &url, "--private-key", "0xnotakey"]),
        None,
    )
    .expect_err("bad key");
    assert!(!e.contains("notakey"), "{e}");

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
    assert!(e.contains("FROM TO AMOUNT"), "{e}");
    server.stop();
}
