//! Admin facet of the DS Registry: registering, updating and removing
//! investors, their wallets, countries and attributes, and the DS wallet
//! manager's special wallets.
//!
//! The Registry runs this facet by delegatecall from its fallback (its only
//! facet: one hop), so it works on the Registry's storage: the facet embeds
//! [`RegistryState`] as its only field. Called at its own address it
//! refuses every call (`FacetCalledDirectly`).
//!
//! # Rules (DS v4, with these deliberate differences)
//! - Roles: EXCHANGE, ISSUER, TRANSFER_AGENT and MASTER register investors
//!   and wallets, set countries and attributes; an EXCHANGE may change or
//!   remove only investors it registered (every setter, not only removals).
//!   `updateInvestor` is ISSUER / TRANSFER_AGENT / MASTER; special wallets are
//!   ISSUER / MASTER.
//! - Ids are 1 to 64 bytes; collision and proof hashes at most 128 bytes.
//! - Attribute ids: only the four known ids (1, 2, 4, 8); DS accepts any id
//!   below 16. Status values above REJECTED (2) are refused.
//! - Expiry is enforced: an APPROVED attribute with expiry `e > 0` counts as
//!   approved while `block.timestamp < e` and as not approved from `e` on;
//!   0 never expires. Expiries above 2^40 - 1 are refused.
//! - Countries are ISO 3166-1 alpha-2 (two ASCII letters), stored upper-case
//!   (`getCountry` returns "US" for a country set as "us").
//! - Setting the country an investor already has writes nothing and emits
//!   nothing (audit M-3).
//! - Adding and removing an investor wallet both need a zero token balance
//!   (asked of the DS_TOKEN service when set).
//! - Compliance (`COMPLIANCE` service, when set) hears
//!   `onInvestorInfoChanged(key, oldInfo, newInfo)` once per call that changes
//!   the investor's country or the stored APPROVED status of ACCREDITED or
//!   QUALIFIED (audit M-1, M-3, M-6, L-20).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
// The SDK's `#[entrypoint]` adds an undocumented `user_entrypoint` to the
// Wasm build, `#[public]` undocumented items to the ABI export; documentation
// is checked on the native build (clippy).
#![cfg_attr(
    any(target_arch = "wasm32", feature = "export-abi"),
    allow(missing_docs)
)]
extern crate alloc;

mod attributes;
mod hooks;
mod investors;
mod special_wallets;
mod wallets;

use alloc::{string::String, vec::Vec};
use alloy_primitives::{Address, U256};
use ds_common::{ids::wallet_type, DSError};
use stylus_sdk::{prelude::*, ArbResult};

pub use ds_registry_state::RegistryState;
pub(crate) use ds_registry_state::{events, input, layout};
pub(crate) use ds_registry_state::{
    EXCHANGE_OR_ABOVE, ISSUER_OR_ABOVE, ISSUER_OR_TRANSFER_AGENT_OR_ABOVE,
};
pub use investors::AttributeBatch;

/// The Registry admin facet (storage = the Registry's).
#[storage]
pub struct RegistryAdmin {
    /// The Registry's storage, at the same slots.
    state: RegistryState,
}

ds_common::facet_entrypoint!(RegistryAdmin, ds_common::ids::service::REGISTRY_ADMIN_FACET);

#[public]
impl RegistryAdmin {
    // ----- investors (investors.rs) -----

    /// Registers investor `id` (exchange or above); the sender becomes its creator.
    pub fn register_investor(
        &mut self,
        id: String,
        collision_hash: String,
    ) -> Result<bool, DSError> {
        self.do_register_investor(id, collision_hash)
    }

    /// Registers `id` if new (with `collisionHash`), sets its country unless
    /// `country` is empty, adds the `wallets` it does not have yet and sets
    /// the attributes (with empty proof hashes). Issuer, transfer agent or
    /// master; at most 30 wallets and 30 attributes; all input is checked
    /// before anything is written.
    #[allow(clippy::too_many_arguments)]
    pub fn update_investor(
        &mut self,
        id: String,
        collision_hash: String,
        country: String,
        wallets: Vec<Address>,
        attribute_ids: Vec<u8>,
        attribute_values: Vec<U256>,
        attribute_expirations: Vec<U256>,
    ) -> Result<bool, DSError> {
        self.do_update_investor(
            id,
            collision_hash,
            country,
            wallets,
            (attribute_ids, attribute_values, attribute_expirations),
        )
    }

