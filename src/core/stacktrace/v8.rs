//! V8 (Chrome, Edge, Node, workerd). A frame line is
//!
//! ```text
//! frame    = "at " ["async "] ["new "] function " (" location ")"
//!          | "at " ["async "] location
//! location = "native" | "<anonymous>" | "unknown location" | "index " N
//!          | eval-origin ", " position        ; code run by eval / new Function
//!          | url ":wasm-function[" I "]:0x" HEX
//!          | url [":" line [":" column]]
//! eval-origin = "eval at " function " (" (eval-origin | url ":" line ":" column) ")"
//! ```
//! The header (`String(error)`, possibly several lines) precedes the frames.

use super::{around, first, last, looks_like_location, split_line_col, strip, tail, trim_end, trim_start, wasm_location, Location, RawFrame, MAX_NESTING};

/// Whether a stack line is a V8 frame line (the header never starts so,
/// unless a message forges one; `mod.rs` skips the known header first).
pub fn is_frame_line(line: &str) -> bool {
    frame_body(line).is_some()
}

/// What follows `at ` in a frame line, which starts with white space.
#[inline(always)]
fn frame_body(line: &str) -> Option<&str> {
    match first(line) {
        b' ' | b'\t' => strip(trim_start(line), "at "),
        _ => None,
    }
}

pub fn parse_line(line: &str) -> Option<RawFrame<'_>> {
    let rest = trim_end(frame_body(line)?);
    // `async ` is a prefix unless it is the whole name (`at async (URL)`).
    let rest = strip(rest, "async ").filter(|r| first(r) != b'(').unwrap_or(rest);
    if rest.is_empty() {
        return None;
    }
    if last(rest) == b')' {
        let inner = around(rest, rest.len() - 1).0;
        if let Some(open) = opening_paren(inner) {
            let (function, location_text) = around(inner, open);
            let function = trim_end(function);
            let function = strip(function, "new ").unwrap_or(function);
            return Some(RawFrame { function: Some(function), location: location(location_text) });
        }
    }
    Some(RawFrame { function: None, location: location(rest) })
}

/// Finds the `(` that opens the location closed at the end of `s`. Names
/// and URLs may both hold parentheses: the balanced one when parentheses in
/// the URL balance, if a location starts there; else the first ` (` where a
/// location starts (a path with an unbalanced `(`, a name with one); else
/// the balanced one, or the first ` (`, as the only guesses left.
fn opening_paren(s: &str) -> Option<usize> {
    let found = balanced_paren(s);
    if let Some(i) = found {
        if looks_like_location(tail(s, i + 1)) {
            return found;
        }
    }
    let b = s.as_bytes();
    let mut from = 1;
    while let Some(j) = super::find_byte(&b[from.min(b.len())..], b'(') {
        let at = from + j;
        if b[at - 1] == b' ' && looks_like_location(tail(s, at + 1)) {
            return Some(at);
        }
        from = at + 1;
    }
    found
}

fn balanced_paren(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let mut depth = 0usize;
    let mut i = b.len();
    while i > 0 {
        // Eight bytes with no parenthesis are passed at once.
        if let Some(w) = super::word(b, i.wrapping_sub(8)) {
            if super::matches(w, b'(') | super::matches(w, b')') == 0 {
                i -= 8;
                continue;
            }
        }
        i -= 1;
        match b[i] {
            b')' => depth += 1,
            b'(' if depth == 0 => {
                if i > 0 && b[i - 1] == b' ' {
                    return Some(i);
                }
                break;
            }
            b'(' => depth -= 1,
            _ => {}
        }
    }
    super::find_str(s, " (").map(|j| j + 1)
}

fn location(s: &str) -> Location<'_> {
    // The special forms start with a letter no URL of a frame starts with
    // in practice; the first byte keeps the common case off every compare.
    let is = |word: &str| s.len() == word.len() && strip(s, word).is_some();
    match first(s) {
        _ if s.is_empty() => return Location::Unknown,
        b'n' if is("native") => return Location::Native,
        b'<' if is("<anonymous>") => return Location::Unknown,
        b'u' if is("unknown location") => return Location::Unknown,
        b'e' if strip(s, "eval at ").is_some() => return eval_location(s),
        b'i' => {
            if let Some(n) = strip(s, "index ") {
                if n.bytes().all(|b| b.is_ascii_digit()) {
                    // `Promise.all (index 0)`: a builtin combinator, no source location.
                    return Location::Native;
                }
            }
        }
        _ => {}
    }
    if let Some(wasm) = wasm_location(s) {
        return wasm;
    }
    let (url, line, col) = split_line_col(s);
    Location::Source { url, line, col }
}

