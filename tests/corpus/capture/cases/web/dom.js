// Browser-only: DOMExceptions (thrown by the platform and constructed by hand)
// and a listener called by the DOM's dispatchEvent.
defineCase('dom-exception-platform', function domExceptionPlatform() {
  document./*@dom-qs*/querySelector/*@dom-qs:jsc*/('<<not a selector');
});

defineCase('dom-exception-constructed', function domExceptionConstructed() {
  throw /*@dom-new*/new DOMException/*@dom-new:jsc*/('the thing was not found', 'NotFoundError');
});

defineCase('dom-event-listener', function domEventListener() {
  var target = document.createElement('div');
  var caught = null;
  target.addEventListener('ping', function onPing(event) {
    try {
      throw /*@dom-listener-throw*/new Error/*@dom-listener-throw:jsc*/('listener failed for ' + event.type);
    } catch (e) {
      caught = e;
    }
  });
  target./*@dom-dispatch*/dispatchEvent/*@dom-dispatch:jsc*/(new Event('ping'));
  throw caught;
});
