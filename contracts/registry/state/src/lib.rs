//! Storage and shared steps of the DS Registry service.
//!
//! The Registry entry program (`ds-registry`: the transfer-time party views
//! Compliance calls, every other view, the DS constant getters) and its
//! admin facet (`ds-registry-admin`: the investor, wallet, attribute and
//! special-wallet setters, run by delegatecall) both embed
//! [`RegistryState`] as their only field, so they address the same slots.
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
extern crate alloc;

pub mod events;
pub mod input;
pub mod layout;
mod parties;

use alloc::{string::String, vec::Vec};
use alloy_primitives::{Address, B256, U256};
use ds_common::{
    consumer::ServiceRegistry,
    errors::{InvestorNotFound, NotInvestorCreator},
    ids::{role, service},
    party, DSError,
};
use stylus_sdk::{
    prelude::*,
    storage::{StorageAddress, StorageArray, StorageB256, StorageMap},
};

use ds_common::text::StorageText;
use layout::{attribute_index, InvestorRecord, WalletEntry, ATTRIBUTE_COUNT};

pub use ds_common::ids::role::{
    EXCHANGE_OR_ABOVE, ISSUER_OR_ABOVE, ISSUER_OR_TRANSFER_AGENT_OR_ABOVE,
};

/// Full details of an investor: country, the 4 attribute values and expiries
/// (by attribute index), and the 4 proof hashes.
pub type InvestorDetailsFull = (String, Vec<U256>, Vec<U256>, String, String, String, String);

/// What the Registry keeps about one investor besides its record word.
#[storage]
pub struct Investor {
    /// Who registered the investor (creator check for exchanges).
    pub creator: StorageAddress,
    /// The investor id.
    pub id: StorageText,
    /// The collision hash given at registration.
    pub collision_hash: StorageText,
    /// Proof hash of each attribute, by attribute index.
    pub proof_hashes: StorageArray<StorageText, ATTRIBUTE_COUNT>,
}

/// Storage of the Registry, shared by the entry program and its admin facet.
/// The field order is the storage layout (pinned by `tests/tests/layout.rs`).
#[storage]
pub struct RegistryState {
    /// Where the other DS services live (and the admin facet, under
    /// `REGISTRY_ADMIN_FACET`).
    pub services: ServiceRegistry,
    /// Wallet word of every wallet (see [`layout::WalletEntry`]).
    pub wallets: StorageMap<Address, StorageB256>,
    /// Packed [`InvestorRecord`] of every investor, by key
    /// (`party::investor_key(id)`): the only investor slot on the transfer path.
    pub records: StorageMap<B256, StorageB256>,
    /// Creator and strings of every investor, by key.
    pub investors: StorageMap<B256, Investor>,
    /// Owner exchange of each exchange special wallet (kept as DS does).
    pub exchange_owners: StorageMap<Address, StorageAddress>,
}

impl RegistryState {
    /// Runs `calldata` in the admin facet by one delegatecall on this
    /// storage ([`DSError::ServiceNotSet`] when the facet is not registered).
    pub fn delegate_to_admin(&mut self, calldata: &[u8]) -> stylus_sdk::ArbResult {
        self.services
            .delegate_to(service::REGISTRY_ADMIN_FACET, calldata)
    }

    /// The sender and its role, if the role is one of `allowed`.
    pub fn authorize(&self, allowed: &[u8]) -> Result<(Address, u8), DSError> {
        let sender = self.vm().msg_sender();
        let role = self.services.require_role(sender, allowed)?;
        Ok((sender, role))
    }

    /// The current block time in seconds.
    pub fn now(&self) -> u64 {
        self.vm().block_timestamp()
    }

    /// The decoded wallet word of `wallet`.
    #[inline(never)]
    pub fn wallet_entry(&self, wallet: Address) -> WalletEntry {
        WalletEntry::decode(self.wallets.get(wallet))
    }

    /// The decoded investor word of `key` (default when unknown).
    #[inline(never)]
    pub fn record(&self, key: B256) -> InvestorRecord {
        InvestorRecord::unpack(self.records.get(key))
    }

    /// Stores the investor word of `key`.
    #[inline(never)]
    pub fn store_record(&mut self, key: B256, record: &InvestorRecord) {
        self.records.setter(key).set(record.pack());
    }

    /// The record of the registered investor `id` (validated), with its key.
    #[inline(never)]
    pub fn existing(&self, id: &str) -> Result<(B256, InvestorRecord), DSError> {
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
    pub fn changeable(&self, id: &str) -> Result<(Address, B256, InvestorRecord), DSError> {
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
    pub fn service(&self, id: u64) -> Option<Address> {
        let address = self.services.get(U256::from(id));
        (!address.is_zero()).then_some(address)
    }

    // ----- reads shared by the views ---------------------------------------

    /// The id and packed country of the investor of `wallet` ("", 0 when none).
    pub fn investor_of(&self, wallet: Address) -> (String, u32) {
        match self.wallet_entry(wallet) {
            WalletEntry::Investor(key) => (
                self.investors.getter(key).id.get_string(),
                self.record(key).country,
            ),
            _ => (String::new(), 0),
        }
    }

    /// The proof hash of a known attribute of `id` ("" otherwise).
    pub fn attribute_proof_hash(&self, id: &str, attribute_id: u8) -> String {
        attribute_index(attribute_id)
            .and_then(|i| {
                let investor = self.investors.getter(party::investor_key(id));
                investor.proof_hashes.getter(i).map(|p| p.get_string())
            })
            .unwrap_or_default()
    }

    /// The record of `id` and the index of `attribute_id`, if the id is known.
    pub fn attribute_of(&self, id: &str, attribute_id: u8) -> Option<(InvestorRecord, usize)> {
        let index = attribute_index(attribute_id)?;
        Some((self.record(party::investor_key(id)), index))
    }

    /// Whether investor `key` holds `attribute_id` approved and unexpired now.
    pub fn is_effective(&self, key: B256, attribute_id: u8) -> bool {
        self.record(key).is_effective(attribute_id, self.now())
    }

    /// [`Self::is_effective`] for the investor of `wallet` (false otherwise).
    pub fn wallet_is_effective(&self, wallet: Address, attribute_id: u8) -> bool {
        match self.wallet_entry(wallet) {
            WalletEntry::Investor(key) => self.is_effective(key, attribute_id),
            _ => false,
        }
    }

    /// Country, attribute values and expiries, and proof hashes of `id`.
    pub fn investor_details_full(&self, id: String) -> InvestorDetailsFull {
        let key = party::investor_key(&id);
        let record = self.record(key);
        let investor = self.investors.getter(key);
        let proof = |i: usize| {
            investor
                .proof_hashes
                .getter(i)
                .map(|p| p.get_string())
                .unwrap_or_default()
        };
        (
            party::country_string(record.country),
            record.statuses.iter().map(|&s| U256::from(s)).collect(),
            record.expiries.iter().map(|&e| U256::from(e)).collect(),
            proof(0),
            proof(1),
            proof(2),
            proof(3),
        )
    }
}
