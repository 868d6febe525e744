//! Bounded strings in storage, without the SDK's `StorageString`.
//!
//! `StorageString::len` divides a `U256`, which links ~8 KB of ruint
//! division into the Wasm. Registry strings are short and bounded (ids 64
//! bytes, hashes 128), so they are kept in a fixed run of [`TEXT_WORDS`]
//! slots: byte 0 of the first word is the length, the bytes follow. Only the
//! words a string needs are read or written.

use alloc::{string::String, vec::Vec};
use alloy_primitives::B256;
use stylus_sdk::{
    prelude::*,
    storage::{StorageArray, StorageB256},
};

/// Slots per stored string: 1 length byte + up to 159 bytes.
pub const TEXT_WORDS: usize = 5;
/// Longest storable string, in bytes.
pub const TEXT_CAPACITY: usize = TEXT_WORDS * 32 - 1;

/// A string of at most [`TEXT_CAPACITY`] bytes in [`TEXT_WORDS`] slots.
#[storage]
pub struct StoredText {
    words: StorageArray<StorageB256, TEXT_WORDS>,
}

/// Words used by a string of `len` bytes (0 for the empty string).
fn words_for(len: usize) -> usize {
    if len == 0 {
        0
    } else {
        (len + 1).div_ceil(32)
    }
}

impl StoredText {
    /// The stored string ("" when never set or erased).
    #[inline(never)]
    pub fn get(&self) -> String {
        let first = self.word(0);
        let len = usize::from(first[0]).min(TEXT_CAPACITY);
        let mut bytes = Vec::with_capacity(words_for(len) * 32);
        bytes.extend_from_slice(&first[1..]);
        for i in 1..words_for(len) {
            bytes.extend_from_slice(self.word(i).as_slice());
        }
        bytes.truncate(len);
        // Only `&str` bytes are ever stored, so this never fails.
        String::from_utf8(bytes).unwrap_or_default()
    }

    /// Stores `text`, which the caller has bounded to [`TEXT_CAPACITY`]
    /// bytes (longer input is cut to the capacity), clearing words the
    /// previous value used beyond the new one.
    #[inline(never)]
    pub fn set(&mut self, text: &str) {
        let bytes = &text.as_bytes()[..text.len().min(TEXT_CAPACITY)];
        let old = words_for(usize::from(self.word(0)[0]));
        let mut buf = [0u8; TEXT_WORDS * 32];
        buf[0] = bytes.len() as u8;
        buf[1..=bytes.len()].copy_from_slice(bytes);
        for i in 0..words_for(bytes.len()).max(old) {
            if let Some(mut slot) = self.words.setter(i) {
                slot.set(B256::from_slice(&buf[32 * i..32 * (i + 1)]));
            }
        }
    }

    /// Clears the string (all words it used become zero).
    pub fn erase(&mut self) {
        self.set("");
    }

    fn word(&self, i: usize) -> B256 {
        self.words.getter(i).map(|w| w.get()).unwrap_or_default()
    }
}
