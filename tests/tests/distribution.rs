//! The distribution app on the real artifacts: deployed next to the suite
//! with the payment-token fixture, authorised in Trust as a DS app; shares
//! follow the token snapshot taken at creation (later transfers and
//! issuances change nothing), claims are exact and once, the rest goes back
//! after the deadline. Prints the gas of `createDistribution` and `claim`.

use alloy_sol_types::SolCall;
use ds_e2e::{
    abi::{self, IComms, IDistribution, IPaymentToken, ITokenSnapshots},
    apps::{self, PAYMENT_SUPPLY},
    ids::role,
    report::{self, Measured},
    u, Address, Receipt, ReceiptExt, Suite, B256, COUNTRIES, U256,
};

/// Units distributed.
const AMOUNT: u64 = 1_000_000;
/// Claim window.
const WINDOW: u64 = 30 * 86_400;
const HASH: B256 = B256::repeat_byte(0xd1);
const URI: &str = "ipfs://bafy-dividend-q4";
const DIVIDEND: u8 = 2;
const ALL_HOLDERS: u8 = 0;

/// The suite with the app and the payment token deployed and wired, and
/// three holders: alice 300, bob 200, carol 100 (1/2, 1/3, 1/6).
struct Fixture {
    s: Suite,
    /// The distribution app.
    app: Address,
    /// The payment ERC-20 (all of it held by the issuer at first).
    pay: Address,
    alice: Address,
    bob: Address,
    carol: Address,
}

/// Deploys the app and the payment token next to the suite
/// ([`apps::deploy_distribution`]); `authorise` also makes the app a
/// resource of a Trust entity.
fn deploy(s: &mut Suite, authorise: bool) -> (Address, Address) {
    let (app, pay) = apps::deploy_distribution(s);
    if authorise {
        let owner = s.wallet("apps owner");
        apps::authorise(s, "dividend apps", owner, app);
    }
    (app, pay)
}

fn fixture() -> Fixture {
    let mut s = Suite::new();
    s.set_countries(&COUNTRIES);
    let (app, pay) = deploy(&mut s, true);
    let alice = s.new_investor("alice", "DE", &[]);
    let bob = s.new_investor("bob", "FR", &[]);
    let carol = s.new_investor("carol", "JP", &[]);
    for (wallet, value) in [(alice, 300), (bob, 200), (carol, 100)] {
        s.issue(wallet, value).expect_ok("issue");
    }
    Fixture {
        s,
        app,
        pay,
        alice,
        bob,
        carol,
    }
}

impl Fixture {
    fn create_call(&self, amount: u64, deadline: u64) -> IDistribution::createDistributionCall {
        IDistribution::createDistributionCall {
            payment_token: self.pay,
            amount: u(amount),
            deadline,
            content_hash: HASH,
            uri: URI.into(),
        }
    }

    /// `who` approves the app for `amount` of the payment token.
    fn approve(&mut self, who: Address, amount: u64) {
        let call = IPaymentToken::approveCall {
            spender: self.app,
            value: u(amount),
        };
        let pay = self.pay;
        self.s.must(who, pay, &call);
    }

    /// The issuer approves and creates a distribution of `amount` until
    /// `deadline`.
    fn create(&mut self, amount: u64, deadline: u64) -> Receipt {
        let issuer = self.s.issuer;
        self.approve(issuer, amount);
        let call = self.create_call(amount, deadline);
        let app = self.app;
        self.s.send(issuer, app, &call)
    }

    fn claim(&mut self, wallet: Address, id: U256) -> Receipt {
        let app = self.app;
        self.s.send(wallet, app, &IDistribution::claimCall { id })
    }

    fn reclaim(&mut self, who: Address, id: U256) -> Receipt {
        let app = self.app;
        self.s.send(who, app, &IDistribution::reclaimCall { id })
    }

    fn claimable(&mut self, id: U256, wallet: Address) -> U256 {
        let app = self.app;
        self.s
            .view(app, &IDistribution::claimableCall { id, wallet })
    }

    fn paid(&mut self, who: Address) -> U256 {
        let pay = self.pay;
        self.s
            .view(pay, &IPaymentToken::balanceOfCall { owner: who })
    }

    fn count(&mut self) -> U256 {
        let app = self.app;
        self.s.view(app, &IDistribution::distributionCountCall {})
    }

