//! Native tests of the Compliance contract and its facets on one test host
//! (the facets are built over the same storage, as delegatecall runs them).

use super::*;
use alloy_primitives::{address, Address, B256, U256};
use alloy_sol_types::{sol, SolCall, SolEvent, SolValue};
use ds_common::{
    codes,
    errors::{OnlyRegistry, OnlyToken, SeizeTargetNotIssuerWallet, UnauthorizedCaller},
    ids::{attribute, region, role, service, wallet_type},
    party::{country_code, investor_key, PartyInfo},
};
use ds_compliance_admin::ComplianceAdmin;
use ds_compliance_config::ComplianceConfig;
use ds_compliance_hooks::ComplianceHooks;
use ds_compliance_state::events::DSComplianceUIntRuleSet;
use ds_compliance_views::ComplianceViews;
use ds_rules::config::uint_rule;
use ds_testing::MockHost;

sol! {
    function getRole(address target) external view returns (uint8);
    function getTransferParties(address from, address to) external view returns (bytes32, uint256, bytes32, uint256);
    function getParty(address wallet) external view returns (bytes32, uint256);
    function getInvestor(address wallet) external view returns (string);
}

const TRUST: Address = address!("0000000000000000000000000000000000000001");
const TOKEN: Address = address!("0000000000000000000000000000000000000002");
const REGISTRY: Address = address!("0000000000000000000000000000000000000004");
const MASTER: Address = address!("00000000000000000000000000000000000000a1");
const AGENT: Address = address!("00000000000000000000000000000000000000d8");
const EXCHANGE: Address = address!("00000000000000000000000000000000000000c4");
const NOBODY: Address = address!("00000000000000000000000000000000000000e0");
const ALICE: Address = address!("000000000000000000000000000000000000a11c");
const ALICE2: Address = address!("000000000000000000000000000000000000a11d");
const BOB: Address = address!("0000000000000000000000000000000000000b0b");

struct Investor {
    wallet: Address,
    id: &'static str,
    country: &'static str,
    approved: u8,
}

const US_ALICE: Investor = Investor {
    wallet: ALICE,
    id: "alice",
    country: "US",
    approved: attribute::ACCREDITED,
};
const US_ALICE_2ND: Investor = Investor {
    wallet: ALICE2,
    id: "alice",
    country: "US",
    approved: attribute::ACCREDITED,
};
const DE_BOB: Investor = Investor {
    wallet: BOB,
    id: "bob",
    country: "DE",
    approved: 0,
};

fn info(i: &Investor) -> (B256, U256) {
    let info = PartyInfo {
        wallet_type: wallet_type::NONE,
        is_investor: true,
        country: country_code(i.country).unwrap(),
        approved: i.approved,
        effective: i.approved,
    };
    (investor_key(i.id), info.pack())
}

fn mock_role(host: &MockHost, who: Address, r: u8) {
    host.mock_static(
        TRUST,
        getRoleCall { target: who }.abi_encode(),
        Ok(U256::from(r).abi_encode()),
    );
}

fn mock_parties(host: &MockHost, from: &Investor, to: &Investor) {
    let (fk, fi) = info(from);
    let (tk, ti) = info(to);
    host.mock_static(
        REGISTRY,
        getTransferPartiesCall {
            from: from.wallet,
            to: to.wallet,
        }
        .abi_encode(),
        Ok((fk, fi, tk, ti).abi_encode_params()),
    );
}

fn mock_party(host: &MockHost, i: &Investor) {
    let (k, inf) = info(i);
    host.mock_static(
        REGISTRY,
        getPartyCall { wallet: i.wallet }.abi_encode(),
        Ok((k, inf).abi_encode_params()),
    );
}

/// A compliance with its services wired, US and DE regions set, flowback open.
fn deployed() -> (MockHost, ComplianceService) {
    let host = MockHost::new();
    host.vm.set_block_timestamp(1_000_000);
    let mut c = ComplianceService::from(&host);
    host.vm.set_sender(ds_common::deployer::STYLUS_DEPLOYER);
    c.constructor(TRUST).unwrap();
    host.vm.set_sender(MASTER);
    mock_role(&host, MASTER, role::MASTER);
    c.set_ds_service(U256::from(service::DS_TOKEN), TOKEN)
        .unwrap();
    c.set_ds_service(U256::from(service::REGISTRY), REGISTRY)
        .unwrap();
    c.state
        .write_region("US", country_code("US").unwrap(), region::US);
    c.state
        .write_region("DE", country_code("DE").unwrap(), region::EU);
    c.state
        .write_uint_rule(uint_rule::BLOCK_FLOWBACK_END_TIME, U256::from(1));
    host.reset_records();
    host.vm.set_sender(TOKEN);
    (host, c)
}

