//! Gas bench of the DS token on the local Stylus devnet (real artifacts,
//! nitro's gas model): compliant transfers to an existing and to a new
//! holder under regulated rules, issuance, `preTransferCheck`, against the
//! plain ERC-20 calibration token. Each operation is measured with the
//! token and Compliance cached and the other programs not ("as charged",
//! the mixed case), and priced as if no program / every program were
//! cached; then the split of the gas by part, each program's size and init
//! cost, the targets and the calibration.

use alloy_sol_types::{SolCall, SolValue};
use ds_devnet::Address;
use ds_e2e::{
    abi::{
        IBulkOperator, ICompliance, IDSToken, IDvP, IErc20Min, IPaymentToken, IRedemption,
        ISubscription, ITokenIssuer, ITokenSnapshots,
    },
    apps,
    ids::attribute::ACCREDITED,
    regulated_rules,
    report::{self, thousands, Measured},
    u, wasm, Devnet, Receipt, ReceiptExt, Suite, COUNTRIES,
};

/// Public figure of a Stylus ERC-20 transfer on Arbitrum One (gas, intrinsic included).
const PUBLIC_STYLUS_ERC20_TRANSFER: u64 = 70_949;
/// nitro's expectation for the calibration ERC-20's transfer to a new
/// holder, uncached (`../shared/reference/stylus-gas-nitro.md` §6).
const NITRO_EXPECTED_ERC20_TRANSFER: u64 = 66_000;
/// Architecture targets: a transfer to an existing holder, token and
/// Compliance cached / nothing cached.
const TARGET_EXISTING_HOLDER: (u64, u64) = (70_000, 100_000);
/// Architecture targets: a transfer to a new holder, cached / uncached.
const TARGET_NEW_HOLDER: (u64, u64) = (90_000, 125_000);

/// A deployed program's size and entry costs.
struct ProgramFigures {
    name: &'static str,
    code_len: usize,
    wasm_len: u64,
    funcs: u64,
    init_cost: u64,
    cached_init_cost: u64,
    entry_uncached: u64,
    entry_cached: u64,
    cached: bool,
}

impl ProgramFigures {
    fn of(net: &Devnet, name: &'static str, at: Address) -> Self {
        let info = net.program_info(at).unwrap_or_default();
        let (entry_uncached, entry_cached) = net.program_init_gas(at).unwrap_or_default();
        Self {
            name,
            code_len: net.code(at).map_or(0, |c| c.len()),
            wasm_len: info.wasm_len,
            funcs: info.funcs,
            init_cost: info.init_cost(),
            cached_init_cost: info.cached_init_cost(),
            entry_uncached,
            entry_cached,
            cached: net.is_cached(at),
        }
    }
}

fn ok(receipt: Receipt, what: &str) -> Receipt {
    receipt.expect_ok(what)
}

