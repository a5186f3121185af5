//! The one step from a [`RawFrame`] of any engine to a frame as Sentry
//! wants it: URL, `in_app`, naming and wasm-address rules, written once.
//!
//! [`ParsedFrame`] borrows from the stack string, so parsing allocates
//! nothing per frame; an event turns it into an owned protocol [`Frame`].

use super::{Location, RawFrame};
use crate::core::demangle::demangle;
use crate::core::protocol::{Event, Frame};
use std::borrow::Cow;

/// A Sentry frame that borrows the engine's text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ParsedFrame<'a> {
    /// Demangled (owned) for Rust symbols, else borrowed as printed.
    pub function: Option<Cow<'a, str>>,
    /// The engine's name, when `function` was demangled from it.
    pub raw_function: Option<&'a str>,
    pub abs_path: Option<&'a str>,
    pub filename: Option<&'a str>,
    pub lineno: Option<u64>,
    pub colno: Option<u64>,
    pub in_app: bool,
    pub instruction_addr: Option<u64>,
    /// For wasm frames: the module's index among the stack's (or event's) modules.
    pub module: Option<usize>,
    /// For wasm frames: the function index the engine printed (not sent).
    pub func_index: Option<u64>,
}

#[inline(always)]
#[allow(clippy::redundant_guards)] // `url: ""` as a pattern compiles to a string compare: 40 B gzip more
pub fn to_frame(raw: RawFrame<'_>) -> ParsedFrame<'_> {
    let mut frame = ParsedFrame::default();
    let name = match raw.function {
        Some(f) => Some(super::trim_end(super::trim_start(f))).filter(|f| !f.is_empty() && (f.len() != 11 || super::strip(f, "<anonymous>").is_none())),
        None => None,
    };
    frame.function = name.map(Cow::Borrowed);
    match raw.location {
        // An empty location (code evaluated by a tool, `:12:3`) names no file.
        Location::Source { url, line, col } if url.is_empty() => {
            frame.lineno = line;
            frame.colno = col;
        }
        Location::Source { url, line, col } => {
            frame.abs_path = Some(url);
            frame.filename = Some(filename(url));
            frame.lineno = line;
            frame.colno = col;
            frame.in_app = is_app_url(url);
        }
        Location::Wasm { url, offset, func_index } => {
            frame.abs_path = url;
            frame.filename = url.map(filename);
            frame.instruction_addr = offset;
            frame.func_index = func_index;
            frame.in_app = true;
            let demangled = name.and_then(demangle_wasm_name);
            // A mangled name waiting for the lazily loaded demangler is marked
            // by a `raw_function` equal to `function` (see `resolve_pending`).
            if crate::core::demangle::take_missed() && demangled.is_none() {
                frame.raw_function = name;
            }
            if let Some(d) = demangled {
                frame.function = Some(Cow::Owned(d));
                frame.raw_function = name;
            }
        }
        Location::Native | Location::Unknown => {}
    }
    frame
}

impl From<&ParsedFrame<'_>> for Frame {
    fn from(f: &ParsedFrame<'_>) -> Frame {
        Frame {
            function: f.function.as_deref().map(str::to_owned),
            raw_function: f.raw_function.map(str::to_owned),
            filename: f.filename.map(str::to_owned),
            abs_path: f.abs_path.map(str::to_owned),
            lineno: f.lineno,
            colno: f.colno,
            in_app: Some(f.in_app),
            instruction_addr: f.instruction_addr,
            addr_mode: f.module.map(|m| {
                let mut mode = String::from("rel:");
                crate::core::json::write_u64(&mut mode, m as u64);
                mode
            }),
        }
    }
}

/// A wasm function's engine name demangled, when it is a Rust symbol. V8
/// may qualify it with the module's name (`module.symbol`). A name the
/// linker already demangled (`app.wasm.std[0a1b]::panicking::f`) loses the
/// module name and v0's crate disambiguators (`std::panicking::f`).
fn demangle_wasm_name(name: &str) -> Option<String> {
    let sym = super::without_module_name(name);
    demangle(sym).or_else(|| demangle(name)).or_else(|| super::split_byte(name, b'.').and_then(|(_, sym)| demangle(sym))).or_else(|| {
        let clean = without_disambiguators(sym);
        (super::find_str(sym, "::").is_some() && (sym.len() != name.len() || clean.len() != sym.len())).then_some(clean)
    })
}

/// Whether a frame's name waits for the lazily loaded demangler (`lazy-demangle`):
/// its `raw_function` equals its `function`, which a demangled name never does.
pub fn is_pending(f: &Frame) -> bool {
    f.raw_function.is_some() && f.raw_function == f.function
}

/// Names the frames that waited for the demangler, now that its table has
/// what it could learn: the demangled name, or the engine's as it was.
pub fn resolve_pending(frames: &mut [Frame]) -> bool {
    let mut any = false;
    for f in frames.iter_mut().filter(|f| is_pending(f)) {
        any = true;
        let demangled = f.function.as_deref().and_then(demangle_wasm_name);
        crate::core::demangle::take_missed();
        match demangled {
            Some(d) => f.function = Some(d),
            None => f.raw_function = None,
        }
    }
    any
}

