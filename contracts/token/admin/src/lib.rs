//! Admin facet of the DS token: issuance and burn (what changes the supply),
//! and the token router's table (`setFacetSelectors`, `facetOf`).
//!
//! The token runs this facet by delegatecall from its fallback (one hop;
//! every selector without a route comes here), so it works on the token's
//! storage: the facet embeds `TokenState` as its only field. Called at its
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

use alloc::{string::String, vec::Vec};
use alloy_primitives::{Address, FixedBytes, U256, U64};
use alloy_sol_types::SolCall;
use ds_common::{
    consumer::FacetSelectorsSet,
    errors::{AmountTooLarge, IssuanceRejected, SelectorNotRoutable},
    ids::{role, service},
    interfaces::IComplianceService,
    router::route_target,
    DSError,
};
use ds_token_state::{
    events::{Burn, Issue, Transfer},
    ledger::amount,
    passed_on, reason_of, require_receiver, within_balance, ITokenRouter, Revert, TokenState,
    FACETS,
};
use stylus_sdk::{prelude::*, ArbResult};

/// The DS token admin facet (storage = the token's).
#[storage]
pub struct DSTokenAdmin {
    /// The token's storage, at the same slots.
    state: TokenState,
}

ds_common::facet_entrypoint!(DSTokenAdmin, ds_common::ids::service::TOKEN_ADMIN_FACET);

#[public]
impl DSTokenAdmin {
    // ----- issuance (issuer or master) --------------------------------------

    /// Issues `value` tokens to `to` now.
    pub fn issue_tokens(&mut self, to: Address, value: U256) -> Result<bool, Revert> {
        self.state.authorize(role::ISSUER_OR_ABOVE)?;
        self.issue(to, value, U256::ZERO, Vec::new(), String::new(), Vec::new())
    }

    /// Issues `value` tokens to `to` at `issuanceTime` (0 = now) with one
    /// manual lock of `valueLocked` until `releaseTime` (no lock when
    /// `valueLocked` is 0; release 0 = until removed).
    pub fn issue_tokens_custom(
        &mut self,
        to: Address,
        value: U256,
        issuance_time: U256,
        value_locked: U256,
        reason: String,
        release_time: u64,
    ) -> Result<bool, Revert> {
        self.state.authorize(role::ISSUER_OR_ABOVE)?;
        let (locks, times) = if value_locked.is_zero() {
            (Vec::new(), Vec::new())
        } else {
            (alloc::vec![value_locked], alloc::vec![release_time])
        };
        self.issue(to, value, issuance_time, locks, reason, times)
    }

    /// Issues `value` tokens to `to` at `issuanceTime` (0 = now) with manual
    /// locks `valuesLocked[i]` until `releaseTimes[i]` (0 = until removed).
    pub fn issue_tokens_with_multiple_locks(
        &mut self,
        to: Address,
        value: U256,
        issuance_time: U256,
        values_locked: Vec<U256>,
        reason: String,
        release_times: Vec<u64>,
    ) -> Result<bool, Revert> {
        self.state.authorize(role::ISSUER_OR_ABOVE)?;
        DSError::check_lengths(values_locked.len(), release_times.len())?;
        self.issue(
            to,
            value,
            issuance_time,
            values_locked,
            reason,
            release_times,
        )
    }

    /// Issues `values[i]` to `to[i]` at `issuanceTime` (0 = now); all or
    /// nothing, at most 30.
    pub fn bulk_issuance(
        &mut self,
        to: Vec<Address>,
        values: Vec<U256>,
        issuance_time: U256,
    ) -> Result<bool, Revert> {
        self.state.authorize(role::ISSUER_OR_ABOVE)?;
        DSError::check_batch(to.len())?;
        DSError::check_lengths(to.len(), values.len())?;
        for (to, value) in to.into_iter().zip(values) {
            self.issue(
                to,
                value,
                issuance_time,
                Vec::new(),
                String::new(),
                Vec::new(),
            )?;
        }
        Ok(true)
    }

    // ----- burn (issuer, transfer agent or master) ---------------------------

    /// Burns `value` of `who`'s tokens for `reason`.
    pub fn burn(&mut self, who: Address, value: U256, reason: String) -> Result<bool, Revert> {
        self.state
            .authorize(role::ISSUER_OR_TRANSFER_AGENT_OR_ABOVE)?;
        self.burn_from(who, value, reason)
    }

    /// Burns `values[i]` of `who[i]`'s tokens; all or nothing, at most 30.
    pub fn bulk_burn(
        &mut self,
        who: Vec<Address>,
        values: Vec<U256>,
        reason: String,
    ) -> Result<bool, Revert> {
        self.state
            .authorize(role::ISSUER_OR_TRANSFER_AGENT_OR_ABOVE)?;
        DSError::check_batch(who.len())?;
        DSError::check_lengths(who.len(), values.len())?;
        for (who, value) in who.into_iter().zip(values) {
            self.burn_from(who, value, reason.clone())?;
        }
        Ok(true)
    }

