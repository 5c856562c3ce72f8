//! The browser's reader of the message files.
//!
//! The message files use one small part of Project Fluent's syntax: one
//! message per line (`key = text`), comments (`#`, `##`, `###`), blank
//! lines, and variables as `{ $name }` placeables; no selectors, terms,
//! attributes or multi-line values. For that subset this reader gives
//! exactly what Fluent's own resolver gives: `tests/flat.rs` compares the
//! two on every message of every file, so a file that leaves the subset
//! fails the tests. It does so in a few hundred bytes of wasm instead of the
//! tens of kilobytes of the full Fluent runtime: the bundle a reader's
//! phone downloads has a budget of 250 KB. Native builds (the command line
//! and the tests) resolve with Fluent itself.

/// Messages read from one or more message files: `(key, text)` pairs,
/// sorted by key, the first definition of a key winning (as Fluent keeps
/// the first when a later file defines the key again).
#[derive(Clone, Debug, Default)]
pub struct FlatMessages {
    entries: Vec<(Box<str>, Box<str>)>,
}

impl FlatMessages {
    /// The messages of `source`.
    pub fn parse(source: &str) -> FlatMessages {
        let mut messages = FlatMessages::default();
        messages.add(source);
        messages
    }

    /// Adds the messages of one more file; keys already present keep
    /// their text.
    pub fn add(&mut self, source: &str) {
        for line in source.lines() {
            let Some((key, text)) = parse_line(line) else {
                continue;
            };
            if let Err(at) = self.entries.binary_search_by(|(k, _)| (**k).cmp(key)) {
                self.entries.insert(at, (key.into(), text.into()));
            }
        }
    }

    /// The raw text of `key`'s message, placeables unresolved.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.entries
            .binary_search_by(|(k, _)| (**k).cmp(key))
            .ok()
            .map(|i| &*self.entries[i].1)
    }

    /// Every key, sorted.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.entries.iter().map(|(k, _)| &**k)
    }
}

/// `key = text` on one line: the key (letters, digits, `-`, `_`, starting
/// with a letter) and the text with the spaces around it trimmed. Comments,
/// blank lines and anything else give `None`.
fn parse_line(line: &str) -> Option<(&str, &str)> {
    let (key, text) = line.split_once('=')?;
    let key = key.trim_end();
    let mut chars = key.chars();
    let first = chars.next()?;
    if !first.is_ascii_alphabetic()
        || !chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return None;
    }
    Some((key, text.trim()))
}

/// `text` with every `{ $name }` replaced by the value given for `name`;
/// a placeable with no value becomes `{$name}`, as Fluent writes it.
pub fn fill(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let inner = after[..close].trim();
        match inner.strip_prefix('$') {
            Some(name) => match args.iter().find(|(n, _)| *n == name) {
                Some((_, value)) => out.push_str(value),
                None => {
                    out.push_str("{$");
                    out.push_str(name);
                    out.push('}');
                }
            },
            None => out.push_str(&rest[open..open + close + 2]),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(any(not(target_arch = "wasm32"), feature = "builtin"))]
use crate::Pack;
use crate::{Lang, NumberFormat};
use std::borrow::Cow;
use std::fmt;

/// The messages of one language as the browser holds them: the same API
/// as the Fluent catalogue of native builds, for what the app uses.
pub struct FlatCatalog {
    lang: Lang,
    messages: FlatMessages,
}

impl fmt::Debug for FlatCatalog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Catalog")
            .field("lang", &self.lang)
            .field("messages", &self.messages.entries.len())
            .finish()
    }
}

impl FlatCatalog {
    /// The catalogue of `lang` with every pack, from the compiled-in files.
    #[cfg(any(not(target_arch = "wasm32"), feature = "builtin"))]
    pub fn load(lang: Lang) -> FlatCatalog {
        let mut catalog = FlatCatalog::new(lang);
        for pack in Pack::ALL {
            catalog.add_source(lang.pack_source(pack));
        }
        catalog
    }

    /// A catalogue of `lang` without messages yet.
    pub fn new(lang: Lang) -> FlatCatalog {
        FlatCatalog {
            lang,
            messages: FlatMessages::default(),
        }
    }

    /// Adds the messages of one more file; a message already present keeps
    /// its first text.
    pub fn add_source(&mut self, source: &str) {
        self.messages.add(source);
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// How this catalogue's language writes numbers.
    pub fn numbers(&self) -> NumberFormat {
        self.lang.numbers()
    }

    /// Whether `key` has a message.
    pub fn has(&self, key: &str) -> bool {
        self.messages.get(key).is_some()
    }

    /// The message for `key`, or the key in brackets when missing.
    pub fn text(&self, key: &str) -> Cow<'_, str> {
        match self.messages.get(key) {
            Some(text) if !text.contains('{') => Cow::Borrowed(text),
            Some(text) => Cow::Owned(fill(text, &[])),
            None => Cow::Owned(format!("[{key}]")),
        }
    }

    /// The message for `key` with its placeables filled in.
    pub fn format(&self, key: &str, args: &[(&str, &str)]) -> String {
        match self.messages.get(key) {
            Some(text) => fill(text, args),
            None => format!("[{key}]"),
        }
    }

    /// Every message key, sorted.
    pub fn keys(&self) -> Vec<&str> {
        self.messages.keys().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_message_shows_its_key_and_a_plain_one_is_borrowed() {
        let mut c = FlatCatalog::new(Lang::En);
        c.add_source("plain = Hello\nwith = Hi { $name }");
        assert_eq!(c.text("nope"), "[nope]");
        assert!(matches!(c.text("plain"), Cow::Borrowed("Hello")));
        assert_eq!(c.format("with", &[("name", "you")]), "Hi you");
        assert_eq!(c.keys(), ["plain", "with"]);
    }

    #[test]
    fn reads_keys_and_trims_text() {
        let m =
            FlatMessages::parse("## a comment\nfirst = One \n\nsecond-key =Two words\n# x = no\n");
        assert_eq!(m.get("first"), Some("One"));
        assert_eq!(m.get("second-key"), Some("Two words"));
        assert_eq!(m.get("x"), None);
        assert_eq!(m.keys().collect::<Vec<_>>(), ["first", "second-key"]);
    }

    #[test]
    fn the_first_definition_wins() {
        let mut m = FlatMessages::parse("k = first");
        m.add("k = second\nother = yes");
        assert_eq!(m.get("k"), Some("first"));
        assert_eq!(m.get("other"), Some("yes"));
    }

    #[test]
    fn fills_placeables_and_marks_missing_ones() {
        assert_eq!(
            fill("In { $year }, { $us }%", &[("year", "2035"), ("us", "69")]),
            "In 2035, 69%"
        );
        assert_eq!(fill("{ $a } and { $b }", &[("a", "x")]), "x and {$b}");
        assert_eq!(fill("no braces", &[]), "no braces");
    }
}
