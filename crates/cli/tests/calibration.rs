//! `talentflow calibrate` and `talentflow validate`, run as the real
//! binary: the fit reproduces what the model reads, the validation table
//! has every observation and its verdict, and the docs carry both.

#[allow(dead_code)] // helpers the other command-line tests use
mod common;

use common::{refused, stdout_of, talentflow};
use std::path::PathBuf;
use talentflow_model::calibration::{calibrated, written_values, Fit};
use talentflow_model::validation::HELD_OUT;
use talentflow_model::{fact, ParamId, TARGETS};

fn repo_file(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(path)
}

/// Rows of a `key,fitted,backtest` file as (key, fitted, backtest).
fn calibration_rows(text: &str) -> Vec<(String, f64, f64)> {
    let mut lines = text.lines();
    assert_eq!(lines.next(), Some("key,fitted,backtest"), "{text}");
    lines
        .map(|line| {
            let cells: Vec<&str> = line.split(',').collect();
            assert_eq!(cells.len(), 3, "{line}");
            let number = |s: &str| {
                s.parse::<f64>()
                    .unwrap_or_else(|_| panic!("'{s}' in '{line}' is not a number"))
            };
            (cells[0].to_string(), number(cells[1]), number(cells[2]))
        })
        .collect()
}

/// A re-run of the fit gives the values written in data/calibration.csv
/// (which the model's defaults are built from), each within one step of
/// its parameter: the fit starts from the hand-set table, so the same code
/// and targets give the same fit, rounded to the step.
#[test]
fn calibrate_reproduces_the_written_calibration() {
    let fitted = calibration_rows(&stdout_of(&["calibrate", "--format", "csv"]));
    let path = repo_file("data/calibration.csv");
    let written = calibration_rows(
        &std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display())),
    );
    let keys = |rows: &[(String, f64, f64)]| rows.iter().map(|r| r.0.clone()).collect::<Vec<_>>();
    assert_eq!(
        keys(&fitted),
        keys(&written),
        "data/calibration.csv lists other constants than the fit: write it again with\n  talentflow calibrate --format csv > data/calibration.csv"
    );
    for ((key, a, b), (_, wa, wb)) in fitted.iter().zip(&written) {
        let step = ParamId::from_key(key).expect("a parameter").spec().step;
        assert!(
            (a - wa).abs() <= step * 1.000_001 && (b - wb).abs() <= step * 1.000_001,
            "{key}: the fit gives {a} (backtest {b}), data/calibration.csv has {wa} ({wb}): write it again with\n  talentflow calibrate --format csv > data/calibration.csv"
        );
    }
}

/// The constants fitted are exactly the table's calibrated ones, and the
/// defaults are the written fit.
#[test]
fn every_calibrated_constant_is_fitted_and_its_default_is_the_fit() {
    let fitted = calibration_rows(&stdout_of(&["calibrate", "--format", "csv"]));
    let ids = calibrated();
    assert!(!ids.is_empty());
    assert_eq!(
        fitted.iter().map(|r| r.0.as_str()).collect::<Vec<_>>(),
        ids.iter().map(|id| id.spec().key).collect::<Vec<_>>()
    );
    for (id, written) in ids.iter().zip(written_values(Fit::Full)) {
        let written = written.unwrap_or_else(|| {
            panic!(
                "{} has no row in data/calibration.csv: run talentflow calibrate",
                id.spec().key
            )
        });
        assert_eq!(id.spec().default, written, "{}", id.spec().key);
    }
}

#[test]
fn calibrate_reports_every_target_of_both_fits() {
    let report = stdout_of(&["calibrate"]);
    for t in TARGETS.iter() {
        assert!(report.contains(&format!("| {} |", t.key)), "{}", t.key);
    }
    assert!(report.contains("Backtest: fit to the targets up to 2018"));
    for id in calibrated() {
        assert!(report.contains(&format!("`{}`", id.spec().key)));
    }
}

/// Rows of `validate --format csv`.
fn validation_rows() -> (Vec<Vec<String>>, Option<i32>) {
    let out = talentflow(&["validate", "--format", "csv"]);
    let text = String::from_utf8(out.stdout).expect("UTF-8");
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("table,observation,sources,observed,model,error,tolerance,fitted,within")
    );
    let rows = lines
        .map(|l| l.split(',').map(str::to_string).collect())
        .collect();
    (rows, out.status.code())
}

