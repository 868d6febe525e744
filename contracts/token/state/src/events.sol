// Events of the DS token: ERC-20, DS and ERC-7943.
// Compiled by `sol!` and printed verbatim into the exported ABI (abi/*.sol),
// so integrators decode with the names and `indexed` markers emitted.

/// ERC-20: `value` tokens moved from `from` to `to` (zero address: issue / burn).
event Transfer(address indexed from, address indexed to, uint256 value);
/// ERC-20: `owner` allows `spender` to move `value` of its tokens.
event Approval(address indexed owner, address indexed spender, uint256 value);
/// DS: `value` tokens issued to `to`, `valueLocked` of them under manual locks.
event Issue(address indexed to, uint256 value, uint256 valueLocked);
/// DS: `value` tokens of `burner` burnt for `reason`.
event Burn(address indexed burner, uint256 value, string reason);
/// DS: `value` tokens seized from `from` into issuer wallet `to` for `reason`.
event Seize(address indexed from, address indexed to, uint256 value, string reason);
/// DS: transfers are paused.
event Pause();
/// DS: transfers are resumed.
event Unpause();
/// ERC-7943: `amount` moved from `from` to `to` by an enforcement.
event ForcedTransfer(address indexed from, address indexed to, uint256 amount);
/// ERC-7943: `account`'s frozen amount is now `amount`.
event Frozen(address indexed account, uint256 amount);
/// Snapshot `id` of all balances and the supply was taken.
event Snapshot(uint256 id);
/// DS (rebasing): `shares` moved from `from` to `to` at `multiplier` (18
/// decimals). Declared for DS clients; not emitted while the token does not
/// rebase (one share is one token, and `Transfer` carries the amount).
event TxShares(address indexed from, address indexed to, uint256 shares, uint256 multiplier);
