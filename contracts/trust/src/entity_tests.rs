//! Native tests of the Trust service's entities and DS-app authorisation.

use super::*;
use alloy_primitives::{address, B256};
use alloy_sol_types::SolEvent;
use ds_common::errors::{
    AlreadyEntityMember, EntityAlreadyExists, EntityFull, EntityNotEmpty, EntityNotFound,
    InvalidEntityName, NotEntityMember,
};
use ds_common::ids::entity_capacity as cap;
use stylus_sdk::testing::*;

use super::tests::{
    deployed as deployed_with_roles, storage as all_slots, AGENT, EXCHANGE, FRESH, ISSUER, MASTER,
    NOBODY,
};

/// Owner of entity "acme".
const OWNER: Address = address!("0000000000000000000000000000000000000a01");
/// Operator of "acme".
const OPERATOR: Address = address!("0000000000000000000000000000000000000a02");
/// Resource (DS app) of "acme".
const APP: Address = address!("0000000000000000000000000000000000000a03");
/// Owner of entity "beta" (no members).
const OTHER_OWNER: Address = address!("0000000000000000000000000000000000000b01");

/// Trust with one holder of each role, entity "acme" (OWNER, OPERATOR, APP)
/// and entity "beta" (OTHER_OWNER only).
fn deployed() -> (TestVM, TrustService) {
    let (vm, mut trust) = deployed_with_roles();
    vm.set_sender(MASTER);
    trust.add_entity("acme".into(), OWNER).unwrap();
    trust.add_operator("acme".into(), OPERATOR).unwrap();
    trust.add_resource("acme".into(), APP).unwrap();
    trust.add_entity("beta".into(), OTHER_OWNER).unwrap();
    vm.clear_mocks();
    (vm, trust)
}

/// Every non-zero storage slot, to prove a refusal wrote nothing and a
/// removal left nothing behind.
fn storage(vm: &TestVM) -> Vec<(U256, B256)> {
    all_slots(vm)
        .into_iter()
        .filter(|(_, v)| !v.is_zero())
        .collect()
}

/// Callers of the permission tables, with their Trust role.
const CALLERS: [(Address, u8); 9] = [
    (MASTER, role::MASTER),
    (ISSUER, role::ISSUER),
    (EXCHANGE, role::EXCHANGE),
    (AGENT, role::TRANSFER_AGENT),
    (NOBODY, role::NONE),
    (OWNER, role::NONE),
    (OTHER_OWNER, role::NONE),
    (OPERATOR, role::NONE),
    (APP, role::NONE),
];

/// One state-changing entity function, applied to the fixture.
#[derive(Clone, Copy, Debug)]
enum Op {
    AddEntity,
    ChangeOwner,
    RemoveEntity,
    AddOperator,
    RemoveOperator,
    AddResource,
    RemoveResource,
}

const OPS: [Op; 7] = [
    Op::AddEntity,
    Op::ChangeOwner,
    Op::RemoveEntity,
    Op::AddOperator,
    Op::RemoveOperator,
    Op::AddResource,
    Op::RemoveResource,
];

fn apply(trust: &mut TrustService, op: Op) -> Result<(), DSError> {
    match op {
        Op::AddEntity => trust.add_entity("gamma".into(), FRESH),
        Op::ChangeOwner => trust.change_entity_owner("acme".into(), OWNER, FRESH),
        Op::RemoveEntity => trust.remove_entity("beta".into()),
        Op::AddOperator => trust.add_operator("acme".into(), FRESH),
        Op::RemoveOperator => trust.remove_operator("acme".into(), OPERATOR),
        Op::AddResource => trust.add_resource("acme".into(), FRESH),
        Op::RemoveResource => trust.remove_resource("acme".into(), APP),
    }
}

/// The written specification: MASTER and ISSUER manage everything; the
/// entity's own owner also manages its operators; nobody else anything.
fn spec_allowed(caller: Address, caller_role: u8, op: Op) -> bool {
    if matches!(caller_role, role::MASTER | role::ISSUER) {
        return true;
    }
    caller == OWNER && matches!(op, Op::AddOperator | Op::RemoveOperator)
}

