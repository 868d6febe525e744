//! Talking to the chain: endpoint and chain checks, the signer, calls and
//! transactions, and how their failures map to exit codes.

use alloy_network::{EthereumWallet, TransactionBuilder};
use alloy_primitives::{Address, B256};
use alloy_provider::{transport::TransportError, Provider, ProviderBuilder};
use alloy_rpc_types_eth::{TransactionReceipt, TransactionRequest};
use alloy_signer_local::PrivateKeySigner;
use alloy_sol_types::SolCall;

use crate::{
    abi::describe_revert, args::Args, deployment::Deployment, endpoint, Environment, KEY_ENV,
    PASSWORD_ENV,
};

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

/// Why `ds` failed, with the process exit code to use (see [`exit`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// Exit code.
    pub exit: i32,
    /// Message for stderr.
    pub message: String,
}

impl Failure {
    /// A failure with exit code `exit`.
    pub fn new(exit: i32, message: impl Into<String>) -> Self {
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

impl From<&str> for Failure {
    fn from(message: &str) -> Self {
        Self::new(exit::USAGE, message)
    }
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

/// Where the signing key comes from (never printed).
#[derive(Clone, Default)]
pub(crate) struct KeySource {
    key: Option<String>,
    key_file: Option<String>,
    keystore: Option<String>,
    password_file: Option<String>,
    password_env: Option<String>,
}

impl KeySource {
    /// `--private-key`, `--private-key-file`, `--keystore` (+
    /// `--password-file`), then the environment ([`KEY_ENV`],
    /// [`PASSWORD_ENV`]).
    pub fn new(args: &Args, env: &Environment) -> Self {
        Self {
            key: args
                .get("private-key")
                .map(str::to_string)
                .or_else(|| env.private_key.clone()),
            key_file: args.get("private-key-file").map(str::to_string),
            keystore: args.get("keystore").map(str::to_string),
            password_file: args.get("password-file").map(str::to_string),
            password_env: env.keystore_password.clone(),
        }
    }

    /// The signer; errors never contain the key or the password.
    pub fn signer(&self) -> Result<PrivateKeySigner, String> {
        if let Some(path) = &self.keystore {
            let password = match &self.password_file {
                Some(file) => std::fs::read_to_string(file)
                    .map_err(|e| format!("--password-file {file}: {e}"))?
                    .trim_end_matches(['\n', '\r'])
                    .to_string(),
                None => self.password_env.clone().ok_or_else(|| {
                    format!("--keystore needs --password-file FILE or {PASSWORD_ENV}")
                })?,
            };
            return PrivateKeySigner::decrypt_keystore(path, password).map_err(|_| {
                format!("--keystore {path}: cannot decrypt (wrong password or not a keystore)")
            });
        }
        let key = match &self.key_file {
            Some(file) => {
                std::fs::read_to_string(file).map_err(|e| format!("--private-key-file {file}: {e}"))?
            }
            None => self.key.clone().ok_or_else(|| {
                format!("no signing key: pass --private-key, --private-key-file, --keystore or set {KEY_ENV}")
            })?,
        };
        key.trim()
            .parse()
            .map_err(|_| "the private key is not a valid secp256k1 key".to_string())
    }
}

/// What an operating command needs: endpoint, contracts, expected chain.
pub(crate) struct Context {
    /// The JSON-RPC endpoint.
    pub rpc: String,
    deployment: Deployment,
    /// The chain the deployment lives on, when known.
    pub chain_id: Option<u64>,
    overrides: Vec<(&'static str, Address)>,
    keys: KeySource,
}

impl Context {
    /// From `--rpc` (or [`crate::RPC_ENV`]), `--deployment`, `--chain-id`,
    /// the address overrides and the key options.
    pub fn new(args: &Args, env: &Environment) -> Result<Self, String> {
        let deployment = match args.get("deployment") {
            Some(path) => Deployment::load(std::path::Path::new(path))
                .map_err(|e| format!("--deployment {e}"))?,
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
            ("comms", "comms"),
            ("token", "ds_token"),
        ] {
            if let Some(a) = args.get(flag) {
                overrides.push((name, crate::args::address(a, &format!("--{flag}"))?));
            }
        }
        Ok(Self {
            rpc: endpoint(args, env)?,
            deployment,
            chain_id,
            overrides,
            keys: KeySource::new(args, env),
        })
    }

    /// The address of the suite's contract `name`.
    pub fn contract(&self, name: &str) -> Result<Address, String> {
        self.overrides
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, a)| *a)
            .or_else(|| self.deployment.address(name))
            .ok_or_else(|| {
                let flag = if name == "ds_token" { "token" } else { name };
                format!("no address for {name}: pass --deployment FILE or --{flag} ADDR")
            })
    }

    /// A read-only provider, after the endpoint and chain checks.
    pub async fn reader(&self) -> Result<impl Provider, Failure> {
        connect_check(&self.rpc, self.chain_id).await?;
        connect(&self.rpc).await
    }

    /// A signing provider, after the endpoint and chain checks.
    pub async fn writer(&self) -> Result<impl Provider, Failure> {
        let signer = self.keys.signer()?;
        connect_check(&self.rpc, self.chain_id).await?;
        signing_provider(&self.rpc, signer).await
    }
}

/// A provider for `rpc` (no request is made yet).
pub(crate) async fn connect(rpc: &str) -> Result<impl Provider, Failure> {
    ProviderBuilder::new()
        .connect(rpc)
        .await
        .map_err(|e| Failure::new(exit::UNREACHABLE, format!("cannot reach {rpc}: {e}")))
}

/// A provider for `rpc` that signs with `signer`.
pub(crate) async fn signing_provider(
    rpc: &str,
    signer: PrivateKeySigner,
) -> Result<impl Provider, Failure> {
    ProviderBuilder::new()
        .wallet(EthereumWallet::from(signer))
        .connect(rpc)
        .await
        .map_err(|e| Failure::new(exit::UNREACHABLE, format!("cannot reach {rpc}: {e}")))
}

/// Asks the endpoint for its chain id: unreachable → [`exit::UNREACHABLE`],
/// another chain than `expected` → [`exit::WRONG_CHAIN`].
pub(crate) async fn connect_check(rpc: &str, expected: Option<u64>) -> Result<u64, Failure> {
    let provider = connect(rpc).await?;
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

/// Classifies a JSON-RPC failure: revert (decoded), unreachable, other.
pub(crate) fn rpc_failure(what: &str, e: TransportError) -> Failure {
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

/// `eth_call` of `call` at `to`, decoded.
pub(crate) async fn view<P: Provider, C: SolCall>(
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

/// Sends `call` to `to`; returns the transaction hash.
pub(crate) async fn transact<P: Provider, C: SolCall>(
    provider: &P,
    what: &str,
    to: Address,
    call: C,
) -> Result<B256, Failure> {
    transact_raw(provider, what, to, call.abi_encode()).await
}

/// Sends calldata `data` to `to`; returns the transaction hash.
pub(crate) async fn transact_raw<P: Provider>(
    provider: &P,
    what: &str,
    to: Address,
    data: Vec<u8>,
) -> Result<B256, Failure> {
    let tx = TransactionRequest::default().with_to(to).with_input(data);
    Ok(send(provider, what, tx).await?.transaction_hash)
}

/// Sends `tx` and returns its receipt, failing on status 0. The gas
/// estimate runs first (alloy's filler), so a transaction that would revert
/// is refused with its decoded reason and never sent.
pub(crate) async fn send<P: Provider>(
    provider: &P,
    what: &str,
    tx: TransactionRequest,
) -> Result<TransactionReceipt, Failure> {
    let hash = submit(provider, what, tx).await?;
    mined(provider, what, hash).await
}

/// Submits `tx`; returns its hash once the node accepted it.
pub(crate) async fn submit<P: Provider>(
    provider: &P,
    what: &str,
    tx: TransactionRequest,
) -> Result<B256, Failure> {
    let pending = provider
        .send_transaction(tx)
        .await
        .map_err(|e| rpc_failure(what, e))?;
    Ok(*pending.tx_hash())
}

/// The receipt of transaction `hash` if it is mined (whatever its status).
pub(crate) async fn lookup_receipt<P: Provider>(
    provider: &P,
    what: &str,
    hash: B256,
) -> Result<Option<TransactionReceipt>, Failure> {
    provider
        .get_transaction_receipt(hash)
        .await
        .map_err(|e| rpc_failure(&format!("{what}: receipt of {hash}"), e))
}

/// Waits (up to 5 minutes) for the receipt of `hash`, failing on status 0.
pub(crate) async fn mined<P: Provider>(
    provider: &P,
    what: &str,
    hash: B256,
) -> Result<TransactionReceipt, Failure> {
    // Poll without the provider's block-interval delay: dev chains mine at once.
    for attempt in 0..600u32 {
        if let Some(r) = lookup_receipt(provider, what, hash).await? {
            if !r.status() {
                return Err(Failure::new(
                    exit::REVERTED,
                    format!("{what}: transaction {hash} failed"),
                ));
            }
            return Ok(r);
        }
        let pause = if attempt < 20 { 50 } else { 500 };
        tokio::time::sleep(std::time::Duration::from_millis(pause)).await;
    }
    Err(format!("{what}: no receipt for {hash} after 5 minutes").into())
}
