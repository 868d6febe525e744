//! Native tests of the Trust service on the SDK's TestVM.

use super::*;
use alloy_primitives::{address, B256};
use alloy_sol_types::{SolError, SolEvent};
use ds_common::errors::{
    BatchTooLarge, InvalidRole, LengthMismatch, RoleChangeNotAllowed, RoleNotManageable,
    UnauthorizedCaller, ZeroAddress,
};
use stylus_sdk::testing::*;

pub(super) const MASTER: Address = address!("00000000000000000000000000000000000000a1");
pub(super) const ISSUER: Address = address!("00000000000000000000000000000000000000b2");
pub(super) const EXCHANGE: Address = address!("00000000000000000000000000000000000000c4");
pub(super) const AGENT: Address = address!("00000000000000000000000000000000000000d8");
pub(super) const NOBODY: Address = address!("00000000000000000000000000000000000000e0");
pub(super) const FRESH: Address = address!("00000000000000000000000000000000000000f0");
const FRESH2: Address = address!("00000000000000000000000000000000000000f1");

/// A deployed Trust with one holder of each role.
pub(super) fn deployed() -> (TestVM, TrustService) {
    let vm = TestVM::default();
    let mut trust = TrustService::from(&vm);
    vm.set_sender(ds_common::deployer::STYLUS_DEPLOYER);
    trust.constructor(MASTER).unwrap();
    vm.set_sender(MASTER);
    trust.set_role(ISSUER, role::ISSUER).unwrap();
    trust.set_role(EXCHANGE, role::EXCHANGE).unwrap();
    trust.set_role(AGENT, role::TRANSFER_AGENT).unwrap();
    vm.clear_mocks();
    (vm, trust)
}

/// Every storage slot the VM holds, to prove a refusal wrote nothing.
pub(super) fn storage(vm: &TestVM) -> Vec<(U256, B256)> {
    let mut slots: Vec<_> = vm.snapshot().storage.into_iter().collect();
    slots.sort();
    slots
}

fn who(r: u8) -> Address {
    match r {
        role::MASTER => MASTER,
        role::ISSUER => ISSUER,
        role::EXCHANGE => EXCHANGE,
        role::TRANSFER_AGENT => AGENT,
        _ => NOBODY,
    }
}

const ALL_ROLES: [u8; 5] = [
    role::NONE,
    role::MASTER,
    role::ISSUER,
    role::EXCHANGE,
    role::TRANSFER_AGENT,
];

/// The written specification: may a sender holding `sender` grant/revoke `target`?
fn spec_may_manage(sender: u8, target: u8) -> bool {
    match sender {
        role::MASTER => [role::ISSUER, role::EXCHANGE, role::TRANSFER_AGENT].contains(&target),
        role::ISSUER => [role::ISSUER, role::EXCHANGE].contains(&target),
        role::TRANSFER_AGENT => target == role::TRANSFER_AGENT,
        _ => false,
    }
}

fn unauthorized(caller: Address, role: u8) -> DSError {
    DSError::UnauthorizedCaller(UnauthorizedCaller {
        caller,
        callerRole: role,
    })
}

#[test]
fn constructor_makes_master_and_emits() {
    let vm = TestVM::default();
    let mut trust = TrustService::from(&vm);
    vm.set_sender(ds_common::deployer::STYLUS_DEPLOYER);
    trust.constructor(MASTER).unwrap();
    assert_eq!(trust.get_role(MASTER), role::MASTER);
    assert_eq!(trust.service_owner(), MASTER);
    assert_eq!(trust.get_role(NOBODY), role::NONE);
    let logs = vm.get_emitted_logs();
    assert_eq!(logs.len(), 1);
    let ev =
        DSTrustServiceRoleAdded::decode_raw_log(logs[0].0.iter().copied(), &logs[0].1).unwrap();
    assert_eq!(
        (ev.targetAddress, ev.role, ev.sender),
        (MASTER, role::MASTER, ds_common::deployer::STYLUS_DEPLOYER)
    );
}