/// Every observation appears in the calibrated table with its sources
/// (each a row of data/facts.csv), and every one after 2018 in the
/// backtest's; the exit status is 3 exactly when some row is outside its
/// tolerance, and a row is outside exactly when |error| > tolerance.
#[test]
fn validate_lists_every_observation_and_fails_exactly_on_a_miss() {
    let (rows, status) = validation_rows();
    let all: Vec<_> = TARGETS.iter().chain(HELD_OUT.iter()).collect();
    let calibrated: Vec<_> = rows.iter().filter(|r| r[0] == "calibrated").collect();
    let backtest: Vec<_> = rows.iter().filter(|r| r[0] == "backtest").collect();
    assert_eq!(calibrated.len(), all.len());
    assert_eq!(
        backtest.len(),
        all.iter().filter(|t| t.last_year() > 2018).count()
    );
    for (row, t) in calibrated.iter().zip(&all) {
        assert_eq!(row[1], t.key);
        for id in row[2].split(' ') {
            assert!(
                fact(id).is_some(),
                "{}: source {id} not in facts.csv",
                t.key
            );
        }
    }
    let mut misses = 0;
    for row in &rows {
        let error: f64 = row[5].parse().unwrap();
        let tolerance: f64 = row[6].parse().unwrap();
        let within = row[8] == "true";
        assert_eq!(within, error.abs() <= tolerance + 1e-6, "{row:?}");
        misses += usize::from(!within);
    }
    assert_eq!(
        status,
        Some(if misses == 0 { 0 } else { 3 }),
        "{misses} misses"
    );
}

/// The held-out observations were fitted by no run; in the backtest
/// nothing after 2018 was fitted.
#[test]
fn held_out_rows_are_never_marked_fitted() {
    let (rows, _) = validation_rows();
    for row in &rows {
        let held_out = HELD_OUT.iter().any(|t| t.key == row[1]);
        if held_out || row[0] == "backtest" {
            assert_eq!(row[7], "false", "{row:?}");
        }
    }
}

/// The block of `docs/model.md` between `<!-- NAME:begin -->` and
/// `<!-- NAME:end -->`, checked against a command's output (rewritten in
/// place with TALENTFLOW_BLESS_DOCS=1).
fn assert_docs_block(name: &str, output: &str) {
    let path = repo_file("docs/model.md");
    let doc = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let begin_marker = format!("<!-- {name}:begin -->\n");
    let end_marker = format!("<!-- {name}:end -->");
    let begin = doc
        .find(&begin_marker)
        .unwrap_or_else(|| panic!("docs/model.md has no {begin_marker}"))
        + begin_marker.len();
    let end = begin
        + doc[begin..]
            .find(&end_marker)
            .unwrap_or_else(|| panic!("docs/model.md has no {end_marker}"));
    if doc[begin..end] != *output && std::env::var_os("TALENTFLOW_BLESS_DOCS").is_some() {
        let updated = format!("{}{}{}", &doc[..begin], output, &doc[end..]);
        std::fs::write(&path, updated)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        return;
    }
    assert!(
        doc[begin..end] == *output,
        "docs/model.md's {name} block is out of date; rewrite it with\n  TALENTFLOW_BLESS_DOCS=1 cargo test -p talentflow-cli --test calibration docs\n--- in docs ---\n{}\n--- now ---\n{output}",
        &doc[begin..end]
    );
}

#[test]
fn docs_model_md_embeds_the_current_calibration() {
    assert_docs_block("calibration", &stdout_of(&["calibrate"]));
}

#[test]
fn docs_model_md_embeds_the_current_validation_tables() {
    let out = talentflow(&["validate"]);
    assert_docs_block("validation", &String::from_utf8(out.stdout).unwrap());
}

#[test]
fn unknown_formats_are_refused() {
    let err = refused(&["validate", "--format", "json"]);
    assert!(err.contains("expected markdown or csv"), "{err}");
    let err = refused(&["calibrate", "--format", "svg"]);
    assert!(err.contains("calibrate"), "{err}");
    let err = refused(&["validate", "--seed", "3"]);
    assert!(err.contains("--seed"), "{err}");
}
