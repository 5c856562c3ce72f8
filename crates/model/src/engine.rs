//! The simulation: drivers, choices and hazards, integrated monthly.
//!
//! Method: forward Euler with a step of one month. At each step every flow
//! moves `rate_per_year * dt` of its source's stock at the start of the
//! step to its destination: each stock keeps one minus its outflows'
//! fractions (one multiplication for all of them) and gains its inflows, so
//! people are conserved up to floating-point rounding. Rates are bounded so
//! that no stock can lose more than it holds in one step (see
//! [`MAX_HAZARD_MULTIPLIER`]).

use crate::history::{Driver, REFERENCE_YEAR};
use crate::params::{ParamId, LAST_HISTORY_YEAR, PARAMS};
use crate::run::{Run, SeriesId, Years, SERIES_COUNT};
use crate::scenario::Scenario;
use crate::stocks::{Flow, Stock, STOCK_COUNT};

/// Steps per year.
pub const STEPS_PER_YEAR: usize = 12;
/// Step length in years.
pub const DT_YEARS: f64 = 1.0 / STEPS_PER_YEAR as f64;
/// The simulation starts empty in this year (a burn-in: China's pipeline
/// was small then, so the stocks of 2010 come from the model itself).
pub const SPIN_UP_YEAR: i32 = 1995;
/// First reported year.
pub const FIRST_YEAR: i32 = 2010;
/// Last reported year.
pub const LAST_YEAR: i32 = 2050;
/// The tracked cohort: everyone in a US stock at the end of this year.
pub const COHORT_YEAR: i32 = 2019;

/// China-undergrad entrants to the top-tier pipeline in 2019, people per
/// year. Sets the scale only: every share and rate is independent of it.
/// Chosen so that about 1,300 China-undergrad researchers are in the top
/// tier in 2019 (29% of roughly 4,500 NeurIPS 2019 authors; M01, M18).
pub const PIPELINE_2019_PER_YEAR: f64 = 165.0;
/// Growth of the pipeline up to [`LAST_HISTORY_YEAR`], per year (China's
/// share of the top tier rose from 29% to 47% in 2019-2022, M01, M10).
pub const PIPELINE_GROWTH_HISTORY: f64 = 0.10;
/// Mean time from entering the pipeline to starting graduate school, years.
pub const PIPELINE_DELAY_YEARS: f64 = 0.5;
/// Mean length of graduate school (PhD), years.
pub const GRAD_SCHOOL_YEARS: f64 = 5.0;
/// Mean time from early career to established (tenure, seniority), years.
pub const YEARS_TO_ESTABLISHED: f64 = 6.0;

/// Sector of a US researcher: entry share and hazard multiplier. Entry
/// shares follow where the 2019 cohort works in 2025: 41 industry, 40
/// academia, 3 founders of 87 (C06, C07, C09), with startups taking a
/// larger share of new entrants. Hazard multipliers are assumptions:
/// professorships tie tighter (S17), startups looser.
pub const SECTORS: [SectorSpec; 3] = [
    SectorSpec {
        early: Stock::UsIndustryEarly,
        established: Stock::UsIndustryEstablished,
        entry_share: 0.50,
        hazard_multiplier: 1.0,
    },
    SectorSpec {
        early: Stock::UsAcademiaEarly,
        established: Stock::UsAcademiaEstablished,
        entry_share: 0.43,
        hazard_multiplier: 0.8,
    },
    SectorSpec {
        early: Stock::UsStartupEarly,
        established: Stock::UsStartupEstablished,
        entry_share: 0.07,
        hazard_multiplier: 1.2,
    },
];

// `Fractions::apply` reads the stocks in this order.
const _: () = {
    let mut i = 0;
    while i < SECTORS.len() {
        assert!(SECTORS[i].early as usize == 4 + 2 * i);
        assert!(SECTORS[i].established as usize == 5 + 2 * i);
        i += 1;
    }
    assert!(Stock::WorkChina as usize == 10 && Stock::LeftTopTier as usize == STOCK_COUNT - 1);
};

