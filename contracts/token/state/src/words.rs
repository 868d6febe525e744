//! Packed storage words of the token, as plain values (no host).
//!
//! A transfer reads three slots of the token: the [`Hot`] word (Compliance's
//! address, pause flag, holder count, current snapshot id) and the two
//! [`Account`] words (balance, holder-list position, frozen flag, snapshot
//! bookkeeping). Issuance and burn also touch the [`Supply`] word. Balances
//! are `u128`: the supply can never exceed it. [`Checkpoint`]s keep balances
//! (and the supply) as they were at a snapshot.

use alloy_primitives::{Address, U256};

const U40_MASK: u64 = (1 << 40) - 1;
const U32_MASK: u64 = (1 << 32) - 1;
const U24_MASK: u64 = (1 << 24) - 1;

/// Largest snapshot id: a wallet has at most one checkpoint per snapshot, so
/// its checkpoint count (24 bits) never overflows.
pub const MAX_SNAPSHOT_ID: u32 = (1 << 24) - 1;

// Words are built from their four 64-bit limbs (least significant first):
// 256-bit shifts cost hundreds of Wasm instructions, limb moves a few.

/// The word every transfer reads first: Compliance's address in bits
/// 0–159, the pause flag at bit 160, the holder count in bits 192–223, the
/// current snapshot id in bits 224–255.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hot {
    /// The Compliance service (a copy of service id 8, kept here to save a read).
    pub compliance: Address,
    /// Whether the token is paused.
    pub paused: bool,
    /// Number of wallets holding tokens (the holder list's length).
    pub holders: u64,
    /// Id of the latest snapshot (0: none taken yet).
    pub snapshot: u32,
}

impl Hot {
    const PAUSED_BIT: u64 = 1 << 32;

    /// Unpacks a stored word.
    pub fn decode(word: U256) -> Self {
        let limbs = word.as_limbs();
        Self {
            compliance: Address::from_word(word.into()),
            paused: limbs[2] & Self::PAUSED_BIT != 0,
            holders: limbs[3] & U32_MASK,
            snapshot: (limbs[3] >> 32) as u32,
        }
    }

    /// Packs into a stored word.
    pub fn encode(&self) -> U256 {
        let mut limbs = U256::from_be_slice(self.compliance.as_slice()).into_limbs();
        if self.paused {
            limbs[2] |= Self::PAUSED_BIT;
        }
        limbs[3] = (self.holders & U32_MASK) | u64::from(self.snapshot) << 32;
        U256::from_limbs(limbs)
    }
}

/// One wallet's word: balance in bits 0–127, holder-list position in bits
/// 128–167, frozen flag at bit 168, the snapshot id of its last checkpoint in
/// bits 192–223, its checkpoint count in bits 224–247, "allocated" at bit
/// 255. The allocated
/// bit is always written, so a stored account word is never zero again: a
/// wallet reserved at registration (see `Ledger::reserve`) or that held
/// tokens before receives its next tokens without paying for a fresh slot.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Account {
    /// Token balance.
    pub balance: u128,
    /// 1-based position in the holder list; 0 when not listed.
    pub position: u64,
    /// Whether a frozen amount (ERC-7943) is stored for the wallet.
    pub frozen: bool,
    /// Snapshot id of the wallet's last [`Checkpoint`] (0: none).
    pub snapshot: u32,
    /// Number of the wallet's checkpoints.
    pub checkpoints: u32,
}

impl Account {
    const FROZEN_BIT: u64 = 1 << 40;
    const ALLOCATED_BIT: u64 = 1 << 63;

    /// Unpacks a stored word.
    pub fn decode(word: U256) -> Self {
        let limbs = word.as_limbs();
        Self {
            balance: low_u128(word),
            position: limbs[2] & U40_MASK,
            frozen: limbs[2] & Self::FROZEN_BIT != 0,
            snapshot: limbs[3] as u32,
            checkpoints: ((limbs[3] >> 32) & U24_MASK) as u32,
        }
    }

    /// Packs into a stored word.
    pub fn encode(&self) -> U256 {
        let flag = if self.frozen { Self::FROZEN_BIT } else { 0 };
        U256::from_limbs([
            self.balance as u64,
            (self.balance >> 64) as u64,
            (self.position & U40_MASK) | flag,
            Self::ALLOCATED_BIT
                | u64::from(self.snapshot)
                | (u64::from(self.checkpoints) & U24_MASK) << 32,
        ])
    }
}

/// Total supply (bits 0–127) and total issued (bits 128–255), one word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Supply {
    /// Tokens in existence.
    pub total: u128,
    /// Tokens ever issued (never decreases).
    pub issued: u128,
}

impl Supply {
    /// Unpacks a stored word.
    pub fn decode(word: U256) -> Self {
        let limbs = word.as_limbs();
        Self {
            total: low_u128(word),
            issued: u128::from(limbs[2]) | (u128::from(limbs[3]) << 64),
        }
    }

