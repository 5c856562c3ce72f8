//! `talentflow`: run the talent-flow model from the command line.
//!
//! ```text
//! talentflow run [--set ID=VALUE ...] [--draws N [--seed S]] [--format csv|json]
//! talentflow sensitivity --outcome COLUMN --year YEAR [--set ID=VALUE ...]
//! talentflow attribution --outcome COLUMN --year YEAR [--set ID=VALUE ...]
//! talentflow params [--format csv|markdown]
//! talentflow chart [--query QUERY] [--set ID=VALUE ...] [--chart NAME] [--lang en|zh] [--format svg|html]
//! talentflow calibrate [--format markdown|csv]
//! talentflow validate [--format markdown|csv]
//! talentflow help
//! ```
//!
//! Every refusal is one line on stderr and exit status 2, with nothing on
//! stdout; the model's own [`ParamError`] says which parameter and which
//! range. The parameter table, the series and the rounding all come from
//! `talentflow-model`, so the numbers printed here are the numbers the
//! browser app shows and exports.

mod calibrate;
mod chart;
mod output;
mod validate;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use talentflow_model::uncertainty::{DEFAULT_SEED, MAX_DRAWS};
use talentflow_model::{ParamError, Scenario, SeriesId};

/// Exit status for a refused command line.
const EXIT_USAGE: u8 = 2;
/// Exit status when stdout cannot be written (for example a closed pipe).
const EXIT_IO: u8 = 1;
/// Exit status of `validate` when a comparison is outside its tolerance.
const EXIT_MISSES: u8 = 3;

const USAGE: &str = "\
talentflow: the Talent Flow Explorer model on the command line

Usage:
  talentflow run [--set ID=VALUE ...] [--format csv|json]
      Print the yearly series of one scenario (default format: csv).
      Each --set changes one parameter from its default; the last --set
      of an id wins. Levers act from the policy start year on.
      --query QUERY takes the query of an app link (visa_restrictions=60&v=1.3.0);
      options apply in order, so a later --set overrides it.
      --draws N adds uncertainty bands: N draws (1 to 10000) of the
      assumptions' plausible ranges, and for each headline column the
      columns <column>_p05, _p25, _p50, _p75 and _p95. --seed S (a whole
      number, default 1) picks the draws: the same N and S always print
      the same bands.
  talentflow sensitivity --outcome COLUMN --year YEAR [--set ID=VALUE ...]
      Rank every lever and assumption by how far it moves one column of
      `run` in one year, between its low and high value, the others held
      at the scenario's values (CSV, largest swing first).
  talentflow attribution --outcome COLUMN --year YEAR [--set ID=VALUE ...]
      Split the change of one column in one year, from the baseline to the
      scenario, among the settings that differ from their default (Shapley
      values: each setting's effect averaged over the orders in which the
      settings could be applied; the shares add up to the change).
  talentflow params [--format csv|markdown]
      Print the parameter table: ids, defaults, ranges, units, sources.
  talentflow chart [--query QUERY] [--set ID=VALUE ...] [--chart NAME ...]
                   [--lang en|zh] [--width PX] [--height PX] [--format svg|html]
      Draw the scenario's charts (retention, inflow, where; all by
      default) as one SVG document, as the app draws them, with titles,
      legends and axes in the chosen language (default en). --width is
      the picture's width (default 640), --height each plot's (300).
      --format html prints each chart as an HTML <figure> with its title,
      inline SVG, legend and summary, for a page without JavaScript.
  talentflow calibrate [--format markdown|csv]
      Fit the calibrated constants to the calibration targets (least
      squares, in units of each target's tolerance) and print the fit;
      also the backtest's fit, to the targets up to 2018 only. With
      --format csv, print data/calibration.csv, where the model reads its
      calibrated defaults from.
  talentflow validate [--format markdown|csv]
      Compare the calibrated model, and the backtest, with every observed
      figure: observation, sources, observed, model, error, tolerance.
      Exit status 3 when any is outside its tolerance.
  talentflow help | --help | -h
      Print this text.
  talentflow --version
      Print the version of the command line and of the model.

Examples:
  talentflow run --set visa_restrictions=80 --set compute_ratio=20
  talentflow run --format json > baseline.json
  talentflow run --draws 200 --seed 7 --set visa_restrictions=60
  talentflow sensitivity --outcome cohort2019_in_us --year 2035
  talentflow attribution --outcome inflow_us_grad --year 2035 --set visa_restrictions=70 --set compute_ratio=20
  talentflow params --format markdown
  talentflow chart --query 'visa_restrictions=60' --lang zh --format svg > charts.svg
";

/// What the command line asked for.
#[derive(Debug)]
enum Command {
    Help,
    Version,
    Run {
        scenario: Box<Scenario>,
        format: RunFormat,
        /// Uncertainty bands to add: (draws, seed).
        bands: Option<(usize, u64)>,
    },
    Sensitivity {
        scenario: Box<Scenario>,
        outcome: SeriesId,
        year: i32,
    },
    Attribution {
        scenario: Box<Scenario>,
        outcome: SeriesId,
        year: i32,
    },
    Params {
        format: ParamsFormat,
    },
    /// `chart`: the scenario's charts as SVG.
    Chart(chart::ChartCommand),
    Calibrate {
        csv: bool,
    },
    Validate {
        format: validate::ValidateFormat,
    },
}

/// Output formats of `run`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RunFormat {
    Csv,
    Json,
}

