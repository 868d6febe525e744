//! Calldata fuzzing of every deployed entry point on the real Wasm: Trust,
//! Registry, Compliance (with its two facets, reached through its
//! fallback), Comms, the DS token (with its admin facet), and the three
//! facets called directly.
//!
//! Each case sends one transaction built from a proptest-generated recipe:
//! random bytes; a real selector followed by random bytes; or a valid
//! encoding of a real function (from `abi/*.sol`) with random typed
//! arguments, then possibly mutated (truncated, extended, bytes flipped, a
//! word replaced by a boundary value, the selector swapped), from a random
//! caller (unprivileged, every role, investor wallets, and the contracts
//! themselves, which pass the `OnlyToken` / `OnlyRegistry` checks).
//!
//! Asserted for every execution: the transaction either succeeds or reverts
//! cleanly (an ABI revert, or the SDK router's refusal of an unknown
//! selector or of calldata too short for one); nothing in its call tree
//! traps, runs out of gas or uses an unsupported host function; and when it
//! reverts, not one storage slot of the chain changed.
//!
//! A fresh, populated suite is deployed for every batch of cases so that
//! privileged calls that happen to succeed (re-wiring a service, removing a
//! role) do not blind the rest of the run. `DS_FUZZ_CASES` sets the number
//! of executions (default below), `DS_FUZZ_SEED` the seed.

use std::{
    cell::RefCell,
    path::Path,
    sync::{
        atomic::{AtomicU64, Ordering},
        Mutex,
    },
    time::Instant,
};

use ds_devnet::{Failure, Receipt, Tx};
use ds_e2e::{
    abi::{IComms, IDSToken},
    ids::attribute,
    regulated_rules, u, Address, ReceiptExt, Suite, B256, COUNTRIES, U256,
};
use proptest::{
    prelude::*,
    test_runner::{Config, RngAlgorithm, TestCaseError, TestRng, TestRunner},
};

/// Executions of the default run.
const DEFAULT_CASES: u64 = 8_000;
/// Executions per freshly deployed suite.
const BATCH: u64 = 400;
/// Seed of the default run.
const DEFAULT_SEED: u64 = 0xca11_da7a;
/// Host stack of a fuzz worker (see `hostile.rs`: deep call chains).
const HOST_STACK: usize = 256 << 20;

// ----- the ABI, read from abi/*.sol ----------------------------------------------

/// A Solidity type of the exported ABIs.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Ty {
    Address,
    Uint(u16),
    Bool,
    FixedBytes(u8),
    String,
    Array(Box<Ty>),
    FixedArray(Box<Ty>, usize),
}

impl Ty {
    fn parse(text: &str) -> Ty {
        if let Some(inner) = text.strip_suffix("[]") {
            return Ty::Array(Box::new(Ty::parse(inner)));
        }
        if let Some(open) = text.rfind('[') {
            let n = text[open + 1..text.len() - 1].parse().expect("array size");
            return Ty::FixedArray(Box::new(Ty::parse(&text[..open])), n);
        }
        match text {
            "address" => Ty::Address,
            "bool" => Ty::Bool,
            "string" => Ty::String,
            _ if text.starts_with("uint") => Ty::Uint(text[4..].parse().expect("uint size")),
            _ if text.starts_with("bytes") => Ty::FixedBytes(text[5..].parse().expect("bytesN")),
            _ => panic!("type {text} is not handled"),
        }
    }
}

/// A function of an exported ABI.
#[derive(Clone, Debug)]
struct Function {
    signature: String,
    selector: [u8; 4],
    params: Vec<Ty>,
}

fn selector(signature: &str) -> [u8; 4] {
    let digest = alloy_primitives::keccak256(signature.as_bytes());
    [digest[0], digest[1], digest[2], digest[3]]
}

/// The functions declared in `abi/<file>` (an address's interface, or a
/// program's under `programs/`).
fn functions(file: &str) -> Vec<Function> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../abi")
        .join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    text.lines()
        .filter_map(|line| line.trim().strip_prefix("function "))
        .map(|decl| {
            let (name, rest) = decl.split_once('(').expect("function name(");
            let params_text = rest.split_once(')').expect("params)").0;
            let types: Vec<&str> = params_text
                .split(',')
                .filter_map(|p| p.split_whitespace().next())
                .collect();
            let signature = format!("{name}({})", types.join(","));
            Function {
                selector: selector(&signature),
                params: types.iter().map(|t| Ty::parse(t)).collect(),
                signature,
            }
        })
        .collect()
}

