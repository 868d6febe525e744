//! `ds`: deploys and operates the DS Protocol suite on a Stylus chain over
//! JSON-RPC (alloy provider, local signer).
//!
//! - `ds check --rpc URL --token ADDR FROM TO AMOUNT`: the DS code and reason
//!   of the token's `preTransferCheck` (`eth_call`).
//! - `ds deploy --rpc URL [--artifacts DIR] [--name N] [--symbol S]
//!   [--decimals D]`: deploys Trust, Registry, Compliance (+ views, admin and
//!   rules facets), Comms and the DS token (+ admin facet) from
//!   `DIR/*.wasm` (default `target/stylus`), activates them at ArbWasm, runs
//!   the constructors and wires every DS service; prints one
//!   `name address` line per contract; `--out FILE` also writes them as a
//!   JSON object `{"chain_id": N, "name": "address", ...}` (a deployment
//!   file) that the operating commands read with `--deployment FILE`.
//! - Operating commands (see [`USAGE`]): `role set|get`, `investor register`,
//!   `investor wallet add`, `investor attribute set`, `compliance
//!   country|set|get`, `issue`, `transfer`, `balance`.
//!
//! Exit codes (see [`exit`]): 1 usage or local error, 2 the contract
//! reverted (the DS custom error is decoded and printed), 3 the endpoint is
//! unreachable, 4 the endpoint serves another chain than the deployment's.
//!
//! Transactions are signed with `--private-key HEX` or the `DS_PRIVATE_KEY`
//! environment variable; the key is never printed.

use std::path::{Path, PathBuf};

use alloy_network::{EthereumWallet, TransactionBuilder};
use alloy_primitives::{Address, Bytes, U256};
use alloy_provider::{transport::TransportError, Provider, ProviderBuilder};
use alloy_rpc_types_eth::TransactionRequest;
use alloy_signer_local::PrivateKeySigner;
use alloy_sol_types::{sol, sol_data, SolCall, SolInterface, SolType, SolValue};

sol! {
    interface IToken {
        function preTransferCheck(address from, address to, uint256 value) external view returns (uint256, string memory);
        function balanceOf(address account) external view returns (uint256);
        function transfer(address to, uint256 value) external returns (bool);
        function issueTokens(address to, uint256 value) external returns (bool);
    }
    interface ITrust {
        function setDSService(uint256 service_id, address service) external returns (bool);
        function setRole(address target, uint8 role) external returns (bool);
        function removeRole(address target) external returns (bool);
        function getRole(address target) external view returns (uint8);
    }
    interface IRegistry {
        function registerInvestor(string calldata id, string calldata collision_hash) external returns (bool);
        function setCountry(string calldata id, string calldata country) external returns (bool);
        function addWallet(address wallet, string calldata id) external returns (bool);
        function setAttribute(string calldata id, uint8 attribute_id, uint256 value, uint256 expiry, string calldata proof_hash) external returns (bool);
    }
    interface ICompliance {
        function setCountryCompliance(string calldata country, uint256 value) external returns (bool);
        function getAll() external view returns (uint256[16] memory, bool[5] memory);
    }
    interface IArbWasm {
        function activateProgram(address program) external payable returns (uint16 version, uint256 dataFee);
    }
    /// The custom errors of the suite's contracts (union of abi/*.sol).
    #[sol(all_derives)]
    interface IDSErrors {
        error UnauthorizedCaller(address, uint8);
        error RoleNotManageable(address, uint8, uint8);
        error InvalidRole(uint8);
        error RoleChangeNotAllowed(address, uint8, uint8);
        error RoleNotAssigned(address);
        error MasterCannotBeRemoved(address);
        error ZeroAddress();
        error BatchTooLarge(uint256, uint256);
        error LengthMismatch(uint256, uint256);
        error NotPendingMaster(address, address);
        error ServiceNotSet(uint256);
        error ServiceCallFailed(uint256, address);
        error TextTooLong(uint256, uint256);
        error InvalidCountry(string);
        error NotAnInvestor(address);
        error AmountTooLarge(uint256);
        error InvalidInvestorId(uint256, uint256);
        error InvestorNotFound(bytes32);
        error InvestorAlreadyExists(bytes32);
        error InvestorHasWallets(bytes32, uint256);
        error NotInvestorCreator(address, bytes32);
        error InvalidAttribute(uint8);
        error InvalidAttributeValue(uint256);
        error InvalidExpiry(uint256, uint256);
        error WalletInUse(address, uint8);
        error WalletNotOfInvestor(address, bytes32);
        error WalletHasBalance(address, uint256);
        error NotSpecialWallet(address);
        error OwnerNotExchange(address, uint8);
        error OnlyToken(address);
        error OnlyRegistry(address);
        error UnknownRule(uint256);
        error RuleValueOutOfRange(uint256, uint256);
        error InvalidCountryStatus(uint256);
        error AuthorizedSecuritiesExceeded(uint256, uint256, uint256);
        error TooManyRecords(bytes32, uint256);
        error InvalidLock(uint256, uint256);
        error LockNotFound(bytes32, uint256);
        error InvalidIssuanceTime(uint256, uint256);
        error SeizeTargetNotIssuerWallet(address);
        error TransferRejected(uint256, string);
        error IssuanceRejected(uint256, string);
        error ERC20InsufficientBalance(address, uint256, uint256);
        error ERC20InsufficientAllowance(address, uint256, uint256);
        error ERC20InvalidReceiver(address);
        error ERC20InvalidSpender(address);
        error ERC7943InsufficientUnfrozenBalance(address, uint256, uint256);
        error IndexOutOfRange(uint256, uint256);
        error SnapshotNotFound(uint256, uint256);
        error SnapshotLimitReached(uint256);
    }
}

