//! Prints the Solidity interface of the redemption app's admin facet (`--features export-abi`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

#[cfg(feature = "export-abi")]
fn main() {
    use alloy_sol_types::SolEvent;
    use ds_redemption_state as state;
    ds_common::abi_export::print_contract::<ds_redemption_admin::RedemptionAdmin>();
    ds_common::abi_export::print_events(
        "RedemptionAdmin",
        &[state::EVENTS_SOL],
        &[
            state::RedemptionWindowOpened::SIGNATURE,
            state::RedemptionWindowClosed::SIGNATURE,
            state::RedemptionFunded::SIGNATURE,
            state::RedemptionFundsWithdrawn::SIGNATURE,
            state::RedemptionCancelled::SIGNATURE,
        ],
    );
}
