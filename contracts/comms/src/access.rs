//! What the Comms service asks other DS services: who may publish (Trust)
//! and which investor a wallet belongs to (Registry).

use alloy_primitives::{Address, B256};
use ds_common::{
    consumer::{Access, ServiceRegistry},
    errors::NotAnInvestor,
    ids::{role, service},
    interfaces::IRegistryService,
    party::PartyInfo,
    DSError,
};
use stylus_sdk::prelude::*;

/// In which quality a sender may publish.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Publisher {
    /// MASTER or ISSUER: publishes and revokes any notice.
    Admin,
    /// An authorised DS app (holding the given Trust role, usually NONE):
    /// publishes, and revokes its own notices.
    App(u8),
}

/// How `sender` may publish, or [`DSError::UnauthorizedCaller`]. Asks the
/// Trust service for the role first, and for the app authorisation only
/// when the role does not suffice.
pub fn publisher(services: &ServiceRegistry, sender: Address) -> Result<Publisher, DSError> {
    Ok(
        match services.require_role_or_app(sender, role::ISSUER_OR_ABOVE)? {
            Access::Role(_) => Publisher::Admin,
            Access::App(sender_role) => Publisher::App(sender_role),
        },
    )
}

/// The investor key and registry info of `wallet`, or [`NotAnInvestor`]
/// when the wallet belongs to no registered investor.
pub fn investor_of(
    services: &ServiceRegistry,
    wallet: Address,
) -> Result<(B256, PartyInfo), DSError> {
    let registry = services.require(service::REGISTRY)?;
    let (key, info) = IRegistryService::new(registry)
        .get_party(services.vm(), Call::new(), wallet)
        .map_err(|_| DSError::service_call_failed(service::REGISTRY, registry))?;
    let info = PartyInfo::unpack(info);
    if !info.is_investor || key.is_zero() {
        return Err(DSError::NotAnInvestor(NotAnInvestor { wallet }));
    }
    Ok((key, info))
}
