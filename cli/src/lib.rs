//! `ds`: deploys and operates the DS Protocol suite on a Stylus chain over
//! JSON-RPC (alloy provider, local signer).
//!
//! - `ds deploy`: deploys Trust, Registry, Compliance (+ views, admin and
//!   configuration facets), Comms and the DS token (+ admin facet) from
//!   `target/stylus/*.wasm` through the StylusDeployer (one transaction
//!   per program: create, activate, construct), wires all 29 DS service
//!   entries and grants the initial roles; `--out FILE` keeps a deployment
//!   file up to date after every step and resumes from it (see [`deploy`]).
//! - `ds check FROM TO AMOUNT`: the DS code and reason of the token's
//!   `preTransferCheck` (what an exchange runs before a trade).
//! - Operating commands (see [`USAGE`]): roles, investors, compliance
//!   rules and countries, issuance, transfers, burn, seize, locks, notices.
//!
//! Exit codes (see [`exit`]): 1 usage or local error, 2 the contract
//! reverted (the DS custom error is decoded and printed), 3 the endpoint is
//! unreachable, 4 the endpoint serves another chain than the deployment's.
//!
//! The endpoint is `--rpc URL` (or [`RPC_ENV`]). Transactions are signed
//! with `--private-key HEX` (or [`KEY_ENV`]),
//! `--private-key-file FILE`, or `--keystore FILE` (password from
//! `--password-file FILE` or [`PASSWORD_ENV`]); the key is never printed.

pub mod abi;
mod args;
mod chain;
mod commands;
pub mod deploy;
pub mod deployment;
pub mod names;

use std::path::PathBuf;

use alloy_primitives::B256;

pub use chain::{exit, Failure};
pub use deploy::{stylus_init_code, TokenParams, STYLUS_DEPLOYER};
pub use deployment::{Deployment, Pending, Record};

use args::{addresses, Args};
use chain::{connect_check, signing_provider, Context, KeySource};

/// Environment variable holding the signing key.
pub const KEY_ENV: &str = "DS_PRIVATE_KEY";

/// Environment variable holding the keystore's password.
pub const PASSWORD_ENV: &str = "DS_KEYSTORE_PASSWORD";

/// Environment variable holding the JSON-RPC endpoint (for `--rpc`).
pub const RPC_ENV: &str = "DS_RPC";

/// What `ds` takes from its environment. Passed to [`run`] rather than read
/// there, so callers (and tests) choose it. Deliberately not `Debug`: it
/// holds the key.
#[derive(Clone, Default)]
pub struct Environment {
    /// [`KEY_ENV`]: the signing key.
    pub private_key: Option<String>,
    /// [`RPC_ENV`]: the endpoint when `--rpc` is not given.
    pub rpc: Option<String>,
    /// [`PASSWORD_ENV`]: the keystore's password.
    pub keystore_password: Option<String>,
}

impl Environment {
    /// The process's environment variables.
    pub fn from_process() -> Self {
        Self {
            private_key: std::env::var(KEY_ENV).ok(),
            rpc: std::env::var(RPC_ENV).ok(),
            keystore_password: std::env::var(PASSWORD_ENV).ok(),
        }
    }

    /// An environment holding only a signing key.
    pub fn with_key(key: Option<&str>) -> Self {
        Self {
            private_key: key.map(str::to_string),
            ..Self::default()
        }
    }
}

