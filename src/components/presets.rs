//! The preset picker: a list of named scenarios, and what the chosen one
//! assumes and rests on. Picking one moves every slider and curve; once
//! a slider moves, the status says the scenario is modified.

use crate::citations::fact_anchor;
use crate::i18n::Messages;
use crate::state::Action;
use talentflow_model::{fact, PRESETS};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

/// Properties of [`PresetPicker`].
#[derive(Properties, PartialEq, Clone)]
pub struct PresetPickerProps {
    /// Index into `PRESETS` of the preset last picked.
    pub preset: Option<usize>,
    /// Whether the scenario has moved away from that preset.
    pub modified: bool,
    /// Index of a preset the scenario equals exactly, if any.
    pub matching: Option<usize>,
    /// Receives [`Action::ApplyPreset`].
    pub on_action: Callback<Action>,
    /// Show the name and description only, without the list (an embed).
    #[prop_or_default]
    pub compact: bool,
}

/// The preset list, its status line and the description with sources.
/// (A plain function rather than a component: each component type costs
/// the bundle several kilobytes.)
pub fn preset_picker(props: &PresetPickerProps, messages: &Messages) -> Html {
    let messages = messages.clone();
    let onchange = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let Some(select) = e.target_dyn_into::<HtmlSelectElement>() else {
                return;
            };
            if let Ok(index) = select.value().parse::<usize>() {
                on_action.emit(Action::ApplyPreset(index));
            }
        })
    };
    // The list shows the preset the scenario equals; a modified one shows
    // "your own settings", so that picking the preset again restores it.
    let selected = props.matching;
    let shown = props.preset.or(props.matching).and_then(|i| PRESETS.get(i));
    let status = match shown {
        Some(p) if props.modified => messages.format(
            "app-preset-modified",
            &[("name", &messages.tr(&p.name_key()))],
        ),
        Some(p) => messages.tr(&p.name_key()),
        None => messages.tr("app-preset-custom"),
    };
    let description = shown.map(|p| {
        let links = p.sources.iter().enumerate().map(|(i, id)| {
            let publisher = fact(id).map(|f| f.publisher).unwrap_or_default();
            html! {
                <>
                    { if i > 0 { "; " } else { "" } }
                    <a href={format!("#{}", fact_anchor(id))} title={publisher}>{ *id }</a>
                </>
            }
        });
        html! {
            <>
                <p id="preset-description" class="preset-description">{ messages.tr(&p.description_key()) }</p>
                <p class="help preset-sources">{ messages.tr("app-preset-sources") }{ " " }{ for links }</p>
            </>
        }
    });
    let list = (!props.compact).then(|| {
        html! {
            <>
                <label for="preset">{ messages.tr("app-preset-label") }</label>
                <select id="preset" {onchange}>
                    <option value="" selected={selected.is_none()}>{ messages.tr("app-preset-custom") }</option>
                    { for PRESETS.iter().enumerate().map(|(i, p)| html! {
                        <option value={i.to_string()} selected={selected == Some(i)}>{ messages.tr(&p.name_key()) }</option>
                    }) }
                </select>
            </>
        }
    });
    html! {
        <div class="presets" role="group" aria-labelledby="presets-heading">
            <h3 id="presets-heading">{ messages.tr("app-presets-heading") }</h3>
            { for (!props.compact).then(|| html! { <p class="intro">{ messages.tr("app-presets-intro") }</p> }) }
            { for list }
            <p id="preset-status" class="preset-status" aria-live="polite">{ status }</p>
            { for description }
        </div>
    }
}
