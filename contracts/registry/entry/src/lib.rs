//! DS Registry service, entry program: the views of investors, their
//! wallets and attributes and of the DS wallet manager (special wallets),
//! and the parties of a transfer, which Compliance learns in one call
//! (`getTransferParties`). Every setter runs in the admin facet
//! (`ds-registry-admin`), reached from this program's fallback in one
//! delegatecall on the Registry's storage; the storage and the shared steps
//! are in `ds-registry-state` (layout and rules documented there and in the
//! facet).
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
use alloy_primitives::{Address, B256, U256};
use ds_common::{
    ids::{attribute, wallet_type},
    party, DSError,
};
use ds_registry_state::{layout::WalletEntry, RegistryState};
use stylus_sdk::{prelude::*, ArbResult};

pub use ds_registry_state::{events, InvestorDetailsFull};

/// The Registry service contract.
#[storage]
#[entrypoint]
pub struct RegistryService {
    /// All state, shared with the admin facet.
    state: RegistryState,
}

#[public]
impl RegistryService {
    /// Binds the contract to the Trust service that holds the roles.
    #[constructor]
    pub fn constructor(&mut self, trust: Address) -> Result<(), DSError> {
        self.state.services.init_trust(trust)
    }

    /// Registers the address of DS service `serviceId` (master, per Trust).
    #[selector(name = "setDSService")]
    pub fn set_ds_service(&mut self, service_id: U256, service: Address) -> Result<bool, DSError> {
        self.state.services.set_by_master(service_id, service)
    }

    /// The address registered for DS service `serviceId` (zero when none).
    #[selector(name = "getDSService")]
    pub fn get_ds_service(&self, service_id: U256) -> Address {
        self.state.services.get(service_id)
    }

    // ----- investors -----

    /// The country of `id` ("" when none or unknown).
    pub fn get_country(&self, id: String) -> String {
        party::country_string(self.state.record(party::investor_key(&id)).country)
    }

    /// The collision hash of `id` ("" when unknown).
    pub fn get_collision_hash(&self, id: String) -> String {
        let investor = self.state.investors.getter(party::investor_key(&id));
        investor.collision_hash.get_string()
    }

    /// Whether `id` is a registered investor.
    pub fn is_investor(&self, id: String) -> bool {
        self.state.record(party::investor_key(&id)).registered
    }

    /// Country, attribute values, attribute expiries (in the order KYC,
    /// ACCREDITED, QUALIFIED, PROFESSIONAL) and the 4 proof hashes of `id`.
    pub fn get_investor_details_full(&self, id: String) -> InvestorDetailsFull {
        self.state.investor_details_full(id)
    }

    // ----- investor wallets -----

    /// The investor id of `wallet` ("" unless an investor wallet).
    pub fn get_investor(&self, wallet: Address) -> String {
        self.state.investor_of(wallet).0
    }

    /// The investor id and country of `wallet` ("" when unknown).
    pub fn get_investor_details(&self, wallet: Address) -> (String, String) {
        let (id, country) = self.state.investor_of(wallet);
        (id, party::country_string(country))
    }

    /// The investor ids of `from` and `to` ("" for non-investor wallets).
    pub fn get_investors(&self, from: Address, to: Address) -> (String, String) {
        (self.state.investor_of(from).0, self.state.investor_of(to).0)
    }

    /// Whether `wallet` belongs to an investor.
    pub fn is_wallet(&self, wallet: Address) -> bool {
        matches!(self.state.wallet_entry(wallet), WalletEntry::Investor(_))
    }

    // ----- attributes -----

    /// The stored status of the attribute (0 for unknown investors or ids).
    pub fn get_attribute_value(&self, id: String, attribute_id: u8) -> U256 {
        self.state
            .attribute_of(&id, attribute_id)
            .map(|(record, i)| U256::from(record.statuses[i]))
            .unwrap_or_default()
    }

    /// The stored expiry of the attribute (0 = never, or unknown).
    pub fn get_attribute_expiry(&self, id: String, attribute_id: u8) -> U256 {
        self.state
            .attribute_of(&id, attribute_id)
            .map(|(record, i)| U256::from(record.expiries[i]))
            .unwrap_or_default()
    }

