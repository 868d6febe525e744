//! The public ABI of the DS contracts for the tests, the demo and the
//! bench: the published interface of each address (`abi/*.sol`, module
//! [`exported`]) under the names the tests use, the errors the tests
//! construct, and the test fixtures.
#![allow(missing_docs, clippy::too_many_arguments)]

use alloy_sol_types::sol;

/// The interfaces exactly as the contracts export them (`abi/*.sol`,
/// checked against the code in CI): the tests decode every event with the
/// declarations integrators use, so a missing `indexed` or a wrong type in
/// the published ABI fails them.
pub use ds_common::bindings as exported;

/// The published interface of each address under the names the tests use
/// (the Compliance and token addresses are served by several programs, one
/// interface each all the same).
pub use exported::{
    IBulkBalanceChecker, IBulkOperator, ICommsService as IComms, IComplianceService as ICompliance,
    IComplianceService as IComplianceInternal, IComplianceService as IComplianceConfig, IDSToken,
    IDSToken as ITokenRegistryHook, IDSToken as ITokenSnapshots, IDistribution, IDvP, INavProvider,
    IRebasingProvider, IRedemption, IRegistryService as IRegistry,
    IRegistryService as IRegistryAdmin, ISubscription, ITokenIssuer, ITransactionRelayer,
    ITrustService as ITrust, ITrustService as ITrustAdmin, IWalletRegistrar,
};

pub use exported::{
    IBulkOperator::{EnforcedPause, ExpectedPause},
    IBulkOperatorEvents::{Paused, Unpaused},
    ICommsServiceEvents::{
        DSCommsServiceNoticeAcknowledged, DSCommsServiceNoticePublished,
        DSCommsServiceNoticeRevoked,
    },
    IComplianceServiceEvents::{
        DSComplianceBoolRuleSet, DSComplianceStringToUIntMapRuleSet, DSComplianceUIntRuleSet,
        HolderLocked, HolderUnlocked, InvestorFullyLocked, InvestorFullyUnlocked, Locked, Unlocked,
        WalletBlacklisted,
    },
    IDSTokenEvents::{Approval, Burn, Issue, Pause, Seize, Snapshot, Transfer, Unpause},
    IDistributionEvents::{Claimed, DistributionCreated, Reclaimed},
    IDvP::{
        InvalidFee, MatcherNotExchange, NotOfferBuyer, NotOfferSeller, OfferExpired, OfferNotOpen,
        PaymentShortfall, UnknownOffer,
    },
    IDvPEvents::{OfferCancelled, OfferCreated, OfferTaken},
    INavProvider::NotRateUpdater,
    INavProviderEvents::{RateUpdated, RateUpdaterAdded, RateUpdaterRemoved},
    IRebasingProvider::{InvalidMultiplier, SharesRoundToZero},
    IRebasingProviderEvents::RebasingRateUpdated,
    IRedemption::{
        InsufficientRedemptionFunds, InvalidRedemptionTerms, NotRedemptionRequester,
        RedemptionExceedsRedeemable, RedemptionNotPending, RedemptionWindowNotOpen,
        UnknownRedemptionRequest, UnknownRedemptionWindow,
    },
    IRedemptionEvents::{
        RedemptionCancelled, RedemptionFunded, RedemptionFundsWithdrawn, RedemptionRequested,
        RedemptionSettled, RedemptionWindowClosed, RedemptionWindowOpened,
    },
    IRegistryServiceEvents::{
        DSRegistryServiceInvestorAdded, DSRegistryServiceInvestorCountryChanged,
        DSRegistryServiceWalletAdded,
    },
    ISubscription::{
        HardCapExceeded, InvalidRoundTerms, NothingOwed, RoundNotEnded, RoundNotOpen,
        RoundNotSettled, SubscriptionOutOfBounds, UnknownRound,
    },
    ISubscriptionEvents::{
        Refunded, RoundCancelled, RoundClosed, RoundCreated, Subscribed, TokensClaimed,
    },
    ITokenIssuer::{WalletNotOfInvestor, WrongParameterLength},
    ITransactionRelayer::{
        ECDSAInvalidSignature, ECDSAInvalidSignatureS, InvalidNonce, NonceNotIncreased,
        SignerNotApprover, TransactionExpired,
    },
    ITransactionRelayerEvents::{InvestorNonceUpdated, PreApprovedTransactionExecuted},
    ITrustServiceEvents::{DSServiceSet, DSTrustServiceRoleAdded},
};

