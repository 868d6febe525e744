//! One issuance end to end on the real artifacts: wiring, investors in
//! several countries, configuration, issuance with locks, transfers, the
//! exchange's checks, pause, seize, burn and the counters after each step.

use ds_e2e::{
    abi::{self, ICompliance, IDSToken},
    ids::{attribute::ACCREDITED, attribute::QUALIFIED, code, role, service, uint_rule},
    regulated_rules, u, Address, Counts, ReceiptExt, Suite, COUNTRIES, TOKEN_DECIMALS, TOKEN_NAME,
    TOKEN_SYMBOL, U256,
};

#[test]
fn every_contract_knows_every_service_and_the_token_its_metadata() {
    let mut s = Suite::new();
    let wiring = s.wiring();
    // 5 contracts × (5 services + 3 DS parts) + 1 facet in the Registry,
    // 4 in Compliance and 2 in the token
    assert_eq!(wiring.len(), 47);
    for (contract, id, expected) in wiring {
        let call = IDSToken::getDSServiceCall {
            service_id: U256::from(id),
        };
        assert_eq!(
            s.view(contract, &call),
            expected,
            "service {id} in {contract}"
        );
    }
    let token = s.token();
    assert_eq!(s.view(token, &IDSToken::nameCall {}), TOKEN_NAME);
    assert_eq!(s.view(token, &IDSToken::symbolCall {}), TOKEN_SYMBOL);
    assert_eq!(s.view(token, &IDSToken::decimalsCall {}), TOKEN_DECIMALS);
    assert_eq!(s.total_supply(), U256::ZERO);
    assert!(!s.view(token, &IDSToken::isPausedCall {}));
    // only the master rewires the token
    let call = IDSToken::setDSServiceCall {
        service_id: u(service::COMPLIANCE),
        service: s.exchange,
    };
    let r = s.send(s.issuer, token, &call);
    assert_eq!(
        r.revert_error::<abi::UnauthorizedCaller>(),
        Some(abi::UnauthorizedCaller {
            caller: s.issuer,
            callerRole: role::ISSUER
        })
    );
}

/// The regulated issuance: countries, rules with limits, investors in the
/// US (accredited and not), France (retail), Germany (qualified), Japan and
/// Israel (status NONE).
struct Issuance {
    s: Suite,
    us_acc: Address,
    us_retail: Address,
    fr: Address,
    de: Address,
    jp: Address,
    il: Address,
}

fn issuance() -> Issuance {
    let mut s = Suite::new();
    s.set_countries(&COUNTRIES);
    s.set_rules(&regulated_rules());
    let us_acc = s.new_investor("us-acc", "US", &[ACCREDITED]);
    let us_retail = s.new_investor("us-retail", "US", &[]);
    let fr = s.new_investor("fr-retail", "FR", &[]);
    let de = s.new_investor("de-qualified", "DE", &[QUALIFIED]);
    let jp = s.new_investor("jp-1", "JP", &[]);
    let il = s.new_investor("il-1", "IL", &[]);
    Issuance {
        s,
        us_acc,
        us_retail,
        fr,
        de,
        jp,
        il,
    }
}

#[test]
fn issuance_counts_investors_by_category() {
    let Issuance {
        mut s,
        us_acc,
        us_retail,
        fr,
        de,
        jp,
        il,
    } = issuance();
    let r = s.issue(us_acc, 1_000).expect_ok("issue");
    let issued = r.events::<abi::Issue>();
    assert_eq!(issued.len(), 1);
    assert_eq!(
        (issued[0].to, issued[0].value, issued[0].valueLocked),
        (us_acc, u(1_000), U256::ZERO)
    );
    let minted = r.events::<abi::Transfer>();
    assert_eq!(
        (minted[0].from, minted[0].to, minted[0].value),
        (Address::ZERO, us_acc, u(1_000))
    );
    for (wallet, value) in [(us_retail, 500), (fr, 400), (de, 300), (jp, 200), (il, 100)] {
        s.issue(wallet, value).expect_ok("issue");
    }
    assert_eq!(
        s.counts(),
        Counts {
            total: 6,
            accredited: 1,
            us: 2,
            us_accredited: 1,
            jp: 1
        }
    );
    assert_eq!(s.eu_retail("FR"), 1);
    assert_eq!(s.eu_retail("DE"), 0);
    let token = s.token();
    assert_eq!(s.total_supply(), u(2_500));
    assert_eq!(s.view(token, &IDSToken::totalIssuedCall {}), u(2_500));
    assert_eq!(s.view(token, &IDSToken::walletCountCall {}), u(6));
    let first = s.view(token, &IDSToken::getWalletAtCall { index: u(1) });
    assert_eq!(first, us_acc, "holders are numbered from 1");
    // the investor balance spans its wallets
    let second = s.wallet("us-acc second wallet");
    s.add_wallet("us-acc", second);
    s.expect_transfer(us_acc, second, 250);
    let id = "us-acc".to_string();
    assert_eq!(
        s.view(token, &IDSToken::balanceOfInvestorCall { id: id.clone() }),
        u(1_000)
    );
    assert_eq!(
        s.view(s.compliance, &ICompliance::balanceOfInvestorCall { id }),
        u(1_000)
    );
    assert_eq!(s.counts().total, 6, "own wallets: still one investor");
}

