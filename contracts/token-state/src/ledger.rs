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
//! registration pays for them once instead.

use alloy_primitives::{Address, U256};
use ds_common::{errors::AmountTooLarge, DSError};
use stylus_sdk::{
    prelude::*,
    storage::{StorageMap, StorageU256},
};

use crate::{
    events::Frozen,
    words::{Account, Hot, Supply},
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
}

/// A holder-list slot holding no wallet but kept non-zero (bit 160 set), so
/// listing a holder there costs a storage update, not a fresh slot.
pub const UNUSED_ENTRY: U256 = U256::from_limbs([0, 0, 1 << 32, 0]);

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
        let position = self.reserved_entries.get() + U256::from(1);
        self.reserved_entries.set(position);
        if self.holders.get(position).is_zero() {
            self.holders.insert(position, UNUSED_ENTRY);
        }
        0
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

    /// Adds `value` to `wallet` (listing it when it becomes a holder).
    fn credit(&mut self, hot: &mut Hot, wallet: Address, value: u128) -> Result<(), DSError> {
        let mut account = self.account(wallet);
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
        self.with_holders(hot, |ledger, hot| ledger.credit(hot, to, value))?;
        self.set_supply(supply);
        Ok(())
    }

    /// Burns `value` (at most the balance) of `who`'s tokens; `account` is
    /// its word as just read.
    pub fn burn(&mut self, who: Address, account: Account, value: u128) {
        let hot = self.hot();
        self.with_holders(hot, |ledger, hot| ledger.debit(hot, who, account, value));
        let mut supply = self.supply();
        supply.total = supply.total.saturating_sub(value);
        self.set_supply(&supply);
    }
}
