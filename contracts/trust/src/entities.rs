//! Entities of the Trust service: the issuers, exchanges and app operators
//! of an issuance, each with one owner, operators and resources. A resource
//! is a contract authorised as a DS app for this issuance.
//!
//! Follows the pre-v4 DS interface (`addEntity`, `changeEntityOwner`,
//! `addOperator`, ...) with the defects that led DS v4 to remove it
//! (Cyfrin L-07/L-08) fixed:
//! - an address belongs to at most one entity, in exactly one capacity
//!   (owner, operator or resource), so `getEntityBy*` and `isResource*`
//!   can never disagree and an owner change cannot overwrite another
//!   entity's owner;
//! - every removal (operator, resource, owner change, entity) deletes the
//!   address's membership, and an entity is removed only once it has no
//!   operators or resources left, so nothing dangles;
//! - members are added only to an entity that exists, never the zero
//!   address; names are 1..=64 bytes; at most 30 operators and 30 resources
//!   per entity;
//! - entities and resources are managed by MASTER or ISSUER only; an
//!   entity's owner (or MASTER/ISSUER) manages that entity's operators;
//! - every change emits an event; every refusal is a typed error and writes
//!   nothing.

use crate::{
    DSTrustServiceEntityAdded, DSTrustServiceEntityMemberAdded, DSTrustServiceEntityMemberRemoved,
    DSTrustServiceEntityRemoved,
};
use alloc::string::String;
use alloy_primitives::{aliases::U32, aliases::U8, keccak256, Address, B256, U256};
use ds_common::{
    errors::{
        AlreadyEntityMember, EntityAlreadyExists, EntityFull, EntityNotEmpty, EntityNotFound,
        InvalidEntityName, NotEntityMember,
    },
    ids::{entity_capacity as capacity, entity_limits as limits, role},
    text::StorageText,
    DSError,
};
use stylus_sdk::{
    prelude::*,
    storage::{StorageAddress, StorageB256, StorageMap, StorageU32, StorageU8},
};

/// One entity; it exists while `owner` is non-zero.
#[storage]
pub struct EntityRecord {
    /// The owner (zero when the entity does not exist).
    owner: StorageAddress,
    /// Number of operators.
    operators: StorageU32,
    /// Number of resources.
    resources: StorageU32,
    /// The entity's name, as given to `addEntity` (not a `StorageString`,
    /// whose 256-bit length division costs ~8 KB of Wasm).
    name: StorageText,
}

/// The entity an address belongs to, and in which capacity.
#[storage]
pub struct Membership {
    /// keccak256 of the entity name.
    entity: StorageB256,
    /// `ids::entity_capacity` (NONE when not a member).
    capacity: StorageU8,
}

/// All entities and the membership of every address.
#[storage]
pub struct Entities {
    /// Entities by keccak256(name).
    records: StorageMap<B256, EntityRecord>,
    /// Membership of every address.
    members: StorageMap<Address, Membership>,
}

/// The storage key of entity `name`.
fn key_of(name: &str) -> B256 {
    keccak256(name.as_bytes())
}

/// Refuses unless the caller holds MASTER or ISSUER.
fn require_admin(caller: Address, caller_role: u8) -> Result<(), DSError> {
    if is_admin(caller_role) {
        Ok(())
    } else {
        Err(DSError::unauthorized(caller, caller_role))
    }
}

/// MASTER and ISSUER manage entities.
fn is_admin(caller_role: u8) -> bool {
    matches!(caller_role, role::MASTER | role::ISSUER)
}

/// Refuses an empty or over-long entity name.
fn check_name(name: &str) -> Result<(), DSError> {
    let length = name.len();
    if length == 0 || length > limits::MAX_NAME_LENGTH {
        return Err(DSError::InvalidEntityName(InvalidEntityName {
            length: U256::from(length),
            max: U256::from(limits::MAX_NAME_LENGTH),
        }));
    }
    Ok(())
}

