//! Regressions for the audit findings of the Solidity reference (Cyfrin,
//! Oct 2025, and the later Halborn findings; reference section 1.9), on the
//! real artifacts. Each test plays the finding's scenario and asserts the
//! safe behaviour, so it fails if the defect were here.
//!
//! Covered by tests in other files (not repeated here):
//! - C-1 (`transferFrom` ignores the allowance):
//!   `lifecycle::transfer_from_spends_the_allowance` (the allowance is
//!   checked, spent, and does not bypass compliance).
//! - M-5 (liquidate-only cannot be lifted):
//!   `reason_codes::code_90_investor_liquidate_only` (set, lifted, set again).
//! - Halborn "incorrect maximum holdings check":
//!   `reason_codes::code_52_amount_above_maximum` (holding exactly the
//!   maximum is allowed).
//! - L-15, the refusal half (seize / forced transfer to a wallet that is
//!   not a valid holder): `lifecycle::seize_goes_to_an_issuer_wallet_only`,
//!   `token::frozen_tokens_stay_put_until_forced`; the "not stuck" half is
//!   [`l15_seized_tokens_can_leave_the_issuer_wallet`].
//! - L-07 / L-08 (Trust entities, reference section 1.1): the Trust unit
//!   tests (`contracts/trust/src/entity_tests.rs`) and the entity rows of
//!   `role_matrix`.
//!
//! Findings that do not apply here:
//! - M-8 (issuance locks combined with negative rebasing): there is no
//!   rebasing; balances are plain amounts, with no shares or multiplier.
//! - Halborn permit front-running DoS: there is no ERC-2612 `permit` nor
//!   `transferWithPermit`.
//! - I-21 (EU retail classification uses QUALIFIED only): kept as in DS by
//!   design (an EU investor is retail unless its QUALIFIED attribute is
//!   approved; PROFESSIONAL is not consulted), so there is no safe/unsafe
//!   behaviour to assert; the counter itself is exact (M-6 below).

use ds_e2e::{
    abi::{self, ICompliance, IComplianceInternal, IDSToken, IRegistry},
    ids::{
        attribute::{ACCREDITED, QUALIFIED},
        attribute_status::{APPROVED, REJECTED},
        bool_rule, code, role, uint_rule,
    },
    u, Address, Counts, Receipt, ReceiptExt, Suite, COUNTRIES, U256,
};

/// A suite with the standard countries (US, FR/DE in the EU, JP, KP
/// forbidden) and default rules.
fn suite() -> Suite {
    let mut s = Suite::new();
    s.set_countries(&COUNTRIES);
    s
}

fn set_country(s: &mut Suite, id: &str, country: &str) -> Receipt {
    let call = IRegistry::setCountryCall {
        id: id.into(),
        country: country.into(),
    };
    let (issuer, registry) = (s.issuer, s.registry);
    s.must(issuer, registry, &call)
}

fn set_attribute(s: &mut Suite, id: &str, attribute_id: u8, status: u8) -> Receipt {
    let call = IRegistry::setAttributeCall {
        id: id.into(),
        attribute_id,
        value: u(status.into()),
        expiry: U256::ZERO,
        proof_hash: String::new(),
    };
    let (issuer, registry) = (s.issuer, s.registry);
    s.must(issuer, registry, &call)
}

fn counts(total: u64, accredited: u64, us: u64, us_accredited: u64, jp: u64) -> Counts {
    Counts {
        total,
        accredited,
        us,
        us_accredited,
        jp,
    }
}

fn burn(s: &mut Suite, who: Address, value: u64) -> Receipt {
    let call = IDSToken::burnCall {
        who,
        value: u(value),
        reason: "audit".into(),
    };
    let (ta, token) = (s.transfer_agent, s.token());
    s.must(ta, token, &call)
}

fn seize(s: &mut Suite, from: Address, to: Address, value: u64) -> Receipt {
    let call = IDSToken::seizeCall {
        from,
        to,
        value: u(value),
        reason: "audit".into(),
    };
    let (ta, token) = (s.transfer_agent, s.token());
    s.must(ta, token, &call)
}

