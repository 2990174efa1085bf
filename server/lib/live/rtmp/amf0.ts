// AMF0, the encoding of RTMP command and data messages (connect, publish, onStatus, onMetaData...). Only the
// types encoders and servers send in practice are supported; anything else ends decoding of that message.

export type AmfValue = number | boolean | string | null | undefined | Date | AmfValue[] | { [key: string]: AmfValue }

const MARKER = {
  NUMBER: 0x00,
  BOOLEAN: 0x01,
  STRING: 0x02,
  OBJECT: 0x03,
  NULL: 0x05,
  UNDEFINED: 0x06,
  ECMA_ARRAY: 0x08,
  OBJECT_END: 0x09,
  STRICT_ARRAY: 0x0a,
  DATE: 0x0b,
  LONG_STRING: 0x0c
} as const

export class AmfError extends Error {}

/** Decodes every value of a message body (a command is: name, transaction id, command object, arguments...). */
export function decodeAmf0 (buffer: Buffer): AmfValue[] {
  const values: AmfValue[] = []
  let offset = 0
  while (offset < buffer.length) {
    const [ value, next ] = decodeValue(buffer, offset, 0)
    values.push(value)
    offset = next
  }
  return values
}

function need (buffer: Buffer, offset: number, bytes: number) {
  if (offset + bytes > buffer.length) throw new AmfError('truncated AMF0 value')
}

function decodeValue (buffer: Buffer, offset: number, depth: number): [ AmfValue, number ] {
  if (depth > 16) throw new AmfError('AMF0 value nested too deeply')
  need(buffer, offset, 1)
  const marker = buffer[offset++]
  switch (marker) {
    case MARKER.NUMBER:
      need(buffer, offset, 8)
      return [ buffer.readDoubleBE(offset), offset + 8 ]
    case MARKER.BOOLEAN:
      need(buffer, offset, 1)
      return [ buffer[offset] !== 0, offset + 1 ]
    case MARKER.STRING: {
      need(buffer, offset, 2)
      const length = buffer.readUInt16BE(offset)
      need(buffer, offset + 2, length)
      return [ buffer.toString('utf8', offset + 2, offset + 2 + length), offset + 2 + length ]
    }
    case MARKER.LONG_STRING: {
      need(buffer, offset, 4)
      const length = buffer.readUInt32BE(offset)
      need(buffer, offset + 4, length)
      return [ buffer.toString('utf8', offset + 4, offset + 4 + length), offset + 4 + length ]
    }
    case MARKER.OBJECT:
      return decodeProperties(buffer, offset, depth)
    case MARKER.ECMA_ARRAY:
      need(buffer, offset, 4)
      return decodeProperties(buffer, offset + 4, depth)
    case MARKER.STRICT_ARRAY: {
      need(buffer, offset, 4)
      const count = buffer.readUInt32BE(offset)
      offset += 4
      const items: AmfValue[] = []
      for (let i = 0; i < count; i++) {
        const [ item, next ] = decodeValue(buffer, offset, depth + 1)
        items.push(item)
        offset = next
      }
      return [ items, offset ]
    }
    case MARKER.DATE:
      need(buffer, offset, 10)
      return [ new Date(buffer.readDoubleBE(offset)), offset + 10 ]
    case MARKER.NULL:
      return [ null, offset ]
    case MARKER.UNDEFINED:
      return [ undefined, offset ]
    default:
      throw new AmfError(`unsupported AMF0 marker ${marker}`)
  }
}

function decodeProperties (buffer: Buffer, offset: number, depth: number): [ AmfValue, number ] {
  const object: Record<string, AmfValue> = Object.create(null)
  for (;;) {
    need(buffer, offset, 3)
    const keyLength = buffer.readUInt16BE(offset)
    if (keyLength === 0 && buffer[offset + 2] === MARKER.OBJECT_END) return [ object, offset + 3 ]
    need(buffer, offset + 2, keyLength)
    const key = buffer.toString('utf8', offset + 2, offset + 2 + keyLength)
    const [ value, next ] = decodeValue(buffer, offset + 2 + keyLength, depth + 1)
    object[key] = value
    offset = next
  }
}

export function encodeAmf0 (...values: AmfValue[]): Buffer {
  return Buffer.concat(values.map(encodeValue))
}

function encodeString (value: string) {
  const bytes = Buffer.from(value, 'utf8')
  const header = Buffer.alloc(bytes.length > 0xffff ? 5 : 3)
  if (bytes.length > 0xffff) {
    header[0] = MARKER.LONG_STRING
    header.writeUInt32BE(bytes.length, 1)
  } else {
    header[0] = MARKER.STRING
    header.writeUInt16BE(bytes.length, 1)
  }
  return Buffer.concat([ header, bytes ])
}

function encodeKey (key: string) {
  const bytes = Buffer.from(key, 'utf8')
  const header = Buffer.alloc(2)
  header.writeUInt16BE(bytes.length)
  return Buffer.concat([ header, bytes ])
}

function encodeValue (value: AmfValue): Buffer {
  if (value === null) return Buffer.from([ MARKER.NULL ])
  if (value === undefined) return Buffer.from([ MARKER.UNDEFINED ])
  if (typeof value === 'number') {
    const out = Buffer.alloc(9)
    out[0] = MARKER.NUMBER
    out.writeDoubleBE(value, 1)
    return out
  }
  if (typeof value === 'boolean') return Buffer.from([ MARKER.BOOLEAN, value ? 1 : 0 ])
  if (typeof value === 'string') return encodeString(value)
  if (value instanceof Date) {
    const out = Buffer.alloc(11)
    out[0] = MARKER.DATE
    out.writeDoubleBE(value.getTime(), 1)
    return out
  }
  if (Array.isArray(value)) {
    const header = Buffer.alloc(5)
    header[0] = MARKER.STRICT_ARRAY
    header.writeUInt32BE(value.length, 1)
    return Buffer.concat([ header, ...value.map(encodeValue) ])
  }
  const parts: Buffer[] = [ Buffer.from([ MARKER.OBJECT ]) ]
  for (const [ key, item ] of Object.entries(value)) parts.push(encodeKey(key), encodeValue(item))
  parts.push(Buffer.from([ 0, 0, MARKER.OBJECT_END ]))
  return Buffer.concat(parts)
}
