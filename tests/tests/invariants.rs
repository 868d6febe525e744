//! Stateful invariants on the real Wasm: random, seeded sequences of
//! issuance (with locks, back-dated, in bulk), transfers, `transferFrom`,
//! burns (single and bulk), seizes, forced transfers, freezes, manual and
//! investor locks, liquidate-only, the blacklist, registry changes
//! (registration, country, attributes, wallets, special wallets, removals),
//! country statuses, pause and time jumps, from random callers (mostly the
//! right role, sometimes a wrong one), each checked against a model kept by
//! the test.
//!
//! Every step is checked as it runs:
//! - each outcome is the one the model predicts, a refusal with its typed
//!   error (transfers: accepted ⇔ the token's `preTransferCheck` said 0 just
//!   before, refused with `TransferRejected` of that very code; Compliance's
//!   own `preTransferCheck` agrees);
//! - a refused transaction is a clean revert (no trap anywhere in the call
//!   tree) and leaves every storage slot of the chain as it was;
//!
//! and after every step:
//! - total supply = Σ wallet balances (the model's and the chain's),
//!   `totalIssued` = Σ issuances;
//! - Compliance's balance of every investor = Σ of its wallets' balances,
//!   and with the other wallets' balances adds up to the supply;
//! - the holder count and the holder list = the wallets holding tokens;
//! - the investor counters and the EU retail counters = a recount from the
//!   model: the holding investors, each under the category (country status,
//!   stored accreditation / qualification, country) recorded when its
//!   balance or its registry data last changed — with fixed country
//!   statuses that is its current category; a country status changed since
//!   moves it only at its next change (audit M-1 design).
//!
//! Known exceptions (documented, checked as such):
//! - frozen tokens (ERC-7943): Compliance knows nothing of them, so the
//!   token's check says 16 where Compliance says 0, and the transfer itself
//!   reverts with `ERC7943InsufficientUnfrozenBalance` before asking
//!   Compliance;
//! - `transferFrom` beyond the allowance reverts with
//!   `ERC20InsufficientAllowance` whatever the check says;
//! - `preIssuanceCheck` does not look at the issuance-record bound (32 held
//!   records per investor): such an issuance is refused with `TooManyRecords`.
//!
//! Each sequence runs under a rule preset chosen by its seed (every preset
//! in CI). The DS reason codes met by the transfer and issuance checks are
//! counted and printed, and in CI's configuration the codes met are
//! asserted (`CODES_MET_IN_CI`).
//!
//! Seeds: the `SEEDS` below; `DS_INVARIANT_SEED` runs one seed,
//! `DS_INVARIANT_CASES` sets the number of sequences (more seeds are
//! derived), `DS_INVARIANT_STEPS` the steps per sequence. A failure prints the
//! seed and the step list, ready to paste into a regression test.

use std::{
    collections::{BTreeMap, HashMap},
    fmt::Write as _,
    panic::{catch_unwind, AssertUnwindSafe},
    sync::{
        atomic::{AtomicUsize, Ordering},
        Mutex, OnceLock,
    },
    time::Instant,
};

use alloy_sol_types::SolCall;
use ds_devnet::{Failure, Receipt};
use ds_e2e::{
    abi::{ICompliance, IDSToken, IRegistry},
    ids::{attribute, attribute_status, bool_rule, region, uint_rule},
    regulated_rules, Address, ReceiptExt, Rules, Suite, COUNTRIES, U256,
};

use Release::*;
use Step::*;
use Who::*;

alloy_sol_types::sol! {
    /// Lock-manager functions of the Compliance admin facet (`abi/ComplianceService.sol`).
    interface ILocks {
        function removeLockRecord(address who, uint256 lock_index) external returns (bool);
        function lockCountForInvestor(string calldata investor_id) external view returns (uint256);
    }

    /// The wallet manager's removal (`abi/RegistryService.sol`).
    interface ISpecialWallets {
        function removeSpecialWallet(address wallet) external returns (bool);
    }
}

/// Seeds of the default run.
const SEEDS: [u64; 12] = [
    0x05ee_d001,
    0x05ee_d002,
    0x05ee_d003,
    0x05ee_d004,
    0x05ee_d005,
    0x05ee_d006,
    0x05ee_d007,
    0x05ee_d008,
    0x05ee_d009,
    0x05ee_d00a,
    0x05ee_d00b,
    0x05ee_d00c,
];
/// Steps per sequence in the default run.
const DEFAULT_STEPS: usize = 60;

/// Investor ids the sequences use.
const IDS: usize = 6;
/// Ordinary wallets (registered to investors or not).
const WALLETS: usize = 10;
/// Pool index of the issuer special wallet (the seize target).
const ISSUER_W: usize = WALLETS;
/// Pool index of the platform wallet.
const PLATFORM_W: usize = WALLETS + 1;
/// Countries investors live in: US, two EU countries, Japan, a forbidden
/// destination and two countries without status.
const COUNTRY_POOL: [&str; 7] = ["US", "FR", "DE", "JP", "KP", "IL", "GB"];

// ----- steps ------------------------------------------------------------------

/// Who sends a transaction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Who {
    Master,
    Issuer,
    Agent,
    Exchange,
    Nobody,
    /// Wallet `i` of the pool.
    Wallet(usize),
}

/// A release time or expiry relative to the block time of the step.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Release {
    /// 0: never (lock until removed, attribute never expiring).
    Never,
    /// `now + seconds`.
    In(u64),
    /// `now - seconds`.
    Ago(u64),
    /// `now - 1` (a lock release in the past is invalid; an attribute
    /// expiry in the past is accepted: stored but not effective).
    Past,
}

/// One step of a sequence (wallets are indexes into the pool, investors
/// indexes into the ids).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Step {
    Issue {
        caller: Who,
        to: usize,
        value: u64,
        /// Issuance time: `Never` = 0 (now).
        time: Release,
        lock: Option<(u64, Release)>,
    },
    BulkIssue {
        caller: Who,
        to: (usize, usize, Option<usize>),
        value: u64,
    },
    BulkBurn {
        caller: Who,
        who: (usize, usize),
        values: (u64, u64),
    },
    ForcedTransfer {
        caller: Who,
        from: usize,
        to: usize,
        value: u64,
    },
    Blacklist {
        caller: Who,
        wallet: usize,
        listed: bool,
    },
    Transfer {
        from: usize,
        to: usize,
        value: u64,
    },
    TransferFrom {
        spender: Who,
        from: usize,
        to: usize,
        value: u64,
        approve: Option<u64>,
    },
    Burn {
        caller: Who,
        who: usize,
        value: u64,
    },
    Seize {
        caller: Who,
        from: usize,
        to: usize,
        value: u64,
    },
    Freeze {
        caller: Who,
        wallet: usize,
        amount: u64,
    },
    AddLock {
        caller: Who,
        wallet: usize,
        value: u64,
        release: Release,
    },
    RemoveLock {
        caller: Who,
        wallet: usize,
        index: u64,
    },
    LockInvestor {
        caller: Who,
        id: usize,
        locked: bool,
    },
    LiquidateOnly {
        caller: Who,
        id: usize,
        enabled: bool,
    },
    /// `registerInvestor`: an investor without country, wallets or attributes.
    RegisterOnly {
        caller: Who,
        id: usize,
    },
    Register {
        caller: Who,
        id: usize,
        country: &'static str,
        wallets: (usize, Option<usize>),
        accredited: bool,
        qualified: bool,
    },
    SetCountry {
        caller: Who,
        id: usize,
        country: &'static str,
    },
    SetAttribute {
        caller: Who,
        id: usize,
        attribute: u8,
        status: u8,
        expiry: Release,
    },
    AddWallet {
        caller: Who,
        wallet: usize,
        id: usize,
    },
    RemoveWallet {
        caller: Who,
        wallet: usize,
        id: usize,
    },
    RemoveInvestor {
        caller: Who,
        id: usize,
    },
    Pause {
        caller: Who,
        paused: bool,
    },
    /// Removes the issuer or platform wallet from the wallet manager, or
    /// adds it back (holding or not).
    SpecialWallet {
        caller: Who,
        wallet: usize,
        add: bool,
    },
    /// `setCountryCompliance`: holders keep the category they are counted
    /// under until their balance or registry data change.
    CountryStatus {
        caller: Who,
        country: &'static str,
        status: u8,
    },
    Advance {
        seconds: u64,
    },
}

/// The compliance rules of a sequence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Preset {
    /// Country statuses only.
    Open,
    /// [`regulated_rules`].
    Regulated,
    /// Small limits, minimums, a maximum, lock-ups, flowback blocked, a low cap.
    Tight,
    /// Full transfers only, accredited receivers only, no back-dating.
    Flags,
    /// Few investors in all (at most 3, at least 3 once reached), a low
    /// maximum holding, US receivers accredited, flowback open and a US
    /// lock-up only: the limits that [`Preset::Tight`]'s lock-ups hide.
    Limits,
}

impl Preset {
    fn rules(self) -> Rules {
        use uint_rule::*;
        match self {
            Preset::Open => Rules::default(),
            Preset::Regulated => regulated_rules(),
            Preset::Tight => Rules::default()
                .uint(TOTAL_INVESTORS_LIMIT, 5)
                .uint(MIN_US_TOKENS, 5)
                .uint(MIN_EU_TOKENS, 5)
                .uint(US_INVESTORS_LIMIT, 2)
                .uint(US_ACCREDITED_INVESTORS_LIMIT, 1)
                .uint(NON_ACCREDITED_INVESTORS_LIMIT, 4)
                .uint(NON_US_LOCK_PERIOD, 86_400)
                .uint(MINIMUM_TOTAL_INVESTORS, 2)
                .uint(MINIMUM_HOLDINGS_PER_INVESTOR, 2)
                .uint(MAXIMUM_HOLDINGS_PER_INVESTOR, 3_000)
                .uint(EU_RETAIL_INVESTORS_LIMIT, 1)
                .uint(US_LOCK_PERIOD, 2 * 86_400)
                .uint(JP_INVESTORS_LIMIT, 1)
                .uint(AUTHORIZED_SECURITIES, 20_000)
                .flag(bool_rule::FORCE_ACCREDITED_US),
            Preset::Flags => Rules::default()
                .uint(BLOCK_FLOWBACK_END_TIME, 1)
                .uint(MAX_US_INVESTORS_PERCENTAGE, 50)
                .flag(bool_rule::WORLD_WIDE_FORCE_FULL_TRANSFER)
                .flag(bool_rule::FORCE_ACCREDITED)
                .flag(bool_rule::DISALLOW_BACK_DATING),
            Preset::Limits => Rules::default()
                .uint(BLOCK_FLOWBACK_END_TIME, 1)
                .uint(TOTAL_INVESTORS_LIMIT, 3)
                .uint(MINIMUM_TOTAL_INVESTORS, 3)
                .uint(MAXIMUM_HOLDINGS_PER_INVESTOR, 1_000)
                .uint(US_LOCK_PERIOD, 86_400)
                .flag(bool_rule::FORCE_ACCREDITED_US),
        }
    }

