//! Any string as a DSN: a clear error or a DSN that round-trips, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;
use wasm_sentry::Dsn;

fuzz_target!(|s: &str| {
    if let Ok(dsn) = s.parse::<Dsn>() {
        let again: Dsn = dsn.to_string().parse().expect("a parsed DSN prints as a valid DSN");
        assert_eq!(again, dsn);
        let _ = dsn.envelope_url_with_auth("fuzz/0");
    }
});
