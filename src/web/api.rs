//! The Rust API, for Rust apps compiled to wasm that depend on this crate:
//! the shape of the `sentry` crate's. Every call goes through the one state
//! in `hub.rs`, so it works whether the client was started here
//! ([`init`]) or by the JS `init` of the same wasm module. Before `init`,
//! after the guard is dropped (or [`close`]), and from inside a
//! `before_send` callback, captures are no-ops that return the nil id.

use super::bindings::{flush_pending, now_ms, stack_now, warn};
use super::hub::{self, BeforeCallback};
use crate::core::client::{Client, LinkedError, ThrownError};
use crate::core::protocol::{Breadcrumb, Event, EventId, Level, Mechanism, Stacktrace};
use crate::core::scope::Scope;
use crate::core::stacktrace;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};
use wasm_bindgen::JsValue;

/// The options of [`init`]: those of the JS `init`, by their Rust names.
#[derive(Clone)]
#[non_exhaustive]
pub struct ClientOptions {
    /// Where events go (`https://KEY@HOST/PROJECT_ID`); none keeps the SDK off.
    pub dsn: Option<String>,
    pub release: Option<String>,
    pub environment: Option<String>,
    pub dist: Option<String>,
    /// The share of error events sent, from 0 to 1.
    pub sample_rate: f64,
    /// At most 100.
    pub max_breadcrumbs: usize,
    /// Off by default: sensitive data is scrubbed.
    pub send_default_pii: bool,
    pub max_value_length: usize,
    pub tunnel: Option<String>,
    /// Drop an error event that repeats the previous one (the `Dedupe` integration).
    pub dedupe: bool,
    /// `false` keeps the SDK off.
    pub enabled: bool,
    /// Warn on the console about what the SDK does not do (a refused DSN is always reported).
    pub debug: bool,
    /// Runs on each finished event before it is sent; `None` drops it.
    /// SDK calls made from inside it are no-ops.
    pub before_send: Option<BeforeCallback<Event>>,
    pub before_breadcrumb: Option<BeforeCallback<Breadcrumb>>,
    /// Install the panic hook ([`register_panic_hook`]); on by default.
    pub panic_hook: bool,
}

impl Default for ClientOptions {
    fn default() -> Self {
        let core = crate::core::client::ClientOptions::default();
        ClientOptions {
            dsn: None,
            release: None,
            environment: None,
            dist: None,
            sample_rate: core.sample_rate,
            max_breadcrumbs: core.max_breadcrumbs,
            send_default_pii: core.send_default_pii,
            max_value_length: core.max_value_length,
            tunnel: None,
            dedupe: core.dedupe,
            enabled: true,
            debug: false,
            before_send: None,
            before_breadcrumb: None,
            panic_hook: true,
        }
    }
}

impl From<&str> for ClientOptions {
    fn from(dsn: &str) -> Self {
        ClientOptions { dsn: Some(dsn.to_owned()), ..Default::default() }
    }
}

impl<S: AsRef<str>> From<(S, ClientOptions)> for ClientOptions {
    fn from((dsn, options): (S, ClientOptions)) -> Self {
        ClientOptions { dsn: Some(dsn.as_ref().to_owned()), ..options }
    }
}

/// Keeps the client running; dropping it closes the client ([`close`]).
/// In a web app whose start function returns, keep it (in a static, or with
/// `std::mem::forget`) for as long as events should be sent.
#[must_use = "dropping the guard closes the client at once"]
pub struct ClientInitGuard {
    started: bool,
}

impl ClientInitGuard {
    /// Whether the client started (a DSN was given and accepted).
    pub fn is_enabled(&self) -> bool {
        self.started
    }
}

impl Drop for ClientInitGuard {
    fn drop(&mut self) {
        if self.started {
            close();
        }
    }
}

/// Starts the client, as the JS `init` does: `init("https://KEY@HOST/1")`,
/// or `init(("https://…", ClientOptions { release: …, ..Default::default() }))`.
/// A malformed DSN is reported once on the console and leaves the SDK off.
pub fn init(options: impl Into<ClientOptions>) -> ClientInitGuard {
    let o: ClientOptions = options.into();
    let dsn = match o.dsn.as_deref() {
        Some(d) if o.enabled && !d.is_empty() => d,
        _ => {
            if o.debug {
                warn("no DSN, or enabled: false: the SDK stays off");
            }
            return ClientInitGuard { started: false };
        }
    };
    let mut core = crate::core::client::ClientOptions::default();
    core.release = o.release.clone();
    core.environment = o.environment.clone();
    core.dist = o.dist.clone();
    core.sample_rate = o.sample_rate;
    core.max_breadcrumbs = o.max_breadcrumbs.min(crate::core::scope::DEFAULT_MAX_BREADCRUMBS);
    core.send_default_pii = o.send_default_pii;
    core.max_value_length = o.max_value_length;
    core.tunnel = o.tunnel.clone();
    core.dedupe = o.dedupe;
    if let Err(e) = hub::start(dsn, core, false, false) {
        let mut msg = String::from(e.as_str());
        msg.push_str(": the SDK is disabled");
        warn(&msg);
        return ClientInitGuard { started: false };
    }
    hub::with(|s| {
        s.before_send = o.before_send;
        s.before_breadcrumb = o.before_breadcrumb;
    });
    if o.panic_hook {
        super::panic::register_panic_hook();
    }
    ClientInitGuard { started: true }
}

