//! Events of the Compliance service.
#![allow(missing_docs)]

use alloy_sol_types::sol;

sol!("src/events.sol");

/// Solidity source of the events above, for the ABI export.
pub const EVENTS_SOL: &str = include_str!("events.sol");