fn storage(host: &MockHost) -> Vec<(U256, B256)> {
    let mut slots: Vec<_> = host.vm.snapshot().storage.into_iter().collect();
    slots.sort();
    slots
}

/// The facet that records issuances (the hooks facet), over `host`'s storage.
fn issuer_facet(host: &MockHost) -> ComplianceHooks {
    ComplianceHooks::from(host)
}

fn issue(host: &MockHost, to: &Investor, value: u64) -> U256 {
    mock_party(host, to);
    issuer_facet(host)
        .validate_issuance(
            to.wallet,
            U256::from(value),
            U256::ZERO,
            U256::ZERO,
            vec![],
            vec![],
            String::new(),
        )
        .unwrap()
}

fn balance(c: &ComplianceService, id: &str) -> U256 {
    c.state.investor_word(investor_key(id)).state.balance
}

#[test]
fn only_the_token_records() {
    let (host, mut c) = deployed();
    host.vm.set_sender(NOBODY);
    let before = storage(&host);
    let err = c
        .validate_transfer(ALICE, ALICE, BOB, U256::from(1), U256::from(1), false)
        .unwrap_err();
    assert_eq!(err, DSError::OnlyToken(OnlyToken { caller: NOBODY }));
    let err = issuer_facet(&host)
        .validate_issuance(
            ALICE,
            U256::from(1),
            U256::ZERO,
            U256::ZERO,
            vec![],
            vec![],
            String::new(),
        )
        .unwrap_err();
    assert_eq!(err, DSError::OnlyToken(OnlyToken { caller: NOBODY }));
    assert_eq!(storage(&host), before);
}

#[test]
fn issuance_counts_the_new_investor_in_its_categories() {
    let (host, c) = deployed();
    assert_eq!(issue(&host, &US_ALICE, 100), U256::ZERO);
    let counts = c.state.load_counts();
    assert_eq!(
        (
            counts.total,
            counts.us,
            counts.accredited,
            counts.us_accredited
        ),
        (1, 1, 1, 1)
    );
    assert_eq!(balance(&c, "alice"), U256::from(100));
    assert_eq!(c.state.investor_word(investor_key("alice")).issuances, 1);
    // A second issuance to the same investor counts nothing new.
    issue(&host, &US_ALICE, 50);
    assert_eq!(c.state.load_counts().total, 1);
    assert_eq!(balance(&c, "alice"), U256::from(150));
}

#[test]
fn refused_transfer_returns_its_code_and_writes_nothing() {
    let (host, mut c) = deployed();
    issue(&host, &DE_BOB, 100);
    c.state
        .write_uint_rule(uint_rule::BLOCK_FLOWBACK_END_TIME, U256::ZERO); // flowback blocked forever
    mock_parties(&host, &DE_BOB, &US_ALICE);
    let before = storage(&host);
    let code = c
        .validate_transfer(BOB, BOB, ALICE, U256::from(10), U256::from(100), false)
        .unwrap();
    assert_eq!(code, U256::from(codes::FLOWBACK));
    assert_eq!(storage(&host), before);
}

#[test]
fn full_transfer_moves_the_investor_count() {
    let (host, mut c) = deployed();
    issue(&host, &DE_BOB, 100);
    mock_parties(&host, &DE_BOB, &US_ALICE);
    let code = c
        .validate_transfer(BOB, BOB, ALICE, U256::from(100), U256::from(100), false)
        .unwrap();
    assert_eq!(code, U256::ZERO);
    let counts = c.state.load_counts();
    assert_eq!((counts.total, counts.us), (1, 1), "bob left, alice joined");
    let de_retail = c.state.eu_retail.get(country_code("DE").unwrap());
    assert_eq!(ds_compliance_state::layout::decode_eu_retail(de_retail), 0);
    assert_ne!(de_retail, U256::ZERO, "allocated when DE became EU");
    assert_eq!(balance(&c, "bob"), U256::ZERO);
    assert_eq!(balance(&c, "alice"), U256::from(100));
}

#[test]
fn transfers_between_own_wallets_change_nothing() {
    // Audit M-9: a full transfer to one's own other wallet keeps the counters.
    let (host, mut c) = deployed();
    issue(&host, &US_ALICE, 100);
    mock_parties(&host, &US_ALICE, &US_ALICE_2ND);
    let before = storage(&host);
    let code = c
        .validate_transfer(
            ALICE,
            ALICE,
            ALICE2,
            U256::from(100),
            U256::from(100),
            false,
        )
        .unwrap();
    assert_eq!(code, U256::ZERO);
    assert_eq!(storage(&host), before);
    assert_eq!(c.state.load_counts().total, 1);
}

