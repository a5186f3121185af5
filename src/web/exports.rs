//! The surface the JS client calls. Strings and numbers in, strings out:
//! the only place where JS values meet the core. Nothing here panics on
//! input; the client also guards every call.
//!
//! One export, `dispatch`, carries every call of client.js but `parseStack`'s,
//! to the typed functions below (which Rust tests call directly): one entry
//! with one packed string instead of twenty, each of which would cost glue.
//! With the Rust API it is a wasm-bindgen export; in the npm package's
//! wasms, a plain one ([`dispatch_plain`], see bindings.rs).

use super::bindings::{now_ms, random_u64};
use super::hub::{self, Outcome};
use super::transport;
use crate::core::client::{event_from_value, page_request, Client, ClientOptions, LinkedError, ThrownError};
use crate::core::client_report::DiscardReason;
use crate::core::envelope::Item;
use crate::core::protocol::{Breadcrumb, Event, EventId, Mechanism, Request, SDK_VERSION};
use crate::core::scope::Change;
use crate::core::stacktrace;
use crate::core::value::{self, Value};
#[cfg(not(feature = "rust-api"))]
use std::cell::RefCell;
#[cfg(feature = "rust-api")]
use wasm_bindgen::prelude::*;

/// The operations of [`dispatch`]; js/client.js has the same numbers. A
/// build without a feature (`isolation`, `lazy-demangle`) ignores its operations.
#[allow(dead_code)]
mod op {
    pub const START: u32 = 0;
    pub const STOP: u32 = 1;
    pub const CAPTURE_ERROR: u32 = 2;
    pub const CAPTURE_MESSAGE: u32 = 3;
    pub const CAPTURE_EVENT: u32 = 4;
    pub const SEND_EVENT: u32 = 5;
    pub const RECORD_DROP: u32 = 6;
    pub const SET_USER: u32 = 7;
    pub const SET_TAG: u32 = 8;
    pub const SET_EXTRA: u32 = 9;
    pub const SET_CONTEXT: u32 = 10;
    pub const SET_LEVEL: u32 = 11;
    pub const SET_FINGERPRINT: u32 = 12;
    pub const ADD_BREADCRUMB: u32 = 13;
    pub const PUSH_SCOPE: u32 = 14;
    pub const POP_SCOPE: u32 = 15;
    pub const ADD_LINKED_ERROR: u32 = 16;
    pub const TRANSPORT: u32 = 17;
    pub const USE_SCOPE: u32 = 18;
    pub const DROP_SCOPE: u32 = 19;
    pub const SET_REQUEST: u32 = 20;
    pub const TRANSPORT_LIMITS: u32 = 21;
    pub const SDK_BASE: u32 = 22;
    pub const HOOKS: u32 = 23;
    pub const IDLE: u32 = 24;
    pub const WANTED: u32 = 25;
    pub const LEARN: u32 = 26;
    pub const RELEASE: u32 = 27;
    pub const SESSION: u32 = 28;
    pub const SET_TRANSACTION: u32 = 29;
    pub const CLEAR: u32 = 30;
}

/// Splits `"3,0,5;abcvwxyz"` into `["abc", "", "vwxyz"]`: the lengths (in
/// UTF-16 code units, JS's `length`), a `;`, then the strings one after the
/// other. The encoder turned a lone surrogate into U+FFFD, one unit for one,
/// so the lengths hold. Missing strings read as empty, and strings past the
/// first [`MAX_ARGS`] are ignored: a fixed array, so that each argument of
/// [`dispatch`] is one load, not a bounds check and a default.
pub fn unpack(text: &str) -> [&str; MAX_ARGS] {
    let mut out = [""; MAX_ARGS];
    let Some((head, mut rest)) = crate::core::stacktrace::split_byte(text, b';') else { return out };
    let ascii = rest.is_ascii();
    let mut n = 0;
    let mut units = 0usize;
    // One pass over the header; each ',' or the end closes a length.
    for b in head.bytes().chain(Some(b',')) {
        if b != b',' {
            units = units.saturating_mul(10).saturating_add(usize::from(b.wrapping_sub(b'0')));
            continue;
        }
        let at = if ascii { units.min(rest.len()) } else { stacktrace::spans::byte_at_units(rest, units) };
        let (s, tail) = rest.split_at(at);
        if let Some(slot) = out.get_mut(n) {
            *slot = s;
        }
        n += 1;
        rest = tail;
        units = 0;
    }
    out
}

