//! Presets: named scenarios that tell the seed articles' stories.
//!
//! Each preset is data: an id (stable, used in URLs), the lever values it
//! sets (every other parameter keeps its default), and the ids of the rows
//! of `data/facts.csv` it rests on. Its name and its two-sentence
//! description are message keys (`preset-<id>-name`,
//! `preset-<id>-description`) in the locale files; the model carries no
//! text.

use crate::params::ParamId;
use crate::scenario::Scenario;

/// One named scenario.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Preset {
    /// Stable identifier, used in URLs (`preset=<id>`) and message keys.
    pub id: &'static str,
    /// The parameters it sets, each in its own unit; the rest stay at
    /// their defaults.
    pub settings: &'static [(ParamId, f64)],
    /// Ids of rows in `data/facts.csv` the settings rest on.
    pub sources: &'static [&'static str],
}

impl Preset {
    /// Message key of the preset's short name.
    pub fn name_key(&self) -> String {
        format!("preset-{}-name", self.id)
    }
    /// Message key of the preset's two-sentence description.
    pub fn description_key(&self) -> String {
        format!("preset-{}-description", self.id)
    }
    /// The preset as a full scenario: the baseline with its settings
    /// applied (clamped, though the tests keep every value in range).
    pub fn scenario(&self) -> Scenario {
        let mut scenario = Scenario::baseline();
        for &(id, value) in self.settings {
            scenario.set_clamped(id, value);
        }
        scenario
    }
}

use ParamId::{
    ChinaAiFunding, ComputeRatio, PayGap, ScrutinyClimate, UsResearchFunding, VisaRestrictions,
};

/// Every preset, in the order the app lists them. The first is the
/// baseline: today's policies continued.
pub const PRESETS: [Preset; 9] = [
    // The defaults are the 2026 knots of the recorded paths: the 2025 visa
    // campaign and H-1B fee (O21, O22), compute about 5x (P01), China's
    // funding growing about 10% a year (F03), profiling felt by 42% (C14).
    Preset {
        id: "today",
        settings: &[],
        sources: &["C03", "O21", "O22", "P01", "F03", "C14"],
    },
    // Visa restrictions and the scrutiny climate back to their pre-2018
    // knots (history.rs): before PP10043 (O16) and the China Initiative (O19).
    Preset {
        id: "open_door",
        settings: &[(VisaRestrictions, 0.0), (ScrutinyClimate, 20.0)],
        sources: &["O16", "O18", "O19", "C14"],
    },
    // An end to cooperation: near-total visa blocking, a hostile climate
    // and tighter export controls widening the compute gap (P07, P08).
    Preset {
        id: "decoupling",
        settings: &[
            (VisaRestrictions, 90.0),
            (ScrutinyClimate, 75.0),
            (ComputeRatio, 20.0),
        ],
        sources: &["O21", "O22", "P07", "P08", "O20"],
    },
    // The China Initiative climate (O19, O20) with felt profiling well
    // above the 2021 survey's 42% (C14) and PP10043-level visa blocking.
    Preset {
        id: "china_initiative",
        settings: &[(ScrutinyClimate, 65.0), (VisaRestrictions, 40.0)],
        sources: &["O19", "O20", "C14", "C16", "S15"],
    },
    // China's compute reaches the US's (a forecast in seed 002 that it
    // passes the rest of the world by 2027; today about 1:5, P01, P06).
    Preset {
        id: "compute_parity",
        settings: &[(ComputeRatio, 1.0)],
        sources: &["P01", "P05", "P06"],
    },
    // The top of a leading Chinese lab head's 10-100x estimate (P04).
    Preset {
        id: "compute_gap_100x",
        settings: &[(ComputeRatio, 100.0)],
        sources: &["P04", "P05", "P07"],
    },
    // China's public AI funding at three times today's level (F01-F04).
    Preset {
        id: "china_funding_surge",
        settings: &[(ChinaAiFunding, 6.0)],
        sources: &["F01", "F02", "F03", "F04"],
    },
    // US big tech's 2025 offers (W01-W03) against Chinese salaries (W04):
    // the US pay premium doubles.
    Preset {
        id: "talent_war",
        settings: &[(PayGap, 6.0)],
        sources: &["W01", "W02", "W03", "W04"],
    },
    // The FY2026 request's research cuts (F12) enacted and sustained.
    Preset {
        id: "us_research_cuts",
        settings: &[(UsResearchFunding, 0.6)],
        sources: &["F11", "F12"],
    },
];

/// The preset with this id.
pub fn preset(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::params::Kind;
    use crate::sources::fact;

    #[test]
    fn every_preset_value_is_a_lever_inside_its_range() {
        for p in PRESETS.iter() {
            for &(id, value) in p.settings {
                let spec = id.spec();
                assert_eq!(
                    spec.kind,
                    Kind::Lever,
                    "{}: {} is not a lever",
                    p.id,
                    spec.key
                );
                assert!(
                    spec.contains(value),
                    "{}: {}={value} out of range",
                    p.id,
                    spec.key
                );
                assert_eq!(p.scenario().get(id), value, "{}: {}", p.id, spec.key);
            }
        }
    }

    #[test]
    fn every_preset_source_is_a_row_of_the_facts_table() {
        for p in PRESETS.iter() {
            assert!(!p.sources.is_empty(), "{} cites nothing", p.id);
            for id in p.sources {
                assert!(
                    fact(id).is_some(),
                    "{} cites {id}, not in data/facts.csv",
                    p.id
                );
            }
        }
    }

    #[test]
    fn every_preset_has_a_name_and_a_description_in_english() {
        let en = include_str!("../../../locales/en/app.ftl");
        for p in PRESETS.iter() {
            for key in [p.name_key(), p.description_key()] {
                assert!(
                    en.lines().any(|l| l.starts_with(&format!("{key} = "))),
                    "locales/en/app.ftl has no {key}"
                );
            }
        }
    }

    #[test]
    fn preset_ids_are_unique_url_safe_and_give_distinct_scenarios() {
        for (i, p) in PRESETS.iter().enumerate() {
            assert!(
                !p.id.is_empty()
                    && p.id
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{}",
                p.id
            );
            assert_eq!(preset(p.id), Some(p));
            for q in &PRESETS[..i] {
                assert_ne!(p.id, q.id);
                assert_ne!(
                    p.scenario(),
                    q.scenario(),
                    "{} and {} are the same",
                    p.id,
                    q.id
                );
            }
        }
        assert!(PRESETS[0].scenario().is_baseline());
        assert!(PRESETS.len() >= 7);
    }
}
