// V8 only (Node and Chromium): ground truth from V8's structured call sites.
// While installed, Error.prepareStackTrace records every CallSite field of an
// error and returns V8's default format rebuilt from callsite.toString(); the
// driver compares that with the real stack of an identical run made without
// the hook.
var V8REC = (function () {
  var records = new WeakMap();
  var METHODS = ['getFunctionName', 'getTypeName', 'getMethodName', 'getFileName',
    'getScriptNameOrSourceURL', 'getLineNumber', 'getColumnNumber', 'isEval', 'getEvalOrigin',
    'isNative', 'isToplevel', 'isConstructor', 'isAsync', 'isPromiseAll', 'getPromiseIndex',
    'getEnclosingLineNumber', 'getEnclosingColumnNumber', 'getPosition', 'getScriptHash'];
  function record(cs) {
    var r = {};
    METHODS.forEach(function (m) {
      var v;
      try { v = cs[m](); } catch (e) { v = { threw: String(e) }; }
      r[m] = v === undefined ? null : v;
    });
    r.toString = cs.toString();
    return r;
  }
  // The header as the embedder writes it: Node formats its own errors (their
  // prototype carries the kIsNodeError symbol) as `name [code]: message`
  // (lib/internal/errors.js, prepareStackTraceCallback), the rest as
  // Error.prototype.toString does.
  function headerOf(error) {
    for (var p = error; p !== null && (typeof p === 'object' || typeof p === 'function'); p = Object.getPrototypeOf(p)) {
      if (Object.getOwnPropertySymbols(p).some(function (s) { return s.description === 'kIsNodeError'; })) {
        return error.name + ' [' + error.code + ']: ' + error.message;
      }
    }
    return Error.prototype.toString.call(error);
  }
  function hook(error, callsites) {
    var frames = callsites.map(record);
    var header = headerOf(error);
    var stack = header + frames.map(function (f) { return '\n    at ' + f.toString; }).join('');
    records.set(error, { header: header, frames: frames, stack: stack });
    return stack;
  }
  return {
    install: function () { Error.prepareStackTrace = hook; },
    uninstall: function () { delete Error.prepareStackTrace; },
    take: function (error) {
      if (error === null || (typeof error !== 'object' && typeof error !== 'function')) return null;
      var r = records.get(error);
      return r || null;
    },
  };
})();
