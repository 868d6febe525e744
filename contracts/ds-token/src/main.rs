//! Prints the Solidity interface of the DS token (`--features export-abi`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

#[cfg(feature = "export-abi")]
fn main() {
    ds_token::print_from_args();
}
