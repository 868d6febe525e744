//! Native tests of the DS token and its admin and control facets on one test
//! host (the facets are built over the same storage, as delegatecall runs
//! them). Trust and
//! Compliance are exact call mocks; the real services are exercised end to
//! end on the devnet (`tests/`).

use super::*;
use alloy_primitives::{address, Address, B256, U256};
use alloy_sol_types::{sol, SolCall, SolEvent, SolValue};
use ds_common::{
    errors::{
        AmountTooLarge, BatchTooLarge, ERC20InsufficientBalance, ERC20InvalidReceiver,
        IssuanceRejected, LengthMismatch, OnlyRegistry, ServiceNotSet, SnapshotNotFound,
        SnapshotTooSoon, TextTooLong,
    },
    ids::role,
};
use ds_testing::MockHost;
use ds_token_admin::DSTokenAdmin;
use ds_token_control::DSTokenControl;
use ds_token_state::events::{Burn, Frozen, Issue, Pause, Seize, Snapshot, Unpause};

sol! {
    function getRole(address target) external view returns (uint8);
    function isAuthorizedApp(address app) external view returns (bool);
    function validateTransfer(address spender, address from, address to, uint256 value, uint256 from_balance, bool paused) external returns (uint256);
    function validateIssuance(address to, uint256 value, uint256 issuance_time, uint256 total_supply, uint256[] lock_values, uint64[] lock_release_times, string reason) external returns (uint256);
    function validateBurn(address who, uint256 value) external returns (bool);
    function validateSeize(address from, address to, uint256 value) external returns (bool);
    function validateForcedTransfer(address from, address to, uint256 value) external returns (bool);
    function checkTransfer(address from, address to, uint256 value, uint256 from_balance, bool paused) external view returns (uint256);
}

const TRUST: Address = address!("0000000000000000000000000000000000000001");
const COMPLIANCE: Address = address!("0000000000000000000000000000000000000008");
const MASTER: Address = address!("00000000000000000000000000000000000000a1");
const ISSUER: Address = address!("00000000000000000000000000000000000000a2");
const EXCHANGE: Address = address!("00000000000000000000000000000000000000a4");
const AGENT: Address = address!("00000000000000000000000000000000000000a8");
const NOBODY: Address = address!("00000000000000000000000000000000000000e0");
const ALICE: Address = address!("000000000000000000000000000000000000a11c");
const BOB: Address = address!("0000000000000000000000000000000000000b0b");
const CAROL: Address = address!("00000000000000000000000000000000000ca201");
const VAULT: Address = address!("00000000000000000000000000000000000fa017");

/// Every caller and the role Trust gives it.
const CALLERS: [(Address, u8); 5] = [
    (MASTER, role::MASTER),
    (ISSUER, role::ISSUER),
    (EXCHANGE, role::EXCHANGE),
    (AGENT, role::TRANSFER_AGENT),
    (NOBODY, role::NONE),
];

fn u(v: u64) -> U256 {
    U256::from(v)
}

fn revert(e: DSError) -> Revert {
    e.into()
}

/// A token with Compliance wired and every caller's role mocked.
fn deployed() -> (MockHost, DSToken) {
    let host = MockHost::new();
    host.vm.set_block_timestamp(1_000_000);
    for (who, r) in CALLERS {
        host.mock_static(
            TRUST,
            getRoleCall { target: who }.abi_encode(),
            Ok(U256::from(r).abi_encode()),
        );
    }
    let mut token = DSToken::from(&host);
    host.vm.set_sender(ds_common::deployer::STYLUS_DEPLOYER);
    token
        .constructor(TRUST, "Acme Shares".into(), "ACME".into(), 2)
        .unwrap();
    host.vm.set_sender(MASTER);
    token
        .set_ds_service(U256::from(service::COMPLIANCE), COMPLIANCE)
        .unwrap();
    host.reset_records();
    (host, token)
}

fn admin(host: &MockHost) -> DSTokenAdmin {
    DSTokenAdmin::from(host)
}

fn control(host: &MockHost) -> DSTokenControl {
    DSTokenControl::from(host)
}

/// Moves block time past the snapshot interval, so the next snapshot may be taken.
fn later(host: &MockHost) {
    let now = host.vm.block_timestamp();
    host.vm
        .set_block_timestamp(now + ds_token_control::MIN_SNAPSHOT_INTERVAL);
}

/// Compliance answers `code` to this exact transfer by `from` itself.
fn mock_transfer(
    host: &MockHost,
    from: Address,
    to: Address,
    value: u64,
    balance: u64,
    paused: bool,
    code: u64,
) {
    mock_transfer_by(host, from, from, to, value, balance, paused, code);
}

/// Compliance answers `code` to this exact transfer made by `spender`.
#[allow(clippy::too_many_arguments)]
fn mock_transfer_by(
    host: &MockHost,
    spender: Address,
    from: Address,
    to: Address,
    value: u64,
    balance: u64,
    paused: bool,
    code: u64,
) {
    let call = validateTransferCall {
        spender,
        from,
        to,
        value: u(value),
        from_balance: u(balance),
        paused,
    };
    host.mock_call(COMPLIANCE, call.abi_encode(), Ok(u(code).abi_encode()));
}

/// Compliance answers `code` to this exact plain issuance.
fn mock_issue(host: &MockHost, to: Address, value: u64, total_before: u64, code: u64) {
    let call = validateIssuanceCall {
        to,
        value: u(value),
        issuance_time: U256::ZERO,
        total_supply: u(total_before),
        lock_values: vec![],
        lock_release_times: vec![],
        reason: String::new(),
    };
    host.mock_call(COMPLIANCE, call.abi_encode(), Ok(u(code).abi_encode()));
}

fn mock_burn(host: &MockHost, who: Address, value: u64) {
    let call = validateBurnCall {
        who,
        value: u(value),
    };
    host.mock_call(COMPLIANCE, call.abi_encode(), Ok(true.abi_encode()));
}

/// Issues `value` to `to` as the issuer (Compliance accepting).
fn issue(host: &MockHost, token: &DSToken, to: Address, value: u64) {
    let total = token.total_supply().to::<u64>();
    mock_issue(host, to, value, total, 0);
    host.vm.set_sender(ISSUER);
    admin(host).issue_tokens(to, u(value)).unwrap();
}

/// `from` transfers `value` to `to` (Compliance accepting).
fn transfer(host: &MockHost, token: &mut DSToken, from: Address, to: Address, value: u64) {
    let balance = token.balance_of(from).to::<u64>();
    mock_transfer(host, from, to, value, balance, false, 0);
    host.vm.set_sender(from);
    token.transfer(to, u(value)).unwrap();
}

