//! DS bulk operator (DS v4's `BulkOperator`): issuances to existing
//! wallets, registrations with issuance (through the token issuer,
//! service 512) and burns, in batches of up to 30, pausable by the master.
//!
//! - The operator holds the ISSUER role in Trust and calls the token
//!   (`issueTokensCustom`, `burn`) and the token issuer (`issueTokens`);
//!   each item passes the token's full checks, and the first refusal
//!   reverts the whole batch with the callee's error (nothing issued).
//! - Issuer or master for issuances; issuer, transfer agent or master for
//!   burns (DS's gates); pause and unpause: the master (DS: the owner).
//! - `dsToken()` is the token registered as DS service 2.
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
// The SDK's `#[entrypoint]` adds an undocumented `user_entrypoint` to the
// Wasm build, `#[public]` undocumented items to the ABI export; documentation
// is checked on the native build (clippy).
#![cfg_attr(
    any(target_arch = "wasm32", feature = "export-abi"),
    allow(missing_docs)
)]
extern crate alloc;

use alloc::{string::String, vec::Vec};
use alloy_primitives::{Address, U256};
use ds_common::{
    consumer::{passed_on, ServiceRegistry},
    errors::{EnforcedPause, ExpectedPause},
    ids::{role, service},
    interfaces::{IDSTokenIssuance, ITokenIssuer},
    DSError,
};
use stylus_sdk::{prelude::*, storage::StorageBool};

ds_common::events_sol!();

/// Revert data: an encoded custom error (ours or a callee's).
pub type Revert = Vec<u8>;

/// One registration with issuance (DS's `BulkRegisterAndIssuance`): id,
/// wallet, `[value, issuanceTime]`, reason, lock values, lock release
/// times, country, attribute values, attribute expirations.
pub type RegisterAndIssue = (
    String,
    Address,
    Vec<U256>,
    String,
    Vec<U256>,
    Vec<u64>,
    String,
    Vec<U256>,
    Vec<U256>,
);

/// The version of DS's BulkOperator interface served (`getVersion`).
pub const VERSION: u8 = 2;

/// The bulk operator.
#[storage]
#[entrypoint]
pub struct BulkOperator {
    /// Where the DS services live (Trust, the token, the token issuer).
    services: ServiceRegistry,
    /// Whether the master paused the operator.
    paused: StorageBool,
}

#[public]
impl BulkOperator {
    /// Binds the operator to the Trust service that holds the roles.
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

    /// DS: the token the operator issues and burns (DS service 2).
    pub fn ds_token(&self) -> Address {
        self.services.get(U256::from(service::DS_TOKEN))
    }

    /// DS: the version of the BulkOperator interface served.
    pub fn get_version(&self) -> u8 {
        VERSION
    }

    /// Whether the master paused the operator (OpenZeppelin's name).
    pub fn paused(&self) -> bool {
        self.paused.get()
    }

    /// DS: stops every batch (master).
    ///
    /// # Errors
    /// `UnauthorizedCaller`, `EnforcedPause` (already paused).
    ///
    /// # Events
    /// `Paused(master)`.
    pub fn pause(&mut self) -> Result<(), DSError> {
        let sender = self.vm().msg_sender();
        self.services.require_role(sender, &[role::MASTER])?;
        self.when_not_paused()?;
        self.paused.set(true);
        self.vm().log(Paused { account: sender });
        Ok(())
    }

    /// DS: lets batches run again (master).
    ///
    /// # Errors
    /// `UnauthorizedCaller`, `ExpectedPause` (not paused).
    ///
    /// # Events
    /// `Unpaused(master)`.
    pub fn unpause(&mut self) -> Result<(), DSError> {
        let sender = self.vm().msg_sender();
        self.services.require_role(sender, &[role::MASTER])?;
        if !self.paused.get() {
            return Err(DSError::ExpectedPause(ExpectedPause {}));
        }
        self.paused.set(false);
        self.vm().log(Unpaused { account: sender });
        Ok(())
    }

