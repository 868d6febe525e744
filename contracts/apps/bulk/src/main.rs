//! Prints the Solidity interface of the bulk operator (`--features export-abi`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

#[cfg(feature = "export-abi")]
fn main() {
    use alloy_sol_types::SolEvent;
    ds_common::abi_export::print_contract::<ds_bulk_operator::BulkOperator>();
    ds_common::abi_export::print_events(
        "BulkOperator",
        &[
            ds_bulk_operator::EVENTS_SOL,
            ds_common::consumer::EVENTS_SOL,
        ],
        &[
            ds_bulk_operator::Paused::SIGNATURE,
            ds_bulk_operator::Unpaused::SIGNATURE,
            ds_common::consumer::DSServiceSet::SIGNATURE,
        ],
    );
}
