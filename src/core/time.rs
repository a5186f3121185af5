//! Timestamps as the protocol writes them. The time itself always comes from
//! the caller (the platform's clock): `SystemTime::now` panics on wasm32.

use crate::core::json::write_u64;

/// Writes epoch milliseconds as JSON seconds with a millisecond fraction
/// (`1700000000.123`), with no float formatting.
pub fn write_seconds(out: &mut String, ms: u64) {
    write_u64(out, ms / 1000);
    out.push('.');
    push_padded(out, ms % 1000, 3);
}

/// Epoch milliseconds as RFC 3339 UTC (`2023-11-14T22:13:20.123Z`), for `sent_at`.
pub fn rfc3339(ms: u64) -> String {
    let secs = ms / 1000;
    let (y, m, d) = civil_from_days(secs / 86_400);
    let sod = secs % 86_400;
    let mut s = String::with_capacity(24);
    push_padded(&mut s, y, 4);
    s.push('-');
    push_padded(&mut s, m, 2);
    s.push('-');
    push_padded(&mut s, d, 2);
    s.push('T');
    push_padded(&mut s, sod / 3600, 2);
    s.push(':');
    push_padded(&mut s, sod / 60 % 60, 2);
    s.push(':');
    push_padded(&mut s, sod % 60, 2);
    s.push('.');
    push_padded(&mut s, ms % 1000, 3);
    s.push('Z');
    s
}

/// `n` in at least `width` digits, zeros first.
fn push_padded(out: &mut String, n: u64, width: u32) {
    let mut p = 10u64.pow(width.saturating_sub(1));
    while p > 1 && n < p {
        out.push('0');
        p /= 10;
    }
    write_u64(out, n);
}

/// Days since 1970-01-01 to (year, month, day), after Howard Hinnant's
/// `civil_from_days`, for non-negative days.
fn civil_from_days(days: u64) -> (u64, u64, u64) {
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + u64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_matches_known_instants() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(rfc3339(951_782_400_000), "2000-02-29T00:00:00.000Z");
        assert_eq!(rfc3339(1_700_000_000_123), "2023-11-14T22:13:20.123Z");
        assert_eq!(rfc3339(1_795_651_199_999), "2026-11-25T23:59:59.999Z");
        assert_eq!(rfc3339(4_107_542_400_000), "2100-03-01T00:00:00.000Z");
    }

    #[test]
    fn seconds_keep_milliseconds() {
        let mut s = String::new();
        write_seconds(&mut s, 1_700_000_000_007);
        assert_eq!(s, "1700000000.007");
    }
}
