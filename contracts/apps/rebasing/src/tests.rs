//! Native tests of the rebasing provider; Trust (`getRole`) is an exact mock.

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
const EXCHANGE: Address = address!("00000000000000000000000000000000000000c3");

fn mock_role(host: &MockHost, who: Address, r: u8) {
    host.mock_static(
        TRUST,
        getRoleCall { target: who }.abi_encode(),
        Ok(U256::from(r).abi_encode()),
    );
}

/// A provider for a 6-decimals token at multiplier 1.
fn deployed() -> (MockHost, RebasingProvider) {
    let host = MockHost::new();
    let mut provider = RebasingProvider::from(&host);
    host.vm.set_sender(ds_common::deployer::STYLUS_DEPLOYER);
    provider.constructor(TRUST, math::ONE, 6).unwrap();
    mock_role(&host, MASTER, role::MASTER);
    mock_role(&host, ISSUER, role::ISSUER);
    mock_role(&host, EXCHANGE, role::EXCHANGE);
    (host, provider)
}

#[test]
fn the_issuer_and_master_set_the_multiplier_and_it_is_logged() {
    let (host, mut provider) = deployed();
    let one = math::ONE;
    host.vm.set_sender(ISSUER);
    provider.set_multiplier(one * U256::from(2)).unwrap();
    host.vm.set_sender(MASTER);
    provider.set_multiplier(one * U256::from(3)).unwrap();
    let logs = host.vm.get_emitted_logs();
    let (topics, data) = logs.last().expect("a log");
    let event = RebasingRateUpdated::decode_raw_log(topics.iter().copied(), data).unwrap();
    assert_eq!(
        (event.oldValue, event.newValue),
        (one * U256::from(2), one * U256::from(3))
    );
    assert_eq!(provider.multiplier(), one * U256::from(3));
    // 3 tokens (6 decimals) at 3 tokens per share: one share (18 decimals).
    assert_eq!(
        provider.convert_tokens_to_shares(U256::from(3_000_000)),
        Ok(one)
    );
    assert_eq!(
        provider.convert_shares_to_tokens(one),
        Ok(U256::from(3_000_000))
    );
}

#[test]
fn others_and_zero_are_refused_without_a_write() {
    let (host, mut provider) = deployed();
    let logs = host.vm.get_emitted_logs().len();
    host.vm.set_sender(EXCHANGE);
    assert_eq!(
        provider.set_multiplier(U256::from(5)),
        Err(DSError::UnauthorizedCaller(UnauthorizedCaller {
            caller: EXCHANGE,
            callerRole: role::EXCHANGE
        }))
    );
    host.vm.set_sender(ISSUER);
    assert_eq!(
        provider.set_multiplier(U256::ZERO),
        Err(DSError::InvalidMultiplier(InvalidMultiplier {
            providedMultiplier: U256::ZERO
        }))
    );
    assert_eq!(provider.multiplier(), math::ONE);
    assert_eq!(host.vm.get_emitted_logs().len(), logs, "nothing logged");
}

#[test]
fn the_constructor_refuses_zero_and_more_than_eighteen_decimals() {
    let host = MockHost::new();
    let mut provider = RebasingProvider::from(&host);
    host.vm.set_sender(ds_common::deployer::STYLUS_DEPLOYER);
    assert_eq!(
        provider.constructor(TRUST, U256::ZERO, 6),
        Err(DSError::InvalidMultiplier(InvalidMultiplier {
            providedMultiplier: U256::ZERO
        }))
    );
    assert_eq!(
        provider.constructor(TRUST, math::ONE, 19),
        Err(DSError::TokenDecimalsNotSupported(
            TokenDecimalsNotSupported { decimals: 19 }
        ))
    );
    provider.constructor(TRUST, math::ONE, 18).unwrap();
    assert_eq!(provider.token_decimals(), 18);
}
