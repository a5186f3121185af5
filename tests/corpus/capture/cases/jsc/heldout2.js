// Second held-out round, jsc shell: dynamic import() of a module that throws
// while it is evaluated, and of one that throws after a top-level await
// (both staged under modules/; JSC prints module files by absolute path).
defineCase('dynamic-import-throws', function dynamicImportThrows() {
  return import('../modules/throws-top-level.mjs');
});

defineCase('top-level-await-throws', function topLevelAwaitThrows() {
  return import('../modules/top-level-await.mjs');
});
