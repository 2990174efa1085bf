// Times our ladder against a plain ffmpeg reference on the same clip.
//
//   npx tsx scripts/bench/ffmpeg-reference.ts [input-file] [--runs N] [--keep]
//
// Without an input, a 60 s 1080p30 H.264/AAC clip is generated (testsrc2 + sine) in a temporary folder.
// Reference: ONE ffmpeg run decoding once and encoding 1080/720/480/360/240 MP4s (split filter, x264 with the same
// preset/CRF/VBV/keyframe settings as ours, AAC per output), then each MP4 remuxed to fMP4 HLS.
// Ours: encodeLadder + remuxToHls on the same rungs; then the full plan (fast-start remux first, copy of the source
// rung when it qualifies, one run for the other rungs) with its time-to-playable.
// Both wall time and the CPU time of the ffmpeg processes are printed: on a shared machine wall time swings with
// the load, CPU time much less.

import { execFile, execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { probe, type ProbeResult } from '../../server/helpers/ffmpeg/probe.js'
import { HLS, KEYFRAME_INTERVAL_SECONDS, VBV_BUFFER_SECONDS, X264 } from '../../server/initializers/constants/transcoding.js'
import {
  buildMasterPlaylist,
  buildSegmentsSha256,
  createVideoTorrent,
  describeHlsRendition,
  encodeLadder,
  fastStartRemux,
  generateImagesFromVideo,
  planLadder,
  planTranscoding,
  remuxToHls,
  type HlsRendition,
  type Rung
} from '../../server/lib/video-pipeline/index.js'

const execFileAsync = promisify(execFile)
const LADDER = [ 1080, 720, 480, 360, 240 ]
const CLOCK_TICKS = Number(execFileSync('getconf', [ 'CLK_TCK' ]).toString().trim()) || 100

interface Timing {
  wall: number
  cpu: number
}

const argv = process.argv.slice(2)
const runs = Number(valueOf('--runs') ?? 1)
const keep = argv.includes('--keep')
const inputArg = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--runs')

const workDir = await mkdtemp(join(tmpdir(), 'tubeless-bench-'))

try {
  const input = inputArg ?? await generateClip(join(workDir, 'source-1080p-60s.mp4'))
  const source = await probe(input)
  describeSource(input, source)

  const rungs = planLadder(
    { width: source.video!.displayWidth, height: source.video!.displayHeight, fps: source.video!.fps },
    { enabledResolutions: LADDER }
  )
  console.log(`rungs: ${rungs.map(r => `${r.resolution}p${r.fps}`).join(' ')}  (cores: ${cpus().length}, load ${loadAverage()})`)

  const reference: Timing[] = []
  const ours: Timing[] = []
  const planned: { playable: Timing, total: Timing, shape: string }[] = []

  // Interleaved, so a burst of load from elsewhere hits all three alike.
  for (let run = 1; run <= runs; run++) {
    reference.push(await timeReference(input, source, rungs, join(workDir, `ref-${run}`)))
    ours.push(await timeOurLadder(input, source, rungs, join(workDir, `ours-${run}`)))
    planned.push(await timePlannedPipeline(input, join(workDir, `plan-${run}`)))
  }

  const ref = medianTiming(reference)
  const mine = medianTiming(ours)
  const plan = { playable: medianTiming(planned.map(p => p.playable)), total: medianTiming(planned.map(p => p.total)) }

  console.log('')
  console.log(`${runs > 1 ? `medians of ${runs} runs, ` : ''}load now ${loadAverage()}        wall s   ffmpeg CPU s`)
  row(`reference: 1 decode, ${rungs.length} x264 + ${rungs.length} AAC, ${rungs.length} HLS remuxes`, ref)
  row(`encodeLadder + remuxToHls, same ${rungs.length} rungs`, mine, ref)
  row(`planned pipeline, whole ladder (${planned[0].shape})`, plan.total, ref)
  row('planned pipeline, playable (web video + HLS + torrent + images)', plan.playable)
} finally {
  if (keep) console.log(`kept ${workDir}`)
  else await rm(workDir, { recursive: true, force: true })
}

// ---------------------------------------------------------------------------

async function timeReference (input: string, source: ProbeResult, rungs: Rung[], dir: string) {
  await mkdir(join(dir, 'hls'), { recursive: true })

  const filter = `[0:v]split=${rungs.length}${rungs.map((_, i) => `[s${i}]`).join('')};` +
    rungs.map((r, i) => `[s${i}]${r.fps < source.video!.fps - 0.01 ? `fps=${r.fps},` : ''}scale=-2:${r.resolution},format=yuv420p[o${i}]`).join(';')

  const args = [ '-hide_banner', '-nostdin', '-y', '-loglevel', 'error', '-i', input, '-filter_complex', filter ]
  rungs.forEach((rung, i) => {
    args.push(
      '-map', `[o${i}]`, '-map', '0:a?',
      '-c:v', 'libx264', '-preset', X264.DEFAULT_PRESET, '-crf', String(X264.CRF), '-profile:v', X264.PROFILE,
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

async function timeOurLadder (input: string, source: ProbeResult, rungs: Rung[], dir: string) {
  await mkdir(join(dir, 'hls'), { recursive: true })
  let files: Awaited<ReturnType<typeof encodeLadder>> = []

  const encode = await measure(async () => {
    files = await encodeLadder({ input, probe: source, rungs, outputs: rungs.map(r => join(dir, `${r.resolution}.mp4`)) })
  })
  const remux = await measure(async () => {
    for (const file of files) await remuxToHls({ inputMp4: file.path, outputDir: join(dir, 'hls'), resolution: file.resolution })
  })

  console.log(`  ours:      encode ${show(encode)}, HLS remux ${show(remux)}`)
  await rm(dir, { recursive: true, force: true })
  return sum(encode, remux)
}

/** What a job would do after an upload, in order; "playable" = web video, HLS, master playlist, torrent, images. */
async function timePlannedPipeline (input: string, dir: string) {
  const hlsDir = join(dir, 'hls')
  await mkdir(hlsDir, { recursive: true })
  const start = snapshot()
  let playable: Timing | undefined
  let shape = ''

  const total = await measure(async () => {
    const sourceProbe = await probe(input)
    const plan = planTranscoding(sourceProbe, { enabledResolutions: LADDER })
    const hls: HlsRendition[] = []

    if (plan.remuxSource) {
      const web = await fastStartRemux({ input, probe: sourceProbe, output: join(dir, 'instant.mp4') })
      hls.push(await remuxToHls({ inputMp4: web.path, outputDir: hlsDir, resolution: web.resolution }))
      await publishArtifacts(web.path, hls, dir)
      playable = since(start)
    }

    for (const rungs of [ plan.firstEncode, plan.backgroundEncode ]) {
      if (rungs.length === 0) continue
      const files = await encodeLadder({ input, probe: sourceProbe, rungs, outputs: rungs.map(r => join(dir, `${r.resolution}.mp4`)) })
      for (const file of files) hls.push(await remuxToHls({ inputMp4: file.path, outputDir: hlsDir, resolution: file.resolution }))

      if (!playable) {
        await publishArtifacts(files[0].path, hls, dir)
        playable = since(start)
      }
    }

    // Final playlists over every rendition.
    buildMasterPlaylist(await Promise.all(hls.map(h => describeHlsRendition(h))))
    await buildSegmentsSha256(hls)

    shape = plan.copiedRung
      ? `source remuxed, ${plan.copiedRung.resolution}p copied, ${plan.backgroundEncode.length} rungs encoded`
      : plan.remuxSource
        ? `source remuxed (over the cap), ${plan.backgroundEncode.length} rungs encoded`
        : `${plan.firstEncode[0].resolution}p alone first, then ${plan.backgroundEncode.length} rungs`
  })

  console.log(`  planned:   playable ${show(playable!)}, whole ladder ${show(total)}`)
  await rm(dir, { recursive: true, force: true })
  return { playable: playable!, total, shape }
}

async function publishArtifacts (webVideo: string, hls: HlsRendition[], dir: string) {
  buildMasterPlaylist(await Promise.all(hls.map(h => describeHlsRendition(h))))
  await buildSegmentsSha256(hls)
  await createVideoTorrent({
    filePath: webVideo,
    name: 'bench 1080p.mp4',
    announceList: [ 'ws://127.0.0.1:9000/tracker/socket', 'http://127.0.0.1:9000/tracker/announce' ],
    urlList: [ 'http://127.0.0.1:9000/static/web-videos/bench.mp4' ]
  })
  await generateImagesFromVideo({ input: webVideo, thumbnailPath: join(dir, 'thumb.jpg'), previewPath: join(dir, 'preview.jpg') })
}

async function generateClip (path: string) {
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

// ---------------------------------------------------------------------------

/**
 * CPU seconds used by finished child processes (ffmpeg, ffprobe) of this process: cutime + cstime of /proc/self/stat,
 * which count the children libuv has reaped.
 */
function childCpuSeconds () {
  const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1].split(' ')
  return (Number(fields[13]) + Number(fields[14])) / CLOCK_TICKS
}

function snapshot (): Timing {
  return { wall: performance.now() / 1000, cpu: childCpuSeconds() }
}

function since (start: Timing): Timing {
  const now = snapshot()
  return { wall: now.wall - start.wall, cpu: now.cpu - start.cpu }
}

async function measure (fn: () => Promise<void>): Promise<Timing> {
  const start = snapshot()
  await fn()
  return since(start)
}

function sum (a: Timing, b: Timing): Timing {
  return { wall: a.wall + b.wall, cpu: a.cpu + b.cpu }
}

function medianTiming (values: Timing[]): Timing {
  return { wall: median(values.map(v => v.wall)), cpu: median(values.map(v => v.cpu)) }
}

function median (values: number[]) {
  const sorted = [ ...values ].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

function row (label: string, timing: Timing, reference?: Timing) {
  const ratio = reference ? `   ratio wall ${(timing.wall / reference.wall).toFixed(3)}, CPU ${(timing.cpu / reference.cpu).toFixed(3)}` : ''
  console.log(`${label.padEnd(96)} ${timing.wall.toFixed(2).padStart(7)} ${timing.cpu.toFixed(2).padStart(9)}${ratio}`)
}

function show (t: Timing) {
  return `${t.wall.toFixed(2)} s (CPU ${t.cpu.toFixed(2)} s)`
}

function loadAverage () {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
}

function describeSource (path: string, source: ProbeResult) {
  const v = source.video
  console.log(`clip: ${path}`)
  console.log(`  ${source.durationSeconds.toFixed(1)} s, ${v ? `${v.displayWidth}x${v.displayHeight} ${v.fps} fps ${v.codec} ${(v.bitrate / 1e6).toFixed(2)} Mb/s` : 'no video'}` +
    `${source.audio ? `, ${source.audio.codec} audio` : ''}`)
}

function valueOf (flag: string) {
  const i = argv.indexOf(flag)
  return i === -1 ? undefined : argv[i + 1]
}
