//! The DS constant getters, answered by every DS service from its fallback
//! with one table lookup (a `#[public]` function per constant would cost
//! each program hundreds of bytes):
//!
//! - DS `ServiceConsumer` (every service): the service ids `TRUST_SERVICE()`
//!   … `REBASING_PROVIDER()` and the roles `ROLE_NONE()` …
//!   `ROLE_TRANSFER_AGENT()`, with DS v4's values (its two deprecated
//!   multicall ids are 0 in DS's Solidity, so they are 0 here too);
//! - DS `BaseDSContract` (every service): `getImplementationAddress()` is
//!   the address itself (a Stylus program is not a proxy: the code behind
//!   an address is its program and the facets its router names, see
//!   docs/upgrade.md) and `getInitializedVersion()` is 1 (the constructor,
//!   run once at deployment, is the only initialiser);
//! - Trust's role names ([`TRUST`]) and the Registry's attribute, status and
//!   wallet-type names ([`REGISTRY`]).
//!
//! The declarations are `src/constants.sol`; the ABI export prints them
//! ([`CONSTANTS_SOL`]).

use alloc::vec::Vec;
use alloy_primitives::Address;
use alloy_sol_types::{SolCall, SolError};

use crate::{
    errors::UnknownSelector,
    ids::{attribute, attribute_status, role, wallet_type},
};

alloy_sol_types::sol!("src/constants.sol");

/// Solidity source of the constant getters (`src/constants.sol`).
pub const CONSTANTS_SOL: &str =
    include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/constants.sol"));

/// A constant getter: its selector and the value it returns.
pub type Constant = ([u8; 4], u16);

use IDSServiceConstants as C;

/// What every service answers (`ServiceConsumer`, `getInitializedVersion`).
pub const CONSUMER: &[Constant] = &[
    (C::TRUST_SERVICECall::SELECTOR, 1),
    (C::DS_TOKENCall::SELECTOR, 2),
    (C::REGISTRY_SERVICECall::SELECTOR, 4),
    (C::COMPLIANCE_SERVICECall::SELECTOR, 8),
    (C::UNUSED_1Call::SELECTOR, 16),
    (C::WALLET_MANAGERCall::SELECTOR, 32),
    (C::LOCK_MANAGERCall::SELECTOR, 64),
    (C::DEPRECATED_PARTITIONS_MANAGERCall::SELECTOR, 128),
    (C::COMPLIANCE_CONFIGURATION_SERVICECall::SELECTOR, 256),
    (C::TOKEN_ISSUERCall::SELECTOR, 512),
    (C::WALLET_REGISTRARCall::SELECTOR, 1024),
    (C::DEPRECATED_OMNIBUS_TBE_CONTROLLERCall::SELECTOR, 2048),
    (C::TRANSACTION_RELAYERCall::SELECTOR, 4096),
    (C::DEPRECATED_TOKEN_REALLOCATORCall::SELECTOR, 8192),
    (C::DEPRECATED_ISSUER_MULTICALLCall::SELECTOR, 0),
    (C::DEPRECATED_TA_MULTICALLCall::SELECTOR, 0),
    (C::DEPRECATED_SECURITIZE_SWAPCall::SELECTOR, 16384),
    (C::REBASING_PROVIDERCall::SELECTOR, 8196),
    (C::ROLE_NONECall::SELECTOR, role::NONE as u16),
    (C::ROLE_MASTERCall::SELECTOR, role::MASTER as u16),
    (C::ROLE_ISSUERCall::SELECTOR, role::ISSUER as u16),
    (C::ROLE_EXCHANGECall::SELECTOR, role::EXCHANGE as u16),
    (
        C::ROLE_TRANSFER_AGENTCall::SELECTOR,
        role::TRANSFER_AGENT as u16,
    ),
    (C::getInitializedVersionCall::SELECTOR, 1),
];

/// Trust's own names.
const TRUST_NAMES: &[Constant] = {
    use IDSTrustConstants as T;
    &[
        (T::NONECall::SELECTOR, role::NONE as u16),
        (T::MASTERCall::SELECTOR, role::MASTER as u16),
        (T::ISSUERCall::SELECTOR, role::ISSUER as u16),
        (T::EXCHANGECall::SELECTOR, role::EXCHANGE as u16),
        (T::TRANSFER_AGENTCall::SELECTOR, role::TRANSFER_AGENT as u16),
    ]
};