/// The most strings a [`dispatch`] call passes (`capture_error`'s).
pub const MAX_ARGS: usize = 9;

/// Every call of js/client.js but `parseStackIn`'s, through wasm-bindgen:
/// the Rust API's build, which a Rust app's own glue exports (the JS `init`
/// may drive it). See [`dispatch_text`].
#[cfg(feature = "rust-api")]
#[wasm_bindgen]
pub fn dispatch(op: u32, flags: u32, n: u32, m: u32, x: f64, text: &str) -> String {
    dispatch_text(op, flags, n, m, x, text)
}

/// [`dispatch`] for the npm package's wasms, a plain export (see
/// bindings.rs): the packed strings are the `len` bytes of UTF-8 that
/// js/glue.js wrote where [`text_input`] said; the result is left at
/// [`text_output`], and its length returned.
#[cfg(not(feature = "rust-api"))]
#[export_name = "dispatch"]
pub extern "C" fn dispatch_plain(op: u32, flags: u32, n: u32, m: u32, x: f64, len: usize) -> usize {
    // Taken out, not borrowed: a call may come back in (a request that
    // fails at once answers through the handler, which calls `dispatch`).
    let mut input = TEXT.with(|t| std::mem::take(&mut t.borrow_mut().0));
    // SAFETY: js/glue.js wrote `len` bytes (at most the capacity asked
    // for) with `TextEncoder.encodeInto`, which writes UTF-8 only.
    let text = unsafe {
        input.set_len(len.min(input.capacity()));
        String::from_utf8_unchecked(input)
    };
    let out = dispatch_text(op, flags, n, m, x, &text);
    let len = out.len();
    TEXT.with(|t| t.borrow_mut().1 = out);
    len
}

/// Room for `cap` bytes of [`dispatch_plain`]'s packed strings: where JS writes them.
#[cfg(not(feature = "rust-api"))]
#[export_name = "textInput"]
pub extern "C" fn text_input(cap: usize) -> *mut u8 {
    TEXT.with(|t| {
        let input = &mut t.borrow_mut().0;
        *input = Vec::with_capacity(cap);
        input.as_mut_ptr()
    })
}

/// Where the last [`dispatch_plain`] left its result.
#[cfg(not(feature = "rust-api"))]
#[export_name = "textOutput"]
pub extern "C" fn text_output() -> *const u8 {
    TEXT.with(|t| t.borrow().1.as_ptr())
}

#[cfg(not(feature = "rust-api"))]
thread_local! {
    /// [`dispatch_plain`]'s input (written by JS) and its last result.
    static TEXT: RefCell<(Vec<u8>, String)> = const { RefCell::new((Vec::new(), String::new())) };
}