fn storage(host: &MockHost) -> Vec<(U256, B256)> {
    let mut slots: Vec<_> = host.vm.snapshot().storage.into_iter().collect();
    slots.sort();
    slots
}

fn logs_of<E: SolEvent>(host: &MockHost) -> Vec<E> {
    host.vm
        .get_emitted_logs()
        .into_iter()
        .filter(|(topics, _)| topics.first() == Some(&E::SIGNATURE_HASH))
        .map(|(topics, data)| E::decode_raw_log(topics, &data).unwrap())
        .collect()
}

/// Holders as listed, checked against the balances and positions.
fn holders(token: &DSToken) -> Vec<Address> {
    let count = token.wallet_count().to::<u64>();
    (1..=count)
        .map(|i| {
            let wallet = token.get_wallet_at(u(i)).unwrap();
            let account = token.state.ledger.account(wallet);
            assert_eq!(account.position, i, "position of {wallet}");
            assert_ne!(account.balance, 0, "listed holder {wallet} has a balance");
            wallet
        })
        .collect()
}

// ----- metadata and wiring ----------------------------------------------------

#[test]
fn constructor_sets_metadata_and_refuses_oversized_text() {
    let (_, token) = deployed();
    assert_eq!(token.name(), "Acme Shares");
    assert_eq!(token.symbol(), "ACME");
    assert_eq!(token.decimals(), 2);
    assert_eq!(token.total_supply(), U256::ZERO);

    let host = MockHost::new();
    let mut fresh = DSToken::from(&host);
    host.vm.set_sender(ds_common::deployer::STYLUS_DEPLOYER);
    let long = "x".repeat(ds_common::text::MAX_TEXT + 1);
    let err = fresh.constructor(TRUST, long, "X".into(), 0).unwrap_err();
    assert!(matches!(err, DSError::TextTooLong(TextTooLong { .. })));
    assert!(storage(&host).is_empty(), "nothing written");
}

#[test]
fn compliance_is_copied_into_the_hot_word_and_required() {
    let (_host, token) = deployed();
    assert_eq!(token.state.ledger.hot().compliance, COMPLIANCE);
    assert_eq!(
        token.get_ds_service(U256::from(service::COMPLIANCE)),
        COMPLIANCE
    );

    let bare = MockHost::new();
    let mut unwired = DSToken::from(&bare);
    bare.vm.set_sender(ds_common::deployer::STYLUS_DEPLOYER);
    unwired
        .constructor(TRUST, "A".into(), "A".into(), 0)
        .unwrap();
    bare.vm.set_sender(ALICE);
    let err = unwired.transfer(BOB, u(1)).unwrap_err();
    assert_eq!(
        err,
        revert(DSError::ServiceNotSet(ServiceNotSet {
            serviceId: U256::from(service::COMPLIANCE)
        }))
    );
}

#[test]
fn only_master_sets_services() {
    for (who, r) in CALLERS {
        let (host, mut token) = deployed();
        host.vm.set_sender(who);
        let result = token.set_ds_service(U256::from(service::REGISTRY), CAROL);
        if r == role::MASTER {
            assert_eq!(result, Ok(true));
        } else {
            assert_eq!(result, Err(DSError::unauthorized(who, r)));
            assert!(token
                .get_ds_service(U256::from(service::REGISTRY))
                .is_zero());
        }
    }
}

#[test]
fn supports_its_interfaces_only() {
    let (_, token) = deployed();
    for id in standards::SUPPORTED {
        assert!(token.supports_interface(id.to_be_bytes().into()), "{id:#x}");
    }
    assert!(!token.supports_interface([0xff; 4].into()));
    assert!(!token.supports_interface([0; 4].into()));
}

// ----- issuance --------------------------------------------------------------

#[test]
fn issuance_roles() {
    for (who, r) in CALLERS {
        let (host, token) = deployed();
        mock_issue(&host, ALICE, 100, 0, 0);
        host.vm.set_sender(who);
        let before = storage(&host);
        let result = admin(&host).issue_tokens(ALICE, u(100));
        if role::ISSUER_OR_ABOVE.contains(&r) {
            assert_eq!(result, Ok(true), "{who}");
            assert_eq!(token.balance_of(ALICE), u(100));
        } else {
            assert_eq!(result, Err(revert(DSError::unauthorized(who, r))));
            assert_eq!(storage(&host), before, "nothing written");
        }
    }
}

#[test]
fn issuance_mints_lists_and_emits() {
    let (host, token) = deployed();
    issue(&host, &token, ALICE, 100);
    issue(&host, &token, BOB, 50);
    issue(&host, &token, ALICE, 10);
    assert_eq!(token.balance_of(ALICE), u(110));
    assert_eq!(token.total_supply(), u(160));
    assert_eq!(token.total_issued(), u(160));
    assert_eq!(holders(&token), vec![ALICE, BOB]);
    let issues = logs_of::<Issue>(&host);
    assert_eq!(issues.len(), 3);
    assert_eq!(
        (issues[0].to, issues[0].value, issues[0].valueLocked),
        (ALICE, u(100), U256::ZERO)
    );
    let transfers = logs_of::<Transfer>(&host);
    assert_eq!(
        (transfers[1].from, transfers[1].to, transfers[1].value),
        (Address::ZERO, BOB, u(50))
    );
}

#[test]
fn issuance_passes_locks_to_compliance_and_reports_the_locked_value() {
    let (host, _token) = deployed();
    let call = validateIssuanceCall {
        to: ALICE,
        value: u(100),
        issuance_time: u(5),
        total_supply: U256::ZERO,
        lock_values: vec![u(30), u(20)],
        lock_release_times: vec![2_000_000, 0],
        reason: "vesting".into(),
    };
    host.mock_call(COMPLIANCE, call.abi_encode(), Ok(U256::ZERO.abi_encode()));
    host.vm.set_sender(ISSUER);
    let ok = admin(&host).issue_tokens_with_multiple_locks(
        ALICE,
        u(100),
        u(5),
        vec![u(30), u(20)],
        "vesting".into(),
        vec![2_000_000, 0],
    );
    assert_eq!(ok, Ok(true));
    assert_eq!(logs_of::<Issue>(&host)[0].valueLocked, u(50));

    let err = admin(&host).issue_tokens_with_multiple_locks(
        ALICE,
        u(1),
        U256::ZERO,
        vec![u(1)],
        String::new(),
        vec![],
    );
    assert_eq!(
        err,
        Err(revert(DSError::LengthMismatch(LengthMismatch {
            left: u(1),
            right: u(0)
        })))
    );
}

