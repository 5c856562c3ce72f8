//! Sensitivity (a tornado chart's data): for one outcome in one year, how
//! far it moves when each parameter goes from its low to its high value,
//! everything else held at the scenario's values; ranked by that swing.
//!
//! "Low" and "high" are, for a lever, the ends of its slider (what a
//! reader could choose), and for an assumption, the ends of its plausible
//! spread in the parameter table (what we do not know). Calibrated
//! constants are left out: they are pinned by the calibration targets, and
//! their spreads only say how loosely. Each row costs two runs.

use crate::engine::simulate;
use crate::params::{Kind, ParamId, ParamSpec, PARAMS};
use crate::run::SeriesId;
use crate::scenario::Scenario;
use std::fmt;

/// One parameter's row of the ranking. Values are in the parameter's
/// unit; outcomes and swing in the outcome series' unit.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SensitivityRow {
    pub param: ParamId,
    /// The parameter's low value (slider minimum, or spread low).
    pub low_value: f64,
    /// The parameter's high value (slider maximum, or spread high).
    pub high_value: f64,
    /// The outcome with this parameter at its low value.
    pub outcome_at_low: f64,
    /// The outcome with this parameter at its high value.
    pub outcome_at_high: f64,
    /// `|outcome_at_high − outcome_at_low|`: the bar's length.
    pub swing: f64,
}

/// A ranking of parameters by how much they move one outcome.
#[derive(Clone, Debug, PartialEq)]
pub struct Sensitivity {
    pub outcome: SeriesId,
    pub year: i32,
    /// The outcome under the scenario itself (where the bars meet), in the
    /// series' unit.
    pub central: f64,
    /// Largest swing first; equal swings keep table order.
    pub rows: Vec<SensitivityRow>,
}

/// Why an outcome cannot be read: the sensitivity and the attribution of
/// an outcome in a year refuse it for these reasons.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OutcomeError {
    /// The year is not reported.
    YearOutOfRange { year: i32, first: i32, last: i32 },
    /// The series has no value in that year (the 2019 cohort before 2019).
    NotDefined {
        outcome: &'static str,
        year: i32,
        from: i32,
    },
}

impl fmt::Display for OutcomeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            OutcomeError::YearOutOfRange { year, first, last } => {
                write!(
                    f,
                    "year {year} is outside the model's years {first} to {last}"
                )
            }
            OutcomeError::NotDefined {
                outcome,
                year,
                from,
            } => write!(f, "{outcome} has no value in {year} (it starts in {from})"),
        }
    }
}

impl std::error::Error for OutcomeError {}

/// The low and high values a parameter is swung between: a lever's slider
/// ends, an assumption's spread ends; `None` for calibrated constants (and
/// an assumption without a spread).
pub fn swing_range(spec: &ParamSpec) -> Option<(f64, f64)> {
    match spec.kind {
        Kind::Lever => Some((spec.min, spec.max)),
        Kind::Assumption => spec.uncertainty.map(|s| (s.low(), s.high())),
        Kind::Calibrated => None,
    }
}

/// One outcome's value in a run, or why there is none.
pub(crate) fn outcome_value(
    run: &crate::Run,
    outcome: SeriesId,
    year: i32,
) -> Result<f64, OutcomeError> {
    let years = run.years();
    let v = run
        .value(outcome, year)
        .ok_or(OutcomeError::YearOutOfRange {
            year,
            first: years.first,
            last: years.last,
        })?;
    if v.is_finite() {
        Ok(v)
    } else {
        Err(OutcomeError::NotDefined {
            outcome: outcome.key(),
            year,
            from: outcome.spec().defined_from,
        })
    }
}

/// Rank every lever and assumption by how far it swings `outcome` in
/// `year`, the rest held at `scenario`'s values. Costs `1 + 2 × rows` runs.
pub fn sensitivity(
    scenario: &Scenario,
    outcome: SeriesId,
    year: i32,
) -> Result<Sensitivity, OutcomeError> {
    let central = outcome_value(&simulate(scenario), outcome, year)?;
    let mut rows = Vec::new();
    for spec in PARAMS.iter() {
        let Some((low_value, high_value)) = swing_range(spec) else {
            continue;
        };
        let at = |value: f64| {
            let mut s = *scenario;
            s.set_clamped(spec.id, value);
            outcome_value(&simulate(&s), outcome, year)
        };
        let outcome_at_low = at(low_value)?;
        let outcome_at_high = at(high_value)?;
        rows.push(SensitivityRow {
            param: spec.id,
            low_value,
            high_value,
            outcome_at_low,
            outcome_at_high,
            swing: (outcome_at_high - outcome_at_low).abs(),
        });
    }
    // Equal swings (zero, for levers before the policy start year) keep
    // table order, so the ranking never flickers. Unstable sort plus an
    // explicit tie-break: the same order as a stable sort, without the
    // merge sort's code in the wasm bundle.
    rows.sort_unstable_by(|a, b| b.swing.total_cmp(&a.swing).then(a.param.cmp(&b.param)));
    Ok(Sensitivity {
        outcome,
        year,
        central,
        rows,
    })
}
