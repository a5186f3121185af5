//! The event protocol as Sentry (Relay) reads it: data only.
//!
//! Field names are the JSON keys (`type` is `ty`). Only fields that are set go
//! on the wire. Nothing here reads the clock or draws a random number: ids and
//! timestamps are given by the caller.

use crate::core::json::{hex_digit, write_str, Obj, ToJson};
use crate::core::time;
use crate::core::value::Value;
use std::str::FromStr;

/// The SDK's own name and version, as sent in `sdk` and `sentry_client`.
pub const SDK_NAME: &str = "sentry.javascript.wasm-sentry";
pub const SDK_VERSION: &str = env!("CARGO_PKG_VERSION");
/// `sentry_client` in the auth query: `name/version`.
pub const SDK_CLIENT: &str = concat!("wasm-sentry/", env!("CARGO_PKG_VERSION"));

/// 16 random bytes, written as 32 lowercase hex digits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct EventId(pub [u8; 16]);

impl EventId {
    /// A version-4 UUID from 128 random bits.
    pub fn from_random(hi: u64, lo: u64) -> Self {
        let mut b = [0u8; 16];
        b[..8].copy_from_slice(&hi.to_be_bytes());
        b[8..].copy_from_slice(&lo.to_be_bytes());
        b[6] = (b[6] & 0x0f) | 0x40;
        b[8] = (b[8] & 0x3f) | 0x80;
        EventId(b)
    }

    /// Reads 32 hex digits (dashes allowed, as in a UUID); anything else is `None`.
    pub fn parse(s: &str) -> Option<Self> {
        let mut b = [0u8; 16];
        let mut n = 0usize;
        for c in s.bytes().filter(|&c| c != b'-') {
            let v = (c as char).to_digit(16)? as u8;
            let slot = b.get_mut(n / 2)?;
            *slot = (*slot << 4) | v;
            n += 1;
        }
        (n == 32).then_some(EventId(b))
    }

    /// The all-zero id: what a capture that sent nothing returns.
    pub fn is_nil(self) -> bool {
        self.0 == [0; 16]
    }

    pub fn to_hex(self) -> String {
        let mut s = String::with_capacity(32);
        for byte in self.0 {
            s.push(hex_digit(byte >> 4));
            s.push(hex_digit(byte));
        }
        s
    }
}

impl ToJson for EventId {
    fn write_json(&self, out: &mut String) {
        write_str(out, &self.to_hex());
    }
}

/// Event severity. Relay accepts exactly these five names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Level {
    Debug,
    Info,
    Warning,
    #[default]
    Error,
    Fatal,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Debug => "debug",
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Error => "error",
            Level::Fatal => "fatal",
        }
    }
}

impl FromStr for Level {
    type Err = ();
    /// Also takes the aliases that JS users pass (`log`, `warn`, `critical`).
    fn from_str(s: &str) -> Result<Self, ()> {
        Ok(match s {
            "debug" => Level::Debug,
            "info" | "log" => Level::Info,
            "warning" | "warn" => Level::Warning,
            "error" => Level::Error,
            "fatal" | "critical" => Level::Fatal,
            _ => return Err(()),
        })
    }
}

/// How an exception was caught. `handled: false` marks a crash in Sentry.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Mechanism {
    pub ty: String,
    pub handled: Option<bool>,
    pub synthetic: Option<bool>,
    /// For linked errors: `cause`, or `errors[i]` of an AggregateError.
    pub source: Option<String>,
    pub exception_id: Option<u64>,
    pub parent_id: Option<u64>,
    pub is_exception_group: Option<bool>,
    /// Free-form facts about the capture (for a panic: its `location`).
    pub data: Vec<(String, String)>,
}

impl ToJson for Mechanism {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .str("type", &self.ty)
            .opt_bool("handled", self.handled)
            .opt_bool("synthetic", self.synthetic)
            .opt_str("source", self.source.as_deref())
            .opt_u64("exception_id", self.exception_id)
            .opt_u64("parent_id", self.parent_id)
            .opt_bool("is_exception_group", self.is_exception_group)
            .map("data", &self.data)
            .end();
    }
}