#[test]
fn refused_issuance_carries_the_code_and_writes_nothing() {
    let (host, token) = deployed();
    mock_issue(
        &host,
        CAROL,
        100,
        0,
        u64::from(codes::WALLET_NOT_IN_REGISTRY_SERVICE),
    );
    host.vm.set_sender(ISSUER);
    let before = storage(&host);
    let err = admin(&host).issue_tokens(CAROL, u(100)).unwrap_err();
    assert_eq!(
        err,
        revert(DSError::IssuanceRejected(IssuanceRejected {
            code: u(20),
            reason: "Wallet not in registry service".into(),
        }))
    );
    assert_eq!(storage(&host), before);
    assert_eq!(token.total_supply(), U256::ZERO);
}

#[test]
fn issuance_bad_input_is_typed() {
    let (host, _token) = deployed();
    host.vm.set_sender(ISSUER);
    let mut facet = admin(&host);
    assert_eq!(
        facet.issue_tokens(Address::ZERO, u(1)),
        Err(revert(DSError::ERC20InvalidReceiver(
            ERC20InvalidReceiver {
                receiver: Address::ZERO
            }
        )))
    );
    let huge = U256::from(u128::MAX) + u(1);
    assert_eq!(
        facet.issue_tokens(ALICE, huge),
        Err(revert(DSError::AmountTooLarge(AmountTooLarge {
            amount: huge
        })))
    );
    assert!(
        host.calls().iter().all(|c| c.to != COMPLIANCE),
        "refused before asking Compliance"
    );
}

#[test]
fn supply_cannot_overflow() {
    let (host, token) = deployed();
    let max = u128::MAX;
    let call = validateIssuanceCall {
        to: ALICE,
        value: U256::from(max),
        issuance_time: U256::ZERO,
        total_supply: U256::ZERO,
        lock_values: vec![],
        lock_release_times: vec![],
        reason: String::new(),
    };
    host.mock_call(COMPLIANCE, call.abi_encode(), Ok(U256::ZERO.abi_encode()));
    host.vm.set_sender(ISSUER);
    admin(&host).issue_tokens(ALICE, U256::from(max)).unwrap();
    assert_eq!(token.total_supply(), U256::from(max));
    let err = admin(&host).issue_tokens(BOB, u(1)).unwrap_err();
    assert_eq!(
        err,
        revert(DSError::AmountTooLarge(AmountTooLarge { amount: u(1) }))
    );
}

#[test]
fn bulk_issuance_bounds() {
    let (host, token) = deployed();
    host.vm.set_sender(ISSUER);
    let mut facet = admin(&host);
    let too_many = vec![ALICE; 31];
    assert_eq!(
        facet.bulk_issuance(too_many, vec![u(1); 31], U256::ZERO),
        Err(revert(DSError::BatchTooLarge(BatchTooLarge {
            length: u(31),
            max: u(30)
        })))
    );
    assert_eq!(
        facet.bulk_issuance(vec![ALICE, BOB], vec![u(1)], U256::ZERO),
        Err(revert(DSError::LengthMismatch(LengthMismatch {
            left: u(2),
            right: u(1)
        })))
    );
    mock_issue(&host, ALICE, 10, 0, 0);
    mock_issue(&host, BOB, 20, 10, 0);
    assert_eq!(
        facet.bulk_issuance(vec![ALICE, BOB], vec![u(10), u(20)], U256::ZERO),
        Ok(true)
    );
    assert_eq!(token.total_supply(), u(30));
    assert_eq!(holders(&token), vec![ALICE, BOB]);
}

// ----- transfers -------------------------------------------------------------

#[test]
fn transfer_moves_and_keeps_the_holder_list_exact() {
    let (host, mut token) = deployed();
    issue(&host, &token, ALICE, 100);
    issue(&host, &token, BOB, 100);
    issue(&host, &token, CAROL, 100);
    transfer(&host, &mut token, ALICE, BOB, 100); // Alice leaves: Carol takes position 1
    assert_eq!(holders(&token), vec![CAROL, BOB]);
    transfer(&host, &mut token, BOB, VAULT, 1); // Vault joins
    assert_eq!(holders(&token), vec![CAROL, BOB, VAULT]);
    transfer(&host, &mut token, VAULT, ALICE, 1); // last leaves, Alice joins
    assert_eq!(holders(&token), vec![CAROL, BOB, ALICE]);
    assert_eq!(token.balance_of(BOB), u(199));
    assert_eq!(token.total_supply(), u(300));
    let last = logs_of::<Transfer>(&host).pop().unwrap();
    assert_eq!((last.from, last.to, last.value), (VAULT, ALICE, u(1)));
}

#[test]
fn one_compliance_call_per_transfer() {
    let (host, mut token) = deployed();
    issue(&host, &token, ALICE, 100);
    host.reset_records();
    transfer(&host, &mut token, ALICE, BOB, 10);
    let calls = host.calls();
    assert_eq!(calls.len(), 1, "{calls:?}");
    assert_eq!(calls[0].to, COMPLIANCE);
}

#[test]
fn refused_transfer_carries_the_code_and_writes_nothing() {
    for code in codes::ALL.into_iter().filter(|c| *c != codes::VALID) {
        let (host, mut token) = deployed();
        issue(&host, &token, ALICE, 100);
        mock_transfer(&host, ALICE, BOB, 10, 100, false, u64::from(code));
        host.vm.set_sender(ALICE);
        let before = storage(&host);
        let err = token.transfer(BOB, u(10)).unwrap_err();
        assert_eq!(
            err,
            revert(DSError::TransferRejected(TransferRejected {
                code: U256::from(code),
                reason: codes::reason(code).into(),
            })),
            "code {code}"
        );
        assert_eq!(storage(&host), before, "code {code}: nothing written");
    }
}

#[test]
fn compliance_revert_data_is_passed_on_unchanged() {
    let (host, mut token) = deployed();
    issue(&host, &token, ALICE, 100);
    let call = validateTransferCall {
        spender: ALICE,
        from: ALICE,
        to: BOB,
        value: u(1),
        from_balance: u(100),
        paused: false,
    };
    host.mock_call(COMPLIANCE, call.abi_encode(), Err(vec![0xde, 0xad]));
    host.vm.set_sender(ALICE);
    assert_eq!(token.transfer(BOB, u(1)), Err(vec![0xde, 0xad]));
}

