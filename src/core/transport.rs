//! The transport's logic without its I/O: a bounded queue of envelopes, rate
//! limits, retries and client reports. The platform asks [`Transport::poll`]
//! for the next request to start, performs it, and hands the outcome back to
//! [`Transport::on_response`]; it sets one timer for [`Transport::next_wake`].
//!
//! Outcomes (develop.sentry.dev, "Client Reports"):
//! - 2xx: sent.
//! - 429: dropped and *not* counted: Relay records that outcome itself, so
//!   counting it here would count it twice. Its headers set the rate limits.
//! - 413 and every other 4xx: dropped, counted as `send_error`, not retried.
//! - 5xx and 0 (no response: network error, refused, timed out): retried
//!   after [`RETRY_DELAYS_MS`] (1 s, then 5 s: three attempts at most), then
//!   dropped as `send_error` (5xx) or `network_error` (0).
//!
//! Losses are counted per item: an event is one `error`. Client report items
//! (`internal`) are never counted, so a lost report makes no new report.
//!
//! Memory is bounded everywhere: queued, waiting and in-flight envelopes
//! (client-report-only ones included) together never exceed the capacity; each envelope is retried a fixed
//! number of times; client report counts have one entry per (reason,
//! category); limits one per category.

use crate::core::client_report::{ClientReports, DiscardReason};
use crate::core::envelope::{DataCategory, Envelope, Item};
use crate::core::ratelimit::RateLimits;

/// How many envelopes the transport holds by default (queued, waiting for a
/// retry, or in flight), as `@sentry/browser`'s buffer.
pub const DEFAULT_CAPACITY: usize = 30;
/// Requests in flight at once, by default: a page shares a handful of
/// connections per host, and keepalive bodies share one budget.
pub const MAX_IN_FLIGHT: usize = 4;
/// Fetch `keepalive` budget: the bodies of keepalive requests in flight
/// together stay within this many bytes (browsers allow 64 KiB)...
pub const KEEPALIVE_MAX_BYTES: usize = 60_000;
/// ...and fewer than this many requests are in flight.
pub const KEEPALIVE_MAX_REQUESTS: usize = 15;
/// The wait before each retry of a failed request (0 or 5xx); its length is
/// the number of retries.
pub const RETRY_DELAYS_MS: [u64; 2] = [1_000, 5_000];
/// A client report goes out on its own (with nothing else to carry it) at
/// most once per this interval; riding along with an envelope is free.
pub const REPORT_INTERVAL_MS: u64 = 30_000;

/// One request for the platform to start: POST `body` to [`Transport::url`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// Pass back to [`Transport::on_response`].
    pub id: u32,
    pub body: String,
    /// Whether to use `fetch(.., {keepalive: true})`: the request may outlive the page.
    pub keepalive: bool,
}

#[derive(Debug)]
struct Waiting {
    envelope: Envelope,
    /// Attempts made so far.
    attempts: usize,
    due_ms: u64,
}

#[derive(Debug)]
struct InFlight {
    id: u32,
    envelope: Envelope,
    /// Attempts made so far, this one included.
    attempts: usize,
    /// The body's size when sent with keepalive, else 0.
    keepalive_bytes: usize,
}

#[derive(Debug)]
pub struct Transport {
    url: String,
    capacity: usize,
    max_in_flight: usize,
    /// Oldest first; at most `capacity` (30 in a page), so taking the front
    /// by shifting is cheap. (A worker's holds more, but sends at once.)
    queue: Vec<Envelope>,
    waiting: Vec<Waiting>,
    in_flight: Vec<InFlight>,
    limits: RateLimits,
    reports: ClientReports,
    /// When a client report last went out.
    last_report_ms: Option<u64>,
    next_id: u32,
}

impl Transport {
    /// `url` is where every request goes (the envelope endpoint with auth).
    /// `capacity` bounds the envelopes held at once; at least 1.
    pub fn new(url: String, capacity: usize) -> Self {
        Transport {
            url,
            capacity: capacity.max(1),
            max_in_flight: MAX_IN_FLIGHT,
            queue: Vec::new(),
            waiting: Vec::new(),
            in_flight: Vec::new(),
            limits: RateLimits::new(),
            reports: ClientReports::new(),
            last_report_ms: None,
            next_id: 0,
        }
    }

    /// Sets how many envelopes are held at once (at least 1), and how many
    /// requests may be in flight (at least 1). A worker serves many requests
    /// at once, each of which sends its own events at once: it raises both.
    pub fn set_limits(&mut self, capacity: usize, max_in_flight: usize) {
        self.capacity = capacity.max(1);
        self.max_in_flight = max_in_flight.max(1);
    }

