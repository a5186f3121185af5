//! A small Rust web app that reports its errors and panics with wasm-sentry.
//!
//! The page (index.html) calls `start_app` with the DSN, then its two
//! buttons call `load_config` (an error with a two-level `source()` chain,
//! given to `capture_error`) and `crash` (a panic, caught by the panic hook).
//! The other exports exist for the tests: the SDK's behaviour on misuse.

use std::cell::RefCell;
use std::error::Error;
use std::fmt;
use wasm_bindgen::prelude::*;
use wasm_sentry::{ClientInitGuard, ClientOptions, Level};

thread_local! {
    /// The client lives as long as the page: the guard is kept here.
    static GUARD: RefCell<Option<ClientInitGuard>> = const { RefCell::new(None) };
    /// What `capture_message` returned from inside `before_send` (mode "reentrant").
    static REENTRY: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Starts the SDK. `mode`: "rust" inits from Rust (the main case);
/// "js" leaves the client to the JS `init` of this same module and only
/// installs the panic hook; "reentrant" and "panicky" init from Rust with a
/// `before_send` that captures, or panics on a fatal event.
#[wasm_bindgen]
pub fn start_app(dsn: &str, mode: &str) {
    // The usual console output of a panic; wasm-sentry's hook chains to it.
    console_error_panic_hook::set_once();
    if mode == "js" {
        wasm_sentry::register_panic_hook();
        return;
    }
    let mut options = ClientOptions::default();
    options.release = Some("rust-app@0.1.0".into());
    options.environment = Some("example".into());
    if mode == "reentrant" {
        options.before_send = Some(std::sync::Arc::new(|event| {
            let id = wasm_sentry::capture_message("from inside before_send", Level::Info);
            REENTRY.with(|r| *r.borrow_mut() = id.to_hex());
            Some(event)
        }));
    }
    if mode == "panicky" {
        options.before_send = Some(std::sync::Arc::new(|event| {
            if event.level == Level::Fatal {
                panic!("a panic inside before_send, inside the panic hook");
            }
            Some(event)
        }));
    }
    let guard = wasm_sentry::init((dsn, options));
    wasm_sentry::configure_scope(|scope| scope.set_tag("app", Some("rust-app".into())));
    GUARD.with(|g| *g.borrow_mut() = Some(guard));
}

/// Drops the guard: the client closes.
#[wasm_bindgen]
pub fn stop_app() {
    GUARD.with(|g| g.borrow_mut().take());
}

#[wasm_bindgen]
pub fn reentry_result() -> String {
    REENTRY.with(|r| r.borrow().clone())
}

/// A message from Rust; returns the event id (all zeros when nothing was sent).
#[wasm_bindgen]
pub fn say(message: &str) -> String {
    wasm_sentry::capture_message(message, Level::Info).to_hex()
}

/// Resolves to whether everything captured so far was handed over.
#[wasm_bindgen]
pub async fn flush_app(timeout_ms: u32) -> bool {
    wasm_sentry::flush(Some(std::time::Duration::from_millis(timeout_ms.into()))).await
}

// An error with a two-level source chain: ConfigError <- ParseError <- ParseIntError.

#[derive(Debug)]
pub struct ConfigError {
    source: ParseError,
}

#[derive(Debug)]
pub struct ParseError {
    line: usize,
    source: std::num::ParseIntError,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("could not load the settings")
    }
}

impl Error for ConfigError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(&self.source)
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "bad number on line {}", self.line)
    }
}

impl Error for ParseError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        Some(&self.source)
    }
}

#[inline(never)]
fn parse_settings(text: &str) -> Result<u16, ConfigError> {
    for (i, line) in text.lines().enumerate() {
        if let Some(v) = line.strip_prefix("port = ") {
            return v.trim().parse().map_err(|source| ConfigError { source: ParseError { line: i + 1, source } });
        }
    }
    Ok(8080)
}

/// Button 1: loading the settings fails; the error goes to `capture_error`.
/// Returns the event id.
#[wasm_bindgen]
pub fn load_config() -> String {
    match parse_settings("name = demo\nport = eighty") {
        Ok(_) => String::new(),
        Err(e) => wasm_sentry::capture_error(&e).to_hex(),
    }
}

#[inline(never)]
fn apply_settings(port: Option<u16>) -> u16 {
    match port {
        Some(p) => p,
        None => panic!("no port configured after {} attempts", 3),
    }
}

/// Button 2: a panic.
#[wasm_bindgen]
pub fn crash() -> u16 {
    apply_settings(std::hint::black_box(None))
}

/// The same panic, caught by the app with `catch_unwind`: the hook reports
/// it, then the app carries on. Only in the build with unwinding
/// (`dist-unwind/`, see scripts/build-example.sh); with `panic = "abort"`
/// it traps like `crash`. Returns what was caught.
#[wasm_bindgen]
pub fn crash_and_recover() -> String {
    match std::panic::catch_unwind(|| apply_settings(std::hint::black_box(None))) {
        Ok(port) => format!("no panic: {port}"),
        Err(payload) => match (payload.downcast_ref::<&str>(), payload.downcast_ref::<String>()) {
            (Some(message), _) => format!("caught: {message}"),
            (_, Some(message)) => format!("caught: {message}"),
            _ => "caught".into(),
        },
    }
}
