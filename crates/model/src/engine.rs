//! The simulation: drivers, choices and hazards, integrated monthly.
//!
//! Method: forward Euler with a step of one month. At each step every flow
//! moves `rate_per_year * dt` of its source's stock at the start of the
//! step to its destination: each stock keeps one minus its outflows'
//! fractions (one multiplication for all of them) and gains its inflows, so
//! people are conserved up to floating-point rounding. Rates are bounded so
//! that no stock can lose more than it holds in one step (see
//! [`MAX_HAZARD_MULTIPLIER`]).

use crate::history::{covid_entry_block, Driver, REFERENCE_YEAR};
use crate::params::{ParamId, LAST_HISTORY_YEAR, PARAMS};
use crate::run::{Run, SeriesId, Years, SERIES_COUNT};
use crate::scenario::Scenario;
use crate::stocks::{Flow, Stock, GRAD_STAGES, STOCK_COUNT};

/// Steps per year.
pub const STEPS_PER_YEAR: usize = 12;
/// Step length in years.
pub const DT_YEARS: f64 = 1.0 / STEPS_PER_YEAR as f64;
/// The choices' shares and the hazards are worked out from the perceived
/// pulls every this many steps (a quarter) and hold in between; people
/// move every step. Perceptions move by at most a sixth of their gap in a
/// quarter, so the rates lag the perceived pulls by at most a month and a
/// half, and a run costs half as much.
pub const STEPS_PER_RATE_UPDATE: usize = 3;
const _: () = assert!(STEPS_PER_YEAR.is_multiple_of(STEPS_PER_RATE_UPDATE));
/// The simulation starts empty in this year (a burn-in: China's pipeline
/// was small then, so the stocks of 2010 come from the model itself).
pub const SPIN_UP_YEAR: i32 = 1995;
/// First reported year.
pub const FIRST_YEAR: i32 = 2010;
/// Last reported year.
pub const LAST_YEAR: i32 = 2050;
/// The tracked cohort: everyone in a US stock at the end of this year.
pub const COHORT_YEAR: i32 = 2019;
/// The tracked graduating cohorts: everyone who finishes US graduate
/// school during one of these years, followed for [`PHD_FOLLOW_YEARS`]
/// after it, for the stay rates 5 and 10 years after the PhD. They give
/// the 5-year rates of 2012, 2017 and 2023 and the 10-year rates of 2017
/// and 2022, the years of the published stay rates (S01, S05-S08, R12).
/// Each is followed with the same rates as everyone else and no
/// newcomers; two lanes suffice, since no more than two are followed at
/// once, and the last ends before the earliest policy start year.
pub const PHD_COHORT_YEARS: [i32; 3] = [2007, 2012, 2018];
/// Years each tracked graduating cohort is followed.
const PHD_FOLLOW_YEARS: [i32; 3] = [10, 10, 5];
/// The years `phd_stay_5y` and `phd_stay_10y` report: five and ten years
/// after each tracked graduating year that is followed that long.
pub const PHD_STAY_5Y_YEARS: [i32; 3] = [
    PHD_COHORT_YEARS[0] + 5,
    PHD_COHORT_YEARS[1] + 5,
    PHD_COHORT_YEARS[2] + 5,
];
/// See [`PHD_STAY_5Y_YEARS`].
pub const PHD_STAY_10Y_YEARS: [i32; 2] = [PHD_COHORT_YEARS[0] + 10, PHD_COHORT_YEARS[1] + 10];
const _: () = assert!(PHD_STAY_5Y_YEARS[0] >= FIRST_YEAR);
const _: () =
    assert!(PHD_FOLLOW_YEARS[2] == 5 && PHD_FOLLOW_YEARS[0] == 10 && PHD_FOLLOW_YEARS[1] == 10);
/// Which of the two lanes each tracked graduating cohort uses.
const PHD_LANE: [usize; 3] = [0, 1, 0];
/// How many graduating-cohort lanes a run carries.
const PHD_LANES: usize = 2;
const _: () = {
    // Lanes are reused only once the cohort before has been followed for
    // its ten years, and every cohort ends before the remembered history
    // does, so that a slider move (from 2027 on) never carries one.
    let mut i = 0;
    while i < PHD_COHORT_YEARS.len() {
        assert!(PHD_COHORT_YEARS[i] + PHD_FOLLOW_YEARS[i] < 2027);
        let mut j = 0;
        while j < i {
            assert!(
                PHD_LANE[j] != PHD_LANE[i]
                    || PHD_COHORT_YEARS[j] + PHD_FOLLOW_YEARS[j] < PHD_COHORT_YEARS[i]
            );
            j += 1;
        }
        assert!(PHD_LANE[i] < PHD_LANES);
        i += 1;
    }
};

/// China-undergrad entrants to the top-tier pipeline in 2019, people per
/// year. Sets the scale only: every share and rate is independent of it.
/// Chosen so that about 1,300 China-undergrad researchers are in the top
/// tier in 2019 (29% of roughly 4,500 NeurIPS 2019 authors; M01, M18).
pub const PIPELINE_2019_PER_YEAR: f64 = 278.0;
/// Mean time from entering the pipeline to starting graduate school, years
/// (a timing device: the pipeline is where the graduate-school choice
/// waits, not a stage of life).
pub const PIPELINE_DELAY_YEARS: f64 = 0.5;

/// A sector's stocks: early career on a temporary visa (OPT, H-1B), and
/// settled (permanent residency or citizenship). Entry shares, hazard
/// multipliers and how fast each sector settles are parameters (the
/// parameter table).
pub const SECTORS: [SectorStocks; 3] = [
    SectorStocks {
        early: Stock::UsIndustryEarly,
        established: Stock::UsIndustryEstablished,
    },
    SectorStocks {
        early: Stock::UsAcademiaEarly,
        established: Stock::UsAcademiaEstablished,
    },
    SectorStocks {
        early: Stock::UsStartupEarly,
        established: Stock::UsStartupEstablished,
    },
];

// `Fractions::apply` reads the stocks in this order.
const _: () = {
    let mut i = 0;
    while i < SECTORS.len() {
        assert!(SECTORS[i].early as usize == 10 + 2 * i);
        assert!(SECTORS[i].established as usize == 11 + 2 * i);
        i += 1;
    }
    assert!(Stock::WorkChina as usize == 16 && Stock::LeftTopTier as usize == STOCK_COUNT - 1);
    // The graduate schools' stages come first, place by place.
    let mut g = 0;
    while g < 3 {
        let mut j = 0;
        while j < GRAD_STAGES {
            assert!(Stock::GRAD[g][j] as usize == 1 + GRAD_STAGES * g + j);
            j += 1;
        }
        g += 1;
    }
};

/// A US sector's two stocks: on a temporary visa, and settled.
#[derive(Clone, Copy, Debug)]
pub struct SectorStocks {
    pub early: Stock,
    pub established: Stock,
}

/// Cap on any hazard's multiplier, so that a monthly step can never move
/// more people than a stock holds (largest hazard * dt stays below 1).
pub const MAX_HAZARD_MULTIPLIER: f64 = 20.0;

/// Driver values in force during one year.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Drivers {
    visa_blocked_pct: f64,
    /// Share of would-be entrants kept out by the pandemic (history only).
    covid_block: f64,
    china_funding: f64,
    compute_ratio: f64,
    scrutiny_pct: f64,
    us_funding: f64,
    pay_gap: f64,
    settle_wait: f64,
    third_country_openness: f64,
    china_ecosystem: f64,
    ecosystem_loop: f64,
}

