//! The `#[wasm_bindgen]` surface the JS shim calls. Strings and numbers in,
//! strings out: the only place where JS values meet the core. Nothing here
//! panics on input; the shim also guards every call.

use super::bindings::{flush_pending, math_random, now_ms, random_u64};
use super::transport;
use crate::core::client::{event_from_value, page_request, Client, ClientOptions, LinkedError, ThrownError};
use crate::core::client_report::DiscardReason;
use crate::core::envelope::Item;
use crate::core::json::ToJson;
use crate::core::protocol::{Breadcrumb, Event, EventId, Level, Mechanism, SDK_VERSION};
use crate::core::scope::ScopeStack;
use crate::core::stacktrace;
use crate::core::value::{self, Value};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// Everything the SDK holds: the client, the scopes, and the linked errors
/// staged for the next capture.
#[derive(Default)]
struct State {
    client: Option<Client>,
    scopes: ScopeStack,
    linked: Vec<LinkedError>,
    /// The JS shim runs `beforeSend` and inbound filters: hand events back.
    hooks: bool,
    http_context: bool,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

fn opt(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

fn parse_json(json: &str) -> Option<Value> {
    value::parse(json).ok().filter(|v| !v.is_null())
}

/// Starts the client. Returns `undefined` on success, or the reason the DSN
/// was refused (the shim reports it once and stays disabled).
#[wasm_bindgen]
#[allow(clippy::too_many_arguments)]
pub fn start(
    dsn: &str,
    release: String,
    environment: String,
    dist: String,
    sample_rate: f64,
    max_breadcrumbs: u32,
    send_default_pii: bool,
    max_value_length: u32,
    tunnel: String,
    dedupe: bool,
    hooks: bool,
    http_context: bool,
) -> Option<String> {
    let mut options = ClientOptions::default();
    options.release = opt(release);
    options.environment = opt(environment);
    options.dist = opt(dist);
    options.sample_rate = sample_rate;
    options.max_breadcrumbs = (max_breadcrumbs as usize).min(crate::core::scope::DEFAULT_MAX_BREADCRUMBS);
    options.send_default_pii = send_default_pii;
    options.max_value_length = max_value_length as usize;
    options.tunnel = opt(tunnel);
    options.dedupe = dedupe;
    match Client::new(dsn, options) {
        Ok(client) => {
            transport::start(client.url());
            STATE.with(|s| {
                let mut s = s.borrow_mut();
                s.client = Some(client);
                s.hooks = hooks;
                s.http_context = http_context;
            });
            None
        }
        Err(e) => Some(e.as_str().to_owned()),
    }
}

/// Stops sending; later captures are no-ops.
#[wasm_bindgen]
pub fn stop() {
    STATE.with(|s| s.borrow_mut().client = None);
    transport::stop();
}

fn with_scope(f: impl FnOnce(&mut crate::core::scope::Scope)) {
    STATE.with(|s| f(s.borrow_mut().scopes.current_mut()));
}

#[wasm_bindgen(js_name = setUser)]
pub fn set_user(json: &str) {
    with_scope(|scope| scope.user = parse_json(json));
}

#[wasm_bindgen(js_name = setTag)]
pub fn set_tag(key: &str, value: Option<String>) {
    with_scope(|scope| scope.set_tag(key, value));
}

#[wasm_bindgen(js_name = setExtra)]
pub fn set_extra(key: &str, json: &str) {
    with_scope(|scope| scope.set_extra(key, parse_json(json)));
}

#[wasm_bindgen(js_name = setContext)]
pub fn set_context(key: &str, json: &str) {
    with_scope(|scope| scope.set_context(key, parse_json(json)));
}

#[wasm_bindgen(js_name = setLevel)]
pub fn set_level(level: &str) {
    with_scope(|scope| scope.level = level.parse().ok());
}

#[wasm_bindgen(js_name = setFingerprint)]
pub fn set_fingerprint(json: &str) {
    let fp = match parse_json(json) {
        Some(Value::Array(items)) => items.iter().filter_map(|v| v.as_str().map(str::to_owned)).collect(),
        _ => Vec::new(),
    };
    with_scope(|scope| scope.fingerprint = fp);
}

#[wasm_bindgen(js_name = addBreadcrumb)]
pub fn add_breadcrumb(timestamp_ms: f64, ty: String, category: String, message: String, level: &str, data_json: &str) {
    let crumb = Breadcrumb {
        timestamp_ms: if timestamp_ms > 0.0 { timestamp_ms as u64 } else { now_ms() },
        ty: opt(ty),
        category: opt(category),
        message: opt(message),
        level: level.parse().ok(),
        data: parse_json(data_json),
    };
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        let max = s.client.as_ref().map_or(crate::core::scope::DEFAULT_MAX_BREADCRUMBS, |c| c.options().max_breadcrumbs);
        s.scopes.current_mut().add_breadcrumb(crumb, max);
    });
}

