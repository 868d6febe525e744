// Events of the distribution DS app.
// Compiled by `sol!` and printed verbatim into the exported ABI (abi/*.sol),
// so integrators decode with the names and `indexed` markers emitted.

/// Distribution `id` of `amount` of `paymentToken` over DS token snapshot `snapshotId`, claimable until `deadline`.
event DistributionCreated(uint256 indexed id, address paymentToken, uint256 amount, uint256 snapshotId, uint64 deadline);
/// `wallet` received its share `amount` of distribution `id`.
event Claimed(uint256 indexed id, address indexed wallet, uint256 amount);
/// The unclaimed rest `amount` of distribution `id` went back to `to`.
event Reclaimed(uint256 indexed id, address indexed to, uint256 amount);
