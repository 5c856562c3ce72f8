//! How long one run takes: `cargo bench -p talentflow-model --bench run`.
//!
//! A run must be cheap enough to repeat on every slider move and hundreds
//! of times for uncertainty bands. Times `RUNS` runs one by one after a
//! warm-up and prints the median and 95th percentile in microseconds per
//! run, and the median's ratio to the budget. Plain `std::time::Instant`,
//! no benchmark crate. Three workloads:
//!
//! - slider moves: the visa lever at a new value on every run (what the
//!   page pays per move; the history before the policy start is
//!   remembered, since no lever acts on it);
//! - baseline: the same scenario again and again;
//! - full run: `simulate_uncached`, from the burn-in, as an uncertainty
//!   draw pays it (draws vary the assumptions, so nothing is remembered).

use std::hint::black_box;
use std::time::Instant;

use talentflow_model::{simulate, simulate_uncached, ParamId, Run, Scenario, SeriesId};

/// Runs timed per workload.
const RUNS: usize = 2000;
/// Runs before timing starts (caches, branch predictors, CPU clock).
const WARM_UP_RUNS: usize = 200;
/// The budget for one run, microseconds (docs/benchmarks.md).
const BUDGET_US: f64 = 50.0;

fn time(name: &str, mut run: impl FnMut(usize) -> Run) -> f64 {
    for i in 0..WARM_UP_RUNS {
        black_box(run(i));
    }
    let mut micros: Vec<f64> = Vec::with_capacity(RUNS);
    for i in 0..RUNS {
        let started = Instant::now();
        let out = run(i);
        micros.push(started.elapsed().as_secs_f64() * 1e6);
        black_box(out.value(SeriesId::Cohort2019InUs, 2050));
    }
    micros.sort_by(f64::total_cmp);
    let at = |q: f64| micros[((micros.len() - 1) as f64 * q).round() as usize];
    let median = at(0.5);
    println!(
        "{name:<14} median {median:>6.1} us  p95 {:>6.1} us  min {:>6.1} us  ({:.2}x the {BUDGET_US} us budget)",
        at(0.95),
        micros[0],
        median / BUDGET_US
    );
    median
}

fn main() {
    let baseline = Scenario::baseline();
    let moves: Vec<Scenario> = (0..64)
        .map(|i| {
            let mut s = baseline;
            s.set_clamped(ParamId::VisaRestrictions, f64::from(i));
            s
        })
        .collect();
    println!("one model run, {RUNS} runs after {WARM_UP_RUNS} warm-up runs:");
    time("slider moves", |i| {
        simulate(black_box(&moves[i % moves.len()]))
    });
    time("baseline", |_| simulate(black_box(&baseline)));
    time("full run", |i| {
        simulate_uncached(black_box(&moves[i % moves.len()]))
    });
}
