//! DS Trust service: the roles of one issuance (master, issuer, exchange,
//! transfer agent) and the DS service registry of the suite.
//!
//! Rules (DS v4, with the master hand-over made two-step):
//! - one role per address; a role changes only through NONE;
//! - the master grants ISSUER, EXCHANGE and TRANSFER_AGENT; an issuer grants or
//!   revokes only ISSUER and EXCHANGE; a transfer agent only TRANSFER_AGENT;
//! - the master role is never granted by `setRole` nor removed: it moves with
//!   `setServiceOwner` (propose) and `acceptServiceOwner` (accept).
//!
//! Entities (issuers, exchanges, app operators) with owners, operators and
//! resources authorise DS apps: a resource of an entity is an authorised app
//! of this issuance (`isAuthorizedApp`). Rules and the audit fixes are in
//! [`entities`].
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
// The SDK's `#[entrypoint]` adds an undocumented `user_entrypoint` to the
// Wasm build, `#[public]` undocumented items to the ABI export; documentation
// is checked on the native build (clippy).
#![cfg_attr(
    any(target_arch = "wasm32", feature = "export-abi"),
    allow(missing_docs)
)]
extern crate alloc;

pub mod entities;
mod roles;

use alloc::{string::String, vec::Vec};
use alloy_primitives::{aliases::U8, Address, U256};
use ds_common::{
    consumer::ServiceRegistry,
    errors::{MasterCannotBeRemoved, NotPendingMaster, RoleNotAssigned},
    ids::{entity_capacity, role},
    DSError,
};
use stylus_sdk::{
    prelude::*,
    storage::{StorageAddress, StorageMap, StorageU8},
};

ds_common::events_sol!();

/// The Trust service contract.
#[storage]
#[entrypoint]
pub struct TrustService {
    /// Role of every address (`role::NONE` when absent).
    roles: StorageMap<Address, StorageU8>,
    /// The current master.
    master: StorageAddress,
    /// Proposed next master, waiting for `acceptServiceOwner`.
    pending_master: StorageAddress,
    /// Where the other DS services live.
    services: ServiceRegistry,
    /// Entities, their members, and so the authorised DS apps.
    entities: entities::Entities,
}

#[public]
impl TrustService {
    /// Makes `master` the master of this issuance. Deployment tooling passes
    /// the deployer's address. Only the StylusDeployer may run it (it
    /// creates, activates and initialises in one transaction: review F-05).
    #[constructor]
    pub fn constructor(&mut self, master: Address) -> Result<(), DSError> {
        let sender = self.vm().msg_sender();
        ds_common::deployer::require_deployer(sender)?;
        if master.is_zero() {
            return Err(DSError::zero_address());
        }
        self.grant(master, role::MASTER, sender);
        self.master.set(master);
        Ok(())
    }

    /// Proposes `newMaster` as the next master (master only). The hand-over
    /// completes when `newMaster` calls `acceptServiceOwner`; proposing the
    /// zero address cancels a pending proposal.
    pub fn set_service_owner(&mut self, new_master: Address) -> Result<bool, DSError> {
        let sender = self.require_master()?;
        if !new_master.is_zero() {
            roles::check_grantable_to(new_master, self.role(new_master), role::MASTER)?;
        }
        self.pending_master.set(new_master);
        self.vm().log(DSTrustServiceMasterProposed {
            currentMaster: sender,
            proposedMaster: new_master,
        });
        Ok(true)
    }

    /// Completes the master hand-over; callable only by the proposed master,
    /// whose role (if one was granted after the proposal) becomes MASTER:
    /// no lower role can block the hand-over.
    pub fn accept_service_owner(&mut self) -> Result<bool, DSError> {
        let sender = self.vm().msg_sender();
        let pending = self.pending_master.get();
        if pending.is_zero() || sender != pending {
            return Err(DSError::NotPendingMaster(NotPendingMaster {
                caller: sender,
                pending,
            }));
        }
        // The proposal was checked when made; a role granted since (an
        // issuer or transfer agent could grant one to block the hand-over)
        // gives way to MASTER, which the proposed master accepts.
        let held = self.role(sender);
        if held != role::NONE {
            self.revoke(sender, held, sender);
        }
        let old = self.master.get();
        self.revoke(old, role::MASTER, sender);
        self.grant(sender, role::MASTER, sender);
        self.master.set(sender);
        self.pending_master.set(Address::ZERO);
        Ok(true)
    }

    /// The current master.
    pub fn service_owner(&self) -> Address {
        self.master.get()
    }

