//! Storage, rules and shared steps of the DS redemption app (issue 18):
//! the entry program (`ds-redemption`: requests, cancellation, settlement,
//! the views) and its admin facet (`ds-redemption-admin`: open and close
//! windows, fund them, withdraw unused funds; run by delegatecall from the
//! entry's fallback) embed [`RedemptionState`] as their only field, so both
//! read and write the same slots.
#![cfg_attr(
    any(target_arch = "wasm32", feature = "export-abi"),
    allow(missing_docs)
)]
extern crate alloc;

pub mod rules;

use alloc::vec::Vec;
use alloy_primitives::{Address, U256};
use ds_common::{
    consumer::ServiceRegistry,
    errors::{
        RedemptionNotPending, RedemptionWindowNotOpen, UnknownRedemptionRequest,
        UnknownRedemptionWindow,
    },
    ids::{redemption_status as status, service},
    DSError,
};
use rules::Terms;
use stylus_sdk::{
    prelude::*,
    storage::{StorageAddress, StorageBool, StorageMap, StorageU256, StorageU64, StorageU8},
};

ds_common::events_sol!();

/// Revert data of the app: an encoded custom error (ours or a callee's).
pub type Revert = Vec<u8>;

/// One window in storage.
#[storage]
pub struct Window {
    /// The ERC-20 the redemptions are paid in.
    pub payment_token: StorageAddress,
    /// The NAV provider pricing the window (zero with a fixed price).
    pub nav: StorageAddress,
    /// Payment units per whole token (0 with a NAV provider).
    pub price: StorageU256,
    /// 10^decimals of the DS token when the window opened.
    pub unit: StorageU256,
    /// Payment units the app holds for the window's settlements.
    pub funded: StorageU256,
    /// Token units requested and neither settled nor cancelled.
    pub queued: StorageU256,
    /// Requests from this time (seconds).
    pub start: StorageU64,
    /// Requests before this time (seconds).
    pub end: StorageU64,
    /// Queue position of the next request to settle.
    pub head: StorageU64,
    /// Queue position the next request takes.
    pub tail: StorageU64,
    /// `ds_common::ids::redemption_status` (window).
    pub status: StorageU8,
    /// Locked tokens may be redeemed.
    pub allow_locked: StorageBool,
}

/// One request in storage.
#[storage]
pub struct Request {
    /// The holder's wallet (burnt from, paid to).
    pub wallet: StorageAddress,
    /// The window it is queued in.
    pub window: StorageU64,
    /// `ds_common::ids::redemption_status` (request).
    pub status: StorageU8,
    /// Token units still to settle.
    pub remaining: StorageU256,
    /// Token units burnt so far.
    pub redeemed: StorageU256,
    /// Payment units paid so far.
    pub paid: StorageU256,
}

/// The app's storage (the entry program's and the admin facet's).
#[storage]
pub struct RedemptionState {
    /// Where the DS services live (Trust, Registry, Compliance, token) and
    /// the admin facet.
    pub services: ServiceRegistry,
    /// Windows by id (1, 2, ...).
    pub windows: StorageMap<U256, Window>,
    /// The last window id.
    pub window_count: StorageU64,
    /// Requests by id (1, 2, ...).
    pub requests: StorageMap<U256, Request>,
    /// The last request id.
    pub request_count: StorageU64,
    /// Request ids by [`queue_key`]`(window, position)`.
    pub queues: StorageMap<U256, StorageU64>,
    /// Each wallet's token units queued in a window, by
    /// [`wallet_key`]`(window, wallet)`.
    pub pending: StorageMap<U256, StorageU256>,
}

/// The key of position `position` of window `window`'s queue.
pub fn queue_key(window: u64, position: u64) -> U256 {
    (U256::from(window) << 64) | U256::from(position)
}

/// The key of `wallet`'s pending total in window `window`.
pub fn wallet_key(window: u64, wallet: Address) -> U256 {
    (U256::from(window) << 160) | U256::from_be_slice(wallet.as_slice())
}

/// [`RedemptionWindowNotOpen`] for window `window_id` in `state` with
/// `terms`.
pub fn not_open(window_id: U256, state: u8, terms: &Terms) -> DSError {
    DSError::RedemptionWindowNotOpen(RedemptionWindowNotOpen {
        windowId: window_id,
        status: state,
        start: terms.start,
        end: terms.end,
    })
}

impl RedemptionState {
    /// The terms and status of window `window_id`, or
    /// [`UnknownRedemptionWindow`].
    pub fn window(&self, window_id: U256) -> Result<(Terms, u8), DSError> {
        let window = self.windows.getter(window_id);
        let state = window.status.get().to::<u8>();
        if state == status::NONE {
            return Err(DSError::UnknownRedemptionWindow(UnknownRedemptionWindow {
                windowId: window_id,
            }));
        }
        let terms = Terms {
            price: window.price.get(),
            nav: window.nav.get(),
            start: window.start.get().to::<u64>(),
            end: window.end.get().to::<u64>(),
        };
        Ok((terms, state))
    }

    /// Window, wallet, remaining and status of request `request_id`, or
    /// [`UnknownRedemptionRequest`].
    pub fn request(&self, request_id: U256) -> Result<(u64, Address, U256, u8), DSError> {
        let request = self.requests.getter(request_id);
        let state = request.status.get().to::<u8>();
        if state == status::NONE {
            return Err(DSError::UnknownRedemptionRequest(
                UnknownRedemptionRequest {
                    requestId: request_id,
                },
            ));
        }
        Ok((
            request.window.get().to::<u64>(),
            request.wallet.get(),
            request.remaining.get(),
            state,
        ))
    }

    /// Cancels pending request `request_id` and returns the token units it
    /// still had queued (its settled part stays settled), or
    /// [`RedemptionNotPending`].
    pub fn cancel(&mut self, request_id: U256) -> Result<U256, DSError> {
        let (window, wallet, remaining, state) = self.request(request_id)?;
        if state != status::PENDING {
            return Err(DSError::RedemptionNotPending(RedemptionNotPending {
                requestId: request_id,
                status: state,
            }));
        }
        let mut request = self.requests.setter(request_id);
        request.remaining.set(U256::ZERO);
        request
            .status
            .set(alloy_primitives::Uint::from(status::CANCELLED));
        self.release(window, wallet, remaining);
        Ok(remaining)
    }

    /// `amount` token units of `wallet` leave window `window`'s queue.
    pub fn release(&mut self, window: u64, wallet: Address, amount: U256) {
        let key = wallet_key(window, wallet);
        let pending = self.pending.get(key);
        self.pending.insert(key, pending.saturating_sub(amount));
        let mut record = self.windows.setter(U256::from(window));
        let queued = record.queued.get();
        record.queued.set(queued.saturating_sub(amount));
    }

    /// Runs `calldata` in the admin facet (one delegatecall on this
    /// storage).
    pub fn delegate_to_admin(&mut self, calldata: &[u8]) -> stylus_sdk::ArbResult {
        self.services
            .delegate_to(service::REDEMPTION_ADMIN_FACET, calldata)
    }
}
