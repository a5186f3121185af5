// Third held-out round, browsers: asynchronous callbacks of every kind that
// SpiderMonkey names in an async stack (`promise callback*`, `async*`,
// `setTimeout handler*`, `setInterval handler*`, `FrameRequestCallback*`,
// `EventListener.handleEvent*`, `MutationCallback*`, `EventHandlerNonNull*`,
// `VoidFunction*`), and a wasm trap in a promise callback. Chromium runs them
// on the main page like any case; Firefox runs them on web/heldout3/async.html
// with async stacks on, as with its devtools open.
var H3A = {};
var H3A_LOAD = fetch('/corpus/wasm/h3-later.wasm').then(function (r) { return r.arrayBuffer(); })
  .then(function (bytes) { return /*@h3aw-inst*/WebAssembly.instantiate(bytes); })
  .then(function (r) { H3A.later = r.instance; });
if (typeof READY !== 'undefined') READY = Promise.all([READY, H3A_LOAD]).then(function (r) { return r[0]; });

function h3aFail(what) {
  throw /*@h3a-throw*/new Error/*@h3a-throw:jsc*/('async failure in ' + what);
}
// Runs `body` and turns what it throws into the rejection of the case.
function h3aCatch(reject, body) {
  try {
    /*@h3a-body*/body/*@h3a-body:jsc*/();
  } catch (e) {
    reject(e);
  }
}

defineCase('async-cause-promise-then-chain', function asyncCausePromiseThenChain() {
  return Promise.resolve(1)./*@h3a-then1*/then/*@h3a-then1:jsc*/(function firstStep(v) { return v + 1; })
    ./*@h3a-then2*/then/*@h3a-then2:jsc*/(function secondStep(v) { h3aFail/*@h3a-then-fail*/('step ' + v); });
});

defineCase('async-cause-settimeout-nested', function asyncCauseSetTimeoutNested() {
  return /*@h3a-st-new*/new Promise/*@h3a-st-new:jsc*/(function (resolve, reject) {
    setTimeout/*@h3a-st-outer*/(function outerTimer() {
      setTimeout/*@h3a-st-inner*/(function innerTimer() {
        h3aCatch/*@h3a-st-catch*/(reject, function () { h3aFail/*@h3a-st-fail*/('inner timer'); });
      }, 0);
    }, 0);
  });
});

defineCase('async-cause-setinterval', function asyncCauseSetInterval() {
  return /*@h3a-si-new*/new Promise/*@h3a-si-new:jsc*/(function (resolve, reject) {
    var id = setInterval/*@h3a-si*/(function onInterval() {
      clearInterval(id);
      h3aCatch/*@h3a-si-catch*/(reject, function () { h3aFail/*@h3a-si-fail*/('interval'); });
    }, 0);
  });
});

defineCase('async-cause-request-animation-frame', function asyncCauseRequestAnimationFrame() {
  return /*@h3a-raf-new*/new Promise/*@h3a-raf-new:jsc*/(function (resolve, reject) {
    requestAnimationFrame/*@h3a-raf*/(function onAnimationFrame() {
      h3aCatch/*@h3a-raf-catch*/(reject, function () { h3aFail/*@h3a-raf-fail*/('frame'); });
    });
  });
});

defineCase('async-cause-eventlistener-handleevent', function asyncCauseEventListenerHandleEvent() {
  return /*@h3a-el-new*/new Promise/*@h3a-el-new:jsc*/(function (resolve, reject) {
    var channel = new MessageChannel();
    channel.port1./*@h3a-el-add*/addEventListener/*@h3a-el-add:jsc*/('message', {
      handleEvent: function (event) {
        h3aCatch/*@h3a-el-catch*/(reject, function () { h3aFail/*@h3a-el-fail*/('message ' + event.data); });
      },
    });
    channel.port1.start();
    channel.port2.postMessage('ping');
  });
});

defineCase('async-cause-mutation-observer', function asyncCauseMutationObserver() {
  return /*@h3a-mo-new*/new Promise/*@h3a-mo-new:jsc*/(function (resolve, reject) {
    var node = document.createElement('div');
    var observer = /*@h3a-mo*/new MutationObserver(function onMutation(records) {
      observer.disconnect();
      h3aCatch/*@h3a-mo-catch*/(reject, function () { h3aFail/*@h3a-mo-fail*/('mutation ' + records.length); });
    });
    observer.observe(node, { attributes: true });
    node.setAttribute('data-state', 'dirty');
  });
});

defineCase('async-cause-message-port-onmessage', function asyncCauseMessagePortOnmessage() {
  return /*@h3a-mp-new*/new Promise/*@h3a-mp-new:jsc*/(function (resolve, reject) {
    var channel = new MessageChannel();
    /*@h3a-mp*/channel.port1.onmessage = function onPortMessage(event) {
      h3aCatch/*@h3a-mp-catch*/(reject, function () { h3aFail/*@h3a-mp-fail*/('port ' + event.data); });
    };
    channel.port2.postMessage('pong');
  });
});

defineCase('async-cause-queue-microtask', function asyncCauseQueueMicrotask() {
  return /*@h3a-qm-new*/new Promise/*@h3a-qm-new:jsc*/(function (resolve, reject) {
    queueMicrotask/*@h3a-qm*/(function onMicrotask() {
      h3aCatch/*@h3a-qm-catch*/(reject, function () { h3aFail/*@h3a-qm-fail*/('microtask'); });
    });
  });
});

async function* h3aPages() {
  yield 1;
  await null;
  h3aFail/*@h3a-ag-fail*/('page 2');
}
defineCase('async-cause-async-generator', async function asyncCauseAsyncGenerator() {
  /*@h3a-ag-for*/for await (var page /*@h3a-ag-for:jsc-next*/of /*@h3a-ag-call*/h3aPages/*@h3a-ag-call:jsc*/()) {
    page;
  }
});

async function h3aLeaf() {
  await null;
  h3aFail/*@h3a-aw-fail*/('leaf');
}
async function h3aMiddle() {
  await /*@h3a-aw-leaf*/h3aLeaf/*@h3a-aw-leaf:jsc*/();
}
defineCase('async-cause-await-chain', async function asyncCauseAwaitChain() {
  await null;
  await /*@h3a-aw-middle*/h3aMiddle/*@h3a-aw-middle:jsc*/();
});

defineCase('async-cause-settimeout-after-await', async function asyncCauseSetTimeoutAfterAwait() {
  await null;
  await /*@h3a-sa-new*/new Promise/*@h3a-sa-new:jsc*/(function (resolve, reject) {
    setTimeout/*@h3a-sa*/(function afterAwait() {
      h3aCatch/*@h3a-sa-catch*/(reject, function () { h3aFail/*@h3a-sa-fail*/('timer after await'); });
    }, 0);
  });
});

defineCase('async-wasm-in-promise-callback', function asyncWasmInPromiseCallback() {
  return Promise.resolve()./*@h3a-wasm-then*/then/*@h3a-wasm-then:jsc*/(function onTick() {
    H3A.later.exports./*@h3a-wasm-call*/tick/*@h3a-wasm-call:jsc*/();
  });
});
