//! Talent Flow Explorer: the browser app.
//!
//! A Yew app compiled to WebAssembly. The model (`talentflow-model`) knows
//! nothing of the page; this crate turns its parameter table into sliders,
//! its runs into charts and its facts into a Sources section. Natively the
//! crate is an empty shell: everything here is built for `wasm32` only.
//!
//! Layout: [`state`] holds the reader's scenario and its reducer;
//! [`chart`] draws any chart description onto any plotters backend;
//! [`charts`] describes the three charts; [`components`] has one Yew
//! component per file; [`url`] keeps the whole state in the address;
//! [`export`] is the JavaScript API.

#[cfg(target_arch = "wasm32")]
pub mod chart;
#[cfg(target_arch = "wasm32")]
pub mod charts;
#[cfg(target_arch = "wasm32")]
pub mod citations;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod export;
#[cfg(target_arch = "wasm32")]
pub mod format;
#[cfg(target_arch = "wasm32")]
pub mod i18n;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod url;

/// Mount the app on the page's `<body>`.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    console_error_panic_hook::set_once();
    yew::Renderer::<components::app::App>::new().render();
}