    // ----- the router's table (master) ------------------------------------

    /// Master only: the token's router sends `selectors` to facet `facetId`
    /// (the admin or control facet id; 0 removes the routes, which sends them
    /// back to this facet), at most 30 at a time.
    ///
    /// # Errors
    /// `UnauthorizedCaller`, `BatchTooLarge`, `UnknownFacet`, and
    /// `SelectorNotRoutable` for the router's own two functions; nothing is
    /// written then.
    ///
    /// # Events
    /// `FacetSelectorsSet`.
    #[selector(name = "setFacetSelectors")]
    pub fn set_facet_selectors(
        &mut self,
        facet_id: U256,
        selectors: Vec<FixedBytes<4>>,
    ) -> Result<bool, DSError> {
        self.state.authorize(&[role::MASTER])?;
        let facet = route_target(&FACETS, facet_id, selectors.len())?;
        let own = [
            ITokenRouter::setFacetSelectorsCall::SELECTOR,
            ITokenRouter::facetOfCall::SELECTOR,
        ];
        if let Some(selector) = selectors.iter().find(|s| own.contains(&s.0)) {
            return Err(DSError::SelectorNotRoutable(SelectorNotRoutable {
                selector: *selector,
            }));
        }
        for selector in &selectors {
            self.state.routes.insert(*selector, U64::from(facet));
        }
        self.vm().log(FacetSelectorsSet {
            facetId: facet_id,
            selectors,
        });
        Ok(true)
    }

    /// The facet id the token's router sends `selector` to (the admin
    /// facet's when it has no route).
    #[selector(name = "facetOf")]
    pub fn facet_of(&self, selector: FixedBytes<4>) -> U256 {
        U256::from(self.state.facet_of(selector))
    }

    /// Any other selector: refused with `UnknownSelector` (the token answers
    /// its own functions and the DS constants before routing here).
    #[fallback]
    pub fn fallback(&mut self, calldata: &[u8]) -> ArbResult {
        Err(DSError::unknown_selector(calldata).into())
    }
}

/// Internal steps (after the role check).
impl DSTokenAdmin {
    /// Supply bound, one Compliance call (check and record), the mint.
    fn issue(
        &mut self,
        to: Address,
        value: U256,
        issuance_time: U256,
        values_locked: Vec<U256>,
        reason: String,
        release_times: Vec<u64>,
    ) -> Result<bool, Revert> {
        require_receiver(to)?;
        let minted = amount(value)?;
        let before = self.state.ledger.supply();
        let after = before
            .after_issuing(minted)
            .ok_or(DSError::AmountTooLarge(AmountTooLarge { amount: value }))?;
        let value_locked = values_locked
            .iter()
            .fold(U256::ZERO, |sum, v| sum.saturating_add(*v));
        let compliance = self.state.compliance()?;
        let call = Call::new_mutating(self);
        let code = IComplianceService::new(compliance)
            .validate_issuance(
                self.vm(),
                call,
                to,
                value,
                issuance_time,
                U256::from(before.total),
                values_locked,
                release_times,
                reason,
            )
            .map_err(|e| passed_on(e, service::COMPLIANCE, compliance))?;
        if !code.is_zero() {
            let (code, reason) = reason_of(code);
            return Err(DSError::IssuanceRejected(IssuanceRejected { code, reason }).into());
        }
        self.state.ledger.mint(to, minted, &after)?;
        self.vm().log(Transfer {
            from: Address::ZERO,
            to,
            value,
        });
        self.vm().log(Issue {
            to,
            value,
            valueLocked: value_locked,
        });
        Ok(true)
    }

    /// Balance bound, one Compliance call (record), the burn.
    fn burn_from(&mut self, who: Address, value: U256, reason: String) -> Result<bool, Revert> {
        let account = self.state.ledger.account(who);
        let burnt = within_balance(who, account.balance, value)?;
        let compliance = self.state.compliance()?;
        let call = Call::new_mutating(self);
        IComplianceService::new(compliance)
            .validate_burn(self.vm(), call, who, value)
            .map_err(|e| passed_on(e, service::COMPLIANCE, compliance))?;
        self.state.ledger.burn(who, account, burnt);
        self.state.ledger.release_frozen_above_balance(who);
        self.vm().log(Transfer {
            from: who,
            to: Address::ZERO,
            value,
        });
        self.vm().log(Burn {
            burner: who,
            value,
            reason,
        });
        Ok(true)
    }
}
