//! A loopback JSON-RPC 2.0 front of the [`Devnet`], good enough for alloy
//! and `cast`-like clients.
//!
//! - Transport: HTTP POST on `127.0.0.1` (single requests and batches).
//! - Methods: `eth_chainId`, `net_version`, `web3_clientVersion`,
//!   `eth_blockNumber`, `eth_getBalance`, `eth_getTransactionCount`,
//!   `eth_gasPrice`, `eth_maxPriorityFeePerGas`, `eth_feeHistory`,
//!   `eth_estimateGas`, `eth_call`, `eth_sendRawTransaction`,
//!   `eth_getTransactionReceipt`, `eth_getTransactionByHash`, `eth_getCode`,
//!   `eth_getLogs`, `eth_getBlockByNumber`, `eth_accounts`, `eth_syncing`.
//! - Transactions: legacy (EIP-155 only), EIP-2930 and EIP-1559 envelopes;
//!   the signature is verified (low `s`) and the sender recovered; the chain
//!   id must be the node's and the nonce the sender's next one, otherwise the
//!   request fails with a JSON-RPC error (`-32000`) and nothing changes.
//!   Included transactions always consume their nonce, success or not.
//! - Deployment, as on Arbitrum (see the `arbitrum` module): a creation
//!   transaction whose init code is a Stylus program (`EF F0 00 ‖
//!   dictionary byte ‖ brotli(wasm)`, the dictionary byte being optional and
//!   `00` = none) or the cargo-stylus deploy prelude (`7f ‖ len ‖ 80 60 2b
//!   60 00 39 60 00 f3 00 ‖ EF F0 00 …`) installs the program at the
//!   sender's CREATE address; it answers calls once its code hash is
//!   activated (`activateProgram(address)` at ArbWasm, [`ARB_WASM`]), and a
//!   constructor is then an ordinary call of `stylus_constructor(...)`
//!   ([`crate::constructor_calldata`]). Or, in one transaction, the
//!   StylusDeployer at [`STYLUS_DEPLOYER`] creates, activates and
//!   initialises it (what `cargo stylus deploy` and `ds deploy` send).
//! - Gas is priced at zero (base fee and tips): senders need no balance
//!   except for the value they send.
//! - Every included transaction mines its own block. Block numbers reported
//!   here count all of them, while programs see the devnet's own counter
//!   (which only advances on successful calls).

use std::{
    collections::{HashMap, HashSet},
    io::Read,
    net::SocketAddr,
    str::FromStr,
    sync::Arc,
    thread::JoinHandle,
};

use alloy_consensus::{transaction::SignerRecoverable, Transaction, TxEnvelope};
use alloy_eips::eip2718::Decodable2718;
use alloy_primitives::{hex, keccak256, Address, Bloom, Bytes, Log, TxKind, B256, U256};
use alloy_sol_types::{sol, SolError};
use serde_json::{json, Value};

use crate::{gas, Devnet, Receipt, Tx, DEFAULT_CHAIN_ID, DEFAULT_GAS_LIMIT};

mod arbitrum;
mod data_fee;
pub use arbitrum::{init_salt, IStylusDeployer, STYLUS_DEPLOYER, STYLUS_DEPLOYER_CODE};

/// The ArbWasm precompile (program activation).
pub const ARB_WASM: Address = Address::new([
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x71,
]);

/// Stylus version reported by `activateProgram`.
pub const STYLUS_VERSION: u16 = 1;

/// Largest Wasm accepted after decompression.
pub const MAX_WASM_BYTES: u64 = 16 << 20;

// ArbWasm and ArbWasmCache as the devnet implements them
// (`abi/arbitrum/ArbWasm.sol`, `abi/arbitrum/ArbWasmCache.sol`).
sol!("../abi/arbitrum/ArbWasm.sol");
sol!("../abi/arbitrum/ArbWasmCache.sol");

/// The ArbWasmCache precompile (which programs are cached).
pub const ARB_WASM_CACHE: Address = Address::new([
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x72,
]);

/// Gas of creating `code` from `init` code: CREATE, EIP-3860 init code
/// words and the 200-per-byte code deposit.
pub fn creation_gas(init: &[u8], code: &[u8]) -> u64 {
    gas::CREATE_GAS
        + gas::INIT_CODE_WORD_GAS * gas::words(init.len())
        + gas::CODE_DEPOSIT_GAS * code.len() as u64
}

/// The cargo-stylus deploy prelude after `7f ‖ <32-byte length>`.
const PRELUDE_TAIL: [u8; 10] = [0x80, 0x60, 0x2b, 0x60, 0x00, 0x39, 0x60, 0x00, 0xf3, 0x00];

pub use crate::STYLUS_PREFIX;

/// A JSON-RPC error.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RpcError {
    /// JSON-RPC error code.
    pub code: i64,
    /// Human-readable message.
    pub message: String,
    /// Extra data (revert data as hex for `execution reverted`).
    pub data: Option<String>,
}

impl RpcError {
    fn new(code: i64, message: impl Into<String>) -> Self {
        Self {
            code,
            message: message.into(),
            data: None,
        }
    }

    fn invalid_params(message: impl Into<String>) -> Self {
        Self::new(-32602, message)
    }

    fn refused(message: impl Into<String>) -> Self {
        Self::new(-32000, message)
    }

    fn reverted(receipt: &Receipt) -> Self {
        Self {
            code: 3,
            message: format!("execution reverted: {}", receipt.reason()),
            data: Some(hex::encode_prefixed(&receipt.output)),
        }
    }

