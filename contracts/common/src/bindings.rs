//! Off-chain bindings of the suite as it publishes itself: every exported
//! interface of `abi/*.sol` (checked against the code in CI), for the `ds`
//! CLI and the end-to-end tests. Only with the `bindings` feature, never in
//! a contract's Wasm.
#![allow(missing_docs, clippy::too_many_arguments)]

use alloy_sol_types::sol;

sol!(
    #[sol(all_derives)]
    "../../abi/TrustService.sol"
);
sol!(
    #[sol(all_derives)]
    "../../abi/RegistryService.sol"
);
sol!(
    #[sol(all_derives)]
    "../../abi/ComplianceService.sol"
);
sol!(
    #[sol(all_derives)]
    "../../abi/ComplianceViews.sol"
);
sol!(
    #[sol(all_derives)]
    "../../abi/ComplianceAdmin.sol"
);
sol!(
    #[sol(all_derives)]
    "../../abi/ComplianceRules.sol"
);
sol!(
    #[sol(all_derives)]
    "../../abi/CommsService.sol"
);
sol!(
    #[sol(all_derives)]
    "../../abi/DSToken.sol"
);
sol!(
    #[sol(all_derives)]
    "../../abi/DSTokenAdmin.sol"
);
sol!(
    #[sol(all_derives)]
    "../../abi/Distribution.sol"
);
