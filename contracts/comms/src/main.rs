//! Prints the Solidity interface of the Comms service (`--features export-abi`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

#[cfg(feature = "export-abi")]
fn main() {
    ds_comms::print_from_args();
}
