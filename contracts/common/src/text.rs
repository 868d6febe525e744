//! [`StorageText`]: a bounded string in storage without `StorageString`.
//!
//! The SDK's `StorageString` computes its length with 256-bit division,
//! which costs about 8 KB of Wasm. Texts here are short (ids, hashes,
//! reasons, URIs), so a text is a header followed by its bytes, cut into
//! 32-byte words 0, 1, 2, …: the header is one length byte for texts of up to
//! 254 bytes (so a text of up to 31 bytes takes one slot), or `0xFF` and a
//! two-byte length for longer ones. Only the words a text needs are read or
//! written.

use alloc::{string::String, vec::Vec};
use alloy_primitives::B256;
use stylus_sdk::{
    prelude::*,
    storage::{StorageB256, StorageMap},
};

/// Longest text a [`StorageText`] holds, in bytes.
pub const MAX_TEXT: usize = 1024;

/// Texts shorter than this use a one-byte length header.
const SHORT: usize = 0xFF;

/// Header length for a text of `len` bytes.
fn header_len(len: usize) -> usize {
    if len < SHORT {
        1
    } else {
        3
    }
}

/// Words used by a text of `len` bytes (0 for the empty text).
fn words_for(len: usize) -> usize {
    if len == 0 {
        0
    } else {
        (header_len(len) + len).div_ceil(32)
    }
}

/// Refuses `text` longer than `max` bytes with [`TextTooLong`](crate::errors::TextTooLong).
pub fn check_length(text: &str, max: usize) -> Result<(), crate::DSError> {
    if text.len() > max {
        return Err(crate::DSError::TextTooLong(crate::errors::TextTooLong {
            length: alloy_primitives::U256::from(text.len()),
            max: alloy_primitives::U256::from(max),
        }));
    }
    Ok(())
}

/// A string of at most [`MAX_TEXT`] bytes in storage.
#[storage]
pub struct StorageText {
    words: StorageMap<u16, StorageB256>,
}

impl StorageText {
    /// Length in bytes.
    pub fn len(&self) -> usize {
        Self::decode_len(&self.words.get(0))
    }

    fn decode_len(first: &B256) -> usize {
        match usize::from(first[0]) {
            SHORT => usize::from(u16::from_be_bytes([first[1], first[2]])).min(MAX_TEXT),
            len => len,
        }
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The stored text ("" when never set or cleared).
    #[inline(never)]
    pub fn get_string(&self) -> String {
        let first = self.words.get(0);
        let len = Self::decode_len(&first);
        let mut bytes = Vec::with_capacity(words_for(len) * 32);
        bytes.extend_from_slice(first.as_slice());
        for i in 1..words_for(len) {
            bytes.extend_from_slice(self.words.get(i as u16).as_slice());
        }
        let start = header_len(len);
        bytes.truncate(start + len);
        // Only `&str` bytes are ever stored, so this never fails.
        String::from_utf8(bytes.split_off(start.min(bytes.len()))).unwrap_or_default()
    }

    /// Replaces the text, clearing words the previous value used beyond the
    /// new one. Callers bound `text` to [`MAX_TEXT`] bytes first (longer
    /// input is cut at the bound).
    #[inline(never)]
    pub fn set_str(&mut self, text: &str) {
        let bytes = &text.as_bytes()[..text.len().min(MAX_TEXT)];
        let old_words = words_for(self.len());
        let mut buf = Vec::with_capacity(words_for(bytes.len()) * 32);
        if bytes.len() < SHORT {
            buf.push(bytes.len() as u8);
        } else {
            buf.push(SHORT as u8);
            buf.extend_from_slice(&(bytes.len() as u16).to_be_bytes());
        }
        buf.extend_from_slice(bytes);
        let new_words = words_for(bytes.len());
        buf.resize(new_words * 32, 0);
        for (i, chunk) in buf.chunks(32).enumerate() {
            self.words.insert(i as u16, B256::from_slice(chunk));
        }
        for i in new_words..old_words {
            self.words.delete(i as u16);
        }
    }

    /// Clears the text (refunds its slots).
    pub fn clear(&mut self) {
        for i in 0..words_for(self.len()) {
            self.words.delete(i as u16);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use stylus_sdk::testing::TestVM;

    fn used(vm: &TestVM) -> usize {
        vm.snapshot()
            .storage
            .values()
            .filter(|v| !v.is_zero())
            .count()
    }

    #[test]
    fn round_trips_at_every_header_boundary() {
        for len in [0, 1, 31, 32, 254, 255, 256, MAX_TEXT] {
            let vm = TestVM::default();
            let mut text = StorageText::from(&vm);
            let s = "a".repeat(len);
            text.set_str(&s);
            assert_eq!(text.get_string(), s, "len {len}");
            assert_eq!(text.len(), len);
            assert_eq!(used(&vm), words_for(len), "len {len}");
        }
    }

    #[test]
    fn shrinking_and_clearing_free_the_words() {
        let vm = TestVM::default();
        let mut text = StorageText::from(&vm);
        text.set_str(&"é".repeat(200));
        assert_eq!(text.get_string(), "é".repeat(200));
        text.set_str("short");
        assert_eq!((text.get_string().as_str(), used(&vm)), ("short", 1));
        text.set_str(&"y".repeat(31));
        assert_eq!(used(&vm), 1);
        text.set_str(&"z".repeat(32));
        assert_eq!((text.get_string(), used(&vm)), ("z".repeat(32), 2));
        text.clear();
        assert_eq!((text.get_string(), used(&vm)), (String::new(), 0));
        assert!(text.is_empty());
    }

    #[test]
    fn input_beyond_the_bound_is_cut() {
        let vm = TestVM::default();
        let mut text = StorageText::from(&vm);
        text.set_str(&"x".repeat(MAX_TEXT + 10));
        assert_eq!(text.len(), MAX_TEXT);
    }
}
