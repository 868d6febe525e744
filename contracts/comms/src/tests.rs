//! Native tests of the Comms service. Trust (`getRole`, `isAuthorizedApp`)
//! and the Registry (`getParty`) are mocked static calls.

use super::*;
use alloy_primitives::{address, keccak256};
use alloy_sol_types::{sol, SolCall, SolError, SolEvent};
use ds_common::{
    errors::{
        EmptyContentHash, InvalidDeadline, InvalidNoticeCategory, InvalidNoticeTarget,
        NotAnInvestor, ServiceCallFailed, ServiceNotSet, UriTooLong,
    },
    ids::{notice_category as category, notice_target as target, role, service},
    party::{country_code, investor_key, PartyInfo},
};
use ds_testing::MockHost;

sol! {
    function getRole(address target) external view returns (uint8);
    function isAuthorizedApp(address app) external view returns (bool);
    function getParty(address wallet) external view returns (bytes32 key, uint256 info);
}

const TRUST: Address = address!("0000000000000000000000000000000000007777");
const REGISTRY: Address = address!("0000000000000000000000000000000000004444");
const MASTER: Address = address!("00000000000000000000000000000000000000a1");
const ISSUER: Address = address!("00000000000000000000000000000000000000b2");
const EXCHANGE: Address = address!("00000000000000000000000000000000000000c4");
const AGENT: Address = address!("00000000000000000000000000000000000000d8");
const NOBODY: Address = address!("00000000000000000000000000000000000000e0");
/// A resource of a Trust entity: an authorised DS app.
const APP: Address = address!("0000000000000000000000000000000000000a03");
/// Another authorised app.
const OTHER_APP: Address = address!("0000000000000000000000000000000000000a04");
/// An app Trust does not (or no longer) authorise.
const ROGUE_APP: Address = address!("0000000000000000000000000000000000000a05");
/// Two wallets of investor "alice" (France).
const ALICE_1: Address = address!("000000000000000000000000000000000000a11c");
const ALICE_2: Address = address!("000000000000000000000000000000000000a11d");
/// The wallet of investor "bob" (United States).
const BOB: Address = address!("0000000000000000000000000000000000000b0b");
/// A platform wallet: known to the Registry, not an investor.
const PLATFORM: Address = address!("0000000000000000000000000000000000000f1a");

const HASH: B256 = B256::repeat_byte(0x42);
const URI: &str = "ipfs://bafybeigdyrztexample/notice.pdf";
const NOW: u64 = 1_700_000_000;

fn alice() -> B256 {
    investor_key("alice")
}

fn bob() -> B256 {
    investor_key("bob")
}

fn country(letters: &str) -> B256 {
    B256::right_padding_from(letters.as_bytes())
}

fn word(value: u64) -> Vec<u8> {
    U256::from(value).to_be_bytes::<32>().to_vec()
}

fn mock_role(host: &MockHost, who: Address, r: u8) {
    host.mock_static(
        TRUST,
        getRoleCall { target: who }.abi_encode(),
        Ok(word(r.into())),
    );
}

fn mock_app(host: &MockHost, who: Address, authorised: bool) {
    host.mock_static(
        TRUST,
        isAuthorizedAppCall { app: who }.abi_encode(),
        Ok(word(authorised.into())),
    );
}

fn mock_party(host: &MockHost, wallet: Address, key: B256, info: PartyInfo) {
    let mut data = key.to_vec();
    data.extend(info.pack().to_be_bytes::<32>());
    host.mock_static(REGISTRY, getPartyCall { wallet }.abi_encode(), Ok(data));
}

fn investor_in(letters: &str) -> PartyInfo {
    PartyInfo {
        is_investor: true,
        country: country_code(letters).unwrap(),
        ..Default::default()
    }
}

/// Every account the tests use, with its Trust role and app status.
const ACCOUNTS: [(Address, u8, bool); 12] = [
    (MASTER, role::MASTER, false),
    (ISSUER, role::ISSUER, false),
    (EXCHANGE, role::EXCHANGE, false),
    (AGENT, role::TRANSFER_AGENT, false),
    (NOBODY, role::NONE, false),
    (APP, role::NONE, true),
    (OTHER_APP, role::NONE, true),
    (ROGUE_APP, role::NONE, false),
    (ALICE_1, role::NONE, false),
    (ALICE_2, role::NONE, false),
    (BOB, role::NONE, false),
    (PLATFORM, role::NONE, false),
];

