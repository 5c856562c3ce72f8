//! Uncertainty bands: how much the projection moves when the assumptions
//! and calibrated constants take other plausible values.
//!
//! Every assumption and calibrated constant in [`crate::PARAMS`] carries a
//! plausible [`Spread`]. A band is made by drawing `N` parameter sets from
//! those spreads (independently, with a seeded generator), running the
//! model once per set, and taking, for each headline series and year, the
//! 5th, 25th, 50th, 75th and 95th percentiles across the draws. The central
//! curve is the scenario's own run, not the median of the draws.
//!
//! **History matching.** A draw shapes the bands only if its run lands
//! within every calibration target's tolerance
//! ([`crate::calibration::within_targets`]): a parameter set that
//! contradicts what was observed is not a plausible world, however
//! plausible each of its values is alone. The others are dropped, not
//! down-weighted: a target's tolerance is a range of agreement, not a
//! likelihood, and a kept draw counts as much as any other. [`Bands::kept`]
//! says how many were kept. Should no draw pass (a reader's own setting of
//! a calibrated constant can rule them all out), the bands use every draw
//! and `kept` is 0. A draw's verdict depends only on its years before
//! [`PREFIX_END_YEAR`] (the targets end in 2025), so it is kept with its
//! [`Prefix`] when a builder takes over another's draws.
//!
//! Rules that make a band reproducible and honest:
//!
//! - **Levers are never drawn**: they are the reader's settings.
//! - **A parameter the reader has changed from its default is held at the
//!   reader's value**: the band then shows what remains uncertain given
//!   that choice. Its random number is still consumed, so the other
//!   parameters get the same draws whatever is held.
//! - **Same scenario, `N` and seed, same band, on every platform.** The
//!   generator is [`SplitMix64`] (integer arithmetic only, defined below),
//!   draws turn uniform numbers into values by the inverse distribution
//!   function ([`Spread::quantile`]: only `+ − × ÷ √`, all exactly rounded
//!   under IEEE 754), parameters are drawn in table order, and percentiles
//!   are computed from sorted values with a fixed interpolation. Nothing
//!   reads the operating system's random source or iterates a hash map.
//!
//! For the browser, [`BandsBuilder`] runs the draws a few at a time (time
//! slicing), and can give bands from the draws done so far. While a reader
//! drags a lever, only levers change, and no lever acts before
//! [`PREFIX_END_YEAR`]: [`BandsBuilder::new_after`] takes over the previous
//! builder's draws, so that each draw whose non-lever values are the same
//! keeps its years before then (its samples, and its state at the start of
//! that year, a [`Prefix`]) and runs 2027-2050 only, with exactly the same
//! numbers.

use crate::calibration::within_targets;
use crate::engine::{simulate, simulate_from, Prefix, FIRST_YEAR, PREFIX_END_YEAR};
use crate::params::{ParamId, Spread, PARAMS, PARAM_COUNT};
use crate::run::{format_value, Run, SeriesId, Years};
use crate::scenario::Scenario;
use std::fmt;

/// The headline series that get bands, in the order the command line
/// prints their band columns.
pub const HEADLINE_SERIES: [SeriesId; 8] = [
    SeriesId::Cohort2019InUs,
    SeriesId::Cohort2019InChina,
    SeriesId::InflowUsGrad,
    SeriesId::InflowUsWork,
    SeriesId::ShareWorkUs,
    SeriesId::ShareWorkChina,
    SeriesId::StockUsWork,
    SeriesId::StockChinaWork,
];

/// The most draws one band may use. Samples of the headline series are
/// kept in memory (8 series × 41 years × 8 bytes per draw: 26 MB at this
/// limit), and each draw is one run of the model.
pub const MAX_DRAWS: usize = 10_000;

/// Draws the app uses by default: enough for stable 5th and 95th
/// percentiles (about ten draws beyond each).
pub const DEFAULT_DRAWS: usize = 200;

/// The seed used when none is given.
pub const DEFAULT_SEED: u64 = 1;

/// One of the reported percentiles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(usize)]
pub enum Percentile {
    P05,
    P25,
    P50,
    P75,
    P95,
}

