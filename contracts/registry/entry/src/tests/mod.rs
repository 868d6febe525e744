//! Native tests of the Registry service on the SDK's `TestVM`, wrapped in
//! [`ds_testing::MockHost`] for exact call mocks, call records and SLOAD counts.

mod attributes;
mod hooks;
mod investors;
mod parties;
mod roles;
mod special_wallets;
mod wallets;

use super::*;
use alloy_primitives::{address, B256, U256};
use alloy_sol_types::{sol, SolCall, SolEvent};
use ds_common::ids::{role, service};
use ds_common::{errors::UnauthorizedCaller, party::PartyInfo};
use ds_registry_admin::RegistryAdmin;
use ds_registry_state::{
    events::*, EXCHANGE_OR_ABOVE, ISSUER_OR_ABOVE, ISSUER_OR_TRANSFER_AGENT_OR_ABOVE,
};
use ds_testing::MockHost;

sol! {
    function getRole(address target) external view returns (uint8);
    function balanceOf(address wallet) external view returns (uint256);
    function reserveWallet(address wallet) external returns (uint256);
    function onInvestorInfoChanged(bytes32 investorKey, uint256 oldInfo, uint256 newInfo) external;
}

pub const TRUST: Address = address!("00000000000000000000000000000000000007a1");
pub const TOKEN: Address = address!("00000000000000000000000000000000000007a2");
pub const COMPLIANCE: Address = address!("00000000000000000000000000000000000007a8");
pub const MASTER: Address = address!("00000000000000000000000000000000000000a1");
pub const ISSUER: Address = address!("00000000000000000000000000000000000000b2");
pub const EXCHANGE: Address = address!("00000000000000000000000000000000000000c4");
pub const EXCHANGE2: Address = address!("00000000000000000000000000000000000000c5");
pub const AGENT: Address = address!("00000000000000000000000000000000000000d8");
pub const NOBODY: Address = address!("00000000000000000000000000000000000000e0");
pub const W1: Address = address!("0000000000000000000000000000000000001001");
pub const W2: Address = address!("0000000000000000000000000000000000001002");
pub const W3: Address = address!("0000000000000000000000000000000000001003");
pub const W4: Address = address!("0000000000000000000000000000000000001004");

/// Every role with its holder (NONE: an address without a role).
pub const ROLES: [(u8, Address); 5] = [
    (role::NONE, NOBODY),
    (role::MASTER, MASTER),
    (role::ISSUER, ISSUER),
    (role::EXCHANGE, EXCHANGE),
    (role::TRANSFER_AGENT, AGENT),
];

/// A deployed registry and its host: the entry program (views) and the
/// admin facet (setters) over the same storage, as delegatecall runs it.
pub struct Env {
    pub host: MockHost,
    pub reg: RegistryService,
    pub admin: RegistryAdmin,
}

/// One 32-byte ABI word holding `value`.
pub fn word(value: u64) -> Vec<u8> {
    U256::from(value).to_be_bytes::<32>().to_vec()
}

impl Env {
    /// A registry bound to Trust, with the role of every test actor mocked
    /// and no token or compliance service.
    pub fn new() -> Self {
        let host = MockHost::new();
        let mut reg = RegistryService::from(&host);
        host.vm.set_sender(ds_common::deployer::STYLUS_DEPLOYER);
        reg.constructor(TRUST).unwrap();
        host.vm.set_sender(MASTER);
        for (role, who) in ROLES {
            host.mock_static(
                TRUST,
                getRoleCall { target: who }.abi_encode(),
                Ok(word(role.into())),
            );
        }
        host.mock_static(
            TRUST,
            getRoleCall { target: EXCHANGE2 }.abi_encode(),
            Ok(word(role::EXCHANGE.into())),
        );
        host.vm.set_block_timestamp(1_000_000);
        let admin = RegistryAdmin::from(&host);
        let env = Self { host, reg, admin };
        env.host.reset_records();
        env
    }

