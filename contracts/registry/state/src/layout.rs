//! Packed storage words of the Registry (pure code, no storage, no host).
//!
//! Two words answer every compliance question about a wallet:
//!
//! **Wallet word** (`wallets[address]`, one slot per wallet), one of:
//! - zero: the wallet is unknown;
//! - a special wallet type: bytes 0..31 zero and byte 31 the type
//!   (`ids::wallet_type` ISSUER 1, PLATFORM 2, EXCHANGE 4);
//! - the investor key `keccak256(id)` of the investor owning the wallet.
//!
//! A key with 31 leading zero bytes would be read as a special wallet;
//! [`is_reserved_key`] refuses such ids at registration (no keccak output of
//! that form is known: the check only makes the encoding provably unambiguous).
//!
//! **Investor word** (the first slot of `investors[key]`), bytes big-endian,
//! byte 0 the most significant:
//!
//! | bytes  | field |
//! |--------|-------|
//! | 0..4   | country code (`party::country_code`, 0 = none) |
//! | 4      | flags: bit 0 = registered |
//! | 5..9   | wallet count (u32) |
//! | 9      | attribute statuses, 2 bits each: attribute index `i` at bits `2i..2i+2` |
//! | 10..30 | attribute expiries, 5 bytes (u40 seconds) each, in index order |
//! | 30..32 | zero (reserved) |
//!
//! Attribute index `i` is the attribute id `1 << i` (KYC_APPROVED, ACCREDITED,
//! QUALIFIED, PROFESSIONAL).

use alloy_primitives::B256;
use ds_common::{
    ids::{attribute, attribute_status},
    party::PartyInfo,
};

/// Number of attributes the Registry stores per investor.
pub const ATTRIBUTE_COUNT: usize = 4;
/// Largest storable expiry: 2^40 - 1 seconds (year ~36,800).
pub const MAX_EXPIRY: u64 = (1 << 40) - 1;
/// Attributes whose stored APPROVED status Compliance counts (hook trigger).
pub const COUNTED_ATTRIBUTES: u8 = attribute::ACCREDITED | attribute::QUALIFIED;

const FLAG_REGISTERED: u8 = 1;
const FLAG_RETIRED: u8 = 2;

/// The index (0..4) of a known attribute id, `None` for any other id.
pub fn attribute_index(attribute_id: u8) -> Option<usize> {
    match attribute_id {
        attribute::KYC_APPROVED
        | attribute::ACCREDITED
        | attribute::QUALIFIED
        | attribute::PROFESSIONAL => Some(attribute_id.trailing_zeros() as usize),
        _ => None,
    }
}

/// What the wallet word says about a wallet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WalletEntry {
    /// Not registered.
    Unknown,
    /// A special wallet of the given `ids::wallet_type`.
    Special(u8),
    /// A wallet of the investor with this key.
    Investor(B256),
}

impl WalletEntry {
    /// Decodes a wallet word.
    pub fn decode(word: B256) -> Self {
        if word.is_zero() {
            Self::Unknown
        } else if is_reserved_key(&word) {
            Self::Special(word[31])
        } else {
            Self::Investor(word)
        }
    }

    /// Encodes the entry as a wallet word.
    pub fn encode(self) -> B256 {
        match self {
            Self::Unknown => B256::ZERO,
            Self::Special(wallet_type) => B256::with_last_byte(wallet_type),
            Self::Investor(key) => key,
        }
    }

    /// The special wallet type (`wallet_type::NONE` unless special).
    pub fn wallet_type(self) -> u8 {
        match self {
            Self::Special(wallet_type) => wallet_type,
            _ => 0,
        }
    }
}

/// True for words that encode a special wallet type rather than an investor key.
pub fn is_reserved_key(key: &B256) -> bool {
    key[..31].iter().all(|b| *b == 0)
}

/// The decoded investor word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InvestorRecord {
    /// The investor is registered.
    pub registered: bool,
    /// The id belonged to a removed investor and cannot be registered
    /// again (review F-12).
    pub retired: bool,
    /// Packed country code (0 = none).
    pub country: u32,
    /// Number of wallets registered to the investor.
    pub wallet_count: u32,
    /// Stored status of each attribute (`ids::attribute_status`), by index.
    pub statuses: [u8; ATTRIBUTE_COUNT],
    /// Expiry of each attribute in seconds (0 = never), by index.
    pub expiries: [u64; ATTRIBUTE_COUNT],
}

impl InvestorRecord {
    /// Packs the record into its storage word.
    pub fn pack(&self) -> B256 {
        let mut w = [0u8; 32];
        w[0..4].copy_from_slice(&self.country.to_be_bytes());
        w[4] = if self.registered { FLAG_REGISTERED } else { 0 }
            | if self.retired { FLAG_RETIRED } else { 0 };
        w[5..9].copy_from_slice(&self.wallet_count.to_be_bytes());
        for i in 0..ATTRIBUTE_COUNT {
            w[9] |= (self.statuses[i] & 3) << (2 * i);
            let at = 10 + 5 * i;
            w[at..at + 5].copy_from_slice(&self.expiries[i].to_be_bytes()[3..]);
        }
        B256::from(w)
    }

