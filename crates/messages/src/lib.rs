//! Every string a reader sees, looked up by key, in every language the
//! product speaks.
//!
//! Messages live under `locales/<lang>/<pack>.ftl` at the repository root
//! (one folder per language, one file per [`Pack`]), written in Project
//! Fluent syntax
//! and resolved by Project Fluent's own crates (`fluent-bundle`). The model
//! carries keys (`param-<key>-label`); the app and the command line turn
//! keys into text here, and [`number`] writes the digits that go into
//! placeables.
//!
//! Placeables are filled with strings the caller has already formatted
//! for the language ([`NumberFormat`]), so Fluent's own number formatting
//! is never involved, and Unicode bidi isolation marks are turned off:
//! both languages run left to right, and the marks would end up inside
//! copied text, CSV titles and test expectations.
//!
//! Fluent keeps the line breaks of a multi-line message; the files keep
//! every message on one line.

pub mod flat;
pub mod number;

#[cfg(not(target_arch = "wasm32"))]
mod fluent_catalog;

use unic_langid::LanguageIdentifier;

#[cfg(target_arch = "wasm32")]
pub use flat::FlatCatalog as Catalog;
#[cfg(not(target_arch = "wasm32"))]
pub use fluent_catalog::{Catalog, ParseError};
pub use number::NumberFormat;

/// A language the product speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    /// English.
    En,
    /// Simplified Chinese, with mainland terminology. Its tag is `zh-CN`
    /// (see [`Lang::tag`]); [`Lang::from_tag`] takes every Chinese tag.
    Zh,
}

impl Lang {
    /// Every language, English (the fallback) first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Zh];

    /// BCP 47 tag, for `<html lang>`, the URL and the Fluent bundle.
    ///
    /// Chinese is `zh-CN`, not bare `zh`: the translation is Simplified
    /// Chinese in mainland usage, `zh-CN` is what mainland browsers send
    /// first, and with it as the page's `lang` browsers pick a Simplified
    /// Chinese font for CJK characters shared with Japanese and Traditional
    /// Chinese. [`Lang::from_tag`] accepts `zh`, `zh-Hans` and the rest.
    pub const fn tag(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh-CN",
        }
    }

    /// The language's folder under `locales/` (`en`, `zh`).
    pub const fn folder(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// The text of the language's [`Pack::App`] file.
    #[cfg(any(not(target_arch = "wasm32"), feature = "builtin"))]
    pub const fn source(self) -> &'static str {
        self.pack_source(Pack::App)
    }

    /// The text of one of the language's message files, compiled in.
    #[cfg(any(not(target_arch = "wasm32"), feature = "builtin"))]
    pub const fn pack_source(self, pack: Pack) -> &'static str {
        match (self, pack) {
            (Lang::En, Pack::App) => include_str!("../../../locales/en/app.ftl"),
            (Lang::En, Pack::Story) => include_str!("../../../locales/en/story.ftl"),
            (Lang::En, Pack::Model) => include_str!("../../../locales/en/model.ftl"),
            (Lang::Zh, Pack::App) => include_str!("../../../locales/zh/app.ftl"),
            (Lang::Zh, Pack::Story) => include_str!("../../../locales/zh/story.ftl"),
            (Lang::Zh, Pack::Model) => include_str!("../../../locales/zh/model.ftl"),
        }
    }

    /// The compiled-in text of a message file: `Some` natively and, in
    /// wasm, with the `builtin` feature (the app's tests); `None` in the
    /// browser build, which fetches `locales/<lang>/<pack>.ftl` at run time.
    pub const fn builtin_source(self, pack: Pack) -> Option<&'static str> {
        #[cfg(any(not(target_arch = "wasm32"), feature = "builtin"))]
        return Some(self.pack_source(pack));
        #[cfg(not(any(not(target_arch = "wasm32"), feature = "builtin")))]
        {
            let _ = pack;
            None
        }
    }

    /// The language of a BCP 47 tag, by its primary language subtag,
    /// ignoring case, script, region and `_` for `-`: `en`, `en-US`,
    /// `en_GB` are English; `zh`, `zh-CN`, `zh-Hans`, `zh-Hans-CN` are
    /// Chinese, and so are `zh-TW` and `zh-Hant` (Simplified Chinese is the
    /// only Chinese there is, and nearer to those readers than English).
    /// `None` for a language the product does not speak or a malformed tag.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let id: LanguageIdentifier = tag.trim().parse().ok()?;
        match id.language.as_str() {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }

    /// The first language of `tags` (a reader's preferences, best first,
    /// as `navigator.languages` lists them) that the product speaks;
    /// English when there is none.
    pub fn from_preferences<'a>(tags: impl IntoIterator<Item = &'a str>) -> Lang {
        tags.into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or(Lang::En)
    }

    /// How this language writes numbers.
    pub const fn numbers(self) -> NumberFormat {
        match self {
            Lang::En => NumberFormat::EN,
            Lang::Zh => NumberFormat::ZH,
        }
    }
}

/// One message file of a language: the messages of the first page
/// (`app`), and the ones only some readers need (the guided story, the
/// model page), which a browser can load when they are asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Pack {
    /// Everything on the first page: sliders, charts, notices, errors.
    App,
    /// The guided story, the challenges and the handout.
    Story,
    /// The model page: diagram, equations, calibration, limits.
    Model,
}

impl Pack {
    /// Every pack, the app's own first.
    pub const ALL: [Pack; 3] = [Pack::App, Pack::Story, Pack::Model];

    /// The file's name without `.ftl`: `locales/<lang>/<name>.ftl`.
    pub const fn name(self) -> &'static str {
        match self {
            Pack::App => "app",
            Pack::Story => "story",
            Pack::Model => "model",
        }
    }
}
