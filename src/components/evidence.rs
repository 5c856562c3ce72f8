//! What drives the results, below the charts: the sensitivity (tornado)
//! chart ([`super::tornado::Tornado`]) and the evidence ledger. "Why did
//! it change" ([`super::why_changed::WhyChanged`]) sits beside the
//! scenario status, with the controls.

use super::ledger::ledger;
use crate::i18n::Messages;
use talentflow_model::Scenario;
use yew::prelude::*;

/// The section holding the ledger, for the reader's `scenario` (a plain
/// function: it has no state of its own).
pub fn evidence(
    messages: &Messages,
    scenario: Scenario,
    ledger_open: &UseStateHandle<bool>,
) -> Html {
    html! {
        <section id="evidence" class="evidence" aria-labelledby="evidence-heading">
            <h2 id="evidence-heading">{ messages.tr("evidence-heading") }</h2>
            <super::tornado::Tornado {scenario} />
            { ledger(messages, scenario, ledger_open) }
        </section>
    }
}
