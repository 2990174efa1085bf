import { ApiError } from '../api/problem.js'
import { problemSentence, type ProblemOptions } from '../errors/problem-sentences.js'

/** One-line error box, in words people understand (see errors/problem-sentences.ts). */
export function ErrorAlert ({ error, testId = 'error', options }: { error: unknown; testId?: string; options?: ProblemOptions }) {
  if (!error) return null
  const status = error instanceof ApiError ? error.status : undefined
  return <p class="error" role="alert" data-testid={testId} data-status={status}>{problemSentence(error, options)}</p>
}

/** A message that is already a sentence (from humanizeProblem). */
export function FormMessage ({ message, testId = 'error' }: { message: string | null; testId?: string }) {
  if (!message) return null
  return <p class="error" role="alert" data-testid={testId}>{message}</p>
}

export function isNotFound (error: unknown): boolean {
  return error instanceof ApiError && error.status === 404
}
