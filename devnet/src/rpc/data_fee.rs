//! The activation data fee, as nitro's data pricer sets it (written from
//! `arbos/programs/data_pricer.go`): a demand counter of native-code bytes
//! that drains at a fixed rate, and a price per byte growing exponentially
//! with the demand. An activation of a program whose native code nitro
//! estimates at `bytes` ([`crate::module::ModuleInfo::asm_estimate`]) pays
//! `bytes × min_price × e^(demand / inertia)` wei, the demand including it.

use alloy_primitives::U256;

/// Arbitrum's start (the pricer's first update time).
const ARBITRUM_START_TIME: u64 = 1_421_388_000;
/// Bytes of demand that drain each second (1 TB a year).
const BYTES_PER_SECOND: u64 = (1u64 << 40) / (365 * 24) / 3_600;
/// Minimum price per byte, in wei.
const MIN_PRICE: u64 = 82_928_201;
/// Demand (bytes) at which the price is e times the minimum.
const INERTIA: u64 = 21_360_419;
/// Basis points in one.
const ONE_IN_BIPS: u64 = 10_000;

/// The pricer's state.
#[derive(Clone, Copy, Debug)]
pub struct DataPricer {
    demand: u32,
    last_update: u64,
}

impl Default for DataPricer {
    fn default() -> Self {
        Self {
            demand: 0,
            last_update: ARBITRUM_START_TIME,
        }
    }
}

/// `b·e^(x/b)` in basis points, by the Horner form of its Maclaurin series
/// with `accuracy` terms (nitro's `ApproxExpBasisPoints`, x ≥ 0).
fn approx_exp_bips(x: u64, accuracy: u64) -> u64 {
    let b = ONE_IN_BIPS;
    let mut res = b + x / accuracy;
    for i in (1..accuracy).rev() {
        res = b + res.saturating_mul(x) / (i * b);
    }
    res
}

impl DataPricer {
    /// The fee of activating `bytes` of native code at `time`, and the
    /// pricer's state after it.
    pub fn price(&self, bytes: u64, time: u64) -> (U256, Self) {
        let bytes = u32::try_from(bytes).unwrap_or(u32::MAX);
        let passed = u32::try_from(time.saturating_sub(self.last_update)).unwrap_or(u32::MAX);
        let credit = u32::try_from(BYTES_PER_SECOND)
            .unwrap_or(u32::MAX)
            .saturating_mul(passed);
        let demand = self.demand.saturating_sub(credit).saturating_add(bytes);
        let exponent = ONE_IN_BIPS * u64::from(demand) / INERTIA;
        let multiplier = approx_exp_bips(exponent, 12);
        let per_byte = MIN_PRICE.saturating_mul(multiplier) / ONE_IN_BIPS;
        let fee = U256::from(per_byte) * U256::from(bytes);
        let next = Self {
            demand,
            last_update: time,
        };
        (fee, next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exp_in_bips_is_close_to_e() {
        assert_eq!(approx_exp_bips(0, 12), 10_000);
        // e = 2.71828…
        assert_eq!(approx_exp_bips(10_000, 12), 27_182);
    }

    #[test]
    fn the_fee_grows_with_the_demand_and_drains_with_time() {
        let pricer = DataPricer::default();
        let now = 1_700_000_000;
        let (first, after) = pricer.price(1_000_000, now);
        // 1 MB of native code on an idle chain: about e^(1e6/21.4e6) × min price per byte
        assert!(first > U256::from(82_928_201u64 * 1_000_000));
        assert!(first < U256::from(90_000_000u64 * 1_000_000));
        let (second, _) = after.price(1_000_000, now);
        assert!(second > first, "demand raised the price");
        let (later, _) = after.price(1_000_000, now + 3_600);
        assert_eq!(later, first, "an hour drains a megabyte");
    }
}
