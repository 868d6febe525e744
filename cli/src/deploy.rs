//! `ds deploy`: deploys the suite through the StylusDeployer (each program
//! created, activated and constructed in one transaction, so no one can
//! call a constructor between creation and initialisation), wires every
//! DS service entry and sets the initial roles.
//!
//! Resumable: the deployment file is written after every contract; run
//! again with the same `--out FILE`, it keeps what the file records
//! (checking that the code is there and came from the same artifact) and
//! deploys the rest. Wiring and roles are read before they are written, so
//! a rerun only sends what is missing.

use std::path::{Path, PathBuf};

use alloy_network::TransactionBuilder;
use alloy_primitives::{address, keccak256, Address, Bytes, B256, U256};
use alloy_provider::Provider;
use alloy_rpc_types_eth::{
    state::{AccountOverride, StateOverride},
    TransactionReceipt, TransactionRequest,
};
use alloy_sol_types::{sol_data, SolCall, SolEvent, SolType, SolValue};
use ds_common::{
    bindings::IFacetRouter,
    ids::{role, service},
};

use crate::{
    abi::{IArbWasm, IStylusDeployer, ITrustService},
    chain::{exit, lookup_receipt, mined, rpc_failure, submit, transact, view, Failure},
    deployment::{Deployment, Pending, Record},
    names::role_name,
};

/// The ArbWasm precompile.
pub const ARB_WASM: Address = address!("0000000000000000000000000000000000000071");

/// The StylusDeployer on Arbitrum One, Nova, Sepolia and nitro's dev node.
pub const STYLUS_DEPLOYER: Address = address!("cEcba2F1DC234f70Dd89F2041029807F8D03A990");

/// Percentage added to the activation data fee quoted before sending (the
/// deployer refunds what activation does not use), as cargo-stylus does.
pub const DATA_FEE_BUMP_PERCENT: u64 = 20;

/// The programs of the suite, in deployment order.
pub const PROGRAMS: [&str; 12] = [
    "trust",
    "registry",
    "compliance",
    "comms",
    "ds_token",
    "registry_admin",
    "compliance_views",
    "compliance_admin",
    "compliance_config",
    "compliance_hooks",
    "token_admin",
    "token_control",
];

