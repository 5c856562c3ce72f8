//! The chart beside the sliders, for screens where the charts would
//! otherwise be far from them (phones, tablets, the embed): a compact copy
//! of one of the three charts, kept in view by the stylesheet while the
//! sliders scroll beneath it (`www/style.css`, "The chart beside the
//! sliders"), with buttons that choose which chart it shows. Until the
//! reader chooses, it shows the chart an open story step points at, else
//! the chart that the sliders move most.
//! On a wide page the stylesheet hides it and it is never drawn.

use crate::charts::CHARTS;
use crate::i18n::Messages;
use yew::prelude::*;

/// The chart shown until the reader picks one: the inflow chart, which
/// every slider moves most on screen (the largest change of any curve
/// between the slider's two ends, as a share of the chart's vertical
/// axis: several times that of the share charts for every lever).
/// `tests/e2e/phone.test.mjs` works this out again from the command
/// line's runs, lever by lever, and fails if another chart takes the lead.
pub const MOVED_MOST: usize = 1;

/// The dock: a button for each chart (the shown one pressed), then `panel`,
/// the compact chart.
pub fn dock(messages: &Messages, shown: usize, pick: &Callback<usize>, panel: Html) -> Html {
    let buttons = CHARTS.iter().enumerate().map(|(i, desc)| {
        let pick = pick.clone();
        html! {
            <button type="button" aria-pressed={(i == shown).to_string()} onclick={Callback::from(move |_: MouseEvent| pick.emit(i))}>
                { messages.tr(&desc.key("tab")) }
            </button>
        }
    });
    html! {
        <div class="dock" id="dock" data-chart={CHARTS[shown].name}>
            <div class="dock-tabs" role="group" aria-label={messages.tr("dock-label")}>
                { for buttons }
            </div>
            { panel }
        </div>
    }
}
