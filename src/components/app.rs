//! The page: title, presets, sliders, undo and comparison, charts and
//! sources; or, with `layout=embed` in the address, the compact layout
//! for iframes (charts first, headline sliders only). The state starts
//! from the address and is written back to it as the reader works.

use super::bands_toggle::{bands_toggle, BandsToggleProps};
use super::chart_panel::{ChartPanel, Layout};
use super::compare::{compare, pin_name, CompareProps};
use super::keep::{keep, use_keep_state, KeepProps, KeepState};
use super::notices::{notices, NoticesProps};
use super::presets::{preset_picker, PresetPickerProps};
use super::share::{share, use_share_state, ShareProps, ShareState};
use super::slider::Slider;
use super::sources_section::sources_markup;
use crate::bands::use_bands;
use crate::charts::{summary, CHARTS, RETENTION, WHERE};
use crate::i18n::{preferred_lang, use_catalog, Messages, PackLoader};
use crate::state::{Action, AppState, ChartView};
use crate::url::{current_search, replace_query, restore, share_url, state_query, PageConfig};
use gloo_events::{EventListener, EventListenerOptions};
use gloo_timers::callback::Timeout;
use std::cell::RefCell;
use std::rc::Rc;
use talentflow_messages::{Catalog, Lang};
use talentflow_model::{simulate, Bands, Group, Kind, Run, Scenario, MODEL_VERSION, PARAMS};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::ResizeObserver;
use yew::prelude::*;

/// The current viewport size and pixel ratio.
fn current_layout() -> Layout {
    match web_sys::window() {
        Some(w) => Layout {
            width: w.inner_width().ok().and_then(|v| v.as_f64()).unwrap_or(0.0),
            height: w
                .inner_height()
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0),
            pixel_ratio: w.device_pixel_ratio(),
        },
        None => Layout::default(),
    }
}

/// Calls `then` once the browser has painted the next frame: an animation
/// frame, then a task after it.
fn after_next_paint(then: impl FnOnce() + 'static) {
    if web_sys::window().is_none() {
        return then();
    }
    wasm_bindgen_futures::spawn_local(async move {
        let (painting, frame) = futures_channel::oneshot::channel();
        let _frame = gloo_render::request_animation_frame(move |_| {
            let _ = painting.send(());
        });
        // Dropped unanswered only if the frame is cancelled: go on anyway.
        let _ = frame.await;
        gloo_timers::future::TimeoutFuture::new(0).await;
        then();
    });
}

/// Scrolls to the element the address's `#fragment` names, if any.
fn scroll_to_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hash = window.location().hash().unwrap_or_default();
    let target = hash
        .strip_prefix('#')
        .filter(|id| !id.is_empty())
        .and_then(|id| window.document()?.get_element_by_id(id));
    if let Some(target) = target {
        target.scroll_into_view();
    }
}

/// Tracks the viewport, so that charts are resized and redrawn when it
/// changes (rotation, window resize, zoom).
#[hook]
fn use_layout() -> Layout {
    let layout = use_state_eq(current_layout);
    {
        let layout = layout.clone();
        use_effect_with((), move |_| {
            let listener = web_sys::window()
                .map(|w| EventListener::new(&w, "resize", move |_| layout.set(current_layout())));
            move || drop(listener)
        });
    }
    *layout
}

/// How long the address waits after the last change before it is
/// rewritten: a drag rewrites it once, when the reader pauses.
pub const URL_DEBOUNCE_MS: u32 = 250;

/// Keeps the address bar's query equal to `query`, a short while after it
/// last changed, without adding history entries.
#[hook]
fn use_address(query: String) {
    // The timer waiting to write; a new query replaces it, which cancels it.
    let pending: Rc<RefCell<Option<Timeout>>> = use_mut_ref(|| None);
    use_effect_with(query, move |query| {
        let query = query.clone();
        *pending.borrow_mut() = Some(Timeout::new(URL_DEBOUNCE_MS, move || {
            if !replace_query(&query) {
                web_sys::console::warn_1(&"the address cannot be rewritten here".into());
            }
        }));
    });
}

