//! Bit fields of packed storage words.
//!
//! A 256-bit shift and mask costs hundreds of Wasm instructions; fields that
//! sit inside one 64-bit limb (or on two whole limbs) are read from the limbs
//! directly, which is what keeps decoding a packed word cheap.

use alloy_primitives::U256;

/// Bits `[at, at + width)` of `word` (`at + width <= 256`).
pub fn field(word: U256, at: usize, width: usize) -> U256 {
    let limbs = word.as_limbs();
    let (i, shift) = (at / 64, at % 64);
    if shift + width <= 64 {
        return U256::from(low_bits(limbs[i] >> shift, width));
    }
    if shift == 0 && width == 128 {
        return U256::from_limbs([limbs[i], limbs[i + 1], 0, 0]);
    }
    (word >> at) & mask(width)
}

/// `word` with bits `[at, at + width)` replaced by `value` (truncated).
pub fn with_field(word: U256, at: usize, width: usize, value: U256) -> U256 {
    let mut limbs = word.into_limbs();
    let new = value.as_limbs();
    let (i, shift) = (at / 64, at % 64);
    if shift + width <= 64 {
        let m = low_bits(u64::MAX, width) << shift;
        limbs[i] = (limbs[i] & !m) | ((new[0] << shift) & m);
        return U256::from_limbs(limbs);
    }
    if shift == 0 && width == 128 {
        limbs[i] = new[0];
        limbs[i + 1] = new[1];
        return U256::from_limbs(limbs);
    }
    (word & !(mask(width) << at)) | ((value & mask(width)) << at)
}

/// `width` ones (`width <= 256`).
fn mask(width: usize) -> U256 {
    if width >= 256 {
        U256::MAX
    } else {
        (U256::from(1) << width) - U256::from(1)
    }
}

fn low_bits(value: u64, width: usize) -> u64 {
    if width >= 64 {
        value
    } else {
        value & ((1 << width) - 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fast_paths_agree_with_the_wide_shift() {
        let words = [
            U256::MAX,
            U256::from_limbs([
                0x0123_4567_89ab_cdef,
                0xfedc_ba98_7654_3210,
                7,
                u64::MAX - 3,
            ]),
            U256::from(1) << 255,
            U256::from(0xdead_beef_u64) << 100,
        ];
        for word in words {
            for at in 0..256 {
                for width in 1..=(256 - at) {
                    let wide = (word >> at) & mask(width);
                    assert_eq!(field(word, at, width), wide, "at {at} width {width}");
                }
            }
        }
    }

    #[test]
    fn with_field_agrees_with_the_wide_shift() {
        let word = U256::from_limbs([
            0x0123_4567_89ab_cdef,
            0xfedc_ba98_7654_3210,
            7,
            u64::MAX - 3,
        ]);
        let value = U256::from_limbs([u64::MAX, 0x5555_5555_5555_5555, 3, 9]);
        for at in 0..256 {
            for width in 1..=(256 - at) {
                let wide = (word & !(mask(width) << at)) | ((value & mask(width)) << at);
                assert_eq!(
                    with_field(word, at, width, value),
                    wide,
                    "at {at} width {width}"
                );
            }
        }
    }
}
