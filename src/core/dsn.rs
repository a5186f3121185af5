//! The DSN: where events go and with which public key.
//!
//! `{scheme}://{public_key}[:{secret}]@{host}[:{port}]{path}/{project_id}` becomes the
//! envelope endpoint `{scheme}://{host}[:{port}]{path}/api/{project_id}/envelope/`.
//! Only the public key is ever used; a legacy secret is accepted and ignored.

use crate::core::stacktrace::{find_byte, parse_u64, rsplit_byte, split_byte, strip};
use std::fmt;
use std::str::FromStr;

/// Why a DSN string was refused. Each variant names one failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParseDsnError {
    Empty,
    NoScheme,
    InvalidScheme,
    NoPublicKey,
    NoHost,
    InvalidPort,
    NoProjectId,
    InvalidProjectId,
    InvalidCharacter,
}

impl ParseDsnError {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Empty => "the DSN is empty",
            Self::NoScheme => "the DSN has no scheme (expected https://KEY@HOST/PROJECT_ID)",
            Self::InvalidScheme => "the DSN's scheme must be http or https",
            Self::NoPublicKey => "the DSN has no public key before '@'",
            Self::NoHost => "the DSN has no host",
            Self::InvalidPort => "the DSN's port is not a number from 1 to 65535",
            Self::NoProjectId => "the DSN has no project id at the end of its path",
            Self::InvalidProjectId => "the DSN's project id must be a number",
            Self::InvalidCharacter => "the DSN contains whitespace, a query or a fragment",
        }
    }
}

impl fmt::Display for ParseDsnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::error::Error for ParseDsnError {}

/// A parsed DSN. Fields are private: a `Dsn` is always valid.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dsn {
    scheme: &'static str,
    public_key: String,
    host: String,
    port: Option<u16>,
    path: String,
    project_id: String,
}

impl Dsn {
    pub fn public_key(&self) -> &str {
        &self.public_key
    }

    pub fn host(&self) -> &str {
        &self.host
    }

    pub fn project_id(&self) -> &str {
        &self.project_id
    }

    /// `{scheme}://{host}[:{port}]{path}/api/{project_id}/envelope/`
    pub fn envelope_url(&self) -> String {
        let mut url = String::with_capacity(64);
        url.push_str(self.scheme);
        url.push_str("://");
        url.push_str(&self.host);
        if let Some(port) = self.port {
            url.push(':');
            crate::core::json::write_u64(&mut url, u64::from(port));
        }
        url.push_str(&self.path);
        url.push_str("/api/");
        url.push_str(&self.project_id);
        url.push_str("/envelope/");
        url
    }

    /// The envelope URL with query-string auth. Query auth with a `text/plain`
    /// body makes a "simple" CORS request: no preflight, and `sendBeacon` works.
    pub fn envelope_url_with_auth(&self, client: &str) -> String {
        let mut url = self.envelope_url();
        url.push_str("?sentry_key=");
        url.push_str(&self.public_key);
        url.push_str("&sentry_version=7&sentry_client=");
        url.push_str(client);
        url
    }
}

impl FromStr for Dsn {
    type Err = ParseDsnError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        use ParseDsnError::*;
        let s = s.trim_ascii();
        if s.is_empty() {
            return Err(Empty);
        }
        if s.bytes().any(|b| b.is_ascii_whitespace() || b == b'?' || b == b'#') {
            return Err(InvalidCharacter);
        }
        let i = crate::core::stacktrace::find_str(s, "://").ok_or(NoScheme)?;
        let (scheme, rest) = (&s[..i], &s[i + 3..]);
        let scheme = if scheme.eq_ignore_ascii_case("https") {
            "https"
        } else if scheme.eq_ignore_ascii_case("http") {
            "http"
        } else {
            return Err(InvalidScheme);
        };
        // Byte splits (the separators are ASCII): `str`'s char-pattern
        // searchers would cost the wasm 0.4 KB gzip for these few calls.
        let (authority, path) = match find_byte(rest.as_bytes(), b'/') {
            Some(i) => rest.split_at(i),
            None => (rest, ""),
        };
        let (userinfo, hostport) = rsplit_byte(authority, b'@').ok_or(NoPublicKey)?;
        // A legacy `key:secret` pair: the secret must never be sent from a client.
        let public_key = split_byte(userinfo, b':').map_or(userinfo, |(key, _)| key);
        if public_key.is_empty() {
            return Err(NoPublicKey);
        }
        let (host, port) = split_host_port(hostport)?;
        if host.is_empty() {
            return Err(NoHost);
        }
        // `path` is "" or "/a/b/123": the last segment is the project id.
        let (prefix, project_id) = rsplit_byte(path, b'/').ok_or(NoProjectId)?;
        if project_id.is_empty() {
            return Err(NoProjectId);
        }
        if !project_id.bytes().all(|b| b.is_ascii_digit()) {
            return Err(InvalidProjectId);
        }
        Ok(Dsn { scheme, public_key: public_key.to_owned(), host: host.to_owned(), port, path: prefix.to_owned(), project_id: project_id.to_owned() })
    }
}