/// The ArbWasm precompile.
pub const ARB_WASM: Address = Address::new([
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x71,
]);

/// DS service ids (DS protocol v4; see `ds_common::ids::service`).
pub mod service {
    /// Trust service.
    pub const TRUST: u64 = 1;
    /// The DS token.
    pub const DS_TOKEN: u64 = 2;
    /// Registry service.
    pub const REGISTRY: u64 = 4;
    /// Compliance service.
    pub const COMPLIANCE: u64 = 8;
    /// Comms service.
    pub const COMMS: u64 = 16;
    /// Compliance admin facet (= COMPLIANCE_CONFIGURATION).
    pub const COMPLIANCE_ADMIN_FACET: u64 = 256;
    /// Compliance views facet.
    pub const COMPLIANCE_VIEWS_FACET: u64 = 1 << 16;
    /// The token's admin facet.
    pub const TOKEN_ADMIN_FACET: u64 = 1 << 17;
    /// Compliance rules facet.
    pub const COMPLIANCE_RULES_FACET: u64 = 1 << 18;
}

/// Process exit codes of `ds`.
pub mod exit {
    /// Usage error or local failure (bad argument, unreadable file, ...).
    pub const USAGE: i32 = 1;
    /// The contract reverted (or a transaction failed).
    pub const REVERTED: i32 = 2;
    /// The JSON-RPC endpoint cannot be reached.
    pub const UNREACHABLE: i32 = 3;
    /// The endpoint serves another chain than the expected one.
    pub const WRONG_CHAIN: i32 = 4;
}

/// Roles of the Trust service (DS numbers, `ds_common::ids::role`).
pub const ROLES: [(&str, u8); 5] = [
    ("none", 0),
    ("master", 1),
    ("issuer", 2),
    ("exchange", 4),
    ("transfer-agent", 8),
];

/// Registry attributes (`ds_common::ids::attribute`).
pub const ATTRIBUTES: [(&str, u8); 4] = [
    ("kyc", 1),
    ("accredited", 2),
    ("qualified", 4),
    ("professional", 8),
];

/// Attribute statuses (`ds_common::ids::attribute_status`).
pub const STATUSES: [(&str, u8); 3] = [("pending", 0), ("approved", 1), ("rejected", 2)];

/// Country compliance statuses (`ds_common::ids::region`).
pub const REGIONS: [(&str, u8); 5] = [
    ("none", 0),
    ("us", 1),
    ("eu", 2),
    ("forbidden", 4),
    ("jp", 8),
];

/// The 16 uint rules then the 5 bool rules, in `getAll` order: the DS name
/// and the suffix of the rules facet's `set...` / `get...` functions.
pub const UINT_RULES: [(&str, &str); 16] = [
    ("totalInvestorsLimit", "TotalInvestorsLimit"),
    ("minUSTokens", "MinUSTokens"),
    ("minEUTokens", "MinEUTokens"),
    ("usInvestorsLimit", "USInvestorsLimit"),
    ("usAccreditedInvestorsLimit", "USAccreditedInvestorsLimit"),
    ("nonAccreditedInvestorsLimit", "NonAccreditedInvestorsLimit"),
    ("maxUSInvestorsPercentage", "MaxUSInvestorsPercentage"),
    ("blockFlowbackEndTime", "BlockFlowbackEndTime"),
    ("nonUSLockPeriod", "NonUSLockPeriod"),
    ("minimumTotalInvestors", "MinimumTotalInvestors"),
    ("minimumHoldingsPerInvestor", "MinimumHoldingsPerInvestor"),
    ("maximumHoldingsPerInvestor", "MaximumHoldingsPerInvestor"),
    ("euRetailInvestorsLimit", "EURetailInvestorsLimit"),
    ("usLockPeriod", "USLockPeriod"),
    ("jpInvestorsLimit", "JPInvestorsLimit"),
    ("authorizedSecurities", "AuthorizedSecurities"),
];

/// The bool rules, in `getAll` order (see [`UINT_RULES`]).
pub const BOOL_RULES: [(&str, &str); 5] = [
    ("forceFullTransfer", "ForceFullTransfer"),
    ("forceAccredited", "ForceAccredited"),
    ("forceAccreditedUS", "ForceAccreditedUS"),
    ("worldWideForceFullTransfer", "WorldWideForceFullTransfer"),
    ("disallowBackDating", "DisallowBackDating"),
];

/// Environment variable holding the signing key.
pub const KEY_ENV: &str = "DS_PRIVATE_KEY";