/// Every call of js/client.js but `parseStackIn`'s: `op` (see
/// [`op`]), bit `flags`, two integers `n` and `m`, a number `x`, and the
/// string arguments packed as [`unpack`] reads them. Returns what the call
/// returns as a string, "" for nothing.
pub fn dispatch_text(op: u32, flags: u32, n: u32, m: u32, x: f64, text: &str) -> String {
    let args = unpack(text);
    let s = |i: usize| args[i];
    let bit = |b: u32| flags & (1 << b) != 0;
    match op {
        op::START => start(s(0), s(1), s(2), s(3), x, n, bit(0), m, s(4), bit(1), bit(2), bit(3)).unwrap_or_default(),
        op::CAPTURE_ERROR => capture_error(s(0), x, s(1), s(2), s(3), s(4), s(5), s(6), s(7).into(), bit(0), bit(1), bit(2), s(8), n, m, flags >> 3),
        op::CAPTURE_MESSAGE => capture_message(s(0), x, s(1), s(2), s(3), s(4), s(5), s(6), flags >> 3),
        op::CAPTURE_EVENT => capture_event(s(0), x, s(1), s(2), s(3), s(4)),
        op::PUSH_SCOPE => if push_scope(bit(0)) { "1" } else { "" }.into(),
        op::IDLE => if transport::is_idle() && hub::none_held() { "1" } else { "" }.into(),
        #[cfg(feature = "lazy-demangle")]
        op::WANTED => crate::core::demangle::lazy::take_wanted(),
        #[cfg(feature = "lazy-demangle")]
        op::RELEASE => release(),
        _ => {
            match op {
                op::STOP => stop(),
                op::SEND_EVENT => send_event(s(0), s(1).into(), bit(0), bit(1), bit(2)),
                op::RECORD_DROP => transport::record(if bit(0) { DiscardReason::BeforeSend } else { DiscardReason::EventProcessor }),
                // Bit 4: the current scope (a scope object's method); else the isolation scope.
                op::SET_USER => set_user(s(0), bit(4)),
                op::SET_TAG => set_tag(s(0), bit(0).then(|| s(1).into()), bit(4)),
                op::SET_EXTRA => set_extra(s(0), s(1), bit(4)),
                op::SET_CONTEXT => set_context(s(0), s(1), bit(4)),
                op::SET_LEVEL => set_level(s(0), bit(4)),
                op::SET_FINGERPRINT => set_fingerprint(s(0), bit(4)),
                op::SET_TRANSACTION => with_scope(bit(4), Change::Transaction(Some(s(0)).filter(|n| !n.is_empty()).map(str::to_owned))),
                op::CLEAR => with_scope(bit(4), Change::Clear(bit(0))),
                op::ADD_BREADCRUMB => add_breadcrumb(x, s(0), s(1), s(2), s(3), s(4), bit(4)),
                op::POP_SCOPE => pop_scope(),
                op::ADD_LINKED_ERROR => add_linked_error(s(0).into(), s(1).into(), s(2).into(), s(3).into(), n, bit(0)),
                op::TRANSPORT => transport::on_event(n as i32, m as u16, s(0).into(), s(1).into()),
                #[cfg(feature = "isolation")]
                op::USE_SCOPE => use_scope(n),
                #[cfg(feature = "isolation")]
                op::DROP_SCOPE => drop_scope(n),
                #[cfg(feature = "isolation")]
                op::SET_REQUEST => set_request(s(0), s(1), s(2)),
                op::TRANSPORT_LIMITS => set_transport_limits(n, m),
                op::SDK_BASE => super::parse::set_sdk_base(s(0).into()),
                // The JS client's hooks came after `START` (`addEventProcessor`): finished events go to JS from now on.
                op::HOOKS => hub::with(|st| st.js_hooks = true).unwrap_or(()),
                #[cfg(feature = "lazy-demangle")]
                op::LEARN => crate::core::demangle::lazy::learn(s(0), s(1)),
                // `n`: 0 starts the page's session (the user agent in `s(0)`), 1 sends it, 2 ends and sends it.
                #[cfg(feature = "session")]
                op::SESSION => hub::session(n, s(0)),
                _ => {}
            }
            String::new()
        }
    }
}

/// An owned copy of `s`, unless it is empty.
fn opt(s: &str) -> Option<String> {
    (!s.is_empty()).then(|| s.to_owned())
}

/// User data as js/client.js packs it (see `value::from_packed`); null is none.
fn value_of(packed: &str) -> Option<Value> {
    value::from_packed(packed).filter(|v| !v.is_null())
}

