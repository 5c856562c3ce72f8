//! The host API of an embedded explorer: a versioned `postMessage`
//! protocol between an article (the host page) and the embed.
//!
//! The host may set the settings, a preset, a story step and the language;
//! the embed announces that it is ready, every change of its state (the
//! link and the headline outputs of [`OUTPUT_YEAR`]) and its height.
//! Messages are plain objects with a `version` ([`PROTOCOL_VERSION`]) and a
//! `type` (`talentflow:<name>`); `docs/hosting.md` lists them.
//!
//! This crate holds what can be tested natively: the messages as serde
//! types ([`HostMessage`] in, [`EmbedMessage`] out), the validation that
//! turns a host's message into a [`HostCommand`] (indices, a language and
//! a valid scenario, never text), and the origins a link allows
//! ([`allowed_origins`]). The browser side (`src/host.rs`) reads the
//! event's data into [`HostMessage`] (field by field, as serde would: the
//! generic deserialiser of serde-wasm-bindgen cost the bundle 6.8 kB gzip)
//! only for a message from the parent window and an allowed origin, and
//! sends [`EmbedMessage`]s through serde-wasm-bindgen's serialiser.
//! `tests/fuzz_host.rs` feeds the decoder a million generated messages.

use serde::de::{MapAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use talentflow_messages::Lang;
use talentflow_model::query::decode;
use talentflow_model::story::STORY;
use talentflow_model::{ParamId, Run, Scenario, SeriesId, PARAMS, PRESETS};

/// The protocol's version: every message carries it as `version`.
pub const PROTOCOL_VERSION: u32 = 1;

/// The year whose outputs the embed announces (the year the charts'
/// summaries read off the curves).
pub const OUTPUT_YEAR: i32 = 2035;

/// The outputs announced with every state, by CSV column name: the
/// headline series of the three charts.
pub const OUTPUTS: [SeriesId; 6] = [
    SeriesId::Cohort2019InUs,
    SeriesId::Cohort2019InChina,
    SeriesId::ShareWorkUs,
    SeriesId::ShareWorkChina,
    SeriesId::InflowUsGrad,
    SeriesId::InflowUsWork,
];

/// The longest text echoed back in an error (a host's key or value).
const ECHO_CHARS: usize = 40;

/// A message from the host page, as it arrives: every field optional, any
/// other field ignored. A field of the wrong kind fails the decoding, and
/// the message is then refused as a whole.
#[derive(Clone, Debug, Default, Deserialize, PartialEq)]
#[serde(default)]
pub struct HostMessage {
    /// Must be [`PROTOCOL_VERSION`].
    pub version: Option<f64>,
    /// `talentflow:set`, `talentflow:preset`, `talentflow:story`,
    /// `talentflow:lang` or `talentflow:request-height`.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// For `talentflow:set`: parameter keys (as in links and
    /// `talentflow params`) and values; every other parameter at its
    /// baseline value, as a link with these settings would open. A JSON
    /// object; kept as pairs in the object's order (a map type costs the
    /// browser build kilobytes).
    #[serde(deserialize_with = "pairs")]
    pub settings: Option<Vec<(String, f64)>>,
    /// For `talentflow:preset`: the preset's id (as `preset=` in links).
    pub preset: Option<String>,
    /// For `talentflow:story`: the step, counted from 1 (as `story=` in
    /// links); 0 closes the story and keeps the settings.
    pub step: Option<f64>,
    /// For `talentflow:lang`: a language tag (`en`, `zh-CN`, `zh`).
    pub lang: Option<String>,
}

/// An object of numbers as `(key, value)` pairs, or `null`.
fn pairs<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Vec<(String, f64)>>, D::Error> {
    struct Pairs;
    impl<'de> Visitor<'de> for Pairs {
        type Value = Option<Vec<(String, f64)>>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an object of numbers")
        }
        fn visit_unit<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
            d.deserialize_map(Pairs)
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(pair) = map.next_entry::<String, f64>()? {
                out.push(pair);
            }
            Ok(Some(out))
        }
    }
    d.deserialize_option(Pairs)
}

