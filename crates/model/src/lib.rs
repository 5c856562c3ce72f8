//! The talent-flow model of Talent Flow Explorer.
//!
//! A stock-and-flow model of Chinese-undergraduate-origin top-tier AI
//! researchers moving between the United States, China and elsewhere.
//! It knows nothing of any view: no web crate, no text, no colour. Text is
//! reached through message keys (`param-<key>-label`), colours and layout
//! belong to the app.
//!
//! ```
//! use talentflow_model::{simulate, ParamId, Scenario, SeriesId};
//! let mut scenario = Scenario::baseline();
//! scenario.set(ParamId::VisaRestrictions, 60.0).unwrap();
//! let run = simulate(&scenario);
//! let share = run.value(SeriesId::Cohort2019InUs, 2035).unwrap();
//! assert!(share > 0.0 && share < 1.0);
//! ```

pub mod attribution;
pub mod calibration;
pub mod challenges;
pub mod decimal;
pub mod engine;
pub mod history;
pub mod observations;
pub mod params;
pub mod presets;
pub mod query;
pub mod run;
pub mod scenario;
pub mod scenario_file;
pub mod sensitivity;
pub mod sources;
pub mod stocks;
pub mod story;
pub mod uncertainty;
pub mod validation;

pub use attribution::{attribute, attribute_many, Attribution};
pub use engine::{simulate, simulate_traced, simulate_uncached, StepTrace};
pub use observations::{Observation, Target, OBSERVATIONS, TARGETS};
pub use params::{
    Group, Kind, ParamId, ParamSpec, Scale, Spread, Unit, LAST_HISTORY_YEAR, PARAMS, PARAM_COUNT,
};
pub use presets::{preset, Preset, PRESETS};
pub use query::{Decoded, Notice};
pub use run::{Measure, Run, SeriesId, SeriesSpec, Years, SERIES};
pub use scenario::{ParamError, Scenario};
pub use sensitivity::{sensitivity, OutcomeError, Sensitivity, SensitivityRow};
pub use sources::{fact, fact_note, Fact, FACTS};
pub use uncertainty::{
    bands, Bands, BandsBuilder, BandsError, Percentile, SplitMix64, HEADLINE_SERIES,
};

/// The model's version. Shown in the app and written into exported files
/// and links, so that an old link can say it was made with an older model.
pub const MODEL_VERSION: &str = env!("CARGO_PKG_VERSION");
