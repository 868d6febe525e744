//! Attributes: values, expiries, proof hashes, validation and the expiry
//! boundary (approved while `now < expiry`, expired from `now == expiry`).

use super::*;
use ds_common::errors::{InvalidAttribute, InvalidAttributeValue, InvalidExpiry, TextTooLong};
use ds_common::ids::attribute::{ACCREDITED, KYC_APPROVED, PROFESSIONAL, QUALIFIED};

#[test]
fn set_attribute_stores_and_emits() {
    let mut env = Env::with_investors();
    env.as_(EXCHANGE);
    assert_eq!(
        env.admin.set_attribute(
            "alice".into(),
            ACCREDITED,
            U256::from(1),
            U256::from(9),
            "p".into()
        ),
        Ok(true)
    );
    assert_eq!(
        env.reg.get_attribute_value("alice".into(), ACCREDITED),
        U256::from(1)
    );
    assert_eq!(
        env.reg.get_attribute_expiry("alice".into(), ACCREDITED),
        U256::from(9)
    );
    assert_eq!(
        env.reg.get_attribute_proof_hash("alice".into(), ACCREDITED),
        "p"
    );
    // Other attributes untouched.
    for other in [KYC_APPROVED, QUALIFIED, PROFESSIONAL] {
        assert_eq!(
            env.reg.get_attribute_value("alice".into(), other),
            U256::ZERO
        );
        assert_eq!(env.reg.get_attribute_proof_hash("alice".into(), other), "");
    }
    let ev = env.event::<DSRegistryServiceInvestorAttributeChanged>();
    assert_eq!(ev.investorId, "alice");
    assert_eq!(
        (
            ev.attributeId,
            ev.value,
            ev.expiry,
            ev.proofHash.as_str(),
            ev.sender
        ),
        (U256::from(2), U256::from(1), U256::from(9), "p", EXCHANGE)
    );
}

#[test]
fn every_known_attribute_round_trips_and_others_are_refused() {
    let mut env = Env::with_investors();
    env.as_(ISSUER);
    for (i, id) in [KYC_APPROVED, ACCREDITED, QUALIFIED, PROFESSIONAL]
        .into_iter()
        .enumerate()
    {
        let expiry = U256::from((1u64 << 40) - 1 - i as u64);
        env.admin
            .set_attribute("bob".into(), id, U256::from(2), expiry, format!("proof{i}"))
            .unwrap();
        assert_eq!(env.reg.get_attribute_value("bob".into(), id), U256::from(2));
        assert_eq!(env.reg.get_attribute_expiry("bob".into(), id), expiry);
        assert_eq!(
            env.reg.get_attribute_proof_hash("bob".into(), id),
            format!("proof{i}")
        );
    }
    env.host.reset_records();
    let before = env.storage();
    for bad in [0u8, 3, 5, 6, 15, 16, 255] {
        assert_eq!(
            env.admin
                .set_attribute("bob".into(), bad, U256::from(1), U256::ZERO, String::new()),
            Err(DSError::InvalidAttribute(InvalidAttribute {
                attributeId: bad
            }))
        );
        // Views of unknown ids answer zero.
        assert_eq!(env.reg.get_attribute_value("bob".into(), bad), U256::ZERO);
        assert_eq!(env.reg.get_attribute_expiry("bob".into(), bad), U256::ZERO);
        assert_eq!(env.reg.get_attribute_proof_hash("bob".into(), bad), "");
    }
    assert_eq!(
        env.admin.set_attribute(
            "bob".into(),
            QUALIFIED,
            U256::from(3),
            U256::ZERO,
            String::new()
        ),
        Err(DSError::InvalidAttributeValue(InvalidAttributeValue {
            value: U256::from(3)
        }))
    );
    assert_eq!(
        env.admin.set_attribute(
            "bob".into(),
            QUALIFIED,
            U256::MAX,
            U256::ZERO,
            String::new()
        ),
        Err(DSError::InvalidAttributeValue(InvalidAttributeValue {
            value: U256::MAX
        }))
    );
    assert_eq!(
        env.admin.set_attribute(
            "bob".into(),
            QUALIFIED,
            U256::from(1),
            U256::from(1u64 << 40),
            String::new()
        ),
        Err(DSError::InvalidExpiry(InvalidExpiry {
            expiry: U256::from(1u64 << 40),
            max: U256::from((1u64 << 40) - 1)
        }))
    );
    assert_eq!(
        env.admin.set_attribute(
            "bob".into(),
            QUALIFIED,
            U256::from(1),
            U256::ZERO,
            "h".repeat(129)
        ),
        Err(DSError::TextTooLong(TextTooLong {
            length: U256::from(129),
            max: U256::from(128)
        }))
    );
    assert!(matches!(
        env.admin.set_attribute(
            "carol".into(),
            QUALIFIED,
            U256::from(1),
            U256::ZERO,
            String::new()
        ),
        Err(DSError::InvestorNotFound(_))
    ));
    assert_eq!(env.storage(), before);
    assert!(env.topics().is_empty());
}

