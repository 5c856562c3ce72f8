//! Sourced figures from `data/facts.csv`, cited by id throughout.

/// One row of `data/facts.csv`: a figure and where it comes from (the
/// `geography` column is for readers of the file; nothing shows it).
#[derive(Clone, Copy, Debug)]
pub struct Fact {
    pub id: &'static str,
    pub quantity: &'static str,
    pub value: &'static str,
    pub unit: &'static str,
    pub period: &'static str,
    pub title: &'static str,
    pub publisher: &'static str,
    pub url: &'static str,
}

include!(concat!(env!("OUT_DIR"), "/facts.rs"));

/// The note on the fact with this id (caveats, secondary sources,
/// conflicts), if any. Kept apart from [`Fact`] so that the app, which does
/// not show notes, does not carry them.
pub fn fact_note(id: &str) -> Option<&'static str> {
    FACT_NOTES
        .iter()
        .find(|(i, _)| *i == id)
        .map(|(_, note)| *note)
}

/// The fact with this id.
pub fn fact(id: &str) -> Option<&'static Fact> {
    FACTS.iter().find(|f| f.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fact_has_its_note_row_and_notes_are_found_by_id() {
        assert_eq!(FACTS.len(), FACT_NOTES.len());
        assert!(FACTS.iter().zip(FACT_NOTES).all(|(f, (id, _))| f.id == *id));
        assert!(
            fact_note("C14").is_some_and(|n| n.contains("1,949")),
            "C14's note names the survey size"
        );
        assert_eq!(fact_note("no such id"), None);
    }
}
