//! Parsed frames as numbers: spans into the caller's own stack string plus
//! line, column and address. A JS caller rebuilds each frame by slicing the
//! string it already has, so nothing is decoded or re-parsed on the way back
//! from wasm. Spans count UTF-16 code units, as JS strings index.

use super::ParsedFrame;

/// Numbers per frame.
pub const SLOTS: usize = 13;

/// Bits of a frame's first slot: which of its fields are present.
pub mod flag {
    pub const IN_APP: u32 = 1;
    pub const FUNCTION: u32 = 2;
    /// `function` spans `text` (a demangled name), not the stack.
    pub const FUNCTION_IN_TEXT: u32 = 4;
    pub const RAW_FUNCTION: u32 = 8;
    pub const ABS_PATH: u32 = 16;
    pub const FILENAME: u32 = 32;
    pub const LINENO: u32 = 64;
    pub const COLNO: u32 = 128;
    pub const INSTRUCTION_ADDR: u32 = 256;
    pub const MODULE: u32 = 512;
}

/// Encodes `frames`, which borrow `stack`, as [`SLOTS`] numbers each:
/// `[flags, function, raw_function, abs_path, filename (start, end each),
/// lineno, colno, instruction_addr, module]`. Demangled names are appended
/// to `text`, which their spans then index.
pub fn encode(stack: &str, frames: &[ParsedFrame<'_>], text: &mut String) -> Vec<f64> {
    let mut out = vec![0.0; frames.len() * SLOTS];
    encode_into(stack, stack.is_ascii(), frames, false, text, &mut out);
    out
}

/// [`encode`] into `out`, which has room for every frame (the first
/// `frames.len() * SLOTS` numbers are written), in reverse order when
/// `reversed`. `ascii`: whether the caller knows `stack` to be ASCII, where
/// bytes and UTF-16 units agree.
pub fn encode_into(stack: &str, ascii: bool, frames: &[ParsedFrame<'_>], reversed: bool, text: &mut String, out: &mut [f64]) {
    let n = frames.len();
    let out = &mut out[..n * SLOTS];
    // Spans are byte offsets first, made UTF-16 offsets below if need be.
    // A plain loop with every slot written: in the size-optimised wasm,
    // iterators, closures and `fill` would each be calls per frame.
    let base = stack.as_ptr() as usize;
    let mut i = 0;
    while i < n {
        let f = &frames[if reversed { n - 1 - i } else { i }];
        let o: &mut [f64; SLOTS] = match (&mut out[i * SLOTS..(i + 1) * SLOTS]).try_into() {
            Ok(o) => o,
            Err(_) => return,
        };
        let mut flags = if f.in_app { flag::IN_APP } else { 0 };
        let (mut a, mut b) = (0.0, 0.0);
        match &f.function {
            Some(std::borrow::Cow::Borrowed(s)) => {
                flags |= flag::FUNCTION;
                (a, b) = span(s, base);
            }
            Some(std::borrow::Cow::Owned(s)) => {
                flags |= flag::FUNCTION | flag::FUNCTION_IN_TEXT;
                let start = utf16_len(text);
                text.push_str(s);
                (a, b) = (start as f64, (start + utf16_len(s)) as f64);
            }
            None => {}
        }
        (o[1], o[2]) = (a, b);
        (o[3], o[4]) = opt_span(f.raw_function, base, &mut flags, flag::RAW_FUNCTION);
        (o[5], o[6]) = opt_span(f.abs_path, base, &mut flags, flag::ABS_PATH);
        (o[7], o[8]) = opt_span(f.filename, base, &mut flags, flag::FILENAME);
        o[9] = number(f.lineno, &mut flags, flag::LINENO);
        o[10] = number(f.colno, &mut flags, flag::COLNO);
        o[11] = number(f.instruction_addr, &mut flags, flag::INSTRUCTION_ADDR);
        o[12] = number(f.module.map(|m| m as u64), &mut flags, flag::MODULE);
        o[0] = f64::from(flags);
        i += 1;
    }
    if !ascii && !stack.is_ascii() {
        to_utf16(stack, out);
    }
}

/// The byte span of `s` within the string at `base`.
#[inline(always)]
fn span(s: &str, base: usize) -> (f64, f64) {
    let start = (s.as_ptr() as usize).wrapping_sub(base);
    (start as f64, (start + s.len()) as f64)
}

#[inline(always)]
fn opt_span(s: Option<&str>, base: usize, flags: &mut u32, bit: u32) -> (f64, f64) {
    match s {
        Some(s) => {
            *flags |= bit;
            span(s, base)
        }
        None => (0.0, 0.0),
    }
}

#[inline(always)]
fn number(v: Option<u64>, flags: &mut u32, bit: u32) -> f64 {
    match v {
        Some(v) => {
            *flags |= bit;
            v as f64
        }
        None => 0.0,
    }
}

/// Makes the byte offsets of the spans into `stack` UTF-16 offsets, with a
/// cursor that walks the string either way: a frame's spans lie in its own
/// line, and frames come in the order of their lines (or the reverse), so
/// the walk stays linear in the stack's length. No sort, no buffer. Absent
/// spans stay (0, 0) and are skipped, or each would walk back to the start.
fn to_utf16(stack: &str, out: &mut [f64]) {
    let b = stack.as_bytes();
    let (mut units, mut at) = (0usize, 0usize);
    for o in out.chunks_exact_mut(SLOTS) {
        let flags = o[0] as u32;
        for slot in 1..9 {
            // Slots 1 and 2 are the function, 3 and 4 the raw function, and so on.
            let bit = [flag::FUNCTION, flag::RAW_FUNCTION, flag::ABS_PATH, flag::FILENAME][(slot - 1) / 2];
            if flags & bit == 0 || (slot < 3 && flags & flag::FUNCTION_IN_TEXT != 0) {
                continue;
            }
            let slot = &mut o[slot];
            let byte = (*slot as usize).min(b.len());
            while at < byte {
                units += units_of(b[at]);
                at += 1;
            }
            while at > byte {
                at -= 1;
                units -= units_of(b[at]);
            }
            *slot = units as f64;
        }
    }
}

/// The length of `s` in UTF-16 units (`encode_utf16().count()`, by bytes).
pub fn utf16_len(s: &str) -> usize {
    let mut n = 0;
    for &b in s.as_bytes() {
        n += units_of(b);
    }
    n
}

/// The UTF-16 units a byte of UTF-8 starts: one per char, two for a char
/// of four bytes (a surrogate pair), none for a continuation byte.
#[inline(always)]
pub(crate) fn units_of(b: u8) -> usize {
    usize::from(b & 0xc0 != 0x80) + usize::from(b >= 0xf0)
}

/// The byte offset in `s` of the char that starts `units` UTF-16 units in
/// (the end of `s` when it is shorter).
pub fn byte_at_units(s: &str, units: usize) -> usize {
    let b = s.as_bytes();
    let (mut n, mut i) = (0, 0);
    while i < b.len() {
        if b[i] & 0xc0 != 0x80 && n >= units {
            return i;
        }
        n += units_of(b[i]);
        i += 1;
    }
    b.len()
}

#[cfg(test)]
mod tests {
    use super::super::parse_frames;
    use super::*;

    /// Rebuilds the strings as a JS caller would, by UTF-16 index.
    fn slice(s: &str, a: f64, b: f64) -> String {
        let units: Vec<u16> = s.encode_utf16().collect();
        String::from_utf16(&units[a as usize..b as usize]).unwrap()
    }

    #[test]
    fn utf16_offsets_count_surrogate_pairs() {
        let s = "aé😀b\nc";
        assert_eq!(byte_at_units(s, 0), 0);
        assert_eq!(byte_at_units(s, 2), 3);
        assert_eq!(byte_at_units(s, 4), 7);
        assert_eq!(byte_at_units(s, 5), 8);
        assert_eq!(byte_at_units(s, 99), s.len());
    }

    #[test]
    fn spans_rebuild_every_field_in_utf16_units() {
        let stack = "Error: é\n    at fü (http://h/ä😀.js?q:3:4)\n    at g (http://h/b.js:1:2)";
        let frames = parse_frames(stack, "Error", "é", "");
        let mut text = String::new();
        let out = encode(stack, &frames, &mut text);
        assert_eq!(out.len(), 2 * SLOTS);
        let top = &out[SLOTS..];
        let flags = top[0] as u32;
        assert_eq!(flags & flag::FUNCTION_IN_TEXT, 0);
        assert_eq!(slice(stack, top[1], top[2]), "fü");
        assert_eq!(slice(stack, top[5], top[6]), "http://h/ä😀.js?q");
        assert_eq!(slice(stack, top[7], top[8]), "/ä😀.js");
        assert_eq!((top[9], top[10]), (3.0, 4.0));
        assert_eq!(flags & (flag::IN_APP | flag::LINENO | flag::COLNO | flag::INSTRUCTION_ADDR), flag::IN_APP | flag::LINENO | flag::COLNO);
    }

    /// Every span of every frame, in both output orders, with absent fields
    /// and non-ASCII text before, inside and after them.
    #[test]
    fn spans_of_many_frames_either_way() {
        let stacks = [
            "Error: é\n    at fü (http://h/ä😀.js:3:4)\n    at http://h/ñ.js:7:8\n    at Object.<anonymous> (http://h/😀/b.js:1:2)\n    at <anonymous>\n    at gé (http://h/ü.js:5:6)",
            "fü@http://h/ä😀.js:3:4\n@http://h/ñ.js:7:8\nbé😀/<@http://h/b.js:1:2\n",
        ];
        for stack in stacks {
            let frames = parse_frames(stack, "Error", "é", "");
            assert!(frames.len() >= 3, "{stack}");
            for reversed in [false, true] {
                let mut text = String::new();
                let mut out = vec![0.0; frames.len() * SLOTS];
                encode_into(stack, false, &frames, reversed, &mut text, &mut out);
                for (i, o) in out.chunks_exact(SLOTS).enumerate() {
                    let f = &frames[if reversed { frames.len() - 1 - i } else { i }];
                    let flags = o[0] as u32;
                    let got = |bit: u32, at: usize| (flags & bit != 0).then(|| slice(stack, o[at], o[at + 1]));
                    assert_eq!(got(flag::FUNCTION, 1).as_deref(), f.function.as_deref(), "{stack}");
                    assert_eq!(got(flag::ABS_PATH, 5).as_deref(), f.abs_path, "{stack}");
                    assert_eq!(got(flag::FILENAME, 7).as_deref(), f.filename, "{stack}");
                }
            }
        }
    }
}
