//! Native tests of the distribution app. Trust (`getRole`), the DS token
//! (`snapshot`, `totalSupplyAt`, `balanceOfAt`), Comms (`publishNotice`) and
//! the payment ERC-20 (`transferFrom`, `transfer`) are exact call mocks: a
//! call the app should not make, or makes with other arguments, reverts.

use super::*;
use alloy_primitives::address;
use alloy_sol_types::{sol, SolCall, SolError, SolEvent, SolValue};
use ds_common::{
    consumer::DSServiceSet,
    errors::{PaymentFailed, ServiceCallFailed, ServiceNotSet},
    ids::{notice_category, notice_target},
};
use ds_testing::MockHost;

sol! {
    function getRole(address target) external view returns (uint8);
    function snapshot() external returns (uint256);
    function totalSupplyAt(uint256 snapshot_id) external view returns (uint256);
    function balanceOfAt(address wallet, uint256 snapshot_id) external view returns (uint256);
    function publishNotice(uint8 category, bytes32 content_hash, string uri, uint8 target_kind, bytes32 target, uint64 deadline) external returns (uint256);
    function transfer(address to, uint256 value) external returns (bool);
    function transferFrom(address from, address to, uint256 value) external returns (bool);
    /// What the token answers a caller that is neither issuer nor an authorised app.
    error UnauthorizedApp(address caller);
    /// What the payment token answers a pull beyond the allowance.
    error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed);
}

const TRUST: Address = address!("0000000000000000000000000000000000007777");
const TOKEN: Address = address!("0000000000000000000000000000000000002222");
const COMMS: Address = address!("0000000000000000000000000000000000001616");
const PAY: Address = address!("000000000000000000000000000000000000cafe");
const MASTER: Address = address!("00000000000000000000000000000000000000a1");
const ISSUER: Address = address!("00000000000000000000000000000000000000b2");
const ISSUER_2: Address = address!("00000000000000000000000000000000000000b3");
const EXCHANGE: Address = address!("00000000000000000000000000000000000000c4");
const AGENT: Address = address!("00000000000000000000000000000000000000d8");
const NOBODY: Address = address!("00000000000000000000000000000000000000e0");
const ALICE: Address = address!("000000000000000000000000000000000000a11c");
const BOB: Address = address!("0000000000000000000000000000000000000b0b");
const CAROL: Address = address!("000000000000000000000000000000000000ca01");
/// Held nothing at the snapshot.
const DAVE: Address = address!("000000000000000000000000000000000000da5e");

/// Every account the tests use and its Trust role.
const ACCOUNTS: [(Address, u8); 10] = [
    (MASTER, role::MASTER),
    (ISSUER, role::ISSUER),
    (ISSUER_2, role::ISSUER),
    (EXCHANGE, role::EXCHANGE),
    (AGENT, role::TRANSFER_AGENT),
    (NOBODY, role::NONE),
    (ALICE, role::NONE),
    (BOB, role::NONE),
    (CAROL, role::NONE),
    (DAVE, role::NONE),
];

const NOW: u64 = 1_700_000_000;
const DEADLINE: u64 = NOW + 30 * 86_400;
const SNAPSHOT: u64 = 7;
const NOTICE: u64 = 3;
const HASH: B256 = B256::repeat_byte(0x42);
const URI: &str = "ipfs://bafy-dividend-2026";
/// Payment token units distributed.
const AMOUNT: u128 = 1_000_000;
/// Holdings at the snapshot: 1/2, 1/3 and 1/6 of 600, Dave none.
const HOLDINGS: [(Address, u128); 4] = [(ALICE, 300), (BOB, 200), (CAROL, 100), (DAVE, 0)];
const SUPPLY: u128 = 600;

fn u(v: u128) -> U256 {
    U256::from(v)
}

fn word<T: SolValue>(value: T) -> Vec<u8> {
    value.abi_encode()
}

fn revert(e: DSError) -> Vec<u8> {
    e.into()
}

fn mock_role(host: &MockHost, who: Address, r: u8) {
    host.mock_static(
        TRUST,
        getRoleCall { target: who }.abi_encode(),
        Ok(word(U256::from(r))),
    );
}

fn mock_balance(host: &MockHost, wallet: Address, snapshot: u64, balance: U256) {
    let call = balanceOfAtCall {
        wallet,
        snapshot_id: U256::from(snapshot),
    };
    host.mock_static(TOKEN, call.abi_encode(), Ok(word(balance)));
}

