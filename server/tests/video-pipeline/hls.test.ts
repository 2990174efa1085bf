import { expect } from 'chai'
import { execFile } from 'node:child_process'
import { createHash, randomUUID } from 'node:crypto'
import { mkdir, readFile, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { encodeLadder } from '../../lib/video-pipeline/encode-ladder.js'
import { fastStartRemux } from '../../lib/video-pipeline/fast-start-remux.js'
import { buildMasterPlaylist, describeHlsRendition } from '../../lib/video-pipeline/hls-master-playlist.js'
import { parseMediaPlaylist } from '../../lib/video-pipeline/hls-media-playlist.js'
import { remuxToHls, type HlsRendition } from '../../lib/video-pipeline/hls-remux.js'
import { planLadder } from '../../lib/video-pipeline/ladder.js'
import { buildSegmentsSha256, type SegmentsSha256 } from '../../lib/video-pipeline/segments-sha256.js'
import { ffprobeStreams, generateClip, makeTempDir, removeDir, topLevelBoxes } from './fixtures.js'

const execFileAsync = promisify(execFile)
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}'

/** md5 of a stream's packets: equal for two files only if the coded data was copied, not re-encoded. */
async function streamHash (path: string, stream: 'v' | 'a') {
  const { stdout } = await execFileAsync('ffmpeg', [ '-v', 'error', '-i', path, '-map', `0:${stream}:0`, '-c', 'copy', '-f', 'md5', '-' ])
  return stdout.trim()
}

