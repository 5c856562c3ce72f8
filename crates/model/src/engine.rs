//! The simulation: drivers, choices and hazards, integrated monthly.
//!
//! Method: forward Euler with a step of one month. At each step every flow
//! is computed as `rate_per_year * stock * dt` from the stocks at the start
//! of the step, subtracted from its source and added to its destination,
//! so people are conserved exactly (up to floating-point rounding). Rates
//! are bounded so that no stock can lose more than it holds in one step
//! (see [`MAX_HAZARD_MULTIPLIER`]).

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
#[derive(Clone, Copy, Debug)]
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
    pipeline_growth: f64,
    /// The graduate-school choice.
    grad_choice: Choice,
    /// US graduates' choice at graduation (stay, China, elsewhere).
    stay_choice: Choice,
    /// Odds of a leaver choosing China over elsewhere under 2015 conditions.
    return_china_odds: f64,
    return_hazard: f64,
    tenure_protection: f64,
    attrition_per_year: f64,
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
            pipeline_growth: s.get(ParamId::PipelineGrowth) / 100.0,
            grad_choice: Choice::from_reference_shares([us, cn, el]),
            stay_choice: Choice::from_reference_shares([stay, leave_china, leave_elsewhere]),
            return_china_odds: to_china / (1.0 - to_china),
            return_hazard: s.get(ParamId::ReturnHazard),
            tenure_protection: s.get(ParamId::TenureProtection),
            attrition_per_year: 1.0 / s.get(ParamId::CareerLength),
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

    /// Shares given `exp(US pull)` and `exp(China pull)`.
    fn shares(self, exp_us_pull: f64, exp_china_pull: f64) -> [f64; 3] {
        let us = self.us_weight * exp_us_pull;
        let total = us + exp_china_pull + self.elsewhere_weight;
        [
            us / total,
            exp_china_pull / total,
            self.elsewhere_weight / total,
        ]
    }
}

/// Applies the visa block to the US share of a choice: the blocked share
/// chooses among the other two options in proportion.
fn block_us(shares: [f64; 3], blocked_fraction: f64) -> [f64; 3] {
    let us = shares[0] * (1.0 - blocked_fraction);
    let moved = shares[0] - us;
    let rest = shares[1] + shares[2];
    if rest <= 0.0 {
        return [us, moved, 0.0];
    }
    [
        us,
        shares[1] + moved * shares[1] / rest,
        shares[2] + moved * shares[2] / rest,
    ]
}

/// A hazard multiplier, capped at [`MAX_HAZARD_MULTIPLIER`].
fn bounded(multiplier: f64) -> f64 {
    multiplier.min(MAX_HAZARD_MULTIPLIER)
}

/// One step's flows, applied as they are stated.
///
/// Each flow moves `rate_per_year * dt` of its source's stock at the start
/// of the step to its destination, in the main population and in the
/// tracked cohort (all zeros until it starts, so moving it changes
/// nothing), and adds the people moved to the year's total of its bucket.
/// `add` is inlined with constant stocks, so a step compiles to
/// straight-line arithmetic: no flow table, no bounds checks, no
/// allocation. Each stock receives its changes in the order the flows are
/// stated, so the result does not depend on how the step is compiled.
struct Step<'a, const TRACE: bool> {
    /// People by stock at the start of the step: the population, then the
    /// tracked cohort (two lanes, so that both move in one operation).
    before: [[f64; 2]; STOCK_COUNT],
    /// The same during the step.
    people: &'a mut [[f64; 2]; STOCK_COUNT],
    buckets: &'a mut [f64; BUCKET_COUNT],
    /// Every flow of the step, when tracing.
    flows: &'a mut Vec<Flow>,
}

