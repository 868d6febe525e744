//! Pure role-management rules of the Trust service (no storage, no host).

use alloy_primitives::Address;
use ds_common::{
    errors::{InvalidRole, RoleChangeNotAllowed, RoleNotManageable},
    ids::role,
    DSError,
};

/// Roles that may grant or revoke roles at all.
pub fn is_manager(sender_role: u8) -> bool {
    matches!(
        sender_role,
        role::MASTER | role::ISSUER | role::TRANSFER_AGENT
    )
}

/// Whether a sender holding `sender_role` may grant or revoke `role`.
pub fn may_manage(sender_role: u8, role: u8) -> bool {
    match sender_role {
        role::MASTER => matches!(role, role::ISSUER | role::EXCHANGE | role::TRANSFER_AGENT),
        role::ISSUER => matches!(role, role::ISSUER | role::EXCHANGE),
        role::TRANSFER_AGENT => role == role::TRANSFER_AGENT,
        _ => false,
    }
}

/// Refuses unless `sender_role` may grant or revoke `role`.
pub fn check_manageable(sender: Address, sender_role: u8, role: u8) -> Result<(), DSError> {
    if may_manage(sender_role, role) {
        return Ok(());
    }
    Err(DSError::RoleNotManageable(RoleNotManageable {
        caller: sender,
        callerRole: sender_role,
        role,
    }))
}

/// Refuses a grant of `role` to `target` unless `target` is a real address
/// that holds no role (roles change only through NONE).
pub fn check_grantable_to(target: Address, current: u8, role: u8) -> Result<(), DSError> {
    if target.is_zero() {
        return Err(DSError::zero_address());
    }
    if current != role::NONE {
        return Err(DSError::RoleChangeNotAllowed(RoleChangeNotAllowed {
            target,
            currentRole: current,
            newRole: role,
        }));
    }
    Ok(())
}

/// All checks of `setRole(target, role)` by a sender holding `sender_role`,
/// where `current` is the role `target` holds now.
pub fn check_set(
    sender: Address,
    sender_role: u8,
    target: Address,
    current: u8,
    role: u8,
) -> Result<(), DSError> {
    if !matches!(role, role::ISSUER | role::EXCHANGE | role::TRANSFER_AGENT) {
        return Err(DSError::InvalidRole(InvalidRole { role }));
    }
    check_manageable(sender, sender_role, role)?;
    check_grantable_to(target, current, role)
}
