// Imported as ./throws-top-level.mjs?v=2: throws while it is evaluated.
const flags = JSON.parse('{"checkout": false}');
if (!flags.checkout) {
  throw /*@h2tl-throw*/new Error/*@h2tl-throw:jsc*/('checkout is disabled');
}
export default flags;
