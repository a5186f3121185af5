// JSC shell entry point, run last on the command line. Some case files are
// loaded here with load() (relative paths, printed as given); then every case
// runs from its own timer task and prints one RESULT line of JSON.
load('shared/recursion.js');
load('shared/dir with space/café+encoded.js');
load('static/app.min.js');
load('weird/wip (draft/@.js');

var names = Object.keys(CASES);
var index = 0;
HARNESS.onResult = function (result) {
  print('RESULT ' + JSON.stringify(result));
  index++;
  if (index < names.length) startCase(names[index]);
};
startCase(names[index]);
