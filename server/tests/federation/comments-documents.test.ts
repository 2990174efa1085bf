import { join } from 'node:path'
import { expect } from 'chai'
import { postSignedActivity } from '../../helpers/requests/index.js'
import { auth, createUser, type CreatedUser } from '../api/shared/users.js'
import { TestInstance } from '../shared/test-instance.js'
import { uploadVideo } from '../shared/videos.js'
import { waitUntil } from '../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../video-pipeline/fixtures.js'
import { FakeRemoteServer, type FakeActor } from './shared/fake-remote-server.js'
import { keyPaths, loadReference } from './shared/reference.js'
import { AP_ACCEPT } from './shared/remote-videos.js'

// What our comments, ratings and shares look like to ActivityPub peers (member for member what a PeerTube 6.3
// served, see fixtures/peertube-6.3/), that every id we publish dereferences, and what a remote actor's
// activities about them do (or, for hostile ones, do not do).

const NO_TRANSCODING = { transcoding: { enabled: false, hls: { enabled: false } } }

describe('Comments, ratings and shares as ActivityPub documents', function () {
  const instance = new TestInstance(1)
  const remote = new FakeRemoteServer()
  let dir: string
  let alice: CreatedUser
  let carol: FakeActor
  let mallory: FakeActor
  let video: { uuid: string, id: number, url: string }
  let privateVideo: { uuid: string, url: string }
  let threadId: number
  let replyId: number

  const getAp = async (path: string, status = 200) => {
    const res = await instance.api().get(path).set(AP_ACCEPT).expect(status)
    expect(res.headers['content-type']).to.match(status === 200 ? /^application\/activity\+json/ : /^application\/problem\+json/)
    return JSON.parse(res.text)
  }
  const expectSameShape = (document: unknown, reference: string) => {
    const expected = loadReference<Record<string, unknown>>(reference)
    expect(keyPaths(document), reference).to.deep.equal(keyPaths(expected))
    expect(Object.keys(document as object), reference).to.deep.equal(Object.keys(expected))
    expect((document as Record<string, unknown>)['@context'], reference).to.deep.equal(expected['@context'])
  }

  const processedCount = async () => (await instance.api().get('/api/v1/server/stats').expect(200)).body.totalActivityPubMessagesProcessed as number
  /** Posts signed activities as `actor` and waits until the instance has processed them. */
  async function deliver (actor: FakeActor, ...activities: Record<string, unknown>[]) {
    const before = await processedCount()
    for (const activity of activities) {
      const { status } = await postSignedActivity(`${instance.url}/inbox`, activity, { keyId: actor.url, privateKeyPem: actor.keys.privateKeyPem, allowPrivateAddresses: true })
      expect(status).to.equal(204)
    }
    await waitUntil(async () => (await processedCount()) >= before + activities.length)
  }
  /** Posts signed activities some of which the inbox may drop unqueued (a stranger's about nothing we have), and waits until no inbox job is left. */
  async function deliverMaybeDropped (actor: FakeActor, ...activities: Record<string, unknown>[]) {
    for (const activity of activities) {
      const { status } = await postSignedActivity(`${instance.url}/inbox`, activity, { keyId: actor.url, privateKeyPem: actor.keys.privateKeyPem, allowPrivateAddresses: true })
      expect(status).to.equal(204)
    }
    const left = async () => {
      let n = 0
      for (const state of [ 'waiting', 'active', 'delayed' ]) {
        n += (await instance.api().get(`/api/v1/jobs/${state}`).query({ jobType: 'activitypub-inbox' }).set('Authorization', `Bearer ${instance.accessToken}`).expect(200)).body.total as number
      }
      return n
    }
    // Twice idle, half a second apart: a job handed to the queue just after the 204 is seen by the second look.
    await waitUntil(async () => await left() === 0 && await new Promise(resolve => setTimeout(resolve, 500)).then(left) === 0)
  }
  const note = (actor: FakeActor, id: string, inReplyTo: string, extra: Record<string, unknown> = {}) => ({
    type: 'Create',
    id: `${remote.origin}/activities/${id}`,
    actor: actor.url,
    to: [ 'https://www.w3.org/ns/activitystreams#Public' ],
    object: {
      type: 'Note',
      id: `${remote.origin}/notes/${id}`,
      attributedTo: actor.url,
      inReplyTo,
      content: `<p>Note ${id} from <a href="${remote.origin}">afar</a></p>`,
      published: new Date().toISOString(),
      to: [ 'https://www.w3.org/ns/activitystreams#Public' ],
      ...extra
    }
  })
  const storedComment = async (url: string) => (await instance.sql<{ text: string, deletedAt: Date | null }>('SELECT text, "deletedAt" FROM "videoComment" WHERE url = $1', [ url ]))[0]

  before(async function () {
    dir = await makeTempDir('comments-ap')
    const clip = await generateClip(join(dir, 'clip.mp4'), { width: 320, height: 240, durationSeconds: 1 })
    await Promise.all([ instance.flushAndStart({ config: NO_TRANSCODING }), remote.start() ])
    ;[ carol, mallory ] = await Promise.all([ remote.addActor('carol'), remote.addActor('mallory') ])
    alice = await createUser(instance, 'alice')

    const [ open, closed ] = await Promise.all([
      uploadVideo(instance, clip, { name: 'Discussed video' }),
      uploadVideo(instance, clip, { name: 'Private video', privacy: 3 })
    ])
    video = { uuid: open.body.video.uuid, id: open.body.video.id, url: `${instance.url}/videos/watch/${open.body.video.uuid}` }
    privateVideo = { uuid: closed.body.video.uuid, url: `${instance.url}/videos/watch/${closed.body.video.uuid}` }

    threadId = (await instance.api().post(`/api/v1/videos/${video.uuid}/comment-threads`).set(auth(alice.token)).send({ text: 'A *thread*' }).expect(200)).body.comment.id
    replyId = (await instance.api().post(`/api/v1/videos/${video.uuid}/comments/${threadId}`).set(auth(instance.accessToken)).send({ text: 'Thanks @alice' }).expect(200)).body.comment.id
    await instance.api().put(`/api/v1/videos/${video.uuid}/rate`).set(auth(alice.token)).send({ rating: 'like' }).expect(204)
    await instance.api().put(`/api/v1/videos/${video.uuid}/rate`).set(auth(instance.accessToken)).send({ rating: 'dislike' }).expect(204)
    // The channel and the server actor announce the video once it is federated.
    await waitUntil(async () => (await getAp(`/videos/watch/${video.uuid}/announces`)).totalItems === 2)
  })

  after(async function () {
    await Promise.all([ instance.stop(), remote.stop() ])
    await removeDir(dir)
  })

  describe('Documents, compared with PeerTube 6.3\'s', function () {
    it('serves a comment as PeerTube\'s Note, and its Create', async function () {
      const thread = await getAp(`/videos/watch/${video.uuid}/comments/${threadId}`)
      expectSameShape(thread, 'ap-video-comment.json')
      expect(thread).to.include({ type: 'Note', content: 'A *thread*', mediaType: 'text/markdown', inReplyTo: video.url, attributedTo: `${instance.url}/accounts/alice` })
      expect(thread.replyApproval).to.equal(`${instance.url}/videos/watch/${video.uuid}/comments/${threadId}/approve-reply`)

      const create = await getAp(`/videos/watch/${video.uuid}/comments/${threadId}/activity`)
      expectSameShape(create, 'ap-video-comment-create.json')
      expect(create.object.id).to.equal(thread.id)
    })

    it('serves a reply with the Mention of the author it answers, and the video owner\'s approval', async function () {
      const reply = await getAp(`/videos/watch/${video.uuid}/comments/${replyId}`)
      expectSameShape(reply, 'ap-video-comment-reply.json')
      expect(reply.inReplyTo).to.equal(`${instance.url}/videos/watch/${video.uuid}/comments/${threadId}`)
      expect(reply.tag).to.deep.equal([ { type: 'Mention', href: `${instance.url}/accounts/alice`, name: `@alice@${instance.host}` } ])

      const approval = await getAp(`/videos/watch/${video.uuid}/comments/${replyId}/approve-reply`)
      expectSameShape(approval, 'ap-video-comment-approve-reply.json')
      expect(approval).to.include({ type: 'ApproveReply', actor: `${instance.url}/accounts/root`, object: reply.id })
    })

    it('lists comments, likes and dislikes in collections whose items are the real activities', async function () {
      const comments = await getAp(`/videos/watch/${video.uuid}/comments?page=1`)
      expectSameShape(comments, 'ap-video-comments-page1.json')
      expect(comments.orderedItems).to.deep.equal([
        `${video.url}/comments/${threadId}`, `${video.url}/comments/${replyId}`
      ])

      const likes = await getAp(`/videos/watch/${video.uuid}/likes?page=1`)
      expectSameShape(likes, 'ap-video-likes-page1.json')
      expect(likes.orderedItems).to.deep.equal([ `${instance.url}/accounts/alice/likes/${video.id}` ])
      const like = await getAp(new URL(likes.orderedItems[0]).pathname)
      expectSameShape(like, 'ap-like.json')
      expect(like).to.include({ type: 'Like', actor: `${instance.url}/accounts/alice`, object: video.url })

      const dislikes = await getAp(`/videos/watch/${video.uuid}/dislikes?page=1`)
      expectSameShape(dislikes, 'ap-video-dislikes-page1.json')
      const dislike = await getAp(new URL(dislikes.orderedItems[0]).pathname)
      expectSameShape(dislike, 'ap-dislike.json')
      expect(dislike.type).to.equal('Dislike')

      expect((await getAp(`/videos/watch/${video.uuid}/likes`)).totalItems).to.equal(1)
    })

    it('serves each share\'s Announce (PeerTube keeps a share only if it can read it)', async function () {
      const page = await getAp(`/videos/watch/${video.uuid}/announces?page=1`)
      expectSameShape(page, 'ap-video-announces-page1.json')
      expect(page.orderedItems).to.have.length(2)
      const actors = []
      for (const url of page.orderedItems) {
        const announce = await getAp(new URL(url).pathname)
        expectSameShape(announce, 'ap-video-announce.json')
        expect(announce).to.include({ type: 'Announce', id: url, object: video.url })
        actors.push(announce.actor)
      }
      expect(actors).to.have.members([ `${instance.url}/video-channels/root_channel`, `${instance.url}/accounts/peertube` ])
    })

    it('serves the Update it sent: the video as it is now', async function () {
      const update = await getAp(`/videos/watch/${video.uuid}/updates/2020-01-01T00:00:00.000Z`)
      expect(update).to.include({ type: 'Update', actor: `${instance.url}/accounts/root` })
      expect(update.object.id).to.equal(video.url)
    })

    it('serves a deleted comment as PeerTube\'s Tombstone, and its Delete', async function () {
      const doomed = (await instance.api().post(`/api/v1/videos/${video.uuid}/comment-threads`).set(auth(alice.token)).send({ text: 'Soon gone' }).expect(200)).body.comment
      await instance.api().delete(`/api/v1/videos/${video.uuid}/comments/${doomed.id}`).set(auth(alice.token)).expect(204)

      const tombstone = await getAp(`/videos/watch/${video.uuid}/comments/${doomed.id}`)
      expectSameShape(tombstone, 'ap-video-comment-tombstone.json')
      expect(tombstone).to.include({ type: 'Tombstone', formerType: 'Note', inReplyTo: video.url })
      const deletion = await getAp(`/videos/watch/${video.uuid}/comments/${doomed.id}/delete`)
      expect(deletion).to.include({ type: 'Delete', actor: `${instance.url}/accounts/alice`, object: tombstone.id })
      await getAp(`/videos/watch/${video.uuid}/comments/${threadId}/delete`, 404)
    })
  })

  describe('Nothing but JSON for ActivityPub clients', function () {
    it('answers what does not exist, or is not public, with a 404 problem, never the web client', async function () {
      for (const path of [
        `/videos/watch/${video.uuid}/comments/999999`,
        `/videos/watch/${privateVideo.uuid}`,
        `/videos/watch/${privateVideo.uuid}/comments`,
        `/videos/watch/${video.uuid}/announces/999999`,
        `/accounts/alice/likes/999999`,
        `/accounts/nobody/dislikes/${video.id}`,
        '/accounts/peertube/follows/999999',
        '/accepts/follows/999999',
        '/no/such/document'
      ]) {
        const body = await getAp(path, 404)
        expect(body.status, path).to.equal(404)
      }
    })

    it('does not serve a comment held for approval', async function () {
      await instance.api().put(`/api/v1/videos/${video.uuid}`).set(auth(instance.accessToken)).field('commentsPolicy', '3').expect(204)
      const held = (await instance.api().post(`/api/v1/videos/${video.uuid}/comment-threads`).set(auth(alice.token)).send({ text: 'Held' }).expect(200)).body.comment
      expect(held.heldForReview).to.equal(true)
      await getAp(`/videos/watch/${video.uuid}/comments/${held.id}`, 404)
      const comments = await getAp(`/videos/watch/${video.uuid}/comments?page=1`)
      expect(comments.orderedItems).to.not.include(held.url)
      await instance.api().put(`/api/v1/videos/${video.uuid}`).set(auth(instance.accessToken)).field('commentsPolicy', '1').expect(204)
    })

    it('still gives browsers the web client at the same URLs', async function () {
      const res = await instance.api().get(`/videos/watch/${video.uuid}/comments/${threadId}`).set('Accept', 'text/html').expect(200)
      expect(res.headers['content-type']).to.match(/^text\/html/)
    })
  })

  describe('A remote actor\'s activities', function () {
    const commentUrl = (id: string) => `${remote.origin}/notes/${id}`

    it('stores a remote reply Note (HTML content) as a comment, once, however often it arrives', async function () {
      const create = note(carol, 'c1', video.url, { tag: [ { type: 'Mention', href: `${instance.url}/accounts/root`, name: '@root' } ] })
      await deliver(carol, create, { ...create, id: `${create.id}-again` })
      const rows = await instance.sql<{ text: string }>('SELECT text FROM "videoComment" WHERE url = $1', [ commentUrl('c1') ])
      expect(rows.map(r => r.text)).to.deep.equal([ `Note c1 from [afar](${remote.origin})` ])

      const list = (await instance.api().get(`/api/v1/videos/${video.uuid}/comment-threads`).expect(200)).body
      const stored = list.data.find((c: any) => c.url === commentUrl('c1'))
      expect(stored.account).to.include({ name: 'carol', host: remote.host })
    })

    it('attaches a reply to one of our comments under it', async function () {
      await deliver(carol, note(carol, 'c2', `${video.url}/comments/${threadId}`))
      const tree = (await instance.api().get(`/api/v1/videos/${video.uuid}/comment-threads/${threadId}`).expect(200)).body
      expect(tree.children.map((c: any) => c.comment.url)).to.include(commentUrl('c2'))
    })

    it('stores nothing for a Note about an unknown or private video, a private Note, or a Note of someone else', async function () {
      await deliverMaybeDropped(mallory,
        note(mallory, 'm1', `${instance.url}/videos/watch/00000000-0000-4000-8000-000000000000`),
        note(mallory, 'm2', privateVideo.url),
        note(mallory, 'm3', `${remote.origin}/somewhere/else`),
        { ...note(mallory, 'm4', video.url, { to: [ carol.url ] }), to: [ carol.url ] },
        note(mallory, 'm5', video.url, { attributedTo: carol.url })
      )
      const [ { n } ] = await instance.sql<{ n: number }>('SELECT count(*)::int AS n FROM "videoComment" WHERE url LIKE $1', [ `${remote.origin}/notes/m%` ])
      expect(n).to.equal(0)
    })

    it('lets only the author delete a remote comment', async function () {
      await deliver(mallory, { type: 'Delete', id: `${remote.origin}/activities/m-delete`, actor: mallory.url, object: commentUrl('c1') })
      expect((await storedComment(commentUrl('c1'))).deletedAt).to.equal(null)

      await deliver(carol, { type: 'Delete', id: `${remote.origin}/activities/c1-delete`, actor: carol.url, object: commentUrl('c1') })
      const deleted = await storedComment(commentUrl('c1'))
      expect(deleted).to.include({ text: '' })
      expect(deleted.deletedAt).to.not.equal(null)
    })

    it('counts a remote Like once, takes it back on Undo, and keeps none for a private video', async function () {
      const likes = async () => (await instance.api().get(`/api/v1/videos/${video.uuid}`).expect(200)).body.likes
      const like = { type: 'Like', id: `${remote.origin}/likes/1`, actor: carol.url, object: video.url }
      // Delivered twice (a retry): the same Like, in a request of its own.
      await deliver(carol, like, { ...like, published: new Date().toISOString() })
      expect(await likes()).to.equal(2)
      expect((await getAp(`/videos/watch/${video.uuid}/likes?page=1`)).orderedItems).to.include(like.id)

      await deliver(carol, { type: 'Undo', id: `${remote.origin}/likes/1/undo`, actor: carol.url, object: like })
      expect(await likes()).to.equal(1)

      await deliver(mallory, { type: 'Like', id: `${remote.origin}/likes/2`, actor: mallory.url, object: privateVideo.url })
      const [ { n } ] = await instance.sql<{ n: number }>('SELECT count(*)::int AS n FROM "accountVideoRate" WHERE url = $1', [ `${remote.origin}/likes/2` ])
      expect(n).to.equal(0)
    })

    it('records a remote Announce of our video as a share', async function () {
      const announce = { type: 'Announce', id: `${remote.origin}/announces/1`, actor: carol.url, object: video.url }
      await deliver(carol, announce)
      expect((await getAp(`/videos/watch/${video.uuid}/announces`)).totalItems).to.equal(3)
    })

    it('counts, and warns about, an activity it does not handle', async function () {
      await deliver(mallory, { type: 'Arrive', id: `${remote.origin}/arrivals/1`, actor: mallory.url, location: 'Somewhere' })
      const stats = (await instance.api().get('/api/v1/server/stats').expect(200)).body
      expect(stats.totalActivityPubArriveMessagesIgnored).to.equal(1)
      expect(stats.totalActivityPubMessagesIgnored).to.be.at.least(1)
      expect(stats.totalActivityPubCreateMessagesSuccesses).to.be.at.least(2)
    })
  })
})
