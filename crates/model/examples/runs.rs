//! Runs the model N times (default 1000), alternating the baseline and a
//! changed scenario, and prints milliseconds per run: the native side of
//! the wasm/native comparison in `scripts/bench.sh` (the browser runs the
//! same workload through `model_run_time_ms`). Also a fixed workload for
//! counting instructions: `valgrind --tool=callgrind .../examples/runs 20`.
//! With `full` as the second argument every run starts from the burn-in
//! (`simulate_uncached`), as an uncertainty draw does.

use std::hint::black_box;
use std::time::Instant;
use talentflow_model::{simulate, simulate_uncached, ParamId, Scenario, SeriesId};

fn main() {
    let n: u32 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(1000)
        .max(1);
    let full = std::env::args().nth(2).as_deref() == Some("full");
    let run = if full { simulate_uncached } else { simulate };
    let baseline = Scenario::baseline();
    let mut changed = baseline;
    changed.set_clamped(ParamId::VisaRestrictions, 60.0);
    let started = Instant::now();
    let mut checksum = 0.0;
    for i in 0..n {
        let scenario = if i % 2 == 0 { &baseline } else { &changed };
        checksum += run(black_box(scenario))
            .value(SeriesId::Cohort2019InUs, 2050)
            .unwrap_or(0.0);
    }
    let ms = started.elapsed().as_secs_f64() * 1e3 / f64::from(n);
    black_box(checksum);
    println!("native_ms_per_run {ms:.4}");
}
