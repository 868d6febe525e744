//! What nitro derives from a Stylus module at activation, computed from the
//! decompressed Wasm: the program-entry costs (`init_cost`,
//! `cached_init_cost`), the activation gas and the native-code size
//! estimate behind the data fee — and the module as nitro meters it, with
//! an ink counter charged at the start of every basic block.
//!
//! The rules (written from nitro's `crates/prover`, `binary.rs`,
//! `programs/meter.rs`, `programs/dynamic.rs` and `programs/mod.rs`; see
//! `../shared/reference/stylus-gas-nitro.md`):
//!
//! - a basic block ends after `end`, `else`, `return`, `loop`, `br`,
//!   `br_if`, `br_table`, `if`, `call` and `call_indirect`; when a block is
//!   entered it pays the `pricing_v1` ink of its operators plus a
//!   2,450-ink header, and a block the program cannot pay for traps with
//!   the ink status set (out of gas);
//! - `memory.fill` / `memory.copy` also pay 100 ink per byte when they run;
//! - entry costs, each term truncated: `init_cost = funcs·8252/1000 +
//!   type_len·1059/1000 + wasm_len·1286/10000` and `cached_init_cost =
//!   funcs·13420/100000 + type_len·89/100000 + wasm_len·122/100000 +
//!   globals·1628/1000 + data_len·75244/100000 + pages·5`, where `globals`
//!   counts the four globals nitro's instrumentation adds and `data_len` the
//!   bytes of the data and element segments (headers included).

use alloy_primitives::keccak256;
use wasm_encoder::{
    reencode::{Reencode, RoundtripReencoder},
    ConstExpr, ExportKind, GlobalType, Instruction, ValType,
};
use wasmparser::{FuncType, Operator, Parser, Payload};

/// Ink of the check made at the start of every basic block.
pub const BLOCK_HEADER_INK: u64 = 2_450;
/// Ink per byte of `memory.fill` and `memory.copy`.
pub const MEMORY_BYTE_INK: u64 = 100;
/// Globals nitro's instrumentation adds to every module (ink left, ink
/// status, the dynamic meter's scratch, the depth counter).
pub const INSTRUMENTATION_GLOBALS: u64 = 4;
/// Export name of the ink counter in the instrumented module.
pub const INK_LEFT: &str = "stylus_ink_left";
/// Export name of the ink status (1 once the program ran out of ink).
pub const INK_STATUS: &str = "stylus_ink_status";

/// The figures of a module that nitro's cost formulas use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ModuleInfo {
    /// Decompressed Wasm bytes.
    pub wasm_len: u64,
    /// Local function bodies.
    pub funcs: u64,
    /// Parameters plus results over the types of the local functions.
    pub type_len: u64,
    /// Globals the module defines plus [`INSTRUMENTATION_GLOBALS`].
    pub globals: u64,
    /// Bytes of the data segments, headers included.
    pub data_segments_len: u64,
    /// Bytes of the element segments, headers included.
    pub elem_segments_len: u64,
    /// Bytes of data the data segments carry (their payload only).
    pub data_payload_len: u64,
    /// Initial pages of linear memory.
    pub pages: u64,
    /// Operators over all function bodies after metering was inserted.
    pub metered_ops: u64,
}

impl ModuleInfo {
    /// `init_cost`: gas of an entry into the program when it is not cached
    /// (on top of the 8,832 minimum; what `ArbWasm.programInitGas` adds).
    pub fn init_cost(&self) -> u64 {
        self.funcs * 8_252 / 1_000 + self.type_len * 1_059 / 1_000 + self.wasm_len * 1_286 / 10_000
    }

    /// `cached_init_cost`: gas of every entry into the program (on top of
    /// the 352 minimum), cached or not.
    pub fn cached_init_cost(&self) -> u64 {
        self.funcs * 13_420 / 100_000
            + self.type_len * 89 / 100_000
            + self.wasm_len * 122 / 100_000
            + self.globals * 1_628 / 1_000
            + (self.data_segments_len + self.elem_segments_len) * 75_244 / 100_000
            + self.pages * 5
    }

    /// nitro's estimate of the native code size, in bytes (the data fee is
    /// priced on it).
    pub fn asm_estimate(&self) -> u64 {
        512_000
            + self.funcs * 996_829 / 1_000
            + self.type_len * 11_416 / 1_000
            + self.wasm_len * 62_628 / 10_000
    }

