//! DS NAV provider: the net asset value rate of the security (DS v4's
//! `ISecuritizeNavProvider`: `rate()`, `setRate(uint256)`, `RateUpdated`),
//! for the lifecycle apps that price the security (subscriptions,
//! redemptions) and for integrators.
//!
//! - The rate is a number of payment-token units per whole security token
//!   with the decimals the deployment documents (DS: the asset's
//!   decimals); it is never 0.
//! - Rate updaters set it; the master (per Trust) names and removes them
//!   (`addRateUpdater` / `removeRateUpdater`, DS's `RateUpdaterAdded` /
//!   `RateUpdaterRemoved` events).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
// The SDK's `#[entrypoint]` adds an undocumented `user_entrypoint` to the
// Wasm build, `#[public]` undocumented items to the ABI export; documentation
// is checked on the native build (clippy).
#![cfg_attr(
    any(target_arch = "wasm32", feature = "export-abi"),
    allow(missing_docs)
)]
extern crate alloc;

use alloy_primitives::{Address, U256};
use ds_common::{
    consumer::ServiceRegistry,
    errors::{NotRateUpdater, ZeroAmount},
    ids::role,
    DSError,
};
use stylus_sdk::{
    prelude::*,
    storage::{StorageBool, StorageMap, StorageU256},
};

ds_common::events_sol!();

/// The NAV provider.
#[storage]
#[entrypoint]
pub struct NavProvider {
    /// Where the DS services live (Trust: the master).
    services: ServiceRegistry,
    /// The current rate (never 0 once constructed).
    rate: StorageU256,
    /// Who may set the rate.
    updaters: StorageMap<Address, StorageBool>,
}

#[public]
impl NavProvider {
    /// Binds the provider to the Trust service that holds the roles and
    /// sets the first rate (not 0: [`ZeroAmount`]).
    #[constructor]
    pub fn constructor(&mut self, trust: Address, initial_rate: U256) -> Result<(), DSError> {
        self.services.init_trust(trust)?;
        if initial_rate.is_zero() {
            return Err(DSError::ZeroAmount(ZeroAmount {}));
        }
        self.rate.set(initial_rate);
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

    /// DS: the current NAV rate.
    pub fn rate(&self) -> U256 {
        self.rate.get()
    }

    /// DS: sets the NAV rate (rate updaters only; not 0).
    ///
    /// # Errors
    /// `NotRateUpdater(caller)`, `ZeroAmount`.
    ///
    /// # Events
    /// `RateUpdated(old, new)`.
    pub fn set_rate(&mut self, rate: U256) -> Result<(), DSError> {
        let caller = self.vm().msg_sender();
        if !self.updaters.get(caller) {
            return Err(DSError::NotRateUpdater(NotRateUpdater { caller }));
        }
        if rate.is_zero() {
            return Err(DSError::ZeroAmount(ZeroAmount {}));
        }
        let old = self.rate.get();
        self.rate.set(rate);
        self.vm().log(RateUpdated {
            oldValue: old,
            newValue: rate,
        });
        Ok(())
    }

    /// Lets `updater` set the rate (master only; no event when it already may).
    ///
    /// # Events
    /// `RateUpdaterAdded`.
    pub fn add_rate_updater(&mut self, updater: Address) -> Result<bool, DSError> {
        self.services
            .require_role(self.vm().msg_sender(), &[role::MASTER])?;
        if updater.is_zero() {
            return Err(DSError::zero_address());
        }
        if !self.updaters.get(updater) {
            self.updaters.insert(updater, true);
            self.vm().log(RateUpdaterAdded {
                rateUpdater: updater,
            });
        }
        Ok(true)
    }

    /// Stops `updater` from setting the rate (master only; no event when it
    /// could not).
    ///
    /// # Events
    /// `RateUpdaterRemoved`.
    pub fn remove_rate_updater(&mut self, updater: Address) -> Result<bool, DSError> {
        self.services
            .require_role(self.vm().msg_sender(), &[role::MASTER])?;
        if self.updaters.get(updater) {
            self.updaters.insert(updater, false);
            self.vm().log(RateUpdaterRemoved {
                rateUpdater: updater,
            });
        }
        Ok(true)
    }

    /// Whether `who` may set the rate.
    pub fn is_rate_updater(&self, who: Address) -> bool {
        self.updaters.get(who)
    }
}

#[cfg(test)]
mod tests;
