//! Prints the Solidity interface of the wallet registrar (`--features export-abi`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

#[cfg(feature = "export-abi")]
fn main() {
    use alloy_sol_types::SolEvent;
    ds_common::abi_export::print_contract::<ds_wallet_registrar::WalletRegistrar>();
    ds_common::abi_export::print_events(
        "WalletRegistrar",
        &[ds_common::consumer::EVENTS_SOL],
        &[ds_common::consumer::DSServiceSet::SIGNATURE],
    );
}
