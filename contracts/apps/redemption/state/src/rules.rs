//! The arithmetic and the rules of redemption, without a host: what terms
//! a window may have, what a wallet may redeem, and how much of a queued
//! request the funds settle.

use alloy_primitives::{Address, U256};
use ds_common::{
    errors::{AmountTooLarge, InvalidRedemptionTerms, RedemptionExceedsRedeemable, ZeroAmount},
    DSError,
};

/// `InvalidRedemptionTerms` rule: exactly one price source.
pub const TERM_PRICE_SOURCE: u8 = 1;
/// `InvalidRedemptionTerms` rule: a window ending after its start, in the
/// future.
pub const TERM_WINDOW: u8 = 2;

/// A window's terms as the issuer gives them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Terms {
    /// Payment units per whole token (0 when `nav` prices the window).
    pub price: U256,
    /// The NAV provider whose `rate()` at settlement prices the window
    /// (zero with a fixed price).
    pub nav: Address,
    /// Requests are taken from this time (seconds).
    pub start: u64,
    /// Requests are taken before this time (seconds).
    pub end: u64,
}

impl Terms {
    /// Refuses terms a window cannot have: not exactly one price source,
    /// a window not ending after its start and after `now`.
    pub fn check(&self, now: u64) -> Result<(), DSError> {
        let term = if self.price.is_zero() == self.nav.is_zero() {
            TERM_PRICE_SOURCE
        } else if self.end <= self.start || self.end <= now {
            TERM_WINDOW
        } else {
            return Ok(());
        };
        Err(DSError::InvalidRedemptionTerms(InvalidRedemptionTerms {
            term,
        }))
    }

    /// True while the window takes requests at `now`.
    pub fn is_open_at(&self, now: u64) -> bool {
        self.start <= now && now < self.end
    }
}

/// What a wallet may redeem: its balance less its frozen tokens, and, unless
/// the window allows locked tokens, no more than its investor may transfer
/// under its locks (`transferable`, Compliance's `getTransferableTokens`).
pub fn redeemable(balance: U256, frozen: U256, transferable: U256, allow_locked: bool) -> U256 {
    let unfrozen = balance.saturating_sub(frozen);
    if allow_locked {
        unfrozen
    } else {
        unfrozen.min(transferable)
    }
}

/// The wallet's pending total after a request of `amount`, or the refusal:
/// 0, or more than `redeemable` in all.
pub fn admit(
    wallet: Address,
    pending: U256,
    amount: U256,
    redeemable: U256,
) -> Result<U256, DSError> {
    if amount.is_zero() {
        return Err(DSError::ZeroAmount(ZeroAmount {}));
    }
    let total = pending.saturating_add(amount);
    if total > redeemable {
        return Err(DSError::RedemptionExceedsRedeemable(
            RedemptionExceedsRedeemable {
                wallet,
                requested: total,
                redeemable,
            },
        ));
    }
    Ok(total)
}

/// What settling one request does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fill {
    /// Token units burnt now.
    pub amount: U256,
    /// Payment units paid for them (rounded up).
    pub payout: U256,
    /// The request is over: filled, or cut to what the wallet still had.
    /// False when the funds ran out first (a partial fill: the request
    /// keeps its place at the head of the queue).
    pub done: bool,
}

/// Settles `remaining` token units of a request whose wallet may redeem
/// `redeemable` now, with `funded` payment units left at `price` per whole
/// token of `unit` units. The payout rounds up: the wallet never gets less
/// than the price for what is burnt (the issuer pays less than one payment
/// unit more per settlement), no token is burnt for nothing, and the
/// payout still never exceeds `funded`.
///
/// # Errors
/// `InvalidRedemptionTerms(1)` for a price of 0 (a NAV provider answering
/// 0); `AmountTooLarge` when the arithmetic overflows 256 bits.
pub fn fill(
    remaining: U256,
    redeemable: U256,
    funded: U256,
    price: U256,
    unit: U256,
) -> Result<Fill, DSError> {
    if price.is_zero() {
        return Err(DSError::InvalidRedemptionTerms(InvalidRedemptionTerms {
            term: TERM_PRICE_SOURCE,
        }));
    }
    let wanted = remaining.min(redeemable);
    // The most token units the funds pay for (floor): amount * price stays
    // within funded * unit, so the payout rounded up stays within funded.
    let affordable = match funded.checked_mul(unit) {
        Some(product) => product / price,
        None => U256::MAX,
    };
    let (amount, done) = if affordable >= wanted {
        (wanted, true)
    } else {
        (affordable, false)
    };
    Ok(Fill {
        amount,
        payout: payout(amount, price, unit)?,
        done,
    })
}

