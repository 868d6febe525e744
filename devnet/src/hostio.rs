//! The `vm_hooks` (and `console`) imports: the Stylus host interface,
//! implemented over the frame's store data and the transaction context.
//! Every hostio charges its ink price first (see [`crate::gas`]).

use alloy_primitives::{keccak256, Address, Log, LogData, B256, U256};
use wasmi::{Caller, Engine, Error, Extern, Global, Linker, Memory, Val};

use crate::{
    exec::{CachedSlot, CallKind, Frame, Message},
    gas::{self, Part, HOSTIO_INK, PTR_INK},
    receipt::Failure,
};

type C<'a> = Caller<'a, Frame>;

/// Builds a linker with every hostio the devnet provides.
pub(crate) fn linker(engine: &Engine) -> Result<Linker<Frame>, Error> {
    let mut l = Linker::new(engine);
    calldata(&mut l)?;
    storage(&mut l)?;
    calls(&mut l)?;
    context(&mut l)?;
    accounts(&mut l)?;
    misc(&mut l)?;
    console(&mut l)?;
    Ok(l)
}

const M: &str = "vm_hooks";

// ---- helpers ---------------------------------------------------------------

fn memory(c: &C) -> Result<Memory, Error> {
    match c.get_export("memory") {
        Some(Extern::Memory(m)) => Ok(m),
        _ => Err(Error::new("program exports no memory")),
    }
}

fn read(c: &C, ptr: i32, len: usize) -> Result<Vec<u8>, Error> {
    let mut buf = vec![0; len];
    memory(c)?
        .read(c, ptr as u32 as usize, &mut buf)
        .map_err(|_| Error::new("hostio read out of bounds"))?;
    Ok(buf)
}

fn read_word(c: &C, ptr: i32) -> Result<B256, Error> {
    Ok(B256::from_slice(&read(c, ptr, 32)?))
}

fn read_address(c: &C, ptr: i32) -> Result<Address, Error> {
    Ok(Address::from_slice(&read(c, ptr, 20)?))
}

fn write(c: &mut C, ptr: i32, data: &[u8]) -> Result<(), Error> {
    memory(c)?
        .write(c, ptr as u32 as usize, data)
        .map_err(|_| Error::new("hostio write out of bounds"))
}

fn len(v: i32) -> usize {
    v as u32 as usize
}

/// Stops the frame with `failure`.
fn halt(c: &mut C, failure: Failure) -> Error {
    let text = failure.to_string();
    c.data_mut().halt = Some(failure);
    Error::new(text)
}

/// The frame's ink counter and ink status.
fn ink_globals(c: &C) -> Result<(Global, Global), Error> {
    c.data()
        .ink
        .ok_or_else(|| Error::new("hostio called before the program was entered"))
}

/// Ink left in the frame.
fn ink_left(c: &C) -> Result<u64, Error> {
    let (left, status) = ink_globals(c)?;
    match (left.get(c), status.get(c)) {
        (Val::I64(left), Val::I32(0)) => Ok(left as u64),
        _ => Ok(0),
    }
}

/// Marks the frame out of ink (nitro's `MachineMeter::Exhausted`) and stops it.
fn out_of_ink(c: &mut C) -> Error {
    if let Ok((_, status)) = ink_globals(c) {
        let _ = status.set(&mut *c, Val::I32(1));
    }
    halt(c, Failure::OutOfGas)
}

/// Buys `ink` for the frame under `part`; out of ink stops the frame.
fn charge(c: &mut C, part: Part, ink: u64) -> Result<(), Error> {
    let left = ink_left(c)?;
    if left < ink {
        return Err(out_of_ink(c));
    }
    let (counter, _) = ink_globals(c)?;
    counter.set(&mut *c, Val::I64((left - ink) as i64))?;
    c.data_mut().host.add(part, ink);
    Ok(())
}

/// Buys EVM `gas` under `part`.
fn charge_gas(c: &mut C, part: Part, gas: u64) -> Result<(), Error> {
    charge(c, part, gas.saturating_mul(gas::INK_PER_GAS))
}

/// Fails the frame unless `gas` is left (nitro's `require_gas`), burning nothing.
fn require_gas(c: &mut C, gas: u64) -> Result<(), Error> {
    if gas_left(c)? < gas {
        return Err(out_of_ink(c));
    }
    Ok(())
}

