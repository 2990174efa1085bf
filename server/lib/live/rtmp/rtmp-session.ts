import { randomBytes } from 'node:crypto'
import type { Socket } from 'node:net'
import { decodeAmf0, encodeAmf0, type AmfValue } from './amf0.js'
import {
  ChunkReader, MESSAGE_TYPE, USER_CONTROL_EVENT, controlMessage, encodeMessage, userControlMessage, type RtmpMessage
} from './rtmp-chunks.js'
import type { MediaMessage, PublishedStream } from './published-stream.js'

// One RTMP connection: the handshake (the simple one, which ffmpeg and OBS accept), the NetConnection and
// NetStream commands of a publisher (connect, releaseStream, FCPublish, createStream, publish, deleteStream) or of
// a player (connect, createStream, play), and the media messages. What to do with a publish or a play is the
// server's decision (callbacks); this class only speaks the protocol.

const HANDSHAKE_SIZE = 1536
const OUR_CHUNK_SIZE = 4096
const OUR_WINDOW_ACK_SIZE = 5_000_000
const MAX_MESSAGE_BYTES = 16 * 1024 * 1024
/** A player further behind than this (bytes queued in its socket) is dropped. */
const MAX_PLAYER_BACKLOG_BYTES = 32 * 1024 * 1024
const MESSAGE_STREAM_ID = 1

const CHUNK_STREAM = { COMMAND: 3, DATA: 5, AUDIO: 6, VIDEO: 7 } as const

export interface PublishRequest {
  app: string
  /** The publishing name (the stream key), without any `?query`. */
  streamKey: string
  remoteAddress: string
  secure: boolean
}

export interface SessionCallbacks {
  /** Resolves with the stream the publisher's messages go to; rejects (message shown to the streamer) to refuse. */
  onPublish: (request: PublishRequest, session: RtmpSession) => Promise<PublishedStream>
  /** The stream a player asked for, if it may have it. */
  onPlay: (app: string, name: string, remoteAddress: string) => PublishedStream | undefined
  onClose: (session: RtmpSession) => void
}

type Phase = 'c0c1' | 'c2' | 'chunks' | 'closed'

export class RtmpSession {
  readonly id = randomBytes(6).toString('hex')
  private phase: Phase = 'c0c1'
  private handshakeBuffer = Buffer.alloc(0)
  private readonly reader = new ChunkReader(MAX_MESSAGE_BYTES)
  private app = ''
  private bytesIn = 0
  private lastAck = 0
  private peerWindowAckSize = 0
  private publishing?: PublishedStream
  private unsubscribe?: () => void
  /** Epoch ms at which the player got its first media message (its timestamps start there). */
  playStartedAt?: number

  constructor (private readonly socket: Socket, private readonly callbacks: SessionCallbacks, readonly secure: boolean) {
    socket.setNoDelay(true)
    socket.on('data', data => this.onData(data))
    socket.on('close', () => this.close())
    socket.on('error', () => this.close())
  }

  get remoteAddress () {
    return this.socket.remoteAddress ?? ''
  }

  get publishedStream () {
    return this.publishing
  }

  /** Tells the streamer why (an onStatus error ffmpeg and OBS show), then hangs up. */
  refuse (description: string, code = 'NetStream.Publish.BadName') {
    this.sendStatus('error', code, description)
    this.socket.end()
    setTimeout(() => this.socket.destroy(), 1000).unref()
  }

  close () {
    if (this.phase === 'closed') return
    this.phase = 'closed'
    this.unsubscribe?.()
    this.publishing?.end()
    this.socket.destroy()
    this.callbacks.onClose(this)
  }

  private onData (data: Buffer) {
    this.bytesIn += data.length
    try {
      if (this.phase === 'c0c1' || this.phase === 'c2') {
        this.handshakeBuffer = Buffer.concat([ this.handshakeBuffer, data ])
        data = this.handshake()
        if (data.length === 0) return
      }
      if (this.phase !== 'chunks') return
      for (const message of this.reader.push(data)) this.onMessage(message)
      this.acknowledge()
    } catch {
      this.close()
    }
  }

