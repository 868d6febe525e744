//! Numeric identifiers fixed by the DS protocol (Solidity reference v4).

/// Roles kept by the Trust service: one role per address.
pub mod role {
    /// No role.
    pub const NONE: u8 = 0;
    /// Owner of the issuance: configures services and hands over mastership.
    pub const MASTER: u8 = 1;
    /// Issuer: issues tokens, manages issuers and exchanges.
    pub const ISSUER: u8 = 2;
    /// Exchange: registers its own investors and wallets.
    pub const EXCHANGE: u8 = 4;
    /// Transfer agent: configures compliance, seizes, pauses, manages transfer agents.
    pub const TRANSFER_AGENT: u8 = 8;

    /// DS `onlyIssuerOrAbove`: issuance, wallet manager.
    pub const ISSUER_OR_ABOVE: &[u8] = &[MASTER, ISSUER];
    /// DS `onlyTransferAgentOrAbove`: compliance configuration, locks, seize, pause.
    pub const TRANSFER_AGENT_OR_ABOVE: &[u8] = &[MASTER, TRANSFER_AGENT];
    /// DS `onlyIssuerOrTransferAgentOrAbove`: burn, `updateInvestor`.
    pub const ISSUER_OR_TRANSFER_AGENT_OR_ABOVE: &[u8] = &[MASTER, ISSUER, TRANSFER_AGENT];
    /// DS `onlyExchangeOrAbove`: investor and wallet registration.
    pub const EXCHANGE_OR_ABOVE: &[u8] = &[MASTER, ISSUER, EXCHANGE, TRANSFER_AGENT];

    /// True for the four roles the Trust service knows.
    pub const fn is_known(role: u8) -> bool {
        matches!(role, MASTER | ISSUER | EXCHANGE | TRANSFER_AGENT)
    }
}

/// Service ids used with `setDSService` / `getDSService`.
pub mod service {
    /// Trust service (roles, entities).
    pub const TRUST: u64 = 1;
    /// The DS token.
    pub const DS_TOKEN: u64 = 2;
    /// Registry service (investors, wallets, attributes).
    pub const REGISTRY: u64 = 4;
    /// Compliance service (rules, counters).
    pub const COMPLIANCE: u64 = 8;
    /// Comms service (notices to investors).
    pub const COMMS: u64 = 16;
    /// Wallet manager (special wallets). In this suite: served by the
    /// Registry, at its address.
    pub const WALLET_MANAGER: u64 = 32;
    /// Lock manager (manual and investor locks). In this suite: served by
    /// Compliance, at its address.
    pub const LOCK_MANAGER: u64 = 64;
    /// Compliance configuration service (rules, country statuses). In this
    /// suite: served by Compliance, at its address.
    pub const COMPLIANCE_CONFIGURATION: u64 = 256;
    /// DS v4's token issuer (register, attributes, issue and locks in one call).
    pub const TOKEN_ISSUER: u64 = 512;
    /// DS v4's wallet registrar (`registerWallet`).
    pub const WALLET_REGISTRAR: u64 = 1024;
    /// DS v4's transaction relayer (pre-approved, EIP-712 signed calls).
    pub const TRANSACTION_RELAYER: u64 = 4096;
    /// DS v4's rebasing provider (the multiplier between shares and tokens).
    pub const REBASING_PROVIDER: u64 = 8196;
    /// The DS ids that name a part of a service served at that service's
    /// address: every contract registers them (with the DS services).
    pub const DS_PARTS: [u64; 3] = [WALLET_MANAGER, LOCK_MANAGER, COMPLIANCE_CONFIGURATION];
    /// The Compliance admin facet, registered in Compliance (not a DS id).
    pub const COMPLIANCE_ADMIN_FACET: u64 = 1 << 19;
    /// The Compliance views facet, registered in Compliance (not a DS id).
    pub const COMPLIANCE_VIEWS_FACET: u64 = 1 << 16;
    /// The DS token's admin facet, registered in the token (not a DS id).
    pub const TOKEN_ADMIN_FACET: u64 = 1 << 17;
    /// The Compliance facet with the DS-named rule setters and getters,
    /// registered in Compliance (not a DS id).
    pub const COMPLIANCE_CONFIG_FACET: u64 = 1 << 18;
    /// The Registry admin facet (investor, wallet, attribute and special
    /// wallet setters), registered in the Registry (not a DS id).
    pub const REGISTRY_ADMIN_FACET: u64 = 1 << 20;
    /// The Compliance hooks facet (the records of the token's issuances,
    /// burns, seizures and forced transfers; the Registry's hook),
    /// registered in Compliance (not a DS id).
    pub const COMPLIANCE_HOOKS_FACET: u64 = 1 << 21;
    /// The DS token's control facet (seize, forced transfer, freeze, pause,
    /// snapshots, the Registry's wallet reservation), registered in the
    /// token (not a DS id).
    pub const TOKEN_CONTROL_FACET: u64 = 1 << 22;
    /// The subscription app's admin facet (open, close, cancel rounds),
    /// registered in the app (not a DS id).
    pub const SUBSCRIPTION_ADMIN_FACET: u64 = 1 << 23;
    /// The redemption app's admin facet (open, close, fund windows),
    /// registered in the app (not a DS id).
    pub const REDEMPTION_ADMIN_FACET: u64 = 1 << 24;
}

