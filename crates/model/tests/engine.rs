//! The fast paths of the engine give exactly the plain computation's
//! numbers: a run that starts from the remembered history (before the
//! earliest policy start) equals, bit for bit, the same run from the
//! burn-in, whatever came before it on the thread; and the traced run
//! (which the conservation checks watch step by step) equals the run the
//! app shows.

use talentflow_model::engine::{simulate_from, FIRST_YEAR, PREFIX_END_YEAR};
use talentflow_model::uncertainty::SplitMix64;
use talentflow_model::{
    simulate, simulate_traced, simulate_uncached, Kind, ParamId, Run, Scenario, SeriesId, PARAMS,
};

/// Every value of a run as bits (NaN marks years before a series starts,
/// and NaN != NaN, so runs are compared by bits).
fn bits(run: &Run) -> Vec<u64> {
    SeriesId::ALL
        .iter()
        .flat_map(|id| run.series(*id).iter().map(|v| v.to_bits()))
        .collect()
}

fn unit(rng: &mut SplitMix64) -> f64 {
    (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64
}

/// Sets every parameter of `kind` (or every other kind) to a random value
/// in its range.
fn randomise(s: &mut Scenario, rng: &mut SplitMix64, levers: bool) {
    for p in PARAMS.iter() {
        if (p.kind == Kind::Lever) == levers {
            let v = p.min + unit(rng) * (p.max - p.min);
            s.set(p.id, v).unwrap();
        }
    }
}

#[test]
fn a_run_from_remembered_history_equals_the_full_run_bit_for_bit() {
    let mut rng = SplitMix64::new(0x5eed_2027);
    // A few sets of assumptions, each asked for many times with different
    // levers (as slider moves do), interleaved with one-off sets (as
    // uncertainty draws are) and repeats in between.
    let mut assumption_sets = vec![Scenario::baseline()];
    for _ in 0..5 {
        let mut s = Scenario::baseline();
        randomise(&mut s, &mut rng, false);
        assumption_sets.push(s);
    }
    let mut checked = 0;
    for round in 0..400 {
        let mut s = if round % 7 == 3 {
            let mut one_off = Scenario::baseline();
            randomise(&mut one_off, &mut rng, false);
            one_off
        } else {
            assumption_sets[(rng.next_u64() % assumption_sets.len() as u64) as usize]
        };
        if round % 2 == 0 {
            randomise(&mut s, &mut rng, true);
        }
        let fast = simulate(&s);
        let full = simulate_uncached(&s);
        assert_eq!(
            bits(&fast),
            bits(&full),
            "round {round}: a run differs from the full run: {s:?}"
        );
        assert_eq!(fast.policy_start_year, full.policy_start_year);
        checked += 1;
    }
    assert_eq!(checked, 400);
}

#[test]
fn a_change_to_any_single_assumption_is_not_served_from_remembered_history() {
    // Scenarios that differ in one non-lever parameter only must not share
    // remembered history: run each twice (the second time it would be
    // served from memory), alternating with its neighbour.
    let base = Scenario::baseline();
    for p in PARAMS.iter().filter(|p| p.kind != Kind::Lever) {
        let mut changed = base;
        let other = if p.default == p.max { p.min } else { p.max };
        changed.set(p.id, other).unwrap();
        for _ in 0..2 {
            for s in [&base, &changed] {
                assert_eq!(
                    bits(&simulate(s)),
                    bits(&simulate_uncached(s)),
                    "{} at {}",
                    p.key,
                    s.get(p.id)
                );
            }
        }
    }
}

#[test]
fn every_policy_start_year_from_remembered_history_equals_the_full_run() {
    let spec = ParamId::PolicyStartYear.spec();
    assert_eq!(PREFIX_END_YEAR, spec.min as i32);
    let mut s = Scenario::baseline();
    s.set(ParamId::VisaRestrictions, 80.0).unwrap();
    s.set(ParamId::ComputeRatio, 1.0).unwrap();
    let mut year = spec.min;
    while year <= spec.max {
        s.set(ParamId::PolicyStartYear, year).unwrap();
        // Twice: the second run starts from the remembered history.
        simulate(&s);
        assert_eq!(
            bits(&simulate(&s)),
            bits(&simulate_uncached(&s)),
            "policy start {year}"
        );
        year += spec.step;
    }
}

#[test]
fn a_run_from_a_kept_prefix_equals_the_full_run_from_the_prefix_end_on() {
    let before = (PREFIX_END_YEAR - FIRST_YEAR) as usize;
    let spec = ParamId::PolicyStartYear.spec();
    let mut rng = SplitMix64::new(0x5eed_2050);
    let mut assumptions = Scenario::baseline();
    let mut prefix = None;
    for round in 0..60 {
        // New assumptions every tenth round (a run from the burn-in), lever
        // moves in between (runs from the kept prefix), the policy start
        // year at its earliest and latest among them.
        if round % 10 == 0 {
            assumptions = Scenario::baseline();
            randomise(&mut assumptions, &mut rng, false);
        }
        let mut s = assumptions;
        if round % 10 != 0 {
            randomise(&mut s, &mut rng, true);
        }
        match round % 10 {
            4 => s.set(ParamId::PolicyStartYear, spec.min).unwrap(),
            5 => s.set(ParamId::PolicyStartYear, spec.max).unwrap(),
            _ => {}
        }
        let (run, resumed) = simulate_from(&s, &mut prefix);
        assert_eq!(resumed, round % 10 != 0, "round {round}");
        let full = bits(&simulate_uncached(&s));
        let years = run.years().len();
        for (i, (got, want)) in bits(&run).iter().zip(&full).enumerate() {
            if resumed && i % years < before {
                assert!(f64::from_bits(*got).is_nan(), "round {round}: value {i}");
            } else {
                assert_eq!(got, want, "round {round}: value {i} differs: {s:?}");
            }
        }
        assert_eq!(run.policy_start_year, s.policy_start_year());
    }
}

#[test]
fn a_kept_prefix_is_never_used_for_other_assumptions() {
    let base = Scenario::baseline();
    for p in PARAMS.iter().filter(|p| p.kind != Kind::Lever) {
        let mut changed = base;
        let other = if p.default == p.max { p.min } else { p.max };
        changed.set(p.id, other).unwrap();
        let mut prefix = None;
        simulate_from(&base, &mut prefix);
        let (run, resumed) = simulate_from(&changed, &mut prefix);
        assert!(!resumed, "{}", p.key);
        assert_eq!(bits(&run), bits(&simulate_uncached(&changed)), "{}", p.key);
        // The prefix is now the changed run's.
        let mut moved = changed;
        moved.set(ParamId::VisaRestrictions, 70.0).unwrap();
        assert!(simulate_from(&moved, &mut prefix).1, "{}", p.key);
    }
}

#[test]
fn the_traced_run_equals_the_run_the_app_shows() {
    let mut rng = SplitMix64::new(7);
    for i in 0..20 {
        let mut s = Scenario::baseline();
        randomise(&mut s, &mut rng, true);
        if i % 2 == 1 {
            randomise(&mut s, &mut rng, false);
        }
        let mut steps = 0;
        let traced = simulate_traced(&s, |_| steps += 1);
        assert_eq!(bits(&traced), bits(&simulate(&s)), "scenario {i}: {s:?}");
        assert_eq!(
            steps,
            12 * (2050 - 1995 + 1),
            "every month from 1995 to 2050"
        );
    }
}

#[test]
fn runs_on_many_threads_agree_with_one_thread() {
    let mut rng = SplitMix64::new(11);
    let scenarios: Vec<Scenario> = (0..8)
        .map(|_| {
            let mut s = Scenario::baseline();
            randomise(&mut s, &mut rng, true);
            s
        })
        .collect();
    let expected: Vec<Vec<u64>> = scenarios
        .iter()
        .map(|s| bits(&simulate_uncached(s)))
        .collect();
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| {
                for _ in 0..3 {
                    for (s, want) in scenarios.iter().zip(&expected) {
                        assert_eq!(&bits(&simulate(s)), want);
                    }
                }
            });
        }
    });
}
