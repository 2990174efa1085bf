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
    // An unknown key is named itself (instance.unknownKey), not by the object that holds it.
    const paths = issue.code === 'unrecognized_keys'
      ? issue.keys.map(key => [ ...issue.path, key ])
      : [ issue.path ]
    for (const issuePath of paths) {
      const path = issuePath.length !== 0 ? issuePath.map(String).join('.') : location
      if (invalidParams[path]) continue
      invalidParams[path] = { type: 'field', value: valueAt(input, issuePath), msg: issue.message, path, location }
    }
  }

  throw new HttpProblem({
    status: 400,
    detail: `Incorrect request parameters: ${Object.keys(invalidParams).join(', ')}`,
    invalidParams
  })
}

function valueAt (input: unknown, path: PropertyKey[]): unknown {
  let current: unknown = input
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<PropertyKey, unknown>)[key]
  }
  // Never echo passwords back, even the wrong ones.
  if (path.some(p => typeof p === 'string' && /password/i.test(p))) return undefined
  return echoableValue(current)
}

const MAX_ECHOED_LENGTH = 200

/** What of a refused value a problem repeats: scalars, long strings cut; objects and arrays are not repeated. */
export function echoableValue (value: unknown): unknown {
  if (typeof value === 'string') return value.length <= MAX_ECHOED_LENGTH ? value : `${value.slice(0, MAX_ECHOED_LENGTH)}…`
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value
  return undefined
}
