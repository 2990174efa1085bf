import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { HLS } from '../../initializers/constants/transcoding.js'
import { probe as probeFile, type ProbeResult } from '../../helpers/ffmpeg/probe.js'
import { parseMediaPlaylist } from './hls-media-playlist.js'

export interface MasterPlaylistEntry {
  /** Media playlist file name, relative to the master playlist (same folder). */
  playlistFilename: string
  /** Peak segment bitrate in bits per second (what HLS defines BANDWIDTH as). */
  bandwidth: number
  /** Displayed size; absent for an audio-only rendition. */
  width?: number
  height?: number
  fps?: number
  /** RFC 6381 codec strings of the rendition's streams, e.g. [ 'avc1.64001f', 'mp4a.40.2' ]. */
  codecs: string[]
}

/** Segments shorter than this (the tail of a video) make unreliable peaks: a keyframe alone in half a second. */
const MIN_SEGMENT_SECONDS_FOR_PEAK = 1

/**
 * Builds the master playlist entry of a rendition from its real files: codecs and size from the fragmented MP4's
 * streams, bandwidth from the segment sizes listed in its media playlist.
 */
export async function describeHlsRendition (options: {
  playlistPath: string
  videoPath: string
  /** Probe of videoPath when already known. */
  probe?: ProbeResult
}): Promise<MasterPlaylistEntry> {
  const [ content, result ] = await Promise.all([
    readFile(options.playlistPath, 'utf8'),
    options.probe ? Promise.resolve(options.probe) : probeFile(options.videoPath)
  ])

  const { segments } = parseMediaPlaylist(content)
  const measurable = segments.filter(s => s.durationSeconds >= MIN_SEGMENT_SECONDS_FOR_PEAK)
  const candidates = measurable.length !== 0 ? measurable : segments
  const bandwidth = Math.ceil(Math.max(0, ...candidates.map(s => s.durationSeconds > 0 ? s.length * 8 / s.durationSeconds : 0))) ||
    (result.durationSeconds > 0 ? Math.ceil(result.size * 8 / result.durationSeconds) : 0)

  const codecs = [ result.video?.codecString, result.audio?.codecString ].filter((c): c is string => !!c)

  return {
    playlistFilename: basename(options.playlistPath),
    bandwidth,
    width: result.video?.displayWidth,
    height: result.video?.displayHeight,
    fps: result.video?.fps,
    codecs
  }
}

/**
 * The master playlist in PeerTube's shape: version 3, one EXT-X-STREAM-INF (BANDWIDTH, RESOLUTION, FRAME-RATE,
 * CODECS) per rendition followed by its media playlist name, in the order given.
 */
export function buildMasterPlaylist (entries: MasterPlaylistEntry[]): string {
  const lines = [ '#EXTM3U', `#EXT-X-VERSION:${HLS.MASTER_PLAYLIST_VERSION}` ]

  for (const entry of entries) {
    const attributes = [ `BANDWIDTH=${entry.bandwidth}` ]
    if (entry.width && entry.height) attributes.push(`RESOLUTION=${entry.width}x${entry.height}`)
    if (entry.fps) attributes.push(`FRAME-RATE=${formatFrameRate(entry.fps)}`)
    if (entry.codecs.length !== 0) attributes.push(`CODECS="${entry.codecs.join(',')}"`)

    lines.push(`#EXT-X-STREAM-INF:${attributes.join(',')}`, entry.playlistFilename)
  }

  return lines.join('\n') + '\n'
}

function formatFrameRate (fps: number) {
  // HLS wants a decimal with at most three decimals: 29.97, 30.
  return String(Math.round(fps * 1000) / 1000)
}
