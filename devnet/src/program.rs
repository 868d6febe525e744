//! A compiled Stylus program: a validated Wasm module exporting
//! `user_entrypoint(i32) -> i32` and `memory`, importing only `vm_hooks`
//! and `console`.

use alloy_primitives::{keccak256, B256};
use wasmi::{Engine, ExternType, Module, ValType};

/// A program ready to run.
pub struct Program {
    module: Module,
    code: Vec<u8>,
    codehash: B256,
    initial_pages: u64,
}

impl Program {
    /// Validates and compiles `wasm`.
    pub fn compile(engine: &Engine, wasm: &[u8]) -> Result<Self, String> {
        let module = Module::new(engine, wasm).map_err(|e| format!("invalid Wasm: {e}"))?;
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
        let mut initial_pages = None;
        for export in module.exports() {
            match (export.name(), export.ty()) {
                ("user_entrypoint", ExternType::Func(f)) => {
                    entry = f.params() == [ValType::I32] && f.results() == [ValType::I32];
                }
                ("memory", ExternType::Memory(m)) => initial_pages = Some(m.minimum()),
                _ => {}
            }
        }
        if !entry {
            return Err("missing export `user_entrypoint(i32) -> i32`".into());
        }
        let initial_pages = initial_pages.ok_or("missing export `memory`")?;
        Ok(Self {
            module,
            code: wasm.to_vec(),
            codehash: keccak256(wasm),
            initial_pages,
        })
    }

    /// The compiled module.
    pub fn module(&self) -> &Module {
        &self.module
    }

    /// keccak256 of the Wasm bytes.
    pub fn codehash(&self) -> B256 {
        self.codehash
    }

    /// The Wasm bytes.
    pub fn code(&self) -> &[u8] {
        &self.code
    }

    /// Size of the Wasm bytes.
    pub fn size(&self) -> usize {
        self.code.len()
    }

    /// Pages of linear memory the program starts with.
    pub fn initial_pages(&self) -> u64 {
        self.initial_pages
    }
}
