//! `ds-devnet serve [--port N]`: the devnet behind a loopback JSON-RPC
//! endpoint (127.0.0.1 only). See `ds_devnet::rpc`.

use ds_devnet::{
    rpc::{Node, Server},
    Devnet,
};

const USAGE: &str = "usage: ds-devnet serve [--port PORT]   (default port 8547, 127.0.0.1 only)";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut port: u16 = 8547;
    let mut it = args.iter();
    match it.next().map(String::as_str) {
        Some("serve") => {}
        Some("-h" | "--help") => {
            println!("{USAGE}");
            return;
        }
        _ => fail(USAGE),
    }
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--port" | "-p" => {
                port = match it.next().map(|p| p.parse()) {
                    Some(Ok(p)) => p,
                    _ => fail("--port needs a number from 0 to 65535"),
                }
            }
            other => fail(&format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    let node = Node::new(Devnet::new());
    let chain_id = node.chain_id();
    match Server::start(node, port) {
        Ok(server) => {
            println!("ds-devnet: chain {chain_id} listening on {}", server.url());
            server.wait();
        }
        Err(e) => fail(&format!("cannot listen on 127.0.0.1:{port}: {e}")),
    }
}

fn fail(message: &str) -> ! {
    eprintln!("{message}");
    std::process::exit(2);
}