/// Payment units for `amount` token units at `price` per `unit`, rounded
/// up.
pub fn payout(amount: U256, price: U256, unit: U256) -> Result<U256, DSError> {
    let product = amount
        .checked_mul(price)
        .ok_or(DSError::AmountTooLarge(AmountTooLarge { amount }))?;
    Ok(product.div_ceil(unit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn u(v: u64) -> U256 {
        U256::from(v)
    }

    const UNIT: u64 = 1_000_000;

    #[test]
    fn terms_need_one_price_source_and_a_future_window() {
        let nav = Address::repeat_byte(7);
        let ok = Terms {
            price: u(2),
            nav: Address::ZERO,
            start: 10,
            end: 20,
        };
        assert_eq!(ok.check(15), Ok(()));
        let invalid = |term| {
            Err(DSError::InvalidRedemptionTerms(InvalidRedemptionTerms {
                term,
            }))
        };
        assert_eq!(Terms { nav, ..ok }.check(15), invalid(TERM_PRICE_SOURCE));
        assert_eq!(
            Terms {
                price: U256::ZERO,
                ..ok
            }
            .check(15),
            invalid(TERM_PRICE_SOURCE)
        );
        assert_eq!(
            Terms {
                price: U256::ZERO,
                nav,
                ..ok
            }
            .check(15),
            Ok(())
        );
        assert_eq!(Terms { end: 10, ..ok }.check(0), invalid(TERM_WINDOW));
        assert_eq!(ok.check(20), invalid(TERM_WINDOW));
        assert!(ok.is_open_at(10) && ok.is_open_at(19));
        assert!(!ok.is_open_at(9) && !ok.is_open_at(20));
    }

    #[test]
    fn redeemable_leaves_out_frozen_and_locked_tokens() {
        assert_eq!(redeemable(u(100), u(30), u(50), false), u(50));
        assert_eq!(redeemable(u(100), u(30), u(90), false), u(70));
        assert_eq!(redeemable(u(100), u(30), u(50), true), u(70));
        assert_eq!(redeemable(u(10), u(30), u(50), true), U256::ZERO);
    }

    #[test]
    fn admit_refuses_zero_and_more_than_redeemable() {
        let w = Address::repeat_byte(1);
        assert_eq!(admit(w, u(40), u(60), u(100)), Ok(u(100)));
        assert_eq!(
            admit(w, u(40), U256::ZERO, u(100)),
            Err(DSError::ZeroAmount(ZeroAmount {}))
        );
        assert_eq!(
            admit(w, u(40), u(61), u(100)),
            Err(DSError::RedemptionExceedsRedeemable(
                RedemptionExceedsRedeemable {
                    wallet: w,
                    requested: u(101),
                    redeemable: u(100)
                }
            ))
        );
    }

    #[test]
    fn fill_whole_cut_or_partial() {
        // 2.5 payment units per whole token of 10^6 units.
        let price = u(2_500_000);
        // Enough funds: the whole request, paid 2.5 per token.
        let whole = fill(u(4 * UNIT), u(10 * UNIT), u(100_000_000), price, u(UNIT));
        assert_eq!(
            whole,
            Ok(Fill {
                amount: u(4 * UNIT),
                payout: u(10_000_000),
                done: true
            })
        );
        // The wallet holds less than it asked: cut to what it has, over.
        let cut = fill(u(4 * UNIT), u(UNIT), u(100_000_000), price, u(UNIT));
        assert_eq!(
            cut,
            Ok(Fill {
                amount: u(UNIT),
                payout: u(2_500_000),
                done: true
            })
        );
        // Funds for 2 tokens only: a partial fill that stays queued.
        let partial = fill(u(4 * UNIT), u(10 * UNIT), u(5_000_000), price, u(UNIT));
        assert_eq!(
            partial,
            Ok(Fill {
                amount: u(2 * UNIT),
                payout: u(5_000_000),
                done: false
            })
        );
        // No funds: nothing moves, the request waits.
        let none = fill(u(4 * UNIT), u(10 * UNIT), U256::ZERO, price, u(UNIT));
        assert_eq!(
            none,
            Ok(Fill {
                amount: U256::ZERO,
                payout: U256::ZERO,
                done: false
            })
        );
        // Nothing left to redeem: over at once.
        assert_eq!(
            fill(u(4 * UNIT), U256::ZERO, U256::ZERO, price, u(UNIT)).map(|f| f.done),
            Ok(true)
        );
    }

    #[test]
    fn fill_rounds_up_and_refuses_a_zero_price() {
        // 0.3 payment units per token unit, 1 unit funded: 3 token units
        // for 1 (not 0), then nothing more fits
        assert_eq!(
            fill(u(10), u(10), u(1), u(3), u(10)),
            Ok(Fill {
                amount: u(3),
                payout: u(1),
                done: false
            })
        );
        assert_eq!(
            fill(u(10), u(10), u(0), u(3), u(10)).map(|f| f.amount),
            Ok(U256::ZERO)
        );
        assert_eq!(
            fill(u(10), u(10), u(5), U256::ZERO, u(10)),
            Err(DSError::InvalidRedemptionTerms(InvalidRedemptionTerms {
                term: TERM_PRICE_SOURCE
            }))
        );
    }

    proptest! {
        /// The payout never exceeds the funds, never pays less than the
        /// price of what is burnt and gives away less than one payment unit
        /// to rounding (so nothing is burnt for nothing); a request over is
        /// filled or cut to what the wallet has, one not over used all the
        /// funds it could.
        #[test]
        fn fill_never_overpays(
            remaining in 0u64..u64::MAX,
            redeemable in 0u64..u64::MAX,
            funded in 0u64..u64::MAX,
            price in 1u64..u64::MAX,
            decimals in 0u32..19,
        ) {
            let unit = U256::from(10u64).pow(U256::from(decimals));
            let (remaining, redeemable, funded, price) = (u(remaining), u(redeemable), u(funded), u(price));
            let f = fill(remaining, redeemable, funded, price, unit).unwrap();
            prop_assert!(f.payout <= funded);
            prop_assert!(f.amount <= remaining.min(redeemable));
            prop_assert!(f.payout * unit >= f.amount * price);
            prop_assert!(f.payout * unit < f.amount * price + unit);
            prop_assert!(f.amount.is_zero() || !f.payout.is_zero());
            if f.done {
                prop_assert_eq!(f.amount, remaining.min(redeemable));
            } else {
                // One more token unit would cost more than the funds.
                prop_assert!((f.amount + u(1)) * price > funded * unit);
            }
        }
    }
}
