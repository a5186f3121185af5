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
    encode_into(stack, stack.is_ascii(), frames, text, &mut out);
    out
}

/// [`encode`] into `out`, which has room for every frame (the first
/// `frames.len() * SLOTS` numbers are written). `ascii`: whether the
/// caller knows `stack` to be ASCII, where bytes and UTF-16 units agree.
pub fn encode_into(stack: &str, ascii: bool, frames: &[ParsedFrame<'_>], text: &mut String, out: &mut [f64]) {
    let out = &mut out[..frames.len() * SLOTS];
    out.fill(0.0);
    // Spans are byte offsets first, made UTF-16 offsets below if need be.
    let base = stack.as_ptr() as usize;
    let span = |s: &str, o: &mut [f64]| {
        let start = (s.as_ptr() as usize).wrapping_sub(base);
        o[0] = start as f64;
        o[1] = (start + s.len()) as f64;
    };
    for (f, o) in frames.iter().zip(out.chunks_exact_mut(SLOTS)) {
        let mut flags = if f.in_app { flag::IN_APP } else { 0 };
        match &f.function {
            Some(std::borrow::Cow::Borrowed(s)) => {
                flags |= flag::FUNCTION;
                span(s, &mut o[1..3]);
            }
            Some(std::borrow::Cow::Owned(s)) => {
                flags |= flag::FUNCTION | flag::FUNCTION_IN_TEXT;
                let start = text.encode_utf16().count();
                text.push_str(s);
                o[1] = start as f64;
                o[2] = (start + s.encode_utf16().count()) as f64;
            }
            None => {}
        }
        // Field by field, not a loop over an array of them: the array's
        // iterator would not be inlined in the size-optimised wasm.
        let mut str_field = |field: Option<&str>, bit: u32, o: &mut [f64]| {
            if let Some(s) = field {
                flags |= bit;
                span(s, o);
            }
        };
        str_field(f.raw_function, flag::RAW_FUNCTION, &mut o[3..5]);
        str_field(f.abs_path, flag::ABS_PATH, &mut o[5..7]);
        str_field(f.filename, flag::FILENAME, &mut o[7..9]);
        let mut num_field = |value: Option<u64>, bit: u32, o: &mut f64| {
            if let Some(v) = value {
                flags |= bit;
                *o = v as f64;
            }
        };
        num_field(f.lineno, flag::LINENO, &mut o[9]);
        num_field(f.colno, flag::COLNO, &mut o[10]);
        num_field(f.instruction_addr, flag::INSTRUCTION_ADDR, &mut o[11]);
        num_field(f.module.map(|m| m as u64), flag::MODULE, &mut o[12]);
        o[0] = f64::from(flags);
    }
    if !ascii && !stack.is_ascii() {
        to_utf16(stack, out);
    }
}

/// Makes the byte offsets of the spans into `stack` UTF-16 offsets, with
/// one walk over the string for them all, in order.
fn to_utf16(stack: &str, out: &mut [f64]) {
    let mut offsets: Vec<(usize, usize)> = Vec::new();
    for (i, o) in out.chunks_exact(SLOTS).enumerate() {
        let flags = o[0] as u32;
        let in_stack = if flags & flag::FUNCTION_IN_TEXT == 0 { 1 } else { 3 };
        for slot in in_stack..9 {
            offsets.push((o[slot] as usize, i * SLOTS + slot));
        }
    }
    offsets.sort_unstable();
    let mut units = 0usize;
    let mut next = offsets.iter().peekable();
    for (byte, c) in stack.char_indices().chain(std::iter::once((stack.len(), '\0'))) {
        while let Some(&&(b, slot)) = next.peek() {
            if b > byte {
                break;
            }
            out[slot] = units as f64;
            next.next();
        }
        units += c.len_utf16();
    }
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
}
