//! Prints the Solidity interface of the balance checker (`--features export-abi`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

#[cfg(feature = "export-abi")]
fn main() {
    ds_common::abi_export::print_contract::<ds_balance_checker::BulkBalanceChecker>();
}
