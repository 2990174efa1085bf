/**
 * The part of RFC 8941 (Structured Field Values) that HTTP Message Signatures need: dictionaries whose members
 * are items or inner lists, with parameters. RFC 9421 signs the *serialization* of `Signature-Input` members,
 * so parsing and re-serializing must round-trip exactly.
 */

export class SfToken {
  constructor (readonly value: string) {}
}

/** Kept apart from integers so `1.0` re-serializes as a decimal. */
export class SfDecimal {
  constructor (readonly value: number) {}
}

export type SfBareItem = number | SfDecimal | string | SfToken | Uint8Array | boolean
export type SfParameters = Map<string, SfBareItem>

export interface SfItem {
  kind: 'item'
  value: SfBareItem
  params: SfParameters
}

export interface SfInnerList {
  kind: 'inner-list'
  items: SfItem[]
  params: SfParameters
}

export type SfDictionaryMember = SfItem | SfInnerList

export class StructuredFieldError extends Error {
  constructor (message: string, readonly position: number) {
    super(`${message} at ${position}`)
    this.name = 'StructuredFieldError'
  }
}

// ---------------------------------------------------------------------------
// Parsing
// ---------------------------------------------------------------------------

class Cursor {
  pos = 0

  constructor (readonly input: string) {}

  get done () {
    return this.pos >= this.input.length
  }

  peek () {
    return this.input[this.pos]
  }

  fail (message: string): never {
    throw new StructuredFieldError(message, this.pos)
  }

  skipSpaces () {
    while (this.peek() === ' ') this.pos++
  }

  skipOptionalWhitespace () {
    while (this.peek() === ' ' || this.peek() === '\t') this.pos++
  }
}

