//! DS Registry service: investors, their wallets and attributes, and the DS
//! wallet manager (special wallets), in one contract so that Compliance
//! learns everything about a transfer's parties in one call.
//!
//! # Storage layout
//! - `wallets[address]`: ONE word per wallet: the owning investor's key, or
//!   the special wallet type (see [`layout`]); zero when unknown.
//! - `records[key]`: ONE word per investor: country code, registered flag,
//!   wallet count, the 4 attribute statuses and their u40 expiries (see
//!   [`layout::InvestorRecord`]).
//! - `investors[key].{creator, id, collision_hash, proof_hashes}`: read only
//!   by the setters (creator check) and by the string views; strings are
//!   `ds_common::text::StorageText` (length byte + bytes in at most 5 slots).
//! - `exchange_owners[address]`: owner of each exchange special wallet.
//!
//! `getParty` costs 2 SLOADs for an investor wallet (wallet word, investor
//! word) and 1 for any other wallet; `getTransferParties` at most 4.
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
//! - Countries are ISO 3166-1 alpha-2 (two ASCII letters), stored upper-case (`getCountry` returns
//!   "US" for a country set as "us").
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

pub mod attributes;
pub mod events;
pub mod input;
pub mod investors;
pub mod layout;
pub mod parties;
pub mod special_wallets;
pub mod wallets;

use alloc::{string::String, vec::Vec};
use alloy_primitives::{Address, B256, U256};
use ds_common::{
    consumer::ServiceRegistry,
    errors::{InvestorNotFound, NotInvestorCreator, WalletHasBalance},
    ids::{attribute, role, service, wallet_type},
    interfaces::{IComplianceHooks, IDSTokenBalances},
    party, DSError,
};
use stylus_sdk::{
    prelude::*,
    storage::{StorageAddress, StorageArray, StorageB256, StorageMap},
};

use ds_common::text::StorageText;
use layout::{InvestorRecord, WalletEntry, ATTRIBUTE_COUNT};

pub use events::*;
pub use investors::InvestorDetailsFull;

pub use ds_common::ids::role::{
    EXCHANGE_OR_ABOVE, ISSUER_OR_ABOVE, ISSUER_OR_TRANSFER_AGENT_OR_ABOVE,
};

/// What the Registry keeps about one investor besides its record word.
#[storage]
pub struct Investor {
    /// Who registered the investor (creator check for exchanges).
    creator: StorageAddress,
    /// The investor id.
    id: StorageText,
    /// The collision hash given at registration.
    collision_hash: StorageText,
    /// Proof hash of each attribute, by attribute index.
    proof_hashes: StorageArray<StorageText, ATTRIBUTE_COUNT>,
}

/// The Registry service contract.
#[storage]
#[entrypoint]
pub struct RegistryService {
    /// Where the other DS services live.
    services: ServiceRegistry,
    /// Wallet word of every wallet (see [`layout::WalletEntry`]).
    wallets: StorageMap<Address, StorageB256>,
    /// Packed [`InvestorRecord`] of every investor, by key
    /// (`party::investor_key(id)`): the only investor slot on the transfer path.
    records: StorageMap<B256, StorageB256>,
    /// Creator and strings of every investor, by key.
    investors: StorageMap<B256, Investor>,
    /// Owner exchange of each exchange special wallet (kept as DS does; no
    /// view reads it, to stay within the Wasm size limit).
    exchange_owners: StorageMap<Address, StorageAddress>,
}

#[public]
impl RegistryService {
    /// Binds the contract to the Trust service that holds the roles.
    #[constructor]
    pub fn constructor(&mut self, trust: Address) -> Result<(), DSError> {
        self.services.init_trust(trust)
    }

    /// Registers the address of DS service `serviceId` (master, per Trust).
    #[selector(name = "setDSService")]
    pub fn set_ds_service(&mut self, service_id: U256, service: Address) -> Result<bool, DSError> {
        self.services.set_by_master(service_id, service)
    }

    /// The address registered for DS service `serviceId` (zero when none).
    #[selector(name = "getDSService")]
    pub fn get_ds_service(&self, service_id: U256) -> Address {
        self.services.get(service_id)
    }

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

    /// The country of `id` ("" when none or unknown).
    pub fn get_country(&self, id: String) -> String {
        party::country_string(self.record(party::investor_key(&id)).country)
    }