    /// Gas `activateProgram` burns compiling the module: nitro's
    /// microsecond estimates of each part, 28 gas per microsecond. The
    /// code term counts the operators with the ink meter inserted but not
    /// the depth checker's frame accounting (an approximation: nitro
    /// counts the operators after all of its instrumentation).
    pub fn activation_gas(&self) -> u64 {
        let us = [
            self.wasm_len * 31_733 / 100_000,
            self.funcs * 17_263 / 100_000,
            self.data_payload_len * 17_376 / 100_000,
            self.elem_segments_len * 17_376 / 100_000,
            self.pages * 2_217,
            self.metered_ops * 535 / 1_000,
        ];
        us.iter().map(|us| us * 28).sum()
    }
}

/// A module with nitro's ink meter inserted, and its figures.
#[derive(Clone, Debug)]
pub struct Metered {
    /// The figures of the original module.
    pub info: ModuleInfo,
    /// The instrumented module, exporting [`INK_LEFT`] and [`INK_STATUS`].
    pub wasm: Vec<u8>,
    /// keccak256 of the original module.
    pub module_hash: alloy_primitives::B256,
}

/// The `pricing_v1` ink of `op`, or `None` for an operator Stylus does not
/// support (floats, SIMD, references, tables, threads, exceptions...).
pub fn op_ink(op: &Operator, types: &[FuncType]) -> Option<u64> {
    use Operator::*;
    let ink = match op {
        Unreachable | Return | Nop | I32Const { .. } | I64Const { .. } => 1,
        Block { .. } | Loop { .. } | Else | End => 1,
        Drop => 9,
        Br { .. } | BrIf { .. } | If { .. } => 765,
        Select => 1_250,
        Call { .. } => 3_800,
        LocalGet { .. } | LocalTee { .. } => 75,
        LocalSet { .. } => 210,
        GlobalGet { .. } => 225,
        GlobalSet { .. } => 575,
        I32Load { .. }
        | I32Load8S { .. }
        | I32Load8U { .. }
        | I32Load16S { .. }
        | I32Load16U { .. } => 670,
        I64Load { .. }
        | I64Load8S { .. }
        | I64Load8U { .. }
        | I64Load16S { .. }
        | I64Load16U { .. }
        | I64Load32S { .. }
        | I64Load32U { .. } => 680,
        I32Store { .. } | I32Store8 { .. } | I32Store16 { .. } => 825,
        I64Store { .. } | I64Store8 { .. } | I64Store16 { .. } | I64Store32 { .. } => 950,
        MemorySize { .. } => 3_000,
        MemoryGrow { .. } => 8_050,
        I32Eqz | I32Eq | I32Ne | I32LtS | I32LtU | I32GtS | I32GtU | I32LeS | I32LeU | I32GeS
        | I32GeU => 170,
        I64Eqz | I64Eq | I64Ne | I64LtS | I64LtU | I64GtS | I64GtU | I64LeS | I64LeU | I64GeS
        | I64GeU => 225,
        I32Clz | I32Ctz | I64Clz | I64Ctz => 210,
        I32Add | I32Sub => 70,
        I32Mul | I64Mul => 160,
        I32DivS | I32DivU | I32RemS | I32RemU => 1_120,
        I32And | I32Or | I32Xor | I32Shl | I32ShrS | I32ShrU | I32Rotl | I32Rotr => 70,
        I64Add | I64Sub => 100,
        I64DivS | I64DivU | I64RemS | I64RemU => 1_270,
        I64And | I64Or | I64Xor | I64Shl | I64ShrS | I64ShrU | I64Rotl | I64Rotr => 100,
        I32Popcnt => 2_650,
        I64Popcnt => 6_000,
        I32WrapI64 | I64ExtendI32S | I64ExtendI32U => 100,
        I32Extend8S | I32Extend16S | I64Extend8S | I64Extend16S | I64Extend32S => 100,
        MemoryCopy { .. } | MemoryFill { .. } => 950,
        BrTable { targets } => 2_400 + 325 * u64::from(targets.len()),
        CallIndirect { type_index, .. } => {
            let inputs = types.get(*type_index as usize)?.params().len() as u64;
            13_610 + 650 * inputs
        }
        _ => return None,
    };
    Some(ink)
}

/// Whether a basic block ends after `op` (nitro's `ends_basic_block`).
pub fn ends_basic_block(op: &Operator) -> bool {
    use Operator::*;
    matches!(
        op,
        End | Else
            | Return
            | Loop { .. }
            | Br { .. }
            | BrTable { .. }
            | BrIf { .. }
            | If { .. }
            | Call { .. }
            | CallIndirect { .. }
    )
}