    pub fn url(&self) -> &str {
        &self.url
    }

    pub fn limits(&self) -> &RateLimits {
        &self.limits
    }

    /// Whether an item of `category` would be dropped now (to skip building it).
    pub fn is_limited(&self, category: DataCategory, now_ms: u64) -> bool {
        self.limits.is_limited(category, now_ms)
    }

    /// Counts a loss that happened before the transport (`sample_rate`,
    /// `before_send`, ...), for the next client report.
    pub fn record(&mut self, reason: DiscardReason, category: DataCategory, quantity: u64) {
        self.reports.record(reason, category, quantity);
    }

    /// Envelopes held: queued, waiting for a retry, or in flight.
    pub fn held(&self) -> usize {
        self.queue.len() + self.waiting.len() + self.in_flight.len()
    }

    /// Nothing queued, waiting or in flight (pending client report counts
    /// aside): what `flush` waits for.
    pub fn is_idle(&self) -> bool {
        self.held() == 0
    }

    /// Queues an envelope. Items whose category is rate limited are dropped
    /// (`ratelimit_backoff`); when nothing is left that is the error. When
    /// the transport is full the whole envelope is dropped (`queue_overflow`).
    pub fn submit(&mut self, mut envelope: Envelope, now_ms: u64) -> Result<(), DiscardReason> {
        let had_items = !envelope.items.is_empty();
        self.drop_limited(&mut envelope, now_ms);
        if envelope.items.is_empty() {
            return if had_items { Err(DiscardReason::RatelimitBackoff) } else { Ok(()) };
        }
        if self.held() >= self.capacity {
            self.count_lost(&envelope, DiscardReason::QueueOverflow);
            return Err(DiscardReason::QueueOverflow);
        }
        self.queue.push(envelope);
        Ok(())
    }

    /// The next request to start now, if any: a retry that is due, else the
    /// oldest queued envelope, else (at most once per [`REPORT_INTERVAL_MS`])
    /// a client report on its own. Pending client report counts ride along
    /// with whatever goes. Call until `None`, and again after each response
    /// and at [`Transport::next_wake`].
    pub fn poll(&mut self, now_ms: u64) -> Option<Request> {
        if self.in_flight.len() >= self.max_in_flight {
            return None;
        }
        while let Some((mut envelope, attempts)) = self.next_ready(now_ms) {
            self.drop_limited(&mut envelope, now_ms);
            if envelope.items.is_empty() {
                continue;
            }
            self.attach_report(&mut envelope, now_ms);
            return Some(self.start(envelope, attempts, now_ms));
        }
        if self.report_due(now_ms) {
            let mut envelope = Envelope::default();
            self.attach_report(&mut envelope, now_ms);
            return Some(self.start(envelope, 0, now_ms));
        }
        None
    }

    /// The outcome of request `id`: its status (0 when it failed without a
    /// response) and its `X-Sentry-Rate-Limits` and `Retry-After` headers.
    /// Unknown ids only update the limits.
    pub fn on_response(&mut self, id: u32, status: u16, rate_limits: Option<&str>, retry_after: Option<&str>, now_ms: u64) {
        self.limits.update(status, rate_limits, retry_after, now_ms);
        let Some(pos) = self.in_flight.iter().position(|f| f.id == id) else { return };
        let InFlight { envelope, attempts, .. } = self.in_flight.swap_remove(pos);
        let lost = match status {
            200..=299 | 429 => return,
            0 | 500..=599 => {
                if let Some(&delay) = RETRY_DELAYS_MS.get(attempts.saturating_sub(1)) {
                    self.waiting.push(Waiting { envelope, attempts, due_ms: now_ms.saturating_add(delay) });
                    return;
                }
                if status == 0 {
                    DiscardReason::NetworkError
                } else {
                    DiscardReason::SendError
                }
            }
            _ => DiscardReason::SendError,
        };
        self.count_lost(&envelope, lost);
    }

