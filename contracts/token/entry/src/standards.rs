//! ERC-165 interface ids of the standards the token implements, computed
//! from the selectors at compile time.
#![allow(missing_docs)]

use alloy_sol_types::{sol, SolCall};

sol! {
    interface IERC165 { function supportsInterface(bytes4 interfaceId) external view returns (bool); }
    interface IERC20 {
        function totalSupply() external view returns (uint256);
        function balanceOf(address account) external view returns (uint256);
        function transfer(address to, uint256 value) external returns (bool);
        function allowance(address owner, address spender) external view returns (uint256);
        function approve(address spender, uint256 value) external returns (bool);
        function transferFrom(address from, address to, uint256 value) external returns (bool);
    }
    interface IERC1404 {
        function detectTransferRestriction(address from, address to, uint256 value) external view returns (uint8);
        function messageForTransferRestriction(uint8 restrictionCode) external view returns (string);
    }
    interface IERC7943Fungible {
        function forcedTransfer(address from, address to, uint256 amount) external returns (bool);
        function setFrozenTokens(address account, uint256 amount) external returns (bool);
        function canSend(address account) external view returns (bool);
        function canReceive(address account) external view returns (bool);
        function getFrozenTokens(address account) external view returns (uint256);
        function canTransfer(address from, address to, uint256 amount) external view returns (bool);
    }
}

const fn id(selector: [u8; 4]) -> u32 {
    u32::from_be_bytes(selector)
}

/// ERC-165 itself.
pub const ERC165: u32 = id(IERC165::supportsInterfaceCall::SELECTOR);
/// ERC-20.
pub const ERC20: u32 = id(IERC20::totalSupplyCall::SELECTOR)
    ^ id(IERC20::balanceOfCall::SELECTOR)
    ^ id(IERC20::transferCall::SELECTOR)
    ^ id(IERC20::allowanceCall::SELECTOR)
    ^ id(IERC20::approveCall::SELECTOR)
    ^ id(IERC20::transferFromCall::SELECTOR);
/// ERC-1404 (simple restricted token).
pub const ERC1404: u32 = id(IERC1404::detectTransferRestrictionCall::SELECTOR)
    ^ id(IERC1404::messageForTransferRestrictionCall::SELECTOR);
/// ERC-7943 (uRWA), fungible interface.
pub const ERC7943: u32 = id(IERC7943Fungible::forcedTransferCall::SELECTOR)
    ^ id(IERC7943Fungible::setFrozenTokensCall::SELECTOR)
    ^ id(IERC7943Fungible::canSendCall::SELECTOR)
    ^ id(IERC7943Fungible::canReceiveCall::SELECTOR)
    ^ id(IERC7943Fungible::getFrozenTokensCall::SELECTOR)
    ^ id(IERC7943Fungible::canTransferCall::SELECTOR);

/// Every interface id `supportsInterface` answers true for.
pub const SUPPORTED: [u32; 4] = [ERC165, ERC20, ERC1404, ERC7943];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_match_the_published_values() {
        assert_eq!(ERC165, 0x01ff_c9a7);
        assert_eq!(ERC20, 0x3637_2b07);
        assert_eq!(ERC7943, 0x3edb_b4c4);
        assert_ne!(ERC1404, 0);
        assert_ne!(ERC1404, ERC7943);
    }
}
