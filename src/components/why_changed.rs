//! "Why did it change": when the reader's scenario differs from the
//! baseline, one sentence per headline outcome in [`SUMMARY_YEAR`] says
//! how much it moved and which settings account for most of that, from
//! the model's Shapley attribution (the shares add up to the change).
//!
//! The attribution costs up to `2^k` model runs for `k` changed settings,
//! so it is worked out once the scenario has settled for [`SETTLE_MS`]
//! (a drag stays smooth), memoised on that settled scenario, and never in
//! a render that did not change it.

use crate::charts::SUMMARY_YEAR;
use crate::i18n::use_messages;
use gloo_timers::callback::Timeout;
use talentflow_messages::Catalog;
use talentflow_model::{attribute_many, Attribution, Measure, ParamId, Scenario, SeriesId};
use yew::prelude::*;

/// How long the scenario must stay unchanged before the attribution and
/// the sensitivity are worked out again.
pub const SETTLE_MS: u32 = 300;

/// The headline outcomes explained, with the stem of their message key
/// (`why-outcome-<stem>`), in page order.
pub const HEADLINES: [(SeriesId, &str); 3] = [
    (SeriesId::Cohort2019InUs, "cohort-us"),
    (SeriesId::InflowUsGrad, "inflow-grad"),
    (SeriesId::ShareWorkChina, "share-china"),
];

/// At most this many settings are named per sentence.
pub const MAX_NAMED: usize = 3;

/// `scenario` once it has stayed the same for `delay_ms`; with no delay,
/// `scenario` at once. `None` until the first scenario has settled.
#[hook]
pub fn use_settled(scenario: Scenario, delay_ms: Option<u32>) -> Option<Scenario> {
    let settled = use_state_eq(|| None::<Scenario>);
    {
        let settled = settled.clone();
        use_effect_with((scenario, delay_ms), move |&(scenario, delay_ms)| {
            // Dropped when the scenario changes again first, which cancels it.
            let pending = match delay_ms {
                Some(delay) => {
                    let target = settled.clone();
                    Some(Timeout::new(delay, move || target.set(Some(scenario))))
                }
                None => {
                    settled.set(Some(scenario));
                    None
                }
            };
            move || drop(pending)
        });
    }
    match delay_ms {
        Some(_) => *settled,
        None => Some(scenario),
    }
}

/// The settings that account for most of an attribution's change, largest
/// first: at most [`MAX_NAMED`], stopping once four fifths of the summed
/// effects are covered and leaving out any below a twentieth of them.
pub fn main_contributors(a: &Attribution) -> Vec<(ParamId, f64)> {
    let sum: f64 = a.contributions.iter().map(|c| c.1.abs()).sum();
    let mut out = Vec::new();
    if !(sum.is_finite() && sum > 0.0) {
        return out;
    }
    let mut covered = 0.0;
    for &(id, c) in &a.contributions {
        if out.len() >= MAX_NAMED || covered >= 0.8 * sum || c.abs() < 0.05 * sum {
            break;
        }
        out.push((id, c));
        covered += c.abs();
    }
    out
}

/// A list of one to three items joined as the language joins them
/// (`evidence-list-<n>`); more than three keeps the first three.
pub fn join_list(catalog: &Catalog, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [a] => a.clone(),
        [a, b] => catalog.format("evidence-list-2", &[("a", a), ("b", b)]),
        [a, b, c, ..] => catalog.format("evidence-list-3", &[("a", a), ("b", b), ("c", c)]),
    }
}

/// Digits with a sign (`+1.5`, `−20`); zero (after rounding) unsigned.
pub fn signed_digits(digits: String, value: f64) -> String {
    let zero = digits
        .trim_start_matches('-')
        .chars()
        .all(|c| !c.is_ascii_digit() || c == '0');
    if zero {
        digits.trim_start_matches('-').to_string()
    } else if value > 0.0 {
        format!("+{digits}")
    } else {
        format!("\u{2212}{}", digits.trim_start_matches('-'))
    }
}

