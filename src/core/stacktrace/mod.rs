//! Stack strings, as JS engines print them, to Sentry frames.
//!
//! Each engine's file holds its line grammar only: one line in, one
//! [`RawFrame`] borrowing the line out. What does not depend on the engine
//! (the header, `url:line:col` and wasm locations, caps, order, and in
//! `frame.rs` the URL, `in_app`, naming and wasm-address rules) lives here
//! once. Every step is linear in the input and total: a line that does not
//! parse is skipped, never an error.

/// In a grammar's tests: `t!(line, function, location)` checks one line
/// with the `parse_line` in scope where it is used.
#[cfg(test)]
macro_rules! t {
    ($line:expr, $func:expr, $loc:expr) => {
        crate::core::stacktrace::testing::check(parse_line, $line, $func, $loc)
    };
}

mod frame;
mod jsc;
pub mod spans;
mod spidermonkey;
mod v8;

pub use frame::{event_is_pending, is_pending, number_wasm_modules, resolve_event, resolve_pending, to_frame, ParsedFrame};

use crate::core::protocol::Frame;

/// The most frames kept per stack (the newest ones, nearest the throw).
/// Engines print up to 128 (SpiderMonkey, on overflow) or 100 (JSC), and V8
/// as many as `Error.stackTraceLimit` asks (10 by default); the peer keeps 50.
pub const MAX_FRAMES: usize = 250;
/// The deepest eval nesting followed before a location counts as unknown.
pub const MAX_NESTING: usize = 32;

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
    Wasm { url: Option<&'a str>, func_index: Option<u64>, offset: Option<u64> },
    /// Engine-internal code (`native`, `[native code]`, promise combinators).
    Native,
    /// No location at all.
    Unknown,
}

/// The frames of a stack, newest first, as the engine printed them.
///
/// `name` and `message` are the error's: V8 starts its stacks with
/// `String(error)`, which can span lines, and a message can even hold lines
/// that look like frames. Knowing them, the header is skipped whole.
pub fn raw_frames<'a>(stack: &'a str, name: &str, message: &str) -> impl Iterator<Item = RawFrame<'a>> {
    let body = skip_header(stack, name, message);
    let v8 = is_v8(body);
    let (mut rest, mut newest) = (Some(body), true);
    std::iter::from_fn(move || loop {
        let r = rest?;
        let (line, tail) = match split_byte(r, b'\n') {
            Some((line, tail)) => (line, Some(tail)),
            None => (r, None),
        };
        rest = tail;
        let mut line = line;
        if v8 {
            if let Some((joined, after)) = v8::continued(body, line, rest) {
                (line, rest) = (joined, after);
            }
        }
        let Some(f) = raw_frame(line, v8, newest) else { continue };
        newest = false;
        return Some(f);
    })
    .take(MAX_FRAMES)
}

/// Whether `body` holds a V8 frame line: then it is read as V8's, else as
/// the `function@location` grammar.
fn is_v8(body: &str) -> bool {
    lines(body).any(v8::is_frame_line)
}

/// One line of a stack as a frame of the engine's grammar, or `None`;
/// `newest`: no frame came before it.
fn raw_frame(line: &str, v8: bool, newest: bool) -> Option<RawFrame<'_>> {
    let line = if last(line) == b'\r' { around(line, line.len() - 1).0 } else { line };
    // A V8 frame line starts with white space (see `v8::is_frame_line`).
    if v8 {
        v8::parse_line(line)
    } else {
        spidermonkey::parse_line(line, newest)
    }
}

/// Parses a whole `stack` into frames borrowing it, oldest first: exactly
/// the frames an event gets for that error.
///
/// `sdk_base` is the URL prefix of the SDK's own files (empty when unknown).
/// Their frames are not the app's: removed from the top of the stack, where
/// capturing put them, and marked `in_app: false` anywhere else.
pub fn parse_frames<'a>(stack: &'a str, name: &str, message: &str, sdk_base: &str) -> Vec<ParsedFrame<'a>> {
    let mut frames = frames_newest_first(stack, name, message, sdk_base);
    frames.reverse();
    number_wasm_modules(&mut frames, &mut Vec::new());
    frames
}

