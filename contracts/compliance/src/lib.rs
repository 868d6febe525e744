//! DS Compliance service: the transfer and issuance rules (`preTransferCheck`
//! with the DS reason codes in the DS order), investor counters, country
//! statuses, and the views of the lock manager and blacklist.
//!
//! The rules are pure functions in `ds-rules`; the storage and the shared
//! steps are in `ds-compliance-state`. Configuration, lock and blacklist
//! administration run in the admin facet by delegatecall (see `fallback`).
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
use ds_common::{codes, errors::AuthorizedSecuritiesExceeded, ids::service, DSError};
use ds_compliance_state::{layout::InvestorWord, ComplianceState};
use ds_rules::{
    config,
    issuance::{exceeds_authorized, IssuanceCheck},
};
use stylus_sdk::{prelude::*, ArbResult};

/// The Compliance service contract.
#[storage]
#[entrypoint]
pub struct ComplianceService {
    /// All state, shared with the admin facet.
    state: ComplianceState,
}

#[public]
impl ComplianceService {
    /// Binds the contract to the Trust service that holds the roles.
    #[constructor]
    pub fn constructor(&mut self, trust: Address) -> Result<(), DSError> {
        self.state.services.init_trust(trust)
    }

    /// Registers the address of DS service `serviceId` (master, per Trust).
    #[selector(name = "setDSService")]
    pub fn set_ds_service(&mut self, service_id: U256, service: Address) -> Result<bool, DSError> {
        self.state.set_service(service_id, service)
    }

    /// The address registered for DS service `serviceId` (zero when none).
    #[selector(name = "getDSService")]
    pub fn get_ds_service(&self, service_id: U256) -> Address {
        self.state.services.get(service_id)
    }

    // ----- checks -------------------------------------------------------

    // ----- token entry points ------------------------------------------

    /// Token only: checks a transfer that `spender` makes (`from` itself,
    /// or the caller of `transferFrom`) and, when valid, records it. A
    /// blacklisted spender is refused like a blacklisted wallet (code 100,
    /// review F-02). Returns the DS reason code; nothing is recorded unless
    /// it is 0.
    pub fn validate_transfer(
        &mut self,
        spender: Address,
        from: Address,
        to: Address,
        value: U256,
        from_balance: U256,
        paused: bool,
    ) -> Result<U256, DSError> {
        self.state.only_token()?;
        let mut snapshot = self
            .state
            .transfer_snapshot(from, to, value, from_balance, paused)?;
        snapshot.blacklisted |= spender != from && self.state.is_blacklisted(spender);
        let code = snapshot.code();
        if code == codes::VALID {
            let effects = snapshot.check().effects();
            self.state
                .store_investor(snapshot.from_key, &snapshot.from_word, effects.from);
            self.state
                .store_investor(snapshot.to_key, &snapshot.to_word, effects.to);
            self.state.apply_delta(&effects.delta);
        }
        Ok(U256::from(code))
    }

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
                .store_new_locks(key, word.locks, &new_locks, &reason);
        }
        self.state.write_investor(key, &word);
        self.state.apply_delta(&delta);
        Ok(U256::from(code))
    }

    /// Everything else — the views (`ComplianceViews.sol`), then the
    /// configuration, lock manager and blacklist administration
    /// (`ComplianceAdmin.sol`) — runs in the facets, by delegatecall on this
    /// contract's storage.
    #[fallback]
    pub fn fallback(&mut self, calldata: &[u8]) -> ArbResult {
        self.state
            .delegate_to_facet(service::COMPLIANCE_VIEWS_FACET, calldata)
    }
}

#[cfg(test)]
mod tests;
