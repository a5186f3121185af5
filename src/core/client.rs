//! The client: options, and the pipeline that turns what was caught into an
//! envelope ready to send. No I/O: the platform layer sends what comes out.

use crate::core::client_report::DiscardReason;
use crate::core::dsn::{Dsn, ParseDsnError};
use crate::core::envelope::{Envelope, Item};
use crate::core::json::{write_str, write_u64, ToJson};
use crate::core::protocol::{Event, EventId, Exception, Frame, Level, Mechanism, Request, Stacktrace, SDK_CLIENT};
use crate::core::scope::{Scope, DEFAULT_MAX_BREADCRUMBS};
use crate::core::value::{truncate_js, Value};
use crate::core::{scrub, stacktrace};
use std::borrow::Cow;

/// Options shared by every platform; names and defaults follow `@sentry/browser`.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct ClientOptions {
    pub release: Option<String>,
    pub environment: Option<String>,
    pub dist: Option<String>,
    /// The share of error events sent, from 0 to 1.
    pub sample_rate: f64,
    pub max_breadcrumbs: usize,
    /// Off by default: no cookies, no IP, and sensitive data scrubbed.
    pub send_default_pii: bool,
    /// Exception values and the request URL longer than this are cut, as the
    /// peer 11's are; 0, the default as the peer's, cuts nothing.
    pub max_value_length: usize,
    /// Send to this URL instead of the DSN's, with the DSN in the envelope header.
    pub tunnel: Option<String>,
    /// Drop an error event that repeats the previous one.
    pub dedupe: bool,
}

impl Default for ClientOptions {
    fn default() -> Self {
        ClientOptions {
            release: None,
            environment: None,
            dist: None,
            sample_rate: 1.0,
            max_breadcrumbs: DEFAULT_MAX_BREADCRUMBS,
            send_default_pii: false,
            max_value_length: 0,
            tunnel: None,
            dedupe: true,
        }
    }
}

/// An exception as the platform read it off a thrown value: plain strings.
#[derive(Debug, Clone, Copy, Default)]
pub struct ThrownError<'a> {
    /// `error.name` (`TypeError`); empty means `Error`.
    pub name: &'a str,
    pub message: &'a str,
    pub stack: &'a str,
    /// Where the error surfaced when the stack has no frames (the `error`
    /// event's `filename`, `lineno`, `colno`).
    pub fallback_url: &'a str,
    pub fallback_line: u64,
    pub fallback_col: u64,
    /// The URL prefix of the SDK's own files (see `stacktrace::parse_frames`);
    /// empty when unknown.
    pub sdk_base: &'a str,
    /// For a stack the SDK took itself (a synthetic exception, for a thrown
    /// value without one): its own calls on top, above the app's call into
    /// it. That many newest frames are dropped.
    pub skip: usize,
}

/// An error linked to the captured one: its `cause`, or a member of an
/// AggregateError (`source` says which), hanging off error `parent`.
#[derive(Debug, Clone, Default)]
pub struct LinkedError {
    pub name: String,
    pub message: String,
    pub stack: String,
    pub source: String,
    /// 0 is the captured error; linked errors count from 1 in staging order.
    pub parent: usize,
    pub is_group: bool,
}

/// An envelope ready for the transport.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    pub url: String,
    pub body: String,
}

#[derive(Debug, Clone)]
pub struct Client {
    dsn: Dsn,
    url: String,
    options: ClientOptions,
    /// What dedupe compares the next error event with.
    previous: Option<Fingerprint>,
}

impl Client {
    pub fn new(dsn: &str, options: ClientOptions) -> Result<Self, ParseDsnError> {
        let dsn: Dsn = dsn.parse()?;
        let url = match &options.tunnel {
            Some(t) => t.clone(),
            None => dsn.envelope_url_with_auth(SDK_CLIENT),
        };
        Ok(Client { dsn, url, options, previous: None })
    }

    pub fn dsn(&self) -> &Dsn {
        &self.dsn
    }

    pub fn options(&self) -> &ClientOptions {
        &self.options
    }