/// The events `op` must emit on success: (topic0, member/owner topic).
fn spec_events(op: Op) -> Vec<(B256, Address)> {
    let added = DSTrustServiceEntityMemberAdded::SIGNATURE_HASH;
    let removed = DSTrustServiceEntityMemberRemoved::SIGNATURE_HASH;
    match op {
        Op::AddEntity => vec![(DSTrustServiceEntityAdded::SIGNATURE_HASH, FRESH)],
        Op::ChangeOwner => vec![(removed, OWNER), (added, FRESH)],
        Op::RemoveEntity => vec![(DSTrustServiceEntityRemoved::SIGNATURE_HASH, OTHER_OWNER)],
        Op::AddOperator | Op::AddResource => vec![(added, FRESH)],
        Op::RemoveOperator => vec![(removed, OPERATOR)],
        Op::RemoveResource => vec![(removed, APP)],
    }
}

/// Every state-changing entity function × every kind of caller.
#[test]
fn permission_matrix() {
    for op in OPS {
        for (caller, caller_role) in CALLERS {
            let (vm, mut trust) = deployed();
            vm.set_sender(caller);
            let before = storage(&vm);
            let result = apply(&mut trust, op);
            if spec_allowed(caller, caller_role, op) {
                assert_eq!(result, Ok(()), "{op:?} by {caller}");
                assert_ne!(storage(&vm), before, "{op:?} wrote nothing");
                let logs: Vec<(B256, Address)> = vm
                    .get_emitted_logs()
                    .iter()
                    .map(|(topics, _)| (topics[0], Address::from_word(topics[1])))
                    .collect();
                assert_eq!(logs, spec_events(op), "{op:?} by {caller}");
            } else {
                assert_eq!(
                    result,
                    Err(DSError::unauthorized(caller, caller_role)),
                    "{op:?} by {caller}"
                );
                assert_eq!(storage(&vm), before, "refused {op:?} wrote state");
                assert!(vm.get_emitted_logs().is_empty());
            }
        }
    }
}

/// The state each successful operation leaves, through the views.
#[test]
fn operations_update_the_views() {
    let (vm, mut trust) = deployed();
    vm.set_sender(ISSUER);
    assert_eq!(trust.get_entity_by_owner(OWNER), "acme");
    assert_eq!(trust.get_entity_by_operator(OPERATOR), "acme");
    assert_eq!(trust.get_entity_by_resource(APP), "acme");
    assert_eq!(trust.get_entity("acme".into()), (OWNER, 1, 1));
    assert!(trust.is_resource_owner(APP, OWNER));
    assert!(trust.is_resource_operator(APP, OPERATOR));
    assert!(trust.is_authorized_app(APP));
    // Capacities do not mix: an owner is not an operator nor a resource.
    assert_eq!(trust.get_entity_by_operator(OWNER), "");
    assert_eq!(trust.get_entity_by_resource(OWNER), "");
    assert!(!trust.is_resource_operator(APP, OWNER));
    assert!(!trust.is_resource_owner(APP, OPERATOR));
    assert!(!trust.is_authorized_app(OWNER) && !trust.is_authorized_app(OPERATOR));
    // Another entity's owner owns none of acme's resources.
    assert!(!trust.is_resource_owner(APP, OTHER_OWNER));
    // Unknown addresses.
    assert_eq!(trust.get_entity_by_owner(NOBODY), "");
    assert!(!trust.is_resource_owner(NOBODY, NOBODY));
    assert!(!trust.is_authorized_app(NOBODY));

    trust
        .change_entity_owner("acme".into(), OWNER, FRESH)
        .unwrap();
    assert_eq!(trust.get_entity_by_owner(OWNER), "");
    assert_eq!(trust.get_entity_by_owner(FRESH), "acme");
    assert!(trust.is_resource_owner(APP, FRESH) && !trust.is_resource_owner(APP, OWNER));
    assert_eq!(trust.get_entity("acme".into()), (FRESH, 1, 1));

    trust.remove_operator("acme".into(), OPERATOR).unwrap();
    assert_eq!(trust.get_entity_by_operator(OPERATOR), "");
    assert!(!trust.is_resource_operator(APP, OPERATOR));

    trust.remove_resource("acme".into(), APP).unwrap();
    assert_eq!(trust.get_entity_by_resource(APP), "");
    assert!(!trust.is_authorized_app(APP));
    assert_eq!(trust.get_entity("acme".into()), (FRESH, 0, 0));

    trust.remove_entity("acme".into()).unwrap();
    assert_eq!(trust.get_entity_by_owner(FRESH), "");
    assert_eq!(trust.get_entity("acme".into()), (Address::ZERO, 0, 0));
}

