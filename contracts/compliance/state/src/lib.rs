//! Storage and shared steps of the DS Compliance service.
//!
//! The Compliance entry program (`ds-compliance`: the transfer path and the
//! [`router`]) and its facets (`ds-compliance-views`, `-admin`, `-rules`,
//! run by delegatecall) all embed [`ComplianceState`] as their only field,
//! so they address the same slots. Storage packing: see [`layout`].
extern crate alloc;

pub mod events;
pub mod layout;
pub mod locks;
pub mod router;
pub mod snapshot;

use alloc::{string::String, vec::Vec};
use alloy_primitives::{Address, FixedBytes, B256, U256};
use ds_common::{
    consumer::{service_set, ServiceRegistry},
    errors::{InvalidCountry, InvalidCountryStatus, OnlyToken, RuleValueOutOfRange, UnknownRule},
    ids::{region, role, service},
    party::{country_code, investor_key},
    DSError,
};
use ds_rules::{
    config::{self, ConfigError},
    issuance::{addition_effects, removal_effects},
};
use stylus_sdk::{
    prelude::*,
    storage::{StorageBool, StorageMap, StorageU256, StorageU64, StorageU8},
};

use events::*;
use layout::InvestorWord;

/// An investor-level switch of the lock manager.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InvestorFlag {
    /// Fully locked: nothing transferable.
    Locked,
    /// May only sell (refused as a receiver).
    LiquidateOnly,
}

/// Roles that configure compliance, locks and the blacklist (DS: transfer agent or above).
pub const CONFIGURERS: &[u8] = role::TRANSFER_AGENT_OR_ABOVE;

/// Storage of the Compliance service, shared by the contract and its admin facet.
#[storage]
pub struct ComplianceState {
    /// Where the other DS services live.
    pub services: ServiceRegistry,
    /// Packed rule slots A–E (see [`layout`]).
    pub rule_slots: StorageMap<u8, StorageU256>,
    /// Packed global counters.
    pub counts: StorageU256,
    /// EU retail investor counter per packed country code (see [`layout`]).
    pub eu_retail: StorageMap<u32, StorageU256>,
    /// Compliance status (region) per packed country code.
    pub regions: StorageMap<u32, StorageU8>,
    /// Packed investor word per investor key.
    pub investors: StorageMap<B256, StorageU256>,
    /// Packed manual locks per investor, by index.
    pub locks: StorageMap<B256, StorageMap<u8, StorageU256>>,
    /// Reason strings of the manual locks.
    pub lock_reasons: StorageMap<B256, StorageMap<u8, ds_common::text::StorageText>>,
    /// Packed issuance records per investor, by index.
    pub issuances: StorageMap<B256, StorageMap<u8, StorageU256>>,
    /// Blacklisted wallets.
    pub blacklist: StorageMap<Address, StorageBool>,
    /// The router's table: the facet (service id) that serves each selector
    /// the entry program does not ([`router`]).
    pub routes: StorageMap<FixedBytes<4>, StorageU64>,
}

/// Index `index` as a rule index below `bound`, or [`UnknownRule`].
pub fn rule_index(index: U256, bound: usize) -> Result<usize, DSError> {
    usize::try_from(index)
        .ok()
        .filter(|i| *i < bound)
        .ok_or(DSError::UnknownRule(UnknownRule { index }))
}

/// Refuses a value outside the range of numeric rule `i`.
pub fn validate_rule(i: usize, value: U256) -> Result<(), DSError> {
    config::validate_uint(i, value).map_err(|e| match e {
        ConfigError::UnknownRule(i) => DSError::UnknownRule(UnknownRule {
            index: U256::from(i),
        }),
        ConfigError::OutOfRange(i) => DSError::RuleValueOutOfRange(RuleValueOutOfRange {
            index: U256::from(i),
            value,
        }),
    })
}

