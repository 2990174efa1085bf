// The layers of ARCHITECTURE.md, checked on every relative import (static, dynamic, re-export, `import('…')` types).
// Arrows point down: a file may import its own layer and the layers below it, never one above. Why each rule
// exists is in CONTRIBUTING.md ("Layers").
import { readFileSync } from 'node:fs'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')

/**
 * Which layer a project path is in; undefined for files no rule applies to (server.ts, server/app.ts, tests,
 * scripts, the client). Start-up wiring in initializers/ (the database set-up registering models, the migrator and
 * migrations, the installer creating the first rows) sits above every layer, like server.ts.
 */
export function layerOf (path) {
  if (/^server\/initializers\/(database|installer|migrator)\.ts$/.test(path)) return undefined
  if (path.startsWith('server/initializers/migrations/')) return undefined
  if (path.startsWith('server/lib/video-pipeline/')) return 'video-pipeline'
  const match = /^server\/(controllers|middlewares|lib|models|helpers|initializers)\//.exec(path)
  if (match) return match[1]
  if (path.startsWith('shared/')) return 'shared'
  return undefined
}

/** What each layer may import (besides itself). */
const ALLOWED = {
  controllers: [ 'middlewares', 'lib', 'video-pipeline', 'models', 'helpers', 'initializers', 'shared' ],
  middlewares: [ 'lib', 'video-pipeline', 'models', 'helpers', 'initializers', 'shared' ],
  lib: [ 'video-pipeline', 'models', 'helpers', 'initializers', 'shared' ],
  // Paths and options in, files and facts out: testable against real ffmpeg without a database.
  'video-pipeline': [ 'helpers', 'initializers', 'shared' ],
  models: [ 'helpers', 'initializers', 'shared' ],
  helpers: [ 'initializers', 'shared' ],
  initializers: [ 'helpers', 'shared' ],
  shared: []
}

const BELOW = {
  controllers: 'middlewares, lib, models (formatters and types), helpers, initializers and shared/',
  middlewares: 'lib, models, helpers, initializers and shared/',
  lib: 'models, helpers, initializers and shared/',
  'video-pipeline': 'helpers, initializers and shared/ (no models, no other lib/)',
  models: 'helpers, initializers and shared/',
  helpers: 'initializers and shared/',
  initializers: 'helpers and shared/',
  shared: 'shared/ only'
}

/**
 * Controllers parse, call lib/ and format: they may use models' formatters and types, not their finders. The
 * imports that did so before the rule existed are listed in known-layer-violations.json (`npm run lint:baseline`
 * rewrites it); anything new is an error.
 */
function controllerMayImportModel (target, typeOnly) {
  return typeOnly || /\/formatters\//.test(target)
}

let known
function knownViolations () {
  if (!known) {
    const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'known-layer-violations.json')
    known = process.env.TUBELESS_LINT_RECORD_BASELINE === '1' ? {} : JSON.parse(readFileSync(file, 'utf8'))
  }
  return known
}

const toPosix = path => path.split(sep).join('/')

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layers of ARCHITECTURE.md' },
    schema: [],
    messages: {
      upward: '{{ from }} must not import {{ to }} (`{{ target }}`): it may import {{ below }}. See CONTRIBUTING.md, "Layers".',
      controllerModel: 'Controllers call lib/ rather than models (finders, queries, SQL): move this use of `{{ target }}` into lib/ (formatters and `import type` are fine). See CONTRIBUTING.md, "Layers".'
    }
  },
  create (context) {
    const file = toPosix(relative(root, context.filename))
    const from = layerOf(file)
    if (!from) return {}
    const knownTargets = knownViolations()[file] ?? []

    function check (node, source, typeOnly) {
      if (typeof source !== 'string' || !source.startsWith('.')) return
      const target = toPosix(relative(root, resolve(dirname(context.filename), source))).replace(/\.js$/, '.ts')
      const to = layerOf(target)
      if (!to || to === from || ALLOWED[from].includes(to)) {
        if (from === 'controllers' && to === 'models' && !controllerMayImportModel(target, typeOnly) && !knownTargets.includes(target)) {
          context.report({ node, messageId: 'controllerModel', data: { target } })
        }
        return
      }
      if (knownTargets.includes(target)) return
      context.report({ node, messageId: 'upward', data: { from: from === 'video-pipeline' ? 'lib/video-pipeline' : from, to, target, below: BELOW[from] } })
    }

    const allTypes = specifiers => specifiers.length !== 0 && specifiers.every(s => s.importKind === 'type' || s.exportKind === 'type')

    return {
      ImportDeclaration (node) {
        check(node.source, node.source.value, node.importKind === 'type' || allTypes(node.specifiers))
      },
      ExportNamedDeclaration (node) {
        if (node.source) check(node.source, node.source.value, node.exportKind === 'type' || allTypes(node.specifiers))
      },
      ExportAllDeclaration (node) {
        check(node.source, node.source.value, node.exportKind === 'type')
      },
      ImportExpression (node) {
        if (node.source.type === 'Literal') check(node.source, node.source.value, false)
      },
      TSImportType (node) {
        const literal = node.argument?.literal ?? node.argument
        if (literal?.type === 'Literal') check(node, literal.value, true)
      }
    }
  }
}
