//! The `talentflow` binary as a user meets it: real processes, real
//! output, real exit statuses.

use std::path::PathBuf;
mod common;
use common::{number, refused, stdout_of};

use talentflow_model::{ParamId, PARAMS, SERIES};

/// A parsed CSV run: header, then rows of cells.
struct Table {
    header: Vec<String>,
    rows: Vec<Vec<String>>,
}

impl Table {
    fn parse(text: &str) -> Table {
        let mut lines = text.lines();
        let header = lines
            .next()
            .expect("a header row")
            .split(',')
            .map(str::to_string)
            .collect();
        let rows = lines
            .map(|l| l.split(',').map(str::to_string).collect())
            .collect();
        Table { header, rows }
    }
    fn column(&self, key: &str) -> usize {
        self.header
            .iter()
            .position(|h| h == key)
            .unwrap_or_else(|| panic!("no column {key}"))
    }
    fn row(&self, year: i32) -> &[String] {
        self.rows
            .iter()
            .find(|r| r[0] == year.to_string())
            .unwrap_or_else(|| panic!("no row for {year}"))
    }
    fn cell(&self, year: i32, key: &str) -> &str {
        &self.row(year)[self.column(key)]
    }
}

// --- run, CSV ---------------------------------------------------------------

#[test]
fn csv_header_has_the_documented_columns_in_order() {
    let table = Table::parse(&stdout_of(&["run"]));
    let required = [
        "year",
        "cohort2019_in_us",
        "cohort2019_in_china",
        "cohort2019_elsewhere",
        "inflow_us_grad",
        "inflow_us_work",
        "stock_us_grad",
        "stock_us_work",
        "stock_china_work",
        "share_work_us",
        "share_work_china",
        "exit_rate_us",
        "exit_to_china_share",
    ];
    assert_eq!(&table.header[..required.len()], &required[..]);
    let rest: Vec<&str> = SERIES
        .iter()
        .map(|s| s.key)
        .skip(required.len() - 1)
        .collect();
    assert_eq!(
        &table.header[required.len()..],
        &rest[..],
        "the remaining columns follow the series table"
    );
    for row in &table.rows {
        assert_eq!(
            row.len(),
            table.header.len(),
            "row {} has {} cells",
            row[0],
            row.len()
        );
    }
}

#[test]
fn csv_is_exactly_the_model_csv() {
    let expected = talentflow_model::simulate(&talentflow_model::Scenario::baseline()).to_csv();
    assert_eq!(stdout_of(&["run"]), expected);
    assert_eq!(stdout_of(&["run", "--format", "csv"]), expected);
}

#[test]
fn csv_has_one_row_per_year_from_2010_to_2050() {
    let table = Table::parse(&stdout_of(&["run"]));
    let years: Vec<i32> = table
        .rows
        .iter()
        .map(|r| r[0].parse().expect("a year"))
        .collect();
    assert_eq!(years, (2010..=2050).collect::<Vec<_>>());
}

#[test]
fn cohort_is_all_in_the_us_in_2019_and_blank_before() {
    let table = Table::parse(&stdout_of(&["run"]));
    let cohort = [
        "cohort2019_in_us",
        "cohort2019_in_china",
        "cohort2019_elsewhere",
    ];
    for year in 2010..2019 {
        for key in cohort {
            assert_eq!(table.cell(year, key), "", "{key} in {year} should be blank");
        }
    }
    assert_eq!(number(table.cell(2019, "cohort2019_in_us")), 1.0);
    assert_eq!(number(table.cell(2019, "cohort2019_in_china")), 0.0);
    assert_eq!(number(table.cell(2019, "cohort2019_elsewhere")), 0.0);
    for year in 2020..=2050 {
        for key in cohort {
            assert!(
                !table.cell(year, key).is_empty(),
                "{key} in {year} should have a value"
            );
        }
    }
}

#[test]
fn visa_restrictions_change_the_projection_but_not_history() {
    let baseline = Table::parse(&stdout_of(&["run"]));
    let strict = Table::parse(&stdout_of(&["run", "--set", "visa_restrictions=80"]));
    let start = ParamId::PolicyStartYear.spec().default as i32;
    for year in 2010..start {
        assert_eq!(
            baseline.row(year),
            strict.row(year),
            "year {year} is before the policy start and must not change"
        );
    }
    let changed = (start..=2050).any(|y| baseline.row(y) != strict.row(y));
    assert!(changed, "visa_restrictions=80 should change the projection");
    let grads = |t: &Table| number(t.cell(2035, "inflow_us_grad"));
    assert!(
        grads(&strict) < grads(&baseline),
        "tighter visas should lower US graduate inflow in 2035"
    );
}

