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

import { readFileSync } from 'node:fs'
import { mkdir, mkdtemp, rm } from 'node:fs/promises'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { probe, type ProbeResult } from '../../server/helpers/ffmpeg/probe.js'
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

import { generateBenchClip, timeReference } from './lib/reference-ladder.js'
import { measure, medianTiming, since, snapshot, sum, show, type Timing } from './lib/timing.js'
const LADDER = [ 1080, 720, 480, 360, 240 ]

const argv = process.argv.slice(2)
const runs = Number(valueOf('--runs') ?? 1)
const keep = argv.includes('--keep')
const inputArg = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--runs')

const workDir = await mkdtemp(join(tmpdir(), 'tubeless-bench-'))

try {
  const input = inputArg ?? await generateBenchClip(join(workDir, 'source-1080p-60s.mp4'))
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

// ---------------------------------------------------------------------------

function row (label: string, timing: Timing, reference?: Timing) {
  const ratio = reference ? `   ratio wall ${(timing.wall / reference.wall).toFixed(3)}, CPU ${(timing.cpu / reference.cpu).toFixed(3)}` : ''
  console.log(`${label.padEnd(96)} ${timing.wall.toFixed(2).padStart(7)} ${timing.cpu.toFixed(2).padStart(9)}${ratio}`)
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
