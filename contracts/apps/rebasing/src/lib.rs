//! DS rebasing provider (DS v4's `SecuritizeRebasingProvider`, service id
//! 8196): the multiplier between a rebasing token's shares and its tokens,
//! set by the issuer, and the two conversions every rebasing-aware client
//! uses (`convertTokensToShares`, `convertSharesToTokens`).
//!
//! - The multiplier has 18 decimals (1e18: one token per share) and is
//!   never 0 ([`InvalidMultiplier`], DS's error).
//! - `tokenDecimals` is fixed at construction, at most 18 (DS refuses more
//!   on every conversion; we refuse it once, at deployment).
//! - The arithmetic is DS's, exact and overflow checked ([`math`]).
//!
//! Our DS token does not rebase yet: it does not read this provider, so its
//! balances are tokens whatever the multiplier (documented in
//! `docs/ds-compatibility.md`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
// The SDK's `#[entrypoint]` adds an undocumented `user_entrypoint` to the
// Wasm build, `#[public]` undocumented items to the ABI export; documentation
// is checked on the native build (clippy).
#![cfg_attr(
    any(target_arch = "wasm32", feature = "export-abi"),
    allow(missing_docs)
)]
extern crate alloc;

pub mod math;

use alloy_primitives::{Address, U256};
use ds_common::{
    consumer::ServiceRegistry,
    errors::{InvalidMultiplier, TokenDecimalsNotSupported},
    ids::role,
    DSError,
};
use stylus_sdk::{
    prelude::*,
    storage::{StorageU256, StorageU8},
};

ds_common::events_sol!();

/// The rebasing provider.
#[storage]
#[entrypoint]
pub struct RebasingProvider {
    /// Where the DS services live (Trust: the issuer and the master).
    services: ServiceRegistry,
    /// Tokens per share, 18 decimals (never 0 once constructed).
    multiplier: StorageU256,
    /// The decimals of the token the shares belong to (≤ 18).
    token_decimals: StorageU8,
}

fn valid_multiplier(multiplier: U256) -> Result<U256, DSError> {
    if multiplier.is_zero() {
        return Err(DSError::InvalidMultiplier(InvalidMultiplier {
            providedMultiplier: multiplier,
        }));
    }
    Ok(multiplier)
}

#[public]
impl RebasingProvider {
    /// Binds the provider to the Trust service that holds the roles, with
    /// the first multiplier (not 0) and the token's decimals (≤ 18).
    #[constructor]
    pub fn constructor(
        &mut self,
        trust: Address,
        multiplier: U256,
        token_decimals: u8,
    ) -> Result<(), DSError> {
        if token_decimals > math::MAX_DECIMALS {
            return Err(DSError::TokenDecimalsNotSupported(
                TokenDecimalsNotSupported {
                    decimals: token_decimals,
                },
            ));
        }
        let multiplier = valid_multiplier(multiplier)?;
        self.services.init_trust(trust)?;
        self.multiplier.set(multiplier);
        self.token_decimals
            .set(alloy_primitives::Uint::from(token_decimals));
        Ok(())
    }

    /// Registers the address of DS service `serviceId` (master, per Trust).
    #[selector(name = "setDSService")]
    pub fn set_ds_service(&mut self, service_id: U256, service: Address) -> Result<bool, DSError> {
        self.services.set_by_master(service_id, service)
    }

    /// The address registered for DS service `serviceId` (zero when none).
    #[selector(name = "getDSService")]
    pub fn get_ds_service(&self, service_id: U256) -> Address {
        self.services.get(service_id)
    }

    /// DS: tokens per share, 18 decimals.
    pub fn multiplier(&self) -> U256 {
        self.multiplier.get()
    }

    /// DS: the decimals of the token the shares belong to.
    pub fn token_decimals(&self) -> u8 {
        self.token_decimals.get().to::<u8>()
    }

    /// DS: sets the multiplier (issuer or master; not 0).
    ///
    /// # Errors
    /// `UnauthorizedCaller`, `InvalidMultiplier(0)`.
    ///
    /// # Events
    /// `RebasingRateUpdated(old, new)`.
    pub fn set_multiplier(&mut self, multiplier: U256) -> Result<(), DSError> {
        self.services
            .require_role(self.vm().msg_sender(), role::ISSUER_OR_ABOVE)?;
        let new = valid_multiplier(multiplier)?;
        let old = self.multiplier.get();
        self.multiplier.set(new);
        self.vm().log(RebasingRateUpdated {
            oldValue: old,
            newValue: new,
        });
        Ok(())
    }

    /// DS: `tokens` as shares at the current multiplier (nearest; a
    /// non-zero amount that would be 0 shares is refused).
    pub fn convert_tokens_to_shares(&self, tokens: U256) -> Result<U256, DSError> {
        math::tokens_to_shares(tokens, self.multiplier.get(), self.token_decimals())
    }

    /// DS: `shares` as tokens at the current multiplier (nearest).
    pub fn convert_shares_to_tokens(&self, shares: U256) -> Result<U256, DSError> {
        math::shares_to_tokens(shares, self.multiplier.get(), self.token_decimals())
    }
}

#[cfg(test)]
mod tests;
