//! Hostile peers: what the suite does when a service entry points somewhere
//! it should not — an account without code (calls succeed with no return
//! data), a contract in the wrong role (unknown selectors revert), a plain
//! ERC-20 that answers `balanceOf` with its own balances, a service that
//! calls back into the running token, a facet wired into a delegatecall
//! loop. Only the master can wire services, so each case is a
//! misconfiguration or a compromised peer; the suite must refuse with a
//! typed error (`ServiceCallFailed` naming the service) or stay consistent:
//! no balance moved, supply and counters unchanged, no storage slot written
//! by a refused call.

use ds_devnet::{Failure, Receipt};
use ds_e2e::{
    abi::{self, ICompliance, IDSToken, IRegistry, ITrust},
    ids::{attribute, service},
    u, wasm, Address, Counts, Devnet, ReceiptExt, Suite, COUNTRIES, U256,
};

/// A suite with two holders: alice (US, accredited) 1,000 and bob (FR) 500.
fn holders() -> (Suite, Address, Address) {
    let mut s = Suite::new();
    s.set_countries(&COUNTRIES);
    let alice = s.new_investor("alice", "US", &[attribute::ACCREDITED]);
    let bob = s.new_investor("bob", "FR", &[]);
    s.issue(alice, 1_000).expect_ok("issue to alice");
    s.issue(bob, 500).expect_ok("issue to bob");
    (s, alice, bob)
}

/// The master points service `id` of `contract` at `to`.
fn wire(contract: Address, id: u64, to: Address, s: &mut Suite) {
    let call = ITrust::setDSServiceCall {
        service_id: u(id),
        service: to,
    };
    s.must(s.master, contract, &call);
}

/// What must not move: supply, the two balances, the counters.
fn ledger(s: &mut Suite, a: Address, b: Address) -> (U256, U256, U256, Counts) {
    (s.total_supply(), s.balance(a), s.balance(b), s.counts())
}

/// Sends `call` from `from` to `to`, which must be refused cleanly without
/// writing a single storage slot; returns the receipt.
fn refused<C: alloy_sol_types::SolCall>(
    from: Address,
    to: Address,
    call: &C,
    s: &mut Suite,
) -> Receipt {
    let before = s.net.storage_snapshot();
    let r = s.send(from, to, call);
    assert!(!r.success, "{} should be refused", C::SIGNATURE);
    assert_eq!(r.failure, Some(Failure::Reverted), "{}", r.reason());
    let changes = before.diff(&s.net.storage_snapshot());
    assert!(
        changes.is_empty(),
        "{} refused but wrote {changes:?}",
        C::SIGNATURE
    );
    r
}

/// Asserts a `ServiceCallFailed(id, address)` revert.
fn service_failed(r: &Receipt, id: u64, address: Address) {
    assert_eq!(
        r.revert_error::<abi::ServiceCallFailed>(),
        Some(abi::ServiceCallFailed {
            serviceId: u(id),
            service: address,
        }),
        "{}",
        r.outcome()
    );
}

/// The refusal of a token call whose Compliance is `peer`: Comms names the
/// selector it does not serve (`UnknownSelector`, passed on by the token),
/// a program with empty revert data gives `ServiceCallFailed`.
fn refused_by(r: &Receipt, typed: bool, peer: Address) {
    if typed {
        let err = r.revert_error::<ds_e2e::abi::exported::ICommsService::UnknownSelector>();
        assert!(err.is_some(), "{}", r.outcome());
    } else {
        service_failed(r, service::COMPLIANCE, peer);
    }
}

fn transfer_call(to: Address, value: u64) -> IDSToken::transferCall {
    IDSToken::transferCall {
        to,
        value: u(value),
    }
}

