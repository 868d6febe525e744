//! The services without the token: deployment, wiring, roles, registry and
//! compliance configuration on the real artifacts.

use ds_e2e::{
    abi::{self, ICompliance, IRegistry, ITrust},
    ids::{attribute, bool_rule, region, role, service, uint_rule},
    u, Address, ReceiptExt, Rules, Suite, U256,
};

#[test]
fn every_contract_knows_every_service() {
    let mut s = Suite::without_token();
    let wiring = s.wiring();
    // 4 contracts × (4 services + 3 DS parts) + 5 facets (1 in the
    // Registry, 4 in Compliance)
    assert_eq!(wiring.len(), 33);
    for (contract, id, expected) in wiring {
        let got = s.view(
            contract,
            &ITrust::getDSServiceCall {
                service_id: U256::from(id),
            },
        );
        assert_eq!(got, expected, "service {id} in {contract}");
    }
    // nothing registered for the token in a token-less suite
    let token = s.view(
        s.registry,
        &IRegistry::getDSServiceCall {
            service_id: U256::from(service::DS_TOKEN),
        },
    );
    assert_eq!(token, Address::ZERO);
}

/// The DS ids a DS tool looks up resolve in every service to the address
/// that serves those functions: 32 (wallet manager) to the Registry, 64
/// (lock manager) and 256 (compliance configuration) to Compliance; our
/// facets sit under ids DS does not use.
#[test]
fn ds_part_ids_resolve_in_every_service() {
    let mut s = Suite::new();
    let token = s.token();
    let expected = [
        (service::WALLET_MANAGER, s.registry),
        (service::LOCK_MANAGER, s.compliance),
        (service::COMPLIANCE_CONFIGURATION, s.compliance),
    ];
    for contract in [s.trust, s.registry, s.compliance, s.comms, token] {
        for (id, at) in expected {
            let got = s.view(
                contract,
                &ITrust::getDSServiceCall {
                    service_id: U256::from(id),
                },
            );
            assert_eq!(got, at, "DS id {id} in {contract}");
        }
    }
    // the functions of those parts answer at the addresses they resolve to
    let platform = s.wallet("platform");
    s.add_platform_wallet(platform).expect_ok("platform wallet");
    let wallet_manager = s.view(
        token,
        &ITrust::getDSServiceCall {
            service_id: U256::from(service::WALLET_MANAGER),
        },
    );
    let kind = s.view(
        wallet_manager,
        &IRegistry::getWalletTypeCall { wallet: platform },
    );
    assert_eq!(kind, ds_e2e::ids::wallet_type::PLATFORM);
    let configuration = s.view(
        token,
        &ITrust::getDSServiceCall {
            service_id: U256::from(service::COMPLIANCE_CONFIGURATION),
        },
    );
    let limit = s.view(
        configuration,
        &abi::IComplianceConfig::getTotalInvestorsLimitCall {},
    );
    assert_eq!(limit, U256::ZERO);
    let lock_manager = s.view(
        token,
        &ITrust::getDSServiceCall {
            service_id: U256::from(service::LOCK_MANAGER),
        },
    );
    let investor = s.new_investor("de-1", "DE", &[]);
    let locks = s.view(lock_manager, &ICompliance::lockCountCall { who: investor });
    assert_eq!(locks, U256::ZERO);
    let admin = s.view(
        s.compliance,
        &ITrust::getDSServiceCall {
            service_id: U256::from(service::COMPLIANCE_ADMIN_FACET),
        },
    );
    assert_eq!(admin, s.compliance_admin, "the admin facet, under 524288");
}

#[test]
fn roles_are_set_by_the_master_and_checked_by_every_service() {
    let mut s = Suite::without_token();
    for (who, r) in [
        (s.master, role::MASTER),
        (s.issuer, role::ISSUER),
        (s.transfer_agent, role::TRANSFER_AGENT),
        (s.exchange, role::EXCHANGE),
        (s.wallet("nobody"), role::NONE),
    ] {
        assert_eq!(s.view(s.trust, &ITrust::getRoleCall { target: who }), r);
    }
    // only the master wires services
    let call = IRegistry::setDSServiceCall {
        service_id: u(service::COMMS),
        service: s.exchange,
    };
    let r = s.send(s.issuer, s.registry, &call);
    assert_eq!(
        r.revert_error::<abi::UnauthorizedCaller>(),
        Some(abi::UnauthorizedCaller {
            caller: s.issuer,
            callerRole: role::ISSUER
        })
    );
    let comms = s.view(
        s.registry,
        &IRegistry::getDSServiceCall {
            service_id: u(service::COMMS),
        },
    );
    assert_eq!(comms, s.comms, "refused call changed nothing");
    // an issuer may not configure compliance, a transfer agent may
    let call = ICompliance::setUIntRuleCall {
        index: u(0),
        value: u(5),
    };
    let r = s.send(s.issuer, s.compliance, &call);
    assert!(
        r.reverted_with::<abi::UnauthorizedCaller>(),
        "{}",
        r.outcome()
    );
    s.must(s.transfer_agent, s.compliance, &call);
}

