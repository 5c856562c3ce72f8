//! `talentflow run --draws N --seed S`, `talentflow sensitivity` and
//! `talentflow attribution` as a user meets them: real processes.

mod common;
use common::{number, refused, stdout_of};

use talentflow_model::{Percentile, Scenario, HEADLINE_SERIES, PARAMS, SERIES};

fn cells(line: &str) -> Vec<&str> {
    line.split(',').collect()
}

// --- run --draws ----------------------------------------------------------------

#[test]
fn draws_append_five_percentile_columns_per_headline_column() {
    let text = stdout_of(&["run", "--draws", "20", "--seed", "3"]);
    let mut lines = text.lines();
    let header = cells(lines.next().unwrap_or_default());
    let mut expected: Vec<String> = std::iter::once("year".to_string())
        .chain(SERIES.iter().map(|s| s.key.to_string()))
        .collect();
    for series in HEADLINE_SERIES {
        for p in Percentile::ALL {
            expected.push(format!("{}_{}", series.key(), p.suffix()));
        }
    }
    assert_eq!(header, expected);
    let mut rows = 0;
    for line in lines {
        assert_eq!(cells(line).len(), header.len(), "{line}");
        rows += 1;
    }
    assert_eq!(rows, 41);
    for key in [
        "cohort2019_in_us",
        "cohort2019_in_china",
        "inflow_us_grad",
        "inflow_us_work",
        "share_work_us",
        "share_work_china",
        "stock_us_work",
        "stock_china_work",
    ] {
        assert!(
            header.contains(&format!("{key}_p05").as_str())
                && header.contains(&format!("{key}_p95").as_str()),
            "{key}"
        );
    }
}

#[test]
fn the_central_columns_are_the_plain_run_unchanged() {
    let plain = stdout_of(&["run", "--set", "visa_restrictions=60"]);
    let banded = stdout_of(&["run", "--set", "visa_restrictions=60", "--draws", "10"]);
    for (a, b) in plain.lines().zip(banded.lines()) {
        assert!(b.starts_with(a), "{b} should start with {a}");
        assert_eq!(b.as_bytes().get(a.len()), Some(&b','));
    }
    assert_eq!(plain.lines().count(), banded.lines().count());
}

#[test]
fn same_draws_and_seed_print_identical_bands_and_another_seed_does_not() {
    let args = [
        "run",
        "--draws",
        "30",
        "--seed",
        "12345",
        "--set",
        "compute_ratio=20",
    ];
    let a = stdout_of(&args);
    let b = stdout_of(&args);
    assert_eq!(a, b);
    let c = stdout_of(&[
        "run",
        "--draws",
        "30",
        "--seed",
        "12346",
        "--set",
        "compute_ratio=20",
    ]);
    assert_ne!(a, c);
    // The bands agree with the model's own, to the printed digit.
    let mut scenario = Scenario::baseline();
    scenario
        .set_from_text("compute_ratio", "20")
        .unwrap_or_else(|e| panic!("{e}"));
    let bands = talentflow_model::bands(&scenario, 30, 12345).unwrap_or_else(|e| panic!("{e}"));
    let header = cells(a.lines().next().unwrap_or_default());
    let row = a
        .lines()
        .find(|l| l.starts_with("2040,"))
        .map(cells)
        .unwrap_or_default();
    for series in HEADLINE_SERIES {
        for p in Percentile::ALL {
            let name = format!("{}_{}", series.key(), p.suffix());
            let column = header
                .iter()
                .position(|h| *h == name)
                .unwrap_or_else(|| panic!("{name}"));
            let model = bands.value(series, p, 2040).unwrap_or(f64::NAN);
            assert_eq!(
                row[column],
                talentflow_model::run::format_value(model, series.spec().measure),
                "{name}"
            );
        }
    }
}

#[test]
fn draws_without_a_seed_use_seed_1() {
    assert_eq!(
        stdout_of(&["run", "--draws", "8"]),
        stdout_of(&["run", "--draws", "8", "--seed", "1"])
    );
}

