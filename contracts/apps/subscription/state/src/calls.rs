//! What the app asks other contracts without changing anything: the
//! Registry (who the subscriber is), Compliance (`preIssuanceCheck`) and
//! the DS token (its decimals), through `ds_common::queries`. A refused
//! call passes on the callee's revert data, or `ServiceCallFailed` when it
//! gave none.

#![allow(missing_docs)]

use alloc::vec::Vec;
use alloy_primitives::{Address, B256, U256};
use alloy_sol_types::{SolCall, SolError};
use ds_common::{
    errors::{IssuanceRejected, NotAnInvestor},
    ids::service,
    queries, DSError,
};
use stylus_sdk::prelude::*;

use crate::SubscriptionState;

/// Revert data of the app: an encoded custom error.
pub type Revert = Vec<u8>;

alloy_sol_types::sol! {
    /// The Compliance call the app makes, encoded by hand.
    interface ICalls {
        function preIssuanceCheck(address to, uint256 value) external view returns (uint256, string);
    }
}

impl SubscriptionState {
    /// The investor key of `wallet` (the Registry), or [`NotAnInvestor`].
    pub fn investor_of(&self, wallet: Address) -> Result<B256, Revert> {
        let registry = self.services.require(service::REGISTRY)?;
        let key = queries::investor_key(self.vm(), registry, wallet)?;
        if key.is_zero() {
            return Err(DSError::NotAnInvestor(NotAnInvestor { wallet }).into());
        }
        Ok(key)
    }

    /// Compliance's verdict on issuing `amount` to `wallet` now: `Ok` for
    /// code 0, else [`IssuanceRejected`] with the DS code and reason. The
    /// answer `(uint256 code, string reason)` is the error's own encoding:
    /// it is passed on behind the error's selector, never decoded.
    pub fn pre_issuance_check(&self, wallet: Address, amount: U256) -> Result<(), Revert> {
        let compliance = self.services.require(service::COMPLIANCE)?;
        let data = ICalls::preIssuanceCheckCall {
            to: wallet,
            value: amount,
        }
        .abi_encode();
        let answer = queries::ask(self.vm(), service::COMPLIANCE, compliance, &data)?;
        if queries::word(&answer, 0, service::COMPLIANCE, compliance)?.is_zero() {
            return Ok(());
        }
        let mut revert = IssuanceRejected::SELECTOR.to_vec();
        revert.extend_from_slice(&answer);
        Err(revert)
    }

    /// 10^decimals of the DS token: the units of one whole token.
    pub fn token_unit(&self) -> Result<U256, Revert> {
        let token = self.services.require(service::DS_TOKEN)?;
        queries::token_unit(self.vm(), token)
    }
}
