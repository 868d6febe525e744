//! Investor wallets: add, remove, token balance checks and the views.

use super::*;
use ds_common::errors::{InvestorNotFound, WalletHasBalance, WalletInUse, WalletNotOfInvestor};

#[test]
fn add_wallet_links_and_emits() {
    let mut env = Env::with_investors();
    env.as_(EXCHANGE);
    assert_eq!(env.admin.add_wallet(W3, "alice".into()), Ok(true));
    let ev = env.event::<DSRegistryServiceWalletAdded>();
    assert_eq!(
        (ev.wallet, ev.investorId.as_str(), ev.sender),
        (W3, "alice", EXCHANGE)
    );
    assert!(env.reg.is_wallet(W3));
    assert_eq!(env.reg.get_investor(W3), "alice");
    assert_eq!(
        env.reg.get_investors(W3, W2),
        ("alice".to_string(), "bob".to_string())
    );
    assert_eq!(
        env.reg.get_investors(W4, W1),
        (String::new(), "alice".to_string())
    );
    assert_eq!(
        env.reg.get_investor_details(W4),
        (String::new(), String::new())
    );
    assert!(!env.reg.is_wallet(W4));
}

#[test]
fn add_wallet_refuses_used_zero_and_unknown() {
    let mut env = Env::with_investors();
    env.as_(MASTER);
    env.admin.add_platform_wallet(W4).unwrap();
    env.host.reset_records();
    let before = env.storage();
    let cases = [
        (
            W1,
            "alice",
            DSError::WalletInUse(WalletInUse {
                wallet: W1,
                walletType: 0,
            }),
        ),
        (
            W2,
            "alice",
            DSError::WalletInUse(WalletInUse {
                wallet: W2,
                walletType: 0,
            }),
        ),
        (
            W4,
            "alice",
            DSError::WalletInUse(WalletInUse {
                wallet: W4,
                walletType: 2,
            }),
        ),
        (Address::ZERO, "alice", DSError::zero_address()),
        (
            W3,
            "carol",
            DSError::InvestorNotFound(InvestorNotFound {
                investorKey: party::investor_key("carol"),
            }),
        ),
    ];
    for (wallet, id, expected) in cases {
        assert_eq!(env.admin.add_wallet(wallet, id.into()), Err(expected));
        assert_eq!(env.storage(), before);
        assert!(env.topics().is_empty());
    }
}

#[test]
fn remove_wallet_unlinks_and_emits() {
    let mut env = Env::with_investors();
    env.as_(EXCHANGE);
    assert_eq!(env.admin.remove_wallet(W1, "alice".into()), Ok(true));
    let ev = env.event::<DSRegistryServiceWalletRemoved>();
    assert_eq!(
        (ev.wallet, ev.investorId.as_str(), ev.sender),
        (W1, "alice", EXCHANGE)
    );
    assert!(!env.reg.is_wallet(W1));
    assert_eq!(env.reg.get_investor(W1), "");
    // The freed wallet can go to another investor.
    env.as_(ISSUER);
    env.admin.add_wallet(W1, "bob".into()).unwrap();
    assert_eq!(env.reg.get_investor(W1), "bob");
}

#[test]
fn remove_wallet_of_another_investor_or_unknown_is_refused() {
    let mut env = Env::with_investors();
    env.as_(ISSUER);
    let before = env.storage();
    for wallet in [W2, W3, Address::ZERO] {
        assert_eq!(
            env.admin.remove_wallet(wallet, "alice".into()),
            Err(DSError::WalletNotOfInvestor(WalletNotOfInvestor {
                wallet,
                investorKey: party::investor_key("alice")
            }))
        );
    }
    assert!(matches!(
        env.admin.remove_wallet(W1, "carol".into()),
        Err(DSError::InvestorNotFound(_))
    ));
    assert_eq!(env.storage(), before);
}

#[test]
fn wallets_with_tokens_are_neither_added_nor_removed() {
    let mut env = Env::with_investors();
    env.mock_balance(W1, 5);
    env.mock_balance(W3, 7);
    env.as_(ISSUER);
    let before = env.storage();
    assert_eq!(
        env.admin.remove_wallet(W1, "alice".into()),
        Err(DSError::WalletHasBalance(WalletHasBalance {
            wallet: W1,
            balance: U256::from(5)
        }))
    );
    assert_eq!(
        env.admin.add_wallet(W3, "alice".into()),
        Err(DSError::WalletHasBalance(WalletHasBalance {
            wallet: W3,
            balance: U256::from(7)
        }))
    );
    assert!(matches!(
        env.admin.update_investor(
            "alice".into(),
            String::new(),
            String::new(),
            vec![W3],
            vec![],
            vec![],
            vec![]
        ),
        Err(DSError::WalletHasBalance(_))
    ));
    assert_eq!(env.storage(), before);
    // The token was asked about exactly these wallets.
    let asked: Vec<_> = env
        .host
        .calls()
        .into_iter()
        .filter(|c| c.to == TOKEN)
        .collect();
    // Removal asks `balanceOf` (static); adding asks `reserveWallet`, which
    // also reserves the wallet's storage in the token (a mutating call).
    assert_eq!(asked.len(), 3);
    assert!(asked[0].is_static);
    assert_eq!(asked[0].data, balanceOfCall { wallet: W1 }.abi_encode());
    for call in &asked[1..] {
        assert!(!call.is_static);
        assert_eq!(call.data, reserveWalletCall { wallet: W3 }.abi_encode());
    }
    // With an empty balance both work.
    env.mock_balance(W1, 0);
    env.mock_balance(W3, 0);
    env.admin.remove_wallet(W1, "alice".into()).unwrap();
    env.admin.add_wallet(W3, "alice".into()).unwrap();
}

#[test]
fn without_a_token_service_the_token_is_not_asked() {
    let mut env = Env::with_investors();
    env.as_(ISSUER);
    env.admin.remove_wallet(W1, "alice".into()).unwrap();
    env.admin.add_wallet(W3, "alice".into()).unwrap();
    assert!(env.host.calls().iter().all(|c| c.to == TRUST));
}

#[test]
fn a_failing_token_call_refuses() {
    let mut env = Env::with_investors();
    env.set_service(service::DS_TOKEN, TOKEN); // no balance mock: the call reverts
    env.as_(ISSUER);
    let before = env.storage();
    assert_eq!(
        env.admin.remove_wallet(W1, "alice".into()),
        Err(DSError::ServiceCallFailed(
            ds_common::errors::ServiceCallFailed {
                serviceId: U256::from(service::DS_TOKEN),
                service: TOKEN
            }
        ))
    );
    assert_eq!(env.storage(), before);
}
