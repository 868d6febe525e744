//! Control facet of the DS token: enforcement (DS seize, ERC-7943 forced
//! transfer and freeze), pause, snapshots and their checkpoint reservation,
//! and the Registry's wallet reservation.
//!
//! Nothing here changes the supply (that is the admin facet). The token runs this facet by delegatecall from its fallback for
//! the selectors its route table sends here (one hop), so it works on the
//! token's storage: the facet embeds `TokenState` as its only field. Called
//! at its own address it refuses every call (`FacetCalledDirectly`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]
// The SDK's `#[entrypoint]` adds an undocumented `user_entrypoint` to the
// Wasm build, `#[public]` undocumented items to the ABI export; documentation
// is checked on the native build (clippy).
#![cfg_attr(
    any(target_arch = "wasm32", feature = "export-abi"),
    allow(missing_docs)
)]
extern crate alloc;

use alloc::{string::String, vec::Vec};
use alloy_primitives::{Address, U256};
use ds_common::{
    errors::{SnapshotLimitReached, SnapshotTooSoon},
    ids::{role, service},
    interfaces::IComplianceService,
    DSError,
};
use ds_token_state::{
    events::{ForcedTransfer, Pause, Seize, Snapshot, Transfer, Unpause},
    passed_on, require_receiver, within_balance,
    words::MAX_SNAPSHOT_ID,
    Revert, TokenState,
};
use stylus_sdk::{prelude::*, ArbResult};

/// Least time between two snapshots, in seconds (review F-09): whoever may
/// take snapshots (issuer, master, authorised DS apps) takes at most one an
/// hour.
pub const MIN_SNAPSHOT_INTERVAL: u64 = 3_600;

/// Most checkpoint slots one `reserveCheckpoints` call writes ahead per wallet.
pub const MAX_CHECKPOINTS_AHEAD: u32 = 8;

/// The DS token control facet (storage = the token's).
#[storage]
pub struct DSTokenControl {
    /// The token's storage, at the same slots.
    state: TokenState,
}

ds_common::facet_entrypoint!(DSTokenControl, ds_common::ids::service::TOKEN_CONTROL_FACET);

#[public]
impl DSTokenControl {
    // ----- enforcement (transfer agent or master) ----------------------------

    /// Seizes `value` of `from`'s tokens into issuer wallet `to` for `reason`.
    pub fn seize(
        &mut self,
        from: Address,
        to: Address,
        value: U256,
        reason: String,
    ) -> Result<bool, Revert> {
        self.state.authorize(role::TRANSFER_AGENT_OR_ABOVE)?;
        self.enforced_move(from, to, value, false)?;
        self.vm().log(Seize {
            from,
            to,
            value,
            reason,
        });
        Ok(true)
    }

    /// ERC-7943: moves `amount` from `from` to `to` outside the transfer
    /// rules; `to` must be an investor or issuer wallet (audit L-15). Frozen
    /// tokens may be taken; the frozen amount then shrinks to the balance.
    pub fn forced_transfer(
        &mut self,
        from: Address,
        to: Address,
        amount: U256,
    ) -> Result<bool, Revert> {
        self.state.authorize(role::TRANSFER_AGENT_OR_ABOVE)?;
        self.enforced_move(from, to, amount, true)?;
        self.vm().log(ForcedTransfer { from, to, amount });
        Ok(true)
    }

    // ----- freeze, snapshots, pause -----------------------------------------

    /// ERC-7943: freezes `amount` of `account`'s tokens (may exceed its balance).
    pub fn set_frozen_tokens(&mut self, account: Address, amount: U256) -> Result<bool, DSError> {
        self.state.authorize(role::TRANSFER_AGENT_OR_ABOVE)?;
        if account.is_zero() {
            return Err(DSError::zero_address());
        }
        self.state.ledger.set_frozen(account, amount);
        Ok(true)
    }

    /// Registry only: a wallet is being added to an investor. Allocates its
    /// account word and a holder-list slot (so its first tokens cost no
    /// fresh slot) and returns its balance, which the Registry requires to
    /// be zero.
    #[selector(name = "reserveWallet")]
    pub fn reserve_wallet(&mut self, wallet: Address) -> Result<U256, DSError> {
        let sender = self.vm().msg_sender();
        self.state.services.require_registry(sender)?;
        Ok(U256::from(self.state.ledger.reserve(wallet)))
    }

