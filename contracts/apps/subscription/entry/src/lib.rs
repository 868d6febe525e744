//! DS subscription app (issue 18): primary issuance rounds. The issuer
//! opens a round (a payment ERC-20, a fixed price per whole token or a NAV
//! provider's `rate()`, per-investor minimum and maximum, soft and hard
//! caps, a window, an optional lock on the tokens issued); investors
//! subscribe by paying.
//!
//! - **At once** (`issueAtClose = false`): the payment goes to the
//!   treasury and the tokens are issued in the same transaction.
//! - **At the close** (`issueAtClose = true`): the app holds the payments;
//!   once the round ends (or sells out) the issuer closes it: at or above
//!   the soft cap the payments go to the treasury in one transfer and each
//!   subscriber claims its tokens (`claim`); below it, or after a
//!   cancellation, each gets its payment back (`refund`). Pull, never a
//!   loop over investors.
//! - Every subscription passes Compliance's `preIssuanceCheck` first
//!   (`IssuanceRejected(code, reason)` with the DS code) and the token's
//!   full issuance check when issued; the subscriber must be an investor
//!   wallet (`NotAnInvestor`). The app holds the ISSUER role in Trust.
//! - Payments must arrive whole: tokens that return no value are accepted,
//!   fee-on-transfer tokens refused (`PaymentShortfall`).
//!
//! This is the entry program (the investors' side and the round view);
//! the issuer's side (`createRound`, `closeRound`, `cancelRound`) runs in
//! the admin facet `ds-subscription-admin`, reached from the fallback in
//! one delegatecall.
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
// The SDK's `#[entrypoint]` adds an undocumented `user_entrypoint` to the
// Wasm build, `#[public]` undocumented items to the ABI export; documentation
// is checked on the native build (clippy).
#![cfg_attr(
    any(target_arch = "wasm32", feature = "export-abi"),
    allow(missing_docs)
)]
extern crate alloc;

use alloc::{string::String, vec::Vec};
use alloy_primitives::{Address, U256};
use alloy_sol_types::SolCall;
use ds_common::{
    ids::{round_status, service},
    payment, queries, DSError,
};
use ds_subscription_state::{
    entry_key, terms, Refunded, Revert, Subscribed, SubscriptionState, TokensClaimed,
};
use stylus_sdk::{prelude::*, ArbResult};

alloy_sol_types::sol! {
    /// The token's issuance, encoded by hand (the app holds ISSUER).
    interface IIssue {
        function issueTokensCustom(address to, uint256 value, uint256 issuance_time, uint256 value_locked, string reason, uint64 release_time) external returns (bool);
    }
}

/// `getRound`: payment token, treasury, price, NAV provider, min and max
/// per investor, soft cap, hard cap, start, end, lock until, issue at
/// close, status, sold, raised (held).
pub type RoundView = (
    Address,
    Address,
    U256,
    Address,
    U256,
    U256,
    U256,
    U256,
    u64,
    u64,
    u64,
    bool,
    u8,
    U256,
    U256,
);

/// The subscription app's entry program.
#[storage]
#[entrypoint]
pub struct Subscription {
    /// The app's storage (shared with the admin facet).
    state: SubscriptionState,
}

#[public]
impl Subscription {
    /// Binds the app to the Trust service that holds the roles.
    #[constructor]
    pub fn constructor(&mut self, trust: Address) -> Result<(), DSError> {
        self.state.services.init_trust(trust)
    }

    /// Registers the address of DS service `serviceId` (master, per Trust);
    /// also the admin facet (`ds_common::ids::service::SUBSCRIPTION_ADMIN_FACET`).
    #[selector(name = "setDSService")]
    pub fn set_ds_service(&mut self, service_id: U256, service: Address) -> Result<bool, DSError> {
        self.state.services.set_by_master(service_id, service)
    }

    /// The address registered for DS service `serviceId` (zero when none).
    #[selector(name = "getDSService")]
    pub fn get_ds_service(&self, service_id: U256) -> Address {
        self.state.services.get(service_id)
    }

    /// Subscribes `amount` token units of round `roundId` for the sender
    /// (an investor wallet) and returns the cost it paid (rounded up):
    /// to the treasury with the tokens issued at once, or held by the app
    /// for an at-close round. The sender approves the app on the payment
    /// token first.
    ///
    /// # Errors
    /// `UnknownRound`, `RoundNotOpen`, `NotAnInvestor`,
    /// `IssuanceRejected(code, reason)`, `ZeroAmount`, `HardCapExceeded`,
    /// `SubscriptionOutOfBounds`, the payment's (`PaymentFailed`,
    /// `PaymentShortfall`, the token's own) and the issuance's.
    ///
    /// # Events
    /// `Subscribed` (and the token's `Issue`/`Transfer` when issued at once).
    pub fn subscribe(&mut self, round_id: U256, amount: U256) -> Result<U256, Revert> {
        let wallet = self.vm().msg_sender();
        let now = self.vm().block_timestamp();
        let state = &self.state;
        let terms = state.open_round(round_id, now)?;
        let key = state.investor_of(wallet)?;
        state.pre_issuance_check(wallet, amount)?;
        let round = state.rounds.getter(round_id);
        let total_key = entry_key(round_id, key.as_slice());
        let (sold, total) = terms.admit(
            round.sold.get(),
            state.investor_totals.get(total_key),
            amount,
        )?;
        let (nav, price, unit) = (round.nav.get(), round.price.get(), round.unit.get());
        let (payment_token, treasury, lock_until) = (
            round.payment_token.get(),
            round.treasury.get(),
            round.lock_until.get().to::<u64>(),
        );
        let price = if nav.is_zero() {
            price
        } else {
            queries::nav_rate(state.vm(), nav)?
        };
        let cost = terms::cost(amount, price, unit)?;
        self.state.rounds.setter(round_id).sold.set(sold);
        self.state.investor_totals.insert(total_key, total);
        self.vm().log(Subscribed {
            roundId: round_id,
            wallet,
            investorKey: key,
            amount,
            cost,
        });
        if terms.issue_at_close {
            let mut round = self.state.rounds.setter(round_id);
            let raised = round.raised.get() + cost;
            round.raised.set(raised);
            let mut purchase = self
                .state
                .purchases
                .setter(entry_key(round_id, wallet.as_slice()));
            let tokens = purchase.tokens.get() + amount;
            let paid = purchase.paid.get() + cost;
            purchase.tokens.set(tokens);
            purchase.paid.set(paid);
            let app = self.vm().contract_address();
            payment::pay_as(self, payment_token, wallet, app, cost)?;
        } else {
            payment::pay_as(self, payment_token, wallet, treasury, cost)?;
            self.issue(wallet, amount, lock_until)?;
        }
        Ok(cost)
    }

