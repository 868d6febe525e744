//! One notice of the Comms service: its storage and the pure rules of its
//! input (category, content hash, URI, target, deadline) and targeting.

use alloy_primitives::{aliases::U8, Address, B256, U256, U64};
use ds_common::{
    errors::{
        EmptyContentHash, InvalidDeadline, InvalidNoticeCategory, InvalidNoticeTarget, UriTooLong,
    },
    ids::{comms_limits, notice_category, notice_target},
    party::{country_code, PartyInfo},
    text::StorageText,
    DSError,
};
use stylus_sdk::{
    prelude::*,
    storage::{StorageAddress, StorageB256, StorageBool, StorageMap, StorageU64, StorageU8},
};

/// A published notice. Fields are ordered so the small ones share slots.
#[storage]
pub struct Notice {
    /// Who published it (zero for an id never used).
    pub publisher: StorageAddress,
    /// `ids::notice_category`.
    pub category: StorageU8,
    /// `ids::notice_target`.
    pub target_kind: StorageU8,
    /// Revoked notices cannot be acknowledged.
    pub revoked: StorageBool,
    /// Block timestamp of the publication.
    pub published_at: StorageU64,
    /// Last second at which it may be acknowledged (0 = no deadline).
    pub deadline: StorageU64,
    /// Number of investors that acknowledged it.
    pub acknowledgements: StorageU64,
    /// Hash of the off-chain document (never zero).
    pub content_hash: StorageB256,
    /// Investor key or country letters, per `target_kind` (zero for all holders).
    pub target: StorageB256,
    /// Where the document lives off-chain (a `StorageText`: no 256-bit
    /// division, unlike `StorageString`).
    pub uri: StorageText,
    /// Acknowledgement time per investor key (0 = not acknowledged).
    pub acknowledged_at: StorageMap<B256, StorageU64>,
}

/// What a publisher asks to publish, validated by [`NoticeInput::check`].
pub struct NoticeInput<'a> {
    /// `ids::notice_category`.
    pub category: u8,
    /// Hash of the off-chain document.
    pub content_hash: B256,
    /// Where the document lives.
    pub uri: &'a str,
    /// `ids::notice_target`.
    pub target_kind: u8,
    /// Investor key, country letters or zero, per `target_kind`.
    pub target: B256,
    /// Last second to acknowledge (0 = none).
    pub deadline: u64,
}

impl NoticeInput<'_> {
    /// Every input rule of `publishNotice` at time `now`.
    pub fn check(&self, now: u64) -> Result<(), DSError> {
        if !notice_category::is_known(self.category) {
            return Err(DSError::InvalidNoticeCategory(InvalidNoticeCategory {
                category: self.category,
            }));
        }
        if self.content_hash.is_zero() {
            return Err(DSError::EmptyContentHash(EmptyContentHash {}));
        }
        if self.uri.len() > comms_limits::MAX_URI_LENGTH {
            return Err(DSError::UriTooLong(UriTooLong {
                length: U256::from(self.uri.len()),
                max: U256::from(comms_limits::MAX_URI_LENGTH),
            }));
        }
        check_target(self.target_kind, self.target)?;
        if self.deadline != 0 && self.deadline <= now {
            return Err(DSError::InvalidDeadline(InvalidDeadline {
                deadline: self.deadline,
                now,
            }));
        }
        Ok(())
    }

    /// Writes the notice into `slot`, published by `publisher` at `now`.
    pub fn store(&self, slot: &mut Notice, publisher: Address, now: u64) {
        slot.publisher.set(publisher);
        slot.category.set(U8::from(self.category));
        slot.target_kind.set(U8::from(self.target_kind));
        slot.published_at.set(U64::from(now));
        slot.deadline.set(U64::from(self.deadline));
        slot.content_hash.set(self.content_hash);
        slot.target.set(self.target);
        slot.uri.set_str(self.uri);
    }
}

