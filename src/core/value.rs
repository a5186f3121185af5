//! Free-form JSON data: extras, contexts, user data, tags and whole events
//! handed over from JS as JSON text.
//!
//! Numbers keep their JSON text exactly as given (validated against the RFC
//! 8259 grammar), so no float parsing or formatting code reaches the wasm.
//! Objects keep insertion order; a duplicate key keeps its first position and
//! its last value, as `JSON.parse` does (JS's own reordering of integer-like
//! keys is not imitated).
//!
//! The parser is a byte cursor: total (every input gives `Ok` or `Err`, never a
//! panic), linear in the input (duplicate keys are found with a small hash
//! table once an object has more than a handful of members) and recursion is
//! capped at [`MAX_DEPTH`] nested arrays/objects.

use std::fmt;

use super::json::{write_str, Obj, ToJson};

/// The deepest nesting of arrays and objects `parse` accepts. `serde_json`'s
/// default limit lets 127 levels through, so this is chosen to match it:
/// everything accepted here is accepted there too.
pub const MAX_DEPTH: usize = 127;

/// One JSON value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Null,
    Bool(bool),
    /// The number's JSON text, exactly as it was given.
    Number(String),
    String(String),
    Array(Vec<Value>),
    /// Members in insertion order, keys unique after `parse`.
    Object(Vec<(String, Value)>),
}

/// Why `parse` refused its input. Each variant names one failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseValueError {
    /// The input ended inside a value (or was empty).
    UnexpectedEnd,
    /// A character that cannot start or continue a value here.
    UnexpectedChar,
    /// A number that breaks the JSON number grammar (`01`, `1.`, `.1`, `-`, `1e`).
    InvalidNumber,
    /// A backslash escape other than `\" \\ \/ \b \f \n \r \t \uXXXX`.
    InvalidEscape,
    /// A raw control character (U+0000..U+001F) inside a string.
    ControlCharacter,
    /// Arrays/objects nested deeper than [`MAX_DEPTH`].
    TooDeep,
    /// More than whitespace after the value.
    TrailingCharacters,
}

impl ParseValueError {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::UnexpectedEnd => "the JSON ends too early",
            Self::UnexpectedChar => "the JSON has an unexpected character",
            Self::InvalidNumber => "the JSON has an invalid number",
            Self::InvalidEscape => "the JSON has an invalid string escape",
            Self::ControlCharacter => "the JSON has a raw control character in a string",
            Self::TooDeep => "the JSON nests arrays and objects too deeply",
            Self::TrailingCharacters => "the JSON has characters after its value",
        }
    }
}

impl fmt::Display for ParseValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::error::Error for ParseValueError {}

/// Parses one RFC 8259 JSON text: surrounding whitespace is allowed, a byte
/// order mark, `NaN`, `Infinity`, comments and trailing commas are not. A lone
/// surrogate escape (`"\ud800"`) becomes U+FFFD rather than an error, as the
/// text came from `JSON.stringify`, which can produce it.
pub fn parse(json: &str) -> Result<Value, ParseValueError> {
    let mut p = Parser { src: json, bytes: json.as_bytes(), pos: 0 };
    p.skip_ws();
    let v = p.value(0)?;
    p.skip_ws();
    if p.pos < p.bytes.len() {
        return Err(ParseValueError::TrailingCharacters);
    }
    Ok(v)
}