/// Stops the client: what was sent goes on, later captures are no-ops.
pub fn close() {
    hub::stop();
}

/// Whether a client is running (started from Rust or from JS).
pub fn is_enabled() -> bool {
    hub::is_started()
}

/// Captures a message at `level`. Returns its id, or the nil id when nothing was sent.
pub fn capture_message(message: &str, level: Level) -> EventId {
    let mut event = hub::new_event();
    event.level = level;
    event.message = Some(message.to_owned());
    hub::capture(event)
}

/// Captures an error and its `source()` chain (as linked exceptions, the
/// deepest cause first). The frames are those of the call, the SDK's own
/// removed. Returns the event id, or the nil id.
pub fn capture_error<E: std::error::Error + ?Sized>(error: &E) -> EventId {
    // Cheap test first: no string work when nothing would be sent.
    if !hub::is_started() {
        return EventId::default();
    }
    let top_message = error.to_string();
    let top_type = type_name(error);
    let mut linked = Vec::new();
    let mut source = error.source();
    while let Some(e) = source {
        if linked.len() >= 10 {
            break;
        }
        linked.push(LinkedError {
            name: type_name(e),
            message: e.to_string(),
            stack: String::new(),
            source: "source".into(),
            parent: linked.len(),
            is_group: false,
        });
        source = e.source();
    }
    let thrown = ThrownError { name: &top_type, message: &top_message, ..Default::default() };
    let mechanism = Mechanism { ty: "generic".into(), handled: Some(true), ..Default::default() };
    let mut event = hub::new_event();
    event.exception = Client::exceptions_from_error(&thrown, mechanism, &linked);
    if let Some(top) = event.exception.last_mut() {
        top.stacktrace = Some(Stacktrace { frames: frames_here() });
    }
    hub::capture(event)
}

/// The type of an error, as the `sentry` crate reads it: the start of its
/// `Debug` output (`ConfigError { .. }` is `ConfigError`).
fn type_name<E: std::error::Error + ?Sized>(e: &E) -> String {
    let mut debug = String::new();
    let _ = std::fmt::Write::write_fmt(&mut debug, format_args!("{e:?}"));
    let end = debug.bytes().position(|b| matches!(b, b' ' | b'(' | b'{' | b'\r' | b'\n')).unwrap_or(debug.len());
    debug.truncate(end.min(100));
    if debug.is_empty() {
        debug.push_str("Error");
    }
    debug
}

/// The frames of the current JS stack, oldest first, the SDK's (and std's
/// panic machinery) removed from the top.
pub(crate) fn frames_here() -> Vec<crate::core::protocol::Frame> {
    let stack = stack_now();
    let mut frames = stacktrace::parse(&stack, "Error", "", "");
    stacktrace::trim_capture_frames(&mut frames);
    frames
}

/// Captures an event built by hand. Missing id and timestamp are filled in.
pub fn capture_event(mut event: Event) -> EventId {
    if event.event_id.is_nil() {
        event.event_id = hub::new_event().event_id;
    }
    if event.timestamp_ms == 0 {
        event.timestamp_ms = now_ms();
    }
    hub::capture(event)
}

/// Changes the current scope (user, tags, extra, contexts, level, fingerprint).
/// A no-op from inside an SDK callback.
pub fn configure_scope<F: FnOnce(&mut Scope)>(f: F) {
    hub::scope_mut(f);
}

/// Runs `scope_config` on a new scope, then `callback` with that scope
/// current; the scope is dropped afterwards.
pub fn with_scope<C: FnOnce(&mut Scope), F: FnOnce() -> R, R>(scope_config: C, callback: F) -> R {
    let pushed = hub::push_scope(false);
    if pushed {
        hub::scope_mut(scope_config);
    }
    let r = callback();
    if pushed {
        hub::pop_scope();
    }
    r
}

/// Adds a breadcrumb to the current scope (timestamp now when 0).
pub fn add_breadcrumb(mut crumb: Breadcrumb) {
    if crumb.timestamp_ms == 0 {
        crumb.timestamp_ms = now_ms();
    }
    hub::add_breadcrumb(crumb, true);
}

/// Resolves to `true` once everything captured so far was handed over
/// (`false` at the timeout; 2 s when `None`). A wasm page cannot block, so
/// this is a future: `flush(None).await`.
pub fn flush(timeout: Option<std::time::Duration>) -> Flush {
    let ms = timeout.map_or(2000.0, |t| t.as_millis() as f64);
    Flush { promise: wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(flush_pending(ms))) }
}

/// The future of [`flush`].
pub struct Flush {
    promise: wasm_bindgen_futures::JsFuture,
}

impl Future for Flush {
    type Output = bool;
    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<bool> {
        Pin::new(&mut self.promise).poll(cx).map(|r| r.ok() == Some(JsValue::TRUE))
    }
}
