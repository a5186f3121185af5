//! The one state of the platform layer: the client, the scopes and the
//! linked errors staged for the next capture. The JS exports (`exports.rs`)
//! and the Rust API (`api.rs`) both go through here, so a client started
//! from either side serves both.
//!
//! Re-entry is a no-op, never a panic: a call made while the state is in
//! use (from a `before_send` callback the SDK is running, or from a panic
//! raised inside the SDK) finds it borrowed and does nothing.

#[cfg(feature = "rust-api")]
use super::bindings::deliver;
use super::bindings::{build_id_of, math_random, now_ms};
use super::transport;
use crate::core::client::{Client, ClientOptions, LinkedError};
#[cfg(feature = "rust-api")]
use crate::core::client_report::DiscardReason;
use crate::core::debug_meta::attach_debug_images;
use crate::core::dsn::ParseDsnError;
use crate::core::json::ToJson;
use crate::core::protocol::{Breadcrumb, Event, EventId};
use crate::core::scope::{IsolationScopes, Scope, DEFAULT_MAX_BREADCRUMBS};
#[cfg(feature = "session")]
use crate::core::session::{Session, Signal};
use std::cell::RefCell;

/// A Rust `before_send` / `before_breadcrumb`: the item, changed or not, or
/// `None` to drop it.
#[cfg(feature = "rust-api")]
pub type BeforeCallback<T> = std::sync::Arc<dyn Fn(T) -> Option<T>>;

pub(crate) struct State {
    pub client: Option<Client>,
    /// The global scope, and a worker's per-request scopes.
    pub scopes: IsolationScopes,
    pub linked: Vec<LinkedError>,
    /// Started from JS with `beforeSend` or inbound filters: the JS client
    /// runs them on each finished event, then sends it.
    pub js_hooks: bool,
    pub http_context: bool,
    /// Events whose frames wait for the lazily loaded demangler (`lazy-demangle`),
    /// scope already applied: [`release`] sends them.
    #[cfg(feature = "lazy-demangle")]
    pub held: Vec<Event>,
    /// The page's release-health session (`session`), once the JS client started one.
    #[cfg(feature = "session")]
    pub session: Option<Session>,
    /// Started from Rust: its callbacks (only the Rust API sets them).
    #[cfg(feature = "rust-api")]
    pub before_send: Option<BeforeCallback<Event>>,
    #[cfg(feature = "rust-api")]
    pub before_breadcrumb: Option<BeforeCallback<Breadcrumb>>,
}

thread_local! {
    // A constant initialiser: no lazy-initialisation code (0.8 KB raw).
    static STATE: RefCell<State> = const {
        RefCell::new(State {
            client: None,
            scopes: IsolationScopes::NEW,
            linked: Vec::new(),
            js_hooks: false,
            http_context: false,
            #[cfg(feature = "lazy-demangle")]
            held: Vec::new(),
            #[cfg(feature = "session")]
            session: None,
            #[cfg(feature = "rust-api")]
            before_send: None,
            #[cfg(feature = "rust-api")]
            before_breadcrumb: None,
        })
    };
}

/// Runs `f` on the state; `None` when it is in use (see the module's doc).
pub(crate) fn with<R>(f: impl FnOnce(&mut State) -> R) -> Option<R> {
    STATE.try_with(|s| s.try_borrow_mut().ok().map(|mut s| f(&mut s))).ok().flatten()
}

/// Starts (or restarts) the client and its transport.
pub(crate) fn start(dsn: &str, options: ClientOptions, js_hooks: bool, http_context: bool) -> Result<(), ParseDsnError> {
    let client = Client::new(dsn, options)?;
    #[cfg(feature = "rust-api")]
    super::bindings::install_module_registry();
    transport::start(client.url());
    with(|s| {
        s.client = Some(client);
        s.js_hooks = js_hooks;
        s.http_context = http_context;
        #[cfg(feature = "rust-api")]
        {
            s.before_send = None;
            s.before_breadcrumb = None;
        }
    });
    Ok(())
}

/// Stops sending; later captures are no-ops.
pub(crate) fn stop() {
    with(|s| {
        s.client = None;
        #[cfg(feature = "session")]
        {
            s.session = None;
        }
        #[cfg(feature = "rust-api")]
        {
            s.before_send = None;
            s.before_breadcrumb = None;
        }
    });
    transport::stop();
}

pub(crate) fn is_started() -> bool {
    with(|s| s.client.is_some()).unwrap_or(false)
}