fn blacklist(s: &mut Suite, wallet: Address) {
    let (ta, compliance) = (s.transfer_agent, s.compliance);
    s.must(ta, compliance, &ICompliance::addToBlacklistCall { wallet });
}

/// M-1: a country change must leave the previous country's counter (DS
/// incremented the new one and never decremented the old).
#[test]
fn m1_country_change_leaves_the_previous_country_counter() {
    let mut s = suite();
    let fr = s.new_investor("fr-1", "FR", &[]);
    let us = s.new_investor("us-1", "US", &[]);
    s.issue(fr, 100).expect_ok("issue to fr-1");
    s.issue(us, 100).expect_ok("issue to us-1");
    assert_eq!((s.eu_retail("FR"), s.eu_retail("DE")), (1, 0));
    assert_eq!(s.counts(), counts(2, 0, 1, 0, 0));

    set_country(&mut s, "fr-1", "DE");
    assert_eq!((s.eu_retail("FR"), s.eu_retail("DE")), (0, 1));
    set_country(&mut s, "us-1", "JP");
    assert_eq!(s.counts(), counts(2, 0, 0, 0, 1), "US left, JP joined");

    // leaving later takes the holder out of its new country, not the old one
    s.expect_transfer(fr, us, 100);
    assert_eq!((s.eu_retail("FR"), s.eu_retail("DE")), (0, 0));
    assert_eq!(s.counts(), counts(1, 0, 0, 0, 1));
}

/// M-3: setting the country an investor already has must not inflate the
/// counters (DS counted the holder again).
#[test]
fn m3_same_country_change_changes_nothing() {
    let mut s = suite();
    let fr = s.new_investor("fr-1", "FR", &[]);
    let de = s.new_investor("de-1", "DE", &[]);
    s.issue(fr, 100).expect_ok("issue");
    let before = (s.counts(), s.eu_retail("FR"));
    assert_eq!(before, (counts(1, 0, 0, 0, 0), 1));

    for country in ["FR", "fr"] {
        let r = set_country(&mut s, "fr-1", country);
        assert!(r.logs.is_empty(), "no change, no event ({country})");
        assert_eq!((s.counts(), s.eu_retail("FR")), before, "{country}");
    }
    let call = IRegistry::updateInvestorCall {
        id: "fr-1".into(),
        collision_hash: String::new(),
        country: "FR".into(),
        wallets: vec![fr],
        attribute_ids: vec![],
        attribute_values: vec![],
        attribute_expirations: vec![],
    };
    let (issuer, registry) = (s.issuer, s.registry);
    s.must(issuer, registry, &call);
    assert_eq!((s.counts(), s.eu_retail("FR")), before, "updateInvestor");

    // one holder, counted once: leaving brings the counters back to zero
    s.expect_transfer(fr, de, 100);
    assert_eq!(s.eu_retail("FR"), 0);
    assert_eq!(s.counts(), counts(1, 0, 0, 0, 0), "only de-1 holds");
}

/// M-4: the lock-up of an issuance is the one of the rules it was issued
/// under: tokens issued to a non-US investor, free under the non-US
/// lock-up, must not become locked under the US lock-up when the investor
/// moves to the US; tokens issued to a US investor must not escape the US
/// lock-up by a move abroad.
///
/// Fixed here: each issuance record keeps the residency it was issued
/// under (`ds_rules::locks::Issuance::us`) and is held for that residency's
/// period; code 32 is reported while a US-issued record binds.
#[test]
fn m4_residency_change_does_not_change_past_lock_ups() {
    let mut s = suite();
    s.set_uint_rule(uint_rule::US_LOCK_PERIOD, 1_000);
    let fr = s.new_investor("fr-1", "FR", &[]);
    let us = s.new_investor("us-1", "US", &[]);
    let de = s.new_investor("de-1", "DE", &[]);
    s.issue(fr, 100)
        .expect_ok("issue under the non-US rules (no lock-up)");
    s.issue(us, 100)
        .expect_ok("issue under the US rules (1,000 s)");
    s.expect_transfer(fr, de, 10);
    s.expect_refused(us, de, 10, code::HOLD_UP_US);

    set_country(&mut s, "fr-1", "US");
    set_country(&mut s, "us-1", "FR");
    s.expect_transfer(fr, de, 10);
    s.expect_refused(us, de, 10, code::HOLD_UP_US);
}