    /// The pipeline, in order: sample, scope, option defaults, dedupe, size
    /// caps, scrubbing. Each drop names its client-report reason. `random`
    /// is a draw in [0, 1) for sampling. User hooks (`beforeSend`, inbound
    /// filters) run after this, on the platform side.
    pub fn process(&mut self, mut event: Event, scope: &Scope, random: f64) -> Result<Event, DiscardReason> {
        let rate = self.options.sample_rate;
        if !event.feedback && rate < 1.0 && (rate <= 0.0 || random >= rate) {
            return Err(DiscardReason::SampleRate);
        }
        scope.apply_to_event(&mut event);
        let o = &self.options;
        event.release = event.release.or_else(|| o.release.clone());
        event.environment = event.environment.or_else(|| o.environment.clone()).or_else(|| Some("production".into()));
        event.dist = event.dist.or_else(|| o.dist.clone());

        if self.options.dedupe && !event.feedback && (!event.exception.is_empty() || event.message.is_some()) {
            let fp = Fingerprint::of(&event);
            if self.previous.as_ref() == Some(&fp) {
                return Err(DiscardReason::EventProcessor);
            }
            self.previous = Some(fp);
        }
        limit_values(&mut event, self.options.max_value_length);
        scrub_event(&mut event, self.options.send_default_pii);
        Ok(event)
    }

    /// The envelope of a processed event, for the transport.
    pub fn envelope(&self, event: &Event) -> Envelope {
        let json = event.to_json();
        self.envelope_of(Some(event.event_id), vec![if event.feedback { Item::Feedback(json) } else { Item::Event(json) }])
    }

    /// An envelope of `items`; through a tunnel, it names the DSN, so that
    /// the tunnel can forward it.
    pub fn envelope_of(&self, event_id: Option<EventId>, items: Vec<Item>) -> Envelope {
        let dsn = self.options.tunnel.as_ref().map(|_| self.dsn.to_dsn_string());
        Envelope { event_id, dsn, items }
    }

    /// Where envelopes go: the DSN's endpoint with auth, or the tunnel.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Builds the exception for a thrown error, frames oldest first.
    pub fn exception_from_error(err: &ThrownError<'_>, mechanism: Mechanism) -> Exception {
        let ty = if err.name.is_empty() { "Error" } else { err.name };
        let mut frames = stacktrace::parse(err.stack, err.name, err.message, err.sdk_base);
        frames.truncate(frames.len().saturating_sub(err.skip));
        if frames.is_empty() && !err.fallback_url.is_empty() {
            frames.push(Frame::from(&stacktrace::to_frame(stacktrace::RawFrame {
                function: None,
                location: stacktrace::Location::Source {
                    url: err.fallback_url,
                    line: (err.fallback_line > 0).then_some(err.fallback_line),
                    col: (err.fallback_col > 0).then_some(err.fallback_col),
                },
            })));
        }
        Exception {
            ty: ty.to_owned(),
            value: (!err.message.is_empty()).then(|| err.message.to_owned()),
            mechanism: Some(mechanism),
            stacktrace: Some(Stacktrace { frames }),
        }
    }

    /// Turns the event of a captured string (see `exceptions_from_error`)
    /// into a message event at `level`, as the peer writes one: the message,
    /// and only when the SDK took a stack where the app called
    /// (`attachStacktrace`), an exception with no type, the message as its
    /// value and that stack's frames.
    pub fn into_message(event: &mut Event, level: &str) {
        event.level = level.parse().unwrap_or(Level::Info);
        let mut keep = false;
        if let Some(e) = event.exception.first_mut() {
            event.message = Some(e.value.clone().unwrap_or_default());
            e.ty.clear();
            keep = e.stacktrace.as_ref().is_some_and(|s| !s.frames.is_empty());
        }
        if !keep {
            event.exception.clear();
        }
    }

