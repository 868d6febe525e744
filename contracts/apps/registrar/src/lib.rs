//! DS wallet registrar (DS v4's `WalletRegistrar`, service id 1024): an
//! investor, its country, wallets and attributes registered or updated in
//! one call (`registerWallet`), by the issuer or the master.
//!
//! The registrar holds the ISSUER role in Trust and calls the Registry's
//! `updateInvestor` (DS's semantics: the investor is created when new, the
//! wallets added, the attributes set); every refusal of the Registry is
//! passed on unchanged.
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
    ids::{role, service},
    interfaces::IRegistryOnboarding,
    DSError,
};
use stylus_sdk::prelude::*;

/// The wallet registrar.
#[storage]
#[entrypoint]
pub struct WalletRegistrar {
    /// Where the DS services live (Trust, the Registry).
    services: ServiceRegistry,
}

#[public]
impl WalletRegistrar {
    /// Binds the registrar to the Trust service that holds the roles.
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

    /// DS: registers investor `id` (created when new) with `country`, adds
    /// `wallets` and sets the attributes (issuer or master).
    ///
    /// # Errors
    /// `UnauthorizedCaller`, `ServiceNotSet(4)`, and the Registry's own
    /// refusals (`WalletInUse`, `InvalidCountry`, `LengthMismatch`...).
    #[allow(clippy::too_many_arguments)]
    pub fn register_wallet(
        &mut self,
        id: String,
        wallets: Vec<Address>,
        collision_hash: String,
        country: String,
        attribute_ids: Vec<u8>,
        attribute_values: Vec<U256>,
        attribute_expirations: Vec<U256>,
    ) -> Result<bool, Vec<u8>> {
        self.services
            .require_role(self.vm().msg_sender(), role::ISSUER_OR_ABOVE)?;
        let registry = self.services.require(service::REGISTRY)?;
        let call = Call::new_mutating(self);
        IRegistryOnboarding::new(registry)
            .update_investor(
                self.vm(),
                call,
                id,
                collision_hash,
                country,
                wallets,
                attribute_ids,
                attribute_values,
                attribute_expirations,
            )
            .map_err(|e| {
                passed_on(e, || {
                    DSError::service_call_failed(service::REGISTRY, registry)
                })
            })?;
        Ok(true)
    }
}
