//! DS token: the compliant ERC-20 security token.
//!
//! A transfer reads three of the token's slots (hot word, two account words)
//! and makes one Compliance call, which checks and records it and asks the
//! Registry once: two cross-contract calls in all. Beyond DS: a correctly
//! enforced allowance (audit C-1), ERC-1404, ERC-7943 and ERC-165.
//!
//! This contract holds the ERC-20 surface, the transfer path and the
//! checks; issuance and burn run in the admin facet (`ds-token-admin`),
//! seize, forced transfer, freeze, pause and snapshots in the control facet
//! (`ds-token-control`), by one delegatecall from the fallback on the same
//! storage ([`ds_token_state::TokenState`]).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
// The SDK's `#[entrypoint]` adds an undocumented `user_entrypoint` to the
// Wasm build, `#[public]` undocumented items to the ABI export; documentation
// is checked on the native build (clippy).
#![cfg_attr(
    any(target_arch = "wasm32", feature = "export-abi"),
    allow(missing_docs)
)]
extern crate alloc;

pub mod standards;

use alloc::string::String;
use alloy_primitives::{Address, FixedBytes, U256};
use ds_common::{
    codes,
    errors::{
        ERC20InsufficientAllowance, ERC20InvalidSpender, ERC7943InsufficientUnfrozenBalance,
        IndexOutOfRange, TransferRejected,
    },
    ids::{service, wallet_type},
    interfaces::{IComplianceService, IRegistryService},
    party::{investor_key, PartyInfo},
    DSError,
};
use ds_token_state::{
    compliance_in,
    events::{Approval, Transfer},
    passed_on, reason_of, require_receiver, within_balance,
    words::Hot,
    Revert, TokenState,
};
use stylus_sdk::{prelude::*, ArbResult};

/// The DS token contract.
#[storage]
#[entrypoint]
pub struct DSToken {
    /// All state, shared with the admin facet.
    state: TokenState,
}

#[public]
impl DSToken {
    /// Binds the token to Trust and sets its ERC-20 metadata.
    #[constructor]
    pub fn constructor(
        &mut self,
        trust: Address,
        name: String,
        symbol: String,
        decimals: u8,
    ) -> Result<(), DSError> {
        ds_common::text::check_length(&name, ds_common::text::MAX_TEXT)?;
        ds_common::text::check_length(&symbol, ds_common::text::MAX_TEXT)?;
        self.state.services.init_trust(trust)?;
        self.state.name.set_str(&name);
        self.state.symbol.set_str(&symbol);
        self.state
            .decimals
            .set(alloy_primitives::aliases::U8::from(decimals));
        Ok(())
    }

    /// Registers the address of DS service `serviceId` (master, per Trust).
    /// Compliance is also copied into the hot word the transfer path reads.
    #[selector(name = "setDSService")]
    pub fn set_ds_service(&mut self, service_id: U256, service: Address) -> Result<bool, DSError> {
        self.state.services.set_by_master(service_id, service)?;
        if service_id == U256::from(service::COMPLIANCE) {
            let hot = Hot {
                compliance: service,
                ..self.state.ledger.hot()
            };
            self.state.ledger.set_hot(&hot);
        }
        Ok(true)
    }

    /// The address registered for DS service `serviceId` (zero when none).
    #[selector(name = "getDSService")]
    pub fn get_ds_service(&self, service_id: U256) -> Address {
        self.state.services.get(service_id)
    }

    // ----- ERC-20 ---------------------------------------------------------

    /// ERC-20 name.
    pub fn name(&self) -> String {
        self.state.name.get_string()
    }

    /// ERC-20 symbol.
    pub fn symbol(&self) -> String {
        self.state.symbol.get_string()
    }

    /// ERC-20 decimals.
    pub fn decimals(&self) -> u8 {
        self.state.decimals.get().to()
    }

    /// Tokens in existence.
    pub fn total_supply(&self) -> U256 {
        U256::from(self.state.ledger.supply().total)
    }

    /// Balance of `account`.
    pub fn balance_of(&self, account: Address) -> U256 {
        U256::from(self.state.ledger.account(account).balance)
    }