/// The DS measurements under regulated rules (US and EU investors, limits
/// set), with the token and Compliance cached; and the suite's programs.
fn ds_rows() -> (Vec<Measured>, Vec<ProgramFigures>) {
    let mut s = Suite::new();
    s.set_countries(&COUNTRIES);
    s.set_rules(&regulated_rules());
    let token = s.token();
    let mut programs = vec![
        ("trust", s.trust),
        ("registry", s.registry),
        ("registry_admin", s.registry_admin),
        ("compliance", s.compliance),
        ("compliance_views", s.compliance_views),
        ("compliance_admin", s.compliance_admin),
        ("compliance_config", s.compliance_config),
        ("compliance_hooks", s.compliance_hooks),
        ("comms", s.comms),
        ("ds_token", token),
    ];
    if let Some(admin) = s.token_admin() {
        programs.push(("token_admin", admin));
    }
    if let Some(control) = s.token_control() {
        programs.push(("token_control", control));
    }
    for cached in [token, s.compliance] {
        assert!(s.net.set_cached(cached, true), "a program");
    }
    let us1 = s.new_investor("us-1", "US", &[ACCREDITED]);
    let us2 = s.new_investor("us-2", "US", &[ACCREDITED]);
    let us3 = s.new_investor("us-3", "US", &[]);
    let fr1 = s.new_investor("fr-1", "FR", &[]);
    let fr2 = s.new_investor("fr-2", "FR", &[]);
    let de1 = s.new_investor("de-1", "DE", &[]);
    let mut rows = Vec::new();

    let r = ok(s.issue(us1, 100_000), "issue us-1");
    rows.push(Measured::of("issueTokens, new investor (US)", &r));
    let r = ok(s.issue(us1, 100_000), "issue us-1 again");
    rows.push(Measured::of("issueTokens, existing investor", &r));
    ok(s.issue(fr1, 100_000), "issue fr-1");
    ok(s.issue(us2, 1_000), "issue us-2");
    ok(s.issue(fr2, 1_000), "issue fr-2");

    let r = ok(s.transfer(us1, us2, 100), "transfer us-1 -> us-2");
    rows.push(Measured::of("transfer to existing holder (US->US)", &r));
    let r = ok(s.transfer(fr1, fr2, 100), "transfer fr-1 -> fr-2");
    rows.push(Measured::of("transfer to existing holder (EU->EU)", &r));
    let r = ok(s.transfer(us1, us3, 100), "transfer us-1 -> us-3");
    rows.push(Measured::of("transfer to new holder (US->US)", &r));
    let r = ok(s.transfer(fr1, de1, 100), "transfer fr-1 -> de-1");
    rows.push(Measured::of("transfer to new holder (EU->EU)", &r));

    let extra = Devnet::account("us-1 second wallet");
    let r = ok(s.add_wallet("us-1", extra), "add a wallet to us-1");
    rows.push(Measured::of(
        "addWallet (Registry; reserves token slots)",
        &r,
    ));

    let token = s.token();
    let check = IDSToken::preTransferCheckCall {
        from: us1,
        to: us2,
        value: u(100),
    };
    let r = ok(s.net.call(s.exchange, token, &check.abi_encode()), "check");
    rows.push(Measured::of("preTransferCheck on the token (view)", &r));
    let check = ICompliance::preTransferCheckCall {
        from: us1,
        to: us2,
        value: u(100),
    };
    let r = ok(
        s.net.call(s.exchange, s.compliance, &check.abi_encode()),
        "check",
    );
    rows.push(Measured::of("preTransferCheck on Compliance (view)", &r));

    // Functions of the three Compliance facets, called at the Compliance
    // address (the router's hop).
    let agent = s.transfer_agent;
    let c = s.compliance;
    let r = ok(
        s.net.call(
            s.exchange,
            c,
            &ICompliance::getTotalInvestorsCountCall {}.abi_encode(),
        ),
        "getTotalInvestorsCount",
    );
    rows.push(Measured::of(
        "getTotalInvestorsCount (views facet, view)",
        &r,
    ));
    let set_country = ICompliance::setCountryComplianceCall {
        country: "FR".into(),
        value: u(0),
    };
    let r = ok(s.send(agent, c, &set_country), "setCountryCompliance");
    rows.push(Measured::of(
        "setCountryCompliance (configuration facet)",
        &r,
    ));
    let set_limit = ICompliance::setTotalInvestorsLimitCall { value: u(1_000) };
    let r = ok(s.send(agent, c, &set_limit), "setTotalInvestorsLimit");
    rows.push(Measured::of(
        "setTotalInvestorsLimit (configuration facet)",
        &r,
    ));

    // Review F-09: a snapshot's checkpoints, in slots reserved ahead (one
    // per wallet at addWallet) and, after a second snapshot, in fresh ones.
    let issuer = s.issuer;
    let r = ok(
        s.send(issuer, token, &ITokenSnapshots::snapshotCall {}),
        "snapshot",
    );
    rows.push(Measured::of("snapshot (issuer)", &r));
    let r = ok(s.transfer(us1, us2, 100), "transfer after a snapshot");
    rows.push(Measured::of(
        "after a snapshot: transfer, slots reserved (US->US)",
        &r,
    ));
    s.advance(3_600);
    ok(
        s.send(issuer, token, &ITokenSnapshots::snapshotCall {}),
        "snapshot",
    );
    let r = ok(
        s.transfer(us1, us2, 100),
        "transfer after a second snapshot",
    );
    rows.push(Measured::of(
        "after a snapshot: transfer, no slot reserved (US->US)",
        &r,
    ));
    let reserve = ITokenSnapshots::reserveCheckpointsCall {
        wallets: vec![us1, us2],
        count: u(1),
    };
    let r = ok(s.send(issuer, token, &reserve), "reserveCheckpoints");
    rows.push(Measured::of("reserveCheckpoints (2 wallets x 1 slot)", &r));
    rows.extend(dvp_rows(&mut s, us1, us2));
    let (aux, aux_programs) = aux_rows(&mut s, us1);
    rows.extend(aux);
    programs.extend(aux_programs);
    let (sub, app) = subscription_rows(&mut s, us2);
    rows.extend(sub);
    programs.push(("subscription", app));
    let (red, app) = redemption_rows(&mut s, us2);
    rows.extend(red);
    programs.push(("redemption", app));
    let programs = programs
        .into_iter()
        .map(|(name, at)| ProgramFigures::of(&s.net, name, at))
        .collect();
    (rows, programs)
}

