//! The HTTP front of `ds-devnet serve` under hostile and concurrent
//! clients (security review F-10, F-11): foreign origins and hosts, wrong
//! content types and oversized bodies are refused with a JSON-RPC error; a
//! slow client does not hold up the others; gas is capped; and a bounded
//! load of 8 concurrent clients sending 2,000 mixed requests (good and bad)
//! loses and duplicates no transaction.

use std::{
    io::{Read, Write},
    net::{SocketAddr, TcpStream},
    time::{Duration, Instant},
};

use alloy_consensus::{SignableTransaction, TxEip1559, TxEnvelope};
use alloy_eips::eip2718::Encodable2718;
use alloy_primitives::{hex, Address, Bytes, Signature, TxKind, U256};
use ds_devnet::{
    rpc::{Node, ServeOptions, Server, DEV_ACCOUNT_BALANCE},
    Devnet, DEFAULT_CHAIN_ID,
};
use k256::ecdsa::SigningKey;
use serde_json::{json, Value};

/// Sends raw HTTP `request` to `addr`; returns the status and the body.
fn http(addr: SocketAddr, request: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .expect("timeout");
    // (the server may answer a refused request before it has all of it)
    let _ = stream.write_all(request.as_bytes());
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, body.to_string())
}

/// A POST of `body` with the given extra header lines.
fn post(addr: SocketAddr, body: &str, headers: &str) -> (u16, String) {
    http(
        addr,
        &format!(
            "POST / HTTP/1.1\r\nHost: {addr}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ),
    )
}

const JSON: &str = "Content-Type: application/json\r\n";

fn rpc(addr: SocketAddr, method: &str, params: Value) -> Value {
    let body = json!({ "jsonrpc": "2.0", "id": 1, "method": method, "params": params });
    let (status, text) = post(addr, &body.to_string(), JSON);
    assert_eq!(status, 200, "{text}");
    serde_json::from_str(&text).expect("JSON")
}

/// The JSON-RPC error of a refused HTTP request.
fn error_of(text: &str) -> Value {
    let v: Value = serde_json::from_str(text).expect("a JSON body");
    v["error"].clone()
}

fn key(seed: u8) -> SigningKey {
    SigningKey::from_slice(&[seed; 32]).expect("valid key")
}

fn address(key: &SigningKey) -> Address {
    Address::from_public_key(key.verifying_key())
}

/// A signed EIP-1559 value transfer.
fn transfer(key: &SigningKey, chain_id: u64, nonce: u64, to: Address, value: u64) -> String {
    let tx = TxEip1559 {
        chain_id,
        nonce,
        gas_limit: 100_000,
        max_fee_per_gas: 0,
        max_priority_fee_per_gas: 0,
        to: TxKind::Call(to),
        value: U256::from(value),
        access_list: Default::default(),
        input: Bytes::new(),
    };
    let (sig, recid) = key
        .sign_prehash_recoverable(tx.signature_hash().as_slice())
        .expect("signing");
    let sig = Signature::from_signature_and_parity(sig, recid.is_y_odd());
    hex::encode_prefixed(TxEnvelope::from(tx.into_signed(sig)).encoded_2718())
}

fn start(funded: &[Address]) -> Server {
    let mut net = Devnet::new();
    for who in funded {
        net.set_balance(*who, DEV_ACCOUNT_BALANCE);
    }
    Server::start_with(Node::new(net), 0, ServeOptions::default()).expect("loopback listener")
}

#[test]
fn foreign_origins_hosts_content_types_and_big_bodies_are_refused() {
    let server = start(&[]);
    let addr = server.addr();
    let body =
        json!({ "jsonrpc": "2.0", "id": 1, "method": "eth_chainId", "params": [] }).to_string();
    // a loopback page may call the node
    let (status, _) = post(
        addr,
        &body,
        &format!("{JSON}Origin: http://localhost:3000\r\n"),
    );
    assert_eq!(status, 200);
    // any other web page may not (CSRF)
    let (status, text) = post(
        addr,
        &body,
        &format!("{JSON}Origin: https://evil.example\r\n"),
    );
    assert_eq!(status, 403);
    assert!(
        error_of(&text)["message"]
            .as_str()
            .unwrap_or("")
            .contains("Origin"),
        "{text}"
    );
    // a rebound DNS name reaching the loopback port is refused
    let (status, text) = http(
        addr,
        &format!(
            "POST / HTTP/1.1\r\nHost: evil.example:8547\r\n{JSON}Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        ),
    );
    assert_eq!(status, 403, "{text}");
    assert_eq!(error_of(&text)["code"], -32600);
    // a form post (no preflight in a browser) is not JSON
    let (status, text) = post(addr, &body, "Content-Type: text/plain\r\n");
    assert_eq!(status, 415);
    assert_eq!(error_of(&text)["code"], -32600);
    // bodies are bounded
    let big = "x".repeat(ds_devnet::rpc::DEFAULT_MAX_BODY + 1);
    let (status, text) = post(addr, &big, JSON);
    assert_eq!(status, 413);
    assert_eq!(error_of(&text)["code"], -32600);
    server.stop();
}

#[test]
fn a_slow_client_does_not_hold_up_the_others() {
    let server = start(&[]);
    let addr = server.addr();
    // announces a body and never sends it
    let mut slow = TcpStream::connect(addr).expect("connect");
    slow.write_all(
        format!(
            "POST / HTTP/1.1\r\nHost: {addr}\r\n{JSON}Content-Length: 1000\r\n\r\n{{\"jsonrpc\""
        )
        .as_bytes(),
    )
    .expect("send");
    std::thread::sleep(Duration::from_millis(100));
    let started = Instant::now();
    let v = rpc(addr, "eth_chainId", json!([]));
    assert_eq!(v["result"], json!(format!("0x{DEFAULT_CHAIN_ID:x}")));
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    drop(slow);
    server.stop();
}

#[test]
fn gas_is_capped_at_the_block_gas_limit() {
    let sender = key(1);
    let server = start(&[address(&sender)]);
    let addr = server.addr();
    // a transaction over the cap is refused before it runs
    let tx = {
        let tx = TxEip1559 {
            chain_id: DEFAULT_CHAIN_ID,
            nonce: 0,
            gas_limit: ds_devnet::DEFAULT_GAS_LIMIT + 1,
            max_fee_per_gas: 0,
            max_priority_fee_per_gas: 0,
            to: TxKind::Call(Address::repeat_byte(7)),
            value: U256::from(1),
            access_list: Default::default(),
            input: Bytes::new(),
        };
        let (sig, recid) = sender
            .sign_prehash_recoverable(tx.signature_hash().as_slice())
            .expect("signing");
        let sig = Signature::from_signature_and_parity(sig, recid.is_y_odd());
        hex::encode_prefixed(TxEnvelope::from(tx.into_signed(sig)).encoded_2718())
    };
    let v = rpc(addr, "eth_sendRawTransaction", json!([tx]));
    let message = v["error"]["message"].as_str().unwrap_or("");
    assert!(message.contains("exceeds block gas limit"), "{v}");
    let nonce = rpc(
        addr,
        "eth_getTransactionCount",
        json!([address(&sender), "latest"]),
    );
    assert_eq!(nonce["result"], "0x0", "nothing included");
    server.stop();
}

/// Bounded load: 8 clients × 250 requests, a fifth of them bad in some way.
#[test]
fn eight_concurrent_clients_lose_and_duplicate_no_transaction() {
    const CLIENTS: u8 = 8;
    const REQUESTS: usize = 250;
    let keys: Vec<SigningKey> = (1..=CLIENTS).map(key).collect();
    let funded: Vec<Address> = keys.iter().map(address).collect();
    let server = start(&funded);
    let addr = server.addr();
    let sink = Address::repeat_byte(0x5e);
    let started = Instant::now();
    let workers: Vec<_> = keys
        .into_iter()
        .enumerate()
        .map(|(client, key)| {
            std::thread::spawn(move || {
                let mut latencies = Vec::with_capacity(REQUESTS);
                let mut nonce = 0u64;
                let mut hashes = Vec::new();
                let mut last_raw = None;
                for i in 0..REQUESTS {
                    let t = Instant::now();
                    let (status, text) = match i % 10 {
                        // a good transfer of 1 wei
                        0..=4 => {
                            let raw = transfer(&key, DEFAULT_CHAIN_ID, nonce, sink, 1);
                            let v = rpc(addr, "eth_sendRawTransaction", json!([raw]));
                            assert!(v["result"].is_string(), "client {client}: {v}");
                            hashes.push(v["result"].as_str().unwrap_or("").to_string());
                            nonce += 1;
                            last_raw = Some(raw);
                            (200, String::new())
                        }
                        // the same transaction again (replayed nonce)
                        5 => {
                            let raw = last_raw.clone().unwrap_or_default();
                            let v = rpc(addr, "eth_sendRawTransaction", json!([raw]));
                            assert!(v["error"]["code"].is_i64(), "{v}");
                            (200, String::new())
                        }
                        // signed for another chain
                        6 => {
                            let raw = transfer(&key, 1, nonce, sink, 1);
                            let v = rpc(addr, "eth_sendRawTransaction", json!([raw]));
                            assert!(
                                v["error"]["message"]
                                    .as_str()
                                    .unwrap_or("")
                                    .contains("chain id"),
                                "{v}"
                            );
                            (200, String::new())
                        }
                        // a corrupted signature
                        7 => {
                            let mut raw = transfer(&key, DEFAULT_CHAIN_ID, nonce, sink, 1);
                            raw.truncate(raw.len() - 8);
                            raw.push_str("deadbeef");
                            let v = rpc(addr, "eth_sendRawTransaction", json!([raw]));
                            assert!(
                                v["error"]["code"].is_i64() || v["result"].is_string(),
                                "{v}"
                            );
                            if v["result"].is_string() {
                                // a different but valid signer: its nonce 0 transaction
                                hashes.push(String::new());
                            }
                            (200, String::new())
                        }
                        // malformed JSON
                        8 => post(addr, "{\"jsonrpc\": \"2.0\", \"id\": 1, \"method\"", JSON),
                        // an oversized body, now and then
                        _ if i % 50 == 9 => post(
                            addr,
                            &"y".repeat(ds_devnet::rpc::DEFAULT_MAX_BODY + 1),
                            JSON,
                        ),
                        _ => {
                            let v = rpc(addr, "eth_blockNumber", json!([]));
                            assert!(v["result"].is_string(), "{v}");
                            (200, String::new())
                        }
                    };
                    if i % 10 == 8 {
                        assert_eq!(status, 200);
                        assert_eq!(error_of(&text)["code"], -32700, "{text}");
                    } else if status == 413 {
                        assert_eq!(error_of(&text)["code"], -32600, "{text}");
                    }
                    latencies.push(t.elapsed());
                }
                (nonce, hashes, latencies)
            })
        })
        .collect();
    let mut latencies = Vec::new();
    let mut valid = 0u64;
    let mut all_hashes = Vec::new();
    for (client, worker) in workers.into_iter().enumerate() {
        let (nonce, hashes, mut l) = worker.join().expect("client thread");
        let sender = funded[client];
        let on_chain = rpc(addr, "eth_getTransactionCount", json!([sender, "latest"]));
        assert_eq!(
            on_chain["result"],
            json!(format!("0x{nonce:x}")),
            "client {client}"
        );
        valid += nonce;
        all_hashes.extend(hashes.into_iter().filter(|h| !h.is_empty()));
        latencies.append(&mut l);
    }
    let elapsed = started.elapsed();
    let unique: std::collections::HashSet<&String> = all_hashes.iter().collect();
    assert_eq!(unique.len(), all_hashes.len(), "no transaction twice");
    let balance = rpc(addr, "eth_getBalance", json!([sink, "latest"]));
    assert_eq!(
        balance["result"],
        json!(format!("0x{valid:x}")),
        "every transfer arrived once"
    );
    latencies.sort();
    let p99 = latencies[latencies.len() * 99 / 100];
    let total = latencies.len();
    println!(
        "load: {total} requests from {CLIENTS} clients in {elapsed:?} ({:.0} requests/s), p99 latency {p99:?}, {valid} transactions",
        total as f64 / elapsed.as_secs_f64()
    );
    server.stop();
}