    /// What `spender` may still move from `owner`.
    pub fn allowance(&self, owner: Address, spender: Address) -> U256 {
        self.state.allowances.getter(owner).get(spender)
    }

    /// Allows `spender` to move `value` of the caller's tokens.
    pub fn approve(&mut self, spender: Address, value: U256) -> Result<bool, DSError> {
        self.set_allowance(spender, |_| value)
    }

    /// DS (pre-ERC-20-standard) form: raises `spender`'s allowance by
    /// `addedValue`, saturating at the unlimited `type(uint256).max`.
    /// Emits `Approval` with the new allowance.
    #[selector(name = "increaseApproval")]
    pub fn increase_approval(
        &mut self,
        spender: Address,
        added_value: U256,
    ) -> Result<bool, DSError> {
        self.set_allowance(spender, |old| old.saturating_add(added_value))
    }

    /// DS form: lowers `spender`'s allowance by `subtractedValue`, to 0 when
    /// that is more than it is (as DS). Emits `Approval` with the new
    /// allowance.
    #[selector(name = "decreaseApproval")]
    pub fn decrease_approval(
        &mut self,
        spender: Address,
        subtracted_value: U256,
    ) -> Result<bool, DSError> {
        self.set_allowance(spender, |old| old.saturating_sub(subtracted_value))
    }

    /// Moves `value` of the caller's tokens to `to`, if Compliance allows it.
    pub fn transfer(&mut self, to: Address, value: U256) -> Result<bool, Revert> {
        let from = self.vm().msg_sender();
        self.compliant_transfer(from, from, to, value)?;
        Ok(true)
    }

    /// Moves `value` of `from`'s tokens to `to` within the caller's
    /// allowance (audit C-1; an allowance of `type(uint256).max` is never
    /// spent), if Compliance allows it. A spender without any allowance
    /// from `from` is refused even for a zero value, so nobody can make the
    /// token log `Transfer(from, …)` for a wallet it was not trusted by
    /// (address poisoning, review F-06).
    pub fn transfer_from(
        &mut self,
        from: Address,
        to: Address,
        value: U256,
    ) -> Result<bool, Revert> {
        let spender = self.vm().msg_sender();
        let allowed = self.state.allowances.getter(from).get(spender);
        if allowed < value || (allowed.is_zero() && spender != from) {
            return Err(
                DSError::ERC20InsufficientAllowance(ERC20InsufficientAllowance {
                    spender,
                    allowance: allowed,
                    needed: value,
                })
                .into(),
            );
        }
        self.compliant_transfer(spender, from, to, value)?;
        if allowed != U256::MAX && !value.is_zero() {
            self.state
                .allowances
                .setter(from)
                .insert(spender, allowed - value);
        }
        Ok(true)
    }

    // ----- DS views kept here (no other service asked) -----------------------

    /// Whether transfers are paused.
    pub fn is_paused(&self) -> bool {
        self.state.ledger.hot().paused
    }

    /// Tokens ever issued.
    pub fn total_issued(&self) -> U256 {
        U256::from(self.state.ledger.supply().issued)
    }

    /// Number of wallets holding tokens.
    pub fn wallet_count(&self) -> U256 {
        U256::from(self.state.ledger.hot().holders)
    }

    /// The holder at 1-based `index` (DS numbering).
    pub fn get_wallet_at(&self, index: U256) -> Result<Address, DSError> {
        let count = self.wallet_count();
        if index.is_zero() || index > count {
            return Err(DSError::IndexOutOfRange(IndexOutOfRange { index, count }));
        }
        Ok(self.state.ledger.holder_at(index))
    }

    /// Id of the latest balance snapshot (0: none taken).
    #[selector(name = "currentSnapshotId")]
    pub fn current_snapshot_id(&self) -> U256 {
        U256::from(self.state.ledger.hot().snapshot)
    }

