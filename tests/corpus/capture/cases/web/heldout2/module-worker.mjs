// A module worker: a module imported with a query string. The V8 recorder's
// source comes with the message (a module worker has no importScripts).
import { parseRow } from './lib/csv.mjs?v=abc123';

self.onmessage = function onRows(event) {
  const message = event.data;
  if (message.recorder && typeof V8REC === 'undefined') (0, eval)(message.recorder);
  if (typeof V8REC !== 'undefined') {
    if (message.structured) V8REC.install();
    else V8REC.uninstall();
  }
  let out = { threw: false };
  try {
    message.rows./*@h2mw-each*/forEach/*@h2mw-each:jsc*/((line, i) => parseRow/*@h2mw-call*/(line, i));
  } catch (e) {
    out = { threw: true, name: String(e.name), message: String(e.message), stack: e.stack, v8: typeof V8REC === 'undefined' ? null : V8REC.take(e) };
  }
  if (typeof V8REC !== 'undefined') V8REC.uninstall();
  postMessage(out);
};
