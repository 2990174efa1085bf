import type { ErrorRequestHandler, RequestHandler } from 'express'
import { logger } from '../helpers/logger.js'
import { HttpProblem } from '../lib/http-problems/http-problem.js'
import { ProblemCode } from '../lib/http-problems/problem-codes.js'

export function sendProblem (res: Parameters<RequestHandler>[1], instance: string, problem: HttpProblem) {
  if (problem.headers) res.set(problem.headers)

  const body: Record<string, unknown> = {
    type: 'about:blank',
    title: problem.title,
    detail: problem.detail,
    instance,
    status: problem.status
  }
  if (problem.code) body.code = problem.code
  if (problem.invalidParams) body['invalid-params'] = problem.invalidParams
  // PeerTube clients (and its CLI) read `error`; keep it next to the RFC 7807 fields.
  body.error = problem.detail

  res.status(problem.status).type('application/problem+json').send(JSON.stringify(body))
}

/** Turns anything thrown while handling a request into problem+json; an unexpected error is a logged 500. */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (res.headersSent) {
    logger.warn('Error after the reply started', { err, url: req.originalUrl })
    res.end()
    return
  }

  if (err instanceof HttpProblem) {
    sendProblem(res, req.originalUrl, err)
    return
  }

  // Errors from body parsers and multer carry a status (e.g. 400 bad JSON, 413 too large).
  const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : undefined
  if (status) {
    sendProblem(res, req.originalUrl, new HttpProblem({ status, detail: err.message ?? 'Bad request' }))
    return
  }

  logger.error('Unhandled error while serving a request', { err, method: req.method, url: req.originalUrl })
  sendProblem(res, req.originalUrl, new HttpProblem({ status: 500, detail: 'An unexpected error happened; it has been logged.' }))
}

export const apiNotFound: RequestHandler = (req, res) => {
  sendProblem(res, req.originalUrl, new HttpProblem({
    status: 404,
    detail: `No API route ${req.method} ${req.path}`,
    code: ProblemCode.UNKNOWN_ROUTE
  }))
}