impl Percentile {
    /// Every percentile, lowest first (the order of band columns).
    pub const ALL: [Percentile; 5] = [
        Percentile::P05,
        Percentile::P25,
        Percentile::P50,
        Percentile::P75,
        Percentile::P95,
    ];
    /// The fraction of draws at or below it, 0..1.
    pub const fn fraction(self) -> f64 {
        match self {
            Percentile::P05 => 0.05,
            Percentile::P25 => 0.25,
            Percentile::P50 => 0.50,
            Percentile::P75 => 0.75,
            Percentile::P95 => 0.95,
        }
    }
    /// The suffix of its column name (`cohort2019_in_us_p05`).
    pub const fn suffix(self) -> &'static str {
        match self {
            Percentile::P05 => "p05",
            Percentile::P25 => "p25",
            Percentile::P50 => "p50",
            Percentile::P75 => "p75",
            Percentile::P95 => "p95",
        }
    }
    const fn index(self) -> usize {
        self as usize
    }
}

/// SplitMix64 (Steele, Lea & Flood 2014; the seeding generator of
/// `java.util.SplittableRandom` and of the xoshiro family): a 64-bit state
/// advanced by a fixed odd constant and scrambled by two multiply-xorshift
/// rounds. Chosen over a crate because it is ten lines of integer
/// arithmetic, keeps the model free of dependencies, passes BigCrush, and
/// gives the same stream on every platform, natively and in WebAssembly.
/// Not for cryptography.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    /// A generator whose stream depends only on `seed`.
    pub const fn new(seed: u64) -> SplitMix64 {
        SplitMix64 { state: seed }
    }
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A uniform number in `[0, 1)`, from the top 53 bits (exact in f64).
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }
    /// A uniform whole number in `0..n` (`0` when `n` is 0), without
    /// modulo bias (Lemire's multiply-and-reject).
    pub fn next_below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let threshold = n.wrapping_neg() % n;
        loop {
            let product = u128::from(self.next_u64()) * u128::from(n);
            if (product as u64) >= threshold {
                return (product >> 64) as u64;
            }
        }
    }
}

/// Why bands could not be made.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BandsError {
    /// Zero draws were asked for, or none has run yet.
    NoDraws,
    /// More than [`MAX_DRAWS`] draws were asked for.
    TooManyDraws { draws: usize, max: usize },
}

impl fmt::Display for BandsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BandsError::NoDraws => write!(f, "bands need at least one draw"),
            BandsError::TooManyDraws { draws, max } => {
                write!(f, "{draws} draws is more than the limit of {max}")
            }
        }
    }
}

impl std::error::Error for BandsError {}

/// The spreads of the parameter table, indexed by [`ParamId`].
pub fn table_spreads() -> [Option<Spread>; PARAM_COUNT] {
    let mut spreads = [None; PARAM_COUNT];
    for (s, p) in spreads.iter_mut().zip(PARAMS.iter()) {
        *s = p.uncertainty;
    }
    spreads
}

/// `draws` parameter sets around `scenario`: every parameter with a spread
/// drawn from it, except those the reader changed from their default (held
/// at the reader's value); levers as in `scenario`. Deterministic in
/// (`scenario`, `draws`, `seed`, `spreads`).
pub fn draw_scenarios(
    scenario: &Scenario,
    draws: usize,
    seed: u64,
    spreads: &[Option<Spread>; PARAM_COUNT],
) -> Vec<Scenario> {
    let mut rng = SplitMix64::new(seed);
    let mut out = Vec::with_capacity(draws);
    for _ in 0..draws {
        let mut drawn = *scenario;
        for id in ParamId::ALL {
            let Some(spread) = spreads[id.index()] else {
                continue;
            };
            // Consumed whether or not the parameter is held, so that every
            // other parameter's draw is the same either way.
            let u = rng.next_f64();
            if scenario.get(id) == id.spec().default {
                drawn.set_clamped(id, spread.quantile(u));
            }
        }
        out.push(drawn);
    }
    out
}

/// Percentiles of the headline series across draws, beside the central run.
///
/// Two bands are equal when every number is identical bit for bit (blank
/// years, NaN, included): the equality of reproducibility.
#[derive(Clone, Debug)]
pub struct Bands {
    central: Run,
    draws: usize,
    /// Draws within every calibration target's tolerance (0: none was,
    /// and the percentiles are over every draw).
    kept: usize,
    seed: u64,
    /// `[headline series][percentile][year]`, flattened.
    values: Vec<f64>,
}