    /// The preset of the sequence generated from `seed`: consecutive seeds
    /// take each preset in turn (Limits twice, its codes being the rarest),
    /// so every preset runs in CI's 12 sequences.
    fn of_seed(seed: u64) -> Self {
        const ALL: [Preset; 6] = [
            Preset::Open,
            Preset::Regulated,
            Preset::Tight,
            Preset::Flags,
            Preset::Limits,
            Preset::Limits,
        ];
        ALL[(seed % ALL.len() as u64) as usize]
    }

    /// The issuance cap (0 = none).
    fn cap(self) -> u128 {
        self.rules().uints[uint_rule::AUTHORIZED_SECURITIES].saturating_to()
    }
}

// ----- random numbers -----------------------------------------------------------

/// xorshift64*, seeded through splitmix64.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(splitmix(seed) | 1)
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Uniform in `0..n` (`n > 0`).
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn index(&mut self, n: usize) -> usize {
        self.below(n as u64) as usize
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.index(items.len())]
    }
}

fn splitmix(seed: u64) -> u64 {
    let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

// ----- the model --------------------------------------------------------------

/// Who a pool wallet belongs to in the Registry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Owner {
    Free,
    Investor(usize),
    IssuerWallet,
    PlatformWallet,
}

#[derive(Clone, Copy, Debug, Default)]
struct Investor {
    registered: bool,
    country: &'static str,
    /// Stored ACCREDITED status is APPROVED (expired or not).
    accredited: bool,
    /// Stored QUALIFIED status is APPROVED (expired or not).
    qualified: bool,
    /// Manual locks held by Compliance (kept across a registry removal).
    locks: u8,
    /// Removed from the Registry: the id is never registered again
    /// (review F-12).
    retired: bool,
    /// Registered by the exchange (which may then change it).
    by_exchange: bool,
    /// The category Compliance counts the investor under while it holds
    /// tokens: recorded when its balance last changed or its registry data
    /// last changed (audit M-1 design: a later change of a country's status
    /// does not move it until then).
    counted: Option<Category>,
}

/// How a holding investor is counted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Category {
    region: u8,
    accredited: bool,
    qualified: bool,
    country: &'static str,
}

/// What the test believes the chain holds.
#[derive(Clone, Debug)]
struct Model {
    balance: Vec<u128>,
    frozen: Vec<u128>,
    owner: Vec<Owner>,
    investors: Vec<Investor>,
    supply: u128,
    /// Tokens ever issued (`totalIssued`: burns do not lower it).
    issued: u128,
    paused: bool,
    allowance: BTreeMap<(usize, Address), U256>,
    /// Compliance status of each country.
    regions: BTreeMap<&'static str, u8>,
}

impl Model {
    fn new() -> Self {
        let mut owner = vec![Owner::Free; WALLETS + 2];
        owner[ISSUER_W] = Owner::IssuerWallet;
        owner[PLATFORM_W] = Owner::PlatformWallet;
        Self {
            balance: vec![0; WALLETS + 2],
            frozen: vec![0; WALLETS + 2],
            owner,
            investors: vec![Investor::default(); IDS],
            supply: 0,
            issued: 0,
            paused: false,
            allowance: BTreeMap::new(),
            regions: COUNTRY_POOL
                .iter()
                .map(|c| {
                    let status = COUNTRIES
                        .iter()
                        .find(|(k, _)| k == c)
                        .map_or(0, |(_, r)| *r);
                    (*c, status)
                })
                .collect(),
        }
    }

    fn wallets_of(&self, id: usize) -> Vec<usize> {
        (0..self.owner.len())
            .filter(|&w| self.owner[w] == Owner::Investor(id))
            .collect()
    }

    fn investor_balance(&self, id: usize) -> u128 {
        self.wallets_of(id).iter().map(|&w| self.balance[w]).sum()
    }

    fn investor_of(&self, wallet: usize) -> Option<usize> {
        match self.owner[wallet] {
            Owner::Investor(id) => Some(id),
            _ => None,
        }
    }

    fn holders(&self) -> Vec<usize> {
        (0..self.balance.len())
            .filter(|&w| self.balance[w] > 0)
            .collect()
    }

    fn registered(&self) -> Vec<usize> {
        (0..IDS).filter(|&i| self.investors[i].registered).collect()
    }

    fn unfrozen(&self, wallet: usize) -> u128 {
        self.balance[wallet].saturating_sub(self.frozen[wallet])
    }

    /// Burn, seize and forced transfer lower a frozen amount to the balance.
    fn release_frozen(&mut self, wallet: usize) {
        self.frozen[wallet] = self.frozen[wallet].min(self.balance[wallet]);
    }

    fn region(&self, country: &str) -> u8 {
        self.regions.get(country).copied().unwrap_or(region::NONE)
    }

    /// The category investor `i` would be counted under now.
    fn category(&self, i: usize) -> Category {
        let inv = &self.investors[i];
        Category {
            region: self.region(inv.country),
            accredited: inv.accredited,
            qualified: inv.qualified,
            country: inv.country,
        }
    }

    /// Investor `i`'s balance changed: counted under its current category
    /// while it holds tokens, not counted otherwise.
    fn touch(&mut self, i: Option<usize>) {
        if let Some(i) = i {
            let counted = (self.investor_balance(i) > 0).then(|| self.category(i));
            self.investors[i].counted = counted;
        }
    }

    /// A balance moved between the investors of two wallets (nothing is
    /// recounted when both are the same investor).
    fn moved(&mut self, from: usize, to: usize) {
        let (f, t) = (self.investor_of(from), self.investor_of(to));
        if f.is_some() && f == t {
            return;
        }
        self.touch(f);
        self.touch(t);
    }

    /// The Registry told Compliance that investor `i`'s country or stored
    /// accreditation / qualification changed: a holder moves to its
    /// current category.
    fn info_changed(&mut self, i: usize) {
        if self.investors[i].counted.is_some() {
            self.investors[i].counted = Some(self.category(i));
        }
    }

    /// The counters recounted from scratch: (total, accredited, US, US
    /// accredited, JP) over the holding investors' counted categories, and
    /// the EU retail count of each country of [`COUNTRY_POOL`].
    fn recount(&self) -> ([u64; 5], [u64; COUNTRY_POOL.len()]) {
        let mut c = [0u64; 5];
        let mut eu = [0u64; COUNTRY_POOL.len()];
        for inv in &self.investors {
            let Some(cat) = inv.counted else { continue };
            c[0] += 1;
            c[1] += u64::from(cat.accredited);
            if cat.region == region::US {
                c[2] += 1;
                c[3] += u64::from(cat.accredited);
            }
            if cat.region == region::JP {
                c[4] += 1;
            }
            if cat.region == region::EU && !cat.qualified {
                if let Some(k) = COUNTRY_POOL.iter().position(|c| *c == cat.country) {
                    eu[k] += 1;
                }
            }
        }
        (c, eu)
    }
}

/// An approval of `amount` (`u64::MAX` stands for the unlimited `type(uint256).max`).
fn allowance(amount: u64) -> U256 {
    if amount == u64::MAX {
        U256::MAX
    } else {
        U256::from(amount)
    }
}

// ----- step generation -----------------------------------------------------------

fn any_caller(rng: &mut Rng) -> Who {
    match rng.below(6) {
        0 => Master,
        1 => Issuer,
        2 => Agent,
        3 => Exchange,
        4 => Nobody,
        _ => Wallet(rng.index(WALLETS + 2)),
    }
}

/// Mostly one of `right`, sometimes anybody.
fn caller(rng: &mut Rng, right: &[Who]) -> Who {
    if rng.chance(85) {
        rng.pick(right)
    } else {
        any_caller(rng)
    }
}

/// An amount around a balance: part of it, all of it, one more, or zero.
fn amount(rng: &mut Rng, balance: u128) -> u64 {
    let balance = balance.min(u64::MAX as u128 / 2) as u64;
    match rng.below(12) {
        0 => 0,
        1 => balance + 1,
        2..=4 => balance.max(1),
        _ if balance == 0 => 1 + rng.below(100),
        _ => 1 + rng.below(balance),
    }
}

fn release(rng: &mut Rng) -> Release {
    match rng.below(10) {
        0..=2 => Never,
        3 => Past,
        _ => In(rng.pick(&[600, 3_600, 86_400, 5 * 86_400])),
    }
}

fn a_wallet(rng: &mut Rng) -> usize {
    rng.index(WALLETS + 2)
}

/// An investor wallet when there is one (mostly), any wallet otherwise.
fn investor_wallet(rng: &mut Rng, m: &Model, percent: u64) -> usize {
    let owned: Vec<usize> = (0..WALLETS)
        .filter(|&w| m.investor_of(w).is_some())
        .collect();
    if !owned.is_empty() && rng.chance(percent) {
        rng.pick(&owned)
    } else {
        a_wallet(rng)
    }
}

/// A holding wallet when there is one (mostly), any wallet otherwise.
fn holder(rng: &mut Rng, m: &Model, percent: u64) -> usize {
    let holders = m.holders();
    if !holders.is_empty() && rng.chance(percent) {
        rng.pick(&holders)
    } else {
        a_wallet(rng)
    }
}

/// A registered investor (mostly), any id otherwise.
fn registered_id(rng: &mut Rng, m: &Model, percent: u64) -> usize {
    let ids = m.registered();
    if !ids.is_empty() && rng.chance(percent) {
        rng.pick(&ids)
    } else {
        rng.index(IDS)
    }
}

