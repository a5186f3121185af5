//! JavaScriptCore (Safari, the `jsc` shell): the `function@location` lines of
//! `spidermonkey.rs`, with locations of its own:
//!
//! ```text
//! jsc-location = "[native code]"                 ; builtins: `map@[native code]`
//!              | "[wasm code]"                   ; a wasm function, no offset
//!              | "<?>:wasm-function[" I "]"     ; the same, with its index
//!              | ""                              ; `eval code@`, `anonymous@`: no location
//! ```
//! Its other locations (`url:line:column`, relative paths such as
//! `lib/a.js:3:9`) follow the common grammar.

use super::{first, strip, wasm_location, Location};

/// The JavaScriptCore-only locations; `None` for the common forms.
pub fn location(s: &str) -> Option<Location<'_>> {
    // By the first byte: the common forms (a URL) pass with one compare.
    let is = |word: &str| s.len() == word.len() && strip(s, word).is_some();
    match first(s) {
        _ if s.is_empty() => Some(Location::Unknown),
        b'[' if is("[native code]") => Some(Location::Native),
        b'[' if is("[wasm code]") => Some(Location::Wasm { url: None, func_index: None, offset: None }),
        b'<' if strip(s, "<?>").is_some() => match wasm_location(s) {
            Some(Location::Wasm { func_index, offset, .. }) => Some(Location::Wasm { url: None, func_index, offset }),
            _ => Some(Location::Unknown),
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Location::*;

    fn parse_line(line: &str) -> Option<super::super::RawFrame<'_>> {
        super::super::spidermonkey::parse_line(line, false)
    }

    #[test]
    fn jsc_frames() {
        t!("map@[native code]", Some("map"), Native);
        t!("eval code@", Some("eval code"), Unknown);
        t!("anonymous@", Some("anonymous"), Unknown);
        t!("global code@lib/a.js:3:9", Some("global code"), Source { url: "lib/a.js", line: Some(3), col: Some(9) });
        t!("f@<?>:wasm-function[4]", Some("f"), Wasm { url: None, func_index: Some(4), offset: None });
        t!("f@[wasm code]", Some("f"), Wasm { url: None, func_index: None, offset: None });
    }
}
