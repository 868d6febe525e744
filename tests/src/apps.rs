//! DS apps deployed next to a [`Suite`]: the distribution and DvP apps with the
//! payment-token fixture, the NAV provider and the balance checker, and the
//! apps' authorisation in Trust.

use alloy_sol_types::SolValue;

use crate::{
    abi::{IDistribution, IDvP, INavProvider, ITrust},
    ids::service,
    u, wasm, Address, ReceiptExt, Suite, U256,
};

/// Payment token units the issuer holds when the payment token is deployed.
pub const PAYMENT_SUPPLY: u64 = 10_000_000;

/// Deploys the distribution app (constructor: Trust) and the payment token
/// (constructor: holder, supply; all of it to the issuer), and registers
/// the DS token and Comms in the app. Returns (app, payment token).
pub fn deploy_distribution(s: &mut Suite) -> (Address, Address) {
    let master = s.master;
    let app = s
        .net
        .deploy(&wasm("distribution"), master, &s.trust.abi_encode())
        .unwrap_or_else(|r| panic!("distribution constructor: {}", r.outcome()));
    let args = (s.issuer, u(PAYMENT_SUPPLY)).abi_encode_params();
    let pay = s
        .net
        .deploy(&wasm("payment_token"), master, &args)
        .unwrap_or_else(|r| panic!("payment token constructor: {}", r.outcome()));
    let token = s.token();
    for (id, at) in [(service::DS_TOKEN, token), (service::COMMS, s.comms)] {
        let call = IDistribution::setDSServiceCall {
            service_id: U256::from(id),
            service: at,
        };
        s.must(master, app, &call);
    }
    (app, pay)
}

/// The master makes `app` a resource of a new Trust entity `entity` owned
/// by `owner`, so that Trust authorises it (`isAuthorizedApp`).
pub fn authorise(s: &mut Suite, entity: &str, owner: Address, app: Address) {
    let (master, trust) = (s.master, s.trust);
    s.must(
        master,
        trust,
        &ITrust::addEntityCall {
            name: entity.into(),
            owner,
        },
    );
    s.must(
        master,
        trust,
        &ITrust::addResourceCall {
            name: entity.into(),
            resource: app,
        },
    );
    assert!(s.view(trust, &ITrust::isAuthorizedAppCall { app }));
}

/// Deploys the DvP app (constructor: Trust) and a payment token (all of
/// its supply to the issuer), and registers the DS token in the app.
/// Returns (app, payment token).
pub fn deploy_dvp(s: &mut Suite) -> (Address, Address) {
    let master = s.master;
    let app = s
        .net
        .deploy(&wasm("dvp"), master, &s.trust.abi_encode())
        .unwrap_or_else(|r| panic!("dvp constructor: {}", r.outcome()));
    let args = (s.issuer, u(PAYMENT_SUPPLY)).abi_encode_params();
    let pay = s
        .net
        .deploy(&wasm("payment_token"), master, &args)
        .unwrap_or_else(|r| panic!("payment token constructor: {}", r.outcome()));
    let call = IDvP::setDSServiceCall {
        service_id: U256::from(service::DS_TOKEN),
        service: s.token(),
    };
    s.must(master, app, &call);
    (app, pay)
}

/// Deploys a NAV provider (constructor: Trust, `rate`) and makes `updater`
/// its rate updater. Returns its address.
pub fn deploy_nav_provider(s: &mut Suite, rate: u64, updater: Address) -> Address {
    let master = s.master;
    let args = (s.trust, u(rate)).abi_encode_params();
    let nav = s
        .net
        .deploy(&wasm("nav_provider"), master, &args)
        .unwrap_or_else(|r| panic!("nav provider constructor: {}", r.outcome()));
    s.must(master, nav, &INavProvider::addRateUpdaterCall { updater });
    nav
}

/// Installs the balance checker (no constructor, no state). Returns its
/// address.
pub fn install_balance_checker(s: &mut Suite) -> Address {
    let at = crate::Devnet::account("balance checker");
    s.net
        .install(at, &wasm("balance_checker"))
        .unwrap_or_else(|e| panic!("balance checker: {e}"));
    at
}
