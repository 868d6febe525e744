//! Command-line parsing: `--flag value` options, positional arguments and
//! the parsers of the values they carry.

use alloy_primitives::{Address, B256, U256};

use crate::USAGE;

/// Parsed `--flag value` options and positional arguments.
pub(crate) struct Args {
    flags: Vec<(String, String)>,
    /// Arguments that are not options, in order.
    pub positional: Vec<String>,
}

impl Args {
    /// Splits `args` into options (every `--name` takes one value) and
    /// positional arguments.
    pub fn parse(args: &[String]) -> Result<Self, String> {
        let mut flags = Vec::new();
        let mut positional = Vec::new();
        let mut it = args.iter();
        while let Some(a) = it.next() {
            if let Some(name) = a.strip_prefix("--") {
                let value = it
                    .next()
                    .ok_or_else(|| format!("--{name} needs a value\n{USAGE}"))?;
                flags.push((name.to_string(), value.clone()));
            } else {
                positional.push(a.clone());
            }
        }
        Ok(Self { flags, positional })
    }

    /// The last value of `--name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.flags
            .iter()
            .rev()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// Every value of a repeatable `--name`.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.flags
            .iter()
            .filter(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
            .collect()
    }

    /// The value of a required `--name`.
    pub fn need(&self, name: &str) -> Result<&str, String> {
        self.get(name)
            .ok_or_else(|| format!("missing --{name}\n{USAGE}"))
    }

    /// Refuses options outside `known`.
    pub fn only(&self, known: &[&str]) -> Result<(), String> {
        match self
            .flags
            .iter()
            .find(|(n, _)| !known.contains(&n.as_str()))
        {
            Some((n, _)) => Err(format!("unknown option --{n}\n{USAGE}")),
            None => Ok(()),
        }
    }

    /// The positional arguments as words (for matching sub-commands).
    pub fn words(&self) -> Vec<&str> {
        self.positional.iter().map(String::as_str).collect()
    }
}

/// Parses an address argument.
pub(crate) fn address(s: &str, what: &str) -> Result<Address, String> {
    s.parse()
        .map_err(|e| format!("{what}: `{s}` is not an address: {e}"))
}

/// Parses every value of a repeatable address option.
pub(crate) fn addresses(args: &Args, flag: &str) -> Result<Vec<Address>, String> {
    args.all(flag)
        .into_iter()
        .map(|w| address(w, &format!("--{flag}")))
        .collect()
}

/// Parses an unsigned integer (decimal or `0x` hex).
pub(crate) fn amount(s: &str, what: &str) -> Result<U256, String> {
    s.parse().map_err(|e| format!("{what} `{s}`: {e}"))
}

/// Parses a 32-byte hex value.
pub(crate) fn bytes32(s: &str, what: &str) -> Result<B256, String> {
    s.parse()
        .map_err(|e| format!("{what}: `{s}` is not 32 bytes of hex: {e}"))
}

/// Parses a `u64` (timestamps, counts).
pub(crate) fn number(s: &str, what: &str) -> Result<u64, String> {
    s.parse().map_err(|e| format!("{what} `{s}`: {e}"))
}