/// One stack frame. Lines and columns are 1-based, as the engines print them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Frame {
    pub function: Option<String>,
    /// The engine's own (possibly mangled) name, when `function` was derived from it.
    pub raw_function: Option<String>,
    pub filename: Option<String>,
    /// The URL exactly as the engine printed it, so that source maps match.
    pub abs_path: Option<String>,
    pub lineno: Option<u64>,
    pub colno: Option<u64>,
    pub in_app: Option<bool>,
    /// For wasm frames: the byte offset in the module.
    pub instruction_addr: Option<u64>,
    pub addr_mode: Option<String>,
}

impl ToJson for Frame {
    fn write_json(&self, out: &mut String) {
        let mut o = Obj::new(out);
        o.opt_str("function", self.function.as_deref())
            .opt_str("raw_function", self.raw_function.as_deref())
            .opt_str("filename", self.filename.as_deref())
            .opt_str("abs_path", self.abs_path.as_deref())
            .opt_u64("lineno", self.lineno)
            .opt_u64("colno", self.colno)
            .opt_bool("in_app", self.in_app);
        if let Some(addr) = self.instruction_addr {
            let v = o.key("instruction_addr");
            v.push_str("\"0x");
            // Nibbles from the top, leading zeros skipped (the last one kept).
            let mut shift = 60;
            while shift > 0 && addr >> shift == 0 {
                shift -= 4;
            }
            loop {
                v.push(hex_digit((addr >> shift) as u8));
                if shift == 0 {
                    break;
                }
                shift -= 4;
            }
            v.push('"');
        }
        o.opt_str("addr_mode", self.addr_mode.as_deref()).end();
    }
}

/// Frames, oldest first: the throw site is last.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Stacktrace {
    pub frames: Vec<Frame>,
}

impl ToJson for Stacktrace {
    fn write_json(&self, out: &mut String) {
        Obj::new(out).list("frames", &self.frames).end();
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Exception {
    pub ty: String,
    pub value: Option<String>,
    pub mechanism: Option<Mechanism>,
    pub stacktrace: Option<Stacktrace>,
}

impl ToJson for Exception {
    fn write_json(&self, out: &mut String) {
        Obj::new(out)
            .opt_str("type", Some(self.ty.as_str()).filter(|t| !t.is_empty()))
            .opt_str("value", self.value.as_deref())
            .opt_value("mechanism", self.mechanism.as_ref())
            .opt_value("stacktrace", self.stacktrace.as_ref().filter(|s| !s.frames.is_empty()))
            .end();
    }
}

/// The page (or the request, in a worker) the event happened in.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Request {
    pub url: Option<String>,
    pub method: Option<String>,
    pub headers: Vec<(String, String)>,
}

impl ToJson for Request {
    fn write_json(&self, out: &mut String) {
        Obj::new(out).opt_str("url", self.url.as_deref()).opt_str("method", self.method.as_deref()).map("headers", &self.headers).end();
    }
}

pub struct ClientSdkInfo;

impl ToJson for ClientSdkInfo {
    fn write_json(&self, out: &mut String) {
        Obj::new(out).str("name", SDK_NAME).str("version", SDK_VERSION).end();
    }
}

/// Something that happened before the event: a click, a request, a log line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Breadcrumb {
    /// Milliseconds since the Unix epoch.
    pub timestamp_ms: u64,
    /// `default`, `http`, `navigation`, `ui`, `error`, …
    pub ty: Option<String>,
    pub category: Option<String>,
    pub message: Option<String>,
    pub level: Option<Level>,
    pub data: Option<Value>,
}

impl ToJson for Breadcrumb {
    fn write_json(&self, out: &mut String) {
        let mut o = Obj::new(out);
        time::write_seconds(o.key("timestamp"), self.timestamp_ms);
        o.opt_str("type", self.ty.as_deref())
            .opt_str("category", self.category.as_deref())
            .opt_str("message", self.message.as_deref())
            .opt_str("level", self.level.map(Level::as_str))
            // An object, or nothing: Relay drops any other value.
            .opt_value("data", self.data.as_ref().filter(|d| d.as_object().is_some()))
            .end();
    }
}

