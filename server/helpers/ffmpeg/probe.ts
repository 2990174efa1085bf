import { execFile } from 'node:child_process'
import { stat } from 'node:fs/promises'
import { getFfprobePath } from './binaries.js'
import { buildAudioCodecString, buildVideoCodecString } from './rfc6381-codecs.js'

export interface VideoStreamProbe {
  /** Index of the stream in the file, for `-map 0:<index>`. */
  streamIndex: number
  codec: string
  /** Stored picture size, before any rotation is applied. */
  width: number
  height: number
  /** Size as players show it (width and height swapped for a 90/270 degree rotation). */
  displayWidth: number
  displayHeight: number
  fps: number
  /** Bits per second; estimated from the container when the stream does not state it, 0 when unknown. */
  bitrate: number
  pixFmt: string
  /** Clockwise degrees players rotate the picture by: 0, 90, 180 or 270. */
  rotation: number
  profile?: string
  level?: number
  fieldOrder?: string
  /** RFC 6381 codec string for HLS CODECS (e.g. avc1.64001f), from the stream's own configuration record. */
  codecString?: string
}

export interface AudioStreamProbe {
  streamIndex: number
  codec: string
  profile?: string
  channels: number
  sampleRate: number
  /** Bits per second, 0 when unknown. */
  bitrate: number
  codecString?: string
  /** The stream's own duration when the container states it (0 otherwise). */
  durationSeconds?: number
}

export interface ProbeResult {
  durationSeconds: number
  /** File size in bytes. */
  size: number
  /** ffprobe's demuxer name list, e.g. "mov,mp4,m4a,3gp,3g2,mj2" or "matroska,webm". */
  formatName: string
  /** Overall bitrate (bits per second), 0 when unknown. */
  bitrate: number
  video?: VideoStreamProbe
  audio?: AudioStreamProbe
  /** Chapters of the container (MP4, Matroska...), as ffprobe lists them. */
  chapters?: { start_time?: string, tags?: Record<string, string> }[]
}

interface RawStream {
  index: number
  codec_type?: string
  codec_name?: string
  codec_tag_string?: string
  profile?: string
  level?: number
  width?: number
  height?: number
  pix_fmt?: string
  field_order?: string
  avg_frame_rate?: string
  r_frame_rate?: string
  bit_rate?: string
  duration?: string
  channels?: number
  sample_rate?: string
  extradata?: string
  disposition?: Record<string, number>
  tags?: Record<string, string>
  side_data_list?: { side_data_type?: string, rotation?: number }[]
}

interface RawProbe {
  streams?: RawStream[]
  format?: { format_name?: string, duration?: string, size?: string, bit_rate?: string }
  chapters?: { start_time?: string, tags?: Record<string, string> }[]
}

const FFPROBE_MAX_BUFFER = 16 * 1024 * 1024

/** Describes a media file with ffprobe. Rejects when ffprobe cannot read it. */
export async function probe (path: string): Promise<ProbeResult> {
  const raw = await runFfprobe(path)
  const streams = raw.streams ?? []
  const format = raw.format ?? {}

  const durationSeconds = positiveNumber(format.duration) ||
    Math.max(0, ...streams.map(s => positiveNumber(s.duration)))
  const size = positiveNumber(format.size) || (await stat(path)).size
  const bitrate = positiveNumber(format.bit_rate) || (durationSeconds > 0 ? Math.round(size * 8 / durationSeconds) : 0)

  // Cover art in music files shows up as a one-picture "video" stream: it is not a video.
  const rawVideo = streams.find(s => s.codec_type === 'video' && s.disposition?.attached_pic !== 1)
  const rawAudio = streams.find(s => s.codec_type === 'audio')

  const audio = rawAudio ? toAudio(rawAudio) : undefined
  const video = rawVideo ? toVideo(rawVideo, bitrate, audio?.bitrate ?? 0) : undefined

  return { durationSeconds, size, formatName: format.format_name ?? '', bitrate, video, audio, chapters: raw.chapters ?? [] }
}

