//! What a chart offers readers who do not see its canvas: the same series
//! as an HTML table, shown on request.

use crate::chart::{ChartDesc, YAxis};
use crate::format::{esc, people_digits_in, percent_digits_in};
use crate::i18n::Messages;
use std::fmt::Write;
use talentflow_model::Run;
use yew::prelude::*;

/// The chart's series as a table: a row per year, a column per curve.
/// Written as markup text (far less code than a tree of `html!` nodes);
/// every text in it is escaped.
pub fn data_table(messages: &Messages, desc: &ChartDesc, run: &Run) -> Html {
    let lang = messages.lang();
    let title = esc(&messages.text(&desc.key("title")));
    let mut out = format!(
        "<table class=\"data-table\"><caption>{title} ({})</caption><thead><tr><th scope=\"col\">{}</th>",
        esc(&messages.text(&desc.key("y"))),
        esc(&messages.text("chart-x-label")),
    );
    for line in desc.lines {
        let _ = write!(
            out,
            "<th scope=\"col\">{}</th>",
            esc(&messages.text(line.legend_key))
        );
    }
    out.push_str("</tr></thead><tbody>");
    for year in desc.first_year..=desc.last_year {
        let _ = write!(
            out,
            "<tr><th scope=\"row\">{}</th>",
            lang.numbers().year(year)
        );
        for line in desc.lines {
            let value = run.value(line.series, year);
            let cell = match desc.y_axis {
                YAxis::Share => format!("{}%", percent_digits_in(lang, value)),
                YAxis::PeoplePerYear => people_digits_in(lang, value),
            };
            let _ = write!(out, "<td>{cell}</td>");
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table>");
    // Focusable, so that a keyboard can scroll a table wider than a phone.
    html! {
        <div class="table-scroll" tabindex="0">{ Html::from_html_unchecked(out.into()) }</div>
    }
}
