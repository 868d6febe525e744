//! World state (accounts, programs, storage) with a journal: every change
//! made during a transaction can be rolled back to a [`Checkpoint`], which is
//! how reverted calls (nested or not) lose their writes, logs, refunds and
//! EIP-2929 warm marks. Also holds the per-transaction substate: warm sets,
//! original slot values (EIP-2200) and the refund counter (EIP-3529).

use std::{
    collections::{HashMap, HashSet},
    sync::Arc,
};

use alloy_primitives::{Address, Log, B256, U256};

use crate::{gas, program::Program};

/// One account.
#[derive(Clone, Default)]
pub struct Account {
    /// Balance in wei.
    pub balance: U256,
    /// Number of programs deployed by this account (CREATE address derivation).
    pub nonce: u64,
    /// The program deployed here, if any.
    pub program: Option<Arc<Program>>,
}

/// An undoable change.
enum Entry {
    Storage {
        addr: Address,
        key: B256,
        prev: B256,
    },
    Balance {
        addr: Address,
        prev: U256,
    },
    Nonce {
        addr: Address,
        prev: u64,
    },
    Code {
        addr: Address,
        prev: Option<Arc<Program>>,
    },
    WarmAccount(Address),
    WarmSlot(Address, B256),
    Refund(i64),
}

/// A position in the journal to roll back to.
#[derive(Clone, Copy, Debug)]
pub struct Checkpoint {
    journal: usize,
    logs: usize,
}

/// Outcome of an SSTORE.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SstoreCost {
    /// Gas charged (cold surcharge included).
    pub gas: u64,
    /// Whether the slot was cold.
    pub cold: bool,
}

/// Accounts, storage, the journal and the transaction substate.
#[derive(Default)]
pub struct State {
    accounts: HashMap<Address, Account>,
    pub(crate) storage: HashMap<(Address, B256), B256>,
    journal: Vec<Entry>,
    warm_accounts: HashSet<Address>,
    warm_slots: HashSet<(Address, B256)>,
    originals: HashMap<(Address, B256), B256>,
    refund: i64,
    logs: Vec<Log>,
    /// Code hashes of the programs in the cache (`ArbWasmCache`): entering
    /// them costs only the cached init gas.
    cached: HashSet<B256>,
}

impl State {
    /// Starts a transaction: forgets the journal, warm sets, originals,
    /// refunds and logs; `warm` accounts (sender, target) start warm.
    pub fn begin_tx(&mut self, warm: &[Address]) {
        self.journal.clear();
        self.warm_slots.clear();
        self.originals.clear();
        self.refund = 0;
        self.logs.clear();
        self.warm_accounts = warm.iter().copied().collect();
    }

    /// The current position of the journal.
    pub fn checkpoint(&self) -> Checkpoint {
        Checkpoint {
            journal: self.journal.len(),
            logs: self.logs.len(),
        }
    }

    /// Undoes every change made since `cp`.
    pub fn revert_to(&mut self, cp: Checkpoint) {
        while self.journal.len() > cp.journal {
            let Some(entry) = self.journal.pop() else {
                break;
            };
            match entry {
                Entry::Storage { addr, key, prev } => self.put_slot(addr, key, prev),
                Entry::Balance { addr, prev } => self.account_mut(addr).balance = prev,
                Entry::Nonce { addr, prev } => self.account_mut(addr).nonce = prev,
                Entry::Code { addr, prev } => self.account_mut(addr).program = prev,
                Entry::WarmAccount(addr) => {
                    self.warm_accounts.remove(&addr);
                }
                Entry::WarmSlot(addr, key) => {
                    self.warm_slots.remove(&(addr, key));
                }
                Entry::Refund(prev) => self.refund = prev,
            }
        }
        self.logs.truncate(cp.logs);
    }

    /// The account at `addr`, if it was ever touched.
    pub fn account(&self, addr: Address) -> Option<&Account> {
        self.accounts.get(&addr)
    }

    fn account_mut(&mut self, addr: Address) -> &mut Account {
        self.accounts.entry(addr).or_default()
    }

    /// Balance of `addr`.
    pub fn balance(&self, addr: Address) -> U256 {
        self.account(addr).map_or(U256::ZERO, |a| a.balance)
    }

    /// Sets the balance of `addr` (journaled).
    pub fn set_balance(&mut self, addr: Address, balance: U256) {
        let prev = self.balance(addr);
        self.journal.push(Entry::Balance { addr, prev });
        self.account_mut(addr).balance = balance;
    }