fn mock_payment(host: &MockHost, to: Address, value: U256, answer: Result<Vec<u8>, Vec<u8>>) {
    host.mock_call(PAY, transferCall { to, value }.abi_encode(), answer);
}

fn app_address(host: &MockHost) -> Address {
    host.vm.contract_address()
}

/// The mocks of one creation by `creator` of `amount` with snapshot
/// `snapshot` of supply `supply`.
fn mock_creation(host: &MockHost, creator: Address, amount: U256, snapshot: u64, supply: U256) {
    host.mock_call(
        TOKEN,
        snapshotCall {}.abi_encode(),
        Ok(word(U256::from(snapshot))),
    );
    host.mock_static(
        TOKEN,
        totalSupplyAtCall {
            snapshot_id: U256::from(snapshot),
        }
        .abi_encode(),
        Ok(word(supply)),
    );
    host.mock_call(
        COMMS,
        notice_call(DEADLINE).abi_encode(),
        Ok(word(u(NOTICE.into()))),
    );
    let pull = transferFromCall {
        from: creator,
        to: app_address(host),
        value: amount,
    };
    host.mock_call(PAY, pull.abi_encode(), Ok(word(true)));
}

fn notice_call(deadline: u64) -> publishNoticeCall {
    publishNoticeCall {
        category: notice_category::DIVIDEND,
        content_hash: HASH,
        uri: URI.into(),
        target_kind: notice_target::ALL_HOLDERS,
        target: B256::ZERO,
        deadline,
    }
}

/// The app bound to Trust, the DS token and Comms, every account's role
/// and the standard holdings at `SNAPSHOT` mocked, and every payout of
/// the standard distribution accepted by the payment token.
fn deployed() -> (MockHost, Distribution) {
    let host = MockHost::default();
    let mut app = Distribution::from(&host);
    host.vm.set_block_timestamp(NOW);
    for (who, r) in ACCOUNTS {
        mock_role(&host, who, r);
    }
    for (wallet, balance) in HOLDINGS {
        mock_balance(&host, wallet, SNAPSHOT, u(balance));
        let share = u(AMOUNT * balance / SUPPLY);
        mock_payment(&host, wallet, share, Ok(word(true)));
    }
    host.vm.set_sender(ds_common::deployer::STYLUS_DEPLOYER);
    app.constructor(TRUST).unwrap();
    host.vm.set_sender(MASTER);
    app.set_ds_service(U256::from(service::DS_TOKEN), TOKEN)
        .unwrap();
    app.set_ds_service(U256::from(service::COMMS), COMMS)
        .unwrap();
    host.reset_records();
    (host, app)
}

fn create(host: &MockHost, app: &mut Distribution, who: Address) -> Result<U256, Revert> {
    mock_creation(host, who, u(AMOUNT), SNAPSHOT, u(SUPPLY));
    host.vm.set_sender(who);
    app.create_distribution(PAY, u(AMOUNT), DEADLINE, HASH, URI.into())
}

/// The app with the standard distribution created by the issuer; records reset.
fn with_distribution() -> (MockHost, Distribution, U256) {
    let (host, mut app) = deployed();
    let id = create(&host, &mut app, ISSUER).unwrap();
    host.reset_records();
    (host, app, id)
}

fn claim(
    host: &MockHost,
    app: &mut Distribution,
    wallet: Address,
    id: U256,
) -> Result<U256, Revert> {
    host.vm.set_sender(wallet);
    app.claim(id)
}

fn reclaim(
    host: &MockHost,
    app: &mut Distribution,
    who: Address,
    id: U256,
) -> Result<U256, Revert> {
    host.vm.set_sender(who);
    app.reclaim(id)
}

/// Every non-zero storage slot.
fn storage(host: &MockHost) -> Vec<(U256, B256)> {
    let mut slots: Vec<_> = host
        .vm
        .snapshot()
        .storage
        .into_iter()
        .filter(|(_, v)| !v.is_zero())
        .collect();
    slots.sort();
    slots
}

/// Asserts that `result` is the revert `expected` and that nothing was
/// written or logged.
fn assert_refused<T: core::fmt::Debug + PartialEq>(
    host: &MockHost,
    before: &[(U256, B256)],
    result: Result<T, Revert>,
    expected: DSError,
) {
    assert_eq!(result, Err(revert(expected)));
    assert_eq!(storage(host), before, "a refusal wrote state");
    assert!(host.vm.get_emitted_logs().is_empty(), "a refusal logged");
}

