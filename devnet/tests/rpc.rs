//! The JSON-RPC front: a server on an ephemeral loopback port, driven by a
//! minimal HTTP client and transactions signed here with k256.

use std::{
    io::{Read, Write},
    net::TcpStream,
};

use alloy_consensus::{SignableTransaction, TxEip1559, TxEnvelope, TxLegacy};
use alloy_eips::eip2718::Encodable2718;
use alloy_primitives::{hex, Address, Bytes, Signature, TxKind, B256, U256};
use alloy_sol_types::{sol, SolCall, SolError, SolEvent, SolValue};
use ds_devnet::{
    constructor_calldata,
    rpc::{init_salt, stylus_init_code, IStylusDeployer, Node, Server, ARB_WASM, STYLUS_DEPLOYER},
    Devnet, DEFAULT_CHAIN_ID,
};
use k256::ecdsa::SigningKey;
use serde_json::{json, Value};

sol! {
    interface IErc20 {
        function transfer(address to, uint256 value) external returns (bool);
        function balanceOf(address owner) external view returns (uint256);
        function totalSupply() external view returns (uint256);
        event Transfer(address indexed from, address indexed to, uint256 value);
    }
}
sol!("../abi/arbitrum/ArbWasm.sol");
sol!("../abi/arbitrum/ArbWasmCache.sol");

struct Client {
    server: Option<Server>,
    id: u64,
}

impl Client {
    /// A node whose test keys (seeds 0 to 15) hold 10,000 ETH: activations
    /// pay a data fee.
    fn start() -> Self {
        let mut net = Devnet::new();
        for seed in 1..16 {
            net.set_balance(
                Key::new(seed).address(),
                ds_devnet::rpc::DEV_ACCOUNT_BALANCE,
            );
        }
        let server = Server::start(Node::new(net), 0).expect("loopback listener");
        assert!(server.addr().ip().is_loopback());
        Self {
            server: Some(server),
            id: 0,
        }
    }

    fn post(&mut self, body: &str) -> Value {
        let addr = self.server.as_ref().expect("running").addr();
        let mut stream = TcpStream::connect(addr).expect("connect");
        write!(
            stream,
            "POST / HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\n\
             Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len()
        )
        .expect("send");
        let mut response = String::new();
        stream.read_to_string(&mut response).expect("receive");
        let (head, body) = response.split_once("\r\n\r\n").expect("HTTP response");
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        serde_json::from_str(body).expect("JSON body")
    }

    /// The full response object of `method(params)`.
    fn request(&mut self, method: &str, params: Value) -> Value {
        self.id += 1;
        let body = json!({ "jsonrpc": "2.0", "id": self.id, "method": method, "params": params });
        let response = self.post(&body.to_string());
        assert_eq!(response["id"], json!(self.id));
        assert_eq!(response["jsonrpc"], "2.0");
        response
    }

    fn ok(&mut self, method: &str, params: Value) -> Value {
        let r = self.request(method, params);
        assert!(r.get("error").is_none(), "{method}: {r}");
        r["result"].clone()
    }

    /// The error message of a call expected to fail.
    fn err(&mut self, method: &str, params: Value) -> (i64, String) {
        let r = self.request(method, params);
        let e = r
            .get("error")
            .unwrap_or_else(|| panic!("{method} succeeded: {r}"));
        (
            e["code"].as_i64().expect("code"),
            e["message"].as_str().expect("message").to_string(),
        )
    }

    fn send_raw(&mut self, raw: &[u8]) -> B256 {
        let hash = self.ok("eth_sendRawTransaction", json!([hex::encode_prefixed(raw)]));
        serde_json::from_value(hash).expect("hash")
    }

    fn receipt(&mut self, hash: B256) -> Value {
        self.ok("eth_getTransactionReceipt", json!([hash]))
    }

    fn nonce(&mut self, who: Address) -> u64 {
        quantity(&self.ok("eth_getTransactionCount", json!([who, "latest"])))
    }

