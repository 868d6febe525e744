//! DS redemption app (issue 18): the issuer buys the security back.
//!
//! - The issuer opens a **window**: a payment ERC-20, a fixed price per
//!   whole token or a NAV provider whose `rate()` at settlement is the
//!   price, a time span for requests, and whether locked tokens may be
//!   redeemed. It funds the window (`fundRedemptions`, from its own
//!   allowance) and may take funds not yet paid out back at any time.
//! - A holder (an investor wallet) **requests** redemption of an amount in
//!   an open window; the request joins the window's queue. The amount must
//!   be redeemable now: the wallet's balance less its frozen tokens and,
//!   unless the window allows it, less what its investor's locks hold
//!   (Compliance's `getTransferableTokens`). The holder keeps its tokens
//!   until settlement and may cancel the rest of its request before.
//! - The issuer or a transfer agent **settles** the queue in order, a
//!   bounded number of requests per call. Each settlement burns the tokens
//!   (the token's `burn`, under its Compliance record) and pays the wallet
//!   in the same transaction, redeemable re-read at that moment: a wallet
//!   holding less than it asked is cut to what it has (the request is
//!   over); funds running out fill the head request in part and stop (it
//!   keeps its place). The payout rounds up (never less than the price of
//!   what is burnt, less than one payment unit more) and never exceeds the
//!   window's funds. A head request that cannot settle (its wallet refused
//!   by the payment token, ...) is cancelled by the issuer or a transfer
//!   agent (`cancelRedemptionFor`), so it cannot hold up the queue.
//! - The app holds ISSUER in Trust (the burns); payments must arrive whole
//!   (tokens that return no value accepted, fee-on-transfer refused);
//!   effects are written before every external call, and a payment token
//!   calling back is refused by Stylus' reentrancy guard.
//!
//! This is the entry program (the holders' side, the settlement and the
//! views); the issuer's window functions (`openRedemptionWindow`,
//! `closeRedemptionWindow`, `fundRedemptions`, `withdrawRedemptionFunds`,
//! `cancelRedemptionFor`)
//! run in the admin facet `ds-redemption-admin`, reached from the fallback
//! in one delegatecall.
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
// The SDK's `#[entrypoint]` adds an undocumented `user_entrypoint` to the
// Wasm build, `#[public]` undocumented items to the ABI export; documentation
// is checked on the native build (clippy).
#![cfg_attr(
    any(target_arch = "wasm32", feature = "export-abi"),
    allow(missing_docs)
)]
extern crate alloc;

use alloc::string::String;
use alloy_primitives::{Address, Uint, U256};
use alloy_sol_types::SolCall;
use ds_common::{
    errors::{NotAnInvestor, NotRedemptionRequester, ZeroAmount},
    ids::{redemption_status as status, role, service},
    payment,
    queries::{self, IQueries},
    DSError,
};
use ds_redemption_state::{
    not_open, queue_key, rules, wallet_key, RedemptionCancelled, RedemptionRequested,
    RedemptionSettled, RedemptionState, Revert,
};
use stylus_sdk::{prelude::*, ArbResult};

alloy_sol_types::sol! {
    /// The token's burn, encoded by hand (the app holds ISSUER).
    interface IBurn {
        function burn(address who, uint256 value, string reason) external returns (bool);
    }
}

/// `getRedemptionWindow`: payment token, price, NAV provider, start, end,
/// allow locked, status, funds held, token units queued, queue head, queue
/// tail.
pub type WindowView = (
    Address,
    U256,
    Address,
    u64,
    u64,
    bool,
    u8,
    U256,
    U256,
    u64,
    u64,
);

/// `getRedemptionRequest`: window, wallet, token units still queued,
/// redeemed so far, paid so far, status.
pub type RequestView = (U256, Address, U256, U256, U256, u8);

/// The redemption app's entry program.
#[storage]
#[entrypoint]
pub struct Redemption {
    /// The app's storage (shared with the admin facet).
    state: RedemptionState,
}

#[public]
impl Redemption {
    /// Binds the app to the Trust service that holds the roles.
    #[constructor]
    pub fn constructor(&mut self, trust: Address) -> Result<(), DSError> {
        self.state.services.init_trust(trust)
    }

