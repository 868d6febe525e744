//! Investor lifecycle: registration, the batch update, removal, country.

use alloc::{string::String, vec::Vec};
use alloy_primitives::{Address, B256, U256};
use ds_common::{
    errors::{InvestorAlreadyExists, InvestorHasWallets, InvestorIdRetired, WalletInUse},
    party, DSError,
};
use stylus_sdk::prelude::*;

use crate::{
    events::{
        DSRegistryServiceInvestorAdded, DSRegistryServiceInvestorCountryChanged,
        DSRegistryServiceInvestorRemoved, DSRegistryServiceWalletAdded,
    },
    input,
    layout::{InvestorRecord, WalletEntry, ATTRIBUTE_COUNT},
    RegistryAdmin, EXCHANGE_OR_ABOVE, ISSUER_OR_TRANSFER_AGENT_OR_ABOVE,
};

/// The attribute arrays of `updateInvestor`: ids, values, expirations.
pub type AttributeBatch = (Vec<u8>, Vec<U256>, Vec<U256>);

/// Refuses the id of a removed investor ([`InvestorIdRetired`]): ids are
/// never re-used, so no service's state of the removed investor passes to a
/// new one (review F-12).
fn not_retired(key: B256, record: &InvestorRecord) -> Result<(), DSError> {
    if record.retired {
        return Err(DSError::InvestorIdRetired(InvestorIdRetired {
            investorKey: key,
        }));
    }
    Ok(())
}

impl RegistryAdmin {
    /// Implements [`RegistryAdmin::register_investor`].
    pub(crate) fn do_register_investor(
        &mut self,
        id: String,
        collision_hash: String,
    ) -> Result<bool, DSError> {
        let (sender, _) = self.state.authorize(EXCHANGE_OR_ABOVE)?;
        let key = self.check_new_investor(&id, &collision_hash)?;
        let record = self.register(sender, key, &id, &collision_hash);
        self.state.store_record(key, &record);
        Ok(true)
    }

    /// Implements [`RegistryAdmin::update_investor`].
    pub(crate) fn do_update_investor(
        &mut self,
        id: String,
        collision_hash: String,
        country: String,
        wallets: Vec<Address>,
        (attribute_ids, attribute_values, attribute_expirations): AttributeBatch,
    ) -> Result<bool, DSError> {
        let (sender, _) = self.state.authorize(ISSUER_OR_TRANSFER_AGENT_OR_ABOVE)?;
        DSError::check_lengths(attribute_ids.len(), attribute_values.len())?;
        DSError::check_lengths(attribute_ids.len(), attribute_expirations.len())?;
        DSError::check_batch(wallets.len())?;
        DSError::check_batch(attribute_ids.len())?;
        let key = input::investor_id(&id)?;
        input::text(&collision_hash)?;
        let before = self.state.record(key);
        not_retired(key, &before)?;
        let country = match country.is_empty() {
            true => before.country,
            false => input::country(&country)?,
        };
        let mut added = Vec::new();
        for (i, &wallet) in wallets.iter().enumerate() {
            input::wallet(wallet)?;
            match self.state.wallet_entry(wallet) {
                WalletEntry::Investor(owner) if owner == key => {}
                WalletEntry::Unknown if wallets[..i].contains(&wallet) => {}
                WalletEntry::Unknown => {
                    self.check_empty(wallet, true)?;
                    added.push(wallet);
                }
                entry => {
                    return Err(DSError::WalletInUse(WalletInUse {
                        wallet,
                        walletType: entry.wallet_type(),
                    }))
                }
            }
        }
        let mut attributes = Vec::with_capacity(attribute_ids.len());
        for ((&attribute_id, &value), &expiry) in attribute_ids
            .iter()
            .zip(&attribute_values)
            .zip(&attribute_expirations)
        {
            attributes.push((attribute_id, input::attribute(attribute_id, value, expiry)?));
        }

        // Everything is valid: write.
        let mut after = match before.registered {
            true => before,
            false => self.register(sender, key, &id, &collision_hash),
        };
        if country != after.country {
            after.country = country;
            self.emit_country(&id, country, sender);
        }
        for wallet in added {
            self.state.wallets.setter(wallet).set(key);
            after.wallet_count += 1;
            self.vm().log(DSRegistryServiceWalletAdded {
                wallet,
                investorId: id.clone(),
                sender,
            });
        }
        for (attribute_id, (index, status, expiry)) in attributes {
            self.write_attribute(key, &mut after, index, status, expiry, "");
            self.emit_attribute(&id, attribute_id, status, expiry, String::new(), sender);
        }
        self.state.store_record(key, &after);
        self.notify(key, &before, &after)?;
        Ok(true)
    }

