//! The tornado chart: for an outcome and a year the reader chooses (by
//! default the share of the 2019 cohort still in the US in
//! [`SUMMARY_YEAR`]), how far it moves as each lever goes from one end of
//! its slider to the other and each assumption across its plausible range,
//! everything else at the reader's settings; ranked, largest first.
//!
//! The ranking costs about forty model runs, so it follows the scenario
//! once it has settled (see [`use_settled`]), memoised on the settled
//! scenario. It is drawn with plotters on a canvas (`role="img"`), with a
//! text summary for readers who cannot see it.

use super::why_changed::{join_list, level_text, use_settled, HEADLINES, SETTLE_MS};
use crate::canvas::Canvas;
use crate::chart::{nice_ceiling, FONT_FAMILY, INK};
use crate::charts::SUMMARY_YEAR;
use crate::i18n::use_messages;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use talentflow_messages::Catalog;
use talentflow_model::{sensitivity, Measure, Scenario, Sensitivity, SeriesId};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, ResizeObserver};
use yew::prelude::*;

/// The outcome the tornado ranks settings by, until the reader picks
/// another of the headline outcomes ([`HEADLINES`]).
pub const TORNADO_OUTCOME: SeriesId = SeriesId::Cohort2019InUs;

/// The years the reader can pick.
pub const TORNADO_YEARS: [i32; 4] = [2030, 2035, 2040, 2050];

/// Okabe-Ito sky blue: the outcome with a setting at its low value.
pub const LOW: RGBColor = RGBColor(86, 180, 233);
/// Okabe-Ito orange: the outcome with a setting at its high value.
pub const HIGH: RGBColor = RGBColor(230, 159, 0);

/// Settings named in the text summary.
pub const SUMMARY_ROWS: usize = 3;

/// Height of one bar's row, in CSS pixels (the stylesheet sizes the
/// canvas to fit every row).
pub const ROW_CSS_PX: f64 = 22.0;

/// Draw the ranking onto `root`: one bar per row from the outcome at the
/// setting's low value to the outcome at its high value, split at the
/// scenario's own value (a vertical line), labels on the left, a
/// percentage axis below. `px` is backend pixels per CSS pixel.
pub fn draw_tornado<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    s: &Sensitivity,
    labels: &[String],
    axis_title: &str,
    px: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    // Shares are drawn in percent, people as they are.
    let share = s.outcome.spec().measure == Measure::Share;
    let (scale, suffix) = if share { (100.0, "%") } else { (1.0, "") };
    let size = |css: f64| -> i32 { (css * px).round().max(1.0) as i32 };
    let font = |css: f64| (FONT_FAMILY, css * px).into_font();
    root.fill(&WHITE)?;
    let (w, h) = root.dim_in_pixel();
    let (w, h) = (w as i32, h as i32);
    let n = s.rows.len().max(1) as i32;
    let left = (w * 2 / 5).min(size(240.0));
    let right = w - size(12.0);
    let top = size(6.0);
    let bottom = h - size(40.0);
    if right <= left || bottom <= top {
        return Ok(());
    }
    let row_h = f64::from(bottom - top) / f64::from(n);

    // Horizontal range in percent, padded, on round ticks.
    let values = s
        .rows
        .iter()
        .flat_map(|r| [r.outcome_at_low, r.outcome_at_high])
        .chain(std::iter::once(s.central))
        .filter(|v| v.is_finite())
        .map(|v| v * scale);
    let (lo, hi) = values.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), v| {
        (a.min(v), b.max(v))
    });
    let (lo, hi) = if lo.is_finite() && hi > lo {
        (lo, hi)
    } else {
        let c = if lo.is_finite() { lo } else { 50.0 };
        (c - 1.0, c + 1.0)
    };
    let step = nice_ceiling((hi - lo) / 4.0);
    let lo = ((lo / step).floor() * step).max(0.0);
    let top_end = if share { 100.0 } else { f64::INFINITY };
    let hi = ((hi / step).ceil() * step).min(top_end).max(lo + step);
    let x = |percent: f64| -> i32 {
        left + ((percent - lo) / (hi - lo) * f64::from(right - left)).round() as i32
    };

    let grid = RGBColor(222, 222, 222).stroke_width(size(1.0) as u32);
    let axis = INK.stroke_width(size(1.0) as u32);
    let tick_font = font(11.0)
        .color(&INK)
        .pos(Pos::new(HPos::Center, VPos::Top));
    let mut t = lo;
    while t <= hi + step * 1e-6 {
        let tx = x(t);
        root.draw(&PathElement::new(vec![(tx, top), (tx, bottom)], grid))?;
        root.draw(&PathElement::new(
            vec![(tx, bottom), (tx, bottom + size(3.0))],
            axis,
        ))?;
        root.draw(&Text::new(
            format!("{t:.0}{suffix}"),
            (tx, bottom + size(5.0)),
            tick_font.clone(),
        ))?;
        t += step;
    }
    root.draw(&PathElement::new(
        vec![(left, bottom), (right, bottom)],
        axis,
    ))?;
    root.draw(&Text::new(
        axis_title.to_string(),
        ((left + right) / 2, h - size(3.0)),
        font(12.0)
            .color(&INK)
            .pos(Pos::new(HPos::Center, VPos::Bottom)),
    ))?;

    let centre = x(s.central * scale);
    let label_font = font(12.0)
        .color(&INK)
        .pos(Pos::new(HPos::Right, VPos::Center));
    let half = ((row_h * 0.32).round() as i32).max(1);
    for (i, row) in s.rows.iter().enumerate() {
        let cy = top + (row_h * (i as f64 + 0.5)).round() as i32;
        for (value, colour) in [(row.outcome_at_low, LOW), (row.outcome_at_high, HIGH)] {
            if !value.is_finite() {
                continue;
            }
            let end = x(value * scale);
            if end != centre {
                root.draw(&Rectangle::new(
                    [(centre.min(end), cy - half), (centre.max(end), cy + half)],
                    colour.filled(),
                ))?;
            }
        }
        if let Some(label) = labels.get(i) {
            root.draw(&Text::new(
                label.clone(),
                (left - size(6.0), cy),
                label_font.clone(),
            ))?;
        }
    }
    root.draw(&PathElement::new(
        vec![(centre, top), (centre, bottom)],
        INK.stroke_width(size(2.0) as u32),
    ))?;
    Ok(())
}