// ----- ABI encoding of generated values ----------------------------------------------

/// A value to encode.
#[derive(Clone, Debug)]
enum Val {
    /// A static 32-byte word.
    Word([u8; 32]),
    /// `string` (bytes).
    Bytes(Vec<u8>),
    /// A dynamic array.
    Array(Vec<Val>),
    /// A fixed-size array.
    Tuple(Vec<Val>),
}

impl Val {
    fn is_dynamic(&self) -> bool {
        match self {
            Val::Word(_) => false,
            Val::Bytes(_) | Val::Array(_) => true,
            Val::Tuple(items) => items.iter().any(Val::is_dynamic),
        }
    }

    /// Encoded size in the head of its enclosing tuple.
    fn head_size(&self) -> usize {
        match self {
            Val::Tuple(items) if !self.is_dynamic() => items.iter().map(Val::head_size).sum(),
            _ => 32,
        }
    }
}

fn word_of(value: U256) -> [u8; 32] {
    value.to_be_bytes()
}

/// Standard ABI encoding of a tuple of values.
fn encode_tuple(items: &[Val]) -> Vec<u8> {
    let head_len: usize = items.iter().map(Val::head_size).sum();
    let mut head = Vec::with_capacity(head_len);
    let mut tail = Vec::new();
    for item in items {
        if item.is_dynamic() {
            head.extend_from_slice(&word_of(U256::from(head_len + tail.len())));
            tail.extend(encode_value(item));
        } else {
            head.extend(encode_value(item));
        }
    }
    head.extend(tail);
    head
}

fn encode_value(value: &Val) -> Vec<u8> {
    match value {
        Val::Word(w) => w.to_vec(),
        Val::Bytes(bytes) => {
            let mut out = word_of(U256::from(bytes.len())).to_vec();
            out.extend_from_slice(bytes);
            out.resize(32 + bytes.len().div_ceil(32) * 32, 0);
            out
        }
        Val::Array(items) => {
            let mut out = word_of(U256::from(items.len())).to_vec();
            out.extend(encode_tuple(items));
            out
        }
        Val::Tuple(items) => encode_tuple(items),
    }
}

// ----- value generation ---------------------------------------------------------------

/// A small deterministic generator, seeded by the proptest recipe.
struct Gen(u64);

impl Gen {
    fn next(&mut self) -> u64 {
        // splitmix64
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn pick<T: Clone>(&mut self, items: &[T]) -> T {
        items[self.below(items.len() as u64) as usize].clone()
    }

    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }

    fn word(&mut self) -> [u8; 32] {
        let mut w = [0u8; 32];
        for chunk in w.chunks_mut(8) {
            chunk.copy_from_slice(&self.next().to_be_bytes());
        }
        w
    }
}

/// What generated values draw from: the suite's actors and ids.
struct Pools {
    addresses: Vec<Address>,
    strings: Vec<String>,
    keys: Vec<B256>,
}

fn uint_value(g: &mut Gen, bits: u16) -> U256 {
    let max = if bits == 256 {
        U256::MAX
    } else {
        (U256::from(1) << bits) - U256::from(1)
    };
    let v = match g.below(10) {
        0 => U256::ZERO,
        1 => U256::from(1),
        2 => max,
        3 => U256::from(g.pick(&[2u64, 4, 8, 16, 30, 31, 32, 64, 100, 256, 65_536, 131_072])),
        4 => U256::from(g.pick(&[1_700_000_000u64, 1_700_003_600, u64::MAX, u32::MAX as u64])),
        5 => U256::from(1) << (g.below(u64::from(bits)) as usize),
        6 => U256::from_be_bytes(g.word()),
        _ => U256::from(g.below(2_000)),
    };
    v & max
}