    /// Issues to the sender the tokens it subscribed in succeeded at-close
    /// round `roundId` (locked as the round says), under the token's
    /// issuance check at this time.
    ///
    /// # Errors
    /// `UnknownRound`, `RoundNotSettled`, `NothingOwed`, the issuance's.
    ///
    /// # Events
    /// `TokensClaimed` (and the token's).
    pub fn claim(&mut self, round_id: U256) -> Result<U256, Revert> {
        let wallet = self.vm().msg_sender();
        let (tokens, _) = self
            .state
            .take_purchase(round_id, wallet, &[round_status::SUCCEEDED])?;
        let lock_until = self
            .state
            .rounds
            .getter(round_id)
            .lock_until
            .get()
            .to::<u64>();
        self.vm().log(TokensClaimed {
            roundId: round_id,
            wallet,
            amount: tokens,
        });
        self.issue(wallet, tokens, lock_until)?;
        Ok(tokens)
    }

    /// Pays back to the sender what it paid in failed or cancelled
    /// at-close round `roundId`.
    ///
    /// # Errors
    /// `UnknownRound`, `RoundNotSettled`, `NothingOwed`, the payment's.
    ///
    /// # Events
    /// `Refunded`.
    pub fn refund(&mut self, round_id: U256) -> Result<U256, Revert> {
        let wallet = self.vm().msg_sender();
        let (_, paid) = self.state.take_purchase(
            round_id,
            wallet,
            &[round_status::FAILED, round_status::CANCELLED],
        )?;
        let mut round = self.state.rounds.setter(round_id);
        let held = round.raised.get() - paid;
        round.raised.set(held);
        let payment_token = round.payment_token.get();
        self.vm().log(Refunded {
            roundId: round_id,
            wallet,
            amount: paid,
        });
        let app = self.vm().contract_address();
        payment::pay_as(self, payment_token, app, wallet, paid)?;
        Ok(paid)
    }

    /// Round `roundId` ([`RoundView`]).
    ///
    /// # Errors
    /// `UnknownRound`.
    pub fn get_round(&self, round_id: U256) -> Result<RoundView, DSError> {
        let terms = self.state.round_terms(round_id)?;
        let round = self.state.rounds.getter(round_id);
        Ok((
            round.payment_token.get(),
            round.treasury.get(),
            terms.price,
            terms.nav,
            terms.min_per_investor,
            terms.max_per_investor,
            terms.soft_cap,
            terms.hard_cap,
            terms.start,
            terms.end,
            round.lock_until.get().to::<u64>(),
            terms.issue_at_close,
            round.status.get().to::<u8>(),
            round.sold.get(),
            round.raised.get(),
        ))
    }

    /// The number of rounds opened (ids 1 to it).
    pub fn round_count(&self) -> U256 {
        self.state.round_count.get()
    }

    /// What `wallet` may claim or get back in round `roundId`: (tokens,
    /// payment units).
    pub fn purchase_of(&self, round_id: U256, wallet: Address) -> (U256, U256) {
        let purchase = self
            .state
            .purchases
            .getter(entry_key(round_id, wallet.as_slice()));
        (purchase.tokens.get(), purchase.paid.get())
    }

    /// Investor `investorKey`'s total subscribed in round `roundId`.
    pub fn investor_total(&self, round_id: U256, investor_key: alloy_primitives::B256) -> U256 {
        self.state
            .investor_totals
            .get(entry_key(round_id, investor_key.as_slice()))
    }

    /// Everything else (the issuer's functions) runs in the admin facet,
    /// in one delegatecall on this contract's storage; it refuses a
    /// selector it does not serve with `UnknownSelector`.
    #[fallback]
    pub fn fallback(&mut self, calldata: &[u8]) -> ArbResult {
        self.state.delegate_to_admin(calldata)
    }
}

impl Subscription {
    /// Issues `amount` to `wallet` now, the whole of it locked until
    /// `lock_until` when that is in the future.
    fn issue(&mut self, wallet: Address, amount: U256, lock_until: u64) -> Result<(), Revert> {
        let token = self.state.services.require(service::DS_TOKEN)?;
        let now = self.vm().block_timestamp();
        let locked = lock_until > now;
        let data = IIssue::issueTokensCustomCall {
            to: wallet,
            value: amount,
            issuance_time: U256::from(now),
            value_locked: if locked { amount } else { U256::ZERO },
            reason: String::from("subscription"),
            release_time: if locked { lock_until } else { 0 },
        }
        .abi_encode();
        queries::order(self, service::DS_TOKEN, token, &data)?;
        Ok(())
    }
}
