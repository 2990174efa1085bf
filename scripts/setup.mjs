#!/usr/bin/env node
// Prepares this checkout to run: system packages, npm dependencies, build. Idempotent and quick when nothing is
// missing; run by `npm start`, `npm run play` and `npm test`.
//   --with-browser  also make sure Chromium is installed (browser tests)
//   --with-nginx    also make sure nginx is installed (the shipped nginx configuration is tested with it)
//   --with-bench    also make sure nginx and wrk are installed (benchmarks)
//   --quiet         print only what it does
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = dirname(dirname(fileURLToPath(import.meta.url)))
const args = new Set(process.argv.slice(2))
const quiet = args.has('--quiet')
const say = message => process.stdout.write(`[setup] ${message}\n`)
const info = message => { if (!quiet) say(message) }

function fail (message) {
  process.stderr.write(`[setup] ${message}\n`)
  process.exit(1)
}

function run (command, commandArgs, options = {}) {
  const result = spawnSync(command, commandArgs, { stdio: 'inherit', cwd: root, ...options })
  if (result.status !== 0) fail(`\`${[ command, ...commandArgs ].join(' ')}\` failed (exit ${result.status})`)
}

function has (command) {
  return spawnSync('sh', [ '-c', `command -v ${command}` ], { stdio: 'ignore' }).status === 0
}

function hasPostgresServer () {
  if (process.env.TUBELESS_PG_BIN_DIR) return true
  const base = '/usr/lib/postgresql'
  return existsSync(base) && readdirSync(base).some(v => existsSync(join(base, v, 'bin', 'postgres')))
}

// 1. Node
const [ major ] = process.versions.node.split('.').map(Number)
if (major < 20) fail(`Node.js 20 or newer is needed (this is ${process.versions.node})`)

// 2. System packages (Debian names)
const needed = []
if (!has('ffmpeg') || !has('ffprobe')) needed.push('ffmpeg')
if (!has('redis-server')) needed.push('redis-server')
if (!hasPostgresServer()) needed.push('postgresql')
if (args.has('--with-browser') && !has('chromium')) needed.push('chromium')
if ((args.has('--with-nginx') || args.has('--with-bench')) && !has('nginx')) needed.push('nginx')
if (args.has('--with-bench') && !has('wrk')) needed.push('wrk')

if (needed.length !== 0) {
  const isRoot = process.getuid?.() === 0
  const canSudo = !isRoot && has('sudo') && spawnSync('sudo', [ '-n', 'true' ], { stdio: 'ignore' }).status === 0
  const command = `apt-get update && apt-get install -y ${needed.join(' ')}`
  if (!has('apt-get') || (!isRoot && !canSudo)) {
    fail(`Missing system packages: ${needed.join(', ')}. Install them, e.g.: sudo sh -c '${command}'`)
  }
  say(`Installing system packages: ${needed.join(', ')}`)
  const [ apt, ...aptArgs ] = isRoot ? [ 'apt-get' ] : [ 'sudo', '-n', 'apt-get' ]
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  run(apt, [ ...aptArgs, 'update', '-qq' ], { env })
  run(apt, [ ...aptArgs, 'install', '-y', '-qq', '--no-install-recommends', ...needed ], { env })
  // The distribution's own service would hold the default ports and is not what we run: leave it stopped.
  if (needed.includes('redis-server')) spawnSync('sh', [ '-c', 'service redis-server stop || true' ], { stdio: 'ignore' })
  if (needed.includes('postgresql')) spawnSync('sh', [ '-c', 'service postgresql stop || true' ], { stdio: 'ignore' })
  // Tests and benchmarks run their own nginx on loopback ports, never the system's.
  if (needed.includes('nginx')) spawnSync('sh', [ '-c', 'service nginx stop || true' ], { stdio: 'ignore' })
}

// 3. npm dependencies: `npm ci` (exactly the lock file, from a clean node_modules) when node_modules is missing or
// was installed from another lock file.
const lockFile = join(root, 'package-lock.json')
const stampFile = join(root, 'node_modules', '.tubeless-lock-hash')
const lockHash = createHash('sha256').update(readFileSync(lockFile)).digest('hex')
if (!existsSync(stampFile) || readFileSync(stampFile, 'utf8') !== lockHash) {
  say('Installing npm dependencies (npm ci)')
  run('npm', [ 'ci', '--no-audit', '--no-fund' ])
  writeFileSync(stampFile, lockHash)
}

// 4. Build what is older than its sources (scripts/build-state.mjs)
const { staleBuilds } = await import('./build-state.mjs')
const stale = staleBuilds()
if (stale.length !== 0) {
  say(`Building (${stale.map(name => `npm run build:${name}`).join(', ')})`)
  for (const name of stale) run('npm', [ 'run', `build:${name}`, '--silent' ])
} else {
  info('Build is up to date')
}

info('Ready')
