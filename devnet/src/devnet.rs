//! The public devnet: deploy programs, send transactions, make static calls,
//! control accounts and time, read storage.

use std::sync::Arc;

use alloy_primitives::{keccak256, Address, Bytes, B256, U256};
use alloy_sol_types::SolCall;

use crate::{
    exec::{execute, CallKind, Ctx, Env, Message},
    gas::{self, GasReport, TxMeter},
    module::ModuleInfo,
    program::Program,
    receipt::{Failure, Receipt},
    state::State,
};

/// Chain id reported to programs (nitro's local dev chain).
pub const DEFAULT_CHAIN_ID: u64 = 412_346;
/// Gas limit of a transaction unless the caller sets one.
pub const DEFAULT_GAS_LIMIT: u64 = 30_000_000;
/// Timestamp of the first block.
pub const GENESIS_TIMESTAMP: u64 = 1_700_000_000;

/// Selector the Stylus SDK routes to `#[constructor]`:
/// keccak256("stylus_constructor()")[..4].
pub fn constructor_selector() -> [u8; 4] {
    let digest = keccak256(b"stylus_constructor()");
    [digest[0], digest[1], digest[2], digest[3]]
}

/// Calldata that runs a constructor with ABI-encoded `args`.
pub fn constructor_calldata(args: &[u8]) -> Vec<u8> {
    let mut data = constructor_selector().to_vec();
    data.extend_from_slice(args);
    data
}

/// A transaction (or, with `is_static`, a read-only call).
#[derive(Clone, Debug, Default)]
pub struct Tx {
    /// Sender (`msg.sender` and `tx.origin`).
    pub from: Address,
    /// Target program.
    pub to: Address,
    /// Calldata.
    pub calldata: Vec<u8>,
    /// Value in wei.
    pub value: U256,
    /// Gas limit (intrinsic included); `None` for the devnet default.
    pub gas_limit: Option<u64>,
}

/// Where a run goes.
enum Target {
    Call { is_static: bool, commit: bool },
    Deploy { program: Arc<Program>, commit: bool },
}

/// A local Stylus chain running real Wasm programs.
pub struct Devnet {
    pub(crate) state: State,
    block_number: u64,
    timestamp: u64,
    chain_id: u64,
    gas_limit: u64,
    l1_gas_per_byte: u64,
    basefee: U256,
    coinbase: Address,
}

impl Default for Devnet {
    fn default() -> Self {
        Self::new()
    }
}

impl Devnet {
    /// An empty chain at block 1, timestamp [`GENESIS_TIMESTAMP`].
    pub fn new() -> Self {
        Self {
            state: State::default(),
            block_number: 1,
            timestamp: GENESIS_TIMESTAMP,
            chain_id: DEFAULT_CHAIN_ID,
            gas_limit: DEFAULT_GAS_LIMIT,
            l1_gas_per_byte: 0,
            basefee: U256::ZERO,
            coinbase: Address::ZERO,
        }
    }

    // ---- time and blocks ----

    /// Block timestamp programs see.
    pub fn timestamp(&self) -> u64 {
        self.timestamp
    }

    /// Sets the block timestamp.
    pub fn set_timestamp(&mut self, timestamp: u64) {
        self.timestamp = timestamp;
    }

    /// Moves the clock forward by `seconds`.
    pub fn advance_time(&mut self, seconds: u64) {
        self.timestamp = self.timestamp.saturating_add(seconds);
    }

    /// Current block number (each committed transaction mines one block).
    pub fn block_number(&self) -> u64 {
        self.block_number
    }

    /// Sets the chain id programs see.
    pub fn set_chain_id(&mut self, chain_id: u64) {
        self.chain_id = chain_id;
    }

    /// Sets the default gas limit of transactions.
    pub fn set_gas_limit(&mut self, gas_limit: u64) {
        self.gas_limit = gas_limit;
    }

    /// Sets the L1 poster gas charged per calldata byte (default 0). On
    /// Arbitrum it follows the L1 price and the compressed size of the
    /// signed transaction; the devnet takes one configurable price per
    /// calldata byte and reports the result apart ([`GasReport::l1`]).
    pub fn set_l1_gas_per_byte(&mut self, gas: u64) {
        self.l1_gas_per_byte = gas;
    }

    // ---- accounts and storage ----

    /// Balance of `who`.
    pub fn balance(&self, who: Address) -> U256 {
        self.state.balance(who)
    }

