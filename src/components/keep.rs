//! Export and keep: each chart as a PNG (title, scenario, source line and
//! link drawn in), the series as CSV (the command line's columns, headed
//! by `# ` lines with the link and model version), the scenario as a
//! small JSON file and back, and named scenarios kept in the browser.
//! A broken or foreign file, or a browser without storage, gets a clear
//! message and leaves the reader's scenario as it was.

use crate::canvas::Canvas;
use crate::chart::{draw_chart_compared, ChartDesc, Compare};
use crate::charts::{chart_text, CHARTS};
use crate::i18n::Messages;
use crate::state::{Action, Settings};
use crate::url::{notice_text, share_url};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::rc::Rc;
use talentflow_model::scenario_file::{self, FileError};
use talentflow_model::{Bands, Run, Scenario, MODEL_VERSION, PRESETS};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{HtmlAnchorElement, HtmlCanvasElement, HtmlInputElement};
use yew::prelude::*;

/// Where named scenarios are kept in the browser.
pub const STORAGE_KEY: &str = "talentflow-saved";
/// Width of an exported chart in CSS pixels (times the pixel ratio).
pub const PNG_WIDTH_PX: f64 = 900.0;

/// One sentence naming the scenario: its preset (modified or not) or the
/// number of settings changed.
pub fn scenario_description(
    messages: &Messages,
    scenario: &Scenario,
    preset: Option<usize>,
) -> String {
    match preset.and_then(|i| PRESETS.get(i)) {
        Some(p) if p.scenario() == *scenario => messages.tr(&p.name_key()),
        Some(p) => messages.format(
            "app-preset-modified",
            &[("name", &messages.tr(&p.name_key()))],
        ),
        None if scenario.is_baseline() => messages.tr("app-pin-baseline"),
        None => messages.format(
            "app-pin-own",
            &[("count", &scenario.changed().count().to_string())],
        ),
    }
}

/// The CSV export: `# ` lines with the title, link, model version and
/// scenario, then exactly `talentflow run`'s CSV, with the band columns
/// of `talentflow run --draws 200 --seed 1` when the bands are shown.
pub fn csv_export(
    messages: &Messages,
    run: &Run,
    bands: Option<&Bands>,
    link: &str,
    description: &str,
) -> String {
    let one_line = |s: String| s.replace(['\n', '\r'], " ");
    format!(
        "# {}\n# {}\n# {}\n# {}\n{}",
        one_line(messages.tr("app-title")),
        one_line(messages.format("export-csv-link", &[("link", link)])),
        one_line(messages.format("export-csv-version", &[("version", MODEL_VERSION)])),
        one_line(messages.format("export-csv-scenario", &[("scenario", description)])),
        bands.map_or_else(|| run.to_csv(), Bands::to_csv)
    )
}

/// The scenario file (`talentflow_model::scenario_file::write`): format,
/// model version, name, preset, the settings that differ from the
/// baseline.
pub fn scenario_json(name: &str, scenario: &Scenario, preset: Option<usize>) -> Option<String> {
    Some(scenario_file::write(name, scenario, preset))
}

/// A scenario file read back (`talentflow_model::scenario_file::read`):
/// the settings, its name, and notices about values that had to be
/// mended. `Err` carries the message key of why the file was refused
/// (nothing is changed then).
pub fn read_scenario_json(
    messages: &Messages,
    text: &str,
) -> Result<(Settings, String, Vec<String>), &'static str> {
    let file = scenario_file::read(text).map_err(|e| match e {
        FileError::NotJson => "load-error-json",
        FileError::Foreign => "load-error-foreign",
    })?;
    let notices = file
        .decoded
        .notices
        .iter()
        .map(|n| notice_text(messages, n))
        .collect();
    Ok((
        Settings {
            scenario: file.decoded.scenario,
            preset: file.preset,
        },
        file.name,
        notices,
    ))
}

/// Offer `href` as a download named `file_name`.
fn download(href: &str, file_name: &str) -> bool {
    let anchor = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("a").ok())
        .and_then(|a| a.dyn_into::<HtmlAnchorElement>().ok());
    match anchor {
        Some(a) => {
            a.set_href(href);
            a.set_download(file_name);
            a.click();
            true
        }
        None => false,
    }
}