/// Registry attribute ids (bit values, as in DS).
pub mod attribute {
    /// KYC approved.
    pub const KYC_APPROVED: u8 = 1;
    /// Accredited investor.
    pub const ACCREDITED: u8 = 2;
    /// Qualified investor.
    pub const QUALIFIED: u8 = 4;
    /// Professional investor.
    pub const PROFESSIONAL: u8 = 8;
    /// Attribute ids accepted by `setAttribute` are below this bound.
    pub const ID_BOUND: u8 = 16;
}

/// Status values of a registry attribute.
pub mod attribute_status {
    /// Not yet decided.
    pub const PENDING: u8 = 0;
    /// Approved (until its expiry, if any).
    pub const APPROVED: u8 = 1;
    /// Rejected.
    pub const REJECTED: u8 = 2;
}

/// Where a DvP offer stands (`getOffer`'s last field, `OfferNotOpen`).
pub mod offer_status {
    /// No offer under this id.
    pub const NONE: u8 = 0;
    /// Waiting to be taken.
    pub const OPEN: u8 = 1;
    /// Settled: both legs moved.
    pub const TAKEN: u8 = 2;
    /// Withdrawn by the seller.
    pub const CANCELLED: u8 = 3;
}

/// Where a subscription round stands (`getRound`'s status, `RoundNotOpen`,
/// `RoundNotSettled`).
pub mod round_status {
    /// No round under this id.
    pub const NONE: u8 = 0;
    /// Taking subscriptions in its window.
    pub const OPEN: u8 = 1;
    /// Closed at or above its soft cap: tokens issued (or claimable).
    pub const SUCCEEDED: u8 = 2;
    /// Closed below its soft cap: payments refundable.
    pub const FAILED: u8 = 3;
    /// Cancelled by the issuer: held payments refundable.
    pub const CANCELLED: u8 = 4;
}

/// Status of a redemption window and of a redemption request (the
/// redemption app).
pub mod redemption_status {
    /// No window or request under this id.
    pub const NONE: u8 = 0;
    /// A window taking requests.
    pub const WINDOW_OPEN: u8 = 1;
    /// A window taking no more requests (its queue still settles).
    pub const WINDOW_CLOSED: u8 = 2;
    /// A request waiting in its window's queue (perhaps in part settled).
    pub const PENDING: u8 = 1;
    /// A request settled to its end (filled, or cut to what its wallet had).
    pub const SETTLED: u8 = 2;
    /// A request withdrawn by its wallet.
    pub const CANCELLED: u8 = 3;
}

/// Special wallet types of the wallet manager.
pub mod wallet_type {
    /// An ordinary wallet.
    pub const NONE: u8 = 0;
    /// Issuer wallet: the only valid seize target.
    pub const ISSUER: u8 = 1;
    /// Platform (omnibus) wallet.
    pub const PLATFORM: u8 = 2;
    /// Exchange wallet, owned by an exchange.
    pub const EXCHANGE: u8 = 4;
}

/// Per-country compliance status ("region").
pub mod region {
    /// No special treatment.
    pub const NONE: u8 = 0;
    /// United States rules.
    pub const US: u8 = 1;
    /// European Union rules.
    pub const EU: u8 = 2;
    /// Country blocked as a destination.
    pub const FORBIDDEN: u8 = 4;
    /// Japan rules.
    pub const JP: u8 = 8;
}

/// Size bounds that keep every call within a block's gas.
pub mod limits {
    /// Longest batch accepted by any batch function (DS uses 30).
    pub const MAX_BATCH: usize = 30;
}

/// Size bounds of the Trust service's entities (DS apps authorisation).
pub mod entity_limits {
    /// Longest entity name, in bytes (names are never empty).
    pub const MAX_NAME_LENGTH: usize = 64;
    /// Most operators one entity may have.
    pub const MAX_OPERATORS: u32 = 30;
    /// Most resources (DS apps) one entity may have.
    pub const MAX_RESOURCES: u32 = 30;
}