#[test]
fn issuance_cap_is_a_typed_error() {
    let (host, mut c) = deployed();
    c.state
        .write_uint_rule(uint_rule::AUTHORIZED_SECURITIES, U256::from(1_000));
    mock_party(&host, &US_ALICE);
    let before = storage(&host);
    let err = issuer_facet(&host)
        .validate_issuance(
            ALICE,
            U256::from(1),
            U256::ZERO,
            U256::from(1_000),
            vec![],
            vec![],
            String::new(),
        )
        .unwrap_err();
    assert!(matches!(err, DSError::AuthorizedSecuritiesExceeded(_)));
    assert_eq!(storage(&host), before);
    assert_eq!(
        issue_at_cap(&host),
        U256::ZERO,
        "exactly the cap is allowed"
    );
}

fn issue_at_cap(host: &MockHost) -> U256 {
    mock_party(host, &US_ALICE);
    issuer_facet(host)
        .validate_issuance(
            ALICE,
            U256::from(1),
            U256::ZERO,
            U256::from(999),
            vec![],
            vec![],
            String::new(),
        )
        .unwrap()
}

#[test]
fn locks_given_at_issuance_bind_the_next_transfer() {
    let (host, mut c) = deployed();
    mock_party(&host, &DE_BOB);
    let release = 1_000_000 + 100;
    let code = issuer_facet(&host)
        .validate_issuance(
            BOB,
            U256::from(100),
            U256::ZERO,
            U256::ZERO,
            vec![U256::from(60)],
            vec![release],
            "vesting".into(),
        )
        .unwrap();
    assert_eq!(code, U256::ZERO);
    mock_parties(&host, &DE_BOB, &US_ALICE);
    let code = c
        .validate_transfer(BOB, BOB, ALICE, U256::from(41), U256::from(100), false)
        .unwrap();
    assert_eq!(code, U256::from(codes::TOKENS_LOCKED));
    let code = c
        .validate_transfer(BOB, BOB, ALICE, U256::from(40), U256::from(100), false)
        .unwrap();
    assert_eq!(code, U256::ZERO);
    host.vm.set_block_timestamp(release);
    let code = c
        .validate_transfer(BOB, BOB, ALICE, U256::from(60), U256::from(60), false)
        .unwrap();
    assert_eq!(code, U256::ZERO, "released at its release time");
}

#[test]
fn configuration_facet_writes_what_the_contract_reads() {
    let (host, c) = deployed();
    let mut rules = ComplianceConfig::from(&host);
    host.vm.set_sender(AGENT);
    mock_role(&host, AGENT, role::TRANSFER_AGENT);
    rules
        .set_uint_rule(U256::from(uint_rule::JP_INVESTORS_LIMIT), U256::from(7))
        .unwrap();
    rules
        .set_country_compliance("JP".into(), U256::from(region::JP))
        .unwrap();
    let views = ComplianceViews::from(&host);
    assert_eq!(
        rules.get_all().0[uint_rule::JP_INVESTORS_LIMIT],
        U256::from(7)
    );
    assert_eq!(
        views.get_country_compliance("jp".into()),
        U256::from(region::JP)
    );
    assert_eq!(c.state.config(false).num(uint_rule::JP_INVESTORS_LIMIT), 7);
}

#[test]
fn token_and_registry_addresses_share_rule_slots_without_disturbing_them() {
    let (host, mut c) = deployed();
    let mut rules = ComplianceConfig::from(&host);
    host.vm.set_sender(AGENT);
    mock_role(&host, AGENT, role::TRANSFER_AGENT);
    // Every count limit at its largest, every flag on.
    let limit = U256::from(ds_rules::config::MAX_COUNT_LIMIT);
    for i in 0..ds_rules::config::UINT_RULES {
        if ds_rules::config::range(i) == Some(ds_rules::config::Range::Count) {
            rules.set_uint_rule(U256::from(i), limit).unwrap();
        }
    }
    assert!(matches!(
        rules.set_uint_rule(
            U256::from(uint_rule::TOTAL_INVESTORS_LIMIT),
            limit + U256::from(1)
        ),
        Err(DSError::RuleValueOutOfRange(_))
    ));
    for i in 0..ds_rules::config::BOOL_RULES {
        rules.set_bool_rule(U256::from(i), true).unwrap();
    }
    let config = c.state.config(true);
    assert_eq!(c.state.registry(), Ok(REGISTRY));
    // The token may record; re-pointing the token service moves that right.
    host.vm.set_sender(TOKEN);
    assert!(c.state.only_token().is_ok());
    let new_token = address!("00000000000000000000000000000000000000f2");
    host.vm.set_sender(MASTER);
    c.set_ds_service(U256::from(service::DS_TOKEN), new_token)
        .unwrap();
    assert_eq!(c.get_ds_service(U256::from(service::DS_TOKEN)), new_token);
    host.vm.set_sender(TOKEN);
    assert_eq!(
        c.state.only_token(),
        Err(DSError::OnlyToken(OnlyToken { caller: TOKEN }))
    );
    host.vm.set_sender(new_token);
    assert!(c.state.only_token().is_ok());
    assert_eq!(
        c.state.config(true),
        config,
        "rules untouched by the address"
    );
    assert_eq!(c.state.registry(), Ok(REGISTRY));
    // Other services do not touch the rule slots.
    host.vm.set_sender(MASTER);
    let before = c.state.rule_slots_all();
    c.set_ds_service(U256::from(service::COMMS), NOBODY)
        .unwrap();
    assert_eq!(c.state.rule_slots_all(), before);
}

