// Runs a worker in real workerd (the npm package's binary) on 127.0.0.1.
// The config is generated: it lists each module of the built package under
// `wasm-sentry/...`, the .wasm as a wasm module, as a bundler would.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')
export const WORKERD = path.join(REPO, 'node_modules/@cloudflare/workerd-linux-64/bin/workerd')

function listFiles(dir, base = dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name))],
  )
}

async function freePort() {
  const srv = net.createServer()
  await new Promise((r) => srv.listen(0, '127.0.0.1', r))
  const { port } = srv.address()
  await new Promise((r) => srv.close(r))
  return port
}

// `modules`: more folders to embed, by name prefix (`{ 'rust-app/': dir }`).
// `flags`: compatibility flags of the worker. `durableObjects`: class names
// the worker exports, each bound as its name in capitals. `driver`: a second
// worker, bound to the first as MAIN, that calls its `scheduled` and `queue`
// handlers (served at `driverUrl`). Requests may carry a `cf-blob` header:
// workerd reads the request's `cf` object from it.
export async function startWorkerd({ worker, bindings = {}, modules = {}, flags = [], durableObjects = [], driver, pollMs = 100 }) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wasm-sentry-workerd-'))
  const port = await freePort()
  const pkgModules = listFiles(path.join(REPO, 'pkg'))
    .filter((f) => f.endsWith('.js') || f.endsWith('.wasm'))
    .map((f) => {
      const kind = f.endsWith('.wasm') ? 'wasm' : 'esModule'
      return `(name = "wasm-sentry/${f}", ${kind} = embed "${path.relative(dir, path.join(REPO, 'pkg', f))}")`
    })
  for (const [prefix, root] of Object.entries(modules)) {
    for (const f of listFiles(root).filter((f) => f.endsWith('.js') || f.endsWith('.wasm'))) {
      const kind = f.endsWith('.wasm') ? 'wasm' : 'esModule'
      pkgModules.push(`(name = "${prefix}${f}", ${kind} = embed "${path.relative(dir, path.join(root, f))}")`)
    }
  }
  const text = Object.entries(bindings).map(([k, v]) => `(name = "${k}", text = ${JSON.stringify(v)})`)
  const objects = durableObjects.map((c) => `(className = "${c}", uniqueKey = "wasm-sentry-${c}")`)
  const objectBindings = durableObjects.map((c) => `(name = "${c.toUpperCase()}", durableObjectNamespace = "${c}")`)
  const driverPort = driver ? await freePort() : 0
  const config = `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    ${driver ? '(name = "driver", worker = .driver),' : ''}
    # workerd refuses private and local addresses unless allowed; the receiver is on 127.0.0.1.
    (name = "internet", network = (allow = ["public", "private", "local"])),
  ],
  sockets = [
    (name = "http", address = "127.0.0.1:${port}", http = (cfBlobHeader = "cf-blob"), service = "main"),
    ${driver ? `(name = "driver", address = "127.0.0.1:${driverPort}", http = (), service = "driver"),` : ''}
  ],
);
const worker :Workerd.Worker = (
  modules = [
    (name = "main", esModule = embed "${path.relative(dir, worker)}"),
    (name = "wasm-sentry/worker", esModule = "export * from './worker.js'"),
    ${pkgModules.join(',\n    ')}
  ],
  bindings = [${[...text, ...objectBindings].join(', ')}],
  durableObjectNamespaces = [${objects.join(', ')}],
  ${durableObjects.length ? 'durableObjectStorage = (inMemory = void),' : ''}
  compatibilityDate = "2025-09-01",
  compatibilityFlags = [${flags.map((f) => JSON.stringify(f)).join(', ')}],
  globalOutbound = "internet",
);
${driver ? `const driver :Workerd.Worker = (
  modules = [(name = "main", esModule = embed "${path.relative(dir, driver)}")],
  bindings = [(name = "MAIN", service = "main")],
  compatibilityDate = "2025-09-01",
  compatibilityFlags = ["service_binding_extra_handlers"],
);` : ''}
`
  const configPath = path.join(dir, 'config.capnp')
  fs.writeFileSync(configPath, config)
  const proc = spawn(WORKERD, ['serve', configPath, '--verbose', ...(driver ? ['--experimental'] : [])], { stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  proc.stdout.on('data', (d) => (log += d))
  proc.stderr.on('data', (d) => (log += d))
  const url = `http://127.0.0.1:${port}`
  const deadline = Date.now() + 20000
  for (;;) {
    if (proc.exitCode != null) throw new Error(`workerd exited ${proc.exitCode}:\n${log}`)
    try {
      await new Promise((resolve, reject) => {
        const s = net.connect(port, '127.0.0.1', () => { s.end(); resolve() })
        s.on('error', reject)
      })
      break
    } catch {
      if (Date.now() > deadline) throw new Error(`workerd did not listen:\n${log}`)
      await new Promise((r) => setTimeout(r, pollMs))
    }
  }
  return {
    url,
    pid: proc.pid,
    driverUrl: driver ? `http://127.0.0.1:${driverPort}` : undefined,
    log: () => log,
    async close() {
      proc.kill('SIGTERM')
      await new Promise((r) => (proc.exitCode != null ? r() : proc.once('exit', r)))
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
