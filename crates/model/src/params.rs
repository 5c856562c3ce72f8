//! The one parameter table.
//!
//! Every number a reader or researcher can change is declared here once,
//! with its default, range, step, units, kind and sources. Sliders,
//! validation and clamping, the URL codec, the command line, the docs and
//! the model checks all read this table; nothing else types a range again.

/// Every parameter of the model, in table order.
///
/// The discriminant is the index into [`PARAMS`] and into
/// [`crate::Scenario`]'s value array.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[repr(usize)]
pub enum ParamId {
    VisaRestrictions,
    ChinaAiFunding,
    ComputeRatio,
    ScrutinyClimate,
    UsResearchFunding,
    PayGap,
    SettleWait,
    ThirdCountryOpenness,
    ChinaEcosystem,
    EcosystemLoop,
    PolicyStartYear,
    BetaCompute,
    BetaChinaFunding,
    BetaUsFunding,
    BetaPay,
    BetaEcosystem,
    BetaScrutiny,
    BetaVisa,
    HazardSensitivity,
    PerceptionDelay,
    PipelineGrowth,
    BetaPathway,
    PathwayHazard,
    NestSimilarity,
    FrontierWeightAcademia,
    FrontierWeightGrad,
    AcademiaWaitShare,
    EntryShareAcademia,
    EntryShareStartup,
    AcademiaHazard,
    StartupHazard,
    ChinaGradsToUs,
    ChinaGradsToElsewhere,
    ElsewhereGradsToUs,
    ElsewhereGradsToChina,
    ReconsiderChina,
    ReconsiderElsewhere,
    PipelineGrowthHistory,
    GradSchoolYears,
    GradChoiceUs,
    GradChoiceElsewhere,
    StayAtGraduation,
    ReturnHazard,
    ReturnToChina,
    TenureProtection,
    CareerLength,
}

/// What a parameter is, for the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A policy or world condition the reader sets; acts from the policy
    /// start year on, history before it follows the recorded path.
    Lever,
    /// A behavioural assumption with no published estimate, or only a
    /// loose one: shown with a plausible range, not as fact.
    Assumption,
    /// A constant set so that the baseline meets the calibration targets.
    Calibrated,
}

/// Where the app shows a parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Group {
    /// One of the three headline sliders.
    Main,
    /// Folded away under "advanced".
    Advanced,
    /// Model internals: listed in the docs and the evidence ledger,
    /// settable from the command line, not shown as sliders.
    Internal,
}

/// How a slider maps its track to the value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scale {
    Linear,
    /// Equal track distance for equal ratios (the compute ratio).
    Log,
}

/// Units, as a language-neutral code. The display text of each unit is a
/// message key `unit-<code>` in the locale files.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    /// Percent (0..100).
    Percent,
    /// Multiple of the 2019 level.
    Times2019,
    /// A ratio, "N times".
    Ratio,
    /// A calendar year.
    Year,
    /// Years (a duration).
    Years,
    /// Percent per year.
    PercentPerYear,
    /// A dimensionless utility weight (logit units).
    Utility,
    /// A probability or share, 0..1.
    Share,
    /// Per year (a hazard rate).
    PerYear,
    /// A plain multiplier.
    Multiplier,
}

impl Unit {
    /// The code used in message keys (`unit-<code>`) and on the command line.
    pub const fn code(self) -> &'static str {
        match self {
            Unit::Percent => "percent",
            Unit::Times2019 => "times-2019",
            Unit::Ratio => "ratio",
            Unit::Year => "year",
            Unit::Years => "years",
            Unit::PercentPerYear => "percent-per-year",
            Unit::Utility => "utility",
            Unit::Share => "share",
            Unit::PerYear => "per-year",
            Unit::Multiplier => "multiplier",
        }
    }
}

/// One row of the parameter table.
#[derive(Clone, Copy, Debug)]
pub struct ParamSpec {
    pub id: ParamId,
    /// Stable identifier used in the URL, on the command line and as the
    /// stem of message keys (`param-<key>-label`, `param-<key>-help`).
    pub key: &'static str,
    pub kind: Kind,
    pub group: Group,
    pub default: f64,
    pub min: f64,
    pub max: f64,
    /// Slider and URL resolution.
    pub step: f64,
    pub scale: Scale,
    pub unit: Unit,
    /// Ids of rows in `data/facts.csv` that the default rests on. Empty
    /// only for pure assumptions, whose reasoning is in `docs/model.md`.
    pub sources: &'static [&'static str],
    /// How plausible values of this parameter are spread, in the
    /// parameter's own unit: what the uncertainty bands draw from. Every
    /// assumption and calibrated constant has one (reasoning in
    /// `docs/model.md`, "How the assumptions were set"); levers have none,
    /// since the reader sets them.
    pub uncertainty: Option<Spread>,
}

