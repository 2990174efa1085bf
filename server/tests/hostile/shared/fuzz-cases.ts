// Hostile inputs for the REST fuzzer, generated from the OpenAPI document the router builds. Every host-like value is
// loopback or invalid: a fuzzed follow or search must never make the instance contact another machine.

export interface JsonSchema {
  type?: string | string[]
  enum?: unknown[]
  const?: unknown
  format?: string
  minimum?: number
  maximum?: number
  exclusiveMinimum?: number
  exclusiveMaximum?: number
  minLength?: number
  maxLength?: number
  items?: JsonSchema
  properties?: Record<string, JsonSchema>
  required?: string[]
  anyOf?: JsonSchema[]
  oneOf?: JsonSchema[]
  allOf?: JsonSchema[]
  default?: unknown
}

export interface OpenApiParameter {
  name: string
  in: 'path' | 'query'
  required: boolean
  schema: JsonSchema
}

export interface OpenApiOperation {
  operationId: string
  parameters: OpenApiParameter[]
  requestBody?: { content: Record<string, { schema: JsonSchema }> }
  security?: unknown[]
}

/** A request to try: method, path (already encoded) and what to send. */
export interface FuzzCase {
  label: string
  method: string
  path: string
  query?: string
  body?: string | Buffer
  headers?: Record<string, string>
}

/** Strings that are not hosts anyone could reach (or only loopback). */
export const HOSTILE_STRINGS = [
  '', ' ', 'x'.repeat(10_000), '-1', '0', '1e309', '9007199254740993', 'NaN', 'Infinity', 'true', 'null', '[]', '{}',
  '../../../../etc/passwd', '..\\..\\windows\\win.ini', '\u0000', 'a\u0000b', '\ud800', '😀'.repeat(50), '<script>alert(1)</script>',
  '\' OR \'1\'=\'1\' --', '${7*7}', '__proto__', 'constructor', 'localhost', 'http://127.0.0.1:1/x', 'javascript:alert(1)',
  'file:///etc/passwd', '@', 'a@b@c', '-lead', 'ÅÄÖ ı ǅ', '\r\nX-Injected: 1', 'fuzz_1@localhost:1', '1', '127.1', '0x7f000001'
]

/** Already-encoded path segments: traversal and encoding tricks sent as they are. */
export const RAW_PATH_SEGMENTS = [
  '..', '%2e%2e', '..%2f..%2f..%2fetc%2fpasswd', '%2e%2e%2f%2e%2e%2f', '%252e%252e%252f', '%00', '%E0%A4%A', '%', '%ff%fe',
  '.', '~root', 'a;b', '*', '%5c..%5c', 'a%2fb', '%20', '-1', '0', '99999999999999999999', '1.5', '1e3'
]

const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)

/** JSON values for one body field, as raw JSON text (some cannot be built as JS values and serialized). */
export const HOSTILE_JSON_VALUES = [
  'null', 'true', 'false', '0', '-1', '1.5', '1e308', '-1e308', '9007199254740993', '""', JSON.stringify('x'.repeat(100_000)),
  '[]', '{}', '[[[]]]', '{"__proto__":{"admin":true}}', '"a\\u0000b"', '"\\ud800"', '"😀"', '{"a":{"b":{"c":{"d":1}}}}',
  JSON.stringify(Array(1000).fill(1)), deep(5000), '{"constructor":{"prototype":{"x":1}}}'
]

type HostileBody = [ string, string, string | Buffer, Record<string, string>? ]
let jsonBodies: HostileBody[] | undefined
const multipartBodies = new Map<string, [ string, string, string | Buffer ][]>()

/** Whole bodies for a JSON route: [label, content type, body, extra headers]. Built once (some are megabytes). */
export function hostileJsonBodies (): HostileBody[] {
  jsonBodies ??= buildHostileJsonBodies()
  return jsonBodies
}

