// SPDX-License-Identifier: MIT
// The part of Arbitrum's ArbWasm precompile (0x0000000000000000000000000000000000000071)
// the devnet serves: activation and the pricing parameters. Written from
// nitro-contracts' ArbWasm.sol; not generated from this project's code
// (scripts/export-abi.sh leaves this folder alone).
pragma solidity ^0.8.0;

interface IArbWasm {
    function activateProgram(address program) external payable returns (uint16 version, uint256 dataFee);
    function stylusVersion() external view returns (uint16 version);
    function codehashVersion(bytes32 codehash) external view returns (uint16 version);
    function programVersion(address program) external view returns (uint16 version);
    function programInitGas(address program) external view returns (uint64 gas, uint64 gasWhenCached);
    function programMemoryFootprint(address program) external view returns (uint16 footprint);
    function codehashAsmSize(bytes32 codehash) external view returns (uint32 size);
    function inkPrice() external view returns (uint32 price);
    function maxStackDepth() external view returns (uint32 depth);
    function freePages() external view returns (uint16 pages);
    function pageGas() external view returns (uint16 gas);
    function pageRamp() external view returns (uint64 ramp);
    function pageLimit() external view returns (uint16 limit);
    function minInitGas() external view returns (uint64 gas, uint64 cached);
    function initCostScalar() external view returns (uint64 percent);

    event ProgramActivated(bytes32 indexed codehash, bytes32 moduleHash, address program, uint256 dataFee, uint16 version);

    error ProgramNotWasm();
    error ProgramNotActivated();
    error ProgramUpToDate();
}