/// A plausible distribution of one parameter, in the parameter's unit.
/// Always inside the parameter's `[min, max]` (checked by a test).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Spread {
    /// Every value between `low` and `high` equally plausible: used where
    /// a source gives a range and no best value.
    Uniform { low: f64, high: f64 },
    /// Most plausible at `mode` (the table default), falling linearly to
    /// nothing at `low` and `high`: a best guess with a stated range.
    Triangular { low: f64, mode: f64, high: f64 },
}

impl Spread {
    /// The lowest plausible value, in the parameter's unit.
    pub const fn low(&self) -> f64 {
        match *self {
            Spread::Uniform { low, .. } | Spread::Triangular { low, .. } => low,
        }
    }
    /// The highest plausible value, in the parameter's unit.
    pub const fn high(&self) -> f64 {
        match *self {
            Spread::Uniform { high, .. } | Spread::Triangular { high, .. } => high,
        }
    }
    /// Whether the numbers are finite, ordered (`low <= mode <= high`) and
    /// span a range (`low < high`).
    pub fn is_well_formed(&self) -> bool {
        match *self {
            Spread::Uniform { low, high } => low.is_finite() && high.is_finite() && low < high,
            Spread::Triangular { low, mode, high } => {
                low.is_finite()
                    && mode.is_finite()
                    && high.is_finite()
                    && low < high
                    && low <= mode
                    && mode <= high
            }
        }
    }
    /// The value below which a fraction `u` (0..1) of the distribution
    /// lies: the inverse cumulative distribution, which turns a uniform
    /// random number into a draw. `u` outside 0..1 is clamped; NaN counts
    /// as 0.5.
    pub fn quantile(&self, u: f64) -> f64 {
        let u = if u.is_nan() { 0.5 } else { u.clamp(0.0, 1.0) };
        match *self {
            Spread::Uniform { low, high } => low + u * (high - low),
            Spread::Triangular { low, mode, high } => {
                let width = high - low;
                if width <= 0.0 {
                    return mode;
                }
                let split = (mode - low) / width;
                if u < split {
                    low + (u * width * (mode - low)).sqrt()
                } else {
                    high - ((1.0 - u) * width * (high - mode)).sqrt()
                }
            }
        }
    }
}

/// A triangular spread (table shorthand).
const fn tri(low: f64, mode: f64, high: f64) -> Option<Spread> {
    Some(Spread::Triangular { low, mode, high })
}

/// A uniform spread (table shorthand).
const fn uni(low: f64, high: f64) -> Option<Spread> {
    Some(Spread::Uniform { low, high })
}

impl ParamSpec {
    /// Message key of the short label.
    pub fn label_key(&self) -> String {
        format!("param-{}-label", self.key)
    }
    /// Message key of the one-sentence description.
    pub fn help_key(&self) -> String {
        format!("param-{}-help", self.key)
    }
    /// Clamp into `[min, max]`; a non-finite value becomes the default.
    pub fn clamp(&self, value: f64) -> f64 {
        if value.is_finite() {
            value.clamp(self.min, self.max)
        } else {
            self.default
        }
    }
    /// Whether `value` is finite and inside `[min, max]`.
    pub fn contains(&self, value: f64) -> bool {
        value.is_finite() && value >= self.min && value <= self.max
    }
    /// Position on a slider track, 0..1, for a value (respects [`Scale`]).
    pub fn position_from_value(&self, value: f64) -> f64 {
        let v = self.clamp(value);
        match self.scale {
            Scale::Linear => (v - self.min) / (self.max - self.min),
            Scale::Log => (v / self.min).ln() / (self.max / self.min).ln(),
        }
    }
    /// Value for a position on a slider track, 0..1, rounded to the step
    /// (on a log scale, to two significant digits).
    pub fn value_from_position(&self, position: f64) -> f64 {
        let p = if position.is_finite() {
            position.clamp(0.0, 1.0)
        } else {
            0.0
        };
        let raw = match self.scale {
            Scale::Linear => self.min + p * (self.max - self.min),
            // exp(p ln r) rather than r^p: the same value once rounded, and
            // the browser build then needs no `pow` (2 KB of wasm).
            Scale::Log => self.min * ((self.max / self.min).ln() * p).exp(),
        };
        let rounded = match self.scale {
            Scale::Linear => (raw / self.step).round() * self.step,
            Scale::Log => round_significant(raw, 2).max(self.step),
        };
        self.clamp(rounded)
    }
}

