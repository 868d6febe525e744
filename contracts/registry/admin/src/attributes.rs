//! Investor attributes (KYC, accredited, qualified, professional): status,
//! expiry and proof hash, with the expiry enforced by every check.

use alloc::string::String;
use alloy_primitives::{Address, B256, U256};
use ds_common::DSError;
use stylus_sdk::prelude::*;

use crate::{
    events::DSRegistryServiceInvestorAttributeChanged, input, layout::InvestorRecord, RegistryAdmin,
};

impl RegistryAdmin {
    /// Implements [`RegistryAdmin::set_attribute`].
    pub(crate) fn do_set_attribute(
        &mut self,
        id: String,
        attribute_id: u8,
        value: U256,
        expiry: U256,
        proof_hash: String,
    ) -> Result<bool, DSError> {
        let (sender, key, before) = self.state.changeable(&id)?;
        let (index, status, expiry) = input::attribute(attribute_id, value, expiry)?;
        input::text(&proof_hash)?;
        let mut after = before;
        self.write_attribute(key, &mut after, index, status, expiry, &proof_hash);
        self.state.store_record(key, &after);
        self.emit_attribute(&id, attribute_id, status, expiry, proof_hash, sender);
        self.notify(key, &before, &after)?;
        Ok(true)
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
        if let Some(mut proof) = self.state.investors.setter(key).proof_hashes.setter(index) {
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
}