#[test]
fn transfer_bad_input() {
    let (host, mut token) = deployed();
    issue(&host, &token, ALICE, 100);
    host.vm.set_sender(ALICE);
    assert_eq!(
        token.transfer(Address::ZERO, u(1)),
        Err(revert(DSError::ERC20InvalidReceiver(
            ERC20InvalidReceiver {
                receiver: Address::ZERO
            }
        )))
    );
    // Defence in depth: even if Compliance accepted it, no balance goes negative.
    mock_transfer(&host, ALICE, BOB, 101, 100, false, 0);
    assert_eq!(
        token.transfer(BOB, u(101)),
        Err(revert(DSError::ERC20InsufficientBalance(
            ERC20InsufficientBalance {
                sender: ALICE,
                balance: u(100),
                needed: u(101),
            }
        )))
    );
    assert_eq!(token.balance_of(ALICE), u(100));
}

#[test]
fn self_and_zero_value_transfers_change_nothing_but_emit() {
    let (host, mut token) = deployed();
    issue(&host, &token, ALICE, 100);
    transfer(&host, &mut token, ALICE, ALICE, 40);
    transfer(&host, &mut token, ALICE, BOB, 0);
    assert_eq!(token.balance_of(ALICE), u(100));
    assert_eq!(token.balance_of(BOB), U256::ZERO);
    assert_eq!(holders(&token), vec![ALICE]);
    assert_eq!(logs_of::<Transfer>(&host).len(), 3);
}

// ----- allowance (audit C-1) -----------------------------------------------------

#[test]
fn transfer_from_enforces_and_spends_the_allowance() {
    let (host, mut token) = deployed();
    issue(&host, &token, ALICE, 100);
    host.vm.set_sender(BOB);
    let err = token.transfer_from(ALICE, CAROL, u(1)).unwrap_err();
    assert_eq!(
        err,
        revert(DSError::ERC20InsufficientAllowance(
            ERC20InsufficientAllowance {
                spender: BOB,
                allowance: U256::ZERO,
                needed: u(1),
            }
        ))
    );
    host.vm.set_sender(ALICE);
    assert_eq!(token.approve(BOB, u(30)), Ok(true));
    let approval = logs_of::<Approval>(&host).pop().unwrap();
    assert_eq!(
        (approval.owner, approval.spender, approval.value),
        (ALICE, BOB, u(30))
    );

    mock_transfer_by(&host, BOB, ALICE, CAROL, 20, 100, false, 0);
    host.vm.set_sender(BOB);
    assert_eq!(token.transfer_from(ALICE, CAROL, u(20)), Ok(true));
    assert_eq!(token.allowance(ALICE, BOB), u(10));
    assert_eq!(token.balance_of(CAROL), u(20));
    assert!(
        token.transfer_from(ALICE, CAROL, u(11)).is_err(),
        "beyond the rest"
    );

    // A refused transfer spends nothing.
    mock_transfer_by(
        &host,
        BOB,
        ALICE,
        CAROL,
        10,
        80,
        false,
        u64::from(codes::TOKENS_LOCKED),
    );
    assert!(token.transfer_from(ALICE, CAROL, u(10)).is_err());
    assert_eq!(token.allowance(ALICE, BOB), u(10));
}

#[test]
fn unlimited_allowance_is_never_spent_and_zero_spender_refused() {
    let (host, mut token) = deployed();
    issue(&host, &token, ALICE, 100);
    host.vm.set_sender(ALICE);
    token.approve(BOB, U256::MAX).unwrap();
    assert_eq!(
        token.approve(Address::ZERO, u(1)),
        Err(DSError::ERC20InvalidSpender(ERC20InvalidSpender {
            spender: Address::ZERO
        }))
    );
    mock_transfer_by(&host, BOB, ALICE, CAROL, 60, 100, false, 0);
    host.vm.set_sender(BOB);
    token.transfer_from(ALICE, CAROL, u(60)).unwrap();
    assert_eq!(token.allowance(ALICE, BOB), U256::MAX);
}

#[test]
fn increase_and_decrease_approval_move_the_allowance_as_ds() {
    let (host, mut token) = deployed();
    host.vm.set_sender(ALICE);
    assert_eq!(token.increase_approval(BOB, u(30)), Ok(true));
    assert_eq!(token.increase_approval(BOB, u(12)), Ok(true));
    assert_eq!(token.allowance(ALICE, BOB), u(42));
    let approval = logs_of::<Approval>(&host).pop().unwrap();
    assert_eq!(
        (approval.owner, approval.spender, approval.value),
        (ALICE, BOB, u(42))
    );
    assert_eq!(token.decrease_approval(BOB, u(2)), Ok(true));
    assert_eq!(token.allowance(ALICE, BOB), u(40));
    // More than the allowance: to zero, as DS.
    assert_eq!(token.decrease_approval(BOB, u(41)), Ok(true));
    assert_eq!(token.allowance(ALICE, BOB), U256::ZERO);
    assert_eq!(logs_of::<Approval>(&host).pop().unwrap().value, U256::ZERO);
    // Raising an unlimited allowance keeps it unlimited.
    token.approve(CAROL, U256::MAX).unwrap();
    token.increase_approval(CAROL, u(1)).unwrap();
    assert_eq!(token.allowance(ALICE, CAROL), U256::MAX);
    // The zero spender is refused, nothing written.
    let err = || {
        DSError::ERC20InvalidSpender(ERC20InvalidSpender {
            spender: Address::ZERO,
        })
    };
    assert_eq!(token.increase_approval(Address::ZERO, u(1)), Err(err()));
    assert_eq!(token.decrease_approval(Address::ZERO, u(1)), Err(err()));
    assert_eq!(token.allowance(ALICE, Address::ZERO), U256::ZERO);
}

// ----- burn, seize, forced transfer ---------------------------------------------

#[test]
fn burn_roles_balance_and_events() {
    for (who, r) in CALLERS {
        let (host, token) = deployed();
        issue(&host, &token, ALICE, 100);
        mock_burn(&host, ALICE, 100);
        host.vm.set_sender(who);
        let before = storage(&host);
        let result = admin(&host).burn(ALICE, u(100), "redemption".into());
        if role::ISSUER_OR_TRANSFER_AGENT_OR_ABOVE.contains(&r) {
            assert_eq!(result, Ok(true));
            assert_eq!(token.total_supply(), U256::ZERO);
            assert_eq!(token.total_issued(), u(100), "issued never decreases");
            assert!(holders(&token).is_empty());
            let burn = logs_of::<Burn>(&host).pop().unwrap();
            assert_eq!(
                (burn.burner, burn.value, burn.reason.as_str()),
                (ALICE, u(100), "redemption")
            );
        } else {
            assert_eq!(result, Err(revert(DSError::unauthorized(who, r))));
            assert_eq!(storage(&host), before);
        }
    }
    let (host, _token) = deployed();
    host.vm.set_sender(AGENT);
    assert_eq!(
        admin(&host).burn(ALICE, u(1), String::new()),
        Err(revert(DSError::ERC20InsufficientBalance(
            ERC20InsufficientBalance {
                sender: ALICE,
                balance: U256::ZERO,
                needed: u(1),
            }
        )))
    );
}