    fn to_json(&self) -> Value {
        let mut e = json!({ "code": self.code, "message": self.message });
        if let Some(data) = &self.data {
            e["data"] = json!(data);
        }
        e
    }
}

type RpcResult = Result<Value, RpcError>;

/// Extracts the Wasm of a Stylus deployment from creation init code.
/// Returns the code installed at the address (`EF F0 00 …`) and the Wasm.
pub fn stylus_deploy_code(init: &[u8]) -> Result<(Vec<u8>, Vec<u8>), String> {
    let code = if init.first() == Some(&0x7f) && init.len() >= 43 && init[33..43] == PRELUDE_TAIL {
        let len = U256::from_be_slice(&init[1..33]);
        let body = &init[43..];
        match usize::try_from(len) {
            Ok(n) if n <= body.len() => &body[..n],
            _ => {
                return Err(format!(
                    "cargo-stylus prelude announces {len} bytes of code but carries {}",
                    body.len()
                ))
            }
        }
    } else {
        init
    };
    let Some(rest) = code.strip_prefix(&STYLUS_PREFIX[..]) else {
        return Err(
            "init code is neither a Stylus program (EF F0 00 …) nor the cargo-stylus \
                    deploy prelude; EVM bytecode is not supported by the devnet"
                .into(),
        );
    };
    let mut candidates = Vec::new();
    match rest.first() {
        Some(0x00) => candidates.push(&rest[1..]),
        Some(0x01) => {
            return Err(
                "Stylus programs compressed with the Stylus dictionary (EF F0 00 01) \
                        are not supported; use the empty dictionary (EF F0 00 00)"
                    .into(),
            )
        }
        _ => {}
    }
    candidates.push(rest);
    let mut last = String::from("empty program");
    for candidate in candidates {
        match wasm_of(candidate) {
            Ok(wasm) => return Ok((code.to_vec(), wasm)),
            Err(e) => last = e,
        }
    }
    Err(last)
}

fn wasm_of(bytes: &[u8]) -> Result<Vec<u8>, String> {
    if bytes.starts_with(b"\0asm") {
        return Ok(bytes.to_vec());
    }
    let mut out = Vec::new();
    brotli::Decompressor::new(bytes, 4096)
        .take(MAX_WASM_BYTES + 1)
        .read_to_end(&mut out)
        .map_err(|e| format!("Stylus program is not valid brotli: {e}"))?;
    if out.len() as u64 > MAX_WASM_BYTES {
        return Err(format!("Stylus program exceeds {MAX_WASM_BYTES} bytes"));
    }
    if !out.starts_with(b"\0asm") {
        return Err("decompressed Stylus program is not Wasm".into());
    }
    Ok(out)
}

/// Init code of a Stylus deployment in the cargo-stylus format:
/// `7f ‖ len ‖ 80 60 2b 60 00 39 60 00 f3 00 ‖ EF F0 00 00 ‖ brotli(wasm)`.
pub fn stylus_init_code(wasm: &[u8], quality: u32) -> Vec<u8> {
    let mut code = vec![0xef, 0xf0, 0x00, 0x00];
    {
        let mut w = brotli::CompressorWriter::new(&mut code, 4096, quality.min(11), 22);
        // Writing to a Vec cannot fail.
        let _ = std::io::Write::write_all(&mut w, wasm);
    }
    let mut init = vec![0x7f];
    init.extend_from_slice(&U256::from(code.len()).to_be_bytes::<32>());
    init.extend_from_slice(&PRELUDE_TAIL);
    init.extend_from_slice(&code);
    init
}

/// Wei each pre-funded dev account starts with (10,000 ETH).
pub const DEV_ACCOUNT_BALANCE: U256 = U256::from_limbs([0x19e0_c9ba_b240_0000, 0x21e, 0, 0]);

/// The `n` pre-funded dev accounts of `ds-devnet serve`: private key
/// `keccak256("ds-devnet dev account <i>")` and its address. Well known,
/// like anvil's: never use them on a real chain.
pub fn dev_accounts(n: usize) -> Vec<(B256, Address)> {
    (0..n)
        .filter_map(|i| {
            let key = keccak256(format!("ds-devnet dev account {i}"));
            let signer = k256::ecdsa::SigningKey::from_slice(key.as_slice()).ok()?;
            Some((key, Address::from_private_key(&signer)))
        })
        .collect()
}

/// A transaction included in a block.
#[derive(Clone, Debug)]
struct Included {
    hash: B256,
    tx_type: u8,
    from: Address,
    to: Option<Address>,
    nonce: u64,
    gas_limit: u64,
    value: U256,
    input: Bytes,
    block: u64,
    success: bool,
    gas_used: u64,
    /// L1 poster gas (part of `gas_used`, as on Arbitrum).
    l1_gas: u64,
    contract_address: Option<Address>,
    logs: Vec<Log>,
}

/// The devnet behind the JSON-RPC front: chain bookkeeping the [`Devnet`]
/// does not keep (nonces of externally owned accounts, blocks, receipts).
pub struct Node {
    net: Devnet,
    chain_id: u64,
    nonces: HashMap<Address, u64>,
    txs: HashMap<B256, Included>,
    /// Transaction hash of each block after genesis (block `i + first + 1`).
    blocks: Vec<B256>,
    first_block: u64,
    timestamps: Vec<u64>,
    codes: HashMap<Address, Bytes>,
    /// Code hashes activated at ArbWasm.
    activated: HashSet<B256>,
    /// The activation data pricer.
    pricer: data_fee::DataPricer,
    /// Most gas a transaction or call may use (the block gas limit).
    gas_cap: u64,
}

