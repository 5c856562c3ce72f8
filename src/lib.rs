//! Talent Flow Explorer: the browser app.
//!
//! A Yew app compiled to WebAssembly. The model (`talentflow-model`) knows
//! nothing of the page; this crate turns its parameter table into sliders,
//! its runs into charts and its facts into a Sources section. Natively the
//! crate is an empty shell: everything here is built for `wasm32` only.
//!
//! Layout: [`state`] holds the reader's scenario and its reducer;
//! [`chart`] draws any chart description onto any plotters backend and
//! [`charts`] describes the three charts (both from `talentflow-charts`,
//! shared with the command line); [`components`] has one Yew
//! component per file; [`url`] keeps the whole state in the address;
//! [`export`] is the JavaScript API.

#[cfg(target_arch = "wasm32")]
pub mod bands;
#[cfg(target_arch = "wasm32")]
pub mod canvas;
#[cfg(target_arch = "wasm32")]
pub use talentflow_charts::{chart, charts};
#[cfg(target_arch = "wasm32")]
pub mod citations;
#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod export;
#[cfg(target_arch = "wasm32")]
pub mod format;
#[cfg(target_arch = "wasm32")]
pub mod host;
#[cfg(target_arch = "wasm32")]
pub mod i18n;
#[cfg(target_arch = "wasm32")]
pub mod state;
#[cfg(target_arch = "wasm32")]
pub mod url;

/// Mount the app on the page's `<body>`.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    // Through Yew: its renderer installs its own hook unless given one.
    yew::set_custom_panic_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        error_panel::show();
    }));
    i18n::prefetch();
    // Into index.html's `<div id="app">`: Yew empties its root, and the
    // page's static loading and failure lines stay beside it.
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => yew::Renderer::<components::app::App>::with_root(root).render(),
        None => yew::Renderer::<components::app::App>::new().render(),
    };
}

/// What the reader sees if the app ever hits an internal error (a panic is
/// a bug, but the page must never go blank): a panel in the page's language
/// with a link that reloads the page with the same scenario, which the
/// address carries. It needs no wasm (the instance stops after a panic):
/// plain elements and a plain link.
#[cfg(target_arch = "wasm32")]
mod error_panel {
    use web_sys::Document;

    /// Insert the panel at the top of `<body>`, once.
    pub fn show() {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        if document.get_element_by_id("error-panel").is_some() {
            return;
        }
        if build(&document).is_none() {
            web_sys::console::error_1(&"the error panel could not be shown".into());
        }
    }

    fn build(document: &Document) -> Option<()> {
        // Before any message file has loaded, index.html's own line in
        // both languages says it.
        let Some(messages) = crate::i18n::current() else {
            document.document_element()?.set_class_name("load-failed");
            return Some(());
        };
        let href = document.location()?.href().ok()?;
        let element = |tag: &str, class: &str, text: &str| -> Option<web_sys::Element> {
            let e = document.create_element(tag).ok()?;
            if !class.is_empty() {
                e.set_class_name(class);
            }
            e.set_text_content(Some(text));
            Some(e)
        };
        let panel = element("div", "error-panel", "")?;
        panel.set_id("error-panel");
        panel.set_attribute("role", "alert").ok()?;
        let title = element("h2", "", &messages.text("error-title"))?;
        let text = element("p", "", &messages.text("error-body"))?;
        panel.append_child(&title).ok()?;
        panel.append_child(&text).ok()?;
        let reload = element("a", "error-reload", &messages.text("error-reload"))?;
        reload.set_attribute("href", &href).ok()?;
        panel.append_child(&reload).ok()?;
        let body = document.body()?;
        body.insert_before(&panel, body.first_child().as_ref())
            .ok()?;
        Some(())
    }
}
