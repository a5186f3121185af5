// Loaded by load() from jsc/heldout3.js (third held-out round): its global
// code calls a function that throws.
function h3jValidate(value) {
  throw new TypeError/*@h3j-gl-throw*/('invalid ' + value);
}
h3jValidate/*@h3j-gl-call*/('global');
