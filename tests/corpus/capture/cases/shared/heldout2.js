// Second held-out round, shared by every engine: builtins that call back
// (reduce, flatMap, find, Promise.prototype.finally, a getter under
// JSON.stringify), Error.captureStackTrace on a plain object,
// Error.stackTraceLimit lowered and raised, async recursion 30 deep,
// EventTarget/CustomEvent, MessageChannel and structuredClone where the
// engine has them. Classic script, sloppy.

// Errors made in another realm or thread (a worker, an iframe, a Node worker
// thread) reach the harness as a plain record { name, message, stack } with,
// for V8, the call sites the other realm's recorder kept (`remoteV8`); an
// iframe's own recorder is asked through H2_REALMS.
var H2_REALMS = [];
if (typeof V8REC !== 'undefined') {
  V8REC.take = (function (take) {
    return function (error) {
      if (error !== null && typeof error === 'object' && error.remoteV8) return error.remoteV8;
      var r = take(error);
      for (var i = 0; !r && i < H2_REALMS.length; i++) r = H2_REALMS[i].take(error);
      return r;
    };
  })(V8REC.take);
}
function h2RemoteError(r) {
  return { name: r.name, message: r.message, stack: r.stack, remoteV8: r.v8 || null };
}
// Whether this run records V8 call sites (the driver installed the recorder).
function h2Structured() {
  return typeof V8REC !== 'undefined' && typeof Error.prepareStackTrace === 'function';
}

function h2Fail(what) {
  throw /*@h2-throw*/new Error/*@h2-throw:jsc*/('failed in ' + what);
}

defineCase('array-reduce-callback', function arrayReduceCallback() {
  return [1, 2]./*@h2-reduce-call*/reduce/*@h2-reduce-call:jsc*/(function sumUp(total, x) {
    h2Fail/*@h2-reduce-cb*/('reduce ' + x);
  }, 0);
});

defineCase('array-flatmap-callback', function arrayFlatMapCallback() {
  return [[1], [2]]./*@h2-flatmap-call*/flatMap/*@h2-flatmap-call:jsc*/(function expand(row) {
    h2Fail/*@h2-flatmap-cb*/('flatMap ' + row);
  });
});

defineCase('array-find-arrow', function arrayFindArrow() {
  return ['a', 'b']./*@h2-find-call*/find/*@h2-find-call:jsc*/((item) => h2Fail/*@h2-find-cb*/('find ' + item));
});

defineCase('promise-finally-callback', function promiseFinallyCallback() {
  return Promise.resolve('done').finally(function onSettled() {
    h2Fail/*@h2-finally-cb*/('finally');
  });
});

defineCase('json-stringify-getter', function jsonStringifyGetter() {
  var invoice = {
    id: 7,
    get total() {
      return /*@h2-getter-call*/h2Fail/*@h2-getter-call:jsc*/('getter of invoice ' + this.id);
    },
  };
  return JSON./*@h2-stringify*/stringify/*@h2-stringify:jsc*/(invoice);
});

// A plain object given a stack, with the frames from the reporting function
// up left out (what libraries do for their own error records).
function h2MakeReport(code) {
  var report = { name: 'ApiFailure', message: 'quota exceeded (' + code + ')' };
  Error.captureStackTrace(report, h2MakeReport);
  return report;
}
function h2CallApi(code) {
  var report = h2MakeReport/*@h2-cst-call*/(code);
  throw report;
}

defineCase('capture-stack-trace-plain-object', function captureStackTracePlainObject() {
  h2CallApi/*@h2-cst-outer*/(429);
});

function h2Layer(n) {
  if (n === 0) h2Fail/*@h2-layer-throw*/('layer');
  return /*@h2-layer-call*/h2Layer/*@h2-layer-call:jsc*/(n - 1);
}
function h2WithLimit(limit, depth) {
  var saved = Error.stackTraceLimit;
  Error.stackTraceLimit = limit;
  try {
    return /*@h2-limit-run*/h2Layer/*@h2-limit-run:jsc*/(depth);
  } finally {
    Error.stackTraceLimit = saved;
  }
}

defineCase('stack-trace-limit-1', function stackTraceLimit1() {
  return /*@h2-limit1*/h2WithLimit/*@h2-limit1:jsc*/(1, 3);
});

// 60 layers deep, 50 frames kept: the oldest ones are cut.
defineCase('stack-trace-limit-50', function stackTraceLimit50() {
  return /*@h2-limit50*/h2WithLimit/*@h2-limit50:jsc*/(50, 60);
});

async function h2Descend(n) {
  if (n === 0) {
    await null;
    throw /*@h2-async-throw*/new Error/*@h2-async-throw:jsc*/('async recursion bottomed out');
  }
  await /*@h2-async-call*/h2Descend/*@h2-async-call:jsc*/(n - 1);
}

defineCase('async-recursion-30', function asyncRecursion30() {
  return /*@h2-async-start*/h2Descend/*@h2-async-start:jsc*/(30);
});

// The error is made after the first await, while the limit is still 50.
defineCase('async-recursion-30-limit-50', function asyncRecursion30Limit50() {
  var saved = Error.stackTraceLimit;
  Error.stackTraceLimit = 50;
  return h2Descend/*@h2-async50-start*/(30).finally(function () {
    Error.stackTraceLimit = saved;
  });
});

