//! V8 (Chrome, Edge, Node, workerd). A frame line is
//!
//! ```text
//! frame    = "at " ["async "] ["new "] function " (" location ")"
//!          | "at " ["async "] location
//! location = "native" | "<anonymous>" [":" line ":" column] | "unknown location" | "index " N
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

/// V8 prints each frame as `\n    at ` and the call site, whose name or URL
/// may hold a line break. So a frame line that does not end in a position
/// (`at first line`), followed by lines that are not frame lines, is read
/// with them when together they end in one. `line` and `rest` (what follows
/// its line break) are parts of `body`. Bounded (16 lines, 4 KB), so that a
/// hostile stack stays linear. Returns the frame's text and what follows it.
pub fn continued<'a>(body: &'a str, line: &'a str, rest: Option<&'a str>) -> Option<(&'a str, Option<&'a str>)> {
    if ends_in_position(line) || !is_frame_line(line) {
        return None;
    }
    let start = line.as_ptr() as usize - body.as_ptr() as usize;
    let (mut end, mut r) = (start + line.len(), rest?);
    for _ in 0..16 {
        let (next, tail) = match super::split_byte(r, b'\n') {
            Some((next, tail)) => (next, Some(tail)),
            None => (r, None),
        };
        end += 1 + next.len();
        if is_frame_line(next) || end - start > 4096 {
            return None;
        }
        let joined = super::sub(body, start, end);
        if ends_in_position(joined) {
            return Some((joined, tail));
        }
        r = tail?;
    }
    None
}

/// Whether a frame's text ends in `:line` (or `:line:col`), before its `)`.
fn ends_in_position(s: &str) -> bool {
    let s = trim_end(s);
    let s = if last(s) == b')' { around(s, s.len() - 1).0 } else { s };
    split_line_col(s).1.is_some()
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
        // Code with no script name (`setTimeout('…')`, a `javascript:` URL):
        // `<anonymous>` stands for none, as in a frame without a location.
        b'<' if strip(s, "<anonymous>:").is_some() => {
            let (_, line, col) = split_line_col(s);
            return Location::Source { url: "", line, col };
        }
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
        t!("    at <anonymous>:1:5", None, src("", 1, 5));
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
    }

    #[test]
    fn v8_names_and_urls_with_line_breaks() {
        use crate::core::stacktrace::raw_frames;
        let frames = |stack: &'static str| raw_frames(stack, "", "").map(|f| (f.function, f.location)).collect::<Vec<_>>();
        let stack = "Error: x\n    at first line\nsecond line (http://h/a.js:15:27)\n    at g (http://h/a.js:2:3)";
        assert_eq!(frames(stack), [(Some("first line\nsecond line"), src("http://h/a.js", 15, 27)), (Some("g"), src("http://h/a.js", 2, 3))]);
        assert_eq!(frames("    at f (http://h/a\nb.js:1:2)"), [(Some("f"), src("http://h/a\nb.js", 1, 2))]);
        // What does not join into a location with a line stays as it was, and
        // the lines after it are not taken.
        assert_eq!(
            frames("    at f (file.js)\n    at g (http://h/a.js:2:3)"),
            [(Some("f"), Source { url: "file.js", line: None, col: None }), (Some("g"), src("http://h/a.js", 2, 3))]
        );
        assert_eq!(frames("    at weird\nnot a frame\n    at g (http://h/a.js:2:3)").len(), 2);
        assert_eq!(parse_line("TypeError: x"), None);
        assert_eq!(parse_line("    at "), None);
    }
}
