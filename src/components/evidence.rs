//! What drives the results, below the charts: for now the evidence ledger.
//!
//! The sensitivity (tornado) chart ([`super::tornado::Tornado`]) belongs
//! here too, and "why did it change" ([`super::why_changed::WhyChanged`])
//! beside the scenario status; both are built and tested but not yet on
//! the page, because with them the bundle is over its 250 KB gzip budget
//! (the model's attribution and sensitivity bring about 10 and 8 KB).

use super::ledger::ledger;
use crate::i18n::Messages;
use talentflow_model::Scenario;
use yew::prelude::*;

/// The section holding the ledger, for the reader's `scenario` (a plain
/// function: it has no state of its own).
pub fn evidence(messages: &Messages, scenario: Scenario) -> Html {
    html! {
        <section id="evidence" class="evidence" aria-labelledby="evidence-heading">
            <h2 id="evidence-heading">{ messages.tr("evidence-heading") }</h2>
            { ledger(messages, scenario) }
        </section>
    }
}
