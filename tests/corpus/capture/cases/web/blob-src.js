// Loaded by index.html from a blob: URL made of this file's text.
function blobHelper(what) {
  throw /*@blob-throw*/new Error/*@blob-throw:jsc*/('thrown in a blob script: ' + what);
}

defineCase('blob-url-script', function blobUrlScript() {
  blobHelper/*@blob-call*/('x');
});
