// Where the player fetches a video's files over HTTP: the origin first, then the mirrors other instances hold
// (PeerTube's `redundancies` for HLS, the extra WebSeeds of a web video's magnet). A source that fails or stalls
// is dropped for a while, longer each time, and the next one is used; once its time is over it gets another
// chance. So is a source that answers, but too slowly to keep playback going (measured on what it delivers), as long
// as another source is there to take over. PeerTube's players stay with the origin, so a popular video whose origin
// struggles stalls for everyone.

const FIRST_DROP_MS = 30_000
const MAX_DROP_MS = 10 * 60_000
/** Media seconds delivered per second of download below which a source cannot keep up with playback. */
export const SLOW_REALTIME_FACTOR = 1
/** Slow downloads in a row before the source is dropped: one slow request (a cold connection) is not enough. */
const SLOW_SAMPLES = 2

interface Source { base: string; failures: number; droppedUntil: number; slowInARow: number }

export class MirrorSources {
  private readonly sources: Source[]

  /** `bases`: the origin's base URL first, then the mirrors'; a file is `<base>/<name>`. */
  constructor (bases: string[]) {
    const unique = [...new Set(bases.map(b => b.replace(/\/+$/, '')))]
    this.sources = unique.map(base => ({ base, failures: 0, droppedUntil: 0, slowInARow: 0 }))
  }

  get size (): number {
    return this.sources.length
  }

  /** The source to use now: the first one not dropped, else the one back soonest. */
  current (): string {
    const now = Date.now()
    const usable = this.sources.find(s => s.droppedUntil <= now)
    return (usable ?? [...this.sources].sort((a, b) => a.droppedUntil - b.droppedUntil)[0]).base
  }

  /** `url` (any source's) rewritten to the source in use now. */
  rewrite (url: string): string {
    const from = this.sourceOf(url)
    if (!from) return url
    const to = this.current()
    return to + url.slice(from.base.length)
  }

  /** The request for `url` failed or stalled: its source is dropped for a while. */
  reportFailure (url: string): void {
    const source = this.sourceOf(url)
    if (source) this.drop(source)
  }

  /**
   * A download from `url` succeeded, carrying `mediaSeconds` of media in `elapsedMs`. Fast enough, it counts as a
   * success; too slow twice in a row, its source is dropped like a failing one (and its time away grows the same
   * way), unless no other source is usable now: a slow source beats none. True if dropped.
   */
  reportThroughput (url: string, mediaSeconds: number, elapsedMs: number): boolean {
    const source = this.sourceOf(url)
    if (!source) return false
    const factor = mediaSeconds / (Math.max(elapsedMs, 1) / 1000)
    if (!(mediaSeconds > 0) || factor >= SLOW_REALTIME_FACTOR) {
      source.slowInARow = 0
      source.failures = 0
      return false
    }
    if (++source.slowInARow < SLOW_SAMPLES) return false
    const now = Date.now()
    if (!this.sources.some(s => s !== source && s.droppedUntil <= now)) return false
    this.drop(source)
    return true
  }

  /** A request for `url` succeeded: its source is good again. */
  reportSuccess (url: string): void {
    const source = this.sourceOf(url)
    if (source) source.failures = 0
  }

  private drop (source: Source): void {
    source.failures++
    source.slowInARow = 0
    source.droppedUntil = Date.now() + Math.min(FIRST_DROP_MS * 2 ** (source.failures - 1), MAX_DROP_MS)
  }

  private sourceOf (url: string): Source | undefined {
    return this.sources.find(s => url === s.base || url.startsWith(s.base + '/'))
  }
}

/** The folder part of a file URL (what mirrors keep the same: names are the origin's). */
export function baseOf (url: string): string {
  return url.slice(0, url.lastIndexOf('/'))
}

/** The WebSeeds of a web video file's magnet other than the file's own URL: its mirrors' copies. */
export function mirrorUrlsOfFile (file: { fileUrl: string; magnetUri: string | null }): string[] {
  if (!file.magnetUri) return []
  const query = file.magnetUri.slice(file.magnetUri.indexOf('?') + 1)
  return new URLSearchParams(query).getAll('ws').filter(url => url !== file.fileUrl)
}
