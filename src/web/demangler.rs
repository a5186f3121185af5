//! The exports of the demangler module (feature `demangler`): this crate
//! built with nothing but `core::demangle` and the stack parser reachable, a
//! second wasm, fetched only when needed. The npm package's pages wasm
//! (feature `lazy-demangle`) leaves out the demangling grammars and
//! `parseStack`'s exports; its JS client loads this module when a frame's
//! name needs demangling, or when `ready()` is asked for `parseStack` (whose
//! exports, in src/web/parse.rs, are this module's too, with the whole
//! grammar, so no name waits there). Plain wasm exports, numbers only; its
//! one import is `build_id_of` (js/glue.js's `importsOf`), for debug images.

use crate::core::demangle::demangle;
use std::cell::RefCell;

thread_local! {
    /// The name in (UTF-8, as `TextEncoder.encodeInto` writes it), then the name out.
    static BUF: RefCell<(Vec<u8>, String)> = const { RefCell::new((Vec::new(), String::new())) };
}

/// Room for a name of `len` bytes: where JS writes it.
#[export_name = "input"]
pub extern "C" fn input(len: usize) -> *mut u8 {
    BUF.with(|b| {
        let input = &mut b.borrow_mut().0;
        input.resize(len, 0);
        input.as_mut_ptr()
    })
}

/// Demangles the `len` bytes written at [`input`]: the length of the
/// result at [`output`], or -1 when the name is not a Rust symbol.
#[export_name = "demangle"]
pub extern "C" fn run(len: usize) -> isize {
    BUF.with(|b| {
        let (input, output) = &mut *b.borrow_mut();
        let name = input.get(..len).and_then(|b| std::str::from_utf8(b).ok()).unwrap_or("");
        *output = demangle(name).unwrap_or_default();
        if output.is_empty() {
            -1
        } else {
            output.len() as isize
        }
    })
}

/// Where [`run`]'s result is.
#[export_name = "output"]
pub extern "C" fn output() -> *const u8 {
    BUF.with(|b| b.borrow().1.as_ptr())
}