/// The non-static calls made since the last reset, as (callee, calldata).
fn calls_made(host: &MockHost) -> Vec<(Address, Vec<u8>)> {
    host.calls()
        .into_iter()
        .filter(|c| !c.is_static)
        .map(|c| (c.to, c.data))
        .collect()
}

fn single_log<E: SolEvent>(host: &MockHost) -> E {
    let logs = host.vm.get_emitted_logs();
    assert_eq!(logs.len(), 1, "one event");
    E::decode_raw_log(logs[0].0.iter().copied(), &logs[0].1).unwrap()
}

// ----------------------------------------------------------------- services

#[test]
fn only_the_master_sets_services() {
    for (who, r) in ACCOUNTS {
        let (host, mut app) = deployed();
        host.vm.set_sender(who);
        let other = address!("0000000000000000000000000000000000003333");
        let result = app.set_ds_service(U256::from(service::DS_TOKEN), other);
        if who == MASTER {
            assert_eq!(result, Ok(true));
            assert_eq!(app.get_ds_service(U256::from(service::DS_TOKEN)), other);
            let ev = single_log::<DSServiceSet>(&host);
            assert_eq!(ev.serviceAddress, other);
        } else {
            assert_eq!(result, Err(DSError::unauthorized(who, r)));
            assert_eq!(app.get_ds_service(U256::from(service::DS_TOKEN)), TOKEN);
        }
    }
}

// ------------------------------------------------------------------- create

/// createDistribution: issuer and master create; every other role is
/// refused before any call but Trust's.
#[test]
fn create_matrix() {
    for (who, r) in ACCOUNTS {
        let (host, mut app) = deployed();
        let before = storage(&host);
        let result = create(&host, &mut app, who);
        if r == role::MASTER || r == role::ISSUER {
            assert_eq!(result, Ok(U256::from(1)), "{who}");
            assert_eq!(app.get_distribution(u(1)).unwrap().6, who, "creator");
        } else {
            assert_refused(&host, &before, result, DSError::unauthorized(who, r));
            assert!(
                calls_made(&host).is_empty(),
                "a refused creator makes no call"
            );
            assert_eq!(host.calls().len(), 1, "only Trust is asked");
            assert_eq!(app.distribution_count(), U256::ZERO);
        }
    }
}

#[test]
fn create_snapshots_announces_records_and_pulls_last() {
    let (host, mut app) = deployed();
    let id = create(&host, &mut app, ISSUER).unwrap();
    assert_eq!(id, u(1));
    assert_eq!(app.distribution_count(), u(1));
    assert_eq!(
        app.get_distribution(id),
        Ok((
            PAY,
            u(AMOUNT),
            u(SNAPSHOT.into()),
            u(SUPPLY),
            DEADLINE,
            U256::ZERO,
            ISSUER,
            false,
            TOKEN,
            u(NOTICE.into()),
        ))
    );
    let ev = single_log::<DistributionCreated>(&host);
    assert_eq!(
        (
            ev.id,
            ev.paymentToken,
            ev.amount,
            ev.snapshotId,
            ev.deadline
        ),
        (id, PAY, u(AMOUNT), u(SNAPSHOT.into()), DEADLINE)
    );
    // The calls, in order: Trust role, snapshot, supply at it, the dividend
    // notice to all holders, and the pull from the creator last.
    let calls: Vec<_> = host
        .calls()
        .into_iter()
        .map(|c| (c.is_static, c.to))
        .collect();
    assert_eq!(
        calls,
        [
            (true, TRUST),
            (false, TOKEN),
            (true, TOKEN),
            (false, COMMS),
            (false, PAY)
        ]
    );
    let pull = transferFromCall {
        from: ISSUER,
        to: app_address(&host),
        value: u(AMOUNT),
    };
    assert_eq!(
        calls_made(&host)[1],
        (COMMS, notice_call(DEADLINE).abi_encode())
    );
    assert_eq!(calls_made(&host)[2], (PAY, pull.abi_encode()));
    // Five slots for the record and one for the count (the Trust entry of
    // the constructor and the two services were there before).
    assert_eq!(storage(&host).len(), 3 + 1 + 5);
    // A second distribution gets the next id.
    assert_eq!(create(&host, &mut app, MASTER), Ok(u(2)));
}