/// Usage text.
pub const USAGE: &str = "usage:
  ds deploy --rpc URL [--artifacts DIR] [--name NAME] [--symbol SYMBOL] [--decimals N]
            [--out FILE]
  ds check  --rpc URL (--token ADDR | --deployment FILE) FROM TO AMOUNT
  ds role set ADDRESS master|issuer|exchange|transfer-agent|none
  ds role get ADDRESS
  ds investor register ID --country XX [--wallet ADDR]... [--collision-hash H]
  ds investor wallet add ID WALLET
  ds investor attribute set ID kyc|accredited|qualified|professional
                               pending|approved|rejected [--expiry T] [--proof-hash H]
  ds compliance country XX none|us|eu|forbidden|jp
  ds compliance set RULE VALUE      (DS rule name, e.g. totalInvestorsLimit 2000)
  ds compliance get
  ds issue WALLET AMOUNT
  ds transfer TO AMOUNT             (the signer's own tokens)
  ds balance WALLET
common options:
  --rpc URL                the JSON-RPC endpoint (required)
  --deployment FILE        the file written by `ds deploy --out FILE`
  --trust/--registry/--compliance/--token ADDR   override its addresses
  --chain-id N             expected chain (default: the deployment file's)
  --private-key HEX        signing key (or env DS_PRIVATE_KEY); never printed
exit codes: 1 usage, 2 reverted, 3 endpoint unreachable, 4 wrong chain";

/// Why `ds` failed, with the process exit code to use (see [`exit`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// Exit code.
    pub exit: i32,
    /// Message for stderr.
    pub message: String,
}

impl Failure {
    fn new(exit: i32, message: impl Into<String>) -> Self {
        Self {
            exit,
            message: message.into(),
        }
    }
}

impl From<String> for Failure {
    fn from(message: String) -> Self {
        Self::new(exit::USAGE, message)
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Parsed `--flag value` options and positional arguments.
struct Args {
    flags: Vec<(String, String)>,
    positional: Vec<String>,
}

impl Args {
    fn parse(args: &[String]) -> Result<Self, String> {
        let mut flags = Vec::new();
        let mut positional = Vec::new();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            if let Some(name) = a.strip_prefix("--") {
                let value = it
                    .next()
                    .ok_or_else(|| format!("--{name} needs a value\n{USAGE}"))?;
                flags.push((name.to_string(), value.clone()));
            } else {
                positional.push(a.clone());
            }
        }
        Ok(Self { flags, positional })
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.flags
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    fn all(&self, name: &str) -> Vec<&str> {
        self.flags
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    fn need(&self, name: &str) -> Result<&str, String> {
        self.get(name)
            .ok_or_else(|| format!("missing --{name}\n{USAGE}"))
    }

    fn only(&self, known: &[&str]) -> Result<(), String> {
        match self
            .flags
            .iter()
            .find(|(n, _)| !known.contains(&n.as_str()))
        {
            Some((n, _)) => Err(format!("unknown option --{n}\n{USAGE}")),
            None => Ok(()),
        }
    }
}

fn address(s: &str, what: &str) -> Result<Address, String> {
    s.parse()
        .map_err(|e| format!("{what}: `{s}` is not an address: {e}"))
}

fn amount(s: &str, what: &str) -> Result<U256, String> {
    s.parse().map_err(|e| format!("{what} `{s}`: {e}"))
}

/// Looks `name` up (case-insensitively) in a `(name, value)` table.
fn lookup<T: Copy>(table: &[(&str, T)], name: &str, what: &str) -> Result<T, String> {
    table
        .iter()
        .find(|(n, _)| n.eq_ignore_ascii_case(name))
        .map(|(_, v)| *v)
        .ok_or_else(|| {
            let names: Vec<_> = table.iter().map(|(n, _)| *n).collect();
            format!("{what} `{name}`: expected one of {}", names.join(", "))
        })
}

fn role_name(role: u8) -> String {
    ROLES
        .iter()
        .find(|(_, r)| *r == role)
        .map_or_else(|| format!("role {role}"), |(n, _)| n.to_string())
}

/// The contracts of a deployment, as written by `ds deploy --out`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Deployment {
    /// Chain id of the endpoint deployed to.
    pub chain_id: Option<u64>,
    /// `(name, address)` of every contract.
    pub contracts: Vec<(String, Address)>,
}

impl Deployment {
    /// The deployment file's JSON text.
    pub fn to_json(&self) -> String {
        let mut lines = Vec::new();
        if let Some(id) = self.chain_id {
            lines.push(format!("  \"chain_id\": {id}"));
        }
        for (name, at) in &self.contracts {
            lines.push(format!("  \"{name}\": \"{at}\""));
        }
        format!("{{\n{}\n}}\n", lines.join(",\n"))
    }

    /// Parses a deployment file (a flat JSON object of strings and numbers).
    pub fn parse(text: &str) -> Result<Self, String> {
        let body = text
            .trim()
            .strip_prefix('{')
            .and_then(|t| t.strip_suffix('}'))
            .ok_or("not a JSON object")?;
        let mut out = Self::default();
        for entry in body.split(',').map(str::trim).filter(|e| !e.is_empty()) {
            let (key, value) = entry
                .split_once(':')
                .ok_or_else(|| format!("bad entry `{entry}`"))?;
            let key = key.trim().trim_matches('"');
            let value = value.trim().trim_matches('"');
            if key == "chain_id" {
                out.chain_id = Some(value.parse().map_err(|e| format!("chain_id: {e}"))?);
            } else {
                out.contracts.push((key.to_string(), address(value, key)?));
            }
        }
        Ok(out)
    }

    fn get(&self, name: &str) -> Option<Address> {
        self.contracts
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, a)| *a)
    }
}

/// What an operating command needs: endpoint, contracts, expected chain.
struct Context {
    rpc: String,
    deployment: Deployment,
    chain_id: Option<u64>,
    overrides: Vec<(&'static str, Address)>,
    key: Option<String>,
}

impl Context {
    fn new(args: &Args, env_key: Option<String>) -> Result<Self, String> {
        let deployment = match args.get("deployment") {
            Some(path) => {
                let text = std::fs::read_to_string(path)
                    .map_err(|e| format!("--deployment {path}: {e}"))?;
                Deployment::parse(&text).map_err(|e| format!("--deployment {path}: {e}"))?
            }
            None => Deployment::default(),
        };
        let chain_id = match args.get("chain-id") {
            Some(id) => Some(id.parse().map_err(|e| format!("--chain-id: {e}"))?),
            None => deployment.chain_id,
        };
        let mut overrides = Vec::new();
        for (flag, name) in [
            ("trust", "trust"),
            ("registry", "registry"),
            ("compliance", "compliance"),
            ("token", "ds_token"),
        ] {
            if let Some(a) = args.get(flag) {
                overrides.push((name, address(a, &format!("--{flag}"))?));
            }
        }
        Ok(Self {
            rpc: args.need("rpc")?.to_string(),
            deployment,
            chain_id,
            overrides,
            key: args.get("private-key").map(str::to_string).or(env_key),
        })
    }

    /// The address of the suite's contract `name`.
    fn contract(&self, name: &str) -> Result<Address, String> {
        self.overrides
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, a)| *a)
            .or_else(|| self.deployment.get(name))
            .ok_or_else(|| {
                let flag = if name == "ds_token" { "token" } else { name };
                format!("no address for {name}: pass --deployment FILE or --{flag} ADDR")
            })
    }

    fn signer(&self) -> Result<PrivateKeySigner, String> {
        signer(self.key.as_deref())
    }
}