/// The DvP app (uncached): an offer from `seller` to `buyer` (existing
/// holders) with an exchange fee, and its settlement (payment in two legs,
/// delivery under the token's transfer check).
fn dvp_rows(s: &mut Suite, seller: Address, buyer: Address) -> Vec<Measured> {
    let (app, pay) = apps::deploy_dvp(s);
    let (issuer, token, exchange) = (s.issuer, s.token(), s.exchange);
    let fund = IPaymentToken::transferCall {
        to: buyer,
        value: u(10_000),
    };
    ok(s.send(issuer, pay, &fund), "fund the buyer");
    let approve = IPaymentToken::approveCall {
        spender: app,
        value: u(10_000),
    };
    ok(s.send(buyer, pay, &approve), "buyer approves the app");
    let approve = IDSToken::approveCall {
        spender: app,
        value: u(100),
    };
    ok(s.send(seller, token, &approve), "seller approves the app");
    let offer = IDvP::createOfferCall {
        buyer,
        amount: u(100),
        payment_token: pay,
        price: u(5_000),
        expiry: s.now() + 3_600,
        matcher: exchange,
        fee: u(50),
    };
    let created = ok(s.send(seller, app, &offer), "createOffer");
    let id = created
        .decode::<IDvP::createOfferCall>()
        .expect("an offer id");
    let taken = ok(
        s.send(buyer, app, &IDvP::takeOfferCall { offer_id: id }),
        "takeOffer",
    );
    vec![
        Measured::of("DvP createOffer (app)", &created),
        Measured::of("DvP takeOffer: fee + payment + delivery", &taken),
    ]
}

