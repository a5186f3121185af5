//! Host tests of whole envelopes as the core builds them: Sentry's own Rust
//! protocol crate (`sentry-types`) must parse every one strictly, and each
//! event is written to `target/test-events/host/` for the Relay sweep of
//! `scripts/test.sh`.
#![cfg(not(target_arch = "wasm32"))]

use sentry_types::protocol::v7::{Envelope as SentryEnvelope, EnvelopeItem};
use std::path::PathBuf;
use wasm_sentry::core::client::{page_request, Client, ClientOptions, ThrownError};
use wasm_sentry::core::protocol::{Breadcrumb, Event, EventId, Frame, Level, Mechanism, Stacktrace};
use wasm_sentry::core::scope::Scope;
use wasm_sentry::core::value;

const NOW: u64 = 1_764_000_000_000;

fn client() -> Client {
    let mut opts = ClientOptions::default();
    opts.release = Some("app@1.2.3".into());
    opts.environment = Some("test".into());
    opts.dist = Some("7".into());
    Client::new("https://0123456789abcdef@o1.ingest.example/5", opts).unwrap()
}

/// Builds the envelope, checks it with sentry-types, saves the event, returns it as JSON.
fn roundtrip(name: &str, event: Event) -> serde_json::Value {
    roundtrip_with(name, event, &Scope::default())
}

fn roundtrip_with(name: &str, event: Event, scope: &Scope) -> serde_json::Value {
    let mut client = client();
    let event = client.process(event, scope, 0.0).expect("kept by the pipeline");
    let out = client.envelope(&event);
    let body = out.to_body(NOW + 5);
    let out = wasm_sentry::core::client::Outgoing { url: client.url().to_owned(), body };
    let parsed = SentryEnvelope::from_slice(out.body.as_bytes()).expect("sentry-types parses the envelope");
    assert_eq!(parsed.uuid().map(|u| u.simple().to_string()), Some(event.event_id.to_hex()));
    let items: Vec<_> = parsed.items().collect();
    assert_eq!(items.len(), 1);
    let EnvelopeItem::Event(ev) = items[0] else { panic!("an event item") };
    assert_eq!(ev.event_id.simple().to_string(), event.event_id.to_hex());

    let payload = out.body.split('\n').nth(2).unwrap();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target/test-events/host");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.json")), payload).unwrap();
    serde_json::from_str(payload).unwrap()
}

fn base(id: u8) -> Event {
    Event { event_id: EventId([id; 16]), timestamp_ms: NOW, ..Default::default() }
}

#[test]
fn uncaught_error_with_v8_frames_and_page_context() {
    let stack = "TypeError: Cannot read properties of null (reading 'x')\n    at read (https://app.example/static/app.js?v=3:10:17)\n    at HTMLButtonElement.onClick (https://app.example/static/app.js?v=3:20:5)";
    let thrown = ThrownError { name: "TypeError", message: "Cannot read properties of null (reading 'x')", stack, ..Default::default() };
    let mut event = base(1);
    event.request = page_request("https://app.example/page?q=1", "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0.0.0", "https://ref.example/");
    event.exception.push(Client::exception_from_error(
        &thrown,
        Mechanism { ty: "auto.browser.global_handlers.onerror".into(), handled: Some(false), ..Default::default() },
    ));
    let json = roundtrip("uncaught-error", event);
    let frames = json["exception"]["values"][0]["stacktrace"]["frames"].as_array().unwrap();
    assert_eq!(frames[1]["function"], "read");
    assert_eq!(frames[1]["abs_path"], "https://app.example/static/app.js?v=3");
    assert_eq!(frames[1]["filename"], "/static/app.js");
    assert_eq!(json["dist"], "7");
}

#[test]
fn message_event_at_each_level() {
    for (i, level) in [Level::Debug, Level::Info, Level::Warning, Level::Error, Level::Fatal].into_iter().enumerate() {
        let mut event = base(10 + i as u8);
        event.level = level;
        event.message = Some(format!("a {} message with \"quotes\" and\nnewlines", level.as_str()));
        let json = roundtrip(&format!("message-{}", level.as_str()), event);
        assert_eq!(json["level"], level.as_str());
    }
}