/// Offer text as a download.
fn download_text(text: &str, mime: &str, file_name: &str) -> bool {
    let parts = js_sys::Array::of1(&JsValue::from(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let offered = download(&url, file_name);
    // The download has taken its copy once the click has been handled.
    wasm_bindgen_futures::spawn_local(async move {
        gloo_timers::future::TimeoutFuture::new(10_000).await;
        if web_sys::Url::revoke_object_url(&url).is_err() {
            web_sys::console::warn_1(&"cannot release an exported file".into());
        }
    });
    offered
}

/// Draw `desc` with a title, the scenario, the source line and the link
/// onto a fresh canvas at the display's resolution; its PNG as a data URL.
/// `baseline` is the faint reference curve, drawn as on the page: only
/// when the scenario differs from the baseline (see [`shown_baseline`]).
pub fn chart_png(
    messages: &Messages,
    desc: &ChartDesc,
    run: &Run,
    baseline: Option<&Run>,
    compare: &Compare<'_>,
    description: &str,
    link: &str,
) -> Option<String> {
    let window = web_sys::window()?;
    let px = super::chart_panel::pixel_ratio();
    let canvas: HtmlCanvasElement = window
        .document()?
        .create_element("canvas")
        .ok()?
        .dyn_into()
        .ok()?;
    let (header, plot, footer) = (64.0, 420.0, 52.0);
    canvas.set_width((PNG_WIDTH_PX * px).round() as u32);
    canvas.set_height(((header + plot + footer) * px).round() as u32);
    let root = Canvas::new(&canvas)?.into_drawing_area();
    root.fill(&WHITE).ok()?;
    let (top, rest) = root.split_vertically((header * px).round() as u32);
    let (chart, bottom) = rest.split_vertically((plot * px).round() as u32);
    let font = |size: f64| ("sans-serif", size * px).into_font();
    let at = |x: f64, y: f64| ((x * px).round() as i32, (y * px).round() as i32);
    let left = Pos::new(HPos::Left, VPos::Top);
    top.draw(&Text::new(
        messages.tr(&desc.key("title")),
        at(12.0, 10.0),
        font(18.0).color(&BLACK).pos(left),
    ))
    .ok()?;
    top.draw(&Text::new(
        description.to_string(),
        at(12.0, 38.0),
        font(13.0).color(&RGBColor(60, 60, 60)).pos(left),
    ))
    .ok()?;
    let text = chart_text(messages, desc);
    draw_chart_compared(&chart, desc, &text, run, baseline, compare, px).ok()?;
    let sources = desc.observation_sources().join(", ");
    let source_line = match &text.source {
        Some(label) => messages.format(
            "export-png-source",
            &[
                ("source", &format!("{label} ({sources})")),
                ("version", MODEL_VERSION),
            ],
        ),
        None => messages.format("export-png-model", &[("version", MODEL_VERSION)]),
    };
    let grey = RGBColor(70, 70, 70);
    bottom
        .draw(&Text::new(
            source_line,
            at(12.0, 6.0),
            font(12.0).color(&grey).pos(left),
        ))
        .ok()?;
    bottom
        .draw(&Text::new(
            link.to_string(),
            at(12.0, 26.0),
            font(12.0).color(&RGBColor(0, 90, 150)).pos(left),
        ))
        .ok()?;
    root.present().ok()?;
    canvas.to_data_url().ok()
}

/// The baseline's run as the charts' reference curve, when `scenario` is
/// not the baseline itself (decided on the settings: runs hold NaN in the
/// years a series is not defined, so two equal runs never compare equal).
pub fn shown_baseline<'a>(scenario: &Scenario, baseline: &'a Run) -> Option<&'a Run> {
    (!scenario.is_baseline()).then_some(baseline)
}

/// Named scenarios kept in the browser: `(name, query)` pairs. `None`
/// when the browser offers no storage here.
fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The kept scenarios (an unreadable entry is skipped).
pub fn load_saved() -> Option<Vec<(String, String)>> {
    let raw = storage()?.get_item(STORAGE_KEY).ok()?.unwrap_or_default();
    if raw.is_empty() {
        return Some(Vec::new());
    }
    let list = js_sys::JSON::parse(&raw)
        .ok()
        .filter(js_sys::Array::is_array);
    let Some(list) = list else {
        return Some(Vec::new());
    };
    let list: js_sys::Array = list.unchecked_into();
    let get = |v: &JsValue, k: &str| {
        js_sys::Reflect::get(v, &k.into())
            .ok()
            .and_then(|x| x.as_string())
    };
    Some(
        list.iter()
            .filter_map(|item| Some((get(&item, "name")?, get(&item, "query")?)))
            .collect(),
    )
}