#[test]
fn expiry_boundary_second() {
    let mut env = Env::with_investors();
    env.as_(ISSUER);
    let expiry = 2_000_000u64;
    env.admin
        .set_attribute(
            "alice".into(),
            ACCREDITED,
            U256::from(1),
            U256::from(expiry),
            String::new(),
        )
        .unwrap();
    env.admin
        .set_attribute(
            "alice".into(),
            QUALIFIED,
            U256::from(1),
            U256::from(expiry),
            String::new(),
        )
        .unwrap();
    let check = |env: &Env, now: u64, expected: bool| {
        env.host.vm.set_block_timestamp(now);
        assert_eq!(
            env.reg.is_accredited_investor("alice".into()),
            expected,
            "now {now}"
        );
        assert_eq!(
            env.reg.is_accredited_investor_wallet(W1),
            expected,
            "now {now}"
        );
        assert_eq!(
            env.reg.is_qualified_investor("alice".into()),
            expected,
            "now {now}"
        );
        assert_eq!(
            env.reg.is_qualified_investor_wallet(W1),
            expected,
            "now {now}"
        );
        let (_, info) = env.reg.get_party(W1);
        let info = PartyInfo::unpack(info);
        assert_eq!(
            info.approved,
            ACCREDITED | QUALIFIED,
            "stored status is unchanged"
        );
        assert_eq!(info.is_accredited(), expected);
        assert_eq!(info.is_qualified(), expected);
    };
    check(&env, expiry - 1, true);
    check(&env, expiry, false);
    check(&env, expiry + 1, false);
    // Expiry 0 never expires.
    env.admin
        .set_attribute(
            "alice".into(),
            ACCREDITED,
            U256::from(1),
            U256::ZERO,
            String::new(),
        )
        .unwrap();
    env.host.vm.set_block_timestamp(u64::MAX);
    assert!(env.reg.is_accredited_investor("alice".into()));
    assert!(!env.reg.is_qualified_investor("alice".into()));
}

#[test]
fn only_approved_counts() {
    let mut env = Env::with_investors();
    env.as_(ISSUER);
    for (status, expected) in [(0u64, false), (1, true), (2, false)] {
        env.admin
            .set_attribute(
                "bob".into(),
                ACCREDITED,
                U256::from(status),
                U256::ZERO,
                String::new(),
            )
            .unwrap();
        assert_eq!(env.reg.is_accredited_investor("bob".into()), expected);
        assert_eq!(env.reg.is_accredited_investor_wallet(W2), expected);
    }
    // Unknown ids and non-investor wallets are never accredited.
    assert!(!env.reg.is_accredited_investor("carol".into()));
    assert!(!env.reg.is_accredited_investor_wallet(W4));
    assert!(!env.reg.is_qualified_investor_wallet(Address::ZERO));
}

#[test]
fn overloaded_views_have_distinct_selectors() {
    use stylus_sdk::function_selector;
    let by_id: [u8; 4] = function_selector!("isAccreditedInvestor", String);
    let by_wallet: [u8; 4] = function_selector!("isAccreditedInvestor", Address);
    assert_ne!(by_id, by_wallet);
    assert_eq!(
        by_id,
        alloy_primitives::keccak256("isAccreditedInvestor(string)")[..4]
    );
    assert_eq!(
        by_wallet,
        alloy_primitives::keccak256("isAccreditedInvestor(address)")[..4]
    );
}
