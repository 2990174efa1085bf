import { expect } from 'chai'
import type { Response } from 'supertest'

/**
 * What a hostile run saw: requests by status, and every reply that broke the rules (a 5xx, a 4xx that is not
 * problem+json, a body showing a stack trace or a file path).
 */
export class OutcomeTally {
  readonly byStatus = new Map<number, number>()
  readonly violations: string[] = []
  total = 0

  constructor (readonly name: string) {}

  record (label: string, res: Pick<Response, 'status' | 'headers' | 'text'>) {
    this.total++
    this.byStatus.set(res.status, (this.byStatus.get(res.status) ?? 0) + 1)
    const violation = replyViolation(res)
    if (violation && this.violations.length < 50) this.violations.push(`${label} -> ${res.status}: ${violation}`)
  }

  summary () {
    const statuses = [ ...this.byStatus.entries() ].sort((a, b) => a[0] - b[0]).map(([ status, n ]) => `${status}: ${n}`).join(', ')
    return `${this.name}: ${this.total} requests (${statuses}), ${this.violations.length} violation(s)`
  }

  /** Prints the counts (the report reads them) and fails on any violation. */
  assertClean () {
    process.stdout.write(`      [hostile] ${this.summary()}\n`)
    expect(this.violations, this.violations.join('\n')).to.deep.equal([])
  }
}

const LEAKS = [ /\bat [\w.<>]+ \(/, /node_modules\//, /\/(work|home|root|srv|usr|tmp|var|opt)\/[\w.-]+\//, /<html/i, /<pre>/i ]
/**
 * What no JSON answer may hold, whatever its status: a stack frame, a dependency's path, or the instance's storage
 * folders (relative to the project root or absolute, slot or not). Fuzzed values that an answer echoes cannot
 * look like these.
 */
const JSON_LEAKS = [ /\n\s+at [\w.<>]+ \(/, /node_modules\//, /\bstorage\/(slot-\d+\/)?test-\d+\//, /\/tmp\/tubeless[\w.-]*\// ]

/** Why a reply breaks the rules, or undefined. */
export function replyViolation (res: Pick<Response, 'status' | 'headers' | 'text'>) {
  const type = String(res.headers['content-type'] ?? '')
  if (res.status >= 500) return 'server error'
  if (res.status >= 400) {
    if (!type.startsWith('application/problem+json')) return `not problem+json (${type || 'no content type'})`
    let body: Record<string, unknown>
    try {
      body = JSON.parse(res.text)
    } catch {
      return 'problem body is not JSON'
    }
    if (body.status !== res.status) return `problem status ${String(body.status)}`
    if (res.text.length > 20_000) return `problem body of ${res.text.length} bytes`
  }
  const text = res.text ?? ''
  const leak = LEAKS.find(pattern => pattern.test(text.slice(0, 100_000)))
  if (leak && res.status >= 400) return `leaks ${leak}`
  const jsonLeak = /json/.test(type) ? JSON_LEAKS.find(pattern => pattern.test(text.slice(0, 1_000_000))) : undefined
  if (jsonLeak) return `leaks ${jsonLeak}`
  return undefined
}
