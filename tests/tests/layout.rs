//! Storage layout pins (issue 24 item 3): the entry programs and their
//! facets share one storage struct each (`ComplianceState`,
//! `RegistryState`, `TokenState`);
//! a release of either that adds, drops or reorders a field would move a
//! slot asserted here, on the deployed Wasm.

use alloy_sol_types::SolCall;
use ds_e2e::{
    abi::{ICompliance, IDSToken, IRegistry, ITokenSnapshots},
    ids::service,
    investor_key, Address, Suite, TOKEN_DECIMALS, U256,
};

/// `keccak256(key ‖ root)`: the slot of a map entry (Solidity's rule, which
/// the Stylus SDK follows; `bytes4` keys left-aligned).
fn map_slot(key: [u8; 32], root: u64) -> U256 {
    let mut data = key.to_vec();
    data.extend(U256::from(root).to_be_bytes::<32>());
    U256::from_be_bytes(alloy_primitives::keccak256(data).0)
}

/// The storage the entry program and its facets share, pinned slot by
/// slot: a facet (or entry) release that adds, drops or reorders a field of
/// `ComplianceState` moves one of these and fails here.
#[test]
fn the_compliance_storage_layout_is_pinned() {
    let mut s = Suite::new();
    let c = s.compliance;
    // Field 0: the service registry (map U256 → address).
    let trust_entry = map_slot(U256::from(service::TRUST).to_be_bytes::<32>(), 0);
    assert_eq!(
        s.net.storage(c, trust_entry),
        U256::from_be_slice(s.trust.as_slice())
    );
    // Field 9: the blacklist (map address → bool).
    let wallet = s.wallet("blacklisted");
    let agent = s.transfer_agent;
    s.must(agent, c, &ICompliance::addToBlacklistCall { wallet });
    assert_eq!(
        s.net.storage(c, map_slot(address_key(wallet), 9)),
        U256::from(1)
    );
    // Field 10, the last: the router's table (map bytes4 → u64).
    let getter = ICompliance::getTotalInvestorsLimitCall::SELECTOR;
    let mut key = [0u8; 32];
    key[..4].copy_from_slice(&getter);
    assert_eq!(
        s.net.storage(c, map_slot(key, 10)),
        U256::from(service::COMPLIANCE_CONFIG_FACET)
    );
}

/// A 32-byte map key holding `address` (left-padded, as Solidity).
fn address_key(address: Address) -> [u8; 32] {
    let mut key = [0u8; 32];
    key[12..].copy_from_slice(address.as_slice());
    key
}

/// `TokenState`: the service registry first, the allowances after the
/// ledger's nine fields, then name, symbol, decimals sharing a slot with
/// the time of the latest snapshot, and the router's table last.
#[test]
fn the_token_storage_layout_is_pinned() {
    let mut s = Suite::new();
    let token = s.token();
    // Field 0: the service registry.
    let trust_entry = map_slot(U256::from(service::TRUST).to_be_bytes::<32>(), 0);
    assert_eq!(
        s.net.storage(token, trust_entry),
        U256::from_be_slice(s.trust.as_slice())
    );
    // Slot 10: allowances (owner → spender → amount).
    let (owner, spender) = (s.wallet("owner"), s.wallet("spender"));
    s.must(
        owner,
        token,
        &IDSToken::approveCall {
            spender,
            value: U256::from(77),
        },
    );
    let inner = map_slot(address_key(owner), 10);
    let mut data = address_key(spender).to_vec();
    data.extend(inner.to_be_bytes::<32>());
    let slot = U256::from_be_bytes(alloy_primitives::keccak256(data).0);
    assert_eq!(s.net.storage(token, slot), U256::from(77));
    // Slot 13: decimals (byte 0) and the latest snapshot's time (bytes 1-8).
    assert_eq!(
        s.net.storage(token, U256::from(13)),
        U256::from(TOKEN_DECIMALS)
    );
    let issuer = s.issuer;
    s.must(issuer, token, &ITokenSnapshots::snapshotCall {});
    let time = U256::from(s.now());
    assert_eq!(
        s.net.storage(token, U256::from(13)),
        U256::from(TOKEN_DECIMALS) | (time << 8)
    );
    // Slot 14, the last: the router's table (map bytes4 → u64).
    let mut key = [0u8; 32];
    key[..4].copy_from_slice(&IDSToken::pauseCall::SELECTOR);
    assert_eq!(
        s.net.storage(token, map_slot(key, 14)),
        U256::from(service::TOKEN_CONTROL_FACET)
    );
}

/// `RegistryState`: the service registry, the wallet words, the investor
/// records, the investors' creator and strings, the exchange wallets'
/// owners, in that order (fields 0 to 4). The admin facet writes them, the
/// entry program reads them: a release of either that moved a field would
/// make Compliance read the wrong party.
#[test]
fn the_registry_storage_layout_is_pinned() {
    let mut s = Suite::new();
    let r = s.registry;
    // Field 0: the service registry (and the admin facet's entry in it).
    let trust_entry = map_slot(U256::from(service::TRUST).to_be_bytes::<32>(), 0);
    assert_eq!(
        s.net.storage(r, trust_entry),
        U256::from_be_slice(s.trust.as_slice())
    );
    let facet_entry = map_slot(
        U256::from(service::REGISTRY_ADMIN_FACET).to_be_bytes::<32>(),
        0,
    );
    assert_eq!(
        s.net.storage(r, facet_entry),
        U256::from_be_slice(s.registry_admin.as_slice())
    );
    // Field 1: wallet → investor key.
    let wallet = s.new_investor("pin-1", "US", &[]);
    let key = investor_key("pin-1");
    assert_eq!(
        s.net.storage(r, map_slot(address_key(wallet), 1)),
        U256::from_be_bytes(key.0)
    );
    // Field 2: the investor record (registered, one wallet: not zero).
    assert!(!s.net.storage(r, map_slot(key.0, 2)).is_zero());
    // Field 3: the investor's creator, the first slot of its struct.
    assert_eq!(
        s.net.storage(r, map_slot(key.0, 3)),
        U256::from_be_slice(s.issuer.as_slice())
    );
    // Field 4: the owner of an exchange wallet.
    let (issuer, exchange) = (s.issuer, s.exchange);
    let desk = s.wallet("exchange desk");
    s.must(
        issuer,
        r,
        &IRegistry::addExchangeWalletCall {
            wallet: desk,
            owner: exchange,
        },
    );
    assert_eq!(
        s.net.storage(r, map_slot(address_key(desk), 4)),
        U256::from_be_slice(exchange.as_slice())
    );
}
