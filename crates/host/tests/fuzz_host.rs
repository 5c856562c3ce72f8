//! Fuzzing the host API's decoder: a message is whatever a page's script
//! posts. For a million generated messages (well-formed ones with hostile
//! values, near-misses of real ones, and random JSON of any shape) the
//! decoding and validation must never panic, and whatever they accept
//! must be valid: a scenario the model can run, a preset or story index in
//! range, a language. A command holds no text (see `HostCommand`), so
//! nothing a host sends can become markup. Deterministic: a fixed seed,
//! so a failure names its input and reproduces.

use serde_json::{json, Map, Value};
use talentflow_host::{allowed_origins, command, normal_origin, HostCommand, HostMessage};
use talentflow_model::story::STORY;
use talentflow_model::uncertainty::SplitMix64;
use talentflow_model::{PARAMS, PRESETS};

/// How many messages one run tries.
const INPUTS: usize = 1_000_000;

const TYPES: &[&str] = &[
    "talentflow:set",
    "talentflow:preset",
    "talentflow:story",
    "talentflow:lang",
    "talentflow:request-height",
    "talentflow:height",
    "set",
    "",
    "TALENTFLOW:SET",
    "talentflow:set ",
];

const STRINGS: &[&str] = &[
    "",
    " ",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "\"><svg onload=alert(1)>",
    "javascript:alert(1)",
    "en",
    "zh-CN",
    "zh",
    "fr",
    "decoupling",
    "open_door",
    "visa_restrictions",
    "compute_ratio",
    "policy_start_year",
    "__proto__",
    "constructor",
    "中文",
    "\u{0}",
    "\u{202e}",
    "1e309",
];

fn pick<'a, T>(rng: &mut SplitMix64, items: &'a [T]) -> &'a T {
    &items[(rng.next_u64() % items.len() as u64) as usize]
}

fn number(rng: &mut SplitMix64) -> f64 {
    match rng.next_u64() % 8 {
        0 => 0.0,
        1 => -1.0,
        2 => f64::MAX,
        3 => f64::MIN,
        4 => (rng.next_u64() % 10) as f64,
        5 => 1e-300,
        6 => (rng.next_u64() % 300) as f64 - 100.0 + 0.5,
        _ => f64::from_bits(rng.next_u64() & 0x7fef_ffff_ffff_ffff),
    }
}

/// Any JSON value, up to `depth` levels deep.
fn any_value(rng: &mut SplitMix64, depth: u32) -> Value {
    match rng.next_u64() % if depth == 0 { 5 } else { 7 } {
        0 => Value::Null,
        1 => Value::Bool(rng.next_u64().is_multiple_of(2)),
        2 => json!(number(rng)),
        3 => json!(pick(rng, STRINGS)),
        4 => json!(pick(rng, TYPES)),
        5 => Value::Array(
            (0..rng.next_u64() % 4)
                .map(|_| any_value(rng, depth - 1))
                .collect(),
        ),
        _ => {
            let mut map = Map::new();
            for _ in 0..rng.next_u64() % 5 {
                let key = if rng.next_u64().is_multiple_of(2) {
                    pick(rng, &PARAMS[..]).key.to_string()
                } else {
                    pick(rng, STRINGS).to_string()
                };
                map.insert(key, any_value(rng, depth - 1));
            }
            Value::Object(map)
        }
    }
}

/// A message shaped like the protocol's, with hostile or wrong values.
fn near_message(rng: &mut SplitMix64) -> Value {
    let mut map = Map::new();
    if !rng.next_u64().is_multiple_of(8) {
        let version = match rng.next_u64() % 4 {
            0 => json!(1),
            1 => json!(1.0),
            2 => any_value(rng, 0),
            _ => json!(2),
        };
        map.insert("version".into(), version);
    }
    map.insert("type".into(), json!(pick(rng, TYPES)));
    for field in ["settings", "preset", "step", "lang"] {
        if rng.next_u64().is_multiple_of(2) {
            continue;
        }
        let value = match (field, rng.next_u64() % 3) {
            ("settings", 0 | 1) => {
                let mut settings = Map::new();
                for _ in 0..rng.next_u64() % 6 {
                    let key = if rng.next_u64().is_multiple_of(4) {
                        pick(rng, STRINGS).to_string()
                    } else {
                        pick(rng, &PARAMS[..]).key.to_string()
                    };
                    settings.insert(key, json!(number(rng)));
                }
                Value::Object(settings)
            }
            ("preset", 0 | 1) => json!(if rng.next_u64().is_multiple_of(2) {
                pick(rng, &PRESETS[..]).id
            } else {
                pick(rng, STRINGS)
            }),
            ("step", 0 | 1) => json!(number(rng)),
            ("lang", 0 | 1) => json!(pick(rng, STRINGS)),
            _ => any_value(rng, 2),
        };
        map.insert(field.into(), value);
    }
    Value::Object(map)
}