/// DS v4's auxiliary services (uncached): the token issuer registering and
/// issuing with a lock, a bulk issuance of 10, and a relayed issuance an
/// issuer signed (EIP-712, ecrecover).
fn aux_rows(s: &mut Suite, holder: Address) -> (Vec<Measured>, Vec<(&'static str, Address)>) {
    let aux = apps::deploy_aux_services(s);
    let (issuer, now) = (s.issuer, s.now());
    let wallet = s.wallet("aux-new");
    let register_and_issue = ITokenIssuer::issueTokensCall {
        id: "aux-new".into(),
        to: wallet,
        issuance_values: vec![u(1_000), u(now)],
        reason: "subscription".into(),
        locks_values: vec![u(500)],
        lock_release_times: vec![now + 86_400],
        collision_hash: "hash:aux-new".into(),
        country: "US".into(),
        attribute_values: vec![u(1); 3],
        attribute_expirations: vec![u(0); 3],
    };
    let issued = ok(
        s.send(issuer, aux.token_issuer, &register_and_issue),
        "TokenIssuer issueTokens",
    );
    let bulk = IBulkOperator::bulkIssuanceCall {
        addresses: vec![holder; 10],
        values: vec![u(10); 10],
        issuance_time: u(now),
    };
    let bulked = ok(s.send(issuer, aux.bulk_operator, &bulk), "bulkIssuance");
    let relayed = apps::pre_approved_issuance(s, aux.relayer, holder, "us-1");
    let relayed = ok(
        s.net
            .send(issuer, aux.relayer, &relayed, alloy_primitives::U256::ZERO),
        "executePreApprovedTransaction",
    );
    let rows = vec![
        Measured::of("TokenIssuer issueTokens: register + issue + lock", &issued),
        Measured::of("BulkOperator bulkIssuance (10 issuances)", &bulked),
        Measured::of("TransactionRelayer: relayed issueTokens", &relayed),
    ];
    let programs = vec![
        ("token_issuer", aux.token_issuer),
        ("wallet_registrar", aux.wallet_registrar),
        ("bulk_operator", aux.bulk_operator),
        ("transaction_relayer", aux.relayer),
        ("rebasing_provider", aux.rebasing),
    ];
    (rows, programs)
}

/// The subscription app (uncached): a subscription issued at once (payment
/// to the treasury, issuance with a lock), one held to the close, and its
/// claim after the close.
fn subscription_rows(s: &mut Suite, investor: Address) -> (Vec<Measured>, Address) {
    let (app, pay) = apps::deploy_subscription(s);
    let (issuer, treasury) = (s.issuer, s.wallet("bench treasury"));
    let fund = IPaymentToken::transferCall {
        to: investor,
        value: u(1_000_000),
    };
    ok(s.send(issuer, pay, &fund), "fund the investor");
    let approve = IPaymentToken::approveCall {
        spender: app,
        value: u(1_000_000),
    };
    ok(s.send(investor, pay, &approve), "investor approves the app");
    let mut at_once = apps::round_terms(s, pay, treasury, 100, 1_000, false);
    at_once.lock_until = s.now() + 86_400;
    ok(s.send(issuer, app, &at_once), "round at once");
    let at_close = apps::round_terms(s, pay, treasury, 100, 10, true);
    ok(s.send(issuer, app, &at_close), "round at the close");
    let subscribe = |round: u64| ISubscription::subscribeCall {
        round_id: u(round),
        amount: u(10),
    };
    let issued = ok(s.send(investor, app, &subscribe(1)), "subscribe at once");
    let held = ok(
        s.send(investor, app, &subscribe(2)),
        "subscribe at the close",
    );
    let close = ISubscription::closeRoundCall { round_id: u(2) };
    let closed = ok(s.send(issuer, app, &close), "close (sold out)");
    let claim = ISubscription::claimCall { round_id: u(2) };
    let claimed = ok(s.send(investor, app, &claim), "claim");
    let rows = vec![
        Measured::of("Subscription subscribe: pay + issue locked", &issued),
        Measured::of("Subscription subscribe: payment held", &held),
        Measured::of("Subscription closeRound: pay the treasury", &closed),
        Measured::of("Subscription claim: issue", &claimed),
    ];
    (rows, app)
}

/// The redemption app (uncached): a request (checks the holder's
/// balance, frozen and locked tokens), the issuer's funding, and one
/// settlement (burn under the token's Compliance record, payment).
fn redemption_rows(s: &mut Suite, holder: Address) -> (Vec<Measured>, Address) {
    let (app, pay) = apps::deploy_redemption(s);
    let (issuer, ta) = (s.issuer, s.transfer_agent);
    let approve = IPaymentToken::approveCall {
        spender: app,
        value: alloy_primitives::U256::MAX,
    };
    ok(s.send(issuer, pay, &approve), "issuer approves the app");
    let window = apps::redemption_window(s, pay, 100, false);
    let opened = ok(s.send(issuer, app, &window), "open a window");
    let request = IRedemption::requestRedemptionCall {
        window_id: u(1),
        amount: u(10),
    };
    let requested = ok(s.send(holder, app, &request), "request");
    let fund = IRedemption::fundRedemptionsCall {
        window_id: u(1),
        amount: u(1_000),
    };
    let funded = ok(s.send(issuer, app, &fund), "fund");
    let settle = IRedemption::settleRedemptionsCall {
        window_id: u(1),
        max_requests: u(1),
    };
    let settled = ok(s.send(ta, app, &settle), "settle");
    let rows = vec![
        Measured::of("Redemption openRedemptionWindow", &opened),
        Measured::of("Redemption requestRedemption", &requested),
        Measured::of("Redemption fundRedemptions", &funded),
        Measured::of("Redemption settleRedemptions: burn + pay 1", &settled),
    ];
    (rows, app)
}

/// The calibration ERC-20: a transfer to a fresh holder, then to the same one.
fn erc20_rows() -> Vec<Measured> {
    let holder = Devnet::account("erc20 holder");
    let fresh = Devnet::account("erc20 fresh");
    let mut net = Devnet::new();
    let token = net
        .deploy_direct(&wasm("erc20_min"), holder, &u(1_000_000).abi_encode())
        .unwrap_or_else(|r| panic!("erc20_min constructor: {}", r.outcome()));
    let call = IErc20Min::transferCall {
        to: fresh,
        value: u(100),
    };
    let first = ok(net.send_sol(holder, token, &call), "erc20 transfer");
    let second = ok(net.send_sol(holder, token, &call), "erc20 transfer");
    vec![
        Measured::of("ERC-20 (erc20_min) transfer, new holder", &first),
        Measured::of("ERC-20 (erc20_min) transfer, existing holder", &second),
    ]
}

fn verdict(actual: u64, target: u64) -> &'static str {
    if actual <= target {
        "met"
    } else {
        "MISSED"
    }
}