#[test]
fn investors_in_several_countries_with_attributes() {
    let mut s = Suite::without_token();
    let (us, fr, jp, il) = (
        s.wallet("us"),
        s.wallet("fr"),
        s.wallet("jp"),
        s.wallet("il"),
    );
    let r = s.investor(
        "us-1",
        "US",
        &[us],
        &[attribute::KYC_APPROVED, attribute::ACCREDITED],
    );
    let added = r.events::<abi::DSRegistryServiceInvestorAdded>();
    assert_eq!(added.len(), 1);
    assert_eq!(
        (added[0].investorId.as_str(), added[0].sender),
        ("us-1", s.issuer)
    );
    let wallets = r.events::<abi::DSRegistryServiceWalletAdded>();
    assert_eq!(wallets.len(), 1);
    assert_eq!(wallets[0].wallet, us);
    s.investor("fr-1", "fr", &[fr], &[attribute::QUALIFIED]);
    s.investor("jp-1", "JP", &[jp], &[]);
    s.investor("il-1", "IL", &[il], &[]);

    assert_eq!(
        s.view(s.registry, &IRegistry::getCountryCall { id: "fr-1".into() }),
        "FR"
    );
    let details = s.view(
        s.registry,
        &IRegistry::getInvestorDetailsCall { wallet: jp },
    );
    assert_eq!((details._0.as_str(), details._1.as_str()), ("jp-1", "JP"));
    assert!(s.view(
        s.registry,
        &IRegistry::isAccreditedInvestor_0Call { id: "us-1".into() }
    ));
    assert!(!s.view(
        s.registry,
        &IRegistry::isAccreditedInvestor_0Call { id: "fr-1".into() }
    ));
    assert!(s.view(
        s.registry,
        &IRegistry::isQualifiedInvestor_0Call { id: "fr-1".into() }
    ));
    assert!(s.view(s.registry, &IRegistry::isWalletCall { wallet: il }));
    assert!(!s.view(
        s.registry,
        &IRegistry::isWalletCall {
            wallet: s.wallet("stranger")
        }
    ));

    // a second wallet for the US investor, by the exchange? No: it did not create it.
    let extra = s.wallet("us second");
    let call = IRegistry::addWalletCall {
        wallet: extra,
        id: "us-1".into(),
    };
    let r = s.send(s.exchange, s.registry, &call);
    assert!(!r.success, "an exchange changes only its own investors");
    s.add_wallet("us-1", extra);
    assert_eq!(
        s.view(s.registry, &IRegistry::getInvestorCall { wallet: extra }),
        "us-1"
    );

    // holding nothing, nobody is counted yet
    assert_eq!(s.counts(), ds_e2e::Counts::default());
}

#[test]
fn exchange_registers_its_own_investors() {
    let mut s = Suite::without_token();
    let w = s.wallet("exchange client");
    s.must(
        s.exchange,
        s.registry,
        &IRegistry::registerInvestorCall {
            id: "ex-1".into(),
            collision_hash: "h".into(),
        },
    );
    s.must(
        s.exchange,
        s.registry,
        &IRegistry::setCountryCall {
            id: "ex-1".into(),
            country: "DE".into(),
        },
    );
    s.must(
        s.exchange,
        s.registry,
        &IRegistry::addWalletCall {
            wallet: w,
            id: "ex-1".into(),
        },
    );
    assert_eq!(
        s.view(s.registry, &IRegistry::getInvestorCall { wallet: w }),
        "ex-1"
    );
    // a stranger may not
    let stranger = s.wallet("stranger");
    let r = s.send(
        stranger,
        s.registry,
        &IRegistry::registerInvestorCall {
            id: "x".into(),
            collision_hash: "h".into(),
        },
    );
    assert_eq!(
        r.revert_error::<abi::UnauthorizedCaller>(),
        Some(abi::UnauthorizedCaller {
            caller: stranger,
            callerRole: role::NONE
        })
    );
    assert!(!s.view(s.registry, &IRegistry::isInvestorCall { id: "x".into() }));
}

