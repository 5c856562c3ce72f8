//! The scenario as a URL query string, and back.
//!
//! `visa_restrictions=60&compute_ratio=20&v=1.3.0`: one `key=value` pair
//! per parameter that differs from its default (keys from the parameter
//! table), values rounded to the parameter's step, then `v=` and the model
//! version. The browser keeps its address current with it and the command
//! line accepts it (`talentflow run --query`), so a link and a command give
//! the same numbers.
//!
//! Decoding never fails: an unknown key is ignored, a value out of range is
//! clamped, an unreadable value leaves the default, and each of these adds
//! a [`Notice`] the app can show. Keys in [`VIEW_KEYS`] belong to the app's
//! view (pinned scenarios, chart view, layout) and are handed back
//! untouched in [`Decoded::view`].

use crate::params::{ParamId, ParamSpec, Scale, PARAMS};
use crate::scenario::Scenario;
use crate::MODEL_VERSION;

/// The key that carries the model version.
pub const VERSION_KEY: &str = "v";

/// Keys the app uses for view state. The model does not interpret them;
/// they are passed through without a notice.
pub const VIEW_KEYS: &[&str] = &[
    "preset",
    "pin",
    "view",
    "layout",
    "lock",
    "only",
    "lang",
    "bands",
    "contrast",
    "text",
    "story",
    "challenge",
    "origin",
];

/// Something decoding had to change or ignore, for the reader to see.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// A key that is neither a parameter nor a view key; ignored.
    UnknownKey { key: String },
    /// A value outside its parameter's range, replaced by the nearest end.
    Clamped {
        id: ParamId,
        value: f64,
        clamped: f64,
    },
    /// A value that is not a number; the parameter keeps its default.
    Unreadable { id: ParamId, text: String },
    /// The link was made with another model version.
    OtherVersion { version: String },
}

impl Notice {
    /// The message key the app shows for this notice (`notice-<kind>`).
    pub fn message_key(&self) -> &'static str {
        match self {
            Notice::UnknownKey { .. } => "notice-unknown-key",
            Notice::Clamped { .. } => "notice-clamped",
            Notice::Unreadable { .. } => "notice-unreadable",
            Notice::OtherVersion { .. } => "notice-other-version",
        }
    }
}

impl std::fmt::Display for Notice {
    /// A plain English line, for the command line (the app shows the
    /// translated message of [`Notice::message_key`] instead).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Notice::UnknownKey { key } => write!(f, "ignored unknown key '{key}'"),
            Notice::Clamped { id, value, clamped } => write!(
                f,
                "{}: {value} is out of range ({} to {}), using {clamped}",
                id.spec().key,
                id.spec().min,
                id.spec().max
            ),
            Notice::Unreadable { id, text } => write!(
                f,
                "{}: '{text}' is not a number, using the default {}",
                id.spec().key,
                id.spec().default
            ),
            Notice::OtherVersion { version } => write!(
                f,
                "made with model version {version}; this is model {MODEL_VERSION}, numbers may differ"
            ),
        }
    }
}

/// What a query string said.
#[derive(Clone, Debug, PartialEq)]
pub struct Decoded {
    /// The scenario: the starting scenario with every readable parameter
    /// of the query applied (clamped).
    pub scenario: Scenario,
    /// What had to be changed or ignored, in query order.
    pub notices: Vec<Notice>,
    /// View keys and their (percent-decoded) values, in query order.
    pub view: Vec<(String, String)>,
    /// The model version named by `v=`, if any.
    pub version: Option<String>,
}

/// Decode a query string onto the baseline. A leading `?`, anything up to
/// and including the first `?` (a whole URL) and a `#fragment` are
/// dropped; `+` is a space and `%XX` escapes are decoded.
pub fn decode(query: &str) -> Decoded {
    decode_onto(Scenario::baseline(), query)
}

