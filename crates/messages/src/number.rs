//! Digits as a language writes them, ready to fill a placeable.
//!
//! Only digits, marks and separators are chosen here; units and words
//! (`%`, `×`, `years`, `年`, `人`) are the message files' (`value-percent =
//! { $value }%`), so a translator places them. A missing or non-finite
//! value is written as an en dash in every language.

/// How a language writes a number: its decimal mark, its thousands
/// separator and the fewest integer digits it groups.
///
/// English and Simplified Chinese (mainland usage, as in CLDR) agree on
/// all three: `1,234.5`, and both group from four digits. Calendar years
/// are never grouped ([`NumberFormat::year`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NumberFormat {
    pub decimal: char,
    pub group: char,
    /// Integer parts with fewer digits than this are not grouped.
    pub min_grouping_digits: usize,
}

/// What a missing, infinite or NaN value shows as.
pub const MISSING: &str = "–";

impl NumberFormat {
    pub const EN: NumberFormat = NumberFormat {
        decimal: '.',
        group: ',',
        min_grouping_digits: 4,
    };
    pub const ZH: NumberFormat = NumberFormat {
        decimal: '.',
        group: ',',
        min_grouping_digits: 4,
    };

    /// `value` rounded to `decimals` places, its integer part grouped
    /// (`12345.678`, 1 → `12,345.7`). Never `-0`.
    pub fn fixed(&self, value: f64, decimals: usize) -> String {
        if !value.is_finite() {
            return MISSING.to_string();
        }
        let plain = format!("{value:.decimals$}");
        let (sign, unsigned) = match plain.strip_prefix('-') {
            // Rounding a small negative number can give "-0.0".
            Some(rest) if rest.bytes().any(|b| b.is_ascii_digit() && b != b'0') => ("-", rest),
            Some(rest) => ("", rest),
            None => ("", plain.as_str()),
        };
        let (int, frac) = match unsigned.split_once('.') {
            Some((int, frac)) => (int, Some(frac)),
            None => (unsigned, None),
        };
        let mut out = String::with_capacity(plain.len() + int.len() / 3);
        out.push_str(sign);
        out.push_str(&self.group_digits(int));
        if let Some(frac) = frac {
            out.push(self.decimal);
            out.push_str(frac);
        }
        out
    }

    /// A whole number, grouped (`1234.4` → `1,234`).
    pub fn integer(&self, value: f64) -> String {
        self.fixed(value, 0)
    }

    /// A share (0..1) in percent, without the sign, which the message adds
    /// (`0.714`, 0 → `71`).
    pub fn percent(&self, share: f64, decimals: usize) -> String {
        self.fixed(share * 100.0, decimals)
    }

    /// A count of people: whole, never negative, grouped (`1234.6` →
    /// `1,235`).
    pub fn people(&self, count: f64) -> String {
        if count.is_finite() {
            self.integer(count.max(0.0))
        } else {
            MISSING.to_string()
        }
    }

    /// A calendar year, never grouped (`2035`); the message adds any word
    /// (`{ $year }年`).
    pub fn year(&self, year: i32) -> String {
        year.to_string()
    }

    /// A string of ASCII digits with the group separator every three
    /// digits from the right, when it has at least `min_grouping_digits`.
    fn group_digits(&self, digits: &str) -> String {
        let n = digits.len();
        if n < self.min_grouping_digits || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return digits.to_string();
        }
        let mut out = String::with_capacity(n + n / 3);
        // `%` rather than `is_multiple_of`, which needs Rust 1.87 (the
        // workspace's rust-version is 1.85).
        #[allow(clippy::manual_is_multiple_of)]
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (n - i) % 3 == 0 {
                out.push(self.group);
            }
            out.push(c);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    #[test]
    fn large_numbers_are_grouped_by_thousands_in_both_languages() {
        for lang in Lang::ALL {
            let n = lang.numbers();
            assert_eq!(n.integer(999.0), "999", "{lang:?}");
            assert_eq!(n.integer(1234.0), "1,234", "{lang:?}");
            assert_eq!(n.integer(1_234_567.0), "1,234,567", "{lang:?}");
            assert_eq!(n.fixed(12_345.678, 1), "12,345.7", "{lang:?}");
            assert_eq!(n.fixed(-12_345.0, 0), "-12,345", "{lang:?}");
        }
    }

    #[test]
    fn decimals_are_kept_to_the_asked_places() {
        let n = Lang::En.numbers();
        assert_eq!(n.fixed(2.0, 1), "2.0");
        assert_eq!(n.fixed(0.123, 2), "0.12");
        assert_eq!(n.fixed(0.005, 0), "0");
    }

    #[test]
    fn a_tiny_negative_value_never_shows_as_minus_zero() {
        let n = Lang::Zh.numbers();
        assert_eq!(n.fixed(-0.2, 0), "0");
        assert_eq!(n.fixed(-0.0, 1), "0.0");
        assert_eq!(n.percent(-0.001, 0), "0");
    }

    #[test]
    fn shares_become_percentages_without_the_sign() {
        for lang in Lang::ALL {
            let n = lang.numbers();
            assert_eq!(n.percent(0.714, 0), "71");
            assert_eq!(n.percent(1.0, 0), "100");
            assert_eq!(n.percent(0.0626, 1), "6.3");
        }
    }

    #[test]
    fn people_are_whole_and_never_negative() {
        let n = Lang::En.numbers();
        assert_eq!(n.people(1234.6), "1,235");
        assert_eq!(n.people(-3.0), "0");
        assert_eq!(n.people(f64::NAN), MISSING);
    }

    #[test]
    fn years_are_never_grouped() {
        for lang in Lang::ALL {
            assert_eq!(lang.numbers().year(2035), "2035");
        }
    }

    #[test]
    fn missing_and_infinite_values_show_a_dash() {
        let n = Lang::Zh.numbers();
        for v in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(n.fixed(v, 1), MISSING);
            assert_eq!(n.percent(v, 0), MISSING);
        }
    }
}