impl Drivers {
    /// The drivers during calendar `year`: history through
    /// [`LAST_HISTORY_YEAR`], the last recorded value until the policy
    /// start year, the reader's setting from then on.
    fn in_year(scenario: &Scenario, year: i32) -> Drivers {
        let start = scenario.policy_start_year();
        let pick = |d: Driver| {
            if year >= start {
                scenario.get(d.lever())
            } else {
                d.historical(year.min(LAST_HISTORY_YEAR))
            }
        };
        Drivers {
            visa_blocked_pct: pick(Driver::VisaRestrictions),
            covid_block: covid_entry_block(year),
            china_funding: pick(Driver::ChinaAiFunding),
            compute_ratio: pick(Driver::ComputeRatio),
            scrutiny_pct: pick(Driver::ScrutinyClimate),
            us_funding: pick(Driver::UsResearchFunding),
            pay_gap: pick(Driver::PayGap),
            settle_wait: pick(Driver::SettleWait),
            third_country_openness: pick(Driver::ThirdCountryOpenness),
            china_ecosystem: pick(Driver::ChinaEcosystem),
            ecosystem_loop: if year >= start {
                scenario.get(ParamId::EcosystemLoop)
            } else {
                ParamId::EcosystemLoop.spec().default
            },
        }
    }

    /// The share of would-be entrants to the US refused: the visa block
    /// and the pandemic's, one after the other.
    fn entry_block(&self) -> f64 {
        1.0 - (1.0 - self.visa_blocked_pct / 100.0) * (1.0 - self.covid_block)
    }
}

/// The pulls relative to 2015, in logit units, split into the parts that
/// different choices weigh differently. People perceive each with the
/// same first-order delay.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
struct Pulls {
    /// The US pull every US option shares: research funding, scrutiny.
    us_general: f64,
    /// The frontier pull: compute and pay, which weigh on frontier labs
    /// and startups fully and on academia and graduate school less.
    frontier: f64,
    /// Deterrence at entry: each 10 points of visa restriction.
    visa: f64,
    /// The post-study pathway: years of wait to settle beyond 2015's.
    pathway: f64,
    /// China's pull: funding and its AI ecosystem.
    china: f64,
    /// Third countries' pull: their openness.
    elsewhere: f64,
}

impl Pulls {
    /// `self` moved a fraction `rate` of the way to `target`.
    fn approach(&mut self, target: &Pulls, rate: f64) {
        self.us_general += (target.us_general - self.us_general) * rate;
        self.frontier += (target.frontier - self.frontier) * rate;
        self.visa += (target.visa - self.visa) * rate;
        self.pathway += (target.pathway - self.pathway) * rate;
        self.china += (target.china - self.china) * rate;
        self.elsewhere += (target.elsewhere - self.elsewhere) * rate;
    }
}

/// The behavioural weights and calibrated constants, read once per run.
struct Coefficients {
    beta_compute: f64,
    beta_china_funding: f64,
    beta_us_funding: f64,
    beta_pay: f64,
    beta_ecosystem: f64,
    beta_scrutiny: f64,
    beta_visa: f64,
    beta_pathway: f64,
    pathway_hazard: f64,
    hazard_sensitivity: f64,
    /// The frontier pull's weight in academia and in the graduate-school
    /// choice (frontier labs and startups: 1).
    frontier_weight_academia: f64,
    frontier_weight_grad: f64,
    /// The frontier pull's weight at graduation: the mean over the
    /// sectors new researchers enter, by entry share.
    frontier_weight_work: f64,
    /// The nest's similarity and the powers it needs.
    nest: NestPower,
    /// Fraction of the gap between perceived and actual closed per step.
    perception_per_step: f64,
    /// Growth of the pipeline per year before the conference record
    /// ([`crate::history::NEURIPS_PAPERS`]) and after it.
    pipeline_growth: [f64; 2],
    /// Fraction of the graduate students in each stage who move on in one
    /// step: to the next stage, or from the last, graduating.
    graduation_per_step: f64,
    /// The graduate-school choice.
    grad_choice: Nest,
    /// US graduates' choice at graduation (stay, China, elsewhere).
    stay_choice: Nest,
    /// Graduates in China and elsewhere, and researchers there weighing a
    /// move.
    china_grad_choice: Nest,
    elsewhere_grad_choice: Nest,
    /// Fraction of the researchers in China, and elsewhere, who weigh a
    /// move in one step.
    reconsider_per_step: [f64; 2],
    /// Odds of a leaver choosing elsewhere over China under 2015
    /// conditions.
    leave_elsewhere_odds: f64,
    /// Each US sector's share of new US researchers.
    entry_share: [f64; 3],
    /// Each US sector's return hazard per step before the hazard index,
    /// temporary and settled.
    leaving_per_step: [[f64; 2]; 3],
    /// Each sector's wait to settle as a share of industry's.
    wait_share: [f64; 3],
    /// Fraction of a working stock that leaves the top tier per step.
    attrition_per_step: f64,
    /// Reference values of the drivers (2015).
    reference: Drivers,
}

impl Coefficients {
    fn new(s: &Scenario) -> Coefficients {
        let us = s.get(ParamId::GradChoiceUs);
        let el = s.get(ParamId::GradChoiceElsewhere);
        let cn = (1.0 - us - el).max(0.01);
        let stay = s.get(ParamId::StayAtGraduation);
        let to_china = s.get(ParamId::ReturnToChina);
        let leave_china = (1.0 - stay) * to_china;
        let leave_elsewhere = (1.0 - stay) * (1.0 - to_china);
        let pipeline_growth = [
            s.get(ParamId::PipelineGrowthHistory) / 100.0,
            s.get(ParamId::PipelineGrowth) / 100.0,
        ];
        let return_hazard = s.get(ParamId::ReturnHazard);
        let settled_ratio = s.get(ParamId::TenureProtection);
        let nest = NestPower::new(s.get(ParamId::NestSimilarity));
        let academia = s.get(ParamId::EntryShareAcademia);
        let startup = s.get(ParamId::EntryShareStartup);
        let entry_share = [(1.0 - academia - startup).max(0.0), academia, startup];
        let multipliers = [
            1.0,
            s.get(ParamId::AcademiaHazard),
            s.get(ParamId::StartupHazard),
        ];
        let frontier_weight_academia = s.get(ParamId::FrontierWeightAcademia);
        let sum = entry_share[0] + entry_share[1] + entry_share[2];
        let frontier_weight_work =
            (entry_share[0] + entry_share[2] + entry_share[1] * frontier_weight_academia) / sum;
        let destinations = |to_us: f64, to_other: f64, other_is_china: bool| {
            let home = (1.0 - to_us - to_other).max(0.01);
            if other_is_china {
                [to_us, to_other, home]
            } else {
                [to_us, home, to_other]
            }
        };
        Coefficients {
            beta_compute: s.get(ParamId::BetaCompute),
            beta_china_funding: s.get(ParamId::BetaChinaFunding),
            beta_us_funding: s.get(ParamId::BetaUsFunding),
            beta_pay: s.get(ParamId::BetaPay),
            beta_ecosystem: s.get(ParamId::BetaEcosystem),
            beta_scrutiny: s.get(ParamId::BetaScrutiny),
            beta_visa: s.get(ParamId::BetaVisa),
            beta_pathway: s.get(ParamId::BetaPathway),
            pathway_hazard: s.get(ParamId::PathwayHazard),
            hazard_sensitivity: s.get(ParamId::HazardSensitivity),
            frontier_weight_academia,
            frontier_weight_grad: s.get(ParamId::FrontierWeightGrad),
            frontier_weight_work,
            nest,
            perception_per_step: 1.0 - (-DT_YEARS / s.get(ParamId::PerceptionDelay)).exp(),
            pipeline_growth,
            graduation_per_step: GRAD_STAGES as f64 * DT_YEARS / s.get(ParamId::GradSchoolYears),
            grad_choice: Nest::from_reference_shares([us, cn, el], nest),
            stay_choice: Nest::from_reference_shares([stay, leave_china, leave_elsewhere], nest),
            china_grad_choice: Nest::from_reference_shares(
                destinations(
                    s.get(ParamId::ChinaGradsToUs),
                    s.get(ParamId::ChinaGradsToElsewhere),
                    false,
                ),
                nest,
            ),
            elsewhere_grad_choice: Nest::from_reference_shares(
                destinations(
                    s.get(ParamId::ElsewhereGradsToUs),
                    s.get(ParamId::ElsewhereGradsToChina),
                    true,
                ),
                nest,
            ),
            reconsider_per_step: [
                s.get(ParamId::ReconsiderChina) * DT_YEARS,
                s.get(ParamId::ReconsiderElsewhere) * DT_YEARS,
            ],
            leave_elsewhere_odds: (1.0 - to_china) / to_china,
            entry_share,
            leaving_per_step: multipliers.map(|m| {
                let early = return_hazard * m * DT_YEARS;
                [early, early * settled_ratio]
            }),
            wait_share: [1.0, s.get(ParamId::AcademiaWaitShare), 1.0],
            attrition_per_step: DT_YEARS / s.get(ParamId::CareerLength),
            reference: Drivers::in_year(&Scenario::baseline(), REFERENCE_YEAR),
        }
    }