/// Ctrl/Cmd+Z undoes, Shift+Ctrl/Cmd+Z and Ctrl+Y redo, except while the
/// reader types in a text field (which has its own undo).
#[hook]
fn use_undo_keys(on_action: Callback<Action>) {
    use_effect_with(on_action, move |on_action| {
        let on_action = on_action.clone();
        let on_key = move |e: &web_sys::Event| {
            let Some(e) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            if !(e.ctrl_key() || e.meta_key()) || e.alt_key() {
                return;
            }
            let typing = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| {
                    let tag = el.tag_name().to_ascii_lowercase();
                    let kind = el.get_attribute("type").unwrap_or_default();
                    tag == "textarea" || (tag == "input" && kind != "range")
                });
            if typing {
                return;
            }
            let action = match e.key().to_ascii_lowercase().as_str() {
                "z" if e.shift_key() => Action::Redo,
                "z" => Action::Undo,
                "y" if !e.shift_key() => Action::Redo,
                _ => return,
            };
            e.prevent_default();
            on_action.emit(action);
        };
        // Not passive: the browser's own undo is prevented.
        let listener = web_sys::window().map(|w| {
            EventListener::new_with_options(
                &w,
                "keydown",
                EventListenerOptions::enable_prevent_default(),
                on_key,
            )
        });
        move || drop(listener)
    });
}

/// In the embed layout inside a frame, tell the host page the height of
/// the content whenever it changes, and whenever the host asks
/// (`www/embed.js` resizes the iframe, and asks once it has loaded, in
/// case it missed the first report).
#[hook]
fn use_report_height(embed: bool) {
    use_effect_with(embed, move |embed| {
        let mut observer: Option<ResizeObserver> = None;
        let mut on_resize: Option<Closure<dyn Fn(js_sys::Array)>> = None;
        let mut on_message: Option<EventListener> = None;
        let window = web_sys::window();
        let parent = window.as_ref().and_then(|w| w.parent().ok().flatten());
        let framed = match (&window, &parent) {
            (Some(w), Some(p)) => !js_sys::Object::is(w.as_ref(), p.as_ref()),
            _ => false,
        };
        let body = window
            .as_ref()
            .and_then(|w| w.document())
            .and_then(|d| d.body());
        if let (true, true, Some(parent), Some(body)) = (*embed, framed, parent, body) {
            let observed = body.clone();
            // The content's own height: the document element is at least
            // as tall as the frame, so it would never shrink.
            let post: Rc<dyn Fn()> = Rc::new(move || {
                let height = body.get_bounding_client_rect().height().ceil();
                let message = js_sys::Object::new();
                let set = |k: &str, v: JsValue| js_sys::Reflect::set(&message, &k.into(), &v);
                if set("type", "talentflow:height".into()).is_ok()
                    && set("version", talentflow_host::PROTOCOL_VERSION.into()).is_ok()
                    && set("height", height.into()).is_ok()
                {
                    if let Err(e) = parent.post_message(&message, "*") {
                        web_sys::console::warn_2(
                            &"cannot tell the host page the height:".into(),
                            &e,
                        );
                    }
                }
            });
            // Once now: a frame out of view gets no resize observations
            // (browsers throttle its rendering) until it scrolls into view.
            post();
            let report = {
                let post = post.clone();
                Closure::<dyn Fn(js_sys::Array)>::new(move |_: js_sys::Array| post())
            };
            match ResizeObserver::new(report.as_ref().unchecked_ref()) {
                Ok(o) => {
                    o.observe(&observed);
                    observer = Some(o);
                    on_resize = Some(report);
                }
                Err(e) => web_sys::console::warn_2(&"cannot follow the page height:".into(), &e),
            }
            if let Some(w) = &window {
                on_message = Some(EventListener::new(w, "message", move |event| {
                    let kind = js_sys::Reflect::get(event, &"data".into())
                        .and_then(|d| js_sys::Reflect::get(&d, &"type".into()))
                        .ok()
                        .and_then(|t| t.as_string());
                    if kind.as_deref() == Some("talentflow:request-height") {
                        post();
                    }
                }));
            }
        }
        move || {
            if let Some(o) = observer {
                o.disconnect();
            }
            drop(on_resize);
            drop(on_message);
        }
    });
}

/// Mark `<body>` with the layout, for the stylesheet.
fn set_body_class(config: &PageConfig) {
    let body = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body());
    if let Some(body) = body {
        if config.embed {
            body.set_class_name("embed");
        }
    }
}

