// Events of the Compliance service and its facets.
// Compiled by `sol!` and printed verbatim into the exported ABI (abi/*.sol),
// so integrators decode with the names and `indexed` markers emitted.

/// Numeric rule `ruleName` (its DS name, e.g. "totalInvestorsLimit") changed.
event DSComplianceUIntRuleSet(string ruleName, uint256 prevValue, uint256 newValue);
/// Boolean rule `ruleName` (its DS name, e.g. "forceFullTransfer") changed.
event DSComplianceBoolRuleSet(string ruleName, bool prevValue, bool newValue);
/// A per-key rule (the country compliance status) changed.
event DSComplianceStringToUIntMapRuleSet(string ruleName, string keyValue, uint256 prevValue, uint256 newValue);
/// A lock of `value` was put on the investor of wallet `who` (reason code `reason`, text `reasonString`; release 0 = until removed).
event Locked(address indexed who, uint256 value, uint256 indexed reason, string reasonString, uint256 releaseTime);
/// A lock of the investor of wallet `who` was removed.
event Unlocked(address indexed who, uint256 value, uint256 indexed reason, string reasonString, uint256 releaseTime);
/// A lock of `value` was put on investor `holderId`.
event HolderLocked(string holderId, uint256 value, uint256 indexed reason, string reasonString, uint256 releaseTime);
/// A lock of investor `holderId` was removed.
event HolderUnlocked(string holderId, uint256 value, uint256 indexed reason, string reasonString, uint256 releaseTime);
/// Investor `investorId` fully locked: nothing of it is transferable.
event InvestorFullyLocked(string investorId);
/// Investor `investorId`'s full lock lifted.
event InvestorFullyUnlocked(string investorId);
/// Liquidate-only flag of investor `investorId` set or lifted.
event InvestorLiquidateOnlySet(string investorId, bool enabled);
/// Wallet blacklisted.
event WalletBlacklisted(address indexed wallet, address sender);
/// Wallet removed from the blacklist.
event WalletUnblacklisted(address indexed wallet, address sender);