/// Whether any frame of `event`'s exceptions waits for the demangler.
pub fn event_is_pending(event: &Event) -> bool {
    event.exception.iter().filter_map(|e| e.stacktrace.as_ref()).any(|st| st.frames.iter().any(is_pending))
}

/// Names the frames of `event`'s exceptions that waited for the demangler,
/// as [`resolve_pending`] does.
pub fn resolve_event(event: &mut Event) {
    for st in event.exception.iter_mut().filter_map(|e| e.stacktrace.as_mut()) {
        resolve_pending(&mut st.frames);
    }
}

/// `std[a543996e6e7dbf1e]::x` is `std::x`: drops each `[hex]`.
fn without_disambiguators(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some((head, tail)) = super::split_byte(rest, b'[') {
        out.push_str(head);
        match super::split_byte(tail, b']') {
            Some((hex, after)) if !hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()) => rest = after,
            _ => {
                out.push('[');
                rest = tail;
            }
        }
    }
    out.push_str(rest);
    out
}

/// Numbers the wasm modules of frames in order of appearance, `modules`
/// being shared by every stack of an event: a frame's `module` is the index
/// of its module's debug image (`addr_mode: rel:N`).
pub fn number_wasm_modules<'a>(frames: &mut [ParsedFrame<'a>], modules: &mut Vec<&'a str>) {
    for f in frames.iter_mut().filter(|f| f.instruction_addr.is_some()) {
        let url = f.abs_path.unwrap_or("");
        f.module = Some(modules.iter().position(|m| *m == url).unwrap_or_else(|| {
            modules.push(url);
            modules.len() - 1
        }));
    }
}

/// The path of an http(s) URL, as Sentry shows it; other locations stay whole.
fn filename(url: &str) -> &str {
    if super::first(url) != b'h' {
        return url;
    }
    let rest = match super::strip(url, "https://").or_else(|| super::strip(url, "http://")) {
        Some(r) => r,
        None => return url,
    };
    let b = rest.as_bytes();
    let Some(start) = super::find_byte(b, b'/') else { return url };
    let end = super::find_either(&b[start..], b'?', b'#').map_or(b.len(), |i| start + i);
    super::sub(rest, start, end)
}

/// Runtime internals and installed packages are not the app's own code.
fn is_app_url(url: &str) -> bool {
    let internal = match super::first(url) {
        b'n' => super::strip(url, "node:").is_some(),
        b'i' => super::strip(url, "internal/").is_some(),
        _ => false,
    };
    !internal && !has_node_modules_folder(url)
}

