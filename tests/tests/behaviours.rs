//! Behaviours no other file pinned (issue 22), each to its exact value on
//! the real artifacts: the ERC-7943 account checks, the ERC-20 `Transfer`
//! logs of burns and seizures, the blacklist's events and its count, the
//! batch country setter, `setAll`'s ranges, back-dated issuance and
//! `disallowBackDating`, `bulkBurn`'s bounds, repeated pause and unpause,
//! allowances under frozen tokens, and `lockInfo` by wallet.
//!
//! A refused call is checked to revert with its exact error, log nothing
//! and leave every storage slot of the chain as it was.

use std::fmt::Debug;

use alloy_sol_types::{SolError, SolEvent};
use ds_devnet::snapshot::StorageSnapshot;
use ds_e2e::{
    abi::{
        self,
        exported::{IComplianceService as C, IComplianceServiceEvents as CEvents, IDSToken as T},
        ICompliance, IDSToken,
    },
    ids::{bool_rule, code, region, uint_rule},
    investor_key, u, Address, Receipt, ReceiptExt, Rules, Suite, COUNTRIES, U256,
};

/// A suite with the standard countries and two Israeli investors (country
/// status NONE: no limit or flowback applies), the first holding 100.
fn holders() -> (Suite, Address, Address) {
    let mut s = Suite::new();
    s.set_countries(&COUNTRIES);
    let a = s.new_investor("il-a", "IL", &[]);
    let b = s.new_investor("il-b", "IL", &[]);
    s.issue(a, 100).expect_ok("issue to il-a");
    (s, a, b)
}

/// Asserts that `r` reverted with exactly `expected`, logged nothing and
/// changed no storage slot of the chain since `before`.
fn refused_unchanged<E: SolError + PartialEq + Debug>(
    s: &Suite,
    r: &Receipt,
    expected: E,
    before: &StorageSnapshot,
) {
    assert_eq!(r.revert_error::<E>(), Some(expected), "{}", r.outcome());
    assert!(r.logs.is_empty(), "a refused call logs nothing");
    assert_eq!(
        before.diff(&s.net.storage_snapshot()),
        vec![],
        "nothing written"
    );
}

/// Asserts that `r` succeeded without a log and changed no storage slot of
/// the chain since `before` (an idempotent call repeated).
fn ok_unchanged(s: &Suite, r: &Receipt, before: &StorageSnapshot, what: &str) {
    assert!(r.success, "{what}: {}", r.outcome());
    assert!(r.logs.is_empty(), "{what} logs nothing");
    assert_eq!(
        before.diff(&s.net.storage_snapshot()),
        vec![],
        "{what} writes nothing"
    );
}

/// The token's ERC-7943 `(canSend, canReceive, canTransact)` of `account`.
fn standing(s: &mut Suite, account: Address) -> (bool, bool, bool) {
    let token = s.token();
    (
        s.view(token, &IDSToken::canSendCall { account }),
        s.view(token, &IDSToken::canReceiveCall { account }),
        s.view(token, &IDSToken::canTransactCall { account }),
    )
}

/// The transfer agent blacklists `wallet` (or lifts it, `listed` false).
fn blacklist(s: &mut Suite, wallet: Address, listed: bool) -> Receipt {
    let (ta, compliance) = (s.transfer_agent, s.compliance);
    if listed {
        s.send(ta, compliance, &ICompliance::addToBlacklistCall { wallet })
    } else {
        s.send(
            ta,
            compliance,
            &ICompliance::removeFromBlacklistCall { wallet },
        )
    }
}

/// Compliance's `isBlacklistedWallet`.
fn is_blacklisted(s: &mut Suite, wallet: Address) -> bool {
    let compliance = s.compliance;
    s.view(compliance, &ICompliance::isBlacklistedWalletCall { wallet })
}