/// Opens a `withScope` level; false when nested too deep.
#[wasm_bindgen(js_name = pushScope)]
pub fn push_scope() -> bool {
    STATE.with(|s| s.borrow_mut().scopes.push())
}

#[wasm_bindgen(js_name = popScope)]
pub fn pop_scope() {
    STATE.with(|s| s.borrow_mut().scopes.pop());
}

/// Stages an error linked to the next capture (a `cause`, or a member of an
/// AggregateError); `parent` is the index of the error it hangs off (0 is
/// the captured error, then staging order from 1).
#[wasm_bindgen(js_name = addLinkedError)]
pub fn add_linked_error(name: String, message: String, stack: String, source: String, parent: u32, is_group: bool) {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        if s.linked.len() < 32 {
            s.linked.push(LinkedError { name, message, stack, source, parent: parent as usize, is_group });
        }
    });
}

/// Every capture export starts with `(event_id, timestamp_ms, page_url,
/// user_agent, referrer)`: the page context and timing of one capture, read
/// by the shim when the thing happened (which may be before the wasm was ready).
fn new_event(s: &State, event_id: &str, timestamp_ms: f64, page_url: &str, user_agent: &str, referrer: &str) -> Event {
    let event_id = EventId::parse(event_id).unwrap_or_else(|| EventId::from_random(random_u64(), random_u64()));
    let timestamp_ms = if timestamp_ms > 0.0 { timestamp_ms as u64 } else { now_ms() };
    let request = if s.http_context { page_request(page_url, user_agent, referrer) } else { None };
    Event { event_id, timestamp_ms, request, ..Default::default() }
}

/// Runs the pipeline; then sends, or with hooks hands the event back as JSON.
/// Returns the event id, the event's JSON, or "" when it was dropped.
fn process(s: &mut State, event: Event) -> String {
    let State { client, scopes, hooks, .. } = s;
    let Some(client) = client.as_mut() else { return String::new() };
    match client.process(event, scopes.current(), math_random()) {
        Ok(event) if *hooks => event.to_json(),
        Ok(event) => {
            let id = event.event_id.to_hex();
            transport::submit(client.envelope(&event));
            id
        }
        Err(reason) => {
            record_drop_reason(reason);
            String::new()
        }
    }
}

fn record_drop_reason(reason: DiscardReason) {
    transport::record(reason);
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
    synthetic: bool,
    aggregate: bool,
    fallback_url: &str,
    fallback_line: u32,
    fallback_col: u32,
) -> String {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        let linked = std::mem::take(&mut s.linked);
        let thrown = ThrownError {
            name,
            message,
            stack,
            fallback_url,
            fallback_line: u64::from(fallback_line),
            fallback_col: u64::from(fallback_col),
        };
        let mechanism = Mechanism {
            ty: mechanism,
            handled: Some(handled),
            synthetic: synthetic.then_some(true),
            is_exception_group: aggregate.then_some(true),
            ..Default::default()
        };
        let mut event = new_event(&s, event_id, timestamp_ms, page_url, user_agent, referrer);
        event.exception = Client::exceptions_from_error(&thrown, mechanism, &linked);
        process(&mut s, event)
    })
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
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        let mut event = new_event(&s, event_id, timestamp_ms, page_url, user_agent, referrer);
        event.level = level.parse().unwrap_or(Level::Info);
        event.message = Some(message);
        process(&mut s, event)
    })
}

/// `captureEvent`: an event object from JS, as JSON.
#[wasm_bindgen(js_name = captureEvent)]
pub fn capture_event(event_id: &str, timestamp_ms: f64, page_url: &str, user_agent: &str, referrer: &str, json: &str) -> String {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        let mut event = new_event(&s, event_id, timestamp_ms, page_url, user_agent, referrer);
        if let Some(v) = parse_json(json) {
            event_from_value(&v, &mut event);
        }
        process(&mut s, event)
    })
}

/// Sends an event that came back from the JS hooks.
#[wasm_bindgen(js_name = sendEvent)]
pub fn send_event(event_id: &str, json: String) {
    STATE.with(|s| {
        let s = s.borrow();
        let Some(client) = s.client.as_ref() else { return };
        let mut envelope = client.envelope(&Event::default());
        envelope.event_id = EventId::parse(event_id);
        envelope.items = vec![Item::Event(json)];
        transport::submit(envelope);
    });
}

/// Counts an event the JS hooks dropped (`before_send`, `event_processor`).
#[wasm_bindgen(js_name = recordDrop)]
pub fn record_drop(reason: &str) {
    let reason = match reason {
        "before_send" => DiscardReason::BeforeSend,
        _ => DiscardReason::EventProcessor,
    };
    record_drop_reason(reason);
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
