//! Gas figures of receipts and the tables the demo and the bench print.

use ds_devnet::{GasReport, Receipt};

use crate::ReceiptExt;

/// What one transaction cost, on the devnet's nitro gas model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Measured {
    /// The operation.
    pub label: String,
    /// "ok", or the refusal.
    pub outcome: String,
    /// Gas as charged, with the devnet's cache as it was (intrinsic
    /// 21,000 included; L2 gas).
    pub gas: u64,
    /// Gas had no program entered been cached.
    pub gas_uncached: u64,
    /// Gas had every program entered been cached.
    pub gas_cached: u64,
    /// The parts of [`Measured::gas`].
    pub parts: GasReport,
    /// Storage slots read from the state.
    pub slots_read: u64,
    /// Storage slots written to the state.
    pub slots_written: u64,
    /// Cross-contract calls (call, static and delegate).
    pub calls: u64,
    /// Program entries (the target counts; a program entered twice counts twice).
    pub programs: usize,
}

impl Measured {
    /// The figures of `receipt`, labelled `label`.
    pub fn of(label: impl Into<String>, receipt: &Receipt) -> Self {
        Self {
            label: label.into(),
            outcome: receipt.outcome(),
            gas: receipt.gas.total,
            gas_uncached: receipt.gas.total_uncached,
            gas_cached: receipt.gas.total_cached,
            parts: receipt.gas,
            slots_read: receipt.slots_read,
            slots_written: receipt.slots_written,
            calls: receipt.calls,
            programs: receipt.programs.len(),
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

/// A Markdown table with `header` (first column left-aligned, the others
/// right-aligned) and `rows`.
pub fn markdown(header: &[&str], rows: &[Vec<String>]) -> String {
    let columns = header.len();
    let width = |i: usize| {
        rows.iter()
            .filter_map(|r| r.get(i))
            .map(|c| c.chars().count())
            .chain([header[i].chars().count()])
            .max()
            .unwrap_or(0)
    };
    let widths: Vec<usize> = (0..columns).map(width).collect();
    let line = |cells: Vec<String>| {
        let mut out = String::from("|");
        for (i, cell) in cells.iter().enumerate() {
            let pad = widths[i].saturating_sub(cell.chars().count());
            if i == 0 {
                out += &format!(" {cell}{} |", " ".repeat(pad));
            } else {
                out += &format!(" {}{cell} |", " ".repeat(pad));
            }
        }
        out + "\n"
    };
    let mut out = line(header.iter().map(|h| h.to_string()).collect());
    out += "|";
    for (i, w) in widths.iter().enumerate() {
        let colon = if i == 0 { "-" } else { ":" };
        out += &format!("{}{colon}|", "-".repeat(w + 1));
    }
    out += "\n";
    for row in rows {
        out += &line(row.clone());
    }
    out
}

/// Operation | gas uncached | gas as charged | gas cached | slots read |
/// slots written | calls | programs entered.
pub fn table(rows: &[Measured]) -> String {
    let header = [
        "operation",
        "uncached",
        "as charged",
        "cached",
        "slots read",
        "slots written",
        "calls",
        "programs entered",
    ];
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            vec![
                r.label.clone(),
                thousands(r.gas_uncached),
                thousands(r.gas),
                thousands(r.gas_cached),
                r.slots_read.to_string(),
                r.slots_written.to_string(),
                r.calls.to_string(),
                r.programs.to_string(),
            ]
        })
        .collect();
    markdown(&header, &cells)
}

/// The split of each row's gas as charged: intrinsic, storage, program
/// init, compute, hostio, logs, calls, memory, refund.
pub fn split_table(rows: &[Measured]) -> String {
    let header = [
        "operation",
        "total",
        "intrinsic",
        "storage",
        "program init",
        "compute",
        "hostio",
        "logs",
        "calls",
        "memory",
        "refund",
    ];
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let p = &r.parts;
            let mut row = vec![r.label.clone()];
            row.extend(
                [
                    p.total,
                    p.intrinsic,
                    p.storage,
                    p.init,
                    p.compute,
                    p.hostio,
                    p.logs,
                    p.calls,
                    p.memory,
                ]
                .map(thousands),
            );
            row.push(match p.refund {
                0 => "0".to_string(),
                refund => format!("−{}", thousands(refund)),
            });
            row
        })
        .collect();
    markdown(&header, &cells)
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
            gas: 85_000,
            gas_uncached: 143_000,
            gas_cached: 84_000,
            parts: GasReport::default(),
            slots_read: 9,
            slots_written: 4,
            calls: 2,
            programs: 3,
        };
        let t = table(&[row.clone(), row]);
        assert_eq!(t.lines().count(), 4);
        assert!(
            t.contains("| transfer  |  143,000 |     85,000 | 84,000 |"),
            "{t}"
        );
        assert!(t.lines().all(|l| l.ends_with('|')));
    }
}
