import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect } from 'chai'
import { postSignedActivity } from '../../helpers/requests/index.js'
import { TestInstance } from '../shared/test-instance.js'
import { uploadVideo, waitForLadder } from '../shared/videos.js'
import { waitUntil } from '../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../video-pipeline/fixtures.js'
import { bearer, follow, unfollow, waitForFollow } from './shared/follows.js'
import { keyPaths, loadReference } from './shared/reference.js'
import {
  AP_ACCEPT, deleteVideo, FAST_TRANSCODING, findVideo, listVideoNames, updateVideoFields, waitForDeliveries, waitForNoVideo, waitForVideo
} from './shared/remote-videos.js'

describe('Video federation between instances', function () {
  const one = new TestInstance(1)
  const two = new TestInstance(2)
  const three = new TestInstance(3)
  let dir: string
  let clip: string
  let oldVideoUuid: string
  let newVideoUuid: string

  async function publishOnTwo (name: string) {
    const res = await uploadVideo(two, clip, { name })
    expect(res.status).to.equal(200)
    await waitForLadder(two, res.body.video.uuid, [ 240 ])
    return res.body.video.uuid as string
  }

  before(async function () {
    dir = await makeTempDir('federation-videos')
    clip = await generateClip(join(dir, 'clip.mp4'), { width: 320, height: 240, durationSeconds: 2, fps: 25 })
    await Promise.all([ one, two, three ].map(i => i.flushAndStart({ config: FAST_TRANSCODING })))

    // Published before anyone follows instance 2: only the outbox crawl can bring it.
    oldVideoUuid = await publishOnTwo('Published before the follow')
    await follow(one, { hosts: [ two.host ] })
    await waitForFollow(one, 'following', two.host, 'accepted')
  })

  after(async function () {
    await Promise.all([ one.stop(), two.stop(), three.stop() ])
    await removeDir(dir)
  })

  describe('The Video object', function () {
    it('is served to ActivityPub clients member for member like PeerTube\'s', async function () {
      const res = await two.api().get(`/videos/watch/${oldVideoUuid}`).set(AP_ACCEPT).expect(200)
      expect(res.headers['content-type']).to.match(/^application\/activity\+json/)
      const video = JSON.parse(res.text)
      const reference = loadReference<any>('ap-video.json')

      expect(video['@context']).to.deep.equal(reference['@context'])
      expect(keyPaths(video)).to.deep.equal(keyPaths(reference))
      expect(Object.keys(video)).to.deep.equal(Object.keys(reference))

      expect(video.id).to.equal(`${two.url}/videos/watch/${oldVideoUuid}`)
      expect(video.duration).to.equal('PT2S')
      expect(video.to).to.deep.equal([ 'https://www.w3.org/ns/activitystreams#Public' ])
      expect(video.cc).to.deep.equal([ `${two.url}/accounts/root/followers` ])
      expect(video.attributedTo).to.deep.equal([
        { type: 'Person', id: `${two.url}/accounts/root` },
        { type: 'Group', id: `${two.url}/video-channels/root_channel` }
      ])
      expect(video.icon.map((i: any) => i.url)).to.satisfy((urls: string[]) =>
        urls[0].startsWith(`${two.url}/lazy-static/thumbnails/`) && urls[1].startsWith(`${two.url}/lazy-static/previews/`))
    })

    it('lists its files as PeerTube does: web video, metadata, torrent, magnet, HLS playlist, trackers', async function () {
      const video = JSON.parse((await two.api().get(`/videos/watch/${oldVideoUuid}`).set(AP_ACCEPT).expect(200)).text)
      const reference = loadReference<any>('ap-video.json')
      const describe = (links: any[]) => links.map(l => l.mediaType ?? l.name)

      expect(describe(video.url)).to.deep.equal(describe(reference.url))
      const hls = video.url.find((l: any) => l.mediaType === 'application/x-mpegURL')
      const referenceHls = reference.url.find((l: any) => l.mediaType === 'application/x-mpegURL')
      expect(hls.tag.map((t: any) => t.mediaType ?? t.type)).to.deep.equal(referenceHls.tag.map((t: any) => t.mediaType ?? t.type))

      const mp4 = video.url.find((l: any) => l.mediaType === 'video/mp4')
      expect(mp4).to.include({ height: 240, width: 320, fps: 25 })
      const download = await two.api().get(new URL(mp4.href).pathname).expect(200)
      expect(download.body.length).to.equal(mp4.size)

      const magnet = video.url.find((l: any) => l.mediaType === 'application/x-bittorrent;x-scheme-handler/magnet')
      expect(magnet.href).to.include(encodeURIComponent(`${two.url}/tracker/announce`))
    })

    it('answers the ld+json profile and the short /w/ URL, and the Create at /activity', async function () {
      const shortUuid = (await findVideo(two, oldVideoUuid)).shortUUID
      const ld = { Accept: 'application/ld+json; profile="https://www.w3.org/ns/activitystreams"' }
      const res = await two.api().get(`/w/${shortUuid}`).set(ld).expect(200)
      expect(JSON.parse(res.text).uuid).to.equal(oldVideoUuid)

      const create = JSON.parse((await two.api().get(`/videos/watch/${oldVideoUuid}/activity`).set(AP_ACCEPT).expect(200)).text)
      expect(create).to.include({ type: 'Create', actor: `${two.url}/accounts/root`, id: `${two.url}/videos/watch/${oldVideoUuid}/activity` })
      expect(create.object.uuid).to.equal(oldVideoUuid)
    })

    it('leaves the watch page to the web client for browsers', async function () {
      const res = await two.api().get(`/videos/watch/${oldVideoUuid}`).set('Accept', 'text/html').expect(200)
      expect(res.headers['content-type']).to.match(/^text\/html/)
    })

    it('serves its collections: announces by the channel and the server actor, empty likes, dislikes and comments', async function () {
      const announces = JSON.parse((await two.api().get(`/videos/watch/${oldVideoUuid}/announces`).set(AP_ACCEPT).expect(200)).text)
      expect(keyPaths(announces)).to.deep.equal(keyPaths(loadReference('ap-video-announces.json')))
      expect(announces.totalItems).to.equal(2)
      const page = JSON.parse((await two.api().get(`/videos/watch/${oldVideoUuid}/announces?page=1`).set(AP_ACCEPT).expect(200)).text)
      expect(page.orderedItems).to.have.members([
        `${two.url}/videos/watch/${oldVideoUuid}/announces/${await actorId(two, 'root_channel')}`,
        `${two.url}/videos/watch/${oldVideoUuid}/announces/${await actorId(two, 'peertube')}`
      ])

      for (const [ name, reference ] of [ [ 'likes', 'ap-video-likes.json' ], [ 'dislikes', 'ap-video-likes.json' ], [ 'comments', 'ap-video-comments.json' ] ]) {
        const collection = JSON.parse((await two.api().get(`/videos/watch/${oldVideoUuid}/${name}`).set(AP_ACCEPT).expect(200)).text)
        expect(keyPaths(collection)).to.deep.equal(keyPaths(loadReference(reference)))
        expect(collection.totalItems).to.equal(0)
      }
    })

    it('lists the Create of each public video in the account outbox, and Announces in the channel and server outboxes', async function () {
      const page = JSON.parse((await two.api().get('/accounts/root/outbox?page=1').set(AP_ACCEPT).expect(200)).text)
      const reference = loadReference<any>('ap-outbox-page1.json')
      expect(keyPaths(page.orderedItems[0])).to.deep.equal(keyPaths(reference.orderedItems[0]))
      expect(page.orderedItems.map((i: any) => i.type)).to.deep.equal([ 'Create' ])

      for (const outbox of [ '/video-channels/root_channel/outbox?page=1', '/accounts/peertube/outbox?page=1' ]) {
        const items = JSON.parse((await two.api().get(outbox).set(AP_ACCEPT).expect(200)).text).orderedItems
        expect(items.map((i: any) => [ i.type, i.object ])).to.deep.equal([ [ 'Announce', `${two.url}/videos/watch/${oldVideoUuid}` ] ])
      }
    })
  })

  describe('Following an instance', function () {
    it('imports the videos published before the follow, from the outbox', async function () {
      const video = await waitForVideo(one, oldVideoUuid)
      expect(video.isLocal).to.equal(false)
      expect(video.name).to.equal('Published before the follow')
    })

    it('receives a new video within seconds, with its origin\'s account, channel, files and trackers', async function () {
      const started = Date.now()
      newVideoUuid = await publishOnTwo('Pushed to followers')
      const onTwo = await findVideo(two, newVideoUuid)
      const video = await waitForVideo(one, newVideoUuid, v => v.files.length !== 0 && v.streamingPlaylists.length !== 0, 20_000)
      const elapsed = Date.now() - started
      expect(elapsed).to.be.below(20_000)

      expect(video.isLocal).to.equal(false)
      expect(video.url).to.equal(`${two.url}/videos/watch/${newVideoUuid}`)
      expect(video.account).to.include({ name: 'root', host: two.host })
      expect(video.channel).to.include({ name: 'root_channel', host: two.host })
      expect(video.duration).to.equal(2)
      expect(video.trackerUrls).to.deep.equal([ `ws://${two.host}/tracker/socket`, `${two.url}/tracker/announce` ])

      const file = video.files[0]
      expect(file.resolution.id).to.equal(240)
      expect(file.fileUrl).to.equal(onTwo.files[0].fileUrl)
      expect(file.torrentUrl).to.equal(onTwo.files[0].torrentUrl)
      expect(file.magnetUri).to.include(`xt=urn:btih:${new URLSearchParams(onTwo.files[0].magnetUri.split('?')[1]).get('xt')!.split(':').pop()}`)
      expect(file.magnetUri).to.include(encodeURIComponent(`ws://${two.host}/tracker/socket`))
      expect(file.fileDownloadUrl).to.equal(`${two.url}/download/web-videos/${newVideoUuid}-240.mp4`)

      const playlist = video.streamingPlaylists[0]
      expect(playlist.playlistUrl).to.equal(onTwo.streamingPlaylists[0].playlistUrl)
      expect(playlist.segmentsSha256Url).to.equal(onTwo.streamingPlaylists[0].segmentsSha256Url)
      expect(playlist.files[0].fileUrl).to.equal(onTwo.streamingPlaylists[0].files[0].fileUrl)
    })

    it('plays the files from their origin: the WebSeed serves exactly the announced bytes', async function () {
      const video = await findVideo(one, newVideoUuid)
      for (const file of [ video.files[0], video.streamingPlaylists[0].files[0] ]) {
        expect(new URL(file.fileUrl).host).to.equal(two.host)
        const res = await two.api().get(new URL(file.fileUrl).pathname).expect(200)
        expect(res.body.length).to.equal(file.size)
      }
    })

    it('serves the remote thumbnail and preview from its own /lazy-static/, fetched from the origin', async function () {
      const video = await findVideo(one, newVideoUuid)
      expect(video.thumbnailPath).to.match(/^\/lazy-static\/thumbnails\/[0-9a-f-]{36}\.jpg$/)
      expect(video.previewPath).to.match(/^\/lazy-static\/previews\/[0-9a-f-]{36}\.jpg$/)

      const onTwo = await findVideo(two, newVideoUuid)
      for (const [ path, originPath ] of [ [ video.thumbnailPath, onTwo.thumbnailPath ], [ video.previewPath, onTwo.previewPath ] ]) {
        const local = await one.api().get(path).buffer(true).expect(200)
        expect(local.headers['content-type']).to.equal('image/jpeg')
        const origin = await two.api().get(originPath).buffer(true).expect(200)
        expect(Buffer.compare(local.body, origin.body)).to.equal(0)
      }
    })

    it('gets the captions of a remote video with its Update, served from its own /lazy-static/ (issue 21)', async function () {
      const vtt = join(dir, 'fr.vtt')
      await writeFile(vtt, 'WEBVTT\n\n00:00.000 --> 00:01.000\nBonjour\n')
      await two.api().put(`/api/v1/videos/${newVideoUuid}/captions/fr`).set(bearer(two)).attach('captionfile', vtt).expect(204)

      const captions = await waitUntil(async () => {
        const list = (await one.api().get(`/api/v1/videos/${newVideoUuid}/captions`).expect(200)).body
        return list.total === 1 ? list.data : undefined
      })
      expect(captions[0].language.id).to.equal('fr')
      const served = await one.api().get(captions[0].captionPath).expect(200)
      expect(served.headers['content-type']).to.match(/^text\/vtt/)
      expect(served.text).to.equal('WEBVTT\n\n00:00.000 --> 00:01.000\nBonjour\n')
    })

    it('gets the chapters of a remote video with its Update, from the Video object\'s hasParts (issue 21)', async function () {
      const chapters = [ { timecode: 0, title: 'Start' }, { timecode: 1, title: 'End' } ]
      await two.api().put(`/api/v1/videos/${newVideoUuid}/chapters`).set(bearer(two)).send({ chapters }).expect(204)
      await waitUntil(async () => {
        const body = (await one.api().get(`/api/v1/videos/${newVideoUuid}/chapters`).expect(200)).body
        return JSON.stringify(body.chapters) === JSON.stringify(chapters)
      })
    })

    it('gets a remote video\'s storyboard from its preview, served from its own /lazy-static/, gone with the video (issue 21)', async function () {
      // PeerTube makes storyboards of videos of 3 s or more.
      const longer = await generateClip(join(dir, 'longer.mp4'), { width: 320, height: 240, durationSeconds: 3, fps: 25 })
      const res = await uploadVideo(two, longer, { name: 'With a storyboard' })
      expect(res.status).to.equal(200)
      const uuid = res.body.video.uuid as string
      const storyboardOn = (instance: TestInstance) => waitUntil(async () =>
        (await instance.api().get(`/api/v1/videos/${uuid}/storyboards`)).body?.storyboards?.[0], 40_000)

      const origin = await storyboardOn(two)
      const remote = await storyboardOn(one)
      expect(remote).to.deep.include({ totalWidth: 576, totalHeight: 144, spriteWidth: 192, spriteHeight: 144, spriteDuration: 1 })
      expect(remote.storyboardPath).to.match(/^\/lazy-static\/storyboards\/[0-9a-f-]{36}\.jpg$/)
      const local = await one.api().get(remote.storyboardPath).buffer(true).expect(200)
      expect(local.headers['content-type']).to.equal('image/jpeg')
      const fromOrigin = await two.api().get(origin.storyboardPath).buffer(true).expect(200)
      expect(Buffer.compare(local.body, fromOrigin.body)).to.equal(0)

      await deleteVideo(two, uuid)
      await waitForNoVideo(one, uuid)
      await waitUntil(async () => (await one.api().get(remote.storyboardPath)).status === 404)
    })

    it('lists remote videos in the video list, search and the remote channel\'s page', async function () {
      const list = (await one.api().get('/api/v1/videos').query({ isLocal: false }).expect(200)).body
      expect(list.data.map((v: any) => v.uuid)).to.include.members([ oldVideoUuid, newVideoUuid ])

      const search = (await one.api().get('/api/v1/search/videos').query({ search: 'Pushed to followers' }).expect(200)).body
      expect(search.data.map((v: any) => v.uuid)).to.include(newVideoUuid)

      const channel = (await one.api().get(`/api/v1/video-channels/root_channel@${two.host}/videos`).expect(200)).body
      expect(channel.data.map((v: any) => v.uuid)).to.include.members([ oldVideoUuid, newVideoUuid ])
    })

    it('lists a remote video as its own page shows it: URL, account, channel and images from its origin', async function () {
      const item = (await one.api().get('/api/v1/videos').query({ isLocal: false, count: 100 }).expect(200)).body.data
        .find((v: { uuid: string }) => v.uuid === newVideoUuid) as Record<string, unknown>
      const details = (await one.api().get(`/api/v1/videos/${newVideoUuid}`).expect(200)).body as Record<string, unknown>
      expect(item.isLocal).to.equal(false)
      expect(item.url).to.equal(details.url)
      for (const [ key, value ] of Object.entries(item)) {
        if (key === 'description') continue
        const expected = value !== null && typeof value === 'object' && !Array.isArray(value)
          ? Object.fromEntries(Object.keys(value).map(k => [ k, (details[key] as Record<string, unknown>)[k] ]))
          : details[key]
        expect(value, key).to.deep.equal(expected)
      }
    })

    it('applies an update made on the origin', async function () {
      await updateVideoFields(two, newVideoUuid, { name: 'Renamed on its origin', description: 'Now with a description', tags: 'federation' })
      const video = await waitForVideo(one, newVideoUuid, v => v.name === 'Renamed on its origin')
      expect(video.description).to.equal('Now with a description')
      expect(video.tags).to.deep.equal([ 'federation' ])
    })

    it('takes the view count its origin announces in a View', async function () {
      await postAs(two, 'peertube', `${one.url}/inbox`, {
        type: 'View',
        id: `${two.url}/videos/watch/${newVideoUuid}/views/1`,
        actor: `${two.url}/accounts/peertube`,
        object: `${two.url}/videos/watch/${newVideoUuid}`,
        result: { type: 'InteractionCounter', interactionType: 'WatchAction', userInteractionCount: 42 }
      })
      const video = await waitForVideo(one, newVideoUuid, v => v.views === 42)
      expect(video.views).to.equal(42)
    })

    it('refreshes a stale copy from its origin when the video is announced again', async function () {
      await one.sql('UPDATE video SET name = \'Stale copy\', "updatedAt" = now() - interval \'2 days\' WHERE uuid = $1', [ newVideoUuid ])
      expect((await findVideo(one, newVideoUuid)).name).to.equal('Stale copy')

      await postAs(two, 'root_channel', `${one.url}/inbox`, {
        type: 'Announce',
        id: `${two.url}/videos/watch/${newVideoUuid}/announces/again`,
        actor: `${two.url}/video-channels/root_channel`,
        object: `${two.url}/videos/watch/${newVideoUuid}`
      })
      await waitForVideo(one, newVideoUuid, v => v.name === 'Renamed on its origin')
    })

    it('refuses an Update of that video signed by another instance\'s actor, and changes nothing', async function () {
      const [ forger ] = await three.sql<{ url: string, privateKey: string }>(
        'SELECT url, "privateKey" FROM actor WHERE "preferredUsername" = \'peertube\' AND "serverId" IS NULL'
      )
      const genuine = JSON.parse((await two.api().get(`/videos/watch/${newVideoUuid}`).set(AP_ACCEPT).expect(200)).text)
      const forged = {
        '@context': genuine['@context'],
        type: 'Update',
        id: `${three.url}/forged-updates/1`,
        actor: forger.url,
        to: genuine.to,
        cc: genuine.cc,
        object: { ...genuine, '@context': undefined, name: 'Forged by instance 3' }
      }
      const forgedDelete = { '@context': genuine['@context'], type: 'Delete', id: `${three.url}/forged-deletes/1`, actor: forger.url, object: genuine.id }

      for (const activity of [ forged, forgedDelete ]) {
        const { status } = await postSignedActivity(`${one.url}/inbox`, activity, { keyId: forger.url, privateKeyPem: forger.privateKey, allowPrivateAddresses: true })
        expect(status).to.be.oneOf([ 204, 403 ])
      }

      // A genuine change afterwards proves the forged ones were processed (and ignored) before it.
      await updateVideoFields(two, newVideoUuid, { support: 'Genuine support text' })
      const video = await waitForVideo(one, newVideoUuid, v => v.support === 'Genuine support text')
      expect(video.name).to.equal('Renamed on its origin')
    })

    it('removes the video when its origin makes it private, and serves no object for it', async function () {
      await updateVideoFields(two, newVideoUuid, { privacy: 3 })
      await waitForNoVideo(one, newVideoUuid)
      await two.api().get(`/videos/watch/${newVideoUuid}`).set(AP_ACCEPT).expect(404)
      expect(await listVideoNames(one)).to.not.include('Renamed on its origin')
    })

    it('gets it back when it is made public again', async function () {
      await updateVideoFields(two, newVideoUuid, { privacy: 1 })
      const video = await waitForVideo(one, newVideoUuid)
      expect(video.privacy.id).to.equal(1)
    })

    it('stores an unlisted video as unlisted: reachable, not listed', async function () {
      await updateVideoFields(two, newVideoUuid, { privacy: 2 })
      const video = await waitForVideo(one, newVideoUuid, v => v.privacy.id === 2)
      expect(video.isLocal).to.equal(false)
      expect((await one.api().get('/api/v1/videos').query({ isLocal: false }).expect(200)).body.data.map((v: any) => v.uuid)).to.not.include(newVideoUuid)
    })

    it('removes the video when its origin deletes it', async function () {
      await deleteVideo(two, oldVideoUuid)
      await waitForNoVideo(one, oldVideoUuid)
      expect((await one.sql('SELECT count(*)::int AS n FROM video WHERE uuid = $1', [ oldVideoUuid ]))[0].n).to.equal(0)
    })
  })

  describe('Subscribing to a remote channel', function () {
    it('gets the channel\'s new videos on an instance that only subscribed to the channel', async function () {
      await three.api().post('/api/v1/users/me/subscriptions').set(bearer(three)).send({ uri: `root_channel@${two.host}` }).expect(204)
      await waitUntil(async () => {
        const rows = await three.sql<{ state: string }>(
          'SELECT f.state FROM "actorFollow" f JOIN actor a ON a.id = f."targetActorId" WHERE a."preferredUsername" = \'root_channel\' AND a."serverId" IS NOT NULL'
        )
        return rows[0]?.state === 'accepted'
      })

      const uuid = await publishOnTwo('For channel subscribers')
      const video = await waitForVideo(three, uuid)
      expect(video.channel).to.include({ name: 'root_channel', host: two.host })
    })

    it('stops receiving new videos once instance 1 unfollowed (instance 3, still subscribed, gets them)', async function () {
      await unfollow(one, two.host)
      const uuid = await publishOnTwo('After the unfollow')

      await waitForVideo(three, uuid)
      await waitForDeliveries(two)
      expect(await findVideo(one, uuid)).to.equal(undefined)
    })

    it('stops receiving new videos once unsubscribed', async function () {
      await three.api().delete(`/api/v1/users/me/subscriptions/root_channel@${two.host}`).set(bearer(three)).expect(204)
      const uuid = await publishOnTwo('After the unsubscription')
      await waitForDeliveries(two)
      await new Promise(resolve => setTimeout(resolve, 1000))
      expect(await findVideo(three, uuid)).to.equal(undefined)
    })
  })
})

/** POSTs an activity signed by one of `instance`'s local actors (its key read from its database). */
async function postAs (instance: TestInstance, actorName: string, inbox: string, activity: Record<string, unknown>) {
  const [ actor ] = await instance.sql<{ url: string, privateKey: string }>(
    'SELECT url, "privateKey" FROM actor WHERE "preferredUsername" = $1 AND "serverId" IS NULL', [ actorName ]
  )
  const body = { '@context': [ 'https://www.w3.org/ns/activitystreams', 'https://w3id.org/security/v1' ], ...activity }
  const { status } = await postSignedActivity(inbox, body, { keyId: actor.url, privateKeyPem: actor.privateKey, allowPrivateAddresses: true })
  expect(status).to.equal(204)
}

async function actorId (instance: TestInstance, name: string) {
  const rows = await instance.sql<{ id: number }>('SELECT id FROM actor WHERE "preferredUsername" = $1 AND "serverId" IS NULL', [ name ])
  return rows[0].id
}
