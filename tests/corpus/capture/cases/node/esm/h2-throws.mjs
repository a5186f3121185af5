// An ES module that throws while it is evaluated (required from CommonJS).
function readSetting(name) {
  throw new Error('setting ' + name + ' is not defined')
}
export const region = readSetting('REGION')
