//! The deployment file: which contracts of the suite live where, on which
//! chain. `ds deploy --out FILE` writes it after every step (so an
//! interrupted deployment resumes where it stopped) and the operating
//! commands read it with `--deployment FILE`.
//!
//! ```json
//! {
//!   "chain_id": 412346,
//!   "contracts": {
//!     "trust": { "address": "0x…", "wasm_keccak": "0x…", "deploy_gas": 1234567, "tx": "0x…" }
//!   }
//! }
//! ```
//!
//! Only `address` is required: a contract deployed by another tool (e.g.
//! `cargo stylus deploy`) is recorded with its address alone. A deployment
//! sent but not seen mined yet is kept under `"pending": {"name": {"tx":
//! …, "wasm_keccak": …}}` until its receipt is known.

use std::{collections::BTreeMap, path::Path};

use alloy_primitives::{Address, B256};
use serde::{Deserialize, Serialize};

/// The contracts of a deployment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deployment {
    /// Chain id of the endpoint deployed to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chain_id: Option<u64>,
    /// Every contract by name (`trust`, `registry`, ..., `ds_token`).
    #[serde(default)]
    pub contracts: BTreeMap<String, Record>,
    /// Deployments sent but not seen mined, by contract name: a rerun
    /// looks their receipts up instead of deploying a second copy.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub pending: BTreeMap<String, Pending>,
}

/// A deployment transaction sent and not yet seen mined.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pending {
    /// The transaction.
    pub tx: B256,
    /// keccak256 of the Wasm artifact it deploys.
    pub wasm_keccak: B256,
}

/// One deployed contract.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Record {
    /// Where it lives.
    pub address: Address,
    /// keccak256 of the Wasm artifact it was deployed from (`ds deploy`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wasm_keccak: Option<B256>,
    /// Gas used by its deployment transaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deploy_gas: Option<u64>,
    /// Its deployment transaction.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tx: Option<B256>,
}

impl Deployment {
    /// The file's JSON text.
    pub fn to_json(&self) -> String {
        // Plain data: serialising cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// Parses a deployment file.
    pub fn parse(text: &str) -> Result<Self, String> {
        let value: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if !value.is_object() {
            return Err("not a JSON object".into());
        }
        serde_json::from_value(value).map_err(|e| e.to_string())
    }

    /// Reads `path`; a missing file is an empty deployment.
    pub fn load_or_default(path: &Path) -> Result<Self, String> {
        match std::fs::read_to_string(path) {
            Ok(text) => Self::parse(&text).map_err(|e| format!("{}: {e}", path.display())),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Self::default()),
            Err(e) => Err(format!("{}: {e}", path.display())),
        }
    }

    /// Reads `path`, which must exist.
    pub fn load(path: &Path) -> Result<Self, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        Self::parse(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// Writes the file (through a temporary file, so a crash never leaves
    /// half a record).
    pub fn save(&self, path: &Path) -> Result<(), String> {
        let tmp = path.with_extension("json.tmp");
        std::fs::write(&tmp, self.to_json())
            .and_then(|()| std::fs::rename(&tmp, path))
            .map_err(|e| format!("{}: {e}", path.display()))
    }

    /// The address of contract `name`, if recorded.
    pub fn address(&self, name: &str) -> Option<Address> {
        self.contracts.get(name).map(|r| r.address)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deployment_file_round_trips() {
        let mut d = Deployment {
            chain_id: Some(412_346),
            ..Deployment::default()
        };
        d.contracts.insert(
            "trust".into(),
            Record {
                address: Address::repeat_byte(1),
                wasm_keccak: Some(B256::repeat_byte(2)),
                deploy_gas: Some(1_000_000),
                tx: None,
            },
        );
        d.contracts.insert(
            "ds_token".into(),
            Record {
                address: Address::repeat_byte(3),
                ..Record::default()
            },
        );
        let text = d.to_json();
        assert!(text.contains("\"chain_id\": 412346"), "{text}");
        assert!(!text.contains("\"tx\""), "{text}");
        assert_eq!(Deployment::parse(&text), Ok(d.clone()));
        assert_eq!(d.address("trust"), Some(Address::repeat_byte(1)));
        assert_eq!(d.address("comms"), None);
        // An address alone is a record (contracts deployed by other tools).
        let other = Deployment::parse(
            r#"{"contracts": {"trust": {"address": "0x0101010101010101010101010101010101010101"}}}"#,
        )
        .expect("minimal file");
        assert_eq!(other.address("trust"), Some(Address::repeat_byte(1)));
        assert!(Deployment::parse("[]").is_err());
        assert!(Deployment::parse(r#"{"contracts": {"trust": {"address": "0x12"}}}"#).is_err());
    }

    #[test]
    fn saving_replaces_the_file_whole() {
        let dir = std::env::temp_dir().join(format!("ds-deployment-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("d.json");
        assert_eq!(
            Deployment::load_or_default(&path),
            Ok(Deployment::default())
        );
        assert!(Deployment::load(&path).is_err());
        let d = Deployment {
            chain_id: Some(7),
            ..Deployment::default()
        };
        d.save(&path).expect("saved");
        assert_eq!(Deployment::load(&path), Ok(d));
        assert!(!path.with_extension("json.tmp").exists());
        let _ = std::fs::remove_dir_all(&dir);
    }
}