/** Whole bodies for a multipart route (file uploads), built once per file field. */
export function hostileMultipartBodies (fileField: string) {
  if (!multipartBodies.has(fileField)) multipartBodies.set(fileField, buildHostileMultipartBodies(fileField))
  return multipartBodies.get(fileField)!
}

function buildHostileJsonBodies (): HostileBody[] {
  const json = 'application/json'
  return [
    [ 'body null', json, 'null' ],
    [ 'body array', json, '[]' ],
    [ 'body string', json, '"text"' ],
    [ 'body number', json, '123' ],
    [ 'truncated JSON', json, '{"a":' ],
    [ 'trailing garbage', json, '{"a":1}}' ],
    [ 'array nested 100000 deep', json, deep(100_000) ],
    [ 'objects nested 1000 deep', json, '{"a":'.repeat(1000) + '1' + '}'.repeat(1000) ],
    [ 'body of 1 MB', json, JSON.stringify({ a: 'x'.repeat(1024 * 1024) }) ],
    [ 'BOM before JSON', json, '\ufeff{"a":1}' ],
    [ 'invalid UTF-8 bytes', json, Buffer.from([ 0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d ]) ],
    [ 'duplicate keys', json, '{"a":1,"a":{"b":2}}' ],
    [ '50000 keys', json, JSON.stringify(Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [ `k${i}`, i ]))) ],
    [ 'key of 10000 characters', json, JSON.stringify({ ['k'.repeat(10_000)]: 1 }) ],
    [ 'text/plain', 'text/plain', 'hello' ],
    [ 'XML', 'application/xml', '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>' ],
    [ 'form nested deep', 'application/x-www-form-urlencoded', 'a' + '[b]'.repeat(200) + '=1' ],
    [ 'form with 5000 fields', 'application/x-www-form-urlencoded', Array.from({ length: 5000 }, (_, i) => `f${i}=1`).join('&') ],
    [ 'form prototype pollution', 'application/x-www-form-urlencoded', '__proto__[admin]=1&constructor[prototype][x]=1' ],
    [ 'multipart without boundary', 'multipart/form-data', '--x\r\n' ],
    [ 'gzip that is not gzip', json, '{"a":1}', { 'Content-Encoding': 'gzip' } ],
    [ 'deflate that is not deflate', json, '{"a":1}', { 'Content-Encoding': 'deflate' } ],
    [ 'unknown Content-Encoding', json, '{"a":1}', { 'Content-Encoding': 'compress' } ],
    [ 'charset utf-7', 'application/json; charset=utf-7', '{"a":1}' ],
    [ 'charset of garbage', 'application/json; charset=%%%', '{"a":1}' ]
  ]
}