    /// The pulls relative to 2015 (logit units) under drivers `d`.
    fn pulls(&self, d: &Drivers) -> Pulls {
        let r = &self.reference;
        Pulls {
            us_general: self.beta_us_funding * (d.us_funding / r.us_funding).ln()
                - self.beta_scrutiny * (d.scrutiny_pct - r.scrutiny_pct) / 10.0,
            frontier: self.beta_compute * (d.compute_ratio / r.compute_ratio).ln()
                + self.beta_pay * (pay_difference(d.pay_gap) - pay_difference(r.pay_gap))
                    / pay_difference(r.pay_gap),
            visa: self.beta_visa * (d.visa_blocked_pct - r.visa_blocked_pct) / 10.0,
            pathway: self.beta_pathway * (d.settle_wait - r.settle_wait),
            china: self.beta_china_funding * (d.china_funding / r.china_funding).ln()
                + self.beta_ecosystem
                    * d.ecosystem_loop
                    * (d.china_ecosystem / r.china_ecosystem).ln(),
            elsewhere: (d.third_country_openness / r.third_country_openness).ln(),
        }
    }

    /// The pipeline's entrants in the first step of `year` (people), and
    /// their growth factor from one step of the year to the next (steady
    /// within the year, to the next year's level).
    fn entrants_in_first_step(&self, year: i32) -> (f64, f64) {
        let [before, after] = self.pipeline_growth;
        let level = crate::history::pipeline_level(year, before, after);
        let next = crate::history::pipeline_level(year + 1, before, after);
        (
            PIPELINE_2019_PER_YEAR * level * DT_YEARS,
            ((next / level).ln() * DT_YEARS).exp(),
        )
    }

    /// What stays the same through a year: each sector's settling per
    /// step and the pathway's factor on its temporary residents' hazard.
    fn year_constants(&self, d: &Drivers) -> YearConstants {
        let r = &self.reference;
        let mut settling = [0.0; 3];
        let mut pathway_factor = [0.0; 3];
        for i in 0..3 {
            let wait = d.settle_wait * self.wait_share[i];
            settling[i] = DT_YEARS / wait;
            pathway_factor[i] =
                (self.pathway_hazard * (wait - r.settle_wait * self.wait_share[i])).exp();
        }
        YearConstants {
            block: d.entry_block(),
            covid_elsewhere: d.covid_block,
            settling,
            pathway_factor,
        }
    }
}

/// The pay term of the frontier pull: the US researcher's pay less the
/// Chinese one's, in units of the US pay, `1 − 1/gap`. Utility linear in
/// the difference of pay levels, as income-maximisation models of
/// migration find (E03), rather than in its logarithm.
fn pay_difference(gap: f64) -> f64 {
    1.0 - 1.0 / gap
}

/// The drivers' consequences that hold for a whole year.
#[derive(Clone, Copy, Debug)]
struct YearConstants {
    /// Share of would-be entrants to the US refused at entry.
    block: f64,
    /// Share of new graduate students bound for a third country kept out
    /// by the pandemic (history only): they stay in China.
    covid_elsewhere: f64,
    /// Each sector's temporary residents who settle in one step.
    settling: [f64; 3],
    /// Each sector's factor on its temporary residents' return hazard.
    pathway_factor: [f64; 3],
}

/// The nest's similarity `λ` (0 < λ ≤ 1) and the powers of it a choice
/// needs. At λ = 1/2 (the default) the nest's weight is a square root,
/// much cheaper; any other λ (as the uncertainty draws give)
/// uses `exp(λ · ln x)`.
#[derive(Clone, Copy, Debug)]
enum NestPower {
    Half,
    Other(f64),
}

impl NestPower {
    fn new(lambda: f64) -> NestPower {
        if lambda == 0.5 {
            NestPower::Half
        } else {
            NestPower::Other(lambda)
        }
    }
    /// `1/λ`, by which a utility is scaled inside the nest.
    fn inverse(self) -> f64 {
        match self {
            NestPower::Half => 2.0,
            NestPower::Other(l) => 1.0 / l,
        }
    }
    /// `x^(1/λ)`, for the constants (once per run). As `exp(ln x / λ)`:
    /// the browser build then needs no `pow` (2 KB of wasm).
    fn up(self, x: f64) -> f64 {
        match self {
            NestPower::Half => x * x,
            NestPower::Other(l) => (x.ln() / l).exp(),
        }
    }
    /// `x^λ`: the nest's weight from the sum of its options' weights.
    fn down(self, x: f64) -> f64 {
        match self {
            NestPower::Half => x.sqrt(),
            NestPower::Other(l) => (l * x.ln()).exp(),
        }
    }
}

/// A nested logit choice: stay home in China, or go abroad; abroad, the
/// US or a third country. Utilities `a_us + US pull`, `China pull` and
/// `a_elsewhere + elsewhere pull`; the options abroad share a nest of
/// similarity `λ` (1: a plain three-way logit). The constants are kept as
/// the weights they give, so that a choice costs no `exp`.
#[derive(Clone, Copy, Debug)]
struct Nest {
    /// `exp(a_us / λ)`.
    us_weight: f64,
    /// `exp(a_elsewhere / λ)`.
    elsewhere_weight: f64,
    /// `exp(a_elsewhere)`: a third country's weight against China for
    /// someone the US turns away.
    elsewhere_alone: f64,
}

impl Nest {
    /// From the 2015 shares (US, China, elsewhere): with every pull at zero
    /// the choice reproduces them.
    fn from_reference_shares(shares: [f64; 3], nest: NestPower) -> Nest {
        let [us, china, elsewhere] = shares;
        let abroad = us + elsewhere;
        // (abroad / china)^(1/λ) is the nest's summed weight at 2015.
        let total = nest.up(abroad / china);
        Nest {
            us_weight: total * us / abroad,
            elsewhere_weight: total * elsewhere / abroad,
            elsewhere_alone: nest.down(total * elsewhere / abroad),
        }
    }

    /// The fractions of the choosers that go to the US, China and
    /// elsewhere in one step, given the options' pulls as weights (`us` =
    /// `exp(US pull)^(1/λ)`, `china` = `exp(China pull)`, `elsewhere` =
    /// `exp(elsewhere pull)` and its `1/λ` power), the share of those
    /// choosing the US who are refused, and the fraction of the stock that
    /// chooses in a step. The refused choose again without the US: a third
    /// country with the probability the nest then gives it, less those who
    /// would have chosen it anyway.
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn per_step(
        self,
        nest: NestPower,
        [us, china, elsewhere, elsewhere_up]: [f64; 4],
        blocked: f64,
        choosing_per_step: f64,
    ) -> [f64; 3] {
        let w_us = self.us_weight * us;
        let w_elsewhere = self.elsewhere_weight * elsewhere_up;
        let inside = w_us + w_elsewhere;
        let abroad = nest.down(inside);
        // Without the US: a third country's weight against China.
        let alone = self.elsewhere_alone * elsewhere;
        let without = alone + china;
        // One division for every share (divisions are slow): each share's
        // numerator over (abroad + China) · inside · without.
        let per = choosing_per_step / (((abroad + china) * inside) * without);
        let abroad_share = (abroad * without) * per;
        let to_us = w_us * abroad_share;
        let to_elsewhere = w_elsewhere * abroad_share;
        let to_china = (china * inside) * (without * per);
        // Those the US refuses choose again without it: a third country
        // with the share it then has, less those who chose it anyway.
        let without_us = (alone * ((abroad + china) * inside)) * per;
        let refused = to_us * blocked;
        let diverted = (without_us - to_elsewhere).clamp(0.0, to_us) * blocked;
        [
            to_us - refused,
            to_china + (refused - diverted),
            to_elsewhere + diverted,
        ]
    }
}

