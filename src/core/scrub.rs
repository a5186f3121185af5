//! Privacy scrubbing, as `@sentry/browser` users expect with
//! `sendDefaultPii: false`: values under sensitive keys, sensitive URL query
//! and fragment parameters, URL passwords, auth and cookie headers, and card
//! numbers become `"[Filtered]"` before anything leaves the page.
//!
//! # Which keys are sensitive
//!
//! The names follow Relay's default `@password` rule (`password|secret|passwd|
//! api[-_]key|apikey|auth|credentials|mysql_pwd|privatekey|private[-_]key|
//! token|^otp$|^two[-_]factor$`, substring, case-insensitive) and the session
//! and CSRF cookie names Relay filters, with two refinements so that ordinary
//! keys survive: `auth` and `token` must be (the end of) a *word*, so `author`,
//! `authority`, `authenticated` and `tokenizer_version` are kept, and `session`
//! and `cookie` must be the key's *last* word, so `session_count` and
//! `cookie_consent` are kept.
//!
//! A key is split into words at every ASCII character that is not a letter or
//! digit (`-`, `_`, ` `, `.`, `[`, ...) and where a lowercase letter or digit
//! is followed by an uppercase one (`apiKey` = `api` `key`); words are compared
//! in ASCII lowercase, and `flat` is all words joined (`X-Api_Key` -> `xapikey`).
//! Non-ASCII characters are word characters and never match. A key is
//! sensitive if
//! - `flat` contains one of [`ANYWHERE`] (`password`, `secret`, `apikey`,
//!   `credential`, `authorization`, `csrf`, `sessionid`, `creditcard`, ...), or
//! - `flat` is `twofactor`, or
//! - any word is one of [`WORD`] (`auth`, `pwd`, `otp`, `pin`, `sid`, `cvv`, ...)
//!   or ends with `token` or `auth` (`accessToken`, `csrftoken`, `oauth`), or
//! - the last word ends with `session`, `cookie` or `cookies` (`Set-Cookie`,
//!   `user_session`, `__session`).
//!
//! Null and boolean values and empty strings under a sensitive key are kept:
//! they hide nothing (Relay likewise only filters strings, numbers, arrays and
//! objects).

use std::borrow::Cow;

use super::stacktrace::{find_byte, rfind_byte};
use super::value::Value;

pub const FILTERED: &str = "[Filtered]";

/// Sensitive wherever they occur in the joined, lowercased key.
pub const ANYWHERE: &[&str] = &[
    "password",
    "passwd",
    "passphrase",
    "passcode",
    "secret",
    "apikey",
    "authkey",
    "privatekey",
    "credential",
    "authorization",
    "mysqlpwd",
    "csrf",
    "xsrf",
    "sessionid",
    "sessid",
    "sessionkey",
    "jwt",
    "creditcard",
    "cardnumber",
    "ccnumber",
];

/// Sensitive when a whole word of the key.
pub const WORD: &[&str] = &["auth", "pwd", "otp", "pin", "sid", "cvv", "cvc", "ssn"];

/// Sensitive at the end of any word.
const WORD_SUFFIX: &[&str] = &["token", "auth"];

/// Sensitive at the end of the key's last word.
const LAST_WORD_SUFFIX: &[&str] = &["session", "cookie", "cookies"];

/// Whether values under `key` must be filtered; see the module docs for the rule.
pub fn is_sensitive_key(key: &str) -> bool {
    sensitive_name(key.as_bytes())
}