  /** C0+C1 -> S0+S1+S2; C2 -> chunks. Returns the bytes left after the handshake. */
  private handshake (): Buffer {
    if (this.phase === 'c0c1') {
      if (this.handshakeBuffer.length < 1 + HANDSHAKE_SIZE) return Buffer.alloc(0)
      if (this.handshakeBuffer[0] !== 3) throw new Error('unsupported RTMP version')
      const c1 = this.handshakeBuffer.subarray(1, 1 + HANDSHAKE_SIZE)
      // S1: our time, zero "version" (tells clients not to check digests), random bytes. S2 echoes C1.
      const s1 = randomBytes(HANDSHAKE_SIZE)
      s1.writeUInt32BE(0, 0)
      s1.writeUInt32BE(0, 4)
      this.socket.write(Buffer.concat([ Buffer.from([ 3 ]), s1, c1 ]))
      this.handshakeBuffer = this.handshakeBuffer.subarray(1 + HANDSHAKE_SIZE)
      this.phase = 'c2'
    }
    if (this.handshakeBuffer.length < HANDSHAKE_SIZE) return Buffer.alloc(0)
    const rest = this.handshakeBuffer.subarray(HANDSHAKE_SIZE)
    this.handshakeBuffer = Buffer.alloc(0)
    this.phase = 'chunks'
    return rest
  }

  private acknowledge () {
    if (this.peerWindowAckSize > 0 && this.bytesIn - this.lastAck >= this.peerWindowAckSize) {
      this.lastAck = this.bytesIn
      this.send(controlMessage(MESSAGE_TYPE.ACK, this.bytesIn))
    }
  }

  private onMessage (message: RtmpMessage) {
    switch (message.typeId) {
      case MESSAGE_TYPE.SET_CHUNK_SIZE:
        this.reader.setChunkSize(message.payload.readUInt32BE(0) & 0x7fffffff)
        return
      case MESSAGE_TYPE.WINDOW_ACK_SIZE:
        this.peerWindowAckSize = message.payload.readUInt32BE(0)
        return
      case MESSAGE_TYPE.USER_CONTROL:
        if (message.payload.readUInt16BE(0) === USER_CONTROL_EVENT.PING_REQUEST) {
          this.send(userControlMessage(USER_CONTROL_EVENT.PING_RESPONSE, message.payload.readUInt32BE(2)))
        }
        return
      case MESSAGE_TYPE.COMMAND_AMF0:
        return this.onCommand(decodeAmf0(message.payload))
      case MESSAGE_TYPE.COMMAND_AMF3:
        // AMF3 commands start with a format byte, then carry AMF0 values.
        return this.onCommand(decodeAmf0(message.payload.subarray(1)))
      case MESSAGE_TYPE.AUDIO:
      case MESSAGE_TYPE.VIDEO:
        this.publishing?.push({ typeId: message.typeId, timestamp: message.timestamp, payload: message.payload, receivedAt: Date.now() })
        return
      case MESSAGE_TYPE.DATA_AMF0:
        return this.onData0(message)
      default:
    }
  }

  /** `@setDataFrame("onMetaData", {...})` from a publisher is kept as the `onMetaData` players get first. */
  private onData0 (message: RtmpMessage) {
    if (!this.publishing) return
    const values = decodeAmf0(message.payload)
    const start = values[0] === '@setDataFrame' ? 1 : 0
    if (values[start] !== 'onMetaData') return
    this.publishing.push({
      typeId: MESSAGE_TYPE.DATA_AMF0,
      timestamp: 0,
      payload: encodeAmf0(...values.slice(start)),
      receivedAt: Date.now()
    })
  }

  private onCommand (values: AmfValue[]) {
    const [ name, transactionId, , ...args ] = values
    const txn = typeof transactionId === 'number' ? transactionId : 0
    switch (name) {
      case 'connect': {
        const command = values[2] as Record<string, AmfValue> | null
        this.app = typeof command?.app === 'string' ? command.app.replace(/\/+$/, '') : ''
        this.send(controlMessage(MESSAGE_TYPE.WINDOW_ACK_SIZE, OUR_WINDOW_ACK_SIZE))
        this.send(controlMessage(MESSAGE_TYPE.SET_PEER_BANDWIDTH, OUR_WINDOW_ACK_SIZE, 2))
        this.send(controlMessage(MESSAGE_TYPE.SET_CHUNK_SIZE, OUR_CHUNK_SIZE))
        this.chunkSize = OUR_CHUNK_SIZE
        this.sendCommand('_result', txn, { fmsVer: 'FMS/3,0,1,123', capabilities: 31 }, {
          level: 'status', code: 'NetConnection.Connect.Success', description: 'Connection succeeded.', objectEncoding: 0
        })
        return
      }
      case 'createStream':
        this.sendCommand('_result', txn, null, MESSAGE_STREAM_ID)
        return
      case 'publish':
        void this.onPublish(typeof args[0] === 'string' ? args[0] : '')
        return
      case 'play':
        this.onPlay(typeof args[0] === 'string' ? args[0] : '')
        return
      case 'deleteStream':
      case 'closeStream':
      case 'FCUnpublish':
        // The publisher is done: its stream ends now, not when the connection times out.
        if (this.publishing) {
          this.publishing.end()
          this.socket.end()
        }
        return
      default:
        // releaseStream, FCPublish, FCSubscribe, getStreamLength...: acknowledged, nothing to do.
        if (txn > 0) this.sendCommand('_result', txn, null)
    }
  }