/// Decode a query string onto `start` (parameters the query does not name
/// keep their values from `start`).
pub fn decode_onto(start: Scenario, query: &str) -> Decoded {
    let mut decoded = Decoded {
        scenario: start,
        notices: Vec::new(),
        view: Vec::new(),
        version: None,
    };
    let query = query.split('#').next().unwrap_or("");
    let query = match query.split_once('?') {
        Some((_, rest)) => rest,
        None => query,
    };
    for pair in query.split('&').filter(|p| !p.is_empty()) {
        let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
        let key = percent_decode(raw_key);
        let value = percent_decode(raw_value);
        let key = key.trim();
        if key.is_empty() {
            continue;
        }
        if key == VERSION_KEY {
            let version = value.trim().to_string();
            if version != MODEL_VERSION {
                decoded.notices.push(Notice::OtherVersion {
                    version: version.clone(),
                });
            }
            decoded.version = Some(version);
        } else if VIEW_KEYS.contains(&key) {
            decoded.view.push((key.to_string(), value));
        } else if let Some(id) = ParamId::from_key(key) {
            if let Some(notice) = set_from_query(&mut decoded.scenario, id, &value) {
                decoded.notices.push(notice);
            }
        } else {
            decoded.notices.push(Notice::UnknownKey {
                key: key.to_string(),
            });
        }
    }
    decoded
}

/// Set one parameter from its query text; a notice when it had to change.
fn set_from_query(scenario: &mut Scenario, id: ParamId, text: &str) -> Option<Notice> {
    let spec = id.spec();
    match crate::decimal::parse(text.trim()) {
        Some(value) if value.is_finite() => {
            let wanted = round_for_query(spec, value);
            let clamped = scenario.set_clamped(id, wanted);
            (clamped != wanted).then_some(Notice::Clamped { id, value, clamped })
        }
        _ => {
            scenario.set_clamped(id, spec.default);
            Some(Notice::Unreadable {
                id,
                text: text.to_string(),
            })
        }
    }
}

/// The query string of a scenario: each parameter that differs from its
/// default, in table order, rounded as [`value_text`] does, then `v=`.
/// The baseline gives `v=<version>` alone.
pub fn encode(scenario: &Scenario) -> String {
    let mut out = String::new();
    for pair in encode_pairs(scenario) {
        out.push_str(&pair.0);
        out.push('=');
        out.push_str(&pair.1);
        out.push('&');
    }
    out.push_str(VERSION_KEY);
    out.push('=');
    out.push_str(MODEL_VERSION);
    out
}

/// `(key, value text)` for each parameter whose rounded value differs from
/// its default, in table order. No version.
pub fn encode_pairs(scenario: &Scenario) -> Vec<(String, String)> {
    PARAMS
        .iter()
        .filter_map(|spec| {
            let value = quantize(spec, scenario.get(spec.id));
            (value != spec.default).then(|| (spec.key.to_string(), value_text(spec, value)))
        })
        .collect()
}

/// A scenario in the compact form used inside one query value (a pinned
/// scenario): `key:value,key:value`, non-default values only, as
/// [`encode_pairs`]. The baseline is the empty string.
pub fn encode_compact(scenario: &Scenario) -> String {
    encode_pairs(scenario)
        .into_iter()
        .map(|(k, v)| format!("{k}:{v}"))
        .collect::<Vec<_>>()
        .join(",")
}

/// Decode the compact form of [`encode_compact`] onto the baseline, with
/// the same forgiveness and notices as [`decode`].
pub fn decode_compact(text: &str) -> (Scenario, Vec<Notice>) {
    let query = text.replace(',', "&").replace(':', "=");
    let decoded = decode(&query);
    let mut notices = decoded.notices;
    for (key, _) in decoded.view {
        notices.push(Notice::UnknownKey { key });
    }
    (decoded.scenario, notices)
}

/// The value as written in a query: on a linear scale, a multiple of the
/// step with as many decimals as the step needs; on a log scale, three
/// significant digits (never coarser than the step). Trailing zeros are
/// dropped (`60`, `2.5`, `0.55`).
pub fn value_text(spec: &ParamSpec, value: f64) -> String {
    let decimals = decimals_for(spec, value);
    let text = format!("{value:.decimals$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        text
    };
    if text == "-0" {
        "0".to_string()
    } else {
        text
    }
}

/// The value rounded as it would be written in a query (see
/// [`value_text`]), then clamped into range. Idempotent.
pub fn quantize(spec: &ParamSpec, value: f64) -> f64 {
    spec.clamp(round_for_query(spec, value))
}

