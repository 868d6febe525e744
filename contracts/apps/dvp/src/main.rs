//! Prints the Solidity interface of the DvP app (`--features export-abi`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

#[cfg(feature = "export-abi")]
fn main() {
    use alloy_sol_types::SolEvent;
    ds_common::abi_export::print_contract::<ds_dvp::DvP>();
    ds_common::abi_export::print_events(
        "DvP",
        &[ds_dvp::EVENTS_SOL, ds_common::consumer::EVENTS_SOL],
        &[
            ds_dvp::OfferCreated::SIGNATURE,
            ds_dvp::OfferCancelled::SIGNATURE,
            ds_dvp::OfferTaken::SIGNATURE,
            ds_common::consumer::DSServiceSet::SIGNATURE,
        ],
    );
}
