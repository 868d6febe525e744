//! The main job: one issuance told step by step on the local Stylus devnet,
//! running the real contract artifacts (`target/stylus/*.wasm`). Each step
//! prints its result (the DS reason code and string of a refusal) and its
//! gas; a table of the costs closes the run.

use ds_e2e::{
    abi::{
        IBulkOperator, IComms, ICompliance, IDSToken, IDvP, IPaymentToken, IRedemption,
        ISubscription, ITokenIssuer,
    },
    apps,
    ids::{attribute::ACCREDITED, attribute::QUALIFIED, region, uint_rule},
    investor_key, regulated_rules,
    report::{self, thousands, Measured},
    u, Address, Receipt, ReceiptExt, Suite, B256, COUNTRIES, U256,
};

/// The narrator: prints steps and keeps the measured ones for the table.
struct Story {
    step: usize,
    rows: Vec<Measured>,
}

impl Story {
    fn chapter(&mut self, title: &str) {
        println!("\n== {title}");
    }

    /// Prints one step and its outcome; with `row`, keeps it for the table.
    fn step(&mut self, what: &str, receipt: &Receipt, row: Option<&str>) {
        self.step += 1;
        println!(
            "  [{:>2}] {what:<55} {:>9} / {:>7} gas  {}",
            self.step,
            thousands(receipt.gas.total_uncached),
            thousands(receipt.gas.total_cached),
            receipt.outcome(),
        );
        if let Some(label) = row {
            self.rows.push(Measured::of(label, receipt));
        }
    }

    fn note(&self, text: &str) {
        println!("       {text}");
    }
}

