//! The chart beside the sliders, for screens where the charts would
//! otherwise be far from them (phones, tablets, the embed): a compact copy
//! of one of the three charts, kept in view by the stylesheet while the
//! sliders scroll beneath it (`www/style.css`, "The chart beside the
//! sliders"), with buttons that choose which chart it shows. Until the
//! reader chooses, it shows the chart an open story step points at, else
//! the chart that the slider in use moves most.
//! On a wide page the stylesheet hides it and it is never drawn.

use crate::chart::YAxis;
use crate::charts::CHARTS;
use crate::i18n::Messages;
use talentflow_model::{simulate, ParamId, Run, Scenario};
use yew::prelude::*;

/// Which of [`CHARTS`] the lever `id` moves most on screen, the other
/// settings held at `scenario`'s: the largest change of any curve between
/// the slider's two ends, as a share of the chart's vertical axis (0 to 1
/// for shares, 0 to the largest value for people a year). Costs two runs.
pub fn moved_most(id: ParamId, scenario: &Scenario) -> usize {
    let spec = id.spec();
    let run_at = |value: f64| {
        let mut s = *scenario;
        s.set_clamped(id, value);
        simulate(&s)
    };
    let ends: [Run; 2] = [run_at(spec.min), run_at(spec.max)];
    let mut best = (0, 0.0);
    for (i, desc) in CHARTS.iter().enumerate() {
        let mut change: f64 = 0.0;
        let mut top: f64 = 0.0;
        for line in desc.lines {
            for year in desc.first_year..=desc.last_year {
                let [Some(low), Some(high)] = ends.each_ref().map(|r| r.value(line.series, year))
                else {
                    continue;
                };
                if low.is_finite() && high.is_finite() {
                    change = change.max((high - low).abs());
                    top = top.max(low.max(high));
                }
            }
        }
        let axis = match desc.y_axis {
            YAxis::Share => 1.0,
            YAxis::PeoplePerYear => top,
        };
        let moved = if axis > 0.0 { change / axis } else { 0.0 };
        if moved > best.1 {
            best = (i, moved);
        }
    }
    best.0
}

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
