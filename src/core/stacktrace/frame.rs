//! The one step from a [`RawFrame`] of any engine to a Sentry [`Frame`]:
//! URL, `in_app`, naming and wasm-address rules, written once.

use super::{Location, RawFrame};
use crate::core::protocol::Frame;

pub fn to_frame(raw: RawFrame<'_>) -> Frame {
    let mut frame = Frame::default();
    let name = raw.function.map(str::trim).filter(|f| !f.is_empty() && *f != "<anonymous>");
    match raw.location {
        Location::Source { url, line, col } => {
            frame.abs_path = Some(url.to_owned());
            frame.filename = Some(filename(url).to_owned());
            frame.lineno = line;
            frame.colno = col;
            frame.in_app = Some(is_app_url(url));
        }
        Location::Wasm { url, offset, .. } => {
            frame.abs_path = url.map(str::to_owned);
            frame.filename = url.map(|u| filename(u).to_owned());
            frame.instruction_addr = offset;
            frame.in_app = Some(true);
            if let Some(n) = name {
                if let Some(d) = demangle_wasm_name(n) {
                    frame.function = Some(d);
                    frame.raw_function = Some(n.to_owned());
                    return frame;
                }
            }
        }
        Location::Native | Location::Unknown => frame.in_app = Some(false),
    }
    frame.function = name.map(str::to_owned);
    frame
}

/// A wasm function's engine name demangled, when it is a Rust symbol. V8
/// may qualify it with the module's name (`module.symbol`).
fn demangle_wasm_name(name: &str) -> Option<String> {
    demangle(name).or_else(|| name.split_once('.').and_then(|(_, sym)| demangle(sym)))
}

fn demangle(_symbol: &str) -> Option<String> {
    None
}

/// Numbers the wasm modules of an event's frames (`modules`, shared by all
/// its stacks) and points each wasm frame at its module: `addr_mode: rel:N`,
/// where N is the module's index among the event's debug images.
pub fn number_wasm_modules(frames: &mut [Frame], modules: &mut Vec<String>) {
    for f in frames.iter_mut().filter(|f| f.instruction_addr.is_some()) {
        let url = f.abs_path.as_deref().unwrap_or("");
        let index = modules.iter().position(|m| m == url).unwrap_or_else(|| {
            modules.push(url.to_owned());
            modules.len() - 1
        });
        let mut mode = String::from("rel:");
        crate::core::json::write_u64(&mut mode, index as u64);
        f.addr_mode = Some(mode);
    }
}

/// The path of an http(s) URL, as Sentry shows it; other locations stay whole.
fn filename(url: &str) -> &str {
    let rest = match url.strip_prefix("https://").or_else(|| url.strip_prefix("http://")) {
        Some(r) => r,
        None => return url,
    };
    let path = match rest.find('/') {
        Some(i) => &rest[i..],
        None => return url,
    };
    let end = path.find(['?', '#']).unwrap_or(path.len());
    &path[..end]
}

/// Runtime internals and installed packages are not the app's own code.
fn is_app_url(url: &str) -> bool {
    !(url.starts_with("node:") || url.starts_with("internal/") || url.contains("/node_modules/"))
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
    fn builtins_and_internals_are_not_in_app() {
        assert!(!is_app_url("node:internal/process/task_queues"));
        assert!(!is_app_url("file:///srv/node_modules/x/index.js"));
        assert!(is_app_url("http://h/app.js"));
        let f = to_frame(RawFrame { function: Some("<anonymous>"), location: Location::Native });
        assert_eq!(f, Frame { in_app: Some(false), ..Default::default() });
    }

    #[test]
    fn wasm_frames_are_numbered_by_module() {
        let wasm = |url| to_frame(RawFrame { function: Some("f"), location: Location::Wasm { url: Some(url), func_index: Some(1), offset: Some(16) } });
        let mut frames = vec![wasm("http://h/a.wasm"), wasm("http://h/b.wasm"), wasm("http://h/a.wasm")];
        let mut modules = Vec::new();
        number_wasm_modules(&mut frames, &mut modules);
        let modes: Vec<_> = frames.iter().map(|f| f.addr_mode.as_deref().unwrap()).collect();
        assert_eq!(modes, ["rel:0", "rel:1", "rel:0"]);
        assert_eq!(modules, ["http://h/a.wasm", "http://h/b.wasm"]);
    }
}
