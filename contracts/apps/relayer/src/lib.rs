//! DS transaction relayer (DS v4's `TransactionRelayer`, service id 4096):
//! anyone submits a call that an issuer or an exchange signed off chain
//! (EIP-712); the relayer checks the signature, the investor's nonce and
//! the block limit, then makes the call as itself (it holds a Trust role,
//! DS: ISSUER).
//!
//! - Replay: one nonce per investor id, used once, in order
//!   (`nonceByInvestor`); the master may skip nonces forward
//!   (`setInvestorNonce`, never back).
//! - Expiry: `blockLimit` is the last block (the chain's `block.number`)
//!   the transaction may run in.
//! - Signatures: 65 bytes, low `s`, recovered by the ecrecover precompile,
//!   bound to the chain id and the relayer's address (EIP-712 domain
//!   `TransactionRelayer`, version "6").
//! - Unlike DS, an exchange's signature is accepted only while the relayer
//!   holds no role above EXCHANGE: with DS's ISSUER relayer, an exchange
//!   could otherwise have the relayer do what only an issuer may
//!   ([`SignerNotApprover`]; `docs/ds-compatibility.md`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
// The SDK's `#[entrypoint]` adds an undocumented `user_entrypoint` to the
// Wasm build, `#[public]` undocumented items to the ABI export; documentation
// is checked on the native build (clippy).
#![cfg_attr(
    any(target_arch = "wasm32", feature = "export-abi"),
    allow(missing_docs)
)]
extern crate alloc;

pub mod eip712;

use alloc::{string::String, vec, vec::Vec};
use alloy_primitives::{Address, FixedBytes, B256, U256};
use ds_common::{
    consumer::ServiceRegistry,
    errors::{InvalidNonce, NonceNotIncreased, SignerNotApprover, TransactionExpired},
    ids::role,
    party::investor_key,
    DSError,
};
use stylus_sdk::{
    abi::Bytes,
    prelude::*,
    storage::{StorageMap, StorageU256},
};

ds_common::events_sol!();

/// Revert data: an encoded custom error (ours or the destination's).
pub type Revert = Vec<u8>;

/// DS's `ExecutePreApprovedTransaction`: destination, call data, sender
/// investor id, nonce, block limit.
pub type PreApprovedTransaction = (Address, Bytes, String, U256, U256);

/// ERC-5267's `eip712Domain()` answer: fields, name, version, chain id,
/// verifying contract, salt, extensions.
pub type Eip712Domain = (
    FixedBytes<1>,
    String,
    String,
    U256,
    Address,
    B256,
    Vec<U256>,
);

/// Whether a signer holding `signer_role` may approve what the relayer,
/// holding `relayer_role`, will do: an issuer always; an exchange only
/// while the relayer holds no role above EXCHANGE.
pub fn may_approve(signer_role: u8, relayer_role: u8) -> bool {
    match signer_role {
        role::ISSUER => true,
        role::EXCHANGE => matches!(relayer_role, role::NONE | role::EXCHANGE),
        _ => false,
    }
}

/// The transaction relayer.
#[storage]
#[entrypoint]
pub struct TransactionRelayer {
    /// Where the DS services live (Trust: the signers' roles).
    services: ServiceRegistry,
    /// The next nonce of each investor, by investor key (keccak256 of the id).
    nonces: StorageMap<B256, StorageU256>,
}

#[public]
impl TransactionRelayer {
    /// Binds the relayer to the Trust service that holds the roles.
    #[constructor]
    pub fn constructor(&mut self, trust: Address) -> Result<(), DSError> {
        self.services.init_trust(trust)
    }

    /// Registers the address of DS service `serviceId` (master, per Trust).
    #[selector(name = "setDSService")]
    pub fn set_ds_service(&mut self, service_id: U256, service: Address) -> Result<bool, DSError> {
        self.services.set_by_master(service_id, service)
    }

    /// The address registered for DS service `serviceId` (zero when none).
    #[selector(name = "getDSService")]
    pub fn get_ds_service(&self, service_id: U256) -> Address {
        self.services.get(service_id)
    }

    /// DS: the EIP-712 domain name.
    #[selector(name = "NAME")]
    pub fn name_constant(&self) -> String {
        eip712::NAME.into()
    }

    /// DS: the EIP-712 type hash of a pre-approved transaction.
    #[selector(name = "TXTYPE_HASH")]
    pub fn txtype_hash(&self) -> B256 {
        eip712::TXTYPE_HASH
    }

    /// DS: the relayer's version (the domain version, as text).
    #[selector(name = "CONTRACT_VERSION")]
    pub fn contract_version(&self) -> U256 {
        U256::from(eip712::CONTRACT_VERSION)
    }

    /// ERC-5267 (OpenZeppelin's EIP712, which DS's relayer inherits): the
    /// EIP-712 domain signers use.
    #[selector(name = "eip712Domain")]
    pub fn eip712_domain(&self) -> Eip712Domain {
        (
            FixedBytes([0x0f]),
            eip712::NAME.into(),
            eip712::VERSION.into(),
            U256::from(self.vm().chain_id()),
            self.vm().contract_address(),
            B256::ZERO,
            Vec::new(),
        )
    }

