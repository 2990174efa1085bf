import { isIPv4, isIPv6 } from 'node:net'

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/
// What WHATWG URL parsers read as a number, hence as an IPv4 address: `1` is 0.0.0.1, `0x7f.1` is 127.0.0.1.
const NUMERIC_LABEL = /^(\d+|0x[0-9a-f]*)$/

/**
 * A host as administrators type it (follow requests, handles): a DNS name, a dotted-quad IPv4 address or a
 * bracketed IPv6 address, with an optional port. Anything a URL parser would rewrite (a bare number such as `1`,
 * `127.1`, hexadecimal, a default port, upper case) is refused rather than silently reinterpreted: the host we
 * contact is the one that was typed. Returns the host in lower case, or undefined.
 */
export function canonicalHost (value: string): string | undefined {
  if (typeof value !== 'string' || value.length === 0 || value.length > 261) return undefined
  const host = value.toLowerCase()

  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/.exec(host)
  if (!match) return undefined
  const [ , name, port ] = match
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535 || /^0\d/.test(port))) return undefined

  if (name.startsWith('[')) {
    if (!isIPv6(name.slice(1, -1))) return undefined
  } else if (!isIPv4(name) && !isDnsName(name)) {
    return undefined
  }

  // The URL parser must agree, character for character (no default port dropped, no IPv6 compression changed).
  try {
    if (new URL(`http://${host}`).host !== host) return undefined
  } catch {
    return undefined
  }
  return host
}

function isDnsName (name: string) {
  if (name.length > 253) return false
  const labels = name.split('.')
  if (!labels.every(label => LABEL.test(label))) return false
  return !NUMERIC_LABEL.test(labels[labels.length - 1])
}