/// Output formats of `params`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ParamsFormat {
    Csv,
    Markdown,
}

fn main() -> ExitCode {
    let command = match parse(std::env::args_os().skip(1)) {
        Ok(c) => c,
        Err(message) => {
            eprintln!("talentflow: {}", one_line(&message));
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let text = match command {
        Command::Help => USAGE.to_string(),
        Command::Version => format!(
            "talentflow {} (model {})\n",
            env!("CARGO_PKG_VERSION"),
            talentflow_model::MODEL_VERSION
        ),
        Command::Run {
            scenario,
            format: RunFormat::Csv,
            bands: None,
        } => talentflow_model::simulate(&scenario).to_csv(),
        Command::Run {
            scenario,
            format,
            bands: Some((draws, seed)),
        } => {
            let bands = match talentflow_model::bands(&scenario, draws, seed) {
                Ok(bands) => bands,
                Err(e) => {
                    eprintln!("talentflow: --draws: {}", one_line(&e.to_string()));
                    return ExitCode::from(EXIT_USAGE);
                }
            };
            eprintln!("talentflow: note: {}", output::kept_note(&bands));
            match format {
                RunFormat::Csv => bands.to_csv(),
                RunFormat::Json => match output::run_json(&scenario, Some(&bands)) {
                    Ok(text) => text,
                    Err(message) => {
                        eprintln!("talentflow: {}", one_line(&message));
                        return ExitCode::from(EXIT_IO);
                    }
                },
            }
        }
        Command::Run {
            scenario,
            format: RunFormat::Json,
            bands: None,
        } => match output::run_json(&scenario, None) {
            Ok(text) => text,
            Err(message) => {
                eprintln!("talentflow: {}", one_line(&message));
                return ExitCode::from(EXIT_IO);
            }
        },
        Command::Sensitivity {
            scenario,
            outcome,
            year,
        } => match talentflow_model::sensitivity(&scenario, outcome, year) {
            Ok(ranking) => output::sensitivity_csv(&ranking),
            Err(e) => {
                eprintln!("talentflow: {}", one_line(&e.to_string()));
                return ExitCode::from(EXIT_USAGE);
            }
        },
        Command::Attribution {
            scenario,
            outcome,
            year,
        } => match talentflow_model::attribute(&scenario, outcome, year) {
            Ok(attribution) => output::attribution_csv(&scenario, &attribution),
            Err(e) => {
                eprintln!("talentflow: {}", one_line(&e.to_string()));
                return ExitCode::from(EXIT_USAGE);
            }
        },
        Command::Params {
            format: ParamsFormat::Csv,
        } => output::params_csv(),
        Command::Params {
            format: ParamsFormat::Markdown,
        } => output::params_markdown(),
        Command::Chart(chart) => chart.render(),
        Command::Calibrate { csv } => {
            let full = calibrate::run_fit(talentflow_model::calibration::Fit::Full);
            let backtest = calibrate::run_fit(talentflow_model::calibration::Fit::Backtest);
            if csv {
                calibrate::calibration_csv(&full, &backtest)
            } else {
                calibrate::report(&full, &backtest)
            }
        }
        Command::Validate { format } => return validate::run(format, EXIT_MISSES, EXIT_IO),
    };
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        // A closed pipe (`talentflow run | head`) is the reader's choice,
        // not an error worth a message.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!(
                "talentflow: cannot write output: {}",
                one_line(&e.to_string())
            );
            ExitCode::from(EXIT_IO)
        }
    }
}