    /// When to call [`Transport::poll`] next without a response coming in
    /// (epoch ms, never before `now_ms`): a retry falling due, or a pending
    /// client report's turn. `None` when nothing is timed, or when the
    /// in-flight requests' responses will call for the next poll anyway.
    pub fn next_wake(&self, now_ms: u64) -> Option<u64> {
        if self.in_flight.len() >= self.max_in_flight {
            return None;
        }
        if !self.queue.is_empty() {
            return Some(now_ms);
        }
        let retry = self.waiting.iter().map(|w| w.due_ms).min();
        // As in `report_due`; when full, a retry falling due is the next event anyway.
        let report = (!self.reports.is_empty() && self.held() < self.capacity).then(|| {
            let turn = self.last_report_ms.map_or(0, |t| t.saturating_add(REPORT_INTERVAL_MS));
            turn.max(self.limits.disabled_until(DataCategory::Internal))
        });
        let wake = match (retry, report) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b)?,
        };
        Some(wake.max(now_ms))
    }

    /// For `sendBeacon` when the page is being hidden: the body of every
    /// queued or waiting envelope (rate-limited items dropped), the first
    /// carrying the pending client report (or the report alone). They leave
    /// the transport; requests already in flight stay.
    pub fn take_all_for_unload(&mut self, now_ms: u64) -> Vec<String> {
        let mut envelopes: Vec<Envelope> = Vec::with_capacity(self.waiting.len() + self.queue.len());
        for w in std::mem::take(&mut self.waiting) {
            envelopes.push(w.envelope);
        }
        envelopes.append(&mut self.queue);
        // The report goes with the first envelope that still has items.
        let mut first = None;
        for (i, envelope) in envelopes.iter_mut().enumerate() {
            self.drop_limited(envelope, now_ms);
            if first.is_none() && !envelope.items.is_empty() {
                first = Some(i);
            }
        }
        let first = first.unwrap_or_else(|| {
            envelopes.push(Envelope::default());
            envelopes.len() - 1
        });
        if let Some(first) = envelopes.get_mut(first) {
            self.attach_report(first, now_ms);
        }
        let mut bodies = Vec::with_capacity(envelopes.len());
        for e in &envelopes {
            if !e.items.is_empty() {
                bodies.push(e.to_body(now_ms));
            }
        }
        bodies
    }

    /// Removes the items that are rate limited now, counting them.
    fn drop_limited(&mut self, envelope: &mut Envelope, now_ms: u64) {
        envelope.items.retain(|item: &Item| {
            // Client reports are never rate limited by category (Relay never
            // emits `internal`); they wait out an "all" limit in `attach_report`.
            let category = item.category();
            if category == DataCategory::Internal || !self.limits.is_limited(category, now_ms) {
                return true;
            }
            self.reports.record(DiscardReason::RatelimitBackoff, category, 1);
            false
        });
    }

    fn count_lost(&mut self, envelope: &Envelope, reason: DiscardReason) {
        for item in &envelope.items {
            self.reports.record(reason, item.category(), 1);
        }
    }

    /// Takes the waiting retry that fell due first, else the oldest queued envelope.
    fn next_ready(&mut self, now_ms: u64) -> Option<(Envelope, usize)> {
        // The earliest due (the first of equals), by a plain loop.
        let mut due: Option<usize> = None;
        for (i, w) in self.waiting.iter().enumerate() {
            if w.due_ms <= now_ms && due.map_or(true, |d| w.due_ms < self.waiting[d].due_ms) {
                due = Some(i);
            }
        }
        if let Some(i) = due {
            let w = self.waiting.swap_remove(i);
            return Some((w.envelope, w.attempts));
        }
        (!self.queue.is_empty()).then(|| (self.queue.remove(0), 0))
    }

    /// Moves the pending client report into `envelope`, unless there is none
    /// or everything is rate limited (the counts then wait; nothing is lost).
    fn attach_report(&mut self, envelope: &mut Envelope, now_ms: u64) {
        if self.limits.is_limited(DataCategory::Internal, now_ms) {
            return;
        }
        if let Some(item) = self.reports.take(now_ms) {
            envelope.items.push(item);
            self.last_report_ms = Some(now_ms);
        }
    }

    /// Whether a client report may go out on its own now. It takes a place
    /// like any envelope, so only when there is one free.
    fn report_due(&self, now_ms: u64) -> bool {
        !self.reports.is_empty()
            && self.held() < self.capacity
            && !self.limits.is_limited(DataCategory::Internal, now_ms)
            && self.last_report_ms.map_or(true, |t| now_ms >= t.saturating_add(REPORT_INTERVAL_MS))
    }

    fn start(&mut self, envelope: Envelope, attempts: usize, now_ms: u64) -> Request {
        let id = self.alloc_id();
        let body = envelope.to_body(now_ms);
        let keepalive_in_flight: usize = self.in_flight.iter().map(|f| f.keepalive_bytes).sum();
        let keepalive = self.in_flight.len() < KEEPALIVE_MAX_REQUESTS && keepalive_in_flight.saturating_add(body.len()) <= KEEPALIVE_MAX_BYTES;
        let keepalive_bytes = if keepalive { body.len() } else { 0 };
        self.in_flight.push(InFlight { id, envelope, attempts: attempts.saturating_add(1), keepalive_bytes });
        Request { id, body, keepalive }
    }

    /// A fresh id not in flight (ids wrap after 2^32 requests).
    fn alloc_id(&mut self) -> u32 {
        loop {
            self.next_id = self.next_id.wrapping_add(1);
            let id = self.next_id;
            if !self.in_flight.iter().any(|f| f.id == id) {
                return id;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::protocol::{Event, EventId};
    use serde_json::Value;
    use DiscardReason::*;

    const NOW: u64 = 1_700_000_000_000;
    const URL: &str = "https://o1.ingest.example/api/5/envelope/?sentry_key=k&sentry_version=7";

    fn event(n: u8) -> Envelope {
        Envelope::from_event(&Event { event_id: EventId([n; 16]), timestamp_ms: NOW, ..Default::default() })
    }

    fn big_event(n: u8, bytes: usize) -> Envelope {
        Envelope::from_event(&Event { event_id: EventId([n; 16]), timestamp_ms: NOW, message: Some("x".repeat(bytes)), ..Default::default() })
    }

    fn transport() -> Transport {
        Transport::new(URL.into(), DEFAULT_CAPACITY)
    }

    /// The item types of a body, in order.
    fn types(body: &str) -> Vec<String> {
        let lines: Vec<&str> = body.split('\n').collect();
        lines[1..].iter().step_by(2).map(|l| serde_json::from_str::<Value>(l).unwrap()["type"].as_str().unwrap().to_owned()).collect()
    }

    /// The client report payload of a body, if it carries one.
    fn report(body: &str) -> Option<Value> {
        let lines: Vec<&str> = body.split('\n').collect();
        (1..lines.len()).step_by(2).find(|&i| lines[i].contains("\"client_report\"")).map(|i| serde_json::from_str(lines[i + 1]).unwrap())
    }

    fn sent(t: &mut Transport, now: u64) -> Vec<Request> {
        std::iter::from_fn(|| t.poll(now)).collect()
    }

    #[test]
    fn a_worker_sends_every_event_at_once_within_its_own_limits() {
        let mut t = transport();
        t.set_limits(300, 300);
        for n in 0..200u8 {
            assert_eq!(t.submit(event(n), NOW), Ok(()));
        }
        let all = sent(&mut t, NOW);
        assert_eq!(all.len(), 200, "nothing waits behind a small in-flight limit");
        assert_eq!(t.submit(event(1), NOW), Ok(()));
        t.set_limits(0, 0);
        assert_eq!(t.submit(event(2), NOW), Err(DiscardReason::QueueOverflow), "the capacity is at least 1, and it is full");
        for r in &all {
            t.on_response(r.id, 200, None, None, NOW);
        }
        assert_eq!(sent(&mut t, NOW).len(), 1);
    }

    #[test]
    fn sends_in_order_within_the_in_flight_limit() {
        let mut t = transport();
        for n in 1..=6 {
            assert_eq!(t.submit(event(n), NOW), Ok(()));
        }
        let first = sent(&mut t, NOW);
        assert_eq!(first.len(), MAX_IN_FLIGHT);
        assert!(first[0].body.contains("01010101010101010101010101010101"));
        assert_eq!(t.next_wake(NOW), None, "responses drive the next poll");
        t.on_response(first[0].id, 200, None, None, NOW);
        assert_eq!(t.next_wake(NOW), Some(NOW));
        let next = sent(&mut t, NOW);
        assert_eq!(next.len(), 1);
        assert!(next[0].body.contains("05050505050505050505050505050505"));
        for r in first[1..].iter().chain(&next) {
            t.on_response(r.id, 200, None, None, NOW);
        }
        let last = sent(&mut t, NOW);
        assert_eq!(last.len(), 1);
        t.on_response(last[0].id, 200, None, None, NOW);
        assert!(t.is_idle());
        assert!(t.reports.is_empty());
    }

    #[test]
    fn queue_overflow_is_counted() {
        let mut t = Transport::new(URL.into(), 3);
        for n in 0..3 {
            assert_eq!(t.submit(event(n), NOW), Ok(()));
        }
        assert_eq!(t.submit(event(9), NOW), Err(QueueOverflow));
        assert_eq!(t.submit(event(10), NOW), Err(QueueOverflow));
        assert_eq!(t.reports.quantity(QueueOverflow, DataCategory::Error), 2);
        let reqs = sent(&mut t, NOW);
        assert_eq!(reqs.iter().map(|r| types(&r.body).len()).collect::<Vec<_>>(), [2, 1, 1]);
        assert_eq!(report(&reqs[0].body).unwrap()["discarded_events"], serde_json::json!([{"reason": "queue_overflow", "category": "error", "quantity": 2}]));
        // In-flight envelopes still count against the capacity.
        assert_eq!(t.submit(event(11), NOW), Err(QueueOverflow));
        t.on_response(reqs[0].id, 200, None, None, NOW);
        assert_eq!(t.submit(event(12), NOW), Ok(()));
        assert_eq!(t.reports.quantity(QueueOverflow, DataCategory::Error), 1);
        assert_eq!(Transport::new(URL.into(), 0).capacity, 1);
    }

    #[test]
    fn rate_limited_items_are_dropped_and_counted() {
        let mut t = transport();
        t.submit(event(1), NOW).unwrap();
        let r = t.poll(NOW).unwrap();
        // A 200 can carry limits too; they apply to what comes next.
        t.on_response(r.id, 200, Some("60:error:key"), None, NOW);
        assert!(t.is_limited(DataCategory::Error, NOW));
        assert_eq!(t.submit(event(2), NOW + 1), Err(RatelimitBackoff));
        assert_eq!(t.submit(event(3), NOW + 59_999), Err(RatelimitBackoff));
        assert_eq!(t.reports.quantity(RatelimitBackoff, DataCategory::Error), 2);
        assert!(t.is_idle());
        // Limits on what we never send change nothing.
        t.on_response(999, 200, Some("600:transaction"), None, NOW);
        // Expired: sent again, carrying the report.
        assert_eq!(t.submit(event(4), NOW + 60_000), Ok(()));
        let r = t.poll(NOW + 60_000).unwrap();
        assert_eq!(types(&r.body), ["event", "client_report"]);
        assert_eq!(report(&r.body).unwrap()["discarded_events"][0]["quantity"], 2);
    }

    #[test]
    fn queued_items_limited_after_submit_are_dropped_at_poll() {
        let mut t = transport();
        for n in 1..=6 {
            t.submit(event(n), NOW).unwrap();
        }
        let reqs = sent(&mut t, NOW);
        t.on_response(reqs[0].id, 429, None, None, NOW);
        // The 429 itself is not counted (Relay did); the two still queued are.
        assert_eq!(t.poll(NOW + 1), None);
        assert_eq!(t.reports.quantity(RatelimitBackoff, DataCategory::Error), 2);
        assert_eq!(t.held(), 3);
        // The report waits out the "all" limit, then goes alone.
        assert_eq!(t.next_wake(NOW + 1), Some(NOW + 60_000));
        for r in &reqs[1..] {
            t.on_response(r.id, 200, None, None, NOW + 2);
        }
        assert_eq!(t.poll(NOW + 59_999), None);
        let r = t.poll(NOW + 60_000).unwrap();
        assert_eq!(types(&r.body), ["client_report"]);
    }

    #[test]
    fn status_outcomes() {
        // (statuses of successive attempts, loss reason, attempts made)
        #[rustfmt::skip]
        let cases: &[(&[u16], Option<DiscardReason>, usize)] = &[
            (&[200],         None,                1),
            (&[204],         None,                1),
            (&[429],         None,                1),
            (&[413],         Some(SendError),     1),
            (&[400],         Some(SendError),     1),
            (&[403],         Some(SendError),     1),
            (&[302],         Some(SendError),     1),
            (&[0, 200],      None,                2),
            (&[503, 200],    None,                2),
            (&[0, 0, 200],   None,                3),
            (&[0, 0, 0],     Some(NetworkError),  3),
            (&[500, 502, 503], Some(SendError),   3),
            (&[0, 500, 0],   Some(NetworkError),  3),
            (&[0, 500, 500], Some(SendError),     3),
            (&[500, 413],    Some(SendError),     2),
            (&[0, 429],      None,                2),
        ];
        for &(statuses, lost, attempts) in cases {
            let mut t = transport();
            t.submit(event(1), NOW).unwrap();
            let mut now = NOW;
            let mut made = 0;
            for &status in statuses {
                let r = t.poll(now).unwrap_or_else(|| panic!("{statuses:?}: attempt {made} not started"));
                made += 1;
                t.on_response(r.id, status, None, None, now);
                if let Some(due) = t.waiting.iter().map(|w| w.due_ms).min() {
                    assert_eq!(t.next_wake(now), Some(due), "{statuses:?}");
                    assert_eq!(t.poll(due - 1), None, "{statuses:?}: no retry before it is due");
                    now = due;
                }
            }
            assert_eq!(made, attempts, "{statuses:?}");
            assert!(t.is_idle(), "{statuses:?}");
            let counted: Vec<_> = t.reports.iter().collect();
            let want: Vec<_> = lost.map(|r| (r, DataCategory::Error, 1)).into_iter().collect();
            assert_eq!(counted, want, "{statuses:?}");
        }
    }

    #[test]
    fn retries_wait_1s_then_5s() {
        let mut t = transport();
        t.submit(event(1), NOW).unwrap();
        let r = t.poll(NOW).unwrap();
        t.on_response(r.id, 0, None, None, NOW + 100);
        assert_eq!(t.next_wake(NOW + 100), Some(NOW + 1_100));
        assert!(!t.is_idle());
        assert_eq!(t.poll(NOW + 1_099), None);
        let r = t.poll(NOW + 1_100).unwrap();
        assert!(r.body.contains("\"sent_at\":\"2023-11-14T22:13:21.100Z\""), "re-serialised with a fresh sent_at");
        t.on_response(r.id, 503, None, None, NOW + 2_000);
        assert_eq!(t.next_wake(NOW + 2_000), Some(NOW + 7_000));
        let r = t.poll(NOW + 7_000).unwrap();
        t.on_response(r.id, 0, None, None, NOW + 7_000);
        assert_eq!(t.reports.quantity(NetworkError, DataCategory::Error), 1);
        assert!(t.is_idle());
    }

    #[test]
    fn a_retry_dropped_by_a_limit_from_its_failure() {
        let mut t = transport();
        t.submit(event(1), NOW).unwrap();
        let r = t.poll(NOW).unwrap();
        t.on_response(r.id, 503, Some("30:error"), None, NOW);
        assert_eq!(t.next_wake(NOW), Some(NOW + 1_000));
        // Due, the retry is dropped and counted; the report (the first) goes alone.
        let r = t.poll(NOW + 1_000).unwrap();
        assert_eq!(types(&r.body), ["client_report"]);
        assert_eq!(report(&r.body).unwrap()["discarded_events"], serde_json::json!([{"reason": "ratelimit_backoff", "category": "error", "quantity": 1}]));
        t.on_response(r.id, 200, None, None, NOW + 1_000);
        assert!(t.is_idle());
    }

    #[test]
    fn client_report_alone_exact_and_never_counting_itself() {
        let mut t = transport();
        t.record(SampleRate, DataCategory::Error, 3);
        assert_eq!(t.next_wake(NOW), Some(NOW));
        let r = t.poll(NOW).unwrap();
        assert_eq!(
            r.body,
            format!(
                "{{\"sent_at\":\"2023-11-14T22:13:20.000Z\",\"sdk\":{{\"name\":\"{}\",\"version\":\"{}\"}}}}\n{{\"type\":\"client_report\",\"length\":106}}\n{}",
                crate::core::protocol::SDK_NAME,
                crate::core::protocol::SDK_VERSION,
                r#"{"timestamp":1700000000.000,"discarded_events":[{"reason":"sample_rate","category":"error","quantity":3}]}"#
            )
        );
        assert!(t.reports.is_empty());
        // Its loss, however it is lost, is not counted.
        t.on_response(r.id, 0, None, None, NOW);
        let r2 = t.poll(NOW + 1_000).unwrap();
        t.on_response(r2.id, 0, None, None, NOW + 1_000);
        let r3 = t.poll(NOW + 6_000).unwrap();
        t.on_response(r3.id, 413, None, None, NOW + 6_000);
        assert!(t.reports.is_empty());
        assert!(t.is_idle());
        assert_eq!(t.poll(NOW + 100_000), None, "nothing to report, nothing sent");
    }

    #[test]
    fn standalone_reports_are_throttled() {
        let mut t = transport();
        t.record(BeforeSend, DataCategory::Error, 1);
        let r = t.poll(NOW).unwrap();
        t.on_response(r.id, 200, None, None, NOW);
        t.record(BeforeSend, DataCategory::Error, 1);
        assert_eq!(t.poll(NOW + 1), None);
        assert_eq!(t.next_wake(NOW + 1), Some(NOW + REPORT_INTERVAL_MS));
        // An event going out carries it at once.
        t.submit(event(1), NOW + 2).unwrap();
        let r = t.poll(NOW + 2).unwrap();
        assert_eq!(types(&r.body), ["event", "client_report"]);
        t.on_response(r.id, 200, None, None, NOW + 2);
        t.record(BeforeSend, DataCategory::Error, 1);
        assert_eq!(t.poll(NOW + 2 + REPORT_INTERVAL_MS - 1), None);
        assert_eq!(types(&t.poll(NOW + 2 + REPORT_INTERVAL_MS).unwrap().body), ["client_report"]);
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn sentry_types_parses_report_envelopes() {
        use sentry_types::protocol::v7::{Envelope as SentryEnvelope, EnvelopeItem};
        let mut t = transport();
        t.record(QueueOverflow, DataCategory::Error, 2);
        t.record(NetworkError, DataCategory::Error, 1);
        let alone = t.poll(NOW).unwrap().body;
        t.record(SendError, DataCategory::Error, 1);
        t.submit(event(7), NOW).unwrap();
        let along = t.poll(NOW).unwrap().body;
        for (body, n) in [(alone, 1), (along, 2)] {
            let parsed = SentryEnvelope::from_slice(body.as_bytes()).expect("sentry-types parses it");
            let items: Vec<_> = parsed.items().collect();
            assert_eq!(items.len(), n);
            assert!(matches!(items[n - 1], EnvelopeItem::ClientReport(_)), "{body}");
        }
    }

    #[test]
    fn keepalive_budget() {
        let mut t = transport();
        // Bodies of ~25 kB: two fit in 60 kB of keepalive, the third does not.
        for n in 1..=4 {
            t.submit(big_event(n, 25_000), NOW).unwrap();
        }
        let reqs = sent(&mut t, NOW);
        assert!(reqs.iter().all(|r| r.body.len() > 25_000 && r.body.len() < 30_000));
        assert_eq!(reqs.iter().map(|r| r.keepalive).collect::<Vec<_>>(), [true, true, false, false]);
        // A small body still fits beside the two.
        t.on_response(reqs[2].id, 200, None, None, NOW);
        t.submit(event(9), NOW).unwrap();
        assert!(t.poll(NOW).unwrap().keepalive);
        // Once a keepalive one completes, its bytes are free again.
        t.on_response(reqs[0].id, 200, None, None, NOW);
        t.submit(big_event(10, 25_000), NOW).unwrap();
        assert!(t.poll(NOW).unwrap().keepalive);
        // Over 60 kB alone is never keepalive.
        let mut t = transport();
        t.submit(big_event(1, 60_000), NOW).unwrap();
        assert!(!t.poll(NOW).unwrap().keepalive);
    }

    #[test]
    fn keepalive_request_count_limit() {
        let mut t = transport();
        for id in 1..KEEPALIVE_MAX_REQUESTS as u32 {
            t.in_flight.push(InFlight { id, envelope: Envelope::default(), attempts: 1, keepalive_bytes: 10 });
        }
        t.submit(event(1), NOW).unwrap();
        t.submit(event(2), NOW).unwrap();
        // (MAX_IN_FLIGHT is below the keepalive count limit; drive `start` directly.)
        let a = t.queue.remove(0);
        assert!(t.start(a, 0, NOW).keepalive);
        let b = t.queue.remove(0);
        assert!(!t.start(b, 0, NOW).keepalive);
    }

    #[test]
    fn unload_drains_queued_and_waiting_with_the_report() {
        let mut t = transport();
        for n in 1..=6 {
            t.submit(event(n), NOW).unwrap();
        }
        let reqs = sent(&mut t, NOW);
        t.on_response(reqs[0].id, 0, None, None, NOW); // waiting for a retry
        t.on_response(reqs[1].id, 400, None, None, NOW); // lost: send_error
        let bodies = t.take_all_for_unload(NOW + 10);
        assert_eq!(bodies.len(), 3, "one waiting + two queued");
        assert!(bodies[0].contains("01010101010101010101010101010101"), "the retry first");
        assert_eq!(types(&bodies[0]), ["event", "client_report"]);
        assert_eq!(report(&bodies[0]).unwrap()["discarded_events"][0]["reason"], "send_error");
        assert!(bodies[1..].iter().all(|b| types(b) == ["event"]));
        assert_eq!(t.held(), 2, "the two in flight stay");
        assert_eq!(t.next_wake(NOW + 10), None);
        for r in &reqs[2..] {
            t.on_response(r.id, 200, None, None, NOW + 20);
        }
        assert!(t.is_idle());
        assert!(t.take_all_for_unload(NOW + 30).is_empty());
        // Only a report pending: it goes alone, whatever the interval.
        t.record(SampleRate, DataCategory::Error, 1);
        let bodies = t.take_all_for_unload(NOW + 40);
        assert_eq!(bodies.len(), 1);
        assert_eq!(types(&bodies[0]), ["client_report"]);
        // Limited items are dropped and counted in the report of the same unload.
        t.submit(event(1), NOW + 50).unwrap();
        t.on_response(0, 200, Some("10:error"), None, NOW + 50);
        let bodies = t.take_all_for_unload(NOW + 60);
        assert_eq!(bodies.len(), 1);
        assert_eq!(types(&bodies[0]), ["client_report"]);
        assert_eq!(report(&bodies[0]).unwrap()["discarded_events"][0]["reason"], "ratelimit_backoff");
        // Under an "all" limit the report stays for later.
        t.record(SampleRate, DataCategory::Error, 1);
        t.on_response(0, 429, None, None, NOW + 70);
        assert!(t.take_all_for_unload(NOW + 80).is_empty());
        assert!(!t.reports.is_empty());
    }

    #[test]
    fn random_operations_never_panic_and_stay_bounded() {
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        const HEADERS: &[&str] = &[
            "60:error",
            "1::org",
            "0.5:error;internal",
            "garbage",
            "",
            ",",
            "99999999999999999999:error",
            "5:transaction",
            "-1",
            "3:error:key:reason:ns:x",
            ":::",
            "0",
            "1.",
            "é:error",
        ];
        const STATUSES: &[u16] = &[0, 200, 201, 413, 429, 500, 503, 400, 302, 999, u16::MAX];
        for seed_round in 0..20 {
            let capacity = (next() % 8) as usize;
            let mut t = Transport::new(URL.into(), capacity);
            let mut now = NOW;
            let mut ids: Vec<u32> = Vec::new();
            for step in 0..2_000 {
                now = now.saturating_add(next() % 3_000);
                if next() % 500 == 0 {
                    now = u64::MAX - next() % 10;
                }
                match next() % 8 {
                    0 | 1 => {
                        let mut env = event((step % 256) as u8);
                        if next() % 4 == 0 {
                            env.items.push(Item::ClientReport("{}".into()));
                        }
                        if next() % 8 == 0 {
                            env.items.clear();
                        }
                        let _ = t.submit(env, now);
                    }
                    2 | 3 => {
                        if let Some(r) = t.poll(now) {
                            ids.push(r.id);
                        }
                    }
                    4 | 5 => {
                        let id = if !ids.is_empty() && next() % 4 != 0 { ids.swap_remove((next() % ids.len() as u64) as usize) } else { next() as u32 };
                        let status = STATUSES[(next() % STATUSES.len() as u64) as usize];
                        let h = |v: u64| (v % 3 != 0).then(|| HEADERS[(v % HEADERS.len() as u64) as usize]);
                        t.on_response(id, status, h(next()), h(next()), now);
                    }
                    6 => {
                        t.record(RatelimitBackoff, DataCategory::Error, next() % 3);
                        // A wake at `now` is never a busy loop: polling makes progress.
                        let mut spins = 0;
                        while let Some(w) = t.next_wake(now) {
                            assert!(w >= now);
                            if w > now {
                                break;
                            }
                            if let Some(r) = t.poll(now) {
                                ids.push(r.id);
                            }
                            spins += 1;
                            assert!(spins <= 2 * MAX_IN_FLIGHT + 2, "round {seed_round} step {step}: wake at now without progress");
                        }
                    }
                    _ => {
                        if next() % 10 == 0 {
                            let _ = t.take_all_for_unload(now);
                        }
                    }
                }
                assert!(t.held() <= t.capacity, "round {seed_round} step {step}");
                assert!(t.in_flight.len() <= MAX_IN_FLIGHT);
                assert!(t.reports.iter().count() <= 8);
                assert!(t.in_flight.iter().all(|f| f.attempts <= RETRY_DELAYS_MS.len() + 1));
                let ka: usize = t.in_flight.iter().map(|f| f.keepalive_bytes).sum();
                assert!(ka <= KEEPALIVE_MAX_BYTES);
            }
        }
    }
}