#[test]
fn compliance_configuration_round_trips() {
    let mut s = Suite::without_token();
    let rules = Rules::default()
        .uint(uint_rule::TOTAL_INVESTORS_LIMIT, 100)
        .uint(uint_rule::MIN_US_TOKENS, 10)
        .uint(uint_rule::US_INVESTORS_LIMIT, 30)
        .uint(uint_rule::NON_US_LOCK_PERIOD, 3_600)
        .uint(uint_rule::MAXIMUM_HOLDINGS_PER_INVESTOR, 1_000_000)
        .uint(uint_rule::AUTHORIZED_SECURITIES, 10_000_000)
        .flag(bool_rule::FORCE_ACCREDITED_US)
        .flag(bool_rule::DISALLOW_BACK_DATING);
    let r = s.set_rules(&rules);
    // one event per changed-or-not rule, in wire order
    let uints = r.events::<abi::DSComplianceUIntRuleSet>();
    assert_eq!(uints.len(), 16);
    assert_eq!(
        (uints[1].ruleName.as_str(), uints[1].newValue),
        ("minUSTokens", u(10))
    );
    let bools = r.events::<abi::DSComplianceBoolRuleSet>();
    assert_eq!(bools.len(), 5);
    // Each event's ruleName is the DS public getter of its rule: calling
    // `<ruleName>()` on Compliance answers the new value (DS names keep DS
    // meanings, checked against the served getters, not a second list).
    let c = s.compliance;
    let master = s.master;
    for (name, value) in uints
        .iter()
        .map(|e| (e.ruleName.clone(), e.newValue))
        .chain(
            bools
                .iter()
                .map(|e| (e.ruleName.clone(), U256::from(e.newValue))),
        )
    {
        let selector = &alloy_primitives::keccak256(format!("{name}()"))[..4];
        let answer = s.net.call(master, c, selector);
        assert!(answer.success, "{name}() is served: {}", answer.outcome());
        assert_eq!(U256::from_be_slice(&answer.output), value, "{name}()");
    }
    let all = s.view(s.compliance, &ICompliance::getAllCall {});
    // DS encoding: dynamic arrays of 16 numbers and 5 flags
    assert_eq!(
        (all._0, all._1),
        (rules.uints.to_vec(), rules.bools.to_vec())
    );

    let r = s.set_uint_rule(uint_rule::MIN_US_TOKENS, 20);
    let ev = &r.events::<abi::DSComplianceUIntRuleSet>()[0];
    assert_eq!((ev.prevValue, ev.newValue), (u(10), u(20)));
    s.set_bool_rule(bool_rule::FORCE_ACCREDITED_US, false);
    let all = s.view(s.compliance, &ICompliance::getAllCall {});
    assert_eq!(all._0[uint_rule::MIN_US_TOKENS], u(20));
    assert!(!all._1[bool_rule::FORCE_ACCREDITED_US]);

    // out of range: a percentage above 100 is refused and nothing changes
    let call = ICompliance::setUIntRuleCall {
        index: u(uint_rule::MAX_US_INVESTORS_PERCENTAGE as u64),
        value: u(101),
    };
    let r = s.send(s.transfer_agent, s.compliance, &call);
    assert!(
        r.reverted_with::<abi::RuleValueOutOfRange>(),
        "{}",
        r.outcome()
    );
    let after = s.view(s.compliance, &ICompliance::getAllCall {});
    assert_eq!(after._0, all._0);

    // setAll takes exactly 16 numbers and 5 flags: any other length is
    // refused with both lengths, before anything is written
    for (uints, bools, given, expected) in [
        (15, 5, 15, 16),
        (17, 5, 17, 16),
        (16, 4, 4, 5),
        (16, 6, 6, 5),
    ] {
        let call = ICompliance::setAllCall {
            uint_values: vec![u(1); uints],
            bool_values: vec![true; bools],
        };
        let r = s.send(s.transfer_agent, s.compliance, &call);
        let err = r
            .revert_error::<ds_e2e::abi::exported::IComplianceService::LengthMismatch>()
            .unwrap_or_else(|| panic!("{uints}/{bools}: {}", r.outcome()));
        assert_eq!((err.left, err.right), (u(given), u(expected)));
        assert!(r.logs.is_empty());
    }
    let after = s.view(s.compliance, &ICompliance::getAllCall {});
    assert_eq!((after._0, after._1), (all._0, all._1), "nothing written");
}

