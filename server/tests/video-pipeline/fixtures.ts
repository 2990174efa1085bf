// Real media for the pipeline tests, made by ffmpeg from its test sources (testsrc2 picture, sine tone), plus a few
// readers that check outputs independently of the code under test.

import { execFile } from 'node:child_process'
import { createHash } from 'node:crypto'
import { rmSync } from 'node:fs'
import { copyFile, mkdtemp, open, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { extname, join } from 'node:path'
import { promisify } from 'node:util'

const execFileAsync = promisify(execFile)

export async function makeTempDir (prefix: string) {
  return mkdtemp(join(tmpdir(), `tubeless-${prefix}-`))
}

export async function removeDir (dir: string | undefined) {
  if (dir) await rm(dir, { recursive: true, force: true })
}

export interface ClipSpec {
  width: number
  height: number
  fps?: number
  durationSeconds?: number
  video?: 'h264' | 'vp9' | 'none'
  audio?: 'aac' | 'opus' | 'mp3' | 'none'
  /** Marks the video as stored sideways (display matrix); the encoded picture itself is not turned. */
  sideways?: boolean
  /** Keyframe interval in frames (x264 default is 250). */
  gop?: number
  bitrate?: string
}

/** Clips made so far in this test process, by spec and container: the files of a run ask for the same ones again. */
const madeClips = new Map<string, Promise<string>>()
let madeClipsDir: Promise<string> | undefined

/** Writes a clip of this spec at `path` (its extension chooses the container); each spec is encoded once a run. */
export async function generateClip (path: string, spec: ClipSpec) {
  const key = createHash('sha256').update(JSON.stringify([ Object.entries(spec).sort(([ a ], [ b ]) => a.localeCompare(b)), extname(path) ])).digest('hex').slice(0, 16)
  let made = madeClips.get(key)
  if (!made) {
    made = (async () => {
      madeClipsDir ??= mkdtemp(join(tmpdir(), 'tubeless-clips-')).then(dir => {
        process.once('exit', () => rmSync(dir, { recursive: true, force: true }))
        return dir
      })
      return encodeClip(join(await madeClipsDir, key + extname(path)), spec)
    })()
    made.catch(() => madeClips.delete(key))
    madeClips.set(key, made)
  }
  await copyFile(await made, path)
  return path
}

async function encodeClip (path: string, spec: ClipSpec) {
  const fps = spec.fps ?? 30
  const duration = spec.durationSeconds ?? 4
  const video = spec.video ?? 'h264'
  const audio = spec.audio ?? 'aac'
  const args = [ '-hide_banner', '-loglevel', 'error', '-y' ]

  if (video !== 'none') {
    args.push('-f', 'lavfi', '-i', `testsrc2=size=${spec.width}x${spec.height}:rate=${fps}:duration=${duration}`)
  }
  if (audio !== 'none') {
    args.push('-f', 'lavfi', '-i', `sine=frequency=440:sample_rate=48000:duration=${duration}`)
  }

  if (video === 'h264') {
    args.push('-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p')
    if (spec.bitrate) args.push('-b:v', spec.bitrate)
  } else if (video === 'vp9') {
    args.push('-c:v', 'libvpx-vp9', '-deadline', 'realtime', '-cpu-used', '8', '-b:v', spec.bitrate ?? '1M')
  }
  if (spec.gop) args.push('-g', String(spec.gop))

  if (audio === 'aac') args.push('-c:a', 'aac', '-b:a', '96k')
  else if (audio === 'opus') args.push('-c:a', 'libopus', '-b:a', '64k')
  else if (audio === 'mp3') args.push('-c:a', 'libmp3lame', '-b:a', '96k')

  if (!spec.sideways) {
    await execFileAsync('ffmpeg', [ ...args, path ])
    return path
  }

  // ffmpeg 5.1 only writes a display matrix when remuxing with a "rotate" tag, not while encoding.
  const upright = path + '.upright.mp4'
  await execFileAsync('ffmpeg', [ ...args, upright ])
  await execFileAsync('ffmpeg', [ '-hide_banner', '-loglevel', 'error', '-y', '-i', upright, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', path ])
  await rm(upright, { force: true })
  return path
}

export async function generateImage (path: string, width: number, height: number) {
  await execFileAsync('ffmpeg', [
    '-hide_banner', '-loglevel', 'error', '-y',
    '-f', 'lavfi', '-i', `testsrc2=size=${width}x${height}:rate=1`, '-frames:v', '1', path
  ])
  return path
}

interface FfprobeStream {
  codec_type: string
  codec_name: string
  width?: number
  height?: number
  pix_fmt?: string
  avg_frame_rate?: string
  side_data_list?: { rotation?: number }[]
}

/** Independent ffprobe reading (not our probe helper): the streams of a file. */
export async function ffprobeStreams (path: string): Promise<FfprobeStream[]> {
  const { stdout } = await execFileAsync('ffprobe', [ '-v', 'error', '-print_format', 'json', '-show_streams', path ])
  return (JSON.parse(stdout) as { streams: FfprobeStream[] }).streams
}

/** Presentation times of the video keyframes. */
export async function keyframeTimes (path: string): Promise<number[]> {
  const { stdout } = await execFileAsync('ffprobe', [
    '-v', 'error', '-select_streams', 'v:0', '-skip_frame', 'nokey',
    '-show_entries', 'frame=pts_time', '-of', 'csv=p=0', path
  ], { maxBuffer: 16 * 1024 * 1024 })

  // Lines may carry a trailing comma (side data sections): keep the numbers only.
  return stdout.split('\n').map(l => parseFloat(l)).filter(n => Number.isFinite(n))
}

/** Types of the top-level MP4 boxes, in file order (e.g. ftyp, moov, free, mdat). */
export async function topLevelBoxes (path: string): Promise<string[]> {
  const file = await open(path, 'r')
  try {
    const { size } = await file.stat()
    const boxes: string[] = []
    const header = Buffer.alloc(16)
    let offset = 0

    while (offset + 8 <= size) {
      await file.read(header, 0, 16, offset)
      let boxSize = header.readUInt32BE(0)
      const type = header.toString('latin1', 4, 8)
      if (boxSize === 1) boxSize = Number(header.readBigUInt64BE(8))
      else if (boxSize === 0) boxSize = size - offset
      boxes.push(type)
      offset += boxSize
    }

    return boxes
  } finally {
    await file.close()
  }
}