sol! {
    /// The minimal ERC-20 used to calibrate the devnet (`erc20_min.wasm`).
    interface IErc20Min {
        function transfer(address to, uint256 value) external returns (bool);
        function balanceOf(address owner) external view returns (uint256);
    }

    /// The custom errors the contracts revert with (a selector is the same
    /// whichever contract reverts).
    #[derive(Debug, PartialEq, Eq)]
    interface DSErrors {
        error UnauthorizedCaller(address caller, uint8 callerRole);
        error ServiceNotSet(uint256 serviceId);
        error ServiceCallFailed(uint256 serviceId, address service);
        error WalletHasBalance(address wallet, uint256 balance);
        error NotAnInvestor(address wallet);
        error NotNoticeTarget(uint256 noticeId, address wallet);
        error AlreadyAcknowledged(uint256 noticeId, bytes32 investorKey);
        error NoticeIsRevoked(uint256 noticeId);
        error NoticeExpired(uint256 noticeId, uint64 deadline);
        error RuleValueOutOfRange(uint256 index, uint256 value);
        error InvalidCountryStatus(uint256 value);
        error AuthorizedSecuritiesExceeded(uint256 totalSupply, uint256 value, uint256 cap);
        error SeizeTargetNotIssuerWallet(address to);
        error TransferRejected(uint256 code, string reason);
        error IssuanceRejected(uint256 code, string reason);
        error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed);
        error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed);
        error ERC20InvalidReceiver(address receiver);
        error ERC7943InsufficientUnfrozenBalance(address account, uint256 amount, uint256 unfrozen);
        error ZeroAddress();
        error InvalidCountry(string country);
        error NotInvestorCreator(address caller, bytes32 investorKey);
        error InvestorNotFound(bytes32 investorKey);
        error WalletInUse(address wallet, uint8 walletType);
    }
}

pub use DSErrors::*;

// ----- role matrix and audit regressions (tests/tests/{role_matrix,audit}.rs) -----

sol! {
    /// Access and bound errors the `DSErrors` declaration leaves out.
    #[derive(Debug, PartialEq, Eq)]
    interface AccessErrors {
        error RoleNotManageable(address caller, uint8 callerRole, uint8 role);
        error NotPendingMaster(address caller, address pending);
        error OnlyToken(address caller);
        error OnlyRegistry(address caller);
        error TooManyRecords(bytes32 investorKey, uint256 max);
        error InvestorHasWallets(bytes32 investorKey, uint256 walletCount);
    }
}

pub use AccessErrors::*;

// ----- distribution app (tests/tests/distribution.rs) -----

sol! {
    /// The payment-token fixture (`devnet/fixtures/payment-token`).
    interface IPaymentToken {
        function totalSupply() external view returns (uint256);
        function balanceOf(address owner) external view returns (uint256);
        function allowance(address owner, address spender) external view returns (uint256);
        function approve(address spender, uint256 value) external returns (bool);
        function transfer(address to, uint256 value) external returns (bool);
        function transferFrom(address from, address to, uint256 value) external returns (bool);
    }

    /// The distribution app's own errors.
    #[derive(Debug, PartialEq, Eq)]
    interface DistributionErrors {
        error UnknownDistribution(uint256 distributionId);
        error DistributionExpired(uint256 distributionId, uint64 deadline);
        error DistributionNotEnded(uint256 distributionId, uint64 deadline);
        error AlreadyClaimed(uint256 distributionId, address wallet);
        error NothingToClaim(uint256 distributionId, address wallet);
        error AlreadyReclaimed(uint256 distributionId);
        error ZeroAmount();
        error EmptySnapshot(uint256 snapshotId);
        error PaymentFailed(address token, address from, address to, uint256 amount);
        error InvalidDeadline(uint64 deadline, uint64 now);
    }
}

pub use DistributionErrors::*;
