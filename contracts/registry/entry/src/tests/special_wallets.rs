//! The wallet manager: issuer, platform and exchange wallets.

use super::*;
use ds_common::errors::{
    BatchTooLarge, NotSpecialWallet, OwnerNotExchange, WalletHasBalance, WalletInUse,
};
use ds_common::ids::wallet_type::{EXCHANGE as EXCHANGE_WALLET, ISSUER as ISSUER_WALLET, PLATFORM};

fn kinds(env: &Env, wallet: Address) -> (u8, bool, bool, bool) {
    (
        env.reg.get_wallet_type(wallet),
        env.reg.is_special_wallet(wallet),
        env.reg.is_platform_wallet(wallet),
        env.reg.is_issuer_special_wallet(wallet),
    )
}

#[test]
fn each_kind_is_added_reported_and_removed() {
    let mut env = Env::with_investors();
    env.as_(ISSUER);
    env.admin.add_issuer_wallet(W3).unwrap();
    let ev = env.event::<DSWalletManagerSpecialWalletAdded>();
    assert_eq!(
        (ev.wallet, ev.walletType, ev.sender),
        (W3, ISSUER_WALLET, ISSUER)
    );
    assert_eq!(kinds(&env, W3), (ISSUER_WALLET, true, false, true));
    env.host.reset_records();
    env.admin.add_platform_wallet(W4).unwrap();
    assert_eq!(kinds(&env, W4), (PLATFORM, true, true, false));
    let exchange_wallet = Address::with_last_byte(0x77);
    env.admin
        .add_exchange_wallet(exchange_wallet, EXCHANGE)
        .unwrap();
    assert_eq!(
        kinds(&env, exchange_wallet),
        (EXCHANGE_WALLET, true, false, false)
    );
    // Investor and unknown wallets are not special.
    assert_eq!(kinds(&env, W1), (0, false, false, false));
    assert_eq!(kinds(&env, NOBODY), (0, false, false, false));
    // A special wallet is not an investor wallet.
    assert!(!env.reg.is_wallet(W3));
    assert_eq!(env.reg.get_investor(W3), "");

    for (wallet, kind) in [
        (W3, ISSUER_WALLET),
        (W4, PLATFORM),
        (exchange_wallet, EXCHANGE_WALLET),
    ] {
        env.host.reset_records();
        assert_eq!(env.admin.remove_special_wallet(wallet), Ok(true));
        let ev = env.event::<DSWalletManagerSpecialWalletRemoved>();
        assert_eq!(
            (ev.wallet, ev.walletType, ev.sender),
            (wallet, kind, ISSUER)
        );
        assert_eq!(kinds(&env, wallet), (0, false, false, false));
    }
    // A former special wallet can become an investor wallet.
    env.admin.add_wallet(W3, "bob".into()).unwrap();
}

#[test]
fn batches_are_all_or_nothing_and_bounded() {
    let mut env = Env::with_investors();
    env.as_(MASTER);
    env.admin.add_issuer_wallets(vec![W3, W4]).unwrap();
    assert_eq!(env.topics().len(), 2);
    assert!(env.reg.is_issuer_special_wallet(W4));
    env.host.reset_records();
    let before = env.storage();
    let fresh = Address::with_last_byte(0x55);
    let cases = [
        (
            vec![fresh, W1],
            WalletInUse {
                wallet: W1,
                walletType: 0,
            },
        ),
        (
            vec![fresh, W3],
            WalletInUse {
                wallet: W3,
                walletType: ISSUER_WALLET,
            },
        ),
        (
            vec![fresh, fresh],
            WalletInUse {
                wallet: fresh,
                walletType: PLATFORM,
            },
        ),
    ];
    for (wallets, expected) in cases {
        assert_eq!(
            env.admin.add_platform_wallets(wallets),
            Err(DSError::WalletInUse(expected))
        );
    }
    assert_eq!(
        env.admin.add_platform_wallets(vec![fresh, Address::ZERO]),
        Err(DSError::zero_address())
    );
    let many: Vec<Address> = (1..=31u8)
        .map(|i| Address::with_last_byte(0x80 + i))
        .collect();
    assert_eq!(
        env.admin.add_issuer_wallets(many.clone()),
        Err(DSError::BatchTooLarge(BatchTooLarge {
            length: U256::from(31),
            max: U256::from(30)
        }))
    );
    assert_eq!(env.storage(), before);
    assert!(env.topics().is_empty());
    env.admin.add_platform_wallets(many[..30].to_vec()).unwrap();
    assert!(env.reg.is_platform_wallet(many[29]));
}

#[test]
fn single_adds_refuse_used_wallets() {
    let mut env = Env::with_investors();
    env.as_(ISSUER);
    env.admin.add_platform_wallet(W4).unwrap();
    let before = env.storage();
    assert_eq!(
        env.admin.add_issuer_wallet(W1),
        Err(DSError::WalletInUse(WalletInUse {
            wallet: W1,
            walletType: 0
        }))
    );
    assert_eq!(
        env.admin.add_issuer_wallet(W4),
        Err(DSError::WalletInUse(WalletInUse {
            wallet: W4,
            walletType: PLATFORM
        }))
    );
    assert_eq!(
        env.admin.add_exchange_wallet(W2, EXCHANGE),
        Err(DSError::WalletInUse(WalletInUse {
            wallet: W2,
            walletType: 0
        }))
    );
    assert_eq!(env.storage(), before);
}

#[test]
fn exchange_wallet_owner_must_be_an_exchange() {
    let mut env = Env::new();
    env.as_(ISSUER);
    let before = env.storage();
    for (role, owner) in ROLES {
        if role == role::EXCHANGE {
            continue;
        }
        assert_eq!(
            env.admin.add_exchange_wallet(W3, owner),
            Err(DSError::OwnerNotExchange(OwnerNotExchange { owner, role }))
        );
    }
    assert_eq!(
        env.admin.add_exchange_wallet(W3, Address::ZERO),
        Err(DSError::zero_address())
    );
    assert_eq!(env.storage(), before);
    env.admin.add_exchange_wallet(W3, EXCHANGE2).unwrap();
    assert_eq!(env.reg.get_wallet_type(W3), EXCHANGE_WALLET);
}

#[test]
fn remove_special_wallet_refuses_ordinary_wallets() {
    let mut env = Env::with_investors();
    env.as_(ISSUER);
    let before = env.storage();
    for wallet in [W1, W3, Address::ZERO] {
        assert_eq!(
            env.admin.remove_special_wallet(wallet),
            Err(DSError::NotSpecialWallet(NotSpecialWallet { wallet }))
        );
    }
    assert_eq!(env.storage(), before);
    assert!(env.reg.is_wallet(W1));
}

#[test]
fn a_special_wallet_holding_tokens_is_not_removed() {
    let mut env = Env::with_investors();
    env.as_(ISSUER);
    env.admin.add_issuer_wallet(W3).unwrap();
    env.mock_balance(W3, 40); // e.g. seized tokens
    env.as_(ISSUER);
    let before = env.storage();
    assert_eq!(
        env.admin.remove_special_wallet(W3),
        Err(DSError::WalletHasBalance(WalletHasBalance {
            wallet: W3,
            balance: U256::from(40)
        }))
    );
    assert_eq!(env.storage(), before);
    assert!(env.reg.is_issuer_special_wallet(W3));
    env.mock_balance(W3, 0);
    assert_eq!(env.admin.remove_special_wallet(W3), Ok(true));
    assert!(!env.reg.is_special_wallet(W3));
}
