// Second file of the nested-files case.
function nestedB(arg) {
  var config = { arg: arg };
  return /*@nb-call*/nestedC/*@nb-call:jsc*/(config);
}
