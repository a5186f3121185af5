// A Next.js app-router chunk (served as
// /_next/static/chunks/app/(dashboard)/users/[id]/page-3f9a2c1e8b7d6a50.js):
// module factories keyed by module id, route groups and dynamic segments
// included.
Object.assign(__webpack_modules__, {
  './node_modules/date-fns/esm/format/index.js': function (module, exports) {
    exports.format = function format(date, pattern) {
      if (isNaN(date)) throw /*@wp-format-throw*/new RangeError/*@wp-format-throw:jsc*/('Invalid time value');
      return pattern;
    };
  },
  './app/(dashboard)/users/[id]/page.tsx': function (module, exports, __webpack_require__) {
    var dateFns = __webpack_require__('./node_modules/date-fns/esm/format/index.js');
    var joined = dateFns./*@wp-page-call*/format/*@wp-page-call:jsc*/(NaN, 'yyyy-MM-dd');
    exports.default = joined;
  },
  './src/(app)/settings/page.tsx': function (module, exports, __webpack_require__) {
    /*@wp-eval*/eval/*@wp-eval:jsc*/(/*@wp-eval-src*/"function Settings(props) {\n  /*@wp-eval-throw*/return props.user.name;\n}\nexports.default = /*@wp-eval-call*/Settings({});\n//# sourceURL=webpack-internal:///./src/(app)/settings/page.tsx");
  },
});