/// What `ds deploy` was asked to do.
pub struct DeployPlan {
    /// Directory of the `<name>.wasm` artifacts.
    pub artifacts: PathBuf,
    /// Token name, symbol and decimals.
    pub token: TokenParams,
    /// The StylusDeployer to go through.
    pub deployer: Address,
    /// Zero: CREATE; otherwise CREATE2 with this salt (addresses then
    /// depend only on the salt, the artifacts and the constructor
    /// arguments).
    pub salt: B256,
    /// Initial roles to grant after wiring.
    pub roles: Vec<(Address, u8)>,
    /// The deployment file to resume from and keep up to date.
    pub out: Option<PathBuf>,
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

/// What a deployment did, for the report.
pub struct DeployReport {
    /// The deployment, as written to the file.
    pub deployment: Deployment,
    /// Contracts deployed by this run (the others were kept).
    pub deployed: Vec<String>,
    /// Service entries set by this run, and those already in place.
    pub wired: (usize, usize),
    /// Compliance router selectors set by this run, and those already in place.
    pub routed: (usize, usize),
    /// Roles granted by this run.
    pub roles: usize,
}

impl DeployReport {
    /// One `name address gas` line per contract (`kept` for those deployed
    /// earlier), then the totals.
    pub fn render(&self) -> String {
        let mut lines = Vec::new();
        let mut total = 0;
        for name in PROGRAMS {
            let Some(record) = self.deployment.contracts.get(name) else {
                continue;
            };
            let gas = if self.deployed.iter().any(|d| d == name) {
                let gas = record.deploy_gas.unwrap_or_default();
                total += gas;
                gas.to_string()
            } else {
                "kept".to_string()
            };
            lines.push(format!("{name} {} {gas}", record.address));
        }
        lines.push(format!(
            "deployed {} programs ({total} gas); service entries: {} set, {} already in place; routes: {} set, {} already in place; roles granted: {}",
            self.deployed.len(),
            self.wired.0,
            self.wired.1,
            self.routed.0,
            self.routed.1,
            self.roles
        ));
        lines.join("\n")
    }
}

/// Length of the cargo-stylus deploy prelude before the program's code.
pub const PRELUDE_LEN: usize = 43;

/// Init code of a Stylus deployment (the cargo-stylus format):
/// `7f ‖ len ‖ 80 60 2b 60 00 39 60 00 f3 00 ‖ EF F0 00 00 ‖ brotli(wasm)`,
/// brotli at quality 11 (window 22) as the size gate measures.
pub fn stylus_init_code(wasm: &[u8]) -> Vec<u8> {
    let code = stylus_code(wasm);
    let mut init = vec![0x7f];
    init.extend_from_slice(&U256::from(code.len()).to_be_bytes::<32>());
    init.extend_from_slice(&[0x80, 0x60, 0x2b, 0x60, 0x00, 0x39, 0x60, 0x00, 0xf3, 0x00]);
    init.extend_from_slice(&code);
    init
}

/// The code a Stylus program account holds: `EF F0 00 00 ‖ brotli(wasm)`.
fn stylus_code(wasm: &[u8]) -> Vec<u8> {
    let mut code = vec![0xef, 0xf0, 0x00, 0x00];
    {
        let mut w = brotli::CompressorWriter::new(&mut code, 4096, 11, 22);
        // Writing to a Vec cannot fail.
        let _ = std::io::Write::write_all(&mut w, wasm);
    }
    code
}

/// A progress line on stderr (stdout carries the result).
fn progress(line: &str) {
    eprintln!("ds deploy: {line}");
}

/// Deploys (or resumes) the suite as `master` over `provider`.
pub async fn deploy<P: Provider>(
    provider: &P,
    chain_id: u64,
    master: Address,
    plan: &DeployPlan,
) -> Result<DeployReport, Failure> {
    if let Some((_, wanted)) = plan.roles.iter().find(|(who, _)| *who == master) {
        // The deployer becomes master: refused before anything is sent.
        return Err(format!(
            "{master} deploys the suite and becomes its master; it cannot also be {}: \
             an address holds one role in Trust (pass another address)",
            role_name(*wanted)
        )
        .into());
    }
    let mut deployment = match &plan.out {
        Some(path) => Deployment::load_or_default(path)?,
        None => Deployment::default(),
    };
    match deployment.chain_id {
        Some(id) if id != chain_id => {
            return Err(Failure::new(
                exit::WRONG_CHAIN,
                format!("wrong chain: the deployment file is for chain {id}, the endpoint serves chain {chain_id}"),
            ))
        }
        _ => deployment.chain_id = Some(chain_id),
    }
    let deployer_code = provider
        .get_code_at(plan.deployer)
        .await
        .map_err(|e| rpc_failure("eth_getCode", e))?;
    if deployer_code.is_empty() {
        return Err(format!(
            "no StylusDeployer at {} on chain {chain_id}: pass --deployer ADDR \
             (Arbitrum chains and nitro's dev node have it at {STYLUS_DEPLOYER})",
            plan.deployer
        )
        .into());
    }

    let mut deployed = Vec::new();
    for name in PROGRAMS {
        let path = plan.artifacts.join(format!("{name}.wasm"));
        let read = || std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()));
        if let Some(pending) = deployment.pending.get(name).cloned() {
            // Sent by an earlier run that stopped before seeing it mined.
            if let Some(record) = recover(provider, name, &pending, plan).await? {
                deployment.contracts.insert(name.to_string(), record);
                deployed.push(name.to_string());
            }
            deployment.pending.remove(name);
            save(&deployment, plan)?;
        }
        if let Some(record) = deployment.contracts.get(name) {
            if deployed.iter().any(|d| d == name) {
                continue;
            }
            // Only a record `ds deploy` wrote knows its artifact's hash.
            let wasm_keccak = match record.wasm_keccak {
                Some(_) => Some(keccak256(read()?)),
                None => None,
            };
            keep(provider, name, record, wasm_keccak, &path, plan).await?;
            continue;
        }
        let wasm = read()?;
        let init = constructor_call(name, master, &deployment, &plan.token)?;
        let record = create(provider, name, &wasm, init, plan, &mut deployment).await?;
        deployment.pending.remove(name);
        deployment.contracts.insert(name.to_string(), record);
        deployed.push(name.to_string());
        save(&deployment, plan)?;
    }

    let wired = wire(provider, &deployment).await?;
    let routed = route(provider, &deployment).await?;
    let roles = grant_roles(provider, &deployment, &plan.roles).await?;
    save(&deployment, plan)?;
    Ok(DeployReport {
        deployment,
        deployed,
        wired,
        routed,
        roles,
    })
}

