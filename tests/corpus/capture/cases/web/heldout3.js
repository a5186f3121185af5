// Third held-out round, browsers: the loader of the shared wasm cases
// (shared/heldout3.js), and cases only a page can express: instantiateStreaming
// from a URL with a query holding `@`, `:digits` and parentheses, wasm in a
// dedicated worker and in a blob: worker, `/<` naming several levels deep, an
// anonymous getter given with defineProperty, a function whose name,
// displayName and toString were changed, a data: module script. Uses
// h2RunInWorker / h2RemoteError from the second round.
function h3Bytes(name) {
  return fetch('wasm/' + name + '.wasm').then(function (r) { return r.arrayBuffer(); });
}

function h3Load() {
  var mods = ['h3-names', 'h3-partial', 'h3-empty', 'h3-traps', 'h3-bounce', 'h3-linker', 'h3-builtin', 'h3-start', 'h3-evald'];
  return Promise.all(mods.map(h3Bytes)).then(function (b) {
    var B = {};
    mods.forEach(function (m, i) { B[m] = b[i]; });
    H3B.start = B['h3-start'];
    H3B.evald = B['h3-evald'];
    return Promise.all([
      /*@h3wi-names*/WebAssembly.instantiate(B['h3-names']).then(function (r) { H3W.names = r.instance; }),
      /*@h3wi-partial*/WebAssembly.instantiate(B['h3-partial']).then(function (r) { H3W.partial = r.instance; }),
      /*@h3wi-empty*/WebAssembly.instantiate(B['h3-empty']).then(function (r) { H3W.empty = r.instance; }),
      /*@h3wi-traps*/WebAssembly.instantiate(B['h3-traps']).then(function (r) {
        H3W.traps = r.instance;
        return /*@h3wi-linker*/WebAssembly.instantiate(B['h3-linker'], H3_IMPORTS.linker());
      }).then(function (r) { H3W.linker = r.instance; }),
      /*@h3wi-bounce*/WebAssembly.instantiate(B['h3-bounce'], H3_IMPORTS.bounceToNames).then(function (r) { H3W.bounceToNames = r.instance; }),
      // compiled once, instantiated twice
      /*@h3wc-bounce*/WebAssembly.compile(B['h3-bounce']).then(function (module) {
        return Promise.all([WebAssembly.instantiate(module, H3_IMPORTS.twinA), WebAssembly.instantiate(module, H3_IMPORTS.twinB)]);
      }).then(function (two) { H3W.twinA = two[0]; H3W.twinB = two[1]; }),
      /*@h3wi-builtin*/WebAssembly.instantiate(B['h3-builtin'], H3_IMPORTS.builtin).then(function (r) { H3W.builtin = r.instance; }),
      WebAssembly.instantiateStreaming(fetch('wasm/h3-streamed.wasm?v=1.2.3&u=a@b:1:2&cb=(1)'))
        .then(function (r) { H3W.streamed = r.instance; }),
      fetch('web/heldout3/blob-worker.js').then(function (r) { return r.text(); }).then(function (text) {
        URLS.h3BlobWorker = URL.createObjectURL(new Blob([text], { type: 'text/javascript' }));
      }),
      fetch('web/heldout3/data-module.mjs').then(function (r) { return r.text(); }).then(function (text) {
        URLS.h3DataModule = 'data:text/javascript,' + encodeURIComponent(text);
        return new Promise(function (resolve, reject) {
          var s = document.createElement('script');
          s.type = 'module';
          s.src = URLS.h3DataModule;
          s.onload = resolve;
          s.onerror = function () { reject(new Error('could not load the data: module')); };
          document.head.appendChild(s);
        });
      }),
    ]);
  });
}
READY = Promise.all([READY, h3Load()]).then(function (r) { return r[0]; });

defineCase('wasm-instantiate-streaming-query', function wasmInstantiateStreamingQuery() {
  H3W.streamed.exports./*@h3-streamed*/run/*@h3-streamed:jsc*/();
});

var h3Workers = {};
defineCase('wasm-in-dedicated-worker', function wasmInDedicatedWorker() {
  h3Workers.wasm = h3Workers.wasm || new Worker('web/heldout3/wasm-worker.js?v=3');
  return h2RunInWorker(h3Workers.wasm, { job: 'encode' });
});

defineCase('wasm-in-blob-worker', function wasmInBlobWorker() {
  h3Workers.blob = h3Workers.blob || new Worker(URLS.h3BlobWorker);
  return h2RunInWorker(h3Workers.blob, { job: 'decode' });
});

function h3Fail(what) {
  throw /*@h3-throw*/new Error/*@h3-throw:jsc*/('failed in ' + what);
}

// Anonymous functions inside anonymous functions inside a method of an object
// literal inside a named function.
defineCase('deep-anonymous-naming', function deepAnonymousNaming() {
  var api = {
    load: function () {
      return [1]./*@h3-dn-map1*/map/*@h3-dn-map1:jsc*/(function () {
        return [2]./*@h3-dn-map2*/map/*@h3-dn-map2:jsc*/((x) => {
          var run = () => (function () { h3Fail/*@h3-dn-fail*/('deep ' + x); })/*@h3-dn-iife:jsc*//*@h3-dn-iife*/();
          return /*@h3-dn-run*/run/*@h3-dn-run:jsc*/();
        });
      });
    },
  };
  return api./*@h3-dn-load*/load/*@h3-dn-load:jsc*/();
});

defineCase('getter-from-defineproperty', function getterFromDefineProperty() {
  var order = {};
  Object.defineProperty(order, 'total', { get: function () { h3Fail/*@h3-gd-fail*/('total'); } });
  /*@h3-gd-get*/return order/*@h3-gd-get:jsc-next*/.total;
});

function h3Original() {
  h3Fail/*@h3-ren-fail*/('renamed');
}
Object.defineProperty(h3Original, 'name', { value: 'Renamed Fn' });
h3Original.displayName = 'Display Name';
h3Original.toString = function () { return 'function fake() {}'; };

defineCase('function-renamed-displayname-tostring', function functionRenamedDisplayNameToString() {
  /*@h3-ren-call*/h3Original/*@h3-ren-call:jsc*/();
});

defineCase('data-module-script', function dataModuleScript() {
  /*@h3-dm-call*/h3DataModule/*@h3-dm-call:jsc*/();
});
