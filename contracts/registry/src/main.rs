//! Prints the Solidity interface of the Registry service (`--features export-abi`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

#[cfg(feature = "export-abi")]
fn main() {
    use alloy_sol_types::SolEvent;
    ds_registry::print_from_args();
    ds_common::abi_export::print_events(
        "RegistryService",
        &[ds_common::consumer::DSServiceSet::SIGNATURE],
    );
}
