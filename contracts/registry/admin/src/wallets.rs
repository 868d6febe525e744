//! Investor wallets: adding, removing and resolving wallets to investors.

use alloc::string::String;
use alloy_primitives::{Address, B256};
use ds_common::{
    errors::{WalletInUse, WalletNotOfInvestor},
    DSError,
};
use stylus_sdk::prelude::*;

use crate::{
    events::{DSRegistryServiceWalletAdded, DSRegistryServiceWalletRemoved},
    input,
    layout::WalletEntry,
    RegistryAdmin,
};

impl RegistryAdmin {
    /// Implements [`RegistryAdmin::add_wallet`].
    pub(crate) fn do_add_wallet(&mut self, wallet: Address, id: String) -> Result<bool, DSError> {
        let (sender, key, mut record) = self.state.changeable(&id)?;
        input::wallet(wallet)?;
        let entry = self.state.wallet_entry(wallet);
        if entry != WalletEntry::Unknown {
            return Err(DSError::WalletInUse(WalletInUse {
                wallet,
                walletType: entry.wallet_type(),
            }));
        }
        self.check_empty(wallet, true)?;
        self.state.wallets.setter(wallet).set(key);
        record.wallet_count += 1;
        self.state.store_record(key, &record);
        self.vm().log(DSRegistryServiceWalletAdded {
            wallet,
            investorId: id,
            sender,
        });
        Ok(true)
    }

    /// Implements [`RegistryAdmin::remove_wallet`].
    pub(crate) fn do_remove_wallet(
        &mut self,
        wallet: Address,
        id: String,
    ) -> Result<bool, DSError> {
        let (sender, key, mut record) = self.state.changeable(&id)?;
        if self.state.wallet_entry(wallet) != WalletEntry::Investor(key) {
            return Err(DSError::WalletNotOfInvestor(WalletNotOfInvestor {
                wallet,
                investorKey: key,
            }));
        }
        self.check_empty(wallet, false)?;
        self.state.wallets.setter(wallet).set(B256::ZERO);
        // The wallet is the investor's, so the count is at least 1.
        record.wallet_count = record.wallet_count.saturating_sub(1);
        self.state.store_record(key, &record);
        self.vm().log(DSRegistryServiceWalletRemoved {
            wallet,
            investorId: id,
            sender,
        });
        Ok(true)
    }
}