fn check(input: &Value) {
    let Ok(message) = serde_json::from_value::<HostMessage>(input.clone()) else {
        return;
    };
    match command(&message) {
        Ok(HostCommand::Settings(scenario)) => {
            for p in PARAMS {
                let v = scenario.get(p.id);
                assert!(
                    v.is_finite() && v >= p.min && v <= p.max,
                    "{input}: {} = {v} outside its range",
                    p.key
                );
            }
        }
        Ok(HostCommand::Preset(i)) => assert!(i < PRESETS.len(), "{input}"),
        Ok(HostCommand::Story(Some(i))) => assert!(i < STORY.len(), "{input}"),
        Ok(HostCommand::Story(None) | HostCommand::Lang(_) | HostCommand::RequestHeight) => {}
        Err(refusal) => {
            let said = refusal.to_string();
            assert!(said.chars().count() < 400, "{input}: {said}");
        }
    }
}

#[test]
fn a_million_generated_messages_never_panic_and_only_valid_commands_pass() {
    let mut rng = SplitMix64::new(20261203);
    let mut accepted = 0;
    for i in 0..INPUTS {
        let input = if i % 2 == 0 {
            near_message(&mut rng)
        } else {
            any_value(&mut rng, 3)
        };
        check(&input);
        if serde_json::from_value::<HostMessage>(input)
            .ok()
            .is_some_and(|m| command(&m).is_ok())
        {
            accepted += 1;
        }
    }
    // The generator reaches the valid commands too, not only refusals.
    assert!(accepted > INPUTS / 50, "only {accepted} accepted");
}

#[test]
fn every_real_command_is_accepted() {
    let ok = |v: Value| command(&serde_json::from_value(v).expect("decodes")).expect("accepted");
    assert_eq!(
        ok(json!({"version": 1, "type": "talentflow:preset", "preset": PRESETS[1].id})),
        HostCommand::Preset(1)
    );
    assert_eq!(
        ok(json!({"version": 1, "type": "talentflow:story", "step": 2})),
        HostCommand::Story(Some(1))
    );
    assert_eq!(
        ok(json!({"version": 1, "type": "talentflow:story", "step": 0})),
        HostCommand::Story(None)
    );
    assert!(matches!(
        ok(json!({"version": 1, "type": "talentflow:lang", "lang": "zh-CN"})),
        HostCommand::Lang(talentflow_messages::Lang::Zh)
    ));
    match ok(
        json!({"version": 1, "type": "talentflow:set", "settings": {"visa_restrictions": 1000}}),
    ) {
        HostCommand::Settings(s) => {
            let id = talentflow_model::ParamId::from_key("visa_restrictions").expect("a parameter");
            assert_eq!(s.get(id), id.spec().max, "clamped into range");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn wrong_versions_types_and_values_are_refused() {
    let refused = |v: Value| {
        serde_json::from_value::<HostMessage>(v)
            .ok()
            .map(|m| command(&m))
            .is_none_or(|r| r.is_err())
    };
    assert!(
        refused(json!({"type": "talentflow:request-height"})),
        "no version"
    );
    assert!(refused(
        json!({"version": 2, "type": "talentflow:request-height"})
    ));
    assert!(refused(json!({"version": 1, "type": "talentflow:nope"})));
    assert!(refused(
        json!({"version": 1, "type": "talentflow:set", "settings": {"nope": 1}})
    ));
    assert!(refused(
        json!({"version": 1, "type": "talentflow:set", "settings": "visa_restrictions=60"})
    ));
    assert!(refused(
        json!({"version": 1, "type": "talentflow:story", "step": 1.5})
    ));
    assert!(refused(
        json!({"version": 1, "type": "talentflow:story", "step": STORY.len() + 1})
    ));
    assert!(refused(
        json!({"version": 1, "type": "talentflow:preset", "preset": "<b>x</b>"})
    ));
    assert!(refused(
        json!({"version": 1, "type": "talentflow:lang", "lang": "fr"})
    ));
    assert!(refused(json!("talentflow:set")));
    assert!(refused(json!(null)));
}

#[test]
fn a_link_allows_only_the_web_origins_it_lists() {
    assert_eq!(
        allowed_origins("layout=embed&origin=https%3A%2F%2FNews.Example%2F,http://localhost:8080&origin=https://b.example"),
        ["https://news.example", "http://localhost:8080", "https://b.example"]
    );
    assert!(allowed_origins("layout=embed").is_empty());
    for bad in [
        "*",
        "null",
        "https://a.example/path",
        "ftp://a.example",
        "https://",
        "javascript:alert(1)",
        "https://a.example:99999x",
    ] {
        assert_eq!(normal_origin(bad), None, "{bad}");
    }
}
