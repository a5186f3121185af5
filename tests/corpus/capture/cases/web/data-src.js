// Loaded by index.html from a data: URL made of this file's text.
function dataHelper(what) {
  throw /*@data-throw*/new Error/*@data-throw:jsc*/('thrown in a data: script: ' + what);
}

defineCase('data-url-script', function dataUrlScript() {
  dataHelper/*@data-call*/('y');
});
