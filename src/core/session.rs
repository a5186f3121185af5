//! Release health: the page's session, as @sentry/browser's BrowserSession
//! keeps one. It starts with the page (or with each route), is sent once
//! when the page settles, and again only when something Sentry counts
//! changes: the first error, an unhandled one, or the user it belongs to.
//! So a page sends one or two small envelopes, however many errors it has.
//!
//! Browser sessions have no duration (the peer's `ignoreDuration`): a page
//! never says when it ended. A session that is replaced (a route change)
//! is sent once more, `exited`.

use crate::core::json::Obj;
use crate::core::protocol::{Event, EventId, Level};
use crate::core::time;
use crate::core::value::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Ok,
    /// Replaced by the next route's session, without an unhandled error.
    Exited,
    /// An unhandled error: the browser peer's status (its Node SDK says
    /// `crashed`; a page that survives an uncaught error did not crash).
    Unhandled,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Ok => "ok",
            Status::Exited => "exited",
            Status::Unhandled => "unhandled",
        }
    }
}

/// What an event means for the session, read as the peer reads it: an
/// event with exceptions is an error, unhandled when one of their
/// mechanisms says `handled: false`; one without (a message) counts only
/// at level `fatal`, as unhandled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Signal {
    pub errored: bool,
    pub unhandled: bool,
}

impl Signal {
    pub fn of(event: &Event) -> Self {
        if event.exception.is_empty() {
            let fatal = event.level == Level::Fatal;
            return Signal { errored: fatal, unhandled: fatal };
        }
        let unhandled = event.exception.iter().any(|e| e.mechanism.as_ref().is_some_and(|m| m.handled == Some(false)));
        Signal { errored: true, unhandled }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub sid: EventId,
    /// The user it belongs to (`did`): the first user's id, email or
    /// username. Set once, as the peer sets it.
    pub did: Option<String>,
    /// The user's own `ip_address`, when the app set one.
    pub ip_address: Option<String>,
    pub user_agent: Option<String>,
    pub started_ms: u64,
    pub timestamp_ms: u64,
    pub status: Status,
    /// 0 or 1: as the peer's, the count stops at the first error, since
    /// every later one would cost a request and change nothing Sentry shows.
    pub errors: u64,
    /// True until the session was first sent.
    pub init: bool,
}

impl Session {
    pub fn start(sid: EventId, now_ms: u64, user: Option<&Value>, user_agent: &str) -> Self {
        let mut s = Session {
            sid,
            did: None,
            ip_address: None,
            user_agent: (!user_agent.is_empty()).then(|| user_agent.to_owned()),
            started_ms: now_ms,
            timestamp_ms: now_ms,
            status: Status::Ok,
            errors: 0,
            init: true,
        };
        s.set_user(user);
        s
    }

    /// Takes what the session keeps of a user (the first `did`, the first
    /// IP address); true when that changed it, and it should be sent again.
    pub fn set_user(&mut self, user: Option<&Value>) -> bool {
        let Some(user) = user else { return false };
        let before = (self.did.is_some(), self.ip_address.is_some());
        for key in ["id", "email", "username"] {
            if self.did.is_none() {
                self.did = text(user.get(key));
            }
        }
        if self.ip_address.is_none() {
            self.ip_address = text(user.get("ip_address"));
        }
        before != (self.did.is_some(), self.ip_address.is_some())
    }

    /// The peer's update from an event: while the session is `ok`, its first
    /// error sets `errors` to 1, and an unhandled one makes it `unhandled`.
    /// True when it changed, and should be sent.
    pub fn on_event(&mut self, signal: Signal, now_ms: u64) -> bool {
        if self.status != Status::Ok || !(signal.unhandled || (signal.errored && self.errors == 0)) {
            return false;
        }
        self.errors = 1;
        if signal.unhandled {
            self.status = Status::Unhandled;
        }
        self.timestamp_ms = now_ms;
        true
    }

    /// Replaced by the next one: an `ok` session becomes `exited`.
    pub fn end(&mut self, now_ms: u64) {
        if self.status == Status::Ok {
            self.status = Status::Exited;
        }
        self.timestamp_ms = now_ms;
    }

