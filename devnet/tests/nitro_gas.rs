//! The devnet charges what nitro charges: program init recomputed here from
//! the artifacts' sections with nitro's formula (independently of the
//! devnet's own module parser), compute per basic block, per-program
//! caching, and the code-size limits.
mod common;

use alloy_sol_types::SolValue;
use common::{set_role, wasm, wat, with_trust};
use ds_devnet::{Address, Devnet, Failure, Tx, MAX_CODE_SIZE, MAX_WASM_SIZE, U256};

/// The figures nitro's init formula takes, read straight from the
/// sections of a Wasm module.
#[derive(Debug, Default)]
struct Sections {
    funcs: u64,
    type_len: u64,
    globals: u64,
    segments: u64,
    pages: u64,
}

fn leb(bytes: &[u8], at: &mut usize) -> u64 {
    let (mut value, mut shift) = (0u64, 0);
    loop {
        let byte = bytes[*at];
        *at += 1;
        value |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return value;
        }
        shift += 7;
    }
}

fn sections(wasm: &[u8]) -> Sections {
    let mut s = Sections::default();
    let mut types: Vec<u64> = Vec::new();
    let mut at = 8;
    while at < wasm.len() {
        let id = wasm[at];
        at += 1;
        let size = leb(wasm, &mut at) as usize;
        let (start, end) = (at, at + size);
        let mut p = start;
        match id {
            1 => {
                for _ in 0..leb(wasm, &mut p) {
                    assert_eq!(wasm[p], 0x60, "a function type");
                    p += 1;
                    let params = leb(wasm, &mut p);
                    p += params as usize;
                    let results = leb(wasm, &mut p);
                    p += results as usize;
                    types.push(params + results);
                }
            }
            3 => {
                for _ in 0..leb(wasm, &mut p) {
                    s.type_len += types[leb(wasm, &mut p) as usize];
                }
            }
            5 => {
                leb(wasm, &mut p);
                p += 1; // limits flag
                s.pages = leb(wasm, &mut p);
            }
            6 => s.globals = leb(wasm, &mut p),
            // the segments' bytes: the section without its count
            9 | 11 => {
                leb(wasm, &mut p);
                s.segments += (end - p) as u64;
            }
            10 => s.funcs = leb(wasm, &mut p),
            _ => {}
        }
        at = end;
    }
    s
}

/// nitro's `programInitGas` (uncached, cached) of `wasm`.
fn nitro_init_gas(wasm: &[u8]) -> (u64, u64) {
    let s = sections(wasm);
    let len = wasm.len() as u64;
    let init = s.funcs * 8_252 / 1_000 + s.type_len * 1_059 / 1_000 + len * 1_286 / 10_000;
    let cached = s.funcs * 13_420 / 100_000
        + s.type_len * 89 / 100_000
        + len * 122 / 100_000
        + (s.globals + 4) * 1_628 / 1_000
        + s.segments * 75_244 / 100_000
        + s.pages * 5;
    (352 + cached + 8_832 + init, 352 + cached)
}

#[test]
fn init_gas_of_every_artifact_is_nitros_formula_on_its_sections() {
    let mut net = Devnet::new();
    for name in [
        "trust",
        "registry",
        "registry_admin",
        "compliance",
        "compliance_views",
        "compliance_admin",
        "compliance_config",
        "compliance_hooks",
        "comms",
        "ds_token",
        "token_admin",
        "token_control",
        "distribution",
        "erc20_min",
        "payment_token",
    ] {
        let code = wasm(name);
        let at = Devnet::account(name);
        net.install(at, &code).expect("an artifact installs");
        let served = net.program_init_gas(at);
        assert_eq!(served, Some(nitro_init_gas(&code)), "{name}");
        println!("{name}: programInitGas {served:?}");
    }
}

/// A devnet with the countdown program installed; its address and a sender.
fn countdown() -> (Devnet, Address, Address) {
    let at = Devnet::account("countdown");
    let mut net = Devnet::new();
    net.install(at, &wat("countdown"))
        .expect("countdown compiles");
    (net, at, Devnet::account("alice"))
}

#[test]
fn compute_is_the_ink_of_the_basic_blocks_entered() {
    let (mut net, at, alice) = countdown();
    let r = net.send(alice, at, &[], U256::ZERO);
    assert!(r.success, "{}", r.reason());
    // before the loop: i32.const, local.set, loop = 1 + 210 + 1 (+ header)
    // each of the 10,000 turns: local.get, i32.const, i32.sub, local.tee,
    // br_if = 75 + 1 + 70 + 75 + 765 (+ header); then the loop's end, and
    // i32.const + the function's end, each block with its 2,450 header.
    let ink = (212 + 2_450) + 10_000 * (986 + 2_450) + (1 + 2_450) + (2 + 2_450);
    assert_eq!(r.gas.compute, u64::div_ceil(ink, 10_000));
    assert_eq!((r.gas.hostio, r.gas.storage, r.gas.memory), (0, 0, 0));
    let (uncached, _) = net.program_init_gas(at).expect("a program");
    assert_eq!(r.gas.init, uncached);
    assert_eq!(r.gas.total, 21_000 + uncached + r.gas.compute);
}

