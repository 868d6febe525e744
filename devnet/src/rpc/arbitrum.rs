//! The two Arbitrum contracts a Stylus deployment goes through, as the
//! devnet emulates them:
//!
//! - **ArbWasm** ([`ARB_WASM`], `0x…71`): `activateProgram` (as a
//!   transaction, burning nitro's activation gas estimate of the module,
//!   and as an `eth_call` whose program code may come from a state
//!   override: how cargo-stylus asks for the data fee), `stylusVersion`,
//!   `codehashVersion`, `programVersion`, `programInitGas`,
//!   `programMemoryFootprint`, `codehashAsmSize` and the pricing
//!   parameters (`inkPrice`, `minInitGas`, `initCostScalar`, `freePages`,
//!   `pageGas`, `pageRamp`, `pageLimit`, `maxStackDepth`). As in Nitro,
//!   activation belongs to the code hash: once a code is activated, every
//!   account holding the same code runs. The data fee is nitro's
//!   (`data_fee`): quoted by the `eth_call`, taken from the value sent with
//!   the activation, the rest left with the sender.
//! - **ArbWasmCache** ([`super::ARB_WASM_CACHE`], `0x…72`): `cacheProgram`
//!   and `evictCodehash` (transactions, logging `UpdateProgramCache`; a
//!   devnet has no cache auction, so every account is a cache manager),
//!   `codehashIsCached`, `isCacheManager`, `allCacheManagers`. Entering a
//!   cached program costs only its cached init gas.
//! - **StylusDeployer** ([`STYLUS_DEPLOYER`], its address on Arbitrum chains
//!   and nitro's dev node): `deploy(bytecode, initData, initValue, salt)`
//!   creates the program (CREATE, or CREATE2 with
//!   `keccak256(salt ‖ initData)` when `salt` is not zero), activates it if
//!   its code is not active yet, calls it with `initData` (the
//!   `stylus_constructor` call) carrying `initValue`, refunds the rest of
//!   the value and logs `ContractDeployed(address)`, all in one
//!   transaction: nothing is left behind if the initialisation reverts.
//!   `initSalt` and `requiresActivation` answer as the Solidity contract.

use std::collections::HashMap;

use alloy_primitives::{address, hex, keccak256, Address, Log, B256, U256};
use alloy_sol_types::{sol, SolCall, SolError, SolEvent, SolValue};
use serde_json::{json, Value};

use super::{
    creation_gas, data_fee::DataPricer, parse_address, parse_bytes, stylus_deploy_code, IArbWasm,
    IArbWasmCache, Node, RpcError, RpcResult, ARB_WASM, ARB_WASM_CACHE, STYLUS_VERSION,
};
use crate::{gas, program::Program, Tx, DEFAULT_GAS_LIMIT};

/// The StylusDeployer contract (deploy, activate and initialise in one
/// transaction), at its address on Arbitrum chains.
pub const STYLUS_DEPLOYER: Address = address!("cEcba2F1DC234f70Dd89F2041029807F8D03A990");

/// What `eth_getCode` answers for the StylusDeployer: the devnet runs it
/// natively, this one `INVALID` byte only tells clients an account is there.
pub const STYLUS_DEPLOYER_CODE: [u8; 1] = [0xfe];

// The StylusDeployer's interface (`abi/arbitrum/StylusDeployer.sol`).
sol!("../abi/arbitrum/StylusDeployer.sol");

sol! {
    /// Solidity's arithmetic panic.
    error Panic(uint256 code);
}

/// A StylusDeployer `deploy` that went through.
#[derive(Debug)]
pub(super) struct Deployed {
    /// The new program's address.
    pub address: Address,
    /// Logs: ProgramActivated (if activated), the initialisation's, then
    /// ContractDeployed.
    pub logs: Vec<Log>,
    /// Gas beyond the transaction's intrinsic gas.
    pub gas: u64,
}

/// A reverted call into one of the emulated contracts.
#[derive(Debug)]
pub(super) struct Reverted {
    /// ABI-encoded revert data.
    pub data: Vec<u8>,
    /// Why, for people.
    pub reason: String,
    /// Gas beyond the transaction's intrinsic gas.
    pub gas: u64,
}

impl Reverted {
    fn new(data: Vec<u8>, reason: impl Into<String>) -> Self {
        Self {
            data,
            reason: reason.into(),
            gas: 0,
        }
    }

    /// The JSON-RPC error of an `eth_call` or `eth_estimateGas` that hit it.
    pub fn to_rpc(&self) -> RpcError {
        RpcError {
            code: 3,
            message: format!("execution reverted: {}", self.reason),
            data: Some(hex::encode_prefixed(&self.data)),
        }
    }
}

