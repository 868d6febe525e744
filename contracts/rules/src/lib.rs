//! The DS compliance rules as plain functions: no storage, no host.
//!
//! The Compliance contract loads one compact snapshot of what a check needs
//! (configuration, the two parties, their investor states and locks, the
//! counters), asks this crate for the reason code, and stores the effects this
//! crate computes. Everything here is exhaustively testable natively.

pub mod category;
pub mod config;
pub mod issuance;
pub mod limits;
pub mod locks;
pub mod transfer;

pub use category::{Category, Counts, Delta};
pub use config::Config;
pub use transfer::{Party, TransferCheck};