/// The frames of [`parse_frames`] newest first, before wasm modules are
/// numbered (in order of appearance, oldest first): for callers that can
/// read them in reverse, which is cheaper than reversing them.
pub fn frames_newest_first<'a>(stack: &'a str, name: &str, message: &str, sdk_base: &str) -> Vec<ParsedFrame<'a>> {
    let is_sdk = |f: &ParsedFrame<'_>| !sdk_base.is_empty() && f.abs_path.is_some_and(|p| strip(p, sdk_base).is_some());
    let mut frames: Vec<ParsedFrame<'a>> = Vec::with_capacity(16);
    // `raw_frames`, as a plain loop: no iterator adapters between the lines
    // and the frames, which the size-optimised wasm would not inline.
    let body = skip_header(stack, name, message);
    // Read as `function@location` until a V8 frame line shows up; then
    // again from the start as V8's (one pass over the body, not two).
    let (mut v8, mut rest, mut seen) = (false, Some(body), 0);
    while let Some(r) = rest {
        let line = match find_byte(r.as_bytes(), b'\n') {
            Some(i) => {
                let (line, tail) = around(r, i);
                rest = Some(tail);
                line
            }
            None => {
                rest = None;
                r
            }
        };
        if !v8 && v8::is_frame_line(line) {
            (v8, rest, seen) = (true, Some(body), 0);
            frames.clear();
            continue;
        }
        if seen == MAX_FRAMES {
            if v8 {
                break;
            }
            continue;
        }
        let mut line = line;
        if v8 {
            if let Some((joined, after)) = v8::continued(body, line, rest) {
                (line, rest) = (joined, after);
            }
        }
        let Some(raw) = raw_frame(line, v8, seen == 0) else { continue };
        seen += 1;
        // Pushed first and fixed in place: a frame is large, and each move
        // of one is a `memory.copy` in the size-optimised wasm.
        frames.push(to_frame(raw));
        if let [rest @ .., f] = &mut frames[..] {
            if is_sdk(f) {
                // The SDK's frames leave the top; below it, they are not the app's.
                if rest.is_empty() {
                    frames.clear();
                } else {
                    f.in_app = false;
                }
            }
        }
    }
    frames
}

/// [`parse_frames`], as owned protocol frames.
pub fn parse(stack: &str, name: &str, message: &str, sdk_base: &str) -> Vec<Frame> {
    let parsed = parse_frames(stack, name, message, sdk_base);
    let mut frames = Vec::with_capacity(parsed.len());
    for f in &parsed {
        frames.push(Frame::from(f));
    }
    frames
}

/// Where std's panic machinery and the SDK's own capture code live: the
/// demangled names of the frames that a capture made from inside Rust (the
/// panic hook, `capture_error`) puts on top of the stack, above the app's.
const CAPTURE_MACHINERY: [&str; 13] = [
    "wasm_sentry::",
    "std::panicking::",
    "std::panic::",
    "core::panicking::",
    "core::panic::",
    "std::sys::backtrace::",
    "std::sys_common::backtrace::",
    "rust_begin_unwind",
    "__rustc::rust_begin_unwind",
    "__rust_start_panic",
    "<alloc::boxed::Box<F",
    "core::ops::function::",
    "<F as core::ops::function::",
];

/// Removes, from the top of `frames` (oldest first, so from the end), the
/// frames of a capture made from inside a wasm module: first the JS frames
/// above the newest wasm frame (the SDK's glue that read the stack), then
/// the wasm frames of the SDK and of std's panic machinery, so the newest
/// frame left is the app's, where the panic or the capture happened. When
/// nothing would be left, the frames stay as they were.
pub fn trim_capture_frames(frames: &mut Vec<Frame>) {
    let glue = frames.iter().rev().take_while(|f| f.instruction_addr.is_none()).count();
    let machinery = frames.iter().rev().skip(glue).take_while(|f| f.function.as_deref().map(without_module_name).is_some_and(is_capture_machinery)).count();
    let keep = frames.len() - glue - machinery;
    if keep > 0 {
        frames.truncate(keep);
    }
}

fn is_capture_machinery(name: &str) -> bool {
    CAPTURE_MACHINERY.iter().any(|p| name.starts_with(p)) || name.contains("unwrap_failed") || name.contains("expect_failed")
}

