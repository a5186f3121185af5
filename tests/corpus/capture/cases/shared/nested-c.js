// Third file: the throw site of the nested-files case.
function nestedC(config) {
  if (config.arg) {
    throw /*@nc-throw*/new Error/*@nc-throw:jsc*/('nested failure: ' + config.arg);
  }
}
