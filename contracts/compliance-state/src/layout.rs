//! Storage packing of the Compliance service.
//!
//! A transfer check reads: the token and registry addresses, rule slots A
//! and B (C and D only when non-zero), the counters, two country statuses and
//! two investor words — each one slot.
//!
//! Rule slots (numeric rules by wire index, see `ds_rules::config`):
//!
//! | slot | content |
//! |---|---|
//! | A (0) | 7 count limits × u32, US percentage u8 @224, 5 bools @232, "C non-zero" @237, "D non-zero" @238 |
//! | B (1) | flowback end, non-US lock, US lock × u64; blacklisted wallet count u32 @192 |
//! | C (2) | min US tokens u128, min EU tokens u128 |
//! | D (3) | min holding u128, max holding u128 |
//! | E (4) | authorized securities u128 (read by issuance only) |
//!
//! Investor word: balance u128 | category u48 @128 | counted @176 | locked
//! @177 | liquidate-only @178 | lock count u8 @184 | issuance count u8 @192.
//! Lock record: value u128 | release time u64 @128 | reason code u64 @192.
//! Issuance record: value u128 | time u64 @128.

use alloy_primitives::U256;
use ds_common::bits::{field as get, with_field as set};
use ds_rules::{
    category::{Category, Counts},
    config::{uint_rule as r, Config, BOOL_RULES, UINT_RULES},
    locks::{Issuance, Lock},
    transfer::InvestorState,
};

/// Number of rule slots.
pub const RULE_SLOTS: u8 = 5;
/// Slot holding the authorized securities cap.
pub const SLOT_AUTHORIZED: u8 = 4;

/// Where numeric rule `i` lives: (slot, bit offset, bit width).
pub const UINT_LAYOUT: [(u8, usize, usize); UINT_RULES] = {
    let mut layout = [(0u8, 0usize, 0usize); UINT_RULES];
    layout[r::TOTAL_INVESTORS_LIMIT] = (0, 0, 32);
    layout[r::US_INVESTORS_LIMIT] = (0, 32, 32);
    layout[r::US_ACCREDITED_INVESTORS_LIMIT] = (0, 64, 32);
    layout[r::NON_ACCREDITED_INVESTORS_LIMIT] = (0, 96, 32);
    layout[r::MINIMUM_TOTAL_INVESTORS] = (0, 128, 32);
    layout[r::EU_RETAIL_INVESTORS_LIMIT] = (0, 160, 32);
    layout[r::JP_INVESTORS_LIMIT] = (0, 192, 32);
    layout[r::MAX_US_INVESTORS_PERCENTAGE] = (0, 224, 8);
    layout[r::BLOCK_FLOWBACK_END_TIME] = (1, 0, 64);
    layout[r::NON_US_LOCK_PERIOD] = (1, 64, 64);
    layout[r::US_LOCK_PERIOD] = (1, 128, 64);
    layout[r::MIN_US_TOKENS] = (2, 0, 128);
    layout[r::MIN_EU_TOKENS] = (2, 128, 128);
    layout[r::MINIMUM_HOLDINGS_PER_INVESTOR] = (3, 0, 128);
    layout[r::MAXIMUM_HOLDINGS_PER_INVESTOR] = (3, 128, 128);
    layout[r::AUTHORIZED_SECURITIES] = (4, 0, 128);
    layout
};
const BOOLS_AT: usize = 232;
const C_NONZERO_AT: usize = 237;
const D_NONZERO_AT: usize = 238;
const BLACKLIST_COUNT_AT: usize = 192;

fn bit(word: U256, at: usize) -> bool {
    word.bit(at)
}

/// Decodes the rule slots into a [`Config`]. Missing slots read as zero.
pub fn decode_config(slots: &[U256; RULE_SLOTS as usize]) -> Config {
    let mut config = Config::default();
    for (i, (slot, at, width)) in UINT_LAYOUT.iter().enumerate() {
        config.uints[i] = get(slots[*slot as usize], *at, *width);
    }
    for i in 0..BOOL_RULES {
        config.bools[i] = bit(slots[0], BOOLS_AT + i);
    }
    config
}

