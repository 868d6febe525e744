//! Host behaviour across programs: nested calls, rollback of nested writes,
//! reentrancy, traps and gas exhaustion (real Trust/Registry artifacts plus
//! small hand-written programs in tests/wat).
mod common;

use alloy_sol_types::{SolCall, SolValue};
use common::*;
use ds_devnet::{Address, Devnet, Failure, Tx, U256};

const REGISTRY_SERVICE_ID: u64 = 4;

/// Installs the forwarder at `at` with `target` and `mode` (see forwarder.wat).
fn forwarder(net: &mut Devnet, at: Address, target: Address, mode: u8) {
    net.install(at, &wat("forwarder"))
        .expect("forwarder compiles");
    net.set_storage(at, U256::ZERO, U256::from_be_slice(target.as_slice()));
    net.set_storage(at, U256::from(1), U256::from(mode));
}

#[test]
fn registry_checks_the_master_through_trust() {
    let master = Devnet::account("master");
    let (mut net, trust) = with_trust(master);
    let registry = net
        .deploy(&wasm("registry"), master, &trust.abi_encode())
        .unwrap_or_else(|r| panic!("registry constructor: {}", r.reason()));
    let target = Devnet::account("service");
    let call = ITrust::setDSServiceCall {
        service_id: U256::from(REGISTRY_SERVICE_ID),
        service: target,
    };

    let r = net.send_sol(master, registry, &call);
    assert!(r.success, "{}", r.reason());
    assert_eq!(r.calls, 1);
    let init = |at| net.program_init_gas(at).expect("a program");
    assert_eq!(r.gas.init, init(registry).0 + init(trust).0);
    assert_eq!(r.gas.init_if_cached, init(registry).1 + init(trust).1);
    assert_eq!(r.gas.calls, 2_600, "first access to Trust is cold");
    println!("Registry setDSService (1 hop) gas: {:?}", r.gas);
    let got = net.call_sol(
        master,
        registry,
        &ITrust::getDSServiceCall {
            service_id: U256::from(REGISTRY_SERVICE_ID),
        },
    );
    assert_eq!(got.map_err(|r| r.reason()), Ok(target));

    let nobody = Devnet::account("nobody");
    let r = net.send_sol(nobody, registry, &call);
    let err = r
        .revert_error::<UnauthorizedCaller>()
        .expect("UnauthorizedCaller");
    assert_eq!(err.caller, nobody);
}

#[test]
fn nested_writes_roll_back_with_the_caller() {
    let alice = Devnet::account("alice");
    let issuer = Devnet::account("issuer");
    let fwd = Devnet::account("forwarder");
    // the forwarder is Trust's master, so what it forwards is authorised
    let mut net = Devnet::new();
    let trust = net
        .deploy(&wasm("trust"), alice, &fwd.abi_encode())
        .expect("trust");
    let set_role = ITrust::setRoleCall {
        target: issuer,
        role: ISSUER,
    }
    .abi_encode();

    // mode 1: counter += 1, Trust grants the role, then the forwarder reverts
    forwarder(&mut net, fwd, trust, 1);
    let r = net.send(alice, fwd, &set_role, U256::ZERO);
    assert_eq!(r.failure, Some(Failure::Reverted), "{}", r.reason());
    assert_eq!(r.calls, 1);
    assert!(r.logs.is_empty());
    assert_eq!(net.storage(fwd, U256::from(2)), U256::ZERO);
    let role = net.call_sol(alice, trust, &ITrust::getRoleCall { target: issuer });
    assert_eq!(
        role.map_err(|r| r.reason()),
        Ok(0),
        "Trust's write must be rolled back"
    );

    // mode 2: the same call, kept
    net.set_storage(fwd, U256::from(1), U256::from(2));
    let r = net.send(alice, fwd, &set_role, U256::ZERO);
    assert!(r.success, "{}", r.reason());
    assert_eq!(r.logs.len(), 1);
    assert_eq!(r.logs[0].address, trust);
    assert_eq!(net.storage(fwd, U256::from(2)), U256::from(1));
    let role = net.call_sol(alice, trust, &ITrust::getRoleCall { target: issuer });
    assert_eq!(role.map_err(|r| r.reason()), Ok(ISSUER));
}

