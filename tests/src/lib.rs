//! `ds-e2e`: the DS contracts end to end on the local Stylus devnet.
//!
//! [`Suite`] deploys the real artifacts (`target/stylus/*.wasm`, built by
//! `scripts/build.sh`) on a fresh [`Devnet`], wires the DS service registry of
//! every contract, gives the issuance its roles and offers the issuer's,
//! transfer agent's and exchanges' everyday operations. The tests in
//! `tests/tests`, the demo and the bench are written against it.
//!
//! ```no_run
//! use ds_e2e::{ids::region, ReceiptExt, Suite};
//! let mut suite = Suite::new();
//! suite.set_countries(&[("US", region::US)]);
//! let alice = suite.wallet("alice");
//! suite.investor("alice", "US", &[alice], &[]);
//! suite.issue(alice, 1_000).expect_ok("issue to alice");
//! ```
#![warn(missing_docs)]

pub mod abi;
pub mod apps;
pub mod ids;
pub mod report;
pub mod signing;

use alloy_sol_types::{sol_data, SolCall, SolEvent, SolInterface, SolType, SolValue};
pub use ds_devnet::{Address, Devnet, Receipt, B256, U256};

use abi::{exported::IFacetRouter, ICompliance, IDSToken, IRegistry, ITrust};
use ids::{attribute_status, role, service};

/// Name of the token the suite deploys.
pub const TOKEN_NAME: &str = "DS Example Share";
/// Symbol of the token the suite deploys.
pub const TOKEN_SYMBOL: &str = "DSX";
/// Decimals of the token the suite deploys (one unit = one share).
pub const TOKEN_DECIMALS: u8 = 0;

/// Country statuses of the standard issuance: US, two EU countries, Japan
/// and a forbidden destination (other countries keep status NONE).
pub const COUNTRIES: [(&str, u8); 5] = [
    ("US", ids::region::US),
    ("FR", ids::region::EU),
    ("DE", ids::region::EU),
    ("JP", ids::region::JP),
    ("KP", ids::region::FORBIDDEN),
];

/// The rules of a regulated issuance with its limits set: at most 100
/// investors, 50 of them in the US, 10 EU retail investors per country and
/// 10 in Japan, holdings up to 1,000,000, 10,000,000 authorized, and the
/// flowback window closed since time 1.
pub fn regulated_rules() -> Rules {
    use ids::uint_rule::*;
    Rules::default()
        .uint(TOTAL_INVESTORS_LIMIT, 100)
        .uint(US_INVESTORS_LIMIT, 50)
        .uint(EU_RETAIL_INVESTORS_LIMIT, 10)
        .uint(JP_INVESTORS_LIMIT, 10)
        .uint(MAXIMUM_HOLDINGS_PER_INVESTOR, 1_000_000)
        .uint(AUTHORIZED_SECURITIES, 10_000_000)
        .uint(BLOCK_FLOWBACK_END_TIME, 1)
}

/// Reads `target/stylus/<name>.wasm`, failing loudly when it was not built.
pub fn wasm(name: &str) -> Vec<u8> {
    ds_devnet::artifact(name)
        .unwrap_or_else(|e| panic!("target/stylus/{name}.wasm: {e}; run scripts/build.sh"))
}

/// `U256` from a small amount.
pub fn u(value: u64) -> U256 {
    U256::from(value)
}

/// The key under which the contracts store investor `id`: keccak256(id).
pub fn investor_key(id: &str) -> B256 {
    alloy_primitives::keccak256(id.as_bytes())
}

/// Helpers on devnet receipts.
pub trait ReceiptExt: Sized {
    /// The receipt, or a panic naming `what` and why it failed.
    fn expect_ok(self, what: &str) -> Self;
    /// The `(code, reason)` of a `TransferRejected` revert, if it is one.
    fn transfer_rejection(&self) -> Option<(u8, String)>;
    /// Every log of the receipt that decodes as event `E`.
    fn events<E: SolEvent>(&self) -> Vec<E>;
    /// A one-line outcome: "ok", the DS code and reason of a rejection, or
    /// the failure.
    fn outcome(&self) -> String;
}

impl ReceiptExt for Receipt {
    fn expect_ok(self, what: &str) -> Self {
        assert!(self.success, "{what} failed: {}", self.outcome());
        self
    }

