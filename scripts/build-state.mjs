#!/usr/bin/env node
// Whether dist/ (server) and client/dist/ (client) are older than their sources. Integration tests run the built
// files, so a stale build would test yesterday's code: setup and the test runner rebuild what is stale.
//   node scripts/build-state.mjs <server|client> <command...>   runs the build command, then stamps the build with
//                                                                the time it started (sources saved during the build
//                                                                leave it stale)
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = dirname(dirname(fileURLToPath(import.meta.url)))

const BUILDS = {
  server: {
    stamp: join(root, 'dist', '.build-stamp'),
    // Tests and benchmarks run from their sources (tsx), not from dist/.
    sources: [ 'server.ts', 'server', 'shared', 'scripts', 'tsconfig.json', 'package.json' ],
    skip: [ 'server/tests', 'scripts/bench' ]
  },
  client: {
    stamp: join(root, 'client', 'dist', '.build-stamp'),
    sources: [ 'client', 'shared', 'package.json' ],
    skip: [ 'client/dist' ]
  }
}

function newestMtime (relativePath, skip) {
  const path = join(root, relativePath)
  if (!existsSync(path) || skip.includes(relativePath)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  const entries = readdirSync(path)
  // A directory's own time tells of a deleted or renamed source, except where the build itself writes (the client
  // build replaces client/dist, which touches client/): there it would make every fresh build look stale.
  let newest = entries.some(entry => entry === 'dist' || skip.includes(`${relativePath}/${entry}`)) ? 0 : stat.mtimeMs
  for (const entry of entries) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue
    newest = Math.max(newest, newestMtime(`${relativePath}/${entry}`, skip))
  }
  return newest
}

/** The builds ('server', 'client') whose stamp is missing or older than a source file. */
export function staleBuilds () {
  return Object.entries(BUILDS)
    .filter(([ , build ]) => {
      const built = existsSync(build.stamp) ? statSync(build.stamp).mtimeMs : 0
      return built < Math.max(...build.sources.map(source => newestMtime(source, build.skip)))
    })
    .map(([ name ]) => name)
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [ name, command, ...args ] = process.argv.slice(2)
  const build = BUILDS[name]
  if (!build || !command) {
    process.stderr.write('usage: build-state.mjs <server|client> <command...>\n')
    process.exit(2)
  }
  const started = new Date()
  const result = spawnSync(command, args, { stdio: 'inherit', cwd: root })
  if (result.status !== 0) process.exit(result.status ?? 1)
  mkdirSync(dirname(build.stamp), { recursive: true })
  writeFileSync(build.stamp, started.toISOString() + '\n')
  utimesSync(build.stamp, started, started)
}