/// Refuses a target that does not fit its kind.
pub fn check_target(kind: u8, target: B256) -> Result<(), DSError> {
    let valid = match kind {
        notice_target::ALL_HOLDERS => target.is_zero(),
        notice_target::INVESTOR => !target.is_zero(),
        notice_target::COUNTRY => target_country(target).is_some(),
        _ => false,
    };
    if valid {
        Ok(())
    } else {
        Err(DSError::InvalidNoticeTarget(InvalidNoticeTarget {
            targetKind: kind,
            target,
        }))
    }
}

/// The packed country code (`party::country_code`) of a country target:
/// 1-3 upper-case ASCII letters, left-aligned, the rest zero (Solidity
/// `bytes32("US")`). One spelling per country, so that wallets can filter
/// the indexed `target` of the publish event.
pub fn target_country(target: B256) -> Option<u32> {
    let length = target.iter().position(|b| *b == 0).unwrap_or(32);
    let letters = &target[..length];
    if target[length..].iter().any(|b| *b != 0) || !letters.iter().all(u8::is_ascii_uppercase) {
        return None;
    }
    core::str::from_utf8(letters).ok().and_then(country_code)
}

/// Whether a notice aimed at (`kind`, `target`) is addressed to the investor
/// `investor_key` whose registry info is `info`.
pub fn addresses(kind: u8, target: B256, investor_key: B256, info: &PartyInfo) -> bool {
    match kind {
        notice_target::ALL_HOLDERS => true,
        notice_target::INVESTOR => target == investor_key,
        notice_target::COUNTRY => info.country != 0 && target_country(target) == Some(info.country),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn letters(s: &str) -> B256 {
        B256::right_padding_from(s.as_bytes())
    }

    #[test]
    fn country_targets_are_left_aligned_letters() {
        assert_eq!(target_country(letters("US")), country_code("US"));
        assert_eq!(target_country(letters("DEU")), country_code("DEU"));
        assert_eq!(target_country(letters("deu")), None);
        assert_eq!(target_country(B256::ZERO), None);
        assert_eq!(target_country(letters("USAA")), None);
        assert_eq!(target_country(letters("U1")), None);
        // Right-aligned (a uint cast) is not a country.
        assert_eq!(target_country(B256::left_padding_from(b"US")), None);
        // A gap of zeros inside is not a country either.
        let mut gap = letters("U");
        gap[2] = b'S';
        assert_eq!(target_country(gap), None);
    }

    #[test]
    fn targets_fit_their_kind() {
        let key = B256::repeat_byte(7);
        assert!(check_target(notice_target::ALL_HOLDERS, B256::ZERO).is_ok());
        assert!(check_target(notice_target::ALL_HOLDERS, key).is_err());
        assert!(check_target(notice_target::INVESTOR, key).is_ok());
        assert!(check_target(notice_target::INVESTOR, B256::ZERO).is_err());
        assert!(check_target(notice_target::COUNTRY, letters("FR")).is_ok());
        assert!(check_target(notice_target::COUNTRY, key).is_err());
        assert!(check_target(3, B256::ZERO).is_err());
    }

    #[test]
    fn addressing() {
        let key = B256::repeat_byte(7);
        let french = PartyInfo {
            is_investor: true,
            country: country_code("FR").unwrap(),
            ..Default::default()
        };
        let stateless = PartyInfo {
            is_investor: true,
            ..Default::default()
        };
        assert!(addresses(
            notice_target::ALL_HOLDERS,
            B256::ZERO,
            key,
            &french
        ));
        assert!(addresses(notice_target::INVESTOR, key, key, &french));
        assert!(!addresses(
            notice_target::INVESTOR,
            B256::repeat_byte(8),
            key,
            &french
        ));
        assert!(addresses(
            notice_target::COUNTRY,
            letters("FR"),
            key,
            &french
        ));
        assert!(!addresses(
            notice_target::COUNTRY,
            letters("US"),
            key,
            &french
        ));
        assert!(!addresses(
            notice_target::COUNTRY,
            letters("FR"),
            key,
            &stateless
        ));
    }
}
