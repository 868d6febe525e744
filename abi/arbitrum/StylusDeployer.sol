// SPDX-License-Identifier: MIT
// Arbitrum's StylusDeployer (0xcEcba2F1DC234f70Dd89F2041029807F8D03A990 on
// Arbitrum chains): creates, activates and initialises a Stylus program in
// one transaction. Written from nitro-contracts' StylusDeployer.sol; not
// generated from this project's code (scripts/export-abi.sh leaves this folder alone).
pragma solidity ^0.8.0;

interface IStylusDeployer {
    function deploy(bytes calldata bytecode, bytes calldata initData, uint256 initValue, bytes32 salt) external payable returns (address);
    function initSalt(bytes32 salt, bytes calldata initData) external pure returns (bytes32);
    function requiresActivation(address addr) external view returns (bool);

    event ContractDeployed(address deployedContract);

    error ContractDeploymentError(bytes bytecode);
    error ContractInitializationError(address newContract, bytes data);
    error RefundExcessValueError(uint256 excessValue);
    error EmptyBytecode();
    error InitValueButNotInitData();
}
