//! Events of the Registry service and its wallet manager (DS names).

use alloy_sol_types::sol;

sol!("src/events.sol");

/// Solidity source of the events above, for the ABI export.
pub const EVENTS_SOL: &str = include_str!("events.sol");