#[test]
fn issuance_above_the_authorized_securities_is_refused() {
    let Issuance { mut s, il, .. } = issuance();
    s.set_uint_rule(uint_rule::MAXIMUM_HOLDINGS_PER_INVESTOR, 0);
    s.issue(il, 9_000_000).expect_ok("issue");
    let r = s.issue(il, 1_000_001);
    let err = r.revert_error::<abi::AuthorizedSecuritiesExceeded>();
    assert_eq!(
        err,
        Some(abi::AuthorizedSecuritiesExceeded {
            totalSupply: u(9_000_000),
            value: u(1_000_001),
            cap: u(10_000_000)
        }),
        "{}",
        r.outcome()
    );
    assert_eq!(s.total_supply(), u(9_000_000));
}

#[test]
fn issuance_to_an_ineligible_wallet_is_refused_with_its_code() {
    let Issuance { mut s, .. } = issuance();
    let stranger = s.wallet("stranger");
    let r = s.issue(stranger, 10);
    let err = r
        .revert_error::<abi::IssuanceRejected>()
        .expect("IssuanceRejected");
    assert_eq!((err.code, err.reason.as_str()), (u(20), code::reason(20)));
    let kp = s.new_investor("kp-1", "KP", &[]);
    let r = s.issue(kp, 10);
    let err = r
        .revert_error::<abi::IssuanceRejected>()
        .expect("IssuanceRejected");
    assert_eq!((err.code, err.reason.as_str()), (u(26), code::reason(26)));
    assert_eq!(s.total_supply(), U256::ZERO);
    assert_eq!(s.counts(), Counts::default());
}

#[test]
fn transfers_across_countries_move_counters() {
    let Issuance {
        mut s,
        us_acc,
        us_retail,
        fr,
        de,
        jp,
        il,
    } = issuance();
    s.issue(us_acc, 1_000).expect_ok("issue");
    s.issue(fr, 1_000).expect_ok("issue");
    // the flowback window closed at time 1: non-US to US passes
    s.expect_transfer(fr, us_retail, 100);
    s.expect_transfer(us_acc, de, 100);
    s.expect_transfer(us_acc, jp, 100);
    s.expect_transfer(fr, il, 900); // the French investor leaves
    assert_eq!(
        s.counts(),
        Counts {
            total: 5,
            accredited: 1,
            us: 2,
            us_accredited: 1,
            jp: 1
        }
    );
    assert_eq!(s.eu_retail("FR"), 0);
    assert_eq!(s.balance(fr), U256::ZERO);
    assert_eq!(s.balance(il), u(900));
    assert_eq!(s.total_supply(), u(2_000));
}

#[test]
fn transfer_from_spends_the_allowance() {
    let Issuance { mut s, il, jp, .. } = issuance();
    s.issue(il, 100).expect_ok("issue");
    let token = s.token();
    let spender = s.exchange;
    let r = s.must(
        il,
        token,
        &IDSToken::approveCall {
            spender,
            value: u(30),
        },
    );
    assert_eq!(r.events::<abi::Approval>()[0].value, u(30));
    let call = IDSToken::transferFromCall {
        from: il,
        to: jp,
        value: u(31),
    };
    let r = s.send(spender, token, &call);
    assert_eq!(
        r.revert_error::<abi::ERC20InsufficientAllowance>(),
        Some(abi::ERC20InsufficientAllowance {
            spender,
            allowance: u(30),
            needed: u(31)
        })
    );
    let call = IDSToken::transferFromCall {
        from: il,
        to: jp,
        value: u(30),
    };
    s.must(spender, token, &call);
    assert_eq!(
        s.view(token, &IDSToken::allowanceCall { owner: il, spender }),
        U256::ZERO
    );
    assert_eq!((s.balance(il), s.balance(jp)), (u(70), u(30)));
    // a compliant allowance does not bypass compliance
    s.must(
        il,
        token,
        &IDSToken::approveCall {
            spender,
            value: u(10),
        },
    );
    let stranger = s.wallet("stranger");
    let call = IDSToken::transferFromCall {
        from: il,
        to: stranger,
        value: u(10),
    };
    let r = s.send(spender, token, &call);
    assert_eq!(r.transfer_rejection(), Some((20, code::reason(20).into())));
}

