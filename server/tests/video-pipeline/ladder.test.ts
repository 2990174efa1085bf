import { expect } from 'chai'
import type { ProbeResult } from '../../helpers/ffmpeg/probe.js'
import { planLadder } from '../../lib/video-pipeline/ladder.js'
import { computeMaxBitrate, computeRungFps } from '../../lib/video-pipeline/rung-settings.js'
import { planTranscoding } from '../../lib/video-pipeline/pipeline-plan.js'

const ALL = [ 144, 240, 360, 480, 720, 1080, 1440, 2160 ]
const DEFAULT_CONFIG = [ 240, 360, 480, 720, 1080, 1440, 2160 ]

function resolutions (rungs: { resolution: number }[]) {
  return rungs.map(r => r.resolution)
}

function webReadyProbe (overrides: { width?: number, height?: number, fps?: number, bitrate?: number, codec?: string, pixFmt?: string } = {}): ProbeResult {
  const width = overrides.width ?? 1920
  const height = overrides.height ?? 1080
  return {
    durationSeconds: 60,
    size: 40_000_000,
    formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
    bitrate: (overrides.bitrate ?? 4_000_000) + 128_000,
    video: {
      streamIndex: 0,
      codec: overrides.codec ?? 'h264',
      width,
      height,
      displayWidth: width,
      displayHeight: height,
      fps: overrides.fps ?? 30,
      bitrate: overrides.bitrate ?? 4_000_000,
      pixFmt: overrides.pixFmt ?? 'yuv420p',
      rotation: 0,
      profile: 'High',
      fieldOrder: 'progressive'
    },
    audio: { streamIndex: 1, codec: 'aac', channels: 2, sampleRate: 48000, bitrate: 128_000 }
  }
}

describe('Ladder planning', function () {
  it('keeps every enabled resolution at or below a 1080p source, the source resolution included, highest first', function () {
    const rungs = planLadder({ width: 1920, height: 1080, fps: 30 }, { enabledResolutions: DEFAULT_CONFIG })
    expect(resolutions(rungs)).to.deep.equal([ 1080, 720, 480, 360, 240 ])
  })

  it('never upscales: a 720p source gets no 1080p or 1440p rung', function () {
    const rungs = planLadder({ width: 1280, height: 720, fps: 30 }, { enabledResolutions: ALL })
    expect(resolutions(rungs)).to.deep.equal([ 720, 480, 360, 240, 144 ])
  })

  it('counts the shorter side for a portrait source, like PeerTube', function () {
    const rungs = planLadder({ width: 1080, height: 1920, fps: 30 }, { enabledResolutions: DEFAULT_CONFIG })
    expect(resolutions(rungs)).to.deep.equal([ 1080, 720, 480, 360, 240 ])
  })

  it('adds a non-standard source resolution only when always_transcode_original_resolution is on', function () {
    const source = { width: 1776, height: 1000, fps: 30 }

    const kept = planLadder(source, { enabledResolutions: DEFAULT_CONFIG, alwaysTranscodeOriginalResolution: true })
    expect(resolutions(kept)).to.deep.equal([ 1000, 720, 480, 360, 240 ])

    const standardOnly = planLadder(source, { enabledResolutions: DEFAULT_CONFIG, alwaysTranscodeOriginalResolution: false })
    expect(resolutions(standardOnly)).to.deep.equal([ 720, 480, 360, 240 ])
  })

  it('keeps a standard source resolution that is switched off only under always_transcode_original_resolution', function () {
    const enabled = [ 240, 480, 720 ]
    const source = { width: 1920, height: 1080, fps: 30 }

    expect(resolutions(planLadder(source, { enabledResolutions: enabled, alwaysTranscodeOriginalResolution: true })))
      .to.deep.equal([ 1080, 720, 480, 240 ])
    expect(resolutions(planLadder(source, { enabledResolutions: enabled })))
      .to.deep.equal([ 720, 480, 240 ])
  })

  it('produces the source resolution (made even) when the source is smaller than every enabled resolution', function () {
    const rungs = planLadder({ width: 178, height: 101, fps: 15 }, { enabledResolutions: DEFAULT_CONFIG })
    expect(resolutions(rungs)).to.deep.equal([ 100 ])
    expect(rungs[0].fps).to.equal(15)
  })

  it('gives an audio-only source one still-picture rung (480p, 25 fps)', function () {
    const rungs = planLadder({}, { enabledResolutions: DEFAULT_CONFIG })
    expect(rungs).to.have.length(1)
    expect(rungs[0]).to.include({ resolution: 480, fps: 25 })
    expect(rungs[0].maxBitrate).to.be.greaterThan(0)
  })

  it('keeps 60 fps from 720p up and halves it below', function () {
    const rungs = planLadder({ width: 1920, height: 1080, fps: 60 }, { enabledResolutions: DEFAULT_CONFIG })
    expect(rungs.map(r => [ r.resolution, r.fps ])).to.deep.equal([
      [ 1080, 60 ], [ 720, 60 ], [ 480, 30 ], [ 360, 30 ], [ 240, 30 ]
    ])
  })

  it('reduces frame rates by whole divisors so frames drop evenly', function () {
    expect(computeRungFps(50, 360)).to.equal(25)
    expect(computeRungFps(59.94, 480)).to.equal(29.97)
    expect(computeRungFps(48, 240)).to.equal(24)
    expect(computeRungFps(120, 1080)).to.equal(60)
    expect(computeRungFps(120, 360)).to.equal(30)
    expect(computeRungFps(25, 1080)).to.equal(25)
    // 40 / 2 = 20 fps would look choppy: capped at 30 instead.
    expect(computeRungFps(40, 360)).to.equal(30)
    // Unknown frame rate: the default.
    expect(computeRungFps(0, 720)).to.equal(30)
  })

  it('caps bitrates higher for bigger and for faster rungs', function () {
    const ladder = [ 144, 240, 360, 480, 720, 1080, 1440, 2160 ].map(r => computeMaxBitrate(r, 30))
    for (let i = 1; i < ladder.length; i++) expect(ladder[i]).to.be.greaterThan(ladder[i - 1])

    expect(computeMaxBitrate(1080, 60)).to.be.greaterThan(computeMaxBitrate(1080, 30))
    expect(computeMaxBitrate(1080, 30)).to.be.within(3_000_000, 10_000_000)

    const nonStandard = computeMaxBitrate(1000, 30)
    expect(nonStandard).to.be.greaterThan(computeMaxBitrate(720, 30)).and.lessThan(computeMaxBitrate(1080, 30))
  })
})