/// ERC-7943 `canSend` / `canReceive` / `canTransact`: an investor wallet
/// may do all three, an unregistered wallet none, an issuer wallet only
/// send; a blacklisted wallet none of them (and only that wallet of its
/// investor), until it is lifted.
#[test]
fn erc7943_account_checks_follow_registration_and_blacklist() {
    let (mut s, a, _) = holders();
    let a2 = s.wallet("il-a second wallet");
    s.add_wallet("il-a", a2);
    let (platform, vault, stranger) = (
        s.wallet("platform"),
        s.wallet("issuer vault"),
        s.wallet("stranger"),
    );
    s.add_platform_wallet(platform);
    s.add_issuer_wallet(vault);
    let all = (true, true, true);
    let none = (false, false, false);
    for (wallet, expected, what) in [
        (a, all, "investor"),
        (a2, all, "investor's second wallet"),
        (platform, all, "platform wallet"),
        (vault, (true, false, false), "issuer wallet"),
        (stranger, none, "unregistered wallet"),
    ] {
        assert_eq!(standing(&mut s, wallet), expected, "{what}");
    }
    for wallet in [a, platform, vault, stranger] {
        blacklist(&mut s, wallet, true).expect_ok("blacklist");
    }
    for (wallet, expected, what) in [
        (a, none, "blacklisted investor"),
        (a2, all, "the investor's other wallet"),
        (platform, none, "blacklisted platform wallet"),
        (vault, none, "blacklisted issuer wallet"),
        (stranger, none, "blacklisted unregistered wallet"),
    ] {
        assert_eq!(standing(&mut s, wallet), expected, "{what}");
    }
    blacklist(&mut s, a, false).expect_ok("lift a");
    assert_eq!(standing(&mut s, a), all, "investor after the blacklist");
    assert_eq!(standing(&mut s, platform), none, "still listed");
}

/// The ERC-20 `Transfer` log of a burn goes to the zero address, of a
/// seizure to the issuer wallet, each with the value, logged by the token
/// before the DS `Burn` / `Seize` event.
#[test]
fn burn_and_seize_log_their_erc20_transfer() {
    let (mut s, a, _) = holders();
    let vault = s.wallet("issuer vault");
    s.add_issuer_wallet(vault);
    let (ta, token) = (s.transfer_agent, s.token());

    let burn = IDSToken::burnCall {
        who: a,
        value: u(30),
        reason: "redemption".into(),
    };
    let r = s.must(ta, token, &burn);
    assert_eq!(
        r.events::<abi::Transfer>(),
        vec![abi::Transfer {
            from: a,
            to: Address::ZERO,
            value: u(30)
        }]
    );
    assert_eq!(
        r.events::<abi::Burn>(),
        vec![abi::Burn {
            burner: a,
            value: u(30),
            reason: "redemption".into()
        }]
    );
    assert_eq!(r.logs.len(), 2, "Transfer and Burn only");
    assert!(r.logs.iter().all(|l| l.address == token));
    assert!(
        abi::Transfer::decode_log(&r.logs[0]).is_ok(),
        "Transfer first"
    );

    let seize = IDSToken::seizeCall {
        from: a,
        to: vault,
        value: u(20),
        reason: "court order".into(),
    };
    let r = s.must(ta, token, &seize);
    assert_eq!(
        r.events::<abi::Transfer>(),
        vec![abi::Transfer {
            from: a,
            to: vault,
            value: u(20)
        }]
    );
    assert_eq!(
        r.events::<abi::Seize>(),
        vec![abi::Seize {
            from: a,
            to: vault,
            value: u(20),
            reason: "court order".into()
        }]
    );
    assert_eq!(r.logs.len(), 2, "Transfer and Seize only");
    assert!(r.logs.iter().all(|l| l.address == token));
    assert!(
        abi::Transfer::decode_log(&r.logs[0]).is_ok(),
        "Transfer first"
    );

    assert_eq!(
        (s.balance(a), s.balance(vault), s.total_supply()),
        (u(50), u(20), u(70))
    );
}

