// Second held-out round, browsers only: a dedicated worker and a module
// worker, a same-origin iframe and a srcdoc one, an inline onclick attribute,
// a javascript: URL, setTimeout with a string, dynamic import() of a module
// that throws at top level and of one that throws after a top-level await,
// Vite-style module URLs, requestAnimationFrame, MutationObserver, a custom
// element's callback, a failed fetch. Uses h2Fail / h2RemoteError /
// H2_REALMS from shared/heldout2.js.

// The next uncaught error the page reports (window 'error' event), as an app's
// global handler sees it; `trigger` makes it happen.
function h2Uncaught(trigger) {
  return /*@h2-uncaught-promise*/new Promise/*@h2-uncaught-promise:jsc*/(function (resolve, reject) {
    function onError(event) {
      window.removeEventListener('error', onError);
      event.preventDefault();
      reject(event.error);
    }
    window.addEventListener('error', onError);
    /*@h2-trigger*/trigger/*@h2-trigger:jsc*/();
  });
}

// A job run in a worker: the worker answers with the error's record (and its
// V8 call sites when this run records them).
function h2RunInWorker(worker, message) {
  return new Promise(function (resolve, reject) {
    worker.onmessage = function (event) {
      var r = event.data;
      if (r.threw) reject(h2RemoteError(r));
      else resolve();
    };
    worker.onerror = function (event) { reject(new Error('worker error: ' + event.message)); };
    message.structured = h2Structured();
    worker.postMessage(message);
  });
}
var h2Workers = {};

defineCase('worker-dedicated', function workerDedicated() {
  h2Workers.classic = h2Workers.classic || new Worker('web/heldout2/worker.js?build=abc123');
  return h2RunInWorker(h2Workers.classic, { job: 'thumbnail' });
});

defineCase('worker-module', function workerModule() {
  h2Workers.module = h2Workers.module || new Worker('web/heldout2/module-worker.mjs', { type: 'module' });
  return fetch('v8-recorder.js').then(function (r) { return r.text(); }).then(function (recorder) {
    return h2RunInWorker(h2Workers.module, { rows: ['id,name,email', 'id,name'], recorder: recorder });
  });
});

// Iframes: a fresh one per run, so that modules are evaluated again.
function h2Frame(setup) {
  return new Promise(function (resolve, reject) {
    var frame = document.createElement('iframe');
    frame.onload = function () {
      var win = frame.contentWindow;
      if (typeof win.V8REC === 'undefined') { reject(new Error('no recorder in the frame')); return; }
      H2_REALMS.push(win.V8REC);
      if (h2Structured()) win.V8REC.install();
      else win.V8REC.uninstall();
      resolve(win);
    };
    setup(frame);
    document.body.appendChild(frame);
  });
}

defineCase('iframe-same-origin', async function iframeSameOrigin() {
  var win = await h2Frame(function (frame) { frame.src = 'web/heldout2/frame.html?embed=1#panel'; });
  win./*@h2-iframe-call*/renderWidget/*@h2-iframe-call:jsc*/({ price: 'free' });
});

defineCase('iframe-srcdoc', async function iframeSrcdoc() {
  var html = await (await fetch('web/heldout2/srcdoc.html')).text();
  var win = await h2Frame(function (frame) { frame.srcdoc = html; });
  win./*@h2-srcdoc-call*/submitForm/*@h2-srcdoc-call:jsc*/({ email: 'ada.example.com' });
});

// A module that throws while it is evaluated, and one that throws after a
// top-level await, both imported by a page in an iframe.
defineCase('dynamic-import-throws', async function dynamicImportThrows() {
  var win = await h2Frame(function (frame) { frame.src = 'web/heldout2/importer.html'; });
  await win.importThrowing();
});

defineCase('top-level-await-throws', async function topLevelAwaitThrows() {
  var win = await h2Frame(function (frame) { frame.src = 'web/heldout2/importer.html'; });
  await win.importTopLevelAwait();
});

// A Vite dev server's module URLs: /@fs/ paths, ?t= and ?v= queries, a
// pre-bundled dependency chunk under node_modules/.vite.
defineCase('vite-dev-modules', function viteDevModules() {
  return import('/@fs/srv/app/src/main.ts?t=1700000000000').then(function onLoaded(main) {
    main./*@h2-vite-call*/mount/*@h2-vite-call:jsc*/({ id: 'app' });
  });
});

function h2Purchase(sku) {
  h2Fail/*@h2-purchase*/('purchase of ' + sku);
}

// <button id="h2-buy" onclick="…"> at the end of index.html.
defineCase('inline-onclick-attribute', function inlineOnclickAttribute() {
  return /*@h2-onclick-case*/h2Uncaught/*@h2-onclick-case:jsc*/(function () { document.getElementById('h2-buy')./*@h2-click*/click/*@h2-click:jsc*/(); });
});

var H2_JS_URL = "javascript:void(h2JsUrl('#checkout'))";
function h2JsUrl(target) {
  h2Fail/*@h2-jsurl*/('javascript: link to ' + target);
}

defineCase('javascript-url', function javascriptUrl() {
  return h2Uncaught(function () {
    var link = document.createElement('a');
    link.href = H2_JS_URL;
    document.body.appendChild(link);
    link.click();
  });
});

function h2TimerString(what) {
  h2Fail/*@h2-timer-string*/('timer string ' + what);
}

defineCase('settimeout-string', function setTimeoutString() {
  return /*@h2-settimeout-case*/h2Uncaught/*@h2-settimeout-case:jsc*/(function () {
    /*@h2-settimeout*/setTimeout/*@h2-settimeout:jsc*/("h2TimerString('poll')", 0);
  });
});

defineCase('request-animation-frame', function requestAnimationFrameCase() {
  return new Promise(function (resolve, reject) {
    requestAnimationFrame(function onFrame(time) {
      try {
        h2Fail/*@h2-raf*/('animation frame');
      } catch (e) {
        reject(e);
      }
    });
  });
});

defineCase('mutation-observer-callback', function mutationObserverCallback() {
  return new Promise(function (resolve, reject) {
    var list = document.createElement('ul');
    var observer = new MutationObserver(function onMutations(records) {
      observer.disconnect();
      try {
        h2Fail/*@h2-mo*/('mutation of ' + records.length);
      } catch (e) {
        reject(e);
      }
    });
    observer.observe(list, { childList: true });
    list.appendChild(document.createElement('li'));
  });
});

var H2_CAUGHT = null;
class H2PriceTag extends HTMLElement {
  connectedCallback() {
    try {
      h2Fail/*@h2-ce*/('connected ' + this.localName);
    } catch (e) {
      H2_CAUGHT = e;
    }
  }
}
customElements.define('h2-price-tag', H2PriceTag);

defineCase('custom-element-callback', function customElementCallback() {
  var tag = document.createElement('h2-price-tag');
  document.body./*@h2-ce-append*/appendChild/*@h2-ce-append:jsc*/(tag);
  tag.remove();
  throw H2_CAUGHT;
});

// Nothing listens on port 9 of 127.0.0.1.
defineCase('fetch-network-error', async function fetchNetworkError() {
  await /*@h2-fetch*/fetch/*@h2-fetch:jsc*/('http://127.0.0.1:9/api/orders?page=2');
});