describe('HLS from encoded MP4s', function () {
  let dir: string
  let hlsDir: string
  let renditions: HlsRendition[]
  let sha: SegmentsSha256
  let master: string

  before(async function () {
    dir = await makeTempDir('hls')
    hlsDir = join(dir, 'hls', randomUUID())
    await mkdir(hlsDir, { recursive: true })

    const source = await generateClip(join(dir, 'source.mp4'), { width: 1280, height: 720, durationSeconds: 10 })
    const rungs = planLadder({ width: 1280, height: 720, fps: 30 }, { enabledResolutions: [ 360, 720 ] })
    const mp4s = await encodeLadder({ input: source, rungs, outputs: rungs.map(r => join(dir, `web-${r.resolution}.mp4`)), preset: 'ultrafast' })

    renditions = []
    for (const mp4 of mp4s) {
      renditions.push(await remuxToHls({ inputMp4: mp4.path, outputDir: hlsDir, resolution: mp4.resolution }))
    }

    sha = await buildSegmentsSha256(renditions)
    master = buildMasterPlaylist(await Promise.all(renditions.map(r => describeHlsRendition(r))))
  })

  after(async function () {
    await removeDir(dir)
  })

  it('writes one fragmented MP4 and one media playlist per resolution, named like PeerTube\'s', async function () {
    const files = (await readdir(hlsDir)).sort()
    expect(files).to.have.length(4)

    for (const rendition of renditions) {
      expect(rendition.videoFilename).to.match(new RegExp(`^${UUID}-${rendition.resolution}-fragmented\\.mp4$`))
      expect(rendition.playlistFilename).to.equal(rendition.videoFilename.replace('-fragmented.mp4', '.m3u8'))
      expect(files).to.include.members([ rendition.videoFilename, rendition.playlistFilename ])
    }
  })

  it('writes VOD playlists of 4 second segments addressed by byte range in the single file', async function () {
    for (const rendition of renditions) {
      const content = await readFile(rendition.playlistPath, 'utf8')
      const playlist = parseMediaPlaylist(content)

      expect(content).to.contain('#EXT-X-PLAYLIST-TYPE:VOD')
      expect(playlist.ended).to.equal(true)
      expect(playlist.targetDurationSeconds).to.equal(4)
      expect(playlist.init?.uri).to.equal(rendition.videoFilename)
      expect(playlist.segments.map(s => s.uri)).to.satisfy((uris: string[]) => uris.every(u => u === rendition.videoFilename))
      expect(playlist.segments.map(s => Math.round(s.durationSeconds))).to.deep.equal([ 4, 4, 2 ])

      // PeerTube reads ranges with /^#EXT-X-BYTERANGE:(\d+)@(\d+)$/: every range must state its offset.
      const rangeLines = content.split('\n').filter(l => l.startsWith('#EXT-X-BYTERANGE:'))
      expect(rangeLines).to.have.length(playlist.segments.length)
      for (const line of rangeLines) expect(line).to.match(/^#EXT-X-BYTERANGE:\d+@\d+$/)
    }
  })

  it('has byte ranges that cover the whole file, init section first, without gaps or overlaps', async function () {
    for (const rendition of renditions) {
      const playlist = parseMediaPlaylist(await readFile(rendition.playlistPath, 'utf8'))
      const { size } = await stat(rendition.videoPath)

      expect(playlist.init?.offset).to.equal(0)
      let next = playlist.init!.length!
      for (const segment of playlist.segments) {
        expect(segment.offset).to.equal(next)
        next = segment.offset + segment.length
      }
      expect(next).to.equal(size)
      expect(rendition.size).to.equal(size)
    }
  })

  it('lists in segments-sha256 the SHA-256 of each segment, keyed by file name and inclusive byte range', async function () {
    expect(Object.keys(sha).sort()).to.deep.equal(renditions.map(r => r.videoFilename).sort())

    for (const rendition of renditions) {
      const file = await readFile(rendition.videoPath)
      const playlist = parseMediaPlaylist(await readFile(rendition.playlistPath, 'utf8'))
      const entries = sha[rendition.videoFilename]

      expect(Object.keys(entries)).to.have.length(playlist.segments.length)
      for (const [ range, hash ] of Object.entries(entries)) {
        const [ start, end ] = range.split('-').map(Number)
        const expected = createHash('sha256').update(file.subarray(start, end + 1)).digest('hex')
        expect(hash, range).to.equal(expected)
      }

      const first = playlist.segments[0]
      expect(entries).to.have.property(`${first.offset}-${first.offset + first.length - 1}`)
    }
  })

  it('lists every rendition in the master playlist with its bandwidth, size, frame rate and real codecs', function () {
    const lines = master.trim().split('\n')
    expect(lines[0]).to.equal('#EXTM3U')
    expect(lines[1]).to.equal('#EXT-X-VERSION:3')

    const streamInfs = lines.filter(l => l.startsWith('#EXT-X-STREAM-INF:'))
    expect(streamInfs).to.have.length(2)

    const expectedSizes: Record<number, string> = { 720: '1280x720', 360: '640x360' }
    for (const rendition of renditions) {
      const index = lines.indexOf(rendition.playlistFilename)
      expect(index, rendition.playlistFilename).to.be.greaterThan(0)

      const info = lines[index - 1]
      expect(info).to.match(/^#EXT-X-STREAM-INF:BANDWIDTH=\d+,RESOLUTION=\d+x\d+,FRAME-RATE=30,CODECS="avc1\.[0-9a-f]{6},mp4a\.40\.2"$/)
      expect(info).to.contain(`RESOLUTION=${expectedSizes[rendition.resolution]}`)
      expect(Number(/BANDWIDTH=(\d+)/.exec(info)![1])).to.be.greaterThan(10_000)
    }
  })

  it('states in CODECS the profile and level the stream really has', async function () {
    const profileByte: Record<string, string> = { 'Constrained Baseline': '42', Main: '4d', High: '64' }

    for (const rendition of renditions) {
      const { stdout } = await execFileAsync('ffprobe', [
        '-v', 'error', '-select_streams', 'v:0', '-show_entries', 'stream=profile,level', '-of', 'json', rendition.videoPath
      ])
      const { profile, level } = (JSON.parse(stdout) as { streams: { profile: string, level: number }[] }).streams[0]
      const info = master.split('\n').find((_, i, all) => all[i + 1] === rendition.playlistFilename)!

      const codec = /CODECS="(avc1\.[0-9a-f]{6})/.exec(info)![1]
      expect(codec.slice(5, 7), profile).to.equal(profileByte[profile])
      expect(codec.slice(9, 11)).to.equal(level.toString(16).padStart(2, '0'))
    }
  })
})

describe('Fast-start remux', function () {
  let dir: string

  before(async function () {
    dir = await makeTempDir('remux')
  })

  after(async function () {
    await removeDir(dir)
  })

  it('copies H.264/AAC into an MP4 whose index comes first, without touching the coded streams', async function () {
    // x264 and ffmpeg's mp4 muxer write the index last unless asked: the source is not fast-start.
    const source = await generateClip(join(dir, 'source.mp4'), { width: 1280, height: 720, durationSeconds: 3 })
    expect((await topLevelBoxes(source)).indexOf('mdat')).to.be.lessThan((await topLevelBoxes(source)).indexOf('moov'))

    const output = join(dir, 'web.mp4')
    const result = await fastStartRemux({ input: source, output })

    const boxes = await topLevelBoxes(output)
    expect(boxes.indexOf('moov')).to.be.lessThan(boxes.indexOf('mdat'))
    expect(result).to.include({ width: 1280, height: 720, resolution: 720, fps: 30, hasAudio: true, hasVideo: true })
    expect((await ffprobeStreams(output)).map(s => s.codec_name)).to.have.members([ 'h264', 'aac' ])
    expect(await streamHash(output, 'v')).to.equal(await streamHash(source, 'v'))
    expect(await streamHash(output, 'a')).to.equal(await streamHash(source, 'a'))
  })

  it('turns an H.264/AAC Matroska file into a web MP4 too', async function () {
    const source = await generateClip(join(dir, 'source.mkv'), { width: 640, height: 360, durationSeconds: 2 })
    const output = join(dir, 'from-mkv.mp4')
    await fastStartRemux({ input: source, output })

    expect((await ffprobeStreams(output)).map(s => s.codec_name)).to.have.members([ 'h264', 'aac' ])
    expect(await streamHash(output, 'v')).to.equal(await streamHash(source, 'v'))
  })

  it('gives an HLS rendition of the remuxed file by codec copy as well', async function () {
    const source = await generateClip(join(dir, 'gop.mp4'), { width: 640, height: 360, durationSeconds: 6, gop: 60 })
    const web = await fastStartRemux({ input: source, output: join(dir, 'gop-web.mp4') })
    const hls = await remuxToHls({ inputMp4: web.path, outputDir: dir, resolution: 360 })

    const playlist = parseMediaPlaylist(await readFile(hls.playlistPath, 'utf8'))
    expect(playlist.segments.map(s => Math.round(s.durationSeconds))).to.deep.equal([ 4, 2 ])
    expect(await streamHash(hls.videoPath, 'v')).to.equal(await streamHash(source, 'v'))
  })

  it('refuses a source that needs encoding (VP9)', async function () {
    const source = await generateClip(join(dir, 'source.webm'), { width: 320, height: 240, durationSeconds: 1, video: 'vp9', audio: 'opus' })
    let error: Error | undefined
    try {
      await fastStartRemux({ input: source, output: join(dir, 'vp9.mp4') })
    } catch (err) {
      error = err as Error
    }
    expect(error?.message).to.contain('must be encoded')
  })
})
