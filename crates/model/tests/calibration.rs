//! The baseline against each calibration target of the brief: one test
//! per target, each printing the observed and the modelled value.

use talentflow_model::{fact, simulate, Scenario, SeriesId, TARGETS};

/// Asserts that the baseline meets the target with this key.
fn meets(key: &str) {
    let target = TARGETS
        .iter()
        .find(|t| t.key == key)
        .unwrap_or_else(|| panic!("no calibration target '{key}'"));
    let run = simulate(&Scenario::baseline());
    let model = target
        .model_value(&run)
        .unwrap_or_else(|| panic!("{key}: the run does not report the target's years"));
    let gap = model - target.observed;
    println!(
        "{key}: observed {:.3}, model {model:.3}, gap {gap:+.3}, tolerance {:.3} (sources {})",
        target.observed,
        target.tolerance,
        target.sources.join(" ")
    );
    assert!(
        gap.abs() <= target.tolerance,
        "{key}: model {model:.4} is {gap:+.4} from the observed {:.4}, beyond the tolerance of {}",
        target.observed,
        target.tolerance
    );
}

#[test]
fn baseline_keeps_about_90_percent_of_2007_us_graduates_in_the_us_5_years_on() {
    meets("stay_5y_2012");
}

#[test]
fn baseline_keeps_about_90_percent_of_2007_us_graduates_in_the_us_10_years_on() {
    meets("stay_10y_2017");
}

#[test]
fn baseline_keeps_about_87_percent_of_2012_us_graduates_in_the_us_5_years_on() {
    meets("stay_5y_2017");
}

#[test]
fn baseline_sends_about_half_of_the_2010_leavers_to_china() {
    meets("exit_to_china_2010");
}

#[test]
fn baseline_has_60_percent_of_chinese_top_tier_researchers_in_the_us_in_2018() {
    meets("share_in_us_2018");
}

#[test]
fn baseline_has_32_percent_of_chinese_top_tier_researchers_in_china_in_2018() {
    meets("share_in_china_2018");
}

#[test]
fn baseline_keeps_87_percent_of_chinese_us_phds_at_graduation_before_2016() {
    meets("intend_to_stay_2010_2015");
}

#[test]
fn baseline_has_56_percent_of_china_undergrad_researchers_in_the_us_in_2019() {
    meets("share_in_us_2019");
}

#[test]
fn baseline_has_a_third_of_china_undergrad_researchers_in_china_in_2019() {
    meets("share_in_china_2019");
}

#[test]
fn baseline_keeps_87_of_100_of_the_2019_cohort_in_the_us_in_2025() {
    meets("cohort_in_us_2025");
}

#[test]
fn baseline_has_10_of_100_of_the_2019_cohort_in_china_in_2025() {
    meets("cohort_in_china_2025");
}

#[test]
fn baseline_has_3_of_100_of_the_2019_cohort_elsewhere_in_2025() {
    meets("cohort_elsewhere_2025");
}

/// A target added to the table needs its own test above.
#[test]
fn every_calibration_target_has_its_own_test() {
    let tested = [
        "stay_5y_2012",
        "stay_10y_2017",
        "intend_to_stay_2010_2015",
        "stay_5y_2017",
        "exit_to_china_2010",
        "share_in_us_2018",
        "share_in_china_2018",
        "share_in_us_2019",
        "share_in_china_2019",
        "cohort_in_us_2025",
        "cohort_in_china_2025",
        "cohort_elsewhere_2025",
    ];
    let keys: Vec<&str> = TARGETS.iter().map(|t| t.key).collect();
    assert_eq!(
        keys, tested,
        "TARGETS and the tests in calibration.rs differ"
    );
}

/// The stay targets read the share of a graduating cohort still in the US
/// years later, not the share staying at graduation (which equals a
/// calibrated constant by construction): the model must report them.
#[test]
fn stay_targets_read_tracked_graduating_cohorts_years_after_graduation() {
    let run = simulate(&Scenario::baseline());
    for t in TARGETS.iter().filter(|t| t.key.starts_with("stay_")) {
        assert!(
            matches!(t.series, SeriesId::PhdStay5y | SeriesId::PhdStay10y),
            "{}: reads {:?}",
            t.key,
            t.series
        );
        let v = t.model_value(&run).expect("a reported year");
        assert!(v.is_finite() && v > 0.0 && v < 1.0, "{}: {v}", t.key);
        assert_ne!(
            v,
            run.value(SeriesId::StayAtGraduation, t.last_year())
                .unwrap(),
            "{}",
            t.key
        );
    }
}

#[test]
fn every_calibration_target_cites_known_sources_and_a_positive_tolerance() {
    for t in TARGETS.iter() {
        assert!(t.tolerance > 0.0, "{}: tolerance {}", t.key, t.tolerance);
        assert!(!t.sources.is_empty(), "{}: no source", t.key);
        for id in t.sources {
            assert!(
                fact(id).is_some(),
                "{}: source {id} is not in data/facts.csv",
                t.key
            );
        }
    }
}

// --- the objective and the fitted values -------------------------------------

use talentflow_model::calibration::{
    backtest_scenario, calibrated, from_unbounded, objective, prior_residuals, residuals,
    round_to_step, start_values, target_residuals, to_unbounded, written_values, Fit,
    BACKTEST_LAST_YEAR, FITTED,
};
use talentflow_model::params::TABLE;
use talentflow_model::{Kind, Spread, PARAMS};