/// `(key, value)` pairs as an object.
fn as_object<S: Serializer>(
    pairs: &Option<Vec<(&'static str, f64)>>,
    s: S,
) -> Result<S::Ok, S::Error> {
    match pairs {
        Some(pairs) => s.collect_map(pairs.iter().map(|(k, v)| (k, v))),
        None => s.serialize_none(),
    }
}

/// What a valid host message asks of the embed: numbers, indices and a
/// language, never text, so nothing a host sends can reach the page's
/// markup.
// One command is handled at a time and never kept in bulk, so the size of
// the settings variant (a whole scenario) costs nothing worth a box.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, PartialEq)]
pub enum HostCommand {
    /// Show this scenario (the baseline with the message's settings).
    Settings(Scenario),
    /// Take the preset at this index of [`PRESETS`].
    Preset(usize),
    /// Open this story step (an index into [`STORY`]), or close the story.
    Story(Option<usize>),
    /// Show the page in this language.
    Lang(Lang),
    /// Announce the height again.
    RequestHeight,
}

/// Why a host's message was refused: said back to the host
/// (`talentflow:error`), never shown on the page.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// No `version`, or one this embed does not speak.
    Version,
    /// A `type` this protocol does not have.
    UnknownType(String),
    /// The message lacks a field its type needs.
    Missing(&'static str),
    /// A settings key that is no parameter.
    UnknownSetting(String),
    /// A setting that is not a finite number.
    NotANumber(String),
    /// More settings than there are parameters.
    TooManySettings,
    /// No preset has this id.
    UnknownPreset(String),
    /// No story step has this number.
    NoSuchStep(f64),
    /// A language the page does not speak.
    UnknownLang(String),
}

/// At most [`ECHO_CHARS`] characters of a host's text.
fn echo(text: &str) -> String {
    text.chars().take(ECHO_CHARS).collect()
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::Version => write!(f, "version must be {PROTOCOL_VERSION}"),
            Refusal::UnknownType(t) => write!(
                f,
                "unknown type '{t}' (expected talentflow:set, talentflow:preset, talentflow:story, talentflow:lang or talentflow:request-height)"
            ),
            Refusal::Missing(field) => write!(f, "this type needs '{field}'"),
            Refusal::UnknownSetting(k) => write!(f, "unknown setting '{k}' (see `talentflow params`)"),
            Refusal::NotANumber(k) => write!(f, "setting '{k}' is not a finite number"),
            Refusal::TooManySettings => write!(f, "more settings than parameters"),
            Refusal::UnknownPreset(p) => write!(f, "unknown preset '{p}'"),
            Refusal::NoSuchStep(n) => write!(
                f,
                "no story step {n} (steps are 1 to {}, 0 closes the story)",
                STORY.len()
            ),
            Refusal::UnknownLang(l) => write!(f, "unknown language '{l}' (expected en or zh-CN)"),
        }
    }
}

/// Validate a host's message. Never panics; whatever it accepts is a
/// valid scenario, an index in range or a language.
pub fn command(message: &HostMessage) -> Result<HostCommand, Refusal> {
    if message.version != Some(f64::from(PROTOCOL_VERSION)) {
        return Err(Refusal::Version);
    }
    let kind = message.kind.as_deref().ok_or(Refusal::Missing("type"))?;
    match kind {
        "talentflow:set" => {
            let settings = message
                .settings
                .as_ref()
                .ok_or(Refusal::Missing("settings"))?;
            if settings.len() > PARAMS.len() {
                return Err(Refusal::TooManySettings);
            }
            let mut scenario = Scenario::baseline();
            for (key, value) in settings {
                let id = ParamId::from_key(key.trim())
                    .ok_or_else(|| Refusal::UnknownSetting(echo(key)))?;
                if !value.is_finite() {
                    return Err(Refusal::NotANumber(echo(key)));
                }
                scenario.set_clamped(id, *value);
            }
            Ok(HostCommand::Settings(scenario))
        }
        "talentflow:preset" => {
            let id = message
                .preset
                .as_deref()
                .ok_or(Refusal::Missing("preset"))?;
            PRESETS
                .iter()
                .position(|p| p.id == id.trim())
                .map(HostCommand::Preset)
                .ok_or_else(|| Refusal::UnknownPreset(echo(id)))
        }
        "talentflow:story" => {
            let step = message.step.ok_or(Refusal::Missing("step"))?;
            if step == 0.0 {
                return Ok(HostCommand::Story(None));
            }
            let whole = step.is_finite() && step.fract() == 0.0;
            if whole && step >= 1.0 && step <= STORY.len() as f64 {
                Ok(HostCommand::Story(Some(step as usize - 1)))
            } else {
                Err(Refusal::NoSuchStep(step))
            }
        }
        "talentflow:lang" => {
            let tag = message.lang.as_deref().ok_or(Refusal::Missing("lang"))?;
            Lang::from_tag(tag.trim())
                .map(HostCommand::Lang)
                .ok_or_else(|| Refusal::UnknownLang(echo(tag)))
        }
        "talentflow:request-height" => Ok(HostCommand::RequestHeight),
        other => Err(Refusal::UnknownType(echo(other))),
    }
}

