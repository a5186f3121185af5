// Loaded by load(); loads another file whose global code throws (third held-out round).
var h3jBefore = 1;
load/*@h3j-nested-load*/('h3/throws-directly.js');
