//! Runs the baseline N times (default 100): a fixed workload for counting
//! instructions, e.g. `valgrind --tool=callgrind target/release/examples/runs 100`.

use std::hint::black_box;
use talentflow_model::{simulate, Scenario, SeriesId};

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(100);
    let scenario = Scenario::baseline();
    let mut total = 0.0;
    for _ in 0..n {
        total += simulate(black_box(&scenario))
            .value(SeriesId::Cohort2019InUs, 2050)
            .unwrap_or(0.0);
    }
    println!("{total}");
}