/// Parse the arguments (without the program name). Every error is a
/// message for the reader.
fn parse(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    use lexopt::prelude::*;
    let mut parser = lexopt::Parser::from_args(args);
    let subcommand = match parser.next().map_err(describe)? {
        None => return Err("no subcommand given (try `talentflow help`)".to_string()),
        Some(Long("help") | Short('h')) => return finish(&mut parser, Command::Help),
        Some(Long("version") | Short('V')) => return finish(&mut parser, Command::Version),
        Some(Value(v)) => text(v, "subcommand")?,
        Some(other) => return Err(unexpected(other)),
    };
    match subcommand.as_str() {
        "help" => finish(&mut parser, Command::Help),
        "run" => parse_run(&mut parser),
        "params" => parse_params(&mut parser),
        "sensitivity" => parse_outcome_command(&mut parser, "sensitivity"),
        "attribution" => parse_outcome_command(&mut parser, "attribution"),
        "chart" => chart::parse(&mut parser),
        "calibrate" => parse_calibrate(&mut parser),
        "validate" => parse_validate(&mut parser),
        other => Err(format!(
            "unknown subcommand '{other}' (expected run, sensitivity, attribution, params, chart, calibrate, validate or help)"
        )),
    }
}

/// Refuse anything after a command that takes no arguments.
fn finish(parser: &mut lexopt::Parser, command: Command) -> Result<Command, String> {
    match parser.next().map_err(describe)? {
        None => Ok(command),
        Some(arg) => Err(unexpected(arg)),
    }
}

fn parse_run(parser: &mut lexopt::Parser) -> Result<Command, String> {
    use lexopt::prelude::*;
    let mut scenario = Scenario::baseline();
    let mut format = RunFormat::Csv;
    let mut draws: Option<usize> = None;
    let mut seed: Option<u64> = None;
    while let Some(arg) = parser.next().map_err(describe)? {
        match arg {
            Long("set") | Short('s') => {
                let assignment = text(parser.value().map_err(describe)?, "--set")?;
                apply_set(&mut scenario, &assignment)?;
            }
            Long("query") | Short('q') => {
                // The query of an app link: same decoding as the browser,
                // so the same scenario and the same numbers. Damaged
                // values are mended as in the app, with a warning each.
                let query = text(parser.value().map_err(describe)?, "--query")?;
                scenario = apply_query(scenario, &query);
            }
            Long("draws") => {
                let value = text(parser.value().map_err(describe)?, "--draws")?;
                draws = Some(parse_draws(&value)?);
            }
            Long("seed") => {
                let value = text(parser.value().map_err(describe)?, "--seed")?;
                seed = Some(parse_seed(&value)?);
            }
            Long("format") | Short('f') => {
                let name = text(parser.value().map_err(describe)?, "--format")?;
                format = match name.as_str() {
                    "csv" => RunFormat::Csv,
                    "json" => RunFormat::Json,
                    other => {
                        return Err(format!(
                            "unknown format '{other}' for run (expected csv or json)"
                        ))
                    }
                };
            }
            Long("help") | Short('h') => return finish(parser, Command::Help),
            other => return Err(unexpected(other)),
        }
    }
    let bands = match (draws, seed) {
        (Some(n), s) => Some((n, s.unwrap_or(DEFAULT_SEED))),
        (None, Some(_)) => {
            return Err(
                "--seed needs --draws N (how many draws the uncertainty bands take)".to_string(),
            )
        }
        (None, None) => None,
    };
    Ok(Command::Run {
        scenario: Box::new(scenario),
        format,
        bands,
    })
}

/// Apply `--query QUERY` (an app link's query) onto `scenario`: damaged
/// values are mended as in the app, with a warning each on stderr.
fn apply_query(scenario: Scenario, query: &str) -> Scenario {
    let decoded = talentflow_model::query::decode_onto(scenario, query);
    for notice in &decoded.notices {
        eprintln!("talentflow: warning: {}", one_line(&notice.to_string()));
    }
    decoded.scenario
}

