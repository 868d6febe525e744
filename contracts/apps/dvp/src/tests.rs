//! Native tests of the DvP app. Trust (`getRole`), the DS token
//! (`preTransferCheck`, `transferFrom`) and the payment ERC-20
//! (`transferFrom`, `balanceOf`) are exact call mocks. A mock answers the
//! same every time, so a payment is never seen to arrive here: the happy
//! path runs end to end on the devnet (`tests/tests/dvp.rs`).

use super::*;
use alloy_primitives::address;
use alloy_sol_types::{sol, SolCall, SolEvent, SolValue};
use ds_common::errors::{
    InvalidFee, MatcherNotExchange, NotOfferBuyer, NotOfferSeller, OfferExpired, OfferNotOpen,
    PaymentShortfall, ServiceNotSet, TransferRejected, UnauthorizedCaller, UnknownOffer,
};
use ds_testing::MockHost;

sol! {
    function getRole(address target) external view returns (uint8);
    function preTransferCheck(address from, address to, uint256 value) external view returns (uint256, string);
    function transferFrom(address from, address to, uint256 value) external returns (bool);
    function balanceOf(address owner) external view returns (uint256);
}

const TRUST: Address = address!("0000000000000000000000000000000000007777");
const TOKEN: Address = address!("0000000000000000000000000000000000002222");
const PAY: Address = address!("000000000000000000000000000000000000cafe");
const MASTER: Address = address!("00000000000000000000000000000000000000a1");
const EXCHANGE: Address = address!("00000000000000000000000000000000000000c4");
const SELLER: Address = address!("000000000000000000000000000000000000a11c");
const BUYER: Address = address!("0000000000000000000000000000000000000b0b");
const OTHER: Address = address!("000000000000000000000000000000000000ca01");

const NOW: u64 = 1_700_000_000;
const EXPIRY: u64 = NOW + 3_600;

fn u(v: u64) -> U256 {
    U256::from(v)
}

fn mock_role(host: &MockHost, who: Address, r: u8) {
    host.mock_static(
        TRUST,
        getRoleCall { target: who }.abi_encode(),
        Ok(U256::from(r).abi_encode()),
    );
}

/// A DvP wired to Trust and the token, at time `NOW`.
fn deployed() -> (MockHost, DvP) {
    let host = MockHost::new();
    host.vm.set_block_timestamp(NOW);
    let mut app = DvP::from(&host);
    host.vm.set_sender(ds_common::deployer::STYLUS_DEPLOYER);
    app.constructor(TRUST).unwrap();
    mock_role(&host, MASTER, role::MASTER);
    mock_role(&host, EXCHANGE, role::EXCHANGE);
    mock_role(&host, OTHER, role::NONE);
    host.vm.set_sender(MASTER);
    app.set_ds_service(u(service::DS_TOKEN), TOKEN).unwrap();
    (host, app)
}

/// `SELLER` offers 10 tokens to `buyer` for 1,000 (fee 10 to the exchange).
fn offer(host: &MockHost, app: &mut DvP, buyer: Address) -> U256 {
    host.vm.set_sender(SELLER);
    app.create_offer(buyer, u(10), PAY, u(1_000), EXPIRY, EXCHANGE, u(10))
        .unwrap()
}

fn last<E: SolEvent>(host: &MockHost) -> E {
    let logs = host.vm.get_emitted_logs();
    let (topics, data) = logs.last().expect("a log");
    E::decode_raw_log(topics.iter().copied(), data).expect("the event")
}

#[test]
fn an_offer_is_recorded_and_announced() {
    let (host, mut app) = deployed();
    let id = offer(&host, &mut app, BUYER);
    assert_eq!(id, u(1));
    assert_eq!(app.offer_count(), u(1));
    assert_eq!(
        app.get_offer(id),
        Ok((
            SELLER,
            BUYER,
            u(10),
            PAY,
            u(1_000),
            EXPIRY,
            EXCHANGE,
            u(10),
            status::OPEN
        ))
    );
    let created = last::<OfferCreated>(&host);
    assert_eq!(
        (
            created.offerId,
            created.seller,
            created.buyer,
            created.price,
            created.fee
        ),
        (id, SELLER, BUYER, u(1_000), u(10))
    );
}

#[test]
fn bad_terms_and_a_matcher_that_is_no_exchange_write_nothing() {
    let (host, mut app) = deployed();
    host.vm.set_sender(SELLER);
    let before = host.vm.get_emitted_logs().len();
    assert_eq!(
        app.create_offer(BUYER, u(10), PAY, u(1_000), EXPIRY, Address::ZERO, u(1)),
        Err(DSError::InvalidFee(InvalidFee {
            fee: u(1),
            price: u(1_000)
        }))
    );
    assert_eq!(
        app.create_offer(BUYER, u(10), PAY, u(1_000), EXPIRY, OTHER, u(0)),
        Err(DSError::MatcherNotExchange(MatcherNotExchange {
            matcher: OTHER,
            role: role::NONE
        }))
    );
    assert_eq!(app.offer_count(), u(0));
    assert_eq!(host.vm.get_emitted_logs().len(), before);
}

