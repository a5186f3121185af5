// Served as /src/components/Widget.tsx?t=1700000000123.
import { invariant } from '/node_modules/.vite/deps/chunk-ABC123.js?v=abc123';

export function renderWidget(root, props) {
  invariant/*@h2vw-call*/(props.items, 'Widget: items are required');
  return root;
}
