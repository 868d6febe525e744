//! The DS constant getters on a deployed suite (issue 23): the Trust,
//! Registry, Compliance, Comms and token addresses answer DS's
//! `ServiceConsumer` and `BaseDSContract` getters with DS v4's values,
//! Trust its role names, the Registry its attribute, status and wallet-type
//! names; the answers decode with the DS types. The values below are
//! written out from DS v4, not taken from our code.

use alloy_primitives::{keccak256, Address, U256};
use alloy_sol_types::SolError;
// The error as the published interfaces declare it (one signature everywhere).
use ds_e2e::abi::exported::ITrustService::UnknownSelector;
use ds_e2e::{ReceiptExt, Suite};

/// DS v4 `ServiceConsumer`: service ids (uint256) and roles (uint8).
const CONSUMER: [(&str, u64); 23] = [
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
];

fn selector(signature: &str) -> Vec<u8> {
    keccak256(signature)[..4].to_vec()
}

/// The one-word answer of `signature` at `to` (a static call).
fn word(s: &mut Suite, to: Address, signature: &str) -> [u8; 32] {
    let r = s.net.call(s.master, to, &selector(signature));
    assert!(r.success, "{signature} at {to}: {}", r.outcome());
    r.output
        .as_ref()
        .try_into()
        .unwrap_or_else(|_| panic!("{signature}: one word, got {} bytes", r.output.len()))
}

/// The answer of a `uint8` getter: a word a DS client decodes as uint8.
fn uint8(s: &mut Suite, to: Address, signature: &str) -> u8 {
    let w = word(s, to, signature);
    assert_eq!(w[..31], [0u8; 31], "{signature} decodes as uint8");
    w[31]
}

fn services(s: &Suite) -> [(&'static str, Address); 5] {
    [
        ("Trust", s.trust),
        ("Registry", s.registry),
        ("Compliance", s.compliance),
        ("Comms", s.comms),
        ("DSToken", s.token()),
    ]
}

#[test]
fn every_service_answers_the_ds_consumer_constants() {
    let mut s = Suite::new();
    for (name, at) in services(&s) {
        for (signature, expected) in CONSUMER {
            assert_eq!(
                U256::from_be_bytes(word(&mut s, at, signature)),
                U256::from(expected),
                "{name} {signature}"
            );
        }
        // BaseDSContract: no proxy, the address is its own implementation;
        // the constructor is the one initialiser
        let implementation = word(&mut s, at, "getImplementationAddress()");
        assert_eq!(Address::from_slice(&implementation[12..]), at, "{name}");
        assert_eq!(implementation[..12], [0u8; 12], "{name}: an address word");
        assert_eq!(
            U256::from_be_bytes(word(&mut s, at, "getInitializedVersion()")),
            U256::from(1),
            "{name}"
        );
    }
}

#[test]
fn trust_answers_its_ds_role_names() {
    let mut s = Suite::new();
    let trust = s.trust;
    for (signature, expected) in [
        ("NONE()", 0),
        ("MASTER()", 1),
        ("ISSUER()", 2),
        ("EXCHANGE()", 4),
        ("TRANSFER_AGENT()", 8),
    ] {
        assert_eq!(
            uint8(&mut s, trust, signature),
            expected,
            "Trust {signature}"
        );
    }
    // only its own names: PLATFORM() is the wallet manager's
    let r = s.net.call(s.master, trust, &selector("PLATFORM()"));
    assert!(!r.success, "Trust has no PLATFORM()");
}

#[test]
fn the_registry_answers_its_ds_attribute_status_and_wallet_type_names() {
    let mut s = Suite::new();
    let registry = s.registry;
    for (signature, expected) in [
        // DS v4 RegistryService: attribute ids and statuses
        ("KYC_APPROVED()", 1),
        ("ACCREDITED()", 2),
        ("QUALIFIED()", 4),
        ("PROFESSIONAL()", 8),
        ("PENDING()", 0),
        ("APPROVED()", 1),
        ("REJECTED()", 2),
        // DS v4 WalletManager: wallet types
        ("NONE()", 0),
        ("ISSUER()", 1),
        ("PLATFORM()", 2),
        ("EXCHANGE()", 4),
    ] {
        assert_eq!(
            uint8(&mut s, registry, signature),
            expected,
            "Registry {signature}"
        );
    }
    // only its own names: MASTER() is Trust's
    let r = s.net.call(s.master, registry, &selector("MASTER()"));
    assert!(!r.success, "the Registry has no MASTER()");
}

/// A selector no program serves reverts with `UnknownSelector(selector)` at
/// every service but the token (the Compliance router and the Registry's
/// admin facet included).
#[test]
fn an_unknown_selector_reverts_with_its_selector_everywhere() {
    let mut s = Suite::new();
    let data = [0xde, 0xad, 0xbe, 0xef, 0, 0, 0, 1];
    for (name, at) in services(&s) {
        let r = s.net.call(s.master, at, &data);
        assert!(!r.success, "{name}");
        if name == "DSToken" {
            // the token hands unknown selectors to its admin facet, whose
            // SDK router refuses them with empty revert data
            continue;
        }
        let err = r
            .revert_error::<UnknownSelector>()
            .unwrap_or_else(|| panic!("{name}: {}", r.outcome()));
        assert_eq!(err.selector.0, [0xde, 0xad, 0xbe, 0xef], "{name}");
        assert_eq!(
            r.output.len(),
            4 + 32,
            "{name}: {} encoded as DS clients decode it",
            UnknownSelector::SIGNATURE
        );
    }
}