impl Entities {
    /// Creates entity `name` owned by `owner` (MASTER or ISSUER).
    pub fn add_entity(
        &mut self,
        caller: Address,
        caller_role: u8,
        name: &str,
        owner: Address,
    ) -> Result<(), DSError> {
        require_admin(caller, caller_role)?;
        check_name(name)?;
        let key = key_of(name);
        if self.exists(key) {
            return Err(DSError::EntityAlreadyExists(EntityAlreadyExists {
                name: name.into(),
            }));
        }
        self.check_free(owner)?;
        {
            let mut record = self.records.setter(key);
            record.owner.set(owner);
            record.name.set_str(name);
        }
        self.join(owner, key, capacity::OWNER);
        self.vm().log(DSTrustServiceEntityAdded {
            name: name.into(),
            owner,
            sender: caller,
        });
        Ok(())
    }

    /// Hands entity `name` from `old_owner` to `new_owner` (MASTER or ISSUER).
    pub fn change_owner(
        &mut self,
        caller: Address,
        caller_role: u8,
        name: &str,
        old_owner: Address,
        new_owner: Address,
    ) -> Result<(), DSError> {
        require_admin(caller, caller_role)?;
        let key = self.require_entity(name)?;
        self.require_member(name, key, old_owner, capacity::OWNER)?;
        self.check_free(new_owner)?;
        self.records.setter(key).owner.set(new_owner);
        self.leave(old_owner);
        self.join(new_owner, key, capacity::OWNER);
        self.log_member(name, old_owner, capacity::OWNER, caller, false);
        self.log_member(name, new_owner, capacity::OWNER, caller, true);
        Ok(())
    }

    /// Removes entity `name`, which must have no operators nor resources
    /// left (MASTER or ISSUER). Its owner is free again afterwards.
    pub fn remove_entity(
        &mut self,
        caller: Address,
        caller_role: u8,
        name: &str,
    ) -> Result<(), DSError> {
        require_admin(caller, caller_role)?;
        let key = self.require_entity(name)?;
        let (owner, operators, resources) = self.entity(key);
        if operators != 0 || resources != 0 {
            return Err(DSError::EntityNotEmpty(EntityNotEmpty {
                name: name.into(),
                operators: U256::from(operators),
                resources: U256::from(resources),
            }));
        }
        {
            let mut record = self.records.setter(key);
            record.owner.erase();
            record.name.clear();
        }
        self.leave(owner);
        self.vm().log(DSTrustServiceEntityRemoved {
            name: name.into(),
            owner,
            sender: caller,
        });
        Ok(())
    }

    /// Adds `member` to entity `name` as an operator or a resource. Operators
    /// are managed by the entity's owner or MASTER/ISSUER; resources by
    /// MASTER/ISSUER only.
    pub fn add_member(
        &mut self,
        caller: Address,
        caller_role: u8,
        name: &str,
        member: Address,
        kind: u8,
    ) -> Result<(), DSError> {
        let key = self.authorize_member_change(caller, caller_role, name, kind)?;
        self.check_free(member)?;
        let (_, operators, resources) = self.entity(key);
        let (count, max) = match kind {
            capacity::OPERATOR => (operators, limits::MAX_OPERATORS),
            _ => (resources, limits::MAX_RESOURCES),
        };
        if count >= max {
            return Err(DSError::EntityFull(EntityFull {
                name: name.into(),
                capacity: kind,
                max: U256::from(max),
            }));
        }
        self.set_count(key, kind, count + 1);
        self.join(member, key, kind);
        self.log_member(name, member, kind, caller, true);
        Ok(())
    }

    /// Removes `member`, an operator or resource of entity `name` (same
    /// permissions as [`Entities::add_member`]).
    pub fn remove_member(
        &mut self,
        caller: Address,
        caller_role: u8,
        name: &str,
        member: Address,
        kind: u8,
    ) -> Result<(), DSError> {
        let key = self.authorize_member_change(caller, caller_role, name, kind)?;
        self.require_member(name, key, member, kind)?;
        let (_, operators, resources) = self.entity(key);
        let count = if kind == capacity::OPERATOR {
            operators
        } else {
            resources
        };
        // A member exists, so its count is at least one.
        self.set_count(key, kind, count.saturating_sub(1));
        self.leave(member);
        self.log_member(name, member, kind, caller, false);
        Ok(())
    }