/// A wallet the Registry does not know (mostly), any wallet otherwise.
fn free_wallet(rng: &mut Rng, m: &Model, percent: u64) -> usize {
    let free: Vec<usize> = (0..WALLETS)
        .filter(|&w| m.owner[w] == Owner::Free)
        .collect();
    if !free.is_empty() && rng.chance(percent) {
        rng.pick(&free)
    } else {
        a_wallet(rng)
    }
}

/// The next step, biased by the model towards meaningful operations.
fn generate(rng: &mut Rng, m: &Model) -> Step {
    const ISSUERS: &[Who] = &[Issuer, Issuer, Master];
    const AGENTS: &[Who] = &[Agent, Agent, Master];
    const BURNERS: &[Who] = &[Issuer, Agent, Master];
    const REGISTRARS: &[Who] = &[Issuer, Agent, Master];
    if m.registered().len() < 2 {
        return register(rng, m, REGISTRARS);
    }
    if m.paused && rng.chance(25) {
        // pauses are short
        return Pause {
            caller: caller(rng, AGENTS),
            paused: false,
        };
    }
    let no_holders = m.holders().is_empty() && rng.chance(70);
    match if no_holders { 0 } else { rng.below(100) } {
        0..=11 => {
            let to = issue_target(rng, m);
            let value = issue_value(rng);
            let time = match rng.below(10) {
                0..=6 => Never,
                7 | 8 => Ago(rng.pick(&[3_600, 86_400, 10 * 86_400])),
                _ => In(60),
            };
            let lock = rng
                .chance(20)
                .then(|| (rng.below(value.max(1) + 1), release(rng)));
            Issue {
                caller: caller(rng, ISSUERS),
                to,
                value,
                time,
                lock,
            }
        }
        12..=13 => {
            let first = issue_target(rng, m);
            let second = if rng.chance(20) {
                first
            } else {
                issue_target(rng, m)
            };
            BulkIssue {
                caller: caller(rng, ISSUERS),
                to: (first, second, rng.chance(40).then(|| issue_target(rng, m))),
                value: issue_value(rng),
            }
        }
        14..=37 => {
            let from = holder(rng, m, 90);
            let to = match rng.below(20) {
                0 => from,
                1..=3 => m
                    .investor_of(from)
                    .map(|i| m.wallets_of(i))
                    .filter(|w| !w.is_empty())
                    .map_or(from, |w| rng.pick(&w)),
                _ => investor_wallet(rng, m, 85),
            };
            Transfer {
                from,
                to,
                value: amount(rng, m.balance[from]),
            }
        }
        38..=43 => {
            let from = holder(rng, m, 90);
            let value = amount(rng, m.balance[from]);
            let approve = rng.chance(70).then(|| match rng.below(4) {
                0 => value.saturating_sub(1),
                1 => u64::MAX,
                _ => value,
            });
            TransferFrom {
                spender: match rng.below(3) {
                    0 => Exchange,
                    1 => Nobody,
                    _ => Wallet(rng.index(WALLETS)),
                },
                from,
                to: investor_wallet(rng, m, 85),
                value,
                approve,
            }
        }
        44..=47 => {
            let who = holder(rng, m, 85);
            Burn {
                caller: caller(rng, BURNERS),
                who,
                value: amount(rng, m.balance[who]),
            }
        }
        48 => {
            let (a, b) = (holder(rng, m, 85), holder(rng, m, 85));
            BulkBurn {
                caller: caller(rng, BURNERS),
                who: (a, b),
                values: (amount(rng, m.balance[a] / 2), amount(rng, m.balance[b] / 2)),
            }
        }
        49..=51 => {
            let from = holder(rng, m, 85);
            Seize {
                caller: caller(rng, AGENTS),
                from,
                to: if rng.chance(80) {
                    ISSUER_W
                } else {
                    a_wallet(rng)
                },
                value: amount(rng, m.balance[from]),
            }
        }
        52..=54 => {
            let from = holder(rng, m, 85);
            ForcedTransfer {
                caller: caller(rng, AGENTS),
                from,
                to: match rng.below(10) {
                    0 => ISSUER_W,
                    1 => a_wallet(rng),
                    _ => investor_wallet(rng, m, 100),
                },
                value: amount(rng, m.balance[from]),
            }
        }
        55..=56 => {
            let wallet = holder(rng, m, 85);
            Freeze {
                caller: caller(rng, AGENTS),
                wallet,
                amount: if rng.chance(50) {
                    0
                } else {
                    amount(rng, m.balance[wallet])
                },
            }
        }
        // mostly holders, so that transfers meet the listing (code 100)
        57..=58 => Blacklist {
            caller: caller(rng, AGENTS),
            wallet: if rng.chance(70) {
                holder(rng, m, 85)
            } else {
                a_wallet(rng)
            },
            listed: rng.chance(60),
        },
        59..=62 => {
            let wallet = investor_wallet(rng, m, 85);
            AddLock {
                caller: caller(rng, AGENTS),
                wallet,
                value: amount(rng, m.balance[wallet]),
                release: release(rng),
            }
        }
        63..=65 => {
            let locked: Vec<usize> = (0..WALLETS)
                .filter(|&w| m.investor_of(w).is_some_and(|i| m.investors[i].locks > 0))
                .collect();
            let wallet = if !locked.is_empty() && rng.chance(85) {
                rng.pick(&locked)
            } else {
                investor_wallet(rng, m, 90)
            };
            let locks = m.investor_of(wallet).map_or(0, |i| m.investors[i].locks);
            RemoveLock {
                caller: caller(rng, AGENTS),
                wallet,
                index: rng.below(u64::from(locks) + 1),
            }
        }
        66..=67 => LockInvestor {
            caller: caller(rng, AGENTS),
            id: registered_id(rng, m, 90),
            locked: rng.chance(35),
        },
        68..=69 => LiquidateOnly {
            caller: caller(rng, AGENTS),
            id: registered_id(rng, m, 90),
            enabled: rng.chance(35),
        },
        70..=72 => register(rng, m, REGISTRARS),
        73..=74 => {
            let unregistered: Vec<usize> =
                (0..IDS).filter(|&i| !m.investors[i].registered).collect();
            RegisterOnly {
                caller: caller(rng, &[Exchange, Exchange, Issuer]),
                id: if !unregistered.is_empty() && rng.chance(85) {
                    rng.pick(&unregistered)
                } else {
                    rng.index(IDS)
                },
            }
        }
        75..=78 => SetCountry {
            caller: caller(rng, &[Issuer, Agent, Master, Exchange, Exchange]),
            id: holding_id(rng, m),
            country: rng.pick(&COUNTRY_POOL),
        },
        79..=82 => SetAttribute {
            caller: caller(rng, REGISTRARS),
            id: holding_id(rng, m),
            attribute: rng.pick(&[
                attribute::KYC_APPROVED,
                attribute::ACCREDITED,
                attribute::QUALIFIED,
            ]),
            status: rng.pick(&[
                attribute_status::APPROVED,
                attribute_status::APPROVED,
                attribute_status::PENDING,
                attribute_status::REJECTED,
            ]),
            expiry: match rng.below(10) {
                0..=6 => Never,
                7 => Past,
                _ => In(rng.pick(&[3_600, 86_400])),
            },
        },
        83..=85 => AddWallet {
            caller: caller(rng, &[Issuer, Agent, Master, Exchange]),
            wallet: free_wallet(rng, m, 75),
            id: registered_id(rng, m, 90),
        },
        86..=89 => {
            // mostly a wallet with its own investor, more often an empty one
            let owned: Vec<(usize, usize)> = (0..WALLETS)
                .filter_map(|w| m.investor_of(w).map(|i| (w, i)))
                .collect();
            let empty: Vec<(usize, usize)> = owned
                .iter()
                .copied()
                .filter(|&(w, _)| m.balance[w] == 0)
                .collect();
            let (wallet, id) = if !empty.is_empty() && rng.chance(60) {
                rng.pick(&empty)
            } else if !owned.is_empty() && rng.chance(80) {
                rng.pick(&owned)
            } else {
                (a_wallet(rng), rng.index(IDS))
            };
            RemoveWallet {
                caller: caller(rng, REGISTRARS),
                wallet,
                id,
            }
        }
        90..=91 => {
            let empty: Vec<usize> = m
                .registered()
                .into_iter()
                .filter(|&i| m.wallets_of(i).is_empty())
                .collect();
            let id = if !empty.is_empty() && rng.chance(70) {
                rng.pick(&empty)
            } else {
                registered_id(rng, m, 90)
            };
            RemoveInvestor {
                caller: caller(rng, REGISTRARS),
                id,
            }
        }
        92 => Pause {
            caller: caller(rng, AGENTS),
            paused: rng.chance(60),
        },
        93 => SpecialWallet {
            caller: caller(rng, &[Issuer, Master]),
            wallet: if rng.chance(60) { ISSUER_W } else { PLATFORM_W },
            add: rng.chance(50),
        },
        94..=95 => {
            // mostly the country of a holder
            let holding: Vec<&'static str> = (0..IDS)
                .filter(|&i| m.investor_balance(i) > 0)
                .map(|i| m.investors[i].country)
                .collect();
            let country = if !holding.is_empty() && rng.chance(70) {
                rng.pick(&holding)
            } else {
                rng.pick(&COUNTRY_POOL)
            };
            CountryStatus {
                caller: caller(rng, AGENTS),
                country,
                status: rng.pick(&[
                    region::NONE,
                    region::US,
                    region::EU,
                    region::FORBIDDEN,
                    region::JP,
                ]),
            }
        }
        _ => Advance {
            seconds: rng.pick(&[60, 3_600, 86_400, 3 * 86_400, 30 * 86_400]),
        },
    }
}

/// An issuance target: mostly an investor wallet, sometimes the platform
/// wallet or any wallet.
fn issue_target(rng: &mut Rng, m: &Model) -> usize {
    match rng.below(10) {
        0 => PLATFORM_W,
        1 => a_wallet(rng),
        _ => investor_wallet(rng, m, 100),
    }
}

fn issue_value(rng: &mut Rng) -> u64 {
    if rng.chance(10) {
        rng.pick(&[0, 5_000, 25_000])
    } else {
        1 + rng.below(1_000)
    }
}

