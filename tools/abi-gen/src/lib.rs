//! The published interface of one address, built from the exports of the
//! programs behind it.
//!
//! A DS service can be more than one Stylus program (an entry program and the
//! facets it delegates to), but an integrator talks to one address and wants
//! one interface. [`merge`] joins the programs' exported interfaces (the
//! `.sol` text `export-abi` prints) into one `interface I<Name>` with every
//! function and error, and one `interface I<Name>Events`; [`json_abi`] turns
//! such a file into the JSON ABI that ethers, viem, web3.py and cast load.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use alloy_json_abi::{AbiItem, JsonAbi};

/// One declaration of an exported interface: a function, error or event,
/// with the NatSpec lines above it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Item {
    /// `///` lines above the declaration, as written.
    pub docs: Vec<String>,
    /// The declaration without its trailing `;`, e.g.
    /// `function balanceOf(address owner) external view returns (uint256)`.
    pub declaration: String,
}

/// The declarations of one exported `.sol` file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Interface {
    /// Functions and errors (the `interface I<Name>` block), in file order.
    pub calls: Vec<Item>,
    /// Events (the `interface I<Name>Events` block), in file order.
    pub events: Vec<Item>,
}

/// Why a set of programs cannot be published as one interface.
#[derive(Debug, PartialEq, Eq)]
pub enum AbiGenError {
    /// A declaration the ABI parser does not accept.
    Unparsable {
        /// The declaration.
        declaration: String,
        /// The parser's message.
        reason: String,
    },
    /// Two programs behind one address declare one selector (or one event
    /// topic) with different signatures or return types: the router could
    /// not tell them apart.
    Conflict {
        /// The first declaration.
        first: String,
        /// The clashing one.
        second: String,
    },
}

impl std::fmt::Display for AbiGenError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unparsable {
                declaration,
                reason,
            } => write!(f, "cannot parse `{declaration}`: {reason}"),
            Self::Conflict { first, second } => {
                write!(f, "`{first}` and `{second}` clash at one address")
            }
        }
    }
}

impl std::error::Error for AbiGenError {}

/// Reads the declarations of an exported `.sol` file (the layout
/// `export-abi` prints: one declaration per line, `///` docs above events).
pub fn parse(sol: &str) -> Interface {
    let mut interface = Interface::default();
    let mut in_events = false;
    let mut docs = Vec::new();
    for line in sol.lines().map(str::trim) {
        if let Some(name) = line.strip_prefix("interface ") {
            in_events = name.trim_end_matches('{').trim().ends_with("Events");
            docs.clear();
        } else if line.starts_with("///") {
            docs.push(line.to_string());
        } else if let Some(declaration) = ["function ", "error ", "event "]
            .iter()
            .any(|kind| line.starts_with(kind))
            .then(|| line.trim_end_matches(';').to_string())
        {
            let item = Item {
                docs: std::mem::take(&mut docs),
                declaration,
            };
            if in_events {
                interface.events.push(item);
            } else {
                interface.calls.push(item);
            }
        } else if !line.starts_with("//") {
            docs.clear();
        }
    }
    interface
}

/// What makes two declarations the same entry of an ABI (a function's or an
/// error's selector, an event's topic), and what must then match too.
fn identity(declaration: &str) -> Result<(String, String), AbiGenError> {
    let unparsable = |reason: String| AbiGenError::Unparsable {
        declaration: declaration.to_string(),
        reason,
    };
    Ok(
        match AbiItem::parse(declaration).map_err(|e| unparsable(e.to_string()))? {
            AbiItem::Function(f) => (
                format!("function {}", alloy_json_abi::Function::selector(&f)),
                format!("{} {:?}", f.full_signature(), f.state_mutability),
            ),
            AbiItem::Error(e) => (format!("error {}", e.selector()), e.signature()),
            AbiItem::Event(e) => (format!("event {}", e.selector()), e.full_signature()),
            other => return Err(unparsable(format!("unexpected {}", other.debug_name()))),
        },
    )
}

