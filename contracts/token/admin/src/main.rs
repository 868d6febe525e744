//! Prints the Solidity interface of the DS token admin facet (`--features export-abi`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

#[cfg(feature = "export-abi")]
fn main() {
    use alloy_sol_types::SolEvent;
    ds_common::abi_export::print_contract::<ds_token_admin::DSTokenAdmin>();
    let mut events = vec![ds_common::consumer::FacetSelectorsSet::SIGNATURE];
    events.extend(ds_token_state::events::SIGNATURES);
    ds_common::abi_export::print_events(
        "DSTokenAdmin",
        &[
            ds_common::consumer::EVENTS_SOL,
            ds_token_state::events::EVENTS_SOL,
        ],
        &events,
    );
}
