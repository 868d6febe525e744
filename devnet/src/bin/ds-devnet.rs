//! `ds-devnet serve [--port N]`: the devnet behind a loopback JSON-RPC
//! endpoint (127.0.0.1 only). See `ds_devnet::rpc`.

use ds_devnet::{
    rpc::{dev_accounts, Node, ServeOptions, Server, DEV_ACCOUNT_BALANCE},
    Address, Devnet,
};

const USAGE: &str = "usage: ds-devnet serve [--port PORT] [--accounts N] [--fund ADDRESS]... \
    [--l1-gas-per-byte GAS] [--gas-cap GAS] [--allow-any-origin]\n  \
    --port             default 8547, 127.0.0.1 only\n  \
    --accounts         pre-funded dev accounts, printed with their keys (default 10)\n  \
    --fund             give ADDRESS 10,000 ETH too (repeatable)\n  \
    --l1-gas-per-byte  L1 poster gas per calldata byte, reported as gasUsedForL1 (default 0)\n  \
    --gas-cap          most gas of a transaction or call (block gas limit, default 30000000)\n  \
    --allow-any-origin accept requests from web pages of any origin (default: loopback only)";

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut port: u16 = 8547;
    let mut l1_gas_per_byte: u64 = 0;
    let mut accounts: usize = 10;
    let mut funded: Vec<Address> = Vec::new();
    let mut gas_cap = ds_devnet::DEFAULT_GAS_LIMIT;
    let mut options = ServeOptions::default();
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
            "--accounts" => {
                accounts = match it.next().map(|n| n.parse()) {
                    Some(Ok(n)) => n,
                    _ => fail("--accounts needs a number"),
                }
            }
            "--fund" => match it.next().map(|a| a.parse()) {
                Some(Ok(address)) => funded.push(address),
                _ => fail("--fund needs an address"),
            },
            "--gas-cap" => {
                gas_cap = match it.next().map(|g| g.parse()) {
                    Some(Ok(g)) if g > 21_000 => g,
                    _ => fail("--gas-cap needs a number above 21000"),
                }
            }
            "--allow-any-origin" => options.allow_any_origin = true,
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
    let dev = dev_accounts(accounts);
    for address in dev.iter().map(|(_, a)| *a).chain(funded.iter().copied()) {
        net.set_balance(address, DEV_ACCOUNT_BALANCE);
    }
    let mut node = Node::new(net);
    node.set_gas_cap(gas_cap);
    if !dev.is_empty() {
        println!(
            "ds-devnet: dev accounts (10,000 ETH each; well-known keys, never use them elsewhere)"
        );
        for (i, (key, address)) in dev.iter().enumerate() {
            println!("  ({i}) {address} private key {key}");
        }
    }
    let chain_id = node.chain_id();
    match Server::start_with(node, port, options) {
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
