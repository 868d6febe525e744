// Events of the Comms service.
// Compiled by `sol!` and printed verbatim into the exported ABI (abi/*.sol),
// so integrators decode with the names and `indexed` markers emitted.

/// Notice `noticeId` was published by `publisher` for (`targetKind`, `target`).
event DSCommsServiceNoticePublished(uint256 indexed noticeId, address indexed publisher, bytes32 indexed target, uint8 category, bytes32 contentHash, string uri, uint8 targetKind, uint64 deadline);
/// Notice `noticeId` was revoked by `sender`.
event DSCommsServiceNoticeRevoked(uint256 indexed noticeId, address indexed sender);
/// Investor `investorKey` acknowledged notice `noticeId` from `wallet`.
event DSCommsServiceNoticeAcknowledged(uint256 indexed noticeId, bytes32 indexed investorKey, address wallet);
