//! Prints the Solidity interface of the Compliance admin facet (`--features export-abi`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

#[cfg(feature = "export-abi")]
fn main() {
    use alloy_sol_types::SolEvent;
    ds_common::abi_export::print_contract::<ds_compliance_admin::ComplianceAdmin>();
    ds_common::abi_export::print_events(
        "ComplianceAdmin",
        &[ds_compliance_state::events::EVENTS_SOL],
        &[
            ds_compliance_state::events::Locked::SIGNATURE,
            ds_compliance_state::events::Unlocked::SIGNATURE,
            ds_compliance_state::events::HolderLocked::SIGNATURE,
            ds_compliance_state::events::HolderUnlocked::SIGNATURE,
        ],
    );
}