/// Put the shown language on the document: `<html lang>`, the title, and
/// the classes that hide index.html's loading line or show its failure
/// line (the mode classes are kept).
fn show_language(messages: &Messages, ready: bool, failed: bool) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.document_element() else {
        return;
    };
    if ready {
        let _ = root.set_attribute("lang", messages.lang().tag());
        document.set_title(&messages.tr("app-title"));
    }
    let classes = root.class_list();
    let _ = classes.toggle_with_force("loading", !ready && !failed);
    let _ = classes.toggle_with_force("load-failed", !ready && failed);
}

/// Properties of [`App`] (none).
#[derive(Properties, PartialEq, Clone, Default)]
pub struct AppProps {}

/// The whole app.
#[function_component]
pub fn App(_props: &AppProps) -> Html {
    // The address the page was opened with, read once.
    let search = use_memo((), |_| current_search());
    let restored = use_memo((), {
        let search = search.clone();
        move |_| restore(&search, &Catalog::new(Lang::En))
    });
    let config_state = use_state_eq(|| restored.config);
    let config: PageConfig = *config_state;
    let preferred = use_memo((), |_| preferred_lang());
    let lang = config.lang.unwrap_or(*preferred);
    let catalog = use_catalog(lang);
    let ready = catalog.messages.is_some();
    let messages: Messages = catalog
        .messages
        .clone()
        .unwrap_or_else(|| Messages(Rc::new(Catalog::new(lang))));
    // What the address had to mend, said in the language on screen.
    let restored_notices = use_memo(messages.clone(), move |messages| {
        restore(&search, messages).notices
    });
    use_effect_with(
        (messages.clone(), ready, catalog.failed),
        |(messages, ready, failed)| show_language(messages, *ready, *failed),
    );
    let state = {
        let restored = restored.clone();
        use_reducer(move || restored.state.clone())
    };
    let scenario = state.scenario;
    // One model run per change of scenario; never in any other render.
    let run = use_memo(scenario, simulate);
    let baseline = use_memo((), |_| simulate(&Scenario::baseline()));
    let pin_runs: Rc<Vec<Rc<Run>>> = (*use_memo(state.pins.clone(), |pins| {
        Rc::new(
            pins.iter()
                .map(|p| Rc::new(simulate(&p.scenario)))
                .collect::<Vec<_>>(),
        )
    }))
    .clone();
    let pin_names: Rc<Vec<String>> =
        Rc::new(state.pins.iter().map(|p| pin_name(&messages, p)).collect());
    let layout = use_layout();
    let bands = use_bands(scenario, state.bands);
    let model_open = use_state(|| false);
    let ledger_open = use_state(|| false);
    let sources = use_memo(messages.clone(), |m| AttrValue::from(sources_markup(m)));
    let full_query = state_query(&state, &PageConfig::default());
    use_address(state_query(&state, &config));
    use_effect_with(config, |config| {
        set_body_class(config);
        super::lang_switch::apply_display(config.high_contrast, config.large_text)
    });
    // Once the text is there: a frame out of view hears no resizes.
    use_report_height(config.embed && ready);

    let on_action = {
        let dispatcher = state.dispatcher();
        use_callback(dispatcher, |action: Action, dispatcher| {
            dispatcher.dispatch(action)
        })
    };
    use_undo_keys(on_action.clone());
    // The host API: an embed hears its article and announces its state.
    crate::host::use_host(
        config.embed && ready,
        &state,
        &run,
        messages.lang(),
        &config_state,
        &on_action,
    );
    let story_pack = super::guide::use_story_pack(&state, &catalog.loader);
    // The series and years the open story step points at, drawn on its chart.
    let story_highlight = state
        .story
        .and_then(|i| talentflow_model::story::STORY.get(i))
        .map(|step| {
            (
                step.highlight.series,
                step.highlight.from,
                step.highlight.to,
            )
        });
    let dismissed = use_state(|| false);
    let handout_kept = use_mut_ref(|| None::<Html>);
    let share_state = use_share_state();
    let keep_state = use_keep_state();
    // What lies below the first screen (the assumptions, what changed,
    // bands, comparison, sharing, export, evidence, model, sources and the
    // printed handout) is rendered once the charts have been drawn and
    // painted: a first visit's charts come sooner on a slow phone
    // (docs/benchmarks.md). Then the page goes to the address's
    // `#fragment`, which the browser looked for before any of it existed.
    let below = use_state(|| false);
    {
        let set_below = below.clone();
        use_effect_with((ready, *below), move |&(ready, below)| {
            if below {
                scroll_to_fragment();
            } else if ready {
                after_next_paint(move || set_below.set(true));
            }
        });
    }
    let show_below = *below;
    // The chart the reader picked for beside the sliders (narrow screens
    // and the embed).
    let dock_pick = use_state_eq(|| None::<usize>);
    let on_dock_pick = {
        let dock_pick = dock_pick.clone();
        Callback::from(move |i: usize| dock_pick.set(Some(i)))
    };
    if !ready {
        // index.html's own line says the page is loading, or could not.
        return html! {};
    }
    let loader: PackLoader = catalog.loader.clone();
    let lang_switch = html! {
        <div class="page-tools">
            { super::lang_switch::lang_switch(&messages, &config_state) }
            { super::lang_switch::display_toggles(&messages, &config_state) }
        </div>
    };
    let notice_list = notices(
        &NoticesProps {
            notices: restored_notices.clone(),
        },
        &messages,
        &dismissed,
    );
    let slider = |group: Group| -> Html {
        PARAMS
            .iter()
            .filter(|p| p.kind == Kind::Lever && p.group == group)
            .filter(|p| config.only.is_none_or(|id| id == p.id))
            .map(|p| {
                html! {
                    <Slider
                        key={p.key}
                        id={p.id}
                        value={scenario.get(p.id)}
                        on_action={on_action.clone()}
                        locked={config.locked}
                        highlighted={config.only == Some(p.id)}
                    />
                }
            })
            .collect()
    };
    let changed = scenario.changed().count();
    let status = if changed == 0 {
        messages.tr("app-scenario-baseline")
    } else {
        messages.format("app-scenario-changed", &[("count", &changed.to_string())])
    };
    let show_baseline = changed > 0;
    let difference = state.view == ChartView::Difference;
    let presets = preset_picker(
        &PresetPickerProps {
            preset: state.preset,
            modified: state.is_modified(),
            matching: state.matching_preset(),
            on_action: on_action.clone(),
            compact: config.embed,
        },
        &messages,
    );
    // Where the stylesheet shows the compact chart (www/style.css).
    let docked = config.embed || layout.width < 960.0;
    let panel = |desc: &'static crate::chart::ChartDesc, compact: bool| {
        html! {
            <ChartPanel
                key={if compact { "dock" } else { desc.name }}
                desc={desc}
                run={run.clone()}
                baseline={baseline.clone()}
                {show_baseline}
                {layout}
                pins={pin_runs.clone()}
                pin_names={pin_names.clone()}
                {difference}
                bands={bands.clone()}
                highlight={story_highlight}
                settled={state.last_moved.is_none()}
                {compact}
                {docked}
            />
        }
    };
    let charts = html! {
        <section class="charts" aria-labelledby="charts-heading">
            <h2 id="charts-heading" class="visually-hidden">{ messages.tr("app-charts-heading") }</h2>
            { for CHARTS.iter().map(|desc| panel(desc, false)) }
        </section>
    };
    // The reader's pick, else the chart an open story step points at,
    // else the one the sliders move most.
    let story_chart = story_highlight.and_then(|(series, _, _)| {
        CHARTS
            .iter()
            .position(|d| d.lines.iter().any(|l| l.series == series))
    });
    let dock_shown = dock_pick.or(story_chart).unwrap_or(super::dock::MOVED_MOST);
    let dock = super::dock::dock(
        &messages,
        dock_shown,
        &on_dock_pick,
        panel(CHARTS[dock_shown], true),
    );
    // The advanced sliders: in the embed only the one a link singles out,
    // on the page below the first screen.
    let advanced = if config.embed && config.only.is_some() || !config.embed && show_below {
        slider(Group::Advanced)
    } else {
        Html::default()
    };
    let first = FirstScreen {
        state: &state,
        messages: &messages,
        run: &run,
        baseline: &baseline,
        on_action: &on_action,
        story_pack,
        notice_list,
        lang_switch,
        presets,
        dock,
        charts,
        main_sliders: slider(Group::Main),
        advanced,
        status,
    };
    if config.embed {
        return embed_layout(first, &loader, config.locked, &share_url(&full_query));
    }
    let below = show_below.then(|| {
        html! {
            <>
                { below_page(&messages, scenario, &ledger_open, &loader, &baseline, &model_open, &sources) }
                { kept_handout(&handout_kept, &state, &messages) }
            </>
        }
    });
    let below_controls = below.is_some().then(|| {
        below_controls(&Below {
            state: &state,
            messages: &messages,
            run: &run,
            baseline: &baseline,
            pin_runs: &pin_runs,
            bands: &bands,
            on_action: &on_action,
            full_query: &full_query,
            share_state: &share_state,
            keep_state: &keep_state,
        })
    });
    page_layout(first, &loader, below_controls, below)
}