/// The labels of the ranking's rows, in rank order.
pub fn row_labels(catalog: &Catalog, s: &Sensitivity) -> Vec<String> {
    s.rows
        .iter()
        .map(|r| catalog.text(&r.param.spec().label_key()).into_owned())
        .collect()
}

/// The text summary: the scenario's value and the settings that move it
/// most, each with the outcome at its two ends.
pub fn tornado_summary(catalog: &Catalog, s: &Sensitivity) -> String {
    let numbers = catalog.numbers();
    let pct = |v: f64| level_text(catalog, s.outcome, v);
    let parts: Vec<String> = s
        .rows
        .iter()
        .take(SUMMARY_ROWS)
        .map(|r| {
            catalog.format(
                "tornado-part",
                &[
                    ("setting", &catalog.text(&r.param.spec().label_key())),
                    ("low", &pct(r.outcome_at_low)),
                    ("high", &pct(r.outcome_at_high)),
                ],
            )
        })
        .collect();
    catalog.format(
        "tornado-summary",
        &[
            ("outcome", &outcome_name(catalog, s.outcome)),
            ("year", &numbers.year(s.year)),
            ("central", &pct(s.central)),
            ("settings", &join_list(catalog, &parts)),
        ],
    )
}

/// The name of a headline outcome (`why-outcome-<stem>`).
pub fn outcome_name(catalog: &Catalog, outcome: SeriesId) -> String {
    let stem = HEADLINES
        .iter()
        .find(|(s, _)| *s == outcome)
        .map_or("cohort-us", |(_, stem)| stem);
    catalog.text(&format!("why-outcome-{stem}")).into_owned()
}

/// Size the canvas's backing store to its CSS size times the pixel ratio
/// and draw on it; `Ok(false)` when it has no size (hidden).
pub fn draw_tornado_on_canvas(
    canvas: &HtmlCanvasElement,
    s: &Sensitivity,
    labels: &[String],
    axis_title: &str,
) -> Result<bool, String> {
    let ratio = super::chart_panel::pixel_ratio();
    let rect = canvas.get_bounding_client_rect();
    if rect.width() <= 0.0 || rect.height() <= 0.0 {
        return Ok(false);
    }
    let width = (rect.width() * ratio).round() as u32;
    let height = (rect.height() * ratio).round() as u32;
    if canvas.width() != width {
        canvas.set_width(width);
    }
    if canvas.height() != height {
        canvas.set_height(height);
    }
    let backend = Canvas::new(canvas)
        .ok_or_else(|| "no 2D drawing context for the sensitivity canvas".to_string())?;
    let root = backend.into_drawing_area();
    let px = ratio * super::chart_panel::text_scale();
    draw_tornado(&root, s, labels, axis_title, px).map_err(|e| e.to_string())?;
    Ok(true)
}

/// Properties of [`Tornado`].
#[derive(Properties, PartialEq, Clone)]
pub struct TornadoProps {
    /// The reader's scenario.
    pub scenario: Scenario,
    /// How long the scenario must settle before the ranking follows it;
    /// `None` follows it at once (tests).
    #[prop_or(Some(SETTLE_MS))]
    pub settle_ms: Option<u32>,
}

