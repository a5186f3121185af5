//! Property tests of the stack parser over a large generated corpus: it is
//! total (never panics, on any input), bounded (never more frames than lines
//! or than the cap), and borrows its locations from the input as printed.
//! `STACK_CASES=N` runs more cases (CI runs the default, bounded in time).

use wasm_sentry::core::stacktrace::{number_wasm_modules, parse, parse_frames, raw_frames, to_frame, ParsedFrame, MAX_FRAMES};

#[path = "../src/testing.rs"]
mod testing;
use testing::Rng;

/// Pieces of every engine's grammar, and the characters that break grammars.
const PREFIXES: &[&str] = &["    at ", "  at ", "at ", "", "async*", "    at async ", "    at new ", "@", "promise callback*"];
const NAMES: &[&str] = &[
    "f",
    "Obj.m [as a]",
    "<anonymous>",
    "outer/<",
    "Kc/Ab<",
    "eval code",
    "global code",
    "get x",
    "a@b",
    "f (x)",
    "",
    "$func3",
    "_ZN3app3run17h0123456789abcdefE",
    "_RNvCs1_3app3run",
    "m.f",
    "ü",
    "😀",
];
const URLS: &[&str] = &[
    "http://h/a.js",
    "https://h:8/p a/b.js?q=1#f",
    "file:///C:/x.js",
    "node:internal/x",
    "blob:http://h/1-2",
    "data:text/javascript,1",
    "lib/a.js",
    "wasm://wasm/8c2a",
    "C:\\P (x86)\\a.js",
    "<anonymous>",
    "",
    "http://h/node_modules/@s/p.js",
    "[native code]",
    "[wasm code]",
    "<?>",
    "native",
    "index 0",
    "unknown location",
];
const TAILS: &[&str] = &[
    ":1:2",
    ":100000:250000",
    ":7",
    "",
    ":wasm-function[3]:0x1f",
    ":wasm-function[3]",
    " line 2 > eval:1:5",
    " line 2 > eval line 1 > Function:1:1",
    " line 9 > WebAssembly.instantiate:wasm-function[1]:0xa",
    ":99999999999999999999:1",
    ":0x:0x",
    ":-1:-1",
];
const NOISE: &[&str] =
    &["(", ")", "@", ":", "*", "[", "]", " > ", " line ", "eval at ", ", ", "\n", "\r\n", " ", "0x", "wasm-function[", "\u{0}", "é", "\u{2028}"];

fn gen_line(r: &mut Rng) -> String {
    let mut s = String::from(r.pick(PREFIXES));
    let (name, url, tail) = (r.pick(NAMES), r.pick(URLS), r.pick(TAILS));
    match r.below(4) {
        0 => s += &format!("{name} ({url}{tail})"),
        1 => s += &format!("{name}@{url}{tail}"),
        2 => s += &format!("{name} (eval at {name} ({url}{tail}), <anonymous>:1:1)"),
        _ => s += &format!("{url}{tail}"),
    }
    s
}

fn mutate(r: &mut Rng, s: &str) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    for _ in 0..=r.below(4) {
        let at = if chars.is_empty() { 0 } else { r.below(chars.len() + 1) };
        match r.below(3) {
            0 => chars.splice(at..at, r.pick(NOISE).chars()).for_each(drop),
            1 if at < chars.len() => {
                let end = (at + 1 + r.below(8)).min(chars.len());
                chars.drain(at..end);
            }
            _ => {
                let end = (at + r.below(16)).min(chars.len());
                let copy: Vec<char> = chars[at..end].to_vec();
                chars.splice(at..at, copy).for_each(drop);
            }
        }
    }
    chars.into_iter().collect()
}

