//! DS app "distribution": pays an amount of an ERC-20 (the payment token) to
//! the holders of the DS token, pro rata to their balances at a token
//! snapshot taken when the distribution is created.
//!
//! - The issuer or master (per Trust) creates a distribution: the app asks
//!   the DS token for a new snapshot (the app must be a DS app Trust
//!   authorises), reads the supply at it, announces the distribution to
//!   all holders through Comms (a dividend notice with the same deadline),
//!   records it and pulls the amount from the creator (`transferFrom`,
//!   approved beforehand).
//! - Until the deadline (inclusive), each wallet that held tokens at the
//!   snapshot claims `amount * balanceAt / supplyAt`, rounded down, once.
//!   Transfers after the snapshot change no share.
//! - After the deadline, the creator (or any issuer or master) reclaims
//!   the rest once: what was not claimed, rounding dust included. Claims
//!   close at the deadline, so the claims and the rest add up to the
//!   amount, and a distribution never pays out more than it was given.
//! - Refusals are typed errors and write nothing. A refusal by another
//!   contract passes on its own revert data (see [`calls`]).
//! - Payment tokens that charge a fee on transfer or rebase are not
//!   supported: the app accounts for exactly the amounts it moves.
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
// The SDK's `#[entrypoint]` adds an undocumented `user_entrypoint` to the
// Wasm build, `#[public]` undocumented items to the ABI export; documentation
// is checked on the native build (clippy).
#![cfg_attr(
    any(target_arch = "wasm32", feature = "export-abi"),
    allow(missing_docs)
)]
extern crate alloc;

pub mod calls;
pub mod record;
pub mod share;

use alloc::string::String;
use alloy_primitives::{aliases::U128, Address, B256, U256, U64};
use ds_common::{
    consumer::ServiceRegistry,
    errors::{
        AlreadyClaimed, AlreadyReclaimed, AmountTooLarge, DistributionExpired,
        DistributionNotEnded, EmptySnapshot, InvalidDeadline, NothingToClaim, UnknownDistribution,
        ZeroAmount,
    },
    ids::{role, service},
    DSError,
};
use stylus_sdk::{
    prelude::*,
    storage::{StorageGuard, StorageMap, StorageU64},
};

use calls::Revert;
use record::{Position, Record, Terms};

ds_common::events_sol!();

/// Everything `getDistribution` returns: payment token, amount, snapshot
/// id, supply at the snapshot, deadline, claimed total, creator, reclaimed
/// flag, DS token and Comms notice id.
type DistributionView = (
    Address,
    U256,
    U256,
    U256,
    u64,
    U256,
    Address,
    bool,
    Address,
    U256,
);

/// The distribution app.
#[storage]
#[entrypoint]
pub struct Distribution {
    /// Where the DS services live (Trust, the DS token, Comms).
    services: ServiceRegistry,
    /// Number of distributions; ids run from 1 to this count.
    count: StorageU64,
    /// Distributions by id.
    distributions: StorageMap<U256, Record>,
}

#[public]
impl Distribution {
    /// Binds the app to the Trust service that holds the roles.
    #[constructor]
    pub fn constructor(&mut self, trust: Address) -> Result<(), DSError> {
        self.services.init_trust(trust)
    }

    /// Registers the address of DS service `serviceId` (master, per Trust):
    /// the DS token (2) and Comms (16).
    #[selector(name = "setDSService")]
    pub fn set_ds_service(&mut self, service_id: U256, service: Address) -> Result<bool, DSError> {
        self.services.set_by_master(service_id, service)
    }

    /// The address registered for DS service `serviceId` (zero when none).
    #[selector(name = "getDSService")]
    pub fn get_ds_service(&self, service_id: U256) -> Address {
        self.services.get(service_id)
    }