#[test]
fn repeated_set_of_one_id_uses_the_last_value() {
    let twice = stdout_of(&[
        "run",
        "--set",
        "visa_restrictions=10",
        "--set=visa_restrictions=80",
    ]);
    let once = stdout_of(&["run", "--set", "visa_restrictions=80"]);
    assert_eq!(twice, once);
}

#[test]
fn later_policy_start_year_keeps_the_recorded_path_longer() {
    let baseline = Table::parse(&stdout_of(&["run"]));
    let late = Table::parse(&stdout_of(&[
        "run",
        "--set",
        "visa_restrictions=80",
        "--set",
        "policy_start_year=2032",
    ]));
    for year in 2010..2032 {
        assert_eq!(
            baseline.row(year),
            late.row(year),
            "year {year} is before the 2032 policy start"
        );
    }
    assert_ne!(baseline.row(2035), late.row(2035));
}

// --- run, JSON --------------------------------------------------------------

#[test]
fn json_carries_the_same_numbers_as_the_csv() {
    let args = [
        "run",
        "--set",
        "visa_restrictions=80",
        "--set",
        "compute_ratio=20",
    ];
    let table = Table::parse(&stdout_of(&args));
    let json_args: Vec<&str> = args.iter().copied().chain(["--format", "json"]).collect();
    let doc: serde_json::Value = serde_json::from_str(&stdout_of(&json_args)).expect("valid JSON");

    assert_eq!(doc["model_version"], talentflow_model::MODEL_VERSION);
    assert_eq!(doc["policy_start_year"], 2027);
    let years: Vec<i64> = doc["years"]
        .as_array()
        .expect("years")
        .iter()
        .map(|y| y.as_i64().expect("integer year"))
        .collect();
    assert_eq!(years, (2010..=2050).collect::<Vec<i64>>());

    let scenario = doc["scenario"].as_object().expect("scenario object");
    assert_eq!(scenario.len(), PARAMS.len());
    for p in PARAMS.iter() {
        let expected = match p.key {
            "visa_restrictions" => 80.0,
            "compute_ratio" => 20.0,
            _ => p.default,
        };
        assert_eq!(
            scenario[p.key].as_f64(),
            Some(expected),
            "scenario.{}",
            p.key
        );
    }

    let series = doc["series"].as_object().expect("series object");
    assert_eq!(series.len(), SERIES.len());
    for spec in SERIES.iter() {
        let values = series[spec.key].as_array().expect("series array");
        assert_eq!(values.len(), table.rows.len(), "{}", spec.key);
        for (row, value) in table.rows.iter().zip(values) {
            let cell = &row[table.column(spec.key)];
            if cell.is_empty() {
                assert!(
                    value.is_null(),
                    "{} in {}: blank in CSV, {value} in JSON",
                    spec.key,
                    row[0]
                );
            } else {
                assert_eq!(
                    value.as_f64(),
                    Some(number(cell)),
                    "{} in {}",
                    spec.key,
                    row[0]
                );
            }
        }
    }
}

// --- params -----------------------------------------------------------------

#[test]
fn params_lists_every_parameter_with_its_range() {
    let text = stdout_of(&["params"]);
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("key,kind,group,default,min,max,step,scale,unit,label,sources,plausible")
    );
    let keys: Vec<&str> = lines
        .map(|l| l.split(',').next().unwrap_or_default())
        .collect();
    let expected: Vec<&str> = PARAMS.iter().map(|p| p.key).collect();
    assert_eq!(keys, expected);
    assert!(
        text.contains(
            "visa_restrictions,lever,main,30,0,90,1,linear,percent,US visa restrictions,"
        ),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("perception_delay,") && l.ends_with(",uniform 1 2")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.starts_with("beta_compute,") && l.ends_with(",triangular 0 0.15 0.4")),
        "{text}"
    );
}

#[test]
fn params_markdown_is_a_table_with_a_row_per_parameter() {
    let text = stdout_of(&["params", "--format", "markdown"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), PARAMS.len() + 2);
    assert!(lines[1].starts_with("| --- |"));
    for (line, p) in lines[2..].iter().zip(PARAMS.iter()) {
        assert!(line.starts_with(&format!("| `{}` |", p.key)), "{line}");
        assert!(!line.contains("[param-"), "missing English label: {line}");
    }
}

/// The block of `docs/model.md` between the params markers.
fn docs_block(doc: &str) -> Option<(usize, usize)> {
    let begin_marker = "<!-- params:begin -->\n";
    let begin = doc.find(begin_marker)? + begin_marker.len();
    let end = begin + doc[begin..].find("<!-- params:end -->")?;
    Some((begin, end))
}

