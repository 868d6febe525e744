//! Findings of the independent security review (issue 25), each with a
//! regression test on the real Wasm. The devnet's own findings (F-10 gas
//! cap, F-11 the JSON-RPC front) are tested in `devnet/tests/serve.rs`.

use alloy_sol_types::SolValue;
use ds_e2e::{
    abi::{self, DSErrors, ICompliance, IDSToken, IRegistry, ITrust},
    ids::{code, role, service, uint_rule},
    u, wasm, Address, Devnet, ReceiptExt, Suite, COUNTRIES, U256,
};

/// A suite with the test countries' compliance statuses.
fn suite() -> Suite {
    let mut s = Suite::new();
    s.set_countries(&COUNTRIES);
    s
}

/// F-01: tokens still inside their issuance lock-up (codes 32 and 33)
/// cannot leave through a platform wallet (DS and our earlier code let
/// them); the free part can. Checked on the token, on Compliance and by
/// the transfer itself.
#[test]
fn f01_lock_ups_bind_transfers_into_a_platform_wallet() {
    let mut s = suite();
    s.set_uint_rule(uint_rule::US_LOCK_PERIOD, 1_000);
    s.set_uint_rule(uint_rule::NON_US_LOCK_PERIOD, 500);
    let platform = s.wallet("platform");
    s.add_platform_wallet(platform).expect_ok("platform wallet");
    let us = s.new_investor("us-1", "US", &[]);
    let de = s.new_investor("de-1", "DE", &[]);
    s.issue(us, 100).expect_ok("issue under the US lock-up");
    s.issue(de, 100).expect_ok("issue under the non-US lock-up");

    s.expect_refused(us, platform, 10, code::HOLD_UP_US);
    s.expect_refused(de, platform, 10, code::HOLD_UP_NON_US);
    s.advance(500);
    s.expect_refused(us, platform, 10, code::HOLD_UP_US);
    s.expect_transfer(de, platform, 10);
    s.advance(500);
    s.expect_transfer(us, platform, 10);

    // transferFrom is the same path: an approved spender cannot route
    // locked-up tokens into the platform wallet either.
    let fresh = s.new_investor("us-2", "US", &[]);
    s.issue(fresh, 100).expect_ok("issue");
    let spender = s.wallet("spender");
    let token = s.token();
    s.must(
        fresh,
        token,
        &IDSToken::approveCall {
            spender,
            value: u(100),
        },
    );
    let r = s.send(
        spender,
        token,
        &IDSToken::transferFromCall {
            from: fresh,
            to: platform,
            value: u(10),
        },
    );
    assert_eq!(
        r.transfer_rejection(),
        Some((code::HOLD_UP_US, code::reason(code::HOLD_UP_US).into())),
        "{}",
        r.outcome()
    );
}

/// F-02: a blacklisted spender cannot spend an allowance it holds; the
/// owner's own transfers and clean spenders are unaffected.
#[test]
fn f02_a_blacklisted_spender_cannot_spend_its_allowance() {
    let mut s = suite();
    let owner = s.new_investor("de-1", "DE", &[]);
    let to = s.new_investor("de-2", "DE", &[]);
    s.issue(owner, 100).expect_ok("issue");
    let token = s.token();
    let (listed, clean) = (s.wallet("listed spender"), s.wallet("clean spender"));
    for spender in [listed, clean] {
        s.must(
            owner,
            token,
            &IDSToken::approveCall {
                spender,
                value: u(50),
            },
        );
    }
    let (ta, compliance) = (s.transfer_agent, s.compliance);
    s.must(
        ta,
        compliance,
        &ICompliance::addToBlacklistCall { wallet: listed },
    );

    let spend = IDSToken::transferFromCall {
        from: owner,
        to,
        value: u(10),
    };
    let r = s.send(listed, token, &spend);
    assert_eq!(
        r.transfer_rejection(),
        Some((code::WALLET_BLACKLISTED, code::reason(100).into())),
        "{}",
        r.outcome()
    );
    let left = s.view(
        token,
        &IDSToken::allowanceCall {
            owner,
            spender: listed,
        },
    );
    assert_eq!(left, u(50), "nothing spent");
    assert_eq!(s.balance(owner), u(100));
    s.must(clean, token, &spend);
    s.expect_transfer(owner, to, 10);
    assert_eq!(s.balance(to), u(20));
}

