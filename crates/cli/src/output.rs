//! What `talentflow` prints: a run as JSON, or as CSV with uncertainty
//! bands; a sensitivity ranking and an attribution as CSV; the parameter
//! table as CSV or as a Markdown table (the one `docs/model.md` embeds).

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;
use talentflow_messages::{Catalog, Lang};
use talentflow_model::run::format_value;
use talentflow_model::{
    simulate, Attribution, Bands, Group, Kind, ParamSpec, Percentile, Scale, Scenario, Sensitivity,
    Spread, HEADLINE_SERIES, MODEL_VERSION, PARAMS, SERIES,
};

/// A JSON object whose keys keep the order they were added in (the table
/// order of parameters and series), without a map crate.
struct Ordered(Vec<(&'static str, Node)>);

/// A value inside an [`Ordered`] object.
enum Node {
    Plain(Value),
    Object(Ordered),
}

impl Serialize for Ordered {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, node) in &self.0 {
            match node {
                Node::Plain(value) => map.serialize_entry(key, value)?,
                Node::Object(object) => map.serialize_entry(key, object)?,
            }
        }
        map.end()
    }
}

/// A number as JSON, from the same text the CSV prints, so that the two
/// formats agree digit for digit; `null` where the CSV is blank.
fn json_number(text: &str) -> Value {
    text.parse::<f64>()
        .ok()
        .and_then(serde_json::Number::from_f64)
        .map_or(Value::Null, Value::Number)
}

/// One run as a JSON document: the model version, every parameter's value,
/// the policy start year, the years, and every series keyed by its CSV
/// column name; with `bands`, also `draws`, `seed` and the band series
/// (`<column>_p05` ... `<column>_p95`, as in the CSV).
pub fn run_json(scenario: &Scenario, bands: Option<&Bands>) -> Result<String, String> {
    let run = simulate(scenario);
    let parameters = PARAMS
        .iter()
        .map(|p| {
            (
                p.key,
                Node::Plain(
                    serde_json::Number::from_f64(scenario.get(p.id))
                        .map_or(Value::Null, Value::Number),
                ),
            )
        })
        .collect();
    let mut series: Vec<(&'static str, Node)> = SERIES
        .iter()
        .map(|spec| {
            let values = run
                .series(spec.id)
                .iter()
                .map(|&v| json_number(&format_value(v, spec.measure)))
                .collect();
            (spec.key, Node::Plain(Value::Array(values)))
        })
        .collect();
    if let Some(bands) = bands {
        for (name, values) in band_columns(bands) {
            let values = values.iter().map(|v| json_number(v)).collect();
            series.push((name, Node::Plain(Value::Array(values))));
        }
    }
    let mut header = vec![
        ("model_version", Node::Plain(Value::from(MODEL_VERSION))),
        ("scenario", Node::Object(Ordered(parameters))),
        (
            "policy_start_year",
            Node::Plain(Value::from(run.policy_start_year)),
        ),
        (
            "years",
            Node::Plain(Value::from(run.years().iter().collect::<Vec<i32>>())),
        ),
    ];
    if let Some(bands) = bands {
        header.push(("draws", Node::Plain(Value::from(bands.draws()))));
        header.push(("draws_kept", Node::Plain(Value::from(bands.kept()))));
        header.push(("seed", Node::Plain(Value::from(bands.seed()))));
    }
    header.push(("series", Node::Object(Ordered(series))));
    let document = Ordered(header);
    let mut text =
        serde_json::to_string_pretty(&document).map_err(|e| format!("cannot write JSON: {e}"))?;
    text.push('\n');
    Ok(text)
}

/// The band columns: for each headline series, in
/// [`HEADLINE_SERIES`] order, `<column>_p05` to `<column>_p95`, each with
/// one formatted cell per year (blank where the series is not defined).
/// Column names are leaked once per process: 40 short strings.
fn band_columns(bands: &Bands) -> Vec<(&'static str, Vec<String>)> {
    let mut columns = Vec::with_capacity(HEADLINE_SERIES.len() * Percentile::ALL.len());
    for series in HEADLINE_SERIES {
        for p in Percentile::ALL {
            let name: &'static str =
                Box::leak(format!("{}_{}", series.key(), p.suffix()).into_boxed_str());
            let cells = bands
                .series(series, p)
                .unwrap_or_default()
                .iter()
                .map(|&v| format_value(v, series.spec().measure))
                .collect();
            columns.push((name, cells));
        }
    }
    columns
}

/// A sensitivity ranking as CSV: `param, low_value, high_value,
/// outcome_at_low, outcome_at_high, swing`, largest swing first. Parameter
/// values print as in `talentflow params`; outcomes and swings as the
/// outcome's column prints in `run`.
pub fn sensitivity_csv(ranking: &Sensitivity) -> String {
    let measure = ranking.outcome.spec().measure;
    let mut out = String::from("param,low_value,high_value,outcome_at_low,outcome_at_high,swing\n");
    for row in &ranking.rows {
        out.push_str(&format!(
            "{},{},{},{},{},{}\n",
            row.param.spec().key,
            row.low_value,
            row.high_value,
            format_value(row.outcome_at_low, measure),
            format_value(row.outcome_at_high, measure),
            format_value(row.swing, measure),
        ));
    }
    out
}

/// An attribution as CSV: `param, baseline_value, scenario_value,
/// contribution`, one row per changed setting (largest share first), then
/// a `total` row with the outcome under the baseline and the scenario and
/// the whole change. Contributions print as the outcome's column prints
/// in `run`.
pub fn attribution_csv(scenario: &Scenario, attribution: &Attribution) -> String {
    let measure = attribution.outcome.spec().measure;
    let mut out = String::from("param,baseline_value,scenario_value,contribution\n");
    for (id, contribution) in &attribution.contributions {
        out.push_str(&format!(
            "{},{},{},{}\n",
            id.spec().key,
            id.spec().default,
            scenario.get(*id),
            format_value(*contribution, measure),
        ));
    }
    out.push_str(&format!(
        "total,{},{},{}\n",
        format_value(attribution.baseline, measure),
        format_value(attribution.scenario, measure),
        format_value(attribution.total(), measure),
    ));
    out
}

/// The columns of the parameter table, in order.
const PARAM_COLUMNS: [&str; 12] = [
    "key",
    "kind",
    "group",
    "default",
    "min",
    "max",
    "step",
    "scale",
    "unit",
    "label",
    "sources",
    "plausible",
];

/// A parameter's plausible spread, as the table prints it:
/// `triangular LOW MODE HIGH`, `uniform LOW HIGH`, or blank for a lever.
fn spread_cell(spread: Option<Spread>) -> String {
    match spread {
        Some(Spread::Triangular { low, mode, high }) => format!("triangular {low} {mode} {high}"),
        Some(Spread::Uniform { low, high }) => format!("uniform {low} {high}"),
        None => String::new(),
    }
}

/// One parameter's cells, in [`PARAM_COLUMNS`] order.
fn param_cells(p: &ParamSpec, catalog: &Catalog) -> [String; 12] {
    let kind = match p.kind {
        Kind::Lever => "lever",
        Kind::Assumption => "assumption",
        Kind::Calibrated => "calibrated",
    };
    let group = match p.group {
        Group::Main => "main",
        Group::Advanced => "advanced",
        Group::Internal => "internal",
    };
    let scale = match p.scale {
        Scale::Linear => "linear",
        Scale::Log => "log",
    };
    [
        p.key.to_string(),
        kind.to_string(),
        group.to_string(),
        p.default.to_string(),
        p.min.to_string(),
        p.max.to_string(),
        p.step.to_string(),
        scale.to_string(),
        p.unit.code().to_string(),
        catalog.text(&p.label_key()).into_owned(),
        p.sources.join(" "),
        spread_cell(p.uncertainty),
    ]
}

/// A CSV field, quoted when it holds a comma, a quote or a line break.
fn csv_field(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_string()
    }
}

