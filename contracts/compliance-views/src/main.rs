//! Prints the Solidity interface of the Compliance views facet (`--features export-abi`).
#![cfg_attr(not(any(test, feature = "export-abi")), no_main)]

#[cfg(feature = "export-abi")]
fn main() {
    ds_compliance_views::print_from_args();
}
