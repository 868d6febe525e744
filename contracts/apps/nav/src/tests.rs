//! Native tests of the NAV provider; Trust (`getRole`) is an exact mock.

use super::*;
use alloy_primitives::address;
use alloy_sol_types::{sol, SolCall, SolEvent, SolValue};
use ds_common::errors::UnauthorizedCaller;
use ds_testing::MockHost;

sol! {
    function getRole(address target) external view returns (uint8);
}

const TRUST: Address = address!("0000000000000000000000000000000000007777");
const MASTER: Address = address!("00000000000000000000000000000000000000a1");
const ISSUER: Address = address!("00000000000000000000000000000000000000b2");
const UPDATER: Address = address!("00000000000000000000000000000000000000c7");

fn mock_role(host: &MockHost, who: Address, r: u8) {
    host.mock_static(
        TRUST,
        getRoleCall { target: who }.abi_encode(),
        Ok(U256::from(r).abi_encode()),
    );
}

/// A provider at rate 1.000000 (6 decimals) with `UPDATER` named.
fn deployed() -> (MockHost, NavProvider) {
    let host = MockHost::new();
    let mut nav = NavProvider::from(&host);
    host.vm.set_sender(ds_common::deployer::STYLUS_DEPLOYER);
    nav.constructor(TRUST, U256::from(1_000_000)).unwrap();
    mock_role(&host, MASTER, role::MASTER);
    mock_role(&host, ISSUER, role::ISSUER);
    host.vm.set_sender(MASTER);
    nav.add_rate_updater(UPDATER).unwrap();
    (host, nav)
}

fn last<E: SolEvent>(host: &MockHost) -> E {
    let logs = host.vm.get_emitted_logs();
    let (topics, data) = logs.last().expect("a log");
    E::decode_raw_log(topics.iter().copied(), data).expect("the event")
}

#[test]
fn a_rate_updater_sets_the_rate_and_it_is_logged() {
    let (host, mut nav) = deployed();
    assert_eq!(last::<RateUpdaterAdded>(&host).rateUpdater, UPDATER);
    host.vm.set_sender(UPDATER);
    nav.set_rate(U256::from(1_050_000)).unwrap();
    assert_eq!(nav.rate(), U256::from(1_050_000));
    let updated = last::<RateUpdated>(&host);
    assert_eq!(
        (updated.oldValue, updated.newValue),
        (U256::from(1_000_000), U256::from(1_050_000))
    );
}

#[test]
fn others_and_zero_are_refused_without_a_write() {
    let (host, mut nav) = deployed();
    for who in [MASTER, ISSUER] {
        host.vm.set_sender(who);
        assert_eq!(
            nav.set_rate(U256::from(2)),
            Err(DSError::NotRateUpdater(NotRateUpdater { caller: who }))
        );
    }
    host.vm.set_sender(UPDATER);
    assert_eq!(
        nav.set_rate(U256::ZERO),
        Err(DSError::ZeroAmount(ZeroAmount {}))
    );
    assert_eq!(nav.rate(), U256::from(1_000_000));
}

#[test]
fn only_the_master_names_and_removes_updaters() {
    let (host, mut nav) = deployed();
    host.vm.set_sender(ISSUER);
    assert_eq!(
        nav.add_rate_updater(ISSUER),
        Err(DSError::UnauthorizedCaller(UnauthorizedCaller {
            caller: ISSUER,
            callerRole: role::ISSUER
        }))
    );
    host.vm.set_sender(MASTER);
    nav.remove_rate_updater(UPDATER).unwrap();
    assert_eq!(last::<RateUpdaterRemoved>(&host).rateUpdater, UPDATER);
    assert!(!nav.is_rate_updater(UPDATER));
    let logs = host.vm.get_emitted_logs().len();
    nav.remove_rate_updater(UPDATER).unwrap();
    assert_eq!(
        host.vm.get_emitted_logs().len(),
        logs,
        "no change, no event"
    );
    host.vm.set_sender(UPDATER);
    assert!(nav.set_rate(U256::from(3)).is_err());
}

#[test]
fn the_first_rate_cannot_be_zero() {
    let host = MockHost::new();
    let mut nav = NavProvider::from(&host);
    host.vm.set_sender(ds_common::deployer::STYLUS_DEPLOYER);
    assert_eq!(
        nav.constructor(TRUST, U256::ZERO),
        Err(DSError::ZeroAmount(ZeroAmount {}))
    );
}
