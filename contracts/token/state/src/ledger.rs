//! The token's balances, holder list, supply and frozen amounts in storage.
//!
//! Every balance change goes through [`Ledger::credit`] and [`Ledger::debit`],
//! which keep the holder list exact: a wallet is listed while its balance is
//! not zero (swap-and-pop removal, positions 1-based as in DS `getWalletAt`).
//!
//! Slots are never cleared back to zero: an emptied account keeps its
//! allocated bit, a holder-list slot past the end keeps [`UNUSED_ENTRY`], and
//! the Registry reserves both for every wallet it adds ([`Ledger::reserve`]).
//! So a transfer to a new holder writes no fresh slot (20,000 gas each);
//! registration pays for them once instead. Checkpoint slots are written
//! ahead the same way ([`RESERVED_CHECKPOINT`]: one per wallet at
//! registration, more by [`Ledger::reserve_checkpoints`]), so the first
//! transfer after a snapshot updates a slot instead of filling a fresh one
//! (review F-09).

use alloy_primitives::{Address, U256};
use ds_common::{errors::AmountTooLarge, DSError};
use stylus_sdk::{
    prelude::*,
    storage::{StorageMap, StorageU256},
};

use crate::{
    events::Frozen,
    words::{Account, Checkpoint, Hot, Supply, SupplyCheckpoints},
};

/// Storage of balances, holders, supply and freezes.
#[storage]
pub struct Ledger {
    /// The [`Hot`] word.
    hot: StorageU256,
    /// [`Account`] word per wallet.
    accounts: StorageMap<Address, StorageU256>,
    /// Holder list: position (1-based) to wallet (as a word; past the end:
    /// [`UNUSED_ENTRY`] or zero).
    holders: StorageMap<U256, StorageU256>,
    /// The [`Supply`] word.
    supply: StorageU256,
    /// ERC-7943 frozen amount per wallet (read only when the account's flag is set).
    frozen: StorageMap<Address, StorageU256>,
    /// Number of holder-list slots reserved by [`Ledger::reserve`].
    reserved_entries: StorageU256,
    /// Balance [`Checkpoint`]s per wallet, by index (snapshot order).
    checkpoints: StorageMap<Address, StorageMap<u32, StorageU256>>,
    /// Total supply [`Checkpoint`]s, by index (snapshot order).
    supply_checkpoints: StorageMap<u32, StorageU256>,
    /// The [`SupplyCheckpoints`] word.
    supply_checkpoint_count: StorageU256,
}

/// A holder-list slot holding no wallet but kept non-zero (bit 160 set), so
/// listing a holder there costs a storage update, not a fresh slot.
pub const UNUSED_ENTRY: U256 = U256::from_limbs([0, 0, 1 << 32, 0]);

/// A checkpoint slot written ahead of use (bit 255 set; a [`Checkpoint`]
/// takes bits 0–191 only, and only slots below a wallet's checkpoint count
/// are ever read as checkpoints).
pub const RESERVED_CHECKPOINT: U256 = U256::from_limbs([0, 0, 0, 1 << 63]);

/// Checkpoint slots written ahead for each wallet the Registry adds.
pub const CHECKPOINTS_AT_REGISTRATION: u32 = 1;

fn entry_of(wallet: Address) -> U256 {
    U256::from_be_slice(wallet.as_slice())
}

/// `value` as a token amount, or [`AmountTooLarge`].
pub fn amount(value: U256) -> Result<u128, DSError> {
    u128::try_from(value).map_err(|_| DSError::AmountTooLarge(AmountTooLarge { amount: value }))
}

impl Ledger {
    /// The hot word.
    pub fn hot(&self) -> Hot {
        Hot::decode(self.hot.get())
    }

    /// Stores the hot word.
    pub fn set_hot(&mut self, hot: &Hot) {
        self.hot.set(hot.encode());
    }

    /// The account word of `wallet`.
    pub fn account(&self, wallet: Address) -> Account {
        Account::decode(self.accounts.get(wallet))
    }

    fn set_account(&mut self, wallet: Address, account: &Account) {
        self.accounts.insert(wallet, account.encode());
    }

    /// The supply word.
    pub fn supply(&self) -> Supply {
        Supply::decode(self.supply.get())
    }

    /// Stores the supply word.
    fn set_supply(&mut self, supply: &Supply) {
        self.supply.set(supply.encode());
    }

    /// The wallet at 1-based `position` of the holder list (zero if none).
    pub fn holder_at(&self, position: U256) -> Address {
        let entry = self.holders.get(position);
        if entry == UNUSED_ENTRY {
            return Address::ZERO;
        }
        Address::from_word(entry.into())
    }

    /// Registry only (checked by the caller): allocates the account word of
    /// a wallet being registered and one more holder-list slot, unless the
    /// wallet has a stored word already. Returns the wallet's balance.
    pub fn reserve(&mut self, wallet: Address) -> u128 {
        let word = self.accounts.get(wallet);
        if !word.is_zero() {
            return Account::decode(word).balance;
        }
        self.set_account(wallet, &Account::default());
        self.reserve_checkpoints(wallet, CHECKPOINTS_AT_REGISTRATION);
        let position = self.reserved_entries.get() + U256::from(1);
        self.reserved_entries.set(position);
        if self.holders.get(position).is_zero() {
            self.holders.insert(position, UNUSED_ENTRY);
        }
        0
    }

