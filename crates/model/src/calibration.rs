//! Calibration: the objective that the calibrated constants minimise, and
//! the fitted values the parameter table reads.
//!
//! The calibrated constants are the rows of [`crate::params::TABLE`] whose
//! kind is [`Kind::Calibrated`]; nothing here names them. `talentflow
//! calibrate` (the command line, which links an optimiser) minimises
//! [`objective`] over them and writes the result to `data/calibration.csv`;
//! `build.rs` turns that file into [`FITTED`], and [`with_fitted`] puts the
//! fitted values into [`crate::PARAMS`] as the calibrated defaults.
//!
//! **The objective** is a weighted sum of squares (half of it, as least
//! squares solvers state it):
//!
//! ```text
//! ½ Σ_targets ((model − observed) / tolerance)²  +  ½ Σ_constants (w · (x − centre) / (max − min))²
//! ```
//!
//! A target's tolerance is its stated noise (five points for a share
//! observed on about 100 people), so a miss of one tolerance costs as
//! much in any target. The second sum is a weak pull (weight
//! [`PRIOR_WEIGHT`]) of each constant towards the middle of its range, so
//! that a constant the targets do not pin down sits at the middle of its
//! range rather than anywhere: at half the range away it costs as much as
//! a sixteenth of a tolerance's miss. Each constant is kept inside its
//! range by fitting an unbounded number `z` with
//! `x = min + (max − min) · (1 + tanh z) / 2` ([`from_unbounded`]).
//!
//! The **backtest** fits the same objective to the targets whose figures
//! end by [`BACKTEST_LAST_YEAR`] only, and the validation
//! (`crate::validation`) compares its run with what was observed after.

use crate::engine::simulate_uncached;
use crate::observations::Target;
use crate::params::{Kind, ParamId, ParamSpec, Spread, Unit, PARAMS};
use crate::run::Run;
use crate::scenario::Scenario;

/// One row of `data/calibration.csv`: a calibrated constant's fitted value
/// with every target, and with the targets up to [`BACKTEST_LAST_YEAR`]
/// only (the backtest).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fitted {
    /// The parameter's key.
    pub key: &'static str,
    /// Fitted to every calibration target: the table's default.
    pub fitted: f64,
    /// Fitted to the targets whose figures end by [`BACKTEST_LAST_YEAR`].
    pub backtest: f64,
}

include!(concat!(env!("OUT_DIR"), "/fitted.rs"));

/// The last year of data the backtest's fit may use; it is then compared
/// with what was observed after.
pub const BACKTEST_LAST_YEAR: i32 = 2018;

/// Weight of the pull of each constant towards the middle of its range.
pub const PRIOR_WEIGHT: f64 = 0.5;

/// Which fit: every target, or the backtest's.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    /// Every calibration target: the model's defaults.
    Full,
    /// The targets whose figures end by [`BACKTEST_LAST_YEAR`].
    Backtest,
}

impl Fit {
    /// Whether this fit uses `target`.
    pub fn uses(self, target: &Target) -> bool {
        match self {
            Fit::Full => true,
            Fit::Backtest => target.last_year() <= BACKTEST_LAST_YEAR,
        }
    }
    /// The targets this fit uses, in table order.
    pub fn targets(self) -> Vec<&'static Target> {
        crate::observations::TARGETS
            .iter()
            .filter(|t| self.uses(t))
            .collect()
    }
}

/// The calibrated constants, in table order: the parameters whose kind is
/// [`Kind::Calibrated`].
pub fn calibrated() -> Vec<ParamId> {
    PARAMS
        .iter()
        .filter(|p| p.kind == Kind::Calibrated)
        .map(|p| p.id)
        .collect()
}

/// The middle of a parameter's range, towards which the objective pulls
/// it weakly.
pub fn centre(spec: &ParamSpec) -> f64 {
    (spec.min + spec.max) / 2.0
}

/// A constant's value for the unbounded number `z` the fit moves: inside
/// `[min, max]` whatever `z`.
pub fn from_unbounded(spec: &ParamSpec, z: f64) -> f64 {
    spec.clamp(spec.min + (spec.max - spec.min) * (1.0 + z.tanh()) / 2.0)
}

/// The unbounded number for a value (the inverse of [`from_unbounded`];
/// the range's ends map to large finite numbers).
pub fn to_unbounded(spec: &ParamSpec, x: f64) -> f64 {
    let u = ((x - spec.min) / (spec.max - spec.min)).clamp(1e-9, 1.0 - 1e-9);
    (2.0 * u - 1.0).atanh()
}

/// A value rounded to its parameter's step (the table's resolution, in
/// which the fitted values are written), inside its range.
pub fn round_to_step(spec: &ParamSpec, x: f64) -> f64 {
    let steps = ((x - spec.min) / spec.step).round();
    spec.clamp(spec.min + steps * spec.step)
}

/// The scenario whose calibrated constants are `values` (in
/// [`calibrated`] order) and whose other parameters are at their defaults.
pub fn scenario_with(values: &[f64]) -> Scenario {
    let mut scenario = Scenario::baseline();
    for (id, v) in calibrated().into_iter().zip(values) {
        scenario.set_clamped(id, *v);
    }
    scenario
}

