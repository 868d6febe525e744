//! The subscription app (issue 18, item 1) on the devnet with the real
//! Wasm: rounds issued at once or at the close, fixed or NAV prices, caps,
//! refunds by pull, DS codes from `preIssuanceCheck`, odd payment tokens,
//! and the accounting invariant (paid in = paid out + held).

use alloy_sol_types::SolValue;
use ds_e2e::{
    abi::{
        HardCapExceeded, INavProvider, IPaymentToken, ISubscription, InvalidRoundTerms, Issue,
        NotAnInvestor, NothingOwed, Refunded, RoundClosed, RoundNotEnded, RoundNotOpen,
        RoundNotSettled, Subscribed, SubscriptionOutOfBounds, UnauthorizedCaller, UnknownRound,
        ZeroAddress,
    },
    apps::{deploy_nav_provider, deploy_subscription, round_terms},
    ids::{attribute, region, role, round_status},
    investor_key, u, Address, ReceiptExt, Suite, U256,
};

/// Payment units (6 decimals) per whole DS token (0 decimals): 0.025.
const PRICE: u64 = 25_000;

struct Sale {
    s: Suite,
    app: Address,
    pay: Address,
    treasury: Address,
    a: Address,
    b: Address,
}

/// A suite with two US investors, each holding 4,000,000 payment units
/// and having approved the app for all of them.
fn sale() -> Sale {
    let mut s = Suite::new();
    s.set_countries(&[("US", region::US), ("KP", region::FORBIDDEN)]);
    let (app, pay) = deploy_subscription(&mut s);
    let treasury = s.wallet("treasury");
    let a = s.new_investor("sub-a", "US", &[attribute::KYC_APPROVED]);
    let b = s.new_investor("sub-b", "US", &[attribute::KYC_APPROVED]);
    let issuer = s.issuer;
    for who in [a, b] {
        s.must(
            issuer,
            pay,
            &IPaymentToken::transferCall {
                to: who,
                value: u(4_000_000),
            },
        );
        s.must(
            who,
            pay,
            &IPaymentToken::approveCall {
                spender: app,
                value: u(4_000_000),
            },
        );
    }
    Sale {
        s,
        app,
        pay,
        treasury,
        a,
        b,
    }
}

impl Sale {
    fn open(&mut self, call: &ISubscription::createRoundCall) -> U256 {
        let issuer = self.s.issuer;
        let r = self.s.must(issuer, self.app, call);
        ISubscription::createRoundCall::abi_decode_returns(&r.output).expect("a round id")
    }

    fn paid(&mut self, who: Address) -> U256 {
        self.s
            .view(self.pay, &IPaymentToken::balanceOfCall { owner: who })
    }

    fn subscribe(&mut self, who: Address, round: U256, amount: u64) -> ds_e2e::Receipt {
        self.s.send(
            who,
            self.app,
            &ISubscription::subscribeCall {
                round_id: round,
                amount: u(amount),
            },
        )
    }

    fn round(&mut self, id: U256) -> ISubscription::getRoundReturn {
        self.s
            .view(self.app, &ISubscription::getRoundCall { round_id: id })
    }
}

use alloy_sol_types::SolCall;

#[test]
fn an_at_once_round_issues_locked_tokens_and_pays_the_treasury() {
    let mut t = sale();
    let (a, b, treasury) = (t.a, t.b, t.treasury);
    let mut terms = round_terms(&t.s, t.pay, treasury, PRICE, 1_000, false);
    terms.lock_until = t.s.now() + 3_600;
    let id = t.open(&terms);
    let r = t.subscribe(a, id, 100).expect_ok("subscribe");
    let sub = &r.events::<Subscribed>()[0];
    assert_eq!(
        (
            sub.roundId,
            sub.wallet,
            sub.investorKey,
            sub.amount,
            sub.cost
        ),
        (id, a, investor_key("sub-a"), u(100), u(2_500_000))
    );
    assert_eq!(r.events::<Issue>()[0].value, u(100));
    assert_eq!(t.s.balance(a), u(100));
    assert_eq!(t.paid(treasury), u(2_500_000));
    assert_eq!(t.paid(t.app), U256::ZERO, "nothing held");
    // the whole subscription is locked until the round's lock time
    t.s.expect_refused(a, b, 1, 16);
    t.s.advance(3_601);
    t.s.expect_transfer(a, b, 1);
    let round = t.round(id);
    assert_eq!((round._12, round._13), (round_status::OPEN, u(100)));
}

