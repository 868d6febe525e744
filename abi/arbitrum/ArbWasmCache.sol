// SPDX-License-Identifier: MIT
// The part of Arbitrum's ArbWasmCache precompile (0x0000000000000000000000000000000000000072)
// the devnet serves: which programs are cached (their entries then cost only the
// cached init gas). Written from nitro-contracts' ArbWasmCache.sol; not generated
// from this project's code.
pragma solidity ^0.8.0;

interface IArbWasmCache {
    function isCacheManager(address manager) external view returns (bool);
    function allCacheManagers() external view returns (address[] memory managers);
    function cacheProgram(address addr) external;
    function evictCodehash(bytes32 codehash) external;
    function codehashIsCached(bytes32 codehash) external view returns (bool);

    event UpdateProgramCache(address indexed manager, bytes32 indexed codehash, bool cached);
}
