import { mkdir, rm, writeFile } from 'node:fs/promises'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { expect } from 'chai'
import request from 'supertest'
import { fromRoot } from '../../../helpers/project-root.js'
import { LoopbackNginx, shippedServerBlock } from '../../../../scripts/local-cluster/loopback-nginx.js'
import { TestInstance } from '../../shared/test-instance.js'
import { TEST_SLOT } from '../../shared/test-services.js'
import { uploadVideo } from '../../shared/videos.js'
import { generateClip, makeTempDir, removeDir } from '../../video-pipeline/fixtures.js'
import { waitForSettledVideo } from './http-and-settled-video.js'

/** nginx's ETags are strong ("mtime-size"), ours weak (W/"size-mtime"): they tell who read the file from disk. */
const servedByNginx = (res: { headers: Record<string, string> }) => /^"[0-9a-f]+-[0-9a-f]+"$/.test(res.headers.etag ?? '')
const servedByTubeless = (res: { headers: Record<string, string> }) => (res.headers.etag ?? '').startsWith('W/')

// The shipped support/nginx configuration (its server block, without TLS) in front of a real instance, run with
// Debian's nginx on loopback.
describe('Static files behind the shipped nginx configuration', function () {
  const instance = new TestInstance(2)
  const nginx = new LoopbackNginx(fromRoot('storage', TEST_SLOT === 0 ? 'nginx-test' : `slot-${TEST_SLOT}/nginx-test`), 9050 + 100 * TEST_SLOT)
  let dir: string
  let storage: string
  let publicVideo: any
  let privateVideo: any
  const through = () => request(nginx.url)
  const path = (url: string) => new URL(url).pathname

  before(async function () {
    dir = await makeTempDir('nginx-static')
    const clip = await generateClip(join(dir, 'clip.mp4'), { width: 320, height: 240, durationSeconds: 1 })
    await instance.flushAndStart({ config: { transcoding: { resolutions: { '240p': true, '360p': false, '480p': false, '720p': false, '1080p': false, '1440p': false, '2160p': false } } } })
    storage = fromRoot(instance.storageFolder)

    const pub = await uploadVideo(instance, clip, { name: 'Public video' })
    const priv = await uploadVideo(instance, clip, { name: 'Private video', privacy: 3 })
    publicVideo = await waitForSettledVideo(instance, pub.body.video.uuid, [ 240 ])
    privateVideo = await waitForSettledVideo(instance, priv.body.video.uuid, [ 240 ])

    await rm(nginx.dir, { recursive: true, force: true })
    await nginx.start({
      server: shippedServerBlock({ webVideos: join(storage, 'web-videos'), hls: join(storage, 'streaming-playlists', 'hls') }),
      upstreamPort: instance.port,
      workers: 1
    })
  })

  after(async function () {
    await nginx.stop()
    await instance.stop()
    await removeDir(dir)
  })

  it('serves public web videos and HLS files from disk, with ranges, CORS and cache headers', async function () {
    const web = await through().get(path(publicVideo.files[0].fileUrl)).set('Range', 'bytes=0-99').expect(206)
    expect(servedByNginx(web), JSON.stringify(web.headers)).to.equal(true)
    expect(web.headers['access-control-allow-origin']).to.equal('*')
    expect(web.headers['cache-control']).to.equal('public, max-age=31536000, immutable')
    const direct = await instance.api().get(path(publicVideo.files[0].fileUrl)).set('Range', 'bytes=0-99').expect(206)
    expect(Buffer.compare(web.body, direct.body)).to.equal(0)

    const playlist = await through().get(path(publicVideo.streamingPlaylists[0].playlistUrl)).expect(200)
    expect(servedByNginx(playlist)).to.equal(true)
    expect(playlist.headers['cache-control']).to.equal('no-cache')
    const segment = await through().get(path(publicVideo.streamingPlaylists[0].files[0].fileUrl)).set('Range', 'bytes=0-9').expect(206)
    expect(servedByNginx(segment)).to.equal(true)
    expect(segment.headers['cache-control']).to.equal('public, max-age=31536000, immutable')
  })

  it('hands private folders to Tubeless, which checks who asks', async function () {
    const privatePath = path(privateVideo.files[0].fileUrl)
    expect(privatePath).to.match(/\/private\//)
    await through().get(privatePath).expect(404)
    const allowed = await through().get(privatePath).set('Authorization', `Bearer ${instance.accessToken}`).set('Range', 'bytes=0-9').expect(206)
    expect(servedByTubeless(allowed)).to.equal(true)
    expect(allowed.headers['cache-control']).to.equal('private, no-store')

    // The same file asked for through the public route: not on disk there, so Tubeless answers, and refuses.
    const filename = privatePath.split('/').pop() as string
    const res = await through().get(`/static/web-videos/${filename}`).expect(404)
    expect(res.headers['content-type']).to.match(/problem\+json/)
    await through().get(`/static/streaming-playlists/hls/${privateVideo.uuid}/${path(privateVideo.streamingPlaylists[0].playlistUrl).split('/').pop()}`).expect(404)
  })

  it('never serves the files of a video made private from the public folder, even before they have moved', async function () {
    const webPath = path(publicVideo.files[0].fileUrl)
    const filename = webPath.split('/').pop() as string
    const hlsPath = path(publicVideo.streamingPlaylists[0].playlistUrl)
    // Something in the way of the move (a stale folder where the file must go): the files stay in the public folder.
    const blocker = join(storage, 'web-videos', 'private', filename)
    await mkdir(blocker, { recursive: true })

    await instance.api().put(`/api/v1/videos/${publicVideo.uuid}`).set('Authorization', `Bearer ${instance.accessToken}`).field('privacy', '3').expect(204)
    expect(existsSync(join(storage, 'web-videos', filename)), 'still in the public folder').to.equal(true)
    const marker = join(storage, 'web-videos', 'private', '.leaving', filename)
    expect(existsSync(marker), 'leaving marker').to.equal(true)

    const refused = await through().get(webPath).set('Range', 'bytes=0-9').expect(404)
    expect(refused.headers['content-type']).to.match(/problem\+json/)
    await instance.api().get(webPath).expect(404)

    // The marker is what stops nginx: without it, the file on disk would be sent.
    await rm(marker)
    await through().get(webPath).set('Range', 'bytes=0-9').expect(206)
    await writeFile(marker, '')
    await through().get(webPath).set('Range', 'bytes=0-9').expect(404)

    // Public again: the markers go, and nginx serves the files from disk again.
    await rm(blocker, { recursive: true })
    await instance.api().put(`/api/v1/videos/${publicVideo.uuid}`).set('Authorization', `Bearer ${instance.accessToken}`).field('privacy', '1').expect(204)
    expect(existsSync(marker)).to.equal(false)
    const again = await through().get(webPath).set('Range', 'bytes=0-9').expect(206)
    expect(servedByNginx(again)).to.equal(true)
    const hls = await through().get(hlsPath).expect(200)
    expect(hls.headers['cache-control']).to.equal('no-cache')
  })

  it('passes everything else to Tubeless (API, unknown and dot files)', async function () {
    const config = await through().get('/api/v1/config').expect(200)
    expect(config.body.instance.name).to.be.a('string')
    const unknown = await through().get('/static/web-videos/00000000-0000-4000-8000-000000000000.mp4').expect(404)
    expect(unknown.headers['content-type']).to.match(/problem\+json/)
    await through().get('/static/web-videos/.leaving').expect(404)
  })
})