    /// DS: issues `values[i]` to `addresses[i]` (registered wallets), all
    /// at `issuanceTime`, without locks (issuer or master).
    ///
    /// # Errors
    /// `UnauthorizedCaller`, `EnforcedPause`, `LengthMismatch`,
    /// `BatchTooLarge`, and the token's own refusals.
    pub fn bulk_issuance(
        &mut self,
        addresses: Vec<Address>,
        values: Vec<U256>,
        issuance_time: U256,
    ) -> Result<(), Revert> {
        self.authorise(role::ISSUER_OR_ABOVE, addresses.len(), values.len())?;
        let token = self.services.require(service::DS_TOKEN)?;
        for (to, value) in addresses.into_iter().zip(values) {
            let call = Call::new_mutating(self);
            IDSTokenIssuance::new(token)
                .issue_tokens_custom(
                    self.vm(),
                    call,
                    to,
                    value,
                    issuance_time,
                    U256::ZERO,
                    String::new(),
                    0,
                )
                .map_err(|e| passed_on(e, || token_failed(token)))?;
        }
        Ok(())
    }

    /// DS: registers and issues, one token issuer `issueTokens` call per
    /// item (no collision hash; issuer or master).
    ///
    /// # Errors
    /// `UnauthorizedCaller`, `EnforcedPause`, `BatchTooLarge`,
    /// `ServiceNotSet(512)`, and the token issuer's own refusals.
    pub fn bulk_register_and_issuance(
        &mut self,
        data: Vec<RegisterAndIssue>,
    ) -> Result<(), Revert> {
        self.authorise(role::ISSUER_OR_ABOVE, data.len(), data.len())?;
        let issuer = self.services.require(service::TOKEN_ISSUER)?;
        for (id, to, issuance, reason, locks, releases, country, values, expirations) in data {
            let call = Call::new_mutating(self);
            ITokenIssuer::new(issuer)
                .issue_tokens(
                    self.vm(),
                    call,
                    id,
                    to,
                    issuance,
                    reason,
                    locks,
                    releases,
                    String::new(),
                    country,
                    values,
                    expirations,
                )
                .map_err(|e| {
                    passed_on(e, || {
                        DSError::service_call_failed(service::TOKEN_ISSUER, issuer)
                    })
                })?;
        }
        Ok(())
    }

    /// DS: burns `values[i]` from `addresses[i]` (issuer, transfer agent or
    /// master).
    ///
    /// # Errors
    /// `UnauthorizedCaller`, `EnforcedPause`, `LengthMismatch`,
    /// `BatchTooLarge`, and the token's own refusals.
    pub fn bulk_burn(&mut self, addresses: Vec<Address>, values: Vec<U256>) -> Result<(), Revert> {
        self.authorise(
            role::ISSUER_OR_TRANSFER_AGENT_OR_ABOVE,
            addresses.len(),
            values.len(),
        )?;
        let token = self.services.require(service::DS_TOKEN)?;
        for (who, value) in addresses.into_iter().zip(values) {
            let call = Call::new_mutating(self);
            IDSTokenIssuance::new(token)
                .burn(self.vm(), call, who, value, String::new())
                .map_err(|e| passed_on(e, || token_failed(token)))?;
        }
        Ok(())
    }
}

fn token_failed(token: Address) -> DSError {
    DSError::service_call_failed(service::DS_TOKEN, token)
}

impl BulkOperator {
    /// [`EnforcedPause`] when paused.
    fn when_not_paused(&self) -> Result<(), DSError> {
        if self.paused.get() {
            return Err(DSError::EnforcedPause(EnforcedPause {}));
        }
        Ok(())
    }

    /// The checks before a batch's first call: the sender's role, not
    /// paused, the two lengths equal and within the batch bound.
    fn authorise(&self, allowed: &[u8], left: usize, right: usize) -> Result<(), DSError> {
        self.services
            .require_role(self.vm().msg_sender(), allowed)?;
        self.when_not_paused()?;
        DSError::check_lengths(left, right)?;
        DSError::check_batch(left)
    }
}