/// Review F-05: a constructor run by anyone but the StylusDeployer (a
/// two-step deployment taken over) is refused and writes nothing.
#[test]
fn constructor_refuses_any_sender_but_the_stylus_deployer() {
    let vm = TestVM::default();
    let mut trust = TrustService::from(&vm);
    for sender in [NOBODY, MASTER] {
        vm.set_sender(sender);
        assert_eq!(
            trust.constructor(NOBODY),
            Err(DSError::unauthorized(sender, role::NONE))
        );
    }
    assert_eq!(trust.service_owner(), Address::ZERO);
    assert_eq!(trust.get_role(NOBODY), role::NONE);
    assert!(vm.get_emitted_logs().is_empty());
}

#[test]
fn constructor_refuses_zero_master() {
    let vm = TestVM::default();
    let mut trust = TrustService::from(&vm);
    vm.set_sender(ds_common::deployer::STYLUS_DEPLOYER);
    assert_eq!(
        trust.constructor(Address::ZERO),
        Err(DSError::ZeroAddress(ZeroAddress {}))
    );
    assert!(storage(&vm).is_empty());
}

/// setRole: every sender role × every granted role, against the specification.
#[test]
fn set_role_matrix() {
    for sender_role in ALL_ROLES {
        for granted in ALL_ROLES {
            let (vm, mut trust) = deployed();
            vm.set_sender(who(sender_role));
            let before = storage(&vm);
            let result = trust.set_role(FRESH, granted);
            let grantable = granted != role::NONE && granted != role::MASTER;
            let allowed = !matches!(sender_role, role::NONE | role::EXCHANGE)
                && grantable
                && spec_may_manage(sender_role, granted);
            if allowed {
                assert_eq!(result, Ok(true), "{sender_role} grants {granted}");
                assert_eq!(trust.get_role(FRESH), granted);
                let logs = vm.get_emitted_logs();
                assert_eq!(logs.len(), 1);
                assert_eq!(logs[0].0[0], DSTrustServiceRoleAdded::SIGNATURE_HASH);
            } else {
                let err = result.unwrap_err();
                let expected = if matches!(sender_role, role::NONE | role::EXCHANGE) {
                    unauthorized(who(sender_role), sender_role)
                } else if !grantable {
                    DSError::InvalidRole(InvalidRole { role: granted })
                } else {
                    DSError::RoleNotManageable(RoleNotManageable {
                        caller: who(sender_role),
                        callerRole: sender_role,
                        role: granted,
                    })
                };
                assert_eq!(err, expected, "{sender_role} grants {granted}");
                assert_eq!(storage(&vm), before, "refusal wrote state");
                assert!(vm.get_emitted_logs().is_empty());
            }
        }
    }
}

/// removeRole: every sender role × every role the target holds.
#[test]
fn remove_role_matrix() {
    for sender_role in ALL_ROLES {
        for held in [role::ISSUER, role::EXCHANGE, role::TRANSFER_AGENT] {
            let (vm, mut trust) = deployed();
            vm.set_sender(MASTER);
            trust.set_role(FRESH, held).unwrap();
            vm.clear_mocks();
            vm.set_sender(who(sender_role));
            let before = storage(&vm);
            let result = trust.remove_role(FRESH);
            if spec_may_manage(sender_role, held) {
                assert_eq!(result, Ok(true));
                assert_eq!(trust.get_role(FRESH), role::NONE);
                let logs = vm.get_emitted_logs();
                let ev = DSTrustServiceRoleRemoved::decode_raw_log(
                    logs[0].0.iter().copied(),
                    &logs[0].1,
                )
                .unwrap();
                assert_eq!(
                    (ev.targetAddress, ev.role, ev.sender),
                    (FRESH, held, who(sender_role))
                );
            } else {
                assert!(result.is_err(), "{sender_role} removes {held}");
                assert_eq!(trust.get_role(FRESH), held);
                assert_eq!(storage(&vm), before);
                assert!(vm.get_emitted_logs().is_empty());
            }
        }
    }
}