    /// The proposed next master (zero when none).
    pub fn pending_service_owner(&self) -> Address {
        self.pending_master.get()
    }

    /// Grants `role` to `target`, which must hold no role.
    pub fn set_role(&mut self, target: Address, role: u8) -> Result<bool, DSError> {
        let (sender, sender_role) = self.manager()?;
        self.set_role_checked(sender, sender_role, target, role)?;
        Ok(true)
    }

    /// Grants `roles[i]` to `targets[i]` (at most 30); all or nothing.
    pub fn set_roles(&mut self, targets: Vec<Address>, roles: Vec<u8>) -> Result<bool, DSError> {
        DSError::check_lengths(targets.len(), roles.len())?;
        DSError::check_batch(targets.len())?;
        let (sender, sender_role) = self.manager()?;
        // Validate the whole batch before the first write, so a refusal writes nothing.
        for (i, (&target, &role)) in targets.iter().zip(&roles).enumerate() {
            // A repeated target already holds what its earlier entry granted.
            let current = match targets[..i].iter().position(|&t| t == target) {
                Some(earlier) => roles[earlier],
                None => self.role(target),
            };
            roles::check_set(sender, sender_role, target, current, role)?;
        }
        for (&target, &role) in targets.iter().zip(&roles) {
            self.grant(target, role, sender);
        }
        Ok(true)
    }

    /// Removes the role of `target` (never the master's).
    pub fn remove_role(&mut self, target: Address) -> Result<bool, DSError> {
        let (sender, sender_role) = self.manager()?;
        let current = self.role(target);
        if current == role::NONE {
            return Err(DSError::RoleNotAssigned(RoleNotAssigned { target }));
        }
        if current == role::MASTER {
            return Err(DSError::MasterCannotBeRemoved(MasterCannotBeRemoved {
                target,
            }));
        }
        roles::check_manageable(sender, sender_role, current)?;
        self.revoke(target, current, sender);
        Ok(true)
    }

    /// The role of `target` (0 when none).
    pub fn get_role(&self, target: Address) -> u8 {
        self.role(target)
    }

    /// Registers the address of DS service `serviceId` (master only).
    #[selector(name = "setDSService")]
    pub fn set_ds_service(&mut self, service_id: U256, service: Address) -> Result<bool, DSError> {
        self.require_master()?;
        self.services.set(service_id, service)?;
        Ok(true)
    }

    /// The address registered for DS service `serviceId` (zero when none).
    #[selector(name = "getDSService")]
    pub fn get_ds_service(&self, service_id: U256) -> Address {
        self.services.get(service_id)
    }

    /// The DS constant getters (`TRUST_SERVICE()`, `ROLE_MASTER()`, …,
    /// `getImplementationAddress()`, `getInitializedVersion()`; see
    /// `ds_common::constants`); any other selector reverts with
    /// `UnknownSelector`.
    #[fallback]
    pub fn fallback(&mut self, calldata: &[u8]) -> stylus_sdk::ArbResult {
        ds_common::constants::serve(
            calldata,
            ds_common::constants::TRUST,
            self.vm().contract_address(),
        )
    }

    /// Creates entity `name` (1 to 64 bytes) owned by `owner`, an address
    /// in no entity yet (master or issuer).
    pub fn add_entity(&mut self, name: String, owner: Address) -> Result<(), DSError> {
        let (sender, sender_role) = self.caller();
        self.entities.add_entity(sender, sender_role, &name, owner)
    }

    /// Hands entity `name` from its owner `oldOwner` to `newOwner`, an
    /// address in no entity yet (master or issuer).
    pub fn change_entity_owner(
        &mut self,
        name: String,
        old_owner: Address,
        new_owner: Address,
    ) -> Result<(), DSError> {
        let (sender, sender_role) = self.caller();
        self.entities
            .change_owner(sender, sender_role, &name, old_owner, new_owner)
    }

    /// Removes entity `name`, which must have no operators nor resources
    /// left (master or issuer). Not in DS; added so owners can be freed.
    pub fn remove_entity(&mut self, name: String) -> Result<(), DSError> {
        let (sender, sender_role) = self.caller();
        self.entities.remove_entity(sender, sender_role, &name)
    }

    /// Adds `operator`, an address in no entity yet, to entity `name`
    /// (the entity's owner, master or issuer; at most 30 per entity).
    pub fn add_operator(&mut self, name: String, operator: Address) -> Result<(), DSError> {
        let (sender, sender_role) = self.caller();
        self.entities.add_member(
            sender,
            sender_role,
            &name,
            operator,
            entity_capacity::OPERATOR,
        )
    }