    /// `wallet`'s balance when snapshot `snapshotId` was taken.
    #[selector(name = "balanceOfAt")]
    pub fn balance_of_at(&self, wallet: Address, snapshot_id: U256) -> Result<U256, DSError> {
        let id = self.state.snapshot(snapshot_id)?;
        Ok(U256::from(self.state.ledger.balance_at(wallet, id)))
    }

    /// The total supply when snapshot `snapshotId` was taken.
    #[selector(name = "totalSupplyAt")]
    pub fn total_supply_at(&self, snapshot_id: U256) -> Result<U256, DSError> {
        let id = self.state.snapshot(snapshot_id)?;
        Ok(U256::from(self.state.ledger.supply_at(id)))
    }

    /// ERC-7943: the frozen amount of `account` (may exceed its balance).
    pub fn get_frozen_tokens(&self, account: Address) -> U256 {
        let ledger = &self.state.ledger;
        ledger.frozen_of(account, &ledger.account(account))
    }

    /// ERC-1404: the message of a restriction code.
    pub fn message_for_transfer_restriction(&self, restriction_code: u8) -> String {
        String::from(codes::reason(restriction_code))
    }

    /// ERC-165: ERC-165, ERC-20, ERC-1404 and ERC-7943.
    pub fn supports_interface(&self, interface_id: FixedBytes<4>) -> bool {
        standards::SUPPORTED.contains(&u32::from_be_bytes(interface_id.0))
    }

    // ----- checks and views asking other services ----------------------------

    /// DS reason code and string of a transfer of `value` from `from` to `to` now.
    pub fn pre_transfer_check(
        &self,
        from: Address,
        to: Address,
        value: U256,
    ) -> Result<(U256, String), Revert> {
        Ok(reason_of(U256::from(self.check(from, to, value)?)))
    }

    /// ERC-1404: the restriction code of a transfer (0 = none).
    pub fn detect_transfer_restriction(
        &self,
        from: Address,
        to: Address,
        value: U256,
    ) -> Result<u8, Revert> {
        self.check(from, to, value)
    }

    /// ERC-7943: whether a transfer of `amount` from `from` to `to` would pass now.
    pub fn can_transfer(&self, from: Address, to: Address, amount: U256) -> Result<bool, Revert> {
        Ok(self.check(from, to, amount)? == codes::VALID)
    }

    /// ERC-7943: whether `account` may send (a registered wallet, not blacklisted).
    pub fn can_send(&self, account: Address) -> Result<bool, Revert> {
        self.may_transact(account, false)
    }

    /// ERC-7943: whether `account` may receive: an investor or platform
    /// wallet, not blacklisted (the transfer rules refuse every other
    /// receiver, issuer and exchange wallets included: review F-14).
    pub fn can_receive(&self, account: Address) -> Result<bool, Revert> {
        self.may_transact(account, true)
    }

    /// ERC-7943 (earlier draft): whether `account` may send and receive.
    pub fn can_transact(&self, account: Address) -> Result<bool, Revert> {
        self.may_transact(account, true)
    }

    /// Balance of investor `id` across all its wallets.
    pub fn balance_of_investor(&self, id: String) -> Result<U256, Revert> {
        let compliance = self.state.compliance()?;
        IComplianceService::new(compliance)
            .get_investor_balance(self.vm(), Call::new(), investor_key(&id))
            .map_err(|e| passed_on(e, service::COMPLIANCE, compliance))
    }

    /// The DS constant getters are answered here (`ds_common::constants`);
    /// every other selector runs in the facet the route table names (by
    /// default the admin facet, `token-admin.sol`; enforcement, freeze,
    /// pause and snapshots in the control facet, `token-control.sol`) by
    /// delegatecall.
    #[fallback]
    pub fn fallback(&mut self, calldata: &[u8]) -> ArbResult {
        let selector = ds_common::constants::selector_of(calldata);
        match ds_common::constants::answer(
            selector,
            ds_common::constants::CONSUMER,
            self.vm().contract_address(),
        ) {
            Some(word) => Ok(word),
            None => self.state.route(calldata),
        }
    }
}

