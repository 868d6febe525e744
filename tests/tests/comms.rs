//! Comms notices on the real artifacts: published by the issuer, acknowledged
//! once per investor from any of its wallets, targeted, revoked, expired.

use ds_e2e::{
    abi::{self, IComms},
    ids::role,
    investor_key, u, Address, ReceiptExt, Suite, B256, U256,
};

const DIVIDEND: u8 = 2;
const MEETING: u8 = 3;
const ALL_HOLDERS: u8 = 0;
const INVESTOR: u8 = 1;
const COUNTRY: u8 = 2;

/// `bytes32("FR")`: a country target.
fn country(letters: &str) -> B256 {
    let mut word = [0u8; 32];
    word[..letters.len()].copy_from_slice(letters.as_bytes());
    B256::from(word)
}

fn publish(kind: u8, target: B256, deadline: u64) -> IComms::publishNoticeCall {
    IComms::publishNoticeCall {
        category: DIVIDEND,
        content_hash: B256::repeat_byte(0xab),
        uri: "ipfs://dividend-2026".into(),
        target_kind: kind,
        target,
        deadline,
    }
}

fn acknowledge(s: &mut Suite, wallet: Address, id: U256) -> ds_e2e::Receipt {
    s.send(
        wallet,
        s.comms,
        &IComms::acknowledgeNoticeCall { notice_id: id },
    )
}

#[test]
fn notice_to_all_holders_is_acknowledged_once_per_investor() {
    let mut s = Suite::without_token();
    let fr = s.new_investor("fr-1", "FR", &[]);
    let fr_second = s.wallet("fr-1 second");
    s.add_wallet("fr-1", fr_second);
    let us = s.new_investor("us-1", "US", &[]);

    let r = s.must(s.issuer, s.comms, &publish(ALL_HOLDERS, B256::ZERO, 0));
    let id = r.decode::<IComms::publishNoticeCall>().expect("notice id");
    assert_eq!(id, u(1));
    let ev = &r.events::<abi::DSCommsServiceNoticePublished>()[0];
    assert_eq!(
        (ev.noticeId, ev.publisher, ev.category, ev.uri.as_str()),
        (id, s.issuer, DIVIDEND, "ipfs://dividend-2026")
    );
    assert_eq!(s.view(s.comms, &IComms::noticeCountCall {}), u(1));

    let pending = s.view(
        s.comms,
        &IComms::getUnacknowledgedNoticesCall {
            wallet: fr,
            offset: U256::ZERO,
            limit: u(10),
        },
    );
    assert_eq!(pending._0, vec![id]);
    let r = acknowledge(&mut s, fr, id).expect_ok("acknowledge");
    let ev = &r.events::<abi::DSCommsServiceNoticeAcknowledged>()[0];
    assert_eq!(
        (ev.noticeId, ev.investorKey, ev.wallet),
        (id, investor_key("fr-1"), fr)
    );
    let at = s.view(
        s.comms,
        &IComms::acknowledgedAtCall {
            notice_id: id,
            investor_key: investor_key("fr-1"),
        },
    );
    assert_eq!(at, s.now());
    // the same investor from its other wallet: already acknowledged
    let r = acknowledge(&mut s, fr_second, id);
    assert_eq!(
        r.revert_error::<abi::AlreadyAcknowledged>(),
        Some(abi::AlreadyAcknowledged {
            noticeId: id,
            investorKey: investor_key("fr-1")
        })
    );
    let pending = s.view(
        s.comms,
        &IComms::getUnacknowledgedNoticesCall {
            wallet: fr_second,
            offset: U256::ZERO,
            limit: u(10),
        },
    );
    assert!(pending._0.is_empty());
    acknowledge(&mut s, us, id).expect_ok("acknowledge");
    let notice = s.view(s.comms, &IComms::getNoticeCall { notice_id: id });
    assert_eq!(notice._9, u(2), "two investors acknowledged");
    // a wallet of nobody
    let stranger = s.wallet("stranger");
    let r = acknowledge(&mut s, stranger, id);
    assert_eq!(
        r.revert_error::<abi::NotAnInvestor>(),
        Some(abi::NotAnInvestor { wallet: stranger })
    );
}

