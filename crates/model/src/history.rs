//! Recorded driver paths, 2010 to [`LAST_HISTORY_YEAR`].
//!
//! History runs on these paths whatever the sliders say, so the
//! calibration does not depend on where the sliders stand. From the policy
//! start year on, each lever takes the reader's value; between the end of
//! history and the policy start the last recorded value holds.
//!
//! Values are yearly knots, read as the level during that calendar year
//! (a step at each January 1st); the model's perception delay smooths the
//! steps. Each knot's basis is given beside it and in `docs/model.md`.

use crate::params::{ParamId, LAST_HISTORY_YEAR};

/// First year with a recorded knot; earlier years use this year's values.
pub const FIRST_HISTORY_YEAR: i32 = 2010;
const KNOTS: usize = (LAST_HISTORY_YEAR - FIRST_HISTORY_YEAR + 1) as usize;

/// The drivers that have a historical path.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Driver {
    VisaRestrictions,
    ChinaAiFunding,
    ComputeRatio,
    ScrutinyClimate,
    UsResearchFunding,
    PayGap,
    SettleWait,
    ThirdCountryOpenness,
    ChinaEcosystem,
}

impl Driver {
    pub const ALL: [Driver; 9] = [
        Driver::VisaRestrictions,
        Driver::ChinaAiFunding,
        Driver::ComputeRatio,
        Driver::ScrutinyClimate,
        Driver::UsResearchFunding,
        Driver::PayGap,
        Driver::SettleWait,
        Driver::ThirdCountryOpenness,
        Driver::ChinaEcosystem,
    ];

    /// The lever that sets this driver from the policy start year on.
    pub const fn lever(self) -> ParamId {
        match self {
            Driver::VisaRestrictions => ParamId::VisaRestrictions,
            Driver::ChinaAiFunding => ParamId::ChinaAiFunding,
            Driver::ComputeRatio => ParamId::ComputeRatio,
            Driver::ScrutinyClimate => ParamId::ScrutinyClimate,
            Driver::UsResearchFunding => ParamId::UsResearchFunding,
            Driver::PayGap => ParamId::PayGap,
            Driver::SettleWait => ParamId::SettleWait,
            Driver::ThirdCountryOpenness => ParamId::ThirdCountryOpenness,
            Driver::ChinaEcosystem => ParamId::ChinaEcosystem,
        }
    }

    /// Yearly knots from [`FIRST_HISTORY_YEAR`] to [`LAST_HISTORY_YEAR`].
    pub const fn knots(self) -> &'static [f64; KNOTS] {
        match self {
            Driver::VisaRestrictions => &VISA,
            Driver::ChinaAiFunding => &CHINA_FUNDING,
            Driver::ComputeRatio => &COMPUTE,
            Driver::ScrutinyClimate => &SCRUTINY,
            Driver::UsResearchFunding => &US_FUNDING,
            Driver::PayGap => &PAY_GAP,
            Driver::SettleWait => &SETTLE_WAIT,
            Driver::ThirdCountryOpenness => &THIRD_COUNTRIES,
            Driver::ChinaEcosystem => &CHINA_ECOSYSTEM,
        }
    }

    /// The recorded value in `year` (clamped to the recorded span).
    pub fn historical(self, year: i32) -> f64 {
        let i = (year.clamp(FIRST_HISTORY_YEAR, LAST_HISTORY_YEAR) - FIRST_HISTORY_YEAR) as usize;
        self.knots()[i]
    }
}

