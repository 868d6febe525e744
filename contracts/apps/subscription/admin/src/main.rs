//! Prints the Solidity interface of the subscription app's admin facet (`--features export-abi`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

#[cfg(feature = "export-abi")]
fn main() {
    use alloy_sol_types::SolEvent;
    use ds_subscription_state as state;
    ds_common::abi_export::print_contract::<ds_subscription_admin::SubscriptionAdmin>();
    ds_common::abi_export::print_events(
        "SubscriptionAdmin",
        &[state::EVENTS_SOL],
        &[
            state::RoundCreated::SIGNATURE,
            state::RoundClosed::SIGNATURE,
            state::RoundCancelled::SIGNATURE,
        ],
    );
}