fn signer(key: Option<&str>) -> Result<PrivateKeySigner, String> {
    let key = key.ok_or_else(|| format!("no signing key: pass --private-key or set {KEY_ENV}"))?;
    key.trim()
        .parse()
        .map_err(|_| "the private key is not a valid secp256k1 key".to_string())
}

/// Options every operating command accepts.
const COMMON: [&str; 8] = [
    "rpc",
    "deployment",
    "chain-id",
    "private-key",
    "trust",
    "registry",
    "compliance",
    "token",
];

fn positional<'a, const N: usize>(args: &'a Args, shape: &str) -> Result<[&'a str; N], String> {
    let v: Vec<&str> = args.positional.iter().map(String::as_str).collect();
    v.try_into()
        .map_err(|_| format!("expected `ds {shape}`\n{USAGE}"))
}

/// Runs `ds` with `args` (without the program name); returns what to print.
/// `env_key` is the value of [`KEY_ENV`], if set.
pub fn run(args: &[String], env_key: Option<String>) -> Result<String, Failure> {
    let Some((command, rest)) = args.split_first() else {
        return Err(Failure::new(exit::USAGE, USAGE));
    };
    let args = Args::parse(rest)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the async runtime: {e}"))?;
    match command.as_str() {
        "check" => {
            args.only(&COMMON)?;
            let [from, to, value] = positional(&args, "check FROM TO AMOUNT")?;
            let ctx = Context::new(&args, None)?;
            let token = ctx.contract("ds_token")?;
            let (from, to) = (address(from, "FROM")?, address(to, "TO")?);
            let value = amount(value, "AMOUNT")?;
            let (code, reason) = runtime.block_on(async {
                let p = reader(&ctx).await?;
                let call = IToken::preTransferCheckCall { from, to, value };
                let ret = view(&p, "preTransferCheck", token, call).await?;
                Ok::<_, Failure>((ret._0, ret._1))
            })?;
            Ok(format!("{code} {reason}"))
        }
        "deploy" => {
            args.only(&[
                "rpc",
                "private-key",
                "artifacts",
                "name",
                "symbol",
                "decimals",
                "out",
            ])?;
            if !args.positional.is_empty() {
                return Err(format!("deploy takes no positional argument\n{USAGE}").into());
            }
            let key = args.get("private-key").map(str::to_string).or(env_key);
            let signer = signer(key.as_deref())?;
            let token = TokenParams {
                name: args.get("name").unwrap_or("DS Token").to_string(),
                symbol: args.get("symbol").unwrap_or("DST").to_string(),
                decimals: args
                    .get("decimals")
                    .unwrap_or("0")
                    .parse()
                    .map_err(|e| format!("--decimals: {e}"))?,
            };
            let dir = PathBuf::from(args.get("artifacts").unwrap_or("target/stylus"));
            let rpc = args.need("rpc")?.to_string();
            let (chain_id, deployed) = runtime.block_on(async {
                let chain_id = connect_check(&rpc, None).await?;
                let deployed = deploy(&rpc, signer, &dir, &token).await?;
                Ok::<_, Failure>((chain_id, deployed))
            })?;
            if let Some(out) = args.get("out") {
                let file = Deployment {
                    chain_id: Some(chain_id),
                    contracts: deployed.iter().map(|(n, a)| (n.to_string(), *a)).collect(),
                };
                std::fs::write(out, file.to_json()).map_err(|e| format!("--out {out}: {e}"))?;
            }
            Ok(deployed
                .iter()
                .map(|(name, at)| format!("{name} {at}"))
                .collect::<Vec<_>>()
                .join("\n"))
        }
        "role" | "investor" | "compliance" | "issue" | "transfer" | "balance" => {
            args.only(
                &[
                    &COMMON[..],
                    &[
                        "wallet",
                        "country",
                        "collision-hash",
                        "expiry",
                        "proof-hash",
                    ],
                ]
                .concat(),
            )?;
            let ctx = Context::new(&args, env_key)?;
            runtime.block_on(operate(command, &args, &ctx))
        }
        "-h" | "--help" | "help" => Ok(USAGE.into()),
        other => Err(format!("unknown command `{other}`\n{USAGE}").into()),
    }
}