fn role_of(who: Address) -> u8 {
    ACCOUNTS
        .iter()
        .find(|a| a.0 == who)
        .map_or(role::NONE, |a| a.1)
}

/// Comms bound to Trust and the Registry, with every account mocked.
fn deployed() -> (MockHost, CommsService) {
    let host = MockHost::default();
    let mut comms = CommsService::from(&host);
    host.vm.set_block_timestamp(NOW);
    for (who, r, app) in ACCOUNTS {
        mock_role(&host, who, r);
        mock_app(&host, who, app);
    }
    mock_party(&host, ALICE_1, alice(), investor_in("FR"));
    mock_party(&host, ALICE_2, alice(), investor_in("FR"));
    mock_party(&host, BOB, bob(), investor_in("US"));
    let platform = PartyInfo {
        wallet_type: ds_common::ids::wallet_type::PLATFORM,
        ..Default::default()
    };
    mock_party(&host, PLATFORM, B256::ZERO, platform);
    for (who, _, _) in ACCOUNTS {
        if ![ALICE_1, ALICE_2, BOB, PLATFORM].contains(&who) {
            mock_party(&host, who, B256::ZERO, PartyInfo::default());
        }
    }
    host.vm.set_sender(ds_common::deployer::STYLUS_DEPLOYER);
    comms.constructor(TRUST).unwrap();
    host.vm.set_sender(MASTER);
    comms
        .set_ds_service(U256::from(service::REGISTRY), REGISTRY)
        .unwrap();
    host.vm.clear_mocks(); // logs only: the static mocks live in MockHost
    (host, comms)
}

/// Every non-zero storage slot.
/// Static calls made so far.
fn static_calls(host: &MockHost) -> usize {
    host.calls().iter().filter(|c| c.is_static).count()
}

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

fn publish_as(
    host: &MockHost,
    comms: &mut CommsService,
    who: Address,
    kind: u8,
    to: B256,
) -> Result<U256, DSError> {
    host.vm.set_sender(who);
    comms.publish_notice(category::DIVIDEND, HASH, URI.into(), kind, to, 0)
}

fn publish_all(host: &MockHost, comms: &mut CommsService) -> U256 {
    publish_as(host, comms, ISSUER, target::ALL_HOLDERS, B256::ZERO).unwrap()
}

fn ack(
    host: &MockHost,
    comms: &mut CommsService,
    wallet: Address,
    id: U256,
) -> Result<bool, DSError> {
    host.vm.set_sender(wallet);
    comms.acknowledge_notice(id)
}

/// Asserts that `result` is `expected` and that nothing was written or logged.
fn assert_refused<T: core::fmt::Debug + PartialEq>(
    host: &MockHost,
    before: &[(U256, B256)],
    result: Result<T, DSError>,
    expected: DSError,
) {
    assert_eq!(result, Err(expected));
    assert_eq!(storage(host), before, "a refusal wrote state");
    assert!(host.vm.get_emitted_logs().is_empty(), "a refusal logged");
}

fn may_publish(who: Address) -> bool {
    [MASTER, ISSUER, APP, OTHER_APP].contains(&who)
}

// ---------------------------------------------------------------- publish

/// publishNotice: every kind of caller.
#[test]
fn publish_matrix() {
    for (who, r, _) in ACCOUNTS {
        let (host, mut comms) = deployed();
        let before = storage(&host);
        let result = publish_as(&host, &mut comms, who, target::INVESTOR, alice());
        if may_publish(who) {
            assert_eq!(result, Ok(U256::from(1)), "{who}");
            assert_eq!(comms.notice_count(), U256::from(1));
            let logs = host.vm.get_emitted_logs();
            assert_eq!(logs.len(), 1);
            let ev = DSCommsServiceNoticePublished::decode_raw_log(
                logs[0].0.iter().copied(),
                &logs[0].1,
            )
            .unwrap();
            assert_eq!(
                (ev.noticeId, ev.publisher, ev.target, ev.category),
                (U256::from(1), who, alice(), category::DIVIDEND)
            );
            assert_eq!(
                (ev.contentHash, ev.uri.as_str(), ev.targetKind, ev.deadline),
                (HASH, URI, target::INVESTOR, 0)
            );
        } else {
            assert_refused(&host, &before, result, DSError::unauthorized(who, r));
            assert_eq!(comms.notice_count(), U256::ZERO);
        }
    }
}

