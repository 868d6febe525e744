//! Who may run a constructor (review F-05).
//!
//! A Stylus constructor runs once, in the call that initialises the program.
//! Deployed in two steps (create and activate, then call the constructor),
//! a program would be open to whoever calls its constructor first. The DS
//! contracts therefore run their constructor only when the
//! [`STYLUS_DEPLOYER`] calls it: that factory creates, activates and
//! initialises a program in one transaction, and its CREATE2 salt covers the
//! init data, so nobody can run a constructor with other arguments at the
//! same address. `ds deploy` and `cargo stylus deploy` go through it.

use alloy_primitives::{address, Address};

use crate::{ids::role, DSError};

/// Arbitrum's StylusDeployer (the same address on Arbitrum One, Nova,
/// Sepolia and nitro's dev node).
pub const STYLUS_DEPLOYER: Address = address!("cEcba2F1DC234f70Dd89F2041029807F8D03A990");

/// Refuses a constructor `sender` other than the [`STYLUS_DEPLOYER`]
/// ([`DSError::UnauthorizedCaller`] with role NONE).
pub fn require_deployer(sender: Address) -> Result<(), DSError> {
    if sender != STYLUS_DEPLOYER {
        return Err(DSError::unauthorized(sender, role::NONE));
    }
    Ok(())
}