impl Node {
    /// A node over `net` with the devnet's chain id ([`DEFAULT_CHAIN_ID`]).
    pub fn new(net: Devnet) -> Self {
        let first_block = net.block_number();
        Self {
            net,
            chain_id: DEFAULT_CHAIN_ID,
            nonces: HashMap::new(),
            txs: HashMap::new(),
            blocks: Vec::new(),
            first_block,
            timestamps: Vec::new(),
            codes: HashMap::new(),
            activated: HashSet::new(),
            pricer: data_fee::DataPricer::default(),
            gas_cap: DEFAULT_GAS_LIMIT,
        }
    }

    /// Caps the gas of every transaction and call at `gas` (the block gas
    /// limit; default [`DEFAULT_GAS_LIMIT`]): larger transactions are
    /// refused, calls asking for more are given the cap.
    pub fn set_gas_cap(&mut self, gas: u64) {
        self.gas_cap = gas;
        self.net.set_gas_limit(gas);
    }

    /// The chain id transactions must carry.
    pub fn chain_id(&self) -> u64 {
        self.chain_id
    }

    /// The devnet (for set-up such as balances or time).
    pub fn devnet(&mut self) -> &mut Devnet {
        &mut self.net
    }

    /// The latest block number.
    pub fn head(&self) -> u64 {
        self.first_block + self.blocks.len() as u64
    }

    /// Handles a JSON-RPC request body (single or batch) and returns the
    /// response body.
    pub fn handle_text(&mut self, body: &str) -> String {
        let response = match serde_json::from_str::<Value>(body) {
            Err(e) => error_response(
                Value::Null,
                &RpcError::new(-32700, format!("parse error: {e}")),
            ),
            Ok(Value::Array(requests)) if !requests.is_empty() => {
                Value::Array(requests.iter().map(|r| self.handle(r)).collect())
            }
            Ok(request) => self.handle(&request),
        };
        response.to_string()
    }