    fn call(&mut self, to: Address, data: &[u8]) -> Vec<u8> {
        let out = self.ok(
            "eth_call",
            json!([{ "to": to, "data": hex::encode_prefixed(data) }, "latest"]),
        );
        hex::decode(out.as_str().expect("hex")).expect("hex")
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        if let Some(server) = self.server.take() {
            server.stop();
        }
    }
}

fn quantity_u256(v: &Value) -> U256 {
    U256::from_str_radix(v.as_str().expect("hex").trim_start_matches("0x"), 16).expect("quantity")
}

fn quantity(v: &Value) -> u64 {
    let s = v.as_str().expect("quantity");
    u64::from_str_radix(s.trim_start_matches("0x"), 16).expect("hex quantity")
}

struct Key(SigningKey);

impl Key {
    fn new(seed: u8) -> Self {
        Self(SigningKey::from_slice(&[seed; 32]).expect("valid key"))
    }

    fn address(&self) -> Address {
        Address::from_public_key(self.0.verifying_key())
    }

    fn signature(&self, hash: B256) -> Signature {
        let (sig, recid) = self
            .0
            .sign_prehash_recoverable(hash.as_slice())
            .expect("signing");
        Signature::from_signature_and_parity(sig, recid.is_y_odd())
    }

    fn sign_1559(&self, tx: TxEip1559) -> Vec<u8> {
        let sig = self.signature(tx.signature_hash());
        TxEnvelope::from(tx.into_signed(sig)).encoded_2718()
    }

    fn tx(&self, nonce: u64, to: TxKind, input: Vec<u8>) -> TxEip1559 {
        TxEip1559 {
            chain_id: DEFAULT_CHAIN_ID,
            nonce,
            gas_limit: 10_000_000,
            max_fee_per_gas: 0,
            max_priority_fee_per_gas: 0,
            to,
            value: U256::ZERO,
            access_list: Default::default(),
            input: Bytes::from(input),
        }
    }
}

fn erc20() -> Vec<u8> {
    ds_devnet::artifact("erc20_min").expect("target/stylus/erc20_min.wasm")
}

/// Deploys erc20_min (creation, activation, constructor) as `key`; returns
/// its address.
fn deploy_erc20(c: &mut Client, key: &Key, supply: U256) -> Address {
    let nonce = c.nonce(key.address());
    let init = stylus_init_code(&erc20(), 4);
    let hash = c.send_raw(&key.sign_1559(key.tx(nonce, TxKind::Create, init)));
    let receipt = c.receipt(hash);
    assert_eq!(receipt["status"], "0x1", "{receipt}");
    let token: Address =
        serde_json::from_value(receipt["contractAddress"].clone()).expect("address");
    assert_eq!(token, key.address().create(nonce));
    let code = c.ok("eth_getCode", json!([token, "latest"]));
    assert!(
        code.as_str().expect("hex").starts_with("0xeff000"),
        "{code}"
    );

    // Not activated yet: calls are refused.
    let (code, message) = c.err(
        "eth_call",
        json!([{ "to": token, "data": hex::encode_prefixed(IErc20::totalSupplyCall {}.abi_encode()) }]),
    );
    assert_eq!(code, 3);
    assert!(message.contains("not activated"), "{message}");

    let activate = IArbWasm::activateProgramCall { program: token }.abi_encode();
    let fee = data_fee(c, token);
    let mut tx = key.tx(nonce + 1, TxKind::Call(ARB_WASM), activate);
    tx.value = fee;
    let hash = c.send_raw(&key.sign_1559(tx));
    let receipt = c.receipt(hash);
    assert_eq!(receipt["status"], "0x1", "{receipt}");
    assert_eq!(receipt["logs"][0]["address"], json!(ARB_WASM));

    let ctor = constructor_calldata(&supply.abi_encode());
    let hash = c.send_raw(&key.sign_1559(key.tx(nonce + 2, TxKind::Call(token), ctor)));
    let receipt = c.receipt(hash);
    assert_eq!(receipt["status"], "0x1", "{receipt}");
    token
}

