//! Every transfer reason code: reached, and its boundary (one below / at / above).

mod common;

use common::*;
use ds_common::{codes, ids::region};
use ds_rules::{
    config::{bool_rule as b, uint_rule as r},
    locks::{Issuance, Lock},
};

#[test]
fn valid_transfer_between_two_investors() {
    assert_eq!(Scenario::new(il(100), il(0), 40).code(), codes::VALID);
}

#[test]
fn code_100_blacklisted_comes_first() {
    let mut s = Scenario::new(il(100), il(0), 400); // also 15
    s.blacklisted = true;
    assert_eq!(s.code(), codes::WALLET_BLACKLISTED);
}

#[test]
fn code_15_not_enough_tokens_boundary() {
    let mut s = Scenario::new(il(100), il(0), 100);
    assert_eq!(s.code(), codes::VALID);
    s.value = u(101);
    assert_eq!(s.code(), codes::NOT_ENOUGH_TOKENS);
    // The wallet balance decides, not the investor's other wallets.
    s.value = u(60);
    s.from_wallet_balance = u(59);
    assert_eq!(s.code(), codes::NOT_ENOUGH_TOKENS);
}

#[test]
fn platform_destination_passes_pause_but_not_full_transfer_rule() {
    let mut s = Scenario::new(us(100), platform(), 40);
    s.paused = true;
    assert_eq!(
        s.code(),
        codes::VALID,
        "DS lets platform deposits through a pause"
    );
    let s2 = s.clone().flag(b::FORCE_FULL_TRANSFER);
    assert_eq!(s2.code(), codes::ONLY_FULL_TRANSFER);
    let mut full = s2.clone();
    full.value = u(100);
    assert_eq!(full.code(), codes::VALID);
    // World-wide rule applies to a non-US sender too.
    let s3 = Scenario::new(il(100), platform(), 40).flag(b::WORLD_WIDE_FORCE_FULL_TRANSFER);
    assert_eq!(s3.code(), codes::ONLY_FULL_TRANSFER);
    // US-only rule does not apply to a non-US sender.
    let s4 = Scenario::new(il(100), platform(), 40).flag(b::FORCE_FULL_TRANSFER);
    assert_eq!(s4.code(), codes::VALID);
}

#[test]
fn locked_tokens_cannot_escape_through_a_platform_wallet() {
    let mut s = Scenario::new(il(100), platform(), 40);
    s.locks = vec![Lock {
        value: u(70),
        release_time: 0,
    }];
    assert_eq!(s.code(), codes::TOKENS_LOCKED);
    s.value = u(30);
    assert_eq!(s.code(), codes::VALID);
}

/// Review F-01: tokens still inside their issuance lock-up (codes 32/33)
/// cannot leave through a platform wallet either, during a pause too.
#[test]
fn lock_ups_bind_transfers_into_a_platform_wallet() {
    let mut us_held = Scenario::new(us(100), platform(), 50).uint(r::US_LOCK_PERIOD, 1_000);
    us_held.issuances = vec![Issuance {
        value: u(60),
        time: us_held.now - 999,
        us: true,
    }];
    assert_eq!(us_held.code(), codes::HOLD_UP_US, "40 free, 50 asked");
    us_held.paused = true;
    assert_eq!(
        us_held.code(),
        codes::HOLD_UP_US,
        "a pause does not open it"
    );
    us_held.value = u(40);
    assert_eq!(us_held.code(), codes::VALID, "the free part may go");
    us_held.value = u(50);
    us_held.issuances[0].time = us_held.now - 1_000;
    assert_eq!(us_held.code(), codes::VALID, "free at time + period");

    let mut non_us = Scenario::new(de(100), platform(), 50).uint(r::NON_US_LOCK_PERIOD, 1_000);
    non_us.issuances = vec![Issuance {
        value: u(60),
        time: non_us.now,
        us: false,
    }];
    assert_eq!(non_us.code(), codes::HOLD_UP_NON_US);
    // Manual locks are judged first (code 16), as on other destinations.
    non_us.locks = vec![Lock {
        value: u(70),
        release_time: 0,
    }];
    assert_eq!(non_us.code(), codes::TOKENS_LOCKED);
}

#[test]
fn code_10_paused() {
    let mut s = Scenario::new(il(100), il(0), 40);
    s.paused = true;
    assert_eq!(s.code(), codes::TOKEN_PAUSED);
}

