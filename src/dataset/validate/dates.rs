//! The source's date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, with a month and a day that exist.

use super::checker::Checker;
use super::path::Path;
use super::structure::describe;
use crate::dataset::raw::Leaf;

fn is_valid_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let digits =
        |part: &str, len: usize| part.len() == len && part.chars().all(|c| c.is_ascii_digit());
    let number = |part: &str| part.parse::<u32>().unwrap_or(0);
    match parts.as_slice() {
        [year] => digits(year, 4),
        [year, month] => digits(year, 4) && digits(month, 2) && (1..=12).contains(&number(month)),
        [year, month, day] => {
            digits(year, 4)
                && digits(month, 2)
                && digits(day, 2)
                && (1..=days_in_month(number(year), number(month))).contains(&number(day))
        }
        _ => false,
    }
}

/// 0 for a month that does not exist.
fn days_in_month(year: u32, month: u32) -> u32 {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => 0,
    }
}

impl Checker {
    pub(super) fn date(&mut self, value: &Leaf, path: &Path) -> Option<String> {
        let date = self.string(value, path, 10)?;
        if !is_valid_date(&date) {
            self.push(
                path,
                format!(
                    "must be a date like \"2020\", \"2020-09\" or \"2020-09-30\", with a month and day that exist, got {}",
                    describe(value)
                ),
            );
            return None;
        }
        Some(date)
    }
}

#[cfg(test)]
mod tests {
    use super::is_valid_date;

    #[test]
    fn dates_that_exist() {
        for date in ["2020", "2020-09", "2020-09-30", "2024-02-29", "2000-02-29"] {
            assert!(is_valid_date(date), "{date}");
        }
        for date in [
            "20",
            "2020-13",
            "2020-00",
            "2020-9",
            "2023-02-29",
            "1900-02-29",
            "2020-04-31",
            "2020-09-30-1",
            "last year",
            "",
        ] {
            assert!(!is_valid_date(date), "{date}");
        }
    }
}
