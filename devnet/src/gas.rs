//! The devnet's gas model: EVM prices for storage, calls and logs, Stylus
//! ink prices for hostios and Wasm compute, and Stylus program-entry costs.
//!
//! Units: the Stylus VM meters in *ink*, 1 gas = [`INK_PER_GAS`] ink. The
//! interpreter's fuel counts [`INK_PER_FUEL`] ink per unit (wasmi stores an
//! operator's cost in a `u8`, so ink prices are scaled down by 40 and rounded;
//! `call_indirect`, whose 13,610 ink exceed 255 × 40, is clamped to 10,200 ink).
//! Every host-side charge is converted to fuel (rounded up), so one fuel
//! counter enforces the gas limit for compute and host work alike.
//!
//! | part | rule |
//! |---|---|
//! | intrinsic | 21,000 + 16 per non-zero / 4 per zero calldata byte (reported apart) |
//! | storage | EIP-2929 (cold slot +2,100, warm read 100) and EIP-2200/3529 SSTORE: 20,000 set, 2,900 reset, 100 no-op or dirty; refunds 4,800 clear / 19,900 / 2,800 restore, capped at gas used / 5 |
//! | calls | CALL access 100 warm / 2,600 cold, +9,000 with value; the callee gets at most 63/64 of what is left |
//! | init | per program entry: 8,832 uncached (charged) and 352 cached (reported) |
//! | memory | 1,000 gas per page beyond the 2 free pages per transaction (linear part of nitro's model) |
//! | logs | 375 + 375 per topic + 8 per data byte |
//! | hostio | the published ink price of each hostio (0.84 gas to leave Wasm, 0.504/1.344 gas for pointers, …) |
//! | compute | interpreter fuel × 40 ink at the published opcode ink prices |

use wasmi::OperatorCost;

/// Ink per gas (Arbitrum's published conversion).
pub const INK_PER_GAS: u64 = 10_000;
/// Ink per unit of interpreter fuel.
pub const INK_PER_FUEL: u64 = 40;
/// Fuel per gas.
pub const FUEL_PER_GAS: u64 = INK_PER_GAS / INK_PER_FUEL;

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
/// Extra cost of a call that transfers value.
pub const CALL_VALUE_GAS: u64 = 9_000;
/// LOG base cost.
pub const LOG_GAS: u64 = 375;
/// LOG cost per topic.
pub const LOG_TOPIC_GAS: u64 = 375;
/// LOG cost per data byte.
pub const LOG_DATA_GAS: u64 = 8;
/// RETURNDATACOPY cost per word.
pub const COPY_WORD_GAS: u64 = 3;
/// Refund cap divisor (EIP-3529).
pub const MAX_REFUND_QUOTIENT: u64 = 5;

/// Minimum program init gas, uncached (nitro `MinInitGas` 69 × 128).
pub const MIN_INIT_GAS: u64 = 8_832;
/// Minimum program init gas, cached (nitro `MinCachedInitGas` 11 × 32).
pub const MIN_CACHED_INIT_GAS: u64 = 352;
/// Wasm pages free in every transaction.
pub const FREE_PAGES: u64 = 2;
/// Gas per further Wasm page.
pub const PAGE_GAS: u64 = 1_000;

/// Ink to leave Wasm for any hostio.
pub const HOSTIO_INK: u64 = 8_400;
/// Extra ink per pointer argument.
pub const PTR_INK: u64 = 13_440 - HOSTIO_INK;
/// Extra ink for hostios answered by the EVM side (storage, calls, logs).
pub const EVM_API_INK: u64 = 59_673;
/// `read_args` ink per byte beyond the first 32.
pub const READ_BYTE_INK: u64 = 5_040;
/// `write_result` ink per byte beyond the first 32.
pub const WRITE_BYTE_INK: u64 = 16_381;
/// keccak256 base ink.
pub const KECCAK_INK: u64 = 121_800;
/// keccak256 ink per 32-byte word.
pub const KECCAK_WORD_INK: u64 = 21_000;

