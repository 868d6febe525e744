//! The Compliance router on the real Wasm (issue 24): every Compliance
//! function is one hop from the Compliance address, the table is the
//! master's alone and changes with an event, a selector without a route and
//! a facet called at its own address are refused with typed errors.

use alloy_sol_types::SolCall;
// The errors as the published Compliance interface declares them.
use ds_e2e::abi::exported::IComplianceService::{
    BatchTooLarge, FacetCalledDirectly, UnauthorizedCaller, UnknownFacet, UnknownSelector,
};
use ds_e2e::{
    abi::{
        exported::IComplianceServiceEvents::FacetSelectorsSet, ICompliance, IDSToken, IRegistry,
    },
    ids::service,
    u, Address, ReceiptExt, Suite, U256,
};

/// The programs a transaction entered, outermost first.
fn entered(s: &mut Suite, to: Address, calldata: Vec<u8>) -> Vec<Address> {
    let master = s.master;
    let r = s
        .net
        .send(master, to, &calldata, U256::ZERO)
        .expect_ok("routed call");
    r.programs.iter().map(|p| p.code_address).collect()
}

#[test]
fn every_compliance_facet_is_one_hop_from_the_compliance_address() {
    let mut s = Suite::new();
    let c = s.compliance;
    // A configuration-facet setter (was three hops: entry → views → admin → rules),
    // which asks Trust for the caller's role.
    let rules = ICompliance::setTotalInvestorsLimitCall { value: u(500) }.abi_encode();
    assert_eq!(entered(&mut s, c, rules), [c, s.compliance_config, s.trust]);
    // A country status, now in the rules (configuration) facet (was two
    // hops, to the admin facet).
    let country = ICompliance::setCountryComplianceCall {
        country: "FR".into(),
        value: u(0),
    }
    .abi_encode();
    assert_eq!(
        entered(&mut s, c, country),
        [c, s.compliance_config, s.trust]
    );
    // A lock-manager function of the admin facet (was two hops).
    let locks = ICompliance::lockCountForInvestorCall {
        investor_id: "nobody".into(),
    }
    .abi_encode();
    assert_eq!(entered(&mut s, c, locks), [c, s.compliance_admin]);
    // A view of the views facet.
    let views = ICompliance::getTotalInvestorsCountCall {}.abi_encode();
    assert_eq!(entered(&mut s, c, views), [c, s.compliance_views]);
}

