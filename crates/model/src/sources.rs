//! Sourced figures from `data/facts.csv`, cited by id throughout.

/// One row of `data/facts.csv`: a figure, where it comes from, and notes.
#[derive(Clone, Copy, Debug)]
pub struct Fact {
    pub id: &'static str,
    pub quantity: &'static str,
    pub value: &'static str,
    pub unit: &'static str,
    pub period: &'static str,
    pub geography: &'static str,
    pub title: &'static str,
    pub publisher: &'static str,
    pub url: &'static str,
    pub note: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/facts.rs"));

/// The fact with this id.
pub fn fact(id: &str) -> Option<&'static Fact> {
    FACTS.iter().find(|f| f.id == id)
}