#[test]
fn get_notice_returns_what_was_published() {
    let (host, mut comms) = deployed();
    host.vm.set_sender(APP);
    let id = comms
        .publish_notice(
            category::MEETING,
            HASH,
            URI.into(),
            target::COUNTRY,
            country("FR"),
            NOW + 100,
        )
        .unwrap();
    assert_eq!(
        comms.get_notice(id),
        Ok((
            APP,
            category::MEETING,
            HASH,
            URI.into(),
            target::COUNTRY,
            country("FR"),
            NOW,
            NOW + 100,
            false,
            U256::ZERO
        ))
    );
}

/// An admin publish asks Trust once (getRole); an app publish asks twice.
#[test]
fn publish_asks_trust_as_little_as_needed() {
    let (host, mut comms) = deployed();
    let before = static_calls(&host);
    publish_all(&host, &mut comms);
    assert_eq!(static_calls(&host) - before, 1);
    let before = static_calls(&host);
    publish_as(&host, &mut comms, APP, target::ALL_HOLDERS, B256::ZERO).unwrap();
    assert_eq!(static_calls(&host) - before, 2);
}

/// The app gate: refused before authorisation, accepted while authorised,
/// refused again after its resource is removed from its Trust entity.
#[test]
fn app_publishes_only_while_authorised() {
    let (host, mut comms) = deployed();
    let before = storage(&host);
    let refused = || DSError::unauthorized(ROGUE_APP, role::NONE);
    let result = publish_as(
        &host,
        &mut comms,
        ROGUE_APP,
        target::ALL_HOLDERS,
        B256::ZERO,
    );
    assert_refused(&host, &before, result, refused());

    mock_app(&host, ROGUE_APP, true); // addResource
    let id = publish_as(
        &host,
        &mut comms,
        ROGUE_APP,
        target::ALL_HOLDERS,
        B256::ZERO,
    )
    .unwrap();
    assert_eq!(comms.get_notice(id).unwrap().0, ROGUE_APP);

    mock_app(&host, ROGUE_APP, false); // removeResource
    host.vm.clear_mocks();
    let before = storage(&host);
    let result = publish_as(
        &host,
        &mut comms,
        ROGUE_APP,
        target::ALL_HOLDERS,
        B256::ZERO,
    );
    assert_refused(&host, &before, result, refused());
    // ...and it can no longer revoke its own notice.
    host.vm.set_sender(ROGUE_APP);
    let result = comms.revoke_notice(id);
    assert_refused(&host, &before, result, refused());
}

// ----------------------------------------------------------------- revoke

/// revokeNotice: every kind of caller, on a notice an app published and on
/// one the issuer published.
#[test]
fn revoke_matrix() {
    for publisher in [APP, ISSUER] {
        for (who, r, _) in ACCOUNTS {
            let (host, mut comms) = deployed();
            let id = publish_as(
                &host,
                &mut comms,
                publisher,
                target::ALL_HOLDERS,
                B256::ZERO,
            )
            .unwrap();
            host.vm.clear_mocks();
            host.vm.set_sender(who);
            let before = storage(&host);
            let result = comms.revoke_notice(id);
            let allowed = who == MASTER || who == ISSUER || who == publisher;
            if allowed {
                assert_eq!(result, Ok(true), "{who} revokes {publisher}'s notice");
                assert!(comms.get_notice(id).unwrap().8);
                let logs = host.vm.get_emitted_logs();
                let ev = DSCommsServiceNoticeRevoked::decode_raw_log(
                    logs[0].0.iter().copied(),
                    &logs[0].1,
                )
                .unwrap();
                assert_eq!((ev.noticeId, ev.sender), (id, who));
            } else {
                assert_refused(&host, &before, result, DSError::unauthorized(who, r));
                assert!(!comms.get_notice(id).unwrap().8);
            }
        }
    }
}

