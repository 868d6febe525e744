//! The devnet's gas model: Arbitrum nitro's pricing of Stylus programs
//! (`../shared/reference/stylus-gas-nitro.md`), with EVM prices for
//! storage, calls and logs.
//!
//! Units: programs are metered in *ink*, 1 gas = [`INK_PER_GAS`] ink. The
//! program's ink counter is a global that the instrumented module
//! ([`crate::module`]) decrements at the start of every basic block and
//! the host decrements for every hostio; gas moves between frames as EVM
//! gas, truncated from ink as nitro does.
//!
//! | part | rule |
//! |---|---|
//! | intrinsic | 21,000 + 16 per non-zero / 4 per zero calldata byte |
//! | program entry (init) | `352 + cached_init_cost`, plus `8,832 + init_cost` when the program is not cached; both from the module at activation |
//! | memory | nitro's memory model: 1,000 gas per page beyond the 2 free per transaction, plus the exponential term past 5 pages ever open |
//! | compute | `pricing_v1` ink of each executed basic block + a 2,450-ink header; `memory.fill/copy` 100 ink per byte |
//! | hostio | nitro's base ink per hostio, read/write prices per byte, keccak 121,800 + 21,000 per word past two, free storage reads/writes for the first 32/8 in a frame then 2/7 then 10 gas |
//! | storage | EIP-2929 (cold slot +2,100, warm read 100) and EIP-2200/3529 SSTORE: 20,000 set, 2,900 reset, 100 no-op or dirty; refunds capped at gas used / 5 |
//! | calls | 100 warm / 2,600 cold, +9,000 with value, +25,000 value to an empty account; 63/64 of what is left; 2,300 stipend with value |
//! | logs | 375 × (1 + topics) + 8 per data byte |

/// Ink per gas (`ArbWasm.inkPrice()`, nitro's default).
pub const INK_PER_GAS: u64 = 10_000;

/// Base transaction cost.
pub const TX_BASE_GAS: u64 = 21_000;
/// Calldata cost per zero byte (EIP-2028).
pub const TX_ZERO_BYTE_GAS: u64 = 4;
/// Calldata cost per non-zero byte (EIP-2028).
pub const TX_NONZERO_BYTE_GAS: u64 = 16;

/// EIP-2929 cold slot surcharge.
pub const COLD_SLOAD_GAS: u64 = 2_100;
/// EIP-2929 warm storage read.
pub const WARM_READ_GAS: u64 = 100;
/// EIP-2929 cold account access.
pub const COLD_ACCOUNT_GAS: u64 = 2_600;
/// SSTORE from zero to non-zero.
pub const SSTORE_SET_GAS: u64 = 20_000;
/// SSTORE of a clean non-zero slot (5,000 − cold surcharge).
pub const SSTORE_RESET_GAS: u64 = 2_900;
/// EIP-3529 refund for clearing a slot (2,900 + 1,900 access list discount).
pub const SSTORE_CLEARS_REFUND: u64 = 4_800;
/// Gas that must remain for an SSTORE to be attempted (EIP-2200).
pub const SSTORE_SENTRY_GAS: u64 = 2_300;
/// Gas a storage hostio must leave for nitro's storage cache.
pub const STORAGE_ACCESS_GAS: u64 = 10;
/// Extra cost of a call that transfers value.
pub const CALL_VALUE_GAS: u64 = 9_000;
/// Extra cost of a value transfer to an empty account.
pub const CALL_NEW_ACCOUNT_GAS: u64 = 25_000;
/// Gas a callee receiving value gets on top of what is forwarded.
pub const CALL_STIPEND: u64 = 2_300;
/// Extra account access cost of a hostio that loads code (EXTCODESIZE).
pub const CODE_ACCESS_GAS: u64 = 700;
/// LOG cost per topic, and the base cost of a LOG.
pub const LOG_TOPIC_GAS: u64 = 375;
/// LOG cost per data byte.
pub const LOG_DATA_GAS: u64 = 8;
/// Refund cap divisor (EIP-3529).
pub const MAX_REFUND_QUOTIENT: u64 = 5;
/// Code deposit per byte of created code.
pub const CODE_DEPOSIT_GAS: u64 = 200;
/// CREATE base cost.
pub const CREATE_GAS: u64 = 32_000;
/// EIP-3860 init code cost per word.
pub const INIT_CODE_WORD_GAS: u64 = 2;
/// CREATE2 hashing cost per word.
pub const KECCAK_WORD_GAS: u64 = 6;