/// Starts the client. Returns `None` on success, or the reason the DSN was
/// refused (the shim reports it once and stays disabled).
#[allow(clippy::too_many_arguments)]
pub fn start(
    dsn: &str,
    release: &str,
    environment: &str,
    dist: &str,
    sample_rate: f64,
    max_breadcrumbs: u32,
    send_default_pii: bool,
    max_value_length: u32,
    tunnel: &str,
    dedupe: bool,
    hooks: bool,
    http_context: bool,
) -> Option<String> {
    let options = ClientOptions {
        release: opt(release),
        environment: opt(environment),
        dist: opt(dist),
        sample_rate,
        max_breadcrumbs: (max_breadcrumbs as usize).min(crate::core::scope::DEFAULT_MAX_BREADCRUMBS),
        send_default_pii,
        max_value_length: max_value_length as usize,
        tunnel: opt(tunnel),
        dedupe,
        ..Default::default()
    };
    hub::start(dsn, options, hooks, http_context).err().map(|e| e.as_str().to_owned())
}

/// Stops sending; later captures are no-ops.
pub fn stop() {
    hub::stop();
}

/// Registers the JS client's `deliver(json)`: events captured from Rust
/// while the JS hooks are on (`beforeSend`, inbound filters) go there. Only
/// with the Rust API: nothing else captures from Rust.
#[cfg(feature = "rust-api")]
#[wasm_bindgen(js_name = setDeliver)]
pub fn set_deliver_hook(deliver: JsValue) {
    super::bindings::set_deliver(deliver);
}

/// The scope setters act on: the current one (`current`, a scope object's
/// method), or as the app's top-level calls, the isolation scope and the
/// `withScope` levels open above it (see `ScopeStack::isolation_each`).
fn with_scope(current: bool, change: Change<'_>) {
    if current {
        hub::scope_mut(|scope| scope.apply_own(&change));
    } else {
        hub::isolation_mut(&mut |scope| scope.apply_isolation(&change));
    }
}

pub fn set_user(packed: &str, current: bool) {
    let user = value_of(packed);
    // The session belongs to the app's user, not to a `withScope` level's.
    #[cfg(feature = "session")]
    if !current {
        hub::session_user(user.as_ref());
    }
    with_scope(current, Change::User(user));
}

pub fn set_tag(key: &str, value: Option<String>, current: bool) {
    with_scope(current, Change::Tag(key, value));
}

/// As the peer's: `null` is a value here (sent as null); the JS sends nothing for `undefined`, which removes the key.
pub fn set_extra(key: &str, packed: &str, current: bool) {
    with_scope(current, Change::Extra(key, value::from_packed(packed)));
}

pub fn set_context(key: &str, packed: &str, current: bool) {
    with_scope(current, Change::Context(key, value_of(packed)));
}

pub fn set_level(level: &str, current: bool) {
    with_scope(current, Change::Level(level.parse().ok()));
}

pub fn set_fingerprint(packed: &str, current: bool) {
    with_scope(current, Change::Fingerprint(value_of(packed).map(|v| v.strings()).unwrap_or_default()));
}

#[allow(clippy::too_many_arguments)]
pub fn add_breadcrumb(timestamp_ms: f64, ty: &str, category: &str, message: &str, level: &str, data: &str, current: bool) {
    hub::add_breadcrumb(
        Breadcrumb {
            timestamp_ms: if timestamp_ms > 0.0 { timestamp_ms as u64 } else { now_ms() },
            ty: opt(ty),
            category: opt(category),
            message: opt(message),
            level: level.parse().ok(),
            data: value_of(data),
        },
        current,
    );
}

/// Opens a `withScope` level (with `isolation`, a `withIsolationScope`
/// one); false when nested too deep.
pub fn push_scope(isolation: bool) -> bool {
    hub::push_scope(isolation)
}

