//! `preIssuanceCheck`: the DS issuance rules in the DS order, the issuance
//! cap and the effects of an accepted issuance.

use alloy_primitives::U256;
use ds_common::{codes, ids::region};

use crate::{
    category::{Counts, Delta},
    config::{bool_rule, uint_rule, Config},
    limits::Limits,
    transfer::{InvestorState, Party},
};

/// Everything an issuance check needs.
#[derive(Clone, Debug)]
pub struct IssuanceCheck<'a> {
    /// The configured rules.
    pub config: &'a Config,
    /// The global counters.
    pub counts: Counts,
    /// EU retail counter of the receiver's country.
    pub eu_retail_to: u32,
    /// The receiver.
    pub to: Party,
    /// Amount issued.
    pub value: U256,
    /// The receiver is blacklisted.
    pub blacklisted: bool,
}

impl IssuanceCheck<'_> {
    fn to_balance_after(&self) -> U256 {
        self.to.state.balance.saturating_add(self.value)
    }

    fn joining_delta(&self) -> Delta {
        let mut delta = Delta::default();
        if self.to.info.is_investor && self.to.state.counted.is_none() && !self.value.is_zero() {
            self.to.recount(self.to_balance_after(), &mut delta);
        }
        delta
    }

    /// The DS reason code of the issuance (0 = valid).
    pub fn check(&self) -> u8 {
        let cfg = self.config;
        let to = &self.to;
        if self.blacklisted {
            return codes::WALLET_BLACKLISTED;
        }
        if !to.info.is_investor && !to.info.is_platform() {
            return codes::WALLET_NOT_IN_REGISTRY_SERVICE;
        }
        if to.region == region::FORBIDDEN {
            return codes::DESTINATION_RESTRICTED;
        }
        if to.state.liquidate_only {
            return codes::INVESTOR_LIQUIDATE_ONLY;
        }
        if cfg.flag(bool_rule::FORCE_ACCREDITED) && to.info.is_investor && !to.info.is_accredited()
        {
            return codes::ONLY_ACCREDITED;
        }
        let limits = Limits::new(
            cfg,
            self.counts,
            self.joining_delta(),
            self.eu_retail_to,
            to.info.country,
        );
        if limits.non_accredited()
            || limits.total()
            || limits.us()
            || limits.us_accredited()
            || limits.eu_retail()
            || limits.jp()
        {
            return codes::MAX_INVESTORS_IN_CATEGORY;
        }
        if !to.info.is_investor {
            // Platform wallets are exempt from the holding rules.
            return codes::VALID;
        }
        if to.region == region::US
            && cfg.flag(bool_rule::FORCE_ACCREDITED_US)
            && !to.info.is_accredited()
        {
            return codes::ONLY_US_ACCREDITED;
        }
        let after = self.to_balance_after();
        let regional_min = match to.region {
            region::US => cfg.amount(uint_rule::MIN_US_TOKENS),
            region::EU => cfg.amount(uint_rule::MIN_EU_TOKENS),
            _ => U256::ZERO,
        };
        if after < regional_min || after < cfg.amount(uint_rule::MINIMUM_HOLDINGS_PER_INVESTOR) {
            return codes::AMOUNT_OF_TOKENS_UNDER_MIN;
        }
        let max_holding = cfg.amount(uint_rule::MAXIMUM_HOLDINGS_PER_INVESTOR);
        if !max_holding.is_zero() && after > max_holding {
            return codes::AMOUNT_OF_TOKENS_ABOVE_MAX;
        }
        codes::VALID
    }

    /// The receiver's new state and the counter changes of the issuance.
    pub fn effects(&self) -> (InvestorState, Delta) {
        let mut delta = Delta::default();
        if !self.to.info.is_investor {
            return (self.to.state, delta);
        }
        let balance = self.to_balance_after();
        self.to.recount(balance, &mut delta);
        (self.to.with_balance(balance), delta)
    }
}

/// Whether issuing `value` on top of `total_supply` passes the authorized
/// securities cap (0 = no cap).
pub fn exceeds_authorized(config: &Config, total_supply: U256, value: U256) -> bool {
    let cap = config.amount(uint_rule::AUTHORIZED_SECURITIES);
    !cap.is_zero() && total_supply.checked_add(value).is_none_or(|s| s > cap)
}

/// Effects of removing `value` from an investor (burn, or the seized side
/// of a seize): its new state and the counter changes.
pub fn removal_effects(party: &Party, value: U256) -> (InvestorState, Delta) {
    let mut delta = Delta::default();
    if !party.info.is_investor {
        return (party.state, delta);
    }
    let balance = party.state.balance.saturating_sub(value);
    party.recount(balance, &mut delta);
    (party.with_balance(balance), delta)
}

/// Effects of adding `value` to an investor outside the transfer rules (the
/// receiving side of a forced transfer): its new state and the counter changes.
pub fn addition_effects(party: &Party, value: U256) -> (InvestorState, Delta) {
    let mut delta = Delta::default();
    if !party.info.is_investor {
        return (party.state, delta);
    }
    let balance = party.state.balance.saturating_add(value);
    party.recount(balance, &mut delta);
    (party.with_balance(balance), delta)
}