/// What both layouts show on the first screen, built once.
struct FirstScreen<'a> {
    state: &'a AppState,
    messages: &'a Messages,
    run: &'a Rc<Run>,
    baseline: &'a Rc<Run>,
    on_action: &'a Callback<Action>,
    story_pack: bool,
    notice_list: Html,
    lang_switch: Html,
    presets: Html,
    dock: Html,
    charts: Html,
    main_sliders: Html,
    advanced: Html,
    status: String,
}

/// A button that sends `action`.
fn action_button(
    on_action: &Callback<Action>,
    messages: &Messages,
    id: &'static str,
    key: &str,
    action: Action,
    enabled: bool,
) -> Html {
    let on_action = on_action.clone();
    let onclick = Callback::from(move |_: MouseEvent| on_action.emit(action));
    html! { <button {id} type="button" {onclick} disabled={!enabled}>{ messages.tr(key) }</button> }
}

// The two layouts are kept apart from each other and from the App's own
// code (`inline(never)`): a first visit compiles only the one it shows
// (see below_controls).

/// The embed's layout: charts first, the headline sliders, a link to the
/// full page.
#[inline(never)]
fn embed_layout(f: FirstScreen, loader: &PackLoader, locked: bool, full_link: &str) -> Html {
    let FirstScreen {
        state,
        messages,
        run,
        on_action,
        story_pack,
        ..
    } = f;
    html! {
        <ContextProvider<Messages> context={messages.clone()}><ContextProvider<PackLoader> context={loader.clone()}>
            <main class="layout embed-layout">
                <h1 class="embed-title">{ messages.tr("app-title") }</h1>
                { f.notice_list }
                { super::guide::guide(state, run, on_action, messages, true, story_pack) }
                { f.charts }
                <section class="controls" aria-labelledby="controls-heading">
                    <h2 id="controls-heading" class="visually-hidden">{ messages.tr("app-controls-heading") }</h2>
                    { f.presets }
                    { f.dock }
                    { f.main_sliders }
                    { f.advanced }
                    <div class="scenario-status">
                        <p id="scenario-status" role="status">{ f.status }</p>
                        { for (!locked).then(|| action_button(on_action, messages, "reset", "app-reset", Action::Reset, true)) }
                    </div>
                </section>
                <footer class="page-footer">
                    <p>
                        <a href={full_link.to_string()} target="_blank" rel="noopener">{ messages.tr("app-open-full") }</a>{ " " }
                        { messages.tr("app-privacy") }{ " " }{ messages.format("app-model-version", &[("version", MODEL_VERSION)]) }
                    </p>
                    { f.lang_switch }
                </footer>
            </main>
        </ContextProvider<PackLoader>></ContextProvider<Messages>>
    }
}