/// Charges a hostio's base ink and marks the frame as having used the host.
fn enter(c: &mut C, ink: u64) -> Result<(), Error> {
    c.data_mut().touched = true;
    charge(c, Part::Hostio, ink)
}

/// Gas left, truncated from ink.
fn gas_left(c: &C) -> Result<u64, Error> {
    Ok(ink_left(c)? / gas::INK_PER_GAS)
}

// ---- calldata and result -----------------------------------------------------

fn calldata(l: &mut Linker<Frame>) -> Result<(), Error> {
    l.func_wrap(M, "read_args", |mut c: C, dest: i32| {
        let data = c.data().msg.calldata.clone();
        charge(
            &mut c,
            Part::Hostio,
            HOSTIO_INK + gas::write_price(data.len()),
        )?;
        write(&mut c, dest, &data)
    })?;
    l.func_wrap(M, "write_result", |mut c: C, ptr: i32, n: i32| {
        // read from the program, then again by geth
        let ink = HOSTIO_INK + 2 * gas::read_price(len(n));
        charge(&mut c, Part::Hostio, ink)?;
        let data = read(&c, ptr, len(n))?;
        c.data_mut().output = data;
        Ok(())
    })?;
    l.func_wrap(M, "pay_for_memory_grow", |mut c: C, pages: i32| {
        // The SDK calls it with 0 at entry: that pays the hostio only.
        if pages == 0 {
            return charge(&mut c, Part::Hostio, HOSTIO_INK);
        }
        let pages = u64::from(pages as u32 & 0xffff);
        let ctx = c.data_mut().ctx()?;
        let cost = gas::memory_gas(pages, ctx.open_pages, ctx.ever_pages);
        ctx.open_pages += pages;
        ctx.ever_pages = ctx.ever_pages.max(ctx.open_pages);
        charge_gas(&mut c, Part::Memory, cost)
    })?;
    Ok(())
}

// ---- storage -----------------------------------------------------------------

/// Gas of the n-th storage load of a frame (nitro's storage cache).
fn cache_read_gas(n: u64) -> u64 {
    match n {
        0..=32 => 0,
        33..=128 => 2,
        _ => 10,
    }
}

/// Gas of the n-th storage cache write of a frame.
fn cache_write_gas(n: u64) -> u64 {
    match n {
        0..=8 => 0,
        9..=64 => 7,
        _ => 10,
    }
}

/// The EVM-side ink of a storage miss, in gas (truncated, as nitro).
const EVM_API_GAS: u64 = gas::EVM_API_INK / gas::INK_PER_GAS;

fn storage(l: &mut Linker<Frame>) -> Result<(), Error> {
    l.func_wrap(
        M,
        "storage_load_bytes32",
        |mut c: C, key: i32, dest: i32| {
            enter(&mut c, HOSTIO_INK + 2 * PTR_INK)?;
            require_gas(
                &mut c,
                gas::COLD_SLOAD_GAS + gas::STORAGE_ACCESS_GAS + EVM_API_GAS,
            )?;
            let key = read_word(&c, key)?;
            let frame = c.data_mut();
            frame.reads += 1;
            let mut cost = cache_read_gas(frame.reads);
            let cached = frame.cache.get(&key).map(|s| s.value);
            let value = match cached {
                Some(v) => v,
                None => {
                    let address = c.data().msg.address;
                    let ctx = c.data_mut().ctx()?;
                    let (value, sload) = ctx.state.sload(address, key);
                    ctx.slots_read += 1;
                    charge_gas(&mut c, Part::Storage, sload)?;
                    cost += EVM_API_GAS;
                    let slot = CachedSlot {
                        value,
                        known: Some(value),
                    };
                    c.data_mut().cache.insert(key, slot);
                    value
                }
            };
            charge_gas(&mut c, Part::Hostio, cost)?;
            write(&mut c, dest, value.as_slice())
        },
    )?;
    l.func_wrap(
        M,
        "storage_cache_bytes32",
        |mut c: C, key: i32, value: i32| {
            enter(&mut c, HOSTIO_INK + 2 * PTR_INK)?;
            require_gas(&mut c, gas::SSTORE_SENTRY_GAS + gas::STORAGE_ACCESS_GAS)?;
            let key = read_word(&c, key)?;
            let value = read_word(&c, value)?;
            let frame = c.data_mut();
            frame.writes += 1;
            let cost = cache_write_gas(frame.writes);
            frame
                .cache
                .entry(key)
                .and_modify(|s| s.value = value)
                .or_insert(CachedSlot { value, known: None });
            charge_gas(&mut c, Part::Hostio, cost)
        },
    )?;
    l.func_wrap(M, "storage_flush_cache", |mut c: C, clear: i32| {
        flush(&mut c)?;
        if clear != 0 {
            c.data_mut().cache.clear();
        }
        Ok(())
    })?;
    Ok(())
}

