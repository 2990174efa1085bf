import { join } from 'node:path'
import { expect } from 'chai'
import { TestInstance } from '../../shared/test-instance.js'
import { uploadVideo } from '../../shared/videos.js'
import { generateClip, makeTempDir, removeDir } from '../../video-pipeline/fixtures.js'
import { rawGet, waitForSettledVideo } from './http-and-settled-video.js'

describe('Static files: path tricks cannot reach private files', function () {
  const instance = new TestInstance(2)
  let dir: string
  let publicVideo: any
  let privateVideo: any

  let privateWebPath: string
  let privateWebFilename: string
  let privateHlsPath: string
  let masterFilename: string

  before(async function () {
    dir = await makeTempDir('static-path-safety')
    const clip = await generateClip(join(dir, 'clip.mp4'), { width: 320, height: 240, durationSeconds: 1 })
    await instance.flushAndStart({ config: { transcoding: { resolutions: { '240p': true, '360p': false, '480p': false, '720p': false, '1080p': false, '1440p': false, '2160p': false } } } })

    const pub = await uploadVideo(instance, clip, { name: 'Public video' })
    expect(pub.status).to.equal(200)
    const priv = await uploadVideo(instance, clip, { name: 'Private video', privacy: 3 })
    expect(priv.status).to.equal(200)

    publicVideo = await waitForSettledVideo(instance, pub.body.video.uuid, [ 240 ])
    privateVideo = await waitForSettledVideo(instance, priv.body.video.uuid, [ 240 ])

    privateWebPath = new URL(privateVideo.files[0].fileUrl).pathname
    privateWebFilename = privateWebPath.split('/').pop() as string
    privateHlsPath = new URL(privateVideo.streamingPlaylists[0].playlistUrl).pathname
    masterFilename = privateHlsPath.split('/').pop() as string
    expect(privateWebPath).to.equal(`/static/web-videos/private/${privateWebFilename}`)
    expect(privateHlsPath).to.equal(`/static/streaming-playlists/hls/private/${privateVideo.uuid}/${masterFilename}`)
  })

  after(async function () {
    await instance.stop()
    await removeDir(dir)
  })

  function expectRefused (res: { status: number }, path: string) {
    expect([ 403, 404 ], `${path} answered ${res.status}`).to.include(res.status)
  }

  afterEach(async function () {
    // The refusals above prove nothing if the files went away meanwhile.
    const auth = { Authorization: `Bearer ${instance.accessToken}` }
    expect((await rawGet(instance, privateWebPath, auth)).status).to.equal(200)
    expect((await rawGet(instance, privateHlsPath, auth)).status).to.equal(200)
  })

  it('serves the private files to their owner through their own URLs', async function () {
    const auth = { Authorization: `Bearer ${instance.accessToken}` }
    expect((await rawGet(instance, privateWebPath, auth)).status).to.equal(200)
    expect((await rawGet(instance, privateHlsPath, auth)).status).to.equal(200)
  })

  it('refuses anonymous requests for a private web video file, however the path is spelled', async function () {
    const file = privateWebFilename
    const tricks = [
      privateWebPath,
      `/static/web-videos/%70rivate/${file}`,
      `/static/web-videos//private/${file}`,
      `/static/web-videos/private%2F${file}`,
      `/static/web-videos/private%2f${file}`,
      `/static/web-videos/./private/${file}`,
      `/static/web-videos/%2e/private/${file}`,
      `/static/web-videos/private/../private/${file}`,
      `/static/web-videos/x/../private/${file}`,
      `/static/web-videos/x/%2e%2e/private/${file}`,
      `/static/web-videos/private/./${file}`,
      `/static/web-videos/private//${file}`,
      `/static/web-videos/private\\${file}`,
      `/static/web-videos/private%5c${file}`,
      `/static/web-videos/PRIVATE/${file}`
    ]

    for (const path of tricks) expectRefused(await rawGet(instance, path), path)
  })

  it('refuses anonymous requests for a private HLS playlist, however the path is spelled', async function () {
    const uuid = privateVideo.uuid
    const master = masterFilename
    const tricks = [
      privateHlsPath,
      `/static/streaming-playlists/hls/%70rivate/${uuid}/${master}`,
      `/static/streaming-playlists/hls//private/${uuid}/${master}`,
      `/static/streaming-playlists/hls/private%2F${uuid}/${master}`,
      `/static/streaming-playlists/hls/./private/${uuid}/${master}`,
      // Through the private guard, naming a video anybody may see, then climbing to the private one.
      `/static/streaming-playlists/hls/private/${publicVideo.uuid}/../${uuid}/${master}`,
      `/static/streaming-playlists/hls/private/${publicVideo.uuid}/%2e%2e/${uuid}/${master}`,
      `/static/streaming-playlists/hls/private/${publicVideo.uuid}/%2E%2E/${uuid}/${master}`,
      `/static/streaming-playlists/hls/private/${publicVideo.uuid}%2F..%2F${uuid}/${master}`,
      `/static/streaming-playlists/hls/private/${uuid}%2F${master}`,
      `/static/streaming-playlists/hls/${publicVideo.uuid}/../private/${uuid}/${master}`
    ]

    for (const path of tricks) expectRefused(await rawGet(instance, path), path)
  })

  it('refuses the same tricks to a logged-in user who may not see the video', async function () {
    await instance.api().post('/api/v1/users').set('Authorization', `Bearer ${instance.accessToken}`)
      .send({ username: 'mallory', password: 'mallory-password', email: 'mallory@example.com', role: 2, videoQuota: -1, videoQuotaDaily: -1 })
      .expect(200)
    const auth = { Authorization: `Bearer ${await instance.login('mallory', 'mallory-password')}` }

    const paths = [
      privateWebPath,
      `/static/web-videos/%70rivate/${privateWebFilename}`,
      privateHlsPath,
      `/static/streaming-playlists/hls/private/${publicVideo.uuid}/../${privateVideo.uuid}/${masterFilename}`
    ]
    for (const path of paths) expectRefused(await rawGet(instance, path, auth), path)
  })

  it('answers 404, not 500, to names that are not video UUIDs', async function () {
    const dashes = '-'.repeat(36)
    const paths = [
      `/static/streaming-playlists/hls/private/notauuid/${masterFilename}`,
      `/static/streaming-playlists/hls/private/${dashes}/${masterFilename}`,
      `/download/web-videos/${dashes}-240.mp4`,
      `/download/streaming-playlists/hls/videos/${dashes}-240-fragmented.mp4`
    ]
    for (const path of paths) expect((await rawGet(instance, path)).status, path).to.equal(404)
    // A path that does not decode (bad percent-encoding) is refused before any route.
    for (const path of [ '/static/streaming-playlists/hls/private/%E0%A4%A/x.m3u8', '/static/web-videos/%E0%A4%A.mp4' ]) {
      expect((await rawGet(instance, path)).status, path).to.equal(400)
    }
  })

  it('tells caches not to keep private files, and lets them keep public ones', async function () {
    const auth = { Authorization: `Bearer ${instance.accessToken}` }
    for (const path of [ privateWebPath, privateHlsPath ]) {
      const res = await rawGet(instance, path, auth)
      expect(res.status).to.equal(200)
      expect(res.headers['cache-control'], path).to.equal('private, no-store')
    }

    const download = new URL(privateVideo.files[0].fileDownloadUrl).pathname
    const res = await rawGet(instance, download, auth)
    expect(res.status).to.equal(200)
    expect(res.headers['cache-control']).to.equal('private, no-store')

    const publicFile = await rawGet(instance, new URL(publicVideo.files[0].fileUrl).pathname)
    expect(publicFile.status).to.equal(200)
    expect(publicFile.headers['cache-control']).to.match(/^public, .*immutable/)
  })

  it('does not leak the storage layout in the errors of missing files', async function () {
    for (const path of [ '/download/torrents/does-not-exist', '/lazy-static/torrents/does-not-exist.torrent', '/static/web-videos/does-not-exist.mp4' ]) {
      const res = await rawGet(instance, path)
      expect(res.status, path).to.equal(404)
      expect(res.headers['content-type']).to.match(/problem\+json/)
      expect(res.body).to.not.match(/storage|ENOENT|\/work\//i)
      expect(JSON.parse(res.body).detail).to.be.a('string')
    }
  })
})