impl<const TRACE: bool> Step<'_, TRACE> {
    // Inlined natively (speed); a call in the browser build, where the
    // straight-line copies would cost about 2 KB of the download.
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    fn add(&mut self, from: Stock, to: Stock, rate_per_year: f64) {
        let (f, t) = (from.index(), to.index());
        let per_step = rate_per_year * DT_YEARS;
        let moved = [per_step * self.before[f][0], per_step * self.before[f][1]];
        let source = &mut self.people[f];
        *source = [source[0] - moved[0], source[1] - moved[1]];
        let destination = &mut self.people[t];
        *destination = [destination[0] + moved[0], destination[1] + moved[1]];
        let bucket = Bucket::of(from, to);
        if bucket != Bucket::None {
            self.buckets[bucket as usize] += moved[0];
        }
        if TRACE {
            self.flows.push(Flow {
                from,
                to,
                people: moved[0],
            });
        }
    }

    /// Flows from one stock to the US sectors, split by entry share.
    #[inline(always)]
    fn add_to_us_sectors(&mut self, from: Stock, rate_per_year: f64) {
        for s in SECTORS {
            self.add(from, s.early, rate_per_year * s.entry_share);
        }
    }

    /// One US sector's researchers: tenure, return hazard (proportional
    /// hazards, `hazard_index` = exp(kappa * (China pull - US pull))),
    /// attrition.
    #[inline(always)]
    fn us_sector(&mut self, s: SectorSpec, k: &Coefficients, hazard_index: f64, to_china: f64) {
        self.add(s.early, s.established, 1.0 / YEARS_TO_ESTABLISHED);
        for (stock, tenure) in [(s.early, 1.0), (s.established, k.tenure_protection)] {
            let h = k.return_hazard * s.hazard_multiplier * tenure * hazard_index;
            self.add(stock, Stock::WorkChina, h * to_china);
            self.add(stock, Stock::WorkElsewhere, h * (1.0 - to_china));
            self.add(stock, Stock::LeftTopTier, k.attrition_per_year);
        }
    }
}