/// Persists the dirty slots of the frame's cache, charging SSTORE prices.
fn flush(c: &mut C) -> Result<(), Error> {
    // Not a sign of the program using the host: the SDK flushes on every exit.
    charge(c, Part::Hostio, HOSTIO_INK + gas::EVM_API_INK)?;
    require_gas(c, gas::SSTORE_SENTRY_GAS)?;
    let dirty: Vec<(B256, B256)> = c
        .data()
        .cache
        .iter()
        .filter(|(_, s)| s.dirty())
        .map(|(k, s)| (*k, s.value))
        .collect();
    if dirty.is_empty() {
        return Ok(());
    }
    c.data_mut().touched = true;
    if c.data().msg.is_static {
        return Err(halt(c, Failure::WriteProtection));
    }
    let address = c.data().msg.address;
    let mut budget = gas_left(c)? + 1;
    for (key, value) in dirty {
        let cost = c.data_mut().ctx()?.state.sstore_gas(address, key, value);
        if cost > budget {
            return Err(out_of_ink(c));
        }
        budget -= cost;
        let ctx = c.data_mut().ctx()?;
        let paid = ctx.state.sstore(address, key, value);
        ctx.slots_written += 1;
        charge_gas(c, Part::Storage, paid.gas)?;
        if let Some(slot) = c.data_mut().cache.get_mut(&key) {
            slot.known = Some(slot.value);
        }
    }
    Ok(())
}

// ---- calls -------------------------------------------------------------------

/// Arguments of a call hostio.
struct CallArgs {
    kind: CallKind,
    target: i32,
    data: i32,
    len: i32,
    value: Option<i32>,
    gas: i64,
    ret_len: i32,
}

/// The hook of a call kind that sends no value (STATICCALL, DELEGATECALL).
fn value_less_call(
    kind: CallKind,
) -> impl Fn(C, i32, i32, i32, i64, i32) -> Result<i32, Error> + Send + Sync + 'static {
    move |mut c, target, data, len, gas, ret_len| {
        do_call(
            &mut c,
            CallArgs {
                kind,
                target,
                data,
                len,
                value: None,
                gas,
                ret_len,
            },
        )
    }
}

fn calls(l: &mut Linker<Frame>) -> Result<(), Error> {
    l.func_wrap(
        M,
        "call_contract",
        |mut c: C, target: i32, data: i32, len: i32, value: i32, gas: i64, ret_len: i32| {
            let kind = CallKind::Call;
            let value = Some(value);
            do_call(
                &mut c,
                CallArgs {
                    kind,
                    target,
                    data,
                    len,
                    value,
                    gas,
                    ret_len,
                },
            )
        },
    )?;
    l.func_wrap(M, "static_call_contract", value_less_call(CallKind::Static))?;
    l.func_wrap(
        M,
        "delegate_call_contract",
        value_less_call(CallKind::Delegate),
    )?;
    l.func_wrap(
        M,
        "read_return_data",
        |mut c: C, dest: i32, offset: i32, size: i32| {
            enter(&mut c, HOSTIO_INK + gas::EVM_API_INK)?;
            let data = &c.data().return_data;
            let start = len(offset).min(data.len());
            let end = start.saturating_add(len(size)).min(data.len());
            let chunk = data[start..end].to_vec();
            charge(&mut c, Part::Hostio, gas::write_price(chunk.len()))?;
            write(&mut c, dest, &chunk)?;
            Ok(chunk.len() as i32)
        },
    )?;
    l.func_wrap(M, "return_data_size", |mut c: C| {
        enter(&mut c, HOSTIO_INK)?;
        Ok(c.data().return_data.len() as i32)
    })?;
    Ok(())
}

