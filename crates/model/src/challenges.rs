//! Challenge cards: goals stated as conditions on the model's outputs,
//! under constraints on the sliders, checked live while a student works.
//!
//! A challenge is data: an id (stable, used in links `challenge=<id>` and
//! message keys `challenge-<id>-name` / `-task`), the settings it starts
//! from, the constraints a solution must keep (a lever compared with a
//! value), and the goals it must reach (an output column in a year
//! compared with a threshold, which may itself be the same column in
//! another year of the same run). [`Challenge::evaluate`] is pure.

use crate::params::ParamId;
use crate::run::{Run, SeriesId};
use crate::scenario::Scenario;

/// How a value is compared with its threshold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cmp {
    /// At least the threshold.
    AtLeast,
    /// At most the threshold.
    AtMost,
}

impl Cmp {
    /// Whether `value` satisfies the comparison with `threshold`.
    pub fn holds(self, value: f64, threshold: f64) -> bool {
        match self {
            Cmp::AtLeast => value >= threshold,
            Cmp::AtMost => value <= threshold,
        }
    }
}

/// What a goal's value is compared with.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Threshold {
    /// A fixed value in the series' own measure (a share 0..1, people).
    Value(f64),
    /// The same series' value in another year of the same run (e.g. "back
    /// to its 2019 level").
    LevelIn(i32),
}

/// A condition on an output.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Goal {
    /// The output column.
    pub series: SeriesId,
    /// The year it is read in.
    pub year: i32,
    /// How it must compare.
    pub cmp: Cmp,
    /// With what.
    pub threshold: Threshold,
}

/// A condition on a slider.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Constraint {
    /// The lever.
    pub param: ParamId,
    /// How it must compare.
    pub cmp: Cmp,
    /// With what, in the lever's unit.
    pub value: f64,
}

impl Constraint {
    /// Whether `scenario` keeps this constraint.
    pub fn holds(&self, scenario: &Scenario) -> bool {
        self.cmp.holds(scenario.get(self.param), self.value)
    }
}

/// One challenge card.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Challenge {
    /// Stable identifier, used in links and message keys.
    pub id: &'static str,
    /// The levers the card starts from (the rest at their defaults).
    pub start: &'static [(ParamId, f64)],
    /// What a solution must keep.
    pub constraints: &'static [Constraint],
    /// What a solution must reach.
    pub goals: &'static [Goal],
    /// Ids of rows in `data/facts.csv` the card rests on.
    pub sources: &'static [&'static str],
}

/// How far a scenario is from one goal.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GoalStatus {
    /// The goal.
    pub goal: Goal,
    /// The output's value now (NaN if the run has no such year).
    pub value: f64,
    /// The value it must reach.
    pub target: f64,
    /// The value at the card's start.
    pub start: f64,
    /// Whether it is reached.
    pub met: bool,
    /// How far from the start towards the target, 0..1 (1 when met).
    pub progress: f64,
}

/// How a scenario stands against a whole card.
#[derive(Clone, Debug, PartialEq)]
pub struct Evaluation {
    /// One per goal, in the card's order.
    pub goals: Vec<GoalStatus>,
    /// Whether each constraint holds, in the card's order.
    pub constraints: Vec<bool>,
}

impl Evaluation {
    /// Whether every goal is reached and every constraint kept.
    pub fn met(&self) -> bool {
        self.goals.iter().all(|g| g.met) && self.constraints.iter().all(|c| *c)
    }
}

impl Challenge {
    /// Message key of the card's short name.
    pub fn name_key(&self) -> String {
        format!("challenge-{}-name", self.id)
    }
    /// Message key of the card's task, in a sentence or two.
    pub fn task_key(&self) -> String {
        format!("challenge-{}-task", self.id)
    }
    /// The scenario the card starts from.
    pub fn start_scenario(&self) -> Scenario {
        let mut scenario = Scenario::baseline();
        for &(id, value) in self.start {
            scenario.set_clamped(id, value);
        }
        scenario
    }

    /// How `scenario`, whose run is `run`, stands against the card;
    /// `start` is the run of [`Challenge::start_scenario`], from which
    /// progress is measured.
    pub fn evaluate(&self, scenario: &Scenario, run: &Run, start: &Run) -> Evaluation {
        let goals = self
            .goals
            .iter()
            .map(|goal| {
                let read = |r: &Run, year: i32| r.value(goal.series, year).unwrap_or(f64::NAN);
                let value = read(run, goal.year);
                let target = match goal.threshold {
                    Threshold::Value(v) => v,
                    Threshold::LevelIn(year) => read(run, year),
                };
                let start_value = read(start, goal.year);
                let met = goal.cmp.holds(value, target);
                GoalStatus {
                    goal: *goal,
                    value,
                    target,
                    start: start_value,
                    met,
                    progress: if met {
                        1.0
                    } else {
                        progress(start_value, value, target)
                    },
                }
            })
            .collect();
        let constraints = self.constraints.iter().map(|c| c.holds(scenario)).collect();
        Evaluation { goals, constraints }
    }
}