/// A message from the embed to its host.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct EmbedMessage {
    /// [`PROTOCOL_VERSION`].
    pub version: u32,
    /// `talentflow:ready` (once, when the embed first shows its charts),
    /// `talentflow:state` (after every change), `talentflow:error` (a host
    /// message refused); `talentflow:height` is sent by the page's own
    /// height report.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// The link that opens this state on the full page.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    /// The settings that differ from the baseline, by parameter key.
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "as_object")]
    pub settings: Option<Vec<(&'static str, f64)>>,
    /// The preset's id, when the settings are a preset's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub preset: Option<&'static str>,
    /// The open story step, counted from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub step: Option<usize>,
    /// The language shown (`en`, `zh-CN`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<&'static str>,
    /// The year of `outputs`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The headline outputs in `year`, by CSV column name (shares 0-1,
    /// people per year).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "as_object")]
    pub outputs: Option<Vec<(&'static str, f64)>>,
    /// Why a host's message was refused.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message: Option<String>,
}

/// What the embed shows, for [`EmbedMessage::state`].
#[derive(Clone, Copy, Debug)]
pub struct Shown<'a> {
    /// The scenario.
    pub scenario: &'a Scenario,
    /// Its run.
    pub run: &'a Run,
    /// The preset picked, an index into [`PRESETS`].
    pub preset: Option<usize>,
    /// The open story step, an index into [`STORY`].
    pub step: Option<usize>,
    /// The language shown.
    pub lang: Lang,
}

impl EmbedMessage {
    fn new(kind: &'static str) -> EmbedMessage {
        EmbedMessage {
            version: PROTOCOL_VERSION,
            kind,
            link: None,
            settings: None,
            preset: None,
            step: None,
            lang: None,
            year: None,
            outputs: None,
            message: None,
        }
    }

    /// `talentflow:ready` (`ready`) or `talentflow:state`, with the link and
    /// the outputs of what is shown.
    pub fn state(ready: bool, shown: Shown<'_>, link: String) -> EmbedMessage {
        let mut message = EmbedMessage::new(if ready {
            "talentflow:ready"
        } else {
            "talentflow:state"
        });
        message.link = Some(link);
        message.settings = Some(
            shown
                .scenario
                .changed()
                .map(|id| (id.spec().key, shown.scenario.get(id)))
                .collect(),
        );
        message.preset = shown.preset.and_then(|i| PRESETS.get(i)).map(|p| p.id);
        message.step = shown.step.map(|i| i + 1);
        message.lang = Some(shown.lang.tag());
        message.year = Some(OUTPUT_YEAR);
        message.outputs = Some(
            OUTPUTS
                .iter()
                .filter_map(|s| Some((s.key(), shown.run.value(*s, OUTPUT_YEAR)?)))
                .filter(|(_, v)| v.is_finite())
                .collect(),
        );
        message
    }

    /// `talentflow:error`, saying why a host's message was refused.
    pub fn error(refusal: &Refusal) -> EmbedMessage {
        let mut message = EmbedMessage::new("talentflow:error");
        message.message = Some(refusal.to_string());
        message
    }
}

/// The origins a link allows to command its embed: every `origin=` value
/// (comma-separated, or the key repeated), each a web origin
/// (`https://news.example`, `http://localhost:8080`), lower-cased and
/// without a trailing slash. Anything else (a path, a wildcard, another
/// scheme) is left out: with no valid origin, no host can command the
/// embed, and it only announces.
pub fn allowed_origins(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (key, value) in decode(query).view {
        if key != "origin" {
            continue;
        }
        for origin in value.split(',').filter_map(normal_origin) {
            if !out.contains(&origin) {
                out.push(origin);
            }
        }
    }
    out
}

/// `text` as a web origin (`scheme://host[:port]`, http or https), or
/// `None`.
pub fn normal_origin(text: &str) -> Option<String> {
    let text = text.trim().trim_end_matches('/').to_ascii_lowercase();
    let rest = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))?;
    let (host, port) = match rest.rsplit_once(':') {
        Some((host, port)) if !host.contains(']') || host.ends_with(']') => (host, Some(port)),
        _ => (rest, None),
    };
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '[' | ']' | ':'));
    let port_ok =
        port.is_none_or(|p| !p.is_empty() && p.len() <= 5 && p.chars().all(|c| c.is_ascii_digit()));
    (host_ok && port_ok).then_some(text)
}

/// Whether a message from `origin` may command an embed whose link allows
/// `allowed` (exact match of the origin).
pub fn origin_allowed(allowed: &[String], origin: &str) -> bool {
    allowed.iter().any(|a| a == origin)
}
