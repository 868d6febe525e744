//! Prints the Solidity interface of the rebasing provider (`--features export-abi`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

#[cfg(feature = "export-abi")]
fn main() {
    use alloy_sol_types::SolEvent;
    ds_common::abi_export::print_contract::<ds_rebasing_provider::RebasingProvider>();
    ds_common::abi_export::print_events(
        "RebasingProvider",
        &[
            ds_rebasing_provider::EVENTS_SOL,
            ds_common::consumer::EVENTS_SOL,
        ],
        &[
            ds_rebasing_provider::RebasingRateUpdated::SIGNATURE,
            ds_common::consumer::DSServiceSet::SIGNATURE,
        ],
    );
}
