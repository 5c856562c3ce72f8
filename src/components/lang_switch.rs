//! The language switch (中文 / English): each name in its own language,
//! the shown one pressed; and the display modes (high contrast, large
//! text). Each changes only the page configuration, which the address
//! keeps (`lang=`, `contrast=high`, `text=large`), so every setting stays.

use crate::i18n::Messages;
use crate::url::PageConfig;
use talentflow_messages::Lang;
use yew::prelude::*;

/// Buttons for every language the page speaks.
pub fn lang_switch(messages: &Messages, config: &UseStateHandle<PageConfig>) -> Html {
    let shown = messages.lang();
    let button = |lang: Lang, key: &str| {
        let config = config.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            config.set(PageConfig {
                lang: Some(lang),
                ..*config
            })
        });
        html! {
            <button type="button" lang={lang.tag()} aria-pressed={(lang == shown).to_string()} {onclick}>
                { messages.tr(key) }
            </button>
        }
    };
    html! {
        <div class="lang-switch" role="group" aria-label={messages.tr("lang-switch-label")}>
            { button(Lang::Zh, "lang-name-zh") }{ button(Lang::En, "lang-name-en") }
        </div>
    }
}

/// Toggles for the high-contrast and large-text modes.
pub fn display_toggles(messages: &Messages, config: &UseStateHandle<PageConfig>) -> Html {
    let toggle = |key: &str, on: bool, set: fn(&mut PageConfig, bool)| {
        let config = config.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            let mut next = *config;
            set(&mut next, !on);
            config.set(next)
        });
        html! {
            <button type="button" aria-pressed={on.to_string()} {onclick}>{ messages.tr(key) }</button>
        }
    };
    html! {
        <div class="display-modes" role="group" aria-label={messages.tr("a11y-label")}>
            { toggle("a11y-contrast", config.high_contrast, |c, on| c.high_contrast = on) }
            { toggle("a11y-large-text", config.large_text, |c, on| c.large_text = on) }
        </div>
    }
}

/// Mark `<html>` with the display modes, for the stylesheet.
pub fn apply_display(high_contrast: bool, large_text: bool) {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element());
    if let Some(root) = root {
        let classes = root.class_list();
        let _ = classes.toggle_with_force("high-contrast", high_contrast);
        let _ = classes.toggle_with_force("large-text", large_text);
    }
}
