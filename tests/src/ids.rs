//! The DS protocol numbers the tests speak, from the crates that define them
//! (`ds-common`, `ds-rules`). Their literal values — the DS reason codes and
//! strings, the `setAll` wire order — are pinned by those crates' own tests.

pub use ds_common::codes as code;
pub use ds_common::ids::{
    attribute, attribute_status, offer_status, redemption_status, region, role, round_status,
    service, wallet_type,
};
pub use ds_rules::config::{bool_rule, uint_rule};