#[test]
fn the_table_routes_each_published_function_to_its_facet() {
    let mut s = Suite::new();
    for (facet, selectors) in ds_common::bindings::compliance_routes() {
        for selector in selectors {
            let routed = s.view(
                s.compliance,
                &ICompliance::facetOfCall {
                    selector: selector.into(),
                },
            );
            assert_eq!(routed, U256::from(facet), "0x{}", hex(&selector));
        }
    }
    // The entry program's own functions are not in the table.
    let own = ICompliance::validateTransferCall::SELECTOR;
    let routed = s.view(
        s.compliance,
        &ICompliance::facetOfCall {
            selector: own.into(),
        },
    );
    assert_eq!(routed, U256::ZERO);
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn a_selector_without_a_route_reverts_with_unknown_selector() {
    let mut s = Suite::new();
    let master = s.master;
    let c = s.compliance;
    let r = s
        .net
        .send(master, c, &[0xde, 0xad, 0xbe, 0xef, 0, 1], U256::ZERO);
    assert_eq!(
        r.revert_error::<UnknownSelector>(),
        Some(UnknownSelector {
            selector: [0xde, 0xad, 0xbe, 0xef].into()
        })
    );
    // Calldata shorter than a selector: the zero selector, unknown too.
    let r = s.net.send(master, c, &[0x01], U256::ZERO);
    assert_eq!(
        r.revert_error::<UnknownSelector>(),
        Some(UnknownSelector {
            selector: [0; 4].into()
        })
    );
    assert!(r.logs.is_empty());
}

#[test]
fn each_facet_refuses_calls_at_its_own_address() {
    let mut s = Suite::new();
    let master = s.master;
    let token_admin = s.token_admin().expect("token admin facet");
    let token_control = s.token_control().expect("token control facet");
    let calls = [
        (
            s.compliance_views,
            ICompliance::getTotalInvestorsCountCall {}.abi_encode(),
        ),
        (
            s.compliance_admin,
            ICompliance::setCountryComplianceCall {
                country: "FR".into(),
                value: u(0),
            }
            .abi_encode(),
        ),
        (
            s.compliance_config,
            ICompliance::getTotalInvestorsLimitCall {}.abi_encode(),
        ),
        (
            token_admin,
            IDSToken::burnCall {
                who: Address::repeat_byte(0x44),
                value: u(1),
                reason: "x".into(),
            }
            .abi_encode(),
        ),
        (token_control, IDSToken::pauseCall {}.abi_encode()),
        (
            s.compliance_hooks,
            ds_common::bindings::programs::IComplianceHooks::validateBurnCall {
                who: Address::repeat_byte(0x44),
                value: u(1),
            }
            .abi_encode(),
        ),
        (
            s.registry_admin,
            IRegistry::registerInvestorCall {
                id: "carol".into(),
                collision_hash: String::new(),
            }
            .abi_encode(),
        ),
    ];
    for (facet, calldata) in calls {
        for r in [
            s.net.send(master, facet, &calldata, U256::ZERO),
            s.net.call(master, facet, &calldata),
        ] {
            assert_eq!(
                r.revert_error::<FacetCalledDirectly>(),
                Some(FacetCalledDirectly { facet }),
                "{facet}: {}",
                r.outcome()
            );
            assert!(r.logs.is_empty());
        }
    }
    // The same functions through the service addresses work.
    s.must(
        master,
        s.compliance,
        &ICompliance::getTotalInvestorsLimitCall {},
    );
    s.must(master, s.token(), &IDSToken::pauseCall {});
    let register = IRegistry::registerInvestorCall {
        id: "carol".into(),
        collision_hash: String::new(),
    };
    s.must(master, s.registry, &register);
}

/// The Registry (entry program + admin facet): a setter is one hop from the
/// Registry address, a view and the transfer-time party lookup run in the
/// entry program alone, and a selector neither program serves is refused
/// with `UnknownSelector`, writing nothing.
#[test]
fn every_registry_setter_is_one_hop_from_the_registry_address() {
    let mut s = Suite::new();
    let r = s.registry;
    let register = IRegistry::registerInvestorCall {
        id: "carol".into(),
        collision_hash: "c".into(),
    }
    .abi_encode();
    assert_eq!(entered(&mut s, r, register), [r, s.registry_admin, s.trust]);
    let special = IRegistry::addPlatformWalletCall {
        wallet: Address::repeat_byte(0x44),
    }
    .abi_encode();
    assert_eq!(entered(&mut s, r, special), [r, s.registry_admin, s.trust]);
    let view = IRegistry::isInvestorCall { id: "carol".into() }.abi_encode();
    assert_eq!(entered(&mut s, r, view), [r]);
    let parties = IRegistry::getTransferPartiesCall {
        from: Address::repeat_byte(0x44),
        to: Address::repeat_byte(0x45),
    }
    .abi_encode();
    assert_eq!(entered(&mut s, r, parties), [r]);

    let master = s.master;
    let before = s.net.storage_snapshot();
    for calldata in [vec![0xde, 0xad, 0xbe, 0xef, 0, 1], vec![0x01]] {
        let selector = ds_common::constants::selector_of(&calldata);
        let out = s.net.send(master, r, &calldata, U256::ZERO);
        assert_eq!(
            out.revert_error::<UnknownSelector>(),
            Some(UnknownSelector {
                selector: selector.into()
            }),
            "{}",
            out.outcome()
        );
        assert!(out.logs.is_empty());
    }
    assert_eq!(s.net.storage_snapshot(), before);
}

#[test]
fn only_the_master_changes_the_table_with_an_event_and_a_removed_route_is_unknown() {
    let mut s = Suite::new();
    let master = s.master;
    let issuer = s.issuer;
    let c = s.compliance;
    let getter = ICompliance::getTotalInvestorsLimitCall::SELECTOR;
    let unroute = ICompliance::setFacetSelectorsCall {
        facet_id: U256::ZERO,
        selectors: vec![getter.into()],
    };
    // Refused for the issuer, nothing changed.
    let before = s.net.storage_snapshot();
    let r = s.send(issuer, c, &unroute);
    assert_eq!(before.diff(&s.net.storage_snapshot()), vec![]);
    assert!(
        r.revert_error::<UnauthorizedCaller>().is_some(),
        "{}",
        r.outcome()
    );
    assert!(r.logs.is_empty());
    s.must(master, c, &ICompliance::getTotalInvestorsLimitCall {});
    // The master removes the route: one transaction, one event.
    let r = s.must(master, c, &unroute);
    assert_eq!(
        r.events::<FacetSelectorsSet>(),
        [FacetSelectorsSet {
            facetId: U256::ZERO,
            selectors: vec![getter.into()],
        }]
    );
    let r = s.send(master, c, &ICompliance::getTotalInvestorsLimitCall {});
    assert_eq!(
        r.revert_error::<UnknownSelector>(),
        Some(UnknownSelector {
            selector: getter.into()
        })
    );
    // ...and routes it again.
    let reroute = ICompliance::setFacetSelectorsCall {
        facet_id: U256::from(service::COMPLIANCE_CONFIG_FACET),
        selectors: vec![getter.into()],
    };
    s.must(master, c, &reroute);
    s.must(master, c, &ICompliance::getTotalInvestorsLimitCall {});
}

#[test]
fn routes_point_only_at_compliance_facets_in_bounded_batches() {
    let mut s = Suite::new();
    let master = s.master;
    let c = s.compliance;
    let getter = ICompliance::getTotalInvestorsLimitCall::SELECTOR;
    let before = s.net.storage_snapshot();
    // Trust's id, the token admin facet's: not Compliance facets.
    for facet in [service::TRUST, service::TOKEN_ADMIN_FACET] {
        let r = s.send(
            master,
            c,
            &ICompliance::setFacetSelectorsCall {
                facet_id: U256::from(facet),
                selectors: vec![getter.into()],
            },
        );
        assert_eq!(
            r.revert_error::<UnknownFacet>(),
            Some(UnknownFacet {
                facetId: U256::from(facet)
            })
        );
        assert!(r.logs.is_empty());
    }
    let too_many = ICompliance::setFacetSelectorsCall {
        facet_id: U256::ZERO,
        selectors: vec![getter.into(); 31],
    };
    let r = s.send(master, c, &too_many);
    assert_eq!(
        r.revert_error::<BatchTooLarge>(),
        Some(BatchTooLarge {
            length: u(31),
            max: u(30)
        })
    );
    // Nothing was written: no slot changed, the getter is still routed.
    assert_eq!(before.diff(&s.net.storage_snapshot()), vec![]);
    s.must(master, c, &ICompliance::getTotalInvestorsLimitCall {});
}
