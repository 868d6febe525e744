//! Administration facet of the Compliance service: the compliance
//! configuration (DS ComplianceConfigurationService), the lock manager and
//! the blacklist.
//!
//! Compliance runs this facet by delegatecall from its fallback, so every
//! function here reads and writes the Compliance contract's storage (the
//! facet embeds `ComplianceState` as its only field, like Compliance: same layout). The
//! split keeps each Wasm under the 24 KiB deploy limit while the transfer
//! path stays in one contract. Called directly, the facet has no services
//! configured and refuses everything.
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
// The SDK's `#[entrypoint]` adds an undocumented `user_entrypoint` to the
// Wasm build, `#[public]` undocumented items to the ABI export; documentation
// is checked on the native build (clippy).
#![cfg_attr(
    any(target_arch = "wasm32", feature = "export-abi"),
    allow(missing_docs)
)]
extern crate alloc;

use alloc::{string::String, vec::Vec};
use alloy_primitives::{Address, U256};
use ds_common::{ids::service, party::investor_key, DSError};
use ds_compliance_state::{ComplianceState, InvestorFlag};
use ds_rules::config::{BOOL_RULES, UINT_RULES};
use stylus_sdk::{prelude::*, ArbResult};

/// The Compliance administration facet (storage = Compliance's).
#[storage]
#[entrypoint]
pub struct ComplianceAdmin {
    /// The Compliance service's storage, at the same slots.
    state: ComplianceState,
}

#[public]
impl ComplianceAdmin {
    // ----- configuration (transfer agent or master) -----------------------

    /// Sets all rules in the DS wire order (transfer agent or master).
    pub fn set_all(
        &mut self,
        uint_values: [U256; 16],
        bool_values: [bool; 5],
    ) -> Result<bool, DSError> {
        self.state.require_configurer()?;
        for (i, v) in uint_values.iter().enumerate() {
            ds_compliance_state::validate_rule(i, *v)?;
        }
        for (i, v) in uint_values.into_iter().enumerate() {
            self.state.write_uint_rule(i, v);
        }
        for (i, v) in bool_values.into_iter().enumerate() {
            self.state.write_bool_rule(i, v);
        }
        Ok(true)
    }

    /// Sets numeric rule `index` (wire order) to `value`.
    #[selector(name = "setUIntRule")]
    pub fn set_uint_rule(&mut self, index: U256, value: U256) -> Result<bool, DSError> {
        self.state.require_configurer()?;
        let i = ds_compliance_state::rule_index(index, UINT_RULES)?;
        ds_compliance_state::validate_rule(i, value)?;
        self.state.write_uint_rule(i, value);
        Ok(true)
    }

    /// Sets boolean rule `index` (wire order) to `value`.
    pub fn set_bool_rule(&mut self, index: U256, value: bool) -> Result<bool, DSError> {
        self.state.require_configurer()?;
        let i = ds_compliance_state::rule_index(index, BOOL_RULES)?;
        self.state.write_bool_rule(i, value);
        Ok(true)
    }

    /// Sets the compliance status of `country` (NONE 0, US 1, EU 2, FORBIDDEN 4, JP 8).
    pub fn set_country_compliance(
        &mut self,
        country: String,
        value: U256,
    ) -> Result<bool, DSError> {
        self.state.require_configurer()?;
        let (code, status) = ds_compliance_state::validate_country(&country, value)?;
        self.state.write_region(&country, code, status);
        Ok(true)
    }

    /// Batch form of `setCountryCompliance` (at most 30); all or nothing.
    pub fn set_countries_compliance(
        &mut self,
        countries: Vec<String>,
        values: Vec<U256>,
    ) -> Result<bool, DSError> {
        self.state.require_configurer()?;
        DSError::check_lengths(countries.len(), values.len())?;
        DSError::check_batch(countries.len())?;
        let mut parsed = Vec::with_capacity(countries.len());
        for (country, value) in countries.iter().zip(&values) {
            parsed.push(ds_compliance_state::validate_country(country, *value)?);
        }
        for (country, (code, status)) in countries.iter().zip(parsed) {
            self.state.write_region(country, code, status);
        }
        Ok(true)
    }

    // ----- blacklist (code 100) ------------------------------------------

    /// Blacklists `wallet`: every transfer from or to it is refused with code 100.
    pub fn add_to_blacklist(&mut self, wallet: Address) -> Result<bool, DSError> {
        self.state.set_blacklisted(wallet, true)
    }

    /// Removes `wallet` from the blacklist.
    pub fn remove_from_blacklist(&mut self, wallet: Address) -> Result<bool, DSError> {
        self.state.set_blacklisted(wallet, false)
    }

    // ----- lock manager --------------------------------------------------

    /// Locks `value` of the investor owning `to` until `releaseTime` (0 = until removed).
    pub fn add_manual_lock_record(
        &mut self,
        to: Address,
        value: U256,
        reason: String,
        release_time: U256,
    ) -> Result<bool, DSError> {
        self.state.require_configurer()?;
        let (key, _) = self.state.investor_of(to)?;
        self.state
            .add_lock(key, value, U256::ZERO, reason, release_time)
    }

    /// Locks `value` of investor `investorId` with a reason code and string.
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
            value,
            reason_code,
            reason_string,
            release_time,
        )
    }

    /// Removes lock `lockIndex` of the investor owning `who`.
    pub fn remove_lock_record(&mut self, who: Address, lock_index: U256) -> Result<bool, DSError> {
        self.state.require_configurer()?;
        let (key, _) = self.state.investor_of(who)?;
        self.state.remove_lock(key, lock_index)
    }

    /// Removes lock `lockIndex` of investor `investorId`.
    pub fn remove_lock_record_for_investor(
        &mut self,
        investor_id: String,
        lock_index: U256,
    ) -> Result<bool, DSError> {
        self.state.require_configurer()?;
        self.state
            .remove_lock(investor_key(&investor_id), lock_index)
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

    /// Locks investor `investorId` entirely (nothing transferable).
    pub fn lock_investor(&mut self, investor_id: String) -> Result<bool, DSError> {
        self.state
            .set_investor_flag(investor_id, InvestorFlag::Locked, true)
    }

    /// Lifts the full lock of investor `investorId`.
    pub fn unlock_investor(&mut self, investor_id: String) -> Result<bool, DSError> {
        self.state
            .set_investor_flag(investor_id, InvestorFlag::Locked, false)
    }

    /// Sets or lifts (audit M-5) the liquidate-only flag of investor `investorId`.
    pub fn set_investor_liquidate_only(
        &mut self,
        investor_id: String,
        enabled: bool,
    ) -> Result<bool, DSError> {
        self.state
            .set_investor_flag(investor_id, InvestorFlag::LiquidateOnly, enabled)
    }

    /// The DS-named rule setters and getters (`ComplianceRules.sol`) run in
    /// the rules facet, last in Compliance's facet chain.
    #[fallback]
    pub fn fallback(&mut self, calldata: &[u8]) -> ArbResult {
        self.state
            .delegate_to_facet(service::COMPLIANCE_RULES_FACET, calldata)
    }
}
