//! Typed Solidity custom errors shared by every DS contract.
//!
//! Each refusal names who was refused and why, so integrators can decode the
//! revert data instead of parsing strings.
//!
//! Variants specific to one contract are behind a cargo feature
//! (`<contract>-errors`): each contract enables only its own, which keeps its
//! revert encoder — and its Wasm — small. `scripts/build.sh` builds each
//! contract separately so features are not unified across contracts.

use alloy_sol_types::sol;
use stylus_sdk::prelude::*;

sol! {
    /// `caller` (holding `callerRole`) may not call this function.
    #[derive(Debug, PartialEq, Eq)]
    error UnauthorizedCaller(address caller, uint8 callerRole);
    /// `caller` (holding `callerRole`) may not grant or revoke `role`.
    #[derive(Debug, PartialEq, Eq)]
    error RoleNotManageable(address caller, uint8 callerRole, uint8 role);
    /// `role` is not a role this function accepts.
    #[derive(Debug, PartialEq, Eq)]
    error InvalidRole(uint8 role);
    /// `target` holds `currentRole`; roles change only through NONE.
    #[derive(Debug, PartialEq, Eq)]
    error RoleChangeNotAllowed(address target, uint8 currentRole, uint8 newRole);
    /// `target` holds no role.
    #[derive(Debug, PartialEq, Eq)]
    error RoleNotAssigned(address target);
    /// The master role is only handed over, never removed.
    #[derive(Debug, PartialEq, Eq)]
    error MasterCannotBeRemoved(address target);
    /// The zero address was given where an account is required.
    #[derive(Debug, PartialEq, Eq)]
    error ZeroAddress();
    /// A batch longer than `max` entries was given.
    #[derive(Debug, PartialEq, Eq)]
    error BatchTooLarge(uint256 length, uint256 max);
    /// Two arrays that must pair up have different lengths.
    #[derive(Debug, PartialEq, Eq)]
    error LengthMismatch(uint256 left, uint256 right);
    /// Only the proposed master `pending` may accept the hand-over.
    #[derive(Debug, PartialEq, Eq)]
    error NotPendingMaster(address caller, address pending);
    /// Service `serviceId` is not configured in this contract's service registry.
    #[derive(Debug, PartialEq, Eq)]
    error ServiceNotSet(uint256 serviceId);
    /// A call to service `serviceId` at `service` failed.
    #[derive(Debug, PartialEq, Eq)]
    error ServiceCallFailed(uint256 serviceId, address service);
    /// Investor ids are 1 to `max` bytes long; `length` was given.
    #[derive(Debug, PartialEq, Eq)]
    error InvalidInvestorId(uint256 length, uint256 max);
    /// A text field (collision hash, proof hash) of `length` bytes exceeds `max`.
    #[derive(Debug, PartialEq, Eq)]
    error TextTooLong(uint256 length, uint256 max);
    /// No investor is registered under `investorKey` (`party::investor_key(id)`).
    #[derive(Debug, PartialEq, Eq)]
    error InvestorNotFound(bytes32 investorKey);
    /// The investor with key `investorKey` is already registered.
    #[derive(Debug, PartialEq, Eq)]
    error InvestorAlreadyExists(bytes32 investorKey);
    /// Investor `investorKey` still has `walletCount` wallets; remove them first.
    #[derive(Debug, PartialEq, Eq)]
    error InvestorHasWallets(bytes32 investorKey, uint256 walletCount);
    /// The investor id with key `investorKey` belonged to a removed
    /// investor; ids are never re-used, so no state of the removed investor
    /// can pass to a new one.
    #[derive(Debug, PartialEq, Eq)]
    error InvestorIdRetired(bytes32 investorKey);
    /// Exchange `caller` may change only the investors it registered, not `investorKey`.
    #[derive(Debug, PartialEq, Eq)]
    error NotInvestorCreator(address caller, bytes32 investorKey);
    /// `country` is not a 1-3 letter ISO country code.
    #[derive(Debug, PartialEq, Eq)]
    error InvalidCountry(string country);
    /// `attributeId` is not a registry attribute (`ids::attribute`).
    #[derive(Debug, PartialEq, Eq)]
    error InvalidAttribute(uint8 attributeId);
    /// `value` is not an attribute status (`ids::attribute_status`).
    #[derive(Debug, PartialEq, Eq)]
    error InvalidAttributeValue(uint256 value);
    /// An attribute expiry of `expiry` exceeds the largest storable `max`.
    #[derive(Debug, PartialEq, Eq)]
    error InvalidExpiry(uint256 expiry, uint256 max);
    /// `wallet` is already registered: to an investor (`walletType` 0) or as a special wallet.
    #[derive(Debug, PartialEq, Eq)]
    error WalletInUse(address wallet, uint8 walletType);
    /// `wallet` is not a wallet of investor `investorKey`.
    #[derive(Debug, PartialEq, Eq)]
    error WalletNotOfInvestor(address wallet, bytes32 investorKey);
    /// `wallet` holds `balance` tokens; only empty wallets are added or removed.
    #[derive(Debug, PartialEq, Eq)]
    error WalletHasBalance(address wallet, uint256 balance);
    /// `wallet` is not a special wallet.
    #[derive(Debug, PartialEq, Eq)]
    error NotSpecialWallet(address wallet);
    /// An exchange wallet's owner must hold the EXCHANGE role; `owner` holds `role`.
    #[derive(Debug, PartialEq, Eq)]
    error OwnerNotExchange(address owner, uint8 role);
    /// Entity names are 1 to `max` bytes long; `length` was given.
    #[derive(Debug, PartialEq, Eq)]
    error InvalidEntityName(uint256 length, uint256 max);
    /// An entity called `name` already exists.
    #[derive(Debug, PartialEq, Eq)]
    error EntityAlreadyExists(string name);
    /// No entity called `name` exists.
    #[derive(Debug, PartialEq, Eq)]
    error EntityNotFound(string name);
    /// `member` already belongs to an entity (as `capacity`, see `ids::entity_capacity`).
    #[derive(Debug, PartialEq, Eq)]
    error AlreadyEntityMember(address member, uint8 capacity);
    /// `member` is not a `capacity` member of entity `name`.
    #[derive(Debug, PartialEq, Eq)]
    error NotEntityMember(string name, address member, uint8 capacity);
    /// Entity `name` already has `max` members of `capacity`.
    #[derive(Debug, PartialEq, Eq)]
    error EntityFull(string name, uint8 capacity, uint256 max);
    /// Entity `name` still has operators or resources; remove them first.
    #[derive(Debug, PartialEq, Eq)]
    error EntityNotEmpty(string name, uint256 operators, uint256 resources);
    /// `category` is not a notice category (`ids::notice_category`).
    #[derive(Debug, PartialEq, Eq)]
    error InvalidNoticeCategory(uint8 category);
    /// A notice needs a non-zero content hash.
    #[derive(Debug, PartialEq, Eq)]
    error EmptyContentHash();
    /// The URI is `length` bytes long, more than `max`.
    #[derive(Debug, PartialEq, Eq)]
    error UriTooLong(uint256 length, uint256 max);
    /// `target` is not valid for target kind `targetKind` (`ids::notice_target`).
    #[derive(Debug, PartialEq, Eq)]
    error InvalidNoticeTarget(uint8 targetKind, bytes32 target);
    /// A deadline must lie in the future: `deadline` is not after `now`.
    #[derive(Debug, PartialEq, Eq)]
    error InvalidDeadline(uint64 deadline, uint64 now);
    /// No notice `noticeId` exists.
    #[derive(Debug, PartialEq, Eq)]
    error NoticeNotFound(uint256 noticeId);
    /// Notice `noticeId` was revoked.
    #[derive(Debug, PartialEq, Eq)]
    error NoticeIsRevoked(uint256 noticeId);
    /// Notice `noticeId` closed at `deadline`.
    #[derive(Debug, PartialEq, Eq)]
    error NoticeExpired(uint256 noticeId, uint64 deadline);
    /// Investor `investorKey` already acknowledged notice `noticeId`.
    #[derive(Debug, PartialEq, Eq)]
    error AlreadyAcknowledged(uint256 noticeId, bytes32 investorKey);
    /// The investor of `wallet` is not a target of notice `noticeId`.
    #[derive(Debug, PartialEq, Eq)]
    error NotNoticeTarget(uint256 noticeId, address wallet);
    /// `wallet` does not belong to a registered investor.
    #[derive(Debug, PartialEq, Eq)]
    error NotAnInvestor(address wallet);
    /// A page of `limit` entries was asked; at most `max` are returned.
    #[derive(Debug, PartialEq, Eq)]
    error PageTooLarge(uint256 limit, uint256 max);
    /// Only the DS token registered in this contract may call.
    #[derive(Debug, PartialEq, Eq)]
    error OnlyToken(address caller);
    /// Only the Registry registered in this contract may call.
    #[derive(Debug, PartialEq, Eq)]
    error OnlyRegistry(address caller);
    /// Compliance rule `index` does not exist.
    #[derive(Debug, PartialEq, Eq)]
    error UnknownRule(uint256 index);
    /// `value` is out of the range of compliance rule `index`.
    #[derive(Debug, PartialEq, Eq)]
    error RuleValueOutOfRange(uint256 index, uint256 value);
    /// `value` is not a country compliance status (NONE 0, US 1, EU 2, FORBIDDEN 4, JP 8).
    #[derive(Debug, PartialEq, Eq)]
    error InvalidCountryStatus(uint256 value);
    /// Issuing `value` on top of `totalSupply` passes the authorized securities `cap`.
    #[derive(Debug, PartialEq, Eq)]
    error AuthorizedSecuritiesExceeded(uint256 totalSupply, uint256 value, uint256 cap);
    /// The investor already has `max` records of this kind (locks or issuances).
    #[derive(Debug, PartialEq, Eq)]
    error TooManyRecords(bytes32 investorKey, uint256 max);
    /// A lock must lock a non-zero value until a future time (or 0 = until removed).
    #[derive(Debug, PartialEq, Eq)]
    error InvalidLock(uint256 value, uint256 releaseTime);
    /// Lock `index` does not exist for the investor.
    #[derive(Debug, PartialEq, Eq)]
    error LockNotFound(bytes32 investorKey, uint256 index);
    /// `amount` does not fit the 128-bit balances of the suite.
    #[derive(Debug, PartialEq, Eq)]
    error AmountTooLarge(uint256 amount);
    /// An issuance time in the future.
    #[derive(Debug, PartialEq, Eq)]
    error InvalidIssuanceTime(uint256 issuanceTime, uint256 now);
    /// A view asked about time 0 (DS: "Time must be greater than zero").
    #[derive(Debug, PartialEq, Eq)]
    error ZeroTime();
    /// Seized tokens may only go to an issuer special wallet.
    #[derive(Debug, PartialEq, Eq)]
    error SeizeTargetNotIssuerWallet(address to);
    /// The transfer is refused with DS reason `code` and its `reason` string.
    #[derive(Debug, PartialEq, Eq)]
    error TransferRejected(uint256 code, string reason);
    /// The issuance is refused with DS reason `code` and its `reason` string.
    #[derive(Debug, PartialEq, Eq)]
    error IssuanceRejected(uint256 code, string reason);
    /// ERC-6093: `sender` holds `balance`, less than `needed`.
    #[derive(Debug, PartialEq, Eq)]
    error ERC20InsufficientBalance(address sender, uint256 balance, uint256 needed);
    /// ERC-6093: `spender` may spend `allowance`, less than `needed`.
    #[derive(Debug, PartialEq, Eq)]
    error ERC20InsufficientAllowance(address spender, uint256 allowance, uint256 needed);
    /// ERC-6093: tokens cannot be sent to `receiver` (the zero address).
    #[derive(Debug, PartialEq, Eq)]
    error ERC20InvalidReceiver(address receiver);
    /// ERC-6093: `spender` (the zero address) cannot be approved.
    #[derive(Debug, PartialEq, Eq)]
    error ERC20InvalidSpender(address spender);
    /// ERC-7943: `amount` exceeds the `unfrozen` part of `account`'s balance.
    #[derive(Debug, PartialEq, Eq)]
    error ERC7943InsufficientUnfrozenBalance(address account, uint256 amount, uint256 unfrozen);
    /// Position `index` is outside `1..=count`.
    #[derive(Debug, PartialEq, Eq)]
    error IndexOutOfRange(uint256 index, uint256 count);
    /// Snapshot `id` was not taken: ids run from 1 to `current`.
    #[derive(Debug, PartialEq, Eq)]
    error SnapshotNotFound(uint256 id, uint256 current);
    /// No snapshot id is left (at most `max`).
    #[derive(Debug, PartialEq, Eq)]
    error SnapshotLimitReached(uint256 max);
    /// Snapshots are at least an interval apart: the next one may be
    /// taken at `nextAllowed` (block time, seconds).
    #[derive(Debug, PartialEq, Eq)]
    error SnapshotTooSoon(uint256 nextAllowed);
    /// No distribution `distributionId` exists.
    #[derive(Debug, PartialEq, Eq)]
    error UnknownDistribution(uint256 distributionId);
    /// Distribution `distributionId` closed for claims at `deadline`.
    #[derive(Debug, PartialEq, Eq)]
    error DistributionExpired(uint256 distributionId, uint64 deadline);
    /// Distribution `distributionId` is open for claims until `deadline`; its rest is reclaimed only after.
    #[derive(Debug, PartialEq, Eq)]
    error DistributionNotEnded(uint256 distributionId, uint64 deadline);
    /// `wallet` already claimed its share of distribution `distributionId`.
    #[derive(Debug, PartialEq, Eq)]
    error AlreadyClaimed(uint256 distributionId, address wallet);
    /// `wallet` has no share of distribution `distributionId` (no balance at its snapshot).
    #[derive(Debug, PartialEq, Eq)]
    error NothingToClaim(uint256 distributionId, address wallet);
    /// The rest of distribution `distributionId` was already reclaimed.
    #[derive(Debug, PartialEq, Eq)]
    error AlreadyReclaimed(uint256 distributionId);
    /// A distribution of nothing: the amount must be positive.
    #[derive(Debug, PartialEq, Eq)]
    error ZeroAmount();
    /// Snapshot `snapshotId` of the DS token has no supply to distribute over.
    #[derive(Debug, PartialEq, Eq)]
    error EmptySnapshot(uint256 snapshotId);
    /// Moving `amount` of payment token `token` from `from` to `to` failed (reverted or returned false).
    #[derive(Debug, PartialEq, Eq)]
    error PaymentFailed(address token, address from, address to, uint256 amount);
    /// No program at this address serves function `selector`.
    #[derive(Debug, PartialEq, Eq)]
    error UnknownSelector(bytes4 selector);
    /// `facet` runs only by delegatecall from its service's address, never
    /// called at its own.
    #[derive(Debug, PartialEq, Eq)]
    error FacetCalledDirectly(address facet);
    /// A selector may only be routed to a facet of this service (or to 0,
    /// which removes the route); `facetId` is none.
    #[derive(Debug, PartialEq, Eq)]
    error UnknownFacet(uint256 facetId);
    /// `selector` is one of the router's own functions, served by the facet
    /// that keeps the routes: it cannot be routed elsewhere.
    #[derive(Debug, PartialEq, Eq)]
    error SelectorNotRoutable(bytes4 selector);
    /// DvP: no offer under `offerId`.
    #[derive(Debug, PartialEq, Eq)]
    error UnknownOffer(uint256 offerId);
    /// DvP: offer `offerId` is not open (`status`: 2 taken, 3 cancelled).
    #[derive(Debug, PartialEq, Eq)]
    error OfferNotOpen(uint256 offerId, uint8 status);
    /// DvP: offer `offerId` expired at `expiry`.
    #[derive(Debug, PartialEq, Eq)]
    error OfferExpired(uint256 offerId, uint64 expiry);
    /// DvP: `caller` is not the buyer offer `offerId` names (or is its seller).
    #[derive(Debug, PartialEq, Eq)]
    error NotOfferBuyer(uint256 offerId, address caller);
    /// DvP: `caller` is not the seller of offer `offerId`.
    #[derive(Debug, PartialEq, Eq)]
    error NotOfferSeller(uint256 offerId, address caller);
    /// DvP: a matcher's `fee` above the `price`, or a fee without a matcher.
    #[derive(Debug, PartialEq, Eq)]
    error InvalidFee(uint256 fee, uint256 price);
    /// DvP: the offer's matcher holds `role` in Trust, not EXCHANGE.
    #[derive(Debug, PartialEq, Eq)]
    error MatcherNotExchange(address matcher, uint8 role);
    /// NAV provider: `caller` is not a rate updater.
    #[derive(Debug, PartialEq, Eq)]
    error NotRateUpdater(address caller);
    /// A payment in `token` delivered `received` where `expected` was
    /// sent (a fee on transfer): refused.
    #[derive(Debug, PartialEq, Eq)]
    error PaymentShortfall(address token, uint256 expected, uint256 received);
    /// Rebasing provider (DS's error): a multiplier of 0.
    #[derive(Debug, PartialEq, Eq)]
    error InvalidMultiplier(uint256 providedMultiplier);
    /// Rebasing provider: the token has more than 18 decimals (DS: not
    /// supported).
    #[derive(Debug, PartialEq, Eq)]
    error TokenDecimalsNotSupported(uint8 decimals);
    /// Rebasing provider: `tokens` (not 0) would be 0 shares.
    #[derive(Debug, PartialEq, Eq)]
    error SharesRoundToZero(uint256 tokens);
    /// A paused auxiliary service was called (OpenZeppelin's name).
    #[derive(Debug, PartialEq, Eq)]
    error EnforcedPause();
    /// An auxiliary service that is not paused was asked to unpause
    /// (OpenZeppelin's name).
    #[derive(Debug, PartialEq, Eq)]
    error ExpectedPause();
    /// Token issuer: an array of `length` items where `expected` are needed.
    #[derive(Debug, PartialEq, Eq)]
    error WrongParameterLength(uint256 length, uint256 expected);
    /// Transaction relayer: the signed transaction was valid up to block
    /// `blockLimit`; this is block `blockNumber`.
    #[derive(Debug, PartialEq, Eq)]
    error TransactionExpired(uint256 blockLimit, uint256 blockNumber);
    /// Transaction relayer: the signed nonce is not the investor's next one.
    #[derive(Debug, PartialEq, Eq)]
    error InvalidNonce(uint256 nonce, uint256 expected);
    /// Transaction relayer: a new nonce must exceed the current one.
    #[derive(Debug, PartialEq, Eq)]
    error NonceNotIncreased(uint256 nonce, uint256 current);
    /// Transaction relayer: the signature recovers to no address
    /// (OpenZeppelin ECDSA's name).
    #[derive(Debug, PartialEq, Eq)]
    error ECDSAInvalidSignature();
    /// Transaction relayer: a signature must be 65 bytes (OpenZeppelin
    /// ECDSA's name).
    #[derive(Debug, PartialEq, Eq)]
    error ECDSAInvalidSignatureLength(uint256 length);
    /// Transaction relayer: `s` in the upper half of the curve order (a
    /// malleable signature; OpenZeppelin ECDSA's name).
    #[derive(Debug, PartialEq, Eq)]
    error ECDSAInvalidSignatureS(bytes32 s);
    /// Transaction relayer: the signer's role (`signerRole`) may not approve
    /// what the relayer (holding `relayerRole`) would do: an issuer may
    /// approve; an exchange only while the relayer holds no role above
    /// exchange.
    #[derive(Debug, PartialEq, Eq)]
    error SignerNotApprover(address signer, uint8 signerRole, uint8 relayerRole);
    /// Subscription app: no round `roundId`.
    #[derive(Debug, PartialEq, Eq)]
    error UnknownRound(uint256 roundId);
    /// Subscription app: round `roundId` (in `status`) takes no
    /// subscription now (open from `start`, before `end`).
    #[derive(Debug, PartialEq, Eq)]
    error RoundNotOpen(uint256 roundId, uint8 status, uint64 start, uint64 end);
    /// Subscription app: round `roundId` may close at `end` (or once sold
    /// out), not before.
    #[derive(Debug, PartialEq, Eq)]
    error RoundNotEnded(uint256 roundId, uint64 end);
    /// Subscription app: round `roundId` in `status` has no claim or refund
    /// to pay now.
    #[derive(Debug, PartialEq, Eq)]
    error RoundNotSettled(uint256 roundId, uint8 status);
    /// Subscription app: the round's terms break rule `term`: 1 the price
    /// source (exactly one of a price and a NAV provider), 2 the window
    /// (ending after its start and in the future), 3 the caps (0 < hardCap,
    /// minPerInvestor ≤ maxPerInvestor ≤ hardCap, softCap ≤ hardCap and
    /// only when the tokens are issued at the close).
    #[derive(Debug, PartialEq, Eq)]
    error InvalidRoundTerms(uint8 term);
    /// Subscription app: `amount` more on `sold` passes the round's `hardCap`.
    #[derive(Debug, PartialEq, Eq)]
    error HardCapExceeded(uint256 sold, uint256 amount, uint256 hardCap);
    /// Subscription app: the investor's total in the round would be
    /// `investorTotal`, outside [minPerInvestor, maxPerInvestor].
    #[derive(Debug, PartialEq, Eq)]
    error SubscriptionOutOfBounds(uint256 investorTotal, uint256 minPerInvestor, uint256 maxPerInvestor);
    /// Subscription app: `wallet` has no tokens to claim or payment to
    /// get back in round `roundId`.
    #[derive(Debug, PartialEq, Eq)]
    error NothingOwed(uint256 roundId, address wallet);
    /// Redemption app: no window `windowId`.
    #[derive(Debug, PartialEq, Eq)]
    error UnknownRedemptionWindow(uint256 windowId);
    /// Redemption app: window `windowId` (in `status`: 1 open, 2 closed)
    /// takes no request now (open from `start`, before `end`), or is
    /// already closed.
    #[derive(Debug, PartialEq, Eq)]
    error RedemptionWindowNotOpen(uint256 windowId, uint8 status, uint64 start, uint64 end);
    /// Redemption app: the window's terms break rule `term`: 1 the price
    /// source (exactly one of a price and a NAV provider), 2 the window
    /// (ending after its start and in the future).
    #[derive(Debug, PartialEq, Eq)]
    error InvalidRedemptionTerms(uint8 term);
    /// Redemption app: no request `requestId`.
    #[derive(Debug, PartialEq, Eq)]
    error UnknownRedemptionRequest(uint256 requestId);
    /// Redemption app: request `requestId` is over (`status`: 2 settled,
    /// 3 cancelled).
    #[derive(Debug, PartialEq, Eq)]
    error RedemptionNotPending(uint256 requestId, uint8 status);
    /// Redemption app: `caller` is not the wallet of request `requestId`.
    #[derive(Debug, PartialEq, Eq)]
    error NotRedemptionRequester(uint256 requestId, address caller);
    /// Redemption app: `wallet`'s requests in the window would total
    /// `requested`, more than the `redeemable` it holds (balance less
    /// frozen and, unless the window allows them, locked tokens).
    #[derive(Debug, PartialEq, Eq)]
    error RedemptionExceedsRedeemable(address wallet, uint256 requested, uint256 redeemable);
    /// Redemption app: window `windowId` holds `funded` payment units, less
    /// than the `amount` asked.
    #[derive(Debug, PartialEq, Eq)]
    error InsufficientRedemptionFunds(uint256 windowId, uint256 funded, uint256 amount);
}

