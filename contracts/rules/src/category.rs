//! Investor categories and the counters kept per category.
//!
//! A holding investor is counted under the [`Category`] recorded when it was
//! last counted; Compliance stores that category with the investor, so every
//! decrement removes exactly what an earlier increment added (audit M-1, M-3,
//! M-6, L-20) whatever changed in the registry or the country rules since.

use ds_common::{
    ids::{attribute, region},
    party::PartyInfo,
};

/// How a holding investor is counted.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Category {
    /// Compliance region of the investor's country (`ids::region`).
    pub region: u8,
    /// Stored ACCREDITED status is APPROVED.
    pub accredited: bool,
    /// Stored QUALIFIED status is APPROVED.
    pub qualified: bool,
    /// Packed country code (needed for the per-country EU retail counter).
    pub country: u32,
}

impl Category {
    /// The category of an investor described by `info`, living in `region`.
    pub fn of(info: &PartyInfo, region: u8) -> Self {
        Self {
            region,
            accredited: info.approved & attribute::ACCREDITED != 0,
            qualified: info.approved & attribute::QUALIFIED != 0,
            country: info.country,
        }
    }

    /// Counted as a US investor.
    pub fn is_us(&self) -> bool {
        self.region == region::US
    }

    /// Counted as an EU retail (not qualified) investor of its country.
    pub fn is_eu_retail(&self) -> bool {
        self.region == region::EU && !self.qualified
    }

    /// Counted as a Japanese investor.
    pub fn is_jp(&self) -> bool {
        self.region == region::JP
    }

    /// Packs the category into 48 bits (region, flags, country).
    pub fn pack(&self) -> u64 {
        u64::from(self.region)
            | u64::from(self.accredited) << 8
            | u64::from(self.qualified) << 9
            | u64::from(self.country) << 16
    }

    /// Inverse of [`Category::pack`].
    pub fn unpack(bits: u64) -> Self {
        Self {
            region: bits as u8,
            accredited: (bits >> 8) & 1 == 1,
            qualified: (bits >> 9) & 1 == 1,
            country: (bits >> 16) as u32,
        }
    }
}

/// The global investor counters.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Investors holding tokens.
    pub total: u32,
    /// Of which accredited.
    pub accredited: u32,
    /// Of which US.
    pub us: u32,
    /// Of which US and accredited.
    pub us_accredited: u32,
    /// Of which Japanese.
    pub jp: u32,
}

impl Counts {
    /// Investors not accredited.
    pub fn non_accredited(&self) -> u32 {
        self.total.saturating_sub(self.accredited)
    }

    /// The counters after `delta`, or `None` if one would go negative or
    /// overflow (a broken invariant: callers refuse the operation).
    pub fn apply(&self, delta: &Delta) -> Option<Counts> {
        Some(Counts {
            total: add(self.total, delta.total)?,
            accredited: add(self.accredited, delta.accredited)?,
            us: add(self.us, delta.us)?,
            us_accredited: add(self.us_accredited, delta.us_accredited)?,
            jp: add(self.jp, delta.jp)?,
        })
    }
}

/// `count + delta`, `None` outside `u32`.
pub fn add(count: u32, delta: i64) -> Option<u32> {
    u32::try_from(i64::from(count).checked_add(delta)?).ok()
}

/// Change of the counters caused by one operation.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Delta {
    /// Change of [`Counts::total`].
    pub total: i64,
    /// Change of [`Counts::accredited`].
    pub accredited: i64,
    /// Change of [`Counts::us`].
    pub us: i64,
    /// Change of [`Counts::us_accredited`].
    pub us_accredited: i64,
    /// Change of [`Counts::jp`].
    pub jp: i64,
    /// Changes of EU retail counters, by country (at most two countries move).
    pub eu_retail: [(u32, i64); 2],
}

