//! EIP-712 hashing and ECDSA recovery of the relayer's signed transactions,
//! as DS's relayer does them (OpenZeppelin's EIP712 and ECDSA): domain
//! `TransactionRelayer`, version "6", the chain id and the relayer's
//! address; 65-byte signatures `r ‖ s ‖ v`, `s` in the lower half of the
//! curve order, recovery by the ecrecover precompile (address 1).

use alloc::vec::Vec;
use alloy_primitives::{address, b256, keccak256, Address, B256, U256};
use alloy_sol_types::SolValue;
use ds_common::{
    errors::{ECDSAInvalidSignature, ECDSAInvalidSignatureLength, ECDSAInvalidSignatureS},
    DSError,
};

/// DS's `NAME`: the EIP-712 domain name.
pub const NAME: &str = "TransactionRelayer";
/// DS's `CONTRACT_VERSION`; its decimal text is the domain version.
pub const CONTRACT_VERSION: u64 = 6;
/// The domain version: `CONTRACT_VERSION` as text, as DS writes it.
pub const VERSION: &str = "6";
/// DS's `TXTYPE_HASH`: keccak256 of
/// `ExecutePreApprovedTransaction(address destination,bytes data,uint256 nonce,string senderInvestor,uint256 blockLimit)`.
pub const TXTYPE_HASH: B256 =
    b256!("a89e47bab73b0e21fa4f8d69171956116faab4bbe8f8162bcc1f27a21f673442");
/// keccak256 of `EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)`.
pub const DOMAIN_TYPE_HASH: B256 =
    b256!("8b73c3c69bb8fe3d512ecc4cf759cc79239f7b179b0ffacaa9a75d522b39400f");
/// The largest `s` a signature may carry (half the secp256k1 order).
pub const MAX_S: B256 = b256!("7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0");
/// The ecrecover precompile.
pub const ECRECOVER: Address = address!("0000000000000000000000000000000000000001");

/// The EIP-712 domain separator of the relayer at `verifying_contract` on
/// chain `chain_id`.
pub fn domain_separator(chain_id: u64, verifying_contract: Address) -> B256 {
    keccak256(
        (
            DOMAIN_TYPE_HASH,
            keccak256(NAME),
            keccak256(VERSION),
            U256::from(chain_id),
            verifying_contract,
        )
            .abi_encode(),
    )
}

/// The struct hash of a pre-approved transaction (DS's `_hashTx`).
pub fn struct_hash(
    destination: Address,
    data: &[u8],
    nonce: U256,
    sender_investor: &str,
    block_limit: U256,
) -> B256 {
    keccak256(
        (
            TXTYPE_HASH,
            destination,
            keccak256(data),
            nonce,
            keccak256(sender_investor),
            block_limit,
        )
            .abi_encode(),
    )
}

/// The digest a signer signs: `keccak256(0x1901 ‖ domain ‖ structHash)`.
pub fn digest(domain: B256, struct_hash: B256) -> B256 {
    let mut message = Vec::with_capacity(66);
    message.extend_from_slice(&[0x19, 0x01]);
    message.extend_from_slice(domain.as_slice());
    message.extend_from_slice(struct_hash.as_slice());
    keccak256(message)
}

/// The ecrecover precompile's input for `signature` over `digest`:
/// `digest ‖ v ‖ r ‖ s`, after OpenZeppelin's checks (65 bytes, low `s`).
pub fn ecrecover_input(digest: B256, signature: &[u8]) -> Result<[u8; 128], DSError> {
    if signature.len() != 65 {
        return Err(DSError::ECDSAInvalidSignatureLength(
            ECDSAInvalidSignatureLength {
                length: U256::from(signature.len()),
            },
        ));
    }
    let s = B256::from_slice(&signature[32..64]);
    if s > MAX_S {
        return Err(DSError::ECDSAInvalidSignatureS(ECDSAInvalidSignatureS {
            s,
        }));
    }
    let mut input = [0u8; 128];
    input[..32].copy_from_slice(digest.as_slice());
    input[63] = signature[64];
    input[64..96].copy_from_slice(&signature[..32]);
    input[96..].copy_from_slice(s.as_slice());
    Ok(input)
}

/// The signer from the precompile's answer: a 32-byte word holding a
/// non-zero address, else [`ECDSAInvalidSignature`] (a bad `v`, a point
/// off the curve: the precompile answers nothing).
pub fn recovered(answer: &[u8]) -> Result<Address, DSError> {
    let invalid = || DSError::ECDSAInvalidSignature(ECDSAInvalidSignature {});
    if answer.len() != 32 || answer[..12].iter().any(|b| *b != 0) {
        return Err(invalid());
    }
    let signer = Address::from_slice(&answer[12..]);
    if signer.is_zero() {
        return Err(invalid());
    }
    Ok(signer)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_type_hashes_are_the_ds_and_eip712_strings() {
        assert_eq!(
            keccak256(
                "ExecutePreApprovedTransaction(address destination,bytes data,uint256 nonce,string senderInvestor,uint256 blockLimit)"
            ),
            TXTYPE_HASH
        );
        assert_eq!(
            keccak256(
                "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
            ),
            DOMAIN_TYPE_HASH
        );
        assert_eq!(VERSION, CONTRACT_VERSION.to_string());
    }

    #[test]
    fn signatures_are_checked_like_openzeppelin() {
        let digest = B256::repeat_byte(7);
        assert_eq!(
            ecrecover_input(digest, &[0u8; 64]),
            Err(DSError::ECDSAInvalidSignatureLength(
                ECDSAInvalidSignatureLength {
                    length: U256::from(64)
                }
            ))
        );
        let mut high_s = [0u8; 65];
        high_s[32] = 0x80;
        assert!(matches!(
            ecrecover_input(digest, &high_s),
            Err(DSError::ECDSAInvalidSignatureS(_))
        ));
        let mut ok = [0u8; 65];
        ok[..32].copy_from_slice(&[1u8; 32]);
        ok[32..64].copy_from_slice(MAX_S.as_slice());
        ok[64] = 27;
        let input = ecrecover_input(digest, &ok).unwrap();
        assert_eq!(&input[..32], digest.as_slice());
        assert_eq!(input[63], 27);
        assert_eq!(&input[64..96], &[1u8; 32]);
        assert_eq!(&input[96..], MAX_S.as_slice());
        assert_eq!(
            recovered(&[]),
            Err(DSError::ECDSAInvalidSignature(ECDSAInvalidSignature {}))
        );
        assert_eq!(
            recovered(&[0u8; 32]),
            Err(DSError::ECDSAInvalidSignature(ECDSAInvalidSignature {}))
        );
        let mut word = [0u8; 32];
        word[31] = 9;
        assert_eq!(recovered(&word), Ok(Address::with_last_byte(9)));
    }
}
