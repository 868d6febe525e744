//! `preTransferCheck`: the DS transfer rules in the DS evaluation order, and
//! the effects of an accepted transfer on investor states and counters.

use alloy_primitives::U256;
use ds_common::{codes, ids::region, party::PartyInfo};

use crate::{
    category::{Category, Counts, Delta},
    config::{bool_rule, uint_rule, Config},
    limits::Limits,
    locks::{self, Issuance, Lock},
};

/// What Compliance keeps per investor.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InvestorState {
    /// Investor-level balance (sum over the investor's wallets).
    pub balance: U256,
    /// Category the investor is counted under while it holds tokens.
    pub counted: Option<Category>,
    /// Fully locked: nothing transferable.
    pub locked: bool,
    /// May only sell: refused as a receiver.
    pub liquidate_only: bool,
}

/// One side of a transfer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Party {
    /// What the Registry says about the wallet.
    pub info: PartyInfo,
    /// Compliance region of the investor's country.
    pub region: u8,
    /// The investor's state (default for non-investor wallets).
    pub state: InvestorState,
}

impl Party {
    /// The category the investor would be counted under now.
    pub fn category(&self) -> Category {
        Category::of(&self.info, self.region)
    }

    /// Effects on the counters of this investor's balance becoming `balance`:
    /// it leaves, joins, or moves to its current category.
    pub fn recount(&self, balance: U256, delta: &mut Delta) {
        if !self.info.is_investor {
            return;
        }
        match (self.state.counted, balance.is_zero()) {
            (Some(old), true) => delta.count(&old, -1),
            (Some(old), false) => delta.recount(&old, &self.category()),
            (None, false) => delta.count(&self.category(), 1),
            (None, true) => {}
        }
    }

    /// Whether this investor stops being counted when `value` leaves it.
    pub fn leaves_with(&self, value: U256) -> bool {
        self.info.is_investor
            && self.state.counted.is_some()
            && self.state.balance.saturating_sub(value).is_zero()
    }

    /// Whether this investor starts being counted when it receives `value`.
    pub fn joins_with(&self, value: U256) -> bool {
        self.info.is_investor && self.state.counted.is_none() && !value.is_zero()
    }

    /// The investor's state once its balance is `balance`.
    pub fn with_balance(&self, balance: U256) -> InvestorState {
        InvestorState {
            balance,
            counted: (!balance.is_zero()).then(|| self.category()),
            ..self.state
        }
    }
}

/// Whether the investor counters (and the receiver's EU retail counter)
/// matter to a transfer check: only when the sender leaves or the receiver
/// joins. Otherwise the contract need not read them.
pub fn needs_counts(from: &Party, to: &Party, value: U256, same_investor: bool) -> bool {
    !same_investor && (from.leaves_with(value) || to.joins_with(value))
}

/// Everything a transfer check needs, loaded once by the contract.
#[derive(Clone, Debug)]
pub struct TransferCheck<'a> {
    /// The configured rules.
    pub config: &'a Config,
    /// The global counters.
    pub counts: Counts,
    /// EU retail counter of the receiver's country.
    pub eu_retail_to: u32,
    /// The sender.
    pub from: Party,
    /// The receiver.
    pub to: Party,
    /// Both wallets belong to the same investor.
    pub same_investor: bool,
    /// Amount transferred.
    pub value: U256,
    /// The sending wallet's balance.
    pub from_wallet_balance: U256,
    /// The token is paused.
    pub paused: bool,
    /// The sender or the receiver is blacklisted.
    pub blacklisted: bool,
    /// Block time.
    pub now: u64,
    /// The sender's manual locks.
    pub from_locks: &'a [Lock],
    /// The sender's issuances (for lock-ups).
    pub from_issuances: &'a [Issuance],
}

/// New investor states and counter changes of an accepted transfer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct TransferEffects {
    /// The sender's new state (meaningful when the sender is an investor).
    pub from: InvestorState,
    /// The receiver's new state (meaningful when the receiver is an investor).
    pub to: InvestorState,
    /// Change of the counters.
    pub delta: Delta,
}

