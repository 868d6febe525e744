//! What the Registry tells Compliance about one wallet, packed in one word.
//!
//! The Registry answers `getTransferParties(from, to)` with an investor key
//! and a packed [`PartyInfo`] per wallet, so a transfer check costs a single
//! cross-contract call to the Registry.
//!
//! Layout of the packed `uint256` (bit 0 = least significant):
//!
//! | bits    | field |
//! |---------|-------|
//! | 0..8    | special wallet type (`ids::wallet_type`) |
//! | 8       | wallet belongs to a registered investor |
//! | 16..48  | country code (2 ASCII letters, see [`country_code`]) |
//! | 48..56  | attributes whose stored status is APPROVED (bit mask of `ids::attribute`) |
//! | 56..64  | attributes APPROVED and not expired at the time of the query |

use alloy_primitives::{keccak256, B256, U256};

use crate::ids::{attribute, wallet_type};

/// One wallet as Compliance sees it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PartyInfo {
    /// Special wallet type (`ids::wallet_type`), NONE for investor wallets.
    pub wallet_type: u8,
    /// The wallet belongs to a registered investor.
    pub is_investor: bool,
    /// Packed country code of the investor (0 when none).
    pub country: u32,
    /// Attributes whose stored status is APPROVED, expired or not.
    pub approved: u8,
    /// Attributes APPROVED and not expired when the info was produced.
    pub effective: u8,
}

impl PartyInfo {
    /// Packs the info into one word.
    pub fn pack(&self) -> U256 {
        let word = u64::from(self.wallet_type)
            | u64::from(self.is_investor) << 8
            | u64::from(self.country) << 16
            | u64::from(self.approved) << 48
            | u64::from(self.effective) << 56;
        U256::from(word)
    }

    /// Unpacks a word produced by [`PartyInfo::pack`] (higher bits ignored).
    pub fn unpack(word: U256) -> Self {
        let word: u64 = word.as_limbs()[0];
        Self {
            wallet_type: word as u8,
            is_investor: (word >> 8) & 1 == 1,
            country: (word >> 16) as u32,
            approved: (word >> 48) as u8,
            effective: (word >> 56) as u8,
        }
    }

    /// A platform (omnibus) wallet.
    pub fn is_platform(&self) -> bool {
        self.wallet_type == wallet_type::PLATFORM
    }

    /// An issuer special wallet (the only valid seize target).
    pub fn is_issuer_wallet(&self) -> bool {
        self.wallet_type == wallet_type::ISSUER
    }

    /// Any special wallet (issuer, platform, exchange).
    pub fn is_special(&self) -> bool {
        self.wallet_type != wallet_type::NONE
    }

    /// Accredited now (approved and not expired).
    pub fn is_accredited(&self) -> bool {
        self.effective & attribute::ACCREDITED != 0
    }

    /// Qualified now (approved and not expired).
    pub fn is_qualified(&self) -> bool {
        self.effective & attribute::QUALIFIED != 0
    }
}

/// Packs an ISO 3166-1 alpha-2 country code (two ASCII letters,
/// case-insensitive) into a non-zero `u32`; `None` for anything else, so
/// that "USA" cannot stand for the US beside "US" and escape its rules
/// (security review F-13).
pub fn country_code(country: &str) -> Option<u32> {
    let bytes = country.as_bytes();
    if bytes.len() != 2 || !bytes.iter().all(u8::is_ascii_alphabetic) {
        return None;
    }
    Some(
        bytes
            .iter()
            .fold(0u32, |acc, b| acc << 8 | u32::from(b.to_ascii_uppercase())),
    )
}

/// The country string of a packed code (empty for 0).
pub fn country_string(code: u32) -> alloc::string::String {
    code.to_be_bytes()
        .iter()
        .filter(|b| **b != 0)
        .map(|b| char::from(*b))
        .collect()
}

/// The key under which every contract stores investor `id`: keccak256(id).
pub fn investor_key(id: &str) -> B256 {
    keccak256(id.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pack_round_trips() {
        let info = PartyInfo {
            wallet_type: wallet_type::EXCHANGE,
            is_investor: true,
            country: country_code("US").unwrap(),
            approved: 0b1111,
            effective: 0b0101,
        };
        assert_eq!(PartyInfo::unpack(info.pack()), info);
        assert_eq!(PartyInfo::unpack(U256::ZERO), PartyInfo::default());
    }

    #[test]
    fn country_codes() {
        assert_eq!(country_code("US"), Some(0x5553));
        assert_eq!(country_code("us"), country_code("US"));
        assert_eq!(country_code("USA"), None, "alpha-3 refused");
        assert_eq!(country_code("U"), None);
        assert_eq!(country_code(""), None);
        assert_eq!(country_code("USAA"), None);
        assert_eq!(country_code("U1"), None);
        assert_eq!(country_string(country_code("de").unwrap()), "DE");
        assert_eq!(country_string(0), "");
    }

    #[test]
    fn flags() {
        let mut info = PartyInfo {
            effective: attribute::ACCREDITED,
            ..Default::default()
        };
        assert!(info.is_accredited() && !info.is_qualified());
        info.wallet_type = wallet_type::PLATFORM;
        assert!(info.is_platform() && info.is_special() && !info.is_issuer_wallet());
    }
}