    /// Sets the balance of `who`.
    pub fn set_balance(&mut self, who: Address, wei: U256) {
        self.state.set_balance(who, wei);
    }

    /// Whether a program is deployed at `at`.
    pub fn has_program(&self, at: Address) -> bool {
        self.state.program(at).is_some()
    }

    /// The storage word at `slot` of `at`.
    pub fn storage(&self, at: Address, slot: U256) -> U256 {
        U256::from_be_bytes(self.state.peek(at, B256::from(slot)).0)
    }

    /// Writes the storage word at `slot` of `at` directly (test set-up).
    pub fn set_storage(&mut self, at: Address, slot: U256, value: U256) {
        self.state.poke(at, B256::from(slot), B256::from(value));
    }

    /// A fresh address derived from `label` (for test accounts).
    pub fn account(label: &str) -> Address {
        Address::from_word(keccak256(label.as_bytes()))
    }

    // ---- programs ----

    fn compile(&mut self, wasm: &[u8]) -> Result<Arc<Program>, Failure> {
        Program::from_wasm(wasm).map_err(Failure::InvalidProgram)
    }

    /// The module figures of the program at `at` (init costs, activation
    /// gas), fixed when it was activated.
    pub fn program_info(&self, at: Address) -> Option<ModuleInfo> {
        self.state.program(at).map(|p| *p.info())
    }

    /// `ArbWasm.programInitGas(at)`: the gas of entering the program
    /// uncached and cached (memory excluded).
    pub fn program_init_gas(&self, at: Address) -> Option<(u64, u64)> {
        self.state.program(at).map(|p| p.init_gas())
    }

    /// The deployed code at `at` (`EF F0 00 ‖ dictionary ‖ brotli(wasm)`).
    pub fn code(&self, at: Address) -> Option<Vec<u8>> {
        self.state.program(at).map(|p| p.code().to_vec())
    }

    /// Caches (`true`) or evicts the program at `at`, as `ArbWasmCache`
    /// does for its code hash (every account with the same code). Returns
    /// `false` when `at` holds no program.
    pub fn set_cached(&mut self, at: Address, cached: bool) -> bool {
        let Some(program) = self.state.program(at) else {
            return false;
        };
        self.state.set_cached(program.codehash(), cached);
        true
    }

    /// Whether the program at `at` is cached.
    pub fn is_cached(&self, at: Address) -> bool {
        self.state
            .program(at)
            .is_some_and(|p| self.state.is_cached(p.codehash()))
    }

    /// Deploys `wasm` at the next CREATE address of `deployer` and runs its
    /// constructor with ABI-encoded `constructor_args` as the StylusDeployer
    /// does: in the same step, with the StylusDeployer
    /// ([`crate::rpc::STYLUS_DEPLOYER`]) as the constructor's sender and
    /// `deployer` as the transaction's origin (the DS contracts refuse any
    /// other constructor sender). On failure nothing is kept and the
    /// receipt says why.
    pub fn deploy(
        &mut self,
        wasm: &[u8],
        deployer: Address,
        constructor_args: &[u8],
    ) -> Result<Address, Box<Receipt>> {
        let receipt = self.deploy_with_receipt(wasm, deployer, constructor_args);
        match receipt.contract_address {
            Some(address) if receipt.success => Ok(address),
            _ => Err(Box::new(receipt)),
        }
    }

    /// [`Devnet::deploy`], returning the constructor's receipt either way.
    pub fn deploy_with_receipt(
        &mut self,
        wasm: &[u8],
        deployer: Address,
        constructor_args: &[u8],
    ) -> Receipt {
        let address = deployer.create(self.state.nonce(deployer));
        let receipt = self.deploy_at(address, wasm, deployer, constructor_args);
        if receipt.success {
            self.state.bump_nonce(deployer);
        }
        receipt
    }

    /// Deploys `wasm` at `address` and runs its constructor as the
    /// StylusDeployer does (see [`Devnet::deploy`]).
    pub fn deploy_at(
        &mut self,
        address: Address,
        wasm: &[u8],
        deployer: Address,
        constructor_args: &[u8],
    ) -> Receipt {
        let init = Tx {
            from: crate::rpc::STYLUS_DEPLOYER,
            to: address,
            calldata: constructor_calldata(constructor_args),
            ..Tx::default()
        };
        self.create_and_call(wasm, init, deployer, true)
    }

