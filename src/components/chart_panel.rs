//! One chart: a title, a high-DPI canvas redrawn whenever its run, the
//! baseline or the layout changes, an HTML legend and a text summary.

use super::chart_access::data_table;
use super::legend::Legend;
use crate::canvas::Canvas;
use crate::chart::{draw_chart_compared, ChartDesc, ChartText, Compare};
use crate::charts::{chart_text, summary};
use crate::i18n::use_messages;
use plotters::prelude::IntoDrawingArea;
use std::rc::Rc;
use talentflow_model::{Bands, Run, SeriesId};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, ResizeObserver, ResizeObserverEntry};
use yew::prelude::*;

/// Properties of [`ChartPanel`].
#[derive(Properties, PartialEq, Clone)]
pub struct ChartPanelProps {
    /// Which chart.
    pub desc: &'static ChartDesc,
    /// The reader's scenario's run.
    pub run: Rc<Run>,
    /// The baseline's run (the summary compares with it).
    pub baseline: Rc<Run>,
    /// Whether to draw the baseline as a faint reference curve (when the
    /// scenario differs from it).
    pub show_baseline: bool,
    /// Runs of the pinned scenarios, in pin order (A, B, C).
    #[prop_or_default]
    pub pins: Rc<Vec<Rc<Run>>>,
    /// Legend names of the pinned scenarios, in pin order.
    #[prop_or_default]
    pub pin_names: Rc<Vec<String>>,
    /// Draw differences from the baseline instead of levels.
    #[prop_or_default]
    pub difference: bool,
    /// Uncertainty bands of the reader's scenario, when shown and ready.
    #[prop_or_default]
    pub bands: Option<Rc<Bands>>,
    /// The series and years a story step points at (drawn only by the
    /// chart that plots the series).
    #[prop_or_default]
    pub highlight: Option<(SeriesId, i32, i32)>,
    /// No slider is being dragged: the live summary may speak.
    #[prop_or(true)]
    pub settled: bool,
    /// Changes whenever the viewport size or pixel ratio changes, so that
    /// the canvas is resized and redrawn.
    pub layout: Layout,
    /// The compact copy beside the sliders (`dock.rs`): canvas and legend
    /// only (the full chart below has the title, summary and table), and
    /// nothing drawn while the stylesheet hides it.
    #[prop_or_default]
    pub compact: bool,
    /// The compact chart is on screen beside the sliders (narrow screens,
    /// the embed): during a drag this chart is not redrawn while it is off
    /// screen (more than half a screen away), only once the reader lets go.
    #[prop_or_default]
    pub docked: bool,
}

/// Viewport size in CSS pixels and device pixel ratio.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Layout {
    /// `window.innerWidth`.
    pub width: f64,
    /// `window.innerHeight`.
    pub height: f64,
    /// `window.devicePixelRatio`.
    pub pixel_ratio: f64,
}

/// Size `canvas`'s backing store to its CSS size times the device pixel
/// ratio and draw the chart on it. Returns whether anything was drawn (a
/// canvas with no size, e.g. hidden, is skipped). `css_size` is the
/// canvas's CSS size when a `ResizeObserver` has already reported it; when
/// `None` it is measured, which forces a page layout.
pub fn draw_on_canvas(
    canvas: &HtmlCanvasElement,
    desc: &ChartDesc,
    text: &ChartText,
    run: &Run,
    baseline: Option<&Run>,
    compare: &Compare<'_>,
    css_size: Option<(f64, f64)>,
) -> Result<bool, String> {
    let pixel_ratio = pixel_ratio();
    let (css_width, css_height) = match css_size {
        Some((w, h)) if w > 0.0 && h > 0.0 => (w, h),
        _ => {
            let rect = canvas.get_bounding_client_rect();
            (rect.width(), rect.height())
        }
    };
    let Some((width, height)) = backing_size((css_width, css_height)) else {
        return Ok(false);
    };
    if canvas.width() != width {
        canvas.set_width(width);
    }
    if canvas.height() != height {
        canvas.set_height(height);
    }
    let backend = Canvas::new(canvas)
        .ok_or_else(|| "no 2D drawing context for the chart canvas".to_string())?;
    let root = backend.into_drawing_area();
    let scale = text_scale();
    draw_chart_compared(
        &root,
        desc,
        text,
        run,
        baseline,
        compare,
        pixel_ratio * scale,
    )
    .map_err(|e| e.to_string())?;
    Ok(true)
}

