//! Rate limits as Sentry (Relay) communicates them: per data category, plus
//! the implicit "all" category, each a deadline in epoch milliseconds.
//!
//! Rules (develop.sentry.dev, "Rate Limiting"):
//! - `X-Sentry-Rate-Limits` is read on every response, whatever its status
//!   (even 200), and takes precedence over `Retry-After`.
//! - Otherwise, on a 429, `Retry-After` limits every category; a 429 with
//!   neither header (or an unparseable `Retry-After`) means 60 s.
//! - Per category the longest deadline wins; a shorter new limit never
//!   shortens a stored one.
//!
//! Every parse here is total: any header text is accepted, garbage is
//! ignored, and absurd numbers saturate at `u64::MAX` instead of overflowing.

use crate::core::envelope::DataCategory;
use crate::core::stacktrace::{pieces, split_byte};

/// What a 429 without a usable header means: 60 s for everything.
pub const DEFAULT_RETRY_AFTER_MS: u64 = 60_000;

/// Deadlines (epoch ms) until which data is not to be sent. `0` means none.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RateLimits {
    /// The implicit "all" category (an empty category list, or `Retry-After`).
    all: u64,
    /// At most one entry per known category, so bounded by their number.
    categories: Vec<(DataCategory, u64)>,
}

impl RateLimits {
    pub fn new() -> Self {
        Self::default()
    }

    /// Applies one response's headers. `status` 0 (no response) carries none.
    /// Empty (or blank) header values count as absent.
    pub fn update(&mut self, status: u16, rate_limits: Option<&str>, retry_after: Option<&str>, now_ms: u64) {
        if let Some(header) = present(rate_limits) {
            self.apply_sentry_header(header, now_ms);
        } else if status == 429 {
            let ms = present(retry_after).and_then(parse_seconds_ms).unwrap_or(DEFAULT_RETRY_AFTER_MS);
            self.limit_all(now_ms.saturating_add(ms));
        }
    }

    fn apply_sentry_header(&mut self, header: &str, now_ms: u64) {
        // X-Sentry-Rate-Limits = quota_limit *( "," quota_limit )
        // quota_limit = retry_after [ ":" categories [ ":" scope [ ":" reason_code [ ":" namespaces *( ":" any ) ] ] ] ]
        // retry_after = seconds, integer or decimal ("60", "2.5"); otherwise the quota_limit is ignored
        // categories  = "" (the limit applies to all categories; also when the field is missing)
        //             / category *( ";" category )   unknown ones are ignored, and a quota_limit
        //                                             naming only unknown ones is ignored entirely
        // scope, reason_code, namespaces and anything further are ignored (metric namespaces
        // only qualify `metric_bucket`, which this SDK never sends). Spaces around parts are ignored.
        for quota in pieces(header, b',') {
            let mut fields = pieces(quota, b':');
            let Some(ms) = fields.next().and_then(parse_seconds_ms) else { continue };
            let until = now_ms.saturating_add(ms);
            let categories = fields.next().unwrap_or("").trim_ascii();
            if categories.is_empty() {
                self.limit_all(until);
                continue;
            }
            for name in pieces(categories, b';') {
                if let Some(category) = DataCategory::from_name(name.trim_ascii()) {
                    self.limit(category, until);
                }
            }
        }
    }

    fn limit_all(&mut self, until: u64) {
        self.all = self.all.max(until);
    }

    fn limit(&mut self, category: DataCategory, until: u64) {
        match self.categories.iter_mut().find(|(c, _)| *c == category) {
            Some((_, t)) => *t = (*t).max(until),
            None => self.categories.push((category, until)),
        }
    }

    /// Until when `category` may not be sent (epoch ms; in the past or `0`
    /// when it may). The "all" limit covers every category, `internal` too.
    pub fn disabled_until(&self, category: DataCategory) -> u64 {
        let own = self.categories.iter().find(|(c, _)| *c == category).map_or(0, |&(_, t)| t);
        own.max(self.all)
    }

    pub fn is_limited(&self, category: DataCategory, now_ms: u64) -> bool {
        self.disabled_until(category) > now_ms
    }

    /// Whether the "all" limit (empty categories, `Retry-After`) is active.
    pub fn is_all_limited(&self, now_ms: u64) -> bool {
        self.all > now_ms
    }
}

/// A header value, unless absent or blank.
fn present(h: Option<&str>) -> Option<&str> {
    h.map(str::trim_ascii).filter(|h| !h.is_empty())
}

