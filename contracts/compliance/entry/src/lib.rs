//! DS Compliance service, entry program: the token's transfer check and
//! record (`validateTransfer`, the DS reason codes in the DS order) and the
//! router to the service's facets (checks and views, lock manager and
//! issuance records, configuration).
//!
//! The rules are pure functions in `ds-rules`; the storage and the shared
//! steps are in `ds-compliance-state`. This entry program runs the transfer
//! path and routes every other function to its facet in one hop (see
//! `fallback` and `ds_compliance_state::router`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
// The SDK's `#[entrypoint]` adds an undocumented `user_entrypoint` to the
// Wasm build, `#[public]` undocumented items to the ABI export; documentation
// is checked on the native build (clippy).
#![cfg_attr(
    any(target_arch = "wasm32", feature = "export-abi"),
    allow(missing_docs)
)]
extern crate alloc;

use alloc::vec::Vec;
use alloy_primitives::{Address, FixedBytes, U256};
use ds_common::{codes, DSError};
use ds_compliance_state::ComplianceState;
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

    /// Master only: the router sends `selectors` to facet `facetId` (the
    /// views, admin or configuration facet id; 0 removes the routes), at most 30 at
    /// a time. Emits `FacetSelectorsSet`.
    #[selector(name = "setFacetSelectors")]
    pub fn set_facet_selectors(
        &mut self,
        facet_id: U256,
        selectors: Vec<FixedBytes<4>>,
    ) -> Result<bool, DSError> {
        self.state.set_routes(facet_id, selectors)
    }

    /// The facet id the router sends `selector` to (0: none).
    #[selector(name = "facetOf")]
    pub fn facet_of(&self, selector: FixedBytes<4>) -> U256 {
        self.state.route_of(selector)
    }

    /// Everything else (the checks and views, the lock manager and
    /// blacklist, the configuration) runs in the facet the router's table
    /// names, in one delegatecall on this contract's storage; a selector
    /// without a route reverts with `UnknownSelector`.
    /// The DS constant getters are answered here first
    /// (`ds_common::constants`).
    #[fallback]
    pub fn fallback(&mut self, calldata: &[u8]) -> ArbResult {
        let selector = ds_common::constants::selector_of(calldata);
        match ds_common::constants::answer(
            selector,
            ds_common::constants::CONSUMER,
            self.vm().contract_address(),
        ) {
            Some(word) => Ok(word),
            None => self.state.route(calldata),
        }
    }
}

#[cfg(test)]
mod tests;