  private async onPublish (publishingName: string) {
    if (this.publishing) return
    const streamKey = publishingName.split('?')[0]
    try {
      const stream = await this.callbacks.onPublish({ app: this.app, streamKey, remoteAddress: this.remoteAddress, secure: this.secure }, this)
      if (this.phase === 'closed') {
        stream.end()
        return
      }
      this.publishing = stream
      this.send(userControlMessage(USER_CONTROL_EVENT.STREAM_BEGIN, MESSAGE_STREAM_ID))
      this.sendStatus('status', 'NetStream.Publish.Start', `${streamKey} is now published.`)
    } catch (err) {
      this.refuse(err instanceof Error ? err.message : 'Publishing refused')
    }
  }

  private onPlay (name: string) {
    const stream = this.callbacks.onPlay(this.app, name.split('?')[0], this.remoteAddress)
    if (!stream || stream.ended) {
      this.sendStatus('error', 'NetStream.Play.StreamNotFound', 'No such stream')
      this.socket.end()
      return
    }
    this.send(userControlMessage(USER_CONTROL_EVENT.STREAM_BEGIN, MESSAGE_STREAM_ID))
    this.sendStatus('status', 'NetStream.Play.Reset', 'Playing and resetting.')
    this.sendStatus('status', 'NetStream.Play.Start', 'Started playing.')
    this.send({ chunkStreamId: CHUNK_STREAM.DATA, typeId: MESSAGE_TYPE.DATA_AMF0, streamId: MESSAGE_STREAM_ID, timestamp: 0, payload: encodeAmf0('|RtmpSampleAccess', false, false) })

    const forward = (message: MediaMessage) => {
      if (this.phase === 'closed') return
      if (message.typeId !== MESSAGE_TYPE.DATA_AMF0) this.playStartedAt ??= message.receivedAt
      const chunkStreamId = message.typeId === MESSAGE_TYPE.AUDIO ? CHUNK_STREAM.AUDIO : message.typeId === MESSAGE_TYPE.VIDEO ? CHUNK_STREAM.VIDEO : CHUNK_STREAM.DATA
      this.send({ chunkStreamId, typeId: message.typeId, streamId: MESSAGE_STREAM_ID, timestamp: message.timestamp, payload: message.payload })
      if (this.socket.writableLength > MAX_PLAYER_BACKLOG_BYTES) this.close()
    }
    this.unsubscribe = stream.subscribe(forward)
    stream.once('end', () => {
      if (this.phase === 'closed') return
      this.send(userControlMessage(USER_CONTROL_EVENT.STREAM_EOF, MESSAGE_STREAM_ID))
      this.sendStatus('status', 'NetStream.Play.UnpublishNotify', 'The stream ended.')
      this.socket.end()
    })
  }

  private chunkSize = 128

  private send (message: RtmpMessage) {
    if (this.phase === 'closed' || this.socket.destroyed) return
    this.socket.write(encodeMessage(message, this.chunkSize))
  }

  private sendCommand (name: string, transactionId: number, ...args: AmfValue[]) {
    this.send({ chunkStreamId: CHUNK_STREAM.COMMAND, typeId: MESSAGE_TYPE.COMMAND_AMF0, streamId: 0, timestamp: 0, payload: encodeAmf0(name, transactionId, ...args) })
  }

  private sendStatus (level: 'status' | 'error', code: string, description: string) {
    this.send({
      chunkStreamId: CHUNK_STREAM.COMMAND,
      typeId: MESSAGE_TYPE.COMMAND_AMF0,
      streamId: MESSAGE_STREAM_ID,
      timestamp: 0,
      payload: encodeAmf0('onStatus', 0, null, { level, code, description })
    })
  }
}
