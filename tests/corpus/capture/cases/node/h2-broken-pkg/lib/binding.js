'use strict'
function loadBinding(name) {
  throw new Error('Cannot load native binding ' + name + ' for linux-x64')
}
module.exports = loadBinding('h2_broken.node')