/// A hazard multiplier, capped at [`MAX_HAZARD_MULTIPLIER`].
fn bounded(multiplier: f64) -> f64 {
    multiplier.min(MAX_HAZARD_MULTIPLIER)
}

/// Fraction of the pipeline that starts graduate school in one step.
const PIPELINE_PER_STEP: f64 = DT_YEARS / PIPELINE_DELAY_YEARS;

/// One step's flows, each as the fraction of its source's stock at the
/// start of the step that it moves (rate per year × dt).
struct Fractions {
    /// Pipeline to graduate school in the US, China, elsewhere.
    pipeline: [f64; 3],
    /// From graduate school in the US, China, elsewhere (rows) to US work
    /// (split among the sectors by entry share), work in China, work
    /// elsewhere (columns).
    graduation: [[f64; 3]; 3],
    /// Each US sector's temporary residents who leave for China or
    /// elsewhere.
    leaving_early: [f64; 3],
    /// The same for its settled researchers.
    leaving_established: [f64; 3],
    /// Each sector's temporary residents who settle.
    settling: [f64; 3],
    /// Share of the US leavers who go to China; the rest go elsewhere.
    to_china: f64,
    /// Work in China to US work and to work elsewhere.
    china: [f64; 2],
    /// Work elsewhere to US work and to work in China.
    elsewhere: [f64; 2],
    /// Every working stock to the left-the-top-tier stock.
    attrition: f64,
    /// Each US sector's share of new US researchers.
    entry_share: [f64; 3],
    /// The fraction of each stock that stays in it ([`Fractions::staying`]).
    keep: [f64; STOCK_COUNT],
}

/// `exp` of the perceived pulls a step needs.
struct StepWeights {
    /// The US's weight in the graduate-school choice, and at work (at
    /// graduation and for moves into the US), each to the power `1/λ`.
    us_grad_up: f64,
    us_work_up: f64,
    /// China's weight.
    china: f64,
    /// A third country's weight, and its power `1/λ`.
    elsewhere: f64,
    elsewhere_up: f64,
    /// The hazard index of frontier-lab and startup researchers, and of
    /// academics: `exp(κ · (China pull − the sector's US pull))`.
    hazard_frontier: f64,
    hazard_academia: f64,
}

impl StepWeights {
    fn new(k: &Coefficients, p: &Pulls, cache: &mut ExpCache) -> StepWeights {
        let us_grad = p.us_general + k.frontier_weight_grad * p.frontier - p.visa;
        let us_work = p.us_general + k.frontier_weight_work * p.frontier - p.pathway;
        let kappa = k.hazard_sensitivity;
        if cache.elsewhere.0.to_bits() != p.elsewhere.to_bits() {
            let elsewhere = p.elsewhere.exp();
            let up = (p.elsewhere * k.nest.inverse()).exp();
            cache.elsewhere = (p.elsewhere, elsewhere, up);
        }
        if cache.frontier.0.to_bits() != p.frontier.to_bits() {
            let factor = (kappa * (1.0 - k.frontier_weight_academia) * p.frontier).exp();
            cache.frontier = (p.frontier, factor);
        }
        let hazard_frontier = (kappa * (p.china - p.us_general - p.frontier)).exp();
        StepWeights {
            us_grad_up: (us_grad * k.nest.inverse()).exp(),
            us_work_up: (us_work * k.nest.inverse()).exp(),
            china: p.china.exp(),
            elsewhere: cache.elsewhere.1,
            elsewhere_up: cache.elsewhere.2,
            hazard_frontier,
            // Academics weigh the frontier pull less: their index is the
            // frontier labs' times exp(κ (1 − w_academia) frontier pull).
            hazard_academia: hazard_frontier * cache.frontier.1,
        }
    }
}

/// The `exp` of the pulls that move least often (third countries' pull,
/// and the frontier pull's part of the academics' hazard index), kept with
/// the value they were computed for: recomputed only when it changes, so
/// that history before it does costs no `exp`.
struct ExpCache {
    /// Elsewhere pull, its `exp` and that to the power `1/λ`.
    elsewhere: (f64, f64, f64),
    /// Frontier pull and the academics' factor.
    frontier: (f64, f64),
}

impl ExpCache {
    fn new() -> ExpCache {
        ExpCache {
            elsewhere: (f64::NAN, 1.0, 1.0),
            frontier: (f64::NAN, 1.0),
        }
    }
}

