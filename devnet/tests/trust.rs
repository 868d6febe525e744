//! The real Trust artifact on the devnet: deployment, calls, reverts,
//! bad input and the storage part of the gas model.
mod common;

use alloy_sol_types::{SolEvent, SolValue};
use common::*;
use ds_devnet::{constructor_calldata, Devnet, Failure, Tx, U256};

#[test]
fn constructor_makes_the_deployer_master() {
    let master = Devnet::account("master");
    let (mut net, trust) = with_trust(master);
    let role = net.call_sol(master, trust, &ITrust::getRoleCall { target: master });
    assert_eq!(role.map_err(|r| r.reason()), Ok(MASTER));
    let owner = net.call_sol(master, trust, &ITrust::serviceOwnerCall {});
    assert_eq!(owner.map_err(|r| r.reason()), Ok(master));
}

#[test]
fn failed_constructor_keeps_nothing() {
    let mut net = Devnet::new();
    let deployer = Devnet::account("deployer");
    // constructor(address(0)) reverts with ZeroAddress
    let receipt = net
        .deploy(
            &wasm("trust"),
            deployer,
            &ds_devnet::Address::ZERO.abi_encode(),
        )
        .expect_err("zero master must be refused");
    assert_eq!(receipt.failure, Some(Failure::Reverted));
    let would_be = deployer.create(0);
    assert!(!net.has_program(would_be));
    // and the next deployment reuses the address
    let trust = net.deploy(&wasm("trust"), deployer, &deployer.abi_encode());
    assert_eq!(trust.ok(), Some(would_be));
}

#[test]
fn constructor_runs_once() {
    let master = Devnet::account("master");
    let (mut net, trust) = with_trust(master);
    let again = constructor_calldata(&master.abi_encode());
    let receipt = net.send(master, trust, &again, U256::ZERO);
    assert!(!receipt.success, "second constructor call must revert");
}

#[test]
fn set_role_writes_logs_and_pins_eip2929_storage_gas() {
    let master = Devnet::account("master");
    let issuer = Devnet::account("issuer");
    let (mut net, trust) = with_trust(master);
    let r = set_role(&mut net, trust, master, issuer, ISSUER);
    assert!(r.success, "{}", r.reason());
    assert_eq!(r.decode::<ITrust::setRoleCall>(), Ok(true));

    // Hand-computed EIP-2929/2200: cold SLOAD of the sender's role (2,100),
    // cold SLOAD of the target's role (2,100), SSTORE 0 -> 2 on a now-warm
    // slot (20,000). Nothing else touches storage.
    assert_eq!(r.gas.storage, 2_100 + 2_100 + 20_000);
    assert_eq!((r.slots_read, r.slots_written, r.calls), (2, 1, 0));
    assert_eq!(r.gas.refund, 0);
    // One entry into Trust, not cached: nitro's init gas of its module.
    let (uncached, cached) = net.program_init_gas(trust).expect("trust is a program");
    assert_eq!(r.gas.init, uncached);
    assert_eq!(r.gas.init_if_uncached, uncached);
    assert_eq!(r.gas.init_if_cached, cached);
    assert_eq!(r.gas.total_uncached - r.gas.total_cached, uncached - cached);
    assert_eq!(r.gas.total, r.gas.total_uncached);
    let parts = r.gas.intrinsic
        + r.gas.storage
        + r.gas.calls
        + r.gas.init
        + r.gas.memory
        + r.gas.logs
        + r.gas.hostio
        + r.gas.compute;
    assert_eq!(r.gas.total, parts);
    assert_eq!(r.programs.len(), 1);
    assert!(!r.programs[0].cached);

    // Cached, the same call pays only the cached init gas.
    assert!(net.set_cached(trust, true));
    let other = Devnet::account("other issuer");
    let c = set_role(&mut net, trust, master, other, ISSUER);
    assert!(c.success, "{}", c.reason());
    assert_eq!(c.gas.init, cached);
    assert!(c.programs[0].cached);
    assert!(r.gas.compute > 0 && r.gas.hostio > 0);
    // LOG1 with 96 data bytes: 375 + 375 + 8 * 96
    assert_eq!(r.gas.logs, 375 + 375 + 8 * 96);
    println!("Trust setRole gas: {:?}", r.gas);

    assert_eq!(r.logs.len(), 1);
    let ev = DSTrustServiceRoleAdded::decode_log(&r.logs[0]).expect("RoleAdded log");
    assert_eq!(ev.address, trust);
    assert_eq!(
        (ev.targetAddress, ev.role, ev.sender),
        (issuer, ISSUER, master)
    );

    let role = net.call_sol(master, trust, &ITrust::getRoleCall { target: issuer });
    assert_eq!(role.map_err(|r| r.reason()), Ok(ISSUER));
}

#[test]
fn remove_role_refunds_the_cleared_slot() {
    let master = Devnet::account("master");
    let issuer = Devnet::account("issuer");
    let (mut net, trust) = with_trust(master);
    let r = set_role(&mut net, trust, master, issuer, ISSUER);
    assert!(r.success, "{}", r.reason());
    let r = net.send_sol(master, trust, &ITrust::removeRoleCall { target: issuer });
    assert!(r.success, "{}", r.reason());
    // two cold SLOADs, then SSTORE 2 -> 0 on a clean warm slot: 2,900, refund 4,800
    assert_eq!(r.gas.storage, 2_100 + 2_100 + 2_900);
    assert_eq!(r.gas.refund, 4_800);
    let role = net.call_sol(master, trust, &ITrust::getRoleCall { target: issuer });
    assert_eq!(role.map_err(|r| r.reason()), Ok(0));
}