const KEY_FIRST = /[a-z*]/
const KEY_REST = /[a-z0-9_\-.*]/
const TOKEN_FIRST = /[A-Za-z*]/
const TOKEN_REST = /[!#$%&'*+\-.^_`|~0-9A-Za-z:/]/
const BASE64_CHAR = /[A-Za-z0-9+/=]/

export function parseDictionary (input: string): Map<string, SfDictionaryMember> {
  const cursor = new Cursor(input)
  const dictionary = new Map<string, SfDictionaryMember>()

  cursor.skipSpaces()
  while (!cursor.done) {
    const key = parseKey(cursor)

    if (cursor.peek() === '=') {
      cursor.pos++
      dictionary.set(key, parseItemOrInnerList(cursor))
    } else {
      dictionary.set(key, { kind: 'item', value: true, params: parseParameters(cursor) })
    }

    cursor.skipOptionalWhitespace()
    if (cursor.done) return dictionary
    if (cursor.peek() !== ',') cursor.fail('Expected a comma')
    cursor.pos++
    cursor.skipOptionalWhitespace()
    if (cursor.done) cursor.fail('Trailing comma')
  }

  return dictionary
}

function parseItemOrInnerList (cursor: Cursor): SfDictionaryMember {
  if (cursor.peek() === '(') return parseInnerList(cursor)
  return parseItem(cursor)
}

function parseInnerList (cursor: Cursor): SfInnerList {
  cursor.pos++ // '('
  const items: SfItem[] = []

  while (!cursor.done) {
    cursor.skipSpaces()

    if (cursor.peek() === ')') {
      cursor.pos++
      return { kind: 'inner-list', items, params: parseParameters(cursor) }
    }

    items.push(parseItem(cursor))

    const next = cursor.peek()
    if (next !== ' ' && next !== ')') cursor.fail('Expected a space or ")" in an inner list')
  }

  cursor.fail('Unterminated inner list')
}

function parseItem (cursor: Cursor): SfItem {
  const value = parseBareItem(cursor)
  return { kind: 'item', value, params: parseParameters(cursor) }
}

function parseParameters (cursor: Cursor): SfParameters {
  const params: SfParameters = new Map()

  while (cursor.peek() === ';') {
    cursor.pos++
    cursor.skipSpaces()
    const key = parseKey(cursor)

    let value: SfBareItem = true
    if (cursor.peek() === '=') {
      cursor.pos++
      value = parseBareItem(cursor)
    }
    params.set(key, value)
  }

  return params
}

function parseKey (cursor: Cursor): string {
  const first = cursor.peek()
  if (first === undefined || !KEY_FIRST.test(first)) cursor.fail('Expected a key')

  const start = cursor.pos
  while (!cursor.done && KEY_REST.test(cursor.peek()!)) cursor.pos++
  return cursor.input.slice(start, cursor.pos)
}

function parseBareItem (cursor: Cursor): SfBareItem {
  const c = cursor.peek()
  if (c === undefined) cursor.fail('Expected a value')

  if (c === '-' || (c >= '0' && c <= '9')) return parseNumber(cursor)
  if (c === '"') return parseString(cursor)
  if (c === ':') return parseByteSequence(cursor)
  if (c === '?') return parseBoolean(cursor)
  if (TOKEN_FIRST.test(c)) return parseToken(cursor)

  cursor.fail('Unexpected character')
}

function parseNumber (cursor: Cursor): number | SfDecimal {
  const match = /^-?(\d{1,15})(\.\d{1,3})?/.exec(cursor.input.slice(cursor.pos))
  if (!match) cursor.fail('Invalid number')
  if (match[2] && match[1].length > 12) cursor.fail('Decimal too long')

  const next = cursor.input[cursor.pos + match[0].length]
  if (next !== undefined && next >= '0' && next <= '9') cursor.fail('Number too long')
  if (match[2] === undefined && next === '.') cursor.fail('Invalid decimal')

  cursor.pos += match[0].length
  const value = Number(match[0])
  return match[2] ? new SfDecimal(value) : value
}

function parseString (cursor: Cursor): string {
  cursor.pos++ // opening quote
  let out = ''

  while (!cursor.done) {
    const c = cursor.input[cursor.pos++]

    if (c === '\\') {
      const escaped = cursor.input[cursor.pos++]
      if (escaped !== '"' && escaped !== '\\') cursor.fail('Invalid escape in string')
      out += escaped
    } else if (c === '"') {
      return out
    } else {
      const code = c.charCodeAt(0)
      if (code < 0x20 || code > 0x7e) cursor.fail('Invalid character in string')
      out += c
    }
  }

  cursor.fail('Unterminated string')
}

function parseToken (cursor: Cursor): SfToken {
  const start = cursor.pos
  cursor.pos++
  while (!cursor.done && TOKEN_REST.test(cursor.peek()!)) cursor.pos++
  return new SfToken(cursor.input.slice(start, cursor.pos))
}

function parseByteSequence (cursor: Cursor): Uint8Array {
  cursor.pos++ // ':'
  const start = cursor.pos

  while (!cursor.done && cursor.peek() !== ':') {
    if (!BASE64_CHAR.test(cursor.peek()!)) cursor.fail('Invalid base64 in byte sequence')
    cursor.pos++
  }
  if (cursor.done) cursor.fail('Unterminated byte sequence')

  const encoded = cursor.input.slice(start, cursor.pos)
  cursor.pos++ // closing ':'
  return new Uint8Array(Buffer.from(encoded, 'base64'))
}

function parseBoolean (cursor: Cursor): boolean {
  const value = cursor.input[cursor.pos + 1]
  if (value !== '0' && value !== '1') cursor.fail('Invalid boolean')
  cursor.pos += 2
  return value === '1'
}

// ---------------------------------------------------------------------------
// Serializing
// ---------------------------------------------------------------------------

export function serializeBareItem (value: SfBareItem): string {
  if (typeof value === 'boolean') return value ? '?1' : '?0'
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new TypeError('Integers only; use SfDecimal for decimals')
    return String(value)
  }
  if (value instanceof SfDecimal) {
    const fixed = value.value.toFixed(3).replace(/0+$/, '')
    return fixed.endsWith('.') ? fixed + '0' : fixed
  }
  if (value instanceof SfToken) return value.value
  if (value instanceof Uint8Array) return ':' + Buffer.from(value).toString('base64') + ':'

  return '"' + value.replace(/[\\"]/g, c => '\\' + c) + '"'
}

export function serializeParameters (params: SfParameters): string {
  let out = ''
  for (const [ key, value ] of params) {
    out += ';' + key
    if (value !== true) out += '=' + serializeBareItem(value)
  }
  return out
}

export function serializeItem (item: SfItem): string {
  return serializeBareItem(item.value) + serializeParameters(item.params)
}

export function serializeInnerList (list: SfInnerList): string {
  return '(' + list.items.map(serializeItem).join(' ') + ')' + serializeParameters(list.params)
}
