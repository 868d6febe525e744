//! Rules shared by the routers (Compliance, DS token): which facet ids a
//! route may name, and how many selectors one call may route. The caller
//! checks the master role and writes its own table.

use alloy_primitives::U256;

use crate::{errors::UnknownFacet, DSError};

/// `facet_id` as one of `facets`, or 0 (which removes the routes), after
/// checking that `selectors` routes fit one batch.
///
/// # Errors
/// [`DSError::BatchTooLarge`] above [`MAX_BATCH`](crate::ids::limits::MAX_BATCH)
/// selectors, [`DSError::UnknownFacet`] for any other id.
pub fn route_target(facets: &[u64], facet_id: U256, selectors: usize) -> Result<u64, DSError> {
    DSError::check_batch(selectors)?;
    match u64::try_from(facet_id) {
        Ok(id) if id == 0 || facets.contains(&id) => Ok(id),
        _ => Err(DSError::UnknownFacet(UnknownFacet { facetId: facet_id })),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_listed_facets_or_zero_are_targets() {
        let facets = [1 << 16, 1 << 19];
        assert_eq!(route_target(&facets, U256::from(1 << 19), 3), Ok(1 << 19));
        assert_eq!(route_target(&facets, U256::ZERO, 3), Ok(0));
        for wrong in [U256::from(1 << 17), U256::MAX, U256::from(1u128 << 80)] {
            assert_eq!(
                route_target(&facets, wrong, 1),
                Err(DSError::UnknownFacet(UnknownFacet { facetId: wrong }))
            );
        }
    }

    #[test]
    fn a_batch_above_the_bound_is_refused() {
        let max = crate::ids::limits::MAX_BATCH;
        assert!(route_target(&[1], U256::from(1), max).is_ok());
        assert!(matches!(
            route_target(&[1], U256::from(1), max + 1),
            Err(DSError::BatchTooLarge(_))
        ));
    }
}