impl Fractions {
    /// Works out the step's fractions, given the year's constants and the weights of
    /// the perceived pulls.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn set(&mut self, k: &Coefficients, y: &YearConstants, w: &StepWeights) {
        let nest = k.nest;
        let grad = [w.us_grad_up, w.china, w.elsewhere, w.elsewhere_up];
        let work = [w.us_work_up, w.china, w.elsewhere, w.elsewhere_up];
        let block = y.block;
        let per_step = k.graduation_per_step;
        let hazard = [w.hazard_frontier, w.hazard_academia, w.hazard_frontier];
        let mut leaving_early = [0.0; 3];
        let mut leaving_established = [0.0; 3];
        for i in 0..3 {
            leaving_early[i] = k.leaving_per_step[i][0] * bounded(hazard[i] * y.pathway_factor[i]);
            leaving_established[i] = k.leaving_per_step[i][1] * bounded(hazard[i]);
        }
        // Researchers in China and elsewhere who weigh a move choose as
        // that place's graduates do: the same choice, scaled to how many
        // weigh a move in a step (a choice's fractions are proportional to
        // it).
        let china_grads = k.china_grad_choice.per_step(nest, work, block, per_step);
        let elsewhere_grads = k
            .elsewhere_grad_choice
            .per_step(nest, work, block, per_step);
        let [reconsider_china, reconsider_elsewhere] = k.reconsider_per_step.map(|r| r / per_step);
        // The pandemic closed borders abroad, not only the US's: new
        // students bound for a third country are kept out as those bound
        // for the US are, and stay in China.
        let [to_us, to_china, to_elsewhere] =
            k.grad_choice.per_step(nest, grad, block, PIPELINE_PER_STEP);
        let kept_home = to_elsewhere * y.covid_elsewhere;
        *self = Fractions {
            pipeline: [to_us, to_china + kept_home, to_elsewhere - kept_home],
            graduation: [
                k.stay_choice.per_step(nest, work, 0.0, per_step),
                k.china_grad_choice.per_step(nest, work, block, per_step),
                k.elsewhere_grad_choice
                    .per_step(nest, work, block, per_step),
            ],
            leaving_early,
            leaving_established,
            settling: y.settling,
            to_china: w.china / (w.china + k.leave_elsewhere_odds * w.elsewhere),
            china: [
                china_grads[0] * reconsider_china,
                china_grads[2] * reconsider_china,
            ],
            elsewhere: [
                elsewhere_grads[0] * reconsider_elsewhere,
                elsewhere_grads[1] * reconsider_elsewhere,
            ],
            attrition: k.attrition_per_step,
            entry_share: k.entry_share,
            keep: [1.0; STOCK_COUNT],
        };
        self.keep = self.staying(k.graduation_per_step);
    }

    /// No flows at all (before the first step's are worked out).
    fn empty() -> Fractions {
        Fractions {
            pipeline: [0.0; 3],
            graduation: [[0.0; 3]; 3],
            leaving_early: [0.0; 3],
            leaving_established: [0.0; 3],
            settling: [0.0; 3],
            to_china: 0.0,
            china: [0.0; 2],
            elsewhere: [0.0; 2],
            attrition: 0.0,
            entry_share: [0.0; 3],
            keep: [1.0; STOCK_COUNT],
        }
    }

    /// The fraction of each stock that stays in it during the step: one
    /// minus its outflows' fractions. The same for the population and the
    /// tracked cohorts.
    fn staying(&self, graduation_per_step: f64) -> [f64; STOCK_COUNT] {
        // Whatever they choose, the same fraction of the pipeline and of
        // each graduate school moves on in a step (a choice's three
        // fractions add up to it, up to rounding).
        let pipeline = 1.0 - PIPELINE_PER_STEP;
        let grad = 1.0 - graduation_per_step;
        // Working stocks: what attrition leaves, less the other outflows.
        let working = 1.0 - self.attrition;
        let [le, ls] = [self.leaving_early, self.leaving_established];
        let st = self.settling;
        let [china_to_us, china_to_elsewhere] = self.china;
        let [elsewhere_to_us, elsewhere_to_china] = self.elsewhere;
        [
            pipeline,
            grad,
            grad,
            grad,
            grad,
            grad,
            grad,
            grad,
            grad,
            grad,
            (working - st[0]) - le[0],
            working - ls[0],
            (working - st[1]) - le[1],
            working - ls[1],
            (working - st[2]) - le[2],
            working - ls[2],
            (working - china_to_elsewhere) - china_to_us,
            (working - elsewhere_to_china) - elsewhere_to_us,
            1.0,
        ]
    }

    /// One lane's stocks at the end of a step that starts from `x`, into
    /// `y` (before the pipeline's entrants); for the population, the
    /// step's flows are added to the yearly `buckets`.
    ///
    /// Each source keeps its staying fraction (one multiplication for all
    /// its outflows), and each destination gains its inflows. Inflows that
    /// are split the same way are summed before they are split: entries to
    /// US work (by sector entry share) and US researchers leaving (to China
    /// or elsewhere). The traced flows ([`Fractions::flows`]) are the same
    /// flows one by one, so a stock's change equals the sum of its traced
    /// flows up to rounding (the model checks hold it to that).
    ///
    /// Scalar code, one lane at a time (x86-64 has too few registers to
    /// hold both lanes of every stock), so a cohort's lane can be skipped
    /// while it is all zeros. Inlined natively; in the browser build a
    /// call, for size. The arithmetic is the same either way (no fused
    /// multiply-adds), so both builds give the same numbers.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn apply(
        &self,
        x: &[f64; STOCK_COUNT],
        y: &mut [f64; STOCK_COUNT],
        buckets: Option<&mut [f64; BUCKET_COUNT]>,
    ) {
        // In the order of the stocks (checked where `SECTORS` is defined);
        // the US sectors as industry, academia, startup (i, a, s), each
        // temporary then settled (e, s).
        let [pipeline, _, _, grad_us, _, _, grad_china, _, _, grad_elsewhere, ie, is, ae, as_, se, ss, china, elsewhere, left] =
            *x;
        let k = &self.keep;
        // Every stage of graduate school keeps the same fraction; the rest
        // move on.
        let on = 1.0 - k[1];
        let g = &self.graduation;
        let st = &self.settling;

        // Graduate-school choice.
        let to_grad = self.pipeline.map(|p| pipeline * p);
        y[0] = pipeline * k[0];
        // Each stage gains the one before's movers (the first, the
        // pipeline's choosers) and keeps what does not move on.
        for (place, entering) in to_grad.into_iter().enumerate() {
            let mut inflow = entering;
            for j in 0..GRAD_STAGES {
                let i = 1 + GRAD_STAGES * place + j;
                let v = x[i];
                y[i] = v * k[1] + inflow;
                inflow = v * on;
            }
        }

        // Graduation, and the moves of researchers in China and elsewhere.
        let [china_to_us, china_to_elsewhere] = self.china;
        let [elsewhere_to_us, elsewhere_to_china] = self.elsewhere;
        let us_grads_staying = grad_us * g[0][0];
        let other_into_us = (grad_china * g[1][0] + grad_elsewhere * g[2][0])
            + (china * china_to_us + elsewhere * elsewhere_to_us);
        let into_us = us_grads_staying + other_into_us;

        // US researchers, sector by sector.
        let [le, ls] = [self.leaving_early, self.leaving_established];
        let [a, b, c] = self.entry_share;
        let leaving = ((0.0 + (ie * le[0] + is * ls[0])) + (ae * le[1] + as_ * ls[1]))
            + (se * le[2] + ss * ls[2]);
        let us_work = ((0.0 + (ie + is)) + (ae + as_)) + (se + ss);
        let us_to_china = leaving * self.to_china;
        let us_to_elsewhere = leaving * (1.0 - self.to_china);

        // Researchers in China and elsewhere, and those who leave the tier.
        let us_grads_to_china = grad_us * g[0][1];
        let us_grads_to_elsewhere = grad_us * g[0][2];
        let rest = [
            ie * k[10] + into_us * a,
            is * k[11] + ie * st[0],
            ae * k[12] + into_us * b,
            as_ * k[13] + ae * st[1],
            se * k[14] + into_us * c,
            ss * k[15] + se * st[2],
            (china * k[16] + (us_grads_to_china + grad_china * g[1][1] + grad_elsewhere * g[2][1]))
                + (us_to_china + elsewhere * elsewhere_to_china),
            (elsewhere * k[17]
                + (us_grads_to_elsewhere + grad_china * g[1][2] + grad_elsewhere * g[2][2]))
                + (us_to_elsewhere + china * china_to_elsewhere),
            left + (us_work + china + elsewhere) * self.attrition,
        ];
        y[1 + 3 * GRAD_STAGES..].copy_from_slice(&rest);

        if let Some(b) = buckets {
            b[Bucket::ToGradUs as usize] += to_grad[0];
            b[Bucket::ToGradChina as usize] += to_grad[1];
            b[Bucket::ToGradElsewhere as usize] += to_grad[2];
            b[Bucket::GradUsStays as usize] += us_grads_staying;
            b[Bucket::GradUsToChina as usize] += us_grads_to_china;
            b[Bucket::GradUsToElsewhere as usize] += us_grads_to_elsewhere;
            b[Bucket::OtherIntoUsWork as usize] += other_into_us;
            b[Bucket::UsWorkToChina as usize] += us_to_china;
            b[Bucket::UsWorkToElsewhere as usize] += us_to_elsewhere;
        }
    }

    /// Adds to a graduating cohort's lane `y` the US graduates of a step
    /// that starts from the population `x`: those who stay (by sector
    /// entry share), and those who leave for China or elsewhere.
    fn add_graduates(&self, x: &[f64; STOCK_COUNT], y: &mut [f64; STOCK_COUNT]) {
        let grad_us = x[Stock::GradUs.index()];
        let [stay, china, elsewhere] = self.graduation[0];
        let staying = grad_us * stay;
        for (s, share) in SECTORS.iter().zip(self.entry_share) {
            y[s.early.index()] += staying * share;
        }
        y[Stock::WorkChina.index()] += grad_us * china;
        y[Stock::WorkElsewhere.index()] += grad_us * elsewhere;
    }

    /// Every flow of a step that starts from `x`, one by one, in people of
    /// the population (for traces).
    fn flows(&self, x: &[f64; STOCK_COUNT], flows: &mut Vec<Flow>) {
        use Stock::*;
        let mut add = |from: Stock, to: Stock, fraction: f64| {
            flows.push(Flow {
                from,
                to,
                people: fraction * x[from.index()],
            })
        };
        let grads = [GradUs, GradChina, GradElsewhere];
        let on = 1.0 - self.keep[GradUs.index()];
        for (stages, p) in Stock::GRAD.into_iter().zip(self.pipeline) {
            add(Pipeline, stages[0], p);
            for j in 1..GRAD_STAGES {
                add(stages[j - 1], stages[j], on);
            }
        }
        for (grad, [us, china, elsewhere]) in grads.into_iter().zip(self.graduation) {
            for (s, share) in SECTORS.into_iter().zip(self.entry_share) {
                add(grad, s.early, us * share);
            }
            add(grad, WorkChina, china);
            add(grad, WorkElsewhere, elsewhere);
        }
        for (i, s) in SECTORS.into_iter().enumerate() {
            add(s.early, s.established, self.settling[i]);
            for (stock, leaving) in [
                (s.early, self.leaving_early[i]),
                (s.established, self.leaving_established[i]),
            ] {
                add(stock, WorkChina, leaving * self.to_china);
                add(stock, WorkElsewhere, leaving * (1.0 - self.to_china));
                add(stock, LeftTopTier, self.attrition);
            }
        }
        for (s, share) in SECTORS.into_iter().zip(self.entry_share) {
            add(WorkChina, s.early, self.china[0] * share);
        }
        add(WorkChina, WorkElsewhere, self.china[1]);
        add(WorkChina, LeftTopTier, self.attrition);
        for (s, share) in SECTORS.into_iter().zip(self.entry_share) {
            add(WorkElsewhere, s.early, self.elsewhere[0] * share);
        }
        add(WorkElsewhere, WorkChina, self.elsewhere[1]);
        add(WorkElsewhere, LeftTopTier, self.attrition);
    }
}

