// Events of every DS service (its service registry) and of the routers.
// Compiled by `sol!` and printed verbatim into the exported ABI (abi/*.sol),
// so integrators decode with the names and `indexed` markers emitted.

/// Service `serviceId` now lives at `serviceAddress`.
event DSServiceSet(uint256 serviceId, address serviceAddress);
/// The router sends the functions `selectors` to facet `facetId` (0: no longer served).
event FacetSelectorsSet(uint256 indexed facetId, bytes4[] selectors);