struct Parser<'a> {
    src: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn bump(&mut self) {
        self.pos = self.pos.saturating_add(1);
    }

    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.bump();
        }
    }

    /// Consumes `c` (after whitespace) or fails.
    fn expect(&mut self, c: u8) -> Result<(), ParseValueError> {
        self.skip_ws();
        match self.peek() {
            Some(b) if b == c => {
                self.bump();
                Ok(())
            }
            Some(_) => Err(ParseValueError::UnexpectedChar),
            None => Err(ParseValueError::UnexpectedEnd),
        }
    }

    /// One value starting at the cursor (whitespace already skipped).
    fn value(&mut self, depth: usize) -> Result<Value, ParseValueError> {
        match self.peek() {
            None => Err(ParseValueError::UnexpectedEnd),
            Some(b'n') => self.literal(b"null", Value::Null),
            Some(b't') => self.literal(b"true", Value::Bool(true)),
            Some(b'f') => self.literal(b"false", Value::Bool(false)),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') => self.array(depth),
            Some(b'{') => self.object(depth),
            Some(_) => Err(ParseValueError::UnexpectedChar),
        }
    }

    fn literal(&mut self, word: &[u8], v: Value) -> Result<Value, ParseValueError> {
        let end = self.pos.saturating_add(word.len());
        match self.bytes.get(self.pos..end) {
            Some(s) if s == word => {
                self.pos = end;
                Ok(v)
            }
            Some(_) => Err(ParseValueError::UnexpectedChar),
            // Too short: a prefix of the word is an early end, anything else is wrong.
            None => match self.bytes.get(self.pos..) {
                Some(rest) if word.starts_with(rest) => Err(ParseValueError::UnexpectedEnd),
                _ => Err(ParseValueError::UnexpectedChar),
            },
        }
    }

    /// A number, kept as text.
    fn number(&mut self) -> Result<Value, ParseValueError> {
        let start = self.pos;
        let text = self.bytes.get(start..).and_then(number_len).and_then(|n| self.src.get(start..start + n));
        let text = text.ok_or(ParseValueError::InvalidNumber)?;
        self.pos = start + text.len();
        Ok(Value::Number(text.to_owned()))
    }

    fn hex4(&mut self) -> Result<u32, ParseValueError> {
        let mut n = 0u32;
        for _ in 0..4 {
            let d = match self.peek() {
                Some(b @ b'0'..=b'9') => b - b'0',
                Some(b @ b'a'..=b'f') => b - b'a' + 10,
                Some(b @ b'A'..=b'F') => b - b'A' + 10,
                Some(_) => return Err(ParseValueError::InvalidEscape),
                None => return Err(ParseValueError::UnexpectedEnd),
            };
            n = (n << 4) | u32::from(d);
            self.bump();
        }
        Ok(n)
    }

    /// A string literal; the cursor is on its opening quote.
    fn string(&mut self) -> Result<String, ParseValueError> {
        self.bump();
        let mut out = String::new();
        let mut start = self.pos;
        loop {
            match self.peek() {
                None => return Err(ParseValueError::UnexpectedEnd),
                Some(b'"') => {
                    self.push_src(&mut out, start)?;
                    self.bump();
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.push_src(&mut out, start)?;
                    self.bump();
                    self.escape(&mut out)?;
                    start = self.pos;
                }
                Some(0..=0x1f) => return Err(ParseValueError::ControlCharacter),
                // Multi-byte UTF-8 sequences never contain these ASCII bytes,
                // so walking bytes keeps `start` and the cursor on char boundaries.
                Some(_) => self.bump(),
            }
        }
    }

    fn push_src(&self, out: &mut String, start: usize) -> Result<(), ParseValueError> {
        match self.src.get(start..self.pos) {
            Some(s) => {
                out.push_str(s);
                Ok(())
            }
            None => Err(ParseValueError::UnexpectedChar),
        }
    }

    /// One escape; the cursor is just past the backslash.
    fn escape(&mut self, out: &mut String) -> Result<(), ParseValueError> {
        let c = match self.peek() {
            None => return Err(ParseValueError::UnexpectedEnd),
            Some(b'"') => '"',
            Some(b'\\') => '\\',
            Some(b'/') => '/',
            Some(b'b') => '\u{8}',
            Some(b'f') => '\u{c}',
            Some(b'n') => '\n',
            Some(b'r') => '\r',
            Some(b't') => '\t',
            Some(b'u') => {
                self.bump();
                let u = self.hex4()?;
                out.push(self.code_point(u));
                return Ok(());
            }
            Some(_) => return Err(ParseValueError::InvalidEscape),
        };
        self.bump();
        out.push(c);
        Ok(())
    }

    /// Resolves a `\uXXXX` unit, taking a following `\uDC00..\uDFFF` when
    /// `u` is a high surrogate. Unpaired surrogates become U+FFFD.
    fn code_point(&mut self, u: u32) -> char {
        if (0xD800..0xDC00).contains(&u) {
            let after = self.pos;
            if self.peek() == Some(b'\\') {
                self.bump();
                if self.peek() == Some(b'u') {
                    self.bump();
                    if let Ok(lo @ 0xDC00..=0xDFFF) = self.hex4() {
                        let c = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
                        return char::from_u32(c).unwrap_or(char::REPLACEMENT_CHARACTER);
                    }
                }
            }
            // Not a pair: leave whatever follows to be read on its own.
            self.pos = after;
        }
        char::from_u32(u).unwrap_or(char::REPLACEMENT_CHARACTER)
    }

    fn enter(depth: usize) -> Result<usize, ParseValueError> {
        let d = depth.saturating_add(1);
        if d > MAX_DEPTH {
            return Err(ParseValueError::TooDeep);
        }
        Ok(d)
    }

    fn array(&mut self, depth: usize) -> Result<Value, ParseValueError> {
        let depth = Self::enter(depth)?;
        self.bump();
        let mut items = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b']') {
            self.bump();
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value(depth)?);
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.bump(),
                Some(b']') => {
                    self.bump();
                    return Ok(Value::Array(items));
                }
                Some(_) => return Err(ParseValueError::UnexpectedChar),
                None => return Err(ParseValueError::UnexpectedEnd),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, ParseValueError> {
        let depth = Self::enter(depth)?;
        self.bump();
        let mut members = Vec::new();
        self.skip_ws();
        if self.peek() == Some(b'}') {
            self.bump();
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_ws();
            match self.peek() {
                Some(b'"') => {}
                Some(_) => return Err(ParseValueError::UnexpectedChar),
                None => return Err(ParseValueError::UnexpectedEnd),
            }
            let key = self.string()?;
            self.expect(b':')?;
            self.skip_ws();
            let v = self.value(depth)?;
            members.push((key, v));
            self.skip_ws();
            match self.peek() {
                Some(b',') => self.bump(),
                Some(b'}') => {
                    self.bump();
                    dedupe(&mut members);
                    return Ok(Value::Object(members));
                }
                Some(_) => return Err(ParseValueError::UnexpectedChar),
                None => return Err(ParseValueError::UnexpectedEnd),
            }
        }
    }
}

