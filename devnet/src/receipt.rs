//! Transaction receipts and failure reasons.

use std::fmt;

use alloy_primitives::{Address, Bytes, Log};
use alloy_sol_types::{SolCall, SolError};

use crate::gas::{GasReport, ProgramEntry};

/// Why a call or deployment failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// The program reverted with `data` (ABI-encoded error, possibly empty).
    Reverted,
    /// The target address holds no program.
    NoProgram(Address),
    /// Calldata of 1–3 bytes cannot hold a selector.
    CalldataTooShort(usize),
    /// The program's router knows no method with this selector.
    UnknownSelector([u8; 4]),
    /// The program was re-entered and refused it (SDK reentrancy guard).
    Reentrancy(Address),
    /// The Wasm trapped (panic, unreachable, out-of-bounds access, …).
    Trap(String),
    /// Gas ran out.
    OutOfGas,
    /// A static call tried to change state.
    WriteProtection,
    /// The sender cannot pay the value.
    InsufficientBalance,
    /// Calls nested deeper than 1,024 frames.
    CallDepth,
    /// The Wasm is not a valid Stylus program.
    InvalidProgram(String),
    /// The program used a hostio the devnet does not provide.
    Unsupported(&'static str),
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Reverted => write!(f, "execution reverted"),
            Self::NoProgram(a) => write!(f, "no program deployed at {a}"),
            Self::CalldataTooShort(n) => {
                write!(f, "calldata of {n} bytes is shorter than a selector")
            }
            Self::UnknownSelector(s) => {
                write!(f, "unknown selector 0x{}", alloy_primitives::hex::encode(s))
            }
            Self::Reentrancy(a) => write!(f, "reentrant call into {a} refused"),
            Self::Trap(t) => write!(f, "Wasm trap: {t}"),
            Self::OutOfGas => write!(f, "out of gas"),
            Self::WriteProtection => write!(f, "state change in a static call"),
            Self::InsufficientBalance => write!(f, "insufficient balance for the value"),
            Self::CallDepth => write!(f, "call depth limit reached"),
            Self::InvalidProgram(e) => write!(f, "invalid program: {e}"),
            Self::Unsupported(h) => write!(f, "hostio `{h}` is not supported by the devnet"),
        }
    }
}

/// A failure inside a nested frame (kept even when an outer frame handled it).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct InnerFailure {
    /// Call depth of the failed frame (0 = the transaction's target).
    pub depth: usize,
    /// The program that failed.
    pub address: Address,
    /// Why.
    pub failure: Failure,
}

/// The result of a transaction, a static call or a deployment.
#[derive(Clone, Debug)]
pub struct Receipt {
    /// `true` when the transaction succeeded.
    pub success: bool,
    /// Return data on success, revert data on failure.
    pub output: Bytes,
    /// Why it failed (`None` on success).
    pub failure: Option<Failure>,
    /// Failures of nested frames, innermost first.
    pub inner_failures: Vec<InnerFailure>,
    /// Logs emitted (empty on failure).
    pub logs: Vec<Log>,
    /// Gas by part.
    pub gas: GasReport,
    /// SLOADs that reached the state (host-cache misses).
    pub slots_read: u64,
    /// Slot writes persisted to the state by cache flushes.
    pub slots_written: u64,
    /// Cross-contract calls made (call, static and delegate).
    pub calls: u64,
    /// Programs entered, in order (the transaction's target first), with
    /// the init gas each entry was charged.
    pub programs: Vec<ProgramEntry>,
    /// Address of the program a deployment created.
    pub contract_address: Option<Address>,
    /// Text the programs printed through the `console` module.
    pub console: Vec<String>,
}

impl Receipt {
    /// A receipt for a transaction refused before execution.
    pub(crate) fn refused(failure: Failure, gas: GasReport) -> Self {
        Self {
            success: false,
            output: Bytes::new(),
            failure: Some(failure),
            inner_failures: Vec::new(),
            logs: Vec::new(),
            gas,
            slots_read: 0,
            slots_written: 0,
            calls: 0,
            programs: Vec::new(),
            contract_address: None,
            console: Vec::new(),
        }
    }

    /// Decodes the return data as the result of `C`.
    pub fn decode<C: SolCall>(&self) -> Result<C::Return, String> {
        if !self.success {
            return Err(format!("call failed: {}", self.reason()));
        }
        C::abi_decode_returns(&self.output).map_err(|e| format!("bad return data: {e}"))
    }

    /// `true` when the call reverted with the Solidity error `E`: its
    /// selector and fields that decode as `E`'s (strictly: a truncated or
    /// padded answer is not `E`).
    pub fn reverted_with<E: SolError>(&self) -> bool {
        !self.success && E::abi_decode_validate(&self.output).is_ok()
    }

    /// Decodes the revert data as the Solidity error `E`.
    pub fn revert_error<E: SolError>(&self) -> Option<E> {
        if self.success {
            return None;
        }
        E::abi_decode(&self.output).ok()
    }

    /// A human-readable reason for the failure ("ok" on success).
    pub fn reason(&self) -> String {
        let Some(failure) = &self.failure else {
            return "ok".into();
        };
        let mut text = failure.to_string();
        if !self.output.is_empty() {
            text += &format!(" (data 0x{})", alloy_primitives::hex::encode(&self.output));
        }
        for inner in &self.inner_failures {
            text += &format!(
                "; at depth {} in {}: {}",
                inner.depth, inner.address, inner.failure
            );
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloy_sol_types::{sol, SolError};

    sol! {
        error Refused(address who, uint8 role);
    }

    #[test]
    fn reverted_with_needs_the_whole_error_not_its_selector() {
        let mut r = Receipt::refused(Failure::Reverted, GasReport::default());
        let error = Refused {
            who: Address::repeat_byte(7),
            role: 2,
        };
        r.output = error.abi_encode().into();
        assert!(r.reverted_with::<Refused>());
        r.output = Refused::SELECTOR.to_vec().into();
        assert!(!r.reverted_with::<Refused>(), "the selector alone");
        let mut bad_role = error.abi_encode();
        bad_role[4 + 32 + 30] = 1; // role beyond uint8
        r.output = bad_role.into();
        assert!(!r.reverted_with::<Refused>(), "a field out of its type");
        r.success = true;
        r.output = error.abi_encode().into();
        assert!(
            !r.reverted_with::<Refused>(),
            "a success reverts with nothing"
        );
    }
}