/// The data fee ArbWasm quotes for activating the code at `program`.
fn data_fee(c: &mut Client, program: Address) -> U256 {
    let quote = IArbWasm::activateProgramCall { program }.abi_encode();
    let out = c.call(ARB_WASM, &quote);
    IArbWasm::activateProgramCall::abi_decode_returns(&out)
        .expect("(version, dataFee)")
        .dataFee
}

fn balance_of(c: &mut Client, token: Address, owner: Address) -> U256 {
    let out = c.call(token, &IErc20::balanceOfCall { owner }.abi_encode());
    U256::abi_decode(&out).expect("uint256")
}

#[test]
fn chain_basics() {
    let mut c = Client::start();
    assert_eq!(quantity(&c.ok("eth_chainId", json!([]))), DEFAULT_CHAIN_ID);
    assert_eq!(quantity(&c.ok("eth_blockNumber", json!([]))), 1);
    assert_eq!(quantity(&c.ok("eth_gasPrice", json!([]))), 0);
    let who = Key::new(1).address();
    assert_eq!(
        quantity_u256(&c.ok("eth_getBalance", json!([who, "latest"]))),
        ds_devnet::rpc::DEV_ACCOUNT_BALANCE,
        "a funded test key"
    );
    let nobody = Key::new(99).address();
    assert_eq!(
        quantity(&c.ok("eth_getBalance", json!([nobody, "latest"]))),
        0
    );
    assert_eq!(c.nonce(who), 0);
    assert_eq!(c.ok("eth_getCode", json!([who, "latest"])), "0x");
    let history = c.ok("eth_feeHistory", json!(["0x1", "latest", [25.0, 75.0]]));
    assert_eq!(history["baseFeePerGas"].as_array().map(Vec::len), Some(2));
    assert_eq!(history["reward"][0].as_array().map(Vec::len), Some(2));
    let block = c.ok("eth_getBlockByNumber", json!(["latest", false]));
    assert_eq!(block["number"], "0x1");
    let (code, message) = c.err("eth_nope", json!([]));
    assert_eq!(code, -32601, "{message}");
    // Batches.
    let batch = c.post(
        r#"[{"jsonrpc":"2.0","id":7,"method":"eth_chainId","params":[]},
            {"jsonrpc":"2.0","id":8,"method":"eth_blockNumber"}]"#,
    );
    assert_eq!(batch[0]["id"], 7);
    assert_eq!(batch[1]["result"], "0x1");
    // Garbage.
    let garbage = c.post("{not json");
    assert_eq!(garbage["error"]["code"], -32700);
}

