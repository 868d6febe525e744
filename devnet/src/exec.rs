//! Running one call frame: a fresh Wasm instance of the target program in
//! its own store, with the transaction context moved in for the duration of
//! the frame and handed back at the end (nested calls move it on again), so
//! no state is shared behind the interpreter's back.

use std::{collections::BTreeMap, sync::Arc};

use alloy_primitives::{Address, B256, U256};
use wasmi::{Engine, Extern, Linker, Store, TrapCode};

use crate::{
    gas::{self, FuelMeter, TxMeter},
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
    pub engine: Engine,
    pub linker: Arc<Linker<Frame>>,
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
    /// Fuel available to the frame.
    pub fuel: u64,
    pub is_static: bool,
}

/// How a frame ended.
#[derive(Debug)]
pub(crate) struct Outcome {
    pub success: bool,
    pub output: Vec<u8>,
    pub fuel_left: u64,
    pub failure: Option<Failure>,
}

impl Outcome {
    fn failed(failure: Failure, fuel_left: u64) -> Self {
        Self {
            success: false,
            output: Vec::new(),
            fuel_left,
            failure: Some(failure),
        }
    }
}

/// One slot of a frame's host storage cache.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CachedSlot {
    pub value: B256,
    pub dirty: bool,
}

/// Store data of one running frame.
pub(crate) struct Frame {
    ctx: Option<Box<Ctx>>,
    pub msg: Message,
    pub depth: usize,
    pub cache: BTreeMap<B256, CachedSlot>,
    pub return_data: Vec<u8>,
    pub output: Vec<u8>,
    pub halt: Option<Failure>,
    pub host: FuelMeter,
    pub nested_fuel: u64,
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

/// Runs `msg` at `depth`; state changes are rolled back unless it succeeds.
pub(crate) fn execute(mut ctx: Box<Ctx>, msg: Message, depth: usize) -> (Box<Ctx>, Outcome) {
    if depth > MAX_DEPTH {
        let fuel = msg.fuel;
        return (ctx, Outcome::failed(Failure::CallDepth, fuel));
    }
    let checkpoint = ctx.state.checkpoint();
    if msg.kind == CallKind::Call && !ctx.state.transfer(msg.sender, msg.address, msg.value) {
        let fuel = msg.fuel;
        return (ctx, Outcome::failed(Failure::InsufficientBalance, fuel));
    }
    let Some(program) = ctx.state.program(msg.code_address) else {
        // Like the EVM: calling an account without code succeeds and returns nothing.
        let fuel = msg.fuel;
        let outcome = Outcome {
            success: true,
            output: Vec::new(),
            fuel_left: fuel,
            failure: None,
        };
        return (ctx, outcome);
    };

    // Program entry: init cost and the memory it starts with.
    let pages = program.initial_pages();
    let memory_fuel = gas::gas_to_fuel(gas::memory_gas(pages, ctx.open_pages, ctx.ever_pages));
    let entry_fuel = gas::gas_to_fuel(gas::MIN_INIT_GAS) + memory_fuel;
    if msg.fuel < entry_fuel {
        ctx.state.revert_to(checkpoint);
        ctx.meter.burned += msg.fuel;
        return (ctx, Outcome::failed(Failure::OutOfGas, 0));
    }
    ctx.meter.init_uncached += gas::MIN_INIT_GAS;
    ctx.meter.init_cached += gas::MIN_CACHED_INIT_GAS;
    ctx.meter.host.memory += memory_fuel;
    let open_before = ctx.open_pages;
    ctx.open_pages += pages;
    ctx.ever_pages = ctx.ever_pages.max(ctx.open_pages);
    ctx.stack
        .push((msg.address, msg.kind == CallKind::Delegate));

    let start_fuel = msg.fuel - entry_fuel;
    let engine = ctx.engine.clone();
    let linker = ctx.linker.clone();
    let calldata_len = msg.calldata.len();
    let frame = Frame {
        ctx: Some(ctx),
        msg,
        depth,
        cache: BTreeMap::new(),
        return_data: Vec::new(),
        output: Vec::new(),
        halt: None,
        host: FuelMeter::default(),
        nested_fuel: 0,
        touched: false,
        reentrant_seen: false,
    };
    let mut store = Store::new(&engine, frame);
    let run = store.set_fuel(start_fuel).and_then(|()| {
        let instance = linker.instantiate_and_start(&mut store, program.module())?;
        let entry = instance.get_typed_func::<i32, i32>(&store, "user_entrypoint")?;
        let len =
            i32::try_from(calldata_len).map_err(|_| wasmi::Error::new("calldata too long"))?;
        let status = entry.call(&mut store, len)?;
        let grown = match instance.get_export(&store, "memory") {
            Some(Extern::Memory(m)) => m.size(&store).saturating_sub(pages),
            _ => 0,
        };
        Ok((status, grown))
    });
    let mut fuel_left = store.get_fuel().unwrap_or(0);
    let mut frame = store.into_data();
    let Some(mut ctx) = frame.ctx.take() else {
        unreachable!("a nested frame always hands the context back")
    };
    ctx.stack.pop();

    let mut result = match run {
        Ok((0, grown)) => {
            // Pay for pages grown during the frame.
            let fuel = gas::gas_to_fuel(gas::memory_gas(grown, ctx.open_pages, ctx.ever_pages));
            ctx.open_pages += grown;
            ctx.ever_pages = ctx.ever_pages.max(ctx.open_pages);
            if fuel > fuel_left {
                Err(Failure::OutOfGas)
            } else {
                fuel_left -= fuel;
                frame.host.memory += fuel;
                Ok(true)
            }
        }
        Ok(_) => Ok(false),
        Err(e) => Err(frame.halt.take().unwrap_or_else(|| classify_trap(&e))),
    };
    if result.is_ok() && frame.cache.values().any(|s| s.dirty) {
        // The SDK flushes before returning; a program that did not loses its writes.
        result = Ok(false);
    }
    ctx.open_pages = open_before;

    // Gas bookkeeping.
    let used = start_fuel.saturating_sub(fuel_left);
    let compute = used.saturating_sub(frame.host.total() + frame.nested_fuel);
    ctx.meter.compute += compute;
    add_meter(&mut ctx.meter.host, &frame.host);

    let outcome = match result {
        Ok(true) => Outcome {
            success: true,
            output: frame.output,
            fuel_left,
            failure: None,
        },
        Ok(false) => {
            ctx.state.revert_to(checkpoint);
            let failure = classify_revert(&frame);
            Outcome {
                success: false,
                output: frame.output,
                fuel_left,
                failure: Some(failure),
            }
        }
        Err(failure) => {
            ctx.state.revert_to(checkpoint);
            ctx.meter.burned += fuel_left;
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

fn add_meter(total: &mut FuelMeter, frame: &FuelMeter) {
    total.storage += frame.storage;
    total.calls += frame.calls;
    total.memory += frame.memory;
    total.logs += frame.logs;
    total.hostio += frame.hostio;
}

fn classify_trap(error: &wasmi::Error) -> Failure {
    match error.as_trap_code() {
        Some(TrapCode::OutOfFuel) => Failure::OutOfGas,
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
