//! The guided story: the seed articles' argument in a few steps, each a
//! scenario to look at and the part of a chart to look at in it.
//!
//! Each step is data: an id (stable, used in message keys
//! `story-<id>-title` / `story-<id>-text`), the lever values it sets (the
//! rest stay at their defaults), the series and years it points at, the
//! numbers its text quotes (read from the step's own model run, or taken
//! from a row of `data/facts.csv`), and the facts it rests on. The view
//! decides which chart shows the series and how to point at it; the model
//! carries no text. A step's number in the address (`story=4`) counts
//! from 1.

use crate::params::ParamId;
use crate::run::{Run, SeriesId};
use crate::scenario::Scenario;
use crate::sources::fact;

/// A number a step's text quotes, as the placeable `name`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Quote {
    /// A series' value in a year of the step's model run.
    Model {
        /// The placeable's name in the message.
        name: &'static str,
        /// Which series.
        series: SeriesId,
        /// Which year.
        year: i32,
    },
    /// The `value` column of a row of `data/facts.csv`.
    Fact {
        /// The placeable's name in the message.
        name: &'static str,
        /// The fact's id.
        id: &'static str,
    },
}

impl Quote {
    /// The placeable's name.
    pub fn name(&self) -> &'static str {
        match self {
            Quote::Model { name, .. } | Quote::Fact { name, .. } => name,
        }
    }
}

/// What a step points at: one series over a span of years.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Highlight {
    /// The series (the view shows the chart that plots it).
    pub series: SeriesId,
    /// First year of the span.
    pub from: i32,
    /// Last year of the span.
    pub to: i32,
}

/// One step of the story.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StoryStep {
    /// Stable identifier, used in message keys.
    pub id: &'static str,
    /// The levers it sets, each in its own unit; the rest stay at their
    /// defaults.
    pub settings: &'static [(ParamId, f64)],
    /// What the reader should look at.
    pub highlight: Highlight,
    /// The numbers its text quotes.
    pub quotes: &'static [Quote],
    /// Ids of rows in `data/facts.csv` the step rests on.
    pub sources: &'static [&'static str],
}

impl StoryStep {
    /// Message key of the step's title.
    pub fn title_key(&self) -> String {
        format!("story-{}-title", self.id)
    }
    /// Message key of the step's two or three sentences.
    pub fn text_key(&self) -> String {
        format!("story-{}-text", self.id)
    }
    /// The step's scenario: the baseline with its settings applied.
    pub fn scenario(&self) -> Scenario {
        let mut scenario = Scenario::baseline();
        for &(id, value) in self.settings {
            scenario.set_clamped(id, value);
        }
        scenario
    }
    /// The quoted numbers for `run` (the step's own run): each model quote
    /// as a value of its series (a share 0..1 or people), each fact quote
    /// as its text from the facts table. `None` for a year outside the run
    /// or an unknown fact (the tests rule both out).
    pub fn quoted<'a>(
        &'a self,
        run: &'a Run,
    ) -> impl Iterator<Item = (Quote, Option<Quoted>)> + 'a {
        self.quotes.iter().map(move |q| {
            let value = match *q {
                Quote::Model { series, year, .. } => run
                    .value(series, year)
                    .filter(|v| v.is_finite())
                    .map(|v| Quoted::Number(series, v)),
                Quote::Fact { id, .. } => fact(id).map(|f| Quoted::Text(f.value)),
            };
            (*q, value)
        })
    }
}

/// A quoted value, before the view formats it for the reader's language.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Quoted {
    /// A model value of this series (its measure says share or people).
    Number(SeriesId, f64),
    /// A figure as the facts table writes it.
    Text(&'static str),
}

use ParamId::{ChinaAiFunding, ComputeRatio, PayGap, ScrutinyClimate, VisaRestrictions};
use SeriesId::{
    Cohort2019InChina, Cohort2019InUs, GradChoiceUs, InflowUsGrad, ShareWorkChina, ShareWorkUs,
};