/// Parses a country and its compliance status.
pub fn validate_country(country: &str, value: U256) -> Result<(u32, u8), DSError> {
    let code = country_code(country).ok_or_else(|| {
        DSError::InvalidCountry(InvalidCountry {
            country: country.into(),
        })
    })?;
    let status = u8::try_from(value)
        .ok()
        .filter(|s| {
            matches!(
                *s,
                region::NONE | region::US | region::EU | region::FORBIDDEN | region::JP
            )
        })
        .ok_or(DSError::InvalidCountryStatus(InvalidCountryStatus {
            value,
        }))?;
    Ok((code, status))
}

/// Shared steps of the contract and its admin facet.
impl ComplianceState {
    /// Runs `calldata` in facet `facet_id` (a registered service) by
    /// delegatecall on this storage, returning or reverting with its data.
    pub fn delegate_to_facet(&mut self, facet_id: u64, calldata: &[u8]) -> stylus_sdk::ArbResult {
        self.services.delegate_to(facet_id, calldata)
    }

    /// Registers service `id` at `address` (master only) and keeps the
    /// token and registry addresses in rule slots H0 / H1 as well.
    pub fn set_service(&mut self, id: U256, address: Address) -> Result<bool, DSError> {
        let done = self.services.set_by_master(id, address)?;
        let slot = if id == U256::from(service::DS_TOKEN) {
            layout::SLOT_TOKEN
        } else if id == U256::from(service::REGISTRY) {
            layout::SLOT_REGISTRY
        } else {
            return Ok(done);
        };
        let word = self.rule_slots.get(slot);
        self.rule_slots
            .insert(slot, layout::with_address(word, address));
        Ok(done)
    }

    /// The stored word of investor `key`.
    pub fn investor_word(&self, key: B256) -> InvestorWord {
        InvestorWord::decode(self.investors.get(key))
    }

    /// Refuses any caller but the registered DS token (its address is kept
    /// in rule slot H0, which a check reads anyway).
    pub fn only_token(&self) -> Result<(), DSError> {
        let sender = self.vm().msg_sender();
        let token = layout::address_in(self.rule_slots.get(layout::SLOT_TOKEN));
        if sender != service_set(token, service::DS_TOKEN)? {
            return Err(DSError::OnlyToken(OnlyToken { caller: sender }));
        }
        Ok(())
    }

    /// The sender, when Trust gives it a configuring role (master or
    /// transfer agent), else [`DSError::UnauthorizedCaller`].
    pub fn require_configurer(&self) -> Result<Address, DSError> {
        let sender = self.vm().msg_sender();
        self.services.require_role(sender, CONFIGURERS)?;
        Ok(sender)
    }

    /// Sets uint rule `i` to `value` and emits `DSComplianceUIntRuleSet`.
    pub fn write_uint_rule(&mut self, i: usize, value: U256) {
        let mut slots = self.rule_slots_all();
        let previous = layout::decode_config(&slots).uints[i];
        layout::encode_uint(&mut slots, i, value);
        self.store_rule_slots(&slots);
        self.vm().log(DSComplianceUIntRuleSet {
            ruleName: String::from(ds_rules::config::UINT_RULE_NAMES[i]),
            prevValue: previous,
            newValue: value,
        });
    }

    /// Sets bool rule `i` to `value` and emits `DSComplianceBoolRuleSet`.
    pub fn write_bool_rule(&mut self, i: usize, value: bool) {
        let mut slots = self.rule_slots_all();
        let previous = layout::decode_config(&slots).bools[i];
        layout::encode_bool(&mut slots, i, value);
        self.store_rule_slots(&slots);
        self.vm().log(DSComplianceBoolRuleSet {
            ruleName: String::from(ds_rules::config::BOOL_RULE_NAMES[i]),
            prevValue: previous,
            newValue: value,
        });
    }