/// The length of the JSON number at the start of `b`, `-? (0 | [1-9][0-9]*)
/// (\.[0-9]+)? ([eE][+-]?[0-9]+)?`, or `None` when `b` starts with none.
fn number_len(b: &[u8]) -> Option<usize> {
    let digits = |from: usize| b.get(from..).map_or(0, |r| r.iter().take_while(|c| c.is_ascii_digit()).count());
    let mut i = usize::from(b.first() == Some(&b'-'));
    match b.get(i) {
        // A leading zero stands alone: `01` is no number.
        Some(b'0') if digits(i) == 1 => i += 1,
        Some(b'1'..=b'9') => i += digits(i),
        _ => return None,
    }
    if b.get(i) == Some(&b'.') {
        let n = digits(i + 1);
        if n == 0 {
            return None;
        }
        i += 1 + n;
    }
    if let Some(b'e' | b'E') = b.get(i) {
        i += 1 + usize::from(matches!(b.get(i + 1), Some(b'+' | b'-')));
        let n = digits(i);
        if n == 0 {
            return None;
        }
        i += n;
    }
    Some(i)
}

/// Reads a value as js/client.js packs user data for the wasm, which is
/// cheaper to read than JSON (its parser is 1.9 KB gzip of the npm wasm, and
/// unused there now): lengths and counts up front, no escapes, no white space.
///
/// ```text
/// value  = "n" | "t" | "f" | "d" number ";" | "s" text | "a" count ":" value*
///        | "o" count ":" (text value)*
/// text   = length ":" chars           ; length in UTF-16 units, as JS counts
/// number = a JSON number
/// ```
///
/// Total: `None` for anything else, trailing input included; nesting is
/// capped at [`MAX_DEPTH`]. A key given twice keeps both (JS objects never
/// give one twice).
pub fn from_packed(text: &str) -> Option<Value> {
    let mut rest = text;
    let v = packed(&mut rest, 0)?;
    rest.is_empty().then_some(v)
}

fn packed(rest: &mut &str, depth: usize) -> Option<Value> {
    let (&tag, tail) = rest.as_bytes().split_first()?;
    *rest = rest.get(1..)?;
    Some(match tag {
        b'n' => Value::Null,
        b't' => Value::Bool(true),
        b'f' => Value::Bool(false),
        b'd' => {
            let n = number_len(tail).filter(|&n| tail.get(n) == Some(&b';'))?;
            let v = Value::Number(rest.get(..n)?.to_owned());
            *rest = rest.get(n + 1..)?;
            v
        }
        b's' => Value::String(packed_text(rest)?.to_owned()),
        b'a' => {
            let (depth, count) = (Parser::enter(depth).ok()?, packed_count(rest)?);
            let mut items = Vec::new();
            for _ in 0..count {
                items.push(packed(rest, depth)?);
            }
            Value::Array(items)
        }
        b'o' => {
            let (depth, count) = (Parser::enter(depth).ok()?, packed_count(rest)?);
            let mut members = Vec::new();
            for _ in 0..count {
                let key = packed_text(rest)?.to_owned();
                members.push((key, packed(rest, depth)?));
            }
            Value::Object(members)
        }
        _ => return None,
    })
}

/// `digits ":"`: a count or a length.
fn packed_count(rest: &mut &str) -> Option<usize> {
    let (digits, tail) = crate::core::stacktrace::split_byte(rest, b':')?;
    if digits.is_empty() || digits.len() > 9 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    *rest = tail;
    Some(digits.bytes().fold(0, |n, d| n * 10 + usize::from(d - b'0')))
}

fn packed_text<'a>(rest: &mut &'a str) -> Option<&'a str> {
    let units = packed_count(rest)?;
    // ASCII text: a unit is a byte. Only the text's own bytes are looked at.
    let ascii = rest.as_bytes().get(..units).is_some_and(|b| b.is_ascii());
    let at = if ascii { units } else { crate::core::stacktrace::spans::byte_at_units(rest, units) };
    let text = rest.get(..at).filter(|t| ascii || crate::core::stacktrace::spans::utf16_len(t) == units)?;
    *rest = rest.get(at..)?;
    Some(text)
}