#[test]
fn same_investor_is_valid_after_pause_check() {
    let mut s = Scenario::new(il(100), il(100), 40).flag(b::FORCE_ACCREDITED);
    s.same_investor = true;
    s.locks = vec![Lock {
        value: u(100),
        release_time: 0,
    }];
    assert_eq!(
        s.code(),
        codes::VALID,
        "moving between own wallets ignores the later rules"
    );
    s.paused = true;
    assert_eq!(s.code(), codes::TOKEN_PAUSED);
}

#[test]
fn code_90_liquidate_only_receiver() {
    let mut s = Scenario::new(il(100), il(5), 40);
    s.to.state.liquidate_only = true;
    assert_eq!(s.code(), codes::INVESTOR_LIQUIDATE_ONLY);
    // The liquidate-only investor may still sell.
    let mut sell = Scenario::new(il(100), il(5), 40);
    sell.from.state.liquidate_only = true;
    assert_eq!(sell.code(), codes::VALID);
}

#[test]
fn code_20_receiver_not_registered() {
    assert_eq!(
        Scenario::new(il(100), unknown_wallet(), 40).code(),
        codes::WALLET_NOT_IN_REGISTRY_SERVICE
    );
    assert_eq!(
        Scenario::new(il(100), issuer_wallet(), 40).code(),
        codes::WALLET_NOT_IN_REGISTRY_SERVICE
    );
}

#[test]
fn code_26_forbidden_destination() {
    let to = investor("KP", region::FORBIDDEN, 0);
    assert_eq!(
        Scenario::new(il(100), to, 40).code(),
        codes::DESTINATION_RESTRICTED
    );
}

#[test]
fn code_16_manual_locks_boundary_and_release() {
    let mut s = Scenario::new(il(100), il(0), 60);
    s.locks = vec![Lock {
        value: u(40),
        release_time: s.now + 10,
    }];
    assert_eq!(s.code(), codes::VALID, "60 of 100 free");
    s.value = u(61);
    assert_eq!(s.code(), codes::TOKENS_LOCKED);
    s.now += 10; // released at its release second
    assert_eq!(s.code(), codes::VALID);
}

#[test]
fn code_16_full_investor_lock() {
    let mut s = Scenario::new(il(100), il(0), 1);
    s.from.state.locked = true;
    assert_eq!(s.code(), codes::TOKENS_LOCKED);
}

#[test]
fn platform_sender_ignores_manual_locks() {
    let mut s = Scenario::new(platform(), il(0), 10);
    s.from_wallet_balance = u(100);
    s.locks = vec![Lock {
        value: u(100),
        release_time: 0,
    }];
    assert_eq!(s.code(), codes::VALID);
}

#[test]
fn code_32_us_lock_up_boundary() {
    let mut s = Scenario::new(us(100), us(0), 50).uint(r::US_LOCK_PERIOD, 1_000);
    s.issuances = vec![Issuance {
        value: u(60),
        time: s.now - 999,
        us: true,
    }];
    assert_eq!(s.code(), codes::HOLD_UP_US, "40 free, 50 asked");
    s.value = u(40);
    assert_eq!(s.code(), codes::VALID);
    s.value = u(50);
    s.issuances[0].time = s.now - 1_000;
    assert_eq!(s.code(), codes::VALID, "free at time + period");
}

#[test]
fn code_33_non_us_lock_up() {
    let mut s = Scenario::new(de(100), de(0), 50).uint(r::NON_US_LOCK_PERIOD, 1_000);
    s.issuances = vec![Issuance {
        value: u(60),
        time: s.now,
        us: false,
    }];
    assert_eq!(s.code(), codes::HOLD_UP_NON_US);
    // The US period does not apply to non-US senders.
    let mut t = Scenario::new(de(100), de(0), 50).uint(r::US_LOCK_PERIOD, 1_000);
    t.issuances = vec![Issuance {
        value: u(60),
        time: t.now,
        us: false,
    }];
    assert_eq!(t.code(), codes::VALID);
}