#[test]
fn country_statuses() {
    let mut s = Suite::without_token();
    s.set_countries(&[
        ("US", region::US),
        ("FR", region::EU),
        ("DE", region::EU),
        ("JP", region::JP),
        ("KP", region::FORBIDDEN),
    ]);
    for (country, status) in [
        ("US", 1),
        ("fr", 2),
        ("DE", 2),
        ("JP", 8),
        ("KP", 4),
        ("IL", 0),
    ] {
        let got = s.view(
            s.compliance,
            &ICompliance::getCountryComplianceCall {
                country: country.into(),
            },
        );
        assert_eq!(got, u(status), "{country}");
    }
    let call = ICompliance::setCountryComplianceCall {
        country: "IL".into(),
        value: u(3),
    };
    let r = s.send(s.transfer_agent, s.compliance, &call);
    assert_eq!(
        r.revert_error::<abi::InvalidCountryStatus>(),
        Some(abi::InvalidCountryStatus { value: u(3) })
    );
}

/// Compliance answers its facets' selectors by delegatecall, one hop through
/// its router. Nitro does not count delegate frames as re-entry (only CALL
/// spans of the same address), so the hop may not trip the SDK's reentrancy
/// guard.
#[test]
fn compliance_runs_its_facets_by_delegatecall() {
    let mut s = Suite::without_token();
    let r = s.net.call(
        s.master,
        s.compliance,
        &alloy_sol_types::SolCall::abi_encode(&ICompliance::getAllCall {}),
    );
    assert!(r.success, "views facet through Compliance: {}", r.outcome());
    let r = s.set_uint_rule(uint_rule::TOTAL_INVESTORS_LIMIT, 7);
    assert_eq!(r.events::<abi::DSComplianceUIntRuleSet>().len(), 1);
    let all = s.view(s.compliance, &ICompliance::getAllCall {});
    assert_eq!(all._0[uint_rule::TOTAL_INVESTORS_LIMIT], u(7));
}

/// The DS configuration service's named setters and getters reach the rules
/// facet through Compliance's router (one hop) and agree with `getAll`; a
/// refusal passes back through the router unchanged.
#[test]
fn ds_named_rule_setters_work_through_compliance() {
    use ds_e2e::abi::IComplianceConfig as R;
    let mut s = Suite::without_token();
    let (c, agent) = (s.compliance, s.transfer_agent);
    s.must(agent, c, &R::setTotalInvestorsLimitCall { value: u(2_000) });
    s.must(agent, c, &R::setUSLockPeriodCall { value: u(86_400) });
    s.must(agent, c, &R::setForceAccreditedUSCall { value: true });
    assert_eq!(s.view(c, &R::getTotalInvestorsLimitCall {}), u(2_000));
    assert_eq!(s.view(c, &R::getUSLockPeriodCall {}), u(86_400));
    assert!(s.view(c, &R::getForceAccreditedUSCall {}));
    let all = s.view(c, &ICompliance::getAllCall {});
    assert_eq!(all._0[uint_rule::TOTAL_INVESTORS_LIMIT], u(2_000));
    assert_eq!(all._0[uint_rule::US_LOCK_PERIOD], u(86_400));
    assert!(all._1[bool_rule::FORCE_ACCREDITED_US]);
    let exchange = s.exchange;
    let refused = s.send(exchange, c, &R::setTotalInvestorsLimitCall { value: u(1) });
    assert_eq!(
        refused.revert_error::<abi::UnauthorizedCaller>(),
        Some(abi::UnauthorizedCaller {
            caller: exchange,
            callerRole: role::EXCHANGE,
        })
    );
    assert_eq!(s.view(c, &R::getTotalInvestorsLimitCall {}), u(2_000));
}