#[test]
fn revoke_refuses_unknown_and_revoked_notices() {
    let (host, mut comms) = deployed();
    let id = publish_all(&host, &mut comms);
    host.vm.clear_mocks();
    host.vm.set_sender(MASTER);
    let before = storage(&host);
    for unknown in [U256::ZERO, U256::from(2), U256::MAX] {
        let result = comms.revoke_notice(unknown);
        let expected = DSError::NoticeNotFound(NoticeNotFound { noticeId: unknown });
        assert_refused(&host, &before, result, expected);
    }
    comms.revoke_notice(id).unwrap();
    host.vm.clear_mocks();
    let before = storage(&host);
    let result = comms.revoke_notice(id);
    assert_refused(
        &host,
        &before,
        result,
        DSError::NoticeIsRevoked(NoticeIsRevoked { noticeId: id }),
    );
}

// ------------------------------------------------------------ acknowledge

/// The expected outcome of `wallet` acknowledging a notice aimed at
/// (`kind`, `to`), per the specification.
fn spec_ack(wallet: Address, kind: u8, to: B256, id: U256) -> Result<bool, DSError> {
    let (key, land) = match wallet {
        ALICE_1 | ALICE_2 => (alice(), "FR"),
        BOB => (bob(), "US"),
        _ => return Err(DSError::NotAnInvestor(NotAnInvestor { wallet })),
    };
    let addressed = match kind {
        target::ALL_HOLDERS => true,
        target::INVESTOR => to == key,
        _ => to == country(land),
    };
    if addressed {
        Ok(true)
    } else {
        Err(DSError::NotNoticeTarget(NotNoticeTarget {
            noticeId: id,
            wallet,
        }))
    }
}

/// acknowledgeNotice: every target × every account.
#[test]
fn acknowledge_matrix() {
    let targets = [
        (target::ALL_HOLDERS, B256::ZERO),
        (target::INVESTOR, alice()),
        (target::INVESTOR, bob()),
        (target::COUNTRY, country("FR")),
        (target::COUNTRY, country("US")),
        (target::COUNTRY, country("DE")),
    ];
    for (kind, to) in targets {
        for (wallet, _, _) in ACCOUNTS {
            let (host, mut comms) = deployed();
            let id = publish_as(&host, &mut comms, ISSUER, kind, to).unwrap();
            host.vm.clear_mocks();
            let before = storage(&host);
            let result = ack(&host, &mut comms, wallet, id);
            let expected = spec_ack(wallet, kind, to, id);
            match expected {
                Ok(_) => {
                    assert_eq!(result, Ok(true), "{wallet} acks ({kind}, {to})");
                    let key = if wallet == BOB { bob() } else { alice() };
                    assert_eq!(comms.acknowledged_at(id, key), NOW);
                    assert_eq!(comms.get_notice(id).unwrap().9, U256::from(1));
                    let logs = host.vm.get_emitted_logs();
                    let ev = DSCommsServiceNoticeAcknowledged::decode_raw_log(
                        logs[0].0.iter().copied(),
                        &logs[0].1,
                    )
                    .unwrap();
                    assert_eq!((ev.noticeId, ev.investorKey, ev.wallet), (id, key, wallet));
                }
                Err(e) => assert_refused(&host, &before, result, e),
            }
        }
    }
}

/// Acknowledgements are per investor: a second wallet of the same investor
/// is refused; another investor counts.
#[test]
fn acknowledgements_are_per_investor_and_counted() {
    let (host, mut comms) = deployed();
    let id = publish_all(&host, &mut comms);
    ack(&host, &mut comms, ALICE_1, id).unwrap();
    host.vm.clear_mocks();
    for wallet in [ALICE_1, ALICE_2] {
        let before = storage(&host);
        let result = ack(&host, &mut comms, wallet, id);
        let expected = DSError::AlreadyAcknowledged(AlreadyAcknowledged {
            noticeId: id,
            investorKey: alice(),
        });
        assert_refused(&host, &before, result, expected);
    }
    ack(&host, &mut comms, BOB, id).unwrap();
    assert_eq!(comms.get_notice(id).unwrap().9, U256::from(2));
    // Counts are per notice.
    let other = publish_all(&host, &mut comms);
    assert_eq!(comms.get_notice(other).unwrap().9, U256::ZERO);
    assert_eq!(comms.acknowledged_at(other, alice()), 0);
    ack(&host, &mut comms, ALICE_2, other).unwrap();
    assert_eq!(comms.get_notice(other).unwrap().9, U256::from(1));
}