#[test]
fn lock_ups_follow_the_residency_at_issuance() {
    // Audit M-4: a US issuance stays under the US lock-up after the
    // investor moves abroad (code 32: a US-issued record binds), and a
    // non-US issuance does not pick up the US lock-up when the investor
    // moves to the US.
    let issued_us = Issuance {
        value: u(60),
        time: 1_000_000 - 10,
        us: true,
    };
    let mut moved_abroad = Scenario::new(de(100), de(0), 50).uint(r::US_LOCK_PERIOD, 1_000);
    moved_abroad.issuances = vec![issued_us];
    assert_eq!(moved_abroad.code(), codes::HOLD_UP_US);
    moved_abroad.value = u(40);
    assert_eq!(moved_abroad.code(), codes::VALID);
    let mut moved_to_us = Scenario::new(us(100), us(0), 50).uint(r::US_LOCK_PERIOD, 1_000);
    moved_to_us.issuances = vec![Issuance {
        us: false,
        ..issued_us
    }];
    assert_eq!(moved_to_us.code(), codes::VALID);
    moved_to_us.issuances[0].us = true;
    assert_eq!(moved_to_us.code(), codes::HOLD_UP_US);
}

#[test]
fn manual_lock_and_hold_up_are_not_double_counted() {
    // Audit M-7: 60 issued under lock-up AND manually locked: 40 stay free.
    let mut s = Scenario::new(us(100), us(0), 40).uint(r::US_LOCK_PERIOD, 1_000);
    s.issuances = vec![Issuance {
        value: u(60),
        time: s.now,
        us: true,
    }];
    s.locks = vec![Lock {
        value: u(60),
        release_time: 0,
    }];
    assert_eq!(s.code(), codes::VALID);
}

#[test]
fn code_25_flowback_boundary() {
    let mut s = Scenario::new(de(100), us(0), 40).uint(r::BLOCK_FLOWBACK_END_TIME, 0);
    assert_eq!(s.code(), codes::FLOWBACK, "0 blocks forever (DS)");
    s.config.uints[r::BLOCK_FLOWBACK_END_TIME] = u(s.now + 1);
    assert_eq!(s.code(), codes::FLOWBACK);
    s.config.uints[r::BLOCK_FLOWBACK_END_TIME] = u(s.now);
    assert_eq!(s.code(), codes::VALID);
    // US to US is never flowback.
    assert_eq!(
        Scenario::new(us(100), us(0), 40)
            .uint(r::BLOCK_FLOWBACK_END_TIME, 0)
            .code(),
        codes::VALID
    );
    // A platform sender is exempt.
    let mut p = Scenario::new(platform(), us(0), 40).uint(r::BLOCK_FLOWBACK_END_TIME, 0);
    p.from_wallet_balance = u(100);
    assert_eq!(p.code(), codes::VALID);
}

#[test]
fn code_50_full_transfer_us_and_world_wide() {
    let s = Scenario::new(us(100), us(0), 40).flag(b::FORCE_FULL_TRANSFER);
    assert_eq!(s.code(), codes::ONLY_FULL_TRANSFER);
    let mut full = s.clone();
    full.value = u(100);
    assert_eq!(full.code(), codes::VALID);
    // Audit I-23: the world-wide rule binds US senders too.
    let w = Scenario::new(us(100), us(0), 40).flag(b::WORLD_WIDE_FORCE_FULL_TRANSFER);
    assert_eq!(w.code(), codes::ONLY_FULL_TRANSFER);
    let nw = Scenario::new(il(100), il(0), 40).flag(b::WORLD_WIDE_FORCE_FULL_TRANSFER);
    assert_eq!(nw.code(), codes::ONLY_FULL_TRANSFER);
    let us_only = Scenario::new(il(100), il(0), 40).flag(b::FORCE_FULL_TRANSFER);
    assert_eq!(us_only.code(), codes::VALID);
}

#[test]
fn code_51_us_sender_remainder_boundary() {
    let mut s = Scenario::new(us(100), us(100), 40).uint(r::MIN_US_TOKENS, 60);
    assert_eq!(s.code(), codes::VALID, "keeps exactly 60");
    s.value = u(41);
    assert_eq!(s.code(), codes::AMOUNT_OF_TOKENS_UNDER_MIN);
    s.value = u(100);
    assert_eq!(
        s.code(),
        codes::VALID,
        "a full transfer leaves nothing to judge"
    );
}

#[test]
fn code_51_eu_sender_remainder_and_receiver() {
    let s = Scenario::new(de(100), il(0), 41).uint(r::MIN_EU_TOKENS, 60);
    assert_eq!(s.code(), codes::AMOUNT_OF_TOKENS_UNDER_MIN);
    let ok = Scenario::new(de(100), il(0), 40).uint(r::MIN_EU_TOKENS, 60);
    assert_eq!(ok.code(), codes::VALID);
    let mut to = Scenario::new(il(100), de(0), 59).uint(r::MIN_EU_TOKENS, 60);
    assert_eq!(
        to.code(),
        codes::AMOUNT_OF_TOKENS_UNDER_MIN,
        "EU receiver ends under min"
    );
    to.value = u(60);
    assert_eq!(to.code(), codes::VALID);
}