    /// The `session` item's payload. Relay requires `attrs.release`.
    pub fn to_json(&self, release: &str, environment: &str) -> String {
        let mut out = String::new();
        let mut o = Obj::new(&mut out);
        o.value("sid", &self.sid)
            .bool("init", self.init)
            .str("started", &time::rfc3339(self.started_ms))
            .str("timestamp", &time::rfc3339(self.timestamp_ms))
            .str("status", self.status.as_str())
            .u64("errors", self.errors)
            .opt_str("did", self.did.as_deref());
        Obj::new(o.key("attrs"))
            .str("release", release)
            .str("environment", environment)
            .opt_str("ip_address", self.ip_address.as_deref())
            .opt_str("user_agent", self.user_agent.as_deref())
            .end();
        o.end();
        out
    }
}

/// A user field as the session writes it: a non-empty string, or a number's text.
fn text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.is_empty() => Some(s.clone()),
        Value::Number(n) => Some(n.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::protocol::{Exception, Mechanism};
    use crate::core::value::parse as from_json;

    const T0: u64 = 1_700_000_000_000;

    fn error(handled: Option<bool>) -> Event {
        let mechanism = Mechanism { ty: "generic".into(), handled, ..Default::default() };
        Event { exception: vec![Exception { ty: "Error".into(), mechanism: Some(mechanism), ..Default::default() }], ..Default::default() }
    }

    fn session() -> Session {
        Session::start(EventId([0xab; 16]), T0, None, "UA/1")
    }

    #[test]
    fn events_are_read_as_the_peer_reads_them() {
        assert_eq!(Signal::of(&error(Some(true))), Signal { errored: true, unhandled: false });
        assert_eq!(Signal::of(&error(None)), Signal { errored: true, unhandled: false });
        assert_eq!(Signal::of(&error(Some(false))), Signal { errored: true, unhandled: true });
        // A linked error's `chained` mechanism does not hide the captured one's.
        let mut linked = error(Some(false));
        linked.exception.insert(0, error(Some(true)).exception.remove(0));
        assert!(Signal::of(&linked).unhandled);
        let message = |level| Event { level, message: Some("m".into()), ..Default::default() };
        assert_eq!(Signal::of(&message(Level::Info)), Signal::default());
        assert_eq!(Signal::of(&message(Level::Error)), Signal::default());
        assert_eq!(Signal::of(&message(Level::Fatal)), Signal { errored: true, unhandled: true });
    }

    #[test]
    fn the_first_error_and_the_first_unhandled_one_are_sent_nothing_else() {
        let mut s = session();
        assert!(!s.on_event(Signal::default(), T0 + 1));
        assert!(s.on_event(Signal { errored: true, unhandled: false }, T0 + 2));
        assert_eq!((s.errors, s.status, s.timestamp_ms), (1, Status::Ok, T0 + 2));
        assert!(!s.on_event(Signal { errored: true, unhandled: false }, T0 + 3));
        assert!(s.on_event(Signal { errored: true, unhandled: true }, T0 + 4));
        assert_eq!((s.errors, s.status), (1, Status::Unhandled));
        // Terminal: nothing changes it any more.
        assert!(!s.on_event(Signal { errored: true, unhandled: true }, T0 + 5));
        s.end(T0 + 6);
        assert_eq!(s.status, Status::Unhandled);
        let mut fresh = session();
        fresh.end(T0 + 7);
        assert_eq!((fresh.status, fresh.timestamp_ms), (Status::Exited, T0 + 7));
    }

    #[test]
    fn the_user_is_taken_once() {
        let user = |j: &str| from_json(j).unwrap();
        let mut s = Session::start(EventId([1; 16]), T0, Some(&user(r#"{"email":"a@b.c"}"#)), "");
        assert_eq!(s.did.as_deref(), Some("a@b.c"));
        assert!(!s.set_user(Some(&user(r#"{"id":"42"}"#))));
        assert!(s.set_user(Some(&user(r#"{"id":7,"ip_address":"10.0.0.1"}"#))));
        assert_eq!((s.did.as_deref(), s.ip_address.as_deref()), (Some("a@b.c"), Some("10.0.0.1")));
        assert!(!s.set_user(None));
        let mut n = session();
        assert!(n.set_user(Some(&user(r#"{"id":7}"#))));
        assert_eq!(n.did.as_deref(), Some("7"));
        assert!(!session().set_user(Some(&user(r#"{"id":"","name":"x"}"#))));
    }

    #[test]
    fn json_is_what_sentrys_types_read() {
        let mut s = session();
        s.set_user(Some(&from_json(r#"{"username":"u"}"#).unwrap()));
        let json = s.to_json("app@1", "production");
        assert_eq!(
            json,
            r#"{"sid":"abababababababababababababababab","init":true,"started":"2023-11-14T22:13:20.000Z","timestamp":"2023-11-14T22:13:20.000Z","status":"ok","errors":0,"did":"u","attrs":{"release":"app@1","environment":"production","user_agent":"UA/1"}}"#
        );
        // Sentry's own Rust types (strict; they know ok, exited, crashed, abnormal).
        let parsed: sentry_types::protocol::v7::SessionUpdate<'static> = serde_json::from_str(&json).unwrap();
        assert_eq!(parsed.distinct_id.as_deref(), Some("u"));
        assert!(parsed.init);
        s.init = false;
        s.end(T0 + 1500);
        let parsed: sentry_types::protocol::v7::SessionUpdate<'static> = serde_json::from_str(&s.to_json("app@1", "e")).unwrap();
        assert_eq!(parsed.status, sentry_types::protocol::v7::SessionStatus::Exited);
        assert!(!parsed.init);
        assert_eq!(parsed.attributes.environment.as_deref(), Some("e"));
    }
}
