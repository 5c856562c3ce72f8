//! The whole state in the address: the scenario (through the model's
//! query codec), the preset, the pinned scenarios, the chart view and the
//! layout. [`state_query`] writes it, [`restore`] reads it back and says,
//! in the reader's language, what it had to mend. The browser side
//! ([`current_search`], [`replace_query`], [`share_url`]) never fails: an
//! address the page cannot rewrite (a sandboxed frame) stays as it was.

use crate::state::{AppState, ChartView, Pin, Settings, MAX_PINS};
use talentflow_messages::{Catalog, Lang};
use talentflow_model::challenges::{challenge, CHALLENGES};
use talentflow_model::query::{decode, decode_compact, encode_compact, encode_pairs, Notice};
use talentflow_model::story::{step_from_number, STORY};
use talentflow_model::{Group, Kind, ParamId, MODEL_VERSION, PRESETS};

/// How the page is laid out, chosen by whoever made the link (usually an
/// embed snippet). Fixed for the visit: not part of undo.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct PageConfig {
    /// The compact layout for iframes (`layout=embed`): charts first,
    /// headline sliders only.
    pub embed: bool,
    /// Sliders shown but not movable (`lock=1`).
    pub locked: bool,
    /// The one slider shown and highlighted (`only=<key>`).
    pub only: Option<ParamId>,
    /// The language the reader chose (`lang=en`, `lang=zh-CN`); `None`
    /// follows the browser's preferences.
    pub lang: Option<Lang>,
    /// The high-contrast (projector) mode (`contrast=high`).
    pub high_contrast: bool,
    /// The large-text mode (`text=large`).
    pub large_text: bool,
}

/// The query string for a state and page layout: the model's pairs, then
/// `preset`, `pin` (a preset id, or `key:value,...`), `view`, `bands`, `layout`,
/// `lock`, `only`, `lang`, `contrast`, `text`, and `v=<model version>` last.
pub fn state_query(state: &AppState, config: &PageConfig) -> String {
    let mut pairs: Vec<(String, String)> = encode_pairs(&state.scenario);
    if let Some(p) = state.preset.and_then(|i| PRESETS.get(i)) {
        pairs.push(("preset".into(), p.id.into()));
    }
    for pin in &state.pins {
        pairs.push(("pin".into(), pin_value(pin)));
    }
    if state.view != ChartView::Level {
        pairs.push(("view".into(), state.view.query_name().into()));
    }
    if state.bands {
        pairs.push(("bands".into(), "1".into()));
    }
    if let Some(step) = state.story {
        pairs.push(("story".into(), (step + 1).to_string()));
    }
    if let Some(c) = state.challenge.and_then(|i| CHALLENGES.get(i)) {
        pairs.push(("challenge".into(), c.id.into()));
    }
    pairs.extend(config_pairs(config));
    pairs.push(("v".into(), MODEL_VERSION.into()));
    pairs
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// The `layout`, `lock`, `only`, `lang`, `contrast` and `text` pairs of a
/// page configuration.
pub fn config_pairs(config: &PageConfig) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    if config.embed {
        pairs.push(("layout".into(), "embed".into()));
    }
    if config.locked {
        pairs.push(("lock".into(), "1".into()));
    }
    if let Some(id) = config.only {
        pairs.push(("only".into(), id.spec().key.into()));
    }
    if let Some(lang) = config.lang {
        pairs.push(("lang".into(), lang.tag().into()));
    }
    if config.high_contrast {
        pairs.push(("contrast".into(), "high".into()));
    }
    if config.large_text {
        pairs.push(("text".into(), "large".into()));
    }
    pairs
}

/// A pin as a query value: the preset's id when it is an unmodified
/// preset, else the compact form of its scenario.
fn pin_value(pin: &Pin) -> String {
    match pin.preset.and_then(|i| PRESETS.get(i)) {
        Some(p) if p.scenario() == pin.scenario => p.id.to_string(),
        _ => encode_compact(&pin.scenario),
    }
}

/// What an address said: the state, the layout, and one sentence per
/// thing that had to be mended (empty for a clean address).
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    /// The state to start from.
    pub state: AppState,
    /// The layout to use.
    pub config: PageConfig,
    /// Translated notices, in address order.
    pub notices: Vec<String>,
}