    /// Handles one JSON-RPC request object.
    pub fn handle(&mut self, request: &Value) -> Value {
        let id = request.get("id").cloned().unwrap_or(Value::Null);
        let Some(method) = request.get("method").and_then(Value::as_str) else {
            return error_response(id, &RpcError::new(-32600, "invalid request: no method"));
        };
        let params = match request.get("params") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::Array(p)) => p.clone(),
            Some(_) => {
                return error_response(id, &RpcError::invalid_params("params must be an array"))
            }
        };
        match self.dispatch(method, &params) {
            Ok(result) => json!({ "jsonrpc": "2.0", "id": id, "result": result }),
            Err(e) => error_response(id, &e),
        }
    }

    fn dispatch(&mut self, method: &str, params: &[Value]) -> RpcResult {
        match method {
            "eth_chainId" => Ok(quantity(self.chain_id)),
            "net_version" => Ok(json!(self.chain_id.to_string())),
            "web3_clientVersion" => Ok(json!(concat!("ds-devnet/", env!("CARGO_PKG_VERSION")))),
            "eth_syncing" => Ok(json!(false)),
            "eth_accounts" => Ok(json!([])),
            "eth_blockNumber" => Ok(quantity(self.head())),
            "eth_gasPrice" | "eth_maxPriorityFeePerGas" | "eth_blobBaseFee" => Ok(quantity(0)),
            "eth_feeHistory" => self.fee_history(params),
            "eth_getBalance" => Ok(u256_json(self.net.balance(address_param(params, 0)?))),
            "eth_getTransactionCount" => Ok(quantity(self.nonce(address_param(params, 0)?))),
            "eth_getCode" => Ok(json!(hex::encode_prefixed(
                self.code(address_param(params, 0)?)
            ))),
            "eth_getStorageAt" => {
                let at = address_param(params, 0)?;
                let slot = u256_value(param(params, 1)?)?;
                Ok(json!(B256::from(self.net.storage(at, slot))))
            }
            "eth_call" => self.eth_call(params),
            "eth_estimateGas" => self.estimate_gas(params),
            "eth_sendRawTransaction" => self.send_raw(params),
            "eth_getTransactionReceipt" => {
                let hash = b256_value(param(params, 0)?)?;
                Ok(self
                    .txs
                    .get(&hash)
                    .map_or(Value::Null, |t| self.receipt_json(t)))
            }
            "eth_getTransactionByHash" => {
                let hash = b256_value(param(params, 0)?)?;
                Ok(self.txs.get(&hash).map_or(Value::Null, |t| self.tx_json(t)))
            }
            "eth_getBlockByNumber" => {
                let number = self.block_param(params.first())?;
                let full = params.get(1).and_then(Value::as_bool).unwrap_or(false);
                Ok(self.block_json(number, full))
            }
            "eth_getLogs" => self.get_logs(params),
            _ => Err(RpcError::new(
                -32601,
                format!("method `{method}` is not supported by the devnet"),
            )),
        }
    }

    fn nonce(&self, who: Address) -> u64 {
        self.nonces.get(&who).copied().unwrap_or(0)
    }

    fn code(&self, at: Address) -> Vec<u8> {
        if at == STYLUS_DEPLOYER {
            return STYLUS_DEPLOYER_CODE.to_vec();
        }
        if let Some(code) = self.codes.get(&at) {
            return code.to_vec();
        }
        // Installed directly on the devnet: the code it compressed itself.
        self.net.code(at).unwrap_or_default()
    }

    fn block_param(&self, v: Option<&Value>) -> Result<u64, RpcError> {
        match v.and_then(Value::as_str) {
            None | Some("latest" | "pending" | "safe" | "finalized") => Ok(self.head()),
            Some("earliest") => Ok(0),
            Some(s) => parse_u64(s),
        }
    }

    fn block_hash(number: u64) -> B256 {
        keccak256(format!("ds-devnet block {number}"))
    }

    fn block_timestamp(&self, number: u64) -> u64 {
        number
            .checked_sub(self.first_block + 1)
            .and_then(|i| self.timestamps.get(i as usize).copied())
            .unwrap_or(crate::GENESIS_TIMESTAMP)
    }

    fn block_tx(&self, number: u64) -> Option<&Included> {
        let i = number.checked_sub(self.first_block + 1)?;
        self.txs.get(self.blocks.get(i as usize)?)
    }

    fn fee_history(&self, params: &[Value]) -> RpcResult {
        let count = match params.first() {
            Some(Value::Number(n)) => n.as_u64().unwrap_or(1),
            Some(Value::String(s)) => parse_u64(s)?,
            _ => 1,
        }
        .clamp(1, 1024);
        let newest = self.block_param(params.get(1))?.min(self.head());
        let count = count.min(newest + 1);
        let oldest = newest + 1 - count;
        let percentiles = params.get(2).and_then(Value::as_array).map_or(0, Vec::len);
        let mut out = json!({
            "oldestBlock": quantity(oldest),
            "baseFeePerGas": vec![quantity(0); count as usize + 1],
            "gasUsedRatio": vec![json!(0.0); count as usize],
            "baseFeePerBlobGas": vec![quantity(0); count as usize + 1],
            "blobGasUsedRatio": vec![json!(0.0); count as usize],
        });
        if percentiles > 0 {
            out["reward"] = json!(vec![vec![quantity(0); percentiles]; count as usize]);
        }
        Ok(out)
    }

    /// The request's call object as a devnet transaction.
    fn call_tx(&self, params: &[Value]) -> Result<(Tx, bool), RpcError> {
        let call = param(params, 0)?;
        let from = match call.get("from") {
            Some(Value::String(s)) => parse_address(s)?,
            _ => Address::ZERO,
        };
        let to = match call.get("to") {
            Some(Value::String(s)) => Some(parse_address(s)?),
            _ => None,
        };
        let data = match call.get("input").or_else(|| call.get("data")) {
            Some(Value::String(s)) => parse_bytes(s)?,
            _ => Vec::new(),
        };
        let value = match call.get("value") {
            Some(v @ Value::String(_)) => u256_value(v)?,
            _ => U256::ZERO,
        };
        let gas_limit = match call.get("gas") {
            Some(Value::String(s)) => Some(parse_u64(s)?.min(self.gas_cap)),
            _ => None,
        };
        let is_create = to.is_none();
        let tx = Tx {
            from,
            to: to.unwrap_or_default(),
            calldata: data,
            value,
            gas_limit,
        };
        Ok((tx, is_create))
    }

    fn eth_call(&mut self, params: &[Value]) -> RpcResult {
        let (tx, is_create) = self.call_tx(params)?;
        if is_create {
            return Err(RpcError::invalid_params("eth_call needs a `to` address"));
        }
        let overrides = arbitrum::code_overrides(params)?;
        if tx.to == ARB_WASM {
            return self.arb_wasm_call(&tx.calldata, &overrides);
        }
        if tx.to == ARB_WASM_CACHE {
            return self.arb_wasm_cache_call(&tx.calldata);
        }
        if !overrides.is_empty() {
            return Err(RpcError::invalid_params(
                "code overrides are supported for ArbWasm calls only",
            ));
        }
        if tx.to == STYLUS_DEPLOYER {
            let (output, _) = self
                .deployer_call(tx.from, tx.value, &tx.calldata)
                .map_err(|r| r.to_rpc())?;
            return Ok(json!(hex::encode_prefixed(output)));
        }
        if self.is_inactive(tx.to) {
            return Err(not_activated(tx.to));
        }
        let receipt = self.net.simulate(tx);
        if receipt.success {
            Ok(json!(hex::encode_prefixed(&receipt.output)))
        } else {
            Err(RpcError::reverted(&receipt))
        }
    }

    fn estimate_gas(&mut self, params: &[Value]) -> RpcResult {
        let (tx, is_create) = self.call_tx(params)?;
        let intrinsic = gas::intrinsic_gas(&tx.calldata);
        if is_create {
            let (code, _) = stylus_deploy_code(&tx.calldata).map_err(RpcError::refused)?;
            return Ok(quantity(intrinsic + creation_gas(&tx.calldata, &code)));
        }
        if tx.to == ARB_WASM {
            let gas = self.activation_gas(&tx.calldata).unwrap_or(0);
            return Ok(quantity(intrinsic + gas));
        }
        if tx.to == ARB_WASM_CACHE {
            return Ok(quantity(
                intrinsic + gas::COLD_SLOAD_GAS + gas::SSTORE_SET_GAS,
            ));
        }
        if tx.to == STYLUS_DEPLOYER {
            let (_, used) = self
                .deployer_call(tx.from, tx.value, &tx.calldata)
                .map_err(|r| r.to_rpc())?;
            let used = intrinsic + used;
            return Ok(quantity((used + used / 4 + 10_000).min(DEFAULT_GAS_LIMIT)));
        }
        if self.is_inactive(tx.to) {
            return Err(not_activated(tx.to));
        }
        let receipt = self.net.simulate(Tx {
            gas_limit: None,
            ..tx
        });
        if !receipt.success {
            return Err(RpcError::reverted(&receipt));
        }
        // Refunds are paid at the end: leave room for the gas they hide.
        let used = receipt.gas.total + receipt.gas.refund;
        Ok(quantity((used + used / 4 + 10_000).min(DEFAULT_GAS_LIMIT)))
    }

    fn send_raw(&mut self, params: &[Value]) -> RpcResult {
        let raw = parse_bytes(
            param(params, 0)?
                .as_str()
                .ok_or_else(|| RpcError::invalid_params("expected the raw transaction as hex"))?,
        )?;
        let envelope = TxEnvelope::decode_2718(&mut raw.as_slice())
            .map_err(|e| RpcError::refused(format!("undecodable transaction: {e}")))?;
        let tx_type = match &envelope {
            TxEnvelope::Legacy(_) => 0u8,
            TxEnvelope::Eip2930(_) => 1,
            TxEnvelope::Eip1559(_) => 2,
            TxEnvelope::Eip4844(_) => {
                return Err(RpcError::refused(
                    "blob (EIP-4844) transactions are not supported",
                ))
            }
            TxEnvelope::Eip7702(_) => {
                return Err(RpcError::refused("EIP-7702 transactions are not supported"))
            }
        };
        match envelope.chain_id() {
            Some(id) if id == self.chain_id => {}
            Some(id) => {
                return Err(RpcError::refused(format!(
                    "wrong chain id: transaction is for chain {id}, this devnet is chain {}",
                    self.chain_id
                )))
            }
            None => {
                return Err(RpcError::refused(format!(
                    "replay-unprotected legacy transaction refused: sign it with EIP-155 \
                     chain id {}",
                    self.chain_id
                )))
            }
        }
        let from = envelope
            .recover_signer()
            .map_err(|e| RpcError::refused(format!("invalid transaction signature: {e}")))?;
        let expected = self.nonce(from);
        let nonce = envelope.nonce();
        if nonce < expected {
            return Err(RpcError::refused(format!(
                "nonce too low: account {from} is at nonce {expected}, transaction has nonce {nonce}"
            )));
        }
        if nonce > expected {
            return Err(RpcError::refused(format!(
                "nonce too high: account {from} is at nonce {expected}, transaction has nonce \
                 {nonce} (the devnet keeps no queue)"
            )));
        }
        let input = envelope.input().clone();
        let intrinsic = gas::intrinsic_gas(&input);
        let gas_limit = envelope.gas_limit();
        let value = envelope.value();
        let to = match envelope.kind() {
            TxKind::Call(to) => Some(to),
            TxKind::Create => None,
        };
        if gas_limit > self.gas_cap {
            return Err(RpcError::refused(format!(
                "exceeds block gas limit: gas limit {gas_limit}, the devnet's cap is {}",
                self.gas_cap
            )));
        }
        let needed = intrinsic + if to.is_none() { gas::CREATE_GAS } else { 0 };
        if gas_limit < needed {
            return Err(RpcError::refused(format!(
                "intrinsic gas too low: gas limit {gas_limit}, at least {needed} needed"
            )));
        }
        if value > self.net.balance(from) {
            return Err(RpcError::refused(format!(
                "insufficient funds: {from} holds {} wei, the transaction sends {value}",
                self.net.balance(from)
            )));
        }
        let hash = *envelope.tx_hash();
        let mut included = Included {
            hash,
            tx_type,
            from,
            to,
            nonce,
            gas_limit,
            value,
            input: input.clone(),
            block: self.head() + 1,
            success: false,
            gas_used: gas_limit,
            l1_gas: 0,
            contract_address: None,
            logs: Vec::new(),
        };
        match to {
            None => {
                if !value.is_zero() {
                    return Err(RpcError::refused(
                        "a Stylus deployment cannot carry value on the devnet",
                    ));
                }
                let (code, wasm) = stylus_deploy_code(&input).map_err(RpcError::refused)?;
                let address = from.create(nonce);
                if self.net.has_program(address) {
                    return Err(RpcError::refused(format!(
                        "{address} already holds a program"
                    )));
                }
                let needed = intrinsic + creation_gas(&input, &code);
                if gas_limit < needed {
                    included.gas_used = gas_limit;
                } else {
                    self.net
                        .install_code(address, &code, &wasm)
                        .map_err(|e| RpcError::refused(format!("program refused: {e}")))?;
                    self.codes.insert(address, Bytes::from(code));
                    included.success = true;
                    included.gas_used = needed;
                    included.contract_address = Some(address);
                }
            }
            Some(to) if to == ARB_WASM => {
                let gas = self.activation_gas(&input).unwrap_or(0);
                included.gas_used = (intrinsic + gas).min(gas_limit);
                if intrinsic + gas <= gas_limit {
                    if let Ok(log) = self.activate(from, value, &input) {
                        included.logs.push(log);
                        included.success = true;
                    }
                }
            }
            Some(to) if to == ARB_WASM_CACHE => {
                included.gas_used = (intrinsic + gas::COLD_SLOAD_GAS).min(gas_limit);
                if let Ok(log) = self.update_cache(from, &input) {
                    included.logs.push(log);
                    included.success = true;
                }
            }
            Some(to) if to == STYLUS_DEPLOYER => {
                match self.stylus_deploy(from, value, &input, gas_limit - intrinsic, true) {
                    Ok(deployed) => {
                        included.gas_used = intrinsic + deployed.gas;
                        included.logs = deployed.logs;
                        included.success = true;
                    }
                    Err(reverted) => included.gas_used = intrinsic + reverted.gas,
                }
            }
            Some(to) if self.is_inactive(to) => {
                included.gas_used = intrinsic;
            }
            Some(to) => {
                let receipt = self.net.send_tx(Tx {
                    from,
                    to,
                    calldata: input.to_vec(),
                    value,
                    gas_limit: Some(gas_limit),
                });
                included.success = receipt.success;
                included.gas_used = (receipt.gas.total + receipt.gas.l1).min(gas_limit);
                included.l1_gas = receipt.gas.l1;
                included.logs = receipt.logs;
            }
        }
        self.nonces.insert(from, nonce + 1);
        self.blocks.push(hash);
        self.timestamps.push(self.net.timestamp());
        self.txs.insert(hash, included);
        Ok(json!(hash))
    }

    fn log_json(&self, t: &Included, index: usize, log: &Log) -> Value {
        json!({
            "address": log.address,
            "topics": log.topics(),
            "data": hex::encode_prefixed(&log.data.data),
            "blockHash": Self::block_hash(t.block),
            "blockNumber": quantity(t.block),
            "blockTimestamp": quantity(self.block_timestamp(t.block)),
            "transactionHash": t.hash,
            "transactionIndex": quantity(0),
            "logIndex": quantity(index as u64),
            "removed": false,
        })
    }

    fn receipt_json(&self, t: &Included) -> Value {
        let mut bloom = Bloom::default();
        bloom.accrue_logs(&t.logs);
        let logs: Vec<Value> = t
            .logs
            .iter()
            .enumerate()
            .map(|(i, l)| self.log_json(t, i, l))
            .collect();
        json!({
            "type": quantity(u64::from(t.tx_type)),
            "status": quantity(u64::from(t.success)),
            "cumulativeGasUsed": quantity(t.gas_used),
            "gasUsed": quantity(t.gas_used),
            "effectiveGasPrice": quantity(0),
            "gasUsedForL1": quantity(t.l1_gas),
            "logs": logs,
            "logsBloom": bloom,
            "transactionHash": t.hash,
            "transactionIndex": quantity(0),
            "blockHash": Self::block_hash(t.block),
            "blockNumber": quantity(t.block),
            "from": t.from,
            "to": t.to,
            "contractAddress": t.contract_address,
        })
    }

    fn tx_json(&self, t: &Included) -> Value {
        let mut v = json!({
            "type": quantity(u64::from(t.tx_type)),
            "hash": t.hash,
            "nonce": quantity(t.nonce),
            "blockHash": Self::block_hash(t.block),
            "blockNumber": quantity(t.block),
            "transactionIndex": quantity(0),
            "from": t.from,
            "to": t.to,
            "value": u256_json(t.value),
            "gas": quantity(t.gas_limit),
            "gasPrice": quantity(0),
            "input": hex::encode_prefixed(&t.input),
            "chainId": quantity(self.chain_id),
            "v": quantity(0),
            "r": quantity(0),
            "s": quantity(0),
        });
        if t.tx_type >= 1 {
            v["accessList"] = json!([]);
            v["yParity"] = quantity(0);
        }
        if t.tx_type == 2 {
            v["maxFeePerGas"] = quantity(0);
            v["maxPriorityFeePerGas"] = quantity(0);
        }
        v
    }

    fn block_json(&self, number: u64, full: bool) -> Value {
        if number > self.head() {
            return Value::Null;
        }
        let tx = self.block_tx(number);
        let mut bloom = Bloom::default();
        let mut txs = Vec::new();
        if let Some(t) = tx {
            bloom.accrue_logs(&t.logs);
            txs.push(if full { self.tx_json(t) } else { json!(t.hash) });
        }
        let parent = if number == 0 {
            B256::ZERO
        } else {
            Self::block_hash(number - 1)
        };
        json!({
            "hash": Self::block_hash(number),
            "parentHash": parent,
            "sha3Uncles": B256::ZERO,
            "miner": Address::ZERO,
            "stateRoot": B256::ZERO,
            "transactionsRoot": B256::ZERO,
            "receiptsRoot": B256::ZERO,
            "logsBloom": bloom,
            "difficulty": quantity(0),
            "number": quantity(number),
            "gasLimit": quantity(DEFAULT_GAS_LIMIT),
            "gasUsed": quantity(tx.map_or(0, |t| t.gas_used)),
            "timestamp": quantity(self.block_timestamp(number)),
            "extraData": "0x",
            "mixHash": B256::ZERO,
            "nonce": "0x0000000000000000",
            "baseFeePerGas": quantity(0),
            "size": quantity(0),
            "uncles": [],
            "transactions": txs,
        })
    }

    fn get_logs(&self, params: &[Value]) -> RpcResult {
        let filter = param(params, 0)?;
        let (from, to) = if let Some(hash) = filter.get("blockHash").and_then(Value::as_str) {
            let hash = parse_b256(hash)?;
            match (0..=self.head()).find(|n| Self::block_hash(*n) == hash) {
                Some(n) => (n, n),
                None => return Ok(json!([])),
            }
        } else {
            let from = match filter.get("fromBlock") {
                Some(v) => self.block_param(Some(v))?,
                None => self.head(),
            };
            (from, self.block_param(filter.get("toBlock"))?)
        };
        let addresses: Vec<Address> = match filter.get("address") {
            None | Some(Value::Null) => Vec::new(),
            Some(Value::String(s)) => vec![parse_address(s)?],
            Some(Value::Array(a)) => a
                .iter()
                .map(|v| parse_address(v.as_str().unwrap_or_default()))
                .collect::<Result<_, _>>()?,
            Some(_) => return Err(RpcError::invalid_params("bad `address` filter")),
        };
        let mut topics: Vec<Vec<B256>> = Vec::new();
        if let Some(Value::Array(ts)) = filter.get("topics") {
            for t in ts {
                topics.push(match t {
                    Value::Null => Vec::new(),
                    Value::String(s) => vec![parse_b256(s)?],
                    Value::Array(a) => a
                        .iter()
                        .map(|v| parse_b256(v.as_str().unwrap_or_default()))
                        .collect::<Result<_, _>>()?,
                    _ => return Err(RpcError::invalid_params("bad `topics` filter")),
                });
            }
        }
        let mut out = Vec::new();
        for number in from.max(self.first_block + 1)..=to.min(self.head()) {
            let Some(t) = self.block_tx(number) else {
                continue;
            };
            for (i, log) in t.logs.iter().enumerate() {
                if !addresses.is_empty() && !addresses.contains(&log.address) {
                    continue;
                }
                let matches = topics.iter().enumerate().all(|(k, wanted)| {
                    wanted.is_empty() || log.topics().get(k).is_some_and(|t| wanted.contains(t))
                });
                if matches {
                    out.push(self.log_json(t, i, log));
                }
            }
        }
        Ok(Value::Array(out))
    }
}

