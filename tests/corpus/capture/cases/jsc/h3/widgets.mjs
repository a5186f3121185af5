// Imported by h3/entry.mjs.
function assertTitle(props) {
  if (!props.title) throw new Error/*@h3j-mod-throw*/('a widget needs a title');
}
export function render(props) {
  assertTitle/*@h3j-mod-assert*/(props);
}