/// The operating commands.
async fn operate(command: &str, args: &Args, ctx: &Context) -> Result<String, Failure> {
    let sub: Vec<&str> = args.positional.iter().map(String::as_str).collect();
    let no_flags = |allowed: &[&str]| -> Result<(), Failure> {
        for f in [
            "wallet",
            "country",
            "collision-hash",
            "expiry",
            "proof-hash",
        ] {
            if args.get(f).is_some() && !allowed.contains(&f) {
                return Err(format!("--{f} does not apply to `ds {command}`\n{USAGE}").into());
            }
        }
        Ok(())
    };
    match (command, sub.as_slice()) {
        ("role", ["set", target, role]) => {
            no_flags(&[])?;
            let target = address(target, "ADDRESS")?;
            let role = lookup(&ROLES, role, "role")?;
            let trust = ctx.contract("trust")?;
            let p = writer(ctx).await?;
            if role == 0 {
                let call = ITrust::removeRoleCall { target };
                transact(&p, "removeRole", trust, call.abi_encode()).await?;
                Ok(format!("{target} none"))
            } else {
                let call = ITrust::setRoleCall { target, role };
                transact(&p, "setRole", trust, call.abi_encode()).await?;
                Ok(format!("{target} {}", role_name(role)))
            }
        }
        ("role", ["get", target]) => {
            no_flags(&[])?;
            let target = address(target, "ADDRESS")?;
            let trust = ctx.contract("trust")?;
            let p = reader(ctx).await?;
            let role = view(&p, "getRole", trust, ITrust::getRoleCall { target }).await?;
            Ok(role_name(role))
        }
        ("investor", ["register", id]) => {
            no_flags(&["wallet", "country", "collision-hash"])?;
            let country = args.need("country")?.to_string();
            let wallets = args
                .all("wallet")
                .into_iter()
                .map(|w| address(w, "--wallet"))
                .collect::<Result<Vec<_>, _>>()?;
            let registry = ctx.contract("registry")?;
            let p = writer(ctx).await?;
            let id = id.to_string();
            let call = IRegistry::registerInvestorCall {
                id: id.clone(),
                collision_hash: args.get("collision-hash").unwrap_or("").to_string(),
            };
            transact(&p, "registerInvestor", registry, call.abi_encode()).await?;
            let call = IRegistry::setCountryCall {
                id: id.clone(),
                country: country.clone(),
            };
            transact(&p, "setCountry", registry, call.abi_encode()).await?;
            for wallet in &wallets {
                let call = IRegistry::addWalletCall {
                    wallet: *wallet,
                    id: id.clone(),
                };
                transact(&p, "addWallet", registry, call.abi_encode()).await?;
            }
            let mut out = format!("{id} {country}");
            for w in wallets {
                out.push_str(&format!(" {w}"));
            }
            Ok(out)
        }
        ("investor", ["wallet", "add", id, wallet]) => {
            no_flags(&[])?;
            let wallet = address(wallet, "WALLET")?;
            let registry = ctx.contract("registry")?;
            let p = writer(ctx).await?;
            let call = IRegistry::addWalletCall {
                wallet,
                id: id.to_string(),
            };
            transact(&p, "addWallet", registry, call.abi_encode()).await?;
            Ok(format!("{id} {wallet}"))
        }
        ("investor", ["attribute", "set", id, attribute, status]) => {
            no_flags(&["expiry", "proof-hash"])?;
            let attribute_id = lookup(&ATTRIBUTES, attribute, "attribute")?;
            let value = lookup(&STATUSES, status, "status")?;
            let expiry = amount(args.get("expiry").unwrap_or("0"), "--expiry")?;
            let registry = ctx.contract("registry")?;
            let p = writer(ctx).await?;
            let call = IRegistry::setAttributeCall {
                id: id.to_string(),
                attribute_id,
                value: U256::from(value),
                expiry,
                proof_hash: args.get("proof-hash").unwrap_or("").to_string(),
            };
            transact(&p, "setAttribute", registry, call.abi_encode()).await?;
            Ok(format!("{id} {attribute} {status}"))
        }
        ("compliance", ["country", country, status]) => {
            no_flags(&[])?;
            let value = lookup(&REGIONS, status, "country status")?;
            let compliance = ctx.contract("compliance")?;
            let p = writer(ctx).await?;
            let call = ICompliance::setCountryComplianceCall {
                country: country.to_string(),
                value: U256::from(value),
            };
            transact(&p, "setCountryCompliance", compliance, call.abi_encode()).await?;
            Ok(format!("{country} {}", status.to_ascii_lowercase()))
        }
        ("compliance", ["set", rule, value]) => {
            no_flags(&[])?;
            let (name, data) = rule_setter(rule, value)?;
            let compliance = ctx.contract("compliance")?;
            let p = writer(ctx).await?;
            transact(&p, &format!("set {name}"), compliance, data).await?;
            Ok(format!("{name} = {value}"))
        }
        ("compliance", ["get"]) => {
            no_flags(&[])?;
            let compliance = ctx.contract("compliance")?;
            let p = reader(ctx).await?;
            let all = view(&p, "getAll", compliance, ICompliance::getAllCall {}).await?;
            let mut lines: Vec<String> = UINT_RULES
                .iter()
                .zip(all._0.iter())
                .map(|((name, _), v)| format!("{name} = {v}"))
                .collect();
            lines.extend(
                BOOL_RULES
                    .iter()
                    .zip(all._1.iter())
                    .map(|((name, _), v)| format!("{name} = {v}")),
            );
            Ok(lines.join("\n"))
        }
        ("issue", [wallet, value]) => {
            no_flags(&[])?;
            let to = address(wallet, "WALLET")?;
            let value = amount(value, "AMOUNT")?;
            let token = ctx.contract("ds_token")?;
            let p = writer(ctx).await?;
            let call = IToken::issueTokensCall { to, value };
            let hash = transact(&p, "issueTokens", token, call.abi_encode()).await?;
            Ok(format!("issued {value} to {to} (tx {hash})"))
        }
        ("transfer", [to, value]) => {
            no_flags(&[])?;
            let to = address(to, "TO")?;
            let value = amount(value, "AMOUNT")?;
            let token = ctx.contract("ds_token")?;
            let p = writer(ctx).await?;
            let call = IToken::transferCall { to, value };
            let hash = transact(&p, "transfer", token, call.abi_encode()).await?;
            Ok(format!("transferred {value} to {to} (tx {hash})"))
        }
        ("balance", [wallet]) => {
            no_flags(&[])?;
            let account = address(wallet, "WALLET")?;
            let token = ctx.contract("ds_token")?;
            let p = reader(ctx).await?;
            let balance = view(&p, "balanceOf", token, IToken::balanceOfCall { account }).await?;
            Ok(balance.to_string())
        }
        _ => Err(format!(
            "unknown or incomplete command `ds {command} {}`\n{USAGE}",
            sub.join(" ")
        )
        .into()),
    }
}