/// DS v4's `attributes(investorId, attributeId)` getter on the Registry:
/// the stored status, expiry and proof hash of one attribute, in DS's
/// return order; unknown investors and attribute ids read as (0, 0, "").
#[test]
fn the_registry_answers_ds_attributes_getter() {
    let mut s = Suite::without_token();
    let wallet = s.wallet("attr");
    s.investor("attr-1", "US", &[wallet], &[]);
    let (exchange, registry) = (s.issuer, s.registry);
    s.must(
        exchange,
        registry,
        &IRegistry::setAttributeCall {
            id: "attr-1".into(),
            attribute_id: attribute::ACCREDITED,
            value: u(1),
            expiry: u(4_000_000_000),
            proof_hash: "proof-a".into(),
        },
    );
    let got = s.view(
        registry,
        &IRegistry::attributesCall {
            id: "attr-1".into(),
            attribute_id: attribute::ACCREDITED,
        },
    );
    assert_eq!(
        (got._0, got._1, got._2.as_str()),
        (u(1), u(4_000_000_000), "proof-a")
    );
    for (id, attribute_id) in [("attr-1", 3u8), ("nobody", attribute::ACCREDITED)] {
        let got = s.view(
            registry,
            &IRegistry::attributesCall {
                id: id.into(),
                attribute_id,
            },
        );
        assert_eq!(
            (got._0, got._1, got._2),
            (U256::ZERO, U256::ZERO, String::new()),
            "{id}"
        );
    }
}

/// DS v4's `newPreTransferCheck(from, to, value, balanceFrom, pausedToken)`
/// on Compliance: the DS code and reason with the balance and pause flag as
/// given, so it differs from `checkTransfer` only by the reason string.
#[test]
fn compliance_answers_ds_new_pre_transfer_check() {
    let mut s = Suite::without_token();
    s.set_countries(&[("US", region::US)]);
    let (a, b) = (s.wallet("npt-a"), s.wallet("npt-b"));
    s.investor("npt-a", "US", &[a], &[attribute::KYC_APPROVED]);
    s.investor("npt-b", "US", &[b], &[attribute::KYC_APPROVED]);
    let c = s.compliance;
    for (balance, paused, stranger) in [
        (100u64, false, false),
        (100, true, false),
        (5, false, false),
        (100, false, true),
    ] {
        let to = if stranger {
            s.wallet("not registered")
        } else {
            b
        };
        let (code, reason) = {
            let r = s.view(
                c,
                &ICompliance::newPreTransferCheckCall {
                    from: a,
                    to,
                    value: u(10),
                    balance_from: u(balance),
                    paused_token: paused,
                },
            );
            (r._0, r._1)
        };
        let check = s.view(
            c,
            &ICompliance::checkTransferCall {
                from: a,
                to,
                value: u(10),
                from_balance: u(balance),
                paused,
            },
        );
        assert_eq!(code, check, "balance {balance}, paused {paused}");
        let expected = ds_common::codes::reason(code.to::<u8>());
        assert_eq!(reason, expected);
        if paused {
            assert_ne!(code, U256::ZERO, "a paused token refuses");
        }
    }
}

