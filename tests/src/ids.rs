//! The public DS protocol numbers the tests speak: roles, service ids,
//! regions, attributes, rule indexes and reason codes with their strings.
//!
//! Written out here rather than imported from `ds-common`: the end-to-end
//! suite checks the artifacts against the protocol, not against the code
//! that built them.

/// Trust roles (one per address).
pub mod role {
    /// No role.
    pub const NONE: u8 = 0;
    /// Owner of the issuance.
    pub const MASTER: u8 = 1;
    /// Issuer.
    pub const ISSUER: u8 = 2;
    /// Exchange.
    pub const EXCHANGE: u8 = 4;
    /// Transfer agent.
    pub const TRANSFER_AGENT: u8 = 8;
}

/// DS service ids (`setDSService` / `getDSService`).
pub mod service {
    /// Trust service.
    pub const TRUST: u64 = 1;
    /// The DS token.
    pub const DS_TOKEN: u64 = 2;
    /// Registry service.
    pub const REGISTRY: u64 = 4;
    /// Compliance service.
    pub const COMPLIANCE: u64 = 8;
    /// Comms service.
    pub const COMMS: u64 = 16;
    /// Compliance admin facet, registered in Compliance.
    pub const COMPLIANCE_ADMIN_FACET: u64 = 256;
    /// Compliance views facet, registered in Compliance.
    pub const COMPLIANCE_VIEWS_FACET: u64 = 1 << 16;
    /// DS token admin facet, registered in the token.
    pub const TOKEN_ADMIN_FACET: u64 = 1 << 17;
}

/// Country compliance statuses (`setCountryCompliance`).
pub mod region {
    /// No special treatment.
    pub const NONE: u8 = 0;
    /// United States rules.
    pub const US: u8 = 1;
    /// European Union rules.
    pub const EU: u8 = 2;
    /// Forbidden destination.
    pub const FORBIDDEN: u8 = 4;
    /// Japan rules.
    pub const JP: u8 = 8;
}

/// Registry attribute ids and statuses.
pub mod attribute {
    /// KYC approved.
    pub const KYC_APPROVED: u8 = 1;
    /// Accredited investor.
    pub const ACCREDITED: u8 = 2;
    /// Qualified investor.
    pub const QUALIFIED: u8 = 4;
    /// Status APPROVED.
    pub const APPROVED: u64 = 1;
}

/// Registry special wallet types.
pub mod wallet_type {
    /// Issuer wallet (the only seize target).
    pub const ISSUER: u8 = 1;
    /// Platform (omnibus) wallet.
    pub const PLATFORM: u8 = 2;
}

/// Index of each numeric rule in `setAll` / `setUIntRule`.
pub mod uint_rule {
    /// Maximum number of investors.
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
    /// Maximum share of US investors, in percent.
    pub const MAX_US_INVESTORS_PERCENTAGE: usize = 6;
    /// Flowback blocked until this time (0 = forever).
    pub const BLOCK_FLOWBACK_END_TIME: usize = 7;
    /// Lock-up after issuance for non-US investors, seconds.
    pub const NON_US_LOCK_PERIOD: usize = 8;
    /// Minimum number of investors.
    pub const MINIMUM_TOTAL_INVESTORS: usize = 9;
    /// Minimum holding of any investor.
    pub const MINIMUM_HOLDINGS_PER_INVESTOR: usize = 10;
    /// Maximum holding of any investor.
    pub const MAXIMUM_HOLDINGS_PER_INVESTOR: usize = 11;
    /// Maximum EU retail investors per EU country.
    pub const EU_RETAIL_INVESTORS_LIMIT: usize = 12;
    /// Lock-up after issuance for US investors, seconds.
    pub const US_LOCK_PERIOD: usize = 13;
    /// Maximum number of Japanese investors.
    pub const JP_INVESTORS_LIMIT: usize = 14;
    /// Issuance cap.
    pub const AUTHORIZED_SECURITIES: usize = 15;
}

/// Index of each boolean rule in `setAll` / `setBoolRule`.
pub mod bool_rule {
    /// US senders transfer their whole holding only.
    pub const FORCE_FULL_TRANSFER: usize = 0;
    /// Receivers must be accredited.
    pub const FORCE_ACCREDITED: usize = 1;
    /// US receivers must be accredited.
    pub const FORCE_ACCREDITED_US: usize = 2;
    /// Every sender transfers its whole holding only.
    pub const WORLD_WIDE_FORCE_FULL_TRANSFER: usize = 3;
    /// Past issuance times are replaced by the block time.
    pub const DISALLOW_BACK_DATING: usize = 4;
}

/// DS reason codes.
pub mod code {
    /// Allowed.
    pub const VALID: u8 = 0;
    /// Token paused.
    pub const TOKEN_PAUSED: u8 = 10;
    /// Balance below the value.
    pub const NOT_ENOUGH_TOKENS: u8 = 15;
    /// Manual locks.
    pub const TOKENS_LOCKED: u8 = 16;
    /// Receiver not registered.
    pub const WALLET_NOT_IN_REGISTRY: u8 = 20;
    /// Non-US to US during the flowback block.
    pub const FLOWBACK: u8 = 25;
    /// Receiver's country forbidden.
    pub const DESTINATION_RESTRICTED: u8 = 26;
    /// US lock-up.
    pub const LOCK_UP_US: u8 = 32;
    /// Non-US lock-up.
    pub const LOCK_UP_NON_US: u8 = 33;
    /// An investor-count limit.
    pub const MAX_INVESTORS_IN_CATEGORY: u8 = 40;
    /// Only full-balance transfers.
    pub const ONLY_FULL_TRANSFER: u8 = 50;
    /// A minimum holding.
    pub const UNDER_MIN: u8 = 51;
    /// The maximum holding.
    pub const ABOVE_MAX: u8 = 52;
    /// Receiver must be accredited.
    pub const ONLY_ACCREDITED: u8 = 61;
    /// US receiver must be accredited.
    pub const ONLY_US_ACCREDITED: u8 = 62;
    /// Minimum number of investors.
    pub const NOT_ENOUGH_INVESTORS: u8 = 71;
    /// Receiver may only sell.
    pub const LIQUIDATE_ONLY: u8 = 90;
    /// Blacklisted wallet.
    pub const BLACKLISTED: u8 = 100;

    /// The DS reason string of `code`, as the protocol defines it.
    pub fn reason(code: u8) -> &'static str {
        match code {
            VALID => "Valid",
            TOKEN_PAUSED => "Token paused",
            NOT_ENOUGH_TOKENS => "Not enough tokens",
            TOKENS_LOCKED => "Tokens locked",
            WALLET_NOT_IN_REGISTRY => "Wallet not in registry service",
            FLOWBACK => "Flowback",
            DESTINATION_RESTRICTED => "Destination restricted",
            LOCK_UP_US | LOCK_UP_NON_US => "Under lock-up",
            MAX_INVESTORS_IN_CATEGORY => "Max investors in category",
            ONLY_FULL_TRANSFER => "Only full transfer",
            UNDER_MIN => "Amount of tokens under min",
            ABOVE_MAX => "Amount of tokens above max",
            ONLY_ACCREDITED => "Only accredited",
            ONLY_US_ACCREDITED => "Only us accredited",
            NOT_ENOUGH_INVESTORS => "Not enough investors",
            LIQUIDATE_ONLY => "Investor liquidate only",
            BLACKLISTED => "Wallet is blacklisted",
            _ => "Unknown",
        }
    }
}
