// Throws after a top-level await, from a function it calls.
function checkConfig(config) {
  if (typeof config.retries !== 'number') throw new TypeError('retries must be a number')
  return config
}
const config = await Promise.resolve({ retries: 'three' })
export default checkConfig(config)