#[test]
fn registry_hook_allocates_a_new_investors_word_and_nothing_else() {
    let (host, c) = deployed();
    let mut hooks = ComplianceHooks::from(&host);
    let key = investor_key("newcomer");
    let info = PartyInfo {
        is_investor: true,
        country: country_code("US").unwrap(),
        ..PartyInfo::default()
    }
    .pack();
    let before = storage(&host);
    host.vm.set_sender(NOBODY);
    assert_eq!(
        hooks.on_investor_info_changed(key, U256::ZERO, info),
        Err(DSError::OnlyRegistry(OnlyRegistry { caller: NOBODY }))
    );
    assert_eq!(storage(&host), before);
    host.vm.set_sender(REGISTRY);
    let counts = c.state.load_counts();
    assert_eq!(
        hooks.on_investor_info_changed(key, U256::ZERO, info),
        Ok(true)
    );
    assert_ne!(c.state.investors.get(key), U256::ZERO);
    assert_eq!(c.state.investor_word(key), Default::default());
    assert_eq!(c.state.load_counts(), counts, "not a holder: not counted");
    let allocated = storage(&host);
    assert_eq!(
        hooks.on_investor_info_changed(key, U256::ZERO, info),
        Ok(true)
    );
    assert_eq!(storage(&host), allocated, "a second notice writes nothing");
}

/// A DS-named numeric rule setter and getter of the configuration facet.
type UintRule = (
    fn(&mut ComplianceConfig, U256) -> Result<(), DSError>,
    fn(&ComplianceConfig) -> U256,
);

/// The configuration facet's numeric setters and getters, in the DS wire order.
const UINT_RULE_FNS: [UintRule; 16] = [
    (
        ComplianceConfig::set_total_investors_limit,
        ComplianceConfig::get_total_investors_limit,
    ),
    (
        ComplianceConfig::set_min_us_tokens,
        ComplianceConfig::get_min_us_tokens,
    ),
    (
        ComplianceConfig::set_min_eu_tokens,
        ComplianceConfig::get_min_eu_tokens,
    ),
    (
        ComplianceConfig::set_us_investors_limit,
        ComplianceConfig::get_us_investors_limit,
    ),
    (
        ComplianceConfig::set_us_accredited_investors_limit,
        ComplianceConfig::get_us_accredited_investors_limit,
    ),
    (
        ComplianceConfig::set_non_accredited_investors_limit,
        ComplianceConfig::get_non_accredited_investors_limit,
    ),
    (
        ComplianceConfig::set_max_us_investors_percentage,
        ComplianceConfig::get_max_us_investors_percentage,
    ),
    (
        ComplianceConfig::set_block_flowback_end_time,
        ComplianceConfig::get_block_flowback_end_time,
    ),
    (
        ComplianceConfig::set_non_us_lock_period,
        ComplianceConfig::get_non_us_lock_period,
    ),
    (
        ComplianceConfig::set_minimum_total_investors,
        ComplianceConfig::get_minimum_total_investors,
    ),
    (
        ComplianceConfig::set_minimum_holdings_per_investor,
        ComplianceConfig::get_minimum_holdings_per_investor,
    ),
    (
        ComplianceConfig::set_maximum_holdings_per_investor,
        ComplianceConfig::get_maximum_holdings_per_investor,
    ),
    (
        ComplianceConfig::set_eu_retail_investors_limit,
        ComplianceConfig::get_eu_retail_investors_limit,
    ),
    (
        ComplianceConfig::set_us_lock_period,
        ComplianceConfig::get_us_lock_period,
    ),
    (
        ComplianceConfig::set_jp_investors_limit,
        ComplianceConfig::get_jp_investors_limit,
    ),
    (
        ComplianceConfig::set_authorized_securities,
        ComplianceConfig::get_authorized_securities,
    ),
];