/// Usage text.
pub const USAGE: &str = "usage:
  ds deploy --rpc URL [--out FILE] [--artifacts DIR] [--name NAME] [--symbol SYMBOL]
            [--decimals N] [--issuer ADDR]... [--transfer-agent ADDR]... [--exchange ADDR]...
            [--deployer ADDR] [--salt HEX32]
            (--out FILE is written after every step; run again to resume)
  ds check FROM TO AMOUNT           (code and reason of preTransferCheck)
  ds key-address                    (the address of the signing key)
  ds role set ADDRESS master|issuer|exchange|transfer-agent|none
  ds role remove ADDRESS
  ds role get ADDRESS
  ds investor register ID --country XX [--wallet ADDR]... [--collision-hash H]
  ds investor update ID [--country XX] [--wallet ADDR]... [--collision-hash H]
  ds investor wallet add ID WALLET
  ds investor attribute set ID kyc|accredited|qualified|professional
                               pending|approved|rejected [--expiry T] [--proof-hash H]
  ds compliance country XX none|us|eu|forbidden|jp
  ds compliance set RULE VALUE      (DS rule name, e.g. totalInvestorsLimit 2000)
  ds compliance get
  ds issue WALLET AMOUNT
  ds transfer TO AMOUNT             (the signer's own tokens)
  ds balance WALLET
  ds burn WALLET AMOUNT [--reason TEXT]
  ds seize FROM TO AMOUNT [--reason TEXT]
  ds lock add WALLET AMOUNT [--until TIMESTAMP] [--reason TEXT]
  ds lock list WALLET
  ds lock remove WALLET INDEX
  ds notice publish corporate-action|dividend|meeting|document|regulatory URI
            (--content-hash H | --content-file F) [--investor ID | --country XX]
            [--deadline TIMESTAMP]
  ds notice list [--offset N] [--limit N]
  ds cache PROGRAM                  (ArbWasmCache.cacheProgram: entries then cost the
                                     cached init gas; PROGRAM: a deployment name or address)
  ds cache status PROGRAM
common options:
  --rpc URL                the JSON-RPC endpoint (or env DS_RPC)
  --deployment FILE        the file written by `ds deploy --out FILE`
  --trust/--registry/--compliance/--comms/--token ADDR   override an address
  --chain-id N             expected chain (default: the deployment file's)
  --private-key HEX        signing key (or env DS_PRIVATE_KEY); never printed
  --private-key-file FILE  signing key from a file
  --keystore FILE          encrypted JSON keystore (--password-file FILE or
                           env DS_KEYSTORE_PASSWORD)
exit codes: 1 usage, 2 reverted, 3 endpoint unreachable, 4 wrong chain";

/// Options every command accepts.
const COMMON: [&str; 13] = [
    "rpc",
    "deployment",
    "chain-id",
    "private-key",
    "private-key-file",
    "keystore",
    "password-file",
    "trust",
    "registry",
    "compliance",
    "comms",
    "token",
    "help",
];

/// Options of `ds deploy` beyond the key options.
const DEPLOY: [&str; 15] = [
    "rpc",
    "private-key",
    "private-key-file",
    "keystore",
    "password-file",
    "artifacts",
    "name",
    "symbol",
    "decimals",
    "out",
    "issuer",
    "transfer-agent",
    "exchange",
    "deployer",
    "salt",
];

/// Runs `ds` with `args` (without the program name) in `env`; returns
/// what to print.
pub fn run(args: &[String], env: &Environment) -> Result<String, Failure> {
    let Some((command, rest)) = args.split_first() else {
        return Err(Failure::new(exit::USAGE, USAGE));
    };
    if matches!(command.as_str(), "-h" | "--help" | "help") {
        return Ok(USAGE.into());
    }
    let args = Args::parse(rest)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the async runtime: {e}"))?;
    match command.as_str() {
        "deploy" => {
            args.only(&DEPLOY)?;
            if !args.positional.is_empty() {
                return Err(format!("deploy takes no positional argument\n{USAGE}").into());
            }
            let keys = KeySource::new(&args, env);
            let signer = keys.signer()?;
            let plan = deploy_plan(&args)?;
            let rpc = endpoint(&args, env)?;
            let report = runtime.block_on(async {
                let chain_id = connect_check(&rpc, None).await?;
                let master = signer.address();
                let provider = signing_provider(&rpc, signer).await?;
                deploy::deploy(&provider, chain_id, master, &plan).await
            })?;
            Ok(report.render())
        }
        "key-address" => {
            args.only(&[
                "private-key",
                "private-key-file",
                "keystore",
                "password-file",
            ])?;
            Ok(KeySource::new(&args, env).signer()?.address().to_string())
        }
        "check" | "role" | "investor" | "compliance" | "issue" | "transfer" | "balance"
        | "burn" | "seize" | "lock" | "notice" | "cache" => {
            args.only(&[&COMMON[..], &commands::COMMAND_FLAGS[..]].concat())?;
            let ctx = Context::new(&args, env)?;
            runtime.block_on(commands::operate(command, &args, &ctx))
        }
        other => Err(format!("unknown command `{other}`\n{USAGE}").into()),
    }
}

/// `--rpc`, else [`RPC_ENV`].
fn endpoint(args: &Args, env: &Environment) -> Result<String, String> {
    args.get("rpc")
        .map(str::to_string)
        .or_else(|| env.rpc.clone())
        .ok_or_else(|| format!("missing --rpc URL (or {RPC_ENV})\n{USAGE}"))
}

/// The `ds deploy` options as a plan.
fn deploy_plan(args: &Args) -> Result<deploy::DeployPlan, String> {
    let token = TokenParams {
        name: args.get("name").unwrap_or("DS Token").to_string(),
        symbol: args.get("symbol").unwrap_or("DST").to_string(),
        decimals: args
            .get("decimals")
            .unwrap_or("0")
            .parse()
            .map_err(|e| format!("--decimals: {e}"))?,
    };
    let deployer = match args.get("deployer") {
        Some(a) => args::address(a, "--deployer")?,
        None => STYLUS_DEPLOYER,
    };
    let salt = match args.get("salt") {
        Some(s) => args::bytes32(s, "--salt")?,
        None => B256::ZERO,
    };
    Ok(deploy::DeployPlan {
        artifacts: PathBuf::from(args.get("artifacts").unwrap_or("target/stylus")),
        token,
        deployer,
        salt,
        roles: deploy::initial_roles(
            addresses(args, "issuer")?,
            addresses(args, "transfer-agent")?,
            addresses(args, "exchange")?,
        ),
        out: args.get("out").map(PathBuf::from),
    })
}