/// M-6: moving between retail and qualified within one EU country must keep
/// the EU retail counter exact (DS could decrement a counter it never
/// incremented, and underflow).
#[test]
fn m6_retail_and_qualified_moves_keep_the_eu_retail_counter_exact() {
    let mut s = suite();
    let a = s.new_investor("fr-a", "FR", &[QUALIFIED]);
    let b = s.new_investor("fr-b", "FR", &[]);
    s.issue(a, 100).expect_ok("issue to the qualified investor");
    s.issue(b, 100).expect_ok("issue to the retail investor");
    assert_eq!(s.eu_retail("FR"), 1, "only the retail holder");

    set_attribute(&mut s, "fr-a", QUALIFIED, REJECTED);
    assert_eq!(s.eu_retail("FR"), 2, "a is retail now");
    set_attribute(&mut s, "fr-b", QUALIFIED, APPROVED);
    assert_eq!(s.eu_retail("FR"), 1, "b is qualified now");
    set_attribute(&mut s, "fr-a", QUALIFIED, APPROVED);
    assert_eq!(s.eu_retail("FR"), 0, "both qualified");

    // b, counted as qualified, leaves: nothing retail to take away
    s.expect_transfer(b, a, 100);
    assert_eq!(s.eu_retail("FR"), 0, "no underflow");
    // b, not holding, becomes retail: still not counted until it holds
    set_attribute(&mut s, "fr-b", QUALIFIED, REJECTED);
    assert_eq!(s.eu_retail("FR"), 0);
    s.expect_transfer(a, b, 10);
    assert_eq!(s.eu_retail("FR"), 1, "b joins as retail");
    s.expect_transfer(b, a, 10);
    assert_eq!(s.eu_retail("FR"), 0);
    assert_eq!(s.counts().total, 1);
}

/// M-7: tokens both under an issuance lock-up and manually locked must be
/// counted once (DS subtracted both from the balance and could revert on
/// the underflow, freezing the investor).
#[test]
fn m7_lock_not_double_counted() {
    let mut s = suite();
    s.set_uint_rule(uint_rule::NON_US_LOCK_PERIOD, 1_000);
    let a = s.new_investor("de-a", "DE", &[]);
    let b = s.new_investor("de-b", "DE", &[]);
    s.issue(a, 40).expect_ok("first issuance");
    s.advance(1_000); // the first 40 are out of the lock-up
    let release = s.now() + 5_000;
    // 60 more, under the lock-up AND manually locked
    s.issue_locked(a, 60, 60, release)
        .expect_ok("issuance with a lock");
    let transferable = ICompliance::getTransferableTokensCall {
        who: a,
        time: u(s.now()),
    };
    let c = s.compliance;
    assert_eq!(s.view(c, &transferable), u(40));
    s.expect_refused(a, b, 41, code::TOKENS_LOCKED);
    s.expect_transfer(a, b, 40);
    // once the lock-up is over, only the manual lock binds
    s.advance(1_000);
    s.expect_refused(a, b, 1, code::TOKENS_LOCKED);
    assert_eq!(s.balance(a), u(60));
}

/// M-9: a full-balance transfer to one's own other wallet, or to oneself,
/// must not change the counters (DS counted the investor as leaving).
#[test]
fn m9_full_transfer_to_own_wallet_keeps_the_counters() {
    let mut s = suite();
    let (w1, w2) = (s.wallet("us-1 first"), s.wallet("us-1 second"));
    s.investor("us-1", "US", &[w1, w2], &[ACCREDITED]);
    let other = s.new_investor("us-2", "US", &[]);
    s.issue(w1, 100).expect_ok("issue");
    s.issue(other, 100).expect_ok("issue");
    let before = s.counts();
    assert_eq!(before, counts(2, 1, 2, 1, 0));

    s.expect_transfer(w1, w2, 100);
    assert_eq!(s.counts(), before, "to its own other wallet");
    assert_eq!(s.token_check(w2, w2, 100), (code::VALID, "Valid".into()));
    s.transfer(w2, w2, 100).expect_ok("full transfer to itself");
    assert_eq!(s.balance(w2), u(100));
    assert_eq!(s.counts(), before, "to itself");
    let token = s.token();
    let balance = s.view(
        token,
        &IDSToken::balanceOfInvestorCall { id: "us-1".into() },
    );
    assert_eq!(balance, u(100));

    // and the investor still leaves correctly afterwards
    s.expect_transfer(w2, other, 100);
    assert_eq!(s.counts(), counts(1, 0, 1, 0, 0));
}