/// Calldata of the rules facet's setter of `rule` (a DS rule name, or its
/// setter's name) with `value`; returns the DS name too.
pub fn rule_setter(rule: &str, value: &str) -> Result<(&'static str, Vec<u8>), String> {
    let rule = rule
        .strip_prefix("set")
        .filter(|r| r.len() > 3)
        .unwrap_or(rule);
    let find = |table: &'static [(&'static str, &'static str)]| {
        table
            .iter()
            .find(|(name, suffix)| {
                name.eq_ignore_ascii_case(rule) || suffix.eq_ignore_ascii_case(rule)
            })
            .copied()
    };
    if let Some((name, suffix)) = find(&UINT_RULES) {
        let v = amount(value, name)?;
        let mut data = selector(&format!("set{suffix}(uint256)"));
        data.extend_from_slice(&v.abi_encode());
        return Ok((name, data));
    }
    if let Some((name, suffix)) = find(&BOOL_RULES) {
        let v = match value.to_ascii_lowercase().as_str() {
            "true" | "1" | "yes" => true,
            "false" | "0" | "no" => false,
            _ => return Err(format!("{name}: `{value}` is not true or false")),
        };
        let mut data = selector(&format!("set{suffix}(bool)"));
        data.extend_from_slice(&v.abi_encode());
        return Ok((name, data));
    }
    let names: Vec<_> = UINT_RULES
        .iter()
        .chain(BOOL_RULES.iter())
        .map(|(n, _)| *n)
        .collect();
    Err(format!(
        "unknown rule `{rule}`: expected one of {}",
        names.join(", ")
    ))
}

fn selector(signature: &str) -> Vec<u8> {
    alloy_primitives::keccak256(signature.as_bytes())[..4].to_vec()
}

/// Human-readable form of revert data: the decoded DS custom error when it
/// is one of the suite's, else the raw hex.
pub fn describe_revert(data: &[u8]) -> String {
    use IDSErrors::IDSErrorsErrors as E;
    match E::abi_decode(data) {
        Ok(E::UnauthorizedCaller(e)) => {
            format!("UnauthorizedCaller: {} has role {}", e._0, role_name(e._1))
        }
        Ok(E::TransferRejected(e)) => format!("TransferRejected: {} {}", e._0, e._1),
        Ok(E::IssuanceRejected(e)) => format!("IssuanceRejected: {} {}", e._0, e._1),
        Ok(other) => format!("{other:?}"),
        Err(_) if data.is_empty() => "no revert data".to_string(),
        Err(_) => format!(
            "revert data {}",
            alloy_primitives::hex::encode_prefixed(data)
        ),
    }
}

/// Classifies a JSON-RPC failure: revert (decoded), unreachable, other.
fn rpc_failure(what: &str, e: TransportError) -> Failure {
    if let Some(payload) = e.as_error_resp() {
        if let Some(data) = payload.as_revert_data() {
            return Failure::new(
                exit::REVERTED,
                format!("{what} reverted: {}", describe_revert(&data)),
            );
        }
        let exit = if payload.message.contains("revert") {
            exit::REVERTED
        } else {
            exit::USAGE
        };
        return Failure::new(exit, format!("{what}: {}", payload.message));
    }
    if e.is_transport_error() {
        return Failure::new(
            exit::UNREACHABLE,
            format!("{what}: endpoint unreachable: {e}"),
        );
    }
    Failure::new(exit::USAGE, format!("{what}: {e}"))
}

/// Asks the endpoint for its chain id: unreachable → [`exit::UNREACHABLE`],
/// another chain than `expected` → [`exit::WRONG_CHAIN`].
async fn connect_check(rpc: &str, expected: Option<u64>) -> Result<u64, Failure> {
    let provider = ProviderBuilder::new()
        .connect(rpc)
        .await
        .map_err(|e| Failure::new(exit::UNREACHABLE, format!("cannot reach {rpc}: {e}")))?;
    let id = provider
        .get_chain_id()
        .await
        .map_err(|e| Failure::new(exit::UNREACHABLE, format!("cannot reach {rpc}: {e}")))?;
    match expected {
        Some(want) if want != id => Err(Failure::new(
            exit::WRONG_CHAIN,
            format!("wrong chain: {rpc} serves chain {id}, the deployment is on chain {want}"),
        )),
        _ => Ok(id),
    }
}

/// A read-only provider, after the endpoint and chain checks.
async fn reader(ctx: &Context) -> Result<impl Provider, Failure> {
    connect_check(&ctx.rpc, ctx.chain_id).await?;
    ProviderBuilder::new()
        .connect(&ctx.rpc)
        .await
        .map_err(|e| Failure::new(exit::UNREACHABLE, format!("cannot reach {}: {e}", ctx.rpc)))
}

/// A signing provider, after the endpoint and chain checks.
async fn writer(ctx: &Context) -> Result<impl Provider, Failure> {
    let signer = ctx.signer()?;
    connect_check(&ctx.rpc, ctx.chain_id).await?;
    ProviderBuilder::new()
        .wallet(EthereumWallet::from(signer))
        .connect(&ctx.rpc)
        .await
        .map_err(|e| Failure::new(exit::UNREACHABLE, format!("cannot reach {}: {e}", ctx.rpc)))
}

/// `eth_call` of `call` at `to`, decoded.
async fn view<P: Provider, C: SolCall>(
    provider: &P,
    what: &str,
    to: Address,
    call: C,
) -> Result<C::Return, Failure> {
    let tx = TransactionRequest::default()
        .with_to(to)
        .with_input(call.abi_encode());
    let out = provider
        .call(tx)
        .await
        .map_err(|e| rpc_failure(&format!("{what} on {to}"), e))?;
    C::abi_decode_returns(&out).map_err(|e| format!("{what} on {to}: bad return data: {e}").into())
}

