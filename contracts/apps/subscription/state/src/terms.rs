//! The arithmetic and the rules of a round, without a host: what terms a
//! round may have, what a subscription may add, and what it costs.

use alloy_primitives::{Address, U256};
use ds_common::{
    errors::{
        AmountTooLarge, HardCapExceeded, InvalidRoundTerms, SubscriptionOutOfBounds, ZeroAmount,
    },
    DSError,
};

/// `InvalidRoundTerms` rule: exactly one price source.
pub const TERM_PRICE_SOURCE: u8 = 1;
/// `InvalidRoundTerms` rule: a window ending after its start, in the future.
pub const TERM_WINDOW: u8 = 2;
/// `InvalidRoundTerms` rule: caps in order.
pub const TERM_CAPS: u8 = 3;

fn invalid(term: u8) -> DSError {
    DSError::InvalidRoundTerms(InvalidRoundTerms { term })
}

/// A round's terms as the issuer gives them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Terms {
    /// Payment units per whole token (0 when `nav` prices the round).
    pub price: U256,
    /// The NAV provider whose `rate()` prices the round (zero with a price).
    pub nav: Address,
    /// The least an investor's total in the round may be.
    pub min_per_investor: U256,
    /// The most an investor's total may be (0: the hard cap).
    pub max_per_investor: U256,
    /// The least the round must sell to succeed (escrow rounds only).
    pub soft_cap: U256,
    /// The most the round sells.
    pub hard_cap: U256,
    /// Opening time (seconds).
    pub start: u64,
    /// Closing time (seconds; subscriptions before it).
    pub end: u64,
    /// Tokens issued at the close (payments held) rather than at once.
    pub issue_at_close: bool,
}

impl Terms {
    /// The per-investor maximum in force (0 means the hard cap).
    pub fn max(&self) -> U256 {
        if self.max_per_investor.is_zero() {
            self.hard_cap
        } else {
            self.max_per_investor
        }
    }

    /// Refuses terms a round cannot have: not exactly one price source, a
    /// window not ending after its start and after `now`, caps out of
    /// order, a soft cap on a round that issues at once (its payments go
    /// to the treasury at once: nothing to refund).
    pub fn check(&self, now: u64) -> Result<(), DSError> {
        if self.price.is_zero() == self.nav.is_zero() {
            return Err(invalid(TERM_PRICE_SOURCE));
        }
        if self.end <= self.start || self.end <= now {
            return Err(invalid(TERM_WINDOW));
        }
        let caps_ok = !self.hard_cap.is_zero()
            && self.min_per_investor <= self.max()
            && self.max() <= self.hard_cap
            && self.soft_cap <= self.hard_cap
            && (self.issue_at_close || self.soft_cap.is_zero());
        if !caps_ok {
            return Err(invalid(TERM_CAPS));
        }
        Ok(())
    }

    /// The round's and the investor's totals after `amount` more, or the
    /// refusal: 0, past the hard cap, outside the investor's bounds.
    pub fn admit(
        &self,
        sold: U256,
        investor_total: U256,
        amount: U256,
    ) -> Result<(U256, U256), DSError> {
        if amount.is_zero() {
            return Err(DSError::ZeroAmount(ZeroAmount {}));
        }
        let exceeded = || {
            DSError::HardCapExceeded(HardCapExceeded {
                sold,
                amount,
                hardCap: self.hard_cap,
            })
        };
        let new_sold = sold.checked_add(amount).ok_or_else(exceeded)?;
        if new_sold > self.hard_cap {
            return Err(exceeded());
        }
        let total = investor_total.saturating_add(amount);
        if total < self.min_per_investor || total > self.max() {
            return Err(DSError::SubscriptionOutOfBounds(SubscriptionOutOfBounds {
                investorTotal: total,
                minPerInvestor: self.min_per_investor,
                maxPerInvestor: self.max(),
            }));
        }
        Ok((new_sold, total))
    }
}