//                      2010 2011 2012 2013 2014 2015 2016 2017 2018 2019 2020 2021 2022 2023 2024 2025 2026
/// Entry channel: % of would-be Chinese entrants (graduate students, and
/// researchers hired from abroad) that US visa policy refuses. 0 before
/// 2018; 2018 one-year visas for some STEM fields; 2019 tightening;
/// Proclamation 10043 from June 2020 blocks 16-27% of Chinese STEM graduate
/// starters (O16, O18: midpoint 21); the 2025 revocation campaign (O21):
/// 30, an assumption. The pandemic's closed consulates are a separate
/// shock ([`covid_entry_block`]).
#[rustfmt::skip]
const VISA: [f64; KNOTS] = [0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 3.0, 5.0, 15.0, 21.0, 21.0, 21.0, 21.0, 30.0, 30.0];
/// China AI/S&T funding, 2019 = 1, growing 10.4%/yr (F03 +10% in 2025; F04
/// 10.5%/yr 2021-24): 2^((year-2019)/7), so 2026 = 2.
#[rustfmt::skip]
const CHINA_FUNDING: [f64; KNOTS] = [0.41, 0.45, 0.50, 0.55, 0.61, 0.67, 0.74, 0.82, 0.91, 1.0, 1.10, 1.22, 1.35, 1.49, 1.64, 1.81, 2.0];
/// US:China AI compute. 2 before export controls (an assumption; P06 is a
/// low-confidence reading that puts 2021 near parity); controls from Oct
/// 2022 (P07) widen it to about 5 by 2025 (P01).
#[rustfmt::skip]
const COMPUTE: [f64; KNOTS] = [2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 2.5, 3.2, 4.0, 5.0, 5.0];
/// % of Chinese-descent US scientists who feel profiled: 42.2% measured in
/// 2021 (C14); 20 before 2018 is an assumption (non-Chinese Asian
/// comparator 27%, C14); the China Initiative ran Nov 2018-Feb 2022 (O19).
#[rustfmt::skip]
const SCRUTINY: [f64; KNOTS] = [20.0, 20.0, 20.0, 20.0, 20.0, 20.0, 20.0, 20.0, 30.0, 38.0, 42.0, 42.0, 40.0, 38.0, 38.0, 42.0, 42.0];
/// US federal research funding, 2019 = 1: AI R&D grew (F11) while the
/// FY2026 request cuts NSF (F12, not enacted); held at 1 as an assumption.
const US_FUNDING: [f64; KNOTS] = [1.0; KNOTS];
/// US:China pay for top researchers: about 3x throughout (W02-W05); no
/// series exists, so held flat, an assumption.
const PAY_GAP: [f64; KNOTS] = [3.0; KNOTS];

/// Post-study pathway: years from the PhD to permanent residency for a
/// Chinese graduate in US industry: about a year and a half of OPT, H-1B
/// and labour certification, plus the EB-2 China queue, about two years in
/// 2015 (K05: the June 2015 Visa Bulletin moved EB-2 China to June 2013)
/// and longer before and after (retrogression; H-1B lotteries
/// oversubscribed from 2013). 2020-21: consulates and USCIS slowed, H-1B
/// entry suspended (Proclamation 10052). 2025-26: the $100,000 fee on
/// H-1B petitions for hires from abroad (O22). An assumption built on
/// these records; no published series exists.
#[rustfmt::skip]
const SETTLE_WAIT: [f64; KNOTS] = [4.5, 4.5, 4.5, 4.0, 4.0, 3.5, 3.5, 4.0, 4.5, 4.5, 5.0, 5.0, 5.0, 5.0, 5.0, 5.5, 5.5];
/// Third countries' openness (the odds of a third country against the US
/// within "abroad"), 2015 = 1: no series exists; held at 1, an
/// assumption (the UK's Graduate Route from 2021 and Canada's and
/// Australia's 2024 caps on study permits roughly offset).
const THIRD_COUNTRIES: [f64; KNOTS] = [1.0; KNOTS];
/// China's AI research ecosystem: its top-5%-cited AI publications
/// relative to the US's: about half in 2010, parity in 2019 (K01; the top
/// 10%-cited shares were 26.5% against 29% in 2018, K02), growing at the
/// same pace in between. After 2019, growth at half that pace is an
/// assumption; the later measures at hand do not put China further ahead
/// by 2021 (AI journal citations 1.05 times the US's in 2020, K07; AI
/// conference citations 0.92 times in 2021, K08; this path: 1.04, 1.08).
#[rustfmt::skip]
const CHINA_ECOSYSTEM: [f64; KNOTS] = [0.5, 0.54, 0.58, 0.63, 0.68, 0.73, 0.79, 0.86, 0.93, 1.0, 1.04, 1.08, 1.12, 1.2, 1.25, 1.3, 1.4];