/// A DS-named boolean rule setter and getter of the configuration facet.
type BoolRule = (
    fn(&mut ComplianceConfig, bool) -> Result<(), DSError>,
    fn(&ComplianceConfig) -> bool,
);

/// The configuration facet's boolean setters and getters, in the DS wire order.
const BOOL_RULE_FNS: [BoolRule; 5] = [
    (
        ComplianceConfig::set_force_full_transfer,
        ComplianceConfig::get_force_full_transfer,
    ),
    (
        ComplianceConfig::set_force_accredited,
        ComplianceConfig::get_force_accredited,
    ),
    (
        ComplianceConfig::set_force_accredited_us,
        ComplianceConfig::get_force_accredited_us,
    ),
    (
        ComplianceConfig::set_world_wide_force_full_transfer,
        ComplianceConfig::get_world_wide_force_full_transfer,
    ),
    (
        ComplianceConfig::set_disallow_back_dating,
        ComplianceConfig::get_disallow_back_dating,
    ),
];

#[test]
fn ds_named_setters_write_their_wire_index_and_emit() {
    let (host, _c) = deployed();
    let mut rules = ComplianceConfig::from(&host);
    host.vm.set_sender(AGENT);
    mock_role(&host, AGENT, role::TRANSFER_AGENT);
    for (i, (set, get)) in UINT_RULE_FNS.iter().enumerate() {
        let value = U256::from(i as u64 + 1);
        set(&mut rules, value).unwrap();
        assert_eq!(get(&rules), value, "rule {i}");
        assert_eq!(rules.get_all().0[i], value, "rule {i} in getAll");
        let logs = host.vm.get_emitted_logs();
        let (topics, data) = logs.last().unwrap();
        let event = DSComplianceUIntRuleSet::decode_raw_log(topics.iter().copied(), data).unwrap();
        assert_eq!(
            (event.ruleName.as_str(), event.newValue),
            (ds_rules::config::UINT_RULE_NAMES[i], value)
        );
    }
    for (i, (set, get)) in BOOL_RULE_FNS.iter().enumerate() {
        set(&mut rules, true).unwrap();
        assert!(get(&rules), "flag {i}");
        let logs = host.vm.get_emitted_logs();
        let (topics, data) = logs.last().unwrap();
        let event = ds_compliance_state::events::DSComplianceBoolRuleSet::decode_raw_log(
            topics.iter().copied(),
            data,
        )
        .unwrap();
        assert_eq!(
            (event.ruleName.as_str(), event.prevValue, event.newValue),
            (ds_rules::config::BOOL_RULE_NAMES[i], false, true)
        );
        assert!(rules.get_all().1[i], "flag {i} in getAll");
        set(&mut rules, false).unwrap();
        assert!(!get(&rules));
    }
}

#[test]
fn ds_named_setters_refuse_other_roles_and_out_of_range_values() {
    let (host, _c) = deployed();
    let mut rules = ComplianceConfig::from(&host);
    mock_role(&host, EXCHANGE, role::EXCHANGE);
    mock_role(&host, AGENT, role::TRANSFER_AGENT);
    let before = storage(&host);
    host.vm.set_sender(EXCHANGE);
    for (set, _) in UINT_RULE_FNS {
        assert_eq!(
            set(&mut rules, U256::from(1)),
            Err(DSError::unauthorized(EXCHANGE, role::EXCHANGE))
        );
    }
    for (set, _) in BOOL_RULE_FNS {
        assert_eq!(
            set(&mut rules, true),
            Err(DSError::unauthorized(EXCHANGE, role::EXCHANGE))
        );
    }
    host.vm.set_sender(AGENT);
    assert!(matches!(
        rules.set_max_us_investors_percentage(U256::from(101)),
        Err(DSError::RuleValueOutOfRange(_))
    ));
    assert!(matches!(
        rules.set_total_investors_limit(U256::from(1u64 << 24)),
        Err(DSError::RuleValueOutOfRange(_))
    ));
    assert_eq!(storage(&host), before);
}