    /// Moves `value` from `from` to `to`; `false` if `from` cannot pay.
    pub fn transfer(&mut self, from: Address, to: Address, value: U256) -> bool {
        if value.is_zero() {
            return true;
        }
        let Some(left) = self.balance(from).checked_sub(value) else {
            return false;
        };
        self.set_balance(from, left);
        let credited = self.balance(to).saturating_add(value);
        self.set_balance(to, credited);
        true
    }

    /// The CREATE nonce of `addr`.
    pub fn nonce(&self, addr: Address) -> u64 {
        self.account(addr).map_or(0, |a| a.nonce)
    }

    /// Increments the CREATE nonce of `addr` (journaled).
    pub fn bump_nonce(&mut self, addr: Address) {
        let prev = self.nonce(addr);
        self.journal.push(Entry::Nonce { addr, prev });
        self.account_mut(addr).nonce = prev + 1;
    }

    /// The program at `addr`.
    pub fn program(&self, addr: Address) -> Option<Arc<Program>> {
        self.account(addr).and_then(|a| a.program.clone())
    }

    /// Installs `program` at `addr` (journaled).
    pub fn set_program(&mut self, addr: Address, program: Option<Arc<Program>>) {
        let prev = self.program(addr);
        self.journal.push(Entry::Code { addr, prev });
        self.account_mut(addr).program = program;
    }

    /// Whether the program with `codehash` is cached.
    pub fn is_cached(&self, codehash: B256) -> bool {
        self.cached.contains(&codehash)
    }

    /// Caches (or evicts) the program with `codehash`.
    pub fn set_cached(&mut self, codehash: B256, cached: bool) {
        if cached {
            self.cached.insert(codehash);
        } else {
            self.cached.remove(&codehash);
        }
    }

    /// Whether `addr` is empty in the EIP-161 sense (no code, nonce 0,
    /// balance 0).
    pub fn is_empty_account(&self, addr: Address) -> bool {
        self.account(addr)
            .is_none_or(|a| a.program.is_none() && a.nonce == 0 && a.balance.is_zero())
    }

    /// Marks `addr` warm; returns whether it was cold (EIP-2929).
    pub fn touch_account(&mut self, addr: Address) -> bool {
        let cold = self.warm_accounts.insert(addr);
        if cold {
            self.journal.push(Entry::WarmAccount(addr));
        }
        cold
    }

    fn touch_slot(&mut self, addr: Address, key: B256) -> bool {
        let cold = self.warm_slots.insert((addr, key));
        if cold {
            self.journal.push(Entry::WarmSlot(addr, key));
        }
        cold
    }

    /// Stored value, without any side effect (for tests and tooling).
    pub fn peek(&self, addr: Address, key: B256) -> B256 {
        self.storage.get(&(addr, key)).copied().unwrap_or_default()
    }

    /// Writes a slot directly (journaled, no gas), for test set-up.
    pub fn poke(&mut self, addr: Address, key: B256, value: B256) {
        let prev = self.peek(addr, key);
        self.journal.push(Entry::Storage { addr, key, prev });
        self.put_slot(addr, key, value);
    }

    fn put_slot(&mut self, addr: Address, key: B256, value: B256) {
        if value.is_zero() {
            self.storage.remove(&(addr, key));
        } else {
            self.storage.insert((addr, key), value);
        }
    }

    fn original(&mut self, addr: Address, key: B256) -> B256 {
        let current = self.peek(addr, key);
        *self.originals.entry((addr, key)).or_insert(current)
    }

    /// SLOAD: the value and its gas (2,100 cold / 100 warm).
    pub fn sload(&mut self, addr: Address, key: B256) -> (B256, u64) {
        self.original(addr, key);
        let cold = self.touch_slot(addr, key);
        let gas = if cold {
            gas::COLD_SLOAD_GAS
        } else {
            gas::WARM_READ_GAS
        };
        (self.peek(addr, key), gas)
    }

    /// Gas an SSTORE of `new` would cost now, without doing it.
    pub fn sstore_gas(&self, addr: Address, key: B256, new: B256) -> u64 {
        let current = self.peek(addr, key);
        let original = self.originals.get(&(addr, key)).copied().unwrap_or(current);
        let cold = !self.warm_slots.contains(&(addr, key));
        sstore_cost(original, current, new, cold).0
    }