/// Checks a recorded contract before keeping it: its code is on chain and,
/// when the file knows it, it came from the artifact hashing to
/// `wasm_keccak`.
async fn keep<P: Provider>(
    provider: &P,
    name: &str,
    record: &Record,
    wasm_keccak: Option<B256>,
    path: &Path,
    plan: &DeployPlan,
) -> Result<(), Failure> {
    let at = record.address;
    let code = provider
        .get_code_at(at)
        .await
        .map_err(|e| rpc_failure("eth_getCode", e))?;
    let file = plan
        .out
        .as_ref()
        .map_or_else(String::new, |p| p.display().to_string());
    if code.is_empty() {
        return Err(format!(
            "{file} records {name} at {at}, which holds no code on this chain: \
             remove the entry to deploy {name} again"
        )
        .into());
    }
    if record.wasm_keccak != wasm_keccak {
        return Err(format!(
            "{} changed since {name} was deployed at {at}: remove its entry from {file} \
             to deploy the new build",
            path.display()
        )
        .into());
    }
    progress(&format!("{name}: kept {at} (recorded in {file})"));
    Ok(())
}

/// The `stylus_constructor(...)` calldata of `name` (empty for facets).
fn constructor_call(
    name: &str,
    master: Address,
    deployment: &Deployment,
    token: &TokenParams,
) -> Result<Vec<u8>, String> {
    let trust = || {
        deployment
            .address("trust")
            .ok_or_else(|| "the Trust service must be deployed first".to_string())
    };
    let args = match name {
        "trust" => master.abi_encode(),
        "registry" | "compliance" | "comms" => trust()?.abi_encode(),
        "ds_token" => {
            type TokenArgs = (
                sol_data::Address,
                sol_data::String,
                sol_data::String,
                sol_data::Uint<8>,
            );
            TokenArgs::abi_encode_params(&(
                trust()?,
                token.name.clone(),
                token.symbol.clone(),
                token.decimals,
            ))
        }
        _ => return Ok(Vec::new()),
    };
    let mut data = keccak256(b"stylus_constructor()")[..4].to_vec();
    data.extend_from_slice(&args);
    Ok(data)
}

/// Writes the deployment file, if there is one.
fn save(deployment: &Deployment, plan: &DeployPlan) -> Result<(), String> {
    match &plan.out {
        Some(out) => deployment.save(out),
        None => Ok(()),
    }
}

/// Creates, activates and initialises one program in one StylusDeployer
/// transaction. The transaction is recorded as pending in the deployment
/// file as soon as the node accepts it, so an interrupted run never leaves
/// a program the file does not know of.
async fn create<P: Provider>(
    provider: &P,
    name: &str,
    wasm: &[u8],
    init: Vec<u8>,
    plan: &DeployPlan,
    deployment: &mut Deployment,
) -> Result<Record, Failure> {
    let init_code = stylus_init_code(wasm);
    let code = &init_code[PRELUDE_LEN..];
    let fee = data_fee(provider, name, code).await?;
    let value = fee + fee * U256::from(DATA_FEE_BUMP_PERCENT) / U256::from(100);
    progress(&format!(
        "{name}: deploying {} bytes (compressed), data fee {fee} wei…",
        code.len()
    ));
    let call = IStylusDeployer::deployCall {
        bytecode: Bytes::from(init_code.clone()),
        initData: Bytes::from(init),
        initValue: U256::ZERO,
        salt: plan.salt,
    };
    let tx = TransactionRequest::default()
        .with_to(plan.deployer)
        .with_value(value)
        .with_input(call.abi_encode());
    let what = format!("deploy {name}");
    let hash = submit(provider, &what, tx).await?;
    let pending = Pending {
        tx: hash,
        wasm_keccak: keccak256(wasm),
    };
    deployment.pending.insert(name.to_string(), pending.clone());
    save(deployment, plan)?;
    let receipt = mined(provider, &what, hash).await?;
    deployed_record(name, &receipt, &pending, plan)
}

