//! Prints the Solidity interface of the NAV provider (`--features export-abi`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

#[cfg(feature = "export-abi")]
fn main() {
    use alloy_sol_types::SolEvent;
    ds_common::abi_export::print_contract::<ds_nav_provider::NavProvider>();
    ds_common::abi_export::print_events(
        "NavProvider",
        &[ds_nav_provider::EVENTS_SOL, ds_common::consumer::EVENTS_SOL],
        &[
            ds_nav_provider::RateUpdated::SIGNATURE,
            ds_nav_provider::RateUpdaterAdded::SIGNATURE,
            ds_nav_provider::RateUpdaterRemoved::SIGNATURE,
            ds_common::consumer::DSServiceSet::SIGNATURE,
        ],
    );
}