    /// SSTORE per EIP-2200/2929/3529: writes, updates the refund counter
    /// and returns the gas charged.
    pub fn sstore(&mut self, addr: Address, key: B256, new: B256) -> SstoreCost {
        let original = self.original(addr, key);
        let current = self.peek(addr, key);
        let cold = self.touch_slot(addr, key);
        let (gas, refund) = sstore_cost(original, current, new, cold);
        if refund != 0 {
            self.journal.push(Entry::Refund(self.refund));
            self.refund += refund;
        }
        if current != new {
            self.journal.push(Entry::Storage {
                addr,
                key,
                prev: current,
            });
            self.put_slot(addr, key, new);
        }
        SstoreCost { gas, cold }
    }

    /// The refund counter (never negative).
    pub fn refund(&self) -> u64 {
        u64::try_from(self.refund).unwrap_or(0)
    }

    /// Appends a log (journaled).
    pub fn push_log(&mut self, log: Log) {
        self.logs.push(log);
    }

    /// Logs of the current transaction.
    pub fn take_logs(&mut self) -> Vec<Log> {
        std::mem::take(&mut self.logs)
    }
}

/// EIP-2200 with EIP-2929 and EIP-3529: (gas, refund delta).
fn sstore_cost(original: B256, current: B256, new: B256, cold: bool) -> (u64, i64) {
    let cold_gas = if cold { gas::COLD_SLOAD_GAS } else { 0 };
    let clears = gas::SSTORE_CLEARS_REFUND as i64;
    if current == new {
        return (cold_gas + gas::WARM_READ_GAS, 0);
    }
    if original == current {
        if original.is_zero() {
            return (cold_gas + gas::SSTORE_SET_GAS, 0);
        }
        let refund = if new.is_zero() { clears } else { 0 };
        return (cold_gas + gas::SSTORE_RESET_GAS, refund);
    }
    let mut refund = 0;
    if !original.is_zero() {
        if current.is_zero() {
            refund -= clears;
        } else if new.is_zero() {
            refund += clears;
        }
    }
    if original == new {
        refund += if original.is_zero() {
            (gas::SSTORE_SET_GAS - gas::WARM_READ_GAS) as i64
        } else {
            (gas::SSTORE_RESET_GAS - gas::WARM_READ_GAS) as i64
        };
    }
    (cold_gas + gas::WARM_READ_GAS, refund)
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: Address = Address::repeat_byte(0xaa);

    fn w(v: u8) -> B256 {
        B256::with_last_byte(v)
    }

    #[test]
    fn eip2929_sstore_costs() {
        let mut s = State::default();
        s.begin_tx(&[]);
        // cold zero -> non-zero: 2,100 + 20,000
        assert_eq!(s.sstore(A, w(1), w(7)).gas, 22_100);
        // dirty slot rewritten: warm 100
        assert_eq!(s.sstore(A, w(1), w(8)).gas, 100);
        s.begin_tx(&[]);
        // cold non-zero -> non-zero: 2,100 + 2,900
        assert_eq!(s.sstore(A, w(1), w(9)).gas, 5_000);
        // back to the original: 100 and 2,800 refunded
        assert_eq!(s.sstore(A, w(1), w(8)).gas, 100);
        assert_eq!(s.refund(), 2_800);
        s.begin_tx(&[]);
        // warm read then clear: 2,100 + 2,900 with 4,800 refund
        assert_eq!(s.sload(A, w(1)).1, 2_100);
        assert_eq!(s.sload(A, w(1)).1, 100);
        assert_eq!(s.sstore(A, w(1), B256::ZERO).gas, 2_900);
        assert_eq!(s.refund(), 4_800);
    }

    #[test]
    fn revert_restores_storage_balances_warmth_and_logs() {
        let mut s = State::default();
        s.begin_tx(&[]);
        s.set_balance(A, U256::from(10));
        let cp = s.checkpoint();
        s.sstore(A, w(1), w(1));
        assert!(s.transfer(A, Address::ZERO, U256::from(4)));
        s.push_log(Log::new_unchecked(A, vec![], Default::default()));
        s.revert_to(cp);
        assert_eq!(s.peek(A, w(1)), B256::ZERO);
        assert_eq!(s.balance(A), U256::from(10));
        assert!(s.take_logs().is_empty());
        // the slot is cold again
        assert_eq!(s.sload(A, w(1)).1, 2_100);
    }
}