/// [`is_sensitive_key`] on bytes (a percent-decoded name need not be UTF-8).
/// Bytes of non-ASCII characters are word bytes that match no rule, so this
/// is the same as working on chars.
fn sensitive_name(key: &[u8]) -> bool {
    let mut flat: Vec<u8> = Vec::with_capacity(key.len());
    let mut word_start = 0;
    let mut last_word = 0..0;
    let mut prev_lower = false;
    for &c in key {
        let sep = c.is_ascii() && !c.is_ascii_alphanumeric();
        if sep || (prev_lower && c.is_ascii_uppercase()) {
            if end_word(&flat, word_start, &mut last_word) {
                return true;
            }
            word_start = flat.len();
        }
        if !sep {
            flat.push(c.to_ascii_lowercase());
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
    }
    if end_word(&flat, word_start, &mut last_word) {
        return true;
    }
    if let Some(last) = flat.get(last_word) {
        if LAST_WORD_SUFFIX.iter().any(|s| last.ends_with(s.as_bytes())) {
            return true;
        }
    }
    // A plain window scan: keys are short, and `str::contains` would pull
    // the two-way searcher into the wasm.
    flat == b"twofactor" || ANYWHERE.iter().any(|s| flat.windows(s.len()).any(|w| w == s.as_bytes()))
}

/// Checks the word `flat[start..]` and remembers it as the last non-empty one.
fn end_word(flat: &[u8], start: usize, last: &mut std::ops::Range<usize>) -> bool {
    let w = flat.get(start..).unwrap_or(&[]);
    if w.is_empty() {
        return false;
    }
    *last = start..flat.len();
    WORD.iter().any(|s| w == s.as_bytes()) || WORD_SUFFIX.iter().any(|s| w.ends_with(s.as_bytes()))
}

/// Whether all of `s` is a payment card number: 13 to 19 digits, either
/// unbroken or in groups of 3 to 6 digits separated by single spaces or by
/// single dashes (one kind throughout), passing the Luhn check. The first
/// digit must be 2 to 6 (Mastercard, Amex/Diners/JCB, Visa, Discover/
/// UnionPay/Maestro), which keeps 13-digit millisecond timestamps and
/// 18/19-digit snowflake ids, all starting with 1, from being filtered.
pub fn looks_like_card_number(s: &str) -> bool {
    let b = s.as_bytes();
    let (groups, end) = digit_run(b, 0);
    end == b.len() && !groups.is_empty() && card_window(b, &groups, 0, groups.len() - 1)
}

/// Groups of digits from `start`, joined by single spaces or dashes:
/// (each group's byte range, end of the run).
fn digit_run(b: &[u8], start: usize) -> (Vec<(usize, usize)>, usize) {
    let mut groups = Vec::new();
    let mut i = start;
    loop {
        let g = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == g {
            break;
        }
        groups.push((g, i));
        let sep = matches!(b.get(i), Some(b' ' | b'-'));
        if sep && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
            i += 1;
        } else {
            break;
        }
    }
    let end = groups.last().map_or(start, |g| g.1);
    (groups, end)
}

/// Whether groups `a..=z` of a run form a card number.
fn card_window(b: &[u8], groups: &[(usize, usize)], a: usize, z: usize) -> bool {
    let Some(window) = groups.get(a..=z) else {
        return false;
    };
    let (Some(first), Some(last)) = (window.first(), window.last()) else {
        return false;
    };
    // One separator kind throughout: the byte after each group but the last.
    let sep = b.get(first.1);
    let mut count = 0usize;
    for (k, &(s, e)) in window.iter().enumerate() {
        let len = e.saturating_sub(s);
        if window.len() > 1 && !(3..=6).contains(&len) {
            return false;
        }
        if k + 1 < window.len() && b.get(e) != sep {
            return false;
        }
        count = count.saturating_add(len);
    }
    if !(13..=19).contains(&count) || !matches!(b.get(first.0), Some(b'2'..=b'6')) {
        return false;
    }
    // Luhn, from the rightmost digit.
    let mut sum = 0u32;
    let mut double = false;
    for &d in b.get(first.0..last.1).unwrap_or(&[]).iter().rev() {
        if !d.is_ascii_digit() {
            continue;
        }
        let mut n = u32::from(d - b'0');
        if double {
            n *= 2;
            if n > 9 {
                n -= 9;
            }
        }
        sum += n;
        double = !double;
    }
    sum % 10 == 0
}

/// Replaces each card number inside `s` with [`FILTERED`]: whole strings and
/// embedded ones ("card 4111 1111 1111 1111 declined"), as Relay's
/// `@creditcard` rule does. A candidate must not touch an ASCII letter or
/// digit on either side (`order4111111111111111` is kept). Within a longer run
/// of digit groups, the first start that gives a card, with its longest card,
/// wins. `None` if nothing was found.
fn scrub_card_numbers(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut i = 0;
    while i < b.len() {
        if !b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
            continue;
        }
        let glued_before = i > 0 && b.get(i - 1).is_some_and(u8::is_ascii_alphanumeric);
        let (groups, end) = digit_run(b, i);
        let glued_after = b.get(end).is_some_and(u8::is_ascii_alphanumeric);
        let n = groups.len();
        let mut a = usize::from(glued_before);
        while a < n {
            let mut digits = 0usize;
            let mut best = None;
            for z in a..n {
                digits = digits.saturating_add(groups.get(z).map_or(0, |g| g.1 - g.0));
                if digits > 19 {
                    break;
                }
                let end_ok = !(glued_after && z + 1 == n);
                if end_ok && card_window(b, &groups, a, z) {
                    best = Some(z);
                }
            }
            let (Some(z), Some(&(from, _))) = (best, groups.get(a)) else {
                a += 1;
                continue;
            };
            let to = groups.get(z).map_or(from, |g| g.1);
            let o = out.get_or_insert_with(|| String::with_capacity(s.len()));
            o.push_str(s.get(copied..from).unwrap_or(""));
            o.push_str(FILTERED);
            copied = to;
            a = z + 1;
        }
        i = end.max(i + 1);
    }
    let mut o = out?;
    o.push_str(s.get(copied..).unwrap_or(""));
    Some(o)
}

