// Events of the NAV provider (DS's ISecuritizeNavProvider).
// Compiled by `sol!` and printed verbatim into the exported ABI (abi/*.sol),
// so integrators decode with the names and `indexed` markers emitted.

/// The NAV rate changed from `oldValue` to `newValue`.
event RateUpdated(uint256 oldValue, uint256 newValue);
/// `rateUpdater` may now set the rate.
event RateUpdaterAdded(address indexed rateUpdater);
/// `rateUpdater` may no longer set the rate.
event RateUpdaterRemoved(address indexed rateUpdater);
