//! Shared vocabulary of the DS protocol contracts: role, service and attribute
//! ids, compliance reason codes, typed Solidity errors, cross-contract
//! interfaces and the service registry every DS contract embeds.
//!
//! Anything two contracts agree on lives here and nowhere else.

extern crate alloc;

pub mod bits;
pub mod codes;
pub mod consumer;
pub mod errors;
pub mod ids;
pub mod interfaces;
pub mod party;
pub mod text;

pub use errors::DSError;

/// ABI-export helpers (only built with the `export-abi` feature).
#[cfg(feature = "export-abi")]
pub mod abi_export {
    /// Prints a Solidity interface `I<contract>Events` declaring the events
    /// whose alloy `SIGNATURE`s are given (the SDK's export omits events).
    /// Prints nothing for the `constructor` command, whose output
    /// cargo-stylus parses as one constructor signature.
    pub fn print_events(contract: &str, signatures: &[&str]) {
        if std::env::args().nth(1).as_deref() == Some("constructor") {
            return;
        }
        println!("\ninterface I{contract}Events {{");
        for signature in signatures {
            let params = signature
                .split_once('(')
                .map_or("", |(_, p)| p)
                .trim_end_matches(')');
            let name = signature.split('(').next().unwrap_or(signature);
            let params: Vec<&str> = params.split(',').filter(|p| !p.is_empty()).collect();
            println!("    event {name}({});", params.join(", "));
        }
        println!("}}");
    }
}