/// Filters, recursively: every value under a sensitive key (unless null,
/// boolean or an empty string), every card number in a string (whole or
/// embedded, see [`looks_like_card_number`]) and every JSON number whose
/// digits are a card number.
pub fn scrub_value(v: &mut Value) {
    match v {
        Value::String(s) => {
            if let Some(clean) = scrub_card_numbers(s) {
                *s = clean;
            }
        }
        Value::Number(n) => {
            if looks_like_card_number(n) {
                *v = Value::String(FILTERED.to_owned());
            }
        }
        Value::Array(items) => items.iter_mut().for_each(scrub_value),
        Value::Object(members) => {
            for (k, val) in members {
                let hides_something = match val {
                    Value::Null | Value::Bool(_) => false,
                    Value::String(s) => !s.is_empty(),
                    _ => true,
                };
                if hides_something && is_sensitive_key(k) {
                    *val = Value::String(FILTERED.to_owned());
                } else {
                    scrub_value(val);
                }
            }
        }
        Value::Null | Value::Bool(_) => {}
    }
}

/// Filters the password in a URL's userinfo (`https://user:pass@host/` ->
/// `https://user:[Filtered]@host/`) and the non-empty values of query
/// parameters, and of fragment parameters (`#access_token=..&x=y`, or after a
/// `?` in the fragment as hash routers write `#/reset?token=..`), whose names
/// are sensitive keys. Names are percent- and `+`-decoded for the comparison
/// only; everything else is kept byte for byte.
///
/// Text with ASCII whitespace in it (a breadcrumb message such as
/// `GET https://x/?token=abc failed`) is treated word by word, each word as
/// a URL; a real URL has no whitespace, so for URLs this changes nothing.
pub fn scrub_url(url: &str) -> Cow<'_, str> {
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let b = url.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
            continue;
        }
        let start = i;
        while b.get(i).is_some_and(|c| !c.is_ascii_whitespace()) {
            i += 1;
        }
        if let Some(word) = b.get(start..i) {
            url_word(word, start, &mut cuts);
        }
    }
    if cuts.is_empty() {
        return Cow::Borrowed(url);
    }
    let mut out = String::with_capacity(url.len());
    let mut copied = 0;
    for (from, to) in cuts {
        out.push_str(url.get(copied..from).unwrap_or(""));
        out.push_str(FILTERED);
        copied = to;
    }
    out.push_str(url.get(copied..).unwrap_or(""));
    Cow::Owned(out)
}

