//! One distribution in storage. Its fields are ordered so that a claim
//! reads four slots and writes one of them (plus the wallet's flag):
//!
//! | slot | fields | read by |
//! |---|---|---|
//! | 0 | payment token, deadline, reclaimed | claim, reclaim |
//! | 1 | amount, supply at the snapshot (128 bits each) | claim, reclaim |
//! | 2 | claimed total (128 bits), snapshot id, notice id | claim (written), reclaim |
//! | 3 | DS token | claim |
//! | 4 | creator | reclaim |
//! | map | claimed flag per wallet | claim |
//!
//! Amounts fit 128 bits: `createDistribution` refuses larger amounts, and
//! DS token balances and supplies are 128-bit.

use alloy_primitives::{aliases::U128, Address, U64};
use stylus_sdk::{
    prelude::*,
    storage::{StorageAddress, StorageBool, StorageMap, StorageU128, StorageU64},
};

/// A distribution (all zero for an id never used).
#[storage]
pub struct Record {
    /// The ERC-20 paid out.
    pub payment_token: StorageAddress,
    /// Last second at which shares are claimed; the rest is reclaimed after.
    pub deadline: StorageU64,
    /// Whether the rest was sent back.
    pub reclaimed: StorageBool,
    /// What is distributed, in payment token units.
    pub amount: StorageU128,
    /// The DS token's total supply at the snapshot (never zero).
    pub supply: StorageU128,
    /// Sum of the shares claimed so far (never above `amount`).
    pub claimed: StorageU128,
    /// The DS token snapshot the shares follow.
    pub snapshot_id: StorageU64,
    /// The Comms notice that announced the distribution.
    pub notice_id: StorageU64,
    /// The DS token whose snapshot it is (fixed at creation, so that a
    /// later `setDSService` cannot re-point open distributions).
    pub ds_token: StorageAddress,
    /// Who created it (may reclaim the rest even without a role later).
    pub creator: StorageAddress,
    /// Wallets that claimed their share.
    pub claimed_by: StorageMap<Address, StorageBool>,
}

/// What a new distribution is made of, written by [`Terms::store`].
pub struct Terms {
    /// The ERC-20 paid out.
    pub payment_token: Address,
    /// What is distributed (at most 128 bits).
    pub amount: u128,
    /// The DS token's total supply at the snapshot (non-zero, at most 128 bits).
    pub supply: u128,
    /// Last second of the claims.
    pub deadline: u64,
    /// The DS token snapshot.
    pub snapshot_id: u64,
    /// The Comms notice.
    pub notice_id: u64,
    /// The DS token.
    pub ds_token: Address,
    /// The creator.
    pub creator: Address,
}

impl Terms {
    /// Writes the distribution into the empty `slot`.
    pub fn store(&self, slot: &mut Record) {
        slot.payment_token.set(self.payment_token);
        slot.deadline.set(U64::from(self.deadline));
        slot.amount.set(U128::from(self.amount));
        slot.supply.set(U128::from(self.supply));
        slot.snapshot_id.set(U64::from(self.snapshot_id));
        slot.notice_id.set(U64::from(self.notice_id));
        slot.ds_token.set(self.ds_token);
        slot.creator.set(self.creator);
    }
}

impl Record {
    /// The deadline, as a number.
    pub fn deadline(&self) -> u64 {
        self.deadline.get().to()
    }

    /// The amount.
    pub fn amount(&self) -> u128 {
        self.amount.get().to()
    }

    /// The claimed total.
    pub fn claimed(&self) -> u128 {
        self.claimed.get().to()
    }

    /// The supply at the snapshot.
    pub fn supply(&self) -> u128 {
        self.supply.get().to()
    }

    /// What a claim needs of the record, each field read once.
    pub fn position(&self) -> Position {
        Position {
            ds_token: self.ds_token.get(),
            snapshot_id: self.snapshot_id.get().to(),
            amount: self.amount(),
            supply: self.supply(),
            claimed: self.claimed(),
        }
    }
}

/// The part of a distribution a share is computed from.
pub struct Position {
    /// The DS token.
    pub ds_token: Address,
    /// The DS token snapshot.
    pub snapshot_id: u64,
    /// What is distributed.
    pub amount: u128,
    /// The supply at the snapshot.
    pub supply: u128,
    /// Claimed so far.
    pub claimed: u128,
}
