#!/usr/bin/env node
// Runs the test suite inside a private network namespace that has only a loopback interface, so no test (WebRTC,
// BitTorrent, federation) can ever reach another machine. Arguments are passed to mocha; without any, the whole
// suite runs. Set TUBELESS_TEST_NO_NETNS=1 to run without the namespace (only where creating one is impossible).
import { spawn, spawnSync } from 'node:child_process'
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { staleBuilds } from './build-state.mjs'

const root = dirname(dirname(fileURLToPath(import.meta.url)))

// Integration tests run dist/ and client/dist/: rebuild what is older than its sources, or refuse with
// TUBELESS_TEST_NO_REBUILD=1 (CI builds once in setup; a developer may prefer to be told).
const stale = staleBuilds()
if (stale.length !== 0) {
  if (process.env.TUBELESS_TEST_NO_REBUILD === '1') {
    process.stderr.write(`[tests] The ${stale.join(' and ')} build is older than its sources: run ${stale.map(name => `npm run build:${name}`).join(' && ')}\n`)
    process.exit(1)
  }
  for (const name of stale) {
    process.stdout.write(`[tests] The ${name} build is older than its sources: npm run build:${name}\n`)
    const build = spawnSync('npm', [ 'run', `build:${name}`, '--silent' ], { stdio: 'inherit', cwd: root })
    if (build.status !== 0) process.exit(build.status ?? 1)
  }
}
const args = process.argv.slice(2)
// The whole suite runs as TUBELESS_TEST_WORKERS mocha processes side by side (2 by default: scripts/test-workers.mjs);
// named files run in one.
const workers = args.length === 0 ? Math.max(1, parseInt(process.env.TUBELESS_TEST_WORKERS ?? '2', 10) || 1) : 1
const mochaBase = [ process.execPath, `${root}/node_modules/mocha/bin/mocha.js` ]
const mocha = workers > 1
  ? [ process.execPath, `${root}/scripts/test-workers.mjs`, String(workers), ...mochaBase ]
  : [ ...mochaBase, ...(args.length !== 0 ? args : [ 'server/tests/**/*.test.ts' ]) ]

const quote = value => `'${value.replaceAll("'", "'\\''")}'`
const inner = `ip link set lo up && exec ${mocha.map(quote).join(' ')}`

function canUnshare (flags) {
  return spawnSync('unshare', [ ...flags, 'sh', '-c', 'ip link set lo up' ], { stdio: 'ignore' }).status === 0
}

let command
if (process.env.TUBELESS_TEST_NO_NETNS === '1') {
  command = mocha
} else if (canUnshare([ '-n' ])) {
  command = [ 'unshare', '-n', 'sh', '-c', inner ]
} else if (canUnshare([ '-r', '-n' ])) {
  // Unprivileged: a user namespace maps us to root inside, which is enough for a network namespace.
  command = [ 'unshare', '-r', '-n', 'sh', '-c', inner ]
} else {
  process.stderr.write('[tests] Cannot create a loopback-only network namespace (`unshare -n` failed, as root and unprivileged).\n' +
    '[tests] Run as root, or enable unprivileged user namespaces (sysctl kernel.unprivileged_userns_clone=1).\n')
  process.exit(1)
}

// mocha's output goes through unchanged; its totals are repeated at the end as one plain "N passed, N failed" line,
// the form CI reads.
const child = spawn(command[0], command.slice(1), { stdio: [ 'inherit', 'pipe', 'inherit' ], cwd: root, env: { ...process.env, TUBELESS_IN_TEST_NETNS: '1' } })
// mocha prints its totals once, before the failures' details: remember them as they pass by.
const totals = { passing: 0, failing: 0, pending: 0 }
let pendingLine = ''
child.stdout.on('data', chunk => {
  process.stdout.write(chunk)
  // The workers' coordinator prints the summed totals itself.
  if (workers > 1) return
  const lines = (pendingLine + chunk.toString()).split('\n')
  pendingLine = lines.pop() ?? ''
  for (const line of lines) {
    const match = /^\s+(\d+) (passing|failing|pending)\b/.exec(line)
    if (match) totals[match[2]] = Number(match[1])
  }
})
child.on('exit', code => {
  if (workers > 1) process.exit(code ?? 1)
  const [ passed, failed, pending ] = [ totals.passing, totals.failing, totals.pending ]
  process.stdout.write(`\n${passed} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}\n`)
  process.exit(code ?? 1)
})
