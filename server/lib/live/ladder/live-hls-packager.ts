import { createHash } from 'node:crypto'
import { rename, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { FragmentInfo, TrackInfo } from './fmp4-boxes.js'
import { buildLiveMediaPlaylist, type MediaPlaylistState, type PlaylistPart, type PlaylistSegment } from './live-media-playlist.js'
import type { IngestClock, LiveSegment } from './live-ladder-types.js'

export interface PackagerOptions {
  dir: string
  resolution: number
  /** `<session prefix>-<resolution>`: every file of this rung starts with it. */
  prefix: string
  segmentSeconds: number
  partSeconds?: number
  windowSegments: number
  keepSegments: boolean
  clock: IngestClock
  onInit: (tracks: TrackInfo[]) => void
  onSegment: (segment: LiveSegment) => void
  /** A file was written (name, sha256) or removed (sha256 undefined). */
  onFile: (name: string, sha256: string | undefined) => void
  onPlaylistChange: () => void
}

/** Files out of the window stay this many windows longer, for slow viewers and relays. */
const GRACE_WINDOWS = 1

/**
 * One rung of a live: ffmpeg's fragments (moof + mdat) become LL-HLS parts (when enabled) and segments (the
 * fragments up to a keyframe past the target duration, concatenated), listed in a rolling media playlist with
 * program date times from the ingest clock. Files are written before the playlist names them, and playlists are
 * replaced atomically, so a player never asks for a file that is not there yet.
 */
export class LiveHlsPackager {
  readonly playlistName: string
  readonly initName: string
  private readonly state: MediaPlaylistState
  private current: { fragments: Buffer[], duration: number, msn: number, programDateTime: number, parts: PlaylistPart[] } | undefined
  private nextMsn = 0
  private firstDecodeTime?: number
  private firstAt?: number
  private retired: PlaylistSegment[] = []
  private writes: Promise<unknown> = Promise.resolve()
  playlist = ''
  /** Every segment made (for the replay), oldest first. */
  readonly allSegments: { name: string, duration: number }[] = []

  get resolution () {
    return this.options.resolution
  }

  constructor (private readonly options: PackagerOptions) {
    this.playlistName = `${options.prefix}.m3u8`
    this.initName = `${options.prefix}-init.mp4`
    this.state = { initName: this.initName, segments: [], pending: undefined, targetDuration: options.segmentSeconds, partTarget: options.partSeconds, ended: false }
  }

  /** Latest media sequence number in the playlist and its parts count (for blocking playlist reloads). */
  position () {
    const lastSegment = this.state.segments[this.state.segments.length - 1]
    return {
      lastCompleteMsn: lastSegment?.msn ?? -1,
      pendingMsn: this.state.pending?.msn,
      pendingParts: this.state.pending?.parts.length ?? 0,
      ended: this.state.ended
    }
  }

  /**
   * A file of this rung that is about to be written (a player asking early, as the preload hint invites): the
   * part the playlist hints or the one after it, or the segment in progress. Returns when it counts as written
   * (it is listed, or the stream ended), or undefined for any other name: those are answered as they are.
   */
  upcoming (name: string): { isPart: boolean, isWritten: () => boolean } | undefined {
    if (this.state.ended || !name.startsWith(`${this.options.prefix}-`)) return undefined
    const match = /^(\d{1,9})(?:\.(\d{1,4}))?\.m4s$/.exec(name.slice(this.options.prefix.length + 1))
    if (!match) return undefined
    const msn = Number(match[1])
    const part = match[2] === undefined ? undefined : Number(match[2])
    const { lastCompleteMsn, pendingMsn, pendingParts } = this.position()
    const inProgress = lastCompleteMsn + 1
    const listedParts = pendingMsn === inProgress ? pendingParts : 0
    const isUpcoming = part === undefined
      ? msn === inProgress
      : (msn === inProgress && part >= listedParts && part <= listedParts + 1) || (msn === inProgress + 1 && part === 0)
    if (!isUpcoming) return undefined
    return {
      isPart: part !== undefined,
      isWritten: () => {
        const now = this.position()
        if (now.ended || now.lastCompleteMsn >= msn) return true
        return part !== undefined && now.pendingMsn === msn && now.pendingParts > part
      }
    }
  }

  onInit (init: Buffer, tracks: TrackInfo[]) {
    this.queue(async () => {
      await this.writeFile(this.initName, init)
      this.options.onInit(tracks)
    })
  }

  onFragment (fragment: Buffer, info: FragmentInfo) {
    this.firstDecodeTime ??= info.decodeTime
    this.firstAt ??= this.options.clock() ?? Date.now() - info.duration * 1000
    const programDateTime = this.firstAt + (info.decodeTime - this.firstDecodeTime) * 1000

    // A segment ends before an independent fragment once it is long enough.
    if (this.current && info.independent && this.closesAt(this.current.duration)) this.closeSegment()
    if (!this.current) {
      if (!info.independent && this.nextMsn === 0) return // a stream must start on a keyframe
      this.current = { fragments: [], duration: 0, msn: this.nextMsn++, programDateTime, parts: [] }
    }
    const segment = this.current
    segment.fragments.push(fragment)
    segment.duration += info.duration

    if (this.options.partSeconds !== undefined) {
      const part = { name: `${this.options.prefix}-${segment.msn}.${segment.parts.length}.m4s`, duration: info.duration, independent: info.independent }
      segment.parts.push(part)
      const parts = [ ...segment.parts ]
      this.queue(async () => {
        await this.writeFile(part.name, fragment)
        this.state.pending = { msn: segment.msn, programDateTime: segment.programDateTime, parts }
        await this.publish()
      })
    }
  }

  /** The stream ended: the last segment is closed and the playlist says it is complete. */
  async finish () {
    if (this.current) this.closeSegment()
    this.queue(async () => {
      this.state.pending = undefined
      this.state.ended = true
      await this.publish()
    })
    await this.writes
  }

  /** A segment this long ends before the next independent fragment. */
  private closesAt (duration: number) {
    return duration >= this.options.segmentSeconds * 0.9
  }

  /** Every file this rung still has on disk (for the session's cleanup). */
  files () {
    const names = new Set<string>([ this.initName, this.playlistName ])
    for (const segment of [ ...this.retired, ...this.state.segments ]) {
      names.add(segment.name)
      for (const part of segment.parts) names.add(part.name)
    }
    for (const part of this.state.pending?.parts ?? []) names.add(part.name)
    if (this.options.keepSegments) for (const segment of this.allSegments) names.add(segment.name)
    return [ ...names ]
  }

  private closeSegment () {
    const segment = this.current!
    this.current = undefined
    const data = Buffer.concat(segment.fragments)
    const entry: PlaylistSegment = {
      msn: segment.msn,
      name: `${this.options.prefix}-${segment.msn}.m4s`,
      duration: segment.duration,
      programDateTime: segment.programDateTime,
      parts: segment.parts
    }
    this.queue(async () => {
      const sha256 = await this.writeFile(entry.name, data)
      this.state.segments.push(entry)
      this.allSegments.push({ name: entry.name, duration: entry.duration })
      if (this.state.pending?.msn === entry.msn) this.state.pending = undefined
      this.state.targetDuration = Math.max(this.state.targetDuration, entry.duration)
      this.retire()
      await this.publish()
      this.options.onSegment({
        resolution: this.options.resolution,
        name: entry.name,
        msn: entry.msn,
        duration: entry.duration,
        size: data.length,
        sha256,
        programDateTime: entry.programDateTime
      })
    })
  }

  /** Segments leaving the window are kept for a grace period, then their files go (unless kept for the replay). */
  private retire () {
    while (this.state.segments.length > this.options.windowSegments) this.retired.push(this.state.segments.shift()!)
    const graceCount = this.options.windowSegments * GRACE_WINDOWS
    while (this.retired.length > graceCount) {
      const old = this.retired.shift()!
      const names = [ ...old.parts.map(p => p.name), ...(this.options.keepSegments ? [] : [ old.name ]) ]
      for (const name of names) {
        this.options.onFile(name, undefined)
        void rm(join(this.options.dir, name), { force: true })
      }
    }
  }

  private async publish () {
    if (this.options.partSeconds !== undefined) this.state.nextPartName = this.nextPartName()
    this.playlist = buildLiveMediaPlaylist(this.state)
    await this.writeFile(this.playlistName, Buffer.from(this.playlist), false)
    this.options.onPlaylistChange()
  }

  /**
   * The part after the newest one the playlist lists: the next of the pending segment, else the first of the next.
   * A pending segment already long enough ends at the next keyframe, which the next fragment starts on (keyframes
   * come every segment duration): its next part is the next segment's first.
   */
  private nextPartName () {
    const pending = this.state.pending
    const pendingDuration = pending?.parts.reduce((sum, part) => sum + part.duration, 0) ?? 0
    if (pending && !this.closesAt(pendingDuration)) return `${this.options.prefix}-${pending.msn}.${pending.parts.length}.m4s`
    if (pending) return `${this.options.prefix}-${pending.msn + 1}.0.m4s`
    const last = this.state.segments[this.state.segments.length - 1]
    return `${this.options.prefix}-${(last?.msn ?? -1) + 1}.0.m4s`
  }

  private async writeFile (name: string, data: Buffer, hashed = true) {
    const path = join(this.options.dir, name)
    const tmp = `${path}.tmp`
    await writeFile(tmp, data)
    await rename(tmp, path)
    if (!hashed) return ''
    const sha256 = createHash('sha256').update(data).digest('hex')
    this.options.onFile(name, sha256)
    return sha256
  }

  /** File writes and playlist updates happen one at a time, in order. */
  private queue (task: () => Promise<void>) {
    this.writes = this.writes.then(task).catch(() => undefined)
  }
}
