//! Locked amounts: manual locks and issuance-based hold-ups.
//!
//! Manual locks and hold-ups are checked separately (codes 16 and 32/33),
//! each against the investor's whole balance, so a token covered by both is
//! never counted twice (audit M-7).

use alloy_primitives::U256;

/// A manual lock on part of an investor's balance.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Lock {
    /// Amount locked.
    pub value: U256,
    /// Release time; 0 = locked until an admin removes the lock.
    pub release_time: u64,
}

impl Lock {
    /// Whether the lock still binds at `now` (released at `release_time` exactly).
    pub fn is_active(&self, now: u64) -> bool {
        self.release_time == 0 || now < self.release_time
    }
}

/// One issuance to an investor, kept for the lock-up periods.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Issuance {
    /// Amount issued.
    pub value: U256,
    /// Issuance time.
    pub time: u64,
    /// Whether the investor was a US investor when issued: the lock-up
    /// period of the issuance follows the residency at issuance, not a later
    /// one (audit M-4).
    pub us: bool,
}

impl Issuance {
    /// Whether the issuance is still under a lock-up of `period` seconds at
    /// `now` (free from `time + period` exactly).
    pub fn is_held(&self, now: u64, period: u64) -> bool {
        now < self.time.saturating_add(period)
    }

    /// The issuance's own lock-up period: `us_period` or `non_us_period`
    /// by the residency it was issued under.
    pub fn period(&self, us_period: u64, non_us_period: u64) -> u64 {
        if self.us {
            us_period
        } else {
            non_us_period
        }
    }
}

/// Sum of the manual locks active at `now`.
pub fn manually_locked(locks: &[Lock], now: u64) -> U256 {
    locks
        .iter()
        .filter(|l| l.is_active(now))
        .fold(U256::ZERO, |sum, l| sum.saturating_add(l.value))
}

/// Sum of the issuances still under their lock-up at `now` (each under the
/// period of the residency it was issued under).
pub fn held_up(issuances: &[Issuance], now: u64, us_period: u64, non_us_period: u64) -> U256 {
    issuances
        .iter()
        .filter(|i| i.is_held(now, i.period(us_period, non_us_period)))
        .fold(U256::ZERO, |sum, i| sum.saturating_add(i.value))
}

/// What remains transferable of `balance` when `locked` of it is locked.
pub fn transferable(balance: U256, locked: U256) -> U256 {
    balance.saturating_sub(locked)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn u(v: u64) -> U256 {
        U256::from(v)
    }

    #[test]
    fn manual_lock_releases_at_its_release_second() {
        let lock = Lock {
            value: u(5),
            release_time: 100,
        };
        assert!(lock.is_active(99));
        assert!(!lock.is_active(100));
        assert!(Lock {
            value: u(5),
            release_time: 0
        }
        .is_active(u64::MAX));
    }

    #[test]
    fn hold_up_ends_at_time_plus_period() {
        let issuance = Issuance {
            value: u(7),
            time: 1_000,
            us: true,
        };
        assert!(issuance.is_held(1_099, 100));
        assert!(!issuance.is_held(1_100, 100));
        assert!(!issuance.is_held(1_000, 0));
        assert!(issuance.is_held(u64::MAX - 1, u64::MAX));
    }

    #[test]
    fn sums_count_only_binding_entries() {
        let locks = [
            Lock {
                value: u(5),
                release_time: 0,
            },
            Lock {
                value: u(3),
                release_time: 50,
            },
            Lock {
                value: u(2),
                release_time: 10,
            },
        ];
        assert_eq!(manually_locked(&locks, 20), u(8));
        assert_eq!(manually_locked(&locks, 50), u(5));
        let issuances = [
            Issuance {
                value: u(4),
                time: 0,
                us: false,
            },
            Issuance {
                value: u(6),
                time: 90,
                us: false,
            },
            Issuance {
                value: u(1),
                time: 90,
                us: true,
            },
        ];
        assert_eq!(held_up(&issuances, 95, 0, 10), u(6));
        assert_eq!(held_up(&issuances, 95, 10, 10), u(7));
        assert_eq!(held_up(&issuances, 100, 1_000, 10), u(1));
        assert_eq!(held_up(&issuances, 100, 10, 10), U256::ZERO);
    }

    #[test]
    fn transferable_never_underflows() {
        assert_eq!(transferable(u(10), u(4)), u(6));
        assert_eq!(transferable(u(10), u(40)), U256::ZERO);
    }
}
