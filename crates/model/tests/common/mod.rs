//! The predicates every scenario must pass (shared by the scenario matrix
//! and the random scenarios).

use talentflow_model::stocks::{Stock, STOCK_COUNT};
use talentflow_model::{simulate_traced, Measure, Scenario, SeriesId, StepTrace, SERIES};

/// Tolerance below zero for a stock after any step, people.
pub const NEGATIVE_TOLERANCE: f64 = -1e-9;
/// Relative tolerance of the people-conservation balance.
pub const CONSERVATION_TOLERANCE: f64 = 1e-9;
/// Tolerance outside 0..=1 for a share.
pub const SHARE_TOLERANCE: f64 = 1e-12;
/// Most failures reported per scenario (the first ones tell the story).
const MAX_FAILURES: usize = 12;

/// Whether `a` is within `tolerance` of `b` (false if either is NaN).
fn within(a: f64, b: f64, tolerance: f64) -> bool {
    (a - b).abs() <= tolerance
}

/// A calendar time in years as "year, month m" for messages.
fn when(time_years: f64) -> String {
    let year = time_years.floor();
    let month = ((time_years - year) * 12.0).round() as i32 + 1;
    format!("{} month {month}", year as i32)
}

/// Checks one step: no stock below zero, each stock's change equal to its
/// inflows minus its outflows (plus entrants for the pipeline), and the
/// total grown by exactly the entrants.
fn check_step(step: &StepTrace<'_>, failures: &mut Vec<String>) {
    let at = when(step.time_years);
    let mut inflow = [0.0f64; STOCK_COUNT];
    let mut outflow = [0.0f64; STOCK_COUNT];
    for f in step.flows {
        if !f.people.is_finite() {
            failures.push(format!(
                "{at}: flow {} -> {} is {}",
                f.from.key(),
                f.to.key(),
                f.people
            ));
        }
        outflow[f.from.index()] += f.people;
        inflow[f.to.index()] += f.people;
    }
    for s in Stock::ALL {
        let (before, after) = (step.before[s.index()], step.after[s.index()]);
        if !after.is_finite() || after < NEGATIVE_TOLERANCE {
            failures.push(format!("{at}: stock {} is {after} after the step", s.key()));
        }
        let entrants = if s == Stock::Pipeline {
            step.pipeline_entrants
        } else {
            0.0
        };
        let change = after - before;
        let balance = inflow[s.index()] - outflow[s.index()] + entrants;
        let scale = before
            .abs()
            .max(after.abs())
            .max(inflow[s.index()])
            .max(outflow[s.index()])
            .max(1.0);
        if !within(change, balance, CONSERVATION_TOLERANCE * scale) {
            failures.push(format!(
                "{at}: stock {} changed by {change} but its flows add to {balance}",
                s.key()
            ));
        }
    }
    let total_before: f64 = step.before.iter().sum();
    let total_after: f64 = step.after.iter().sum();
    let growth = total_after - total_before;
    if !within(
        growth,
        step.pipeline_entrants,
        CONSERVATION_TOLERANCE * total_after.abs().max(1.0),
    ) {
        failures.push(format!(
            "{at}: all stocks grew by {growth}, entrants were {}",
            step.pipeline_entrants
        ));
    }
}

/// Runs `scenario` and returns every failed predicate, each naming the
/// year (and month, for steps) and what failed. Empty when all pass.
pub fn failures(scenario: &Scenario) -> Vec<String> {
    let mut failures = Vec::new();
    let run = simulate_traced(scenario, |step| {
        if failures.len() < MAX_FAILURES {
            check_step(step, &mut failures);
        }
    });
    for spec in SERIES.iter() {
        for (year, &v) in run.years().iter().zip(run.series(spec.id)) {
            if !spec.is_defined_in(year) {
                if !v.is_nan() {
                    failures.push(format!(
                        "{year}: {} should be blank (from {}, only in {:?}), is {v}",
                        spec.key, spec.defined_from, spec.only_in
                    ));
                }
                continue;
            }
            // The stay rates after graduate school are reported only in
            // the years their tracked graduating cohorts reach 5 and 10
            // years, blank otherwise.
            let sparse = matches!(spec.id, SeriesId::PhdStay5y | SeriesId::PhdStay10y);
            if v.is_nan() && sparse {
                continue;
            }
            if !v.is_finite() {
                failures.push(format!("{year}: {} is {v}", spec.key));
                continue;
            }
            match spec.measure {
                Measure::Share if !(-SHARE_TOLERANCE..=1.0 + SHARE_TOLERANCE).contains(&v) => {
                    failures.push(format!("{year}: share {} is {v}, outside 0..1", spec.key));
                }
                Measure::People | Measure::PeoplePerYear if v < NEGATIVE_TOLERANCE => {
                    failures.push(format!("{year}: {} is {v} people", spec.key));
                }
                _ => {}
            }
        }
    }
    let cohort = [
        SeriesId::Cohort2019InUs,
        SeriesId::Cohort2019InChina,
        SeriesId::Cohort2019Elsewhere,
    ];
    let first = cohort.map(|id| run.value(id, 2019).unwrap_or(f64::NAN));
    if first != [1.0, 0.0, 0.0] {
        failures.push(format!(
            "2019: the cohort should be exactly 1, 0, 0 (US, China, elsewhere), is {first:?}"
        ));
    }
    for year in 2019..=run.years().last {
        let sum: f64 = cohort
            .iter()
            .map(|&id| run.value(id, year).unwrap_or(f64::NAN))
            .sum();
        if !within(sum, 1.0, 1e-9) {
            failures.push(format!("{year}: cohort shares sum to {sum}, not 1"));
        }
    }
    failures.truncate(MAX_FAILURES);
    failures
}

/// Asserts that every scenario in `scenarios` passes, listing each one that
/// does not with its first failures.
pub fn assert_all_pass<'a>(scenarios: impl IntoIterator<Item = (String, &'a Scenario)>) {
    let mut report = String::new();
    let mut checked = 0;
    for (name, scenario) in scenarios {
        checked += 1;
        let failed = failures(scenario);
        if !failed.is_empty() {
            report.push_str(&format!("\nscenario {name}:\n  {}\n", failed.join("\n  ")));
        }
    }
    assert!(checked > 0, "no scenario was checked");
    assert!(report.is_empty(), "model checks failed:{report}");
}

/// A scenario's changes from the default, for messages.
pub fn describe(scenario: &Scenario) -> String {
    let changed: Vec<String> = scenario
        .changed()
        .map(|id| format!("{}={}", id.spec().key, scenario.get(id)))
        .collect();
    if changed.is_empty() {
        "baseline".to_string()
    } else {
        changed.join(" ")
    }
}
