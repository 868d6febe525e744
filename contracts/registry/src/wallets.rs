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
    RegistryService,
};

impl RegistryService {
    /// Implements [`RegistryService::add_wallet`].
    pub(crate) fn do_add_wallet(&mut self, wallet: Address, id: String) -> Result<bool, DSError> {
        let (sender, key, mut record) = self.changeable(&id)?;
        input::wallet(wallet)?;
        let entry = self.wallet_entry(wallet);
        if entry != WalletEntry::Unknown {
            return Err(DSError::WalletInUse(WalletInUse {
                wallet,
                walletType: entry.wallet_type(),
            }));
        }
        self.check_empty(wallet, true)?;
        self.wallets.setter(wallet).set(key);
        record.wallet_count += 1;
        self.store_record(key, &record);
        self.vm().log(DSRegistryServiceWalletAdded {
            wallet,
            investorId: id,
            sender,
        });
        Ok(true)
    }

    /// Implements [`RegistryService::remove_wallet`].
    pub(crate) fn do_remove_wallet(
        &mut self,
        wallet: Address,
        id: String,
    ) -> Result<bool, DSError> {
        let (sender, key, mut record) = self.changeable(&id)?;
        if self.wallet_entry(wallet) != WalletEntry::Investor(key) {
            return Err(DSError::WalletNotOfInvestor(WalletNotOfInvestor {
                wallet,
                investorKey: key,
            }));
        }
        self.check_empty(wallet, false)?;
        self.wallets.setter(wallet).set(B256::ZERO);
        // The wallet is the investor's, so the count is at least 1.
        record.wallet_count = record.wallet_count.saturating_sub(1);
        self.store_record(key, &record);
        self.vm().log(DSRegistryServiceWalletRemoved {
            wallet,
            investorId: id,
            sender,
        });
        Ok(true)
    }

    /// The id and packed country of the investor of `wallet` ("", 0 when none).
    pub(crate) fn investor_of(&self, wallet: Address) -> (String, u32) {
        match self.wallet_entry(wallet) {
            WalletEntry::Investor(key) => (
                self.investors.getter(key).id.get_string(),
                self.record(key).country,
            ),
            _ => (String::new(), 0),
        }
    }
}