/// Seconds as `[digits][.digits]` (at least one digit, spaces around ignored)
/// to milliseconds, rounding a finer fraction up; saturates on huge values.
/// Signs, exponents and anything else are `None`.
pub fn parse_seconds_ms(s: &str) -> Option<u64> {
    let s = s.trim_ascii();
    let (int, frac) = match split_byte(s, b'.') {
        Some((i, f)) => (i, f),
        None => (s, ""),
    };
    if int.is_empty() && frac.is_empty() {
        return None;
    }
    let mut secs: u64 = 0;
    for b in int.bytes() {
        let d = digit(b)?;
        // Saturating, as `saturating_mul`, whose overflow test on wasm32
        // is a 128-bit multiply (compiler-builtins' __multi3).
        secs = if secs > u64::MAX / 10 { u64::MAX } else { secs * 10 }.saturating_add(d);
    }
    let (mut ms, mut scale, mut round_up) = (0u64, 100u64, false);
    for b in frac.bytes() {
        let d = digit(b)?;
        if scale > 0 {
            ms += d * scale;
            scale /= 10;
        } else if d != 0 {
            round_up = true;
        }
    }
    let whole = if secs > u64::MAX / 1000 { u64::MAX } else { secs * 1000 };
    Some(whole.saturating_add(ms).saturating_add(u64::from(round_up)))
}

