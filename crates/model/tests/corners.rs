//! Model checks over the whole parameter space, beyond the declared matrix
//! and the uniform random scenarios of `checks.rs`: the corners (every
//! parameter at its minimum, default or maximum, in random combinations),
//! log-scale parameters drawn on their own scale (so that small compute
//! ratios and pay gaps are as likely as large ones), values a hair inside
//! each bound, and every policy start year with the levers at their
//! extremes. Each scenario must pass every check of `common` (stocks
//! non-negative, people conserved at every step, outputs finite, shares in
//! 0..1, the cohort summing to 1), and the run the app shows must equal
//! the traced run the checks watched, bit for bit.

mod common;

use common::{assert_all_pass, describe};
use talentflow_model::uncertainty::SplitMix64;
use talentflow_model::{
    simulate, simulate_traced, Kind, ParamId, ParamSpec, Run, Scale, Scenario, SeriesId, PARAMS,
};

fn unit(rng: &mut SplitMix64) -> f64 {
    (rng.next_u64() >> 11) as f64 / (1u64 << 53) as f64
}

fn scenario(pick: impl Fn(&ParamSpec) -> f64) -> Scenario {
    let mut s = Scenario::baseline();
    for p in PARAMS.iter() {
        if let Err(e) = s.set(p.id, pick(p)) {
            panic!("{e}");
        }
    }
    s
}

fn bits(run: &Run) -> Vec<u64> {
    SeriesId::ALL
        .iter()
        .flat_map(|id| run.series(*id).iter().map(|v| v.to_bits()))
        .collect()
}

/// Checks every scenario and that the app's run equals the traced one.
fn check(named: &[(String, Scenario)]) {
    for (name, s) in named {
        assert_eq!(
            bits(&simulate(s)),
            bits(&simulate_traced(s, |_| {})),
            "{name}: the app's run differs from the traced run"
        );
    }
    assert_all_pass(named.iter().map(|(n, s)| (n.clone(), s)));
}

#[test]
fn random_corners_of_the_parameter_space_pass_every_check() {
    let mut rng = SplitMix64::new(0xc0_27e5);
    let named: Vec<(String, Scenario)> = (0..400)
        .map(|i| {
            let picks: Vec<u64> = PARAMS.iter().map(|_| rng.next_u64() % 3).collect();
            let s = scenario(|p| match picks[p.id.index()] {
                0 => p.min,
                1 => p.default,
                _ => p.max,
            });
            (format!("corner #{i} [{}]", describe(&s)), s)
        })
        .collect();
    check(&named);
}

#[test]
fn every_lever_at_an_extreme_in_every_policy_start_year_passes_every_check() {
    let start = ParamId::PolicyStartYear.spec();
    let levers: Vec<&ParamSpec> = PARAMS
        .iter()
        .filter(|p| p.kind == Kind::Lever && p.id != ParamId::PolicyStartYear)
        .collect();
    let mut rng = SplitMix64::new(2027);
    let mut named = Vec::new();
    let mut year = start.min;
    while year <= start.max {
        // All levers low, all high, and 8 random mixes of low and high,
        // with the assumptions at their defaults and at random corners.
        for mix in 0..10u64 {
            let bits_of_mix = match mix {
                0 => 0,
                1 => u64::MAX,
                _ => rng.next_u64(),
            };
            let corner_assumptions = mix >= 5;
            let choices: Vec<u64> = PARAMS.iter().map(|_| rng.next_u64() % 2).collect();
            let s = scenario(|p| {
                if p.id == ParamId::PolicyStartYear {
                    year
                } else if let Some(i) = levers.iter().position(|l| l.id == p.id) {
                    if bits_of_mix >> i & 1 == 1 {
                        p.max
                    } else {
                        p.min
                    }
                } else if corner_assumptions {
                    if choices[p.id.index()] == 1 {
                        p.max
                    } else {
                        p.min
                    }
                } else {
                    p.default
                }
            });
            named.push((format!("start {year} mix {mix} [{}]", describe(&s)), s));
        }
        year += start.step;
    }
    assert_eq!(named.len(), 14 * 10);
    check(&named);
}

#[test]
fn parameters_drawn_on_their_own_scale_pass_every_check() {
    let mut rng = SplitMix64::new(0x10_65ca1e);
    let named: Vec<(String, Scenario)> = (0..300)
        .map(|i| {
            let u: Vec<f64> = PARAMS.iter().map(|_| unit(&mut rng)).collect();
            let s = scenario(|p| {
                let v = match p.scale {
                    Scale::Linear => p.min + u[p.id.index()] * (p.max - p.min),
                    Scale::Log => p.min * (p.max / p.min).powf(u[p.id.index()]),
                };
                v.clamp(p.min, p.max)
            });
            (format!("own scale #{i} [{}]", describe(&s)), s)
        })
        .collect();
    check(&named);
}

#[test]
fn values_a_hair_inside_each_bound_pass_every_check() {
    // The next representable values inside the range, alone and all at
    // once: rounding at the edges must not break a check.
    let inside = |p: &ParamSpec, low: bool| {
        if low {
            p.min.next_up()
        } else {
            p.max.next_down()
        }
    };
    let mut named = Vec::new();
    for low in [true, false] {
        let all = scenario(|p| {
            if p.id == ParamId::PolicyStartYear {
                if low {
                    p.min
                } else {
                    p.max
                }
            } else {
                inside(p, low)
            }
        });
        named.push((format!("all a hair inside (low: {low})"), all));
        for q in PARAMS.iter() {
            let s = scenario(|p| {
                if p.id == q.id {
                    inside(p, low)
                } else {
                    p.default
                }
            });
            named.push((format!("{} a hair inside (low: {low})", q.key), s));
        }
    }
    check(&named);
}
