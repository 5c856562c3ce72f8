//! Chinese text on the charts (wasm-bindgen-test, headless Chromium): the
//! canvas takes the chart font stack, which names Simplified Chinese faces.
#![cfg(target_arch = "wasm32")]

use talentflow_web::chart::FONT_FAMILY;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

fn context() -> CanvasRenderingContext2d {
    let canvas: HtmlCanvasElement = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|e| e.dyn_into().ok())
        .expect("a canvas");
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .expect("a 2d context")
}

#[wasm_bindgen_test]
fn the_canvas_accepts_the_chart_font_stack_with_its_chinese_faces() {
    let ctx = context();
    // The string plotters-canvas sets; a canvas ignores a font it cannot
    // parse and would keep drawing in its default 10px sans-serif.
    ctx.set_font(&format!("normal 13px {FONT_FAMILY}"));
    let font = ctx.font();
    assert!(font.contains("13px"), "font not taken: {font}");
    for face in ["Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei"] {
        assert!(font.contains(face), "{face} missing from {font}");
    }
    assert!(font.ends_with("sans-serif"), "{font}");
}