/// An app is authorised exactly while it is a resource: not before, yes
/// after `addResource`, not after `removeResource`, yes again when re-added.
#[test]
fn app_authorisation_follows_resource_membership() {
    let (vm, mut trust) = deployed();
    vm.set_sender(MASTER);
    assert!(!trust.is_authorized_app(FRESH));
    trust.add_resource("beta".into(), FRESH).unwrap();
    assert!(trust.is_authorized_app(FRESH));
    assert!(trust.is_resource_owner(FRESH, OTHER_OWNER));
    trust.remove_resource("beta".into(), FRESH).unwrap();
    assert!(!trust.is_authorized_app(FRESH));
    trust.add_resource("acme".into(), FRESH).unwrap();
    assert!(trust.is_authorized_app(FRESH));
}

/// Removing every member and then the entity leaves no storage behind.
#[test]
fn full_removal_leaves_nothing_dangling() {
    let vm = TestVM::default();
    let mut trust = TrustService::from(&vm);
    vm.set_sender(ds_common::deployer::STYLUS_DEPLOYER);
    trust.constructor(MASTER).unwrap();
    vm.set_sender(MASTER);
    let before = storage(&vm);
    trust.add_entity("acme".into(), OWNER).unwrap();
    trust.add_operator("acme".into(), OPERATOR).unwrap();
    trust.add_resource("acme".into(), APP).unwrap();
    trust
        .change_entity_owner("acme".into(), OWNER, OTHER_OWNER)
        .unwrap();
    trust.remove_operator("acme".into(), OPERATOR).unwrap();
    trust.remove_resource("acme".into(), APP).unwrap();
    trust.remove_entity("acme".into()).unwrap();
    assert_eq!(storage(&vm), before);
    // The name and all four addresses are free again.
    trust.add_entity("acme".into(), APP).unwrap();
    trust.add_operator("acme".into(), OWNER).unwrap();
    trust.add_resource("acme".into(), OPERATOR).unwrap();
    trust.add_entity("beta".into(), OTHER_OWNER).unwrap();
}

/// One address, one entity, one capacity: every add of an address that is
/// already a member (of any entity, in any capacity) is refused. This is the
/// pre-v4 flaw where `changeEntityOwner` overwrote another entity's owner.
#[test]
fn an_address_belongs_to_one_entity_in_one_capacity() {
    let members = [
        (OWNER, cap::OWNER),
        (OTHER_OWNER, cap::OWNER),
        (OPERATOR, cap::OPERATOR),
        (APP, cap::RESOURCE),
    ];
    for (member, capacity) in members {
        let expected = Err(DSError::AlreadyEntityMember(AlreadyEntityMember {
            member,
            capacity,
        }));
        let (vm, mut trust) = deployed();
        vm.set_sender(MASTER);
        let before = storage(&vm);
        assert_eq!(trust.add_entity("gamma".into(), member), expected);
        assert_eq!(
            trust.change_entity_owner("acme".into(), OWNER, member),
            expected
        );
        assert_eq!(trust.add_operator("beta".into(), member), expected);
        assert_eq!(trust.add_operator("acme".into(), member), expected);
        assert_eq!(trust.add_resource("beta".into(), member), expected);
        assert_eq!(trust.add_resource("acme".into(), member), expected);
        assert_eq!(storage(&vm), before);
        assert!(vm.get_emitted_logs().is_empty());
    }
}