/// Every error a DS contract can revert with.
#[derive(SolidityError, Debug, PartialEq, Eq)]
pub enum DSError {
    /// See [`UnauthorizedCaller`].
    UnauthorizedCaller(UnauthorizedCaller),
    #[cfg(feature = "trust-errors")]
    /// See [`RoleNotManageable`].
    RoleNotManageable(RoleNotManageable),
    #[cfg(feature = "trust-errors")]
    /// See [`InvalidRole`].
    InvalidRole(InvalidRole),
    #[cfg(feature = "trust-errors")]
    /// See [`RoleChangeNotAllowed`].
    RoleChangeNotAllowed(RoleChangeNotAllowed),
    #[cfg(feature = "trust-errors")]
    /// See [`RoleNotAssigned`].
    RoleNotAssigned(RoleNotAssigned),
    #[cfg(feature = "trust-errors")]
    /// See [`MasterCannotBeRemoved`].
    MasterCannotBeRemoved(MasterCannotBeRemoved),
    /// See [`ZeroAddress`].
    ZeroAddress(ZeroAddress),
    /// See [`BatchTooLarge`].
    BatchTooLarge(BatchTooLarge),
    /// See [`LengthMismatch`].
    LengthMismatch(LengthMismatch),
    #[cfg(feature = "trust-errors")]
    /// See [`NotPendingMaster`].
    NotPendingMaster(NotPendingMaster),
    /// See [`ServiceNotSet`].
    ServiceNotSet(ServiceNotSet),
    /// See [`ServiceCallFailed`].
    ServiceCallFailed(ServiceCallFailed),
    #[cfg(feature = "registry-errors")]
    /// See [`InvalidInvestorId`].
    InvalidInvestorId(InvalidInvestorId),
    /// See [`TextTooLong`].
    TextTooLong(TextTooLong),
    #[cfg(feature = "registry-errors")]
    /// See [`InvestorNotFound`].
    InvestorNotFound(InvestorNotFound),
    #[cfg(feature = "registry-errors")]
    /// See [`InvestorAlreadyExists`].
    InvestorAlreadyExists(InvestorAlreadyExists),
    #[cfg(feature = "registry-errors")]
    /// See [`InvestorHasWallets`].
    InvestorHasWallets(InvestorHasWallets),
    #[cfg(feature = "registry-errors")]
    /// See [`InvestorIdRetired`].
    InvestorIdRetired(InvestorIdRetired),
    #[cfg(feature = "registry-errors")]
    /// See [`NotInvestorCreator`].
    NotInvestorCreator(NotInvestorCreator),
    /// See [`InvalidCountry`].
    #[cfg(any(feature = "registry-errors", feature = "compliance-errors"))]
    InvalidCountry(InvalidCountry),
    #[cfg(feature = "registry-errors")]
    /// See [`InvalidAttribute`].
    InvalidAttribute(InvalidAttribute),
    #[cfg(feature = "registry-errors")]
    /// See [`InvalidAttributeValue`].
    InvalidAttributeValue(InvalidAttributeValue),
    #[cfg(feature = "registry-errors")]
    /// See [`InvalidExpiry`].
    InvalidExpiry(InvalidExpiry),
    #[cfg(feature = "registry-errors")]
    /// See [`WalletInUse`].
    WalletInUse(WalletInUse),
    #[cfg(any(feature = "registry-errors", feature = "aux-errors"))]
    /// See [`WalletNotOfInvestor`].
    WalletNotOfInvestor(WalletNotOfInvestor),
    #[cfg(feature = "registry-errors")]
    /// See [`WalletHasBalance`].
    WalletHasBalance(WalletHasBalance),
    #[cfg(feature = "registry-errors")]
    /// See [`NotSpecialWallet`].
    NotSpecialWallet(NotSpecialWallet),
    #[cfg(feature = "registry-errors")]
    /// See [`OwnerNotExchange`].
    OwnerNotExchange(OwnerNotExchange),
    #[cfg(feature = "trust-errors")]
    /// See [`InvalidEntityName`].
    InvalidEntityName(InvalidEntityName),
    #[cfg(feature = "trust-errors")]
    /// See [`EntityAlreadyExists`].
    EntityAlreadyExists(EntityAlreadyExists),
    #[cfg(feature = "trust-errors")]
    /// See [`EntityNotFound`].
    EntityNotFound(EntityNotFound),
    #[cfg(feature = "trust-errors")]
    /// See [`AlreadyEntityMember`].
    AlreadyEntityMember(AlreadyEntityMember),
    #[cfg(feature = "trust-errors")]
    /// See [`NotEntityMember`].
    NotEntityMember(NotEntityMember),
    #[cfg(feature = "trust-errors")]
    /// See [`EntityFull`].
    EntityFull(EntityFull),
    #[cfg(feature = "trust-errors")]
    /// See [`EntityNotEmpty`].
    EntityNotEmpty(EntityNotEmpty),
    #[cfg(feature = "comms-errors")]
    /// See [`InvalidNoticeCategory`].
    InvalidNoticeCategory(InvalidNoticeCategory),
    #[cfg(feature = "comms-errors")]
    /// See [`EmptyContentHash`].
    EmptyContentHash(EmptyContentHash),
    #[cfg(feature = "comms-errors")]
    /// See [`UriTooLong`].
    UriTooLong(UriTooLong),
    #[cfg(feature = "comms-errors")]
    /// See [`InvalidNoticeTarget`].
    InvalidNoticeTarget(InvalidNoticeTarget),
    #[cfg(any(
        feature = "comms-errors",
        feature = "distribution-errors",
        feature = "dvp-errors"
    ))]
    /// See [`InvalidDeadline`].
    InvalidDeadline(InvalidDeadline),
    #[cfg(feature = "comms-errors")]
    /// See [`NoticeNotFound`].
    NoticeNotFound(NoticeNotFound),
    #[cfg(feature = "comms-errors")]
    /// See [`NoticeIsRevoked`].
    NoticeIsRevoked(NoticeIsRevoked),
    #[cfg(feature = "comms-errors")]
    /// See [`NoticeExpired`].
    NoticeExpired(NoticeExpired),
    #[cfg(feature = "comms-errors")]
    /// See [`AlreadyAcknowledged`].
    AlreadyAcknowledged(AlreadyAcknowledged),
    #[cfg(feature = "comms-errors")]
    /// See [`NotNoticeTarget`].
    NotNoticeTarget(NotNoticeTarget),
    /// See [`NotAnInvestor`].
    #[cfg(any(
        feature = "compliance-errors",
        feature = "comms-errors",
        feature = "subscription-errors",
        feature = "redemption-errors"
    ))]
    NotAnInvestor(NotAnInvestor),
    #[cfg(feature = "comms-errors")]
    /// See [`PageTooLarge`].
    PageTooLarge(PageTooLarge),
    #[cfg(feature = "compliance-errors")]
    /// See [`OnlyToken`].
    OnlyToken(OnlyToken),
    #[cfg(any(feature = "compliance-errors", feature = "token-errors"))]
    /// See [`OnlyRegistry`].
    OnlyRegistry(OnlyRegistry),
    #[cfg(feature = "compliance-errors")]
    /// See [`UnknownRule`].
    UnknownRule(UnknownRule),
    #[cfg(feature = "compliance-errors")]
    /// See [`RuleValueOutOfRange`].
    RuleValueOutOfRange(RuleValueOutOfRange),
    #[cfg(feature = "compliance-errors")]
    /// See [`InvalidCountryStatus`].
    InvalidCountryStatus(InvalidCountryStatus),
    #[cfg(feature = "compliance-errors")]
    /// See [`AuthorizedSecuritiesExceeded`].
    AuthorizedSecuritiesExceeded(AuthorizedSecuritiesExceeded),
    #[cfg(feature = "compliance-errors")]
    /// See [`TooManyRecords`].
    TooManyRecords(TooManyRecords),
    #[cfg(feature = "compliance-errors")]
    /// See [`InvalidLock`].
    InvalidLock(InvalidLock),
    #[cfg(feature = "compliance-errors")]
    /// See [`LockNotFound`].
    LockNotFound(LockNotFound),
    /// See [`AmountTooLarge`].
    #[cfg(any(
        feature = "compliance-errors",
        feature = "token-errors",
        feature = "distribution-errors",
        feature = "dvp-errors",
        feature = "aux-errors",
        feature = "subscription-errors",
        feature = "redemption-errors"
    ))]
    AmountTooLarge(AmountTooLarge),
    #[cfg(feature = "compliance-errors")]
    /// See [`InvalidIssuanceTime`].
    InvalidIssuanceTime(InvalidIssuanceTime),
    #[cfg(feature = "compliance-errors")]
    /// See [`ZeroTime`].
    ZeroTime(ZeroTime),
    #[cfg(feature = "compliance-errors")]
    /// See [`SeizeTargetNotIssuerWallet`].
    SeizeTargetNotIssuerWallet(SeizeTargetNotIssuerWallet),
    #[cfg(any(feature = "token-errors", feature = "dvp-errors"))]
    /// See [`TransferRejected`].
    TransferRejected(TransferRejected),
    /// See [`IssuanceRejected`].
    #[cfg(feature = "token-errors")]
    IssuanceRejected(IssuanceRejected),
    /// See [`ERC20InsufficientBalance`].
    #[cfg(feature = "token-errors")]
    ERC20InsufficientBalance(ERC20InsufficientBalance),
    /// See [`ERC20InsufficientAllowance`].
    #[cfg(feature = "token-errors")]
    ERC20InsufficientAllowance(ERC20InsufficientAllowance),
    /// See [`ERC20InvalidReceiver`].
    #[cfg(feature = "token-errors")]
    ERC20InvalidReceiver(ERC20InvalidReceiver),
    /// See [`ERC20InvalidSpender`].
    #[cfg(feature = "token-errors")]
    ERC20InvalidSpender(ERC20InvalidSpender),
    /// See [`ERC7943InsufficientUnfrozenBalance`].
    #[cfg(feature = "token-errors")]
    ERC7943InsufficientUnfrozenBalance(ERC7943InsufficientUnfrozenBalance),
    /// See [`IndexOutOfRange`].
    #[cfg(feature = "token-errors")]
    IndexOutOfRange(IndexOutOfRange),
    /// See [`SnapshotNotFound`].
    #[cfg(feature = "token-errors")]
    SnapshotNotFound(SnapshotNotFound),
    /// See [`SnapshotLimitReached`].
    #[cfg(feature = "token-errors")]
    SnapshotLimitReached(SnapshotLimitReached),
    /// See [`SnapshotTooSoon`].
    #[cfg(feature = "token-errors")]
    SnapshotTooSoon(SnapshotTooSoon),
    #[cfg(feature = "distribution-errors")]
    /// See [`UnknownDistribution`].
    UnknownDistribution(UnknownDistribution),
    #[cfg(feature = "distribution-errors")]
    /// See [`DistributionExpired`].
    DistributionExpired(DistributionExpired),
    #[cfg(feature = "distribution-errors")]
    /// See [`DistributionNotEnded`].
    DistributionNotEnded(DistributionNotEnded),
    #[cfg(feature = "distribution-errors")]
    /// See [`AlreadyClaimed`].
    AlreadyClaimed(AlreadyClaimed),
    #[cfg(feature = "distribution-errors")]
    /// See [`NothingToClaim`].
    NothingToClaim(NothingToClaim),
    #[cfg(feature = "distribution-errors")]
    /// See [`AlreadyReclaimed`].
    AlreadyReclaimed(AlreadyReclaimed),
    #[cfg(any(
        feature = "distribution-errors",
        feature = "dvp-errors",
        feature = "nav-errors",
        feature = "subscription-errors",
        feature = "redemption-errors"
    ))]
    /// See [`ZeroAmount`].
    ZeroAmount(ZeroAmount),
    #[cfg(feature = "distribution-errors")]
    /// See [`EmptySnapshot`].
    EmptySnapshot(EmptySnapshot),
    #[cfg(any(
        feature = "distribution-errors",
        feature = "dvp-errors",
        feature = "subscription-errors",
        feature = "redemption-errors"
    ))]
    /// See [`PaymentFailed`].
    PaymentFailed(PaymentFailed),
    /// See [`UnknownSelector`].
    UnknownSelector(UnknownSelector),
    /// See [`FacetCalledDirectly`].
    #[cfg(any(
        feature = "compliance-errors",
        feature = "token-errors",
        feature = "registry-errors",
        feature = "subscription-errors",
        feature = "redemption-errors"
    ))]
    FacetCalledDirectly(FacetCalledDirectly),
    /// See [`UnknownFacet`].
    #[cfg(any(feature = "compliance-errors", feature = "token-errors"))]
    UnknownFacet(UnknownFacet),
    /// See [`SelectorNotRoutable`].
    #[cfg(feature = "token-errors")]
    SelectorNotRoutable(SelectorNotRoutable),
    #[cfg(feature = "dvp-errors")]
    /// See [`UnknownOffer`].
    UnknownOffer(UnknownOffer),
    #[cfg(feature = "dvp-errors")]
    /// See [`OfferNotOpen`].
    OfferNotOpen(OfferNotOpen),
    #[cfg(feature = "dvp-errors")]
    /// See [`OfferExpired`].
    OfferExpired(OfferExpired),
    #[cfg(feature = "dvp-errors")]
    /// See [`NotOfferBuyer`].
    NotOfferBuyer(NotOfferBuyer),
    #[cfg(feature = "dvp-errors")]
    /// See [`NotOfferSeller`].
    NotOfferSeller(NotOfferSeller),
    #[cfg(feature = "dvp-errors")]
    /// See [`InvalidFee`].
    InvalidFee(InvalidFee),
    #[cfg(feature = "dvp-errors")]
    /// See [`MatcherNotExchange`].
    MatcherNotExchange(MatcherNotExchange),
    #[cfg(any(
        feature = "dvp-errors",
        feature = "subscription-errors",
        feature = "redemption-errors"
    ))]
    /// See [`PaymentShortfall`].
    PaymentShortfall(PaymentShortfall),
    #[cfg(feature = "nav-errors")]
    /// See [`NotRateUpdater`].
    NotRateUpdater(NotRateUpdater),
    #[cfg(feature = "aux-errors")]
    /// See [`InvalidMultiplier`].
    InvalidMultiplier(InvalidMultiplier),
    #[cfg(feature = "aux-errors")]
    /// See [`TokenDecimalsNotSupported`].
    TokenDecimalsNotSupported(TokenDecimalsNotSupported),
    #[cfg(feature = "aux-errors")]
    /// See [`SharesRoundToZero`].
    SharesRoundToZero(SharesRoundToZero),
    #[cfg(feature = "aux-errors")]
    /// See [`EnforcedPause`].
    EnforcedPause(EnforcedPause),
    #[cfg(feature = "aux-errors")]
    /// See [`ExpectedPause`].
    ExpectedPause(ExpectedPause),
    #[cfg(feature = "aux-errors")]
    /// See [`WrongParameterLength`].
    WrongParameterLength(WrongParameterLength),
    #[cfg(feature = "aux-errors")]
    /// See [`TransactionExpired`].
    TransactionExpired(TransactionExpired),
    #[cfg(feature = "aux-errors")]
    /// See [`InvalidNonce`].
    InvalidNonce(InvalidNonce),
    #[cfg(feature = "aux-errors")]
    /// See [`NonceNotIncreased`].
    NonceNotIncreased(NonceNotIncreased),
    #[cfg(feature = "aux-errors")]
    /// See [`ECDSAInvalidSignature`].
    ECDSAInvalidSignature(ECDSAInvalidSignature),
    #[cfg(feature = "aux-errors")]
    /// See [`ECDSAInvalidSignatureLength`].
    ECDSAInvalidSignatureLength(ECDSAInvalidSignatureLength),
    #[cfg(feature = "aux-errors")]
    /// See [`ECDSAInvalidSignatureS`].
    ECDSAInvalidSignatureS(ECDSAInvalidSignatureS),
    #[cfg(feature = "aux-errors")]
    /// See [`SignerNotApprover`].
    SignerNotApprover(SignerNotApprover),
    #[cfg(feature = "subscription-errors")]
    /// See [`UnknownRound`].
    UnknownRound(UnknownRound),
    #[cfg(feature = "subscription-errors")]
    /// See [`RoundNotOpen`].
    RoundNotOpen(RoundNotOpen),
    #[cfg(feature = "subscription-errors")]
    /// See [`RoundNotEnded`].
    RoundNotEnded(RoundNotEnded),
    #[cfg(feature = "subscription-errors")]
    /// See [`RoundNotSettled`].
    RoundNotSettled(RoundNotSettled),
    #[cfg(feature = "subscription-errors")]
    /// See [`InvalidRoundTerms`].
    InvalidRoundTerms(InvalidRoundTerms),
    #[cfg(feature = "subscription-errors")]
    /// See [`HardCapExceeded`].
    HardCapExceeded(HardCapExceeded),
    #[cfg(feature = "subscription-errors")]
    /// See [`SubscriptionOutOfBounds`].
    SubscriptionOutOfBounds(SubscriptionOutOfBounds),
    #[cfg(feature = "subscription-errors")]
    /// See [`NothingOwed`].
    NothingOwed(NothingOwed),
    #[cfg(feature = "redemption-errors")]
    /// See [`UnknownRedemptionWindow`].
    UnknownRedemptionWindow(UnknownRedemptionWindow),
    #[cfg(feature = "redemption-errors")]
    /// See [`RedemptionWindowNotOpen`].
    RedemptionWindowNotOpen(RedemptionWindowNotOpen),
    #[cfg(feature = "redemption-errors")]
    /// See [`InvalidRedemptionTerms`].
    InvalidRedemptionTerms(InvalidRedemptionTerms),
    #[cfg(feature = "redemption-errors")]
    /// See [`UnknownRedemptionRequest`].
    UnknownRedemptionRequest(UnknownRedemptionRequest),
    #[cfg(feature = "redemption-errors")]
    /// See [`RedemptionNotPending`].
    RedemptionNotPending(RedemptionNotPending),
    #[cfg(feature = "redemption-errors")]
    /// See [`NotRedemptionRequester`].
    NotRedemptionRequester(NotRedemptionRequester),
    #[cfg(feature = "redemption-errors")]
    /// See [`RedemptionExceedsRedeemable`].
    RedemptionExceedsRedeemable(RedemptionExceedsRedeemable),
    #[cfg(feature = "redemption-errors")]
    /// See [`InsufficientRedemptionFunds`].
    InsufficientRedemptionFunds(InsufficientRedemptionFunds),
}

