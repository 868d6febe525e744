//! Investor-count limits, judged on the counters after the operation.
//!
//! A limit refuses only an operation that raises its counter past the limit.
//! Judging the after-state fixes audit L-06: a full transfer frees a slot
//! only in the categories the leaving investor was counted in.

use crate::{
    category::{add, Counts, Delta},
    config::{uint_rule, Config},
};

/// The counters before and after one operation.
pub struct Limits<'a> {
    config: &'a Config,
    delta: Delta,
    before: Counts,
    /// `None` when the delta breaks the counters (fail closed).
    after: Option<Counts>,
    /// EU retail counter of the receiver's country, before.
    eu_before: u32,
    eu_country: u32,
}

impl<'a> Limits<'a> {
    /// Limits for `delta` applied to `before`; `eu_before` is the EU retail
    /// counter of `eu_country`, the receiver's country.
    pub fn new(
        config: &'a Config,
        before: Counts,
        delta: Delta,
        eu_before: u32,
        eu_country: u32,
    ) -> Self {
        let after = before.apply(&delta);
        Self {
            config,
            delta,
            before,
            after,
            eu_before,
            eu_country,
        }
    }

    /// Whether raising a counter by `delta` to `after` passes `limit` (0 = none).
    fn exceeded(limit: u64, delta: i64, after: Option<u32>) -> bool {
        delta > 0 && limit != 0 && after.is_none_or(|a| u64::from(a) > limit)
    }

    fn rule(&self, index: usize) -> u64 {
        self.config.num(index)
    }

    /// Total investors limit.
    pub fn total(&self) -> bool {
        Self::exceeded(
            self.rule(uint_rule::TOTAL_INVESTORS_LIMIT),
            self.delta.total,
            self.after.map(|a| a.total),
        )
    }

    /// Non-accredited investors limit.
    pub fn non_accredited(&self) -> bool {
        let delta = self.delta.total - self.delta.accredited;
        let limit = self.rule(uint_rule::NON_ACCREDITED_INVESTORS_LIMIT);
        Self::exceeded(limit, delta, self.after.map(|a| a.non_accredited()))
    }

    /// US investors limit (absolute and percentage of all investors).
    pub fn us(&self) -> bool {
        let total = self.after.map_or(self.before.total, |a| a.total);
        let limit = self.config.us_investors_limit(u64::from(total));
        match limit {
            None => false,
            // A percentage can make the limit 0: then no US investor may join.
            Some(limit) => self.delta.us > 0 && self.after.is_none_or(|a| u64::from(a.us) > limit),
        }
    }

    /// Accredited US investors limit.
    pub fn us_accredited(&self) -> bool {
        let limit = self.rule(uint_rule::US_ACCREDITED_INVESTORS_LIMIT);
        Self::exceeded(
            limit,
            self.delta.us_accredited,
            self.after.map(|a| a.us_accredited),
        )
    }

    /// Japanese investors limit.
    pub fn jp(&self) -> bool {
        Self::exceeded(
            self.rule(uint_rule::JP_INVESTORS_LIMIT),
            self.delta.jp,
            self.after.map(|a| a.jp),
        )
    }

    /// EU retail investors limit of the receiver's country.
    pub fn eu_retail(&self) -> bool {
        let delta = self.delta.eu_retail_of(self.eu_country);
        let after = add(self.eu_before, delta);
        Self::exceeded(
            self.rule(uint_rule::EU_RETAIL_INVESTORS_LIMIT),
            delta,
            after,
        )
    }

    /// The total after the operation (before, if the delta is broken).
    pub fn total_after(&self) -> u32 {
        self.after.map_or(self.before.total, |a| a.total)
    }
}