fn not_activated(at: Address) -> RpcError {
    RpcError {
        code: 3,
        message: format!("execution reverted: program at {at} is not activated"),
        data: Some(hex::encode_prefixed(
            IArbWasm::ProgramNotActivated::SELECTOR,
        )),
    }
}

fn error_response(id: Value, e: &RpcError) -> Value {
    json!({ "jsonrpc": "2.0", "id": id, "error": e.to_json() })
}

fn quantity(n: u64) -> Value {
    json!(format!("0x{n:x}"))
}

fn u256_json(n: U256) -> Value {
    json!(format!("{n:#x}"))
}

fn param(params: &[Value], i: usize) -> Result<&Value, RpcError> {
    params
        .get(i)
        .ok_or_else(|| RpcError::invalid_params(format!("missing parameter {i}")))
}

fn address_param(params: &[Value], i: usize) -> Result<Address, RpcError> {
    parse_address(
        param(params, i)?
            .as_str()
            .ok_or_else(|| RpcError::invalid_params(format!("parameter {i} must be an address")))?,
    )
}

fn parse_address(s: &str) -> Result<Address, RpcError> {
    Address::from_str(s).map_err(|e| RpcError::invalid_params(format!("bad address `{s}`: {e}")))
}

fn parse_b256(s: &str) -> Result<B256, RpcError> {
    B256::from_str(s).map_err(|e| RpcError::invalid_params(format!("bad hash `{s}`: {e}")))
}

