//! Shared vocabulary of the DS protocol contracts: role, service and attribute
//! ids, compliance reason codes, typed Solidity errors, cross-contract
//! interfaces and the service registry every DS contract embeds.
//!
//! Anything two contracts agree on lives here and nowhere else.

extern crate alloc;

pub mod codes;
pub mod consumer;
pub mod errors;
pub mod ids;
pub mod interfaces;
pub mod party;

pub use errors::DSError;