describe('Transcoding plan', function () {
  it('remuxes a web-ready source first and lets it stand for its rung when within the bitrate cap', function () {
    const plan = planTranscoding(webReadyProbe({ bitrate: 4_000_000 }), { enabledResolutions: DEFAULT_CONFIG })

    expect(plan.remuxSource).to.equal(true)
    expect(plan.copiedRung?.resolution).to.equal(1080)
    expect(plan.firstEncode).to.deep.equal([])
    expect(resolutions(plan.backgroundEncode)).to.deep.equal([ 720, 480, 360, 240 ])
  })

  it('still remuxes a web-ready source above the cap for instant playback, but encodes its rung too', function () {
    const plan = planTranscoding(webReadyProbe({ bitrate: 20_000_000 }), { enabledResolutions: DEFAULT_CONFIG })

    expect(plan.remuxSource).to.equal(true)
    expect(plan.copiedRung).to.equal(undefined)
    expect(resolutions(plan.backgroundEncode)).to.deep.equal([ 1080, 720, 480, 360, 240 ])
  })

  it('does not let a 60 fps source stand for a rung whose frame rate differs', function () {
    const plan = planTranscoding(webReadyProbe({ width: 854, height: 480, fps: 60, bitrate: 1_000_000 }), { enabledResolutions: DEFAULT_CONFIG })
    expect(plan.remuxSource).to.equal(true)
    expect(plan.copiedRung).to.equal(undefined)
  })

  it('encodes one fast rung (360p at most) first when the source cannot be remuxed, then the rest in one run', function () {
    const probe = webReadyProbe({ codec: 'hevc' })
    const plan = planTranscoding(probe, { enabledResolutions: DEFAULT_CONFIG })

    expect(plan.remuxSource).to.equal(false)
    expect(resolutions(plan.firstEncode)).to.deep.equal([ 360 ])
    expect(resolutions(plan.backgroundEncode)).to.deep.equal([ 1080, 720, 480, 240 ])
    expect(resolutions(plan.ladder)).to.deep.equal([ 1080, 720, 480, 360, 240 ])
  })

  it('does not remux 10-bit H.264, which browsers cannot decode', function () {
    const plan = planTranscoding(webReadyProbe({ pixFmt: 'yuv420p10le' }), { enabledResolutions: DEFAULT_CONFIG })
    expect(plan.remuxSource).to.equal(false)
  })

  it('falls back to the smallest rung first when every rung is above 360p', function () {
    const plan = planTranscoding(webReadyProbe({ codec: 'vp9' }), { enabledResolutions: [ 720, 1080 ] })
    expect(resolutions(plan.firstEncode)).to.deep.equal([ 720 ])
    expect(resolutions(plan.backgroundEncode)).to.deep.equal([ 1080 ])
  })

  it('plans a single encode for an audio-only source', function () {
    const probe: ProbeResult = { ...webReadyProbe(), video: undefined }
    const plan = planTranscoding(probe, { enabledResolutions: DEFAULT_CONFIG })

    expect(plan.audioOnly).to.equal(true)
    expect(plan.remuxSource).to.equal(false)
    expect(resolutions(plan.firstEncode)).to.deep.equal([ 480 ])
    expect(plan.backgroundEncode).to.deep.equal([])
  })
})
