//! The operating commands: roles, investors, compliance, issuance,
//! transfers, locks, notices and the exchange's pre-trade check.

use alloy_network::TransactionBuilder;
use alloy_primitives::{keccak256, B256, U256};
use alloy_provider::Provider;
use alloy_rpc_types_eth::TransactionRequest;
use alloy_sol_types::{SolCall, SolEvent};
use ds_common::{ids::notice_target, party::investor_key};

use crate::{
    abi::{
        IArbWasmCache, ICommsService, ICommsServiceEvents, IComplianceService, IDSToken,
        IRegistryService, ITrustService, ARB_WASM_CACHE,
    },
    args::{address, addresses, amount, bytes32, number, Args},
    chain::{send, transact, transact_raw, view, Context, Failure},
    names::{
        lookup, name_of, role_name, rule_setter, ATTRIBUTES, BOOL_RULES, NOTICE_CATEGORIES,
        REGIONS, ROLES, STATUSES, UINT_RULES,
    },
    USAGE,
};

/// Options only some operating commands take.
pub const COMMAND_FLAGS: [&str; 13] = [
    "wallet",
    "country",
    "collision-hash",
    "expiry",
    "proof-hash",
    "reason",
    "until",
    "content-hash",
    "content-file",
    "investor",
    "deadline",
    "offset",
    "limit",
];

