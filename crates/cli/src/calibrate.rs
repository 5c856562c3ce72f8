//! `talentflow calibrate`: fit the calibrated constants to the targets.
//!
//! The objective is the model's own (`talentflow_model::calibration`): the
//! targets' misses in units of their tolerances, squared and summed, with
//! a weak pull of each constant towards the middle of its range. It is
//! minimised by Levenberg-Marquardt (the `levenberg-marquardt` crate, a
//! least-squares solver: the objective is a sum of squares), over an
//! unbounded number per constant that maps inside its range, with a
//! Jacobian by central differences. The start is the hand-set table, so
//! the same code and targets give the same fit. Fitted values are rounded
//! to each constant's step (the table's resolution).
//!
//! Which constants are fitted is read from the parameter table (kind
//! `Calibrated`), and which targets from the model's target table: a new
//! constant or target needs no change here.

use levenberg_marquardt::{LeastSquaresProblem, LevenbergMarquardt};
use nalgebra::{DMatrix, DVector, Dyn, Owned};
use std::fmt::Write as _;
use talentflow_model::calibration::{
    calibrated, from_unbounded, objective, residuals, round_to_step, scenario_with, start_values,
    to_unbounded, Fit, BACKTEST_LAST_YEAR,
};
use talentflow_model::{simulate_uncached, ParamId};

/// Step of the central differences, in the unbounded numbers.
const DIFFERENCE_STEP: f64 = 1e-4;

/// One fit's result.
#[derive(Clone, Debug)]
pub struct FitResult {
    pub fit: Fit,
    /// Fitted values, rounded to each constant's step, in
    /// [`calibrated`] order.
    pub values: Vec<f64>,
    /// The objective at the rounded values.
    pub objective: f64,
    /// Evaluations of the residuals by the solver (each one model run;
    /// the Jacobian costs two runs per constant more).
    pub evaluations: usize,
    /// Why the solver stopped.
    pub termination: String,
}

/// The least-squares problem in the unbounded numbers.
struct Problem {
    fit: Fit,
    ids: Vec<ParamId>,
    z: DVector<f64>,
}

impl Problem {
    fn values(&self, z: &DVector<f64>) -> Vec<f64> {
        self.ids
            .iter()
            .zip(z.iter())
            .map(|(id, z)| from_unbounded(id.spec(), *z))
            .collect()
    }
    fn residuals_at(&self, z: &DVector<f64>) -> DVector<f64> {
        DVector::from_vec(residuals(self.fit, &self.values(z)))
    }
}

impl LeastSquaresProblem<f64, Dyn, Dyn> for Problem {
    type ResidualStorage = Owned<f64, Dyn>;
    type JacobianStorage = Owned<f64, Dyn, Dyn>;
    type ParameterStorage = Owned<f64, Dyn>;

    fn set_params(&mut self, z: &DVector<f64>) {
        self.z.copy_from(z);
    }
    fn params(&self) -> DVector<f64> {
        self.z.clone()
    }
    fn residuals(&self) -> Option<DVector<f64>> {
        Some(self.residuals_at(&self.z))
    }
    fn jacobian(&self) -> Option<DMatrix<f64>> {
        let n = self.z.len();
        let m = self.residuals_at(&self.z).len();
        let mut jacobian = DMatrix::zeros(m, n);
        for j in 0..n {
            let (mut up, mut down) = (self.z.clone(), self.z.clone());
            up[j] += DIFFERENCE_STEP;
            down[j] -= DIFFERENCE_STEP;
            let column =
                (self.residuals_at(&up) - self.residuals_at(&down)) / (2.0 * DIFFERENCE_STEP);
            jacobian.set_column(j, &column);
        }
        Some(jacobian)
    }
}

/// Fit the calibrated constants for `fit`, from the table's hand-set
/// values.
pub fn run_fit(fit: Fit) -> FitResult {
    let ids = calibrated();
    let z = DVector::from_iterator(
        ids.len(),
        ids.iter()
            .zip(start_values())
            .map(|(id, x)| to_unbounded(id.spec(), x)),
    );
    let problem = Problem { fit, ids, z };
    let (problem, report) = LevenbergMarquardt::new().minimize(problem);
    let values: Vec<f64> = problem
        .ids
        .iter()
        .zip(problem.values(&problem.z))
        .map(|(id, x)| round_to_step(id.spec(), x))
        .collect();
    FitResult {
        fit,
        objective: objective(fit, &values),
        values,
        evaluations: report.number_of_evaluations,
        termination: format!("{:?}", report.termination),
    }
}

/// `data/calibration.csv` for the two fits: `key,fitted,backtest`, each
/// value written with its step's decimals.
pub fn calibration_csv(full: &FitResult, backtest: &FitResult) -> String {
    let mut out = String::from("key,fitted,backtest\n");
    for ((id, a), b) in calibrated().iter().zip(&full.values).zip(&backtest.values) {
        let d = decimals(id.spec().step);
        let _ = writeln!(out, "{},{a:.d$},{b:.d$}", id.spec().key);
    }
    out
}

/// Decimals needed to write multiples of `step` (at most 6).
fn decimals(step: f64) -> usize {
    (0..=6)
        .find(|&d| {
            let scaled = step * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-9
        })
        .unwrap_or(6)
}

/// The readable report: the constants (start, fitted, backtest, range),
/// then each fit's targets with observed, model and miss in tolerances.
pub fn report(full: &FitResult, backtest: &FitResult) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Calibrated constants (least squares: targets' misses in tolerances, and a weak pull to the middle of each range)\n"
    );
    let _ = writeln!(
        out,
        "| constant | start (table) | fitted | backtest (to {BACKTEST_LAST_YEAR}) | range |"
    );
    let _ = writeln!(out, "| --- | --- | --- | --- | --- |");
    for (((id, start), a), b) in calibrated()
        .iter()
        .zip(start_values())
        .zip(&full.values)
        .zip(&backtest.values)
    {
        let s = id.spec();
        let d = decimals(s.step);
        let _ = writeln!(
            out,
            "| `{}` | {start:.d$} | {a:.d$} | {b:.d$} | {} to {} |",
            s.key, s.min, s.max
        );
    }
    for result in [full, backtest] {
        let name = match result.fit {
            Fit::Full => "Fit to every target".to_string(),
            Fit::Backtest => format!("Backtest: fit to the targets up to {BACKTEST_LAST_YEAR}"),
        };
        let _ = writeln!(
            out,
            "\n{name}: objective {:.4}, {} evaluations of the residuals, solver: {}\n",
            result.objective, result.evaluations, result.termination
        );
        let _ = writeln!(
            out,
            "| target | sources | observed | model | miss (tolerances) |"
        );
        let _ = writeln!(out, "| --- | --- | --- | --- | --- |");
        let run = simulate_uncached(&scenario_with(&result.values));
        for t in result.fit.targets() {
            let model = t.model_value(&run).unwrap_or(f64::NAN);
            let _ = writeln!(
                out,
                "| {} | {} | {:.3} | {model:.3} | {:+.2} |",
                t.key,
                t.sources.join(" "),
                t.observed,
                (model - t.observed) / t.tolerance
            );
        }
    }
    out
}
