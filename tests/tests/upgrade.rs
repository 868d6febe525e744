//! Upgrade safety (issue 8): replacing contracts through the DS service
//! registry on the real artifacts.
//!
//! Logic lives in facets that run by delegatecall on the storage of the
//! contract that registers them (Compliance: views, admin, rules; token:
//! admin), so a facet is upgraded by registering a new address under its
//! service id: balances, counters, locks and rules stay where they are. A
//! service pointer aimed at a contract without the data (a fresh Registry)
//! fails closed: transfers are refused, nothing is corrupted. Only the
//! master re-points services. The procedure is in `docs/upgrade.md`.

use ds_e2e::{
    abi::{self, ICompliance, IDSToken, IRegistry, ITrust},
    ids::{code, service},
    u, wasm, Address, Counts, Devnet, ReceiptExt, Suite, COUNTRIES, U256,
};

/// A suite with three holders (US, DE, JP) and a lock-up rule set.
fn holders() -> (Suite, [Address; 3]) {
    let mut s = Suite::new();
    s.set_countries(&COUNTRIES);
    let us = s.new_investor("us-1", "US", &[]);
    let de = s.new_investor("de-1", "DE", &[]);
    let jp = s.new_investor("jp-1", "JP", &[]);
    for (wallet, value) in [(us, 100), (de, 200), (jp, 300)] {
        s.issue(wallet, value).expect_ok("issue");
    }
    (s, [us, de, jp])
}

/// What an upgrade must keep: balances, supply, counters, holder count.
fn observed(s: &mut Suite, wallets: &[Address]) -> (Vec<U256>, U256, Counts, U256) {
    let token = s.token();
    let balances = wallets.iter().map(|w| s.balance(*w)).collect();
    let supply = s.total_supply();
    let counts = s.counts();
    let holders = s.view(token, &IDSToken::walletCountCall {});
    (balances, supply, counts, holders)
}

/// Installs a fresh copy of artifact `name` (no constructor: a facet).
fn install(s: &mut Suite, name: &str, label: &str) -> Address {
    let at = Devnet::account(label);
    s.net
        .install(at, &wasm(name))
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    at
}

fn set_service(s: &mut Suite, contract: Address, id: u64, address: Address) {
    let master = s.master;
    s.must(
        master,
        contract,
        &ITrust::setDSServiceCall {
            service_id: U256::from(id),
            service: address,
        },
    );
}

#[test]
fn replacing_the_registry_compliance_and_token_facets_keeps_every_record() {
    let (mut s, wallets) = holders();
    let before = observed(&mut s, &wallets);
    let compliance = s.compliance;
    let token = s.token();
    let registry = s.registry;
    for (contract, id, name) in [
        (registry, service::REGISTRY_ADMIN_FACET, "registry_admin"),
        (
            compliance,
            service::COMPLIANCE_VIEWS_FACET,
            "compliance_views",
        ),
        (
            compliance,
            service::COMPLIANCE_ADMIN_FACET,
            "compliance_admin",
        ),
        (
            compliance,
            service::COMPLIANCE_CONFIG_FACET,
            "compliance_config",
        ),
        (
            compliance,
            service::COMPLIANCE_HOOKS_FACET,
            "compliance_hooks",
        ),
        (token, service::TOKEN_ADMIN_FACET, "token_admin"),
        (token, service::TOKEN_CONTROL_FACET, "token_control"),
    ] {
        let new = install(&mut s, name, &format!("{name} v2"));
        set_service(&mut s, contract, id, new);
    }
    assert_eq!(observed(&mut s, &wallets), before);
    // The upgraded facets work on the same storage: checks, issuance,
    // configuration and a transfer that moves the counters.
    let [us, de, jp] = wallets;
    assert_eq!(s.token_check(de, jp, 10).0, code::VALID);
    s.issue(us, 5)
        .expect_ok("issue through the new token facet");
    s.set_uint_rule(ds_e2e::ids::uint_rule::TOTAL_INVESTORS_LIMIT, 100);
    s.expect_transfer(de, jp, 200);
    let after = s.counts();
    assert_eq!(after.total, before.2.total - 1, "de-1 left");
    assert_eq!(s.total_supply(), before.1 + u(5));
    // ...and the new Registry facet registers on the same storage.
    let newcomer = s.new_investor("after-upgrade", "US", &[]);
    let registry = s.registry;
    let id = s.view(registry, &IRegistry::getInvestorCall { wallet: newcomer });
    assert_eq!(id, "after-upgrade");
}

#[test]
fn only_the_master_re_points_a_service() {
    let (mut s, wallets) = holders();
    let before = observed(&mut s, &wallets);
    let rogue = install(&mut s, "compliance_views", "rogue views");
    let compliance = s.compliance;
    for who in [
        s.issuer,
        s.transfer_agent,
        s.exchange,
        Devnet::account("nobody"),
    ] {
        let r = s.send(
            who,
            compliance,
            &ITrust::setDSServiceCall {
                service_id: U256::from(service::COMPLIANCE_VIEWS_FACET),
                service: rogue,
            },
        );
        assert!(
            r.revert_error::<abi::UnauthorizedCaller>().is_some(),
            "{who} re-pointed a facet"
        );
    }
    let facet = s.view(
        compliance,
        &ICompliance::getDSServiceCall {
            service_id: U256::from(service::COMPLIANCE_VIEWS_FACET),
        },
    );
    assert_eq!(facet, s.compliance_views);
    assert_eq!(observed(&mut s, &wallets), before);
}

#[test]
fn a_registry_without_the_investors_fails_closed() {
    let (mut s, wallets) = holders();
    let before = observed(&mut s, &wallets);
    // A fresh Registry (constructor: Trust) knows no investor.
    let master = s.master;
    let trust = s.trust;
    let empty = s
        .net
        .deploy(
            &wasm("registry"),
            master,
            &alloy_sol_types::SolValue::abi_encode(&trust),
        )
        .unwrap_or_else(|r| panic!("registry constructor: {}", r.outcome()));
    let compliance = s.compliance;
    set_service(&mut s, compliance, service::REGISTRY, empty);
    let [_, de, jp] = wallets;
    s.expect_refused(de, jp, 10, code::WALLET_NOT_IN_REGISTRY_SERVICE);
    assert_eq!(observed(&mut s, &wallets), before);
    // Pointing back restores service with the data intact.
    let registry = s.registry;
    set_service(&mut s, compliance, service::REGISTRY, registry);
    s.expect_transfer(de, jp, 10);
    assert_eq!(s.counts(), before.2);
}