/// Write the kept scenarios; false when storage refuses (full, or absent).
fn store_saved(list: &[(String, String)]) -> bool {
    let array = js_sys::Array::new();
    for (name, query) in list {
        let item = js_sys::Object::new();
        let ok = js_sys::Reflect::set(&item, &"name".into(), &name.into()).is_ok()
            && js_sys::Reflect::set(&item, &"query".into(), &query.into()).is_ok();
        if ok {
            array.push(&item);
        }
    }
    let Some(text) = js_sys::JSON::stringify(&array)
        .ok()
        .and_then(|s| s.as_string())
    else {
        return false;
    };
    storage().is_some_and(|s| s.set_item(STORAGE_KEY, &text).is_ok())
}

/// Properties of [`Keep`].
#[derive(Properties, PartialEq, Clone)]
pub struct KeepProps {
    /// The reader's scenario.
    pub scenario: Scenario,
    /// The preset last picked.
    pub preset: Option<usize>,
    /// The reader's run, the baseline's and the pinned scenarios'.
    pub run: Rc<Run>,
    /// The baseline's run.
    pub baseline: Rc<Run>,
    /// The pinned scenarios' runs.
    pub pins: Rc<Vec<Rc<Run>>>,
    /// Whether the charts show differences from the baseline.
    pub difference: bool,
    /// The query of the reader's state (full layout), for links.
    pub query: String,
    /// The reader's scenario's uncertainty bands, when shown and ready.
    pub bands: Option<Rc<Bands>>,
    /// Receives [`Action::Load`].
    pub on_action: Callback<Action>,
}

/// The export, file and saved-scenario controls.
/// The controls' own state, kept by the page.
#[derive(Clone, PartialEq)]
pub struct KeepState {
    message: UseStateHandle<Option<String>>,
    saved: UseStateHandle<Option<Vec<(String, String)>>>,
    name_ref: NodeRef,
}

/// The state of [`keep`], for the page to hold.
#[hook]
pub fn use_keep_state() -> KeepState {
    KeepState {
        message: use_state(|| None::<String>),
        saved: use_state(load_saved),
        name_ref: use_node_ref(),
    }
}

