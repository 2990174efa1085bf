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
  partTarget?: number
  ended: boolean
}

/** Parts are listed for the last few segments only (the spec asks for those within three target durations). */
const SEGMENTS_WITH_PARTS = 3

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
    lines.push(
      `#EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=${formatDuration(state.partTarget! * 3)}`,
      `#EXT-X-PART-INF:PART-TARGET=${formatDuration(state.partTarget!)}`
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
  if (state.ended) lines.push('#EXT-X-ENDLIST')
  return lines.join('\n') + '\n'
}

function partLine (part: PlaylistPart) {
  return `#EXT-X-PART:DURATION=${formatDuration(part.duration)},URI="${part.name}"${part.independent ? ',INDEPENDENT=YES' : ''}`
}

function formatDuration (seconds: number) {
  return seconds.toFixed(3)
}