fn round_significant(x: f64, digits: i32) -> f64 {
    if x == 0.0 || !x.is_finite() {
        return x;
    }
    let magnitude = x.abs().log10().floor() as i32;
    let factor = 10f64.powi(digits - 1 - magnitude);
    (x * factor).round() / factor
}

/// The year the recorded history ends: drivers follow their historical
/// paths through this year, and the reader's settings can act from the
/// next year on.
pub const LAST_HISTORY_YEAR: i32 = 2026;

#[allow(clippy::too_many_arguments)] // a table row constructor: one argument per column
const fn row(
    id: ParamId,
    key: &'static str,
    kind: Kind,
    group: Group,
    default: f64,
    min: f64,
    max: f64,
    step: f64,
    scale: Scale,
    unit: Unit,
    sources: &'static [&'static str],
    uncertainty: Option<Spread>,
) -> ParamSpec {
    ParamSpec {
        id,
        key,
        kind,
        group,
        default,
        min,
        max,
        step,
        scale,
        unit,
        sources,
        uncertainty,
    }
}

use Group::{Advanced, Internal, Main};
use Kind::{Assumption, Calibrated, Lever};

/// The parameter table: [`TABLE`] with the calibrated constants' fitted
/// values (`data/calibration.csv`, written by `talentflow calibrate`) as
/// their defaults, their plausible spreads moved with them
/// ([`crate::calibration::with_fitted`]).
pub const PARAMS: [ParamSpec; PARAM_COUNT] = crate::calibration::with_fitted(TABLE);

