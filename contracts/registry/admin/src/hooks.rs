//! The two calls a setter makes to other services: the token (is the wallet
//! empty; reserve its storage) and Compliance (an investor's counted fields
//! changed).

use alloy_primitives::{Address, B256};
use ds_common::{
    errors::WalletHasBalance,
    ids::service,
    interfaces::{IComplianceHooks, IDSTokenBalances},
    DSError,
};
use stylus_sdk::prelude::*;

use crate::{layout::InvestorRecord, RegistryAdmin};

impl RegistryAdmin {
    /// Refuses unless `wallet` holds no tokens (no token service: no tokens).
    /// When `adding` the wallet, the token also reserves its storage (see
    /// the token's `reserveWallet`), in the same call.
    #[inline(never)]
    pub(crate) fn check_empty(&mut self, wallet: Address, adding: bool) -> Result<(), DSError> {
        let Some(token) = self.state.service(service::DS_TOKEN) else {
            return Ok(());
        };
        let client = IDSTokenBalances::new(token);
        let balance = if adding {
            let call = Call::new_mutating(self);
            client.reserve_wallet(self.vm(), call, wallet)
        } else {
            client.balance_of(self.vm(), Call::new(), wallet)
        }
        .map_err(|_| DSError::service_call_failed(service::DS_TOKEN, token))?;
        if !balance.is_zero() {
            return Err(DSError::WalletHasBalance(WalletHasBalance {
                wallet,
                balance,
            }));
        }
        Ok(())
    }

    /// Tells Compliance about a change of investor `key` from `before` to
    /// `after`, only when a counted field changed and Compliance is set.
    #[inline(never)]
    pub(crate) fn notify(
        &mut self,
        key: B256,
        before: &InvestorRecord,
        after: &InvestorRecord,
    ) -> Result<(), DSError> {
        if !before.counters_differ(after) {
            return Ok(());
        }
        let Some(compliance) = self.state.service(service::COMPLIANCE) else {
            return Ok(());
        };
        let now = self.state.now();
        let (old_info, new_info) = (before.party_info(now).pack(), after.party_info(now).pack());
        let call = Call::new_mutating(self);
        IComplianceHooks::new(compliance)
            .on_investor_info_changed(self.vm(), call, key, old_info, new_info)
            .map_err(|_| DSError::service_call_failed(service::COMPLIANCE, compliance))
    }
}
