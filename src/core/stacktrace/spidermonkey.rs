//! The `function@location` family: SpiderMonkey (Firefox) and JavaScriptCore
//! (Safari) print frames the same way and differ only in their locations.
//!
//! ```text
//! frame    = [async-cause "*"] [function] "@" [location]   ; no cause on the newest frame
//! location = url " line " N " > " kind (" line " M " > " kind)* ":" L ":" C   ; SpiderMonkey eval chain
//!          | url " line " N " > WebAssembly." how ":wasm-function[" I "]:0x" HEX
//!          | url ":wasm-function[" I "]:0x" HEX
//!          | jsc-location                                                    ; see jsc.rs
//!          | url ":" line ":" column
//! kind     = "eval" | "Function"
//! ```
//! The stack holds frames only: no header. Both a name (printed verbatim)
//! and a URL (`/node_modules/@scope/…`) may hold an `@`: the function ends
//! at the first `@` where a location starts (a URL scheme, an absolute path,
//! a special form), else at the first `@`.

use super::{
    first, head, jsc, last, looks_like_location, rsplit_byte, split_byte, split_line_col, strip, tail, trim_end, trim_start, wasm_location, Location, RawFrame,
};

/// `newest`: the stack's first frame, which never has an async cause (it
/// is the frame that threw, run synchronously): a `*` in it is the name's.
pub fn parse_line(line: &str, newest: bool) -> Option<RawFrame<'_>> {
    // Most lines have nothing to trim. The engines pad lines with ASCII
    // white space only.
    let line = if first(line).is_ascii_graphic() && last(line).is_ascii_graphic() { line } else { trim_end(trim_start(line)) };
    let (mut function, mut loc) = split_byte(line, b'@')?;
    let (mut f, mut l) = (function, loc);
    while !looks_like_location(l) {
        let Some((more, rest)) = split_byte(l, b'@') else { break };
        f = head(line, f.len() + 1 + more.len());
        l = rest;
        if looks_like_location(l) {
            (function, loc) = (f, l);
        }
    }
    // `async*f@…`, `setTimeout handler*f@…`: the cause of an async frame.
    let function = match rsplit_byte(function, b'*') {
        Some((cause, name)) if !newest && !cause.as_bytes().iter().any(|b| matches!(b, b'(' | b'[' | b'<')) => name,
        _ => function,
    };
    let location = match jsc::location(loc) {
        Some(l) => l,
        None => location(loc)?,
    };
    Some(RawFrame { function: Some(function), location })
}

/// `None` for a location with no line: both engines print `:line:column`
/// for every script location, so `Error: user@example.com` (a header that
/// reached us) is not a frame.
fn location(s: &str) -> Option<Location<'_>> {
    // `URL line N > eval:L:C`: code run by eval (or `new Function`, or a wasm
    // instantiation) has no file of its own; the frame points at line N of
    // the file that ran it. SpiderMonkey gives no column for that call.
    if let Some((url, n, tail)) = eval_chain(s) {
        let last = last_part(tail);
        if let Some(Location::Wasm { func_index, offset, .. }) = wasm_location(last) {
            return Some(Location::Wasm { url: Some(url), func_index, offset });
        }
        return Some(Location::Source { url, line: Some(n), col: None });
    }
    if let Some(wasm) = wasm_location(s) {
        return Some(wasm);
    }
    match split_line_col(s) {
        (url, Some(line), col) => Some(Location::Source { url, line: Some(line), col }),
        _ => None,
    }
}

/// Splits `URL line N > rest` at its first ` line N > `.
fn eval_chain(s: &str) -> Option<(&str, u64, &str)> {
    let b = s.as_bytes();
    let mut from = 0;
    // A byte scan for the space, not a substring search: most locations
    // hold no space at all.
    while let Some(i) = super::find_byte(&b[from..], b' ') {
        let at = from + i;
        let (before, from_space) = super::around(s, at);
        let Some(after) = strip(from_space, "line ") else {
            from = at + 1;
            continue;
        };
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && digits <= 15 {
            if let Some(rest) = strip(tail(after, digits), " > ") {
                return Some((before, super::parse_u64(head(after, digits))?, rest));
            }
        }
        from = at + 6;
    }
    None
}

/// What follows the last ` > ` of `s` (all of it when there is none).
fn last_part(s: &str) -> &str {
    let b = s.as_bytes();
    let mut i = b.len();
    while i >= 3 {
        i -= 1;
        if b[i] == b' ' && b[i - 1] == b'>' && b[i - 2] == b' ' {
            return super::around(s, i).1;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A frame below the newest, as most are.
    fn parse_line(line: &str) -> Option<RawFrame<'_>> {
        super::parse_line(line, false)
    }
    use crate::core::stacktrace::testing::src;
    use Location::*;

    #[test]
    fn spidermonkey_frames() {
        t!("f@http://h/a.js:1:2", Some("f"), src("http://h/a.js", 1, 2));
        t!("@http://h/a.js:1:2", Some(""), src("http://h/a.js", 1, 2));
        t!("outer/<@http://h/a.js:1:2", Some("outer/<"), src("http://h/a.js", 1, 2));
        t!("Kc/Ab<@http://h/a.js:1:2", Some("Kc/Ab<"), src("http://h/a.js", 1, 2));
        t!("async*run@http://h/a.js:3:4", Some("run"), src("http://h/a.js", 3, 4));
        t!("setTimeout handler*f@http://h/a.js:3:4", Some("f"), src("http://h/a.js", 3, 4));
        assert_eq!(super::parse_line("glob*match@http://h/a.js:3:4", true).unwrap().function, Some("glob*match"));
        t!("f@http://h/node_modules/@scope/p/x.js:3:4", Some("f"), src("http://h/node_modules/@scope/p/x.js", 3, 4));
        // A name may hold `@` too: the function ends where a location starts.
        t!("user@host@http://h/a.js:9:27", Some("user@host"), src("http://h/a.js", 9, 27));
        t!("a@b@c@file:///x/@y.js:1:2", Some("a@b@c"), src("file:///x/@y.js", 1, 2));
        t!("user@host@[native code]", Some("user@host"), Native);
        // Relative paths (the JSC shell's) keep the first `@`.
        t!("f@lib/@x.js:1:2", Some("f"), src("lib/@x.js", 1, 2));
        assert_eq!(parse_line("Error: mail user@example.com"), None);
        assert_eq!(parse_line("a@b"), None);
    }

    #[test]
    fn spidermonkey_eval_chains_point_at_the_eval_call() {
        t!("f@http://h/a.js line 2 > eval:1:5", Some("f"), Source { url: "http://h/a.js", line: Some(2), col: None });
        t!("@http://h/a.js line 2 > eval line 1 > eval:1:1", Some(""), Source { url: "http://h/a.js", line: Some(2), col: None });
        t!("anonymous@http://h/a.js line 9 > Function:3:1", Some("anonymous"), Source { url: "http://h/a.js", line: Some(9), col: None });
        t!("f@http://h/my line/a.js line 2 > eval:1:5", Some("f"), Source { url: "http://h/my line/a.js", line: Some(2), col: None });
    }

    #[test]
    fn spidermonkey_wasm() {
        t!("m@http://h/m.wasm:wasm-function[3]:0x1f", Some("m"), Wasm { url: Some("http://h/m.wasm"), func_index: Some(3), offset: Some(0x1f) });
        t!(
            "m@http://h/a.js line 7 > WebAssembly.instantiate:wasm-function[3]:0x1f",
            Some("m"),
            Wasm { url: Some("http://h/a.js"), func_index: Some(3), offset: Some(0x1f) }
        );
    }
}
