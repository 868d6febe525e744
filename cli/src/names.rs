//! Names people type for the protocol's numbers (roles, attributes,
//! countries' statuses, notice categories, rules), mapped onto the ids of
//! `ds-common` so the CLI never restates a number.

use alloy_primitives::keccak256;
use alloy_sol_types::SolValue;
use ds_common::ids::{attribute, attribute_status, notice_category, region, role};

use crate::args::amount;

/// Roles of the Trust service.
pub const ROLES: [(&str, u8); 5] = [
    ("none", role::NONE),
    ("master", role::MASTER),
    ("issuer", role::ISSUER),
    ("exchange", role::EXCHANGE),
    ("transfer-agent", role::TRANSFER_AGENT),
];

/// Registry attributes.
pub const ATTRIBUTES: [(&str, u8); 4] = [
    ("kyc", attribute::KYC_APPROVED),
    ("accredited", attribute::ACCREDITED),
    ("qualified", attribute::QUALIFIED),
    ("professional", attribute::PROFESSIONAL),
];

/// Attribute statuses.
pub const STATUSES: [(&str, u8); 3] = [
    ("pending", attribute_status::PENDING),
    ("approved", attribute_status::APPROVED),
    ("rejected", attribute_status::REJECTED),
];

/// Country compliance statuses.
pub const REGIONS: [(&str, u8); 5] = [
    ("none", region::NONE),
    ("us", region::US),
    ("eu", region::EU),
    ("forbidden", region::FORBIDDEN),
    ("jp", region::JP),
];

/// Comms notice categories.
pub const NOTICE_CATEGORIES: [(&str, u8); 5] = [
    ("corporate-action", notice_category::CORPORATE_ACTION),
    ("dividend", notice_category::DIVIDEND),
    ("meeting", notice_category::MEETING),
    ("document", notice_category::DOCUMENT),
    ("regulatory", notice_category::REGULATORY),
];

/// The 16 uint rules then the 5 bool rules, in `getAll` order: the DS name
/// and the suffix of the configuration facet's `set...` / `get...` functions.
pub const UINT_RULES: [(&str, &str); 16] = [
    ("totalInvestorsLimit", "TotalInvestorsLimit"),
    ("minUSTokens", "MinUSTokens"),
    ("minEUTokens", "MinEUTokens"),
    ("usInvestorsLimit", "USInvestorsLimit"),
    ("usAccreditedInvestorsLimit", "USAccreditedInvestorsLimit"),
    ("nonAccreditedInvestorsLimit", "NonAccreditedInvestorsLimit"),
    ("maxUSInvestorsPercentage", "MaxUSInvestorsPercentage"),
    ("blockFlowbackEndTime", "BlockFlowbackEndTime"),
    ("nonUSLockPeriod", "NonUSLockPeriod"),
    ("minimumTotalInvestors", "MinimumTotalInvestors"),
    ("minimumHoldingsPerInvestor", "MinimumHoldingsPerInvestor"),
    ("maximumHoldingsPerInvestor", "MaximumHoldingsPerInvestor"),
    ("euRetailInvestorsLimit", "EURetailInvestorsLimit"),
    ("usLockPeriod", "USLockPeriod"),
    ("jpInvestorsLimit", "JPInvestorsLimit"),
    ("authorizedSecurities", "AuthorizedSecurities"),
];

/// The bool rules, in `getAll` order (see [`UINT_RULES`]).
pub const BOOL_RULES: [(&str, &str); 5] = [
    ("forceFullTransfer", "ForceFullTransfer"),
    ("forceAccredited", "ForceAccredited"),
    ("forceAccreditedUS", "ForceAccreditedUS"),
    ("worldWideForceFullTransfer", "WorldWideForceFullTransfer"),
    ("disallowBackDating", "DisallowBackDating"),
];

/// Looks `name` up (case-insensitively) in a `(name, value)` table.
pub fn lookup<T: Copy>(table: &[(&str, T)], name: &str, what: &str) -> Result<T, String> {
    table
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| *v)
        .ok_or_else(|| {
            let names: Vec<_> = table.iter().map(|(n, _)| *n).collect();
            format!("{what} `{name}`: expected one of {}", names.join(", "))
        })
}