    fn snapshot_id(&mut self) -> U256 {
        let token = self.s.token();
        self.s
            .view(token, &ITokenSnapshots::currentSnapshotIdCall {})
    }

    fn notices(&mut self) -> U256 {
        let comms = self.s.comms;
        self.s.view(comms, &IComms::noticeCountCall {})
    }
}

/// Asserts that `r` reverted with exactly `expected` and logged nothing.
fn refused<E: alloy_sol_types::SolError + PartialEq + std::fmt::Debug>(r: &Receipt, expected: E) {
    assert_eq!(r.revert_error::<E>(), Some(expected), "{}", r.outcome());
    assert!(r.logs.is_empty(), "a refusal logs nothing");
}

#[test]
fn a_distribution_pays_the_holders_at_the_snapshot() {
    let mut f = fixture();
    let (alice, bob, carol) = (f.alice, f.bob, f.carol);
    let deadline = f.s.now() + WINDOW;
    let snapshots_before = f.snapshot_id();

    // ----- create
    let r = f.create(AMOUNT, deadline).expect_ok("createDistribution");
    let created = Measured::of("createDistribution", &r);
    let id = r.decode::<IDistribution::createDistributionCall>().unwrap();
    assert_eq!(id, u(1));
    let snapshot = f.snapshot_id();
    assert_eq!(snapshot, snapshots_before + u(1), "one new snapshot");
    let ev = &r.events::<abi::DistributionCreated>()[0];
    assert_eq!(
        (
            ev.id,
            ev.paymentToken,
            ev.amount,
            ev.snapshotId,
            ev.deadline
        ),
        (id, f.pay, u(AMOUNT), snapshot, deadline)
    );
    assert_eq!(r.events::<abi::Snapshot>().len(), 1);
    // announced to all holders by the app, with the same deadline
    let notice = &r.events::<abi::DSCommsServiceNoticePublished>()[0];
    assert_eq!(
        (notice.publisher, notice.category, notice.targetKind),
        (f.app, DIVIDEND, ALL_HOLDERS)
    );
    assert_eq!(
        (notice.contentHash, notice.uri.as_str(), notice.deadline),
        (HASH, URI, deadline)
    );
    let app = f.app;
    let d = f.s.view(app, &IDistribution::getDistributionCall { id });
    assert_eq!(
        (d._0, d._1, d._2, d._3, d._4, d._5, d._6, d._7),
        (
            f.pay,
            u(AMOUNT),
            snapshot,
            u(600),
            deadline,
            U256::ZERO,
            f.s.issuer,
            false
        )
    );
    assert_eq!((d._8, d._9), (f.s.token(), notice.noticeId));
    // the amount moved from the issuer to the app
    assert_eq!(f.paid(app), u(AMOUNT));
    let issuer = f.s.issuer;
    assert_eq!(f.paid(issuer), u(PAYMENT_SUPPLY - AMOUNT));

    // ----- after the snapshot: a transfer and an issuance change no share
    f.s.expect_transfer(alice, bob, 100);
    let dave = f.s.new_investor("dave", "DE", &[]);
    f.s.issue(dave, 1_000).expect_ok("issue after the snapshot");
    let shares = [
        (alice, 500_000),
        (bob, 333_333),
        (carol, 166_666),
        (dave, 0),
    ];
    for (wallet, share) in shares {
        assert_eq!(f.claimable(id, wallet), u(share), "{wallet}");
    }

    // ----- claims
    let r = f.claim(alice, id).expect_ok("alice claims");
    let claimed = Measured::of("claim", &r);
    assert_eq!(r.decode::<IDistribution::claimCall>().unwrap(), u(500_000));
    let ev = &r.events::<abi::Claimed>()[0];
    assert_eq!((ev.id, ev.wallet, ev.amount), (id, alice, u(500_000)));
    assert_eq!(f.paid(alice), u(500_000));
    assert_eq!(f.claimable(id, alice), U256::ZERO);
    // twice
    let r = f.claim(alice, id);
    refused(
        &r,
        abi::AlreadyClaimed {
            distributionId: id,
            wallet: alice,
        },
    );
    // a holder who bought after the snapshot, and a stranger
    let stranger = f.s.wallet("stranger");
    for wallet in [dave, stranger] {
        let r = f.claim(wallet, id);
        refused(
            &r,
            abi::NothingToClaim {
                distributionId: id,
                wallet,
            },
        );
    }
    let r = f.claim(bob, id).expect_ok("bob claims");
    let claimed_second = Measured::of("claim (second claimant)", &r);
    assert_eq!(f.paid(bob), u(333_333), "bob's share at the snapshot");
    // an unknown distribution
    let r = f.claim(carol, u(2));
    refused(
        &r,
        abi::UnknownDistribution {
            distributionId: u(2),
        },
    );

    // ----- reclaim: not before the deadline
    let r = f.reclaim(issuer, id);
    refused(
        &r,
        abi::DistributionNotEnded {
            distributionId: id,
            deadline,
        },
    );
    f.s.advance(WINDOW + 1);
    // carol is too late
    let r = f.claim(carol, id);
    refused(
        &r,
        abi::DistributionExpired {
            distributionId: id,
            deadline,
        },
    );
    assert_eq!(f.claimable(id, carol), U256::ZERO);
    // neither a stranger nor an exchange may reclaim
    let exchange = f.s.exchange;
    for (who, r) in [(stranger, role::NONE), (exchange, role::EXCHANGE)] {
        let receipt = f.reclaim(who, id);
        refused(
            &receipt,
            abi::UnauthorizedCaller {
                caller: who,
                callerRole: r,
            },
        );
    }
    // the creator takes back carol's share and the dust, once
    let r = f.reclaim(issuer, id).expect_ok("reclaim");
    let rest = u(AMOUNT - 500_000 - 333_333);
    assert_eq!(r.decode::<IDistribution::reclaimCall>().unwrap(), rest);
    let ev = &r.events::<abi::Reclaimed>()[0];
    assert_eq!((ev.id, ev.to, ev.amount), (id, issuer, rest));
    assert_eq!(f.paid(issuer), u(PAYMENT_SUPPLY) - u(500_000) - u(333_333));
    assert_eq!(f.paid(app), U256::ZERO, "claims + rest = amount");
    let r = f.reclaim(issuer, id);
    refused(&r, abi::AlreadyReclaimed { distributionId: id });
    let master = f.s.master;
    let r = f.reclaim(master, id);
    refused(&r, abi::AlreadyReclaimed { distributionId: id });
    let d = f.s.view(app, &IDistribution::getDistributionCall { id });
    assert_eq!((d._5, d._7), (u(833_333), true));

    println!(
        "\nDistribution app gas on the devnet:\n{}",
        report::table(&[created, claimed, claimed_second])
    );
}

