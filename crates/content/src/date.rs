//! A calendar date kept as `YYYY-MM-DD`, the form `<time datetime>` needs, with the
//! "09 May 2025" form the source uses for people.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct IsoDate {
    year: u16,
    month: u8,
    day: u8,
}

impl IsoDate {
    pub fn parse(text: &str) -> Result<Self, String> {
        let wrong = || format!("expected a date like 2025-05-09, found {text:?}");
        let bytes = text.as_bytes();
        if bytes.len() != 10 || bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(wrong());
        }
        let number = |range: std::ops::Range<usize>| -> Result<u16, String> {
            let part = &text[range];
            if part.bytes().all(|b| b.is_ascii_digit()) {
                part.parse().map_err(|_| wrong())
            } else {
                Err(wrong())
            }
        };
        let (year, month, day) = (number(0..4)?, number(5..7)?, number(8..10)?);
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
            2 => 28,
            _ => return Err(format!("{text:?} has no month {month}")),
        };
        if day == 0 || day > days_in_month {
            return Err(format!("{text:?} has no day {day}"));
        }
        Ok(Self { year, month: month as u8, day: day as u8 })
    }

    /// The date as the source writes it for readers: "09 May 2025".
    pub fn long_form(&self) -> String {
        format!("{:02} {} {}", self.day, MONTHS[usize::from(self.month) - 1], self.year)
    }
}

impl fmt::Display for IsoDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for IsoDate {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for IsoDate {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        IsoDate::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_and_formats_for_readers() {
        let date = IsoDate::parse("2025-05-09").unwrap();
        assert_eq!(date.to_string(), "2025-05-09");
        assert_eq!(date.long_form(), "09 May 2025");
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        for bad in ["2025-02-29", "2025-13-01", "2025-04-31", "2025-5-09", "09 May 2025", "2025-05-0x"] {
            assert!(IsoDate::parse(bad).is_err(), "{bad} should be rejected");
        }
        assert!(IsoDate::parse("2024-02-29").is_ok());
    }
}