/// Collects (in order) the byte ranges of `word` to filter, offset by `base`.
fn url_word(b: &[u8], base: usize, cuts: &mut Vec<(usize, usize)>) {
    // Authority: after `scheme://` or a leading `//`.
    let scheme_end = b.iter().position(|&c| !(c.is_ascii_alphanumeric() || matches!(c, b'+' | b'-' | b'.')));
    let auth_start = match scheme_end {
        Some(n) if n > 0 && b.first().is_some_and(u8::is_ascii_alphabetic) => b.get(n..n + 3).filter(|s| *s == b"://").map(|_| n + 3),
        Some(0) if b.starts_with(b"//") => Some(2),
        _ => None,
    };
    let mut rest = 0;
    if let Some(s) = auth_start {
        let tail = b.get(s..).unwrap_or(&[]);
        let len = tail.iter().position(|c| matches!(c, b'/' | b'?' | b'#' | b'\\')).unwrap_or(tail.len());
        let authority = tail.get(..len).unwrap_or(&[]);
        if let Some(at) = rfind_byte(authority, b'@') {
            let userinfo = authority.get(..at).unwrap_or(&[]);
            if let Some(colon) = find_byte(userinfo, b':') {
                if colon + 1 < at {
                    cuts.push((base + s + colon + 1, base + s + at));
                }
            }
        }
        rest = s + len;
    }
    let tail = b.get(rest..).unwrap_or(&[]);
    let hash = find_byte(tail, b'#');
    let before_hash = tail.get(..hash.unwrap_or(tail.len())).unwrap_or(&[]);
    if let Some(q) = find_byte(before_hash, b'?') {
        let query = before_hash.get(q + 1..).unwrap_or(&[]);
        params(query, base + rest + q + 1, cuts);
    }
    if let Some(h) = hash {
        let frag = tail.get(h + 1..).unwrap_or(&[]);
        let frag_base = base + rest + h + 1;
        if let Some(q) = find_byte(frag, b'?') {
            params(frag.get(q + 1..).unwrap_or(&[]), frag_base + q + 1, cuts);
        } else if find_byte(frag, b'=').is_some() {
            params(frag, frag_base, cuts);
        }
    }
}

/// `a=b&c=d`: the ranges of non-empty values under sensitive names.
fn params(s: &[u8], base: usize, cuts: &mut Vec<(usize, usize)>) {
    let mut at = base;
    for pair in s.split(|&c| c == b'&') {
        if let Some(eq) = find_byte(pair, b'=') {
            let name = pair.get(..eq).unwrap_or(&[]);
            if eq + 1 < pair.len() && sensitive_name(&percent_decode(name)) {
                cuts.push((at + eq + 1, at + pair.len()));
            }
        }
        at += pair.len() + 1;
    }
}

/// `%XX` and `+` decoded; invalid escapes are kept as they are.
fn percent_decode(b: &[u8]) -> Cow<'_, [u8]> {
    if !b.iter().any(|&c| c == b'%' || c == b'+') {
        return Cow::Borrowed(b);
    }
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while let Some(&c) = b.get(i) {
        let hex = |k: usize| b.get(k).and_then(|&h| char::from(h).to_digit(16));
        match (c, hex(i + 1), hex(i + 2)) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b'+', ..) => {
                out.push(b' ');
                i += 1;
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    Cow::Owned(out)
}

/// Headers that carry the client's IP address (a worker sees them on every
/// request): no IP leaves without `sendDefaultPii`.
const IP_HEADERS: &[&str] = &[
    "cf-connecting-ip",
    "cf-connecting-ipv6",
    "cf-pseudo-ipv4",
    "true-client-ip",
    "x-forwarded-for",
    "x-real-ip",
    "x-client-ip",
    "x-cluster-client-ip",
    "fastly-client-ip",
    "forwarded",
];