/// [`quantize`] without the clamp (a non-finite value gives the default).
fn round_for_query(spec: &ParamSpec, value: f64) -> f64 {
    if !value.is_finite() {
        return spec.default;
    }
    let stepped = match spec.scale {
        Scale::Linear => (value / spec.step).round() * spec.step,
        Scale::Log => value,
    };
    let decimals = decimals_for(spec, stepped);
    crate::decimal::parse(&format!("{stepped:.decimals$}")).unwrap_or(spec.default)
}

fn decimals_for(spec: &ParamSpec, value: f64) -> usize {
    let step_decimals = decimals_for_step(spec.step);
    match spec.scale {
        Scale::Linear => step_decimals,
        Scale::Log => {
            let magnitude = if value.abs() > 0.0 {
                value.abs().log10().floor() as i32
            } else {
                0
            };
            let significant = (2 - magnitude).clamp(0, 9) as usize;
            step_decimals.max(significant)
        }
    }
}

/// Decimals needed to write multiples of `step` exactly (0 for whole steps).
fn decimals_for_step(step: f64) -> usize {
    let mut decimals = 0;
    let mut scaled = step;
    while decimals < 9 && (scaled - scaled.round()).abs() > 1e-9 {
        scaled *= 10.0;
        decimals += 1;
    }
    decimals
}