    /// Removes investor `id`, which must have no wallets (exchange or above;
    /// an exchange only investors it registered).
    pub fn remove_investor(&mut self, id: String) -> Result<bool, DSError> {
        self.do_remove_investor(id)
    }

    /// Sets the country of `id` (ISO 3166-1 alpha-2, stored upper-case). Exchange or
    /// above; an exchange only for investors it registered. Setting the
    /// current country writes nothing, emits nothing and calls no hook.
    pub fn set_country(&mut self, id: String, country: String) -> Result<bool, DSError> {
        self.do_set_country(id, country)
    }

    // ----- investor wallets (wallets.rs) -----

    /// Registers `wallet` to investor `id`. The wallet must be new (neither
    /// an investor wallet nor a special wallet) and hold no tokens. Exchange
    /// or above; an exchange only for investors it registered.
    pub fn add_wallet(&mut self, wallet: Address, id: String) -> Result<bool, DSError> {
        self.do_add_wallet(wallet, id)
    }

    /// Removes `wallet` from investor `id`; the wallet must hold no tokens.
    /// Exchange or above; an exchange only for investors it registered.
    pub fn remove_wallet(&mut self, wallet: Address, id: String) -> Result<bool, DSError> {
        self.do_remove_wallet(wallet, id)
    }

    // ----- attributes (attributes.rs) -----

    /// Sets attribute `attributeId` (1, 2, 4 or 8) of `id` to status `value`
    /// (0 pending, 1 approved, 2 rejected) until `expiry` (0 = never, at most
    /// 2^40 - 1) with `proofHash` (at most 128 bytes). Exchange or above; an
    /// exchange only for investors it registered.
    pub fn set_attribute(
        &mut self,
        id: String,
        attribute_id: u8,
        value: U256,
        expiry: U256,
        proof_hash: String,
    ) -> Result<bool, DSError> {
        self.do_set_attribute(id, attribute_id, value, expiry, proof_hash)
    }

    // ----- wallet manager (special_wallets.rs); issuer or master -----

    /// Makes `wallet` an issuer wallet.
    pub fn add_issuer_wallet(&mut self, wallet: Address) -> Result<bool, DSError> {
        self.add_special(&[wallet], wallet_type::ISSUER, Address::ZERO)
    }

    /// Makes each of `wallets` (at most 30) an issuer wallet; all or nothing.
    pub fn add_issuer_wallets(&mut self, wallets: Vec<Address>) -> Result<bool, DSError> {
        self.add_special(&wallets, wallet_type::ISSUER, Address::ZERO)
    }

    /// Makes `wallet` a platform (omnibus) wallet.
    pub fn add_platform_wallet(&mut self, wallet: Address) -> Result<bool, DSError> {
        self.add_special(&[wallet], wallet_type::PLATFORM, Address::ZERO)
    }

    /// Makes each of `wallets` (at most 30) a platform wallet; all or nothing.
    pub fn add_platform_wallets(&mut self, wallets: Vec<Address>) -> Result<bool, DSError> {
        self.add_special(&wallets, wallet_type::PLATFORM, Address::ZERO)
    }

    /// Makes `wallet` an exchange wallet of `owner`, which must hold the EXCHANGE role.
    pub fn add_exchange_wallet(
        &mut self,
        wallet: Address,
        owner: Address,
    ) -> Result<bool, DSError> {
        self.add_special(&[wallet], wallet_type::EXCHANGE, owner)
    }

    /// Makes the special wallet `wallet` an ordinary wallet again.
    pub fn remove_special_wallet(&mut self, wallet: Address) -> Result<bool, DSError> {
        self.do_remove_special_wallet(wallet)
    }

    /// Any other selector: refused with `UnknownSelector` (the entry program
    /// answers its own functions and the DS constants before routing here).
    #[fallback]
    pub fn fallback(&mut self, calldata: &[u8]) -> ArbResult {
        Err(DSError::unknown_selector(calldata).into())
    }
}