/// Writes numeric rule `index` into the slots, keeping the non-zero flags.
pub fn encode_uint(slots: &mut [U256; RULE_SLOTS as usize], index: usize, value: U256) {
    let (slot, at, width) = UINT_LAYOUT[index];
    slots[slot as usize] = set(slots[slot as usize], at, width, value);
    refresh_flags(slots);
}

/// Writes boolean rule `index` into slot A.
pub fn encode_bool(slots: &mut [U256; RULE_SLOTS as usize], index: usize, value: bool) {
    slots[0] = set(slots[0], BOOLS_AT + index, 1, U256::from(value));
}

fn refresh_flags(slots: &mut [U256; RULE_SLOTS as usize]) {
    slots[0] = set(slots[0], C_NONZERO_AT, 1, U256::from(!slots[2].is_zero()));
    slots[0] = set(slots[0], D_NONZERO_AT, 1, U256::from(!slots[3].is_zero()));
}

/// Whether slot C / D must be read (they hold a non-zero rule).
pub fn needs_slot(slot_a: U256, slot: u8) -> bool {
    match slot {
        2 => bit(slot_a, C_NONZERO_AT),
        3 => bit(slot_a, D_NONZERO_AT),
        _ => true,
    }
}

/// Number of blacklisted wallets, kept in slot B.
pub fn blacklist_count(slot_b: U256) -> u32 {
    get(slot_b, BLACKLIST_COUNT_AT, 32).to()
}

/// Slot B with the blacklisted wallet count replaced.
pub fn with_blacklist_count(slot_b: U256, count: u32) -> U256 {
    set(slot_b, BLACKLIST_COUNT_AT, 32, U256::from(count))
}

/// Packs the counters (5 × u32).
pub fn encode_counts(c: &Counts) -> U256 {
    [c.total, c.accredited, c.us, c.us_accredited, c.jp]
        .iter()
        .enumerate()
        .fold(U256::ZERO, |w, (i, v)| set(w, i * 32, 32, U256::from(*v)))
}

/// Inverse of [`encode_counts`].
pub fn decode_counts(w: U256) -> Counts {
    let f = |i: usize| get(w, i * 32, 32).to::<u32>();
    Counts {
        total: f(0),
        accredited: f(1),
        us: f(2),
        us_accredited: f(3),
        jp: f(4),
    }
}

/// An investor word, unpacked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InvestorWord {
    /// What the rules see.
    pub state: InvestorState,
    /// Number of manual locks.
    pub locks: u8,
    /// Number of issuance records.
    pub issuances: u8,
}

impl InvestorWord {
    /// Unpacks a stored word.
    pub fn decode(w: U256) -> Self {
        let counted = bit(w, 176);
        Self {
            state: InvestorState {
                balance: get(w, 0, 128),
                counted: counted.then(|| Category::unpack(get(w, 128, 48).to())),
                locked: bit(w, 177),
                liquidate_only: bit(w, 178),
            },
            locks: get(w, 184, 8).to(),
            issuances: get(w, 192, 8).to(),
        }
    }

    /// Packs the word. Balances are bounded to u128 by the token.
    pub fn encode(&self) -> U256 {
        let s = &self.state;
        let mut w = set(U256::ZERO, 0, 128, s.balance);
        if let Some(c) = s.counted {
            w = set(w, 128, 48, U256::from(c.pack()));
            w = set(w, 176, 1, U256::from(1));
        }
        w = set(w, 177, 1, U256::from(s.locked));
        w = set(w, 178, 1, U256::from(s.liquidate_only));
        w = set(w, 184, 8, U256::from(self.locks));
        set(w, 192, 8, U256::from(self.issuances))
    }
}

