//! Prints the Solidity interface of the distribution app (`--features export-abi`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

#[cfg(feature = "export-abi")]
fn main() {
    use alloy_sol_types::SolEvent;
    ds_common::abi_export::print_contract::<ds_distribution::Distribution>();
    ds_common::abi_export::print_events(
        "Distribution",
        &[ds_distribution::EVENTS_SOL, ds_common::consumer::EVENTS_SOL],
        &[
            ds_distribution::DistributionCreated::SIGNATURE,
            ds_distribution::Claimed::SIGNATURE,
            ds_distribution::Reclaimed::SIGNATURE,
            ds_common::consumer::DSServiceSet::SIGNATURE,
        ],
    );
}