    /// Unpacks a storage word produced by [`InvestorRecord::pack`].
    pub fn unpack(word: B256) -> Self {
        let w = word.0;
        let mut record = Self {
            registered: w[4] & FLAG_REGISTERED != 0,
            retired: w[4] & FLAG_RETIRED != 0,
            country: u32::from_be_bytes([w[0], w[1], w[2], w[3]]),
            wallet_count: u32::from_be_bytes([w[5], w[6], w[7], w[8]]),
            ..Self::default()
        };
        for i in 0..ATTRIBUTE_COUNT {
            record.statuses[i] = (w[9] >> (2 * i)) & 3;
            let mut expiry = [0u8; 8];
            expiry[3..].copy_from_slice(&w[10 + 5 * i..15 + 5 * i]);
            record.expiries[i] = u64::from_be_bytes(expiry);
        }
        record
    }

    /// Attributes whose stored status is APPROVED, as a bit mask of attribute ids.
    pub fn approved_mask(&self) -> u8 {
        (0..ATTRIBUTE_COUNT)
            .filter(|&i| self.statuses[i] == attribute_status::APPROVED)
            .fold(0, |mask, i| mask | 1 << i)
    }

    /// Attributes APPROVED and not expired at `now`, as a bit mask.
    ///
    /// An attribute with expiry `e > 0` is approved while `now < e` and
    /// expired from the second `now == e` on; expiry 0 never expires.
    pub fn effective_mask(&self, now: u64) -> u8 {
        (0..ATTRIBUTE_COUNT)
            .filter(|&i| self.expiries[i] == 0 || now < self.expiries[i])
            .fold(0, |mask, i| mask | 1 << i)
            & self.approved_mask()
    }

    /// Whether attribute `attribute_id` is approved and unexpired at `now`.
    pub fn is_effective(&self, attribute_id: u8, now: u64) -> bool {
        self.effective_mask(now) & attribute_id != 0
    }

    /// What Compliance sees of an investor wallet at `now`.
    pub fn party_info(&self, now: u64) -> PartyInfo {
        PartyInfo {
            wallet_type: 0,
            is_investor: self.registered,
            country: self.country,
            approved: self.approved_mask(),
            effective: self.effective_mask(now),
        }
    }

    /// True when Compliance counters depend on the difference between
    /// `self` (before) and `after`: the country or the APPROVED status of a
    /// counted attribute changed.
    pub fn counters_differ(&self, after: &Self) -> bool {
        self.country != after.country
            || (self.approved_mask() ^ after.approved_mask()) & COUNTED_ATTRIBUTES != 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ds_common::ids::wallet_type;

    fn sample() -> InvestorRecord {
        InvestorRecord {
            registered: true,
            retired: true,
            country: 0x0055_5341,
            wallet_count: u32::MAX,
            statuses: [1, 2, 0, 1],
            expiries: [MAX_EXPIRY, 0, 12345, 1],
        }
    }

    #[test]
    fn record_round_trips_at_the_extremes() {
        let r = sample();
        assert_eq!(InvestorRecord::unpack(r.pack()), r);
        assert_eq!(
            InvestorRecord::unpack(B256::ZERO),
            InvestorRecord::default()
        );
        // The reserved tail stays zero.
        assert_eq!(&r.pack()[30..], &[0, 0]);
        let each = |i: usize| {
            let mut one = InvestorRecord::default();
            one.statuses[i] = attribute_status::REJECTED;
            one.expiries[i] = MAX_EXPIRY - i as u64;
            assert_eq!(InvestorRecord::unpack(one.pack()), one);
        };
        (0..ATTRIBUTE_COUNT).for_each(each);
    }

    #[test]
    fn masks_and_expiry_boundary() {
        let r = sample();
        assert_eq!(
            r.approved_mask(),
            attribute::KYC_APPROVED | attribute::PROFESSIONAL
        );
        // PROFESSIONAL expires at 1: approved at 0, expired at 1.
        assert_eq!(r.effective_mask(0), r.approved_mask());
        assert_eq!(r.effective_mask(1), attribute::KYC_APPROVED);
        assert_eq!(r.effective_mask(MAX_EXPIRY - 1), attribute::KYC_APPROVED);
        assert_eq!(r.effective_mask(MAX_EXPIRY), 0);
        let info = r.party_info(1);
        assert!(info.is_investor && info.effective == attribute::KYC_APPROVED);
    }

    #[test]
    fn counters_differ_only_on_counted_changes() {
        let a = sample();
        let mut b = a;
        b.wallet_count = 0;
        b.expiries = [0; 4];
        b.statuses[0] = attribute_status::PENDING; // KYC is not counted
        b.statuses[3] = attribute_status::REJECTED; // nor PROFESSIONAL
        assert!(!a.counters_differ(&b));
        b.statuses[2] = attribute_status::APPROVED; // QUALIFIED is
        assert!(a.counters_differ(&b));
        let mut c = a;
        c.statuses[1] = attribute_status::PENDING; // REJECTED -> PENDING: both not approved
        assert!(!a.counters_differ(&c));
        c.country = 0x5553;
        assert!(a.counters_differ(&c));
    }

    #[test]
    fn attribute_ids() {
        assert_eq!(attribute_index(attribute::KYC_APPROVED), Some(0));
        assert_eq!(attribute_index(attribute::PROFESSIONAL), Some(3));
        for id in [0, 3, 5, 16, 255] {
            assert_eq!(attribute_index(id), None);
        }
    }

    #[test]
    fn wallet_words() {
        let key = ds_common::party::investor_key("alice");
        for entry in [
            WalletEntry::Unknown,
            WalletEntry::Special(wallet_type::ISSUER),
            WalletEntry::Special(wallet_type::EXCHANGE),
            WalletEntry::Investor(key),
        ] {
            assert_eq!(WalletEntry::decode(entry.encode()), entry);
        }
        assert_eq!(WalletEntry::Investor(key).wallet_type(), 0);
        assert!(!is_reserved_key(&key));
    }
}
