//! Prints the Solidity interface of the Registry admin facet (`--features export-abi`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

#[cfg(feature = "export-abi")]
fn main() {
    ds_common::abi_export::print_contract::<ds_registry_admin::RegistryAdmin>();
    ds_common::abi_export::print_events(
        "RegistryAdmin",
        &[ds_registry_state::events::EVENTS_SOL],
        &ds_registry_state::events::SIGNATURES,
    );
}