/// Indices of the globals the meter adds.
#[derive(Clone, Copy)]
struct MeterGlobals {
    ink: u32,
    status: u32,
    scratch: u32,
}

/// Reads `wasm`'s figures and inserts nitro's ink meter.
pub fn meter(wasm: &[u8]) -> Result<Metered, String> {
    let err = |e: wasmparser::BinaryReaderError| format!("invalid Wasm: {e}");
    let mut info = ModuleInfo {
        wasm_len: wasm.len() as u64,
        globals: INSTRUMENTATION_GLOBALS,
        ..ModuleInfo::default()
    };
    let mut types: Vec<FuncType> = Vec::new();
    let mut local_types: Vec<u32> = Vec::new();
    let mut imported_globals = 0u32;
    let mut defined_globals = 0u32;
    // First pass: the figures and the global indices the meter will use.
    for payload in Parser::new(0).parse_all(wasm) {
        match payload.map_err(err)? {
            Payload::TypeSection(r) => {
                for ty in r.into_iter_err_on_gc_types() {
                    types.push(ty.map_err(err)?);
                }
            }
            Payload::ImportSection(r) => {
                for import in r.into_imports() {
                    if matches!(import.map_err(err)?.ty, wasmparser::TypeRef::Global(_)) {
                        imported_globals += 1;
                    }
                }
            }
            Payload::FunctionSection(r) => {
                for ty in r {
                    local_types.push(ty.map_err(err)?);
                }
            }
            Payload::GlobalSection(r) => defined_globals = r.count(),
            Payload::MemorySection(r) => {
                if let Some(memory) = r.into_iter().next() {
                    info.pages = memory.map_err(err)?.initial;
                }
            }
            Payload::DataSection(r) => {
                for data in r {
                    let data = data.map_err(err)?;
                    info.data_segments_len += data.range.end - data.range.start;
                    info.data_payload_len += data.data.len() as u64;
                }
            }
            Payload::ElementSection(r) => {
                for elem in r {
                    let elem = elem.map_err(err)?;
                    info.elem_segments_len += elem.range.end - elem.range.start;
                }
            }
            Payload::CodeSectionEntry(_) => info.funcs += 1,
            _ => {}
        }
    }
    for index in &local_types {
        let ty = types
            .get(*index as usize)
            .ok_or("function of an unknown type")?;
        info.type_len += (ty.params().len() + ty.results().len()) as u64;
    }
    info.globals += u64::from(defined_globals);
    let first = imported_globals + defined_globals;
    let globals = MeterGlobals {
        ink: first,
        status: first + 1,
        scratch: first + 2,
    };

    // Second pass: the instrumented module (custom sections dropped).
    let mut module = wasm_encoder::Module::new();
    let mut globals_written = false;
    let mut code = wasm_encoder::CodeSection::new();
    for payload in Parser::new(0).parse_all(wasm) {
        let payload = payload.map_err(err)?;
        match &payload {
            Payload::GlobalSection(r) => {
                let mut section = wasm_encoder::GlobalSection::new();
                RoundtripReencoder
                    .parse_global_section(&mut section, r.clone())
                    .map_err(|e| format!("invalid Wasm: {e}"))?;
                add_meter_globals(&mut section);
                module.section(&section);
                globals_written = true;
            }
            Payload::ExportSection(r) => {
                if !globals_written {
                    let mut section = wasm_encoder::GlobalSection::new();
                    add_meter_globals(&mut section);
                    module.section(&section);
                    globals_written = true;
                }
                let mut section = wasm_encoder::ExportSection::new();
                RoundtripReencoder
                    .parse_export_section(&mut section, r.clone())
                    .map_err(|e| format!("invalid Wasm: {e}"))?;
                section.export(INK_LEFT, ExportKind::Global, globals.ink);
                section.export(INK_STATUS, ExportKind::Global, globals.status);
                module.section(&section);
            }
            Payload::CodeSectionEntry(body) => {
                let (function, ops) = meter_body(body, &types, globals)?;
                info.metered_ops += ops;
                code.function(&function);
            }
            Payload::CodeSectionStart { .. } | Payload::CustomSection(_) => {}
            Payload::DataSection(_) | Payload::End(_) if !code.is_empty() => {
                module.section(&code);
                code = wasm_encoder::CodeSection::new();
                if let Some((id, range)) = payload.as_section() {
                    raw_section(&mut module, wasm, id, range);
                }
            }
            other => {
                if let Some((id, range)) = other.as_section() {
                    raw_section(&mut module, wasm, id, range);
                }
            }
        }
    }
    if !globals_written {
        return Err("missing export section".into());
    }
    Ok(Metered {
        info,
        wasm: module.finish(),
        module_hash: keccak256(wasm),
    })
}

