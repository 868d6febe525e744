//! Bindings of the suite's addresses (the exported `abi/*.sol`, shared as
//! `ds_common::bindings`) and of the two Arbitrum contracts a deployment
//! goes through.

#![allow(missing_docs, clippy::too_many_arguments)]

use alloy_primitives::hex;
use alloy_sol_types::{sol, SolInterface};

use crate::names::role_name;

pub use ds_common::bindings::*;

// Arbitrum's activation precompile and StylusDeployer (hand-written
// interfaces in `abi/arbitrum/`, shared with the devnet that emulates them).
sol!(
    #[sol(all_derives)]
    "../abi/arbitrum/ArbWasm.sol"
);
sol!(
    #[sol(all_derives)]
    "../abi/arbitrum/StylusDeployer.sol"
);
sol!(
    #[sol(all_derives)]
    "../abi/arbitrum/ArbWasmCache.sol"
);

/// Arbitrum's ArbWasmCache precompile (which programs are cached).
pub const ARB_WASM_CACHE: alloy_primitives::Address =
    alloy_primitives::address!("0000000000000000000000000000000000000072");

/// Human-readable form of revert data: the decoded custom error when it is
/// one of the suite's (or the StylusDeployer's), else the raw hex.
pub fn describe_revert(data: &[u8]) -> String {
    use IStylusDeployer::IStylusDeployerErrors as Deployer;
    if data.is_empty() {
        return "no revert data".to_string();
    }
    if let Ok(Deployer::ContractInitializationError(e)) = Deployer::abi_decode(data) {
        return format!(
            "constructor of {} reverted: {}",
            e.newContract,
            describe_revert(&e.data)
        );
    }
    if let Ok(e) = Deployer::abi_decode(data) {
        return format!("StylusDeployer: {e:?}");
    }
    if let Ok(e) = IDSToken::IDSTokenErrors::abi_decode(data) {
        use IDSToken::IDSTokenErrors as E;
        return match e {
            E::UnauthorizedCaller(e) => {
                format!(
                    "UnauthorizedCaller: {} has role {}",
                    e.caller,
                    role_name(e.callerRole)
                )
            }
            E::TransferRejected(e) => format!("TransferRejected: {} {}", e.code, e.reason),
            E::IssuanceRejected(e) => format!("IssuanceRejected: {} {}", e.code, e.reason),
            other => strip_variant(format!("{other:?}")),
        };
    }
    macro_rules! first_decoded {
        ($($errors:ty),+) => {
            $(if let Ok(e) = <$errors>::abi_decode(data) {
                return strip_variant(format!("{e:?}"));
            })+
        };
    }
    first_decoded!(
        ITrustService::ITrustServiceErrors,
        IRegistryService::IRegistryServiceErrors,
        IComplianceService::IComplianceServiceErrors,
        ICommsService::ICommsServiceErrors,
        IDistribution::IDistributionErrors
    );
    format!("revert data {}", hex::encode_prefixed(data))
}

/// `Name(Name { field: .. })` (the enum's Debug) → `Name { field: .. }`.
fn strip_variant(debug: String) -> String {
    match debug.split_once('(') {
        Some((_, inner)) if inner.ends_with(')') => inner[..inner.len() - 1].to_string(),
        _ => debug,
    }
}

#[cfg(test)]
mod tests {
    use alloy_primitives::{Address, U256};
    use alloy_sol_types::SolError;

    use super::*;

    #[test]
    fn reverts_are_decoded() {
        use IDSToken::*;
        let e = UnauthorizedCaller {
            caller: Address::repeat_byte(7),
            callerRole: 0,
        };
        let text = describe_revert(&e.abi_encode());
        assert!(text.starts_with("UnauthorizedCaller: 0x0707"), "{text}");
        assert!(text.ends_with("has role none"), "{text}");
        let e = TransferRejected {
            code: U256::from(20),
            reason: "Wallet not in registry service".into(),
        };
        assert_eq!(
            describe_revert(&e.abi_encode()),
            "TransferRejected: 20 Wallet not in registry service"
        );
        let e = IssuanceRejected {
            code: U256::from(26),
            reason: "Destination restricted".into(),
        };
        assert_eq!(
            describe_revert(&e.abi_encode()),
            "IssuanceRejected: 26 Destination restricted"
        );
        // Errors only another service declares.
        let e = IRegistryService::InvalidExpiry {
            expiry: U256::from(1),
            max: U256::from(2),
        };
        // with the parameter names the exported ABI keeps (issue 24)
        let text = describe_revert(&e.abi_encode());
        assert!(
            text.starts_with("InvalidExpiry { expiry: 1, max: 2"),
            "{text}"
        );
        // A constructor's revert, wrapped by the StylusDeployer.
        let inner = ITrustService::ZeroAddress {}.abi_encode();
        let e = IStylusDeployer::ContractInitializationError {
            newContract: Address::repeat_byte(1),
            data: inner.into(),
        };
        let text = describe_revert(&e.abi_encode());
        assert!(text.starts_with("constructor of 0x0101"), "{text}");
        assert!(text.ends_with("reverted: ZeroAddress"), "{text}");
        assert_eq!(describe_revert(&[]), "no revert data");
        assert_eq!(describe_revert(&[1, 2, 3, 4]), "revert data 0x01020304");
    }
}
