//! What drives the results, in a real browser (wasm-bindgen-test): the
//! evidence ledger, the "why did it change" sentences and the sensitivity
//! (tornado) chart.
//!
//! Run: `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
//! CHROMEDRIVER=$(which chromedriver) cargo test --target wasm32-unknown-unknown -p talentflow-web`
#![cfg(target_arch = "wasm32")]

use talentflow_messages::{Catalog, Lang};
use talentflow_model::{attribute_many, Kind, ParamId, Scenario, SeriesId, PARAMS};
use talentflow_web::components::ledger::ledger;
use talentflow_web::components::tornado::{Tornado, TornadoProps};
use talentflow_web::components::why_changed::{
    main_contributors, sentence, signed_digits, WhyChanged, WhyChangedProps, HEADLINES,
};
use talentflow_web::i18n::use_messages;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, Element, HtmlCanvasElement};
use yew::prelude::*;

#[derive(Properties, PartialEq, Clone)]
struct LedgerProps {
    scenario: Scenario,
}

/// The ledger as the page renders it (a plain function), open, in a
/// component.
#[function_component]
fn Ledger(props: &LedgerProps) -> Html {
    let open = use_state(|| true);
    ledger(&use_messages(), props.scenario, &open)
}

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element attached to the page, to render into.
fn mount_point() -> Element {
    let doc = web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document");
    let div = doc.create_element("div").expect("create div");
    doc.body()
        .expect("body")
        .append_child(&div)
        .expect("attach div");
    div
}

fn visa_at(value: f64) -> Scenario {
    let mut s = Scenario::baseline();
    s.set(ParamId::VisaRestrictions, value).expect("in range");
    s
}

fn texts(root: &Element, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).expect("selector");
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default())
        .collect()
}

// --- The evidence ledger -----------------------------------------------------

#[wasm_bindgen_test]
async fn the_ledger_has_one_row_per_parameter_in_table_order() {
    let root = mount_point();
    let props = LedgerProps {
        scenario: visa_at(60.0),
    };
    yew::Renderer::<Ledger>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;

    assert!(root.query_selector("details#ledger").unwrap().is_some());
    let rows = root.query_selector_all("#ledger tbody tr").unwrap();
    assert_eq!(rows.length() as usize, PARAMS.len());
    let catalog = Catalog::load(Lang::En);
    for (i, spec) in PARAMS.iter().enumerate() {
        let row: Element = rows.item(i as u32).unwrap().dyn_into().unwrap();
        assert_eq!(row.get_attribute("data-key").as_deref(), Some(spec.key));
        let text = row.text_content().unwrap_or_default();
        assert!(
            text.contains(catalog.text(&spec.label_key()).as_ref()),
            "{}: label",
            spec.key
        );
        let kind = match spec.kind {
            Kind::Lever => "Policy lever",
            Kind::Assumption => "Assumption",
            Kind::Calibrated => "Calibrated",
        };
        assert!(text.contains(kind), "{}: kind in {text:?}", spec.key);
        assert!(
            !text.contains('['),
            "{}: a missing message in {text:?}",
            spec.key
        );
        // Every source the default rests on is named and linked.
        let links = texts(&row, "a");
        for id in spec.sources {
            assert!(links.iter().any(|l| l == id), "{}: links {id}", spec.key);
        }
    }
    // The value now differs from the default only for the changed setting.
    let visa = root
        .query_selector("#ledger-visa_restrictions")
        .unwrap()
        .unwrap();
    assert!(visa.class_name().split_whitespace().any(|c| c == "changed"));
    let cells = texts(&visa, "td");
    assert_eq!(cells[1], "60");
    assert_eq!(cells[2], "30");
    assert_eq!(cells[3], "0 to 90");
    assert_eq!(
        root.query_selector_all("#ledger tbody tr.changed")
            .unwrap()
            .length(),
        1
    );
}

#[wasm_bindgen_test]
async fn the_ledger_gives_plausible_ranges_for_assumptions_and_links_cited_sources_to_the_sources_section(
) {
    let root = mount_point();
    let props = LedgerProps {
        scenario: Scenario::baseline(),
    };
    yew::Renderer::<Ledger>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    for spec in PARAMS.iter() {
        let row = root
            .query_selector(&format!("#ledger-{}", spec.key))
            .unwrap()
            .unwrap();
        let plausible = texts(&row, "td")[4].clone();
        match spec.uncertainty {
            Some(_) => assert!(plausible.contains(" to "), "{}: {plausible}", spec.key),
            None => assert_eq!(plausible, "–", "{}", spec.key),
        }
    }
    let visa = root
        .query_selector("#ledger-visa_restrictions a")
        .unwrap()
        .unwrap();
    assert_eq!(visa.get_attribute("href").as_deref(), Some("#fact-O18"));
}

// --- Why did it change -------------------------------------------------------

#[wasm_bindgen_test]
async fn why_it_changed_is_hidden_at_the_baseline() {
    let root = mount_point();
    let props = WhyChangedProps {
        scenario: Scenario::baseline(),
        settle_ms: None,
    };
    yew::Renderer::<WhyChanged>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    assert!(root.query_selector("#why-changed").unwrap().is_none());
    assert_eq!(root.text_content().unwrap_or_default(), "");
}