    /// The exceptions of a captured error and the errors linked to it, in
    /// the protocol's order: the deepest cause first, the captured error last.
    /// Each carries its `exception_id` and, when linked, `parent_id` and
    /// `source`, as @sentry/browser's LinkedErrors writes them.
    pub fn exceptions_from_error(err: &ThrownError<'_>, mut mechanism: Mechanism, linked: &[LinkedError]) -> Vec<Exception> {
        if !linked.is_empty() {
            mechanism.exception_id = Some(0);
        }
        // Plain loops here and in `event_from_value`: each iterator chain
        // is code of its own in the wasm.
        let mut out = Vec::with_capacity(linked.len() + 1);
        for (i, l) in linked.iter().enumerate().rev() {
            let thrown = ThrownError { name: &l.name, message: &l.message, stack: &l.stack, sdk_base: err.sdk_base, ..Default::default() };
            let m = Mechanism {
                ty: "chained".into(),
                // As the peer's: the captured error's.
                handled: mechanism.handled,
                source: Some(l.source.clone()),
                exception_id: Some(i as u64 + 1),
                parent_id: Some(l.parent as u64),
                is_exception_group: l.is_group.then_some(true),
                ..Default::default()
            };
            out.push(Self::exception_from_error(&thrown, m));
        }
        out.push(Self::exception_from_error(err, mechanism));
        out
    }

    /// Processes with an empty scope and serialises: for callers without hooks.
    pub fn prepare(&mut self, event: Event, now_ms: u64) -> Result<Outgoing, DiscardReason> {
        let event = self.process(event, &Scope::default(), 0.0)?;
        Ok(Outgoing { url: self.url.clone(), body: self.envelope(&event).to_body(now_ms) })
    }
}

/// What makes two error events the same for dedupe, as @sentry/browser's
/// Dedupe compares them: message, exception types and values, frames (URL,
/// function, line, column) and fingerprint, written into one string. Each
/// string is JSON-quoted (`n` when absent) and each item tagged, so two
/// different events never write the same key. A string, not a struct of
/// vectors: their clone, compare and drop code cost the wasm 0.3 KB gzip.
#[derive(Debug, Clone, PartialEq)]
struct Fingerprint(String);

impl Fingerprint {
    fn of(event: &Event) -> Self {
        fn opt(k: &mut String, s: Option<&str>) {
            match s {
                Some(s) => write_str(k, s),
                None => k.push('n'),
            }
        }
        fn num(k: &mut String, n: Option<u64>) {
            if let Some(n) = n {
                write_u64(k, n);
            }
            k.push(':');
        }
        let mut k = String::new();
        opt(&mut k, event.message.as_deref());
        for e in &event.exception {
            k.push('e');
            write_str(&mut k, &e.ty);
            opt(&mut k, e.value.as_deref());
        }
        for e in &event.exception {
            for f in e.stacktrace.iter().flat_map(|s| &s.frames) {
                k.push('f');
                opt(&mut k, f.abs_path.as_deref());
                opt(&mut k, f.function.as_deref());
                num(&mut k, f.lineno);
                num(&mut k, f.colno);
            }
        }
        for f in &event.fingerprint {
            k.push('p');
            write_str(&mut k, f);
        }
        Fingerprint(k)
    }
}

/// `maxValueLength` (if set) for exception values and the request URL, as
/// the peer 11 applies it (never to the message); and the 1 MiB item limit,
/// reached by dropping breadcrumbs, then extra data, then old frames, and at
/// last by cutting the message and exception values to what Sentry keeps of
/// them (8192 characters), so that a huge one still makes an event.
fn limit_values(event: &mut Event, max: usize) {
    let cut = |event: &mut Event, max: usize| {
        for e in &mut event.exception {
            if let Some(v) = &mut e.value {
                truncate_js(v, max);
            }
        }
    };
    if max > 0 {
        cut(event, max);
        if let Some(url) = event.request.as_mut().and_then(|r| r.url.as_mut()) {
            truncate_js(url, max);
        }
    }
    for step in 0..4 {
        if event.to_json().len() <= crate::core::envelope::MAX_EVENT_BYTES {
            return;
        }
        match step {
            0 => event.breadcrumbs.clear(),
            1 => {
                event.extra.clear();
                event.contexts.clear();
            }
            2 => {
                for e in &mut event.exception {
                    if let Some(st) = &mut e.stacktrace {
                        let n = st.frames.len();
                        st.frames = st.frames.split_off(n.saturating_sub(50));
                    }
                }
            }
            _ => {
                if let Some(m) = &mut event.message {
                    truncate_js(m, 8192);
                }
                cut(event, 8192);
            }
        }
    }
}