/// `eval at f (eval at g (URL:L:C)), <anonymous>:l:c`: eval'd code has no
/// file of its own, so the frame points at the call to eval in the real file,
/// the innermost origin.
fn eval_location(s: &str) -> Location<'_> {
    // Up to the last `, `, when a `)` comes before it.
    let b = s.as_bytes();
    let mut origin = s;
    let mut end = b.len();
    while let Some(i) = super::rfind_byte(&b[..end], b',') {
        if b.get(i + 1) == Some(&b' ') {
            if i > 0 && b[i - 1] == b')' {
                origin = &s[..i];
            }
            break;
        }
        end = i;
    }
    for _ in 0..MAX_NESTING {
        let Some(rest) = origin.strip_prefix("eval at ") else { break };
        let Some(inner) = rest.strip_suffix(")") else { return Location::Unknown };
        let Some(open) = opening_paren(inner) else { return Location::Unknown };
        origin = &inner[open + 1..];
    }
    match origin {
        "unknown source" | "" => Location::Unknown,
        _ if origin.starts_with("eval at ") => Location::Unknown,
        _ => {
            let (url, line, col) = split_line_col(origin);
            Location::Source { url, line, col }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::stacktrace::testing::src;
    use Location::*;

    #[test]
    fn v8_calls_and_prefixes() {
        t!("    at f (http://h/a.js:1:2)", Some("f"), src("http://h/a.js", 1, 2));
        t!("    at http://h/a.js:1:2", None, src("http://h/a.js", 1, 2));
        t!("    at new Foo (file:///a%20b/c.js:10:20)", Some("Foo"), src("file:///a%20b/c.js", 10, 20));
        t!("    at new <anonymous> (http://h/a.js:1:2)", Some("<anonymous>"), src("http://h/a.js", 1, 2));
        t!("    at async run (node:internal/x:1:2)", Some("run"), src("node:internal/x", 1, 2));
        t!("    at async file:///m.mjs:5:3", None, src("file:///m.mjs", 5, 3));
        t!("    at Obj.m [as alias] (http://h/a.js:3:4)", Some("Obj.m [as alias]"), src("http://h/a.js", 3, 4));
        t!("    at Object.get x [as x] (http://h/a.js:3:4)", Some("Object.get x [as x]"), src("http://h/a.js", 3, 4));
    }

    #[test]
    fn v8_builtins() {
        t!("    at Array.map (<anonymous>)", Some("Array.map"), Unknown);
        t!("    at JSON.parse (native)", Some("JSON.parse"), Native);
        t!("    at async Promise.all (index 0)", Some("Promise.all"), Native);
        t!("    at <anonymous>:1:5", None, src("<anonymous>", 1, 5));
    }

    #[test]
    fn v8_eval_points_at_the_eval_call() {
        t!("    at eval (eval at f (http://h/a.js:5:6), <anonymous>:1:1)", Some("eval"), src("http://h/a.js", 5, 6));
        t!("    at eval (eval at <anonymous> (eval at outer (http://h/a.js:2:3)), <anonymous>:1:1)", Some("eval"), src("http://h/a.js", 2, 3));
        t!("    at g (eval at f (http://h/x (1).js:5:6), <anonymous>:1:1)", Some("g"), src("http://h/x (1).js", 5, 6));
        t!("    at eval (eval at f (unknown source), <anonymous>:1:1)", Some("eval"), Unknown);
    }

    #[test]
    fn v8_locations() {
        t!("    at m (http://h/m.wasm:wasm-function[12]:0x1a2b)", Some("m"), Wasm { url: Some("http://h/m.wasm"), func_index: Some(12), offset: Some(0x1a2b) });
        t!("    at wasm://wasm/8c2a5c76:wasm-function[1]:0x5a", None, Wasm { url: Some("wasm://wasm/8c2a5c76"), func_index: Some(1), offset: Some(0x5a) });
        t!("    at C:\\app\\a.js:7:8", None, src("C:\\app\\a.js", 7, 8));
        t!("    at f (C:\\Program Files (x86)\\a.js:7:8)", Some("f"), src("C:\\Program Files (x86)\\a.js", 7, 8));
        t!("    at f (http://h/a).js:1:2)", Some("f"), src("http://h/a).js", 1, 2));
        t!("    at f (http://h/a b/c.js?q=1#x:100000:250000)", Some("f"), src("http://h/a b/c.js?q=1#x", 100000, 250000));
        // Parentheses that do not balance, in a path or in a name.
        t!("    at f (/srv/wip (draft/a.js:4:26)", Some("f"), src("/srv/wip (draft/a.js", 4, 26));
        t!("    at open (paren (http://h/a.js:1:2)", Some("open (paren"), src("http://h/a.js", 1, 2));
        t!("    at eval (eval at open (paren (http://h/a.js:21:21), <anonymous>:1:24)", Some("eval"), src("http://h/a.js", 21, 21));
        t!("    at f (lib/rel (1.js:1:2)", Some("f (lib/rel"), src("1.js", 1, 2));
        t!("    at f (C:\\a (b\\c.js:1:2)", Some("f"), src("C:\\a (b\\c.js", 1, 2));
        // A function named `async`.
        t!("    at async (http://h/a.js:75:28)", Some("async"), src("http://h/a.js", 75, 28));
        assert_eq!(parse_line("TypeError: x"), None);
        assert_eq!(parse_line("    at "), None);
    }
}
