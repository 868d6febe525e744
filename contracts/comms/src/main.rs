//! Prints the Solidity interface of the Comms service (`--features export-abi`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

#[cfg(feature = "export-abi")]
fn main() {
    use alloy_sol_types::SolEvent;
    ds_common::abi_export::print_contract::<ds_comms::CommsService>();
    ds_common::abi_export::print_events(
        "CommsService",
        &[ds_comms::EVENTS_SOL, ds_common::consumer::EVENTS_SOL],
        &[
            ds_comms::DSCommsServiceNoticePublished::SIGNATURE,
            ds_comms::DSCommsServiceNoticeRevoked::SIGNATURE,
            ds_comms::DSCommsServiceNoticeAcknowledged::SIGNATURE,
            ds_common::consumer::DSServiceSet::SIGNATURE,
        ],
    );
    ds_common::abi_export::print_constants("CommsService", &["IDSServiceConstants"]);
}