#[test]
fn create_refuses_bad_terms_before_any_call() {
    let max = u(u128::MAX);
    let cases: [(Address, U256, u64, DSError); 5] = [
        (Address::ZERO, u(AMOUNT), DEADLINE, DSError::zero_address()),
        (
            PAY,
            U256::ZERO,
            DEADLINE,
            DSError::ZeroAmount(ZeroAmount {}),
        ),
        (
            PAY,
            max + u(1),
            DEADLINE,
            DSError::AmountTooLarge(AmountTooLarge { amount: max + u(1) }),
        ),
        (
            PAY,
            u(AMOUNT),
            NOW,
            DSError::InvalidDeadline(InvalidDeadline {
                deadline: NOW,
                now: NOW,
            }),
        ),
        (
            PAY,
            u(AMOUNT),
            0,
            DSError::InvalidDeadline(InvalidDeadline {
                deadline: 0,
                now: NOW,
            }),
        ),
    ];
    for (token, amount, deadline, expected) in cases {
        let (host, mut app) = deployed();
        let before = storage(&host);
        host.vm.set_sender(ISSUER);
        let result = app.create_distribution(token, amount, deadline, HASH, URI.into());
        assert_refused(&host, &before, result, expected);
        assert!(calls_made(&host).is_empty());
    }
    // The largest amount is accepted.
    let (host, mut app) = deployed();
    mock_creation(&host, ISSUER, max, SNAPSHOT, u(SUPPLY));
    host.vm.set_sender(ISSUER);
    assert_eq!(
        app.create_distribution(PAY, max, DEADLINE, HASH, URI.into()),
        Ok(u(1))
    );
}

#[test]
fn create_needs_the_token_and_comms() {
    for missing in [service::DS_TOKEN, service::COMMS] {
        let host = MockHost::default();
        let mut app = Distribution::from(&host);
        host.vm.set_block_timestamp(NOW);
        mock_role(&host, MASTER, role::MASTER);
        mock_role(&host, ISSUER, role::ISSUER);
        host.vm.set_sender(ds_common::deployer::STYLUS_DEPLOYER);
        app.constructor(TRUST).unwrap();
        host.vm.set_sender(MASTER);
        for (id, at) in [(service::DS_TOKEN, TOKEN), (service::COMMS, COMMS)] {
            if id != missing {
                app.set_ds_service(U256::from(id), at).unwrap();
            }
        }
        host.vm.clear_mocks();
        let before = storage(&host);
        let result = create(&host, &mut app, ISSUER);
        let expected = DSError::ServiceNotSet(ServiceNotSet {
            serviceId: U256::from(missing),
        });
        assert_refused(&host, &before, result, expected);
        assert!(calls_made(&host).is_empty());
    }
}

#[test]
fn create_passes_on_refusals_of_the_token_and_comms() {
    let app_refused = UnauthorizedApp {
        caller: address!("00000000000000000000000000000000000000ff"),
    }
    .abi_encode();
    let token_failed = revert(DSError::ServiceCallFailed(ServiceCallFailed {
        serviceId: U256::from(service::DS_TOKEN),
        service: TOKEN,
    }));
    let comms_failed = DSError::ServiceCallFailed(ServiceCallFailed {
        serviceId: U256::from(service::COMMS),
        service: COMMS,
    });
    // (which call fails, its answer, the app's revert data)
    type Case = (Address, Vec<u8>, Result<Vec<u8>, Vec<u8>>, Vec<u8>);
    let snapshot = snapshotCall {}.abi_encode();
    let notice = notice_call(DEADLINE).abi_encode();
    let cases: Vec<Case> = vec![
        (
            TOKEN,
            snapshot.clone(),
            Err(app_refused.clone()),
            app_refused.clone(),
        ),
        (TOKEN, snapshot.clone(), Err(vec![]), token_failed.clone()),
        (TOKEN, snapshot, Ok(vec![1, 2, 3]), token_failed),
        (COMMS, notice.clone(), Err(app_refused.clone()), app_refused),
        (COMMS, notice, Err(vec![]), revert(comms_failed)),
    ];
    for (to, data, answer, expected) in cases {
        let (host, mut app) = deployed();
        mock_creation(&host, ISSUER, u(AMOUNT), SNAPSHOT, u(SUPPLY));
        host.mock_call(to, data, answer);
        let before = storage(&host);
        host.vm.set_sender(ISSUER);
        let result = app.create_distribution(PAY, u(AMOUNT), DEADLINE, HASH, URI.into());
        assert_eq!(result, Err(expected));
        assert_eq!(storage(&host), before);
        assert!(host.vm.get_emitted_logs().is_empty());
        assert!(
            !calls_made(&host).iter().any(|c| c.0 == PAY),
            "no payment pulled"
        );
    }
}

