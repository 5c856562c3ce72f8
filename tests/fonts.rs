//! Chinese text on the charts (wasm-bindgen-test, headless Chromium): the
//! app's own canvas backend (`src/canvas.rs`) hands the canvas a font the
//! browser takes, with the chart font stack and its Simplified Chinese
//! faces. A canvas ignores a font string it cannot parse and keeps drawing
//! in its default 10px sans-serif, which has no Chinese face of its own.
#![cfg(target_arch = "wasm32")]

use talentflow_messages::{Catalog, Lang};
use talentflow_model::{simulate, Scenario};
use talentflow_web::chart::Compare;
use talentflow_web::charts::{chart_text, CHARTS};
use talentflow_web::components::chart_panel::draw_on_canvas;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn a_chinese_chart_is_drawn_in_the_chart_font_stack_with_its_chinese_faces() {
    let catalog = Catalog::load(Lang::Zh);
    let run = simulate(&Scenario::baseline());
    for desc in CHARTS {
        let canvas: HtmlCanvasElement = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.create_element("canvas").ok())
            .and_then(|e| e.dyn_into().ok())
            .expect("a canvas");
        let drawn = draw_on_canvas(
            &canvas,
            desc,
            &chart_text(&catalog, desc),
            &run,
            None,
            &Compare::default(),
            Some((480.0, 300.0)),
        )
        .expect("drawing succeeds");
        assert!(drawn, "{}: drawn", desc.name);
        // The font the app's backend set last (its axis labels, titles).
        let ctx: CanvasRenderingContext2d = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into().ok())
            .expect("a 2d context");
        let font = ctx.font();
        assert_ne!(font, "10px sans-serif", "{}: no font was taken", desc.name);
        for face in ["Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei"] {
            assert!(
                font.contains(face),
                "{}: {face} missing from {font}",
                desc.name
            );
        }
        assert!(font.ends_with("sans-serif"), "{}: {font}", desc.name);
    }
}
