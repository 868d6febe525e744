//! Minimal Stylus ERC-20 (balances, total supply, transfer, Transfer event)
//! used only to calibrate the devnet's gas model against the public
//! Arbitrum figure for a Stylus ERC-20 transfer (70,949 gas, uncached).
#![cfg_attr(not(test), no_main)]
// The SDK's `#[entrypoint]` adds an undocumented `user_entrypoint` to the
// Wasm build, `#[public]` undocumented items to the ABI export; documentation
// is checked on the native build (clippy).
#![cfg_attr(
    any(target_arch = "wasm32", feature = "export-abi"),
    allow(missing_docs)
)]
extern crate alloc;

use alloc::vec::Vec;
use alloy_primitives::{Address, U256};
use alloy_sol_types::sol;
use stylus_sdk::{
    prelude::*,
    storage::{StorageMap, StorageU256},
};

sol! {
    /// `value` tokens moved from `from` to `to`.
    event Transfer(address indexed from, address indexed to, uint256 value);
    /// `from` holds `have`, less than `want`.
    error InsufficientBalance(address from, uint256 have, uint256 want);
}

/// Errors of the token.
#[derive(SolidityError)]
pub enum TokenError {
    /// Balance too low.
    InsufficientBalance(InsufficientBalance),
}

/// The token.
#[storage]
#[entrypoint]
pub struct Erc20Min {
    balances: StorageMap<Address, StorageU256>,
    total_supply: StorageU256,
}

#[public]
impl Erc20Min {
    /// Mints `supply` to the deployer.
    #[constructor]
    pub fn constructor(&mut self, supply: U256) {
        let to = self.vm().msg_sender();
        self.balances.insert(to, supply);
        self.total_supply.set(supply);
        self.vm().log(Transfer {
            from: Address::ZERO,
            to,
            value: supply,
        });
    }

    /// Total supply.
    pub fn total_supply(&self) -> U256 {
        self.total_supply.get()
    }

    /// Balance of `owner`.
    pub fn balance_of(&self, owner: Address) -> U256 {
        self.balances.get(owner)
    }

    /// Moves `value` from the sender to `to`.
    pub fn transfer(&mut self, to: Address, value: U256) -> Result<bool, TokenError> {
        let from = self.vm().msg_sender();
        let have = self.balances.get(from);
        if have < value {
            return Err(TokenError::InsufficientBalance(InsufficientBalance {
                from,
                have,
                want: value,
            }));
        }
        self.balances.insert(from, have - value);
        let credited = self.balances.get(to) + value;
        self.balances.insert(to, credited);
        self.vm().log(Transfer { from, to, value });
        Ok(true)
    }
}