fn b256_value(v: &Value) -> Result<B256, RpcError> {
    parse_b256(v.as_str().unwrap_or_default())
}

fn u256_value(v: &Value) -> Result<U256, RpcError> {
    let s = v.as_str().unwrap_or_default();
    U256::from_str(s).map_err(|e| RpcError::invalid_params(format!("bad quantity `{s}`: {e}")))
}

fn parse_u64(s: &str) -> Result<u64, RpcError> {
    let digits = s
        .strip_prefix("0x")
        .ok_or_else(|| RpcError::invalid_params(format!("bad quantity `{s}`: no 0x prefix")))?;
    u64::from_str_radix(digits, 16)
        .map_err(|e| RpcError::invalid_params(format!("bad quantity `{s}`: {e}")))
}

fn parse_bytes(s: &str) -> Result<Vec<u8>, RpcError> {
    hex::decode(s).map_err(|e| RpcError::invalid_params(format!("bad hex data: {e}")))
}

/// What the HTTP front accepts.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    /// Largest request body, in bytes (larger ones are answered 413).
    pub max_body: usize,
    /// Accept requests carrying a foreign `Origin` (any web page could
    /// then post to the node). Off by default: only loopback origins.
    pub allow_any_origin: bool,
}

impl Default for ServeOptions {
    fn default() -> Self {
        Self {
            max_body: DEFAULT_MAX_BODY,
            allow_any_origin: false,
        }
    }
}