/// Minimum program init gas, uncached (nitro `MinInitGas` 69 × 128).
pub const MIN_INIT_GAS: u64 = 8_832;
/// Minimum program init gas, cached (nitro `MinCachedInitGas` 11 × 32).
pub const MIN_CACHED_INIT_GAS: u64 = 352;
/// `ArbWasm.initCostScalar()`: percent applied to the module's costs.
pub const INIT_COST_SCALAR_PERCENT: u64 = 100;
/// Wasm pages free in every transaction.
pub const FREE_PAGES: u64 = 2;
/// Gas per further Wasm page.
pub const PAGE_GAS: u64 = 1_000;
/// `ArbWasm.pageLimit()`: pages a transaction may have open.
pub const PAGE_LIMIT: u64 = 128;
/// `ArbWasm.pageRamp()`.
pub const PAGE_RAMP: u64 = 620_674_314;
/// `ArbWasm.maxStackDepth()`.
pub const MAX_STACK_DEPTH: u32 = 4 * 65_536;

/// Ink of every hostio that may return something.
pub const HOSTIO_INK: u64 = 8_400;
/// Extra ink per pointer argument.
pub const PTR_INK: u64 = 13_440 - HOSTIO_INK;
/// Extra ink for hostios answered by the EVM side (storage, calls, logs).
pub const EVM_API_INK: u64 = 59_673;
/// keccak256 base ink (no hostio base on top).
pub const KECCAK_INK: u64 = 121_800;
/// keccak256 ink per 32-byte word past the first two.
pub const KECCAK_WORD_INK: u64 = 21_000;

/// Ink of copying `bytes` into the program's memory.
pub fn write_price(bytes: usize) -> u64 {
    5_040 + 30 * (bytes as u64).saturating_sub(32)
}

/// Ink of reading `bytes` out of the program's memory.
pub fn read_price(bytes: usize) -> u64 {
    16_381 + 55 * (bytes as u64).saturating_sub(32)
}

/// Ink of `native_keccak256` over `len` bytes.
pub fn keccak_ink(len: usize) -> u64 {
    KECCAK_INK + KECCAK_WORD_INK * words(len).saturating_sub(2)
}

/// Number of 32-byte words covering `len` bytes.
pub fn words(len: usize) -> u64 {
    (len as u64).div_ceil(32)
}

/// Gas of a LOG with `topics` topics and `data` bytes.
pub fn log_gas(topics: usize, data: usize) -> u64 {
    LOG_TOPIC_GAS * (1 + topics as u64) + LOG_DATA_GAS * data as u64
}

/// Intrinsic gas of a transaction carrying `calldata`.
pub fn intrinsic_gas(calldata: &[u8]) -> u64 {
    calldata.iter().fold(TX_BASE_GAS, |acc, &b| {
        acc + if b == 0 {
            TX_ZERO_BYTE_GAS
        } else {
            TX_NONZERO_BYTE_GAS
        }
    })
}

/// The EVM's memory cost of `len` bytes (nitro charges at least this for a
/// program's return data).
pub fn evm_memory_gas(len: usize) -> u64 {
    let w = words(len);
    3 * w + w * w / 512
}

/// nitro's exponential memory term for `pages` ever open.
fn memory_exponent(pages: u64) -> u64 {
    const EXP: [u32; 129] = [
        1, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5, 5, 6, 7, 8, 9, 11, 12, 14, 17, 19, 22, 25, 29, 33,
        38, 43, 50, 57, 65, 75, 85, 98, 112, 128, 147, 168, 193, 221, 253, 289, 331, 379, 434, 497,
        569, 651, 745, 853, 976, 1117, 1279, 1463, 1675, 1917, 2194, 2511, 2874, 3290, 3765, 4309,
        4932, 5645, 6461, 7395, 8464, 9687, 11087, 12689, 14523, 16621, 19024, 21773, 24919, 28521,
        32642, 37359, 42758, 48938, 56010, 64104, 73368, 83971, 96106, 109994, 125890, 144082,
        164904, 188735, 216010, 247226, 282953, 323844, 370643, 424206, 485509, 555672, 635973,
        727880, 833067, 953456, 1091243, 1248941, 1429429, 1636000, 1872423, 2143012, 2452704,
        2807151, 3212820, 3677113, 4208502, 4816684, 5512756, 6309419, 7221210, 8264766, 9459129,
        10826093, 12390601, 14181199, 16230562, 18576084, 21260563, 24332984, 27849408, 31873999,
    ];
    EXP.get(pages as usize).map_or(u64::MAX, |&e| u64::from(e))
}