/// Program code from `eth_call`'s third parameter (state overrides):
/// `{ "0xaddress": { "code": "0x…", ... } }`.
pub(super) fn code_overrides(params: &[Value]) -> Result<HashMap<Address, Vec<u8>>, RpcError> {
    let mut out = HashMap::new();
    let Some(Value::Object(map)) = params.get(2) else {
        return Ok(out);
    };
    for (at, account) in map {
        if let Some(Value::String(code)) = account.get("code") {
            out.insert(parse_address(at)?, parse_bytes(code)?);
        }
    }
    Ok(out)
}

impl Node {
    /// Whether `at` holds code that is not activated (so cannot be called).
    pub(super) fn is_inactive(&self, at: Address) -> bool {
        self.codes
            .get(&at)
            .is_some_and(|code| !self.activated.contains(&keccak256(code)))
    }

    /// Next CREATE nonce of the StylusDeployer (contract nonces start at 1).
    fn deployer_nonce(&self) -> u64 {
        self.nonces.get(&STYLUS_DEPLOYER).copied().unwrap_or(1)
    }

    /// `eth_call` to ArbWasm; `overrides` replaces the code of accounts.
    pub(super) fn arb_wasm_call(
        &mut self,
        calldata: &[u8],
        overrides: &HashMap<Address, Vec<u8>>,
    ) -> RpcResult {
        use IArbWasm as W;
        let program_at = |node: &Self, at: Address| {
            node.net
                .has_program(at)
                .then(|| node.net.program_info(at))
                .flatten()
                .filter(|_| !node.is_inactive(at))
                .ok_or_else(|| {
                    Reverted::new(
                        W::ProgramNotActivated::SELECTOR.to_vec(),
                        "ProgramNotActivated",
                    )
                    .to_rpc()
                })
        };
        let selector: [u8; 4] = calldata
            .get(..4)
            .and_then(|s| s.try_into().ok())
            .unwrap_or_default();
        let encoded = if let Ok(call) = W::activateProgramCall::abi_decode(calldata) {
            let code = match overrides.get(&call.program) {
                Some(code) => code.clone(),
                None => self.code(call.program),
            };
            self.check_activation(&code).map_err(|r| r.to_rpc())?;
            (STYLUS_VERSION, self.data_fee(&code).0).abi_encode_params()
        } else if let Ok(call) = W::programVersionCall::abi_decode(calldata) {
            let active = self.net.has_program(call.program) && !self.is_inactive(call.program);
            (if active { STYLUS_VERSION } else { 0 }).abi_encode()
        } else if let Ok(call) = W::codehashVersionCall::abi_decode(calldata) {
            if !self.activated.contains(&call.codehash) {
                return Err(Reverted::new(
                    W::ProgramNotActivated::SELECTOR.to_vec(),
                    "ProgramNotActivated",
                )
                .to_rpc());
            }
            STYLUS_VERSION.abi_encode()
        } else if let Ok(call) = W::programInitGasCall::abi_decode(calldata) {
            program_at(self, call.program)?;
            let (gas, cached) = self.net.program_init_gas(call.program).unwrap_or_default();
            (gas, cached).abi_encode_params()
        } else if let Ok(call) = W::programMemoryFootprintCall::abi_decode(calldata) {
            (program_at(self, call.program)?.pages as u16).abi_encode()
        } else if let Ok(call) = W::codehashAsmSizeCall::abi_decode(calldata) {
            let at = self
                .codes
                .iter()
                .find(|(_, code)| keccak256(code) == call.codehash)
                .map(|(at, _)| *at)
                .unwrap_or_default();
            let kib = program_at(self, at)?.asm_estimate().div_ceil(1024);
            ((kib * 1024) as u32).abi_encode()
        } else if selector == W::stylusVersionCall::SELECTOR {
            STYLUS_VERSION.abi_encode()
        } else if selector == W::inkPriceCall::SELECTOR {
            (gas::INK_PER_GAS as u32).abi_encode()
        } else if selector == W::maxStackDepthCall::SELECTOR {
            gas::MAX_STACK_DEPTH.abi_encode()
        } else if selector == W::freePagesCall::SELECTOR {
            (gas::FREE_PAGES as u16).abi_encode()
        } else if selector == W::pageGasCall::SELECTOR {
            (gas::PAGE_GAS as u16).abi_encode()
        } else if selector == W::pageRampCall::SELECTOR {
            gas::PAGE_RAMP.abi_encode()
        } else if selector == W::pageLimitCall::SELECTOR {
            (gas::PAGE_LIMIT as u16).abi_encode()
        } else if selector == W::minInitGasCall::SELECTOR {
            (gas::MIN_INIT_GAS, gas::MIN_CACHED_INIT_GAS).abi_encode_params()
        } else if selector == W::initCostScalarCall::SELECTOR {
            gas::INIT_COST_SCALAR_PERCENT.abi_encode()
        } else {
            return Err(RpcError::refused(
                "ArbWasm: the devnet serves activateProgram, the version, init-gas and \
                 memory getters (see abi/arbitrum/ArbWasm.sol)",
            ));
        };
        Ok(json!(hex::encode_prefixed(encoded)))
    }