/// A registered investor holding tokens (mostly), any registered one otherwise.
fn holding_id(rng: &mut Rng, m: &Model) -> usize {
    let holding: Vec<usize> = m
        .registered()
        .into_iter()
        .filter(|&i| m.investor_balance(i) > 0)
        .collect();
    if !holding.is_empty() && rng.chance(70) {
        rng.pick(&holding)
    } else {
        registered_id(rng, m, 90)
    }
}

fn register(rng: &mut Rng, m: &Model, right: &[Who]) -> Step {
    let unregistered: Vec<usize> = (0..IDS).filter(|&i| !m.investors[i].registered).collect();
    let id = if !unregistered.is_empty() && rng.chance(75) {
        rng.pick(&unregistered)
    } else {
        rng.index(IDS)
    };
    let first = free_wallet(rng, m, 90);
    let second = rng.chance(40).then(|| free_wallet(rng, m, 90));
    Register {
        caller: caller(rng, right),
        id,
        country: rng.pick(&COUNTRY_POOL),
        wallets: (first, second),
        accredited: rng.chance(50),
        qualified: rng.chance(30),
    }
}

// ----- revert data ------------------------------------------------------------------

/// Error selectors of every contract, from the exported ABIs (`abi/*.sol`).
fn error_names() -> &'static HashMap<[u8; 4], String> {
    static NAMES: OnceLock<HashMap<[u8; 4], String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../abi");
        let mut names = HashMap::new();
        for entry in std::fs::read_dir(&dir).expect("abi/ exists") {
            let path = entry.expect("abi entry").path();
            // The contracts' exported interfaces (not abi/arbitrum/).
            if path.extension().is_none_or(|e| e != "sol") {
                continue;
            }
            let text = std::fs::read_to_string(path).expect("abi file");
            for line in text.lines() {
                let Some(decl) = line.trim().strip_prefix("error ") else {
                    continue;
                };
                let (name, rest) = decl.split_once('(').expect("error(...)");
                let params = rest.rsplit_once(')').expect("error(...)").0;
                let types: Vec<&str> = params
                    .split(',')
                    .filter_map(|p| p.split_whitespace().next())
                    .collect();
                let signature = format!("{name}({})", types.join(","));
                let digest = alloy_primitives::keccak256(signature.as_bytes());
                names.insert(
                    [digest[0], digest[1], digest[2], digest[3]],
                    name.to_string(),
                );
            }
        }
        names
    })
}

/// `Ok` or the name of the typed error a receipt reverted with.
fn outcome_of(r: &Receipt) -> Result<(), String> {
    if r.success {
        Ok(())
    } else {
        Err(error_name(r))
    }
}

/// Whether an outcome is the expected one.
fn matches(got: &Result<(), String>, expect: Expect) -> bool {
    match (got, expect) {
        (Ok(()), Ok(())) => true,
        (Err(g), Err(e)) => g == e,
        _ => false,
    }
}

/// The name of the typed error a receipt reverted with.
fn error_name(r: &Receipt) -> String {
    if r.output.len() < 4 {
        return format!("revert 0x{}", alloy_primitives::hex::encode(&r.output));
    }
    let selector = [r.output[0], r.output[1], r.output[2], r.output[3]];
    error_names().get(&selector).cloned().unwrap_or_else(|| {
        format!(
            "unknown error 0x{}",
            alloy_primitives::hex::encode(selector)
        )
    })
}

// ----- the world: suite + model ------------------------------------------------------

/// What a step is expected to do.
type Expect = Result<(), &'static str>;

struct World {
    s: Suite,
    m: Model,
    pool: Vec<Address>,
    ids: Vec<String>,
    nobody: Address,
    cap: u128,
    /// Investor whose token-side `balanceOfInvestor` is checked next.
    rotate: usize,
    /// Whether the last transaction sent succeeded (or its error).
    last_ok: Option<Result<(), String>>,
    /// The token's transfer check codes met, with their counts.
    codes: BTreeMap<u8, u64>,
    /// How often each code answered `preIssuanceCheck` before an issuance.
    issuance_codes: BTreeMap<u8, u64>,
}

fn ensure(ok: bool, what: impl FnOnce() -> String) -> Result<(), String> {
    if ok {
        Ok(())
    } else {
        Err(what())
    }
}

impl World {
    fn new(preset: Preset) -> Self {
        let mut s = Suite::new();
        s.set_countries(&COUNTRIES);
        if preset != Preset::Open {
            s.set_rules(&preset.rules());
        }
        let mut pool: Vec<Address> = (0..WALLETS)
            .map(|i| s.wallet(&format!("invariants wallet {i}")))
            .collect();
        pool.push(s.wallet("invariants issuer wallet"));
        pool.push(s.wallet("invariants platform wallet"));
        s.add_issuer_wallet(pool[ISSUER_W]);
        s.add_platform_wallet(pool[PLATFORM_W]);
        Self {
            nobody: s.wallet("invariants nobody"),
            s,
            m: Model::new(),
            pool,
            ids: (0..IDS).map(|i| format!("investor-{i}")).collect(),
            cap: preset.cap(),
            rotate: 0,
            last_ok: None,
            codes: BTreeMap::new(),
            issuance_codes: BTreeMap::new(),
        }
    }

    fn addr(&self, who: Who) -> Address {
        match who {
            Master => self.s.master,
            Issuer => self.s.issuer,
            Agent => self.s.transfer_agent,
            Exchange => self.s.exchange,
            Nobody => self.nobody,
            Wallet(i) => self.pool[i],
        }
    }

    fn now(&self) -> u64 {
        self.s.now()
    }

    fn time(&self, r: Release) -> u64 {
        match r {
            Never => 0,
            In(seconds) => self.now() + seconds,
            Ago(seconds) => self.now() - seconds,
            Past => self.now() - 1,
        }
    }

    /// Sends `call`; a refusal must be a clean revert that left every
    /// storage slot as it was, and nothing in the call tree may trap.
    fn send<C: SolCall>(
        &mut self,
        from: Address,
        to: Address,
        call: &C,
    ) -> Result<Receipt, String> {
        self.send_data(from, to, call.abi_encode(), C::SIGNATURE)
    }

    /// [`World::send`] with calldata `data` of function `what`.
    fn send_data(
        &mut self,
        from: Address,
        to: Address,
        data: Vec<u8>,
        what: &str,
    ) -> Result<Receipt, String> {
        let before = self.s.net.storage_snapshot();
        let r = self.s.net.send(from, to, &data, U256::ZERO);
        self.last_ok = Some(outcome_of(&r));
        for inner in &r.inner_failures {
            ensure(matches!(inner.failure, Failure::Reverted), || {
                format!("{what}: a nested frame failed: {}", r.reason())
            })?;
        }
        if !r.success {
            ensure(r.failure == Some(Failure::Reverted), || {
                format!("{what}: not a clean revert: {}", r.reason())
            })?;
            let changes = before.diff(&self.s.net.storage_snapshot());
            ensure(changes.is_empty(), || {
                format!("{what} refused ({}) but changed {changes:?}", r.outcome())
            })?;
        }
        Ok(r)
    }

    /// [`World::send`], checking the outcome against `expect`.
    fn expect<C: SolCall>(
        &mut self,
        from: Address,
        to: Address,
        call: &C,
        expect: Expect,
    ) -> Result<Receipt, String> {
        let r = self.send(from, to, call)?;
        let got = outcome_of(&r);
        ensure(matches(&got, expect), || {
            format!(
                "{}: expected {expect:?}, got {got:?} ({})",
                C::SIGNATURE,
                r.outcome()
            )
        })?;
        Ok(r)
    }

    fn role_ok(&self, who: Who, allowed: &[Who]) -> bool {
        allowed.contains(&who)
    }

    /// The expectation of a Registry setter on an existing investor
    /// (exchange or above; an exchange only for investors it created, and
    /// the sequences register every investor as issuer, agent or master).
    fn registry_auth(&self, caller: Who, id: usize) -> Expect {
        match caller {
            Master | Issuer | Agent => {}
            Exchange if self.m.investors[id].by_exchange => {}
            Exchange if self.m.investors[id].registered => return Err("NotInvestorCreator"),
            Exchange => return Err("InvestorNotFound"),
            _ => return Err("UnauthorizedCaller"),
        }
        if !self.m.investors[id].registered {
            return Err("InvestorNotFound");
        }
        Ok(())
    }

    fn token_code(&mut self, from: Address, to: Address, value: u64) -> (u8, String) {
        self.s.token_check(from, to, value)
    }

    /// Compliance's `preIssuanceCheck` code, asked by the exchange.
    fn issuance_code(&mut self, to: Address, value: u64) -> Result<u8, String> {
        let call = ICompliance::preIssuanceCheckCall {
            to,
            value: U256::from(value),
        };
        let code = self
            .s
            .net
            .call_sol(self.s.exchange, self.s.compliance, &call)
            .map_err(|r| format!("preIssuanceCheck: {}", r.outcome()))?
            ._0
            .saturating_to();
        *self.issuance_codes.entry(code).or_default() += 1;
        Ok(code)
    }

