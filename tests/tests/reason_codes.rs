//! Every DS reason code, triggered on the real artifacts: the exchange's
//! `preTransferCheck` on the token and on Compliance answers the code and
//! its string, the transfer reverts with `TransferRejected(code, reason)`
//! and changes nothing; lifting the cause lets the same transfer through.

use ds_e2e::{
    abi::ICompliance,
    ids::{attribute::ACCREDITED, bool_rule, code, uint_rule},
    ReceiptExt, Suite, COUNTRIES,
};

/// A suite with the standard countries, the flowback window closed, and two
/// Israeli investors, the first holding 100.
fn two_holders() -> (Suite, ds_e2e::Address, ds_e2e::Address) {
    let mut s = Suite::new();
    s.set_countries(&COUNTRIES);
    let a = s.new_investor("il-a", "IL", &[]);
    let b = s.new_investor("il-b", "IL", &[]);
    s.issue(a, 100).expect_ok("issue to il-a");
    (s, a, b)
}

#[test]
fn code_10_token_paused() {
    let (mut s, a, b) = two_holders();
    s.pause();
    s.expect_refused(a, b, 10, code::TOKEN_PAUSED);
    s.unpause();
    s.expect_transfer(a, b, 10);
}

#[test]
fn code_15_not_enough_tokens() {
    let (mut s, a, b) = two_holders();
    s.expect_refused(a, b, 101, code::NOT_ENOUGH_TOKENS);
    s.expect_refused(b, a, 1, code::NOT_ENOUGH_TOKENS);
    s.expect_transfer(a, b, 100);
}

#[test]
fn code_16_tokens_locked_until_the_release_time() {
    let mut s = Suite::new();
    s.set_countries(&COUNTRIES);
    let a = s.new_investor("il-a", "IL", &[]);
    let b = s.new_investor("il-b", "IL", &[]);
    let release = s.now() + 1_000;
    s.issue_locked(a, 100, 60, release)
        .expect_ok("issue with a lock");
    s.expect_refused(a, b, 41, code::TOKENS_LOCKED);
    s.expect_transfer(a, b, 40);
    s.advance(999);
    s.expect_refused(a, b, 1, code::TOKENS_LOCKED);
    s.advance(1);
    s.expect_transfer(a, b, 60);
}

#[test]
fn code_16_investor_fully_locked() {
    let (mut s, a, b) = two_holders();
    let call = ICompliance::lockInvestorCall {
        investor_id: "il-a".into(),
    };
    s.must(s.transfer_agent, s.compliance, &call);
    s.expect_refused(a, b, 1, code::TOKENS_LOCKED);
    let call = ICompliance::unlockInvestorCall {
        investor_id: "il-a".into(),
    };
    s.must(s.transfer_agent, s.compliance, &call);
    s.expect_transfer(a, b, 1);
}

#[test]
fn code_20_wallet_not_in_registry() {
    let (mut s, a, _) = two_holders();
    let stranger = s.wallet("stranger");
    s.expect_refused(a, stranger, 10, code::WALLET_NOT_IN_REGISTRY_SERVICE);
    s.investor("stranger", "IL", &[stranger], &[]);
    s.expect_transfer(a, stranger, 10);
}

#[test]
fn code_25_flowback_until_the_window_ends() {
    let (mut s, a, _) = two_holders();
    let us = s.new_investor("us-1", "US", &[ACCREDITED]);
    // 0 (the default) blocks flowback forever
    s.expect_refused(a, us, 10, code::FLOWBACK);
    let end = s.now() + 100;
    s.set_uint_rule(uint_rule::BLOCK_FLOWBACK_END_TIME, end);
    s.expect_refused(a, us, 10, code::FLOWBACK);
    s.advance(100);
    s.expect_transfer(a, us, 10);
}

#[test]
fn code_26_destination_restricted() {
    let (mut s, a, _) = two_holders();
    let kp = s.new_investor("kp-1", "KP", &[]);
    s.expect_refused(a, kp, 10, code::DESTINATION_RESTRICTED);
    s.set_countries(&[("KP", ds_e2e::ids::region::NONE)]);
    s.expect_transfer(a, kp, 10);
}