    /// Gas an `activateProgram(program)` transaction burns: nitro's
    /// compile-time estimate from the module (0 when there is nothing to
    /// activate).
    pub(super) fn activation_gas(&self, calldata: &[u8]) -> Option<u64> {
        let call = IArbWasm::activateProgramCall::abi_decode(calldata).ok()?;
        let code = self.code(call.program);
        module_activation_gas(&code)
    }

    /// `eth_call` to ArbWasmCache.
    pub(super) fn arb_wasm_cache_call(&mut self, calldata: &[u8]) -> RpcResult {
        use IArbWasmCache as C;
        let encoded = if C::isCacheManagerCall::abi_decode(calldata).is_ok() {
            // A devnet has no cache auction: every account may manage the cache.
            true.abi_encode()
        } else if C::allCacheManagersCall::abi_decode(calldata).is_ok() {
            Vec::<Address>::new().abi_encode()
        } else if let Ok(call) = C::codehashIsCachedCall::abi_decode(calldata) {
            self.cached_codehash(call.codehash).abi_encode()
        } else {
            return Err(RpcError::refused(
                "ArbWasmCache: cacheProgram and evictCodehash are transactions; the views are \
                 isCacheManager, allCacheManagers and codehashIsCached",
            ));
        };
        Ok(json!(hex::encode_prefixed(encoded)))
    }

    fn cached_codehash(&self, codehash: B256) -> bool {
        self.codes
            .iter()
            .any(|(at, code)| keccak256(code) == codehash && self.net.is_cached(*at))
    }

    /// A `cacheProgram(address)` or `evictCodehash(bytes32)` transaction
    /// from `manager`: the UpdateProgramCache log.
    pub(super) fn update_cache(
        &mut self,
        manager: Address,
        calldata: &[u8],
    ) -> Result<Log, Reverted> {
        let (codehash, cached) =
            if let Ok(call) = IArbWasmCache::cacheProgramCall::abi_decode(calldata) {
                if self.is_inactive(call.addr) || !self.net.has_program(call.addr) {
                    let e = IArbWasm::ProgramNotActivated {};
                    return Err(Reverted::new(e.abi_encode(), "ProgramNotActivated"));
                }
                (keccak256(self.code(call.addr)), true)
            } else if let Ok(call) = IArbWasmCache::evictCodehashCall::abi_decode(calldata) {
                (call.codehash, false)
            } else {
                return Err(Reverted::new(Vec::new(), "ArbWasmCache: unsupported call"));
            };
        let holders: Vec<Address> = self
            .codes
            .iter()
            .filter(|(_, code)| keccak256(code) == codehash)
            .map(|(at, _)| *at)
            .collect();
        for at in holders {
            self.net.set_cached(at, cached);
        }
        let event = IArbWasmCache::UpdateProgramCache {
            manager,
            codehash,
            cached,
        };
        Ok(Log {
            address: ARB_WASM_CACHE,
            data: event.encode_log_data(),
        })
    }

    /// Whether `code` can be activated: a runnable Stylus program whose code
    /// hash is not active yet.
    fn check_activation(&mut self, code: &[u8]) -> Result<(), Reverted> {
        if code.is_empty() {
            return Err(Reverted::new(
                IArbWasm::ProgramNotWasm::SELECTOR.to_vec(),
                "ProgramNotWasm: no code",
            ));
        }
        if self.activated.contains(&keccak256(code)) {
            return Err(Reverted::new(
                IArbWasm::ProgramUpToDate::SELECTOR.to_vec(),
                "ProgramUpToDate",
            ));
        }
        let not_wasm = |why: String| {
            Reverted::new(
                IArbWasm::ProgramNotWasm::SELECTOR.to_vec(),
                format!("ProgramNotWasm: {why}"),
            )
        };
        let (_, wasm) = stylus_deploy_code(code).map_err(not_wasm)?;
        self.net
            .validate_program(&wasm)
            .map_err(|f| not_wasm(f.to_string()))
    }