/// `addToBlacklist` / `removeFromBlacklist` log `WalletBlacklisted` /
/// `WalletUnblacklisted` with the wallet and the caller; listing a listed
/// wallet or lifting an unlisted one logs and writes nothing; with two
/// wallets listed, lifting one leaves the other refused with code 100 (the
/// count of listed wallets, which lets the checks skip the blacklist while
/// it is empty, never drifts).
#[test]
fn blacklist_events_and_count_stay_exact() {
    let (mut s, a, b) = holders();
    let c = s.new_investor("il-c", "IL", &[]);
    let (ta, master) = (s.transfer_agent, s.master);

    let r = blacklist(&mut s, b, true).expect_ok("list b");
    assert_eq!(
        r.events::<CEvents::WalletBlacklisted>(),
        vec![CEvents::WalletBlacklisted {
            wallet: b,
            sender: ta
        }]
    );
    assert_eq!(r.logs.len(), 1);

    // listing it again: no event, no write, still listed
    let before = s.net.storage_snapshot();
    let r = blacklist(&mut s, b, true);
    ok_unchanged(&s, &r, &before, "listing a listed wallet");
    assert!(is_blacklisted(&mut s, b));

    // lifting a wallet never listed: no event, no write, b still refused
    let r = blacklist(&mut s, c, false);
    ok_unchanged(&s, &r, &before, "lifting an unlisted wallet");
    assert!(!is_blacklisted(&mut s, c));
    s.expect_refused(a, b, 10, code::WALLET_BLACKLISTED);

    // two listed, one lifted: the other stays refused
    blacklist(&mut s, c, true).expect_ok("list c");
    let r = blacklist(&mut s, b, false).expect_ok("lift b");
    assert_eq!(
        r.events::<CEvents::WalletUnblacklisted>(),
        vec![CEvents::WalletUnblacklisted {
            wallet: b,
            sender: ta
        }]
    );
    assert_eq!(r.logs.len(), 1);
    assert_eq!(
        (is_blacklisted(&mut s, b), is_blacklisted(&mut s, c)),
        (false, true)
    );
    s.expect_refused(a, c, 10, code::WALLET_BLACKLISTED);
    s.expect_transfer(a, b, 10);

    // the event names whoever lifted it (here the master)
    let compliance = s.compliance;
    let r = s.must(
        master,
        compliance,
        &ICompliance::removeFromBlacklistCall { wallet: c },
    );
    assert_eq!(
        r.events::<CEvents::WalletUnblacklisted>(),
        vec![CEvents::WalletUnblacklisted {
            wallet: c,
            sender: master
        }]
    );
    assert!(!is_blacklisted(&mut s, c));
    s.expect_transfer(a, c, 10);
}

/// The `setCountriesCompliance` call for `countries` and `values`.
fn countries_call(countries: &[&str], values: &[u64]) -> ICompliance::setCountriesComplianceCall {
    ICompliance::setCountriesComplianceCall {
        countries: countries.iter().map(|c| (*c).to_string()).collect(),
        values: values.iter().map(|v| u(*v)).collect(),
    }
}

/// Compliance's status of `country`, by `getCountryCompliance` and by the
/// DS getter `countriesCompliances` (which must agree).
fn country_status(s: &mut Suite, country: &str) -> U256 {
    let compliance = s.compliance;
    let status = s.view(
        compliance,
        &ICompliance::getCountryComplianceCall {
            country: country.into(),
        },
    );
    let ds = s.view(
        compliance,
        &ICompliance::countriesCompliancesCall {
            country: country.into(),
        },
    );
    assert_eq!(status, ds, "the two getters of {country}");
    status
}

