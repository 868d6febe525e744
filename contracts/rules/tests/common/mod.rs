//! Builders shared by the rule tests.
#![allow(dead_code)]

use alloy_primitives::U256;
use ds_common::{
    ids::{attribute, region, wallet_type},
    party::{country_code, PartyInfo},
};
use ds_rules::{
    category::Counts,
    config::Config,
    locks::{Issuance, Lock},
    transfer::{InvestorState, Party, TransferCheck},
};

pub fn u(v: u64) -> U256 {
    U256::from(v)
}

/// An investor of `country` in `region`, holding `balance` (counted if > 0).
pub fn investor(country: &str, region: u8, balance: u64) -> Party {
    let info = PartyInfo {
        wallet_type: wallet_type::NONE,
        is_investor: true,
        country: country_code(country).unwrap(),
        approved: 0,
        effective: 0,
    };
    let mut party = Party {
        info,
        region,
        state: InvestorState::default(),
    };
    party.state.balance = u(balance);
    if balance > 0 {
        party.state.counted = Some(party.category());
    }
    party
}

pub fn us(balance: u64) -> Party {
    investor("US", region::US, balance)
}
pub fn de(balance: u64) -> Party {
    investor("DE", region::EU, balance)
}
pub fn fr(balance: u64) -> Party {
    investor("FR", region::EU, balance)
}
pub fn jp(balance: u64) -> Party {
    investor("JP", region::JP, balance)
}
pub fn il(balance: u64) -> Party {
    investor("IL", region::NONE, balance)
}

/// Marks `party` accredited (stored and effective) and refreshes its category.
pub fn accredited(mut party: Party) -> Party {
    party.info.approved |= attribute::ACCREDITED;
    party.info.effective |= attribute::ACCREDITED;
    if party.state.counted.is_some() {
        party.state.counted = Some(party.category());
    }
    party
}

/// Marks `party` qualified (stored and effective).
pub fn qualified(mut party: Party) -> Party {
    party.info.approved |= attribute::QUALIFIED;
    party.info.effective |= attribute::QUALIFIED;
    if party.state.counted.is_some() {
        party.state.counted = Some(party.category());
    }
    party
}

pub fn platform() -> Party {
    Party {
        info: PartyInfo {
            wallet_type: wallet_type::PLATFORM,
            ..Default::default()
        },
        ..Default::default()
    }
}

pub fn issuer_wallet() -> Party {
    Party {
        info: PartyInfo {
            wallet_type: wallet_type::ISSUER,
            ..Default::default()
        },
        ..Default::default()
    }
}

pub fn unknown_wallet() -> Party {
    Party::default()
}

/// A transfer scenario with owned data, turned into a [`TransferCheck`].
#[derive(Clone, Debug)]
pub struct Scenario {
    pub config: Config,
    pub counts: Counts,
    pub eu_retail_to: u32,
    pub from: Party,
    pub to: Party,
    pub same_investor: bool,
    pub value: U256,
    pub from_wallet_balance: U256,
    pub paused: bool,
    pub blacklisted: bool,
    pub now: u64,
    pub locks: Vec<Lock>,
    pub issuances: Vec<Issuance>,
}

impl Scenario {
    /// `value` from `from` (whose wallet holds its whole balance) to `to`,
    /// with counters matching the two parties, at time 1,000,000, DS defaults
    /// except the flowback block (opened so unrelated tests are not refused).
    pub fn new(from: Party, to: Party, value: u64) -> Self {
        let mut config = Config::default();
        config.uints[ds_rules::config::uint_rule::BLOCK_FLOWBACK_END_TIME] = u(1);
        let mut s = Scenario {
            config,
            counts: Counts::default(),
            eu_retail_to: 0,
            from,
            to,
            same_investor: false,
            value: u(value),
            from_wallet_balance: from.state.balance,
            paused: false,
            blacklisted: false,
            now: 1_000_000,
            locks: vec![],
            issuances: vec![],
        };
        s.recount();
        s
    }

    /// Sets the counters to what the two parties alone imply.
    pub fn recount(&mut self) {
        let mut delta = ds_rules::Delta::default();
        for p in [&self.from, &self.to] {
            if let Some(c) = p.state.counted {
                delta.count(&c, 1);
            }
        }
        self.counts = Counts::default().apply(&delta).unwrap();
        self.eu_retail_to = if self.to.category().is_eu_retail() {
            delta.eu_retail_of(self.to.info.country).max(0) as u32
        } else {
            0
        };
    }

    pub fn uint(mut self, rule: usize, value: u64) -> Self {
        self.config.uints[rule] = u(value);
        self
    }

    pub fn flag(mut self, rule: usize) -> Self {
        self.config.bools[rule] = true;
        self
    }

    pub fn check(&self) -> TransferCheck<'_> {
        TransferCheck {
            config: &self.config,
            counts: self.counts,
            eu_retail_to: self.eu_retail_to,
            from: self.from,
            to: self.to,
            same_investor: self.same_investor,
            value: self.value,
            from_wallet_balance: self.from_wallet_balance,
            paused: self.paused,
            blacklisted: self.blacklisted,
            now: self.now,
            from_locks: &self.locks,
            from_issuances: &self.issuances,
        }
    }

    pub fn code(&self) -> u8 {
        self.check().check()
    }
}
