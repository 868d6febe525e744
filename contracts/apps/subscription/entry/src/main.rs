//! Prints the Solidity interface of the subscription app's entry program (`--features export-abi`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

#[cfg(feature = "export-abi")]
fn main() {
    use alloy_sol_types::SolEvent;
    use ds_subscription_state as state;
    ds_common::abi_export::print_contract::<ds_subscription::Subscription>();
    ds_common::abi_export::print_events(
        "Subscription",
        &[state::EVENTS_SOL, ds_common::consumer::EVENTS_SOL],
        &[
            state::RoundCreated::SIGNATURE,
            state::Subscribed::SIGNATURE,
            state::RoundClosed::SIGNATURE,
            state::RoundCancelled::SIGNATURE,
            state::TokensClaimed::SIGNATURE,
            state::Refunded::SIGNATURE,
            ds_common::consumer::DSServiceSet::SIGNATURE,
        ],
    );
}