fn do_call(c: &mut C, args: CallArgs) -> Result<i32, Error> {
    // read from the program, then again by geth
    let ink = HOSTIO_INK + 3 * PTR_INK + gas::EVM_API_INK + 2 * gas::read_price(len(args.len));
    enter(c, ink)?;
    let gas_left = gas_left(c)?;
    let gas_req = (args.gas as u64).min(gas_left);
    let target = read_address(c, args.target)?;
    let calldata = read(c, args.data, len(args.len))?;
    let value = match args.value {
        Some(ptr) => U256::from_be_bytes(read_word(c, ptr)?.0),
        None => U256::ZERO,
    };
    if c.data().msg.is_static && !value.is_zero() {
        return Err(halt(c, Failure::WriteProtection));
    }
    let state = &mut c.data_mut().ctx()?.state;
    let mut base = if state.touch_account(target) {
        gas::COLD_ACCOUNT_GAS
    } else {
        gas::WARM_READ_GAS
    };
    if !value.is_zero() {
        base += gas::CALL_VALUE_GAS;
        if state.is_empty_account(target) {
            base += gas::CALL_NEW_ACCOUNT_GAS;
        }
    }
    if gas_left < base {
        return Err(out_of_ink(c));
    }
    charge_gas(c, Part::Calls, base)?;
    // 63/64 of what is left after the access cost, at most what was asked.
    let mut forwarded = ((gas_left - base) * 63 / 64).min(gas_req);
    if !value.is_zero() {
        forwarded += gas::CALL_STIPEND;
    }

    let parent = &c.data().msg;
    let msg = match args.kind {
        CallKind::Call | CallKind::Static => Message {
            kind: args.kind,
            sender: parent.address,
            address: target,
            code_address: target,
            value,
            calldata,
            gas: forwarded,
            is_static: parent.is_static || args.kind == CallKind::Static,
        },
        CallKind::Delegate => Message {
            kind: args.kind,
            sender: parent.sender,
            address: parent.address,
            code_address: target,
            value: parent.value,
            calldata,
            gas: forwarded,
            is_static: parent.is_static,
        },
    };
    let frame = c.data_mut();
    frame.ctx()?.calls += 1;
    let outcome = frame.nest(msg)?;
    let out_len = outcome.output.len() as u32;
    frame.return_data = outcome.output;
    charge_gas(c, Part::Nested, forwarded.saturating_sub(outcome.gas_left))?;
    write(c, args.ret_len, &out_len.to_le_bytes())?;
    Ok(if outcome.success { 0 } else { 1 })
}

// ---- msg / tx / block context --------------------------------------------------

fn context(l: &mut Linker<Frame>) -> Result<(), Error> {
    fn word(
        l: &mut Linker<Frame>,
        name: &str,
        get: fn(&mut Frame) -> Result<[u8; 32], Error>,
    ) -> Result<(), Error> {
        l.func_wrap(M, name, move |mut c: C, dest: i32| {
            enter(&mut c, HOSTIO_INK + PTR_INK)?;
            let v = get(c.data_mut())?;
            write(&mut c, dest, &v)
        })?;
        Ok(())
    }
    fn addr(
        l: &mut Linker<Frame>,
        name: &str,
        get: fn(&mut Frame) -> Result<Address, Error>,
    ) -> Result<(), Error> {
        l.func_wrap(M, name, move |mut c: C, dest: i32| {
            enter(&mut c, HOSTIO_INK + PTR_INK)?;
            let v = get(c.data_mut())?;
            write(&mut c, dest, v.as_slice())
        })?;
        Ok(())
    }
    fn num(
        l: &mut Linker<Frame>,
        name: &str,
        get: fn(&mut C) -> Result<u64, Error>,
    ) -> Result<(), Error> {
        l.func_wrap(M, name, move |mut c: C| {
            enter(&mut c, HOSTIO_INK)?;
            Ok(get(&mut c)? as i64)
        })?;
        Ok(())
    }
    addr(l, "msg_sender", |f| Ok(f.msg.sender))?;
    addr(l, "contract_address", |f| Ok(f.msg.address))?;
    addr(l, "tx_origin", |f| Ok(f.ctx()?.env.origin))?;
    addr(l, "block_coinbase", |f| Ok(f.ctx()?.env.coinbase))?;
    word(l, "msg_value", |f| Ok(f.msg.value.to_be_bytes()))?;
    word(l, "block_basefee", |f| {
        Ok(f.ctx()?.env.basefee.to_be_bytes())
    })?;
    word(l, "tx_gas_price", |f| {
        Ok(f.ctx()?.env.gas_price.to_be_bytes())
    })?;
    num(l, "block_timestamp", |c| {
        Ok(c.data_mut().ctx()?.env.timestamp)
    })?;
    num(l, "block_number", |c| {
        Ok(c.data_mut().ctx()?.env.block_number)
    })?;
    num(l, "block_gas_limit", |c| {
        Ok(c.data_mut().ctx()?.env.block_gas_limit)
    })?;
    num(l, "chainid", |c| Ok(c.data_mut().ctx()?.env.chain_id))?;
    num(l, "evm_gas_left", |c| gas_left(c))?;
    num(l, "evm_ink_left", |c| ink_left(c))?;
    l.func_wrap(M, "tx_ink_price", |mut c: C| {
        enter(&mut c, HOSTIO_INK)?;
        Ok(gas::INK_PER_GAS as i32)
    })?;
    l.func_wrap(M, "msg_reentrant", |mut c: C| {
        charge(&mut c, Part::Hostio, HOSTIO_INK)?;
        let frame = c.data_mut();
        let (address, depth) = (frame.msg.address, frame.depth);
        let reentrant = is_reentrant(&frame.ctx()?.stack[..=depth], address);
        frame.reentrant_seen |= reentrant;
        Ok(i32::from(reentrant))
    })?;
    Ok(())
}

