// Events of the DS redemption app.
// Compiled by `sol!` and printed verbatim into the exported ABI (abi/*.sol),
// so integrators decode with the names and `indexed` markers emitted.

/// Window `windowId` takes redemption requests from `start` to before `end`, paid in `paymentToken` at `price` per whole token or at the NAV provider `nav`'s rate at settlement; `allowLocked`: locked tokens may be redeemed.
event RedemptionWindowOpened(uint256 indexed windowId, address paymentToken, uint256 price, address nav, uint64 start, uint64 end, bool allowLocked);
/// Window `windowId` takes no more requests (its queue still settles).
event RedemptionWindowClosed(uint256 indexed windowId);
/// `from` put `amount` payment units into window `windowId` for settlements.
event RedemptionFunded(uint256 indexed windowId, address indexed from, uint256 amount);
/// `amount` unused payment units of window `windowId` went to `to`.
event RedemptionFundsWithdrawn(uint256 indexed windowId, address indexed to, uint256 amount);
/// `wallet` asked to redeem `amount` token units in window `windowId`, queued as request `requestId`.
event RedemptionRequested(uint256 indexed requestId, uint256 indexed windowId, address indexed wallet, uint256 amount);
/// Request `requestId` was withdrawn by its wallet with `remaining` token units unsettled.
event RedemptionCancelled(uint256 indexed requestId, uint256 remaining);
/// Request `requestId`: `amount` token units of `wallet` burnt and `payout` payment units paid; `remaining` still queued (0: the request is over).
event RedemptionSettled(uint256 indexed requestId, address indexed wallet, uint256 amount, uint256 payout, uint256 remaining);