    /// The collision hash of `id` ("" when unknown).
    pub fn get_collision_hash(&self, id: String) -> String {
        let investor = self.investors.getter(party::investor_key(&id));
        investor.collision_hash.get_string()
    }

    /// Whether `id` is a registered investor.
    pub fn is_investor(&self, id: String) -> bool {
        self.record(party::investor_key(&id)).registered
    }

    /// Country, attribute values, attribute expiries (in the order KYC,
    /// ACCREDITED, QUALIFIED, PROFESSIONAL) and the 4 proof hashes of `id`.
    pub fn get_investor_details_full(&self, id: String) -> InvestorDetailsFull {
        self.investor_details_full(id)
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

    /// The investor id of `wallet` ("" unless an investor wallet).
    pub fn get_investor(&self, wallet: Address) -> String {
        self.investor_of(wallet).0
    }

    /// The investor id and country of `wallet` ("" when unknown).
    pub fn get_investor_details(&self, wallet: Address) -> (String, String) {
        let (id, country) = self.investor_of(wallet);
        (id, party::country_string(country))
    }

    /// The investor ids of `from` and `to` ("" for non-investor wallets).
    pub fn get_investors(&self, from: Address, to: Address) -> (String, String) {
        (self.investor_of(from).0, self.investor_of(to).0)
    }

    /// Whether `wallet` belongs to an investor.
    pub fn is_wallet(&self, wallet: Address) -> bool {
        matches!(self.wallet_entry(wallet), WalletEntry::Investor(_))
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

    /// The stored status of the attribute (0 for unknown investors or ids).
    pub fn get_attribute_value(&self, id: String, attribute_id: u8) -> U256 {
        self.attribute_of(&id, attribute_id)
            .map(|(record, i)| U256::from(record.statuses[i]))
            .unwrap_or_default()
    }

    /// The stored expiry of the attribute (0 = never, or unknown).
    pub fn get_attribute_expiry(&self, id: String, attribute_id: u8) -> U256 {
        self.attribute_of(&id, attribute_id)
            .map(|(record, i)| U256::from(record.expiries[i]))
            .unwrap_or_default()
    }

    /// The proof hash of the attribute ("" when none).
    pub fn get_attribute_proof_hash(&self, id: String, attribute_id: u8) -> String {
        self.attribute_proof_hash(&id, attribute_id)
    }

    /// Whether investor `id` is accredited now (approved, not expired).
    #[selector(name = "isAccreditedInvestor")]
    pub fn is_accredited_investor(&self, id: String) -> bool {
        self.is_effective(party::investor_key(&id), attribute::ACCREDITED)
    }

    /// Whether the investor of `wallet` is accredited now.
    #[selector(name = "isAccreditedInvestor")]
    pub fn is_accredited_investor_wallet(&self, wallet: Address) -> bool {
        self.wallet_is_effective(wallet, attribute::ACCREDITED)
    }

    /// Whether investor `id` is qualified now (approved, not expired).
    #[selector(name = "isQualifiedInvestor")]
    pub fn is_qualified_investor(&self, id: String) -> bool {
        self.is_effective(party::investor_key(&id), attribute::QUALIFIED)
    }

    /// Whether the investor of `wallet` is qualified now.
    #[selector(name = "isQualifiedInvestor")]
    pub fn is_qualified_investor_wallet(&self, wallet: Address) -> bool {
        self.wallet_is_effective(wallet, attribute::QUALIFIED)
    }

    // ----- wallet manager (special_wallets.rs); setters: issuer or master -----

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

    /// The special type of `wallet` (0 none, 1 issuer, 2 platform, 4 exchange).
    pub fn get_wallet_type(&self, wallet: Address) -> u8 {
        self.wallet_entry(wallet).wallet_type()
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

    // ----- compliance views (parties.rs) -----

    /// The investor key (`party::investor_key`, zero unless an investor
    /// wallet) and packed `party::PartyInfo` of `from` and of `to`, effective
    /// attributes evaluated at the current block time. At most 4 SLOADs.
    pub fn get_transfer_parties(&self, from: Address, to: Address) -> (B256, U256, B256, U256) {
        let now = self.now();
        let (from_key, from_info) = self.party(from, now);
        let (to_key, to_info) = self.party(to, now);
        (from_key, from_info, to_key, to_info)
    }

    /// The investor key and packed `party::PartyInfo` of `wallet` (at most 2 SLOADs).
    pub fn get_party(&self, wallet: Address) -> (B256, U256) {
        self.party(wallet, self.now())
    }
}

/// Internal helpers shared by the ABI modules.
impl RegistryService {
    /// The sender and its role, if the role is one of `allowed`.
    fn authorize(&self, allowed: &[u8]) -> Result<(Address, u8), DSError> {
        let sender = self.vm().msg_sender();
        let role = self.services.require_role(sender, allowed)?;
        Ok((sender, role))
    }

    /// The current block time in seconds.
    fn now(&self) -> u64 {
        self.vm().block_timestamp()
    }

    /// The decoded wallet word of `wallet`.
    #[inline(never)]
    fn wallet_entry(&self, wallet: Address) -> WalletEntry {
        WalletEntry::decode(self.wallets.get(wallet))
    }

    /// The decoded investor word of `key` (default when unknown).
    #[inline(never)]
    fn record(&self, key: B256) -> InvestorRecord {
        InvestorRecord::unpack(self.records.get(key))
    }

    /// Stores the investor word of `key`.
    #[inline(never)]
    fn store_record(&mut self, key: B256, record: &InvestorRecord) {
        self.records.setter(key).set(record.pack());
    }

    /// The record of the registered investor `id` (validated), with its key.
    #[inline(never)]
    fn existing(&self, id: &str) -> Result<(B256, InvestorRecord), DSError> {
        let key = input::investor_id(id)?;
        let record = self.record(key);
        if !record.registered {
            return Err(DSError::InvestorNotFound(InvestorNotFound {
                investorKey: key,
            }));
        }
        Ok((key, record))
    }

    /// For setters that change an existing investor: the sender (exchange
    /// or above; an exchange only for investors it registered), the key and
    /// the record of investor `id`.
    #[inline(never)]
    fn changeable(&self, id: &str) -> Result<(Address, B256, InvestorRecord), DSError> {
        let (sender, role) = self.authorize(EXCHANGE_OR_ABOVE)?;
        let (key, record) = self.existing(id)?;
        if role == role::EXCHANGE && self.investors.getter(key).creator.get() != sender {
            return Err(DSError::NotInvestorCreator(NotInvestorCreator {
                caller: sender,
                investorKey: key,
            }));
        }
        Ok((sender, key, record))
    }

    /// The address of service `id`, if set.
    fn service(&self, id: u64) -> Option<Address> {
        let address = self.services.get(U256::from(id));
        (!address.is_zero()).then_some(address)
    }

    /// Refuses unless `wallet` holds no tokens (no token service: no tokens).
    /// When `adding` the wallet, the token also reserves its storage (see
    /// the token's `reserveWallet`), in the same call.
    #[inline(never)]
    fn check_empty(&mut self, wallet: Address, adding: bool) -> Result<(), DSError> {
        let Some(token) = self.service(service::DS_TOKEN) else {
            return Ok(());
        };
        let client = IDSTokenBalances::new(token);
        let balance = if adding {
            let call = Call::new_mutating(self);
            client.reserve_wallet(self.vm(), call, wallet)
        } else {
            client.balance_of(self.vm(), Call::new(), wallet)
        }
        .map_err(|_| DSError::service_call_failed(service::DS_TOKEN, token))?;
        if !balance.is_zero() {
            return Err(DSError::WalletHasBalance(WalletHasBalance {
                wallet,
                balance,
            }));
        }
        Ok(())
    }

    /// Tells Compliance about a change of investor `key` from `before` to
    /// `after`, only when a counted field changed and Compliance is set.
    #[inline(never)]
    fn notify(
        &mut self,
        key: B256,
        before: &InvestorRecord,
        after: &InvestorRecord,
    ) -> Result<(), DSError> {
        if !before.counters_differ(after) {
            return Ok(());
        }
        let Some(compliance) = self.service(service::COMPLIANCE) else {
            return Ok(());
        };
        let now = self.now();
        let (old_info, new_info) = (before.party_info(now).pack(), after.party_info(now).pack());
        let call = Call::new_mutating(self);
        IComplianceHooks::new(compliance)
            .on_investor_info_changed(self.vm(), call, key, old_info, new_info)
            .map_err(|_| DSError::service_call_failed(service::COMPLIANCE, compliance))
    }
}

#[cfg(test)]
mod tests;
