//! The redemption app's admin facet: the issuer's window functions
//! (`openRedemptionWindow`, `closeRedemptionWindow`, `fundRedemptions`,
//! `withdrawRedemptionFunds`, `cancelRedemptionFor`), run by delegatecall from the entry
//! program's fallback on its storage ([`RedemptionState`]); called at its
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

use alloy_primitives::{Address, Uint, U256};
use ds_common::{
    errors::{InsufficientRedemptionFunds, ZeroAmount},
    ids::{redemption_status as status, role, service},
    payment, queries, DSError,
};
use ds_redemption_state::{
    not_open, rules::Terms, RedemptionCancelled, RedemptionFunded, RedemptionFundsWithdrawn,
    RedemptionState, RedemptionWindowClosed, RedemptionWindowOpened, Revert,
};
use stylus_sdk::{prelude::*, ArbResult};

/// The redemption app's admin facet (storage = the app's).
#[storage]
pub struct RedemptionAdmin {
    /// The app's storage, at the same slots.
    state: RedemptionState,
}

ds_common::facet_entrypoint!(
    RedemptionAdmin,
    ds_common::ids::service::REDEMPTION_ADMIN_FACET
);

#[public]
impl RedemptionAdmin {
    /// Opens a redemption window (issuer or master) and returns its id.
    /// `price` is in payment units per whole token; give it or a NAV
    /// provider `nav` (its rate at each settlement), not both.
    ///
    /// # Errors
    /// `UnauthorizedCaller`, `ZeroAddress`, `InvalidRedemptionTerms(term)`,
    /// `ServiceNotSet`.
    ///
    /// # Events
    /// `RedemptionWindowOpened`.
    pub fn open_redemption_window(
        &mut self,
        payment_token: Address,
        price: U256,
        nav: Address,
        start: u64,
        end: u64,
        allow_locked: bool,
    ) -> Result<U256, Revert> {
        self.authorize()?;
        if payment_token.is_zero() {
            return Err(DSError::zero_address().into());
        }
        let terms = Terms {
            price,
            nav,
            start,
            end,
        };
        terms.check(self.vm().block_timestamp())?;
        let token = self.state.services.require(service::DS_TOKEN)?;
        let unit = queries::token_unit(self.vm(), token)?;
        let id = self.state.window_count.get().to::<u64>() + 1;
        self.state.window_count.set(Uint::from(id));
        let mut window = self.state.windows.setter(U256::from(id));
        window.payment_token.set(payment_token);
        window.nav.set(nav);
        window.price.set(price);
        window.unit.set(unit);
        window.start.set(Uint::from(start));
        window.end.set(Uint::from(end));
        window.status.set(Uint::from(status::WINDOW_OPEN));
        window.allow_locked.set(allow_locked);
        self.vm().log(RedemptionWindowOpened {
            windowId: U256::from(id),
            paymentToken: payment_token,
            price,
            nav,
            start,
            end,
            allowLocked: allow_locked,
        });
        Ok(U256::from(id))
    }

    /// Stops window `windowId` taking requests (issuer or master); its
    /// queue still settles and its funds stay.
    ///
    /// # Errors
    /// `UnauthorizedCaller`, `UnknownRedemptionWindow`,
    /// `RedemptionWindowNotOpen` (already closed).
    ///
    /// # Events
    /// `RedemptionWindowClosed`.
    pub fn close_redemption_window(&mut self, window_id: U256) -> Result<bool, Revert> {
        self.authorize()?;
        let (terms, state) = self.state.window(window_id)?;
        if state != status::WINDOW_OPEN {
            return Err(not_open(window_id, state, &terms).into());
        }
        self.state
            .windows
            .setter(window_id)
            .status
            .set(Uint::from(status::WINDOW_CLOSED));
        self.vm().log(RedemptionWindowClosed {
            windowId: window_id,
        });
        Ok(true)
    }