/// Splits `host[:port]`, where host may be a bracketed IPv6 literal.
fn split_host_port(hostport: &str) -> Result<(&str, Option<u16>), ParseDsnError> {
    let (host, port) = if hostport.as_bytes().first() == Some(&b'[') {
        match find_byte(hostport.as_bytes(), b']') {
            Some(i) => {
                let (h, rest) = hostport.split_at(i + 1);
                (h, strip(rest, ":"))
            }
            None => return Err(ParseDsnError::NoHost),
        }
    } else {
        match rsplit_byte(hostport, b':') {
            Some((h, p)) => (h, Some(p)),
            None => (hostport, None),
        }
    };
    let port = match port {
        None => None,
        Some(p) => match parse_u64(p) {
            Some(n @ 1..=65535) => Some(n as u16),
            _ => return Err(ParseDsnError::InvalidPort),
        },
    };
    Ok((host, port))
}

impl Dsn {
    /// The DSN as text, without a legacy secret. Built by hand: `write!`
    /// would link `core::fmt` into the wasm for this one string.
    pub fn to_dsn_string(&self) -> String {
        let mut s = String::with_capacity(64);
        s.push_str(self.scheme);
        s.push_str("://");
        s.push_str(&self.public_key);
        s.push('@');
        s.push_str(&self.host);
        if let Some(port) = self.port {
            s.push(':');
            crate::core::json::write_u64(&mut s, u64::from(port));
        }
        s.push_str(&self.path);
        s.push('/');
        s.push_str(&self.project_id);
        s
    }
}

impl fmt::Display for Dsn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_dsn_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ParseDsnError::*;

    macro_rules! ok {
        ($dsn:expr, $url:expr) => {
            let d: Dsn = $dsn.parse().unwrap();
            assert_eq!(d.envelope_url(), $url, "{}", $dsn);
        };
    }
    macro_rules! err {
        ($dsn:expr, $e:expr) => {
            assert_eq!($dsn.parse::<Dsn>(), Err($e), "{}", $dsn);
        };
    }

    #[test]
    fn valid_dsns_give_envelope_urls() {
        ok!("https://abc@o1.ingest.sentry.io/42", "https://o1.ingest.sentry.io/api/42/envelope/");
        ok!("http://k@127.0.0.1:9000/7", "http://127.0.0.1:9000/api/7/envelope/");
        ok!("https://k@host/sub/path/7", "https://host/sub/path/api/7/envelope/");
        ok!("https://k:secret@host/7", "https://host/api/7/envelope/");
        ok!("HTTPS://k@host/7", "https://host/api/7/envelope/");
        ok!("  https://k@host/7\n", "https://host/api/7/envelope/");
        ok!("http://k@[::1]:8080/3", "http://[::1]:8080/api/3/envelope/");
    }

    #[test]
    fn malformed_dsns_name_their_problem() {
        err!("", Empty);
        err!("   ", Empty);
        err!("abc@host/1", NoScheme);
        err!("ftp://k@host/1", InvalidScheme);
        err!("https://host/1", NoPublicKey);
        err!("https://@host/1", NoPublicKey);
        err!("https://:s@host/1", NoPublicKey);
        err!("https://k@/1", NoHost);
        err!("https://k@:80/1", NoHost);
        err!("https://k@host:0/1", InvalidPort);
        err!("https://k@host:99999/1", InvalidPort);
        err!("https://k@host:+80/1", InvalidPort);
        err!("https://k@host", NoProjectId);
        err!("https://k@host/", NoProjectId);
        err!("https://k@host/abc", InvalidProjectId);
        err!("https://k@host/1?x=1", InvalidCharacter);
        err!("https://k@ho st/1", InvalidCharacter);
    }

    #[test]
    fn auth_goes_in_the_query_with_only_the_public_key() {
        let d: Dsn = "https://pub:secret@host/5".parse().unwrap();
        assert_eq!(
            d.envelope_url_with_auth("wasm-sentry/0.1.0"),
            "https://host/api/5/envelope/?sentry_key=pub&sentry_version=7&sentry_client=wasm-sentry/0.1.0"
        );
    }

    #[test]
    fn display_round_trips_without_the_secret() {
        for s in ["https://k@host/5", "http://k@h:81/a/b/5"] {
            let d: Dsn = s.parse().unwrap();
            assert_eq!(d.to_string(), s);
            assert_eq!(d.to_string().parse::<Dsn>().unwrap(), d);
        }
        let d: Dsn = "https://k:s@host/5".parse().unwrap();
        assert_eq!(d.to_string(), "https://k@host/5");
    }

    #[test]
    fn error_messages_are_readable() {
        assert_eq!(InvalidProjectId.to_string(), "the DSN's project id must be a number");
    }
}