#[test]
fn deploy_call_transfer_and_logs() {
    let mut c = Client::start();
    let holder = Key::new(1);
    let fresh = Key::new(2).address();
    let supply = U256::from(1_000_000u64);
    let token = deploy_erc20(&mut c, &holder, supply);
    assert_eq!(c.nonce(holder.address()), 3);
    assert_eq!(balance_of(&mut c, token, holder.address()), supply);

    let value = U256::from(1_234u64);
    let transfer = IErc20::transferCall { to: fresh, value }.abi_encode();
    let gas = quantity(&c.ok(
        "eth_estimateGas",
        json!([{ "from": holder.address(), "to": token, "data": hex::encode_prefixed(&transfer) }]),
    ));
    assert!((21_000..200_000).contains(&gas), "{gas}");
    let mut tx = holder.tx(3, TxKind::Call(token), transfer);
    tx.gas_limit = gas;
    let hash = c.send_raw(&holder.sign_1559(tx));
    let receipt = c.receipt(hash);
    assert_eq!(receipt["status"], "0x1", "{receipt}");
    assert_eq!(receipt["from"], json!(holder.address()));
    assert_eq!(receipt["to"], json!(token));
    assert!(quantity(&receipt["gasUsed"]) <= gas);
    let log = &receipt["logs"][0];
    assert_eq!(log["address"], json!(token));
    assert_eq!(log["topics"][0], json!(IErc20::Transfer::SIGNATURE_HASH));
    assert_eq!(log["transactionHash"], json!(hash));
    let data = hex::decode(log["data"].as_str().expect("hex")).expect("hex");
    assert_eq!(U256::abi_decode(&data).expect("value"), value);
    assert_eq!(balance_of(&mut c, token, fresh), value);
    assert_eq!(balance_of(&mut c, token, holder.address()), supply - value);

    let tx = c.ok("eth_getTransactionByHash", json!([hash]));
    assert_eq!(tx["nonce"], "0x3");

    // eth_getLogs by address and topics.
    let logs = c.ok(
        "eth_getLogs",
        json!([{ "fromBlock": "0x0", "toBlock": "latest", "address": token,
                 "topics": [IErc20::Transfer::SIGNATURE_HASH, null, fresh.into_word()] }]),
    );
    let logs = logs.as_array().expect("array");
    assert_eq!(logs.len(), 1, "{logs:?}");
    assert_eq!(logs[0]["blockNumber"], receipt["blockNumber"]);
    // The constructor's mint to the holder and the transfer.
    let all = c.ok(
        "eth_getLogs",
        json!([{ "fromBlock": "0x0", "address": [token], "topics": [IErc20::Transfer::SIGNATURE_HASH] }]),
    );
    assert_eq!(all.as_array().map(Vec::len), Some(2), "{all}");

    // A failing transfer is included, consumes its nonce, status 0.
    let too_much = IErc20::transferCall {
        to: fresh,
        value: supply,
    }
    .abi_encode();
    let (code, _) = c.err(
        "eth_estimateGas",
        json!([{ "from": holder.address(), "to": token, "data": hex::encode_prefixed(&too_much) }]),
    );
    assert_eq!(code, 3);
    let hash = c.send_raw(&holder.sign_1559(holder.tx(4, TxKind::Call(token), too_much)));
    assert_eq!(c.receipt(hash)["status"], "0x0");
    assert_eq!(c.nonce(holder.address()), 5);
    assert_eq!(balance_of(&mut c, token, fresh), value);
}

#[test]
fn legacy_eip155_and_raw_stylus_code() {
    let mut c = Client::start();
    let key = Key::new(3);
    // Raw `EF F0 00 ‖ brotli(wasm)` as the created code, in a legacy tx.
    let mut code = vec![0xef, 0xf0, 0x00];
    {
        let mut w = brotli::CompressorWriter::new(&mut code, 4096, 4, 22);
        w.write_all(&erc20()).expect("compress");
    }
    let tx = TxLegacy {
        chain_id: Some(DEFAULT_CHAIN_ID),
        nonce: 0,
        gas_price: 0,
        gas_limit: 10_000_000,
        to: TxKind::Create,
        value: U256::ZERO,
        input: Bytes::from(code),
    };
    let sig = key.signature(tx.signature_hash());
    let raw = TxEnvelope::from(tx.into_signed(sig)).encoded_2718();
    let hash = c.send_raw(&raw);
    let receipt = c.receipt(hash);
    assert_eq!(receipt["status"], "0x1", "{receipt}");
    assert_eq!(receipt["type"], "0x0");
    assert_eq!(receipt["contractAddress"], json!(key.address().create(0)));

    // EVM bytecode is refused with a clear message, nonce untouched.
    let evm = key.sign_1559(key.tx(1, TxKind::Create, vec![0x60, 0x00, 0x60, 0x00, 0xf3]));
    let (_, message) = c.err("eth_sendRawTransaction", json!([hex::encode_prefixed(evm)]));
    assert!(
        message.contains("EVM bytecode is not supported"),
        "{message}"
    );
    assert_eq!(c.nonce(key.address()), 1);
}

