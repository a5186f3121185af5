//! Stack strings, as JS engines print them, to Sentry frames.
//!
//! Each engine's file holds its line grammar only: one line in, one
//! [`RawFrame`] borrowing the line out. The rules that do not depend on the
//! engine (URLs, `in_app`, anonymous names, caps, order) live in `frame.rs` and
//! here, once.

mod frame;
mod v8;

pub use frame::to_frame;

use crate::core::protocol::Frame;

/// The most frames kept per stack (the newest ones, nearest the throw).
pub const MAX_FRAMES: usize = 250;

/// One frame as the engine printed it, before any Sentry rule is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RawFrame<'a> {
    pub function: Option<&'a str>,
    pub location: Location<'a>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Location<'a> {
    /// A script location; line and column are 1-based as printed.
    Source { url: &'a str, line: Option<u64>, col: Option<u64> },
    /// A WebAssembly function: the module URL, function index and byte offset.
    Wasm { url: &'a str, func_index: Option<u64>, offset: Option<u64> },
    /// Engine-internal code (`native`, `[native code]`, builtins).
    Native,
    /// No location at all.
    Unknown,
}

/// Parses a whole `stack` into Sentry frames, oldest first.
///
/// `header` is the text the engine puts before the frames (`Name: message`
/// for V8). When the stack starts with it, it is skipped whole, so a message
/// containing lines that look like frames gives no frames.
pub fn parse(stack: &str, header: Option<&str>) -> Vec<Frame> {
    let body = match header {
        Some(h) if !h.is_empty() => stack.strip_prefix(h).unwrap_or(stack),
        _ => stack,
    };
    let mut frames: Vec<Frame> = body
        .split('\n')
        .filter_map(|line| v8::parse_line(line.strip_suffix('\r').unwrap_or(line)))
        .take(MAX_FRAMES)
        .map(to_frame)
        .collect();
    frames.reverse();
    frames
}

/// Splits `url[:line[:col]]` from the right. Shared by every engine's grammar.
pub(crate) fn split_line_col(s: &str) -> (&str, Option<u64>, Option<u64>) {
    let (rest, last) = match rsplit_number(s) {
        Some(v) => v,
        None => return (s, None, None),
    };
    match rsplit_number(rest) {
        Some((url, line)) => (url, Some(line), Some(last)),
        None => (rest, Some(last), None),
    }
}

/// `abc:123` → (`abc`, 123); `None` when there is no `:digits` suffix.
fn rsplit_number(s: &str) -> Option<(&str, u64)> {
    let (rest, digits) = s.rsplit_once(':')?;
    if digits.is_empty() || digits.len() > 15 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((rest, digits.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_and_column_split_from_the_right() {
        assert_eq!(split_line_col("http://h:8080/a.js:10:5"), ("http://h:8080/a.js", Some(10), Some(5)));
        assert_eq!(split_line_col("http://h/a.js:10"), ("http://h/a.js", Some(10), None));
        assert_eq!(split_line_col("http://h/a.js"), ("http://h/a.js", None, None));
        assert_eq!(split_line_col("a.js:x:5"), ("a.js:x", Some(5), None));
    }

    #[test]
    fn frames_come_oldest_first() {
        let stack = "TypeError: boom\n    at inner (http://h/a.js:3:9)\n    at outer (http://h/a.js:7:3)\n    at http://h/a.js:9:1";
        let frames = parse(stack, Some("TypeError: boom"));
        let names: Vec<_> = frames.iter().map(|f| f.function.as_deref()).collect();
        assert_eq!(names, [None, Some("outer"), Some("inner")]);
        assert_eq!(frames[2].lineno, Some(3));
        assert_eq!(frames[2].colno, Some(9));
    }

    #[test]
    fn a_message_with_frame_like_lines_gives_no_frames() {
        let header = "Error: look\n    at fake (http://evil/x.js:1:1)";
        let stack = format!("{header}\n    at real (http://h/a.js:1:2)");
        let frames = parse(&stack, Some(header));
        assert_eq!(frames.len(), 1);
        assert_eq!(frames[0].function.as_deref(), Some("real"));
    }

    #[test]
    fn frames_are_capped_keeping_the_newest() {
        let mut stack = String::from("Error: deep");
        for i in 0..400 {
            stack.push_str(&format!("\n    at f{i} (http://h/a.js:{}:1)", i + 1));
        }
        let frames = parse(&stack, None);
        assert_eq!(frames.len(), MAX_FRAMES);
        assert_eq!(frames.last().unwrap().function.as_deref(), Some("f0"));
    }

    #[test]
    fn garbage_never_panics() {
        for s in ["", "\n\n", "at", "    at (", "    at )(", "    at f (:::)", "\u{0}\u{ffff}", "    at eval at (", "    at x (a:wasm-function[:0x)"] {
            let _ = parse(s, None);
            let _ = parse(s, Some(s));
        }
    }
}
