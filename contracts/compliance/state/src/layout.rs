//! Storage packing of the Compliance service.
//!
//! A transfer check reads: rule slots H0, H1 and B (C and D only when
//! non-zero) — H0 and H1 also hold the token and registry addresses, so the
//! caller check and the Registry call cost no extra read —, the counters
//! (only when an investor joins or leaves), two country statuses and two
//! investor words: each one slot.
//!
//! Rule slots (numeric rules by wire index, see `ds_rules::config`):
//!
//! | slot | content |
//! |---|---|
//! | H0 (0) | token address @0, 4 count limits × u24 @160 (total, US, US accredited, non-accredited) |
//! | H1 (1) | registry address @0, 3 count limits × u24 @160 (minimum total, EU retail, JP), US percentage u8 @232, 5 bools @240, "C non-zero" @245, "D non-zero" @246 |
//! | B (2) | flowback end, non-US lock, US lock × u64; blacklisted wallet count u32 @192 |
//! | C (3) | min US tokens u128, min EU tokens u128 |
//! | D (4) | min holding u128, max holding u128 |
//! | E (5) | authorized securities u128 (read by issuance only) |
//!
//! Counters: 5 × u32, allocated @255. EU retail counter per country: u32,
//! allocated @255 (allocated when the country is given the EU status).
//! Investor word: balance u128 | category u48 @128 | counted @176 | locked
//! @177 | liquidate-only @178 | lock count u8 @184 | issuance count u8 @192 |
//! allocated @255 (always set: a stored investor word is never zero, so the
//! first tokens an investor receives do not pay for a fresh slot).
//! Lock record: value u128 | release time u64 @128 | reason code u64 @192.
//! Issuance record: value u128 | time u64 @128 | issued to a US investor
//! @192 (its lock-up period follows that residency, audit M-4).

use alloy_primitives::{Address, U256};
use ds_common::bits::{field as get, with_field as set};
use ds_rules::{
    category::{Category, Counts},
    config::{uint_rule as r, Config, BOOL_RULES, UINT_RULES},
    locks::{Issuance, Lock},
    transfer::InvestorState,
};

/// Number of rule slots.
pub const RULE_SLOTS: u8 = 6;
/// Slot holding the token address (and rules).
pub const SLOT_TOKEN: u8 = 0;
/// Slot holding the registry address (and rules).
pub const SLOT_REGISTRY: u8 = 1;
/// Slot holding the times and the blacklist count.
pub const SLOT_B: u8 = 2;
/// Slot holding the authorized securities cap.
pub const SLOT_AUTHORIZED: u8 = 5;

/// Where numeric rule `i` lives: (slot, bit offset, bit width).
pub const UINT_LAYOUT: [(u8, usize, usize); UINT_RULES] = {
    let mut layout = [(0u8, 0usize, 0usize); UINT_RULES];
    layout[r::TOTAL_INVESTORS_LIMIT] = (0, 160, 24);
    layout[r::US_INVESTORS_LIMIT] = (0, 184, 24);
    layout[r::US_ACCREDITED_INVESTORS_LIMIT] = (0, 208, 24);
    layout[r::NON_ACCREDITED_INVESTORS_LIMIT] = (0, 232, 24);
    layout[r::MINIMUM_TOTAL_INVESTORS] = (1, 160, 24);
    layout[r::EU_RETAIL_INVESTORS_LIMIT] = (1, 184, 24);
    layout[r::JP_INVESTORS_LIMIT] = (1, 208, 24);
    layout[r::MAX_US_INVESTORS_PERCENTAGE] = (1, 232, 8);
    layout[r::BLOCK_FLOWBACK_END_TIME] = (2, 0, 64);
    layout[r::NON_US_LOCK_PERIOD] = (2, 64, 64);
    layout[r::US_LOCK_PERIOD] = (2, 128, 64);
    layout[r::MIN_US_TOKENS] = (3, 0, 128);
    layout[r::MIN_EU_TOKENS] = (3, 128, 128);
    layout[r::MINIMUM_HOLDINGS_PER_INVESTOR] = (4, 0, 128);
    layout[r::MAXIMUM_HOLDINGS_PER_INVESTOR] = (4, 128, 128);
    layout[r::AUTHORIZED_SECURITIES] = (5, 0, 128);
    layout
};
const BOOLS_AT: usize = 240;
const C_NONZERO_AT: usize = 245;
const D_NONZERO_AT: usize = 246;
const BLACKLIST_COUNT_AT: usize = 192;
const ALLOCATED_AT: usize = 255;
const ISSUED_US_AT: usize = 192;

fn bit(word: U256, at: usize) -> bool {
    word.bit(at)
}

/// The address kept in bits 0–159 of rule slot H0 or H1.
pub fn address_in(slot: U256) -> Address {
    Address::from_word(slot.into())
}

/// Rule slot H0 or H1 with its address replaced (the rules kept).
pub fn with_address(slot: U256, address: Address) -> U256 {
    set(slot, 0, 160, U256::from_be_slice(address.as_slice()))
}

/// Decodes the rule slots into a [`Config`]. Missing slots read as zero.
pub fn decode_config(slots: &[U256; RULE_SLOTS as usize]) -> Config {
    let mut config = Config::default();
    for (i, (slot, at, width)) in UINT_LAYOUT.iter().enumerate() {
        config.uints[i] = get(slots[*slot as usize], *at, *width);
    }
    for i in 0..BOOL_RULES {
        config.bools[i] = bit(slots[1], BOOLS_AT + i);
    }
    config
}

