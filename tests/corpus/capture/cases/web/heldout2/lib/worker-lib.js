// Served as lib/worker-lib.3f9a2c1e.js?v=abc123 (a content-hashed file name).
function makeThumbnail(spec) {
  if (spec.width < 0) throw /*@h2w-throw*/new RangeError/*@h2w-throw:jsc*/('invalid width ' + spec.width + ' for ' + spec.kind);
  return spec;
}