/// L-06: a full transfer from a non-US investor must not let a new US
/// investor in beyond the US limit (DS skipped the US limit whenever the
/// sender left, whatever its category).
#[test]
fn l6_full_non_us_to_us_transfer_respects_the_us_limit() {
    let mut s = suite();
    s.set_uint_rule(uint_rule::US_INVESTORS_LIMIT, 1);
    s.set_uint_rule(uint_rule::BLOCK_FLOWBACK_END_TIME, 1); // flowback open
    let us1 = s.new_investor("us-1", "US", &[]);
    let us2 = s.new_investor("us-2", "US", &[]);
    let fr = s.new_investor("fr-1", "FR", &[]);
    s.issue(us1, 100).expect_ok("issue to us-1");
    s.issue(fr, 100).expect_ok("issue to fr-1");
    assert_eq!(s.counts().us, 1, "the US limit is reached");

    s.expect_refused(fr, us2, 100, code::MAX_INVESTORS_IN_CATEGORY);
    s.expect_refused(fr, us2, 50, code::MAX_INVESTORS_IN_CATEGORY);
    // a leaving US holder frees its own US slot
    s.expect_transfer(us1, us2, 100);
    assert_eq!(s.counts(), counts(2, 0, 1, 0, 0));
}

/// L-11: burnt or seized tokens must take their issuance records with them,
/// or tokens received later stay under a lock-up that no longer exists (DS
/// kept the records).
#[test]
fn l11_burn_and_seize_leave_no_stale_lock_up() {
    let mut s = suite();
    s.set_uint_rule(uint_rule::NON_US_LOCK_PERIOD, 1_000);
    let vault = s.wallet("issuer vault");
    s.add_issuer_wallet(vault);
    let free = s.new_investor("de-free", "DE", &[]);
    let seized = s.new_investor("de-seized", "DE", &[]);
    let burnt = s.new_investor("de-burnt", "DE", &[]);
    s.issue(free, 1_000).expect_ok("issue");
    s.advance(1_000); // free's tokens are out of the lock-up
    s.issue(seized, 100).expect_ok("issue");
    s.issue(burnt, 100).expect_ok("issue");
    s.expect_refused(seized, free, 1, code::HOLD_UP_NON_US);

    // everything seized: tokens received afterwards are free
    seize(&mut s, seized, vault, 100);
    s.expect_transfer(free, seized, 50);
    s.expect_transfer(seized, free, 50);

    // 60 of 100 burnt: the 40 kept stay locked, tokens received are free
    burn(&mut s, burnt, 60);
    s.expect_transfer(free, burnt, 50);
    s.expect_refused(burnt, free, 51, code::HOLD_UP_NON_US);
    s.expect_transfer(burnt, free, 50);
    s.advance(1_000);
    s.expect_transfer(burnt, free, 40);
}