    fn apply(&mut self, step: &Step) -> Result<(), String> {
        let token = self.s.token();
        let compliance = self.s.compliance;
        let registry = self.s.registry;
        match *step {
            Issue {
                caller,
                to,
                value,
                time,
                lock,
            } => {
                let to_addr = self.pool[to];
                let code = self.issuance_code(to_addr, value)?;
                let investor = self.m.investor_of(to);
                // a zero locked value means no lock
                let lock = lock.filter(|(locked, _)| *locked != 0);
                let lock_expect = match lock {
                    None => Ok(()),
                    Some((_, release)) => {
                        let locks = investor.map_or(u8::MAX, |i| self.m.investors[i].locks);
                        if investor.is_none() || locks >= 16 {
                            Err("TooManyRecords")
                        } else if matches!(release, Past | Ago(_)) {
                            Err("InvalidLock")
                        } else {
                            Ok(())
                        }
                    }
                };
                let expect = if !self.role_ok(caller, &[Master, Issuer]) {
                    Err("UnauthorizedCaller")
                } else if self.cap != 0 && self.m.supply + u128::from(value) > self.cap {
                    Err("AuthorizedSecuritiesExceeded")
                } else if code != 0 {
                    Err("IssuanceRejected")
                } else if matches!(time, In(_)) {
                    Err("InvalidIssuanceTime")
                } else {
                    lock_expect
                };
                let data = match (time, lock) {
                    (Never, None) => IDSToken::issueTokensCall {
                        to: to_addr,
                        value: U256::from(value),
                    }
                    .abi_encode(),
                    _ => {
                        let (locked, release) = lock.unwrap_or((0, Never));
                        IDSToken::issueTokensCustomCall {
                            to: to_addr,
                            value: U256::from(value),
                            issuance_time: U256::from(self.time(time)),
                            value_locked: U256::from(locked),
                            reason: "invariants".into(),
                            release_time: self.time(release),
                        }
                        .abi_encode()
                    }
                };
                let from = self.addr(caller);
                let r = self.send_data(from, token, data, "issue")?;
                let got = outcome_of(&r);
                // Known exception: the issuance-record bound is not in preIssuanceCheck.
                let exception = expect.is_ok() && matches(&got, Err("TooManyRecords"));
                ensure(exception || matches(&got, expect), || {
                    format!("issue: expected {expect:?}, got {got:?} ({})", r.outcome())
                })?;
                if let Some(rejection) = r.revert_error::<ds_e2e::abi::IssuanceRejected>() {
                    ensure(rejection.code == U256::from(code), || {
                        format!(
                            "issuance refused with {} but checked {code}",
                            rejection.code
                        )
                    })?;
                }
                if r.success {
                    self.m.balance[to] += u128::from(value);
                    self.m.touch(investor);
                    self.m.supply += u128::from(value);
                    self.m.issued += u128::from(value);
                    if let (Some(i), Some(_)) = (investor, lock) {
                        self.m.investors[i].locks += 1;
                    }
                }
                self.check_locks(investor)?;
            }
            BulkIssue {
                caller,
                to: (a, b, c),
                value,
            } => {
                let mut to = vec![a, b];
                to.extend(c);
                let call = IDSToken::bulkIssuanceCall {
                    to: to.iter().map(|&w| self.pool[w]).collect(),
                    values: vec![U256::from(value); to.len()],
                    issuance_time: U256::ZERO,
                };
                let from = self.addr(caller);
                let r = self.send(from, token, &call)?;
                let got = outcome_of(&r);
                // All or nothing; which one is refused is not predicted.
                let allowed: &[Expect] = if !self.role_ok(caller, &[Master, Issuer]) {
                    &[Err("UnauthorizedCaller")]
                } else {
                    &[
                        Ok(()),
                        Err("IssuanceRejected"),
                        Err("AuthorizedSecuritiesExceeded"),
                        Err("TooManyRecords"),
                    ]
                };
                ensure(allowed.iter().any(|e| matches(&got, *e)), || {
                    format!("bulkIssuance: got {got:?} ({})", r.outcome())
                })?;
                if r.success {
                    for &w in &to {
                        self.m.balance[w] += u128::from(value);
                        self.m.touch(self.m.investor_of(w));
                        self.m.supply += u128::from(value);
                        self.m.issued += u128::from(value);
                    }
                }
            }
            BulkBurn {
                caller,
                who: (a, b),
                values: (va, vb),
            } => {
                let fits = u128::from(va) <= self.m.balance[a] && {
                    let left_b = if a == b {
                        self.m.balance[b] - u128::from(va)
                    } else {
                        self.m.balance[b]
                    };
                    u128::from(vb) <= left_b
                };
                let expect = if !self.role_ok(caller, &[Master, Issuer, Agent]) {
                    Err("UnauthorizedCaller")
                } else if !fits {
                    Err("ERC20InsufficientBalance")
                } else {
                    Ok(())
                };
                let call = IDSToken::bulkBurnCall {
                    who: vec![self.pool[a], self.pool[b]],
                    values: vec![U256::from(va), U256::from(vb)],
                    reason: "invariants".into(),
                };
                let from = self.addr(caller);
                if self.expect(from, token, &call, expect)?.success {
                    for (w, v) in [(a, va), (b, vb)] {
                        self.m.balance[w] -= u128::from(v);
                        self.m.touch(self.m.investor_of(w));
                        self.m.supply -= u128::from(v);
                        self.m.release_frozen(w);
                    }
                }
                self.check_frozen(a)?;
                self.check_frozen(b)?;
            }
            ForcedTransfer {
                caller,
                from,
                to,
                value,
            } => {
                let target = matches!(self.m.owner[to], Owner::IssuerWallet | Owner::Investor(_));
                let expect = if !self.role_ok(caller, &[Master, Agent]) {
                    Err("UnauthorizedCaller")
                } else if u128::from(value) > self.m.balance[from] {
                    Err("ERC20InsufficientBalance")
                } else if !target {
                    Err("SeizeTargetNotIssuerWallet")
                } else {
                    Ok(())
                };
                let call = IDSToken::forcedTransferCall {
                    from: self.pool[from],
                    to: self.pool[to],
                    amount: U256::from(value),
                };
                let sender = self.addr(caller);
                if self.expect(sender, token, &call, expect)?.success {
                    self.m.balance[from] -= u128::from(value);
                    self.m.balance[to] += u128::from(value);
                    self.m.moved(from, to);
                    self.m.release_frozen(from);
                }
                self.check_frozen(from)?;
            }
            Blacklist {
                caller,
                wallet,
                listed,
            } => {
                let expect = if self.role_ok(caller, &[Master, Agent]) {
                    Ok(())
                } else {
                    Err("UnauthorizedCaller")
                };
                let from = self.addr(caller);
                let wallet = self.pool[wallet];
                if listed {
                    let call = ICompliance::addToBlacklistCall { wallet };
                    self.expect(from, compliance, &call, expect)?;
                } else {
                    let call = ICompliance::removeFromBlacklistCall { wallet };
                    self.expect(from, compliance, &call, expect)?;
                }
            }
            Transfer { from, to, value } => {
                let (f, t) = (self.pool[from], self.pool[to]);
                let call = IDSToken::transferCall {
                    to: t,
                    value: U256::from(value),
                };
                self.transfer(from, to, value, f, |w, r| w.send(f, r, &call))?;
            }
            TransferFrom {
                spender,
                from,
                to,
                value,
                approve,
            } => {
                let (f, t, sp) = (self.pool[from], self.pool[to], self.addr(spender));
                if let Some(amount) = approve {
                    let call = IDSToken::approveCall {
                        spender: sp,
                        value: allowance(amount),
                    };
                    self.expect(f, token, &call, Ok(()))?;
                    self.m.allowance.insert((from, sp), allowance(amount));
                }
                let allowed = self
                    .m
                    .allowance
                    .get(&(from, sp))
                    .copied()
                    .unwrap_or_default();
                let call = IDSToken::transferFromCall {
                    from: f,
                    to: t,
                    value: U256::from(value),
                };
                // A spender without any allowance is refused even for a
                // zero value (review F-06).
                let accepted = if allowed < U256::from(value) || (allowed.is_zero() && sp != f) {
                    self.expect(sp, token, &call, Err("ERC20InsufficientAllowance"))?;
                    false
                } else {
                    self.transfer(from, to, value, f, |w, r| w.send(sp, r, &call))?
                };
                if accepted && allowed != U256::MAX {
                    self.m
                        .allowance
                        .insert((from, sp), allowed - U256::from(value));
                }
                let on_chain = self.s.view(
                    token,
                    &IDSToken::allowanceCall {
                        owner: f,
                        spender: sp,
                    },
                );
                let model = self
                    .m
                    .allowance
                    .get(&(from, sp))
                    .copied()
                    .unwrap_or_default();
                ensure(on_chain == model, || {
                    format!("allowance {on_chain}, model {model}")
                })?;
            }
            Burn { caller, who, value } => {
                let expect = if !self.role_ok(caller, &[Master, Issuer, Agent]) {
                    Err("UnauthorizedCaller")
                } else if u128::from(value) > self.m.balance[who] {
                    Err("ERC20InsufficientBalance")
                } else {
                    Ok(())
                };
                let call = IDSToken::burnCall {
                    who: self.pool[who],
                    value: U256::from(value),
                    reason: "invariants".into(),
                };
                let from = self.addr(caller);
                if self.expect(from, token, &call, expect)?.success {
                    self.m.balance[who] -= u128::from(value);
                    self.m.touch(self.m.investor_of(who));
                    self.m.supply -= u128::from(value);
                    self.m.release_frozen(who);
                }
                self.check_frozen(who)?;
            }
            Seize {
                caller,
                from,
                to,
                value,
            } => {
                let expect = if !self.role_ok(caller, &[Master, Agent]) {
                    Err("UnauthorizedCaller")
                } else if u128::from(value) > self.m.balance[from] {
                    Err("ERC20InsufficientBalance")
                } else if self.m.owner[to] != Owner::IssuerWallet {
                    Err("SeizeTargetNotIssuerWallet")
                } else {
                    Ok(())
                };
                let call = IDSToken::seizeCall {
                    from: self.pool[from],
                    to: self.pool[to],
                    value: U256::from(value),
                    reason: "invariants".into(),
                };
                let sender = self.addr(caller);
                if self.expect(sender, token, &call, expect)?.success {
                    self.m.balance[from] -= u128::from(value);
                    self.m.balance[to] += u128::from(value);
                    self.m.moved(from, to);
                    self.m.release_frozen(from);
                }
                self.check_frozen(from)?;
            }
            Freeze {
                caller,
                wallet,
                amount,
            } => {
                let expect = if self.role_ok(caller, &[Master, Agent]) {
                    Ok(())
                } else {
                    Err("UnauthorizedCaller")
                };
                let call = IDSToken::setFrozenTokensCall {
                    account: self.pool[wallet],
                    amount: U256::from(amount),
                };
                let from = self.addr(caller);
                if self.expect(from, token, &call, expect)?.success {
                    self.m.frozen[wallet] = u128::from(amount);
                }
                self.check_frozen(wallet)?;
            }
            AddLock {
                caller,
                wallet,
                value,
                release,
            } => {
                let investor = self.m.investor_of(wallet);
                let expect = if !self.role_ok(caller, &[Master, Agent]) {
                    Err("UnauthorizedCaller")
                } else if investor.is_none() {
                    Err("NotAnInvestor")
                } else if value == 0 || release == Past {
                    Err("InvalidLock")
                } else if investor.is_some_and(|i| self.m.investors[i].locks >= 16) {
                    Err("TooManyRecords")
                } else {
                    Ok(())
                };
                let call = ICompliance::addManualLockRecordCall {
                    to: self.pool[wallet],
                    value: U256::from(value),
                    reason: "invariants".into(),
                    release_time: U256::from(self.time(release)),
                };
                let from = self.addr(caller);
                if self.expect(from, compliance, &call, expect)?.success {
                    if let Some(i) = investor {
                        self.m.investors[i].locks += 1;
                    }
                }
                self.check_locks(investor)?;
            }
            RemoveLock {
                caller,
                wallet,
                index,
            } => {
                let investor = self.m.investor_of(wallet);
                let expect = if !self.role_ok(caller, &[Master, Agent]) {
                    Err("UnauthorizedCaller")
                } else if investor.is_none() {
                    Err("NotAnInvestor")
                } else if investor.is_some_and(|i| index >= u64::from(self.m.investors[i].locks)) {
                    Err("LockNotFound")
                } else {
                    Ok(())
                };
                let call = ILocks::removeLockRecordCall {
                    who: self.pool[wallet],
                    lock_index: U256::from(index),
                };
                let from = self.addr(caller);
                if self.expect(from, compliance, &call, expect)?.success {
                    if let Some(i) = investor {
                        self.m.investors[i].locks -= 1;
                    }
                }
                self.check_locks(investor)?;
            }
            LockInvestor { caller, id, locked } => {
                let expect = if self.role_ok(caller, &[Master, Agent]) {
                    Ok(())
                } else {
                    Err("UnauthorizedCaller")
                };
                let investor_id = self.ids[id].clone();
                let from = self.addr(caller);
                if locked {
                    let call = ICompliance::lockInvestorCall { investor_id };
                    self.expect(from, compliance, &call, expect)?;
                } else {
                    let call = ICompliance::unlockInvestorCall { investor_id };
                    self.expect(from, compliance, &call, expect)?;
                }
            }
            LiquidateOnly {
                caller,
                id,
                enabled,
            } => {
                let expect = if self.role_ok(caller, &[Master, Agent]) {
                    Ok(())
                } else {
                    Err("UnauthorizedCaller")
                };
                let call = ICompliance::setInvestorLiquidateOnlyCall {
                    investor_id: self.ids[id].clone(),
                    enabled,
                };
                let from = self.addr(caller);
                self.expect(from, compliance, &call, expect)?;
            }
            Register {
                caller,
                id,
                country,
                wallets: (first, second),
                accredited,
                qualified,
            } => {
                let mut wallets = vec![first];
                wallets.extend(second);
                let fits = |w: usize| {
                    self.m.owner[w] == Owner::Investor(id)
                        || (self.m.owner[w] == Owner::Free && self.m.balance[w] == 0)
                };
                let expect = if !self.role_ok(caller, &[Master, Issuer, Agent]) {
                    Err("UnauthorizedCaller")
                } else if self.m.investors[id].retired {
                    Err("InvestorIdRetired")
                } else if let Some(&w) = wallets.iter().find(|&&w| !fits(w)) {
                    if self.m.owner[w] == Owner::Free {
                        Err("WalletHasBalance")
                    } else {
                        Err("WalletInUse")
                    }
                } else {
                    Ok(())
                };
                let status = |on: bool| {
                    U256::from(if on {
                        attribute_status::APPROVED
                    } else {
                        attribute_status::PENDING
                    })
                };
                let call = IRegistry::updateInvestorCall {
                    id: self.ids[id].clone(),
                    collision_hash: format!("collision {id}"),
                    country: country.into(),
                    wallets: wallets.iter().map(|&w| self.pool[w]).collect(),
                    attribute_ids: vec![attribute::ACCREDITED, attribute::QUALIFIED],
                    attribute_values: vec![status(accredited), status(qualified)],
                    attribute_expirations: vec![U256::ZERO; 2],
                };
                let from = self.addr(caller);
                if self.expect(from, registry, &call, expect)?.success {
                    let inv = &mut self.m.investors[id];
                    let differs = (inv.country, inv.accredited, inv.qualified)
                        != (country, accredited, qualified);
                    *inv = Investor {
                        registered: true,
                        country,
                        accredited,
                        qualified,
                        ..*inv
                    };
                    if differs {
                        self.m.info_changed(id);
                    }
                    for w in wallets {
                        self.m.owner[w] = Owner::Investor(id);
                    }
                }
            }
            RegisterOnly { caller, id } => {
                let expect = if !self.role_ok(caller, &[Master, Issuer, Agent, Exchange]) {
                    Err("UnauthorizedCaller")
                } else if self.m.investors[id].registered {
                    Err("InvestorAlreadyExists")
                } else if self.m.investors[id].retired {
                    Err("InvestorIdRetired")
                } else {
                    Ok(())
                };
                let call = IRegistry::registerInvestorCall {
                    id: self.ids[id].clone(),
                    collision_hash: format!("collision {id}"),
                };
                let from = self.addr(caller);
                if self.expect(from, registry, &call, expect)?.success {
                    let inv = &mut self.m.investors[id];
                    *inv = Investor {
                        registered: true,
                        by_exchange: caller == Exchange,
                        locks: inv.locks,
                        ..Investor::default()
                    };
                }
            }
            SetCountry {
                caller,
                id,
                country,
            } => {
                let expect = self.registry_auth(caller, id);
                let call = IRegistry::setCountryCall {
                    id: self.ids[id].clone(),
                    country: country.into(),
                };
                let from = self.addr(caller);
                if self.expect(from, registry, &call, expect)?.success
                    && self.m.investors[id].country != country
                {
                    self.m.investors[id].country = country;
                    self.m.info_changed(id);
                }
            }
            SetAttribute {
                caller,
                id,
                attribute: attribute_id,
                status,
                expiry,
            } => {
                let expect = self.registry_auth(caller, id);
                let call = IRegistry::setAttributeCall {
                    id: self.ids[id].clone(),
                    attribute_id,
                    value: U256::from(status),
                    expiry: U256::from(self.time(expiry)),
                    proof_hash: "proof".into(),
                };
                let from = self.addr(caller);
                if self.expect(from, registry, &call, expect)?.success {
                    let approved = status == attribute_status::APPROVED;
                    let inv = &mut self.m.investors[id];
                    let flag = match attribute_id {
                        attribute::ACCREDITED => &mut inv.accredited,
                        attribute::QUALIFIED => &mut inv.qualified,
                        _ => return Ok(()),
                    };
                    if *flag != approved {
                        *flag = approved;
                        self.m.info_changed(id);
                    }
                }
            }
            AddWallet { caller, wallet, id } => {
                let expect = self.registry_auth(caller, id).and_then(|()| {
                    match (self.m.owner[wallet], self.m.balance[wallet]) {
                        (Owner::Free, 0) => Ok(()),
                        (Owner::Free, _) => Err("WalletHasBalance"),
                        _ => Err("WalletInUse"),
                    }
                });
                let call = IRegistry::addWalletCall {
                    wallet: self.pool[wallet],
                    id: self.ids[id].clone(),
                };
                let from = self.addr(caller);
                if self.expect(from, registry, &call, expect)?.success {
                    self.m.owner[wallet] = Owner::Investor(id);
                }
            }
            RemoveWallet { caller, wallet, id } => {
                let expect = self.registry_auth(caller, id).and_then(|()| {
                    if self.m.owner[wallet] != Owner::Investor(id) {
                        Err("WalletNotOfInvestor")
                    } else if self.m.balance[wallet] != 0 {
                        Err("WalletHasBalance")
                    } else {
                        Ok(())
                    }
                });
                let call = IRegistry::removeWalletCall {
                    wallet: self.pool[wallet],
                    id: self.ids[id].clone(),
                };
                let from = self.addr(caller);
                if self.expect(from, registry, &call, expect)?.success {
                    self.m.owner[wallet] = Owner::Free;
                }
            }
            RemoveInvestor { caller, id } => {
                let expect = self.registry_auth(caller, id).and_then(|()| {
                    if self.m.wallets_of(id).is_empty() {
                        Ok(())
                    } else {
                        Err("InvestorHasWallets")
                    }
                });
                let call = IRegistry::removeInvestorCall {
                    id: self.ids[id].clone(),
                };
                let from = self.addr(caller);
                if self.expect(from, registry, &call, expect)?.success {
                    let inv = &mut self.m.investors[id];
                    *inv = Investor {
                        locks: inv.locks,
                        retired: true,
                        ..Investor::default()
                    };
                }
            }
            Pause { caller, paused } => {
                let expect = if self.role_ok(caller, &[Master, Agent]) {
                    Ok(())
                } else {
                    Err("UnauthorizedCaller")
                };
                let from = self.addr(caller);
                let r = if paused {
                    self.expect(from, token, &IDSToken::pauseCall {}, expect)?
                } else {
                    self.expect(from, token, &IDSToken::unpauseCall {}, expect)?
                };
                if r.success {
                    self.m.paused = paused;
                }
                let on_chain = self.s.view(token, &IDSToken::isPausedCall {});
                ensure(on_chain == self.m.paused, || {
                    format!("isPaused {on_chain}, model {}", self.m.paused)
                })?;
            }
            SpecialWallet {
                caller,
                wallet,
                add,
            } => {
                let kind = if wallet == ISSUER_W {
                    Owner::IssuerWallet
                } else {
                    Owner::PlatformWallet
                };
                let owner = self.m.owner[wallet];
                let expect = if !self.role_ok(caller, &[Master, Issuer]) {
                    Err("UnauthorizedCaller")
                } else if add && owner != Owner::Free {
                    Err("WalletInUse")
                } else if !add && !matches!(owner, Owner::IssuerWallet | Owner::PlatformWallet) {
                    Err("NotSpecialWallet")
                } else if !add && self.m.balance[wallet] != 0 {
                    Err("WalletHasBalance")
                } else {
                    Ok(())
                };
                let from = self.addr(caller);
                let address = self.pool[wallet];
                let r = match (add, kind) {
                    (false, _) => {
                        let call = ISpecialWallets::removeSpecialWalletCall { wallet: address };
                        self.expect(from, registry, &call, expect)?
                    }
                    (true, Owner::IssuerWallet) => {
                        let call = IRegistry::addIssuerWalletCall { wallet: address };
                        self.expect(from, registry, &call, expect)?
                    }
                    (true, _) => {
                        let call = IRegistry::addPlatformWalletCall { wallet: address };
                        self.expect(from, registry, &call, expect)?
                    }
                };
                if r.success {
                    self.m.owner[wallet] = if add { kind } else { Owner::Free };
                }
            }
            CountryStatus {
                caller,
                country,
                status,
            } => {
                let expect = if !self.role_ok(caller, &[Master, Agent]) {
                    Err("UnauthorizedCaller")
                } else if country.is_empty() {
                    // the country of an investor registered without one
                    Err("InvalidCountry")
                } else {
                    Ok(())
                };
                let call = ICompliance::setCountryComplianceCall {
                    country: country.into(),
                    value: U256::from(status),
                };
                let from = self.addr(caller);
                if self.expect(from, compliance, &call, expect)?.success {
                    self.m.regions.insert(country, status);
                }
            }
            Advance { seconds } => self.s.advance(seconds),
        }
        Ok(())
    }