    /// [`Devnet::deploy`] with `deployer` itself as the constructor's
    /// sender, as when a program's constructor is called directly after
    /// its creation (for programs that take the deployer from
    /// `msg.sender`, such as the calibration token).
    pub fn deploy_direct(
        &mut self,
        wasm: &[u8],
        deployer: Address,
        constructor_args: &[u8],
    ) -> Result<Address, Box<Receipt>> {
        let address = deployer.create(self.state.nonce(deployer));
        let init = Tx {
            from: deployer,
            to: address,
            calldata: constructor_calldata(constructor_args),
            ..Tx::default()
        };
        let receipt = self.create_and_call(wasm, init, deployer, true);
        if !receipt.success {
            return Err(Box::new(receipt));
        }
        self.state.bump_nonce(deployer);
        Ok(address)
    }

    /// Installs `wasm` at `init.to` and calls it with `init` (sender
    /// `init.from`, transaction origin `origin`): what a factory such as
    /// the StylusDeployer does when it creates and initialises a program.
    /// If the call fails, or `commit` is false, nothing is kept, not even
    /// the program.
    pub fn create_and_call(
        &mut self,
        wasm: &[u8],
        init: Tx,
        origin: Address,
        commit: bool,
    ) -> Receipt {
        match self.compile(wasm) {
            Ok(program) => self.create_program_and_call(program, init, origin, commit),
            Err(f) => Receipt::refused(f, GasReport::default()),
        }
    }

    /// [`Devnet::create_and_call`] for deployed Stylus `code` whose
    /// decompressed module is `wasm`.
    pub fn create_code_and_call(
        &mut self,
        code: &[u8],
        wasm: &[u8],
        init: Tx,
        origin: Address,
        commit: bool,
    ) -> Receipt {
        match Program::from_code(code, wasm) {
            Ok(program) => self.create_program_and_call(program, init, origin, commit),
            Err(f) => Receipt::refused(Failure::InvalidProgram(f), GasReport::default()),
        }
    }

    fn create_program_and_call(
        &mut self,
        program: Arc<Program>,
        init: Tx,
        origin: Address,
        commit: bool,
    ) -> Receipt {
        let address = init.to;
        if self.has_program(address) {
            let f = Failure::InvalidProgram(format!("{address} already holds a program"));
            return Receipt::refused(f, GasReport::default());
        }
        let mut receipt = self.run(init, Target::Deploy { program, commit }, origin);
        if receipt.success {
            receipt.contract_address = Some(address);
        }
        receipt
    }

    /// Checks that `wasm` is a program the devnet can run (what activation
    /// checks), without installing it.
    pub fn validate_program(&mut self, wasm: &[u8]) -> Result<(), Failure> {
        self.compile(wasm).map(|_| ())
    }

    /// Installs `wasm` at `address` without running a constructor.
    pub fn install(&mut self, address: Address, wasm: &[u8]) -> Result<(), Failure> {
        let program = self.compile(wasm)?;
        self.state.set_program(address, Some(program));
        Ok(())
    }

    /// Installs the deployed `code` (whose decompressed module is `wasm`)
    /// at `address` without running a constructor.
    pub fn install_code(
        &mut self,
        address: Address,
        code: &[u8],
        wasm: &[u8],
    ) -> Result<(), Failure> {
        let program = Program::from_code(code, wasm).map_err(Failure::InvalidProgram)?;
        self.state.set_program(address, Some(program));
        Ok(())
    }

    // ---- transactions and calls ----

    /// Sends a transaction with the default gas limit.
    pub fn send(&mut self, from: Address, to: Address, calldata: &[u8], value: U256) -> Receipt {
        self.send_tx(Tx {
            from,
            to,
            calldata: calldata.to_vec(),
            value,
            gas_limit: None,
        })
    }

    /// Sends a transaction; its changes are kept only if it succeeds.
    pub fn send_tx(&mut self, tx: Tx) -> Receipt {
        let target = Target::Call {
            is_static: false,
            commit: true,
        };
        let origin = tx.from;
        self.run(tx, target, origin)
    }

    /// Sends the `sol!` call `call`.
    pub fn send_sol<C: SolCall>(&mut self, from: Address, to: Address, call: &C) -> Receipt {
        self.send(from, to, &call.abi_encode(), U256::ZERO)
    }

    /// A read-only call: runs as a static call and keeps no change.
    pub fn call(&mut self, from: Address, to: Address, calldata: &[u8]) -> Receipt {
        let tx = Tx {
            from,
            to,
            calldata: calldata.to_vec(),
            ..Tx::default()
        };
        let target = Target::Call {
            is_static: true,
            commit: false,
        };
        self.run(tx, target, from)
    }