/// The parameter table as written by hand. Row `i` describes `ParamId`
/// with discriminant `i` (checked by a test). One row per line: it is read
/// as a table. The last column is the plausible spread the uncertainty
/// bands draw from (`tri(low, mode, high)` or `uni(low, high)`, in the
/// parameter's unit). A calibrated constant's default here is where its
/// fit starts; [`PARAMS`] holds the fitted value.
#[rustfmt::skip]
pub const TABLE: [ParamSpec; 46] = [
    // --- Levers: the reader's sliders -----------------------------------
    // Share of would-be Chinese graduate entrants that US visa policy
    // blocks. PP10043 alone: 16-27% of Chinese STEM graduate starters
    // (O18); 2025 revocations and the H-1B fee push it higher (O21, O22).
    row(ParamId::VisaRestrictions, "visa_restrictions", Lever, Main, 30.0, 0.0, 90.0, 1.0, Scale::Linear, Unit::Percent, &["O18", "O16", "O21", "O22", "S16"], None),
    // China's public AI and S&T funding, 2019 = 1; grows about 10%/yr
    // (F03, F04), so 2026 is about 2.
    row(ParamId::ChinaAiFunding, "china_ai_funding", Lever, Main, 2.0, 0.5, 8.0, 0.1, Scale::Log, Unit::Times2019, &["F03", "F04", "F01"], None),
    // US:China AI compute. 5x by installed cluster performance (P01);
    // 10-100x by a leading Chinese lab head (P04). Contested.
    row(ParamId::ComputeRatio, "compute_ratio", Lever, Main, 5.0, 1.0, 100.0, 0.1, Scale::Log, Unit::Ratio, &["P01", "P04", "P05"], None),
    // Share of Chinese-descent scientists in the US who feel racially
    // profiled: 42.2% in 2021 (C14).
    row(ParamId::ScrutinyClimate, "scrutiny_climate", Lever, Advanced, 42.0, 0.0, 80.0, 1.0, Scale::Linear, Unit::Percent, &["C14", "S15", "O19", "O20"], None),
    // US federal research funding, 2019 = 1 (F11; FY2026 request F12).
    row(ParamId::UsResearchFunding, "us_research_funding", Lever, Advanced, 1.0, 0.4, 2.0, 0.05, Scale::Linear, Unit::Times2019, &["F11", "F12"], None),
    // Pay of a top researcher in the US relative to China (W02-W06).
    row(ParamId::PayGap, "pay_gap", Lever, Advanced, 3.0, 1.0, 10.0, 0.1, Scale::Log, Unit::Ratio, &["W02", "W03", "W04", "W05"], None),
    // The post-study pathway: years from the PhD to permanent residency
    // for a Chinese graduate hired by US industry (OPT, the H-1B lottery,
    // labour certification and the EB-2 China queue; K05). Academia, exempt
    // from the H-1B cap, waits a share of it. Acts on staying at
    // graduation, on the temporary residents' return hazard and on how long
    // they stay temporary, at S16's scale (2.1-2.4 points of stay rate per
    // year of delay).
    row(ParamId::SettleWait, "settle_wait", Lever, Advanced, 5.5, 1.0, 15.0, 0.5, Scale::Linear, Unit::Years, &["K05", "S16", "O22"], None),
    // Third countries' openness (UK, Canada, Europe, Singapore...): the
    // odds of a third country over the US within the "abroad" nest, 2015 = 1.
    row(ParamId::ThirdCountryOpenness, "third_country_openness", Lever, Advanced, 1.0, 0.25, 4.0, 0.05, Scale::Log, Unit::Ratio, &["S14"], None),
    // China's AI research ecosystem: its top-cited AI papers relative to
    // the US's (half in 2010, parity in 2019: K01; K02; citations in 2020
    // and 2021: K07, K08).
    row(ParamId::ChinaEcosystem, "china_ecosystem", Lever, Advanced, 1.4, 0.3, 5.0, 0.05, Scale::Log, Unit::Ratio, &["K01", "K02", "K07", "K08"], None),
    // Strength of the pull of China's AI ecosystem (1 = as estimated,
    // 0 = none); M17 shows how fast a home ecosystem can pull.
    row(ParamId::EcosystemLoop, "ecosystem_loop", Lever, Advanced, 1.0, 0.0, 2.0, 0.1, Scale::Linear, Unit::Multiplier, &["M17", "K01"], None),
    row(ParamId::PolicyStartYear, "policy_start_year", Lever, Advanced, 2027.0, 2027.0, 2040.0, 1.0, Scale::Linear, Unit::Year, &[], None),
    // --- Assumptions: behavioural weights (logit units) ----------------
    row(ParamId::BetaCompute, "beta_compute", Assumption, Internal, 0.15, 0.0, 0.6, 0.01, Scale::Linear, Unit::Utility, &[], tri(0.0, 0.15, 0.4)),
    row(ParamId::BetaChinaFunding, "beta_china_funding", Assumption, Internal, 0.35, 0.0, 1.0, 0.01, Scale::Linear, Unit::Utility, &["S16", "S09"], tri(0.1, 0.35, 0.7)),
    row(ParamId::BetaUsFunding, "beta_us_funding", Assumption, Internal, 0.2, 0.0, 1.0, 0.01, Scale::Linear, Unit::Utility, &[], tri(0.0, 0.2, 0.5)),
    row(ParamId::BetaPay, "beta_pay", Assumption, Internal, 0.3, 0.0, 1.2, 0.01, Scale::Linear, Unit::Utility, &["E03", "S22"], tri(0.1, 0.3, 0.6)),
    row(ParamId::BetaEcosystem, "beta_ecosystem", Assumption, Internal, 0.3, 0.0, 1.0, 0.01, Scale::Linear, Unit::Utility, &["M17"], tri(0.0, 0.3, 0.7)),
    row(ParamId::BetaScrutiny, "beta_scrutiny", Assumption, Internal, 0.15, 0.0, 0.4, 0.01, Scale::Linear, Unit::Utility, &["S14", "S15", "C16", "K06"], tri(0.05, 0.15, 0.25)),
    row(ParamId::BetaVisa, "beta_visa", Assumption, Internal, 0.2, 0.0, 0.6, 0.01, Scale::Linear, Unit::Utility, &["S14", "O18"], tri(0.1, 0.2, 0.35)),
    row(ParamId::HazardSensitivity, "hazard_sensitivity", Assumption, Internal, 0.9, 0.0, 1.5, 0.01, Scale::Linear, Unit::Multiplier, &["S15", "K06"], tri(0.5, 0.9, 1.2)),
    row(ParamId::PerceptionDelay, "perception_delay", Assumption, Internal, 1.5, 0.5, 3.0, 0.1, Scale::Linear, Unit::Years, &[], uni(1.0, 2.0)),
    // Growth of the pipeline's entrants after the conference record ends
    // (2025): far below the record's 25% a year of 2022-2025 (N01, M18).
    row(ParamId::PipelineGrowth, "pipeline_growth", Assumption, Internal, 3.0, -3.0, 8.0, 0.1, Scale::Linear, Unit::PercentPerYear, &["N01", "M18"], tri(0.0, 3.0, 6.0)),
    // --- Assumptions: structure (each in docs/model.md) -----------------
    // Utility of staying (and of moving in) per year of the pathway wait,
    // and the temporary residents' log-hazard per year of it: together
    // about S16's 2.1-2.4 points of stay rate per year of delay.
    row(ParamId::BetaPathway, "beta_pathway", Assumption, Internal, 0.12, 0.0, 0.6, 0.01, Scale::Linear, Unit::Utility, &["S16"], tri(0.05, 0.12, 0.25)),
    row(ParamId::PathwayHazard, "pathway_hazard", Assumption, Internal, 0.08, 0.0, 0.4, 0.01, Scale::Linear, Unit::Utility, &["S16"], tri(0.02, 0.08, 0.16)),
    // Nested choice: similarity of the options abroad (1 = a plain logit).
    // 0.5 sends about 60% of those the US refuses to a third country (S14:
    // 2.1 of 3.7 points went to other English-speaking countries).
    row(ParamId::NestSimilarity, "nest_similarity", Assumption, Internal, 0.5, 0.2, 1.0, 0.01, Scale::Linear, Unit::Multiplier, &["S14"], tri(0.35, 0.5, 0.7)),
    // Weight of compute and pay ("frontier" pull) in academia and in the
    // graduate-school choice, relative to frontier labs and startups (1).
    row(ParamId::FrontierWeightAcademia, "frontier_weight_academia", Assumption, Internal, 0.3, 0.0, 1.0, 0.01, Scale::Linear, Unit::Multiplier, &["W03"], tri(0.1, 0.3, 0.6)),
    row(ParamId::FrontierWeightGrad, "frontier_weight_grad", Assumption, Internal, 0.3, 0.0, 1.0, 0.01, Scale::Linear, Unit::Multiplier, &["W03"], tri(0.1, 0.3, 0.6)),
    // Academia's wait to settle as a share of industry's (cap-exempt
    // H-1B, the EB-1 route for professors).
    row(ParamId::AcademiaWaitShare, "academia_wait_share", Assumption, Internal, 0.6, 0.2, 1.0, 0.01, Scale::Linear, Unit::Share, &[], tri(0.4, 0.6, 0.9)),
    // New US researchers' sectors: 41 industry, 40 academia, 3 founders
    // of 87 in the 2019 cohort in 2025 (C06, C07, C09).
    row(ParamId::EntryShareAcademia, "entry_share_academia", Assumption, Internal, 0.43, 0.1, 0.7, 0.01, Scale::Linear, Unit::Share, &["C07", "C06"], tri(0.33, 0.43, 0.5)),
    row(ParamId::EntryShareStartup, "entry_share_startup", Assumption, Internal, 0.07, 0.0, 0.2, 0.01, Scale::Linear, Unit::Share, &["C09"], tri(0.03, 0.07, 0.12)),
    // Sector multipliers on the return hazard (industry 1): foreign
    // faculty return rarely (S17), startups tie less.
    row(ParamId::AcademiaHazard, "academia_hazard", Assumption, Internal, 0.8, 0.3, 1.5, 0.01, Scale::Linear, Unit::Multiplier, &["S17"], tri(0.6, 0.8, 1.0)),
    row(ParamId::StartupHazard, "startup_hazard", Assumption, Internal, 1.2, 0.5, 2.5, 0.01, Scale::Linear, Unit::Multiplier, &[], tri(1.0, 1.2, 1.6)),
    // Where graduates of China and of third countries go to work, 2015
    // conditions (China's: M19, M05).
    row(ParamId::ChinaGradsToUs, "china_grads_to_us", Assumption, Internal, 0.05, 0.01, 0.2, 0.005, Scale::Linear, Unit::Share, &["M19", "M05"], tri(0.03, 0.05, 0.08)),
    row(ParamId::ChinaGradsToElsewhere, "china_grads_to_elsewhere", Assumption, Internal, 0.02, 0.005, 0.1, 0.005, Scale::Linear, Unit::Share, &["M19"], tri(0.01, 0.02, 0.04)),
    row(ParamId::ElsewhereGradsToUs, "elsewhere_grads_to_us", Assumption, Internal, 0.2, 0.05, 0.5, 0.01, Scale::Linear, Unit::Share, &[], tri(0.1, 0.2, 0.3)),
    row(ParamId::ElsewhereGradsToChina, "elsewhere_grads_to_china", Assumption, Internal, 0.1, 0.02, 0.4, 0.01, Scale::Linear, Unit::Share, &[], tri(0.05, 0.1, 0.2)),
    // How often researchers in China, and in third countries, weigh a move
    // (then choosing as that place's graduates do).
    row(ParamId::ReconsiderChina, "reconsider_china", Assumption, Internal, 0.1, 0.0, 0.5, 0.01, Scale::Linear, Unit::PerYear, &[], tri(0.05, 0.1, 0.2)),
    row(ParamId::ReconsiderElsewhere, "reconsider_elsewhere", Assumption, Internal, 0.05, 0.0, 0.5, 0.01, Scale::Linear, Unit::PerYear, &[], tri(0.02, 0.05, 0.1)),
    // Growth of the pipeline's entrants before the conference record
    // begins (2014): the burn-in from 1995, an assumption. From 2014 to
    // 2025 the entrants follow the papers accepted at NeurIPS
    // (`crate::history::NEURIPS_PAPERS`).
    row(ParamId::PipelineGrowthHistory, "pipeline_growth_history", Assumption, Internal, 10.0, 0.0, 20.0, 0.1, Scale::Linear, Unit::PercentPerYear, &[], tri(7.0, 10.0, 13.0)),
    row(ParamId::GradSchoolYears, "grad_school_years", Assumption, Internal, 5.0, 3.0, 8.0, 0.1, Scale::Linear, Unit::Years, &[], tri(4.5, 5.0, 6.0)),
    // --- Calibrated constants ------------------------------------------
    // 2015 shares of the three choices, the temporary residents' return
    // hazard, the leavers' share to China, and the settled researchers'
    // hazard relative to the temporary residents' (`tenure_protection`,
    // its key kept from model 0.x, where it was the tenure multiplier).
    row(ParamId::GradChoiceUs, "grad_choice_us", Calibrated, Internal, 0.60, 0.2, 0.85, 0.01, Scale::Linear, Unit::Share, &["M05", "M19"], tri(0.56, 0.6, 0.63)),
    row(ParamId::GradChoiceElsewhere, "grad_choice_elsewhere", Calibrated, Internal, 0.10, 0.02, 0.3, 0.01, Scale::Linear, Unit::Share, &["M05", "M19"], tri(0.06, 0.1, 0.14)),
    row(ParamId::StayAtGraduation, "stay_at_graduation", Calibrated, Internal, 0.93, 0.6, 0.98, 0.005, Scale::Linear, Unit::Share, &["S10", "S08", "C12", "S01", "S05", "S06", "M06"], tri(0.9, 0.93, 0.95)),
    row(ParamId::ReturnHazard, "return_hazard", Calibrated, Internal, 0.02, 0.002, 0.1, 0.001, Scale::Linear, Unit::PerYear, &["C03", "C04", "C05", "S05", "S06", "S17"], tri(0.013, 0.02, 0.03)),
    row(ParamId::ReturnToChina, "return_to_china", Calibrated, Internal, 0.56, 0.3, 0.95, 0.01, Scale::Linear, Unit::Share, &["C04", "C05", "K06"], tri(0.45, 0.56, 0.68)),
    row(ParamId::TenureProtection, "tenure_protection", Calibrated, Internal, 0.35, 0.05, 1.0, 0.01, Scale::Linear, Unit::Multiplier, &["S06", "S17"], tri(0.2, 0.35, 0.55)),
    row(ParamId::CareerLength, "career_length", Assumption, Internal, 20.0, 10.0, 35.0, 1.0, Scale::Linear, Unit::Years, &[], tri(15.0, 20.0, 28.0)),
];

impl ParamId {
    /// Every id, in table order.
    pub const ALL: [ParamId; 46] = {
        let mut all = [ParamId::VisaRestrictions; 46];
        let mut i = 0;
        while i < 46 {
            all[i] = PARAMS[i].id;
            i += 1;
        }
        all
    };

    /// Index into [`PARAMS`].
    pub const fn index(self) -> usize {
        self as usize
    }
    /// This parameter's row of the table.
    pub const fn spec(self) -> &'static ParamSpec {
        &PARAMS[self as usize]
    }
    /// The id for a stable key, as used in URLs and on the command line.
    pub fn from_key(key: &str) -> Option<ParamId> {
        PARAMS.iter().find(|p| p.key == key).map(|p| p.id)
    }
}

/// The number of parameters.
pub const PARAM_COUNT: usize = TABLE.len();
