//! Prints the Solidity interface of the Compliance service (`--features export-abi`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

#[cfg(feature = "export-abi")]
fn main() {
    use alloy_sol_types::SolEvent;
    ds_common::abi_export::print_contract::<ds_compliance::ComplianceService>();
    ds_common::abi_export::print_events(
        "ComplianceService",
        &[
            ds_common::consumer::EVENTS_SOL,
            ds_compliance_state::events::EVENTS_SOL,
        ],
        &[
            ds_common::consumer::DSServiceSet::SIGNATURE,
            ds_common::consumer::FacetSelectorsSet::SIGNATURE,
        ],
    );
    ds_common::abi_export::print_constants("ComplianceService", &["IDSServiceConstants"]);
}