#[test]
fn refusals() {
    let mut c = Client::start();
    let key = Key::new(4);
    let to = TxKind::Call(Devnet::account("anyone"));

    // Wrong chain id.
    let mut tx = key.tx(0, to, Vec::new());
    tx.chain_id = 1;
    let (code, message) = c.err(
        "eth_sendRawTransaction",
        json!([hex::encode_prefixed(key.sign_1559(tx))]),
    );
    assert_eq!(code, -32000);
    assert!(message.contains("wrong chain id"), "{message}");

    // Replayed nonce.
    let raw = key.sign_1559(key.tx(0, to, Vec::new()));
    let hash = c.send_raw(&raw);
    assert_eq!(c.receipt(hash)["status"], "0x1");
    let (code, message) = c.err(
        "eth_sendRawTransaction",
        json!([hex::encode_prefixed(&raw)]),
    );
    assert_eq!(code, -32000);
    assert!(message.contains("nonce too low"), "{message}");
    // A nonce gap.
    let gap = key.sign_1559(key.tx(5, to, Vec::new()));
    let (_, message) = c.err("eth_sendRawTransaction", json!([hex::encode_prefixed(gap)]));
    assert!(message.contains("nonce too high"), "{message}");

    // Bad signatures: r = 0, and the high-s twin of a valid signature (EIP-2).
    let tx = key.tx(1, to, Vec::new());
    let good = key.signature(tx.signature_hash());
    let zero_r = Signature::new(U256::ZERO, good.s(), good.v());
    let n = U256::from_str_radix(
        "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141",
        16,
    )
    .expect("order");
    let high_s = Signature::new(good.r(), n - good.s(), !good.v());
    for sig in [zero_r, high_s] {
        let raw = TxEnvelope::from(tx.clone().into_signed(sig)).encoded_2718();
        let (code, message) = c.err("eth_sendRawTransaction", json!([hex::encode_prefixed(raw)]));
        assert_eq!(code, -32000);
        assert!(
            message.contains("invalid transaction signature"),
            "{message}"
        );
    }
    assert_eq!(c.nonce(key.address()), 1);

    // Undecodable bytes.
    let (_, message) = c.err("eth_sendRawTransaction", json!(["0x02c0ffee"]));
    assert!(message.contains("undecodable"), "{message}");

    // Replay-unprotected legacy transaction.
    let legacy = TxLegacy {
        chain_id: None,
        nonce: 1,
        gas_limit: 100_000,
        to,
        ..TxLegacy::default()
    };
    let sig = key.signature(legacy.signature_hash());
    let raw = TxEnvelope::from(legacy.into_signed(sig)).encoded_2718();
    let (_, message) = c.err("eth_sendRawTransaction", json!([hex::encode_prefixed(raw)]));
    assert!(message.contains("replay-unprotected"), "{message}");
}

/// The revert data of a failed `eth_call` / `eth_estimateGas`.
fn revert_data(c: &mut Client, method: &str, call: Value) -> Vec<u8> {
    let r = c.request(method, json!([call, "latest"]));
    let e = r
        .get("error")
        .unwrap_or_else(|| panic!("{method} succeeded: {r}"));
    assert_eq!(e["code"], 3, "{e}");
    hex::decode(e["data"].as_str().expect("revert data")).expect("hex")
}