#[test]
fn exchange_checks_before_settling() {
    let Issuance {
        mut s, us_acc, il, ..
    } = issuance();
    s.issue(us_acc, 1_000).expect_ok("issue");
    let token = s.token();
    let stranger = s.wallet("stranger");
    assert_eq!(s.token_check(us_acc, il, 10), (0, "Valid".into()));
    assert_eq!(
        s.token_check(us_acc, stranger, 10),
        (20, code::reason(20).into())
    );
    let call = IDSToken::canTransferCall {
        from: us_acc,
        to: il,
        amount: u(10),
    };
    assert!(s.view(token, &call));
    let call = ICompliance::canTransferCall {
        from: us_acc,
        to: stranger,
        value: u(10),
    };
    assert!(!s.view(s.compliance, &call));
    let call = IDSToken::detectTransferRestrictionCall {
        from: us_acc,
        to: stranger,
        value: u(10),
    };
    assert_eq!(s.view(token, &call), 20);
    let call = ICompliance::preIssuanceCheckCall {
        to: stranger,
        value: u(10),
    };
    let r = s.view(s.compliance, &call);
    assert_eq!((r._0, r._1.as_str()), (u(20), code::reason(20)));
}

#[test]
fn issuance_with_locks_releases_over_time() {
    let Issuance { mut s, il, jp, .. } = issuance();
    let t0 = s.now();
    let token = s.token();
    let call = IDSToken::issueTokensWithMultipleLocksCall {
        to: il,
        value: u(1_000),
        issuance_time: U256::ZERO,
        values_locked: vec![u(300), u(200)],
        reason: "vesting".into(),
        release_times: vec![t0 + 100, t0 + 200],
    };
    let r = s.must(s.issuer, token, &call);
    assert_eq!(r.events::<abi::Issue>()[0].valueLocked, u(500));
    let c = s.compliance;
    assert_eq!(s.view(c, &ICompliance::lockCountCall { who: il }), u(2));
    let transferable = |s: &mut Suite, t: u64| {
        s.view(
            c,
            &ICompliance::getTransferableTokensCall {
                who: il,
                time: u(t),
            },
        )
    };
    assert_eq!(transferable(&mut s, t0), u(500));
    assert_eq!(transferable(&mut s, t0 + 100), u(800));
    assert_eq!(transferable(&mut s, t0 + 200), u(1_000));
    s.expect_refused(il, jp, 501, code::TOKENS_LOCKED);
    s.advance(100);
    s.expect_transfer(il, jp, 501);
    s.expect_refused(il, jp, 300, code::TOKENS_LOCKED);
    s.advance(100);
    s.expect_transfer(il, jp, 499);
    assert_eq!(s.balance(il), U256::ZERO);
}

#[test]
fn pause_stops_transfers_but_not_platform_deposits() {
    let Issuance { mut s, il, jp, .. } = issuance();
    s.issue(il, 100).expect_ok("issue");
    let platform = s.wallet("platform");
    s.add_platform_wallet(platform);
    let token = s.token();
    let r = s.pause();
    assert_eq!(r.events::<abi::Pause>().len(), 1);
    assert!(s.view(token, &IDSToken::isPausedCall {}));
    s.expect_refused(il, jp, 10, code::TOKEN_PAUSED);
    // as in DS, deposits to a platform wallet pass a pause
    s.expect_transfer(il, platform, 10);
    // only a transfer agent (or the master) pauses
    let r = s.send(s.issuer, token, &IDSToken::unpauseCall {});
    assert!(
        r.reverted_with::<abi::UnauthorizedCaller>(),
        "{}",
        r.outcome()
    );
    let r = s.unpause();
    assert_eq!(r.events::<abi::Unpause>().len(), 1);
    s.expect_transfer(il, jp, 10);
}

