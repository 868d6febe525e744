//! Property tests: random sequences of issuances, transfers, burns and
//! registry changes, applied the way Compliance applies them, keep the
//! counters equal to a recount and never let a limit be passed.

mod common;

use alloy_primitives::U256;
use common::*;
use ds_common::{codes, ids::region};
use ds_rules::{
    category::{Counts, Delta},
    config::{uint_rule as r, Config},
    issuance::{removal_effects, IssuanceCheck},
    transfer::{Party, TransferCheck},
};
use proptest::prelude::*;

const INVESTORS: usize = 6;

#[derive(Clone, Debug)]
enum Op {
    Issue {
        to: usize,
        value: u64,
    },
    Transfer {
        from: usize,
        to: usize,
        value: u64,
    },
    Burn {
        from: usize,
        value: u64,
    },
    Recategorize {
        who: usize,
        country: usize,
        accredited: bool,
        qualified: bool,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..INVESTORS, 1..50u64).prop_map(|(to, value)| Op::Issue { to, value }),
        (0..INVESTORS, 0..INVESTORS, 1..60u64).prop_map(|(from, to, value)| Op::Transfer {
            from,
            to,
            value
        }),
        (0..INVESTORS, 1..60u64).prop_map(|(from, value)| Op::Burn { from, value }),
        (0..INVESTORS, 0..4usize, any::<bool>(), any::<bool>()).prop_map(
            |(who, country, accredited, qualified)| Op::Recategorize {
                who,
                country,
                accredited,
                qualified
            }
        ),
    ]
}

const COUNTRIES: [(&str, u8); 4] = [
    ("US", region::US),
    ("DE", region::EU),
    ("JP", region::JP),
    ("IL", region::NONE),
];

struct Model {
    config: Config,
    counts: Counts,
    eu: std::collections::HashMap<u32, u32>,
    investors: Vec<Party>,
}

impl Model {
    fn new(limit: u64) -> Self {
        let mut config = Config::default();
        config.uints[r::TOTAL_INVESTORS_LIMIT] = U256::from(limit);
        config.uints[r::US_INVESTORS_LIMIT] = U256::from(2);
        config.uints[r::EU_RETAIL_INVESTORS_LIMIT] = U256::from(1);
        config.uints[r::BLOCK_FLOWBACK_END_TIME] = U256::from(1);
        let investors = (0..INVESTORS)
            .map(|i| investor(COUNTRIES[i % 4].0, COUNTRIES[i % 4].1, 0))
            .collect();
        Model {
            config,
            counts: Counts::default(),
            eu: Default::default(),
            investors,
        }
    }

    fn eu_of(&self, p: &Party) -> u32 {
        *self.eu.get(&p.info.country).unwrap_or(&0)
    }

    fn apply(&mut self, delta: &Delta) {
        let before = self.counts;
        self.counts = self
            .counts
            .apply(delta)
            .expect("counters never go negative");
        for (country, d) in delta.eu_retail {
            if d != 0 {
                let e = self.eu.entry(country).or_default();
                *e = u32::try_from(i64::from(*e) + d).expect("EU counter never negative");
            }
        }
        // A limit is never passed by an operation that raised its counter.
        let limit = self.config.num(r::TOTAL_INVESTORS_LIMIT);
        assert!(self.counts.total <= before.total || u64::from(self.counts.total) <= limit);
        assert!(self.counts.us <= before.us || self.counts.us <= 2);
    }

    fn step(&mut self, op: &Op) {
        match *op {
            Op::Issue { to, value } => {
                let check = IssuanceCheck {
                    config: &self.config,
                    counts: self.counts,
                    eu_retail_to: self.eu_of(&self.investors[to]),
                    to: self.investors[to],
                    value: u(value),
                    blacklisted: false,
                };
                if check.check() == codes::VALID {
                    let (state, delta) = check.effects();
                    self.investors[to].state = state;
                    self.apply(&delta);
                }
            }
            Op::Transfer { from, to, value } => {
                let (f, t) = (self.investors[from], self.investors[to]);
                let check = TransferCheck {
                    config: &self.config,
                    counts: self.counts,
                    eu_retail_to: self.eu_of(&t),
                    from: f,
                    to: t,
                    same_investor: from == to,
                    value: u(value),
                    from_wallet_balance: f.state.balance,
                    paused: false,
                    blacklisted: false,
                    now: 1_000,
                    from_locks: &[],
                    from_issuances: &[],
                };
                if check.check() == codes::VALID {
                    let effects = check.effects();
                    self.investors[from].state = effects.from;
                    if from != to {
                        self.investors[to].state = effects.to;
                    }
                    self.apply(&effects.delta);
                }
            }
            Op::Burn { from, value } => {
                let p = self.investors[from];
                let value = u(value).min(p.state.balance);
                let (state, delta) = removal_effects(&p, value);
                self.investors[from].state = state;
                self.apply(&delta);
            }
            Op::Recategorize {
                who,
                country,
                accredited,
                qualified,
            } => {
                // What the Registry hook does in Compliance.
                let mut p = investor(COUNTRIES[country].0, COUNTRIES[country].1, 0);
                if accredited {
                    p = common::accredited(p);
                }
                if qualified {
                    p = common::qualified(p);
                }
                p.state = self.investors[who].state;
                if let Some(old) = p.state.counted {
                    let mut delta = Delta::default();
                    delta.recount(&old, &p.category());
                    p.state.counted = Some(p.category());
                    self.investors[who] = p;
                    self.counts = self.counts.apply(&delta).expect("recount never negative");
                    for (country, d) in delta.eu_retail {
                        if d != 0 {
                            let e = self.eu.entry(country).or_default();
                            *e = u32::try_from(i64::from(*e) + d)
                                .expect("EU counter never negative");
                        }
                    }
                } else {
                    self.investors[who] = p;
                }
            }
        }
    }

    /// Counters recomputed from the investors.
    fn recount(&self) -> (Counts, std::collections::HashMap<u32, u32>) {
        let mut delta = Delta::default();
        let mut eu = std::collections::HashMap::new();
        for p in &self.investors {
            assert_eq!(
                p.state.counted.is_some(),
                !p.state.balance.is_zero(),
                "counted iff holding"
            );
            if let Some(c) = p.state.counted {
                assert_eq!(
                    c,
                    p.category(),
                    "stored category is current after every hook"
                );
                delta.count(&c, 1);
                if c.is_eu_retail() {
                    *eu.entry(c.country).or_insert(0u32) += 1;
                }
            }
        }
        (Counts::default().apply(&delta).unwrap(), eu)
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn counters_always_equal_a_recount(limit in 1..6u64, ops in proptest::collection::vec(op(), 1..60)) {
        let mut model = Model::new(limit);
        let mut supply = U256::ZERO;
        for op in &ops {
            let before: U256 = model.investors.iter().map(|p| p.state.balance).sum();
            model.step(op);
            let after: U256 = model.investors.iter().map(|p| p.state.balance).sum();
            match op {
                Op::Issue { .. } => supply += after - before,
                Op::Burn { .. } => supply -= before - after,
                _ => prop_assert_eq!(before, after, "transfers and hooks conserve balances"),
            }
            let (counts, eu) = model.recount();
            prop_assert_eq!(model.counts, counts);
            let nonzero: std::collections::HashMap<u32, u32> =
                model.eu.iter().filter(|(_, v)| **v != 0).map(|(k, v)| (*k, *v)).collect();
            prop_assert_eq!(nonzero, eu);
            prop_assert_eq!(supply, after);
        }
    }
}
