//! Why did it change: each changed setting's share of the change in an
//! outcome between the baseline and the reader's scenario.
//!
//! Settings interact (a visa block matters more when the US pull is weak),
//! so "the effect of changing X" depends on what else was changed first.
//! The attribution is the Shapley value: X's effect averaged over every
//! order in which the changed settings could be applied. The shares add up
//! to the total change (up to floating-point rounding), and a setting that
//! does nothing gets nothing.
//!
//! With `k` changed settings, the exact value needs the outcome under each
//! of the `2^k` mixes of baseline and scenario values (one run each,
//! memoised and shared by every outcome asked for at once). That is exact
//! up to [`MAX_EXACT`] changed settings (1,024 runs); beyond, the average
//! is taken over [`SAMPLED_ORDERS`] orders drawn with a fixed seed (each
//! order with its reverse), which still adds up to the total exactly and
//! gives the same answer for the same scenario every time.

use crate::engine::simulate;
use crate::params::{ParamId, PARAM_COUNT};
use crate::run::SeriesId;
use crate::scenario::Scenario;
use crate::sensitivity::{outcome_value, OutcomeError};
use crate::uncertainty::SplitMix64;
use std::collections::BTreeMap;

/// Up to this many changed settings, the attribution is exact (`2^k`
/// runs).
pub const MAX_EXACT: usize = 10;

/// Orders averaged over beyond [`MAX_EXACT`] (half drawn, half their
/// reverses): about `SAMPLED_ORDERS × k` runs, fewer after memoisation.
pub const SAMPLED_ORDERS: usize = 64;

// Masks of changed settings are 64-bit: every parameter must fit below the top bit.
const _: () = assert!(PARAM_COUNT < 64);

/// The fixed seed of the sampled orders.
const ORDER_SEED: u64 = 0x5EED_0F0D_E500;

/// How one outcome in one year changed, and which settings account for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    pub outcome: SeriesId,
    pub year: i32,
    /// The outcome under the baseline, in the series' unit.
    pub baseline: f64,
    /// The outcome under the scenario, in the series' unit.
    pub scenario: f64,
    /// Each changed setting and its share of the change, in the series'
    /// unit; largest magnitude first (equal ones in table order). Empty for
    /// the baseline itself. Sums to `scenario − baseline`.
    pub contributions: Vec<(ParamId, f64)>,
    /// Whether the average is over every order (`true`) or over
    /// [`SAMPLED_ORDERS`] sampled orders.
    pub exact: bool,
}

impl Attribution {
    /// `scenario − baseline`, in the series' unit.
    pub fn total(&self) -> f64 {
        self.scenario - self.baseline
    }
}

/// The attribution of one outcome in one year.
pub fn attribute(
    scenario: &Scenario,
    outcome: SeriesId,
    year: i32,
) -> Result<Attribution, OutcomeError> {
    let mut all = attribute_many(scenario, &[(outcome, year)])?;
    all.pop().ok_or(OutcomeError::YearOutOfRange {
        year,
        first: year,
        last: year,
    })
}

