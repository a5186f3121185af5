// Imported by jsc/heldout3.js (third held-out round): module code that calls
// into the module it imports.
import { render } from './widgets.mjs';
render/*@h3j-mod-call*/({ title: '' });