    fn transfer_rejection(&self) -> Option<(u8, String)> {
        self.revert_error::<abi::TransferRejected>()
            .map(|e| (e.code.saturating_to(), e.reason))
    }

    fn events<E: SolEvent>(&self) -> Vec<E> {
        self.logs
            .iter()
            .filter_map(|log| E::decode_log(log).ok().map(|l| l.data))
            .collect()
    }

    fn outcome(&self) -> String {
        if self.success {
            return "ok".into();
        }
        if let Some((code, reason)) = self.transfer_rejection() {
            return format!("refused: {code} \"{reason}\"");
        }
        if let Some(e) = self.revert_error::<abi::IssuanceRejected>() {
            return format!("issuance refused: {} \"{}\"", e.code, e.reason);
        }
        // `Name(Name { fields })` printed as `Name { fields }`
        let named = |text: String| match text.split_once('(') {
            Some((_, inner)) if inner.ends_with(')') => inner[..inner.len() - 1].to_string(),
            _ => text,
        };
        if let Ok(e) = abi::DSErrors::DSErrorsErrors::abi_decode(&self.output) {
            return named(format!("{e:?}"));
        }
        // the auxiliary services' errors (the relayer's ABI lists them all),
        // then the apps' own
        use abi::exported::{
            IRedemption::IRedemptionErrors, ISubscription::ISubscriptionErrors,
            ITransactionRelayer::ITransactionRelayerErrors as AuxErrors,
        };
        if let Ok(e) = AuxErrors::abi_decode(&self.output) {
            return named(format!("{e:?}"));
        }
        if let Ok(e) = ISubscriptionErrors::abi_decode(&self.output) {
            return named(format!("{e:?}"));
        }
        match IRedemptionErrors::abi_decode(&self.output) {
            Ok(e) => named(format!("{e:?}")),
            Err(_) => self.reason(),
        }
    }
}

/// The global investor counters of Compliance.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// `getTotalInvestorsCount`.
    pub total: u64,
    /// `getAccreditedInvestorsCount`.
    pub accredited: u64,
    /// `getUSInvestorsCount`.
    pub us: u64,
    /// `getUSAccreditedInvestorsCount`.
    pub us_accredited: u64,
    /// `getJPInvestorsCount`.
    pub jp: u64,
}

/// The compliance rules in the `setAll` wire order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rules {
    /// Numeric rules, indexed by [`ids::uint_rule`].
    pub uints: [U256; 16],
    /// Boolean rules, indexed by [`ids::bool_rule`].
    pub bools: [bool; 5],
}

impl Rules {
    /// With numeric rule `index` set to `value`.
    pub fn uint(mut self, index: usize, value: u64) -> Self {
        self.uints[index] = U256::from(value);
        self
    }

    /// With boolean rule `index` on.
    pub fn flag(mut self, index: usize) -> Self {
        self.bools[index] = true;
        self
    }
}

/// The DS contracts deployed, wired and staffed on a fresh devnet.
pub struct Suite {
    /// The chain.
    pub net: Devnet,
    /// Deployer and MASTER of the issuance.
    pub master: Address,
    /// Holds the ISSUER role.
    pub issuer: Address,
    /// Holds the TRANSFER_AGENT role.
    pub transfer_agent: Address,
    /// Holds the EXCHANGE role.
    pub exchange: Address,
    /// Trust service.
    pub trust: Address,
    /// Registry service (its entry program).
    pub registry: Address,
    /// Registry admin facet: the setters (registered in the Registry).
    pub registry_admin: Address,
    /// Compliance service (integrators call its facets through it).
    pub compliance: Address,
    /// Compliance views facet: the checks and views (registered in Compliance).
    pub compliance_views: Address,
    /// Compliance admin facet: DS's LockManager (registered in Compliance).
    pub compliance_admin: Address,
    /// Compliance configuration facet: DS's ComplianceConfigurationService
    /// (registered in Compliance).
    pub compliance_config: Address,
    /// Compliance hooks facet: the records of issuances, burns, seizures
    /// and the Registry's hook (registered in Compliance).
    pub compliance_hooks: Address,
    /// Comms service.
    pub comms: Address,
    token: Option<Address>,
    token_admin: Option<Address>,
    token_control: Option<Address>,
}

impl Default for Suite {
    fn default() -> Self {
        Self::new()
    }
}