#[test]
fn master_cannot_be_removed_by_anyone() {
    for sender_role in ALL_ROLES {
        let (vm, mut trust) = deployed();
        vm.set_sender(who(sender_role));
        let before = storage(&vm);
        let err = trust.remove_role(MASTER).unwrap_err();
        if matches!(sender_role, role::NONE | role::EXCHANGE) {
            assert_eq!(err, unauthorized(who(sender_role), sender_role));
        } else {
            assert_eq!(
                err,
                DSError::MasterCannotBeRemoved(MasterCannotBeRemoved { target: MASTER })
            );
        }
        assert_eq!(storage(&vm), before);
    }
}

#[test]
fn remove_role_of_nobody_is_refused() {
    let (vm, mut trust) = deployed();
    vm.set_sender(MASTER);
    let before = storage(&vm);
    assert_eq!(
        trust.remove_role(NOBODY),
        Err(DSError::RoleNotAssigned(RoleNotAssigned { target: NOBODY }))
    );
    assert_eq!(storage(&vm), before);
}

#[test]
fn no_direct_role_to_role_change() {
    let (vm, mut trust) = deployed();
    vm.set_sender(MASTER);
    let before = storage(&vm);
    assert_eq!(
        trust.set_role(EXCHANGE, role::ISSUER),
        Err(DSError::RoleChangeNotAllowed(RoleChangeNotAllowed {
            target: EXCHANGE,
            currentRole: role::EXCHANGE,
            newRole: role::ISSUER,
        }))
    );
    // Re-granting the same role is also a change through something other than NONE.
    assert!(trust.set_role(EXCHANGE, role::EXCHANGE).is_err());
    assert_eq!(storage(&vm), before);
    // Through NONE it works.
    trust.remove_role(EXCHANGE).unwrap();
    trust.set_role(EXCHANGE, role::ISSUER).unwrap();
    assert_eq!(trust.get_role(EXCHANGE), role::ISSUER);
}

#[test]
fn set_role_refuses_zero_address() {
    let (vm, mut trust) = deployed();
    vm.set_sender(MASTER);
    let before = storage(&vm);
    assert_eq!(
        trust.set_role(Address::ZERO, role::ISSUER),
        Err(DSError::zero_address())
    );
    assert_eq!(storage(&vm), before);
}

#[test]
fn set_roles_grants_a_batch_and_emits_each() {
    let (vm, mut trust) = deployed();
    vm.set_sender(MASTER);
    trust
        .set_roles(
            vec![FRESH, FRESH2],
            vec![role::EXCHANGE, role::TRANSFER_AGENT],
        )
        .unwrap();
    assert_eq!(trust.get_role(FRESH), role::EXCHANGE);
    assert_eq!(trust.get_role(FRESH2), role::TRANSFER_AGENT);
    assert_eq!(vm.get_emitted_logs().len(), 2);
}

#[test]
fn set_roles_is_all_or_nothing() {
    let (vm, mut trust) = deployed();
    vm.set_sender(ISSUER);
    let before = storage(&vm);
    // The second entry is not manageable by an issuer: the first must not be written.
    let err = trust
        .set_roles(
            vec![FRESH, FRESH2],
            vec![role::EXCHANGE, role::TRANSFER_AGENT],
        )
        .unwrap_err();
    assert!(matches!(err, DSError::RoleNotManageable(_)));
    assert_eq!(trust.get_role(FRESH), role::NONE);
    assert_eq!(storage(&vm), before);
    assert!(vm.get_emitted_logs().is_empty());
}

#[test]
fn set_roles_refuses_a_repeated_target() {
    let (vm, mut trust) = deployed();
    vm.set_sender(MASTER);
    let before = storage(&vm);
    let err = trust
        .set_roles(vec![FRESH, FRESH], vec![role::EXCHANGE, role::ISSUER])
        .unwrap_err();
    assert_eq!(
        err,
        DSError::RoleChangeNotAllowed(RoleChangeNotAllowed {
            target: FRESH,
            currentRole: role::EXCHANGE,
            newRole: role::ISSUER,
        })
    );
    assert_eq!(storage(&vm), before);
}