/// An outcome's level as shown (`62%`, `1,234 a year`).
pub fn level_text(catalog: &Catalog, series: SeriesId, v: f64) -> String {
    let numbers = catalog.numbers();
    match series.spec().measure {
        Measure::Share => catalog.format("why-share", &[("value", &numbers.fixed(v * 100.0, 0))]),
        Measure::People | Measure::PeoplePerYear => {
            catalog.format("why-people", &[("value", &numbers.people(v))])
        }
    }
}

/// A change of an outcome as shown (`−4.2 percentage points`, `+120 a
/// year`), and whether it rounds to nothing.
fn change_text(catalog: &Catalog, series: SeriesId, d: f64) -> (String, bool) {
    let numbers = catalog.numbers();
    let (digits, key) = match series.spec().measure {
        Measure::Share => (numbers.fixed(d * 100.0, 1), "why-points"),
        Measure::People | Measure::PeoplePerYear => (numbers.integer(d), "why-people"),
    };
    let signed = signed_digits(digits, d);
    let zero = !signed.chars().any(|c| c.is_ascii_digit() && c != '0');
    (catalog.format(key, &[("value", &signed)]), zero)
}

/// The sentence for one headline outcome's attribution.
pub fn sentence(catalog: &Catalog, stem: &str, a: &Attribution) -> String {
    let outcome = catalog.text(&format!("why-outcome-{stem}")).into_owned();
    let year = catalog.numbers().year(a.year);
    let now = level_text(catalog, a.outcome, a.scenario);
    let (change, zero) = change_text(catalog, a.outcome, a.total());
    let named = main_contributors(a);
    if zero || named.is_empty() {
        return catalog.format(
            "why-sentence-same",
            &[("outcome", &outcome), ("year", &year), ("now", &now)],
        );
    }
    let parts: Vec<String> = named
        .iter()
        .map(|(id, c)| {
            let (share, _) = change_text(catalog, a.outcome, *c);
            catalog.format(
                "why-part",
                &[
                    ("setting", &catalog.text(&id.spec().label_key())),
                    ("change", &share),
                ],
            )
        })
        .collect();
    catalog.format(
        "why-sentence",
        &[
            ("outcome", &outcome),
            ("year", &year),
            ("now", &now),
            ("base", &level_text(catalog, a.outcome, a.baseline)),
            ("change", &change),
            ("settings", &join_list(catalog, &parts)),
        ],
    )
}

/// Properties of [`WhyChanged`].
#[derive(Properties, PartialEq, Clone)]
pub struct WhyChangedProps {
    /// The reader's scenario.
    pub scenario: Scenario,
    /// How long the scenario must settle before the sentences follow it;
    /// `None` follows it at once (tests).
    #[prop_or(Some(SETTLE_MS))]
    pub settle_ms: Option<u32>,
}

/// One sentence per headline outcome; nothing at the baseline.
#[function_component]
pub fn WhyChanged(props: &WhyChangedProps) -> Html {
    let messages = use_messages();
    let settled = use_settled(props.scenario, props.settle_ms);
    let outcomes: Vec<(SeriesId, i32)> =
        HEADLINES.iter().map(|(s, _)| (*s, SUMMARY_YEAR)).collect();
    let attributions = use_memo(settled, move |settled| match settled {
        Some(s) if !s.is_baseline() => match attribute_many(s, &outcomes) {
            Ok(all) => Some(all),
            Err(_) => {
                web_sys::console::error_1(&"the change cannot be attributed".into());
                None
            }
        },
        _ => None,
    });
    // Hidden at the baseline at once, not after the settling delay.
    let Some(all) = (*attributions)
        .as_ref()
        .filter(|_| !props.scenario.is_baseline())
    else {
        return html! {};
    };
    html! {
        <section id="why-changed" class="why-changed" aria-labelledby="why-changed-heading" aria-live="polite">
            <h3 id="why-changed-heading">{ messages.tr("why-heading") }</h3>
            <ul>
                { for all.iter().zip(HEADLINES.iter()).map(|(a, (_, stem))| html! {
                    <li class={format!("why-{stem}")}>{ sentence(&messages, stem, a) }</li>
                }) }
            </ul>
        </section>
    }
}
