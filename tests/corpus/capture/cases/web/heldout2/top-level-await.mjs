// Throws after a top-level await, from a function it calls.
function checkConfig(config) {
  if (typeof config.retries !== 'number') throw /*@h2tla-throw*/new TypeError/*@h2tla-throw:jsc*/('retries must be a number');
  return config;
}
const config = await Promise.resolve({ retries: 'three' });
export default /*@h2tla-call*/checkConfig/*@h2tla-call:jsc*/(config);
