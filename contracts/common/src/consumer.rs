//! The DS service registry (`setDSService` / `getDSService`) and role lookups
//! through the Trust service. Every DS contract embeds [`ServiceRegistry`]
//! and exposes it with two inherent methods in its `#[public]` impl block
//! (inherent, because the SDK's ABI export of `#[implements]` traits is not
//! valid Solidity):
//!
//! ```ignore
//! #[selector(name = "setDSService")]
//! pub fn set_ds_service(&mut self, service_id: U256, service: Address) -> Result<bool, DSError> {
//!     self.services.set_by_master(service_id, service)
//! }
//! #[selector(name = "getDSService")]
//! pub fn get_ds_service(&self, service_id: U256) -> Address {
//!     self.services.get(service_id)
//! }
//! ```

use alloy_primitives::{Address, U256};
use stylus_sdk::{
    prelude::*,
    storage::{StorageAddress, StorageMap},
};

use crate::{errors::ServiceNotSet, ids, interfaces::ITrustService, DSError};

crate::events_sol!();

/// `address` (a copy of service `id`'s address) unless it is zero, then
/// [`ServiceNotSet`].
pub fn service_set(address: Address, id: u64) -> Result<Address, DSError> {
    if address.is_zero() {
        return Err(DSError::ServiceNotSet(ServiceNotSet {
            serviceId: U256::from(id),
        }));
    }
    Ok(address)
}

/// A refused call to another contract as this contract's revert data: the
/// callee's own revert data unchanged, or `fallback` when it gave none (or
/// the call failed otherwise).
pub fn passed_on(
    error: stylus_sdk::stylus_core::calls::errors::Error,
    fallback: impl FnOnce() -> DSError,
) -> alloc::vec::Vec<u8> {
    match error {
        stylus_sdk::stylus_core::calls::errors::Error::Revert(data) if !data.is_empty() => data,
        _ => fallback().into(),
    }
}

/// Addresses of the other DS services, by DS service id.
#[storage]
pub struct ServiceRegistry {
    services: StorageMap<U256, StorageAddress>,
}

impl ServiceRegistry {
    /// The address registered for `id` (zero if none).
    pub fn get(&self, id: U256) -> Address {
        self.services.get(id)
    }

    /// The address registered for the well-known service `id`, or [`ServiceNotSet`].
    pub fn require(&self, id: u64) -> Result<Address, DSError> {
        service_set(self.services.get(U256::from(id)), id)
    }

    /// Registers `address` for `id` and emits [`DSServiceSet`]. The caller
    /// must have checked that the sender is master.
    pub fn set(&mut self, id: U256, address: Address) -> Result<(), DSError> {
        if address.is_zero() {
            return Err(DSError::zero_address());
        }
        self.services.insert(id, address);
        self.vm().log(DSServiceSet {
            serviceId: id,
            serviceAddress: address,
        });
        Ok(())
    }

    /// Role of `who` according to the registered Trust service (one static call).
    pub fn role_of(&self, who: Address) -> Result<u8, DSError> {
        self.role_in(self.require(ids::service::TRUST)?, who)
    }

    /// Role of `who` according to the Trust service at `trust`.
    fn role_in(&self, trust: Address, who: Address) -> Result<u8, DSError> {
        ITrustService::new(trust)
            .get_role(self.vm(), Call::new(), who)
            .map_err(|_| DSError::service_call_failed(ids::service::TRUST, trust))
    }

    /// The sender's role if it is one of `allowed`, else [`DSError::UnauthorizedCaller`].
    pub fn require_role(&self, who: Address, allowed: &[u8]) -> Result<u8, DSError> {
        let role = self.role_of(who)?;
        if allowed.contains(&role) {
            Ok(role)
        } else {
            Err(DSError::unauthorized(who, role))
        }
    }
}

/// How a caller passed [`ServiceRegistry::require_role_or_app`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Access {
    /// It holds one of the allowed roles (given).
    Role(u8),
    /// It is a DS app Trust authorises (its role, usually NONE, given).
    App(u8),
}

