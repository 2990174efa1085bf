/** Request headers as Node gives them (`IncomingMessage.headers`): lowercase names, repeated ones as arrays. */
export type RequestHeaders = Record<string, string | string[] | number | undefined>

/**
 * The value of one header, repeated fields joined with ', ' and surrounding whitespace trimmed (what both
 * draft-cavage and RFC 9421 sign). Names are matched case-insensitively so callers may pass any casing.
 */
export function getHeaderValue (headers: RequestHeaders, name: string): string | undefined {
  const wanted = name.toLowerCase()

  let raw = headers[wanted]
  if (raw === undefined) {
    for (const [ key, value ] of Object.entries(headers)) {
      if (key.toLowerCase() === wanted) {
        raw = value
        break
      }
    }
  }

  if (raw === undefined) return undefined
  if (Array.isArray(raw)) return raw.map(v => v.trim()).join(', ')
  return String(raw).trim()
}