/// Writes numeric rule `index` into the slots, keeping the non-zero flags.
pub fn encode_uint(slots: &mut [U256; RULE_SLOTS as usize], index: usize, value: U256) {
    let (slot, at, width) = UINT_LAYOUT[index];
    slots[slot as usize] = set(slots[slot as usize], at, width, value);
    refresh_flags(slots);
}

/// Writes boolean rule `index` into slot H1.
pub fn encode_bool(slots: &mut [U256; RULE_SLOTS as usize], index: usize, value: bool) {
    slots[1] = set(slots[1], BOOLS_AT + index, 1, U256::from(value));
}

fn refresh_flags(slots: &mut [U256; RULE_SLOTS as usize]) {
    slots[1] = set(slots[1], C_NONZERO_AT, 1, U256::from(!slots[3].is_zero()));
    slots[1] = set(slots[1], D_NONZERO_AT, 1, U256::from(!slots[4].is_zero()));
}

/// Whether slot C (3) / D (4) must be read (they hold a non-zero rule).
pub fn needs_slot(slot_h1: U256, slot: u8) -> bool {
    match slot {
        3 => bit(slot_h1, C_NONZERO_AT),
        4 => bit(slot_h1, D_NONZERO_AT),
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

/// Packs the counters (5 × u32; allocated bit 255 always set, so the word
/// never returns to zero).
pub fn encode_counts(c: &Counts) -> U256 {
    [c.total, c.accredited, c.us, c.us_accredited, c.jp]
        .iter()
        .enumerate()
        .fold(allocated(), |w, (i, v)| set(w, i * 32, 32, U256::from(*v)))
}

/// A word holding only the allocated bit (255).
pub fn allocated() -> U256 {
    set(U256::ZERO, ALLOCATED_AT, 1, U256::from(1))
}

/// An EU retail counter word (count in bits 0–31, allocated bit 255).
pub fn encode_eu_retail(count: u32) -> U256 {
    set(allocated(), 0, 32, U256::from(count))
}

/// Inverse of [`encode_eu_retail`].
pub fn decode_eu_retail(word: U256) -> u32 {
    get(word, 0, 32).to()
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
        w = set(w, 192, 8, U256::from(self.issuances));
        w | allocated()
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
    let w = set(U256::ZERO, 0, 128, i.value);
    let w = set(w, 128, 64, U256::from(i.time));
    set(w, ISSUED_US_AT, 1, U256::from(i.us))
}

/// Inverse of [`encode_issuance`].
pub fn decode_issuance(w: U256) -> Issuance {
    Issuance {
        value: get(w, 0, 128),
        time: get(w, 128, 64).to(),
        us: bit(w, ISSUED_US_AT),
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
        assert!(needs_slot(slots[1], 3) && needs_slot(slots[1], 4));
        encode_uint(&mut slots, r::MIN_US_TOKENS, U256::ZERO);
        encode_uint(&mut slots, r::MIN_EU_TOKENS, U256::ZERO);
        assert!(!needs_slot(slots[1], 3) && needs_slot(slots[1], 4));
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
        assert_eq!(blacklist_count(slots[SLOT_B as usize]), 0);
        assert_eq!(address_in(slots[0]), Address::ZERO);
        assert_eq!(address_in(slots[1]), Address::ZERO);
    }

    #[test]
    fn addresses_and_rules_share_slots_without_touching_each_other() {
        let token = Address::repeat_byte(0xAB);
        let registry = Address::repeat_byte(0xCD);
        let mut slots = [U256::ZERO; RULE_SLOTS as usize];
        slots[0] = with_address(slots[0], token);
        slots[1] = with_address(slots[1], registry);
        for (i, (_, _, width)) in UINT_LAYOUT.iter().enumerate() {
            encode_uint(&mut slots, i, get(U256::MAX, 0, *width));
        }
        for i in 0..BOOL_RULES {
            encode_bool(&mut slots, i, true);
        }
        assert_eq!(
            (address_in(slots[0]), address_in(slots[1])),
            (token, registry)
        );
        let config = decode_config(&slots);
        slots[0] = with_address(slots[0], Address::repeat_byte(1));
        slots[1] = with_address(slots[1], Address::ZERO);
        assert_eq!(decode_config(&slots), config);
        assert_eq!(address_in(slots[0]), Address::repeat_byte(1));
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
        let allocated = InvestorWord::default().encode();
        assert_ne!(allocated, U256::ZERO);
        assert_eq!(InvestorWord::decode(allocated), InvestorWord::default());
    }

    #[test]
    fn records_and_counts_round_trip() {
        let lock = Lock {
            value: U256::from(5),
            release_time: u64::MAX,
        };
        assert_eq!(decode_lock(encode_lock(&lock, 77)), (lock, 77));
        for us in [false, true] {
            let issuance = Issuance {
                value: U256::from(u128::MAX),
                time: u64::MAX,
                us,
            };
            assert_eq!(decode_issuance(encode_issuance(&issuance)), issuance);
        }
        let counts = Counts {
            total: u32::MAX,
            accredited: 1,
            us: 2,
            us_accredited: 3,
            jp: 4,
        };
        assert_eq!(decode_counts(encode_counts(&counts)), counts);
        assert_ne!(encode_counts(&Counts::default()), U256::ZERO);
        assert_eq!(decode_eu_retail(encode_eu_retail(u32::MAX)), u32::MAX);
        assert_ne!(encode_eu_retail(0), U256::ZERO);
        let b = with_blacklist_count(U256::from(42), 9);
        assert_eq!((blacklist_count(b), get(b, 0, 64)), (9, U256::from(42)));
    }
}
