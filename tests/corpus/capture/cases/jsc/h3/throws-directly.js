// Loaded by h3/loads-another.js: its global code throws directly.
throw new RangeError/*@h3j-nested-throw*/('thrown by global code ' + h3jBefore);
