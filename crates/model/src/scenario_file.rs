//! The scenario file: a small JSON document a reader saves and opens again.
//!
//! ```json
//! {
//!   "format": "talentflow-scenario",
//!   "model_version": "1.3.0",
//!   "name": "Visa rules tighten",
//!   "preset": null,
//!   "settings": { "visa_restrictions": 60, "compute_ratio": 20 }
//! }
//! ```
//!
//! A file is outside input: written by hand, edited, truncated, or not a
//! scenario at all. [`read`] never panics and does work linear in the
//! file's length: text that is not JSON, or JSON that is not a scenario
//! file, is refused with a [`FileError`] (the app then shows a message and
//! changes nothing); a scenario file's settings go through the same
//! decoder as a link ([`crate::query::decode`]), so unknown keys are
//! ignored, values out of range are clamped and unreadable values keep
//! their defaults, each with a notice.

use crate::presets::PRESETS;
use crate::query::{decode, encode_pairs, percent_encode, Decoded};
use crate::scenario::Scenario;
use crate::MODEL_VERSION;

/// The `format` field of a scenario file.
pub const FILE_FORMAT: &str = "talentflow-scenario";
/// Files longer than this are refused unread (a scenario file is well
/// under a kilobyte).
pub const MAX_FILE_BYTES: usize = 256 * 1024;
/// Deepest nesting of arrays and objects read (a scenario file nests 2).
pub const MAX_DEPTH: usize = 32;
/// Longest scenario name kept, in characters.
pub const MAX_NAME_CHARS: usize = 200;

/// Why a file was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileError {
    /// Not JSON (or too long, or nested too deeply, to be a scenario file).
    NotJson,
    /// JSON, but not a scenario file: no `format` of
    /// [`FILE_FORMAT`], or no `settings` object.
    Foreign,
}

/// A scenario file read back.
#[derive(Clone, Debug, PartialEq)]
pub struct ScenarioFile {
    /// The settings decoded onto the baseline, with notices about values
    /// that had to be mended and the file's model version.
    pub decoded: Decoded,
    /// The scenario's name (empty when the file has none), at most
    /// [`MAX_NAME_CHARS`] characters.
    pub name: String,
    /// The index in [`PRESETS`] of the preset the file names, if known.
    pub preset: Option<usize>,
}

/// Reads a scenario file.
pub fn read(text: &str) -> Result<ScenarioFile, FileError> {
    if text.len() > MAX_FILE_BYTES {
        return Err(FileError::NotJson);
    }
    let value = parse(text).ok_or(FileError::NotJson)?;
    let Value::Object(fields) = &value else {
        return Err(FileError::Foreign);
    };
    if !matches!(field(fields, "format"), Some(Value::String(f)) if f == FILE_FORMAT) {
        return Err(FileError::Foreign);
    }
    let Some(Value::Object(settings)) = field(fields, "settings") else {
        return Err(FileError::Foreign);
    };
    // In file order, so that of a repeated key the last value wins (as in
    // `JSON.parse`).
    let mut query = String::new();
    for (key, value) in settings {
        let text = match value {
            Value::Number(n) => n.to_string(),
            Value::String(s) => s.clone(),
            _ => String::new(),
        };
        query.push_str(&percent_encode(key));
        query.push('=');
        query.push_str(&percent_encode(&text));
        query.push('&');
    }
    if let Some(Value::String(version)) = field(fields, "model_version") {
        query.push_str("v=");
        query.push_str(&percent_encode(version));
    }
    let decoded = decode(&query);
    let preset = match field(fields, "preset") {
        Some(Value::String(id)) => PRESETS.iter().position(|p| p.id == id),
        _ => None,
    };
    let name = match field(fields, "name") {
        Some(Value::String(name)) => name.chars().take(MAX_NAME_CHARS).collect(),
        _ => String::new(),
    };
    Ok(ScenarioFile {
        decoded,
        name,
        preset,
    })
}

/// Writes a scenario file: format, model version, name, preset id, the
/// settings that differ from the baseline (as numbers), two-space indent.
pub fn write(name: &str, scenario: &Scenario, preset: Option<usize>) -> String {
    let mut out = String::with_capacity(256);
    out.push_str("{\n  \"format\": ");
    push_string(&mut out, FILE_FORMAT);
    out.push_str(",\n  \"model_version\": ");
    push_string(&mut out, MODEL_VERSION);
    out.push_str(",\n  \"name\": ");
    push_string(&mut out, name);
    out.push_str(",\n  \"preset\": ");
    match preset.and_then(|i| PRESETS.get(i)) {
        Some(p) => push_string(&mut out, p.id),
        None => out.push_str("null"),
    }
    out.push_str(",\n  \"settings\": {");
    let pairs = encode_pairs(scenario);
    for (i, (key, value)) in pairs.iter().enumerate() {
        out.push_str(if i == 0 { "\n    " } else { ",\n    " });
        push_string(&mut out, key);
        out.push_str(": ");
        // Rust prints a finite `f64` as a plain decimal, which is JSON.
        let number: f64 = crate::decimal::parse(value).unwrap_or(f64::NAN);
        if number.is_finite() {
            out.push_str(&number.to_string());
        } else {
            push_string(&mut out, value);
        }
    }
    out.push_str(if pairs.is_empty() { "}\n}" } else { "\n  }\n}" });
    out
}

