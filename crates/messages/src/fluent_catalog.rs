//! The messages of one language, resolved by Project Fluent's own crates:
//! the command line and the tests. (The browser reads the same files with
//! [`crate::flat`], which a test holds to exactly Fluent's output.)

#[cfg(any(not(target_arch = "wasm32"), feature = "builtin"))]
use crate::Pack;
use crate::{Lang, NumberFormat};
use fluent_bundle::{FluentArgs, FluentBundle, FluentError, FluentResource};
use fluent_syntax::ast;
use fluent_syntax::parser::ParserError;
use std::borrow::Cow;
use std::fmt;
use std::rc::Rc;
use unic_langid::LanguageIdentifier;

fn langid(lang: Lang) -> LanguageIdentifier {
    // Both tags are constants known to parse; `default()` is `und`,
    // which only affects plural rules, and no message selects on one.
    lang.tag().parse().unwrap_or_default()
}

/// The messages of one language.
pub struct Catalog {
    lang: Lang,
    resources: Vec<Rc<FluentResource>>,
    bundle: FluentBundle<Rc<FluentResource>>,
}

/// Something wrong in a message file: a syntax error, or a message
/// declared twice.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseError {
    /// The line (from 1) where it is.
    pub line: usize,
    /// What is wrong, and the line's text.
    pub text: String,
}

impl fmt::Debug for Catalog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Catalog")
            .field("lang", &self.lang)
            .field("messages", &self.keys().len())
            .finish()
    }
}

impl Catalog {
    /// The catalog of `lang` with every pack, from the built-in files. An
    /// entry Fluent cannot parse is skipped (the test suite keeps the files
    /// clean).
    #[cfg(any(not(target_arch = "wasm32"), feature = "builtin"))]
    pub fn load(lang: Lang) -> Catalog {
        let mut catalog = Catalog::new(lang);
        for pack in Pack::ALL {
            catalog.add_source(lang.pack_source(pack));
        }
        catalog
    }

    /// A catalog of `lang` without messages yet: add files with
    /// [`Catalog::add_source`] (the browser, as it fetches them).
    pub fn new(lang: Lang) -> Catalog {
        // Not `from_source`: the app never shows parse errors, so their
        // text (and its formatting code) stays out of the wasm bundle.
        Catalog::build(lang, "").0
    }

    /// Adds the messages of one more file (a pack loaded later). A message
    /// already present keeps its first text; an entry that does not parse
    /// is skipped.
    pub fn add_source(&mut self, source: &str) {
        let resource = match FluentResource::try_new(source.to_string()) {
            Ok(resource) => resource,
            Err((resource, _)) => resource,
        };
        let resource = Rc::new(resource);
        let _ = self.bundle.add_resource(Rc::clone(&resource));
        self.resources.push(resource);
    }

    /// A catalog from message-file text, with what was wrong in it.
    pub fn from_source(lang: Lang, source: &str) -> (Catalog, Vec<ParseError>) {
        let (catalog, parse_errors, add_errors) = Catalog::build(lang, source);
        let mut errors: Vec<ParseError> = parse_errors
            .into_iter()
            .map(|e| {
                let line = line_of(source, e.pos.start);
                ParseError {
                    line,
                    text: format!("{e}: {}", line_text(source, line)),
                }
            })
            .collect();
        errors.extend(add_errors.into_iter().map(|e| {
            let line = match &e {
                FluentError::Overriding { id, .. } => last_line_defining(source, id),
                _ => 0,
            };
            ParseError {
                line,
                text: e.to_string(),
            }
        }));
        (catalog, errors)
    }

    fn build(lang: Lang, source: &str) -> (Catalog, Vec<ParserError>, Vec<FluentError>) {
        let (resource, parse_errors) = match FluentResource::try_new(source.to_string()) {
            Ok(resource) => (resource, Vec::new()),
            Err((resource, errors)) => (resource, errors),
        };
        let resource = Rc::new(resource);
        let mut bundle = FluentBundle::new(vec![langid(lang)]);
        bundle.set_use_isolating(false);
        let add_errors = match bundle.add_resource(Rc::clone(&resource)) {
            Ok(()) => Vec::new(),
            Err(errors) => errors,
        };
        let catalog = Catalog {
            lang,
            resources: vec![resource],
            bundle,
        };
        (catalog, parse_errors, add_errors)
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// How this catalog's language writes numbers.
    pub fn numbers(&self) -> NumberFormat {
        self.lang.numbers()
    }

    /// Whether `key` has a message with a value.
    pub fn has(&self, key: &str) -> bool {
        self.pattern(key).is_some()
    }

    /// The message for `key`, or the key itself in brackets when missing,
    /// so that a missing message shows (and a test catches it) rather than
    /// leaving a blank.
    pub fn text(&self, key: &str) -> Cow<'_, str> {
        match self.pattern(key) {
            Some(pattern) => {
                let mut errors = Vec::new();
                self.bundle.format_pattern(pattern, None, &mut errors)
            }
            None => Cow::Owned(missing(key)),
        }
    }