/// F-04: `setDSService(TRUST, x)` must name a Trust service that
/// recognises the sender as master; a wrong entry is refused and the
/// contract stays administrable.
#[test]
fn f04_a_wrong_trust_entry_is_refused() {
    let mut s = suite();
    let (master, registry) = (s.master, s.registry);
    let stranger = Devnet::account("stranger");
    let foreign = s
        .net
        .deploy(&wasm("trust"), stranger, &stranger.abi_encode())
        .unwrap_or_else(|r| panic!("foreign trust: {}", r.outcome()));
    let set = |trust: Address| IRegistry::setDSServiceCall {
        service_id: U256::from(service::TRUST),
        service: trust,
    };
    // a Trust where the sender is not master
    let r = s.send(master, registry, &set(foreign));
    assert_eq!(
        r.revert_error::<DSErrors::UnauthorizedCaller>(),
        Some(DSErrors::UnauthorizedCaller {
            caller: master,
            callerRole: role::NONE
        })
    );
    // an address that is no Trust service at all
    let r = s.send(master, registry, &set(s.registry));
    assert!(
        r.revert_error::<DSErrors::ServiceCallFailed>().is_some(),
        "{}",
        r.outcome()
    );
    let get = IRegistry::getDSServiceCall {
        service_id: U256::from(service::TRUST),
    };
    assert_eq!(s.view(registry, &get), s.trust, "entry unchanged");
    // still administrable: the master moves it to a Trust it is master of
    let own = s
        .net
        .deploy(&wasm("trust"), master, &master.abi_encode())
        .unwrap_or_else(|r| panic!("second trust: {}", r.outcome()));
    s.must(master, registry, &set(own));
    assert_eq!(s.view(registry, &get), own);
    s.must(master, registry, &set(s.trust));
}

/// F-07: Compliance's own `preTransferCheck` / `canTransfer` count frozen
/// tokens as the token does (code 16), where they answered Valid.
#[test]
fn f07_compliance_checks_count_frozen_tokens() {
    let mut s = suite();
    let from = s.new_investor("de-1", "DE", &[]);
    let to = s.new_investor("de-2", "DE", &[]);
    s.issue(from, 100).expect_ok("issue");
    let token = s.token();
    let (ta, compliance) = (s.transfer_agent, s.compliance);
    s.must(
        ta,
        token,
        &IDSToken::setFrozenTokensCall {
            account: from,
            amount: u(70),
        },
    );
    let locked = (
        code::TOKENS_LOCKED,
        code::reason(code::TOKENS_LOCKED).to_string(),
    );
    assert_eq!(s.token_check(from, to, 31), locked);
    assert_eq!(s.compliance_check(from, to, 31), locked);
    let can = |value| ICompliance::canTransferCall {
        from,
        to,
        value: u(value),
    };
    assert!(!s.view(compliance, &can(31)));
    assert!(s.view(compliance, &can(30)));
    assert_eq!(s.compliance_check(from, to, 30).0, code::VALID);
    let r = s.transfer(from, to, 31);
    assert!(
        r.revert_error::<DSErrors::ERC7943InsufficientUnfrozenBalance>()
            .is_some(),
        "the token refuses what Compliance refuses: {}",
        r.outcome()
    );
    s.expect_transfer(from, to, 30);
}

/// F-03: an issuer (or transfer agent) giving the proposed master a role
/// before it accepts cannot block the master hand-over any more: the role
/// gives way to MASTER.
#[test]
fn f03_a_lower_role_cannot_block_the_master_hand_over() {
    let mut s = Suite::new();
    let (master, issuer, trust) = (s.master, s.issuer, s.trust);
    let next = Devnet::account("next master");
    s.must(
        master,
        trust,
        &ITrust::setServiceOwnerCall { new_master: next },
    );
    s.must(
        issuer,
        trust,
        &ITrust::setRoleCall {
            target: next,
            role: role::EXCHANGE,
        },
    );
    let accepted = s.send(next, trust, &ITrust::acceptServiceOwnerCall {});
    accepted.expect_ok("the hand-over completes");
    assert_eq!(
        s.view(trust, &ITrust::getRoleCall { target: next }),
        role::MASTER
    );
    assert_eq!(
        s.view(trust, &ITrust::getRoleCall { target: master }),
        role::NONE
    );
    assert_eq!(s.view(trust, &ITrust::serviceOwnerCall {}), next);
    // the new master administers at once
    s.must(
        next,
        trust,
        &ITrust::setRoleCall {
            target: Devnet::account("new issuer"),
            role: role::ISSUER,
        },
    );
}

