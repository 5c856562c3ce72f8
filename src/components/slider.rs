//! A slider for one parameter of the table: range, step, default, scale
//! and unit all come from its row of `PARAMS`.

use crate::citations::fact_anchor;
use crate::format::{param_value_spoken, param_value_text};
use crate::i18n::use_messages;
use crate::state::Action;
use talentflow_model::{fact, ParamId, Scale};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// Track positions of a log-scale slider: the range input runs over
/// `0..=LOG_TRACK_STEPS` and maps through the table's `value_from_position`.
pub const LOG_TRACK_STEPS: f64 = 1000.0;
/// Step of a log-scale slider's track: 100 detents, fine enough to drag
/// (values are rounded to two significant digits anyway) and coarse enough
/// that arrow keys move the value at least every few presses.
pub const LOG_TRACK_STEP: f64 = 10.0;

/// The track position, on the log track's step, of a value.
pub fn log_track_position(id: ParamId, value: f64) -> f64 {
    let position = id.spec().position_from_value(value) * LOG_TRACK_STEPS;
    (position / LOG_TRACK_STEP).round() * LOG_TRACK_STEP
}

/// Properties of [`Slider`].
#[derive(Properties, PartialEq, Clone)]
pub struct SliderProps {
    /// The parameter this slider sets.
    pub id: ParamId,
    /// Its current value, in the parameter's unit.
    pub value: f64,
    /// Receives [`Action::Set`] (linear scale) or [`Action::SetPosition`]
    /// (log scale) on every `input` event, i.e. while dragging, and
    /// [`Action::EndDrag`] when the reader lets go.
    pub on_action: Callback<Action>,
    /// Shown but not movable (an embed with locked sliders).
    #[prop_or_default]
    pub locked: bool,
    /// Drawn out as the one slider an embed offers.
    #[prop_or_default]
    pub highlighted: bool,
}

/// The `min`, `max`, `step` and `value` of the range input for a value.
pub fn track_attributes(id: ParamId, value: f64) -> (f64, f64, f64, f64) {
    let spec = id.spec();
    match spec.scale {
        Scale::Linear => (spec.min, spec.max, spec.step, spec.clamp(value)),
        Scale::Log => (
            0.0,
            LOG_TRACK_STEPS,
            LOG_TRACK_STEP,
            log_track_position(id, value),
        ),
    }
}

/// The action for a raw track reading of the range input.
pub fn action_from_track(id: ParamId, track: f64) -> Action {
    match id.spec().scale {
        Scale::Linear => Action::Set { id, value: track },
        Scale::Log => Action::SetPosition {
            id,
            position: track / LOG_TRACK_STEPS,
        },
    }
}

/// A labelled range input with its value and unit, and a help line that
/// names its sources and links to them in the Sources section.
#[function_component]
pub fn Slider(props: &SliderProps) -> Html {
    let messages = use_messages();
    let spec = props.id.spec();
    let input_id = format!("param-{}", spec.key);
    let output_id = format!("{input_id}-value");
    let help_id = format!("{input_id}-help");
    let (min, max, step, track) = track_attributes(props.id, props.value);
    let value_text = param_value_text(&messages, spec, props.value);
    let spoken = param_value_spoken(&messages, spec, props.value);

    let oninput = {
        let on_action = props.on_action.clone();
        let id = props.id;
        Callback::from(move |e: InputEvent| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let track = input.value_as_number();
            if track.is_finite() {
                on_action.emit(action_from_track(id, track));
            }
        })
    };

    let onchange = {
        let on_action = props.on_action.clone();
        Callback::from(move |_: Event| on_action.emit(Action::EndDrag))
    };

    let sources = if spec.sources.is_empty() {
        html! { <span class="sources">{ messages.tr("app-source-none") }</span> }
    } else {
        let items = spec.sources.iter().enumerate().map(|(i, id)| {
            let publisher = fact(id).map(|f| f.publisher).unwrap_or_default();
            html! {
                <>
                    { if i > 0 { "; " } else { "" } }
                    <a href={format!("#{}", fact_anchor(id))}>{ *id }</a>
                    { " " }{ publisher }
                </>
            }
        });
        html! {
            <span class="sources">
                { messages.tr("app-sources-label") }{ " " }{ for items }
            </span>
        }
    };

    html! {
        <div class={classes!("slider", props.highlighted.then_some("highlighted"))}>
            <div class="slider-head">
                <label for={input_id.clone()}>{ messages.tr(&spec.label_key()) }</label>
                <output id={output_id} for={input_id.clone()} aria-hidden="true">{ value_text }</output>
            </div>
            <input
                type="range"
                id={input_id}
                min={min.to_string()}
                max={max.to_string()}
                step={step.to_string()}
                value={track.to_string()}
                aria-valuetext={spoken}
                aria-describedby={help_id.clone()}
                disabled={props.locked}
                {oninput}
                {onchange}
            />
            <p class="help" id={help_id}>{ messages.tr(&spec.help_key()) }{ " " }{ sources }</p>
        </div>
    }
}
