//! The Compliance router: the Compliance address serves every function of
//! the service in one hop. The entry program runs the transfer path itself;
//! any other selector is looked up in a table the master keeps
//! (`setFacetSelectors`, event [`FacetSelectorsSet`]) and run in that facet
//! by one delegatecall on the service's storage. A selector nobody serves
//! reverts with [`UnknownSelector`]; a facet refuses calls at its own
//! address ([`ServiceRegistry::require_routed`]).
//!
//! [`ServiceRegistry::require_routed`]: ds_common::consumer::ServiceRegistry::require_routed

use alloc::vec::Vec;
use alloy_primitives::{FixedBytes, U256};
use ds_common::{
    consumer::FacetSelectorsSet,
    errors::UnknownSelector,
    ids::{role, service},
    DSError,
};
use stylus_sdk::prelude::*;

use crate::ComplianceState;

/// The facets a Compliance selector may be routed to.
pub const FACETS: [u64; 4] = [
    service::COMPLIANCE_VIEWS_FACET,
    service::COMPLIANCE_ADMIN_FACET,
    service::COMPLIANCE_CONFIG_FACET,
    service::COMPLIANCE_HOOKS_FACET,
];

impl ComplianceState {
    /// Runs `calldata` in the facet its selector is routed to, or fails
    /// with [`UnknownSelector`] (also for calldata shorter than a selector).
    pub fn route(&mut self, calldata: &[u8]) -> stylus_sdk::ArbResult {
        let selector = FixedBytes(ds_common::constants::selector_of(calldata));
        let facet = self.routes.get(selector).to::<u64>();
        if facet == 0 {
            return Err(DSError::UnknownSelector(UnknownSelector { selector }).into());
        }
        self.delegate_to_facet(facet, calldata)
    }

    /// Master only: routes `selectors` to facet `facet_id` (one of
    /// [`FACETS`]; 0 removes the routes), at most
    /// [`MAX_BATCH`](ds_common::ids::limits::MAX_BATCH) at a time.
    ///
    /// # Errors
    /// [`DSError::UnauthorizedCaller`], [`DSError::BatchTooLarge`],
    /// [`DSError::UnknownFacet`]; nothing is written then.
    ///
    /// # Events
    /// [`FacetSelectorsSet`].
    pub fn set_routes(
        &mut self,
        facet_id: U256,
        selectors: Vec<FixedBytes<4>>,
    ) -> Result<bool, DSError> {
        let sender = self.vm().msg_sender();
        self.services.require_role(sender, &[role::MASTER])?;
        let facet = ds_common::router::route_target(&FACETS, facet_id, selectors.len())?;
        for selector in &selectors {
            self.routes
                .insert(*selector, alloy_primitives::U64::from(facet));
        }
        self.vm().log(FacetSelectorsSet {
            facetId: facet_id,
            selectors,
        });
        Ok(true)
    }

    /// The facet id `selector` is routed to (0: none).
    pub fn route_of(&self, selector: FixedBytes<4>) -> U256 {
        U256::from(self.routes.get(selector).to::<u64>())
    }
}
