//! The DvP app end to end on the real Wasm: both legs of a trade in one
//! transaction or neither, the delivery under the DS token's full transfer
//! check (refusals carry the DS code and reason), the matcher's fee, and
//! the offer's life (expiry, cancellation, no second settlement), and
//! payment tokens that return nothing, charge a fee on transfer or call
//! back into the app (`devnet/fixtures/odd-token`).

use ds_e2e::{
    abi::{IDSToken, IDvP, IPaymentToken, OfferTaken, TransferRejected},
    apps::deploy_dvp,
    ids::{attribute, code, offer_status, region},
    u, Address, ReceiptExt, Suite, U256,
};

/// A suite with the DvP app: `seller` (US investor) holds 100 DS tokens,
/// `buyer` (US investor) 5,000 payment units; both approved the app.
struct Trade {
    s: Suite,
    app: Address,
    pay: Address,
    seller: Address,
    buyer: Address,
}

fn trade() -> Trade {
    let mut s = Suite::new();
    s.set_countries(&[("US", region::US), ("CU", region::FORBIDDEN)]);
    let seller = s.new_investor("dvp-seller", "US", &[attribute::KYC_APPROVED]);
    let buyer = s.new_investor("dvp-buyer", "US", &[attribute::KYC_APPROVED]);
    s.issue(seller, 100).expect_ok("issue to the seller");
    let (app, pay) = deploy_dvp(&mut s);
    let issuer = s.issuer;
    s.must(
        issuer,
        pay,
        &IPaymentToken::transferCall {
            to: buyer,
            value: u(5_000),
        },
    );
    let token = s.token();
    s.must(
        seller,
        token,
        &IDSToken::approveCall {
            spender: app,
            value: u(100),
        },
    );
    s.must(
        buyer,
        pay,
        &IPaymentToken::approveCall {
            spender: app,
            value: u(5_000),
        },
    );
    Trade {
        s,
        app,
        pay,
        seller,
        buyer,
    }
}

impl Trade {
    /// The seller offers `amount` to `buyer` for `price`, `fee` of it to
    /// the suite's exchange (none when 0), for an hour.
    fn offer(&mut self, buyer: Address, amount: u64, price: u64, fee: u64) -> U256 {
        let matcher = if fee == 0 {
            Address::ZERO
        } else {
            self.s.exchange
        };
        let expiry = self.s.now() + 3_600;
        let call = IDvP::createOfferCall {
            buyer,
            amount: u(amount),
            payment_token: self.pay,
            price: u(price),
            expiry,
            matcher,
            fee: u(fee),
        };
        let r = self.s.must(self.seller, self.app, &call);
        r.decode::<IDvP::createOfferCall>().expect("an offer id")
    }

    fn paid(&mut self, who: Address) -> U256 {
        self.s
            .view(self.pay, &IPaymentToken::balanceOfCall { owner: who })
    }

    /// (seller's DS, buyer's DS, seller's payment, buyer's payment).
    fn books(&mut self) -> (U256, U256, U256, U256) {
        let (seller, buyer) = (self.seller, self.buyer);
        (
            self.s.balance(seller),
            self.s.balance(buyer),
            self.paid(seller),
            self.paid(buyer),
        )
    }
}

#[test]
fn both_legs_move_in_one_transaction_and_the_matcher_is_paid() {
    let mut t = trade();
    let id = t.offer(t.buyer, 10, 1_000, 25);
    let (app, buyer, seller) = (t.app, t.buyer, t.seller);
    let r = t.s.must(buyer, app, &IDvP::takeOfferCall { offer_id: id });
    assert_eq!(t.books(), (u(90), u(10), u(975), u(4_000)));
    let exchange = t.s.exchange;
    assert_eq!(t.paid(exchange), u(25), "the matcher's fee");
    let taken = r.events::<OfferTaken>();
    assert_eq!(
        (
            taken[0].offerId,
            taken[0].buyer,
            taken[0].amount,
            taken[0].price,
            taken[0].fee
        ),
        (id, buyer, u(10), u(1_000), u(25))
    );
    let transfers = r.events::<ds_e2e::abi::Transfer>();
    assert!(
        transfers
            .iter()
            .any(|e| e.from == seller && e.to == buyer && e.value == u(10)),
        "the DS token's Transfer"
    );
    // No second settlement.
    let again = t.s.send(buyer, app, &IDvP::takeOfferCall { offer_id: id });
    assert_eq!(
        again.revert_error::<ds_e2e::abi::OfferNotOpen>(),
        Some(ds_e2e::abi::OfferNotOpen {
            offerId: id,
            status: offer_status::TAKEN
        })
    );
}

