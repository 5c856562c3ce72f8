//! Share and embed: the link to exactly this scenario, and a one-line
//! iframe snippet for a compact layout (optionally with locked sliders or
//! a single highlighted slider) plus the small host script that sizes the
//! frame. Copying uses the clipboard where the browser allows it; where it
//! does not (an insecure page, a sandboxed frame), the text is selected
//! and the reader is told to copy it.

use crate::format::esc;
use crate::i18n::Messages;
use crate::url::{is_slider, page_base, share_url, PageConfig};
use talentflow_model::{ParamId, PARAMS};
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// Height of the iframe before the host script has sized it, in CSS px.
pub const EMBED_INITIAL_HEIGHT_PX: u32 = 720;

/// The folder the page was served from (its address up to the last `/`).
fn page_folder() -> String {
    let base = page_base();
    match base.rfind('/') {
        Some(i) => base[..=i].to_string(),
        None => base,
    }
}

/// The iframe snippet for a query (which should carry `layout=embed`).
pub fn embed_snippet(query: &str, title: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{EMBED_INITIAL_HEIGHT_PX}\" style=\"border:0;max-width:100%\" loading=\"lazy\"></iframe><script src=\"{}embed.js\" async></script>",
        esc(&share_url(query)),
        esc(title),
        esc(&page_folder())
    )
}

/// Which text a copy button copies, and how it went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Copied {
    Link,
    Embed,
}

/// Put `text` on the clipboard; `done(true)` once it is there, `done(false)`
/// where the clipboard is not available or refuses.
fn copy_text(text: &str, done: Callback<bool>) {
    let clipboard = web_sys::window()
        .map(|w| w.navigator())
        .and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()).ok())
        .filter(|c| !c.is_undefined() && !c.is_null());
    let Some(clipboard) = clipboard else {
        done.emit(false);
        return;
    };
    let clipboard: web_sys::Clipboard = clipboard.unchecked_into();
    let promise = clipboard.write_text(text);
    crate::export::on_settled(&promise, move |ok, _| done.emit(ok));
}

/// Properties of [`Share`].
#[derive(Properties, PartialEq, Clone)]
pub struct ShareProps {
    /// The query of the reader's state (full layout).
    pub query: String,
    /// The query of the reader's state without any layout keys, to which
    /// the snippet's layout keys are added.
    pub state_query: String,
}

/// The share and embed controls.
/// The controls' own state, kept by the page.
#[derive(Clone, PartialEq)]
pub struct ShareState {
    status: UseStateHandle<Option<(Copied, bool)>>,
    lock: UseStateHandle<bool>,
    only: UseStateHandle<Option<ParamId>>,
    link_ref: NodeRef,
    embed_ref: NodeRef,
}

/// The state of [`share`], for the page to hold.
#[hook]
pub fn use_share_state() -> ShareState {
    ShareState {
        status: use_state(|| None::<(Copied, bool)>),
        lock: use_state(|| false),
        only: use_state(|| None::<ParamId>),
        link_ref: use_node_ref(),
        embed_ref: use_node_ref(),
    }
}

pub fn share(props: &ShareProps, messages: &Messages, state: &ShareState) -> Html {
    let messages = messages.clone();
    let ShareState {
        status,
        lock,
        only,
        link_ref,
        embed_ref,
    } = state.clone();

    let link = share_url(&props.query);
    let config = PageConfig {
        embed: true,
        locked: *lock,
        only: *only,
        ..PageConfig::default()
    };
    let embed_query = {
        let mut pairs: Vec<String> = props
            .state_query
            .split('&')
            .filter(|p| !p.is_empty() && !p.starts_with("v="))
            .map(str::to_string)
            .collect();
        pairs.extend(
            crate::url::config_pairs(&config)
                .into_iter()
                .map(|(k, v)| format!("{k}={v}")),
        );
        pairs.push(format!("v={}", talentflow_model::MODEL_VERSION));
        pairs.join("&")
    };
    let snippet = embed_snippet(&embed_query, &messages.tr("app-title"));

    let copy = |what: Copied, text: String, node: NodeRef| {
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            let status = status.clone();
            let node = node.clone();
            copy_text(
                &text,
                Callback::from(move |ok: bool| {
                    if !ok {
                        // Select the text so that Ctrl+C / ⌘C copies it.
                        if let Some(input) = node.cast::<HtmlInputElement>() {
                            input.select();
                        } else if let Some(area) = node.cast::<HtmlTextAreaElement>() {
                            area.select();
                        }
                    }
                    status.set(Some((what, ok)));
                }),
            );
        })
    };
    let message = |what: Copied| -> Html {
        match *status {
            Some((w, ok)) if w == what => {
                let key = if ok { "app-copied" } else { "app-copy-by-hand" };
                html! { <p class="message" role="status">{ messages.tr(key) }</p> }
            }
            _ => html! {},
        }
    };
    let on_lock = {
        let lock = lock.clone();
        Callback::from(move |e: Event| {
            if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
                lock.set(input.checked());
            }
        })
    };
    let on_only = {
        let only = only.clone();
        Callback::from(move |e: Event| {
            if let Some(select) = e.target_dyn_into::<HtmlSelectElement>() {
                only.set(ParamId::from_key(&select.value()));
            }
        })
    };
    let select_all = Callback::from(|e: FocusEvent| {
        if let Some(input) = e.target_dyn_into::<HtmlInputElement>() {
            input.select();
        } else if let Some(area) = e.target_dyn_into::<HtmlTextAreaElement>() {
            area.select();
        }
    });

    html! {
        <div class="share" role="group" aria-labelledby="share-heading">
            <h3 id="share-heading">{ messages.tr("app-share-heading") }</h3>
            <label for="share-link">{ messages.tr("app-share-link") }</label>
            <input id="share-link" type="text" readonly=true value={link.clone()} ref={link_ref.clone()} onfocus={select_all.clone()} />
            <div class="actions">
                <button type="button" id="copy-link" onclick={copy(Copied::Link, link, link_ref)}>{ messages.tr("app-copy-link") }</button>
            </div>
            { message(Copied::Link) }
            <label for="embed-snippet">{ messages.tr("app-embed-snippet") }</label>
            <label class="option"><input type="checkbox" id="embed-lock" checked={*lock} onchange={on_lock} />{ messages.tr("app-embed-lock") }</label>
            <label for="embed-only">{ messages.tr("app-embed-only") }</label>
            <select id="embed-only" onchange={on_only}>
                <option value="" selected={only.is_none()}>{ messages.tr("app-embed-only-none") }</option>
                { for PARAMS.iter().filter(|p| is_slider(p.id)).map(|p| html! {
                    <option value={p.key} selected={*only == Some(p.id)}>{ messages.tr(&p.label_key()) }</option>
                }) }
            </select>
            <textarea id="embed-snippet" readonly=true value={snippet.clone()} ref={embed_ref.clone()} onfocus={select_all} />
            <div class="actions">
                <button type="button" id="copy-embed" onclick={copy(Copied::Embed, snippet, embed_ref)}>{ messages.tr("app-copy-embed") }</button>
            </div>
            { message(Copied::Embed) }
        </div>
    }
}