#[test]
fn stylus_deployer_creates_activates_and_initialises_in_one_transaction() {
    let mut c = Client::start();
    let key = Key::new(5);
    let init = stylus_init_code(&erc20(), 4);
    let code = init[43..].to_vec();
    let codehash = alloy_primitives::keccak256(&code);

    // The data-fee query cargo-stylus makes: activateProgram on a random
    // address whose code comes from a state override.
    let spoofed = Devnet::account("spoofed");
    let query = IArbWasm::activateProgramCall { program: spoofed }.abi_encode();
    let out = c.ok(
        "eth_call",
        json!([{ "to": ARB_WASM, "data": hex::encode_prefixed(&query), "value": "0xde0b6b3a7640000" },
               "latest", { spoofed.to_string(): { "code": hex::encode_prefixed(&code), "balance": "0x1" } }]),
    );
    let ret = IArbWasm::activateProgramCall::abi_decode_returns(
        &hex::decode(out.as_str().expect("hex")).expect("hex"),
    )
    .expect("(version, dataFee)");
    assert_eq!(ret.version, 1);
    assert!(ret.dataFee > U256::ZERO, "nitro's data pricer quotes a fee");
    // Not activated yet: codehashVersion reverts with ProgramNotActivated().
    let version = IArbWasm::codehashVersionCall { codehash }.abi_encode();
    let call = json!({ "to": ARB_WASM, "data": hex::encode_prefixed(&version) });
    assert_eq!(
        revert_data(&mut c, "eth_call", call.clone()),
        alloy_primitives::keccak256(b"ProgramNotActivated()")[..4]
    );

    // Deploy, activate and run the constructor in one transaction.
    let supply = U256::from(777u64);
    let deploy = |init_data: Vec<u8>, salt: B256| {
        IStylusDeployer::deployCall {
            bytecode: Bytes::from(init.clone()),
            initData: Bytes::from(init_data),
            initValue: U256::ZERO,
            salt,
        }
        .abi_encode()
    };
    let data = deploy(constructor_calldata(&supply.abi_encode()), B256::ZERO);
    let fee_value = format!("0x{:x}", ret.dataFee * U256::from(2));
    let estimate = quantity(&c.ok(
        "eth_estimateGas",
        json!([{ "from": key.address(), "to": STYLUS_DEPLOYER, "data": hex::encode_prefixed(&data), "value": fee_value }]),
    ));
    // The value pays the data fee; the deployer refunds the rest.
    let mut tx = key.tx(0, TxKind::Call(STYLUS_DEPLOYER), data.clone());
    tx.value = ret.dataFee * U256::from(2);
    let before = quantity_u256(&c.ok("eth_getBalance", json!([key.address(), "latest"])));
    let hash = c.send_raw(&key.sign_1559(tx));
    let receipt = c.receipt(hash);
    assert_eq!(receipt["status"], "0x1", "{receipt}");
    assert!(quantity(&receipt["gasUsed"]) <= estimate);
    let after = quantity_u256(&c.ok("eth_getBalance", json!([key.address(), "latest"])));
    assert_eq!(before - after, ret.dataFee, "only the fee is kept");
    let token = STYLUS_DEPLOYER.create(1);
    let logs = receipt["logs"].as_array().expect("logs");
    let topics: Vec<&Value> = logs.iter().map(|l| &l["topics"][0]).collect();
    assert_eq!(
        topics,
        [
            &json!(IArbWasm::ProgramActivated::SIGNATURE_HASH),
            &json!(IErc20::Transfer::SIGNATURE_HASH),
            &json!(IStylusDeployer::ContractDeployed::SIGNATURE_HASH)
        ]
    );
    assert_eq!(logs[2]["address"], json!(STYLUS_DEPLOYER));
    assert_eq!(logs[2]["data"], json!(token.into_word()));
    // Callable at once; the constructor ran with the deployer as msg.sender.
    assert_eq!(balance_of(&mut c, token, STYLUS_DEPLOYER), supply);
    assert_eq!(
        c.ok("eth_call", json!([call])),
        json!(hex::encode_prefixed(1u16.abi_encode()))
    );
    // Activating the same code again: ProgramUpToDate().
    let again = json!([{ "to": ARB_WASM, "data": hex::encode_prefixed(IArbWasm::activateProgramCall { program: token }.abi_encode()) }]);
    let (code_, _) = c.err("eth_call", again);
    assert_eq!(code_, 3);

    // A constructor that reverts: the transaction fails and leaves nothing.
    let bad = deploy(vec![0xde, 0xad, 0xbe, 0xef], B256::ZERO);
    let reverted = revert_data(
        &mut c,
        "eth_estimateGas",
        json!({ "from": key.address(), "to": STYLUS_DEPLOYER, "data": hex::encode_prefixed(&bad) }),
    );
    assert_eq!(
        reverted[..4],
        IStylusDeployer::ContractInitializationError::SELECTOR
    );
    let hash = c.send_raw(&key.sign_1559(key.tx(1, TxKind::Call(STYLUS_DEPLOYER), bad)));
    assert_eq!(c.receipt(hash)["status"], "0x0");
    let next = STYLUS_DEPLOYER.create(2);
    assert_eq!(c.ok("eth_getCode", json!([next, "latest"])), "0x");

    // The same code again, now already active: no activation log, and
    // the deployer's nonce moved on only for the successful deployment.
    let hash = c.send_raw(&key.sign_1559(key.tx(2, TxKind::Call(STYLUS_DEPLOYER), data)));
    let receipt = c.receipt(hash);
    assert_eq!(receipt["status"], "0x1", "{receipt}");
    assert_eq!(
        receipt["logs"].as_array().map(Vec::len),
        Some(2),
        "{receipt}"
    );
    assert_eq!(balance_of(&mut c, next, STYLUS_DEPLOYER), supply);

    // CREATE2: the address follows keccak256(salt ‖ initData) and the code;
    // the same salt and init data cannot deploy twice.
    let salt = B256::repeat_byte(9);
    let ctor = constructor_calldata(&U256::from(5u64).abi_encode());
    let data = deploy(ctor.clone(), salt);
    let hash = c.send_raw(&key.sign_1559(key.tx(3, TxKind::Call(STYLUS_DEPLOYER), data.clone())));
    assert_eq!(c.receipt(hash)["status"], "0x1");
    let at = STYLUS_DEPLOYER.create2(init_salt(salt, &ctor), alloy_primitives::keccak256(&init));
    assert_eq!(balance_of(&mut c, at, STYLUS_DEPLOYER), U256::from(5u64));
    let twice = revert_data(
        &mut c,
        "eth_call",
        json!({ "from": key.address(), "to": STYLUS_DEPLOYER, "data": hex::encode_prefixed(&data) }),
    );
    assert_eq!(
        twice[..4],
        IStylusDeployer::ContractDeploymentError::SELECTOR
    );

    // A plain creation of code that is already active runs at once (Nitro
    // activates code hashes, not accounts).
    let hash = c.send_raw(&key.sign_1559(key.tx(4, TxKind::Create, init.clone())));
    let plain = key.address().create(4);
    assert_eq!(c.receipt(hash)["contractAddress"], json!(plain));
    assert_eq!(balance_of(&mut c, plain, STYLUS_DEPLOYER), U256::ZERO);
}

