//! The web app in a real browser (wasm-bindgen-test, headless Chromium):
//! what readers and the end-to-end tests rely on.
//!
//! Run: `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
//! CHROMEDRIVER=$(which chromedriver) cargo test --target wasm32-unknown-unknown -p talentflow-web`
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;
use talentflow_messages::{Catalog, Lang};
use talentflow_model::{simulate, Group, Kind, ParamId, Scale, Scenario, FACTS, PARAMS};
use talentflow_web::chart::{ChartDesc, Compare};
use talentflow_web::charts::{chart_text, CHARTS, INFLOW, RETENTION};
use talentflow_web::citations::cited_fact_ids;
use talentflow_web::components::app::App;
use talentflow_web::components::chart_panel::draw_on_canvas;
use talentflow_web::components::slider::{
    log_track_position, Slider, SliderProps, LOG_TRACK_STEP, LOG_TRACK_STEPS,
};
use talentflow_web::export::scenario_csv;
use talentflow_web::state::{Action, AppState};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement, HtmlInputElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document")
}

/// A fresh element attached to the page, to render into.
fn mount_point() -> Element {
    let doc = document();
    let div = doc.create_element("div").expect("create div");
    doc.body()
        .expect("body")
        .append_child(&div)
        .expect("attach div");
    div
}

/// Waits until the browser has painted a frame and run a task after it,
/// then for Yew's renders: the page renders what lies below the first
/// screen only then.
async fn after_paint() {
    let (painted, frame) = futures_channel::oneshot::channel();
    let _frame = gloo_render::request_animation_frame(move |_| {
        let _ = painted.send(());
    });
    frame.await.expect("an animation frame");
    gloo_timers::future::TimeoutFuture::new(0).await;
    yew::scheduler::flush().await;
}

fn levers() -> impl Iterator<Item = &'static talentflow_model::ParamSpec> {
    PARAMS
        .iter()
        .filter(|p| p.kind == Kind::Lever && p.group != Group::Internal)
}

// --- The reducer -----------------------------------------------------------

#[wasm_bindgen_test]
fn a_slider_value_beyond_its_range_is_clamped_to_the_parameter_table() {
    let state = AppState::default();
    for spec in levers() {
        let high = state.apply(Action::Set {
            id: spec.id,
            value: spec.max * 10.0 + 1.0,
        });
        assert_eq!(high.scenario.get(spec.id), spec.max, "{}", spec.key);
        let low = state.apply(Action::Set {
            id: spec.id,
            value: spec.min - 1000.0,
        });
        assert_eq!(low.scenario.get(spec.id), spec.min, "{}", spec.key);
        let nan = state.apply(Action::Set {
            id: spec.id,
            value: f64::NAN,
        });
        assert_eq!(nan.scenario.get(spec.id), spec.default, "{}", spec.key);
    }
}

#[wasm_bindgen_test]
fn a_log_slider_position_maps_through_the_tables_scale() {
    let state = AppState::default();
    let id = ParamId::ComputeRatio;
    assert_eq!(id.spec().scale, Scale::Log);
    let end = state.apply(Action::SetPosition { id, position: 1.0 });
    assert_eq!(end.scenario.get(id), id.spec().max);
    let start = state.apply(Action::SetPosition { id, position: 0.0 });
    assert_eq!(start.scenario.get(id), id.spec().min);
    let middle = state.apply(Action::SetPosition { id, position: 0.5 });
    assert_eq!(middle.scenario.get(id), id.spec().value_from_position(0.5));
    // Half way on a 1-100 log track is 10, not 50.
    assert_eq!(middle.scenario.get(id), 10.0);
}

#[wasm_bindgen_test]
fn reset_returns_every_parameter_to_the_baseline() {
    let mut state = AppState::default();
    for spec in levers() {
        state = state.apply(Action::Set {
            id: spec.id,
            value: spec.max,
        });
    }
    assert!(!state.scenario.is_baseline());
    let reset = state.apply(Action::Reset);
    assert!(reset.scenario.is_baseline());
    assert_eq!(reset.scenario, Scenario::baseline());
}

