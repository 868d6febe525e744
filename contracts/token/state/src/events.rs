//! Events of the DS token: ERC-20, DS and ERC-7943.
#![allow(missing_docs)]

ds_common::events_sol!();

/// Signatures of the events above, for the ABI export.
#[cfg(feature = "export-abi")]
pub const SIGNATURES: [&str; 11] = {
    use alloy_sol_types::SolEvent;
    [
        Transfer::SIGNATURE,
        Approval::SIGNATURE,
        Issue::SIGNATURE,
        Burn::SIGNATURE,
        Seize::SIGNATURE,
        Pause::SIGNATURE,
        Unpause::SIGNATURE,
        ForcedTransfer::SIGNATURE,
        Frozen::SIGNATURE,
        Snapshot::SIGNATURE,
        TxShares::SIGNATURE,
    ]
};
