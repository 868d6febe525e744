//! Validation of caller-supplied values (pure code). Every setter validates
//! all of its input with these functions before its first storage write.

use alloy_primitives::{Address, B256, U256};
use ds_common::{
    errors::{
        InvalidAttribute, InvalidAttributeValue, InvalidCountry, InvalidExpiry, InvalidInvestorId,
    },
    ids::attribute_status,
    party, DSError,
};

use crate::layout::{self, MAX_EXPIRY};
use ds_common::text::MAX_TEXT;

/// Longest investor id, in bytes (ids are never empty).
pub const MAX_ID_LENGTH: usize = 64;
/// Longest collision hash or proof hash, in bytes.
pub const MAX_TEXT_LENGTH: usize = 128;

const _: () = assert!(MAX_ID_LENGTH <= MAX_TEXT && MAX_TEXT_LENGTH <= MAX_TEXT);

/// The investor key of a well-formed id: 1 to [`MAX_ID_LENGTH`] bytes whose
/// key is not a reserved wallet word (see `layout`).
pub fn investor_id(id: &str) -> Result<B256, DSError> {
    let key = party::investor_key(id);
    if id.is_empty() || id.len() > MAX_ID_LENGTH || layout::is_reserved_key(&key) {
        return Err(DSError::InvalidInvestorId(InvalidInvestorId {
            length: U256::from(id.len()),
            max: U256::from(MAX_ID_LENGTH),
        }));
    }
    Ok(key)
}

/// A collision hash or proof hash of at most [`MAX_TEXT_LENGTH`] bytes.
pub fn text(value: &str) -> Result<(), DSError> {
    ds_common::text::check_length(value, MAX_TEXT_LENGTH)
}

/// The packed code of a 1-3 letter country (case-insensitive).
pub fn country(country: &str) -> Result<u32, DSError> {
    party::country_code(country).ok_or_else(|| {
        DSError::InvalidCountry(InvalidCountry {
            country: country.into(),
        })
    })
}

/// A wallet address: anything but zero.
pub fn wallet(wallet: Address) -> Result<(), DSError> {
    if wallet.is_zero() {
        return Err(DSError::zero_address());
    }
    Ok(())
}

/// A validated attribute update: (index, status, expiry).
pub fn attribute(id: u8, value: U256, expiry: U256) -> Result<(usize, u8, u64), DSError> {
    let index = layout::attribute_index(id).ok_or(DSError::InvalidAttribute(InvalidAttribute {
        attributeId: id,
    }))?;
    if value > U256::from(attribute_status::REJECTED) {
        return Err(DSError::InvalidAttributeValue(InvalidAttributeValue {
            value,
        }));
    }
    if expiry > U256::from(MAX_EXPIRY) {
        return Err(DSError::InvalidExpiry(InvalidExpiry {
            expiry,
            max: U256::from(MAX_EXPIRY),
        }));
    }
    // Both values were bounded above, so their low limb is the whole value.
    Ok((index, value.as_limbs()[0] as u8, expiry.as_limbs()[0]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ds_common::ids::attribute;

    #[test]
    fn ids() {
        assert!(investor_id("a").is_ok());
        assert!(investor_id(&"x".repeat(MAX_ID_LENGTH)).is_ok());
        assert!(matches!(
            investor_id(""),
            Err(DSError::InvalidInvestorId(_))
        ));
        assert_eq!(
            investor_id(&"x".repeat(MAX_ID_LENGTH + 1)),
            Err(DSError::InvalidInvestorId(InvalidInvestorId {
                length: U256::from(65),
                max: U256::from(64)
            }))
        );
    }

    #[test]
    fn texts_and_countries() {
        assert!(text(&"h".repeat(MAX_TEXT_LENGTH)).is_ok());
        assert!(matches!(
            text(&"h".repeat(MAX_TEXT_LENGTH + 1)),
            Err(DSError::TextTooLong(_))
        ));
        assert_eq!(country("us"), Ok(0x5553));
        assert!(matches!(country("U5"), Err(DSError::InvalidCountry(_))));
        assert!(matches!(country(""), Err(DSError::InvalidCountry(_))));
        assert_eq!(wallet(Address::ZERO), Err(DSError::zero_address()));
    }

    #[test]
    fn attributes() {
        let one = U256::from(1);
        assert_eq!(
            attribute(attribute::QUALIFIED, one, U256::from(MAX_EXPIRY)),
            Ok((2, 1, MAX_EXPIRY))
        );
        assert!(matches!(
            attribute(3, one, U256::ZERO),
            Err(DSError::InvalidAttribute(_))
        ));
        assert!(matches!(
            attribute(16, one, U256::ZERO),
            Err(DSError::InvalidAttribute(_))
        ));
        assert!(matches!(
            attribute(attribute::ACCREDITED, U256::from(3), U256::ZERO),
            Err(DSError::InvalidAttributeValue(_))
        ));
        assert!(matches!(
            attribute(attribute::ACCREDITED, one, U256::from(MAX_EXPIRY) + one),
            Err(DSError::InvalidExpiry(_))
        ));
    }
}
