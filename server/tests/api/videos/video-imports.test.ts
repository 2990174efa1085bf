import { createServer, type Server } from 'node:http'
import { createReadStream } from 'node:fs'
import { chmod, copyFile, stat, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { expect } from 'chai'
import WebTorrent from 'webtorrent'
import { Server as TrackerServer } from 'bittorrent-tracker'
import { TestInstance } from '../../shared/test-instance.js'
import { assertLoopbackOnlyNetwork } from '../../shared/network-namespace.js'
import { firstChannelId, getVideo } from '../../shared/videos.js'
import { waitUntil } from '../../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../../video-pipeline/fixtures.js'

/**
 * Imports as PeerTube's: from a media URL on a loopback HTTP server, from a .torrent and a magnet link seeded on
 * loopback (our own WebTorrent seeder and bittorrent-tracker), the refusals with their reasons, and cancel.
 */
describe('Video imports: URL, torrent, magnet, refusals and cancel', function () {
  const instance = new TestInstance(1)
  let dir: string
  let clip: string
  let media: Server
  let mediaUrl: string
  let tracker: InstanceType<typeof TrackerServer>
  let seeder: WebTorrent
  let torrentFile: Buffer
  let magnetUri: string
  let channelId: number
  let extractor: string
  const slowResponses = new Set<import('node:http').ServerResponse>()
  const instanceConfig = {
    video: { max_file_size: '10MB' },
    import: { videos: { http: { youtube_dl_release: { binary_path: '' } } } },
    transcoding: { hls: { enabled: false }, resolutions: { '240p': true, '360p': false, '480p': false, '720p': false, '1080p': false, '1440p': false, '2160p': false } }
  }

  before(async function () {
    assertLoopbackOnlyNetwork()
    dir = await makeTempDir('imports')
    clip = await generateClip(join(dir, 'clip.mp4'), { width: 320, height: 240, durationSeconds: 1 })
    const clipSize = (await stat(clip)).size
    // Seeded under the name the torrent gives it (WebTorrent reads a seeded file by its name in the torrent).
    const seededPath = join(dir, 'seeded clip.mp4')
    await copyFile(clip, seededPath)

    // Stands in for yt-dlp (which cannot be installed here): writes "the page's video" where -o says.
    extractor = join(dir, 'fake-yt-dlp')
    await writeFile(extractor, [
      '#!/bin/sh',
      'out=""; url=""',
      'while [ $# -gt 0 ]; do case "$1" in -o) out="$2"; shift;; --) url="$2"; shift;; esac; shift; done',
      `case "$url" in */page.html) cp '${clip}' "$(echo "$out" | sed 's/%(ext)s/mp4/')";; *) echo "ERROR: Unsupported URL: $url" >&2; exit 1;; esac`
    ].join('\n'))
    await chmod(extractor, 0o755)

    media = createServer((req, res) => {
      if (req.url === '/clip.mp4') {
        res.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': clipSize })
        createReadStream(clip).pipe(res)
      } else if (req.url === '/page.html') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end('<html><body>A video site page</body></html>')
      } else if (req.url === '/fake.mp4') {
        res.writeHead(200, { 'Content-Type': 'video/mp4' }).end('not really a video')
      } else if (req.url === '/data.json') {
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{}')
      } else if (req.url === '/huge.mp4') {
        // Announces more than the instance takes: refused from the headers alone.
        res.writeHead(200, { 'Content-Type': 'video/mp4', 'Content-Length': 50 * 1024 * 1024 }).end()
      } else if (req.url === '/slow.mp4') {
        // A download that never ends, to cancel.
        res.writeHead(200, { 'Content-Type': 'video/mp4' })
        const timer = setInterval(() => res.write(Buffer.alloc(1024)), 100)
        slowResponses.add(res)
        res.on('close', () => { clearInterval(timer); slowResponses.delete(res) })
      } else {
        res.writeHead(404).end()
      }
    })
    await new Promise<void>(resolve => media.listen(0, '127.0.0.1', resolve))
    mediaUrl = `http://127.0.0.1:${(media.address() as AddressInfo).port}`

    tracker = new TrackerServer({ udp: false, ws: false, http: true, stats: false })
    await new Promise<void>(resolve => tracker.listen(0, '127.0.0.1', () => resolve()))
    const announce = `http://127.0.0.1:${(tracker.http!.address() as AddressInfo).port}/announce`

    seeder = new WebTorrent({ dht: false, lsd: false, utp: false, natUpnp: false, natPmp: false, tracker: { rtcConfig: { iceServers: [] } } } as never)
    const seeded = await new Promise<{ torrentFile: Buffer, magnetURI: string }>(resolve => {
      seeder.seed(seededPath, { announce: [ announce ] }, torrent => resolve(torrent as never))
    })
    torrentFile = Buffer.from(seeded.torrentFile)
    magnetUri = seeded.magnetURI

    instanceConfig.import.videos.http.youtube_dl_release.binary_path = extractor
    await instance.flushAndStart({ config: instanceConfig })
    channelId = await firstChannelId(instance)
  })

  after(async function () {
    for (const res of slowResponses) res.destroy()
    await instance.stop()
    await new Promise<void>(resolve => seeder ? seeder.destroy(() => resolve()) : resolve())
    await new Promise<void>(resolve => tracker ? tracker.close(() => resolve()) : resolve())
    await new Promise<void>(resolve => media ? media.close(() => resolve()) : resolve())
    await removeDir(dir)
  })

  const importJson = (fields: Record<string, unknown>) => instance.api()
    .post('/api/v1/videos/imports')
    .set('Authorization', `Bearer ${instance.accessToken}`)
    .send({ channelId, ...fields })

  const myImport = async (id: number) => {
    const res = await instance.api().get('/api/v1/users/me/videos/imports').query({ id }).set('Authorization', `Bearer ${instance.accessToken}`).expect(200)
    return res.body.data[0]
  }

  async function expectImportedAndPublished (importId: number) {
    const done = await waitUntil(async () => {
      const current = await myImport(importId)
      if (current.state.id === 3) throw new Error(`Import failed: ${current.error}`)
      return current.state.id === 2 ? current : false
    }, 60_000, 300)
    expect(done.state).to.deep.equal({ id: 2, label: 'Success' })

    const video = await waitUntil(async () => {
      const res = await getVideo(instance, done.video.uuid)
      return res.body.state?.id === 1 && res.body.files.length > 0 ? res.body : false
    }, 90_000, 500)
    expect(video.duration).to.equal(1)
    expect(video.files[0].resolution.id).to.equal(240)
    return { done, video }
  }

  it('announces both kinds of import in the public configuration', async function () {
    const res = await instance.api().get('/api/v1/config').expect(200)
    expect(res.body.import.videos).to.deep.equal({ http: { enabled: true }, torrent: { enabled: true } })
  })

  it('imports a video file from a URL, then transcodes and publishes it', async function () {
    const res = await importJson({ targetUrl: `${mediaUrl}/clip.mp4`, name: 'From a URL' }).expect(200)
    // Pending, or already Processing when the job was quicker than the reply.
    expect([ 'Pending', 'Processing' ]).to.include(res.body.state.label)
    expect(res.body.targetUrl).to.equal(`${mediaUrl}/clip.mp4`)
    expect(res.body.video.state).to.deep.equal({ id: 3, label: 'To import' })

    const { video } = await expectImportedAndPublished(res.body.id)
    expect(video.name).to.equal('From a URL')
    expect(video.thumbnailPath).to.be.a('string')
  })

  it('fails an import whose download is not a video, with the reason, and tells its owner', async function () {
    const res = await importJson({ targetUrl: `${mediaUrl}/fake.mp4`, name: 'Not a video' }).expect(200)
    const failed = await waitUntil(async () => {
      const current = await myImport(res.body.id)
      return current.state.id === 3 ? current : false
    }, 30_000, 300)
    expect(failed.state.label).to.equal('Failed')
    expect(failed.error).to.match(/not a video file/)
    expect(failed.video.state.id).to.equal(3)

    const notifications = await waitUntil(async () => {
      const list = await instance.api().get('/api/v1/users/me/notifications').set('Authorization', `Bearer ${instance.accessToken}`).expect(200)
      const types = list.body.data.map((n: { type: number }) => n.type)
      return types.includes(7) && types.includes(8) ? list.body.data : false
    }, 20_000, 300)
    const error = notifications.find((n: { type: number }) => n.type === 8)
    expect(error.videoImport).to.include({ id: res.body.id, targetUrl: `${mediaUrl}/fake.mp4` })
    expect(error.videoImport.video.name).to.equal('Not a video')
  })

  it('imports from a .torrent seeded on loopback, named after the torrent when no name is given', async function () {
    const res = await instance.api()
      .post('/api/v1/videos/imports')
      .set('Authorization', `Bearer ${instance.accessToken}`)
      .field('channelId', String(channelId))
      .attach('torrentfile', torrentFile, { filename: 'clip.torrent', contentType: 'application/x-bittorrent' })
      .expect(200)
    expect(res.body.torrentName).to.equal('seeded clip.mp4')

    const { video } = await expectImportedAndPublished(res.body.id)
    expect(video.name).to.equal('seeded clip')
  })

  it('imports from a magnet link that carries its tracker', async function () {
    const res = await importJson({ magnetUri, name: 'From a magnet' }).expect(200)
    expect(res.body.magnetUri).to.equal(magnetUri)
    const { done } = await expectImportedAndPublished(res.body.id)
    expect(done.torrentName).to.equal('seeded clip.mp4')
  })

  it('imports a web page through the configured extractor', async function () {
    const res = await importJson({ targetUrl: `${mediaUrl}/page.html`, name: 'Through the extractor' }).expect(200)
    await expectImportedAndPublished(res.body.id)
  })

  it('refuses imports that cannot work, with the reason and the field', async function () {
    const check = async (fields: Record<string, unknown>, status: number, field: string, reason: RegExp) => {
      const res = await importJson({ name: 'Refused', ...fields }).expect(status)
      expect(res.headers['content-type']).to.match(/^application\/problem\+json/)
      expect(res.body['invalid-params'][field].msg).to.match(reason)
      expect(res.body.detail).to.match(reason)
    }
    await check({}, 400, 'targetUrl', /magnetUri or a targetUrl or a torrent file/)
    await check({ targetUrl: `${mediaUrl}/clip.mp4`, magnetUri }, 400, 'targetUrl', /only one/)
    await check({ targetUrl: `${mediaUrl}/data.json` }, 400, 'targetUrl', /video file: it answered application\/json/)
    await check({ targetUrl: `${mediaUrl}/huge.mp4` }, 413, 'targetUrl', /larger than the 10485760 bytes/)
    await check({ targetUrl: `${mediaUrl}/missing.mp4` }, 400, 'targetUrl', /answered 404/)
    await check({ targetUrl: 'ftp://127.0.0.1/clip.mp4' }, 400, 'targetUrl', /http or https/)
    await check({ magnetUri: magnetUri.replace(/&tr=[^&]*/g, '') }, 400, 'magnetUri', /tracker \(tr\) or a web seed \(ws\).*DHT/)
    await check({ magnetUri: 'magnet:?dn=nothing' }, 400, 'magnetUri', /valid magnetUri/)

    const res = await instance.api()
      .post('/api/v1/videos/imports')
      .set('Authorization', `Bearer ${instance.accessToken}`)
      .field('channelId', String(channelId))
      .attach('torrentfile', Buffer.from('not bencoded'), { filename: 'bad.torrent', contentType: 'application/x-bittorrent' })
      .expect(400)
    expect(res.body['invalid-params'].torrentfile.msg).to.equal('Should be a valid .torrent file')

    // An administrator turns URL imports off at runtime (PeerTube's custom config): 409, as PeerTube answers.
    const setHttpImports = (enabled: boolean) => instance.api().put('/api/v1/config/custom').set('Authorization', `Bearer ${instance.accessToken}`)
      .send({ import: { videos: { http: { enabled } } } }).expect(200)
    await setHttpImports(false)
    const disabled = await importJson({ targetUrl: `${mediaUrl}/clip.mp4` }).expect(409)
    expect(disabled.body.detail).to.equal('HTTP import is not enabled on this instance.')
    expect((await instance.api().get('/api/v1/config').expect(200)).body.import.videos.http.enabled).to.equal(false)
    await setHttpImports(true)

    // A user whose quota the announced size exceeds.
    await instance.api().post('/api/v1/users').set('Authorization', `Bearer ${instance.accessToken}`)
      .send({ username: 'smallquota', password: 'password1', email: 'small@example.com', role: 2, videoQuota: 1000, videoQuotaDaily: -1 }).expect(200)
    const small = await instance.login('smallquota', 'password1')
    const quota = await instance.api().post('/api/v1/videos/imports').set('Authorization', `Bearer ${small}`)
      .send({ channelId: await firstChannelId(instance, 'smallquota'), targetUrl: `${mediaUrl}/clip.mp4` }).expect(413)
    expect(quota.body.code).to.equal('quota_reached')

    const rows = await instance.sql<{ n: string }>('SELECT count(*) AS n FROM "videoImport"')
    expect(Number(rows[0].n)).to.equal(5)
  })

  it('cancels a running download, then deletes the import with its empty video', async function () {
    const res = await importJson({ targetUrl: `${mediaUrl}/slow.mp4`, name: 'To cancel' }).expect(200)
    const id = res.body.id
    await waitUntil(async () => (await myImport(id)).state.id === 6 && slowResponses.size > 0, 20_000, 200)

    await instance.api().delete(`/api/v1/videos/imports/${id}`).set('Authorization', `Bearer ${instance.accessToken}`).expect(409)
    await instance.api().post(`/api/v1/videos/imports/${id}/cancel`).set('Authorization', `Bearer ${instance.accessToken}`).expect(204)
    expect((await myImport(id)).state).to.deep.equal({ id: 5, label: 'Cancelled' })
    // The download stops: the instance closes its connection to the media server.
    await waitUntil(async () => slowResponses.size === 0, 10_000, 200)
    await instance.api().post(`/api/v1/videos/imports/${id}/cancel`).set('Authorization', `Bearer ${instance.accessToken}`).expect(409)

    await instance.api().delete(`/api/v1/videos/imports/${id}`).set('Authorization', `Bearer ${instance.accessToken}`).expect(204)
    expect(await myImport(id)).to.equal(undefined)
    await getVideo(instance, res.body.video.uuid).expect(404)
  })

  it('refuses a source on a private address when private addresses are not allowed', async function () {
    await instance.stop()
    await instance.start({ config: { ...instanceConfig, federation: { allow_private_addresses: false } } })
    const res = await importJson({ targetUrl: `${mediaUrl}/clip.mp4` }).expect(403)
    expect(res.body['invalid-params'].targetUrl.msg).to.match(/Cannot import from 127\.0\.0\.1:\d+: it is a private or local address/)
    const magnet = await importJson({ magnetUri }).expect(403)
    expect(magnet.body['invalid-params'].magnetUri.msg).to.match(/private or local address/)
  })
})