/// Keeps each key once, at its first position, with its last value, in
/// linear time (a hash table of indices). One path for every size: a scan
/// for small objects was faster by nanoseconds and cost the wasm code.
fn dedupe(members: &mut Vec<(String, Value)>) {
    let n = members.len();
    if n < 2 {
        return;
    }
    let mut table = vec![usize::MAX; n.saturating_mul(2).next_power_of_two()];
    let mut out: Vec<(String, Value)> = Vec::with_capacity(n);
    for (k, v) in std::mem::take(members) {
        match find_or_claim(&mut table, &out, &k).and_then(|i| out.get_mut(i)) {
            Some(slot) => slot.1 = v,
            None => out.push((k, v)),
        }
    }
    *members = out;
}

/// Open addressing over indices into `out`: the index of `key` if present,
/// otherwise `None` after claiming an empty slot for index `out.len()`.
fn find_or_claim(table: &mut [usize], out: &[(String, Value)], key: &str) -> Option<usize> {
    let mask = table.len().wrapping_sub(1);
    let mut h = fnv1a(key) & mask;
    for _ in 0..table.len() {
        let slot = table.get_mut(h)?;
        if *slot == usize::MAX {
            *slot = out.len();
            return None;
        }
        if out.get(*slot).is_some_and(|(k, _)| k == key) {
            return Some(*slot);
        }
        h = h.wrapping_add(1) & mask;
    }
    None
}

fn fnv1a(s: &str) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    for b in s.bytes() {
        h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
    }
    h as usize
}

impl ToJson for Value {
    fn write_json(&self, out: &mut String) {
        match self {
            Value::Null => out.push_str("null"),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Number(n) => out.push_str(n),
            Value::String(s) => write_str(out, s),
            Value::Array(items) => crate::core::json::write_list(out, items),
            Value::Object(members) => {
                let mut o = Obj::new(out);
                for (k, v) in members {
                    v.write_json(o.key(k));
                }
                o.end();
            }
        }
    }
}

/// What `truncate_strings` appends to a cut string: `truncate` in
/// @sentry/core (`packages/core/src/utils/string.ts`) appends three full stops.
pub const TRUNCATION_MARK: &str = "...";

impl Value {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Value::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(s) => Some(s),
            _ => None,
        }
    }

    /// The string items of an array (a fingerprint); none for anything else.
    pub fn strings(&self) -> Vec<String> {
        let mut out = Vec::new();
        if let Value::Array(items) = self {
            for item in items {
                if let Value::String(s) = item {
                    out.push(s.clone());
                }
            }
        }
        out
    }

    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn as_object(&self) -> Option<&[(String, Value)]> {
        match self {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }

    pub fn object_mut(&mut self) -> Option<&mut Vec<(String, Value)>> {
        match self {
            Value::Object(members) => Some(members),
            _ => None,
        }
    }

    /// Sets `key` on an object: replaces the value in place if the key is
    /// present, appends otherwise. Returns false (dropping `value`) if `self`
    /// is not an object.
    pub fn insert(&mut self, key: &str, value: Value) -> bool {
        let Some(members) = self.object_mut() else {
            return false;
        };
        match members.iter_mut().find(|(k, _)| k == key) {
            Some(slot) => slot.1 = value,
            None => members.push((key.to_owned(), value)),
        }
        true
    }

    /// Cuts every string value (not object keys) longer than `max_chars` and
    /// appends `...`, like @sentry/core's `truncate(str, maxValueLength)`:
    /// `str.length <= max ? str : str.slice(0, max) + '...'`, where 0 means
    /// no limit. Length is counted in UTF-16 code units as JS's `length` is;
    /// unlike `slice`, a cut never splits a surrogate pair (the pair is dropped
    /// whole), so the result stays valid text.
    pub fn truncate_strings(&mut self, max_chars: usize) {
        if max_chars == 0 {
            return;
        }
        match self {
            Value::String(s) => truncate_js(s, max_chars),
            Value::Array(items) => {
                for item in items {
                    item.truncate_strings(max_chars);
                }
            }
            Value::Object(members) => {
                for (_, v) in members {
                    v.truncate_strings(max_chars);
                }
            }
            Value::Null | Value::Bool(_) | Value::Number(_) => {}
        }
    }
}

