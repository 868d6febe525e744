//! Compliance reason codes and their strings, exactly as DS returns them.

/// Transfer allowed.
pub const VALID: u8 = 0;
/// The token is paused.
pub const TOKEN_PAUSED: u8 = 10;
/// The sender's balance is below the value.
pub const NOT_ENOUGH_TOKENS: u8 = 15;
/// Part of the balance is locked.
pub const TOKENS_LOCKED: u8 = 16;
/// The receiver is neither an investor wallet nor a platform wallet.
pub const WALLET_NOT_IN_REGISTRY_SERVICE: u8 = 20;
/// Non-US to US transfer during the flowback block.
pub const FLOWBACK: u8 = 25;
/// The receiver's country is forbidden.
pub const DESTINATION_RESTRICTED: u8 = 26;
/// US sender within the US lock-up period.
pub const HOLD_UP_US: u8 = 32;
/// Non-US sender within the non-US lock-up period.
pub const HOLD_UP_NON_US: u8 = 33;
/// An investor-count limit would be exceeded.
pub const MAX_INVESTORS_IN_CATEGORY: u8 = 40;
/// Only full-balance transfers are allowed.
pub const ONLY_FULL_TRANSFER: u8 = 50;
/// A minimum holding would be broken.
pub const AMOUNT_OF_TOKENS_UNDER_MIN: u8 = 51;
/// The maximum holding would be exceeded.
pub const AMOUNT_OF_TOKENS_ABOVE_MAX: u8 = 52;
/// The receiver must be accredited.
pub const ONLY_ACCREDITED: u8 = 61;
/// US receivers must be accredited.
pub const ONLY_US_ACCREDITED: u8 = 62;
/// The minimum number of investors would be broken.
pub const NOT_ENOUGH_INVESTORS: u8 = 71;
/// The receiver may only sell.
pub const INVESTOR_LIQUIDATE_ONLY: u8 = 90;
/// A wallet of the transfer is blacklisted.
pub const WALLET_BLACKLISTED: u8 = 100;

/// The code of a transfer of `value` once frozen tokens count: a `code`
/// the rules found valid becomes [`TOKENS_LOCKED`] when `value` exceeds the
/// sender's `unfrozen` balance. The token and Compliance's own checks both
/// answer through this, so they agree (review F-07).
pub fn with_frozen(
    code: u8,
    value: alloy_primitives::U256,
    unfrozen: alloy_primitives::U256,
) -> u8 {
    if code == VALID && value > unfrozen {
        TOKENS_LOCKED
    } else {
        code
    }
}

/// Every reason code this implementation can return, ascending.
pub const ALL: [u8; 18] = [
    VALID,
    TOKEN_PAUSED,
    NOT_ENOUGH_TOKENS,
    TOKENS_LOCKED,
    WALLET_NOT_IN_REGISTRY_SERVICE,
    FLOWBACK,
    DESTINATION_RESTRICTED,
    HOLD_UP_US,
    HOLD_UP_NON_US,
    MAX_INVESTORS_IN_CATEGORY,
    ONLY_FULL_TRANSFER,
    AMOUNT_OF_TOKENS_UNDER_MIN,
    AMOUNT_OF_TOKENS_ABOVE_MAX,
    ONLY_ACCREDITED,
    ONLY_US_ACCREDITED,
    NOT_ENOUGH_INVESTORS,
    INVESTOR_LIQUIDATE_ONLY,
    WALLET_BLACKLISTED,
];

/// The DS reason string of `code` ("Unknown" for a code DS does not define).
pub const fn reason(code: u8) -> &'static str {
    match code {
        VALID => "Valid",
        TOKEN_PAUSED => "Token paused",
        NOT_ENOUGH_TOKENS => "Not enough tokens",
        TOKENS_LOCKED => "Tokens locked",
        WALLET_NOT_IN_REGISTRY_SERVICE => "Wallet not in registry service",
        FLOWBACK => "Flowback",
        DESTINATION_RESTRICTED => "Destination restricted",
        HOLD_UP_US | HOLD_UP_NON_US => "Under lock-up",
        MAX_INVESTORS_IN_CATEGORY => "Max investors in category",
        ONLY_FULL_TRANSFER => "Only full transfer",
        AMOUNT_OF_TOKENS_UNDER_MIN => "Amount of tokens under min",
        AMOUNT_OF_TOKENS_ABOVE_MAX => "Amount of tokens above max",
        ONLY_ACCREDITED => "Only accredited",
        ONLY_US_ACCREDITED => "Only us accredited",
        NOT_ENOUGH_INVESTORS => "Not enough investors",
        INVESTOR_LIQUIDATE_ONLY => "Investor liquidate only",
        WALLET_BLACKLISTED => "Wallet is blacklisted",
        _ => "Unknown",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_has_a_ds_string() {
        for code in ALL {
            assert_ne!(reason(code), "Unknown", "code {code}");
        }
        assert_eq!(reason(1), "Unknown");
    }

    /// Every DS code and its string, written out once from the reference.
    #[test]
    fn codes_and_strings_match_the_reference() {
        let reference = [
            (0, "Valid"),
            (10, "Token paused"),
            (15, "Not enough tokens"),
            (16, "Tokens locked"),
            (20, "Wallet not in registry service"),
            (25, "Flowback"),
            (26, "Destination restricted"),
            (32, "Under lock-up"),
            (33, "Under lock-up"),
            (40, "Max investors in category"),
            (50, "Only full transfer"),
            (51, "Amount of tokens under min"),
            (52, "Amount of tokens above max"),
            (61, "Only accredited"),
            (62, "Only us accredited"),
            (71, "Not enough investors"),
            (90, "Investor liquidate only"),
            (100, "Wallet is blacklisted"),
        ];
        assert_eq!(ALL, reference.map(|(code, _)| code));
        for (code, text) in reference {
            assert_eq!(reason(code), text, "code {code}");
        }
    }

    #[test]
    fn codes_are_ascending_and_unique() {
        assert!(ALL.windows(2).all(|w| w[0] < w[1]));
    }
}
