// Events of the DvP DS app.
// Compiled by `sol!` and printed verbatim into the exported ABI (abi/*.sol),
// so integrators decode with the names and `indexed` markers emitted.

/// Offer `offerId`: `seller` sells `amount` DS tokens to `buyer` (zero: anyone) for `price` of `paymentToken` until `expiry`; `fee` of the price goes to `matcher` (zero: none).
event OfferCreated(uint256 indexed offerId, address indexed seller, address indexed buyer, uint256 amount, address paymentToken, uint256 price, uint64 expiry, address matcher, uint256 fee);
/// Offer `offerId` was withdrawn by its seller.
event OfferCancelled(uint256 indexed offerId);
/// Offer `offerId` settled: `amount` DS tokens to `buyer`, `price` paid (`fee` of it to the matcher), both legs in one transaction.
event OfferTaken(uint256 indexed offerId, address indexed buyer, uint256 amount, uint256 price, uint256 fee);