/// Appends `items` to `into`, once each: a declaration already there (same
/// selector or topic, same signature) is skipped; a clash is an error.
fn join(into: &mut Vec<Item>, items: &[Item]) -> Result<(), AbiGenError> {
    let mut seen: BTreeMap<String, (String, String)> = BTreeMap::new();
    for item in into.iter() {
        let (key, full) = identity(&item.declaration)?;
        seen.insert(key, (full, item.declaration.clone()));
    }
    for item in items {
        let (key, full) = identity(&item.declaration)?;
        match seen.get(&key) {
            Some((known, _)) if *known == full => {}
            Some((_, first)) => {
                return Err(AbiGenError::Conflict {
                    first: first.clone(),
                    second: item.declaration.clone(),
                })
            }
            None => {
                seen.insert(key, (full, item.declaration.clone()));
                into.push(item.clone());
            }
        }
    }
    Ok(())
}

/// One interface of the programs behind an address, in program order: the
/// entry program first, then its facets.
pub fn merge(programs: &[Interface]) -> Result<Interface, AbiGenError> {
    let mut merged = Interface::default();
    for program in programs {
        join(&mut merged.calls, &program.calls)?;
        join(&mut merged.events, &program.events)?;
    }
    Ok(merged)
}

/// The `.sol` file of an address: `interface I<name>` (functions, errors)
/// and `interface I<name>Events`, laid out like `export-abi` lays out a
/// program, with a header naming the programs it was built from.
pub fn render(name: &str, programs: &[&str], interface: &Interface) -> String {
    let mut out = String::new();
    out.push_str("/**\n");
    let _ = writeln!(
        out,
        " * I{name}: everything one address serves, generated by scripts/export-abi.sh"
    );
    let _ = writeln!(
        out,
        " * from the programs behind it (entry first): {}.",
        programs.join(", ")
    );
    out.push_str(" */\n\n");
    out.push_str("// SPDX-License-Identifier: MIT-OR-APACHE-2.0\n");
    out.push_str("pragma solidity ^0.8.23;\n\n");
    let _ = writeln!(out, "interface I{name} {{");
    for (i, item) in interface.calls.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        for doc in &item.docs {
            let _ = writeln!(out, "    {doc}");
        }
        let _ = writeln!(out, "    {};", item.declaration);
    }
    out.push_str("}\n\n");
    let _ = writeln!(out, "interface I{name}Events {{");
    for item in &interface.events {
        for doc in &item.docs {
            let _ = writeln!(out, "    {doc}");
        }
        let _ = writeln!(out, "    {};", item.declaration);
    }
    out.push_str("}\n");
    out
}

/// The JSON ABI (the array ethers, viem, web3.py and cast load) of an
/// exported or merged `.sol` file.
pub fn json_abi(sol: &str) -> Result<String, AbiGenError> {
    let interface = parse(sol);
    let mut all = interface.calls.clone();
    join(&mut all, &interface.events)?;
    let abi = JsonAbi::parse(all.iter().map(|i| i.declaration.as_str())).map_err(|e| {
        AbiGenError::Unparsable {
            declaration: String::from("(one of the declarations)"),
            reason: e.to_string(),
        }
    })?;
    let mut json = serde_json::to_string_pretty(&abi).map_err(|e| AbiGenError::Unparsable {
        declaration: String::from("(whole ABI)"),
        reason: e.to_string(),
    })?;
    json.push('\n');
    Ok(json)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENTRY: &str = "interface IService {
    function setDSService(uint256 service_id, address service) external returns (bool);

    function check(address from) external view returns (uint256);

    error ZeroAddress();
}

interface IServiceEvents {
    /// Service set.
    event DSServiceSet(uint256 serviceId, address serviceAddress);
}";

    const FACET: &str = "interface IFacet {
    function setDSService(uint256 service_id, address service) external returns (bool);

    function setRule(uint256 index, uint256 value) external;

    error ZeroAddress();

    error UnknownRule(uint256 index);
}