/// L-12: nobody but the registry's staff registers wallets, and nobody can
/// take over a wallet that is already someone's (DS let an investor
/// register other people's wallets).
#[test]
fn l12_wallets_cannot_be_registered_to_someone_else() {
    let mut s = suite();
    let alice = s.new_investor("alice", "FR", &[]);
    let bob = s.new_investor("bob", "DE", &[]);
    let vault = s.wallet("issuer vault");
    s.add_issuer_wallet(vault);
    s.issue(bob, 100).expect_ok("issue to bob");
    let registry = s.registry;

    // the investor itself (no role) cannot add bob's wallet, nor a new one
    for wallet in [bob, s.wallet("alice new")] {
        let r = s.send(
            alice,
            registry,
            &IRegistry::addWalletCall {
                wallet,
                id: "alice".into(),
            },
        );
        assert_eq!(
            r.revert_error::<abi::UnauthorizedCaller>(),
            Some(abi::UnauthorizedCaller {
                caller: alice,
                callerRole: role::NONE
            }),
            "{}",
            r.outcome()
        );
    }
    // nor can staff move a wallet that is in use: an investor's or a special one
    let (issuer, exchange) = (s.issuer, s.exchange);
    s.must(
        exchange,
        registry,
        &IRegistry::registerInvestorCall {
            id: "ex-1".into(),
            collision_hash: "h".into(),
        },
    );
    for (who, id, wallet, kind) in [
        (issuer, "alice", bob, 0),
        (exchange, "ex-1", bob, 0),
        (issuer, "alice", vault, 1),
    ] {
        let r = s.send(
            who,
            registry,
            &IRegistry::addWalletCall {
                wallet,
                id: id.into(),
            },
        );
        assert_eq!(
            r.revert_error::<abi::WalletInUse>(),
            Some(abi::WalletInUse {
                wallet,
                walletType: kind
            }),
            "{}",
            r.outcome()
        );
    }
    let call = IRegistry::updateInvestorCall {
        id: "alice".into(),
        collision_hash: String::new(),
        country: String::new(),
        wallets: vec![bob],
        attribute_ids: vec![],
        attribute_values: vec![],
        attribute_expirations: vec![],
    };
    let r = s.send(issuer, registry, &call);
    assert!(r.reverted_with::<abi::WalletInUse>(), "{}", r.outcome());
    assert_eq!(
        s.view(registry, &IRegistry::getInvestorCall { wallet: bob }),
        "bob"
    );
    assert_eq!(s.balance(bob), u(100));
}

/// L-15: seized tokens must not be stuck in the issuer wallet: they can be
/// transferred on to an investor, or burnt.
#[test]
fn l15_seized_tokens_can_leave_the_issuer_wallet() {
    let mut s = suite();
    let vault = s.wallet("issuer vault");
    s.add_issuer_wallet(vault);
    let fr = s.new_investor("fr-1", "FR", &[]);
    let jp = s.new_investor("jp-1", "JP", &[]);
    s.issue(fr, 100).expect_ok("issue");
    seize(&mut s, fr, vault, 100);
    assert_eq!(
        s.counts(),
        counts(0, 0, 0, 0, 0),
        "the seized investor left"
    );

    s.expect_transfer(vault, jp, 60);
    assert_eq!(s.counts(), counts(1, 0, 0, 0, 1), "jp-1 joined");
    burn(&mut s, vault, 40);
    assert_eq!((s.balance(vault), s.total_supply()), (U256::ZERO, u(60)));
}

/// L-17: the cost of a burn or a seize must not grow with the investor's
/// number of wallets (DS walked them): an investor with 30 holding wallets
/// costs the same storage reads and calls as one with a single wallet.
#[test]
fn l17_burn_and_seize_cost_does_not_grow_with_wallets() {
    let mut s = suite();
    let vault = s.wallet("issuer vault");
    s.add_issuer_wallet(vault);
    let single = s.new_investor("de-single", "DE", &[]);
    let many: Vec<Address> = (0..30).map(|i| s.wallet(&format!("de-many {i}"))).collect();
    s.investor("de-many", "DE", &many, &[]);
    s.issue(single, 1_000).expect_ok("issue");
    let bulk = IDSToken::bulkIssuanceCall {
        to: many.clone(),
        values: vec![u(1_000); many.len()],
        issuance_time: U256::ZERO,
    };
    let (issuer, token) = (s.issuer, s.token());
    s.must(issuer, token, &bulk);
    assert_eq!(s.view(token, &IDSToken::walletCountCall {}), u(31));

    let one = burn(&mut s, single, 10);
    let thirty = burn(&mut s, many[0], 10);
    assert_eq!(
        (thirty.slots_read, thirty.calls),
        (one.slots_read, one.calls),
        "burn: same reads and calls"
    );
    assert!(thirty.gas.total_uncached <= one.gas.total_uncached * 101 / 100);
    let one = seize(&mut s, single, vault, 10);
    let thirty = seize(&mut s, many[0], vault, 10);
    assert_eq!(
        (thirty.slots_read, thirty.calls),
        (one.slots_read, one.calls),
        "seize: same reads and calls"
    );
    assert!(thirty.gas.total_uncached <= one.gas.total_uncached * 101 / 100);
}

