// Events of the Compliance service and its facets.
// Compiled by `sol!` and printed verbatim into the exported ABI (abi/*.sol),
// so integrators decode with the names and `indexed` markers emitted.

/// Numeric rule `ruleIndex` (wire order) changed.
event DSComplianceUIntRuleSet(uint256 ruleIndex, uint256 prevValue, uint256 newValue);
/// Boolean rule `ruleIndex` (wire order) changed.
event DSComplianceBoolRuleSet(uint256 ruleIndex, bool prevValue, bool newValue);
/// A per-key rule (the country compliance status) changed.
event DSComplianceStringToUIntMapRuleSet(string ruleName, string keyValue, uint256 prevValue, uint256 newValue);
/// Lock `index` of an investor was added.
event Locked(bytes32 indexed investorKey, uint256 index, uint256 value, uint256 reasonCode, string reason, uint256 releaseTime);
/// Lock `index` of an investor was removed.
event Unlocked(bytes32 indexed investorKey, uint256 index, uint256 value, uint256 reasonCode, string reason, uint256 releaseTime);
/// Investor fully locked.
event HolderLocked(string investorId, address sender);
/// Investor's full lock lifted.
event HolderUnlocked(string investorId, address sender);
/// Liquidate-only flag of an investor set or lifted.
event InvestorLiquidateOnlySet(string investorId, bool enabled, address sender);
/// Wallet blacklisted.
event WalletBlacklisted(address indexed wallet, address sender);
/// Wallet removed from the blacklist.
event WalletUnblacklisted(address indexed wallet, address sender);