/// Runs `f` on the current scope (a no-op on re-entry).
pub(crate) fn scope_mut<R>(f: impl FnOnce(&mut Scope) -> R) -> Option<R> {
    with(|s| f(s.scopes.current_mut()))
}

/// Runs `f` on the isolation scope and the levels above it (see `ScopeStack::isolation_each`).
pub(crate) fn isolation_mut(f: &mut dyn FnMut(&mut Scope)) {
    with(|s| s.scopes.isolation_each(f));
}

/// Opens a `withScope` level, or with `isolation` a `withIsolationScope` one.
pub(crate) fn push_scope(isolation: bool) -> bool {
    with(|s| s.scopes.push(isolation)).unwrap_or(false)
}

pub(crate) fn pop_scope() {
    with(|s| s.scopes.pop());
}

/// Makes isolation scope `id` current, making it on first use: the JS
/// layer calls it before each call made on behalf of a request (0: the
/// global scope).
pub(crate) fn use_scope(id: u32) {
    with(|s| s.scopes.switch(id));
}

pub(crate) fn drop_scope(id: u32) {
    with(|s| s.scopes.drop_scope(id));
}

/// Adds a breadcrumb, through `before_breadcrumb`, to the current scope, or
/// unless `current` to the isolation scope and the levels above it.
pub(crate) fn add_breadcrumb(crumb: Breadcrumb, current: bool) {
    with(|s| {
        #[cfg(feature = "rust-api")]
        let Some(crumb) = (match &s.before_breadcrumb {
            Some(f) => f(crumb),
            None => Some(crumb),
        }) else {
            return;
        };
        let max = s.client.as_ref().map_or(DEFAULT_MAX_BREADCRUMBS, |c| c.options().max_breadcrumbs);
        if current {
            s.scopes.current_mut().add_breadcrumb(crumb, max);
        } else {
            s.scopes.isolation_each(&mut |scope| scope.add_breadcrumb(crumb.clone(), max));
        }
    });
}

/// Stages an error linked to the next capture (at most 32).
pub(crate) fn stage_linked(error: LinkedError) {
    with(|s| {
        if s.linked.len() < 32 {
            s.linked.push(error);
        }
    });
}

pub(crate) fn take_linked() -> Vec<LinkedError> {
    with(|s| std::mem::take(&mut s.linked)).unwrap_or_default()
}

/// What became of an event.
pub(crate) enum Outcome {
    /// Handed to the transport (its request, when one may go, already started).
    Sent(EventId),
    /// For the JS hooks: the finished event as JSON.
    ToJsHooks(EventId, String),
    /// Held until the demangler came (`lazy-demangle`): the JS client loads it, then calls [`release`].
    #[cfg(feature = "lazy-demangle")]
    Held(EventId),
    Dropped,
}

/// Most events held for the demangler at once; past it, an event leaves
/// with its engine's names.
#[cfg(feature = "lazy-demangle")]
const MAX_HELD: usize = 30;

/// The pipeline: sample, scope, options, dedupe, scrub; then `before_send`,
/// then the transport. Without a client (before `init`, after `close`), or
/// on re-entry, nothing happens.
pub(crate) fn process(event: Event) -> Outcome {
    with(|s| {
        let State { client, scopes, .. } = s;
        let Some(client) = client.as_mut() else { return Outcome::Dropped };
        #[cfg(feature = "session")]
        let signal = Signal::of(&event);
        let mut event = match client.process(event, scopes.current(), math_random()) {
            Ok(event) => event,
            Err(reason) => {
                transport::record(reason);
                // As the peer's: an error left out by sampling still counts for the session.
                #[cfg(feature = "session")]
                if reason == crate::core::client_report::DiscardReason::SampleRate {
                    session_event(s, signal);
                }
                return Outcome::Dropped;
            }
        };
        attach_debug_images(&mut event, |url| Some(build_id_of(url)).filter(|id| !id.is_empty()));
        #[cfg(feature = "lazy-demangle")]
        if crate::core::stacktrace::event_is_pending(&event) {
            if s.held.len() < MAX_HELD {
                let id = event.event_id;
                s.held.push(event);
                return Outcome::Held(id);
            }
            crate::core::stacktrace::resolve_event(&mut event);
        }
        finish(s, event)
    })
    .unwrap_or(Outcome::Dropped)
}