    /// Writes [`RESERVED_CHECKPOINT`] into the next `count` checkpoint
    /// slots of `wallet` that are still zero; returns how many it wrote.
    pub fn reserve_checkpoints(&mut self, wallet: Address, count: u32) -> u32 {
        let first = self.account(wallet).checkpoints;
        let mut list = self.checkpoints.setter(wallet);
        let mut written = 0;
        for index in first..first.saturating_add(count) {
            if list.get(index).is_zero() {
                list.insert(index, RESERVED_CHECKPOINT);
                written += 1;
            }
        }
        written
    }

    /// ERC-7943 frozen amount of `wallet`.
    pub fn frozen_of(&self, wallet: Address, account: &Account) -> U256 {
        if account.frozen {
            self.frozen.get(wallet)
        } else {
            U256::ZERO
        }
    }

    /// The part of `account`'s balance that is not frozen.
    pub fn unfrozen(&self, wallet: Address, account: &Account) -> U256 {
        U256::from(account.balance).saturating_sub(self.frozen_of(wallet, account))
    }

    /// Sets the frozen amount of `wallet` and emits [`Frozen`].
    pub fn set_frozen(&mut self, wallet: Address, amount: U256) {
        let mut account = self.account(wallet);
        let flag = !amount.is_zero();
        if account.frozen != flag {
            account.frozen = flag;
            self.set_account(wallet, &account);
        }
        self.frozen.insert(wallet, amount);
        self.vm().log(Frozen {
            account: wallet,
            amount,
        });
    }

    /// Lowers `wallet`'s frozen amount to its balance after an enforcement
    /// (burn, seize, forced transfer) took frozen tokens.
    pub fn release_frozen_above_balance(&mut self, wallet: Address) {
        let account = self.account(wallet);
        let balance = U256::from(account.balance);
        if self.frozen_of(wallet, &account) > balance {
            self.set_frozen(wallet, balance);
        }
    }

    /// Before `account`'s balance changes: keeps its balance as it was at
    /// the latest snapshot, unless a checkpoint for that snapshot exists.
    fn checkpoint(&mut self, hot: &Hot, wallet: Address, account: &mut Account) {
        if account.snapshot >= hot.snapshot {
            return;
        }
        let checkpoint = Checkpoint {
            id: hot.snapshot,
            value: account.balance,
        };
        self.checkpoints
            .setter(wallet)
            .insert(account.checkpoints, checkpoint.encode());
        account.checkpoints += 1;
        account.snapshot = hot.snapshot;
    }

    /// Before the supply changes from `total`: the supply's checkpoint.
    fn checkpoint_supply(&mut self, snapshot: u32, total: u128) {
        let mut meta = SupplyCheckpoints::decode(self.supply_checkpoint_count.get());
        if meta.snapshot >= snapshot {
            return;
        }
        let checkpoint = Checkpoint {
            id: snapshot,
            value: total,
        };
        self.supply_checkpoints
            .insert(meta.count, checkpoint.encode());
        meta.count += 1;
        meta.snapshot = snapshot;
        self.supply_checkpoint_count.set(meta.encode());
    }

    /// Takes a snapshot: returns its id (the previous id + 1), or `None`
    /// past [`crate::words::MAX_SNAPSHOT_ID`].
    pub fn take_snapshot(&mut self) -> Option<u32> {
        let mut hot = self.hot();
        if hot.snapshot >= crate::words::MAX_SNAPSHOT_ID {
            return None;
        }
        hot.snapshot += 1;
        self.set_hot(&hot);
        Some(hot.snapshot)
    }

    /// `wallet`'s balance at snapshot `id` (1 ≤ `id` ≤ the latest, checked
    /// by the caller).
    pub fn balance_at(&self, wallet: Address, id: u32) -> u128 {
        let account = self.account(wallet);
        let list = self.checkpoints.getter(wallet);
        value_at(
            id,
            account.snapshot,
            account.checkpoints,
            account.balance,
            |i| list.get(i),
        )
    }

    /// The total supply at snapshot `id` (checked by the caller).
    pub fn supply_at(&self, id: u32) -> u128 {
        let meta = SupplyCheckpoints::decode(self.supply_checkpoint_count.get());
        let total = self.supply().total;
        value_at(id, meta.snapshot, meta.count, total, |i| {
            self.supply_checkpoints.get(i)
        })
    }

    /// Adds `value` to `wallet` (listing it when it becomes a holder).
    fn credit(&mut self, hot: &mut Hot, wallet: Address, value: u128) -> Result<(), DSError> {
        let mut account = self.account(wallet);
        self.checkpoint(hot, wallet, &mut account);
        account.balance = account
            .balance
            .checked_add(value)
            .ok_or(DSError::AmountTooLarge(AmountTooLarge {
                amount: U256::from(value),
            }))?;
        if account.position == 0 && account.balance != 0 {
            hot.holders += 1;
            account.position = hot.holders;
            self.holders
                .insert(U256::from(hot.holders), entry_of(wallet));
        }
        self.set_account(wallet, &account);
        Ok(())
    }

