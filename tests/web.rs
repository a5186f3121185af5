//! Platform-layer tests under wasm-bindgen-test: in Node by default, and in
//! headless Chromium with `WASM_BINDGEN_USE_BROWSER=1` (scripts/test.sh runs both).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsValue;
use wasm_bindgen_futures::JsFuture;
use wasm_bindgen_test::wasm_bindgen_test;
use wasm_sentry::web::exports::{capture_error, capture_message, flush, sdk_version, start, stop};

/// Port 9 on loopback: nothing listens, so every send fails fast.
const CLOSED_DSN: &str = "http://public@127.0.0.1:9/1";

fn capture(event_id: &str, message: &str, stack: &str) -> String {
    capture_error(event_id, 0.0, "http://page/", "ua", "", "TypeError", message, stack, "generic".into(), true, false, false, "", 0, 0, 0)
}

/// Starts with the defaults the JS shim passes (no hooks, no dedupe so repeats stay visible).
fn start_with(dsn: &str) -> Option<String> {
    start(dsn, "", "", "", 1.0, 100, false, 250, "", false, false, true)
}

fn is_event_id(s: &str) -> bool {
    s.len() == 32 && s.bytes().all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
}

#[wasm_bindgen_test]
fn start_refuses_a_malformed_dsn_with_its_reason() {
    assert_eq!(start_with("nope").as_deref(), Some("the DSN has no scheme (expected https://KEY@HOST/PROJECT_ID)"));
    assert_eq!(start_with("https://k@host/abc").as_deref(), Some("the DSN's project id must be a number"));
    assert_eq!(start_with(CLOSED_DSN), None);
}

#[wasm_bindgen_test]
fn captures_return_fresh_ids_or_keep_the_given_one() {
    assert_eq!(start_with(CLOSED_DSN), None);
    let a = capture("", "boom", "TypeError: boom\n    at f (http://page/a.js:1:2)");
    let b = capture_message("", 0.0, "", "", "", "hello", "warning", "", 0);
    assert!(is_event_id(&a) && is_event_id(&b), "{a} {b}");
    assert_ne!(a, b);
    let given = "0123456789abcdef0123456789abcdef";
    assert_eq!(capture(given, "x", ""), given);
}

#[wasm_bindgen_test]
fn hostile_input_still_gives_an_event() {
    assert_eq!(start_with(CLOSED_DSN), None);
    let huge = "x".repeat(1 << 20);
    let garbage = "\u{0}\n    at (\n    at ):wasm-function[:0x\n".repeat(10_000);
    assert!(is_event_id(&capture("not-an-id", &huge, &huge)));
    assert!(is_event_id(&capture("", "", &garbage)));
    assert!(is_event_id(&capture_message("", -1.0, "", "", "", "m", "no-such-level", "", 0)));
    // A garbage user, extra and breadcrumb data are dropped, never a panic.
    wasm_sentry::web::exports::set_user("{not json", false);
    wasm_sentry::web::exports::set_extra("k", "[1,2", false);
    wasm_sentry::web::exports::add_breadcrumb(0.0, "", "c", &huge, "loud", "\u{0}", false);
    assert!(is_event_id(&capture("", "after garbage", "")));
}

#[wasm_bindgen_test]
fn after_stop_captures_are_no_ops() {
    assert_eq!(start_with(CLOSED_DSN), None);
    stop();
    assert_eq!(capture("", "x", ""), "");
}

#[wasm_bindgen_test]
async fn flush_resolves_once_a_refused_send_is_given_up_and_false_at_the_timeout() {
    assert_eq!(start_with(CLOSED_DSN), None);
    capture("", "x", "");
    // Refused connections are retried after 1 s and 5 s before the drop is counted.
    let early = JsFuture::from(js_sys::Promise::from(flush(200.0))).await.unwrap();
    assert_eq!(early, JsValue::FALSE);
    let done = JsFuture::from(js_sys::Promise::from(flush(15000.0))).await.unwrap();
    assert_eq!(done, JsValue::TRUE);
}

#[wasm_bindgen_test]
fn reports_its_version() {
    assert_eq!(sdk_version(), env!("CARGO_PKG_VERSION"));
}

#[wasm_bindgen_test]
fn dispatch_unpacks_strings_by_their_js_lengths() {
    use wasm_sentry::web::exports::{unpack, MAX_ARGS};
    // The strings given, then "" up to MAX_ARGS.
    let args = |given: &[&'static str]| -> [&'static str; MAX_ARGS] {
        let mut all = [""; MAX_ARGS];
        all[..given.len()].copy_from_slice(given);
        all
    };
    // JS lengths: "é" 1, "😀" 2 (a surrogate pair), U+FFFD (a lone surrogate, encoded) 1.
    assert_eq!(unpack("3,0,5;abcvwxyz"), args(&["abc", "", "vwxyz"]));
    assert_eq!(unpack("2,3,1;é😀a;b\u{fffd}"), args(&["é😀", "a;b", "\u{fffd}"]));
    assert_eq!(unpack(";"), args(&[]));
    assert_eq!(unpack(""), args(&[]));
    // Lengths past the end are cut to what is there; garbage is no panic.
    assert_eq!(unpack("2,9;abcd"), args(&["ab", "cd"]));
    assert_eq!(unpack("x,99999999999999999999;é"), args(&["é", ""]));
    // Strings past MAX_ARGS are ignored.
    assert_eq!(unpack("1,1,1,1,1,1,1,1,1,1;abcdefghij"), ["a", "b", "c", "d", "e", "f", "g", "h", "i"]);
    // The whole path, from the packed strings to an event.
    let text = "31,0,0,0,0,0,0,0,0;http://public@127.0.0.1:9/1é";
    assert_eq!(wasm_sentry::web::exports::dispatch(0, 0, 100, 250, 1.0, text), "the DSN's project id must be a number");
    let text = "27,0,0,0,0,0,0,0,0;http://public@127.0.0.1:9/1";
    assert_eq!(wasm_sentry::web::exports::dispatch(0, 0, 100, 250, 1.0, text), "");
    let id = wasm_sentry::web::exports::dispatch(3, 0, 0, 0, 0.0, "0,0,0,0,4,7;é😀xwarning");
    assert!(is_event_id(&id), "{id}");
}
