//! How long one baseline run takes: `cargo bench -p talentflow-model --bench run`.
//!
//! A run must be cheap enough to repeat on every slider move and hundreds
//! of times for uncertainty bands. Times `RUNS` baseline runs one by one
//! after a warm-up and prints the median and 95th percentile in
//! microseconds per run. Plain `std::time::Instant`, no benchmark crate.

use std::hint::black_box;
use std::time::Instant;

use talentflow_model::{simulate, Scenario, SeriesId};

/// Runs timed.
const RUNS: usize = 2000;
/// Runs before timing starts (caches, branch predictors, CPU clock).
const WARM_UP_RUNS: usize = 200;

fn main() {
    let scenario = Scenario::baseline();
    for _ in 0..WARM_UP_RUNS {
        black_box(simulate(black_box(&scenario)));
    }
    let mut micros: Vec<f64> = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let started = Instant::now();
        let run = simulate(black_box(&scenario));
        micros.push(started.elapsed().as_secs_f64() * 1e6);
        black_box(run.value(SeriesId::Cohort2019InUs, 2050));
    }
    micros.sort_by(f64::total_cmp);
    let at = |q: f64| micros[((micros.len() - 1) as f64 * q).round() as usize];
    println!("baseline run, {RUNS} runs after {WARM_UP_RUNS} warm-up runs:");
    println!("  median {:.1} us per run", at(0.5));
    println!("  p95    {:.1} us per run", at(0.95));
    println!(
        "  min {:.1} us, max {:.1} us",
        micros[0],
        micros[micros.len() - 1]
    );
}
