//! Cross-contract interfaces of the DS services, as other contracts call them.
//!
//! Each interface lists only what another DS contract calls; the full public
//! ABI of every contract is exported to `abi/<Contract>.sol`.

#![allow(missing_docs)]

use stylus_sdk::prelude::sol_interface;

sol_interface! {
    /// What services ask the Trust service.
    interface ITrustService {
        function getRole(address target) external view returns (uint8);
    }
}
