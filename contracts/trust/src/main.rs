//! Prints the Solidity interface of the Trust service (`--features export-abi`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

#[cfg(feature = "export-abi")]
fn main() {
    use alloy_sol_types::SolEvent;
    ds_common::abi_export::print_contract::<ds_trust::TrustService>();
    ds_common::abi_export::print_events(
        "TrustService",
        &[ds_trust::EVENTS_SOL, ds_common::consumer::EVENTS_SOL],
        &[
            ds_trust::DSTrustServiceRoleAdded::SIGNATURE,
            ds_trust::DSTrustServiceRoleRemoved::SIGNATURE,
            ds_trust::DSTrustServiceMasterProposed::SIGNATURE,
            ds_trust::DSTrustServiceEntityAdded::SIGNATURE,
            ds_trust::DSTrustServiceEntityRemoved::SIGNATURE,
            ds_trust::DSTrustServiceEntityMemberAdded::SIGNATURE,
            ds_trust::DSTrustServiceEntityMemberRemoved::SIGNATURE,
            ds_common::consumer::DSServiceSet::SIGNATURE,
        ],
    );
    ds_common::abi_export::print_constants(
        "TrustService",
        &["IDSServiceConstants", "IDSTrustConstants"],
    );
}
