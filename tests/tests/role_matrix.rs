//! The role matrix of `docs/roles.md`, checked cell by cell on the real
//! artifacts.
//!
//! The specification is read from ONE place: the markdown table, included
//! at build time and parsed here. For every row (a state-changing function)
//! and every column (a caller) the test makes the call on a fixture in
//! which every function has something to act on (two identical fixtures,
//! one per thread, each checking the rows of some contracts):
//!
//! - `yes`: the call, simulated (run in full, nothing kept, so every case
//!   starts from the same fresh fixture), must succeed;
//! - `no`: the call, sent as a real transaction, must revert with the access
//!   error naming the caller (`UnauthorizedCaller` with its Trust role,
//!   `RoleNotManageable`, `OnlyToken`, `OnlyRegistry`, `NotPendingMaster`,
//!   `NotAnInvestor`, `NothingToClaim`) and log nothing; after the rows of
//!   each contract, every view of the fixture (roles, entities, investors,
//!   wallets, rules, counters, locks, blacklist, notices, balances,
//!   allowances, distributions, payments...) must read as before the first
//!   call;
//! - `own`: the call on what the caller created must succeed (simulated),
//!   the same call on what someone else created must be refused as above
//!   (`NotInvestorCreator` / `UnauthorizedCaller`);
//! - "also allowed" (a caller outside the eight columns: the proposed master,
//!   the Registry, an investor wallet, an entity owner, a holder at a
//!   distribution's snapshot, a distribution's creator without a role):
//!   simulated, must succeed, so a row refused to all eight columns is
//!   known to work.
//!
//! The table must list exactly the functions this file knows how to call,
//! every file of `abi/` must belong to a contract of the table, and every
//! non-view function of `abi/*.sol` must have a row.

use std::collections::BTreeSet;

use alloy_sol_types::{SolCall, SolError};
use ds_common::ids::{notice_category, notice_target};
use ds_devnet::Tx;
use ds_e2e::{
    abi::{
        self, IBulkOperator, IComms, ICompliance, IComplianceConfig, IComplianceInternal, IDSToken,
        IDistribution, IDvP, INavProvider, IPaymentToken, IRebasingProvider, IRedemption,
        IRegistry, IRegistryAdmin, ISubscription, ITokenIssuer, ITokenRegistryHook,
        ITokenSnapshots, ITransactionRelayer, ITrust, ITrustAdmin, IWalletRegistrar,
    },
    apps,
    ids::{attribute, attribute_status, region, role, service},
    investor_key, u, wasm, Address, Devnet, Receipt, ReceiptExt, Rules, Suite, B256, COUNTRIES,
    U256,
};

const SPEC: &str = include_str!("../../docs/roles.md");

/// The ABI files (`abi/`, one per address) and the contract (table name)
/// at that address. A file not listed here fails the test: its contract
/// needs rows in `docs/roles.md`.
const ABI_FILES: [(&str, &str); 16] = [
    ("TrustService.sol", "Trust"),
    ("RegistryService.sol", "Registry"),
    ("ComplianceService.sol", "Compliance"),
    ("CommsService.sol", "Comms"),
    ("DSToken.sol", "DS token"),
    ("Distribution.sol", "Distribution"),
    ("DvP.sol", "DvP"),
    ("NavProvider.sol", "NavProvider"),
    ("BulkBalanceChecker.sol", "BulkBalanceChecker"),
    ("TokenIssuer.sol", "TokenIssuer"),
    ("WalletRegistrar.sol", "WalletRegistrar"),
    ("BulkOperator.sol", "BulkOperator"),
    ("TransactionRelayer.sol", "TransactionRelayer"),
    ("RebasingProvider.sol", "RebasingProvider"),
    ("Subscription.sol", "Subscription"),
    ("Redemption.sol", "Redemption"),
];

