//! The one step from a [`RawFrame`] of any engine to a Sentry [`Frame`].

use super::{Location, RawFrame};
use crate::core::protocol::Frame;

pub fn to_frame(raw: RawFrame<'_>) -> Frame {
    let mut frame = Frame { function: function_name(raw.function), ..Default::default() };
    match raw.location {
        Location::Source { url, line, col } => {
            frame.abs_path = Some(url.to_owned());
            frame.filename = Some(filename(url).to_owned());
            frame.lineno = line;
            frame.colno = col;
            frame.in_app = Some(is_app_url(url));
        }
        Location::Wasm { url, offset, .. } => {
            frame.abs_path = Some(url.to_owned());
            frame.filename = Some(filename(url).to_owned());
            frame.instruction_addr = offset;
            frame.in_app = Some(true);
        }
        Location::Native | Location::Unknown => frame.in_app = Some(false),
    }
    frame
}

/// Engines print `<anonymous>` or nothing for unnamed functions; Sentry wants no name.
fn function_name(f: Option<&str>) -> Option<String> {
    match f.map(str::trim) {
        None | Some("" | "<anonymous>" | "?") => None,
        Some(f) => Some(f.to_owned()),
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
}
