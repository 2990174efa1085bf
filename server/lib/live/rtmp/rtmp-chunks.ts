// RTMP chunk streams: messages are cut into chunks (128 bytes until a Set Chunk Size), each with a compressed
// header that refers to the previous chunk of the same chunk stream. The reader turns bytes into whole messages;
// the writer cuts our messages into chunks (a full header, then type-3 continuation chunks).

export const MESSAGE_TYPE = {
  SET_CHUNK_SIZE: 1,
  ABORT: 2,
  ACK: 3,
  USER_CONTROL: 4,
  WINDOW_ACK_SIZE: 5,
  SET_PEER_BANDWIDTH: 6,
  AUDIO: 8,
  VIDEO: 9,
  DATA_AMF3: 15,
  COMMAND_AMF3: 17,
  DATA_AMF0: 18,
  COMMAND_AMF0: 20
} as const

export interface RtmpMessage {
  chunkStreamId: number
  typeId: number
  streamId: number
  /** Milliseconds, as the sender counts them (32 bits, wraps after 49 days). */
  timestamp: number
  payload: Buffer
}

export class RtmpProtocolError extends Error {}

interface ChunkStreamState {
  timestamp: number
  delta: number
  length: number
  typeId: number
  streamId: number
  extended: boolean
  parts: Buffer[]
  received: number
}

const MAX_CHUNK_SIZE = 0x7fffffff
const EXTENDED_TIMESTAMP = 0xffffff

export class ChunkReader {
  private chunkSize = 128
  private pending: Buffer = Buffer.alloc(0)
  private readonly streams = new Map<number, ChunkStreamState>()

  constructor (private readonly maxMessageBytes: number) {}

  setChunkSize (size: number) {
    if (size < 1 || size > MAX_CHUNK_SIZE) throw new RtmpProtocolError(`invalid chunk size ${size}`)
    this.chunkSize = size
  }

  /** Adds received bytes; returns the messages they completed, in order. */
  push (data: Buffer): RtmpMessage[] {
    this.pending = this.pending.length === 0 ? data : Buffer.concat([ this.pending, data ])
    const messages: RtmpMessage[] = []
    let offset = 0
    for (;;) {
      const consumed = this.readChunk(offset, messages)
      if (consumed === 0) break
      offset += consumed
    }
    this.pending = offset === 0 ? this.pending : this.pending.subarray(offset)
    return messages
  }

  /** Reads one chunk at `offset` if it is all there; returns its length in bytes (0: wait for more). */
  private readChunk (start: number, out: RtmpMessage[]) {
    const buf = this.pending
    let offset = start
    if (buf.length - offset < 1) return 0
    const fmt = buf[offset] >> 6
    let csid = buf[offset] & 0x3f
    offset++
    if (csid === 0) {
      if (buf.length - offset < 1) return 0
      csid = 64 + buf[offset]
      offset++
    } else if (csid === 1) {
      if (buf.length - offset < 2) return 0
      csid = 64 + buf[offset] + buf[offset + 1] * 256
      offset += 2
    }

    const headerBytes = [ 11, 7, 3, 0 ][fmt]
    if (buf.length - offset < headerBytes) return 0

    const previous = this.streams.get(csid)
    if (fmt !== 0 && !previous) throw new RtmpProtocolError(`chunk stream ${csid} starts without a full header`)
    const state: ChunkStreamState = previous ?? { timestamp: 0, delta: 0, length: 0, typeId: 0, streamId: 0, extended: false, parts: [], received: 0 }
    const startsMessage = state.received === 0

    let timeField = 0
    if (fmt <= 2) timeField = buf.readUIntBE(offset, 3)
    const extended = fmt <= 2 ? timeField === EXTENDED_TIMESTAMP : state.extended
    let length = state.length
    let typeId = state.typeId
    let streamId = state.streamId
    if (fmt <= 1) {
      length = buf.readUIntBE(offset + 3, 3)
      typeId = buf[offset + 6]
    }
    if (fmt === 0) streamId = buf.readUInt32LE(offset + 7)
    offset += headerBytes

    if (extended) {
      if (buf.length - offset < 4) return 0
      timeField = buf.readUInt32BE(offset)
      offset += 4
    }

    if (fmt !== 3 && !startsMessage) throw new RtmpProtocolError(`chunk stream ${csid}: new header inside a message`)
    if (length > this.maxMessageBytes) throw new RtmpProtocolError(`message of ${length} bytes is over the limit`)

    const remaining = length - state.received
    const payloadBytes = Math.min(this.chunkSize, remaining)
    if (buf.length - offset < payloadBytes) return 0

    // Everything is there: commit the header to the chunk stream's state.
    if (startsMessage) {
      if (fmt === 0) {
        state.timestamp = timeField
        // A type-3 chunk starting the next message repeats this as its delta (the spec, and ffmpeg's reading).
        state.delta = timeField
      } else if (fmt === 1 || fmt === 2) {
        state.delta = timeField
        state.timestamp = (state.timestamp + timeField) >>> 0
      } else {
        state.timestamp = (state.timestamp + state.delta) >>> 0
      }
      state.length = length
      state.typeId = typeId
      state.streamId = streamId
      state.extended = extended
      state.parts = []
    }
    this.streams.set(csid, state)

    state.parts.push(buf.subarray(offset, offset + payloadBytes))
    state.received += payloadBytes
    offset += payloadBytes

    if (state.received >= state.length) {
      out.push({
        chunkStreamId: csid,
        typeId: state.typeId,
        streamId: state.streamId,
        timestamp: state.timestamp,
        // Copied: the chunks are views of a buffer that is reused for the next reads.
        payload: Buffer.concat(state.parts)
      })
      state.parts = []
      state.received = 0
    }
    return offset - start
  }
}