/// The caller columns, in table order.
const COLUMNS: [&str; 8] = [
    "none",
    "master",
    "issuer",
    "exchange",
    "transfer agent",
    "token",
    "authorised app",
    "unauthorised app",
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Cell {
    Yes,
    No,
    Own,
}

/// One row of the table.
#[derive(Debug)]
struct Row {
    contract: String,
    /// The function cell without backticks, e.g. "setRole (ISSUER)".
    function: String,
    cells: [Cell; 8],
    /// The "also allowed" caller, if any.
    also: Option<String>,
}

impl Row {
    fn key(&self) -> String {
        format!("{}: {}", self.contract, self.function)
    }
}

fn cells(line: &str) -> Vec<String> {
    let line = line.trim();
    let inner = line.strip_prefix('|').unwrap_or(line);
    let inner = inner.strip_suffix('|').unwrap_or(inner);
    inner.split('|').map(|c| c.trim().to_string()).collect()
}

/// Parses the matrix of `docs/roles.md`.
fn parse_spec() -> Vec<Row> {
    let mut lines = SPEC
        .lines()
        .skip_while(|l| !l.starts_with("| contract | function |"));
    let header = cells(lines.next().expect("docs/roles.md: no matrix header"));
    let mut expected = vec!["contract", "function"];
    expected.extend(COLUMNS);
    expected.extend(["also allowed", "gate in the code"]);
    assert_eq!(header, expected, "docs/roles.md: matrix columns");
    let separator = lines.next().expect("separator");
    assert!(separator.starts_with("|---"), "separator line: {separator}");
    lines
        .take_while(|l| l.starts_with('|'))
        .map(|line| {
            let c = cells(line);
            assert_eq!(c.len(), header.len(), "cell count of: {line}");
            let mut row_cells = [Cell::No; 8];
            for (i, text) in c[2..10].iter().enumerate() {
                row_cells[i] = match text.as_str() {
                    "yes" => Cell::Yes,
                    "no" => Cell::No,
                    "own" => Cell::Own,
                    other => panic!("docs/roles.md: cell {other:?} in: {line}"),
                };
            }
            Row {
                contract: c[0].clone(),
                function: c[1].replace('`', ""),
                cells: row_cells,
                also: (c[10] != "—").then(|| c[10].clone()),
            }
        })
        .collect()
}

/// The non-view functions of an ABI file.
fn mutating_functions(sol: &str) -> Vec<String> {
    sol.lines()
        .map(str::trim)
        .filter(|l| l.starts_with("function "))
        .filter(|l| !l.contains(" view ") && !l.contains(" pure "))
        .map(|l| {
            l["function ".len()..]
                .split('(')
                .next()
                .unwrap_or("")
                .to_string()
        })
        .collect()
}

/// Addresses and ids of the fixture every case acts on.
struct Fx {
    s: Suite,
    /// The callers, in column order.
    callers: [Address; 8],
    /// Their Trust roles.
    roles: [u8; 8],
    app: Address,
    pending_master: Address,
    apps_owner: Address,
    apps_operator: Address,
    issuer2: Address,
    exchange2: Address,
    ta2: Address,
    alice: Address,
    bob: Address,
    eve: Address,
    vault: Address,
    platform: Address,
    listed: Address,
    spender: Address,
    /// The distribution app (authorised in Trust) and its payment token.
    dist: Address,
    pay: Address,
    /// Created distribution 2, then lost its ISSUER role.
    dist_creator: Address,
    /// The DvP app, with offer [`OFFER`] (alice sells to bob).
    dvp: Address,
    /// The NAV provider and its one rate updater.
    nav: Address,
    rate_updater: Address,
    /// DS's auxiliary services (the ISSUER role each needs) and a second,
    /// paused bulk operator.
    aux: apps::AuxServices,
    paused_bulk: Address,
    /// Calldata of `executePreApprovedTransaction`: issue 1 token to alice,
    /// signed by an issuer, nonce 0 of alice, no block limit.
    relayed: Vec<u8>,
    /// The subscription app with rounds [`ROUND_OPEN`], [`ROUND_SOLD_OUT`],
    /// [`ROUND_SUCCEEDED`] and [`ROUND_CANCELLED`] (alice subscribed 1 in
    /// each of the last three).
    sub: Address,
    /// The redemption app with window 1 (locked tokens allowed, funded
    /// with 10 payment units) and alice's pending request 1.
    red: Address,
}

/// A fresh address for arguments (new role holders, wallets, owners).
fn fresh(label: &str) -> Address {
    Devnet::account(&format!("fresh {label}"))
}

/// An unused DS service id (TRANSACTION_RELAYER in DS), for `setDSService`.
const SPARE_SERVICE: u64 = 4096;

const APPS: &str = "Example Apps";
const EMPTY: &str = "Empty entity";
const DIVIDEND_APPS: &str = "Dividend apps";

/// Distribution 1: by the issuer, open (the holders at its snapshot, alice
/// and bob, may claim).
const OPEN: u64 = 1;
/// Distribution 2: by the distribution creator, past its deadline (may be
/// reclaimed).
const ENDED: u64 = 2;
/// Claim window of the distributions the fixture and the cases create.
const WINDOW: u64 = 30 * 86_400;
/// Payment units of each distribution.
const DISTRIBUTED: u64 = 1_000;

fn fixture() -> Fx {
    let mut s = Suite::new();
    s.set_countries(&COUNTRIES);
    let master = s.master;
    let trust = s.trust;
    // the apps are contracts (the calibration ERC-20 serves as their code)
    let app = Devnet::account("authorised app");
    let stranger_app = Devnet::account("unauthorised app");
    for at in [app, stranger_app] {
        s.net.install(at, &wasm("erc20_min")).expect("install app");
    }
    let (issuer2, exchange2, ta2) = (
        s.wallet("issuer 2"),
        s.wallet("exchange 2"),
        s.wallet("transfer agent 2"),
    );
    for (target, r) in [
        (issuer2, role::ISSUER),
        (exchange2, role::EXCHANGE),
        (ta2, role::TRANSFER_AGENT),
    ] {
        s.must(master, trust, &ITrust::setRoleCall { target, role: r });
    }
    let (apps_owner, apps_operator) = (s.wallet("apps owner"), s.wallet("apps operator"));
    s.must(
        master,
        trust,
        &ITrust::addEntityCall {
            name: APPS.into(),
            owner: apps_owner,
        },
    );
    s.must(
        master,
        trust,
        &ITrust::addResourceCall {
            name: APPS.into(),
            resource: app,
        },
    );
    s.must(
        apps_owner,
        trust,
        &ITrustAdmin::addOperatorCall {
            name: APPS.into(),
            operator: apps_operator,
        },
    );
    s.must(
        master,
        trust,
        &ITrust::addEntityCall {
            name: EMPTY.into(),
            owner: s.wallet("empty entity owner"),
        },
    );
    assert!(s.view(trust, &ITrust::isAuthorizedAppCall { app }));
    let pending_master = s.wallet("proposed master");
    s.must(
        master,
        trust,
        &ITrust::setServiceOwnerCall {
            new_master: pending_master,
        },
    );

    // investors: alice and bob by the issuer, holding; eve (with a wallet)
    // and dan (without) by the exchange
    let alice = s.new_investor("alice", "FR", &[]);
    let bob = s.new_investor("bob", "DE", &[]);
    let (exchange, registry) = (s.exchange, s.registry);
    for id in ["eve", "dan"] {
        s.must(
            exchange,
            registry,
            &IRegistry::registerInvestorCall {
                id: id.into(),
                collision_hash: format!("collision:{id}"),
            },
        );
    }
    s.must(
        exchange,
        registry,
        &IRegistry::setCountryCall {
            id: "eve".into(),
            country: "FR".into(),
        },
    );
    let eve = s.wallet("eve");
    s.must(
        exchange,
        registry,
        &IRegistry::addWalletCall {
            wallet: eve,
            id: "eve".into(),
        },
    );
    let (vault, platform) = (s.wallet("issuer vault"), s.wallet("platform"));
    s.add_issuer_wallet(vault);
    s.add_platform_wallet(platform);
    s.issue(alice, 1_000).expect_ok("issue to alice");
    s.issue(bob, 1_000).expect_ok("issue to bob");

    let (ta, compliance) = (s.transfer_agent, s.compliance);
    s.must(
        ta,
        compliance,
        &ICompliance::addManualLockRecordCall {
            to: alice,
            value: u(10),
            reason: "fixture lock".into(),
            release_time: U256::ZERO,
        },
    );
    let listed = s.wallet("blacklisted");
    s.must(
        ta,
        compliance,
        &ICompliance::addToBlacklistCall { wallet: listed },
    );
    // notice 1 by the authorised app, notice 2 by the issuer
    let comms = s.comms;
    s.must(app, comms, &notice());
    s.must(s.issuer, comms, &notice());
    let (dist, pay, dist_creator) = distribution_app(&mut s);
    let dvp = dvp_app(&mut s, alice, bob);
    let rate_updater = s.wallet("rate updater");
    let nav = apps::deploy_nav_provider(&mut s, 1_000_000, rate_updater);
    let aux = apps::deploy_aux_services(&mut s);
    let paused_bulk = apps::deploy_aux_services(&mut s).bulk_operator;
    s.must(master, paused_bulk, &IBulkOperator::pauseCall {});
    let relayed = apps::pre_approved_issuance(&mut s, aux.relayer, alice, "alice");
    let sub = subscription_app(&mut s, alice);
    let red = redemption_app(&mut s, alice);

    let callers = [
        s.wallet("random eoa"),
        master,
        s.issuer,
        s.exchange,
        s.transfer_agent,
        s.token(),
        app,
        stranger_app,
    ];
    let roles = [
        role::NONE,
        role::MASTER,
        role::ISSUER,
        role::EXCHANGE,
        role::TRANSFER_AGENT,
        role::NONE,
        role::NONE,
        role::NONE,
    ];
    for (who, r) in callers.iter().zip(roles) {
        assert_eq!(s.view(trust, &ITrust::getRoleCall { target: *who }), r);
    }
    // alice trusts every caller with an allowance: `transferFrom` has no
    // role gate, the allowance decides (a caller without any is refused
    // even for a zero value, review F-06)
    let token = s.token();
    for spender in callers {
        let approve = IDSToken::approveCall {
            spender,
            value: u(1),
        };
        s.must(alice, token, &approve);
    }
    Fx {
        s,
        callers,
        roles,
        app,
        pending_master,
        apps_owner,
        apps_operator,
        issuer2,
        exchange2,
        ta2,
        alice,
        bob,
        eve,
        vault,
        platform,
        listed,
        spender: fresh("spender"),
        dist,
        pay,
        dist_creator,
        dvp,
        nav,
        rate_updater,
        aux,
        paused_bulk,
        relayed,
        sub,
        red,
    }
}

/// Subscription round 1: at once, open, hard cap 1,000.
const ROUND_OPEN: u64 = 1;
/// Round 2: at once, sold out (alice bought its 1): may be closed now.
const ROUND_SOLD_OUT: u64 = 2;
/// Round 3: at the close, alice bought its 1, closed: alice may claim.
const ROUND_SUCCEEDED: u64 = 3;
/// Round 4: at the close, alice bought 1, cancelled: alice may get a refund.
const ROUND_CANCELLED: u64 = 4;

/// The subscription app with its four rounds; alice holds payment units
/// and approved the app.
fn subscription_app(s: &mut Suite, alice: Address) -> Address {
    let (app, pay) = apps::deploy_subscription(s);
    let (issuer, treasury) = (s.issuer, s.wallet("subscription treasury"));
    s.must(
        issuer,
        pay,
        &IPaymentToken::transferCall {
            to: alice,
            value: u(1_000),
        },
    );
    s.must(
        alice,
        pay,
        &IPaymentToken::approveCall {
            spender: app,
            value: u(1_000),
        },
    );
    let rounds = [(1_000, false), (1, false), (1, true), (1_000, true)];
    for (hard_cap, at_close) in rounds {
        let terms = apps::round_terms(s, pay, treasury, 1, hard_cap, at_close);
        s.must(issuer, app, &terms);
    }
    for id in [ROUND_SOLD_OUT, ROUND_SUCCEEDED, ROUND_CANCELLED] {
        s.must(
            alice,
            app,
            &ISubscription::subscribeCall {
                round_id: u(id),
                amount: u(1),
            },
        );
    }
    s.must(
        issuer,
        app,
        &ISubscription::closeRoundCall {
            round_id: u(ROUND_SUCCEEDED),
        },
    );
    s.must(
        issuer,
        app,
        &ISubscription::cancelRoundCall {
            round_id: u(ROUND_CANCELLED),
        },
    );
    app
}

/// The redemption app: window 1 open (locked tokens allowed, price 1 unit
/// per token), funded with 10 payment units; the master holds and approved
/// payment units too (both may fund); alice's request 1 (1 token) pending.
fn redemption_app(s: &mut Suite, alice: Address) -> Address {
    let (app, pay) = apps::deploy_redemption(s);
    let (issuer, master) = (s.issuer, s.master);
    s.must(
        issuer,
        pay,
        &IPaymentToken::transferCall {
            to: master,
            value: u(1_000),
        },
    );
    for funder in [issuer, master] {
        s.must(
            funder,
            pay,
            &IPaymentToken::approveCall {
                spender: app,
                value: U256::MAX,
            },
        );
    }
    let window = apps::redemption_window(s, pay, 1, true);
    s.must(issuer, app, &window);
    let fund = IRedemption::fundRedemptionsCall {
        window_id: u(1),
        amount: u(10),
    };
    s.must(issuer, app, &fund);
    let request = IRedemption::requestRedemptionCall {
        window_id: u(1),
        amount: u(1),
    };
    s.must(alice, app, &request);
    app
}

/// DvP offer 1: alice sells 1 DS token to bob (named) for 1 payment unit;
/// alice approved the app on the DS token, bob (funded by the issuer) on
/// the payment token.
const OFFER: u64 = 1;

/// The DvP app with offer [`OFFER`].
fn dvp_app(s: &mut Suite, alice: Address, bob: Address) -> Address {
    let (dvp, pay) = apps::deploy_dvp(s);
    let (issuer, token) = (s.issuer, s.token());
    s.must(
        issuer,
        pay,
        &IPaymentToken::transferCall {
            to: bob,
            value: u(10),
        },
    );
    s.must(
        bob,
        pay,
        &IPaymentToken::approveCall {
            spender: dvp,
            value: u(10),
        },
    );
    s.must(
        alice,
        token,
        &IDSToken::approveCall {
            spender: dvp,
            value: u(1),
        },
    );
    let offer = IDvP::createOfferCall {
        buyer: bob,
        amount: u(1),
        payment_token: pay,
        price: u(1),
        expiry: u64::MAX,
        matcher: Address::ZERO,
        fee: u(0),
    };
    let id = s.must(alice, dvp, &offer);
    assert_eq!(id.decode::<IDvP::createOfferCall>().unwrap(), u(OFFER));
    dvp
}

/// The distribution app, authorised in Trust (a resource of its own
/// entity), with its payment token: the master, the issuer and the
/// distribution creator hold payment units and approved the app;
/// distribution [`OPEN`] by the issuer (open), distribution [`ENDED`] by the
/// distribution creator, which then lost its ISSUER role, past its
/// deadline. Returns (app, payment token, distribution creator).
fn distribution_app(s: &mut Suite) -> (Address, Address, Address) {
    let (master, issuer, trust) = (s.master, s.issuer, s.trust);
    let (dist, pay) = apps::deploy_distribution(s);
    let owner = s.wallet("dividend apps owner");
    apps::authorise(s, DIVIDEND_APPS, owner, dist);
    let creator = s.wallet("distribution creator");
    s.must(
        master,
        trust,
        &ITrust::setRoleCall {
            target: creator,
            role: role::ISSUER,
        },
    );
    for who in [master, creator] {
        let to_who = IPaymentToken::transferCall {
            to: who,
            value: u(100 * DISTRIBUTED),
        };
        s.must(issuer, pay, &to_who);
    }
    for who in [master, issuer, creator] {
        let approval = IPaymentToken::approveCall {
            spender: dist,
            value: u(100 * DISTRIBUTED),
        };
        s.must(who, pay, &approval);
    }
    let open = s.now() + WINDOW;
    let id = s.must(issuer, dist, &create_distribution(pay, open));
    assert_eq!(
        id.decode::<IDistribution::createDistributionCall>()
            .unwrap(),
        u(OPEN)
    );
    // each distribution takes a snapshot: at most one an hour
    s.advance(3_600);
    let ended = s.now() + 60;
    let id = s.must(creator, dist, &create_distribution(pay, ended));
    assert_eq!(
        id.decode::<IDistribution::createDistributionCall>()
            .unwrap(),
        u(ENDED)
    );
    s.must(master, trust, &ITrust::removeRoleCall { target: creator });
    assert_eq!(
        s.view(trust, &ITrust::getRoleCall { target: creator }),
        role::NONE
    );
    s.advance(ended + 3_600 - s.now());
    (dist, pay, creator)
}

fn create_distribution(pay: Address, deadline: u64) -> IDistribution::createDistributionCall {
    IDistribution::createDistributionCall {
        payment_token: pay,
        amount: u(DISTRIBUTED),
        deadline,
        content_hash: B256::repeat_byte(0xd1),
        uri: "ipfs://dividend".into(),
    }
}

fn notice() -> IComms::publishNoticeCall {
    IComms::publishNoticeCall {
        category: notice_category::DOCUMENT,
        content_hash: B256::repeat_byte(0x5a),
        uri: "ipfs://annual-report".into(),
        target_kind: notice_target::ALL_HOLDERS,
        target: B256::ZERO,
        deadline: 0,
    }
}

/// A call: target contract and calldata.
type Call = (Address, Vec<u8>);

fn call<C: SolCall>(to: Address, c: C) -> Call {
    (to, c.abi_encode())
}

/// What a row calls: the call (on what an `own` caller created, where that
/// matters) and, for rows with an `own` cell, the same call on what someone
/// else created.
struct Case {
    call: Call,
    foreign: Option<Call>,
}

fn plain(call: Call) -> Case {
    Case {
        call,
        foreign: None,
    }
}

type Builder = fn(&Fx) -> Case;

/// Every row this test knows how to call, keyed as in the table.
fn cases() -> Vec<(&'static str, Builder)> {
    fn set_role(fx: &Fx, r: u8) -> Case {
        plain(call(
            fx.s.trust,
            ITrust::setRoleCall {
                target: fresh("role holder"),
                role: r,
            },
        ))
    }
    fn remove_role(fx: &Fx, target: Address) -> Case {
        plain(call(fx.s.trust, ITrust::removeRoleCall { target }))
    }
    fn set_service(to: Address) -> Case {
        plain(call(
            to,
            ITrust::setDSServiceCall {
                service_id: u(SPARE_SERVICE),
                service: fresh("service"),
            },
        ))
    }
    fn registry<C: SolCall>(fx: &Fx, c: C) -> Case {
        plain(call(fx.s.registry, c))
    }
    /// An exchange row: on eve (the exchange's), foreign on alice (the issuer's).
    fn exchange_owned<C: SolCall>(fx: &Fx, build: fn(&str, Address) -> C) -> Case {
        Case {
            call: call(fx.s.registry, build("eve", fx.eve)),
            foreign: Some(call(fx.s.registry, build("alice", fx.alice))),
        }
    }
    fn compliance<C: SolCall>(fx: &Fx, c: C) -> Case {
        plain(call(fx.s.compliance, c))
    }
    fn token<C: SolCall>(fx: &Fx, c: C) -> Case {
        plain(call(fx.s.token(), c))
    }
    vec![
        // ----- Trust -----
        ("Trust: setServiceOwner", |fx| {
            plain(call(
                fx.s.trust,
                ITrust::setServiceOwnerCall {
                    new_master: fresh("next master"),
                },
            ))
        }),
        ("Trust: acceptServiceOwner", |fx| {
            plain(call(fx.s.trust, ITrust::acceptServiceOwnerCall {}))
        }),
        ("Trust: setRole (ISSUER)", |fx| set_role(fx, role::ISSUER)),
        ("Trust: setRole (EXCHANGE)", |fx| {
            set_role(fx, role::EXCHANGE)
        }),
        ("Trust: setRole (TRANSFER_AGENT)", |fx| {
            set_role(fx, role::TRANSFER_AGENT)
        }),
        ("Trust: setRoles (EXCHANGE)", |fx| {
            plain(call(
                fx.s.trust,
                ITrustAdmin::setRolesCall {
                    targets: vec![fresh("role holder")],
                    roles: vec![role::EXCHANGE],
                },
            ))
        }),
        ("Trust: removeRole (ISSUER)", |fx| {
            remove_role(fx, fx.issuer2)
        }),
        ("Trust: removeRole (EXCHANGE)", |fx| {
            remove_role(fx, fx.exchange2)
        }),
        ("Trust: removeRole (TRANSFER_AGENT)", |fx| {
            remove_role(fx, fx.ta2)
        }),
        ("Trust: setDSService", |fx| set_service(fx.s.trust)),
        ("Trust: addEntity", |fx| {
            plain(call(
                fx.s.trust,
                ITrust::addEntityCall {
                    name: "New entity".into(),
                    owner: fresh("entity owner"),
                },
            ))
        }),
        ("Trust: changeEntityOwner", |fx| {
            plain(call(
                fx.s.trust,
                ITrustAdmin::changeEntityOwnerCall {
                    name: APPS.into(),
                    old_owner: fx.apps_owner,
                    new_owner: fresh("entity owner"),
                },
            ))
        }),
        ("Trust: removeEntity", |fx| {
            plain(call(
                fx.s.trust,
                ITrustAdmin::removeEntityCall { name: EMPTY.into() },
            ))
        }),
        ("Trust: addOperator", |fx| {
            plain(call(
                fx.s.trust,
                ITrustAdmin::addOperatorCall {
                    name: APPS.into(),
                    operator: fresh("operator"),
                },
            ))
        }),
        ("Trust: removeOperator", |fx| {
            plain(call(
                fx.s.trust,
                ITrustAdmin::removeOperatorCall {
                    name: APPS.into(),
                    operator: fx.apps_operator,
                },
            ))
        }),
        ("Trust: addResource", |fx| {
            plain(call(
                fx.s.trust,
                ITrust::addResourceCall {
                    name: APPS.into(),
                    resource: fresh("resource"),
                },
            ))
        }),
        ("Trust: removeResource", |fx| {
            plain(call(
                fx.s.trust,
                ITrustAdmin::removeResourceCall {
                    name: APPS.into(),
                    resource: fx.app,
                },
            ))
        }),
        // ----- Registry -----
        ("Registry: setDSService", |fx| set_service(fx.s.registry)),
        ("Registry: registerInvestor", |fx| {
            registry(
                fx,
                IRegistry::registerInvestorCall {
                    id: "new investor".into(),
                    collision_hash: "h".into(),
                },
            )
        }),
        ("Registry: updateInvestor", |fx| {
            registry(
                fx,
                IRegistry::updateInvestorCall {
                    id: "new investor".into(),
                    collision_hash: "h".into(),
                    country: "DE".into(),
                    wallets: vec![fresh("wallet")],
                    attribute_ids: vec![attribute::KYC_APPROVED],
                    attribute_values: vec![u(attribute_status::APPROVED.into())],
                    attribute_expirations: vec![U256::ZERO],
                },
            )
        }),
        ("Registry: removeInvestor", |fx| Case {
            // dan (the exchange's, no wallets); foreign: alice (the issuer's)
            call: call(
                fx.s.registry,
                IRegistry::removeInvestorCall { id: "dan".into() },
            ),
            foreign: Some(call(
                fx.s.registry,
                IRegistry::removeInvestorCall { id: "alice".into() },
            )),
        }),
        ("Registry: setCountry", |fx| {
            exchange_owned(fx, |id, _| IRegistry::setCountryCall {
                id: id.into(),
                country: "DE".into(),
            })
        }),
        ("Registry: setAttribute", |fx| {
            exchange_owned(fx, |id, _| IRegistry::setAttributeCall {
                id: id.into(),
                attribute_id: attribute::ACCREDITED,
                value: u(attribute_status::APPROVED.into()),
                expiry: U256::ZERO,
                proof_hash: "proof".into(),
            })
        }),
        ("Registry: addWallet", |fx| {
            exchange_owned(fx, |id, _| IRegistry::addWalletCall {
                wallet: fresh("wallet"),
                id: id.into(),
            })
        }),
        ("Registry: removeWallet", |fx| {
            exchange_owned(fx, |id, wallet| IRegistry::removeWalletCall {
                wallet,
                id: id.into(),
            })
        }),
        ("Registry: addIssuerWallet", |fx| {
            registry(
                fx,
                IRegistry::addIssuerWalletCall {
                    wallet: fresh("special"),
                },
            )
        }),
        ("Registry: addIssuerWallets", |fx| {
            registry(
                fx,
                IRegistryAdmin::addIssuerWalletsCall {
                    wallets: vec![fresh("special")],
                },
            )
        }),
        ("Registry: addPlatformWallet", |fx| {
            registry(
                fx,
                IRegistry::addPlatformWalletCall {
                    wallet: fresh("special"),
                },
            )
        }),
        ("Registry: addPlatformWallets", |fx| {
            registry(
                fx,
                IRegistryAdmin::addPlatformWalletsCall {
                    wallets: vec![fresh("special")],
                },
            )
        }),
        ("Registry: addExchangeWallet", |fx| {
            registry(
                fx,
                IRegistry::addExchangeWalletCall {
                    wallet: fresh("special"),
                    owner: fx.s.exchange,
                },
            )
        }),
        ("Registry: removeSpecialWallet", |fx| {
            registry(
                fx,
                IRegistryAdmin::removeSpecialWalletCall {
                    wallet: fx.platform,
                },
            )
        }),
        // ----- Compliance, its views facet and its admin facet -----
        ("Compliance: setDSService", |fx| {
            set_service(fx.s.compliance)
        }),
        ("Compliance: setFacetSelectors", |fx| {
            // A selector no program serves, routed to the configuration facet.
            compliance(
                fx,
                ICompliance::setFacetSelectorsCall {
                    facet_id: u(service::COMPLIANCE_CONFIG_FACET),
                    selectors: vec![[0xde, 0xad, 0xbe, 0xef].into()],
                },
            )
        }),
        ("Compliance: validateTransfer", |fx| {
            compliance(
                fx,
                IComplianceInternal::validateTransferCall {
                    spender: fx.alice,
                    from: fx.alice,
                    to: fx.bob,
                    value: u(1),
                    from_balance: u(1_000),
                    paused: false,
                },
            )
        }),
        ("Compliance: validateIssuance", |fx| {
            compliance(
                fx,
                IComplianceInternal::validateIssuanceCall {
                    to: fx.alice,
                    value: u(1),
                    issuance_time: U256::ZERO,
                    total_supply: u(2_000),
                    lock_values: vec![],
                    lock_release_times: vec![],
                    reason: String::new(),
                },
            )
        }),
        ("Compliance: onInvestorInfoChanged", |fx| {
            compliance(
                fx,
                IComplianceInternal::onInvestorInfoChangedCall {
                    investor_key: investor_key("alice"),
                    _old_info: U256::ZERO,
                    new_info: U256::ZERO,
                },
            )
        }),
        ("Compliance: validateBurn", |fx| {
            compliance(
                fx,
                IComplianceInternal::validateBurnCall {
                    who: fx.alice,
                    value: u(1),
                },
            )
        }),
        ("Compliance: validateSeize", |fx| {
            compliance(
                fx,
                IComplianceInternal::validateSeizeCall {
                    from: fx.alice,
                    to: fx.vault,
                    value: u(1),
                },
            )
        }),
        ("Compliance: validateForcedTransfer", |fx| {
            compliance(
                fx,
                IComplianceInternal::validateForcedTransferCall {
                    from: fx.alice,
                    to: fx.bob,
                    value: u(1),
                },
            )
        }),
        ("Compliance: setAll", |fx| {
            let rules = Rules::default();
            compliance(
                fx,
                ICompliance::setAllCall {
                    uint_values: rules.uints.to_vec(),
                    bool_values: rules.bools.to_vec(),
                },
            )
        }),
        ("Compliance: setUIntRule", |fx| {
            compliance(
                fx,
                ICompliance::setUIntRuleCall {
                    index: U256::ZERO,
                    value: u(100),
                },
            )
        }),
        ("Compliance: setBoolRule", |fx| {
            compliance(
                fx,
                ICompliance::setBoolRuleCall {
                    index: U256::ZERO,
                    value: true,
                },
            )
        }),
        ("Compliance: setTotalInvestorsLimit", |fx| {
            compliance(
                fx,
                IComplianceConfig::setTotalInvestorsLimitCall { value: u(100) },
            )
        }),
        ("Compliance: setMinUSTokens", |fx| {
            compliance(fx, IComplianceConfig::setMinUSTokensCall { value: u(100) })
        }),
        ("Compliance: setMinEUTokens", |fx| {
            compliance(fx, IComplianceConfig::setMinEUTokensCall { value: u(100) })
        }),
        ("Compliance: setUSInvestorsLimit", |fx| {
            compliance(
                fx,
                IComplianceConfig::setUSInvestorsLimitCall { value: u(100) },
            )
        }),
        ("Compliance: setUSAccreditedInvestorsLimit", |fx| {
            compliance(
                fx,
                IComplianceConfig::setUSAccreditedInvestorsLimitCall { value: u(100) },
            )
        }),
        ("Compliance: setNonAccreditedInvestorsLimit", |fx| {
            compliance(
                fx,
                IComplianceConfig::setNonAccreditedInvestorsLimitCall { value: u(100) },
            )
        }),
        ("Compliance: setMaxUSInvestorsPercentage", |fx| {
            compliance(
                fx,
                IComplianceConfig::setMaxUSInvestorsPercentageCall { value: u(10) },
            )
        }),
        ("Compliance: setBlockFlowbackEndTime", |fx| {
            compliance(
                fx,
                IComplianceConfig::setBlockFlowbackEndTimeCall { value: u(100) },
            )
        }),
        ("Compliance: setNonUSLockPeriod", |fx| {
            compliance(
                fx,
                IComplianceConfig::setNonUSLockPeriodCall { value: u(100) },
            )
        }),
        ("Compliance: setMinimumTotalInvestors", |fx| {
            compliance(
                fx,
                IComplianceConfig::setMinimumTotalInvestorsCall { value: u(100) },
            )
        }),
        ("Compliance: setMinimumHoldingsPerInvestor", |fx| {
            compliance(
                fx,
                IComplianceConfig::setMinimumHoldingsPerInvestorCall { value: u(100) },
            )
        }),
        ("Compliance: setMaximumHoldingsPerInvestor", |fx| {
            compliance(
                fx,
                IComplianceConfig::setMaximumHoldingsPerInvestorCall { value: u(100) },
            )
        }),
        ("Compliance: setEURetailInvestorsLimit", |fx| {
            compliance(
                fx,
                IComplianceConfig::setEURetailInvestorsLimitCall { value: u(100) },
            )
        }),
        ("Compliance: setUSLockPeriod", |fx| {
            compliance(fx, IComplianceConfig::setUSLockPeriodCall { value: u(100) })
        }),
        ("Compliance: setJPInvestorsLimit", |fx| {
            compliance(
                fx,
                IComplianceConfig::setJPInvestorsLimitCall { value: u(100) },
            )
        }),
        ("Compliance: setAuthorizedSecurities", |fx| {
            compliance(
                fx,
                IComplianceConfig::setAuthorizedSecuritiesCall { value: u(100) },
            )
        }),
        ("Compliance: setForceFullTransfer", |fx| {
            compliance(
                fx,
                IComplianceConfig::setForceFullTransferCall { value: true },
            )
        }),
        ("Compliance: setForceAccredited", |fx| {
            compliance(
                fx,
                IComplianceConfig::setForceAccreditedCall { value: true },
            )
        }),
        ("Compliance: setForceAccreditedUS", |fx| {
            compliance(
                fx,
                IComplianceConfig::setForceAccreditedUSCall { value: true },
            )
        }),
        ("Compliance: setWorldWideForceFullTransfer", |fx| {
            compliance(
                fx,
                IComplianceConfig::setWorldWideForceFullTransferCall { value: true },
            )
        }),
        ("Compliance: setDisallowBackDating", |fx| {
            compliance(
                fx,
                IComplianceConfig::setDisallowBackDatingCall { value: true },
            )
        }),
        ("Compliance: setCountryCompliance", |fx| {
            compliance(
                fx,
                ICompliance::setCountryComplianceCall {
                    country: "IT".into(),
                    value: u(region::EU.into()),
                },
            )
        }),
        ("Compliance: setCountriesCompliance", |fx| {
            compliance(
                fx,
                ICompliance::setCountriesComplianceCall {
                    countries: vec!["IT".into()],
                    values: vec![u(region::EU.into())],
                },
            )
        }),
        ("Compliance: addToBlacklist", |fx| {
            compliance(
                fx,
                ICompliance::addToBlacklistCall {
                    wallet: fresh("listed"),
                },
            )
        }),
        ("Compliance: removeFromBlacklist", |fx| {
            compliance(
                fx,
                ICompliance::removeFromBlacklistCall { wallet: fx.listed },
            )
        }),
        ("Compliance: addManualLockRecord", |fx| {
            compliance(
                fx,
                ICompliance::addManualLockRecordCall {
                    to: fx.alice,
                    value: u(5),
                    reason: "matrix".into(),
                    release_time: U256::ZERO,
                },
            )
        }),
        ("Compliance: createLockForInvestor", |fx| {
            compliance(
                fx,
                IComplianceInternal::createLockForInvestorCall {
                    investor_id: "alice".into(),
                    value: u(5),
                    reason_code: u(1),
                    reason_string: "matrix".into(),
                    release_time: U256::ZERO,
                },
            )
        }),
        ("Compliance: removeLockRecord", |fx| {
            compliance(
                fx,
                IComplianceInternal::removeLockRecordCall {
                    who: fx.alice,
                    lock_index: U256::ZERO,
                },
            )
        }),
        ("Compliance: removeLockRecordForInvestor", |fx| {
            compliance(
                fx,
                IComplianceInternal::removeLockRecordForInvestorCall {
                    investor_id: "alice".into(),
                    lock_index: U256::ZERO,
                },
            )
        }),
        ("Compliance: lockInvestor", |fx| {
            compliance(
                fx,
                ICompliance::lockInvestorCall {
                    investor_id: "alice".into(),
                },
            )
        }),
        ("Compliance: unlockInvestor", |fx| {
            compliance(
                fx,
                ICompliance::unlockInvestorCall {
                    investor_id: "alice".into(),
                },
            )
        }),
        ("Compliance: setInvestorLiquidateOnly", |fx| {
            compliance(
                fx,
                ICompliance::setInvestorLiquidateOnlyCall {
                    investor_id: "alice".into(),
                    enabled: true,
                },
            )
        }),
        // ----- Comms -----
        ("Comms: setDSService", |fx| set_service(fx.s.comms)),
        ("Comms: publishNotice", |fx| {
            plain(call(fx.s.comms, notice()))
        }),
        ("Comms: revokeNotice", |fx| Case {
            // notice 1 is the app's, notice 2 the issuer's
            call: call(fx.s.comms, IComms::revokeNoticeCall { notice_id: u(1) }),
            foreign: Some(call(
                fx.s.comms,
                IComms::revokeNoticeCall { notice_id: u(2) },
            )),
        }),
        ("Comms: acknowledgeNotice", |fx| {
            plain(call(
                fx.s.comms,
                IComms::acknowledgeNoticeCall { notice_id: u(1) },
            ))
        }),
        // ----- DS token and its admin facet -----
        ("DS token: setDSService", |fx| set_service(fx.s.token())),
        ("DS token: setFacetSelectors", |fx| {
            // A selector no program serves, routed to the control facet.
            token(
                fx,
                IDSToken::setFacetSelectorsCall {
                    facet_id: u(service::TOKEN_CONTROL_FACET),
                    selectors: vec![[0xde, 0xad, 0xbe, 0xef].into()],
                },
            )
        }),
        ("DS token: approve", |fx| {
            token(
                fx,
                IDSToken::approveCall {
                    spender: fx.spender,
                    value: u(1),
                },
            )
        }),
        ("DS token: increaseApproval", |fx| {
            token(
                fx,
                IDSToken::increaseApprovalCall {
                    spender: fx.spender,
                    added_value: u(1),
                },
            )
        }),
        ("DS token: decreaseApproval", |fx| {
            token(
                fx,
                IDSToken::decreaseApprovalCall {
                    spender: fx.spender,
                    subtracted_value: u(1),
                },
            )
        }),
        ("DS token: transfer", |fx| {
            // nothing to move for most callers: a zero transfer still runs
            // the whole transfer path (Compliance check and record)
            token(
                fx,
                IDSToken::transferCall {
                    to: fx.bob,
                    value: U256::ZERO,
                },
            )
        }),
        ("DS token: transferFrom", |fx| {
            token(
                fx,
                IDSToken::transferFromCall {
                    from: fx.alice,
                    to: fx.bob,
                    value: U256::ZERO,
                },
            )
        }),
        ("DS token: issueTokens", |fx| {
            token(
                fx,
                IDSToken::issueTokensCall {
                    to: fx.alice,
                    value: u(1),
                },
            )
        }),
        ("DS token: issueTokensCustom", |fx| {
            token(
                fx,
                IDSToken::issueTokensCustomCall {
                    to: fx.alice,
                    value: u(2),
                    issuance_time: U256::ZERO,
                    value_locked: u(1),
                    reason: "matrix".into(),
                    release_time: fx.s.now() + 1_000,
                },
            )
        }),
        ("DS token: issueTokensWithMultipleLocks", |fx| {
            token(
                fx,
                IDSToken::issueTokensWithMultipleLocksCall {
                    to: fx.alice,
                    value: u(2),
                    issuance_time: U256::ZERO,
                    values_locked: vec![u(1)],
                    reason: "matrix".into(),
                    release_times: vec![fx.s.now() + 1_000],
                },
            )
        }),
        ("DS token: bulkIssuance", |fx| {
            token(
                fx,
                IDSToken::bulkIssuanceCall {
                    to: vec![fx.alice, fx.bob],
                    values: vec![u(1), u(1)],
                    issuance_time: U256::ZERO,
                },
            )
        }),
        ("DS token: burn", |fx| {
            token(
                fx,
                IDSToken::burnCall {
                    who: fx.alice,
                    value: u(1),
                    reason: "matrix".into(),
                },
            )
        }),
        ("DS token: bulkBurn", |fx| {
            token(
                fx,
                IDSToken::bulkBurnCall {
                    who: vec![fx.alice, fx.bob],
                    values: vec![u(1), u(1)],
                    reason: "matrix".into(),
                },
            )
        }),
        ("DS token: seize", |fx| {
            token(
                fx,
                IDSToken::seizeCall {
                    from: fx.alice,
                    to: fx.vault,
                    value: u(1),
                    reason: "matrix".into(),
                },
            )
        }),
        ("DS token: forcedTransfer", |fx| {
            token(
                fx,
                IDSToken::forcedTransferCall {
                    from: fx.alice,
                    to: fx.bob,
                    amount: u(1),
                },
            )
        }),
        ("DS token: setFrozenTokens", |fx| {
            token(
                fx,
                IDSToken::setFrozenTokensCall {
                    account: fx.alice,
                    amount: u(1),
                },
            )
        }),
        ("DS token: reserveWallet", |fx| {
            token(
                fx,
                ITokenRegistryHook::reserveWalletCall {
                    wallet: fresh("wallet"),
                },
            )
        }),
        ("DS token: snapshot", |fx| {
            token(fx, ITokenSnapshots::snapshotCall {})
        }),
        ("DS token: reserveCheckpoints", |fx| {
            token(
                fx,
                ITokenSnapshots::reserveCheckpointsCall {
                    wallets: vec![fx.alice],
                    count: u(1),
                },
            )
        }),
        ("DS token: pause", |fx| token(fx, IDSToken::pauseCall {})),
        ("DS token: unpause", |fx| {
            token(fx, IDSToken::unpauseCall {})
        }),
        // ----- DvP app -----
        ("DvP: setDSService", |fx| set_service(fx.dvp)),
        ("DvP: createOffer", |fx| {
            plain(call(
                fx.dvp,
                IDvP::createOfferCall {
                    buyer: Address::ZERO,
                    amount: u(1),
                    payment_token: fx.pay,
                    price: u(1),
                    expiry: u64::MAX,
                    matcher: Address::ZERO,
                    fee: u(0),
                },
            ))
        }),
        ("DvP: cancelOffer", |fx| {
            plain(call(fx.dvp, IDvP::cancelOfferCall { offer_id: u(OFFER) }))
        }),
        ("DvP: takeOffer", |fx| {
            plain(call(fx.dvp, IDvP::takeOfferCall { offer_id: u(OFFER) }))
        }),
        // ----- NAV provider -----
        ("NavProvider: setDSService", |fx| set_service(fx.nav)),
        ("NavProvider: setRate", |fx| {
            plain(call(fx.nav, INavProvider::setRateCall { rate: u(2) }))
        }),
        ("NavProvider: addRateUpdater", |fx| {
            plain(call(
                fx.nav,
                INavProvider::addRateUpdaterCall {
                    updater: fresh("rate updater"),
                },
            ))
        }),
        ("NavProvider: removeRateUpdater", |fx| {
            plain(call(
                fx.nav,
                INavProvider::removeRateUpdaterCall {
                    updater: fx.rate_updater,
                },
            ))
        }),
        // ----- DS v4 auxiliary services -----
        ("TokenIssuer: setDSService", |fx| {
            set_service(fx.aux.token_issuer)
        }),
        ("TokenIssuer: issueTokens", |fx| {
            plain(call(
                fx.aux.token_issuer,
                ITokenIssuer::issueTokensCall {
                    id: "alice".into(),
                    to: fx.alice,
                    issuance_values: vec![u(1), u(fx.s.now())],
                    reason: "matrix".into(),
                    locks_values: vec![],
                    lock_release_times: vec![],
                    collision_hash: String::new(),
                    country: "FR".into(),
                    attribute_values: vec![],
                    attribute_expirations: vec![],
                },
            ))
        }),
        ("WalletRegistrar: setDSService", |fx| {
            set_service(fx.aux.wallet_registrar)
        }),
        ("WalletRegistrar: registerWallet", |fx| {
            plain(call(
                fx.aux.wallet_registrar,
                IWalletRegistrar::registerWalletCall {
                    id: "registered".into(),
                    wallets: vec![fresh("registered wallet")],
                    collision_hash: "collision:registered".into(),
                    country: "FR".into(),
                    attribute_ids: vec![],
                    attribute_values: vec![],
                    attribute_expirations: vec![],
                },
            ))
        }),
        ("BulkOperator: setDSService", |fx| {
            set_service(fx.aux.bulk_operator)
        }),
        ("BulkOperator: pause", |fx| {
            plain(call(fx.aux.bulk_operator, IBulkOperator::pauseCall {}))
        }),
        ("BulkOperator: unpause", |fx| {
            plain(call(fx.paused_bulk, IBulkOperator::unpauseCall {}))
        }),
        ("BulkOperator: bulkIssuance", |fx| {
            plain(call(
                fx.aux.bulk_operator,
                IBulkOperator::bulkIssuanceCall {
                    addresses: vec![fx.alice],
                    values: vec![u(1)],
                    issuance_time: u(fx.s.now()),
                },
            ))
        }),
        ("BulkOperator: bulkRegisterAndIssuance", |fx| {
            plain(call(
                fx.aux.bulk_operator,
                IBulkOperator::bulkRegisterAndIssuanceCall {
                    // id, wallet, [value, time], reason, locks, release
                    // times, country, attribute values, expirations
                    data: vec![(
                        "bulk registered".into(),
                        fresh("bulk registered"),
                        vec![u(1), u(fx.s.now())],
                        "matrix".into(),
                        vec![],
                        vec![],
                        "FR".into(),
                        vec![],
                        vec![],
                    )],
                },
            ))
        }),
        ("BulkOperator: bulkBurn", |fx| {
            plain(call(
                fx.aux.bulk_operator,
                IBulkOperator::bulkBurnCall {
                    addresses: vec![fx.alice],
                    values: vec![u(1)],
                },
            ))
        }),
        ("TransactionRelayer: setDSService", |fx| {
            set_service(fx.aux.relayer)
        }),
        ("TransactionRelayer: setInvestorNonce", |fx| {
            plain(call(
                fx.aux.relayer,
                ITransactionRelayer::setInvestorNonceCall {
                    investor_id: "alice".into(),
                    new_nonce: u(1),
                },
            ))
        }),
        ("TransactionRelayer: executePreApprovedTransaction", |fx| {
            plain((fx.aux.relayer, fx.relayed.clone()))
        }),
        ("RebasingProvider: setDSService", |fx| {
            set_service(fx.aux.rebasing)
        }),
        // ----- Subscription app -----
        ("Subscription: setDSService", |fx| set_service(fx.sub)),
        ("Subscription: createRound", |fx| {
            let terms = apps::round_terms(&fx.s, fx.pay, fresh("treasury"), 1, 10, false);
            plain(call(fx.sub, terms))
        }),
        ("Subscription: subscribe", |fx| {
            plain(call(
                fx.sub,
                ISubscription::subscribeCall {
                    round_id: u(ROUND_OPEN),
                    amount: u(1),
                },
            ))
        }),
        ("Subscription: closeRound", |fx| {
            plain(call(
                fx.sub,
                ISubscription::closeRoundCall {
                    round_id: u(ROUND_SOLD_OUT),
                },
            ))
        }),
        ("Subscription: cancelRound", |fx| {
            plain(call(
                fx.sub,
                ISubscription::cancelRoundCall {
                    round_id: u(ROUND_OPEN),
                },
            ))
        }),
        ("Subscription: claim", |fx| {
            plain(call(
                fx.sub,
                ISubscription::claimCall {
                    round_id: u(ROUND_SUCCEEDED),
                },
            ))
        }),
        ("Subscription: refund", |fx| {
            plain(call(
                fx.sub,
                ISubscription::refundCall {
                    round_id: u(ROUND_CANCELLED),
                },
            ))
        }),
        // ----- Redemption app -----
        ("Redemption: setDSService", |fx| set_service(fx.red)),
        ("Redemption: openRedemptionWindow", |fx| {
            let pay = fresh("redemption payment token");
            plain(call(fx.red, apps::redemption_window(&fx.s, pay, 1, false)))
        }),
        ("Redemption: closeRedemptionWindow", |fx| {
            plain(call(
                fx.red,
                IRedemption::closeRedemptionWindowCall { window_id: u(1) },
            ))
        }),
        ("Redemption: fundRedemptions", |fx| {
            plain(call(
                fx.red,
                IRedemption::fundRedemptionsCall {
                    window_id: u(1),
                    amount: u(1),
                },
            ))
        }),
        ("Redemption: withdrawRedemptionFunds", |fx| {
            plain(call(
                fx.red,
                IRedemption::withdrawRedemptionFundsCall {
                    window_id: u(1),
                    to: fresh("redemption treasury"),
                    amount: u(1),
                },
            ))
        }),
        ("Redemption: settleRedemptions", |fx| {
            plain(call(
                fx.red,
                IRedemption::settleRedemptionsCall {
                    window_id: u(1),
                    max_requests: u(1),
                },
            ))
        }),
        ("Redemption: requestRedemption", |fx| {
            plain(call(
                fx.red,
                IRedemption::requestRedemptionCall {
                    window_id: u(1),
                    amount: u(1),
                },
            ))
        }),
        ("Redemption: cancelRedemptionFor", |fx| {
            plain(call(
                fx.red,
                IRedemption::cancelRedemptionForCall { request_id: u(1) },
            ))
        }),
        ("Redemption: cancelRedemption", |fx| {
            plain(call(
                fx.red,
                IRedemption::cancelRedemptionCall { request_id: u(1) },
            ))
        }),
        ("RebasingProvider: setMultiplier", |fx| {
            plain(call(
                fx.aux.rebasing,
                IRebasingProvider::setMultiplierCall {
                    multiplier: u(2_000_000_000_000_000_000),
                },
            ))
        }),
        // ----- Distribution app -----
        ("Distribution: setDSService", |fx| set_service(fx.dist)),
        ("Distribution: createDistribution", |fx| {
            plain(call(
                fx.dist,
                create_distribution(fx.pay, fx.s.now() + WINDOW),
            ))
        }),
        ("Distribution: claim", |fx| {
            plain(call(fx.dist, IDistribution::claimCall { id: u(OPEN) }))
        }),
        ("Distribution: reclaim", |fx| {
            plain(call(fx.dist, IDistribution::reclaimCall { id: u(ENDED) }))
        }),
    ]
}

/// The address of an "also allowed" caller.
fn also_caller(fx: &Fx, label: &str) -> Address {
    match label {
        "proposed master" => fx.pending_master,
        "Registry" => fx.s.registry,
        "investor wallet" => fx.alice,
        "entity owner" => fx.apps_owner,
        "holder at the snapshot" => fx.alice,
        "distribution creator" => fx.dist_creator,
        "offer seller" => fx.alice,
        "offer buyer" => fx.bob,
        "rate updater" => fx.rate_updater,
        "subscriber" => fx.alice,
        "redemption requester" => fx.alice,
        other => panic!("docs/roles.md: unknown \"also allowed\" caller {other:?}"),
    }
}

/// The call run in full without keeping anything.
fn simulate(fx: &mut Fx, from: Address, (to, data): &Call) -> Receipt {
    fx.s.net.simulate(Tx {
        from,
        to: *to,
        calldata: data.clone(),
        ..Tx::default()
    })
}

/// The call sent as a transaction (kept if it succeeds).
fn send(fx: &mut Fx, from: Address, (to, data): &Call) -> Receipt {
    fx.s.net.send(from, *to, data, U256::ZERO)
}

/// The access error of a refused call, if its revert data is one naming
/// `who` (and `role`, where the error carries the caller's role).
fn access_error(r: &Receipt, who: Address, role: u8) -> Option<String> {
    if r.success {
        return None;
    }
    let out = &r.output[..];
    if let Ok(e) = abi::UnauthorizedCaller::abi_decode(out) {
        return (e.caller == who && e.callerRole == role).then(|| format!("{e:?}"));
    }
    if let Ok(e) = abi::RoleNotManageable::abi_decode(out) {
        return (e.caller == who && e.callerRole == role).then(|| format!("{e:?}"));
    }
    if let Ok(e) = abi::OnlyToken::abi_decode(out) {
        return (e.caller == who).then(|| format!("{e:?}"));
    }
    if let Ok(e) = abi::OnlyRegistry::abi_decode(out) {
        return (e.caller == who).then(|| format!("{e:?}"));
    }
    if let Ok(e) = abi::NotPendingMaster::abi_decode(out) {
        return (e.caller == who).then(|| format!("{e:?}"));
    }
    if let Ok(e) = abi::NotAnInvestor::abi_decode(out) {
        return (e.wallet == who).then(|| format!("{e:?}"));
    }
    if let Ok(e) = abi::NotInvestorCreator::abi_decode(out) {
        return (e.caller == who).then(|| format!("{e:?}"));
    }
    if let Ok(e) = abi::NothingToClaim::abi_decode(out) {
        return (e.wallet == who).then(|| format!("{e:?}"));
    }
    if let Ok(e) = abi::NotOfferSeller::abi_decode(out) {
        return (e.caller == who).then(|| format!("{e:?}"));
    }
    if let Ok(e) = abi::NotOfferBuyer::abi_decode(out) {
        return (e.caller == who).then(|| format!("{e:?}"));
    }
    if let Ok(e) = abi::NotRateUpdater::abi_decode(out) {
        return (e.caller == who).then(|| format!("{e:?}"));
    }
    if let Ok(e) = abi::NothingOwed::abi_decode(out) {
        return (e.wallet == who).then(|| format!("{e:?}"));
    }
    if let Ok(e) = abi::NotRedemptionRequester::abi_decode(out) {
        return (e.caller == who).then(|| format!("{e:?}"));
    }
    None
}

/// Every view the matrix's calls could change, as text.
fn fingerprint(fx: &mut Fx) -> Vec<String> {
    let mut out = Vec::new();
    let s = &mut fx.s;
    let (trust, registry, compliance, comms, token) =
        (s.trust, s.registry, s.compliance, s.comms, s.token());
    let mut role_holders: Vec<Address> = fx.callers.to_vec();
    role_holders.extend([
        fresh("role holder"),
        fx.issuer2,
        fx.exchange2,
        fx.ta2,
        fx.pending_master,
        fresh("next master"),
    ]);
    for target in role_holders {
        out.push(format!(
            "role {target}: {}",
            s.view(trust, &ITrust::getRoleCall { target })
        ));
    }
    out.push(format!(
        "master {} pending {}",
        s.view(trust, &ITrust::serviceOwnerCall {}),
        s.view(trust, &ITrustAdmin::pendingServiceOwnerCall {})
    ));
    for contract in [trust, registry, compliance, comms, token, fx.dist] {
        let call = ITrust::getDSServiceCall {
            service_id: u(SPARE_SERVICE),
        };
        out.push(format!(
            "service of {contract}: {}",
            s.view(contract, &call)
        ));
    }
    for name in [APPS, EMPTY, "New entity"] {
        let e = s.view(trust, &ITrustAdmin::getEntityCall { name: name.into() });
        out.push(format!("entity {name}: {} {} {}", e._0, e._1, e._2));
    }
    for (who, label) in [
        (fresh("operator"), "operator"),
        (fx.apps_operator, "operator"),
        (fresh("resource"), "resource"),
        (fx.app, "resource"),
        (fresh("entity owner"), "owner"),
        (fx.apps_owner, "owner"),
    ] {
        let entity = match label {
            "operator" => s.view(
                trust,
                &ITrustAdmin::getEntityByOperatorCall { operator: who },
            ),
            "resource" => s.view(
                trust,
                &ITrustAdmin::getEntityByResourceCall { resource: who },
            ),
            _ => s.view(trust, &ITrustAdmin::getEntityByOwnerCall { owner: who }),
        };
        out.push(format!("{label} {who}: {entity:?}"));
    }
    for id in ["alice", "eve", "dan", "new investor"] {
        let registered = s.view(registry, &IRegistry::isInvestorCall { id: id.into() });
        let country = s.view(registry, &IRegistry::getCountryCall { id: id.into() });
        let accredited = s.view(
            registry,
            &IRegistry::getAttributeValueCall {
                id: id.into(),
                attribute_id: attribute::ACCREDITED,
            },
        );
        out.push(format!(
            "investor {id}: {registered} {country} {accredited}"
        ));
    }
    for wallet in [
        fx.alice,
        fx.eve,
        fresh("wallet"),
        fx.platform,
        fresh("special"),
    ] {
        let id = s.view(registry, &IRegistry::getInvestorCall { wallet });
        let kind = s.view(registry, &IRegistry::getWalletTypeCall { wallet });
        out.push(format!("wallet {wallet}: {id:?} type {kind}"));
    }
    let all = s.view(compliance, &ICompliance::getAllCall {});
    out.push(format!("rules {:?} {:?}", all._0, all._1));
    let it = s.view(
        compliance,
        &ICompliance::getCountryComplianceCall {
            country: "IT".into(),
        },
    );
    out.push(format!("IT {it}"));
    out.push(format!("counts {:?}", s.counts()));
    for wallet in [fx.listed, fresh("listed")] {
        let listed = s.view(compliance, &ICompliance::isBlacklistedWalletCall { wallet });
        out.push(format!("blacklisted {wallet}: {listed}"));
    }
    let id = || "alice".to_string();
    out.push(format!(
        "alice: locks {} locked {} liquidate-only {} balance {}",
        s.view(compliance, &ICompliance::lockCountCall { who: fx.alice }),
        s.view(
            compliance,
            &ICompliance::isInvestorLockedCall { investor_id: id() }
        ),
        s.view(
            compliance,
            &ICompliance::isInvestorLiquidateOnlyCall { investor_id: id() }
        ),
        s.view(compliance, &ICompliance::balanceOfInvestorCall { id: id() }),
    ));
    out.push(format!(
        "notices {}",
        s.view(comms, &IComms::noticeCountCall {})
    ));
    for notice_id in [u(1), u(2), u(3)] {
        let r = s
            .net
            .call_sol(s.master, comms, &IComms::getNoticeCall { notice_id });
        let text = match r {
            Ok(n) => format!("{} {} revoked {} acks {}", n._0, n._3, n._8, n._9),
            Err(r) => r.outcome(),
        };
        out.push(format!("notice {notice_id}: {text}"));
    }
    for who in [fx.alice, fx.bob, fx.vault] {
        out.push(format!("balance {who}: {}", s.balance(who)));
    }
    out.push(format!(
        "supply {} issued {} paused {} frozen {}",
        s.total_supply(),
        s.view(token, &IDSToken::totalIssuedCall {}),
        s.view(token, &IDSToken::isPausedCall {}),
        s.view(token, &IDSToken::getFrozenTokensCall { account: fx.alice }),
    ));
    for owner in fx.callers {
        let spender = fx.spender;
        let allowance = s.view(token, &IDSToken::allowanceCall { owner, spender });
        out.push(format!("allowance {owner}: {allowance}"));
    }
    let (dist, pay) = (fx.dist, fx.pay);
    out.push(format!(
        "distributions {}",
        s.view(dist, &IDistribution::distributionCountCall {})
    ));
    for id in [u(OPEN), u(ENDED)] {
        let d = s.view(dist, &IDistribution::getDistributionCall { id });
        out.push(format!(
            "distribution {id}: amount {} claimed {} reclaimed {}",
            d._1, d._5, d._7
        ));
    }
    let mut payees = fx.callers.to_vec();
    payees.extend([fx.alice, fx.bob, fx.dist_creator, dist]);
    for wallet in payees {
        let claimed = s.view(
            dist,
            &IDistribution::hasClaimedCall {
                id: u(OPEN),
                wallet,
            },
        );
        let paid = s.view(pay, &IPaymentToken::balanceOfCall { owner: wallet });
        out.push(format!("payee {wallet}: claimed {claimed} paid {paid}"));
    }
    out
}

/// Calls made by [`check_rows`].
#[derive(Default)]
struct Tally {
    allowed: usize,
    refused: usize,
    extra_callers: usize,
}

/// Checks every cell of `rows` on a fixture of its own.
fn check_rows(rows: &[&Row], builders: &[(&'static str, Builder)]) -> Tally {
    let mut fx = fixture();
    let reference = fingerprint(&mut fx);
    let mut tally = Tally::default();
    for (index, row) in rows.iter().enumerate() {
        let key = row.key();
        let build = builders
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, b)| *b)
            .expect("checked above");
        let case = build(&fx);
        let has_own = row.cells.contains(&Cell::Own);
        assert_eq!(
            has_own,
            case.foreign.is_some(),
            "{key}: an `own` cell needs a call on someone else's record, and only then"
        );
        for (column, cell) in row.cells.iter().enumerate() {
            let (who, role) = (fx.callers[column], fx.roles[column]);
            let what = format!("{key}, called by {} ({who})", COLUMNS[column]);
            if matches!(cell, Cell::Yes | Cell::Own) {
                let r = simulate(&mut fx, who, &case.call);
                assert!(r.success, "{what}: allowed, but {}", r.outcome());
                tally.allowed += 1;
            }
            let refusal = match cell {
                Cell::Yes => None,
                Cell::No => Some(&case.call),
                Cell::Own => case.foreign.as_ref(),
            };
            if let Some(refused_call) = refusal {
                let r = send(&mut fx, who, refused_call);
                assert!(
                    access_error(&r, who, role).is_some(),
                    "{what}: should be refused by the access gate, got {}",
                    r.outcome()
                );
                assert!(r.logs.is_empty(), "{what}: a refused call logs nothing");
                tally.refused += 1;
            }
        }
        if let Some(label) = &row.also {
            let who = also_caller(&fx, label);
            let r = simulate(&mut fx, who, &case.call);
            assert!(
                r.success,
                "{key}, called by the {label} ({who}): allowed, but {}",
                r.outcome()
            );
            tally.extra_callers += 1;
        }
        // After the last row of each contract: the refused calls (sent as
        // real transactions) changed no view of the fixture.
        let last_of_contract = rows
            .get(index + 1)
            .is_none_or(|next| next.contract != row.contract);
        if last_of_contract {
            let now = fingerprint(&mut fx);
            let changed: Vec<_> = reference.iter().zip(&now).filter(|(a, b)| a != b).collect();
            assert!(
                changed.is_empty(),
                "the refused calls to {} changed the state: {changed:?}",
                row.contract
            );
        }
    }
    tally
}

#[test]
fn every_function_against_every_caller() {
    let rows = parse_spec();

    // One place: the table lists exactly the rows this test calls...
    let builders = cases();
    let documented: BTreeSet<String> = rows.iter().map(Row::key).collect();
    assert_eq!(
        documented.len(),
        rows.len(),
        "docs/roles.md: duplicate rows"
    );
    let known: BTreeSet<String> = builders.iter().map(|(k, _)| k.to_string()).collect();
    let missing: Vec<_> = documented.difference(&known).collect();
    assert!(missing.is_empty(), "rows without a test call: {missing:?}");
    let extra: Vec<_> = known.difference(&documented).collect();
    assert!(extra.is_empty(), "test calls without a row: {extra:?}");
    // ...and every state-changing function of the ABI has a row.
    let abi_dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../abi");
    let mut abi_files: Vec<_> = std::fs::read_dir(&abi_dir)
        .expect("abi/")
        .map(|e| {
            e.expect("abi/ entry")
                .file_name()
                .to_string_lossy()
                .into_owned()
        })
        .filter(|name| name.ends_with(".sol"))
        .collect();
    abi_files.sort();
    let mut listed: Vec<_> = ABI_FILES.iter().map(|(f, _)| f.to_string()).collect();
    listed.sort();
    assert_eq!(
        abi_files, listed,
        "abi/*.sol: every exported contract needs its rows in docs/roles.md"
    );
    for (file, contract) in ABI_FILES {
        let sol = std::fs::read_to_string(abi_dir.join(file)).expect("abi file");
        for function in mutating_functions(&sol) {
            assert!(
                rows.iter().any(|r| r.contract == contract
                    && r.function.split([' ', '(']).next() == Some(function.as_str())),
                "docs/roles.md: no row for {contract} {function} (abi/{file})"
            );
        }
    }

    // Two fixtures on two threads (the machine has two cores), each
    // checking the rows of some contracts; every row belongs to one group.
    const GROUPS: [&[&str]; 2] = [
        &[
            "Trust",
            "Registry",
            "Comms",
            "Distribution",
            "DvP",
            "NavProvider",
            "TokenIssuer",
            "WalletRegistrar",
            "BulkOperator",
            "TransactionRelayer",
            "RebasingProvider",
            "Subscription",
            "Redemption",
        ],
        &["Compliance", "DS token"],
    ];
    for row in &rows {
        assert!(
            GROUPS.iter().any(|g| g.contains(&row.contract.as_str())),
            "docs/roles.md: unknown contract {:?}",
            row.contract
        );
    }
    let tallies: Vec<Tally> = std::thread::scope(|scope| {
        let handles: Vec<_> = GROUPS
            .iter()
            .map(|group| {
                let group_rows: Vec<&Row> = rows
                    .iter()
                    .filter(|r| group.contains(&r.contract.as_str()))
                    .collect();
                let builders = &builders;
                // the distribution rows nest four contracts deep (app,
                // token, its admin facet, Trust): room beyond the 2 MiB
                // default, whatever the interpreter's optimisation level
                std::thread::Builder::new()
                    .stack_size(16 << 20)
                    .spawn_scoped(scope, move || check_rows(&group_rows, builders))
                    .expect("spawn a matrix thread")
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    let (allowed, refused, extra_callers) = tallies.iter().fold((0, 0, 0), |t, x| {
        (t.0 + x.allowed, t.1 + x.refused, t.2 + x.extra_callers)
    });
    println!(
        "role matrix: {} functions x {} roles = {} cases",
        rows.len(),
        COLUMNS.len(),
        rows.len() * COLUMNS.len()
    );
    println!(
        "role matrix: {allowed} calls allowed, {refused} refused by their access gate, \
         {extra_callers} callers outside the columns allowed"
    );
}
