//! Who may call what: every setter × every role, and the exchange creator rule.

use super::*;
use ds_common::errors::NotInvestorCreator;

type Op = fn(&mut RegistryAdmin) -> Result<bool, DSError>;

/// The fixture of the matrix: alice (by EXCHANGE, W1), bob (by ISSUER, W2),
/// dave (by EXCHANGE, no wallets) and platform wallet W4.
fn fixture() -> Env {
    let mut env = Env::with_investors();
    env.as_(ISSUER);
    env.admin.add_platform_wallet(W4).unwrap();
    env.as_(EXCHANGE);
    env.admin
        .register_investor("dave".into(), String::new())
        .unwrap();
    env.host.reset_records();
    env
}

fn setters() -> Vec<(&'static str, &'static [u8], Op)> {
    vec![
        ("registerInvestor", EXCHANGE_OR_ABOVE, |r| {
            r.register_investor("carol".into(), "c".into())
        }),
        ("updateInvestor", ISSUER_OR_TRANSFER_AGENT_OR_ABOVE, |r| {
            r.update_investor(
                "alice".into(),
                String::new(),
                "FR".into(),
                vec![W3],
                vec![2],
                vec![U256::from(1)],
                vec![U256::ZERO],
            )
        }),
        ("removeInvestor", EXCHANGE_OR_ABOVE, |r| {
            r.remove_investor("dave".into())
        }),
        ("setCountry", EXCHANGE_OR_ABOVE, |r| {
            r.set_country("alice".into(), "FR".into())
        }),
        ("setAttribute", EXCHANGE_OR_ABOVE, |r| {
            r.set_attribute("alice".into(), 2, U256::from(1), U256::ZERO, "p".into())
        }),
        ("addWallet", EXCHANGE_OR_ABOVE, |r| {
            r.add_wallet(W3, "alice".into())
        }),
        ("removeWallet", EXCHANGE_OR_ABOVE, |r| {
            r.remove_wallet(W1, "alice".into())
        }),
        ("addIssuerWallet", ISSUER_OR_ABOVE, |r| {
            r.add_issuer_wallet(W3)
        }),
        ("addIssuerWallets", ISSUER_OR_ABOVE, |r| {
            r.add_issuer_wallets(vec![W3])
        }),
        ("addPlatformWallet", ISSUER_OR_ABOVE, |r| {
            r.add_platform_wallet(W3)
        }),
        ("addPlatformWallets", ISSUER_OR_ABOVE, |r| {
            r.add_platform_wallets(vec![W3])
        }),
        ("addExchangeWallet", ISSUER_OR_ABOVE, |r| {
            r.add_exchange_wallet(W3, EXCHANGE)
        }),
        ("removeSpecialWallet", ISSUER_OR_ABOVE, |r| {
            r.remove_special_wallet(W4)
        }),
    ]
}

/// The written specification of the roles (DS modifiers), independent of
/// the constants the contract uses.
fn spec_allows(name: &str, role: u8) -> bool {
    use role::*;
    match name {
        "updateInvestor" => matches!(role, MASTER | ISSUER | TRANSFER_AGENT),
        n if n.contains("Special")
            || n.starts_with("addIssuer")
            || n.starts_with("addPlatform") =>
        {
            matches!(role, MASTER | ISSUER)
        }
        n if n.starts_with("addExchange") => matches!(role, MASTER | ISSUER),
        _ => matches!(role, MASTER | ISSUER | EXCHANGE | TRANSFER_AGENT),
    }
}

#[test]
fn every_setter_against_every_role() {
    for (name, allowed, op) in setters() {
        for (role, who) in ROLES {
            let mut env = fixture();
            env.as_(who);
            let before = env.storage();
            let result = op(&mut env.admin);
            assert_eq!(
                allowed.contains(&role),
                spec_allows(name, role),
                "{name} spec"
            );
            if spec_allows(name, role) {
                assert_eq!(result, Ok(true), "{name} by role {role}");
                assert_ne!(env.storage(), before, "{name} wrote nothing");
                assert!(!env.topics().is_empty(), "{name} emitted nothing");
            } else {
                assert_eq!(
                    result,
                    Err(unauthorized(who, role)),
                    "{name} by role {role}"
                );
                assert_eq!(env.storage(), before, "{name} refused but wrote");
                assert!(env.topics().is_empty());
            }
        }
    }
}

#[test]
fn an_exchange_changes_only_investors_it_registered() {
    let ops: Vec<(&str, Op)> = vec![
        ("removeInvestor", |r| r.remove_investor("dave".into())),
        ("setCountry", |r| r.set_country("alice".into(), "FR".into())),
        ("setAttribute", |r| {
            r.set_attribute("alice".into(), 2, U256::from(1), U256::ZERO, String::new())
        }),
        ("addWallet", |r| r.add_wallet(W3, "alice".into())),
        ("removeWallet", |r| r.remove_wallet(W1, "alice".into())),
    ];
    for (name, op) in ops {
        let mut env = fixture();
        env.as_(EXCHANGE2);
        let before = env.storage();
        let id = if name == "removeInvestor" {
            "dave"
        } else {
            "alice"
        };
        assert_eq!(
            op(&mut env.admin),
            Err(DSError::NotInvestorCreator(NotInvestorCreator {
                caller: EXCHANGE2,
                investorKey: party::investor_key(id)
            })),
            "{name}"
        );
        assert_eq!(env.storage(), before, "{name}");
        assert!(env.topics().is_empty());
    }
    // bob was registered by an issuer: no exchange may change him.
    let mut env = fixture();
    env.as_(EXCHANGE);
    assert!(matches!(
        env.admin.set_country("bob".into(), "FR".into()),
        Err(DSError::NotInvestorCreator(_))
    ));
    assert!(matches!(
        env.admin.remove_wallet(W2, "bob".into()),
        Err(DSError::NotInvestorCreator(_))
    ));
    // Issuers and transfer agents change anyone's investors.
    for who in [ISSUER, AGENT, MASTER] {
        let mut env = fixture();
        env.as_(who);
        env.admin.set_country("alice".into(), "FR".into()).unwrap();
        env.admin.remove_investor("dave".into()).unwrap();
    }
}
