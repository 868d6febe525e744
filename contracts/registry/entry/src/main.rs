//! Prints the Solidity interface of the Registry service's entry program
//! (`--features export-abi`); `scripts/export-abi.sh` merges it with the
//! admin facet's into `abi/RegistryService.sol`.
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

#[cfg(feature = "export-abi")]
fn main() {
    use alloy_sol_types::SolEvent;
    ds_common::abi_export::print_contract::<ds_registry::RegistryService>();
    ds_common::abi_export::print_events(
        "RegistryService",
        &[ds_common::consumer::EVENTS_SOL],
        &[ds_common::consumer::DSServiceSet::SIGNATURE],
    );
    ds_common::abi_export::print_constants(
        "RegistryService",
        &["IDSServiceConstants", "IDSRegistryConstants"],
    );
}
