// Served as /@fs/srv/app/src/main.ts?t=1700000000000 (a Vite dev server's
// file-system path for a file outside the root, with its HMR timestamp).
import { renderWidget } from '/src/components/Widget.tsx?t=1700000000123';

export function mount(root) {
  return /*@h2vm-call*/renderWidget/*@h2vm-call:jsc*/(root, { items: null });
}