/// The graduate students of every stage in the US (`place` 0), China (1)
/// or elsewhere (2).
fn in_grad_school(stocks: &[f64; STOCK_COUNT], place: usize) -> f64 {
    Stock::GRAD[place].iter().map(|g| stocks[g.index()]).sum()
}

/// The share of `stocks` in the US, of those placed (in the US, China or
/// elsewhere; not those who left the top tier).
fn share_in_us(stocks: &[f64; STOCK_COUNT]) -> f64 {
    use crate::stocks::Place;
    let (mut us, mut placed) = (0.0, 0.0);
    for s in Stock::ALL {
        match s.place() {
            Place::None => {}
            Place::Us => {
                us += stocks[s.index()];
                placed += stocks[s.index()];
            }
            _ => placed += stocks[s.index()],
        }
    }
    if placed > 0.0 {
        us / placed
    } else {
        f64::NAN
    }
}

/// Which yearly total a flow counts towards. Each flow is in at most one
/// bucket; the yearly outputs are sums of buckets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(usize)]
enum Bucket {
    ToGradUs,
    ToGradChina,
    ToGradElsewhere,
    GradUsStays,
    GradUsToChina,
    GradUsToElsewhere,
    OtherIntoUsWork,
    UsWorkToChina,
    UsWorkToElsewhere,
}

const BUCKET_COUNT: usize = 9;

/// What the model knows at one step, for tests and traces.
#[derive(Clone, Debug)]
pub struct StepTrace<'a> {
    /// Time at the start of the step, in years (2019.0 = January 1st 2019).
    pub time_years: f64,
    /// Stocks at the start of the step.
    pub before: &'a [f64; STOCK_COUNT],
    /// Stocks at the end of the step.
    pub after: &'a [f64; STOCK_COUNT],
    /// People entering the pipeline from outside during the step.
    pub pipeline_entrants: f64,
    /// Every flow between stocks during the step.
    pub flows: &'a [Flow],
}

/// The outputs, one row per series, one column per reported year.
type Outputs = [[f64; YEAR_COUNT]; SERIES_COUNT];
const YEAR_COUNT: usize = (LAST_YEAR - FIRST_YEAR + 1) as usize;

/// The first year in which the reader's levers can act: the earliest
/// policy start year. Every year before it runs on recorded history (and,
/// after [`LAST_HISTORY_YEAR`], on its last values), so the state at its
/// start depends only on the parameters that are not levers.
pub const PREFIX_END_YEAR: i32 = PARAMS[ParamId::PolicyStartYear as usize].min as i32;
const _: () = assert!(PREFIX_END_YEAR > LAST_HISTORY_YEAR && PREFIX_END_YEAR <= LAST_YEAR);

/// People by stock: the population, the tracked 2019 cohort and the
/// tracked graduating cohorts' lanes.
#[derive(Clone, Copy, Debug)]
struct People {
    population: [f64; STOCK_COUNT],
    cohort: [f64; STOCK_COUNT],
    phd: [[f64; STOCK_COUNT]; PHD_LANES],
}

/// Everything one step hands on to the next.
#[derive(Clone, Copy, Debug)]
struct Carried {
    /// People by stock, the population and the tracked cohorts (the 2019
    /// cohort as shares of it, zeros until it starts; the graduating
    /// cohorts in people).
    people: People,
    /// The pulls as people perceive them.
    perceived: Pulls,
}

/// The carried state before a year's first step, and the outputs so far.
#[derive(Clone, Debug)]
struct State {
    /// The year whose first step comes next.
    year: i32,
    carried: Carried,
    out: Outputs,
}

impl State {
    /// Empty stocks at the start of [`SPIN_UP_YEAR`].
    fn start(scenario: &Scenario, k: &Coefficients) -> State {
        let first_drivers = Drivers::in_year(scenario, SPIN_UP_YEAR);
        State {
            year: SPIN_UP_YEAR,
            carried: Carried {
                people: People {
                    population: [0.0; STOCK_COUNT],
                    cohort: [0.0; STOCK_COUNT],
                    phd: [[0.0; STOCK_COUNT]; PHD_LANES],
                },
                perceived: k.pulls(&first_drivers),
            },
            out: [[f64::NAN; YEAR_COUNT]; SERIES_COUNT],
        }
    }
}

/// Run one scenario. Infallible: every [`Scenario`] holds values inside
/// their ranges, and every rate is bounded (checked over the parameter
/// matrix by the model checks).
///
/// The years before [`PREFIX_END_YEAR`] do not depend on the levers, so
/// their state is remembered (per thread, for the set of the other
/// parameters last asked for twice in a row): a run that differs
/// from an earlier one only in its levers, as on every slider move,
/// starts there. The result is exactly [`simulate_uncached`]'s.
pub fn simulate(scenario: &Scenario) -> Run {
    let k = Coefficients::new(scenario);
    let mut state = prefix::state_at_prefix_end(scenario, || {
        let mut state = State::start(scenario, &k);
        advance::<false>(&mut state, scenario, &k, PREFIX_END_YEAR, &mut |_| {});
        state
    });
    advance::<false>(&mut state, scenario, &k, LAST_YEAR + 1, &mut |_| {});
    finish(scenario, state)
}

/// Run one scenario from the start of the burn-in, never using or filling
/// the remembered history: the full cost of a run, as the uncertainty
/// draws pay it (they vary the non-lever parameters).
pub fn simulate_uncached(scenario: &Scenario) -> Run {
    simulate_from(scenario, &mut None).0
}

/// A run's state at the start of [`PREFIX_END_YEAR`], without its
/// outputs, and the values of the non-lever parameters it was run with:
/// where a run that differs from it only in levers can start. About 700
/// bytes (stocks, the cohorts' lanes and the perceived pulls).
#[derive(Clone, Copy, Debug)]
pub struct Prefix {
    key: prefix::Key,
    carried: Carried,
}