    /// The data fee of activating `code` now, and the pricer after it.
    fn data_fee(&self, code: &[u8]) -> (U256, DataPricer) {
        let bytes = stylus_deploy_code(code)
            .ok()
            .and_then(|(code, wasm)| Program::from_code(&code, &wasm).ok())
            .map_or(0, |p| p.info().asm_estimate());
        self.pricer.price(bytes, self.net.timestamp())
    }

    /// Takes the data fee of activating `code` out of `value`, paid by
    /// `from` (the rest stays with the sender, as ArbWasm refunds it).
    fn pay_data_fee(&mut self, from: Address, value: U256, code: &[u8]) -> Result<U256, Reverted> {
        let (fee, pricer) = self.data_fee(code);
        if value < fee {
            return Err(Reverted::new(
                Vec::new(),
                format!("activation data fee is {fee} wei, {value} sent"),
            ));
        }
        let balance = self.net.balance(from);
        self.net.set_balance(from, balance.saturating_sub(fee));
        self.pricer = pricer;
        Ok(fee)
    }

    /// An `activateProgram(program)` transaction from `from` with `value`:
    /// the ProgramActivated log.
    pub(super) fn activate(
        &mut self,
        from: Address,
        value: U256,
        calldata: &[u8],
    ) -> Result<Log, Reverted> {
        let call = IArbWasm::activateProgramCall::abi_decode(calldata)
            .map_err(|_| Reverted::new(Vec::new(), "ArbWasm: unsupported call"))?;
        let code = self.code(call.program);
        self.check_activation(&code)?;
        let fee = self.pay_data_fee(from, value, &code)?;
        let codehash = keccak256(&code);
        self.activated.insert(codehash);
        Ok(activation_log(codehash, call.program, fee))
    }

    /// `eth_call` / `eth_estimateGas` to the StylusDeployer: what the
    /// transaction would do, keeping nothing. Returns the ABI-encoded
    /// result and the gas beyond the intrinsic.
    pub(super) fn deployer_call(
        &mut self,
        from: Address,
        value: U256,
        calldata: &[u8],
    ) -> Result<(Vec<u8>, u64), Reverted> {
        if let Ok(call) = IStylusDeployer::initSaltCall::abi_decode(calldata) {
            return Ok((init_salt(call.salt, &call.initData).abi_encode(), 0));
        }
        if let Ok(call) = IStylusDeployer::requiresActivationCall::abi_decode(calldata) {
            return Ok((self.is_inactive(call.addr).abi_encode(), 0));
        }
        let budget = DEFAULT_GAS_LIMIT - gas::intrinsic_gas(calldata);
        let deployed = self.stylus_deploy(from, value, calldata, budget, false)?;
        Ok((deployed.address.abi_encode(), deployed.gas))
    }

