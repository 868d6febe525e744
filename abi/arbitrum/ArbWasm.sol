// SPDX-License-Identifier: MIT
// The part of Arbitrum's ArbWasm precompile (0x0000000000000000000000000000000000000071)
// a Stylus deployment uses. Written from nitro-contracts' ArbWasm.sol; not
// generated from this project's code (scripts/export-abi.sh leaves this folder alone).
pragma solidity ^0.8.0;

interface IArbWasm {
    function activateProgram(address program) external payable returns (uint16 version, uint256 dataFee);
    function stylusVersion() external view returns (uint16 version);
    function codehashVersion(bytes32 codehash) external view returns (uint16 version);
    function programVersion(address program) external view returns (uint16 version);

    event ProgramActivated(bytes32 indexed codehash, bytes32 moduleHash, address program, uint256 dataFee, uint16 version);

    error ProgramNotWasm();
    error ProgramNotActivated();
    error ProgramUpToDate();
}
