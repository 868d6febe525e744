//! DS v4's rebasing arithmetic (`RebasingLibrary`), exact and overflow
//! checked: shares carry 18 decimals whatever the token's; the multiplier
//! (18 decimals) is tokens per share; both conversions round to the nearest
//! unit, halves up, as DS does (DS's audit note: rounding down instead
//! breaks "lock 200 of 500, 300 stay transferable").
//!
//! Refusals: a token with more than 18 decimals, a multiplier of 0, a
//! product past 2^256 ([`AmountTooLarge`]), and a non-zero token amount
//! that would be 0 shares (the audit's rounding-to-zero case).

use alloy_primitives::U256;
use ds_common::{
    errors::{AmountTooLarge, InvalidMultiplier, SharesRoundToZero, TokenDecimalsNotSupported},
    DSError,
};

/// One whole unit at 18 decimals: the multiplier's and the shares' scale.
pub const ONE: U256 = U256::from_limbs([1_000_000_000_000_000_000, 0, 0, 0]);

/// The most decimals a token may have.
pub const MAX_DECIMALS: u8 = 18;

/// `10^(18 - decimals)`: token units to 18-decimal units.
fn scale(decimals: u8) -> Result<U256, DSError> {
    if decimals > MAX_DECIMALS {
        return Err(DSError::TokenDecimalsNotSupported(
            TokenDecimalsNotSupported { decimals },
        ));
    }
    Ok(U256::from(10u8).pow(U256::from(MAX_DECIMALS - decimals)))
}

fn nonzero(multiplier: U256) -> Result<U256, DSError> {
    if multiplier.is_zero() {
        return Err(DSError::InvalidMultiplier(InvalidMultiplier {
            providedMultiplier: multiplier,
        }));
    }
    Ok(multiplier)
}

fn too_large(amount: U256) -> DSError {
    DSError::AmountTooLarge(AmountTooLarge { amount })
}

/// `(a * b + c / 2) / c`, the nearest integer to `a * b / c` (halves up),
/// or [`AmountTooLarge`] naming `amount` when a step passes 2^256.
fn mul_div_nearest(a: U256, b: U256, c: U256, amount: U256) -> Result<U256, DSError> {
    let product = a.checked_mul(b).ok_or_else(|| too_large(amount))?;
    let rounded = product
        .checked_add(c / U256::from(2))
        .ok_or_else(|| too_large(amount))?;
    Ok(rounded / c)
}

/// DS `convertTokensToShares`: `tokens` of a token with `decimals` as
/// shares at `multiplier`.
pub fn tokens_to_shares(tokens: U256, multiplier: U256, decimals: u8) -> Result<U256, DSError> {
    let multiplier = nonzero(multiplier)?;
    let scaled = tokens
        .checked_mul(scale(decimals)?)
        .ok_or_else(|| too_large(tokens))?;
    let shares = mul_div_nearest(scaled, ONE, multiplier, tokens)?;
    if !tokens.is_zero() && shares.is_zero() {
        return Err(DSError::SharesRoundToZero(SharesRoundToZero { tokens }));
    }
    Ok(shares)
}

/// DS `convertSharesToTokens`: `shares` as tokens of a token with
/// `decimals` at `multiplier` (rounded twice to the nearest, as DS does:
/// first to 18 decimals, then to the token's).
pub fn shares_to_tokens(shares: U256, multiplier: U256, decimals: u8) -> Result<U256, DSError> {
    let multiplier = nonzero(multiplier)?;
    let scale = scale(decimals)?;
    let at_18 = mul_div_nearest(shares, multiplier, ONE, shares)?;
    // at_18 + scale/2 cannot overflow: at_18 <= (2^256-1 + 5e17) / 1e18.
    Ok((at_18 + scale / U256::from(2)) / scale)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(v: u128) -> U256 {
        U256::from(v)
    }

    #[test]
    fn one_to_one_at_eighteen_decimals_and_scaled_below() {
        assert_eq!(tokens_to_shares(u(500), ONE, 18), Ok(u(500)));
        assert_eq!(shares_to_tokens(u(500), ONE, 18), Ok(u(500)));
        // 6 decimals: 1.5 tokens are 1.5e18 shares at multiplier 1.
        assert_eq!(
            tokens_to_shares(u(1_500_000), ONE, 6),
            Ok(u(1_500_000_000_000_000_000))
        );
        assert_eq!(
            shares_to_tokens(u(1_500_000_000_000_000_000), ONE, 6),
            Ok(u(1_500_000))
        );
    }

    #[test]
    fn a_doubled_multiplier_halves_shares_and_doubles_tokens() {
        let two = ONE * u(2);
        assert_eq!(tokens_to_shares(u(1_000), two, 18), Ok(u(500)));
        assert_eq!(shares_to_tokens(u(500), two, 18), Ok(u(1_000)));
    }

    #[test]
    fn rounding_is_to_the_nearest_with_halves_up() {
        // 18 decimals, multiplier 3: 1 token is 1/3 share → 0 would be
        // refused; 2 tokens are 0.667 shares → 1.
        let three = ONE * u(3);
        assert_eq!(
            tokens_to_shares(u(1), three, 18),
            Err(DSError::SharesRoundToZero(SharesRoundToZero {
                tokens: u(1)
            }))
        );
        assert_eq!(tokens_to_shares(u(2), three, 18), Ok(u(1)));
        // multiplier 2: 1 token is exactly half a share → rounds up to 1.
        assert_eq!(tokens_to_shares(u(1), ONE * u(2), 18), Ok(u(1)));
        // shares → tokens at 6 decimals: 0.4999999e-6 rounds down,
        // 0.5e-6 up.
        assert_eq!(shares_to_tokens(u(499_999_999_999), ONE, 6), Ok(u(0)));
        assert_eq!(shares_to_tokens(u(500_000_000_000), ONE, 6), Ok(u(1)));
        assert_eq!(tokens_to_shares(U256::ZERO, three, 18), Ok(U256::ZERO));
    }

    #[test]
    fn refusals_name_their_cause() {
        assert_eq!(
            tokens_to_shares(u(1), ONE, 19),
            Err(DSError::TokenDecimalsNotSupported(
                TokenDecimalsNotSupported { decimals: 19 }
            ))
        );
        assert_eq!(
            shares_to_tokens(u(1), U256::ZERO, 18),
            Err(DSError::InvalidMultiplier(InvalidMultiplier {
                providedMultiplier: U256::ZERO
            }))
        );
        assert_eq!(
            tokens_to_shares(U256::MAX, ONE, 18),
            Err(DSError::AmountTooLarge(AmountTooLarge {
                amount: U256::MAX
            }))
        );
        assert_eq!(
            shares_to_tokens(U256::MAX, ONE * u(2), 6),
            Err(DSError::AmountTooLarge(AmountTooLarge {
                amount: U256::MAX
            }))
        );
    }
}