/// A wasm function's name without the module name V8 may put before it
/// (`app.wasm.wasm_sentry::x` is `wasm_sentry::x`).
fn without_module_name(name: &str) -> &str {
    let head = name.bytes().position(|b| matches!(b, b':' | b'<' | b' ')).unwrap_or(name.len());
    match rsplit_byte(&name[..head], b'.') {
        Some((module, _)) => &name[module.len() + 1..],
        None => name,
    }
}

/// The part of `stack` after the header V8 writes (`Name: message`, `Name`
/// or `message`, as `Error.prototype.toString` gives). When the header was
/// fixed before `name` or `message` changed, a multi-line message is still
/// found and skipped. SpiderMonkey and JSC print no header: nothing matches.
fn skip_header<'a>(stack: &'a str, name: &str, message: &str) -> &'a str {
    // `name: message`, `message`, `name`: each only when what it joins is
    // not empty, and only when a line break or the end follows.
    let after = |rest: Option<&'a str>| rest.filter(|r| r.is_empty() || first(r) == b'\n');
    let full = if name.is_empty() || message.is_empty() { None } else { strip(stack, name).and_then(|r| strip(r, ": ")).and_then(|r| strip(r, message)) };
    let found = after(full)
        .or_else(|| after((!message.is_empty()).then(|| strip(stack, message)).flatten()))
        .or_else(|| after((!name.is_empty()).then(|| strip(stack, name)).flatten()));
    if let Some(rest) = found {
        return rest;
    }
    if let Some(nl) = find_byte(message.as_bytes(), b'\n') {
        if let Some(i) = find_str(stack, message) {
            return &stack[i + message.len()..];
        }
        // The first line changed after the stack was taken (a prefix added,
        // `err.message = 'GET /x: ' + err.message`): the lines after it are
        // still the header's, and may even look like frames (a stack the
        // message carries). Only where they stand as whole lines.
        let rest = tail(message, nl + 1);
        if let Some(i) = find_str(stack, rest) {
            let end = i + rest.len();
            if !rest.is_empty() && i > 0 && stack.as_bytes()[i - 1] == b'\n' && (end == stack.len() || stack.as_bytes()[end] == b'\n') {
                return &stack[end..];
            }
        }
    }
    stack
}

/// `url:wasm-function[I]:0xHEX` (or without the offset), in every engine.
pub(crate) fn wasm_location(s: &str) -> Option<Location<'_>> {
    // Cheap test first: a wasm location ends with `]` or `]:0xHEX`.
    let b = s.as_bytes();
    if last(s) != b']' && !rfind_byte(b, b':').is_some_and(|i| i > 0 && b[i - 1] == b']') {
        return None;
    }
    // The last `:wasm-function[`: at the last `[` that follows `:wasm-function`.
    const MARK: &str = ":wasm-function";
    let mut end = b.len();
    let open = loop {
        let i = rfind_byte(&b[..end], b'[')?;
        if i >= MARK.len() && b[i - MARK.len()..i] == *MARK.as_bytes() {
            break i;
        }
        end = i;
    };
    let (url, rest) = (around(s, open - MARK.len()).0, around(s, open).1);
    let (index, rest) = split_byte(rest, b']')?;
    let offset = strip(rest, ":0x").and_then(parse_hex);
    Some(Location::Wasm { url: (!url.is_empty()).then_some(url), func_index: parse_u64(index), offset })
}

