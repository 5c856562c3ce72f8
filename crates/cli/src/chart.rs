//! `talentflow chart`: a scenario's charts as SVG, drawn by the same code
//! as the browser app's canvas (`talentflow-charts`), with their titles,
//! legends and axis text in the chosen language. For print, social cards
//! and a fallback a newsroom can place where no JavaScript runs.

use talentflow_charts::chart::ChartDesc;
use talentflow_charts::charts::CHARTS;
use talentflow_charts::html::figures_html;
use talentflow_charts::svg::figure_svg;
use talentflow_messages::{Catalog, Lang};
use talentflow_model::{simulate, Scenario};

use super::{apply_query, apply_set, describe, finish, text, unexpected, Command};

/// Width of the picture, in pixels, unless `--width` says otherwise.
pub const DEFAULT_WIDTH: u32 = 640;
/// Height of each chart's plot, in pixels, unless `--height` says otherwise.
pub const DEFAULT_HEIGHT: u32 = 300;
/// The smallest and largest sizes accepted.
const SIZE_RANGE: std::ops::RangeInclusive<u32> = 200..=4000;

/// What `talentflow chart` draws.
#[derive(Debug)]
pub struct ChartCommand {
    scenario: Box<Scenario>,
    /// The charts, in page order.
    charts: Vec<&'static ChartDesc>,
    lang: Lang,
    width: u32,
    height: u32,
    html: bool,
}

impl ChartCommand {
    /// The SVG document.
    pub fn render(&self) -> String {
        let catalog = Catalog::load(self.lang);
        let run = simulate(&self.scenario);
        // As the app draws it: the baseline faintly once a setting differs.
        let baseline = (!self.scenario.is_baseline()).then(|| simulate(&Scenario::baseline()));
        if self.html {
            let reference = baseline.clone().unwrap_or_else(|| run.clone());
            let mut out = figures_html(
                &self.charts,
                &catalog,
                &run,
                &reference,
                baseline.is_none(),
                (self.width, self.height),
            );
            out.push('\n');
            return out;
        }
        figure_svg(
            &self.charts,
            &catalog,
            &run,
            baseline.as_ref(),
            (self.width, self.height),
        )
    }
}

/// Parse `chart`'s options.
pub fn parse(parser: &mut lexopt::Parser) -> Result<Command, String> {
    use lexopt::prelude::*;
    let mut scenario = Scenario::baseline();
    let mut charts: Vec<&'static ChartDesc> = Vec::new();
    let mut lang = Lang::En;
    let mut width = DEFAULT_WIDTH;
    let mut height = DEFAULT_HEIGHT;
    let mut html = false;
    while let Some(arg) = parser.next().map_err(describe)? {
        match arg {
            Long("set") | Short('s') => {
                let assignment = text(parser.value().map_err(describe)?, "--set")?;
                apply_set(&mut scenario, &assignment)?;
            }
            Long("query") | Short('q') => {
                let query = text(parser.value().map_err(describe)?, "--query")?;
                scenario = apply_query(scenario, &query);
            }
            Long("chart") | Short('c') => {
                let name = text(parser.value().map_err(describe)?, "--chart")?;
                let name = name.trim();
                if name == "all" {
                    charts = CHARTS.to_vec();
                } else {
                    let desc = CHARTS.iter().find(|d| d.name == name).ok_or_else(|| {
                        format!(
                            "--chart: unknown chart '{name}' (expected {}, or all)",
                            names()
                        )
                    })?;
                    if !charts.iter().any(|d| d.name == desc.name) {
                        charts.push(desc);
                    }
                }
            }
            Long("lang") | Short('l') => {
                let tag = text(parser.value().map_err(describe)?, "--lang")?;
                lang = Lang::from_tag(tag.trim()).ok_or_else(|| {
                    format!("--lang: unknown language '{tag}' (expected en or zh)")
                })?;
            }
            Long("width") => {
                let value = text(parser.value().map_err(describe)?, "--width")?;
                width = parse_size(&value, "--width")?;
            }
            Long("height") => {
                let value = text(parser.value().map_err(describe)?, "--height")?;
                height = parse_size(&value, "--height")?;
            }
            Long("format") | Short('f') => {
                let name = text(parser.value().map_err(describe)?, "--format")?;
                html = match name.as_str() {
                    "svg" => false,
                    "html" => true,
                    other => {
                        return Err(format!(
                            "unknown format '{other}' for chart (expected svg or html)"
                        ))
                    }
                };
            }
            Long("help") | Short('h') => return finish(parser, Command::Help),
            other => return Err(unexpected(other)),
        }
    }
    if charts.is_empty() {
        charts = CHARTS.to_vec();
    }
    // Page order, whatever the order of the options.
    charts.sort_by_key(|d| CHARTS.iter().position(|c| c.name == d.name));
    Ok(Command::Chart(ChartCommand {
        scenario: Box::new(scenario),
        charts,
        lang,
        width,
        height,
        html,
    }))
}

/// The charts' names, for messages.
fn names() -> String {
    CHARTS.iter().map(|d| d.name).collect::<Vec<_>>().join(", ")
}

/// A size in pixels of `--width` or `--height`.
fn parse_size(value: &str, what: &str) -> Result<u32, String> {
    match value.trim().parse::<u32>() {
        Ok(n) if SIZE_RANGE.contains(&n) => Ok(n),
        _ => Err(format!(
            "{what}: '{value}' is not a whole number of pixels from {} to {}",
            SIZE_RANGE.start(),
            SIZE_RANGE.end()
        )),
    }
}
