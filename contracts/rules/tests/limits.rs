//! Code 40: every investor-count limit, at / one above its boundary, and the
//! audit L-06 fix (a leaving sender frees a slot only in its own categories).

mod common;

use common::*;
use ds_common::codes;
use ds_rules::config::uint_rule as r;

#[test]
fn total_limit() {
    let mut s = Scenario::new(il(100), il(0), 10).uint(r::TOTAL_INVESTORS_LIMIT, 2);
    assert_eq!(s.code(), codes::VALID, "1 -> 2 of 2");
    s.counts.total = 2;
    s.counts.accredited = 1; // keep non-accredited consistent
    assert_eq!(s.code(), codes::MAX_INVESTORS_IN_CATEGORY, "2 -> 3 of 2");
    // A full transfer frees the sender's slot.
    s.value = u(100);
    assert_eq!(s.code(), codes::VALID);
    // Topping up an existing holder never counts.
    let mut t = Scenario::new(il(100), il(5), 10).uint(r::TOTAL_INVESTORS_LIMIT, 1);
    t.counts.total = 5;
    assert_eq!(t.code(), codes::VALID);
}

#[test]
fn non_accredited_limit() {
    let mut s =
        Scenario::new(accredited(il(100)), il(0), 10).uint(r::NON_ACCREDITED_INVESTORS_LIMIT, 1);
    assert_eq!(s.code(), codes::VALID, "0 -> 1 non-accredited of 1");
    s.counts.total += 1; // one more non-accredited holder elsewhere
    assert_eq!(s.code(), codes::MAX_INVESTORS_IN_CATEGORY);
    s.to = accredited(il(0));
    assert_eq!(
        s.code(),
        codes::VALID,
        "accredited receivers are not limited"
    );
}

#[test]
fn us_limit_absolute_and_percentage() {
    let mut s = Scenario::new(us(100), us(0), 10).uint(r::US_INVESTORS_LIMIT, 2);
    assert_eq!(s.code(), codes::VALID, "1 -> 2 of 2");
    s.counts.us = 2;
    s.counts.total = 2;
    assert_eq!(s.code(), codes::MAX_INVESTORS_IN_CATEGORY);
    // Percentage: 10 investors, 20% -> at most 2 US of 11 after.
    let mut p = Scenario::new(il(100), us(0), 10).uint(r::MAX_US_INVESTORS_PERCENTAGE, 20);
    p.counts.total = 10;
    p.counts.us = 1;
    assert_eq!(p.code(), codes::VALID, "2 US of 11: 20% of 11 = 2");
    p.counts.us = 2;
    assert_eq!(p.code(), codes::MAX_INVESTORS_IN_CATEGORY);
}

#[test]
fn full_non_us_to_us_transfer_cannot_bypass_the_us_limit() {
    // Audit L-06: in DS a full transfer skipped the US limit whatever the sender.
    let mut s = Scenario::new(il(100), us(0), 100).uint(r::US_INVESTORS_LIMIT, 1);
    s.counts.us = 1;
    s.counts.total = 2;
    assert_eq!(s.code(), codes::MAX_INVESTORS_IN_CATEGORY);
    // A US sender leaving frees its own US slot.
    let mut t = Scenario::new(us(100), us(0), 100).uint(r::US_INVESTORS_LIMIT, 1);
    t.counts.us = 1;
    assert_eq!(t.code(), codes::VALID);
}

#[test]
fn us_accredited_limit() {
    let mut s =
        Scenario::new(us(100), accredited(us(0)), 10).uint(r::US_ACCREDITED_INVESTORS_LIMIT, 1);
    assert_eq!(s.code(), codes::VALID);
    s.counts.us_accredited = 1;
    s.counts.accredited = 1;
    s.counts.us += 1;
    s.counts.total += 1;
    assert_eq!(s.code(), codes::MAX_INVESTORS_IN_CATEGORY);
    s.to = us(0);
    assert_eq!(
        s.code(),
        codes::VALID,
        "non-accredited US receiver is not in the category"
    );
}

