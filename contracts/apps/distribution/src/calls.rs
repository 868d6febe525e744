//! What the app asks other contracts: the DS token (a snapshot, balances at
//! it), Comms (the announcement) and the payment ERC-20 (pull and pay).
//!
//! A refused call passes on the callee's own revert data (the token's
//! `UnauthorizedCaller` when this app is not authorised, Comms'
//! `UriTooLong`, the payment token's `ERC20InsufficientAllowance`...), or
//! `ServiceCallFailed` / [`PaymentFailed`] when the callee gave none, an
//! undecodable answer or (for the payment token) `false`.

#![allow(missing_docs, clippy::too_many_arguments)]

use alloc::{string::String, vec::Vec};
use alloy_primitives::{Address, B256, U256};
use ds_common::{
    consumer::passed_on,
    errors::PaymentFailed,
    ids::{notice_category, notice_target, service},
    interfaces::IDSTokenSnapshots,
    DSError,
};
use stylus_sdk::{prelude::*, stylus_core::calls::errors::Error as CallError};

use crate::Distribution;

/// Revert data of the app: an encoded custom error.
pub type Revert = Vec<u8>;

sol_interface! {
    /// The ERC-20 calls of the payment token.
    interface IPaymentToken {
        function transfer(address to, uint256 value) external returns (bool);
        function transferFrom(address from, address to, uint256 value) external returns (bool);
    }

    /// The Comms call that announces a distribution.
    interface ICommsNotices {
        function publishNotice(uint8 category, bytes32 content_hash, string calldata uri, uint8 target_kind, bytes32 target, uint64 deadline) external returns (uint256);
    }
}

/// A service's id-like answer as 64 bits (ids are counters); a larger
/// answer counts as a failed call.
fn small_id(value: U256, id: u64, address: Address) -> Result<u64, Revert> {
    u64::try_from(value).map_err(|_| DSError::service_call_failed(id, address).into())
}

impl Distribution {
    /// Asks `token` for a new snapshot and returns its id.
    pub(crate) fn take_snapshot(&mut self, token: Address) -> Result<u64, Revert> {
        let call = Call::new_mutating(self);
        let id = IDSTokenSnapshots::new(token)
            .snapshot(self.vm(), call)
            .map_err(|e| passed_on(e, || DSError::service_call_failed(service::DS_TOKEN, token)))?;
        small_id(id, service::DS_TOKEN, token)
    }

    /// The total supply of `token` at `snapshot_id`.
    pub(crate) fn supply_at(&self, token: Address, snapshot_id: u64) -> Result<U256, Revert> {
        IDSTokenSnapshots::new(token)
            .total_supply_at(self.vm(), Call::new(), U256::from(snapshot_id))
            .map_err(|e| passed_on(e, || DSError::service_call_failed(service::DS_TOKEN, token)))
    }

    /// The balance of `wallet` in `token` at `snapshot_id`.
    pub(crate) fn balance_at(
        &self,
        token: Address,
        wallet: Address,
        snapshot_id: u64,
    ) -> Result<U256, Revert> {
        IDSTokenSnapshots::new(token)
            .balance_of_at(self.vm(), Call::new(), wallet, U256::from(snapshot_id))
            .map_err(|e| passed_on(e, || DSError::service_call_failed(service::DS_TOKEN, token)))
    }

    /// Publishes the dividend notice to all holders on `comms` and returns
    /// its id.
    pub(crate) fn announce(
        &mut self,
        comms: Address,
        content_hash: B256,
        uri: String,
        deadline: u64,
    ) -> Result<u64, Revert> {
        let call = Call::new_mutating(self);
        let id = ICommsNotices::new(comms)
            .publish_notice(
                self.vm(),
                call,
                notice_category::DIVIDEND,
                content_hash,
                uri,
                notice_target::ALL_HOLDERS,
                B256::ZERO,
                deadline,
            )
            .map_err(|e| passed_on(e, || DSError::service_call_failed(service::COMMS, comms)))?;
        small_id(id, service::COMMS, comms)
    }

    /// Moves `amount` of `token` from `from` to this app (`transferFrom`,
    /// within the allowance `from` gave the app).
    pub(crate) fn pull(
        &mut self,
        token: Address,
        from: Address,
        amount: U256,
    ) -> Result<(), Revert> {
        let to = self.vm().contract_address();
        let call = Call::new_mutating(self);
        let result = IPaymentToken::new(token).transfer_from(self.vm(), call, from, to, amount);
        paid(result, token, from, to, amount)
    }

    /// Sends `amount` of `token` from this app to `to`.
    pub(crate) fn pay(&mut self, token: Address, to: Address, amount: U256) -> Result<(), Revert> {
        let from = self.vm().contract_address();
        let call = Call::new_mutating(self);
        let result = IPaymentToken::new(token).transfer(self.vm(), call, to, amount);
        paid(result, token, from, to, amount)
    }
}

/// A payment token call's outcome: `Ok` only for an answer of `true`.
fn paid(
    result: Result<bool, CallError>,
    token: Address,
    from: Address,
    to: Address,
    amount: U256,
) -> Result<(), Revert> {
    let failed = || {
        DSError::PaymentFailed(PaymentFailed {
            token,
            from,
            to,
            amount,
        })
    };
    match result {
        Ok(true) => Ok(()),
        Ok(false) => Err(failed().into()),
        Err(e) => Err(passed_on(e, failed)),
    }
}
