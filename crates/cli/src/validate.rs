//! `talentflow validate`: the model beside observed figures, in sample and
//! out of sample (the backtest), with a verdict.

use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;
use talentflow_model::calibration::BACKTEST_LAST_YEAR;
use talentflow_model::uncertainty::{DEFAULT_DRAWS, DEFAULT_SEED};
use talentflow_model::validation::{Row, Table};

/// Output formats of `validate`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ValidateFormat {
    /// Markdown tables (what `docs/model.md` carries).
    Markdown,
    /// One CSV table, with a `table` column.
    Csv,
}

/// Both tables' rows.
pub fn tables() -> Vec<(Table, Vec<Row>)> {
    Table::ALL.iter().map(|t| (*t, t.compute())).collect()
}

/// How many rows miss their tolerance.
pub fn misses(tables: &[(Table, Vec<Row>)]) -> usize {
    tables
        .iter()
        .flat_map(|(_, rows)| rows)
        .filter(|r| !r.passes())
        .count()
}

fn title(table: Table) -> String {
    match table {
        Table::Calibrated => {
            "The calibrated model (every slider at its default) beside every observation".to_string()
        }
        Table::Backtest => format!(
            "Backtest: the model fitted to the figures up to {BACKTEST_LAST_YEAR} only, beside every figure after"
        ),
    }
}

/// A share as a percentage with one decimal, a ratio with two.
fn number(v: f64, ratio: bool) -> String {
    if !v.is_finite() {
        "–".to_string()
    } else if ratio {
        format!("{v:.2}")
    } else {
        format!("{:.1}%", v * 100.0)
    }
}

/// The tables as text.
pub fn render(tables: &[(Table, Vec<Row>)], format: ValidateFormat) -> String {
    let mut out = String::new();
    match format {
        ValidateFormat::Markdown => {
            for (table, rows) in tables {
                let _ = writeln!(out, "{}\n", title(*table));
                let _ = writeln!(
                    out,
                    "| observation | sources | observed | model | error | tolerance | fitted? | within? |"
                );
                let _ = writeln!(out, "| --- | --- | --- | --- | --- | --- | --- | --- |");
                for r in rows {
                    let ratio = r.target.is_ratio();
                    let error = if ratio {
                        format!("{:+.2}", r.error())
                    } else {
                        format!("{:+.1}", r.error() * 100.0)
                    };
                    let tolerance = if ratio {
                        format!("{:.2}", r.target.tolerance)
                    } else {
                        format!("{:.0}", r.target.tolerance * 100.0)
                    };
                    let _ = writeln!(
                        out,
                        "| `{}` | {} | {} | {} | {error} | ±{tolerance} | {} | {} |",
                        r.target.key,
                        r.target.sources.join(" "),
                        number(r.target.observed, ratio),
                        number(r.model, ratio),
                        if r.fitted { "fitted" } else { "held out" },
                        if r.passes() { "yes" } else { "**no**" },
                    );
                }
                out.push('\n');
            }
            let misses = misses(tables);
            let total: usize = tables.iter().map(|(_, r)| r.len()).sum();
            if let Ok(bands) = talentflow_model::bands(
                &talentflow_model::Scenario::baseline(),
                DEFAULT_DRAWS,
                DEFAULT_SEED,
            ) {
                let _ = writeln!(
                    out,
                    "Uncertainty draws of the baseline ({DEFAULT_DRAWS}, seed {DEFAULT_SEED}) within every calibration target, which alone shape the bands: {}.\n",
                    bands.kept()
                );
            }
            let _ = writeln!(
                out,
                "{} of {total} comparisons within their tolerance{}.",
                total - misses,
                if misses == 0 {
                    String::new()
                } else {
                    format!("; {misses} outside")
                }
            );
        }
        ValidateFormat::Csv => {
            out.push_str(
                "table,observation,sources,observed,model,error,tolerance,fitted,within\n",
            );
            for (table, rows) in tables {
                let name = match table {
                    Table::Calibrated => "calibrated",
                    Table::Backtest => "backtest",
                };
                for r in rows {
                    let _ = writeln!(
                        out,
                        "{name},{},{},{:.6},{:.6},{:.6},{:.6},{},{}",
                        r.target.key,
                        r.target.sources.join(" "),
                        r.target.observed,
                        r.model,
                        r.error(),
                        r.target.tolerance,
                        r.fitted,
                        r.passes()
                    );
                }
            }
        }
    }
    out
}

/// Print both tables in `format`; exit status `misses_status` when any
/// comparison is outside its tolerance, `io_status` when stdout cannot
/// be written (a closed pipe is the reader's choice, not an error).
pub fn run(format: ValidateFormat, misses_status: u8, io_status: u8) -> ExitCode {
    let tables = tables();
    let text = render(&tables, format);
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
        Err(e) => {
            eprintln!("talentflow: cannot write output: {e}");
            return ExitCode::from(io_status);
        }
    }
    match misses(&tables) {
        0 => ExitCode::SUCCESS,
        1 => {
            eprintln!("talentflow: 1 comparison is outside its tolerance");
            ExitCode::from(misses_status)
        }
        n => {
            eprintln!("talentflow: {n} comparisons are outside their tolerance");
            ExitCode::from(misses_status)
        }
    }
}
