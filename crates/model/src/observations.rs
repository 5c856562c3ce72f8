//! Observed figures: points drawn on the charts, and the calibration
//! targets the baseline must meet.

use crate::run::SeriesId;

/// An observed value of one output series, with its source.
#[derive(Clone, Copy, Debug)]
pub struct Observation {
    pub series: SeriesId,
    pub year: i32,
    pub value: f64,
    /// Ids in `data/facts.csv`.
    pub sources: &'static [&'static str],
}

/// Points drawn on the charts beside the model's curves.
pub const OBSERVATIONS: [Observation; 5] = [
    // Carnegie (Dec 2025): of the 100 Chinese-origin NeurIPS 2019 authors
    // at US institutions, 87 still in the US, 10 in China, 3 elsewhere.
    Observation {
        series: SeriesId::Cohort2019InUs,
        year: 2025,
        value: 0.87,
        sources: &["C03", "C02"],
    },
    Observation {
        series: SeriesId::Cohort2019InChina,
        year: 2025,
        value: 0.10,
        sources: &["C04", "C02"],
    },
    Observation {
        series: SeriesId::Cohort2019Elsewhere,
        year: 2025,
        value: 0.03,
        sources: &["C05", "C02"],
    },
    // MacroPolo (NeurIPS 2019): 56% of China-undergrad top-tier
    // researchers in the US; about a third in China.
    Observation {
        series: SeriesId::ShareWorkUs,
        year: 2019,
        value: 0.56,
        sources: &["M05"],
    },
    Observation {
        series: SeriesId::ShareWorkChina,
        year: 2019,
        value: 0.33,
        sources: &["M05"],
    },
];

/// How a target is read off a run.
#[derive(Clone, Copy, Debug)]
pub enum Statistic {
    /// The series' value in one year.
    At(i32),
    /// The mean of the series over an inclusive span of years.
    MeanOver(i32, i32),
}

/// A calibration target: the baseline must land within `tolerance` of
/// `observed` (with n = 100, five points either way is noise).
#[derive(Clone, Copy, Debug)]
pub struct Target {
    /// Stable id used in test names and docs.
    pub key: &'static str,
    pub series: SeriesId,
    pub statistic: Statistic,
    pub observed: f64,
    pub tolerance: f64,
    pub sources: &'static [&'static str],
}

/// The calibration targets of the brief.
pub const TARGETS: [Target; 7] = [
    Target {
        key: "cohort_in_us_2025",
        series: SeriesId::Cohort2019InUs,
        statistic: Statistic::At(2025),
        observed: 0.87,
        tolerance: 0.05,
        sources: &["C03"],
    },
    Target {
        key: "cohort_in_china_2025",
        series: SeriesId::Cohort2019InChina,
        statistic: Statistic::At(2025),
        observed: 0.10,
        tolerance: 0.05,
        sources: &["C04"],
    },
    Target {
        key: "cohort_elsewhere_2025",
        series: SeriesId::Cohort2019Elsewhere,
        statistic: Statistic::At(2025),
        observed: 0.03,
        tolerance: 0.05,
        sources: &["C05"],
    },
    Target {
        key: "stay_rate_before_2018",
        series: SeriesId::StayAtGraduation,
        statistic: Statistic::MeanOver(2010, 2017),
        observed: 0.90,
        tolerance: 0.05,
        sources: &["C12", "S05", "S06", "S08"],
    },
    Target {
        key: "share_in_us_2019",
        series: SeriesId::ShareWorkUs,
        statistic: Statistic::At(2019),
        observed: 0.56,
        tolerance: 0.05,
        sources: &["M05"],
    },
    Target {
        key: "share_in_china_2019",
        series: SeriesId::ShareWorkChina,
        statistic: Statistic::At(2019),
        observed: 0.33,
        tolerance: 0.05,
        sources: &["M05"],
    },
    Target {
        key: "us_grads_staying_2019",
        series: SeriesId::StayAtGraduation,
        statistic: Statistic::At(2019),
        observed: 0.88,
        tolerance: 0.05,
        sources: &["M06"],
    },
];

impl Target {
    /// The model's value for this target in `run` (`None` if the years are
    /// not reported).
    pub fn model_value(&self, run: &crate::Run) -> Option<f64> {
        match self.statistic {
            Statistic::At(year) => run.value(self.series, year),
            Statistic::MeanOver(a, b) => {
                let mut sum = 0.0;
                for y in a..=b {
                    sum += run.value(self.series, y)?;
                }
                Some(sum / f64::from(b - a + 1))
            }
        }
    }
}