#[test]
fn code_32_us_lock_up() {
    let mut s = Suite::new();
    s.set_countries(&COUNTRIES);
    s.set_uint_rule(uint_rule::US_LOCK_PERIOD, 1_000);
    let us1 = s.new_investor("us-1", "US", &[ACCREDITED]);
    let us2 = s.new_investor("us-2", "US", &[]);
    s.issue(us1, 100).expect_ok("issue");
    s.expect_refused(us1, us2, 10, code::HOLD_UP_US);
    s.advance(999);
    s.expect_refused(us1, us2, 10, code::HOLD_UP_US);
    s.advance(1);
    s.expect_transfer(us1, us2, 10);
}

#[test]
fn code_33_non_us_lock_up() {
    let mut s = Suite::new();
    s.set_countries(&COUNTRIES);
    s.set_uint_rule(uint_rule::NON_US_LOCK_PERIOD, 1_000);
    let fr = s.new_investor("fr-1", "FR", &[]);
    let de = s.new_investor("de-1", "DE", &[]);
    s.issue(fr, 100).expect_ok("issue");
    s.expect_refused(fr, de, 10, code::HOLD_UP_NON_US);
    s.advance(1_000);
    s.expect_transfer(fr, de, 10);
}

#[test]
fn code_40_max_investors_in_category() {
    let (mut s, a, b) = two_holders();
    s.set_uint_rule(uint_rule::TOTAL_INVESTORS_LIMIT, 1);
    s.expect_refused(a, b, 10, code::MAX_INVESTORS_IN_CATEGORY);
    // a full transfer replaces the holder: still one investor
    s.expect_transfer(a, b, 100);
    assert_eq!(s.counts().total, 1);
    // Japanese investors limit
    let mut s = Suite::new();
    s.set_countries(&COUNTRIES);
    s.set_uint_rule(uint_rule::JP_INVESTORS_LIMIT, 1);
    let jp1 = s.new_investor("jp-1", "JP", &[]);
    let jp2 = s.new_investor("jp-2", "JP", &[]);
    let il = s.new_investor("il-1", "IL", &[]);
    s.issue(jp1, 100).expect_ok("issue");
    s.expect_refused(jp1, jp2, 10, code::MAX_INVESTORS_IN_CATEGORY);
    s.expect_transfer(jp1, il, 10);
    assert_eq!(s.counts().jp, 1);
}

#[test]
fn code_50_only_full_transfer() {
    let mut s = Suite::new();
    s.set_countries(&COUNTRIES);
    s.set_bool_rule(bool_rule::FORCE_FULL_TRANSFER, true);
    let us1 = s.new_investor("us-1", "US", &[ACCREDITED]);
    let us2 = s.new_investor("us-2", "US", &[]);
    s.issue(us1, 100).expect_ok("issue");
    s.expect_refused(us1, us2, 10, code::ONLY_FULL_TRANSFER);
    s.expect_transfer(us1, us2, 100);
    // the world-wide rule binds non-US senders too
    let (mut s, a, b) = two_holders();
    s.set_bool_rule(bool_rule::WORLD_WIDE_FORCE_FULL_TRANSFER, true);
    s.expect_refused(a, b, 99, code::ONLY_FULL_TRANSFER);
    s.expect_transfer(a, b, 100);
}

#[test]
fn code_51_amount_under_minimum() {
    let (mut s, a, b) = two_holders();
    s.set_uint_rule(uint_rule::MINIMUM_HOLDINGS_PER_INVESTOR, 50);
    s.expect_refused(a, b, 51, code::AMOUNT_OF_TOKENS_UNDER_MIN); // sender keeps 49
    s.expect_refused(a, b, 49, code::AMOUNT_OF_TOKENS_UNDER_MIN); // receiver gets 49
    s.expect_transfer(a, b, 50);
}