pub fn keep(props: &KeepProps, messages: &Messages, state: &KeepState) -> Html {
    let messages = messages.clone();
    let KeepState {
        message,
        saved,
        name_ref,
    } = state.clone();
    let link = share_url(&props.query);
    let description = scenario_description(&messages, &props.scenario, props.preset);

    let png = |desc: &'static ChartDesc| {
        let (messages, message, props, link, description) = (
            messages.clone(),
            message.clone(),
            props.clone(),
            link.clone(),
            description.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let pins: Vec<&Run> = props.pins.iter().map(|r| r.as_ref()).collect();
            let compare = Compare {
                pins: &pins,
                difference_from: props.difference.then_some(props.baseline.as_ref()),
                bands: props.bands.as_deref(),
                highlight: None,
            };
            let url = chart_png(
                &messages,
                desc,
                &props.run,
                shown_baseline(&props.scenario, &props.baseline),
                &compare,
                &description,
                &link,
            );
            let ok = url.is_some_and(|u| download(&u, &format!("talentflow-{}.png", desc.name)));
            if !ok {
                message.set(Some(messages.tr("export-failed")));
            }
        })
    };
    let on_csv = {
        let (messages, message, run, bands, link, description) = (
            messages.clone(),
            message.clone(),
            props.run.clone(),
            props.bands.clone(),
            link.clone(),
            description.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let text = csv_export(&messages, &run, bands.as_deref(), &link, &description);
            if !download_text(&text, "text/csv", "talentflow-scenario.csv") {
                message.set(Some(messages.tr("export-failed")));
            }
        })
    };
    let on_json = {
        let (messages, message, scenario, preset, description) = (
            messages.clone(),
            message.clone(),
            props.scenario,
            props.preset,
            description.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let ok = scenario_json(&description, &scenario, preset)
                .is_some_and(|t| download_text(&t, "application/json", "talentflow-scenario.json"));
            if !ok {
                message.set(Some(messages.tr("export-failed")));
            }
        })
    };
    let on_file = {
        let (messages, message, on_action) =
            (messages.clone(), message.clone(), props.on_action.clone());
        Callback::from(move |e: Event| {
            let Some(input) = e.target_dyn_into::<HtmlInputElement>() else {
                return;
            };
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            // A file too large to be a scenario file is refused by its size,
            // before anything of it is read into memory.
            if file.size() > scenario_file::MAX_FILE_BYTES as f64 {
                message.set(Some(messages.tr("load-error-large")));
                return;
            }
            let (messages, message, on_action) =
                (messages.clone(), message.clone(), on_action.clone());
            crate::export::on_settled(&file.text(), move |ok, value| {
                let outcome = match value.as_string().filter(|_| ok) {
                    Some(text) => read_scenario_json(&messages, &text),
                    None => Err("load-error-read"),
                };
                match outcome {
                    Ok((settings, name, notices)) => {
                        on_action.emit(Action::Load(settings));
                        let mut text = messages.format("load-done", &[("name", &name)]);
                        for n in notices {
                            text.push(' ');
                            text.push_str(&n);
                        }
                        message.set(Some(text));
                    }
                    Err(key) => message.set(Some(messages.tr(key))),
                }
            });
        })
    };
    let on_save = {
        let (messages, message, saved, name_ref, query, description) = (
            messages.clone(),
            message.clone(),
            saved.clone(),
            name_ref.clone(),
            props.query.clone(),
            description.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let typed = name_ref
                .cast::<HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            let name = if typed.trim().is_empty() {
                description.clone()
            } else {
                typed.trim().to_string()
            };
            let mut list = (*saved).clone().unwrap_or_default();
            list.retain(|(n, _)| *n != name);
            list.push((name.clone(), query.clone()));
            if store_saved(&list) {
                saved.set(Some(list));
                message.set(Some(messages.format("saved-done", &[("name", &name)])));
            } else {
                message.set(Some(messages.tr("saved-unavailable")));
            }
        })
    };
    let saved_list = match &*saved {
        None => {
            html! { <p class="message" id="saved-unavailable">{ messages.tr("saved-unavailable") }</p> }
        }
        Some(list) => {
            let items = list.iter().enumerate().map(|(i, (name, query))| {
                let open = {
                    let (messages, on_action, query, message) =
                        (messages.clone(), props.on_action.clone(), query.clone(), message.clone());
                    Callback::from(move |_: MouseEvent| {
                        let restored = crate::url::restore(&query, &messages);
                        on_action.emit(Action::Load(restored.state.settings()));
                        message.set(None);
                    })
                };
                let delete = {
                    let (saved, message, messages) = (saved.clone(), message.clone(), messages.clone());
                    Callback::from(move |_: MouseEvent| {
                        let mut list = (*saved).clone().unwrap_or_default();
                        if i < list.len() {
                            list.remove(i);
                        }
                        if store_saved(&list) {
                            saved.set(Some(list));
                        } else {
                            message.set(Some(messages.tr("saved-unavailable")));
                        }
                    })
                };
                html! {
                    <li>
                        <span>{ name.clone() }</span>
                        <button type="button" class="saved-open" onclick={open}>{ messages.tr("saved-open") }</button>
                        <button type="button" class="saved-delete" aria-label={messages.format("saved-delete", &[("name", name)])} onclick={delete}>{ "×" }</button>
                    </li>
                }
            });
            html! { <ul id="saved-list">{ for items }</ul> }
        }
    };
    html! {
        <div class="export" role="group" aria-labelledby="export-heading">
            <h3 id="export-heading">{ messages.tr("export-heading") }</h3>
            <div class="actions">
                { for CHARTS.iter().map(|desc| html! {
                    <button type="button" id={format!("download-png-{}", desc.name)} onclick={png(desc)}>
                        { messages.format("export-png", &[("chart", &messages.tr(&desc.key("title")))]) }
                    </button>
                }) }
                <button type="button" id="download-csv" onclick={on_csv}>{ messages.tr("export-csv") }</button>
                <button type="button" id="download-json" onclick={on_json}>{ messages.tr("export-json") }</button>
            </div>
            <label for="load-file">{ messages.tr("load-label") }</label>
            <input type="file" id="load-file" accept=".json,application/json" onchange={on_file} />
            { for message.as_ref().map(|m| html! { <p class="message" id="keep-message" role="status">{ m.clone() }</p> }) }
            <div class="saved">
                <label for="save-name">{ messages.tr("saved-label") }</label>
                <input type="text" id="save-name" ref={name_ref} placeholder={description.clone()} />
                <div class="actions">
                    <button type="button" id="save" onclick={on_save}>{ messages.tr("saved-save") }</button>
                </div>
                { saved_list }
            </div>
        </div>
    }
}
