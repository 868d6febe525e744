//! Running one call frame: a fresh Wasm instance of the target program in
//! its own store, with the transaction context moved in for the duration of
//! the frame and handed back at the end (nested calls move it on again), so
//! no state is shared behind the interpreter's back.

use std::collections::BTreeMap;

use alloy_primitives::{Address, B256, U256};
use wasmi::{Extern, Global, Store, TrapCode, Val};

use crate::{
    gas::{self, FrameMeter, ProgramEntry, TxMeter},
    module, program,
    receipt::{Failure, InnerFailure},
    state::State,
};

/// Deepest call nesting allowed (as in the EVM).
pub const MAX_DEPTH: usize = 1024;

/// Block and transaction context seen by programs.
#[derive(Clone, Debug)]
pub struct Env {
    /// `tx.origin`.
    pub origin: Address,
    /// `tx.gasprice` in wei.
    pub gas_price: U256,
    /// Block number.
    pub block_number: u64,
    /// Block timestamp (seconds).
    pub timestamp: u64,
    /// Chain id.
    pub chain_id: u64,
    /// Base fee in wei.
    pub basefee: U256,
    /// Block coinbase.
    pub coinbase: Address,
    /// Block gas limit.
    pub block_gas_limit: u64,
}

/// Everything a transaction's frames share.
pub(crate) struct Ctx {
    pub state: State,
    pub env: Env,
    pub meter: TxMeter,
    pub slots_read: u64,
    pub slots_written: u64,
    pub calls: u64,
    /// Storage addresses of the active frames, outermost first, and whether
    /// each was entered by delegatecall.
    pub stack: Vec<(Address, bool)>,
    pub open_pages: u64,
    pub ever_pages: u64,
    pub inner_failures: Vec<InnerFailure>,
    pub console: Vec<String>,
}

/// How a frame was entered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CallKind {
    Call,
    Static,
    Delegate,
}

/// A request to run a program.
#[derive(Clone, Debug)]
pub(crate) struct Message {
    pub kind: CallKind,
    /// `msg.sender`.
    pub sender: Address,
    /// The account whose storage and balance the frame acts on.
    pub address: Address,
    /// The account whose program runs.
    pub code_address: Address,
    pub value: U256,
    pub calldata: Vec<u8>,
    /// EVM gas available to the frame.
    pub gas: u64,
    pub is_static: bool,
}

/// How a frame ended.
#[derive(Debug)]
pub(crate) struct Outcome {
    pub success: bool,
    pub output: Vec<u8>,
    pub gas_left: u64,
    pub failure: Option<Failure>,
}

impl Outcome {
    fn failed(failure: Failure, gas_left: u64) -> Self {
        Self {
            success: false,
            output: Vec::new(),
            gas_left,
            failure: Some(failure),
        }
    }
}

/// One slot of a frame's host storage cache (nitro's `StorageWord`): dirty
/// while its value differs from the one known to be stored.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CachedSlot {
    pub value: B256,
    pub known: Option<B256>,
}

impl CachedSlot {
    /// Whether the slot must be written back.
    pub fn dirty(&self) -> bool {
        self.known != Some(self.value)
    }
}

/// Store data of one running frame.
pub(crate) struct Frame {
    ctx: Option<Box<Ctx>>,
    pub msg: Message,
    pub depth: usize,
    pub cache: BTreeMap<B256, CachedSlot>,
    /// Storage loads and cache writes so far (the first 32 / 8 are free).
    pub reads: u64,
    pub writes: u64,
    pub return_data: Vec<u8>,
    pub output: Vec<u8>,
    pub halt: Option<Failure>,
    pub host: FrameMeter,
    /// The metered module's ink counter and ink status.
    pub ink: Option<(Global, Global)>,
    /// Whether the program used any hostio beyond the entry boilerplate.
    pub touched: bool,
    /// Whether `msg_reentrant` answered `true`.
    pub reentrant_seen: bool,
}

impl Frame {
    /// The transaction context (absent only while a nested frame runs).
    pub fn ctx(&mut self) -> Result<&mut Ctx, wasmi::Error> {
        self.ctx
            .as_deref_mut()
            .ok_or_else(|| wasmi::Error::new("transaction context is lent to a nested frame"))
    }

