//! The redemption app (issue 18, item 2) on the devnet with the real Wasm:
//! a queue settled in order with partial fills, cancellation, locked and
//! frozen tokens, holders who moved their tokens, NAV prices at
//! settlement, refusals, and a property test of its accounting.

use alloy_sol_types::SolCall;
use ds_e2e::abi::exported::IRedemption::BatchTooLarge;
use ds_e2e::{
    abi::{
        Burn, ICompliance, IDSToken, INavProvider, IPaymentToken, IRedemption,
        InsufficientRedemptionFunds, InvalidRedemptionTerms, NotAnInvestor, NotRedemptionRequester,
        RedemptionCancelled, RedemptionExceedsRedeemable, RedemptionNotPending,
        RedemptionRequested, RedemptionSettled, RedemptionWindowNotOpen, Transfer,
        UnauthorizedCaller, UnknownRedemptionRequest, UnknownRedemptionWindow, ZeroAmount,
    },
    apps::{deploy_nav_provider, deploy_redemption, redemption_window},
    ids::{attribute, redemption_status as status, role},
    u, Address, ReceiptExt, Suite, U256,
};
use proptest::prelude::*;

/// Payment units (6 decimals) per whole DS token: 0.025.
const PRICE: u64 = 25_000;

struct Desk {
    s: Suite,
    app: Address,
    pay: Address,
    a: Address,
    b: Address,
}

/// A suite with two US investors holding 100 and 50 tokens, and the
/// redemption app (its issuer holding every payment unit and having
/// approved the app for them).
fn desk() -> Desk {
    let mut s = Suite::new();
    let (app, pay) = deploy_redemption(&mut s);
    let a = s.new_investor("red-a", "US", &[attribute::KYC_APPROVED]);
    let b = s.new_investor("red-b", "US", &[attribute::KYC_APPROVED]);
    s.issue(a, 100).expect_ok("issue a");
    s.issue(b, 50).expect_ok("issue b");
    let issuer = s.issuer;
    s.must(
        issuer,
        pay,
        &IPaymentToken::approveCall {
            spender: app,
            value: U256::MAX,
        },
    );
    Desk { s, app, pay, a, b }
}

impl Desk {
    fn open(&mut self, call: &IRedemption::openRedemptionWindowCall) -> U256 {
        let issuer = self.s.issuer;
        let r = self.s.must(issuer, self.app, call);
        IRedemption::openRedemptionWindowCall::abi_decode_returns(&r.output).expect("a window id")
    }

    fn request(&mut self, who: Address, window: U256, amount: u64) -> ds_e2e::Receipt {
        let call = IRedemption::requestRedemptionCall {
            window_id: window,
            amount: u(amount),
        };
        self.s.send(who, self.app, &call)
    }

    fn fund(&mut self, window: U256, amount: u64) -> ds_e2e::Receipt {
        let call = IRedemption::fundRedemptionsCall {
            window_id: window,
            amount: u(amount),
        };
        let issuer = self.s.issuer;
        self.s.send(issuer, self.app, &call)
    }

    fn settle(&mut self, window: U256, max: u64) -> ds_e2e::Receipt {
        let call = IRedemption::settleRedemptionsCall {
            window_id: window,
            max_requests: u(max),
        };
        let ta = self.s.transfer_agent;
        self.s.send(ta, self.app, &call)
    }

    fn paid(&mut self, who: Address) -> U256 {
        self.s
            .view(self.pay, &IPaymentToken::balanceOfCall { owner: who })
    }

    fn request_view(&mut self, id: u64) -> IRedemption::getRedemptionRequestReturn {
        self.s.view(
            self.app,
            &IRedemption::getRedemptionRequestCall { request_id: u(id) },
        )
    }

    fn window(&mut self, id: U256) -> IRedemption::getRedemptionWindowReturn {
        self.s.view(
            self.app,
            &IRedemption::getRedemptionWindowCall { window_id: id },
        )
    }
}