#[test]
fn set_roles_bounds() {
    let (vm, mut trust) = deployed();
    vm.set_sender(MASTER);
    let before = storage(&vm);
    assert_eq!(
        trust.set_roles(vec![FRESH], vec![]),
        Err(DSError::LengthMismatch(LengthMismatch {
            left: U256::from(1),
            right: U256::ZERO
        }))
    );
    let many: Vec<Address> = (1..=31u8).map(Address::with_last_byte).collect();
    assert_eq!(
        trust.set_roles(many.clone(), vec![role::EXCHANGE; 31]),
        Err(DSError::BatchTooLarge(BatchTooLarge {
            length: U256::from(31),
            max: U256::from(30)
        }))
    );
    assert_eq!(storage(&vm), before);
    // Exactly the bound is accepted.
    trust
        .set_roles(many[..30].to_vec(), vec![role::EXCHANGE; 30])
        .unwrap();
    assert_eq!(trust.get_role(many[29]), role::EXCHANGE);
}

#[test]
fn set_roles_refused_for_non_managers() {
    for sender_role in [role::NONE, role::EXCHANGE] {
        let (vm, mut trust) = deployed();
        vm.set_sender(who(sender_role));
        let before = storage(&vm);
        assert_eq!(
            trust.set_roles(vec![FRESH], vec![role::EXCHANGE]),
            Err(unauthorized(who(sender_role), sender_role))
        );
        assert_eq!(storage(&vm), before);
    }
}

#[test]
fn master_hand_over_is_two_step() {
    let (vm, mut trust) = deployed();
    vm.set_sender(MASTER);
    trust.set_service_owner(FRESH).unwrap();
    assert_eq!(trust.pending_service_owner(), FRESH);
    // Nothing changes until the proposed master accepts.
    assert_eq!(trust.get_role(MASTER), role::MASTER);
    assert_eq!(trust.get_role(FRESH), role::NONE);
    let logs = vm.get_emitted_logs();
    let ev = DSTrustServiceMasterProposed::decode_raw_log(logs[0].0.iter().copied(), &logs[0].1)
        .unwrap();
    assert_eq!((ev.currentMaster, ev.proposedMaster), (MASTER, FRESH));
    vm.clear_mocks();

    vm.set_sender(FRESH);
    trust.accept_service_owner().unwrap();
    assert_eq!(trust.get_role(FRESH), role::MASTER);
    assert_eq!(trust.get_role(MASTER), role::NONE);
    assert_eq!(trust.service_owner(), FRESH);
    assert_eq!(trust.pending_service_owner(), Address::ZERO);
    let topics: Vec<B256> = vm.get_emitted_logs().iter().map(|l| l.0[0]).collect();
    assert_eq!(
        topics,
        vec![
            DSTrustServiceRoleRemoved::SIGNATURE_HASH,
            DSTrustServiceRoleAdded::SIGNATURE_HASH
        ]
    );
    // The old master has lost its powers, the new one has them.
    vm.set_sender(MASTER);
    assert!(trust.set_role(FRESH2, role::ISSUER).is_err());
    vm.set_sender(FRESH);
    trust.set_role(FRESH2, role::ISSUER).unwrap();
}

#[test]
fn hand_over_refuses_a_wrong_acceptor() {
    let (vm, mut trust) = deployed();
    vm.set_sender(MASTER);
    trust.set_service_owner(FRESH).unwrap();
    for intruder in [NOBODY, ISSUER, MASTER, AGENT] {
        vm.set_sender(intruder);
        let before = storage(&vm);
        assert_eq!(
            trust.accept_service_owner(),
            Err(DSError::NotPendingMaster(NotPendingMaster {
                caller: intruder,
                pending: FRESH
            }))
        );
        assert_eq!(storage(&vm), before);
    }
    assert_eq!(trust.service_owner(), MASTER);
}

