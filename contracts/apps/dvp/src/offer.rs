//! One offer as stored, and the pure rules on its terms and its taking
//! (testable without a host).

use alloy_primitives::{aliases::U128, Address, U256};
use ds_common::{
    errors::{
        AmountTooLarge, InvalidDeadline, InvalidFee, NotOfferBuyer, OfferExpired, OfferNotOpen,
        ZeroAmount,
    },
    DSError,
};
use stylus_sdk::{
    prelude::*,
    storage::{StorageAddress, StorageU128, StorageU256, StorageU64, StorageU8},
};

pub use ds_common::ids::offer_status as status;

/// An offer's terms, as its seller gave them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Terms {
    /// Who sells the DS tokens (the offer's creator).
    pub seller: Address,
    /// Who may take it; zero: any investor the token accepts.
    pub buyer: Address,
    /// DS tokens sold.
    pub amount: U256,
    /// The ERC-20 the price is paid in.
    pub payment_token: Address,
    /// The whole price, in payment-token units.
    pub price: U256,
    /// Last second (block time) the offer can be taken.
    pub expiry: u64,
    /// The exchange that brokered the offer (zero: none).
    pub matcher: Address,
    /// Part of the price paid to the matcher (0 without a matcher).
    pub fee: U256,
}

impl Terms {
    /// The creation rules at time `now`: amount and price above zero, the
    /// amount within 128 bits, a payment token that is not the DS token, an
    /// expiry in the future, a fee within the price (and 128 bits) and only
    /// with a matcher.
    ///
    /// # Errors
    /// `ZeroAmount`, `AmountTooLarge`, `ZeroAddress`, `InvalidDeadline`,
    /// `InvalidFee`.
    pub fn check(&self, ds_token: Address, now: u64) -> Result<(), DSError> {
        if self.amount.is_zero() || self.price.is_zero() {
            return Err(DSError::ZeroAmount(ZeroAmount {}));
        }
        if self.amount > U256::from(u128::MAX) {
            return Err(DSError::AmountTooLarge(AmountTooLarge {
                amount: self.amount,
            }));
        }
        if self.payment_token.is_zero() || self.payment_token == ds_token {
            return Err(DSError::zero_address());
        }
        if self.expiry <= now {
            return Err(DSError::InvalidDeadline(InvalidDeadline {
                deadline: self.expiry,
                now,
            }));
        }
        let fee_too_large = self.fee > self.price || self.fee > U256::from(u128::MAX);
        if fee_too_large || (self.matcher.is_zero() && !self.fee.is_zero()) {
            return Err(DSError::InvalidFee(InvalidFee {
                fee: self.fee,
                price: self.price,
            }));
        }
        Ok(())
    }

    /// What the seller receives: the price less the matcher's fee.
    pub fn proceeds(&self) -> U256 {
        self.price - self.fee
    }
}

/// Whether `caller` may take offer `id` (in state `state`, with `terms`) at
/// time `now`: open, not expired, and `caller` the named buyer (any caller
/// but the seller when none is named).
///
/// # Errors
/// `OfferNotOpen`, `OfferExpired`, `NotOfferBuyer`.
pub fn check_take(
    id: U256,
    state: u8,
    terms: &Terms,
    caller: Address,
    now: u64,
) -> Result<(), DSError> {
    if state != status::OPEN {
        return Err(DSError::OfferNotOpen(OfferNotOpen {
            offerId: id,
            status: state,
        }));
    }
    if now > terms.expiry {
        return Err(DSError::OfferExpired(OfferExpired {
            offerId: id,
            expiry: terms.expiry,
        }));
    }
    let named = !terms.buyer.is_zero();
    if (named && caller != terms.buyer) || caller == terms.seller {
        return Err(DSError::NotOfferBuyer(NotOfferBuyer {
            offerId: id,
            caller,
        }));
    }
    Ok(())
}

/// One offer in storage, packed into six slots (seller, expiry and status
/// share one; amount and fee another).
#[storage]
pub struct Record {
    /// See [`Terms::seller`].
    pub seller: StorageAddress,
    /// See [`Terms::expiry`].
    pub expiry: StorageU64,
    /// One of [`status`].
    pub status: StorageU8,
    /// See [`Terms::buyer`].
    pub buyer: StorageAddress,
    /// See [`Terms::payment_token`].
    pub payment_token: StorageAddress,
    /// See [`Terms::matcher`].
    pub matcher: StorageAddress,
    /// See [`Terms::amount`] (at most 128 bits: [`Terms::check`]).
    pub amount: StorageU128,
    /// See [`Terms::fee`] (at most 128 bits).
    pub fee: StorageU128,
    /// See [`Terms::price`].
    pub price: StorageU256,
}

impl Record {
    /// The stored terms.
    pub fn terms(&self) -> Terms {
        Terms {
            seller: self.seller.get(),
            buyer: self.buyer.get(),
            amount: U256::from(self.amount.get()),
            payment_token: self.payment_token.get(),
            price: self.price.get(),
            expiry: self.expiry.get().to(),
            matcher: self.matcher.get(),
            fee: U256::from(self.fee.get()),
        }
    }