    /// The message for `key` with `{ $name }` placeables filled in by the
    /// given strings, as they are. A placeable left without a value shows
    /// as `{$name}`.
    pub fn format(&self, key: &str, args: &[(&str, &str)]) -> String {
        let Some(pattern) = self.pattern(key) else {
            return missing(key);
        };
        let mut fluent_args = FluentArgs::with_capacity(args.len());
        for (name, value) in args {
            fluent_args.set(*name, *value);
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }

    /// Every message key, sorted (for tests and docs). Terms (`-name`)
    /// are private to a file and not listed.
    pub fn keys(&self) -> Vec<&str> {
        let mut keys: Vec<&str> = self
            .resources
            .iter()
            .flat_map(|resource| resource.entries())
            .filter_map(|entry| match entry {
                ast::Entry::Message(m) => Some(m.id.name),
                _ => None,
            })
            .collect();
        keys.sort_unstable();
        keys.dedup();
        keys
    }

    /// The names of the variables (`{ $name }`) that `key`'s message uses,
    /// in its value, its attributes and any select expression, sorted and
    /// without repeats; empty when there is no such message.
    pub fn placeables(&self, key: &str) -> Vec<&str> {
        let mut names = Vec::new();
        for entry in self.resources.iter().flat_map(|r| r.entries()) {
            if let ast::Entry::Message(m) = entry {
                if m.id.name == key {
                    if let Some(value) = &m.value {
                        pattern_variables(value, &mut names);
                    }
                    for attribute in &m.attributes {
                        pattern_variables(&attribute.value, &mut names);
                    }
                }
            }
        }
        names.sort_unstable();
        names.dedup();
        names
    }

    fn pattern(&self, key: &str) -> Option<&ast::Pattern<&str>> {
        self.bundle.get_message(key).and_then(|m| m.value())
    }
}

fn missing(key: &str) -> String {
    format!("[{key}]")
}

fn pattern_variables<'s>(pattern: &ast::Pattern<&'s str>, out: &mut Vec<&'s str>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables<'s>(expression: &ast::Expression<&'s str>, out: &mut Vec<&'s str>) {
    match expression {
        ast::Expression::Inline(inline) => inline_variables(inline, out),
        ast::Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                pattern_variables(&variant.value, out);
            }
        }
    }
}

fn inline_variables<'s>(inline: &ast::InlineExpression<&'s str>, out: &mut Vec<&'s str>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => out.push(id.name),
        ast::InlineExpression::Placeable { expression } => expression_variables(expression, out),
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            call_variables(arguments, out)
        }
        ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => call_variables(arguments, out),
        _ => {}
    }
}

fn call_variables<'s>(arguments: &ast::CallArguments<&'s str>, out: &mut Vec<&'s str>) {
    for positional in &arguments.positional {
        inline_variables(positional, out);
    }
    for named in &arguments.named {
        inline_variables(&named.value, out);
    }
}

/// The line (from 1) holding byte `pos` of `source`.
fn line_of(source: &str, pos: usize) -> usize {
    let end = pos.min(source.len());
    source.bytes().take(end).filter(|b| *b == b'\n').count() + 1
}

fn line_text(source: &str, line: usize) -> &str {
    source.lines().nth(line.saturating_sub(1)).unwrap_or("")
}

