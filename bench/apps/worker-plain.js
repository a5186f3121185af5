// The worker without any SDK: the baseline of bench/worker.mjs.
export default {
  async fetch() {
    return new Response('ok')
  },
}