/// No sensitive data leaves without `sendDefaultPii` (`pii` false):
/// sensitive keys in extra, contexts, user data and breadcrumb data; cookies
/// and auth headers. Sensitive query values in the request URL and in
/// breadcrumbs are filtered either way, as the peer 11 filters them (its
/// `dataCollection.urlQueryParams`). Frame URLs stay as the engine printed
/// them, or source maps would no longer match.
fn scrub_event(event: &mut Event, pii: bool) {
    let url = |u: &mut String| {
        if let Cow::Owned(clean) = scrub::scrub_url(u) {
            *u = clean;
        }
    };
    if !pii {
        for (k, v) in event.extra.iter_mut().chain(event.contexts.iter_mut()) {
            if scrub::is_sensitive_key(k) {
                *v = crate::core::value::Value::String(scrub::FILTERED.into());
            } else {
                scrub::scrub_value(v);
            }
        }
        if let Some(user) = &mut event.user {
            scrub::scrub_value(user);
        }
    }
    for b in &mut event.breadcrumbs {
        if let Some(d) = &mut b.data {
            if !pii {
                scrub::scrub_value(d);
            }
            // The URLs of fetch, XHR and navigation breadcrumbs.
            for (k, v) in d.object_mut().into_iter().flatten() {
                if let (true, Value::String(u)) = (matches!(k.as_str(), "url" | "from" | "to"), &mut *v) {
                    url(u);
                }
            }
        }
        if let Some(m) = &mut b.message {
            url(m);
        }
    }
    if let Some(req) = &mut event.request {
        if let Some(u) = &mut req.url {
            url(u);
        }
        if !pii {
            scrub::scrub_headers(&mut req.headers);
        }
    }
}

/// Fills `event` from an event object given to `captureEvent` (as JSON):
/// the fields users set by hand. Unknown fields are ignored.
pub fn event_from_value(v: &Value, event: &mut Event) {
    let text = |k: &str| v.get(k).and_then(Value::as_str).map(str::to_owned);
    if let Some(id) = v.get("event_id").and_then(Value::as_str).and_then(EventId::parse) {
        event.event_id = id;
    }
    event.message = text("message").or_else(|| {
        v.get("message").or_else(|| v.get("logentry")).and_then(|m| m.get("message").or_else(|| m.get("formatted"))).and_then(Value::as_str).map(str::to_owned)
    });
    event.level = v.get("level").and_then(Value::as_str).and_then(|l| l.parse().ok()).unwrap_or(Level::Info);
    event.release = text("release");
    event.environment = text("environment");
    event.dist = text("dist");
    event.transaction = text("transaction");
    event.logger = text("logger");
    event.user = v.get("user").filter(|u| matches!(u, Value::Object(_))).cloned();
    event.feedback = v.get("type").and_then(Value::as_str) == Some("feedback");
    let pairs = |k: &str| match v.get(k) {
        Some(Value::Object(p)) => &p[..],
        _ => &[],
    };
    event.extra = pairs("extra").to_vec();
    let mut contexts = Vec::new();
    for (k, c) in pairs("contexts") {
        if matches!(c, Value::Object(_)) {
            contexts.push((k.clone(), c.clone()));
        }
    }
    event.contexts = contexts;
    let mut tags = Vec::new();
    for (k, t) in pairs("tags") {
        let t = match t {
            Value::String(s) | Value::Number(s) => s.clone(),
            Value::Bool(b) => if *b { "true" } else { "false" }.to_owned(),
            _ => continue,
        };
        tags.push((k.clone(), t));
    }
    event.tags = tags;
    if let Some(fp) = v.get("fingerprint") {
        event.fingerprint = fp.strings();
    }
    if let Some(Value::Array(values)) = v.get("exception").and_then(|e| e.get("values")) {
        event.level = v.get("level").and_then(Value::as_str).and_then(|l| l.parse().ok()).unwrap_or(Level::Error);
        let mut exception = Vec::with_capacity(values.len());
        for e in values {
            // The event's own mechanism (its type, and whether it was handled), else the peer's default.
            let m = e.get("mechanism");
            let ty = m.and_then(|m| m.get("type")).and_then(Value::as_str).unwrap_or("generic");
            let handled = m.and_then(|m| m.get("handled")).map_or(true, |h| !matches!(h, Value::Bool(false)));
            exception.push(Exception {
                ty: e.get("type").and_then(Value::as_str).unwrap_or("Error").to_owned(),
                value: e.get("value").and_then(Value::as_str).map(str::to_owned),
                mechanism: Some(Mechanism { ty: ty.into(), handled: Some(handled), ..Default::default() }),
                stacktrace: None,
            });
        }
        event.exception = exception;
    }
}

