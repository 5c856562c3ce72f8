//! The charts as HTML, natively: each chart a `<figure class="chart">`
//! with its title, its SVG, its legend and its one-line summary, in the
//! markup and classes of the app's chart panels, so that the page's own
//! stylesheet gives them the app's boxes. `talentflow chart --format html`
//! prints them (for a page or CMS without JavaScript) and the build
//! writes the baseline's into `index.html`, shown until the app has drawn
//! its own (`scripts/postbuild.py`). No ids (the app's panels own them)
//! and no script; every text is escaped.

use crate::chart::{ChartDesc, Marker, INK};
use crate::charts::summary;
use crate::svg::{chart_svg, escape};
use plotters::style::RGBColor;
use std::fmt::Write as _;
use talentflow_messages::Catalog;
use talentflow_model::Run;

fn css_colour(c: RGBColor) -> String {
    format!("rgb({},{},{})", c.0, c.1, c.2)
}

/// A legend swatch, as the app's legend draws it.
fn swatch(
    marker: Option<Marker>,
    colour: &str,
    dash: &str,
    opacity: &str,
    outline: bool,
) -> String {
    let stroke = if outline {
        css_colour(INK)
    } else {
        "none".into()
    };
    let mark = match marker {
        None => String::new(),
        Some(Marker::Circle) => format!("<circle cx=\"14\" cy=\"6\" r=\"3.5\" fill=\"{colour}\" stroke=\"{stroke}\"/>"),
        Some(Marker::Triangle) => format!("<polygon points=\"14,1.5 18.5,9.5 9.5,9.5\" fill=\"{colour}\" stroke=\"{stroke}\"/>"),
        Some(Marker::Square) => format!("<rect x=\"10.5\" y=\"2.5\" width=\"7\" height=\"7\" fill=\"{colour}\" stroke=\"{stroke}\"/>"),
    };
    format!("<svg class=\"swatch\" width=\"28\" height=\"12\" viewBox=\"0 0 28 12\" aria-hidden=\"true\"><line x1=\"1\" y1=\"6\" x2=\"27\" y2=\"6\" stroke=\"{colour}\" stroke-width=\"2.5\" stroke-dasharray=\"{dash}\" opacity=\"{opacity}\"/>{mark}</svg>")
}

/// The legend of one chart, as the app's (`src/components/legend.rs`)
/// shows it for a scenario without pins; `baseline` adds the faint
/// reference curve's entry.
fn legend(catalog: &Catalog, desc: &ChartDesc, baseline: bool) -> String {
    let mut out = format!(
        "<ul class=\"legend\" aria-label=\"{}\">",
        escape(&catalog.text("chart-legend-label"))
    );
    for line in desc.lines.iter().rev() {
        let _ = write!(
            out,
            "<li>{}{}</li>",
            swatch(
                Some(line.marker),
                &css_colour(line.colour),
                "none",
                "1",
                false
            ),
            escape(&catalog.text(line.legend_key))
        );
    }
    let grey = "rgb(90,90,90)";
    let _ = write!(
        out,
        "<li>{}{}<span>{} / {}</span></li>",
        swatch(None, grey, "none", "1", false),
        swatch(None, grey, "5 3", "1", false),
        escape(&catalog.text("chart-history")),
        escape(&catalog.text("chart-projection"))
    );
    if baseline {
        let _ = write!(
            out,
            "<li>{}{}</li>",
            swatch(None, grey, "none", "0.4", false),
            escape(&catalog.text("chart-baseline"))
        );
    }
    let source_key = desc.key("source");
    if catalog.has(&source_key) {
        let label = catalog.format("chart-observed", &[("source", &catalog.text(&source_key))]);
        let _ = write!(
            out,
            "<li>{}<span>{} [{}]</span></li>",
            swatch(Some(Marker::Circle), grey, "none", "0", true),
            escape(&label),
            escape(&desc.observation_sources().join(", "))
        );
    }
    out.push_str("</ul>");
    out
}

/// Each chart of `descs` for `run` as a `<figure class="chart">`: title,
/// the chart as SVG (`size` in pixels; the stylesheet sizes its box as the
/// app's canvas), legend and summary beside `baseline`'s values. The
/// faint baseline curve is drawn when `run` is not the baseline's.
pub fn figures_html(
    descs: &[&ChartDesc],
    catalog: &Catalog,
    run: &Run,
    baseline: &Run,
    is_baseline: bool,
    size: (u32, u32),
) -> String {
    let mut out = String::new();
    for desc in descs {
        let aria = catalog.text(&desc.key("aria"));
        let svg = chart_svg(
            desc,
            catalog,
            run,
            (!is_baseline).then_some(baseline),
            size,
            &[
                ("class", "chart-svg"),
                ("role", "img"),
                ("aria-label", &aria),
                ("preserveAspectRatio", "xMidYMid meet"),
            ],
        );
        let _ = write!(
            out,
            "<figure class=\"chart\"><h3>{}</h3>{svg}{}<p class=\"summary\">{}</p></figure>",
            escape(&catalog.text(&desc.key("title"))),
            legend(catalog, desc, !is_baseline),
            escape(&summary(catalog, desc, run, baseline))
        );
    }
    out
}
