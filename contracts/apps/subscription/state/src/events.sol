/// The issuer opened round `roundId`: `hardCap` tokens for `paymentToken`
/// at `price` per whole token (or the NAV provider `nav`'s rate), from
/// `start` to `end` (the other terms: `getRound`).
event RoundCreated(uint256 indexed roundId, address paymentToken, uint256 price, address nav, uint256 hardCap, uint64 start, uint64 end);
/// `wallet` (investor `investorKey`) subscribed `amount` tokens of round
/// `roundId` for `cost` payment units.
event Subscribed(uint256 indexed roundId, address indexed wallet, bytes32 indexed investorKey, uint256 amount, uint256 cost);
/// Round `roundId` closed in `status` (2 succeeded, 3 failed) with `sold`
/// tokens; `raised` payment units went to the treasury (0 when failed).
event RoundClosed(uint256 indexed roundId, uint8 status, uint256 sold, uint256 raised);
/// The issuer cancelled round `roundId`; held payments are refundable.
event RoundCancelled(uint256 indexed roundId);
/// `wallet` received the `amount` tokens it subscribed in round `roundId`.
event TokensClaimed(uint256 indexed roundId, address indexed wallet, uint256 amount);
/// `wallet` got back the `amount` payment units it paid in round `roundId`.
event Refunded(uint256 indexed roundId, address indexed wallet, uint256 amount);