/// Whether the innermost of the open `frames` (acting address, entered by
/// delegatecall), which acts on `address`, is reentrant. As in Nitro, whose
/// tx processor counts open frames per acting address but skips delegate
/// and callcode frames: reentrant when two or more non-delegate frames act
/// on the address. A delegate frame acts for its caller and adds nothing.
fn is_reentrant(frames: &[(Address, bool)], address: Address) -> bool {
    frames
        .iter()
        .filter(|(acting, delegate)| *acting == address && !delegate)
        .count()
        > 1
}

// ---- other accounts --------------------------------------------------------------

/// Charges an account query (EIP-2929 access, plus the code access for
/// queries that load code) and returns the address.
fn account_access(c: &mut C, ptr: i32, base_ink: u64, loads_code: bool) -> Result<Address, Error> {
    enter(c, base_ink)?;
    require_gas(c, gas::COLD_ACCOUNT_GAS)?;
    let address = read_address(c, ptr)?;
    let cold = c.data_mut().ctx()?.state.touch_account(address);
    let mut gas = if cold {
        gas::COLD_ACCOUNT_GAS
    } else {
        gas::WARM_READ_GAS
    };
    if loads_code {
        gas += gas::CODE_ACCESS_GAS;
    }
    charge_gas(c, Part::Calls, gas)?;
    Ok(address)
}

/// The code deployed at `address` (prefixed Stylus code for a program).
fn code_at(c: &mut C, address: Address) -> Result<Vec<u8>, Error> {
    let state = &c.data_mut().ctx()?.state;
    Ok(state
        .program(address)
        .map(|p| p.code().to_vec())
        .unwrap_or_default())
}

fn accounts(l: &mut Linker<Frame>) -> Result<(), Error> {
    const QUERY_INK: u64 = HOSTIO_INK + 2 * PTR_INK + gas::EVM_API_INK;
    const CODE_INK: u64 = HOSTIO_INK + gas::EVM_API_INK;
    l.func_wrap(M, "account_balance", |mut c: C, addr: i32, dest: i32| {
        let address = account_access(&mut c, addr, QUERY_INK, false)?;
        let balance = c.data_mut().ctx()?.state.balance(address);
        write(&mut c, dest, &balance.to_be_bytes::<32>())
    })?;
    l.func_wrap(M, "account_codehash", |mut c: C, addr: i32, dest: i32| {
        let address = account_access(&mut c, addr, QUERY_INK, false)?;
        let state = &c.data_mut().ctx()?.state;
        let hash = match (state.program(address), state.account(address)) {
            (Some(p), _) => p.codehash(),
            (None, Some(_)) => alloy_primitives::KECCAK256_EMPTY,
            (None, None) => B256::ZERO,
        };
        write(&mut c, dest, hash.as_slice())
    })?;
    l.func_wrap(M, "account_code_size", |mut c: C, addr: i32| {
        let address = account_access(&mut c, addr, CODE_INK, true)?;
        Ok(code_at(&mut c, address)?.len() as i32)
    })?;
    l.func_wrap(
        M,
        "account_code",
        |mut c: C, addr: i32, offset: i32, size: i32, dest: i32| {
            let address = account_access(&mut c, addr, CODE_INK, true)?;
            let code = code_at(&mut c, address)?;
            charge(&mut c, Part::Hostio, gas::write_price(code.len()))?;
            let start = len(offset).min(code.len());
            let end = start.saturating_add(len(size)).min(code.len());
            write(&mut c, dest, &code[start..end])?;
            Ok((end - start) as i32)
        },
    )?;
    l.func_wrap(
        M,
        "create1",
        |mut c: C, _code: i32, _len: i32, _endowment: i32, _contract: i32, _revert_len: i32| {
            Err::<(), _>(halt(&mut c, Failure::Unsupported("create1")))
        },
    )?;
    l.func_wrap(
        M,
        "create2",
        |mut c: C,
         _code: i32,
         _len: i32,
         _endowment: i32,
         _salt: i32,
         _contract: i32,
         _revert_len: i32| { Err::<(), _>(halt(&mut c, Failure::Unsupported("create2"))) },
    )?;
    Ok(())
}