/// F-13: "USA" is not a second spelling of the US that escapes its rules:
/// only ISO 3166-1 alpha-2 codes are accepted, by the Registry and by
/// Compliance's country statuses.
#[test]
fn f13_only_alpha_2_country_codes_are_accepted() {
    use ds_e2e::abi::{DSErrors, ICompliance, IRegistry};
    let mut s = Suite::new();
    let (issuer, registry, compliance) = (s.issuer, s.registry, s.compliance);
    s.must(
        issuer,
        registry,
        &IRegistry::registerInvestorCall {
            id: "sam".into(),
            collision_hash: String::new(),
        },
    );
    let r = s.send(
        issuer,
        registry,
        &IRegistry::setCountryCall {
            id: "sam".into(),
            country: "USA".into(),
        },
    );
    assert_eq!(
        r.revert_error::<DSErrors::InvalidCountry>(),
        Some(DSErrors::InvalidCountry {
            country: "USA".into()
        })
    );
    let r = s.send(
        s.master,
        compliance,
        &ICompliance::setCountryComplianceCall {
            country: "USA".into(),
            value: ds_e2e::u(1),
        },
    );
    assert_eq!(
        r.revert_error::<DSErrors::InvalidCountry>(),
        Some(DSErrors::InvalidCountry {
            country: "USA".into()
        })
    );
    s.must(
        issuer,
        registry,
        &IRegistry::setCountryCall {
            id: "sam".into(),
            country: "us".into(),
        },
    );
    assert_eq!(
        s.view(registry, &IRegistry::getCountryCall { id: "sam".into() }),
        "US"
    );
}

alloy_sol_types::sol! {
    /// Errors of the findings the shared declarations leave out.
    #[derive(Debug, PartialEq, Eq)]
    interface FindingErrors {
        error TextTooLong(uint256 length, uint256 max);
        error InvestorIdRetired(bytes32 investorKey);
        error SnapshotTooSoon(uint256 nextAllowed);
        error BatchTooLarge(uint256 length, uint256 max);
    }

    /// The token functions of the findings.
    interface ITokenFindings {
        function snapshot() external returns (uint256);
        function reserveCheckpoints(address[] memory wallets, uint256 count) external returns (uint256);
        function balanceOfAt(address wallet, uint256 snapshot_id) external view returns (uint256);
        function canSend(address account) external view returns (bool);
        function canReceive(address account) external view returns (bool);
        function canTransact(address account) external view returns (bool);
    }
}

/// F-05: a program deployed in two steps cannot be initialised by whoever
/// calls its constructor first: only the StylusDeployer runs it.
#[test]
fn f05_a_constructor_run_by_anyone_but_the_stylus_deployer_is_refused() {
    let mut s = suite();
    let attacker = Devnet::account("attacker");
    for name in ["trust", "registry", "compliance", "comms"] {
        let at = Devnet::account(&format!("two-step {name}"));
        s.net
            .install(at, &wasm(name))
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let ctor = ds_devnet::constructor_calldata(&attacker.abi_encode());
        let r = s.net.send(attacker, at, &ctor, U256::ZERO);
        assert_eq!(
            r.revert_error::<DSErrors::UnauthorizedCaller>(),
            Some(DSErrors::UnauthorizedCaller {
                caller: attacker,
                callerRole: role::NONE
            }),
            "{name}: {}",
            r.outcome()
        );
        assert!(r.logs.is_empty());
    }
    // the same constructor, run in the StylusDeployer's context, works
    let trust = s
        .net
        .deploy(&wasm("trust"), attacker, &attacker.abi_encode())
        .unwrap_or_else(|r| panic!("trust: {}", r.outcome()));
    assert_eq!(
        s.view(trust, &ITrust::getRoleCall { target: attacker }),
        role::MASTER
    );
}

/// F-06: a stranger without any allowance cannot make the token log a
/// zero-value `Transfer` from someone else's wallet.
#[test]
fn f06_a_stranger_cannot_log_transfers_of_someone_else() {
    let mut s = suite();
    let victim = s.new_investor("de-1", "DE", &[]);
    let other = s.new_investor("de-2", "DE", &[]);
    s.issue(victim, 100).expect_ok("issue");
    let token = s.token();
    let stranger = s.wallet("stranger");
    let zero = IDSToken::transferFromCall {
        from: victim,
        to: other,
        value: U256::ZERO,
    };
    let r = s.send(stranger, token, &zero);
    assert_eq!(
        r.revert_error::<DSErrors::ERC20InsufficientAllowance>(),
        Some(DSErrors::ERC20InsufficientAllowance {
            spender: stranger,
            allowance: U256::ZERO,
            needed: U256::ZERO
        })
    );
    assert!(r.logs.is_empty());
    // an approved spender still may, as ERC-20 asks
    s.must(
        victim,
        token,
        &IDSToken::approveCall {
            spender: stranger,
            value: u(1),
        },
    );
    let r = s.must(stranger, token, &zero);
    assert_eq!(r.events::<abi::Transfer>().len(), 1);
}