fn main() {
    let (ds, programs) = ds_rows();
    let erc20 = erc20_rows();
    println!("DS token gas bench on the local Stylus devnet (real artifacts, nitro's gas model)");
    println!("Regulated rules: US/FR/DE/JP statuses, investor limits, max holding, cap.");
    println!(
        "L2 gas, 21,000 intrinsic included, L1 poster gas apart (0 on the devnet). \
         \"as charged\": the token and Compliance cached, the other programs not (the mixed case); \
         \"uncached\" / \"cached\": the same run priced with no program / every program cached.\n"
    );
    let rows: Vec<Measured> = ds.iter().chain(&erc20).cloned().collect();
    print!("{}", report::table(&rows));
    println!("\nSplit of the gas as charged:\n");
    print!("{}", report::split_table(&rows));

    println!("\nPrograms (deployed code with its 4-byte prefix; limit 24,576, budget 22,118):\n");
    let cells: Vec<Vec<String>> = programs
        .iter()
        .map(|p| {
            vec![
                p.name.to_string(),
                thousands(p.code_len as u64),
                match 22_118u64.checked_sub(p.code_len as u64) {
                    Some(spare) => thousands(spare),
                    None => format!("over by {}", thousands(p.code_len as u64 - 22_118)),
                },
                thousands(p.wasm_len),
                p.funcs.to_string(),
                thousands(p.init_cost),
                thousands(p.cached_init_cost),
                thousands(p.entry_uncached),
                thousands(p.entry_cached),
                if p.cached { "yes" } else { "no" }.to_string(),
            ]
        })
        .collect();
    print!(
        "{}",
        report::markdown(
            &[
                "program",
                "code bytes",
                "spare to 90%",
                "wasm bytes",
                "funcs",
                "init_cost",
                "cached_init_cost",
                "entry uncached",
                "entry cached",
                "cached in bench",
            ],
            &cells
        )
    );

    let worst = |label: &str, gas: fn(&Measured) -> u64| {
        ds.iter()
            .filter(|r| r.label.starts_with(label))
            .map(gas)
            .max()
            .unwrap_or(0)
    };
    println!("\nArchitecture targets (worst case of the rows above):");
    for (what, label, (cached_target, uncached_target)) in [
        (
            "existing holder",
            "transfer to existing holder",
            TARGET_EXISTING_HOLDER,
        ),
        ("new holder", "transfer to new holder", TARGET_NEW_HOLDER),
    ] {
        let charged = worst(label, |r| r.gas);
        let uncached = worst(label, |r| r.gas_uncached);
        println!(
            "  transfer to a {what:<15} token+Compliance cached {:>7} <= {:>7} {:<6}  nothing cached {:>7} <= {:>7} {}",
            thousands(charged),
            thousands(cached_target),
            verdict(charged, cached_target),
            thousands(uncached),
            thousands(uncached_target),
            verdict(uncached, uncached_target)
        );
    }

    println!("\nCalibration (erc20_min transfer to a new holder, nothing cached):");
    println!(
        "  devnet {}   nitro's rules, expected ~{}   published Stylus ERC-20 on Arbitrum One {}",
        thousands(erc20[0].gas_uncached),
        thousands(NITRO_EXPECTED_ERC20_TRANSFER),
        thousands(PUBLIC_STYLUS_ERC20_TRANSFER)
    );
    println!(
        "  (the published figure is for another program and likely includes L1 poster gas, \
         which the devnet reports apart)"
    );
}