#[test]
fn compliance_without_code_fails_closed() {
    let (mut s, alice, bob) = holders();
    let token = s.token();
    let before = ledger(&mut s, alice, bob);
    let nobody = Devnet::account("compliance without code");
    wire(token, service::COMPLIANCE, nobody, &mut s);

    // every call into Compliance "succeeds" with no return data: refused
    let r = refused(alice, token, &transfer_call(bob, 10), &mut s);
    service_failed(&r, service::COMPLIANCE, nobody);
    let issue = IDSToken::issueTokensCall {
        to: alice,
        value: u(10),
    };
    let r = refused(s.issuer, token, &issue, &mut s);
    service_failed(&r, service::COMPLIANCE, nobody);
    let burn = IDSToken::burnCall {
        who: alice,
        value: u(10),
        reason: "hostile".into(),
    };
    let r = refused(s.transfer_agent, token, &burn, &mut s);
    service_failed(&r, service::COMPLIANCE, nobody);
    let check = IDSToken::preTransferCheckCall {
        from: alice,
        to: bob,
        value: u(10),
    };
    let r = s.net.call(
        s.exchange,
        token,
        &alloy_sol_types::SolCall::abi_encode(&check),
    );
    service_failed(&r, service::COMPLIANCE, nobody);

    // wired back, the suite works and nothing had moved
    wire(token, service::COMPLIANCE, s.compliance, &mut s);
    s.set_countries(&COUNTRIES);
    assert_eq!(ledger(&mut s, alice, bob), before);
    s.transfer(alice, bob, 10)
        .expect_ok("transfer once re-wired");
}

#[test]
fn compliance_in_the_wrong_role_fails_closed() {
    let (mut s, alice, bob) = holders();
    let token = s.token();
    let before = ledger(&mut s, alice, bob);
    // Comms and a plain ERC-20 know none of Compliance's selectors: they revert.
    let attacker = Devnet::account("attacker");
    let erc20 = s
        .net
        .deploy(
            &wasm("erc20_min"),
            attacker,
            &alloy_sol_types::SolValue::abi_encode(&u(1_000_000)),
        )
        .unwrap_or_else(|r| panic!("erc20_min: {}", r.outcome()));
    let comms = s.comms;
    for peer in [comms, erc20] {
        wire(token, service::COMPLIANCE, peer, &mut s);
        let r = refused(alice, token, &transfer_call(bob, 10), &mut s);
        refused_by(&r, peer == comms, peer);
        let issue = IDSToken::issueTokensCall {
            to: bob,
            value: u(10),
        };
        let r = refused(s.issuer, token, &issue, &mut s);
        refused_by(&r, peer == comms, peer);
    }
    wire(token, service::COMPLIANCE, s.compliance, &mut s);
    assert_eq!(ledger(&mut s, alice, bob), before);
}

#[test]
fn registry_without_code_or_in_the_wrong_role_fails_closed() {
    let (mut s, alice, bob) = holders();
    let token = s.token();
    let before = ledger(&mut s, alice, bob);
    let nobody = Devnet::account("registry without code");
    for peer in [nobody, s.trust] {
        wire(s.compliance, service::REGISTRY, peer, &mut s);
        // Compliance cannot learn the parties: its typed error reaches the
        // transfer's sender unchanged
        let r = refused(alice, token, &transfer_call(bob, 10), &mut s);
        service_failed(&r, service::REGISTRY, peer);
        let issue = IDSToken::issueTokensCall {
            to: bob,
            value: u(10),
        };
        let r = refused(s.issuer, token, &issue, &mut s);
        service_failed(&r, service::REGISTRY, peer);
        let check = ICompliance::preTransferCheckCall {
            from: alice,
            to: bob,
            value: u(10),
        };
        let r = s.net.call(
            s.exchange,
            s.compliance,
            &alloy_sol_types::SolCall::abi_encode(&check),
        );
        service_failed(&r, service::REGISTRY, peer);
    }
    wire(s.compliance, service::REGISTRY, s.registry, &mut s);
    assert_eq!(ledger(&mut s, alice, bob), before);
}

