// Turns non-2xx replies into ApiError, reading application/problem+json bodies when present.
import type { ProblemDocument } from '../../../shared/models/client-common.js'

export class ApiError extends Error {
  readonly status: number
  readonly problem: ProblemDocument | null
  /** Validation messages keyed by field name (from `invalid-params`). */
  readonly fieldErrors: Record<string, string>
  /** The Retry-After header of a 503 or 429, in seconds, when the server sent one. */
  retryAfter?: string

  constructor (status: number, problem: ProblemDocument | null, fallback: string) {
    super(problem?.detail ?? problem?.error ?? problem?.title ?? fallback)
    this.name = 'ApiError'
    this.status = status
    this.problem = problem
    this.fieldErrors = {}
    for (const [field, param] of Object.entries(problem?.['invalid-params'] ?? {})) {
      this.fieldErrors[field] = param?.msg ?? 'Invalid value'
    }
  }

  get code (): string | undefined {
    return this.problem?.code
  }
}

/** Network failures (no HTTP reply at all) are reported with status 0. */
export function networkError (cause: unknown): ApiError {
  const message = cause instanceof Error ? cause.message : String(cause)
  return new ApiError(0, null, `Network error: ${message}`)
}

export async function errorFromResponse (res: Response): Promise<ApiError> {
  let problem: ProblemDocument | null = null
  const type = res.headers.get('content-type') ?? ''
  if (type.includes('json')) {
    try {
      problem = await res.json() as ProblemDocument
    } catch {
      problem = null
    }
  }
  const error = new ApiError(res.status, problem, `${res.status} ${res.statusText || 'HTTP error'}`)
  error.retryAfter = res.headers.get('retry-after') ?? undefined
  return error
}

/** Human text for any thrown value, for places that only show one line. */
export function describeError (err: unknown): string {
  if (err instanceof Error) return err.message
  return String(err)
}
