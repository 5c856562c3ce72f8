//! A chart's legend in HTML, beside its canvas: each curve with its
//! colour, marker and line style drawn as a small SVG swatch, so that it
//! reflows on a phone and reads out to a screen reader.

use crate::chart::{ChartDesc, Marker, INK, PIN_DASHES, PIN_LETTERS};
use crate::citations::fact_anchor;
use crate::i18n::use_messages;
use plotters::style::RGBColor;
use std::rc::Rc;
use yew::prelude::*;

/// Properties of [`Legend`].
#[derive(Properties, PartialEq, Clone)]
pub struct LegendProps {
    /// The chart whose legend this is.
    pub desc: &'static ChartDesc,
    /// Whether the faint baseline reference curve is drawn.
    pub shows_baseline: bool,
    /// Whether the chart shows differences from the baseline (a zero line
    /// and no observed points).
    #[prop_or_default]
    pub difference: bool,
    /// Names of the pinned scenarios, in pin order (A, B, C).
    #[prop_or_default]
    pub pin_names: Rc<Vec<String>>,
}

fn css_colour(c: RGBColor) -> String {
    format!("rgb({},{},{})", c.0, c.1, c.2)
}

fn marker_svg(marker: Marker, colour: &str, stroke: &str) -> Html {
    match marker {
        Marker::Circle => {
            html! { <circle cx="14" cy="6" r="3.5" fill={colour.to_string()} stroke={stroke.to_string()} /> }
        }
        Marker::Triangle => {
            html! { <polygon points="14,1.5 18.5,9.5 9.5,9.5" fill={colour.to_string()} stroke={stroke.to_string()} /> }
        }
        Marker::Square => {
            html! { <rect x="10.5" y="2.5" width="7" height="7" fill={colour.to_string()} stroke={stroke.to_string()} /> }
        }
    }
}

fn swatch(
    marker: Option<Marker>,
    colour: &str,
    dashed: bool,
    opacity: &str,
    outline: bool,
) -> Html {
    swatch_dashed(
        marker,
        colour,
        if dashed { "5 3" } else { "none" },
        opacity,
        outline,
    )
}

fn swatch_dashed(
    marker: Option<Marker>,
    colour: &str,
    dasharray: &str,
    opacity: &str,
    outline: bool,
) -> Html {
    let stroke = if outline {
        css_colour(INK)
    } else {
        "none".to_string()
    };
    html! {
        <svg class="swatch" width="28" height="12" viewBox="0 0 28 12" aria-hidden="true">
            <line x1="1" y1="6" x2="27" y2="6" stroke={colour.to_string()} stroke-width="2.5"
                stroke-dasharray={dasharray.to_string()} opacity={opacity.to_string()} />
            { for marker.map(|m| marker_svg(m, colour, &stroke)) }
        </svg>
    }
}

/// The legend of one chart.
#[function_component]
pub fn Legend(props: &LegendProps) -> Html {
    let messages = use_messages();
    let desc = props.desc;
    let lines = desc.lines.iter().rev().map(|line| {
        let colour = css_colour(line.colour);
        html! { <li>{ swatch(Some(line.marker), &colour, false, "1", false) }{ messages.tr(line.legend_key) }</li> }
    });
    let grey = "rgb(90,90,90)";
    let history = format!(
        "{} / {}",
        messages.tr("chart-history"),
        messages.tr("chart-projection")
    );
    let baseline = props.shows_baseline.then(|| {
        html! { <li>{ swatch(None, grey, false, "0.4", false) }{ messages.tr("chart-baseline") }</li> }
    });
    let pins = props.pin_names.iter().enumerate().take(PIN_DASHES.len()).map(|(i, name)| {
        let (dash, gap) = PIN_DASHES[i];
        let label = messages.format("chart-pin", &[("letter", PIN_LETTERS[i]), ("name", name)]);
        html! {
            <li class="legend-pin">{ swatch_dashed(None, grey, &format!("{dash} {gap}"), "1", false) }{ label }</li>
        }
    });
    let zero = props.difference.then(|| {
        html! { <li>{ swatch(None, grey, false, "1", false) }{ messages.tr("chart-zero") }</li> }
    });
    let source_key = desc.key("source");
    let observed = (!props.difference && messages.has(&source_key)).then(|| {
        let ids = desc.observation_sources();
        let links = ids.iter().enumerate().map(|(i, id)| {
            html! { <>{ if i > 0 { ", " } else { " " } }<a href={format!("#{}", fact_anchor(id))}>{ *id }</a></> }
        });
        let label = messages.format("chart-observed", &[("source", &messages.tr(&source_key))]);
        html! {
            <li>
                { swatch(Some(Marker::Circle), grey, false, "0", true) }
                <span>{ label }{ " [" }{ for links }{ "]" }</span>
            </li>
        }
    });
    html! {
        <ul class="legend" aria-label={messages.tr("chart-legend-label")}>
            { for lines }
            <li>
                { swatch(None, grey, false, "1", false) }
                { swatch(None, grey, true, "1", false) }
                <span>{ history }</span>
            </li>
            { for baseline }
            { for zero }
            { for pins }
            { for observed }
        </ul>
    }
}