#[test]
fn create_refuses_an_empty_snapshot() {
    let (host, mut app) = deployed();
    mock_creation(&host, ISSUER, u(AMOUNT), SNAPSHOT, U256::ZERO);
    let before = storage(&host);
    host.vm.set_sender(ISSUER);
    let result = app.create_distribution(PAY, u(AMOUNT), DEADLINE, HASH, URI.into());
    let expected = DSError::EmptySnapshot(EmptySnapshot {
        snapshotId: u(SNAPSHOT.into()),
    });
    assert_refused(&host, &before, result, expected);
    assert_eq!(
        calls_made(&host).len(),
        1,
        "only the snapshot (undone by the revert)"
    );
}

/// A payment token that refuses the pull (its own error, no data, or
/// `false`) fails the creation; on chain the revert undoes the record.
#[test]
fn create_fails_when_the_pull_fails() {
    let allowance = ERC20InsufficientAllowance {
        spender: address!("00000000000000000000000000000000000000ff"),
        allowance: U256::ZERO,
        needed: u(AMOUNT),
    }
    .abi_encode();
    for (answer, expected) in [
        (Err(allowance.clone()), allowance),
        (Ok(word(false)), Vec::new()),
        (Err(vec![]), Vec::new()),
    ] {
        let (host, mut app) = deployed();
        mock_creation(&host, ISSUER, u(AMOUNT), SNAPSHOT, u(SUPPLY));
        let pull = transferFromCall {
            from: ISSUER,
            to: app_address(&host),
            value: u(AMOUNT),
        };
        host.mock_call(PAY, pull.abi_encode(), answer);
        host.vm.set_sender(ISSUER);
        let result = app.create_distribution(PAY, u(AMOUNT), DEADLINE, HASH, URI.into());
        let expected = if expected.is_empty() {
            revert(DSError::PaymentFailed(PaymentFailed {
                token: PAY,
                from: ISSUER,
                to: app_address(&host),
                amount: u(AMOUNT),
            }))
        } else {
            expected
        };
        assert_eq!(result, Err(expected));
    }
}

// -------------------------------------------------------------------- claim

#[test]
fn holders_claim_their_exact_share_once() {
    let (host, mut app, id) = with_distribution();
    let mut paid = 0;
    for (wallet, balance) in HOLDINGS.into_iter().filter(|h| h.1 > 0) {
        let share = AMOUNT * balance / SUPPLY;
        assert_eq!(app.claimable(id, wallet), Ok(u(share)));
        host.reset_records();
        assert_eq!(claim(&host, &mut app, wallet, id), Ok(u(share)));
        paid += share;
        let ev = single_log::<Claimed>(&host);
        assert_eq!((ev.id, ev.wallet, ev.amount), (id, wallet, u(share)));
        let payout = transferCall {
            to: wallet,
            value: u(share),
        };
        assert_eq!(calls_made(&host), [(PAY, payout.abi_encode())]);
        assert!(app.has_claimed(id, wallet));
        assert_eq!(app.claimable(id, wallet), Ok(U256::ZERO));
        assert_eq!(app.get_distribution(id).unwrap().5, u(paid));
        // A second claim is refused and writes nothing.
        host.reset_records();
        let before = storage(&host);
        let result = claim(&host, &mut app, wallet, id);
        let expected = DSError::AlreadyClaimed(AlreadyClaimed {
            distributionId: id,
            wallet,
        });
        assert_refused(&host, &before, result, expected);
        assert!(host.calls().is_empty(), "a second claim asks nobody");
    }
    // 1/2 + 1/3 + 1/6 of 1,000,000 with rounding down: 1 unit of dust.
    assert_eq!(paid, 500_000 + 333_333 + 166_666);
}

/// A claim reads four slots of the record, the wallet's flag and the
/// count, and writes the flag (a new slot) and the claimed total (in the
/// slot of the snapshot id).
#[test]
fn a_claim_touches_few_slots() {
    let (host, mut app, id) = with_distribution();
    let before = storage(&host);
    host.reset_records();
    claim(&host, &mut app, ALICE, id).unwrap();
    let after = storage(&host);
    assert_eq!(after.len(), before.len() + 1, "the wallet's flag");
    let changed = after.iter().filter(|s| !before.contains(s)).count();
    assert_eq!(changed, 2, "the flag and the claimed total");
    // The count, the flag and one load per field of the record it uses,
    // plus the SDK's read-modify-write of the two (sub-word) fields it sets.
    assert_eq!(host.sloads(), 9 + 2);
}

