// Reading back the media playlists ffmpeg writes: we need each segment's byte range (segments-sha256.json) and
// duration (peak bandwidth for the master playlist).

export interface ByteRange {
  offset: number
  length: number
}

export interface MediaPlaylistSegment extends ByteRange {
  uri: string
  durationSeconds: number
}

export interface MediaPlaylist {
  targetDurationSeconds: number
  /** The init section (EXT-X-MAP), when the segments are fragmented MP4. */
  init?: { uri: string } & Partial<ByteRange>
  segments: MediaPlaylistSegment[]
  ended: boolean
}

/** Parses a VOD media playlist whose segments are byte ranges (`#EXT-X-BYTERANGE:<length>[@<offset>]`). */
export function parseMediaPlaylist (content: string): MediaPlaylist {
  const playlist: MediaPlaylist = { targetDurationSeconds: 0, segments: [], ended: false }

  let pendingDuration: number | undefined
  let pendingRange: { length: number, offset?: number } | undefined
  const nextOffsetByUri = new Map<string, number>()

  for (const rawLine of content.split('\n')) {
    const line = rawLine.trim()
    if (line === '') continue

    if (line.startsWith('#EXT-X-TARGETDURATION:')) {
      playlist.targetDurationSeconds = Number(line.slice('#EXT-X-TARGETDURATION:'.length))
    } else if (line.startsWith('#EXT-X-MAP:')) {
      const uri = /URI="([^"]*)"/.exec(line)?.[1] ?? ''
      const range = /BYTERANGE="(\d+)(?:@(\d+))?"/.exec(line)
      playlist.init = range
        ? { uri, length: Number(range[1]), offset: Number(range[2] ?? 0) }
        : { uri }
    } else if (line.startsWith('#EXTINF:')) {
      pendingDuration = parseFloat(line.slice('#EXTINF:'.length))
    } else if (line.startsWith('#EXT-X-BYTERANGE:')) {
      const match = /^#EXT-X-BYTERANGE:(\d+)(?:@(\d+))?$/.exec(line)
      if (!match) throw new Error(`Unreadable byte range line: ${line}`)
      pendingRange = { length: Number(match[1]), offset: match[2] !== undefined ? Number(match[2]) : undefined }
    } else if (line === '#EXT-X-ENDLIST') {
      playlist.ended = true
    } else if (!line.startsWith('#')) {
      if (pendingDuration === undefined || !pendingRange) {
        throw new Error(`Segment ${line} has no EXTINF or EXT-X-BYTERANGE: not a single-file playlist`)
      }

      // Without "@offset" a range starts where the previous range of the same resource ended (RFC 8216 4.3.2.2).
      const offset = pendingRange.offset ?? nextOffsetByUri.get(line)
      if (offset === undefined) throw new Error(`Byte range of ${line} has no offset and no previous range`)

      playlist.segments.push({ uri: line, durationSeconds: pendingDuration, offset, length: pendingRange.length })
      nextOffsetByUri.set(line, offset + pendingRange.length)
      pendingDuration = undefined
      pendingRange = undefined
    }
  }

  return playlist
}

/** PeerTube's key for a range: "<first byte>-<last byte>", both inclusive, like an HTTP Range header. */
export function formatRangeKey (range: ByteRange) {
  return `${range.offset}-${range.offset + range.length - 1}`
}
