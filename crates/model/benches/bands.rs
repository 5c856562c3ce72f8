//! How long uncertainty bands take: `cargo bench -p talentflow-model --bench bands`.
//!
//! Times the whole of `bands(&scenario, 200, seed)` (200 draws, each one
//! run of the model, then the percentiles) for the baseline and for a
//! changed scenario, `REPEATS` times each after a warm-up, and prints the
//! median and the slowest in milliseconds, with the time per draw; then
//! the bands after a lever move, as a drag makes them: each builder takes
//! over the previous one's draws (`BandsBuilder::new_after`), alternating
//! between the baseline and the changed scenario (which differ only in
//! levers), so every draw runs 2027-2050 only; and its ratio to the full
//! bands. Also
//! times one sensitivity ranking (39 runs) and the attribution of all
//! eight levers changed at once (256 runs). Plain `std::time::Instant`, no
//! benchmark crate.

use std::hint::black_box;
use std::time::Instant;

use talentflow_model::{
    attribute_many, bands, sensitivity, BandsBuilder, ParamId, Scenario, SeriesId,
};

/// Draws per band: what the app uses by default.
const DRAWS: usize = talentflow_model::uncertainty::DEFAULT_DRAWS;
/// Timed repetitions of each measurement.
const REPEATS: usize = 15;

/// Median and maximum of `REPEATS` timings of `f`, in milliseconds, after
/// one untimed call.
fn time(mut f: impl FnMut()) -> (f64, f64) {
    f();
    let mut ms: Vec<f64> = (0..REPEATS)
        .map(|_| {
            let started = Instant::now();
            f();
            started.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    ms.sort_by(f64::total_cmp);
    (ms[ms.len() / 2], ms[ms.len() - 1])
}

fn changed() -> Scenario {
    let mut s = Scenario::baseline();
    for (id, v) in [
        (ParamId::VisaRestrictions, 10.0),
        (ParamId::ChinaAiFunding, 5.0),
        (ParamId::ComputeRatio, 2.0),
        (ParamId::ScrutinyClimate, 20.0),
        (ParamId::UsResearchFunding, 1.5),
        (ParamId::PayGap, 2.0),
        (ParamId::EcosystemLoop, 1.5),
        (ParamId::PolicyStartYear, 2029.0),
    ] {
        s.set_clamped(id, v);
    }
    s
}

fn main() {
    println!("{REPEATS} repetitions after one warm-up, median (max):");
    let mut full = 0.0;
    for (name, scenario) in [
        ("baseline", Scenario::baseline()),
        ("8 levers changed", changed()),
    ] {
        let mut seed = 0;
        let (median, max) = time(|| {
            seed += 1;
            match bands(black_box(&scenario), DRAWS, seed) {
                Ok(b) => {
                    black_box(b);
                }
                Err(e) => eprintln!("bands failed: {e}"),
            }
        });
        println!(
            "  bands, {DRAWS} draws, {name}: {median:.1} ms ({max:.1} ms), {:.2} ms per draw",
            median / DRAWS as f64
        );
        full = median;
    }
    let seed = talentflow_model::uncertainty::DEFAULT_SEED;
    let scenarios = [Scenario::baseline(), changed()];
    let mut previous = BandsBuilder::new(&scenarios[0], DRAWS, seed).ok();
    if let Some(b) = previous.as_mut() {
        b.step(DRAWS);
    }
    let mut move_count = 0;
    let mut reused = 0;
    let (median, max) = time(|| {
        move_count += 1;
        let scenario = &scenarios[move_count % 2];
        match BandsBuilder::new_after(previous.take(), black_box(scenario), DRAWS, seed) {
            Ok(mut b) => {
                b.step(DRAWS);
                reused = b.reused();
                black_box(b.bands().ok());
                previous = Some(b);
            }
            Err(e) => eprintln!("bands failed: {e}"),
        }
    });
    println!(
        "  bands after a lever move, history reused ({reused} of {DRAWS} draws): {median:.1} ms ({max:.1} ms), {:.2} of the full bands' time",
        median / full
    );
    let scenario = changed();
    let (median, max) = time(
        || match sensitivity(&scenario, SeriesId::Cohort2019InUs, 2035) {
            Ok(s) => {
                black_box(s);
            }
            Err(e) => eprintln!("sensitivity failed: {e}"),
        },
    );
    println!("  sensitivity, one outcome: {median:.1} ms ({max:.1} ms)");
    let outcomes: Vec<(SeriesId, i32)> = talentflow_model::HEADLINE_SERIES
        .iter()
        .map(|&s| (s, 2035))
        .collect();
    let (median, max) = time(|| match attribute_many(&scenario, &outcomes) {
        Ok(a) => {
            black_box(a);
        }
        Err(e) => eprintln!("attribution failed: {e}"),
    });
    println!("  attribution, 8 levers changed, 8 headline outcomes: {median:.1} ms ({max:.1} ms)");
}