#[test]
fn refusals_name_their_cause_and_take_nothing() {
    let mut t = sale();
    let (a, exchange) = (t.a, t.s.exchange);
    let mut terms = round_terms(&t.s, t.pay, t.treasury, PRICE, 150, false);
    terms.min_per_investor = u(10);
    terms.max_per_investor = u(120);
    let id = t.open(&terms);
    // not an investor
    let nobody = t.s.wallet("sub-nobody");
    assert_eq!(
        t.subscribe(nobody, id, 10).revert_error::<NotAnInvestor>(),
        Some(NotAnInvestor { wallet: nobody })
    );
    // an investor compliance refuses (forbidden country): the DS code
    let kp = t.s.new_investor("sub-kp", "KP", &[attribute::KYC_APPROVED]);
    let r = t.subscribe(kp, id, 10);
    assert_eq!(
        r.revert_error::<ds_e2e::abi::IssuanceRejected>()
            .map(|e| e.code),
        Some(u(26)),
        "{}",
        r.outcome()
    );
    // bounds and caps
    assert!(t
        .subscribe(a, id, 0)
        .revert_error::<ds_e2e::abi::ZeroAmount>()
        .is_some());
    assert_eq!(
        t.subscribe(a, id, 9)
            .revert_error::<SubscriptionOutOfBounds>(),
        Some(SubscriptionOutOfBounds {
            investorTotal: u(9),
            minPerInvestor: u(10),
            maxPerInvestor: u(120)
        })
    );
    t.subscribe(a, id, 100).expect_ok("100 of 120");
    assert!(t
        .subscribe(a, id, 21)
        .revert_error::<SubscriptionOutOfBounds>()
        .is_some());
    let b = t.b;
    assert_eq!(
        t.subscribe(b, id, 51).revert_error::<HardCapExceeded>(),
        Some(HardCapExceeded {
            sold: u(100),
            amount: u(51),
            hardCap: u(150)
        })
    );
    // an exchange opens nothing
    let r = t.s.send(exchange, t.app, &terms);
    assert_eq!(
        r.revert_error::<UnauthorizedCaller>(),
        Some(UnauthorizedCaller {
            caller: exchange,
            callerRole: role::EXCHANGE
        })
    );
    // after the end
    t.s.advance(86_401);
    assert!(t
        .subscribe(b, id, 10)
        .revert_error::<RoundNotOpen>()
        .is_some());
    assert_eq!(
        t.round(id)._13,
        u(100),
        "sold: the one accepted subscription"
    );
    assert_eq!(t.s.balance(b), U256::ZERO);
}

#[test]
fn round_terms_are_checked_before_anything_is_written() {
    let mut t = sale();
    let (issuer, app) = (t.s.issuer, t.app);
    let good = round_terms(&t.s, t.pay, t.treasury, PRICE, 100, false);
    let mut both = good.clone();
    both.nav = t.s.wallet("a nav");
    let term = |r: ds_e2e::Receipt| r.revert_error::<InvalidRoundTerms>().map(|e| e.term);
    assert_eq!(
        term(t.s.send(issuer, app, &both)),
        Some(1),
        "one price source"
    );
    let mut past = good.clone();
    past.end = t.s.now();
    assert_eq!(
        term(t.s.send(issuer, app, &past)),
        Some(2),
        "a future window"
    );
    let mut soft = good.clone();
    soft.soft_cap = u(1);
    assert_eq!(
        term(t.s.send(issuer, app, &soft)),
        Some(3),
        "a soft cap needs the issuance at the close"
    );
    let mut nowhere = good.clone();
    nowhere.treasury = Address::ZERO;
    assert_eq!(
        t.s.send(issuer, app, &nowhere)
            .revert_error::<ZeroAddress>(),
        Some(ZeroAddress {})
    );
    let none =
        t.s.send(issuer, app, &ISubscription::getRoundCall { round_id: u(1) });
    assert_eq!(
        none.revert_error::<UnknownRound>(),
        Some(UnknownRound { roundId: u(1) }),
        "no round was opened"
    );
}