    /// [`Env::new`] plus investor "alice" (registered by EXCHANGE, country
    /// US, wallet W1) and "bob" (registered by ISSUER, wallet W2).
    pub fn with_investors() -> Self {
        let mut env = Self::new();
        env.as_(EXCHANGE);
        env.admin
            .register_investor("alice".into(), "ch-a".into())
            .unwrap();
        env.admin.set_country("alice".into(), "US".into()).unwrap();
        env.admin.add_wallet(W1, "alice".into()).unwrap();
        env.as_(ISSUER);
        env.admin
            .register_investor("bob".into(), "ch-b".into())
            .unwrap();
        env.admin.add_wallet(W2, "bob".into()).unwrap();
        env.host.reset_records();
        env
    }

    /// Makes `who` the sender.
    pub fn as_(&self, who: Address) {
        self.host.vm.set_sender(who);
    }

    /// Registers `address` as service `id` (as master).
    pub fn set_service(&mut self, id: u64, address: Address) {
        let sender = self.host.vm.msg_sender();
        self.as_(MASTER);
        self.reg.set_ds_service(U256::from(id), address).unwrap();
        self.as_(sender);
        self.host.reset_records();
    }

    /// Makes the token answer `balance` for `wallet` (and be the token
    /// service), both to `balanceOf` and to `reserveWallet`.
    pub fn mock_balance(&mut self, wallet: Address, balance: u64) {
        if self
            .reg
            .get_ds_service(U256::from(service::DS_TOKEN))
            .is_zero()
        {
            self.set_service(service::DS_TOKEN, TOKEN);
        }
        self.host.mock_static(
            TOKEN,
            balanceOfCall { wallet }.abi_encode(),
            Ok(word(balance)),
        );
        self.host.mock_call(
            TOKEN,
            reserveWalletCall { wallet }.abi_encode(),
            Ok(word(balance)),
        );
    }

    /// Sorted storage slots, to prove a refusal wrote nothing.
    pub fn storage(&self) -> Vec<(U256, B256)> {
        let mut slots: Vec<_> = self.host.vm.snapshot().storage.into_iter().collect();
        slots.sort();
        slots
    }

    /// Topic 0 of every log emitted since the last reset.
    pub fn topics(&self) -> Vec<B256> {
        self.host
            .vm
            .get_emitted_logs()
            .iter()
            .map(|l| l.0[0])
            .collect()
    }

    /// The only log of type `E` emitted since the last reset, decoded.
    pub fn event<E: SolEvent>(&self) -> E {
        let logs: Vec<_> = self
            .host
            .vm
            .get_emitted_logs()
            .into_iter()
            .filter(|l| l.0[0] == E::SIGNATURE_HASH)
            .collect();
        assert_eq!(logs.len(), 1, "expected one {}", E::SIGNATURE);
        E::decode_raw_log(logs[0].0.iter().copied(), &logs[0].1).unwrap()
    }

    /// Hook calls made to Compliance since the last reset, decoded.
    pub fn hooks(&self) -> Vec<(B256, PartyInfo, PartyInfo)> {
        self.host
            .calls()
            .into_iter()
            .filter(|c| c.to == COMPLIANCE)
            .map(|c| {
                assert!(!c.is_static);
                let call = onInvestorInfoChangedCall::abi_decode(&c.data).unwrap();
                (
                    call.investorKey,
                    PartyInfo::unpack(call.oldInfo),
                    PartyInfo::unpack(call.newInfo),
                )
            })
            .collect()
    }

    /// Makes Compliance the hook target, accepting every hook call whose
    /// calldata is later registered with [`Env::accept_hook`].
    pub fn with_compliance(&mut self) {
        self.set_service(service::COMPLIANCE, COMPLIANCE);
    }

    /// Accepts the hook call (key, old, new).
    pub fn accept_hook(&self, id: &str, old: PartyInfo, new: PartyInfo) {
        self.host.mock_call(
            COMPLIANCE,
            onInvestorInfoChangedCall {
                investorKey: party::investor_key(id),
                oldInfo: old.pack(),
                newInfo: new.pack(),
            }
            .abi_encode(),
            Ok(vec![]),
        );
    }
}

