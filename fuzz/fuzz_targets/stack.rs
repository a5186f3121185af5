//! Any bytes as a stack, name and message: the parser never panics, stays
//! within its caps, and only ever points into its input.
#![no_main]
use libfuzzer_sys::fuzz_target;
use wasm_sentry::core::stacktrace::{parse_frames, spans, MAX_FRAMES};

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let mut parts = text.splitn(3, '\u{1}');
    let (stack, name, message) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    let frames = parse_frames(stack, name, message, "http://cdn/");
    assert!(frames.len() <= MAX_FRAMES);
    for f in &frames {
        if let Some(p) = f.abs_path {
            assert!(stack.contains(p));
        }
    }
    let mut t = String::new();
    let numbers = spans::encode(stack, &frames, &mut t);
    assert_eq!(numbers.len(), frames.len() * spans::SLOTS);
});
