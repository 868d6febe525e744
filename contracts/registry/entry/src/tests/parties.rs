//! The compliance views: values and storage reads.

use super::*;
use ds_common::ids::attribute::{ACCREDITED, KYC_APPROVED, QUALIFIED};
use ds_common::ids::wallet_type;

#[test]
fn get_party_describes_every_kind_of_wallet() {
    let mut env = Env::with_investors();
    env.as_(ISSUER);
    env.admin.add_platform_wallet(W3).unwrap();
    env.admin.add_exchange_wallet(W4, EXCHANGE).unwrap();
    env.admin
        .set_attribute(
            "alice".into(),
            KYC_APPROVED,
            U256::from(1),
            U256::ZERO,
            String::new(),
        )
        .unwrap();
    env.admin
        .set_attribute(
            "alice".into(),
            QUALIFIED,
            U256::from(1),
            U256::from(1_000_001),
            String::new(),
        )
        .unwrap();
    env.admin
        .set_attribute(
            "alice".into(),
            ACCREDITED,
            U256::from(2),
            U256::ZERO,
            String::new(),
        )
        .unwrap();

    let (key, info) = env.reg.get_party(W1);
    assert_eq!(key, party::investor_key("alice"));
    assert_eq!(
        PartyInfo::unpack(info),
        investor_info("US", KYC_APPROVED | QUALIFIED, KYC_APPROVED | QUALIFIED)
    );
    // One second later QUALIFIED has expired: still approved, not effective.
    env.host.vm.set_block_timestamp(1_000_001);
    let (_, info) = env.reg.get_party(W1);
    assert_eq!(
        PartyInfo::unpack(info),
        investor_info("US", KYC_APPROVED | QUALIFIED, KYC_APPROVED)
    );

    let (key, info) = env.reg.get_party(W2);
    assert_eq!(key, party::investor_key("bob"));
    assert_eq!(PartyInfo::unpack(info), investor_info("", 0, 0));

    for (wallet, kind) in [
        (W3, wallet_type::PLATFORM),
        (W4, wallet_type::EXCHANGE),
        (NOBODY, 0),
    ] {
        let (key, info) = env.reg.get_party(wallet);
        assert_eq!(key, B256::ZERO);
        assert_eq!(
            PartyInfo::unpack(info),
            PartyInfo {
                wallet_type: kind,
                ..PartyInfo::default()
            }
        );
    }
}

#[test]
fn get_transfer_parties_matches_get_party() {
    let mut env = Env::with_investors();
    env.as_(ISSUER);
    env.admin.add_issuer_wallet(W3).unwrap();
    for (from, to) in [(W1, W2), (W2, W1), (W1, W3), (W3, NOBODY), (W1, W1)] {
        let (fk, fi, tk, ti) = env.reg.get_transfer_parties(from, to);
        assert_eq!((fk, fi), env.reg.get_party(from));
        assert_eq!((tk, ti), env.reg.get_party(to));
    }
}

#[test]
fn storage_reads_on_the_transfer_path() {
    let mut env = Env::with_investors();
    env.as_(ISSUER);
    env.admin.add_platform_wallet(W3).unwrap();
    let sloads = |env: &Env, f: &dyn Fn(&Env)| {
        env.host.reset_records();
        f(env);
        env.host.sloads()
    };
    // Investor wallet: wallet word + investor word.
    assert_eq!(
        sloads(&env, &|e| {
            e.reg.get_party(W1);
        }),
        2
    );
    // Special or unknown wallet: the wallet word only.
    assert_eq!(
        sloads(&env, &|e| {
            e.reg.get_party(W3);
        }),
        1
    );
    assert_eq!(
        sloads(&env, &|e| {
            e.reg.get_party(NOBODY);
        }),
        1
    );
    // Investor to investor: 4; investor to platform: 3. No calls.
    assert_eq!(
        sloads(&env, &|e| {
            e.reg.get_transfer_parties(W1, W2);
        }),
        4
    );
    assert_eq!(
        sloads(&env, &|e| {
            e.reg.get_transfer_parties(W1, W3);
        }),
        3
    );
    assert!(env.host.calls().is_empty());
}
