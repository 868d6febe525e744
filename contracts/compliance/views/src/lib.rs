//! Views facet of the Compliance service: `preTransferCheck`, `canTransfer`,
//! `preIssuanceCheck`, ERC-1404, the counters, balances, blacklist and lock
//! flags. It writes nothing: the records are the entry program's
//! (transfers) and the hooks facet's (issuances, burns, seizures, the
//! Registry's hook).
//!
//! The Compliance router runs this facet by delegatecall, so it reads the
//! Compliance contract's storage: the facet embeds `ComplianceState` as its
//! only field. Called at its own address it refuses every call
//! (`FacetCalledDirectly`).
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
use alloy_primitives::{Address, B256, U256};
use ds_common::{
    codes,
    ids::region,
    party::{country_code, investor_key},
    DSError,
};
use ds_compliance_state::ComplianceState;
use stylus_sdk::prelude::*;

/// The Compliance views facet (storage = Compliance's).
#[storage]
pub struct ComplianceViews {
    /// The Compliance service's storage, at the same slots.
    state: ComplianceState,
}

ds_common::facet_entrypoint!(
    ComplianceViews,
    ds_common::ids::service::COMPLIANCE_VIEWS_FACET
);

#[public]
impl ComplianceViews {
    /// Balance of the investor with key `investorKey` across all its wallets.
    pub fn get_investor_balance(&self, investor_key: B256) -> U256 {
        self.state.investor_word(investor_key).state.balance
    }

    /// DS reason code and string of a transfer of `value` from `from` to `to` now.
    pub fn pre_transfer_check(
        &self,
        from: Address,
        to: Address,
        value: U256,
    ) -> Result<(U256, String), DSError> {
        let code = self.code_now(from, to, value)?;
        Ok((U256::from(code), String::from(codes::reason(code))))
    }

    /// DS reason code of a transfer with the sender's balance and the pause
    /// flag given by the caller (what the token uses, as a reentrant call
    /// back into it is refused).
    pub fn check_transfer(
        &self,
        from: Address,
        to: Address,
        value: U256,
        from_balance: U256,
        paused: bool,
    ) -> Result<U256, DSError> {
        Ok(U256::from(self.code_given(
            from,
            to,
            value,
            from_balance,
            paused,
        )?))
    }

    /// DS's `newPreTransferCheck`: the DS reason code and string of a
    /// transfer with the sender's balance and the pause flag given by the
    /// caller (`checkTransfer` with the reason; frozen amounts are the
    /// token's to add, as its `preTransferCheck` does).
    pub fn new_pre_transfer_check(
        &self,
        from: Address,
        to: Address,
        value: U256,
        balance_from: U256,
        paused_token: bool,
    ) -> Result<(U256, String), DSError> {
        let code = self.code_given(from, to, value, balance_from, paused_token)?;
        Ok((U256::from(code), String::from(codes::reason(code))))
    }

    /// DS's `preInternalTransferCheck`: in DS's regulated service, the same
    /// checks as `preTransferCheck` (its DS reason code and string).
    pub fn pre_internal_transfer_check(
        &self,
        from: Address,
        to: Address,
        value: U256,
    ) -> Result<(U256, String), DSError> {
        self.pre_transfer_check(from, to, value)
    }

    /// DS's `validateIssuanceTime`: the time an issuance asked for at
    /// `issuanceTime` is recorded with: the block time when back-dating is
    /// disallowed (or for 0), else `issuanceTime`; a time in the future is
    /// refused ([`InvalidIssuanceTime`](ds_common::errors::InvalidIssuanceTime)),
    /// as the issuance would be.
    pub fn validate_issuance_time(&self, issuance_time: U256) -> Result<U256, DSError> {
        let config = self.state.config(false);
        Ok(U256::from(
            self.state.issuance_time(&config, issuance_time)?,
        ))
    }

    /// DS's `getComplianceTransferableTokens`: what the investor owning
    /// `who` may transfer at `time` under its manual locks (nothing while
    /// fully locked), less what it was issued within `lockTime` seconds
    /// before `time` (the lock-up period the caller applies to every
    /// issuance record, as DS does). Refused for time 0 ([`ZeroTime`](ds_common::errors::ZeroTime)).
    pub fn get_compliance_transferable_tokens(
        &self,
        who: Address,
        time: U256,
        lock_time: u64,
    ) -> Result<U256, DSError> {
        if time.is_zero() {
            return Err(DSError::ZeroTime(ds_common::errors::ZeroTime {}));
        }
        let (key, _) = self.state.investor_of(who)?;
        Ok(self.state.transferable_under_lock_up(key, time, lock_time))
    }