#[test]
fn bands_hold_the_central_value_and_are_ordered() {
    let text = stdout_of(&["run", "--draws", "100", "--seed", "2"]);
    let header = cells(text.lines().next().unwrap_or_default());
    for line in text.lines().skip(1) {
        let row = cells(line);
        let year: i32 = row[0].parse().unwrap_or_default();
        if year < 2027 {
            continue;
        }
        for series in HEADLINE_SERIES {
            let at = |name: &str| {
                let column = header
                    .iter()
                    .position(|h| *h == name)
                    .unwrap_or_else(|| panic!("{name}"));
                number(row[column])
            };
            let key = series.key();
            let values: Vec<f64> = Percentile::ALL
                .iter()
                .map(|p| at(&format!("{key}_{}", p.suffix())))
                .collect();
            assert!(
                values.windows(2).all(|w| w[0] <= w[1]),
                "{key} {year}: {values:?}"
            );
            let central = at(key);
            assert!(
                values[0] <= central && central <= values[4],
                "{key} in {year}: {central} outside {values:?}"
            );
        }
    }
}

#[test]
fn json_carries_the_bands_too() {
    let text = stdout_of(&["run", "--draws", "10", "--seed", "4", "--format", "json"]);
    let doc: serde_json::Value =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("not JSON: {e}"));
    assert_eq!(doc["draws"], 10);
    assert_eq!(doc["seed"], 4);
    let kept = doc["draws_kept"].as_u64().expect("draws_kept");
    assert!(kept <= 10, "{kept}");
    let csv = stdout_of(&["run", "--draws", "10", "--seed", "4"]);
    let header = cells(csv.lines().next().unwrap_or_default());
    let column = header
        .iter()
        .position(|h| *h == "share_work_us_p95")
        .unwrap_or_else(|| panic!("no share_work_us_p95"));
    let row_2035 = csv
        .lines()
        .find(|l| l.starts_with("2035,"))
        .map(cells)
        .unwrap_or_default();
    let json_2035 = &doc["series"]["share_work_us_p95"][2035 - 2010];
    assert_eq!(json_2035.as_f64(), Some(number(row_2035[column])));
    // Without --draws, no band keys.
    let plain: serde_json::Value = serde_json::from_str(&stdout_of(&["run", "--format", "json"]))
        .unwrap_or_else(|e| panic!("not JSON: {e}"));
    assert!(plain.get("draws").is_none());
    assert!(plain["series"].get("share_work_us_p95").is_none());
}

#[test]
fn bad_draws_and_seeds_are_refused_on_one_line() {
    for bad in ["0", "-3", "abc", "2.5", "10001", ""] {
        let err = refused(&["run", "--draws", bad]);
        assert!(
            err.contains("--draws") && err.contains("1 to 10000"),
            "{err}"
        );
    }
    for bad in ["-1", "x", "1e3", "18446744073709551616"] {
        let err = refused(&["run", "--draws", "5", "--seed", bad]);
        assert!(err.contains("--seed"), "{err}");
    }
    let err = refused(&["run", "--seed", "5"]);
    assert!(err.contains("--draws"), "{err}");
    refused(&["run", "--draws"]);
}

// --- sensitivity ----------------------------------------------------------------

#[test]
fn sensitivity_prints_every_lever_and_assumption_sorted_by_swing() {
    let text = stdout_of(&[
        "sensitivity",
        "--outcome",
        "cohort2019_in_us",
        "--year",
        "2035",
        "--set",
        "visa_restrictions=60",
    ]);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("param,low_value,high_value,outcome_at_low,outcome_at_high,swing")
    );
    let rows: Vec<Vec<&str>> = lines.map(cells).collect();
    let expected = PARAMS
        .iter()
        .filter(|p| p.kind != talentflow_model::Kind::Calibrated)
        .count();
    assert_eq!(rows.len(), expected);
    let swings: Vec<f64> = rows.iter().map(|r| number(r[5])).collect();
    assert!(swings.windows(2).all(|w| w[0] >= w[1]), "{swings:?}");
    for r in &rows {
        assert_eq!(r.len(), 6);
        let diff = (number(r[4]) - number(r[3])).abs();
        assert!((diff - number(r[5])).abs() <= 2e-6, "{r:?}");
    }
    // Stable: the same ranking every time.
    assert_eq!(
        text,
        stdout_of(&[
            "sensitivity",
            "--outcome",
            "cohort2019_in_us",
            "--year",
            "2035",
            "--set",
            "visa_restrictions=60",
        ])
    );
}