#[wasm_bindgen_test]
fn an_input_that_does_not_move_the_value_keeps_the_same_state() {
    use yew::Reducible;
    let state = Rc::new(AppState::default());
    let id = ParamId::VisaRestrictions;
    let same = state.clone().reduce(Action::Set {
        id,
        value: id.spec().default,
    });
    assert!(
        Rc::ptr_eq(&state, &same),
        "no new state, so no re-render and no model run"
    );
    let moved = state.clone().reduce(Action::Set {
        id,
        value: id.spec().default + 1.0,
    });
    assert!(!Rc::ptr_eq(&state, &moved));
}

// --- The slider ------------------------------------------------------------

#[wasm_bindgen_test]
async fn every_lever_renders_a_labelled_range_input_with_the_tables_range() {
    let catalog = Catalog::load(Lang::En);
    for spec in levers() {
        let root = mount_point();
        let props = SliderProps {
            id: spec.id,
            value: spec.default,
            on_action: Callback::noop(),
            locked: false,
            highlighted: false,
        };
        yew::Renderer::<Slider>::with_root_and_props(root.clone(), props).render();
        yew::scheduler::flush().await;

        let input_id = format!("param-{}", spec.key);
        let input: HtmlInputElement = root
            .query_selector(&format!("input#{input_id}"))
            .unwrap()
            .unwrap_or_else(|| panic!("{}: no input", spec.key))
            .dyn_into()
            .unwrap();
        assert_eq!(input.type_(), "range");
        let (min, max, step) = match spec.scale {
            Scale::Linear => (spec.min, spec.max, spec.step),
            Scale::Log => (0.0, LOG_TRACK_STEPS, LOG_TRACK_STEP),
        };
        assert_eq!(input.min().parse::<f64>().unwrap(), min, "{} min", spec.key);
        assert_eq!(input.max().parse::<f64>().unwrap(), max, "{} max", spec.key);
        assert_eq!(
            input.step().parse::<f64>().unwrap(),
            step,
            "{} step",
            spec.key
        );
        // The browser did not clamp the default into a wrong range.
        let expected = match spec.scale {
            Scale::Linear => spec.default,
            Scale::Log => log_track_position(spec.id, spec.default),
        };
        assert_eq!(input.value_as_number(), expected, "{} value", spec.key);

        let label = root
            .query_selector(&format!("label[for={input_id}]"))
            .unwrap()
            .unwrap_or_else(|| panic!("{}: no label", spec.key));
        let label_text = label.text_content().unwrap_or_default();
        assert_eq!(label_text, catalog.text(&spec.label_key()));
        assert!(
            !label_text.starts_with('['),
            "{}: label message missing",
            spec.key
        );

        let output = root
            .query_selector(&format!("output#{input_id}-value"))
            .unwrap()
            .expect("output");
        let shown = output.text_content().unwrap_or_default();
        assert!(
            shown.chars().any(|c| c.is_ascii_digit()),
            "{}: shown value {shown:?}",
            spec.key
        );
        let spoken = input.get_attribute("aria-valuetext").unwrap_or_default();
        assert!(
            spoken.chars().any(|c| c.is_ascii_digit()) && spoken.contains(' '),
            "{}: {spoken:?}",
            spec.key
        );
        root.remove();
    }
}

#[wasm_bindgen_test]
async fn the_main_sliders_labels_name_visa_funding_and_compute() {
    let catalog = Catalog::load(Lang::En);
    let main: Vec<_> = PARAMS.iter().filter(|p| p.group == Group::Main).collect();
    assert_eq!(main.len(), 3);
    for (spec, word) in main.iter().zip(["visa", "funding", "compute"]) {
        let label = catalog.text(&spec.label_key()).to_lowercase();
        assert!(label.contains(word), "{}: {label}", spec.key);
    }
}

#[wasm_bindgen_test]
async fn an_input_event_while_dragging_sends_the_new_value() {
    let received: Rc<RefCell<Vec<Action>>> = Rc::default();
    let sink = received.clone();
    let root = mount_point();
    let id = ParamId::ComputeRatio;
    let props = SliderProps {
        id,
        value: id.spec().default,
        on_action: Callback::from(move |a: Action| sink.borrow_mut().push(a)),
        locked: false,
        highlighted: false,
    };
    yew::Renderer::<Slider>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let input: HtmlInputElement = root
        .query_selector("input#param-compute_ratio")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    input.set_value("1000");
    let event = web_sys::Event::new_with_event_init_dict("input", &{
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        init
    })
    .unwrap();
    input.dispatch_event(&event).unwrap();
    assert_eq!(
        *received.borrow(),
        vec![Action::SetPosition { id, position: 1.0 }]
    );
    root.remove();
}