#[test]
fn acknowledge_refuses_unknown_revoked_and_expired_notices() {
    let (host, mut comms) = deployed();
    let before = storage(&host);
    for unknown in [U256::ZERO, U256::from(1)] {
        let result = ack(&host, &mut comms, ALICE_1, unknown);
        let expected = DSError::NoticeNotFound(NoticeNotFound { noticeId: unknown });
        assert_refused(&host, &before, result, expected);
    }
    let revoked = publish_all(&host, &mut comms);
    host.vm.set_sender(ISSUER);
    comms.revoke_notice(revoked).unwrap();
    host.vm.clear_mocks();
    let before = storage(&host);
    let result = ack(&host, &mut comms, ALICE_1, revoked);
    let expected = DSError::NoticeIsRevoked(NoticeIsRevoked { noticeId: revoked });
    assert_refused(&host, &before, result, expected);

    host.vm.set_sender(ISSUER);
    let deadline = NOW + 10;
    let id = comms
        .publish_notice(category::MEETING, HASH, URI.into(), 0, B256::ZERO, deadline)
        .unwrap();
    host.vm.set_block_timestamp(deadline); // the deadline itself is still open
    ack(&host, &mut comms, ALICE_1, id).unwrap();
    host.vm.set_block_timestamp(deadline + 1);
    host.vm.clear_mocks();
    let before = storage(&host);
    let result = ack(&host, &mut comms, BOB, id);
    let expected = DSError::NoticeExpired(NoticeExpired {
        noticeId: id,
        deadline,
    });
    assert_refused(&host, &before, result, expected);
}

#[test]
fn services_must_be_reachable() {
    let (host, mut comms) = deployed();
    let id = publish_all(&host, &mut comms);
    host.vm.clear_mocks();
    let before = storage(&host);
    // The Registry does not answer.
    host.unmock_static(REGISTRY, getPartyCall { wallet: BOB }.abi_encode());
    let result = ack(&host, &mut comms, BOB, id);
    let failed = |id: u64, at| {
        DSError::ServiceCallFailed(ServiceCallFailed {
            serviceId: U256::from(id),
            service: at,
        })
    };
    assert_refused(&host, &before, result, failed(service::REGISTRY, REGISTRY));
    // Trust does not answer the app question.
    host.unmock_static(TRUST, isAuthorizedAppCall { app: APP }.abi_encode());
    let result = publish_as(&host, &mut comms, APP, target::ALL_HOLDERS, B256::ZERO);
    assert_refused(&host, &before, result, failed(service::TRUST, TRUST));

    // No Registry configured at all.
    let host = MockHost::default();
    let mut comms = CommsService::from(&host);
    mock_role(&host, ISSUER, role::ISSUER);
    host.vm.set_sender(ds_common::deployer::STYLUS_DEPLOYER);
    comms.constructor(TRUST).unwrap();
    host.vm.set_sender(ISSUER);
    let id = publish_all(&host, &mut comms);
    host.vm.clear_mocks();
    let before = storage(&host);
    let result = ack(&host, &mut comms, BOB, id);
    let expected = DSError::ServiceNotSet(ServiceNotSet {
        serviceId: U256::from(service::REGISTRY),
    });
    assert_refused(&host, &before, result, expected);
}

// -------------------------------------------------------------- bad input