#[test]
fn code_52_amount_above_maximum() {
    let (mut s, a, b) = two_holders();
    s.set_uint_rule(uint_rule::MAXIMUM_HOLDINGS_PER_INVESTOR, 50);
    s.expect_refused(a, b, 51, code::AMOUNT_OF_TOKENS_ABOVE_MAX);
    s.expect_transfer(a, b, 50); // holding exactly the maximum is allowed
}

#[test]
fn code_61_only_accredited() {
    let (mut s, a, b) = two_holders();
    let accredited = s.new_investor("il-acc", "IL", &[ACCREDITED]);
    s.set_bool_rule(bool_rule::FORCE_ACCREDITED, true);
    s.expect_refused(a, b, 10, code::ONLY_ACCREDITED);
    s.expect_transfer(a, accredited, 10);
}

#[test]
fn code_62_only_us_accredited() {
    let mut s = Suite::new();
    s.set_countries(&COUNTRIES);
    let us1 = s.new_investor("us-1", "US", &[ACCREDITED]);
    let us2 = s.new_investor("us-2", "US", &[]);
    let us3 = s.new_investor("us-3", "US", &[ACCREDITED]);
    s.issue(us1, 100).expect_ok("issue");
    s.set_bool_rule(bool_rule::FORCE_ACCREDITED_US, true);
    s.expect_refused(us1, us2, 10, code::ONLY_US_ACCREDITED);
    s.expect_transfer(us1, us3, 10);
}

#[test]
fn code_71_not_enough_investors() {
    let (mut s, a, b) = two_holders();
    s.issue(b, 10).expect_ok("issue to il-b");
    s.set_uint_rule(uint_rule::MINIMUM_TOTAL_INVESTORS, 2);
    assert_eq!(s.counts().total, 2);
    s.expect_refused(a, b, 100, code::NOT_ENOUGH_INVESTORS);
    s.expect_transfer(a, b, 99); // a partial transfer keeps both
}

#[test]
fn code_90_investor_liquidate_only() {
    let (mut s, a, b) = two_holders();
    let set = |enabled| ICompliance::setInvestorLiquidateOnlyCall {
        investor_id: "il-b".into(),
        enabled,
    };
    s.must(s.transfer_agent, s.compliance, &set(true));
    s.expect_refused(a, b, 10, code::INVESTOR_LIQUIDATE_ONLY);
    // a liquidate-only investor may still sell
    s.must(s.transfer_agent, s.compliance, &set(false));
    s.expect_transfer(a, b, 10);
    s.must(s.transfer_agent, s.compliance, &set(true));
    s.expect_transfer(b, a, 10);
}

#[test]
fn code_100_wallet_blacklisted() {
    let (mut s, a, b) = two_holders();
    s.must(
        s.transfer_agent,
        s.compliance,
        &ICompliance::addToBlacklistCall { wallet: b },
    );
    s.expect_refused(a, b, 10, code::WALLET_BLACKLISTED);
    // checked first: even a transfer that also lacks tokens reports 100
    s.expect_refused(a, b, 1_000, code::WALLET_BLACKLISTED);
    s.must(
        s.transfer_agent,
        s.compliance,
        &ICompliance::removeFromBlacklistCall { wallet: b },
    );
    s.expect_transfer(a, b, 10);
}

#[test]
fn messages_of_every_code_on_token_and_compliance() {
    let mut s = Suite::new();
    let token = s.token();
    for c in [
        0, 10, 15, 16, 20, 25, 26, 32, 33, 40, 50, 51, 52, 61, 62, 71, 90, 100,
    ] {
        let expected = code::reason(c).to_string();
        let call = ds_e2e::abi::IDSToken::messageForTransferRestrictionCall {
            restriction_code: c,
        };
        assert_eq!(s.view(token, &call), expected, "token, code {c}");
        let call = ICompliance::messageForTransferRestrictionCall {
            restriction_code: c,
        };
        assert_eq!(
            s.view(s.compliance, &call),
            expected,
            "Compliance, code {c}"
        );
    }
}
