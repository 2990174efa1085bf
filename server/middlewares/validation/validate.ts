import type { z } from 'zod'
import { HttpProblem, type InvalidParam } from '../../lib/http-problems/http-problem.js'

export type Location = 'params' | 'query' | 'body'

/**
 * Parses one part of a request against its schema; a failure becomes a 400 naming every offending field
 * (`invalid-params`, keyed by field as PeerTube does), and nothing else runs.
 */
export function parseOrThrow<T> (schema: z.ZodType<T>, input: unknown, location: Location): T {
  const result = schema.safeParse(input ?? {})
  if (result.success) return result.data

  const invalidParams: Record<string, InvalidParam> = {}
  for (const issue of result.error.issues) {
    const path = issue.path.length !== 0 ? issue.path.map(String).join('.') : (unrecognizedKey(issue) ?? location)
    if (invalidParams[path]) continue
    invalidParams[path] = { type: 'field', value: valueAt(input, issue.path), msg: issue.message, path, location }
  }

  throw new HttpProblem({
    status: 400,
    detail: `Incorrect request parameters: ${Object.keys(invalidParams).join(', ')}`,
    invalidParams
  })
}

function unrecognizedKey (issue: z.core.$ZodIssue) {
  return issue.code === 'unrecognized_keys' ? issue.keys.join(', ') : undefined
}

function valueAt (input: unknown, path: PropertyKey[]): unknown {
  let current: unknown = input
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<PropertyKey, unknown>)[key]
  }
  // Never echo passwords back, even the wrong ones.
  if (path.some(p => typeof p === 'string' && /password/i.test(p))) return undefined
  return current
}