/// A sector's stocks and constants.
#[derive(Clone, Copy, Debug)]
pub struct SectorSpec {
    pub early: Stock,
    pub established: Stock,
    /// Share of new US researchers who enter this sector.
    pub entry_share: f64,
    /// Multiplier on the return hazard.
    pub hazard_multiplier: f64,
}

/// Where China's graduate students go at graduation under 2015 conditions
/// (US, China, elsewhere): most stay (M19: 35% of the tier did graduate
/// school in China, about a third of the tier works there, M05).
pub const CHINA_GRAD_DESTINATIONS: [f64; 3] = [0.05, 0.93, 0.02];
/// Where graduate students elsewhere go at graduation under 2015
/// conditions (US, China, elsewhere); an assumption.
pub const ELSEWHERE_GRAD_DESTINATIONS: [f64; 3] = [0.20, 0.10, 0.70];
/// Yearly hazard of a researcher in China moving to the US, 2015 conditions.
pub const CHINA_TO_US_HAZARD: f64 = 0.005;
/// Yearly hazard of a researcher in China moving elsewhere.
pub const CHINA_TO_ELSEWHERE_HAZARD: f64 = 0.003;
/// Yearly hazard of a researcher elsewhere moving to the US, 2015 conditions.
pub const ELSEWHERE_TO_US_HAZARD: f64 = 0.01;
/// Yearly hazard of a researcher elsewhere moving to China, 2015 conditions.
pub const ELSEWHERE_TO_CHINA_HAZARD: f64 = 0.005;
/// China's working stock relative to the US's at which the ecosystem loop
/// adds no pull (about the 2015 ratio in the baseline).
pub const ECOSYSTEM_REFERENCE_RATIO: f64 = 0.55;
/// The ecosystem loop reads China's-to-US ratio relative to the reference
/// only within this factor either way, so that the near-empty stocks of the
/// early burn-in cannot produce extreme pulls.
pub const ECOSYSTEM_RATIO_BOUND: f64 = 100.0;
/// Cap on any hazard's multiplier, so that a monthly step can never move
/// more people than a stock holds (largest hazard * dt stays below 1).
pub const MAX_HAZARD_MULTIPLIER: f64 = 20.0;

