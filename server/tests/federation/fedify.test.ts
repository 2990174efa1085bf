import { join } from 'node:path'
import { expect } from 'chai'
import { TestInstance } from '../shared/test-instance.js'
import { uploadVideo, waitForLadder } from '../shared/videos.js'
import { waitUntil } from '../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../video-pipeline/fixtures.js'
import { FedifyPeer } from './shared/fedify-peer.js'
import { follow, listFollows } from './shared/follows.js'
import { FAST_TRANSCODING } from './shared/remote-videos.js'

// The Fedify peer also stands in for Mastodon: it replies to videos and comments and favourites them as Mastodon does.
describe('Federation with a third-party ActivityPub server (Fedify 2)', function () {
  const instance = new TestInstance(1)
  const peer = new FedifyPeer()
  let dir: string
  let clip: string
  let videoUrl: string
  let uuid: string

  before(async function () {
    dir = await makeTempDir('fedify')
    clip = await generateClip(join(dir, 'clip.mp4'), { width: 320, height: 240, durationSeconds: 2, fps: 25 })
    await Promise.all([ instance.flushAndStart({ config: FAST_TRANSCODING }), peer.start() ])
  })

  after(async function () {
    await instance.stop()
    await peer.stop()
    await removeDir(dir)
  })

  it('lets a Fedify actor follow one of our channels and our account: both Follows are verified and accepted', async function () {
    await peer.follow(`${instance.url}/video-channels/root_channel`)
    await peer.follow(`${instance.url}/accounts/root`)

    const accepts = await waitUntil(async () => {
      const found = peer.receivedOfType('Accept')
      return found.length >= 2 ? found : undefined
    })
    expect(accepts.map(a => a.actor)).to.have.members([ `${instance.url}/video-channels/root_channel`, `${instance.url}/accounts/root` ])

    const rows = await instance.sql<{ state: string, target: string }>(
      'SELECT f.state, t."preferredUsername" AS target FROM "actorFollow" f JOIN actor a ON a.id = f."actorId" JOIN actor t ON t.id = f."targetActorId" WHERE a.url = $1',
      [ peer.actorUrl ]
    )
    expect(rows.map(r => [ r.target, r.state ])).to.have.deep.members([ [ 'root_channel', 'accepted' ], [ 'root', 'accepted' ] ])
  })

  it('delivers a new video to the Fedify actor: the Create (with its Video) and the Announces pass Fedify\'s signature checks', async function () {
    const res = await uploadVideo(instance, clip, { name: 'Seen from Fedify' })
    expect(res.status).to.equal(200)
    uuid = res.body.video.uuid as string
    await waitForLadder(instance, uuid, [ 240 ])
    videoUrl = `${instance.url}/videos/watch/${uuid}`

    const create = await waitUntil(async () => peer.receivedOfType('Create').find(a => a.object === videoUrl))
    expect(create).to.include({ actor: `${instance.url}/accounts/root`, objectType: 'Video', objectName: 'Seen from Fedify' })

    const announcers = await waitUntil(async () => {
      const found = peer.receivedOfType('Announce').filter(a => a.object === videoUrl).map(a => a.actor)
      return found.length >= 2 ? found : undefined
    })
    expect(announcers).to.have.members([ `${instance.url}/video-channels/root_channel`, `${instance.url}/accounts/peertube` ])

    expect(peer.unverified).to.deep.equal([])
    expect(peer.inboxStatuses.every(status => status >= 200 && status < 300)).to.equal(true)
  })

  it('sends a Create a microblog can render: the title, a link to the watch page, images, public addressing', async function () {
    const create = peer.inboxBodies.find(body => body.type === 'Create' && body.object?.id === videoUrl)!
    const video = create.object
    expect(video.name).to.equal('Seen from Fedify')
    expect(video.url).to.deep.include({ type: 'Link', mediaType: 'text/html', href: videoUrl })
    expect(video.icon.map((icon: any) => icon.mediaType)).to.deep.equal([ 'image/jpeg', 'image/jpeg' ])
    expect(video.icon[0].url.startsWith(`${instance.url}/lazy-static/`)).to.equal(true)
    expect(create.to).to.deep.equal([ 'https://www.w3.org/ns/activitystreams#Public' ])
    expect(create.cc).to.deep.equal([ `${instance.url}/accounts/root/followers` ])
  })

  it('turns a Mastodon-style reply to the video into a comment, with its author\'s account stored', async function () {
    const noteUrl = await peer.replyAsMastodon({
      inReplyTo: videoUrl,
      mentioned: { url: `${instance.url}/accounts/root`, handle: `@root@${instance.host}` },
      text: 'Great video &amp; sound!'
    })
    const comment = await waitUntil(async () => {
      const { body } = await instance.api().get(`/api/v1/videos/${uuid}/comment-threads`).expect(200)
      return body.data.find((c: any) => c.url === noteUrl)
    })
    expect(comment.text).to.equal(`@root@${instance.host} Great video & sound! https://example.org/some/long/path`)
    expect(comment.account).to.include({ name: 'alice', host: peer.host, displayName: 'Alice on Fedify' })
    expect(peer.unverified).to.deep.equal([])
  })

  it('attaches a Mastodon-style reply to one of our comments under it, and counts a favourite as a like', async function () {
    const ours = (await instance.api().post(`/api/v1/videos/${uuid}/comment-threads`).set('Authorization', `Bearer ${instance.accessToken}`)
      .send({ text: 'Any questions?' }).expect(200)).body.comment
    const noteUrl = await peer.replyAsMastodon({ inReplyTo: ours.url, mentioned: { url: `${instance.url}/accounts/root`, handle: `@root@${instance.host}` }, text: 'Yes!' })
    await waitUntil(async () => {
      const { body } = await instance.api().get(`/api/v1/videos/${uuid}/comment-threads/${ours.id}`).expect(200)
      return body.children.some((child: any) => child.comment.url === noteUrl)
    })

    await peer.like(videoUrl, `${instance.url}/accounts/root`)
    await waitUntil(async () => (await instance.api().get(`/api/v1/videos/${uuid}`).expect(200)).body.likes === 1)
  })

  it('follows the Fedify actor from our side: Fedify accepts and we record the follow as accepted', async function () {
    await follow(instance, { handles: [ `alice@${peer.host}` ] })

    const accepted = await waitUntil(async () => {
      const { data } = await listFollows(instance, 'following', { state: 'accepted' })
      return data.find(f => f.following.url === peer.actorUrl)
    }, 30_000)
    expect(accepted.following.host).to.equal(peer.host)
    expect(peer.followers.has(`${instance.url}/accounts/peertube`)).to.equal(true)
    expect(peer.unverified).to.deep.equal([])
  })
})