#[test]
fn claim_refusals_write_nothing() {
    let (host, mut app, id) = with_distribution();
    let before = storage(&host);
    for unknown in [U256::ZERO, u(2), U256::MAX] {
        let result = claim(&host, &mut app, ALICE, unknown);
        let expected = DSError::UnknownDistribution(UnknownDistribution {
            distributionId: unknown,
        });
        assert_refused(&host, &before, result, expected);
        assert_eq!(
            app.claimable(unknown, ALICE),
            Err(revert(match_unknown(unknown)))
        );
    }
    // No balance at the snapshot (Dave), and a wallet the token never saw.
    mock_balance(&host, NOBODY, SNAPSHOT, U256::ZERO);
    for wallet in [DAVE, NOBODY] {
        let result = claim(&host, &mut app, wallet, id);
        let expected = DSError::NothingToClaim(NothingToClaim {
            distributionId: id,
            wallet,
        });
        assert_refused(&host, &before, result, expected);
        assert_eq!(app.claimable(id, wallet), Ok(U256::ZERO));
    }
    // The token failing the balance read: passed on, nothing written.
    host.unmock_static(
        TOKEN,
        balanceOfAtCall {
            wallet: ALICE,
            snapshot_id: u(SNAPSHOT.into()),
        }
        .abi_encode(),
    );
    let result = claim(&host, &mut app, ALICE, id);
    assert_eq!(result, Err(b"unmocked call".to_vec()));
    assert_eq!(storage(&host), before);
}

fn match_unknown(id: U256) -> DSError {
    DSError::UnknownDistribution(UnknownDistribution { distributionId: id })
}

#[test]
fn a_share_that_rounds_to_zero_is_nothing_to_claim() {
    let (host, mut app) = deployed();
    // 10 units over a supply of 600: a holder of 59 gets 0.
    mock_creation(&host, ISSUER, u(10), SNAPSHOT, u(SUPPLY));
    host.vm.set_sender(ISSUER);
    let id = app
        .create_distribution(PAY, u(10), DEADLINE, HASH, URI.into())
        .unwrap();
    mock_balance(&host, NOBODY, SNAPSHOT, u(59));
    host.reset_records();
    let before = storage(&host);
    let result = claim(&host, &mut app, NOBODY, id);
    let expected = DSError::NothingToClaim(NothingToClaim {
        distributionId: id,
        wallet: NOBODY,
    });
    assert_refused(&host, &before, result, expected);
}

#[test]
fn claims_close_after_the_deadline() {
    let (host, mut app, id) = with_distribution();
    host.vm.set_block_timestamp(DEADLINE);
    claim(&host, &mut app, ALICE, id).expect("the deadline itself is open");
    host.vm.set_block_timestamp(DEADLINE + 1);
    host.reset_records();
    let before = storage(&host);
    assert_eq!(app.claimable(id, BOB), Ok(U256::ZERO));
    let result = claim(&host, &mut app, BOB, id);
    let expected = DSError::DistributionExpired(DistributionExpired {
        distributionId: id,
        deadline: DEADLINE,
    });
    assert_refused(&host, &before, result, expected);
    assert!(host.calls().is_empty());
}

/// A payout the payment token refuses fails the claim (on chain the revert
/// undoes the flag).
#[test]
fn a_refused_payout_fails_the_claim() {
    for answer in [Ok(word(false)), Err(vec![])] {
        let (host, mut app, id) = with_distribution();
        mock_payment(&host, ALICE, u(500_000), answer);
        let result = claim(&host, &mut app, ALICE, id);
        let expected = DSError::PaymentFailed(PaymentFailed {
            token: PAY,
            from: app_address(&host),
            to: ALICE,
            amount: u(500_000),
        });
        assert_eq!(result, Err(revert(expected)));
        assert!(host.vm.get_emitted_logs().is_empty());
    }
}

