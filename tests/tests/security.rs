//! Findings of the independent security review (issue 25), each with a
//! regression test on the real Wasm. The devnet's own findings (F-10 gas
//! cap, F-11 the JSON-RPC front) are tested in `devnet/tests/serve.rs`.

use ds_e2e::{abi::ITrust, ids::role, Devnet, ReceiptExt, Suite};

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
