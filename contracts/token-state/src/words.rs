//! Packed storage words of the token, as plain values (no host).
//!
//! A transfer reads three slots of the token: the [`Hot`] word (Compliance's
//! address, pause flag, holder count) and the two [`Account`] words (balance,
//! holder-list position, frozen flag). Issuance and burn also touch the
//! [`Supply`] word. Balances are `u128`: the supply can never exceed it.

use alloy_primitives::{Address, U256};

const ADDRESS_BITS: usize = 160;
const U40_MASK: u64 = (1 << 40) - 1;

fn bits(word: U256, shift: usize, mask: u64) -> u64 {
    (word >> shift).as_limbs()[0] & mask
}

/// The word every transfer reads first.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Hot {
    /// The Compliance service (a copy of service id 8, kept here to save a read).
    pub compliance: Address,
    /// Whether the token is paused.
    pub paused: bool,
    /// Number of wallets holding tokens (the holder list's length).
    pub holders: u64,
}

impl Hot {
    const PAUSED_SHIFT: usize = ADDRESS_BITS;
    const HOLDERS_SHIFT: usize = ADDRESS_BITS + 8;

    /// Unpacks a stored word.
    pub fn decode(word: U256) -> Self {
        let compliance = Address::from_word(word.into());
        Self {
            compliance,
            paused: bits(word, Self::PAUSED_SHIFT, 1) == 1,
            holders: bits(word, Self::HOLDERS_SHIFT, U40_MASK),
        }
    }

    /// Packs into a stored word.
    pub fn encode(&self) -> U256 {
        U256::from_be_slice(self.compliance.as_slice())
            | (U256::from(u8::from(self.paused)) << Self::PAUSED_SHIFT)
            | (U256::from(self.holders & U40_MASK) << Self::HOLDERS_SHIFT)
    }
}

/// One wallet's word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Account {
    /// Token balance.
    pub balance: u128,
    /// 1-based position in the holder list; 0 when not listed.
    pub position: u64,
    /// Whether a frozen amount (ERC-7943) is stored for the wallet.
    pub frozen: bool,
}

impl Account {
    const POSITION_SHIFT: usize = 128;
    const FROZEN_SHIFT: usize = 168;

    /// Unpacks a stored word.
    pub fn decode(word: U256) -> Self {
        Self {
            balance: low_u128(word),
            position: bits(word, Self::POSITION_SHIFT, U40_MASK),
            frozen: bits(word, Self::FROZEN_SHIFT, 1) == 1,
        }
    }

    /// Packs into a stored word.
    pub fn encode(&self) -> U256 {
        U256::from(self.balance)
            | (U256::from(self.position & U40_MASK) << Self::POSITION_SHIFT)
            | (U256::from(u8::from(self.frozen)) << Self::FROZEN_SHIFT)
    }
}

/// Total supply and total issued, one word.
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
        Self {
            total: low_u128(word),
            issued: low_u128(word >> 128),
        }
    }

    /// Packs into a stored word.
    pub fn encode(&self) -> U256 {
        U256::from(self.total) | (U256::from(self.issued) << 128)
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
                holders: U40_MASK,
            },
            Hot {
                compliance: address!("00000000000000000000000000000000000000c0"),
                paused: false,
                holders: 7,
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
        assert_eq!(Account::default().encode(), U256::ZERO);
    }

    #[test]
    fn supply_round_trips() {
        let s = Supply {
            total: u128::MAX - 1,
            issued: u128::MAX,
        };
        assert_eq!(Supply::decode(s.encode()), s);
    }
}