impl TransferCheck<'_> {
    /// Balance the sender is judged by: the investor's, or the wallet's for
    /// non-investor wallets.
    fn sender_balance(&self) -> U256 {
        if self.from.info.is_investor {
            self.from.state.balance
        } else {
            self.from_wallet_balance
        }
    }

    /// The sender keeps part of its holding.
    fn is_partial(&self) -> bool {
        self.sender_balance() > self.value
    }

    /// What the sender keeps.
    fn remaining(&self) -> U256 {
        self.sender_balance().saturating_sub(self.value)
    }

    /// The receiver's investor balance after the transfer.
    fn to_balance_after(&self) -> U256 {
        self.to.state.balance.saturating_add(self.value)
    }

    fn cfg(&self, rule: usize) -> U256 {
        self.config.amount(rule)
    }

    /// A partial transfer leaving the sender under a non-zero `minimum`.
    fn leaves_under(&self, minimum: U256) -> bool {
        self.is_partial() && self.remaining() < minimum
    }

    /// Manual locks (and the full investor lock) leave less than the value.
    fn manually_locked(&self) -> bool {
        if !self.from.info.is_investor {
            return false;
        }
        let locked = if self.from.state.locked {
            self.from.state.balance
        } else {
            locks::manually_locked(self.from_locks, self.now)
        };
        locks::transferable(self.from.state.balance, locked) < self.value
    }

    /// The hold-up code when issuances still under their lock-up leave less
    /// than the value: each issuance keeps the period of the residency it
    /// was issued under (audit M-4); code 32 when a US-issued one binds,
    /// else 33.
    fn hold_up_code(&self) -> Option<u8> {
        if !self.from.info.is_investor {
            return None;
        }
        let (us_period, non_us_period) = (
            self.config.num(uint_rule::US_LOCK_PERIOD),
            self.config.num(uint_rule::NON_US_LOCK_PERIOD),
        );
        let held = locks::held_up(self.from_issuances, self.now, us_period, non_us_period);
        if locks::transferable(self.from.state.balance, held) >= self.value {
            return None;
        }
        let us_binds = self
            .from_issuances
            .iter()
            .any(|i| i.us && i.is_held(self.now, us_period));
        Some(if us_binds {
            codes::HOLD_UP_US
        } else {
            codes::HOLD_UP_NON_US
        })
    }

    /// Code 16 when manual locks bind (not for platform senders), else the
    /// lock-up code when issuance lock-ups bind: every rule that keeps
    /// tokens inside an investor, on every destination (review F-01).
    fn lock_code(&self) -> Option<u8> {
        if !self.from.info.is_platform() && self.manually_locked() {
            return Some(codes::TOKENS_LOCKED);
        }
        self.hold_up_code()
    }

    /// Counter changes the limits judge: the sender leaving and the receiver
    /// joining (limits bind new investors, as in DS).
    fn joining_delta(&self) -> Delta {
        let mut delta = Delta::default();
        if self.same_investor {
            return delta;
        }
        if self.from.leaves_with(self.value) {
            self.from.recount(U256::ZERO, &mut delta);
        }
        if self.to.joins_with(self.value) {
            self.to.recount(self.to_balance_after(), &mut delta);
        }
        delta
    }

    /// The DS reason code of the transfer (0 = valid).
    pub fn check(&self) -> u8 {
        let cfg = self.config;
        let full_transfer_rule = |from_us: bool| {
            cfg.flag(bool_rule::WORLD_WIDE_FORCE_FULL_TRANSFER)
                || (from_us && cfg.flag(bool_rule::FORCE_FULL_TRANSFER))
        };
        let from_us = self.from.region == region::US;

        if self.blacklisted {
            return codes::WALLET_BLACKLISTED;
        }
        if self.from_wallet_balance < self.value {
            return codes::NOT_ENOUGH_TOKENS;
        }
        if self.to.info.is_platform() {
            // DS returns here, before the pause check. Unlike DS, locked
            // tokens (manual locks and issuance lock-ups, review F-01)
            // cannot leave through a platform wallet.
            if let Some(code) = self.lock_code() {
                return code;
            }
            if full_transfer_rule(from_us) && self.is_partial() {
                return codes::ONLY_FULL_TRANSFER;
            }
            return codes::VALID;
        }
        if self.paused {
            return codes::TOKEN_PAUSED;
        }
        if self.same_investor {
            return codes::VALID;
        }
        if self.to.state.liquidate_only {
            return codes::INVESTOR_LIQUIDATE_ONLY;
        }
        if !self.to.info.is_investor {
            return codes::WALLET_NOT_IN_REGISTRY_SERVICE;
        }
        if self.to.region == region::FORBIDDEN {
            return codes::DESTINATION_RESTRICTED;
        }
        if let Some(code) = self.lock_code() {
            return code;
        }
        if from_us {
            if self.leaves_under(self.cfg(uint_rule::MIN_US_TOKENS)) {
                return codes::AMOUNT_OF_TOKENS_UNDER_MIN;
            }
            // Audit I-23: the world-wide rule applies to US senders too.
            if full_transfer_rule(true) && self.is_partial() {
                return codes::ONLY_FULL_TRANSFER;
            }
        } else {
            let flowback_end = cfg.num(uint_rule::BLOCK_FLOWBACK_END_TIME);
            if self.to.region == region::US
                && !self.from.info.is_platform()
                && (flowback_end == 0 || flowback_end > self.now)
            {
                return codes::FLOWBACK;
            }
            if full_transfer_rule(false) && self.is_partial() {
                return codes::ONLY_FULL_TRANSFER;
            }
        }
        if self.from.region == region::EU && self.leaves_under(self.cfg(uint_rule::MIN_EU_TOKENS)) {
            return codes::AMOUNT_OF_TOKENS_UNDER_MIN;
        }
        if cfg.flag(bool_rule::FORCE_ACCREDITED) && !self.to.info.is_accredited() {
            return codes::ONLY_ACCREDITED;
        }

        let limits = Limits::new(
            cfg,
            self.counts,
            self.joining_delta(),
            self.eu_retail_to,
            self.to.info.country,
        );
        let to_after = self.to_balance_after();
        match self.to.region {
            region::JP if limits.jp() => return codes::MAX_INVESTORS_IN_CATEGORY,
            region::EU => {
                if limits.eu_retail() {
                    return codes::MAX_INVESTORS_IN_CATEGORY;
                }
                if to_after < self.cfg(uint_rule::MIN_EU_TOKENS) {
                    return codes::AMOUNT_OF_TOKENS_UNDER_MIN;
                }
            }
            region::US => {
                if cfg.flag(bool_rule::FORCE_ACCREDITED_US) && !self.to.info.is_accredited() {
                    return codes::ONLY_US_ACCREDITED;
                }
                if limits.us() || limits.us_accredited() {
                    return codes::MAX_INVESTORS_IN_CATEGORY;
                }
                if to_after < self.cfg(uint_rule::MIN_US_TOKENS) {
                    return codes::AMOUNT_OF_TOKENS_UNDER_MIN;
                }
            }
            _ => {}
        }
        if limits.non_accredited() || limits.total() {
            return codes::MAX_INVESTORS_IN_CATEGORY;
        }
        let minimum_investors = cfg.num(uint_rule::MINIMUM_TOTAL_INVESTORS);
        let total_after = limits.total_after();
        if minimum_investors != 0
            && total_after < self.counts.total
            && u64::from(total_after) < minimum_investors
        {
            return codes::NOT_ENOUGH_INVESTORS;
        }
        let min_holding = self.cfg(uint_rule::MINIMUM_HOLDINGS_PER_INVESTOR);
        if (!self.from.info.is_platform() && self.leaves_under(min_holding))
            || to_after < min_holding
        {
            return codes::AMOUNT_OF_TOKENS_UNDER_MIN;
        }
        // Halborn: holding exactly the maximum is allowed (DS refused it).
        let max_holding = self.cfg(uint_rule::MAXIMUM_HOLDINGS_PER_INVESTOR);
        if !max_holding.is_zero() && to_after > max_holding {
            return codes::AMOUNT_OF_TOKENS_ABOVE_MAX;
        }
        codes::VALID
    }

    /// Investor states and counter changes once the transfer is accepted.
    /// Same-investor transfers (and self-transfers) change nothing (audit M-9).
    pub fn effects(&self) -> TransferEffects {
        let mut effects = TransferEffects {
            from: self.from.state,
            to: self.to.state,
            delta: Delta::default(),
        };
        if self.same_investor {
            return effects;
        }
        if self.from.info.is_investor {
            let balance = self.remaining();
            self.from.recount(balance, &mut effects.delta);
            effects.from = self.from.with_balance(balance);
        }
        if self.to.info.is_investor {
            let balance = self.to_balance_after();
            self.to.recount(balance, &mut effects.delta);
            effects.to = self.to.with_balance(balance);
        }
        effects
    }
}
