import { execFile } from 'node:child_process'
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import type { ProbeResult } from '../../../server/helpers/ffmpeg/probe.js'
import { HLS, KEYFRAME_INTERVAL_SECONDS, VBV_BUFFER_SECONDS, X264 } from '../../../server/initializers/constants/transcoding.js'
import type { Rung } from '../../../server/lib/video-pipeline/index.js'
import { measure, show, sum } from './timing.js'

const execFileAsync = promisify(execFile)

/**
 * The plain reference the issue measures against: ONE ffmpeg run that decodes the source once and encodes every rung
 * (x264 with our preset/CRF/VBV/keyframe settings, AAC per output), then each MP4 remuxed to fMP4 HLS.
 */
export async function timeReference (input: string, source: ProbeResult, rungs: Rung[], dir: string, preset: string = X264.DEFAULT_PRESET) {
  await mkdir(join(dir, 'hls'), { recursive: true })

  const filter = `[0:v]split=${rungs.length}${rungs.map((_, i) => `[s${i}]`).join('')};` +
    rungs.map((r, i) => `[s${i}]${r.fps < source.video!.fps - 0.01 ? `fps=${r.fps},` : ''}scale=-2:${r.resolution},format=yuv420p[o${i}]`).join(';')

  const args = [ '-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-i', input, '-filter_complex', filter ]
  rungs.forEach((rung, i) => {
    args.push(
      '-map', `[o${i}]`, '-map', '0:a?',
      '-c:v', 'libx264', '-preset', preset, '-crf', String(X264.CRF), '-profile:v', X264.PROFILE,
      '-maxrate', String(rung.maxBitrate), '-bufsize', String(rung.maxBitrate * VBV_BUFFER_SECONDS),
      '-g', String(Math.round(rung.fps * KEYFRAME_INTERVAL_SECONDS)),
      '-force_key_frames', `expr:gte(t,n_forced*${KEYFRAME_INTERVAL_SECONDS})`,
      '-c:a', 'aac', '-b:a', '128k',
      '-movflags', '+faststart',
      join(dir, `${rung.resolution}.mp4`)
    )
  })

  const encode = await measure(async () => { await execFileAsync('ffmpeg', args) })
  const remux = await measure(async () => {
    for (const rung of rungs) {
      await execFileAsync('ffmpeg', [
        '-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-i', join(dir, `${rung.resolution}.mp4`), '-c', 'copy',
        '-f', 'hls', '-hls_time', String(HLS.SEGMENT_DURATION_SECONDS), '-hls_list_size', '0', '-hls_playlist_type', 'vod',
        '-hls_segment_type', 'fmp4', '-hls_flags', 'single_file',
        '-hls_segment_filename', join(dir, 'hls', `${rung.resolution}-fragmented.mp4`), join(dir, 'hls', `${rung.resolution}.m3u8`)
      ])
    }
  })

  console.log(`  reference: encode ${show(encode)}, HLS remux ${show(remux)}`)
  await rm(dir, { recursive: true, force: true })
  return sum(encode, remux)
}

/** A 60 s 1080p30 H.264/AAC clip (testsrc2 + sine), the clip the issue's figures are about. */
export async function generateBenchClip (path: string) {
  const start = performance.now()
  await execFileAsync('ffmpeg', [
    '-hide_banner', '-nostdin', '-y', '-loglevel', 'error',
    '-f', 'lavfi', '-i', 'testsrc2=size=1920x1080:rate=30:duration=60',
    '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000:duration=60',
    '-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-b:a', '128k', '-shortest', path
  ])
  console.log(`generated ${path} in ${((performance.now() - start) / 1000).toFixed(1)} s`)
  return path
}