/// The record of a deployment whose receipt is `receipt`.
fn deployed_record(
    name: &str,
    receipt: &TransactionReceipt,
    pending: &Pending,
    plan: &DeployPlan,
) -> Result<Record, Failure> {
    let address = receipt
        .inner
        .logs()
        .iter()
        .find(|log| {
            log.address() == plan.deployer
                && log.topics().first() == Some(&IStylusDeployer::ContractDeployed::SIGNATURE_HASH)
        })
        .and_then(|log| IStylusDeployer::ContractDeployed::decode_log_data(log.data()).ok())
        .map(|e| e.deployedContract)
        .ok_or_else(|| format!("deploy {name}: no ContractDeployed log in the receipt"))?;
    progress(&format!(
        "{name}: {address} (gas {}, tx {})",
        receipt.gas_used, receipt.transaction_hash
    ));
    Ok(Record {
        address,
        wasm_keccak: Some(pending.wasm_keccak),
        deploy_gas: Some(receipt.gas_used),
        tx: Some(receipt.transaction_hash),
    })
}

/// What became of a deployment an earlier run sent: its record if it was
/// mined and succeeded, `None` if it failed (deploy again); an error while
/// it is not mined (deploying again could leave two copies).
async fn recover<P: Provider>(
    provider: &P,
    name: &str,
    pending: &Pending,
    plan: &DeployPlan,
) -> Result<Option<Record>, Failure> {
    let what = format!("deploy {name}");
    match lookup_receipt(provider, &what, pending.tx).await? {
        Some(receipt) if receipt.status() => {
            progress(&format!("{name}: found the deployment sent earlier"));
            deployed_record(name, &receipt, pending, plan).map(Some)
        }
        Some(_) => {
            progress(&format!(
                "{name}: the deployment sent earlier failed; deploying again"
            ));
            Ok(None)
        }
        None => Err(format!(
            "the deployment of {name} sent earlier (tx {}) is not mined yet: rerun once it is, \
             or remove it from the file's \"pending\" to deploy again",
            pending.tx
        )
        .into()),
    }
}

/// The activation data fee of `code`, asked as cargo-stylus does: an
/// `activateProgram` call on a probe address given the code by a state
/// override. Code already activated on the chain costs nothing.
async fn data_fee<P: Provider>(provider: &P, name: &str, code: &[u8]) -> Result<U256, Failure> {
    let probe = Address::from_word(keccak256(b"ds-cli activation probe"));
    let mut overrides = StateOverride::default();
    overrides.insert(
        probe,
        AccountOverride::default().with_code(Bytes::copy_from_slice(code)),
    );
    let tx = TransactionRequest::default()
        .with_to(ARB_WASM)
        .with_value(U256::from(10u64).pow(U256::from(18u64)))
        .with_input(IArbWasm::activateProgramCall { program: probe }.abi_encode());
    match provider.call(tx).overrides(overrides).await {
        Ok(out) => IArbWasm::activateProgramCall::abi_decode_returns(&out)
            .map(|r| r.dataFee)
            .map_err(|e| format!("activation check of {name}: bad return data: {e}").into()),
        Err(e) => {
            let up_to_date = keccak256(b"ProgramUpToDate()");
            let already_active = e
                .as_error_resp()
                .and_then(|p| p.as_revert_data())
                .is_some_and(|data| data.starts_with(&up_to_date[..4]));
            if already_active {
                Ok(U256::ZERO)
            } else {
                Err(rpc_failure(&format!("activation check of {name}"), e))
            }
        }
    }
}