/// `setCountriesCompliance` sets every status of the batch (one
/// `DSComplianceStringToUIntMapRuleSet` each, with the previous status),
/// up to 30 countries; a length mismatch, more than 30, an invalid country
/// anywhere ("USA", "1A") or status refuse the whole batch with the exact
/// error and write nothing.
#[test]
fn set_countries_compliance_is_all_or_nothing() {
    let mut s = Suite::without_token();
    let (ta, compliance) = (s.transfer_agent, s.compliance);
    let r = s.must(
        ta,
        compliance,
        &countries_call(
            &["IL", "fr", "KP"],
            &[
                region::JP.into(),
                region::EU.into(),
                region::FORBIDDEN.into(),
            ],
        ),
    );
    let event = |key: &str, prev: u8, new: u8| CEvents::DSComplianceStringToUIntMapRuleSet {
        ruleName: "countryCompliance".into(),
        keyValue: key.into(),
        prevValue: U256::from(prev),
        newValue: U256::from(new),
    };
    assert_eq!(
        r.events::<CEvents::DSComplianceStringToUIntMapRuleSet>(),
        vec![
            event("IL", region::NONE, region::JP),
            event("fr", region::NONE, region::EU),
            event("KP", region::NONE, region::FORBIDDEN),
        ]
    );
    for (country, status) in [
        ("IL", region::JP),
        ("FR", region::EU),
        ("kp", region::FORBIDDEN),
        ("DE", region::NONE),
    ] {
        assert_eq!(
            country_status(&mut s, country),
            U256::from(status),
            "{country}"
        );
    }
    // a second batch reports the previous statuses
    let r = s.must(
        ta,
        compliance,
        &countries_call(&["FR", "US"], &[region::NONE.into(), region::US.into()]),
    );
    assert_eq!(
        r.events::<CEvents::DSComplianceStringToUIntMapRuleSet>(),
        vec![
            event("FR", region::EU, region::NONE),
            event("US", region::NONE, region::US),
        ]
    );
    assert_eq!(country_status(&mut s, "FR"), U256::ZERO);
    assert_eq!(country_status(&mut s, "US"), U256::from(region::US));

    let eu = u64::from(region::EU);
    let before = s.net.storage_snapshot();
    let r = s.send(ta, compliance, &countries_call(&["DE", "IT"], &[eu]));
    refused_unchanged(
        &s,
        &r,
        C::LengthMismatch {
            left: u(2),
            right: u(1),
        },
        &before,
    );
    let r = s.send(ta, compliance, &countries_call(&["DE"], &[eu, eu]));
    refused_unchanged(
        &s,
        &r,
        C::LengthMismatch {
            left: u(1),
            right: u(2),
        },
        &before,
    );
    for bad in ["USA", "1A", "D", ""] {
        let r = s.send(ta, compliance, &countries_call(&["DE", bad], &[eu, eu]));
        refused_unchanged(
            &s,
            &r,
            C::InvalidCountry {
                country: bad.into(),
            },
            &before,
        );
    }
    let r = s.send(ta, compliance, &countries_call(&["DE", "IT"], &[eu, 3]));
    refused_unchanged(&s, &r, C::InvalidCountryStatus { value: u(3) }, &before);
    assert_eq!(country_status(&mut s, "DE"), U256::ZERO, "DE not written");

    // at most 30 countries a call
    let names: Vec<String> = (0..31u8)
        .map(|i| {
            let (hi, lo) = (b'A' + i / 26, b'A' + i % 26);
            String::from_utf8(vec![hi, lo]).expect("ASCII")
        })
        .collect();
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let r = s.send(ta, compliance, &countries_call(&names, &[eu; 31]));
    refused_unchanged(
        &s,
        &r,
        C::BatchTooLarge {
            length: u(31),
            max: u(30),
        },
        &before,
    );
    let r = s.must(ta, compliance, &countries_call(&names[..30], &[eu; 30]));
    assert_eq!(
        r.events::<CEvents::DSComplianceStringToUIntMapRuleSet>()
            .len(),
        30
    );
    assert_eq!(country_status(&mut s, names[29]), U256::from(region::EU));
    assert_eq!(country_status(&mut s, names[30]), U256::ZERO);
}

/// `setAll` refuses a number outside its rule's range (a percentage over
/// 100, a count over 2^24 - 1, a time over u64, an amount over u128) with
/// `RuleValueOutOfRange(index, value)`, before writing any rule of the
/// batch; each range's maximum is accepted.
#[test]
fn set_all_refuses_out_of_range_values_before_any_write() {
    let mut s = Suite::without_token();
    let (ta, compliance) = (s.transfer_agent, s.compliance);
    let current = Rules::default()
        .uint(uint_rule::TOTAL_INVESTORS_LIMIT, 50)
        .uint(uint_rule::MAX_US_INVESTORS_PERCENTAGE, 40)
        .flag(bool_rule::FORCE_ACCREDITED_US);
    s.set_rules(&current);
    // a batch that would change every rule, with one value out of range
    let changed = Rules {
        uints: std::array::from_fn(|i| U256::from(i + 1)),
        bools: [true; 5],
    };
    let over = |max: U256| max + U256::from(1);
    let count_max = U256::from((1u64 << 24) - 1);
    let cases = [
        (uint_rule::MAX_US_INVESTORS_PERCENTAGE, U256::from(100)),
        (uint_rule::TOTAL_INVESTORS_LIMIT, count_max),
        (uint_rule::EU_RETAIL_INVESTORS_LIMIT, count_max),
        (uint_rule::NON_US_LOCK_PERIOD, U256::from(u64::MAX)),
        (uint_rule::AUTHORIZED_SECURITIES, U256::from(u128::MAX)),
    ];
    let set_all = |rules: &Rules| ICompliance::setAllCall {
        uint_values: rules.uints.to_vec(),
        bool_values: rules.bools.to_vec(),
    };
    let before = s.net.storage_snapshot();
    for (index, max) in cases {
        let mut rules = changed.clone();
        rules.uints[index] = over(max);
        let r = s.send(ta, compliance, &set_all(&rules));
        refused_unchanged(
            &s,
            &r,
            C::RuleValueOutOfRange {
                index: U256::from(index),
                value: over(max),
            },
            &before,
        );
    }
    let all = s.view(compliance, &ICompliance::getAllCall {});
    assert_eq!(
        (all._0, all._1),
        (current.uints.to_vec(), current.bools.to_vec())
    );

    // every range's maximum is accepted
    let mut rules = changed;
    for (index, max) in cases {
        rules.uints[index] = max;
    }
    s.must(ta, compliance, &set_all(&rules));
    let all = s.view(compliance, &ICompliance::getAllCall {});
    assert_eq!(
        (all._0, all._1),
        (rules.uints.to_vec(), rules.bools.to_vec())
    );
}

