// Served from a URL with spaces, percent-encoded characters and a query string.
function encodedPathFn(input) {
  throw /*@enc-throw*/new URIError/*@enc-throw:jsc*/('from a percent-encoded path: ' + input);
}

defineCase('encoded-url', function encodedUrl() {
  encodedPathFn/*@enc-call*/('a b');
});