#[derive(Debug, Clone, PartialEq, Default)]
pub struct Event {
    pub event_id: EventId,
    /// Milliseconds since the Unix epoch.
    pub timestamp_ms: u64,
    pub level: Level,
    pub message: Option<String>,
    /// Oldest to newest: the exception that was caught is last.
    pub exception: Vec<Exception>,
    pub release: Option<String>,
    pub environment: Option<String>,
    pub dist: Option<String>,
    pub request: Option<Request>,
    /// Free-form user data (`id`, `email`, `username`, `ip_address`, …).
    pub user: Option<Value>,
    pub tags: Vec<(String, String)>,
    pub extra: Vec<(String, Value)>,
    pub contexts: Vec<(String, Value)>,
    /// Oldest first.
    pub breadcrumbs: Vec<Breadcrumb>,
    pub fingerprint: Vec<String>,
    /// `debug_meta.images`: the wasm modules its frames' `addr_mode: rel:N` index.
    pub debug_images: Vec<DebugImage>,
    /// User feedback (`type: feedback`, its text in `contexts.feedback`), as
    /// the peer's `captureFeedback` sends it: not an error, so neither
    /// sampled, deduplicated nor shown to `beforeSend`.
    pub feedback: bool,
    /// The route or task the event happened in (a scope's `setTransactionName`).
    pub transaction: Option<String>,
    /// What logged it (`captureEvent`'s `logger`).
    pub logger: Option<String>,
}

/// A wasm debug image (`type: "wasm"`): what Sentry matches uploaded debug
/// files by. Relay requires `debug_id`, so an image exists only for a module
/// whose build id is known.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DebugImage {
    /// The module's URL, as its frames print it.
    pub code_file: String,
    /// The first 16 bytes of the build id as a UUID (`8-4-4-4-12` hex).
    pub debug_id: String,
    /// The whole build id, lowercase hex.
    pub code_id: String,
}

impl ToJson for DebugImage {
    fn write_json(&self, out: &mut String) {
        Obj::new(out).str("type", "wasm").str("code_file", &self.code_file).str("debug_id", &self.debug_id).str("code_id", &self.code_id).end();
    }
}

impl ToJson for Event {
    fn write_json(&self, out: &mut String) {
        let mut o = Obj::new(out);
        o.value("event_id", &self.event_id);
        time::write_seconds(o.key("timestamp"), self.timestamp_ms);
        o.str("platform", "javascript").str("level", self.level.as_str());
        if self.feedback {
            o.str("type", "feedback");
        }
        if let Some(m) = &self.message {
            // `message` is required by the protocol; Relay derives `formatted` from it.
            Obj::new(o.key("logentry")).str("message", m).end();
        }
        o.values("exception", &self.exception)
            .opt_str("release", self.release.as_deref())
            .opt_str("environment", self.environment.as_deref())
            .opt_str("dist", self.dist.as_deref())
            .opt_str("transaction", self.transaction.as_deref())
            .opt_str("logger", self.logger.as_deref())
            .opt_value("request", self.request.as_ref())
            // An object, or nothing: Relay drops any other value.
            .opt_value("user", self.user.as_ref().filter(|u| u.as_object().is_some()))
            .map("tags", &self.tags);
        write_values_map(&mut o, "extra", &self.extra);
        write_values_map(&mut o, "contexts", &self.contexts);
        o.values("breadcrumbs", &self.breadcrumbs);
        if !self.fingerprint.is_empty() {
            let v = o.key("fingerprint");
            v.push('[');
            for (i, f) in self.fingerprint.iter().enumerate() {
                if i > 0 {
                    v.push(',');
                }
                write_str(v, f);
            }
            v.push(']');
        }
        if !self.debug_images.is_empty() {
            Obj::new(o.key("debug_meta")).list("images", &self.debug_images).end();
        }
        o.value("sdk", &ClientSdkInfo).end();
    }
}

