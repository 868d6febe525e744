//! `ds-devnet serve [--port N]`: the devnet behind a loopback JSON-RPC
//! endpoint (127.0.0.1 only). See `ds_devnet::rpc`.

use ds_devnet::{
    rpc::{Node, Server},
    Devnet,
};

const USAGE: &str = "usage: ds-devnet serve [--port PORT] [--l1-gas-per-byte GAS]\n  \
    --port             default 8547, 127.0.0.1 only\n  \
    --l1-gas-per-byte  L1 poster gas per calldata byte, reported as gasUsedForL1 (default 0)";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut port: u16 = 8547;
    let mut l1_gas_per_byte: u64 = 0;
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
            "--l1-gas-per-byte" => {
                l1_gas_per_byte = match it.next().map(|g| g.parse()) {
                    Some(Ok(g)) => g,
                    _ => fail("--l1-gas-per-byte needs a number"),
                }
            }
            other => fail(&format!("unknown argument `{other}`\n{USAGE}")),
        }
    }
    let mut net = Devnet::new();
    net.set_l1_gas_per_byte(l1_gas_per_byte);
    let node = Node::new(net);
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