    /// DS: the nonce investor `investorId`'s next transaction must carry.
    pub fn nonce_by_investor(&self, investor_id: String) -> U256 {
        self.nonces.get(investor_key(&investor_id))
    }

    /// DS: moves investor `investorId`'s next nonce forward to `newNonce`,
    /// voiding every signed transaction below it (master).
    ///
    /// # Errors
    /// `UnauthorizedCaller`, `NonceNotIncreased`.
    ///
    /// # Events
    /// `InvestorNonceUpdated(investorId, newNonce)`.
    pub fn set_investor_nonce(
        &mut self,
        investor_id: String,
        new_nonce: U256,
    ) -> Result<(), DSError> {
        self.services
            .require_role(self.vm().msg_sender(), &[role::MASTER])?;
        let key = investor_key(&investor_id);
        let current = self.nonces.get(key);
        if new_nonce <= current {
            return Err(DSError::NonceNotIncreased(NonceNotIncreased {
                nonce: new_nonce,
                current,
            }));
        }
        self.nonces.insert(key, new_nonce);
        self.vm().log(InvestorNonceUpdated {
            investorId: investor_id,
            newNonce: new_nonce,
        });
        Ok(())
    }

    /// DS: runs `txData` (destination, data, sender investor, nonce, block
    /// limit) signed by an issuer or an exchange: checks the block limit,
    /// the nonce and the signature, uses the nonce, then calls the
    /// destination as the relayer (no value). Anyone may submit.
    ///
    /// # Errors
    /// `TransactionExpired`, `InvalidNonce`, `ECDSAInvalidSignatureLength`,
    /// `ECDSAInvalidSignatureS`, `ECDSAInvalidSignature`,
    /// `SignerNotApprover`, and the destination's own revert data.
    ///
    /// # Events
    /// `PreApprovedTransactionExecuted`, then the destination's.
    pub fn execute_pre_approved_transaction(
        &mut self,
        signature: Bytes,
        tx_data: PreApprovedTransaction,
    ) -> Result<(), Revert> {
        let (destination, data, sender_investor, nonce, block_limit) = tx_data;
        let block = U256::from(self.vm().block_number());
        if block_limit < block {
            return Err(DSError::TransactionExpired(TransactionExpired {
                blockLimit: block_limit,
                blockNumber: block,
            })
            .into());
        }
        let key = investor_key(&sender_investor);
        let expected = self.nonces.get(key);
        if nonce != expected {
            return Err(DSError::InvalidNonce(InvalidNonce { nonce, expected }).into());
        }
        let domain = eip712::domain_separator(self.vm().chain_id(), self.vm().contract_address());
        let hash = eip712::struct_hash(destination, &data, nonce, &sender_investor, block_limit);
        let signer = self.recover(eip712::digest(domain, hash), &signature)?;
        let signer_role = self.services.role_of(signer)?;
        let relayer_role = self.services.role_of(self.vm().contract_address())?;
        if !may_approve(signer_role, relayer_role) {
            return Err(DSError::SignerNotApprover(SignerNotApprover {
                signer,
                signerRole: signer_role,
                relayerRole: relayer_role,
            })
            .into());
        }
        self.nonces.insert(key, expected + U256::from(1));
        self.vm().log(PreApprovedTransactionExecuted {
            investorKey: key,
            nonce,
            signer,
            destination,
        });
        ds_common::queries::order(self, 0, destination, &data)?;
        Ok(())
    }
}

impl TransactionRelayer {
    /// The address that signed `digest` (the ecrecover precompile).
    fn recover(&self, digest: B256, signature: &[u8]) -> Result<Address, DSError> {
        let input = eip712::ecrecover_input(digest, signature)?;
        let answer =
            stylus_sdk::call::static_call(self.vm(), Call::new(), eip712::ECRECOVER, &input)
                .unwrap_or_else(|_| vec![]);
        eip712::recovered(&answer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issuers_approve_exchanges_only_below_issuer_relayers() {
        for relayer in [
            role::NONE,
            role::EXCHANGE,
            role::ISSUER,
            role::MASTER,
            role::TRANSFER_AGENT,
        ] {
            assert!(may_approve(role::ISSUER, relayer));
            assert!(!may_approve(role::MASTER, relayer));
            assert!(!may_approve(role::TRANSFER_AGENT, relayer));
            assert!(!may_approve(role::NONE, relayer));
        }
        assert!(may_approve(role::EXCHANGE, role::NONE));
        assert!(may_approve(role::EXCHANGE, role::EXCHANGE));
        assert!(!may_approve(role::EXCHANGE, role::ISSUER));
        assert!(!may_approve(role::EXCHANGE, role::TRANSFER_AGENT));
        assert!(!may_approve(role::EXCHANGE, role::MASTER));
    }
}
