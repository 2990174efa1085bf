// The text of a live media playlist (fMP4, RFC 8216 + LL-HLS partial segments), from the packager's state.

export interface PlaylistPart {
  name: string
  duration: number
  independent: boolean
}

export interface PlaylistSegment {
  msn: number
  name: string
  duration: number
  programDateTime: number
  parts: PlaylistPart[]
}

export interface MediaPlaylistState {
  initName: string
  segments: PlaylistSegment[]
  /** Parts of the segment being made (LL-HLS), with its start time. */
  pending: { msn: number, programDateTime: number, parts: PlaylistPart[] } | undefined
  targetDuration: number
  /** The part length asked of ffmpeg (LL-HLS); parts come out a frame longer or shorter. */
  partTarget?: number
  /** The part that comes next (announced as a preload hint). */
  nextPartName?: string
  ended: boolean
}

/** Parts are listed for the last few segments only (the spec asks for those within three target durations). */
const SEGMENTS_WITH_PARTS = 3

/**
 * ffmpeg cuts a part at the first frame past the asked length (13 frames, 0.52 s, for 0.5 s at 25 fps), and a
 * part may not last longer than PART-TARGET: the declared target leaves room for one frame at 20 fps and more,
 * while the shorter parts stay above the 85 % of it the spec asks for.
 */
export const PART_TARGET_MARGIN = 1.1

/** PART-TARGET as declared for parts asked of `partSeconds`. */
export function declaredPartTarget (partSeconds: number) {
  return Math.round(partSeconds * PART_TARGET_MARGIN * 1000) / 1000
}

export function buildLiveMediaPlaylist (state: MediaPlaylistState) {
  const lowLatency = state.partTarget !== undefined
  const first = state.segments[0]?.msn ?? state.pending?.msn ?? 0
  const lines = [
    '#EXTM3U',
    `#EXT-X-VERSION:${lowLatency ? 9 : 7}`,
    `#EXT-X-TARGETDURATION:${Math.max(1, Math.ceil(state.targetDuration))}`,
    `#EXT-X-MEDIA-SEQUENCE:${first}`,
    '#EXT-X-INDEPENDENT-SEGMENTS'
  ]
  if (lowLatency) {
    const partTarget = declaredPartTarget(state.partTarget!)
    lines.push(
      `#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=${formatDuration(partTarget * 3)}`,
      `#EXT-X-PART-INF:PART-TARGET=${formatDuration(partTarget)}`
    )
  }
  lines.push(`#EXT-X-MAP:URI="${state.initName}"`)

  const withParts = state.segments.length - SEGMENTS_WITH_PARTS
  state.segments.forEach((segment, index) => {
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(segment.programDateTime).toISOString()}`)
    if (lowLatency && index >= withParts) lines.push(...segment.parts.map(partLine))
    lines.push(`#EXTINF:${formatDuration(segment.duration)},`, segment.name)
  })

  if (lowLatency && state.pending && state.pending.parts.length !== 0) {
    lines.push(`#EXT-X-PROGRAM-DATE-TIME:${new Date(state.pending.programDateTime).toISOString()}`)
    lines.push(...state.pending.parts.map(partLine))
  }
  // The next part is announced (RFC 8216bis preload hint), so the playlist never ends on a complete segment: hls.js
  // then took that last segment for the one in progress, handed the next segment its timing, and slid its timeline
  // back one segment on every reload (playback froze).
  if (lowLatency && !state.ended && state.nextPartName) lines.push(`#EXT-X-PRELOAD-HINT:TYPE=PART,URI="${state.nextPartName}"`)
  if (state.ended) lines.push('#EXT-X-ENDLIST')
  return lines.join('\n') + '\n'
}

function partLine (part: PlaylistPart) {
  return `#EXT-X-PART:DURATION=${formatDuration(part.duration)},URI="${part.name}"${part.independent ? ',INDEPENDENT=YES' : ''}`
}

function formatDuration (seconds: number) {
  return seconds.toFixed(3)
}