/// DS v4's regulated-compliance views on the deployed suite:
/// `preInternalTransferCheck` answers as `preTransferCheck`,
/// `validateIssuanceTime` gives the time an issuance is recorded with, and
/// `getComplianceTransferableTokens` takes manual locks, full locks and the
/// issuances within the lock time given.
#[test]
fn compliance_answers_ds_issuance_time_internal_check_and_lock_up() {
    use ds_common::errors::{InvalidIssuanceTime, ZeroTime};
    let mut s = Suite::new();
    s.set_countries(&[("US", region::US)]);
    let alice = s.new_investor("dsv-alice", "US", &[attribute::KYC_APPROVED]);
    let bob = s.new_investor("dsv-bob", "US", &[attribute::KYC_APPROVED]);
    let stranger = s.wallet("dsv-stranger");
    s.issue(alice, 100).expect_ok("issue");
    let c = s.compliance;
    for (to, value) in [(bob, 10u64), (bob, 1_000), (stranger, 10)] {
        let pre = s.view(
            c,
            &ICompliance::preTransferCheckCall {
                from: alice,
                to,
                value: u(value),
            },
        );
        let internal = s.view(
            c,
            &ICompliance::preInternalTransferCheckCall {
                from: alice,
                to,
                value: u(value),
            },
        );
        assert_eq!((internal._0, internal._1), (pre._0, pre._1), "{to} {value}");
    }

    let now = s.now();
    let time = |s: &mut Suite, t: u64| {
        s.net.call_sol(
            s.master,
            c,
            &ICompliance::validateIssuanceTimeCall {
                issuance_time: u(t),
            },
        )
    };
    assert_eq!(
        time(&mut s, now - 50).ok(),
        Some(u(now - 50)),
        "back-dated kept"
    );
    assert_eq!(time(&mut s, 0).ok(), Some(u(now)), "0 is now");
    let future = time(&mut s, now + 1).expect_err("a future time");
    assert_eq!(
        future.revert_error::<InvalidIssuanceTime>(),
        Some(InvalidIssuanceTime {
            issuanceTime: u(now + 1),
            now: u(now)
        })
    );
    s.set_bool_rule(bool_rule::DISALLOW_BACK_DATING, true);
    assert_eq!(time(&mut s, now - 50).ok(), Some(u(now)), "back-dating off");

    let transferable = |s: &mut Suite, at: u64, lock_time: u64| {
        s.net.call_sol(
            s.master,
            c,
            &ICompliance::getComplianceTransferableTokensCall {
                who: alice,
                time: u(at),
                lock_time,
            },
        )
    };
    assert_eq!(transferable(&mut s, now, 0).ok(), Some(u(100)));
    assert_eq!(
        transferable(&mut s, now, 3_600).ok(),
        Some(u(0)),
        "issued now"
    );
    assert_eq!(
        transferable(&mut s, now + 3_600, 3_600).ok(),
        Some(u(100)),
        "lock-up over"
    );
    let agent = s.transfer_agent;
    s.must(
        agent,
        c,
        &ICompliance::createLockForInvestorCall {
            investor_id: "dsv-alice".into(),
            value: u(30),
            reason_code: u(2),
            reason_string: "vesting".into(),
            release_time: u(0),
        },
    );
    assert_eq!(transferable(&mut s, now, 0).ok(), Some(u(70)), "locked 30");
    let zero = transferable(&mut s, 0, 0).expect_err("time 0");
    assert_eq!(zero.revert_error::<ZeroTime>(), Some(ZeroTime {}));
    s.must(
        agent,
        c,
        &ICompliance::lockInvestorCall {
            investor_id: "dsv-alice".into(),
        },
    );
    assert_eq!(
        transferable(&mut s, now, 0).ok(),
        Some(u(0)),
        "fully locked"
    );
}

/// Locks emit DS v4's events with DS's signatures and fields: by wallet
/// `HolderLocked` + `Locked`, by investor id `HolderLocked` alone; full
/// locks `InvestorFullyLocked` / `InvestorFullyUnlocked`.
#[test]
fn locks_emit_the_ds_events() {
    let mut s = Suite::new();
    s.set_countries(&[("US", region::US)]);
    let alice = s.new_investor("ev-alice", "US", &[attribute::KYC_APPROVED]);
    s.issue(alice, 100).expect_ok("issue");
    let (c, agent) = (s.compliance, s.transfer_agent);
    let r = s.must(
        agent,
        c,
        &ICompliance::addManualLockRecordCall {
            to: alice,
            value: u(25),
            reason: "vesting".into(),
            release_time: u(0),
        },
    );
    let held = r.events::<abi::HolderLocked>();
    let locked = r.events::<abi::Locked>();
    assert_eq!(held.len(), 1);
    assert_eq!(
        (
            held[0].holderId.as_str(),
            held[0].value,
            held[0].reason,
            held[0].reasonString.as_str()
        ),
        ("ev-alice", u(25), u(0), "vesting")
    );
    assert_eq!(locked.len(), 1);
    assert_eq!((locked[0].who, locked[0].value), (alice, u(25)));
    let r = s.must(
        agent,
        c,
        &ICompliance::removeLockRecordForInvestorCall {
            investor_id: "ev-alice".into(),
            lock_index: u(0),
        },
    );
    assert!(r.events::<abi::Unlocked>().is_empty(), "no wallet named");
    assert_eq!(r.events::<abi::HolderUnlocked>()[0].value, u(25));
    let r = s.must(
        agent,
        c,
        &ICompliance::lockInvestorCall {
            investor_id: "ev-alice".into(),
        },
    );
    assert_eq!(
        r.events::<abi::InvestorFullyLocked>()[0].investorId,
        "ev-alice"
    );
    let r = s.must(
        agent,
        c,
        &ICompliance::unlockInvestorCall {
            investor_id: "ev-alice".into(),
        },
    );
    assert_eq!(
        r.events::<abi::InvestorFullyUnlocked>()[0].investorId,
        "ev-alice"
    );
}