    /// Registers the address of DS service `serviceId` (master, per Trust):
    /// the DS token, the Registry and Compliance.
    #[selector(name = "setDSService")]
    pub fn set_ds_service(&mut self, service_id: U256, service: Address) -> Result<bool, DSError> {
        self.state.services.set_by_master(service_id, service)
    }

    /// The address registered for DS service `serviceId` (zero when none).
    #[selector(name = "getDSService")]
    pub fn get_ds_service(&self, service_id: U256) -> Address {
        self.state.services.get(service_id)
    }

    // ----- settlement -------------------------------------------------------

    /// Settles window `windowId`'s queue in order, at most `maxRequests`
    /// (1 to 30) queue entries (issuer, transfer agent or master), and
    /// returns how many it went through. Each request: burn what the wallet
    /// may redeem now (up to the rest of its request) and pay it; it stops
    /// at the first request the funds cannot settle whole (filled in part,
    /// it keeps its place). Cancelled requests are passed over.
    ///
    /// # Errors
    /// `UnauthorizedCaller`, `UnknownRedemptionWindow`, `ZeroAmount`
    /// (`maxRequests` 0), `BatchTooLarge`, the burn's and the payment's.
    ///
    /// # Events
    /// `RedemptionSettled` per request settled, with the token's `Burn` and
    /// `Transfer` and the payment token's `Transfer`.
    pub fn settle_redemptions(
        &mut self,
        window_id: U256,
        max_requests: U256,
    ) -> Result<U256, Revert> {
        self.state.services.require_role(
            self.vm().msg_sender(),
            role::ISSUER_OR_TRANSFER_AGENT_OR_ABOVE,
        )?;
        self.state.window(window_id)?;
        if max_requests.is_zero() {
            return Err(DSError::ZeroAmount(ZeroAmount {}).into());
        }
        let max = usize::try_from(max_requests).unwrap_or(usize::MAX);
        DSError::check_batch(max)?;
        let window = self.state.windows.getter(window_id);
        let (nav, allow_locked, unit, payment_token) = (
            window.nav.get(),
            window.allow_locked.get(),
            window.unit.get(),
            window.payment_token.get(),
        );
        let price = if nav.is_zero() {
            window.price.get()
        } else {
            queries::nav_rate(self.vm(), nav)?
        };
        let id = window_id.to::<u64>();
        let mut visited = 0usize;
        while visited < max {
            let window = self.state.windows.getter(window_id);
            let head = window.head.get().to::<u64>();
            if head >= window.tail.get().to::<u64>() {
                break;
            }
            let request_id = U256::from(self.state.queues.get(queue_key(id, head)));
            let request = self.state.requests.getter(request_id);
            if request.status.get().to::<u8>() != status::PENDING {
                visited += 1;
                self.state
                    .windows
                    .setter(window_id)
                    .head
                    .set(Uint::from(head + 1));
                continue;
            }
            let wallet = request.wallet.get();
            let remaining = request.remaining.get();
            let redeemable = self.redeemable(wallet, allow_locked)?;
            let funded = self.state.windows.getter(window_id).funded.get();
            let fill = rules::fill(remaining, redeemable, funded, price, unit)?;
            if fill.amount.is_zero() && !fill.done {
                break;
            }
            visited += 1;
            self.record_fill(window_id, request_id, wallet, remaining, &fill);
            if !fill.amount.is_zero() {
                self.burn(wallet, fill.amount)?;
            }
            if !fill.payout.is_zero() {
                let app = self.vm().contract_address();
                payment::pay_as(self, payment_token, app, wallet, fill.payout)?;
            }
            if !fill.done {
                break;
            }
        }
        Ok(U256::from(visited))
    }

    // ----- the holder's side ------------------------------------------------