#[test]
fn caching_is_per_program() {
    let master = Devnet::account("master");
    let (mut net, trust) = with_trust(master);
    let registry = net
        .deploy(&wasm("registry"), master, &trust.abi_encode())
        .unwrap_or_else(|r| panic!("registry constructor: {}", r.reason()));
    let (registry_uncached, registry_cached) = net.program_init_gas(registry).expect("program");
    let (trust_uncached, trust_cached) = net.program_init_gas(trust).expect("program");
    assert!(net.set_cached(registry, true));
    assert!(net.is_cached(registry) && !net.is_cached(trust));
    let call = set_ds_service_call();
    let r = net.send(master, registry, &call, U256::ZERO);
    assert!(r.success, "{}", r.reason());
    // Registry (cached) then Trust (not): the mixed case
    assert_eq!(r.gas.init, registry_cached + trust_uncached);
    assert_eq!(r.gas.init_if_cached, registry_cached + trust_cached);
    assert_eq!(r.gas.init_if_uncached, registry_uncached + trust_uncached);
    let cached: Vec<bool> = r.programs.iter().map(|p| p.cached).collect();
    assert_eq!(cached, [true, false]);
    // evicted, both pay the uncached entry
    assert!(net.set_cached(registry, false));
    let r = net.send(master, registry, &call, U256::ZERO);
    assert_eq!(r.gas.init, registry_uncached + trust_uncached);
    // Trust alone, cached
    assert!(net.set_cached(trust, true));
    let r = set_role(&mut net, trust, master, Devnet::account("issuer"), 2);
    assert_eq!(r.gas.init, trust_cached);
}

/// `setDSService(4, x)` on the Registry: one hop to Trust for the master check.
fn set_ds_service_call() -> Vec<u8> {
    alloy_sol_types::sol! {
        function setDSService(uint256 serviceId, address service) external returns (bool);
    }
    alloy_sol_types::SolCall::abi_encode(&setDSServiceCall {
        serviceId: U256::from(4),
        service: Devnet::account("service"),
    })
}

/// A module of exactly `len` bytes: the countdown program padded with a
/// custom section.
fn padded(len: usize) -> Vec<u8> {
    let mut module = wat("countdown");
    let name = b"pad";
    // id, size (3-byte LEB), name length, name, payload
    let payload = len - module.len() - 1 - 3 - 1 - name.len();
    let size = 1 + name.len() + payload;
    module.push(0);
    module.extend_from_slice(&[
        (size as u8 & 0x7f) | 0x80,
        ((size >> 7) as u8 & 0x7f) | 0x80,
        (size >> 14) as u8,
    ]);
    module.push(name.len() as u8);
    module.extend_from_slice(name);
    module.extend(std::iter::repeat_n(0xa5, payload));
    assert_eq!(module.len(), len);
    module
}

#[test]
fn deployed_code_over_24_576_bytes_with_its_prefix_is_refused() {
    let mut net = Devnet::new();
    let code = |wasm: &[u8]| [&[0xef, 0xf0, 0x00, 0x00][..], wasm].concat();
    let fits = padded(MAX_CODE_SIZE - 4);
    assert_eq!(code(&fits).len(), 24_576);
    net.install_code(Devnet::account("fits"), &code(&fits), &fits)
        .expect("24,576 bytes with the prefix fit");
    let over = padded(MAX_CODE_SIZE - 3);
    assert_eq!(code(&over).len(), 24_577);
    let refused = net.install_code(Devnet::account("over"), &code(&over), &over);
    assert!(
        matches!(&refused, Err(Failure::InvalidProgram(e)) if e.contains("max code size exceeded")),
        "{refused:?}"
    );
    assert!(!net.has_program(Devnet::account("over")));
}

#[test]
fn wasm_over_128_kib_decompressed_is_refused() {
    let mut net = Devnet::new();
    net.install(Devnet::account("fits"), &padded(MAX_WASM_SIZE))
        .expect("128 KiB fit (its code compresses well below the limit)");
    let refused = net.install(Devnet::account("over"), &padded(MAX_WASM_SIZE + 1));
    assert!(
        matches!(&refused, Err(Failure::InvalidProgram(e)) if e.contains("wasm too large")),
        "{refused:?}"
    );
}

#[test]
fn a_transaction_without_gas_for_the_entry_fails_out_of_gas() {
    let (mut net, at, alice) = countdown();
    let (entry, _) = net.program_init_gas(at).expect("a program");
    let r = net.send_tx(Tx {
        from: alice,
        to: at,
        gas_limit: Some(21_000 + entry - 1),
        ..Tx::default()
    });
    assert_eq!(r.failure, Some(Failure::OutOfGas));
    assert_eq!(r.gas.total, 21_000 + entry - 1);
}

#[test]
fn l1_poster_gas_is_reported_apart_from_l2_gas() {
    let (mut net, at, alice) = countdown();
    let l2 = net.send(alice, at, &[1, 2, 3], U256::ZERO);
    assert_eq!(l2.gas.l1, 0, "default: no L1 price");
    net.set_l1_gas_per_byte(10);
    let r = net.send(alice, at, &[1, 2, 3], U256::ZERO);
    assert_eq!(r.gas.l1, 30);
    assert_eq!(r.gas.total, l2.gas.total, "L2 gas unchanged");
}