/// Where `value` lies on the way from `start` to `target`, 0..1: 0 at the
/// start or behind it, 1 at the target or past it. A start already at the
/// target counts as 0 until the value reaches it; anything not finite is 0.
pub fn progress(start: f64, value: f64, target: f64) -> f64 {
    let p = (value - start) / (target - start);
    if p.is_finite() {
        p.clamp(0.0, 1.0)
    } else {
        0.0
    }
}

use ParamId::{ChinaAiFunding, ComputeRatio, VisaRestrictions};
use SeriesId::{Cohort2019InUs, InflowUsGrad, ShareWorkUs};

/// Every challenge card, in the order the app lists them.
pub const CHALLENGES: [Challenge; 3] = [
    // China's public AI funding doubles from today's 2x of 2019 (F03, F01);
    // keep 78% of the 2019 cohort in 2035 (87 of 100 in 2025, C03; about
    // 77% in 2035 under today's settings, 76% with the doubled funding).
    Challenge {
        id: "hold_the_line",
        start: &[(ChinaAiFunding, 4.0)],
        constraints: &[Constraint {
            param: ChinaAiFunding,
            cmp: Cmp::AtLeast,
            value: 4.0,
        }],
        goals: &[Goal {
            series: Cohort2019InUs,
            year: 2035,
            cmp: Cmp::AtLeast,
            threshold: Threshold::Value(0.85),
        }],
        sources: &["C03", "F01", "F03"],
    },
    // Visa blocking stays at PP10043-plus levels (O16, O18, O21): bring the
    // graduate-student inflow back to its 2019 level anyway.
    Challenge {
        id: "refill_the_pipeline",
        start: &[(VisaRestrictions, 45.0)],
        constraints: &[Constraint {
            param: VisaRestrictions,
            cmp: Cmp::AtLeast,
            value: 45.0,
        }],
        goals: &[Goal {
            series: InflowUsGrad,
            year: 2035,
            cmp: Cmp::AtLeast,
            threshold: Threshold::LevelIn(2019),
        }],
        sources: &["O16", "O18", "O21", "S14"],
    },
    // China's compute reaches the US's (P01, P06): keep the US's share of
    // these researchers at its 2026 level.
    Challenge {
        id: "compute_parity",
        start: &[(ComputeRatio, 1.0)],
        constraints: &[Constraint {
            param: ComputeRatio,
            cmp: Cmp::AtMost,
            value: 1.0,
        }],
        goals: &[Goal {
            series: ShareWorkUs,
            year: 2035,
            cmp: Cmp::AtLeast,
            threshold: Threshold::LevelIn(2026),
        }],
        sources: &["P01", "P05", "M03"],
    },
];