/// Two distributions over different snapshots pay from one pool: each
/// follows its own snapshot and never pays more than its amount.
#[test]
fn distributions_follow_their_own_snapshot() {
    let mut f = fixture();
    let (alice, bob) = (f.alice, f.bob);
    let deadline = f.s.now() + WINDOW;
    let first = f.create(600, deadline).expect_ok("first");
    let first = first
        .decode::<IDistribution::createDistributionCall>()
        .unwrap();
    // bob gives everything to alice; the second snapshot (an hour later:
    // at most one snapshot an hour) sees 500 / 0 / 100
    f.s.expect_transfer(bob, alice, 200);
    f.s.advance(3_600);
    let second = f.create(6_000, deadline).expect_ok("second");
    let second = second
        .decode::<IDistribution::createDistributionCall>()
        .unwrap();
    assert_eq!(f.count(), u(2));
    assert_eq!(f.claimable(first, bob), u(200));
    assert_eq!(f.claimable(second, bob), U256::ZERO);
    assert_eq!(f.claimable(second, alice), u(5_000));
    f.claim(bob, first).expect_ok("bob, first");
    let r = f.claim(bob, second);
    refused(
        &r,
        abi::NothingToClaim {
            distributionId: second,
            wallet: bob,
        },
    );
    f.claim(alice, first).expect_ok("alice, first");
    f.claim(alice, second).expect_ok("alice, second");
    assert_eq!(f.paid(alice), u(300 + 5_000));
    assert_eq!(f.paid(bob), u(200));
    let app = f.app;
    assert_eq!(f.paid(app), u(600 + 6_000 - 300 - 200 - 5_000));
}

