//! Gas bench of the DS token on the local Stylus devnet (real artifacts):
//! compliant transfers to an existing and to a new holder under regulated
//! rules, issuance, `preTransferCheck`, against the plain ERC-20 calibration
//! token; with the targets and each artifact's brotli size.

use std::process::Command;

use alloy_sol_types::{SolCall, SolValue};
use ds_e2e::{
    abi::{ICompliance, IDSToken, IErc20Min},
    ids::attribute::ACCREDITED,
    regulated_rules,
    report::{self, thousands, Measured},
    u, wasm, Devnet, Receipt, ReceiptExt, Suite, COUNTRIES,
};

/// Public figure of a Stylus ERC-20 transfer on Arbitrum One (gas, intrinsic included).
const PUBLIC_STYLUS_ERC20_TRANSFER: u64 = 70_949;
/// Target: compliant transfer to an existing holder, cached.
const TARGET_EXISTING_HOLDER: u64 = 80_000;
/// Target: compliant transfer to a new holder, cached.
const TARGET_NEW_HOLDER: u64 = 110_000;

/// Artifacts whose size the bench reports.
const ARTIFACTS: [&str; 10] = [
    "trust",
    "registry",
    "compliance",
    "compliance_views",
    "compliance_admin",
    "compliance_rules",
    "comms",
    "ds_token",
    "token_admin",
    "erc20_min",
];

fn ok(receipt: Receipt, what: &str) -> Receipt {
    receipt.expect_ok(what)
}

/// The DS measurements under regulated rules (US and EU investors, limits set).
fn ds_rows() -> Vec<Measured> {
    let mut s = Suite::new();
    s.set_countries(&COUNTRIES);
    s.set_rules(&regulated_rules());
    let us1 = s.new_investor("us-1", "US", &[ACCREDITED]);
    let us2 = s.new_investor("us-2", "US", &[ACCREDITED]);
    let us3 = s.new_investor("us-3", "US", &[]);
    let fr1 = s.new_investor("fr-1", "FR", &[]);
    let fr2 = s.new_investor("fr-2", "FR", &[]);
    let de1 = s.new_investor("de-1", "DE", &[]);
    let mut rows = Vec::new();

    let r = ok(s.issue(us1, 100_000), "issue us-1");
    rows.push(Measured::of("issueTokens, new investor (US)", &r));
    let r = ok(s.issue(us1, 100_000), "issue us-1 again");
    rows.push(Measured::of("issueTokens, existing investor", &r));
    ok(s.issue(fr1, 100_000), "issue fr-1");
    ok(s.issue(us2, 1_000), "issue us-2");
    ok(s.issue(fr2, 1_000), "issue fr-2");

    let r = ok(s.transfer(us1, us2, 100), "transfer us-1 -> us-2");
    rows.push(Measured::of("transfer to existing holder (US->US)", &r));
    let r = ok(s.transfer(fr1, fr2, 100), "transfer fr-1 -> fr-2");
    rows.push(Measured::of("transfer to existing holder (EU->EU)", &r));
    let r = ok(s.transfer(us1, us3, 100), "transfer us-1 -> us-3");
    rows.push(Measured::of("transfer to new holder (US->US)", &r));
    let r = ok(s.transfer(fr1, de1, 100), "transfer fr-1 -> de-1");
    rows.push(Measured::of("transfer to new holder (EU->EU)", &r));

    let extra = Devnet::account("us-1 second wallet");
    let r = ok(s.add_wallet("us-1", extra), "add a wallet to us-1");
    rows.push(Measured::of(
        "addWallet (Registry; reserves token slots)",
        &r,
    ));

    let token = s.token();
    let check = IDSToken::preTransferCheckCall {
        from: us1,
        to: us2,
        value: u(100),
    };
    let r = ok(s.net.call(s.exchange, token, &check.abi_encode()), "check");
    rows.push(Measured::of("preTransferCheck on the token (view)", &r));
    let check = ICompliance::preTransferCheckCall {
        from: us1,
        to: us2,
        value: u(100),
    };
    let r = ok(
        s.net.call(s.exchange, s.compliance, &check.abi_encode()),
        "check",
    );
    rows.push(Measured::of("preTransferCheck on Compliance (view)", &r));
    rows
}