/// Driver values in force at one moment.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Drivers {
    visa_blocked_pct: f64,
    china_funding: f64,
    compute_ratio: f64,
    scrutiny_pct: f64,
    us_funding: f64,
    pay_gap: f64,
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
            china_funding: pick(Driver::ChinaAiFunding),
            compute_ratio: pick(Driver::ComputeRatio),
            scrutiny_pct: pick(Driver::ScrutinyClimate),
            us_funding: pick(Driver::UsResearchFunding),
            pay_gap: pick(Driver::PayGap),
            ecosystem_loop: if year >= start {
                scenario.get(ParamId::EcosystemLoop)
            } else {
                ParamId::EcosystemLoop.spec().default
            },
        }
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
    hazard_sensitivity: f64,
    /// Fraction of the gap between perceived and actual closed per step.
    perception_per_step: f64,
    /// Growth of the pipeline after [`LAST_HISTORY_YEAR`], per year.
    pipeline_growth: f64,
    /// The pipeline entrants' growth factor per step, up to the end of
    /// [`LAST_HISTORY_YEAR`] and after it.
    growth_per_step: [f64; 2],
    /// The graduate-school choice.
    grad_choice: Choice,
    /// US graduates' choice at graduation (stay, China, elsewhere).
    stay_choice: Choice,
    /// Odds of a leaver choosing China over elsewhere under 2015 conditions.
    return_china_odds: f64,
    /// Each US sector's return hazard per step before the hazard index,
    /// early career and established.
    leaving_per_step: [[f64; 2]; 3],
    /// Fraction of a working stock that leaves the top tier per step.
    attrition_per_step: f64,
    china_grad_choice: Choice,
    elsewhere_grad_choice: Choice,
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
        let pipeline_growth = s.get(ParamId::PipelineGrowth) / 100.0;
        let return_hazard = s.get(ParamId::ReturnHazard);
        let tenure_protection = s.get(ParamId::TenureProtection);
        Coefficients {
            beta_compute: s.get(ParamId::BetaCompute),
            beta_china_funding: s.get(ParamId::BetaChinaFunding),
            beta_us_funding: s.get(ParamId::BetaUsFunding),
            beta_pay: s.get(ParamId::BetaPay),
            beta_ecosystem: s.get(ParamId::BetaEcosystem),
            beta_scrutiny: s.get(ParamId::BetaScrutiny),
            beta_visa: s.get(ParamId::BetaVisa),
            hazard_sensitivity: s.get(ParamId::HazardSensitivity),
            perception_per_step: 1.0 - (-DT_YEARS / s.get(ParamId::PerceptionDelay)).exp(),
            pipeline_growth,
            growth_per_step: [
                (PIPELINE_GROWTH_HISTORY * DT_YEARS).exp(),
                (pipeline_growth * DT_YEARS).exp(),
            ],
            grad_choice: Choice::from_reference_shares([us, cn, el]),
            stay_choice: Choice::from_reference_shares([stay, leave_china, leave_elsewhere]),
            return_china_odds: to_china / (1.0 - to_china),
            leaving_per_step: SECTORS.map(|sector| {
                let early = return_hazard * sector.hazard_multiplier * DT_YEARS;
                [early, early * tenure_protection]
            }),
            attrition_per_step: DT_YEARS / s.get(ParamId::CareerLength),
            china_grad_choice: Choice::from_reference_shares(CHINA_GRAD_DESTINATIONS),
            elsewhere_grad_choice: Choice::from_reference_shares(ELSEWHERE_GRAD_DESTINATIONS),
            reference: Drivers::in_year(&Scenario::baseline(), REFERENCE_YEAR),
        }
    }

    /// The US's pull relative to 2015 (logit units) under drivers `d`.
    fn us_pull(&self, d: &Drivers) -> f64 {
        let r = &self.reference;
        self.beta_compute * (d.compute_ratio / r.compute_ratio).ln()
            + self.beta_pay * (d.pay_gap / r.pay_gap).ln()
            + self.beta_us_funding * (d.us_funding / r.us_funding).ln()
            - self.beta_scrutiny * (d.scrutiny_pct - r.scrutiny_pct) / 10.0
            - self.beta_visa * (d.visa_blocked_pct - r.visa_blocked_pct) / 10.0
    }

    /// The pipeline's entrants in the first step of `year` (people), and
    /// their growth factor from one step of the year to the next.
    fn entrants_in_first_step(&self, year: i32) -> (f64, f64) {
        let history_end = LAST_HISTORY_YEAR + 1;
        let (growth, per_step) = if year < history_end {
            (
                PIPELINE_GROWTH_HISTORY * f64::from(year - 2019),
                self.growth_per_step[0],
            )
        } else {
            (
                PIPELINE_GROWTH_HISTORY * f64::from(history_end - 2019)
                    + self.pipeline_growth * f64::from(year - history_end),
                self.growth_per_step[1],
            )
        };
        (PIPELINE_2019_PER_YEAR * growth.exp() * DT_YEARS, per_step)
    }

    /// China's funding pull relative to 2015 (logit units).
    fn china_funding_pull(&self, d: &Drivers) -> f64 {
        self.beta_china_funding * (d.china_funding / self.reference.china_funding).ln()
    }
}

/// A three-way logit choice (US, China, elsewhere) with utilities
/// `a_us + US pull`, `China pull` and `a_elsewhere`. The constants are kept
/// exponentiated, so that a choice costs no `exp` once the two pulls have
/// been exponentiated for the step.
#[derive(Clone, Copy, Debug)]
struct Choice {
    /// `exp(a_us)`.
    us_weight: f64,
    /// `exp(a_elsewhere)`.
    elsewhere_weight: f64,
}