#[test]
fn wasm_and_native_frames() {
    let mut event = base(20);
    let frames = vec![
        Frame {
            function: Some("main".into()),
            abs_path: Some("http://h/app.js".into()),
            filename: Some("/app.js".into()),
            lineno: Some(1),
            colno: Some(1),
            in_app: Some(true),
            ..Default::default()
        },
        Frame { in_app: Some(false), ..Default::default() },
        Frame {
            function: Some("app::run".into()),
            raw_function: Some("_ZN3app3run17h0123456789abcdefE".into()),
            abs_path: Some("http://h/app.wasm".into()),
            instruction_addr: Some(0x1a2b),
            in_app: Some(true),
            ..Default::default()
        },
    ];
    event.exception.push(wasm_sentry::core::protocol::Exception {
        ty: "RuntimeError".into(),
        value: Some("unreachable".into()),
        mechanism: Some(Mechanism { ty: "generic".into(), handled: Some(true), ..Default::default() }),
        stacktrace: Some(Stacktrace { frames }),
    });
    let json = roundtrip("wasm-frames", event);
    assert_eq!(json["exception"]["values"][0]["stacktrace"]["frames"][2]["instruction_addr"], "0x1a2b");
}

#[test]
fn huge_and_hostile_strings_stay_valid_json() {
    let mut event = base(30);
    event.message = Some(format!("{}\u{0}\u{1b}[31m\u{2028}😀", "x".repeat(100_000)));
    roundtrip("hostile-message", event);
}

#[test]
fn everything_the_scope_adds_and_linked_exceptions() {
    let mut scope =
        Scope { user: Some(value::parse(r#"{"id":"42","email":"ada@example.com","username":"ada","segment":"beta"}"#).unwrap()), ..Default::default() };
    scope.set_tag("plan", Some("pro".into()));
    scope.set_extra("cart", Some(value::parse(r#"{"items":[1,2.5,-3e2],"note":null,"ok":true}"#).unwrap()));
    scope.set_context("device", Some(value::parse(r#"{"model":"fixture","memory_size":1024}"#).unwrap()));
    scope.fingerprint = vec!["{{ default }}".into(), "custom".into()];
    for (i, (ty, cat)) in [("default", "console"), ("http", "fetch"), ("navigation", "navigation"), ("ui", "ui.click")].into_iter().enumerate() {
        scope.add_breadcrumb(
            Breadcrumb {
                timestamp_ms: NOW - 1000 + i as u64,
                ty: Some(ty.into()),
                category: Some(cat.into()),
                message: Some(format!("crumb {i}")),
                level: Some(Level::Warning),
                data: Some(value::parse(r#"{"url":"https://api.example/x","status_code":404}"#).unwrap()),
            },
            100,
        );
    }
    let top =
        ThrownError { name: "Error", message: "save failed", stack: "Error: save failed\n    at save (https://app.example/a.js:3:9)", ..Default::default() };
    let linked = [wasm_sentry::core::client::LinkedError {
        name: "TypeError".into(),
        message: "disk full".into(),
        stack: "TypeError: disk full\n    at write (https://app.example/a.js:9:1)".into(),
        source: "cause".into(),
        parent: 0,
        is_group: false,
    }];
    let mut event = base(40);
    event.exception = Client::exceptions_from_error(&top, Mechanism { ty: "generic".into(), handled: Some(true), ..Default::default() }, &linked);
    let json = roundtrip_with("scope-and-linked", event, &scope);
    assert_eq!(json["breadcrumbs"]["values"].as_array().unwrap().len(), 4);
    assert_eq!(json["exception"]["values"][0]["mechanism"]["parent_id"], 0);
    assert_eq!(json["tags"]["plan"], "pro");
}
