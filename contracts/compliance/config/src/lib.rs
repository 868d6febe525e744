//! Configuration facet of the DS Compliance service (DS's
//! ComplianceConfigurationService): the rules in the DS wire order
//! (`setAll`, `setUIntRule`, `setBoolRule`), the country statuses
//! (`setCountryCompliance`, `setCountriesCompliance`), the switches on
//! wallets and investors (blacklist: `addToBlacklist`, code 100; full lock:
//! `lockInvestor`; `setInvestorLiquidateOnly`) and the individually
//! named setters and getters (`setTotalInvestorsLimit`, `getUSLockPeriod`,
//! `setForceAccredited`, ...), each one rule of the wire order, with the same
//! validation, events and role gate (transfer agent or master).
//!
//! The Compliance router runs this facet by delegatecall (one hop from the
//! Compliance address), so it works on the Compliance contract's storage:
//! the facet embeds `ComplianceState` as its only field; called at its own
//! address it refuses every call (`FacetCalledDirectly`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
// The SDK's ABI export chains one iterator per function: this facet's ~90
// functions nest deeper than the default limit.
#![recursion_limit = "256"]
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
use ds_common::{ids::region, party::country_code, DSError};
use ds_compliance_state::{ComplianceState, InvestorFlag};
use ds_rules::config::{bool_rule, uint_rule, BOOL_RULES, UINT_RULES};
use stylus_sdk::prelude::*;

/// The Compliance configuration facet (storage = Compliance's).
#[storage]
pub struct ComplianceConfig {
    /// The Compliance service's storage, at the same slots.
    state: ComplianceState,
}

ds_common::facet_entrypoint!(
    ComplianceConfig,
    ds_common::ids::service::COMPLIANCE_CONFIG_FACET
);

#[public]
impl ComplianceConfig {
    // ----- the DS wire-order setters (transfer agent or master) -----------