#[test]
fn an_at_close_round_holds_payments_then_settles_by_pull() {
    let mut t = sale();
    let (a, b, treasury, app, issuer) = (t.a, t.b, t.treasury, t.app, t.s.issuer);
    let mut terms = round_terms(&t.s, t.pay, treasury, PRICE, 300, true);
    terms.soft_cap = u(100);
    let id = t.open(&terms);
    t.subscribe(a, id, 60).expect_ok("a");
    t.subscribe(b, id, 60).expect_ok("b");
    assert_eq!(t.s.balance(a), U256::ZERO, "issued at the close");
    assert_eq!(t.paid(app), u(3_000_000));
    assert_eq!(t.round(id)._14, u(3_000_000), "held");
    let close = ISubscription::closeRoundCall { round_id: id };
    assert_eq!(
        t.s.send(issuer, app, &close)
            .revert_error::<RoundNotEnded>(),
        Some(RoundNotEnded {
            roundId: id,
            end: terms.end
        })
    );
    assert!(t
        .s
        .send(a, app, &ISubscription::claimCall { round_id: id })
        .revert_error::<RoundNotSettled>()
        .is_some());
    t.s.advance(86_400);
    let r = t.s.must(issuer, app, &close);
    let closed = &r.events::<RoundClosed>()[0];
    assert_eq!(
        (closed.status, closed.sold, closed.raised),
        (round_status::SUCCEEDED, u(120), u(3_000_000))
    );
    assert_eq!(t.paid(treasury), u(3_000_000));
    assert_eq!(t.paid(app), U256::ZERO);
    for who in [a, b] {
        t.s.must(who, app, &ISubscription::claimCall { round_id: id });
        assert_eq!(t.s.balance(who), u(60));
    }
    assert_eq!(
        t.s.send(a, app, &ISubscription::claimCall { round_id: id })
            .revert_error::<NothingOwed>(),
        Some(NothingOwed {
            roundId: id,
            wallet: a
        })
    );
    assert!(t
        .s
        .send(a, app, &ISubscription::refundCall { round_id: id })
        .revert_error::<RoundNotSettled>()
        .is_some());
}

#[test]
fn failed_and_cancelled_rounds_refund_each_subscriber_once() {
    let mut t = sale();
    let (a, b, treasury, app, issuer) = (t.a, t.b, t.treasury, t.app, t.s.issuer);
    let before = t.paid(a);
    let mut terms = round_terms(&t.s, t.pay, treasury, PRICE, 300, true);
    terms.soft_cap = u(200);
    let failing = t.open(&terms);
    let cancelled = t.open(&terms);
    t.subscribe(a, failing, 50)
        .expect_ok("a in the failing round");
    t.subscribe(a, cancelled, 10)
        .expect_ok("a in the cancelled round");
    t.subscribe(b, cancelled, 20)
        .expect_ok("b in the cancelled round");
    let r = t.s.must(
        issuer,
        app,
        &ISubscription::cancelRoundCall {
            round_id: cancelled,
        },
    );
    assert_eq!(
        r.events::<ds_e2e::abi::RoundCancelled>()[0].roundId,
        cancelled
    );
    assert!(t
        .subscribe(a, cancelled, 1)
        .revert_error::<RoundNotOpen>()
        .is_some());
    t.s.advance(86_400);
    let r = t.s.must(
        issuer,
        app,
        &ISubscription::closeRoundCall { round_id: failing },
    );
    assert_eq!(r.events::<RoundClosed>()[0].status, round_status::FAILED);
    assert_eq!(t.paid(treasury), U256::ZERO);
    for round in [failing, cancelled] {
        let r =
            t.s.must(a, app, &ISubscription::refundCall { round_id: round });
        assert!(r.events::<Refunded>()[0].amount > U256::ZERO);
        assert!(
            t.s.send(a, app, &ISubscription::refundCall { round_id: round })
                .revert_error::<NothingOwed>()
                .is_some(),
            "refunded once"
        );
    }
    assert_eq!(t.paid(a), before, "a has all its payments back");
    // paid in = paid out + held: b's payment is all the app still holds
    assert_eq!(t.paid(app), u(500_000));
    assert_eq!(t.round(cancelled)._14, u(500_000));
    t.s.must(
        b,
        app,
        &ISubscription::refundCall {
            round_id: cancelled,
        },
    );
    assert_eq!(t.paid(app), U256::ZERO);
    assert!(t
        .s
        .send(a, app, &ISubscription::claimCall { round_id: failing })
        .revert_error::<RoundNotSettled>()
        .is_some());
}

#[test]
fn a_nav_priced_round_charges_the_current_rate() {
    let mut t = sale();
    let (a, issuer) = (t.a, t.s.issuer);
    let nav = deploy_nav_provider(&mut t.s, 100_000, issuer);
    let mut terms = round_terms(&t.s, t.pay, t.treasury, 0, 1_000, false);
    terms.nav = nav;
    let id = t.open(&terms);
    let r = t.subscribe(a, id, 10).expect_ok("at 0.10");
    assert_eq!(r.events::<Subscribed>()[0].cost, u(1_000_000));
    t.s.must(issuer, nav, &INavProvider::setRateCall { rate: u(110_000) });
    let r = t.subscribe(a, id, 10).expect_ok("at 0.11");
    assert_eq!(r.events::<Subscribed>()[0].cost, u(1_100_000));
    assert_eq!(t.paid(t.treasury), u(2_100_000));
}