/// Run one scenario on from `prefix` when it was left by a run with the
/// same non-lever values (as the uncertainty draws of a scenario whose
/// levers moved): 2027-2050 only, and the years before [`PREFIX_END_YEAR`]
/// blank (NaN) in the result, being exactly those of the run that left
/// it. Otherwise run from the burn-in and leave this run's state in
/// `prefix`. Returns the run and whether it started from `prefix`; every
/// year it reports is exactly [`simulate_uncached`]'s. Uses no remembered
/// history: the caller keeps its own.
pub fn simulate_from(scenario: &Scenario, prefix: &mut Option<Prefix>) -> (Run, bool) {
    let k = Coefficients::new(scenario);
    let key = prefix::key(scenario);
    let mut state = State::start(scenario, &k);
    let resumed = match prefix {
        Some(p) if p.key == key => {
            state.year = PREFIX_END_YEAR;
            state.carried = p.carried;
            true
        }
        _ => {
            advance::<false>(&mut state, scenario, &k, PREFIX_END_YEAR, &mut |_| {});
            *prefix = Some(Prefix {
                key,
                carried: state.carried,
            });
            false
        }
    };
    advance::<false>(&mut state, scenario, &k, LAST_YEAR + 1, &mut |_| {});
    (finish(scenario, state), resumed)
}

