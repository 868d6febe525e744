//! Investors: registration, batch update, removal, country, string views.

use super::*;
use ds_common::errors::{
    BatchTooLarge, InvalidCountry, InvalidInvestorId, InvestorAlreadyExists, InvestorHasWallets,
    InvestorIdRetired, InvestorNotFound, LengthMismatch, TextTooLong, WalletInUse,
};

#[test]
fn register_stores_and_emits() {
    let mut env = Env::new();
    env.as_(EXCHANGE);
    assert_eq!(
        env.admin.register_investor("alice".into(), "ch".into()),
        Ok(true)
    );
    assert!(env.reg.is_investor("alice".into()));
    assert!(!env.reg.is_investor("bob".into()));
    assert_eq!(env.reg.get_collision_hash("alice".into()), "ch");
    assert_eq!(env.reg.get_country("alice".into()), "");
    let ev = env.event::<DSRegistryServiceInvestorAdded>();
    assert_eq!((ev.investorId.as_str(), ev.sender), ("alice", EXCHANGE));
    assert_eq!(env.topics().len(), 1);
    // Registration changes no counted field: no Compliance involvement.
    assert!(env.host.calls().iter().all(|c| c.to == TRUST));
}

#[test]
fn register_refuses_bad_input_and_duplicates() {
    let mut env = Env::with_investors();
    env.as_(ISSUER);
    let before = env.storage();
    let long = "x".repeat(65);
    let cases: Vec<(String, String, DSError)> = vec![
        (
            String::new(),
            String::new(),
            DSError::InvalidInvestorId(InvalidInvestorId {
                length: U256::ZERO,
                max: U256::from(64),
            }),
        ),
        (
            long.clone(),
            String::new(),
            DSError::InvalidInvestorId(InvalidInvestorId {
                length: U256::from(65),
                max: U256::from(64),
            }),
        ),
        (
            "carol".into(),
            "h".repeat(129),
            DSError::TextTooLong(TextTooLong {
                length: U256::from(129),
                max: U256::from(128),
            }),
        ),
        (
            "alice".into(),
            String::new(),
            DSError::InvestorAlreadyExists(InvestorAlreadyExists {
                investorKey: party::investor_key("alice"),
            }),
        ),
    ];
    for (id, hash, expected) in cases {
        assert_eq!(env.admin.register_investor(id, hash), Err(expected));
        assert_eq!(env.storage(), before);
        assert!(env.topics().is_empty());
    }
    // The bounds themselves are accepted.
    env.admin
        .register_investor("x".repeat(64), "h".repeat(128))
        .unwrap();
    assert!(env.reg.is_investor("x".repeat(64)));
}

#[test]
fn set_country_normalises_emits_and_reports() {
    let mut env = Env::with_investors();
    env.as_(AGENT);
    env.admin.set_country("bob".into(), "fr".into()).unwrap();
    assert_eq!(env.reg.get_country("bob".into()), "FR");
    let ev = env.event::<DSRegistryServiceInvestorCountryChanged>();
    assert_eq!(
        (ev.investorId.as_str(), ev.country.as_str(), ev.sender),
        ("bob", "FR", AGENT)
    );
    assert_eq!(
        env.reg.get_investor_details(W2),
        ("bob".to_string(), "FR".to_string())
    );
}

#[test]
fn set_country_to_the_same_country_is_a_no_op() {
    let mut env = Env::with_investors();
    env.as_(ISSUER);
    let before = env.storage();
    // "us" is the same country as the stored "US".
    assert_eq!(env.admin.set_country("alice".into(), "us".into()), Ok(true));
    assert_eq!(env.storage(), before);
    assert!(env.topics().is_empty());
}

#[test]
fn set_country_refuses_bad_input() {
    let mut env = Env::with_investors();
    env.as_(ISSUER);
    let before = env.storage();
    for bad in ["", "U", "U1", "USA", "USAA", "é"] {
        assert_eq!(
            env.admin.set_country("alice".into(), bad.into()),
            Err(DSError::InvalidCountry(InvalidCountry {
                country: bad.into()
            }))
        );
    }
    assert_eq!(
        env.admin.set_country("carol".into(), "US".into()),
        Err(DSError::InvestorNotFound(InvestorNotFound {
            investorKey: party::investor_key("carol")
        }))
    );
    assert_eq!(env.storage(), before);
}

