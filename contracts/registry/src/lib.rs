//! DS Registry service: investors, wallets and their attributes.
//!
//! Skeleton: the service registry only; the investor register is delivered
//! by its own issue.
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
extern crate alloc;

use alloy_primitives::{Address, U256};
use ds_common::{consumer::ServiceRegistry, DSError};
use stylus_sdk::prelude::*;

/// The Registry service contract.
#[storage]
#[entrypoint]
pub struct RegistryService {
    /// Where the other DS services live.
    services: ServiceRegistry,
}

#[public]
impl RegistryService {
    /// Binds the contract to the Trust service that holds the roles.
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
}
