//! The parameter table, the sources it cites, and the model's structural
//! promises: history does not move with the sliders, and each main lever
//! pushes the way the story says.

use talentflow_model::history::Driver;
use talentflow_model::{
    fact, simulate, Kind, ParamId, Run, Scale, Scenario, SeriesId, LAST_HISTORY_YEAR, OBSERVATIONS,
    PARAMS, SERIES, TARGETS,
};

fn with(changes: &[(ParamId, f64)]) -> Scenario {
    let mut s = Scenario::baseline();
    for &(id, value) in changes {
        if let Err(e) = s.set(id, value) {
            panic!("{e}");
        }
    }
    s
}

fn value(run: &Run, id: SeriesId, year: i32) -> f64 {
    run.value(id, year)
        .unwrap_or_else(|| panic!("{} has no value for {year}", id.key()))
}

// --- the parameter table ------------------------------------------------------

#[test]
fn row_i_of_the_table_describes_param_id_i() {
    for (i, p) in PARAMS.iter().enumerate() {
        assert_eq!(p.id as usize, i, "row {i} ({}) has id {:?}", p.key, p.id);
        assert_eq!(ParamId::ALL[i].index(), i);
        assert_eq!(ParamId::from_key(p.key), Some(p.id));
    }
}

#[test]
fn parameter_keys_are_unique_and_url_safe() {
    for (i, p) in PARAMS.iter().enumerate() {
        assert!(!p.key.is_empty(), "row {i} has an empty key");
        assert!(
            p.key
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
            "{} is not URL-safe",
            p.key
        );
        assert!(
            p.key.as_bytes()[0].is_ascii_lowercase(),
            "{} should start with a letter",
            p.key
        );
        assert!(
            PARAMS[..i].iter().all(|q| q.key != p.key),
            "{} appears twice",
            p.key
        );
    }
}

#[test]
fn every_range_is_well_formed_and_holds_its_default() {
    for p in PARAMS.iter() {
        assert!(
            p.min.is_finite() && p.max.is_finite() && p.default.is_finite(),
            "{}",
            p.key
        );
        assert!(
            p.min < p.max,
            "{}: min {} is not below max {}",
            p.key,
            p.min,
            p.max
        );
        assert!(
            p.contains(p.default),
            "{}: default {} outside {}..{}",
            p.key,
            p.default,
            p.min,
            p.max
        );
        assert!(p.step > 0.0, "{}: step {}", p.key, p.step);
        assert!(
            p.step <= p.max - p.min,
            "{}: step {} wider than the range",
            p.key,
            p.step
        );
        if p.scale == Scale::Log {
            assert!(
                p.min > 0.0,
                "{}: a log scale needs min > 0, has {}",
                p.key,
                p.min
            );
        }
    }
}

#[test]
fn slider_positions_and_values_round_trip() {
    for p in PARAMS.iter() {
        assert_eq!(p.value_from_position(0.0), p.min, "{}: position 0", p.key);
        assert_eq!(p.value_from_position(1.0), p.max, "{}: position 1", p.key);
        let back = p.value_from_position(p.position_from_value(p.default));
        assert!(
            (back - p.default).abs() <= 1e-9 * p.default.abs().max(1.0),
            "{}: default {} comes back as {back}",
            p.key,
            p.default
        );
        // Any track position lands on a value inside the range whose own
        // position is within one rounding step of where it started.
        let tolerance = match p.scale {
            Scale::Linear => p.step / (p.max - p.min) / 2.0 + 1e-9,
            Scale::Log => (1.05f64).ln() / (p.max / p.min).ln() + 1e-9,
        };
        let mut last = f64::NEG_INFINITY;
        for k in 0..=200 {
            let position = f64::from(k) / 200.0;
            let v = p.value_from_position(position);
            assert!(
                p.contains(v),
                "{}: position {position} gives {v}, outside the range",
                p.key
            );
            assert!(
                v >= last,
                "{}: values fall as the position rises ({last} then {v})",
                p.key
            );
            last = v;
            let again = p.position_from_value(v);
            assert!(
                (again - position).abs() <= tolerance,
                "{}: position {position} -> {v} -> {again}",
                p.key
            );
        }
    }
}

