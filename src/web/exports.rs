//! The `#[wasm_bindgen]` surface the JS shim calls. Strings and numbers in,
//! strings out: the only place where JS values meet the core. Nothing here
//! panics on input; the shim also guards every call.

use super::bindings::{flush_pending, now_ms, random_u64, send_envelope};
use crate::core::client::{page_request, Client, ClientOptions, ThrownError};
use crate::core::stacktrace;
use crate::core::protocol::{Event, EventId, Level, Mechanism, SDK_VERSION};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

thread_local! {
    static CLIENT: RefCell<Option<Client>> = const { RefCell::new(None) };
}

fn opt(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

/// Starts the client. Returns `undefined` on success, or the reason the DSN
/// was refused (the shim reports it once and stays disabled).
#[wasm_bindgen]
pub fn start(dsn: &str, release: String, environment: String, dist: String) -> Option<String> {
    let options = ClientOptions { release: opt(release), environment: opt(environment), dist: opt(dist) };
    match Client::new(dsn, options) {
        Ok(client) => {
            CLIENT.with(|c| *c.borrow_mut() = Some(client));
            None
        }
        Err(e) => Some(e.as_str().to_owned()),
    }
}

/// Stops sending; later captures are no-ops.
#[wasm_bindgen]
pub fn stop() {
    CLIENT.with(|c| *c.borrow_mut() = None);
}

/// Every capture export starts with `(event_id, timestamp_ms, page_url,
/// user_agent, referrer)`: the page context and timing of one capture, read by the shim when the
/// thing happened (which may be before the wasm was ready).
fn new_event(event_id: &str, timestamp_ms: f64, page_url: &str, user_agent: &str, referrer: &str) -> Event {
    let event_id = EventId::parse(event_id).unwrap_or_else(|| EventId::from_random(random_u64(), random_u64()));
    let timestamp_ms = if timestamp_ms > 0.0 { timestamp_ms as u64 } else { now_ms() };
    Event { event_id, timestamp_ms, request: page_request(page_url, user_agent, referrer), ..Default::default() }
}

/// Builds, prepares and sends; returns the event id, or "" when disabled.
fn send(event: Event) -> String {
    CLIENT.with(|c| match &*c.borrow() {
        Some(client) => {
            let id = event.event_id.to_hex();
            let out = client.prepare(event, now_ms());
            send_envelope(&out.url, &out.body);
            id
        }
        None => String::new(),
    })
}

#[wasm_bindgen(js_name = captureError)]
#[allow(clippy::too_many_arguments)]
pub fn capture_error(
    event_id: &str,
    timestamp_ms: f64,
    page_url: &str,
    user_agent: &str,
    referrer: &str,
    name: &str,
    message: &str,
    stack: &str,
    mechanism: String,
    handled: bool,
    fallback_url: &str,
    fallback_line: u32,
    fallback_col: u32,
) -> String {
    let thrown = ThrownError {
        name,
        message,
        stack,
        fallback_url,
        fallback_line: u64::from(fallback_line),
        fallback_col: u64::from(fallback_col),
    };
    let mechanism = Mechanism { ty: mechanism, handled: Some(handled), synthetic: None };
    let mut event = new_event(event_id, timestamp_ms, page_url, user_agent, referrer);
    event.exception.push(Client::exception_from_error(&thrown, mechanism));
    send(event)
}

#[wasm_bindgen(js_name = captureMessage)]
pub fn capture_message(
    event_id: &str,
    timestamp_ms: f64,
    page_url: &str,
    user_agent: &str,
    referrer: &str,
    message: String,
    level: &str,
) -> String {
    let mut event = new_event(event_id, timestamp_ms, page_url, user_agent, referrer);
    event.level = level.parse().unwrap_or(Level::Info);
    event.message = Some(message);
    send(event)
}

/// A promise of `true` once everything sent so far was handed over.
#[wasm_bindgen]
pub fn flush(timeout_ms: f64) -> JsValue {
    flush_pending(timeout_ms)
}

#[wasm_bindgen(js_name = sdkVersion)]
pub fn sdk_version() -> String {
    SDK_VERSION.to_owned()
}

thread_local! {
    /// Demangled names of the last `parseStack`, which its spans may index.
    static PARSE_TEXT: RefCell<String> = const { RefCell::new(String::new()) };
}

/// The frames an event would get for this error, oldest first, as numbers
/// (see `core::stacktrace::spans`): spans into `stack` that the JS caller
/// slices. `sdk_base` is the URL prefix of the SDK's own files.
#[wasm_bindgen(js_name = parseStack)]
pub fn parse_stack(stack: &str, name: &str, message: &str, sdk_base: &str) -> Vec<f64> {
    let frames = stacktrace::parse_frames(stack, name, message, sdk_base);
    PARSE_TEXT.with(|t| {
        let mut text = t.borrow_mut();
        text.clear();
        stacktrace::spans::encode(stack, &frames, &mut text)
    })
}

/// The demangled names that the last `parseStack`'s spans index.
#[wasm_bindgen(js_name = parseStackText)]
pub fn parse_stack_text() -> String {
    PARSE_TEXT.with(|t| t.borrow().clone())
}