fn value_of(g: &mut Gen, ty: &Ty, pools: &Pools) -> Val {
    match ty {
        Ty::Address => {
            let a = match g.below(10) {
                0 => Address::ZERO,
                1 => Address::from_word(B256::from(g.word())),
                _ => g.pick(&pools.addresses),
            };
            Val::Word(a.into_word().0)
        }
        Ty::Uint(bits) => Val::Word(word_of(uint_value(g, *bits))),
        Ty::Bool => Val::Word(word_of(U256::from(g.below(2)))),
        Ty::FixedBytes(n) => {
            let mut w = [0u8; 32];
            if g.below(3) == 0 {
                w = g.pick(&pools.keys).0;
            } else {
                w[..usize::from(*n)].copy_from_slice(&g.bytes(usize::from(*n)));
            }
            if *n < 32 {
                w[usize::from(*n)..].fill(0);
            }
            Val::Word(w)
        }
        Ty::String => Val::Bytes(match g.below(8) {
            0 => Vec::new(),
            1 => {
                let n = 1 + g.below(40) as usize;
                g.bytes(n)
            }
            2 => vec![b'x'; g.pick(&[64usize, 65, 128, 129, 200, 300])],
            _ => g.pick(&pools.strings).into_bytes(),
        }),
        Ty::Array(inner) => {
            let n = match g.below(10) {
                0 => 0,
                1 => g.pick(&[30usize, 31]),
                _ => 1 + g.below(3) as usize,
            };
            Val::Array((0..n).map(|_| value_of(g, inner, pools)).collect())
        }
        Ty::FixedArray(inner, n) => {
            Val::Tuple((0..*n).map(|_| value_of(g, inner, pools)).collect())
        }
    }
}

/// A valid encoding of `f` with generated arguments.
fn valid_calldata(g: &mut Gen, f: &Function, pools: &Pools) -> Vec<u8> {
    let args: Vec<Val> = f.params.iter().map(|t| value_of(g, t, pools)).collect();
    let mut data = f.selector.to_vec();
    data.extend(encode_tuple(&args));
    data
}

/// Boundary words a mutation writes over an argument word.
fn boundary_word(g: &mut Gen) -> [u8; 32] {
    let v = match g.below(9) {
        0 => U256::ZERO,
        1 => U256::from(1),
        2 => U256::from(0x20),
        3 => U256::from(0x40),
        4 => U256::from(u32::MAX),
        5 => U256::from(1) << 255,
        6 => U256::from(1) << 160,
        7 => U256::from(1) << 64,
        _ => U256::MAX,
    };
    word_of(v)
}

// ----- recipes and targets -----------------------------------------------------------

/// One fuzz case, as proptest generates (and shrinks) it.
#[derive(Clone, Debug)]
struct Recipe {
    target: usize,
    caller: usize,
    /// 0: random bytes; 1: real selector + random bytes; 2-9: valid encoding.
    kind: u8,
    function: usize,
    /// 0: none; 1: truncate; 2: extend; 3: flip bytes; 4: boundary word; 5: swap selector.
    mutation: u8,
    seed: u64,
}

fn recipes() -> impl Strategy<Value = Recipe> {
    (
        0usize..1_000,
        0usize..1_000,
        0u8..10,
        0usize..10_000,
        prop_oneof![3 => Just(0u8), 7 => 1u8..6],
        any::<u64>(),
    )
        .prop_map(|(target, caller, kind, function, mutation, seed)| Recipe {
            target,
            caller,
            kind,
            function,
            mutation,
            seed,
        })
}

/// A contract to fuzz and the functions it answers.
struct Target {
    name: &'static str,
    address: Address,
    functions: Vec<Function>,
}

/// Every deployed entry point with its ABI; the main contracts weigh more.
fn targets(s: &Suite) -> Vec<Target> {
    let join = |files: &[&str]| files.iter().flat_map(|f| functions(f)).collect::<Vec<_>>();
    let token_admin = s.token_admin().expect("token admin facet deployed");
    let token_control = s.token_control().expect("token control facet deployed");
    vec![
        Target {
            name: "trust",
            address: s.trust,
            functions: join(&["TrustService.sol"]),
        },
        Target {
            name: "registry",
            address: s.registry,
            functions: join(&["RegistryService.sol"]),
        },
        Target {
            name: "compliance",
            address: s.compliance,
            functions: join(&["ComplianceService.sol"]),
        },
        Target {
            name: "comms",
            address: s.comms,
            functions: join(&["CommsService.sol"]),
        },
        Target {
            name: "token",
            address: s.token(),
            functions: join(&["DSToken.sol"]),
        },
        Target {
            name: "compliance views facet (direct)",
            address: s.compliance_views,
            functions: join(&[
                "programs/compliance-views.sol",
                "programs/compliance-admin.sol",
            ]),
        },
        Target {
            name: "compliance admin facet (direct)",
            address: s.compliance_admin,
            functions: join(&["programs/compliance-admin.sol"]),
        },
        Target {
            name: "token admin facet (direct)",
            address: token_admin,
            functions: join(&["programs/token-admin.sol"]),
        },
        Target {
            name: "compliance hooks facet (direct)",
            address: s.compliance_hooks,
            functions: join(&["programs/compliance-hooks.sol"]),
        },
        Target {
            name: "registry admin facet (direct)",
            address: s.registry_admin,
            functions: join(&["programs/registry-admin.sol"]),
        },
        Target {
            name: "token control facet (direct)",
            address: token_control,
            functions: join(&["programs/token-control.sol"]),
        },
    ]
}