#[test]
fn the_calibrated_constants_are_the_tables_calibrated_rows() {
    let ids = calibrated();
    assert!(!ids.is_empty());
    for p in PARAMS.iter() {
        assert_eq!(ids.contains(&p.id), p.kind == Kind::Calibrated, "{}", p.key);
    }
}

#[test]
fn each_fitted_value_is_the_default_on_its_step_and_its_spread_moved_with_it() {
    for (id, written) in calibrated().into_iter().zip(written_values(Fit::Full)) {
        let (p, hand) = (id.spec(), &TABLE[id.index()]);
        let written =
            written.unwrap_or_else(|| panic!("{}: no row in data/calibration.csv", p.key));
        assert_eq!(p.default, written, "{}", p.key);
        assert!(
            (round_to_step(p, written) - written).abs() < 1e-9,
            "{}: {written} is off its step",
            p.key
        );
        match (p.uncertainty, hand.uncertainty) {
            (
                Some(Spread::Triangular { low, mode, high }),
                Some(Spread::Triangular {
                    low: l0,
                    mode: m0,
                    high: h0,
                }),
            ) => {
                assert_eq!(mode, written, "{}", p.key);
                // A share's spread moves by the same amount as its value, a
                // rate's or a ratio's in proportion; either way inside the
                // range.
                let moved = |v: f64| match p.unit {
                    talentflow_model::Unit::PerYear | talentflow_model::Unit::Multiplier => {
                        v * written / m0
                    }
                    _ => v + (written - m0),
                };
                assert!((low - moved(l0).max(p.min)).abs() < 1e-12, "{}", p.key);
                assert!((high - moved(h0).min(p.max)).abs() < 1e-12, "{}", p.key);
            }
            other => panic!("{}: {other:?}", p.key),
        }
    }
    // No stray rows: every row of the file is a calibrated constant.
    for f in FITTED.iter() {
        let id = talentflow_model::ParamId::from_key(f.key)
            .unwrap_or_else(|| panic!("data/calibration.csv: unknown key {}", f.key));
        assert_eq!(id.spec().kind, Kind::Calibrated, "{}", f.key);
    }
}

#[test]
fn the_unbounded_numbers_map_inside_each_range_and_back() {
    for id in calibrated() {
        let p = id.spec();
        for z in [-1e9, -3.0, -0.5, 0.0, 0.7, 4.0, 1e9] {
            let x = from_unbounded(p, z);
            assert!(p.contains(x), "{}: {z} -> {x}", p.key);
        }
        for x in [
            p.min + 0.1 * (p.max - p.min),
            p.default,
            p.max - 0.2 * (p.max - p.min),
        ] {
            // A fitted default may sit close to its bound, where the map's
            // slope leaves fewer exact digits: a hundred-millionth of the range.
            let back = from_unbounded(p, to_unbounded(p, x));
            assert!(
                (back - x).abs() < 1e-8 * (p.max - p.min),
                "{}: {x} -> {back}",
                p.key
            );
        }
    }
}

#[test]
fn the_objective_is_half_the_squared_misses_in_tolerances_plus_the_weak_prior() {
    let values = start_values();
    let r = residuals(Fit::Full, &values);
    let targets = Fit::Full.targets();
    assert_eq!(r.len(), targets.len() + calibrated().len());
    let run =
        talentflow_model::simulate_uncached(&talentflow_model::calibration::scenario_with(&values));
    for (i, t) in targets.iter().enumerate() {
        let m = t.model_value(&run).unwrap();
        assert!(
            (r[i] - (m - t.observed) / t.tolerance).abs() < 1e-12,
            "{}",
            t.key
        );
    }
    assert_eq!(&r[targets.len()..], &prior_residuals(&values)[..]);
    let half: f64 = r.iter().map(|x| x * x).sum::<f64>() / 2.0;
    assert_eq!(objective(Fit::Full, &values), half);
    assert_eq!(
        target_residuals(&run, &targets),
        r[..targets.len()].to_vec()
    );
}

#[test]
fn the_written_fit_does_better_than_the_hand_set_start() {
    let fitted: Vec<f64> = written_values(Fit::Full)
        .into_iter()
        .map(Option::unwrap)
        .collect();
    assert!(objective(Fit::Full, &fitted) < objective(Fit::Full, &start_values()));
    let backtest: Vec<f64> = written_values(Fit::Backtest)
        .into_iter()
        .map(Option::unwrap)
        .collect();
    assert!(objective(Fit::Backtest, &backtest) < objective(Fit::Backtest, &start_values()));
}

#[test]
fn the_backtest_uses_only_figures_up_to_2018() {
    let used = Fit::Backtest.targets();
    assert!(!used.is_empty() && used.len() < TARGETS.len());
    for t in TARGETS.iter() {
        assert_eq!(
            used.iter().any(|u| u.key == t.key),
            t.last_year() <= BACKTEST_LAST_YEAR,
            "{}",
            t.key
        );
    }
    let s = backtest_scenario();
    for (id, v) in calibrated().into_iter().zip(written_values(Fit::Backtest)) {
        assert_eq!(s.get(id), v.unwrap(), "{}", id.spec().key);
    }
}