/// The page's layout: the header, the controls beside the charts, and
/// (once the charts have been drawn) what lies below the first screen.
#[inline(never)]
fn page_layout(
    f: FirstScreen,
    loader: &PackLoader,
    below_controls: Option<Html>,
    below: Option<Html>,
) -> Html {
    let FirstScreen {
        state,
        messages,
        run,
        baseline,
        on_action,
        story_pack,
        ..
    } = f;
    html! {
        <ContextProvider<Messages> context={messages.clone()}><ContextProvider<PackLoader> context={loader.clone()}>
            <header class="page-header">
                { f.lang_switch }
                <h1>{ messages.tr("app-title") }</h1>
                <p class="subtitle">{ messages.tr("app-subtitle") }</p>
            </header>
            { f.notice_list }
            <main class="layout">
                <section class="controls" aria-labelledby="controls-heading">
                    <h2 id="controls-heading">{ messages.tr("app-controls-heading") }</h2>
                    { f.dock }
                    { super::guide::guide(state, run, on_action, messages, false, story_pack) }
                    { f.presets }
                    <p class="intro">{ messages.tr("app-controls-intro") }</p>
                    { f.main_sliders }
                    // On a phone the charts are below the fold: say at once
                    // what the sliders just did (hidden beside the charts).
                    <div class="headline" id="scenario-headline">
                        <p>{ summary(messages, &RETENTION, run, baseline) }</p>
                        <p>{ summary(messages, &WHERE, run, baseline) }</p>
                        <a href="#chart-retention-title">{ messages.tr("app-see-charts") }</a>
                    </div>
                    if below.is_some() {
                        <details id="advanced">
                            <summary>{ messages.tr("app-advanced") }</summary>
                            { f.advanced }
                        </details>
                    }
                    <div class="scenario-status">
                        <p id="scenario-status" role="status">{ f.status }</p>
                        <div class="history" role="group" aria-label={messages.tr("app-history-label")}>
                            { action_button(on_action, messages, "undo", "app-undo", Action::Undo, state.can_undo()) }
                            { action_button(on_action, messages, "redo", "app-redo", Action::Redo, state.can_redo()) }
                            { action_button(on_action, messages, "reset", "app-reset", Action::Reset, true) }
                        </div>
                    </div>
                    { below_controls.unwrap_or_default() }
                </section>
                { f.charts }
            </main>
            { below.unwrap_or_default() }
        </ContextProvider<PackLoader>></ContextProvider<Messages>>
    }
}
// What the page renders below its first screen comes after the charts'
// first drawing (`below` in the App's view). Its builders are kept out of
// the view's own code (`inline(never)`): the browser compiles a wasm
// function the first time it runs, so what is inlined into the view is
// compiled before the first drawing, whether it runs then or not
// (docs/benchmarks.md).

