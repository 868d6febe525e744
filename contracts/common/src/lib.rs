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
pub mod constants;
pub mod consumer;
pub mod deployer;
pub mod errors;
pub mod ids;
pub mod interfaces;
pub mod party;
#[cfg(any(
    feature = "dvp-errors",
    feature = "subscription-errors",
    feature = "redemption-errors"
))]
pub mod payment;
pub mod queries;
#[cfg(any(feature = "compliance-errors", feature = "token-errors"))]
pub mod router;
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

/// Declares the entry point of facet `$facet`, registered in its service
/// under service id `$id`: a program that runs only by delegatecall from
/// its service's address (the router), on the service's storage. Every call
/// first passes
/// [`ServiceRegistry::require_routed`](consumer::ServiceRegistry::require_routed)
/// (a call at the facet's own address fails with
/// [`errors::FacetCalledDirectly`]), then goes to the SDK's router like a
/// `#[entrypoint]` struct's. Use it instead of `#[entrypoint]` on the
/// facet's storage struct, which must hold the service's state in a field
/// `state` with the [`consumer::ServiceRegistry`] in `state.services`.
#[macro_export]
macro_rules! facet_entrypoint {
    ($facet:ident, $id:expr) => {
        // SAFETY: `$facet` is the program's only top-level storage, at slot 0
        // (as `router_entrypoint` and the SDK's struct entrypoint place it),
        // and is never aliased by another top-level storage value.
        unsafe impl stylus_sdk::stylus_core::storage::TopLevelStorage for $facet {}

        /// The facet's entry point: refuses calls at the facet's own
        /// address, then dispatches like a `#[entrypoint]` struct.
        #[stylus_sdk::prelude::entrypoint]
        #[allow(dead_code)]
        fn facet_entrypoint(
            input: alloc::vec::Vec<u8>,
            host: stylus_sdk::host::VM,
        ) -> stylus_sdk::ArbResult {
            // SAFETY: the same slot the router below instantiates the facet
            // at; this value only reads one slot and is dropped before.
            let facet = unsafe {
                <$facet as stylus_sdk::storage::StorageType>::new(
                    alloy_primitives::U256::ZERO,
                    0,
                    host.clone(),
                )
            };
            facet.state.services.require_routed($id)?;
            drop(facet);
            stylus_sdk::abi::router_entrypoint::<$facet, $facet>(input, host)
        }
    };
}

/// ABI-export helpers (built with the `export-abi` feature, and for tests).
#[cfg(any(test, feature = "export-abi"))]
pub mod abi_export {
    use alloc::{format, string::String, vec::Vec};

    /// The source of the shared errors (`errors.rs`), whose `sol!` block
    /// declares each error once, with its parameter names.
    const ERRORS_SOURCE: &str = include_str!("errors.rs");