#[test]
fn seize_and_forced_transfer_roles_and_moves() {
    for (who, r) in CALLERS {
        let (host, token) = deployed();
        issue(&host, &token, ALICE, 100);
        let seize = validateSeizeCall {
            from: ALICE,
            to: VAULT,
            value: u(40),
        };
        host.mock_call(COMPLIANCE, seize.abi_encode(), Ok(true.abi_encode()));
        let forced = validateForcedTransferCall {
            from: ALICE,
            to: BOB,
            value: u(60),
        };
        host.mock_call(COMPLIANCE, forced.abi_encode(), Ok(true.abi_encode()));
        host.vm.set_sender(who);
        let before = storage(&host);
        let seized = control(&host).seize(ALICE, VAULT, u(40), "court order".into());
        let moved = control(&host).forced_transfer(ALICE, BOB, u(60));
        if role::TRANSFER_AGENT_OR_ABOVE.contains(&r) {
            assert_eq!((seized, moved), (Ok(true), Ok(true)));
            assert_eq!(token.balance_of(VAULT), u(40));
            assert_eq!(token.balance_of(BOB), u(60));
            assert_eq!(
                holders(&token),
                vec![VAULT, BOB],
                "Alice left: Vault moved up"
            );
            let s = logs_of::<Seize>(&host).pop().unwrap();
            assert_eq!((s.from, s.to, s.value), (ALICE, VAULT, u(40)));
            let f = logs_of::<ds_token_state::events::ForcedTransfer>(&host)
                .pop()
                .unwrap();
            assert_eq!((f.from, f.to, f.amount), (ALICE, BOB, u(60)));
        } else {
            let refused = Err(revert(DSError::unauthorized(who, r)));
            assert_eq!((seized, moved), (refused.clone(), refused));
            assert_eq!(storage(&host), before);
        }
    }
}

#[test]
fn seize_refused_by_compliance_writes_nothing() {
    let (host, token) = deployed();
    issue(&host, &token, ALICE, 100);
    let seize = validateSeizeCall {
        from: ALICE,
        to: BOB,
        value: u(1),
    };
    host.mock_call(COMPLIANCE, seize.abi_encode(), Err(vec![1, 2, 3, 4]));
    host.vm.set_sender(AGENT);
    let before = storage(&host);
    assert_eq!(
        control(&host).seize(ALICE, BOB, u(1), String::new()),
        Err(vec![1, 2, 3, 4])
    );
    assert_eq!(storage(&host), before);
}

#[test]
fn enforcement_bad_input_is_typed_and_writes_nothing() {
    let (host, token) = deployed();
    issue(&host, &token, ALICE, 100);
    host.vm.set_sender(AGENT);
    host.reset_records();
    let before = storage(&host);
    let zero_receiver = Err(revert(DSError::ERC20InvalidReceiver(
        ERC20InvalidReceiver {
            receiver: Address::ZERO,
        },
    )));
    assert_eq!(
        control(&host).seize(ALICE, Address::ZERO, u(1), String::new()),
        zero_receiver
    );
    assert_eq!(
        control(&host).forced_transfer(ALICE, Address::ZERO, u(1)),
        zero_receiver
    );
    assert_eq!(
        control(&host).forced_transfer(ALICE, BOB, u(101)),
        Err(revert(DSError::ERC20InsufficientBalance(
            ERC20InsufficientBalance {
                sender: ALICE,
                balance: u(100),
                needed: u(101),
            }
        )))
    );
    assert_eq!(
        control(&host).set_frozen_tokens(Address::ZERO, u(1)),
        Err(DSError::zero_address())
    );
    assert_eq!(storage(&host), before);
    assert!(host.calls().iter().all(|c| c.to != COMPLIANCE));
}

// ----- ERC-7943 freeze, pause --------------------------------------------------------

#[test]
fn frozen_tokens_cannot_move_until_unfrozen() {
    let (host, mut token) = deployed();
    issue(&host, &token, ALICE, 100);
    host.vm.set_sender(ISSUER);
    assert_eq!(
        control(&host).set_frozen_tokens(ALICE, u(70)),
        Err(DSError::unauthorized(ISSUER, role::ISSUER))
    );
    host.vm.set_sender(AGENT);
    assert_eq!(control(&host).set_frozen_tokens(ALICE, u(70)), Ok(true));
    assert_eq!(token.get_frozen_tokens(ALICE), u(70));
    assert_eq!(logs_of::<Frozen>(&host).pop().unwrap().amount, u(70));

    host.reset_records();
    host.vm.set_sender(ALICE);
    assert_eq!(
        token.transfer(BOB, u(31)),
        Err(revert(DSError::ERC7943InsufficientUnfrozenBalance(
            ERC7943InsufficientUnfrozenBalance {
                account: ALICE,
                amount: u(31),
                unfrozen: u(30),
            }
        )))
    );
    assert!(host.calls().is_empty(), "refused before asking Compliance");
    transfer(&host, &mut token, ALICE, BOB, 30);

    // A burn of frozen tokens lowers the frozen amount to the balance.
    mock_burn(&host, ALICE, 50);
    host.vm.set_sender(AGENT);
    admin(&host).burn(ALICE, u(50), String::new()).unwrap();
    assert_eq!(token.get_frozen_tokens(ALICE), u(20));
    control(&host).set_frozen_tokens(ALICE, U256::ZERO).unwrap();
    assert!(!token.state.ledger.account(ALICE).frozen, "flag cleared");
}

