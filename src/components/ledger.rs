//! The evidence ledger: every row of the parameter table, generated from
//! `PARAMS` (never typed again): label, value now, default, range, units,
//! plausible range (assumptions and calibrated constants), kind, and the
//! sources the default rests on, linked to the Sources section.

use crate::citations::{cited_fact_ids, fact_anchor};
use crate::format::param_digits;
use crate::i18n::Messages;
use talentflow_messages::Catalog;
use talentflow_model::{fact, Kind, ParamSpec, Scenario, PARAMS};
use yew::prelude::*;

/// Message keys of the column headings, in order.
pub const COLUMNS: [&str; 8] = [
    "ledger-col-parameter",
    "ledger-col-kind",
    "ledger-col-value",
    "ledger-col-default",
    "ledger-col-range",
    "ledger-col-plausible",
    "ledger-col-unit",
    "ledger-col-sources",
];

/// Message key of a kind's name.
pub fn kind_key(kind: Kind) -> &'static str {
    match kind {
        Kind::Lever => "ledger-kind-lever",
        Kind::Assumption => "ledger-kind-assumption",
        Kind::Calibrated => "ledger-kind-calibrated",
    }
}

/// `low to high` in the parameter's digits.
fn range_text(catalog: &Catalog, spec: &ParamSpec, low: f64, high: f64) -> String {
    let numbers = catalog.numbers();
    catalog.format(
        "ledger-range",
        &[
            ("low", &param_digits(&numbers, spec, low)),
            ("high", &param_digits(&numbers, spec, high)),
        ],
    )
}

/// The ledger for the reader's `scenario` (the "now" column), folded in
/// `<details id="ledger">`; its table (about 300 elements) is only built
/// while it is open, as `open` (kept by the page) says. A plain function,
/// not a component: each component type costs the bundle kilobytes.
pub fn ledger(messages: &Messages, scenario: Scenario, open: &UseStateHandle<bool>) -> Html {
    let ontoggle = {
        let open = open.clone();
        Callback::from(move |e: Event| {
            let details: web_sys::HtmlDetailsElement = e.target_unchecked_into();
            open.set(details.open());
        })
    };
    if !**open {
        return html! {
            <details id="ledger" class="ledger" {ontoggle}>
                <summary>{ messages.tr("ledger-summary") }</summary>
            </details>
        };
    }
    let numbers = messages.numbers();
    let cited = cited_fact_ids();
    let rows = PARAMS.iter().map(|spec| {
        let now = scenario.get(spec.id);
        let changed = now != spec.default;
        let plausible = match spec.uncertainty {
            Some(s) => range_text(messages, spec, s.low(), s.high()),
            None => messages.tr("ledger-none"),
        };
        let sources = if spec.sources.is_empty() {
            html! { { messages.tr("ledger-no-source") } }
        } else {
            let links = spec.sources.iter().enumerate().map(|(i, id)| {
                // Facts the Sources section lists link there; any other
                // row of the evidence table links straight to its source.
                let href = if cited.contains(id) {
                    Some(format!("#{}", fact_anchor(id)))
                } else {
                    fact(id).map(|f| f.url.to_string())
                };
                let title = fact(id).map(|f| format!("{}, {}", f.title, f.publisher));
                html! {
                    <>
                        { if i > 0 { ", " } else { "" } }
                        { match href {
                            Some(href) => html! { <a {href} title={title}>{ *id }</a> },
                            None => html! { { *id } },
                        } }
                    </>
                }
            });
            html! { <>{ for links }</> }
        };
        let cells = [
            (None, messages.tr(kind_key(spec.kind))),
            (Some("num"), param_digits(&numbers, spec, now)),
            (Some("num"), param_digits(&numbers, spec, spec.default)),
            (Some("num"), range_text(messages, spec, spec.min, spec.max)),
            (Some("num"), plausible),
            (None, messages.tr(&format!("unit-{}", spec.unit.code()))),
        ];
        html! {
            <tr id={format!("ledger-{}", spec.key)} data-key={spec.key} class={classes!(changed.then_some("changed"))}>
                <th scope="row">{ messages.tr(&spec.label_key()) }</th>
                { for cells.into_iter().map(|(class, text)| html! { <td {class}>{ text }</td> }) }
                <td>{ sources }</td>
            </tr>
        }
    });
    html! {
        <details id="ledger" class="ledger" {ontoggle}>
            <summary>{ messages.tr("ledger-summary") }</summary>
            <p class="intro">{ messages.tr("ledger-intro") }</p>
            <div class="table-scroll">
                <table>
                    <thead>
                        <tr>
                            { for COLUMNS.iter().map(|key| html! { <th scope="col">{ messages.tr(key) }</th> }) }
                        </tr>
                    </thead>
                    <tbody>{ for rows }</tbody>
                </table>
            </div>
        </details>
    }
}