/// An `Rc` compared by address. The page memoises its runs and bands, so
/// an unchanged one is the same allocation; compared by value, a run never
/// equals itself (its blank years are NaN), and every render of the page
/// would redraw the charts.
#[derive(Clone)]
struct Same<T>(Rc<T>);

impl<T> PartialEq for Same<T> {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// `window.devicePixelRatio`, or 1 where there is none.
pub fn pixel_ratio() -> f64 {
    web_sys::window()
        .map(|w| w.device_pixel_ratio())
        .filter(|r| r.is_finite() && *r > 0.0)
        .unwrap_or(1.0)
}

/// The backing store, in device pixels, for a canvas of CSS size
/// `(width, height)`; `None` for no size (hidden).
fn backing_size((width, height): (f64, f64)) -> Option<(u32, u32)> {
    let ratio = pixel_ratio();
    (width > 0.0 && height > 0.0).then(|| {
        (
            (width * ratio).round() as u32,
            (height * ratio).round() as u32,
        )
    })
}

/// Whether `canvas`'s backing store already has the size that the CSS size
/// `css` asks for at the current pixel ratio.
fn backing_fits(canvas: &HtmlCanvasElement, css: (f64, f64)) -> bool {
    backing_size(css) == Some((canvas.width(), canvas.height()))
}

/// How much larger than usual canvases draw their text and lines: 1.25 in
/// the large-text mode (a class on `<html>`), else 1. The canvas grows with
/// the mode's CSS, so the redraw that follows a toggle picks it up.
pub fn text_scale() -> f64 {
    let large = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
        .is_some_and(|e| e.class_name().contains("large-text"));
    if large {
        1.25
    } else {
        1.0
    }
}

/// The CSS size of the element behind `node`, kept current by a
/// `ResizeObserver`: a canvas can change size without the window changing
/// (a scroll bar appears, an embedding page resizes its container).
#[hook]
fn use_css_size(node: NodeRef) -> (f64, f64) {
    let size = use_state_eq(|| (0.0, 0.0));
    {
        let size = size.clone();
        use_effect_with(node, move |node| {
            let on_resize = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
                if let Ok(entry) = entries.get(0).dyn_into::<ResizeObserverEntry>() {
                    let rect = entry.content_rect();
                    size.set((rect.width(), rect.height()));
                }
            });
            let observer = match ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
                Ok(observer) => {
                    if let Some(element) = node.cast::<web_sys::Element>() {
                        observer.observe(&element);
                    }
                    Some(observer)
                }
                Err(e) => {
                    web_sys::console::error_2(&"cannot follow the chart's size:".into(), &e);
                    None
                }
            };
            move || {
                if let Some(observer) = observer {
                    observer.disconnect();
                }
                drop(on_resize);
            }
        });
    }
    *size
}