/// The story, in order.
pub const STORY: [StoryStep; 8] = [
    // The stock that stays: 87 of the 100 (C03), 10 in China (C04).
    StoryStep {
        id: "stock",
        settings: &[],
        highlight: Highlight {
            series: Cohort2019InUs,
            from: 2019,
            to: 2025,
        },
        quotes: &[
            Quote::Fact {
                name: "observed",
                id: "C03",
            },
            Quote::Model {
                name: "model",
                series: Cohort2019InUs,
                year: 2025,
            },
        ],
        sources: &["C02", "C03", "C04", "C05"],
    },
    // The inflow weakens: fewer Chinese students entering US PhDs after
    // 2016 (S14), PP10043 blocking 3,000-5,000 a year (O18). The US's share
    // of the newcomers falls; their number still grows with the field
    // (the conference's papers, N01).
    StoryStep {
        id: "inflow",
        settings: &[],
        highlight: Highlight {
            series: InflowUsGrad,
            from: 2016,
            to: 2026,
        },
        quotes: &[
            Quote::Model {
                name: "then",
                series: GradChoiceUs,
                year: 2019,
            },
            Quote::Model {
                name: "now",
                series: GradChoiceUs,
                year: 2026,
            },
            Quote::Model {
                name: "count_then",
                series: InflowUsGrad,
                year: 2019,
            },
            Quote::Model {
                name: "count_now",
                series: InflowUsGrad,
                year: 2026,
            },
        ],
        sources: &["S14", "O18", "S21", "N01"],
    },
    // US push: visa blocking and a China Initiative climate (O16-O21, C14, C16).
    StoryStep {
        id: "push",
        settings: &[(VisaRestrictions, 60.0), (ScrutinyClimate, 65.0)],
        highlight: Highlight {
            series: InflowUsGrad,
            from: 2027,
            to: 2035,
        },
        quotes: &[Quote::Model {
            name: "inflow",
            series: InflowUsGrad,
            year: 2035,
        }],
        sources: &["O16", "O18", "O21", "C14", "C16"],
    },
    // China pull: public AI funding three times today's (F01-F04) and a
    // hiring boom (W05).
    StoryStep {
        id: "pull",
        settings: &[(ChinaAiFunding, 6.0)],
        highlight: Highlight {
            series: ShareWorkChina,
            from: 2027,
            to: 2040,
        },
        quotes: &[Quote::Model {
            name: "china",
            series: ShareWorkChina,
            year: 2035,
        }],
        sources: &["F01", "F03", "F04", "W05"],
    },
    // US retention: the scrutiny felt by scientists of Chinese descent
    // (C14, C16) raises the hazard of leaving (S15); the cohort's stay
    // rate bends.
    StoryStep {
        id: "retention",
        settings: &[(ScrutinyClimate, 75.0)],
        highlight: Highlight {
            series: Cohort2019InUs,
            from: 2027,
            to: 2040,
        },
        quotes: &[
            Quote::Fact {
                name: "felt",
                id: "C14",
            },
            Quote::Model {
                name: "us",
                series: Cohort2019InUs,
                year: 2035,
            },
        ],
        sources: &["C14", "C16", "S15", "S16"],
    },
    // The compute gap: about 5x today (P01), 10-100x by one lab head's
    // estimate (P04); here China reaches parity.
    StoryStep {
        id: "compute",
        settings: &[(ComputeRatio, 1.0)],
        highlight: Highlight {
            series: ShareWorkUs,
            from: 2027,
            to: 2040,
        },
        quotes: &[Quote::Model {
            name: "us",
            series: ShareWorkUs,
            year: 2035,
        }],
        sources: &["P01", "P04", "P05"],
    },
    // The talent war: US offers (W01-W03) against rising Chinese pay
    // (W04, W05); 7 of 11 Meta lab founders born in China (C13).
    StoryStep {
        id: "war",
        settings: &[(PayGap, 6.0), (ChinaAiFunding, 6.0)],
        highlight: Highlight {
            series: Cohort2019InChina,
            from: 2027,
            to: 2040,
        },
        quotes: &[Quote::Model {
            name: "china",
            series: Cohort2019InChina,
            year: 2035,
        }],
        sources: &["C13", "W01", "W02", "W04", "W05"],
    },
    // What the reader can change: back to today's policies, every slider
    // theirs.
    StoryStep {
        id: "you",
        settings: &[],
        highlight: Highlight {
            series: Cohort2019InUs,
            from: 2027,
            to: 2050,
        },
        quotes: &[Quote::Model {
            name: "us",
            series: Cohort2019InUs,
            year: 2035,
        }],
        sources: &["C03", "M05"],
    },
];