/// The calibration ERC-20: a transfer to a fresh holder, then to the same one.
fn erc20_rows() -> Vec<Measured> {
    let holder = Devnet::account("erc20 holder");
    let fresh = Devnet::account("erc20 fresh");
    let mut net = Devnet::new();
    let token = net
        .deploy(&wasm("erc20_min"), holder, &u(1_000_000).abi_encode())
        .unwrap_or_else(|r| panic!("erc20_min constructor: {}", r.outcome()));
    let call = IErc20Min::transferCall {
        to: fresh,
        value: u(100),
    };
    let first = ok(net.send_sol(holder, token, &call), "erc20 transfer");
    let second = ok(net.send_sol(holder, token, &call), "erc20 transfer");
    vec![
        Measured::of("ERC-20 (erc20_min) transfer, new holder", &first),
        Measured::of("ERC-20 (erc20_min) transfer, existing holder", &second),
    ]
}

/// Brotli size (quality 11, window 22, as `scripts/build.sh`) of each
/// artifact, or `None` when the `brotli` command is missing.
fn brotli_sizes() -> Option<Vec<(String, u64, u64)>> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/stylus");
    let mut sizes = Vec::new();
    for name in ARTIFACTS {
        let path = root.join(format!("{name}.wasm"));
        let Ok(meta) = std::fs::metadata(&path) else {
            continue;
        };
        let out = Command::new("brotli")
            .args(["-q", "11", "-w", "22", "-c"])
            .arg(&path)
            .output()
            .ok()?;
        if !out.status.success() {
            return None;
        }
        sizes.push((name.to_string(), meta.len(), out.stdout.len() as u64));
    }
    Some(sizes)
}

fn verdict(actual: u64, target: u64) -> &'static str {
    if actual <= target {
        "met"
    } else {
        "MISSED"
    }
}

fn main() {
    let ds = ds_rows();
    let erc20 = erc20_rows();
    println!("DS token gas bench on the local Stylus devnet (real artifacts)");
    println!("Regulated rules: US/FR/DE/JP statuses, investor limits, max holding, cap.");
    println!("Gas includes the 21,000 intrinsic; cached = program entries cached.\n");
    let rows: Vec<Measured> = ds.iter().chain(&erc20).cloned().collect();
    print!("{}", report::table(&rows));

    let cached = |label: &str| {
        ds.iter()
            .filter(|r| r.label.starts_with(label))
            .map(|r| r.gas_cached)
            .max()
            .unwrap_or(0)
    };
    let existing = cached("transfer to existing holder");
    let new = cached("transfer to new holder");
    println!("\nTargets (worst case of the rows above, cached):");
    println!(
        "  transfer to an existing holder: {:>7} <= {:>7}  {}",
        thousands(existing),
        thousands(TARGET_EXISTING_HOLDER),
        verdict(existing, TARGET_EXISTING_HOLDER)
    );
    println!(
        "  transfer to a new holder:       {:>7} <= {:>7}  {}",
        thousands(new),
        thousands(TARGET_NEW_HOLDER),
        verdict(new, TARGET_NEW_HOLDER)
    );
    println!(
        "  calibration: erc20_min transfer to a new holder {} uncached on the devnet; public Stylus figure {}",
        thousands(erc20[0].gas_uncached),
        thousands(PUBLIC_STYLUS_ERC20_TRANSFER)
    );

    match brotli_sizes() {
        Some(sizes) => {
            println!("\nArtifacts (target/stylus; deploy limit 24,576 bytes brotli):");
            println!(
                "| {:<17} | {:>9} | {:>12} |",
                "artifact", "raw bytes", "brotli bytes"
            );
            println!(
                "|{}|{}:|{}:|",
                "-".repeat(19),
                "-".repeat(10),
                "-".repeat(13)
            );
            for (name, raw, compressed) in sizes {
                println!(
                    "| {name:<17} | {:>9} | {:>12} |",
                    thousands(raw),
                    thousands(compressed)
                );
            }
        }
        None => println!("\n(brotli not installed: sizes skipped; scripts/build.sh prints them)"),
    }
}
