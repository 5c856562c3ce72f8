//! The Sources section: every row of the evidence table the page cites,
//! each with an anchor (`#fact-<id>`) that sliders and legends link to.

use crate::citations::{cited_facts, fact_anchor};
use crate::i18n::use_messages;
use yew::prelude::*;

/// Properties of [`SourcesSection`] (none).
#[derive(Properties, PartialEq, Clone, Default)]
pub struct SourcesSectionProps {}

/// The list of cited sources.
#[function_component]
pub fn SourcesSection(_props: &SourcesSectionProps) -> Html {
    let messages = use_messages();
    let items = cited_facts().into_iter().map(|f| {
        html! {
            <li id={fact_anchor(f.id)}>
                <span class="fact-id">{ f.id }</span>{ " " }
                <span class="fact-quantity">{ f.quantity }{ ": " }{ f.value }{ " " }{ f.unit }{ "." }</span>{ " " }
                <cite>{ f.title }</cite>{ ", " }{ f.publisher }{ ", " }
                { messages.format("app-source-period", &[("period", f.period)]) }{ ". " }
                <a href={f.url} rel="noopener noreferrer" target="_blank">{ messages.tr("app-source-link") }</a>
            </li>
        }
    });
    html! {
        <section id="sources" aria-labelledby="sources-heading">
            <h2 id="sources-heading">{ messages.tr("app-sources-heading") }</h2>
            <p>{ messages.tr("app-sources-intro") }</p>
            <ul class="source-list">{ for items }</ul>
        </section>
    }
}