#[test]
fn targeted_notices_reach_only_their_targets() {
    let mut s = Suite::without_token();
    let fr = s.new_investor("fr-1", "FR", &[]);
    let de = s.new_investor("de-1", "DE", &[]);
    let r = s.must(s.issuer, s.comms, &publish(COUNTRY, country("FR"), 0));
    let to_fr = r.decode::<IComms::publishNoticeCall>().expect("id");
    let r = s.must(
        s.master,
        s.comms,
        &publish(INVESTOR, investor_key("de-1"), 0),
    );
    let to_de = r.decode::<IComms::publishNoticeCall>().expect("id");

    let r = acknowledge(&mut s, de, to_fr);
    assert_eq!(
        r.revert_error::<abi::NotNoticeTarget>(),
        Some(abi::NotNoticeTarget {
            noticeId: to_fr,
            wallet: de
        })
    );
    let r = acknowledge(&mut s, fr, to_de);
    assert_eq!(
        r.revert_error::<abi::NotNoticeTarget>(),
        Some(abi::NotNoticeTarget {
            noticeId: to_de,
            wallet: fr
        })
    );
    acknowledge(&mut s, fr, to_fr).expect_ok("FR investor, FR notice");
    acknowledge(&mut s, de, to_de).expect_ok("DE investor, its own notice");
}

#[test]
fn only_the_issuer_or_master_publishes_and_revokes() {
    let mut s = Suite::without_token();
    let fr = s.new_investor("fr-1", "FR", &[]);
    for (who, r) in [
        (s.exchange, role::EXCHANGE),
        (s.transfer_agent, role::TRANSFER_AGENT),
        (fr, role::NONE),
    ] {
        let receipt = s.send(who, s.comms, &publish(ALL_HOLDERS, B256::ZERO, 0));
        assert_eq!(
            receipt.revert_error::<abi::UnauthorizedCaller>(),
            Some(abi::UnauthorizedCaller {
                caller: who,
                callerRole: r
            })
        );
    }
    assert_eq!(s.view(s.comms, &IComms::noticeCountCall {}), U256::ZERO);
    s.must(s.issuer, s.comms, &publish(ALL_HOLDERS, B256::ZERO, 0));
    let r = s.must(
        s.master,
        s.comms,
        &IComms::revokeNoticeCall { notice_id: u(1) },
    );
    assert_eq!(
        r.events::<abi::DSCommsServiceNoticeRevoked>()[0].sender,
        s.master
    );
    let r = acknowledge(&mut s, fr, u(1));
    assert_eq!(
        r.revert_error::<abi::NoticeIsRevoked>(),
        Some(abi::NoticeIsRevoked { noticeId: u(1) })
    );
}

#[test]
fn a_notice_closes_after_its_deadline() {
    let mut s = Suite::without_token();
    let fr = s.new_investor("fr-1", "FR", &[]);
    let de = s.new_investor("de-1", "DE", &[]);
    let deadline = s.now() + 3_600;
    let mut call = publish(ALL_HOLDERS, B256::ZERO, deadline);
    call.category = MEETING;
    s.must(s.issuer, s.comms, &call);
    s.advance(3_600);
    acknowledge(&mut s, fr, u(1)).expect_ok("at the deadline");
    s.advance(1);
    let r = acknowledge(&mut s, de, u(1));
    assert_eq!(
        r.revert_error::<abi::NoticeExpired>(),
        Some(abi::NoticeExpired {
            noticeId: u(1),
            deadline
        })
    );
    let pending = s.view(
        s.comms,
        &IComms::getUnacknowledgedNoticesCall {
            wallet: de,
            offset: U256::ZERO,
            limit: u(10),
        },
    );
    assert!(
        pending._0.is_empty(),
        "an expired notice is no longer pending"
    );
}
