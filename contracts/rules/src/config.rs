//! The compliance configuration: 16 numeric and 5 boolean rules, in the DS
//! wire order of `setAll` / `getAll`.

use alloy_primitives::U256;

/// Number of numeric rules in the `setAll` / `getAll` wire format.
pub const UINT_RULES: usize = 16;
/// Number of boolean rules in the `setAll` / `getAll` wire format.
pub const BOOL_RULES: usize = 5;

/// Index of each numeric rule in the wire format.
pub mod uint_rule {
    /// Maximum number of investors (0 = unlimited).
    pub const TOTAL_INVESTORS_LIMIT: usize = 0;
    /// Minimum holding of a US investor.
    pub const MIN_US_TOKENS: usize = 1;
    /// Minimum holding of an EU investor.
    pub const MIN_EU_TOKENS: usize = 2;
    /// Maximum number of US investors.
    pub const US_INVESTORS_LIMIT: usize = 3;
    /// Maximum number of accredited US investors.
    pub const US_ACCREDITED_INVESTORS_LIMIT: usize = 4;
    /// Maximum number of non-accredited investors.
    pub const NON_ACCREDITED_INVESTORS_LIMIT: usize = 5;
    /// Maximum share of US investors among all investors, in percent.
    pub const MAX_US_INVESTORS_PERCENTAGE: usize = 6;
    /// Non-US to US transfers are blocked until this time (0 = forever).
    pub const BLOCK_FLOWBACK_END_TIME: usize = 7;
    /// Lock-up after issuance for non-US investors, in seconds.
    pub const NON_US_LOCK_PERIOD: usize = 8;
    /// Minimum number of investors a transfer may not go below.
    pub const MINIMUM_TOTAL_INVESTORS: usize = 9;
    /// Minimum holding of any investor.
    pub const MINIMUM_HOLDINGS_PER_INVESTOR: usize = 10;
    /// Maximum holding of any investor (0 = unlimited).
    pub const MAXIMUM_HOLDINGS_PER_INVESTOR: usize = 11;
    /// Maximum number of EU retail investors per EU country.
    pub const EU_RETAIL_INVESTORS_LIMIT: usize = 12;
    /// Lock-up after issuance for US investors, in seconds.
    pub const US_LOCK_PERIOD: usize = 13;
    /// Maximum number of Japanese investors.
    pub const JP_INVESTORS_LIMIT: usize = 14;
    /// Issuance cap: total supply may not exceed it (0 = unlimited).
    pub const AUTHORIZED_SECURITIES: usize = 15;
}

/// Index of each boolean rule in the wire format.
pub mod bool_rule {
    /// US senders may only transfer their whole holding.
    pub const FORCE_FULL_TRANSFER: usize = 0;
    /// Receivers must be accredited.
    pub const FORCE_ACCREDITED: usize = 1;
    /// US receivers must be accredited.
    pub const FORCE_ACCREDITED_US: usize = 2;
    /// Every sender may only transfer its whole holding.
    pub const WORLD_WIDE_FORCE_FULL_TRANSFER: usize = 3;
    /// Issuance times in the past are replaced by the block time.
    pub const DISALLOW_BACK_DATING: usize = 4;
}

/// DS names of the numeric rules, in wire order: the `ruleName` DS's
/// `DSComplianceUIntRuleSet` carries (the name of the rule's setter without
/// `set`, first letter lower-cased).
pub const UINT_RULE_NAMES: [&str; UINT_RULES] = [
    "totalInvestorsLimit",
    "minUSTokens",
    "minEUTokens",
    "usInvestorsLimit",
    "usAccreditedInvestorsLimit",
    "nonAccreditedInvestorsLimit",
    "maxUSInvestorsPercentage",
    "blockFlowbackEndTime",
    "nonUSLockPeriod",
    "minimumTotalInvestors",
    "minimumHoldingsPerInvestor",
    "maximumHoldingsPerInvestor",
    "euRetailInvestorsLimit",
    "usLockPeriod",
    "jpInvestorsLimit",
    "authorizedSecurities",
];

