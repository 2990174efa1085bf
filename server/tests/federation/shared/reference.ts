import { readFileSync } from 'node:fs'
import { fromRoot } from '../../../helpers/project-root.js'

/** A PeerTube 6.3 document kept under server/tests/fixtures/peertube-6.3/. */
export function loadReference<T = Record<string, unknown>> (name: string): T {
  const text = readFileSync(fromRoot('server', 'tests', 'fixtures', 'peertube-6.3', name), 'utf8')
  return name.endsWith('.json') ? JSON.parse(text) as T : text as T
}

/**
 * The shape of a JSON value: object members (sorted) and their shapes, arrays as the shape of their first
 * element, scalars as their type. Two documents with the same shape differ only in values.
 */
export function shapeOf (value: unknown): unknown {
  if (Array.isArray(value)) return value.length === 0 ? [] : [ shapeOf(value[0]) ]
  if (value === null) return 'null'
  if (typeof value === 'object') {
    return Object.fromEntries(Object.keys(value as object).sort().map(key => [ key, shapeOf((value as Record<string, unknown>)[key]) ]))
  }
  return typeof value
}

/** Member names, recursively, as `a`, `a.b`, `a[].c`: for comparing documents whose values may be null or not. */
export function keyPaths (value: unknown, prefix = ''): string[] {
  if (Array.isArray(value)) return value.length === 0 ? [] : keyPaths(value[0], `${prefix}[]`)
  if (value === null || typeof value !== 'object') return []

  return Object.keys(value as object).flatMap(key => {
    const path = prefix === '' ? key : `${prefix}.${key}`
    return [ path, ...keyPaths((value as Record<string, unknown>)[key], path) ]
  }).sort()
}
