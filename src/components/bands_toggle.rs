//! The switch that shows the uncertainty bands, and a line saying what
//! they are (or that they are being computed).

use crate::i18n::Messages;
use crate::state::Action;
use talentflow_model::uncertainty::{DEFAULT_DRAWS, DEFAULT_SEED};
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// What [`bands_toggle`] shows.
pub struct BandsToggleProps {
    /// Whether the bands are asked for.
    pub on: bool,
    /// Once the bands of the current scenario are ready, how many of their
    /// draws met every calibration target and shape them (0: none did,
    /// and every draw does).
    pub kept: Option<usize>,
    /// Receives [`Action::ShowBands`].
    pub on_action: Callback<Action>,
}

/// A checkbox and its explanation (a plain function, not a component:
/// each component type costs the bundle kilobytes).
pub fn bands_toggle(props: &BandsToggleProps, messages: &Messages) -> Html {
    let onchange = {
        let on_action = props.on_action.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_action.emit(Action::ShowBands(input.checked()));
        })
    };
    let note = match (props.on, props.kept) {
        (false, _) => None,
        (true, None) => Some(messages.tr("bands-computing")),
        (true, Some(kept)) => Some(messages.format(
            if kept == 0 {
                "bands-note-none-kept"
            } else {
                "bands-note"
            },
            &[
                ("draws", &DEFAULT_DRAWS.to_string()),
                ("kept", &kept.to_string()),
                ("seed", &DEFAULT_SEED.to_string()),
            ],
        )),
    };
    html! {
        <div class="bands-toggle">
            <label>
                <input type="checkbox" id="show-bands" checked={props.on} {onchange} />
                { messages.tr("bands-show") }
            </label>
            { for note.map(|n| html! { <p id="bands-note" class="bands-note">{ n }</p> }) }
        </div>
    }
}