/// Apply one `--set ID=VALUE`.
fn apply_set(scenario: &mut Scenario, assignment: &str) -> Result<(), String> {
    let (key, value) = assignment.split_once('=').ok_or_else(|| {
        format!(
            "--set '{assignment}' is not of the form ID=VALUE (for example visa_restrictions=50)"
        )
    })?;
    scenario
        .set_from_text(key.trim(), value)
        .map(|_| ())
        .map_err(|e: ParamError| e.to_string())
}

/// The number of draws of `--draws`: a whole number from 1 to [`MAX_DRAWS`].
fn parse_draws(value: &str) -> Result<usize, String> {
    match value.trim().parse::<usize>() {
        Ok(n) if (1..=MAX_DRAWS).contains(&n) => Ok(n),
        _ => Err(format!(
            "--draws: '{value}' is not a whole number from 1 to {MAX_DRAWS}"
        )),
    }
}

/// The seed of `--seed`: a whole number from 0 to 2^64 − 1.
fn parse_seed(value: &str) -> Result<u64, String> {
    value.trim().parse::<u64>().map_err(|_| {
        format!(
            "--seed: '{value}' is not a whole number from 0 to {}",
            u64::MAX
        )
    })
}

/// `sensitivity` and `attribution`: an outcome column, a year, a scenario.
fn parse_outcome_command(parser: &mut lexopt::Parser, name: &str) -> Result<Command, String> {
    use lexopt::prelude::*;
    let mut scenario = Scenario::baseline();
    let mut outcome: Option<SeriesId> = None;
    let mut year: Option<i32> = None;
    while let Some(arg) = parser.next().map_err(describe)? {
        match arg {
            Long("set") | Short('s') => {
                let assignment = text(parser.value().map_err(describe)?, "--set")?;
                apply_set(&mut scenario, &assignment)?;
            }
            Long("outcome") | Short('o') => {
                let key = text(parser.value().map_err(describe)?, "--outcome")?;
                outcome = Some(SeriesId::from_key(key.trim()).ok_or_else(|| {
                    format!(
                        "--outcome: unknown column '{key}' (a column of `talentflow run`, for example cohort2019_in_us)"
                    )
                })?);
            }
            Long("year") | Short('y') => {
                let value = text(parser.value().map_err(describe)?, "--year")?;
                year =
                    Some(value.trim().parse::<i32>().map_err(|_| {
                        format!("--year: '{value}' is not a year (for example 2035)")
                    })?);
            }
            Long("help") | Short('h') => return finish(parser, Command::Help),
            other => return Err(unexpected(other)),
        }
    }
    let outcome = outcome.ok_or_else(|| {
        format!("{name} needs --outcome COLUMN (for example --outcome cohort2019_in_us)")
    })?;
    let year = year.ok_or_else(|| format!("{name} needs --year YEAR (for example --year 2035)"))?;
    let scenario = Box::new(scenario);
    Ok(if name == "attribution" {
        Command::Attribution {
            scenario,
            outcome,
            year,
        }
    } else {
        Command::Sensitivity {
            scenario,
            outcome,
            year,
        }
    })
}

fn parse_params(parser: &mut lexopt::Parser) -> Result<Command, String> {
    use lexopt::prelude::*;
    let mut format = ParamsFormat::Csv;
    while let Some(arg) = parser.next().map_err(describe)? {
        match arg {
            Long("format") | Short('f') => {
                let name = text(parser.value().map_err(describe)?, "--format")?;
                format = match name.as_str() {
                    "csv" => ParamsFormat::Csv,
                    "markdown" | "md" => ParamsFormat::Markdown,
                    other => {
                        return Err(format!(
                            "unknown format '{other}' for params (expected csv or markdown)"
                        ))
                    }
                };
            }
            Long("help") | Short('h') => return finish(parser, Command::Help),
            other => return Err(unexpected(other)),
        }
    }
    Ok(Command::Params { format })
}

/// The `--format` of `calibrate` and `validate`: markdown or csv.
fn markdown_or_csv(parser: &mut lexopt::Parser, name: &str) -> Result<Option<bool>, String> {
    use lexopt::prelude::*;
    let mut csv = false;
    while let Some(arg) = parser.next().map_err(describe)? {
        match arg {
            Long("format") | Short('f') => {
                let value = text(parser.value().map_err(describe)?, "--format")?;
                csv = match value.as_str() {
                    "csv" => true,
                    "markdown" | "md" => false,
                    other => {
                        return Err(format!(
                            "unknown format '{other}' for {name} (expected markdown or csv)"
                        ))
                    }
                };
            }
            Long("help") | Short('h') => return Ok(None),
            other => return Err(unexpected(other)),
        }
    }
    Ok(Some(csv))
}

