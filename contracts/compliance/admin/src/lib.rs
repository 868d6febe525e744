//! Lock-manager facet of the Compliance service (DS's LockManager's lock
//! records): manual locks, their views and transferable amounts. The locks
//! given with an issuance are recorded by the hooks facet
//! (`validateIssuance`).
//!
//! The Compliance router runs this facet by delegatecall, so every function
//! here reads and writes the Compliance contract's storage (the facet embeds
//! `ComplianceState` as its only field, like Compliance: same layout). The
//! split keeps each Wasm under the 24 KiB deploy limit while the transfer
//! path stays in one contract. Called at its own address, the facet refuses
//! every call (`FacetCalledDirectly`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
// The SDK's `#[entrypoint]` adds an undocumented `user_entrypoint` to the
// Wasm build, `#[public]` undocumented items to the ABI export; documentation
// is checked on the native build (clippy).
#![cfg_attr(
    any(target_arch = "wasm32", feature = "export-abi"),
    allow(missing_docs)
)]
extern crate alloc;

use alloc::string::String;
use alloy_primitives::{Address, U256};
use ds_common::{party::investor_key, DSError};
use ds_compliance_state::{locks::LockHolder, ComplianceState};
use stylus_sdk::prelude::*;

/// The Compliance administration facet (storage = Compliance's).
#[storage]
pub struct ComplianceAdmin {
    /// The Compliance service's storage, at the same slots.
    state: ComplianceState,
}

ds_common::facet_entrypoint!(
    ComplianceAdmin,
    ds_common::ids::service::COMPLIANCE_ADMIN_FACET
);

#[public]
impl ComplianceAdmin {
    // ----- lock manager --------------------------------------------------

    /// Locks `value` of the investor owning `to` until `releaseTime` (0 =
    /// until removed), reason code 0 (configurers).
    ///
    /// # Events
    /// DS's `HolderLocked(investorId, …)` then `Locked(to, …)`.
    pub fn add_manual_lock_record(
        &mut self,
        to: Address,
        value: U256,
        reason: String,
        release_time: U256,
    ) -> Result<bool, DSError> {
        self.state.require_configurer()?;
        let (key, _) = self.state.investor_of(to)?;
        let holder = LockHolder {
            investor_id: Some(self.state.investor_id_of(to)?),
            wallet: Some(to),
        };
        self.state
            .add_lock(key, &holder, value, U256::ZERO, reason, release_time)
    }

    /// Locks `value` of investor `investorId` with a reason code and string
    /// (configurers).
    ///
    /// # Events
    /// DS's `HolderLocked`.
    pub fn create_lock_for_investor(
        &mut self,
        investor_id: String,
        value: U256,
        reason_code: U256,
        reason_string: String,
        release_time: U256,
    ) -> Result<bool, DSError> {
        self.state.require_configurer()?;
        self.state.add_lock(
            investor_key(&investor_id),
            &LockHolder::investor(investor_id),
            value,
            reason_code,
            reason_string,
            release_time,
        )
    }

    /// Removes lock `lockIndex` of the investor owning `who` (configurers).
    ///
    /// # Events
    /// DS's `Unlocked(who, …)` then `HolderUnlocked(investorId, …)`.
    pub fn remove_lock_record(&mut self, who: Address, lock_index: U256) -> Result<bool, DSError> {
        self.state.require_configurer()?;
        let (key, _) = self.state.investor_of(who)?;
        let holder = LockHolder {
            investor_id: Some(self.state.investor_id_of(who)?),
            wallet: Some(who),
        };
        self.state.remove_lock(key, &holder, lock_index)
    }

    /// Removes lock `lockIndex` of investor `investorId` (configurers).
    ///
    /// # Events
    /// DS's `HolderUnlocked`.
    pub fn remove_lock_record_for_investor(
        &mut self,
        investor_id: String,
        lock_index: U256,
    ) -> Result<bool, DSError> {
        self.state.require_configurer()?;
        let key = investor_key(&investor_id);
        self.state
            .remove_lock(key, &LockHolder::investor(investor_id), lock_index)
    }

    /// Number of manual locks of the investor owning `who`.
    pub fn lock_count(&self, who: Address) -> Result<U256, DSError> {
        let (key, _) = self.state.investor_of(who)?;
        Ok(U256::from(self.state.investor_word(key).locks))
    }

    /// Number of manual locks of investor `investorId`.
    pub fn lock_count_for_investor(&self, investor_id: String) -> U256 {
        U256::from(self.state.investor_word(investor_key(&investor_id)).locks)
    }

    /// Lock `lockIndex` of the investor owning `who`: (reason code, reason, value, release time).
    pub fn lock_info(
        &self,
        who: Address,
        lock_index: U256,
    ) -> Result<(U256, String, U256, U256), DSError> {
        let (key, _) = self.state.investor_of(who)?;
        self.state.lock_at(key, lock_index)
    }

    /// Lock `lockIndex` of investor `investorId`: (reason code, reason, value, release time).
    pub fn lock_info_for_investor(
        &self,
        investor_id: String,
        lock_index: U256,
    ) -> Result<(U256, String, U256, U256), DSError> {
        self.state.lock_at(investor_key(&investor_id), lock_index)
    }

    /// What the investor owning `who` may transfer at `time` under its manual locks.
    pub fn get_transferable_tokens(&self, who: Address, time: U256) -> Result<U256, DSError> {
        let (key, _) = self.state.investor_of(who)?;
        Ok(self.state.transferable_at(key, time))
    }

    /// What investor `investorId` may transfer at `time` under its manual locks.
    pub fn get_transferable_tokens_for_investor(&self, investor_id: String, time: U256) -> U256 {
        self.state.transferable_at(investor_key(&investor_id), time)
    }
}
