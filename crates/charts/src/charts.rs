//! The app's three charts, as data, and the one-line text summary of each.

use crate::chart::{
    ChartDesc, ChartText, LineDesc, Marker, YAxis, BLUE, GREEN, PURPLE, VERMILLION,
};
use talentflow_messages::{Catalog, Lang};
use talentflow_model::{Run, SeriesId, LAST_HISTORY_YEAR};

/// The year the text summaries read off the curves.
pub const SUMMARY_YEAR: i32 = 2035;

/// Retention of the tracked 2019 cohort (Carnegie 2025).
pub const RETENTION: ChartDesc = ChartDesc {
    name: "retention",
    first_year: 2019,
    last_year: 2050,
    y_axis: YAxis::Share,
    lines: &[
        LineDesc {
            series: SeriesId::Cohort2019Elsewhere,
            legend_key: "chart-retention-elsewhere",
            colour: GREEN,
            marker: Marker::Square,
        },
        LineDesc {
            series: SeriesId::Cohort2019InChina,
            legend_key: "chart-retention-china",
            colour: VERMILLION,
            marker: Marker::Triangle,
        },
        LineDesc {
            series: SeriesId::Cohort2019InUs,
            legend_key: "chart-retention-us",
            colour: BLUE,
            marker: Marker::Circle,
        },
    ],
    summary_values: &[
        ("us", SeriesId::Cohort2019InUs),
        ("china", SeriesId::Cohort2019InChina),
    ],
};

/// Yearly inflow of Chinese-undergraduate talent into the US.
pub const INFLOW: ChartDesc = ChartDesc {
    name: "inflow",
    first_year: 2010,
    last_year: 2050,
    y_axis: YAxis::PeoplePerYear,
    lines: &[
        LineDesc {
            series: SeriesId::InflowUsWork,
            legend_key: "chart-inflow-work",
            colour: PURPLE,
            marker: Marker::Square,
        },
        LineDesc {
            series: SeriesId::InflowUsGrad,
            legend_key: "chart-inflow-grad",
            colour: BLUE,
            marker: Marker::Circle,
        },
    ],
    summary_values: &[
        ("grad", SeriesId::InflowUsGrad),
        ("work", SeriesId::InflowUsWork),
    ],
};

/// Where all Chinese-undergraduate top-tier researchers work (MacroPolo 2019).
pub const WHERE: ChartDesc = ChartDesc {
    name: "where",
    first_year: 2010,
    last_year: 2050,
    y_axis: YAxis::Share,
    lines: &[
        LineDesc {
            series: SeriesId::ShareWorkElsewhere,
            legend_key: "chart-where-elsewhere",
            colour: GREEN,
            marker: Marker::Square,
        },
        LineDesc {
            series: SeriesId::ShareWorkChina,
            legend_key: "chart-where-china",
            colour: VERMILLION,
            marker: Marker::Triangle,
        },
        LineDesc {
            series: SeriesId::ShareWorkUs,
            legend_key: "chart-where-us",
            colour: BLUE,
            marker: Marker::Circle,
        },
    ],
    summary_values: &[
        ("us", SeriesId::ShareWorkUs),
        ("china", SeriesId::ShareWorkChina),
    ],
};

/// Every chart, in page order.
pub const CHARTS: [&ChartDesc; 3] = [&RETENTION, &INFLOW, &WHERE];

/// The translated text drawn on `desc`'s canvas.
pub fn chart_text(catalog: &Catalog, desc: &ChartDesc) -> ChartText {
    let source_key = desc.key("source");
    ChartText {
        x_label: catalog.text("chart-x-label").into_owned(),
        y_label: catalog.text(&desc.key("y")).into_owned(),
        today: catalog.format("chart-today", &[("year", &LAST_HISTORY_YEAR.to_string())]),
        projection: catalog.text("chart-projection").into_owned(),
        source: catalog
            .has(&source_key)
            .then(|| catalog.text(&source_key).into_owned()),
        y_label_difference: format!(
            "{} ({})",
            catalog.text("chart-difference-y"),
            match desc.y_axis {
                YAxis::Share => catalog.text("chart-difference-share-unit"),
                YAxis::PeoplePerYear => catalog.text(&desc.key("y")),
            }
        ),
    }
}

/// One sentence saying what `desc` shows for `run` in [`SUMMARY_YEAR`],
/// beside the baseline's value.
pub fn summary(catalog: &Catalog, desc: &ChartDesc, run: &Run, baseline: &Run) -> String {
    let digits = |r: &Run, s: SeriesId| match desc.y_axis {
        YAxis::Share => percent_digits_in(catalog.lang(), r.value(s, SUMMARY_YEAR)),
        YAxis::PeoplePerYear => people_digits_in(catalog.lang(), r.value(s, SUMMARY_YEAR)),
    };
    let mut values: Vec<(String, String)> = vec![("year".to_string(), SUMMARY_YEAR.to_string())];
    for (name, series) in desc.summary_values {
        values.push((name.to_string(), digits(run, *series)));
        values.push((format!("base_{name}"), digits(baseline, *series)));
    }
    let args: Vec<(&str, &str)> = values
        .iter()
        .map(|(k, v)| (k.as_str(), v.as_str()))
        .collect();
    catalog.format(&desc.key("summary"), &args)
}

/// A share as a whole percentage as `lang` writes it; a dash when missing.
fn percent_digits_in(lang: Lang, share: Option<f64>) -> String {
    lang.numbers().percent(share.unwrap_or(f64::NAN), 0)
}

/// A count of people, whole and grouped by thousands as `lang` writes it;
/// a dash when missing.
fn people_digits_in(lang: Lang, people: Option<f64>) -> String {
    lang.numbers().people(people.unwrap_or(f64::NAN))
}