/// Filters the values of sensitive headers: `Cookie`, `Set-Cookie`,
/// `Authorization`, `Proxy-Authorization`, `X-*-Token`, `X-Api-Key` and any
/// other name [`is_sensitive_key`] accepts, and the client IP headers. A
/// `Referer` value, being a URL, goes through [`scrub_url`]. Empty values
/// are kept.
pub fn scrub_headers(headers: &mut [(String, String)]) {
    for (name, value) in headers.iter_mut() {
        if value.is_empty() {
            continue;
        }
        if is_sensitive_key(name) || IP_HEADERS.iter().any(|h| name.eq_ignore_ascii_case(h)) {
            FILTERED.clone_into(value);
        } else if name.eq_ignore_ascii_case("referer") || name.eq_ignore_ascii_case("referrer") {
            if let Cow::Owned(clean) = scrub_url(value) {
                *value = clean;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::json::ToJson;
    use crate::core::value::parse;

    #[test]
    fn sensitive_keys() {
        let yes = [
            "password",
            "PASSWORD",
            "Password",
            "user_password",
            "passwordConfirm",
            "new-password",
            "pass_word",
            "passwd",
            "pwd",
            "user_pwd",
            "MYSQL_PWD",
            "secret",
            "client_secret",
            "secretKey",
            "passphrase",
            "token",
            "access_token",
            "accessToken",
            "AccessToken",
            "refresh-token",
            "id_token",
            "csrftoken",
            "X-CSRF-Token",
            "x-auth-token",
            "nextPageToken",
            "token_type",
            "api_key",
            "apikey",
            "api-key",
            "API Key",
            "apiKey",
            "X-Api-Key",
            "x_api_key",
            "auth",
            "Auth",
            "auth_type",
            "authKey",
            "basic_auth",
            "oauth",
            "httpAuth",
            "authorization",
            "Authorization",
            "Proxy-Authorization",
            "credentials",
            "credential",
            "awsCredentials",
            "cookie",
            "Cookie",
            "cookies",
            "Set-Cookie",
            "set_cookie",
            "requestCookies",
            "session",
            "Session",
            "__session",
            "user_session",
            "mysession",
            "sessionid",
            "sessionId",
            "session_id",
            "SESSION-ID",
            "PHPSESSID",
            "session_key",
            "csrf",
            "_csrf",
            "xsrf",
            "XSRF-TOKEN",
            "csrf_token",
            "private_key",
            "privateKey",
            "private-key",
            "PRIVATEKEY",
            "credit_card",
            "creditCard",
            "credit card number",
            "card_number",
            "cardNumber",
            "cc_number",
            "cvv",
            "CVC",
            "ssn",
            "pin",
            "pin_code",
            "otp",
            "two_factor",
            "two-factor",
            "connect.sid",
            "jwt",
            "_vercel_jwt",
            "auth[token]",
            "data.password",
            "  token  ",
            "ключ_token",
            "secretary",
        ];
        let no = [
            "",
            "author",
            "Author",
            "authors",
            "authority",
            "authenticated",
            "isAuthenticated",
            "unauthorized",
            "tokenizer_version",
            "tokenizer",
            "max_tokens",
            "prompt_tokens",
            "monkey",
            "keyboard",
            "key",
            "public_key",
            "publicKey",
            "pass",
            "passed",
            "bypass",
            "compass",
            "passenger",
            "session_count",
            "sessionReplayId",
            "sessionStorage",
            "cookie_consent",
            "cookieEnabled",
            "user",
            "username",
            "email",
            "id",
            "message",
            "url",
            "spin",
            "pinned",
            "opinion",
            "sidebar",
            "inside",
            "cards",
            "card",
            "cvvx",
            "пароль",
            "ключ",
            "😀",
            "---",
            "secre",
        ];
        for k in yes {
            assert!(is_sensitive_key(k), "{k:?} should be sensitive");
        }
        for k in no {
            assert!(!is_sensitive_key(k), "{k:?} should not be sensitive");
        }
    }

    #[test]
    fn card_numbers() {
        let yes = [
            "4111111111111111",
            "4111 1111 1111 1111",
            "4111-1111-1111-1111",
            "5555555555554444",
            "5555 5555 5555 4444",
            "378282246310005",
            "3782 822463 10005",
            "6011111111111117",
            "6011 0009 9013 9424",
            "30569309025904",
            "4222222222222",
            "2223003122003222",
            "6250941006528599",
            "4111111111111111110",
        ];
        let no = [
            "",
            "4111111111111112",
            "4111 1111 1111 1112",
            "4111  1111 1111 1111",
            "4111-1111 1111-1111",
            "4111 1111 1111 1111 ",
            " 4111 1111 1111 1111",
            "-4111111111111111",
            "41 11 11 11 11 11 11 11",
            "4111111111111111111111",
            "411111111111",
            "1700000000000",
            "1234567812345670",
            "0000000000000000",
            "4111111111111111a",
            "4111.1111.1111.1111",
            "٤١١١١١١١١١١١١١١١",
        ];
        for s in yes {
            assert!(looks_like_card_number(s), "{s:?} should be a card");
        }
        for s in no {
            assert!(!looks_like_card_number(s), "{s:?} should not be a card");
        }
    }

    fn scrubbed(json: &str) -> String {
        let mut v = parse(json).unwrap();
        scrub_value(&mut v);
        v.to_json()
    }

    #[test]
    fn values() {
        let cases: &[(&str, &str)] = &[
            ("{}", "{}"),
            ("[]", "[]"),
            ("null", "null"),
            (r#""""#, r#""""#),
            (r#"{"password":"hunter2","user":"bob"}"#, r#"{"password":"[Filtered]","user":"bob"}"#),
            (r#"{"a":{"b":[{"apiKey":"k","n":1}]}}"#, r#"{"a":{"b":[{"apiKey":"[Filtered]","n":1}]}}"#),
            (r#"{"token":123,"secret":[1,2],"auth":{"x":1}}"#, r#"{"token":"[Filtered]","secret":"[Filtered]","auth":"[Filtered]"}"#),
            (r#"{"password":null,"auth":true,"token":""}"#, r#"{"password":null,"auth":true,"token":""}"#),
            (r#"{"author":"Ann","monkey":"x","tokenizer_version":"2"}"#, r#"{"author":"Ann","monkey":"x","tokenizer_version":"2"}"#),
            (r#"{"ключ":"v","пароль":"v","ключ_token":"v"}"#, r#"{"ключ":"v","пароль":"v","ключ_token":"[Filtered]"}"#),
            (r#""4111 1111 1111 1111""#, r#""[Filtered]""#),
            (r#"["4111111111111111",4111111111111111,1700000000000,"1700000000000"]"#, r#"["[Filtered]","[Filtered]",1700000000000,"1700000000000"]"#),
            (r#"{"note":"card 4111-1111-1111-1111 was declined"}"#, r#"{"note":"card [Filtered] was declined"}"#),
            (r#""on 2024-01-05 4111 1111 1111 1111, ok""#, r#""on 2024-01-05 [Filtered], ok""#),
            (r#""a 4111111111111111 b 5555555555554444""#, r#""a [Filtered] b [Filtered]""#),
            (r#""x4111111111111111 4111111111111111y""#, r#""x4111111111111111 4111111111111111y""#),
            (r#""id 123 4111111111111111""#, r#""id 123 [Filtered]""#),
            (r#""4111111111111112""#, r#""4111111111111112""#),
            (r#""😀4111111111111111😀""#, r#""😀[Filtered]😀""#),
            (r#"{"":"4111111111111111"}"#, r#"{"":"[Filtered]"}"#),
            (r#"{"n":4111111111111111.0}"#, r#"{"n":4111111111111111.0}"#),
        ];
        for &(input, want) in cases {
            assert_eq!(scrubbed(input), want, "{input}");
        }
    }

    #[test]
    fn urls() {
        let cases: &[(&str, &str)] = &[
            ("", ""),
            ("https://example.com/", "https://example.com/"),
            ("https://example.com/?a=1&token=abc&b=2", "https://example.com/?a=1&token=[Filtered]&b=2"),
            ("https://x.io/p?password=p%20w&author=me#top", "https://x.io/p?password=[Filtered]&author=me#top"),
            ("/relative?api_key=K", "/relative?api_key=[Filtered]"),
            ("?api%5Fkey=K&api+key=K2&%zz=1", "?api%5Fkey=[Filtered]&api+key=[Filtered]&%zz=1"),
            ("https://x/?token=&token&token=a", "https://x/?token=&token&token=[Filtered]"),
            ("https://x/?a=1&&b=2&", "https://x/?a=1&&b=2&"),
            ("https://x/?a=b=c&secret=s=t", "https://x/?a=b=c&secret=[Filtered]"),
            ("https://user:pass@host.com/p?q=1", "https://user:[Filtered]@host.com/p?q=1"),
            ("https://user@host.com/", "https://user@host.com/"),
            ("https://user:@host.com/", "https://user:@host.com/"),
            ("ftp://a:b:c@h", "ftp://a:[Filtered]@h"),
            ("//u:p@cdn.example.com/x.js", "//u:[Filtered]@cdn.example.com/x.js"),
            ("https://host.com/a@b:c", "https://host.com/a@b:c"),
            ("https://h/#access_token=abc&token_type=bearer&state=1", "https://h/#access_token=[Filtered]&token_type=[Filtered]&state=1"),
            ("https://h/#/reset?token=abc", "https://h/#/reset?token=[Filtered]"),
            ("https://h/#section", "https://h/#section"),
            ("https://h/#a=b&c=d", "https://h/#a=b&c=d"),
            ("https://h/?x=1#sessionid=9", "https://h/?x=1#sessionid=[Filtered]"),
            ("https://h/?q=a#b?c#d", "https://h/?q=a#b?c#d"),
            ("https://h/?тoken=1&ключ_token=2", "https://h/?тoken=1&ключ_token=[Filtered]"),
            ("GET https://x/?token=abc failed", "GET https://x/?token=[Filtered] failed"),
            ("a\thttps://u:p@h/?pwd=1\n", "a\thttps://u:[Filtered]@h/?pwd=[Filtered]\n"),
            ("not a url", "not a url"),
            ("mailto:a@b.c?subject=x", "mailto:a@b.c?subject=x"),
            ("?", "?"),
            ("#", "#"),
            ("@:", "@:"),
        ];
        for &(input, want) in cases {
            let got = scrub_url(input);
            assert_eq!(got, want, "{input}");
            assert_eq!(matches!(got, Cow::Borrowed(_)), input == want, "{input}");
        }
    }

    #[test]
    fn headers() {
        let h = |n: &str, v: &str| (n.to_owned(), v.to_owned());
        let mut headers = vec![
            h("Cookie", "a=1; sessionid=2"),
            h("set-cookie", "x=y"),
            h("Authorization", "Bearer abc"),
            h("Proxy-Authorization", "Basic xyz"),
            h("X-CSRF-Token", "t"),
            h("X-Amz-Security-Token", "t"),
            h("X-Api-Key", "k"),
            h("User-Agent", "Mozilla/5.0"),
            h("Accept", "*/*"),
            h("X-Author", "me"),
            h("Referer", "https://h/p?token=abc&q=1"),
            h("CF-Connecting-IP", "203.0.113.7"),
            h("x-forwarded-for", "203.0.113.7, 10.0.0.1"),
            h("X-Real-IP", "203.0.113.7"),
            h("Forwarded", "for=203.0.113.7"),
            h("Authorization", ""),
            h("", ""),
        ];
        scrub_headers(&mut headers);
        let want = vec![
            h("Cookie", FILTERED),
            h("set-cookie", FILTERED),
            h("Authorization", FILTERED),
            h("Proxy-Authorization", FILTERED),
            h("X-CSRF-Token", FILTERED),
            h("X-Amz-Security-Token", FILTERED),
            h("X-Api-Key", FILTERED),
            h("User-Agent", "Mozilla/5.0"),
            h("Accept", "*/*"),
            h("X-Author", "me"),
            h("Referer", "https://h/p?token=[Filtered]&q=1"),
            h("CF-Connecting-IP", FILTERED),
            h("x-forwarded-for", FILTERED),
            h("X-Real-IP", FILTERED),
            h("Forwarded", FILTERED),
            h("Authorization", ""),
            h("", ""),
        ];
        assert_eq!(headers, want);
        let mut empty = Vec::new();
        scrub_headers(&mut empty);
        assert!(empty.is_empty());
    }

    use crate::testing::Rng;

    #[test]
    fn random_inputs_never_panic_and_scrubbing_is_idempotent() {
        let pieces: &[&str] = &[
            "https://",
            "//",
            "http:",
            "u",
            ":",
            "@",
            "p",
            "/",
            "?",
            "#",
            "&",
            "=",
            "token",
            "api%5Fkey",
            "%",
            "%4",
            "+",
            "author",
            "Set-Cookie",
            "_",
            "-",
            " ",
            "\t",
            "4111",
            "1111",
            "4111111111111111",
            "5555 5555 5555 4444",
            "1",
            "0",
            "é",
            "😀",
            "ключ",
            "\u{0}",
            "[",
            "]",
            ".",
            "Password",
            "sessionId",
            "a",
            "Z",
            "\\",
            "\"",
        ];
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        for _ in 0..200_000 {
            let n = (rng.next() % 12) as usize;
            let s: String = (0..n).map(|_| rng.pick(pieces)).collect();

            let _ = is_sensitive_key(&s);
            let _ = looks_like_card_number(&s);

            let once = scrub_url(&s).into_owned();
            assert_eq!(scrub_url(&once), once.as_str(), "{s:?}");

            let mut v = Value::Object(vec![(s.clone(), Value::String(s.clone())), ("k".to_owned(), Value::Array(vec![Value::String(s.clone())]))]);
            scrub_value(&mut v);
            let mut again = v.clone();
            scrub_value(&mut again);
            assert_eq!(again, v, "{s:?}");
            assert!(parse(&v.to_json()).is_ok(), "{s:?}");
            if let Some(Value::String(t)) = v.get("k").and_then(|a| match a {
                Value::Array(xs) => xs.first(),
                _ => None,
            }) {
                // Card digits never survive scrubbing; other text stays.
                if looks_like_card_number(&s) {
                    assert_eq!(t, FILTERED);
                }
                if !s.bytes().any(|b| b.is_ascii_digit()) {
                    assert_eq!(t, &s);
                }
            }

            let mut hs = vec![(s.clone(), s.clone()), ("Referer".to_owned(), s.clone())];
            scrub_headers(&mut hs);
        }
    }
}