#[test]
fn configuration_and_blacklist_refuse_other_roles_and_bad_values() {
    for (who, r) in [
        (NOBODY, role::NONE),
        (MASTER, role::ISSUER),
        (MASTER, role::EXCHANGE),
    ] {
        let (host, _c) = deployed();
        let mut rules = ComplianceConfig::from(&host);
        host.vm.set_sender(who);
        mock_role(&host, who, r);
        let before = storage(&host);
        let err = rules
            .set_uint_rule(U256::from(0), U256::from(1))
            .unwrap_err();
        assert_eq!(
            err,
            DSError::UnauthorizedCaller(UnauthorizedCaller {
                caller: who,
                callerRole: r
            })
        );
        assert!(rules.add_to_blacklist(BOB).is_err());
        assert_eq!(storage(&host), before);
    }
    let (host, _c) = deployed();
    let mut rules = ComplianceConfig::from(&host);
    host.vm.set_sender(AGENT);
    mock_role(&host, AGENT, role::TRANSFER_AGENT);
    let before = storage(&host);
    let pct = U256::from(uint_rule::MAX_US_INVESTORS_PERCENTAGE);
    assert!(matches!(
        rules.set_uint_rule(pct, U256::from(101)),
        Err(DSError::RuleValueOutOfRange(_))
    ));
    assert!(matches!(
        rules.set_uint_rule(U256::from(16), U256::ZERO),
        Err(DSError::UnknownRule(_))
    ));
    assert!(matches!(
        rules.set_country_compliance("US".into(), U256::from(3)),
        Err(DSError::InvalidCountryStatus(_))
    ));
    assert!(matches!(
        rules.set_country_compliance("U5".into(), U256::from(1)),
        Err(DSError::InvalidCountry(_))
    ));
    assert_eq!(storage(&host), before);
}

#[test]
fn blacklist_refuses_with_code_100() {
    let (host, mut c) = deployed();
    issue(&host, &DE_BOB, 100);
    let mut rules = ComplianceConfig::from(&host);
    host.vm.set_sender(AGENT);
    mock_role(&host, AGENT, role::TRANSFER_AGENT);
    rules.add_to_blacklist(ALICE).unwrap();
    host.vm.set_sender(TOKEN);
    mock_parties(&host, &DE_BOB, &US_ALICE);
    let code = c
        .validate_transfer(BOB, BOB, ALICE, U256::from(10), U256::from(100), false)
        .unwrap();
    assert_eq!(code, U256::from(codes::WALLET_BLACKLISTED));
    host.vm.set_sender(AGENT);
    rules.remove_from_blacklist(ALICE).unwrap();
    host.vm.set_sender(TOKEN);
    let code = c
        .validate_transfer(BOB, BOB, ALICE, U256::from(10), U256::from(100), false)
        .unwrap();
    assert_eq!(code, U256::ZERO);
}

/// An admin facet over `host`'s storage, called by `who` holding role `r`.
fn admin_as(host: &MockHost, who: Address, r: u8) -> ComplianceAdmin {
    host.vm.set_sender(who);
    mock_role(host, who, r);
    ComplianceAdmin::from(host)
}

/// The configuration facet over `host`'s storage, called by `who` holding role `r`.
fn rules_as(host: &MockHost, who: Address, r: u8) -> ComplianceConfig {
    host.vm.set_sender(who);
    mock_role(host, who, r);
    ComplianceConfig::from(host)
}

#[test]
fn lock_manager_is_transfer_agent_or_master_only() {
    for (who, r, allowed) in [
        (MASTER, role::MASTER, true),
        (AGENT, role::TRANSFER_AGENT, true),
        (NOBODY, role::ISSUER, false),
        (NOBODY, role::EXCHANGE, false),
        (NOBODY, role::NONE, false),
    ] {
        let (host, _c) = deployed();
        let mut admin = admin_as(&host, who, r);
        let mut rules = rules_as(&host, who, r);
        let before = storage(&host);
        let results = [
            admin.create_lock_for_investor(
                "bob".into(),
                U256::from(5),
                U256::ZERO,
                "r".into(),
                U256::ZERO,
            ),
            rules.lock_investor("bob".into()),
            rules.set_investor_liquidate_only("bob".into(), true),
        ];
        for result in results {
            if allowed {
                assert_eq!(result, Ok(true));
            } else {
                assert_eq!(
                    result,
                    Err(DSError::UnauthorizedCaller(UnauthorizedCaller {
                        caller: who,
                        callerRole: r
                    }))
                );
            }
        }
        if !allowed {
            assert_eq!(storage(&host), before);
        }
    }
}

#[test]
fn invalid_locks_are_typed_errors_and_write_nothing() {
    let (host, _c) = deployed();
    let mut admin = admin_as(&host, AGENT, role::TRANSFER_AGENT);
    let before = storage(&host);
    let now = U256::from(1_000_000);
    let lock = |admin: &mut ComplianceAdmin, value: u64, reason: &str, release: U256| {
        admin.create_lock_for_investor(
            "bob".into(),
            U256::from(value),
            U256::ZERO,
            reason.into(),
            release,
        )
    };
    assert!(matches!(
        lock(&mut admin, 0, "r", U256::ZERO),
        Err(DSError::InvalidLock(_))
    ));
    assert!(
        matches!(lock(&mut admin, 5, "r", now), Err(DSError::InvalidLock(_))),
        "release not in the future"
    );
    assert!(matches!(
        lock(&mut admin, 5, &"r".repeat(65), U256::ZERO),
        Err(DSError::TextTooLong(_))
    ));
    assert!(matches!(
        admin.remove_lock_record_for_investor("bob".into(), U256::ZERO),
        Err(DSError::LockNotFound(_))
    ));
    assert_eq!(storage(&host), before);
    for _ in 0..16 {
        lock(&mut admin, 1, "r", U256::ZERO).unwrap();
    }
    let full = storage(&host);
    assert!(matches!(
        lock(&mut admin, 1, "r", U256::ZERO),
        Err(DSError::TooManyRecords(_))
    ));
    assert_eq!(storage(&host), full);
}

