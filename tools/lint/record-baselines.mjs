#!/usr/bin/env node
// Rewrites known-layer-violations.json and known-cycles.json from the tree as it is. For merging existing code
// whose violations predate the checks (then fix them and shrink the lists); new code fixes its imports instead.
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '..', '..')

process.env.TUBELESS_LINT_RECORD_BASELINE = '1'
const eslint = new ESLint({ cwd: root, cache: false, ruleFilter: ({ ruleId }) => ruleId === 'tubeless/layers' })
const known = {}
for (const result of await eslint.lintFiles([ 'server', 'shared' ])) {
  for (const message of result.messages) {
    const target = /`([^`]+)`/.exec(message.message)?.[1]
    if (message.ruleId !== 'tubeless/layers' || !target) continue
    const file = relative(root, result.filePath)
    known[file] = [ ...new Set([ ...(known[file] ?? []), target ]) ].sort()
  }
}
const sorted = Object.fromEntries(Object.entries(known).sort(([ a ], [ b ]) => a.localeCompare(b)))
writeFileSync(join(here, 'known-layer-violations.json'), JSON.stringify(sorted, null, 2) + '\n')
process.stdout.write(`[layers] recorded ${Object.values(sorted).flat().length} known imports across layers in ${Object.keys(sorted).length} files\n`)

const cycles = spawnSync(process.execPath, [ join(here, 'check-cycles.mjs'), '--record' ], { stdio: 'inherit' })
process.exit(cycles.status ?? 1)
