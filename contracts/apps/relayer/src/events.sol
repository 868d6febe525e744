/// DS: the master set investor `investorId`'s next nonce to `newNonce`.
event InvestorNonceUpdated(string investorId, uint256 newNonce);
/// A pre-approved transaction of investor `investorKey` (keccak256 of its
/// id) with nonce `nonce`, approved by `signer`, ran at `destination`
/// (not a DS event: DS logs nothing here).
event PreApprovedTransactionExecuted(bytes32 indexed investorKey, uint256 nonce, address indexed signer, address indexed destination);
