//! DS token issuer (DS v4's `TokenIssuer`, service id 512): one call that
//! registers the investor when its wallet is new (country, collision hash,
//! the KYC / accredited / qualified attributes), then issues tokens to the
//! wallet with any number of locks. Issuer or master.
//!
//! The issuer service holds the ISSUER role in Trust and calls the
//! Registry's `updateInvestor` and the token's
//! `issueTokensWithMultipleLocks`; the token runs the full issuance check
//! (`IssuanceRejected` with the DS code and reason is passed on unchanged).
//! The argument shapes are checked before the first call.
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
// The SDK's `#[entrypoint]` adds an undocumented `user_entrypoint` to the
// Wasm build, `#[public]` undocumented items to the ABI export; documentation
// is checked on the native build (clippy).
#![cfg_attr(
    any(target_arch = "wasm32", feature = "export-abi"),
    allow(missing_docs)
)]
extern crate alloc;

use alloc::{string::String, vec, vec::Vec};
use alloy_primitives::{Address, U256};
use ds_common::{
    consumer::{passed_on, ServiceRegistry},
    errors::{WalletNotOfInvestor, WrongParameterLength},
    ids::{attribute, role, service},
    interfaces::{IDSTokenIssuance, IRegistryOnboarding},
    party::investor_key,
    DSError,
};
use stylus_sdk::prelude::*;

/// Revert data: an encoded custom error (ours or a callee's).
pub type Revert = Vec<u8>;

/// The attributes a registration may set, in DS's order.
pub const REGISTRATION_ATTRIBUTES: [u8; 3] = [
    attribute::KYC_APPROVED,
    attribute::ACCREDITED,
    attribute::QUALIFIED,
];

/// The token issuer.
#[storage]
#[entrypoint]
pub struct TokenIssuer {
    /// Where the DS services live (Trust, the Registry, the token).
    services: ServiceRegistry,
}

fn wrong_length(length: usize, expected: usize) -> DSError {
    DSError::WrongParameterLength(WrongParameterLength {
        length: U256::from(length),
        expected: U256::from(expected),
    })
}

/// DS's shape rules of `issueTokens`: `[value, issuanceTime]`, as many
/// release times as lock values, and no or all three registration
/// attributes with one expiry each.
pub fn check_shapes(
    issuance_values: usize,
    locks: (usize, usize),
    attributes: (usize, usize),
) -> Result<(), DSError> {
    if issuance_values != 2 {
        return Err(wrong_length(issuance_values, 2));
    }
    DSError::check_lengths(attributes.0, attributes.1)?;
    DSError::check_lengths(locks.0, locks.1)?;
    if attributes.0 != 0 && attributes.0 != REGISTRATION_ATTRIBUTES.len() {
        return Err(wrong_length(attributes.0, REGISTRATION_ATTRIBUTES.len()));
    }
    DSError::check_batch(locks.0)
}

#[public]
impl TokenIssuer {
    /// Binds the issuer service to the Trust service that holds the roles.
    #[constructor]
    pub fn constructor(&mut self, trust: Address) -> Result<(), DSError> {
        self.services.init_trust(trust)
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

    /// DS: issues `issuanceValues[0]` tokens to `to` at issuance time
    /// `issuanceValues[1]` with the locks given; when `to` is not a wallet
    /// yet, first registers investor `id` (created when new) with `to`,
    /// `country` and, when three values are given, the KYC, accredited and
    /// qualified attributes. Issuer or master.
    ///
    /// # Errors
    /// `UnauthorizedCaller`, `WrongParameterLength`, `LengthMismatch`,
    /// `BatchTooLarge` (more than 30 locks), `WalletNotOfInvestor` (`to` is
    /// another investor's wallet), and the Registry's and the token's own
    /// refusals (`IssuanceRejected(code, reason)`...).
    #[allow(clippy::too_many_arguments)]
    pub fn issue_tokens(
        &mut self,
        id: String,
        to: Address,
        issuance_values: Vec<U256>,
        reason: String,
        locks_values: Vec<U256>,
        lock_release_times: Vec<u64>,
        collision_hash: String,
        country: String,
        attribute_values: Vec<U256>,
        attribute_expirations: Vec<U256>,
    ) -> Result<bool, Revert> {
        self.services
            .require_role(self.vm().msg_sender(), role::ISSUER_OR_ABOVE)?;
        check_shapes(
            issuance_values.len(),
            (locks_values.len(), lock_release_times.len()),
            (attribute_values.len(), attribute_expirations.len()),
        )?;
        let registry = self.services.require(service::REGISTRY)?;
        let token = self.services.require(service::DS_TOKEN)?;
        let failed = |id: u64, at: Address| move || DSError::service_call_failed(id, at);
        let onboarding = IRegistryOnboarding::new(registry);
        let known = onboarding
            .is_wallet(self.vm(), Call::new(), to)
            .map_err(|e| passed_on(e, failed(service::REGISTRY, registry)))?;
        if known {
            let owner = onboarding
                .get_investor(self.vm(), Call::new(), to)
                .map_err(|e| passed_on(e, failed(service::REGISTRY, registry)))?;
            if owner != id {
                return Err(DSError::WalletNotOfInvestor(WalletNotOfInvestor {
                    wallet: to,
                    investorKey: investor_key(&id),
                })
                .into());
            }
        } else {
            let attribute_ids = if attribute_values.is_empty() {
                Vec::new()
            } else {
                REGISTRATION_ATTRIBUTES.to_vec()
            };
            let call = Call::new_mutating(self);
            onboarding
                .update_investor(
                    self.vm(),
                    call,
                    id,
                    collision_hash,
                    country,
                    vec![to],
                    attribute_ids,
                    attribute_values,
                    attribute_expirations,
                )
                .map_err(|e| passed_on(e, failed(service::REGISTRY, registry)))?;
        }
        let call = Call::new_mutating(self);
        IDSTokenIssuance::new(token)
            .issue_tokens_with_multiple_locks(
                self.vm(),
                call,
                to,
                issuance_values[0],
                issuance_values[1],
                locks_values,
                reason,
                lock_release_times,
            )
            .map_err(|e| passed_on(e, failed(service::DS_TOKEN, token)))?;
        Ok(true)
    }
}

#[cfg(test)]
mod tests;