    /// A transfer of `value` from pool wallet `from` to `to`, sent by
    /// `send`: accepted ⇔ the token's check said 0 just before (frozen
    /// tokens refused first with the ERC-7943 error). Returns whether it was
    /// accepted.
    fn transfer(
        &mut self,
        from: usize,
        to: usize,
        value: u64,
        f: Address,
        send: impl FnOnce(&mut Self, Address) -> Result<Receipt, String>,
    ) -> Result<bool, String> {
        let t = self.pool[to];
        let (code, reason) = self.token_code(f, t, value);
        *self.codes.entry(code).or_default() += 1;
        let (c_code, c_reason) = self.s.compliance_check(f, t, value);
        let value_128 = u128::from(value);
        let frozen_block = self.m.frozen[from] > 0 && value_128 > self.m.unfrozen(from);
        // Compliance does not know frozen tokens: the token alone says 16.
        let expected_token = if c_code == 0 && frozen_block {
            16
        } else {
            c_code
        };
        ensure(code == expected_token, || {
            format!("token check {code} \"{reason}\", Compliance check {c_code} \"{c_reason}\"")
        })?;
        let token = self.s.token();
        let r = send(self, token)?;
        if frozen_block {
            ensure(
                error_name(&r) == "ERC7943InsufficientUnfrozenBalance",
                || format!("transfer of frozen tokens: {}", r.outcome()),
            )?;
            return Ok(false);
        }
        if code != 0 {
            ensure(
                r.transfer_rejection() == Some((code, reason.clone())),
                || format!("checked {code} \"{reason}\", transfer: {}", r.outcome()),
            )?;
            return Ok(false);
        }
        ensure(r.success, || {
            format!("checked 0, transfer refused: {}", r.outcome())
        })?;
        let events = r.events::<ds_e2e::abi::Transfer>();
        ensure(
            events.len() == 1
                && (events[0].from, events[0].to, events[0].value) == (f, t, U256::from(value)),
            || format!("{} Transfer events", events.len()),
        )?;
        self.m.balance[from] -= value_128;
        self.m.balance[to] += value_128;
        self.m.moved(from, to);
        Ok(true)
    }

