//! [`StorageText`]: a bounded string in storage without `StorageString`.
//!
//! The SDK's `StorageString` computes its length with 256-bit division,
//! which costs about 8 KB of Wasm. Texts here are short (ids, hashes,
//! reasons, URIs), so they are kept as a byte length in word 0 followed by
//! 32-byte chunks in words 1, 2, …

use alloc::{string::String, vec::Vec};
use alloy_primitives::B256;
use stylus_sdk::{
    prelude::*,
    storage::{StorageB256, StorageMap},
};

/// Longest text a [`StorageText`] holds, in bytes.
pub const MAX_TEXT: usize = 1024;

/// A string of at most [`MAX_TEXT`] bytes in storage.
#[storage]
pub struct StorageText {
    words: StorageMap<u16, StorageB256>,
}

impl StorageText {
    /// Length in bytes.
    pub fn len(&self) -> usize {
        let header = self.words.get(0);
        usize::from(u16::from_be_bytes([header[30], header[31]]))
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The stored text.
    pub fn get_string(&self) -> String {
        let len = self.len();
        let mut bytes = Vec::with_capacity(len);
        for (i, chunk) in (1u16..).zip(0..len.div_ceil(32)) {
            let word = self.words.get(i);
            let take = (len - chunk * 32).min(32);
            bytes.extend_from_slice(&word[..take]);
        }
        String::from_utf8(bytes).unwrap_or_default()
    }

    /// Replaces the text; callers bound `text` to [`MAX_TEXT`] bytes first
    /// (longer input is cut at the bound).
    pub fn set_str(&mut self, text: &str) {
        let bytes = &text.as_bytes()[..text.len().min(MAX_TEXT)];
        let old_chunks = self.len().div_ceil(32);
        let mut header = B256::ZERO;
        header[30..].copy_from_slice(&(bytes.len() as u16).to_be_bytes());
        self.words.insert(0, header);
        let new_chunks = bytes.len().div_ceil(32);
        for (i, chunk) in (1u16..).zip(bytes.chunks(32)) {
            let mut word = B256::ZERO;
            word[..chunk.len()].copy_from_slice(chunk);
            self.words.insert(i, word);
        }
        for i in new_chunks..old_chunks {
            self.words.delete(i as u16 + 1);
        }
    }

    /// Clears the text (refunds its slots).
    pub fn clear(&mut self) {
        let chunks = self.len().div_ceil(32);
        for i in 0..=chunks {
            self.words.delete(i as u16);
        }
    }
}
