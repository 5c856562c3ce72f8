//! What `talentflow` prints: a run as JSON, the parameter table as CSV or
//! as a Markdown table (the one `docs/model.md` embeds).

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;
use talentflow_messages::{Catalog, Lang};
use talentflow_model::run::format_value;
use talentflow_model::{
    simulate, Group, Kind, ParamSpec, Scale, Scenario, MODEL_VERSION, PARAMS, SERIES,
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
/// column name.
pub fn run_json(scenario: &Scenario) -> Result<String, String> {
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
    let series = SERIES
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
    let document = Ordered(vec![
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
        ("series", Node::Object(Ordered(series))),
    ]);
    let mut text =
        serde_json::to_string_pretty(&document).map_err(|e| format!("cannot write JSON: {e}"))?;
    text.push('\n');
    Ok(text)
}

/// The columns of the parameter table, in order.
const PARAM_COLUMNS: [&str; 11] = [
    "key", "kind", "group", "default", "min", "max", "step", "scale", "unit", "label", "sources",
];

/// One parameter's cells, in [`PARAM_COLUMNS`] order.
fn param_cells(p: &ParamSpec, catalog: &Catalog) -> [String; 11] {
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
