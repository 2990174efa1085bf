import { HttpProblem } from '../lib/http-problems/http-problem.js'

/**
 * What the multipart parser (busboy, through multer) throws about the body itself (truncated: "Unexpected end of
 * form"; no boundary; malformed part headers) is the client's fault: a 400 naming the field the route expects.
 * File system errors (ENOSPC...) stay errors, answered as such by the error handler.
 */
export function malformedMultipartProblem (err: unknown, field: string): HttpProblem | undefined {
  if (!(err instanceof Error) || err instanceof HttpProblem) return undefined
  const code = (err as NodeJS.ErrnoException).code
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return undefined

  return new HttpProblem({
    status: 400,
    detail: 'The multipart/form-data body is malformed or incomplete',
    invalidParams: {
      [field]: { type: 'field', value: undefined, msg: 'Should be sent in a complete multipart/form-data body (with its boundary)', path: field, location: 'files' }
    }
  })
}