/// A chart with its legend and summary.
#[function_component]
pub fn ChartPanel(props: &ChartPanelProps) -> Html {
    let messages = use_messages();
    let canvas_ref = use_node_ref();
    let desc = props.desc;
    let text = use_memo((messages.clone(), desc.name), |(m, _)| chart_text(m, desc));
    let css_size = use_css_size(canvas_ref.clone());
    let compact = props.compact;
    // While a slider is dragged beside the compact chart, this one is
    // drawn only if it is on screen (or half a screen from it), and once
    // the reader lets go.
    let put_off = props.docked && !compact && !props.settled;

    // What the canvas shows: a redraw is skipped when only the reported
    // CSS size changed and gives the backing store it already has (the
    // first report of a `ResizeObserver`, just after the first drawing).
    let shown = use_mut_ref(|| None);
    {
        let canvas_ref = canvas_ref.clone();
        let baseline = props.show_baseline.then(|| props.baseline.clone());
        let difference = props.difference.then(|| props.baseline.clone());
        use_effect_with(
            (
                (
                    Same(props.run.clone()),
                    baseline.map(Same),
                    props.layout,
                    text,
                    (
                        Same(props.pins.clone()),
                        difference.map(Same),
                        props.bands.clone().map(Same),
                        props.highlight,
                    ),
                ),
                css_size,
                put_off,
            ),
            move |(inputs, css_size, put_off)| {
                let Some(canvas) = canvas_ref.cast::<HtmlCanvasElement>() else {
                    return;
                };
                // Hidden (a wide screen): no drawing, and no measuring,
                // which would force a layout at every slider step.
                if compact && css_size.0 * css_size.1 == 0.0 {
                    return;
                }
                if *put_off && shown.borrow().is_some() {
                    // Layout is due before the next paint anyway.
                    let rect = canvas.get_bounding_client_rect();
                    let screen = inputs.2.height;
                    if rect.bottom() < -screen / 2.0 || rect.top() > screen * 1.5 {
                        return;
                    }
                }
                if shown.borrow().as_ref() == Some(inputs) && backing_fits(&canvas, *css_size) {
                    return;
                }
                let (run, baseline, _, text, (pins, difference, bands, highlight)) = inputs;
                let pin_runs: Vec<&Run> = pins.0.iter().map(|r| r.as_ref()).collect();
                let compare = Compare {
                    pins: &pin_runs,
                    difference_from: difference.as_ref().map(|d| d.0.as_ref()),
                    bands: bands.as_ref().map(|b| b.0.as_ref()),
                    highlight: *highlight,
                };
                match draw_on_canvas(
                    &canvas,
                    desc,
                    text,
                    &run.0,
                    baseline.as_ref().map(|b| b.0.as_ref()),
                    &compare,
                    Some(*css_size),
                ) {
                    Ok(_) => *shown.borrow_mut() = Some(inputs.clone()),
                    Err(message) => {
                        web_sys::console::error_1(&format!("chart-{}: {message}", desc.name).into())
                    }
                }
            },
        );
    }

    let legend = html! {
        <Legend
            desc={desc}
            shows_baseline={props.show_baseline && !props.difference}
            difference={props.difference}
            pin_names={props.pin_names.clone()}
        />
    };
    if compact {
        // A copy of the chart below, which names and describes it.
        return html! {
            <div class="chart dock-chart">
                <canvas id="chart-dock" ref={canvas_ref} aria-hidden="true" />
                { legend }
            </div>
        };
    }
    let summary_text = summary(&messages, desc, &props.run, &props.baseline);
    let table_open = use_state_eq(|| false);
    let toggle_table = {
        let table_open = table_open.clone();
        Callback::from(move |_: MouseEvent| table_open.set(!*table_open))
    };
    let canvas_id = format!("chart-{}", desc.name);
    let summary_id = format!("{canvas_id}-summary");
    let title_id = format!("{canvas_id}-title");
    html! {
        <figure class="chart" aria-labelledby={title_id.clone()}>
            <h3 id={title_id}>{ messages.tr(&desc.key("title")) }</h3>
            <canvas
                id={canvas_id}
                ref={canvas_ref}
                role="img"
                aria-label={messages.tr(&desc.key("aria"))}
                aria-describedby={summary_id.clone()}
            />
            { legend }
            <p class="summary" id={summary_id}>{ summary_text.clone() }</p>
            // Said once the reader lets go of a slider, not on every step.
            <p class="visually-hidden" aria-live="polite">
                { if props.settled { summary_text.as_str() } else { "" } }
            </p>
            <button type="button" class="table-toggle" aria-expanded={table_open.to_string()} onclick={toggle_table}>
                { messages.tr("chart-table") }
            </button>
            { for table_open.then(|| data_table(&messages, desc, &props.run)) }
        </figure>
    }
}