// --- Charts ------------------------------------------------------------------

fn canvas(width: u32, height: u32) -> HtmlCanvasElement {
    let c: HtmlCanvasElement = document()
        .create_element("canvas")
        .unwrap()
        .dyn_into()
        .unwrap();
    c.set_attribute(
        "style",
        &format!("width:{width}px;height:{height}px;display:block"),
    )
    .unwrap();
    document().body().unwrap().append_child(&c).unwrap();
    c
}

fn pixels(c: &HtmlCanvasElement) -> Vec<u8> {
    let ctx: CanvasRenderingContext2d = c.get_context("2d").unwrap().unwrap().dyn_into().unwrap();
    ctx.get_image_data(0.0, 0.0, f64::from(c.width()), f64::from(c.height()))
        .unwrap()
        .data()
        .to_vec()
}

fn inked_share(px: &[u8]) -> f64 {
    let non_white = px
        .chunks(4)
        .filter(|p| p[0] < 250 || p[1] < 250 || p[2] < 250)
        .count();
    non_white as f64 / (px.len() / 4) as f64
}

fn draw(c: &HtmlCanvasElement, desc: &ChartDesc, scenario: &Scenario, with_baseline: bool) {
    let catalog = Catalog::load(Lang::En);
    let run = simulate(scenario);
    let baseline = simulate(&Scenario::baseline());
    let drawn = draw_on_canvas(
        c,
        desc,
        &chart_text(&catalog, desc),
        &run,
        with_baseline.then_some(&baseline),
        &Compare::default(),
        None,
    )
    .expect("drawing succeeds");
    assert!(drawn);
}

#[wasm_bindgen_test]
fn every_chart_draws_curves_onto_its_canvas() {
    for desc in CHARTS {
        let c = canvas(320, 200);
        let blank = pixels(&c);
        draw(&c, desc, &Scenario::baseline(), false);
        let drawn = pixels(&c);
        assert_ne!(blank, drawn, "{}: pixels changed", desc.name);
        let share = inked_share(&drawn);
        assert!(
            share > 0.03,
            "{}: only {:.1}% of pixels drawn",
            desc.name,
            share * 100.0
        );
        c.remove();
    }
}

#[wasm_bindgen_test]
fn moving_a_lever_redraws_the_chart_differently() {
    // Both drawings without the baseline's reference curve: only the
    // lever's new run can make them differ.
    let c = canvas(320, 200);
    draw(&c, &RETENTION, &Scenario::baseline(), false);
    let before = pixels(&c);
    draw(&c, &RETENTION, &Scenario::baseline(), false);
    assert_eq!(
        before,
        pixels(&c),
        "the same scenario draws the same pixels"
    );
    let mut changed = Scenario::baseline();
    changed.set(ParamId::VisaRestrictions, 90.0).unwrap();
    changed.set(ParamId::ChinaAiFunding, 8.0).unwrap();
    draw(&c, &RETENTION, &changed, false);
    assert_ne!(before, pixels(&c), "the moved levers' run is drawn");
    c.remove();
}

#[wasm_bindgen_test]
fn the_canvas_backing_store_follows_the_device_pixel_ratio() {
    let c = canvas(300, 180);
    draw(&c, &INFLOW, &Scenario::baseline(), false);
    let ratio = web_sys::window().unwrap().device_pixel_ratio();
    assert_eq!(c.width(), (300.0 * ratio).round() as u32);
    assert_eq!(c.height(), (180.0 * ratio).round() as u32);
    c.remove();
}

// --- The JavaScript API ------------------------------------------------------

fn settings(pairs: &[(&str, f64)]) -> JsValue {
    let object = js_sys::Object::new();
    for (k, v) in pairs {
        js_sys::Reflect::set(&object, &JsValue::from_str(k), &JsValue::from_f64(*v)).unwrap();
    }
    object.into()
}