    /// Sets all rules in the DS wire order (transfer agent or master):
    /// exactly 16 numbers and 5 flags, else `LengthMismatch(given,
    /// expected)`; every number is checked before the first write.
    pub fn set_all(
        &mut self,
        uint_values: Vec<U256>,
        bool_values: Vec<bool>,
    ) -> Result<bool, DSError> {
        self.state.require_configurer()?;
        DSError::check_lengths(uint_values.len(), UINT_RULES)?;
        DSError::check_lengths(bool_values.len(), BOOL_RULES)?;
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

    /// All rules in the DS wire order: 16 numbers, 5 flags (DS encodes
    /// them as dynamic arrays).
    pub fn get_all(&self) -> (Vec<U256>, Vec<bool>) {
        let config = self.state.config(true);
        (config.uints.to_vec(), config.bools.to_vec())
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

    // ----- investor switches (full lock, liquidate-only) -------------------

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

    // ----- DS's public rule variables (ComplianceConfigurationService) -----

    /// DS's public variable `totalInvestorsLimit`.
    #[selector(name = "totalInvestorsLimit")]
    pub fn ds_total_investors_limit(&self) -> U256 {
        self.uint(uint_rule::TOTAL_INVESTORS_LIMIT)
    }

    /// DS's public variable `minUSTokens`.
    #[selector(name = "minUSTokens")]
    pub fn ds_min_us_tokens(&self) -> U256 {
        self.uint(uint_rule::MIN_US_TOKENS)
    }

    /// DS's public variable `minEUTokens`.
    #[selector(name = "minEUTokens")]
    pub fn ds_min_eu_tokens(&self) -> U256 {
        self.uint(uint_rule::MIN_EU_TOKENS)
    }

    /// DS's public variable `usInvestorsLimit`.
    #[selector(name = "usInvestorsLimit")]
    pub fn ds_us_investors_limit(&self) -> U256 {
        self.uint(uint_rule::US_INVESTORS_LIMIT)
    }

    /// DS's public variable `jpInvestorsLimit`.
    #[selector(name = "jpInvestorsLimit")]
    pub fn ds_jp_investors_limit(&self) -> U256 {
        self.uint(uint_rule::JP_INVESTORS_LIMIT)
    }

    /// DS's public variable `usAccreditedInvestorsLimit`.
    #[selector(name = "usAccreditedInvestorsLimit")]
    pub fn ds_us_accredited_investors_limit(&self) -> U256 {
        self.uint(uint_rule::US_ACCREDITED_INVESTORS_LIMIT)
    }

    /// DS's public variable `nonAccreditedInvestorsLimit`.
    #[selector(name = "nonAccreditedInvestorsLimit")]
    pub fn ds_non_accredited_investors_limit(&self) -> U256 {
        self.uint(uint_rule::NON_ACCREDITED_INVESTORS_LIMIT)
    }

    /// DS's public variable `maxUSInvestorsPercentage`.
    #[selector(name = "maxUSInvestorsPercentage")]
    pub fn ds_max_us_investors_percentage(&self) -> U256 {
        self.uint(uint_rule::MAX_US_INVESTORS_PERCENTAGE)
    }

    /// DS's public variable `blockFlowbackEndTime`.
    #[selector(name = "blockFlowbackEndTime")]
    pub fn ds_block_flowback_end_time(&self) -> U256 {
        self.uint(uint_rule::BLOCK_FLOWBACK_END_TIME)
    }

    /// DS's public variable `nonUSLockPeriod`.
    #[selector(name = "nonUSLockPeriod")]
    pub fn ds_non_us_lock_period(&self) -> U256 {
        self.uint(uint_rule::NON_US_LOCK_PERIOD)
    }

    /// DS's public variable `minimumTotalInvestors`.
    #[selector(name = "minimumTotalInvestors")]
    pub fn ds_minimum_total_investors(&self) -> U256 {
        self.uint(uint_rule::MINIMUM_TOTAL_INVESTORS)
    }

    /// DS's public variable `minimumHoldingsPerInvestor`.
    #[selector(name = "minimumHoldingsPerInvestor")]
    pub fn ds_minimum_holdings_per_investor(&self) -> U256 {
        self.uint(uint_rule::MINIMUM_HOLDINGS_PER_INVESTOR)
    }

    /// DS's public variable `maximumHoldingsPerInvestor`.
    #[selector(name = "maximumHoldingsPerInvestor")]
    pub fn ds_maximum_holdings_per_investor(&self) -> U256 {
        self.uint(uint_rule::MAXIMUM_HOLDINGS_PER_INVESTOR)
    }

    /// DS's public variable `euRetailInvestorsLimit`.
    #[selector(name = "euRetailInvestorsLimit")]
    pub fn ds_eu_retail_investors_limit(&self) -> U256 {
        self.uint(uint_rule::EU_RETAIL_INVESTORS_LIMIT)
    }

    /// DS's public variable `usLockPeriod`.
    #[selector(name = "usLockPeriod")]
    pub fn ds_us_lock_period(&self) -> U256 {
        self.uint(uint_rule::US_LOCK_PERIOD)
    }

    /// DS's public variable `authorizedSecurities`.
    #[selector(name = "authorizedSecurities")]
    pub fn ds_authorized_securities(&self) -> U256 {
        self.uint(uint_rule::AUTHORIZED_SECURITIES)
    }

    /// DS's public variable `forceFullTransfer`.
    #[selector(name = "forceFullTransfer")]
    pub fn ds_force_full_transfer(&self) -> bool {
        self.flag(bool_rule::FORCE_FULL_TRANSFER)
    }

    /// DS's public variable `forceAccreditedUS`.
    #[selector(name = "forceAccreditedUS")]
    pub fn ds_force_accredited_us(&self) -> bool {
        self.flag(bool_rule::FORCE_ACCREDITED_US)
    }

    /// DS's public variable `forceAccredited`.
    #[selector(name = "forceAccredited")]
    pub fn ds_force_accredited(&self) -> bool {
        self.flag(bool_rule::FORCE_ACCREDITED)
    }

    /// DS's public variable `worldWideForceFullTransfer`.
    #[selector(name = "worldWideForceFullTransfer")]
    pub fn ds_world_wide_force_full_transfer(&self) -> bool {
        self.flag(bool_rule::WORLD_WIDE_FORCE_FULL_TRANSFER)
    }

    /// DS's public variable `disallowBackDating`.
    #[selector(name = "disallowBackDating")]
    pub fn ds_disallow_back_dating(&self) -> bool {
        self.flag(bool_rule::DISALLOW_BACK_DATING)
    }

    /// DS's public mapping `countriesCompliances(country)`: the country's
    /// compliance status, as `getCountryCompliance`.
    #[selector(name = "countriesCompliances")]
    pub fn countries_compliances(&self, country: String) -> U256 {
        U256::from(country_code(&country).map_or(region::NONE, |c| self.state.region_of(c)))
    }

    // ----- the DS-named setters and getters --------------------------------

    /// Sets `totalInvestorsLimit` (rule total investors limit; transfer agent or master).
    #[selector(name = "setTotalInvestorsLimit")]
    pub fn set_total_investors_limit(&mut self, value: U256) -> Result<(), DSError> {
        self.set_uint(uint_rule::TOTAL_INVESTORS_LIMIT, value)
    }

    /// `totalInvestorsLimit`.
    #[selector(name = "getTotalInvestorsLimit")]
    pub fn get_total_investors_limit(&self) -> U256 {
        self.uint(uint_rule::TOTAL_INVESTORS_LIMIT)
    }

    /// Sets `minUSTokens` (rule min us tokens; transfer agent or master).
    #[selector(name = "setMinUSTokens")]
    pub fn set_min_us_tokens(&mut self, value: U256) -> Result<(), DSError> {
        self.set_uint(uint_rule::MIN_US_TOKENS, value)
    }

    /// `minUSTokens`.
    #[selector(name = "getMinUSTokens")]
    pub fn get_min_us_tokens(&self) -> U256 {
        self.uint(uint_rule::MIN_US_TOKENS)
    }

    /// Sets `minEUTokens` (rule min eu tokens; transfer agent or master).
    #[selector(name = "setMinEUTokens")]
    pub fn set_min_eu_tokens(&mut self, value: U256) -> Result<(), DSError> {
        self.set_uint(uint_rule::MIN_EU_TOKENS, value)
    }

    /// `minEUTokens`.
    #[selector(name = "getMinEUTokens")]
    pub fn get_min_eu_tokens(&self) -> U256 {
        self.uint(uint_rule::MIN_EU_TOKENS)
    }

    /// Sets `uSInvestorsLimit` (rule us investors limit; transfer agent or master).
    #[selector(name = "setUSInvestorsLimit")]
    pub fn set_us_investors_limit(&mut self, value: U256) -> Result<(), DSError> {
        self.set_uint(uint_rule::US_INVESTORS_LIMIT, value)
    }

    /// `uSInvestorsLimit`.
    #[selector(name = "getUSInvestorsLimit")]
    pub fn get_us_investors_limit(&self) -> U256 {
        self.uint(uint_rule::US_INVESTORS_LIMIT)
    }

    /// Sets `uSAccreditedInvestorsLimit` (rule us accredited investors limit; transfer agent or master).
    #[selector(name = "setUSAccreditedInvestorsLimit")]
    pub fn set_us_accredited_investors_limit(&mut self, value: U256) -> Result<(), DSError> {
        self.set_uint(uint_rule::US_ACCREDITED_INVESTORS_LIMIT, value)
    }

    /// `uSAccreditedInvestorsLimit`.
    #[selector(name = "getUSAccreditedInvestorsLimit")]
    pub fn get_us_accredited_investors_limit(&self) -> U256 {
        self.uint(uint_rule::US_ACCREDITED_INVESTORS_LIMIT)
    }

    /// Sets `nonAccreditedInvestorsLimit` (rule non accredited investors limit; transfer agent or master).
    #[selector(name = "setNonAccreditedInvestorsLimit")]
    pub fn set_non_accredited_investors_limit(&mut self, value: U256) -> Result<(), DSError> {
        self.set_uint(uint_rule::NON_ACCREDITED_INVESTORS_LIMIT, value)
    }

    /// `nonAccreditedInvestorsLimit`.
    #[selector(name = "getNonAccreditedInvestorsLimit")]
    pub fn get_non_accredited_investors_limit(&self) -> U256 {
        self.uint(uint_rule::NON_ACCREDITED_INVESTORS_LIMIT)
    }

    /// Sets `maxUSInvestorsPercentage` (rule max us investors percentage; transfer agent or master).
    #[selector(name = "setMaxUSInvestorsPercentage")]
    pub fn set_max_us_investors_percentage(&mut self, value: U256) -> Result<(), DSError> {
        self.set_uint(uint_rule::MAX_US_INVESTORS_PERCENTAGE, value)
    }

    /// `maxUSInvestorsPercentage`.
    #[selector(name = "getMaxUSInvestorsPercentage")]
    pub fn get_max_us_investors_percentage(&self) -> U256 {
        self.uint(uint_rule::MAX_US_INVESTORS_PERCENTAGE)
    }

    /// Sets `blockFlowbackEndTime` (rule block flowback end time; transfer agent or master).
    #[selector(name = "setBlockFlowbackEndTime")]
    pub fn set_block_flowback_end_time(&mut self, value: U256) -> Result<(), DSError> {
        self.set_uint(uint_rule::BLOCK_FLOWBACK_END_TIME, value)
    }

    /// `blockFlowbackEndTime`.
    #[selector(name = "getBlockFlowbackEndTime")]
    pub fn get_block_flowback_end_time(&self) -> U256 {
        self.uint(uint_rule::BLOCK_FLOWBACK_END_TIME)
    }

    /// Sets `nonUSLockPeriod` (rule non us lock period; transfer agent or master).
    #[selector(name = "setNonUSLockPeriod")]
    pub fn set_non_us_lock_period(&mut self, value: U256) -> Result<(), DSError> {
        self.set_uint(uint_rule::NON_US_LOCK_PERIOD, value)
    }

    /// `nonUSLockPeriod`.
    #[selector(name = "getNonUSLockPeriod")]
    pub fn get_non_us_lock_period(&self) -> U256 {
        self.uint(uint_rule::NON_US_LOCK_PERIOD)
    }

    /// Sets `minimumTotalInvestors` (rule minimum total investors; transfer agent or master).
    #[selector(name = "setMinimumTotalInvestors")]
    pub fn set_minimum_total_investors(&mut self, value: U256) -> Result<(), DSError> {
        self.set_uint(uint_rule::MINIMUM_TOTAL_INVESTORS, value)
    }

    /// `minimumTotalInvestors`.
    #[selector(name = "getMinimumTotalInvestors")]
    pub fn get_minimum_total_investors(&self) -> U256 {
        self.uint(uint_rule::MINIMUM_TOTAL_INVESTORS)
    }

    /// Sets `minimumHoldingsPerInvestor` (rule minimum holdings per investor; transfer agent or master).
    #[selector(name = "setMinimumHoldingsPerInvestor")]
    pub fn set_minimum_holdings_per_investor(&mut self, value: U256) -> Result<(), DSError> {
        self.set_uint(uint_rule::MINIMUM_HOLDINGS_PER_INVESTOR, value)
    }

    /// `minimumHoldingsPerInvestor`.
    #[selector(name = "getMinimumHoldingsPerInvestor")]
    pub fn get_minimum_holdings_per_investor(&self) -> U256 {
        self.uint(uint_rule::MINIMUM_HOLDINGS_PER_INVESTOR)
    }

    /// Sets `maximumHoldingsPerInvestor` (rule maximum holdings per investor; transfer agent or master).
    #[selector(name = "setMaximumHoldingsPerInvestor")]
    pub fn set_maximum_holdings_per_investor(&mut self, value: U256) -> Result<(), DSError> {
        self.set_uint(uint_rule::MAXIMUM_HOLDINGS_PER_INVESTOR, value)
    }

    /// `maximumHoldingsPerInvestor`.
    #[selector(name = "getMaximumHoldingsPerInvestor")]
    pub fn get_maximum_holdings_per_investor(&self) -> U256 {
        self.uint(uint_rule::MAXIMUM_HOLDINGS_PER_INVESTOR)
    }

    /// Sets `eURetailInvestorsLimit` (rule eu retail investors limit; transfer agent or master).
    #[selector(name = "setEURetailInvestorsLimit")]
    pub fn set_eu_retail_investors_limit(&mut self, value: U256) -> Result<(), DSError> {
        self.set_uint(uint_rule::EU_RETAIL_INVESTORS_LIMIT, value)
    }

    /// `eURetailInvestorsLimit`.
    #[selector(name = "getEURetailInvestorsLimit")]
    pub fn get_eu_retail_investors_limit(&self) -> U256 {
        self.uint(uint_rule::EU_RETAIL_INVESTORS_LIMIT)
    }

    /// Sets `uSLockPeriod` (rule us lock period; transfer agent or master).
    #[selector(name = "setUSLockPeriod")]
    pub fn set_us_lock_period(&mut self, value: U256) -> Result<(), DSError> {
        self.set_uint(uint_rule::US_LOCK_PERIOD, value)
    }

    /// `uSLockPeriod`.
    #[selector(name = "getUSLockPeriod")]
    pub fn get_us_lock_period(&self) -> U256 {
        self.uint(uint_rule::US_LOCK_PERIOD)
    }

    /// Sets `jPInvestorsLimit` (rule jp investors limit; transfer agent or master).
    #[selector(name = "setJPInvestorsLimit")]
    pub fn set_jp_investors_limit(&mut self, value: U256) -> Result<(), DSError> {
        self.set_uint(uint_rule::JP_INVESTORS_LIMIT, value)
    }

    /// `jPInvestorsLimit`.
    #[selector(name = "getJPInvestorsLimit")]
    pub fn get_jp_investors_limit(&self) -> U256 {
        self.uint(uint_rule::JP_INVESTORS_LIMIT)
    }

    /// Sets `authorizedSecurities` (rule authorized securities; transfer agent or master).
    #[selector(name = "setAuthorizedSecurities")]
    pub fn set_authorized_securities(&mut self, value: U256) -> Result<(), DSError> {
        self.set_uint(uint_rule::AUTHORIZED_SECURITIES, value)
    }

    /// `authorizedSecurities`.
    #[selector(name = "getAuthorizedSecurities")]
    pub fn get_authorized_securities(&self) -> U256 {
        self.uint(uint_rule::AUTHORIZED_SECURITIES)
    }

    /// Sets `forceFullTransfer` (transfer agent or master).
    #[selector(name = "setForceFullTransfer")]
    pub fn set_force_full_transfer(&mut self, value: bool) -> Result<(), DSError> {
        self.set_bool(bool_rule::FORCE_FULL_TRANSFER, value)
    }

    /// `forceFullTransfer`.
    #[selector(name = "getForceFullTransfer")]
    pub fn get_force_full_transfer(&self) -> bool {
        self.flag(bool_rule::FORCE_FULL_TRANSFER)
    }

    /// Sets `forceAccredited` (transfer agent or master).
    #[selector(name = "setForceAccredited")]
    pub fn set_force_accredited(&mut self, value: bool) -> Result<(), DSError> {
        self.set_bool(bool_rule::FORCE_ACCREDITED, value)
    }

    /// `forceAccredited`.
    #[selector(name = "getForceAccredited")]
    pub fn get_force_accredited(&self) -> bool {
        self.flag(bool_rule::FORCE_ACCREDITED)
    }

    /// Sets `forceAccreditedUS` (transfer agent or master).
    #[selector(name = "setForceAccreditedUS")]
    pub fn set_force_accredited_us(&mut self, value: bool) -> Result<(), DSError> {
        self.set_bool(bool_rule::FORCE_ACCREDITED_US, value)
    }

    /// `forceAccreditedUS`.
    #[selector(name = "getForceAccreditedUS")]
    pub fn get_force_accredited_us(&self) -> bool {
        self.flag(bool_rule::FORCE_ACCREDITED_US)
    }

    /// Sets `worldWideForceFullTransfer` (transfer agent or master).
    #[selector(name = "setWorldWideForceFullTransfer")]
    pub fn set_world_wide_force_full_transfer(&mut self, value: bool) -> Result<(), DSError> {
        self.set_bool(bool_rule::WORLD_WIDE_FORCE_FULL_TRANSFER, value)
    }

    /// `worldWideForceFullTransfer`.
    #[selector(name = "getWorldWideForceFullTransfer")]
    pub fn get_world_wide_force_full_transfer(&self) -> bool {
        self.flag(bool_rule::WORLD_WIDE_FORCE_FULL_TRANSFER)
    }

    /// Sets `disallowBackDating` (transfer agent or master).
    #[selector(name = "setDisallowBackDating")]
    pub fn set_disallow_back_dating(&mut self, value: bool) -> Result<(), DSError> {
        self.set_bool(bool_rule::DISALLOW_BACK_DATING, value)
    }

    /// `disallowBackDating`.
    #[selector(name = "getDisallowBackDating")]
    pub fn get_disallow_back_dating(&self) -> bool {
        self.flag(bool_rule::DISALLOW_BACK_DATING)
    }
}

/// The steps every setter and getter shares.
impl ComplianceConfig {
    /// Role gate, range check, store and event of numeric rule `index`.
    fn set_uint(&mut self, index: usize, value: U256) -> Result<(), DSError> {
        self.state.require_configurer()?;
        ds_compliance_state::validate_rule(index, value)?;
        self.state.write_uint_rule(index, value);
        Ok(())
    }

    /// Role gate, store and event of boolean rule `index`.
    fn set_bool(&mut self, index: usize, value: bool) -> Result<(), DSError> {
        self.state.require_configurer()?;
        self.state.write_bool_rule(index, value);
        Ok(())
    }

    /// Numeric rule `index` as stored.
    fn uint(&self, index: usize) -> U256 {
        self.state.config(true).uints[index]
    }

    /// Boolean rule `index` as stored.
    fn flag(&self, index: usize) -> bool {
        self.state.config(false).bools[index]
    }
}
