// A UTF-16 surrogate without its pair: not a character, and not storable as text (nor in jsonb).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

/** Limits on the shape of parsed input, checked before any schema sees it (schemas and error writers recurse). */
export interface JsonShapeLimits {
  maxDepth: number
  maxNodes: number
  maxKeyLength: number
}

export type JsonShapeProblem =
  | { kind: 'too-deep' | 'too-many-values' | 'key-too-long', path: string }
  | { kind: 'nul-character' | 'invalid-unicode', path: string }

export interface FormTextProblem { kind: 'undecodable-text', path: string }

/**
 * Walks a parsed JSON (or query/form) value without recursion, so a value nested 100 000 deep is measured, not
 * followed into a stack overflow. Refuses NUL characters and lone surrogates (not Unicode) in keys and strings
 * too: PostgreSQL cannot store them, and a 400 naming the field is better than a failing query. Returns the first
 * problem found.
 */
export function checkJsonShape (value: unknown, limits: JsonShapeLimits): JsonShapeProblem | undefined {
  const stack: { value: unknown, depth: number, path: string }[] = [ { value, depth: 0, path: '' } ]
  let nodes = 0

  while (stack.length !== 0) {
    const { value: current, depth, path } = stack.pop()!
    if (++nodes > limits.maxNodes) return { kind: 'too-many-values', path: path || '(body)' }

    if (typeof current === 'string') {
      if (current.includes('\u0000')) return { kind: 'nul-character', path: path || '(body)' }
      if (LONE_SURROGATE.test(current)) return { kind: 'invalid-unicode', path: path || '(body)' }
      continue
    }
    if (current === null || typeof current !== 'object') continue
    if (depth >= limits.maxDepth) return { kind: 'too-deep', path: path || '(body)' }

    const entries: [string, unknown][] = Array.isArray(current)
      ? current.map((item, index) => [ String(index), item ])
      : Object.entries(current as Record<string, unknown>)
    for (const [ key, child ] of entries) {
      const childPath = path === '' ? key : `${path}.${key}`
      if (key.length > limits.maxKeyLength) return { kind: 'key-too-long', path: shortPath(path || '(body)') }
      if (key.includes('\u0000')) return { kind: 'nul-character', path: shortPath(path || '(body)') }
      if (LONE_SURROGATE.test(key)) return { kind: 'invalid-unicode', path: shortPath(path || '(body)') }
      stack.push({ value: child, depth: depth + 1, path: shortPath(childPath) })
    }
  }
  return undefined
}

// Paths are echoed in problems: a deep one is cut at its start, which is what names the field.
function shortPath (path: string) {
  return path.length <= 200 ? path : `${path.slice(0, 200)}…`
}

/**
 * Multipart text fields are decoded from UTF-8 by the parser, which turns bytes that are no UTF-8 (a surrogate
 * encoded on its own, a truncated sequence, Latin-1) into U+FFFD: such a field was not the text its sender meant.
 * Returns where the first one is (a form is shallow: its nesting is bounded by checkJsonShape first).
 */
export function findUndecodedFormText (value: unknown): FormTextProblem | undefined {
  const stack: { value: unknown, path: string }[] = [ { value, path: '' } ]
  while (stack.length !== 0) {
    const { value: current, path } = stack.pop()!
    if (typeof current === 'string') {
      if (current.includes('\uFFFD')) return { kind: 'undecodable-text', path: path || '(body)' }
      continue
    }
    if (current === null || typeof current !== 'object') continue
    for (const [ key, child ] of Object.entries(current as Record<string, unknown>)) {
      const childPath = shortPath(path === '' ? key : `${path}.${key}`)
      if (key.includes('\uFFFD')) return { kind: 'undecodable-text', path: shortPath(path || '(body)') }
      stack.push({ value: child, path: childPath })
    }
  }
  return undefined
}