/// F-08: a lock reason given with an issuance is bounded like every other
/// lock reason (64 bytes).
#[test]
fn f08_issuance_lock_reasons_are_bounded() {
    let mut s = suite();
    let to = s.new_investor("de-1", "DE", &[]);
    let token = s.token();
    let issue = |reason: String| IDSToken::issueTokensCustomCall {
        to,
        value: u(100),
        issuance_time: U256::ZERO,
        value_locked: u(10),
        reason,
        release_time: u64::MAX / 2,
    };
    let r = s.send(s.issuer, token, &issue("x".repeat(65)));
    assert_eq!(
        r.revert_error::<FindingErrors::TextTooLong>(),
        Some(FindingErrors::TextTooLong {
            length: u(65),
            max: u(64)
        }),
        "{}",
        r.outcome()
    );
    assert_eq!(s.balance(to), U256::ZERO);
    s.must(s.issuer, token, &issue("x".repeat(64)));
    assert_eq!(s.balance(to), u(100));
}

/// F-09: the first transfer after a snapshot costs at most 12,000 gas more
/// than one without (checkpoint slots written ahead), balances at every
/// snapshot stay exact, and snapshots are at most one an hour.
#[test]
fn f09_a_transfer_after_a_snapshot_costs_little_more() {
    let mut s = suite();
    let a = s.new_investor("de-1", "DE", &[]);
    let b = s.new_investor("de-2", "DE", &[]);
    s.issue(a, 1_000).expect_ok("issue");
    s.issue(b, 1_000).expect_ok("issue");
    let (token, issuer) = (s.token(), s.issuer);
    s.expect_transfer(a, b, 1);
    let plain = s.expect_transfer(a, b, 1).gas.total;

    s.must(issuer, token, &ITokenFindings::snapshotCall {});
    let first = s.expect_transfer(a, b, 1).gas.total;
    assert!(
        first <= plain + 12_000,
        "after a snapshot (reserved at addWallet): {first} vs {plain}"
    );
    // at most one snapshot an hour
    let r = s.send(issuer, token, &ITokenFindings::snapshotCall {});
    let next = r
        .revert_error::<FindingErrors::SnapshotTooSoon>()
        .unwrap_or_else(|| panic!("second snapshot at once: {}", r.outcome()));
    let now = s.now();
    assert!(
        next.nextAllowed > u(now) && next.nextAllowed <= u(now + 3_600),
        "next snapshot at {} (now {now})",
        next.nextAllowed
    );
    s.advance(3_600);
    // no slot left: the holders pay for a fresh one each...
    s.must(issuer, token, &ITokenFindings::snapshotCall {});
    let unreserved = s.expect_transfer(a, b, 1).gas.total;
    assert!(
        unreserved > plain + 30_000,
        "fresh checkpoint slots: {unreserved}"
    );
    // ...unless the snapshot taker reserves them ahead
    let reserve = ITokenFindings::reserveCheckpointsCall {
        wallets: vec![a, b],
        count: u(2),
    };
    let r = s.must(issuer, token, &reserve);
    assert_eq!(
        r.decode::<ITokenFindings::reserveCheckpointsCall>(),
        Ok(u(4))
    );
    s.advance(3_600);
    s.must(issuer, token, &ITokenFindings::snapshotCall {});
    let reserved = s.expect_transfer(a, b, 1).gas.total;
    assert!(
        reserved <= plain + 12_000,
        "reserved: {reserved} vs {plain}"
    );
    // balances at each snapshot are exact
    for (id, (at_a, at_b)) in [(1u64, (998, 1_002)), (2, (997, 1_003)), (3, (996, 1_004))] {
        let of = |wallet| ITokenFindings::balanceOfAtCall {
            wallet,
            snapshot_id: u(id),
        };
        assert_eq!(s.view(token, &of(a)), u(at_a), "a at {id}");
        assert_eq!(s.view(token, &of(b)), u(at_b), "b at {id}");
    }
    // who may reserve, and how much
    let stranger = s.wallet("stranger");
    let r = s.send(stranger, token, &reserve);
    assert_eq!(
        r.revert_error::<DSErrors::UnauthorizedCaller>(),
        Some(DSErrors::UnauthorizedCaller {
            caller: stranger,
            callerRole: role::NONE
        })
    );
    let too_many = ITokenFindings::reserveCheckpointsCall {
        wallets: vec![a],
        count: u(9),
    };
    let r = s.send(issuer, token, &too_many);
    assert_eq!(
        r.revert_error::<FindingErrors::BatchTooLarge>(),
        Some(FindingErrors::BatchTooLarge {
            length: u(9),
            max: u(8)
        })
    );
}

