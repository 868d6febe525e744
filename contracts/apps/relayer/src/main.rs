//! Prints the Solidity interface of the transaction relayer (`--features export-abi`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

#[cfg(feature = "export-abi")]
fn main() {
    use alloy_sol_types::SolEvent;
    ds_common::abi_export::print_contract::<ds_transaction_relayer::TransactionRelayer>();
    ds_common::abi_export::print_events(
        "TransactionRelayer",
        &[
            ds_transaction_relayer::EVENTS_SOL,
            ds_common::consumer::EVENTS_SOL,
        ],
        &[
            ds_transaction_relayer::InvestorNonceUpdated::SIGNATURE,
            ds_transaction_relayer::PreApprovedTransactionExecuted::SIGNATURE,
            ds_common::consumer::DSServiceSet::SIGNATURE,
        ],
    );
}
