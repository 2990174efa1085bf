import { execFile } from 'node:child_process'
import { readdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { expect } from 'chai'
import { findReplaySource, keepRunnerChunkForReplay, listSessionFiles, writeReplaySource } from '../../../lib/live/live-replay-files.js'
import { makeTempDir, removeDir } from '../../video-pipeline/fixtures.js'

// The replay of a live transcoded by a runner, from its MPEG-TS chunks (no instance: the files as a runner's
// updates leave them in the live's folder, made by ffmpeg's HLS muxer as both runners make them).

const execFileAsync = promisify(execFile)
const SESSION = 7

describe('Replay of a runner\'s live, from its chunks', function () {
  let dir: string
  let chunks: string[]

  before(async function () {
    dir = await makeTempDir('runner-replay')
    // 3 s in 1 s chunks (`<variant>-<sequence>.ts`), stored under the session's prefix as the runner updates are.
    await execFileAsync('ffmpeg', [
      '-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc2=size=256x144:rate=25:duration=3',
      '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=44100:duration=3',
      '-c:v', 'libx264', '-preset', 'ultrafast', '-g', '25', '-pix_fmt', 'yuv420p', '-c:a', 'aac',
      '-f', 'hls', '-hls_time', '1', '-hls_list_size', '0', '-hls_segment_filename', join(dir, '0-%06d.ts'), join(dir, '0.m3u8')
    ])
    const names = (await readdir(dir)).filter(name => name.endsWith('.ts')).sort()
    chunks = []
    for (const name of names) {
      await rename(join(dir, name), join(dir, `live-${SESSION}-${name}`))
      chunks.push(`live-${SESSION}-${name}`)
    }
    expect(chunks.length).to.be.at.least(3)
  })

  after(async function () {
    await removeDir(dir)
  })

  it('keeps every chunk once, whatever the order they came in, after the runner removed them from the window', async function () {
    // Posted out of order, one of them twice (a retried request); then removed as they leave the window.
    for (const name of [ ...chunks ].reverse()) await keepRunnerChunkForReplay(dir, SESSION, name)
    await keepRunnerChunkForReplay(dir, SESSION, chunks[1])
    for (const name of chunks) await rm(join(dir, name))

    const source = await findReplaySource(dir, SESSION)
    expect(source?.kind).to.equal('mpegts')
    const kept = source!.kind === 'mpegts' ? source!.chunks : []
    expect(kept.map(path => path.slice(dir.length + 1))).to.deep.equal(chunks.map(name => name.replace(`live-${SESSION}-`, `live-${SESSION}-~replay-`)))
    // They are the session's files: they go with it.
    expect(await listSessionFiles(dir, SESSION)).to.have.members(kept)
    expect(await findReplaySource(dir, SESSION + 1)).to.equal(undefined)
  })

  it('makes one MP4 of them, as long as the stream, with its sound, decoding without an error', async function () {
    const output = join(dir, 'input', 'replay.mp4')
    await writeReplaySource((await findReplaySource(dir, SESSION))!, output)
    const probed = JSON.parse((await execFileAsync('ffprobe', [ '-v', 'error', '-show_entries', 'format=format_name,duration:stream=codec_name', '-of', 'json', output ])).stdout)
    expect(probed.format.format_name).to.include('mp4')
    expect(Number(probed.format.duration)).to.be.within(2.8, 3.3)
    expect(probed.streams.map((s: { codec_name: string }) => s.codec_name).sort()).to.deep.equal([ 'aac', 'h264' ])
    const decoded = await execFileAsync('ffmpeg', [ '-v', 'error', '-i', output, '-f', 'null', '-' ])
    expect(decoded.stderr).to.equal('')
    // Nothing left beside it.
    expect(await readdir(join(dir, 'input'))).to.deep.equal([ 'replay.mp4' ])
  })
})
