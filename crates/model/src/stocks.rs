//! The stocks (counts of people) and the flows between them.

/// A stock of people: Chinese-undergraduate-origin researchers at one
/// stage and place. Every person is in exactly one stock at every step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(usize)]
pub enum Stock {
    /// New China-undergrad graduates entering the top-tier pipeline,
    /// before they choose where to do graduate school.
    Pipeline,
    /// Graduate students in the US, in the first of graduate school's
    /// three stages ([`GRAD_STAGES`]).
    GradUsFirst,
    /// Graduate students in the US, in the second stage.
    GradUsSecond,
    /// Graduate students in the US, in the last stage, from which they
    /// graduate.
    GradUs,
    /// Graduate students in China, first stage.
    GradChinaFirst,
    /// Graduate students in China, second stage.
    GradChinaSecond,
    /// Graduate students in China, last stage.
    GradChina,
    /// Graduate students elsewhere, first stage.
    GradElsewhereFirst,
    /// Graduate students elsewhere, second stage.
    GradElsewhereSecond,
    /// Graduate students elsewhere, last stage.
    GradElsewhere,
    /// US researchers in industry (big tech), early career.
    UsIndustryEarly,
    /// US researchers in industry, established.
    UsIndustryEstablished,
    /// US researchers in academia, early career (before tenure).
    UsAcademiaEarly,
    /// US researchers in academia, established.
    UsAcademiaEstablished,
    /// US researchers in startups, early career.
    UsStartupEarly,
    /// US researchers in startups, established (founders with equity).
    UsStartupEstablished,
    /// Researchers working in China.
    WorkChina,
    /// Researchers working elsewhere.
    WorkElsewhere,
    /// Left the top tier (career end, or out of research). A sink, so
    /// that people are conserved.
    LeftTopTier,
}

/// The number of stocks.
pub const STOCK_COUNT: usize = 19;

/// Graduate school's stages: a third-order delay. Each stage lasts a third
/// of graduate school's mean length on average, so time to the degree
/// varies about its mean as a doctorate's does, rather than as a
/// first-order delay would have it (where a student is as likely to
/// finish in the first year as in the fifth, and one in seven is still in
/// school after twice the mean).
pub const GRAD_STAGES: usize = 3;

impl Stock {
    /// Every stock, in index order.
    pub const ALL: [Stock; STOCK_COUNT] = [
        Stock::Pipeline,
        Stock::GradUsFirst,
        Stock::GradUsSecond,
        Stock::GradUs,
        Stock::GradChinaFirst,
        Stock::GradChinaSecond,
        Stock::GradChina,
        Stock::GradElsewhereFirst,
        Stock::GradElsewhereSecond,
        Stock::GradElsewhere,
        Stock::UsIndustryEarly,
        Stock::UsIndustryEstablished,
        Stock::UsAcademiaEarly,
        Stock::UsAcademiaEstablished,
        Stock::UsStartupEarly,
        Stock::UsStartupEstablished,
        Stock::WorkChina,
        Stock::WorkElsewhere,
        Stock::LeftTopTier,
    ];

    /// Graduate school's stages in the US, China and elsewhere (rows), in
    /// order (columns): people enter the first and graduate from the last.
    pub const GRAD: [[Stock; GRAD_STAGES]; 3] = [
        [Stock::GradUsFirst, Stock::GradUsSecond, Stock::GradUs],
        [
            Stock::GradChinaFirst,
            Stock::GradChinaSecond,
            Stock::GradChina,
        ],
        [
            Stock::GradElsewhereFirst,
            Stock::GradElsewhereSecond,
            Stock::GradElsewhere,
        ],
    ];

    /// The US working stocks (all sectors, both tenures).
    pub const US_WORK: [Stock; 6] = [
        Stock::UsIndustryEarly,
        Stock::UsIndustryEstablished,
        Stock::UsAcademiaEarly,
        Stock::UsAcademiaEstablished,
        Stock::UsStartupEarly,
        Stock::UsStartupEstablished,
    ];

    /// Index into a stock vector.
    pub const fn index(self) -> usize {
        self as usize
    }

    /// A stable identifier (used in traces and docs).
    pub const fn key(self) -> &'static str {
        match self {
            Stock::Pipeline => "pipeline",
            Stock::GradUsFirst => "grad_us_first",
            Stock::GradUsSecond => "grad_us_second",
            Stock::GradUs => "grad_us",
            Stock::GradChinaFirst => "grad_china_first",
            Stock::GradChinaSecond => "grad_china_second",
            Stock::GradChina => "grad_china",
            Stock::GradElsewhereFirst => "grad_elsewhere_first",
            Stock::GradElsewhereSecond => "grad_elsewhere_second",
            Stock::GradElsewhere => "grad_elsewhere",
            Stock::UsIndustryEarly => "us_industry_early",
            Stock::UsIndustryEstablished => "us_industry_established",
            Stock::UsAcademiaEarly => "us_academia_early",
            Stock::UsAcademiaEstablished => "us_academia_established",
            Stock::UsStartupEarly => "us_startup_early",
            Stock::UsStartupEstablished => "us_startup_established",
            Stock::WorkChina => "work_china",
            Stock::WorkElsewhere => "work_elsewhere",
            Stock::LeftTopTier => "left_top_tier",
        }
    }

    /// Where this stock is.
    pub const fn place(self) -> Place {
        match self {
            Stock::Pipeline | Stock::LeftTopTier => Place::None,
            Stock::GradUsFirst
            | Stock::GradUsSecond
            | Stock::GradUs
            | Stock::UsIndustryEarly
            | Stock::UsIndustryEstablished
            | Stock::UsAcademiaEarly
            | Stock::UsAcademiaEstablished
            | Stock::UsStartupEarly
            | Stock::UsStartupEstablished => Place::Us,
            Stock::GradChinaFirst
            | Stock::GradChinaSecond
            | Stock::GradChina
            | Stock::WorkChina => Place::China,
            Stock::GradElsewhereFirst
            | Stock::GradElsewhereSecond
            | Stock::GradElsewhere
            | Stock::WorkElsewhere => Place::Elsewhere,
        }
    }

    /// Whether this is a US working stock.
    pub const fn is_us_work(self) -> bool {
        matches!(self.place(), Place::Us) && !self.is_grad()
    }

    /// Whether this is a stage of graduate school (anywhere): one of
    /// [`Stock::GRAD`].
    pub const fn is_grad(self) -> bool {
        let mut place = 0;
        while place < Stock::GRAD.len() {
            let mut j = 0;
            while j < GRAD_STAGES {
                if Stock::GRAD[place][j] as usize == self as usize {
                    return true;
                }
                j += 1;
            }
            place += 1;
        }
        false
    }
}

/// Where a stock is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    Us,
    China,
    Elsewhere,
    /// Not yet placed (pipeline) or out of the top tier.
    None,
}

/// One flow during one step: `people` move from `from` to `to`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Flow {
    pub from: Stock,
    pub to: Stock,
    /// People moved during the step.
    pub people: f64,
}