#[test]
fn publish_refuses_bad_input() {
    let (host, mut comms) = deployed();
    host.vm.set_sender(ISSUER);
    let before = storage(&host);
    let long = "x".repeat(257);
    let cases: Vec<(u8, B256, &str, u8, B256, u64, DSError)> = vec![
        (
            category::DIVIDEND,
            B256::ZERO,
            URI,
            0,
            B256::ZERO,
            0,
            DSError::EmptyContentHash(EmptyContentHash {}),
        ),
        (
            category::DIVIDEND,
            HASH,
            &long,
            0,
            B256::ZERO,
            0,
            DSError::UriTooLong(UriTooLong {
                length: U256::from(257),
                max: U256::from(256),
            }),
        ),
        (
            0,
            HASH,
            URI,
            0,
            B256::ZERO,
            0,
            DSError::InvalidNoticeCategory(InvalidNoticeCategory { category: 0 }),
        ),
        (
            6,
            HASH,
            URI,
            0,
            B256::ZERO,
            0,
            DSError::InvalidNoticeCategory(InvalidNoticeCategory { category: 6 }),
        ),
        (
            category::DOCUMENT,
            HASH,
            URI,
            target::ALL_HOLDERS,
            alice(),
            0,
            DSError::InvalidNoticeTarget(InvalidNoticeTarget {
                targetKind: target::ALL_HOLDERS,
                target: alice(),
            }),
        ),
        (
            category::DOCUMENT,
            HASH,
            URI,
            target::INVESTOR,
            B256::ZERO,
            0,
            DSError::InvalidNoticeTarget(InvalidNoticeTarget {
                targetKind: target::INVESTOR,
                target: B256::ZERO,
            }),
        ),
        (
            category::DOCUMENT,
            HASH,
            URI,
            target::COUNTRY,
            country("U5"),
            0,
            DSError::InvalidNoticeTarget(InvalidNoticeTarget {
                targetKind: target::COUNTRY,
                target: country("U5"),
            }),
        ),
        (
            category::DOCUMENT,
            HASH,
            URI,
            target::COUNTRY,
            country("fr"),
            0,
            DSError::InvalidNoticeTarget(InvalidNoticeTarget {
                targetKind: target::COUNTRY,
                target: country("fr"),
            }),
        ),
        (
            category::DOCUMENT,
            HASH,
            URI,
            3,
            B256::ZERO,
            0,
            DSError::InvalidNoticeTarget(InvalidNoticeTarget {
                targetKind: 3,
                target: B256::ZERO,
            }),
        ),
        (
            category::REGULATORY,
            HASH,
            URI,
            0,
            B256::ZERO,
            NOW,
            DSError::InvalidDeadline(InvalidDeadline {
                deadline: NOW,
                now: NOW,
            }),
        ),
    ];
    for (cat, hash, uri, kind, to, deadline, expected) in cases {
        let result = comms.publish_notice(cat, hash, uri.into(), kind, to, deadline);
        assert_refused(&host, &before, result, expected);
    }
    assert_eq!(comms.notice_count(), U256::ZERO);
    // The bounds themselves are accepted.
    let longest = "x".repeat(256);
    comms
        .publish_notice(
            category::CORPORATE_ACTION,
            HASH,
            longest.clone(),
            0,
            B256::ZERO,
            NOW + 1,
        )
        .unwrap();
    comms
        .publish_notice(category::REGULATORY, HASH, String::new(), 0, B256::ZERO, 0)
        .unwrap();
    assert_eq!(comms.get_notice(U256::from(1)).unwrap().3, longest);
}

#[test]
fn get_notice_of_an_unknown_id_is_refused() {
    let (host, mut comms) = deployed();
    publish_all(&host, &mut comms);
    for id in [U256::ZERO, U256::from(2)] {
        assert_eq!(
            comms.get_notice(id),
            Err(DSError::NoticeNotFound(NoticeNotFound { noticeId: id }))
        );
    }
}

// ------------------------------------------------------------- pagination

#[test]
fn notices_are_listed_in_bounded_pages() {
    let (host, mut comms) = deployed();
    for _ in 0..60 {
        publish_all(&host, &mut comms);
    }
    let ids = |from: u64, to: u64| (from..=to).map(U256::from).collect::<Vec<_>>();
    let page = |o: u64, l: u64| comms.get_notices(U256::from(o), U256::from(l));
    assert_eq!(page(0, 50), Ok(ids(1, 50)));
    assert_eq!(page(50, 50), Ok(ids(51, 60)));
    assert_eq!(page(10, 3), Ok(ids(11, 13)));
    assert_eq!(page(60, 10), Ok(vec![]));
    assert_eq!(page(0, 0), Ok(vec![]));
    assert_eq!(comms.get_notices(U256::MAX, U256::from(50)), Ok(vec![]));
    let too_large = |limit: U256| {
        Err(DSError::PageTooLarge(PageTooLarge {
            limit,
            max: U256::from(50),
        }))
    };
    assert_eq!(page(0, 51), too_large(U256::from(51)));
    assert_eq!(
        comms.get_notices(U256::ZERO, U256::MAX),
        too_large(U256::MAX)
    );
    assert_eq!(
        comms.get_unacknowledged_notices(ALICE_1, U256::ZERO, U256::from(51)),
        Err(DSError::PageTooLarge(PageTooLarge {
            limit: U256::from(51),
            max: U256::from(50),
        }))
    );
}

