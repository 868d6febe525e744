// Events of every DS service (its service registry).
// Compiled by `sol!` and printed verbatim into the exported ABI (abi/*.sol),
// so integrators decode with the names and `indexed` markers emitted.

/// Service `serviceId` now lives at `serviceAddress`.
event DSServiceSet(uint256 serviceId, address serviceAddress);