    /// DS's public `attributes(investorId, attributeId)` getter: the stored
    /// status, expiry and proof hash of the attribute (0, 0, "" for unknown
    /// investors or ids).
    pub fn attributes(&self, id: String, attribute_id: u8) -> (U256, U256, String) {
        match self.state.attribute_of(&id, attribute_id) {
            Some((record, i)) => (
                U256::from(record.statuses[i]),
                U256::from(record.expiries[i]),
                self.state.attribute_proof_hash(&id, attribute_id),
            ),
            None => (U256::ZERO, U256::ZERO, String::new()),
        }
    }

    /// The proof hash of the attribute ("" when none).
    pub fn get_attribute_proof_hash(&self, id: String, attribute_id: u8) -> String {
        self.state.attribute_proof_hash(&id, attribute_id)
    }

    /// Whether investor `id` is accredited now (approved, not expired).
    #[selector(name = "isAccreditedInvestor")]
    pub fn is_accredited_investor(&self, id: String) -> bool {
        self.state
            .is_effective(party::investor_key(&id), attribute::ACCREDITED)
    }

    /// Whether the investor of `wallet` is accredited now.
    #[selector(name = "isAccreditedInvestor")]
    pub fn is_accredited_investor_wallet(&self, wallet: Address) -> bool {
        self.state
            .wallet_is_effective(wallet, attribute::ACCREDITED)
    }

    /// Whether investor `id` is qualified now (approved, not expired).
    #[selector(name = "isQualifiedInvestor")]
    pub fn is_qualified_investor(&self, id: String) -> bool {
        self.state
            .is_effective(party::investor_key(&id), attribute::QUALIFIED)
    }

    /// Whether the investor of `wallet` is qualified now.
    #[selector(name = "isQualifiedInvestor")]
    pub fn is_qualified_investor_wallet(&self, wallet: Address) -> bool {
        self.state.wallet_is_effective(wallet, attribute::QUALIFIED)
    }

    // ----- wallet manager (special wallets) -----

    /// The special type of `wallet` (0 none, 1 issuer, 2 platform, 4 exchange).
    pub fn get_wallet_type(&self, wallet: Address) -> u8 {
        self.state.wallet_entry(wallet).wallet_type()
    }

    /// Whether `wallet` is a platform wallet.
    pub fn is_platform_wallet(&self, wallet: Address) -> bool {
        self.get_wallet_type(wallet) == wallet_type::PLATFORM
    }

    /// Whether `wallet` is any special wallet.
    pub fn is_special_wallet(&self, wallet: Address) -> bool {
        self.get_wallet_type(wallet) != wallet_type::NONE
    }

    /// Whether `wallet` is an issuer wallet.
    pub fn is_issuer_special_wallet(&self, wallet: Address) -> bool {
        self.get_wallet_type(wallet) == wallet_type::ISSUER
    }

    // ----- compliance views -----

    /// The investor key (`party::investor_key`, zero unless an investor
    /// wallet) and packed `party::PartyInfo` of `from` and of `to`, effective
    /// attributes evaluated at the current block time. At most 4 SLOADs.
    pub fn get_transfer_parties(&self, from: Address, to: Address) -> (B256, U256, B256, U256) {
        let now = self.state.now();
        let (from_key, from_info) = self.state.party(from, now);
        let (to_key, to_info) = self.state.party(to, now);
        (from_key, from_info, to_key, to_info)
    }

    /// The investor key and packed `party::PartyInfo` of `wallet` (at most 2 SLOADs).
    pub fn get_party(&self, wallet: Address) -> (B256, U256) {
        self.state.party(wallet, self.state.now())
    }

    /// Everything else: the DS constant getters are answered here
    /// (`ds_common::constants::REGISTRY`); any other selector (the setters)
    /// runs in the admin facet, in one delegatecall on this contract's
    /// storage, which refuses a selector it does not serve with
    /// `UnknownSelector`.
    #[fallback]
    pub fn fallback(&mut self, calldata: &[u8]) -> ArbResult {
        let selector = ds_common::constants::selector_of(calldata);
        match ds_common::constants::answer(
            selector,
            ds_common::constants::REGISTRY,
            self.vm().contract_address(),
        ) {
            Some(word) => Ok(word),
            None => self.state.delegate_to_admin(calldata),
        }
    }
}

#[cfg(test)]
mod tests;