/// Read a query string (with or without its `?`). Never fails: whatever
/// cannot be read is left at its default and reported in `notices`.
pub fn restore(search: &str, catalog: &Catalog) -> Restored {
    let decoded = decode(search);
    let mut notices: Vec<String> = decoded
        .notices
        .iter()
        .map(|n| notice_text(catalog, n))
        .collect();
    let mut settings = Settings {
        scenario: decoded.scenario,
        preset: None,
    };
    let mut pins: Vec<Pin> = Vec::new();
    let mut view = ChartView::Level;
    let mut bands = false;
    let mut config = PageConfig::default();
    let mut story: Option<usize> = None;
    let mut card: Option<usize> = None;
    let bad = |key: &str, value: &str| {
        catalog.format("notice-bad-value", &[("key", key), ("value", value)])
    };
    for (key, value) in &decoded.view {
        let value = value.trim();
        match key.as_str() {
            "preset" => match PRESETS.iter().position(|p| p.id == value) {
                Some(i) => settings.preset = Some(i),
                None => notices.push(bad(key, value)),
            },
            "pin" => {
                if pins.len() >= MAX_PINS {
                    notices.push(
                        catalog.format("notice-too-many-pins", &[("max", &MAX_PINS.to_string())]),
                    );
                    continue;
                }
                let pin = match PRESETS.iter().position(|p| p.id == value) {
                    Some(i) => Pin {
                        scenario: PRESETS[i].scenario(),
                        preset: Some(i),
                    },
                    None => {
                        let (scenario, pin_notices) = decode_compact(value);
                        notices.extend(pin_notices.iter().map(|n| notice_text(catalog, n)));
                        Pin {
                            scenario,
                            preset: PRESETS.iter().position(|p| p.scenario() == scenario),
                        }
                    }
                };
                if !pins.iter().any(|p| p.scenario == pin.scenario) {
                    pins.push(pin);
                }
            }
            "view" => match ChartView::from_query_name(value) {
                Some(v) => view = v,
                None => notices.push(bad(key, value)),
            },
            "bands" => match value {
                "1" | "true" | "yes" => bands = true,
                "0" | "false" | "no" | "" => bands = false,
                _ => notices.push(bad(key, value)),
            },
            "layout" => match value {
                "embed" => config.embed = true,
                "full" | "" => config.embed = false,
                _ => notices.push(bad(key, value)),
            },
            "lock" => match value {
                "1" | "true" | "yes" => config.locked = true,
                "0" | "false" | "no" | "" => config.locked = false,
                _ => notices.push(bad(key, value)),
            },
            "only" => match ParamId::from_key(value).filter(|id| is_slider(*id)) {
                Some(id) => config.only = Some(id),
                None => notices.push(bad(key, value)),
            },
            "lang" => match Lang::from_tag(value) {
                Some(lang) => config.lang = Some(lang),
                None => notices.push(bad(key, value)),
            },
            "contrast" => match value {
                "high" => config.high_contrast = true,
                "normal" | "" => config.high_contrast = false,
                _ => notices.push(bad(key, value)),
            },
            "text" => match value {
                "large" => config.large_text = true,
                "normal" | "" => config.large_text = false,
                _ => notices.push(bad(key, value)),
            },
            // A step that does not exist opens the story at its start.
            "story" => {
                story = Some(step_from_number(value).unwrap_or_else(|| {
                    notices.push(catalog.format(
                        "notice-bad-story",
                        &[("value", value), ("count", &STORY.len().to_string())],
                    ));
                    0
                }))
            }
            "challenge" => match challenge(value) {
                Some(i) => card = Some(i),
                None => notices.push(bad(key, value)),
            },
            _ => {}
        }
    }
    // A link with only `story=<n>` (or `challenge=<id>`) opens on that
    // step's (card's) settings; a link that carries settings keeps them
    // (the reader had moved the sliders).
    if settings.scenario.is_baseline() && settings.preset.is_none() {
        if let Some(step) = story.and_then(|i| STORY.get(i)) {
            settings.scenario = step.scenario();
        } else if let Some(c) = card.and_then(|i| CHALLENGES.get(i)) {
            settings.scenario = c.start_scenario();
        }
    }
    let mut state = AppState::with_settings(settings);
    state.pins = pins;
    state.view = view;
    state.bands = bands;
    state.story = story;
    state.challenge = if story.is_some() { None } else { card };
    Restored {
        state,
        config,
        notices,
    }
}

/// Whether a parameter has a slider on the page.
pub fn is_slider(id: ParamId) -> bool {
    let spec = id.spec();
    spec.kind == Kind::Lever && spec.group != Group::Internal
}

/// One notice of the model's query codec, in the reader's language.
pub fn notice_text(catalog: &Catalog, notice: &Notice) -> String {
    let label = |id: ParamId| catalog.text(&id.spec().label_key()).into_owned();
    match notice {
        Notice::UnknownKey { key } => catalog.format(notice.message_key(), &[("key", key)]),
        Notice::Clamped { id, value, clamped } => catalog.format(
            notice.message_key(),
            &[
                ("name", &label(*id)),
                ("value", &value.to_string()),
                ("clamped", &clamped.to_string()),
            ],
        ),
        Notice::Unreadable { id, text } => catalog.format(
            notice.message_key(),
            &[
                ("name", &label(*id)),
                ("text", text),
                ("default", &id.spec().default.to_string()),
            ],
        ),
        Notice::OtherVersion { version } => catalog.format(
            notice.message_key(),
            &[("version", version), ("current", MODEL_VERSION)],
        ),
    }
}

/// The page's query string, without the `?` (empty outside a browser).
pub fn current_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .map(|s| s.trim_start_matches('?').to_string())
        .unwrap_or_default()
}

/// The page's address without its query and fragment.
pub fn page_base() -> String {
    let href = web_sys::window()
        .and_then(|w| w.location().href().ok())
        .unwrap_or_default();
    let end = href.find(['?', '#']).unwrap_or(href.len());
    href[..end].to_string()
}

/// The full link for a query.
pub fn share_url(query: &str) -> String {
    if query.is_empty() {
        page_base()
    } else {
        format!("{}?{query}", page_base())
    }
}

/// Put `query` in the address bar without adding a history entry. Returns
/// whether the address now carries it (false where the page may not
/// rewrite its address, e.g. some sandboxed frames).
pub fn replace_query(query: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    if current_search() == query {
        return true;
    }
    let location = window.location();
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = if query.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{query}{hash}")
    };
    match window.history() {
        Ok(history) => history
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
            .is_ok(),
        Err(_) => false,
    }
}
