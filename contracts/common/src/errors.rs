//! Typed Solidity custom errors shared by every DS contract.
//!
//! Each refusal names who was refused and why, so integrators can decode the
//! revert data instead of parsing strings.

use alloy_sol_types::sol;
use stylus_sdk::prelude::*;

sol! {
    /// `caller` (holding `callerRole`) may not call this function.
    #[derive(Debug, PartialEq, Eq)]
    error UnauthorizedCaller(address caller, uint8 callerRole);
    /// `caller` (holding `callerRole`) may not grant or revoke `role`.
    #[derive(Debug, PartialEq, Eq)]
    error RoleNotManageable(address caller, uint8 callerRole, uint8 role);
    /// `role` is not a role this function accepts.
    #[derive(Debug, PartialEq, Eq)]
    error InvalidRole(uint8 role);
    /// `target` holds `currentRole`; roles change only through NONE.
    #[derive(Debug, PartialEq, Eq)]
    error RoleChangeNotAllowed(address target, uint8 currentRole, uint8 newRole);
    /// `target` holds no role.
    #[derive(Debug, PartialEq, Eq)]
    error RoleNotAssigned(address target);
    /// The master role is only handed over, never removed.
    #[derive(Debug, PartialEq, Eq)]
    error MasterCannotBeRemoved(address target);
    /// The zero address was given where an account is required.
    #[derive(Debug, PartialEq, Eq)]
    error ZeroAddress();
    /// A batch longer than `max` entries was given.
    #[derive(Debug, PartialEq, Eq)]
    error BatchTooLarge(uint256 length, uint256 max);
    /// Two arrays that must pair up have different lengths.
    #[derive(Debug, PartialEq, Eq)]
    error LengthMismatch(uint256 left, uint256 right);
    /// Only the proposed master `pending` may accept the hand-over.
    #[derive(Debug, PartialEq, Eq)]
    error NotPendingMaster(address caller, address pending);
    /// Service `serviceId` is not configured in this contract's service registry.
    #[derive(Debug, PartialEq, Eq)]
    error ServiceNotSet(uint256 serviceId);
    /// A call to service `serviceId` at `service` failed.
    #[derive(Debug, PartialEq, Eq)]
    error ServiceCallFailed(uint256 serviceId, address service);
}

/// Every error a DS contract can revert with.
#[derive(SolidityError, Debug, PartialEq, Eq)]
pub enum DSError {
    /// See [`UnauthorizedCaller`].
    UnauthorizedCaller(UnauthorizedCaller),
    /// See [`RoleNotManageable`].
    RoleNotManageable(RoleNotManageable),
    /// See [`InvalidRole`].
    InvalidRole(InvalidRole),
    /// See [`RoleChangeNotAllowed`].
    RoleChangeNotAllowed(RoleChangeNotAllowed),
    /// See [`RoleNotAssigned`].
    RoleNotAssigned(RoleNotAssigned),
    /// See [`MasterCannotBeRemoved`].
    MasterCannotBeRemoved(MasterCannotBeRemoved),
    /// See [`ZeroAddress`].
    ZeroAddress(ZeroAddress),
    /// See [`BatchTooLarge`].
    BatchTooLarge(BatchTooLarge),
    /// See [`LengthMismatch`].
    LengthMismatch(LengthMismatch),
    /// See [`NotPendingMaster`].
    NotPendingMaster(NotPendingMaster),
    /// See [`ServiceNotSet`].
    ServiceNotSet(ServiceNotSet),
    /// See [`ServiceCallFailed`].
    ServiceCallFailed(ServiceCallFailed),
}

/// Shorthand constructors, so call sites stay one line.
impl DSError {
    /// The caller lacks the role the function requires.
    pub fn unauthorized(caller: alloy_primitives::Address, caller_role: u8) -> Self {
        Self::UnauthorizedCaller(UnauthorizedCaller {
            caller,
            callerRole: caller_role,
        })
    }

    /// A zero address was passed.
    pub fn zero_address() -> Self {
        Self::ZeroAddress(ZeroAddress {})
    }

    /// Fails with [`BatchTooLarge`] when `len` exceeds the protocol batch bound.
    pub fn check_batch(len: usize) -> Result<(), Self> {
        let max = crate::ids::limits::MAX_BATCH;
        if len > max {
            return Err(Self::BatchTooLarge(BatchTooLarge {
                length: alloy_primitives::U256::from(len),
                max: alloy_primitives::U256::from(max),
            }));
        }
        Ok(())
    }

    /// Fails with [`LengthMismatch`] unless both lengths agree.
    pub fn check_lengths(left: usize, right: usize) -> Result<(), Self> {
        if left != right {
            return Err(Self::LengthMismatch(LengthMismatch {
                left: alloy_primitives::U256::from(left),
                right: alloy_primitives::U256::from(right),
            }));
        }
        Ok(())
    }
}
