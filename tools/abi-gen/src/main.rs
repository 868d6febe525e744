//! `ds-abi-gen`: the interface files of one address.
//!
//! ```text
//! ds-abi-gen merge <Name> <out.sol> <label>=<program.sol>...   one .sol for the programs of an address
//! ds-abi-gen json <in.sol> <out.json>                           the JSON ABI of a .sol interface
//! ```

use std::process::ExitCode;

use ds_abi_gen::{json_abi, merge, parse, render};

fn run(args: &[String]) -> Result<(), String> {
    let read = |path: &str| std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"));
    let write =
        |path: &str, text: &str| std::fs::write(path, text).map_err(|e| format!("{path}: {e}"));
    match args {
        [cmd, name, out, programs @ ..] if cmd == "merge" && !programs.is_empty() => {
            let mut labels = Vec::new();
            let mut interfaces = Vec::new();
            for program in programs {
                let (label, path) = program
                    .split_once('=')
                    .ok_or_else(|| format!("`{program}`: expected <label>=<file.sol>"))?;
                labels.push(label);
                interfaces.push(parse(&read(path)?));
            }
            let merged = merge(&interfaces).map_err(|e| format!("{name}: {e}"))?;
            write(out, &render(name, &labels, &merged))
        }
        [cmd, input, out] if cmd == "json" => {
            let json = json_abi(&read(input)?).map_err(|e| format!("{input}: {e}"))?;
            write(out, &json)
        }
        _ => Err("usage: ds-abi-gen merge <Name> <out.sol> <label>=<program.sol>... | ds-abi-gen json <in.sol> <out.json>".into()),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("ds-abi-gen: {message}");
            ExitCode::FAILURE
        }
    }
}
