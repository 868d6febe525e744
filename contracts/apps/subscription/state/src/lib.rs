//! Storage, rules and shared steps of the DS subscription app (issue 18):
//! the entry program (`ds-subscription`: subscribe, claim, refund, the
//! round view) and its admin facet (`ds-subscription-admin`: open, close
//! and cancel rounds, run by delegatecall from the entry's fallback) embed
//! [`SubscriptionState`] as their only field, so both read and write the
//! same slots.
//!
//! A round: a payment ERC-20, a fixed price per whole token or a NAV
//! provider's `rate()`, per-investor minimum and maximum, soft and hard
//! caps, a window, an optional lock on the tokens issued, issued at once
//! or at the close ([`terms`]).
#![cfg_attr(
    any(target_arch = "wasm32", feature = "export-abi"),
    allow(missing_docs)
)]
extern crate alloc;

mod calls;
pub mod terms;

use alloy_primitives::{Address, B256, U256};
use ds_common::{
    consumer::ServiceRegistry,
    errors::{NothingOwed, RoundNotOpen, RoundNotSettled, UnknownRound},
    ids::{round_status, service},
    DSError,
};
use stylus_sdk::{
    prelude::*,
    storage::{StorageAddress, StorageBool, StorageMap, StorageU256, StorageU64, StorageU8},
};

pub use calls::Revert;
use terms::Terms;

ds_common::events_sol!();

/// One round in storage (the small fields share a slot).
#[storage]
pub struct Round {
    /// The ERC-20 subscribers pay in.
    pub payment_token: StorageAddress,
    /// Who receives the payments.
    pub treasury: StorageAddress,
    /// The NAV provider pricing the round (zero with a fixed price).
    pub nav: StorageAddress,
    /// Payment units per whole token (0 with a NAV provider).
    pub price: StorageU256,
    /// 10^decimals of the DS token when the round opened.
    pub unit: StorageU256,
    /// The least an investor's total may be.
    pub min_per_investor: StorageU256,
    /// The most an investor's total may be (0: the hard cap).
    pub max_per_investor: StorageU256,
    /// The least the round must sell to succeed.
    pub soft_cap: StorageU256,
    /// The most the round sells.
    pub hard_cap: StorageU256,
    /// Token units subscribed so far.
    pub sold: StorageU256,
    /// Payment units the app holds for the round (at-close rounds).
    pub raised: StorageU256,
    /// Opening time (seconds).
    pub start: StorageU64,
    /// Closing time (seconds).
    pub end: StorageU64,
    /// Tokens issued are locked until then (when in the future).
    pub lock_until: StorageU64,
    /// `ds_common::ids::round_status`.
    pub status: StorageU8,
    /// Tokens issued at the close rather than at once.
    pub issue_at_close: StorageBool,
}

/// What a wallet subscribed in an at-close round and has not claimed or
/// been refunded yet.
#[storage]
pub struct Purchase {
    /// Token units to claim.
    pub tokens: StorageU256,
    /// Payment units to refund.
    pub paid: StorageU256,
}

/// The app's storage (the entry program's and the admin facet's).
#[storage]
pub struct SubscriptionState {
    /// Where the DS services live (Trust, Registry, Compliance, token) and
    /// the admin facet.
    pub services: ServiceRegistry,
    /// Rounds by id (1, 2, ...).
    pub rounds: StorageMap<U256, Round>,
    /// The last round id.
    pub round_count: StorageU256,
    /// What each wallet holds a claim or refund for, by
    /// [`entry_key`]`(round, wallet)`.
    pub purchases: StorageMap<B256, Purchase>,
    /// Each investor's total subscribed (all its wallets), by
    /// [`entry_key`]`(round, investor key)`.
    pub investor_totals: StorageMap<B256, StorageU256>,
}

/// The key of a per-round entry: keccak256(round id ‖ `who`), `who` a
/// wallet address or an investor key.
pub fn entry_key(round_id: U256, who: &[u8]) -> B256 {
    let mut data = [0u8; 64];
    data[..32].copy_from_slice(&round_id.to_be_bytes::<32>());
    data[32..32 + who.len()].copy_from_slice(who);
    alloy_primitives::keccak256(&data[..32 + who.len()])
}

/// [`RoundNotOpen`] for round `round_id` in `status` with `terms`.
pub fn not_open(round_id: U256, status: u8, terms: &Terms) -> DSError {
    DSError::RoundNotOpen(RoundNotOpen {
        roundId: round_id,
        status,
        start: terms.start,
        end: terms.end,
    })
}

impl SubscriptionState {
    /// The terms of round `round_id`, or [`UnknownRound`].
    pub fn round_terms(&self, round_id: U256) -> Result<Terms, DSError> {
        let round = self.rounds.getter(round_id);
        if round.status.get().to::<u8>() == round_status::NONE {
            return Err(DSError::UnknownRound(UnknownRound { roundId: round_id }));
        }
        Ok(Terms {
            price: round.price.get(),
            nav: round.nav.get(),
            min_per_investor: round.min_per_investor.get(),
            max_per_investor: round.max_per_investor.get(),
            soft_cap: round.soft_cap.get(),
            hard_cap: round.hard_cap.get(),
            start: round.start.get().to::<u64>(),
            end: round.end.get().to::<u64>(),
            issue_at_close: round.issue_at_close.get(),
        })
    }

    /// The status of round `round_id`.
    pub fn status(&self, round_id: U256) -> u8 {
        self.rounds.getter(round_id).status.get().to::<u8>()
    }

    /// The terms of round `round_id` if it takes subscriptions at `now`.
    pub fn open_round(&self, round_id: U256, now: u64) -> Result<Terms, DSError> {
        let terms = self.round_terms(round_id)?;
        let status = self.status(round_id);
        if status != round_status::OPEN || now < terms.start || now >= terms.end {
            return Err(not_open(round_id, status, &terms));
        }
        Ok(terms)
    }

    /// Clears and returns `wallet`'s (tokens, paid) in round `round_id`,
    /// which must be in one of `statuses`.
    pub fn take_purchase(
        &mut self,
        round_id: U256,
        wallet: Address,
        statuses: &[u8],
    ) -> Result<(U256, U256), DSError> {
        self.round_terms(round_id)?;
        let status = self.status(round_id);
        if !statuses.contains(&status) {
            return Err(DSError::RoundNotSettled(RoundNotSettled {
                roundId: round_id,
                status,
            }));
        }
        let mut purchase = self
            .purchases
            .setter(entry_key(round_id, wallet.as_slice()));
        let (tokens, paid) = (purchase.tokens.get(), purchase.paid.get());
        if tokens.is_zero() {
            return Err(DSError::NothingOwed(NothingOwed {
                roundId: round_id,
                wallet,
            }));
        }
        purchase.tokens.set(U256::ZERO);
        purchase.paid.set(U256::ZERO);
        Ok((tokens, paid))
    }

    /// Runs `calldata` in the admin facet (one delegatecall on this
    /// storage).
    pub fn delegate_to_admin(&mut self, calldata: &[u8]) -> stylus_sdk::ArbResult {
        self.services
            .delegate_to(service::SUBSCRIPTION_ADMIN_FACET, calldata)
    }
}