/// The attributions of several (outcome, year) pairs at once, in the order
/// asked, sharing the runs (the app's "why did it change" sentences need
/// one per headline outcome).
pub fn attribute_many(
    scenario: &Scenario,
    outcomes: &[(SeriesId, i32)],
) -> Result<Vec<Attribution>, OutcomeError> {
    let baseline = Scenario::baseline();
    let changed: Vec<ParamId> = scenario.changed().collect();
    let k = changed.len();
    let mut memo = Memo {
        scenario,
        baseline: &baseline,
        changed: &changed,
        outcomes,
        values: BTreeMap::new(),
    };
    let all_mask = if k == 0 { 0 } else { (1u64 << k) - 1 };
    let at_baseline = memo.values_at(0)?;
    let at_scenario = memo.values_at(all_mask)?;

    // phi[i][t]: setting i's share of outcome t's change.
    let mut phi = vec![vec![0.0; outcomes.len()]; k];
    let exact = k <= MAX_EXACT;
    if exact && k > 0 {
        // Shapley weight of a coalition of size s: s! (k − s − 1)! / k!.
        let factorial = |n: usize| (1..=n).map(|i| i as f64).product::<f64>();
        let weights: Vec<f64> = (0..k)
            .map(|s| factorial(s) * factorial(k - s - 1) / factorial(k))
            .collect();
        for mask in 0..=all_mask {
            let without = memo.values_at(mask)?;
            for (i, phi_i) in phi.iter_mut().enumerate() {
                let bit = 1u64 << i;
                if mask & bit != 0 {
                    continue;
                }
                let with = memo.values_at(mask | bit)?;
                let w = weights[mask.count_ones() as usize];
                for (p, (a, b)) in phi_i.iter_mut().zip(with.iter().zip(without.iter())) {
                    *p += w * (a - b);
                }
            }
        }
    } else if k > 0 {
        let mut rng = SplitMix64::new(ORDER_SEED);
        let mut order: Vec<usize> = (0..k).collect();
        for n in 0..SAMPLED_ORDERS {
            if n % 2 == 0 {
                // Fisher-Yates shuffle.
                for i in (1..k).rev() {
                    let j = rng.next_below(i as u64 + 1) as usize;
                    order.swap(i, j);
                }
            } else {
                order.reverse();
            }
            let mut mask = 0u64;
            let mut before = at_baseline.clone();
            for &i in &order {
                mask |= 1u64 << i;
                let after = memo.values_at(mask)?;
                for (p, (a, b)) in phi[i].iter_mut().zip(after.iter().zip(before.iter())) {
                    *p += a - b;
                }
                before = after;
            }
        }
        for row in phi.iter_mut() {
            for p in row.iter_mut() {
                *p /= SAMPLED_ORDERS as f64;
            }
        }
    }

    let mut out = Vec::with_capacity(outcomes.len());
    for (t, &(outcome, year)) in outcomes.iter().enumerate() {
        let mut contributions: Vec<(ParamId, f64)> = changed
            .iter()
            .zip(phi.iter())
            .map(|(&id, row)| (id, row[t]))
            .collect();
        // Largest first; ties in table order (`changed` is in table order).
        // Unstable sort plus an explicit tie-break: the same order as a
        // stable sort, without the merge sort's code in the wasm bundle.
        contributions.sort_unstable_by(|a, b| b.1.abs().total_cmp(&a.1.abs()).then(a.0.cmp(&b.0)));
        out.push(Attribution {
            outcome,
            year,
            baseline: at_baseline[t],
            scenario: at_scenario[t],
            contributions,
            exact,
        });
    }
    Ok(out)
}

/// The outcomes under each mix of baseline and scenario values, keyed by
/// the bit mask of the changed settings taken from the scenario.
struct Memo<'a> {
    scenario: &'a Scenario,
    baseline: &'a Scenario,
    changed: &'a [ParamId],
    outcomes: &'a [(SeriesId, i32)],
    values: BTreeMap<u64, Vec<f64>>,
}

impl Memo<'_> {
    fn values_at(&mut self, mask: u64) -> Result<Vec<f64>, OutcomeError> {
        if let Some(v) = self.values.get(&mask) {
            return Ok(v.clone());
        }
        let mut mix = *self.baseline;
        for (i, &id) in self.changed.iter().enumerate() {
            if mask & (1u64 << i) != 0 {
                mix.set_clamped(id, self.scenario.get(id));
            }
        }
        let run = simulate(&mix);
        let values = self
            .outcomes
            .iter()
            .map(|&(outcome, year)| outcome_value(&run, outcome, year))
            .collect::<Result<Vec<f64>, OutcomeError>>()?;
        self.values.insert(mask, values.clone());
        Ok(values)
    }
}
