//! Prints the Solidity interface of the Registry service (`--features export-abi`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

#[cfg(feature = "export-abi")]
fn main() {
    use alloy_sol_types::SolEvent;
    ds_common::abi_export::print_contract::<ds_registry::RegistryService>();
    ds_common::abi_export::print_events(
        "RegistryService",
        &[
            ds_registry::events::EVENTS_SOL,
            ds_common::consumer::EVENTS_SOL,
        ],
        &[
            ds_registry::DSRegistryServiceInvestorAdded::SIGNATURE,
            ds_registry::DSRegistryServiceInvestorRemoved::SIGNATURE,
            ds_registry::DSRegistryServiceInvestorCountryChanged::SIGNATURE,
            ds_registry::DSRegistryServiceInvestorAttributeChanged::SIGNATURE,
            ds_registry::DSRegistryServiceWalletAdded::SIGNATURE,
            ds_registry::DSRegistryServiceWalletRemoved::SIGNATURE,
            ds_registry::DSWalletManagerSpecialWalletAdded::SIGNATURE,
            ds_registry::DSWalletManagerSpecialWalletRemoved::SIGNATURE,
            ds_common::consumer::DSServiceSet::SIGNATURE,
        ],
    );
}