impl Delta {
    /// Adds (`sign` = 1) or removes (`sign` = -1) one investor of `category`.
    pub fn count(&mut self, category: &Category, sign: i64) {
        self.total += sign;
        if category.accredited {
            self.accredited += sign;
        }
        if category.is_us() {
            self.us += sign;
            if category.accredited {
                self.us_accredited += sign;
            }
        }
        if category.is_jp() {
            self.jp += sign;
        }
        if category.is_eu_retail() {
            self.add_eu_retail(category.country, sign);
        }
    }

    /// Moves one investor from category `old` to `new` (nothing if equal).
    pub fn recount(&mut self, old: &Category, new: &Category) {
        if old != new {
            self.count(old, -1);
            self.count(new, 1);
        }
    }

    fn add_eu_retail(&mut self, country: u32, sign: i64) {
        if let Some(entry) = self
            .eu_retail
            .iter_mut()
            .find(|(c, d)| *c == country && *d != 0)
        {
            entry.1 += sign;
        } else if let Some(entry) = self.eu_retail.iter_mut().find(|(_, d)| *d == 0) {
            *entry = (country, sign);
        }
    }

    /// Change of the EU retail counter of `country`.
    pub fn eu_retail_of(&self, country: u32) -> i64 {
        self.eu_retail
            .iter()
            .filter(|(c, d)| *c == country && *d != 0)
            .map(|(_, d)| d)
            .sum()
    }

    /// Sum of `other` and `self`.
    pub fn plus(mut self, other: &Delta) -> Delta {
        self.total += other.total;
        self.accredited += other.accredited;
        self.us += other.us;
        self.us_accredited += other.us_accredited;
        self.jp += other.jp;
        for (country, d) in other.eu_retail {
            if d != 0 {
                self.add_eu_retail(country, d);
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn us_accredited() -> Category {
        Category {
            region: region::US,
            accredited: true,
            qualified: false,
            country: 0x5553,
        }
    }

    fn eu_retail(country: u32) -> Category {
        Category {
            region: region::EU,
            accredited: false,
            qualified: false,
            country,
        }
    }

    #[test]
    fn category_packs_losslessly() {
        for c in [us_accredited(), eu_retail(0x4445), Category::default()] {
            assert_eq!(Category::unpack(c.pack()), c);
        }
    }

    #[test]
    fn counting_touches_every_matching_counter() {
        let mut d = Delta::default();
        d.count(&us_accredited(), 1);
        assert_eq!(
            (d.total, d.accredited, d.us, d.us_accredited, d.jp),
            (1, 1, 1, 1, 0)
        );
        d.count(&eu_retail(7), 1);
        assert_eq!(d.eu_retail_of(7), 1);
        assert_eq!(d.total, 2);
    }

    #[test]
    fn retail_to_qualified_in_the_same_country_moves_the_eu_counter_once() {
        // Audit M-6: moving between retail and qualified must not underflow.
        let retail = eu_retail(7);
        let qualified = Category {
            qualified: true,
            ..retail
        };
        let mut d = Delta::default();
        d.recount(&retail, &qualified);
        assert_eq!(d.eu_retail_of(7), -1);
        assert_eq!(d.total, 0);
        d.recount(&qualified, &retail);
        assert_eq!(d.eu_retail_of(7), 0);
    }

    #[test]
    fn same_category_recount_changes_nothing() {
        // Audit M-3: a same-country "change" must not inflate counters.
        let mut d = Delta::default();
        d.recount(&us_accredited(), &us_accredited());
        assert_eq!(d, Delta::default());
    }

    #[test]
    fn apply_refuses_underflow() {
        let mut d = Delta::default();
        d.count(&us_accredited(), -1);
        assert_eq!(Counts::default().apply(&d), None);
        let counts = Counts {
            total: 1,
            accredited: 1,
            us: 1,
            us_accredited: 1,
            jp: 0,
        };
        assert_eq!(counts.apply(&d), Some(Counts::default()));
    }
}