/// What the controls' column shows below the first screen: what changed,
/// the bands' checkbox, comparison, sharing and keeping.
struct Below<'a> {
    state: &'a AppState,
    messages: &'a Messages,
    run: &'a Rc<Run>,
    baseline: &'a Rc<Run>,
    pin_runs: &'a Rc<Vec<Rc<Run>>>,
    bands: &'a Option<Rc<Bands>>,
    on_action: &'a Callback<Action>,
    full_query: &'a str,
    share_state: &'a ShareState,
    keep_state: &'a KeepState,
}

#[inline(never)]
fn below_controls(b: &Below) -> Html {
    let (state, messages, on_action, scenario) =
        (b.state, b.messages, b.on_action, b.state.scenario);
    html! {
        <>
            <super::why_changed::WhyChanged {scenario} />
            { bands_toggle(&BandsToggleProps { on: state.bands, kept: b.bands.as_ref().map(|b| b.kept()), on_action: on_action.clone() }, messages) }
            { compare(&CompareProps { pins: state.pins.clone(), view: state.view, scenario, on_action: on_action.clone() }, messages) }
            { share(&ShareProps { query: b.full_query.to_string(), state_query: b.full_query.to_string() }, messages, b.share_state) }
            { keep(
                &KeepProps {
                    scenario,
                    preset: state.preset,
                    run: b.run.clone(),
                    baseline: b.baseline.clone(),
                    pins: b.pin_runs.clone(),
                    difference: state.view == ChartView::Difference,
                    query: b.full_query.to_string(),
                    bands: b.bands.clone(),
                    on_action: on_action.clone(),
                },
                messages,
                b.keep_state,
            ) }
        </>
    }
}

/// The page below the charts: the evidence, the model, the sources and
/// the footer.
#[inline(never)]
fn below_page(
    messages: &Messages,
    scenario: Scenario,
    ledger_open: &UseStateHandle<bool>,
    loader: &PackLoader,
    baseline: &Run,
    model_open: &UseStateHandle<bool>,
    sources: &AttrValue,
) -> Html {
    html! {
        <>
            { super::evidence::evidence(messages, scenario, ledger_open) }
            { super::model_page::model_page(messages, loader, baseline, model_open) }
            { Html::from_html_unchecked(sources.clone()) }
            <footer class="page-footer">
                <p>{ messages.tr("app-privacy") }{ " " }{ messages.format("app-model-version", &[("version", MODEL_VERSION)]) }</p>
            </footer>
        </>
    }
}

/// The printed handout, rebuilt when a drag ends (its markup is rebuilt
/// whole, which would cost about a millisecond of every redraw).
#[inline(never)]
fn kept_handout(kept: &RefCell<Option<Html>>, state: &AppState, messages: &Messages) -> Html {
    let mut kept = kept.borrow_mut();
    if state.last_moved.is_none() || kept.is_none() {
        let link = share_url(&state_query(
            state,
            &PageConfig {
                lang: Some(messages.lang()),
                ..PageConfig::default()
            },
        ));
        *kept = Some(super::handout::handout(state, &link, messages));
    }
    kept.clone().unwrap_or_default()
}
