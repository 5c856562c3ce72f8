//! Numbers as the reader sees them, in the catalog's language: parameter
//! values with their units, shares as percentages, people rounded and
//! grouped by thousands, years never grouped. Words and units come from
//! the message catalog (`value-<unit code>`); the digits, marks and
//! separators from the language's [`NumberFormat`].

use talentflow_messages::{Catalog, Lang, NumberFormat};
use talentflow_model::{ParamSpec, Scale, Unit};

/// The digits of a parameter value as `numbers` writes them: as many
/// decimals as the step needs on a linear scale; on a log scale two
/// significant digits (as the table's `value_from_position` rounds); a
/// calendar year whole and never grouped.
pub fn param_digits(numbers: &NumberFormat, spec: &ParamSpec, value: f64) -> String {
    if spec.unit == Unit::Year && value.is_finite() {
        return numbers.year(value.round() as i32);
    }
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
    numbers.fixed(value, decimals)
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
    let digits = param_digits(&catalog.numbers(), spec, value);
    catalog.format(
        &format!("value-{}", spec.unit.code()),
        &[("value", &digits)],
    )
}

/// A parameter value with its unit, as read aloud by a screen reader
/// (`30 percent`), for `aria-valuetext`.
pub fn param_value_spoken(catalog: &Catalog, spec: &ParamSpec, value: f64) -> String {
    let digits = param_digits(&catalog.numbers(), spec, value);
    catalog.format(
        &format!("valuetext-{}", spec.unit.code()),
        &[("value", &digits)],
    )
}

/// A share (0..1) as a whole percentage without the sign, as `lang`
/// writes it (`0.714` → `71`); a dash when the value is missing.
pub fn percent_digits_in(lang: Lang, share: Option<f64>) -> String {
    lang.numbers().percent(share.unwrap_or(f64::NAN), 0)
}

/// A count of people, whole and grouped by thousands as `lang` writes it
/// (`1234.6` → `1,235`); a dash when missing.
pub fn people_digits_in(lang: Lang, people: Option<f64>) -> String {
    lang.numbers().people(people.unwrap_or(f64::NAN))
}

/// A calendar year as `lang` writes it (never grouped: `2035`).
pub fn year_digits_in(lang: Lang, year: i32) -> String {
    lang.numbers().year(year)
}

/// [`percent_digits_in`] English, which writes percentages as Chinese
/// does. Callers with a catalog should pass its language.
pub fn percent_digits(share: Option<f64>) -> String {
    percent_digits_in(Lang::En, share)
}

/// [`people_digits_in`] English, which groups people as Chinese does.
/// Callers with a catalog should pass its language.
pub fn people_digits(people: Option<f64>) -> String {
    people_digits_in(Lang::En, people)
}

/// `text` with `&`, `<`, `>` and `"` escaped, for markup built as text
/// (the model page, the chart tables, the handout, the story panel, the
/// sources) and the embed snippet: the app's one escaping function.
pub fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use talentflow_model::ParamId;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    #[wasm_bindgen_test]
    fn slider_values_show_with_their_units_in_each_language() {
        let en = Catalog::load(Lang::En);
        let zh = Catalog::load(Lang::Zh);
        let visa = ParamId::VisaRestrictions.spec();
        assert_eq!(param_value_text(&en, visa, 30.0), "30%");
        assert_eq!(param_value_text(&zh, visa, 30.0), "30%");
        assert_eq!(param_value_spoken(&en, visa, 30.0), "30 percent");
        assert_eq!(param_value_spoken(&zh, visa, 30.0), "百分之30");
        let compute = ParamId::ComputeRatio.spec();
        assert_eq!(param_value_text(&en, compute, 5.0), "5.0×");
        assert_eq!(param_value_text(&zh, compute, 100.0), "100×");
        assert_eq!(param_value_spoken(&zh, compute, 5.0), "5.0倍");
    }

    #[wasm_bindgen_test]
    fn the_policy_start_year_is_never_grouped_and_reads_as_a_year() {
        let spec = ParamId::PolicyStartYear.spec();
        let en = Catalog::load(Lang::En);
        let zh = Catalog::load(Lang::Zh);
        assert_eq!(param_value_text(&en, spec, 2030.0), "2030");
        assert_eq!(param_value_text(&zh, spec, 2030.0), "2030年");
        assert_eq!(param_value_spoken(&en, spec, 2030.0), "year 2030");
    }

    #[wasm_bindgen_test]
    fn summary_figures_are_percent_digits_and_grouped_people() {
        for lang in Lang::ALL {
            assert_eq!(percent_digits_in(lang, Some(0.714)), "71");
            assert_eq!(percent_digits_in(lang, None), "–");
            assert_eq!(people_digits_in(lang, Some(1234.6)), "1,235");
            assert_eq!(people_digits_in(lang, Some(f64::NAN)), "–");
            assert_eq!(year_digits_in(lang, 2035), "2035");
        }
        assert_eq!(percent_digits(Some(-0.001)), "0");
        assert_eq!(people_digits(Some(512.4)), "512");
    }
}