/// L-18: the issuance records an investor carries are bounded, so no number
/// of issuances can make its transfers run out of gas; expired records are
/// pruned, so the bound never blocks an issuance for good.
#[test]
fn l18_issuance_records_are_bounded() {
    const MAX_ISSUANCES: usize = 32;
    let mut s = suite();
    s.set_uint_rule(uint_rule::NON_US_LOCK_PERIOD, 1_000);
    let a = s.new_investor("de-a", "DE", &[]);
    let b = s.new_investor("de-b", "DE", &[]);
    let (issuer, token) = (s.issuer, s.token());
    let bulk = |n: usize| IDSToken::bulkIssuanceCall {
        to: vec![a; n],
        values: vec![u(10); n],
        issuance_time: U256::ZERO,
    };
    s.must(issuer, token, &bulk(30));
    s.must(issuer, token, &bulk(MAX_ISSUANCES - 30));
    let supply = s.total_supply();

    let r = s.send(issuer, token, &bulk(1));
    assert_eq!(
        r.revert_error::<abi::TooManyRecords>(),
        Some(abi::TooManyRecords {
            investorKey: ds_e2e::investor_key("de-a"),
            max: u(MAX_ISSUANCES as u64)
        }),
        "{}",
        r.outcome()
    );
    assert_eq!(
        s.total_supply(),
        supply,
        "the refused issuance wrote nothing"
    );
    // the investor is not frozen by its records: transfers still pass the rules
    s.expect_refused(a, b, 1, code::HOLD_UP_NON_US);
    s.advance(1_000);
    s.expect_transfer(a, b, 5);
    // expired records are pruned: issuing works again
    s.issue(a, 10).expect_ok("issuance after the lock-up");
}

/// L-20: an attribute change of a holder must move it between the counters
/// (DS kept counting it under its old accreditation).
#[test]
fn l20_attribute_changes_move_the_counters() {
    let mut s = suite();
    let us = s.new_investor("us-1", "US", &[]);
    let other = s.new_investor("us-2", "US", &[]);
    s.issue(us, 100).expect_ok("issue");
    assert_eq!(s.counts(), counts(1, 0, 1, 0, 0));
    set_attribute(&mut s, "us-1", ACCREDITED, APPROVED);
    assert_eq!(s.counts(), counts(1, 1, 1, 1, 0));
    set_attribute(&mut s, "us-1", ACCREDITED, REJECTED);
    assert_eq!(s.counts(), counts(1, 0, 1, 0, 0));
    s.investor("us-1", "US", &[us], &[ACCREDITED]); // updateInvestor
    assert_eq!(s.counts(), counts(1, 1, 1, 1, 0));
    s.expect_transfer(us, other, 100);
    assert_eq!(
        s.counts(),
        counts(1, 0, 1, 0, 0),
        "us-2 holds, not accredited"
    );
}