/// A stored manual lock: the rule view plus its reason code.
pub fn encode_lock(lock: &Lock, reason_code: u64) -> U256 {
    let w = set(U256::ZERO, 0, 128, lock.value);
    let w = set(w, 128, 64, U256::from(lock.release_time));
    set(w, 192, 64, U256::from(reason_code))
}

/// Inverse of [`encode_lock`].
pub fn decode_lock(w: U256) -> (Lock, u64) {
    let lock = Lock {
        value: get(w, 0, 128),
        release_time: get(w, 128, 64).to(),
    };
    (lock, get(w, 192, 64).to())
}

/// Packs an issuance record.
pub fn encode_issuance(i: &Issuance) -> U256 {
    set(
        set(U256::ZERO, 0, 128, i.value),
        128,
        64,
        U256::from(i.time),
    )
}

/// Inverse of [`encode_issuance`].
pub fn decode_issuance(w: U256) -> Issuance {
    Issuance {
        value: get(w, 0, 128),
        time: get(w, 128, 64).to(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_round_trips_through_its_slot() {
        let mut slots = [U256::ZERO; RULE_SLOTS as usize];
        let mut expected = Config::default();
        for (i, (_, _, width)) in UINT_LAYOUT.iter().enumerate() {
            let value = (U256::from(1) << (width - 1)) + U256::from(i);
            encode_uint(&mut slots, i, value);
            expected.uints[i] = value;
        }
        for i in 0..BOOL_RULES {
            encode_bool(&mut slots, i, i % 2 == 0);
            expected.bools[i] = i % 2 == 0;
        }
        assert_eq!(decode_config(&slots), expected);
        assert!(needs_slot(slots[0], 2) && needs_slot(slots[0], 3));
        encode_uint(&mut slots, r::MIN_US_TOKENS, U256::ZERO);
        encode_uint(&mut slots, r::MIN_EU_TOKENS, U256::ZERO);
        assert!(!needs_slot(slots[0], 2));
    }

    #[test]
    fn rules_do_not_overlap() {
        let mut slots = [U256::ZERO; RULE_SLOTS as usize];
        for i in 0..UINT_RULES {
            encode_uint(&mut slots, i, U256::MAX);
            let config = decode_config(&slots);
            for (j, (_, _, width)) in UINT_LAYOUT.iter().enumerate() {
                let want = if j <= i {
                    get(U256::MAX, 0, *width)
                } else {
                    U256::ZERO
                };
                assert_eq!(config.uints[j], want, "rule {j} after writing {i}");
            }
        }
        assert_eq!(decode_config(&slots).bools, [false; BOOL_RULES]);
        assert_eq!(blacklist_count(slots[1]), 0);
    }

    #[test]
    fn investor_word_round_trips() {
        let word = InvestorWord {
            state: InvestorState {
                balance: U256::from(u128::MAX),
                counted: Some(Category {
                    region: 2,
                    accredited: true,
                    qualified: false,
                    country: 0x444500,
                }),
                locked: true,
                liquidate_only: false,
            },
            locks: 7,
            issuances: 255,
        };
        assert_eq!(InvestorWord::decode(word.encode()), word);
        assert_eq!(InvestorWord::decode(U256::ZERO), InvestorWord::default());
    }

    #[test]
    fn records_and_counts_round_trip() {
        let lock = Lock {
            value: U256::from(5),
            release_time: u64::MAX,
        };
        assert_eq!(decode_lock(encode_lock(&lock, 77)), (lock, 77));
        let issuance = Issuance {
            value: U256::from(9),
            time: 1234,
        };
        assert_eq!(decode_issuance(encode_issuance(&issuance)), issuance);
        let counts = Counts {
            total: u32::MAX,
            accredited: 1,
            us: 2,
            us_accredited: 3,
            jp: 4,
        };
        assert_eq!(decode_counts(encode_counts(&counts)), counts);
        let b = with_blacklist_count(U256::from(42), 9);
        assert_eq!((blacklist_count(b), get(b, 0, 64)), (9, U256::from(42)));
    }
}
