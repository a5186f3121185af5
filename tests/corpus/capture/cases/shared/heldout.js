// Held-out shapes: unusual function names, proxies and reflection, class
// static blocks and field initializers, async generators and promise
// combinators, builtins that call back, coercion, eval inside new Function
// inside eval, sloppy-mode `with` and arguments.callee. Classic script, sloppy.

// Functions named by string-literal keys: every engine prints these names as is.
var oddNames = {
  'user@host': function (n) {
    throw /*@ho-at-throw*/new Error/*@ho-at-throw:jsc*/('name with an at sign ' + n);
  },
  'glob*match': function (n) {
    throw /*@ho-star-throw*/new Error/*@ho-star-throw:jsc*/('name with a star ' + n);
  },
  'first line\nsecond line': function (n) {
    throw /*@ho-nl-throw*/new Error/*@ho-nl-throw:jsc*/('name with a line break ' + n);
  },
  'retry (attempt 2) at step': function (n) {
    throw /*@ho-paren-throw*/new Error/*@ho-paren-throw:jsc*/('name with parentheses ' + n);
  },
  'open (paren': function (n) {
    /*@ho-unb-eval*/eval/*@ho-unb-eval:jsc*/(/*@ho-unb-src*/"throw /*@ho-unb-throw*/new Error('eval in a function named with an open paren ' + n)");
  },
  'v2:10:20': function (n) {
    throw /*@ho-colon-throw*/new Error/*@ho-colon-throw:jsc*/('name with colon digits ' + n);
  },
};

defineCase('name-with-at-sign', function nameWithAtSign() {
  var f = oddNames['user@host'];
  f/*@ho-at-call*/(1);
});

defineCase('name-with-star', function nameWithStar() {
  var f = oddNames['glob*match'];
  f/*@ho-star-call*/(2);
});

defineCase('name-with-newline', function nameWithNewline() {
  var f = oddNames['first line\nsecond line'];
  f/*@ho-nl-call*/(3);
});

defineCase('name-with-parentheses', function nameWithParentheses() {
  var f = oddNames['retry (attempt 2) at step'];
  f/*@ho-paren-call*/(4);
});

defineCase('name-unbalanced-paren-eval', function nameUnbalancedParenEval() {
  var f = oddNames['open (paren'];
  f/*@ho-unb-call*/(5);
});

defineCase('name-with-colon-digits', function nameWithColonDigits() {
  var f = oddNames['v2:10:20'];
  f/*@ho-colon-call*/(6);
});

// Names given with Object.defineProperty: V8 prints the `name` property,
// SpiderMonkey and JSC the name the function was written with.
function sessionStart(n) {
  retryJob/*@ho-kw-inner*/(n);
}
function retryJob(n) {
  throw /*@ho-kw-throw*/new Error/*@ho-kw-throw:jsc*/('defined names ' + n);
}
Object.defineProperty(sessionStart, 'name', { value: 'new Session' });
Object.defineProperty(retryJob, 'name', { value: 'async retry' });

defineCase('defined-name-keyword-prefix', function definedNameKeywordPrefix() {
  sessionStart/*@ho-kw-call*/(7);
});

// A function whose name is the contextual keyword `async`.
function async(n) {
  throw /*@ho-async-throw*/new Error/*@ho-async-throw:jsc*/('a function named async ' + n);
}

defineCase('function-named-async', function functionNamedAsync() {
  async/*@ho-async-call*/(8);
});

function ünïcødé_名前(n) {
  throw /*@ho-uni-throw*/new Error/*@ho-uni-throw:jsc*/('unicode identifier ' + n);
}
var Ωmega = {
  método: function método(n) {
    ünïcødé_名前/*@ho-uni-inner*/(n);
  },
};

defineCase('unicode-identifiers', function unicodeIdentifiers() {
  Ωmega./*@ho-uni-call*/método/*@ho-uni-call:jsc*/(9);
});

defineCase('symbol-iterator-method', function symbolIteratorMethod() {
  var iterable = {
    [Symbol.iterator]() {
      throw /*@ho-sym-throw*/new Error/*@ho-sym-throw:jsc*/('iterator failed');
    },
  };
  for (var x /*@ho-sym-call:jsc-next*/of /*@ho-sym-call*/iterable) {
    return x;
  }
});

defineCase('computed-member-assignment', function computedMemberAssignment() {
  var handlers = {};
  var key = 'onSave';
  handlers[key] = function () {
    throw /*@ho-cma-throw*/new Error/*@ho-cma-throw:jsc*/('computed member');
  };
  handlers./*@ho-cma-call*/onSave/*@ho-cma-call:jsc*/();
});

