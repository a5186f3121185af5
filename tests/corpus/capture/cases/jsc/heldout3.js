// Third held-out round, jsc shell: the loader of the shared wasm cases
// (shared/heldout3.js: `new WebAssembly.Instance` of bytes read with the
// shell's readFile), and JavaScriptCore's own frame shapes: `global code` of
// files run by load() (nested too, under `load@[native code]`), an async
// static method resumed after await, yield* delegation, an async generator
// and a thenable resumed from the job queue, `String@[native code]`, a sort
// comparator that evals, a bound `new Function` called with apply, a Proxy
// set trap, module code importing another module.
(function () {
  var bytes = function (m) { return new Uint8Array(readFile('wasm/' + m + '.wasm', 'binary')); };
  var inst = function (m, imports) { return new WebAssembly.Instance(new WebAssembly.Module(bytes(m)), imports); };
  H3B.start = bytes('h3-start');
  H3B.evald = bytes('h3-evald');
  H3W.names = inst('h3-names');
  H3W.partial = inst('h3-partial');
  H3W.empty = inst('h3-empty');
  H3W.traps = inst('h3-traps');
  H3W.linker = inst('h3-linker', H3_IMPORTS.linker());
  H3W.bounceToNames = inst('h3-bounce', H3_IMPORTS.bounceToNames);
  // compiled once, instantiated twice
  var bounce = new WebAssembly.Module(bytes('h3-bounce'));
  H3W.twinA = new WebAssembly.Instance(bounce, H3_IMPORTS.twinA);
  H3W.twinB = new WebAssembly.Instance(bounce, H3_IMPORTS.twinB);
  H3W.builtin = inst('h3-builtin', H3_IMPORTS.builtin);
})();

function h3jFail(what) {
  throw new Error/*@h3j-throw*/('failed in ' + what);
}

defineCase('load-global-code', function loadGlobalCode() {
  load/*@h3j-load*/('h3/global-throws.js');
});

defineCase('load-nested-global-code', function loadNestedGlobalCode() {
  load/*@h3j-load-nested*/('h3/loads-another.js');
});

class H3Repo {
  static async open(id) {
    await null;
    var repo = new H3Repo();
    repo.parse/*@h3j-am-parse*/(id);
  }
  parse(id) {
    h3jFail/*@h3j-am-fail*/('parse ' + id);
  }
}
defineCase('async-static-method-after-await', function asyncStaticMethodAfterAwait() {
  return H3Repo.open/*@h3j-am-open*/(7);
});

function* h3jInner() {
  yield 1;
  h3jFail/*@h3j-gd-fail*/('delegated');
}
function* h3jOuter() {
  yield* /*@h3j-gd-yield:jsc-next*/h3jInner();
}
defineCase('generator-yield-delegate', function generatorYieldDelegate() {
  var g = h3jOuter();
  g.next();
  g.next/*@h3j-gd-next*/();
});

async function* h3jRows() {
  yield 1;
  await null;
  h3jFail/*@h3j-ag-fail*/('row 2');
}
defineCase('async-generator-after-await', async function asyncGeneratorAfterAwait() {
  for await (var row of h3jRows()) {
    row;
  }
});

defineCase('await-thenable', async function awaitThenable() {
  await {
    then: function then(resolve) {
      h3jFail/*@h3j-th-fail*/('thenable');
    },
  };
});

defineCase('string-constructor-coercion', function stringConstructorCoercion() {
  return String/*@h3j-str*/({ toString: function toString() { h3jFail/*@h3j-str-fail*/('toString'); } });
});

defineCase('sort-comparator-eval', function sortComparatorEval() {
  return [2, 1].sort/*@h3j-sort*/(function (a, b) { return eval/*@h3j-sort-eval*/("h3jFail('compare ' + a)"); });
});

defineCase('bound-new-function-apply', function boundNewFunctionApply() {
  var check = new Function('what', "h3jFail('from Function ' + what);").bind(null);
  return check.apply/*@h3j-bfa*/(null, ['apply']);
});

defineCase('proxy-set-trap', function proxySetTrap() {
  var settings = new Proxy({}, { set: function set(target, key) { h3jFail/*@h3j-ps-fail*/('set ' + key); } });
  settings/*@h3j-ps-set:jsc-next*/.theme = 'dark';
});

defineCase('module-code-import-chain', function moduleCodeImportChain() {
  return import('../modules/h3/entry.mjs');
});
