//! The public ABI of the DS contracts for the tests, the demo and the
//! bench. Events are the exported ones (`abi/*.sol`, module [`exported`]);
//! the call interfaces below group what integrators call at one address
//! (a contract and the facets it runs), and declare the test fixtures.
#![allow(missing_docs, clippy::too_many_arguments)]

use alloy_sol_types::sol;

/// The interfaces exactly as the contracts export them (`abi/*.sol`,
/// checked against the code in CI): the tests decode every event with the
/// declarations integrators use, so a missing `indexed` or a wrong type in
/// the published ABI fails them.
pub use ds_common::bindings as exported;

/// Single-contract interfaces under the names the tests use.
pub use exported::{
    ICommsService as IComms, IComplianceRules, IDistribution, IRegistryService as IRegistry,
    IRegistryService as IRegistryAdmin, ITrustService as ITrust, ITrustService as ITrustAdmin,
};

pub use exported::{
    ICommsServiceEvents::{
        DSCommsServiceNoticeAcknowledged, DSCommsServiceNoticePublished,
        DSCommsServiceNoticeRevoked,
    },
    IComplianceAdminEvents::{
        DSComplianceBoolRuleSet, DSComplianceStringToUIntMapRuleSet, DSComplianceUIntRuleSet,
        Locked, WalletBlacklisted,
    },
    IDSTokenEvents::{Approval, Burn, Issue, Pause, Seize, Snapshot, Transfer, Unpause},
    IDistributionEvents::{Claimed, DistributionCreated, Reclaimed},
    IRegistryServiceEvents::{
        DSRegistryServiceInvestorAdded, DSRegistryServiceInvestorCountryChanged,
        DSRegistryServiceWalletAdded,
    },
    ITrustServiceEvents::{DSServiceSet, DSTrustServiceRoleAdded},
};

