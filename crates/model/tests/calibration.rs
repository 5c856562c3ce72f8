//! The baseline against each calibration target of the brief: one test
//! per target, each printing the observed and the modelled value.

use talentflow_model::{fact, simulate, Scenario, TARGETS};

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

#[test]
fn baseline_keeps_about_90_percent_of_us_graduates_in_the_us_before_2018() {
    meets("stay_rate_before_2018");
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
fn baseline_keeps_88_percent_of_us_graduates_in_the_us_in_2019() {
    meets("us_grads_staying_2019");
}

/// A target added to the table needs its own test above.
#[test]
fn every_calibration_target_has_its_own_test() {
    let tested = [
        "cohort_in_us_2025",
        "cohort_in_china_2025",
        "cohort_elsewhere_2025",
        "stay_rate_before_2018",
        "share_in_us_2019",
        "share_in_china_2019",
        "us_grads_staying_2019",
    ];
    let keys: Vec<&str> = TARGETS.iter().map(|t| t.key).collect();
    assert_eq!(
        keys, tested,
        "TARGETS and the tests in calibration.rs differ"
    );
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