#[test]
fn a_trust_without_code_cannot_be_wired() {
    // Before review F-04 this wiring went through and froze the token's
    // administration for good; now the new Trust must answer as a Trust
    // that names the sender master, so nothing changes.
    let (mut s, alice, bob) = holders();
    let token = s.token();
    let before = ledger(&mut s, alice, bob);
    let nobody = Devnet::account("trust without code");
    let call = ITrust::setDSServiceCall {
        service_id: u(service::TRUST),
        service: nobody,
    };
    let r = refused(s.master, token, &call, &mut s);
    service_failed(&r, service::TRUST, nobody);
    assert_eq!(ledger(&mut s, alice, bob), before);
    // the issuance stays administrable
    let issue = IDSToken::issueTokensCall {
        to: bob,
        value: u(10),
    };
    s.must(s.issuer, token, &issue);
    s.must(s.transfer_agent, token, &IDSToken::pauseCall {});
}

#[test]
fn a_token_service_without_code_stops_wallet_changes() {
    let (mut s, alice, bob) = holders();
    let nobody = Devnet::account("token without code");
    wire(s.registry, service::DS_TOKEN, nobody, &mut s);
    let call = IRegistry::removeWalletCall {
        wallet: alice,
        id: "alice".into(),
    };
    let r = refused(s.issuer, s.registry, &call, &mut s);
    service_failed(&r, service::DS_TOKEN, nobody);
    let call = IRegistry::addWalletCall {
        wallet: s.wallet("alice 2"),
        id: "alice".into(),
    };
    let r = refused(s.issuer, s.registry, &call, &mut s);
    service_failed(&r, service::DS_TOKEN, nobody);
    assert!(s.view(s.registry, &IRegistry::isWalletCall { wallet: alice }));
    assert_eq!(s.balance(bob), u(500));
}

/// Trust boundary, pinned: the Registry believes its DS_TOKEN service for
/// the zero-balance rule of wallet removal. Wired to a plain ERC-20 (where
/// the wallet holds nothing), it lets a holding wallet go: no token moves and
/// the supply is unchanged, but the wallet is orphaned. It then sends as a
/// wallet of no investor, so Compliance never debits its former investor:
/// the investor's balance in Compliance no longer matches its wallets. Only
/// the master can create this state (by mis-wiring the Registry).
#[test]
fn a_lying_token_service_is_believed_by_the_registry() {
    let (mut s, alice, bob) = holders();
    let before = ledger(&mut s, alice, bob);
    let attacker = Devnet::account("attacker");
    let erc20 = s
        .net
        .deploy(
            &wasm("erc20_min"),
            attacker,
            &alloy_sol_types::SolValue::abi_encode(&u(1)),
        )
        .unwrap_or_else(|r| panic!("erc20_min: {}", r.outcome()));
    wire(s.registry, service::DS_TOKEN, erc20, &mut s);
    let call = IRegistry::removeWalletCall {
        wallet: alice,
        id: "alice".into(),
    };
    s.must(s.issuer, s.registry, &call);
    assert_eq!(ledger(&mut s, alice, bob), before, "no token moved");
    assert!(!s.view(s.registry, &IRegistry::isWalletCall { wallet: alice }));
    let investor_balance = |s: &mut Suite| {
        s.view(
            s.compliance,
            &ICompliance::balanceOfInvestorCall { id: "alice".into() },
        )
    };
    assert_eq!(investor_balance(&mut s), u(1_000));
    // the orphaned wallet sends as a wallet of no investor
    s.transfer(alice, bob, 10)
        .expect_ok("orphaned wallet sends");
    assert_eq!((s.balance(alice), s.total_supply()), (u(990), u(1_500)));
    assert_eq!(
        investor_balance(&mut s),
        u(1_000),
        "Compliance keeps alice's balance: it no longer matches her wallets"
    );
}