/// The flag and the total are written before the payout.
#[test]
fn effects_come_before_the_payout() {
    let (host, mut app, id) = with_distribution();
    mock_payment(&host, ALICE, u(500_000), Ok(word(false)));
    let _ = claim(&host, &mut app, ALICE, id);
    // Natively nothing is rolled back: the state the payout saw.
    assert!(app.has_claimed(id, ALICE));
    assert_eq!(app.get_distribution(id).unwrap().5, u(500_000));
}

/// A token whose balances add up to more than its supply cannot make the
/// app pay more than the distribution's amount.
#[test]
fn claims_never_exceed_the_amount_whatever_the_token_says() {
    let (host, mut app, id) = with_distribution();
    for wallet in [NOBODY, EXCHANGE] {
        mock_balance(&host, wallet, SNAPSHOT, u(SUPPLY) * u(2));
    }
    mock_payment(&host, NOBODY, u(AMOUNT), Ok(word(true)));
    assert_eq!(claim(&host, &mut app, NOBODY, id), Ok(u(AMOUNT)));
    assert_eq!(app.claimable(id, EXCHANGE), Ok(U256::ZERO));
    let result = claim(&host, &mut app, EXCHANGE, id);
    assert_eq!(
        result,
        Err(revert(DSError::NothingToClaim(NothingToClaim {
            distributionId: id,
            wallet: EXCHANGE,
        })))
    );
}

// ------------------------------------------------------------------ reclaim

#[test]
fn reclaim_matrix() {
    for (who, r) in ACCOUNTS {
        let (host, mut app, id) = with_distribution();
        claim(&host, &mut app, ALICE, id).unwrap();
        host.vm.set_block_timestamp(DEADLINE + 1);
        let rest = u(AMOUNT - 500_000);
        // The rest always goes back to the creator (the issuer who funded
        // it), whoever triggers the reclaim.
        mock_payment(&host, ISSUER, rest, Ok(word(true)));
        host.reset_records();
        let before = storage(&host);
        let result = reclaim(&host, &mut app, who, id);
        if r == role::MASTER || r == role::ISSUER {
            assert_eq!(result, Ok(rest), "{who}");
            let ev = single_log::<Reclaimed>(&host);
            assert_eq!((ev.id, ev.to, ev.amount), (id, ISSUER, rest));
            assert_eq!(
                calls_made(&host),
                [(
                    PAY,
                    transferCall {
                        to: ISSUER,
                        value: rest
                    }
                    .abi_encode()
                )]
            );
            assert!(app.get_distribution(id).unwrap().7);
        } else {
            assert_refused(&host, &before, result, DSError::unauthorized(who, r));
            assert!(calls_made(&host).is_empty());
        }
    }
}

/// The creator reclaims even after losing its role; Trust is not asked.
#[test]
fn the_creator_reclaims_without_a_role() {
    let (host, mut app, id) = with_distribution();
    mock_role(&host, ISSUER, role::NONE);
    host.vm.set_block_timestamp(DEADLINE + 1);
    mock_payment(&host, ISSUER, u(AMOUNT), Ok(word(true)));
    host.reset_records();
    assert_eq!(reclaim(&host, &mut app, ISSUER, id), Ok(u(AMOUNT)));
    assert!(!host.calls().iter().any(|c| c.to == TRUST));
}

#[test]
fn reclaim_waits_for_the_deadline_and_happens_once() {
    let (host, mut app, id) = with_distribution();
    let not_ended = || {
        DSError::DistributionNotEnded(DistributionNotEnded {
            distributionId: id,
            deadline: DEADLINE,
        })
    };
    for now in [NOW, DEADLINE] {
        host.vm.set_block_timestamp(now);
        let before = storage(&host);
        let result = reclaim(&host, &mut app, ISSUER, id);
        assert_refused(&host, &before, result, not_ended());
    }
    for unknown in [U256::ZERO, u(2)] {
        let before = storage(&host);
        let result = reclaim(&host, &mut app, ISSUER, unknown);
        assert_refused(&host, &before, result, match_unknown(unknown));
    }
    host.vm.set_block_timestamp(DEADLINE + 1);
    mock_payment(&host, ISSUER, u(AMOUNT), Ok(word(true)));
    assert_eq!(reclaim(&host, &mut app, ISSUER, id), Ok(u(AMOUNT)));
    host.reset_records();
    let before = storage(&host);
    for who in [ISSUER, MASTER] {
        let result = reclaim(&host, &mut app, who, id);
        let expected = DSError::AlreadyReclaimed(AlreadyReclaimed { distributionId: id });
        assert_refused(&host, &before, result, expected);
    }
    assert!(calls_made(&host).is_empty());
}