impl Choice {
    /// From the 2015 shares (US, China, elsewhere): with both pulls at zero
    /// the choice reproduces them.
    fn from_reference_shares(shares: [f64; 3]) -> Choice {
        Choice {
            us_weight: shares[0] / shares[1],
            elsewhere_weight: shares[2] / shares[1],
        }
    }

    /// The fractions of the choosers that choose the US, China and
    /// elsewhere in one step, given `exp(US pull)` and `exp(China pull)`,
    /// the visa block and the fraction of the stock that chooses in a step.
    /// The blocked fraction of those who would choose the US choose among
    /// the other two in proportion (one division for all three: the
    /// elsewhere weight is positive, so the other two never add to zero).
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn per_step(
        self,
        exp_us_pull: f64,
        exp_china_pull: f64,
        blocked_fraction: f64,
        choosing_per_step: f64,
    ) -> [f64; 3] {
        let us = self.us_weight * exp_us_pull;
        let rest = exp_china_pull + self.elsewhere_weight;
        let blocked = us * blocked_fraction;
        let scale = choosing_per_step / ((us + rest) * rest);
        let to_us = (us - blocked) * rest * scale;
        let to_rest = (rest + blocked) * scale;
        [
            to_us,
            exp_china_pull * to_rest,
            self.elsewhere_weight * to_rest,
        ]
    }
}

/// A hazard multiplier, capped at [`MAX_HAZARD_MULTIPLIER`].
fn bounded(multiplier: f64) -> f64 {
    multiplier.min(MAX_HAZARD_MULTIPLIER)
}

/// Fraction of the early-career US researchers who become established in
/// one step.
const TENURE_PER_STEP: f64 = DT_YEARS / YEARS_TO_ESTABLISHED;
/// Fraction of the pipeline that starts graduate school in one step.
const PIPELINE_PER_STEP: f64 = DT_YEARS / PIPELINE_DELAY_YEARS;
/// Fraction of the graduate students who graduate in one step.
const GRADUATION_PER_STEP: f64 = DT_YEARS / GRAD_SCHOOL_YEARS;

/// One step's flows, each as the fraction of its source's stock at the
/// start of the step that it moves (rate per year × dt).
struct Fractions {
    /// Pipeline to graduate school in the US, China, elsewhere.
    pipeline: [f64; 3],
    /// From graduate school in the US, China, elsewhere (rows) to US work
    /// (split among the sectors by entry share), work in China, work
    /// elsewhere (columns).
    graduation: [[f64; 3]; 3],
    /// Each US sector's early-career researchers who leave for China or
    /// elsewhere.
    leaving_early: [f64; 3],
    /// The same for its established researchers.
    leaving_established: [f64; 3],
    /// Share of the US leavers who go to China; the rest go elsewhere.
    to_china: f64,
    /// Work in China to US work and to work elsewhere.
    china: [f64; 2],
    /// Work elsewhere to US work and to work in China.
    elsewhere: [f64; 2],
    /// Every working stock to the left-the-top-tier stock.
    attrition: f64,
    /// The fraction of each stock that stays in it ([`Fractions::staying`]).
    keep: [f64; STOCK_COUNT],
}