defineCase('proxy-apply-trap', function proxyApplyTrap() {
  var target = function target() {};
  var proxied = new Proxy(target, {
    apply: function apply(t, thisArg, args) {
      throw /*@ho-pa-throw*/new Error/*@ho-pa-throw:jsc*/('apply trap ' + args[0]);
    },
  });
  proxied/*@ho-pa-call*/(10);
});

defineCase('proxy-get-trap', function proxyGetTrap() {
  var proxied = new Proxy({}, {
    get: function get(t, key) {
      throw /*@ho-pg-throw*/new Error/*@ho-pg-throw:jsc*/('get trap ' + String(key));
    },
  });
  /*@ho-pg-get*/return proxied/*@ho-pg-get:jsc-next*/.missing;
});

function Gadget(kind) {
  throw /*@ho-rc-throw*/new Error/*@ho-rc-throw:jsc*/('gadget ' + kind);
}

defineCase('reflect-construct', function reflectConstruct() {
  return Reflect./*@ho-rc-call*/construct/*@ho-rc-call:jsc*/(Gadget, ['x']);
});

defineCase('reflect-apply', function reflectApply() {
  function applied(n) {
    throw /*@ho-ra-throw*/new Error/*@ho-ra-throw:jsc*/('reflect apply ' + n);
  }
  return Reflect./*@ho-ra-call*/apply/*@ho-ra-call:jsc*/(applied, null, [11]);
});

defineCase('reflect-get-accessor', function reflectGetAccessor() {
  var record = {};
  Object.defineProperty(record, 'total', {
    get: function readTotal() {
      throw /*@ho-rg-throw*/new Error/*@ho-rg-throw:jsc*/('accessor via defineProperty');
    },
  });
  return Reflect./*@ho-rg-call*/get/*@ho-rg-call:jsc*/(record, 'total');
});

function staticBlockHelper(where) {
  throw /*@ho-sb-throw*/new Error/*@ho-sb-throw:jsc*/('thrown in a ' + where);
}

defineCase('class-static-block', function classStaticBlock() {
  /*@ho-sb-class*//*@ho-sb-class:jsc-next*/class Registry {
    static {
      staticBlockHelper/*@ho-sb-call*/('static block');
    }
  }
  return Registry;
});

defineCase('class-field-initializer', function classFieldInitializer() {
  /*@ho-fi-class*/class Form {
    field = /*@ho-fi-callee*/staticBlockHelper/*@ho-fi-call*/('field initializer');
  }
  return /*@ho-fi-new*/new Form/*@ho-fi-new:jsc*/();
});

async function* pages(n) {
  yield n;
  throw /*@ho-ag-throw*/new Error/*@ho-ag-throw:jsc*/('async generator ' + n);
}

defineCase('async-generator-for-await', async function asyncGeneratorForAwait() {
  /*@ho-ag-for*/for await (var p /*@ho-ag-for:jsc-next*/of /*@ho-ag-call*/pages/*@ho-ag-call:jsc*/(12)) {
    p = null;
  }
});

async function settleMember(n) {
  await null;
  throw /*@ho-pm-throw*/new Error/*@ho-pm-throw:jsc*/('member ' + n);
}

// Promise.any rejects with an AggregateError without frames; its members keep theirs.
defineCase('promise-any-member', async function promiseAnyMember() {
  try {
    await Promise.any([settleMember(13), settleMember(14)]);
  } catch (aggregate) {
    throw aggregate.errors[1];
  }
});

defineCase('promise-allsettled-reason', async function promiseAllSettledReason() {
  var results = await Promise.allSettled([Promise.resolve(1), settleMember(15)]);
  throw results[1].reason;
});

defineCase('bound-function', function boundFunction() {
  var receiver = { id: 16 };
  function boundTarget(prefix, n) {
    throw /*@ho-bf-throw*/new Error/*@ho-bf-throw:jsc*/(prefix + this.id + n);
  }
  var bound = boundTarget.bind(receiver, 'bound ');
  bound/*@ho-bf-call*/(1);
});

defineCase('call-call', function callCall() {
  function callee(n) {
    throw /*@ho-cc-throw*/new Error/*@ho-cc-throw:jsc*/('call.call ' + n);
  }
  Function.prototype.call./*@ho-cc-call*/call/*@ho-cc-call:jsc*/(callee, null, 17);
});

defineCase('coercion-tostring', function coercionToString() {
  var token = {
    toString: function toString() {
      throw /*@ho-ts-throw*/new Error/*@ho-ts-throw:jsc*/('toString failed');
    },
  };
  return /*@ho-ts-call:jsc-next*/'token: ' + /*@ho-ts-call*/token;
});

defineCase('coercion-valueof', function coercionValueOf() {
  var amount = {
    valueOf: function valueOf() {
      throw /*@ho-vo-throw*/new Error/*@ho-vo-throw:jsc*/('valueOf failed');
    },
  };
  /*@ho-vo-call*/return /*@ho-vo-call:jsc-next*/amount * 2;
});

