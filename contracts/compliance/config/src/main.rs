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
            ds_compliance_state::events::DSComplianceStringToUIntMapRuleSet::SIGNATURE,
            ds_compliance_state::events::InvestorFullyLocked::SIGNATURE,
            ds_compliance_state::events::InvestorFullyUnlocked::SIGNATURE,
            ds_compliance_state::events::InvestorLiquidateOnlySet::SIGNATURE,
            ds_compliance_state::events::WalletBlacklisted::SIGNATURE,
            ds_compliance_state::events::WalletUnblacklisted::SIGNATURE,
        ],
    );
}