#[test]
fn an_inner_failure_is_reported_and_propagated() {
    let alice = Devnet::account("alice");
    let fwd = Devnet::account("forwarder");
    let mut net = Devnet::new();
    // alice is master, the forwarder has no role: Trust refuses it
    let trust = net
        .deploy(&wasm("trust"), alice, &alice.abi_encode())
        .expect("trust");
    forwarder(&mut net, fwd, trust, 2);
    let call = ITrust::setRoleCall {
        target: alice,
        role: ISSUER,
    }
    .abi_encode();
    let r = net.send(alice, fwd, &call, U256::ZERO);
    // the forwarder passes Trust's status on, so the transaction fails
    // with Trust's error, and the forwarder's own write goes with it
    assert!(r.reverted_with::<UnauthorizedCaller>(), "{}", r.reason());
    assert_eq!(r.inner_failures.len(), 1);
    assert_eq!(r.inner_failures[0].address, trust);
    assert_eq!(net.storage(fwd, U256::from(2)), U256::ZERO);
}

#[test]
fn reentrancy_is_refused_with_a_clear_reason() {
    let master = Devnet::account("master");
    let fwd = Devnet::account("forwarder");
    let mut net = Devnet::new();
    // Registry believes the forwarder is Trust; the forwarder bounces the
    // getRole query back into Registry, which refuses to be re-entered.
    let registry = net
        .deploy(&wasm("registry"), master, &fwd.abi_encode())
        .expect("registry");
    forwarder(&mut net, fwd, registry, 0);
    let call = ITrust::setDSServiceCall {
        service_id: U256::from(8),
        service: master,
    };
    let r = net.send_sol(master, registry, &call);
    assert!(r.reverted_with::<ServiceCallFailed>(), "{}", r.reason());
    assert!(
        r.inner_failures
            .iter()
            .any(|f| f.failure == Failure::Reentrancy(registry) && f.depth == 2),
        "{}",
        r.reason()
    );
    assert!(r.reason().contains("reentrant"));
    assert_eq!(r.calls, 2);
}

#[test]
fn traps_and_endless_loops_fail_cleanly() {
    let alice = Devnet::account("alice");
    let spin = Devnet::account("spin");
    let mut net = Devnet::new();
    net.install(spin, &wat("spin")).expect("spin compiles");

    let r = net.send(alice, spin, &[], U256::ZERO);
    assert!(
        matches!(r.failure, Some(Failure::Trap(_))),
        "{}",
        r.reason()
    );

    let tx = Tx {
        from: alice,
        to: spin,
        calldata: vec![1, 2, 3, 4],
        gas_limit: Some(100_000),
        ..Tx::default()
    };
    let r = net.send_tx(tx);
    assert_eq!(r.failure, Some(Failure::OutOfGas));
    assert_eq!(r.gas.total, 100_000);
    assert!(r.gas.compute + r.gas.burned > 60_000);
}

#[test]
fn calls_forward_at_most_63_64ths_of_the_gas() {
    let alice = Devnet::account("alice");
    let fwd = Devnet::account("forwarder");
    let spin = Devnet::account("spin");
    let mut net = Devnet::new();
    net.install(spin, &wat("spin")).expect("spin compiles");
    forwarder(&mut net, fwd, spin, 0);
    let tx = Tx {
        from: alice,
        to: fwd,
        calldata: vec![9; 4],
        gas_limit: Some(200_000),
        ..Tx::default()
    };
    let r = net.send_tx(tx);
    // the spinner burns what it got; the forwarder keeps 1/64 and returns
    // the failure status with that reserve
    assert_eq!(r.failure, Some(Failure::Reverted), "{}", r.reason());
    assert_eq!(r.inner_failures[0].failure, Failure::OutOfGas);
    let left = r.gas.total;
    assert!(left < 200_000 && left > 190_000, "{left}");
}