    /// Sets the compliance status of `country` (packed `code`) and emits
    /// `DSComplianceStringToUIntMapRuleSet`.
    pub fn write_region(&mut self, country: &str, code: u32, status: u8) {
        let previous = self.region_of(code);
        self.regions
            .setter(code)
            .set(alloy_primitives::aliases::U8::from(status));
        // Allocate the country's EU retail counter now, so that the first
        // retail investor of the country does not pay for a fresh slot.
        if status == region::EU && self.eu_retail.get(code).is_zero() {
            self.eu_retail.insert(code, layout::encode_eu_retail(0));
        }
        self.vm().log(DSComplianceStringToUIntMapRuleSet {
            ruleName: String::from("countryCompliance"),
            keyValue: country.into(),
            prevValue: U256::from(previous),
            newValue: U256::from(status),
        });
    }

    /// Adds `wallet` to (or removes it from) the blacklist (configurers
    /// only) and emits `WalletBlacklisted` / `WalletUnblacklisted`.
    pub fn set_blacklisted(&mut self, wallet: Address, listed: bool) -> Result<bool, DSError> {
        let sender = self.require_configurer()?;
        if wallet.is_zero() {
            return Err(DSError::zero_address());
        }
        if self.blacklist.get(wallet) == listed {
            return Ok(true);
        }
        self.blacklist.insert(wallet, listed);
        let slot_b = self.rule_slots.get(layout::SLOT_B);
        let count = layout::blacklist_count(slot_b);
        let count = if listed {
            count.saturating_add(1)
        } else {
            count.saturating_sub(1)
        };
        self.rule_slots
            .insert(layout::SLOT_B, layout::with_blacklist_count(slot_b, count));
        if listed {
            self.vm().log(WalletBlacklisted { wallet, sender });
        } else {
            self.vm().log(WalletUnblacklisted { wallet, sender });
        }
        Ok(true)
    }

    /// Sets an investor flag (liquidate-only, full lock) of `investor_id`
    /// (configurers only) and emits its DS event (`InvestorLiquidateOnlySet`,
    /// `InvestorFullyLocked` / `InvestorFullyUnlocked`).
    pub fn set_investor_flag(
        &mut self,
        investor_id: String,
        flag: InvestorFlag,
        value: bool,
    ) -> Result<bool, DSError> {
        self.require_configurer()?;
        let key = investor_key(&investor_id);
        let mut word = InvestorWord::decode(self.investors.get(key));
        match flag {
            InvestorFlag::LiquidateOnly => {
                word.state.liquidate_only = value;
                self.vm().log(InvestorLiquidateOnlySet {
                    investorId: investor_id,
                    enabled: value,
                });
            }
            InvestorFlag::Locked => {
                word.state.locked = value;
                if value {
                    self.vm().log(InvestorFullyLocked {
                        investorId: investor_id,
                    });
                } else {
                    self.vm().log(InvestorFullyUnlocked {
                        investorId: investor_id,
                    });
                }
            }
        }
        self.write_investor(key, &word);
        Ok(true)
    }

    /// Records that `value` left investor `key` by burn or seize: its
    /// balance, counters and trimmed issuance records.
    pub fn record_removal(
        &mut self,
        key: B256,
        party: &ds_rules::Party,
        word: &InvestorWord,
        value: U256,
    ) {
        if !party.info.is_investor {
            return;
        }
        let (state, delta) = removal_effects(party, value);
        let mut word = InvestorWord { state, ..*word };
        // Audit L-11: issuance records never exceed what the investor still holds.
        word.issuances = self.trim_issuances(key, word.issuances, state.balance);
        self.write_investor(key, &word);
        self.apply_delta(&delta);
    }

    /// Records `value` received by `party` outside the transfer rules
    /// (forced transfer to an investor).
    pub fn record_addition(
        &mut self,
        key: B256,
        party: &ds_rules::Party,
        word: &InvestorWord,
        value: U256,
    ) {
        if !party.info.is_investor {
            return;
        }
        let (state, delta) = addition_effects(party, value);
        self.write_investor(key, &InvestorWord { state, ..*word });
        self.apply_delta(&delta);
    }
}
