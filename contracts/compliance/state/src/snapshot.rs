//! Loading what a check needs: one Registry call, then this contract's slots.

use alloc::{string::String, vec::Vec};
use alloy_primitives::{Address, B256, U256};
use ds_common::{
    consumer::service_set,
    errors::NotAnInvestor,
    ids::{region, service},
    interfaces::{IDSTokenBalances, IRegistryService},
    party::PartyInfo,
    DSError,
};
use ds_rules::{
    category::{Counts, Delta},
    config::{uint_rule, Config},
    issuance::IssuanceCheck,
    locks::{Issuance, Lock},
    transfer::{needs_counts, InvestorState, Party, TransferCheck},
};
use stylus_sdk::prelude::*;

use crate::{
    layout::{self, InvestorWord, RULE_SLOTS, SLOT_AUTHORIZED, SLOT_B, SLOT_REGISTRY},
    ComplianceState,
};

/// Everything a transfer check reads, owned.
pub struct TransferSnapshot {
    /// Rules.
    pub config: Config,
    /// The global counters (default when the check does not need them).
    pub counts: Counts,
    /// EU retail counter of the receiver's country.
    pub eu_retail_to: u32,
    /// The sender.
    pub from: Party,
    /// The receiver.
    pub to: Party,
    /// The sender's investor key (zero for non-investor wallets).
    pub from_key: B256,
    /// The receiver's investor key (zero for non-investor wallets).
    pub to_key: B256,
    /// The sender's stored investor word.
    pub from_word: InvestorWord,
    /// The receiver's stored investor word.
    pub to_word: InvestorWord,
    /// Amount transferred.
    pub value: U256,
    /// The sending wallet's balance.
    pub from_balance: U256,
    /// The token is paused.
    pub paused: bool,
    /// The sender, the receiver (or the spender) is blacklisted.
    pub blacklisted: bool,
    /// Block time.
    pub now: u64,
    /// The sender's manual locks.
    pub locks: Vec<Lock>,
    /// The sender's issuance records (empty when no lock-up is set).
    pub issuances: Vec<Issuance>,
}

impl TransferSnapshot {
    /// The rules' view of the snapshot.
    pub fn check(&self) -> TransferCheck<'_> {
        TransferCheck {
            config: &self.config,
            counts: self.counts,
            eu_retail_to: self.eu_retail_to,
            from: self.from,
            to: self.to,
            same_investor: !self.from_key.is_zero() && self.from_key == self.to_key,
            value: self.value,
            from_wallet_balance: self.from_balance,
            paused: self.paused,
            blacklisted: self.blacklisted,
            now: self.now,
            from_locks: &self.locks,
            from_issuances: &self.issuances,
        }
    }

    /// The DS reason code.
    pub fn code(&self) -> u8 {
        self.check().check()
    }
}

impl ComplianceState {
    /// Wallet balance of `from`, the pause flag and `from`'s unfrozen
    /// balance, asked from the token.
    pub fn token_context(&self, from: Address) -> Result<(U256, bool, U256), DSError> {
        let token = self.services.require(service::DS_TOKEN)?;
        let client = IDSTokenBalances::new(token);
        let balance = client
            .balance_of(self.vm(), Call::new(), from)
            .map_err(|_| DSError::service_call_failed(service::DS_TOKEN, token))?;
        let paused = client
            .is_paused(self.vm(), Call::new())
            .map_err(|_| DSError::service_call_failed(service::DS_TOKEN, token))?;
        let frozen = client
            .get_frozen_tokens(self.vm(), Call::new(), from)
            .map_err(|_| DSError::service_call_failed(service::DS_TOKEN, token))?;
        Ok((balance, paused, balance.saturating_sub(frozen)))
    }

    /// The Registry, from rule slot H1 (the slot a check reads anyway).
    pub fn registry(&self) -> Result<Address, DSError> {
        service_set(
            layout::address_in(self.rule_slots.get(SLOT_REGISTRY)),
            service::REGISTRY,
        )
    }