/// The issuer issues `value` to `to` with issuance time `time` and no lock
/// (`issueTokensCustom`).
fn issue_at(s: &mut Suite, to: Address, value: u64, time: u64) -> Receipt {
    let call = IDSToken::issueTokensCustomCall {
        to,
        value: u(value),
        issuance_time: u(time),
        value_locked: U256::ZERO,
        reason: String::new(),
        release_time: 0,
    };
    let (issuer, token) = (s.issuer, s.token());
    s.send(issuer, token, &call)
}

/// Back-dated issuance: while back-dating is allowed, the lock-up of an
/// issuance runs from its given (past) time; with `disallowBackDating`
/// (bool rule 4) on, from the block time; an issuance time in the future is
/// refused either way with `InvalidIssuanceTime(time, now)`.
#[test]
fn back_dated_issuance_and_disallow_back_dating() {
    const PERIOD: u64 = 1_000;
    let (mut s, _, b) = holders();
    s.set_uint_rule(uint_rule::NON_US_LOCK_PERIOD, PERIOD);
    let compliance = s.compliance;
    assert!(!s.view(compliance, &ICompliance::getDisallowBackDatingCall {}));
    let c = s.new_investor("il-c", "IL", &[]);
    let d = s.new_investor("il-d", "IL", &[]);
    let e = s.new_investor("il-e", "IL", &[]);

    // allowed: a lock-up that ended at the back-dated time + PERIOD
    let now = s.now();
    issue_at(&mut s, c, 100, now - PERIOD).expect_ok("back-dated by the period");
    s.expect_transfer(c, b, 100);
    issue_at(&mut s, d, 100, now - PERIOD + 1).expect_ok("back-dated by less");
    s.expect_refused(d, b, 100, code::HOLD_UP_NON_US);
    let future = issue_at(&mut s, d, 1, now + 1);
    assert_eq!(
        future.revert_error::<C::InvalidIssuanceTime>(),
        Some(C::InvalidIssuanceTime {
            issuanceTime: u(now + 1),
            now: u(now)
        }),
        "{}",
        future.outcome()
    );
    s.advance(1);
    s.expect_transfer(d, b, 100);

    // disallowed: the record takes the block time
    s.set_bool_rule(bool_rule::DISALLOW_BACK_DATING, true);
    assert!(s.view(compliance, &ICompliance::getDisallowBackDatingCall {}));
    let now = s.now();
    issue_at(&mut s, e, 100, now - 10 * PERIOD).expect_ok("back-dated, disallowed");
    assert_eq!(s.balance(e), u(100));
    s.expect_refused(e, b, 100, code::HOLD_UP_NON_US);
    s.advance(PERIOD - 1);
    s.expect_refused(e, b, 100, code::HOLD_UP_NON_US);
    let now = s.now();
    let future = issue_at(&mut s, e, 1, now + 1);
    assert_eq!(
        future.revert_error::<C::InvalidIssuanceTime>(),
        Some(C::InvalidIssuanceTime {
            issuanceTime: u(now + 1),
            now: u(now)
        }),
        "{}",
        future.outcome()
    );
    s.advance(1);
    s.expect_transfer(e, b, 100);
}