/// Target index for a recipe: the five contracts take 40 of 46 cases,
/// the six facets called directly one each.
fn target_index(recipe_target: usize) -> usize {
    let slot = recipe_target % 46;
    if slot < 40 {
        slot / 8
    } else {
        5 + (slot - 40)
    }
}

/// The suite a batch runs on: every contract deployed and wired, two
/// investors holding tokens (one with a lock), an issuer wallet and a notice.
struct Fixture {
    s: Suite,
    targets: Vec<Target>,
    callers: Vec<Address>,
    pools: Pools,
}

fn fixture() -> Fixture {
    let mut s = Suite::new();
    s.set_countries(&COUNTRIES);
    s.set_rules(&regulated_rules());
    let alice = s.new_investor("alice", "US", &[attribute::ACCREDITED]);
    let bob = s.new_investor("bob", "FR", &[]);
    let carol = s.new_investor("carol", "JP", &[]);
    let vault = s.wallet("vault");
    s.add_issuer_wallet(vault);
    s.issue(alice, 1_000).expect_ok("issue to alice");
    s.issue_locked(bob, 500, 100, s.now() + 86_400)
        .expect_ok("issue to bob");
    let notice = IComms::publishNoticeCall {
        category: 1,
        content_hash: B256::repeat_byte(7),
        uri: "ipfs://notice".into(),
        target_kind: 0,
        target: B256::ZERO,
        deadline: 0,
    };
    let r = s.send(s.issuer, s.comms, &notice);
    assert!(r.success, "notice: {}", r.outcome());
    let token = s.token();
    s.must(
        alice,
        token,
        &IDSToken::approveCall {
            spender: s.exchange,
            value: u(300),
        },
    );
    let targets = targets(&s);
    let mut callers = vec![
        s.master,
        s.issuer,
        s.transfer_agent,
        s.exchange,
        s.wallet("nobody"),
        alice,
        bob,
        carol,
    ];
    // the contracts themselves: pass OnlyToken / OnlyRegistry
    callers.extend([s.trust, s.registry, s.compliance, s.comms, token]);
    let mut addresses = callers.clone();
    addresses.extend([vault, s.compliance_views, s.compliance_admin]);
    let ids = ["alice", "bob", "carol", "dave"];
    let pools = Pools {
        addresses,
        strings: ["US", "FR", "DE", "JP", "KP", "us", "U5", "ipfs://x"]
            .iter()
            .chain(ids.iter())
            .map(|s| s.to_string())
            .collect(),
        keys: ids.iter().map(|id| ds_e2e::investor_key(id)).collect(),
    };
    Fixture {
        s,
        targets,
        callers,
        pools,
    }
}

/// The calldata of a recipe.
fn calldata(recipe: &Recipe, target: &Target, pools: &Pools) -> Vec<u8> {
    let mut g = Gen(recipe.seed);
    let f = &target.functions[recipe.function % target.functions.len()];
    let mut data = match recipe.kind {
        0 => {
            let n = g.pick(&[0usize, 1, 3, 4, 5, 36, 68, 100, 260]);
            g.bytes(n)
        }
        1 => {
            let mut data = f.selector.to_vec();
            let n = g.below(200) as usize;
            data.extend(g.bytes(n));
            data
        }
        _ => valid_calldata(&mut g, f, pools),
    };
    match recipe.mutation {
        1 if data.len() > 4 => {
            let keep = 4 + g.below(data.len() as u64 - 4) as usize;
            data.truncate(keep);
        }
        2 => {
            let n = 1 + g.below(64) as usize;
            data.extend(g.bytes(n));
        }
        3 if !data.is_empty() => {
            for _ in 0..1 + g.below(3) {
                let i = g.below(data.len() as u64) as usize;
                data[i] ^= 1 << g.below(8);
            }
        }
        4 if data.len() >= 36 => {
            let words = (data.len() - 4) / 32;
            let at = 4 + 32 * g.below(words as u64) as usize;
            data[at..at + 32].copy_from_slice(&boundary_word(&mut g));
        }
        5 if data.len() >= 4 => {
            let other = g.pick(&target.functions);
            data[..4].copy_from_slice(&other.selector);
        }
        _ => {}
    }
    data
}