    /// Investor keys and packed infos of two wallets (one Registry call).
    pub fn parties(
        &self,
        from: Address,
        to: Address,
    ) -> Result<(B256, PartyInfo, B256, PartyInfo), DSError> {
        let registry = self.registry()?;
        let (fk, fi, tk, ti) = IRegistryService::new(registry)
            .get_transfer_parties(self.vm(), Call::new(), from, to)
            .map_err(|_| DSError::service_call_failed(service::REGISTRY, registry))?;
        Ok((fk, PartyInfo::unpack(fi), tk, PartyInfo::unpack(ti)))
    }

    /// Investor key and info of one wallet (one Registry call).
    pub fn party_info(&self, wallet: Address) -> Result<(B256, PartyInfo), DSError> {
        let registry = self.registry()?;
        let (key, info) = IRegistryService::new(registry)
            .get_party(self.vm(), Call::new(), wallet)
            .map_err(|_| DSError::service_call_failed(service::REGISTRY, registry))?;
        Ok((key, PartyInfo::unpack(info)))
    }

    /// The investor id of `wallet` as the Registry keeps it (for the DS
    /// events that name the investor).
    pub fn investor_id_of(&self, wallet: Address) -> Result<String, DSError> {
        let registry = self.registry()?;
        IRegistryService::new(registry)
            .get_investor(self.vm(), Call::new(), wallet)
            .map_err(|_| DSError::service_call_failed(service::REGISTRY, registry))
    }

    /// The investor key of `wallet`, which must belong to an investor.
    pub fn investor_of(&self, wallet: Address) -> Result<(B256, PartyInfo), DSError> {
        let (key, info) = self.party_info(wallet)?;
        if !info.is_investor || key.is_zero() {
            return Err(DSError::NotAnInvestor(NotAnInvestor { wallet }));
        }
        Ok((key, info))
    }

    /// The rules' party for a registry answer, with its stored word.
    pub fn party_of(&self, key: B256, info: PartyInfo) -> (Party, InvestorWord) {
        let word = if info.is_investor && !key.is_zero() {
            InvestorWord::decode(self.investors.get(key))
        } else {
            InvestorWord::default()
        };
        let party = Party {
            info,
            region: self.region_of(info.country),
            state: word.state,
        };
        (party, word)
    }

    /// Key, party and word of one wallet.
    pub fn load_party(&self, wallet: Address) -> Result<(B256, Party, InvestorWord), DSError> {
        let (key, info) = self.party_info(wallet)?;
        let (party, word) = self.party_of(key, info);
        Ok((key, party, word))
    }

    /// Loads everything a transfer check needs.
    pub fn transfer_snapshot(
        &self,
        from: Address,
        to: Address,
        value: U256,
        from_balance: U256,
        paused: bool,
    ) -> Result<TransferSnapshot, DSError> {
        let (from_key, from_info, to_key, to_info) = self.parties(from, to)?;
        let (from_party, from_word) = self.party_of(from_key, from_info);
        let (to_party, to_word) = self.party_of(to_key, to_info);
        let config = self.config(false);
        let locks = self.load_locks(from_key, from_word.locks);
        // Each issuance keeps the lock-up of the residency it was issued
        // under (audit M-4): either period may bind.
        let lock_ups =
            config.num(uint_rule::US_LOCK_PERIOD) | config.num(uint_rule::NON_US_LOCK_PERIOD);
        let issuances = if lock_ups == 0 {
            Vec::new()
        } else {
            self.load_issuances(from_key, from_word.issuances)
        };
        let same_investor = !from_key.is_zero() && from_key == to_key;
        let (counts, eu_retail_to) = if needs_counts(&from_party, &to_party, value, same_investor) {
            (self.load_counts(), self.eu_retail_of(&to_party))
        } else {
            (Counts::default(), 0)
        };
        Ok(TransferSnapshot {
            counts,
            eu_retail_to,
            blacklisted: self.is_blacklisted(from) || self.is_blacklisted(to),
            config,
            from: from_party,
            to: to_party,
            from_key,
            to_key,
            from_word,
            to_word,
            value,
            from_balance,
            paused,
            now: self.vm().block_timestamp(),
            locks,
            issuances,
        })
    }