    /// `StylusDeployer.deploy` sent by `from` with `value`, with `budget`
    /// gas beyond the intrinsic. With `commit` false (a simulation) nothing
    /// is kept; on a revert nothing is either.
    pub(super) fn stylus_deploy(
        &mut self,
        from: Address,
        value: U256,
        calldata: &[u8],
        budget: u64,
        commit: bool,
    ) -> Result<Deployed, Reverted> {
        let call = IStylusDeployer::deployCall::abi_decode(calldata)
            .map_err(|_| Reverted::new(Vec::new(), "StylusDeployer: unsupported call"))?;
        let IStylusDeployer::deployCall {
            bytecode,
            initData: init_data,
            initValue: init_value,
            salt,
        } = call;
        if value > self.net.balance(from) {
            let why = format!("insufficient funds: {from} cannot send {value} wei");
            return Err(Reverted::new(Vec::new(), why));
        }
        if bytecode.is_empty() {
            let e = IStylusDeployer::EmptyBytecode {};
            return Err(Reverted::new(e.abi_encode(), "EmptyBytecode"));
        }
        let address = if salt.is_zero() {
            STYLUS_DEPLOYER.create(self.deployer_nonce())
        } else {
            STYLUS_DEPLOYER.create2(init_salt(salt, &init_data), keccak256(&bytecode))
        };
        let creation_failed = |why: String| {
            let e = IStylusDeployer::ContractDeploymentError {
                bytecode: bytecode.clone(),
            };
            Reverted::new(e.abi_encode(), format!("ContractDeploymentError: {why}"))
        };
        if self.net.has_program(address) || self.codes.contains_key(&address) {
            return Err(creation_failed(format!("{address} already holds code")));
        }
        let (code, wasm) = stylus_deploy_code(&bytecode).map_err(creation_failed)?;
        let codehash = keccak256(&code);
        let activating = !self.activated.contains(&codehash);
        // CREATE (CREATE2 also hashes the init code), the prelude copying
        // the code into memory, the code deposit; then activation.
        let mut gas = creation_gas(&bytecode, &code) + gas::evm_memory_gas(code.len());
        if !salt.is_zero() {
            gas += gas::KECCAK_WORD_GAS * gas::words(bytecode.len());
        }
        let mut logs = Vec::new();
        let mut fee = U256::ZERO;
        if activating {
            self.check_activation(&code)?;
            gas += module_activation_gas(&code).unwrap_or(0);
            fee = self.data_fee(&code).0;
            logs.push(activation_log(codehash, address, fee));
        }
        if gas > budget {
            let mut r = Reverted::new(Vec::new(), "out of gas");
            r.gas = budget;
            return Err(r);
        }
        // `msg.value - initValue` is the activation's share: ArbWasm takes
        // the data fee and the deployer refunds the rest.
        if value < init_value {
            let panic = Panic {
                code: U256::from(0x11),
            };
            return Err(Reverted::new(panic.abi_encode(), "arithmetic underflow"));
        }
        if value - init_value < fee {
            let why = format!(
                "activation data fee is {fee} wei, {} sent for it",
                value - init_value
            );
            return Err(Reverted::new(Vec::new(), why));
        }
        if init_data.is_empty() {
            if !init_value.is_zero() {
                let e = IStylusDeployer::InitValueButNotInitData {};
                return Err(Reverted::new(e.abi_encode(), "InitValueButNotInitData"));
            }
            if commit {
                self.net
                    .install_code(address, &code, &wasm)
                    .map_err(|f| creation_failed(f.to_string()))?;
            }
        } else {
            // The sender's value passes through the deployer; the program
            // receives `initValue` from it.
            let (from_before, deployer_before) =
                (self.net.balance(from), self.net.balance(STYLUS_DEPLOYER));
            self.net.set_balance(from, from_before - init_value);
            self.net
                .set_balance(STYLUS_DEPLOYER, deployer_before + init_value);
            let init = Tx {
                from: STYLUS_DEPLOYER,
                to: address,
                calldata: init_data.to_vec(),
                value: init_value,
                gas_limit: Some(budget - gas + gas::intrinsic_gas(&init_data)),
            };
            let receipt = self
                .net
                .create_code_and_call(&code, &wasm, init, from, commit);
            if !receipt.success || !commit {
                self.net.set_balance(from, from_before);
                self.net.set_balance(STYLUS_DEPLOYER, deployer_before);
            }
            gas += receipt.gas.total - receipt.gas.intrinsic;
            if !receipt.success {
                let e = IStylusDeployer::ContractInitializationError {
                    newContract: address,
                    data: receipt.output.clone(),
                };
                let mut r = Reverted::new(
                    e.abi_encode(),
                    format!("ContractInitializationError: {}", receipt.reason()),
                );
                r.gas = gas;
                return Err(r);
            }
            logs.extend(receipt.logs);
        }
        let event = IStylusDeployer::ContractDeployed {
            deployedContract: address,
        };
        logs.push(Log {
            address: STYLUS_DEPLOYER,
            data: event.encode_log_data(),
        });
        if commit {
            if activating {
                self.pay_data_fee(from, value - init_value, &code)?;
            }
            self.codes.insert(address, code.into());
            self.activated.insert(codehash);
            let nonce = self.deployer_nonce();
            self.nonces.insert(STYLUS_DEPLOYER, nonce + 1);
        }
        Ok(Deployed { address, logs, gas })
    }
}

/// Activation gas of deployed Stylus `code` (nitro's estimate from the module).
fn module_activation_gas(code: &[u8]) -> Option<u64> {
    let (code, wasm) = stylus_deploy_code(code).ok()?;
    Program::from_code(&code, &wasm)
        .ok()
        .map(|p| p.info().activation_gas())
}

/// The salt the StylusDeployer gives CREATE2: `keccak256(salt ‖ initData)`.
pub fn init_salt(salt: B256, init_data: &[u8]) -> B256 {
    let mut packed = salt.to_vec();
    packed.extend_from_slice(init_data);
    keccak256(packed)
}

fn activation_log(codehash: B256, program: Address, data_fee: U256) -> Log {
    let event = IArbWasm::ProgramActivated {
        codehash,
        moduleHash: keccak256(codehash),
        program,
        dataFee: data_fee,
        version: STYLUS_VERSION,
    };
    Log {
        address: ARB_WASM,
        data: event.encode_log_data(),
    }
}