    /// Creates a distribution of `amount` of `paymentToken` to the DS
    /// token's holders at a new snapshot, claimable until `deadline` (a
    /// future timestamp), announced through Comms with the document
    /// `contentHash` at `uri`; returns its id. Issuer or master only; the
    /// caller must have approved `amount` to this app.
    pub fn create_distribution(
        &mut self,
        payment_token: Address,
        amount: U256,
        deadline: u64,
        content_hash: B256,
        uri: String,
    ) -> Result<U256, Revert> {
        let creator = self.vm().msg_sender();
        self.services.require_role(creator, role::ISSUER_OR_ABOVE)?;
        let amount_bits =
            check_terms(payment_token, amount, deadline, self.vm().block_timestamp())?;
        let ds_token = self.services.require(service::DS_TOKEN)?;
        let comms = self.services.require(service::COMMS)?;
        let snapshot_id = self.take_snapshot(ds_token)?;
        let supply = self.supply_at(ds_token, snapshot_id)?;
        if supply.is_zero() {
            return Err(DSError::EmptySnapshot(EmptySnapshot {
                snapshotId: U256::from(snapshot_id),
            })
            .into());
        }
        let supply = u128::try_from(supply)
            .map_err(|_| DSError::AmountTooLarge(AmountTooLarge { amount: supply }))?;
        let notice_id = self.announce(comms, content_hash, uri, deadline)?;
        let id = self.count.get().to::<u64>() + 1;
        self.count.set(U64::from(id));
        let id = U256::from(id);
        let terms = Terms {
            payment_token,
            amount: amount_bits,
            supply,
            deadline,
            snapshot_id,
            notice_id,
            ds_token,
            creator,
        };
        terms.store(&mut self.distributions.setter(id));
        self.vm().log(DistributionCreated {
            id,
            paymentToken: payment_token,
            amount,
            snapshotId: U256::from(snapshot_id),
            deadline,
        });
        // The only call to a contract outside the issuance comes last.
        self.pull(payment_token, creator, amount)?;
        Ok(id)
    }

    /// Pays the calling wallet its share of distribution `id` and returns
    /// it. Refused after the deadline, a second time, and for a wallet
    /// without a share.
    pub fn claim(&mut self, id: U256) -> Result<U256, Revert> {
        let wallet = self.vm().msg_sender();
        let now = self.vm().block_timestamp();
        let d = self.require(id)?;
        let deadline = d.deadline();
        if now > deadline {
            return Err(DSError::DistributionExpired(DistributionExpired {
                distributionId: id,
                deadline,
            })
            .into());
        }
        if d.claimed_by.get(wallet) {
            return Err(DSError::AlreadyClaimed(AlreadyClaimed {
                distributionId: id,
                wallet,
            })
            .into());
        }
        let payment_token = d.payment_token.get();
        let position = d.position();
        drop(d);
        let share = self.share_of(wallet, &position)?;
        if share == 0 {
            return Err(DSError::NothingToClaim(NothingToClaim {
                distributionId: id,
                wallet,
            })
            .into());
        }
        // Effects before the payment (checks-effects-interactions).
        let mut d = self.distributions.setter(id);
        d.claimed_by.insert(wallet, true);
        // claimed + share ≤ amount < 2^128 (see `share_of`).
        d.claimed.set(U128::from(position.claimed + share));
        drop(d);
        let share = U256::from(share);
        self.pay(payment_token, wallet, share)?;
        self.vm().log(Claimed {
            id,
            wallet,
            amount: share,
        });
        Ok(share)
    }