/// Shorthand constructors, so call sites stay one line.
impl DSError {
    /// The caller lacks the role the function requires.
    pub fn unauthorized(caller: alloy_primitives::Address, caller_role: u8) -> Self {
        Self::UnauthorizedCaller(UnauthorizedCaller {
            caller,
            callerRole: caller_role,
        })
    }

    /// A call to DS service `id` at `service` failed without revert data
    /// of its own to pass on.
    pub fn service_call_failed(id: u64, service: alloy_primitives::Address) -> Self {
        Self::ServiceCallFailed(ServiceCallFailed {
            serviceId: alloy_primitives::U256::from(id),
            service,
        })
    }

    /// [`UnknownSelector`] naming the selector of `calldata` (zero when
    /// shorter than one): what a facet's fallback answers.
    pub fn unknown_selector(calldata: &[u8]) -> Self {
        Self::UnknownSelector(UnknownSelector {
            selector: alloy_primitives::FixedBytes(crate::constants::selector_of(calldata)),
        })
    }

    /// A zero address was passed.
    pub fn zero_address() -> Self {
        Self::ZeroAddress(ZeroAddress {})
    }

    /// Fails with [`BatchTooLarge`] when `len` exceeds the protocol batch bound.
    pub fn check_batch(len: usize) -> Result<(), Self> {
        let max = crate::ids::limits::MAX_BATCH;
        if len > max {
            return Err(Self::BatchTooLarge(BatchTooLarge {
                length: alloy_primitives::U256::from(len),
                max: alloy_primitives::U256::from(max),
            }));
        }
        Ok(())
    }

    /// Fails with [`LengthMismatch`] unless both lengths agree.
    pub fn check_lengths(left: usize, right: usize) -> Result<(), Self> {
        if left != right {
            return Err(Self::LengthMismatch(LengthMismatch {
                left: alloy_primitives::U256::from(left),
                right: alloy_primitives::U256::from(right),
            }));
        }
        Ok(())
    }
}