/// The targets' residuals in `run`: `(model − observed) / tolerance`, in
/// the order of `targets`; a target the run does not report (a blank
/// year) counts as a miss of ten tolerances, so a fit never prefers it.
pub fn target_residuals(run: &Run, targets: &[&Target]) -> Vec<f64> {
    targets
        .iter()
        .map(|t| match t.model_value(run) {
            Some(m) if m.is_finite() => (m - t.observed) / t.tolerance,
            _ => 10.0,
        })
        .collect()
}

/// Whether `run` lands within every calibration target's tolerance: the
/// test an uncertainty draw must pass to shape the bands (history
/// matching, [`crate::uncertainty`]).
pub fn within_targets(run: &Run) -> bool {
    crate::observations::TARGETS.iter().all(|t| {
        t.model_value(run)
            .is_some_and(|m| (m - t.observed).abs() <= t.tolerance)
    })
}

/// The prior's residuals for calibrated values `values` (in [`calibrated`]
/// order): `w · (x − centre) / (max − min)`.
pub fn prior_residuals(values: &[f64]) -> Vec<f64> {
    calibrated()
        .into_iter()
        .zip(values)
        .map(|(id, x)| {
            let spec = id.spec();
            PRIOR_WEIGHT * (x - centre(spec)) / (spec.max - spec.min)
        })
        .collect()
}

/// Every residual of the objective for calibrated values `values`: the
/// targets' of `fit`, then the prior's. One full run of the model.
pub fn residuals(fit: Fit, values: &[f64]) -> Vec<f64> {
    let run = simulate_uncached(&scenario_with(values));
    let mut r = target_residuals(&run, &fit.targets());
    r.extend(prior_residuals(values));
    r
}

/// The objective: half the sum of squared [`residuals`].
pub fn objective(fit: Fit, values: &[f64]) -> f64 {
    residuals(fit, values).iter().map(|r| r * r).sum::<f64>() / 2.0
}

/// The values the fit starts from: the hand-set values of the table
/// ([`crate::params::TABLE`]), which no fit rewrites, so that a re-run
/// starts where the last one did.
pub fn start_values() -> Vec<f64> {
    calibrated()
        .into_iter()
        .map(|id| crate::params::TABLE[id.index()].default)
        .collect()
}

/// The values written in `data/calibration.csv` for `fit`, in
/// [`calibrated`] order; `None` for a constant with no row (the file
/// predates it: run `talentflow calibrate` again).
pub fn written_values(fit: Fit) -> Vec<Option<f64>> {
    calibrated()
        .into_iter()
        .map(|id| {
            FITTED
                .iter()
                .find(|f| f.key == id.spec().key)
                .map(|f| match fit {
                    Fit::Full => f.fitted,
                    Fit::Backtest => f.backtest,
                })
        })
        .collect()
}

/// The baseline with the backtest's calibrated constants (fitted to the
/// figures up to [`BACKTEST_LAST_YEAR`]) in place of the defaults.
pub fn backtest_scenario() -> Scenario {
    let mut scenario = Scenario::baseline();
    for f in FITTED.iter() {
        if let Some(id) = ParamId::from_key(f.key) {
            if id.spec().kind == Kind::Calibrated {
                scenario.set_clamped(id, f.backtest);
            }
        }
    }
    scenario
}

/// Whether two keys are equal (in a constant expression).
const fn same_key(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// `v` inside `[min, max]` (in a constant expression).
const fn inside(v: f64, min: f64, max: f64) -> f64 {
    if v < min {
        min
    } else if v > max {
        max
    } else {
        v
    }
}

/// A bound of a spread set around `old`, moved to a fitted value `x`.
const fn moved(v: f64, old: f64, x: f64, proportional: bool) -> f64 {
    if proportional {
        v * (x / old)
    } else {
        v + (x - old)
    }
}

/// The table with each calibrated constant's default replaced by its
/// fitted value in [`FITTED`] (kept where the file has no row), and its
/// plausible spread moved with it (most plausible at the fitted value,
/// inside the range; a share's by the same amount, a rate's or a ratio's
/// in proportion).
pub const fn with_fitted<const N: usize>(mut table: [ParamSpec; N]) -> [ParamSpec; N] {
    let mut i = 0;
    while i < N {
        if matches!(table[i].kind, Kind::Calibrated) {
            let mut j = 0;
            while j < FITTED.len() {
                if same_key(FITTED[j].key, table[i].key) {
                    let (min, max) = (table[i].min, table[i].max);
                    let x = FITTED[j].fitted;
                    let old = table[i].default;
                    // A share's spread moves by the same amount as its
                    // value; a rate's or a ratio's moves in proportion (its
                    // relative uncertainty is kept), so that a value fitted
                    // near zero keeps a spread of its own size.
                    let proportional =
                        matches!(table[i].unit, Unit::PerYear | Unit::Multiplier) && old > 0.0;
                    table[i].default = x;
                    table[i].uncertainty = match table[i].uncertainty {
                        Some(Spread::Triangular { low, high, .. }) => Some(Spread::Triangular {
                            low: inside(moved(low, old, x, proportional), min, max),
                            mode: x,
                            high: inside(moved(high, old, x, proportional), min, max),
                        }),
                        Some(Spread::Uniform { low, high }) => Some(Spread::Uniform {
                            low: inside(moved(low, old, x, proportional), min, max),
                            high: inside(moved(high, old, x, proportional), min, max),
                        }),
                        None => None,
                    };
                }
                j += 1;
            }
        }
        i += 1;
    }
    table
}
