//! Reading a decimal number from text (a link, a scenario file, a command
//! line `--set`), without the standard library's `f64` parser.
//!
//! The standard parser is exact for every input, which it pays for with a
//! 10 KB table of powers of five and big-number arithmetic: about 10 KB of
//! the compressed bundle each reader's phone downloads. The numbers read
//! here are parameter values that are then rounded to their slider's step,
//! so exactness beyond the fifteenth digit buys nothing. [`parse`] is the
//! standard parser's exact result whenever the significant digits fit in
//! 2^53 and the decimal exponent in ±22 (every value the app writes, and
//! any a person types), and within a few units in the last place
//! otherwise (`tests::agrees_with_the_standard_parser`).

/// The number `text` writes, in the standard parser's syntax: an optional
/// sign, digits with at most one decimal point (`5`, `5.`, `.5`), an
/// optional exponent (`e-3`, `E+2`), or `inf`, `infinity`, `nan` in any
/// case. `None` for anything else, including surrounding spaces.
pub fn parse(text: &str) -> Option<f64> {
    let (negative, body) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let magnitude = match body.to_ascii_lowercase().as_str() {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => finite(body.as_bytes())?,
    };
    Some(if negative { -magnitude } else { magnitude })
}

fn finite(bytes: &[u8]) -> Option<f64> {
    let mut mantissa: u64 = 0;
    let mut exponent: i64 = 0;
    let mut digits = 0;
    let mut i = 0;
    let mut seen_point = false;
    while i < bytes.len() {
        match bytes[i] {
            b @ b'0'..=b'9' => {
                digits += 1;
                if mantissa < 1_000_000_000_000_000_000 {
                    mantissa = mantissa * 10 + u64::from(b - b'0');
                    if seen_point {
                        exponent -= 1;
                    }
                } else if !seen_point {
                    // A digit beyond what the mantissa holds: dropped, the
                    // value kept by the exponent (truncation).
                    exponent += 1;
                }
            }
            b'.' if !seen_point => seen_point = true,
            _ => break,
        }
        i += 1;
    }
    if digits == 0 {
        return None;
    }
    if i < bytes.len() {
        if !matches!(bytes[i], b'e' | b'E') {
            return None;
        }
        i += 1;
        let negative = match bytes.get(i) {
            Some(b'-') => {
                i += 1;
                true
            }
            Some(b'+') => {
                i += 1;
                false
            }
            _ => false,
        };
        let start = i;
        let mut e: i64 = 0;
        while let Some(b @ b'0'..=b'9') = bytes.get(i) {
            e = (e * 10 + i64::from(b - b'0')).min(100_000);
            i += 1;
        }
        if i == start || i < bytes.len() {
            return None;
        }
        exponent += if negative { -e } else { e };
    }
    if mantissa == 0 {
        return Some(0.0);
    }
    let m = mantissa as f64;
    Some(if mantissa < (1 << 53) && (-22..=22).contains(&exponent) {
        // Both factors exact: one correctly rounded operation.
        if exponent < 0 {
            m / POWERS[(-exponent) as usize]
        } else {
            m * POWERS[exponent as usize]
        }
    } else if exponent < -300 {
        // Two steps, so that 10^e does not underflow before the product.
        m * 10f64.powi((exponent + 300) as i32) * 1e-300
    } else {
        m * 10f64.powi(exponent.min(400) as i32)
    })
}

/// 10^0 to 10^22, each exact in an `f64`.
const POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::uncertainty::SplitMix64;

    #[test]
    fn reads_what_people_and_the_app_write() {
        for (text, want) in [
            ("45", 45.0),
            ("2.5", 2.5),
            ("0.35", 0.35),
            ("-0.1", -0.1),
            ("+7", 7.0),
            (".5", 0.5),
            ("5.", 5.0),
            ("1e3", 1000.0),
            ("2.5E-2", 0.025),
            ("0", 0.0),
            ("100", 100.0),
        ] {
            assert_eq!(parse(text), Some(want), "{text}");
        }
        assert_eq!(parse("inf"), Some(f64::INFINITY));
        assert_eq!(parse("-Infinity"), Some(f64::NEG_INFINITY));
        assert!(parse("NaN").unwrap().is_nan());
    }

    #[test]
    fn refuses_what_is_not_a_number() {
        for text in [
            "", "-", ".", "e5", "1e", "1e+", "1.2.3", "12a", " 1", "1 ", "0x10", "1,5", "--1",
            "infinit",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn agrees_with_the_standard_parser() {
        let mut rng = SplitMix64::new(7);
        for _ in 0..200_000 {
            // Short decimals: exactly the standard parser's value.
            let int = rng.next_below(1_000_000);
            let frac = rng.next_below(10_000);
            let places = rng.next_below(5) as usize;
            let text = if places == 0 {
                format!("{int}")
            } else {
                format!(
                    "{int}.{:0width$}",
                    frac % 10u64.pow(places as u32),
                    width = places
                )
            };
            assert_eq!(parse(&text), text.parse::<f64>().ok(), "{text}");
            // Any finite double printed in full: within a few ulps.
            let bits = rng.next_u64();
            let x = f64::from_bits(bits);
            if x.is_finite() && x != 0.0 && x.abs() > 1e-290 {
                for text in [format!("{x:e}"), format!("{x}")] {
                    let got = parse(&text).unwrap();
                    let want: f64 = text.parse().unwrap();
                    assert!(
                        ((got - want) / want).abs() < 1e-14,
                        "{text}: {got} against {want}"
                    );
                }
            }
        }
    }
}