    /// Queues a request of the sender (an investor wallet) to redeem
    /// `amount` token units in open window `windowId`, and returns its id.
    /// The sender's pending total in the window may not pass what it may
    /// redeem now (balance less frozen and, unless the window allows
    /// them, locked tokens). Nothing moves until settlement.
    ///
    /// # Errors
    /// `UnknownRedemptionWindow`, `RedemptionWindowNotOpen`,
    /// `NotAnInvestor`, `ZeroAmount`, `RedemptionExceedsRedeemable`.
    ///
    /// # Events
    /// `RedemptionRequested`.
    pub fn request_redemption(&mut self, window_id: U256, amount: U256) -> Result<U256, Revert> {
        let wallet = self.vm().msg_sender();
        let (terms, state) = self.state.window(window_id)?;
        if state != status::WINDOW_OPEN || !terms.is_open_at(self.vm().block_timestamp()) {
            return Err(not_open(window_id, state, &terms).into());
        }
        let registry = self.state.services.require(service::REGISTRY)?;
        if queries::investor_key(self.vm(), registry, wallet)?.is_zero() {
            return Err(DSError::NotAnInvestor(NotAnInvestor { wallet }).into());
        }
        let window = self.state.windows.getter(window_id);
        let allow_locked = window.allow_locked.get();
        let (queued, tail) = (window.queued.get(), window.tail.get().to::<u64>());
        let id = window_id.to::<u64>();
        let key = wallet_key(id, wallet);
        let redeemable = self.redeemable(wallet, allow_locked)?;
        let pending = rules::admit(wallet, self.state.pending.get(key), amount, redeemable)?;
        let request_id = self.state.request_count.get().to::<u64>() + 1;
        self.state.request_count.set(Uint::from(request_id));
        let mut request = self.state.requests.setter(U256::from(request_id));
        request.wallet.set(wallet);
        request.window.set(Uint::from(id));
        request.status.set(Uint::from(status::PENDING));
        request.remaining.set(amount);
        self.state
            .queues
            .setter(queue_key(id, tail))
            .set(Uint::from(request_id));
        self.state.pending.insert(key, pending);
        let mut window = self.state.windows.setter(window_id);
        window.tail.set(Uint::from(tail + 1));
        window.queued.set(queued + amount);
        self.vm().log(RedemptionRequested {
            requestId: U256::from(request_id),
            windowId: window_id,
            wallet,
            amount,
        });
        Ok(U256::from(request_id))
    }

    /// Withdraws what remains of request `requestId` (its wallet only,
    /// before it is settled); a part already settled stays settled.
    ///
    /// # Errors
    /// `UnknownRedemptionRequest`, `NotRedemptionRequester`,
    /// `RedemptionNotPending`.
    ///
    /// # Events
    /// `RedemptionCancelled`.
    pub fn cancel_redemption(&mut self, request_id: U256) -> Result<bool, DSError> {
        let caller = self.vm().msg_sender();
        let (_, wallet, _, _) = self.state.request(request_id)?;
        if caller != wallet {
            return Err(DSError::NotRedemptionRequester(NotRedemptionRequester {
                requestId: request_id,
                caller,
            }));
        }
        let remaining = self.state.cancel(request_id)?;
        self.vm().log(RedemptionCancelled {
            requestId: request_id,
            remaining,
        });
        Ok(true)
    }

    // ----- views --------------------------------------------------------------

    /// Window `windowId` ([`WindowView`]).
    ///
    /// # Errors
    /// `UnknownRedemptionWindow`.
    pub fn get_redemption_window(&self, window_id: U256) -> Result<WindowView, DSError> {
        let (terms, state) = self.state.window(window_id)?;
        let window = self.state.windows.getter(window_id);
        Ok((
            window.payment_token.get(),
            terms.price,
            terms.nav,
            terms.start,
            terms.end,
            window.allow_locked.get(),
            state,
            window.funded.get(),
            window.queued.get(),
            window.head.get().to::<u64>(),
            window.tail.get().to::<u64>(),
        ))
    }

    /// Request `requestId` ([`RequestView`]).
    ///
    /// # Errors
    /// `UnknownRedemptionRequest`.
    pub fn get_redemption_request(&self, request_id: U256) -> Result<RequestView, DSError> {
        let (window_id, wallet, remaining, state) = self.state.request(request_id)?;
        let request = self.state.requests.getter(request_id);
        Ok((
            U256::from(window_id),
            wallet,
            remaining,
            request.redeemed.get(),
            request.paid.get(),
            state,
        ))
    }

    /// The number of windows opened (ids 1 to it).
    pub fn redemption_window_count(&self) -> U256 {
        U256::from(self.state.window_count.get())
    }