#[test]
fn sensitivity_refuses_bad_outcomes_and_years() {
    let err = refused(&["sensitivity", "--outcome", "nope", "--year", "2035"]);
    assert!(err.contains("nope"), "{err}");
    let err = refused(&[
        "sensitivity",
        "--outcome",
        "share_work_us",
        "--year",
        "2070",
    ]);
    assert!(
        err.contains("2070") && err.contains("2010 to 2050"),
        "{err}"
    );
    let err = refused(&[
        "sensitivity",
        "--outcome",
        "cohort2019_in_us",
        "--year",
        "2012",
    ]);
    assert!(err.contains("2019"), "{err}");
    let err = refused(&[
        "sensitivity",
        "--outcome",
        "share_work_us",
        "--year",
        "soon",
    ]);
    assert!(err.contains("soon"), "{err}");
    let err = refused(&["sensitivity", "--year", "2035"]);
    assert!(err.contains("--outcome"), "{err}");
    let err = refused(&["sensitivity", "--outcome", "share_work_us"]);
    assert!(err.contains("--year"), "{err}");
    let err = refused(&[
        "sensitivity",
        "--outcome",
        "share_work_us",
        "--year",
        "2035",
        "--set",
        "visa_restrictions=900",
    ]);
    assert!(err.contains("visa_restrictions"), "{err}");
}

// --- attribution ----------------------------------------------------------------

#[test]
fn attribution_rows_add_up_to_the_total_change() {
    let text = stdout_of(&[
        "attribution",
        "--outcome",
        "inflow_us_grad",
        "--year",
        "2035",
        "--set",
        "visa_restrictions=70",
        "--set",
        "compute_ratio=20",
        "--set",
        "china_ai_funding=4",
    ]);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("param,baseline_value,scenario_value,contribution")
    );
    let rows: Vec<Vec<&str>> = lines.map(cells).collect();
    assert_eq!(rows.len(), 4, "{text}");
    let (total, parts) = rows.split_last().unwrap_or_else(|| panic!("{text}"));
    assert_eq!(total[0], "total");
    let change = number(total[2]) - number(total[1]);
    assert!((change - number(total[3])).abs() <= 2e-3, "{text}");
    let sum: f64 = parts.iter().map(|r| number(r[3])).sum();
    // Each printed share is rounded to three decimals.
    assert!((sum - number(total[3])).abs() <= 2e-3, "{text}");
    assert_eq!(parts[0][0], "visa_restrictions", "{text}");
}

/// The share of draws kept (those within every calibration target's
/// tolerance) is said on stderr, as a note, and agrees with the JSON.
#[test]
fn the_share_of_draws_kept_is_noted_and_agrees_with_the_json() {
    let out = common::talentflow(&["run", "--draws", "40", "--seed", "2"]);
    assert!(out.status.success());
    let err = String::from_utf8(out.stderr).unwrap();
    let doc: serde_json::Value = serde_json::from_str(&stdout_of(&[
        "run", "--draws", "40", "--seed", "2", "--format", "json",
    ]))
    .unwrap();
    let kept = doc["draws_kept"].as_u64().unwrap();
    assert!(kept > 0, "some draws meet every target");
    assert!(err.contains(&format!("the {kept} of 40 draws")), "{err}");
    assert!(
        err.starts_with("talentflow: note: ") && err.lines().count() == 1,
        "{err}"
    );
}
