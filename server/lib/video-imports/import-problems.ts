import { HttpProblem, type InvalidParam } from '../http-problems/http-problem.js'

/**
 * An import refused because of its source: the reason is both the problem's detail (what a person reads) and
 * the named field's message (what a form shows next to the field).
 */
export function refusedSource (options: {
  status: number
  field: 'targetUrl' | 'magnetUri' | 'torrentfile'
  msg: string
  value?: unknown
  code?: string
}) {
  const location: InvalidParam['location'] = options.field === 'torrentfile' ? 'files' : 'body'
  return new HttpProblem({
    status: options.status,
    detail: options.msg,
    code: options.code,
    invalidParams: { [options.field]: { type: 'field', value: options.value, msg: options.msg, path: options.field, location } }
  })
}
