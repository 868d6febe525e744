//! Calibration: the minimal Stylus ERC-20 transfer against nitro's
//! expectation for this fixture (~66,000 L2 gas uncached, 21k included;
//! `../shared/reference/stylus-gas-nitro.md` §6) and the public Arbitrum
//! One figure of 70,949 gas (another program; likely with L1 poster gas).
mod common;

use alloy_sol_types::{sol, SolValue};
use common::wasm;
use ds_devnet::{Devnet, U256};

sol! {
    interface IErc20 {
        function transfer(address to, uint256 value) external returns (bool);
        function balanceOf(address owner) external view returns (uint256);
    }
}

/// Public Stylus ERC-20 transfer on Arbitrum One (intrinsic included).
const PUBLIC_STYLUS_TRANSFER: u64 = 70_949;
/// nitro's rules applied to this fixture's transfer to a fresh holder.
const NITRO_EXPECTED_TRANSFER: u64 = 66_000;

#[test]
fn erc20_transfer_to_a_fresh_holder() {
    let holder = Devnet::account("holder");
    let fresh = Devnet::account("fresh");
    let mut net = Devnet::new();
    let supply = U256::from(1_000_000u64);
    let token = net
        .deploy_direct(&wasm("erc20_min"), holder, &supply.abi_encode())
        .unwrap_or_else(|r| panic!("erc20 constructor: {}", r.reason()));
    let value = U256::from(1_000u64);
    let r = net.send_sol(holder, token, &IErc20::transferCall { to: fresh, value });
    assert!(r.success, "{}", r.reason());
    // cold read + reset of the sender (2,100 + 2,900), cold read + set of the
    // fresh recipient (2,100 + 20,000)
    assert_eq!(r.gas.storage, 27_100);
    // LOG3 with one data word
    assert_eq!(r.gas.logs, 375 + 3 * 375 + 8 * 32);
    assert_eq!((r.slots_read, r.slots_written), (2, 2));
    println!(
        "erc20_min transfer: uncached {} / cached {} (nitro ~{NITRO_EXPECTED_TRANSFER}, public Stylus figure {PUBLIC_STYLUS_TRANSFER}) {:?}",
        r.gas.total_uncached, r.gas.total_cached, r.gas
    );
    // within 1% of nitro's expectation, and below the published figure
    let uncached = r.gas.total_uncached;
    assert!(
        uncached.abs_diff(NITRO_EXPECTED_TRANSFER) * 100 <= NITRO_EXPECTED_TRANSFER,
        "{uncached}"
    );
    assert!(uncached < PUBLIC_STYLUS_TRANSFER);
    // one program entered: its uncached init is what caching saves
    let (entry, cached) = net.program_init_gas(token).expect("a program");
    assert_eq!(r.gas.total_uncached - r.gas.total_cached, entry - cached);
    let bal = net.call_sol(holder, token, &IErc20::balanceOfCall { owner: fresh });
    assert_eq!(bal.map_err(|r| r.reason()), Ok(value));

    // a second transfer hits a non-zero recipient: 2 × (2,100 + 2,900)
    let r = net.send_sol(holder, token, &IErc20::transferCall { to: fresh, value });
    assert_eq!(r.gas.storage, 10_000);
    println!(
        "erc20_min transfer (warm holder): uncached {}",
        r.gas.total_uncached
    );
}