#[test]
fn the_queue_settles_in_order_and_a_partial_fill_keeps_its_place() {
    let mut t = desk();
    let (a, b) = (t.a, t.b);
    let terms = redemption_window(&t.s, t.pay, PRICE, false);
    let w = t.open(&terms);
    let r = t.request(a, w, 60).expect_ok("a 60");
    let queued = &r.events::<RedemptionRequested>()[0];
    assert_eq!(
        (
            queued.requestId,
            queued.windowId,
            queued.wallet,
            queued.amount
        ),
        (u(1), w, a, u(60))
    );
    t.request(b, w, 50).expect_ok("b 50");
    t.request(a, w, 40).expect_ok("a 40 more");
    assert_eq!(t.s.balance(a), u(100), "nothing moves before settlement");
    // funds for 80 tokens: request 1 whole, request 2 for 20 of its 50
    t.fund(w, 2_000_000).expect_ok("fund");
    let r = t.settle(w, 10).expect_ok("settle");
    assert_eq!(
        IRedemption::settleRedemptionsCall::abi_decode_returns(&r.output).unwrap(),
        u(2)
    );
    let settled: Vec<_> = r
        .events::<RedemptionSettled>()
        .iter()
        .map(|e| (e.requestId, e.wallet, e.amount, e.payout, e.remaining))
        .collect();
    assert_eq!(
        settled,
        vec![
            (u(1), a, u(60), u(1_500_000), U256::ZERO),
            (u(2), b, u(20), u(500_000), u(30)),
        ]
    );
    let burns: Vec<_> = r
        .events::<Burn>()
        .iter()
        .map(|e| (e.burner, e.value))
        .collect();
    assert_eq!(burns, vec![(a, u(60)), (b, u(20))]);
    let to_zero = r
        .events::<Transfer>()
        .iter()
        .filter(|e| e.to == Address::ZERO)
        .count();
    assert_eq!(to_zero, 2, "each burn logs its Transfer to zero");
    assert_eq!((t.s.balance(a), t.s.balance(b)), (u(40), u(30)));
    assert_eq!(
        (t.paid(a), t.paid(b), t.paid(t.app)),
        (u(1_500_000), u(500_000), U256::ZERO)
    );
    let second = t.request_view(2);
    assert_eq!(
        (second._2, second._3, second._4, second._5),
        (u(30), u(20), u(500_000), status::PENDING)
    );
    let window = t.window(w);
    // funded, queued, head, tail
    assert_eq!(
        (window._7, window._8, window._9, window._10),
        (U256::ZERO, u(70), 1, 3)
    );
    // no funds: settling moves nothing, counts nothing, and the head stays
    let r = t.settle(w, 10).expect_ok("settle without funds");
    assert!(r.events::<RedemptionSettled>().is_empty());
    assert_eq!(
        IRedemption::settleRedemptionsCall::abi_decode_returns(&r.output).unwrap(),
        U256::ZERO
    );
    // funded again: the rest of request 2, then request 3; 3.25 units left
    t.fund(w, 5_000_000).expect_ok("fund more");
    let r = t.settle(w, 10).expect_ok("settle the rest");
    let amounts: Vec<_> = r
        .events::<RedemptionSettled>()
        .iter()
        .map(|e| (e.requestId, e.amount))
        .collect();
    assert_eq!(amounts, vec![(u(2), u(30)), (u(3), u(40))]);
    assert_eq!(
        (t.s.balance(a), t.s.balance(b), t.s.total_supply()),
        (U256::ZERO, U256::ZERO, U256::ZERO)
    );
    let window = t.window(w);
    assert_eq!(
        (window._7, window._8, window._9, window._10),
        (u(3_250_000), U256::ZERO, 3, 3)
    );
    // the unused funds go back
    let treasury = t.s.wallet("redemption treasury");
    let issuer = t.s.issuer;
    let withdraw = |amount| IRedemption::withdrawRedemptionFundsCall {
        window_id: w,
        to: treasury,
        amount: u(amount),
    };
    assert_eq!(
        t.s.send(issuer, t.app, &withdraw(3_250_001))
            .revert_error::<InsufficientRedemptionFunds>(),
        Some(InsufficientRedemptionFunds {
            windowId: w,
            funded: u(3_250_000),
            amount: u(3_250_001)
        })
    );
    t.s.must(issuer, t.app, &withdraw(3_250_000));
    assert_eq!(
        (t.paid(treasury), t.paid(t.app)),
        (u(3_250_000), U256::ZERO)
    );
}