// ---- logs and crypto -----------------------------------------------------------------

fn misc(l: &mut Linker<Frame>) -> Result<(), Error> {
    l.func_wrap(M, "emit_log", |mut c: C, ptr: i32, n: i32, topics: i32| {
        enter(&mut c, HOSTIO_INK + gas::EVM_API_INK)?;
        let (n, topics) = (len(n), len(topics));
        if topics > 4 || n < topics * 32 {
            return Err(Error::new("emit_log: bad topic count"));
        }
        charge(&mut c, Part::Hostio, gas::read_price(n))?;
        if c.data().msg.is_static {
            return Err(halt(&mut c, Failure::WriteProtection));
        }
        charge_gas(&mut c, Part::Logs, gas::log_gas(topics, n - topics * 32))?;
        let bytes = read(&c, ptr, n)?;
        let (head, data) = bytes.split_at(topics * 32);
        let topics = head.chunks(32).map(B256::from_slice).collect();
        let address = c.data().msg.address;
        let log = Log {
            address,
            data: LogData::new_unchecked(topics, data.to_vec().into()),
        };
        c.data_mut().ctx()?.state.push_log(log);
        Ok(())
    })?;
    l.func_wrap(
        M,
        "native_keccak256",
        |mut c: C, ptr: i32, n: i32, out: i32| {
            // keccak has no hostio base: its price covers leaving Wasm
            enter(&mut c, gas::keccak_ink(len(n)))?;
            let data = read(&c, ptr, len(n))?;
            write(&mut c, out, keccak256(data).as_slice())
        },
    )?;
    Ok(())
}

// ---- console (debug builds of programs) ----------------------------------------------------

fn console(l: &mut Linker<Frame>) -> Result<(), Error> {
    const CON: &str = "console";
    fn say(c: &mut C, text: String) -> Result<(), Error> {
        c.data_mut().ctx()?.console.push(text);
        Ok(())
    }
    l.func_wrap(CON, "log_txt", |mut c: C, ptr: i32, n: i32| {
        let text = String::from_utf8_lossy(&read(&c, ptr, len(n))?).into_owned();
        say(&mut c, text)
    })?;
    l.func_wrap(CON, "log_i32", |mut c: C, v: i32| {
        say(&mut c, v.to_string())
    })?;
    l.func_wrap(CON, "log_i64", |mut c: C, v: i64| {
        say(&mut c, v.to_string())
    })?;
    l.func_wrap(CON, "log_f32", |mut c: C, v: f32| {
        say(&mut c, v.to_string())
    })?;
    l.func_wrap(CON, "log_f64", |mut c: C, v: f64| {
        say(&mut c, v.to_string())
    })?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_primitives::address;

    const A: Address = address!("00000000000000000000000000000000000000aa");
    const B: Address = address!("00000000000000000000000000000000000000bb");

    #[test]
    fn reentry_counts_call_frames_only() {
        // A alone, and A running a facet by delegatecall: not reentrant.
        assert!(!is_reentrant(&[(A, false)], A));
        assert!(!is_reentrant(&[(A, false), (A, true)], A));
        assert!(!is_reentrant(&[(A, false), (A, true), (A, true)], A));
        // A calls B, which calls A back: reentrant, also inside A's facet.
        assert!(is_reentrant(&[(A, false), (B, false), (A, false)], A));
        assert!(is_reentrant(
            &[(A, false), (B, false), (A, false), (A, true)],
            A
        ));
        // B's own frames do not count for A.
        assert!(!is_reentrant(&[(B, false), (B, false), (A, false)], A));
    }
}
