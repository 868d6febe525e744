//! Prints the Solidity interface of the DS token (`--features export-abi`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

#[cfg(feature = "export-abi")]
fn main() {
    use alloy_sol_types::SolEvent;
    ds_token::print_from_args();
    ds_common::abi_export::print_events("DSToken", &[ds_common::consumer::DSServiceSet::SIGNATURE]);
}