#[test]
fn remove_investor_requires_no_wallets_erases_everything_and_retires_the_id() {
    let mut env = Env::with_investors();
    env.as_(ISSUER);
    let before = env.storage();
    assert_eq!(
        env.admin.remove_investor("alice".into()),
        Err(DSError::InvestorHasWallets(InvestorHasWallets {
            investorKey: party::investor_key("alice"),
            walletCount: U256::from(1)
        }))
    );
    assert_eq!(env.storage(), before);
    env.admin
        .set_attribute("alice".into(), 2, U256::from(1), U256::ZERO, "proof".into())
        .unwrap();
    env.admin.remove_wallet(W1, "alice".into()).unwrap();
    env.host.reset_records();
    assert_eq!(env.admin.remove_investor("alice".into()), Ok(true));
    let ev = env.event::<DSRegistryServiceInvestorRemoved>();
    assert_eq!((ev.investorId.as_str(), ev.sender), ("alice", ISSUER));
    assert!(!env.reg.is_investor("alice".into()));
    assert_eq!(env.reg.get_collision_hash("alice".into()), "");
    assert_eq!(env.reg.get_country("alice".into()), "");
    assert_eq!(env.reg.get_attribute_proof_hash("alice".into(), 2), "");
    // Only bob's slots, the service registry and alice's retired record
    // remain: alice left nothing else.
    env.as_(ISSUER);
    env.admin.remove_wallet(W2, "bob".into()).unwrap();
    env.admin.remove_investor("bob".into()).unwrap();
    let left: Vec<_> = env
        .storage()
        .into_iter()
        .filter(|(_, v)| !v.is_zero())
        .collect();
    assert_eq!(
        left.len(),
        3,
        "the Trust address and two retired records remain: {left:?}"
    );
    // A removed id is retired: registering it again is refused (review
    // F-12), so nothing of alice passes to a new investor.
    let before = env.storage();
    for id in ["alice", "bob"] {
        assert_eq!(
            env.admin.register_investor(id.into(), "new".into()),
            Err(DSError::InvestorIdRetired(InvestorIdRetired {
                investorKey: party::investor_key(id)
            }))
        );
    }
    assert_eq!(env.storage(), before);
    assert!(!env.reg.is_investor("alice".into()));
}

#[test]
fn remove_unknown_investor_is_refused() {
    let mut env = Env::with_investors();
    env.as_(MASTER);
    assert_eq!(
        env.admin.remove_investor("carol".into()),
        Err(DSError::InvestorNotFound(InvestorNotFound {
            investorKey: party::investor_key("carol")
        }))
    );
    assert!(matches!(
        env.admin.remove_investor(String::new()),
        Err(DSError::InvalidInvestorId(_))
    ));
}

#[test]
fn update_investor_registers_a_new_investor_in_one_call() {
    let mut env = Env::new();
    env.as_(ISSUER);
    env.admin
        .update_investor(
            "carol".into(),
            "ch-c".into(),
            "de".into(),
            vec![W3, W4, W3],
            vec![2, 4],
            vec![U256::from(1), U256::from(2)],
            vec![U256::from(5_000_000), U256::ZERO],
        )
        .unwrap();
    assert!(env.reg.is_investor("carol".into()));
    assert_eq!(env.reg.get_collision_hash("carol".into()), "ch-c");
    assert_eq!(env.reg.get_country("carol".into()), "DE");
    assert_eq!(env.reg.get_investor(W3), "carol");
    assert_eq!(env.reg.get_investor(W4), "carol");
    assert_eq!(
        env.reg.get_attribute_value("carol".into(), 2),
        U256::from(1)
    );
    assert_eq!(
        env.reg.get_attribute_expiry("carol".into(), 2),
        U256::from(5_000_000)
    );
    assert_eq!(
        env.reg.get_attribute_value("carol".into(), 4),
        U256::from(2)
    );
    assert!(env.reg.is_accredited_investor("carol".into()));
    assert_eq!(
        env.topics(),
        vec![
            DSRegistryServiceInvestorAdded::SIGNATURE_HASH,
            DSRegistryServiceInvestorCountryChanged::SIGNATURE_HASH,
            DSRegistryServiceWalletAdded::SIGNATURE_HASH,
            DSRegistryServiceWalletAdded::SIGNATURE_HASH,
            DSRegistryServiceInvestorAttributeChanged::SIGNATURE_HASH,
            DSRegistryServiceInvestorAttributeChanged::SIGNATURE_HASH,
        ]
    );
    // The repeated W3 was added once: two wallets, so removal needs two removals.
    env.admin.remove_wallet(W3, "carol".into()).unwrap();
    assert!(matches!(
        env.admin.remove_investor("carol".into()),
        Err(DSError::InvestorHasWallets(_))
    ));
    env.admin.remove_wallet(W4, "carol".into()).unwrap();
    env.admin.remove_investor("carol".into()).unwrap();
}

