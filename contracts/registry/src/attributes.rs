//! Investor attributes (KYC, accredited, qualified, professional): status,
//! expiry and proof hash, with the expiry enforced by every check.

use alloc::string::String;
use alloy_primitives::{Address, B256, U256};
use ds_common::{party, DSError};
use stylus_sdk::prelude::*;

use crate::{
    events::DSRegistryServiceInvestorAttributeChanged,
    input,
    layout::{attribute_index, InvestorRecord, WalletEntry},
    RegistryService,
};

impl RegistryService {
    /// Implements [`RegistryService::set_attribute`].
    pub(crate) fn do_set_attribute(
        &mut self,
        id: String,
        attribute_id: u8,
        value: U256,
        expiry: U256,
        proof_hash: String,
    ) -> Result<bool, DSError> {
        let (sender, key, before) = self.changeable(&id)?;
        let (index, status, expiry) = input::attribute(attribute_id, value, expiry)?;
        input::text(&proof_hash)?;
        let mut after = before;
        self.write_attribute(key, &mut after, index, status, expiry, &proof_hash);
        self.store_record(key, &after);
        self.emit_attribute(&id, attribute_id, status, expiry, proof_hash, sender);
        self.notify(key, &before, &after)?;
        Ok(true)
    }

    /// The proof hash of a known attribute of `id` ("" otherwise).
    pub(crate) fn attribute_proof_hash(&self, id: &str, attribute_id: u8) -> String {
        attribute_index(attribute_id)
            .and_then(|i| {
                let investor = self.investors.getter(party::investor_key(id));
                investor.proof_hashes.getter(i).map(|p| p.get_string())
            })
            .unwrap_or_default()
    }

    /// Sets attribute `index` in `record` and stores its proof hash (the
    /// record itself is stored by the caller).
    pub(crate) fn write_attribute(
        &mut self,
        key: B256,
        record: &mut InvestorRecord,
        index: usize,
        status: u8,
        expiry: u64,
        proof_hash: &str,
    ) {
        record.statuses[index] = status;
        record.expiries[index] = expiry;
        if let Some(mut proof) = self.investors.setter(key).proof_hashes.setter(index) {
            proof.set_str(proof_hash);
        }
    }

    /// Emits the attribute change event.
    pub(crate) fn emit_attribute(
        &self,
        id: &str,
        attribute_id: u8,
        status: u8,
        expiry: u64,
        proof_hash: String,
        sender: Address,
    ) {
        self.vm().log(DSRegistryServiceInvestorAttributeChanged {
            investorId: id.into(),
            attributeId: U256::from(attribute_id),
            value: U256::from(status),
            expiry: U256::from(expiry),
            proofHash: proof_hash,
            sender,
        });
    }

    /// The record of `id` and the index of `attribute_id`, if the id is known.
    pub(crate) fn attribute_of(
        &self,
        id: &str,
        attribute_id: u8,
    ) -> Option<(InvestorRecord, usize)> {
        let index = attribute_index(attribute_id)?;
        Some((self.record(party::investor_key(id)), index))
    }

    /// Whether investor `key` holds `attribute_id` approved and unexpired now.
    pub(crate) fn is_effective(&self, key: B256, attribute_id: u8) -> bool {
        self.record(key).is_effective(attribute_id, self.now())
    }

    /// [`Self::is_effective`] for the investor of `wallet` (false otherwise).
    pub(crate) fn wallet_is_effective(&self, wallet: Address, attribute_id: u8) -> bool {
        match self.wallet_entry(wallet) {
            WalletEntry::Investor(key) => self.is_effective(key, attribute_id),
            _ => false,
        }
    }
}