#[test]
fn removing_a_lock_moves_the_last_into_its_place() {
    let (host, _c) = deployed();
    let mut admin = admin_as(&host, AGENT, role::TRANSFER_AGENT);
    for (value, reason) in [(10u64, "a"), (20, "b"), (30, "c")] {
        admin
            .create_lock_for_investor(
                "bob".into(),
                U256::from(value),
                U256::from(7),
                reason.into(),
                U256::ZERO,
            )
            .unwrap();
    }
    admin
        .remove_lock_record_for_investor("bob".into(), U256::ZERO)
        .unwrap();
    assert_eq!(admin.lock_count_for_investor("bob".into()), U256::from(2));
    assert_eq!(
        admin.lock_info_for_investor("bob".into(), U256::ZERO),
        Ok((U256::from(7), "c".into(), U256::from(30), U256::ZERO))
    );
    assert!(matches!(
        admin.lock_info_for_investor("bob".into(), U256::from(2)),
        Err(DSError::LockNotFound(_))
    ));
    // Removed by investor id: DS's HolderUnlocked alone, naming the
    // investor and the removed lock (the first: 10, reason code 7, "a").
    let logs = host.vm.get_emitted_logs();
    let (topics, data) = logs.last().unwrap();
    let unlocked =
        ds_compliance_state::events::HolderUnlocked::decode_raw_log(topics.iter().copied(), data)
            .unwrap();
    assert_eq!(
        (
            unlocked.holderId.as_str(),
            unlocked.value,
            unlocked.reason,
            unlocked.reasonString.as_str()
        ),
        ("bob", U256::from(10), U256::from(7), "a")
    );
}

/// Locks set and removed through a wallet emit DS's pair of events, in
/// DS's order: `HolderLocked` then `Locked` on adding, `Unlocked` then
/// `HolderUnlocked` on removal, naming the investor and the wallet.
#[test]
fn wallet_locks_emit_the_ds_event_pairs() {
    use ds_compliance_state::events::{HolderLocked, HolderUnlocked, Locked, Unlocked};
    let (host, _c) = deployed();
    mock_party(&host, &DE_BOB);
    host.mock_static(
        REGISTRY,
        getInvestorCall { wallet: BOB }.abi_encode(),
        Ok((String::from("bob"),).abi_encode_params()),
    );
    let mut admin = admin_as(&host, AGENT, role::TRANSFER_AGENT);
    admin
        .add_manual_lock_record(BOB, U256::from(40), "vesting".into(), U256::ZERO)
        .unwrap();
    let logs = host.vm.get_emitted_logs();
    let [.., (t1, d1), (t2, d2)] = logs.as_slice() else {
        panic!("two events: {logs:?}");
    };
    let held = HolderLocked::decode_raw_log(t1.iter().copied(), d1).unwrap();
    let locked = Locked::decode_raw_log(t2.iter().copied(), d2).unwrap();
    assert_eq!(
        (held.holderId.as_str(), held.value, held.reason),
        ("bob", U256::from(40), U256::ZERO)
    );
    assert_eq!(
        (locked.who, locked.value, locked.reasonString.as_str()),
        (BOB, U256::from(40), "vesting")
    );
    admin.remove_lock_record(BOB, U256::ZERO).unwrap();
    let logs = host.vm.get_emitted_logs();
    let [.., (t1, d1), (t2, d2)] = logs.as_slice() else {
        panic!("two events: {logs:?}");
    };
    let unlocked = Unlocked::decode_raw_log(t1.iter().copied(), d1).unwrap();
    let released = HolderUnlocked::decode_raw_log(t2.iter().copied(), d2).unwrap();
    assert_eq!((unlocked.who, unlocked.value), (BOB, U256::from(40)));
    assert_eq!(
        (released.holderId.as_str(), released.releaseTime),
        ("bob", U256::ZERO)
    );
}

