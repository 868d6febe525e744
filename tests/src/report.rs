//! Gas figures of receipts and the tables the demo and the bench print.

use ds_devnet::Receipt;

use crate::ReceiptExt;

/// What one transaction cost.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Measured {
    /// The operation.
    pub label: String,
    /// "ok", or the refusal.
    pub outcome: String,
    /// Total gas with uncached program entries (intrinsic 21,000 included).
    pub gas_uncached: u64,
    /// Total gas with cached program entries (intrinsic included).
    pub gas_cached: u64,
    /// Storage slots read from the state.
    pub slots_read: u64,
    /// Storage slots written to the state.
    pub slots_written: u64,
    /// Cross-contract calls (call, static and delegate).
    pub calls: u64,
}

impl Measured {
    /// The figures of `receipt`, labelled `label`.
    pub fn of(label: impl Into<String>, receipt: &Receipt) -> Self {
        Self {
            label: label.into(),
            outcome: receipt.outcome(),
            gas_uncached: receipt.gas.total_uncached,
            gas_cached: receipt.gas.total_cached,
            slots_read: receipt.slots_read,
            slots_written: receipt.slots_written,
            calls: receipt.calls,
        }
    }
}

/// `n` with thousands separators ("70,949").
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A Markdown table: operation | gas uncached | gas cached | slots read |
/// slots written | cross-contract calls.
pub fn table(rows: &[Measured]) -> String {
    let width = rows.iter().map(|r| r.label.len()).max().unwrap_or(9).max(9);
    let mut out = format!(
        "| {:<width$} | {:>12} | {:>10} | {:>10} | {:>13} | {:>20} |\n",
        "operation",
        "gas uncached",
        "gas cached",
        "slots read",
        "slots written",
        "cross-contract calls"
    );
    out += &format!(
        "|{}|{}:|{}:|{}:|{}:|{}:|\n",
        "-".repeat(width + 2),
        "-".repeat(13),
        "-".repeat(11),
        "-".repeat(11),
        "-".repeat(14),
        "-".repeat(21)
    );
    for r in rows {
        out += &format!(
            "| {:<width$} | {:>12} | {:>10} | {:>10} | {:>13} | {:>20} |\n",
            r.label,
            thousands(r.gas_uncached),
            thousands(r.gas_cached),
            r.slots_read,
            r.slots_written,
            r.calls
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(70_949), "70,949");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn table_has_a_row_per_measure() {
        let row = Measured {
            label: "transfer".into(),
            outcome: "ok".into(),
            gas_uncached: 80_000,
            gas_cached: 71_000,
            slots_read: 9,
            slots_written: 4,
            calls: 2,
        };
        let t = table(&[row.clone(), row]);
        assert_eq!(t.lines().count(), 4);
        assert!(t.contains("| transfer  |       80,000 |     71,000 |"));
    }
}