/// The capacity in which an address belongs to a Trust entity; an address
/// belongs to at most one entity, in exactly one capacity.
pub mod entity_capacity {
    /// Not a member of any entity.
    pub const NONE: u8 = 0;
    /// Owner of the entity: manages its operators.
    pub const OWNER: u8 = 1;
    /// Operator acting for the entity.
    pub const OPERATOR: u8 = 2;
    /// Resource of the entity: a contract authorised as a DS app.
    pub const RESOURCE: u8 = 3;
}

/// Categories of a Comms service notice.
pub mod notice_category {
    /// Corporate action (split, merger, conversion, buy-back...).
    pub const CORPORATE_ACTION: u8 = 1;
    /// Dividend or other distribution.
    pub const DIVIDEND: u8 = 2;
    /// Shareholder meeting or vote.
    pub const MEETING: u8 = 3;
    /// A document made available (report, statement, prospectus...).
    pub const DOCUMENT: u8 = 4;
    /// Regulatory notice.
    pub const REGULATORY: u8 = 5;

    /// True for the categories defined above.
    pub const fn is_known(category: u8) -> bool {
        matches!(
            category,
            CORPORATE_ACTION | DIVIDEND | MEETING | DOCUMENT | REGULATORY
        )
    }
}

/// Who a Comms service notice is addressed to.
pub mod notice_target {
    /// Every investor of the issuance (target must be zero).
    pub const ALL_HOLDERS: u8 = 0;
    /// One investor: target is its `party::investor_key`.
    pub const INVESTOR: u8 = 1;
    /// The investors of one country: target is the country's 1-3 upper-case
    /// ASCII letters, left-aligned (Solidity `bytes32("US")`).
    pub const COUNTRY: u8 = 2;
}

/// Size bounds of the Comms service.
pub mod comms_limits {
    /// Longest notice URI, in bytes.
    pub const MAX_URI_LENGTH: usize = 256;
    /// Largest page a listing view returns.
    pub const MAX_PAGE: usize = 50;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The protocol numbers integrators rely on, written out once.
    #[test]
    fn numbers_match_the_ds_protocol() {
        use role::*;
        assert_eq!(
            [NONE, MASTER, ISSUER, EXCHANGE, TRANSFER_AGENT],
            [0, 1, 2, 4, 8]
        );
        use service::*;
        assert_eq!(
            [
                TRUST,
                DS_TOKEN,
                REGISTRY,
                COMPLIANCE,
                COMMS,
                WALLET_MANAGER,
                LOCK_MANAGER
            ],
            [1, 2, 4, 8, 16, 32, 64]
        );
        assert_eq!(
            [
                COMPLIANCE_CONFIGURATION,
                COMPLIANCE_VIEWS_FACET,
                TOKEN_ADMIN_FACET,
                COMPLIANCE_CONFIG_FACET
            ],
            [256, 65_536, 131_072, 262_144]
        );
        assert_eq!(
            [
                COMPLIANCE_ADMIN_FACET,
                REGISTRY_ADMIN_FACET,
                COMPLIANCE_HOOKS_FACET,
                TOKEN_CONTROL_FACET
            ],
            [524_288, 1_048_576, 2_097_152, 4_194_304]
        );
    }

    /// Our own ids (facets) never take an id the DS protocol uses
    /// (`IDSServiceConsumer.sol` of DS v4, deprecated ones included).
    #[test]
    fn internal_ids_are_not_ds_ids() {
        use service::*;
        const DS_IDS: [u64; 18] = [
            1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192, 16384, 8196, 8197, 0,
        ];
        for ours in [
            COMPLIANCE_VIEWS_FACET,
            COMPLIANCE_ADMIN_FACET,
            TOKEN_ADMIN_FACET,
            COMPLIANCE_CONFIG_FACET,
            REGISTRY_ADMIN_FACET,
            COMPLIANCE_HOOKS_FACET,
            TOKEN_CONTROL_FACET,
        ] {
            assert!(!DS_IDS.contains(&ours), "{ours} is a DS service id");
        }
        assert_eq!(
            [
                region::NONE,
                region::US,
                region::EU,
                region::FORBIDDEN,
                region::JP
            ],
            [0, 1, 2, 4, 8]
        );
        use attribute::*;
        assert_eq!(
            [KYC_APPROVED, ACCREDITED, QUALIFIED, PROFESSIONAL],
            [1, 2, 4, 8]
        );
        use attribute_status::*;
        assert_eq!([PENDING, APPROVED, REJECTED], [0, 1, 2]);
        assert_eq!(
            [
                wallet_type::NONE,
                wallet_type::ISSUER,
                wallet_type::PLATFORM,
                wallet_type::EXCHANGE
            ],
            [0, 1, 2, 4]
        );
    }
}