impl DSToken {
    /// Sets the caller's allowance for `spender` to `next(current)` and
    /// emits `Approval`; the zero spender is refused (ERC-6093).
    fn set_allowance(
        &mut self,
        spender: Address,
        next: impl FnOnce(U256) -> U256,
    ) -> Result<bool, DSError> {
        if spender.is_zero() {
            return Err(DSError::ERC20InvalidSpender(ERC20InvalidSpender {
                spender,
            }));
        }
        let owner = self.vm().msg_sender();
        let value = next(self.state.allowances.getter(owner).get(spender));
        self.state.allowances.setter(owner).insert(spender, value);
        self.vm().log(Approval {
            owner,
            spender,
            value,
        });
        Ok(true)
    }

    /// Whether `account` is a registered, non-blacklisted wallet; when
    /// `receiving`, one the transfer rules accept as a receiver.
    fn may_transact(&self, account: Address, receiving: bool) -> Result<bool, Revert> {
        let registry = self.state.services.require(service::REGISTRY)?;
        let (_, info) = IRegistryService::new(registry)
            .get_party(self.vm(), Call::new(), account)
            .map_err(|e| passed_on(e, service::REGISTRY, registry))?;
        let info = PartyInfo::unpack(info);
        let accepted = if receiving {
            info.is_investor || info.is_platform()
        } else {
            info.is_investor || info.wallet_type != wallet_type::NONE
        };
        if !accepted {
            return Ok(false);
        }
        let compliance = self.state.compliance()?;
        let listed = IComplianceService::new(compliance)
            .is_blacklisted_wallet(self.vm(), Call::new(), account)
            .map_err(|e| passed_on(e, service::COMPLIANCE, compliance))?;
        Ok(!listed)
    }

    /// DS reason code of a transfer now, with this token's balance, pause
    /// flag and frozen amounts (frozen tokens answer 16, "Tokens locked").
    fn check(&self, from: Address, to: Address, value: U256) -> Result<u8, Revert> {
        let ledger = &self.state.ledger;
        let hot = ledger.hot();
        let compliance = compliance_in(&hot)?;
        let account = ledger.account(from);
        let code = IComplianceService::new(compliance)
            .check_transfer(
                self.vm(),
                Call::new(),
                from,
                to,
                value,
                U256::from(account.balance),
                hot.paused,
            )
            .map_err(|e| passed_on(e, service::COMPLIANCE, compliance))?;
        let code = u8::try_from(code).unwrap_or(u8::MAX);
        Ok(codes::with_frozen(
            code,
            value,
            ledger.unfrozen(from, &account),
        ))
    }

    /// The transfer path: frozen amount, one Compliance call (which also
    /// refuses a blacklisted `spender`), the move.
    fn compliant_transfer(
        &mut self,
        spender: Address,
        from: Address,
        to: Address,
        value: U256,
    ) -> Result<(), Revert> {
        require_receiver(to)?;
        let hot = self.state.ledger.hot();
        let account = self.state.ledger.account(from);
        if account.frozen {
            let unfrozen = self.state.ledger.unfrozen(from, &account);
            if value > unfrozen {
                return Err(DSError::ERC7943InsufficientUnfrozenBalance(
                    ERC7943InsufficientUnfrozenBalance {
                        account: from,
                        amount: value,
                        unfrozen,
                    },
                )
                .into());
            }
        }
        let compliance = compliance_in(&hot)?;
        let call = Call::new_mutating(self);
        let code = IComplianceService::new(compliance)
            .validate_transfer(
                self.vm(),
                call,
                spender,
                from,
                to,
                value,
                U256::from(account.balance),
                hot.paused,
            )
            .map_err(|e| passed_on(e, service::COMPLIANCE, compliance))?;
        if !code.is_zero() {
            let (code, reason) = reason_of(code);
            return Err(DSError::TransferRejected(TransferRejected { code, reason }).into());
        }
        let moved = within_balance(from, account.balance, value)?;
        self.state
            .ledger
            .move_tokens(hot, from, account, to, moved)?;
        self.vm().log(Transfer { from, to, value });
        Ok(())
    }
}

#[cfg(test)]
mod tests;