    /// Simulates a transaction (not static) and keeps no change.
    pub fn simulate(&mut self, tx: Tx) -> Receipt {
        let target = Target::Call {
            is_static: false,
            commit: false,
        };
        let origin = tx.from;
        self.run(tx, target, origin)
    }

    /// Static-calls the `sol!` call `call` and decodes its result.
    pub fn call_sol<C: SolCall>(
        &mut self,
        from: Address,
        to: Address,
        call: &C,
    ) -> Result<C::Return, Box<Receipt>> {
        let receipt = self.call(from, to, &call.abi_encode());
        if !receipt.success {
            return Err(Box::new(receipt));
        }
        C::abi_decode_returns(&receipt.output).map_err(|e| {
            let mut r = Box::new(receipt);
            r.success = false;
            r.failure = Some(Failure::Trap(format!("undecodable return data: {e}")));
            r
        })
    }

    fn env(&self, origin: Address) -> Env {
        Env {
            origin,
            gas_price: self.basefee,
            block_number: self.block_number,
            timestamp: self.timestamp,
            chain_id: self.chain_id,
            basefee: self.basefee,
            coinbase: self.coinbase,
            block_gas_limit: DEFAULT_GAS_LIMIT,
        }
    }

    fn run(&mut self, tx: Tx, target: Target, origin: Address) -> Receipt {
        let intrinsic = gas::intrinsic_gas(&tx.calldata);
        let l1 = self
            .l1_gas_per_byte
            .saturating_mul(tx.calldata.len() as u64);
        let gas_limit = tx.gas_limit.unwrap_or(self.gas_limit);
        let intrinsic_only = GasReport {
            intrinsic,
            total: intrinsic,
            total_uncached: intrinsic,
            total_cached: intrinsic,
            ..GasReport::default()
        };
        if gas_limit < intrinsic {
            return Receipt::refused(Failure::OutOfGas, intrinsic_only);
        }
        let (is_static, commit, deploy) = match target {
            Target::Call { is_static, commit } => (is_static, commit, None),
            Target::Deploy { program, commit } => (false, commit, Some(program)),
        };
        if deploy.is_none() && !self.has_program(tx.to) && !tx.calldata.is_empty() {
            return Receipt::refused(Failure::NoProgram(tx.to), intrinsic_only);
        }

        let mut state = std::mem::take(&mut self.state);
        state.begin_tx(&[tx.from, tx.to]);
        let checkpoint = state.checkpoint();
        if let Some(program) = deploy {
            state.set_program(tx.to, Some(program));
        }
        let ctx = Box::new(Ctx {
            state,
            env: self.env(origin),
            meter: TxMeter::default(),
            slots_read: 0,
            slots_written: 0,
            calls: 0,
            stack: Vec::new(),
            open_pages: 0,
            ever_pages: 0,
            inner_failures: Vec::new(),
            console: Vec::new(),
        });
        let msg = Message {
            kind: if is_static {
                CallKind::Static
            } else {
                CallKind::Call
            },
            sender: tx.from,
            address: tx.to,
            code_address: tx.to,
            value: tx.value,
            calldata: tx.calldata,
            gas: gas_limit - intrinsic,
            is_static,
        };
        let (mut ctx, outcome) = execute(ctx, msg, 0);
        let success = outcome.success;
        let refund = if success { ctx.state.refund() } else { 0 };
        let logs = if success {
            ctx.state.take_logs()
        } else {
            Vec::new()
        };
        if !success {
            // A deployment's program goes with its failed constructor.
            ctx.state.revert_to(checkpoint);
        }
        if !commit {
            ctx.state.revert_to(checkpoint);
        }
        let used = gas_limit - intrinsic - outcome.gas_left;
        let mut gas = ctx.meter.report(intrinsic, used, refund);
        gas.l1 = l1;
        let ctx = *ctx;
        self.state = ctx.state;
        if commit && success {
            self.block_number += 1;
        }
        Receipt {
            success,
            output: Bytes::from(outcome.output),
            failure: outcome.failure,
            inner_failures: ctx.inner_failures,
            logs,
            gas,
            programs: ctx.meter.entries,
            slots_read: ctx.slots_read,
            slots_written: ctx.slots_written,
            calls: ctx.calls,
            contract_address: None,
            console: ctx.console,
        }
    }
}
