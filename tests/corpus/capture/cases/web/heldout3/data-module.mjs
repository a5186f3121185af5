// A module script loaded from a data: URL (third held-out round).
export function parseConfig(text) {
  throw /*@h3dm-throw*/new SyntaxError/*@h3dm-throw:jsc*/('bad config: ' + text);
}
window.h3DataModule = function loadConfig() {
  return /*@h3dm-call*/parseConfig/*@h3dm-call:jsc*/('{');
};