/// Sends the events held for the demangler, named with what its table now
/// holds: each goes where [`process`] sends an event, and `f` gets the outcome.
#[cfg(feature = "lazy-demangle")]
pub(crate) fn release(mut f: impl FnMut(Outcome)) {
    with(|s| {
        for mut event in std::mem::take(&mut s.held) {
            crate::core::stacktrace::resolve_event(&mut event);
            f(finish(s, event));
        }
    });
}

/// Whether nothing waits for the demangler.
pub(crate) fn none_held() -> bool {
    #[cfg(feature = "lazy-demangle")]
    return with(|s| s.held.is_empty()).unwrap_or(true);
    #[cfg(not(feature = "lazy-demangle"))]
    true
}

/// The end of [`process`]: the JS hooks, or `before_send` and the transport.
fn finish(s: &mut State, event: Event) -> Outcome {
    let Some(client) = s.client.as_ref() else { return Outcome::Dropped };
    if s.js_hooks {
        return Outcome::ToJsHooks(event.event_id, event.to_json());
    }
    // The state stays borrowed while the callback runs: captures made
    // from inside it are no-ops.
    #[cfg(feature = "rust-api")]
    let event = match &s.before_send {
        Some(f) => match f(event) {
            Some(e) => e,
            None => {
                transport::record(DiscardReason::BeforeSend);
                return Outcome::Dropped;
            }
        },
        None => event,
    };
    transport::submit(client.envelope(&event));
    #[cfg(feature = "session")]
    session_event(s, Signal::of(&event));
    Outcome::Sent(event.event_id)
}

/// The session operations, for a client with a release (Sentry has no
/// release health without one). `op` 0 starts one, the current user's,
/// with the browser's `user_agent`; 1 sends it; 2 ends it. A session that
/// ends (replaced, or ended) is sent once more.
#[cfg(feature = "session")]
pub(crate) fn session(op: u32, user_agent: &str) {
    with(|s| {
        if !s.client.as_ref().is_some_and(|c| c.options().release.is_some()) {
            return;
        }
        let now = now_ms();
        if op != 1 {
            if let Some(old) = &mut s.session {
                old.end(now);
                send_session(s);
                s.session = None;
            }
        }
        match op {
            0 => {
                let sid = EventId::from_random(super::bindings::random_u64(), super::bindings::random_u64());
                s.session = Some(Session::start(sid, now, s.scopes.current().user.as_ref(), user_agent));
            }
            1 => send_session(s),
            _ => {}
        }
    });
}

/// Sends the session as it is now (its first send carries `init`).
#[cfg(feature = "session")]
fn send_session(s: &mut State) {
    let (Some(client), Some(session)) = (&s.client, &mut s.session) else { return };
    let o = client.options();
    let json = session.to_json(o.release.as_deref().unwrap_or_default(), o.environment.as_deref().unwrap_or("production"));
    session.init = false;
    transport::submit(client.envelope_of(None, vec![crate::core::envelope::Item::Session(json)]));
}

/// An event that was sent (or left out by sampling) updates the session;
/// sent at once when that changed it (see `Session::on_event`).
#[cfg(feature = "session")]
pub(crate) fn session_event(s: &mut State, signal: Signal) {
    if s.session.as_mut().is_some_and(|x| x.on_event(signal, now_ms())) {
        send_session(s);
    }
}

/// The app's user changed: the session takes its id (and sends it again,
/// if it was already sent without it).
#[cfg(feature = "session")]
pub(crate) fn session_user(user: Option<&crate::core::value::Value>) {
    with(|s| {
        if s.session.as_mut().is_some_and(|x| x.set_user(user) && !x.init) {
            send_session(s);
        }
    });
}

/// [`process`] for a capture made in Rust: the event id, or the nil id when
/// nothing was sent. With JS hooks the event goes to the JS client at once
/// (synchronously: `beforeSend`, then `sendEvent` back into this module).
#[cfg(feature = "rust-api")]
pub(crate) fn capture(event: Event) -> EventId {
    match process(event) {
        Outcome::Sent(id) => id,
        Outcome::ToJsHooks(id, json) => {
            deliver(&json);
            id
        }
        #[cfg(feature = "lazy-demangle")]
        Outcome::Held(id) => id,
        Outcome::Dropped => EventId::default(),
    }
}

/// A fresh event: a random id, now, and nothing else.
pub(crate) fn new_event() -> Event {
    Event { event_id: EventId::from_random(super::bindings::random_u64(), super::bindings::random_u64()), timestamp_ms: now_ms(), ..Default::default() }
}
