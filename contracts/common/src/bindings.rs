//! Off-chain bindings of the suite as it publishes itself, for the `ds` CLI
//! and the end-to-end tests: one interface per address (`abi/*.sol`) and,
//! in [`programs`], the own interfaces of the programs behind the
//! multi-program addresses (`abi/programs/*.sol`); all checked against the
//! code in CI. Only with the `bindings` feature, never in a contract's Wasm.
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
    "../../abi/CommsService.sol"
);
sol!(
    #[sol(all_derives)]
    "../../abi/DSToken.sol"
);
sol!(
    #[sol(all_derives)]
    "../../abi/Distribution.sol"
);
sol!(
    #[sol(all_derives)]
    "../../abi/DvP.sol"
);
sol!(
    #[sol(all_derives)]
    "../../abi/NavProvider.sol"
);
sol!(
    #[sol(all_derives)]
    "../../abi/BulkBalanceChecker.sol"
);
sol!(
    #[sol(all_derives)]
    "../../abi/TokenIssuer.sol"
);
sol!(
    #[sol(all_derives)]
    "../../abi/WalletRegistrar.sol"
);
sol!(
    #[sol(all_derives)]
    "../../abi/BulkOperator.sol"
);
sol!(
    #[sol(all_derives)]
    "../../abi/TransactionRelayer.sol"
);
sol!(
    #[sol(all_derives)]
    "../../abi/RebasingProvider.sol"
);
sol!(
    #[sol(all_derives)]
    "../../abi/Subscription.sol"
);
sol!(
    #[sol(all_derives)]
    "../../abi/Redemption.sol"
);

/// The interfaces of the programs behind the Compliance and DS token
/// addresses, each as the program exports it: for calling a facet directly
/// (which it refuses) and for the per-program checks of the tests.
pub mod programs {
    use alloy_sol_types::sol;
    sol!(
        #[sol(all_derives)]
        "../../abi/programs/compliance.sol"
    );
    sol!(
        #[sol(all_derives)]
        "../../abi/programs/compliance-views.sol"
    );
    sol!(
        #[sol(all_derives)]
        "../../abi/programs/compliance-admin.sol"
    );
    sol!(
        #[sol(all_derives)]
        "../../abi/programs/compliance-config.sol"
    );
    sol!(
        #[sol(all_derives)]
        "../../abi/programs/compliance-hooks.sol"
    );
    sol!(
        #[sol(all_derives)]
        "../../abi/programs/ds-token.sol"
    );
    sol!(
        #[sol(all_derives)]
        "../../abi/programs/token-admin.sol"
    );
    sol!(
        #[sol(all_derives)]
        "../../abi/programs/token-control.sol"
    );
}

sol! {
    /// The two functions every router serves at its service's address
    /// (Compliance, the DS token), with the same selectors at both.
    #[sol(all_derives)]
    interface IFacetRouter {
        /// Master only: sends `selectors` to facet `facetId` (0 removes the routes).
        function setFacetSelectors(uint256 facetId, bytes4[] selectors) external returns (bool);
        /// The facet id `selector` is routed to.
        function facetOf(bytes4 selector) external view returns (uint256);
    }
}

/// The Compliance router's table as a deployment sets it
/// (`setFacetSelectors`): each facet id with the selectors of its exported
/// interface (`abi/programs/`), less those the entry program serves itself.
pub fn compliance_routes() -> Vec<(u64, Vec<[u8; 4]>)> {
    use crate::ids::service;
    let entry = programs::IComplianceService::IComplianceServiceCalls::SELECTORS;
    [
        (
            service::COMPLIANCE_VIEWS_FACET,
            programs::IComplianceViews::IComplianceViewsCalls::SELECTORS,
        ),
        (
            service::COMPLIANCE_ADMIN_FACET,
            programs::IComplianceAdmin::IComplianceAdminCalls::SELECTORS,
        ),
        (
            service::COMPLIANCE_CONFIG_FACET,
            programs::IComplianceConfig::IComplianceConfigCalls::SELECTORS,
        ),
        (
            service::COMPLIANCE_HOOKS_FACET,
            programs::IComplianceHooks::IComplianceHooksCalls::SELECTORS,
        ),
    ]
    .into_iter()
    .map(|(facet, selectors)| {
        let own = selectors
            .iter()
            .filter(|s| !entry.contains(s))
            .copied()
            .collect();
        (facet, own)
    })
    .collect()
}

/// The DS token router's table as a deployment sets it
/// (`setFacetSelectors` on the token): the control facet's selectors from
/// its exported interface, less those the token's entry program serves. The
/// admin facet needs no route: a selector without one runs there.
pub fn token_routes() -> Vec<(u64, Vec<[u8; 4]>)> {
    use crate::ids::service;
    let entry = programs::IDSToken::IDSTokenCalls::SELECTORS;
    let control = programs::IDSTokenControl::IDSTokenControlCalls::SELECTORS;
    let own = control
        .iter()
        .filter(|s| !entry.contains(s))
        .copied()
        .collect();
    alloc::vec![(service::TOKEN_CONTROL_FACET, own)]
}
