//! DS apps deployed next to a [`Suite`]: the distribution and DvP apps with the
//! payment-token fixture, the NAV provider and the balance checker, and the
//! apps' authorisation in Trust.

use alloy_sol_types::SolValue;

use crate::{
    abi::{IDistribution, IDvP, INavProvider, IRedemption, ISubscription, ITokenIssuer, ITrust},
    ids::{role, service},
    u, wasm, Address, ReceiptExt, Suite, TOKEN_DECIMALS, U256,
};

/// Payment token units the issuer holds when the payment token is deployed.
pub const PAYMENT_SUPPLY: u64 = 10_000_000;

/// Deploys the payment-token fixture (constructor: holder, supply), all
/// [`PAYMENT_SUPPLY`] units to the issuer. Returns its address.
pub fn deploy_payment_token(s: &mut Suite) -> Address {
    let args = (s.issuer, u(PAYMENT_SUPPLY)).abi_encode_params();
    s.net
        .deploy(&wasm("payment_token"), s.master, &args)
        .unwrap_or_else(|r| panic!("payment token constructor: {}", r.outcome()))
}

/// Deploys the distribution app (constructor: Trust) and the payment token
/// (constructor: holder, supply; all of it to the issuer), and registers
/// the DS token and Comms in the app. Returns (app, payment token).
pub fn deploy_distribution(s: &mut Suite) -> (Address, Address) {
    let master = s.master;
    let app = s
        .net
        .deploy(&wasm("distribution"), master, &s.trust.abi_encode())
        .unwrap_or_else(|r| panic!("distribution constructor: {}", r.outcome()));
    let pay = deploy_payment_token(s);
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
    let pay = deploy_payment_token(s);
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

/// DS v4's auxiliary services deployed beside a suite (issue 23, P1).
#[derive(Clone, Copy, Debug)]
pub struct AuxServices {
    /// TokenIssuer (DS id 512): registers and issues; holds ISSUER.
    pub token_issuer: Address,
    /// WalletRegistrar (DS id 1024): `registerWallet`; holds ISSUER.
    pub wallet_registrar: Address,
    /// BulkOperator: batches of issuances and burns; holds ISSUER.
    pub bulk_operator: Address,
    /// TransactionRelayer (DS id 4096): signed calls; holds ISSUER (DS's
    /// set-up).
    pub relayer: Address,
    /// RebasingProvider (DS id 8196): multiplier 1 (1e18), the token's
    /// decimals; no role.
    pub rebasing: Address,
}

/// One whole unit at 18 decimals (the rebasing multiplier's scale).
pub const REBASING_ONE: u128 = 1_000_000_000_000_000_000;

/// Deploys the five auxiliary services (constructor: Trust; the rebasing
/// provider also takes multiplier 1 and the token's decimals), registers
/// the services each calls (Registry, token, token issuer) and gives the
/// four that act on the token or the Registry the ISSUER role, as DS's
/// deployment does.
pub fn deploy_aux_services(s: &mut Suite) -> AuxServices {
    let master = s.master;
    let deploy = |s: &mut Suite, name: &str, args: Vec<u8>| {
        s.net
            .deploy(&wasm(name), master, &args)
            .unwrap_or_else(|r| panic!("{name} constructor: {}", r.outcome()))
    };
    let trust = s.trust.abi_encode();
    let aux = AuxServices {
        token_issuer: deploy(s, "token_issuer", trust.clone()),
        wallet_registrar: deploy(s, "wallet_registrar", trust.clone()),
        bulk_operator: deploy(s, "bulk_operator", trust.clone()),
        relayer: deploy(s, "transaction_relayer", trust),
        rebasing: deploy(
            s,
            "rebasing_provider",
            // uint8 decimals: one word, as a uint256 of the same value
            (
                s.trust,
                U256::from(REBASING_ONE),
                U256::from(TOKEN_DECIMALS),
            )
                .abi_encode_params(),
        ),
    };
    let (registry, token) = (s.registry, s.token());
    let wiring = [
        (aux.token_issuer, service::REGISTRY, registry),
        (aux.token_issuer, service::DS_TOKEN, token),
        (aux.wallet_registrar, service::REGISTRY, registry),
        (aux.bulk_operator, service::DS_TOKEN, token),
        (aux.bulk_operator, service::TOKEN_ISSUER, aux.token_issuer),
    ];
    for (at, id, service) in wiring {
        // every service has DS's setDSService(uint256,address)
        let call = ITokenIssuer::setDSServiceCall {
            service_id: U256::from(id),
            service,
        };
        s.must(master, at, &call);
    }
    for target in [
        aux.token_issuer,
        aux.wallet_registrar,
        aux.bulk_operator,
        aux.relayer,
    ] {
        let call = ITrust::setRoleCall {
            target,
            role: role::ISSUER,
        };
        s.must(master, s.trust, &call);
    }
    aux
}

/// Calldata of `executePreApprovedTransaction` at `relayer`: issue 1
/// token to `wallet` (investor `id`, nonce 0, no block limit), signed by a
/// new signer the master makes an ISSUER.
pub fn pre_approved_issuance(
    s: &mut Suite,
    relayer: Address,
    wallet: Address,
    id: &str,
) -> Vec<u8> {
    use alloy_sol_types::SolCall;
    let signer = crate::signing::Signer::new(&format!("issuer signer of {relayer}"));
    let call = ITrust::setRoleCall {
        target: signer.address(),
        role: role::ISSUER,
    };
    s.must(s.master, s.trust, &call);
    let data = crate::abi::IDSToken::issueTokensCall {
        to: wallet,
        value: u(1),
    }
    .abi_encode();
    let tx = crate::signing::pre_approved(s.token(), data, id, 0, u64::MAX);
    crate::signing::signed(&signer, ds_devnet::DEFAULT_CHAIN_ID, relayer, tx).abi_encode()
}

/// Deploys the subscription app (constructor: Trust) with its admin facet
/// and a payment token; the app holds ISSUER (it issues the tokens
/// subscribed). Returns (app, payment token).
pub fn deploy_subscription(s: &mut Suite) -> (Address, Address) {
    deploy_issuing_app(s, "subscription", service::SUBSCRIPTION_ADMIN_FACET)
}

/// Deploys the redemption app (constructor: Trust) with its admin facet
/// and a payment token; the app holds ISSUER (it burns what it redeems).
/// Returns (app, payment token).
pub fn deploy_redemption(s: &mut Suite) -> (Address, Address) {
    deploy_issuing_app(s, "redemption", service::REDEMPTION_ADMIN_FACET)
}

/// Deploys app program `name` (constructor: Trust) with its admin facet
/// `<name>_admin` and a payment token (all of its supply to the issuer),
/// registers the DS token, Compliance, the Registry and the facet (under
/// `facet_id`) in the app and gives the app the ISSUER role. Returns (app,
/// payment token).
fn deploy_issuing_app(s: &mut Suite, name: &str, facet_id: u64) -> (Address, Address) {
    let master = s.master;
    let app = s
        .net
        .deploy(&wasm(name), master, &s.trust.abi_encode())
        .unwrap_or_else(|r| panic!("{name} constructor: {}", r.outcome()));
    let pay = deploy_payment_token(s);
    let token = s.token();
    // the admin facet has no constructor: installed as it is
    let admin = crate::Devnet::account(&format!("{name} admin of {app}"));
    s.net
        .install(admin, &wasm(&format!("{name}_admin")))
        .unwrap_or_else(|e| panic!("{name} admin: {e}"));
    for (id, at) in [
        (service::DS_TOKEN, token),
        (service::COMPLIANCE, s.compliance),
        (service::REGISTRY, s.registry),
        (facet_id, admin),
    ] {
        // `setDSService` is the same function on every DS contract
        let call = ISubscription::setDSServiceCall {
            service_id: U256::from(id),
            service: at,
        };
        s.must(master, app, &call);
    }
    let call = ITrust::setRoleCall {
        target: app,
        role: role::ISSUER,
    };
    s.must(master, s.trust, &call);
    (app, pay)
}

/// A round of the subscription app as the tests open it: `price` per whole
/// token, no NAV provider, no per-investor bounds, no soft cap, open now
/// for a day, no lock.
pub fn round_terms(
    s: &Suite,
    pay: Address,
    treasury: Address,
    price: u64,
    hard_cap: u64,
    issue_at_close: bool,
) -> ISubscription::createRoundCall {
    let now = s.now();
    ISubscription::createRoundCall {
        payment_token: pay,
        treasury,
        price: u(price),
        nav: Address::ZERO,
        min_per_investor: U256::ZERO,
        max_per_investor: U256::ZERO,
        soft_cap: U256::ZERO,
        hard_cap: u(hard_cap),
        start: now,
        end: now + 86_400,
        lock_until: 0,
        issue_at_close,
    }
}

/// A redemption window as the tests open it: `price` per whole token (0:
/// give a NAV provider), open now for a day.
pub fn redemption_window(
    s: &Suite,
    pay: Address,
    price: u64,
    allow_locked: bool,
) -> IRedemption::openRedemptionWindowCall {
    let now = s.now();
    IRedemption::openRedemptionWindowCall {
        payment_token: pay,
        price: u(price),
        nav: Address::ZERO,
        start: now,
        end: now + 86_400,
        allow_locked,
    }
}