/// Memory gas for opening `new` pages when `open` are open and at most
/// `ever` were open in this transaction (nitro's `MemoryModel::GasCost`).
pub fn memory_gas(new: u64, open: u64, ever: u64) -> u64 {
    let new_open = open.saturating_add(new);
    let new_ever = ever.max(new_open);
    if new_ever <= FREE_PAGES {
        return 0;
    }
    let adding = new_open.saturating_sub(FREE_PAGES) - open.saturating_sub(FREE_PAGES);
    let expand = memory_exponent(new_ever).saturating_sub(memory_exponent(ever));
    (adding * PAGE_GAS).saturating_add(expand)
}

/// Gas of entering a program whose module costs are `init_cost` and
/// `cached_init_cost`, cached or not (memory excluded).
pub fn entry_gas(init_cost: u64, cached_init_cost: u64, cached: bool) -> u64 {
    let scaled = |cost: u64| (cost * INIT_COST_SCALAR_PERCENT).div_ceil(100);
    let always = MIN_CACHED_INIT_GAS + scaled(cached_init_cost);
    if cached {
        always
    } else {
        always + MIN_INIT_GAS + scaled(init_cost)
    }
}

/// Gas of one transaction, by part. All parts are in gas; `hostio` and
/// `compute` are rounded from ink, and `compute` takes the rounding so the
/// parts add up to the totals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GasReport {
    /// 21,000 plus calldata bytes.
    pub intrinsic: u64,
    /// SLOAD/SSTORE at EVM prices (before refunds).
    pub storage: u64,
    /// Account access and value-transfer costs of cross-contract calls and
    /// account queries.
    pub calls: u64,
    /// Program entry costs charged (each program cached or not, as the
    /// devnet's cache says).
    pub init: u64,
    /// Program entry costs had every program entered been cached.
    pub init_if_cached: u64,
    /// Program entry costs had no program entered been cached.
    pub init_if_uncached: u64,
    /// Wasm memory pages beyond the free ones.
    pub memory: u64,
    /// LOG costs.
    pub logs: u64,
    /// Ink of the hostios themselves (leaving Wasm, pointers, copies,
    /// keccak, the storage cache).
    pub hostio: u64,
    /// Wasm execution: the ink of the basic blocks entered.
    pub compute: u64,
    /// Gas burnt by exceptional halts (traps, out of gas) in any frame.
    pub burned: u64,
    /// Storage refund granted (capped at a fifth of the gas used).
    pub refund: u64,
    /// Everything charged, after the refund (L2 gas).
    pub total: u64,
    /// [`GasReport::total`] had every program entered been cached.
    pub total_cached: u64,
    /// [`GasReport::total`] had no program entered been cached.
    pub total_uncached: u64,
    /// L1 poster gas (reported apart; not part of the L2 totals).
    pub l1: u64,
}

impl GasReport {
    /// Gas used before refunds with the given init cost.
    fn used(&self, init: u64) -> u64 {
        self.intrinsic
            + self.storage
            + self.calls
            + init
            + self.memory
            + self.logs
            + self.hostio
            + self.compute
            + self.burned
    }

    /// Fills the refund and the totals from the parts and the refund counter.
    pub(crate) fn finish(&mut self, refund_counter: u64) {
        let after_refund = |used: u64| used - refund_counter.min(used / MAX_REFUND_QUOTIENT);
        let used = self.used(self.init);
        self.refund = refund_counter.min(used / MAX_REFUND_QUOTIENT);
        self.total = used - self.refund;
        self.total_cached = after_refund(self.used(self.init_if_cached));
        self.total_uncached = after_refund(self.used(self.init_if_uncached));
    }

    /// Execution gas (total without the intrinsic part).
    pub fn execution(&self) -> u64 {
        self.total - self.intrinsic
    }
}

/// What one frame charged, by part: ink for the ink-priced parts, gas for
/// the EVM-priced ones.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FrameMeter {
    /// Gas: SLOAD/SSTORE.
    pub storage: u64,
    /// Gas: account accesses and value costs.
    pub calls: u64,
    /// Gas: memory pages.
    pub memory: u64,
    /// Gas: logs.
    pub logs: u64,
    /// Ink: hostios.
    pub hostio_ink: u64,
    /// Gas: what nested frames used (each reports its own parts).
    pub nested: u64,
}

/// Kinds of host-side charges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Storage,
    Calls,
    Memory,
    Logs,
    Hostio,
    Nested,
}

impl FrameMeter {
    /// Records `ink` under `part`.
    pub fn add(&mut self, part: Part, ink: u64) {
        let gas = ink / INK_PER_GAS;
        match part {
            Part::Storage => self.storage += gas,
            Part::Calls => self.calls += gas,
            Part::Memory => self.memory += gas,
            Part::Logs => self.logs += gas,
            Part::Nested => self.nested += gas,
            Part::Hostio => self.hostio_ink += ink,
        }
    }
}