pub fn pop_scope() {
    hub::pop_scope();
}

/// A worker's request scopes, named by the caller: `use_scope` before each
/// call made on a request's behalf (the first makes the scope), `drop_scope`
/// at its end.
pub fn use_scope(id: u32) {
    hub::use_scope(id);
}

pub fn drop_scope(id: u32) {
    hub::drop_scope(id);
}

/// The request the current scope is handling (a worker's): method, URL,
/// and its headers as lines, name and value alternating (header values
/// cannot hold a line break).
pub fn set_request(method: &str, url: &str, headers: &str) {
    let mut lines = stacktrace::pieces(headers, b'\n');
    let mut pairs = Vec::new();
    while let (Some(name), Some(value)) = (lines.next(), lines.next()) {
        pairs.push((name.to_owned(), value.to_owned()));
    }
    with_scope(false, Change::Request(Some(Request { method: opt(method), url: opt(url), headers: pairs })));
}

/// Transport limits: envelopes held at once, and requests in flight.
pub fn set_transport_limits(capacity: u32, max_in_flight: u32) {
    transport::set_limits(capacity as usize, max_in_flight as usize);
}

/// Stages an error linked to the next capture (a `cause`, or a member of an
/// AggregateError); `parent` is the index of the error it hangs off (0 is
/// the captured error, then staging order from 1).
pub fn add_linked_error(name: String, message: String, stack: String, source: String, parent: u32, is_group: bool) {
    hub::stage_linked(LinkedError { name, message, stack, source, parent: parent as usize, is_group });
}

/// Every capture export starts with `(event_id, timestamp_ms, page_url,
/// user_agent, referrer)`: the page context and timing of one capture, read
/// by the shim when the thing happened (which may be before the wasm was ready).
fn new_event(event_id: &str, timestamp_ms: f64, page_url: &str, user_agent: &str, referrer: &str) -> Event {
    let event_id = EventId::parse(event_id).unwrap_or_else(|| EventId::from_random(random_u64(), random_u64()));
    let timestamp_ms = if timestamp_ms > 0.0 { timestamp_ms as u64 } else { now_ms() };
    let http_context = hub::with(|s| s.http_context).unwrap_or(false);
    let request = if http_context { page_request(page_url, user_agent, referrer) } else { None };
    Event { event_id, timestamp_ms, request, ..Default::default() }
}

/// Runs the pipeline; then sends, or with hooks hands the event back as JSON.
/// Returns the event id, the event's JSON, or "" when it was dropped.
fn process(event: Event) -> String {
    match hub::process(event) {
        Outcome::Sent(id) => id.to_hex(),
        Outcome::ToJsHooks(_, json) => json,
        // The JS client loads the demangler, then calls `RELEASE`.
        #[cfg(feature = "lazy-demangle")]
        Outcome::Held(_) => HELD.into(),
        Outcome::Dropped => String::new(),
    }
}

/// What a capture returns when its event waits for the demangler (`lazy-demangle`).
#[cfg(feature = "lazy-demangle")]
const HELD: &str = "+";

/// Sends the events that waited for the demangler (after `LEARN` taught
/// its table what it could): for the JS hooks, their JSON, each ended by a line break.
#[cfg(feature = "lazy-demangle")]
fn release() -> String {
    let mut out = String::new();
    hub::release(|outcome| {
        if let Outcome::ToJsHooks(_, json) = outcome {
            out.push_str(&json);
            out.push('\n');
        }
    });
    out
}

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
    skip: u32,
) -> String {
    let thrown = ThrownError {
        name,
        message,
        stack,
        fallback_url,
        fallback_line: u64::from(fallback_line),
        fallback_col: u64::from(fallback_col),
        skip: skip as usize,
        ..Default::default()
    };
    let mechanism = Mechanism {
        ty: mechanism,
        handled: Some(handled),
        synthetic: synthetic.then_some(true),
        is_exception_group: aggregate.then_some(true),
        ..Default::default()
    };
    capture_thrown(event_id, timestamp_ms, page_url, user_agent, referrer, thrown, mechanism, None)
}

