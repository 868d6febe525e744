//! Properties of the rebasing arithmetic against an independent model in
//! exact rationals (u128 numerators over small denominators): rounding to
//! the nearest, round trips within half a unit, monotonicity, and the
//! proportionality snapshots and distributions rely on.

use alloy_primitives::U256;
use ds_rebasing_provider::math::{shares_to_tokens, tokens_to_shares, ONE};
use proptest::prelude::*;

/// Nearest integer to `n / d` with halves up, in u128 (the model).
fn nearest(n: u128, d: u128) -> u128 {
    n / d + u128::from(n % d * 2 >= d)
}

fn u(v: u128) -> U256 {
    U256::from(v)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Tokens → shares equals the exact rational rounded to the nearest.
    #[test]
    fn tokens_to_shares_is_the_nearest_share(
        tokens in 0u128..1_000_000_000_000,
        decimals in 0u8..=18,
        // multipliers between 0.001 and 1000
        multiplier in 1_000_000_000_000_000u128..1_000_000_000_000_000_000_000,
    ) {
        let scale = 10u128.pow(u32::from(18 - decimals));
        // tokens * scale * 1e18 fits u128 only for small values: use U256.
        let exact_num = u(tokens) * u(scale) * ONE;
        let expected = (exact_num + u(multiplier) / u(2)) / u(multiplier);
        match tokens_to_shares(u(tokens), u(multiplier), decimals) {
            Ok(shares) => prop_assert_eq!(shares, expected),
            Err(_) => prop_assert!(tokens > 0 && expected.is_zero()),
        }
    }

    /// The round trip tokens → shares → tokens is off by at most the
    /// three roundings: half a share at the multiplier, half a unit at 18
    /// decimals, half a token unit: |back - tokens| · 2·1e18·S ≤
    /// m + 1e18 + 1e18·S (S = 10^(18-decimals)). For a multiplier up to 1
    /// that is at most one token unit (DS's audit note: a wei).
    #[test]
    fn round_trips_stay_within_one_unit(
        tokens in 1u128..1_000_000_000_000,
        decimals in 0u8..=18,
        multiplier in 1_000_000_000_000_000u128..1_000_000_000_000_000_000_000,
    ) {
        if let Ok(shares) = tokens_to_shares(u(tokens), u(multiplier), decimals) {
            let back = shares_to_tokens(shares, u(multiplier), decimals).unwrap();
            let diff = if back > u(tokens) { back - u(tokens) } else { u(tokens) - back };
            let scale = u(10u128.pow(u32::from(18 - decimals)));
            prop_assert!(
                diff * u(2) * ONE * scale <= u(multiplier) + ONE + ONE * scale,
                "{} → {} → {}", tokens, shares, back
            );
            if multiplier <= 1_000_000_000_000_000_000 {
                prop_assert!(diff <= u(1));
            }
        }
    }

    /// More shares never convert to fewer tokens, at any multiplier.
    #[test]
    fn conversions_are_monotone(
        a in 0u128..1_000_000_000_000_000_000_000,
        b in 0u128..1_000_000_000_000_000_000_000,
        decimals in 0u8..=18,
        multiplier in 1u128..1_000_000_000_000_000_000_000_000,
    ) {
        let (lo, hi) = (a.min(b), a.max(b));
        let t_lo = shares_to_tokens(u(lo), u(multiplier), decimals).unwrap();
        let t_hi = shares_to_tokens(u(hi), u(multiplier), decimals).unwrap();
        prop_assert!(t_lo <= t_hi);
    }

    /// At 18 decimals, shares → tokens is the model's nearest integer of
    /// shares × multiplier / 1e18 (u128 model where it fits).
    #[test]
    fn shares_to_tokens_matches_the_u128_model(
        shares in 0u128..1_000_000_000_000_000_000,
        multiplier in 1u128..100_000_000_000_000_000_000,
        // shares × multiplier < 1e38 < 2^128
    ) {
        let model = nearest(shares * multiplier, 1_000_000_000_000_000_000);
        prop_assert_eq!(shares_to_tokens(u(shares), u(multiplier), 18).unwrap(), u(model));
    }
}
