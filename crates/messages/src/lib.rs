//! Every string a reader sees, looked up by key.
//!
//! Messages live in one file per language under `locales/` at the
//! repository root, written in Project Fluent syntax (`key = text`, with
//! `{ $name }` placeables and indented continuation lines). Only that simple
//! subset is used for now, read by [`Catalog::parse`]; a test keeps the
//! files inside it. The model carries keys (`param-<key>-label`); the app
//! and the command line turn keys into text here.

use std::borrow::Cow;
use std::collections::HashMap;

/// A language the product speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
}

impl Lang {
    /// BCP 47 tag, for `<html lang>` and the URL.
    pub const fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
        }
    }
    /// The message file's text.
    pub const fn source(self) -> &'static str {
        match self {
            Lang::En => include_str!("../../../locales/en.ftl"),
        }
    }
}

/// The messages of one language.
#[derive(Clone, Debug)]
pub struct Catalog {
    lang: Lang,
    messages: HashMap<&'static str, String>,
}

/// A line of a message file that is not in the supported subset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub text: String,
}

impl Catalog {
    /// The catalog of `lang`, from its built-in file. A line the reader
    /// cannot parse is skipped (the test suite keeps the files clean).
    pub fn load(lang: Lang) -> Catalog {
        let (messages, _) = Self::parse(lang.source());
        Catalog { lang, messages }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// Parse message-file text: returns the messages and the lines that
    /// were not understood.
    pub fn parse(source: &'static str) -> (HashMap<&'static str, String>, Vec<ParseError>) {
        let mut messages: HashMap<&'static str, String> = HashMap::new();
        let mut errors = Vec::new();
        let mut current: Option<&'static str> = None;
        for (n, line) in source.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                current = if line.trim().is_empty() {
                    None
                } else {
                    current
                };
                continue;
            }
            if line.starts_with(' ') {
                match current.and_then(|k| messages.get_mut(k)) {
                    Some(text) => {
                        if !text.is_empty() {
                            text.push(' ');
                        }
                        text.push_str(line.trim());
                    }
                    None => errors.push(ParseError {
                        line: n + 1,
                        text: line.to_string(),
                    }),
                }
                continue;
            }
            match line.split_once('=') {
                Some((key, value)) if is_identifier(key.trim()) => {
                    let key = key.trim();
                    messages.insert(key, value.trim().to_string());
                    current = Some(key);
                }
                _ => {
                    errors.push(ParseError {
                        line: n + 1,
                        text: line.to_string(),
                    });
                    current = None;
                }
            }
        }
        (messages, errors)
    }

    /// Whether `key` has a message.
    pub fn has(&self, key: &str) -> bool {
        self.messages.contains_key(key)
    }

    /// The message for `key`, or the key itself in brackets when missing,
    /// so that a missing message shows (and a test catches it) rather than
    /// leaving a blank.
    pub fn text(&self, key: &str) -> Cow<'_, str> {
        match self.messages.get(key) {
            Some(t) => Cow::Borrowed(t.as_str()),
            None => Cow::Owned(format!("[{key}]")),
        }
    }

    /// The message for `key` with `{ $name }` placeables filled in.
    pub fn format(&self, key: &str, args: &[(&str, &str)]) -> String {
        let mut out = self.text(key).into_owned();
        for (name, value) in args {
            out = out.replace(&format!("{{ ${name} }}"), value);
        }
        out
    }

    /// Every key, sorted (for tests and docs).
    pub fn keys(&self) -> Vec<&'static str> {
        let mut keys: Vec<&'static str> = self.messages.keys().copied().collect();
        keys.sort_unstable();
        keys
    }
}

fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    matches!(chars.next(), Some(c) if c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_message_file_parses_without_errors() {
        let (_, errors) = Catalog::parse(Lang::En.source());
        assert!(errors.is_empty(), "lines not understood: {errors:?}");
    }

    #[test]
    fn continuation_lines_join_and_placeables_fill() {
        let (m, errors) =
            Catalog::parse("greeting = Hello\n    { $name }!\n# comment\nother = x\n");
        assert!(errors.is_empty());
        assert_eq!(m["greeting"], "Hello { $name }!");
        let c = Catalog {
            lang: Lang::En,
            messages: m,
        };
        assert_eq!(c.format("greeting", &[("name", "Ada")]), "Hello Ada!");
        assert_eq!(c.text("missing"), "[missing]");
    }

    #[test]
    fn message_files_use_only_simple_placeables() {
        let c = Catalog::load(Lang::En);
        for key in c.keys() {
            let t = c.text(key);
            assert!(!t.contains("->"), "{key}: selectors are not supported yet");
            assert!(
                !t.contains("{ -"),
                "{key}: term references are not supported yet"
            );
        }
    }
}