#[test]
fn pause_roles_events_and_flag_passed_to_compliance() {
    for (who, r) in CALLERS {
        let (host, token) = deployed();
        host.vm.set_sender(who);
        let result = control(&host).pause();
        if role::TRANSFER_AGENT_OR_ABOVE.contains(&r) {
            assert_eq!(result, Ok(()));
            assert!(token.is_paused());
            assert_eq!(logs_of::<Pause>(&host).len(), 1);
            control(&host).pause().unwrap();
            assert_eq!(
                logs_of::<Pause>(&host).len(),
                1,
                "no event without a change"
            );
        } else {
            assert_eq!(result, Err(DSError::unauthorized(who, r)));
            assert!(!token.is_paused());
        }
    }
    let (host, mut token) = deployed();
    issue(&host, &token, ALICE, 100);
    host.vm.set_sender(AGENT);
    control(&host).pause().unwrap();
    mock_transfer(
        &host,
        ALICE,
        BOB,
        1,
        100,
        true,
        u64::from(codes::TOKEN_PAUSED),
    );
    host.vm.set_sender(ALICE);
    let err = token.transfer(BOB, u(1)).unwrap_err();
    assert_eq!(
        err,
        revert(DSError::TransferRejected(TransferRejected {
            code: u(10),
            reason: codes::reason(10).into(),
        }))
    );
    host.vm.set_sender(AGENT);
    control(&host).unpause().unwrap();
    assert!(!token.is_paused());
    assert_eq!(logs_of::<Unpause>(&host).len(), 1);
}

// ----- checks and views ---------------------------------------------------------------

#[test]
fn pre_transfer_check_reports_frozen_tokens_as_locked() {
    let (host, token) = deployed();
    issue(&host, &token, ALICE, 100);
    let check = |value: u64| checkTransferCall {
        from: ALICE,
        to: BOB,
        value: u(value),
        from_balance: u(100),
        paused: false,
    };
    for v in [10, 95] {
        host.mock_static(
            COMPLIANCE,
            check(v).abi_encode(),
            Ok(U256::ZERO.abi_encode()),
        );
    }
    assert_eq!(
        token.pre_transfer_check(ALICE, BOB, u(95)),
        Ok((U256::ZERO, "Valid".into()))
    );
    host.vm.set_sender(AGENT);
    control(&host).set_frozen_tokens(ALICE, u(10)).unwrap();
    assert_eq!(
        token.pre_transfer_check(ALICE, BOB, u(95)),
        Ok((u(16), "Tokens locked".into()))
    );
    assert_eq!(token.detect_transfer_restriction(ALICE, BOB, u(10)), Ok(0));
    assert_eq!(token.can_transfer(ALICE, BOB, u(95)), Ok(false));
    assert_eq!(token.message_for_transfer_restriction(16), "Tokens locked");
}

#[test]
fn get_wallet_at_is_one_based_and_bounded() {
    let (host, token) = deployed();
    issue(&host, &token, ALICE, 1);
    assert_eq!(token.get_wallet_at(u(1)), Ok(ALICE));
    for bad in [0, 2] {
        assert_eq!(
            token.get_wallet_at(u(bad)),
            Err(DSError::IndexOutOfRange(IndexOutOfRange {
                index: u(bad),
                count: u(1)
            }))
        );
    }
}

// ----- storage reserved at registration -------------------------------------------------------

const REGISTRY: Address = address!("0000000000000000000000000000000000000004");

/// Non-zero storage keys.
fn live_keys(host: &MockHost) -> std::collections::BTreeSet<U256> {
    storage(host)
        .into_iter()
        .filter(|(_, v)| !v.is_zero())
        .map(|(k, _)| k)
        .collect()
}

#[test]
fn only_the_registry_reserves_wallets() {
    let (host, mut token) = deployed();
    token
        .set_ds_service(U256::from(service::REGISTRY), REGISTRY)
        .unwrap();
    let before = storage(&host);
    for (caller, _) in CALLERS {
        host.vm.set_sender(caller);
        assert_eq!(
            control(&host).reserve_wallet(ALICE),
            Err(DSError::OnlyRegistry(OnlyRegistry { caller }))
        );
    }
    assert_eq!(storage(&host), before);
    host.vm.set_sender(REGISTRY);
    assert_eq!(control(&host).reserve_wallet(ALICE), Ok(U256::ZERO));
    assert_eq!(
        live_keys(&host).len(),
        before.len() + 4,
        "account, list slot, count, one checkpoint slot ahead"
    );
    let reserved = storage(&host);
    assert_eq!(control(&host).reserve_wallet(ALICE), Ok(U256::ZERO));
    assert_eq!(storage(&host), reserved, "reserving twice writes nothing");
}

#[test]
fn a_reserved_wallet_receives_without_fresh_slots_and_keeps_them_when_emptied() {
    let (host, mut token) = deployed();
    token
        .set_ds_service(U256::from(service::REGISTRY), REGISTRY)
        .unwrap();
    host.vm.set_sender(REGISTRY);
    control(&host).reserve_wallet(ALICE).unwrap();
    let keys = live_keys(&host);
    issue(&host, &token, ALICE, 10);
    let fresh: Vec<_> = live_keys(&host).difference(&keys).copied().collect();
    assert_eq!(fresh.len(), 1, "only the supply word is new: {fresh:?}");
    // A wallet never reserved takes two fresh slots (account, list entry).
    let keys = live_keys(&host);
    issue(&host, &token, BOB, 5);
    assert_eq!(live_keys(&host).difference(&keys).count(), 2);
    assert_eq!(holders(&token), vec![ALICE, BOB]);
    // Emptied: unlisted, but no slot goes back to zero.
    let keys = live_keys(&host);
    transfer(&host, &mut token, ALICE, BOB, 10);
    assert_eq!(live_keys(&host), keys);
    assert_eq!(holders(&token), vec![BOB]);
    assert_eq!(token.state.ledger.holder_at(u(2)), Address::ZERO);
    assert_eq!(token.state.ledger.account(ALICE), Default::default());
    // The registry asks again: the balance is reported, nothing written.
    host.vm.set_sender(REGISTRY);
    let before = storage(&host);
    assert_eq!(control(&host).reserve_wallet(BOB), Ok(u(15)));
    assert_eq!(storage(&host), before);
    // A re-listed wallet lands in the kept slot.
    transfer(&host, &mut token, BOB, ALICE, 1);
    assert_eq!(live_keys(&host), keys);
    assert_eq!(holders(&token), vec![BOB, ALICE]);
}

// ----- snapshots ---------------------------------------------------------------------

const APP: Address = address!("00000000000000000000000000000000000000ab");