#[test]
fn locked_and_frozen_tokens_are_not_redeemable_unless_the_window_allows_locked_ones() {
    let mut t = desk();
    let (a, ta, compliance, token) = (t.a, t.s.transfer_agent, t.s.compliance, t.s.token());
    t.s.must(
        ta,
        compliance,
        &ICompliance::addManualLockRecordCall {
            to: a,
            value: u(70),
            reason: "vesting".into(),
            release_time: U256::ZERO,
        },
    );
    t.s.must(
        ta,
        token,
        &IDSToken::setFrozenTokensCall {
            account: a,
            amount: u(10),
        },
    );
    let strict = t.open(&redemption_window(&t.s, t.pay, PRICE, false));
    let lenient = t.open(&redemption_window(&t.s, t.pay, PRICE, true));
    let redeemable = |t: &mut Desk, w| {
        let call = IRedemption::redeemableOfCall {
            window_id: w,
            wallet: a,
        };
        t.s.view(t.app, &call)
    };
    // 100 held, 10 frozen, 70 locked: 30 without locks, 90 with them
    assert_eq!(redeemable(&mut t, strict), u(30));
    assert_eq!(redeemable(&mut t, lenient), u(90));
    assert_eq!(
        t.request(a, strict, 31)
            .revert_error::<RedemptionExceedsRedeemable>(),
        Some(RedemptionExceedsRedeemable {
            wallet: a,
            requested: u(31),
            redeemable: u(30)
        })
    );
    t.request(a, strict, 30).expect_ok("30 of 30");
    assert!(t
        .request(a, strict, 1)
        .reverted_with::<RedemptionExceedsRedeemable>());
    t.request(a, lenient, 90).expect_ok("locked tokens allowed");
    assert!(t
        .request(a, lenient, 1)
        .reverted_with::<RedemptionExceedsRedeemable>());
    // the lenient window burns locked tokens; frozen ones never go
    t.fund(lenient, 5_000_000).expect_ok("fund");
    let r = t.settle(lenient, 1).expect_ok("settle");
    assert_eq!(r.events::<RedemptionSettled>()[0].amount, u(90));
    assert_eq!(t.s.balance(a), u(10));
    // the strict window's request is now cut to what is left: nothing
    t.fund(strict, 1_000_000).expect_ok("fund");
    let r = t.settle(strict, 1).expect_ok("settle");
    let e = &r.events::<RedemptionSettled>()[0];
    assert_eq!(
        (e.amount, e.payout, e.remaining),
        (U256::ZERO, U256::ZERO, U256::ZERO)
    );
    assert_eq!(t.request_view(1)._5, status::SETTLED);
}