impl ServiceRegistry {
    /// Refuses `who` unless it holds one of `allowed` or is an authorised
    /// DS app (Trust `isAuthorizedApp`, asked only when the role does not
    /// suffice).
    pub fn require_role_or_app(&self, who: Address, allowed: &[u8]) -> Result<Access, DSError> {
        let role = self.role_of(who)?;
        if allowed.contains(&role) {
            return Ok(Access::Role(role));
        }
        let trust = self.require(ids::service::TRUST)?;
        let authorised = ITrustService::new(trust)
            .is_authorized_app(self.vm(), Call::new(), who)
            .map_err(|_| DSError::service_call_failed(ids::service::TRUST, trust))?;
        if authorised {
            Ok(Access::App(role))
        } else {
            Err(DSError::unauthorized(who, role))
        }
    }
}

#[cfg(any(feature = "compliance-errors", feature = "token-errors"))]
impl ServiceRegistry {
    /// Refuses any caller but the registered Registry service
    /// ([`crate::errors::OnlyRegistry`]): for the hooks only the Registry
    /// may call.
    pub fn require_registry(&self, who: Address) -> Result<(), DSError> {
        if who != self.require(ids::service::REGISTRY)? {
            return Err(DSError::OnlyRegistry(crate::errors::OnlyRegistry {
                caller: who,
            }));
        }
        Ok(())
    }
}

#[cfg(any(
    feature = "compliance-errors",
    feature = "token-errors",
    feature = "registry-errors",
    feature = "subscription-errors",
    feature = "redemption-errors"
))]
impl ServiceRegistry {
    /// Refuses a call that does not run on its service's storage: facet
    /// `facet_id` called at its own address instead of by delegatecall from
    /// its service's address ([`crate::errors::FacetCalledDirectly`]). The
    /// service's storage registers the facet under `facet_id` (the service
    /// reads that entry to delegate, so the check reads a warm slot); a
    /// facet's own storage registers nothing: a facet has no constructor,
    /// and every call to it at its own address stops here.
    pub fn require_routed(&self, facet_id: u64) -> Result<(), DSError> {
        if self.services.get(U256::from(facet_id)).is_zero() {
            return Err(DSError::FacetCalledDirectly(
                crate::errors::FacetCalledDirectly {
                    facet: self.vm().contract_address(),
                },
            ));
        }
        Ok(())
    }

    /// The router's hop: runs `calldata` in the facet registered under
    /// `facet_id` by one delegatecall, on the calling program's storage
    /// (its storage cache flushed first), and returns the facet's output or
    /// revert data unchanged ([`DSError::ServiceNotSet`] when no facet is
    /// registered).
    pub fn delegate_to(&self, facet_id: u64, calldata: &[u8]) -> stylus_sdk::ArbResult {
        let facet = self.require(facet_id)?;
        // SAFETY: facets are registered by the master (`setDSService`) and
        // embed their service's state struct as their only field, so they
        // read and write the caller's storage at the caller's slots (pinned
        // by tests/tests/layout.rs); the cache is flushed before the call.
        unsafe {
            stylus_sdk::call::RawCall::new_delegate(self.vm())
                .flush_storage_cache()
                .call(facet, calldata)
        }
    }
}

impl ServiceRegistry {
    /// Records the Trust service address at deployment (constructor use):
    /// only in a constructor the StylusDeployer runs
    /// ([`crate::deployer::require_deployer`]).
    pub fn init_trust(&mut self, trust: Address) -> Result<(), DSError> {
        crate::deployer::require_deployer(self.vm().msg_sender())?;
        self.set(U256::from(ids::service::TRUST), trust)
    }

    /// `setDSService` for contracts other than Trust: the sender must be
    /// master according to the registered Trust service. A new Trust entry
    /// must answer as a Trust service and recognise the sender as master
    /// there too ([`DSError::UnauthorizedCaller`] with the sender's role in
    /// the new Trust, or [`DSError::ServiceCallFailed`] when it does not
    /// answer), so a wrong address cannot lock the master out (review F-04).
    pub fn set_by_master(&mut self, id: U256, address: Address) -> Result<bool, DSError> {
        let sender = self.vm().msg_sender();
        self.require_role(sender, &[ids::role::MASTER])?;
        if id == U256::from(ids::service::TRUST) && !address.is_zero() {
            let role = self.role_in(address, sender)?;
            if role != ids::role::MASTER {
                return Err(DSError::unauthorized(sender, role));
            }
        }
        self.set(id, address)?;
        Ok(true)
    }
}