impl Suite {
    /// Every contract, the DS token included, deployed and wired.
    pub fn new() -> Self {
        Self::deploy(true, TOKEN_DECIMALS)
    }

    /// The services without the token (Trust, Registry, Compliance and its
    /// facets, Comms), wired to each other.
    pub fn without_token() -> Self {
        Self::deploy(false, TOKEN_DECIMALS)
    }

    /// Every contract deployed and wired, the DS token with `decimals`
    /// decimals (a 6-decimals security, as stablecoin-like DS tokens are).
    pub fn with_decimals(decimals: u8) -> Self {
        Self::deploy(true, decimals)
    }

    fn deploy(with_token: bool, decimals: u8) -> Self {
        let master = Devnet::account("master");
        let mut net = Devnet::new();
        let mut deploy = |name: &str, args: Vec<u8>| {
            net.deploy(&wasm(name), master, &args)
                .unwrap_or_else(|r| panic!("{name} constructor: {}", r.outcome()))
        };
        let trust = deploy("trust", master.abi_encode());
        let registry = deploy("registry", trust.abi_encode());
        let compliance = deploy("compliance", trust.abi_encode());
        let comms = deploy("comms", trust.abi_encode());
        let token = with_token.then(|| {
            // constructor(address trust, string name, string symbol, uint8 decimals)
            type Args = (
                sol_data::Address,
                sol_data::String,
                sol_data::String,
                sol_data::Uint<8>,
            );
            let args = Args::abi_encode_params(&(trust, TOKEN_NAME, TOKEN_SYMBOL, decimals));
            deploy("ds_token", args)
        });
        // The facets have no constructor (they run on Compliance's storage):
        // installed as they are, as the Stylus deployer does without init data.
        let mut install = |name: &str| {
            let at = Devnet::account(name);
            net.install(at, &wasm(name))
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            at
        };
        let registry_admin = install("registry_admin");
        let compliance_views = install("compliance_views");
        let compliance_admin = install("compliance_admin");
        let compliance_config = install("compliance_config");
        let compliance_hooks = install("compliance_hooks");
        let token_admin = token.map(|_| install("token_admin"));
        let token_control = token.map(|_| install("token_control"));
        let mut suite = Self {
            net,
            master,
            issuer: Devnet::account("issuer"),
            transfer_agent: Devnet::account("transfer agent"),
            exchange: Devnet::account("exchange"),
            trust,
            registry,
            registry_admin,
            compliance,
            compliance_views,
            compliance_admin,
            compliance_config,
            compliance_hooks,
            comms,
            token,
            token_admin,
            token_control,
        };
        suite.wire();
        for (who, r) in [
            (suite.issuer, role::ISSUER),
            (suite.transfer_agent, role::TRANSFER_AGENT),
            (suite.exchange, role::EXCHANGE),
        ] {
            let call = ITrust::setRoleCall {
                target: who,
                role: r,
            };
            suite.must(suite.master, suite.trust, &call);
        }
        suite
    }

    /// The DS service entries every contract gets: the five DS services
    /// and the DS ids of the parts they serve (32 wallet manager: the
    /// Registry; 64 lock manager and 256 compliance configuration:
    /// Compliance) in all of them, the admin facet in the Registry, the
    /// four facets in Compliance and the admin and control facets in the
    /// token.
    pub fn wiring(&self) -> Vec<(Address, u64, Address)> {
        let mut services = vec![
            (service::TRUST, self.trust),
            (service::REGISTRY, self.registry),
            (service::COMPLIANCE, self.compliance),
            (service::COMMS, self.comms),
            (service::WALLET_MANAGER, self.registry),
            (service::LOCK_MANAGER, self.compliance),
            (service::COMPLIANCE_CONFIGURATION, self.compliance),
        ];
        if let Some(token) = self.token {
            services.push((service::DS_TOKEN, token));
        }
        let mut contracts = vec![self.trust, self.registry, self.compliance, self.comms];
        contracts.extend(self.token);
        let mut entries: Vec<_> = contracts
            .iter()
            .flat_map(|c| services.iter().map(move |(id, a)| (*c, *id, *a)))
            .collect();
        let (r, c) = (self.registry, self.compliance);
        entries.extend([
            (r, service::REGISTRY_ADMIN_FACET, self.registry_admin),
            (c, service::COMPLIANCE_VIEWS_FACET, self.compliance_views),
            (c, service::COMPLIANCE_ADMIN_FACET, self.compliance_admin),
            (c, service::COMPLIANCE_CONFIG_FACET, self.compliance_config),
            (c, service::COMPLIANCE_HOOKS_FACET, self.compliance_hooks),
        ]);
        if let (Some(token), Some(admin), Some(control)) =
            (self.token, self.token_admin, self.token_control)
        {
            entries.push((token, service::TOKEN_ADMIN_FACET, admin));
            entries.push((token, service::TOKEN_CONTROL_FACET, control));
        }
        entries
    }