    /// Takes `value` (at most the balance, checked by the caller) from
    /// `wallet`, whose word is `account` as just read (unlisting it when its
    /// balance reaches zero).
    fn debit(&mut self, hot: &mut Hot, wallet: Address, mut account: Account, value: u128) {
        self.checkpoint(hot, wallet, &mut account);
        account.balance = account.balance.saturating_sub(value);
        if account.balance == 0 && account.position != 0 {
            self.unlist(hot, wallet, account.position);
            account.position = 0;
        }
        self.set_account(wallet, &account);
    }

    /// Swap-and-pop removal of `wallet` from `position`.
    fn unlist(&mut self, hot: &mut Hot, wallet: Address, position: u64) {
        let last_position = U256::from(hot.holders);
        let last = self.holder_at(last_position);
        if last != wallet {
            self.holders.insert(U256::from(position), entry_of(last));
            let mut moved = self.account(last);
            moved.position = position;
            self.set_account(last, &moved);
        }
        self.holders.insert(last_position, UNUSED_ENTRY);
        hot.holders -= 1;
    }

    /// Runs `change` on the holder list and stores the hot word again only
    /// if the holder count changed.
    fn with_holders<R>(
        &mut self,
        mut hot: Hot,
        change: impl FnOnce(&mut Self, &mut Hot) -> R,
    ) -> R {
        let before = hot.holders;
        let result = change(self, &mut hot);
        if hot.holders != before {
            self.set_hot(&hot);
        }
        result
    }

    /// Moves `value` (at most the balance) from `from`, whose word is
    /// `from_account` as just read, to `to`; `hot` is the hot word as read.
    pub fn move_tokens(
        &mut self,
        hot: Hot,
        from: Address,
        from_account: Account,
        to: Address,
        value: u128,
    ) -> Result<(), DSError> {
        if from == to || value == 0 {
            return Ok(());
        }
        self.with_holders(hot, |ledger, hot| {
            ledger.debit(hot, from, from_account, value);
            ledger.credit(hot, to, value)
        })
    }

    /// Issues `value` to `to`, the supply becoming `supply`.
    pub fn mint(&mut self, to: Address, value: u128, supply: &Supply) -> Result<(), DSError> {
        let hot = self.hot();
        self.checkpoint_supply(hot.snapshot, supply.total.saturating_sub(value));
        self.with_holders(hot, |ledger, hot| ledger.credit(hot, to, value))?;
        self.set_supply(supply);
        Ok(())
    }

    /// Burns `value` (at most the balance) of `who`'s tokens; `account` is
    /// its word as just read.
    pub fn burn(&mut self, who: Address, account: Account, value: u128) {
        let hot = self.hot();
        let mut supply = self.supply();
        self.checkpoint_supply(hot.snapshot, supply.total);
        self.with_holders(hot, |ledger, hot| ledger.debit(hot, who, account, value));
        supply.total = supply.total.saturating_sub(value);
        self.set_supply(&supply);
    }
}

/// The value at snapshot `id` of something whose checkpoints (ids rising,
/// the last one `last_id`, `count` of them, read by `at(index)`) were taken
/// before each change, and whose value now is `current`: the first
/// checkpoint at or after `id`, else the current value.
fn value_at(id: u32, last_id: u32, count: u32, current: u128, at: impl Fn(u32) -> U256) -> u128 {
    if count == 0 || id > last_id {
        return current;
    }
    let (mut low, mut high) = (0, count - 1);
    while low < high {
        let mid = low + (high - low) / 2;
        if Checkpoint::decode(at(mid)).id < id {
            low = mid + 1;
        } else {
            high = mid;
        }
    }
    Checkpoint::decode(at(low)).value
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Against a model that records every value at every snapshot.
        #[test]
        fn value_at_finds_the_value_of_every_snapshot(
            steps in proptest::collection::vec((any::<bool>(), 0u128..1000), 1..40)
        ) {
            // Each step: take a snapshot (true) or change the value.
            let (mut value, mut snapshot) = (0u128, 0u32);
            let mut at_snapshot = Vec::new(); // value at snapshot i + 1
            let mut checkpoints: Vec<Checkpoint> = Vec::new();
            for (take, next) in steps {
                if take {
                    snapshot += 1;
                    at_snapshot.push(value);
                } else {
                    if checkpoints.last().map_or(0, |c| c.id) < snapshot {
                        checkpoints.push(Checkpoint { id: snapshot, value });
                    }
                    value = next;
                }
            }
            let last = checkpoints.last().map_or(0, |c| c.id);
            for (i, expected) in at_snapshot.iter().enumerate() {
                let id = i as u32 + 1;
                let found = value_at(id, last, checkpoints.len() as u32, value, |k| {
                    checkpoints[k as usize].encode()
                });
                prop_assert_eq!(found, *expected, "snapshot {}", id);
            }
        }
    }
}