    /// The name of the entity `member` belongs to as `kind` ("" otherwise).
    pub fn entity_of(&self, member: Address, kind: u8) -> String {
        let membership = self.members.getter(member);
        if membership.capacity.get().to::<u8>() != kind || kind == capacity::NONE {
            return String::new();
        }
        self.records
            .getter(membership.entity.get())
            .name
            .get_string()
    }

    /// Whether `resource` is a resource and `member` a `kind` member of the
    /// same entity.
    pub fn shares_entity(&self, resource: Address, member: Address, kind: u8) -> bool {
        let (resource_entity, resource_kind) = self.membership(resource);
        let (member_entity, member_kind) = self.membership(member);
        resource_kind == capacity::RESOURCE
            && member_kind == kind
            && resource_entity == member_entity
    }

    /// The entity key and capacity of `member` (capacity NONE when free).
    pub fn membership(&self, member: Address) -> (B256, u8) {
        let membership = self.members.getter(member);
        (membership.entity.get(), membership.capacity.get().to())
    }

    /// Owner, operator count and resource count of entity `name` (zero
    /// owner when it does not exist).
    pub fn entity_by_name(&self, name: &str) -> (Address, u32, u32) {
        self.entity(key_of(name))
    }
}

impl Entities {
    fn entity(&self, key: B256) -> (Address, u32, u32) {
        let record = self.records.getter(key);
        (
            record.owner.get(),
            record.operators.get().to(),
            record.resources.get().to(),
        )
    }

    fn exists(&self, key: B256) -> bool {
        !self.records.getter(key).owner.get().is_zero()
    }

    /// The key of entity `name`, or [`EntityNotFound`].
    fn require_entity(&self, name: &str) -> Result<B256, DSError> {
        let key = key_of(name);
        if !self.exists(key) {
            return Err(DSError::EntityNotFound(EntityNotFound {
                name: name.into(),
            }));
        }
        Ok(key)
    }

    /// Permission and existence checks of adding/removing an operator or a
    /// resource; returns the entity key.
    fn authorize_member_change(
        &self,
        caller: Address,
        caller_role: u8,
        name: &str,
        kind: u8,
    ) -> Result<B256, DSError> {
        let key = key_of(name);
        let owner_of_entity =
            kind == capacity::OPERATOR && self.membership(caller) == (key, capacity::OWNER);
        if !is_admin(caller_role) && !owner_of_entity {
            return Err(DSError::unauthorized(caller, caller_role));
        }
        self.require_entity(name)
    }

    /// Refuses the zero address and any address already in an entity.
    fn check_free(&self, member: Address) -> Result<(), DSError> {
        if member.is_zero() {
            return Err(DSError::zero_address());
        }
        let (_, current) = self.membership(member);
        if current != capacity::NONE {
            return Err(DSError::AlreadyEntityMember(AlreadyEntityMember {
                member,
                capacity: current,
            }));
        }
        Ok(())
    }

    /// Refuses unless `member` is a `kind` member of entity `key`.
    fn require_member(
        &self,
        name: &str,
        key: B256,
        member: Address,
        kind: u8,
    ) -> Result<(), DSError> {
        if self.membership(member) != (key, kind) {
            return Err(DSError::NotEntityMember(NotEntityMember {
                name: name.into(),
                member,
                capacity: kind,
            }));
        }
        Ok(())
    }

    fn set_count(&mut self, key: B256, kind: u8, count: u32) {
        let mut record = self.records.setter(key);
        let count = U32::from(count);
        if kind == capacity::OPERATOR {
            record.operators.set(count);
        } else {
            record.resources.set(count);
        }
    }

    fn join(&mut self, member: Address, key: B256, kind: u8) {
        let mut membership = self.members.setter(member);
        membership.entity.set(key);
        membership.capacity.set(U8::from(kind));
    }

    fn leave(&mut self, member: Address) {
        let mut membership = self.members.setter(member);
        membership.entity.erase();
        membership.capacity.erase();
    }

    fn log_member(&self, name: &str, member: Address, kind: u8, sender: Address, added: bool) {
        if added {
            self.vm().log(DSTrustServiceEntityMemberAdded {
                name: name.into(),
                member,
                capacity: kind,
                sender,
            });
        } else {
            self.vm().log(DSTrustServiceEntityMemberRemoved {
                name: name.into(),
                member,
                capacity: kind,
                sender,
            });
        }
    }
}