    /// Takes a snapshot of every balance and of the supply (issuer, master
    /// or a DS app Trust authorises, e.g. a distribution) and returns its id.
    /// At most one per [`MIN_SNAPSHOT_INTERVAL`] ([`SnapshotTooSoon`]).
    pub fn snapshot(&mut self) -> Result<U256, DSError> {
        let sender = self.vm().msg_sender();
        self.state
            .services
            .require_role_or_app(sender, role::ISSUER_OR_ABOVE)?;
        let now = self.vm().block_timestamp();
        let last: u64 = self.state.last_snapshot_time.get().to();
        let next = last.saturating_add(MIN_SNAPSHOT_INTERVAL);
        if last != 0 && now < next {
            return Err(DSError::SnapshotTooSoon(SnapshotTooSoon {
                nextAllowed: U256::from(next),
            }));
        }
        // The id first: a refusal past the last id writes nothing.
        let id = self
            .state
            .ledger
            .take_snapshot()
            .ok_or(DSError::SnapshotLimitReached(SnapshotLimitReached {
                max: U256::from(MAX_SNAPSHOT_ID),
            }))?;
        self.state
            .last_snapshot_time
            .set(alloy_primitives::U64::from(now));
        self.vm().log(Snapshot { id: U256::from(id) });
        Ok(U256::from(id))
    }

    /// Writes up to `count` checkpoint slots ahead for each of `wallets`
    /// (the callers that may take snapshots), so their first transfers
    /// after the next snapshots update slots instead of filling fresh ones:
    /// whoever takes snapshots pays for their storage, not the holders
    /// (review F-09). Returns the number of slots written. At most
    /// [`MAX_CHECKPOINTS_AHEAD`] per wallet, and a bounded batch.
    #[selector(name = "reserveCheckpoints")]
    pub fn reserve_checkpoints(
        &mut self,
        wallets: Vec<Address>,
        count: U256,
    ) -> Result<U256, DSError> {
        let sender = self.vm().msg_sender();
        self.state
            .services
            .require_role_or_app(sender, role::ISSUER_OR_ABOVE)?;
        DSError::check_batch(wallets.len())?;
        let count = match u32::try_from(count) {
            Ok(n) if n <= MAX_CHECKPOINTS_AHEAD => n,
            _ => {
                return Err(DSError::BatchTooLarge(ds_common::errors::BatchTooLarge {
                    length: count,
                    max: U256::from(MAX_CHECKPOINTS_AHEAD),
                }))
            }
        };
        let mut written = 0u64;
        for wallet in wallets {
            written += u64::from(self.state.ledger.reserve_checkpoints(wallet, count));
        }
        Ok(U256::from(written))
    }

    /// Pauses transfers; platform-wallet deposits still pass, as in DS.
    pub fn pause(&mut self) -> Result<(), DSError> {
        self.set_paused(true)
    }

    /// Resumes transfers.
    pub fn unpause(&mut self) -> Result<(), DSError> {
        self.set_paused(false)
    }

    /// Any other selector: refused with `UnknownSelector` (only the
    /// selectors routed here should arrive).
    #[fallback]
    pub fn fallback(&mut self, calldata: &[u8]) -> ArbResult {
        Err(DSError::unknown_selector(calldata).into())
    }
}

impl DSTokenControl {
    /// Moves `value` from `from` to `to` after Compliance records the seizure
    /// (or the forced transfer); frozen tokens above the new balance are released.
    fn enforced_move(
        &mut self,
        from: Address,
        to: Address,
        value: U256,
        forced: bool,
    ) -> Result<(), Revert> {
        require_receiver(to)?;
        let account = self.state.ledger.account(from);
        let moved = within_balance(from, account.balance, value)?;
        let compliance = self.state.compliance()?;
        let call = Call::new_mutating(self);
        let client = IComplianceService::new(compliance);
        let recorded = if forced {
            client.validate_forced_transfer(self.vm(), call, from, to, value)
        } else {
            client.validate_seize(self.vm(), call, from, to, value)
        };
        recorded.map_err(|e| passed_on(e, service::COMPLIANCE, compliance))?;
        let hot = self.state.ledger.hot();
        self.state
            .ledger
            .move_tokens(hot, from, account, to, moved)?;
        self.state.ledger.release_frozen_above_balance(from);
        self.vm().log(Transfer { from, to, value });
        Ok(())
    }

    /// Pause / unpause after the role check; emits only on a change.
    fn set_paused(&mut self, paused: bool) -> Result<(), DSError> {
        self.state.authorize(role::TRANSFER_AGENT_OR_ABOVE)?;
        let mut hot = self.state.ledger.hot();
        if hot.paused == paused {
            return Ok(());
        }
        hot.paused = paused;
        self.state.ledger.set_hot(&hot);
        if paused {
            self.vm().log(Pause {});
        } else {
            self.vm().log(Unpause {});
        }
        Ok(())
    }
}