#[test]
fn update_investor_on_an_existing_investor_keeps_what_is_not_given() {
    let mut env = Env::with_investors();
    env.as_(AGENT);
    env.admin
        .update_investor(
            "alice".into(),
            "ignored".into(),
            String::new(),
            vec![W1, W3],
            vec![],
            vec![],
            vec![],
        )
        .unwrap();
    assert_eq!(env.reg.get_collision_hash("alice".into()), "ch-a");
    assert_eq!(env.reg.get_country("alice".into()), "US");
    assert_eq!(env.reg.get_investor(W3), "alice");
    // W1 was already alice's: only W3 was added.
    assert_eq!(
        env.topics(),
        vec![DSRegistryServiceWalletAdded::SIGNATURE_HASH]
    );
}

#[test]
fn update_investor_validates_everything_before_writing() {
    let mut env = Env::with_investors();
    env.as_(ISSUER);
    env.admin.add_issuer_wallet(W4).unwrap();
    env.host.reset_records();
    let before = env.storage();
    let one = || vec![U256::from(1)];
    type Case = (String, Vec<Address>, Vec<u8>, Vec<U256>, Vec<U256>, DSError);
    let cases: Vec<Case> = vec![
        (
            "US".into(),
            vec![W3, W2],
            vec![],
            vec![],
            vec![],
            DSError::WalletInUse(WalletInUse {
                wallet: W2,
                walletType: 0,
            }),
        ),
        (
            "US".into(),
            vec![W3, W4],
            vec![],
            vec![],
            vec![],
            DSError::WalletInUse(WalletInUse {
                wallet: W4,
                walletType: 1,
            }),
        ),
        (
            "US".into(),
            vec![Address::ZERO],
            vec![],
            vec![],
            vec![],
            DSError::zero_address(),
        ),
        (
            "XX1".into(),
            vec![],
            vec![],
            vec![],
            vec![],
            DSError::InvalidCountry(InvalidCountry {
                country: "XX1".into(),
            }),
        ),
        (
            "US".into(),
            vec![W3],
            vec![2, 3],
            vec![U256::from(1); 2],
            vec![U256::ZERO; 2],
            DSError::InvalidAttribute(ds_common::errors::InvalidAttribute { attributeId: 3 }),
        ),
        (
            "US".into(),
            vec![],
            vec![2],
            vec![],
            one(),
            DSError::LengthMismatch(LengthMismatch {
                left: U256::from(1),
                right: U256::ZERO,
            }),
        ),
        (
            "US".into(),
            vec![],
            vec![2],
            one(),
            vec![],
            DSError::LengthMismatch(LengthMismatch {
                left: U256::from(1),
                right: U256::ZERO,
            }),
        ),
        (
            "US".into(),
            (1..=31u64)
                .map(|i| Address::with_last_byte(i as u8))
                .collect(),
            vec![],
            vec![],
            vec![],
            DSError::BatchTooLarge(BatchTooLarge {
                length: U256::from(31),
                max: U256::from(30),
            }),
        ),
        (
            "US".into(),
            vec![],
            vec![2; 31],
            vec![U256::from(1); 31],
            vec![U256::ZERO; 31],
            DSError::BatchTooLarge(BatchTooLarge {
                length: U256::from(31),
                max: U256::from(30),
            }),
        ),
    ];
    for (country, wallets, ids, values, expiries, expected) in cases {
        // A new investor: its registration must not be written either.
        let result = env.admin.update_investor(
            "carol".into(),
            "ch".into(),
            country,
            wallets,
            ids,
            values,
            expiries,
        );
        assert_eq!(result, Err(expected));
        assert_eq!(env.storage(), before);
        assert!(env.topics().is_empty());
    }
}

#[test]
fn investor_details_full_reports_every_attribute() {
    let mut env = Env::with_investors();
    env.as_(ISSUER);
    env.admin
        .set_attribute(
            "alice".into(),
            1,
            U256::from(1),
            U256::from(7),
            "kyc".into(),
        )
        .unwrap();
    env.admin
        .set_attribute("alice".into(), 8, U256::from(2), U256::ZERO, "pro".into())
        .unwrap();
    let (country, values, expiries, kyc, acc, qual, pro) =
        env.reg.get_investor_details_full("alice".into());
    assert_eq!(country, "US");
    assert_eq!(
        values,
        vec![U256::from(1), U256::ZERO, U256::ZERO, U256::from(2)]
    );
    assert_eq!(
        expiries,
        vec![U256::from(7), U256::ZERO, U256::ZERO, U256::ZERO]
    );
    assert_eq!(
        (kyc.as_str(), acc.as_str(), qual.as_str(), pro.as_str()),
        ("kyc", "", "", "pro")
    );
    let unknown = env.reg.get_investor_details_full("nobody".into());
    assert_eq!(unknown.0, "");
    assert_eq!(unknown.1, vec![U256::ZERO; 4]);
}