/// L-21: an investor must not be able to block its own removal by moving
/// tokens into the wallet being removed: the transfer agent blacklists the
/// wallet, takes its tokens, and the removal goes through.
#[test]
fn l21_investor_cannot_block_its_removal() {
    let mut s = suite();
    let (w1, w2) = (s.wallet("de-1 first"), s.wallet("de-1 second"));
    s.investor("de-1", "DE", &[w1, w2], &[]);
    let vault = s.wallet("issuer vault");
    s.add_issuer_wallet(vault);
    s.issue(w1, 100).expect_ok("issue");
    let (issuer, registry, token) = (s.issuer, s.registry, s.token());
    let remove_wallet = |wallet| IRegistry::removeWalletCall {
        wallet,
        id: "de-1".into(),
    };

    // the investor refills the wallet about to be removed: refused for now
    s.expect_transfer(w1, w2, 10);
    let r = s.send(issuer, registry, &remove_wallet(w2));
    assert!(
        r.reverted_with::<abi::WalletHasBalance>(),
        "{}",
        r.outcome()
    );

    // the wallets are blacklisted: the investor can no longer move tokens in
    blacklist(&mut s, w1);
    blacklist(&mut s, w2);
    s.expect_refused(w1, w2, 10, code::WALLET_BLACKLISTED);
    let forced = IDSToken::forcedTransferCall {
        from: w2,
        to: vault,
        amount: u(10),
    };
    let ta = s.transfer_agent;
    s.must(ta, token, &forced);
    seize(&mut s, w1, vault, 90);
    s.must(issuer, registry, &remove_wallet(w2));
    s.must(issuer, registry, &remove_wallet(w1));
    s.must(
        issuer,
        registry,
        &IRegistry::removeInvestorCall { id: "de-1".into() },
    );
    assert!(!s.view(registry, &IRegistry::isInvestorCall { id: "de-1".into() }));
    assert_eq!(s.counts().total, 0);
}

/// I-23: the world-wide force-full-transfer rule must bind US senders too
/// (DS applied it to non-US senders only).
#[test]
fn i23_world_wide_full_transfer_binds_us_senders() {
    let mut s = suite();
    s.set_bool_rule(bool_rule::WORLD_WIDE_FORCE_FULL_TRANSFER, true);
    let us1 = s.new_investor("us-1", "US", &[]);
    let us2 = s.new_investor("us-2", "US", &[]);
    s.issue(us1, 100).expect_ok("issue");
    s.expect_refused(us1, us2, 99, code::ONLY_FULL_TRANSFER);
    s.expect_transfer(us1, us2, 100);
}

/// Halborn (dev PR #75/#78): a blacklisted wallet must not move tokens by
/// any path: a direct transfer, a deposit to a platform wallet (DS checked
/// platform deposits before the blacklist), a `transferFrom` by a clean
/// spender; nor receive an issuance.
#[test]
fn halborn_blacklisted_wallet_cannot_move_tokens_by_any_path() {
    let mut s = suite();
    let listed = s.new_investor("de-listed", "DE", &[]);
    let clean = s.new_investor("de-clean", "DE", &[]);
    let platform = s.wallet("platform");
    s.add_platform_wallet(platform);
    s.issue(listed, 100).expect_ok("issue");
    let token = s.token();
    let spender = s.wallet("spender");
    s.must(
        listed,
        token,
        &IDSToken::approveCall {
            spender,
            value: u(100),
        },
    );
    blacklist(&mut s, listed);

    s.expect_refused(listed, clean, 10, code::WALLET_BLACKLISTED);
    s.expect_refused(listed, platform, 10, code::WALLET_BLACKLISTED);
    let call = IDSToken::transferFromCall {
        from: listed,
        to: clean,
        value: u(10),
    };
    let r = s.send(spender, token, &call);
    assert_eq!(
        r.transfer_rejection(),
        Some((code::WALLET_BLACKLISTED, code::reason(100).into())),
        "{}",
        r.outcome()
    );
    let r = s.issue(listed, 10);
    let e = r
        .revert_error::<abi::IssuanceRejected>()
        .unwrap_or_else(|| panic!("issuance to a blacklisted wallet: {}", r.outcome()));
    assert_eq!(e.code, u(code::WALLET_BLACKLISTED.into()));
    assert_eq!((s.balance(listed), s.balance(clean)), (u(100), U256::ZERO));
    // Compliance's token-only hooks cannot be used to route around it either
    let c = s.compliance;
    let r = s.send(
        listed,
        c,
        &IComplianceInternal::validateTransferCall {
            spender: listed,
            from: listed,
            to: clean,
            value: u(10),
            from_balance: u(100),
            paused: false,
        },
    );
    assert_eq!(
        r.revert_error::<abi::OnlyToken>(),
        Some(abi::OnlyToken { caller: listed })
    );
}