/// F-12: a removed investor's id is retired, so a new investor cannot
/// inherit its locks, lock-ups, flags or acknowledgements.
#[test]
fn f12_a_removed_investor_id_is_never_reused() {
    let mut s = suite();
    let wallet = s.new_investor("sam", "DE", &[]);
    let (issuer, ta, registry, compliance) = (s.issuer, s.transfer_agent, s.registry, s.compliance);
    s.must(
        ta,
        compliance,
        &abi::IComplianceInternal::createLockForInvestorCall {
            investor_id: "sam".into(),
            value: u(50),
            reason_code: U256::ZERO,
            reason_string: "held".into(),
            release_time: u(s.now() + 1_000_000),
        },
    );
    s.must(
        issuer,
        registry,
        &IRegistry::removeWalletCall {
            wallet,
            id: "sam".into(),
        },
    );
    s.must(
        issuer,
        registry,
        &IRegistry::removeInvestorCall { id: "sam".into() },
    );
    let again = IRegistry::registerInvestorCall {
        id: "sam".into(),
        collision_hash: String::new(),
    };
    let r = s.send(issuer, registry, &again);
    assert_eq!(
        r.revert_error::<FindingErrors::InvestorIdRetired>(),
        Some(FindingErrors::InvestorIdRetired {
            investorKey: ds_e2e::investor_key("sam")
        })
    );
    let update = IRegistry::updateInvestorCall {
        id: "sam".into(),
        collision_hash: String::new(),
        country: "DE".into(),
        wallets: vec![],
        attribute_ids: vec![],
        attribute_values: vec![],
        attribute_expirations: vec![],
    };
    let r = s.send(issuer, registry, &update);
    assert!(
        r.revert_error::<FindingErrors::InvestorIdRetired>()
            .is_some(),
        "{}",
        r.outcome()
    );
    assert!(!s.view(registry, &IRegistry::isInvestorCall { id: "sam".into() }));
    // a new id starts clean
    let fresh = s.new_investor("sam-2", "DE", &[]);
    s.issue(fresh, 100).expect_ok("issue");
    let other = s.new_investor("de-2", "DE", &[]);
    s.expect_transfer(fresh, other, 100);
}

/// F-14: `canReceive` answers true only where the transfer rules accept a
/// receiver (investor and platform wallets), not for issuer or exchange
/// wallets; `canSend` stays true for them.
#[test]
fn f14_can_receive_only_where_the_rules_accept() {
    let mut s = suite();
    let investor = s.new_investor("de-1", "DE", &[]);
    let (issuer_wallet, platform) = (s.wallet("issuer wallet"), s.wallet("platform"));
    s.add_issuer_wallet(issuer_wallet)
        .expect_ok("issuer wallet");
    s.add_platform_wallet(platform).expect_ok("platform wallet");
    let token = s.token();
    for (wallet, receives, what) in [
        (investor, true, "investor"),
        (platform, true, "platform"),
        (issuer_wallet, false, "issuer wallet"),
        (s.wallet("unknown"), false, "unknown"),
    ] {
        let can = s.view(token, &ITokenFindings::canReceiveCall { account: wallet });
        assert_eq!(can, receives, "canReceive {what}");
        let both = s.view(token, &ITokenFindings::canTransactCall { account: wallet });
        assert_eq!(both, receives, "canTransact {what}");
    }
    assert!(s.view(
        token,
        &ITokenFindings::canSendCall {
            account: issuer_wallet
        }
    ));
    s.issue(investor, 10).expect_ok("issue");
    s.expect_refused(
        investor,
        issuer_wallet,
        1,
        code::WALLET_NOT_IN_REGISTRY_SERVICE,
    );
}

/// F-15: zero-value issuances take no issuance record, so they cannot use
/// up an investor's 32 records and block real issuances.
#[test]
fn f15_zero_value_issuances_take_no_issuance_record() {
    let mut s = suite();
    s.set_uint_rule(uint_rule::NON_US_LOCK_PERIOD, 1_000_000);
    let to = s.new_investor("de-1", "DE", &[]);
    for _ in 0..40 {
        s.issue(to, 0).expect_ok("zero-value issuance");
    }
    s.issue(to, 100)
        .expect_ok("a real issuance after 40 empty ones");
    assert_eq!(s.balance(to), u(100));
}
