//! The lock manager (manual locks) and issuance records (lock-ups), both
//! bounded per investor so no call can be made to run out of gas (audit
//! L-17, L-18).

use alloc::{string::String, vec::Vec};
use alloy_primitives::{Address, B256, U256};
use ds_common::{
    errors::{AmountTooLarge, InvalidIssuanceTime, InvalidLock, LockNotFound, TooManyRecords},
    ids::region,
    DSError,
};
use ds_rules::{
    config::{bool_rule, uint_rule, Config},
    locks::{self, Issuance, Lock},
    transfer::Party,
};
use stylus_sdk::prelude::*;

use crate::{
    events::{HolderLocked, HolderUnlocked, Locked, Unlocked},
    layout::{self, InvestorWord},
    ComplianceState,
};

/// Most manual locks one investor can carry.
pub const MAX_LOCKS: u8 = 16;
/// Most issuance records one investor can carry (expired ones are pruned first).
pub const MAX_ISSUANCES: u8 = 32;
/// Longest lock reason string, in bytes.
pub const MAX_REASON_LENGTH: usize = 64;

fn too_many(key: B256, max: u8) -> DSError {
    DSError::TooManyRecords(TooManyRecords {
        investorKey: key,
        max: U256::from(max),
    })
}

/// Validates a lock and converts it to the rules' form.
fn lock_of(value: U256, release_time: U256, now: u64) -> Result<Lock, DSError> {
    let invalid = || {
        DSError::InvalidLock(InvalidLock {
            value,
            releaseTime: release_time,
        })
    };
    let release = u64::try_from(release_time).map_err(|_| invalid())?;
    if value.is_zero() || (release != 0 && release <= now) {
        return Err(invalid());
    }
    if value > U256::from(u128::MAX) {
        return Err(DSError::AmountTooLarge(AmountTooLarge { amount: value }));
    }
    Ok(Lock {
        value,
        release_time: release,
    })
}

fn check_reason(reason: &str) -> Result<(), DSError> {
    ds_common::text::check_length(reason, MAX_REASON_LENGTH)
}

/// Whom a lock's DS events name: the investor id (`HolderLocked` /
/// `HolderUnlocked`) and, when the lock was set or removed through one of
/// its wallets, that wallet (`Locked` / `Unlocked`), each when known.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LockHolder {
    /// The investor's id (DS's `holderId`).
    pub investor_id: Option<String>,
    /// The wallet named by the caller (DS's `who`).
    pub wallet: Option<Address>,
}

impl LockHolder {
    /// A lock set or removed by investor id.
    pub fn investor(investor_id: String) -> Self {
        Self {
            investor_id: Some(investor_id),
            wallet: None,
        }
    }
}

/// One lock as its events describe it.
struct LockRecord<'a> {
    lock: &'a Lock,
    code: u64,
    reason: &'a str,
}

impl ComplianceState {
    /// The investor's manual locks.
    pub fn load_locks(&self, key: B256, count: u8) -> Vec<Lock> {
        let slots = self.locks.getter(key);
        (0..count)
            .map(|i| layout::decode_lock(slots.get(i)).0)
            .collect()
    }

    /// The investor's issuance records.
    pub fn load_issuances(&self, key: B256, count: u8) -> Vec<Issuance> {
        let slots = self.issuances.getter(key);
        (0..count)
            .map(|i| layout::decode_issuance(slots.get(i)))
            .collect()
    }

    /// Adds a manual lock to investor `key`; its DS events name `holder`.
    pub fn add_lock(
        &mut self,
        key: B256,
        holder: &LockHolder,
        value: U256,
        reason_code: U256,
        reason: String,
        release_time: U256,
    ) -> Result<bool, DSError> {
        let lock = lock_of(value, release_time, self.vm().block_timestamp())?;
        let code = u64::try_from(reason_code).map_err(|_| {
            DSError::InvalidLock(InvalidLock {
                value,
                releaseTime: release_time,
            })
        })?;
        check_reason(&reason)?;
        let mut word = InvestorWord::decode(self.investors.get(key));
        if word.locks >= MAX_LOCKS {
            return Err(too_many(key, MAX_LOCKS));
        }
        word.locks = self.store_lock(key, holder, word.locks, &lock, code, &reason);
        self.write_investor(key, &word);
        Ok(true)
    }

    fn store_lock(
        &mut self,
        key: B256,
        holder: &LockHolder,
        index: u8,
        lock: &Lock,
        code: u64,
        reason: &str,
    ) -> u8 {
        self.write_lock(key, index, lock, code, reason);
        self.log_lock(holder, &LockRecord { lock, code, reason }, true);
        index + 1
    }

    /// Writes lock `index` of investor `key` (no event).
    fn write_lock(&mut self, key: B256, index: u8, lock: &Lock, code: u64, reason: &str) {
        self.locks
            .setter(key)
            .insert(index, layout::encode_lock(lock, code));
        self.lock_reasons.setter(key).setter(index).set_str(reason);
    }

