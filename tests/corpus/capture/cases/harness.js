// Shared by every engine (Chromium, Firefox, the jsc shell, Node through vm).
// Case files call defineCase(); a driver calls startCase(name) and receives one
// result per case through HARNESS.onResult. Each case runs from a fresh timer
// task, so the oldest frame of a synchronous case is always runCase below.
//
// Markers: `/*@id*/` marks the character right after the comment; the Firefox
// and JSC expectations refer to them (`/*@id:jsc*/` overrides for JSC, whose
// call columns point at the `(` rather than at the callee).
var CASES = Object.create(null);
var HARNESS = { onResult: null };

function defineCase(name, run) {
  if (CASES[name]) throw new Error('duplicate case ' + name);
  CASES[name] = run;
}

function finishCase(name, error, threw) {
  var result = { case: name, threw: threw };
  if (threw) {
    result.isError = error instanceof Error;
    result.name = error == null || error.name === undefined ? '' : String(error.name);
    result.message = error == null || error.message === undefined ? '' : String(error.message);
    result.stack = error == null ? undefined : error.stack;
    if (typeof V8REC !== 'undefined') result.v8 = V8REC.take(error);
  }
  HARNESS.onResult(result);
}

function runCase() {
  var name = NEXT_CASE;
  var run = CASES[name];
  var result;
  try {
    result = /*@h-run*/run/*@h-run:jsc*/();
  } catch (e) {
    finishCase(name, e, true);
    return;
  }
  if (result && typeof result.then === 'function') {
    result.then(function () { finishCase(name, null, false); }, function (e) { finishCase(name, e, true); });
  } else {
    finishCase(name, null, false);
  }
}

// The name travels through a global: the jsc shell's setTimeout passes no
// extra arguments, and a wrapper closure would add a frame below runCase.
var NEXT_CASE = null;
function startCase(name) {
  NEXT_CASE = name;
  setTimeout(runCase, 0);
}