#[test]
fn investor_lock_and_liquidate_only_apply_and_lift() {
    let (host, mut c) = deployed();
    issue(&host, &DE_BOB, 100);
    issue(&host, &US_ALICE, 100);
    let transfer = |host: &MockHost, c: &mut ComplianceService| {
        host.vm.set_sender(TOKEN);
        mock_parties(host, &DE_BOB, &US_ALICE);
        c.validate_transfer(BOB, BOB, ALICE, U256::from(10), U256::from(100), false)
            .unwrap()
    };
    let mut rules = rules_as(&host, AGENT, role::TRANSFER_AGENT);
    rules.lock_investor("bob".into()).unwrap();
    assert_eq!(
        last_event::<ds_compliance_state::events::InvestorFullyLocked>(&host).investorId,
        "bob"
    );
    assert_eq!(
        ComplianceAdmin::from(&host)
            .get_transferable_tokens_for_investor("bob".into(), U256::from(1_000_000)),
        U256::ZERO
    );
    assert_eq!(transfer(&host, &mut c), U256::from(codes::TOKENS_LOCKED));
    let mut rules = rules_as(&host, AGENT, role::TRANSFER_AGENT);
    rules.unlock_investor("bob".into()).unwrap();
    assert_eq!(
        last_event::<ds_compliance_state::events::InvestorFullyUnlocked>(&host).investorId,
        "bob"
    );
    rules
        .set_investor_liquidate_only("alice".into(), true)
        .unwrap();
    let set = last_event::<ds_compliance_state::events::InvestorLiquidateOnlySet>(&host);
    assert_eq!((set.investorId.as_str(), set.enabled), ("alice", true));
    assert_eq!(
        transfer(&host, &mut c),
        U256::from(codes::INVESTOR_LIQUIDATE_ONLY)
    );
    // Audit M-5: liquidate-only can be lifted.
    let mut rules = rules_as(&host, AGENT, role::TRANSFER_AGENT);
    rules
        .set_investor_liquidate_only("alice".into(), false)
        .unwrap();
    assert_eq!(transfer(&host, &mut c), U256::ZERO);
}

/// The last event `host` logged, decoded as `E` (panics if it is not one).
fn last_event<E: SolEvent>(host: &MockHost) -> E {
    let logs = host.vm.get_emitted_logs();
    let (topics, data) = logs.last().expect("an event");
    E::decode_raw_log(topics.iter().copied(), data).expect("the expected event")
}

#[test]
fn blacklisting_the_zero_address_is_refused() {
    let (host, _c) = deployed();
    let mut rules = rules_as(&host, AGENT, role::TRANSFER_AGENT);
    let before = storage(&host);
    assert_eq!(
        rules.add_to_blacklist(Address::ZERO),
        Err(DSError::zero_address())
    );
    assert_eq!(storage(&host), before);
}

#[test]
fn forced_transfer_moves_the_records_and_refuses_unregistered_targets() {
    let (host, c) = deployed();
    issue(&host, &US_ALICE, 100);
    let mut hooks = ComplianceHooks::from(&host);
    mock_parties(&host, &US_ALICE, &DE_BOB);
    assert_eq!(
        hooks.validate_forced_transfer(ALICE, BOB, U256::from(100)),
        Ok(true)
    );
    assert_eq!(balance(&c, "alice"), U256::ZERO);
    assert_eq!(balance(&c, "bob"), U256::from(100));
    let counts = c.state.load_counts();
    assert_eq!((counts.total, counts.us), (1, 0), "Alice left, Bob joined");

    // Neither an investor nor an issuer wallet: refused, nothing written.
    let (bob_key, bob_info) = info(&DE_BOB);
    host.mock_static(
        REGISTRY,
        getTransferPartiesCall {
            from: BOB,
            to: NOBODY,
        }
        .abi_encode(),
        Ok((bob_key, bob_info, B256::ZERO, U256::ZERO).abi_encode_params()),
    );
    let before = storage(&host);
    let refused = Err(DSError::SeizeTargetNotIssuerWallet(
        SeizeTargetNotIssuerWallet { to: NOBODY },
    ));
    assert_eq!(
        hooks.validate_forced_transfer(BOB, NOBODY, U256::from(1)),
        refused
    );
    // A seize goes to issuer wallets only, never to an investor.
    mock_parties(&host, &DE_BOB, &US_ALICE);
    assert_eq!(
        hooks.validate_seize(BOB, ALICE, U256::from(1)),
        Err(DSError::SeizeTargetNotIssuerWallet(
            SeizeTargetNotIssuerWallet { to: ALICE }
        ))
    );
    assert_eq!(storage(&host), before);

    host.vm.set_sender(NOBODY);
    assert_eq!(
        hooks.validate_forced_transfer(BOB, ALICE, U256::from(1)),
        Err(DSError::OnlyToken(OnlyToken { caller: NOBODY }))
    );
    assert_eq!(storage(&host), before);
}
