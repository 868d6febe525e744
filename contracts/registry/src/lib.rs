//! DS Registry service: investors, wallets and their attributes.
//!
//! Skeleton: the service registry only; the investor register is delivered
//! by its own issue.
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
extern crate alloc;

use alloy_primitives::Address;
use ds_common::{
    consumer::{IDSServiceConsumer, ServiceRegistry},
    DSError,
};
use stylus_sdk::prelude::*;

/// The Registry service contract.
#[storage]
#[entrypoint]
pub struct RegistryService {
    /// Where the other DS services live.
    services: ServiceRegistry,
}

#[public]
#[implements(IDSServiceConsumer)]
impl RegistryService {
    /// Binds the contract to the Trust service that holds the roles.
    #[constructor]
    pub fn constructor(&mut self, trust: Address) -> Result<(), DSError> {
        self.services.init_trust(trust)
    }
}

ds_common::service_consumer!(RegistryService, services);