impl Bands {
    /// The scenario's own run: the central curve.
    pub fn central(&self) -> &Run {
        &self.central
    }
    /// The reported years.
    pub fn years(&self) -> Years {
        self.central.years()
    }
    /// How many draws were run.
    pub fn draws(&self) -> usize {
        self.draws
    }
    /// How many of them met every calibration target and shape the
    /// percentiles (0 when none did: then every draw does).
    pub fn kept(&self) -> usize {
        self.kept
    }
    /// The seed the draws came from.
    pub fn seed(&self) -> u64 {
        self.seed
    }
    fn offset(&self, series: SeriesId, p: Percentile) -> Option<usize> {
        let h = HEADLINE_SERIES.iter().position(|s| *s == series)?;
        Some((h * Percentile::ALL.len() + p.index()) * self.years().len())
    }
    /// One percentile of one headline series, a value per reported year in
    /// the series' unit (NaN where the series is not defined); `None` for a
    /// series that is not in [`HEADLINE_SERIES`].
    pub fn series(&self, series: SeriesId, p: Percentile) -> Option<&[f64]> {
        let start = self.offset(series, p)?;
        self.values.get(start..start + self.years().len())
    }
    /// One percentile of one headline series in one year, in the series'
    /// unit; `None` outside the reported years or the headline series.
    pub fn value(&self, series: SeriesId, p: Percentile, year: i32) -> Option<f64> {
        let i = self.years().index_of(year)?;
        self.series(series, p)?.get(i).copied()
    }

    /// The central run's CSV (exactly [`Run::to_csv`]) with the band
    /// columns appended to every line: for each headline series, in
    /// [`HEADLINE_SERIES`] order, `<column>_p05` to `<column>_p95`, one
    /// cell per year (blank where the series is not defined). What
    /// `talentflow run --draws N --seed S` prints and what the app exports
    /// with its bands shown.
    pub fn to_csv(&self) -> String {
        let base = self.central.to_csv();
        let mut out = String::with_capacity(base.len() * 3);
        for (i, line) in base.lines().enumerate() {
            out.push_str(line);
            for series in HEADLINE_SERIES {
                for p in Percentile::ALL {
                    out.push(',');
                    if i == 0 {
                        out.push_str(series.key());
                        out.push('_');
                        out.push_str(p.suffix());
                    } else if let Some(v) = self.series(series, p).and_then(|s| s.get(i - 1)) {
                        out.push_str(&format_value(*v, series.spec().measure));
                    }
                }
            }
            out.push('\n');
        }
        out
    }
}

impl PartialEq for Bands {
    fn eq(&self, other: &Bands) -> bool {
        let same = |a: &[f64], b: &[f64]| {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.to_bits() == y.to_bits())
        };
        self.draws == other.draws
            && self.kept == other.kept
            && self.seed == other.seed
            && self.central.years() == other.central.years()
            && self.central.policy_start_year == other.central.policy_start_year
            && SeriesId::ALL
                .iter()
                .all(|&id| same(self.central.series(id), other.central.series(id)))
            && same(&self.values, &other.values)
    }
}

/// Runs the draws of one band, a few at a time if need be (so that a
/// browser can interleave them with drawing), and makes the bands.
#[derive(Clone, Debug)]
pub struct BandsBuilder {
    central: Run,
    seed: u64,
    scenarios: Vec<Scenario>,
    done: usize,
    /// `[headline series][year][draw]`, flattened. A draw's years before
    /// [`PREFIX_END_YEAR`] are those of the run that left its `starts`.
    samples: Vec<f64>,
    /// Each draw's state at the start of [`PREFIX_END_YEAR`], once run here
    /// or by the builder this one took over from.
    starts: Vec<Option<Prefix>>,
    /// Whether each draw met every calibration target (its history
    /// decides, so it goes with its start).
    matched: Vec<Option<bool>>,
    /// Draws run so far that started from a remembered [`Prefix`].
    reused: usize,
}

