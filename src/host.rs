//! The embed's side of the host API (`talentflow-host`, `docs/hosting.md`):
//! in the embed layout inside a frame, the page hears the host's commands
//! and announces that it is ready and every change of its state.
//!
//! A message is heard only from the parent window (`event.source`) and
//! from an origin the embed's own link lists (`origin=`); its data is
//! read into the protocol's `HostMessage` and validated by
//! `talentflow_host::command` into numbers, indices and a language, so
//! nothing a host sends reaches the page's markup. Anything else is
//! ignored. A refused message from an allowed origin gets a
//! `talentflow:error` reply saying why. Announcements go to each allowed
//! origin, or to any when the link lists none (they carry only what the
//! embed's link already says, and the charts' outputs).

use crate::state::{Action, AppState, Settings};
use crate::url::{current_search, share_url, state_query, PageConfig};
use gloo_events::EventListener;
use serde::Serialize;
use std::cell::RefCell;
use std::rc::Rc;
use talentflow_host::{
    allowed_origins, command, origin_allowed, EmbedMessage, HostCommand, HostMessage, Shown,
};
use talentflow_messages::Lang;
use talentflow_model::Run;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, Window};
use yew::prelude::*;

/// The parent window when the page is framed.
fn parent_window() -> Option<(Window, Window)> {
    let window = web_sys::window()?;
    let parent = window.parent().ok().flatten()?;
    (!js_sys::Object::is(window.as_ref(), parent.as_ref())).then_some((window, parent))
}

/// Posts `message` to the parent, to each of `origins` (to any when none).
fn announce(parent: &Window, origins: &[String], message: &EmbedMessage) {
    let value = match message.serialize(&serde_wasm_bindgen::Serializer::json_compatible()) {
        Ok(value) => value,
        Err(e) => {
            web_sys::console::warn_1(&format!("cannot encode a message for the host: {e}").into());
            return;
        }
    };
    let targets: Vec<&str> = if origins.is_empty() {
        vec!["*"]
    } else {
        origins.iter().map(String::as_str).collect()
    };
    for target in targets {
        if let Err(e) = parent.post_message(&value, target) {
            web_sys::console::warn_2(&"cannot tell the host page:".into(), &e);
        }
    }
}

/// What the host API needs of the page, kept current at every render for
/// the message listener.
struct Latest {
    on_action: Callback<Action>,
    config: UseStateHandle<PageConfig>,
    /// The last state announced, said again (as `talentflow:ready`) when
    /// the parent asks for the height: a host script that loaded after
    /// the first announcement learns that the embed is ready.
    announced: Option<EmbedMessage>,
}

/// Hears the host (when `on`: the embed layout, once its text is there)
/// and announces the state shown: `talentflow:ready` the first time,
/// `talentflow:state` after every change of the link or the language.
#[hook]
pub fn use_host(
    on: bool,
    state: &AppState,
    run: &Rc<Run>,
    lang: Lang,
    config: &UseStateHandle<PageConfig>,
    on_action: &Callback<Action>,
) {
    let origins: Rc<Vec<String>> = use_memo((), |_| allowed_origins(&current_search()));
    let latest = use_mut_ref(|| Latest {
        on_action: on_action.clone(),
        config: config.clone(),
        announced: None,
    });
    {
        let mut latest = latest.borrow_mut();
        latest.on_action = on_action.clone();
        latest.config = config.clone();
    }
    {
        let origins = origins.clone();
        let latest = latest.clone();
        use_effect_with(on, move |on| {
            // Released (the listener removed) when the effect is cleaned up.
            let listener = match (*on, parent_window()) {
                (true, Some((window, parent))) => {
                    Some(EventListener::new(&window, "message", move |event| {
                        if let Some(event) = event.dyn_ref::<MessageEvent>() {
                            hear(event, &parent, &origins, &latest)
                        }
                    }))
                }
                _ => None,
            };
            move || drop(listener)
        });
    }
    // Announce each state once: the link (and language) says what changed.
    let link = share_url(&state_query(state, &PageConfig::default()));
    let shown = (on, link, lang);
    let first = latest.borrow().announced.is_none();
    let message = on.then(|| {
        EmbedMessage::state(
            first,
            Shown {
                scenario: &state.scenario,
                run,
                preset: state.preset,
                step: state.story,
                lang,
            },
            shown.1.clone(),
        )
    });
    use_effect_with(shown, move |_| {
        if let (Some(message), Some((_, parent))) = (message, parent_window()) {
            announce(&parent, &origins, &message);
            latest.borrow_mut().announced = Some(message);
        }
    });
}