    /// Implements [`RegistryAdmin::remove_investor`].
    pub(crate) fn do_remove_investor(&mut self, id: String) -> Result<bool, DSError> {
        let (sender, key, record) = self.state.changeable(&id)?;
        if record.wallet_count != 0 {
            return Err(DSError::InvestorHasWallets(InvestorHasWallets {
                investorKey: key,
                walletCount: U256::from(record.wallet_count),
            }));
        }
        // The id is retired, not freed: Compliance's locks, lock-up records
        // and flags and Comms' acknowledgements are kept by investor key, so
        // a new investor under this id would inherit them (review F-12).
        let retired = InvestorRecord {
            retired: true,
            ..InvestorRecord::default()
        };
        self.state.store_record(key, &retired);
        let mut investor = self.state.investors.setter(key);
        investor.creator.set(Address::ZERO);
        investor.id.clear();
        investor.collision_hash.clear();
        for index in 0..ATTRIBUTE_COUNT {
            if let Some(mut proof) = investor.proof_hashes.setter(index) {
                proof.clear();
            }
        }
        self.vm().log(DSRegistryServiceInvestorRemoved {
            investorId: id,
            sender,
        });
        Ok(true)
    }

    /// Implements [`RegistryAdmin::set_country`].
    pub(crate) fn do_set_country(&mut self, id: String, country: String) -> Result<bool, DSError> {
        let (sender, key, before) = self.state.changeable(&id)?;
        let code = input::country(&country)?;
        if code == before.country {
            return Ok(true);
        }
        let after = InvestorRecord {
            country: code,
            ..before
        };
        self.state.store_record(key, &after);
        self.emit_country(&id, code, sender);
        self.notify(key, &before, &after)?;
        Ok(true)
    }

    /// The key of a valid, not yet registered investor id.
    fn check_new_investor(&self, id: &str, collision_hash: &str) -> Result<B256, DSError> {
        let key = input::investor_id(id)?;
        input::text(collision_hash)?;
        let record = self.state.record(key);
        if record.registered {
            return Err(DSError::InvestorAlreadyExists(InvestorAlreadyExists {
                investorKey: key,
            }));
        }
        not_retired(key, &record)?;
        Ok(key)
    }

    /// Writes the strings and creator of a new investor, emits the event and
    /// returns its (unstored) record.
    fn register(
        &mut self,
        sender: Address,
        key: B256,
        id: &str,
        collision_hash: &str,
    ) -> InvestorRecord {
        let mut investor = self.state.investors.setter(key);
        investor.creator.set(sender);
        investor.id.set_str(id);
        investor.collision_hash.set_str(collision_hash);
        self.vm().log(DSRegistryServiceInvestorAdded {
            investorId: id.into(),
            sender,
        });
        InvestorRecord {
            registered: true,
            ..InvestorRecord::default()
        }
    }

    /// Emits the country change of `id` to the packed `code`.
    fn emit_country(&self, id: &str, code: u32, sender: Address) {
        self.vm().log(DSRegistryServiceInvestorCountryChanged {
            investorId: id.into(),
            country: party::country_string(code),
            sender,
        });
    }
}