impl BandsBuilder {
    /// Prepare `draws` draws from the table's spreads around `scenario`
    /// (one run: the central curve).
    pub fn new(scenario: &Scenario, draws: usize, seed: u64) -> Result<BandsBuilder, BandsError> {
        BandsBuilder::with_spreads(scenario, draws, seed, &table_spreads())
    }
    /// As [`BandsBuilder::new`], taking over what `previous` (if any) ran,
    /// done or not: when it had as many draws, each draw whose non-lever
    /// values are bit for bit those of its draw there (same non-lever
    /// settings, seed and spreads: the scenario differs only in levers)
    /// keeps its years before [`PREFIX_END_YEAR`] and runs the rest only.
    /// Every other draw runs in full. The bands are exactly `new`'s.
    pub fn new_after(
        previous: Option<BandsBuilder>,
        scenario: &Scenario,
        draws: usize,
        seed: u64,
    ) -> Result<BandsBuilder, BandsError> {
        BandsBuilder::build(scenario, draws, seed, &table_spreads(), previous)
    }
    /// As [`BandsBuilder::new`], with other spreads (a wider or narrower
    /// view of what is uncertain; `None` holds a parameter fixed).
    pub fn with_spreads(
        scenario: &Scenario,
        draws: usize,
        seed: u64,
        spreads: &[Option<Spread>; PARAM_COUNT],
    ) -> Result<BandsBuilder, BandsError> {
        BandsBuilder::build(scenario, draws, seed, spreads, None)
    }
    fn build(
        scenario: &Scenario,
        draws: usize,
        seed: u64,
        spreads: &[Option<Spread>; PARAM_COUNT],
        previous: Option<BandsBuilder>,
    ) -> Result<BandsBuilder, BandsError> {
        if draws == 0 {
            return Err(BandsError::NoDraws);
        }
        if draws > MAX_DRAWS {
            return Err(BandsError::TooManyDraws {
                draws,
                max: MAX_DRAWS,
            });
        }
        let central = simulate(scenario);
        let years = central.years().len();
        // Samples and starts go together: a draw's years before the prefix
        // end are those of the run that left its start.
        let (samples, starts, matched) = match previous {
            Some(p) if p.scenarios.len() == draws => (p.samples, p.starts, p.matched),
            _ => (
                vec![f64::NAN; HEADLINE_SERIES.len() * years * draws],
                vec![None; draws],
                vec![None; draws],
            ),
        };
        Ok(BandsBuilder {
            central,
            seed,
            scenarios: draw_scenarios(scenario, draws, seed, spreads),
            done: 0,
            samples,
            starts,
            matched,
            reused: 0,
        })
    }
    /// Run up to `max_runs` more draws; returns how many ran.
    pub fn step(&mut self, max_runs: usize) -> usize {
        let draws = self.scenarios.len();
        let years = self.central.years().len();
        let end = self.done.saturating_add(max_runs).min(draws);
        for d in self.done..end {
            let (run, resumed) = simulate_from(&self.scenarios[d], &mut self.starts[d]);
            // Resumed: the years before the prefix end are already here.
            let first = if resumed {
                self.reused += 1;
                (PREFIX_END_YEAR - FIRST_YEAR) as usize
            } else {
                self.matched[d] = Some(within_targets(&run));
                0
            };
            for (h, &series) in HEADLINE_SERIES.iter().enumerate() {
                let values = run.series(series);
                // An index loop: smaller in the browser build than `skip`.
                #[allow(clippy::needless_range_loop)]
                for y in first..years {
                    self.samples[(h * years + y) * draws + d] = values[y];
                }
            }
        }
        let ran = end - self.done;
        self.done = end;
        ran
    }
    /// Draws run so far, and draws in all.
    pub fn progress(&self) -> (usize, usize) {
        (self.done, self.scenarios.len())
    }
    /// Draws run so far that kept their years before [`PREFIX_END_YEAR`]
    /// from the builder this one took over from ([`BandsBuilder::new_after`]).
    pub fn reused(&self) -> usize {
        self.reused
    }
    /// Whether every draw has run.
    pub fn is_done(&self) -> bool {
        self.done == self.scenarios.len()
    }
    /// Bands over the draws run so far (all of them once [`is_done`]).
    ///
    /// [`is_done`]: BandsBuilder::is_done
    pub fn bands(&self) -> Result<Bands, BandsError> {
        if self.done == 0 {
            return Err(BandsError::NoDraws);
        }
        let draws = self.scenarios.len();
        let years = self.central.years().len();
        let matched: Vec<bool> = self.matched[..self.done]
            .iter()
            .map(|m| *m == Some(true))
            .collect();
        let kept = matched.iter().filter(|m| **m).count();
        let mut values = vec![f64::NAN; HEADLINE_SERIES.len() * Percentile::ALL.len() * years];
        let mut sorted: Vec<f64> = Vec::with_capacity(self.done);
        for h in 0..HEADLINE_SERIES.len() {
            for y in 0..years {
                let start = (h * years + y) * draws;
                sorted.clear();
                sorted.extend(
                    self.samples[start..start + self.done]
                        .iter()
                        .zip(&matched)
                        .filter(|(_, m)| **m || kept == 0)
                        .map(|(v, _)| *v)
                        .filter(|v| v.is_finite()),
                );
                // Values equal under total_cmp are identical bits: unstable is exact.
                sorted.sort_unstable_by(f64::total_cmp);
                for p in Percentile::ALL {
                    values[(h * Percentile::ALL.len() + p.index()) * years + y] =
                        percentile_of_sorted(&sorted, p.fraction());
                }
            }
        }
        Ok(Bands {
            central: self.central.clone(),
            draws: self.done,
            kept,
            seed: self.seed,
            values,
        })
    }
}

