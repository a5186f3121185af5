// Error objects whose header is unusual: multi-line messages, messages that
// look like stack frames, custom classes, name/message changed afterwards.
defineCase('multiline-message', function multilineMessage() {
  throw /*@ml-throw*/new Error/*@ml-throw:jsc*/('first line\nsecond line\n\nfourth line after a blank one');
});

defineCase('message-with-fake-frames', function messageWithFakeFrames() {
  throw /*@fake-throw*/new Error/*@fake-throw:jsc*/('looks like frames\n    at fake (http://evil/x.js:1:1)\nfake@http://evil/x.js:1:1\n    at http://evil/y.js:2:2');
});

class ValidationError extends Error {
  constructor(field) {
    /*@ve-super*/super/*@ve-super:jsc*/('invalid field: ' + field);
    this.name = 'ValidationError';
  }
}

defineCase('custom-error-class', function customErrorClass() {
  throw /*@ce-throw*/new ValidationError/*@ce-throw:jsc*/('email');
});

defineCase('name-message-changed-after-stack', function nameMessageChangedAfterStack() {
  var e = /*@nmc-new*/new Error/*@nmc-new:jsc*/('original message');
  var early = e.stack; // the header is formatted now, with the original name/message
  e.name = 'RenamedError';
  e.message = 'replaced message';
  throw e;
});

defineCase('name-changed-before-stack', function nameChangedBeforeStack() {
  var e = /*@ncb-new*/new TypeError/*@ncb-new:jsc*/('kept message');
  e.name = 'LateName';
  throw e;
});

defineCase('empty-name-and-message', function emptyNameAndMessage() {
  var e = /*@enm-new*/new Error/*@enm-new:jsc*/();
  e.name = '';
  throw e;
});

defineCase('null-property-typeerror', function nullPropertyTypeError() {
  var missing = null;
  /*@npt-throw*/return missing/*@npt-throw:jsc-next*/.property;
});

defineCase('call-undefined-function', function callUndefinedFunction() {
  var handlers = {};
  handlers./*@cuf-throw*/onMissing/*@cuf-throw:jsc*/('x');
});