    /// Stores `terms` (checked: amount and fee fit 128 bits) as an open offer.
    pub fn open(&mut self, terms: &Terms) {
        self.seller.set(terms.seller);
        self.expiry.set(alloy_primitives::U64::from(terms.expiry));
        self.set_status(status::OPEN);
        self.buyer.set(terms.buyer);
        self.payment_token.set(terms.payment_token);
        if !terms.matcher.is_zero() {
            self.matcher.set(terms.matcher);
        }
        self.amount.set(U128::saturating_from(terms.amount));
        self.fee.set(U128::saturating_from(terms.fee));
        self.price.set(terms.price);
    }

    /// The offer's [`status`].
    pub fn state(&self) -> u8 {
        self.status.get().to()
    }

    /// Moves the offer to `state`.
    pub fn set_status(&mut self, state: u8) {
        self.status.set(alloy_primitives::aliases::U8::from(state));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: Address = Address::repeat_byte(0x70);

    fn terms() -> Terms {
        Terms {
            seller: Address::repeat_byte(1),
            buyer: Address::ZERO,
            amount: U256::from(10),
            payment_token: Address::repeat_byte(9),
            price: U256::from(1_000),
            expiry: 2_000,
            matcher: Address::repeat_byte(4),
            fee: U256::from(10),
        }
    }

    #[test]
    fn good_terms_pass_and_pay_the_seller_the_price_less_the_fee() {
        assert_eq!(terms().check(TOKEN, 1_000), Ok(()));
        assert_eq!(terms().proceeds(), U256::from(990));
    }

    #[test]
    fn each_bad_term_is_refused_with_its_error() {
        let zero = || DSError::ZeroAmount(ZeroAmount {});
        let cases = [
            (
                Terms {
                    amount: U256::ZERO,
                    ..terms()
                },
                zero(),
            ),
            (
                Terms {
                    price: U256::ZERO,
                    ..terms()
                },
                zero(),
            ),
            (
                Terms {
                    payment_token: Address::ZERO,
                    ..terms()
                },
                DSError::zero_address(),
            ),
            (
                Terms {
                    payment_token: TOKEN,
                    ..terms()
                },
                DSError::zero_address(),
            ),
            (
                Terms {
                    expiry: 1_000,
                    ..terms()
                },
                DSError::InvalidDeadline(InvalidDeadline {
                    deadline: 1_000,
                    now: 1_000,
                }),
            ),
            (
                Terms {
                    fee: U256::from(1_001),
                    ..terms()
                },
                DSError::InvalidFee(InvalidFee {
                    fee: U256::from(1_001),
                    price: U256::from(1_000),
                }),
            ),
            (
                Terms {
                    matcher: Address::ZERO,
                    ..terms()
                },
                DSError::InvalidFee(InvalidFee {
                    fee: U256::from(10),
                    price: U256::from(1_000),
                }),
            ),
        ];
        for (bad, error) in cases {
            assert_eq!(bad.check(TOKEN, 1_000), Err(error), "{bad:?}");
        }
    }

    #[test]
    fn amounts_and_fees_beyond_128_bits_are_refused() {
        let huge = U256::from(u128::MAX) + U256::from(1);
        let big = Terms {
            amount: huge,
            ..terms()
        };
        assert_eq!(
            big.check(TOKEN, 1_000),
            Err(DSError::AmountTooLarge(AmountTooLarge { amount: huge }))
        );
        let big_fee = Terms {
            price: huge,
            fee: huge,
            ..terms()
        };
        assert_eq!(
            big_fee.check(TOKEN, 1_000),
            Err(DSError::InvalidFee(InvalidFee {
                fee: huge,
                price: huge
            }))
        );
    }

    #[test]
    fn only_an_open_unexpired_offer_is_taken_by_its_buyer() {
        let id = U256::from(3);
        let open = terms();
        let buyer = Address::repeat_byte(2);
        assert_eq!(check_take(id, status::OPEN, &open, buyer, 2_000), Ok(()));
        for state in [status::NONE, status::TAKEN, status::CANCELLED] {
            assert_eq!(
                check_take(id, state, &open, buyer, 1_000),
                Err(DSError::OfferNotOpen(OfferNotOpen {
                    offerId: id,
                    status: state
                }))
            );
        }
        assert_eq!(
            check_take(id, status::OPEN, &open, buyer, 2_001),
            Err(DSError::OfferExpired(OfferExpired {
                offerId: id,
                expiry: 2_000
            }))
        );
        let seller = open.seller;
        assert_eq!(
            check_take(id, status::OPEN, &open, seller, 1_000),
            Err(DSError::NotOfferBuyer(NotOfferBuyer {
                offerId: id,
                caller: seller
            }))
        );
        let named = Terms { buyer, ..open };
        let other = Address::repeat_byte(3);
        assert_eq!(
            check_take(id, status::OPEN, &named, other, 1_000),
            Err(DSError::NotOfferBuyer(NotOfferBuyer {
                offerId: id,
                caller: other
            }))
        );
    }
}
