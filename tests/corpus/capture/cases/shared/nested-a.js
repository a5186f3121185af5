// Nested calls across three separately loaded files: a -> b -> c.
function nestedFiles() {
  return /*@na-call*/nestedB/*@na-call:jsc*/('from a');
}

defineCase('nested-files', nestedFiles);
