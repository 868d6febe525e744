//! Shared test set-up: artifacts, interfaces and accounts.
#![allow(dead_code)]

use alloy_sol_types::{sol, SolValue};
use ds_devnet::{artifact, Address, Devnet, Receipt};

sol! {
    interface ITrust {
        function setRole(address target, uint8 role) external returns (bool);
        function removeRole(address target) external returns (bool);
        function getRole(address target) external view returns (uint8);
        function serviceOwner() external view returns (address);
        function setDSService(uint256 service_id, address service) external returns (bool);
        function getDSService(uint256 service_id) external view returns (address);
    }
    event DSTrustServiceRoleAdded(address targetAddress, uint8 role, address sender);
    event DSServiceSet(uint256 serviceId, address serviceAddress);
    error UnauthorizedCaller(address caller, uint8 callerRole);
    error ServiceCallFailed(uint256 serviceId, address service);
}

pub const MASTER: u8 = 1;
pub const ISSUER: u8 = 2;

/// Reads `target/stylus/<name>.wasm`, failing loudly when it was not built.
pub fn wasm(name: &str) -> Vec<u8> {
    artifact(name)
        .unwrap_or_else(|e| panic!("target/stylus/{name}.wasm: {e}; run scripts/build.sh"))
}

/// A devnet with Trust deployed by (and mastered by) `master`.
pub fn with_trust(master: Address) -> (Devnet, Address) {
    let mut net = Devnet::new();
    let trust = net
        .deploy(&wasm("trust"), master, &master.abi_encode())
        .unwrap_or_else(|r| panic!("trust constructor: {}", r.reason()));
    (net, trust)
}

/// `sender` calls Trust `setRole(target, role)`.
pub fn set_role(
    net: &mut Devnet,
    trust: Address,
    sender: Address,
    target: Address,
    role: u8,
) -> Receipt {
    net.send_sol(sender, trust, &ITrust::setRoleCall { target, role })
}

/// Test program source under tests/wat.
pub fn wat(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/wat/{name}.wat", env!("CARGO_MANIFEST_DIR"));
    wat::parse_file(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}
