//! The pro-rata arithmetic of a distribution, free of storage and calls.
//!
//! Amounts and supplies of the app are 128-bit (see [`crate::record`]), so
//! a share is a full-width 128 × 128 → 256-bit product divided by a 128-bit
//! supply: exact, never overflowing. It is computed on 64-bit limbs with a
//! shift-and-subtract division rather than with `U256`/`U512` division,
//! whose generic code would add about 4 KiB (brotli) to the Wasm.

use alloy_primitives::U256;

/// The full 256-bit product `a * b` as (high, low) 128-bit halves.
pub fn widening_mul(a: u128, b: u128) -> (u128, u128) {
    const LOW: u128 = u64::MAX as u128;
    let (a1, a0) = (a >> 64, a & LOW);
    let (b1, b0) = (b >> 64, b & LOW);
    // Each partial product of two 64-bit limbs fits 128 bits.
    let low = a0 * b0;
    let mid_a = a0 * b1;
    let mid_b = a1 * b0;
    let high = a1 * b1;
    // The middle column: at most three 64-bit values, no overflow.
    let mid = (low >> 64) + (mid_a & LOW) + (mid_b & LOW);
    let low = (low & LOW) | (mid << 64);
    let high = high + (mid_a >> 64) + (mid_b >> 64) + (mid >> 64);
    (high, low)
}

/// `a * b / d` rounded down, through the full 256-bit product; `None` when
/// `d` is zero or the quotient does not fit 128 bits.
pub fn mul_div(a: u128, b: u128, d: u128) -> Option<u128> {
    let (high, low) = widening_mul(a, b);
    if d == 0 || high >= d {
        return None;
    }
    // Restoring division of (high, low) by d, one bit of `low` at a time.
    // Invariant: remainder < d, so 2 * remainder + 1 < 2^129; `carry` is
    // the bit shifted out above 128.
    let mut remainder = high;
    let mut quotient = 0u128;
    for i in (0..128).rev() {
        let carry = remainder >> 127;
        remainder = (remainder << 1) | ((low >> i) & 1);
        quotient <<= 1;
        if carry == 1 || remainder >= d {
            remainder = remainder.wrapping_sub(d);
            quotient |= 1;
        }
    }
    Some(quotient)
}

/// The share of a wallet holding `balance` at a snapshot whose supply is
/// `supply` in a distribution of `amount`: `amount * balance / supply`,
/// rounded down. A balance above the supply (a token that contradicts
/// itself) counts as the whole supply, so a share never exceeds `amount`;
/// a zero supply gives nothing.
pub fn share(amount: u128, balance: U256, supply: u128) -> u128 {
    // balance ≤ supply < 2^128, so the quotient is at most `amount`.
    let balance = if balance < U256::from(supply) {
        balance.to::<u128>()
    } else {
        supply
    };
    mul_div(amount, balance, supply).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn u(v: u128) -> U256 {
        U256::from(v)
    }

    #[test]
    fn rounds_down() {
        assert_eq!(share(100, u(1), 3), 33);
        assert_eq!(share(100, u(2), 3), 66);
        assert_eq!(share(100, u(3), 3), 100);
        assert_eq!(share(1, u(1), 2), 0);
        assert_eq!(share(7, U256::ZERO, 2), 0);
    }

    #[test]
    fn full_width_products_do_not_overflow() {
        let max = u128::MAX;
        assert_eq!(widening_mul(max, max), (max - 1, 1));
        assert_eq!(mul_div(max, max, max), Some(max));
        assert_eq!(mul_div(max, max - 1, max), Some(max - 1));
        assert_eq!(share(max, u(max - 1), max), max - 1);
        assert_eq!(mul_div(max, 2, 1), None, "quotient over 128 bits");
        assert_eq!(mul_div(1, 1, 0), None);
    }

    #[test]
    fn a_balance_above_the_supply_counts_as_the_supply() {
        assert_eq!(share(10, u(5), 4), 10);
        assert_eq!(share(10, U256::MAX, 4), 10);
        assert_eq!(share(10, u(5), 0), 0);
    }

    proptest! {
        /// The product is the exact 256-bit product.
        #[test]
        fn widening_mul_is_exact(a in any::<u128>(), b in any::<u128>()) {
            let (high, low) = widening_mul(a, b);
            prop_assert_eq!((u(high) << 128) | u(low), u(a) * u(b));
        }

        /// mul_div is the floor of the exact quotient, checked in 256 bits.
        #[test]
        fn mul_div_is_the_floor_of_the_exact_quotient(
            a in any::<u128>(),
            b in any::<u128>(),
            d in 1..=u128::MAX,
        ) {
            let exact = u(a) * u(b) / u(d);
            match mul_div(a, b, d) {
                Some(q) => prop_assert_eq!(u(q), exact),
                None => prop_assert!(exact > u(u128::MAX)),
            }
        }

        /// A share is never above the amount, and exact.
        #[test]
        fn share_is_exact_and_bounded(
            amount in any::<u128>(),
            supply in 1..=u128::MAX,
            seed in any::<u128>(),
        ) {
            let balance = seed % supply + 1;
            let s = share(amount, u(balance), supply);
            prop_assert!(s <= amount);
            prop_assert_eq!(u(s), u(amount) * u(balance) / u(supply));
        }
    }
}
