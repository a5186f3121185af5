// A webpack 5 runtime as Next.js ships it (served as
// /_next/static/chunks/webpack.js?v=…, staged for Node as
// .next/server/webpack-runtime.js): modules registered by id, run by
// __webpack_require__ through an interceptor that wraps every factory
// (react-refresh's), so frames are named by module id.
var __webpack_modules__ = {};
var __webpack_module_cache__ = {};
function __webpack_require__(moduleId) {
  var cached = __webpack_module_cache__[moduleId];
  if (cached !== undefined) return cached.exports;
  var module = (__webpack_module_cache__[moduleId] = { id: moduleId, exports: {} });
  var execOptions = { id: moduleId, module: module, factory: __webpack_modules__[moduleId], require: __webpack_require__ };
  __webpack_require__.i.forEach(function (handler) { handler(execOptions); });
  execOptions.factory./*@wp-exec*/call/*@wp-exec:jsc*/(module.exports, module, module.exports, execOptions.require);
  return module.exports;
}
__webpack_require__.i = [];
__webpack_require__.i.push(function (options) {
  var originalFactory = options.factory;
  options.factory = function (moduleObject, moduleExports, webpackRequire) {
    originalFactory./*@wp-orig*/call/*@wp-orig:jsc*/(this, moduleObject, moduleExports, webpackRequire);
  };
});

// The page module fails while it is evaluated (a date library throws).
defineCase('webpack-module-factory', function webpackModuleFactory() {
  delete __webpack_module_cache__['./app/(dashboard)/users/[id]/page.tsx'];
  __webpack_require__/*@wp-case*/('./app/(dashboard)/users/[id]/page.tsx');
});

// The same in development: the module is eval'd code named by a sourceURL.
defineCase('webpack-eval-sourceurl-module', function webpackEvalSourceUrlModule() {
  delete __webpack_module_cache__['./src/(app)/settings/page.tsx'];
  __webpack_require__/*@wp-eval-case*/('./src/(app)/settings/page.tsx');
});