function buildHostileMultipartBodies (fileField: string): [ string, string, string | Buffer ][] {
  const b = 'fuzzboundary'
  const type = `multipart/form-data; boundary=${b}`
  const part = (name: string, value: string, filename?: string, contentType?: string) =>
    `--${b}\r\nContent-Disposition: form-data; name="${name}"${filename !== undefined ? `; filename="${filename}"` : ''}\r\n` +
    (contentType ? `Content-Type: ${contentType}\r\n` : '') + `\r\n${value}\r\n`
  const end = `--${b}--\r\n`
  return [
    [ 'truncated multipart', type, part('name', 'x') + `--${b}\r\nContent-Disposition: form-data; name="${fileField}"; filename="a.mp4"\r\n\r\nabc` ],
    [ 'multipart without boundary', 'multipart/form-data', part('name', 'x') + end ],
    [ 'multipart boundary mismatch', 'multipart/form-data; boundary=other', part('name', 'x') + end ],
    [ 'malformed part header', type, `--${b}\r\nContent-Disposition form-data name\r\n\r\nx\r\n` + end ],
    [ 'part header of 100 kB', type, `--${b}\r\nX-Long: ${'y'.repeat(100_000)}\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n` + end ],
    [ 'part without a name', type, `--${b}\r\nContent-Disposition: form-data\r\n\r\nx\r\n` + end ],
    [ 'empty multipart', type, '' ],
    [ 'only the closing boundary', type, end ],
    [ 'file name of 10000 characters', type, part(fileField, 'abc', 'a'.repeat(10_000) + '.mp4', 'video/mp4') + end ],
    [ 'file name with traversal', type, part(fileField, 'abc', '../../../../etc/passwd', 'video/mp4') + end ],
    [ 'file name with NUL', type, part(fileField, 'abc', 'a\u0000.mp4', 'video/mp4') + end ],
    [ '80 fields', type, Array.from({ length: 80 }, (_, i) => part(`f${i}`, 'x')).join('') + end ],
    [ 'field of 30 kB', type, part('name', 'x'.repeat(30_000)) + end ],
    [ 'unknown file field', type, part('unexpected', 'abc', 'a.bin', 'application/octet-stream') + end ],
    [ 'file twice', type, part(fileField, 'abc', 'a.mp4', 'video/mp4') + part(fileField, 'abc', 'b.mp4', 'video/mp4') + end ],
    [ 'text where an image goes', type, part('thumbnailfile', 'not an image', 'a.jpg', 'text/plain') + end ],
    [ 'garbage file', type, part(fileField, '\u0000\u0001\u0002garbage', 'a.mp4', 'video/mp4') + end ],
    [ 'nested field names', type, part('a[b][c][d][e][f][g][h][i]', 'x') + part('__proto__[admin]', '1') + end ],
    [ 'gzip-encoded multipart', type, part('name', 'x') + end ],
    // Text fields are parsed inside the route, after the shape guard: each must still be refused by name.
    [ 'text fields with NUL', type, [ 'name', 'displayName', 'description', 'channelId', 'privacy' ].map(f => part(f, 'a\u0000b')).join('') + end ],
    [ 'text fields that are no UTF-8', type, Buffer.concat([
      ...[ 'name', 'displayName', 'description' ].map(f => Buffer.concat([ Buffer.from(part(f, 'a').slice(0, -2)), Buffer.from([ 0xed, 0xa0, 0x80 ]), Buffer.from('\r\n') ])),
      Buffer.from(end)
    ]) ]
  ]
}

/** A plausible value for a schema (the baseline a single hostile field is put into). */
export function sampleValue (schema: JsonSchema | undefined, depth = 0): unknown {
  if (!schema || depth > 6) return 'fuzz_1'
  if (schema.const !== undefined) return schema.const
  if (schema.enum?.length) return schema.enum[0]
  if (schema.default !== undefined) return schema.default
  const alternative = schema.anyOf?.[0] ?? schema.oneOf?.[0] ?? schema.allOf?.[0]
  if (alternative) return sampleValue(alternative, depth + 1)

  const type = Array.isArray(schema.type) ? schema.type.find(t => t !== 'null') : schema.type
  switch (type) {
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1)
    case 'boolean':
      return true
    case 'array':
      return [ sampleValue(schema.items, depth + 1) ]
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const name of schema.required ?? []) out[name] = sampleValue(schema.properties?.[name], depth + 1)
      return out
    }
    default:
      if (schema.format === 'email') return 'fuzz@example.com'
      if (schema.format === 'uri' || schema.format === 'url') return 'http://127.0.0.1:1/x'
      return 'fuzz_1'.padEnd(schema.minLength ?? 0, 'x')
  }
}

/** Boundary values of a numeric schema, as strings. */
export function numericBoundaries (schema: JsonSchema) {
  const values = new Set<string>([ '-1', '0', '2147483648', '1.5' ])
  if (schema.minimum !== undefined) values.add(String(schema.minimum - 1)).add(String(schema.minimum))
  if (schema.maximum !== undefined) values.add(String(schema.maximum + 1)).add(String(schema.maximum))
  return [ ...values ]
}
