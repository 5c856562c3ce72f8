//! The Sources section: every row of the evidence table the page cites,
//! each with an anchor (`#fact-<id>`) that sliders and legends link to.
//!
//! Static for a language, and long (about 200 elements): its markup is
//! built as text, once per language (the page keeps it), which costs
//! the browser one parse instead of hundreds of calls from wasm.

use crate::citations::{cited_facts, fact_anchor};
use crate::format::esc;
use crate::i18n::Messages;

/// The section's markup in the language of `messages`.
pub fn sources_markup(messages: &Messages) -> String {
    let mut out = format!(
        "<section id=\"sources\" aria-labelledby=\"sources-heading\"><h2 id=\"sources-heading\">{}</h2><p>{}</p><ul class=\"source-list\">",
        esc(&messages.tr("app-sources-heading")),
        esc(&messages.tr("app-sources-intro"))
    );
    let link = esc(&messages.tr("app-source-link"));
    for f in cited_facts() {
        out.push_str(&format!(
            "<li id=\"{}\"><span class=\"fact-id\">{}</span> <span class=\"fact-quantity\">{}: {} {}.</span> <cite>{}</cite>, {}, {}. <a href=\"{}\" rel=\"noopener noreferrer\" target=\"_blank\">{link}</a></li>",
            esc(&fact_anchor(f.id)),
            esc(f.id),
            esc(f.quantity),
            esc(f.value),
            esc(f.unit),
            esc(f.title),
            esc(f.publisher),
            esc(&messages.format("app-source-period", &[("period", f.period)])),
            esc(f.url),
        ));
    }
    out.push_str("</ul></section>");
    out
}