    fn wire(&mut self) {
        for (contract, id, address) in self.wiring() {
            let call = ITrust::setDSServiceCall {
                service_id: U256::from(id),
                service: address,
            };
            self.must(self.master, contract, &call);
        }
        let mut tables = vec![(self.compliance, ds_common::bindings::compliance_routes())];
        if let Some(token) = self.token {
            tables.push((token, ds_common::bindings::token_routes()));
        }
        for (router, routes) in tables {
            for (facet, selectors) in routes {
                for chunk in selectors.chunks(ds_common::ids::limits::MAX_BATCH) {
                    let call = IFacetRouter::setFacetSelectorsCall {
                        facetId: U256::from(facet),
                        selectors: chunk.iter().map(|s| s.into()).collect(),
                    };
                    self.must(self.master, router, &call);
                }
            }
        }
    }

    // ----- generic calls ---------------------------------------------------

    /// The DS token admin facet (registered in the token), if deployed.
    pub fn token_admin(&self) -> Option<Address> {
        self.token_admin
    }

    /// The DS token control facet (registered in the token), if deployed.
    pub fn token_control(&self) -> Option<Address> {
        self.token_control
    }

    /// The DS token's address (panics for a [`Suite::without_token`]).
    pub fn token(&self) -> Address {
        self.token
            .expect("this suite was deployed without the DS token")
    }

    /// A fresh account address named `label`.
    pub fn wallet(&self, label: &str) -> Address {
        Devnet::account(label)
    }

    /// `from` sends `call` to `to`; the receipt either way.
    pub fn send<C: SolCall>(&mut self, from: Address, to: Address, call: &C) -> Receipt {
        self.net.send_sol(from, to, call)
    }

    /// `from` sends `call` to `to`, which must succeed.
    pub fn must<C: SolCall>(&mut self, from: Address, to: Address, call: &C) -> Receipt {
        let receipt = self.send(from, to, call);
        let what = format!("{} from {from}", C::SIGNATURE);
        receipt.expect_ok(&what)
    }

    /// Static call of `call` on `to`, decoded; panics when it fails.
    pub fn view<C: SolCall>(&mut self, to: Address, call: &C) -> C::Return {
        self.net
            .call_sol(self.master, to, call)
            .unwrap_or_else(|r| panic!("{} failed: {}", C::SIGNATURE, r.outcome()))
    }

    // ----- time -------------------------------------------------------------

    /// Block time.
    pub fn now(&self) -> u64 {
        self.net.timestamp()
    }

    /// Moves the clock forward by `seconds`.
    pub fn advance(&mut self, seconds: u64) {
        self.net.advance_time(seconds);
    }

    // ----- registry --------------------------------------------------------

    /// The issuer registers investor `id` of `country` with `wallets` and
    /// the `approved` attributes (APPROVED, never expiring); `updateInvestor`.
    pub fn investor(
        &mut self,
        id: &str,
        country: &str,
        wallets: &[Address],
        approved: &[u8],
    ) -> Receipt {
        let call = IRegistry::updateInvestorCall {
            id: id.into(),
            collision_hash: format!("collision:{id}"),
            country: country.into(),
            wallets: wallets.to_vec(),
            attribute_ids: approved.to_vec(),
            attribute_values: vec![U256::from(attribute_status::APPROVED); approved.len()],
            attribute_expirations: vec![U256::ZERO; approved.len()],
        };
        self.must(self.issuer, self.registry, &call)
    }

    /// Registers investor `id` of `country` with the `approved` attributes
    /// and one wallet named after it, which it returns.
    pub fn new_investor(&mut self, id: &str, country: &str, approved: &[u8]) -> Address {
        let wallet = self.wallet(id);
        self.investor(id, country, &[wallet], approved);
        wallet
    }