// No EventTarget, CustomEvent, MessageChannel or structuredClone in the jsc shell.
if (typeof EventTarget === 'function' && typeof CustomEvent === 'function') {
  defineCase('event-target-custom-event', function eventTargetCustomEvent() {
    var bus = new EventTarget();
    var caught = null;
    bus.addEventListener('cart:update', function onCartUpdate(event) {
      try {
        h2Fail/*@h2-et-cb*/('listener of ' + event.type + ' ' + event.detail.sku);
      } catch (e) {
        caught = e;
      }
    });
    bus./*@h2-et-dispatch*/dispatchEvent/*@h2-et-dispatch:jsc*/(new CustomEvent('cart:update', { detail: { sku: 'A-1' } }));
    throw caught;
  });
}

if (typeof MessageChannel === 'function') {
  defineCase('message-channel-handler', function messageChannelHandler() {
    return new Promise(function (resolve, reject) {
      var channel = new MessageChannel();
      channel.port1.onmessage = function onPortMessage(event) {
        channel.port1.close();
        try {
          h2Fail/*@h2-mc-cb*/('message ' + event.data.kind);
        } catch (e) {
          reject(e);
        }
      };
      channel.port2.postMessage({ kind: 'sync' });
    });
  });
}

if (typeof structuredClone === 'function') {
  defineCase('structured-clone-function', function structuredCloneFunction() {
    var state = { user: 'ada', onChange: function onChange() {} };
    return /*@h2-sc-call*/structuredClone/*@h2-sc-call:jsc*/(state);
  });
}

// Getters run by object spread (CopyDataProperties), a Symbol.toPrimitive
// method run by a template literal, a class-field arrow handler (React class
// components), a method reached through super.
defineCase('object-spread-getter', function objectSpreadGetter() {
  var session = {
    get token() {
      return /*@h2-spread-get*/h2Fail/*@h2-spread-get:jsc*/('token getter');
    },
  };
  return /*@h2-spread:jsc-next*/{ /*@h2-spread*/...session };
});

defineCase('template-literal-toprimitive', function templateLiteralToPrimitive() {
  // JSC points the caller's frame at the `.` of the method's computed key
  var money = {
    [Symbol/*@h2-prim:jsc-next*/.toPrimitive](hint) {
      return /*@h2-prim-call*/h2Fail/*@h2-prim-call:jsc*/('toPrimitive ' + hint);
    },
  };
  return `total: ${/*@h2-prim*/money}`;
});

class H2Cart {
  handleClick = (event) => {
    h2Fail/*@h2-field-call*/('click on ' + event.target);
  };
}

defineCase('class-field-arrow-handler', function classFieldArrowHandler() {
  var cart = /*@h2-field-new*/new H2Cart/*@h2-field-new:jsc*/();
  cart./*@h2-field-click*/handleClick/*@h2-field-click:jsc*/({ target: 'checkout' });
});

class H2BaseView {
  render(data) {
    // not in return position: JSC makes strict tail calls proper (no frame)
    var html = h2Fail/*@h2-super-base*/('render of ' + data.length + ' rows');
    return html;
  }
}
class H2TableView extends H2BaseView {
  render(data) {
    var html = super./*@h2-super-call*/render/*@h2-super-call:jsc*/(data);
    return html;
  }
}

defineCase('super-method-call', function superMethodCall() {
  new H2TableView()./*@h2-super-outer*/render/*@h2-super-outer:jsc*/([1, 2]);
});

// More frames than a parser may keep: 290 layers under a limit of 300
// (V8 and JSC print them all; SpiderMonkey keeps its own maximum).
defineCase('stack-trace-limit-300', function stackTraceLimit300() {
  return /*@h2-limit300*/h2WithLimit/*@h2-limit300:jsc*/(300, 290);
});

// A message that embeds another error's stack (as child_process and HTTP
// clients write them), prefixed by a wrapper after the stack was read: the
// header V8 wrote keeps the old message.
defineCase('message-with-stack-changed-after-read', function messageWithStackChangedAfterRead() {
  var upstream = new Error('upstream timed out');
  var failure = /*@h2-mwsc-new*/new Error/*@h2-mwsc-new:jsc*/('request failed\n' + upstream.stack);
  void failure.stack; // logged once
  failure.message = 'GET /api/orders: ' + failure.message;
  throw failure;
});

// A validator compiled with new Function (as Ajv does) inside a module that a
// webpack dev build evaluates under a namespaced sourceURL (webpack://@scope/…).
var H2_VALIDATOR_BODY = /*@h2-esf-body*/"if (typeof data.id !== 'number') throw /*@h2-esf-throw*/new TypeError('data/id must be number');";

defineCase('eval-sourceurl-new-function', function evalSourceUrlNewFunction() {
  /*@h2-esf-call*/eval/*@h2-esf-call:jsc*/(/*@h2-esf-src*/"function compileSchema(schema) {\n  return /*@h2-esf-ctor*/new Function('data', H2_VALIDATOR_BODY);\n}\nvar validate = compileSchema({});\nvalidate/*@h2-esf-run*/({ id: 'x' });\n//# sourceURL=webpack://@acme/storefront/./node_modules/ajv/dist/compile/index.js?");
});
