#!/usr/bin/env node
// No import cycles across folders. ES modules in a cycle see each other half-initialised (a constant read before it
// is set, a class extended before it exists), and a cycle between folders means neither can be understood, tested
// or moved without the other. Only value imports count (`import type` is erased at compile time); dynamic imports
// are loaded later and do not count either.
//
// Every cross-folder import that closes a cycle is an error, except those listed in known-cycles.json (the cycles
// that existed when the check was added; `npm run lint:baseline` rewrites the list, for merges of existing code only).
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '..', '..')
const knownFile = join(here, 'known-cycles.json')
const record = process.argv.includes('--record')

const files = []
function walk (folder) {
  for (const entry of readdirSync(folder)) {
    const path = join(folder, entry)
    if (entry === 'node_modules' || entry === 'tests' || entry === 'static' || entry.startsWith('.')) continue
    if (statSync(path).isDirectory()) walk(path)
    else if (/\.tsx?$/.test(entry) && !entry.endsWith('.d.ts')) files.push(path)
  }
}
walk(join(root, 'server'))
walk(join(root, 'shared'))

// Static imports and re-exports, with their clause (to tell type-only ones apart).
const IMPORT = /^\s*(?:import|export)\s+(type\s+)?(?:([^'";]*?)\s+from\s+)?['"](\.[^'"]+)['"]/gm
const graph = new Map()
for (const file of files) {
  const from = relative(root, file)
  const targets = new Set()
  for (const [ , typeKeyword, clause, source ] of readFileSync(file, 'utf8').matchAll(IMPORT)) {
    if (typeKeyword) continue
    const named = /^\{([^}]*)\}$/.exec((clause ?? '').trim())
    if (named && named[1].split(',').map(s => s.trim()).filter(Boolean).every(s => s.startsWith('type '))) continue
    targets.add(relative(root, resolve(dirname(file), source)).replace(/\.js$/, '.ts'))
  }
  graph.set(from, targets)
}

// Strongly connected components (Tarjan), iteratively: the graph is a thousand files deep at most, but recursion
// depth is not worth thinking about.
function components () {
  let counter = 0
  const index = new Map()
  const low = new Map()
  const stack = []
  const onStack = new Set()
  const result = []
  for (const start of graph.keys()) {
    if (index.has(start)) continue
    const work = [ [ start, [ ...(graph.get(start) ?? []) ] ] ]
    index.set(start, counter); low.set(start, counter); counter++
    stack.push(start); onStack.add(start)
    while (work.length !== 0) {
      const [ node, pending ] = work[work.length - 1]
      if (pending.length !== 0) {
        const next = pending.pop()
        if (!graph.has(next)) continue
        if (!index.has(next)) {
          index.set(next, counter); low.set(next, counter); counter++
          stack.push(next); onStack.add(next)
          work.push([ next, [ ...graph.get(next) ] ])
        } else if (onStack.has(next)) {
          low.set(node, Math.min(low.get(node), index.get(next)))
        }
        continue
      }
      work.pop()
      if (work.length !== 0) {
        const parent = work[work.length - 1][0]
        low.set(parent, Math.min(low.get(parent), low.get(node)))
      }
      if (low.get(node) === index.get(node)) {
        const component = []
        let member
        do {
          member = stack.pop()
          onStack.delete(member)
          component.push(member)
        } while (member !== node)
        if (component.length > 1) result.push(new Set(component))
      }
    }
  }
  return result
}

const cycleEdges = []
for (const component of components()) {
  for (const from of component) {
    for (const to of graph.get(from)) {
      if (component.has(to) && dirname(from) !== dirname(to)) cycleEdges.push(`${from} -> ${to}`)
    }
  }
}
cycleEdges.sort()

if (record) {
  writeFileSync(knownFile, JSON.stringify(cycleEdges, null, 2) + '\n')
  process.stdout.write(`[cycles] recorded ${cycleEdges.length} known cross-folder imports in cycles\n`)
  process.exit(0)
}

const known = new Set(JSON.parse(readFileSync(knownFile, 'utf8')))
const fresh = cycleEdges.filter(edge => !known.has(edge))
if (fresh.length !== 0) {
  process.stderr.write('[cycles] These imports close an import cycle across folders (see CONTRIBUTING.md, "Layers"):\n')
  for (const edge of fresh) process.stderr.write(`  ${edge}\n`)
  process.stderr.write('[cycles] Break the cycle: move what both sides need into a lower module, or pass it in.\n')
  process.exit(1)
}
const gone = [ ...known ].filter(edge => !cycleEdges.includes(edge)).length
process.stdout.write(`[cycles] no new cycle across folders (${cycleEdges.length} known${gone ? `, ${gone} fixed: run npm run lint:baseline to drop them` : ''})\n`)
