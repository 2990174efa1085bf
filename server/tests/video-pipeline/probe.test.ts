import { expect } from 'chai'
import { join } from 'node:path'
import { probe } from '../../helpers/ffmpeg/probe.js'
import { canRemuxToWebMp4, isAudioOnly, isBrowserPlayable } from '../../helpers/ffmpeg/playability.js'
import { getStandardResolution, isPortrait } from '../../helpers/ffmpeg/resolution.js'
import { generateClip, makeTempDir, removeDir } from './fixtures.js'

describe('Probing media files', function () {
  let dir: string
  let h264: string
  let vp9: string
  let mkvH264: string
  let rotated: string
  let mp3: string
  let mp4Opus: string

  before(async function () {
    dir = await makeTempDir('probe')
    ;[ h264, vp9, mkvH264, rotated, mp3, mp4Opus ] = await Promise.all([
      generateClip(join(dir, 'h264.mp4'), { width: 1280, height: 720, fps: 25, durationSeconds: 3 }),
      generateClip(join(dir, 'vp9.webm'), { width: 640, height: 360, durationSeconds: 2, video: 'vp9', audio: 'opus' }),
      generateClip(join(dir, 'h264.mkv'), { width: 640, height: 360, durationSeconds: 2 }),
      generateClip(join(dir, 'rotated.mp4'), { width: 640, height: 360, durationSeconds: 2, sideways: true }),
      generateClip(join(dir, 'tone.mp3'), { width: 0, height: 0, durationSeconds: 2, video: 'none', audio: 'mp3' }),
      generateClip(join(dir, 'opus.mp4'), { width: 320, height: 240, durationSeconds: 2, audio: 'opus' })
    ])
  })

  after(async function () {
    await removeDir(dir)
  })

  it('describes an H.264/AAC MP4: duration, size, container, both streams and their HLS codec strings', async function () {
    const result = await probe(h264)

    expect(result.durationSeconds).to.be.closeTo(3, 0.1)
    expect(result.size).to.be.greaterThan(10_000)
    expect(result.formatName).to.contain('mp4')
    expect(result.video).to.include({ codec: 'h264', width: 1280, height: 720, fps: 25, pixFmt: 'yuv420p', rotation: 0 })
    expect(result.video!.bitrate).to.be.greaterThan(0)
    expect(result.video!.codecString).to.match(/^avc1\.[0-9a-f]{6}$/)
    expect(result.audio).to.include({ codec: 'aac', channels: 1, sampleRate: 48000, codecString: 'mp4a.40.2' })
    expect(result.audio!.bitrate).to.be.greaterThan(0)
  })

  it('takes the H.264 codec string from the stream\'s own configuration bytes', async function () {
    const result = await probe(h264)
    // ultrafast x264 at 720p25: Constrained Baseline (42 c0), level 3.1 (1f).
    expect(result.video!.profile).to.equal('Constrained Baseline')
    expect(result.video!.codecString).to.equal('avc1.42c01f')
  })

  it('reports the displayed size of a video stored sideways', async function () {
    const result = await probe(rotated)

    expect(result.video).to.include({ width: 640, height: 360, displayWidth: 360, displayHeight: 640 })
    expect(result.video!.rotation).to.be.oneOf([ 90, 270 ])
    expect(isPortrait(result.video!)).to.equal(true)
    expect(getStandardResolution(result)).to.equal(360)
  })

  it('estimates the video bitrate of a Matroska file, whose streams do not state it', async function () {
    const result = await probe(mkvH264)
    expect(result.formatName).to.contain('matroska')
    expect(result.video!.bitrate).to.be.greaterThan(0)
  })

  it('recognizes audio-only files, and ignores nothing but cover art as "video"', async function () {
    const result = await probe(mp3)
    expect(result.video).to.equal(undefined)
    expect(result.audio).to.include({ codec: 'mp3' })
    expect(isAudioOnly(result)).to.equal(true)
    expect(isAudioOnly(await probe(h264))).to.equal(false)
  })

  it('tells which files Chromium plays as they are', async function () {
    expect(isBrowserPlayable(await probe(h264))).to.equal(true)
    expect(isBrowserPlayable(await probe(vp9))).to.equal(true)
    expect(isBrowserPlayable(await probe(mp4Opus))).to.equal(true)
    // H.264 in Matroska: Chromium refuses the container.
    expect(isBrowserPlayable(await probe(mkvH264))).to.equal(false)
    expect(isBrowserPlayable(await probe(mp3))).to.equal(false)
  })

  it('allows a fast-start remux only for H.264 with AAC or no audio, whatever the container', async function () {
    expect(canRemuxToWebMp4(await probe(h264))).to.equal(true)
    expect(canRemuxToWebMp4(await probe(mkvH264))).to.equal(true)
    expect(canRemuxToWebMp4(await probe(vp9))).to.equal(false)
    expect(canRemuxToWebMp4(await probe(mp4Opus))).to.equal(false)
  })

  it('maps resolutions to the standard ones, tolerating a few cropped lines', function () {
    expect(getStandardResolution(720)).to.equal(720)
    expect(getStandardResolution(718)).to.equal(720)
    expect(getStandardResolution(1072)).to.equal(1080)
    expect(getStandardResolution(1000)).to.equal(undefined)
    expect(getStandardResolution(0)).to.equal(undefined)
  })

  it('rejects a file ffprobe cannot read', async function () {
    let error: Error | undefined
    try {
      await probe(join(dir, 'missing.mp4'))
    } catch (err) {
      error = err as Error
    }
    expect(error?.message).to.contain('ffprobe cannot read')
  })
})