    /// One `event` (or `error`) declaration of a Solidity source and the
    /// NatSpec lines just above it.
    struct Declaration<'a> {
        docs: Vec<&'a str>,
        text: &'a str,
    }

    /// The one-line `event` declarations of `source`, with their NatSpec.
    fn declarations(source: &str) -> Vec<Declaration<'_>> {
        declarations_of(source, "event ")
    }

    /// The one-line declarations of `source` that start with `keyword`,
    /// with their NatSpec.
    fn declarations_of<'a>(source: &'a str, keyword: &str) -> Vec<Declaration<'a>> {
        let mut docs = Vec::new();
        let mut found = Vec::new();
        for line in source.lines().map(str::trim) {
            if line.starts_with("///") {
                docs.push(line);
            } else if line.starts_with("#[") && !docs.is_empty() {
                // an attribute between the NatSpec and its item
            } else if line.starts_with(keyword) {
                let docs = core::mem::take(&mut docs);
                found.push(Declaration { docs, text: line });
            } else {
                docs.clear();
            }
        }
        found
    }

    /// The canonical signature `Name(type,...)` of an `event` or `error`
    /// declaration (parameter names and `indexed` dropped), as alloy's
    /// `SIGNATURE`.
    fn canonical(declaration: &str) -> String {
        let body = declaration
            .trim_start_matches("event ")
            .trim_start_matches("error ")
            .trim_end_matches(';');
        let (name, params) = body.split_once('(').unwrap_or((body, ""));
        let types: Vec<&str> = params
            .trim_end_matches(')')
            .split(',')
            .filter_map(|p| p.split_whitespace().next())
            .collect();
        format!("{}({})", name.trim(), types.join(","))
    }

    /// `abi` (a contract's interface as the SDK prints it) with each
    /// `error` line replaced by the shared declaration of the same
    /// signature, which names its parameters (the SDK prints the types
    /// only, so clients would see `_0, _1`). Errors without a shared
    /// declaration are kept as they are.
    pub fn name_errors(abi: &str) -> String {
        let errors = declarations_of(ERRORS_SOURCE, "error ");
        let mut out = String::new();
        for line in abi.lines() {
            let trimmed = line.trim();
            let named = trimmed
                .starts_with("error ")
                .then(|| canonical(trimmed))
                .and_then(|sig| errors.iter().find(|d| canonical(d.text) == sig));
            match named {
                Some(declaration) => {
                    let indent = &line[..line.len() - line.trim_start().len()];
                    out.push_str(indent);
                    out.push_str(declaration.text);
                }
                None => out.push_str(line),
            }
            out.push('\n');
        }
        out
    }

    /// `abi` with the data locations inside tuple types removed: the SDK
    /// prints a tuple parameter as `(address, bytes calldata) name`, which
    /// neither Solidity nor the ABI parsers read; `(address, bytes) name`
    /// is what alloy's `sol!` and JSON ABI parsers take.
    pub fn tuple_types_without_locations(abi: &str) -> String {
        let mut out = String::with_capacity(abi.len());
        let mut depth = 0usize;
        let mut rest = abi;
        while let Some(c) = rest.chars().next() {
            if depth >= 2 {
                if let Some(after) = [" calldata", " memory"]
                    .iter()
                    .find_map(|loc| rest.strip_prefix(loc))
                {
                    rest = after;
                    continue;
                }
            }
            match c {
                '(' => depth += 1,
                ')' => depth = depth.saturating_sub(1),
                '\n' => depth = 0,
                _ => {}
            }
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
        out
    }

    /// Prints contract `T`'s Solidity interface as `cargo stylus
    /// export-abi` does (license, pragma, interface; the constructor
    /// signature for the `constructor` command), with the errors' parameter
    /// names ([`name_errors`]).
    #[cfg(feature = "export-abi")]
    pub fn print_contract<T: stylus_sdk::abi::export::GenerateAbi>() {
        use stylus_sdk::abi::export;
        if std::env::args().nth(1).as_deref() == Some("constructor") {
            export::print_from_args::<T>();
            return;
        }
        struct Interface<T>(core::marker::PhantomData<T>);
        impl<T: export::GenerateAbi> core::fmt::Display for Interface<T> {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                T::fmt_abi(f)
            }
        }
        export::handle_license_and_pragma();
        let text = format!("{}", Interface::<T>(core::marker::PhantomData));
        print!("{}", tuple_types_without_locations(&name_errors(&text)));
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

    /// Prints a Solidity interface `I<contract>Constants` with the
    /// functions of the interfaces `names` of [`crate::constants::CONSTANTS_SOL`]:
    /// the constant getters the contract answers from its fallback
    /// ([`crate::constants`]), which the SDK's export cannot see. Prints
    /// nothing for the `constructor` command.
    pub fn print_constants(contract: &str, names: &[&str]) {
        if std::env::args().nth(1).as_deref() == Some("constructor") {
            return;
        }
        println!("\ninterface I{contract}Constants {{");
        for name in names {
            for line in interface_body(crate::constants::CONSTANTS_SOL, name) {
                println!("    {line}");
            }
        }
        println!("}}");
    }

    /// The function declarations of interface `name` in `source`.
    fn interface_body<'a>(source: &'a str, name: &str) -> Vec<&'a str> {
        let header = format!("interface {name} {{");
        source
            .lines()
            .map(str::trim)
            .skip_while(|line| *line != header)
            .skip(1)
            .take_while(|line| *line != "}")
            .filter(|line| line.starts_with("function "))
            .collect()
    }

    #[cfg(test)]
    mod tests {
        use super::{canonical, declarations};
        use crate::consumer::{DSServiceSet, FacetSelectorsSet, EVENTS_SOL};
        use alloy_sol_types::SolEvent;

        #[test]
        fn data_locations_leave_tuple_types_only() {
            let sdk = "    function f(bytes calldata s, (address, bytes calldata, string memory) t) external;\n    function g(uint256[] memory v) external returns (bytes memory);\n";
            assert_eq!(
                super::tuple_types_without_locations(sdk),
                "    function f(bytes calldata s, (address, bytes, string) t) external;\n    function g(uint256[] memory v) external returns (bytes memory);\n"
            );
        }

        #[test]
        fn errors_get_their_parameter_names() {
            let sdk = "interface IX {\n    error RoleChangeNotAllowed(address,uint8,uint8);\n    error Unknown(uint256);\n}\n";
            let named = super::name_errors(sdk);
            assert!(
                named.contains("    error RoleChangeNotAllowed(address target, uint8 currentRole, uint8 newRole);"),
                "{named}"
            );
            assert!(named.contains("    error Unknown(uint256);"), "{named}");
            // every shared error is found, under the signature alloy computes
            use alloy_sol_types::SolError;
            let errors = super::declarations_of(super::ERRORS_SOURCE, "error ");
            for sig in [
                crate::errors::UnauthorizedCaller::SIGNATURE,
                crate::errors::ServiceCallFailed::SIGNATURE,
                crate::errors::ZeroAddress::SIGNATURE,
            ] {
                assert!(
                    errors.iter().any(|d| canonical(d.text) == sig),
                    "{sig} not declared"
                );
            }
        }

        #[test]
        fn every_constant_interface_has_its_getters() {
            let src = crate::constants::CONSTANTS_SOL;
            assert_eq!(super::interface_body(src, "IDSServiceConstants").len(), 25);
            assert_eq!(super::interface_body(src, "IDSTrustConstants").len(), 5);
            assert_eq!(super::interface_body(src, "IDSRegistryConstants").len(), 11);
            assert!(super::interface_body(src, "INoSuch").is_empty());
        }

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
        fn the_shared_event_source_matches_the_compiled_events() {
            let found = declarations(EVENTS_SOL);
            assert_eq!(found.len(), 2);
            assert_eq!(canonical(found[0].text), DSServiceSet::SIGNATURE);
            assert_eq!(canonical(found[1].text), FacetSelectorsSet::SIGNATURE);
            assert!(found.iter().all(|d| d.docs.len() == 1), "NatSpec kept");
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