#[test]
fn code_51_us_receiver_boundary() {
    let mut s = Scenario::new(us(100), us(0), 59).uint(r::MIN_US_TOKENS, 60);
    s.config.uints[r::MIN_US_TOKENS] = u(60);
    // Sender keeps 41 < 60 too, and the sender rule comes first: use a full transfer.
    s.from = us(59);
    s.from_wallet_balance = u(59);
    s.recount();
    assert_eq!(s.code(), codes::AMOUNT_OF_TOKENS_UNDER_MIN);
    s.from = us(60);
    s.from_wallet_balance = u(60);
    s.value = u(60);
    s.recount();
    assert_eq!(s.code(), codes::VALID);
}

#[test]
fn code_51_minimum_holdings_sender_and_receiver() {
    let mut s = Scenario::new(il(100), il(0), 50).uint(r::MINIMUM_HOLDINGS_PER_INVESTOR, 50);
    assert_eq!(s.code(), codes::VALID);
    s.value = u(51);
    assert_eq!(
        s.code(),
        codes::AMOUNT_OF_TOKENS_UNDER_MIN,
        "sender keeps 49"
    );
    s.value = u(49);
    assert_eq!(
        s.code(),
        codes::AMOUNT_OF_TOKENS_UNDER_MIN,
        "receiver gets 49"
    );
    // A platform sender is exempt from its own remainder.
    let mut p = Scenario::new(platform(), il(0), 50).uint(r::MINIMUM_HOLDINGS_PER_INVESTOR, 50);
    p.from_wallet_balance = u(60);
    assert_eq!(p.code(), codes::VALID);
}

#[test]
fn code_52_maximum_holdings_boundary() {
    let mut s = Scenario::new(il(100), il(10), 40).uint(r::MAXIMUM_HOLDINGS_PER_INVESTOR, 50);
    assert_eq!(
        s.code(),
        codes::VALID,
        "holding exactly the maximum is allowed"
    );
    s.value = u(41);
    assert_eq!(s.code(), codes::AMOUNT_OF_TOKENS_ABOVE_MAX);
}

#[test]
fn code_61_only_accredited_uses_expiry_enforced_status() {
    let s = Scenario::new(il(100), il(0), 40).flag(b::FORCE_ACCREDITED);
    assert_eq!(s.code(), codes::ONLY_ACCREDITED);
    let mut ok = s.clone();
    ok.to = accredited(il(0));
    assert_eq!(ok.code(), codes::VALID);
    // Approved but expired: stored APPROVED, not effective.
    let mut expired = ok.clone();
    expired.to.info.effective = 0;
    assert_eq!(expired.code(), codes::ONLY_ACCREDITED);
}

#[test]
fn code_62_only_us_accredited() {
    let s = Scenario::new(us(100), us(0), 40).flag(b::FORCE_ACCREDITED_US);
    assert_eq!(s.code(), codes::ONLY_US_ACCREDITED);
    let mut ok = s.clone();
    ok.to = accredited(us(0));
    assert_eq!(ok.code(), codes::VALID);
    // Non-US receivers are not concerned.
    assert_eq!(
        Scenario::new(il(100), il(0), 40)
            .flag(b::FORCE_ACCREDITED_US)
            .code(),
        codes::VALID
    );
}

#[test]
fn code_71_not_enough_investors_boundary() {
    // Three investors; the sender leaves by a full transfer to an existing holder.
    let mut s = Scenario::new(il(100), il(10), 100).uint(r::MINIMUM_TOTAL_INVESTORS, 3);
    s.counts.total = 3;
    assert_eq!(s.code(), codes::NOT_ENOUGH_INVESTORS, "3 -> 2 < 3");
    s.config.uints[r::MINIMUM_TOTAL_INVESTORS] = u(2);
    assert_eq!(s.code(), codes::VALID, "3 -> 2, minimum 2");
    // A partial transfer never lowers the count.
    s.config.uints[r::MINIMUM_TOTAL_INVESTORS] = u(3);
    s.value = u(99);
    assert_eq!(s.code(), codes::VALID);
    // A full transfer to a new investor keeps the count.
    let mut n = Scenario::new(il(100), il(0), 100).uint(r::MINIMUM_TOTAL_INVESTORS, 3);
    n.counts.total = 3;
    assert_eq!(n.code(), codes::VALID);
}