/// DS names of the boolean rules, in wire order: the `ruleName` DS's
/// `DSComplianceBoolRuleSet` carries.
pub const BOOL_RULE_NAMES: [&str; BOOL_RULES] = [
    "forceFullTransfer",
    "forceAccredited",
    "forceAccreditedUS",
    "worldWideForceFullTransfer",
    "disallowBackDating",
];

/// Value range of a numeric rule. Storage packs the rules by range, so a
/// transfer check reads three configuration slots (two of them shared with
/// the token and registry addresses).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Range {
    /// An investor count limit: at most [`MAX_COUNT_LIMIT`].
    Count,
    /// A percentage: at most 100.
    Percent,
    /// A time or a period in seconds: fits `u64`.
    Time,
    /// A token amount: fits `u128`.
    Amount,
}

/// Largest investor count limit (24 bits: 16,777,215 investors), so four
/// limits share a storage word with an address.
pub const MAX_COUNT_LIMIT: u32 = (1 << 24) - 1;

/// The range of numeric rule `index` (`None` for an unknown index).
pub fn range(index: usize) -> Option<Range> {
    use uint_rule::*;
    Some(match index {
        TOTAL_INVESTORS_LIMIT
        | US_INVESTORS_LIMIT
        | US_ACCREDITED_INVESTORS_LIMIT
        | NON_ACCREDITED_INVESTORS_LIMIT
        | MINIMUM_TOTAL_INVESTORS
        | EU_RETAIL_INVESTORS_LIMIT
        | JP_INVESTORS_LIMIT => Range::Count,
        MAX_US_INVESTORS_PERCENTAGE => Range::Percent,
        BLOCK_FLOWBACK_END_TIME | NON_US_LOCK_PERIOD | US_LOCK_PERIOD => Range::Time,
        MIN_US_TOKENS
        | MIN_EU_TOKENS
        | MINIMUM_HOLDINGS_PER_INVESTOR
        | MAXIMUM_HOLDINGS_PER_INVESTOR
        | AUTHORIZED_SECURITIES => Range::Amount,
        _ => return None,
    })
}

/// The rules, in the wire order, each within its [`Range`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    /// Numeric rules, indexed by [`uint_rule`].
    pub uints: [U256; UINT_RULES],
    /// Boolean rules, indexed by [`bool_rule`].
    pub bools: [bool; BOOL_RULES],
}

/// Why a configuration value was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConfigError {
    /// Rule `index` does not exist.
    UnknownRule(usize),
    /// The value of rule `index` is out of its range.
    OutOfRange(usize),
}

/// Checks that `value` is acceptable for numeric rule `index`.
pub fn validate_uint(index: usize, value: U256) -> Result<(), ConfigError> {
    let max = match range(index).ok_or(ConfigError::UnknownRule(index))? {
        Range::Count => U256::from(MAX_COUNT_LIMIT),
        Range::Percent => U256::from(100),
        Range::Time => U256::from(u64::MAX),
        Range::Amount => U256::from(u128::MAX),
    };
    if value <= max {
        Ok(())
    } else {
        Err(ConfigError::OutOfRange(index))
    }
}

impl Config {
    /// Numeric rule `index` as a token amount.
    pub fn amount(&self, index: usize) -> U256 {
        self.uints[index]
    }

    /// Numeric rule `index` as a count or time (validated to fit on write).
    pub fn num(&self, index: usize) -> u64 {
        self.uints[index].saturating_to()
    }

    /// Boolean rule `index`.
    pub fn flag(&self, index: usize) -> bool {
        self.bools[index]
    }

    /// Validates every numeric rule.
    pub fn validate(&self) -> Result<(), ConfigError> {
        self.uints
            .iter()
            .enumerate()
            .try_for_each(|(i, v)| validate_uint(i, *v))
    }