/// The page's request context: URL, and the headers a browser would send.
pub fn page_request(url: &str, user_agent: &str, referrer: &str) -> Option<Request> {
    if url.is_empty() && user_agent.is_empty() {
        return None;
    }
    let mut headers = Vec::new();
    if !user_agent.is_empty() {
        headers.push(("User-Agent".to_owned(), user_agent.to_owned()));
    }
    if !referrer.is_empty() {
        headers.push(("Referer".to_owned(), referrer.to_owned()));
    }
    Some(Request { url: (!url.is_empty()).then(|| url.to_owned()), method: None, headers })
}

/// A convenience for tests and callers that build events from scratch.
pub fn new_event(event_id: EventId, timestamp_ms: u64) -> Event {
    Event { event_id, timestamp_ms, ..Default::default() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::value;

    fn err(stack: &str) -> ThrownError<'_> {
        ThrownError { name: "TypeError", message: "x is null", stack, ..Default::default() }
    }

    #[test]
    fn bad_dsn_is_refused_with_its_reason() {
        assert_eq!(Client::new("nope", ClientOptions::default()).unwrap_err(), ParseDsnError::NoScheme);
    }

    #[test]
    fn exception_has_type_value_mechanism_and_frames() {
        let stack = "TypeError: x is null\n    at b (http://h/a.js:2:3)\n    at a (http://h/a.js:5:1)";
        let ex = Client::exception_from_error(&err(stack), Mechanism { ty: "generic".into(), handled: Some(true), ..Default::default() });
        assert_eq!(ex.ty, "TypeError");
        assert_eq!(ex.value.as_deref(), Some("x is null"));
        let frames = &ex.stacktrace.unwrap().frames;
        assert_eq!(frames.len(), 2);
        assert_eq!(frames[1].function.as_deref(), Some("b"));
    }

    #[test]
    fn a_synthetic_stack_loses_the_sdks_own_newest_frames() {
        // As the engines print a stack the SDK took with `Error()` two calls deep.
        for stack in [
            "Error\n    at x (http://h/app.js:9:1)\n    at y (http://h/app.js:9:2)\n    at user (http://h/main.js:3:7)\n    at http://h/main.js:9:1",
            "x@http://h/app.js:9:1\ny@http://h/app.js:9:2\nuser@http://h/main.js:3:7\n@http://h/main.js:9:1\n",
        ] {
            let ex = message_event(stack, 2).exception.pop().unwrap();
            assert_eq!((ex.ty.as_str(), ex.value.as_deref()), ("", Some("hello")));
            let m = ex.mechanism.as_ref().unwrap();
            assert_eq!((m.ty.as_str(), m.handled, m.synthetic), ("generic", Some(true), Some(true)));
            let frames = &ex.stacktrace.as_ref().unwrap().frames;
            assert_eq!(frames.len(), 2, "{stack}");
            assert_eq!(frames[1].function.as_deref(), Some("user"));
            // Relay's rule: an exception needs a type or a value; no type is written when there is none.
            let json = ex.to_json();
            assert!(json.starts_with("{\"value\":\"hello\",\"mechanism\":{\"type\""), "{json}");
        }
        // Nothing left after the SDK's frames, or no stack: a plain message.
        for stack in ["Error\n    at x (http://h/app.js:9:1)", ""] {
            let event = message_event(stack, 2);
            assert!(event.exception.is_empty());
            assert_eq!((event.message.as_deref(), event.level), (Some("hello"), Level::Warning));
        }
    }

    fn message_event(stack: &str, skip: usize) -> Event {
        let thrown = ThrownError { name: "Error", message: "hello", stack, skip, ..Default::default() };
        let mechanism = Mechanism { ty: "generic".into(), handled: Some(true), synthetic: Some(true), ..Default::default() };
        let mut event = Event { exception: Client::exceptions_from_error(&thrown, mechanism, &[]), ..Default::default() };
        Client::into_message(&mut event, "warning");
        event
    }

    #[test]
    fn no_frames_falls_back_to_the_error_event_location() {
        let e = ThrownError { fallback_url: "http://h/a.js", fallback_line: 4, fallback_col: 2, ..err("") };
        let ex = Client::exception_from_error(&e, Mechanism::default());
        let f = &ex.stacktrace.unwrap().frames[0];
        assert_eq!((f.lineno, f.colno, f.abs_path.as_deref()), (Some(4), Some(2), Some("http://h/a.js")));
    }

    #[test]
    fn prepare_fills_options_and_targets_the_dsn() {
        let opts = ClientOptions { release: Some("r1".into()), ..Default::default() };
        let mut client = Client::new("http://pub@127.0.0.1:9/3", opts).unwrap();
        let out = client.prepare(new_event(EventId([1; 16]), 1000), 2000).unwrap();
        assert!(out.url.starts_with("http://127.0.0.1:9/api/3/envelope/?sentry_key=pub&sentry_version=7"));
        let payload: serde_json::Value = serde_json::from_str(out.body.lines().nth(2).unwrap()).unwrap();
        assert_eq!(payload["release"], "r1");
        assert_eq!(payload["environment"], "production");
    }

    fn client(opts: ClientOptions) -> Client {
        Client::new("http://pub@127.0.0.1:9/3", opts).unwrap()
    }

    fn error_event(msg: &str) -> Event {
        let thrown = ThrownError { name: "Error", message: msg, stack: "Error: x\n    at f (http://h/a.js:1:2)", ..Default::default() };
        Event { exception: vec![Client::exception_from_error(&thrown, Mechanism::default())], ..Default::default() }
    }

    #[test]
    fn sampling_drops_by_rate_without_a_draw_at_the_edges() {
        let mut opts = ClientOptions { sample_rate: 0.0, ..Default::default() };
        assert_eq!(client(opts.clone()).process(error_event("a"), &Scope::default(), 0.0).unwrap_err(), DiscardReason::SampleRate);
        opts.sample_rate = 0.5;
        assert!(client(opts.clone()).process(error_event("a"), &Scope::default(), 0.49).is_ok());
        assert_eq!(client(opts).process(error_event("a"), &Scope::default(), 0.5).unwrap_err(), DiscardReason::SampleRate);
    }

    #[test]
    fn dedupe_drops_only_an_immediate_repeat() {
        let mut c = client(ClientOptions::default());
        assert!(c.process(error_event("a"), &Scope::default(), 0.0).is_ok());
        assert_eq!(c.process(error_event("a"), &Scope::default(), 0.0).unwrap_err(), DiscardReason::EventProcessor);
        assert!(c.process(error_event("b"), &Scope::default(), 0.0).is_ok());
        assert!(c.process(error_event("a"), &Scope::default(), 0.0).is_ok());
        let mut c = client(ClientOptions { dedupe: false, ..Default::default() });
        assert!(c.process(error_event("a"), &Scope::default(), 0.0).is_ok());
        assert!(c.process(error_event("a"), &Scope::default(), 0.0).is_ok());
    }

    #[test]
    fn dedupe_tells_apart_frames_values_and_fingerprints() {
        let mut c = client(ClientOptions::default());
        let base = error_event("a");
        assert!(c.process(base.clone(), &Scope::default(), 0.0).is_ok());
        let mut other_line = base.clone();
        other_line.exception[0].stacktrace.as_mut().unwrap().frames[0].lineno = Some(12);
        assert!(c.process(other_line.clone(), &Scope::default(), 0.0).is_ok());
        assert!(c.process(other_line, &Scope::default(), 0.0).is_err());
        let mut no_value = base.clone();
        no_value.exception[0].value = None;
        assert!(c.process(no_value, &Scope::default(), 0.0).is_ok());
        let mut empty_value = base.clone();
        empty_value.exception[0].value = Some(String::new());
        assert!(c.process(empty_value, &Scope::default(), 0.0).is_ok());
        let mut grouped = base.clone();
        grouped.fingerprint = vec!["g".into()];
        assert!(c.process(grouped, &Scope::default(), 0.0).is_ok());
        let mut message = base;
        message.message = Some("n".into());
        assert!(c.process(message, &Scope::default(), 0.0).is_ok());
    }

    #[test]
    fn without_default_pii_sensitive_data_is_scrubbed() {
        let mut scope = Scope::default();
        scope.set_extra("password", Some(value::parse("\"hunter2\"").unwrap()));
        scope.set_extra("profile", Some(value::parse("{\"api_key\":\"k\",\"name\":\"Ada\"}").unwrap()));
        let mut event = error_event("x");
        event.request = page_request("http://h/p?token=abc&q=1", "ua", "");
        let out = client(ClientOptions::default()).process(event.clone(), &scope, 0.0).unwrap();
        let json = out.to_json();
        assert!(!json.contains("hunter2") && !json.contains("\"k\"") && !json.contains("abc"), "{json}");
        assert!(json.contains("Ada") && json.contains("q=1"));
        let kept = client(ClientOptions { send_default_pii: true, ..Default::default() }).process(event, &scope, 0.0).unwrap().to_json();
        // With it, the data is sent; sensitive query values are filtered either way, as the peer 11's.
        assert!(kept.contains("hunter2") && kept.contains("token=[Filtered]") && !kept.contains("abc"), "{kept}");
    }

    #[test]
    fn linked_errors_come_deepest_first_with_ids() {
        let top = ThrownError { name: "Error", message: "top", ..Default::default() };
        let linked = [
            LinkedError { name: "Error".into(), message: "mid".into(), source: "cause".into(), parent: 0, ..Default::default() },
            LinkedError { name: "TypeError".into(), message: "root".into(), source: "cause".into(), parent: 1, ..Default::default() },
        ];
        let ex = Client::exceptions_from_error(&top, Mechanism { ty: "generic".into(), ..Default::default() }, &linked);
        let got: Vec<_> =
            ex.iter().map(|e| (e.value.clone().unwrap(), e.mechanism.as_ref().unwrap().exception_id, e.mechanism.as_ref().unwrap().parent_id)).collect();
        assert_eq!(got, [("root".into(), Some(2), Some(1)), ("mid".into(), Some(1), Some(0)), ("top".into(), Some(0), None)]);
    }

    #[test]
    fn huge_events_shed_breadcrumbs_then_extra_to_fit_the_item_limit() {
        let mut scope = Scope::default();
        for _ in 0..100 {
            scope.add_breadcrumb(crate::core::protocol::Breadcrumb { message: Some("b".repeat(20_000)), ..Default::default() }, 100);
        }
        let out = client(ClientOptions::default()).process(error_event("x"), &scope, 0.0).unwrap();
        assert!(out.to_json().len() <= crate::core::envelope::MAX_EVENT_BYTES);
        assert!(out.breadcrumbs.is_empty());
    }

    /// `captureEvent`'s reading of an event object, field by field.
    #[test]
    fn feedback_is_not_an_error_event() {
        let read = |json: &str| {
            let mut e = Event::default();
            event_from_value(&value::parse(json).unwrap(), &mut e);
            e
        };
        let feedback = read(r#"{"type":"feedback","level":"info","contexts":{"feedback":{"message":"broken"}}}"#);
        assert!(feedback.feedback);
        assert!(!read(r#"{"type":"transaction","message":"m"}"#).feedback);
        // Never sampled out, never deduplicated.
        let mut c = client(ClientOptions { sample_rate: 0.0, ..Default::default() });
        assert!(c.process(feedback.clone(), &Scope::default(), 0.5).is_ok());
        assert!(c.process(feedback.clone(), &Scope::default(), 0.5).is_ok());
        let envelope = c.envelope(&feedback);
        assert_eq!(envelope.items.len(), 1);
        assert_eq!((envelope.items[0].ty(), envelope.items[0].category()), ("feedback", crate::core::envelope::DataCategory::Feedback));
        let body = envelope.to_body(0);
        assert!(body.contains(r#"{"type":"feedback","length":"#) && body.contains(r#""type":"feedback","#), "{body}");
    }

    #[test]
    fn capture_event_reads_the_fields_the_peer_sends() {
        let read = |json: &str| {
            let mut e = Event::default();
            event_from_value(&value::parse(json).unwrap(), &mut e);
            e
        };
        let e = read(
            r#"{"event_id":"0123456789abcdef0123456789abcdef","message":"hi","level":"warning","release":"r@1","environment":"prod","dist":"7",
                "user":{"id":"1"},"extra":{"a":1,"b":null},"contexts":{"os":{"name":"x"},"bad":3},"tags":{"s":"v","n":2,"t":true,"o":{}},
                "fingerprint":["f",3]}"#,
        );
        assert_eq!(e.event_id.to_hex(), "0123456789abcdef0123456789abcdef");
        assert_eq!((e.message.as_deref(), e.level), (Some("hi"), Level::Warning));
        assert_eq!((e.release.as_deref(), e.environment.as_deref(), e.dist.as_deref()), (Some("r@1"), Some("prod"), Some("7")));
        assert_eq!(e.user.as_ref().map(|u| u.to_json()), Some(r#"{"id":"1"}"#.to_owned()));
        assert_eq!(e.extra.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(e.contexts.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>(), ["os"]);
        let tags: Vec<_> = e.tags.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        assert_eq!(tags, [("s", "v"), ("n", "2"), ("t", "true")]);
        assert_eq!(e.fingerprint, Value::Array(vec![Value::String("f".into()), Value::Number("3".into())]).strings());
        assert!(e.exception.is_empty());
        // Messages from a logentry or a message object; levels default by kind.
        assert_eq!(read(r#"{"logentry":{"formatted":"from logentry"}}"#).message.as_deref(), Some("from logentry"));
        assert_eq!(read(r#"{"message":{"message":"inner"},"logentry":{"message":"no"}}"#).message.as_deref(), Some("inner"));
        assert_eq!(read(r#"{"message":"m","level":"nonsense"}"#).level, Level::Info);
        let e = read(r#"{"exception":{"values":[{"type":"E","value":"v"},{}]},"user":"not an object","event_id":"short"}"#);
        assert_eq!(e.level, Level::Error);
        assert_eq!(e.exception.iter().map(|x| (x.ty.as_str(), x.value.as_deref())).collect::<Vec<_>>(), [("E", Some("v")), ("Error", None)]);
        assert!(e.exception.iter().all(|x| x.mechanism.as_ref().is_some_and(|m| m.ty == "generic" && m.handled == Some(true))));
        // The event's own mechanism, transaction and logger.
        let e = read(r#"{"exception":{"values":[{"type":"E","mechanism":{"type":"manual","handled":false}}]},"transaction":"/checkout","logger":"app"}"#);
        let m = e.exception[0].mechanism.as_ref().unwrap();
        assert_eq!((m.ty.as_str(), m.handled), ("manual", Some(false)));
        assert_eq!((e.transaction.as_deref(), e.logger.as_deref()), (Some("/checkout"), Some("app")));
        assert!(e.to_json().contains(r#""transaction":"/checkout","logger":"app""#), "{}", e.to_json());
        assert_eq!((e.user, e.event_id), (None, EventId::default()));
        assert_eq!(read(r#"{"exception":{"values":[]},"level":"fatal"}"#).level, Level::Fatal);
    }
}