    /// The number of requests made (ids 1 to it).
    pub fn redemption_request_count(&self) -> U256 {
        U256::from(self.state.request_count.get())
    }

    /// `wallet`'s token units queued in window `windowId`.
    pub fn pending_redemption(&self, window_id: U256, wallet: Address) -> U256 {
        let id = u64::try_from(window_id).unwrap_or(u64::MAX);
        self.state.pending.get(wallet_key(id, wallet))
    }

    /// What `wallet` may redeem in window `windowId` now, its requests
    /// there included (balance less frozen and, unless the window allows
    /// them, locked tokens).
    ///
    /// # Errors
    /// `UnknownRedemptionWindow`, the services' (`ServiceNotSet`, ...).
    pub fn redeemable_of(&self, window_id: U256, wallet: Address) -> Result<U256, Revert> {
        self.state.window(window_id)?;
        let allow_locked = self.state.windows.getter(window_id).allow_locked.get();
        self.redeemable(wallet, allow_locked)
    }

    /// Everything else (the issuer's window functions) runs in the admin
    /// facet, in one delegatecall on this contract's storage; it refuses a
    /// selector it does not serve with `UnknownSelector`.
    #[fallback]
    pub fn fallback(&mut self, calldata: &[u8]) -> ArbResult {
        self.state.delegate_to_admin(calldata)
    }
}

impl Redemption {
    /// What `wallet` may redeem now ([`rules::redeemable`]): its balance
    /// and frozen tokens from the DS token, its investor's transferable
    /// tokens from Compliance (not asked when locked tokens are allowed).
    fn redeemable(&self, wallet: Address, allow_locked: bool) -> Result<U256, Revert> {
        let token = self.state.services.require(service::DS_TOKEN)?;
        let vm = self.vm();
        let balance = queries::ask_number(
            vm,
            service::DS_TOKEN,
            token,
            &IQueries::balanceOfCall { owner: wallet },
        )?;
        let frozen = queries::ask_number(
            vm,
            service::DS_TOKEN,
            token,
            &IQueries::getFrozenTokensCall { account: wallet },
        )?;
        let transferable = if allow_locked {
            U256::ZERO
        } else {
            let compliance = self.state.services.require(service::COMPLIANCE)?;
            let call = IQueries::getTransferableTokensCall {
                who: wallet,
                time: U256::from(vm.block_timestamp()),
            };
            queries::ask_number(vm, service::COMPLIANCE, compliance, &call)?
        };
        Ok(rules::redeemable(
            balance,
            frozen,
            transferable,
            allow_locked,
        ))
    }

    /// Writes `fill` of request `request_id` (of `wallet`, `remaining`
    /// before) and logs it: before the burn and the payment.
    fn record_fill(
        &mut self,
        window_id: U256,
        request_id: U256,
        wallet: Address,
        remaining: U256,
        fill: &rules::Fill,
    ) {
        let left = if fill.done {
            U256::ZERO
        } else {
            remaining - fill.amount
        };
        let mut request = self.state.requests.setter(request_id);
        let (redeemed, paid) = (request.redeemed.get(), request.paid.get());
        request.redeemed.set(redeemed + fill.amount);
        request.paid.set(paid + fill.payout);
        request.remaining.set(left);
        if fill.done {
            request.status.set(Uint::from(status::SETTLED));
        }
        let mut window = self.state.windows.setter(window_id);
        let (funded, head) = (window.funded.get(), window.head.get().to::<u64>());
        window.funded.set(funded - fill.payout);
        if fill.done {
            window.head.set(Uint::from(head + 1));
        }
        self.state
            .release(window_id.to::<u64>(), wallet, remaining - left);
        self.vm().log(RedemptionSettled {
            requestId: request_id,
            wallet,
            amount: fill.amount,
            payout: fill.payout,
            remaining: left,
        });
    }

    /// Burns `amount` of `wallet`'s DS tokens (the app holds ISSUER).
    fn burn(&mut self, wallet: Address, amount: U256) -> Result<(), Revert> {
        let token = self.state.services.require(service::DS_TOKEN)?;
        let data = IBurn::burnCall {
            who: wallet,
            value: amount,
            reason: String::from("redemption"),
        }
        .abi_encode();
        queries::order(self, service::DS_TOKEN, token, &data)?;
        Ok(())
    }
}