    /// The US investor limit in force: the smaller of the absolute limit and
    /// the percentage of `total` investors; `None` when neither is set.
    pub fn us_investors_limit(&self, total: u64) -> Option<u64> {
        let absolute = self.num(uint_rule::US_INVESTORS_LIMIT);
        let percent = self.num(uint_rule::MAX_US_INVESTORS_PERCENTAGE);
        let by_percent = (percent != 0).then(|| total.saturating_mul(percent) / 100);
        match (absolute, by_percent) {
            (0, None) => None,
            (0, Some(p)) => Some(p),
            (a, None) => Some(a),
            (a, Some(p)) => Some(a.min(p)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The DS `setAll` / `getAll` wire order, written out once.
    #[test]
    fn wire_order_matches_the_ds_reference() {
        use uint_rule::*;
        assert_eq!(
            [
                TOTAL_INVESTORS_LIMIT,
                MIN_US_TOKENS,
                MIN_EU_TOKENS,
                US_INVESTORS_LIMIT,
                US_ACCREDITED_INVESTORS_LIMIT,
                NON_ACCREDITED_INVESTORS_LIMIT,
                MAX_US_INVESTORS_PERCENTAGE,
                BLOCK_FLOWBACK_END_TIME,
                NON_US_LOCK_PERIOD,
                MINIMUM_TOTAL_INVESTORS,
                MINIMUM_HOLDINGS_PER_INVESTOR,
                MAXIMUM_HOLDINGS_PER_INVESTOR,
                EU_RETAIL_INVESTORS_LIMIT,
                US_LOCK_PERIOD,
                JP_INVESTORS_LIMIT,
                AUTHORIZED_SECURITIES,
            ],
            core::array::from_fn::<usize, UINT_RULES, _>(|i| i)
        );
        use bool_rule::*;
        assert_eq!(
            [
                FORCE_FULL_TRANSFER,
                FORCE_ACCREDITED,
                FORCE_ACCREDITED_US,
                WORLD_WIDE_FORCE_FULL_TRANSFER,
                DISALLOW_BACK_DATING,
            ],
            [0, 1, 2, 3, 4]
        );
    }

    #[test]
    fn percentage_is_bounded_at_100() {
        let i = uint_rule::MAX_US_INVESTORS_PERCENTAGE;
        assert_eq!(validate_uint(i, U256::from(100)), Ok(()));
        assert_eq!(
            validate_uint(i, U256::from(101)),
            Err(ConfigError::OutOfRange(i))
        );
    }

    #[test]
    fn each_rule_is_bounded_by_its_range() {
        let one = U256::from(1);
        for (index, max) in [
            (uint_rule::US_LOCK_PERIOD, U256::from(u64::MAX)),
            (uint_rule::JP_INVESTORS_LIMIT, U256::from(MAX_COUNT_LIMIT)),
            (uint_rule::MIN_US_TOKENS, U256::from(u128::MAX)),
        ] {
            assert_eq!(validate_uint(index, max), Ok(()));
            assert_eq!(
                validate_uint(index, max + one),
                Err(ConfigError::OutOfRange(index))
            );
        }
        assert_eq!(
            validate_uint(16, U256::ZERO),
            Err(ConfigError::UnknownRule(16))
        );
        assert!((0..UINT_RULES).all(|i| range(i).is_some()));
    }

    #[test]
    fn us_limit_is_the_smaller_of_absolute_and_percentage() {
        let mut c = Config::default();
        assert_eq!(c.us_investors_limit(10), None);
        c.uints[uint_rule::US_INVESTORS_LIMIT] = U256::from(5);
        assert_eq!(c.us_investors_limit(10), Some(5));
        c.uints[uint_rule::MAX_US_INVESTORS_PERCENTAGE] = U256::from(30);
        assert_eq!(c.us_investors_limit(10), Some(3));
        assert_eq!(c.us_investors_limit(100), Some(5));
        c.uints[uint_rule::US_INVESTORS_LIMIT] = U256::ZERO;
        assert_eq!(c.us_investors_limit(100), Some(30));
    }
}
