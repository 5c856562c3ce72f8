//! `talentflow`: run the talent-flow model from the command line.
//!
//! ```text
//! talentflow run [--set ID=VALUE ...] [--format csv|json]
//! talentflow params [--format csv|markdown]
//! talentflow help
//! ```
//!
//! Every refusal is one line on stderr and exit status 2, with nothing on
//! stdout; the model's own [`ParamError`] says which parameter and which
//! range. The parameter table, the series and the rounding all come from
//! `talentflow-model`, so the numbers printed here are the numbers the
//! browser app shows and exports.

mod output;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use talentflow_model::{ParamError, Scenario};

/// Exit status for a refused command line.
const EXIT_USAGE: u8 = 2;
/// Exit status when stdout cannot be written (for example a closed pipe).
const EXIT_IO: u8 = 1;

const USAGE: &str = "\
talentflow: the Talent Flow Explorer model on the command line

Usage:
  talentflow run [--set ID=VALUE ...] [--format csv|json]
      Print the yearly series of one scenario (default format: csv).
      Each --set changes one parameter from its default; the last --set
      of an id wins. Levers act from the policy start year on.
      --query QUERY takes the query of an app link (visa_restrictions=60&v=0.1.0);
      options apply in order, so a later --set overrides it.
  talentflow params [--format csv|markdown]
      Print the parameter table: ids, defaults, ranges, units, sources.
  talentflow help | --help | -h
      Print this text.
  talentflow --version
      Print the version of the command line and of the model.

Examples:
  talentflow run --set visa_restrictions=80 --set compute_ratio=20
  talentflow run --format json > baseline.json
  talentflow params --format markdown
";

/// What the command line asked for.
#[derive(Debug)]
enum Command {
    Help,
    Version,
    Run {
        scenario: Box<Scenario>,
        format: RunFormat,
    },
    Params {
        format: ParamsFormat,
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
        } => talentflow_model::simulate(&scenario).to_csv(),
        Command::Run {
            scenario,
            format: RunFormat::Json,
        } => match output::run_json(&scenario) {
            Ok(text) => text,
            Err(message) => {
                eprintln!("talentflow: {}", one_line(&message));
                return ExitCode::from(EXIT_IO);
            }
        },
        Command::Params {
            format: ParamsFormat::Csv,
        } => output::params_csv(),
        Command::Params {
            format: ParamsFormat::Markdown,
        } => output::params_markdown(),
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
        other => Err(format!(
            "unknown subcommand '{other}' (expected run, params or help)"
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
    while let Some(arg) = parser.next().map_err(describe)? {
        match arg {
            Long("set") | Short('s') => {
                let assignment = text(parser.value().map_err(describe)?, "--set")?;
                let (key, value) = assignment
                    .split_once('=')
                    .ok_or_else(|| format!("--set '{assignment}' is not of the form ID=VALUE (for example visa_restrictions=50)"))?;
                scenario
                    .set_from_text(key.trim(), value)
                    .map_err(|e: ParamError| e.to_string())?;
            }
            Long("query") | Short('q') => {
                // The query of an app link: same decoding as the browser,
                // so the same scenario and the same numbers. Damaged
                // values are mended as in the app, with a warning each.
                let query = text(parser.value().map_err(describe)?, "--query")?;
                let decoded = talentflow_model::query::decode_onto(scenario, &query);
                for notice in &decoded.notices {
                    eprintln!("talentflow: warning: {}", one_line(&notice.to_string()));
                }
                scenario = decoded.scenario;
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
    Ok(Command::Run {
        scenario: Box::new(scenario),
        format,
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
            Ok(Command::Run { scenario, format }) => {
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
