// A CommonJS module whose exports are methods (V8 prints `Object.parseConfig`).
'use strict'
exports.parseConfig = function parseConfig(text) {
  const config = JSON.parse(text)
  return exports.checkPort(config)
}
exports.checkPort = (config) => {
  if (typeof config.port !== 'number') throw new TypeError('port must be a number, got ' + JSON.stringify(config.port))
  return config
}