/// What `amount` token units cost at `price` per whole token of `unit`
/// units (10^decimals), rounded up (the issuer is never paid less than
/// the price); 0 is refused ([`ZeroAmount`]).
pub fn cost(amount: U256, price: U256, unit: U256) -> Result<U256, DSError> {
    let product = amount
        .checked_mul(price)
        .ok_or(DSError::AmountTooLarge(AmountTooLarge { amount }))?;
    let cost = product.div_ceil(unit);
    if cost.is_zero() {
        return Err(DSError::ZeroAmount(ZeroAmount {}));
    }
    Ok(cost)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(v: u64) -> U256 {
        U256::from(v)
    }

    fn terms() -> Terms {
        Terms {
            price: u(2_500_000),
            nav: Address::ZERO,
            min_per_investor: u(10),
            max_per_investor: u(500),
            soft_cap: U256::ZERO,
            hard_cap: u(1_000),
            start: 100,
            end: 200,
            issue_at_close: false,
        }
    }

    #[test]
    fn terms_need_one_price_source_a_future_window_and_ordered_caps() {
        assert_eq!(terms().check(150), Ok(()));
        let both = Terms {
            nav: Address::with_last_byte(1),
            ..terms()
        };
        assert_eq!(both.check(0), Err(invalid(TERM_PRICE_SOURCE)));
        let neither = Terms {
            price: U256::ZERO,
            ..terms()
        };
        assert_eq!(neither.check(0), Err(invalid(TERM_PRICE_SOURCE)));
        assert_eq!(terms().check(200), Err(invalid(TERM_WINDOW)));
        let backwards = Terms {
            start: 300,
            ..terms()
        };
        assert_eq!(backwards.check(0), Err(invalid(TERM_WINDOW)));
        for bad in [
            Terms {
                hard_cap: U256::ZERO,
                max_per_investor: U256::ZERO,
                min_per_investor: U256::ZERO,
                ..terms()
            },
            Terms {
                min_per_investor: u(600),
                ..terms()
            },
            Terms {
                max_per_investor: u(2_000),
                ..terms()
            },
            Terms {
                soft_cap: u(1),
                ..terms()
            },
            Terms {
                soft_cap: u(1_001),
                issue_at_close: true,
                ..terms()
            },
        ] {
            assert_eq!(bad.check(0), Err(invalid(TERM_CAPS)), "{bad:?}");
        }
        let escrow = Terms {
            soft_cap: u(300),
            issue_at_close: true,
            ..terms()
        };
        assert_eq!(escrow.check(0), Ok(()));
    }

    #[test]
    fn a_subscription_stays_within_the_caps() {
        let t = terms();
        assert_eq!(t.admit(u(0), u(0), u(10)), Ok((u(10), u(10))));
        assert!(matches!(
            t.admit(u(0), u(0), u(0)),
            Err(DSError::ZeroAmount(_))
        ));
        assert!(matches!(
            t.admit(u(0), u(0), u(9)),
            Err(DSError::SubscriptionOutOfBounds(_))
        ));
        assert!(matches!(
            t.admit(u(0), u(495), u(6)),
            Err(DSError::SubscriptionOutOfBounds(_))
        ));
        assert_eq!(
            t.admit(u(995), u(0), u(5)).map(|r| r.0),
            Err(DSError::SubscriptionOutOfBounds(SubscriptionOutOfBounds {
                investorTotal: u(5),
                minPerInvestor: u(10),
                maxPerInvestor: u(500),
            }))
        );
        assert_eq!(
            t.admit(u(995), u(0), u(10)),
            Err(DSError::HardCapExceeded(HardCapExceeded {
                sold: u(995),
                amount: u(10),
                hardCap: u(1_000)
            }))
        );
        assert_eq!(t.admit(u(990), u(0), u(10)), Ok((u(1_000), u(10))));
        let no_max = Terms {
            max_per_investor: U256::ZERO,
            ..terms()
        };
        assert_eq!(no_max.admit(u(0), u(0), u(1_000)), Ok((u(1_000), u(1_000))));
    }

    #[test]
    fn the_cost_rounds_up_and_is_never_zero() {
        // 2.5 payment units (6 decimals: 2,500,000) per whole token of 0 decimals
        assert_eq!(cost(u(3), u(2_500_000), u(1)), Ok(u(7_500_000)));
        // tokens with 2 decimals: 1 unit (0.01 token) costs 25,000
        assert_eq!(cost(u(1), u(2_500_000), u(100)), Ok(u(25_000)));
        // a price of 3 per whole 2-decimals token: 1 unit costs 0.03 → 1
        assert_eq!(cost(u(1), u(3), u(100)), Ok(u(1)));
        assert_eq!(cost(u(34), u(3), u(100)), Ok(u(2)));
        assert_eq!(
            cost(u(0), u(3), u(100)),
            Err(DSError::ZeroAmount(ZeroAmount {}))
        );
        assert!(matches!(
            cost(U256::MAX, u(2), u(1)),
            Err(DSError::AmountTooLarge(_))
        ));
    }
}