/// The parameter table as CSV, one row per parameter in table order.
pub fn params_csv() -> String {
    let catalog = Catalog::load(Lang::En);
    let mut out = PARAM_COLUMNS.join(",");
    out.push('\n');
    for p in PARAMS.iter() {
        let cells: Vec<String> = param_cells(p, &catalog)
            .iter()
            .map(|c| csv_field(c))
            .collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}

/// A Markdown table cell: pipes escaped, line breaks folded.
fn markdown_cell(cell: &str) -> String {
    cell.replace('|', "\\|").replace(['\n', '\r'], " ")
}

/// The parameter table as a GitHub Markdown table (what `docs/model.md`
/// embeds between `<!-- params:begin -->` and `<!-- params:end -->`).
pub fn params_markdown() -> String {
    let catalog = Catalog::load(Lang::En);
    let mut out = format!("| {} |\n", PARAM_COLUMNS.join(" | "));
    out.push_str(&format!("|{}\n", " --- |".repeat(PARAM_COLUMNS.len())));
    for p in PARAMS.iter() {
        let mut cells = param_cells(p, &catalog).map(|c| markdown_cell(&c));
        cells[0] = format!("`{}`", cells[0]);
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out
}

/// How many draws shape the bands, for a note on stderr.
pub fn kept_note(bands: &Bands) -> String {
    match bands.kept() {
        0 => format!(
            "no draw of {} meets every calibration target, so the bands use them all",
            bands.draws()
        ),
        kept => format!(
            "the bands use the {kept} of {} draws ({:.0}%) that meet every calibration target",
            bands.draws(),
            100.0 * kept as f64 / bands.draws() as f64
        ),
    }
}
