#!/usr/bin/env node
// Runs the whole suite as several mocha processes side by side, inside the loopback-only namespace that
// run-tests.mjs made (every worker inherits it). Most test time is spent waiting (instances starting, jobs,
// federation deliveries), so two workers on two cores finish well before one.
//
// Each worker is a test slot of its own (TUBELESS_TEST_SLOT = base + 100 × worker): its own PostgreSQL, Redis,
// ports and storage, as two developers' runs on one machine. Files are shared out by their duration in the last
// run (server/tests/test-durations.json, refreshed by `npm run test:durations`), longest first to the least
// loaded worker. The first worker's output streams; the others' is printed whole when they end, so no two
// reports interleave.
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const DURATIONS_FILE = join(root, 'server', 'tests', 'test-durations.json')
const SLOT_STRIDE = 100

/** Every *.test.ts under server/tests, as mocha's glob would list them (sorted, relative to the root). */
export function listTestFiles (dir = join(root, 'server', 'tests')) {
  const files = []
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) files.push(...listTestFiles(path))
    else if (entry.name.endsWith('.test.ts')) files.push(relative(root, path))
  }
  return files.sort()
}

/** Longest first onto the least loaded worker; a file never timed counts as the median one. */
export function shareOut (files, durations, workers) {
  const known = files.map(file => durations[file]).filter(ms => typeof ms === 'number').sort((a, b) => a - b)
  const median = known.length ? known[Math.floor(known.length / 2)] : 10_000
  const weighted = files.map(file => ({ file, ms: durations[file] ?? median })).sort((a, b) => b.ms - a.ms)
  const groups = Array.from({ length: workers }, () => ({ ms: 0, files: [] }))
  for (const { file, ms } of weighted) {
    const lightest = groups.reduce((best, group) => group.ms < best.ms ? group : best)
    lightest.files.push(file)
    lightest.ms += ms
  }
  // Within a worker, files run in the usual order, so a failure reads as it would in a one-worker run.
  return groups.map(group => ({ ms: group.ms, files: group.files.sort() }))
}

function readDurations () {
  try {
    return JSON.parse(readFileSync(DURATIONS_FILE, 'utf8'))
  } catch {
    return {}
  }
}

function runWorker (index, files, baseSlot, mocha, timingsDir) {
  const slot = baseSlot + SLOT_STRIDE * index
  const timingsFile = join(timingsDir, `worker-${index}.json`)
  const env = { ...process.env, TUBELESS_TEST_SLOT: String(slot), TUBELESS_TEST_TIMINGS_FILE: timingsFile }
  const child = spawn(mocha[0], [ ...mocha.slice(1), ...files ], { cwd: root, env, stdio: [ 'ignore', 'pipe', 'pipe' ] })
  const output = []
  const totals = { passing: 0, failing: 0, pending: 0 }
  let partial = ''
  const take = (chunk, stream) => {
    if (index === 0) stream.write(chunk)
    else output.push(chunk)
    if (stream !== process.stdout) return
    const lines = (partial + chunk.toString()).split('\n')
    partial = lines.pop() ?? ''
    for (const line of lines) {
      const match = /^\s+(\d+) (passing|failing|pending)\b/.exec(line)
      if (match) totals[match[2]] = Number(match[1])
    }
  }
  child.stdout.on('data', chunk => take(chunk, process.stdout))
  child.stderr.on('data', chunk => take(chunk, process.stderr))
  return new Promise(resolve => child.on('exit', code => resolve({ index, slot, code: code ?? 1, output, totals, timingsFile })))
}

export async function runWorkers (mocha, workers) {
  const baseSlot = parseInt(process.env.TUBELESS_TEST_SLOT ?? '0', 10)
  const groups = shareOut(listTestFiles(), readDurations(), workers)
  const timingsDir = join(root, 'storage', baseSlot === 0 ? 'test-timings' : `slot-${baseSlot}-test-timings`)
  rmSync(timingsDir, { recursive: true, force: true })
  mkdirSync(timingsDir, { recursive: true })
  groups.forEach((group, i) => {
    process.stdout.write(`[tests] worker ${i + 1} (slot ${baseSlot + SLOT_STRIDE * i}): ${group.files.length} files, ~${Math.round(group.ms / 1000)} s last run\n`)
  })

  const results = []
  await Promise.all(groups.map((group, i) => runWorker(i, group.files, baseSlot, mocha, timingsDir).then(result => {
    results.push(result)
    if (i !== 0) {
      process.stdout.write(`\n[tests] ---- worker ${i + 1} (slot ${result.slot}), exit ${result.code} ----\n`)
      for (const chunk of result.output) process.stdout.write(chunk)
    }
    process.stdout.write(`\n[tests] worker ${i + 1} ended: ${result.totals.passing} passed, ${result.totals.failing} failed\n`)
  })))

  // This run's durations, for the next run's sharing out (`npm run test:durations` copies them into the tree).
  const timings = {}
  for (const { timingsFile } of results) {
    if (existsSync(timingsFile)) Object.assign(timings, JSON.parse(readFileSync(timingsFile, 'utf8')))
  }
  writeFileSync(join(timingsDir, 'durations.json'), JSON.stringify(sortKeys(timings), null, 2) + '\n')

  const sum = key => results.reduce((total, result) => total + result.totals[key], 0)
  return { code: results.some(result => result.code !== 0) ? 1 : 0, passing: sum('passing'), failing: sum('failing'), pending: sum('pending') }
}

function sortKeys (object) {
  return Object.fromEntries(Object.entries(object).sort(([ a ], [ b ]) => a.localeCompare(b)))
}

// Inside the namespace: `node scripts/test-workers.mjs <workers> <mocha command...>`.
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [ workers, ...mocha ] = process.argv.slice(2)
  const { code, passing, failing, pending } = await runWorkers(mocha, Number(workers))
  process.stdout.write(`\n${passing} passed, ${failing} failed${pending ? `, ${pending} skipped` : ''}\n`)
  process.exit(code)
}
