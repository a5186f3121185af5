//! `parseStack`'s side in wasm: buffers in wasm memory that the JS client
//! writes and reads in place, and plain exports that take and return
//! numbers only (no string crosses through wasm-bindgen, whose wrappers
//! would each cost glue). client.js calls them on the instance's exports.
//!
//! The workers' wasm and a Rust app's have these exports. The npm package's
//! pages wasm (`lazy-demangle`) does not: most pages never call `parseStack`,
//! and its buffers and spans cost that wasm 1.4 KB gzip. There `ready()`
//! loads the demangler module, which has them with the whole grammar (see
//! demangler.rs). Every build keeps the SDK's URL prefix, which captures use.

use std::cell::RefCell;

thread_local! {
    /// The URL prefix of the SDK's own files (see `stacktrace::parse_frames`).
    static SDK_BASE: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Sets the URL prefix of the SDK's own files, once, for captures and
/// `parseStackIn` (`dispatch`'s `SDK_BASE`; the demangler module's `stackBase`).
pub fn set_sdk_base(sdk_base: String) {
    SDK_BASE.with(|b| *b.borrow_mut() = sdk_base);
}

pub fn sdk_base() -> String {
    SDK_BASE.with(|b| b.borrow().clone())
}

#[cfg(not(feature = "lazy-demangle"))]
pub use buffers::*;

#[cfg(not(feature = "lazy-demangle"))]
mod buffers {
    use crate::core::stacktrace;
    use std::cell::RefCell;

    struct StackIo {
        /// UTF-8, written by `TextEncoder.encodeInto`: [0] the stack, [1] the
        /// error's name, `\n`, its message.
        input: [Vec<u8>; 2],
        /// Demangled names of the last parse, which its spans may index.
        text: String,
    }

    const OUTPUT_LEN: usize = stacktrace::MAX_FRAMES * stacktrace::spans::SLOTS;

    thread_local! {
        static STACK_IO: RefCell<StackIo> = const { RefCell::new(StackIo { input: [Vec::new(), Vec::new()], text: String::new() }) };
        /// [`stacktrace::spans::SLOTS`] numbers per frame, at a fixed address.
        static STACK_OUT: RefCell<[f64; OUTPUT_LEN]> = const { RefCell::new([0.0; OUTPUT_LEN]) };
    }

    /// Room for `len` bytes in input `which` (0 the stack, 1 name and message)
    /// of `parseStackIn`: where JS writes them. The address holds until the
    /// next call for that input (or until memory grows).
    #[export_name = "stackInput"]
    pub extern "C" fn stack_input(which: usize, len: usize) -> *mut u8 {
        STACK_IO.with(|io| {
            let input = &mut io.borrow_mut().input[which & 1];
            input.resize(len, 0);
            input.as_mut_ptr()
        })
    }

    /// Where `parseStackIn` writes its numbers; fixed for the module's life.
    #[export_name = "stackOutput"]
    pub extern "C" fn stack_output() -> *const f64 {
        STACK_OUT.with(|out| out.as_ptr().cast())
    }

    /// The input's first `len` bytes, which the JS client wrote.
    fn input(inputs: &[Vec<u8>; 2], which: usize, len: usize) -> &str {
        // SAFETY: the JS client wrote these bytes with
        // `TextEncoder.encodeInto`, which writes UTF-8 only: the trust
        // wasm-bindgen's own glue puts in it for every string argument.
        // (Whoever else can call this can write anywhere in this
        // module's memory anyway.)
        inputs[which].get(..len).map_or("", |b| unsafe { std::str::from_utf8_unchecked(b) })
    }

    /// The demangler module's way to set the SDK's URL prefix: the first
    /// `len` bytes of input 0. (The main modules take it through `dispatch`.)
    #[cfg(feature = "demangler")]
    #[export_name = "stackBase"]
    pub extern "C" fn stack_base(len: usize) {
        let base = STACK_IO.with(|io| input(&io.borrow().input, 0, len).to_owned());
        super::set_sdk_base(base);
    }

    /// The frames an event would get for an error, oldest first, as numbers
    /// (see `core::stacktrace::spans`) in the output buffer: spans into the
    /// stack that the JS caller slices. The inputs hold `stack_len` bytes of
    /// UTF-8 (the stack) and `head_len` (the name, of `name_units` UTF-16
    /// units, `\n`, the message). `ascii` bit 0: the stack is ASCII; bit 1:
    /// the name and message are. Returns the number of frames.
    #[export_name = "parseStackIn"]
    pub extern "C" fn parse_stack_in(stack_len: usize, head_len: usize, name_units: usize, ascii: u32) -> usize {
        let sdk_base = super::sdk_base();
        STACK_IO.with(|io| {
            let io = &mut *io.borrow_mut();
            let (stack, head) = (input(&io.input, 0, stack_len), input(&io.input, 1, head_len));
            let at = if ascii & 2 != 0 { name_units } else { stacktrace::spans::byte_at_units(head, name_units) };
            let (name, message) = (head.get(..at).unwrap_or(head), head.get(at + 1..).unwrap_or(""));
            let mut frames = stacktrace::frames_newest_first(stack, name, message, &sdk_base);
            // Only stacks with wasm frames need them oldest first, to number
            // their modules as the event does: only modules with a debug image.
            let wasm = frames.iter().any(|f| f.instruction_addr.is_some());
            if wasm {
                frames.reverse();
                stacktrace::number_wasm_modules(&mut frames, &mut Vec::new());
                crate::core::debug_meta::number_modules_with_images(&mut frames, |url| {
                    Some(super::super::bindings::build_id_of(url)).filter(|id| !id.is_empty())
                });
            }
            io.text.clear();
            STACK_OUT.with(|out| stacktrace::spans::encode_into(stack, ascii & 1 != 0, &frames, !wasm, &mut io.text, &mut out.borrow_mut()[..]));
            frames.len()
        })
    }

    /// Where the demangled names that the last `parseStackIn`'s spans index
    /// are, as UTF-8; [`stack_text_len`] bytes.
    #[export_name = "stackText"]
    pub extern "C" fn stack_text() -> *const u8 {
        STACK_IO.with(|io| io.borrow().text.as_ptr())
    }

    #[export_name = "stackTextLen"]
    pub extern "C" fn stack_text_len() -> usize {
        STACK_IO.with(|io| io.borrow().text.len())
    }
}