    /// The DS reason code of an issuance of `value` to `to` now.
    pub fn issuance_code(&self, to: Address, value: U256) -> Result<u8, DSError> {
        let config = self.config(false);
        let (_, party, _) = self.load_party(to)?;
        Ok(IssuanceCheck {
            config: &config,
            counts: self.load_counts(),
            eu_retail_to: self.eu_retail_of(&party),
            to: party,
            value,
            blacklisted: self.is_blacklisted(to),
        }
        .check())
    }

    /// All five rule slots.
    pub fn rule_slots_all(&self) -> [U256; RULE_SLOTS as usize] {
        core::array::from_fn(|i| self.rule_slots.get(i as u8))
    }

    /// Writes back the rule slots that changed.
    pub fn store_rule_slots(&mut self, slots: &[U256; RULE_SLOTS as usize]) {
        for (i, word) in slots.iter().enumerate() {
            if self.rule_slots.get(i as u8) != *word {
                self.rule_slots.insert(i as u8, *word);
            }
        }
    }

    /// The configuration, reading only the slots that hold something
    /// (and the authorized-securities slot only when asked).
    pub fn config(&self, with_authorized: bool) -> Config {
        let mut slots = [U256::ZERO; RULE_SLOTS as usize];
        slots[0] = self.rule_slots.get(0);
        slots[1] = self.rule_slots.get(1);
        slots[2] = self.rule_slots.get(2);
        for slot in [3u8, 4] {
            if layout::needs_slot(slots[1], slot) {
                slots[slot as usize] = self.rule_slots.get(slot);
            }
        }
        if with_authorized {
            slots[SLOT_AUTHORIZED as usize] = self.rule_slots.get(SLOT_AUTHORIZED);
        }
        layout::decode_config(&slots)
    }

    /// Whether `wallet` is blacklisted (no read while nobody is).
    pub fn is_blacklisted(&self, wallet: Address) -> bool {
        layout::blacklist_count(self.rule_slots.get(SLOT_B)) != 0 && self.blacklist.get(wallet)
    }

    /// The global counters.
    pub fn load_counts(&self) -> Counts {
        layout::decode_counts(self.counts.get())
    }

    /// Compliance region of a packed country code.
    pub fn region_of(&self, country: u32) -> u8 {
        if country == 0 {
            return region::NONE;
        }
        self.regions.get(country).to()
    }

    /// The EU retail counter relevant to a receiver (read only for EU receivers).
    pub fn eu_retail_of(&self, party: &Party) -> u32 {
        if party.region == region::EU {
            layout::decode_eu_retail(self.eu_retail.get(party.info.country))
        } else {
            0
        }
    }

    /// Applies a counter change (a broken invariant saturates rather than wraps).
    pub fn apply_delta(&mut self, delta: &Delta) {
        if *delta == Delta::default() {
            return;
        }
        let counts = self.load_counts();
        let apply = |c: u32, d: i64| {
            ds_rules::category::add(c, d).unwrap_or(if d < 0 { 0 } else { u32::MAX })
        };
        let next = Counts {
            total: apply(counts.total, delta.total),
            accredited: apply(counts.accredited, delta.accredited),
            us: apply(counts.us, delta.us),
            us_accredited: apply(counts.us_accredited, delta.us_accredited),
            jp: apply(counts.jp, delta.jp),
        };
        if next != counts {
            self.counts.set(layout::encode_counts(&next));
        }
        for (country, d) in delta.eu_retail {
            if d != 0 {
                let current = layout::decode_eu_retail(self.eu_retail.get(country));
                self.eu_retail
                    .insert(country, layout::encode_eu_retail(apply(current, d)));
            }
        }
    }

    /// Stores an investor's new rule state when it changed.
    pub fn store_investor(&mut self, key: B256, word: &InvestorWord, state: InvestorState) {
        if key.is_zero() || word.state == state {
            return;
        }
        self.write_investor(key, &InvestorWord { state, ..*word });
    }

    /// Writes an investor word.
    pub fn write_investor(&mut self, key: B256, word: &InvestorWord) {
        if key.is_zero() {
            return;
        }
        self.investors.insert(key, word.encode());
    }
}