/// Run one scenario from the start of the burn-in, calling `trace` after
/// every step.
pub fn simulate_traced(scenario: &Scenario, mut trace: impl FnMut(&StepTrace<'_>)) -> Run {
    let k = Coefficients::new(scenario);
    let mut state = State::start(scenario, &k);
    advance::<true>(&mut state, scenario, &k, LAST_YEAR + 1, &mut trace);
    finish(scenario, state)
}

fn finish(scenario: &Scenario, state: State) -> Run {
    Run::new(
        Years::new(FIRST_YEAR, LAST_YEAR),
        state.out,
        scenario.policy_start_year(),
    )
}

/// Runs `state` on, year by year, up to the start of `until_year`; with
/// `TRACE` false the per-step trace is never built. Never inlined: one
/// copy serves every entry point (it is most of the model's code).
#[inline(never)]
fn advance<const TRACE: bool>(
    state: &mut State,
    scenario: &Scenario,
    k: &Coefficients,
    until_year: i32,
    trace: &mut dyn FnMut(&StepTrace<'_>),
) {
    advance_with(state, scenario, k, until_year, TRACE.then_some(trace));
}

/// The tracked graduating cohorts followed during `year` (from the year
/// they graduate to [`PHD_FOLLOW_YEARS`] on), as indices into
/// [`PHD_COHORT_YEARS`].
fn phd_cohorts_in(year: i32) -> impl Iterator<Item = usize> {
    (0..PHD_COHORT_YEARS.len()).filter(move |&i| {
        year >= PHD_COHORT_YEARS[i] && year <= PHD_COHORT_YEARS[i] + PHD_FOLLOW_YEARS[i]
    })
}

/// [`advance`], tracing when `trace` is given. Natively inlined into each
/// [`advance`], where `trace` is a constant (the untraced run carries no
/// trace code); in the browser build one copy serves both, for size.
#[cfg_attr(not(target_arch = "wasm32"), inline(always))]
#[cfg_attr(target_arch = "wasm32", inline(never))]
fn advance_with(
    state: &mut State,
    scenario: &Scenario,
    k: &Coefficients,
    until_year: i32,
    mut trace: Option<&mut dyn FnMut(&StepTrace<'_>)>,
) {
    let mut flows: Vec<Flow> = Vec::new();
    let mut targets: Option<(Drivers, Pulls, YearConstants)> = None;
    // The pulls the step's fractions were last worked out for.
    let mut built: Option<Pulls> = None;
    let mut fractions = Fractions::empty();
    let mut cache = ExpCache::new();
    // The stocks at the start of the step and at its end: two buffers that
    // trade places after each step, so that no step copies the stocks (a
    // copy right after they are written waits for the writes to land).
    let Carried {
        people: start,
        mut perceived,
    } = state.carried;
    let (mut first, mut second) = (start, start);
    let (mut people, mut next) = (&mut first, &mut second);
    while state.year < until_year {
        let year = state.year;
        let d = Drivers::in_year(scenario, year);
        // The pulls change only when the drivers do (not before the history
        // starts, nor after the policy start year).
        let (target, year_constants) = match targets {
            Some((cached, target, constants)) if cached == d => (target, constants),
            _ => {
                let (target, constants) = (k.pulls(&d), k.year_constants(&d));
                targets = Some((d, target, constants));
                built = None;
                (target, constants)
            }
        };
        let mut acc = YearAccumulator::default();
        // The cohort's lane is all zeros until the end of its year.
        let cohort_started = year > COHORT_YEAR;
        // The graduating cohorts followed this year: (index, lane).
        let mut phd: [Option<(usize, usize)>; PHD_LANES] = [None; PHD_LANES];
        for (slot, i) in phd.iter_mut().zip(phd_cohorts_in(year)) {
            *slot = Some((i, PHD_LANE[i]));
        }
        // Exogenous pipeline entrants: growth is steady within a year, so
        // one exponential per year and a factor per step.
        let (mut entrants, growth_per_step) = k.entrants_in_first_step(year);

        for month in 0..STEPS_PER_YEAR {
            let t = year as f64 + month as f64 * DT_YEARS;
            perceived.approach(&target, k.perception_per_step);
            // The step's fractions depend only on the perceived pulls and
            // the year's drivers (a change of drivers clears them). They are
            // worked out at the start of each quarter and hold through it,
            // and while neither moves (the burn-in) they serve on.
            if month % STEPS_PER_RATE_UPDATE == 0 && built != Some(perceived) {
                let weights = StepWeights::new(k, &perceived, &mut cache);
                fractions.set(k, &year_constants, &weights);
                built = Some(perceived);
            }
            let before = &people.population;
            let us_work = SECTORS
                .map(|s| before[s.early.index()] + before[s.established.index()])
                .iter()
                .sum::<f64>();
            acc.us_work_stock_sum += us_work;
            acc.steps += 1.0;
            fractions.apply(before, &mut next.population, Some(&mut acc.buckets));
            if cohort_started {
                fractions.apply(&people.cohort, &mut next.cohort, None);
            }
            for &(i, lane) in phd.iter().flatten() {
                fractions.apply(&people.phd[lane], &mut next.phd[lane], None);
                if year == PHD_COHORT_YEARS[i] {
                    fractions.add_graduates(before, &mut next.phd[lane]);
                }
            }
            next.population[Stock::Pipeline.index()] += entrants;
            acc.pipeline_entrants += entrants;
            if let Some(trace) = &mut trace {
                flows.clear();
                fractions.flows(before, &mut flows);
                trace(&StepTrace {
                    time_years: t,
                    before,
                    after: &next.population,
                    pipeline_entrants: entrants,
                    flows: &flows,
                });
            }
            std::mem::swap(&mut people, &mut next);
            entrants *= growth_per_step;
        }

        // End of `year`: start the cohort, record the year.
        let stocks = people.population;
        if year == COHORT_YEAR {
            let total: f64 = stocks
                .iter()
                .zip(Stock::ALL)
                .filter(|(_, s)| s.place() == crate::stocks::Place::Us)
                .map(|(v, _)| v)
                .sum();
            for s in Stock::ALL {
                people.cohort[s.index()] = if s.place() == crate::stocks::Place::Us && total > 0.0 {
                    stocks[s.index()] / total
                } else {
                    0.0
                };
            }
        }
        if year >= FIRST_YEAR {
            let i = (year - FIRST_YEAR) as usize;
            acc.record(
                &mut state.out,
                i,
                &stocks,
                (year >= COHORT_YEAR).then_some(&people.cohort),
            );
        }
        // The graduating cohorts five and ten years on; a lane is emptied
        // once its cohort has been followed for its years.
        for &(i, lane) in phd.iter().flatten() {
            let after = year - PHD_COHORT_YEARS[i];
            let series = match after {
                5 => Some(SeriesId::PhdStay5y),
                10 => Some(SeriesId::PhdStay10y),
                _ => None,
            };
            if let (Some(id), true) = (series, year >= FIRST_YEAR) {
                state.out[id.index()][(year - FIRST_YEAR) as usize] =
                    share_in_us(&people.phd[lane]);
            }
            if after == PHD_FOLLOW_YEARS[i] {
                people.phd[lane] = [0.0; STOCK_COUNT];
                next.phd[lane] = [0.0; STOCK_COUNT];
            }
        }
        state.year += 1;
    }
    state.carried = Carried {
        people: *people,
        perceived,
    };
}

/// The remembered state at the start of [`PREFIX_END_YEAR`], by the values
/// of the parameters that are not levers.
mod prefix {
    use super::State;
    use crate::params::{Kind, PARAMS, PARAM_COUNT};
    use crate::scenario::Scenario;
    use std::cell::RefCell;

    /// The values of the parameters that are not levers, as bits.
    pub(super) type Key = [u64; PARAM_COUNT];

    /// One remembered state per thread, and the key of the last miss: a
    /// set of parameters is remembered when it is asked for twice in a
    /// row (the app's run and the central run of its bands, or two slider
    /// moves), so that a stream of one-off runs (uncertainty draws, each
    /// with its own assumptions) never pushes out the reader's.
    struct Memo {
        slot: Option<(Key, State)>,
        last_miss: Key,
    }

    thread_local! {
        static MEMO: RefCell<Memo> = const {
            RefCell::new(Memo {
                slot: None,
                last_miss: [0; PARAM_COUNT],
            })
        };
    }

    pub(super) fn key(scenario: &Scenario) -> Key {
        let mut key = [0; PARAM_COUNT];
        for (k, p) in key.iter_mut().zip(PARAMS.iter()) {
            if p.kind != Kind::Lever {
                *k = scenario.get(p.id).to_bits();
            }
        }
        key
    }

    /// The state at the start of the prefix end year: remembered, or
    /// computed by `compute` (and remembered if asked for just before).
    pub(super) fn state_at_prefix_end(
        scenario: &Scenario,
        compute: impl FnOnce() -> State,
    ) -> State {
        let key = key(scenario);
        let found = MEMO.with(|memo| match &memo.borrow().slot {
            Some((k, state)) if *k == key => Some(state.clone()),
            _ => None,
        });
        if let Some(state) = found {
            return state;
        }
        let state = compute();
        MEMO.with(|memo| {
            let mut memo = memo.borrow_mut();
            if memo.last_miss == key {
                memo.slot = Some((key, state.clone()));
            } else {
                memo.last_miss = key;
            }
        });
        state
    }
}

/// Sums of one year's flows, for the yearly outputs.
#[derive(Default)]
struct YearAccumulator {
    pipeline_entrants: f64,
    buckets: [f64; BUCKET_COUNT],
    us_work_stock_sum: f64,
    steps: f64,
}

impl YearAccumulator {
    fn total(&self, bucket: Bucket) -> f64 {
        self.buckets[bucket as usize]
    }

    fn record(
        &self,
        out: &mut [[f64; (LAST_YEAR - FIRST_YEAR + 1) as usize]; SERIES_COUNT],
        i: usize,
        s: &[f64; STOCK_COUNT],
        cohort: Option<&[f64; STOCK_COUNT]>,
    ) {
        let to_grad_us = self.total(Bucket::ToGradUs);
        let to_grad_china = self.total(Bucket::ToGradChina);
        let to_grad_elsewhere = self.total(Bucket::ToGradElsewhere);
        let us_grads_staying = self.total(Bucket::GradUsStays);
        let us_grads_graduating = us_grads_staying
            + self.total(Bucket::GradUsToChina)
            + self.total(Bucket::GradUsToElsewhere);
        let into_us_work = us_grads_staying + self.total(Bucket::OtherIntoUsWork);
        let us_work_to_china = self.total(Bucket::UsWorkToChina);
        let us_work_to_elsewhere = self.total(Bucket::UsWorkToElsewhere);
        let us_work_to_china_incl_graduates = us_work_to_china + self.total(Bucket::GradUsToChina);
        use crate::stocks::Place;
        let at = |p: Place| -> f64 {
            Stock::ALL
                .iter()
                .filter(|x| x.place() == p)
                .map(|x| s[x.index()])
                .sum()
        };
        let (us, cn, el) = (at(Place::Us), at(Place::China), at(Place::Elsewhere));
        let placed = us + cn + el;
        let us_work: f64 = Stock::US_WORK.iter().map(|x| s[x.index()]).sum();
        let mut set = |id: SeriesId, v: f64| out[id.index()][i] = v;
        if let Some(c) = cohort {
            let at_c = |p: Place| -> f64 {
                Stock::ALL
                    .iter()
                    .filter(|x| x.place() == p)
                    .map(|x| c[x.index()])
                    .sum()
            };
            let (cu, cc, ce) = (at_c(Place::Us), at_c(Place::China), at_c(Place::Elsewhere));
            let total = cu + cc + ce;
            set(SeriesId::Cohort2019InUs, cu / total);
            set(SeriesId::Cohort2019InChina, cc / total);
            set(SeriesId::Cohort2019Elsewhere, ce / total);
        }
        set(SeriesId::InflowUsGrad, to_grad_us);
        set(SeriesId::InflowUsWork, into_us_work);
        set(SeriesId::StockUsGrad, in_grad_school(s, 0));
        set(SeriesId::StockUsWork, us_work);
        set(SeriesId::StockChinaWork, s[Stock::WorkChina.index()]);
        set(SeriesId::ShareWorkUs, us / placed);
        set(SeriesId::ShareWorkChina, cn / placed);
        set(SeriesId::ShareWorkElsewhere, el / placed);
        let mean_us_work = self.us_work_stock_sum / self.steps;
        let leavers = us_work_to_china + us_work_to_elsewhere;
        // The share of US researchers who leave for China or elsewhere in a
        // year: the probability of leaving within a year at the year's mean
        // hazard (leavers per person-year). Close to the hazard itself when
        // it is small, and never above 1 when it is large.
        set(
            SeriesId::ExitRateUs,
            if mean_us_work > 0.0 {
                1.0 - (-leavers / mean_us_work).exp()
            } else {
                0.0
            },
        );
        set(
            SeriesId::ExitToChinaShare,
            if leavers > 0.0 {
                us_work_to_china / leavers
            } else {
                0.0
            },
        );
        set(SeriesId::PipelineEntrants, self.pipeline_entrants);
        let chosen = to_grad_us + to_grad_china + to_grad_elsewhere;
        set(
            SeriesId::GradChoiceUs,
            if chosen > 0.0 {
                to_grad_us / chosen
            } else {
                0.0
            },
        );
        set(SeriesId::InflowChinaGrad, to_grad_china);
        set(
            SeriesId::StayAtGraduation,
            if us_grads_graduating > 0.0 {
                us_grads_staying / us_grads_graduating
            } else {
                0.0
            },
        );
        set(SeriesId::ReturnsToChina, us_work_to_china_incl_graduates);
        set(SeriesId::StockChinaGrad, in_grad_school(s, 1));
        set(
            SeriesId::StockElsewhereWork,
            s[Stock::WorkElsewhere.index()] + in_grad_school(s, 2),
        );
        set(
            SeriesId::StockUsIndustry,
            s[Stock::UsIndustryEarly.index()] + s[Stock::UsIndustryEstablished.index()],
        );
        set(
            SeriesId::StockUsAcademia,
            s[Stock::UsAcademiaEarly.index()] + s[Stock::UsAcademiaEstablished.index()],
        );
        set(
            SeriesId::StockUsStartup,
            s[Stock::UsStartupEarly.index()] + s[Stock::UsStartupEstablished.index()],
        );
        set(SeriesId::TopTierTotal, placed);
        set(
            SeriesId::DeparturesUs,
            leavers + self.total(Bucket::GradUsToChina) + self.total(Bucket::GradUsToElsewhere),
        );
        set(
            SeriesId::StockUsSettled,
            SECTORS.iter().map(|x| s[x.established.index()]).sum(),
        );
        set(SeriesId::InflowElsewhereGrad, to_grad_elsewhere);
    }
}