/// Whether `s` starts as a frame's location does, for the grammars that must
/// tell where a function name ends when the name itself may hold their
/// delimiter (V8's ` (`, SpiderMonkey's and JSC's `@`): a URL scheme (`http:`,
/// `file:`, `node:`, `blob:`, a drive's `C:`; not `name:12`, a line), an
/// absolute path, V8's `eval at`, JSC's `[native code]`. A relative path,
/// or a form such as `<anonymous>` that no name is mistaken for, does not
/// count: the callers then keep their older rule.
pub(crate) fn looks_like_location(s: &str) -> bool {
    let b = s.as_bytes();
    match first(s) {
        b'/' | b'\\' | b'[' => true,
        b'e' if strip(s, "eval at ").is_some() => true,
        c if c.is_ascii_alphabetic() => {
            let mut i = 1;
            while i < b.len() && (b[i].is_ascii_alphanumeric() || matches!(b[i], b'+' | b'-' | b'.')) {
                i += 1;
            }
            i + 1 < b.len() && b[i] == b':' && !b[i + 1].is_ascii_digit()
        }
        _ => false,
    }
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

/// The lines of `s`, split at `\n` by a byte scan.
fn lines(s: &str) -> impl Iterator<Item = &str> {
    pieces(s, b'\n')
}

/// The pieces of `s` between each `b`, an ASCII byte (`str::split` with a
/// byte scan instead of std's char searcher).
pub(crate) fn pieces(s: &str, b: u8) -> impl Iterator<Item = &str> {
    let mut rest = Some(s);
    std::iter::from_fn(move || {
        let r = rest?;
        match split_byte(r, b) {
            Some((line, tail)) => {
                rest = Some(tail);
                Some(line)
            }
            None => rest.take(),
        }
    })
}

// The grammar's text primitives. In the size-optimised wasm almost nothing
// is inlined, not even `&s[i..]` (a call that checks char boundaries) or a
// compare of `Option<&u8>`; a call per step of a scan, or several per line,
// was most of the parse. These are inlined always, and byte scans are plain
// index loops. Grammar delimiters are ASCII, so splitting at them always
// lands on char boundaries.

/// `s[from..to]`. In bounds and at char boundaries is checked inline; what
/// is not panics as `&s[from..to]` does.
#[inline(always)]
pub(crate) fn sub(s: &str, from: usize, to: usize) -> &str {
    if from <= to && is_boundary(s, from) && is_boundary(s, to) {
        // SAFETY: `from..to` is within `s` and both ends are char
        // boundaries (checked just above), so the bytes are valid UTF-8.
        unsafe { s.get_unchecked(from..to) }
    } else {
        out_of_line(s, from, to)
    }
}

/// `s[..to]`.
#[inline(always)]
pub(crate) fn head(s: &str, to: usize) -> &str {
    if is_boundary(s, to) {
        // SAFETY: as in `sub`; 0 is always a boundary.
        unsafe { s.get_unchecked(..to) }
    } else {
        out_of_line(s, 0, to)
    }
}

/// `s[from..]`.
#[inline(always)]
pub(crate) fn tail(s: &str, from: usize) -> &str {
    if is_boundary(s, from) {
        // SAFETY: as in `sub`; the end is always a boundary.
        unsafe { s.get_unchecked(from..) }
    } else {
        out_of_line(s, from, s.len())
    }
}

/// Whether `i` is within `s` (or its end) and not inside a char: the byte
/// there is not a UTF-8 continuation byte.
#[inline(always)]
fn is_boundary(s: &str, i: usize) -> bool {
    let b = s.as_bytes();
    i == b.len() || (i < b.len() && (b[i] as i8) >= -0x40)
}

/// The checked slice, which panics: never reached from the grammar, whose
/// ends are always boundaries, but out of line for the size of the callers.
#[cold]
#[inline(never)]
fn out_of_line(s: &str, from: usize, to: usize) -> &str {
    &s[from..to]
}

/// `s` before and after its byte at `i`, which is checked to be ASCII: in
/// UTF-8 an ASCII byte is a whole char, so both sides end at boundaries.
/// The grammar splits at its delimiters this way (one compare, inline).
#[inline(always)]
pub(crate) fn around(s: &str, i: usize) -> (&str, &str) {
    let b = s.as_bytes();
    if i < b.len() && b[i] < 0x80 {
        // SAFETY: `i` is within `s` and its byte is ASCII, a char of its
        // own: `i` and `i + 1` are char boundaries.
        unsafe { (s.get_unchecked(..i), s.get_unchecked(i + 1..)) }
    } else {
        not_ascii()
    }
}

#[cold]
#[inline(never)]
fn not_ascii() -> ! {
    panic!("not an ASCII byte")
}

/// The first byte of `s`, or 0 when it is empty.
#[inline(always)]
pub(crate) fn first(s: &str) -> u8 {
    if s.is_empty() {
        0
    } else {
        s.as_bytes()[0]
    }
}

/// The last byte of `s`, or 0 when it is empty.
#[inline(always)]
pub(crate) fn last(s: &str) -> u8 {
    if s.is_empty() {
        0
    } else {
        s.as_bytes()[s.len() - 1]
    }
}

/// `s` without ASCII white space at its start, as `str::trim_ascii_start`.
#[inline(always)]
pub(crate) fn trim_start(s: &str) -> &str {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() && b[i].is_ascii_whitespace() {
        i += 1;
    }
    // SAFETY: only ASCII bytes were passed: `i` is a char boundary.
    unsafe { s.get_unchecked(i..) }
}

/// `s` without ASCII white space at its end, as `str::trim_ascii_end`.
#[inline(always)]
pub(crate) fn trim_end(s: &str) -> &str {
    let b = s.as_bytes();
    let mut i = b.len();
    while i > 0 && b[i - 1].is_ascii_whitespace() {
        i -= 1;
    }
    // SAFETY: only ASCII bytes were passed: `i` is a char boundary.
    unsafe { s.get_unchecked(..i) }
}

/// Where the first `b` is in `s`. The byte scans of the grammar are plain
/// index loops: in the size-optimised wasm, iterator adapters are not
/// inlined, and would cost a call or more per byte. This one, which splits
/// the lines, looks at eight bytes at a time.
pub(crate) fn find_byte(s: &[u8], b: u8) -> Option<usize> {
    let n = s.len();
    let mut i = 0;
    // Sixteen bytes a turn while there are, then eight, then the last eight
    // overlapping those before.
    while i + 16 <= n {
        let (Some(w0), Some(w1)) = (word(s, i), word(s, i + 8)) else { break };
        let (m0, m1) = (matches(w0, b), matches(w1, b));
        if m0 | m1 != 0 {
            let (at, m) = if m0 != 0 { (i, m0) } else { (i + 8, m1) };
            return Some(at + (m.trailing_zeros() / 8) as usize);
        }
        i += 16;
    }
    if n >= 8 {
        loop {
            let at = if i + 8 <= n { i } else { n - 8 };
            let m = matches(word(s, at)?, b);
            if m != 0 {
                return Some(at + (m.trailing_zeros() / 8) as usize);
            }
            if at == n - 8 {
                return None;
            }
            i += 8;
        }
    }
    while i < n {
        if s[i] == b {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Where the first `a` or `b` is in `s`, eight bytes at a time (the last
/// eight overlapping those before, rather than a byte loop for the rest).
pub(crate) fn find_either(s: &[u8], a: u8, b: u8) -> Option<usize> {
    let n = s.len();
    if n < 8 {
        let mut i = 0;
        while i < n {
            if s[i] == a || s[i] == b {
                return Some(i);
            }
            i += 1;
        }
        return None;
    }
    let mut i = 0;
    loop {
        let at = if i + 8 <= n { i } else { n - 8 };
        let w = word(s, at)?;
        let m = matches(w, a) | matches(w, b);
        if m != 0 {
            // The bytes before `i` had none: the first here is at or after it.
            return Some(at + (m.trailing_zeros() / 8) as usize);
        }
        if at == n - 8 {
            return None;
        }
        i += 8;
    }
}

const ONES: u64 = 0x0101_0101_0101_0101;

/// The eight bytes of `s` from `i`, as a little-endian word, if there are.
#[inline(always)]
pub(crate) fn word(s: &[u8], i: usize) -> Option<u64> {
    let eight: [u8; 8] = s.get(i..i.checked_add(8)?)?.try_into().ok()?;
    Some(u64::from_le_bytes(eight))
}

/// The high bit of each byte of `w` that equals `b`: nonzero exactly when
/// one does, and the lowest bit set is the first (bits above a match may
/// be set without one, never below).
#[inline(always)]
pub(crate) fn matches(w: u64, b: u8) -> u64 {
    let x = w ^ (ONES * u64::from(b));
    x.wrapping_sub(ONES) & !x & (ONES << 7)
}

/// Where the last `b` is in `s`.
#[inline(always)]
pub(crate) fn rfind_byte(s: &[u8], b: u8) -> Option<usize> {
    let mut i = s.len();
    while i > 0 {
        i -= 1;
        if s[i] == b {
            return Some(i);
        }
    }
    None
}

/// Where `needle` first is in `s`, as `str::find` with a `&str`, in time
/// linear in both (Knuth, Morris and Pratt). std's two-way searcher, for
/// the few searches off the parser's hot path, cost the wasm 1 KB more.
/// A match starts at a char boundary: a str never starts with a UTF-8
/// continuation byte.
pub(crate) fn find_str(s: &str, needle: &str) -> Option<usize> {
    let (h, n) = (s.as_bytes(), needle.as_bytes());
    if n.is_empty() {
        return Some(0);
    }
    // border[i]: the length of the longest proper prefix of `n[..=i]` that
    // is also its suffix, where a partial match resumes after a mismatch.
    let mut border = vec![0usize; n.len()];
    let mut k = 0;
    for i in 1..n.len() {
        while k > 0 && n[i] != n[k] {
            k = border[k - 1];
        }
        if n[i] == n[k] {
            k += 1;
        }
        border[i] = k;
    }
    k = 0;
    for (i, &b) in h.iter().enumerate() {
        while k > 0 && b != n[k] {
            k = border[k - 1];
        }
        if b == n[k] {
            k += 1;
            if k == n.len() {
                return Some(i + 1 - k);
            }
        }
    }
    None
}

/// Splits at the first `b`, an ASCII byte. The grammar's delimiters are all
/// ASCII, and byte scans beat `char` patterns in the size-optimised wasm.
#[inline(always)]
pub(crate) fn split_byte(s: &str, b: u8) -> Option<(&str, &str)> {
    Some(around(s, find_byte(s.as_bytes(), b)?))
}

/// Splits at the last `b`, an ASCII byte.
#[inline(always)]
pub(crate) fn rsplit_byte(s: &str, b: u8) -> Option<(&str, &str)> {
    Some(around(s, rfind_byte(s.as_bytes(), b)?))
}

/// `s` without `prefix`, compared byte by byte: the grammar's prefixes are
/// a few bytes long, and a loop beats a `memcmp` call in the size-optimised
/// wasm, where that call is made for every prefix of every line.
#[inline(always)]
pub(crate) fn strip<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let (a, p) = (s.as_bytes(), prefix.as_bytes());
    if a.len() < p.len() {
        return None;
    }
    let mut i = 0;
    while i < p.len() {
        if a[i] != p[i] {
            return None;
        }
        i += 1;
    }
    // SAFETY: `s` starts with the bytes of `prefix`, a whole str: its
    // length is a char boundary of `s` too.
    Some(unsafe { s.get_unchecked(p.len()..) })
}

/// `abc:123` → (`abc`, 123); `None` when there is no `:digits` suffix.
#[inline(always)]
fn rsplit_number(s: &str) -> Option<(&str, u64)> {
    let (rest, digits) = rsplit_byte(s, b':')?;
    Some((rest, parse_u64(digits)?))
}

/// 1 to 16 hex digits, either case, as a number (`u64::from_str_radix`
/// would link 0.4 KB of generic parsing for this one use).
fn parse_hex(digits: &str) -> Option<u64> {
    let b = digits.as_bytes();
    if b.is_empty() || b.len() > 16 {
        return None;
    }
    let mut n = 0u64;
    for &c in b {
        let d = match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            b'A'..=b'F' => c - b'A' + 10,
            _ => return None,
        };
        n = n << 4 | u64::from(d);
    }
    Some(n)
}

/// 1 to 15 ASCII digits as a number.
pub(crate) fn parse_u64(digits: &str) -> Option<u64> {
    let b = digits.as_bytes();
    if b.is_empty() || b.len() > 15 {
        return None;
    }
    let mut n = 0u64;
    let mut i = 0;
    while i < b.len() {
        let d = b[i].wrapping_sub(b'0');
        if d > 9 {
            return None;
        }
        n = n * 10 + u64::from(d);
        i += 1;
    }
    Some(n)
}

/// Helpers for the grammar files' one-line table tests.
#[cfg(test)]
pub(crate) mod testing {
    use super::{Location, RawFrame};

    /// Asserts that `parse` reads `line` as `function` at `location`.
    pub fn check<'a>(parse: fn(&'a str) -> Option<RawFrame<'a>>, line: &'a str, function: Option<&'a str>, location: Location<'a>) {
        assert_eq!(parse(line), Some(RawFrame { function, location }), "{line}");
    }

    pub fn src(url: &str, line: u64, col: u64) -> Location<'_> {
        Location::Source { url, line: Some(line), col: Some(col) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_scans_find_the_first_and_last() {
        for len in 0..40 {
            for at in 0..len {
                let mut s = vec![b'a'; len];
                s[at] = b'\n';
                if at + 3 < len {
                    s[at + 3] = b'\n';
                }
                s.iter_mut().skip(at + 5).for_each(|c| *c = 0x8a);
                assert_eq!(find_byte(&s, b'\n'), Some(at), "{len} {at}");
                assert_eq!(rfind_byte(&s, b'\n'), s.iter().rposition(|&c| c == b'\n'));
            }
            assert_eq!(find_byte(&vec![0x8a; len], b'\n'), None);
            assert_eq!(find_byte(&vec![0x0b; len], b'\n'), None);
        }
    }

    #[test]
    fn find_str_finds_what_str_find_finds() {
        let hay = ["", "a", "aab", "abab", "aaabaaab", "x (y (z", "a::b::c", "ab\nab\nabc", "ééa€::"];
        let needles = ["", "a", "b", "ab", "aab", "aaab", "abab", " (", "::", "ab\nabc", "é", "€::", "zz"];
        for h in hay {
            for n in needles {
                assert_eq!(find_str(h, n), h.find(n), "{h:?} {n:?}");
            }
        }
    }

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
        let frames = parse(stack, "TypeError", "boom", "");
        let names: Vec<_> = frames.iter().map(|f| f.function.as_deref()).collect();
        assert_eq!(names, [None, Some("outer"), Some("inner")]);
        assert_eq!((frames[2].lineno, frames[2].colno), (Some(3), Some(9)));
    }

    #[test]
    fn a_message_with_frame_like_lines_gives_no_frames() {
        let message = "look\n    at fake (http://evil/x.js:1:1)\nfake@http://evil/x.js:1:1";
        let stack = format!("Error: {message}\n    at real (http://h/a.js:1:2)");
        let frames = parse(&stack, "Error", message, "");
        assert_eq!(frames.len(), 1);
        assert_eq!(frames[0].function.as_deref(), Some("real"));
        // The name changed after the stack was made: the message still finds the header.
        assert_eq!(parse(&stack, "Renamed", message, "").len(), 1);
        // The message's first line changed after (a prefix added): its other lines still do.
        assert_eq!(parse(&stack, "Error", &format!("GET /x: {message}"), "").len(), 1);
        // Not where they would only match part of a line.
        let stack = "Error: old\n    at real (http://h/ab.js:1:2)";
        assert_eq!(parse(stack, "Error", "new\nb.js:1:2", "").len(), 1);
    }

    #[test]
    fn at_sign_stacks_have_no_header() {
        let stack = "inner@http://h/a.js:3:9\nouter@http://h/a.js:7:3\n@http://h/a.js:9:1\n";
        let frames = parse(stack, "TypeError", "boom", "");
        assert_eq!(frames.len(), 3);
        assert_eq!(frames[2].function.as_deref(), Some("inner"));
        assert_eq!(frames[0].function, None);
    }

    #[test]
    fn a_frameless_v8_header_with_an_at_sign_gives_no_frames() {
        assert_eq!(parse("Error: no user@example.com", "", "", ""), []);
        assert_eq!(parse("Error: no user@example.com\n    at f (http://h/a.js:1:2)", "", "", "").len(), 1);
    }

    #[test]
    fn frames_are_capped_keeping_the_newest() {
        let mut stack = String::from("Error: deep");
        for i in 0..400 {
            stack.push_str(&format!("\n    at f{i} (http://h/a.js:{}:1)", i + 1));
        }
        let frames = parse(&stack, "Error", "deep", "");
        assert_eq!(frames.len(), MAX_FRAMES);
        assert_eq!(frames.last().unwrap().function.as_deref(), Some("f0"));
    }

    #[test]
    fn a_v8_line_after_the_cap_still_makes_the_stack_v8() {
        let mut stack = "f@http://h/a.js:1:1\n".repeat(MAX_FRAMES + 50);
        stack.push_str("    at g (http://h/b.js:1:2)");
        let frames = parse(&stack, "", "", "");
        assert_eq!(frames.len(), 1);
        assert_eq!(frames[0].function.as_deref(), Some("g"));
    }

    #[test]
    fn sdk_frames_leave_the_top_and_are_never_in_app() {
        let stack = "Error: x\n    at capture (http://cdn/wasm-sentry/sdk.js:1:1)\n    at app (http://h/a.js:2:2)\n    at wrap (http://cdn/wasm-sentry/sdk.js:9:9)\n    at main (http://h/a.js:1:1)";
        let frames = parse(stack, "Error", "x", "http://cdn/wasm-sentry/");
        let names: Vec<_> = frames.iter().map(|f| (f.function.as_deref().unwrap(), f.in_app.unwrap())).collect();
        assert_eq!(names, [("main", true), ("wrap", false), ("app", true)]);
    }

    #[test]
    fn a_panic_keeps_the_app_frames_below_the_capture_and_panic_machinery() {
        let stack = "Error\n    at stackNow (http://h/pkg/snippets/wasm-sentry-0/js/transport.js:9:9)\n    at __wbg_stackNow_1 (http://h/pkg/app.js:50:5)\n    at app.wasm.wasm_sentry::web::panic::capture::h0123456789abcdef (http://h/pkg/app_bg.wasm:wasm-function[40]:0x100)\n    at <alloc::boxed::Box<F,A> as core::ops::function::Fn<Args>>::call::h0123456789abcdef (http://h/pkg/app_bg.wasm:wasm-function[41]:0x200)\n    at std::panicking::rust_panic_with_hook::h0123456789abcdef (http://h/pkg/app_bg.wasm:wasm-function[42]:0x300)\n    at std::panicking::begin_panic_handler::{{closure}}::h0123456789abcdef (http://h/pkg/app_bg.wasm:wasm-function[43]:0x310)\n    at std::sys::backtrace::__rust_end_short_backtrace::h0123456789abcdef (http://h/pkg/app_bg.wasm:wasm-function[44]:0x320)\n    at __rustc::rust_begin_unwind (http://h/pkg/app_bg.wasm:wasm-function[45]:0x330)\n    at core::panicking::panic_fmt::h0123456789abcdef (http://h/pkg/app_bg.wasm:wasm-function[46]:0x340)\n    at core::option::unwrap_failed::h0123456789abcdef (http://h/pkg/app_bg.wasm:wasm-function[47]:0x350)\n    at rust_app::parse_config::h0123456789abcdef (http://h/pkg/app_bg.wasm:wasm-function[48]:0x360)\n    at rust_app::on_click::h0123456789abcdef (http://h/pkg/app_bg.wasm:wasm-function[49]:0x370)\n    at onclick (http://h/index.html:3:7)";
        let mut frames = parse(stack, "Error", "", "");
        trim_capture_frames(&mut frames);
        let names: Vec<_> = frames.iter().map(|f| f.function.as_deref().unwrap_or("")).collect();
        assert_eq!(names, ["onclick", "rust_app::on_click", "rust_app::parse_config"]);
        assert_eq!(frames[2].instruction_addr, Some(0x360));
    }

    #[test]
    fn trimming_never_leaves_nothing_and_leaves_app_stacks_alone() {
        let only_sdk = "Error\n    at wasm_sentry::x::h0123456789abcdef (http://h/a.wasm:wasm-function[1]:0x10)";
        let mut frames = parse(only_sdk, "Error", "", "");
        trim_capture_frames(&mut frames);
        assert_eq!(frames.len(), 1);
        let app = "Error\n    at rust_app::f::h0123456789abcdef (http://h/a.wasm:wasm-function[1]:0x10)\n    at g (http://h/a.js:1:1)";
        let mut frames = parse(app, "Error", "", "");
        trim_capture_frames(&mut frames);
        assert_eq!(frames.len(), 2);
        let mut none: Vec<Frame> = Vec::new();
        trim_capture_frames(&mut none);
    }

    #[test]
    fn garbage_never_panics() {
        for s in [
            "",
            "\n\n",
            "at",
            "    at (",
            "    at )(",
            "    at f (:::)",
            "\u{0}\u{ffff}",
            "    at eval at (",
            "    at x (a:wasm-function[:0x)",
            "@",
            "@@",
            "*@",
            " line 1 > ",
            "f@a line 99999999999999999999 > eval:1:1",
            "f@a:wasm-function[1]:0xfffffffffffffffffffff",
        ] {
            let _ = parse(s, "", "", "");
            let _ = parse(s, s, s, "");
        }
    }
}
