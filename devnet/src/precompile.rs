//! The EVM precompiles the devnet serves at their canonical addresses.
//! Only `ecrecover` (address 1) so far: what Stylus programs verifying
//! signatures call (the DS transaction relayer). Its gas is the EVM's flat
//! 3,000 (EIP-2929 makes precompiles warm; nitro charges a Stylus call to a
//! precompile the EVM's price).

use alloy_primitives::{address, Address, Signature, B256, U256};

/// The ecrecover precompile's address.
pub const ECRECOVER: Address = address!("0000000000000000000000000000000000000001");

/// Gas of one ecrecover call.
pub const ECRECOVER_GAS: u64 = 3_000;

/// Whether `address` is a precompile served here.
pub fn is_precompile(address: Address) -> bool {
    address == ECRECOVER
}

/// The precompile at `address` on `input`: its gas and output. The EVM's
/// ecrecover never fails: an unrecoverable signature (a `v` other than 27
/// or 28, `r` or `s` out of range) answers nothing.
pub fn run(address: Address, input: &[u8]) -> (u64, Vec<u8>) {
    debug_assert_eq!(address, ECRECOVER);
    (ECRECOVER_GAS, ecrecover(input).unwrap_or_default())
}

/// ecrecover: `hash ‖ v ‖ r ‖ s` (each a 32-byte word; short input is
/// zero-padded) to the signer as a 32-byte word.
fn ecrecover(input: &[u8]) -> Option<Vec<u8>> {
    let mut words = [0u8; 128];
    let n = input.len().min(128);
    words[..n].copy_from_slice(&input[..n]);
    let hash = B256::from_slice(&words[..32]);
    let v = U256::from_be_slice(&words[32..64]);
    let parity = if v == U256::from(27) {
        false
    } else if v == U256::from(28) {
        true
    } else {
        return None;
    };
    let r = U256::from_be_slice(&words[64..96]);
    let s = U256::from_be_slice(&words[96..]);
    let signature = Signature::new(r, s, parity);
    let signer = signature.recover_address_from_prehash(&hash).ok()?;
    let mut out = vec![0u8; 32];
    out[12..].copy_from_slice(signer.as_slice());
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use k256::ecdsa::SigningKey;

    #[test]
    fn recovers_the_signer_and_answers_nothing_for_a_bad_v() {
        let key = SigningKey::from_slice(&[7u8; 32]).unwrap();
        let signer = Address::from_private_key(&key);
        let hash = B256::repeat_byte(0x42);
        let (sig, recid) = key.sign_prehash_recoverable(hash.as_slice()).unwrap();
        let mut input = Vec::new();
        input.extend_from_slice(hash.as_slice());
        let mut v = [0u8; 32];
        v[31] = 27 + recid.to_byte();
        input.extend_from_slice(&v);
        input.extend_from_slice(&sig.to_bytes());
        let (gas, out) = run(ECRECOVER, &input);
        assert_eq!(gas, ECRECOVER_GAS);
        assert_eq!(&out[12..], signer.as_slice());
        assert!(out[..12].iter().all(|b| *b == 0));
        input[63] = 29;
        assert!(run(ECRECOVER, &input).1.is_empty());
        assert!(run(ECRECOVER, &[]).1.is_empty());
    }
}
