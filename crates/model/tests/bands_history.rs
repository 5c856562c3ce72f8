//! Bands built after a lever move take over the previous builder's draws
//! (each draw's years before the earliest policy start, and its state
//! then) and give exactly the bands computed afresh; anything else that
//! changes the draws starts afresh.

use talentflow_model::uncertainty::BandsBuilder;
use talentflow_model::{bands, Bands, BandsError, ParamId, Scenario, PARAMS};

const DRAWS: usize = 60;
const SEED: u64 = 1;

fn with(base: &Scenario, changes: &[(ParamId, f64)]) -> Scenario {
    let mut s = *base;
    for &(id, value) in changes {
        s.set(id, value).unwrap_or_else(|e| panic!("{e}"));
    }
    s
}

fn fresh(scenario: &Scenario, draws: usize, seed: u64) -> Bands {
    bands(scenario, draws, seed).unwrap_or_else(|e| panic!("{e}"))
}

fn after(previous: BandsBuilder, scenario: &Scenario, draws: usize, seed: u64) -> BandsBuilder {
    BandsBuilder::new_after(Some(previous), scenario, draws, seed).unwrap_or_else(|e| panic!("{e}"))
}

fn finished(mut builder: BandsBuilder) -> (Bands, BandsBuilder) {
    builder.step(usize::MAX);
    let bands = builder.bands().unwrap_or_else(|e| panic!("{e}"));
    (bands, builder)
}

/// Lever moves as a drag makes them, each one's bands from the one before.
fn lever_moves(base: &Scenario) -> Vec<Scenario> {
    let start = ParamId::PolicyStartYear.spec();
    vec![
        with(base, &[(ParamId::VisaRestrictions, 60.0)]),
        with(base, &[(ParamId::VisaRestrictions, 0.0)]),
        with(
            base,
            &[
                (ParamId::PolicyStartYear, start.max),
                (ParamId::ComputeRatio, 1.0),
            ],
        ),
        with(
            base,
            &[
                (ParamId::PolicyStartYear, start.min),
                (ParamId::ChinaAiFunding, 8.0),
            ],
        ),
        with(
            base,
            &[
                (ParamId::EcosystemLoop, 0.0),
                (ParamId::ScrutinyClimate, 80.0),
                (ParamId::UsResearchFunding, 0.4),
                (ParamId::PayGap, 10.0),
            ],
        ),
        *base,
    ]
}

#[test]
fn bands_after_lever_moves_reuse_every_draw_and_equal_fresh_bands() {
    // The baseline, and a reader's own value for an assumption (held, not
    // drawn): both keep their history across lever moves.
    let held = with(&Scenario::baseline(), &[(ParamId::BetaCompute, 0.5)]);
    for base in [Scenario::baseline(), held] {
        let (first, mut builder) =
            finished(BandsBuilder::new(&base, DRAWS, SEED).unwrap_or_else(|e| panic!("{e}")));
        assert_eq!(first, fresh(&base, DRAWS, SEED));
        assert_eq!(builder.reused(), 0);
        for scenario in lever_moves(&base) {
            let (got, next) = finished(after(builder, &scenario, DRAWS, SEED));
            assert_eq!(next.reused(), DRAWS, "{scenario:?}");
            assert!(got == fresh(&scenario, DRAWS, SEED), "{scenario:?}");
            builder = next;
        }
    }
}

#[test]
fn bands_handed_on_before_their_draws_finish_equal_fresh_bands() {
    // A drag abandons each scenario's draws part of the way through: the
    // draws run so far keep their history, the others run in full.
    let base = Scenario::baseline();
    let mut builder = BandsBuilder::new(&base, DRAWS, SEED).unwrap_or_else(|e| panic!("{e}"));
    let mut history = 0;
    for (scenario, steps) in lever_moves(&base).iter().zip([17, 0, 5, 40, 59, 3]) {
        builder.step(7);
        history = history.max(builder.progress().0);
        builder = after(builder, scenario, DRAWS, SEED);
        builder.step(steps);
        // Partial bands too are exactly those of a fresh builder.
        if steps > 0 {
            let mut plain =
                BandsBuilder::new(scenario, DRAWS, SEED).unwrap_or_else(|e| panic!("{e}"));
            plain.step(steps);
            assert_eq!(builder.bands(), plain.bands(), "{scenario:?}");
        } else {
            assert_eq!(builder.bands(), Err(BandsError::NoDraws));
        }
        assert_eq!(builder.reused(), steps.min(history), "{scenario:?}");
    }
    let last = *lever_moves(&base).last().unwrap_or(&base);
    let (got, _) = finished(builder);
    assert_eq!(got, fresh(&last, DRAWS, SEED));
}

#[test]
fn a_change_of_any_assumption_starts_afresh_and_is_then_reused() {
    let base = Scenario::baseline();
    let (_, mut builder) =
        finished(BandsBuilder::new(&base, DRAWS, SEED).unwrap_or_else(|e| panic!("{e}")));
    for p in PARAMS.iter().filter(|p| p.uncertainty.is_some()) {
        let other = if p.default == p.max { p.min } else { p.max };
        let changed = with(&base, &[(p.id, other)]);
        let (got, next) = finished(after(builder, &changed, DRAWS, SEED));
        assert_eq!(next.reused(), 0, "{}", p.key);
        assert!(got == fresh(&changed, DRAWS, SEED), "{}", p.key);
        // A lever move after it takes its history.
        let moved = with(&changed, &[(ParamId::VisaRestrictions, 70.0)]);
        let (got, next) = finished(after(next, &moved, DRAWS, SEED));
        assert_eq!(next.reused(), DRAWS, "{}", p.key);
        assert!(got == fresh(&moved, DRAWS, SEED), "{}", p.key);
        builder = next;
    }
}

#[test]
fn another_seed_or_number_of_draws_starts_afresh() {
    let base = Scenario::baseline();
    let moved = with(&base, &[(ParamId::VisaRestrictions, 60.0)]);
    let (_, builder) =
        finished(BandsBuilder::new(&base, DRAWS, SEED).unwrap_or_else(|e| panic!("{e}")));
    let (got, builder) = finished(after(builder, &moved, DRAWS, SEED + 1));
    assert_eq!(builder.reused(), 0);
    assert_eq!(got, fresh(&moved, DRAWS, SEED + 1));
    let (got, builder) = finished(after(builder, &base, DRAWS / 2, SEED + 1));
    assert_eq!(builder.reused(), 0);
    assert_eq!(got, fresh(&base, DRAWS / 2, SEED + 1));
    assert_eq!(
        BandsBuilder::new_after(Some(builder), &base, 0, SEED).err(),
        Some(BandsError::NoDraws)
    );
    let (got, builder) = finished(
        BandsBuilder::new_after(None, &moved, DRAWS, SEED).unwrap_or_else(|e| panic!("{e}")),
    );
    assert_eq!(builder.reused(), 0);
    assert_eq!(got, fresh(&moved, DRAWS, SEED));
}