    fn check_frozen(&mut self, wallet: usize) -> Result<(), String> {
        let token = self.s.token();
        let call = IDSToken::getFrozenTokensCall {
            account: self.pool[wallet],
        };
        let on_chain = self.s.view(token, &call);
        ensure(on_chain == U256::from(self.m.frozen[wallet]), || {
            format!(
                "frozen of wallet {wallet}: {on_chain}, model {}",
                self.m.frozen[wallet]
            )
        })
    }

    fn check_locks(&mut self, investor: Option<usize>) -> Result<(), String> {
        let Some(i) = investor else { return Ok(()) };
        let call = ILocks::lockCountForInvestorCall {
            investor_id: self.ids[i].clone(),
        };
        let on_chain = self.s.view(self.s.compliance, &call);
        ensure(on_chain == U256::from(self.m.investors[i].locks), || {
            format!(
                "locks of investor {i}: {on_chain}, model {}",
                self.m.investors[i].locks
            )
        })
    }

    /// The invariants that hold after every step.
    fn check(&mut self) -> Result<(), String> {
        let token = self.s.token();
        let compliance = self.s.compliance;
        let supply = self.s.total_supply();
        ensure(supply == U256::from(self.m.supply), || {
            format!("total supply {supply}, model {}", self.m.supply)
        })?;
        let mut sum = U256::ZERO;
        for w in 0..self.pool.len() {
            let b = self.s.balance(self.pool[w]);
            ensure(b == U256::from(self.m.balance[w]), || {
                format!("balance of wallet {w}: {b}, model {}", self.m.balance[w])
            })?;
            sum += b;
        }
        ensure(sum == supply, || {
            format!("Σ balances {sum} ≠ total supply {supply}")
        })?;
        let holders = self.s.view(token, &IDSToken::walletCountCall {});
        ensure(holders == U256::from(self.m.holders().len()), || {
            format!("walletCount {holders}, holders {:?}", self.m.holders())
        })?;
        // the holder list (1-based) is exactly the holding wallets
        let mut listed: Vec<Address> = (1..=self.m.holders().len())
            .map(|i| {
                let call = IDSToken::getWalletAtCall {
                    index: U256::from(i),
                };
                self.s.view(token, &call)
            })
            .collect();
        let mut expected: Vec<Address> = self.m.holders().iter().map(|&w| self.pool[w]).collect();
        listed.sort();
        expected.sort();
        ensure(listed == expected, || {
            format!("holder list {listed:?}, holding wallets {expected:?}")
        })?;
        let issued = self.s.view(token, &IDSToken::totalIssuedCall {});
        ensure(issued == U256::from(self.m.issued), || {
            format!("totalIssued {issued}, model {}", self.m.issued)
        })?;
        let mut investors_sum = U256::ZERO;
        for i in 0..IDS {
            let call = ICompliance::balanceOfInvestorCall {
                id: self.ids[i].clone(),
            };
            let b = self.s.view(compliance, &call);
            ensure(b == U256::from(self.m.investor_balance(i)), || {
                format!(
                    "Compliance balance of investor {i}: {b}, Σ of its wallets {}",
                    self.m.investor_balance(i)
                )
            })?;
            investors_sum += b;
        }
        let others: u128 = (0..self.pool.len())
            .filter(|&w| self.m.investor_of(w).is_none())
            .map(|w| self.m.balance[w])
            .sum();
        ensure(investors_sum + U256::from(others) == supply, || {
            format!(
                "Σ investor balances {investors_sum} + other wallets {others} ≠ supply {supply}"
            )
        })?;
        // the token's pass-through view, one investor per step
        self.rotate = (self.rotate + 1) % IDS;
        let i = self.rotate;
        let call = IDSToken::balanceOfInvestorCall {
            id: self.ids[i].clone(),
        };
        let b = self.s.view(token, &call);
        ensure(b == U256::from(self.m.investor_balance(i)), || {
            format!("token balanceOfInvestor({i}) {b}")
        })?;
        let (expected, expected_eu) = self.m.recount();
        let c = self.s.counts();
        let got = [c.total, c.accredited, c.us, c.us_accredited, c.jp];
        ensure(got == expected, || {
            format!(
                "counters (total, accredited, US, US accredited, JP) {got:?}, recount {expected:?}"
            )
        })?;
        for i in 0..IDS {
            let holds = self.m.investor_balance(i) > 0;
            ensure(self.m.investors[i].counted.is_some() == holds, || {
                format!(
                    "model: investor {i} counted {:?}",
                    self.m.investors[i].counted
                )
            })?;
        }
        for (k, country) in COUNTRY_POOL.iter().enumerate() {
            let n = self.s.eu_retail(country);
            ensure(n == expected_eu[k], || {
                format!("EU retail {country}: {n}, recount {}", expected_eu[k])
            })?;
        }
        Ok(())
    }
}

// ----- running sequences ---------------------------------------------------------------

/// A failed sequence: where and why, and the steps to replay it.
struct Failed {
    seed: Option<u64>,
    preset: Preset,
    steps: Vec<Step>,
    error: String,
}

impl Failed {
    fn report(&self) -> String {
        let mut text = String::new();
        let seed = self
            .seed
            .map_or("replayed steps".to_string(), |s| format!("seed {s:#x}"));
        let _ = writeln!(
            text,
            "invariants: {seed} ({:?}) failed at step {}: {}",
            self.preset,
            self.steps.len(),
            self.error
        );
        let _ = writeln!(text, "replay: run_steps(Preset::{:?}, &[", self.preset);
        for step in &self.steps {
            let _ = writeln!(text, "    {step:?},");
        }
        let _ = writeln!(text, "]);");
        text
    }
}

/// Accepted and refused steps by kind.
type Stats = BTreeMap<String, (u64, u64)>;

/// Runs `step`, then the invariants; a panic (a view that failed) is an error too.
fn step_and_check(world: &mut World, step: &Step, stats: &mut Stats) -> Result<(), String> {
    world.last_ok = None;
    let result = catch_unwind(AssertUnwindSafe(|| {
        world.apply(step)?;
        world.check()
    }));
    let kind = format!("{step:?}");
    let kind = kind
        .split([' ', '{'])
        .next()
        .unwrap_or_default()
        .to_string();
    match &world.last_ok {
        Some(Err(error)) => {
            stats.entry(kind.clone()).or_default().1 += 1;
            stats.entry(format!("{kind}: {error}")).or_default().1 += 1;
        }
        _ => stats.entry(kind).or_default().0 += 1,
    }
    match result {
        Ok(result) => result,
        Err(panic) => Err(panic
            .downcast_ref::<String>()
            .cloned()
            .or_else(|| panic.downcast_ref::<&str>().map(|s| s.to_string()))
            .unwrap_or_else(|| "panic".into())),
    }
}