fn main() {
    let mut story = Story {
        step: 0,
        rows: Vec::new(),
    };
    println!(
        "DS protocol on Arbitrum Stylus: one issuance on the local devnet (real Wasm artifacts)"
    );
    println!(
        "Each step: what | L2 gas with no program / every program cached (nitro's gas model, \
         intrinsic 21,000 included) | result"
    );
    story.chapter("Deployment: Stylus programs wired through the DS service registry");
    let mut s = Suite::new();
    for (name, address) in [
        ("Trust", s.trust),
        ("Registry", s.registry),
        ("  admin facet", s.registry_admin),
        ("Compliance", s.compliance),
        ("  views facet", s.compliance_views),
        ("  admin facet", s.compliance_admin),
        ("  configuration facet", s.compliance_config),
        ("  hooks facet", s.compliance_hooks),
        ("Comms", s.comms),
        ("DS token", s.token()),
    ] {
        story.note(&format!("{name:<14} {address}"));
    }
    if let Some(admin) = s.token_admin() {
        story.note(&format!("{:<14} {admin}", "  admin facet"));
    }
    if let Some(control) = s.token_control() {
        story.note(&format!("{:<14} {control}", "  control facet"));
    }
    story.note(&format!(
        "{} setDSService entries; roles: issuer {}, transfer agent {}, exchange {}",
        s.wiring().len(),
        s.issuer,
        s.transfer_agent,
        s.exchange
    ));

    story.chapter("Compliance configuration (transfer agent)");
    for (country, status) in COUNTRIES {
        let call = ICompliance::setCountryComplianceCall {
            country: country.into(),
            value: u(status.into()),
        };
        let r = s.must(s.transfer_agent, s.compliance, &call);
        let name = match status {
            region::US => "US",
            region::EU => "EU",
            region::JP => "JP",
            _ => "FORBIDDEN",
        };
        story.step(
            &format!("setCountryCompliance({country}, {name})"),
            &r,
            None,
        );
    }
    let r = s.set_rules(&regulated_rules());
    story.step(
        "setAll: 100 investors (50 US), EU/JP limits, max holding, cap",
        &r,
        Some("setAll (16 + 5 rules)"),
    );

    story.chapter("Investors (issuer, Registry updateInvestor)");
    let register = |s: &mut Suite, story: &mut Story, id: &str, country: &str, attrs: &[u8]| {
        let wallet = s.wallet(id);
        let r = s.investor(id, country, &[wallet], attrs);
        let label = (id == "alice-us").then_some("register investor + wallet");
        story.step(&format!("register {id} ({country})"), &r, label);
        wallet
    };
    let alice = register(&mut s, &mut story, "alice-us", "US", &[ACCREDITED]);
    let bob = register(&mut s, &mut story, "bob-us", "US", &[]);
    let claire = register(&mut s, &mut story, "claire-fr", "FR", &[]);
    let dieter = register(&mut s, &mut story, "dieter-de", "DE", &[QUALIFIED]);
    let kenji = register(&mut s, &mut story, "kenji-jp", "JP", &[]);
    let kim = register(&mut s, &mut story, "kim-kp", "KP", &[]);
    let vault = s.wallet("issuer vault");
    let r = s.add_issuer_wallet(vault);
    story.step("issuer vault registered as an issuer wallet", &r, None);

    story.chapter("Issuance (issuer)");
    let r = s.issue(alice, 10_000).expect_ok("issue to alice");
    story.step(
        "issue 10,000 to alice (new investor)",
        &r,
        Some("issue to a new investor"),
    );
    let r = s.issue(alice, 1_000).expect_ok("issue to alice");
    story.step(
        "issue 1,000 more to alice",
        &r,
        Some("issue to an existing investor"),
    );
    let release = s.now() + 30 * 86_400;
    let r = s
        .issue_locked(claire, 5_000, 4_000, release)
        .expect_ok("issue to claire");
    story.step(
        "issue 5,000 to claire, 4,000 locked 30 days",
        &r,
        Some("issue with a lock"),
    );
    let r = s.issue(kenji, 2_000).expect_ok("issue to kenji");
    story.step("issue 2,000 to kenji", &r, None);
    let r = s.issue(kim, 100);
    story.step("issue 100 to kim (KP is forbidden)", &r, None);
    let counts = s.counts();
    story.note(&format!(
        "supply {}, investors {} (US {}, accredited {}, JP {})",
        s.total_supply(),
        counts.total,
        counts.us,
        counts.accredited,
        counts.jp
    ));

    story.chapter("Secondary market: the exchange checks, investors transfer");
    let check = |s: &mut Suite, story: &mut Story, from, to, value, what: &str| {
        let call = IDSToken::preTransferCheckCall {
            from,
            to,
            value: u(value),
        };
        let token = s.token();
        let r = s.net.call(
            s.exchange,
            token,
            &alloy_sol_types::SolCall::abi_encode(&call),
        );
        let (code, reason) = s.token_check(from, to, value);
        story.step(
            &format!("{what}: preTransferCheck -> {code} \"{reason}\""),
            &r,
            None,
        );
        r
    };
    let r = check(
        &mut s,
        &mut story,
        alice,
        dieter,
        500,
        "alice -> dieter 500",
    );
    story
        .rows
        .push(Measured::of("preTransferCheck (token, view)", &r));
    let r = s.transfer(alice, dieter, 500);
    story.step(
        "alice -> dieter 500 (new holder)",
        &r,
        Some("transfer to a new holder"),
    );
    let r = s.transfer(alice, dieter, 500);
    story.step(
        "alice -> dieter 500 (existing holder)",
        &r,
        Some("transfer to an existing holder"),
    );
    let r = s.transfer(alice, bob, 2_000);
    story.step("alice -> bob 2,000 (US to US)", &r, None);

    story.chapter("Refusals: the DS reason code and string are the revert data");
    let stranger = s.wallet("stranger");
    let until = s.now() + 365 * 86_400;
    let r = s.set_uint_rule(uint_rule::BLOCK_FLOWBACK_END_TIME, until);
    story.step(
        "transfer agent blocks flowback (EU -> US) for a year",
        &r,
        None,
    );
    let refusals: [(&str, Address, Address, u64); 4] = [
        ("claire -> bob 100 (EU to US: flowback)", claire, bob, 100),
        (
            "claire -> dieter 2,000 (4,000 of 5,000 locked)",
            claire,
            dieter,
            2_000,
        ),
        (
            "alice -> stranger 10 (not in the registry)",
            alice,
            stranger,
            10,
        ),
        ("alice -> kim 10 (forbidden country)", alice, kim, 10),
    ];
    for (what, from, to, value) in refusals {
        let r = s.transfer(from, to, value);
        let label = (from == claire && to == dieter).then_some("refused transfer (code 16)");
        story.step(what, &r, label);
    }
    let _ = check(
        &mut s,
        &mut story,
        alice,
        stranger,
        10,
        "alice -> stranger 10",
    );
    let r = s.transfer(bob, alice, 1_000_000);
    story.step("bob -> alice 1,000,000 (more than bob holds)", &r, None);

    story.chapter("Pause (transfer agent)");
    let r = s.pause();
    story.step("pause", &r, Some("pause"));
    let r = s.transfer(alice, dieter, 10);
    story.step("alice -> dieter 10 while paused", &r, None);
    let r = s.unpause();
    story.step("unpause", &r, None);
    let r = s.transfer(alice, dieter, 10);
    story.step("alice -> dieter 10 after unpause", &r, None);

    story.chapter("Time: the lock on claire's tokens expires");
    let days = 30;
    s.advance(days * 86_400);
    story.note(&format!("{days} days later"));
    let r = s.transfer(claire, dieter, 2_000);
    story.step("claire -> dieter 2,000", &r, None);

    story.chapter("Enforcement: seize and burn");
    let call = IDSToken::seizeCall {
        from: kenji,
        to: vault,
        value: u(500),
        reason: "court order 2026-117".into(),
    };
    let token = s.token();
    let r = s.must(s.transfer_agent, token, &call);
    story.step(
        "transfer agent seizes 500 of kenji's into the vault",
        &r,
        Some("seize"),
    );
    let call = IDSToken::seizeCall {
        from: kenji,
        to: bob,
        value: u(1),
        reason: "misdirected".into(),
    };
    let r = s.send(s.transfer_agent, token, &call);
    story.step("seize into an investor wallet", &r, None);
    let call = IDSToken::burnCall {
        who: vault,
        value: u(500),
        reason: "cancelled shares".into(),
    };
    let r = s.must(s.issuer, token, &call);
    story.step("issuer burns the 500 seized", &r, Some("burn"));

    story.chapter("Comms: a dividend notice, acknowledged by investors");
    let call = IComms::publishNoticeCall {
        category: 2,
        content_hash: B256::repeat_byte(0x42),
        uri: "ipfs://dividend-notice-2026".into(),
        target_kind: 0,
        target: B256::ZERO,
        deadline: s.now() + 14 * 86_400,
    };
    let r = s.must(s.issuer, s.comms, &call);
    let id = r.decode::<IComms::publishNoticeCall>().expect("notice id");
    story.step(
        &format!("issuer publishes notice {id}"),
        &r,
        Some("publish a notice"),
    );
    for (name, wallet) in [("alice", alice), ("dieter", dieter)] {
        let call = IComms::acknowledgeNoticeCall { notice_id: id };
        let r = s.must(wallet, s.comms, &call);
        let label = (name == "alice").then_some("acknowledge a notice");
        story.step(&format!("{name} acknowledges"), &r, label);
    }
    let r = s.send(
        alice,
        s.comms,
        &IComms::acknowledgeNoticeCall { notice_id: id },
    );
    story.step("alice acknowledges again", &r, None);
    let at = s.view(
        s.comms,
        &IComms::acknowledgedAtCall {
            notice_id: id,
            investor_key: investor_key("dieter-de"),
        },
    );
    story.note(&format!("dieter acknowledged at t={at}"));

    story.chapter("Atomic DvP: alice sells to bob against a stablecoin, both legs or neither");
    let (dvp, usd) = ds_e2e::apps::deploy_dvp(&mut s);
    let issuer = s.issuer;
    for (who, amount) in [(bob, 50_000u64), (kim, 5_000)] {
        s.must(
            issuer,
            usd,
            &IPaymentToken::transferCall {
                to: who,
                value: u(amount),
            },
        );
        s.must(
            who,
            usd,
            &IPaymentToken::approveCall {
                spender: dvp,
                value: u(amount),
            },
        );
    }
    let token = s.token();
    s.must(
        alice,
        token,
        &IDSToken::approveCall {
            spender: dvp,
            value: u(110),
        },
    );
    let expiry = s.now() + 86_400;
    let offer = |buyer: Address, amount: u64, price: u64, matcher: Address, fee: u64| {
        IDvP::createOfferCall {
            buyer,
            amount: u(amount),
            payment_token: usd,
            price: u(price),
            expiry,
            matcher,
            fee: u(fee),
        }
    };
    let exchange = s.exchange;
    let r = s.must(alice, dvp, &offer(bob, 100, 25_000, exchange, 250));
    let id = r.decode::<IDvP::createOfferCall>().expect("an offer id");
    story.step(
        &format!("alice offers bob 100 for 25,000 USD, exchange fee 250 (offer {id})"),
        &r,
        Some("DvP: create an offer"),
    );
    let r = s.must(bob, dvp, &IDvP::takeOfferCall { offer_id: id });
    story.step(
        "bob takes it: 24,750 to alice, 250 to the exchange, 100 to bob",
        &r,
        Some("DvP: take an offer (both legs)"),
    );
    let r = s.must(
        alice,
        dvp,
        &offer(Address::ZERO, 10, 2_500, Address::ZERO, 0),
    );
    let open = r.decode::<IDvP::createOfferCall>().expect("an offer id");
    story.step(
        &format!("alice offers 10 to anyone (offer {open})"),
        &r,
        None,
    );
    let r = s.send(kim, dvp, &IDvP::takeOfferCall { offer_id: open });
    story.step("kim (KP) takes it: refused, nothing moves", &r, None);
    let usd_of =
        |s: &mut Suite, who: Address| s.view(usd, &IPaymentToken::balanceOfCall { owner: who });
    story.note(&format!(
        "USD: alice {}, bob {}, exchange {}, kim {}",
        usd_of(&mut s, alice),
        usd_of(&mut s, bob),
        usd_of(&mut s, exchange),
        usd_of(&mut s, kim)
    ));

    story.chapter("DS v4 issuance services: one-call onboarding, batches, a signed call");
    let aux = apps::deploy_aux_services(&mut s);
    story
        .note("token issuer, wallet registrar, bulk operator and relayer deployed, each an ISSUER");
    let now = s.now();
    let lena = s.wallet("lena");
    let onboard = ITokenIssuer::issueTokensCall {
        id: "lena".into(),
        to: lena,
        issuance_values: vec![u(300), u(now)],
        reason: "primary subscription".into(),
        locks_values: vec![u(100)],
        lock_release_times: vec![now + 30 * 86_400],
        collision_hash: "hash:lena".into(),
        country: "US".into(),
        attribute_values: vec![u(1); 3],
        attribute_expirations: vec![u(0); 3],
    };
    let r = s.send(issuer, aux.token_issuer, &onboard);
    story.step(
        "token issuer: register lena (US, KYC/accredited/qualified), issue 300, lock 100",
        &r,
        Some("issueTokens via the token issuer"),
    );
    let r = s.send(
        issuer,
        aux.bulk_operator,
        &IBulkOperator::bulkIssuanceCall {
            addresses: vec![alice, bob, lena],
            values: vec![u(10), u(10), u(10)],
            issuance_time: u(now),
        },
    );
    story.step(
        "bulk operator: issue 10 each to alice, bob, lena",
        &r,
        Some("bulkIssuance (3)"),
    );
    let relayed = apps::pre_approved_issuance(&mut s, aux.relayer, lena, "lena");
    let r = s.net.send(kim, aux.relayer, &relayed, U256::ZERO);
    story.step(
        "relayer: kim submits an issuance an issuer signed (EIP-712) for lena",
        &r,
        Some("executePreApprovedTransaction"),
    );
    let r = s.net.send(kim, aux.relayer, &relayed, U256::ZERO);
    story.step(
        "relayer: the same signed call again: refused (nonce used)",
        &r,
        None,
    );

    story.chapter("Primary subscription: a round paid in USD, issued at the close");
    let (sub, usd2) = apps::deploy_subscription(&mut s);
    let treasury = s.wallet("issuer treasury");
    let fund = IPaymentToken::transferCall {
        to: lena,
        value: u(1_000_000),
    };
    s.must(issuer, usd2, &fund);
    let approve = IPaymentToken::approveCall {
        spender: sub,
        value: u(1_000_000),
    };
    s.must(lena, usd2, &approve);
    let mut terms = apps::round_terms(&s, usd2, treasury, 1_000, 500, true);
    terms.soft_cap = u(100);
    let r = s.send(issuer, sub, &terms);
    story.step(
        "issuer opens round 1: 500 tokens at 1,000 USD units, soft cap 100",
        &r,
        Some("createRound"),
    );
    let subscribe = ISubscription::subscribeCall {
        round_id: u(1),
        amount: u(200),
    };
    let r = s.send(lena, sub, &subscribe);
    story.step(
        "lena subscribes 200 (paid, held by the app)",
        &r,
        Some("subscribe (held)"),
    );
    let r = s.send(kim, sub, &subscribe);
    story.step("kim (KP) subscribes: refused before paying", &r, None);
    s.advance(86_400);
    let r = s.send(
        issuer,
        sub,
        &ISubscription::closeRoundCall { round_id: u(1) },
    );
    story.step(
        "issuer closes the round: above the soft cap, treasury paid",
        &r,
        Some("closeRound"),
    );
    let r = s.send(lena, sub, &ISubscription::claimCall { round_id: u(1) });
    story.step("lena claims her 200 tokens", &r, Some("claim"));

    story.chapter("Redemption: the issuer buys back, the queue settled in order");
    let (red, usd3) = apps::deploy_redemption(&mut s);
    let ta = s.transfer_agent;
    let approve = IPaymentToken::approveCall {
        spender: red,
        value: U256::MAX,
    };
    s.must(issuer, usd3, &approve);
    let window = apps::redemption_window(&s, usd3, 1_100, false);
    let r = s.send(issuer, red, &window);
    story.step(
        "issuer opens redemption window 1 at 1,100 USD units",
        &r,
        Some("openRedemptionWindow"),
    );
    let request = |amount| IRedemption::requestRedemptionCall {
        window_id: u(1),
        amount: u(amount),
    };
    let r = s.send(lena, red, &request(120));
    story.step("lena asks to redeem 120", &r, Some("requestRedemption"));
    let r = s.send(lena, red, &request(80));
    story.step("lena asks to redeem 80 more (queued second)", &r, None);
    let r = s.send(lena, red, &request(1_000));
    story.step(
        "lena asks for 1,000 more: refused (more than she holds)",
        &r,
        None,
    );
    let fund = |amount| IRedemption::fundRedemptionsCall {
        window_id: u(1),
        amount: u(amount),
    };
    let r = s.send(issuer, red, &fund(150 * 1_100));
    story.step(
        "issuer funds the window for 150 tokens",
        &r,
        Some("fundRedemptions"),
    );
    let settle = IRedemption::settleRedemptionsCall {
        window_id: u(1),
        max_requests: u(10),
    };
    let r = s.send(ta, red, &settle);
    story.step(
        "transfer agent settles: 120 burnt and paid, 30 of the 80",
        &r,
        Some("settleRedemptions (2 requests)"),
    );
    s.must(issuer, red, &fund(50 * 1_100));
    let r = s.send(ta, red, &settle);
    story.step(
        "funded again: the other 50 of the second request settle",
        &r,
        None,
    );
    story.note(&format!(
        "lena: {} tokens, {} USD units",
        s.balance(lena),
        s.view(usd3, &IPaymentToken::balanceOfCall { owner: lena })
    ));

    story.chapter("Final state");
    for (name, wallet) in [
        ("alice", alice),
        ("bob", bob),
        ("claire", claire),
        ("dieter", dieter),
        ("kenji", kenji),
        ("lena", lena),
        ("vault", vault),
    ] {
        story.note(&format!("{name:<7} {:>6}", s.balance(wallet).to_string()));
    }
    let counts = s.counts();
    let issued = s.view(token, &IDSToken::totalIssuedCall {});
    story.note(&format!(
        "supply {} (issued {issued}); investors {} (US {}, US accredited {}, JP {})",
        s.total_supply(),
        counts.total,
        counts.us,
        counts.us_accredited,
        counts.jp
    ));

    println!(
        "\nGas (nitro's gas model on the devnet; intrinsic 21,000 included; no program is \
         cached in the demo, so \"as charged\" is uncached; \"cached\": priced with every \
         program cached)\n"
    );
    print!("{}", report::table(&story.rows));
}