/// `bulkBurn` takes at most 30 entries (`BatchTooLarge(length, 30)`, the
/// bound checked before the lengths) and as many values as wallets
/// (`LengthMismatch(wallets, values)`); a refused batch burns nothing.
/// Exactly 30 pass, each with its `Transfer` to the zero address.
#[test]
fn bulk_burn_bounds() {
    let (mut s, a, b) = holders();
    s.issue(b, 100).expect_ok("issue to il-b");
    let (ta, token) = (s.transfer_agent, s.token());
    let bulk = |who: Vec<Address>, values: Vec<U256>| IDSToken::bulkBurnCall {
        who,
        values,
        reason: "buy-back".into(),
    };
    let before = s.net.storage_snapshot();
    for (wallets, values, expected) in [(31, 31, 31), (31, 30, 31)] {
        let r = s.send(ta, token, &bulk(vec![a; wallets], vec![u(1); values]));
        refused_unchanged(
            &s,
            &r,
            T::BatchTooLarge {
                length: u(expected),
                max: u(30),
            },
            &before,
        );
    }
    for (who, values) in [(vec![a, b], vec![u(1)]), (vec![a], vec![u(1), u(1)])] {
        let expected = T::LengthMismatch {
            left: u(who.len() as u64),
            right: u(values.len() as u64),
        };
        let r = s.send(ta, token, &bulk(who, values));
        refused_unchanged(&s, &r, expected, &before);
    }
    assert_eq!(
        (s.balance(a), s.balance(b), s.total_supply()),
        (u(100), u(100), u(200))
    );

    let r = s.must(ta, token, &bulk(vec![a; 30], vec![u(1); 30]));
    let burnt = abi::Transfer {
        from: a,
        to: Address::ZERO,
        value: u(1),
    };
    assert_eq!(r.events::<abi::Transfer>(), vec![burnt; 30]);
    assert_eq!(r.events::<abi::Burn>().len(), 30);
    assert_eq!(
        (s.balance(a), s.balance(b), s.total_supply()),
        (u(70), u(100), u(170))
    );
}

/// `pause` on a paused token and `unpause` on a running one succeed
/// without an event or a write; the state stays as it was.
#[test]
fn repeated_pause_and_unpause_log_once() {
    let (mut s, a, b) = holders();
    let token = s.token();
    let before = s.net.storage_snapshot();
    let r = s.unpause();
    ok_unchanged(&s, &r, &before, "unpausing a running token");

    let r = s.pause();
    assert_eq!(r.events::<abi::Pause>(), vec![abi::Pause {}]);
    assert_eq!(r.logs.len(), 1);
    let before = s.net.storage_snapshot();
    let r = s.pause();
    ok_unchanged(&s, &r, &before, "pausing a paused token");
    assert!(s.view(token, &IDSToken::isPausedCall {}));
    s.expect_refused(a, b, 10, code::TOKEN_PAUSED);

    let r = s.unpause();
    assert_eq!(r.events::<abi::Unpause>(), vec![abi::Unpause {}]);
    assert_eq!(r.logs.len(), 1);
    let before = s.net.storage_snapshot();
    let r = s.unpause();
    ok_unchanged(&s, &r, &before, "unpausing again");
    assert!(!s.view(token, &IDSToken::isPausedCall {}));
    s.expect_transfer(a, b, 10);
}

/// A `transferFrom` refused because of frozen tokens (or a refusal of the
/// rules, here a pause) spends none of the allowance; an accepted one
/// spends exactly its value.
#[test]
fn refused_transfer_from_spends_no_allowance() {
    let (mut s, a, b) = holders();
    let (ta, token) = (s.transfer_agent, s.token());
    let spender = s.wallet("spender");
    s.must(
        a,
        token,
        &IDSToken::approveCall {
            spender,
            value: u(80),
        },
    );
    s.must(
        ta,
        token,
        &IDSToken::setFrozenTokensCall {
            account: a,
            amount: u(60),
        },
    );
    let allowance = |s: &mut Suite| s.view(token, &IDSToken::allowanceCall { owner: a, spender });
    let from = |value| IDSToken::transferFromCall {
        from: a,
        to: b,
        value: u(value),
    };

    let before = s.net.storage_snapshot();
    let r = s.send(spender, token, &from(50));
    refused_unchanged(
        &s,
        &r,
        T::ERC7943InsufficientUnfrozenBalance {
            account: a,
            amount: u(50),
            unfrozen: u(40),
        },
        &before,
    );
    assert_eq!(allowance(&mut s), u(80));

    s.pause();
    let before = s.net.storage_snapshot();
    let r = s.send(spender, token, &from(10));
    refused_unchanged(
        &s,
        &r,
        T::TransferRejected {
            code: U256::from(code::TOKEN_PAUSED),
            reason: code::reason(code::TOKEN_PAUSED).into(),
        },
        &before,
    );
    assert_eq!(allowance(&mut s), u(80));
    s.unpause();

    let r = s.must(spender, token, &from(40));
    assert_eq!(
        r.events::<abi::Transfer>(),
        vec![abi::Transfer {
            from: a,
            to: b,
            value: u(40)
        }]
    );
    assert_eq!(allowance(&mut s), u(40));
    assert_eq!((s.balance(a), s.balance(b)), (u(60), u(40)));
}

