// Classes, object literal methods, aliases, anonymous functions, `new` frames.
class Widget {
  constructor(label) {
    this.label = label;
    if (label === 'bad') throw /*@w-ctor-throw*/new Error/*@w-ctor-throw:jsc*/('bad widget label');
  }
  render() {
    throw /*@w-render-throw*/new Error/*@w-render-throw:jsc*/('cannot render ' + this.label);
  }
  static create(label) {
    return /*@w-create*/new Widget/*@w-create:jsc*/(label);
  }
  get size() {
    throw /*@w-get-throw*/new Error/*@w-get-throw:jsc*/('no size');
  }
  set size(v) {
    throw /*@w-set-throw*/new Error/*@w-set-throw:jsc*/('size is read-only: ' + v);
  }
  #secret() {
    throw /*@w-private-throw*/new Error/*@w-private-throw:jsc*/('private method failed');
  }
  reveal() {
    return this.#secret/*@w-reveal*/();
  }
}

defineCase('class-constructor', function classConstructor() {
  return /*@cc-new*/new Widget/*@cc-new:jsc*/('bad');
});

defineCase('class-method', function classMethod() {
  var w = new Widget('ok');
  w./*@cm-call*/render/*@cm-call:jsc*/();
});

defineCase('class-static-method', function classStaticMethod() {
  Widget./*@cs-call*/create/*@cs-call:jsc*/('bad');
});

defineCase('class-getter', function classGetter() {
  var w = new Widget('ok');
  /*@cg-get*/return w/*@cg-get:jsc-next*/.size;
});

defineCase('class-setter', function classSetter() {
  var w = new Widget('ok');
  /*@cset-set*/w/*@cset-set:jsc-next*/.size = 3;
});

defineCase('class-private-method', function classPrivateMethod() {
  new Widget('ok')./*@cp-call*/reveal/*@cp-call:jsc*/();
});

var api = {
  fetchData: function fetchData(id) {
    throw /*@api-throw*/new Error/*@api-throw:jsc*/('fetch failed for ' + id);
  },
  shorthand(id) {
    return this./*@api-short-call*/fetchData/*@api-short-call:jsc*/(id);
  },
};

defineCase('object-literal-method', function objectLiteralMethod() {
  api./*@olm-call*/shorthand/*@olm-call:jsc*/(1);
});

defineCase('method-alias', function methodAlias() {
  var obj = { n: 2 };
  obj.load = api.fetchData;
  obj./*@alias-call*/load/*@alias-call:jsc*/(obj.n);
});

defineCase('anonymous-function', function anonymousFunction() {
  (function () {
    throw /*@anon-throw*/new Error/*@anon-throw:jsc*/('from an anonymous function');
  })/*@anon-call*/();
});

defineCase('arrow-functions', function arrowFunctions() {
  var named = (x) => [x]./*@arrow-map*/map/*@arrow-map:jsc*/((y) => {
    throw /*@arrow-throw*/new Error/*@arrow-throw:jsc*/('arrow ' + y);
  });
  named/*@arrow-call*/(5);
});

function Legacy(kind) {
  this.kind = kind;
  this./*@legacy-init*/init/*@legacy-init:jsc*/();
}
Legacy.prototype.init = function () {
  throw /*@legacy-throw*/new Error/*@legacy-throw:jsc*/('legacy init failed: ' + this.kind);
};

function Outer() {
  this.inner = /*@outer-new*/new Legacy/*@outer-new:jsc*/('inner');
}

defineCase('new-frames', function newFrames() {
  return /*@nf-new*/new Outer/*@nf-new:jsc*/();
});