/// Whether a failure is a clean refusal (an ABI revert, or the router's).
fn clean(failure: &Failure) -> bool {
    matches!(
        failure,
        Failure::Reverted
            | Failure::UnknownSelector(_)
            | Failure::CalldataTooShort(_)
            | Failure::Reentrancy(_)
    )
}

/// Runs one recipe and checks it.
fn execute(fx: &mut Fixture, recipe: &Recipe) -> Result<bool, String> {
    let target = &fx.targets[target_index(recipe.target)];
    let (name, to) = (target.name, target.address);
    let data = calldata(recipe, target, &fx.pools);
    let from = fx.callers[recipe.caller % fx.callers.len()];
    let describe = |r: &Receipt| {
        format!(
            "{name} from {from}, calldata 0x{}: {}",
            alloy_primitives::hex::encode(&data),
            r.reason()
        )
    };
    let before = fx.s.net.storage_snapshot();
    let r = fx.s.net.send_tx(Tx {
        from,
        to,
        calldata: data.clone(),
        ..Tx::default()
    });
    if let Some(inner) = r.inner_failures.iter().find(|i| !clean(&i.failure)) {
        return Err(format!(
            "nested frame at depth {} in {} failed ({}): {}",
            inner.depth,
            inner.address,
            inner.failure,
            describe(&r)
        ));
    }
    if r.success {
        return Ok(true);
    }
    let failure = r.failure.clone().unwrap_or(Failure::Reverted);
    if !clean(&failure) {
        return Err(format!("not a clean revert: {}", describe(&r)));
    }
    let changes = before.diff(&fx.s.net.storage_snapshot());
    if !changes.is_empty() {
        return Err(format!(
            "reverted but changed {changes:?}: {}",
            describe(&r)
        ));
    }
    Ok(false)
}

fn env_number(name: &str) -> Option<u64> {
    let text = std::env::var(name).ok()?;
    let text = text.trim();
    match text.strip_prefix("0x") {
        Some(hex) => u64::from_str_radix(hex, 16).ok(),
        None => text.parse().ok(),
    }
    .or_else(|| panic!("{name}={text} is not a number"))
}

/// Runs `cases` executions in batches (a fresh fixture each) from `seed`;
/// returns (executions, successes).
fn run(seed: u64, cases: u64) -> (u64, u64) {
    let executed = AtomicU64::new(0);
    let succeeded = AtomicU64::new(0);
    let mut left = cases;
    let mut batch = 0u64;
    while left > 0 {
        let n = left.min(BATCH);
        left -= n;
        let fx = RefCell::new(fixture());
        let mut seed_bytes = [0u8; 32];
        seed_bytes[..8].copy_from_slice(&seed.to_le_bytes());
        seed_bytes[8..16].copy_from_slice(&batch.to_le_bytes());
        batch += 1;
        let config = Config {
            cases: n as u32,
            failure_persistence: None,
            max_shrink_iters: 256,
            ..Config::default()
        };
        let mut runner = TestRunner::new_with_rng(
            config,
            TestRng::from_seed(RngAlgorithm::ChaCha, &seed_bytes),
        );
        let result = runner.run(&recipes(), |recipe| {
            executed.fetch_add(1, Ordering::Relaxed);
            match execute(&mut fx.borrow_mut(), &recipe) {
                Ok(ok) => {
                    succeeded.fetch_add(u64::from(ok), Ordering::Relaxed);
                    Ok(())
                }
                Err(e) => Err(TestCaseError::fail(e)),
            }
        });
        if let Err(e) = result {
            panic!("calldata fuzz (seed {seed:#x}, batch {}): {e}", batch - 1);
        }
    }
    (executed.into_inner(), succeeded.into_inner())
}

