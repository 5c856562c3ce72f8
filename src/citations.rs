//! Which rows of the evidence table the page cites, and how a citation
//! is shown next to a slider or an observed point.

use talentflow_model::validation::HELD_OUT;
use talentflow_model::{fact, Fact, Kind, OBSERVATIONS, PARAMS, PRESETS, TARGETS};

/// Every fact id the page cites: the observed points' sources, then the
/// lever parameters' sources, then the presets' sources, then the
/// calibration targets' and held-out observations' (on the model page),
/// each once, in that order.
pub fn cited_fact_ids() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = Vec::new();
    let observation_ids = OBSERVATIONS.iter().flat_map(|o| o.sources.iter());
    let lever_ids = PARAMS
        .iter()
        .filter(|p| p.kind == Kind::Lever)
        .flat_map(|p| p.sources.iter());
    let preset_ids = PRESETS.iter().flat_map(|p| p.sources.iter());
    let target_ids = TARGETS
        .iter()
        .chain(HELD_OUT.iter())
        .flat_map(|t| t.sources.iter());
    for id in observation_ids
        .chain(lever_ids)
        .chain(preset_ids)
        .chain(target_ids)
    {
        if !ids.contains(id) {
            ids.push(id);
        }
    }
    ids
}

/// The cited facts, in [`cited_fact_ids`] order (an id with no row in the
/// table is left out; the model's tests keep that from happening).
pub fn cited_facts() -> Vec<&'static Fact> {
    cited_fact_ids().into_iter().filter_map(fact).collect()
}

/// The HTML id of a fact's entry in the Sources section.
pub fn fact_anchor(id: &str) -> String {
    format!("fact-{id}")
}
