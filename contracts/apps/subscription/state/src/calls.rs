//! What the app asks other contracts without changing anything: the
//! Registry (who the subscriber is), Compliance (`preIssuanceCheck`), the
//! DS token (its decimals) and the NAV provider (`rate()`). A refused call
//! passes on the callee's revert data, or `ServiceCallFailed` when it gave
//! none. The calls are encoded with `sol!` and made raw through one helper
//! (the programs must fit the size budget); the mutating ones (issuance,
//! payments) are the programs' own.

#![allow(missing_docs)]

use alloc::vec::Vec;
use alloy_primitives::{Address, B256, U256};
use alloy_sol_types::{SolCall, SolError};
use ds_common::{
    consumer::passed_on,
    errors::{IssuanceRejected, NotAnInvestor},
    ids::service,
    DSError,
};
use stylus_sdk::prelude::*;

use crate::SubscriptionState;

/// Revert data of the app: an encoded custom error.
pub type Revert = Vec<u8>;

alloy_sol_types::sol! {
    /// The calls the app makes, encoded by hand.
    interface ICalls {
        function getParty(address wallet) external view returns (bytes32 key, uint256 info);
        function preIssuanceCheck(address to, uint256 value) external view returns (uint256, string);
        function decimals() external view returns (uint8);
        function rate() external view returns (uint256);
    }
}

/// The `index`-th 32-byte word of `answer`, or `ServiceCallFailed(id, at)`.
fn word(answer: &[u8], index: usize, id: u64, at: Address) -> Result<B256, Revert> {
    answer
        .get(index * 32..index * 32 + 32)
        .map(B256::from_slice)
        .ok_or_else(|| DSError::service_call_failed(id, at).into())
}

impl SubscriptionState {
    /// A static call of `data` at service `id`'s address `at`.
    pub fn ask(&self, id: u64, at: Address, data: &[u8]) -> Result<Vec<u8>, Revert> {
        stylus_sdk::call::static_call(self.vm(), Call::new(), at, data)
            .map_err(|e| passed_on(e, || DSError::service_call_failed(id, at)))
    }

    /// The investor key of `wallet` (the Registry), or [`NotAnInvestor`].
    pub fn investor_of(&self, wallet: Address) -> Result<B256, Revert> {
        let registry = self.services.require(service::REGISTRY)?;
        let data = ICalls::getPartyCall { wallet }.abi_encode();
        let answer = self.ask(service::REGISTRY, registry, &data)?;
        let key = word(&answer, 0, service::REGISTRY, registry)?;
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
        let answer = self.ask(service::COMPLIANCE, compliance, &data)?;
        if word(&answer, 0, service::COMPLIANCE, compliance)?.is_zero() {
            return Ok(());
        }
        let mut revert = IssuanceRejected::SELECTOR.to_vec();
        revert.extend_from_slice(&answer);
        Err(revert)
    }

    /// 10^decimals of the DS token: the units of one whole token.
    pub fn token_unit(&self) -> Result<U256, Revert> {
        let token = self.services.require(service::DS_TOKEN)?;
        let answer = self.ask(
            service::DS_TOKEN,
            token,
            &ICalls::decimalsCall {}.abi_encode(),
        )?;
        let decimals = U256::from_be_bytes(word(&answer, 0, service::DS_TOKEN, token)?.0);
        let mut unit = U256::from(1u8);
        for _ in 0..decimals.saturating_to::<u8>() {
            unit *= U256::from(10u8);
        }
        Ok(unit)
    }

    /// The NAV provider's current rate (0 is refused by the provider).
    pub fn nav_rate(&self, nav: Address) -> Result<U256, Revert> {
        let answer = self.ask(0, nav, &ICalls::rateCall {}.abi_encode())?;
        Ok(U256::from_be_bytes(word(&answer, 0, 0, nav)?.0))
    }
}