    /// The issuer adds `wallet` to investor `id`.
    pub fn add_wallet(&mut self, id: &str, wallet: Address) -> Receipt {
        let call = IRegistry::addWalletCall {
            wallet,
            id: id.into(),
        };
        self.must(self.issuer, self.registry, &call)
    }

    /// The issuer makes `wallet` an issuer special wallet (seize target).
    pub fn add_issuer_wallet(&mut self, wallet: Address) -> Receipt {
        let call = IRegistry::addIssuerWalletCall { wallet };
        self.must(self.issuer, self.registry, &call)
    }

    /// The issuer makes `wallet` a platform (omnibus) wallet.
    pub fn add_platform_wallet(&mut self, wallet: Address) -> Receipt {
        let call = IRegistry::addPlatformWalletCall { wallet };
        self.must(self.issuer, self.registry, &call)
    }

    // ----- compliance configuration (transfer agent) ------------------------

    /// The transfer agent sets every rule (`setAll`).
    pub fn set_rules(&mut self, rules: &Rules) -> Receipt {
        let call = ICompliance::setAllCall {
            uint_values: rules.uints.to_vec(),
            bool_values: rules.bools.to_vec(),
        };
        self.must(self.transfer_agent, self.compliance, &call)
    }

    /// The transfer agent sets numeric rule `index` (`setUIntRule`).
    pub fn set_uint_rule(&mut self, index: usize, value: u64) -> Receipt {
        let call = ICompliance::setUIntRuleCall {
            index: U256::from(index),
            value: U256::from(value),
        };
        self.must(self.transfer_agent, self.compliance, &call)
    }

    /// The transfer agent sets boolean rule `index` (`setBoolRule`).
    pub fn set_bool_rule(&mut self, index: usize, value: bool) -> Receipt {
        let call = ICompliance::setBoolRuleCall {
            index: U256::from(index),
            value,
        };
        self.must(self.transfer_agent, self.compliance, &call)
    }

    /// The transfer agent sets the compliance status of each country
    /// (`setCountryCompliance`, one call per country).
    pub fn set_countries(&mut self, statuses: &[(&str, u8)]) {
        for (country, status) in statuses {
            let call = ICompliance::setCountryComplianceCall {
                country: (*country).into(),
                value: U256::from(*status),
            };
            self.must(self.transfer_agent, self.compliance, &call);
        }
    }

    /// The investor counters.
    pub fn counts(&mut self) -> Counts {
        let c = self.compliance;
        let n = |v: U256| v.saturating_to::<u64>();
        Counts {
            total: n(self.view(c, &ICompliance::getTotalInvestorsCountCall {})),
            accredited: n(self.view(c, &ICompliance::getAccreditedInvestorsCountCall {})),
            us: n(self.view(c, &ICompliance::getUSInvestorsCountCall {})),
            us_accredited: n(self.view(c, &ICompliance::getUSAccreditedInvestorsCountCall {})),
            jp: n(self.view(c, &ICompliance::getJPInvestorsCountCall {})),
        }
    }

    /// Compliance's EU retail investor count of `country`.
    pub fn eu_retail(&mut self, country: &str) -> u64 {
        let call = ICompliance::getEURetailInvestorsCountCall {
            country: country.into(),
        };
        self.view(self.compliance, &call).saturating_to()
    }

    /// `preTransferCheck` on Compliance, as an exchange asks it.
    pub fn compliance_check(&mut self, from: Address, to: Address, value: u64) -> (u8, String) {
        let call = ICompliance::preTransferCheckCall {
            from,
            to,
            value: u(value),
        };
        let r = self
            .net
            .call_sol(self.exchange, self.compliance, &call)
            .unwrap_or_else(|r| panic!("Compliance preTransferCheck: {}", r.outcome()));
        (r._0.saturating_to(), r._1)
    }

    // ----- token -------------------------------------------------------------

    /// The issuer issues `value` to `to` (`issueTokens`).
    pub fn issue(&mut self, to: Address, value: u64) -> Receipt {
        let call = IDSToken::issueTokensCall {
            to,
            value: u(value),
        };
        self.send(self.issuer, self.token(), &call)
    }