#[test]
fn jp_limit() {
    let mut s = Scenario::new(il(100), jp(0), 10).uint(r::JP_INVESTORS_LIMIT, 1);
    assert_eq!(s.code(), codes::VALID);
    s.counts.jp = 1;
    s.counts.total += 1;
    assert_eq!(s.code(), codes::MAX_INVESTORS_IN_CATEGORY);
    // A JP sender leaving frees the slot (DS: same country, full transfer).
    let mut t = Scenario::new(jp(100), jp(0), 100).uint(r::JP_INVESTORS_LIMIT, 1);
    t.counts.jp = 1;
    assert_eq!(t.code(), codes::VALID);
}

#[test]
fn eu_retail_limit_is_per_country_and_spares_qualified() {
    let mut s = Scenario::new(il(100), de(0), 10).uint(r::EU_RETAIL_INVESTORS_LIMIT, 1);
    assert_eq!(s.code(), codes::VALID);
    s.eu_retail_to = 1; // one German retail investor already
    assert_eq!(s.code(), codes::MAX_INVESTORS_IN_CATEGORY);
    s.to = qualified(de(0));
    assert_eq!(s.code(), codes::VALID, "qualified investors are not retail");
    // A French retail investor leaving does not free a German slot.
    let mut f = Scenario::new(fr(100), de(0), 100).uint(r::EU_RETAIL_INVESTORS_LIMIT, 1);
    f.eu_retail_to = 1;
    assert_eq!(f.code(), codes::MAX_INVESTORS_IN_CATEGORY);
    let mut g = Scenario::new(de(100), de(0), 100).uint(r::EU_RETAIL_INVESTORS_LIMIT, 1);
    g.eu_retail_to = 1;
    assert_eq!(
        g.code(),
        codes::VALID,
        "a German retail investor leaving frees it"
    );
}

#[test]
fn limits_never_block_transfers_that_do_not_raise_a_counter() {
    // Over the limit already (limit lowered after the fact): existing holders still trade.
    let mut s = Scenario::new(us(100), us(10), 10).uint(r::US_INVESTORS_LIMIT, 1);
    s.counts.us = 5;
    s.counts.total = 5;
    assert_eq!(s.code(), codes::VALID);
}

mod counters_read_only_when_membership_changes {
    use super::*;
    use ds_rules::{category::Counts, transfer::needs_counts};
    use proptest::prelude::*;

    /// Every party kind a transfer can have on either side.
    fn party(kind: u8, balance: u64) -> ds_rules::Party {
        match kind % 6 {
            0 => us(balance),
            1 => accredited(us(balance)),
            2 => de(balance),
            3 => qualified(fr(balance)),
            4 => jp(balance),
            _ => il(balance),
        }
    }

    proptest! {
        /// When `needs_counts` is false the code is the same whatever the
        /// counters say, so the contract may skip reading them.
        #[test]
        fn code_does_not_depend_on_counters(
            from_kind in 0u8..6, to_kind in 0u8..6,
            from_balance in 0u64..1_000, to_balance in 0u64..1_000, value in 0u64..1_200,
            total in 0u32..5, eu in 0u32..5,
        ) {
            let mut s = Scenario::new(party(from_kind, from_balance), party(to_kind, to_balance), value)
                .uint(r::TOTAL_INVESTORS_LIMIT, 2)
                .uint(r::US_INVESTORS_LIMIT, 1)
                .uint(r::EU_RETAIL_INVESTORS_LIMIT, 1)
                .uint(r::JP_INVESTORS_LIMIT, 1)
                .uint(r::MINIMUM_TOTAL_INVESTORS, 2);
            prop_assume!(!needs_counts(&s.from, &s.to, s.value, s.same_investor));
            let with_none = {
                s.counts = Counts::default();
                s.eu_retail_to = 0;
                s.code()
            };
            s.counts = Counts { total, accredited: 0, us: total, us_accredited: 0, jp: total };
            s.eu_retail_to = eu;
            prop_assert_eq!(s.code(), with_none);
        }
    }

    #[test]
    fn joining_and_leaving_need_them() {
        assert!(
            needs_counts(&il(100), &il(0), u(10), false),
            "receiver joins"
        );
        assert!(
            needs_counts(&il(100), &il(5), u(100), false),
            "sender leaves"
        );
        assert!(!needs_counts(&il(100), &il(5), u(10), false), "both stay");
        assert!(
            !needs_counts(&il(100), &il(0), u(100), true),
            "same investor"
        );
        assert!(!needs_counts(&il(100), &il(0), u(0), false), "zero value");
    }
}