/// `parse_frames` by its definition: the engine's frames (`raw_frames`),
/// each made a Sentry frame, the SDK's own dropped from the top and never
/// in the app, oldest first, wasm modules numbered. `parse_frames` is one
/// loop, for speed; it must give exactly this.
fn by_definition<'a>(stack: &'a str, name: &str, message: &str, sdk_base: &str) -> Vec<ParsedFrame<'a>> {
    let is_sdk = |f: &ParsedFrame<'_>| !sdk_base.is_empty() && f.abs_path.is_some_and(|p| p.starts_with(sdk_base));
    let mut frames: Vec<ParsedFrame<'a>> = raw_frames(stack, name, message)
        .map(to_frame)
        .skip_while(|f| is_sdk(f))
        .map(|mut f| {
            f.in_app &= !is_sdk(&f);
            f
        })
        .collect();
    frames.reverse();
    number_wasm_modules(&mut frames, &mut Vec::new());
    frames
}

fn check(case: usize, stack: &str, name: &str, message: &str) {
    let sdk_base = ["", "http://h/", "file:///"][case % 3];
    assert_eq!(parse_frames(stack, name, message, sdk_base), by_definition(stack, name, message, sdk_base), "case {case}: {stack:?}");
    let frames = parse(stack, name, message, "");
    let lines = stack.split('\n').count();
    assert!(frames.len() <= lines.min(MAX_FRAMES), "case {case}: {} frames from {lines} lines", frames.len());
    for f in &frames {
        if let Some(p) = &f.abs_path {
            assert!(stack.contains(p.as_str()), "case {case}: abs_path {p:?} is not in the input {stack:?}");
        }
        if f.raw_function.is_none() {
            if let Some(func) = &f.function {
                assert!(stack.contains(func.as_str()), "case {case}: function {func:?} is not in the input");
            }
        }
    }
}

#[test]
fn generated_and_mutated_stacks_never_break_the_parser() {
    let cases: usize = std::env::var("STACK_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(200_000);
    let mut r = Rng(0x9e37_79b9_7f4a_7c15);
    for case in 0..cases {
        let n = 1 + r.below(12);
        let mut stack = String::new();
        if r.below(2) == 0 {
            stack.push_str("Error: msg");
        }
        for _ in 0..n {
            if !stack.is_empty() {
                stack.push('\n');
            }
            stack += &gen_line(&mut r);
        }
        let stack = if r.below(3) == 0 { mutate(&mut r, &stack) } else { stack };
        let message = if r.below(4) == 0 { mutate(&mut r, "msg") } else { "msg".to_owned() };
        check(case, &stack, "Error", &message);
    }
}

#[test]
fn megabyte_single_lines_of_hostile_shapes_parse() {
    let mb = 1 << 20;
    let shapes = [
        format!("    at f ({}:1:2)", "(".repeat(mb)),
        format!("    at f ({}:1:2)", ")".repeat(mb)),
        format!("    at {}", "eval at f (".repeat(mb / 11)),
        format!("    at f ({}", "eval at g (http://h/a.js:1:2), ".repeat(mb / 32)),
        format!("f@http://h/a.js{}:1:1", " line 1 > eval".repeat(mb / 14)),
        format!("f@{}", " line 1".repeat(mb / 7)),
        format!("    at f (http://h/{}.js:1:2)", "a".repeat(mb)),
        ":1".repeat(mb / 2),
        "@".repeat(mb),
        format!("    at f (x{})", ":wasm-function[".repeat(mb / 15)),
    ];
    for (i, s) in shapes.iter().enumerate() {
        let frames = parse(s, "Error", "", "");
        assert!(frames.len() <= 1, "shape {i}");
    }
    let long_url = format!("http://h/{}.js", "a".repeat(mb));
    let frames = parse(&format!("Error: x\n    at f ({long_url}:100000:250000)"), "Error", "x", "");
    assert_eq!(frames[0].abs_path.as_deref(), Some(long_url.as_str()));
    assert_eq!((frames[0].lineno, frames[0].colno), (Some(100_000), Some(250_000)));
}
