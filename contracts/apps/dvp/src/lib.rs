//! DS app "DvP": atomic delivery versus payment of DS tokens against a
//! payment ERC-20, for secondary trades.
//!
//! - A seller offers `amount` DS tokens for `price` of a payment token, to
//!   a named buyer or to anyone, until `expiry`; an exchange (EXCHANGE in
//!   Trust) may be named as the matcher, taking `fee` of the price. The
//!   offer escrows nothing: the seller approves this app on the DS token
//!   (the allowance the delivery uses) and keeps the tokens until the
//!   offer is taken, so they stay under the seller's locks, counters and
//!   snapshots; an offer whose tokens were moved away meanwhile fails at
//!   taking, with the token's own reason.
//! - The buyer takes the offer in one transaction: the token's
//!   `preTransferCheck` first (a refusal is `TransferRejected(code, reason)`
//!   with the DS code, before anything moves), then the payment (price
//!   less fee to the seller, fee to the matcher, from the buyer's
//!   allowance to this app), then the delivery: the token's `transferFrom`
//!   with this app as spender, under the token's full transfer check
//!   (investor, counts, limits, locks, flowback, blacklist). Either leg
//!   failing reverts both.
//! - The seller cancels an open offer; an expired offer cannot be taken.
//! - The app needs no role anywhere: it moves tokens only as a spender
//!   the seller approved, under the same check as any transfer.
//! - Refusals are typed errors and write nothing; the offer is marked
//!   taken before the legs move (checks-effects-interactions), and a
//!   payment token calling back into the app is refused by Stylus'
//!   reentrancy guard.
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
pub mod offer;

use alloy_primitives::{Address, U256, U64};
use ds_common::{
    consumer::ServiceRegistry,
    errors::{MatcherNotExchange, NotOfferSeller, OfferNotOpen, UnknownOffer},
    ids::{role, service},
    DSError,
};
use stylus_sdk::{
    prelude::*,
    storage::{StorageMap, StorageU64},
};

use calls::Revert;
use offer::{check_take, status, Record, Terms};

ds_common::events_sol!();

/// Everything `getOffer` returns: seller, buyer, amount, payment token,
/// price, expiry, matcher, fee, status.
type OfferView = (
    Address,
    Address,
    U256,
    Address,
    U256,
    u64,
    Address,
    U256,
    u8,
);

/// The DvP app.
#[storage]
#[entrypoint]
pub struct DvP {
    /// Where the DS services live (Trust, the DS token).
    services: ServiceRegistry,
    /// Number of offers; ids run from 1 to this count.
    count: StorageU64,
    /// Offers by id.
    offers: StorageMap<U256, Record>,
}

#[public]
impl DvP {
    /// Binds the app to the Trust service that holds the roles.
    #[constructor]
    pub fn constructor(&mut self, trust: Address) -> Result<(), DSError> {
        self.services.init_trust(trust)
    }

    /// Registers the address of DS service `serviceId` (master, per Trust):
    /// the DS token (2).
    #[selector(name = "setDSService")]
    pub fn set_ds_service(&mut self, service_id: U256, service: Address) -> Result<bool, DSError> {
        self.services.set_by_master(service_id, service)
    }

    /// The address registered for DS service `serviceId` (zero when none).
    #[selector(name = "getDSService")]
    pub fn get_ds_service(&self, service_id: U256) -> Address {
        self.services.get(service_id)
    }

    /// Offers `amount` of the caller's DS tokens to `buyer` (zero: anyone)
    /// for `price` of `paymentToken` until `expiry` (a future block time);
    /// `matcher` (zero: none; else an EXCHANGE in Trust) receives `fee` of
    /// the price. Returns the offer id. The caller approves this app for
    /// `amount` on the DS token before the offer is taken.
    ///
    /// # Errors
    /// `ZeroAmount`, `ZeroAddress` (no payment token, or the DS token
    /// itself), `InvalidDeadline`, `InvalidFee`, `MatcherNotExchange`,
    /// `ServiceNotSet` (no DS token registered).
    ///
    /// # Events
    /// `OfferCreated`.
    #[allow(clippy::too_many_arguments)]
    pub fn create_offer(
        &mut self,
        buyer: Address,
        amount: U256,
        payment_token: Address,
        price: U256,
        expiry: u64,
        matcher: Address,
        fee: U256,
    ) -> Result<U256, DSError> {
        let seller = self.vm().msg_sender();
        let token = self.services.require(service::DS_TOKEN)?;
        let terms = Terms {
            seller,
            buyer,
            amount,
            payment_token,
            price,
            expiry,
            matcher,
            fee,
        };
        terms.check(token, self.vm().block_timestamp())?;
        if !matcher.is_zero() {
            let held = self.services.role_of(matcher)?;
            if held != role::EXCHANGE {
                return Err(DSError::MatcherNotExchange(MatcherNotExchange {
                    matcher,
                    role: held,
                }));
            }
        }
        let id = self.count.get().to::<u64>() + 1;
        self.count.set(U64::from(id));
        let id = U256::from(id);
        self.offers.setter(id).open(&terms);
        self.vm().log(OfferCreated {
            offerId: id,
            seller,
            buyer,
            amount,
            paymentToken: payment_token,
            price,
            expiry,
            matcher,
            fee,
        });
        Ok(id)
    }

