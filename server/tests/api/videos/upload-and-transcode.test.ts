import { createHash } from 'node:crypto'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from 'chai'
import parseTorrent from 'parse-torrent'
import { TestInstance } from '../../shared/test-instance.js'
import { videoHeight } from '../../shared/media.js'
import { firstChannelId, getVideo, uploadVideo, waitForLadder } from '../../shared/videos.js'
import { generateClip, makeTempDir, removeDir } from '../../video-pipeline/fixtures.js'

describe('Video upload and transcoding', function () {
  const instance = new TestInstance(1)
  let dir: string
  let clip: string
  let uuid: string
  let video: any

  before(async function () {
    dir = await makeTempDir('upload')
    clip = await generateClip(join(dir, 'clip-720p.mp4'), { width: 1280, height: 720, durationSeconds: 4, fps: 25 })
    await instance.flushAndStart()
  })

  after(async function () {
    await instance.stop()
    await removeDir(dir)
  })

  it('accepts a multipart upload and answers with the new video ids', async function () {
    const res = await uploadVideo(instance, clip, { name: 'Ladder test', extra: { tags: 'ladder', description: 'A **generated** clip' } })

    expect(res.status, JSON.stringify(res.body)).to.equal(200)
    expect(res.body.video).to.have.keys('id', 'uuid', 'shortUUID')
    uuid = res.body.video.uuid
  })

  it('publishes the full ladder in both formats: web videos and HLS', async function () {
    video = await waitForLadder(instance, uuid, [ 720, 480, 360, 240 ])

    expect(video.name).to.equal('Ladder test')
    expect(video.state).to.deep.equal({ id: 1, label: 'Published' })
    expect(video.duration).to.equal(4)
    expect(video.tags).to.deep.equal([ 'ladder' ])
    expect(video.trackerUrls).to.deep.equal([ `${instance.url}/tracker/announce`, `ws://${instance.host}/tracker/socket` ])
  })

  it('produces files whose real heights are the resolutions they claim', async function () {
    for (const file of [ ...video.files, ...video.streamingPlaylists[0].files ]) {
      expect(await videoHeight(file.fileUrl), file.fileUrl).to.equal(file.resolution.id)
    }
  })

  it('lists the video, and finds it by search, case- and accent-insensitively', async function () {
    const list = await instance.api().get('/api/v1/videos').expect(200)
    expect(list.body.total).to.equal(1)
    expect(list.body.data[0].uuid).to.equal(uuid)

    const search = await instance.api().get('/api/v1/search/videos').query({ search: 'LÃDDER' }).expect(200)
    expect(search.body.data.map((v: { uuid: string }) => v.uuid)).to.deep.equal([ uuid ])
  })

  it('serves an HLS master playlist whose renditions\' segments match the segments-sha256 list', async function () {
    const playlist = video.streamingPlaylists[0]
    const master = await instance.api().get(new URL(playlist.playlistUrl).pathname).expect(200)
    const renditions = master.text.split('\n').filter((line: string) => line.endsWith('.m3u8'))
    expect(renditions).to.have.length(4)
    expect(master.text).to.include('#EXT-X-STREAM-INF')

    const sha = (await instance.api().get(new URL(playlist.segmentsSha256Url).pathname).expect(200)).body
    const base = playlist.playlistUrl.replace(/[^/]+$/, '')

    for (const rendition of renditions) {
      const media = (await instance.api().get(new URL(base + rendition).pathname).expect(200)).text
      const filename = /#EXT-X-MAP:URI="([^"]+)"/.exec(media)![1]
      const fileBytes = (await instance.api().get(new URL(base + filename).pathname).buffer(true).parse(binaryParser).expect(200)).body as Buffer

      const ranges = [ ...media.matchAll(/#EXT-X-BYTERANGE:(\d+)@(\d+)/g) ].map(m => ({ length: +m[1], offset: +m[2] }))
      expect(ranges.length).to.be.greaterThan(0)
      for (const { length, offset } of ranges) {
        const key = `${offset}-${offset + length - 1}`
        const actual = createHash('sha256').update(fileBytes.subarray(offset, offset + length)).digest('hex')
        expect(sha[filename][key], `${filename} ${key}`).to.equal(actual)
      }
    }
  })

  it('answers byte ranges with 206 and the headers WebSeeds need', async function () {
    const file = video.files[0]
    const res = await instance.api().get(new URL(file.fileUrl).pathname).set('Range', 'bytes=0-99').expect(206)

    expect(res.headers['content-range']).to.equal(`bytes 0-99/${file.size}`)
    expect(res.headers['accept-ranges']).to.equal('bytes')
    expect(res.headers['content-type']).to.equal('video/mp4')
    expect(res.headers['access-control-allow-origin']).to.equal('*')
    expect(res.headers['cache-control']).to.include('immutable')
  })

  it('makes one torrent per file, announcing our tracker and seeding from our WebSeed', async function () {
    for (const file of video.files) {
      const res = await instance.api().get(new URL(file.torrentUrl).pathname).buffer(true).parse(binaryParser).expect(200)
      const torrent = await parseTorrent(res.body as Buffer)

      expect(torrent.announce).to.have.members([ `ws://${instance.host}/tracker/socket`, `${instance.url}/tracker/announce` ])
      expect(torrent.urlList).to.deep.equal([ file.fileUrl ])
      expect(torrent.length).to.equal(file.size)
      expect(file.magnetUri).to.include(`xt=urn:btih:${torrent.infoHash}`)
    }
  })

  it('serves thumbnails and previews at PeerTube\'s sizes', async function () {
    const thumbnail = await instance.api().get(video.thumbnailPath).buffer(true).parse(binaryParser).expect(200)
    const preview = await instance.api().get(video.previewPath).buffer(true).parse(binaryParser).expect(200)
    const thumbnailFile = join(dir, 'thumb.jpg')
    const previewFile = join(dir, 'preview.jpg')
    await writeFile(thumbnailFile, thumbnail.body)
    await writeFile(previewFile, preview.body)

    const { ffprobeJson } = await import('../../shared/media.js')
    expect((await ffprobeJson(thumbnailFile)).streams[0]).to.include({ width: 280, height: 157 })
    expect((await ffprobeJson(previewFile)).streams[0]).to.include({ width: 850, height: 480 })
  })

  it('refuses a file that is not a video, leaving nothing behind', async function () {
    const text = join(dir, 'notes.mp4')
    await writeFile(text, 'this is not a video, whatever its name says')
    const before = await instance.sql('SELECT count(*)::int AS n FROM video')

    const res = await uploadVideo(instance, text)

    expect(res.status).to.equal(400)
    expect(res.headers['content-type']).to.match(/problem\+json/)
    expect(res.body['invalid-params']).to.have.property('videofile')
    expect(await instance.sql('SELECT count(*)::int AS n FROM video')).to.deep.equal(before)
  })

  it('refuses an upload without a name, naming the field', async function () {
    const res = await instance.api()
      .post('/api/v1/videos/upload')
      .set('Authorization', `Bearer ${instance.accessToken}`)
      .field('channelId', String(await firstChannelId(instance)))
      .attach('videofile', clip)
      .expect(400)
    expect(res.body['invalid-params']).to.have.property('name')
  })

  it('deletes a video with every file and torrent', async function () {
    const fileUrls = [ ...video.files, ...video.streamingPlaylists[0].files ].flatMap((f: any) => [ f.fileUrl, f.torrentUrl ])

    await instance.api().delete(`/api/v1/videos/${uuid}`).set('Authorization', `Bearer ${instance.accessToken}`).expect(204)

    await getVideo(instance, uuid).expect(404)
    for (const url of fileUrls) expect((await instance.api().get(new URL(url).pathname)).status, url).to.equal(404)
  })
})

function binaryParser (res: any, callback: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = []
  res.on('data', (chunk: Buffer) => chunks.push(chunk))
  res.on('end', () => callback(null, Buffer.concat(chunks)))
}
