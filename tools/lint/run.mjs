#!/usr/bin/env node
// `npm run lint` (`-- --fix`, or `npm run lint:fix`, applies every fixable formatting rule): ESLint over the tree,
// then the import-cycle check. ESLint's cache skips unchanged files; it does not notice changes to our own rules or
// to the baselines, so the cache folder is named after a hash of this folder's files.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '..', '..')
const fix = process.argv.includes('--fix')
const started = Date.now()

const hash = createHash('sha256')
for (const folder of [ here, join(here, 'rules') ]) {
  for (const entry of readdirSync(folder).sort()) {
    if (/\.(m?js|cjs|json)$/.test(entry)) hash.update(entry).update(readFileSync(join(folder, entry)))
  }
}
hash.update(readFileSync(join(root, 'eslint.config.js')))
const cacheLocation = join(root, 'node_modules', '.cache', 'eslint', hash.digest('hex').slice(0, 16)) + '/'

const eslint = new ESLint({ cwd: root, cache: true, cacheLocation, fix })
const results = await eslint.lintFiles([ '.' ])
if (fix) await ESLint.outputFixes(results)
const output = (await eslint.loadFormatter('stylish')).format(results)
if (output) process.stdout.write(output)
const errors = results.reduce((sum, r) => sum + r.errorCount, 0)

const cycles = spawnSync(process.execPath, [ join(here, 'check-cycles.mjs') ], { stdio: 'inherit' })
const seconds = ((Date.now() - started) / 1000).toFixed(1)
process.stdout.write(`[lint] ${results.length} files, ${errors} errors, in ${seconds} s\n`)
if (errors !== 0 && !fix) process.stdout.write('[lint] Formatting problems are fixed by `npm run lint:fix`; layer problems are explained in CONTRIBUTING.md.\n')
process.exit(errors !== 0 || cycles.status !== 0 ? 1 : 0)