    /// The issuer issues `value` to `to` now, `locked` of it until
    /// `release_time` (`issueTokensCustom`).
    pub fn issue_locked(
        &mut self,
        to: Address,
        value: u64,
        locked: u64,
        release_time: u64,
    ) -> Receipt {
        let call = IDSToken::issueTokensCustomCall {
            to,
            value: u(value),
            issuance_time: u(self.now()),
            value_locked: u(locked),
            reason: "issuance lock".into(),
            release_time,
        };
        self.send(self.issuer, self.token(), &call)
    }

    /// `from` transfers `value` to `to`.
    pub fn transfer(&mut self, from: Address, to: Address, value: u64) -> Receipt {
        let call = IDSToken::transferCall {
            to,
            value: u(value),
        };
        self.send(from, self.token(), &call)
    }

    /// Token balance of `who`.
    pub fn balance(&mut self, who: Address) -> U256 {
        let token = self.token();
        self.view(token, &IDSToken::balanceOfCall { account: who })
    }

    /// Token total supply.
    pub fn total_supply(&mut self) -> U256 {
        let token = self.token();
        self.view(token, &IDSToken::totalSupplyCall {})
    }

    /// `preTransferCheck` on the token, as an exchange asks it.
    pub fn token_check(&mut self, from: Address, to: Address, value: u64) -> (u8, String) {
        let call = IDSToken::preTransferCheckCall {
            from,
            to,
            value: u(value),
        };
        let token = self.token();
        let r = self
            .net
            .call_sol(self.exchange, token, &call)
            .unwrap_or_else(|r| panic!("token preTransferCheck: {}", r.outcome()));
        (r._0.saturating_to(), r._1)
    }

    /// Asserts that a transfer of `value` from `from` to `to` is refused
    /// with DS `code` and its string everywhere: `preTransferCheck` on the
    /// token and on Compliance (asked by the exchange), and the transfer
    /// itself, which reverts with `TransferRejected(code, reason)` and
    /// changes no balance, counter or log.
    pub fn expect_refused(&mut self, from: Address, to: Address, value: u64, code: u8) {
        let expected = (code, ids::code::reason(code).to_string());
        let what = format!("{from} -> {to} of {value}");
        assert_eq!(
            self.token_check(from, to, value),
            expected,
            "token preTransferCheck, {what}"
        );
        assert_eq!(
            self.compliance_check(from, to, value),
            expected,
            "Compliance preTransferCheck, {what}"
        );
        let before = (self.balance(from), self.balance(to), self.counts());
        let r = self.transfer(from, to, value);
        assert_eq!(
            r.transfer_rejection(),
            Some(expected),
            "transfer {what}: {}",
            r.outcome()
        );
        assert!(r.logs.is_empty(), "a refused transfer logs nothing");
        let after = (self.balance(from), self.balance(to), self.counts());
        assert_eq!(after, before, "a refused transfer changes nothing ({what})");
    }

    /// Asserts that a transfer of `value` from `from` to `to` is valid
    /// (code 0 "Valid" on the token and on Compliance), makes it, and checks
    /// its `Transfer` event and both balances. Returns the receipt.
    pub fn expect_transfer(&mut self, from: Address, to: Address, value: u64) -> Receipt {
        let valid = (ids::code::VALID, "Valid".to_string());
        assert_eq!(
            self.token_check(from, to, value),
            valid,
            "token preTransferCheck"
        );
        assert_eq!(
            self.compliance_check(from, to, value),
            valid,
            "Compliance preTransferCheck"
        );
        let (from_before, to_before) = (self.balance(from), self.balance(to));
        let r = self
            .transfer(from, to, value)
            .expect_ok(&format!("transfer {from} -> {to} of {value}"));
        let events = r.events::<abi::Transfer>();
        assert_eq!(events.len(), 1, "one Transfer event");
        assert_eq!(
            (events[0].from, events[0].to, events[0].value),
            (from, to, u(value))
        );
        assert_eq!(self.balance(from), from_before - u(value));
        assert_eq!(self.balance(to), to_before + u(value));
        r
    }

    /// The transfer agent pauses the token.
    pub fn pause(&mut self) -> Receipt {
        let token = self.token();
        self.must(self.transfer_agent, token, &IDSToken::pauseCall {})
    }

    /// The transfer agent unpauses the token.
    pub fn unpause(&mut self) -> Receipt {
        let token = self.token();
        self.must(self.transfer_agent, token, &IDSToken::unpauseCall {})
    }
}
