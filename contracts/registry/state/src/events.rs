//! Events of the Registry service and its wallet manager (DS names).
#![allow(missing_docs)]

ds_common::events_sol!();

/// Signatures of the events above, for the ABI export.
#[cfg(feature = "export-abi")]
pub const SIGNATURES: [&str; 8] = {
    use alloy_sol_types::SolEvent;
    [
        DSRegistryServiceInvestorAdded::SIGNATURE,
        DSRegistryServiceInvestorRemoved::SIGNATURE,
        DSRegistryServiceInvestorCountryChanged::SIGNATURE,
        DSRegistryServiceInvestorAttributeChanged::SIGNATURE,
        DSRegistryServiceWalletAdded::SIGNATURE,
        DSRegistryServiceWalletRemoved::SIGNATURE,
        DSWalletManagerSpecialWalletAdded::SIGNATURE,
        DSWalletManagerSpecialWalletRemoved::SIGNATURE,
    ]
};