/// Decode `%XX` escapes and `+` (a space). Invalid escapes are kept as
/// they are; invalid UTF-8 becomes U+FFFD.
pub fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b'%' if i + 2 < bytes.len() => match (hex(bytes[i + 1]), hex(bytes[i + 2])) {
                (Some(h), Some(l)) => {
                    out.push(h * 16 + l);
                    i += 3;
                }
                _ => {
                    out.push(b'%');
                    i += 1;
                }
            },
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Escape a value for a query: everything but unreserved characters and
/// `:` `,` (which the compact form uses and queries allow).
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b':' | b',') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::{Kind, PARAMS};
    use crate::presets::PRESETS;

    /// A small deterministic generator (xorshift64*), so the property
    /// tests need no extra crate and fail the same way every time.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }
        fn unit(&mut self) -> f64 {
            (self.next() >> 11) as f64 / (1u64 << 53) as f64
        }
    }

    fn random_scenario(rng: &mut Rng) -> Scenario {
        let mut s = Scenario::baseline();
        for spec in PARAMS.iter() {
            match rng.next() % 3 {
                0 => {}
                1 => {
                    s.set_clamped(spec.id, spec.value_from_position(rng.unit()));
                }
                _ => {
                    let v = spec.min + rng.unit() * (spec.max - spec.min);
                    s.set_clamped(spec.id, v);
                }
            }
        }
        s
    }

    fn quantized(s: &Scenario) -> Scenario {
        let mut q = *s;
        for spec in PARAMS.iter() {
            q.set_clamped(spec.id, quantize(spec, s.get(spec.id)));
        }
        q
    }

    #[test]
    fn round_trip_of_random_scenarios_is_exact_after_rounding_to_the_step() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..5000 {
            let s = random_scenario(&mut rng);
            let query = encode(&s);
            let decoded = decode(&query);
            assert_eq!(decoded.notices, vec![], "{query}");
            assert_eq!(decoded.scenario, quantized(&s), "{query}");
            // Rounding is idempotent: encoding the decoded scenario gives
            // the same text.
            assert_eq!(encode(&decoded.scenario), query);
            let (compact, notices) = decode_compact(&encode_compact(&s));
            assert_eq!(notices, vec![]);
            assert_eq!(compact, quantized(&s));
        }
    }

    #[test]
    fn rounding_moves_no_slider_value_and_is_idempotent() {
        // value_from_position rounds to the step in binary floating point
        // (0.6000000000000001); the query's rounding only drops that noise.
        for spec in PARAMS.iter() {
            for i in 0..=1000 {
                let v = spec.value_from_position(f64::from(i) / 1000.0);
                let q = quantize(spec, v);
                assert!(
                    (q - v).abs() <= 1e-9 * v.abs().max(1.0),
                    "{} {v} -> {q}",
                    spec.key
                );
                assert_eq!(quantize(spec, q), q, "{} {q}", spec.key);
            }
        }
    }

    #[test]
    fn presets_round_trip_and_the_baseline_is_the_version_alone() {
        assert_eq!(encode(&Scenario::baseline()), format!("v={MODEL_VERSION}"));
        for p in PRESETS.iter() {
            let s = p.scenario();
            assert_eq!(decode(&encode(&s)).scenario, s, "{}", p.id);
        }
    }

    #[test]
    fn only_non_default_values_are_written() {
        let mut s = Scenario::baseline();
        s.set(ParamId::VisaRestrictions, 60.0).unwrap();
        s.set(ParamId::ChinaAiFunding, 0.55).unwrap();
        assert_eq!(
            encode(&s),
            format!("visa_restrictions=60&china_ai_funding=0.55&v={MODEL_VERSION}")
        );
    }

    #[test]
    fn a_link_made_with_model_0_2_keeps_its_settings_and_says_the_model_changed() {
        // Model 1.0 keeps every lever key of 0.2: the settings carry over,
        // and the reader is told the numbers may differ.
        let d = decode("visa_restrictions=60&ecosystem_loop=1.4&tenure_protection=0.5&v=0.2.0");
        assert_eq!(d.scenario.get(ParamId::VisaRestrictions), 60.0);
        assert_eq!(d.scenario.get(ParamId::EcosystemLoop), 1.4);
        assert_eq!(d.scenario.get(ParamId::TenureProtection), 0.5);
        assert_eq!(d.notices.len(), 1, "{:?}", d.notices);
        assert!(matches!(&d.notices[0], Notice::OtherVersion { version } if version == "0.2.0"));
        assert_ne!(MODEL_VERSION, "0.2.0");
    }

    #[test]
    fn damaged_queries_give_notices_and_a_valid_scenario() {
        let d = decode("?visa_restrictions=1000&compute_ratio=abc&nonsense=3&pay_gap=&v=0.0.1#top");
        assert_eq!(d.scenario.get(ParamId::VisaRestrictions), 90.0);
        assert_eq!(d.scenario.get(ParamId::ComputeRatio), 5.0);
        assert_eq!(d.scenario.get(ParamId::PayGap), 3.0);
        assert_eq!(d.notices.len(), 5, "{:?}", d.notices);
        assert!(matches!(d.notices[0], Notice::Clamped { clamped, .. } if clamped == 90.0));
        assert!(matches!(d.notices[1], Notice::Unreadable { .. }));
        assert!(matches!(&d.notices[2], Notice::UnknownKey { key } if key == "nonsense"));
        assert!(matches!(d.notices[3], Notice::Unreadable { .. }));
        assert!(matches!(&d.notices[4], Notice::OtherVersion { version } if version == "0.0.1"));
        for text in [
            "",
            "?",
            "&&&",
            "=",
            "==&=x",
            "%",
            "%zz=1",
            "visa_restrictions=NaN",
            "visa_restrictions=inf",
            "visa_restrictions=-1e400",
            "\u{0}=\u{0}",
            "https://example.org/x?visa_restrictions=%36%30",
        ] {
            let d = decode(text);
            for spec in PARAMS.iter() {
                assert!(spec.contains(d.scenario.get(spec.id)), "{text:?}");
            }
        }
        assert_eq!(
            decode("https://example.org/x?visa_restrictions=%36%30")
                .scenario
                .get(ParamId::VisaRestrictions),
            60.0
        );
    }

    #[test]
    fn view_keys_pass_through_without_notices() {
        let d =
            decode("pin=open_door&pin=visa_restrictions:50&view=diff&layout=embed&preset=today");
        assert_eq!(d.notices, vec![]);
        assert_eq!(d.view.len(), 5);
        assert_eq!(
            d.view[1],
            ("pin".to_string(), "visa_restrictions:50".to_string())
        );
        assert!(d.scenario.is_baseline());
    }

    #[test]
    fn every_lever_key_is_plain_ascii_so_needs_no_escape() {
        for spec in PARAMS.iter().filter(|p| p.kind == Kind::Lever) {
            assert_eq!(percent_encode(spec.key), spec.key);
        }
        assert_eq!(percent_decode(&percent_encode("a b&c=d/é")), "a b&c=d/é");
    }
}