/// Ink of `read_args` for `len` bytes.
pub fn read_args_ink(len: usize) -> u64 {
    HOSTIO_INK + READ_BYTE_INK * (len as u64).saturating_sub(32)
}

/// Ink of `write_result` for `len` bytes.
pub fn write_result_ink(len: usize) -> u64 {
    HOSTIO_INK + WRITE_BYTE_INK * (len as u64).saturating_sub(32)
}

/// Ink of `native_keccak256` over `len` bytes.
pub fn keccak_ink(len: usize) -> u64 {
    KECCAK_INK + KECCAK_WORD_INK * words(len)
}

/// Number of 32-byte words covering `len` bytes.
pub fn words(len: usize) -> u64 {
    (len as u64).div_ceil(32)
}

/// Gas of a LOG with `topics` topics and `data` bytes.
pub fn log_gas(topics: usize, data: usize) -> u64 {
    LOG_GAS + LOG_TOPIC_GAS * topics as u64 + LOG_DATA_GAS * data as u64
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

/// Memory gas for opening `new` pages when `open` are open and at most
/// `ever` were open in this transaction (linear part of nitro's model).
pub fn memory_gas(new: u64, open: u64, ever: u64) -> u64 {
    let new_open = open + new;
    if new_open.max(ever) <= FREE_PAGES {
        return 0;
    }
    let adding = new_open.saturating_sub(FREE_PAGES) - open.saturating_sub(FREE_PAGES);
    adding * PAGE_GAS
}

/// Converts ink to fuel, rounding up.
pub fn ink_to_fuel(ink: u64) -> u64 {
    ink.div_ceil(INK_PER_FUEL)
}

/// Converts gas to fuel.
pub fn gas_to_fuel(gas: u64) -> u64 {
    gas.saturating_mul(FUEL_PER_GAS)
}

/// Converts fuel to gas, rounding up.
pub fn fuel_to_gas(fuel: u64) -> u64 {
    fuel.div_ceil(FUEL_PER_GAS)
}

/// Fuel for an opcode priced at `ink`, clamped to the interpreter's `u8`.
fn op(ink: u64) -> u8 {
    let fuel = (ink + INK_PER_FUEL / 2) / INK_PER_FUEL;
    u8::try_from(fuel).unwrap_or(u8::MAX)
}

/// The interpreter's operator costs: Stylus opcode ink prices in fuel units.
pub fn operator_costs() -> OperatorCost {
    let mut c = OperatorCost::default();
    let (ctrl, branch) = (op(1), op(765));
    (
        c.unreachable,
        c.nop,
        c.block,
        c.loop_,
        c.else_,
        c.end,
        c.return_,
    ) = (ctrl, ctrl, ctrl, ctrl, ctrl, ctrl, ctrl);
    (c.if_, c.br, c.br_if, c.br_table) = (branch, branch, branch, op(2_400 + 325 * 4));
    (c.call, c.call_indirect, c.drop, c.select) = (op(3_800), op(13_610), op(9), op(1_250));
    (c.local_get, c.local_tee, c.local_set) = (op(75), op(75), op(210));
    (c.global_get, c.global_set) = (op(225), op(575));
    let (l32, l64, s32, s64) = (op(670), op(680), op(825), op(950));
    (
        c.i32_load,
        c.i32_load8_s,
        c.i32_load8_u,
        c.i32_load16_s,
        c.i32_load16_u,
    ) = (l32, l32, l32, l32, l32);
    (
        c.i64_load,
        c.i64_load8_s,
        c.i64_load8_u,
        c.i64_load16_s,
        c.i64_load16_u,
    ) = (l64, l64, l64, l64, l64);
    (c.i64_load32_s, c.i64_load32_u, c.f32_load, c.f64_load) = (l64, l64, l32, l64);
    (c.i32_store, c.i32_store8, c.i32_store16) = (s32, s32, s32);
    (c.i64_store, c.i64_store8, c.i64_store16, c.i64_store32) = (s64, s64, s64, s64);
    (c.f32_store, c.f64_store) = (s32, s64);
    (c.memory_size, c.memory_grow) = (op(3_000), op(8_050));
    (c.i32_const, c.i64_const) = (op(1), op(1));
    let (cmp32, cmp64) = (op(170), op(225));
    (
        c.i32_eqz, c.i32_eq, c.i32_ne, c.i32_lt_s, c.i32_lt_u, c.i32_gt_s,
    ) = (cmp32, cmp32, cmp32, cmp32, cmp32, cmp32);
    (c.i32_gt_u, c.i32_le_s, c.i32_le_u, c.i32_ge_s, c.i32_ge_u) =
        (cmp32, cmp32, cmp32, cmp32, cmp32);
    (
        c.i64_eqz, c.i64_eq, c.i64_ne, c.i64_lt_s, c.i64_lt_u, c.i64_gt_s,
    ) = (cmp64, cmp64, cmp64, cmp64, cmp64, cmp64);
    (c.i64_gt_u, c.i64_le_s, c.i64_le_u, c.i64_ge_s, c.i64_ge_u) =
        (cmp64, cmp64, cmp64, cmp64, cmp64);
    let (a32, a64) = (op(70), op(100));
    (c.i32_clz, c.i32_ctz, c.i32_popcnt) = (op(210), op(210), op(2_650));
    (c.i32_add, c.i32_sub, c.i32_mul) = (a32, a32, op(160));
    (c.i32_div_s, c.i32_div_u, c.i32_rem_s, c.i32_rem_u) =
        (op(1_120), op(1_120), op(1_120), op(1_120));
    (c.i32_and, c.i32_or, c.i32_xor, c.i32_shl) = (a32, a32, a32, a32);
    (c.i32_shr_s, c.i32_shr_u, c.i32_rotl, c.i32_rotr) = (a32, a32, a32, a32);
    (c.i64_clz, c.i64_ctz, c.i64_popcnt) = (op(210), op(210), op(6_000));
    (c.i64_add, c.i64_sub, c.i64_mul) = (a64, a64, op(160));
    (c.i64_div_s, c.i64_div_u, c.i64_rem_s, c.i64_rem_u) =
        (op(1_270), op(1_270), op(1_270), op(1_270));
    (c.i64_and, c.i64_or, c.i64_xor, c.i64_shl) = (a64, a64, a64, a64);
    (c.i64_shr_s, c.i64_shr_u, c.i64_rotl, c.i64_rotr) = (a64, a64, a64, a64);
    (c.i32_wrap_i64, c.i64_extend_i32_s, c.i64_extend_i32_u) = (a64, a64, a64);
    (c.i32_extend8_s, c.i32_extend16_s) = (a64, a64);
    (c.i64_extend8_s, c.i64_extend16_s, c.i64_extend32_s) = (a64, a64, a64);
    (c.memory_copy, c.memory_fill) = (op(950), op(950));
    c
}

/// Gas of one transaction, by part. All parts are in gas; `hostio` and
/// `compute` are rounded up from ink, so the parts add up to the totals.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GasReport {
    /// 21,000 plus calldata bytes.
    pub intrinsic: u64,
    /// SLOAD/SSTORE at EVM prices (before refunds).
    pub storage: u64,
    /// Account access and value-transfer costs of cross-contract calls.
    pub calls: u64,
    /// Program entry costs, uncached (what the devnet charges).
    pub init_uncached: u64,
    /// Program entry costs if every program were cached (reported only).
    pub init_cached: u64,
    /// Wasm memory pages beyond the free ones.
    pub memory: u64,
    /// LOG costs.
    pub logs: u64,
    /// Ink of the hostios themselves (leaving Wasm, pointers, copies, keccak).
    pub hostio: u64,
    /// Wasm execution at the opcode ink prices.
    pub compute: u64,
    /// Gas burnt by exceptional halts (traps, out of gas) in any frame.
    pub burned: u64,
    /// Storage refund granted (capped at a fifth of the gas used), uncached.
    pub refund: u64,
    /// Everything, with uncached program entries, after the refund.
    pub total_uncached: u64,
    /// Everything, with cached program entries, after the refund.
    pub total_cached: u64,
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
        let uncached = self.used(self.init_uncached);
        let cached = self.used(self.init_cached);
        self.refund = refund_counter.min(uncached / MAX_REFUND_QUOTIENT);
        self.total_uncached = uncached - self.refund;
        self.total_cached = cached - refund_counter.min(cached / MAX_REFUND_QUOTIENT);
    }

    /// Execution gas (total without the intrinsic part), uncached.
    pub fn execution_uncached(&self) -> u64 {
        self.total_uncached - self.intrinsic
    }
}