#[test]
fn hand_over_without_proposal_or_after_cancel_is_refused() {
    let (vm, mut trust) = deployed();
    vm.set_sender(FRESH);
    assert!(matches!(
        trust.accept_service_owner(),
        Err(DSError::NotPendingMaster(_))
    ));
    vm.set_sender(MASTER);
    trust.set_service_owner(FRESH).unwrap();
    trust.set_service_owner(Address::ZERO).unwrap();
    vm.set_sender(FRESH);
    assert!(matches!(
        trust.accept_service_owner(),
        Err(DSError::NotPendingMaster(_))
    ));
    assert_eq!(trust.service_owner(), MASTER);
}

#[test]
fn hand_over_only_by_master_and_only_to_a_roleless_address() {
    for sender_role in [
        role::NONE,
        role::ISSUER,
        role::EXCHANGE,
        role::TRANSFER_AGENT,
    ] {
        let (vm, mut trust) = deployed();
        vm.set_sender(who(sender_role));
        let before = storage(&vm);
        assert_eq!(
            trust.set_service_owner(FRESH),
            Err(unauthorized(who(sender_role), sender_role))
        );
        assert_eq!(storage(&vm), before);
    }
    let (vm, mut trust) = deployed();
    vm.set_sender(MASTER);
    assert!(matches!(
        trust.set_service_owner(ISSUER),
        Err(DSError::RoleChangeNotAllowed(_))
    ));
    // A role an issuer grants after the proposal cannot block the
    // acceptance (security review F-03): it gives way to MASTER.
    trust.set_service_owner(FRESH).unwrap();
    vm.set_sender(ISSUER);
    trust.set_role(FRESH, role::EXCHANGE).unwrap();
    vm.set_sender(FRESH);
    assert_eq!(trust.accept_service_owner(), Ok(true));
    assert_eq!(trust.get_role(FRESH), role::MASTER);
    assert_eq!(trust.get_role(MASTER), role::NONE);
    assert_eq!(trust.service_owner(), FRESH);
    assert_eq!(trust.pending_service_owner(), Address::ZERO);
}

#[test]
fn service_registry_is_master_only() {
    let service = address!("0000000000000000000000000000000000005e55");
    for sender_role in ALL_ROLES {
        let (vm, mut trust) = deployed();
        vm.set_sender(who(sender_role));
        let before = storage(&vm);
        let result = trust.set_ds_service(U256::from(8), service);
        if sender_role == role::MASTER {
            assert_eq!(result, Ok(true));
            assert_eq!(trust.get_ds_service(U256::from(8)), service);
            let logs = vm.get_emitted_logs();
            let ev = ds_common::consumer::DSServiceSet::decode_raw_log(
                logs[0].0.iter().copied(),
                &logs[0].1,
            )
            .unwrap();
            assert_eq!((ev.serviceId, ev.serviceAddress), (U256::from(8), service));
        } else {
            assert_eq!(result, Err(unauthorized(who(sender_role), sender_role)));
            assert_eq!(trust.get_ds_service(U256::from(8)), Address::ZERO);
            assert_eq!(storage(&vm), before);
        }
    }
}

#[test]
fn service_registry_refuses_zero_address() {
    let (vm, mut trust) = deployed();
    vm.set_sender(MASTER);
    let before = storage(&vm);
    assert_eq!(
        trust.set_ds_service(U256::from(1), Address::ZERO),
        Err(DSError::zero_address())
    );
    assert_eq!(storage(&vm), before);
}

#[test]
fn errors_encode_as_custom_errors() {
    let data: Vec<u8> = unauthorized(NOBODY, 0).into();
    assert_eq!(&data[..4], &UnauthorizedCaller::SELECTOR);
    let decoded = UnauthorizedCaller::abi_decode(&data).unwrap();
    assert_eq!(decoded.caller, NOBODY);
}