#[wasm_bindgen_test]
async fn off_the_baseline_one_sentence_per_headline_names_the_changed_setting() {
    let root = mount_point();
    let props = WhyChangedProps {
        scenario: visa_at(70.0),
        settle_ms: None,
    };
    yew::Renderer::<WhyChanged>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    assert!(root.query_selector("#why-changed").unwrap().is_some());
    let sentences = texts(&root, "#why-changed li");
    assert_eq!(sentences.len(), HEADLINES.len());
    // Visa restrictions move the cohort and the inflow: named, with the size.
    for s in &sentences[..2] {
        assert!(s.contains("US visa restrictions"), "{s}");
        assert!(s.contains("2035"), "{s}");
        assert!(s.contains('\u{2212}'), "a fall is signed: {s}");
    }
    assert!(
        sentences[0].contains("percentage points"),
        "{}",
        sentences[0]
    );
    assert!(sentences[1].contains("a year"), "{}", sentences[1]);
}

#[wasm_bindgen_test]
fn the_named_settings_account_for_most_of_the_change_and_the_sentence_reads_in_chinese() {
    let mut s = visa_at(80.0);
    s.set(ParamId::ChinaAiFunding, 6.0).expect("in range");
    s.set(ParamId::PayGap, ParamId::PayGap.spec().min)
        .expect("in range");
    let outcomes: Vec<(SeriesId, i32)> = HEADLINES.iter().map(|(o, _)| (*o, 2035)).collect();
    let all = attribute_many(&s, &outcomes).expect("attribution");
    for a in &all {
        let sum: f64 = a.contributions.iter().map(|c| c.1).sum();
        assert!((sum - a.total()).abs() < 1e-9, "shares add up");
        let named = main_contributors(a);
        assert!(!named.is_empty() && named.len() <= 3);
        let named_abs: f64 = named.iter().map(|c| c.1.abs()).sum();
        let all_abs: f64 = a.contributions.iter().map(|c| c.1.abs()).sum();
        assert!(
            named_abs >= 0.5 * all_abs,
            "named settings are the main ones"
        );
        // The largest comes first.
        assert_eq!(named[0], a.contributions[0]);
    }
    let zh = Catalog::load(Lang::Zh);
    let text = sentence(&zh, HEADLINES[0].1, &all[0]);
    assert!(text.starts_with("2035年2019年队列仍在美国的比例"), "{text}");
    assert!(text.contains("个百分点"), "{text}");
    assert!(!text.contains('['), "{text}");
}

#[wasm_bindgen_test]
fn changes_are_signed_and_a_change_that_rounds_to_nothing_is_not() {
    assert_eq!(signed_digits("1.5".into(), 0.015), "+1.5");
    assert_eq!(signed_digits("-4.0".into(), -0.04), "\u{2212}4.0");
    assert_eq!(signed_digits("0.0".into(), 0.0001), "0.0");
    assert_eq!(signed_digits("0".into(), -0.2), "0");
}

// --- The sensitivity (tornado) chart -----------------------------------------

fn inked_share(canvas: &HtmlCanvasElement) -> f64 {
    let ctx: CanvasRenderingContext2d = canvas
        .get_context("2d")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let px = ctx
        .get_image_data(
            0.0,
            0.0,
            f64::from(canvas.width()),
            f64::from(canvas.height()),
        )
        .unwrap()
        .data()
        .to_vec();
    let inked = px
        .chunks(4)
        .filter(|p| p[0] < 250 || p[1] < 250 || p[2] < 250)
        .count();
    inked as f64 / (px.len() / 4).max(1) as f64
}

#[wasm_bindgen_test]
async fn the_tornado_ranks_every_lever_and_assumption_draws_and_summarises() {
    let root = mount_point();
    let props = TornadoProps {
        scenario: visa_at(60.0),
        settle_ms: None,
    };
    yew::Renderer::<Tornado>::with_root_and_props(root.clone(), props).render();
    yew::scheduler::flush().await;
    let canvas: HtmlCanvasElement = root
        .query_selector("canvas#chart-tornado")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(canvas.get_attribute("role").as_deref(), Some("img"));
    let name = canvas.get_attribute("aria-label").unwrap_or_default();
    assert!(name.starts_with("Sensitivity"), "{name}");
    let ranked = PARAMS
        .iter()
        .filter(|p| {
            p.kind == Kind::Lever || (p.kind == Kind::Assumption && p.uncertainty.is_some())
        })
        .count();
    assert_eq!(
        canvas.get_attribute("data-rows").as_deref(),
        Some(ranked.to_string().as_str())
    );
    let ink = inked_share(&canvas);
    assert!(ink > 0.02, "the tornado has ink: {ink}");
    let summary = texts(&root, "#chart-tornado-summary")[0].clone();
    assert!(
        summary
            .starts_with("Share of the 2019 cohort still in the US in 2035 with your settings: "),
        "{summary}"
    );
    assert!(summary.contains("% to "), "{summary}");
}