    /// DS's lock events, in DS's order: `HolderLocked` then `Locked` when a
    /// lock is added, `Unlocked` then `HolderUnlocked` when one is removed;
    /// each only when `holder` names its subject.
    fn log_lock(&self, holder: &LockHolder, record: &LockRecord, added: bool) {
        let value = record.lock.value;
        let reason = U256::from(record.code);
        let release_time = U256::from(record.lock.release_time);
        let text = || String::from(record.reason);
        if added {
            if let Some(holder_id) = holder.investor_id.clone() {
                self.vm().log(HolderLocked {
                    holderId: holder_id,
                    value,
                    reason,
                    reasonString: text(),
                    releaseTime: release_time,
                });
            }
            if let Some(who) = holder.wallet {
                self.vm().log(Locked {
                    who,
                    value,
                    reason,
                    reasonString: text(),
                    releaseTime: release_time,
                });
            }
        } else {
            if let Some(who) = holder.wallet {
                self.vm().log(Unlocked {
                    who,
                    value,
                    reason,
                    reasonString: text(),
                    releaseTime: release_time,
                });
            }
            if let Some(holder_id) = holder.investor_id.clone() {
                self.vm().log(HolderUnlocked {
                    holderId: holder_id,
                    value,
                    reason,
                    reasonString: text(),
                    releaseTime: release_time,
                });
            }
        }
    }

    /// Lock `index` of investor `key` with its position, reason code and
    /// reason, or [`LockNotFound`].
    fn stored_lock(
        &self,
        key: B256,
        word: &InvestorWord,
        index: U256,
    ) -> Result<(u8, Lock, u64, String), DSError> {
        let i =
            u8::try_from(index)
                .ok()
                .filter(|i| *i < word.locks)
                .ok_or(DSError::LockNotFound(LockNotFound {
                    investorKey: key,
                    index,
                }))?;
        let (lock, code) = layout::decode_lock(self.locks.getter(key).get(i));
        let reason = self.lock_reasons.getter(key).getter(i).get_string();
        Ok((i, lock, code, reason))
    }

    /// Removes lock `index` of investor `key`; the last lock takes its
    /// index. Its DS events name `holder`.
    pub fn remove_lock(
        &mut self,
        key: B256,
        holder: &LockHolder,
        index: U256,
    ) -> Result<bool, DSError> {
        let mut word = InvestorWord::decode(self.investors.get(key));
        let (i, lock, code, reason) = self.stored_lock(key, &word, index)?;
        let last = word.locks - 1;
        if i != last {
            let moved = self.locks.getter(key).get(last);
            let moved_reason = self.lock_reasons.getter(key).getter(last).get_string();
            self.locks.setter(key).insert(i, moved);
            self.lock_reasons
                .setter(key)
                .setter(i)
                .set_str(&moved_reason);
        }
        self.locks.setter(key).delete(last);
        self.lock_reasons.setter(key).setter(last).clear();
        word.locks = last;
        self.write_investor(key, &word);
        let record = LockRecord {
            lock: &lock,
            code,
            reason: &reason,
        };
        self.log_lock(holder, &record, false);
        Ok(true)
    }

    /// Lock `index` of investor `key`: (reason code, reason, value, release time).
    pub fn lock_at(&self, key: B256, index: U256) -> Result<(U256, String, U256, U256), DSError> {
        let word = InvestorWord::decode(self.investors.get(key));
        let (_, lock, code, reason) = self.stored_lock(key, &word, index)?;
        Ok((
            U256::from(code),
            reason,
            lock.value,
            U256::from(lock.release_time),
        ))
    }

    /// What investor `key` may transfer at `time` under its manual locks.
    pub fn transferable_at(&self, key: B256, time: U256) -> U256 {
        let word = InvestorWord::decode(self.investors.get(key));
        if word.state.locked {
            return U256::ZERO;
        }
        let time = u64::try_from(time).unwrap_or(u64::MAX);
        let locked = locks::manually_locked(&self.load_locks(key, word.locks), time);
        locks::transferable(word.state.balance, locked)
    }

    /// What investor `key` may transfer at `time` under its manual locks,
    /// less its issuances within `lock_time` seconds before `time` (one
    /// period for every record, DS's `getComplianceTransferableTokens`).
    pub fn transferable_under_lock_up(&self, key: B256, time: U256, lock_time: u64) -> U256 {
        let base = self.transferable_at(key, time);
        let word = InvestorWord::decode(self.investors.get(key));
        let records = self.load_issuances(key, word.issuances);
        let now = u64::try_from(time).unwrap_or(u64::MAX);
        let held = locks::held_up(&records, now, lock_time, lock_time);
        locks::transferable(base, held)
    }