    /// Whether a transfer of `value` from `from` to `to` would pass now.
    pub fn can_transfer(&self, from: Address, to: Address, value: U256) -> Result<bool, DSError> {
        Ok(self.code_now(from, to, value)? == codes::VALID)
    }

    /// DS reason code and string of an issuance of `value` to `to` now.
    pub fn pre_issuance_check(&self, to: Address, value: U256) -> Result<(U256, String), DSError> {
        let code = self.state.issuance_code(to, value)?;
        Ok((U256::from(code), String::from(codes::reason(code))))
    }

    /// ERC-1404: the restriction code of a transfer (0 = none).
    pub fn detect_transfer_restriction(
        &self,
        from: Address,
        to: Address,
        value: U256,
    ) -> Result<u8, DSError> {
        self.code_now(from, to, value)
    }

    /// ERC-1404: the message of a restriction code.
    pub fn message_for_transfer_restriction(&self, restriction_code: u8) -> String {
        String::from(codes::reason(restriction_code))
    }

    // ----- country statuses (setters and getAll: the configuration facet) --

    /// The compliance status of `country` (0 for unknown countries).
    pub fn get_country_compliance(&self, country: String) -> U256 {
        U256::from(country_code(&country).map_or(region::NONE, |c| self.state.region_of(c)))
    }

    // ----- counters ------------------------------------------------------

    /// Investors holding tokens.
    pub fn get_total_investors_count(&self) -> U256 {
        U256::from(self.state.load_counts().total)
    }

    /// Accredited investors holding tokens.
    pub fn get_accredited_investors_count(&self) -> U256 {
        U256::from(self.state.load_counts().accredited)
    }

    /// US investors holding tokens.
    #[selector(name = "getUSInvestorsCount")]
    pub fn get_us_investors_count(&self) -> U256 {
        U256::from(self.state.load_counts().us)
    }

    /// Accredited US investors holding tokens.
    #[selector(name = "getUSAccreditedInvestorsCount")]
    pub fn get_us_accredited_investors_count(&self) -> U256 {
        U256::from(self.state.load_counts().us_accredited)
    }

    /// Japanese investors holding tokens.
    #[selector(name = "getJPInvestorsCount")]
    pub fn get_jp_investors_count(&self) -> U256 {
        U256::from(self.state.load_counts().jp)
    }

    /// EU retail investors of `country` holding tokens.
    #[selector(name = "getEURetailInvestorsCount")]
    pub fn get_eu_retail_investors_count(&self, country: String) -> U256 {
        U256::from(country_code(&country).map_or(0, |c| {
            ds_compliance_state::layout::decode_eu_retail(self.state.eu_retail.get(c))
        }))
    }

    /// Balance of investor `id` across all its wallets.
    pub fn balance_of_investor(&self, id: String) -> U256 {
        self.state.investor_word(investor_key(&id)).state.balance
    }

    // ----- blacklist, locks: views (setters: the admin facet) --------------

    /// Whether `wallet` is blacklisted.
    pub fn is_blacklisted_wallet(&self, wallet: Address) -> bool {
        self.state.blacklist.get(wallet)
    }

    /// Whether investor `investorId` is fully locked.
    pub fn is_investor_locked(&self, investor_id: String) -> bool {
        self.state
            .investor_word(investor_key(&investor_id))
            .state
            .locked
    }

    /// Whether investor `investorId` may only sell.
    pub fn is_investor_liquidate_only(&self, investor_id: String) -> bool {
        self.state
            .investor_word(investor_key(&investor_id))
            .state
            .liquidate_only
    }
}

impl ComplianceViews {
    /// DS reason code of a transfer now, with the sender's balance, the
    /// pause flag and the frozen amount asked from the token: the token's
    /// own answer (review F-07).
    fn code_now(&self, from: Address, to: Address, value: U256) -> Result<u8, DSError> {
        let (balance, paused, unfrozen) = self.state.token_context(from)?;
        let code = self.code_given(from, to, value, balance, paused)?;
        Ok(codes::with_frozen(code, value, unfrozen))
    }

    /// DS reason code of a transfer with the sender's balance and the pause
    /// flag as given.
    fn code_given(
        &self,
        from: Address,
        to: Address,
        value: U256,
        balance: U256,
        paused: bool,
    ) -> Result<u8, DSError> {
        Ok(self
            .state
            .transfer_snapshot(from, to, value, balance, paused)?
            .code())
    }
}