/// Fails when the table in docs/model.md is not what `talentflow params
/// --format markdown` prints now. Run with TALENTFLOW_BLESS_DOCS=1 to
/// rewrite the block in place.
#[test]
fn docs_model_md_embeds_the_current_parameter_table() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../docs/model.md");
    let doc = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let (begin, end) = docs_block(&doc)
        .expect("docs/model.md has <!-- params:begin --> and <!-- params:end --> lines");
    let table = stdout_of(&["params", "--format", "markdown"]);
    if doc[begin..end] != table && std::env::var_os("TALENTFLOW_BLESS_DOCS").is_some() {
        let updated = format!("{}{}{}", &doc[..begin], table, &doc[end..]);
        std::fs::write(&path, updated)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        return;
    }
    assert!(
        doc[begin..end] == table,
        "docs/model.md's parameter table is out of date; rewrite it with\n  TALENTFLOW_BLESS_DOCS=1 cargo test -p talentflow-cli --test cli docs_model_md\n--- in docs ---\n{}\n--- now ---\n{}",
        &doc[begin..end],
        table
    );
}

#[test]
fn help_prints_usage_on_stdout() {
    for args in [&["help"][..], &["--help"], &["-h"], &["run", "--help"]] {
        let text = stdout_of(args);
        assert!(text.contains("talentflow run"), "{args:?}: {text}");
        assert!(text.contains("talentflow params"), "{args:?}: {text}");
    }
}

// --- refusals: one line on stderr, status 2, nothing on stdout ---------------

#[test]
fn unknown_parameter_is_refused_by_name() {
    let err = refused(&["run", "--set", "visa_restriction=50"]);
    assert!(err.contains("visa_restriction"), "{err}");
    assert!(err.contains("unknown parameter"), "{err}");
}

#[test]
fn value_above_range_is_refused_with_the_range() {
    let err = refused(&["run", "--set", "visa_restrictions=95"]);
    assert!(
        err.contains("visa_restrictions") && err.contains("95"),
        "{err}"
    );
    assert!(err.contains("0 to 90"), "{err}");
}

#[test]
fn value_below_range_is_refused_with_the_range() {
    let err = refused(&["run", "--set", "compute_ratio=0.5"]);
    assert!(
        err.contains("compute_ratio") && err.contains("1 to 100"),
        "{err}"
    );
}

#[test]
fn value_that_is_not_a_number_is_refused_with_the_range() {
    for text in ["lots", "", "NaN", "inf", "1e999"] {
        let err = refused(&["run", "--set", &format!("visa_restrictions={text}")]);
        assert!(
            err.contains("visa_restrictions") && err.contains("0 to 90"),
            "{text}: {err}"
        );
    }
}

#[test]
fn set_without_equals_sign_is_refused() {
    let err = refused(&["run", "--set", "visa_restrictions"]);
    assert!(
        err.contains("visa_restrictions") && err.contains("ID=VALUE"),
        "{err}"
    );
}

#[test]
fn set_without_any_value_is_refused() {
    let err = refused(&["run", "--set"]);
    assert!(err.contains("--set"), "{err}");
}

#[test]
fn unknown_format_is_refused() {
    let err = refused(&["run", "--format", "xml"]);
    assert!(
        err.contains("xml") && err.contains("csv") && err.contains("json"),
        "{err}"
    );
    let err = refused(&["params", "--format", "json"]);
    assert!(err.contains("json") && err.contains("markdown"), "{err}");
}

#[test]
fn unknown_subcommand_is_refused() {
    let err = refused(&["simulate"]);
    assert!(err.contains("simulate"), "{err}");
}

#[test]
fn missing_subcommand_is_refused() {
    let err = refused(&[]);
    assert!(err.contains("subcommand"), "{err}");
}

#[test]
fn unknown_flag_is_refused() {
    for (args, name) in [
        (&["run", "--seed", "3"][..], "--seed"),
        (&["params", "-x"], "-x"),
        (&["--verbose"], "--verbose"),
    ] {
        let err = refused(args);
        assert!(err.contains(name), "{args:?}: {err}");
    }
}

#[test]
fn stray_argument_is_refused() {
    let err = refused(&["run", "visa_restrictions=80"]);
    assert!(err.contains("visa_restrictions=80"), "{err}");
    let err = refused(&["help", "me"]);
    assert!(err.contains("me"), "{err}");
}

#[test]
fn a_newline_inside_an_argument_still_gives_one_line() {
    let err = refused(&["run", "--set", "visa_restrictions=8\n0"]);
    assert!(err.contains("visa_restrictions"), "{err}");
}
