import { expect } from 'chai'
import { execFile } from 'node:child_process'
import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { probe } from '../../helpers/ffmpeg/probe.js'
import { encodeLadder } from '../../lib/video-pipeline/encode-ladder.js'
import { planLadder } from '../../lib/video-pipeline/ladder.js'
import type { FfmpegProgress } from '../../helpers/ffmpeg/run-ffmpeg.js'
import { ffprobeStreams, generateClip, generateImage, keyframeTimes, makeTempDir, removeDir, topLevelBoxes } from './fixtures.js'

const CONFIG = { enabledResolutions: [ 240, 360, 480, 720, 1080 ] }

async function frameCount (path: string) {
  const { stdout } = await promisify(execFile)('ffprobe', [
    '-v', 'error', '-select_streams', 'v:0', '-count_packets', '-show_entries', 'stream=nb_read_packets', '-of', 'csv=p=0', path
  ])
  return Number(stdout.trim())
}

describe('Encoding the ladder', function () {
  let dir: string

  before(async function () {
    dir = await makeTempDir('encode')
  })

  after(async function () {
    await removeDir(dir)
  })

  describe('from a 720p source', function () {
    let source: string
    let commands: string[][]
    let progress: FfmpegProgress[]
    let outputs: string[]

    before(async function () {
      source = await generateClip(join(dir, 'source-720.mp4'), { width: 1280, height: 720, fps: 30, durationSeconds: 4, audio: 'opus' })
      const sourceProbe = await probe(source)
      const rungs = planLadder({ width: 1280, height: 720, fps: 30 }, CONFIG)
      outputs = rungs.map(r => join(dir, `ladder-${r.resolution}.mp4`))
      commands = []
      progress = []

      await encodeLadder({
        input: source,
        probe: sourceProbe,
        rungs,
        outputs,
        threads: 2,
        onCommand: args => commands.push(args),
        onProgress: p => progress.push(p)
      })
    })

    it('produces 720p, 480p, 360p and 240p files with even widths', async function () {
      const sizes = await Promise.all(outputs.map(async path => {
        const video = (await ffprobeStreams(path)).find(s => s.codec_type === 'video')!
        return [ video.width, video.height ]
      }))

      expect(sizes).to.deep.equal([ [ 1280, 720 ], [ 854, 480 ], [ 640, 360 ], [ 426, 240 ] ])
    })

    it('writes web video files: H.264 yuv420p with AAC audio (the Opus source audio re-encoded)', async function () {
      for (const path of outputs) {
        const streams = await ffprobeStreams(path)
        expect(streams.map(s => s.codec_name)).to.have.members([ 'h264', 'aac' ])
        expect(streams.find(s => s.codec_type === 'video')!.pix_fmt).to.equal('yuv420p')
      }
    })

    it('puts the index before the media data (fast start)', async function () {
      for (const path of outputs) {
        const boxes = await topLevelBoxes(path)
        expect(boxes.indexOf('moov'), path).to.be.within(0, boxes.indexOf('mdat'))
      }
    })

    it('decodes the source once: a single ffmpeg process splitting one decoded stream', function () {
      expect(commands).to.have.length(1)

      const args = commands[0]
      expect(args.filter(a => a === '-i')).to.have.length(1)
      expect(args[args.indexOf('-filter_complex') + 1]).to.contain('split=2')
      expect(args.filter(a => a === '-c:a')).to.have.length(1)
    })

    it('forces a keyframe every 2 seconds, so HLS segments can be cut without encoding', async function () {
      for (const path of outputs) {
        const times = await keyframeTimes(path)
        expect(times[0]).to.be.closeTo(0, 0.05)
        expect(times.some(t => Math.abs(t - 2) < 0.05), `${path}: ${times.join(', ')}`).to.equal(true)
      }
    })

    it('keeps the duration of the source', async function () {
      for (const path of outputs) {
        expect((await probe(path)).durationSeconds).to.be.closeTo(4, 0.15)
      }
    })

    it('reports progress up to completion', function () {
      expect(progress.length).to.be.greaterThan(0)
      expect(progress[progress.length - 1].ratio).to.equal(1)
    })
  })

  it('halves 60 fps for rungs below 720p and keeps it above', async function () {
    const source = await generateClip(join(dir, 'source-60fps.mp4'), { width: 1280, height: 720, fps: 60, durationSeconds: 2 })
    const rungs = planLadder({ width: 1280, height: 720, fps: 60 }, { enabledResolutions: [ 360, 720 ] })
    const results = await encodeLadder({ input: source, rungs, outputs: [ join(dir, 'fps-720.mp4'), join(dir, 'fps-360.mp4') ] })

    expect(results.map(r => [ r.resolution, r.fps ])).to.deep.equal([ [ 720, 60 ], [ 360, 30 ] ])
  })

  it('scales a portrait source on its width', async function () {
    const source = await generateClip(join(dir, 'portrait.mp4'), { width: 360, height: 640, durationSeconds: 2 })
    const rungs = planLadder({ width: 360, height: 640, fps: 30 }, CONFIG)
    const results = await encodeLadder({ input: source, rungs, outputs: rungs.map(r => join(dir, `portrait-${r.resolution}.mp4`)) })

    expect(results.map(r => [ r.resolution, r.width, r.height ])).to.deep.equal([ [ 360, 360, 640 ], [ 240, 240, 426 ] ])
  })

  it('copies AAC source audio instead of encoding it again', async function () {
    const source = await generateClip(join(dir, 'aac.mp4'), { width: 640, height: 360, durationSeconds: 2 })
    const commands: string[][] = []
    await encodeLadder({
      input: source,
      rungs: planLadder({ width: 640, height: 360, fps: 30 }, { enabledResolutions: [ 240 ] }),
      outputs: [ join(dir, 'aac-240.mp4') ],
      onCommand: args => commands.push(args)
    })

    const args = commands[0]
    expect(args[args.indexOf('-c:a') + 1]).to.equal('copy')
    expect((await ffprobeStreams(join(dir, 'aac-240.mp4'))).map(s => s.codec_name)).to.have.members([ 'h264', 'aac' ])
  })

  it('turns an audio-only source into a web-playable video on a plain background', async function () {
    const source = await generateClip(join(dir, 'tone.mp3'), { width: 0, height: 0, video: 'none', audio: 'mp3', durationSeconds: 3 })
    const output = join(dir, 'audio-480.mp4')
    const [ result ] = await encodeLadder({ input: source, rungs: planLadder({}, CONFIG), outputs: [ output ] })

    expect(result).to.include({ resolution: 480, width: 854, height: 480, hasAudio: true, hasVideo: true })
    const streams = await ffprobeStreams(output)
    expect(streams.map(s => s.codec_name)).to.have.members([ 'h264', 'aac' ])
    expect((await probe(output)).durationSeconds).to.be.closeTo(3, 0.2)
    expect(await topLevelBoxes(output)).to.include.ordered.members([ 'ftyp', 'moov' ])
  })

  it('shows the given picture, letterboxed, in the video made for an audio-only source', async function () {
    const source = await generateClip(join(dir, 'tone2.mp3'), { width: 0, height: 0, video: 'none', audio: 'mp3', durationSeconds: 2 })
    const image = await generateImage(join(dir, 'cover.png'), 500, 500)
    const output = join(dir, 'audio-image-480.mp4')
    const [ result ] = await encodeLadder({ input: source, rungs: planLadder({}, CONFIG), outputs: [ output ], audioOnlyImage: image })

    expect(result).to.include({ width: 854, height: 480, hasAudio: true, hasVideo: true })
    expect((await probe(output)).durationSeconds).to.be.closeTo(2, 0.2)
  })

  it('keeps the frames of a variable frame rate video as they are, without duplicating any', async function () {
    // 60 frames 33 ms apart, then 60 frames 66 ms apart: the way phones record when light drops.
    const source = join(dir, 'vfr.mp4')
    await promisify(execFile)('ffmpeg', [
      '-hide_banner', '-loglevel', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=30:duration=4',
      '-vf', "settb=1/1000,setpts='if(lt(N,60),N*33,1980+(N-60)*66)'", '-fps_mode', 'passthrough',
      '-video_track_timescale', '1000', '-c:v', 'libx264', '-preset', 'ultrafast', source
    ])
    const sourceProbe = await probe(source)
    const output = join(dir, 'vfr-360.mp4')
    await encodeLadder({ input: source, probe: sourceProbe, rungs: planLadder({ width: 640, height: 360, fps: sourceProbe.video!.fps }, CONFIG).slice(0, 1), outputs: [ output ] })

    expect(await frameCount(output)).to.equal(await frameCount(source))
  })

  it('writes to paths holding quotes, pipes and colons (the tee muxer\'s special characters)', async function () {
    const source = await generateClip(join(dir, 'plain.mp4'), { width: 320, height: 240, durationSeconds: 1 })
    const weirdDir = join(dir, "it's a|b:c")
    await mkdir(weirdDir)
    const outputs = [ join(weirdDir, 'x.mp4'), join(weirdDir, 'y.mp4') ]
    await encodeLadder({ input: source, rungs: planLadder({ width: 320, height: 240, fps: 30 }, { enabledResolutions: [ 144, 240 ] }), outputs })

    for (const output of outputs) expect((await probe(output)).video?.codec).to.equal('h264')
  })

  it('refuses a rung list and an output list of different lengths', async function () {
    const source = await generateClip(join(dir, 'short.mp4'), { width: 320, height: 240, durationSeconds: 1 })
    let error: Error | undefined
    try {
      await encodeLadder({ input: source, rungs: planLadder({ width: 320, height: 240 }, CONFIG), outputs: [] })
    } catch (err) {
      error = err as Error
    }
    expect(error?.message).to.contain('one output path per rung')
  })
})