fn error_message(e: JsValue) -> String {
    e.dyn_into::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn scenario_csv_refuses_an_unknown_key_with_the_models_message() {
    let err =
        scenario_csv(settings(&[("visa_restriction", 60.0)])).expect_err("unknown key refused");
    let expected = talentflow_model::ParamError::UnknownKey {
        key: "visa_restriction".into(),
    }
    .to_string();
    assert_eq!(error_message(err), expected);
}

#[wasm_bindgen_test]
fn scenario_csv_refuses_a_value_out_of_range_with_the_models_message() {
    let err =
        scenario_csv(settings(&[("visa_restrictions", 95.0)])).expect_err("out of range refused");
    let expected = Scenario::baseline()
        .set_from_text("visa_restrictions", "95")
        .unwrap_err()
        .to_string();
    assert_eq!(error_message(err), expected);
}

#[wasm_bindgen_test]
fn scenario_csv_gives_the_models_csv_for_the_settings() {
    let baseline = scenario_csv(settings(&[])).unwrap();
    assert_eq!(baseline, simulate(&Scenario::baseline()).to_csv());
    assert_eq!(scenario_csv(JsValue::UNDEFINED).unwrap(), baseline);
    let csv = scenario_csv(settings(&[
        ("visa_restrictions", 60.0),
        ("compute_ratio", 20.0),
    ]))
    .unwrap();
    let mut expected = Scenario::baseline();
    expected.set(ParamId::VisaRestrictions, 60.0).unwrap();
    expected.set(ParamId::ComputeRatio, 20.0).unwrap();
    assert_eq!(csv, simulate(&expected).to_csv());
    assert_ne!(csv, baseline);
}

// --- Sources and the whole page ---------------------------------------------

#[wasm_bindgen_test]
fn every_cited_fact_is_a_row_of_the_evidence_table() {
    let ids = cited_fact_ids();
    assert!(ids.contains(&"C03"), "the Carnegie study is cited");
    for id in ids {
        assert!(
            FACTS.iter().any(|f| f.id == id),
            "{id} is not in data/facts.csv"
        );
    }
}

// The bundle carries only the facts whose id the source names (the model
// crate's `app-facts` feature): every source any table can show a reader
// (parameters in the ledger, observed points, presets, calibration
// targets and held-out figures, story steps, challenge cards) is there.
#[wasm_bindgen_test]
fn every_source_a_table_names_is_in_the_bundles_evidence_table() {
    use talentflow_model::{challenges::CHALLENGES, story::STORY, validation::HELD_OUT};
    use talentflow_model::{OBSERVATIONS, PRESETS, TARGETS};
    let named = PARAMS
        .iter()
        .flat_map(|p| p.sources.iter())
        .chain(OBSERVATIONS.iter().flat_map(|o| o.sources.iter()))
        .chain(PRESETS.iter().flat_map(|p| p.sources.iter()))
        .chain(
            TARGETS
                .iter()
                .chain(HELD_OUT.iter())
                .flat_map(|t| t.sources.iter()),
        )
        .chain(STORY.iter().flat_map(|s| s.sources.iter()))
        .chain(CHALLENGES.iter().flat_map(|c| c.sources.iter()));
    let mut count = 0;
    for id in named {
        count += 1;
        assert!(
            talentflow_model::fact(id).is_some(),
            "{id} is named by a table but not in the bundle's evidence table"
        );
    }
    assert!(count > 50, "the tables name their sources ({count})");
    // One line a row (no field spans lines), after the header.
    let rows = include_str!("../data/facts.csv").lines().count() - 1;
    assert!(
        FACTS.len() < rows,
        "the bundle leaves out the facts nothing cites ({} of {rows} rows)",
        FACTS.len()
    );
}

#[wasm_bindgen_test]
async fn the_page_shows_three_charts_the_main_sliders_reset_and_sources() {
    let root = mount_point();
    yew::Renderer::<App>::with_root(root.clone()).render();
    yew::scheduler::flush().await;
    // The first screen first: nothing below it until the charts are painted.
    assert!(root.query_selector("section#sources").unwrap().is_none());
    after_paint().await;
    for name in ["retention", "inflow", "where"] {
        let c = root
            .query_selector(&format!("canvas#chart-{name}"))
            .unwrap()
            .expect("canvas");
        assert_eq!(c.get_attribute("role").as_deref(), Some("img"));
        assert!(c
            .get_attribute("aria-label")
            .is_some_and(|l| !l.is_empty() && !l.starts_with('[')));
        let summary = root
            .query_selector(&format!("p#chart-{name}-summary"))
            .unwrap()
            .expect("summary");
        let text = summary.text_content().unwrap_or_default();
        assert!(
            text.contains("2035") && !text.contains('['),
            "{name}: {text}"
        );
    }
    for key in ["visa_restrictions", "china_ai_funding", "compute_ratio"] {
        assert!(root
            .query_selector(&format!("input#param-{key}"))
            .unwrap()
            .is_some());
    }
    let advanced = root
        .query_selector("details#advanced")
        .unwrap()
        .expect("advanced");
    // One slider for each parameter of the table's "advanced" group.
    let advanced_params = PARAMS.iter().filter(|p| p.group == Group::Advanced).count();
    assert!(advanced_params >= 5, "the advanced group has its levers");
    assert_eq!(
        advanced
            .query_selector_all("input[type=range]")
            .unwrap()
            .length() as usize,
        advanced_params
    );
    assert!(root.query_selector("button#reset").unwrap().is_some());
    let sources = root
        .query_selector("section#sources")
        .unwrap()
        .expect("sources");
    for id in cited_fact_ids() {
        assert!(
            sources
                .query_selector(&format!("li#fact-{id}"))
                .unwrap()
                .is_some(),
            "{id}"
        );
    }
    // Every in-page link points at an element that exists.
    let links = root.query_selector_all("a[href^='#']").unwrap();
    for i in 0..links.length() {
        let href = links
            .item(i)
            .unwrap()
            .dyn_into::<Element>()
            .unwrap()
            .get_attribute("href")
            .unwrap();
        assert!(
            document().get_element_by_id(&href[1..]).is_some(),
            "dangling link {href}"
        );
    }
    root.remove();
}

#[wasm_bindgen_test]
fn the_no_script_message_in_index_html_is_the_catalogs() {
    let catalog = Catalog::load(Lang::En);
    let html = include_str!("../index.html");
    assert!(
        html.contains(catalog.text("app-noscript").as_ref()),
        "index.html <noscript> differs from app-noscript"
    );
}

#[wasm_bindgen_test]
fn every_message_the_app_uses_exists_in_english() {
    let catalog = Catalog::load(Lang::En);
    let mut keys: Vec<String> = vec![];
    for desc in CHARTS {
        for part in ["title", "aria", "y", "summary"] {
            keys.push(desc.key(part));
        }
        keys.extend(desc.lines.iter().map(|l| l.legend_key.to_string()));
    }
    for spec in levers() {
        keys.push(spec.label_key());
        keys.push(spec.help_key());
        keys.push(format!("value-{}", spec.unit.code()));
        keys.push(format!("valuetext-{}", spec.unit.code()));
    }
    for key in keys {
        assert!(catalog.has(&key), "missing message {key}");
    }
}

#[wasm_bindgen_test]
fn arrow_keys_on_a_log_slider_move_its_value_within_a_few_presses() {
    // Values on a log track are rounded to two significant digits, so not
    // every step changes the value; a keyboard user must still see it
    // move at least every fourth press, and never backwards.
    for spec in PARAMS
        .iter()
        .filter(|p| p.kind == Kind::Lever && p.scale == Scale::Log)
    {
        let mut track = 0.0;
        let mut last = spec.value_from_position(0.0);
        let mut presses_without_change = 0;
        while track < LOG_TRACK_STEPS {
            track += LOG_TRACK_STEP;
            let value = spec.value_from_position(track / LOG_TRACK_STEPS);
            assert!(
                value >= last,
                "{}: track {track} goes back to {value}",
                spec.key
            );
            presses_without_change = if value == last {
                presses_without_change + 1
            } else {
                0
            };
            assert!(
                presses_without_change <= 3,
                "{}: stuck at {value} around track {track}",
                spec.key
            );
            last = value;
        }
        assert_eq!(last, spec.max);
    }
}

// --- Presets, undo, comparison and the address -------------------------------

mod scenarios {
    use super::*;
    use talentflow_model::PRESETS;
    use talentflow_web::state::{ChartView, MAX_PINS};
    use talentflow_web::url::{restore, state_query, PageConfig};

    #[wasm_bindgen_test]
    fn a_preset_sets_its_values_and_a_slider_move_marks_it_modified() {
        let state = AppState::default().apply(Action::ApplyPreset(2));
        assert_eq!(state.scenario, PRESETS[2].scenario());
        assert_eq!(state.matching_preset(), Some(2));
        assert!(!state.is_modified());
        let moved = state.apply(Action::Set {
            id: ParamId::PayGap,
            value: 5.0,
        });
        assert!(moved.is_modified());
        assert_eq!(moved.preset, Some(2));
        assert_eq!(moved.matching_preset(), None);
        assert_eq!(
            AppState::default().apply(Action::ApplyPreset(99)),
            AppState::default()
        );
    }

    #[wasm_bindgen_test]
    fn a_drag_is_one_undo_step_and_redo_returns_it() {
        let id = ParamId::VisaRestrictions;
        let mut state = AppState::default();
        for v in [31.0, 35.0, 40.0, 50.0] {
            state = state.apply(Action::Set { id, value: v });
        }
        state = state.apply(Action::EndDrag);
        state = state.apply(Action::Set { id, value: 60.0 });
        assert_eq!(state.undo.len(), 2, "two drags, two steps");
        let undone = state.apply(Action::Undo);
        assert_eq!(undone.scenario.get(id), 50.0);
        let undone = undone.apply(Action::Undo);
        assert!(undone.scenario.is_baseline());
        assert!(!undone.can_undo());
        let redone = undone.apply(Action::Redo).apply(Action::Redo);
        assert_eq!(redone.scenario.get(id), 60.0);
        assert!(!redone.can_redo());
        // A new change after an undo drops what could be redone.
        let branched = state.apply(Action::Undo).apply(Action::ApplyPreset(1));
        assert!(!branched.can_redo());
    }

    #[wasm_bindgen_test]
    fn at_most_three_distinct_pins() {
        let mut state = AppState::default();
        for i in 1..=5 {
            state = state.apply(Action::ApplyPreset(i)).apply(Action::Pin);
        }
        assert_eq!(state.pins.len(), MAX_PINS);
        let again = state.apply(Action::Unpin(0)).apply(Action::Pin);
        assert_eq!(again.pins.len(), MAX_PINS);
        assert_eq!(
            again.apply(Action::Pin).pins,
            again.pins,
            "the same scenario is pinned once"
        );
        assert_eq!(state.apply(Action::Unpin(7)), state);
    }

    #[wasm_bindgen_test]
    fn the_address_round_trips_every_part_of_the_state() {
        let catalog = Catalog::load(Lang::En);
        let mut state = AppState::default()
            .apply(Action::ApplyPreset(3))
            .apply(Action::Pin)
            .apply(Action::Set {
                id: ParamId::ChinaAiFunding,
                value: 0.55,
            })
            .apply(Action::Pin)
            .apply(Action::SetView(ChartView::Difference));
        state = state.apply(Action::Set {
            id: ParamId::UsResearchFunding,
            value: 0.65,
        });
        let config = PageConfig {
            embed: true,
            locked: true,
            only: Some(ParamId::ComputeRatio),
            lang: Some(Lang::Zh),
            high_contrast: true,
            large_text: true,
        };
        let query = state_query(&state, &config);
        let restored = restore(&query, &catalog);
        assert_eq!(restored.notices, Vec::<String>::new(), "{query}");
        assert_eq!(restored.config, config);
        assert_eq!(restored.state.scenario, state.scenario);
        assert_eq!(restored.state.preset, state.preset);
        assert_eq!(restored.state.pins, state.pins);
        assert_eq!(restored.state.view, state.view);
        assert_eq!(state_query(&restored.state, &restored.config), query);
    }

    #[wasm_bindgen_test]
    fn every_scenario_message_exists_in_english() {
        let catalog = Catalog::load(Lang::En);
        for p in PRESETS.iter() {
            assert!(catalog.has(&p.name_key()), "{}", p.name_key());
            assert!(catalog.has(&p.description_key()), "{}", p.description_key());
        }
        for key in [
            "notice-unknown-key",
            "notice-clamped",
            "notice-unreadable",
            "notice-other-version",
            "notice-bad-value",
            "notice-too-many-pins",
            "app-undo",
            "app-redo",
            "app-pin",
            "app-view-level",
            "app-view-difference",
            "chart-pin",
            "chart-zero",
            "chart-difference-y",
        ] {
            assert!(catalog.has(key), "{key}");
        }
    }

    #[wasm_bindgen_test]
    fn a_chart_exports_as_a_png_at_the_display_resolution_with_room_for_title_and_source() {
        use talentflow_web::components::keep::{chart_png, PNG_WIDTH_PX};
        use talentflow_web::i18n::Messages;
        let messages = Messages::load(Lang::En);
        let run = simulate(&PRESETS[2].scenario());
        let baseline = simulate(&Scenario::baseline());
        let url = chart_png(
            &messages,
            &RETENTION,
            &run,
            Some(&baseline),
            &Compare::default(),
            "Full decoupling",
            "https://example.org/?v=0.1.0",
        )
        .expect("a PNG");
        let base64 = url
            .strip_prefix("data:image/png;base64,")
            .expect("a PNG data URL");
        let bytes = web_sys::window().unwrap().atob(base64).unwrap();
        let byte = |i: usize| u32::from(bytes.chars().nth(i).unwrap() as u8);
        let be =
            |i: usize| (byte(i) << 24) | (byte(i + 1) << 16) | (byte(i + 2) << 8) | byte(i + 3);
        let ratio = web_sys::window().unwrap().device_pixel_ratio();
        assert_eq!(f64::from(be(16)), (PNG_WIDTH_PX * ratio).round());
        assert_eq!(f64::from(be(20)), ((64.0 + 420.0 + 52.0) * ratio).round());
        assert!(
            bytes.len() > 10_000,
            "something is drawn: {} bytes",
            bytes.len()
        );
    }
}

// --- Markup built as text ----------------------------------------------------

#[wasm_bindgen_test]
fn escaped_text_reads_back_as_the_same_text_in_an_element_and_in_an_attribute() {
    use talentflow_web::format::esc;
    let hostile = "</p><script>window.__xss = 1</script>\"&amp;<img src=\"x\" onerror=\"window.__xss = 2\">&</";
    let host = document().create_element("div").unwrap();
    host.set_inner_html(&format!(
        "<p title=\"{}\">{}</p>",
        esc(hostile),
        esc(hostile)
    ));
    assert_eq!(
        host.children().length(),
        1,
        "one element: {}",
        host.inner_html()
    );
    let p = host.first_element_child().unwrap();
    assert_eq!(
        p.children().length(),
        0,
        "nothing inside it became an element"
    );
    assert_eq!(p.text_content().unwrap(), hostile);
    assert_eq!(p.get_attribute("title").unwrap(), hostile);
}

/// The model page's diagram draws its arrows from a written list; a traced
/// run of the baseline (every flow of 2019's first month, by the boxes
/// the stocks are drawn in) must give exactly that list, in its order.
#[wasm_bindgen_test]
fn the_model_pages_diagram_draws_every_flow_the_model_has_and_no_other() {
    use talentflow_web::components::model_page::{node_of, DIAGRAM_ARROWS};
    let mut arrows = vec![(0, 1)];
    talentflow_model::simulate_traced(&Scenario::baseline(), |step| {
        if step.time_years < 2019.0 || step.time_years >= 2019.0 + 1.0 / 12.0 {
            return;
        }
        for flow in step.flows {
            let pair = (node_of(flow.from), node_of(flow.to));
            if pair.0 != pair.1 && flow.people > 0.0 && !arrows.contains(&pair) {
                arrows.push(pair);
            }
        }
    });
    assert_eq!(arrows, DIAGRAM_ARROWS.to_vec());
}