/// Whether a `node_modules` folder is anywhere in the path (`/` or `\\`
/// separated, not as the file name).
fn has_node_modules_folder(url: &str) -> bool {
    const NAME: &[u8] = b"node_modules";
    let b = url.as_bytes();
    let sep = |c: u8| c == b'/' || c == b'\\';
    // At each `_` (rarer than `n`, and found eight bytes at a time), the
    // name would start 4 bytes before.
    let mut from = 0;
    while let Some(j) = super::find_byte(&b[from..], b'_') {
        let i = (from + j).saturating_sub(4);
        if i >= 1 && i + NAME.len() < b.len() && sep(b[i - 1]) && sep(b[i + NAME.len()]) && &b[i..i + NAME.len()] == NAME {
            return true;
        }
        from += j + 1;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filenames_drop_origin_query_and_fragment() {
        assert_eq!(filename("https://h:81/a/b.js?v=2#x"), "/a/b.js");
        assert_eq!(filename("http://h"), "http://h");
        assert_eq!(filename("file:///x/y.js"), "file:///x/y.js");
        assert_eq!(filename("lib/a.js"), "lib/a.js");
    }

    #[test]
    fn an_empty_location_names_no_file() {
        let f = to_frame(RawFrame { function: Some("eval"), location: Location::Source { url: "", line: Some(2), col: Some(5) } });
        assert_eq!((f.abs_path, f.filename, f.lineno, f.in_app), (None, None, Some(2), false));
    }

    #[test]
    fn builtins_and_internals_are_not_in_app() {
        assert!(!is_app_url("node:internal/process/task_queues"));
        assert!(!is_app_url("file:///srv/node_modules/x/index.js"));
        assert!(!is_app_url("C:\\app\\node_modules\\x\\index.js"));
        assert!(is_app_url("http://h/node_modules"));
        assert!(is_app_url("http://h/app.js"));
        let f = Frame::from(&to_frame(RawFrame { function: Some("<anonymous>"), location: Location::Native }));
        assert_eq!(f, Frame { in_app: Some(false), ..Default::default() });
    }

    #[test]
    fn rust_wasm_names_are_demangled_and_the_engine_name_kept() {
        let wasm = |name| to_frame(RawFrame { function: Some(name), location: Location::Wasm { url: None, func_index: None, offset: Some(1) } });
        let f = wasm("corpus_mod._ZN6corpus6middle17h0123456789abcdefE");
        assert_eq!(f.function.as_deref(), Some("corpus::middle"));
        assert_eq!(f.raw_function, Some("corpus_mod._ZN6corpus6middle17h0123456789abcdefE"));
        assert_eq!(wasm("$func3").function.as_deref(), Some("$func3"));
        // Names the linker demangled, with V8's module name before them.
        assert_eq!(wasm("app.wasm.app::run::h0123456789abcdef").function.as_deref(), Some("app::run"));
        let f = wasm("app.wasm.std[a543996e6e7dbf1e]::panicking::panic_handler::{closure#0}");
        assert_eq!(f.function.as_deref(), Some("std::panicking::panic_handler::{closure#0}"));
        assert_eq!(wasm("app.wasm.load_config").function.as_deref(), Some("app.wasm.load_config"));
        assert_eq!(wasm("a::b[x]").function.as_deref(), Some("a::b[x]"));
        assert_eq!(wasm("$func3").raw_function, None);
    }

    /// `cargo test --features lazy-demangle --lib lazy`: the npm build's rules.
    #[cfg(feature = "lazy-demangle")]
    #[test]
    fn lazy_names_wait_then_are_resolved() {
        use crate::core::demangle::lazy;
        let wasm = |name| Frame::from(&to_frame(RawFrame { function: Some(name), location: Location::Wasm { url: None, func_index: None, offset: Some(1) } }));
        let js =
            |name| Frame::from(&to_frame(RawFrame { function: Some(name), location: Location::Source { url: "http://h/a.js", line: Some(1), col: Some(2) } }));
        lazy::take_wanted();
        let v0 = "m._RNvCs1234_7mycrate3foo";
        let mut frames = vec![wasm(v0), js("_RNvCs1234_7mycrate3foo"), wasm("m._ZN3foo3barE"), wasm("m._RNvCs1234_7mycrate3bar")];
        // Mangled names (v0 and legacy) wait, marked; a JS frame is never a symbol.
        assert!(is_pending(&frames[0]) && is_pending(&frames[2]) && is_pending(&frames[3]));
        assert_eq!(frames[0].function.as_deref(), Some(v0));
        assert!(!is_pending(&frames[1]) && frames[1].raw_function.is_none());
        assert_eq!(lazy::take_wanted(), "_RNvCs1234_7mycrate3foo\n_ZN3foo3barE\n_RNvCs1234_7mycrate3bar\n");
        // The demangler named two and refused the other.
        lazy::learn("_RNvCs1234_7mycrate3foo", "mycrate::foo");
        lazy::learn("_ZN3foo3barE", "foo::bar");
        lazy::learn("_RNvCs1234_7mycrate3bar", "");
        let exception = |frames| crate::core::protocol::Exception {
            ty: "Error".into(),
            value: None,
            mechanism: None,
            stacktrace: Some(crate::core::protocol::Stacktrace { frames }),
        };
        let mut event = Event { exception: vec![exception(vec![js("a")]), exception(frames.clone())], ..Default::default() };
        assert!(event_is_pending(&event));
        resolve_event(&mut event);
        assert!(!event_is_pending(&event));
        assert!(resolve_pending(&mut frames));
        assert_eq!(Some(&frames), event.exception[1].stacktrace.as_ref().map(|st| &st.frames));
        assert_eq!((frames[0].function.as_deref(), frames[0].raw_function.as_deref()), (Some("mycrate::foo"), Some(v0)));
        assert_eq!(frames[2].function.as_deref(), Some("foo::bar"));
        assert_eq!((frames[3].function.as_deref(), frames[3].raw_function.as_deref()), (Some("m._RNvCs1234_7mycrate3bar"), None));
        assert!(!frames.iter().any(is_pending) && !resolve_pending(&mut frames));
        // Known names are demangled at parse time from then on, and wanted no more.
        assert_eq!(wasm(v0).function.as_deref(), Some("mycrate::foo"));
        assert!(!is_pending(&wasm("m._RNvCs1234_7mycrate3bar")));
        assert_eq!(lazy::take_wanted(), "");
        assert!(!crate::core::demangle::take_missed());
    }

    #[test]
    fn wasm_frames_are_numbered_by_module() {
        let wasm = |url| to_frame(RawFrame { function: Some("f"), location: Location::Wasm { url: Some(url), func_index: Some(1), offset: Some(16) } });
        let mut frames = vec![wasm("http://h/a.wasm"), wasm("http://h/b.wasm"), wasm("http://h/a.wasm")];
        let mut modules = Vec::new();
        number_wasm_modules(&mut frames, &mut modules);
        let modes: Vec<_> = frames.iter().map(|f| Frame::from(f).addr_mode.unwrap()).collect();
        assert_eq!(modes, ["rel:0", "rel:1", "rel:0"]);
        assert_eq!(modules, ["http://h/a.wasm", "http://h/b.wasm"]);
    }
}