/** Chunks of one message: a type-0 header, then type-3 continuation chunks. */
export function encodeMessage (message: RtmpMessage, chunkSize: number): Buffer {
  const { chunkStreamId: csid, typeId, streamId, payload } = message
  const timestamp = message.timestamp >>> 0
  const extended = timestamp >= EXTENDED_TIMESTAMP

  const basic = (fmt: number) => {
    if (csid < 64) return Buffer.from([ (fmt << 6) | csid ])
    if (csid < 320) return Buffer.from([ fmt << 6, csid - 64 ])
    return Buffer.from([ (fmt << 6) | 1, (csid - 64) & 0xff, (csid - 64) >> 8 ])
  }
  const extendedField = () => {
    const ext = Buffer.alloc(4)
    ext.writeUInt32BE(timestamp)
    return ext
  }

  const header = Buffer.alloc(11)
  header.writeUIntBE(extended ? EXTENDED_TIMESTAMP : timestamp, 0, 3)
  header.writeUIntBE(payload.length, 3, 3)
  header[6] = typeId
  header.writeUInt32LE(streamId, 7)

  const parts: Buffer[] = [ basic(0), header ]
  if (extended) parts.push(extendedField())
  for (let offset = 0; offset < payload.length || offset === 0; offset += chunkSize) {
    if (offset > 0) {
      parts.push(basic(3))
      if (extended) parts.push(extendedField())
    }
    parts.push(payload.subarray(offset, offset + chunkSize))
    if (payload.length === 0) break
  }
  return Buffer.concat(parts)
}

export function controlMessage (typeId: number, value: number, extra?: number): RtmpMessage {
  const payload = Buffer.alloc(extra === undefined ? 4 : 5)
  payload.writeUInt32BE(value >>> 0)
  if (extra !== undefined) payload[4] = extra
  return { chunkStreamId: 2, typeId, streamId: 0, timestamp: 0, payload }
}

export const USER_CONTROL_EVENT = {
  STREAM_BEGIN: 0,
  STREAM_EOF: 1,
  SET_BUFFER_LENGTH: 3,
  PING_REQUEST: 6,
  PING_RESPONSE: 7
} as const

export function userControlMessage (event: number, value: number): RtmpMessage {
  const payload = Buffer.alloc(6)
  payload.writeUInt16BE(event)
  payload.writeUInt32BE(value >>> 0, 2)
  return { chunkStreamId: 2, typeId: MESSAGE_TYPE.USER_CONTROL, streamId: 0, timestamp: 0, payload }
}