/// The step a link's `story=<n>` names (counting from 1), if there is one.
pub fn step_from_number(text: &str) -> Option<usize> {
    let n: usize = text.trim().parse().ok()?;
    (1..=STORY.len()).contains(&n).then(|| n - 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::simulate;
    use crate::params::Kind;

    #[test]
    fn the_story_has_six_to_eight_steps_with_unique_ids() {
        assert!((6..=8).contains(&STORY.len()));
        for (i, s) in STORY.iter().enumerate() {
            assert!(s.id.chars().all(|c| c.is_ascii_lowercase()), "{}", s.id);
            assert!(STORY[..i].iter().all(|t| t.id != s.id), "{} twice", s.id);
        }
    }

    #[test]
    fn every_step_sets_levers_in_range_and_cites_known_facts() {
        for s in STORY.iter() {
            for &(id, value) in s.settings {
                assert_eq!(id.spec().kind, Kind::Lever, "{}", s.id);
                assert!(id.spec().contains(value), "{}: {value}", s.id);
                assert_eq!(s.scenario().get(id), value);
            }
            assert!(!s.sources.is_empty(), "{} cites nothing", s.id);
            for id in s.sources {
                assert!(fact(id).is_some(), "{}: {id} not in data/facts.csv", s.id);
            }
        }
    }

    #[test]
    fn every_quote_has_a_value_and_its_placeable_in_both_languages() {
        let en = include_str!("../../../locales/en/story.ftl");
        let zh = include_str!("../../../locales/zh/story.ftl");
        for s in STORY.iter() {
            let run = simulate(&s.scenario());
            for (q, value) in s.quoted(&run) {
                assert!(value.is_some(), "{}: {} has no value", s.id, q.name());
                for file in [en, zh] {
                    let line = file
                        .lines()
                        .find(|l| l.starts_with(&format!("{} = ", s.text_key())))
                        .unwrap_or_else(|| panic!("no {}", s.text_key()));
                    assert!(
                        line.contains(&format!("{{ ${} }}", q.name())),
                        "{} does not quote {}",
                        s.text_key(),
                        q.name()
                    );
                }
            }
            if let Some(Quote::Fact { id, .. }) =
                s.quotes.iter().find(|q| matches!(q, Quote::Fact { .. }))
            {
                assert!(s.sources.contains(id), "{} quotes {id} uncited", s.id);
            }
        }
    }

    #[test]
    fn the_first_step_agrees_with_the_observed_cohort() {
        // The story opens on the Carnegie finding (87 of 100 in 2025, C03);
        // the model's baseline must tell the same, within the calibration
        // target's tolerance (n = 100).
        let run = simulate(&STORY[0].scenario());
        let us = run.value(Cohort2019InUs, 2025).unwrap();
        let target = crate::TARGETS
            .iter()
            .find(|t| t.key == "cohort_in_us_2025")
            .unwrap();
        assert!((us - 0.87).abs() <= target.tolerance, "{us}");
        assert_eq!(fact("C03").unwrap().value, "87");
    }

    #[test]
    fn the_force_steps_move_their_series_the_way_their_text_says() {
        let base = simulate(&Scenario::baseline());
        let at = |step: usize, id: SeriesId| simulate(&STORY[step].scenario()).value(id, 2035);
        let base_at = |id: SeriesId| base.value(id, 2035);
        // push: fewer graduate students come.
        assert!(at(2, InflowUsGrad) < base_at(InflowUsGrad));
        // pull: more work in China.
        assert!(at(3, ShareWorkChina) > base_at(ShareWorkChina));
        // retention: fewer of the cohort stay.
        assert!(at(4, Cohort2019InUs) < base_at(Cohort2019InUs));
        // compute parity: fewer work in the US.
        assert!(at(5, ShareWorkUs) < base_at(ShareWorkUs));
        // the US's share of the newcomers fell between 2019 and 2026, while
        // their number grew with the field.
        assert!(base.value(GradChoiceUs, 2026) < base.value(GradChoiceUs, 2019));
        assert!(base.value(InflowUsGrad, 2026) > base.value(InflowUsGrad, 2019));
    }

    #[test]
    fn step_numbers_count_from_one_and_refuse_the_rest() {
        assert_eq!(step_from_number("1"), Some(0));
        assert_eq!(step_from_number(" 4 "), Some(3));
        assert_eq!(
            step_from_number(&STORY.len().to_string()),
            Some(STORY.len() - 1)
        );
        for bad in ["0", "9", "-1", "x", "", "4.5", "99999999999999999999"] {
            assert_eq!(step_from_number(bad), None, "{bad}");
        }
    }
}