#[test]
fn without_a_ds_token_no_offer_is_made() {
    let host = MockHost::new();
    host.vm.set_block_timestamp(NOW);
    let mut app = DvP::from(&host);
    host.vm.set_sender(ds_common::deployer::STYLUS_DEPLOYER);
    app.constructor(TRUST).unwrap();
    host.vm.set_sender(SELLER);
    assert_eq!(
        app.create_offer(BUYER, u(10), PAY, u(1_000), EXPIRY, Address::ZERO, u(0)),
        Err(DSError::ServiceNotSet(ServiceNotSet {
            serviceId: u(service::DS_TOKEN)
        }))
    );
}

#[test]
fn only_the_seller_cancels_an_open_offer_once() {
    let (host, mut app) = deployed();
    let id = offer(&host, &mut app, BUYER);
    host.vm.set_sender(BUYER);
    assert_eq!(
        app.cancel_offer(id),
        Err(DSError::NotOfferSeller(NotOfferSeller {
            offerId: id,
            caller: BUYER
        }))
    );
    host.vm.set_sender(SELLER);
    assert_eq!(app.cancel_offer(id), Ok(true));
    assert_eq!(last::<OfferCancelled>(&host).offerId, id);
    assert_eq!(
        app.cancel_offer(id),
        Err(DSError::OfferNotOpen(OfferNotOpen {
            offerId: id,
            status: status::CANCELLED
        }))
    );
    assert_eq!(
        app.cancel_offer(u(9)),
        Err(DSError::UnknownOffer(UnknownOffer { offerId: u(9) }))
    );
}

/// Reverts of `take_offer` as the errors they encode.
fn taken(app: &mut DvP, id: U256) -> Result<bool, Vec<u8>> {
    app.take_offer(id)
}

#[test]
fn taking_is_refused_to_others_after_expiry_and_on_a_ds_refusal() {
    let (host, mut app) = deployed();
    let id = offer(&host, &mut app, BUYER);
    host.vm.set_sender(OTHER);
    assert_eq!(
        taken(&mut app, id),
        Err(DSError::NotOfferBuyer(NotOfferBuyer {
            offerId: id,
            caller: OTHER
        })
        .into())
    );
    // The token's rules refuse: the DS code and reason, nothing moves.
    host.vm.set_sender(BUYER);
    host.mock_static(
        TOKEN,
        preTransferCheckCall {
            from: SELLER,
            to: BUYER,
            value: u(10),
        }
        .abi_encode(),
        Ok((u(26), String::from("Destination restricted")).abi_encode_params()),
    );
    assert_eq!(
        taken(&mut app, id),
        Err(DSError::TransferRejected(TransferRejected {
            code: u(26),
            reason: "Destination restricted".into()
        })
        .into())
    );
    assert_eq!(app.get_offer(id).unwrap().8, status::OPEN, "still open");
    host.vm.set_block_timestamp(EXPIRY + 1);
    assert_eq!(
        taken(&mut app, id),
        Err(DSError::OfferExpired(OfferExpired {
            offerId: id,
            expiry: EXPIRY
        })
        .into())
    );
}

#[test]
fn a_payment_that_does_not_arrive_whole_is_refused() {
    let (host, mut app) = deployed();
    let id = offer(&host, &mut app, BUYER);
    host.vm.set_sender(BUYER);
    host.mock_static(
        TOKEN,
        preTransferCheckCall {
            from: SELLER,
            to: BUYER,
            value: u(10),
        }
        .abi_encode(),
        Ok((u(0), String::from("Valid")).abi_encode_params()),
    );
    // The seller's balance does not move: a fee-on-transfer token, say.
    host.mock_static(
        PAY,
        balanceOfCall { owner: SELLER }.abi_encode(),
        Ok(u(5).abi_encode()),
    );
    host.mock_call(
        PAY,
        transferFromCall {
            from: BUYER,
            to: SELLER,
            value: u(990),
        }
        .abi_encode(),
        Ok(true.abi_encode()),
    );
    assert_eq!(
        taken(&mut app, id),
        Err(DSError::PaymentShortfall(PaymentShortfall {
            token: PAY,
            expected: u(990),
            received: u(0)
        })
        .into())
    );
}

#[test]
fn set_ds_service_is_for_the_master() {
    let (host, mut app) = deployed();
    host.vm.set_sender(OTHER);
    assert_eq!(
        app.set_ds_service(u(service::DS_TOKEN), OTHER),
        Err(DSError::UnauthorizedCaller(UnauthorizedCaller {
            caller: OTHER,
            callerRole: role::NONE
        }))
    );
    assert_eq!(app.get_ds_service(u(service::DS_TOKEN)), TOKEN);
}
