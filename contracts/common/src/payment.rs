//! Payments in any ERC-20, as the DS apps make them: the receiver must get
//! exactly the amount sent.
//!
//! - A token that answers nothing (pre-ERC-20, like USDT on Ethereum) is
//!   accepted, as OpenZeppelin's SafeERC20 does; `false` or an undecodable
//!   answer is [`PaymentFailed`].
//! - A token that delivers less than sent (a fee on transfer) is refused
//!   with [`PaymentShortfall`]: the receiver's balance is read before and
//!   after.
//! - A token's own revert data is passed on unchanged.

use alloc::vec::Vec;
use alloy_primitives::{Address, U256};
use alloy_sol_types::{SolCall, SolValue};
use stylus_sdk::stylus_core::{
    calls::{MutatingCallContext, StaticCallContext},
    Host,
};

use crate::{
    consumer::passed_on,
    errors::{PaymentFailed, PaymentShortfall},
    DSError,
};

alloy_sol_types::sol! {
    /// The ERC-20 calls of a payment token, encoded by hand so that an
    /// empty answer can be accepted.
    interface IPaymentToken {
        function transfer(address to, uint256 value) external returns (bool);
        function transferFrom(address from, address to, uint256 value) external returns (bool);
        function balanceOf(address owner) external view returns (uint256);
    }
}

/// Revert data: an encoded custom error (ours or the token's).
pub type Revert = Vec<u8>;

/// One payment: `amount` of `token` from `from` to `to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Payment {
    /// The ERC-20.
    pub token: Address,
    /// Who pays (the calling contract itself for [`send`]).
    pub from: Address,
    /// Who must receive exactly `amount`.
    pub to: Address,
    /// Token units.
    pub amount: U256,
}

impl Payment {
    fn failed(&self) -> DSError {
        DSError::PaymentFailed(PaymentFailed {
            token: self.token,
            from: self.from,
            to: self.to,
            amount: self.amount,
        })
    }
}

/// `owner`'s balance of `token`.
pub fn balance_of<H: Host + ?Sized>(
    vm: &H,
    context: impl StaticCallContext,
    token: Address,
    owner: Address,
) -> Result<U256, Revert> {
    let failed = || {
        DSError::PaymentFailed(PaymentFailed {
            token,
            from: owner,
            to: owner,
            amount: U256::ZERO,
        })
    };
    let data = IPaymentToken::balanceOfCall { owner }.abi_encode();
    let answer = stylus_sdk::call::static_call(vm, context, token, &data)
        .map_err(|e| passed_on(e, failed))?;
    U256::abi_decode(&answer).map_err(|_| failed().into())
}

/// Makes `payment` with `transferFrom` (within the allowance `from` gave
/// the calling contract) when `from` is not the caller, else with
/// `transfer`; `to` must receive exactly the amount.
pub fn pay<H: Host + ?Sized>(
    vm: &H,
    context: impl MutatingCallContext,
    payment: Payment,
) -> Result<(), Revert> {
    let Payment {
        token,
        from,
        to,
        amount,
    } = payment;
    let before = balance_of(vm, stylus_sdk::prelude::Call::new(), token, to)?;
    let data = if from == vm.contract_address() {
        IPaymentToken::transferCall { to, value: amount }.abi_encode()
    } else {
        IPaymentToken::transferFromCall {
            from,
            to,
            value: amount,
        }
        .abi_encode()
    };
    let answer = stylus_sdk::call::call(vm, context, token, &data)
        .map_err(|e| passed_on(e, || payment.failed()))?;
    // No answer (a pre-ERC-20 token) or `true`; anything else refuses.
    if !answer.is_empty() && !matches!(bool::abi_decode(&answer), Ok(true)) {
        return Err(payment.failed().into());
    }
    let after = balance_of(vm, stylus_sdk::prelude::Call::new(), token, to)?;
    let received = after.saturating_sub(before);
    if received != amount {
        return Err(DSError::PaymentShortfall(PaymentShortfall {
            token,
            expected: amount,
            received,
        })
        .into());
    }
    Ok(())
}

/// [`pay`] of `amount` of `token` from `from` (`app` itself: a transfer)
/// to `to`, made by `app`, the calling contract's top-level storage (a
/// mutating call context): every DS app's payment leg.
pub fn pay_as<S>(
    app: &mut S,
    token: Address,
    from: Address,
    to: Address,
    amount: U256,
) -> Result<(), Revert>
where
    S: stylus_sdk::prelude::TopLevelStorage + stylus_sdk::stylus_core::HostAccess,
{
    let context = stylus_sdk::prelude::Call::new_mutating(app);
    let payment = Payment {
        token,
        from,
        to,
        amount,
    };
    pay(app.vm(), context, payment)
}