/// Sends `data` to `to`; returns the transaction hash.
async fn transact<P: Provider>(
    provider: &P,
    what: &str,
    to: Address,
    data: Vec<u8>,
) -> Result<alloy_primitives::B256, Failure> {
    let tx = TransactionRequest::default().with_to(to).with_input(data);
    let receipt = send(provider, what, tx).await?;
    Ok(receipt.transaction_hash)
}

/// The token's `preTransferCheck(from, to, amount)`: DS code and reason.
pub async fn check(
    rpc: &str,
    token: Address,
    from: Address,
    to: Address,
    amount: U256,
) -> Result<(U256, String), Failure> {
    connect_check(rpc, None).await?;
    let provider = ProviderBuilder::new()
        .connect(rpc)
        .await
        .map_err(|e| Failure::new(exit::UNREACHABLE, format!("cannot reach {rpc}: {e}")))?;
    let call = IToken::preTransferCheckCall {
        from,
        to,
        value: amount,
    };
    let ret = view(&provider, "preTransferCheck", token, call).await?;
    Ok((ret._0, ret._1))
}

/// Token constructor parameters.
pub struct TokenParams {
    /// Name.
    pub name: String,
    /// Symbol.
    pub symbol: String,
    /// Decimals.
    pub decimals: u8,
}

/// Init code of a Stylus deployment (cargo-stylus format):
/// `7f ‖ len ‖ 80 60 2b 60 00 39 60 00 f3 00 ‖ EF F0 00 00 ‖ brotli(wasm)`.
pub fn stylus_init_code(wasm: &[u8]) -> Vec<u8> {
    let mut code = vec![0xef, 0xf0, 0x00, 0x00];
    {
        let mut w = brotli::CompressorWriter::new(&mut code, 4096, 9, 22);
        // Writing to a Vec cannot fail.
        let _ = std::io::Write::write_all(&mut w, wasm);
    }
    let mut init = vec![0x7f];
    init.extend_from_slice(&U256::from(code.len()).to_be_bytes::<32>());
    init.extend_from_slice(&[0x80, 0x60, 0x2b, 0x60, 0x00, 0x39, 0x60, 0x00, 0xf3, 0x00]);
    init.extend_from_slice(&code);
    init
}

/// Sends `tx` and returns its receipt, failing on status 0.
async fn send<P: Provider>(
    provider: &P,
    what: &str,
    tx: TransactionRequest,
) -> Result<alloy_rpc_types_eth::TransactionReceipt, Failure> {
    let pending = provider
        .send_transaction(tx)
        .await
        .map_err(|e| rpc_failure(what, e))?;
    let hash = *pending.tx_hash();
    // Poll without the provider's block-interval delay: dev chains mine at once.
    for attempt in 0..600u32 {
        let receipt = provider
            .get_transaction_receipt(hash)
            .await
            .map_err(|e| rpc_failure(&format!("{what}: receipt of {hash}"), e))?;
        if let Some(r) = receipt {
            if !r.status() {
                return Err(Failure::new(
                    exit::REVERTED,
                    format!("{what}: transaction {hash} failed"),
                ));
            }
            return Ok(r);
        }
        tokio::time::sleep(std::time::Duration::from_millis(if attempt < 20 {
            50
        } else {
            500
        }))
        .await;
    }
    Err(format!("{what}: no receipt for {hash}").into())
}

/// Creates and activates the program `dir/name.wasm`, then runs its
/// constructor with `constructor_args` (ABI-encoded) if given.
async fn deploy_program<P: Provider>(
    provider: &P,
    dir: &Path,
    name: &str,
    constructor_args: Option<Vec<u8>>,
) -> Result<Address, Failure> {
    let path = dir.join(format!("{name}.wasm"));
    let wasm = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let create =
        TransactionRequest::default().with_deploy_code(Bytes::from(stylus_init_code(&wasm)));
    let receipt = send(provider, &format!("deploy {name}"), create).await?;
    let at = receipt
        .contract_address
        .ok_or_else(|| format!("deploy {name}: no contract address in the receipt"))?;
    let activate = TransactionRequest::default()
        .with_to(ARB_WASM)
        .with_input(IArbWasm::activateProgramCall { program: at }.abi_encode());
    send(provider, &format!("activate {name}"), activate).await?;
    if let Some(args) = constructor_args {
        let mut data = alloy_primitives::keccak256(b"stylus_constructor()")[..4].to_vec();
        data.extend_from_slice(&args);
        let ctor = TransactionRequest::default().with_to(at).with_input(data);
        send(provider, &format!("constructor of {name}"), ctor).await?;
    }
    Ok(at)
}

