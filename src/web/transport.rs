//! Drives the core's transport (queue, retries, rate limits, client
//! reports) over the JS snippet's `fetch`, timer and `sendBeacon`.

use super::bindings::{now_ms, send_beacon, send_envelope, wake_after};
use crate::core::client_report::DiscardReason;
use crate::core::envelope::{DataCategory, Envelope};
use crate::core::transport::{Transport, DEFAULT_CAPACITY};
use std::cell::RefCell;

thread_local! {
    static TRANSPORT: RefCell<Option<Transport>> = const { RefCell::new(None) };
}

const WAKE: i32 = -1;
const UNLOAD: i32 = -2;

/// Starts (or restarts) the transport for `url`. With the Rust API, it
/// registers the one JS callback it needs, once, as a Rust closure. The npm
/// package's wasm has no closure: client.js hands the JS transport a JS
/// function that calls [`on_event`] through `dispatch`, which spares
/// wasm-bindgen's closure machinery (1.1 KB gzip of JS and wasm).
pub fn start(url: &str) {
    TRANSPORT.with(|t| *t.borrow_mut() = Some(Transport::new(url.to_owned(), DEFAULT_CAPACITY)));
    #[cfg(feature = "rust-api")]
    register_closure();
    #[cfg(not(feature = "rust-api"))]
    super::bindings::take_js_handler();
}

#[cfg(feature = "rust-api")]
fn register_closure() {
    use super::bindings::set_handler;
    use wasm_bindgen::prelude::*;
    /// The transport's callback: response (`id`, status, the two rate-limit headers), wake-up, page hide.
    type Handler = Closure<dyn FnMut(i32, u16, String, String)>;
    thread_local! {
        static HANDLER: RefCell<Option<Handler>> = const { RefCell::new(None) };
    }
    HANDLER.with(|h| {
        if h.borrow().is_none() {
            let closure = Closure::new(on_event);
            set_handler(&closure);
            *h.borrow_mut() = Some(closure);
        }
    });
}

/// See [`Transport::set_limits`]; kept until the next `start`.
pub fn set_limits(capacity: usize, max_in_flight: usize) {
    with(|t| t.set_limits(capacity, max_in_flight));
}

pub fn stop() {
    TRANSPORT.with(|t| *t.borrow_mut() = None);
    #[cfg(feature = "rust-api")]
    super::bindings::set_idle(true);
}

/// Whether nothing is queued, waiting or in flight (or there is no
/// transport): what client.js's `flush` waits for.
pub fn is_idle() -> bool {
    with(|t| t.is_idle()).unwrap_or(true)
}

fn with<R>(f: impl FnOnce(&mut Transport) -> R) -> Option<R> {
    TRANSPORT.with(|t| t.borrow_mut().as_mut().map(f))
}

/// Queues an envelope (or counts why it was dropped) and sends what can go.
pub fn submit(envelope: Envelope) {
    with(|t| {
        let _ = t.submit(envelope, now_ms());
    });
    pump();
}

/// Counts an event the pipeline or the JS hooks dropped.
pub fn record(reason: DiscardReason) {
    with(|t| t.record(reason, DataCategory::Error, 1));
    pump();
}

/// Starts every request that may go now, and sets the timer for the next.
fn pump() {
    let now = now_ms();
    let started = with(|t| {
        let mut requests = Vec::new();
        while let Some(r) = t.poll(now) {
            requests.push(r);
        }
        (t.url().to_owned(), requests, t.next_wake(now), t.is_idle())
    });
    let Some((url, requests, wake, _idle)) = started else { return };
    #[cfg(feature = "rust-api")]
    super::bindings::set_idle(_idle);
    for r in requests {
        send_envelope(&url, &r.body, r.keepalive, r.id as i32);
    }
    if let Some(at) = wake {
        wake_after(at.saturating_sub(now) as f64);
    }
}

/// A response (`id`, `status`, 0 when the request failed; the two rate-limit
/// headers), a wake-up (id -1) or page hide (id -2).
pub fn on_event(id: i32, status: u16, rate_limits: String, retry_after: String) {
    match id {
        WAKE => {}
        UNLOAD => {
            let bodies = with(|t| (t.url().to_owned(), t.take_all_for_unload(now_ms())));
            if let Some((url, bodies)) = bodies {
                for b in bodies {
                    send_beacon(&url, &b);
                }
            }
        }
        _ => {
            let opt = |s: &str| (!s.is_empty()).then_some(s.to_owned());
            let (rl, ra) = (opt(&rate_limits), opt(&retry_after));
            with(|t| t.on_response(id as u32, status, rl.as_deref(), ra.as_deref(), now_ms()));
        }
    }
    pump();
}
