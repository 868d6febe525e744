//! Prints the Solidity interface of the DS token control facet (`--features export-abi`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

#[cfg(feature = "export-abi")]
fn main() {
    ds_common::abi_export::print_contract::<ds_token_control::DSTokenControl>();
    ds_common::abi_export::print_events(
        "DSTokenControl",
        &[ds_token_state::events::EVENTS_SOL],
        &ds_token_state::events::SIGNATURES,
    );
}