alloy_sol_types::sol! {
    /// The odd-token fixture (`devnet/fixtures/odd-token`).
    interface IOddToken {
        function approve(address spender, uint256 value) external returns (bool);
        function balanceOf(address owner) external view returns (uint256);
        function setCallback(bytes data) external;
        function callbackSucceeded() external view returns (bool);
    }
}

/// A payment token that charges a fee on transfer is refused
/// (`PaymentShortfall`); one that returns nothing is accepted.
#[test]
fn odd_payment_tokens() {
    for (mode, accepted) in [(1u8, true), (2u8, false)] {
        let mut t = sale();
        let (a, master) = (t.a, t.s.master);
        let args = (a, u(5_000), U256::from(mode)).abi_encode_params();
        let odd =
            t.s.net
                .deploy(&ds_e2e::wasm("odd_token"), master, &args)
                .unwrap_or_else(|r| panic!("odd token: {}", r.outcome()));
        t.s.must(
            a,
            odd,
            &IOddToken::approveCall {
                spender: t.app,
                value: u(5_000),
            },
        );
        let id = t.open(&round_terms(&t.s, odd, t.treasury, 100, 100, false));
        let r = t.subscribe(a, id, 10);
        assert_eq!(r.success, accepted, "mode {mode}: {}", r.outcome());
        if !accepted {
            assert!(r.revert_error::<ds_e2e::abi::PaymentShortfall>().is_some());
            assert_eq!(t.s.balance(a), U256::ZERO);
            assert_eq!(
                t.s.view(odd, &IOddToken::balanceOfCall { owner: a }),
                u(5_000)
            );
        } else {
            assert_eq!(t.s.balance(a), u(10));
        }
    }
}

/// The issuer's functions run in the admin facet through the app's
/// fallback (one delegatecall); the facet refuses calls at its own
/// address, and a selector neither program serves is refused by name.
#[test]
fn the_admin_facet_runs_only_behind_the_app() {
    let mut t = sale();
    let (issuer, app) = (t.s.issuer, t.app);
    let facet = t.s.view(
        app,
        &ISubscription::getDSServiceCall {
            service_id: U256::from(ds_e2e::ids::service::SUBSCRIPTION_ADMIN_FACET),
        },
    );
    let terms = round_terms(&t.s, t.pay, t.treasury, PRICE, 10, false);
    let r = t.s.send(issuer, facet, &terms);
    assert_eq!(
        r.revert_error::<ISubscription::FacetCalledDirectly>(),
        Some(ISubscription::FacetCalledDirectly { facet })
    );
    let r =
        t.s.net
            .send(issuer, app, &[0xde, 0xad, 0xbe, 0xef], U256::ZERO);
    assert_eq!(
        r.revert_error::<ISubscription::UnknownSelector>(),
        Some(ISubscription::UnknownSelector {
            selector: [0xde, 0xad, 0xbe, 0xef].into()
        })
    );
    t.open(&terms);
    assert_eq!(t.s.view(app, &ISubscription::roundCountCall {}), u(1));
}

/// A hostile payment token that calls back into the app during the
/// payment (to subscribe again from inside the first subscription) is
/// refused re-entry; the subscription settles once.
#[test]
fn a_payment_token_cannot_reenter_the_app() {
    use alloy_sol_types::SolCall;
    const CALLBACK: u8 = 3;
    let mut t = sale();
    let (a, master) = (t.a, t.s.master);
    let args = (a, u(5_000), U256::from(CALLBACK)).abi_encode_params();
    let odd =
        t.s.net
            .deploy(&ds_e2e::wasm("odd_token"), master, &args)
            .unwrap_or_else(|r| panic!("odd token: {}", r.outcome()));
    t.s.must(
        a,
        odd,
        &IOddToken::approveCall {
            spender: t.app,
            value: u(5_000),
        },
    );
    let id = t.open(&round_terms(&t.s, odd, t.treasury, 100, 100, false));
    let again = ISubscription::subscribeCall {
        round_id: id,
        amount: u(10),
    }
    .abi_encode();
    t.s.must(a, odd, &IOddToken::setCallbackCall { data: again.into() });
    t.subscribe(a, id, 10).expect_ok("the outer subscription");
    assert!(
        !t.s.view(odd, &IOddToken::callbackSucceededCall {}),
        "re-entry refused"
    );
    assert_eq!(t.s.balance(a), u(10), "issued once");
    assert_eq!(t.round(id)._13, u(10), "sold once");
    assert_eq!(
        t.s.view(odd, &IOddToken::balanceOfCall { owner: a }),
        u(4_000)
    );
}

