//! The client: options, and the pipeline that turns what was caught into an
//! envelope ready to send. No I/O: the platform layer sends what comes out.

use crate::core::dsn::{Dsn, ParseDsnError};
use crate::core::envelope::Envelope;
use crate::core::protocol::{Event, EventId, Exception, Frame, Mechanism, Request, Stacktrace, SDK_CLIENT};
use crate::core::stacktrace;

/// Options shared by every platform; names follow `@sentry/browser`.
#[derive(Debug, Clone, Default)]
#[non_exhaustive]
pub struct ClientOptions {
    pub release: Option<String>,
    pub environment: Option<String>,
    pub dist: Option<String>,
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
}

impl Client {
    pub fn new(dsn: &str, options: ClientOptions) -> Result<Self, ParseDsnError> {
        let dsn: Dsn = dsn.parse()?;
        let url = dsn.envelope_url_with_auth(SDK_CLIENT);
        Ok(Client { dsn, url, options })
    }

    pub fn dsn(&self) -> &Dsn {
        &self.dsn
    }

    /// Builds the exception for a thrown error, frames oldest first.
    pub fn exception_from_error(err: &ThrownError<'_>, mechanism: Mechanism) -> Exception {
        let ty = if err.name.is_empty() { "Error" } else { err.name };
        let mut frames = stacktrace::parse(err.stack, err.name, err.message, "");
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

    /// Fills what the event lacks from the options, then serialises it.
    /// `now_ms` is the send time (`sent_at`); the event keeps its own timestamp.
    pub fn prepare(&self, mut event: Event, now_ms: u64) -> Outgoing {
        let o = &self.options;
        event.release = event.release.or_else(|| o.release.clone());
        event.environment = event.environment.or_else(|| o.environment.clone()).or_else(|| Some("production".into()));
        event.dist = event.dist.or_else(|| o.dist.clone());
        Outgoing { url: self.url.clone(), body: Envelope::from_event(&event).to_body(now_ms) }
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
    use serde_json::Value;

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
        let ex = Client::exception_from_error(&err(stack), Mechanism { ty: "generic".into(), handled: Some(true), synthetic: None });
        assert_eq!(ex.ty, "TypeError");
        assert_eq!(ex.value.as_deref(), Some("x is null"));
        let frames = &ex.stacktrace.unwrap().frames;
        assert_eq!(frames.len(), 2);
        assert_eq!(frames[1].function.as_deref(), Some("b"));
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
        let client = Client::new("http://pub@127.0.0.1:9/3", opts).unwrap();
        let out = client.prepare(new_event(EventId([1; 16]), 1000), 2000);
        assert!(out.url.starts_with("http://127.0.0.1:9/api/3/envelope/?sentry_key=pub&sentry_version=7"));
        let payload: Value = serde_json::from_str(out.body.lines().nth(2).unwrap()).unwrap();
        assert_eq!(payload["release"], "r1");
        assert_eq!(payload["environment"], "production");
    }
}
