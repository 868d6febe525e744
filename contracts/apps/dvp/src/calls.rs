//! What the app asks other contracts: the DS token (the pre-trade check
//! and the delivery leg) and the payment ERC-20 (the payment leg).
//!
//! A refused call passes on the callee's own revert data (the token's
//! `TransferRejected(code, reason)` or `ERC20InsufficientAllowance`, the
//! payment token's own error), or `ServiceCallFailed` / [`PaymentFailed`]
//! when the callee gave none. Payment tokens that return no value are
//! accepted (as OpenZeppelin's SafeERC20 does); `false` is a refusal; a
//! token that delivers less than the amount (a fee on transfer) is refused
//! with [`PaymentShortfall`].

#![allow(missing_docs, clippy::too_many_arguments)]

use alloc::{string::String, vec::Vec};
use alloy_primitives::{Address, U256};
use ds_common::{consumer::passed_on, errors::TransferRejected, ids::service, DSError};
use stylus_sdk::prelude::*;

use crate::DvP;

/// Revert data of the app: an encoded custom error.
pub type Revert = Vec<u8>;

sol_interface! {
    /// What the app asks the DS token.
    interface IDSTokenTrade {
        function preTransferCheck(address from, address to, uint256 value) external view returns (uint256, string);
        function transferFrom(address from, address to, uint256 value) external returns (bool);
    }
}

impl DvP {
    /// The token's verdict on moving `amount` from `seller` to `buyer` now:
    /// `Ok` for code 0, else [`TransferRejected`] with the DS code and reason.
    pub(crate) fn pre_trade_check(
        &self,
        token: Address,
        seller: Address,
        buyer: Address,
        amount: U256,
    ) -> Result<(), Revert> {
        let (code, reason): (U256, String) = IDSTokenTrade::new(token)
            .pre_transfer_check(self.vm(), Call::new(), seller, buyer, amount)
            .map_err(|e| passed_on(e, || DSError::service_call_failed(service::DS_TOKEN, token)))?;
        if code.is_zero() {
            Ok(())
        } else {
            Err(DSError::TransferRejected(TransferRejected { code, reason }).into())
        }
    }

    /// The delivery leg: the token moves `amount` from `seller` to `buyer`
    /// with this app as the spender, under its full transfer check.
    pub(crate) fn deliver(
        &mut self,
        token: Address,
        seller: Address,
        buyer: Address,
        amount: U256,
    ) -> Result<(), Revert> {
        let call = Call::new_mutating(self);
        let moved = IDSTokenTrade::new(token)
            .transfer_from(self.vm(), call, seller, buyer, amount)
            .map_err(|e| passed_on(e, || DSError::service_call_failed(service::DS_TOKEN, token)))?;
        if moved {
            Ok(())
        } else {
            Err(DSError::service_call_failed(service::DS_TOKEN, token).into())
        }
    }
}
