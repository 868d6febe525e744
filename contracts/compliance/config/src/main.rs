//! Prints the Solidity interface of the Compliance configuration facet (`--features export-abi`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

#[cfg(feature = "export-abi")]
fn main() {
    use alloy_sol_types::SolEvent;
    ds_common::abi_export::print_contract::<ds_compliance_config::ComplianceConfig>();
    ds_common::abi_export::print_events(
        "ComplianceConfig",
        &[ds_compliance_state::events::EVENTS_SOL],
        &[
            ds_compliance_state::events::DSComplianceUIntRuleSet::SIGNATURE,
            ds_compliance_state::events::DSComplianceBoolRuleSet::SIGNATURE,
        ],
    );
}