/// The service entries each contract needs: every core service knows the
/// five others and itself; the Registry its admin facet; Compliance its
/// four facets; the token its one.
pub fn wiring(d: &Deployment) -> Result<Vec<(Address, u64, Address)>, String> {
    let at = |name: &str| {
        d.address(name)
            .ok_or_else(|| format!("{name} is not deployed"))
    };
    // The DS services, and the DS ids of the parts they serve at their
    // own address (a DS tool looks these up in any service).
    let core = [
        (service::TRUST, at("trust")?),
        (service::REGISTRY, at("registry")?),
        (service::COMPLIANCE, at("compliance")?),
        (service::COMMS, at("comms")?),
        (service::DS_TOKEN, at("ds_token")?),
        (service::WALLET_MANAGER, at("registry")?),
        (service::LOCK_MANAGER, at("compliance")?),
        (service::COMPLIANCE_CONFIGURATION, at("compliance")?),
    ];
    let mut entries = Vec::new();
    // the five services (the first five entries), each told of all eight
    for (_, contract) in &core[..5] {
        entries.extend(core.iter().map(|(id, a)| (*contract, *id, *a)));
    }
    // each facet, in the service whose address runs it: (service, id, facet)
    for (contract, id, facet) in [
        ("registry", service::REGISTRY_ADMIN_FACET, "registry_admin"),
        (
            "compliance",
            service::COMPLIANCE_VIEWS_FACET,
            "compliance_views",
        ),
        (
            "compliance",
            service::COMPLIANCE_ADMIN_FACET,
            "compliance_admin",
        ),
        (
            "compliance",
            service::COMPLIANCE_CONFIG_FACET,
            "compliance_config",
        ),
        (
            "compliance",
            service::COMPLIANCE_HOOKS_FACET,
            "compliance_hooks",
        ),
        ("ds_token", service::TOKEN_ADMIN_FACET, "token_admin"),
        ("ds_token", service::TOKEN_CONTROL_FACET, "token_control"),
    ] {
        entries.push((at(contract)?, id, at(facet)?));
    }
    Ok(entries)
}

/// Sets the service entries that are not in place; returns (set, in place).
async fn wire<P: Provider>(provider: &P, d: &Deployment) -> Result<(usize, usize), Failure> {
    let entries = wiring(d)?;
    progress(&format!("wiring {} service entries…", entries.len()));
    let (mut set, mut kept) = (0, 0);
    for (contract, id, address) in entries {
        let service_id = U256::from(id);
        let now = view(
            provider,
            "getDSService",
            contract,
            ITrustService::getDSServiceCall { service_id },
        )
        .await?;
        if now == address {
            kept += 1;
            continue;
        }
        let call = ITrustService::setDSServiceCall {
            service_id,
            service: address,
        };
        transact(
            provider,
            &format!("setDSService({id}) on {contract}"),
            contract,
            call,
        )
        .await?;
        set += 1;
    }
    Ok((set, kept))
}

/// Routes the facets' selectors that are not routed yet, in both routers
/// (Compliance and the DS token; `setFacetSelectors`, at most `MAX_BATCH` a
/// transaction); returns (set, in place).
async fn route<P: Provider>(provider: &P, d: &Deployment) -> Result<(usize, usize), Failure> {
    let (mut set, mut kept) = (0, 0);
    for (router, routes) in [
        ("compliance", ds_common::bindings::compliance_routes()),
        ("ds_token", ds_common::bindings::token_routes()),
    ] {
        let at = d
            .address(router)
            .ok_or_else(|| format!("{router} is not deployed"))?;
        let (s, k) = route_one(provider, router, at, routes).await?;
        set += s;
        kept += k;
    }
    Ok((set, kept))
}

/// Sends the routes of one router (`name` at `router`) that differ from
/// `routes`; returns (set, in place).
async fn route_one<P: Provider>(
    provider: &P,
    name: &str,
    router: Address,
    routes: Vec<(u64, Vec<[u8; 4]>)>,
) -> Result<(usize, usize), Failure> {
    let total: usize = routes.iter().map(|(_, s)| s.len()).sum();
    progress(&format!("routing {total} {name} selectors…"));
    let (mut set, mut kept) = (0, 0);
    for (facet, selectors) in routes {
        let facet_id = U256::from(facet);
        let mut missing = Vec::new();
        for selector in selectors {
            let now = view(
                provider,
                "facetOf",
                router,
                IFacetRouter::facetOfCall {
                    selector: selector.into(),
                },
            )
            .await?;
            if now == facet_id {
                kept += 1;
            } else {
                missing.push(selector.into());
            }
        }
        for chunk in missing.chunks(ds_common::ids::limits::MAX_BATCH) {
            let call = IFacetRouter::setFacetSelectorsCall {
                facetId: facet_id,
                selectors: chunk.to_vec(),
            };
            transact(
                provider,
                &format!(
                    "setFacetSelectors({facet}, {} selectors) on {name}",
                    chunk.len()
                ),
                router,
                call,
            )
            .await?;
            set += chunk.len();
        }
    }
    Ok((set, kept))
}