#[test]
fn each_lever_default_equals_its_last_recorded_value() {
    for d in Driver::ALL {
        let spec = d.lever().spec();
        assert_eq!(
            spec.kind,
            Kind::Lever,
            "{} drives history but is not a lever",
            spec.key
        );
        assert_eq!(
            d.historical(LAST_HISTORY_YEAR),
            spec.default,
            "{}: the {LAST_HISTORY_YEAR} knot differs from the default, so the baseline would jump at the policy start",
            spec.key
        );
    }
    // Levers without a recorded path: the loop strength (history uses its
    // default) and the policy start year itself.
    for p in PARAMS.iter().filter(|p| p.kind == Kind::Lever) {
        let has_history = Driver::ALL.iter().any(|d| d.lever() == p.id);
        assert!(
            has_history || matches!(p.id, ParamId::EcosystemLoop | ParamId::PolicyStartYear),
            "{} has no recorded path",
            p.key
        );
    }
}

#[test]
fn policy_start_defaults_to_the_year_after_recorded_history() {
    assert_eq!(
        ParamId::PolicyStartYear.spec().default,
        f64::from(LAST_HISTORY_YEAR + 1)
    );
    assert_eq!(
        ParamId::PolicyStartYear.spec().min,
        f64::from(LAST_HISTORY_YEAR + 1)
    );
}

// --- sources ---------------------------------------------------------------------

#[test]
fn every_cited_source_is_in_the_facts_table() {
    let cited = PARAMS
        .iter()
        .flat_map(|p| {
            p.sources
                .iter()
                .map(move |id| (format!("parameter {}", p.key), *id))
        })
        .chain(OBSERVATIONS.iter().flat_map(|o| {
            o.sources
                .iter()
                .map(move |id| (format!("observation {} {}", o.series.key(), o.year), *id))
        }))
        .chain(TARGETS.iter().flat_map(|t| {
            t.sources
                .iter()
                .map(move |id| (format!("target {}", t.key), *id))
        }));
    let missing: Vec<String> = cited
        .filter(|(_, id)| fact(id).is_none())
        .map(|(who, id)| format!("{who} cites {id}"))
        .collect();
    assert!(
        missing.is_empty(),
        "sources missing from data/facts.csv: {missing:?}"
    );
}

#[test]
fn only_assumptions_go_without_a_source() {
    for p in PARAMS.iter().filter(|p| p.sources.is_empty()) {
        assert!(
            p.kind != Kind::Calibrated,
            "calibrated constant {} cites no source",
            p.key
        );
    }
}

// --- history does not move with the sliders -------------------------------------------

/// Asserts that two runs agree exactly (NaN with NaN) in every series for
/// every year before `until`.
fn assert_same_history(a: &Run, b: &Run, until: i32, what: &str) {
    for spec in SERIES.iter() {
        for year in a.years().first..until {
            let (x, y) = (value(a, spec.id, year), value(b, spec.id, year));
            assert!(
                x.to_bits() == y.to_bits() || (x.is_nan() && y.is_nan()),
                "{what}: {} in {year} is {y}, baseline {x}",
                spec.key
            );
        }
    }
}

fn levers_at(pick: impl Fn(&talentflow_model::ParamSpec) -> f64) -> Scenario {
    let changes: Vec<(ParamId, f64)> = PARAMS
        .iter()
        .filter(|p| p.kind == Kind::Lever)
        .map(|p| (p.id, pick(p)))
        .collect();
    with(&changes)
}

#[test]
fn history_is_the_same_with_every_lever_at_its_minimum() {
    let baseline = simulate(&Scenario::baseline());
    let start = baseline.policy_start_year;
    assert_same_history(
        &baseline,
        &simulate(&levers_at(|p| p.min)),
        start,
        "levers at min",
    );
}

#[test]
fn history_is_the_same_with_every_lever_at_its_maximum() {
    let baseline = simulate(&Scenario::baseline());
    let start = baseline.policy_start_year;
    assert_same_history(
        &baseline,
        &simulate(&levers_at(|p| p.max)),
        start,
        "levers at max",
    );
}

#[test]
fn levers_act_from_the_policy_start_year_itself() {
    let baseline = simulate(&Scenario::baseline());
    let start = baseline.policy_start_year;
    let strict = simulate(&with(&[(ParamId::VisaRestrictions, 80.0)]));
    assert!(
        value(&strict, SeriesId::InflowUsGrad, start)
            < value(&baseline, SeriesId::InflowUsGrad, start),
        "no effect in {start}"
    );
}

// --- directions ----------------------------------------------------------------------------

#[test]
fn tighter_visas_lower_us_graduate_inflow_after_the_policy_start() {
    let baseline = simulate(&Scenario::baseline());
    let strict = simulate(&with(&[(ParamId::VisaRestrictions, 60.0)]));
    for year in baseline.policy_start_year..=baseline.years().last {
        let (b, s) = (
            value(&baseline, SeriesId::InflowUsGrad, year),
            value(&strict, SeriesId::InflowUsGrad, year),
        );
        assert!(
            s < b,
            "{year}: inflow_us_grad {s} with visa_restrictions=60, {b} at the default"
        );
    }
}