#[test]
fn removals_need_the_right_entity_and_capacity() {
    let (vm, mut trust) = deployed();
    vm.set_sender(MASTER);
    let before = storage(&vm);
    let not_member = |name: &str, member, capacity| {
        Err(DSError::NotEntityMember(NotEntityMember {
            name: name.into(),
            member,
            capacity,
        }))
    };
    // Member of another entity.
    assert_eq!(
        trust.remove_operator("beta".into(), OPERATOR),
        not_member("beta", OPERATOR, cap::OPERATOR)
    );
    assert_eq!(
        trust.remove_resource("beta".into(), APP),
        not_member("beta", APP, cap::RESOURCE)
    );
    // Right entity, wrong capacity.
    assert_eq!(
        trust.remove_operator("acme".into(), APP),
        not_member("acme", APP, cap::OPERATOR)
    );
    assert_eq!(
        trust.remove_resource("acme".into(), OPERATOR),
        not_member("acme", OPERATOR, cap::RESOURCE)
    );
    // Not the owner.
    assert_eq!(
        trust.change_entity_owner("acme".into(), OTHER_OWNER, FRESH),
        not_member("acme", OTHER_OWNER, cap::OWNER)
    );
    assert_eq!(
        trust.change_entity_owner("acme".into(), OPERATOR, FRESH),
        not_member("acme", OPERATOR, cap::OWNER)
    );
    assert_eq!(storage(&vm), before);
}

/// An owner manages only its own entity's operators, and loses that power
/// with the ownership.
#[test]
fn owner_powers_follow_the_ownership() {
    let (vm, mut trust) = deployed();
    vm.set_sender(OWNER);
    let before = storage(&vm);
    assert_eq!(
        trust.add_operator("beta".into(), FRESH),
        Err(DSError::unauthorized(OWNER, role::NONE))
    );
    assert_eq!(
        trust.remove_operator("beta".into(), OTHER_OWNER),
        Err(DSError::unauthorized(OWNER, role::NONE))
    );
    assert_eq!(storage(&vm), before);
    trust.add_operator("acme".into(), FRESH).unwrap();

    vm.set_sender(MASTER);
    trust
        .change_entity_owner("acme".into(), OWNER, NOBODY)
        .unwrap();
    vm.set_sender(OWNER);
    assert_eq!(
        trust.remove_operator("acme".into(), FRESH),
        Err(DSError::unauthorized(OWNER, role::NONE))
    );
    vm.set_sender(NOBODY);
    trust.remove_operator("acme".into(), FRESH).unwrap();
}

#[test]
fn members_only_join_existing_entities() {
    let (vm, mut trust) = deployed();
    vm.set_sender(MASTER);
    let before = storage(&vm);
    let missing = Err(DSError::EntityNotFound(EntityNotFound {
        name: "nope".into(),
    }));
    assert_eq!(trust.add_operator("nope".into(), FRESH), missing);
    assert_eq!(trust.add_resource("nope".into(), FRESH), missing);
    assert_eq!(trust.remove_operator("nope".into(), OPERATOR), missing);
    assert_eq!(trust.remove_resource("nope".into(), APP), missing);
    assert_eq!(
        trust.change_entity_owner("nope".into(), OWNER, FRESH),
        missing
    );
    assert_eq!(trust.remove_entity("nope".into()), missing);
    assert_eq!(storage(&vm), before);
}

#[test]
fn entity_names_are_unique_and_bounded() {
    let (vm, mut trust) = deployed();
    vm.set_sender(ISSUER);
    let before = storage(&vm);
    assert_eq!(
        trust.add_entity("acme".into(), FRESH),
        Err(DSError::EntityAlreadyExists(EntityAlreadyExists {
            name: "acme".into()
        }))
    );
    let invalid = |length: usize| {
        Err(DSError::InvalidEntityName(InvalidEntityName {
            length: U256::from(length),
            max: U256::from(64),
        }))
    };
    assert_eq!(trust.add_entity(String::new(), FRESH), invalid(0));
    assert_eq!(trust.add_entity("x".repeat(65), FRESH), invalid(65));
    assert_eq!(storage(&vm), before);
    let longest = "x".repeat(64);
    trust.add_entity(longest.clone(), FRESH).unwrap();
    assert_eq!(trust.get_entity_by_owner(FRESH), longest);
}