/// The challenge with this id.
pub fn challenge(id: &str) -> Option<usize> {
    CHALLENGES.iter().position(|c| c.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::simulate;
    use crate::params::Kind;
    use crate::sources::fact;
    use ParamId::{PayGap, ScrutinyClimate, UsResearchFunding};

    fn scenario(settings: &[(ParamId, f64)]) -> Scenario {
        let mut s = Scenario::baseline();
        for &(id, v) in settings {
            s.set(id, v).unwrap();
        }
        s
    }

    fn evaluate(c: &Challenge, s: &Scenario) -> Evaluation {
        c.evaluate(s, &simulate(s), &simulate(&c.start_scenario()))
    }

    /// A scenario known to meet each card (found by hand with the sliders).
    fn solution(id: &str) -> Scenario {
        match id {
            "hold_the_line" => scenario(&[
                (ChinaAiFunding, 4.0),
                (VisaRestrictions, 0.0),
                (ScrutinyClimate, 0.0),
                (UsResearchFunding, 2.0),
                (PayGap, 10.0),
            ]),
            "refill_the_pipeline" => scenario(&[
                (VisaRestrictions, 45.0),
                (ScrutinyClimate, 0.0),
                (PayGap, 6.0),
                (UsResearchFunding, 1.3),
            ]),
            "compute_parity" => scenario(&[
                (ComputeRatio, 1.0),
                (VisaRestrictions, 10.0),
                (ScrutinyClimate, 10.0),
                (UsResearchFunding, 1.5),
                (PayGap, 6.0),
            ]),
            other => panic!("no solution written for {other}"),
        }
    }

    #[test]
    fn every_card_is_not_met_at_its_start() {
        for c in CHALLENGES.iter() {
            let e = evaluate(c, &c.start_scenario());
            assert!(!e.met(), "{} is met before the student moves", c.id);
            assert!(
                e.constraints.iter().all(|k| *k),
                "{} starts outside its constraints",
                c.id
            );
            for g in &e.goals {
                assert!(!g.met && g.progress == 0.0, "{}: {g:?}", c.id);
            }
        }
    }

    #[test]
    fn every_card_is_met_by_a_solution_within_its_constraints() {
        for c in CHALLENGES.iter() {
            let e = evaluate(c, &solution(c.id));
            assert!(e.met(), "{}: {e:?}", c.id);
            assert!(e.goals.iter().all(|g| g.progress == 1.0));
        }
    }

    #[test]
    fn reaching_the_goal_by_breaking_a_constraint_does_not_count() {
        // Dropping visa blocking to 0 refills the pipeline, but the card
        // says it must stay at 45% or more.
        let c = &CHALLENGES[challenge("refill_the_pipeline").unwrap()];
        let e = evaluate(c, &scenario(&[(VisaRestrictions, 0.0)]));
        assert!(e.goals[0].met, "{e:?}");
        assert_eq!(e.constraints, vec![false]);
        assert!(!e.met());
    }

    #[test]
    fn a_relative_threshold_reads_the_same_run() {
        let c = &CHALLENGES[challenge("refill_the_pipeline").unwrap()];
        let s = solution(c.id);
        let run = simulate(&s);
        let e = evaluate(c, &s);
        assert_eq!(e.goals[0].target, run.value(InflowUsGrad, 2019).unwrap());
        assert_eq!(e.goals[0].value, run.value(InflowUsGrad, 2035).unwrap());
    }

    #[test]
    fn partial_moves_show_partial_progress() {
        // Part of the way towards the solution of the first card (a
        // milder scrutiny climate): some progress, not all.
        let c = &CHALLENGES[0];
        let e = evaluate(
            c,
            &scenario(&[(ChinaAiFunding, 4.0), (ScrutinyClimate, 30.0)]),
        );
        let p = e.goals[0].progress;
        assert!(p > 0.0 && p < 1.0, "{p}");
        assert!(!e.met());
    }

    #[test]
    fn progress_runs_from_start_to_target_in_either_direction() {
        assert_eq!(progress(10.0, 15.0, 20.0), 0.5);
        assert_eq!(progress(10.0, 5.0, 20.0), 0.0);
        assert_eq!(progress(10.0, 25.0, 20.0), 1.0);
        assert_eq!(progress(20.0, 15.0, 10.0), 0.5);
        assert_eq!(progress(10.0, 10.0, 10.0), 0.0);
        assert_eq!(progress(f64::NAN, 1.0, 2.0), 0.0);
        assert!(Cmp::AtLeast.holds(2.0, 2.0) && !Cmp::AtLeast.holds(1.0, 2.0));
        assert!(Cmp::AtMost.holds(2.0, 2.0) && !Cmp::AtMost.holds(3.0, 2.0));
        assert!(!Cmp::AtLeast.holds(f64::NAN, 2.0));
    }

    #[test]
    fn cards_are_well_formed() {
        let app = include_str!("../../../locales/en/app.ftl");
        let story = include_str!("../../../locales/en/story.ftl");
        for (i, c) in CHALLENGES.iter().enumerate() {
            assert_eq!(challenge(c.id), Some(i));
            assert!(c.id.chars().all(|ch| ch.is_ascii_lowercase() || ch == '_'));
            assert!(!c.goals.is_empty());
            for k in c.constraints {
                assert_eq!(k.param.spec().kind, Kind::Lever);
                assert!(k.param.spec().contains(k.value));
            }
            for &(id, v) in c.start {
                assert!(id.spec().contains(v));
            }
            for id in c.sources {
                assert!(fact(id).is_some(), "{}: {id}", c.id);
            }
            // The name is on the first page (the card list), the task in
            // the story pack.
            for (file, key) in [(app, c.name_key()), (story, c.task_key())] {
                assert!(
                    file.lines().any(|l| l.starts_with(&format!("{key} = "))),
                    "{key}"
                );
            }
        }
        assert_eq!(challenge("nope"), None);
    }
}