/// One entry into a program during a transaction.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ProgramEntry {
    /// The account whose code ran.
    pub code_address: alloy_primitives::Address,
    /// Whether the program was cached.
    pub cached: bool,
    /// Entry gas charged (init, without memory).
    pub init: u64,
}

/// Transaction-wide tally until the receipt is built.
#[derive(Clone, Debug, Default)]
pub(crate) struct TxMeter {
    /// Gas: storage, calls, memory, logs.
    pub storage: u64,
    pub calls: u64,
    pub memory: u64,
    pub logs: u64,
    /// Ink: hostios.
    pub hostio_ink: u64,
    /// Gas: traps and out-of-gas halts.
    pub burned: u64,
    /// Gas: entries, as charged and in the two what-ifs.
    pub init: u64,
    pub init_if_cached: u64,
    pub init_if_uncached: u64,
    /// Programs entered, in order.
    pub entries: Vec<ProgramEntry>,
}

impl TxMeter {
    /// Adds one frame's host charges.
    pub fn add_frame(&mut self, frame: &FrameMeter) {
        self.storage += frame.storage;
        self.calls += frame.calls;
        self.memory += frame.memory;
        self.logs += frame.logs;
        self.hostio_ink += frame.hostio_ink;
    }

    /// The report of a transaction that used `used` gas beyond `intrinsic`
    /// (refunds not yet applied): EVM-priced parts are exact, `hostio` is
    /// rounded down and `compute` is the rest.
    pub fn report(&self, intrinsic: u64, used: u64, refund_counter: u64) -> GasReport {
        let mut report = GasReport {
            intrinsic,
            storage: self.storage,
            calls: self.calls,
            init: self.init,
            init_if_cached: self.init_if_cached,
            init_if_uncached: self.init_if_uncached,
            memory: self.memory,
            logs: self.logs,
            hostio: self.hostio_ink / INK_PER_GAS,
            burned: self.burned,
            ..GasReport::default()
        };
        let accounted = report.storage
            + report.calls
            + report.init
            + report.memory
            + report.logs
            + report.hostio
            + report.burned;
        report.compute = used.saturating_sub(accounted);
        report.finish(refund_counter);
        report
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn intrinsic_counts_zero_and_nonzero_bytes() {
        assert_eq!(intrinsic_gas(&[]), 21_000);
        assert_eq!(intrinsic_gas(&[0, 1, 0, 2]), 21_000 + 4 + 16 + 4 + 16);
    }

    #[test]
    fn memory_model_is_nitros() {
        assert_eq!(memory_gas(2, 0, 0), 0);
        assert_eq!(memory_gas(3, 0, 0), 1_000);
        assert_eq!(memory_gas(2, 2, 2), 2_000);
        assert_eq!(memory_gas(1, 1, 4), 0);
        // past 5 pages ever open the exponential term starts: exp(6) − exp(5) = 1
        assert_eq!(memory_gas(1, 5, 5), 1_000 + 1);
        assert_eq!(memory_gas(3, 3, 3), 3_000 + 1);
    }

    #[test]
    fn entry_gas_adds_the_uncached_part_only_when_not_cached() {
        assert_eq!(entry_gas(0, 0, true), 352);
        assert_eq!(entry_gas(0, 0, false), 352 + 8_832);
        assert_eq!(entry_gas(10_000, 1_000, true), 1_352);
        assert_eq!(entry_gas(10_000, 1_000, false), 1_352 + 18_832);
    }

    #[test]
    fn hostio_prices_are_nitros() {
        assert_eq!(write_price(32), 5_040);
        assert_eq!(write_price(100), 5_040 + 30 * 68);
        assert_eq!(read_price(4), 16_381);
        assert_eq!(read_price(68), 16_381 + 55 * 36);
        // two words are free of the per-word price
        assert_eq!(keccak_ink(64), 121_800);
        assert_eq!(keccak_ink(65), 121_800 + 21_000);
        assert_eq!(log_gas(3, 32), 4 * 375 + 256);
    }

    #[test]
    fn refund_is_capped_at_a_fifth() {
        let mut r = GasReport {
            intrinsic: 21_000,
            storage: 29_000,
            ..Default::default()
        };
        r.finish(100_000);
        assert_eq!(r.refund, 10_000);
        assert_eq!(r.total, 40_000);
        r.finish(4_800);
        assert_eq!(r.total, 50_000 - 4_800);
    }
}