/// ArbWasm answers nitro's init gas and parameters; ArbWasmCache caches a
/// program so that calls into it pay only the cached init gas; deployment
/// pays the code deposit and the activation gas of the module.
#[test]
fn arb_wasm_init_gas_parameters_and_the_cache() {
    let mut c = Client::start();
    let key = Key::new(7);
    let token = deploy_erc20(&mut c, &key, U256::from(1_000));
    let code = hex::decode(
        c.ok("eth_getCode", json!([token, "latest"]))
            .as_str()
            .expect("hex"),
    )
    .expect("hex");

    let init = c.call(
        ARB_WASM,
        &IArbWasm::programInitGasCall { program: token }.abi_encode(),
    );
    let init = IArbWasm::programInitGasCall::abi_decode_returns(&init).expect("two uint64");
    // erc20_min: funcs 140, type_len 354, 17,811 bytes, 7 globals, 932 segment bytes, 1 page
    assert_eq!((init.gas, init.gasWhenCached), (13_759, 1_108));
    let min = c.call(ARB_WASM, &IArbWasm::minInitGasCall {}.abi_encode());
    let min = IArbWasm::minInitGasCall::abi_decode_returns(&min).expect("two uint64");
    assert_eq!((min.gas, min.cached), (8_832, 352));
    let word = |c: &mut Client, data: Vec<u8>| U256::from_be_slice(&c.call(ARB_WASM, &data));
    assert_eq!(
        word(&mut c, IArbWasm::inkPriceCall {}.abi_encode()),
        U256::from(10_000)
    );
    assert_eq!(
        word(&mut c, IArbWasm::freePagesCall {}.abi_encode()),
        U256::from(2)
    );
    assert_eq!(
        word(&mut c, IArbWasm::pageGasCall {}.abi_encode()),
        U256::from(1_000)
    );
    assert_eq!(
        word(&mut c, IArbWasm::initCostScalarCall {}.abi_encode()),
        U256::from(100)
    );

    // A transfer uncached, then cached through ArbWasmCache.
    let transfer = IErc20::transferCall {
        to: Address::repeat_byte(9),
        value: U256::from(1),
    }
    .abi_encode();
    // (the first transfer allocates the recipient's slot; the next ones compare)
    let nonce = c.nonce(key.address());
    c.send_raw(&key.sign_1559(key.tx(nonce, TxKind::Call(token), transfer.clone())));
    let nonce = nonce + 1;
    let uncached = c.send_raw(&key.sign_1559(key.tx(nonce, TxKind::Call(token), transfer.clone())));
    let uncached = quantity(&c.receipt(uncached)["gasUsed"]);
    let codehash = alloy_primitives::keccak256(&code);
    let is_cached = |c: &mut Client| {
        let out = c.call(
            ds_devnet::rpc::ARB_WASM_CACHE,
            &IArbWasmCache::codehashIsCachedCall { codehash }.abi_encode(),
        );
        bool::abi_decode(&out).expect("bool")
    };
    assert!(!is_cached(&mut c));
    let cache = IArbWasmCache::cacheProgramCall { addr: token }.abi_encode();
    let hash = c.send_raw(&key.sign_1559(key.tx(
        nonce + 1,
        TxKind::Call(ds_devnet::rpc::ARB_WASM_CACHE),
        cache,
    )));
    assert_eq!(c.receipt(hash)["status"], "0x1");
    assert!(is_cached(&mut c));
    let cached = c.send_raw(&key.sign_1559(key.tx(nonce + 2, TxKind::Call(token), transfer)));
    let cached = quantity(&c.receipt(cached)["gasUsed"]);
    assert_eq!(uncached - cached, init.gas - init.gasWhenCached);
}