/// The error of an unauthorized `caller` holding `role`.
pub fn unauthorized(caller: Address, role: u8) -> DSError {
    DSError::UnauthorizedCaller(UnauthorizedCaller {
        caller,
        callerRole: role,
    })
}

/// Investor info as the registry reports it.
pub fn investor_info(country: &str, approved: u8, effective: u8) -> PartyInfo {
    PartyInfo {
        wallet_type: 0,
        is_investor: true,
        country: party::country_code(country).unwrap_or(0),
        approved,
        effective,
    }
}

#[test]
fn constructor_binds_trust_and_emits() {
    let host = MockHost::new();
    let mut reg = RegistryService::from(&host);
    host.vm.set_sender(ds_common::deployer::STYLUS_DEPLOYER);
    reg.constructor(TRUST).unwrap();
    assert_eq!(reg.get_ds_service(U256::from(service::TRUST)), TRUST);
    let logs = host.vm.get_emitted_logs();
    assert_eq!(
        logs[0].0[0],
        ds_common::consumer::DSServiceSet::SIGNATURE_HASH
    );
}

/// Review F-05: only the StylusDeployer runs the constructor.
#[test]
fn constructor_refuses_any_sender_but_the_stylus_deployer() {
    let host = MockHost::new();
    let mut reg = RegistryService::from(&host);
    host.vm.set_sender(MASTER);
    assert_eq!(
        reg.constructor(TRUST),
        Err(DSError::unauthorized(MASTER, ds_common::ids::role::NONE))
    );
    assert_eq!(reg.get_ds_service(U256::from(1)), Address::ZERO);
}

#[test]
fn constructor_refuses_zero_trust() {
    let host = MockHost::new();
    let mut reg = RegistryService::from(&host);
    host.vm.set_sender(ds_common::deployer::STYLUS_DEPLOYER);
    assert_eq!(reg.constructor(Address::ZERO), Err(DSError::zero_address()));
    assert!(host.vm.snapshot().storage.is_empty());
}

#[test]
fn service_registry_is_master_only() {
    for (role, who) in ROLES {
        let mut env = Env::new();
        env.as_(who);
        let before = env.storage();
        let result = env
            .reg
            .set_ds_service(U256::from(service::COMPLIANCE), COMPLIANCE);
        if role == role::MASTER {
            assert_eq!(result, Ok(true));
            assert_eq!(
                env.reg.get_ds_service(U256::from(service::COMPLIANCE)),
                COMPLIANCE
            );
        } else {
            assert_eq!(result, Err(unauthorized(who, role)));
            assert_eq!(env.storage(), before);
        }
    }
}

#[test]
fn a_failing_trust_call_is_a_typed_error() {
    let env = Env::new();
    let mut env = env;
    env.as_(W4); // no mock: the Trust call reverts
    let before = env.storage();
    assert_eq!(
        env.admin.register_investor("x".into(), String::new()),
        Err(DSError::ServiceCallFailed(
            ds_common::errors::ServiceCallFailed {
                serviceId: U256::from(service::TRUST),
                service: TRUST
            }
        ))
    );
    assert_eq!(env.storage(), before);
}

#[test]
fn stored_text_round_trips_and_clears_what_it_no_longer_uses() {
    let host = MockHost::new();
    let mut text = ds_common::text::StorageText::from(&host);
    assert_eq!(text.get_string(), "");
    let long = "é".repeat(79) + "x"; // 159 bytes, multi-byte chars
    assert_eq!(long.len(), 159);
    text.set_str(&long);
    assert_eq!(text.get_string(), long);
    assert_eq!(host.vm.snapshot().storage.len(), 5);
    text.set_str("short");
    assert_eq!(text.get_string(), "short");
    let used = |h: &MockHost| {
        h.vm.snapshot()
            .storage
            .values()
            .filter(|v| !v.is_zero())
            .count()
    };
    assert_eq!(used(&host), 1);
    text.set_str(&"y".repeat(31));
    assert_eq!(used(&host), 1);
    text.set_str(&"z".repeat(32));
    assert_eq!((text.get_string(), used(&host)), ("z".repeat(32), 2));
    text.clear();
    assert_eq!((text.get_string(), used(&host)), (String::new(), 0));
}
