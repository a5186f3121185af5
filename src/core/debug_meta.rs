//! `debug_meta`: the wasm debug images an event's wasm frames point at.
//!
//! A wasm frame's `addr_mode: rel:N` names `debug_meta.images[N]`. Relay
//! rejects a wasm image without `debug_id`, and the `debug_id` comes from
//! the module's build id, so only modules whose build id is known get an
//! image; they are numbered in order of first appearance over every
//! exception of the event. Frames of a module without a known build id keep
//! their `instruction_addr` but lose `addr_mode`, so no frame ever points at
//! a missing image.

use super::protocol::{DebugImage, Event};
use super::stacktrace::ParsedFrame;

/// Numbers the event's wasm frames (those carrying an `addr_mode`) by the
/// images of their modules, and fills `event.debug_images`. `build_id` maps
/// the URL a frame printed (`abs_path`) to its module's build id as hex;
/// it is asked once per distinct URL.
pub fn attach_debug_images(event: &mut Event, mut build_id: impl FnMut(&str) -> Option<String>) {
    let mut images: Vec<DebugImage> = Vec::new();
    let mut unknown: Vec<String> = Vec::new();
    for ex in &mut event.exception {
        let Some(st) = ex.stacktrace.as_mut() else { continue };
        for f in st.frames.iter_mut().filter(|f| f.addr_mode.is_some()) {
            let url = f.abs_path.as_deref().unwrap_or("");
            let index = match images.iter().position(|i| i.code_file == url) {
                Some(i) => Some(i),
                None if unknown.iter().any(|u| u == url) => None,
                None => match build_id(url).and_then(|hex| image(url, &hex)) {
                    Some(img) => {
                        images.push(img);
                        Some(images.len() - 1)
                    }
                    None => {
                        unknown.push(url.to_owned());
                        None
                    }
                },
            };
            f.addr_mode = index.map(|i| {
                let mut mode = String::from("rel:");
                super::json::write_u64(&mut mode, i as u64);
                mode
            });
        }
    }
    event.debug_images = images;
}

