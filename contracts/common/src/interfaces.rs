//! Cross-contract interfaces of the DS services, as other contracts call them.
//!
//! Each interface lists only what another DS contract calls; the full public
//! ABI of every contract is exported to `abi/<Contract>.sol`. Add a function
//! here when a second contract starts calling it.

#![allow(missing_docs, clippy::too_many_arguments)]

use stylus_sdk::prelude::sol_interface;

sol_interface! {
    /// What services ask the Trust service.
    interface ITrustService {
        function getRole(address target) external view returns (uint8);
        function isAuthorizedApp(address app) external view returns (bool);
    }

    /// What Compliance and the token ask the Registry: one call per check.
    /// `info` words are packed `party::PartyInfo`; keys are `party::investor_key`.
    interface IRegistryService {
        function getTransferParties(address from, address to) external view returns (bytes32 from_key, uint256 from_info, bytes32 to_key, uint256 to_info);
        function getParty(address wallet) external view returns (bytes32 key, uint256 info);
        function getInvestor(address wallet) external view returns (string);
    }

    /// Hooks the Registry calls on Compliance so investor counters stay exact.
    interface IComplianceHooks {
        function onInvestorInfoChanged(bytes32 investor_key, uint256 old_info, uint256 new_info) external;
    }

    /// What the DS token asks Compliance: one call per transfer, issuance,
    /// burn or seize. `validate*` check and record; a non-zero code means
    /// refused and nothing recorded. `validateTransfer`'s `spender` is the
    /// caller of `transferFrom` (`from` itself for `transfer`): a
    /// blacklisted spender is refused too (review F-02).
    interface IComplianceService {
        function validateTransfer(address spender, address from, address to, uint256 value, uint256 from_balance, bool paused) external returns (uint256);
        function validateIssuance(address to, uint256 value, uint256 issuance_time, uint256 total_supply, uint256[] lock_values, uint64[] lock_release_times, string reason) external returns (uint256);
        function validateBurn(address who, uint256 value) external returns (bool);
        function validateSeize(address from, address to, uint256 value) external returns (bool);
        function validateForcedTransfer(address from, address to, uint256 value) external returns (bool);
        function checkTransfer(address from, address to, uint256 value, uint256 from_balance, bool paused) external view returns (uint256);
        function isBlacklistedWallet(address wallet) external view returns (bool);
        function getInvestorBalance(bytes32 investor_key) external view returns (uint256);
    }

    /// What the Registry asks the token: a wallet added or removed must hold
    /// nothing; an added wallet's storage is reserved by the token.
    interface IDSTokenBalances {
        function balanceOf(address wallet) external view returns (uint256);
        function isPaused() external view returns (bool);
        function getFrozenTokens(address account) external view returns (uint256);
        function reserveWallet(address wallet) external returns (uint256);
    }

    /// What DS apps (the distribution app) ask the token: a new snapshot
    /// (issuer, master or an authorised app) and balances at a snapshot.
    interface IDSTokenSnapshots {
        function snapshot() external returns (uint256);
        function balanceOfAt(address wallet, uint256 snapshot_id) external view returns (uint256);
        function totalSupplyAt(uint256 snapshot_id) external view returns (uint256);
    }

    /// The Registry calls of the onboarding services (token issuer, wallet
    /// registrar): DS's `updateInvestor` creates the investor when new and
    /// adds the wallets.
    interface IRegistryOnboarding {
        function isWallet(address wallet) external view returns (bool);
        function getInvestor(address wallet) external view returns (string);
        function updateInvestor(string id, string collision_hash, string country, address[] wallets, uint8[] attribute_ids, uint256[] attribute_values, uint256[] attribute_expirations) external returns (bool);
    }

    /// The DS token's issuance and burn, as the issuance services call them
    /// (they hold the ISSUER role in Trust).
    interface IDSTokenIssuance {
        function issueTokensCustom(address to, uint256 value, uint256 issuance_time, uint256 value_locked, string reason, uint64 release_time) external returns (bool);
        function issueTokensWithMultipleLocks(address to, uint256 value, uint256 issuance_time, uint256[] values_locked, string reason, uint64[] release_times) external returns (bool);
        function burn(address who, uint256 value, string reason) external returns (bool);
    }

    /// DS v4's token issuer (service 512), as the bulk operator calls it.
    interface ITokenIssuer {
        function issueTokens(string id, address to, uint256[] issuance_values, string reason, uint256[] locks_values, uint64[] lock_release_times, string collision_hash, string country, uint256[] attribute_values, uint256[] attribute_expirations) external returns (bool);
    }
}
