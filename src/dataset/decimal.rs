//! Decimal text in JSON's number grammar to the nearest `f64`, without core's float parser.
//!
//! core's parser carries two tables of powers of five (about 13 KB that gzip cannot shrink)
//! and its slow-path code into the .wasm. A dataset's figures (171, 73.5, 1.66, 20.71, 0.005)
//! have few digits and small exponents, and those are read here exactly with one rounding
//! (Clinger's fast path): the digits as a whole number below 2^53 and a power of ten up to
//! 10^22 are both exact `f64`s, so one IEEE multiplication or division rounds their product
//! or quotient correctly. Anything else (more than 15 significant digits, huge exponents) goes
//! to the platform's correctly rounded parser: JavaScript's in the browser, std's natively.

/// The powers of ten an `f64` holds exactly.
const EXACT_POWERS: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Whole numbers up to this are exact in an `f64`.
const EXACT_MANTISSA: u64 = 1 << 53;

/// The value of `text`, which must already match JSON's number grammar
/// (`-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`). Out of range gives an infinity.
pub fn to_f64(text: &str) -> f64 {
    fast(text).unwrap_or_else(|| slow(text))
}

/// A plain decimal as an attribute gives it (`480`, `480.5`), else `None`.
pub fn plain(text: &str) -> Option<f64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, "1"));
    let digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    (digits(whole) && digits(fraction)).then(|| to_f64(text))
}

/// The value when Clinger's fast path applies (see the module's comment), else `None`.
pub fn fast(text: &str) -> Option<f64> {
    let bytes = text.as_bytes();
    let negative = bytes.first() == Some(&b'-');
    let mut mantissa: u64 = 0;
    let mut digits = 0usize; // significant digits in `mantissa`, leading zeros not counted
    let mut scale: i64 = 0; // the power of ten `mantissa` is multiplied by
    let mut in_fraction = false;
    let mut rest = bytes
        .get(usize::from(negative)..)
        .unwrap_or_default()
        .iter();
    for &byte in rest.by_ref() {
        match byte {
            b'0'..=b'9' => {
                if mantissa > 0 || byte != b'0' {
                    digits += 1;
                    if digits > 19 {
                        return None; // past what a u64 holds
                    }
                    mantissa = mantissa * 10 + u64::from(byte - b'0');
                }
                if in_fraction {
                    scale -= 1;
                }
            }
            b'.' => in_fraction = true,
            b'e' | b'E' => break,
            _ => return None,
        }
    }
    let exponent = exponent_of(rest.as_slice())?;
    let sign = if negative { -1.0 } else { 1.0 };
    if mantissa == 0 {
        return Some(sign * 0.0);
    }
    if mantissa > EXACT_MANTISSA {
        return None;
    }
    let power = scale.checked_add(exponent)?;
    let m = mantissa as f64;
    let exact = EXACT_POWERS.get(usize::try_from(power.unsigned_abs()).ok()?)?;
    let value = if power >= 0 { m * exact } else { m / exact };
    Some(sign * value)
}

/// The exponent after `e`/`E` (an optional sign, then digits); `Some(0)` for none. `None` when
/// it is too long to matter here (the slow path reads it).
fn exponent_of(bytes: &[u8]) -> Option<i64> {
    let (negative, digits) = match bytes.split_first() {
        Some((b'-', rest)) => (true, rest),
        Some((b'+', rest)) => (false, rest),
        _ => (false, bytes),
    };
    if digits.len() > 6 {
        return None;
    }
    let mut value: i64 = 0;
    for &byte in digits {
        if !byte.is_ascii_digit() {
            return None;
        }
        value = value * 10 + i64::from(byte - b'0');
    }
    Some(if negative { -value } else { value })
}

/// JavaScript's `parseFloat`, correctly rounded like every engine's number reader, so the .wasm
/// needs no parser of its own for the rare text the fast path leaves.
#[cfg(target_arch = "wasm32")]
fn slow(text: &str) -> f64 {
    js_sys::parse_float(text)
}

#[cfg(not(target_arch = "wasm32"))]
fn slow(text: &str) -> f64 {
    text.parse().unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(text: &str) {
        let ours = to_f64(text);
        let std: f64 = text.parse().unwrap();
        assert_eq!(ours.to_bits(), std.to_bits(), "{text}: {ours} != {std}");
    }

    #[test]
    fn the_reports_figures_take_the_fast_path_and_are_exact() {
        for text in [
            "171",
            "608",
            "1.66",
            "73.5",
            "20.71",
            "0.005",
            "-3.25",
            "0",
            "-0",
            "0.0",
            "1e3",
            "2.5E-3",
            "1234567890123456",
            "9007199254740992",
            "0.1",
            "0.3",
            "1e22",
            "1e-22",
        ] {
            assert!(fast(text).is_some(), "{text} should take the fast path");
            same(text);
        }
        assert!(to_f64("-0").is_sign_negative());
    }

    #[test]
    fn text_past_the_fast_path_goes_to_the_correctly_rounded_parser() {
        for text in [
            "9007199254740993",
            "123456789012345678901234567890",
            "1e23",
            "1e-23",
            "2.2250738585072011e-308",
            "4.9e-324",
            "1.7976931348623157e308",
            "0.1000000000000000055511151231257827",
        ] {
            assert!(fast(text).is_none(), "{text} should not take the fast path");
            same(text);
        }
        assert!(to_f64("1e400").is_infinite());
        assert_eq!(to_f64("1e-400"), 0.0);
        assert_eq!(to_f64("1e99999999999"), f64::INFINITY);
    }

    #[test]
    fn plain_decimals_only() {
        assert_eq!(plain("480"), Some(480.0));
        assert_eq!(plain("480.5"), Some(480.5));
        for text in ["", ".5", "5.", "4e2", "-480", "48 0", "480px", "1.2.3"] {
            assert_eq!(plain(text), None, "{text:?}");
        }
    }

    /// Random literals of every shape, against std's parser bit for bit (a fixed-seed LCG, so
    /// a failure repeats).
    #[test]
    fn agrees_with_std_on_random_literals() {
        let mut random = crate::test_random::Lcg::new(0x5eed_cafe);
        let mut next = |below: u64| random.below(below);
        let mut fast_hits = 0;
        for _ in 0..200_000 {
            let mut text = String::new();
            if next(4) == 0 {
                text.push('-');
            }
            let whole = 1 + next(12);
            for i in 0..whole {
                let digit = if i == 0 && whole > 1 {
                    1 + next(9)
                } else {
                    next(10)
                };
                text.push(char::from(b'0' + digit as u8));
            }
            if next(2) == 0 {
                text.push('.');
                for _ in 0..1 + next(10) {
                    text.push(char::from(b'0' + next(10) as u8));
                }
            }
            if next(3) == 0 {
                text.push(if next(2) == 0 { 'e' } else { 'E' });
                match next(3) {
                    0 => text.push('-'),
                    1 => text.push('+'),
                    _ => {}
                }
                text.push_str(&next(40).to_string());
            }
            fast_hits += usize::from(fast(&text).is_some());
            same(&text);
        }
        // Most of them must have tested the fast path, not only std against itself.
        assert!(fast_hits > 150_000, "fast path taken {fast_hits} times");
    }
}