#[test]
fn unacknowledged_notices_of_an_investor() {
    let (host, mut comms) = deployed();
    let all = publish_all(&host, &mut comms); // 1
    let to_alice = publish_as(&host, &mut comms, ISSUER, target::INVESTOR, alice()).unwrap(); // 2
    let to_bob = publish_as(&host, &mut comms, ISSUER, target::INVESTOR, bob()).unwrap(); // 3
    let to_fr = publish_as(&host, &mut comms, APP, target::COUNTRY, country("FR")).unwrap(); // 4
    let to_us = publish_as(&host, &mut comms, APP, target::COUNTRY, country("US")).unwrap(); // 5
    let revoked = publish_all(&host, &mut comms); // 6
    host.vm.set_sender(ISSUER);
    comms.revoke_notice(revoked).unwrap();
    let expiring = comms
        .publish_notice(category::MEETING, HASH, URI.into(), 0, B256::ZERO, NOW + 5)
        .unwrap(); // 7
    let ten = U256::from(10);

    let list = |comms: &CommsService, wallet| {
        comms
            .get_unacknowledged_notices(wallet, U256::ZERO, ten)
            .unwrap()
    };
    // Either of alice's wallets sees alice's notices.
    let alice_open = vec![all, to_alice, to_fr, expiring];
    assert_eq!(list(&comms, ALICE_1), (alice_open.clone(), U256::from(7)));
    assert_eq!(list(&comms, ALICE_2), (alice_open, U256::from(7)));
    assert_eq!(
        list(&comms, BOB),
        (vec![all, to_bob, to_us, expiring], U256::from(7))
    );

    // Acknowledged from one wallet: gone for both.
    ack(&host, &mut comms, ALICE_2, to_fr).unwrap();
    ack(&host, &mut comms, ALICE_1, all).unwrap();
    assert_eq!(list(&comms, ALICE_1).0, vec![to_alice, expiring]);
    // Expired: gone.
    host.vm.set_block_timestamp(NOW + 6);
    assert_eq!(list(&comms, ALICE_2).0, vec![to_alice]);
    assert_eq!(list(&comms, BOB).0, vec![all, to_bob, to_us]);

    // Pages scan positions: the next offset walks to the end.
    let page = comms
        .get_unacknowledged_notices(BOB, U256::from(1), U256::from(2))
        .unwrap();
    assert_eq!(page, (vec![to_bob], U256::from(3)));
    let page = comms
        .get_unacknowledged_notices(BOB, U256::from(5), U256::from(50))
        .unwrap();
    assert_eq!(page, (vec![], U256::from(7)));

    // Only investors have a list.
    for wallet in [PLATFORM, NOBODY] {
        assert_eq!(
            comms.get_unacknowledged_notices(wallet, U256::ZERO, ten),
            Err(DSError::NotAnInvestor(NotAnInvestor { wallet }))
        );
    }
}

#[test]
fn notice_ids_are_sequential_and_errors_are_custom_errors() {
    let (host, mut comms) = deployed();
    assert_eq!(publish_all(&host, &mut comms), U256::from(1));
    assert_eq!(publish_all(&host, &mut comms), U256::from(2));
    let data: Vec<u8> = DSError::EmptyContentHash(EmptyContentHash {}).into();
    assert_eq!(data, EmptyContentHash::SELECTOR.to_vec());
    assert_eq!(
        EmptyContentHash::SELECTOR.to_vec(),
        keccak256("EmptyContentHash()")[..4].to_vec()
    );
    assert_eq!(role_of(APP), role::NONE);
}
