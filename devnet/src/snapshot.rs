//! A read-only copy of every storage slot of the chain, so a test can check
//! that a refused transaction changed nothing at all.

use std::collections::BTreeMap;

use alloy_primitives::{Address, B256};

use crate::Devnet;

/// Every non-zero storage slot of every account, in order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StorageSnapshot {
    slots: BTreeMap<(Address, B256), B256>,
}

/// One slot that differs between two snapshots.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SlotChange {
    /// The account.
    pub address: Address,
    /// The slot.
    pub key: B256,
    /// Its value in the first snapshot.
    pub before: B256,
    /// Its value in the second snapshot.
    pub after: B256,
}

impl StorageSnapshot {
    /// Number of non-zero slots.
    pub fn len(&self) -> usize {
        self.slots.len()
    }

    /// Whether no slot is set.
    pub fn is_empty(&self) -> bool {
        self.slots.is_empty()
    }

    /// The value of `key` at `address` (zero when unset).
    pub fn get(&self, address: Address, key: B256) -> B256 {
        self.slots.get(&(address, key)).copied().unwrap_or_default()
    }

    /// The slots whose value differs in `after`, in order.
    pub fn diff(&self, after: &Self) -> Vec<SlotChange> {
        let mut keys: Vec<_> = self.slots.keys().chain(after.slots.keys()).collect();
        keys.sort();
        keys.dedup();
        keys.into_iter()
            .filter_map(|&(address, key)| {
                let (before, after) = (self.get(address, key), after.get(address, key));
                (before != after).then_some(SlotChange {
                    address,
                    key,
                    before,
                    after,
                })
            })
            .collect()
    }
}

impl Devnet {
    /// A copy of every non-zero storage slot of the chain as it stands.
    pub fn storage_snapshot(&self) -> StorageSnapshot {
        StorageSnapshot {
            slots: self.state.storage.iter().map(|(k, v)| (*k, *v)).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use alloy_primitives::U256;

    use crate::Devnet;

    #[test]
    fn snapshots_see_every_slot_and_diff_names_the_changes() {
        let mut net = Devnet::new();
        let a = Devnet::account("a");
        let empty = net.storage_snapshot();
        assert!(empty.is_empty());
        net.set_storage(a, U256::from(7), U256::from(1));
        let one = net.storage_snapshot();
        assert_eq!(one.len(), 1);
        let changes = empty.diff(&one);
        assert_eq!(changes.len(), 1);
        assert_eq!(
            (changes[0].address, changes[0].after),
            (a, U256::from(1).into())
        );
        // back to zero: the slot disappears, the snapshots are equal again
        net.set_storage(a, U256::from(7), U256::ZERO);
        assert_eq!(net.storage_snapshot(), empty);
    }
}
