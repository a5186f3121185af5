//! Envelopes: the one format in which events, user feedback, sessions and client reports are sent.
//!
//! A JSON header line, then per item a header line with its `type` and the
//! payload's `length` in bytes, then the payload.

use crate::core::json::{Obj, ToJson};
use crate::core::protocol::{ClientSdkInfo, Event, EventId};
use crate::core::time;

/// The largest event item Relay accepts.
pub const MAX_EVENT_BYTES: usize = 1024 * 1024;

/// What an item counts as for rate limits and client reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataCategory {
    Error,
    Feedback,
    Session,
    Internal,
}

impl DataCategory {
    pub fn as_str(self) -> &'static str {
        match self {
            DataCategory::Error => "error",
            DataCategory::Feedback => "feedback",
            DataCategory::Session => "session",
            DataCategory::Internal => "internal",
        }
    }

    /// The category a rate-limit header names, or `None` for one this SDK
    /// never sends (`transaction`, `default`, ..., or garbage).
    pub fn from_name(name: &str) -> Option<Self> {
        match name {
            "error" => Some(DataCategory::Error),
            "feedback" => Some(DataCategory::Feedback),
            "session" => Some(DataCategory::Session),
            "internal" => Some(DataCategory::Internal),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Item {
    Event(String),
    /// User feedback: an event of `type: feedback`.
    Feedback(String),
    /// A `session` update (see `session.rs`).
    Session(String),
    /// A `client_report` payload (see `client_report.rs`): category `internal`,
    /// never rate limited by category, never counted as lost.
    ClientReport(String),
}

impl Item {
    pub fn ty(&self) -> &'static str {
        match self {
            Item::Event(_) => "event",
            Item::Feedback(_) => "feedback",
            Item::Session(_) => "session",
            Item::ClientReport(_) => "client_report",
        }
    }

    pub fn category(&self) -> DataCategory {
        match self {
            Item::Event(_) => DataCategory::Error,
            Item::Feedback(_) => DataCategory::Feedback,
            Item::Session(_) => DataCategory::Session,
            Item::ClientReport(_) => DataCategory::Internal,
        }
    }

    fn payload(&self) -> &str {
        match self {
            Item::Event(p) | Item::Feedback(p) | Item::Session(p) | Item::ClientReport(p) => p,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Envelope {
    pub event_id: Option<EventId>,
    /// The DSN, when sent through a tunnel, so that the tunnel can forward it.
    pub dsn: Option<String>,
    pub items: Vec<Item>,
}

impl Envelope {
    /// An envelope carrying one event; its id goes into the header.
    pub fn from_event(event: &Event) -> Self {
        Envelope { event_id: Some(event.event_id), dsn: None, items: vec![Item::Event(event.to_json())] }
    }

    /// Serialises with `sent_at` taken from the caller's clock.
    pub fn to_body(&self, sent_at_ms: u64) -> String {
        let mut out = String::new();
        Obj::new(&mut out)
            .opt_value("event_id", self.event_id.as_ref())
            .opt_str("dsn", self.dsn.as_deref())
            .str("sent_at", &time::rfc3339(sent_at_ms))
            .value("sdk", &ClientSdkInfo)
            .end();
        for item in &self.items {
            let payload = item.payload();
            out.push('\n');
            Obj::new(&mut out).str("type", item.ty()).u64("length", payload.len() as u64).end();
            out.push('\n');
            out.push_str(payload);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::protocol::{SDK_NAME, SDK_VERSION};

    #[test]
    fn envelope_bytes_are_exact() {
        let ev = Event { event_id: EventId([0x11; 16]), timestamp_ms: 1_700_000_000_000, message: Some("é".into()), ..Default::default() };
        let body = Envelope::from_event(&ev).to_body(1_700_000_000_500);
        let payload = ev.to_json();
        let expected = format!(
            "{{\"event_id\":\"11111111111111111111111111111111\",\"sent_at\":\"2023-11-14T22:13:20.500Z\",\"sdk\":{{\"name\":\"{SDK_NAME}\",\"version\":\"{SDK_VERSION}\"}}}}\n{{\"type\":\"event\",\"length\":{}}}\n{payload}",
            payload.len()
        );
        assert_eq!(body, expected);
    }

    #[test]
    fn item_length_counts_bytes_not_chars() {
        let ev = Event { message: Some("😀😀".into()), ..Default::default() };
        let body = Envelope::from_event(&ev).to_body(0);
        let mut lines = body.split('\n');
        lines.next();
        let header: serde_json::Value = serde_json::from_str(lines.next().unwrap()).unwrap();
        let payload = lines.next().unwrap();
        assert_eq!(header["length"].as_u64().unwrap() as usize, payload.len());
        assert!(payload.len() > payload.chars().count());
    }
}