/// Nothing left (every unit claimed): the reclaim closes the distribution
/// without a payout.
#[test]
fn reclaiming_nothing_makes_no_payout() {
    let (host, mut app) = deployed();
    mock_creation(&host, ISSUER, u(SUPPLY), SNAPSHOT, u(SUPPLY));
    host.vm.set_sender(ISSUER);
    let id = app
        .create_distribution(PAY, u(SUPPLY), DEADLINE, HASH, URI.into())
        .unwrap();
    for (wallet, balance) in HOLDINGS.into_iter().filter(|h| h.1 > 0) {
        mock_payment(&host, wallet, u(balance), Ok(word(true)));
        claim(&host, &mut app, wallet, id).unwrap();
    }
    host.vm.set_block_timestamp(DEADLINE + 1);
    host.reset_records();
    assert_eq!(reclaim(&host, &mut app, ISSUER, id), Ok(U256::ZERO));
    assert!(calls_made(&host).is_empty());
    assert_eq!(single_log::<Reclaimed>(&host).amount, U256::ZERO);
}

#[test]
fn get_distribution_refuses_unknown_ids() {
    let (_host, app, _id) = with_distribution();
    for unknown in [U256::ZERO, u(2)] {
        assert_eq!(app.get_distribution(unknown), Err(match_unknown(unknown)));
    }
    assert!(!app.has_claimed(u(2), ALICE));
}

// ----------------------------------------------------------------- property

mod property {
    use super::*;
    use proptest::prelude::*;

    fn wallet(i: usize) -> Address {
        Address::with_last_byte(0x10 + i as u8)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Random holdings at the snapshot and a random claim order (some
        /// wallets never claim): every claim is the floor of its exact
        /// pro-rata share, the claims add up to at most the amount, claims
        /// after the deadline are refused, and the reclaim returns exactly
        /// the rest.
        #[test]
        fn claims_and_reclaim_add_up_to_the_amount(
            balances in proptest::collection::vec(0u128..1_000_000_000, 1..8),
            amount in 1u128..=u128::MAX,
            order in proptest::collection::vec(any::<prop::sample::Index>(), 0..12),
            late in any::<prop::sample::Index>(),
        ) {
            let supply: u128 = balances.iter().sum();
            prop_assume!(supply > 0);
            let (host, mut app) = deployed();
            mock_creation(&host, ISSUER, u(amount), SNAPSHOT, u(supply));
            host.vm.set_sender(ISSUER);
            let id = app
                .create_distribution(PAY, u(amount), DEADLINE, HASH, URI.into())
                .unwrap();
            let exact = |b: u128| u(amount) * u(b) / u(supply);
            for (i, b) in balances.iter().enumerate() {
                mock_balance(&host, wallet(i), SNAPSHOT, u(*b));
                mock_payment(&host, wallet(i), exact(*b), Ok(word(true)));
            }
            let mut claimed = vec![false; balances.len()];
            let mut total = U256::ZERO;
            for pick in order {
                let i = pick.index(balances.len());
                let result = claim(&host, &mut app, wallet(i), id);
                let share = exact(balances[i]);
                if claimed[i] {
                    prop_assert!(result.is_err(), "a second claim");
                } else if share.is_zero() {
                    prop_assert!(result.is_err(), "nothing to claim");
                } else {
                    let paid = result.unwrap();
                    // ≤ the exact share amount·b/supply (it is its floor).
                    prop_assert!(paid * u(supply) <= u(amount) * u(balances[i]));
                    prop_assert_eq!(paid, share);
                    claimed[i] = true;
                    total += paid;
                }
                prop_assert!(total <= u(amount));
                prop_assert_eq!(app.get_distribution(id).unwrap().5, total);
            }
            host.vm.set_block_timestamp(DEADLINE + 1);
            let i = late.index(balances.len());
            let expired = DSError::DistributionExpired(DistributionExpired {
                distributionId: id,
                deadline: DEADLINE,
            });
            prop_assert_eq!(claim(&host, &mut app, wallet(i), id), Err(revert(expired)));
            let rest = u(amount) - total;
            mock_payment(&host, ISSUER, rest, Ok(word(true)));
            let back = reclaim(&host, &mut app, ISSUER, id).unwrap();
            prop_assert_eq!(total + back, u(amount));
            prop_assert!(reclaim(&host, &mut app, ISSUER, id).is_err());
        }
    }
}
