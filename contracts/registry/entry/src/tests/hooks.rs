//! Compliance hooks: called exactly when a counted field changes, with the
//! previous and the new info (audit M-1, M-3, M-6, L-20).
//!
//! Only the expected hook calldata is mocked: a hook with other content is
//! an unmocked call, which reverts and fails the test.

use super::*;
use ds_common::errors::ServiceCallFailed;
use ds_common::ids::attribute::{ACCREDITED, KYC_APPROVED, PROFESSIONAL, QUALIFIED};

fn compliance_env() -> Env {
    let mut env = Env::with_investors();
    env.with_compliance();
    env.as_(ISSUER);
    env
}

fn set(env: &mut Env, id: &str, attribute: u8, status: u64, expiry: u64) -> Result<bool, DSError> {
    env.admin.set_attribute(
        id.into(),
        attribute,
        U256::from(status),
        U256::from(expiry),
        String::new(),
    )
}

#[test]
fn country_change_carries_the_previous_country() {
    let mut env = compliance_env();
    let (old, new) = (investor_info("US", 0, 0), investor_info("FR", 0, 0));
    env.accept_hook("alice", old, new);
    env.admin.set_country("alice".into(), "FR".into()).unwrap();
    assert_eq!(env.hooks(), vec![(party::investor_key("alice"), old, new)]);
}

#[test]
fn first_country_of_an_investor_is_reported() {
    let mut env = compliance_env();
    let (old, new) = (investor_info("", 0, 0), investor_info("DE", 0, 0));
    env.accept_hook("bob", old, new);
    env.admin.set_country("bob".into(), "de".into()).unwrap();
    assert_eq!(env.hooks().len(), 1);
}

#[test]
fn same_country_calls_nothing() {
    let mut env = compliance_env();
    env.admin.set_country("alice".into(), "US".into()).unwrap();
    env.admin.set_country("alice".into(), "us".into()).unwrap();
    assert!(env.hooks().is_empty());
}

#[test]
fn retail_to_qualified_and_back() {
    let mut env = compliance_env();
    let retail = investor_info("US", 0, 0);
    let qualified = investor_info("US", QUALIFIED, QUALIFIED);
    env.accept_hook("alice", retail, qualified);
    set(&mut env, "alice", QUALIFIED, 1, 0).unwrap();
    env.accept_hook("alice", qualified, investor_info("US", 0, 0));
    set(&mut env, "alice", QUALIFIED, 2, 0).unwrap();
    assert_eq!(env.hooks().len(), 2);
    // REJECTED -> PENDING: not approved either way, no hook.
    set(&mut env, "alice", QUALIFIED, 0, 0).unwrap();
    assert_eq!(env.hooks().len(), 2);
}

#[test]
fn accreditation_changes_are_reported_with_expiry_in_effect() {
    let mut env = compliance_env();
    // Approved, but already expired at this block: approved yes, effective no.
    let expired = investor_info("US", ACCREDITED, 0);
    env.accept_hook("alice", investor_info("US", 0, 0), expired);
    set(&mut env, "alice", ACCREDITED, 1, 1_000_000).unwrap();
    // Re-approving with another expiry changes no stored approval: no hook.
    set(&mut env, "alice", ACCREDITED, 1, 0).unwrap();
    assert_eq!(env.hooks().len(), 1);
    env.accept_hook(
        "alice",
        investor_info("US", ACCREDITED, ACCREDITED),
        investor_info("US", 0, 0),
    );
    set(&mut env, "alice", ACCREDITED, 0, 0).unwrap();
    assert_eq!(env.hooks().len(), 2);
}

#[test]
fn uncounted_attributes_call_nothing() {
    let mut env = compliance_env();
    set(&mut env, "alice", KYC_APPROVED, 1, 0).unwrap();
    set(&mut env, "alice", PROFESSIONAL, 1, 0).unwrap();
    set(&mut env, "alice", KYC_APPROVED, 2, 0).unwrap();
    assert!(env.hooks().is_empty());
}

#[test]
fn wallet_and_investor_changes_call_nothing() {
    let mut env = compliance_env();
    env.admin
        .register_investor("carol".into(), String::new())
        .unwrap();
    env.admin.add_wallet(W3, "carol".into()).unwrap();
    env.admin.remove_wallet(W3, "carol".into()).unwrap();
    env.admin.remove_investor("carol".into()).unwrap();
    env.admin.add_platform_wallet(W4).unwrap();
    assert!(env.hooks().is_empty());
}

#[test]
fn update_investor_reports_once_for_all_its_changes() {
    let mut env = compliance_env();
    let old = investor_info("US", 0, 0);
    let all = ACCREDITED | QUALIFIED | KYC_APPROVED;
    let new = investor_info("GB", all, all);
    env.accept_hook("alice", old, new);
    env.admin
        .update_investor(
            "alice".into(),
            String::new(),
            "GB".into(),
            vec![W3],
            vec![ACCREDITED, QUALIFIED, KYC_APPROVED],
            vec![U256::from(1); 3],
            vec![U256::ZERO; 3],
        )
        .unwrap();
    assert_eq!(env.hooks(), vec![(party::investor_key("alice"), old, new)]);
    // A new investor's first info is reported against an empty one.
    let (old, new) = (PartyInfo::default(), investor_info("JP", 0, 0));
    env.accept_hook("carol", old, new);
    env.host.reset_records();
    env.admin
        .update_investor(
            "carol".into(),
            String::new(),
            "JP".into(),
            vec![],
            vec![],
            vec![],
            vec![],
        )
        .unwrap();
    assert_eq!(env.hooks(), vec![(party::investor_key("carol"), old, new)]);
}

#[test]
fn without_compliance_nothing_is_called() {
    let mut env = Env::with_investors();
    env.as_(ISSUER);
    env.admin.set_country("alice".into(), "FR".into()).unwrap();
    set(&mut env, "alice", QUALIFIED, 1, 0).unwrap();
    assert!(env.host.calls().iter().all(|c| c.to == TRUST));
}

#[test]
fn a_failing_hook_is_a_typed_error() {
    let mut env = compliance_env();
    env.host.mock_call(
        COMPLIANCE,
        onInvestorInfoChangedCall {
            investorKey: party::investor_key("alice"),
            oldInfo: investor_info("US", 0, 0).pack(),
            newInfo: investor_info("FR", 0, 0).pack(),
        }
        .abi_encode(),
        Err(vec![]),
    );
    // On chain the revert undoes the writes; the TestVM keeps them.
    assert_eq!(
        env.admin.set_country("alice".into(), "FR".into()),
        Err(DSError::ServiceCallFailed(ServiceCallFailed {
            serviceId: U256::from(service::COMPLIANCE),
            service: COMPLIANCE
        }))
    );
}