/// One step of the accounting property below.
#[derive(Clone, Debug)]
enum Step {
    /// Investor 0 or 1 subscribes `amount` in the at-once (false) or the
    /// at-close (true) round.
    Subscribe(usize, bool, u64),
    /// A day passes.
    Advance,
    /// The issuer closes (true) or cancels (false) the at-close round.
    Settle(bool),
    /// Investor 0 or 1 claims (true) or asks a refund (false) in the
    /// at-close round.
    Pull(usize, bool),
}

fn step() -> impl proptest::strategy::Strategy<Value = Step> {
    use proptest::prelude::*;
    prop_oneof![
        4 => (0..2usize, any::<bool>(), 0..80u64).prop_map(|(i, c, a)| Step::Subscribe(i, c, a)),
        1 => Just(Step::Advance),
        1 => any::<bool>().prop_map(Step::Settle),
        2 => (0..2usize, any::<bool>()).prop_map(|(i, c)| Step::Pull(i, c)),
    ]
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig { cases: 6, ..Default::default() })]

    /// Issue 18's invariants on the real Wasm, after every step of random
    /// sequences (refused steps included): payment units are conserved and
    /// every unit the app holds is owed (paid in = paid out + held); tokens
    /// issued equal the subscriptions accepted at once plus the claims; a
    /// round never sells past its hard cap; nothing is claimed or refunded
    /// twice.
    #[test]
    fn payments_and_issuance_add_up(steps in proptest::collection::vec(step(), 1..14)) {
        let mut t = sale();
        let (issuer, app, treasury) = (t.s.issuer, t.app, t.treasury);
        let investors = [t.a, t.b];
        let at_once = t.open(&round_terms(&t.s, t.pay, treasury, PRICE, 150, false));
        let mut escrow_terms = round_terms(&t.s, t.pay, treasury, PRICE, 150, true);
        escrow_terms.soft_cap = u(40);
        let escrow = t.open(&escrow_terms);
        let total_pay: U256 = [investors[0], investors[1], treasury, app]
            .into_iter()
            .map(|w| t.paid(w))
            .fold(U256::ZERO, |acc, v| acc + v);
        let mut issued_expected = U256::ZERO;
        for step in steps {
            match step {
                Step::Subscribe(i, close, amount) => {
                    let round = if close { escrow } else { at_once };
                    let r = t.subscribe(investors[i], round, amount);
                    if r.success && !close {
                        issued_expected += u(amount);
                    }
                }
                Step::Advance => t.s.advance(86_400),
                Step::Settle(close) => {
                    let r = if close {
                        t.s.send(issuer, app, &ISubscription::closeRoundCall { round_id: escrow })
                    } else {
                        t.s.send(issuer, app, &ISubscription::cancelRoundCall { round_id: escrow })
                    };
                    let _ = r;
                }
                Step::Pull(i, claim) => {
                    let pull = |t: &mut Sale| {
                        let who = investors[i];
                        if claim {
                            t.s.send(who, app, &ISubscription::claimCall { round_id: escrow })
                        } else {
                            t.s.send(who, app, &ISubscription::refundCall { round_id: escrow })
                        }
                    };
                    let r = pull(&mut t);
                    if r.success && claim {
                        issued_expected += r.events::<ds_e2e::abi::TokensClaimed>()[0].amount;
                    }
                    if r.success {
                        proptest::prop_assert!(!pull(&mut t).success, "pulled once");
                    }
                }
            }
            let held = t.round(escrow)._14;
            proptest::prop_assert_eq!(t.paid(app), held, "the app holds exactly what it owes");
            let now: U256 = [investors[0], investors[1], treasury, app]
                .into_iter()
                .map(|w| t.paid(w))
                .fold(U256::ZERO, |acc, v| acc + v);
            proptest::prop_assert_eq!(now, total_pay, "payment units are conserved");
            let owed: U256 = investors
                .iter()
                .map(|w| t.s.view(app, &ISubscription::purchaseOfCall { round_id: escrow, wallet: *w })._1)
                .fold(U256::ZERO, |acc, v| acc + v);
            let status = t.round(escrow)._12;
            if status != round_status::SUCCEEDED {
                proptest::prop_assert_eq!(owed, held, "held = what subscribers paid and may get back");
            }
            proptest::prop_assert_eq!(t.s.total_supply(), issued_expected, "issued = accepted + claimed");
            for round in [at_once, escrow] {
                proptest::prop_assert!(t.round(round)._13 <= u(150), "within the hard cap");
            }
        }
    }
}
