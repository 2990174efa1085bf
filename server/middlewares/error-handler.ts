import { STATUS_CODES } from 'node:http'
import type { ErrorRequestHandler, RequestHandler } from 'express'
import { logger } from '../helpers/logger.js'
import { outageOf, type BackingService } from '../helpers/outage-errors.js'
import { excerpt, HttpProblem, insufficientStorage, serviceUnavailable, type InvalidParam } from '../lib/http-problems/http-problem.js'
import { ProblemCode } from '../lib/http-problems/problem-codes.js'
import { echoableValue } from './validation/validate.js'

export function sendProblem (res: Parameters<RequestHandler>[1], instance: string, problem: HttpProblem) {
  if (problem.headers) res.set(problem.headers)

  const detail = excerpt(problem.detail, MAX_DETAIL_LENGTH)
  const body: Record<string, unknown> = {
    type: 'about:blank',
    title: problem.title,
    detail,
    instance: excerpt(instance, MAX_DETAIL_LENGTH),
    status: problem.status
  }
  if (problem.code) body.code = problem.code
  if (problem.invalidParams) body['invalid-params'] = echoableParams(problem.invalidParams)
  // PeerTube clients (and its CLI) read `error`; keep it next to the RFC 7807 fields.
  body.error = detail

  res.status(problem.status).type('application/problem+json').send(JSON.stringify(body))
}

// Problems never repeat big inputs: a long URL or value is cut, an object is not echoed.
const MAX_DETAIL_LENGTH = 500

function echoableParams (params: Record<string, InvalidParam>) {
  const out: Record<string, InvalidParam> = {}
  for (const [ key, param ] of Object.entries(params).slice(0, 50)) {
    const path = excerpt(key, 200)
    out[path] = { ...param, path: excerpt(param.path, 200), msg: excerpt(param.msg, MAX_DETAIL_LENGTH), value: echoableValue(param.value) }
  }
  return out
}

/**
 * Turns anything thrown while handling a request into problem+json; an unexpected error is a logged 500. Whatever
 * goes wrong here, the reply is still a problem (express would otherwise answer its HTML page, with the stack
 * outside production).
 */
export const errorHandler: ErrorRequestHandler = (err, req, res, next) => {
  try {
    handleError(err, req, res, next)
  } catch (failure) {
    logger.error('The error handler failed', { err: failure, url: req.originalUrl })
    if (res.headersSent) {
      res.end()
      return
    }
    const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500
    res.status(status).type('application/problem+json').send(JSON.stringify({
      type: 'about:blank', title: STATUS_CODES[status] ?? 'Error', status, detail: 'The request could not be handled', error: 'The request could not be handled'
    }))
  }
}

const handleError: ErrorRequestHandler = (err, req, res, next) => {
  if (res.headersSent) {
    logger.warn('Error after the reply started', { err, url: req.originalUrl })
    res.end()
    return
  }
  afterRequestBody(req, res, () => answerError(err, req, res, next))
}

// A refusal sent while the client still sends its body (a 507 or a 413 for an upload) would reach it as a broken
// pipe, not as the answer: up to a bound, the rest of the body is read and thrown away first.
const DRAIN_LIMIT_BYTES = 256 * 1024 * 1024
const DRAIN_TIMEOUT_MS = 30_000

function afterRequestBody (req: Parameters<RequestHandler>[0], res: Parameters<RequestHandler>[1], answer: () => void) {
  if (req.complete || req.readableEnded || req.destroyed) return answer()
  const declared = Number(req.headers['content-length'])
  if (!(declared <= DRAIN_LIMIT_BYTES)) {
    res.set('Connection', 'close')
    return answer()
  }
  let answered = false
  const once = () => {
    if (answered) return
    answered = true
    clearTimeout(timer)
    answer()
  }
  const timer = setTimeout(() => {
    res.set('Connection', 'close')
    once()
  }, DRAIN_TIMEOUT_MS)
  req.once('end', once)
  req.once('error', once)
  req.once('close', once)
  req.resume()
}

const answerError: ErrorRequestHandler = (err, req, res, _next) => {
  if (err instanceof HttpProblem) {
    sendProblem(res, req.originalUrl, err)
    return
  }

  // Errors from express, `send` and body parsers carry a status (404 missing file, 400 bad JSON, 413 too large).
  // Their messages are internal ("ENOENT: ... stat '/srv/storage/...'"): the client gets a generic detail.
  const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : undefined
  if (status) {
    sendProblem(res, req.originalUrl, new HttpProblem({ status, detail: genericDetail(status, err?.type) }))
    return
  }

  const outage = outageOf(err)
  if (outage) {
    noteOutageOnce(outage, err as Error)
    const what = outage === 'database' ? 'The database' : 'Redis'
    sendProblem(res, req.originalUrl, serviceUnavailable(`${what} is unavailable for a moment: retry shortly`, OUTAGE_RETRY_AFTER_SECONDS, ProblemCode.SERVICE_UNAVAILABLE))
    return
  }
  if ((err as NodeJS.ErrnoException)?.code === 'ENOSPC') {
    logger.error('The disk is full: a request could not be served', { method: req.method, url: req.originalUrl })
    sendProblem(res, req.originalUrl, insufficientStorage('The server has no disk space left for this request'))
    return
  }

  logger.error('Unhandled error while serving a request', { err, method: req.method, url: req.originalUrl })
  sendProblem(res, req.originalUrl, new HttpProblem({ status: 500, detail: 'An unexpected error happened; it has been logged.' }))
}

const OUTAGE_RETRY_AFTER_SECONDS = 5
const OUTAGE_LOG_INTERVAL_MS = 60_000
const lastOutageLog = new Map<BackingService, number>()

// Requests failing during an outage would log one error each: one line a minute is enough.
function noteOutageOnce (service: BackingService, err: Error) {
  const last = lastOutageLog.get(service) ?? 0
  if (Date.now() - last < OUTAGE_LOG_INTERVAL_MS) return
  lastOutageLog.set(service, Date.now())
  logger.warn(`Requests get 503: ${service} unavailable (${err.message})`)
}

// body-parser's error types, worth telling the client apart from a plain 400.
const BODY_PARSER_DETAILS: Record<string, string> = {
  'entity.parse.failed': 'The request body cannot be parsed',
  'entity.too.large': 'The request body is too large',
  'entity.verify.failed': 'The request body was refused',
  'encoding.unsupported': 'The request body encoding is not supported',
  'charset.unsupported': 'The request body charset is not supported',
  'parameters.too.many': 'The request body has too many parameters',
  'request.aborted': 'The request was aborted',
  'request.size.invalid': 'The request body size does not match its Content-Length'
}

function genericDetail (status: number, type: unknown) {
  if (typeof type === 'string' && Object.hasOwn(BODY_PARSER_DETAILS, type)) return BODY_PARSER_DETAILS[type]
  if (status === 404) return 'Not found'
  if (status === 400) return 'Bad request'
  return STATUS_CODES[status] ?? 'Bad request'
}

export const apiNotFound: RequestHandler = (req, res) => {
  sendProblem(res, req.originalUrl, new HttpProblem({
    status: 404,
    detail: `No API route ${req.method} ${excerpt(req.path, 200)}`,
    code: ProblemCode.UNKNOWN_ROUTE
  }))
}

/** The last route: whatever nothing answered (a POST to a page, an unknown file) is a 404 problem, not express's HTML. */
export const notFoundProblem: RequestHandler = (req, res) => {
  sendProblem(res, req.originalUrl, new HttpProblem({ status: 404, detail: 'Not found', code: ProblemCode.UNKNOWN_ROUTE }))
}
