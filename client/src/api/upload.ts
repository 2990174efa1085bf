// Resumable video upload (PeerTube's upload-resumable protocol):
//   POST /videos/upload-resumable (JSON metadata, X-Upload-Content-Length/-Type) -> 201 + Location
//   PUT <Location> with Content-Range "bytes a-b/total"  -> 308 + Range "bytes=0-N" ... -> 200 { video }
//   after a failure, an empty PUT with "bytes */total" asks the server how much it already has.
import type { VideoCreateResult, VideoResumableInit } from '../../../shared/models/client-video.js'
import { apiRawRequest, apiUrl, authHeaders } from './http.js'
import { ApiError, errorFromResponse, networkError } from './problem.js'
import { refreshTokens } from './token-refresh.js'

export type UploadState = 'starting' | 'uploading' | 'paused' | 'retrying' | 'done' | 'failed' | 'cancelled'

export interface UploadProgress {
  state: UploadState
  sentBytes: number
  totalBytes: number
  /** Bytes per second, smoothed. */
  speed: number
  /** Seconds left at the current speed, null while unknown. */
  secondsLeft: number | null
  error?: string
}

export interface UploadOptions {
  chunkSize?: number
  onProgress?: (progress: UploadProgress) => void
  /** Consecutive failed attempts tolerated before giving up. */
  maxRetries?: number
}

export const DEFAULT_CHUNK_SIZE = 8 * 1024 * 1024
const MAX_BACKOFF_MS = 15_000

interface ChunkReply { status: number; range: string | null; body: string; contentType: string }

export class ResumableUpload {
  private readonly file: File
  private readonly metadata: VideoResumableInit
  private readonly chunkSize: number
  private readonly maxRetries: number
  private readonly onProgress: (progress: UploadProgress) => void
  private uploadUrl: string | null = null
  private offset = 0
  private inChunk = 0
  private state: UploadState = 'starting'
  private xhr: XMLHttpRequest | null = null
  private resumeWaiter: (() => void) | null = null
  private speed = 0
  /** Set after an interrupted PUT: the server may hold part of that chunk, so ask before sending. */
  private needsSync = false
  private lastSample = { time: 0, bytes: 0 }

  constructor (file: File, metadata: VideoResumableInit, options: UploadOptions = {}) {
    this.file = file
    this.metadata = metadata
    this.chunkSize = options.chunkSize && options.chunkSize > 0 ? options.chunkSize : DEFAULT_CHUNK_SIZE
    this.maxRetries = options.maxRetries ?? 30
    this.onProgress = options.onProgress ?? (() => undefined)
  }

  /** Runs the whole upload; resolves with the created video's ids. */
  async start (): Promise<VideoCreateResult> {
    try {
      this.uploadUrl = await this.initSession()
      const result = await this.sendAll()
      this.setState('done')
      return result
    } catch (err) {
      if (this.state !== 'cancelled') this.setState('failed', err instanceof Error ? err.message : String(err))
      throw err
    }
  }

  pause (): void {
    if (this.state !== 'uploading' && this.state !== 'retrying') return
    this.setState('paused')
    this.xhr?.abort()
  }

  resume (): void {
    if (this.state !== 'paused') return
    this.setState('uploading')
    this.resumeWaiter?.()
    this.resumeWaiter = null
  }

  /** Stops the upload and drops what the server holds; nothing to do once it finished or failed. */
  async cancel (): Promise<void> {
    if (this.state === 'done' || this.state === 'failed' || this.state === 'cancelled') return
    this.setState('cancelled')
    this.xhr?.abort()
    this.resumeWaiter?.()
    if (this.uploadUrl) {
      await apiRawRequest('DELETE', this.uploadUrl).catch(() => undefined)
    }
  }

  /** Paused or cancelled by the user (read through a method: the state changes under awaits). */
  private interrupted (): boolean {
    return this.state === 'paused' || this.state === 'cancelled'
  }

  get isPaused (): boolean {
    return this.state === 'paused'
  }

  get isCancelled (): boolean {
    return this.state === 'cancelled'
  }

  private async initSession (): Promise<string> {
    const res = await apiRawRequest('POST', apiUrl('/videos/upload-resumable'), {
      json: this.metadata,
      headers: {
        'X-Upload-Content-Length': String(this.file.size),
        'X-Upload-Content-Type': this.file.type || 'application/octet-stream'
      }
    })
    if (res.status !== 201 && res.status !== 200) throw await errorFromResponse(res)
    const location = res.headers.get('location')
    if (!location) throw new ApiError(res.status, null, 'The server did not return an upload location')
    // Servers may answer a protocol-relative or relative URL.
    return new URL(location, window.location.href).toString()
  }

