//! Shared vocabulary of the DS protocol contracts: role, service and attribute
//! ids, compliance reason codes, typed Solidity errors, cross-contract
//! interfaces and the service registry every DS contract embeds.
//!
//! Anything two contracts agree on lives here and nowhere else.

extern crate alloc;

#[cfg(feature = "bindings")]
pub mod bindings;
pub mod bits;
pub mod codes;
pub mod consumer;
pub mod deployer;
pub mod errors;
pub mod ids;
pub mod interfaces;
pub mod party;
pub mod text;

pub use errors::DSError;

/// Compiles the calling crate's `src/events.sol` with `sol!` and defines
/// `EVENTS_SOL`, the same file's text, which the ABI export prints: the
/// events a contract emits and the events it publishes are one source.
#[macro_export]
macro_rules! events_sol {
    () => {
        ::alloy_sol_types::sol!("src/events.sol");

        /// Solidity source of this crate's events (`src/events.sol`), printed
        /// verbatim by the ABI export.
        pub const EVENTS_SOL: &str =
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/src/events.sol"));
    };
}

/// ABI-export helpers (built with the `export-abi` feature, and for tests).
#[cfg(any(test, feature = "export-abi"))]
pub mod abi_export {
    use alloc::{format, string::String, vec::Vec};

    /// One `event` declaration of a Solidity source and the NatSpec lines
    /// just above it.
    struct Declaration<'a> {
        docs: Vec<&'a str>,
        text: &'a str,
    }

    /// The one-line `event` declarations of `source`, with their NatSpec.
    fn declarations(source: &str) -> Vec<Declaration<'_>> {
        let mut docs = Vec::new();
        let mut found = Vec::new();
        for line in source.lines().map(str::trim) {
            if line.starts_with("///") {
                docs.push(line);
            } else if line.starts_with("event ") {
                let docs = core::mem::take(&mut docs);
                found.push(Declaration { docs, text: line });
            } else {
                docs.clear();
            }
        }
        found
    }

    /// The canonical signature `Name(type,...)` of an `event` declaration
    /// (parameter names and `indexed` dropped), as alloy's `SIGNATURE`.
    fn canonical(declaration: &str) -> String {
        let body = declaration
            .trim_start_matches("event ")
            .trim_end_matches(';');
        let (name, params) = body.split_once('(').unwrap_or((body, ""));
        let types: Vec<&str> = params
            .trim_end_matches(')')
            .split(',')
            .filter_map(|p| p.split_whitespace().next())
            .collect();
        format!("{}({})", name.trim(), types.join(","))
    }

    /// Prints a Solidity interface `I<contract>Events` with the events whose
    /// alloy `SIGNATURE`s are given, each as declared (parameter names,
    /// `indexed`, NatSpec) in `sources`, the `.sol` files the contracts
    /// compile their events from. The SDK's export omits events. Prints
    /// nothing for the `constructor` command, whose output cargo-stylus
    /// parses as one constructor signature.
    ///
    /// # Panics
    /// When an event has no declaration of the same signature in `sources`
    /// (the export would not describe what the contract emits).
    pub fn print_events(contract: &str, sources: &[&str], signatures: &[&str]) {
        if std::env::args().nth(1).as_deref() == Some("constructor") {
            return;
        }
        let all: Vec<Declaration> = sources.iter().flat_map(|s| declarations(s)).collect();
        println!("\ninterface I{contract}Events {{");
        for signature in signatures {
            let Some(event) = all.iter().find(|d| canonical(d.text) == *signature) else {
                panic!("export-abi: no declaration of event {signature} in the sources given");
            };
            for doc in &event.docs {
                println!("    {doc}");
            }
            println!("    {}", event.text);
        }
        println!("}}");
    }

    #[cfg(test)]
    mod tests {
        use super::{canonical, declarations};
        use crate::consumer::{DSServiceSet, EVENTS_SOL};
        use alloy_sol_types::SolEvent;

        #[test]
        fn canonical_signatures_drop_names_and_indexed() {
            assert_eq!(
                canonical(
                    "event Transfer(address indexed from, address indexed to, uint256 value);"
                ),
                "Transfer(address,address,uint256)"
            );
            assert_eq!(canonical("event Pause();"), "Pause()");
        }

        #[test]
        fn the_shared_event_source_matches_the_compiled_event() {
            let found = declarations(EVENTS_SOL);
            assert_eq!(found.len(), 1);
            assert_eq!(canonical(found[0].text), DSServiceSet::SIGNATURE);
            assert_eq!(found[0].docs.len(), 1, "its NatSpec line is kept");
        }

        #[test]
        fn natspec_belongs_to_the_event_right_below_it() {
            let source = "/// stray\n\n/// A.\nevent A(uint256 a);\nevent B(bool b);\n";
            let found = declarations(source);
            assert_eq!(found.len(), 2);
            assert_eq!(found[0].docs, ["/// A."]);
            assert!(found[1].docs.is_empty());
        }
    }
}