    /// Sends the unclaimed rest of distribution `id` back to its creator
    /// (who funded it) after the deadline, once; the creator, an issuer or
    /// the master may trigger it. Returns the rest.
    pub fn reclaim(&mut self, id: U256) -> Result<U256, Revert> {
        let sender = self.vm().msg_sender();
        let now = self.vm().block_timestamp();
        let creator = self.require(id)?.creator.get();
        if sender != creator {
            self.services.require_role(sender, role::ISSUER_OR_ABOVE)?;
        }
        let d = self.distributions.getter(id);
        let deadline = d.deadline();
        if now <= deadline {
            return Err(DSError::DistributionNotEnded(DistributionNotEnded {
                distributionId: id,
                deadline,
            })
            .into());
        }
        if d.reclaimed.get() {
            return Err(DSError::AlreadyReclaimed(AlreadyReclaimed { distributionId: id }).into());
        }
        // claimed ≤ amount always.
        let rest = U256::from(d.amount() - d.claimed());
        let payment_token = d.payment_token.get();
        drop(d);
        self.distributions.setter(id).reclaimed.set(true);
        // The rest goes back to whoever funded it, whoever triggers it.
        if !rest.is_zero() {
            self.pay(payment_token, creator, rest)?;
        }
        self.vm().log(Reclaimed {
            id,
            to: creator,
            amount: rest,
        });
        Ok(rest)
    }

    /// What `wallet` would receive by claiming distribution `id` now: its
    /// share, or 0 once claimed or after the deadline.
    pub fn claimable(&self, id: U256, wallet: Address) -> Result<U256, Revert> {
        let d = self.require(id)?;
        if d.claimed_by.get(wallet) || self.vm().block_timestamp() > d.deadline() {
            return Ok(U256::ZERO);
        }
        let position = d.position();
        drop(d);
        Ok(U256::from(self.share_of(wallet, &position)?))
    }

    /// Whether `wallet` claimed its share of distribution `id`.
    pub fn has_claimed(&self, id: U256, wallet: Address) -> bool {
        self.distributions.getter(id).claimed_by.get(wallet)
    }

    /// Number of distributions (ids run from 1 to this count).
    pub fn distribution_count(&self) -> U256 {
        U256::from(self.count.get())
    }

    /// Payment token, amount, snapshot id, supply at the snapshot,
    /// deadline, claimed total, creator, reclaimed flag, DS token and Comms
    /// notice id of distribution `id`.
    pub fn get_distribution(&self, id: U256) -> Result<DistributionView, DSError> {
        let d = self.require(id)?;
        Ok((
            d.payment_token.get(),
            U256::from(d.amount()),
            U256::from(d.snapshot_id.get()),
            U256::from(d.supply()),
            d.deadline(),
            U256::from(d.claimed()),
            d.creator.get(),
            d.reclaimed.get(),
            d.ds_token.get(),
            U256::from(d.notice_id.get()),
        ))
    }
}

impl Distribution {
    /// Distribution `id`, or [`UnknownDistribution`].
    fn require(&self, id: U256) -> Result<StorageGuard<'_, Record>, DSError> {
        if id.is_zero() || id > U256::from(self.count.get()) {
            return Err(DSError::UnknownDistribution(UnknownDistribution {
                distributionId: id,
            }));
        }
        Ok(self.distributions.getter(id))
    }

    /// The share of `wallet` in the distribution at `position`, capped by
    /// what is left, so that the claims never add up to more than the
    /// amount whatever the token answers.
    fn share_of(&self, wallet: Address, position: &Position) -> Result<u128, Revert> {
        let p = position;
        let balance = self.balance_at(p.ds_token, wallet, p.snapshot_id)?;
        Ok(share::share(p.amount, balance, p.supply).min(p.amount - p.claimed))
    }
}

/// The input rules of `createDistribution` at time `now`; the amount as
/// 128 bits.
fn check_terms(
    payment_token: Address,
    amount: U256,
    deadline: u64,
    now: u64,
) -> Result<u128, DSError> {
    if payment_token.is_zero() {
        return Err(DSError::zero_address());
    }
    if amount.is_zero() {
        return Err(DSError::ZeroAmount(ZeroAmount {}));
    }
    let amount =
        u128::try_from(amount).map_err(|_| DSError::AmountTooLarge(AmountTooLarge { amount }))?;
    if deadline <= now {
        return Err(DSError::InvalidDeadline(InvalidDeadline { deadline, now }));
    }
    Ok(amount)
}

#[cfg(test)]
mod tests;
