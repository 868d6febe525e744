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
//!   `name address` line per contract.
//!
//! Transactions are signed with `--private-key HEX` or the `DS_PRIVATE_KEY`
//! environment variable; the key is never printed.

use std::path::{Path, PathBuf};

use alloy_network::{EthereumWallet, TransactionBuilder};
use alloy_primitives::{Address, Bytes, U256};
use alloy_provider::{Provider, ProviderBuilder};
use alloy_rpc_types_eth::TransactionRequest;
use alloy_signer_local::PrivateKeySigner;
use alloy_sol_types::{sol, sol_data, SolCall, SolType, SolValue};

sol! {
    interface IToken {
        function preTransferCheck(address from, address to, uint256 value) external view returns (uint256, string memory);
    }
    interface ITrust {
        function setDSService(uint256 service_id, address service) external returns (bool);
    }
    interface IArbWasm {
        function activateProgram(address program) external payable returns (uint16 version, uint256 dataFee);
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

/// Environment variable holding the signing key.
pub const KEY_ENV: &str = "DS_PRIVATE_KEY";

const USAGE: &str = "usage:
  ds check  --rpc URL --token ADDR FROM TO AMOUNT
  ds deploy --rpc URL [--private-key HEX | env DS_PRIVATE_KEY] [--artifacts DIR]
            [--name NAME] [--symbol SYMBOL] [--decimals N]";

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

/// Runs `ds` with `args` (without the program name); returns what to print.
/// `env_key` is the value of [`KEY_ENV`], if set.
pub fn run(args: &[String], env_key: Option<String>) -> Result<String, String> {
    let Some((command, rest)) = args.split_first() else {
        return Err(USAGE.into());
    };
    let args = Args::parse(rest)?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the async runtime: {e}"))?;
    match command.as_str() {
        "check" => {
            args.only(&["rpc", "token"])?;
            let [from, to, amount] = args.positional.as_slice() else {
                return Err(format!("check takes FROM TO AMOUNT\n{USAGE}"));
            };
            let token = address(args.need("token")?, "--token")?;
            let from = address(from, "FROM")?;
            let to = address(to, "TO")?;
            let amount: U256 = amount
                .parse()
                .map_err(|e| format!("AMOUNT `{amount}`: {e}"))?;
            let rpc = args.need("rpc")?.to_string();
            let (code, reason) = runtime.block_on(check(&rpc, token, from, to, amount))?;
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
            ])?;
            if !args.positional.is_empty() {
                return Err(format!("deploy takes no positional argument\n{USAGE}"));
            }
            let key = args
                .get("private-key")
                .map(str::to_string)
                .or(env_key)
                .ok_or_else(|| format!("no signing key: pass --private-key or set {KEY_ENV}"))?;
            let signer: PrivateKeySigner = key
                .trim()
                .parse()
                .map_err(|_| "the private key is not a valid secp256k1 key".to_string())?;
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
            let deployed = runtime.block_on(deploy(&rpc, signer, &dir, &token))?;
            Ok(deployed
                .iter()
                .map(|(name, at)| format!("{name} {at}"))
                .collect::<Vec<_>>()
                .join("\n"))
        }
        "-h" | "--help" | "help" => Ok(USAGE.into()),
        other => Err(format!("unknown command `{other}`\n{USAGE}")),
    }
}

/// The token's `preTransferCheck(from, to, amount)`: DS code and reason.
pub async fn check(
    rpc: &str,
    token: Address,
    from: Address,
    to: Address,
    amount: U256,
) -> Result<(U256, String), String> {
    let provider = ProviderBuilder::new()
        .connect(rpc)
        .await
        .map_err(|e| format!("cannot reach {rpc}: {e}"))?;
    let call = IToken::preTransferCheckCall {
        from,
        to,
        value: amount,
    };
    let tx = TransactionRequest::default()
        .with_to(token)
        .with_input(call.abi_encode());
    let out = provider
        .call(tx)
        .await
        .map_err(|e| format!("preTransferCheck on {token}: {e}"))?;
    let ret = IToken::preTransferCheckCall::abi_decode_returns(&out)
        .map_err(|e| format!("preTransferCheck on {token}: bad return data: {e}"))?;
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
) -> Result<alloy_rpc_types_eth::TransactionReceipt, String> {
    let pending = provider
        .send_transaction(tx)
        .await
        .map_err(|e| format!("{what}: {e}"))?;
    let hash = *pending.tx_hash();
    // Poll without the provider's block-interval delay: dev chains mine at once.
    for attempt in 0..600u32 {
        let receipt = provider
            .get_transaction_receipt(hash)
            .await
            .map_err(|e| format!("{what}: receipt of {hash}: {e}"))?;
        if let Some(r) = receipt {
            if !r.status() {
                return Err(format!("{what}: transaction {hash} failed"));
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
    Err(format!("{what}: no receipt for {hash}"))
}

/// Creates and activates the program `dir/name.wasm`, then runs its
/// constructor with `constructor_args` (ABI-encoded) if given.
async fn deploy_program<P: Provider>(
    provider: &P,
    dir: &Path,
    name: &str,
    constructor_args: Option<Vec<u8>>,
) -> Result<Address, String> {
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
) -> Result<Vec<(&'static str, Address)>, String> {
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