/// A creation transaction pays CREATE, the init code words and 200 gas per
/// byte of deployed code; activation pays nitro's estimate from the module.
#[test]
fn deployment_pays_the_code_deposit_and_the_activation_gas() {
    let mut c = Client::start();
    let key = Key::new(8);
    let init = stylus_init_code(&erc20(), 4);
    let (code, _) = ds_devnet::rpc::stylus_deploy_code(&init).expect("stylus code");
    let nonce = c.nonce(key.address());
    let hash = c.send_raw(&key.sign_1559(key.tx(nonce, TxKind::Create, init.clone())));
    let used = quantity(&c.receipt(hash)["gasUsed"]);
    let intrinsic = ds_devnet::gas::intrinsic_gas(&init);
    assert_eq!(
        used,
        intrinsic + 32_000 + 2 * (init.len() as u64).div_ceil(32) + 200 * code.len() as u64
    );
    let token = key.address().create(nonce);
    let activate = IArbWasm::activateProgramCall { program: token }.abi_encode();
    let hash =
        c.send_raw(&key.sign_1559(key.tx(nonce + 1, TxKind::Call(ARB_WASM), activate.clone())));
    let used = quantity(&c.receipt(hash)["gasUsed"]);
    let module = ds_devnet::module::meter(&erc20()).expect("meters").info;
    assert_eq!(
        used,
        ds_devnet::gas::intrinsic_gas(&activate) + module.activation_gas()
    );
    assert!(
        module.activation_gas() > 400_000,
        "{}",
        module.activation_gas()
    );
}
