//! Moments as calendar dates: seconds since the Unix epoch to a date and
//! time in UTC, for the files that record when they were made and the
//! charts that show when.

/// A moment in UTC as a calendar date and time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Utc {
    pub year: i64,
    pub month: i64,
    pub day: i64,
    pub hour: i64,
    pub minute: i64,
    pub second: i64,
}

impl Utc {
    /// From seconds since the Unix epoch, before it too (Howard Hinnant's
    /// days-to-civil).
    pub fn from_unix(unix_seconds: i64) -> Utc {
        let days = unix_seconds.div_euclid(86_400);
        let seconds = unix_seconds.rem_euclid(86_400);
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        Utc {
            year: yoe + era * 400 + i64::from(month <= 2),
            month,
            day,
            hour: seconds / 3600,
            minute: seconds % 3600 / 60,
            second: seconds % 60,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendar_dates_in_utc() {
        let date = |s| {
            let t = Utc::from_unix(s);
            (t.year, t.month, t.day, t.hour, t.minute, t.second)
        };
        assert_eq!(date(0), (1970, 1, 1, 0, 0, 0));
        assert_eq!(date(951_782_400), (2000, 2, 29, 0, 0, 0));
        assert_eq!(date(1_798_160_700), (2026, 12, 25, 1, 5, 0));
        assert_eq!(date(-1), (1969, 12, 31, 23, 59, 59));
    }
}