/// Which yearly total a flow counts towards. Each flow is in at most one
/// bucket; the yearly outputs are sums of buckets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(usize)]
enum Bucket {
    None,
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

const BUCKET_COUNT: usize = 10;

impl Bucket {
    #[inline(always)]
    fn of(from: Stock, to: Stock) -> Bucket {
        match (from, to) {
            (Stock::Pipeline, Stock::GradUs) => Bucket::ToGradUs,
            (Stock::Pipeline, Stock::GradChina) => Bucket::ToGradChina,
            (Stock::Pipeline, Stock::GradElsewhere) => Bucket::ToGradElsewhere,
            (Stock::GradUs, t) if t.is_us_work() => Bucket::GradUsStays,
            (Stock::GradUs, Stock::WorkChina) => Bucket::GradUsToChina,
            (Stock::GradUs, Stock::WorkElsewhere) => Bucket::GradUsToElsewhere,
            (f, t) if t.is_us_work() && !f.is_us_work() => Bucket::OtherIntoUsWork,
            (f, Stock::WorkChina) if f.is_us_work() => Bucket::UsWorkToChina,
            (f, Stock::WorkElsewhere) if f.is_us_work() => Bucket::UsWorkToElsewhere,
            _ => Bucket::None,
        }
    }
}

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

/// Everything carried from one step to the next, and the outputs so far.
#[derive(Clone, Debug)]
struct State {
    /// The year whose first step comes next.
    year: i32,
    /// People by stock, `[population, tracked cohort]`: the cohort as
    /// shares of it, zeros until it starts.
    people: [[f64; 2]; STOCK_COUNT],
    perceived_us_pull: f64,
    perceived_china_funding_pull: f64,
    out: Outputs,
}

impl State {
    /// Empty stocks at the start of [`SPIN_UP_YEAR`].
    fn start(scenario: &Scenario, k: &Coefficients) -> State {
        let first_drivers = Drivers::in_year(scenario, SPIN_UP_YEAR);
        State {
            year: SPIN_UP_YEAR,
            people: [[0.0; 2]; STOCK_COUNT],
            perceived_us_pull: k.us_pull(&first_drivers),
            perceived_china_funding_pull: k.china_funding_pull(&first_drivers),
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
    people: [[f64; 2]; STOCK_COUNT],
    perceived_us_pull: f64,
    perceived_china_funding_pull: f64,
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
            state.people = p.people;
            state.perceived_us_pull = p.perceived_us_pull;
            state.perceived_china_funding_pull = p.perceived_china_funding_pull;
            true
        }
        _ => {
            advance::<false>(&mut state, scenario, &k, PREFIX_END_YEAR, &mut |_| {});
            *prefix = Some(Prefix {
                key,
                people: state.people,
                perceived_us_pull: state.perceived_us_pull,
                perceived_china_funding_pull: state.perceived_china_funding_pull,
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
    let mut flows: Vec<Flow> = Vec::new();
    while state.year < until_year {
        let year = state.year;
        let d = Drivers::in_year(scenario, year);
        let blocked = d.visa_blocked_pct / 100.0;
        let us_pull_now = k.us_pull(&d);
        let china_funding_pull_now = k.china_funding_pull(&d);
        let mut acc = YearAccumulator::default();
        let people = &mut state.people;

        for month in 0..STEPS_PER_YEAR {
            let t = year as f64 + month as f64 * DT_YEARS;
            state.perceived_us_pull +=
                (us_pull_now - state.perceived_us_pull) * k.perception_per_step;
            state.perceived_china_funding_pull += (china_funding_pull_now
                - state.perceived_china_funding_pull)
                * k.perception_per_step;

            let us_work: f64 = Stock::US_WORK.iter().map(|s| people[s.index()][0]).sum();
            let in_china = people[Stock::WorkChina.index()][0];
            let ecosystem = if us_work > 0.0 && in_china > 0.0 {
                let ratio = (in_china / us_work / ECOSYSTEM_REFERENCE_RATIO)
                    .clamp(ECOSYSTEM_RATIO_BOUND.recip(), ECOSYSTEM_RATIO_BOUND);
                k.beta_ecosystem * d.ecosystem_loop * ratio.ln()
            } else {
                0.0
            };
            let us_pull = state.perceived_us_pull;
            let china_pull = state.perceived_china_funding_pull + ecosystem;

            // The step's transcendental work: four exponentials.
            let exp_us = us_pull.exp();
            let exp_china = china_pull.exp();
            let exp_us_hazard = (k.hazard_sensitivity * us_pull).exp();
            let exp_china_hazard = (k.hazard_sensitivity * china_pull).exp();

            let before = *people;
            acc.add_step(&before);
            if TRACE {
                flows.clear();
            }
            let mut step = Step::<TRACE> {
                before,
                people,
                buckets: &mut acc.buckets,
                flows: &mut flows,
            };
            // Graduate-school choice.
            let grad = block_us(k.grad_choice.shares(exp_us, exp_china), blocked);
            let r_pipe = 1.0 / PIPELINE_DELAY_YEARS;
            step.add(Stock::Pipeline, Stock::GradUs, r_pipe * grad[0]);
            step.add(Stock::Pipeline, Stock::GradChina, r_pipe * grad[1]);
            step.add(Stock::Pipeline, Stock::GradElsewhere, r_pipe * grad[2]);
            // Graduation choices.
            let r_grad = 1.0 / GRAD_SCHOOL_YEARS;
            let stay = k.stay_choice.shares(exp_us, exp_china);
            step.add_to_us_sectors(Stock::GradUs, r_grad * stay[0]);
            step.add(Stock::GradUs, Stock::WorkChina, r_grad * stay[1]);
            step.add(Stock::GradUs, Stock::WorkElsewhere, r_grad * stay[2]);
            let cg = block_us(k.china_grad_choice.shares(exp_us, exp_china), blocked);
            step.add_to_us_sectors(Stock::GradChina, r_grad * cg[0]);
            step.add(Stock::GradChina, Stock::WorkChina, r_grad * cg[1]);
            step.add(Stock::GradChina, Stock::WorkElsewhere, r_grad * cg[2]);
            let eg = block_us(k.elsewhere_grad_choice.shares(exp_us, exp_china), blocked);
            step.add_to_us_sectors(Stock::GradElsewhere, r_grad * eg[0]);
            step.add(Stock::GradElsewhere, Stock::WorkChina, r_grad * eg[1]);
            step.add(Stock::GradElsewhere, Stock::WorkElsewhere, r_grad * eg[2]);
            // US researchers, sector by sector: natively spelled out, so
            // that each flow's stocks are constants (LLVM does not unroll a
            // loop this size; spelled out, a full run takes 15% fewer
            // instructions, same numbers); in the browser build a loop,
            // smaller, and faster there (`add` is a call).
            let hazard_index = bounded(exp_china_hazard / exp_us_hazard);
            let china_odds = k.return_china_odds * exp_china;
            let to_china = china_odds / (1.0 + china_odds);
            #[cfg(not(target_arch = "wasm32"))]
            {
                let [a, b, c] = SECTORS;
                step.us_sector(a, k, hazard_index, to_china);
                step.us_sector(b, k, hazard_index, to_china);
                step.us_sector(c, k, hazard_index, to_china);
            }
            #[cfg(target_arch = "wasm32")]
            for s in SECTORS {
                step.us_sector(s, k, hazard_index, to_china);
            }
            // Researchers in China and elsewhere.
            let into_us = (1.0 - blocked) * bounded(exp_us_hazard / exp_china_hazard);
            step.add_to_us_sectors(Stock::WorkChina, CHINA_TO_US_HAZARD * into_us);
            step.add(
                Stock::WorkChina,
                Stock::WorkElsewhere,
                CHINA_TO_ELSEWHERE_HAZARD,
            );
            step.add(Stock::WorkChina, Stock::LeftTopTier, k.attrition_per_year);
            step.add_to_us_sectors(
                Stock::WorkElsewhere,
                ELSEWHERE_TO_US_HAZARD * (1.0 - blocked) * bounded(exp_us_hazard),
            );
            step.add(
                Stock::WorkElsewhere,
                Stock::WorkChina,
                ELSEWHERE_TO_CHINA_HAZARD * bounded(exp_china_hazard),
            );
            step.add(
                Stock::WorkElsewhere,
                Stock::LeftTopTier,
                k.attrition_per_year,
            );

            // Exogenous pipeline entrants.
            let growth_years_hist = (t.min(LAST_HISTORY_YEAR as f64 + 1.0)) - 2019.0;
            let growth_years_after = (t - (LAST_HISTORY_YEAR as f64 + 1.0)).max(0.0);
            let entrants_per_year = PIPELINE_2019_PER_YEAR
                * (PIPELINE_GROWTH_HISTORY * growth_years_hist
                    + k.pipeline_growth * growth_years_after)
                    .exp();
            let entrants = entrants_per_year * DT_YEARS;
            people[Stock::Pipeline.index()][0] += entrants;
            acc.pipeline_entrants += entrants;
            if TRACE {
                trace(&StepTrace {
                    time_years: t,
                    before: &before.map(|p| p[0]),
                    after: &people.map(|p| p[0]),
                    pipeline_entrants: entrants,
                    flows: &flows,
                });
            }
        }

        // End of `year`: start the cohort, record the year.
        let stocks = people.map(|p| p[0]);
        if year == COHORT_YEAR {
            let total: f64 = stocks
                .iter()
                .zip(Stock::ALL)
                .filter(|(_, s)| s.place() == crate::stocks::Place::Us)
                .map(|(v, _)| v)
                .sum();
            for s in Stock::ALL {
                people[s.index()][1] = if s.place() == crate::stocks::Place::Us && total > 0.0 {
                    stocks[s.index()] / total
                } else {
                    0.0
                };
            }
        }
        if year >= FIRST_YEAR {
            let i = (year - FIRST_YEAR) as usize;
            let cohort = people.map(|p| p[1]);
            acc.record(
                &mut state.out,
                i,
                &stocks,
                (year >= COHORT_YEAR).then_some(&cohort),
            );
        }
        state.year += 1;
    }
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
    /// Counts one step that starts from stocks `before` (its flows are
    /// added to the buckets by [`Step::add`]).
    fn add_step(&mut self, before: &[[f64; 2]; STOCK_COUNT]) {
        self.us_work_stock_sum += Stock::US_WORK
            .iter()
            .map(|s| before[s.index()][0])
            .sum::<f64>();
        self.steps += 1.0;
    }

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
