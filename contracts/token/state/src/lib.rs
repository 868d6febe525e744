//! Storage and shared steps of the DS token.
//!
//! The token contract (`ds-token`: ERC-20 and the transfer path) and its
//! facets, run by delegatecall from its fallback in one hop (the admin facet
//! `ds-token-admin`: issuance, burn and the route table; the control facet
//! `ds-token-control`: seize, forced transfer, freeze, pause, snapshots),
//! all embed [`TokenState`] as their only field, so they address the same
//! slots. Packed words: see [`words`]; balances and holders: see [`ledger`].
extern crate alloc;

pub mod events;
pub mod ledger;
pub mod words;

use alloc::{string::String, vec::Vec};
use alloy_primitives::{Address, FixedBytes, U256};
use ds_common::{
    codes,
    consumer::{service_set, ServiceRegistry},
    errors::{ERC20InsufficientBalance, ERC20InvalidReceiver, SnapshotNotFound},
    ids::service,
    text::StorageText,
    DSError,
};
use stylus_sdk::{
    prelude::*,
    storage::{StorageMap, StorageU256, StorageU64, StorageU8},
    stylus_core::calls::errors::Error as CallError,
};

use ledger::Ledger;
use words::Hot;

/// Revert data: a typed error of the token, or a service's own revert data
/// passed through unchanged.
pub type Revert = Vec<u8>;

/// Storage of the DS token, shared by the contract and its admin facet.
#[storage]
pub struct TokenState {
    /// Where the other DS services live.
    pub services: ServiceRegistry,
    /// Balances, holders, supply, freezes.
    pub ledger: Ledger,
    /// ERC-20 allowances: owner → spender → amount.
    pub allowances: StorageMap<Address, StorageMap<Address, StorageU256>>,
    /// ERC-20 name.
    pub name: StorageText,
    /// ERC-20 symbol.
    pub symbol: StorageText,
    /// ERC-20 decimals.
    pub decimals: StorageU8,
    /// Block time of the latest snapshot (0: none yet).
    pub last_snapshot_time: StorageU64,
    /// The router's table: selector → facet id; a selector without a route
    /// runs in the admin facet ([`TokenState::facet_of`]).
    pub routes: StorageMap<FixedBytes<4>, StorageU64>,
}

/// The facets a token selector may be routed to.
pub const FACETS: [u64; 2] = [service::TOKEN_ADMIN_FACET, service::TOKEN_CONTROL_FACET];

alloy_sol_types::sol! {
    /// The token router's own functions, served by the admin facet (the
    /// facet that keeps the table): they cannot be routed elsewhere.
    interface ITokenRouter {
        function setFacetSelectors(uint256 facetId, bytes4[] selectors) external returns (bool);
        function facetOf(bytes4 selector) external view returns (uint256);
    }
}

impl TokenState {
    /// Refuses the caller unless Trust gives it one of `allowed`.
    pub fn authorize(&self, allowed: &[u8]) -> Result<(), DSError> {
        let sender = self.vm().msg_sender();
        self.services.require_role(sender, allowed).map(|_| ())
    }

    /// `id` as a snapshot taken, or [`SnapshotNotFound`].
    pub fn snapshot(&self, id: U256) -> Result<u32, DSError> {
        let current = self.ledger.hot().snapshot;
        match u32::try_from(id) {
            Ok(found) if found != 0 && found <= current => Ok(found),
            _ => Err(DSError::SnapshotNotFound(SnapshotNotFound {
                id,
                current: U256::from(current),
            })),
        }
    }

    /// The Compliance service, from the hot word.
    pub fn compliance(&self) -> Result<Address, DSError> {
        compliance_in(&self.ledger.hot())
    }

    /// The facet `selector` runs in: its route, else the admin facet.
    pub fn facet_of(&self, selector: FixedBytes<4>) -> u64 {
        match self.routes.get(selector).to::<u64>() {
            0 => service::TOKEN_ADMIN_FACET,
            facet => facet,
        }
    }

    /// Runs `calldata` in the facet its selector is routed to, by one
    /// delegatecall on this storage, returning or reverting with its data.
    pub fn route(&mut self, calldata: &[u8]) -> stylus_sdk::ArbResult {
        let selector = FixedBytes(ds_common::constants::selector_of(calldata));
        self.services.delegate_to(self.facet_of(selector), calldata)
    }
}

/// The Compliance address kept in the hot word, or [`ServiceNotSet`].
pub fn compliance_in(hot: &Hot) -> Result<Address, DSError> {
    service_set(hot.compliance, service::COMPLIANCE)
}

/// Refuses the zero address as a receiver ([`ERC20InvalidReceiver`]).
pub fn require_receiver(to: Address) -> Result<(), DSError> {
    if to.is_zero() {
        return Err(DSError::ERC20InvalidReceiver(ERC20InvalidReceiver {
            receiver: to,
        }));
    }
    Ok(())
}

/// `value` as an amount no larger than `balance`, or [`ERC20InsufficientBalance`].
pub fn within_balance(who: Address, balance: u128, value: U256) -> Result<u128, DSError> {
    match u128::try_from(value) {
        Ok(v) if v <= balance => Ok(v),
        _ => Err(DSError::ERC20InsufficientBalance(
            ERC20InsufficientBalance {
                sender: who,
                balance: U256::from(balance),
                needed: value,
            },
        )),
    }
}

/// A DS reason code as `(code, reason string)` for the rejection errors.
pub fn reason_of(code: U256) -> (U256, String) {
    let small = u8::try_from(code).unwrap_or(u8::MAX);
    (code, String::from(codes::reason(small)))
}

/// A service call's failure as the token's revert data: the service's own
/// revert data unchanged, or [`ServiceCallFailed`] when it gave none.
pub fn passed_on(error: CallError, id: u64, address: Address) -> Revert {
    ds_common::consumer::passed_on(error, || DSError::service_call_failed(id, address))
}