defineCase('array-from-mapper', function arrayFromMapper() {
  return Array./*@ho-af-call*/from/*@ho-af-call:jsc*/([1], function toRow(x) {
    throw /*@ho-af-throw*/new Error/*@ho-af-throw:jsc*/('mapper ' + x);
  });
});

defineCase('string-replace-callback', function stringReplaceCallback() {
  return 'a-b'./*@ho-sr-call*/replace/*@ho-sr-call:jsc*/(/-/, function onMatch(m) {
    throw /*@ho-sr-throw*/new Error/*@ho-sr-throw:jsc*/('replace ' + m);
  });
});

defineCase('json-stringify-replacer', function jsonStringifyReplacer() {
  return JSON./*@ho-js-call*/stringify/*@ho-js-call:jsc*/({ a: 1 }, function replacer(key, value) {
    if (key === 'a') throw /*@ho-js-throw*/new Error/*@ho-js-throw:jsc*/('replacer');
    return value;
  });
});

defineCase('intl-format-valueof', function intlFormatValueOf() {
  var format = new Intl.NumberFormat('en-US');
  return format./*@ho-intl-call*/format/*@ho-intl-call:jsc*/({
    valueOf: function price() {
      throw /*@ho-intl-throw*/new Error/*@ho-intl-throw:jsc*/('Intl coercion');
    },
  });
});

defineCase('tagged-template', function taggedTemplate() {
  function sql(strings, value) {
    throw /*@ho-tt-throw*/new Error/*@ho-tt-throw:jsc*/('tag ' + strings.length + value);
  }
  return /*@ho-tt-call*/sql/*@ho-tt-call:jsc-next*/`select ${18}`;
});

defineCase('with-statement', function withStatement() {
  var scope = {
    lookup: function lookup(n) {
      throw /*@ho-with-throw*/new Error/*@ho-with-throw:jsc*/('with ' + n);
    },
  };
  with (scope) {
    lookup/*@ho-with-call*/(19);
  }
});

defineCase('arguments-callee', function argumentsCallee() {
  (function countdown(n) {
    if (n === 0) throw /*@ho-ac-throw*/new Error/*@ho-ac-throw:jsc*/('arguments.callee');
    arguments./*@ho-ac-rec*/callee/*@ho-ac-rec:jsc*/(n - 1);
  })/*@ho-ac-call*/(2);
});

// Methods called `at` and `eval`.
var tools = {
  at: function at(i) {
    return this./*@ho-me-eval*/eval/*@ho-me-eval:jsc*/(i);
  },
  eval: function (i) {
    throw /*@ho-me-throw*/new Error/*@ho-me-throw:jsc*/('method named eval ' + i);
  },
};

defineCase('method-named-at-and-eval', function methodNamedAtAndEval() {
  tools./*@ho-me-call*/at/*@ho-me-call:jsc*/(20);
});

// eval -> new Function -> eval. The sources live in globals: new Function
// sees only the global scope.
var HO_EFE_INNER = /*@ho-efe-inner-src*/"var z = 1; throw /*@ho-efe-throw*/new Error('eval in Function in eval ' + z)";
var HO_EFE_FN = /*@ho-efe-fn-src*/"var y = 1;\n/*@ho-efe-inner-call*/eval(HO_EFE_INNER)";

defineCase('eval-function-eval', function evalFunctionEval() {
  /*@ho-efe-call*/eval/*@ho-efe-call:jsc*/(/*@ho-efe-outer-src*/"var x = 1; /*@ho-efe-ctor*/new Function(HO_EFE_FN)/*@ho-efe-fn-call*/()");
});

// A sourceURL as bundlers write them: parentheses, `@`, `:digits` (V8 and
// SpiderMonkey end a sourceURL at the first space).
defineCase('eval-sourceurl-paren', function evalSourceUrlParen() {
  /*@ho-esp-call*/eval/*@ho-esp-call:jsc*/(/*@ho-esp-src*/"function chunk() { throw /*@ho-esp-throw*/new Error('sourceURL with a paren') }\n/*@ho-esp-inner*/chunk();\n//# sourceURL=webpack-internal:///(app-pages-browser)/./src/@x/page.tsx?v=1:2");
});

// No queueMicrotask in the jsc shell.
if (typeof queueMicrotask === 'function') {
  defineCase('queue-microtask', function queueMicrotaskCase() {
    return new Promise(function (resolve, reject) {
      queueMicrotask(function onMicrotask() {
        try {
          staticBlockHelper/*@ho-qm-call*/('microtask');
        } catch (e) {
          reject(e);
        }
      });
    });
  });
}