/// The protocol's fields of a message's data, as serde would read them
/// into [`HostMessage`] (an absent or `null` field is `None`, a field of
/// the wrong kind refuses the whole message; other fields are ignored).
/// Read field by field: serde-wasm-bindgen's generic deserialiser cost the
/// bundle 6.8 kB gzip for this one struct (docs/benchmarks.md); the serde
/// types stay the protocol's definition, fuzzed natively through JSON.
fn read_message(data: &JsValue) -> Option<HostMessage> {
    let field = |name: &str| -> Option<JsValue> {
        let value = js_sys::Reflect::get(data, &JsValue::from_str(name)).ok()?;
        (!value.is_undefined() && !value.is_null()).then_some(value)
    };
    // `Some(None)`: absent; `None`: of the wrong kind.
    let number = |name: &str| match field(name) {
        None => Some(None),
        Some(v) => v.as_f64().map(Some),
    };
    let text = |name: &str| match field(name) {
        None => Some(None),
        Some(v) => v.as_string().map(Some),
    };
    let settings = match field("settings") {
        None => None,
        Some(v) if v.is_object() && !js_sys::Array::is_array(&v) => {
            let object: js_sys::Object = v.unchecked_into();
            let mut settings = Vec::new();
            for entry in js_sys::Object::entries(&object).iter() {
                let pair: js_sys::Array = entry.unchecked_into();
                settings.push((pair.get(0).as_string()?, pair.get(1).as_f64()?));
            }
            Some(settings)
        }
        Some(_) => return None,
    };
    Some(HostMessage {
        version: number("version")?,
        kind: text("type")?,
        settings,
        preset: text("preset")?,
        step: number("step")?,
        lang: text("lang")?,
    })
}

/// One message event: from the parent and an allowed origin only.
fn hear(event: &MessageEvent, parent: &Window, origins: &[String], latest: &Rc<RefCell<Latest>>) {
    let from_parent = event
        .source()
        .is_some_and(|source| js_sys::Object::is(source.as_ref(), parent.as_ref()));
    if !from_parent {
        return;
    }
    let data: JsValue = event.data();
    if !data.is_object() {
        return;
    }
    let Some(message) = read_message(&data) else {
        // Not of the protocol's shape (another script's message): ignored.
        return;
    };
    let latest = latest.borrow();
    if message.version.is_some() && command(&message) == Ok(HostCommand::RequestHeight) {
        // Any parent may ask (the page's height report answers it too);
        // the state goes only where announcements go.
        if let Some(last) = &latest.announced {
            let mut again = last.clone();
            again.kind = "talentflow:ready";
            announce(parent, origins, &again);
        }
        return;
    }
    if message.version.is_none() || !origin_allowed(origins, &event.origin()) {
        return;
    }
    match command(&message) {
        Ok(HostCommand::Settings(scenario)) => latest.on_action.emit(Action::Load(Settings {
            scenario,
            preset: None,
        })),
        Ok(HostCommand::Preset(i)) => latest.on_action.emit(Action::ApplyPreset(i)),
        Ok(HostCommand::Story(step)) => latest.on_action.emit(Action::Story(step)),
        Ok(HostCommand::Lang(lang)) => {
            let config = latest.config.clone();
            config.set(PageConfig {
                lang: Some(lang),
                ..*config
            });
        }
        Ok(HostCommand::RequestHeight) => {}
        Err(refusal) => announce(parent, &[event.origin()], &EmbedMessage::error(&refusal)),
    }
}
