//! A small JSON writer.
//!
//! The protocol only needs to *write* objects, arrays, strings, integers and
//! booleans. A hand-written writer keeps `serde_json` and float formatting out
//! of the wasm, where every byte is paid for by each page that loads the SDK.

/// Something that can write itself as one JSON value.
pub trait ToJson {
    fn write_json(&self, out: &mut String);

    /// Not in the vtable (`Self: Sized`): `dyn ToJson` only writes.
    fn to_json(&self) -> String
    where
        Self: Sized,
    {
        let mut out = String::new();
        self.write_json(&mut out);
        out
    }
}

/// Writes `s` as a JSON string literal, escaping what RFC 8259 requires.
pub fn write_str(out: &mut String, s: &str) {
    out.reserve(s.len() + 2);
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let esc = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0..=0x1f => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        if esc.is_empty() {
            out.push_str("\\u00");
            out.push(hex_digit(b >> 4));
            out.push(hex_digit(b & 0xf));
        } else {
            out.push_str(esc);
        }
        start = i + 1;
    }
    out.push_str(&s[start..]);
    out.push('"');
}

pub fn hex_digit(n: u8) -> char {
    char::from(b"0123456789abcdef"[usize::from(n & 0xf)])
}

/// Appends the decimal digits of `n` without going through `core::fmt`.
pub fn write_u64(out: &mut String, mut n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &buf[i..] {
        out.push(char::from(d));
    }
}

/// Writes the members of one JSON object; `end` closes it.
pub struct Obj<'a> {
    out: &'a mut String,
    first: bool,
}

impl<'a> Obj<'a> {
    pub fn new(out: &'a mut String) -> Self {
        out.push('{');
        Obj { out, first: true }
    }

    /// Starts a member and hands back the buffer for its value.
    pub fn key(&mut self, k: &str) -> &mut String {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        write_str(self.out, k);
        self.out.push(':');
        self.out
    }

    pub fn str(&mut self, k: &str, v: &str) -> &mut Self {
        write_str(self.key(k), v);
        self
    }

    pub fn opt_str(&mut self, k: &str, v: Option<&str>) -> &mut Self {
        if let Some(v) = v {
            self.str(k, v);
        }
        self
    }

    pub fn u64(&mut self, k: &str, v: u64) -> &mut Self {
        write_u64(self.key(k), v);
        self
    }

    pub fn opt_u64(&mut self, k: &str, v: Option<u64>) -> &mut Self {
        if let Some(v) = v {
            self.u64(k, v);
        }
        self
    }

    pub fn bool(&mut self, k: &str, v: bool) -> &mut Self {
        self.key(k).push_str(if v { "true" } else { "false" });
        self
    }

    pub fn opt_bool(&mut self, k: &str, v: Option<bool>) -> &mut Self {
        if let Some(v) = v {
            self.bool(k, v);
        }
        self
    }

    pub fn value(&mut self, k: &str, v: &dyn ToJson) -> &mut Self {
        v.write_json(self.key(k));
        self
    }

    pub fn opt_value<T: ToJson>(&mut self, k: &str, v: Option<&T>) -> &mut Self {
        if let Some(v) = v {
            self.value(k, v);
        }
        self
    }

    /// Writes `k: [..]` unless `items` is empty (the protocol omits empty lists).
    pub fn list<T: ToJson>(&mut self, k: &str, items: &[T]) -> &mut Self {
        if !items.is_empty() {
            write_list(self.key(k), items);
        }
        self
    }

    /// Writes `k: {"values": [..]}`, the protocol's wrapped list, unless empty.
    pub fn values<T: ToJson>(&mut self, k: &str, items: &[T]) -> &mut Self {
        if !items.is_empty() {
            Obj::new(self.key(k)).list("values", items).end();
        }
        self
    }

    /// Writes `k: {a: b, ..}` from string pairs, unless there are none.
    pub fn map(&mut self, k: &str, pairs: &[(String, String)]) -> &mut Self {
        if !pairs.is_empty() {
            let mut o = Obj::new(self.key(k));
            for (a, b) in pairs {
                o.str(a, b);
            }
            o.end();
        }
        self
    }

    pub fn end(&mut self) {
        self.out.push('}');
    }
}

pub fn write_list<T: ToJson>(out: &mut String, items: &[T]) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        item.write_json(out);
    }
    out.push(']');
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &str) -> String {
        let mut out = String::new();
        write_str(&mut out, v);
        out
    }

    #[test]
    fn strings_escape_quotes_backslashes_and_controls() {
        assert_eq!(s("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(s("l1\nl2\r\t"), r#""l1\nl2\r\t""#);
        assert_eq!(s("\u{0}\u{1f}"), r#""\u0000\u001f""#);
        assert_eq!(s("héllo ✓"), "\"héllo ✓\"");
    }

    #[test]
    fn escaped_strings_parse_back_identically() {
        let nasty = "x\u{7}\"\\\u{2028}😀\n";
        let back: String = serde_json::from_str(&s(nasty)).unwrap();
        assert_eq!(back, nasty);
    }

    #[test]
    fn integers_write_without_fmt() {
        for n in [0u64, 7, 10, 1234567890, u64::MAX] {
            let mut out = String::new();
            write_u64(&mut out, n);
            assert_eq!(out, n.to_string());
        }
    }

    #[test]
    fn objects_skip_absent_members() {
        let mut out = String::new();
        Obj::new(&mut out).str("a", "x").opt_str("b", None).u64("c", 3).bool("d", false).map("e", &[]).end();
        assert_eq!(out, r#"{"a":"x","c":3,"d":false}"#);
    }
}
