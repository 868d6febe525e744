//! EIP-712 signing of the transaction relayer's pre-approved calls, from
//! the published type strings (independent of the relayer's code), with
//! keys the tests own (the suite's accounts have none).

use alloy_primitives::{keccak256, Address, Bytes, B256, U256};
use alloy_sol_types::SolValue;
use k256::ecdsa::SigningKey;

use crate::{abi::ITransactionRelayer, u};

/// A signer with a private key (the test accounts of the suite have none).
pub struct Signer(SigningKey);

impl Signer {
    /// The key derived from `label` (keccak256).
    pub fn new(label: &str) -> Self {
        Self(SigningKey::from_slice(keccak256(label).as_slice()).expect("a key"))
    }

    /// Its address.
    pub fn address(&self) -> Address {
        Address::from_private_key(&self.0)
    }

    /// `r ‖ s ‖ v` over `digest` (low `s`, v 27 or 28).
    pub fn sign(&self, digest: B256) -> Vec<u8> {
        let (sig, recid) = self
            .0
            .sign_prehash_recoverable(digest.as_slice())
            .expect("signed");
        let mut out = sig.to_bytes().to_vec();
        out.push(27 + recid.to_byte());
        out
    }
}

/// The EIP-712 digest of a pre-approved transaction, computed here from
/// the published type strings (independent of the relayer's code).
pub fn digest(
    chain_id: u64,
    relayer: Address,
    tx: &ITransactionRelayer::executePreApprovedTransactionCall,
) -> B256 {
    let domain_type = keccak256(
        "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)",
    );
    let domain = keccak256(
        (
            domain_type,
            keccak256("TransactionRelayer"),
            keccak256("6"),
            U256::from(chain_id),
            relayer,
        )
            .abi_encode(),
    );
    let tx_type = keccak256(
        "ExecutePreApprovedTransaction(address destination,bytes data,uint256 nonce,string senderInvestor,uint256 blockLimit)",
    );
    let (dest, data, investor, nonce, limit) = (
        tx.tx_data.0,
        tx.tx_data.1.clone(),
        tx.tx_data.2.clone(),
        tx.tx_data.3,
        tx.tx_data.4,
    );
    let hash = keccak256(
        (
            tx_type,
            dest,
            keccak256(&data),
            nonce,
            keccak256(investor.as_bytes()),
            limit,
        )
            .abi_encode(),
    );
    let mut message = vec![0x19, 0x01];
    message.extend_from_slice(domain.as_slice());
    message.extend_from_slice(hash.as_slice());
    keccak256(message)
}

/// An unsigned pre-approved call of `data` at `destination` for investor
/// `investor` with `nonce`, valid up to block `limit`.
pub fn pre_approved(
    destination: Address,
    data: Vec<u8>,
    investor: &str,
    nonce: u64,
    limit: u64,
) -> ITransactionRelayer::executePreApprovedTransactionCall {
    ITransactionRelayer::executePreApprovedTransactionCall {
        signature: Bytes::new(),
        tx_data: (
            destination,
            Bytes::from(data),
            investor.to_string(),
            u(nonce),
            u(limit),
        ),
    }
}

/// `tx` signed by `signer` for the relayer at `relayer` on `chain_id`.
pub fn signed(
    signer: &Signer,
    chain_id: u64,
    relayer: Address,
    mut tx: ITransactionRelayer::executePreApprovedTransactionCall,
) -> ITransactionRelayer::executePreApprovedTransactionCall {
    tx.signature = signer.sign(digest(chain_id, relayer, &tx)).into();
    tx
}
