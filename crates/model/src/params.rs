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

/// The parameter table. Row `i` describes `ParamId` with discriminant `i`
/// (checked by a test). One row per line: it is read as a table. The last
/// column is the plausible spread the uncertainty bands draw from
/// (`tri(low, mode, high)` or `uni(low, high)`, in the parameter's unit).
#[rustfmt::skip]
pub const PARAMS: [ParamSpec; 25] = [
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
    // Strength of the reinforcing loop in which China's pull grows with
    // its own researcher stock (1 = as calibrated; 0 = no loop).
    row(ParamId::EcosystemLoop, "ecosystem_loop", Lever, Advanced, 1.0, 0.0, 2.0, 0.1, Scale::Linear, Unit::Multiplier, &["M17"], None),
    row(ParamId::PolicyStartYear, "policy_start_year", Lever, Advanced, 2027.0, 2027.0, 2040.0, 1.0, Scale::Linear, Unit::Year, &[], None),
    // --- Assumptions: behavioural weights (logit units) ----------------
    row(ParamId::BetaCompute, "beta_compute", Assumption, Internal, 0.15, 0.0, 0.6, 0.01, Scale::Linear, Unit::Utility, &[], tri(0.0, 0.15, 0.4)),
    row(ParamId::BetaChinaFunding, "beta_china_funding", Assumption, Internal, 0.35, 0.0, 1.0, 0.01, Scale::Linear, Unit::Utility, &["S16", "S09"], tri(0.1, 0.35, 0.7)),
    row(ParamId::BetaUsFunding, "beta_us_funding", Assumption, Internal, 0.2, 0.0, 1.0, 0.01, Scale::Linear, Unit::Utility, &[], tri(0.0, 0.2, 0.5)),
    row(ParamId::BetaPay, "beta_pay", Assumption, Internal, 0.3, 0.0, 1.2, 0.01, Scale::Linear, Unit::Utility, &["E03", "S22"], tri(0.1, 0.3, 0.6)),
    row(ParamId::BetaEcosystem, "beta_ecosystem", Assumption, Internal, 0.3, 0.0, 1.0, 0.01, Scale::Linear, Unit::Utility, &["M17"], tri(0.0, 0.3, 0.7)),
    row(ParamId::BetaScrutiny, "beta_scrutiny", Assumption, Internal, 0.1, 0.0, 0.4, 0.01, Scale::Linear, Unit::Utility, &["S14", "S15", "C16"], tri(0.05, 0.1, 0.2)),
    row(ParamId::BetaVisa, "beta_visa", Assumption, Internal, 0.2, 0.0, 0.6, 0.01, Scale::Linear, Unit::Utility, &["S16", "S14"], tri(0.1, 0.2, 0.35)),
    row(ParamId::HazardSensitivity, "hazard_sensitivity", Assumption, Internal, 0.4, 0.0, 1.0, 0.01, Scale::Linear, Unit::Multiplier, &["S15"], tri(0.25, 0.4, 0.6)),
    row(ParamId::PerceptionDelay, "perception_delay", Assumption, Internal, 1.5, 0.5, 3.0, 0.1, Scale::Linear, Unit::Years, &[], uni(1.0, 2.0)),
    row(ParamId::PipelineGrowth, "pipeline_growth", Assumption, Internal, 3.0, -3.0, 8.0, 0.1, Scale::Linear, Unit::PercentPerYear, &["M01", "M10"], tri(0.0, 3.0, 6.0)),
    // --- Calibrated constants ------------------------------------------
    row(ParamId::GradChoiceUs, "grad_choice_us", Calibrated, Internal, 0.60, 0.2, 0.85, 0.01, Scale::Linear, Unit::Share, &["M05", "M19"], tri(0.56, 0.6, 0.63)),
    row(ParamId::GradChoiceElsewhere, "grad_choice_elsewhere", Calibrated, Internal, 0.10, 0.02, 0.3, 0.01, Scale::Linear, Unit::Share, &["M05", "M19"], tri(0.06, 0.1, 0.14)),
    row(ParamId::StayAtGraduation, "stay_at_graduation", Calibrated, Internal, 0.91, 0.6, 0.98, 0.005, Scale::Linear, Unit::Share, &["C12", "S05", "S06", "S08", "M06"], tri(0.87, 0.91, 0.94)),
    row(ParamId::ReturnHazard, "return_hazard", Calibrated, Internal, 0.025, 0.002, 0.1, 0.001, Scale::Linear, Unit::PerYear, &["C03", "C04", "C05", "S03", "S17"], tri(0.015, 0.025, 0.038)),
    row(ParamId::ReturnToChina, "return_to_china", Calibrated, Internal, 0.75, 0.3, 0.95, 0.01, Scale::Linear, Unit::Share, &["C04", "C05"], tri(0.6, 0.75, 0.88)),
    row(ParamId::TenureProtection, "tenure_protection", Calibrated, Internal, 0.35, 0.1, 1.0, 0.01, Scale::Linear, Unit::Multiplier, &["S03", "S17"], tri(0.2, 0.35, 0.6)),
    row(ParamId::CareerLength, "career_length", Assumption, Internal, 20.0, 10.0, 35.0, 1.0, Scale::Linear, Unit::Years, &[], tri(15.0, 20.0, 28.0)),
];

impl ParamId {
    /// Every id, in table order.
    pub const ALL: [ParamId; 25] = {
        let mut all = [ParamId::VisaRestrictions; 25];
        let mut i = 0;
        while i < 25 {
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
pub const PARAM_COUNT: usize = PARAMS.len();
