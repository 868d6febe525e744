//! Events of the Compliance service.
#![allow(missing_docs)]

ds_common::events_sol!();