/// Default bound of a request body (4 MiB: a 24 KiB program deploys in
/// about 50 KB of hex).
pub const DEFAULT_MAX_BODY: usize = 4 << 20;

/// A running JSON-RPC server on loopback. Each request is read on a thread
/// of its own (a slow or silent client holds only its own thread), checked
/// (`POST`, a loopback `Host`, no foreign `Origin`, JSON content, a bounded
/// body), then handed to the one thread that owns the node, so requests
/// are answered concurrently and executed one at a time. Dropping it does
/// not stop it (see [`Server::stop`]).
pub struct Server {
    http: Arc<tiny_http::Server>,
    addr: SocketAddr,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Serves `node` on `127.0.0.1:port` (`0` for an ephemeral port) on
    /// background threads, with the default [`ServeOptions`].
    pub fn start(node: Node, port: u16) -> std::io::Result<Self> {
        Self::start_with(node, port, ServeOptions::default())
    }

    /// [`Server::start`] with `options`.
    pub fn start_with(node: Node, port: u16, options: ServeOptions) -> std::io::Result<Self> {
        let http = tiny_http::Server::http(("127.0.0.1", port))
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        let addr = http
            .server_addr()
            .to_ip()
            .ok_or_else(|| std::io::Error::other("not an IP listener"))?;
        let http = Arc::new(http);
        let (jobs, queue) = std::sync::mpsc::channel::<Job>();
        // Nested program calls need more than the default 2 MiB of stack.
        let executor = std::thread::Builder::new()
            .name("ds-devnet-node".into())
            .stack_size(256 << 20)
            .spawn(move || execute_jobs(node, &queue))?;
        let server = http.clone();
        let thread = std::thread::Builder::new()
            .name("ds-devnet-rpc".into())
            .spawn(move || {
                accept(&server, &jobs, &options);
                drop(jobs);
                let _ = executor.join();
            })?;
        Ok(Self {
            http,
            addr,
            thread: Some(thread),
        })
    }

    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:<port>`.
    pub fn url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Blocks until the server stops.
    pub fn wait(mut self) {
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }

    /// Stops the server and waits for its threads.
    pub fn stop(mut self) {
        self.http.unblock();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// A request body for the node, and where its answer goes.
type Job = (String, std::sync::mpsc::Sender<String>);

/// The node's thread: runs the requests one at a time, in arrival order.
fn execute_jobs(mut node: Node, queue: &std::sync::mpsc::Receiver<Job>) {
    for (body, reply) in queue {
        let _ = reply.send(node.handle_text(&body));
    }
}

/// Hands every incoming request to a thread of its own.
fn accept(server: &tiny_http::Server, jobs: &std::sync::mpsc::Sender<Job>, options: &ServeOptions) {
    for request in server.incoming_requests() {
        let jobs = jobs.clone();
        let options = options.clone();
        let spawned = std::thread::Builder::new()
            .name("ds-devnet-request".into())
            .spawn(move || answer(request, &jobs, &options));
        if spawned.is_err() {
            // no thread to answer on: the client sees the connection close
            continue;
        }
    }
}

/// Why an HTTP request is refused before it reaches the node.
fn refusal(request: &tiny_http::Request, options: &ServeOptions) -> Option<(u16, String)> {
    if *request.method() != tiny_http::Method::Post {
        return Some((405, "JSON-RPC over HTTP POST only".into()));
    }
    let header = |name: &str| {
        request
            .headers()
            .iter()
            .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
            .map(|h| h.value.as_str().to_string())
    };
    if let Some(host) = header("Host") {
        if !is_loopback_host(&host) {
            return Some((
                403,
                format!("Host `{host}` refused: the devnet answers loopback names only"),
            ));
        }
    }
    if let Some(origin) = header("Origin") {
        let host = origin
            .strip_prefix("http://")
            .or_else(|| origin.strip_prefix("https://"));
        if !options.allow_any_origin && !host.is_some_and(is_loopback_host) {
            return Some((
                403,
                format!("Origin `{origin}` refused (start the devnet with --allow-any-origin to accept it)"),
            ));
        }
    }
    match header("Content-Type") {
        Some(t) if t.to_ascii_lowercase().starts_with("application/json") => {}
        other => {
            return Some((
                415,
                format!(
                    "Content-Type must be application/json, not {}",
                    other.unwrap_or_else(|| "none".into())
                ),
            ))
        }
    }
    if request.body_length().is_some_and(|n| n > options.max_body) {
        return Some((413, format!("request body over {} bytes", options.max_body)));
    }
    None
}

/// `127.0.0.1`, `localhost` or `[::1]`, with or without a port.
fn is_loopback_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(v6) => v6.split(']').next().unwrap_or(""),
        None => host.split(':').next().unwrap_or(""),
    };
    matches!(name, "127.0.0.1" | "localhost" | "::1")
}

/// Most bytes of a refused request read before answering it.
const DRAIN_LIMIT: u64 = 64 << 20;

/// Checks, reads and answers one request.
fn answer(
    mut request: tiny_http::Request,
    jobs: &std::sync::mpsc::Sender<Job>,
    options: &ServeOptions,
) {
    let text = match refusal(&request, options) {
        Some((status, why)) => {
            // Read what the client is sending (up to a bound) so that it
            // gets the answer rather than a reset connection.
            let _ = std::io::copy(
                &mut request.as_reader().take(DRAIN_LIMIT),
                &mut std::io::sink(),
            );
            let body = error_response(Value::Null, &RpcError::new(-32600, why)).to_string();
            let _ = request.respond(json_response(body).with_status_code(status));
            return;
        }
        None => {
            let mut body = String::new();
            let limit = options.max_body as u64 + 1;
            match request.as_reader().take(limit).read_to_string(&mut body) {
                Ok(n) if n > options.max_body => {
                    let why = format!("request body over {} bytes", options.max_body);
                    let body = error_response(Value::Null, &RpcError::new(-32600, why)).to_string();
                    let _ = request.respond(json_response(body).with_status_code(413));
                    return;
                }
                Ok(_) => {
                    let (reply, answer) = std::sync::mpsc::channel();
                    if jobs.send((body, reply)).is_err() {
                        return;
                    }
                    answer.recv().unwrap_or_default()
                }
                Err(e) => error_response(
                    Value::Null,
                    &RpcError::new(-32700, format!("unreadable body: {e}")),
                )
                .to_string(),
            }
        }
    };
    let _ = request.respond(json_response(text));
}

fn json_response(text: String) -> tiny_http::Response<std::io::Cursor<Vec<u8>>> {
    let response = tiny_http::Response::from_string(text);
    match tiny_http::Header::from_bytes(&b"Content-Type"[..], &b"application/json"[..]) {
        Ok(h) => response.with_header(h),
        Err(()) => response,
    }
}
