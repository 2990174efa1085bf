import { EventEmitter } from 'node:events'
import { decodeAmf0 } from './amf0.js'
import { MESSAGE_TYPE } from './rtmp-chunks.js'

/** An audio, video or data message of a published stream, with the time it reached us (the ingest clock). */
export interface MediaMessage {
  typeId: number
  timestamp: number
  payload: Buffer
  /** Epoch milliseconds at which the message was received. */
  receivedAt: number
}

export type MediaSubscriber = (message: MediaMessage) => void

/**
 * One stream being published: what a player joining late needs first (metadata, codec configurations, the
 * messages since the last keyframe), and the players receiving it. Events: 'end' (the publisher went away).
 */
export class PublishedStream extends EventEmitter {
  metadata?: MediaMessage
  videoConfig?: MediaMessage
  audioConfig?: MediaMessage
  private gop: MediaMessage[] = []
  private readonly subscribers = new Set<MediaSubscriber>()
  ended = false
  /** Bytes of audio and video received. */
  bytesReceived = 0
  /** Epoch ms of the first media message and of the latest one. */
  firstMediaAt?: number
  lastMediaAt?: number

  constructor (readonly name: string, readonly startedAt = Date.now()) {
    super()
  }

  push (message: MediaMessage) {
    if (this.ended) return
    if (message.typeId === MESSAGE_TYPE.DATA_AMF0) {
      this.metadata = message
    } else if (message.typeId === MESSAGE_TYPE.VIDEO) {
      this.countMedia(message)
      if (isVideoSequenceHeader(message.payload)) {
        this.videoConfig = message
      } else if (isVideoKeyframe(message.payload)) {
        this.gop = [ message ]
      } else if (this.gop.length !== 0) {
        this.gop.push(message)
      }
    } else if (message.typeId === MESSAGE_TYPE.AUDIO) {
      this.countMedia(message)
      if (isAacSequenceHeader(message.payload)) this.audioConfig = message
      else if (this.gop.length !== 0) this.gop.push(message)
    }
    // A stream that never sends a keyframe must not grow the cache forever.
    if (this.gop.length > 2000) this.gop = []
    for (const subscriber of this.subscribers) subscriber(message)
  }

  /** Adds a player: it gets metadata, codec configurations and the current group of pictures, then live messages. */
  subscribe (subscriber: MediaSubscriber) {
    // The ingest clock of the first player's first frame: its output's time 0 (program date times start there).
    const tracked: MediaSubscriber = message => {
      if (message.typeId !== MESSAGE_TYPE.DATA_AMF0 && this.firstPlayedFrameAt === undefined) this.firstPlayedFrameAt = message.receivedAt
      subscriber(message)
    }
    for (const message of [ this.metadata, this.videoConfig, this.audioConfig, ...this.gop ]) {
      if (message) tracked(message)
    }
    this.subscribers.add(tracked)
    return () => { this.subscribers.delete(tracked) }
  }

  /** Epoch ms at which the first frame a player got reached us. */
  firstPlayedFrameAt?: number

  /** `onMetaData` of the publisher, decoded (width, height, framerate...), if it sent one. */
  metadataObject (): Record<string, unknown> | undefined {
    if (!this.metadata) return undefined
    try {
      const values = decodeAmf0(this.metadata.payload)
      const object = values[1]
      return object && typeof object === 'object' && !Array.isArray(object) && !(object instanceof Date) ? object as Record<string, unknown> : undefined
    } catch {
      return undefined
    }
  }

  get subscriberCount () {
    return this.subscribers.size
  }

  get hasVideo () {
    return this.videoConfig !== undefined || this.gop.some(m => m.typeId === MESSAGE_TYPE.VIDEO)
  }

  get hasAudio () {
    return this.audioConfig !== undefined || this.gop.some(m => m.typeId === MESSAGE_TYPE.AUDIO)
  }

  end () {
    if (this.ended) return
    this.ended = true
    this.subscribers.clear()
    this.emit('end')
  }

  private countMedia (message: MediaMessage) {
    this.bytesReceived += message.payload.length
    this.firstMediaAt ??= message.receivedAt
    this.lastMediaAt = message.receivedAt
  }
}

// FLV tag bodies: video = frame type (4 bits) + codec (4 bits), then for AVC a packet type (0 = configuration).
// Enhanced RTMP (HEVC, AV1) sets the top bit and puts the packet type in the low 4 bits.
function isVideoSequenceHeader (payload: Buffer) {
  if (payload.length < 2) return false
  if (payload[0] & 0x80) return (payload[0] & 0x0f) === 0
  return (payload[0] & 0x0f) === 7 && payload[1] === 0
}

export function isVideoKeyframe (payload: Buffer) {
  return payload.length > 0 && ((payload[0] >> 4) & 0x07) === 1
}

function isAacSequenceHeader (payload: Buffer) {
  return payload.length >= 2 && (payload[0] >> 4) === 10 && payload[1] === 0
}