#[test]
fn snapshots_are_taken_by_issuers_and_authorised_apps_only() {
    let (host, _token) = deployed();
    host.mock_static(
        TRUST,
        getRoleCall { target: APP }.abi_encode(),
        Ok(U256::from(role::NONE).abi_encode()),
    );
    for (who, authorised) in [
        (APP, true),
        (EXCHANGE, false),
        (AGENT, false),
        (NOBODY, false),
    ] {
        host.mock_static(
            TRUST,
            isAuthorizedAppCall { app: who }.abi_encode(),
            Ok(authorised.abi_encode()),
        );
    }
    let before = storage(&host);
    for (caller, r) in [
        (EXCHANGE, role::EXCHANGE),
        (AGENT, role::TRANSFER_AGENT),
        (NOBODY, role::NONE),
    ] {
        host.vm.set_sender(caller);
        assert_eq!(
            control(&host).snapshot(),
            Err(DSError::unauthorized(caller, r)),
            "{caller}"
        );
    }
    assert_eq!(storage(&host), before);
    assert!(logs_of::<Snapshot>(&host).is_empty());
    for (n, caller) in [ISSUER, MASTER, APP].into_iter().enumerate() {
        host.vm.set_sender(caller);
        assert_eq!(control(&host).snapshot(), Ok(u(n as u64 + 1)));
        // at most one an hour (review F-09)
        let next = host.vm.block_timestamp() + ds_token_control::MIN_SNAPSHOT_INTERVAL;
        assert_eq!(
            control(&host).snapshot(),
            Err(DSError::SnapshotTooSoon(SnapshotTooSoon {
                nextAllowed: u(next)
            }))
        );
        later(&host);
    }
    let ids: Vec<U256> = logs_of::<Snapshot>(&host).iter().map(|e| e.id).collect();
    assert_eq!(ids, vec![u(1), u(2), u(3)]);
}

/// The snapshot counter lives in 24 bits of the hot word: past the last id
/// a snapshot is refused with `SnapshotLimitReached(max)` and nothing is
/// written (issue 22: never tested before).
#[test]
fn snapshots_stop_at_the_last_id() {
    use ds_common::errors::SnapshotLimitReached;
    use ds_token_state::words::MAX_SNAPSHOT_ID;
    let (host, mut token) = deployed();
    let mut hot = token.state.ledger.hot();
    hot.snapshot = MAX_SNAPSHOT_ID - 1;
    token.state.ledger.set_hot(&hot);
    host.vm.set_sender(ISSUER);
    assert_eq!(control(&host).snapshot(), Ok(u(MAX_SNAPSHOT_ID.into())));
    later(&host);
    let before = storage(&host);
    let logs = host.vm.get_emitted_logs().len();
    assert_eq!(
        control(&host).snapshot(),
        Err(DSError::SnapshotLimitReached(SnapshotLimitReached {
            max: u(MAX_SNAPSHOT_ID.into())
        }))
    );
    assert_eq!(storage(&host), before, "nothing written");
    assert_eq!(host.vm.get_emitted_logs().len(), logs, "nothing logged");
}

#[test]
fn balances_at_a_snapshot_survive_every_kind_of_move() {
    let (host, mut token) = deployed();
    issue(&host, &token, ALICE, 100);
    host.vm.set_sender(ISSUER);
    control(&host).snapshot().unwrap(); // 1: alice 100
    transfer(&host, &mut token, ALICE, BOB, 30);
    issue(&host, &token, CAROL, 5);
    later(&host);
    host.vm.set_sender(ISSUER);
    control(&host).snapshot().unwrap(); // 2: alice 70, bob 30, carol 5
    mock_burn(&host, BOB, 10);
    host.vm.set_sender(AGENT);
    admin(&host).burn(BOB, u(10), String::new()).unwrap();
    let seize = validateSeizeCall {
        from: ALICE,
        to: VAULT,
        value: u(70),
    };
    host.mock_call(COMPLIANCE, seize.abi_encode(), Ok(true.abi_encode()));
    control(&host)
        .seize(ALICE, VAULT, u(70), String::new())
        .unwrap();
    let at = |t: &DSToken, w, id| t.balance_of_at(w, u(id)).unwrap().to::<u64>();
    assert_eq!(
        [
            at(&token, ALICE, 1),
            at(&token, BOB, 1),
            at(&token, CAROL, 1)
        ],
        [100, 0, 0]
    );
    assert_eq!(
        [
            at(&token, ALICE, 2),
            at(&token, BOB, 2),
            at(&token, CAROL, 2)
        ],
        [70, 30, 5]
    );
    assert_eq!(at(&token, VAULT, 2), 0);
    assert_eq!(token.total_supply_at(u(1)), Ok(u(100)));
    assert_eq!(token.total_supply_at(u(2)), Ok(u(105)));
    assert_eq!(token.total_supply(), u(95));
    for bad in [0, 3] {
        assert_eq!(
            token.balance_of_at(ALICE, u(bad)),
            Err(DSError::SnapshotNotFound(SnapshotNotFound {
                id: u(bad),
                current: u(2)
            }))
        );
        assert!(token.total_supply_at(u(bad)).is_err());
    }
}

#[test]
fn without_a_snapshot_a_transfer_writes_no_checkpoint() {
    let (host, mut token) = deployed();
    issue(&host, &token, ALICE, 10);
    issue(&host, &token, BOB, 10);
    let keys = live_keys(&host);
    transfer(&host, &mut token, ALICE, BOB, 1);
    assert_eq!(live_keys(&host), keys);
    // After a snapshot: one checkpoint per side, once.
    host.vm.set_sender(ISSUER);
    control(&host).snapshot().unwrap();
    let keys = live_keys(&host);
    transfer(&host, &mut token, ALICE, BOB, 1);
    assert_eq!(live_keys(&host).difference(&keys).count(), 2);
    let keys = live_keys(&host);
    transfer(&host, &mut token, ALICE, BOB, 1);
    assert_eq!(live_keys(&host), keys);
}

// ----- invariants -------------------------------------------------------------------------

mod invariants {
    use super::*;
    use proptest::prelude::*;

    const WALLETS: [Address; 4] = [ALICE, BOB, CAROL, VAULT];