/// Fuel charged by the host in one frame, by part.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FuelMeter {
    pub storage: u64,
    pub calls: u64,
    pub memory: u64,
    pub logs: u64,
    pub hostio: u64,
}

/// Kinds of host-side charges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    Storage,
    Calls,
    Logs,
    Hostio,
}

impl FuelMeter {
    /// Records `fuel` under `part`.
    pub fn add(&mut self, part: Part, fuel: u64) {
        let slot = match part {
            Part::Storage => &mut self.storage,
            Part::Calls => &mut self.calls,
            Part::Logs => &mut self.logs,
            Part::Hostio => &mut self.hostio,
        };
        *slot += fuel;
    }

    /// Sum of all parts.
    pub fn total(&self) -> u64 {
        self.storage + self.calls + self.memory + self.logs + self.hostio
    }
}

/// Transaction-wide gas tally, in fuel (exact) until the receipt is built.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct TxMeter {
    pub host: FuelMeter,
    pub compute: u64,
    pub burned: u64,
    pub init_uncached: u64,
    pub init_cached: u64,
}

impl TxMeter {
    /// The report for this tally plus `intrinsic`, refunds applied. EVM-priced
    /// parts are exact; `hostio` and `burned` are rounded down and `compute`
    /// takes the rounding, so the parts add up to the rounded-up fuel total.
    pub fn report(&self, intrinsic: u64, refund_counter: u64) -> GasReport {
        let h = &self.host;
        let fuel = h.total() + self.compute + self.burned;
        let metered = fuel_to_gas(fuel);
        let mut report = GasReport {
            intrinsic,
            storage: h.storage / FUEL_PER_GAS,
            calls: h.calls / FUEL_PER_GAS,
            init_uncached: self.init_uncached,
            init_cached: self.init_cached,
            memory: h.memory / FUEL_PER_GAS,
            logs: h.logs / FUEL_PER_GAS,
            hostio: h.hostio / FUEL_PER_GAS,
            burned: self.burned / FUEL_PER_GAS,
            ..GasReport::default()
        };
        let exact = report.storage + report.calls + report.memory + report.logs;
        report.compute = metered.saturating_sub(exact + report.hostio + report.burned);
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
    fn memory_pages_beyond_free_cost_linear_gas() {
        assert_eq!(memory_gas(2, 0, 0), 0);
        assert_eq!(memory_gas(3, 0, 0), 1_000);
        assert_eq!(memory_gas(2, 2, 2), 2_000);
        assert_eq!(memory_gas(1, 1, 4), 0);
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
        assert_eq!(r.total_uncached, 40_000);
        r.finish(4_800);
        assert_eq!(r.total_uncached, 50_000 - 4_800);
    }

    #[test]
    fn operator_costs_follow_ink_prices() {
        let c = operator_costs();
        assert_eq!(c.i32_add, 2); // 70 ink ≈ 80
        assert_eq!(c.call, 95); // 3,800 ink
        assert_eq!(c.call_indirect, u8::MAX); // clamped
        assert_eq!(c.i32_store, 21); // 825 ink ≈ 840
    }
}