/// Deploys and wires the suite; returns `(name, address)` pairs.
pub async fn deploy(
    rpc: &str,
    signer: PrivateKeySigner,
    dir: &Path,
    token: &TokenParams,
) -> Result<Vec<(&'static str, Address)>, Failure> {
    let master = signer.address();
    let provider = ProviderBuilder::new()
        .wallet(EthereumWallet::from(signer))
        .connect(rpc)
        .await
        .map_err(|e| format!("cannot reach {rpc}: {e}"))?;
    let p = &provider;
    let trust = deploy_program(p, dir, "trust", Some(master.abi_encode())).await?;
    let registry = deploy_program(p, dir, "registry", Some(trust.abi_encode())).await?;
    let compliance = deploy_program(p, dir, "compliance", Some(trust.abi_encode())).await?;
    let comms = deploy_program(p, dir, "comms", Some(trust.abi_encode())).await?;
    type TokenArgs = (
        sol_data::Address,
        sol_data::String,
        sol_data::String,
        sol_data::Uint<8>,
    );
    let args = TokenArgs::abi_encode_params(&(
        trust,
        token.name.clone(),
        token.symbol.clone(),
        token.decimals,
    ));
    let ds_token = deploy_program(p, dir, "ds_token", Some(args)).await?;
    let views = deploy_program(p, dir, "compliance_views", None).await?;
    let admin = deploy_program(p, dir, "compliance_admin", None).await?;
    let rules = deploy_program(p, dir, "compliance_rules", None).await?;
    let token_admin = deploy_program(p, dir, "token_admin", None).await?;

    let services = [
        (service::TRUST, trust),
        (service::REGISTRY, registry),
        (service::COMPLIANCE, compliance),
        (service::COMMS, comms),
        (service::DS_TOKEN, ds_token),
    ];
    let mut wiring = Vec::new();
    for contract in [trust, registry, compliance, comms, ds_token] {
        wiring.extend(services.iter().map(|(id, a)| (contract, *id, *a)));
    }
    wiring.push((compliance, service::COMPLIANCE_VIEWS_FACET, views));
    wiring.push((compliance, service::COMPLIANCE_ADMIN_FACET, admin));
    wiring.push((compliance, service::COMPLIANCE_RULES_FACET, rules));
    wiring.push((ds_token, service::TOKEN_ADMIN_FACET, token_admin));
    for (contract, id, address) in wiring {
        let call = ITrust::setDSServiceCall {
            service_id: U256::from(id),
            service: address,
        };
        let tx = TransactionRequest::default()
            .with_to(contract)
            .with_input(call.abi_encode());
        send(p, &format!("setDSService({id}) on {contract}"), tx).await?;
    }
    Ok(vec![
        ("trust", trust),
        ("registry", registry),
        ("compliance", compliance),
        ("compliance_views", views),
        ("compliance_admin", admin),
        ("compliance_rules", rules),
        ("comms", comms),
        ("ds_token", ds_token),
        ("token_admin", token_admin),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deployment_file_round_trips() {
        let d = Deployment {
            chain_id: Some(412_346),
            contracts: vec![
                ("trust".into(), Address::repeat_byte(1)),
                ("ds_token".into(), Address::repeat_byte(2)),
            ],
        };
        let text = d.to_json();
        assert!(text.starts_with("{\n  \"chain_id\": 412346,\n"), "{text}");
        assert_eq!(Deployment::parse(&text), Ok(d));
        assert!(Deployment::parse("[]").is_err());
        assert!(Deployment::parse("{\"trust\": \"0x12\"}").is_err());
    }

    #[test]
    fn rule_setters_use_the_ds_names() {
        let (name, data) = rule_setter("totalInvestorsLimit", "2000").expect("uint rule");
        assert_eq!(name, "totalInvestorsLimit");
        assert_eq!(data[..4], selector("setTotalInvestorsLimit(uint256)")[..]);
        assert_eq!(U256::from_be_slice(&data[4..]), U256::from(2000));
        // The setter's own name and any case are accepted.
        let (name, _) = rule_setter("setUSLockPeriod", "1").expect("setter name");
        assert_eq!(name, "usLockPeriod");
        let (name, data) = rule_setter("FORCEFULLTRANSFER", "true").expect("bool rule");
        assert_eq!(name, "forceFullTransfer");
        assert_eq!(data[..4], selector("setForceFullTransfer(bool)")[..]);
        assert_eq!(data[35], 1);
        assert!(rule_setter("forceAccredited", "maybe").is_err());
        assert!(rule_setter("noSuchRule", "1").is_err());
        assert!(rule_setter("minUSTokens", "-1").is_err());
    }

    #[test]
    fn reverts_are_decoded() {
        use IDSErrors::*;
        let e = UnauthorizedCaller {
            _0: Address::repeat_byte(7),
            _1: 0,
        };
        let text = describe_revert(&alloy_sol_types::SolError::abi_encode(&e));
        assert!(text.starts_with("UnauthorizedCaller: 0x0707"), "{text}");
        assert!(text.ends_with("has role none"), "{text}");
        let e = TransferRejected {
            _0: U256::from(20),
            _1: "Wallet not in registry service".into(),
        };
        assert_eq!(
            describe_revert(&alloy_sol_types::SolError::abi_encode(&e)),
            "TransferRejected: 20 Wallet not in registry service"
        );
        let e = IssuanceRejected {
            _0: U256::from(26),
            _1: "Destination restricted".into(),
        };
        assert_eq!(
            describe_revert(&alloy_sol_types::SolError::abi_encode(&e)),
            "IssuanceRejected: 26 Destination restricted"
        );
        let e = InvalidExpiry {
            _0: U256::from(1),
            _1: U256::from(2),
        };
        assert!(describe_revert(&alloy_sol_types::SolError::abi_encode(&e))
            .starts_with("InvalidExpiry"));
        assert_eq!(describe_revert(&[]), "no revert data");
        assert_eq!(describe_revert(&[1, 2, 3, 4]), "revert data 0x01020304");
    }

    #[test]
    fn names_match_the_protocol_numbers() {
        assert_eq!(lookup(&ROLES, "Transfer-Agent", "role"), Ok(8));
        assert_eq!(lookup(&REGIONS, "forbidden", "status"), Ok(4));
        assert_eq!(lookup(&ATTRIBUTES, "professional", "attribute"), Ok(8));
        assert_eq!(lookup(&STATUSES, "rejected", "status"), Ok(2));
        assert!(lookup(&ROLES, "king", "role").is_err());
        assert_eq!(role_name(2), "issuer");
        assert_eq!(role_name(3), "role 3");
    }
}