#[test]
fn seize_goes_to_an_issuer_wallet_only() {
    let Issuance { mut s, il, jp, .. } = issuance();
    s.issue(il, 100).expect_ok("issue");
    s.issue(jp, 100).expect_ok("issue");
    let vault = s.wallet("issuer vault");
    s.add_issuer_wallet(vault);
    let token = s.token();
    let seize = |to, value| IDSToken::seizeCall {
        from: il,
        to,
        value: u(value),
        reason: "court order".into(),
    };
    // not to an investor wallet
    let r = s.send(s.transfer_agent, token, &seize(jp, 10));
    assert_eq!(
        r.revert_error::<abi::SeizeTargetNotIssuerWallet>(),
        Some(abi::SeizeTargetNotIssuerWallet { to: jp }),
        "{}",
        r.outcome()
    );
    // not by an issuer
    let r = s.send(s.issuer, token, &seize(vault, 10));
    assert!(
        r.reverted_with::<abi::UnauthorizedCaller>(),
        "{}",
        r.outcome()
    );
    assert_eq!(s.balance(il), u(100));
    // the transfer agent seizes everything: the investor leaves the counters
    let r = s.must(s.transfer_agent, token, &seize(vault, 100));
    let ev = &r.events::<abi::Seize>()[0];
    assert_eq!(
        (ev.from, ev.to, ev.value, ev.reason.as_str()),
        (il, vault, u(100), "court order")
    );
    assert_eq!((s.balance(il), s.balance(vault)), (U256::ZERO, u(100)));
    assert_eq!(s.counts().total, 1);
    assert_eq!(s.total_supply(), u(200));
}

#[test]
fn burn_reduces_supply_and_counters() {
    let Issuance {
        mut s, us_acc, jp, ..
    } = issuance();
    s.issue(us_acc, 100).expect_ok("issue");
    s.issue(jp, 100).expect_ok("issue");
    let token = s.token();
    let burn = |value| IDSToken::burnCall {
        who: us_acc,
        value: u(value),
        reason: "redemption".into(),
    };
    let r = s.send(s.exchange, token, &burn(10));
    assert!(
        r.reverted_with::<abi::UnauthorizedCaller>(),
        "{}",
        r.outcome()
    );
    let r = s.send(s.issuer, token, &burn(101));
    assert!(
        r.reverted_with::<abi::ERC20InsufficientBalance>(),
        "{}",
        r.outcome()
    );
    let r = s.must(s.issuer, token, &burn(40));
    let ev = &r.events::<abi::Burn>()[0];
    assert_eq!(
        (ev.burner, ev.value, ev.reason.as_str()),
        (us_acc, u(40), "redemption")
    );
    assert_eq!(s.counts().us, 1);
    s.must(s.transfer_agent, token, &burn(60));
    assert_eq!(
        s.counts(),
        Counts {
            total: 1,
            accredited: 0,
            us: 0,
            us_accredited: 0,
            jp: 1
        }
    );
    assert_eq!(s.total_supply(), u(100));
    assert_eq!(s.view(token, &IDSToken::totalIssuedCall {}), u(200));
    assert_eq!(s.view(token, &IDSToken::walletCountCall {}), u(1));
}

#[test]
fn a_holder_wallet_cannot_be_moved_while_it_holds_tokens() {
    let Issuance { mut s, il, .. } = issuance();
    s.issue(il, 100).expect_ok("issue");
    // the registry asks the token: a wallet with tokens stays with its investor
    let call = ds_e2e::abi::IRegistry::removeWalletCall {
        wallet: il,
        id: "il-1".into(),
    };
    let r = s.send(s.issuer, s.registry, &call);
    assert_eq!(
        r.revert_error::<abi::WalletHasBalance>(),
        Some(abi::WalletHasBalance {
            wallet: il,
            balance: u(100)
        }),
        "{}",
        r.outcome()
    );
}

#[test]
fn changing_the_country_of_a_holder_moves_its_counters() {
    let Issuance { mut s, il, .. } = issuance();
    s.issue(il, 100).expect_ok("issue");
    assert_eq!(s.counts().us, 0);
    let call = ds_e2e::abi::IRegistry::setCountryCall {
        id: "il-1".into(),
        country: "US".into(),
    };
    s.must(s.issuer, s.registry, &call);
    assert_eq!(
        s.counts(),
        Counts {
            total: 1,
            accredited: 0,
            us: 1,
            us_accredited: 0,
            jp: 0
        }
    );
}