    /// The supply after issuing `minted` (`None` when the total would overflow).
    pub fn after_issuing(&self, minted: u128) -> Option<Self> {
        Some(Self {
            total: self.total.checked_add(minted)?,
            issued: self.issued.saturating_add(minted),
        })
    }

    /// Packs into a stored word.
    pub fn encode(&self) -> U256 {
        U256::from_limbs([
            self.total as u64,
            (self.total >> 64) as u64,
            self.issued as u64,
            (self.issued >> 64) as u64,
        ])
    }
}

/// A balance (or the supply) as it was at snapshot `id`: value in bits
/// 0–127, id in bits 128–159. Kept per wallet in snapshot order.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Checkpoint {
    /// The snapshot the value belongs to (and every earlier snapshot after
    /// the previous checkpoint).
    pub id: u32,
    /// The balance at that snapshot.
    pub value: u128,
}

impl Checkpoint {
    /// Unpacks a stored word.
    pub fn decode(word: U256) -> Self {
        Self {
            id: word.as_limbs()[2] as u32,
            value: low_u128(word),
        }
    }

    /// Packs into a stored word.
    pub fn encode(&self) -> U256 {
        U256::from_limbs([
            self.value as u64,
            (self.value >> 64) as u64,
            u64::from(self.id),
            0,
        ])
    }
}

/// Snapshot bookkeeping of the total supply: the snapshot id of its last
/// checkpoint (bits 0–31) and the checkpoint count (bits 32–63).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SupplyCheckpoints {
    /// Snapshot id of the supply's last checkpoint (0: none).
    pub snapshot: u32,
    /// Number of supply checkpoints.
    pub count: u32,
}

impl SupplyCheckpoints {
    /// Unpacks a stored word.
    pub fn decode(word: U256) -> Self {
        let limb = word.as_limbs()[0];
        Self {
            snapshot: limb as u32,
            count: (limb >> 32) as u32,
        }
    }

    /// Packs into a stored word.
    pub fn encode(&self) -> U256 {
        U256::from(u64::from(self.snapshot) | u64::from(self.count) << 32)
    }
}

fn low_u128(word: U256) -> u128 {
    let limbs = word.as_limbs();
    u128::from(limbs[0]) | (u128::from(limbs[1]) << 64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_primitives::address;

    #[test]
    fn hot_round_trips_at_the_extremes() {
        for hot in [
            Hot::default(),
            Hot {
                compliance: address!("ffffffffffffffffffffffffffffffffffffffff"),
                paused: true,
                holders: U32_MASK,
                snapshot: u32::MAX,
            },
            Hot {
                compliance: address!("00000000000000000000000000000000000000c0"),
                paused: false,
                holders: 7,
                snapshot: 3,
            },
        ] {
            assert_eq!(Hot::decode(hot.encode()), hot);
        }
    }

    #[test]
    fn account_round_trips_and_keeps_fields_apart() {
        let full = Account {
            balance: u128::MAX,
            position: U40_MASK,
            frozen: true,
            snapshot: u32::MAX,
            checkpoints: U24_MASK as u32,
        };
        assert_eq!(Account::decode(full.encode()), full);
        let only_frozen = Account {
            frozen: true,
            ..Account::default()
        };
        assert_eq!(Account::decode(only_frozen.encode()).balance, 0);
        assert_eq!(Account::decode(only_frozen.encode()).position, 0);
        let only_balance = Account {
            balance: u128::MAX,
            ..Account::default()
        };
        assert!(!Account::decode(only_balance.encode()).frozen);
        let allocated = Account::default().encode();
        assert_ne!(allocated, U256::ZERO);
        assert_eq!(Account::decode(allocated), Account::default());
    }

    #[test]
    fn checkpoints_round_trip() {
        let c = Checkpoint {
            id: u32::MAX,
            value: u128::MAX,
        };
        assert_eq!(Checkpoint::decode(c.encode()), c);
        let s = SupplyCheckpoints {
            snapshot: u32::MAX,
            count: 7,
        };
        assert_eq!(SupplyCheckpoints::decode(s.encode()), s);
    }

    #[test]
    fn supply_round_trips() {
        let s = Supply {
            total: u128::MAX - 1,
            issued: u128::MAX,
        };
        assert_eq!(Supply::decode(s.encode()), s);
    }

    #[test]
    fn issuing_adds_to_both_and_never_wraps() {
        let s = Supply {
            total: 5,
            issued: 9,
        };
        assert_eq!(
            s.after_issuing(3),
            Some(Supply {
                total: 8,
                issued: 12
            })
        );
        let full = Supply {
            total: u128::MAX,
            issued: u128::MAX,
        };
        assert_eq!(full.after_issuing(1), None);
    }
}