    /// Moves `amount` payment units from the caller (issuer or master,
    /// within the allowance it gave the app) into window `windowId`'s
    /// funds, open or closed.
    ///
    /// # Errors
    /// `UnauthorizedCaller`, `UnknownRedemptionWindow`, `ZeroAmount`, the
    /// payment's (`PaymentFailed`, `PaymentShortfall`, the token's own).
    ///
    /// # Events
    /// `RedemptionFunded`.
    pub fn fund_redemptions(&mut self, window_id: U256, amount: U256) -> Result<bool, Revert> {
        let from = self.authorize()?;
        self.state.window(window_id)?;
        if amount.is_zero() {
            return Err(DSError::ZeroAmount(ZeroAmount {}).into());
        }
        let mut window = self.state.windows.setter(window_id);
        let funded = window.funded.get().saturating_add(amount);
        window.funded.set(funded);
        let token = window.payment_token.get();
        self.vm().log(RedemptionFunded {
            windowId: window_id,
            from,
            amount,
        });
        let app = self.vm().contract_address();
        payment::pay_as(self, token, from, app, amount)?;
        Ok(true)
    }

    /// Pays `amount` of window `windowId`'s funds not yet paid out to `to`
    /// (issuer or master); requests still queued then wait for new funds.
    ///
    /// # Errors
    /// `UnauthorizedCaller`, `UnknownRedemptionWindow`, `ZeroAddress`,
    /// `ZeroAmount`, `InsufficientRedemptionFunds`, the payment's.
    ///
    /// # Events
    /// `RedemptionFundsWithdrawn`.
    pub fn withdraw_redemption_funds(
        &mut self,
        window_id: U256,
        to: Address,
        amount: U256,
    ) -> Result<bool, Revert> {
        self.authorize()?;
        self.state.window(window_id)?;
        if to.is_zero() {
            return Err(DSError::zero_address().into());
        }
        if amount.is_zero() {
            return Err(DSError::ZeroAmount(ZeroAmount {}).into());
        }
        let mut window = self.state.windows.setter(window_id);
        let funded = window.funded.get();
        if amount > funded {
            let short = InsufficientRedemptionFunds {
                windowId: window_id,
                funded,
                amount,
            };
            return Err(DSError::InsufficientRedemptionFunds(short).into());
        }
        window.funded.set(funded - amount);
        let token = window.payment_token.get();
        self.vm().log(RedemptionFundsWithdrawn {
            windowId: window_id,
            to,
            amount,
        });
        let app = self.vm().contract_address();
        payment::pay_as(self, token, app, to, amount)?;
        Ok(true)
    }

    /// Cancels what remains of request `requestId` for its holder (issuer,
    /// transfer agent or master): the way out when the head of a queue
    /// cannot settle (its wallet blacklisted by the payment token, removed
    /// from the Registry, ...) and would hold up the requests behind it.
    ///
    /// # Errors
    /// `UnauthorizedCaller`, `UnknownRedemptionRequest`,
    /// `RedemptionNotPending`.
    ///
    /// # Events
    /// `RedemptionCancelled`.
    pub fn cancel_redemption_for(&mut self, request_id: U256) -> Result<bool, DSError> {
        self.state.services.require_role(
            self.vm().msg_sender(),
            role::ISSUER_OR_TRANSFER_AGENT_OR_ABOVE,
        )?;
        let remaining = self.state.cancel(request_id)?;
        self.vm().log(RedemptionCancelled {
            requestId: request_id,
            remaining,
        });
        Ok(true)
    }

    /// Any other selector: refused with `UnknownSelector` (the entry
    /// program answers its own functions before routing here).
    #[fallback]
    pub fn fallback(&mut self, calldata: &[u8]) -> ArbResult {
        Err(DSError::unknown_selector(calldata).into())
    }
}

impl RedemptionAdmin {
    /// The caller, if it is an issuer or the master (per Trust).
    fn authorize(&self) -> Result<Address, DSError> {
        let caller = self.vm().msg_sender();
        self.state
            .services
            .require_role(caller, role::ISSUER_OR_ABOVE)?;
        Ok(caller)
    }
}
