//! Events of the Registry service and its wallet manager (DS names).

ds_common::events_sol!();