/// `lockInfo(wallet, i)` answers, from any wallet of the investor, what
/// `lockInfoForInvestor(id, i)` answers: (reason code, reason, value,
/// release time); past the last lock both refuse with
/// `LockNotFound(investorKey, index)`, and an unregistered wallet with
/// `NotAnInvestor(wallet)`.
#[test]
fn lock_info_by_wallet_matches_lock_info_for_investor() {
    let mut s = Suite::new();
    s.set_countries(&COUNTRIES);
    let (w1, w2) = (s.wallet("il-a 1"), s.wallet("il-a 2"));
    s.investor("il-a", "IL", &[w1, w2], &[]);
    s.issue(w1, 100).expect_ok("issue");
    let (ta, compliance) = (s.transfer_agent, s.compliance);
    let release = s.now() + 1_000;
    s.must(
        ta,
        compliance,
        &ICompliance::createLockForInvestorCall {
            investor_id: "il-a".into(),
            value: u(30),
            reason_code: u(7),
            reason_string: "vesting".into(),
            release_time: u(release),
        },
    );
    s.must(
        ta,
        compliance,
        &ICompliance::addManualLockRecordCall {
            to: w2,
            value: u(20),
            reason: "escrow".into(),
            release_time: U256::ZERO,
        },
    );
    let by_wallet = |s: &mut Suite, who: Address, i: u64| {
        s.net
            .call_sol(
                s.exchange,
                compliance,
                &ICompliance::lockInfoCall {
                    who,
                    lock_index: u(i),
                },
            )
            .map(|r| (r._0, r._1, r._2, r._3))
    };
    let by_id = |s: &mut Suite, i: u64| {
        s.net
            .call_sol(
                s.exchange,
                compliance,
                &ICompliance::lockInfoForInvestorCall {
                    investor_id: "il-a".into(),
                    lock_index: u(i),
                },
            )
            .map(|r| (r._0, r._1, r._2, r._3))
    };
    for (i, expected) in [
        (0, (u(7), "vesting".to_string(), u(30), u(release))),
        (1, (U256::ZERO, "escrow".to_string(), u(20), U256::ZERO)),
    ] {
        let investor = by_id(&mut s, i).unwrap_or_else(|r| panic!("{}", r.outcome()));
        assert_eq!(investor, expected, "lockInfoForInvestor {i}");
        for w in [w1, w2] {
            let wallet = by_wallet(&mut s, w, i).unwrap_or_else(|r| panic!("{}", r.outcome()));
            assert_eq!(wallet, expected, "lockInfo({w}, {i})");
        }
    }
    let missing = C::LockNotFound {
        investorKey: investor_key("il-a"),
        index: u(2),
    };
    let r = by_id(&mut s, 2).expect_err("no lock 2");
    assert_eq!(r.revert_error::<C::LockNotFound>(), Some(missing.clone()));
    let r = by_wallet(&mut s, w2, 2).expect_err("no lock 2");
    assert_eq!(r.revert_error::<C::LockNotFound>(), Some(missing));
    let stranger = s.wallet("stranger");
    let r = by_wallet(&mut s, stranger, 0).expect_err("not an investor");
    assert_eq!(
        r.revert_error::<C::NotAnInvestor>(),
        Some(C::NotAnInvestor { wallet: stranger })
    );
    // the same investor through either wallet
    let count = |s: &mut Suite, who| s.view(compliance, &ICompliance::lockCountCall { who });
    assert_eq!((count(&mut s, w1), count(&mut s, w2)), (u(2), u(2)));
}
