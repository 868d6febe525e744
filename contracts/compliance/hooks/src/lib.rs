//! Hooks facet of the Compliance service: what the token and the Registry
//! tell Compliance outside a transfer, and Compliance records — an issuance
//! (`validateIssuance`: the DS check, then the issuance's lock-up record and
//! the locks given with it), a burn, a seizure, an ERC-7943 forced transfer,
//! and a change of an investor's counted category (`onInvestorInfoChanged`).
//! Transfers are checked and recorded by the Compliance entry program
//! itself.
//!
//! The Compliance router runs this facet by delegatecall, so it reads and
//! writes the Compliance contract's storage: the facet embeds
//! `ComplianceState` as its only field. Called at its own address it refuses
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

use alloc::{string::String, vec::Vec};
use alloy_primitives::{Address, B256, U256};
use ds_common::{
    codes,
    errors::{AuthorizedSecuritiesExceeded, SeizeTargetNotIssuerWallet},
    party::PartyInfo,
    DSError,
};
use ds_compliance_state::{layout::InvestorWord, ComplianceState};
use ds_rules::{
    category::Category,
    config,
    issuance::{exceeds_authorized, IssuanceCheck},
};
use stylus_sdk::prelude::*;

/// The Compliance hooks facet (storage = Compliance's).
#[storage]
pub struct ComplianceHooks {
    /// The Compliance service's storage, at the same slots.
    state: ComplianceState,
}

ds_common::facet_entrypoint!(
    ComplianceHooks,
    ds_common::ids::service::COMPLIANCE_HOOKS_FACET
);

#[public]
impl ComplianceHooks {
    // ----- the token's issuances ------------------------------------------

    /// Token only: checks an issuance and, when valid, records it with its
    /// lock-up record and the given manual locks. Returns the DS reason code.
    #[allow(clippy::too_many_arguments)]
    pub fn validate_issuance(
        &mut self,
        to: Address,
        value: U256,
        issuance_time: U256,
        total_supply: U256,
        lock_values: Vec<U256>,
        lock_release_times: Vec<u64>,
        reason: String,
    ) -> Result<U256, DSError> {
        self.state.only_token()?;
        let config = self.state.config(true);
        if exceeds_authorized(&config, total_supply, value) {
            return Err(DSError::AuthorizedSecuritiesExceeded(
                AuthorizedSecuritiesExceeded {
                    totalSupply: total_supply,
                    value,
                    cap: config.amount(config::uint_rule::AUTHORIZED_SECURITIES),
                },
            ));
        }
        let (key, party, word) = self.state.load_party(to)?;
        let check = IssuanceCheck {
            config: &config,
            counts: self.state.load_counts(),
            eu_retail_to: self.state.eu_retail_of(&party),
            to: party,
            value,
            blacklisted: self.state.is_blacklisted(to),
        };
        let code = check.check();
        if code != codes::VALID {
            return Ok(U256::from(code));
        }
        let time = self.state.issuance_time(&config, issuance_time)?;
        // Validate the records before the first write.
        let new_locks = self.state.new_locks(
            key,
            &word,
            &party,
            &lock_values,
            &lock_release_times,
            &reason,
        )?;
        let issuances = self
            .state
            .issuances_with(key, &word, &party, &config, value, time)?;
        let (state, delta) = check.effects();
        let mut word = InvestorWord { state, ..word };
        if party.info.is_investor {
            word.issuances = self.state.store_issuances(key, &issuances);
            word.locks = self
                .state
                .store_new_locks(key, to, word.locks, &new_locks, &reason);
        }
        self.state.write_investor(key, &word);
        self.state.apply_delta(&delta);
        Ok(U256::from(code))
    }

    // ----- burns, seizures, forced transfers --------------------------------

    /// Token only: records a burn of `value` from `who`.
    pub fn validate_burn(&mut self, who: Address, value: U256) -> Result<bool, DSError> {
        self.state.only_token()?;
        let (key, party, word) = self.state.load_party(who)?;
        self.state.record_removal(key, &party, &word, value);
        Ok(true)
    }

    /// Token only: records a seize of `value` from `from` to `to`, which
    /// must be an issuer special wallet.
    pub fn validate_seize(
        &mut self,
        from: Address,
        to: Address,
        value: U256,
    ) -> Result<bool, DSError> {
        self.record_enforced_move(from, to, value, false)
    }

    /// Token only (ERC-7943 `forcedTransfer`): records a move of `value`
    /// from `from` to `to` outside the transfer rules. `to` must be an
    /// issuer wallet or an investor wallet, so the tokens are never stuck
    /// (audit L-15).
    pub fn validate_forced_transfer(
        &mut self,
        from: Address,
        to: Address,
        value: U256,
    ) -> Result<bool, DSError> {
        self.record_enforced_move(from, to, value, true)
    }

    // ----- the Registry's hook -----------------------------------------------

    /// Registry only: an investor's country or stored accreditation /
    /// qualification changed; a holder moves to its new category.
    pub fn on_investor_info_changed(
        &mut self,
        investor_key: B256,
        _old_info: U256,
        new_info: U256,
    ) -> Result<bool, DSError> {
        let sender = self.state.vm().msg_sender();
        self.state.services.require_registry(sender)?;
        let stored = self.state.investors.get(investor_key);
        let mut word = InvestorWord::decode(stored);
        if let Some(old) = word.state.counted {
            let info = PartyInfo::unpack(new_info);
            let new = Category::of(&info, self.state.region_of(info.country));
            let mut delta = ds_rules::Delta::default();
            delta.recount(&old, &new);
            word.state.counted = Some(new);
            self.state.write_investor(investor_key, &word);
            self.state.apply_delta(&delta);
        } else if stored.is_zero() {
            // First news of this investor (its country is set at onboarding):
            // allocate its word now, so its first tokens do not pay for a
            // fresh slot on the transfer path.
            self.state.write_investor(investor_key, &word);
        }
        Ok(true)
    }
}

impl ComplianceHooks {
    /// Seize and forced transfer: records the move without the transfer rules.
    fn record_enforced_move(
        &mut self,
        from: Address,
        to: Address,
        value: U256,
        to_investor_allowed: bool,
    ) -> Result<bool, DSError> {
        self.state.only_token()?;
        let (from_key, from_info, to_key, to_info) = self.state.parties(from, to)?;
        let to_investor = to_investor_allowed && to_info.is_investor && !to_key.is_zero();
        if !to_info.is_issuer_wallet() && !to_investor {
            return Err(DSError::SeizeTargetNotIssuerWallet(
                SeizeTargetNotIssuerWallet { to },
            ));
        }
        if !from_key.is_zero() && from_key == to_key {
            return Ok(true);
        }
        let (party, word) = self.state.party_of(from_key, from_info);
        self.state.record_removal(from_key, &party, &word, value);
        if to_investor {
            let (party, word) = self.state.party_of(to_key, to_info);
            self.state.record_addition(to_key, &party, &word, value);
        }
        Ok(true)
    }
}