/// Writes `k: {name: value, …}` unless empty.
fn write_values_map(o: &mut Obj<'_>, k: &str, pairs: &[(String, Value)]) {
    if !pairs.is_empty() {
        let mut m = Obj::new(o.key(k));
        for (name, value) in pairs {
            m.value(name, value);
        }
        m.end();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn js(v: &dyn ToJson) -> Value {
        let mut out = String::new();
        v.write_json(&mut out);
        serde_json::from_str(&out).unwrap()
    }

    #[test]
    fn event_ids_are_uuid4_hex() {
        let id = EventId::from_random(u64::MAX, 0);
        let hex = id.to_hex();
        assert_eq!(hex.len(), 32);
        assert_eq!(&hex[12..13], "4");
        assert!(hex.bytes().all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)));
        assert_eq!(EventId::parse(&hex), Some(id));
        assert_eq!(EventId::parse("fc6d8c0c-43fc-4630-ad65-0d0f9f1cc5ef").unwrap().to_hex(), "fc6d8c0c43fc4630ad650d0f9f1cc5ef");
        assert_eq!(EventId::parse("xyz"), None);
        assert_eq!(EventId::parse(&"a".repeat(33)), None);
    }

    #[test]
    fn levels_accept_js_aliases() {
        assert_eq!("warn".parse(), Ok(Level::Warning));
        assert_eq!("log".parse(), Ok(Level::Info));
        assert_eq!("bogus".parse::<Level>(), Err(()));
    }

    #[test]
    fn wasm_frames_write_hex_addresses() {
        let f = Frame { instruction_addr: Some(0x1a2b), addr_mode: Some("rel:0".into()), ..Default::default() };
        assert_eq!(js(&f), json!({"instruction_addr": "0x1a2b", "addr_mode": "rel:0"}));
        let f = Frame { instruction_addr: Some(0), ..Default::default() };
        assert_eq!(js(&f), json!({"instruction_addr": "0x0"}));
    }

    #[test]
    fn the_user_is_an_object_or_nothing() {
        let ev = |user: &str| Event { user: Some(crate::core::value::parse(user).unwrap()), ..Default::default() };
        assert_eq!(js(&ev("{\"id\":\"7\"}"))["user"], json!({"id": "7"}));
        for not_an_object in ["\"[Unreadable]\"", "[1]", "3", "null"] {
            assert!(js(&ev(not_an_object)).get("user").is_none(), "{not_an_object}");
        }
    }

    #[test]
    fn breadcrumb_data_is_an_object_or_nothing() {
        let crumb = |data: &str| Breadcrumb { timestamp_ms: 1_000, data: Some(crate::core::value::parse(data).unwrap()), ..Default::default() };
        assert_eq!(js(&crumb("{\"a\":1}")), json!({"timestamp": 1.0, "data": {"a": 1}}));
        for not_an_object in ["\"[Unreadable]\"", "[1]", "3", "null"] {
            assert_eq!(js(&crumb(not_an_object)), json!({"timestamp": 1.0}), "{not_an_object}");
        }
    }

    #[test]
    fn event_writes_protocol_fields_only_when_set() {
        let ev = Event {
            event_id: EventId([0xab; 16]),
            timestamp_ms: 1_700_000_000_123,
            exception: vec![Exception {
                ty: "TypeError".into(),
                value: Some("x is null".into()),
                mechanism: Some(Mechanism { ty: "generic".into(), handled: Some(true), ..Default::default() }),
                stacktrace: Some(Stacktrace::default()),
            }],
            ..Default::default()
        };
        assert_eq!(
            js(&ev),
            json!({
                "event_id": "abababababababababababababababab",
                "timestamp": 1700000000.123,
                "platform": "javascript",
                "level": "error",
                "exception": {"values": [{"type": "TypeError", "value": "x is null",
                    "mechanism": {"type": "generic", "handled": true}}]},
                "sdk": {"name": SDK_NAME, "version": SDK_VERSION}
            })
        );
    }
}