/// The name of `value` in `table`, or `what value` when it has none.
pub fn name_of(table: &[(&str, u8)], value: u8, what: &str) -> String {
    table
        .iter()
        .find(|(_, v)| *v == value)
        .map_or_else(|| format!("{what} {value}"), |(n, _)| n.to_string())
}

/// The name of a Trust role.
pub fn role_name(role: u8) -> String {
    name_of(&ROLES, role, "role")
}

/// Calldata of the configuration facet's setter of `rule` (a DS rule name, or its
/// setter's name) with `value`; returns the DS name too.
pub fn rule_setter(rule: &str, value: &str) -> Result<(&'static str, Vec<u8>), String> {
    let rule = rule
        .strip_prefix("set")
        .filter(|r| r.len() > 3)
        .unwrap_or(rule);
    let find = |table: &'static [(&'static str, &'static str)]| {
        table
            .iter()
            .find(|(name, suffix)| {
                name.eq_ignore_ascii_case(rule) || suffix.eq_ignore_ascii_case(rule)
            })
            .copied()
    };
    if let Some((name, suffix)) = find(&UINT_RULES) {
        let v = amount(value, name)?;
        let mut data = selector(&format!("set{suffix}(uint256)"));
        data.extend_from_slice(&v.abi_encode());
        return Ok((name, data));
    }
    if let Some((name, suffix)) = find(&BOOL_RULES) {
        let v = match value.to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" => true,
            "false" | "0" | "no" => false,
            _ => return Err(format!("{name}: `{value}` is not true or false")),
        };
        let mut data = selector(&format!("set{suffix}(bool)"));
        data.extend_from_slice(&v.abi_encode());
        return Ok((name, data));
    }
    let names: Vec<_> = UINT_RULES
        .iter()
        .chain(BOOL_RULES.iter())
        .map(|(n, _)| *n)
        .collect();
    Err(format!(
        "unknown rule `{rule}`: expected one of {}",
        names.join(", ")
    ))
}

/// The 4-byte selector of a function signature.
pub fn selector(signature: &str) -> Vec<u8> {
    keccak256(signature.as_bytes())[..4].to_vec()
}

#[cfg(test)]
mod tests {
    use alloy_primitives::U256;

    use super::*;

    #[test]
    fn rule_setters_use_the_ds_names() {
        let (name, data) = rule_setter("totalInvestorsLimit", "2000").expect("uint rule");
        assert_eq!(name, "totalInvestorsLimit");
        assert_eq!(data[..4], selector("setTotalInvestorsLimit(uint256)")[..]);
        assert_eq!(U256::from_be_slice(&data[4..]), U256::from(2000));
        // The setter's own name and any case are accepted.
        let (name, _) = rule_setter("setUSLockPeriod", "1").expect("setter name");
        assert_eq!(name, "usLockPeriod");
        let (name, data) = rule_setter("FORCEFULLTRANSFER", "true").expect("bool rule");
        assert_eq!(name, "forceFullTransfer");
        assert_eq!(data[..4], selector("setForceFullTransfer(bool)")[..]);
        assert_eq!(data[35], 1);
        assert!(rule_setter("forceAccredited", "maybe").is_err());
        assert!(rule_setter("noSuchRule", "1").is_err());
        assert!(rule_setter("minUSTokens", "-1").is_err());
    }

    #[test]
    fn names_match_the_protocol_numbers() {
        assert_eq!(lookup(&ROLES, "Transfer-Agent", "role"), Ok(8));
        assert_eq!(lookup(&REGIONS, "forbidden", "status"), Ok(4));
        assert_eq!(lookup(&ATTRIBUTES, "professional", "attribute"), Ok(8));
        assert_eq!(lookup(&STATUSES, "rejected", "status"), Ok(2));
        assert_eq!(lookup(&NOTICE_CATEGORIES, "dividend", "category"), Ok(2));
        assert!(lookup(&ROLES, "king", "role").is_err());
        assert_eq!(role_name(2), "issuer");
        assert_eq!(role_name(3), "role 3");
    }
}