/// `stack`, when not empty, is one the SDK took where the app called it
/// (`attachStacktrace`), its own `skip` newest frames on top: the message
/// then also carries it, as the peer's (see `Client::message_exception`).
#[allow(clippy::too_many_arguments)]
pub fn capture_message(
    event_id: &str,
    timestamp_ms: f64,
    page_url: &str,
    user_agent: &str,
    referrer: &str,
    message: &str,
    level: &str,
    stack: &str,
    skip: u32,
) -> String {
    let thrown = ThrownError { name: "Error", message, stack, skip: skip as usize, ..Default::default() };
    let mechanism = Mechanism { ty: "generic".into(), handled: Some(true), synthetic: Some(true), ..Default::default() };
    capture_thrown(event_id, timestamp_ms, page_url, user_agent, referrer, thrown, mechanism, Some(level))
}

/// One path for both captures: an error's exceptions (and those linked to
/// it), or with `message_level` a message event.
#[allow(clippy::too_many_arguments)]
fn capture_thrown(
    event_id: &str,
    timestamp_ms: f64,
    page_url: &str,
    user_agent: &str,
    referrer: &str,
    thrown: ThrownError<'_>,
    mechanism: Mechanism,
    message_level: Option<&str>,
) -> String {
    // Staged by client.js just before an error's capture (none before a message's).
    let linked = hub::take_linked();
    // As parseStack: the SDK's own frames are not the app's.
    let sdk_base = super::parse::sdk_base();
    let thrown = ThrownError { sdk_base: &sdk_base, ..thrown };
    let mut event = new_event(event_id, timestamp_ms, page_url, user_agent, referrer);
    event.exception = Client::exceptions_from_error(&thrown, mechanism, &linked);
    if let Some(level) = message_level {
        Client::into_message(&mut event, level);
    }
    process(event)
}

/// `captureEvent`: an event object from JS, packed (see [`value_of`]).
pub fn capture_event(event_id: &str, timestamp_ms: f64, page_url: &str, user_agent: &str, referrer: &str, packed: &str) -> String {
    let mut event = new_event(event_id, timestamp_ms, page_url, user_agent, referrer);
    if let Some(v) = value_of(packed) {
        event_from_value(&v, &mut event);
    }
    process(event)
}

/// Sends an event that came back from the JS hooks; `errored` and
/// `unhandled` are what it means for the session (see `session::Signal`),
/// read there from the event as it finally is; `feedback`, that it is user feedback.
pub fn send_event(event_id: &str, json: String, errored: bool, unhandled: bool, feedback: bool) {
    let item = if feedback { Item::Feedback(json) } else { Item::Event(json) };
    let envelope = hub::with(|s| Some(s.client.as_ref()?.envelope_of(EventId::parse(event_id), vec![item])));
    if let Some(envelope) = envelope.flatten() {
        transport::submit(envelope);
        #[cfg(feature = "session")]
        hub::with(|s| hub::session_event(s, crate::core::session::Signal { errored, unhandled }));
    }
    #[cfg(not(feature = "session"))]
    let _ = (errored, unhandled);
}

/// A promise of `true` once everything sent so far was handed over: the JS
/// transport's own count, which holds after the instance trapped (a Rust
/// app's panic). client.js polls [`op::IDLE`] instead; without the Rust API
/// no JS value crosses the boundary (see bindings.rs).
#[cfg(feature = "rust-api")]
#[wasm_bindgen]
pub fn flush(timeout_ms: f64) -> JsValue {
    super::bindings::flush_pending(timeout_ms)
}

pub fn sdk_version() -> String {
    SDK_VERSION.to_owned()
}
