// npm run bench:runner-verification [-- input-file]
//
// What checking a remote runner's output costs, beside what producing it cost (issue 17). On one 60 s 1080p
// H.264/AAC clip (generated when none is given), for each rung of the default ladder:
//   (a) the reference: the encode a runner does for the rung (one ffmpeg run, the instance's own settings);
//   (b) the verification of that output for a trusted runner (ffprobe + decode of sampled windows);
//   (c) the verification for a runner not trusted (b + the spot check: our own encode of random seconds, SSIM/PSNR).
// Prints wall and CPU time (CPU of the ffmpeg children, steadier on a shared machine) and the ratios b/a and c/a.
// Verification settings are the configuration's (remote_runners.verification).

import { existsSync } from 'node:fs'
import { mkdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { probe } from '../../server/helpers/ffmpeg/probe.js'
import { fromRoot } from '../../server/helpers/project-root.js'
import { CONFIG } from '../../server/initializers/config/index.js'
import { verificationSettingsFor } from '../../server/lib/runners/verification/verification-settings.js'
import { verifyRunnerOutput, type Verdict } from '../../server/lib/runners/verification/verify-output.js'
import { buildRung, encodeLadder } from '../../server/lib/video-pipeline/index.js'
import { generateBenchClip } from './lib/reference-ladder.js'
import { measure, show, type Timing } from './lib/timing.js'

const LADDER = [ 1080, 720, 480, 360, 240 ]

const benchDir = fromRoot('storage', 'bench')
const workDir = join(benchDir, 'runner-verification')
await mkdir(workDir, { recursive: true })
const input = process.argv[2] ?? join(benchDir, 'clip-1080p-60s.mp4')
if (!existsSync(input)) await generateBenchClip(input)

const source = await probe(input)
if (!source.video) throw new Error(`${input} has no video`)
const fps = Math.min(30, Math.round(source.video.fps))
const settings = { trusted: verificationSettingsFor({ trusted: true }), untrusted: verificationSettingsFor({ trusted: false }) }
const spot = settings.untrusted.spotCheck
console.log(`source: ${input}, ${source.video.displayWidth}x${source.video.displayHeight}, ${source.durationSeconds.toFixed(1)} s`)
console.log(`verification: ${settings.trusted.decodedSamples} decoded windows; spot check ${spot ? `${spot.samples} x ${spot.sampleSeconds} s, x264 ${spot.preset}` : 'off'}`)
console.log(`runner encode: x264 ${CONFIG.transcoding.preset}, threads ${CONFIG.transcoding.threads || 'auto'}\n`)

const totals = { encode: zero(), trusted: zero(), untrusted: zero() }
const rows: string[] = []
try {
  for (const resolution of LADDER.filter(r => r <= Math.min(source.video!.displayWidth, source.video!.displayHeight))) {
    const rung = buildRung(resolution, fps)
    const output = join(workDir, `${resolution}.mp4`)
    const encode = await measure(async () => {
      await encodeLadder({ input, probe: source, rungs: [ rung ], outputs: [ output ], preset: CONFIG.transcoding.preset, threads: CONFIG.transcoding.threads })
    })

    const expected = {
      resolution,
      fps,
      sourceWidth: source.video.displayWidth,
      sourceHeight: source.video.displayHeight,
      sourceDurationSeconds: source.durationSeconds,
      sourceHasAudio: !!source.audio,
      durationTolerance: CONFIG.remote_runners.verification.duration_tolerance,
      maxBitrate: rung.maxBitrate
    }
    let verdicts: Verdict[] = []
    const verify = (trusted: boolean) => measure(async () => {
      const verdict = await verifyRunnerOutput({
        outputPath: output, sourcePath: input, expected, settings: trusted ? settings.trusted : settings.untrusted, workDir
      })
      if (!verdict.accepted) throw new Error(`The ${resolution}p output was refused: ${verdict.problems.join('; ')}`)
      verdicts = [ ...verdicts, verdict ]
    })
    const trusted = await verify(true)
    const untrusted = await verify(false)
    await rm(output, { force: true })

    add(totals.encode, encode)
    add(totals.trusted, trusted)
    add(totals.untrusted, untrusted)
    const scores = verdicts[1].windows.map(w => `SSIM ${w.theirs.ssim.toFixed(3)}/${w.ours.ssim.toFixed(3)}`).join(', ')
    rows.push(`${String(resolution).padStart(5)}p  encode ${show(encode)}  trusted ${show(trusted)} ${ratio(trusted, encode)}  untrusted ${show(untrusted)} ${ratio(untrusted, encode)}  [${scores}]`)
    console.log(rows[rows.length - 1])
  }

  console.log(`\nladder total: encode ${show(totals.encode)}`)
  console.log(`  verification, trusted runner:     ${show(totals.trusted)} = ${ratio(totals.trusted, totals.encode)} of the encode`)
  console.log(`  verification, runner not trusted: ${show(totals.untrusted)} = ${ratio(totals.untrusted, totals.encode)} of the encode`)
} finally {
  await rm(workDir, { recursive: true, force: true })
}

function zero (): Timing {
  return { wall: 0, cpu: 0 }
}

function add (total: Timing, t: Timing) {
  total.wall += t.wall
  total.cpu += t.cpu
}

function ratio (part: Timing, whole: Timing) {
  const pct = (a: number, b: number) => b > 0 ? `${(100 * a / b).toFixed(0)}%` : 'n/a'
  return `(${pct(part.wall, whole.wall)} wall, ${pct(part.cpu, whole.cpu)} CPU)`
}
