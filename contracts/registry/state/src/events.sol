// Events of the Registry service and its wallet manager (DS names).
// Compiled by `sol!` and printed verbatim into the exported ABI (abi/*.sol),
// so integrators decode with the names and `indexed` markers emitted.

/// Investor `investorId` was registered by `sender`.
event DSRegistryServiceInvestorAdded(string investorId, address sender);
/// Investor `investorId` was removed by `sender`.
event DSRegistryServiceInvestorRemoved(string investorId, address sender);
/// The country of `investorId` became `country` (set by `sender`).
event DSRegistryServiceInvestorCountryChanged(string investorId, string country, address sender);
/// Attribute `attributeId` of `investorId` was set by `sender`.
event DSRegistryServiceInvestorAttributeChanged(string investorId, uint256 attributeId, uint256 value, uint256 expiry, string proofHash, address sender);
/// `wallet` was registered to `investorId` by `sender`.
event DSRegistryServiceWalletAdded(address wallet, string investorId, address sender);
/// `wallet` was removed from `investorId` by `sender`.
event DSRegistryServiceWalletRemoved(address wallet, string investorId, address sender);
/// `wallet` became a special wallet of type `walletType` (set by `sender`).
event DSWalletManagerSpecialWalletAdded(address wallet, uint8 walletType, address sender);
/// `wallet` stopped being a special wallet of type `walletType` (removed by `sender`).
event DSWalletManagerSpecialWalletRemoved(address wallet, uint8 walletType, address sender);
