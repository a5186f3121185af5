//! The panic hook: a panic becomes an event (mechanism `panic`, `handled:
//! false`, level `fatal`) whose request is started before the hook returns,
//! so it is on its way before the instance traps (`panic = "abort"`) or the
//! stack unwinds. Then the hook that was there before runs (for example
//! `console_error_panic_hook`'s console output).
//!
//! Nothing in the path awaits: the pipeline, the envelope and the
//! transport's `submit` + `pump` run here, and `pump` calls the JS
//! snippet's `fetch` (keepalive in pages) synchronously. A panic while the
//! hook runs cannot recurse: std aborts a panic raised inside a panic hook,
//! and a thread-local flag makes a second entry (or a hook called by hand
//! while one runs) skip the capture; the state being in use (a panic raised
//! inside the SDK) makes the capture a no-op.

use super::api::frames_here;
use super::hub;
use crate::core::json::write_u64;
use crate::core::protocol::{Exception, Level, Mechanism, Stacktrace};
use std::cell::Cell;
use std::panic::PanicHookInfo;
use std::sync::Once;

thread_local! {
    static IN_HOOK: Cell<bool> = const { Cell::new(false) };
}

/// Installs the panic hook, once; [`crate::init`] does it by default. The
/// hook installed before stays, and runs after the capture.
pub fn register_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            capture_panic(info);
            previous(info);
        }));
    });
}

/// Captures a panic (what the hook does): the event id, or the nil id.
pub fn capture_panic(info: &PanicHookInfo<'_>) -> crate::core::protocol::EventId {
    let entered = IN_HOOK.try_with(|f| f.replace(true)).unwrap_or(true);
    if entered || !hub::is_started() {
        return Default::default();
    }
    let payload = info.payload();
    let message = match payload.downcast_ref::<&str>() {
        Some(s) => *s,
        None => payload.downcast_ref::<String>().map_or("Box<dyn Any>", String::as_str),
    };
    let mut mechanism = Mechanism { ty: "panic".into(), handled: Some(false), ..Default::default() };
    if let Some(loc) = info.location() {
        let mut at = String::from(loc.file());
        at.push(':');
        write_u64(&mut at, u64::from(loc.line()));
        at.push(':');
        write_u64(&mut at, u64::from(loc.column()));
        mechanism.data.push(("location".into(), at));
    }
    let mut event = hub::new_event();
    event.level = Level::Fatal;
    event.exception = vec![Exception {
        ty: "panic".into(),
        value: Some(message.to_owned()),
        mechanism: Some(mechanism),
        stacktrace: Some(Stacktrace { frames: frames_here() }),
    }];
    let id = hub::capture(event);
    let _ = IN_HOOK.try_with(|f| f.set(false));
    id
}