  private async sendAll (): Promise<VideoCreateResult> {
    let failures = 0
    this.setState('uploading')
    for (;;) {
      if (this.state === 'cancelled') throw new Error('Upload cancelled')
      if (this.state === 'paused') {
        await new Promise<void>(resolve => { this.resumeWaiter = resolve })
        continue
      }
      let reply: ChunkReply
      try {
        const query = this.needsSync || (this.offset >= this.file.size && this.file.size > 0)
        reply = query
          ? await this.put(null)
          : await this.put(this.file.slice(this.offset, Math.min(this.offset + this.chunkSize, this.file.size)))
        this.needsSync = false
      } catch {
        this.needsSync = true
        if (this.interrupted()) continue
        failures = await this.recoverAfterFailure(failures)
        continue
      }

      if (reply.status === 200 || reply.status === 201) {
        this.offset = this.file.size
        return parseResult(reply)
      }
      if (reply.status === 308) {
        this.offset = nextOffset(reply.range)
        failures = 0
        this.report()
        continue
      }
      if (reply.status === 401 && await refreshTokens()) continue
      if (reply.status >= 500 || reply.status === 0 || reply.status === 429) {
        failures = await this.recoverAfterFailure(failures)
        continue
      }
      throw errorFromReply(reply)
    }
  }

  /** Waits (growing delay); the next loop turn then asks the server which bytes it has. */
  private async recoverAfterFailure (failures: number): Promise<number> {
    failures++
    if (failures > this.maxRetries) throw networkError(new Error('the server could not be reached'))
    this.needsSync = true
    this.setState('retrying')
    await sleep(Math.min(MAX_BACKOFF_MS, 500 * 2 ** (failures - 1)))
    if (this.state === 'retrying') this.setState('uploading')
    return failures
  }

  /** PUT one chunk, or (blob null) the empty "what do you have?" query. */
  private async put (blob: Blob | null): Promise<ChunkReply> {
    const headers = await authHeaders()
    const total = this.file.size
    const start = this.offset
    return await new Promise<ChunkReply>((resolve, reject) => {
      const xhr = new XMLHttpRequest()
      this.xhr = xhr
      xhr.open('PUT', this.uploadUrl as string)
      for (const [name, value] of Object.entries(headers)) xhr.setRequestHeader(name, value)
      xhr.setRequestHeader('Content-Range', blob ? `bytes ${start}-${start + blob.size - 1}/${total}` : `bytes */${total}`)
      if (blob) xhr.setRequestHeader('Content-Type', 'application/octet-stream')
      xhr.upload.onprogress = event => {
        if (!blob) return
        this.inChunk = event.loaded
        this.report()
      }
      xhr.onload = () => {
        this.inChunk = 0
        resolve({
          status: xhr.status,
          range: xhr.getResponseHeader('Range'),
          body: xhr.responseText,
          contentType: xhr.getResponseHeader('Content-Type') ?? ''
        })
      }
      xhr.onerror = () => { this.inChunk = 0; reject(new Error('network error')) }
      xhr.onabort = () => { this.inChunk = 0; reject(new Error('aborted')) }
      xhr.send(blob)
    }).finally(() => { this.xhr = null })
  }

  private setState (state: UploadState, error?: string): void {
    this.state = state
    this.report(error)
  }

  private report (error?: string): void {
    const sent = Math.min(this.file.size, this.offset + this.inChunk)
    const now = performance.now()
    if (this.lastSample.time === 0) {
      this.lastSample = { time: now, bytes: sent }
    } else if (now - this.lastSample.time >= 500) {
      const instant = Math.max(0, sent - this.lastSample.bytes) / ((now - this.lastSample.time) / 1000)
      this.speed = this.speed === 0 ? instant : this.speed * 0.7 + instant * 0.3
      this.lastSample = { time: now, bytes: sent }
    }
    const left = this.file.size - sent
    this.onProgress({
      state: this.state,
      sentBytes: sent,
      totalBytes: this.file.size,
      speed: this.state === 'uploading' ? this.speed : 0,
      secondsLeft: this.speed > 0 && this.state === 'uploading' ? left / this.speed : null,
      error
    })
  }
}

/** "bytes=0-N" -> N + 1; no header means the server has nothing yet. */
export function nextOffset (range: string | null): number {
  const match = range?.match(/(\d+)\s*-\s*(\d+)/)
  return match ? Number(match[2]) + 1 : 0
}

function parseResult (reply: ChunkReply): VideoCreateResult {
  try {
    return JSON.parse(reply.body) as VideoCreateResult
  } catch {
    throw new ApiError(reply.status, null, 'The server finished the upload but its reply was unreadable')
  }
}

function errorFromReply (reply: ChunkReply): ApiError {
  let problem = null
  if (reply.contentType.includes('json')) {
    try { problem = JSON.parse(reply.body) } catch { problem = null }
  }
  return new ApiError(reply.status, problem, `Upload refused (HTTP ${reply.status})`)
}

function sleep (ms: number): Promise<void> {
  return new Promise(resolve => setTimeout(resolve, ms))
}
