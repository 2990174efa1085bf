import { STATUS_CODES } from 'node:http'

export interface InvalidParam {
  type: 'field'
  value: unknown
  msg: string
  path: string
  location: 'params' | 'query' | 'body' | 'headers' | 'files'
}

export interface ProblemOptions {
  status: number
  detail: string
  /** Machine-readable reason, stable across versions (PeerTube's `code`). */
  code?: string
  title?: string
  invalidParams?: Record<string, InvalidParam>
  headers?: Record<string, string>
}

/**
 * An error that becomes an RFC 7807 `application/problem+json` reply. Thrown anywhere in a request's handling;
 * the error middleware renders it, so handlers never format errors themselves.
 */
export class HttpProblem extends Error {
  readonly status: number
  readonly title: string
  readonly detail: string
  readonly code?: string
  readonly invalidParams?: Record<string, InvalidParam>
  readonly headers?: Record<string, string>

  constructor (options: ProblemOptions) {
    super(options.detail)
    this.name = 'HttpProblem'
    this.status = options.status
    this.title = options.title ?? STATUS_CODES[options.status] ?? 'Error'
    this.detail = options.detail
    this.code = options.code
    this.invalidParams = options.invalidParams
    this.headers = options.headers
  }
}

export const badRequest = (detail: string, code?: string) => new HttpProblem({ status: 400, detail, code })
export const unauthorized = (detail: string, code?: string) => new HttpProblem({ status: 401, detail, code })
export const forbidden = (detail: string, code?: string) => new HttpProblem({ status: 403, detail, code })
export const notFound = (detail: string, code?: string) => new HttpProblem({ status: 404, detail, code })
export const conflict = (detail: string, code?: string) => new HttpProblem({ status: 409, detail, code })
export const payloadTooLarge = (detail: string, code?: string) => new HttpProblem({ status: 413, detail, code })
export const unsupportedMediaType = (detail: string, code?: string) => new HttpProblem({ status: 415, detail, code })
export const unprocessable = (detail: string, code?: string) => new HttpProblem({ status: 422, detail, code })
/** A backing service is down: clients may retry after `retryAfterSeconds`. */
export const serviceUnavailable = (detail: string, retryAfterSeconds = 5, code?: string) =>
  new HttpProblem({ status: 503, detail, code, headers: { 'Retry-After': String(retryAfterSeconds) } })
/** The disk holding media is full. */
export const insufficientStorage = (detail: string) => new HttpProblem({ status: 507, detail, code: 'insufficient_storage', title: 'Insufficient Storage' })

/** A 400 naming one offending field, shaped like the validation errors so clients handle both alike. */
export function invalidField (location: InvalidParam['location'], path: string, msg: string, value?: unknown, code?: string) {
  return new HttpProblem({
    status: 400,
    detail: `Incorrect request parameters: ${path}`,
    code,
    invalidParams: { [path]: { type: 'field', value, msg, path, location } }
  })
}

/** A value quoted in a problem's detail: a short text stays as it is, a long one is cut (replies never echo big inputs). */
export function excerpt (value: unknown, max = 120): string {
  const text = typeof value === 'string' ? value : String(value)
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`
}
