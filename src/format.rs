//! Numbers as the reader sees them: parameter values with their units,
//! shares as percentages, people rounded. Text comes from the message
//! catalog; this module only chooses digits.

use talentflow_messages::Catalog;
use talentflow_model::{ParamSpec, Scale};

/// The digits of a parameter value: as many decimals as the step needs on
/// a linear scale; on a log scale two significant digits (as the table's
/// `value_from_position` rounds).
pub fn param_digits(spec: &ParamSpec, value: f64) -> String {
    let decimals = match spec.scale {
        Scale::Linear => decimals_for_step(spec.step),
        Scale::Log => {
            if value.abs() >= 10.0 {
                0
            } else {
                1
            }
        }
    };
    format!("{value:.decimals$}")
}

/// Decimals needed to show multiples of `step` exactly (0 for whole steps).
pub fn decimals_for_step(step: f64) -> usize {
    let mut decimals = 0;
    let mut scaled = step;
    while decimals < 6 && (scaled - scaled.round()).abs() > 1e-9 {
        scaled *= 10.0;
        decimals += 1;
    }
    decimals
}

/// A parameter value with its unit, as shown (`30%`, `2.0 × 2019 level`).
pub fn param_value_text(catalog: &Catalog, spec: &ParamSpec, value: f64) -> String {
    let digits = param_digits(spec, value);
    catalog.format(
        &format!("value-{}", spec.unit.code()),
        &[("value", &digits)],
    )
}

/// A parameter value with its unit, as read aloud by a screen reader
/// (`30 percent`), for `aria-valuetext`.
pub fn param_value_spoken(catalog: &Catalog, spec: &ParamSpec, value: f64) -> String {
    let digits = param_digits(spec, value);
    catalog.format(
        &format!("valuetext-{}", spec.unit.code()),
        &[("value", &digits)],
    )
}

/// A share (0..1) as a whole percentage without the sign (`0.714` → `71`);
/// a dash when the value is missing.
pub fn percent_digits(share: Option<f64>) -> String {
    match share {
        Some(v) if v.is_finite() => format!("{:.0}", v * 100.0),
        _ => "–".to_string(),
    }
}

/// A count of people rounded to a whole number; a dash when missing.
pub fn people_digits(people: Option<f64>) -> String {
    match people {
        Some(v) if v.is_finite() => format!("{:.0}", v.max(0.0)),
        _ => "–".to_string(),
    }
}