    /// Runs `msg` as a nested frame of this one.
    pub fn nest(&mut self, msg: Message) -> Result<Outcome, wasmi::Error> {
        let ctx = self
            .ctx
            .take()
            .ok_or_else(|| wasmi::Error::new("transaction context is lent to a nested frame"))?;
        let (ctx, outcome) = execute(ctx, msg, self.depth + 1);
        self.ctx = Some(ctx);
        Ok(outcome)
    }
}

/// Ink left in a frame's counter, and whether the meter ran out (the
/// frame then fails and what is left is burnt).
fn ink_left(store: &Store<Frame>, ink: Option<(Global, Global)>) -> (u64, bool) {
    let Some((left, status)) = ink else {
        return (0, false);
    };
    let left = match left.get(store) {
        Val::I64(left) => left as u64,
        _ => 0,
    };
    (left, !matches!(status.get(store), Val::I32(0)))
}

/// Runs `msg` at `depth`; state changes are rolled back unless it succeeds.
pub(crate) fn execute(mut ctx: Box<Ctx>, msg: Message, depth: usize) -> (Box<Ctx>, Outcome) {
    if depth > MAX_DEPTH {
        let gas = msg.gas;
        return (ctx, Outcome::failed(Failure::CallDepth, gas));
    }
    let checkpoint = ctx.state.checkpoint();
    if msg.kind == CallKind::Call && !ctx.state.transfer(msg.sender, msg.address, msg.value) {
        let gas = msg.gas;
        return (ctx, Outcome::failed(Failure::InsufficientBalance, gas));
    }
    if crate::precompile::is_precompile(msg.code_address) {
        let (cost, output) = crate::precompile::run(msg.code_address, &msg.calldata);
        let gas = msg.gas;
        if gas < cost {
            ctx.state.revert_to(checkpoint);
            ctx.meter.burned += gas;
            return (ctx, Outcome::failed(Failure::OutOfGas, 0));
        }
        // reported with the calls (the price of what was called)
        ctx.meter.calls += cost;
        let outcome = Outcome {
            success: true,
            output,
            gas_left: gas - cost,
            failure: None,
        };
        return (ctx, outcome);
    }
    let Some(program) = ctx.state.program(msg.code_address) else {
        // Like the EVM: calling an account without code succeeds and returns nothing.
        let gas = msg.gas;
        let outcome = Outcome {
            success: true,
            output: Vec::new(),
            gas_left: gas,
            failure: None,
        };
        return (ctx, outcome);
    };

    // Program entry (nitro's CallProgram): the memory the program starts
    // with, then its init cost, cached or not.
    let pages = program.initial_pages();
    let memory = gas::memory_gas(pages, ctx.open_pages, ctx.ever_pages);
    let cached = ctx.state.is_cached(program.codehash());
    let (init_cost, cached_cost) = (
        program.info().init_cost(),
        program.info().cached_init_cost(),
    );
    let init = gas::entry_gas(init_cost, cached_cost, cached);
    let entry = memory + init;
    if msg.gas < entry || ctx.open_pages + pages > gas::PAGE_LIMIT {
        ctx.state.revert_to(checkpoint);
        ctx.meter.burned += msg.gas;
        return (ctx, Outcome::failed(Failure::OutOfGas, 0));
    }
    ctx.meter.init += init;
    ctx.meter.init_if_cached += gas::entry_gas(init_cost, cached_cost, true);
    ctx.meter.init_if_uncached += gas::entry_gas(init_cost, cached_cost, false);
    ctx.meter.entries.push(ProgramEntry {
        code_address: msg.code_address,
        cached,
        init,
    });
    ctx.meter.memory += memory;
    let open_before = ctx.open_pages;
    ctx.open_pages += pages;
    ctx.ever_pages = ctx.ever_pages.max(ctx.open_pages);
    ctx.stack
        .push((msg.address, msg.kind == CallKind::Delegate));

    let start_ink = (msg.gas - entry).saturating_mul(gas::INK_PER_GAS);
    let calldata_len = msg.calldata.len();
    let start_gas = msg.gas;
    let frame = Frame {
        ctx: Some(ctx),
        msg,
        depth,
        cache: BTreeMap::new(),
        reads: 0,
        writes: 0,
        return_data: Vec::new(),
        output: Vec::new(),
        halt: None,
        host: FrameMeter::default(),
        ink: None,
        touched: false,
        reentrant_seen: false,
    };
    let (engine, linker) = program::runtime();
    let mut store = Store::new(engine, frame);
    let run = (|| {
        let instance = linker.instantiate_and_start(&mut store, program.module())?;
        let global = |name| match instance.get_export(&store, name) {
            Some(Extern::Global(g)) => Ok(g),
            _ => Err(wasmi::Error::new("metered module without its ink globals")),
        };
        let ink = (global(module::INK_LEFT)?, global(module::INK_STATUS)?);
        ink.0.set(&mut store, Val::I64(start_ink as i64))?;
        store.data_mut().ink = Some(ink);
        let entry = instance.get_typed_func::<i32, i32>(&store, "user_entrypoint")?;
        let len =
            i32::try_from(calldata_len).map_err(|_| wasmi::Error::new("calldata too long"))?;
        entry.call(&mut store, len)
    })();
    let ink = store.data().ink;
    let (left_ink, exhausted) = ink_left(&store, ink);
    let mut frame = store.into_data();
    let Some(mut ctx) = frame.ctx.take() else {
        unreachable!("a nested frame always hands the context back")
    };
    ctx.stack.pop();
    ctx.open_pages = open_before;

    let mut gas_left = left_ink / gas::INK_PER_GAS;
    let mut result = match run {
        Ok(0) => Ok(true),
        Ok(_) => Ok(false),
        Err(e) => Err(frame
            .halt
            .take()
            .unwrap_or_else(|| classify_trap(&e, exhausted))),
    };
    if result == Ok(true) && frame.cache.values().any(CachedSlot::dirty) {
        // The SDK flushes before returning; a program that did not loses its writes.
        result = Ok(false);
    }
    if result.is_ok() && !frame.output.is_empty() {
        // nitro charges return data at least what the EVM's memory would cost.
        let floor = gas::evm_memory_gas(frame.output.len());
        if start_gas < floor {
            result = Err(Failure::OutOfGas);
        } else if gas_left > start_gas - floor {
            frame.host.hostio_ink += (gas_left - (start_gas - floor)) * gas::INK_PER_GAS;
            gas_left = start_gas - floor;
        }
    }

    // The transaction's compute is what no part accounts for (see TxMeter).
    ctx.meter.add_frame(&frame.host);

    let outcome = match result {
        Ok(true) => Outcome {
            success: true,
            output: frame.output,
            gas_left,
            failure: None,
        },
        Ok(false) => {
            ctx.state.revert_to(checkpoint);
            let failure = classify_revert(&frame);
            Outcome {
                success: false,
                output: frame.output,
                gas_left,
                failure: Some(failure),
            }
        }
        Err(failure) => {
            ctx.state.revert_to(checkpoint);
            ctx.meter.burned += gas_left;
            Outcome::failed(failure, 0)
        }
    };
    if depth > 0 {
        if let Some(failure) = &outcome.failure {
            ctx.inner_failures.push(InnerFailure {
                depth,
                address: frame.msg.address,
                failure: failure.clone(),
            });
        }
    }
    (ctx, outcome)
}

/// A trap is out of gas when the ink meter set its status (it traps with
/// `unreachable` then), a Wasm fault otherwise.
fn classify_trap(error: &wasmi::Error, exhausted: bool) -> Failure {
    match error.as_trap_code() {
        Some(TrapCode::UnreachableCodeReached) if exhausted => Failure::OutOfGas,
        _ => Failure::Trap(error.to_string()),
    }
}

/// Names the reason of a revert. The SDK's router reverts with empty data
/// and without touching the host for a selector it does not know (or
/// calldata too short to hold one), and its entrypoint reverts with empty
/// data right after `msg_reentrant` answers `true`.
fn classify_revert(frame: &Frame) -> Failure {
    if !frame.output.is_empty() {
        return Failure::Reverted;
    }
    if frame.reentrant_seen {
        return Failure::Reentrancy(frame.msg.address);
    }
    let calldata = &frame.msg.calldata;
    if frame.touched {
        return Failure::Reverted;
    }
    match calldata.len() {
        0 => Failure::Reverted,
        n @ 1..=3 => Failure::CalldataTooShort(n),
        _ => {
            let mut selector = [0u8; 4];
            selector.copy_from_slice(&calldata[..4]);
            Failure::UnknownSelector(selector)
        }
    }
}