/// See [`Value::truncate_strings`].
pub fn truncate_js(s: &mut String, max_units: usize) {
    if max_units == 0 || s.len() <= max_units {
        // UTF-16 length never exceeds UTF-8 length.
        return;
    }
    // By bytes: each char's first byte counts its UTF-16 units.
    let mut units = 0usize;
    let mut cut = None;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        units += crate::core::stacktrace::spans::units_of(b);
        if units > max_units {
            cut = Some(i);
            break;
        }
    }
    if let Some(i) = cut {
        s.truncate(i);
        s.push_str(TRUNCATION_MARK);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Converts to serde_json's model; numbers through serde_json's own parser.
    fn to_serde(v: &Value) -> Option<serde_json::Value> {
        Some(match v {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Number(n) => serde_json::from_str(n).ok()?,
            Value::String(s) => serde_json::Value::String(s.clone()),
            Value::Array(items) => serde_json::Value::Array(items.iter().map(to_serde).collect::<Option<_>>()?),
            Value::Object(members) => {
                let mut m = serde_json::Map::new();
                for (k, v) in members {
                    m.insert(k.clone(), to_serde(v)?);
                }
                serde_json::Value::Object(m)
            }
        })
    }

    fn nested(n: usize) -> String {
        let mut s = "[".repeat(n);
        s.push_str(&"]".repeat(n));
        s
    }

    use ParseValueError as E;

    #[test]
    fn valid_inputs_parse_and_round_trip_like_serde_json() {
        let deep_ok = nested(MAX_DEPTH);
        let mut deep_obj = "{\"a\":".repeat(MAX_DEPTH - 1);
        deep_obj.push_str("[]");
        deep_obj.push_str(&"}".repeat(MAX_DEPTH - 1));
        let cases: &[&str] = &[
            "null",
            "true",
            "false",
            "0",
            "-0",
            "1",
            "-1",
            "12345678901234567890123456789",
            "1.5",
            "-0.0e+0",
            "1E5",
            "1e05",
            "1e-7",
            "2.5E+10",
            "123.456e-789",
            "\"\"",
            "\"abc\"",
            "\"\\\"\\\\\\/\\b\\f\\n\\r\\t\"",
            "\"\\u0000\\u001f\\u007f\"",
            "\"\\u00e9\\u20AC\"",
            "\"\\ud83d\\ude00\"",
            "\"\\uD834\\uDD1E\"",
            "\"héllo ✓ 😀 \u{7f} \u{2028}\"",
            "[]",
            "{}",
            " \t\r\n[ 1 , \"a\" , null ] \n",
            "[1,[2,[3,{}]]]",
            "{\"a\":1,\"b\":[true,false],\"c\":{\"d\":null}}",
            "{\"\":0}",
            "{\"a\":1,\"a\":2}",
            "{\"a\":1,\"b\":2,\"a\":{\"x\":3}}",
            "[-9223372036854775808, 18446744073709551615, 0.1, 1e308]",
            &deep_ok,
            &deep_obj,
        ];
        for &src in cases {
            let v = parse(src).unwrap_or_else(|e| panic!("{src:?}: {e}"));
            let ours = to_serde(&v).unwrap();
            let theirs: serde_json::Value = serde_json::from_str(src).unwrap();
            assert_eq!(ours, theirs, "{src}");
            let back: serde_json::Value = serde_json::from_str(&v.to_json()).unwrap();
            assert_eq!(back, theirs, "{src}");
            // Writing and re-reading is a fixed point.
            assert_eq!(parse(&v.to_json()), Ok(v.clone()), "{src}");
        }
    }

    #[test]
    fn invalid_inputs_are_refused_as_serde_json_refuses_them() {
        let too_deep = nested(MAX_DEPTH + 1);
        let cases: &[(&str, E)] = &[
            ("", E::UnexpectedEnd),
            ("   ", E::UnexpectedEnd),
            ("[1,]", E::UnexpectedChar),
            ("{\"a\":1,}", E::UnexpectedChar),
            ("[,1]", E::UnexpectedChar),
            ("[1,,2]", E::UnexpectedChar),
            ("[1 2]", E::UnexpectedChar),
            ("01", E::InvalidNumber),
            ("[-01]", E::InvalidNumber),
            ("[00]", E::InvalidNumber),
            ("1.", E::InvalidNumber),
            ("[1.]", E::InvalidNumber),
            (".1", E::UnexpectedChar),
            ("-", E::InvalidNumber),
            ("[-]", E::InvalidNumber),
            ("1e", E::InvalidNumber),
            ("1e+", E::InvalidNumber),
            ("1.e5", E::InvalidNumber),
            ("+1", E::UnexpectedChar),
            ("0x10", E::TrailingCharacters),
            ("1 2", E::TrailingCharacters),
            ("[1]x", E::TrailingCharacters),
            ("NaN", E::UnexpectedChar),
            ("[Infinity]", E::UnexpectedChar),
            ("-Infinity", E::InvalidNumber),
            ("\u{feff}[]", E::UnexpectedChar),
            ("\u{a0}1", E::UnexpectedChar),
            ("\u{c}1", E::UnexpectedChar),
            ("\"a\tb\"", E::ControlCharacter),
            ("\"a\nb\"", E::ControlCharacter),
            ("\"\u{0}\"", E::ControlCharacter),
            ("\"abc", E::UnexpectedEnd),
            ("\"\\", E::UnexpectedEnd),
            ("\"\\x\"", E::InvalidEscape),
            ("\"\\'\"", E::InvalidEscape),
            ("\"\\u12\"", E::InvalidEscape),
            ("\"\\u12", E::UnexpectedEnd),
            ("\"\\uZZZZ\"", E::InvalidEscape),
            ("\"\\ud800\\u12\"", E::InvalidEscape),
            ("'a'", E::UnexpectedChar),
            ("{'a':1}", E::UnexpectedChar),
            ("{1:1}", E::UnexpectedChar),
            ("{\"a\" 1}", E::UnexpectedChar),
            ("{\"a\":}", E::UnexpectedChar),
            ("{\"a\"", E::UnexpectedEnd),
            ("[", E::UnexpectedEnd),
            ("[1", E::UnexpectedEnd),
            ("{", E::UnexpectedEnd),
            ("]", E::UnexpectedChar),
            ("tru", E::UnexpectedEnd),
            ("trux", E::UnexpectedChar),
            ("nulll", E::TrailingCharacters),
            ("True", E::UnexpectedChar),
            ("[1]/*c*/", E::TrailingCharacters),
            (&too_deep, E::TooDeep),
        ];
        for &(src, want) in cases {
            assert_eq!(parse(src), Err(want), "{src:?}");
            assert!(serde_json::from_str::<serde_json::Value>(src).is_err(), "{src:?}");
        }
        // Far too deep must fail fast, not overflow the stack.
        assert_eq!(parse(&nested(100_000)), Err(E::TooDeep));
        assert_eq!(parse(&"{\"a\":".repeat(100_000)), Err(E::TooDeep));
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        // serde_json refuses these; JSON.stringify can produce them.
        let cases: &[(&str, &str)] = &[
            (r#""\ud800""#, "\u{fffd}"),
            (r#""\udc00""#, "\u{fffd}"),
            (r#""a\ud83dz""#, "a\u{fffd}z"),
            (r#""\ud83d\u0041""#, "\u{fffd}A"),
            (r#""\ud83d\ud83d\ude00""#, "\u{fffd}😀"),
            (r#""\ude00\ud83d""#, "\u{fffd}\u{fffd}"),
            (r#""\ud83d\n""#, "\u{fffd}\n"),
            (r#""\ud83d""#, "\u{fffd}"),
        ];
        for &(src, want) in cases {
            assert_eq!(parse(src), Ok(Value::String(want.to_owned())), "{src}");
        }
    }

    #[test]
    fn numbers_keep_their_text() {
        for n in ["-0", "1E5", "1e05", "0.10", "123456789012345678901234567890", "1e999"] {
            assert_eq!(parse(n), Ok(Value::Number(n.to_owned())));
            assert_eq!(parse(n).unwrap().to_json(), n);
        }
    }

    #[test]
    fn duplicate_keys_keep_first_position_and_last_value() {
        let v = parse(r#"{"a":1,"b":2,"a":3,"c":4,"b":5}"#).unwrap();
        assert_eq!(v.to_json(), r#"{"a":3,"b":5,"c":4}"#);
        // Past the scan limit the hash table path must agree.
        let mut src = String::from("{");
        for i in 0..100 {
            src.push_str(&format!("\"k{}\":{i},", i % 40));
        }
        src.push_str("\"k0\":\"last\"}");
        let v = parse(&src).unwrap();
        let members = v.as_object().unwrap();
        assert_eq!(members.len(), 40);
        assert_eq!(members[0], ("k0".to_owned(), Value::String("last".to_owned())));
        assert_eq!(members[1], ("k1".to_owned(), Value::Number("81".to_owned())));
        assert_eq!(members[39], ("k39".to_owned(), Value::Number("79".to_owned())));
    }

    #[test]
    fn large_inputs_parse_in_linear_time() {
        // 200k distinct keys and a 1M-element array: quadratic work would hang.
        let mut src = String::from("{");
        for i in 0..200_000 {
            src.push_str(&format!("\"key{i}\":[1,2],"));
        }
        src.push_str("\"end\":null}");
        assert_eq!(parse(&src).unwrap().as_object().unwrap().len(), 200_001);
        let src = format!("[{}0]", "0,".repeat(1_000_000));
        assert!(parse(&src).is_ok());
    }

    #[test]
    fn helpers() {
        let mut v = parse(r#"{"a":"x","b":null}"#).unwrap();
        assert_eq!(v.get("a").and_then(Value::as_str), Some("x"));
        assert!(v.get("b").unwrap().is_null());
        assert_eq!(v.get("c"), None);
        assert!(v.insert("a", Value::Bool(true)));
        assert!(v.insert("c", Value::Number("7".to_owned())));
        assert_eq!(v.to_json(), r#"{"a":true,"b":null,"c":7}"#);
        v.object_mut().unwrap().retain(|(k, _)| k != "b");
        assert_eq!(v.to_json(), r#"{"a":true,"c":7}"#);
        let mut s = Value::String("x".to_owned());
        assert!(!s.insert("a", Value::Null));
        assert_eq!(s.get("a"), None);
        assert_eq!(Value::Null.as_str(), None);
    }

    #[test]
    fn truncate_matches_sentry_javascript() {
        // (input, max, expected): JS `str.length <= max ? str : str.slice(0, max) + '...'`.
        let cases: &[(&str, usize, &str)] = &[
            ("abcdef", 0, "abcdef"),
            ("abcdef", 6, "abcdef"),
            ("abcdef", 5, "abcde..."),
            ("abcdef", 1, "a..."),
            ("", 3, ""),
            ("héllo", 2, "hé..."),
            ("héllo", 5, "héllo"),
            ("日本語テキスト", 3, "日本語..."),
            // JS length of 😀 is 2; a split pair is dropped whole.
            ("a😀b", 4, "a😀b"),
            ("a😀b", 3, "a😀..."),
            ("a😀bc", 4, "a😀b..."),
            ("a😀bc", 2, "a..."),
            ("a😀bc", 1, "a..."),
        ];
        for &(s, max, want) in cases {
            let mut v = Value::String(s.to_owned());
            v.truncate_strings(max);
            assert_eq!(v, Value::String(want.to_owned()), "{s:?} {max}");
        }
        let mut v = parse(r#"{"long":"abcdef","n":1234567,"a":["xyzxyz",{"k":"abc"}]}"#).unwrap();
        v.truncate_strings(3);
        assert_eq!(v.to_json(), r#"{"long":"abc...","n":1234567,"a":["xyz...",{"k":"abc"}]}"#);
    }

    use crate::testing::Rng;

    const SEEDS: &[&str] = &[
        r#"{"a":[1,2.5,-3e10,true,false,null],"b":{"c":"d\u00e9\n\ud83d\ude00"},"":""}"#,
        r#"[{"x":0},{"x":-0.0},{"x":1E+2},"\\\"\/",[[[]]],{}]"#,
        r#"{"message":"boom","extra":{"password":"hunter2","n":[1,2,3]},"tags":{"k":"v"}}"#,
        r#"  "just a string with \t escapes \u0041"  "#,
        r#"[123456789012345678901234567890, 1e400, "\ud800", {"dup":1,"dup":2}]"#,
    ];

    const ALPHABET: &[char] = &[
        '{', '}', '[', ']', ',', ':', '"', '\\', '/', 'u', 'd', '8', '0', 'e', 'E', '+', '-', '.', '1', '9', 't', 'r', 'n', 'l', 'f', 'a', ' ', '\n', '\t',
        '\u{0}', '\u{1f}', 'é', '😀', '\u{feff}', 'D', 'C', 'x',
    ];

    fn mutate(rng: &mut Rng, doc: &str) -> String {
        let mut chars: Vec<char> = doc.chars().collect();
        for _ in 0..=rng.below(4) {
            let len = chars.len();
            match rng.below(6) {
                0 if len > 0 => {
                    chars.remove(rng.below(len));
                }
                1 => chars.insert(rng.below(len + 1), ALPHABET[rng.below(ALPHABET.len())]),
                2 if len > 0 => {
                    let i = rng.below(len);
                    chars[i] = ALPHABET[rng.below(ALPHABET.len())];
                }
                3 if len > 0 => {
                    let a = rng.below(len);
                    let b = (a + rng.below(16)).min(len);
                    let piece: Vec<char> = chars[a..b].to_vec();
                    let at = rng.below(len + 1);
                    chars.splice(at..at, piece);
                }
                4 if len > 0 => chars.truncate(rng.below(len)),
                _ => {
                    let c = char::from_u32(rng.below(0x11_0000) as u32).unwrap_or('?');
                    chars.insert(rng.below(len + 1), c);
                }
            }
        }
        chars.into_iter().collect()
    }

    /// serde_json refusals that are expected where this parser accepts.
    fn allowed_serde_refusal(src: &str, e: &serde_json::Error) -> bool {
        let m = e.to_string();
        let surrogate_escape = src.to_ascii_lowercase().contains("\\ud");
        (surrogate_escape && (m.contains("surrogate") || m.contains("hex escape"))) || m.contains("number out of range")
    }

    #[test]
    fn random_mutations_never_panic_and_agree_with_serde_json() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let mut accepted = 0;
        for i in 0..200_000 {
            let seed = SEEDS[i % SEEDS.len()];
            let src = mutate(&mut rng, seed);
            let mine = parse(&src);
            let theirs = serde_json::from_str::<serde_json::Value>(&src);
            match (&mine, &theirs) {
                (Ok(v), Ok(t)) => {
                    accepted += 1;
                    assert_eq!(to_serde(v).as_ref(), Some(t), "{src:?}");
                    let back: serde_json::Value = serde_json::from_str(&v.to_json()).unwrap();
                    assert_eq!(&back, t, "{src:?}");
                }
                (Ok(v), Err(e)) => {
                    assert!(allowed_serde_refusal(&src, e), "{src:?}: serde says {e}");
                    // Our output has no lone surrogates left; numbers keep their text.
                    match serde_json::from_str::<serde_json::Value>(&v.to_json()) {
                        Ok(back) => assert_eq!(Some(back), to_serde(v), "{src:?}"),
                        Err(e) => assert!(e.to_string().contains("number out of range"), "{src:?}"),
                    }
                }
                (Err(e), Ok(_)) => panic!("{src:?}: refused ({e}) but serde_json accepts it"),
                (Err(_), Err(_)) => {}
            }
        }
        assert!(accepted > 10_000, "too few mutants parse: {accepted}");
    }

    /// What js/client.js's `pack` writes for a value (lengths in UTF-16 units).
    fn pack(v: &Value) -> String {
        let text = |s: &str| format!("{}:{s}", s.encode_utf16().count());
        match v {
            Value::Null => "n".into(),
            Value::Bool(b) => if *b { "t" } else { "f" }.into(),
            Value::Number(n) => format!("d{n};"),
            Value::String(s) => format!("s{}", text(s)),
            Value::Array(items) => format!("a{}:{}", items.len(), items.iter().map(pack).collect::<String>()),
            Value::Object(members) => format!("o{}:{}", members.len(), members.iter().map(|(k, v)| text(k) + &pack(v)).collect::<String>()),
        }
    }

    #[test]
    fn packed_values_read_back_as_json_would() {
        for json in [
            "null",
            "true",
            r#"[false,0,-1.5e+3,"","a:b;c"]"#,
            r#"{"user":{"id":"42","name":"Zoë 😀","tags":["a","b"],"n":1e21},"":{"":[]},"k:1":"s5:x"}"#,
            r#"{"lone":"\ud800!","nested":[[[[{"deep":[1,2,{"x":null}]}]]]]}"#,
        ] {
            let v = parse(json).unwrap();
            assert_eq!(from_packed(&pack(&v)), Some(v), "{json}");
        }
        assert_eq!(from_packed("s3:a\u{e9}b"), Some(Value::String("a\u{e9}b".into())));
        assert_eq!(from_packed("s2:\u{1f600}"), Some(Value::String("\u{1f600}".into())));
    }

    #[test]
    fn packed_values_refuse_what_client_js_never_writes() {
        let deep = |n: usize| "a1:".repeat(n) + "n";
        assert!(from_packed(&deep(MAX_DEPTH)).is_some());
        for bad in [
            "",
            "x",
            "nn",
            "s",
            "s5:abc",
            "s-1:",
            "s:a",
            "s1x:a",
            "d1",
            "d01;",
            "d1.;",
            "d-;",
            "d1e;",
            "dNaN;",
            "d1;x",
            "a2:n",
            "a1:",
            "o1:1:k",
            "o1:k",
            "a99999999999:n",
            "s9999999999:a",
            "o1:1:kd1",
            "t ",
            " t",
        ] {
            assert_eq!(from_packed(bad), None, "{bad:?}");
        }
        assert_eq!(from_packed(&deep(MAX_DEPTH + 1)), None);
        // A huge count with little input fails at once, allocating nothing up front.
        assert_eq!(from_packed("a999999999:n"), None);
    }

    #[test]
    fn random_values_round_trip_through_packing() {
        let mut rng = Rng(0x2545_f491_4f6c_dd1d);
        let mut packed_ok = 0;
        for seed in SEEDS.iter().cycle().take(20_000) {
            let src = mutate(&mut rng, seed);
            if let Ok(v) = parse(&src) {
                let packed = pack(&v);
                assert_eq!(from_packed(&packed).as_ref(), Some(&v), "{src:?}");
                packed_ok += 1;
                // A cut of it is refused or reads as something else, never a panic.
                let cut = (rng.next() as usize) % packed.len().max(1);
                if let Some(head) = packed.get(..cut) {
                    assert_ne!(from_packed(head).as_ref(), Some(&v), "{head:?}");
                }
            }
        }
        assert!(packed_ok > 1_000, "{packed_ok}");
    }
}