/// Share of would-be entrants to the US (graduate students and hires
/// from abroad) kept out by the pandemic, by calendar year. Visas are not
/// the measure: US consulates in China issued 808 student visas from
/// April to September 2020 against 90,410 a year earlier (K03), yet many
/// admitted students began online or had been in the US already, and new
/// international doctoral students fell 26% (all graduate students 39%)
/// from fall 2019 to fall 2020 (R09), with few deferrals from China. In
/// 2021 visas were back at the 2019 level by June (K04) and new Chinese
/// graduate students rose 35% on 2020 (R10), about 5% short of 2019.
/// Recorded history, the same in every scenario; 0 in every other year.
/// Set from the record of new students, so the model's fall in entrants
/// of 2020 is not a test of the model. Blocked students go elsewhere or
/// stay in China (deferrals are not modelled). The pandemic closed borders
/// abroad too: new international students fell in every major destination
/// in 2020 (R18), so the same share of new graduate students bound for a
/// third country is kept out, and stays in China; in 2021 the UK and
/// Canada reopened while Australia stayed shut (R18), and the small share
/// of 2021 stands for the mix.
pub const fn covid_entry_block(year: i32) -> f64 {
    match year {
        2020 => 0.3,
        2021 => 0.05,
        _ => 0.0,
    }
}

/// The first and last years of the conference record that sets the
/// pipeline's entrants ([`NEURIPS_PAPERS`]).
pub const FIRST_RECORD_YEAR: i32 = 2014;
pub const LAST_RECORD_YEAR: i32 = 2025;

/// Papers accepted at NeurIPS (the main track), 2014 to 2025: the size of
/// the conference whose authors are the top tier. 2014-2024 as compiled
/// from the conference's announcements (N01, which lacks 2022); 2022 and
/// 2025 from MacroPolo and Nikkei (M18: 2,671 and 5,290). The pipeline's entrants grow as the
/// conference does: a new author's place in the tier is a new accepted
/// paper. China-undergraduates' share of the tier rose as well (29% to 47%,
/// 2019-2022, M01, M10); the model does not assume it, so its tier grows no
/// faster than the conference.
#[rustfmt::skip]
pub const NEURIPS_PAPERS: [f64; (LAST_RECORD_YEAR - FIRST_RECORD_YEAR + 1) as usize] =
    [414.0, 403.0, 569.0, 678.0, 1011.0, 1428.0, 1900.0, 2344.0, 2671.0, 3218.0, 4037.0, 5290.0];

/// The pipeline's entrants in `year` relative to 2019, at the start of the
/// year: the conference record from [`FIRST_RECORD_YEAR`] to
/// [`LAST_RECORD_YEAR`]; before it, steady growth `before` a year (the
/// burn-in from 1995, an assumption); after it, steady growth `after` a
/// year (the *pipeline growth* assumption).
pub fn pipeline_level(year: i32, before: f64, after: f64) -> f64 {
    let papers = |y: i32| NEURIPS_PAPERS[(y - FIRST_RECORD_YEAR) as usize];
    let at = |y: i32| papers(y) / papers(2019);
    if year < FIRST_RECORD_YEAR {
        at(FIRST_RECORD_YEAR) * (before * f64::from(year - FIRST_RECORD_YEAR)).exp()
    } else if year <= LAST_RECORD_YEAR {
        at(year)
    } else {
        at(LAST_RECORD_YEAR) * (after * f64::from(year - LAST_RECORD_YEAR)).exp()
    }
}

/// Reference conditions (2015), against which the calibrated constants are
/// stated: "the share who stay under 2015 conditions" and so on.
pub const REFERENCE_YEAR: i32 = 2015;
