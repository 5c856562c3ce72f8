//! Model checks over declared scenarios: every parameter at its default,
//! all at their minimum, all at their maximum, each alone at its minimum
//! and at its maximum (3 + 2 x 46 scenarios), then 300 random scenarios.
//! Every scenario must keep every stock non-negative, conserve people at
//! every step, keep every output finite and every share inside 0..1, and
//! keep the 2019 cohort's shares summing to 1.

mod common;

use common::{assert_all_pass, describe};
use talentflow_model::{ParamId, Scenario, PARAMS};

fn all_at(pick: impl Fn(&talentflow_model::ParamSpec) -> f64) -> Scenario {
    let mut s = Scenario::baseline();
    for p in PARAMS.iter() {
        if let Err(e) = s.set(p.id, pick(p)) {
            panic!("{e}");
        }
    }
    s
}

fn alone_at(id: ParamId, value: f64) -> Scenario {
    let mut s = Scenario::baseline();
    if let Err(e) = s.set(id, value) {
        panic!("{e}");
    }
    s
}

#[test]
fn baseline_passes_every_check() {
    assert_all_pass([("baseline".to_string(), &Scenario::baseline())]);
}

#[test]
fn every_parameter_at_its_minimum_passes_every_check() {
    assert_all_pass([("all at min".to_string(), &all_at(|p| p.min))]);
}

#[test]
fn every_parameter_at_its_maximum_passes_every_check() {
    assert_all_pass([("all at max".to_string(), &all_at(|p| p.max))]);
}

#[test]
fn each_parameter_alone_at_its_minimum_passes_every_check() {
    let scenarios: Vec<(String, Scenario)> = PARAMS
        .iter()
        .map(|p| (format!("{}={} (min)", p.key, p.min), alone_at(p.id, p.min)))
        .collect();
    assert_eq!(scenarios.len(), PARAMS.len());
    assert_all_pass(scenarios.iter().map(|(n, s)| (n.clone(), s)));
}

#[test]
fn each_parameter_alone_at_its_maximum_passes_every_check() {
    let scenarios: Vec<(String, Scenario)> = PARAMS
        .iter()
        .map(|p| (format!("{}={} (max)", p.key, p.max), alone_at(p.id, p.max)))
        .collect();
    assert_eq!(scenarios.len(), PARAMS.len());
    assert_all_pass(scenarios.iter().map(|(n, s)| (n.clone(), s)));
}

/// A tiny linear congruential generator (Knuth's MMIX constants), so the
/// random scenarios are the same on every machine and need no crate.
struct Lcg(u64);

impl Lcg {
    fn next_u64(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0
    }
    /// Uniform in [0, 1), from the high 53 bits.
    fn next_unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }
}

#[test]
fn random_scenarios_pass_every_check() {
    let mut rng = Lcg(0x7a1e_f10e_2019_2025);
    let scenarios: Vec<Scenario> = (0..300)
        .map(|_| {
            let mut s = Scenario::baseline();
            for p in PARAMS.iter() {
                let value = p.min + rng.next_unit() * (p.max - p.min);
                if let Err(e) = s.set(p.id, value) {
                    panic!("{e}");
                }
            }
            s
        })
        .collect();
    assert_all_pass(
        scenarios
            .iter()
            .enumerate()
            .map(|(i, s)| (format!("random #{i} [{}]", describe(s)), s)),
    );
}