fn digit(b: u8) -> Option<u64> {
    b.is_ascii_digit().then(|| u64::from(b - b'0'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use DataCategory::{Error, Internal};

    const NOW: u64 = 1_700_000_000_000;

    /// (status, X-Sentry-Rate-Limits, Retry-After) -> (error until, internal until, all until), relative to NOW.
    fn apply(status: u16, rl: Option<&str>, ra: Option<&str>) -> (u64, u64, u64) {
        let mut l = RateLimits::new();
        l.update(status, rl, ra, NOW);
        let rel = |t: u64| t.saturating_sub(NOW);
        (rel(l.disabled_until(Error)), rel(l.disabled_until(Internal)), rel(l.all))
    }

    #[test]
    fn seconds_parse_totally() {
        let cases: &[(&str, Option<u64>)] = &[
            ("60", Some(60_000)),
            (" 60 ", Some(60_000)),
            ("0", Some(0)),
            ("2.5", Some(2_500)),
            ("2.", Some(2_000)),
            (".25", Some(250)),
            ("0.0001", Some(1)),
            ("1.2340", Some(1_234)),
            ("99999999999999999999999", Some(u64::MAX)),
            ("18446744073709551615.999", Some(u64::MAX)),
            ("", None),
            (".", None),
            ("-1", None),
            ("+1", None),
            ("1e3", None),
            ("1.2.3", None),
            ("6 0", None),
            ("٣", None),
            ("Wed, 21 Oct 2015 07:28:00 GMT", None),
        ];
        for &(s, want) in cases {
            assert_eq!(parse_seconds_ms(s), want, "{s:?}");
        }
    }

    #[test]
    fn header_grammar() {
        #[rustfmt::skip]
        let cases: &[(&str, (u64, u64, u64))] = &[
            ("60:error:key",                                  (60_000, 0, 0)),
            ("60:error:key:quota:ns:future:fields",          (60_000, 0, 0)),
            ("60::organization",                              (60_000, 60_000, 60_000)),
            ("60",                                            (60_000, 60_000, 60_000)),
            ("60:",                                           (60_000, 60_000, 60_000)),
            ("60:transaction:key",                            (0, 0, 0)),
            ("60:transaction;session:key",                    (0, 0, 0)),
            ("60:transaction;error;bogus:key",                (60_000, 0, 0)),
            ("60:transaction:key, 2700:default;error;security:organization", (2_700_000, 0, 0)),
            ("60::organization, 2700::organization",          (2_700_000, 2_700_000, 2_700_000)),
            ("2700:metric_bucket:organization:quota_exceeded:custom", (0, 0, 0)),
            (" 10 : error ; internal : key ",                 (10_000, 10_000, 0)),
            ("1.5:error",                                     (1_500, 0, 0)),
            ("120:error, 30:error",                           (120_000, 0, 0)),
            ("30:error,120:error",                            (120_000, 0, 0)),
            ("x:error, 5:error",                              (5_000, 0, 0)),
            ("-5:error",                                      (0, 0, 0)),
            (":error",                                        (0, 0, 0)),
            (",,,:::;;;",                                     (0, 0, 0)),
            ("garbage",                                       (0, 0, 0)),
            ("60:ERROR",                                      (0, 0, 0)),
            ("99999999999999999999999:error",                 (u64::MAX - NOW, 0, 0)),
            ("99999999999999999999999",                       (u64::MAX - NOW, u64::MAX - NOW, u64::MAX - NOW)),
        ];
        for &(header, want) in cases {
            for status in [200, 429, 500] {
                assert_eq!(apply(status, Some(header), None), want, "{status} {header:?}");
            }
        }
    }

    #[test]
    fn retry_after_and_defaults() {
        type Case<'a> = (u16, Option<&'a str>, Option<&'a str>, (u64, u64, u64));
        #[rustfmt::skip]
        let cases: &[Case] = &[
            (429, None,                  None,          (60_000, 60_000, 60_000)),
            (429, Some(""),              Some("  "),    (60_000, 60_000, 60_000)),
            (429, None,                  Some("120"),   (120_000, 120_000, 120_000)),
            (429, None,                  Some("0"),     (0, 0, 0)),
            (429, None,                  Some("soon"),  (60_000, 60_000, 60_000)),
            (429, None,                  Some("Wed, 21 Oct 2015 07:28:00 GMT"), (60_000, 60_000, 60_000)),
            (429, None,                  Some("1e99"),  (60_000, 60_000, 60_000)),
            // X-Sentry-Rate-Limits wins over Retry-After, even when it limits nothing we send.
            (429, Some("10:error"),      Some("120"),   (10_000, 0, 0)),
            (429, Some("10:transaction"), Some("120"),  (0, 0, 0)),
            (429, Some("nonsense"),      None,          (0, 0, 0)),
            // Retry-After and the 60 s default apply to 429 only.
            (200, None,                  Some("120"),   (0, 0, 0)),
            (503, None,                  Some("120"),   (0, 0, 0)),
            (413, None,                  None,          (0, 0, 0)),
            (0,   None,                  None,          (0, 0, 0)),
            // The header counts on any status, 200 included.
            (200, Some("30:error"),      None,          (30_000, 0, 0)),
        ];
        for &(status, rl, ra, want) in cases {
            assert_eq!(apply(status, rl, ra), want, "{status} {rl:?} {ra:?}");
        }
    }

    #[test]
    fn longest_deadline_wins_across_responses() {
        let mut l = RateLimits::new();
        l.update(200, Some("100:error"), None, NOW);
        l.update(200, Some("10:error"), None, NOW);
        assert_eq!(l.disabled_until(Error), NOW + 100_000);
        l.update(429, None, Some("5"), NOW);
        assert_eq!(l.disabled_until(Error), NOW + 100_000, "all=5s does not shorten error=100s");
        assert_eq!(l.disabled_until(Internal), NOW + 5_000);
        l.update(429, None, Some("500"), NOW);
        assert_eq!(l.disabled_until(Error), NOW + 500_000, "a longer all-limit covers error");
    }

    #[test]
    fn limits_expire() {
        let mut l = RateLimits::new();
        l.update(429, Some("10:error, 2::key"), None, NOW);
        #[rustfmt::skip]
        let cases = [
            (NOW,          true,  true),
            (NOW + 1_999,  true,  true),
            (NOW + 2_000,  true,  false),
            (NOW + 9_999,  true,  false),
            (NOW + 10_000, false, false),
        ];
        for (t, error, internal) in cases {
            assert_eq!((l.is_limited(Error, t), l.is_limited(Internal, t)), (error, internal), "at {t}");
        }
        assert!(!l.is_all_limited(NOW + 2_000));
    }

    #[test]
    fn random_headers_never_panic_and_stay_bounded() {
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        const PARTS: &[&str] = &[
            "0",
            "1",
            "60",
            "2.5",
            ".",
            ":",
            ";",
            ",",
            " ",
            "error",
            "internal",
            "transaction",
            "",
            "-",
            "99999999999999999999",
            "é",
            "\u{0}",
            "key",
            "organization",
            "e",
            "\t",
        ];
        let mut l = RateLimits::new();
        for _ in 0..20_000 {
            let mut h = String::new();
            for _ in 0..next() % 12 {
                h.push_str(PARTS[(next() % PARTS.len() as u64) as usize]);
            }
            let now = next() % (u64::MAX / 2);
            let status = [0, 200, 413, 429, 500, 503, (next() % 1000) as u16][(next() % 7) as usize];
            let rl = (next() % 2 == 0).then_some(h.as_str());
            let ra = (next() % 2 == 0).then_some(h.as_str());
            l.update(status, rl, ra, now);
            let _ = l.is_limited(Error, now);
            assert!(l.categories.len() <= 2);
        }
    }
}