    /// Validates the locks given with an issuance, and their `reason`
    /// (at most [`MAX_REASON_LENGTH`] bytes, as on every other lock path:
    /// review F-08).
    pub fn new_locks(
        &self,
        key: B256,
        word: &InvestorWord,
        party: &Party,
        values: &[U256],
        release_times: &[u64],
        reason: &str,
    ) -> Result<Vec<Lock>, DSError> {
        DSError::check_lengths(values.len(), release_times.len())?;
        if values.is_empty() {
            return Ok(Vec::new());
        }
        check_reason(reason)?;
        if !party.info.is_investor
            || usize::from(word.locks) + values.len() > usize::from(MAX_LOCKS)
        {
            return Err(too_many(key, MAX_LOCKS));
        }
        let now = self.vm().block_timestamp();
        values
            .iter()
            .zip(release_times)
            .map(|(v, t)| lock_of(*v, U256::from(*t), now))
            .collect()
    }

    /// Stores the locks given with an issuance to `wallet` (each logged as
    /// DS's `Locked(wallet, …)`, reason code 0); returns the new lock count.
    pub fn store_new_locks(
        &mut self,
        key: B256,
        wallet: Address,
        count: u8,
        new: &[Lock],
        reason: &str,
    ) -> u8 {
        // Only DS's `Locked(wallet, …)` here: the issuance path does not
        // know the investor id (and the hooks facet has no room for the
        // generic logger).
        new.iter().fold(count, |index, lock| {
            self.write_lock(key, index, lock, 0, reason);
            self.vm().log(Locked {
                who: wallet,
                value: lock.value,
                reason: U256::ZERO,
                reasonString: reason.into(),
                releaseTime: U256::from(lock.release_time),
            });
            index + 1
        })
    }

    /// The issuance time to record: the block time when 0 or when back-dating
    /// is disallowed; never in the future.
    pub fn issuance_time(&self, config: &Config, requested: U256) -> Result<u64, DSError> {
        let now = self.vm().block_timestamp();
        let time = u64::try_from(requested).unwrap_or(u64::MAX);
        if time > now {
            return Err(DSError::InvalidIssuanceTime(InvalidIssuanceTime {
                issuanceTime: requested,
                now: U256::from(now),
            }));
        }
        Ok(
            if time == 0 || config.flag(bool_rule::DISALLOW_BACK_DATING) {
                now
            } else {
                time
            },
        )
    }

    /// The investor's issuance records after recording a new one: records no
    /// longer under either lock-up are pruned; refused beyond the bound.
    pub fn issuances_with(
        &self,
        key: B256,
        word: &InvestorWord,
        party: &Party,
        config: &Config,
        value: U256,
        time: u64,
    ) -> Result<Vec<Issuance>, DSError> {
        if !party.info.is_investor {
            return Ok(Vec::new());
        }
        let now = self.vm().block_timestamp();
        let longest = config
            .num(uint_rule::US_LOCK_PERIOD)
            .max(config.num(uint_rule::NON_US_LOCK_PERIOD));
        let mut records: Vec<Issuance> = self
            .load_issuances(key, word.issuances)
            .into_iter()
            .filter(|i| i.is_held(now, longest))
            .collect();
        // A zero-value issuance holds nothing up: it takes no record, so it
        // cannot use up the investor's MAX_ISSUANCES (review F-15).
        if value.is_zero() {
            return Ok(records);
        }
        if records.len() >= usize::from(MAX_ISSUANCES) {
            return Err(too_many(key, MAX_ISSUANCES));
        }
        records.push(Issuance {
            value,
            time,
            us: party.region == region::US,
        });
        Ok(records)
    }

    /// Rewrites the investor's issuance records; returns their count.
    pub fn store_issuances(&mut self, key: B256, records: &[Issuance]) -> u8 {
        let old = InvestorWord::decode(self.investors.get(key)).issuances;
        let mut slots = self.issuances.setter(key);
        for (i, record) in records.iter().enumerate() {
            slots.insert(i as u8, layout::encode_issuance(record));
        }
        for i in records.len() as u8..old {
            slots.delete(i);
        }
        records.len() as u8
    }

    /// Cuts the issuance records so they never add up to more than
    /// `balance` (oldest first); returns the new count (audit L-11).
    pub fn trim_issuances(&mut self, key: B256, count: u8, balance: U256) -> u8 {
        let mut records = self.load_issuances(key, count);
        let mut excess = records
            .iter()
            .fold(U256::ZERO, |s, r| s.saturating_add(r.value))
            .saturating_sub(balance);
        if excess.is_zero() {
            return count;
        }
        for record in records.iter_mut() {
            let cut = record.value.min(excess);
            record.value -= cut;
            excess -= cut;
        }
        records.retain(|r| !r.value.is_zero());
        self.store_issuances(key, &records)
    }
}