    #[derive(Clone, Debug)]
    enum Op {
        Issue(usize, u64),
        Transfer(usize, usize, u64),
        Burn(usize, u64),
        Forced(usize, usize, u64),
        Snapshot,
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            (0..4usize, 0..50u64).prop_map(|(w, v)| Op::Issue(w, v)),
            (0..4usize, 0..4usize, 0..60u64).prop_map(|(a, b, v)| Op::Transfer(a, b, v)),
            (0..4usize, 0..60u64).prop_map(|(w, v)| Op::Burn(w, v)),
            (0..4usize, 0..4usize, 0..60u64).prop_map(|(a, b, v)| Op::Forced(a, b, v)),
            Just(Op::Snapshot),
        ]
    }

    fn apply(host: &MockHost, token: &mut DSToken, op: &Op) {
        let balance = |t: &DSToken, w: Address| t.balance_of(w).to::<u64>();
        match *op {
            Op::Issue(w, v) => issue(host, token, WALLETS[w], v),
            Op::Transfer(a, b, v) => {
                let (from, to) = (WALLETS[a], WALLETS[b]);
                let before = balance(token, from);
                mock_transfer(host, from, to, v, before, false, 0);
                host.vm.set_sender(from);
                let result = token.transfer(to, u(v));
                assert_eq!(result.is_ok(), v <= before, "{op:?}: {result:?}");
            }
            Op::Burn(w, v) => {
                let who = WALLETS[w];
                let v = v.min(balance(token, who));
                mock_burn(host, who, v);
                host.vm.set_sender(AGENT);
                admin(host).burn(who, u(v), String::new()).unwrap();
            }
            Op::Forced(a, b, v) => {
                let (from, to) = (WALLETS[a], WALLETS[b]);
                let v = v.min(balance(token, from));
                let call = validateForcedTransferCall {
                    from,
                    to,
                    value: u(v),
                };
                host.mock_call(COMPLIANCE, call.abi_encode(), Ok(true.abi_encode()));
                host.vm.set_sender(AGENT);
                control(host).forced_transfer(from, to, u(v)).unwrap();
            }
            Op::Snapshot => {
                later(host);
                host.vm.set_sender(ISSUER);
                control(host).snapshot().unwrap();
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Total supply = sum of balances; the holder list is exactly the
        /// wallets with a balance, each at its recorded position.
        #[test]
        fn supply_and_holders_stay_exact(ops in proptest::collection::vec(op(), 1..40)) {
            let (host, mut token) = deployed();
            for op in &ops {
                apply(&host, &mut token, op);
                let sum: U256 = WALLETS.iter().map(|w| token.balance_of(*w)).sum();
                prop_assert_eq!(token.total_supply(), sum);
                let mut listed = holders(&token);
                listed.sort();
                let mut with_balance: Vec<Address> =
                    WALLETS.into_iter().filter(|w| !token.balance_of(*w).is_zero()).collect();
                with_balance.sort();
                prop_assert_eq!(listed, with_balance);
            }
        }

        /// Every snapshot keeps the balances and supply of its moment, while
        /// issuance, transfers, burns and forced transfers go on.
        #[test]
        fn snapshots_keep_the_balances_of_their_moment(
            ops in proptest::collection::vec(op(), 1..40)
        ) {
            let (host, mut token) = deployed();
            let mut taken: Vec<(Vec<U256>, U256)> = Vec::new();
            for op in &ops {
                apply(&host, &mut token, op);
                if matches!(op, Op::Snapshot) {
                    let balances = WALLETS.iter().map(|w| token.balance_of(*w)).collect();
                    taken.push((balances, token.total_supply()));
                }
            }
            prop_assert_eq!(token.current_snapshot_id(), u(taken.len() as u64));
            for (i, (balances, supply)) in taken.iter().enumerate() {
                let id = u(i as u64 + 1);
                for (w, balance) in WALLETS.iter().zip(balances) {
                    prop_assert_eq!(token.balance_of_at(*w, id), Ok(*balance));
                }
                prop_assert_eq!(token.total_supply_at(id), Ok(*supply));
            }
        }
    }
}

// ----- the router's table (admin facet) -----------------------------------

/// The selectors of `pause()` and `snapshot()`, routed in these tests.
fn control_selectors() -> Vec<FixedBytes<4>> {
    ["pause()", "snapshot()"]
        .map(|f| FixedBytes::from_slice(&alloy_primitives::keccak256(f)[..4]))
        .to_vec()
}

#[test]
fn only_the_master_routes_selectors_and_each_route_is_logged() {
    use ds_common::consumer::FacetSelectorsSet;
    let control_id = u(service::TOKEN_CONTROL_FACET);
    for (who, r) in CALLERS {
        let (host, _token) = deployed();
        let before = storage(&host);
        host.vm.set_sender(who);
        let result = admin(&host).set_facet_selectors(control_id, control_selectors());
        if r == role::MASTER {
            assert_eq!(result, Ok(true));
            for selector in control_selectors() {
                assert_eq!(admin(&host).facet_of(selector), control_id);
            }
            let logs = logs_of::<FacetSelectorsSet>(&host);
            assert_eq!(logs.len(), 1);
            assert_eq!(logs[0].facetId, control_id);
            assert_eq!(logs[0].selectors, control_selectors());
        } else {
            assert_eq!(result, Err(DSError::unauthorized(who, r)));
            assert_eq!(storage(&host), before, "{who}: nothing written");
        }
    }
}

#[test]
fn an_unrouted_selector_runs_in_the_admin_facet_and_zero_removes_a_route() {
    let (host, _token) = deployed();
    let admin_id = u(service::TOKEN_ADMIN_FACET);
    let pause = control_selectors()[0];
    assert_eq!(admin(&host).facet_of(pause), admin_id);
    host.vm.set_sender(MASTER);
    let mut facet = admin(&host);
    facet
        .set_facet_selectors(u(service::TOKEN_CONTROL_FACET), vec![pause])
        .unwrap();
    facet.set_facet_selectors(U256::ZERO, vec![pause]).unwrap();
    assert_eq!(facet.facet_of(pause), admin_id);
}

#[test]
fn routes_to_other_facets_or_of_the_router_itself_are_refused_whole() {
    use ds_common::errors::{SelectorNotRoutable, UnknownFacet};
    use ds_token_state::ITokenRouter;
    let (host, _token) = deployed();
    host.vm.set_sender(MASTER);
    let before = storage(&host);
    let mut facet = admin(&host);
    for wrong in [u(service::COMPLIANCE_VIEWS_FACET), u(1), U256::MAX] {
        assert_eq!(
            facet.set_facet_selectors(wrong, control_selectors()),
            Err(DSError::UnknownFacet(UnknownFacet { facetId: wrong }))
        );
    }
    for own in [
        ITokenRouter::setFacetSelectorsCall::SELECTOR,
        ITokenRouter::facetOfCall::SELECTOR,
    ] {
        let mut selectors = control_selectors();
        selectors.push(FixedBytes(own));
        assert_eq!(
            facet.set_facet_selectors(u(service::TOKEN_CONTROL_FACET), selectors),
            Err(DSError::SelectorNotRoutable(SelectorNotRoutable {
                selector: FixedBytes(own)
            }))
        );
    }
    assert_eq!(
        facet.set_facet_selectors(
            u(service::TOKEN_CONTROL_FACET),
            vec![FixedBytes([1; 4]); 31]
        ),
        Err(DSError::BatchTooLarge(BatchTooLarge {
            length: u(31),
            max: u(30)
        }))
    );
    assert_eq!(storage(&host), before, "nothing written");
    assert_eq!(host.vm.get_emitted_logs().len(), 0);
}
