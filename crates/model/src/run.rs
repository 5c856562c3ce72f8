//! The yearly outputs of one run, keyed by series id.

/// Every output series. The `key` of each is its CSV column name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(usize)]
pub enum SeriesId {
    Cohort2019InUs,
    Cohort2019InChina,
    Cohort2019Elsewhere,
    InflowUsGrad,
    InflowUsWork,
    StockUsGrad,
    StockUsWork,
    StockChinaWork,
    ShareWorkUs,
    ShareWorkChina,
    ExitRateUs,
    ExitToChinaShare,
    ShareWorkElsewhere,
    PipelineEntrants,
    GradChoiceUs,
    InflowChinaGrad,
    StayAtGraduation,
    ReturnsToChina,
    StockChinaGrad,
    StockElsewhereWork,
    StockUsIndustry,
    StockUsAcademia,
    StockUsStartup,
    TopTierTotal,
    PhdStay5y,
    PhdStay10y,
    DeparturesUs,
    StockUsSettled,
    InflowElsewhereGrad,
}

/// The number of series.
pub const SERIES_COUNT: usize = 29;

/// What a series measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Measure {
    /// A share, 0..1.
    Share,
    /// People (a stock at the end of the year).
    People,
    /// People per year (a flow summed over the year).
    PeoplePerYear,
}

/// A series' description.
#[derive(Clone, Copy, Debug)]
pub struct SeriesSpec {
    pub id: SeriesId,
    /// CSV column name, stable.
    pub key: &'static str,
    pub measure: Measure,
    /// First year with a value; earlier years are blank (NaN).
    pub defined_from: i32,
    /// The only years with a value, when not every year from
    /// `defined_from` on has one (the tracked graduating cohorts); empty
    /// otherwise.
    pub only_in: &'static [i32],
}

impl SeriesSpec {
    /// Whether the series has a value in `year` (it is blank otherwise).
    pub fn is_defined_in(&self, year: i32) -> bool {
        year >= self.defined_from && (self.only_in.is_empty() || self.only_in.contains(&year))
    }
}

const fn spec(id: SeriesId, key: &'static str, measure: Measure, defined_from: i32) -> SeriesSpec {
    SeriesSpec {
        id,
        key,
        measure,
        defined_from,
        only_in: &[],
    }
}

const fn sparse(id: SeriesId, key: &'static str, only_in: &'static [i32]) -> SeriesSpec {
    SeriesSpec {
        id,
        key,
        measure: Measure::Share,
        defined_from: only_in[0],
        only_in,
    }
}

/// Every series, in CSV column order (after `year`).
pub const SERIES: [SeriesSpec; SERIES_COUNT] = [
    spec(
        SeriesId::Cohort2019InUs,
        "cohort2019_in_us",
        Measure::Share,
        2019,
    ),
    spec(
        SeriesId::Cohort2019InChina,
        "cohort2019_in_china",
        Measure::Share,
        2019,
    ),
    spec(
        SeriesId::Cohort2019Elsewhere,
        "cohort2019_elsewhere",
        Measure::Share,
        2019,
    ),
    spec(
        SeriesId::InflowUsGrad,
        "inflow_us_grad",
        Measure::PeoplePerYear,
        0,
    ),
    spec(
        SeriesId::InflowUsWork,
        "inflow_us_work",
        Measure::PeoplePerYear,
        0,
    ),
    spec(SeriesId::StockUsGrad, "stock_us_grad", Measure::People, 0),
    spec(SeriesId::StockUsWork, "stock_us_work", Measure::People, 0),
    spec(
        SeriesId::StockChinaWork,
        "stock_china_work",
        Measure::People,
        0,
    ),
    spec(SeriesId::ShareWorkUs, "share_work_us", Measure::Share, 0),
    spec(
        SeriesId::ShareWorkChina,
        "share_work_china",
        Measure::Share,
        0,
    ),
    spec(SeriesId::ExitRateUs, "exit_rate_us", Measure::Share, 0),
    spec(
        SeriesId::ExitToChinaShare,
        "exit_to_china_share",
        Measure::Share,
        0,
    ),
    spec(
        SeriesId::ShareWorkElsewhere,
        "share_work_elsewhere",
        Measure::Share,
        0,
    ),
    spec(
        SeriesId::PipelineEntrants,
        "pipeline_entrants",
        Measure::PeoplePerYear,
        0,
    ),
    spec(SeriesId::GradChoiceUs, "grad_choice_us", Measure::Share, 0),
    spec(
        SeriesId::InflowChinaGrad,
        "inflow_china_grad",
        Measure::PeoplePerYear,
        0,
    ),
    spec(
        SeriesId::StayAtGraduation,
        "stay_at_graduation",
        Measure::Share,
        0,
    ),
    spec(
        SeriesId::ReturnsToChina,
        "returns_to_china",
        Measure::PeoplePerYear,
        0,
    ),
    spec(
        SeriesId::StockChinaGrad,
        "stock_china_grad",
        Measure::People,
        0,
    ),
    spec(
        SeriesId::StockElsewhereWork,
        "stock_elsewhere",
        Measure::People,
        0,
    ),
    spec(
        SeriesId::StockUsIndustry,
        "stock_us_industry",
        Measure::People,
        0,
    ),
    spec(
        SeriesId::StockUsAcademia,
        "stock_us_academia",
        Measure::People,
        0,
    ),
    spec(
        SeriesId::StockUsStartup,
        "stock_us_startup",
        Measure::People,
        0,
    ),
    spec(SeriesId::TopTierTotal, "top_tier_total", Measure::People, 0),
    // Of those who finished US graduate school in year T-5 (T-10), the
    // share in the US at the end of year T; only for the tracked
    // graduating years (engine::PHD_COHORT_YEARS), blank otherwise.
    sparse(
        SeriesId::PhdStay5y,
        "phd_stay_5y",
        &crate::engine::PHD_STAY_5Y_YEARS,
    ),
    sparse(
        SeriesId::PhdStay10y,
        "phd_stay_10y",
        &crate::engine::PHD_STAY_10Y_YEARS,
    ),
    // Everyone leaving the US in the year: researchers, and graduates
    // leaving at graduation.
    spec(
        SeriesId::DeparturesUs,
        "departures_us",
        Measure::PeoplePerYear,
        0,
    ),
    spec(
        SeriesId::StockUsSettled,
        "stock_us_settled",
        Measure::People,
        0,
    ),
    spec(
        SeriesId::InflowElsewhereGrad,
        "inflow_elsewhere_grad",
        Measure::PeoplePerYear,
        0,
    ),
];

