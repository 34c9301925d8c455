//! A calendar day and the little arithmetic relative dates need (days since 1970, weekdays, ISO weeks);
//! `dates` resolves "Thursday" and "last week" with it, the timeline and exports read it too.

/// A calendar day, for the little date arithmetic relative dates need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Day {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

/// The day of an ISO 8601 date or date-time ("2022-01-11T14:28:00" → 2022-01-11).
pub fn parse_day(iso: &str) -> Option<Day> {
    let year = iso.get(0..4)?.parse().ok()?;
    let month = iso.get(5..7)?.parse().ok().filter(|m| (1..=12).contains(m))?;
    let day = iso.get(8..10)?.parse().ok().filter(|d| (1..=31).contains(d))?;
    (iso.get(4..5) == Some("-")).then_some(Day { year, month, day })
}

impl Day {
    /// Days since 1970-01-01 (Howard Hinnant's `days_from_civil`).
    pub fn ordinal(self) -> i64 {
        let y = self.year as i64 - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = self.month as i64;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + self.day as i64 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146097 + doe - 719468
    }

    /// The day `z` days after 1970-01-01 (the inverse of [`Day::ordinal`]).
    pub fn from_ordinal(z: i64) -> Day {
        let z = z + 719468;
        let era = z.div_euclid(146097);
        let doe = z - era * 146097;
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Day { year, month, day }
    }

    /// 0 = Monday ... 6 = Sunday.
    pub fn weekday(self) -> u32 {
        (self.ordinal() + 3).rem_euclid(7) as u32
    }

    pub fn plus(self, days: i64) -> Day {
        Day::from_ordinal(self.ordinal().saturating_add(days.clamp(-1_000_000, 1_000_000)))
    }

    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// ISO week date of this day's week: `2022-W01`.
    pub fn iso_week(self) -> String {
        let thursday = self.plus(3 - self.weekday() as i64);
        let jan1 = Day { year: thursday.year, month: 1, day: 1 };
        let week = (thursday.ordinal() - jan1.ordinal()) / 7 + 1;
        format!("{:04}-W{week:02}", thursday.year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_arithmetic() {
        let d = parse_day("2022-01-11").unwrap_or(Day { year: 0, month: 1, day: 1 });
        assert_eq!(d.weekday(), 1);
        assert_eq!(d.plus(-5).iso(), "2022-01-06");
        assert_eq!(d.plus(365).iso(), "2023-01-11");
        assert_eq!(d.iso_week(), "2022-W02");
        assert_eq!(parse_day("2021-01-03").map(Day::iso_week).as_deref(), Some("2020-W53"));
        assert_eq!(parse_day("x"), None);
    }
}
