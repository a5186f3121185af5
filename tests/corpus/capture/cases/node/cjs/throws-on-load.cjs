// Throws while Node loads it.
'use strict'
const settings = { mode: 'strict' }
throw new Error('cannot load module in ' + settings.mode + ' mode')