#[test]
fn a_holder_who_moved_tokens_is_cut_and_a_cancelled_request_is_passed_over() {
    let mut t = desk();
    let (a, b) = (t.a, t.b);
    let w = t.open(&redemption_window(&t.s, t.pay, PRICE, false));
    t.request(a, w, 100).expect_ok("a 100");
    t.request(b, w, 50).expect_ok("b 50");
    t.request(b, w, 1)
        .revert_error::<RedemptionExceedsRedeemable>()
        .expect("b has 50 queued");
    // b cancels; only b may
    let cancel = |id| IRedemption::cancelRedemptionCall { request_id: u(id) };
    assert_eq!(
        t.s.send(a, t.app, &cancel(2))
            .revert_error::<NotRedemptionRequester>(),
        Some(NotRedemptionRequester {
            requestId: u(2),
            caller: a
        })
    );
    let r = t.s.send(b, t.app, &cancel(2)).expect_ok("cancel");
    assert_eq!(r.events::<RedemptionCancelled>()[0].remaining, u(50));
    assert_eq!(
        t.s.send(b, t.app, &cancel(2))
            .revert_error::<RedemptionNotPending>(),
        Some(RedemptionNotPending {
            requestId: u(2),
            status: status::CANCELLED
        })
    );
    assert!(t
        .s
        .send(b, t.app, &cancel(9))
        .reverted_with::<UnknownRedemptionRequest>());
    // a moves 60 away: its request settles for the 40 it still has
    t.s.expect_transfer(a, b, 60);
    t.fund(w, 10_000_000).expect_ok("fund");
    let r = t.settle(w, 5).expect_ok("settle");
    let settled: Vec<_> = r
        .events::<RedemptionSettled>()
        .iter()
        .map(|e| (e.requestId, e.amount, e.remaining))
        .collect();
    assert_eq!(
        settled,
        vec![(u(1), u(40), U256::ZERO)],
        "request 2 passed over"
    );
    assert_eq!(
        IRedemption::settleRedemptionsCall::abi_decode_returns(&r.output).unwrap(),
        u(2),
        "two queue entries gone through"
    );
    assert_eq!((t.s.balance(a), t.s.balance(b)), (U256::ZERO, u(110)));
    let pending = IRedemption::pendingRedemptionCall {
        window_id: w,
        wallet: a,
    };
    assert_eq!(t.s.view(t.app, &pending), U256::ZERO);
    // the queue is empty: b may queue again
    t.request(b, w, 110).expect_ok("b again");
    // a head request that cannot settle is cancelled by the issuer or a
    // transfer agent, never by an exchange
    let stuck = IRedemption::cancelRedemptionForCall { request_id: u(3) };
    let exchange = t.s.exchange;
    assert!(t
        .s
        .send(exchange, t.app, &stuck)
        .reverted_with::<UnauthorizedCaller>());
    let ta = t.s.transfer_agent;
    let r =
        t.s.send(ta, t.app, &stuck)
            .expect_ok("cancel for the holder");
    assert_eq!(r.events::<RedemptionCancelled>()[0].remaining, u(110));
    assert_eq!(t.request_view(3)._5, status::CANCELLED);
    assert_eq!(
        t.s.view(
            t.app,
            &IRedemption::pendingRedemptionCall {
                window_id: w,
                wallet: b
            }
        ),
        U256::ZERO
    );
}

#[test]
fn a_nav_window_pays_the_rate_at_settlement() {
    let mut t = desk();
    let (a, updater) = (t.a, t.s.wallet("rate updater"));
    let nav = deploy_nav_provider(&mut t.s, 20_000, updater);
    let mut terms = redemption_window(&t.s, t.pay, 0, false);
    terms.nav = nav;
    let w = t.open(&terms);
    t.request(a, w, 10).expect_ok("request at 0.02");
    t.s.must(updater, nav, &INavProvider::setRateCall { rate: u(30_000) });
    t.fund(w, 1_000_000).expect_ok("fund");
    let r = t.settle(w, 1).expect_ok("settle at 0.03");
    assert_eq!(r.events::<RedemptionSettled>()[0].payout, u(300_000));
}