#[test]
fn no_calldata_traps_and_every_revert_changes_nothing() {
    let cases = env_number("DS_FUZZ_CASES").unwrap_or(DEFAULT_CASES);
    let seed = env_number("DS_FUZZ_SEED").unwrap_or(DEFAULT_SEED);
    let started = Instant::now();
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get()) as u64;
    let totals = Mutex::new((0u64, 0u64));
    std::thread::scope(|scope| {
        for w in 0..workers {
            let share = cases / workers + u64::from(w < cases % workers);
            let totals = &totals;
            // A big host stack: the devnet spends over 130 KiB of it per
            // nested frame in a debug build, and a privileged call can wire
            // a facet into a delegatecall loop (242 frames deep before the
            // gas runs out), which overflows the default 2 MiB.
            std::thread::Builder::new()
                .stack_size(HOST_STACK)
                .spawn_scoped(scope, move || {
                    let (n, ok) = run(seed ^ (w << 32), share);
                    let mut t = totals.lock().expect("no poisoning");
                    t.0 += n;
                    t.1 += ok;
                })
                .expect("fuzz worker thread");
        }
    });
    let (n, ok) = totals.into_inner().expect("no poisoning");
    println!(
        "calldata fuzz: {n} executions ({ok} succeeded, {} reverted cleanly) in {:.1} s",
        n - ok,
        started.elapsed().as_secs_f64()
    );
    // A run that executes nothing, or whose calls all revert (a broken
    // encoder, a fixture that lost its roles), proves nothing: fail it.
    // The CI run executes 8,000 calls, about a quarter of them succeed.
    assert!(cases > 0, "DS_FUZZ_CASES=0 runs no case");
    assert!(n >= cases, "{n} executions for {cases} cases");
    assert!(
        ok * 10 >= n,
        "only {ok} of {n} calls succeeded: the generator no longer reaches the contracts' logic"
    );
}

#[test]
fn every_exported_function_is_encoded_as_the_contracts_expect() {
    // The hand-written encoder against alloy's for a few signatures.
    use alloy_sol_types::SolCall;
    let update = functions("RegistryService.sol")
        .into_iter()
        .find(|f| f.signature.starts_with("updateInvestor("))
        .expect("updateInvestor");
    assert_eq!(
        update.selector,
        ds_e2e::abi::IRegistry::updateInvestorCall::SELECTOR
    );
    let call = ds_e2e::abi::IRegistry::updateInvestorCall {
        id: "alice".into(),
        collision_hash: "h".into(),
        country: "US".into(),
        wallets: vec![Address::repeat_byte(1), Address::repeat_byte(2)],
        attribute_ids: vec![2],
        attribute_values: vec![U256::from(1)],
        attribute_expirations: vec![U256::ZERO],
    };
    let word = |v: u64| Val::Word(word_of(U256::from(v)));
    let addr = |b: u8| Val::Word(Address::repeat_byte(b).into_word().0);
    let mut ours = update.selector.to_vec();
    ours.extend(encode_tuple(&[
        Val::Bytes(b"alice".to_vec()),
        Val::Bytes(b"h".to_vec()),
        Val::Bytes(b"US".to_vec()),
        Val::Array(vec![addr(1), addr(2)]),
        Val::Array(vec![word(2)]),
        Val::Array(vec![word(1)]),
        Val::Array(vec![word(0)]),
    ]));
    assert_eq!(ours, call.abi_encode());
    let set_all = functions("ComplianceService.sol")
        .into_iter()
        .find(|f| f.signature.starts_with("setAll("))
        .expect("setAll");
    assert_eq!(set_all.signature, "setAll(uint256[],bool[])");
    let call = ds_e2e::abi::ICompliance::setAllCall {
        uint_values: vec![U256::from(3); 16],
        bool_values: vec![true; 5],
    };
    let mut ours = set_all.selector.to_vec();
    ours.extend(encode_tuple(&[
        Val::Array(vec![word(3); 16]),
        Val::Array(vec![word(1); 5]),
    ]));
    assert_eq!(ours, call.abi_encode());
    // every target has functions, and every type parses
    let s = Suite::new();
    for t in targets(&s) {
        assert!(!t.functions.is_empty(), "{} has functions", t.name);
    }
}
