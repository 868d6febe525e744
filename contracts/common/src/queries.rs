//! What the DS apps ask other contracts without changing anything: the
//! Registry (whose wallet), the DS token (its unit, balances, frozen
//! amounts), Compliance (what locks leave transferable) and a NAV
//! provider (`rate()`); and [`order`], the one raw mutating call an app
//! makes of a DS service (the token's issuance or burn).
//!
//! Every answer is read as 32-byte words; a refused call passes on the
//! callee's revert data, or `ServiceCallFailed(id, at)` when it gave none
//! or answered too short. The calls are encoded with `sol!` and made raw
//! through [`ask`] (one helper keeps the programs small).

use alloc::vec::Vec;
use alloy_primitives::{Address, B256, U256};
use alloy_sol_types::SolCall;
use stylus_sdk::stylus_core::Host;

use crate::{consumer::passed_on, ids::service, DSError};

/// Revert data: an encoded custom error (ours or the callee's).
pub type Revert = Vec<u8>;

alloy_sol_types::sol! {
    /// The read-only calls the DS apps make, encoded by hand.
    interface IQueries {
        function getParty(address wallet) external view returns (bytes32 key, uint256 info);
        function decimals() external view returns (uint8);
        function rate() external view returns (uint256);
        function balanceOf(address owner) external view returns (uint256);
        function getFrozenTokens(address account) external view returns (uint256);
        function getTransferableTokens(address who, uint256 time) external view returns (uint256);
    }
}

/// A static call of `data` at `at`, the address of DS service `id` (0 for
/// a contract that is no DS service, such as a NAV provider).
pub fn ask<H: Host + ?Sized>(vm: &H, id: u64, at: Address, data: &[u8]) -> Result<Vec<u8>, Revert> {
    stylus_sdk::call::static_call(vm, stylus_sdk::prelude::Call::new(), at, data)
        .map_err(|e| passed_on(e, || DSError::service_call_failed(id, at)))
}

/// A mutating call of `data` at `at`, the address of DS service `id`, made
/// by `app` (the calling contract's top-level storage); its answer.
pub fn order<S>(app: &mut S, id: u64, at: Address, data: &[u8]) -> Result<Vec<u8>, Revert>
where
    S: stylus_sdk::prelude::TopLevelStorage + stylus_sdk::stylus_core::HostAccess,
{
    let context = stylus_sdk::prelude::Call::new_mutating(app);
    stylus_sdk::call::call(app.vm(), context, at, data)
        .map_err(|e| passed_on(e, || DSError::service_call_failed(id, at)))
}

/// The `index`-th 32-byte word of `answer` from `at` (DS service `id`), or
/// `ServiceCallFailed(id, at)` when the answer is shorter.
pub fn word(answer: &[u8], index: usize, id: u64, at: Address) -> Result<B256, Revert> {
    answer
        .get(index * 32..index * 32 + 32)
        .map(B256::from_slice)
        .ok_or_else(|| DSError::service_call_failed(id, at).into())
}

/// The first word of what `at` (DS service `id`) answers to `call`, as a
/// number.
pub fn ask_number<H: Host + ?Sized, C: SolCall>(
    vm: &H,
    id: u64,
    at: Address,
    call: &C,
) -> Result<U256, Revert> {
    let answer = ask(vm, id, at, &call.abi_encode())?;
    Ok(U256::from_be_bytes(word(&answer, 0, id, at)?.0))
}

/// The investor key of `wallet` per the Registry at `registry` (zero when
/// the wallet belongs to no investor).
pub fn investor_key<H: Host + ?Sized>(
    vm: &H,
    registry: Address,
    wallet: Address,
) -> Result<B256, Revert> {
    let data = IQueries::getPartyCall { wallet }.abi_encode();
    let answer = ask(vm, service::REGISTRY, registry, &data)?;
    word(&answer, 0, service::REGISTRY, registry)
}

/// 10^decimals of the DS token at `token`: the units of one whole token.
pub fn token_unit<H: Host + ?Sized>(vm: &H, token: Address) -> Result<U256, Revert> {
    let decimals = ask_number(vm, service::DS_TOKEN, token, &IQueries::decimalsCall {})?;
    let mut unit = U256::from(1u8);
    for _ in 0..decimals.saturating_to::<u8>() {
        unit *= U256::from(10u8);
    }
    Ok(unit)
}

/// The current rate of the NAV provider at `nav` (its `rate()`; 0 is
/// refused by the provider).
pub fn nav_rate<H: Host + ?Sized>(vm: &H, nav: Address) -> Result<U256, Revert> {
    ask_number(vm, 0, nav, &IQueries::rateCall {})
}
