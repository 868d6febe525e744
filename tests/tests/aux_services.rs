//! DS v4's auxiliary services on the devnet (issue 23, P1): the NAV
//! provider (`rate`, `setRate`, rate updaters named by the master) and the
//! bulk balance checker, decoded with DS's types.

use ds_e2e::{
    abi::{
        IBulkBalanceChecker, INavProvider, NotRateUpdater, RateUpdated, RateUpdaterRemoved,
        UnauthorizedCaller,
    },
    apps::{deploy_nav_provider, install_balance_checker},
    ids::{attribute, region, role},
    u, ReceiptExt, Suite, U256,
};

/// DS's NAV rate: set by a rate updater only, never 0, every change logged
/// with the old and new values; the master names and removes updaters.
#[test]
fn the_nav_rate_is_set_by_rate_updaters_only() {
    let mut s = Suite::new();
    let issuer = s.issuer;
    let nav = deploy_nav_provider(&mut s, 1_000_000, issuer);
    assert_eq!(s.view(nav, &INavProvider::rateCall {}), u(1_000_000));
    let (agent, master) = (s.transfer_agent, s.master);
    let r = s.must(
        issuer,
        nav,
        &INavProvider::setRateCall { rate: u(1_020_000) },
    );
    let updated = r.events::<RateUpdated>();
    assert_eq!(
        (updated[0].oldValue, updated[0].newValue),
        (u(1_000_000), u(1_020_000))
    );
    assert_eq!(s.view(nav, &INavProvider::rateCall {}), u(1_020_000));
    let r = s.send(agent, nav, &INavProvider::setRateCall { rate: u(5) });
    assert_eq!(
        r.revert_error::<NotRateUpdater>(),
        Some(NotRateUpdater { caller: agent })
    );
    let r = s.send(issuer, nav, &INavProvider::setRateCall { rate: U256::ZERO });
    assert!(!r.success, "a zero rate is refused");
    let r = s.send(
        issuer,
        nav,
        &INavProvider::addRateUpdaterCall { updater: agent },
    );
    assert_eq!(
        r.revert_error::<UnauthorizedCaller>(),
        Some(UnauthorizedCaller {
            caller: issuer,
            callerRole: role::ISSUER
        })
    );
    let r = s.must(
        master,
        nav,
        &INavProvider::removeRateUpdaterCall { updater: issuer },
    );
    assert_eq!(r.events::<RateUpdaterRemoved>()[0].rateUpdater, issuer);
    assert!(!s.view(nav, &INavProvider::isRateUpdaterCall { who: issuer }));
    assert_eq!(s.view(nav, &INavProvider::rateCall {}), u(1_020_000));
}

/// DS's `getTokenBalances(token, wallets)`: the DS token's balances of
/// every wallet, in order, in one static call.
#[test]
fn the_balance_checker_reads_many_wallets_at_once() {
    let mut s = Suite::new();
    s.set_countries(&[("US", region::US)]);
    let a = s.new_investor("bal-a", "US", &[attribute::KYC_APPROVED]);
    let b = s.new_investor("bal-b", "US", &[attribute::KYC_APPROVED]);
    let nobody = s.wallet("bal-nobody");
    s.issue(a, 70).expect_ok("issue a");
    s.issue(b, 30).expect_ok("issue b");
    let checker = install_balance_checker(&mut s);
    let token = s.token();
    let balances = s.view(
        checker,
        &IBulkBalanceChecker::getTokenBalancesCall {
            token,
            wallets: vec![b, nobody, a],
        },
    );
    assert_eq!(balances, vec![u(30), u(0), u(70)]);
}