function runFfprobe (path: string): Promise<RawProbe> {
  // -show_data adds the streams' extradata, where the exact H.264 profile/level bytes for HLS CODECS live.
  const args = [ '-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', '-show_data', '-show_chapters', path ]

  return new Promise((resolve, reject) => {
    execFile(getFfprobePath(), args, { maxBuffer: FFPROBE_MAX_BUFFER }, (err, stdout, stderr) => {
      if (err) return reject(new Error(`ffprobe cannot read ${path}: ${stderr.trim() || err.message}`))

      try {
        resolve(JSON.parse(stdout) as RawProbe)
      } catch {
        reject(new Error(`ffprobe returned unreadable output for ${path}`))
      }
    })
  })
}

function toVideo (s: RawStream, formatBitrate: number, audioBitrate: number): VideoStreamProbe {
  const width = s.width ?? 0
  const height = s.height ?? 0
  const rotation = readRotation(s)
  const sideways = rotation === 90 || rotation === 270
  const extradata = parseExtradata(s.extradata)

  return {
    streamIndex: s.index,
    codec: s.codec_name ?? 'unknown',
    width,
    height,
    displayWidth: sideways ? height : width,
    displayHeight: sideways ? width : height,
    fps: readFps(s),
    bitrate: positiveNumber(s.bit_rate) || positiveNumber(s.tags?.BPS) || Math.max(0, formatBitrate - audioBitrate),
    pixFmt: s.pix_fmt ?? 'unknown',
    rotation,
    profile: s.profile,
    level: s.level,
    fieldOrder: s.field_order,
    codecString: buildVideoCodecString({ codec: s.codec_name, codecTag: s.codec_tag_string, profile: s.profile, level: s.level, extradata })
  }
}

function toAudio (s: RawStream): AudioStreamProbe {
  return {
    streamIndex: s.index,
    codec: s.codec_name ?? 'unknown',
    profile: s.profile,
    channels: s.channels ?? 0,
    sampleRate: positiveNumber(s.sample_rate),
    bitrate: positiveNumber(s.bit_rate) || positiveNumber(s.tags?.BPS),
    codecString: buildAudioCodecString({ codec: s.codec_name, profile: s.profile }),
    durationSeconds: positiveNumber(s.duration)
  }
}

function readFps (s: RawStream) {
  // avg_frame_rate is the truth for variable frame rate files; r_frame_rate can be a timebase (e.g. 90000).
  return parseRational(s.avg_frame_rate) || parseRational(s.r_frame_rate)
}

function readRotation (s: RawStream) {
  const matrix = s.side_data_list?.find(d => d.side_data_type === 'Display Matrix' && typeof d.rotation === 'number')
  // The display matrix states counter-clockwise degrees; the legacy "rotate" tag states clockwise ones.
  const clockwise = matrix ? -(matrix.rotation as number) : Number(s.tags?.rotate ?? 0)
  const normalized = ((Math.round(clockwise / 90) * 90) % 360 + 360) % 360

  return Number.isFinite(normalized) ? normalized : 0
}

function parseRational (value: string | undefined) {
  if (!value) return 0
  const [ num, den ] = value.split('/').map(Number)
  if (!Number.isFinite(num) || num <= 0) return 0
  if (den === undefined) return num
  return Number.isFinite(den) && den > 0 ? num / den : 0
}

function positiveNumber (value: string | number | undefined) {
  const n = typeof value === 'number' ? value : parseFloat(value ?? '')
  return Number.isFinite(n) && n > 0 ? n : 0
}

/** ffprobe prints extradata as a hexdump ("00000000: 0164 001f ffe1 ...  ascii"); we want the bytes. */
function parseExtradata (dump: string | undefined): Buffer | undefined {
  if (!dump) return undefined

  // Fixed layout: 8-digit offset, ': ', then 39 columns of hex (8 groups of 4), then the ASCII column.
  const hex = dump.split('\n')
    .filter(line => /^[0-9a-f]{8}: /i.test(line))
    .map(line => line.slice(10, 49).replace(/\s/g, ''))
    .join('')

  return hex.length !== 0 ? Buffer.from(hex, 'hex') : undefined
}
