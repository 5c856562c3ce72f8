//! Comparison: pin up to three scenarios (each drawn on every chart with
//! its letter and dash pattern) and switch the charts between levels and
//! difference from the baseline.

use crate::chart::PIN_LETTERS;
use crate::i18n::Messages;
use crate::state::{Action, ChartView, Pin, MAX_PINS};
use talentflow_model::{Scenario, PRESETS};
use yew::prelude::*;

/// The name a pinned scenario goes by in legends and the pinned list.
pub fn pin_name(messages: &Messages, pin: &Pin) -> String {
    match pin.preset.and_then(|i| PRESETS.get(i)) {
        Some(p) if p.scenario() == pin.scenario => messages.tr(&p.name_key()),
        _ if pin.scenario.is_baseline() => messages.tr("app-pin-baseline"),
        _ => messages.format(
            "app-pin-own",
            &[("count", &pin.scenario.changed().count().to_string())],
        ),
    }
}

/// Properties of [`Compare`].
#[derive(Properties, PartialEq, Clone)]
pub struct CompareProps {
    /// The pinned scenarios.
    pub pins: Vec<Pin>,
    /// The chart view.
    pub view: ChartView,
    /// The reader's scenario (pinning it twice is refused).
    pub scenario: Scenario,
    /// Receives [`Action::Pin`], [`Action::Unpin`] and [`Action::SetView`].
    pub on_action: Callback<Action>,
}

/// The pin button, the pinned list and the view switch.
pub fn compare(props: &CompareProps, messages: &Messages) -> Html {
    let messages = messages.clone();
    let state = props;
    let full = state.pins.len() >= MAX_PINS;
    let pinned = state.pins.iter().any(|p| p.scenario == state.scenario);
    let on_pin = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: MouseEvent| on_action.emit(Action::Pin))
    };
    let view_button = |view: ChartView, id: &'static str, key: &str| {
        let on_action = props.on_action.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_action.emit(Action::SetView(view)));
        let pressed = state.view == view;
        html! {
            <button type="button" {id} class="toggle" aria-pressed={pressed.to_string()} {onclick}>{ messages.tr(key) }</button>
        }
    };
    let pins = state.pins.iter().enumerate().map(|(i, pin)| {
        let name = pin_name(&messages, pin);
        let on_action = props.on_action.clone();
        let onclick = Callback::from(move |_: MouseEvent| on_action.emit(Action::Unpin(i)));
        let letter = PIN_LETTERS.get(i).copied().unwrap_or("");
        html! {
            <li class="pinned">
                <span class="pin-letter">{ letter }</span>{ " " }<span class="pin-name">{ name.clone() }</span>
                <button type="button" class="unpin" aria-label={messages.format("app-unpin", &[("name", &format!("{letter}: {name}"))])} {onclick}>{ "×" }</button>
            </li>
        }
    });
    html! {
        <div class="compare" role="group" aria-labelledby="compare-heading">
            <h3 id="compare-heading">{ messages.tr("app-compare-heading") }</h3>
            <button type="button" id="pin" onclick={on_pin} disabled={full || pinned}>{ messages.tr("app-pin") }</button>
            { for full.then(|| html! { <p class="help">{ messages.tr("app-pin-full") }</p> }) }
            { for (!state.pins.is_empty()).then(|| html! {
                <ul id="pinned" class="pinned-list" aria-label={messages.tr("app-pinned-label")}>{ for pins }</ul>
            }) }
            <div class="view-switch" role="group" aria-label={messages.tr("app-view-label")}>
                <span>{ messages.tr("app-view-label") }</span>
                { view_button(ChartView::Level, "view-level", "app-view-level") }
                { view_button(ChartView::Difference, "view-difference", "app-view-difference") }
            </div>
        </div>
    }
}
