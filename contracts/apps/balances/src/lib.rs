//! DS v4's `BulkBalanceChecker`: the balances of many wallets in one ERC-20
//! (the DS token or any other), in one call, for indexers and back offices.
//! It keeps no state and has no owner; a balance the token refuses to
//! answer fails the whole call with the token's revert data
//! (`ServiceCallFailed(0, token)` when it gave none).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
// The SDK's `#[entrypoint]` adds an undocumented `user_entrypoint` to the
// Wasm build, `#[public]` undocumented items to the ABI export; documentation
// is checked on the native build (clippy).
#![cfg_attr(
    any(target_arch = "wasm32", feature = "export-abi"),
    allow(missing_docs)
)]
extern crate alloc;

use alloc::vec::Vec;
use alloy_primitives::{Address, U256};
use ds_common::{consumer::passed_on, interfaces::IDSTokenBalances, DSError};
use stylus_sdk::prelude::*;

/// The balance checker (no storage).
#[storage]
#[entrypoint]
pub struct BulkBalanceChecker {}

#[public]
impl BulkBalanceChecker {
    /// DS: `token.balanceOf(wallets[i])` for every wallet, in order.
    pub fn get_token_balances(
        &self,
        token: Address,
        wallets: Vec<Address>,
    ) -> Result<Vec<U256>, Vec<u8>> {
        let erc20 = IDSTokenBalances::new(token);
        wallets
            .into_iter()
            .map(|wallet| {
                erc20
                    .balance_of(self.vm(), Call::new(), wallet)
                    // Not a DS service: id 0 names the token itself.
                    .map_err(|e| passed_on(e, || DSError::service_call_failed(0, token)))
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_primitives::address;
    use alloy_sol_types::{sol, SolCall, SolValue};
    use ds_testing::MockHost;

    sol! {
        function balanceOf(address wallet) external view returns (uint256);
    }

    const TOKEN: Address = address!("0000000000000000000000000000000000002222");

    #[test]
    fn answers_each_wallet_in_order() {
        let host = MockHost::new();
        let checker = BulkBalanceChecker::from(&host);
        let wallets = [Address::repeat_byte(1), Address::repeat_byte(2)];
        for (i, wallet) in wallets.iter().enumerate() {
            host.mock_static(
                TOKEN,
                balanceOfCall { wallet: *wallet }.abi_encode(),
                Ok(U256::from(10 * (i + 1)).abi_encode()),
            );
        }
        assert_eq!(
            checker.get_token_balances(TOKEN, wallets.to_vec()),
            Ok(vec![U256::from(10), U256::from(20)])
        );
        assert_eq!(checker.get_token_balances(TOKEN, Vec::new()), Ok(vec![]));
    }

    #[test]
    fn a_refused_balance_fails_the_call_with_the_tokens_data() {
        let host = MockHost::new();
        let checker = BulkBalanceChecker::from(&host);
        let wallet = Address::repeat_byte(3);
        host.mock_static(
            TOKEN,
            balanceOfCall { wallet }.abi_encode(),
            Err(vec![0xde, 0xad]),
        );
        assert_eq!(
            checker.get_token_balances(TOKEN, vec![wallet]),
            Err(vec![0xde, 0xad])
        );
    }
}