interface IFacetEvents {
    /// A rule changed.
    event RuleSet(uint256 indexed index, uint256 value);
    /// Service set.
    event DSServiceSet(uint256 serviceId, address serviceAddress);
}";

    #[test]
    fn parse_reads_calls_events_and_their_docs() {
        let facet = parse(FACET);
        assert_eq!(facet.calls.len(), 4);
        assert_eq!(
            facet.calls[1].declaration,
            "function setRule(uint256 index, uint256 value) external"
        );
        assert_eq!(facet.events.len(), 2);
        assert_eq!(facet.events[0].docs, ["/// A rule changed."]);
        assert_eq!(
            facet.events[0].declaration,
            "event RuleSet(uint256 indexed index, uint256 value)"
        );
        assert!(facet.calls.iter().all(|c| c.docs.is_empty()));
    }

    #[test]
    fn merge_keeps_each_declaration_once_entry_first() {
        let merged = merge(&[parse(ENTRY), parse(FACET)]).expect("no clash");
        let calls: Vec<_> = merged
            .calls
            .iter()
            .map(|c| c.declaration.as_str())
            .collect();
        assert_eq!(
            calls,
            [
                "function setDSService(uint256 service_id, address service) external returns (bool)",
                "function check(address from) external view returns (uint256)",
                "error ZeroAddress()",
                "function setRule(uint256 index, uint256 value) external",
                "error UnknownRule(uint256 index)",
            ]
        );
        let events: Vec<_> = merged
            .events
            .iter()
            .map(|c| c.declaration.as_str())
            .collect();
        assert_eq!(
            events,
            [
                "event DSServiceSet(uint256 serviceId, address serviceAddress)",
                "event RuleSet(uint256 indexed index, uint256 value)",
            ]
        );
    }

    #[test]
    fn merge_refuses_one_selector_with_two_meanings() {
        let other = "interface IOther {
    function check(address from) external view returns (bool);
}";
        let err = merge(&[parse(ENTRY), parse(other)]).expect_err("clash");
        assert_eq!(
            err,
            AbiGenError::Conflict {
                first: "function check(address from) external view returns (uint256)".into(),
                second: "function check(address from) external view returns (bool)".into(),
            }
        );
        // `indexed` does not change an event's topic: the same event
        // declared with another indexing clashes too (logs would decode
        // differently).
        let events = "interface IOtherEvents {
    event RuleSet(uint256 index, uint256 value);
}";
        assert_eq!(
            merge(&[parse(FACET), parse(events)]).expect_err("clash"),
            AbiGenError::Conflict {
                first: "event RuleSet(uint256 indexed index, uint256 value)".into(),
                second: "event RuleSet(uint256 index, uint256 value)".into(),
            }
        );
    }

    #[test]
    fn render_then_parse_gives_the_merge_back() {
        let merged = merge(&[parse(ENTRY), parse(FACET)]).expect("no clash");
        let sol = render("Service", &["entry", "facet"], &merged);
        assert!(sol.contains("interface IService {"));
        assert!(sol.contains("interface IServiceEvents {"));
        assert!(sol.contains("(entry first): entry, facet.\n"));
        assert_eq!(parse(&sol), merged);
    }

    #[test]
    fn json_abi_has_every_entry_with_names_and_indexing() {
        let json = json_abi(FACET).expect("parses");
        let abi: JsonAbi = serde_json::from_str(&json).expect("a JSON ABI");
        assert_eq!(abi.functions().count(), 2);
        assert_eq!(abi.errors().count(), 2);
        let rule_set = &abi.events["RuleSet"][0];
        assert!(rule_set.inputs[0].indexed);
        assert_eq!(rule_set.inputs[0].name, "index");
        let set_rule = &abi.functions["setRule"][0];
        assert_eq!(set_rule.signature(), "setRule(uint256,uint256)");
        let entry: JsonAbi = serde_json::from_str(&json_abi(ENTRY).expect("parses")).expect("JSON");
        assert_eq!(
            entry.functions["check"][0].state_mutability,
            alloy_json_abi::StateMutability::View
        );
    }
}