impl Fractions {
    /// The step's fractions, given the visa block and `exp` of the US and
    /// China pulls, each alone and times the hazard sensitivity.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn new(
        k: &Coefficients,
        blocked: f64,
        [exp_us, exp_us_hazard]: [f64; 2],
        [exp_china, exp_china_hazard]: [f64; 2],
    ) -> Fractions {
        // Choices at the graduate-school start and at graduation.
        let choice =
            |c: Choice, blocked, per_step| c.per_step(exp_us, exp_china, blocked, per_step);
        // US researchers' return hazard (proportional hazards,
        // `hazard_index` = exp(kappa * (China pull - US pull))).
        let hazard_index = bounded(exp_china_hazard / exp_us_hazard);
        let china_odds = k.return_china_odds * exp_china;
        let into_us = (1.0 - blocked) * bounded(exp_us_hazard / exp_china_hazard);
        let mut fractions = Fractions {
            pipeline: choice(k.grad_choice, blocked, PIPELINE_PER_STEP),
            graduation: [
                choice(k.stay_choice, 0.0, GRADUATION_PER_STEP),
                choice(k.china_grad_choice, blocked, GRADUATION_PER_STEP),
                choice(k.elsewhere_grad_choice, blocked, GRADUATION_PER_STEP),
            ],
            leaving_early: [0, 1, 2].map(|i| k.leaving_per_step[i][0] * hazard_index),
            leaving_established: [0, 1, 2].map(|i| k.leaving_per_step[i][1] * hazard_index),
            to_china: china_odds / (1.0 + china_odds),
            china: [
                CHINA_TO_US_HAZARD * DT_YEARS * into_us,
                CHINA_TO_ELSEWHERE_HAZARD * DT_YEARS,
            ],
            elsewhere: [
                ELSEWHERE_TO_US_HAZARD * DT_YEARS * (1.0 - blocked) * bounded(exp_us_hazard),
                ELSEWHERE_TO_CHINA_HAZARD * DT_YEARS * bounded(exp_china_hazard),
            ],
            attrition: k.attrition_per_step,
            keep: [1.0; STOCK_COUNT],
        };
        fractions.keep = fractions.staying();
        fractions
    }

    /// The fraction of each stock that stays in it during the step: one
    /// minus its outflows' fractions. The same for the population and the
    /// tracked cohort.
    fn staying(&self) -> [f64; STOCK_COUNT] {
        // Whatever they choose, the same fraction of the pipeline and of
        // each graduate school moves on in a step (a choice's three
        // fractions add up to it, up to rounding).
        let pipeline = 1.0 - PIPELINE_PER_STEP;
        let grad = 1.0 - GRADUATION_PER_STEP;
        // Working stocks: what attrition leaves, less the other outflows.
        let working = 1.0 - self.attrition;
        let early = working - TENURE_PER_STEP;
        let [le, ls] = [self.leaving_early, self.leaving_established];
        let [china_to_us, china_to_elsewhere] = self.china;
        let [elsewhere_to_us, elsewhere_to_china] = self.elsewhere;
        [
            pipeline,
            grad,
            grad,
            grad,
            early - le[0],
            working - ls[0],
            early - le[1],
            working - ls[1],
            early - le[2],
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
    /// hold both lanes of every stock), so the cohort's lane can be skipped
    /// while it is all zeros, before it starts. Inlined natively; in the
    /// browser build a call, for size. The arithmetic is the same either
    /// way (no fused multiply-adds), so both builds give the same numbers.
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
        // early then established (e, s).
        let [pipeline, grad_us, grad_china, grad_elsewhere, ie, is, ae, as_, se, ss, china, elsewhere, left] =
            *x;
        let k = &self.keep;
        let g = &self.graduation;

        // Graduate-school choice.
        let to_grad = self.pipeline.map(|p| pipeline * p);
        let y_pipeline = pipeline * k[0];
        let y_grads = [
            grad_us * k[1] + to_grad[0],
            grad_china * k[2] + to_grad[1],
            grad_elsewhere * k[3] + to_grad[2],
        ];

        // Graduation, and the moves of researchers in China and elsewhere.
        let [china_to_us, china_to_elsewhere] = self.china;
        let [elsewhere_to_us, elsewhere_to_china] = self.elsewhere;
        let us_grads_staying = grad_us * g[0][0];
        let other_into_us = (grad_china * g[1][0] + grad_elsewhere * g[2][0])
            + (china * china_to_us + elsewhere * elsewhere_to_us);
        let into_us = us_grads_staying + other_into_us;

        // US researchers, sector by sector.
        let [le, ls] = [self.leaving_early, self.leaving_established];
        let [a, b, c] = SECTORS;
        let leaving = ((0.0 + (ie * le[0] + is * ls[0])) + (ae * le[1] + as_ * ls[1]))
            + (se * le[2] + ss * ls[2]);
        let us_work = ((0.0 + (ie + is)) + (ae + as_)) + (se + ss);
        let us_to_china = leaving * self.to_china;
        let us_to_elsewhere = leaving * (1.0 - self.to_china);

        // Researchers in China and elsewhere, and those who leave the tier.
        let us_grads_to_china = grad_us * g[0][1];
        let us_grads_to_elsewhere = grad_us * g[0][2];
        *y = [
            y_pipeline,
            y_grads[0],
            y_grads[1],
            y_grads[2],
            ie * k[4] + into_us * a.entry_share,
            is * k[5] + ie * TENURE_PER_STEP,
            ae * k[6] + into_us * b.entry_share,
            as_ * k[7] + ae * TENURE_PER_STEP,
            se * k[8] + into_us * c.entry_share,
            ss * k[9] + se * TENURE_PER_STEP,
            (china * k[10] + (us_grads_to_china + grad_china * g[1][1] + grad_elsewhere * g[2][1]))
                + (us_to_china + elsewhere * elsewhere_to_china),
            (elsewhere * k[11]
                + (us_grads_to_elsewhere + grad_china * g[1][2] + grad_elsewhere * g[2][2]))
                + (us_to_elsewhere + china * china_to_elsewhere),
            left + (us_work + china + elsewhere) * self.attrition,
        ];

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
        for (grad, p) in grads.into_iter().zip(self.pipeline) {
            add(Pipeline, grad, p);
        }
        for (grad, [us, china, elsewhere]) in grads.into_iter().zip(self.graduation) {
            for s in SECTORS {
                add(grad, s.early, us * s.entry_share);
            }
            add(grad, WorkChina, china);
            add(grad, WorkElsewhere, elsewhere);
        }
        for (i, s) in SECTORS.into_iter().enumerate() {
            add(s.early, s.established, TENURE_PER_STEP);
            for (stock, leaving) in [
                (s.early, self.leaving_early[i]),
                (s.established, self.leaving_established[i]),
            ] {
                add(stock, WorkChina, leaving * self.to_china);
                add(stock, WorkElsewhere, leaving * (1.0 - self.to_china));
                add(stock, LeftTopTier, self.attrition);
            }
        }
        for s in SECTORS {
            add(WorkChina, s.early, self.china[0] * s.entry_share);
        }
        add(WorkChina, WorkElsewhere, self.china[1]);
        add(WorkChina, LeftTopTier, self.attrition);
        for s in SECTORS {
            add(WorkElsewhere, s.early, self.elsewhere[0] * s.entry_share);
        }
        add(WorkElsewhere, WorkChina, self.elsewhere[1]);
        add(WorkElsewhere, LeftTopTier, self.attrition);
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

/// People by stock: the population, and the tracked cohort.
#[derive(Clone, Copy, Debug)]
struct People {
    population: [f64; STOCK_COUNT],
    cohort: [f64; STOCK_COUNT],
}

/// Everything one step hands on to the next.
#[derive(Clone, Copy, Debug)]
struct Carried {
    /// People by stock, the population and the tracked cohort (as shares
    /// of it, zeros until it starts).
    people: People,
    perceived_us_pull: f64,
    perceived_china_funding_pull: f64,
    /// The logarithm of China's-to-US working ratio relative to its
    /// reference (bounded) at the start of the step before: the ecosystem
    /// loop reads the stocks one month late, so that a step's pulls do not
    /// wait for the step before to finish. Zero while either stock is
    /// empty.
    ecosystem_log_ratio: f64,
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
                },
                perceived_us_pull: k.us_pull(&first_drivers),
                perceived_china_funding_pull: k.china_funding_pull(&first_drivers),
                ecosystem_log_ratio: 0.0,
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
/// where a run that differs from it only in levers can start. About 400
/// bytes (stocks, cohort and perceived pulls).
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
    let mut pulls = (None, 0.0, 0.0);
    // The stocks at the start of the step and at its end: two buffers that
    // trade places after each step, so that no step copies the stocks (a
    // copy right after they are written waits for the writes to land).
    let Carried {
        people: start,
        mut perceived_us_pull,
        mut perceived_china_funding_pull,
        mut ecosystem_log_ratio,
    } = state.carried;
    let (mut first, mut second) = (start, start);
    let (mut people, mut next) = (&mut first, &mut second);
    while state.year < until_year {
        let year = state.year;
        let d = Drivers::in_year(scenario, year);
        let blocked = d.visa_blocked_pct / 100.0;
        // The pulls change only when the drivers do (not before the history
        // starts, nor after the policy start year).
        if pulls.0 != Some(d) {
            pulls = (Some(d), k.us_pull(&d), k.china_funding_pull(&d));
        }
        let (_, us_pull_now, china_funding_pull_now) = pulls;
        let mut acc = YearAccumulator::default();
        // The cohort's lane is all zeros until the end of its year.
        let cohort_started = year > COHORT_YEAR;
        // Exogenous pipeline entrants: growth is steady within a year, so
        // one exponential per year and a factor per step.
        let (mut entrants, growth_per_step) = k.entrants_in_first_step(year);

        for month in 0..STEPS_PER_YEAR {
            let t = year as f64 + month as f64 * DT_YEARS;
            perceived_us_pull += (us_pull_now - perceived_us_pull) * k.perception_per_step;
            perceived_china_funding_pull +=
                (china_funding_pull_now - perceived_china_funding_pull) * k.perception_per_step;
            let us_pull = perceived_us_pull;
            let exp_us = us_pull.exp();
            let exp_us_hazard = (k.hazard_sensitivity * us_pull).exp();
            // The ecosystem loop at last month's ratio, with this month's
            // strength.
            let china_pull = perceived_china_funding_pull
                + k.beta_ecosystem * d.ecosystem_loop * ecosystem_log_ratio;
            let exp_china = china_pull.exp();
            let exp_china_hazard = (k.hazard_sensitivity * china_pull).exp();

            // This month's ratio, for the next step: its logarithm does
            // not hold up this step's flows.
            let before = &people.population;
            let us_work = SECTORS
                .map(|s| before[s.early.index()] + before[s.established.index()])
                .iter()
                .sum::<f64>();
            let in_china = before[Stock::WorkChina.index()];
            ecosystem_log_ratio = if us_work > 0.0 && in_china > 0.0 {
                (in_china / (us_work * ECOSYSTEM_REFERENCE_RATIO))
                    .clamp(ECOSYSTEM_RATIO_BOUND.recip(), ECOSYSTEM_RATIO_BOUND)
                    .ln()
            } else {
                0.0
            };

            let fractions = Fractions::new(
                k,
                blocked,
                [exp_us, exp_us_hazard],
                [exp_china, exp_china_hazard],
            );
            acc.us_work_stock_sum += us_work;
            acc.steps += 1.0;
            fractions.apply(before, &mut next.population, Some(&mut acc.buckets));
            if cohort_started {
                fractions.apply(&people.cohort, &mut next.cohort, None);
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
        state.year += 1;
    }
    state.carried = Carried {
        people: *people,
        perceived_us_pull,
        perceived_china_funding_pull,
        ecosystem_log_ratio,
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
        set(SeriesId::StockUsGrad, s[Stock::GradUs.index()]);
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
        set(SeriesId::StockChinaGrad, s[Stock::GradChina.index()]);
        set(
            SeriesId::StockElsewhereWork,
            s[Stock::WorkElsewhere.index()] + s[Stock::GradElsewhere.index()],
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
    }
}
