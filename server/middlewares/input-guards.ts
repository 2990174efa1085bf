import type { NextFunction, Request, Response } from 'express'
import { checkJsonShape, findUndecodedFormText, type FormTextProblem, type JsonShapeProblem } from '../helpers/json-shape.js'
import { HttpProblem } from '../lib/http-problems/http-problem.js'

/** PeerTube's request bodies are shallow (the custom config, the deepest, is 5 levels): room to spare. */
export const API_INPUT_LIMITS = { maxDepth: 32, maxNodes: 20_000, maxKeyLength: 200 } as const

const MESSAGES: Record<(JsonShapeProblem | FormTextProblem)['kind'], string> = {
  'too-deep': `Should not be nested deeper than ${API_INPUT_LIMITS.maxDepth} levels`,
  'too-many-values': `Should have at most ${API_INPUT_LIMITS.maxNodes} values`,
  'key-too-long': `Should not have keys longer than ${API_INPUT_LIMITS.maxKeyLength} characters`,
  'nul-character': 'Should not contain NUL characters',
  'invalid-unicode': 'Should be valid Unicode text (no lone surrogates)',
  'undecodable-text': 'Should be valid UTF-8 text'
}

/**
 * After the body parsers, before any route: the body and the query string must have a sane shape (depth, size,
 * no NUL characters). A 400 naming the place, without echoing the value.
 */
export function guardInputShape (req: Request, _res: Response, next: NextFunction) {
  for (const location of [ 'query', 'body' ] as const) {
    const problem = checkJsonShape(req[location], API_INPUT_LIMITS)
    if (problem) return next(shapeProblem(problem, location))
  }
  next()
}

/**
 * The body as the route's own parser left it (multipart fields are parsed by multer inside the route, after
 * guardInputShape): the same shape rules, and multipart text must have been valid UTF-8. Checked by every
 * ApiRouter route before its schema, so a NUL in a multipart `name` is a 400 naming it, not a failing query.
 */
export function parsedBodyProblem (req: Request) {
  return checkJsonShape(req.body, API_INPUT_LIMITS) ??
    (req.is('multipart/form-data') ? findUndecodedFormText(req.body) : undefined)
}

/** Named by its top-level field (what clients show errors next to), the place inside it in the message. */
export function shapeProblem (problem: JsonShapeProblem | FormTextProblem, location: 'query' | 'body' | 'params') {
  const field = problem.path.split('.')[0]
  const msg = problem.path === field ? MESSAGES[problem.kind] : `${MESSAGES[problem.kind]} (at ${problem.path})`
  return new HttpProblem({
    status: 400,
    detail: `Incorrect request parameters: ${field}`,
    invalidParams: { [field]: { type: 'field', value: undefined, msg, path: field, location } }
  })
}

/**
 * Before any router: the path must decode (valid percent-encoding and UTF-8) without NUL characters, and the query
 * string must have a sane shape, for every route, API or not (ActivityPub, discovery, files).
 */
export function guardPathAndQuery (req: Request, _res: Response, next: NextFunction) {
  let path: string
  try {
    path = decodeURIComponent(req.path)
  } catch {
    return next(new HttpProblem({ status: 400, detail: 'The request path is not valid percent-encoded UTF-8' }))
  }
  if (path.includes('\u0000')) return next(new HttpProblem({ status: 400, detail: 'The request path contains a NUL character' }))

  // BitTorrent announces carry binary info hashes (NUL bytes included) that the tracker decodes itself.
  if (req.path.startsWith('/tracker/')) return next()
  const problem = checkJsonShape(req.query, API_INPUT_LIMITS)
  if (problem) return next(shapeProblem(problem, 'query'))
  next()
}
