// Every event a test produces goes through Relay's normaliser (tests/relay/validate.py),
// and is kept under target/test-events/ for the final sweep of the test command.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import assert from 'node:assert/strict'

const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..')
const PYTHON = path.join(REPO, '.venv/bin/python')
const OUT = path.join(REPO, 'target/test-events')

export function relayProblems(events) {
  const r = spawnSync(PYTHON, [path.join(REPO, 'tests/relay/validate.py')], { input: JSON.stringify(events), encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`relay validation could not run: ${r.stderr || r.error}`)
  return JSON.parse(r.stdout)
}

/** Fails the test when Relay reports any error or drops anything; saves the events. */
export function assertValidByRelay(events, name) {
  fs.mkdirSync(OUT, { recursive: true })
  events.forEach((e, i) => fs.writeFileSync(path.join(OUT, `${name}-${i}.json`), JSON.stringify(e, null, 1)))
  const problems = relayProblems(events)
  problems.forEach((p, i) => assert.deepEqual(p, [], `Relay found problems in event ${i} of ${name}`))
}

/** The events as Relay stores them (browser and OS contexts derived from the User-Agent). */
export function relayNormalized(events) {
  const r = spawnSync(PYTHON, [path.join(REPO, 'tests/relay/validate.py'), '--normalized'], { input: JSON.stringify(events), encoding: 'utf8' })
  if (r.status !== 0) throw new Error(`relay normalisation could not run: ${r.stderr || r.error}`)
  return JSON.parse(r.stdout)
}
