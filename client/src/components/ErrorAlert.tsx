import { ApiError, describeError } from '../api/problem.js'

/** One-line error box; for API errors it shows the server's `detail`. */
export function ErrorAlert ({ error, testId = 'error' }: { error: unknown; testId?: string }) {
  if (!error) return null
  const status = error instanceof ApiError && error.status ? ` (HTTP ${error.status})` : ''
  return <p class="error" role="alert" data-testid={testId}>{describeError(error)}{status}</p>
}

export function isNotFound (error: unknown): boolean {
  return error instanceof ApiError && error.status === 404
}