#[test]
fn refusals_name_their_cause_and_write_nothing() {
    let mut t = desk();
    let (a, exchange, issuer) = (t.a, t.s.exchange, t.s.issuer);
    let terms = redemption_window(&t.s, t.pay, PRICE, false);
    // only an issuer or the master opens, funds and withdraws
    assert_eq!(
        t.s.send(exchange, t.app, &terms)
            .revert_error::<UnauthorizedCaller>(),
        Some(UnauthorizedCaller {
            caller: exchange,
            callerRole: role::EXCHANGE
        })
    );
    let mut both = terms.clone();
    both.nav = a;
    assert_eq!(
        t.s.send(issuer, t.app, &both)
            .revert_error::<InvalidRedemptionTerms>(),
        Some(InvalidRedemptionTerms { term: 1 })
    );
    let mut past = terms.clone();
    past.end = past.start;
    assert_eq!(
        t.s.send(issuer, t.app, &past)
            .revert_error::<InvalidRedemptionTerms>(),
        Some(InvalidRedemptionTerms { term: 2 })
    );
    let w = t.open(&terms);
    let before = t.s.net.storage_snapshot();
    assert!(t
        .request(a, u(7), 1)
        .reverted_with::<UnknownRedemptionWindow>());
    assert!(t.request(a, w, 0).reverted_with::<ZeroAmount>());
    let nobody = t.s.wallet("red-nobody");
    assert_eq!(
        t.request(nobody, w, 1).revert_error::<NotAnInvestor>(),
        Some(NotAnInvestor { wallet: nobody })
    );
    assert!(t.settle(w, 31).reverted_with::<BatchTooLarge>());
    assert!(t.settle(w, 0).reverted_with::<ZeroAmount>());
    let settle_as_exchange = IRedemption::settleRedemptionsCall {
        window_id: w,
        max_requests: u(1),
    };
    assert!(t
        .s
        .send(exchange, t.app, &settle_as_exchange)
        .reverted_with::<UnauthorizedCaller>());
    assert!(t.fund(w, 0).reverted_with::<ZeroAmount>());
    assert_eq!(t.s.net.storage_snapshot(), before, "no refusal wrote");
    // closed: no more requests
    let close = IRedemption::closeRedemptionWindowCall { window_id: w };
    t.s.must(issuer, t.app, &close);
    assert_eq!(
        t.request(a, w, 1).revert_error::<RedemptionWindowNotOpen>(),
        Some(RedemptionWindowNotOpen {
            windowId: w,
            status: status::WINDOW_CLOSED,
            start: terms.start,
            end: terms.end
        })
    );
    assert!(t
        .s
        .send(issuer, t.app, &close)
        .reverted_with::<RedemptionWindowNotOpen>());
    // after its end a window takes no request either
    let w2 = t.open(&terms);
    t.s.advance(86_400);
    assert!(t
        .request(a, w2, 1)
        .reverted_with::<RedemptionWindowNotOpen>());
    // the window functions run in the admin facet behind the app, never
    // at the facet's own address; an unknown selector is refused by name
    let facet = t.s.view(
        t.app,
        &IRedemption::getDSServiceCall {
            service_id: U256::from(ds_e2e::ids::service::REDEMPTION_ADMIN_FACET),
        },
    );
    assert_eq!(
        t.s.send(issuer, facet, &terms)
            .revert_error::<IRedemption::FacetCalledDirectly>(),
        Some(IRedemption::FacetCalledDirectly { facet })
    );
    let r =
        t.s.net
            .send(issuer, t.app, &[0xde, 0xad, 0xbe, 0xef], U256::ZERO);
    assert_eq!(
        r.revert_error::<IRedemption::UnknownSelector>(),
        Some(IRedemption::UnknownSelector {
            selector: [0xde, 0xad, 0xbe, 0xef].into()
        })
    );
}

