//! The compliance-facing views: one call tells Compliance who the parties of
//! a transfer are. Each wallet costs one SLOAD (its wallet word), plus one
//! (the investor word) when it belongs to an investor.

use alloy_primitives::{Address, B256, U256};
use ds_common::party::PartyInfo;

use crate::{layout::WalletEntry, RegistryState};

impl RegistryState {
    /// Key and packed info of `wallet` at time `now`.
    pub fn party(&self, wallet: Address, now: u64) -> (B256, U256) {
        match self.wallet_entry(wallet) {
            WalletEntry::Investor(key) => (key, self.record(key).party_info(now).pack()),
            entry => (
                B256::ZERO,
                PartyInfo {
                    wallet_type: entry.wallet_type(),
                    ..PartyInfo::default()
                }
                .pack(),
            ),
        }
    }
}