    /// Removes `operator` from entity `name` (the entity's owner, master or issuer).
    pub fn remove_operator(&mut self, name: String, operator: Address) -> Result<(), DSError> {
        let (sender, sender_role) = self.caller();
        self.entities.remove_member(
            sender,
            sender_role,
            &name,
            operator,
            entity_capacity::OPERATOR,
        )
    }

    /// Adds `resource`, an address in no entity yet, to entity `name`: it
    /// becomes an authorised DS app (master or issuer; at most 30 per entity).
    pub fn add_resource(&mut self, name: String, resource: Address) -> Result<(), DSError> {
        let (sender, sender_role) = self.caller();
        self.entities.add_member(
            sender,
            sender_role,
            &name,
            resource,
            entity_capacity::RESOURCE,
        )
    }

    /// Removes `resource` from entity `name`; it is no longer an authorised
    /// DS app (master or issuer).
    pub fn remove_resource(&mut self, name: String, resource: Address) -> Result<(), DSError> {
        let (sender, sender_role) = self.caller();
        self.entities.remove_member(
            sender,
            sender_role,
            &name,
            resource,
            entity_capacity::RESOURCE,
        )
    }

    /// The entity `owner` owns ("" when none).
    pub fn get_entity_by_owner(&self, owner: Address) -> String {
        self.entities.entity_of(owner, entity_capacity::OWNER)
    }

    /// The entity `operator` operates for ("" when none).
    pub fn get_entity_by_operator(&self, operator: Address) -> String {
        self.entities.entity_of(operator, entity_capacity::OPERATOR)
    }

    /// The entity `resource` belongs to ("" when none).
    pub fn get_entity_by_resource(&self, resource: Address) -> String {
        self.entities.entity_of(resource, entity_capacity::RESOURCE)
    }

    /// Whether `owner` owns the entity `resource` belongs to.
    pub fn is_resource_owner(&self, resource: Address, owner: Address) -> bool {
        self.entities
            .shares_entity(resource, owner, entity_capacity::OWNER)
    }

    /// Whether `operator` operates for the entity `resource` belongs to.
    pub fn is_resource_operator(&self, resource: Address, operator: Address) -> bool {
        self.entities
            .shares_entity(resource, operator, entity_capacity::OPERATOR)
    }

    /// Whether `app` is an authorised DS app of this issuance: a resource
    /// of an existing entity (entities with resources cannot be removed).
    pub fn is_authorized_app(&self, app: Address) -> bool {
        self.entities.membership(app).1 == entity_capacity::RESOURCE
    }

    /// Owner, operator count and resource count of entity `name` (zero
    /// owner when no such entity exists).
    pub fn get_entity(&self, name: String) -> (Address, u32, u32) {
        self.entities.entity_by_name(&name)
    }
}

impl TrustService {
    /// The stored role of `target`.
    fn role(&self, target: Address) -> u8 {
        self.roles.get(target).to()
    }

    /// The sender and its role.
    fn caller(&self) -> (Address, u8) {
        let sender = self.vm().msg_sender();
        (sender, self.role(sender))
    }

    /// The sender, if it is the master.
    fn require_master(&self) -> Result<Address, DSError> {
        let sender = self.vm().msg_sender();
        let sender_role = self.role(sender);
        if sender_role != role::MASTER {
            return Err(DSError::unauthorized(sender, sender_role));
        }
        Ok(sender)
    }

    /// The sender and its role, if that role may manage roles at all.
    fn manager(&self) -> Result<(Address, u8), DSError> {
        let sender = self.vm().msg_sender();
        let sender_role = self.role(sender);
        if !roles::is_manager(sender_role) {
            return Err(DSError::unauthorized(sender, sender_role));
        }
        Ok((sender, sender_role))
    }

    fn set_role_checked(
        &mut self,
        sender: Address,
        sender_role: u8,
        target: Address,
        role: u8,
    ) -> Result<(), DSError> {
        roles::check_set(sender, sender_role, target, self.role(target), role)?;
        self.grant(target, role, sender);
        Ok(())
    }

    fn grant(&mut self, target: Address, role: u8, sender: Address) {
        self.roles.insert(target, U8::from(role));
        self.vm().log(DSTrustServiceRoleAdded {
            targetAddress: target,
            role,
            sender,
        });
    }

    fn revoke(&mut self, target: Address, role: u8, sender: Address) {
        self.roles.delete(target);
        self.vm().log(DSTrustServiceRoleRemoved {
            targetAddress: target,
            role,
            sender,
        });
    }
}

#[cfg(test)]
mod entity_tests;
#[cfg(test)]
mod tests;