/// Runs operating command `command` (its sub-command and arguments are
/// `args.positional`).
pub(crate) async fn operate(command: &str, args: &Args, ctx: &Context) -> Result<String, Failure> {
    let sub = args.words();
    let takes = |allowed: &[&str]| -> Result<(), Failure> {
        match COMMAND_FLAGS
            .iter()
            .find(|f| args.get(f).is_some() && !allowed.contains(f))
        {
            Some(f) => Err(format!("--{f} does not apply to `ds {command}`\n{USAGE}").into()),
            None => Ok(()),
        }
    };
    // A program of the deployment by name (trust, ds_token, ...) or address.
    let program = |name: &str| match name.starts_with("0x") {
        true => address(name, "PROGRAM"),
        false => ctx.contract(name),
    };
    match (command, sub.as_slice()) {
        ("cache", ["status", name]) => {
            takes(&[])?;
            let addr = program(name)?;
            let p = ctx.reader().await?;
            let code = p.get_code_at(addr).await.map_err(|e| {
                Failure::new(crate::chain::exit::UNREACHABLE, format!("eth_getCode: {e}"))
            })?;
            let call = IArbWasmCache::codehashIsCachedCall {
                codehash: keccak256(&code),
            };
            let cached = view(&p, "codehashIsCached", ARB_WASM_CACHE, call).await?;
            Ok(format!(
                "{name} {}",
                if cached { "cached" } else { "not cached" }
            ))
        }
        ("cache", [name]) => {
            takes(&[])?;
            let addr = program(name)?;
            let p = ctx.writer().await?;
            let call = IArbWasmCache::cacheProgramCall { addr };
            transact(&p, "cacheProgram", ARB_WASM_CACHE, call).await?;
            Ok(format!("{name} cached"))
        }
        ("check", [from, to, value]) => {
            takes(&[])?;
            let call = IDSToken::preTransferCheckCall {
                from: address(from, "FROM")?,
                to: address(to, "TO")?,
                value: amount(value, "AMOUNT")?,
            };
            let token = ctx.contract("ds_token")?;
            let p = ctx.reader().await?;
            let r = view(&p, "preTransferCheck", token, call).await?;
            Ok(format!("{} {}", r._0, r._1))
        }
        ("role", ["set", target, role]) => {
            takes(&[])?;
            let target = address(target, "ADDRESS")?;
            let role = lookup(&ROLES, role, "role")?;
            let trust = ctx.contract("trust")?;
            let p = ctx.writer().await?;
            if role == 0 {
                let call = ITrustService::removeRoleCall { target };
                transact(&p, "removeRole", trust, call).await?;
            } else {
                let call = ITrustService::setRoleCall { target, role };
                transact(&p, "setRole", trust, call).await?;
            }
            Ok(format!("{target} {}", role_name(role)))
        }
        ("role", ["remove", target]) => {
            takes(&[])?;
            let target = address(target, "ADDRESS")?;
            let trust = ctx.contract("trust")?;
            let p = ctx.writer().await?;
            transact(
                &p,
                "removeRole",
                trust,
                ITrustService::removeRoleCall { target },
            )
            .await?;
            Ok(format!("{target} none"))
        }
        ("role", ["get", target]) => {
            takes(&[])?;
            let target = address(target, "ADDRESS")?;
            let trust = ctx.contract("trust")?;
            let p = ctx.reader().await?;
            let role = view(&p, "getRole", trust, ITrustService::getRoleCall { target }).await?;
            Ok(role_name(role))
        }
        ("investor", ["register", id]) => {
            takes(&["wallet", "country", "collision-hash"])?;
            let country = args.need("country")?.to_string();
            let wallets = addresses(args, "wallet")?;
            let registry = ctx.contract("registry")?;
            let p = ctx.writer().await?;
            let id = id.to_string();
            let call = IRegistryService::registerInvestorCall {
                id: id.clone(),
                collision_hash: args.get("collision-hash").unwrap_or("").to_string(),
            };
            transact(&p, "registerInvestor", registry, call).await?;
            let call = IRegistryService::setCountryCall {
                id: id.clone(),
                country: country.clone(),
            };
            transact(&p, "setCountry", registry, call).await?;
            for wallet in &wallets {
                let call = IRegistryService::addWalletCall {
                    wallet: *wallet,
                    id: id.clone(),
                };
                transact(&p, "addWallet", registry, call).await?;
            }
            let listed: Vec<String> = wallets.iter().map(ToString::to_string).collect();
            Ok(format!("{id} {country} {}", listed.join(" "))
                .trim_end()
                .to_string())
        }
        ("investor", ["update", id]) => {
            takes(&["wallet", "country", "collision-hash"])?;
            let call = IRegistryService::updateInvestorCall {
                id: id.to_string(),
                collision_hash: args.get("collision-hash").unwrap_or("").to_string(),
                country: args.get("country").unwrap_or("").to_string(),
                wallets: addresses(args, "wallet")?,
                attribute_ids: Vec::new(),
                attribute_values: Vec::new(),
                attribute_expirations: Vec::new(),
            };
            let registry = ctx.contract("registry")?;
            let p = ctx.writer().await?;
            transact(&p, "updateInvestor", registry, call).await?;
            Ok(format!("{id} updated"))
        }
        ("investor", ["wallet", "add", id, wallet]) => {
            takes(&[])?;
            let wallet = address(wallet, "WALLET")?;
            let registry = ctx.contract("registry")?;
            let p = ctx.writer().await?;
            let call = IRegistryService::addWalletCall {
                wallet,
                id: id.to_string(),
            };
            transact(&p, "addWallet", registry, call).await?;
            Ok(format!("{id} {wallet}"))
        }
        ("investor", ["attribute", "set", id, attribute, status]) => {
            takes(&["expiry", "proof-hash"])?;
            let call = IRegistryService::setAttributeCall {
                id: id.to_string(),
                attribute_id: lookup(&ATTRIBUTES, attribute, "attribute")?,
                value: U256::from(lookup(&STATUSES, status, "status")?),
                expiry: amount(args.get("expiry").unwrap_or("0"), "--expiry")?,
                proof_hash: args.get("proof-hash").unwrap_or("").to_string(),
            };
            let registry = ctx.contract("registry")?;
            let p = ctx.writer().await?;
            transact(&p, "setAttribute", registry, call).await?;
            Ok(format!("{id} {attribute} {status}"))
        }
        ("compliance", ["country", country, status]) => {
            takes(&[])?;
            let call = IComplianceService::setCountryComplianceCall {
                country: country.to_string(),
                value: U256::from(lookup(&REGIONS, status, "country status")?),
            };
            let compliance = ctx.contract("compliance")?;
            let p = ctx.writer().await?;
            transact(&p, "setCountryCompliance", compliance, call).await?;
            Ok(format!("{country} {}", status.to_ascii_lowercase()))
        }
        ("compliance", ["set", rule, value]) => {
            takes(&[])?;
            let (name, data) = rule_setter(rule, value)?;
            let compliance = ctx.contract("compliance")?;
            let p = ctx.writer().await?;
            transact_raw(&p, &format!("set {name}"), compliance, data).await?;
            Ok(format!("{name} = {value}"))
        }
        ("compliance", ["get"]) => {
            takes(&[])?;
            let compliance = ctx.contract("compliance")?;
            let p = ctx.reader().await?;
            let all = view(&p, "getAll", compliance, IComplianceService::getAllCall {}).await?;
            let uints = UINT_RULES
                .iter()
                .zip(all._0.iter())
                .map(|((n, _), v)| format!("{n} = {v}"));
            let bools = BOOL_RULES
                .iter()
                .zip(all._1.iter())
                .map(|((n, _), v)| format!("{n} = {v}"));
            Ok(uints.chain(bools).collect::<Vec<_>>().join("\n"))
        }
        ("issue", [wallet, value]) => {
            takes(&[])?;
            let (to, value) = (address(wallet, "WALLET")?, amount(value, "AMOUNT")?);
            let token = ctx.contract("ds_token")?;
            let p = ctx.writer().await?;
            let hash = transact(
                &p,
                "issueTokens",
                token,
                IDSToken::issueTokensCall { to, value },
            )
            .await?;
            Ok(format!("issued {value} to {to} (tx {hash})"))
        }
        ("transfer", [to, value]) => {
            takes(&[])?;
            let (to, value) = (address(to, "TO")?, amount(value, "AMOUNT")?);
            let token = ctx.contract("ds_token")?;
            let p = ctx.writer().await?;
            let hash =
                transact(&p, "transfer", token, IDSToken::transferCall { to, value }).await?;
            Ok(format!("transferred {value} to {to} (tx {hash})"))
        }
        ("balance", [wallet]) => {
            takes(&[])?;
            let account = address(wallet, "WALLET")?;
            let token = ctx.contract("ds_token")?;
            let p = ctx.reader().await?;
            let balance = view(&p, "balanceOf", token, IDSToken::balanceOfCall { account }).await?;
            Ok(balance.to_string())
        }
        ("burn", [wallet, value]) => {
            takes(&["reason"])?;
            let call = IDSToken::burnCall {
                who: address(wallet, "WALLET")?,
                value: amount(value, "AMOUNT")?,
                reason: args.get("reason").unwrap_or("").to_string(),
            };
            let token = ctx.contract("ds_token")?;
            let p = ctx.writer().await?;
            let hash = transact(&p, "burn", token, call).await?;
            Ok(format!("burned {value} of {wallet} (tx {hash})"))
        }
        ("seize", [from, to, value]) => {
            takes(&["reason"])?;
            let call = IDSToken::seizeCall {
                from: address(from, "FROM")?,
                to: address(to, "TO")?,
                value: amount(value, "AMOUNT")?,
                reason: args.get("reason").unwrap_or("").to_string(),
            };
            let token = ctx.contract("ds_token")?;
            let p = ctx.writer().await?;
            let hash = transact(&p, "seize", token, call).await?;
            Ok(format!("seized {value} from {from} to {to} (tx {hash})"))
        }
        ("lock", ["add", wallet, value]) => {
            takes(&["reason", "until"])?;
            let call = IComplianceService::addManualLockRecordCall {
                to: address(wallet, "WALLET")?,
                value: amount(value, "AMOUNT")?,
                reason: args.get("reason").unwrap_or("").to_string(),
                release_time: amount(args.get("until").unwrap_or("0"), "--until")?,
            };
            let compliance = ctx.contract("compliance")?;
            let p = ctx.writer().await?;
            transact(&p, "addManualLockRecord", compliance, call).await?;
            Ok(format!("locked {value} of {wallet}"))
        }
        ("lock", ["remove", wallet, index]) => {
            takes(&[])?;
            let call = IComplianceService::removeLockRecordCall {
                who: address(wallet, "WALLET")?,
                lock_index: amount(index, "INDEX")?,
            };
            let compliance = ctx.contract("compliance")?;
            let p = ctx.writer().await?;
            transact(&p, "removeLockRecord", compliance, call).await?;
            Ok(format!("removed lock {index} of {wallet}"))
        }
        ("lock", ["list", wallet]) => {
            takes(&[])?;
            let who = address(wallet, "WALLET")?;
            let compliance = ctx.contract("compliance")?;
            let p = ctx.reader().await?;
            let count = view(
                &p,
                "lockCount",
                compliance,
                IComplianceService::lockCountCall { who },
            )
            .await?;
            let mut lines = vec![format!("{count} lock(s) on the investor of {who}")];
            for i in 0..count.to::<u64>() {
                let call = IComplianceService::lockInfoCall {
                    who,
                    lock_index: U256::from(i),
                };
                let l = view(&p, "lockInfo", compliance, call).await?;
                let until = if l._3.is_zero() {
                    "until removed".to_string()
                } else {
                    format!("until {}", l._3)
                };
                lines.push(format!("#{i} {} {until} code {} {:?}", l._2, l._0, l._1));
            }
            Ok(lines.join("\n"))
        }
        ("notice", ["publish", category, uri]) => {
            takes(&[
                "content-hash",
                "content-file",
                "investor",
                "country",
                "deadline",
            ])?;
            let content_hash = match (args.get("content-hash"), args.get("content-file")) {
                (Some(h), None) => bytes32(h, "--content-hash")?,
                (None, Some(file)) => keccak256(
                    std::fs::read(file).map_err(|e| format!("--content-file {file}: {e}"))?,
                ),
                _ => {
                    return Err(
                        format!("pass one of --content-hash or --content-file\n{USAGE}").into(),
                    )
                }
            };
            let (target_kind, target) = notice_audience(args)?;
            let call = ICommsService::publishNoticeCall {
                category: lookup(&NOTICE_CATEGORIES, category, "category")?,
                content_hash,
                uri: uri.to_string(),
                target_kind,
                target,
                deadline: number(args.get("deadline").unwrap_or("0"), "--deadline")?,
            };
            let comms = ctx.contract("comms")?;
            let p = ctx.writer().await?;
            let tx = TransactionRequest::default()
                .with_to(comms)
                .with_input(call.abi_encode());
            let receipt = send(&p, "publishNotice", tx).await?;
            let published = ICommsServiceEvents::DSCommsServiceNoticePublished::SIGNATURE_HASH;
            let id = receipt
                .inner
                .logs()
                .iter()
                .filter(|log| log.address() == comms)
                .find_map(|log| match log.topics() {
                    [topic, id, ..] if *topic == published => Some(U256::from_be_bytes(id.0)),
                    _ => None,
                })
                .ok_or("publishNotice: no NoticePublished log in the receipt")?;
            Ok(format!("notice {id} published"))
        }
        ("notice", ["list"]) => {
            takes(&["offset", "limit"])?;
            let call = ICommsService::getNoticesCall {
                offset: amount(args.get("offset").unwrap_or("0"), "--offset")?,
                limit: amount(args.get("limit").unwrap_or("50"), "--limit")?,
            };
            let comms = ctx.contract("comms")?;
            let p = ctx.reader().await?;
            let ids = view(&p, "getNotices", comms, call).await?;
            let mut lines = Vec::new();
            for notice_id in ids {
                let n = view(
                    &p,
                    "getNotice",
                    comms,
                    ICommsService::getNoticeCall { notice_id },
                )
                .await?;
                let audience = match n._4 {
                    notice_target::ALL_HOLDERS => "all holders".to_string(),
                    notice_target::INVESTOR => format!("investor {}", n._5),
                    _ => format!(
                        "country {}",
                        String::from_utf8_lossy(n._5.as_slice()).trim_end_matches('\0')
                    ),
                };
                let state = if n._8 { " revoked" } else { "" };
                lines.push(format!(
                    "#{notice_id} {} {} to {audience}, published {}, deadline {}, {} acknowledgement(s){state}",
                    name_of(&NOTICE_CATEGORIES, n._1, "category"),
                    n._3,
                    n._6,
                    n._7,
                    n._9
                ));
            }
            Ok(lines.join("\n"))
        }
        _ => Err(format!(
            "unknown or incomplete command `ds {command} {}`\n{USAGE}",
            sub.join(" ")
        )
        .into()),
    }
}

/// `--investor ID` or `--country XX` (else all holders) as the Comms
/// service's target kind and target.
fn notice_audience(args: &Args) -> Result<(u8, B256), String> {
    match (args.get("investor"), args.get("country")) {
        (None, None) => Ok((notice_target::ALL_HOLDERS, B256::ZERO)),
        (Some(id), None) => Ok((notice_target::INVESTOR, investor_key(id))),
        (None, Some(country)) if (1..=3).contains(&country.len()) => {
            let mut target = [0u8; 32];
            target[..country.len()].copy_from_slice(country.as_bytes());
            Ok((notice_target::COUNTRY, B256::from(target)))
        }
        (None, Some(country)) => Err(format!("--country `{country}`: 1 to 3 letters")),
        (Some(_), Some(_)) => Err("pass --investor or --country, not both".into()),
    }
}