fn raw_section(
    module: &mut wasm_encoder::Module,
    wasm: &[u8],
    id: u8,
    range: std::ops::Range<u64>,
) {
    let data = &wasm[range.start as usize..range.end as usize];
    module.section(&wasm_encoder::RawSection { id, data });
}

fn add_meter_globals(section: &mut wasm_encoder::GlobalSection) {
    let global = |val_type| GlobalType {
        val_type,
        mutable: true,
        shared: false,
    };
    section.global(global(ValType::I64), &ConstExpr::i64_const(0));
    section.global(global(ValType::I32), &ConstExpr::i32_const(0));
    section.global(global(ValType::I32), &ConstExpr::i32_const(0));
}

/// One function body with the ink charge at the start of every basic
/// block; returns it and its operator count.
fn meter_body(
    body: &wasmparser::FunctionBody,
    types: &[FuncType],
    g: MeterGlobals,
) -> Result<(wasm_encoder::Function, u64), String> {
    let err = |e: wasmparser::BinaryReaderError| format!("invalid Wasm: {e}");
    let mut function = RoundtripReencoder
        .new_function_with_parsed_locals(body)
        .map_err(|e| format!("invalid Wasm: {e}"))?;
    let mut out: Vec<Instruction> = Vec::new();
    let mut block: Vec<Operator> = Vec::new();
    let mut cost = 0u64;
    let mut reader = body.get_operators_reader().map_err(err)?;
    while !reader.eof() {
        let op = reader.read().map_err(err)?;
        let ink = op_ink(&op, types).ok_or_else(|| format!("unsupported operator {op:?}"))?;
        cost = cost.saturating_add(ink);
        let ends = ends_basic_block(&op);
        block.push(op);
        if ends {
            let charge = i64::try_from(cost.saturating_add(BLOCK_HEADER_INK)).unwrap_or(i64::MAX);
            out.extend(block_header(g, charge));
            for op in block.drain(..) {
                if matches!(
                    op,
                    Operator::MemoryFill { .. } | Operator::MemoryCopy { .. }
                ) {
                    out.extend(per_byte_charge(g));
                }
                let instruction = RoundtripReencoder
                    .instruction(op)
                    .map_err(|e| format!("invalid Wasm: {e}"))?;
                out.push(instruction);
            }
            cost = 0;
        }
    }
    if !block.is_empty() {
        return Err("function body does not end with `end`".into());
    }
    let ops = out.len() as u64;
    for instruction in &out {
        function.instruction(instruction);
    }
    Ok((function, ops))
}

/// On the condition on top of the stack: `status = 1; trap`.
fn trap_out_of_ink(g: MeterGlobals) -> [Instruction<'static>; 5] {
    use Instruction::*;
    [
        If(wasm_encoder::BlockType::Empty),
        I32Const(1),
        GlobalSet(g.status),
        Unreachable,
        End,
    ]
}

/// `if ink < cost { status = 1; trap }; ink -= cost`.
fn block_header(g: MeterGlobals, cost: i64) -> Vec<Instruction<'static>> {
    use Instruction::*;
    let mut out = vec![GlobalGet(g.ink), I64Const(cost), I64LtU];
    out.extend(trap_out_of_ink(g));
    out.extend([GlobalGet(g.ink), I64Const(cost), I64Sub, GlobalSet(g.ink)]);
    out
}

/// Before `memory.fill` / `memory.copy` (byte count on top of the stack):
/// `ink -= count × 100`, trapping with the status set on underflow.
fn per_byte_charge(g: MeterGlobals) -> Vec<Instruction<'static>> {
    use Instruction::*;
    // [count] → scratch; [old ink, old ink − count × 100] → ink; then
    // (old ink < new ink) means the subtraction wrapped.
    let mut out = vec![
        GlobalSet(g.scratch),
        GlobalGet(g.ink),
        GlobalGet(g.ink),
        GlobalGet(g.scratch),
        I64ExtendI32U,
        I64Const(MEMORY_BYTE_INK as i64),
        I64Mul,
        I64Sub,
        GlobalSet(g.ink),
        GlobalGet(g.ink),
        I64LtU,
    ];
    out.extend(trap_out_of_ink(g));
    out.push(GlobalGet(g.scratch));
    out
}