#[test]
fn zero_addresses_are_refused() {
    let (vm, mut trust) = deployed();
    vm.set_sender(MASTER);
    let before = storage(&vm);
    let zero = Err(DSError::zero_address());
    assert_eq!(trust.add_entity("gamma".into(), Address::ZERO), zero);
    assert_eq!(
        trust.change_entity_owner("acme".into(), OWNER, Address::ZERO),
        zero
    );
    assert_eq!(trust.add_operator("acme".into(), Address::ZERO), zero);
    assert_eq!(trust.add_resource("acme".into(), Address::ZERO), zero);
    assert_eq!(storage(&vm), before);
    assert!(!trust.is_authorized_app(Address::ZERO));
}

#[test]
fn an_entity_with_members_cannot_be_removed() {
    let (vm, mut trust) = deployed();
    vm.set_sender(MASTER);
    let before = storage(&vm);
    assert_eq!(
        trust.remove_entity("acme".into()),
        Err(DSError::EntityNotEmpty(EntityNotEmpty {
            name: "acme".into(),
            operators: U256::from(1),
            resources: U256::from(1),
        }))
    );
    assert_eq!(storage(&vm), before);
    trust.remove_operator("acme".into(), OPERATOR).unwrap();
    assert!(matches!(
        trust.remove_entity("acme".into()),
        Err(DSError::EntityNotEmpty(_))
    ));
    trust.remove_resource("acme".into(), APP).unwrap();
    trust.remove_entity("acme".into()).unwrap();
    assert_eq!(trust.get_entity_by_owner(OWNER), "");
}

#[test]
fn members_per_entity_are_bounded() {
    for (kind, add) in [
        (
            cap::OPERATOR,
            TrustService::add_operator as fn(&mut TrustService, String, Address) -> _,
        ),
        (cap::RESOURCE, TrustService::add_resource),
    ] {
        let (vm, mut trust) = deployed();
        vm.set_sender(MASTER);
        // "beta" has no members yet: 30 fit.
        for i in 1..=30u16 {
            let member = Address::left_padding_from(&[0x70, (i >> 8) as u8, i as u8]);
            add(&mut trust, "beta".into(), member).unwrap();
        }
        let before = storage(&vm);
        assert_eq!(
            add(&mut trust, "beta".into(), FRESH),
            Err(DSError::EntityFull(EntityFull {
                name: "beta".into(),
                capacity: kind,
                max: U256::from(30),
            }))
        );
        assert_eq!(storage(&vm), before);
    }
}

#[test]
fn member_events_carry_name_capacity_and_sender() {
    let (vm, mut trust) = deployed();
    vm.set_sender(OWNER);
    trust.add_operator("acme".into(), FRESH).unwrap();
    let logs = vm.get_emitted_logs();
    let ev = DSTrustServiceEntityMemberAdded::decode_raw_log(logs[0].0.iter().copied(), &logs[0].1)
        .unwrap();
    assert_eq!(
        (ev.name.as_str(), ev.member, ev.capacity, ev.sender),
        ("acme", FRESH, cap::OPERATOR, OWNER)
    );
    vm.clear_mocks();
    vm.set_sender(ISSUER);
    trust.remove_entity("beta".into()).unwrap();
    let logs = vm.get_emitted_logs();
    let ev =
        DSTrustServiceEntityRemoved::decode_raw_log(logs[0].0.iter().copied(), &logs[0].1).unwrap();
    assert_eq!(
        (ev.name.as_str(), ev.owner, ev.sender),
        ("beta", OTHER_OWNER, ISSUER)
    );
}

/// Entities do not touch roles, and roles do not make entity members.
#[test]
fn entities_and_roles_are_independent() {
    let (vm, mut trust) = deployed();
    vm.set_sender(MASTER);
    // A role holder may also be an entity member.
    trust.add_entity("exchange".into(), EXCHANGE).unwrap();
    assert_eq!(trust.get_role(EXCHANGE), role::EXCHANGE);
    assert!(!trust.is_authorized_app(ISSUER));
    // A role removal leaves the membership alone.
    trust.remove_role(EXCHANGE).unwrap();
    assert_eq!(trust.get_entity_by_owner(EXCHANGE), "exchange");
}