/// The sensitivity chart with its legend and summary.
#[function_component]
pub fn Tornado(props: &TornadoProps) -> Html {
    let messages = use_messages();
    let canvas_ref = use_node_ref();
    let settled = use_settled(props.scenario, props.settle_ms);
    let choice = use_state(|| (TORNADO_OUTCOME, SUMMARY_YEAR));
    let (outcome, year) = *choice;
    let ranking = use_memo((settled, outcome, year), |&(settled, outcome, year)| {
        settled.and_then(|s| match sensitivity(&s, outcome, year) {
            Ok(r) => Some(r),
            Err(_) => {
                web_sys::console::error_1(&"the sensitivity cannot be worked out".into());
                None
            }
        })
    });
    {
        // Drawn when the ranking arrives and whenever the canvas changes
        // size (the observer also reports the first size).
        let canvas_ref = canvas_ref.clone();
        let axis_title = messages.format(
            "tornado-axis",
            &[
                ("outcome", &outcome_name(&messages, outcome)),
                ("year", &messages.numbers().year(year)),
            ],
        );
        let messages = messages.clone();
        use_effect_with(ranking.clone(), move |ranking| {
            let ranking = ranking.clone();
            let canvas = canvas_ref.cast::<HtmlCanvasElement>();
            let draw = {
                let canvas = canvas.clone();
                move || {
                    if let (Some(canvas), Some(r)) = (&canvas, ranking.as_ref().as_ref()) {
                        let labels = row_labels(&messages, r);
                        if let Err(message) =
                            draw_tornado_on_canvas(canvas, r, &labels, &axis_title)
                        {
                            web_sys::console::error_1(&message.into());
                        }
                    }
                }
            };
            draw();
            let on_resize = Closure::<dyn Fn(js_sys::Array)>::new(move |_: js_sys::Array| draw());
            let observer = ResizeObserver::new(on_resize.as_ref().unchecked_ref()).ok();
            if let (Some(observer), Some(canvas)) = (&observer, &canvas) {
                observer.observe(canvas);
            }
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop(on_resize);
            }
        });
    }
    let rows = ranking.as_ref().as_ref().map_or(0, |r| r.rows.len());
    let summary = match ranking.as_ref() {
        Some(r) => tornado_summary(&messages, r),
        None => messages.tr("tornado-pending"),
    };
    let on_outcome = {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Some((s, _)) = HEADLINES.iter().find(|(_, stem)| *stem == select.value()) {
                choice.set((*s, choice.1));
            }
        })
    };
    let on_year = {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(y) = select.value().parse::<i32>() {
                choice.set((choice.0, y));
            }
        })
    };
    let named = [
        ("outcome", outcome_name(&messages, outcome)),
        ("year", messages.numbers().year(year)),
    ];
    let named: Vec<(&str, &str)> = named.iter().map(|(k, v)| (*k, v.as_str())).collect();
    html! {
        <figure class="chart tornado" aria-labelledby="chart-tornado-title">
            <h3 id="chart-tornado-title">{ messages.tr("tornado-heading") }</h3>
            <p class="intro">{ messages.tr("tornado-intro") }</p>
            <div class="tornado-pick">
                <label>{ messages.tr("tornado-outcome-label") }
                    <select id="tornado-outcome" onchange={on_outcome}>
                        { for HEADLINES.iter().map(|(s, stem)| html! {
                            <option value={*stem} selected={*s == outcome}>{ messages.tr(&format!("why-outcome-{stem}")) }</option>
                        }) }
                    </select>
                </label>
                <label>{ messages.tr("tornado-year-label") }
                    <select id="tornado-year" onchange={on_year}>
                        { for TORNADO_YEARS.iter().map(|y| html! {
                            <option value={y.to_string()} selected={*y == year}>{ messages.numbers().year(*y) }</option>
                        }) }
                    </select>
                </label>
            </div>
            <canvas
                id="chart-tornado"
                ref={canvas_ref}
                role="img"
                aria-label={messages.format("tornado-aria", &named)}
                aria-describedby="chart-tornado-summary"
                data-rows={rows.to_string()}
            />
            <ul class="legend tornado-legend" aria-label={messages.tr("chart-legend-label")}>
                { for [("low", "tornado-low"), ("high", "tornado-high"), ("central", "tornado-central")]
                    .iter()
                    .map(|(class, key)| html! {
                        <li><span class={classes!("tornado-swatch", *class)} aria-hidden="true"></span>{ messages.tr(key) }</li>
                    }) }
            </ul>
            <p class="summary" id="chart-tornado-summary" aria-live="polite">{ summary }</p>
        </figure>
    }
}