#[test]
fn more_china_ai_funding_keeps_fewer_of_the_2019_cohort_in_the_us_in_2035() {
    let baseline = value(
        &simulate(&Scenario::baseline()),
        SeriesId::Cohort2019InUs,
        2035,
    );
    let funded = value(
        &simulate(&with(&[(ParamId::ChinaAiFunding, 6.0)])),
        SeriesId::Cohort2019InUs,
        2035,
    );
    assert!(
        funded < baseline,
        "cohort2019_in_us in 2035: {funded} with china_ai_funding=6, {baseline} at the default"
    );
}

#[test]
fn a_wider_compute_gap_keeps_more_of_the_2019_cohort_in_the_us_in_2035() {
    let baseline = value(
        &simulate(&Scenario::baseline()),
        SeriesId::Cohort2019InUs,
        2035,
    );
    let wider = value(
        &simulate(&with(&[(ParamId::ComputeRatio, 50.0)])),
        SeriesId::Cohort2019InUs,
        2035,
    );
    assert!(
        wider > baseline,
        "cohort2019_in_us in 2035: {wider} with compute_ratio=50, {baseline} at the default"
    );
}

#[test]
fn a_later_policy_start_year_delays_the_effect() {
    let baseline = simulate(&Scenario::baseline());
    let early = simulate(&with(&[(ParamId::VisaRestrictions, 80.0)]));
    let late = simulate(&with(&[
        (ParamId::VisaRestrictions, 80.0),
        (ParamId::PolicyStartYear, 2032.0),
    ]));
    assert_eq!(late.policy_start_year, 2032);
    assert_same_history(&baseline, &late, 2032, "visa_restrictions=80 from 2032");
    let gap = |run: &Run, year: i32| {
        value(&baseline, SeriesId::InflowUsGrad, year) - value(run, SeriesId::InflowUsGrad, year)
    };
    for year in baseline.policy_start_year..2032 {
        assert!(
            gap(&early, year) > 0.0,
            "{year}: a 2027 start should already lower the inflow"
        );
    }
    assert!(
        gap(&late, 2032) > 0.0,
        "2032: a 2032 start should lower the inflow from 2032"
    );
    assert!(
        gap(&early, 2030) > gap(&late, 2030),
        "2030: the early start should have cut more than the late one"
    );
}

// --- graduate school: a third-order delay ----------------------------------

/// Students enter graduate school's first stage and graduate only from its
/// last; each step the same fraction of every stage moves on, three times
/// the fraction a single stage of the same mean length would let go. So
/// the time to a degree keeps its mean (`grad_school_years`) with a
/// doctorate's spread, and few students are still in school long after
/// it.
#[test]
fn graduate_school_is_three_equal_stages_entered_at_the_first_and_left_from_the_last() {
    use talentflow_model::engine::DT_YEARS;
    use talentflow_model::simulate_traced;
    use talentflow_model::stocks::{Stock, GRAD_STAGES};
    let scenario = with(&[(ParamId::GradSchoolYears, 6.0)]);
    let expected = GRAD_STAGES as f64 * DT_YEARS / 6.0;
    let mut checked = 0;
    simulate_traced(&scenario, |step| {
        if step.time_years < 2010.0 {
            return;
        }
        for (place, stages) in Stock::GRAD.iter().enumerate() {
            for (j, &stage) in stages.iter().enumerate() {
                let held = step.before[stage.index()];
                let out: Vec<_> = step.flows.iter().filter(|f| f.from == stage).collect();
                let moved: f64 = out.iter().map(|f| f.people).sum();
                assert!(held > 0.0, "{} is empty", stage.key());
                let fraction = moved / held;
                assert!(
                    (fraction - expected).abs() < 1e-9,
                    "{}: {fraction} of it moves on in a step, not {expected}",
                    stage.key()
                );
                for f in out {
                    if j + 1 < GRAD_STAGES {
                        assert_eq!(
                            f.to,
                            stages[j + 1],
                            "{} moves only to the next stage",
                            stage.key()
                        );
                    } else {
                        assert!(!f.to.is_grad(), "{} graduates into work", stage.key());
                    }
                }
                let into: Vec<_> = step.flows.iter().filter(|f| f.to == stage).collect();
                for f in into {
                    let from = if j == 0 {
                        Stock::Pipeline
                    } else {
                        stages[j - 1]
                    };
                    assert_eq!(
                        f.from,
                        from,
                        "{} (place {place}) is entered from {}",
                        stage.key(),
                        from.key()
                    );
                }
            }
        }
        checked += 1;
    });
    assert!(checked > 12 * 40);
}