    /// Withdraws open offer `offerId` (its seller only).
    ///
    /// # Errors
    /// `UnknownOffer`, `NotOfferSeller`, `OfferNotOpen`.
    ///
    /// # Events
    /// `OfferCancelled`.
    pub fn cancel_offer(&mut self, offer_id: U256) -> Result<bool, DSError> {
        let caller = self.vm().msg_sender();
        let (terms, state) = self.require(offer_id)?;
        if caller != terms.seller {
            return Err(DSError::NotOfferSeller(NotOfferSeller {
                offerId: offer_id,
                caller,
            }));
        }
        if state != status::OPEN {
            return Err(DSError::OfferNotOpen(OfferNotOpen {
                offerId: offer_id,
                status: state,
            }));
        }
        self.offers.setter(offer_id).set_status(status::CANCELLED);
        self.vm().log(OfferCancelled { offerId: offer_id });
        Ok(true)
    }

    /// Takes offer `offerId` (its named buyer, or anyone but the seller
    /// when none is named): pays the price from the caller's allowance to
    /// this app and receives the DS tokens, both or neither.
    ///
    /// # Errors
    /// `UnknownOffer`, `OfferNotOpen`, `OfferExpired`, `NotOfferBuyer`;
    /// `TransferRejected(code, reason)` when the DS token's rules refuse the
    /// delivery; the payment token's own error, `PaymentFailed` or
    /// `PaymentShortfall` when the payment does not arrive whole.
    ///
    /// # Events
    /// `OfferTaken`, with the token's `Transfer` and the payment token's.
    pub fn take_offer(&mut self, offer_id: U256) -> Result<bool, Revert> {
        let buyer = self.vm().msg_sender();
        let (terms, state) = self.require(offer_id)?;
        check_take(offer_id, state, &terms, buyer, self.vm().block_timestamp())?;
        let token = self.services.require(service::DS_TOKEN)?;
        self.pre_trade_check(token, terms.seller, buyer, terms.amount)?;
        // Effects before the legs: a callback finds the offer taken.
        self.offers.setter(offer_id).set_status(status::TAKEN);
        ds_common::payment::pay_as(
            self,
            terms.payment_token,
            buyer,
            terms.seller,
            terms.proceeds(),
        )?;
        if !terms.fee.is_zero() {
            ds_common::payment::pay_as(self, terms.payment_token, buyer, terms.matcher, terms.fee)?;
        }
        self.deliver(token, terms.seller, buyer, terms.amount)?;
        self.vm().log(OfferTaken {
            offerId: offer_id,
            buyer,
            amount: terms.amount,
            price: terms.price,
            fee: terms.fee,
        });
        Ok(true)
    }

    /// Seller, buyer, amount, payment token, price, expiry, matcher, fee
    /// and status (1 open, 2 taken, 3 cancelled) of offer `offerId`.
    pub fn get_offer(&self, offer_id: U256) -> Result<OfferView, DSError> {
        let (t, state) = self.require(offer_id)?;
        Ok((
            t.seller,
            t.buyer,
            t.amount,
            t.payment_token,
            t.price,
            t.expiry,
            t.matcher,
            t.fee,
            state,
        ))
    }

    /// Number of offers (ids run from 1 to this count).
    pub fn offer_count(&self) -> U256 {
        U256::from(self.count.get())
    }
}

impl DvP {
    /// Terms and status of offer `id`, or [`UnknownOffer`].
    fn require(&self, id: U256) -> Result<(Terms, u8), DSError> {
        if id.is_zero() || id > U256::from(self.count.get()) {
            return Err(DSError::UnknownOffer(UnknownOffer { offerId: id }));
        }
        let record = self.offers.getter(id);
        Ok((record.terms(), record.state()))
    }
}

#[cfg(test)]
mod tests;