/// The devnet refuses a call back into a contract that is running, as Nitro
/// does: a Registry entry pointing at the token makes Compliance call the
/// token back in the middle of the token's transfer.
#[test]
fn re_entering_the_token_is_refused() {
    let (mut s, alice, bob) = holders();
    let token = s.token();
    let before = ledger(&mut s, alice, bob);
    wire(s.compliance, service::REGISTRY, token, &mut s);
    let r = refused(alice, token, &transfer_call(bob, 10), &mut s);
    service_failed(&r, service::REGISTRY, token);
    assert!(
        r.inner_failures
            .iter()
            .any(|f| f.failure == Failure::Reentrancy(token) && f.address == token),
        "the token refused the re-entry: {}",
        r.reason()
    );
    // the same through a view: the token asks Compliance, which calls the token back
    let check = IDSToken::preTransferCheckCall {
        from: alice,
        to: bob,
        value: u(10),
    };
    let r = s.net.call(
        s.exchange,
        token,
        &alloy_sol_types::SolCall::abi_encode(&check),
    );
    service_failed(&r, service::REGISTRY, token);
    assert!(r
        .inner_failures
        .iter()
        .any(|f| f.failure == Failure::Reentrancy(token)));
    wire(s.compliance, service::REGISTRY, s.registry, &mut s);
    assert_eq!(ledger(&mut s, alice, bob), before);
    s.transfer(alice, bob, 10)
        .expect_ok("transfer once re-wired");
}

/// Runs `f` on a thread with a 256 MiB stack: a delegatecall loop goes 242
/// frames deep before the gas runs out, and the devnet spends well over
/// 130 KiB of host stack per nested frame in a debug build, far beyond the
/// 2 MiB of a test thread (which overflows and aborts the whole process).
fn with_big_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(256 << 20)
        .spawn(f)
        .expect("thread")
        .join()
        .unwrap_or_else(|e| std::panic::resume_unwind(e));
}

/// A facet wired into a delegatecall loop (Compliance's configuration facet entry
/// pointing at the Compliance entry program, whose router sends the call to
/// the configuration facet entry again; the token's admin facet entry pointing at
/// the token itself)
/// recurses until the gas forwarded runs out, then reverts cleanly: nothing
/// written, nothing moved.
#[test]
fn facets_wired_into_a_delegatecall_loop_revert_cleanly() {
    with_big_stack(|| {
        let (mut s, alice, bob) = holders();
        let token = s.token();
        let before = ledger(&mut s, alice, bob);
        wire(
            s.compliance,
            service::COMPLIANCE_CONFIG_FACET,
            s.compliance,
            &mut s,
        );
        let call = ICompliance::setUIntRuleCall {
            index: u(0),
            value: u(1),
        };
        let r = refused(s.transfer_agent, s.compliance, &call, &mut s);
        let depth = r.inner_failures.iter().map(|f| f.depth).max().unwrap_or(0);
        assert!(
            depth > 100,
            "the loop recursed {depth} frames: {}",
            r.reason()
        );
        // The innermost frame cannot pay its program entry (out of gas);
        // every frame above it reverts cleanly.
        assert!(
            r.inner_failures
                .iter()
                .all(|f| f.failure == Failure::Reverted
                    || (f.depth == depth && f.failure == Failure::OutOfGas)),
            "every frame reverted cleanly"
        );

        wire(token, service::TOKEN_ADMIN_FACET, token, &mut s);
        let issue = IDSToken::issueTokensCall {
            to: bob,
            value: u(10),
        };
        let r = refused(s.issuer, token, &issue, &mut s);
        let depth = r.inner_failures.iter().map(|f| f.depth).max().unwrap_or(0);
        assert!(
            depth > 100,
            "the loop recursed {depth} frames: {}",
            r.reason()
        );
        // transfers stay in the token itself and still work
        assert_eq!(ledger(&mut s, alice, bob), before);
        s.transfer(alice, bob, 10).expect_ok("transfer");
    });
}