/// Generates and runs `steps` steps from `seed`.
fn run_seed(seed: u64, steps: usize, stats: &mut Stats) -> Result<(), Box<Failed>> {
    let mut rng = Rng::new(seed);
    let preset = Preset::of_seed(seed);
    let mut world = World::new(preset);
    let mut done = Vec::with_capacity(steps);
    for _ in 0..steps {
        let step = generate(&mut rng, &world.m);
        done.push(step.clone());
        let result = step_and_check(&mut world, &step, stats);
        if let Err(error) = result {
            return Err(Box::new(Failed {
                seed: Some(seed),
                preset,
                steps: done,
                error,
            }));
        }
    }
    for (kind, codes) in [
        ("transfer check", &world.codes),
        ("issuance check", &world.issuance_codes),
    ] {
        for (code, n) in codes {
            stats.entry(format!("{kind} {code:>3}")).or_default().0 += n;
        }
    }
    Ok(())
}

/// Replays a fixed step list (regression tests), panicking with the report.
fn run_steps(preset: Preset, steps: &[Step]) {
    let mut world = World::new(preset);
    for (i, step) in steps.iter().enumerate() {
        if let Err(error) = step_and_check(&mut world, step, &mut Stats::new()) {
            let failed = Failed {
                seed: None,
                preset,
                steps: steps[..=i].to_vec(),
                error,
            };
            panic!("{}", failed.report());
        }
    }
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

/// The reason codes CI's sequences meet ([`SEEDS`] x [`DEFAULT_STEPS`], as
/// transfer or issuance checks), asserted: a change of the generator, the
/// presets or the rules that stops meeting one fails the test. Not met in
/// those 720 steps: 25 (flowback), 32 (US lock-up) and 51 (minimum
/// holding); every code is met on purpose in `tests/tests/reason_codes.rs`.
const CODES_MET_IN_CI: [u8; 15] = [0, 10, 15, 16, 20, 26, 33, 40, 50, 52, 61, 62, 71, 90, 100];

/// The seeds to run: `DS_INVARIANT_SEED` alone, or [`SEEDS`] extended to
/// `DS_INVARIANT_CASES` with derived seeds.
fn seeds() -> Vec<u64> {
    let cases = env_number("DS_INVARIANT_CASES").map(|n| n as usize);
    if let Some(seed) = env_number("DS_INVARIANT_SEED") {
        return (0..cases.unwrap_or(1) as u64)
            .map(|i| if i == 0 { seed } else { splitmix(seed ^ i) })
            .collect();
    }
    let cases = cases.unwrap_or(SEEDS.len());
    (0..cases)
        .map(|i| {
            SEEDS
                .get(i)
                .copied()
                .unwrap_or_else(|| splitmix(0xd5 ^ i as u64))
        })
        .collect()
}

#[test]
fn random_sequences_keep_the_invariants() {
    let seeds = seeds();
    let steps = env_number("DS_INVARIANT_STEPS").map_or(DEFAULT_STEPS, |n| n as usize);
    let started = Instant::now();
    let next = AtomicUsize::new(0);
    let failures = Mutex::new(Vec::new());
    let totals = Mutex::new(Stats::new());
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(seeds.len()));
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some(&seed) = seeds.get(i) else { break };
                let mut stats = Stats::new();
                if let Err(failed) = run_seed(seed, steps, &mut stats) {
                    eprintln!("{}", failed.report());
                    failures.lock().expect("no poisoning").push(failed.seed);
                }
                let mut totals = totals.lock().expect("no poisoning");
                for (kind, (ok, refused)) in stats {
                    let entry = totals.entry(kind).or_default();
                    entry.0 += ok;
                    entry.1 += refused;
                }
            });
        }
    });
    let totals = totals.into_inner().expect("no poisoning");
    for (kind, (ok, refused)) in &totals {
        println!("  {kind:<15} {ok:>5} accepted {refused:>5} refused");
    }
    println!(
        "invariants: {} sequences x {steps} steps = {} steps ({:.1} s)",
        seeds.len(),
        seeds.len() * steps,
        started.elapsed().as_secs_f64()
    );
    let failures = failures.into_inner().expect("no poisoning");
    assert!(
        failures.is_empty(),
        "failing seeds: {failures:x?} (reports above)"
    );
    // CI's sequences, perhaps with more seeds or steps: codes only add up
    if env_number("DS_INVARIANT_SEED").is_none()
        && seeds.len() >= SEEDS.len()
        && steps >= DEFAULT_STEPS
    {
        let met = |code: u8| {
            ["transfer check", "issuance check"].iter().any(|kind| {
                totals
                    .get(&format!("{kind} {code:>3}"))
                    .is_some_and(|(n, _)| *n > 0)
            })
        };
        let missing: Vec<u8> = CODES_MET_IN_CI.into_iter().filter(|&c| !met(c)).collect();
        assert!(
            missing.is_empty(),
            "reason codes CI's sequences no longer meet: {missing:?}"
        );
    }
}

// ----- scripted scenarios and regressions -------------------------------------------

/// A holder stays counted under the status its country had when it was
/// counted until its balance or registry data change (audit M-1 design);
/// leaving afterwards removes exactly what was added.
#[test]
fn country_status_changes_move_holders_only_when_touched() {
    run_steps(
        Preset::Regulated,
        &[
            Register {
                caller: Issuer,
                id: 0,
                country: "FR",
                wallets: (0, Some(1)),
                accredited: false,
                qualified: false,
            },
            Register {
                caller: Issuer,
                id: 1,
                country: "US",
                wallets: (2, None),
                accredited: true,
                qualified: false,
            },
            Issue {
                caller: Issuer,
                to: 0,
                value: 100,
                time: Never,
                lock: None,
            },
            Issue {
                caller: Issuer,
                to: 2,
                value: 100,
                time: Never,
                lock: None,
            },
            // FR is no longer EU, the US no longer US: both still counted as before
            CountryStatus {
                caller: Agent,
                country: "FR",
                status: region::NONE,
            },
            CountryStatus {
                caller: Agent,
                country: "US",
                status: region::JP,
            },
            // a move between the FR investor's own wallets recounts nothing
            Transfer {
                from: 0,
                to: 1,
                value: 10,
            },
            // a burn from the US investor moves it to its current category (JP)
            Burn {
                caller: Agent,
                who: 2,
                value: 1,
            },
            // the registry changes the FR investor: current category (NONE)
            SetAttribute {
                caller: Issuer,
                id: 0,
                attribute: attribute::ACCREDITED,
                status: attribute_status::APPROVED,
                expiry: Never,
            },
            // both leave: the counters go back to zero
            Burn {
                caller: Agent,
                who: 0,
                value: 90,
            },
            Burn {
                caller: Agent,
                who: 1,
                value: 10,
            },
            Seize {
                caller: Agent,
                from: 2,
                to: ISSUER_W,
                value: 99,
            },
        ],
    );
}

/// Found by seed 0x55bf504c7308cabf (campaign of 300 x 100 steps): an
/// investor registered without a country (`registerInvestor`) holds
/// tokens, and `setCountryCompliance` is asked for its country "" — refused
/// with `InvalidCountry`, which the model did not expect at first. Kept for
/// the path it takes: frozen tokens taken by a forced transfer, self
/// transfers, a bulk issuance to one wallet three times, removals.
#[test]
fn regression_seed_55bf504c7308cabf() {
    run_steps(
        Preset::Regulated,
        &[
            Register {
                caller: Master,
                id: 3,
                country: "FR",
                wallets: (1, None),
                accredited: false,
                qualified: true,
            },
            Register {
                caller: Agent,
                id: 4,
                country: "KP",
                wallets: (8, Some(4)),
                accredited: false,
                qualified: false,
            },
            SpecialWallet {
                caller: Issuer,
                wallet: 11,
                add: false,
            },
            Issue {
                caller: Issuer,
                to: 4,
                value: 705,
                time: Ago(86400),
                lock: None,
            },
            RegisterOnly {
                caller: Issuer,
                id: 1,
            },
            AddLock {
                caller: Nobody,
                wallet: 4,
                value: 72,
                release: Never,
            },
            Issue {
                caller: Issuer,
                to: 1,
                value: 991,
                time: Never,
                lock: None,
            },
            LockInvestor {
                caller: Wallet(0),
                id: 1,
                locked: false,
            },
            Issue {
                caller: Issuer,
                to: 8,
                value: 456,
                time: Never,
                lock: None,
            },
            Issue {
                caller: Issuer,
                to: 10,
                value: 253,
                time: Never,
                lock: None,
            },
            Freeze {
                caller: Agent,
                wallet: 1,
                amount: 421,
            },
            TransferFrom {
                spender: Exchange,
                from: 5,
                to: 4,
                value: 52,
                approve: None,
            },
            ForcedTransfer {
                caller: Master,
                from: 1,
                to: 10,
                value: 991,
            },
            Transfer {
                from: 10,
                to: 10,
                value: 0,
            },
            Transfer {
                from: 5,
                to: 5,
                value: 94,
            },
            Burn {
                caller: Master,
                who: 10,
                value: 539,
            },
            Transfer {
                from: 10,
                to: 1,
                value: 452,
            },
            Issue {
                caller: Issuer,
                to: 1,
                value: 505,
                time: Never,
                lock: None,
            },
            RemoveWallet {
                caller: Issuer,
                wallet: 4,
                id: 4,
            },
            AddWallet {
                caller: Agent,
                wallet: 9,
                id: 1,
            },
            Transfer {
                from: 1,
                to: 8,
                value: 596,
            },
            BulkIssue {
                caller: Issuer,
                to: (1, 1, Some(1)),
                value: 5000,
            },
            Issue {
                caller: Issuer,
                to: 1,
                value: 574,
                time: Never,
                lock: None,
            },
            Advance { seconds: 2592000 },
            Issue {
                caller: Master,
                to: 1,
                value: 881,
                time: Ago(86400),
                lock: None,
            },
            Issue {
                caller: Wallet(2),
                to: 9,
                value: 0,
                time: Never,
                lock: Some((0, In(432000))),
            },
            Transfer {
                from: 1,
                to: 1,
                value: 17311,
            },
            Transfer {
                from: 1,
                to: 9,
                value: 17412,
            },
            RemoveLock {
                caller: Master,
                wallet: 5,
                index: 0,
            },
            CountryStatus {
                caller: Agent,
                country: "",
                status: 0,
            },
        ],
    );
}