#[test]
fn a_compliance_refusal_moves_neither_leg_and_names_the_ds_code() {
    let mut t = trade();
    let stranger = t.s.wallet("dvp-stranger");
    let issuer = t.s.issuer;
    let pay = t.pay;
    t.s.must(
        issuer,
        pay,
        &IPaymentToken::transferCall {
            to: stranger,
            value: u(1_000),
        },
    );
    let app = t.app;
    t.s.must(
        stranger,
        pay,
        &IPaymentToken::approveCall {
            spender: app,
            value: u(1_000),
        },
    );
    let id = t.offer(Address::ZERO, 10, 500, 0);
    let before = t.books();
    let r =
        t.s.send(stranger, app, &IDvP::takeOfferCall { offer_id: id });
    assert_eq!(
        r.revert_error::<TransferRejected>(),
        Some(TransferRejected {
            code: u(code::WALLET_NOT_IN_REGISTRY_SERVICE.into()),
            reason: code::reason(code::WALLET_NOT_IN_REGISTRY_SERVICE).into()
        })
    );
    assert_eq!(t.books(), before);
    assert_eq!(t.paid(stranger), u(1_000), "the stranger paid nothing");
    // A forbidden country: code 26.
    let cuban = t.s.new_investor("dvp-cu", "CU", &[attribute::KYC_APPROVED]);
    t.s.must(
        issuer,
        pay,
        &IPaymentToken::transferCall {
            to: cuban,
            value: u(500),
        },
    );
    t.s.must(
        cuban,
        pay,
        &IPaymentToken::approveCall {
            spender: app,
            value: u(500),
        },
    );
    let r = t.s.send(cuban, app, &IDvP::takeOfferCall { offer_id: id });
    assert_eq!(
        r.transfer_rejection(),
        Some((
            code::DESTINATION_RESTRICTED,
            code::reason(code::DESTINATION_RESTRICTED).into()
        ))
    );
    assert_eq!(t.paid(cuban), u(500));
}

#[test]
fn a_failing_delivery_rolls_the_payment_back() {
    let mut t = trade();
    let id = t.offer(t.buyer, 10, 1_000, 0);
    // The seller withdraws the app's allowance after offering.
    let (token, app, seller, buyer) = (t.s.token(), t.app, t.seller, t.buyer);
    t.s.must(
        seller,
        token,
        &IDSToken::approveCall {
            spender: app,
            value: u(0),
        },
    );
    let before = t.books();
    let r = t.s.send(buyer, app, &IDvP::takeOfferCall { offer_id: id });
    assert_eq!(
        r.revert_error::<ds_e2e::abi::ERC20InsufficientAllowance>(),
        Some(ds_e2e::abi::ERC20InsufficientAllowance {
            spender: app,
            allowance: u(0),
            needed: u(10)
        })
    );
    assert_eq!(t.books(), before, "the buyer's payment came back");
    assert_eq!(
        t.s.view(app, &IDvP::getOfferCall { offer_id: id })._8,
        offer_status::OPEN,
        "still open"
    );
}

#[test]
fn a_missing_payment_allowance_delivers_nothing() {
    let mut t = trade();
    let id = t.offer(t.buyer, 10, 1_000, 0);
    let (pay, app, buyer) = (t.pay, t.app, t.buyer);
    t.s.must(
        buyer,
        pay,
        &IPaymentToken::approveCall {
            spender: app,
            value: u(10),
        },
    );
    let before = t.books();
    let r = t.s.send(buyer, app, &IDvP::takeOfferCall { offer_id: id });
    assert!(!r.success, "refused");
    assert_eq!(t.books(), before);
}

#[test]
fn an_offer_expires_and_its_seller_alone_cancels_it() {
    let mut t = trade();
    let id = t.offer(t.buyer, 10, 1_000, 0);
    let (app, buyer, seller) = (t.app, t.buyer, t.seller);
    let r =
        t.s.send(buyer, app, &IDvP::cancelOfferCall { offer_id: id });
    assert_eq!(
        r.revert_error::<ds_e2e::abi::NotOfferSeller>(),
        Some(ds_e2e::abi::NotOfferSeller {
            offerId: id,
            caller: buyer
        })
    );
    t.s.advance(3_601);
    let r = t.s.send(buyer, app, &IDvP::takeOfferCall { offer_id: id });
    assert!(r.revert_error::<ds_e2e::abi::OfferExpired>().is_some());
    let r =
        t.s.must(seller, app, &IDvP::cancelOfferCall { offer_id: id });
    assert_eq!(r.events::<ds_e2e::abi::OfferCancelled>()[0].offerId, id);
    assert_eq!(
        t.s.view(app, &IDvP::getOfferCall { offer_id: id })._8,
        offer_status::CANCELLED
    );
}