/// For one parsed stack (`parseStack`), the numbering an event with that
/// stack gets from [`attach_debug_images`]: only modules whose build id
/// (`build_id`, as there) is well-formed are numbered; other wasm frames
/// lose their module number.
pub fn number_modules_with_images(frames: &mut [ParsedFrame<'_>], mut build_id: impl FnMut(&str) -> Option<String>) {
    let mut with: Vec<&str> = Vec::new();
    let mut without: Vec<&str> = Vec::new();
    for f in frames.iter_mut().filter(|f| f.module.is_some()) {
        let url = f.abs_path.unwrap_or("");
        f.module = match with.iter().position(|u| *u == url) {
            Some(i) => Some(i),
            None if without.contains(&url) => None,
            None if build_id(url).and_then(|id| image(url, &id)).is_some() => {
                with.push(url);
                Some(with.len() - 1)
            }
            None => {
                without.push(url);
                None
            }
        };
    }
}

/// The image of a module from its build id (hex, at least 16 bytes), or
/// `None` for a malformed id. `debug_id` is the first 16 bytes as a UUID,
/// in byte order; `code_id` the whole id, lowercase.
pub fn image(code_file: &str, build_id_hex: &str) -> Option<DebugImage> {
    let hex = build_id_hex.to_ascii_lowercase();
    if hex.len() < 32 || hex.len() % 2 != 0 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let mut debug_id = String::with_capacity(36);
    for (i, &c) in hex.as_bytes()[..32].iter().enumerate() {
        if matches!(i, 8 | 12 | 16 | 20) {
            debug_id.push('-');
        }
        debug_id.push(char::from(c));
    }
    Some(DebugImage { code_file: code_file.to_owned(), debug_id, code_id: hex })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::json::ToJson;
    use crate::core::protocol::{Exception, Frame, Stacktrace};

    fn wasm(url: &str) -> Frame {
        Frame { abs_path: Some(url.into()), instruction_addr: Some(16), addr_mode: Some("rel:9".into()), ..Default::default() }
    }

    const ID: &str = "4952884cab4104c6f4281f51e80f7176310a5000";

    #[test]
    fn the_build_id_gives_the_debug_id_and_code_id() {
        let img = image("http://h/a.wasm", &ID.to_ascii_uppercase()).unwrap();
        assert_eq!(img.debug_id, "4952884c-ab41-04c6-f428-1f51e80f7176");
        assert_eq!(img.code_id, ID);
        assert_eq!(image("x", "0011"), None);
        assert_eq!(image("x", &format!("{ID}0")), None);
        assert_eq!(image("x", &ID.replace('4', "g")), None);
        let json: serde_json::Value = serde_json::from_str(&img.to_json()).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"type": "wasm", "code_file": "http://h/a.wasm", "debug_id": "4952884c-ab41-04c6-f428-1f51e80f7176", "code_id": ID})
        );
    }

    #[test]
    fn only_modules_with_a_build_id_are_numbered_and_get_an_image() {
        let js = Frame { abs_path: Some("http://h/a.js".into()), lineno: Some(1), ..Default::default() };
        let mut event = Event {
            exception: vec![
                Exception {
                    stacktrace: Some(Stacktrace { frames: vec![wasm("http://h/none.wasm"), wasm("http://h/b.wasm"), js.clone()] }),
                    ..Default::default()
                },
                Exception {
                    stacktrace: Some(Stacktrace { frames: vec![wasm("wasm://wasm/a-1f2e3d4c"), wasm("http://h/b.wasm"), wasm("http://h/none.wasm")] }),
                    ..Default::default()
                },
            ],
            ..Default::default()
        };
        let mut asked = Vec::new();
        attach_debug_images(&mut event, |url| {
            asked.push(url.to_owned());
            (!url.contains("none")).then(|| if url.contains("b.wasm") { ID.into() } else { "00".repeat(16) })
        });
        assert_eq!(asked, ["http://h/none.wasm", "http://h/b.wasm", "wasm://wasm/a-1f2e3d4c"]);
        let modes: Vec<Vec<Option<&str>>> =
            event.exception.iter().map(|e| e.stacktrace.as_ref().unwrap().frames.iter().map(|f| f.addr_mode.as_deref()).collect()).collect();
        assert_eq!(modes, [vec![None, Some("rel:0"), None], vec![Some("rel:1"), Some("rel:0"), None]]);
        assert_eq!(event.debug_images.iter().map(|i| i.code_file.as_str()).collect::<Vec<_>>(), ["http://h/b.wasm", "wasm://wasm/a-1f2e3d4c"]);
        assert_eq!(event.debug_images[1].debug_id, "00000000-0000-0000-0000-000000000000");
        // The instruction addresses stay.
        assert!(event.exception[0].stacktrace.as_ref().unwrap().frames[0].instruction_addr.is_some());
        let json: serde_json::Value = serde_json::from_str(&event.to_json()).unwrap();
        assert_eq!(json["debug_meta"]["images"][0]["code_id"], ID);
    }

    #[test]
    fn a_parsed_stack_is_numbered_as_its_event() {
        use crate::core::stacktrace::{self, Location, RawFrame};
        let raw = |url| RawFrame { function: Some("f"), location: Location::Wasm { url: Some(url), func_index: Some(1), offset: Some(16) } };
        let mut frames: Vec<_> =
            ["http://h/none.wasm", "http://h/b.wasm", "http://h/none.wasm", "http://h/c.wasm"].map(|u| stacktrace::to_frame(raw(u))).into();
        stacktrace::number_wasm_modules(&mut frames, &mut Vec::new());
        let mut event = Event {
            exception: vec![Exception { stacktrace: Some(Stacktrace { frames: frames.iter().map(Frame::from).collect() }), ..Default::default() }],
            ..Default::default()
        };
        let ids = |url: &str| (!url.contains("none")).then(|| ID.to_string());
        number_modules_with_images(&mut frames, ids);
        attach_debug_images(&mut event, ids);
        assert_eq!(frames.iter().map(Frame::from).collect::<Vec<_>>(), event.exception[0].stacktrace.as_ref().unwrap().frames);
        assert_eq!(frames.iter().map(|f| f.module).collect::<Vec<_>>(), [None, Some(0), None, Some(1)]);
    }

    #[test]
    fn no_build_id_no_debug_meta() {
        let mut event =
            Event { exception: vec![Exception { stacktrace: Some(Stacktrace { frames: vec![wasm("x")] }), ..Default::default() }], ..Default::default() };
        attach_debug_images(&mut event, |_| None);
        assert_eq!(event.exception[0].stacktrace.as_ref().unwrap().frames[0].addr_mode, None);
        assert!(!event.to_json().contains("debug_meta"));
    }
}
