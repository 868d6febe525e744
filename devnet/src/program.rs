//! An activated Stylus program: its deployed code (`EF F0 00 ‖ dictionary
//! ‖ brotli(wasm)`), the module's figures fixed at activation
//! ([`ModuleInfo`]: init costs, activation gas) and the metered module the
//! interpreter runs. Programs are compiled once per process and shared by
//! every devnet (one interpreter engine for all of them).

use std::{
    collections::HashMap,
    io::Write,
    sync::{Arc, Mutex, OnceLock},
};

use alloy_primitives::{keccak256, B256};
use wasmi::{Config, Engine, ExternType, Linker, Module, ValType};

use crate::{
    exec::Frame,
    hostio,
    module::{self, ModuleInfo},
};

/// Largest deployed code, the 4-byte prefix included (Arbitrum One's
/// `MaxCodeSize`).
pub const MAX_CODE_SIZE: usize = 24_576;
/// Largest decompressed Wasm (`MaxWasmSize`, a chain parameter).
pub const MAX_WASM_SIZE: usize = 128 * 1024;
/// The Stylus code prefix (`EF F0 00`), followed by the dictionary byte.
pub const STYLUS_PREFIX: [u8; 3] = [0xef, 0xf0, 0x00];

/// A program ready to run.
pub struct Program {
    module: Module,
    code: Vec<u8>,
    codehash: B256,
    info: ModuleInfo,
}

/// The interpreter engine and host linker every devnet shares.
pub(crate) fn runtime() -> &'static (Engine, Arc<Linker<Frame>>) {
    static RUNTIME: OnceLock<(Engine, Arc<Linker<Frame>>)> = OnceLock::new();
    RUNTIME.get_or_init(|| {
        // The module meters itself (nitro's ink counter); no interpreter fuel.
        let engine = Engine::new(&Config::default());
        let linker = match hostio::linker(&engine) {
            Ok(linker) => linker,
            Err(e) => unreachable!("hostio names are unique: {e}"),
        };
        (engine, Arc::new(linker))
    })
}

/// Compiled programs by keccak256 of their deployed code, or of their Wasm
/// when the devnet compressed it itself.
fn compiled() -> &'static Mutex<HashMap<B256, Arc<Program>>> {
    static COMPILED: OnceLock<Mutex<HashMap<B256, Arc<Program>>>> = OnceLock::new();
    COMPILED.get_or_init(Mutex::default)
}

/// `EF F0 00 00 ‖ brotli(wasm)` (quality 11, window 22, no dictionary):
/// the code `cargo stylus` deploys.
pub fn deployed_code(wasm: &[u8]) -> Vec<u8> {
    let mut code = STYLUS_PREFIX.to_vec();
    code.push(0);
    {
        let mut writer = brotli::CompressorWriter::new(&mut code, 4096, 11, 22);
        if writer.write_all(wasm).is_err() {
            unreachable!("writing to a Vec cannot fail");
        }
    }
    code
}

impl Program {
    /// The program for `wasm`, deployed as [`deployed_code`] of it.
    pub fn from_wasm(wasm: &[u8]) -> Result<Arc<Self>, String> {
        let key = keccak256(wasm);
        if let Some(p) = cached(key) {
            return Ok(p);
        }
        if wasm.len() > MAX_WASM_SIZE {
            return Err(wasm_too_large(wasm.len()));
        }
        Self::compile(key, wasm, deployed_code(wasm))
    }

    /// The program for deployed `code` whose decompressed module is `wasm`.
    pub fn from_code(code: &[u8], wasm: &[u8]) -> Result<Arc<Self>, String> {
        let key = keccak256(code);
        if let Some(p) = cached(key) {
            return Ok(p);
        }
        Self::compile(key, wasm, code.to_vec())
    }

    fn compile(key: B256, wasm: &[u8], code: Vec<u8>) -> Result<Arc<Self>, String> {
        if code.len() > MAX_CODE_SIZE {
            return Err(format!(
                "max code size exceeded: {} bytes with the prefix, the limit is {MAX_CODE_SIZE}",
                code.len()
            ));
        }
        if wasm.len() > MAX_WASM_SIZE {
            return Err(wasm_too_large(wasm.len()));
        }
        let metered = module::meter(wasm)?;
        let (engine, _) = runtime();
        let module =
            Module::new(engine, &metered.wasm[..]).map_err(|e| format!("invalid Wasm: {e}"))?;
        check_interface(&module)?;
        let program = Arc::new(Self {
            module,
            codehash: keccak256(&code),
            code,
            info: metered.info,
        });
        if let Ok(mut map) = compiled().lock() {
            map.insert(key, program.clone());
        }
        Ok(program)
    }

    /// The metered module.
    pub fn module(&self) -> &Module {
        &self.module
    }

    /// keccak256 of the deployed code (the code hash activation and
    /// caching are keyed by).
    pub fn codehash(&self) -> B256 {
        self.codehash
    }

    /// The deployed code, prefix included.
    pub fn code(&self) -> &[u8] {
        &self.code
    }

    /// The module's figures fixed at activation.
    pub fn info(&self) -> &ModuleInfo {
        &self.info
    }

    /// Pages of linear memory the program starts with.
    pub fn initial_pages(&self) -> u64 {
        self.info.pages
    }

    /// `ArbWasm.programInitGas`: (gas of an uncached entry, of a cached
    /// one), memory excluded.
    pub fn init_gas(&self) -> (u64, u64) {
        let (init, cached) = (self.info.init_cost(), self.info.cached_init_cost());
        (
            crate::gas::entry_gas(init, cached, false),
            crate::gas::entry_gas(init, cached, true),
        )
    }
}

fn cached(key: B256) -> Option<Arc<Program>> {
    compiled().lock().ok()?.get(&key).cloned()
}

fn wasm_too_large(len: usize) -> String {
    format!("wasm too large: {len} bytes decompressed, the limit is {MAX_WASM_SIZE}")
}

/// A Stylus program exports `user_entrypoint(i32) -> i32` and `memory`
/// and imports only from `vm_hooks` and `console`.
fn check_interface(module: &Module) -> Result<(), String> {
    for import in module.imports() {
        if !matches!(import.module(), "vm_hooks" | "console") {
            return Err(format!(
                "unsupported import module `{}` ({})",
                import.module(),
                import.name()
            ));
        }
    }
    let mut entry = false;
    let mut memory = false;
    for export in module.exports() {
        match (export.name(), export.ty()) {
            ("user_entrypoint", ExternType::Func(f)) => {
                entry = f.params() == [ValType::I32] && f.results() == [ValType::I32];
            }
            ("memory", ExternType::Memory(_)) => memory = true,
            _ => {}
        }
    }
    if !entry {
        return Err("missing export `user_entrypoint(i32) -> i32`".into());
    }
    if !memory {
        return Err("missing export `memory`".into());
    }
    Ok(())
}
