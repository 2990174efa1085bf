import { execFile } from 'node:child_process'
import { open } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect } from 'chai'
import { verifyRunnerOutput, type VerificationSettings } from '../../../lib/runners/verification/verify-output.js'
import { generateClip, makeTempDir, removeDir } from '../../video-pipeline/fixtures.js'
import { encodeRung } from './shared/runner-fixtures.js'

const execFileAsync = promisify(execFile)

// The verification of a runner's output on its own (files in, verdict out): what a legitimate runner returns
// passes, whatever container layout it chose; what is another picture, or broken, does not.
describe('Runner output verification', function () {
  let dir: string
  let source: string
  const settings: VerificationSettings = {
    decodedSamples: 3,
    spotCheck: {
      samples: 2, sampleSeconds: 1, preset: 'ultrafast', minSsim: 0.85, minPsnr: 28, maxSsimLoss: 0.05, starts: [ 0.5, 2.5 ],
      audio: { maxLevelDifferenceDb: 6, minSpectrumSimilarity: 0.9 }
    }
  }
  const expected = {
    resolution: 240, fps: 30, maxBitrate: 500_000, sourceWidth: 640, sourceHeight: 360, sourceDurationSeconds: 4, sourceHasAudio: true,
    durationTolerance: { seconds: 0.5, percent: 2 }
  }
  const verify = (outputPath: string) => verifyRunnerOutput({ outputPath, sourcePath: source, expected, settings, workDir: dir })
  const ffmpeg = (args: string[]) => execFileAsync('ffmpeg', [ '-hide_banner', '-loglevel', 'error', '-y', ...args ])

  before(async function () {
    dir = await makeTempDir('output-verification')
    source = await generateClip(join(dir, 'source.mp4'), { width: 640, height: 360, durationSeconds: 4, gop: 30 })
  })

  after(async function () {
    await removeDir(dir)
  })

  it('accepts an fMP4 HLS file whose video starts frames after its audio, as PeerTube\'s runner returns them', async function () {
    // No edit list: the video's first frame is at +2 frames, the audio at the AAC priming delay. Seeking both files
    // to the same time would compare pictures a frame apart (PSNR ~24 dB on moving content).
    const output = join(dir, 'hls-240.mp4')
    await ffmpeg([
      '-i', source, '-vf', 'scale=-2:240', '-c:v', 'libx264', '-preset', 'veryfast', '-g', '60', '-c:a', 'aac',
      '-f', 'hls', '-hls_time', '4', '-hls_list_size', '0', '-hls_playlist_type', 'vod', '-hls_segment_type', 'fmp4', '-hls_flags', 'single_file',
      '-hls_segment_filename', output, join(dir, 'hls-240.m3u8')
    ])
    const verdict = await verify(output)
    expect(verdict.problems).to.deep.equal([])
    expect(verdict.accepted).to.equal(true)
    for (const window of verdict.windows) expect(window.theirs.ssim).to.be.above(0.97)
  })

  it('compares pictures at the output\'s own width, which encoders round differently (480p of 16:9 is 854 wide)', async function () {
    const wide = await generateClip(join(dir, 'wide.mp4'), { width: 1280, height: 720, durationSeconds: 2, gop: 30 })
    const output = await encodeRung(wide, join(dir, 'wide-480.mp4'), 480, 30)
    const verdict = await verifyRunnerOutput({
      outputPath: output,
      sourcePath: wide,
      expected: { ...expected, resolution: 480, maxBitrate: 1_500_000, sourceWidth: 1280, sourceHeight: 720, sourceDurationSeconds: 2 },
      settings: { ...settings, spotCheck: { ...settings.spotCheck!, starts: [ 0.5 ] } },
      workDir: dir
    })
    expect(verdict.problems).to.deep.equal([])
  })

  it('refuses a file of the right kind showing other pictures (mirrored), naming the failed measure', async function () {
    const output = join(dir, 'mirrored-240.mp4')
    await ffmpeg([ '-i', source, '-vf', 'hflip,scale=-2:240', '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-movflags', '+faststart', output ])
    const verdict = await verify(output)
    expect(verdict.accepted).to.equal(false)
    expect(verdict.problems.join('; ')).to.match(/SSIM|PSNR/)
  })

  it('compares the sound of the windows too: the right sound passes, silence or another sound is refused', async function () {
    const honest = await encodeRung(source, join(dir, 'honest-240.mp4'), 240, 30)
    const verdict = await verify(honest)
    expect(verdict.problems).to.deep.equal([])
    expect(verdict.audioWindows).to.have.length(2)
    for (const window of verdict.audioWindows) {
      expect(window.spectrumSimilarity).to.be.above(0.97)
      expect(Math.abs(window.outputDbfs - window.sourceDbfs)).to.be.below(1)
    }

    const silent = join(dir, 'silent-240.mp4')
    await ffmpeg([ '-i', source, '-vf', 'scale=-2:240', '-af', 'volume=0', '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-movflags', '+faststart', silent ])
    expect((await verify(silent)).problems.join('; ')).to.match(/sound at 0\.5 s is silent/)

    const otherSound = join(dir, 'other-sound-240.mp4')
    await ffmpeg([
      '-i', source, '-f', 'lavfi', '-i', 'sine=frequency=1500:sample_rate=48000', '-map', '0:v', '-map', '1:a', '-t', '4',
      '-vf', 'scale=-2:240', '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', '-movflags', '+faststart', otherSound
    ])
    expect((await verify(otherSound)).problems.join('; ')).to.match(/sound at 0\.5 s is not the source's \(spectrum similarity/)
  })

  it('refuses a file whose frames are damaged though its headers look right', async function () {
    const output = await encodeRung(source, join(dir, 'damaged-240.mp4'), 240, 30)
    // Overwrite a stretch in the middle of the media data with garbage: ffprobe still reads the moov.
    const handle = await open(output, 'r+')
    const { size } = await handle.stat()
    await handle.write(Buffer.alloc(Math.floor(size / 4), 0x5a), 0, Math.floor(size / 4), Math.floor(size / 2))
    await handle.close()
    const verdict = await verify(output)
    expect(verdict.accepted).to.equal(false)
    expect(verdict.problems.join('; ')).to.match(/decode|SSIM|PSNR/)
  })

  it('accepts an audio merge whose picture runs on past the sound, and refuses one missing seconds of sound or silent', async function () {
    const song = await generateClip(join(dir, 'song.m4a'), { width: 0, height: 0, video: 'none', audio: 'aac', durationSeconds: 3 })
    const merge = async (name: string, soundSeconds: number, sound = [ '-i', song ]) => {
      const output = join(dir, name)
      await ffmpeg([
        '-f', 'lavfi', '-t', '4.5', '-i', 'color=c=0x202020:s=854x480:r=25', '-t', String(soundSeconds), ...sound,
        '-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'stillimage', '-pix_fmt', 'yuv420p', '-c:a', 'aac', '-movflags', '+faststart', output
      ])
      return verifyRunnerOutput({
        outputPath: output,
        sourcePath: song,
        expected: { ...expected, resolution: 480, fps: 25, sourceWidth: 0, sourceHeight: 0, sourceDurationSeconds: 3 },
        settings,
        workDir: dir
      })
    }
    expect((await merge('merged.mp4', 3)).problems).to.deep.equal([])
    expect((await merge('short-sound.mp4', 1.5)).problems).to.deep.equal([ 'duration is 1.50 s, the source\'s is 3.00 s' ])
    // The sound of a merge is what matters: a merge of silence is refused.
    const silence = await merge('silent-merge.mp4', 3, [ '-f', 'lavfi', '-i', 'anullsrc=r=48000:cl=mono' ])
    expect(silence.problems.join('; ')).to.match(/sound at 0\.5 s is silent/)
  })

  it('refuses a rung of the wrong size or frame rate before decoding anything', async function () {
    const output = await encodeRung(source, join(dir, 'wrong-360.mp4'), 360, 25)
    const verdict = await verify(output)
    expect(verdict.accepted).to.equal(false)
    expect(verdict.problems).to.include.members([ 'resolution is 640x360, not 240p', 'frame rate is 25.000, not 30' ])
    expect(verdict.timings.decodeMs).to.equal(0)
  })
})