/// Grants the roles not held yet; returns how many were granted.
async fn grant_roles<P: Provider>(
    provider: &P,
    d: &Deployment,
    roles: &[(Address, u8)],
) -> Result<usize, Failure> {
    let trust = d.address("trust").ok_or("trust is not deployed")?;
    let mut granted = 0;
    for &(target, wanted) in roles {
        let now = view(
            provider,
            "getRole",
            trust,
            ITrustService::getRoleCall { target },
        )
        .await?;
        if now == wanted {
            continue;
        }
        if now != role::NONE {
            // Trust would refuse with RoleChangeNotAllowed: say why first.
            return Err(format!(
                "{target} already holds {}: an address holds one role in Trust \
                 (`ds role remove {target}` first, or pass another address)",
                role_name(now)
            )
            .into());
        }
        let call = ITrustService::setRoleCall {
            target,
            role: wanted,
        };
        transact(
            provider,
            &format!("setRole({target}, {})", role_name(wanted)),
            trust,
            call,
        )
        .await?;
        progress(&format!("{target}: {}", role_name(wanted)));
        granted += 1;
    }
    Ok(granted)
}

/// The roles asked for with `--issuer`, `--transfer-agent` and `--exchange`.
pub fn initial_roles(
    issuers: Vec<Address>,
    agents: Vec<Address>,
    exchanges: Vec<Address>,
) -> Vec<(Address, u8)> {
    let with = |list: Vec<Address>, r: u8| list.into_iter().map(move |a| (a, r));
    with(issuers, role::ISSUER)
        .chain(with(agents, role::TRANSFER_AGENT))
        .chain(with(exchanges, role::EXCHANGE))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn init_code_is_the_cargo_stylus_prelude_then_the_program() {
        let wasm = b"\0asm\x01\0\0\0".repeat(10);
        let init = stylus_init_code(&wasm);
        let code = &init[PRELUDE_LEN..];
        assert_eq!(init[0], 0x7f);
        assert_eq!(U256::from_be_slice(&init[1..33]), U256::from(code.len()));
        assert_eq!(code[..4], [0xef, 0xf0, 0x00, 0x00]);
        let mut out = Vec::new();
        brotli::BrotliDecompress(&mut &code[4..], &mut out).expect("brotli");
        assert_eq!(out, wasm);
    }

    #[test]
    fn every_service_knows_the_others_and_the_facets_are_wired() {
        let mut d = Deployment::default();
        for (i, name) in PROGRAMS.iter().enumerate() {
            d.contracts.insert(
                name.to_string(),
                Record {
                    address: Address::with_last_byte(i as u8 + 1),
                    ..Record::default()
                },
            );
        }
        let entries = wiring(&d).expect("complete");
        // 5 services x (5 services + 3 DS parts) + 7 facets
        assert_eq!(entries.len(), 47);
        let registry = d.address("registry").expect("registry");
        assert!(entries.contains(&(token_of(&d), service::WALLET_MANAGER, registry)));
        assert!(entries.contains(&(
            registry,
            service::REGISTRY_ADMIN_FACET,
            d.address("registry_admin").expect("facet")
        )));
        let token = d.address("ds_token").expect("token");
        assert!(entries.contains(&(
            token,
            service::TOKEN_ADMIN_FACET,
            d.address("token_admin").expect("facet")
        )));
        assert!(entries.contains(&(
            token,
            service::TOKEN_CONTROL_FACET,
            d.address("token_control").expect("facet")
        )));
        d.contracts.remove("comms");
        assert!(wiring(&d).is_err());
    }

    fn token_of(d: &Deployment) -> Address {
        d.address("ds_token").expect("token")
    }

    #[test]
    fn constructors_take_the_master_or_the_trust_service() {
        let token = TokenParams {
            name: "T".into(),
            symbol: "T".into(),
            decimals: 0,
        };
        let master = Address::repeat_byte(9);
        let empty = Deployment::default();
        let call = constructor_call("trust", master, &empty, &token).expect("trust first");
        assert_eq!(call[..4], keccak256(b"stylus_constructor()")[..4]);
        assert_eq!(call[4..], master.abi_encode()[..]);
        assert!(constructor_call("registry", master, &empty, &token).is_err());
        assert!(constructor_call("compliance_views", master, &empty, &token)
            .expect("facet")
            .is_empty());
    }
}
