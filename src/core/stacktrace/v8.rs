//! V8 (Chrome, Edge, Node, workerd): `    at FUNCTION (LOCATION)` or `    at LOCATION`.

use super::{split_line_col, Location, RawFrame};

pub fn parse_line(line: &str) -> Option<RawFrame<'_>> {
    let rest = line.trim_start().strip_prefix("at ")?.trim_end();
    if rest.is_empty() {
        return None;
    }
    if let Some(inner) = rest.strip_suffix(')') {
        if let Some(open) = matching_open(inner) {
            if let Some(function) = inner[..open].strip_suffix(' ') {
                let function = strip_call_prefixes(function.trim());
                return Some(RawFrame { function: Some(function), location: location(&inner[open + 1..]) });
            }
        }
    }
    Some(RawFrame { function: None, location: location(rest) })
}

/// `async f` and `new F` describe the call, not the function's name.
fn strip_call_prefixes(f: &str) -> &str {
    let f = f.strip_prefix("async ").unwrap_or(f);
    f.strip_prefix("new ").unwrap_or(f)
}

/// The index of the `(` that opens the parenthesis closed at the end of `s`.
fn matching_open(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, b) in s.bytes().enumerate().rev() {
        match b {
            b')' => depth += 1,
            b'(' if depth == 0 => return Some(i),
            b'(' => depth -= 1,
            _ => {}
        }
    }
    None
}

fn location(s: &str) -> Location<'_> {
    match s {
        "native" => return Location::Native,
        "" | "<anonymous>" => return Location::Unknown,
        _ => {}
    }
    if s.starts_with("index ") {
        // `Promise.all (index 0)`: a builtin combinator, no source location.
        return Location::Native;
    }
    // `eval at f (URL:L:C), <anonymous>:L:C`: the eval'd code has no file of
    // its own, so the frame points at the call that ran `eval`.
    if let Some(after) = s.strip_prefix("eval at ") {
        let end = after.find(')').unwrap_or(after.len());
        let open = after[..end].rfind('(').map_or(0, |i| i + 1);
        return location(&after[open..end]);
    }
    if let Some((url, func)) = s.split_once(":wasm-function[") {
        let (index, offset) = func.split_once(']').unwrap_or((func, ""));
        let offset = offset.strip_prefix(":0x").and_then(|h| u64::from_str_radix(h, 16).ok());
        return Location::Wasm { url, func_index: index.parse().ok(), offset };
    }
    let (url, line, col) = split_line_col(s);
    Location::Source { url, line, col }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Location::*;

    macro_rules! t {
        ($line:expr, $func:expr, $loc:expr) => {
            assert_eq!(parse_line($line), Some(RawFrame { function: $func, location: $loc }), "{}", $line);
        };
    }

    #[test]
    fn v8_grammar() {
        t!("    at f (http://h/a.js:1:2)", Some("f"), Source { url: "http://h/a.js", line: Some(1), col: Some(2) });
        t!("    at http://h/a.js:1:2", None, Source { url: "http://h/a.js", line: Some(1), col: Some(2) });
        t!("    at new Foo (file:///a%20b/c.js:10:20)", Some("Foo"), Source { url: "file:///a%20b/c.js", line: Some(10), col: Some(20) });
        t!("    at async run (node:internal/x:1:2)", Some("run"), Source { url: "node:internal/x", line: Some(1), col: Some(2) });
        t!("    at Array.map (<anonymous>)", Some("Array.map"), Unknown);
        t!("    at JSON.parse (native)", Some("JSON.parse"), Native);
        t!("    at async Promise.all (index 0)", Some("Promise.all"), Native);
        t!("    at Obj.m [as alias] (http://h/a.js:3:4)", Some("Obj.m [as alias]"), Source { url: "http://h/a.js", line: Some(3), col: Some(4) });
        t!("    at eval (eval at f (http://h/a.js:5:6), <anonymous>:1:1)", Some("eval"), Source { url: "http://h/a.js", line: Some(5), col: Some(6) });
        t!("    at m (http://h/m.wasm:wasm-function[12]:0x1a2b)", Some("m"), Wasm { url: "http://h/m.wasm", func_index: Some(12), offset: Some(0x1a2b) });
        t!("    at C:\\app\\a.js:7:8", None, Source { url: "C:\\app\\a.js", line: Some(7), col: Some(8) });
        assert_eq!(parse_line("TypeError: x"), None);
        assert_eq!(parse_line("    at "), None);
    }
}