/// The `q` quantile (0..1) of ascending values, interpolating linearly
/// between neighbours (the usual "type 7" definition: position
/// `q · (n − 1)`); NaN for no values.
pub fn percentile_of_sorted(sorted: &[f64], q: f64) -> f64 {
    let n = sorted.len();
    if n == 0 {
        return f64::NAN;
    }
    let position = q.clamp(0.0, 1.0) * (n - 1) as f64;
    let below = position.floor() as usize;
    let above = (below + 1).min(n - 1);
    let t = position - below as f64;
    sorted[below] + t * (sorted[above] - sorted[below])
}

/// Bands around `scenario` from `draws` draws of the table's spreads,
/// seeded by `seed`. At most [`MAX_DRAWS`] draws.
pub fn bands(scenario: &Scenario, draws: usize, seed: u64) -> Result<Bands, BandsError> {
    let mut builder = BandsBuilder::new(scenario, draws, seed)?;
    builder.step(draws);
    builder.bands()
}

/// As [`bands`], with other spreads.
pub fn bands_with_spreads(
    scenario: &Scenario,
    draws: usize,
    seed: u64,
    spreads: &[Option<Spread>; PARAM_COUNT],
) -> Result<Bands, BandsError> {
    let mut builder = BandsBuilder::with_spreads(scenario, draws, seed, spreads)?;
    builder.step(draws);
    builder.bands()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix64_matches_the_reference_stream() {
        // First outputs for seed 1234567 of the reference C implementation
        // (Vigna, prng.di.unimi.it/splitmix64.c).
        let mut rng = SplitMix64::new(1_234_567);
        assert_eq!(rng.next_u64(), 6_457_827_717_110_365_317);
        assert_eq!(rng.next_u64(), 3_203_168_211_198_807_973);
        assert_eq!(rng.next_u64(), 9_817_491_932_198_370_423);
    }

    #[test]
    fn uniform_numbers_stay_in_the_unit_interval() {
        let mut rng = SplitMix64::new(7);
        for _ in 0..10_000 {
            let u = rng.next_f64();
            assert!((0.0..1.0).contains(&u));
            assert!(rng.next_below(6) < 6);
        }
        assert_eq!(rng.next_below(0), 0);
    }

    #[test]
    fn percentiles_interpolate_between_neighbours() {
        let v = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(percentile_of_sorted(&v, 0.5), 3.0);
        assert_eq!(percentile_of_sorted(&v, 0.25), 2.0);
        assert_eq!(percentile_of_sorted(&v, 0.05), 1.2);
        assert_eq!(percentile_of_sorted(&[4.0], 0.95), 4.0);
        assert!(percentile_of_sorted(&[], 0.5).is_nan());
    }
}