/// The Registry's (and its wallet manager's) own names.
const REGISTRY_NAMES: &[Constant] = {
    use IDSRegistryConstants as R;
    &[
        (
            R::KYC_APPROVEDCall::SELECTOR,
            attribute::KYC_APPROVED as u16,
        ),
        (R::ACCREDITEDCall::SELECTOR, attribute::ACCREDITED as u16),
        (R::QUALIFIEDCall::SELECTOR, attribute::QUALIFIED as u16),
        (
            R::PROFESSIONALCall::SELECTOR,
            attribute::PROFESSIONAL as u16,
        ),
        (R::PENDINGCall::SELECTOR, attribute_status::PENDING as u16),
        (R::APPROVEDCall::SELECTOR, attribute_status::APPROVED as u16),
        (R::REJECTEDCall::SELECTOR, attribute_status::REJECTED as u16),
        (R::NONECall::SELECTOR, wallet_type::NONE as u16),
        (R::ISSUERCall::SELECTOR, wallet_type::ISSUER as u16),
        (R::PLATFORMCall::SELECTOR, wallet_type::PLATFORM as u16),
        (R::EXCHANGECall::SELECTOR, wallet_type::EXCHANGE as u16),
    ]
};

/// `a` then `b`, as one table (one lookup loop in the program).
const fn join<const N: usize>(a: &[Constant], b: &[Constant]) -> [Constant; N] {
    assert!(a.len() + b.len() == N);
    let mut out = [([0; 4], 0); N];
    let mut i = 0;
    while i < a.len() {
        out[i] = a[i];
        i += 1;
    }
    let mut j = 0;
    while j < b.len() {
        out[a.len() + j] = b[j];
        j += 1;
    }
    out
}

/// What the Trust service answers: [`CONSUMER`] and its role names.
pub const TRUST: &[Constant] = &join::<29>(CONSUMER, TRUST_NAMES);

/// What the Registry answers: [`CONSUMER`], its attribute and status names
/// and its wallet manager's wallet types.
pub const REGISTRY: &[Constant] = &join::<35>(CONSUMER, REGISTRY_NAMES);

/// The first four bytes of `calldata` (zero when shorter).
pub fn selector_of(calldata: &[u8]) -> [u8; 4] {
    calldata
        .get(..4)
        .and_then(|s| s.try_into().ok())
        .unwrap_or_default()
}

/// The ABI-encoded answer of constant getter `selector` at `this`: one of
/// `table` ([`CONSUMER`], [`TRUST`] or [`REGISTRY`]) or
/// `getImplementationAddress()`; `None` for any other selector.
pub fn answer(selector: [u8; 4], table: &[Constant], this: Address) -> Option<Vec<u8>> {
    let mut word = [0u8; 32];
    if selector == C::getImplementationAddressCall::SELECTOR {
        word[12..].copy_from_slice(this.as_slice());
    } else {
        let value = lookup(table, selector)?;
        word[30..].copy_from_slice(&value.to_be_bytes());
    }
    Some(word.to_vec())
}

/// The value of `selector` in `table`.
fn lookup(table: &[Constant], selector: [u8; 4]) -> Option<u16> {
    for (s, value) in table {
        if *s == selector {
            return Some(*value);
        }
    }
    None
}

