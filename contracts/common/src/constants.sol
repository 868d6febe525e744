/// The constant getters of DS's `ServiceConsumer` and `BaseDSContract`, served by every DS service here.
interface IDSServiceConstants {
    function TRUST_SERVICE() external view returns (uint256);
    function DS_TOKEN() external view returns (uint256);
    function REGISTRY_SERVICE() external view returns (uint256);
    function COMPLIANCE_SERVICE() external view returns (uint256);
    function UNUSED_1() external view returns (uint256);
    function WALLET_MANAGER() external view returns (uint256);
    function LOCK_MANAGER() external view returns (uint256);
    function DEPRECATED_PARTITIONS_MANAGER() external view returns (uint256);
    function COMPLIANCE_CONFIGURATION_SERVICE() external view returns (uint256);
    function TOKEN_ISSUER() external view returns (uint256);
    function WALLET_REGISTRAR() external view returns (uint256);
    function DEPRECATED_OMNIBUS_TBE_CONTROLLER() external view returns (uint256);
    function TRANSACTION_RELAYER() external view returns (uint256);
    function DEPRECATED_TOKEN_REALLOCATOR() external view returns (uint256);
    function DEPRECATED_ISSUER_MULTICALL() external view returns (uint256);
    function DEPRECATED_TA_MULTICALL() external view returns (uint256);
    function DEPRECATED_SECURITIZE_SWAP() external view returns (uint256);
    function REBASING_PROVIDER() external view returns (uint256);
    function ROLE_NONE() external view returns (uint8);
    function ROLE_MASTER() external view returns (uint8);
    function ROLE_ISSUER() external view returns (uint8);
    function ROLE_EXCHANGE() external view returns (uint8);
    function ROLE_TRANSFER_AGENT() external view returns (uint8);
    function getImplementationAddress() external view returns (address);
    function getInitializedVersion() external view returns (uint64);
}

/// The role names of DS's `TrustService`.
interface IDSTrustConstants {
    function NONE() external view returns (uint8);
    function MASTER() external view returns (uint8);
    function ISSUER() external view returns (uint8);
    function EXCHANGE() external view returns (uint8);
    function TRANSFER_AGENT() external view returns (uint8);
}

/// The attribute and status names of DS's `RegistryService` and the wallet types of its `WalletManager`.
interface IDSRegistryConstants {
    function KYC_APPROVED() external view returns (uint8);
    function ACCREDITED() external view returns (uint8);
    function QUALIFIED() external view returns (uint8);
    function PROFESSIONAL() external view returns (uint8);
    function PENDING() external view returns (uint8);
    function APPROVED() external view returns (uint8);
    function REJECTED() external view returns (uint8);
    function NONE() external view returns (uint8);
    function ISSUER() external view returns (uint8);
    function PLATFORM() external view returns (uint8);
    function EXCHANGE() external view returns (uint8);
}