fn parse_calibrate(parser: &mut lexopt::Parser) -> Result<Command, String> {
    Ok(match markdown_or_csv(parser, "calibrate")? {
        None => Command::Help,
        Some(csv) => Command::Calibrate { csv },
    })
}

fn parse_validate(parser: &mut lexopt::Parser) -> Result<Command, String> {
    Ok(match markdown_or_csv(parser, "validate")? {
        None => Command::Help,
        Some(true) => Command::Validate {
            format: validate::ValidateFormat::Csv,
        },
        Some(false) => Command::Validate {
            format: validate::ValidateFormat::Markdown,
        },
    })
}

/// An argument's text, refusing text that is not valid UTF-8.
fn text(value: OsString, what: &str) -> Result<String, String> {
    value
        .into_string()
        .map_err(|raw| format!("{what}: '{}' is not valid UTF-8", raw.to_string_lossy()))
}

/// The message for an argument that does not belong where it stands.
fn unexpected(arg: lexopt::Arg<'_>) -> String {
    match arg {
        lexopt::Arg::Short(c) => format!("unknown option '-{c}' (try `talentflow help`)"),
        lexopt::Arg::Long(name) => format!("unknown option '--{name}' (try `talentflow help`)"),
        lexopt::Arg::Value(v) => format!(
            "unexpected argument '{}' (try `talentflow help`)",
            v.to_string_lossy()
        ),
    }
}

/// Our own wording of lexopt's errors.
fn describe(error: lexopt::Error) -> String {
    match error {
        lexopt::Error::MissingValue {
            option: Some(option),
        } => format!("{option} needs a value (try `talentflow help`)"),
        lexopt::Error::MissingValue { option: None } => {
            "an option needs a value (try `talentflow help`)".to_string()
        }
        lexopt::Error::UnexpectedOption(option) => {
            format!("unknown option '{option}' (try `talentflow help`)")
        }
        lexopt::Error::UnexpectedArgument(v) => format!(
            "unexpected argument '{}' (try `talentflow help`)",
            v.to_string_lossy()
        ),
        lexopt::Error::UnexpectedValue { option, value } => {
            format!(
                "{option} takes no value, got '{}' (try `talentflow help`)",
                value.to_string_lossy()
            )
        }
        lexopt::Error::NonUnicodeValue(v) => {
            format!("'{}' is not valid UTF-8", v.to_string_lossy())
        }
        other => other.to_string(),
    }
}

/// A message on one line: control characters (a newline typed inside a
/// quoted argument, say) are shown escaped.
fn one_line(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    for c in message.chars() {
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use talentflow_model::ParamId;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn set_accepts_separate_and_attached_values_and_last_one_wins() {
        let parsed = parse(args(&[
            "run",
            "--set",
            "visa_restrictions=10",
            "--set=visa_restrictions=70",
            "-s",
            "compute_ratio=20",
        ]));
        match parsed {
            Ok(Command::Run {
                scenario, format, ..
            }) => {
                assert_eq!(scenario.get(ParamId::VisaRestrictions), 70.0);
                assert_eq!(scenario.get(ParamId::ComputeRatio), 20.0);
                assert_eq!(format, RunFormat::Csv);
            }
            other => panic!("expected a run, got {other:?}"),
        }
    }

    #[test]
    fn query_sets_the_scenario_of_an_app_link_and_a_later_set_wins() {
        let parsed = parse(args(&[
            "run",
            "--query",
            "?visa_restrictions=60&compute_ratio=20&pin=open_door&v=0.1.0",
            "--set",
            "compute_ratio=30",
        ]));
        match parsed {
            Ok(Command::Run { scenario, .. }) => {
                assert_eq!(scenario.get(ParamId::VisaRestrictions), 60.0);
                assert_eq!(scenario.get(ParamId::ComputeRatio), 30.0);
            }
            other => panic!("expected a run, got {other:?}"),
        }
    }

    #[test]
    fn messages_with_control_characters_stay_on_one_line() {
        assert_eq!(one_line("a\nb\tc"), "a\\nb\\tc");
    }
}