/// A JSON string literal.
fn push_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => {
                let hex = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(hex[c as usize >> 4] as char);
                out.push(hex[c as usize & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    /// An array, by its number of items (a scenario file reads none).
    Array(usize),
    /// Members in file order; a repeated name is kept each time (readers
    /// take the last, as `JSON.parse` does).
    Object(Vec<(String, Value)>),
}

/// The last member named `name`.
fn field<'a>(fields: &'a [(String, Value)], name: &str) -> Option<&'a Value> {
    fields.iter().rev().find(|(k, _)| k == name).map(|(_, v)| v)
}

/// Parses JSON text (RFC 8259; a leading byte-order mark is allowed).
/// `None` for anything else and for nesting deeper than [`MAX_DEPTH`]. A
/// number beyond the range of `f64` is infinite (as in `JSON.parse`).
pub fn parse(text: &str) -> Option<Value> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut p = Parser {
        bytes: text.as_bytes(),
        at: 0,
    };
    let value = p.value(0)?;
    p.skip_space();
    (p.at == p.bytes.len()).then_some(value)
}

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        if found {
            self.at += 1;
        }
        found
    }

    fn literal(&mut self, word: &str, value: Value) -> Option<Value> {
        let end = self.at + word.len();
        (self.bytes.get(self.at..end)? == word.as_bytes()).then(|| {
            self.at = end;
            value
        })
    }

    fn value(&mut self, depth: usize) -> Option<Value> {
        self.skip_space();
        match self.peek()? {
            b'{' => self.object(depth + 1),
            b'[' => self.array(depth + 1),
            b'"' => self.string().map(Value::String),
            b't' => self.literal("true", Value::Bool(true)),
            b'f' => self.literal("false", Value::Bool(false)),
            b'n' => self.literal("null", Value::Null),
            b'-' | b'0'..=b'9' => self.number().map(Value::Number),
            _ => None,
        }
    }

    fn object(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.at += 1;
        let mut fields = Vec::new();
        self.skip_space();
        if self.eat(b'}') {
            return Some(Value::Object(fields));
        }
        loop {
            self.skip_space();
            if self.peek()? != b'"' {
                return None;
            }
            let key = self.string()?;
            self.skip_space();
            if !self.eat(b':') {
                return None;
            }
            let value = self.value(depth)?;
            fields.push((key, value));
            self.skip_space();
            if self.eat(b'}') {
                return Some(Value::Object(fields));
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    fn array(&mut self, depth: usize) -> Option<Value> {
        if depth > MAX_DEPTH {
            return None;
        }
        self.at += 1;
        let mut items = 0;
        self.skip_space();
        if self.eat(b']') {
            return Some(Value::Array(items));
        }
        loop {
            self.value(depth)?;
            items += 1;
            self.skip_space();
            if self.eat(b']') {
                return Some(Value::Array(items));
            }
            if !self.eat(b',') {
                return None;
            }
        }
    }

    /// A string literal starting at the opening quote. Lone surrogates
    /// (legal in JSON, not in Rust strings) become U+FFFD.
    fn string(&mut self) -> Option<String> {
        self.at += 1;
        let mut out = String::new();
        loop {
            let start = self.at;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= 0x20) {
                self.at += 1;
            }
            // The input is a `str` and the run stops only at ASCII bytes,
            // so the slice is whole characters.
            out.push_str(std::str::from_utf8(&self.bytes[start..self.at]).ok()?);
            match self.peek()? {
                b'"' => {
                    self.at += 1;
                    return Some(out);
                }
                b'\\' => {
                    self.at += 1;
                    let c = match self.peek()? {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            self.at += 1;
                            let unit = self.hex4()?;
                            let c = match unit {
                                0xd800..=0xdbff => {
                                    let low = self.bytes.get(self.at..self.at + 6).and_then(|s| {
                                        (s[0] == b'\\' && s[1] == b'u').then(|| hex(&s[2..]))?
                                    });
                                    match low {
                                        Some(low @ 0xdc00..=0xdfff) => {
                                            self.at += 6;
                                            let code = 0x10000
                                                + ((u32::from(unit) - 0xd800) << 10)
                                                + (u32::from(low) - 0xdc00);
                                            char::from_u32(code).unwrap_or('\u{fffd}')
                                        }
                                        _ => '\u{fffd}',
                                    }
                                }
                                unit => char::from_u32(u32::from(unit)).unwrap_or('\u{fffd}'),
                            };
                            out.push(c);
                            continue;
                        }
                        _ => return None,
                    };
                    self.at += 1;
                    out.push(c);
                }
                // A control character inside a string.
                _ => return None,
            }
        }
    }

    fn hex4(&mut self) -> Option<u16> {
        let unit = hex(self.bytes.get(self.at..self.at + 4)?)?;
        self.at += 4;
        Some(unit)
    }

    fn number(&mut self) -> Option<f64> {
        let start = self.at;
        self.eat(b'-');
        match self.peek()? {
            b'0' => self.at += 1,
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if self.eat(b'.') {
            if !self.peek()?.is_ascii_digit() {
                return None;
            }
            self.digits();
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if !self.peek()?.is_ascii_digit() {
                return None;
            }
            self.digits();
        }
        let text = std::str::from_utf8(&self.bytes[start..self.at]).ok()?;
        crate::decimal::parse(text)
    }

    fn digits(&mut self) {
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
    }
}

/// Four hexadecimal digits as a number.
fn hex(digits: &[u8]) -> Option<u16> {
    if digits.len() < 4 {
        return None;
    }
    digits[..4].iter().try_fold(0u16, |acc, &d| {
        let v = (d as char).to_digit(16)?;
        Some(acc << 4 | v as u16)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::ParamId;

    #[test]
    fn a_written_file_reads_back_to_the_same_scenario_name_and_preset() {
        let mut s = Scenario::baseline();
        s.set(ParamId::VisaRestrictions, 60.0).unwrap();
        s.set(ParamId::ComputeRatio, 20.0).unwrap();
        let text = write("Visa \"rules\"\n\\ 中文\u{1}", &s, Some(0));
        let file = read(&text).unwrap();
        assert_eq!(file.decoded.scenario, s);
        assert!(
            file.decoded.notices.is_empty(),
            "{:?}",
            file.decoded.notices
        );
        assert_eq!(file.name, "Visa \"rules\"\n\\ 中文\u{1}");
        assert_eq!(file.preset, Some(0));
        let baseline = read(&write("", &Scenario::baseline(), None)).unwrap();
        assert!(baseline.decoded.scenario.is_baseline());
        assert_eq!(baseline.preset, None);
    }

    #[test]
    fn text_that_is_not_json_is_refused() {
        for bad in [
            "",
            "{",
            "{\"format\": \"talentflow-scenario\", \"settings\": {}",
            "{'format': 1}",
            "[1, 2,]",
            "01",
            "1.",
            "-",
            "\"a\u{1}\"",
            "\"\\x\"",
            "nul",
            "{} {}",
            &"[".repeat(MAX_DEPTH + 1),
        ] {
            assert_eq!(read(bad), Err(FileError::NotJson), "{bad:?}");
        }
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&deep).is_some());
        assert_eq!(read(&deep), Err(FileError::Foreign));
    }

    #[test]
    fn json_that_is_not_a_scenario_file_is_refused() {
        for foreign in [
            "null",
            "[]",
            "{}",
            "{\"format\": \"other\", \"settings\": {}}",
            "{\"format\": \"talentflow-scenario\"}",
            "{\"format\": \"talentflow-scenario\", \"settings\": []}",
            "{\"format\": \"talentflow-scenario\", \"settings\": {}, \"format\": 1}",
        ] {
            assert_eq!(read(foreign), Err(FileError::Foreign), "{foreign}");
        }
    }

    #[test]
    fn strings_decode_escapes_and_surrogate_pairs() {
        assert_eq!(
            parse(r#""a\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00\ud800x""#),
            Some(Value::String("a\"\\/\u{8}\u{c}\n\r\té😀\u{fffd}x".into()))
        );
    }

    #[test]
    fn bad_settings_are_mended_with_notices_and_the_last_of_a_repeated_key_wins() {
        let text = r#"{"format":"talentflow-scenario","settings":{
            "visa_restrictions": 1000, "compute_ratio": "lots",
            "no_such_lever": 1, "pay_gap": 200, "pay_gap": 4, "us_research_funding": [1],
            "beta_pay": -1e999}}"#;
        let file = read(text).unwrap();
        let s = file.decoded.scenario;
        assert_eq!(s.get(ParamId::VisaRestrictions), 90.0);
        assert_eq!(s.get(ParamId::ComputeRatio), 5.0);
        assert_eq!(s.get(ParamId::PayGap), 4.0);
        assert_eq!(s.get(ParamId::UsResearchFunding), 1.0);
        assert_eq!(s.get(ParamId::BetaPay), 0.3);
        // Every value that had to be mended has its notice, the first pay gap too.
        assert_eq!(file.decoded.notices.len(), 6, "{:?}", file.decoded.notices);
    }
}