#[test]
fn revert_leaves_state_and_logs_untouched() {
    let master = Devnet::account("master");
    let nobody = Devnet::account("nobody");
    let (mut net, trust) = with_trust(master);
    let r = set_role(&mut net, trust, nobody, nobody, ISSUER);
    assert!(!r.success);
    assert_eq!(r.failure, Some(Failure::Reverted));
    let err = r
        .revert_error::<UnauthorizedCaller>()
        .expect("UnauthorizedCaller");
    assert_eq!((err.caller, err.callerRole), (nobody, 0));
    assert!(r.logs.is_empty());
    let role = net.call_sol(master, trust, &ITrust::getRoleCall { target: nobody });
    assert_eq!(role.map_err(|r| r.reason()), Ok(0));
}

#[test]
fn static_call_cannot_write() {
    let master = Devnet::account("master");
    let issuer = Devnet::account("issuer");
    let (mut net, trust) = with_trust(master);
    let call = ITrust::setRoleCall {
        target: issuer,
        role: ISSUER,
    };
    let r = net.call(master, trust, &alloy_sol_types::SolCall::abi_encode(&call));
    assert_eq!(r.failure, Some(Failure::WriteProtection), "{}", r.reason());
    let role = net.call_sol(master, trust, &ITrust::getRoleCall { target: issuer });
    assert_eq!(role.map_err(|r| r.reason()), Ok(0));
}

#[test]
fn bad_input_gets_a_clear_reason() {
    let master = Devnet::account("master");
    let (mut net, trust) = with_trust(master);
    // Trust's fallback (the DS constants) refuses any other selector with
    // `UnknownSelector(bytes4)`, short calldata as the zero selector
    let unknown = |selector: [u8; 4]| {
        let mut data = alloy_primitives::keccak256("UnknownSelector(bytes4)")[..4].to_vec();
        data.extend_from_slice(&selector);
        data.resize(36, 0);
        data
    };
    let r = net.send(master, trust, &[0xde, 0xad, 0xbe, 0xef, 0, 0], U256::ZERO);
    assert_eq!(r.failure, Some(Failure::Reverted));
    assert_eq!(r.output.to_vec(), unknown([0xde, 0xad, 0xbe, 0xef]));
    let r = net.send(master, trust, &[0x12, 0x34], U256::ZERO);
    assert_eq!(r.failure, Some(Failure::Reverted));
    assert_eq!(r.output.to_vec(), unknown([0; 4]));
    // a program whose SDK router has no fallback reverts with empty data;
    // the devnet names the reason
    let holder = Devnet::account("holder");
    let erc20 = net
        .deploy_direct(&wasm("erc20_min"), holder, &U256::from(1).abi_encode())
        .unwrap_or_else(|r| panic!("erc20 constructor: {}", r.reason()));
    let r = net.send(master, erc20, &[0xde, 0xad, 0xbe, 0xef, 0, 0], U256::ZERO);
    assert_eq!(
        r.failure,
        Some(Failure::UnknownSelector([0xde, 0xad, 0xbe, 0xef]))
    );
    let r = net.send(master, erc20, &[0x12, 0x34], U256::ZERO);
    assert_eq!(r.failure, Some(Failure::CalldataTooShort(2)));
    let elsewhere = Devnet::account("empty");
    let r = net.send_sol(master, elsewhere, &ITrust::getRoleCall { target: master });
    assert_eq!(r.failure, Some(Failure::NoProgram(elsewhere)));
    assert!(r.reason().contains("no program"));
}

#[test]
fn running_out_of_gas_changes_nothing() {
    let master = Devnet::account("master");
    let issuer = Devnet::account("issuer");
    let (mut net, trust) = with_trust(master);
    let calldata = alloy_sol_types::SolCall::abi_encode(&ITrust::setRoleCall {
        target: issuer,
        role: ISSUER,
    });
    // enough for entry and the reads, not for the 20,000 SSTORE
    let (entry, _) = net.program_init_gas(trust).expect("trust is a program");
    let limit = ds_devnet::gas::intrinsic_gas(&calldata) + entry + 10_000;
    let tx = Tx {
        from: master,
        to: trust,
        calldata,
        gas_limit: Some(limit),
        ..Tx::default()
    };
    let r = net.send_tx(tx);
    assert_eq!(r.failure, Some(Failure::OutOfGas), "{}", r.reason());
    assert!(r.logs.is_empty());
    // an exceptional halt burns the whole gas limit
    assert_eq!(r.gas.total, limit);
    let role = net.call_sol(master, trust, &ITrust::getRoleCall { target: issuer });
    assert_eq!(role.map_err(|r| r.reason()), Ok(0));
}

#[test]
fn time_and_balances_are_controllable() {
    let mut net = Devnet::new();
    let t0 = net.timestamp();
    net.advance_time(3_600);
    assert_eq!(net.timestamp(), t0 + 3_600);
    net.set_timestamp(42);
    assert_eq!(net.timestamp(), 42);
    let who = Devnet::account("rich");
    net.set_balance(who, U256::from(5));
    assert_eq!(net.balance(who), U256::from(5));
}