/// The last line (from 1) that starts the message `id`; 0 if none does.
fn last_line_defining(source: &str, id: &str) -> usize {
    source
        .lines()
        .enumerate()
        .filter(|(_, line)| {
            line.strip_prefix(id)
                .is_some_and(|rest| rest.trim_start().starts_with('='))
        })
        .map(|(n, _)| n + 1)
        .last()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalog(source: &str) -> Catalog {
        let (catalog, errors) = Catalog::from_source(Lang::En, source);
        assert!(errors.is_empty(), "{errors:?}");
        catalog
    }

    #[test]
    fn placeables_fill_with_the_given_text_and_no_isolation_marks() {
        let c = catalog("share = { $value }%\ngreeting = Hello { $name }!\n");
        let filled = c.format("share", &[("value", "71")]);
        assert_eq!(filled, "71%");
        assert!(!filled.contains(['\u{2068}', '\u{2069}']));
        assert_eq!(c.format("greeting", &[("name", "Ada")]), "Hello Ada!");
    }

    #[test]
    fn a_missing_message_shows_its_key_in_brackets() {
        let c = catalog("other = x\n");
        assert_eq!(c.text("missing"), "[missing]");
        assert_eq!(c.format("missing", &[("a", "b")]), "[missing]");
        assert!(!c.has("missing"));
        assert!(c.has("other"));
    }

    #[test]
    fn a_placeable_without_a_value_shows_its_name() {
        let c = catalog("greeting = Hello { $name }!\n");
        assert_eq!(c.format("greeting", &[]), "Hello {$name}!");
    }

    #[test]
    fn text_of_a_plain_message_is_borrowed_from_the_catalog() {
        let c = catalog("title = Talent Flow Explorer\n");
        assert!(matches!(
            c.text("title"),
            Cow::Borrowed("Talent Flow Explorer")
        ));
    }

    #[test]
    fn a_syntax_error_is_reported_with_its_line_and_the_rest_still_loads() {
        let (c, errors) =
            Catalog::from_source(Lang::En, "good = yes\nthis is not fluent\nalso = ok\n");
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].line, 2);
        assert!(errors[0].text.contains("this is not fluent"));
        assert_eq!(c.text("good"), "yes");
        assert_eq!(c.text("also"), "ok");
    }

    #[test]
    fn a_message_declared_twice_is_reported_at_its_second_line() {
        let (_, errors) = Catalog::from_source(Lang::En, "a = 1\nb = 2\na = 3\n");
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert_eq!(errors[0].line, 3);
    }

    #[test]
    fn keys_and_placeables_are_read_from_the_file() {
        let c = catalog(
            "-brand = Talent Flow\nb = { $y } and { $x } { $y }\na = { -brand }\n# c = no\n",
        );
        assert_eq!(c.keys(), vec!["a", "b"]);
        assert_eq!(c.placeables("b"), vec!["x", "y"]);
        assert!(c.placeables("a").is_empty());
        assert_eq!(c.text("a"), "Talent Flow");
    }

    #[test]
    fn placeables_inside_a_selector_are_counted() {
        let c = catalog("n = { $count ->\n    [one] one { $what }\n   *[other] many\n}\n");
        assert_eq!(c.placeables("n"), vec!["count", "what"]);
    }

    #[test]
    fn language_tags_in_every_common_spelling_resolve() {
        for tag in ["en", "en-US", "EN-gb", "en_GB", " en "] {
            assert_eq!(Lang::from_tag(tag), Some(Lang::En), "{tag}");
        }
        for tag in [
            "zh",
            "zh-CN",
            "zh-cn",
            "zh_CN",
            "zh-Hans",
            "zh-Hans-CN",
            "zh-TW",
            "ZH",
        ] {
            assert_eq!(Lang::from_tag(tag), Some(Lang::Zh), "{tag}");
        }
        for tag in ["", "fr", "de-DE", "x", "zh--", "english"] {
            assert_eq!(Lang::from_tag(tag), None, "{tag}");
        }
    }

    #[test]
    fn every_languages_own_tag_resolves_back_to_it() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_tag(lang.tag()), Some(lang));
            assert_eq!(Catalog::load(lang).lang(), lang);
        }
    }

    #[test]
    fn the_first_spoken_preference_wins_and_english_is_the_fallback() {
        assert_eq!(Lang::from_preferences(["fr-FR", "zh-CN", "en"]), Lang::Zh);
        assert_eq!(Lang::from_preferences(["en-US", "zh"]), Lang::En);
        assert_eq!(Lang::from_preferences(["fr", "de"]), Lang::En);
        assert_eq!(Lang::from_preferences([]), Lang::En);
    }
}
