//! The subscription app's admin facet: the issuer's side (`createRound`,
//! `closeRound`, `cancelRound`), run by delegatecall from the entry
//! program's fallback on its storage ([`SubscriptionState`]); called at its
//! own address it refuses every call (`FacetCalledDirectly`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
// The SDK's `#[entrypoint]` adds an undocumented `user_entrypoint` to the
// Wasm build, `#[public]` undocumented items to the ABI export; documentation
// is checked on the native build (clippy).
#![cfg_attr(
    any(target_arch = "wasm32", feature = "export-abi"),
    allow(missing_docs)
)]
extern crate alloc;

use alloc::vec::Vec;
use alloy_primitives::{Address, U256};
use ds_common::{
    errors::RoundNotEnded,
    ids::{role, round_status},
    payment, DSError,
};
use ds_subscription_state::{
    not_open, terms::Terms, Revert, RoundCancelled, RoundClosed, RoundCreated, SubscriptionState,
};
use stylus_sdk::{prelude::*, ArbResult};

/// The subscription app's admin facet (storage = the app's).
#[storage]
pub struct SubscriptionAdmin {
    /// The app's storage, at the same slots.
    state: SubscriptionState,
}

ds_common::facet_entrypoint!(
    SubscriptionAdmin,
    ds_common::ids::service::SUBSCRIPTION_ADMIN_FACET
);

#[public]
impl SubscriptionAdmin {
    /// Opens a round (issuer or master) and returns its id. `price` is in
    /// payment units per whole token; give it or a NAV provider `nav`, not
    /// both. `maxPerInvestor` 0 means the hard cap; `softCap` needs
    /// `issueAtClose`; `lockUntil` in the future locks the tokens issued.
    ///
    /// # Errors
    /// `UnauthorizedCaller`, `ZeroAddress`, `InvalidRoundTerms(term)`,
    /// `ServiceNotSet`.
    ///
    /// # Events
    /// `RoundCreated`.
    #[allow(clippy::too_many_arguments)]
    pub fn create_round(
        &mut self,
        payment_token: Address,
        treasury: Address,
        price: U256,
        nav: Address,
        min_per_investor: U256,
        max_per_investor: U256,
        soft_cap: U256,
        hard_cap: U256,
        start: u64,
        end: u64,
        lock_until: u64,
        issue_at_close: bool,
    ) -> Result<U256, Revert> {
        self.state
            .services
            .require_role(self.vm().msg_sender(), role::ISSUER_OR_ABOVE)?;
        if payment_token.is_zero() || treasury.is_zero() {
            return Err(DSError::zero_address().into());
        }
        let terms = Terms {
            price,
            nav,
            min_per_investor,
            max_per_investor,
            soft_cap,
            hard_cap,
            start,
            end,
            issue_at_close,
        };
        terms.check(self.vm().block_timestamp())?;
        let unit = self.state.token_unit()?;
        let id = self.state.round_count.get() + U256::from(1);
        self.state.round_count.set(id);
        let mut round = self.state.rounds.setter(id);
        round.payment_token.set(payment_token);
        round.treasury.set(treasury);
        round.nav.set(nav);
        round.price.set(price);
        round.unit.set(unit);
        round.min_per_investor.set(min_per_investor);
        round.max_per_investor.set(max_per_investor);
        round.soft_cap.set(soft_cap);
        round.hard_cap.set(hard_cap);
        round.start.set(alloy_primitives::Uint::from(start));
        round.end.set(alloy_primitives::Uint::from(end));
        round
            .lock_until
            .set(alloy_primitives::Uint::from(lock_until));
        round
            .status
            .set(alloy_primitives::Uint::from(round_status::OPEN));
        round.issue_at_close.set(issue_at_close);
        self.vm().log(RoundCreated {
            roundId: id,
            paymentToken: payment_token,
            price,
            nav,
            hardCap: hard_cap,
            start,
            end,
        });
        Ok(id)
    }

    /// Closes round `roundId` once it ended or sold out (issuer or
    /// master): at or above its soft cap it succeeds (an at-close round
    /// sends the payments it holds to the treasury), below it fails
    /// (payments refundable).
    ///
    /// # Errors
    /// `UnauthorizedCaller`, `UnknownRound`, `RoundNotOpen` (not open),
    /// `RoundNotEnded`, the payment's.
    ///
    /// # Events
    /// `RoundClosed`.
    pub fn close_round(&mut self, round_id: U256) -> Result<u8, Revert> {
        self.state
            .services
            .require_role(self.vm().msg_sender(), role::ISSUER_OR_ABOVE)?;
        let terms = self.state.round_terms(round_id)?;
        let round = self.state.rounds.getter(round_id);
        let status = round.status.get().to::<u8>();
        if status != round_status::OPEN {
            return Err(not_open(round_id, status, &terms).into());
        }
        let sold = round.sold.get();
        if self.vm().block_timestamp() < terms.end && sold < terms.hard_cap {
            return Err(DSError::RoundNotEnded(RoundNotEnded {
                roundId: round_id,
                end: terms.end,
            })
            .into());
        }
        let (raised, payment_token, treasury) = (
            round.raised.get(),
            round.payment_token.get(),
            round.treasury.get(),
        );
        let succeeded = sold >= terms.soft_cap;
        let outcome = if succeeded {
            round_status::SUCCEEDED
        } else {
            round_status::FAILED
        };
        let mut round = self.state.rounds.setter(round_id);
        round.status.set(alloy_primitives::Uint::from(outcome));
        let sent = if succeeded { raised } else { U256::ZERO };
        if !sent.is_zero() {
            round.raised.set(U256::ZERO);
        }
        self.vm().log(RoundClosed {
            roundId: round_id,
            status: outcome,
            sold,
            raised: sent,
        });
        if !sent.is_zero() {
            let app = self.vm().contract_address();
            payment::pay_as(self, payment_token, app, treasury, sent)?;
        }
        Ok(outcome)
    }

    /// Cancels open round `roundId` (issuer or master): no more
    /// subscriptions; an at-close round's payments become refundable
    /// (tokens already issued by an at-once round stay issued).
    ///
    /// # Errors
    /// `UnauthorizedCaller`, `UnknownRound`, `RoundNotOpen`.
    ///
    /// # Events
    /// `RoundCancelled`.
    pub fn cancel_round(&mut self, round_id: U256) -> Result<(), DSError> {
        self.state
            .services
            .require_role(self.vm().msg_sender(), role::ISSUER_OR_ABOVE)?;
        let terms = self.state.round_terms(round_id)?;
        let status = self.state.rounds.getter(round_id).status.get().to::<u8>();
        if status != round_status::OPEN {
            return Err(not_open(round_id, status, &terms));
        }
        self.state
            .rounds
            .setter(round_id)
            .status
            .set(alloy_primitives::Uint::from(round_status::CANCELLED));
        self.vm().log(RoundCancelled { roundId: round_id });
        Ok(())
    }

    /// Any other selector: refused with `UnknownSelector` (the entry
    /// program answers its own functions before routing here).
    #[fallback]
    pub fn fallback(&mut self, calldata: &[u8]) -> ArbResult {
        Err(DSError::unknown_selector(calldata).into())
    }
}
