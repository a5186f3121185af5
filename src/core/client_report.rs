//! Client reports: counts of what the SDK dropped and why, sent to Sentry as
//! a `client_report` envelope item (develop.sentry.dev, "Client Reports").
//!
//! Losses of `internal` items (client reports themselves) are never counted,
//! so reporting can never feed on itself.

use crate::core::envelope::{DataCategory, Item};
use crate::core::json::Obj;
use crate::core::time;

/// Why something was dropped before Sentry accepted it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DiscardReason {
    /// The transport's bounded queue was full.
    QueueOverflow,
    /// An earlier rate limit told the SDK to back off.
    RatelimitBackoff,
    /// The request failed (no response) and was not retried again.
    NetworkError,
    /// The configured sample rate.
    SampleRate,
    /// The user's `beforeSend` returned null.
    BeforeSend,
    /// An event processor (or an ignore rule) dropped it.
    EventProcessor,
    /// The server answered with an error (413, other 4xx, 5xx).
    SendError,
    /// The SDK itself failed.
    InternalSdkError,
}

impl DiscardReason {
    pub fn as_str(self) -> &'static str {
        match self {
            DiscardReason::QueueOverflow => "queue_overflow",
            DiscardReason::RatelimitBackoff => "ratelimit_backoff",
            DiscardReason::NetworkError => "network_error",
            DiscardReason::SampleRate => "sample_rate",
            DiscardReason::BeforeSend => "before_send",
            DiscardReason::EventProcessor => "event_processor",
            DiscardReason::SendError => "send_error",
            DiscardReason::InternalSdkError => "internal_sdk_error",
        }
    }
}

/// Quantities per (reason, category), in the order first recorded. At most
/// one entry per pair, so the memory is bounded by reasons x categories.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClientReports {
    counts: Vec<(DiscardReason, DataCategory, u64)>,
}

impl ClientReports {
    pub fn new() -> Self {
        Self::default()
    }

    /// Counts `quantity` lost items. `internal` (client reports) and zero
    /// quantities are ignored; counts saturate.
    pub fn record(&mut self, reason: DiscardReason, category: DataCategory, quantity: u64) {
        if category == DataCategory::Internal || quantity == 0 {
            return;
        }
        match self.counts.iter_mut().find(|(r, c, _)| *r == reason && *c == category) {
            Some((_, _, q)) => *q = q.saturating_add(quantity),
            None => self.counts.push((reason, category, quantity)),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.counts.is_empty()
    }

    /// The (reason, category, quantity) entries, in the order first recorded.
    pub fn iter(&self) -> impl Iterator<Item = (DiscardReason, DataCategory, u64)> + '_ {
        self.counts.iter().copied()
    }

    /// The quantity recorded for one pair (0 when none).
    pub fn quantity(&self, reason: DiscardReason, category: DataCategory) -> u64 {
        self.counts.iter().find(|(r, c, _)| *r == reason && *c == category).map_or(0, |&(_, _, q)| q)
    }

    /// The report as an envelope item, stamped `now_ms`, and clears the
    /// counts; `None` when there is nothing to report.
    pub fn take(&mut self, now_ms: u64) -> Option<Item> {
        if self.counts.is_empty() {
            return None;
        }
        let mut out = String::new();
        let mut o = Obj::new(&mut out);
        time::write_seconds(o.key("timestamp"), now_ms);
        let list = o.key("discarded_events");
        list.push('[');
        for (i, &(reason, category, quantity)) in self.counts.iter().enumerate() {
            if i > 0 {
                list.push(',');
            }
            Obj::new(list).str("reason", reason.as_str()).str("category", category.as_str()).u64("quantity", quantity).end();
        }
        self.counts.clear();
        list.push(']');
        o.end();
        Some(Item::ClientReport(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use DataCategory::{Error, Internal};
    use DiscardReason::*;

    #[test]
    fn reasons_have_protocol_names() {
        #[rustfmt::skip]
        let cases = [
            (QueueOverflow, "queue_overflow"), (RatelimitBackoff, "ratelimit_backoff"),
            (NetworkError, "network_error"), (SampleRate, "sample_rate"), (BeforeSend, "before_send"),
            (EventProcessor, "event_processor"), (SendError, "send_error"), (InternalSdkError, "internal_sdk_error"),
        ];
        for (r, s) in cases {
            assert_eq!(r.as_str(), s);
        }
    }

    #[test]
    fn take_writes_exact_json_and_clears() {
        let mut r = ClientReports::new();
        assert_eq!(r.take(0), None);
        r.record(QueueOverflow, Error, 2);
        r.record(SampleRate, Error, 1);
        r.record(QueueOverflow, Error, 3);
        r.record(SendError, Internal, 7);
        r.record(BeforeSend, Error, 0);
        assert_eq!(r.quantity(QueueOverflow, Error), 5);
        let item = r.take(1_700_000_000_123).unwrap();
        assert_eq!(item.ty(), "client_report");
        assert_eq!(item.category(), Internal);
        assert_eq!(
            item,
            Item::ClientReport(
                r#"{"timestamp":1700000000.123,"discarded_events":[{"reason":"queue_overflow","category":"error","quantity":5},{"reason":"sample_rate","category":"error","quantity":1}]}"#.into()
            )
        );
        assert!(r.is_empty());
        assert_eq!(r.take(1), None);
    }

    #[test]
    fn internal_losses_are_never_counted() {
        let mut r = ClientReports::new();
        for reason in [QueueOverflow, RatelimitBackoff, NetworkError, SendError] {
            r.record(reason, Internal, 1);
        }
        assert!(r.is_empty());
    }

    #[test]
    fn counts_saturate_and_stay_bounded() {
        let mut r = ClientReports::new();
        for _ in 0..3 {
            for reason in [QueueOverflow, RatelimitBackoff, NetworkError, SampleRate, BeforeSend, EventProcessor, SendError, InternalSdkError] {
                r.record(reason, Error, u64::MAX);
            }
        }
        assert_eq!(r.counts.len(), 8);
        assert_eq!(r.quantity(SendError, Error), u64::MAX);
    }

    #[test]
    fn report_is_a_valid_envelope_item() {
        let mut r = ClientReports::new();
        r.record(NetworkError, Error, 4);
        let env = crate::core::envelope::Envelope { items: vec![r.take(1_000).unwrap()], ..Default::default() };
        let body = env.to_body(2_000);
        let mut lines = body.split('\n');
        let _header = lines.next().unwrap();
        let item_header: serde_json::Value = serde_json::from_str(lines.next().unwrap()).unwrap();
        let payload = lines.next().unwrap();
        assert_eq!(item_header["type"], "client_report");
        assert_eq!(item_header["length"].as_u64().unwrap() as usize, payload.len());
        let v: serde_json::Value = serde_json::from_str(payload).unwrap();
        assert_eq!(v["discarded_events"][0]["quantity"], 4);
        assert_eq!(v["timestamp"].as_f64().unwrap(), 1.0);
    }
}
