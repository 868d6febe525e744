//! `ds-devnet`: a local Stylus chain that executes the real
//! `target/stylus/*.wasm` artifacts in the wasmi interpreter.
//!
//! - Programs export `user_entrypoint(len) -> status` and `memory`; the devnet
//!   provides the `vm_hooks` imports (see [`hostio`](crate::hostio) module docs):
//!   calldata/result, storage load/cache/flush, call/static/delegate calls to
//!   other deployed programs, return data, logs, msg/tx/block context,
//!   keccak, account queries.
//! - Precompiles: `ecrecover` at address 1 (3,000 gas, reported with the
//!   calls), what programs verifying signatures call; no other EVM
//!   precompile is served yet.
//! - State is journaled: a reverted frame loses its storage writes, logs,
//!   value transfers and warm marks, nested frames included; static frames
//!   cannot write. Each frame has its own host storage cache (as in nitro):
//!   `storage_cache_bytes32` writes to it, `storage_flush_cache` persists it.
//! - Gas is nitro's ([`gas`], [`module`]): program entries priced from the
//!   module (cached or not, per program: [`Devnet::set_cached`]), ink per
//!   basic block entered, hostios, storage, calls, logs and memory; every
//!   [`Receipt`] carries the parts, the total as charged and priced with no
//!   program / every program cached, the programs entered, and counts of
//!   slots read/written and calls made.
//!
//! ```no_run
//! use ds_devnet::{Devnet, U256};
//! let mut net = Devnet::new();
//! let owner = Devnet::account("owner");
//! let wasm = std::fs::read("target/stylus/trust.wasm").unwrap();
//! let args = alloy_sol_types::SolValue::abi_encode(&owner);
//! let trust = net.deploy(&wasm, owner, &args).expect("constructor ran");
//! let receipt = net.send(owner, trust, &[0xde, 0xad, 0xbe, 0xef], U256::ZERO);
//! println!("{}: {} gas", receipt.reason(), receipt.gas.total);
//! ```
#![warn(missing_docs)]

mod devnet;
mod exec;
pub mod gas;
mod hostio;
pub mod module;
mod precompile;
mod program;
mod receipt;
pub mod rpc;
pub mod snapshot;
mod state;

pub use alloy_primitives::{Address, Bytes, Log, B256, U256};
pub use devnet::{
    constructor_calldata, constructor_selector, Devnet, Tx, DEFAULT_CHAIN_ID, DEFAULT_GAS_LIMIT,
    GENESIS_TIMESTAMP,
};
pub use exec::MAX_DEPTH;
pub use gas::{GasReport, ProgramEntry};
pub use program::{deployed_code, MAX_CODE_SIZE, MAX_WASM_SIZE, STYLUS_PREFIX};
pub use receipt::{Failure, InnerFailure, Receipt};

/// Loads `target/stylus/<name>.wasm` from the workspace root.
pub fn artifact(name: &str) -> std::io::Result<Vec<u8>> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    std::fs::read(root.join("target/stylus").join(format!("{name}.wasm")))
}