impl SeriesId {
    /// Every id, in column order.
    pub const ALL: [SeriesId; SERIES_COUNT] = {
        let mut all = [SeriesId::Cohort2019InUs; SERIES_COUNT];
        let mut i = 0;
        while i < SERIES_COUNT {
            all[i] = SERIES[i].id;
            i += 1;
        }
        all
    };
    /// Index into [`SERIES`].
    pub const fn index(self) -> usize {
        self as usize
    }
    /// This series' description.
    pub const fn spec(self) -> &'static SeriesSpec {
        &SERIES[self as usize]
    }
    /// The CSV column name.
    pub const fn key(self) -> &'static str {
        SERIES[self as usize].key
    }
    /// The id for a column name.
    pub fn from_key(key: &str) -> Option<SeriesId> {
        SERIES.iter().find(|s| s.key == key).map(|s| s.id)
    }
}

/// The span of reported years.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Years {
    pub first: i32,
    pub last: i32,
}

impl Years {
    pub const fn new(first: i32, last: i32) -> Years {
        Years { first, last }
    }
    /// Number of years.
    pub const fn len(&self) -> usize {
        (self.last - self.first + 1) as usize
    }
    pub const fn is_empty(&self) -> bool {
        self.last < self.first
    }
    /// Every year, in order.
    pub fn iter(&self) -> impl Iterator<Item = i32> {
        self.first..=self.last
    }
    /// Index of `year`, if reported.
    pub fn index_of(&self, year: i32) -> Option<usize> {
        (year >= self.first && year <= self.last).then(|| (year - self.first) as usize)
    }
}

const YEAR_COUNT: usize = (crate::engine::LAST_YEAR - crate::engine::FIRST_YEAR + 1) as usize;

/// The yearly outputs of one run: stocks at the end of each year, flows
/// summed over it.
#[derive(Clone, Debug, PartialEq)]
pub struct Run {
    years: Years,
    values: [[f64; YEAR_COUNT]; SERIES_COUNT],
    /// First year in which the reader's settings act.
    pub policy_start_year: i32,
}

impl Run {
    pub(crate) fn new(
        years: Years,
        values: [[f64; YEAR_COUNT]; SERIES_COUNT],
        policy_start_year: i32,
    ) -> Run {
        Run {
            years,
            values,
            policy_start_year,
        }
    }
    /// The reported years.
    pub fn years(&self) -> Years {
        self.years
    }
    /// One series, one value per reported year (NaN before its
    /// `defined_from` year, and in the years a sparse series skips).
    pub fn series(&self, id: SeriesId) -> &[f64] {
        &self.values[id.index()]
    }
    /// One value; `None` outside the reported years.
    pub fn value(&self, id: SeriesId, year: i32) -> Option<f64> {
        self.years
            .index_of(year)
            .map(|i| self.values[id.index()][i])
    }

    /// The run as CSV: a header row (`year` and every series key), then one
    /// row per year. Shares get six decimals, people three; blank where a
    /// series is not defined. The command line and the browser both print
    /// through this function, so their numbers agree exactly.
    pub fn to_csv(&self) -> String {
        let mut s = String::with_capacity(64 * 1024);
        s.push_str("year");
        for spec in SERIES.iter() {
            s.push(',');
            s.push_str(spec.key);
        }
        s.push('\n');
        for (i, year) in self.years.iter().enumerate() {
            s.push_str(&year.to_string());
            for spec in SERIES.iter() {
                s.push(',');
                s.push_str(&format_value(self.values[spec.id.index()][i], spec.measure));
            }
            s.push('\n');
        }
        s
    }
}

/// One value as the CSV and JSON outputs print it.
pub fn format_value(v: f64, measure: Measure) -> String {
    if !v.is_finite() {
        return String::new();
    }
    match measure {
        Measure::Share => format!("{v:.6}"),
        Measure::People | Measure::PeoplePerYear => format!("{v:.3}"),
    }
}