/// One step of the property test.
#[derive(Clone, Debug)]
enum Step {
    /// Investor `who` requests `amount`.
    Request { who: usize, amount: u64 },
    /// The holder of request `nth` (modulo) cancels it.
    Cancel { nth: usize },
    /// The issuer funds `amount` payment units.
    Fund { amount: u64 },
    /// The transfer agent settles up to `max` requests.
    Settle { max: u64 },
    /// Investor `from` sends `amount` to the other.
    Move { from: usize, amount: u64 },
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        3 => (0usize..2, 1u64..80).prop_map(|(who, amount)| Step::Request { who, amount }),
        1 => (0usize..8).prop_map(|nth| Step::Cancel { nth }),
        2 => (1u64..3_000_000).prop_map(|amount| Step::Fund { amount }),
        2 => (1u64..4).prop_map(|max| Step::Settle { max }),
        1 => (0usize..2, 1u64..60).prop_map(|(from, amount)| Step::Move { from, amount }),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: 6,
        .. ProptestConfig::default()
    })]

    /// After every step: the app holds exactly the window's funds; the
    /// supply fell by exactly what the settlements burnt; what was paid
    /// equals what left the funds and is never more than the price of what
    /// was burnt; the queued total equals the requests' remaining sums;
    /// a request is never settled or cancelled twice.
    #[test]
    fn redemption_accounting_holds(steps in prop::collection::vec(step(), 1..14)) {
        let mut t = desk();
        let w = t.open(&redemption_window(&t.s, t.pay, PRICE, false));
        let who = [t.a, t.b];
        let supply0 = t.s.total_supply();
        let (mut funded, mut burnt, mut paid) = (U256::ZERO, U256::ZERO, U256::ZERO);
        let mut requests: Vec<u64> = Vec::new();
        let mut over = std::collections::BTreeSet::new();
        for step in steps {
            match step {
                Step::Request { who: i, amount } => {
                    let r = t.request(who[i], w, amount);
                    if r.success {
                        requests.push(requests.len() as u64 + 1);
                    } else {
                        prop_assert!(r.reverted_with::<RedemptionExceedsRedeemable>(), "{}", r.outcome());
                    }
                }
                Step::Cancel { nth } if !requests.is_empty() => {
                    let id = requests[nth % requests.len()];
                    let holder = t.request_view(id)._1;
                    let r = t.s.send(holder, t.app, &IRedemption::cancelRedemptionCall { request_id: u(id) });
                    prop_assert_eq!(r.success, !over.contains(&id), "{}", r.outcome());
                    over.insert(id);
                }
                Step::Cancel { .. } => {}
                Step::Fund { amount } => {
                    t.fund(w, amount).expect_ok("fund");
                    funded += u(amount);
                }
                Step::Settle { max } => {
                    let r = t.settle(w, max).expect_ok("settle");
                    for e in r.events::<RedemptionSettled>() {
                        prop_assert!(!over.contains(&e.requestId.to::<u64>()), "settled after its end");
                        if e.remaining.is_zero() {
                            over.insert(e.requestId.to::<u64>());
                        }
                        burnt += e.amount;
                        paid += e.payout;
                        // a token of 0 decimals: the price is exact
                        prop_assert_eq!(e.payout, e.amount * u(PRICE));
                    }
                }
                Step::Move { from, amount } => {
                    let _ = t.s.transfer(who[from], who[1 - from], amount);
                }
            }
            let window = t.window(w);
            prop_assert_eq!(window._7, funded - paid, "funds = funded - paid");
            prop_assert_eq!(t.paid(t.app), window._7, "the app holds the funds");
            prop_assert_eq!(t.s.total_supply(), supply0 - burnt);
            let mut queued = U256::ZERO;
            for &id in &requests {
                let view = t.request_view(id);
                if view._5 == status::PENDING {
                    queued += view._2;
                } else {
                    prop_assert!(view._2.is_zero());
                }
            }
            prop_assert_eq!(window._8, queued, "queued = the pending requests' rest");
        }
    }
}

/// A DS token of 6 decimals (issue 18): the price is per whole token, the
/// payout per token unit rounds up by less than one payment unit.
#[test]
fn a_six_decimals_token_is_priced_per_whole_token() {
    let mut s = Suite::with_decimals(6);
    let (app, pay) = deploy_redemption(&mut s);
    let a = s.new_investor("red-6", "US", &[attribute::KYC_APPROVED]);
    s.issue(a, 5_000_000).expect_ok("5 tokens");
    let issuer = s.issuer;
    let approve = IPaymentToken::approveCall {
        spender: app,
        value: U256::MAX,
    };
    s.must(issuer, pay, &approve);
    // 1.5 payment units (6 decimals) per whole token
    let window = redemption_window(&s, pay, 1_500_000, false);
    s.must(issuer, app, &window);
    let fund = IRedemption::fundRedemptionsCall {
        window_id: u(1),
        amount: u(10_000_000),
    };
    s.must(issuer, app, &fund);
    for amount in [2_500_000, 1] {
        let request = IRedemption::requestRedemptionCall {
            window_id: u(1),
            amount: u(amount),
        };
        s.must(a, app, &request);
    }
    let settle = IRedemption::settleRedemptionsCall {
        window_id: u(1),
        max_requests: u(2),
    };
    let r = s.must(s.transfer_agent, app, &settle);
    let paid: Vec<_> = r
        .events::<RedemptionSettled>()
        .iter()
        .map(|e| (e.amount, e.payout))
        .collect();
    // 2.5 tokens for 3.75; 0.000001 token for 2 units (1.5 rounded up:
    // never less than the price, nothing burnt for nothing)
    assert_eq!(paid, vec![(u(2_500_000), u(3_750_000)), (u(1), u(2))]);
    assert_eq!(s.balance(a), u(2_499_999));
}