/// Who may create, and what a refused creation leaves behind: nothing
/// (no distribution, no snapshot, no notice, no payment moved).
#[test]
fn creation_refusals_keep_nothing() {
    let mut f = fixture();
    let deadline = f.s.now() + WINDOW;
    let before = (f.count(), f.snapshot_id(), f.notices());
    // roles below issuer
    let (exchange, agent) = (f.s.exchange, f.s.transfer_agent);
    let alice = f.alice;
    for (who, r) in [
        (exchange, role::EXCHANGE),
        (agent, role::TRANSFER_AGENT),
        (alice, role::NONE),
    ] {
        let call = f.create_call(AMOUNT, deadline);
        let app = f.app;
        let receipt = f.s.send(who, app, &call);
        refused(
            &receipt,
            abi::UnauthorizedCaller {
                caller: who,
                callerRole: r,
            },
        );
    }
    // bad terms
    let now = f.s.now();
    let r = f.create(AMOUNT, now);
    refused(&r, abi::InvalidDeadline { deadline: now, now });
    let r = f.create(0, deadline);
    refused(&r, abi::ZeroAmount {});
    // no allowance: the payment token's own error, passed on
    let issuer = f.s.issuer;
    let call = f.create_call(AMOUNT, deadline);
    let app = f.app;
    f.approve(issuer, 0);
    let r = f.s.send(issuer, app, &call);
    refused(
        &r,
        abi::ERC20InsufficientAllowance {
            spender: app,
            allowance: U256::ZERO,
            needed: u(AMOUNT),
        },
    );
    // the master may create (it is the issuance's owner)
    let master = f.s.master;
    let pay = f.pay;
    f.s.must(
        issuer,
        pay,
        &IPaymentToken::transferCall {
            to: master,
            value: u(AMOUNT),
        },
    );
    assert_eq!((f.count(), f.snapshot_id(), f.notices()), before);
    f.approve(master, AMOUNT);
    f.s.must(master, app, &call);
    assert_eq!(f.count(), before.0 + u(1));
}

/// An app Trust does not authorise cannot take a snapshot: the token's
/// refusal (naming the app) is passed on, and nothing is kept; once
/// authorised it can, and once its authorisation is revoked it cannot.
#[test]
fn an_unauthorised_app_cannot_create() {
    let mut s = Suite::new();
    s.set_countries(&COUNTRIES);
    let (app, pay) = deploy(&mut s, false);
    let alice = s.new_investor("alice", "DE", &[]);
    s.issue(alice, 100).expect_ok("issue");
    let issuer = s.issuer;
    s.must(
        issuer,
        pay,
        &IPaymentToken::approveCall {
            spender: app,
            value: u(AMOUNT),
        },
    );
    let call = IDistribution::createDistributionCall {
        payment_token: pay,
        amount: u(AMOUNT),
        deadline: s.now() + WINDOW,
        content_hash: HASH,
        uri: URI.into(),
    };
    let r = s.send(issuer, app, &call);
    refused(
        &r,
        abi::UnauthorizedCaller {
            caller: app,
            callerRole: role::NONE,
        },
    );
    let token = s.token();
    assert_eq!(
        s.view(token, &ITokenSnapshots::currentSnapshotIdCall {}),
        U256::ZERO
    );
    assert_eq!(
        s.view(pay, &IPaymentToken::balanceOfCall { owner: issuer }),
        u(PAYMENT_SUPPLY)
    );
    assert_eq!(
        s.view(app, &IDistribution::distributionCountCall {}),
        U256::ZERO
    );
    // the ABI call name is what integrators see
    assert_eq!(
        IDistribution::createDistributionCall::SIGNATURE,
        "createDistribution(address,uint256,uint64,bytes32,string)"
    );
    // Authorised by the issuer's Trust master: the same call now works.
    let owner = s.wallet("apps owner");
    apps::authorise(&mut s, "dividend apps", owner, app);
    s.send(issuer, app, &call)
        .expect_ok("create once authorised");
    assert_eq!(s.view(app, &IDistribution::distributionCountCall {}), u(1));
    // Revoked (the resource removed from its entity): refused again.
    let (master, trust) = (s.master, s.trust);
    s.must(
        master,
        trust,
        &abi::ITrustAdmin::removeResourceCall {
            name: "dividend apps".into(),
            resource: app,
        },
    );
    let r = s.send(issuer, app, &call);
    refused(
        &r,
        abi::UnauthorizedCaller {
            caller: app,
            callerRole: role::NONE,
        },
    );
    assert_eq!(s.view(app, &IDistribution::distributionCountCall {}), u(1));
    assert_eq!(
        s.view(token, &ITokenSnapshots::currentSnapshotIdCall {}),
        u(1)
    );
}
