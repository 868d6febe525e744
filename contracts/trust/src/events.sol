// Events of the Trust service (roles and DS-app entities).
// Compiled by `sol!` and printed verbatim into the exported ABI (abi/*.sol),
// so integrators decode with the names and `indexed` markers emitted.

/// `targetAddress` received `role` from `sender`.
event DSTrustServiceRoleAdded(address targetAddress, uint8 role, address sender);
/// `targetAddress` lost `role`, removed by `sender`.
event DSTrustServiceRoleRemoved(address targetAddress, uint8 role, address sender);
/// `currentMaster` proposed `proposedMaster` as the next master (zero cancels).
event DSTrustServiceMasterProposed(address currentMaster, address proposedMaster);
/// Entity `name` was created with `owner`, by `sender`.
event DSTrustServiceEntityAdded(string name, address indexed owner, address sender);
/// Entity `name`, last owned by `owner`, was removed by `sender`.
event DSTrustServiceEntityRemoved(string name, address indexed owner, address sender);
/// `member` joined entity `name` as `capacity` (`ids::entity_capacity`), by `sender`.
event DSTrustServiceEntityMemberAdded(string name, address indexed member, uint8 capacity, address sender);
/// `member` left entity `name`, where it was `capacity`, by `sender`.
event DSTrustServiceEntityMemberRemoved(string name, address indexed member, uint8 capacity, address sender);