/// The fallback of a program that serves nothing but its `#[public]`
/// functions and the constant getters: the constant's answer, else a
/// revert with [`UnknownSelector`] (encoded here: the shared error encoder
/// would bring every error into a program that needs one).
pub fn serve(calldata: &[u8], table: &[Constant], this: Address) -> Result<Vec<u8>, Vec<u8>> {
    let selector = selector_of(calldata);
    answer(selector, table, this).ok_or_else(|| {
        let mut revert = UnknownSelector::SELECTOR.to_vec();
        revert.extend_from_slice(&selector);
        revert.resize(4 + 32, 0);
        revert
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::DSError;
    use alloy_primitives::{FixedBytes, U256};

    fn value(selector: [u8; 4], table: &[Constant]) -> U256 {
        let word = answer(selector, table, Address::ZERO).expect("a constant");
        U256::from_be_slice(&word)
    }

    /// DS v4's values, written out independently of `ids`.
    #[test]
    fn consumer_constants_have_the_ds_v4_values() {
        let expected: [(&str, u64); 24] = [
            ("TRUST_SERVICE()", 1),
            ("DS_TOKEN()", 2),
            ("REGISTRY_SERVICE()", 4),
            ("COMPLIANCE_SERVICE()", 8),
            ("UNUSED_1()", 16),
            ("WALLET_MANAGER()", 32),
            ("LOCK_MANAGER()", 64),
            ("DEPRECATED_PARTITIONS_MANAGER()", 128),
            ("COMPLIANCE_CONFIGURATION_SERVICE()", 256),
            ("TOKEN_ISSUER()", 512),
            ("WALLET_REGISTRAR()", 1024),
            ("DEPRECATED_OMNIBUS_TBE_CONTROLLER()", 2048),
            ("TRANSACTION_RELAYER()", 4096),
            ("DEPRECATED_TOKEN_REALLOCATOR()", 8192),
            ("DEPRECATED_ISSUER_MULTICALL()", 0),
            ("DEPRECATED_TA_MULTICALL()", 0),
            ("DEPRECATED_SECURITIZE_SWAP()", 16384),
            ("REBASING_PROVIDER()", 8196),
            ("ROLE_NONE()", 0),
            ("ROLE_MASTER()", 1),
            ("ROLE_ISSUER()", 2),
            ("ROLE_EXCHANGE()", 4),
            ("ROLE_TRANSFER_AGENT()", 8),
            ("getInitializedVersion()", 1),
        ];
        assert_eq!(CONSUMER.len(), expected.len());
        for (signature, v) in expected {
            let selector = alloy_primitives::keccak256(signature)[..4]
                .try_into()
                .expect("4 bytes");
            for table in [CONSUMER, TRUST, REGISTRY] {
                assert_eq!(value(selector, table), U256::from(v), "{signature}");
            }
        }
    }

    #[test]
    fn service_constants_have_the_ds_v4_values() {
        let sel = |s: &str| -> [u8; 4] {
            alloy_primitives::keccak256(s)[..4]
                .try_into()
                .expect("4 bytes")
        };
        for (signature, v) in [
            ("NONE()", 0),
            ("MASTER()", 1),
            ("ISSUER()", 2),
            ("EXCHANGE()", 4),
            ("TRANSFER_AGENT()", 8),
        ] {
            assert_eq!(
                value(sel(signature), TRUST),
                U256::from(v),
                "Trust {signature}"
            );
        }
        for (signature, v) in [
            ("KYC_APPROVED()", 1),
            ("ACCREDITED()", 2),
            ("QUALIFIED()", 4),
            ("PROFESSIONAL()", 8),
            ("PENDING()", 0),
            ("APPROVED()", 1),
            ("REJECTED()", 2),
            ("NONE()", 0),
            ("ISSUER()", 1),
            ("PLATFORM()", 2),
            ("EXCHANGE()", 4),
        ] {
            assert_eq!(
                value(sel(signature), REGISTRY),
                U256::from(v),
                "Registry {signature}"
            );
        }
        // a service answers only its own names
        assert!(answer(sel("PLATFORM()"), TRUST, Address::ZERO).is_none());
        assert!(answer(sel("MASTER()"), REGISTRY, Address::ZERO).is_none());
    }

    #[test]
    fn the_implementation_is_the_address_itself() {
        let this = Address::repeat_byte(0xab);
        let word = answer(C::getImplementationAddressCall::SELECTOR, &[], this).expect("answer");
        assert_eq!(Address::from_word(FixedBytes::from_slice(&word)), this);
    }

    #[test]
    fn anything_else_is_an_unknown_selector() {
        let data = [0xde, 0xad, 0xbe, 0xef, 1, 2];
        let err = serve(&data, TRUST, Address::ZERO).expect_err("refused");
        let expected: Vec<u8> = DSError::UnknownSelector(UnknownSelector {
            selector: FixedBytes([0xde, 0xad, 0xbe, 0xef]),
        })
        .into();
        assert_eq!(err, expected);
        // short calldata has the zero selector
        assert!(serve(&[1, 2], CONSUMER, Address::ZERO).is_err());
    }
}
