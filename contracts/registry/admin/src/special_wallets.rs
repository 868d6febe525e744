//! The DS wallet manager: issuer, platform and exchange special wallets.
//!
//! A special wallet is stored in the same wallet word as an investor wallet,
//! so a wallet is never both.

use alloy_primitives::{Address, B256};
use ds_common::{
    errors::{NotSpecialWallet, OwnerNotExchange, WalletInUse},
    ids::{role, wallet_type},
    DSError,
};
use stylus_sdk::prelude::*;

use crate::{
    events::{DSWalletManagerSpecialWalletAdded, DSWalletManagerSpecialWalletRemoved},
    input,
    layout::WalletEntry,
    RegistryAdmin, ISSUER_OR_ABOVE,
};

impl RegistryAdmin {
    /// Implements [`RegistryAdmin::remove_special_wallet`].
    pub(crate) fn do_remove_special_wallet(&mut self, wallet: Address) -> Result<bool, DSError> {
        let (sender, _) = self.state.authorize(ISSUER_OR_ABOVE)?;
        let WalletEntry::Special(kind) = self.state.wallet_entry(wallet) else {
            return Err(DSError::NotSpecialWallet(NotSpecialWallet { wallet }));
        };
        // A special wallet that holds tokens (e.g. seized ones) keeps its
        // type until they are moved out, as an investor wallet does.
        self.check_empty(wallet, false)?;
        self.state.wallets.setter(wallet).set(B256::ZERO);
        if kind == wallet_type::EXCHANGE {
            self.state.exchange_owners.setter(wallet).set(Address::ZERO);
        }
        self.vm().log(DSWalletManagerSpecialWalletRemoved {
            wallet,
            walletType: kind,
            sender,
        });
        Ok(true)
    }

    /// Makes every one of `wallets` a special wallet of type `kind` (with
    /// `owner` for exchange wallets), after checking all of them.
    pub(crate) fn add_special(
        &mut self,
        wallets: &[Address],
        kind: u8,
        owner: Address,
    ) -> Result<bool, DSError> {
        let (sender, _) = self.state.authorize(ISSUER_OR_ABOVE)?;
        DSError::check_batch(wallets.len())?;
        if kind == wallet_type::EXCHANGE {
            input::wallet(owner)?;
            let owner_role = self.state.services.role_of(owner)?;
            if owner_role != role::EXCHANGE {
                return Err(DSError::OwnerNotExchange(OwnerNotExchange {
                    owner,
                    role: owner_role,
                }));
            }
        }
        for (i, &wallet) in wallets.iter().enumerate() {
            input::wallet(wallet)?;
            let entry = self.state.wallet_entry(wallet);
            let in_use = match entry {
                WalletEntry::Unknown if wallets[..i].contains(&wallet) => Some(kind),
                WalletEntry::Unknown => None,
                _ => Some(entry.wallet_type()),
            };
            if let Some(wallet_type) = in_use {
                return Err(DSError::WalletInUse(WalletInUse {
                    wallet,
                    walletType: wallet_type,
                }));
            }
        }
        for &wallet in wallets {
            self.state
                .wallets
                .setter(wallet)
                .set(WalletEntry::Special(kind).encode());
            if kind == wallet_type::EXCHANGE {
                self.state.exchange_owners.setter(wallet).set(owner);
            }
            self.vm().log(DSWalletManagerSpecialWalletAdded {
                wallet,
                walletType: kind,
                sender,
            });
        }
        Ok(true)
    }
}