#[test]
fn a_matcher_must_be_an_exchange() {
    let mut t = trade();
    let (app, pay, seller) = (t.app, t.pay, t.seller);
    let nobody = t.s.wallet("dvp-not-an-exchange");
    let expiry = t.s.now() + 60;
    let r = t.s.send(
        seller,
        app,
        &IDvP::createOfferCall {
            buyer: Address::ZERO,
            amount: u(1),
            payment_token: pay,
            price: u(1),
            expiry,
            matcher: nobody,
            fee: u(0),
        },
    );
    assert_eq!(
        r.revert_error::<ds_e2e::abi::MatcherNotExchange>(),
        Some(ds_e2e::abi::MatcherNotExchange {
            matcher: nobody,
            role: 0
        })
    );
    assert_eq!(t.s.view(app, &IDvP::offerCountCall {}), u(0));
}

alloy_sol_types::sol! {
    /// The odd-token fixture (`devnet/fixtures/odd-token`).
    interface IOddToken {
        function approve(address spender, uint256 value) external returns (bool);
        function balanceOf(address owner) external view returns (uint256);
        function transfer(address to, uint256 value) external returns (bool);
        function setCallback(bytes data) external;
        function callbackSucceeded() external view returns (bool);
    }
}

/// The odd-token fixture's modes.
const NO_RETURN: u8 = 1;
const FEE_ON_TRANSFER: u8 = 2;
const CALLBACK: u8 = 3;

/// A trade paid in an odd token of `mode` (the buyer holds 5,000 and
/// approved the app): the token and offer 1 (10 DS tokens for 1,000).
fn odd_trade(mode: u8) -> (Trade, Address, U256) {
    use alloy_sol_types::SolValue;
    let mut t = trade();
    let master = t.s.master;
    let args = (t.buyer, u(5_000), U256::from(mode)).abi_encode_params();
    let odd =
        t.s.net
            .deploy(&ds_e2e::wasm("odd_token"), master, &args)
            .unwrap_or_else(|r| panic!("odd token: {}", r.outcome()));
    let (buyer, app) = (t.buyer, t.app);
    t.s.must(
        buyer,
        odd,
        &IOddToken::approveCall {
            spender: app,
            value: u(5_000),
        },
    );
    t.pay = odd;
    let id = t.offer(buyer, 10, 1_000, 0);
    (t, odd, id)
}

#[test]
fn a_payment_token_that_returns_nothing_is_accepted() {
    let (mut t, odd, id) = odd_trade(NO_RETURN);
    let (app, buyer, seller) = (t.app, t.buyer, t.seller);
    t.s.must(buyer, app, &IDvP::takeOfferCall { offer_id: id });
    assert_eq!(
        t.s.view(odd, &IOddToken::balanceOfCall { owner: seller }),
        u(1_000)
    );
    assert_eq!(t.s.balance(buyer), u(10));
}

#[test]
fn a_fee_on_transfer_token_is_refused_and_nothing_moves() {
    let (mut t, odd, id) = odd_trade(FEE_ON_TRANSFER);
    let (app, buyer, seller) = (t.app, t.buyer, t.seller);
    let r = t.s.send(buyer, app, &IDvP::takeOfferCall { offer_id: id });
    assert_eq!(
        r.revert_error::<ds_e2e::abi::PaymentShortfall>(),
        Some(ds_e2e::abi::PaymentShortfall {
            token: odd,
            expected: u(1_000),
            received: u(990)
        })
    );
    assert_eq!(
        t.s.view(odd, &IOddToken::balanceOfCall { owner: buyer }),
        u(5_000)
    );
    assert_eq!(t.s.balance(seller), u(100));
}

/// A payment token that calls back into the app during the payment (to
/// take the same offer twice) is refused re-entry; the trade settles once.
#[test]
fn a_payment_token_cannot_reenter_the_app() {
    use alloy_sol_types::SolCall;
    let (mut t, odd, id) = odd_trade(CALLBACK);
    let (app, buyer, seller) = (t.app, t.buyer, t.seller);
    let again = IDvP::takeOfferCall { offer_id: id }.abi_encode();
    t.s.must(
        buyer,
        odd,
        &IOddToken::setCallbackCall { data: again.into() },
    );
    t.s.must(buyer, app, &IDvP::takeOfferCall { offer_id: id });
    assert!(
        !t.s.view(odd, &IOddToken::callbackSucceededCall {}),
        "re-entry refused"
    );
    assert_eq!(t.s.balance(buyer), u(10), "delivered once");
    assert_eq!(t.s.balance(seller), u(90));
    assert_eq!(
        t.s.view(odd, &IOddToken::balanceOfCall { owner: seller }),
        u(1_000)
    );
}