sol! {
    /// Compliance service as integrators see it at the Compliance address:
    /// the contract, its views facet and its admin facet.
    interface ICompliance {
        function setDSService(uint256 service_id, address service) external returns (bool);
        function getDSService(uint256 service_id) external view returns (address);
        // views facet
        function preTransferCheck(address from, address to, uint256 value) external view returns (uint256, string memory);
        function canTransfer(address from, address to, uint256 value) external view returns (bool);
        function preIssuanceCheck(address to, uint256 value) external view returns (uint256, string memory);
        function detectTransferRestriction(address from, address to, uint256 value) external view returns (uint8);
        function messageForTransferRestriction(uint8 restriction_code) external view returns (string memory);
        function getAll() external view returns (uint256[16] memory, bool[5] memory);
        function getCountryCompliance(string calldata country) external view returns (uint256);
        function getTotalInvestorsCount() external view returns (uint256);
        function getAccreditedInvestorsCount() external view returns (uint256);
        function getUSInvestorsCount() external view returns (uint256);
        function getUSAccreditedInvestorsCount() external view returns (uint256);
        function getJPInvestorsCount() external view returns (uint256);
        function getEURetailInvestorsCount(string calldata country) external view returns (uint256);
        function balanceOfInvestor(string calldata id) external view returns (uint256);
        function isBlacklistedWallet(address wallet) external view returns (bool);
        function isInvestorLocked(string calldata investor_id) external view returns (bool);
        function isInvestorLiquidateOnly(string calldata investor_id) external view returns (bool);
        // admin facet
        function setAll(uint256[16] calldata uint_values, bool[5] calldata bool_values) external returns (bool);
        function setUIntRule(uint256 index, uint256 value) external returns (bool);
        function setBoolRule(uint256 index, bool value) external returns (bool);
        function setCountryCompliance(string calldata country, uint256 value) external returns (bool);
        function setCountriesCompliance(string[] memory countries, uint256[] memory values) external returns (bool);
        function addToBlacklist(address wallet) external returns (bool);
        function removeFromBlacklist(address wallet) external returns (bool);
        function addManualLockRecord(address to, uint256 value, string calldata reason, uint256 release_time) external returns (bool);
        function lockCount(address who) external view returns (uint256);
        function lockInfo(address who, uint256 lock_index) external view returns (uint256, string memory, uint256, uint256);
        function getTransferableTokens(address who, uint256 time) external view returns (uint256);
        function lockInvestor(string calldata investor_id) external returns (bool);
        function unlockInvestor(string calldata investor_id) external returns (bool);
        function setInvestorLiquidateOnly(string calldata investor_id, bool enabled) external returns (bool);
    }

    /// The DS token.
    interface IDSToken {
        function setDSService(uint256 service_id, address service) external returns (bool);
        function getDSService(uint256 service_id) external view returns (address);
        function name() external view returns (string memory);
        function symbol() external view returns (string memory);
        function decimals() external view returns (uint8);
        function totalSupply() external view returns (uint256);
        function balanceOf(address owner) external view returns (uint256);
        function transfer(address to, uint256 value) external returns (bool);
        function transferFrom(address from, address to, uint256 value) external returns (bool);
        function approve(address spender, uint256 value) external returns (bool);
        function allowance(address owner, address spender) external view returns (uint256);
        function issueTokens(address to, uint256 value) external returns (bool);
        function issueTokensCustom(address to, uint256 value, uint256 issuanceTime, uint256 valueLocked, string reason, uint64 releaseTime) external returns (bool);
        function issueTokensWithMultipleLocks(address to, uint256 value, uint256 issuanceTime, uint256[] valuesLocked, string reason, uint64[] releaseTimes) external returns (bool);
        function bulkIssuance(address[] to, uint256[] values, uint256 issuanceTime) external returns (bool);
        function burn(address who, uint256 value, string reason) external returns (bool);
        function bulkBurn(address[] who, uint256[] values, string reason) external returns (bool);
        function seize(address from, address to, uint256 value, string reason) external returns (bool);
        function pause() external;
        function unpause() external;
        function isPaused() external view returns (bool);
        function totalIssued() external view returns (uint256);
        function balanceOfInvestor(string id) external view returns (uint256);
        function walletCount() external view returns (uint256);
        function getWalletAt(uint256 index) external view returns (address);
        function preTransferCheck(address from, address to, uint256 value) external view returns (uint256, string memory);
        function detectTransferRestriction(address from, address to, uint256 value) external view returns (uint8);
        function messageForTransferRestriction(uint8 code) external view returns (string memory);
        function canTransfer(address from, address to, uint256 value) external view returns (bool);
        function forcedTransfer(address from, address to, uint256 amount) external returns (bool);
        function setFrozenTokens(address account, uint256 amount) external returns (bool);
        function getFrozenTokens(address account) external view returns (uint256);
        function supportsInterface(bytes4 interface_id) external view returns (bool);
    }

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
    /// Compliance entry points reserved to the DS token and the Registry,
    /// and the lock-manager functions the other declarations leave out.
    interface IComplianceInternal {
        function validateTransfer(address spender, address from, address to, uint256 value, uint256 from_balance, bool paused) external returns (uint256);
        function validateIssuance(address to, uint256 value, uint256 issuance_time, uint256 total_supply, uint256[] memory lock_values, uint64[] memory lock_release_times, string calldata reason) external returns (uint256);
        function onInvestorInfoChanged(bytes32 investor_key, uint256 _old_info, uint256 new_info) external returns (bool);
        function validateBurn(address who, uint256 value) external returns (bool);
        function validateSeize(address from, address to, uint256 value) external returns (bool);
        function validateForcedTransfer(address from, address to, uint256 value) external returns (bool);
        function createLockForInvestor(string calldata investor_id, uint256 value, uint256 reason_code, string calldata reason_string, uint256 release_time) external returns (bool);
        function removeLockRecord(address who, uint256 lock_index) external returns (bool);
        function removeLockRecordForInvestor(string calldata investor_id, uint256 lock_index) external returns (bool);
        function lockCountForInvestor(string calldata investor_id) external view returns (uint256);
    }

    /// The DS token entry point reserved to the Registry.
    interface ITokenRegistryHook {
        function reserveWallet(address wallet) external returns (uint256);
    }

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

sol! {
    /// The DS token's balance snapshots.
    #[derive(Debug, PartialEq, Eq)]
    interface ITokenSnapshots {
        function snapshot() external returns (uint256);
        function reserveCheckpoints(address[] memory wallets, uint256 count) external returns (uint256);
        function currentSnapshotId() external view returns (uint256);
        function balanceOfAt(address wallet, uint256 snapshot_id) external view returns (uint256);
        function totalSupplyAt(uint256 snapshot_id) external view returns (uint256);
    }
}

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
