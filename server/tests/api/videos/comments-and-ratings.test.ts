import { join } from 'node:path'
import { expect } from 'chai'
import { TestInstance } from '../../shared/test-instance.js'
import { uploadVideo } from '../../shared/videos.js'
import { waitUntil } from '../../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../../video-pipeline/fixtures.js'
import { auth, createUser, type CreatedUser } from '../shared/users.js'

// Comments and ratings through the REST API, on one instance: what users, video owners and moderators see and
// may do. Their ActivityPub documents are checked in federation/comments-documents.test.ts.

// Comments need published videos, not renditions: the source copy published at upload is enough.
const NO_TRANSCODING = { transcoding: { enabled: false, hls: { enabled: false } } }

describe('Comments and ratings (REST)', function () {
  const instance = new TestInstance(1)
  let dir: string
  let alice: CreatedUser
  let bob: CreatedUser
  let moderator: CreatedUser
  const videos: Record<string, { uuid: string, id: number }> = {}

  async function upload (name: string, extra: Record<string, string | number> = {}, token = instance.accessToken) {
    const res = await uploadVideo(instance, join(dir, 'clip.mp4'), { name, extra, token, channelId: undefined })
    expect(res.status, JSON.stringify(res.body)).to.equal(200)
    videos[name] = { uuid: res.body.video.uuid, id: res.body.video.id }
    return videos[name]
  }

  const threads = (uuid: string, token?: string, query: Record<string, string | number> = {}) => {
    const req = instance.api().get(`/api/v1/videos/${uuid}/comment-threads`).query(query)
    return (token ? req.set(auth(token)) : req).expect(200).then(res => res.body)
  }
  const comment = (uuid: string, token: string, text: string) =>
    instance.api().post(`/api/v1/videos/${uuid}/comment-threads`).set(auth(token)).send({ text })
  const reply = (uuid: string, token: string, commentId: number, text: string) =>
    instance.api().post(`/api/v1/videos/${uuid}/comments/${commentId}`).set(auth(token)).send({ text })

  before(async function () {
    dir = await makeTempDir('comments-rest')
    await generateClip(join(dir, 'clip.mp4'), { width: 320, height: 240, durationSeconds: 1 })
    await instance.flushAndStart({ config: NO_TRANSCODING })
    ;[ alice, bob, moderator ] = await Promise.all([
      createUser(instance, 'alice'), createUser(instance, 'bob'), createUser(instance, 'modo', { role: 1 })
    ])

    await Promise.all([
      upload('Open video'),
      upload('Quiet video', { commentsPolicy: 2 }),
      upload('Reviewed video', { commentsPolicy: 3 }),
      upload('Private video', { privacy: 3 })
    ])
  })

  after(async function () {
    await instance.stop()
    await removeDir(dir)
  })

  describe('Threads and replies', function () {
    let firstId: number
    let secondId: number

    it('stores a thread as Markdown and answers it in PeerTube\'s shape', async function () {
      const res = await comment(videos['Open video'].uuid, alice.token, 'Nice **video**, @root!')
      expect(res.status, JSON.stringify(res.body)).to.equal(200)
      const created = res.body.comment
      expect(created).to.include({ text: 'Nice **video**, @root!', inReplyToCommentId: null, videoId: videos['Open video'].id, isDeleted: false, heldForReview: false })
      expect(created.threadId).to.equal(created.id)
      expect(created.url).to.equal(`${instance.url}/videos/watch/${videos['Open video'].uuid}/comments/${created.id}`)
      expect(created.account).to.include({ name: 'alice', host: instance.host })
      firstId = created.id

      secondId = (await comment(videos['Open video'].uuid, bob.token, 'Second thread').expect(200)).body.comment.id
    })

    it('nests replies under the comment they answer and counts them on the thread', async function () {
      const fromBob = (await reply(videos['Open video'].uuid, bob.token, firstId, 'A reply').expect(200)).body.comment
      expect(fromBob).to.include({ threadId: firstId, inReplyToCommentId: firstId })
      const fromRoot = (await reply(videos['Open video'].uuid, instance.accessToken, fromBob.id, 'Answer of the owner').expect(200)).body.comment
      expect(fromRoot).to.include({ threadId: firstId, inReplyToCommentId: fromBob.id })

      const tree = (await instance.api().get(`/api/v1/videos/${videos['Open video'].uuid}/comment-threads/${firstId}`).expect(200)).body
      expect(tree.comment.id).to.equal(firstId)
      expect(tree.comment).to.include({ totalReplies: 2, totalRepliesFromVideoAuthor: 1 })
      expect(tree.children.map((c: any) => c.comment.text)).to.deep.equal([ 'A reply' ])
      expect(tree.children[0].children.map((c: any) => c.comment.text)).to.deep.equal([ 'Answer of the owner' ])

      const list = await threads(videos['Open video'].uuid)
      expect(list).to.include({ total: 2, totalNotDeletedComments: 4 })
      expect(list.data.map((c: any) => c.id)).to.deep.equal([ secondId, firstId ])
    })

    it('sorts threads by most replies, and pages them', async function () {
      const byReplies = await threads(videos['Open video'].uuid, undefined, { sort: '-totalReplies' })
      expect(byReplies.data.map((c: any) => [ c.id, c.totalReplies ])).to.deep.equal([ [ firstId, 2 ], [ secondId, 0 ] ])
      const page = await threads(videos['Open video'].uuid, undefined, { start: 1, count: 1 })
      expect(page.total).to.equal(2)
      expect(page.data.map((c: any) => c.id)).to.deep.equal([ firstId ])
    })

    it('keeps a deleted comment as a tombstone holding its replies; a deleted thread without replies goes', async function () {
      await instance.api().delete(`/api/v1/videos/${videos['Open video'].uuid}/comments/${firstId}`).set(auth(alice.token)).expect(204)
      await instance.api().delete(`/api/v1/videos/${videos['Open video'].uuid}/comments/${firstId}`).set(auth(alice.token)).expect(409)

      const tree = (await instance.api().get(`/api/v1/videos/${videos['Open video'].uuid}/comment-threads/${firstId}`).expect(200)).body
      expect(tree.comment).to.include({ isDeleted: true, text: '', account: null })
      expect(tree.comment.deletedAt).to.be.a('string')
      expect(tree.children).to.have.length(1)

      // The video's owner removes bob's thread, which has no replies: it leaves the list.
      await instance.api().delete(`/api/v1/videos/${videos['Open video'].uuid}/comments/${secondId}`).set(auth(instance.accessToken)).expect(204)
      const list = await threads(videos['Open video'].uuid)
      expect(list).to.include({ total: 1, totalNotDeletedComments: 2 })
      expect(list.data[0]).to.include({ id: firstId, isDeleted: true, totalReplies: 2 })

      // The author's account stays known to moderation queries.
      const [ row ] = await instance.sql<{ accountId: number }>('SELECT "accountId" FROM "videoComment" WHERE id = $1', [ firstId ])
      expect(row.accountId).to.equal(alice.accountId)
    })

    it('lets only the author, the video owner and moderators delete', async function () {
      const own = (await comment(videos['Open video'].uuid, alice.token, 'Mine').expect(200)).body.comment
      await instance.api().delete(`/api/v1/videos/${videos['Open video'].uuid}/comments/${own.id}`).set(auth(bob.token)).expect(403)
      await instance.api().delete(`/api/v1/videos/${videos['Open video'].uuid}/comments/${own.id}`).set(auth(moderator.token)).expect(204)
      await instance.api().delete(`/api/v1/videos/${videos['Open video'].uuid}/comments/999999`).set(auth(moderator.token)).expect(404)
    })
  })

  describe('Refusals', function () {
    it('refuses an empty, blank or oversized text, naming the field', async function () {
      for (const text of [ '', '   ', 'x'.repeat(10_001) ]) {
        const res = await comment(videos['Open video'].uuid, alice.token, text).expect(400)
        expect(res.headers['content-type']).to.match(/^application\/problem\+json/)
        expect(res.body['invalid-params']).to.have.property('text')
      }
      const res = await instance.api().post(`/api/v1/videos/${videos['Open video'].uuid}/comment-threads`).set(auth(alice.token)).send({}).expect(400)
      expect(res.body['invalid-params']).to.have.property('text')
    })

    it('refuses comments where they are disabled, with a 409 that says so; lists nothing there', async function () {
      const res = await comment(videos['Quiet video'].uuid, alice.token, 'Hello?').expect(409)
      expect(res.body.detail).to.match(/comments are disabled/i)
      expect(await threads(videos['Quiet video'].uuid)).to.deep.equal({ total: 0, data: [], totalNotDeletedComments: 0 })
    })

    it('refuses comments on a private video to anyone but its owner, and anonymous writers', async function () {
      const forbidden = await comment(videos['Private video'].uuid, alice.token, 'Let me in').expect(403)
      expect(forbidden.body.detail).to.match(/cannot see this video/i)
      await instance.api().post(`/api/v1/videos/${videos['Open video'].uuid}/comment-threads`).send({ text: 'Anonymous' }).expect(401)
      await instance.api().get(`/api/v1/videos/${videos['Private video'].uuid}/comment-threads`).expect(401)
    })

    it('refuses a reply to a comment of another video', async function () {
      const other = (await comment(videos['Open video'].uuid, alice.token, 'On the open video').expect(200)).body.comment
      await reply(videos['Reviewed video'].uuid, alice.token, other.id, 'Misplaced').expect(404)
      await instance.api().get(`/api/v1/videos/${videos['Reviewed video'].uuid}/comment-threads/${other.id}`).expect(404)
    })
  })

  describe('Comments held for approval', function () {
    let heldId: number

    it('holds a comment on a video that requires approval: its author, the owner and moderators see it', async function () {
      const uuid = videos['Reviewed video'].uuid
      const held = (await comment(uuid, alice.token, 'Waiting for review').expect(200)).body.comment
      expect(held.heldForReview).to.equal(true)
      heldId = held.id
      // The owner's own comments do not wait.
      expect((await comment(uuid, instance.accessToken, 'From the owner').expect(200)).body.comment.heldForReview).to.equal(false)

      const visibleTo = async (token?: string) => (await threads(uuid, token)).data.map((c: any) => c.text)
      expect(await visibleTo()).to.deep.equal([ 'From the owner' ])
      expect(await visibleTo(bob.token)).to.deep.equal([ 'From the owner' ])
      expect(await visibleTo(alice.token)).to.have.members([ 'From the owner', 'Waiting for review' ])
      expect(await visibleTo(instance.accessToken)).to.have.members([ 'From the owner', 'Waiting for review' ])
      expect(await visibleTo(moderator.token)).to.have.members([ 'From the owner', 'Waiting for review' ])
      await reply(uuid, bob.token, heldId, 'Cannot answer what I cannot see').expect(404)
    })

    it('lists it among the comments waiting on the owner\'s videos', async function () {
      const res = await instance.api().get('/api/v1/users/me/videos/comments').query({ isHeldForReview: true }).set(auth(instance.accessToken)).expect(200)
      expect(res.body.data.map((c: any) => [ c.text, c.video.uuid ])).to.deep.equal([ [ 'Waiting for review', videos['Reviewed video'].uuid ] ])
      expect(res.body.data[0]).to.have.all.keys('id', 'url', 'text', 'threadId', 'inReplyToCommentId', 'videoId', 'createdAt', 'updatedAt',
        'heldForReview', 'automaticTags', 'video', 'account')
      // Alice owns no video: nothing on hers, and another user's video is not hers to filter on.
      expect((await instance.api().get('/api/v1/users/me/videos/comments').set(auth(alice.token)).expect(200)).body.total).to.equal(0)
      await instance.api().get('/api/v1/users/me/videos/comments').query({ videoId: videos['Reviewed video'].uuid }).set(auth(alice.token)).expect(403)
    })

    it('shows it to everyone once approved; only the owner or a moderator approves, once', async function () {
      const uuid = videos['Reviewed video'].uuid
      await instance.api().post(`/api/v1/videos/${uuid}/comments/${heldId}/approve`).set(auth(bob.token)).expect(404)
      await instance.api().post(`/api/v1/videos/${uuid}/comments/${heldId}/approve`).set(auth(alice.token)).expect(403)
      await instance.api().post(`/api/v1/videos/${uuid}/comments/${heldId}/approve`).set(auth(moderator.token)).expect(204)
      await instance.api().post(`/api/v1/videos/${uuid}/comments/${heldId}/approve`).set(auth(moderator.token)).expect(409)
      expect((await threads(uuid)).data.map((c: any) => c.text)).to.have.members([ 'From the owner', 'Waiting for review' ])
    })
  })

  describe('The moderators\' list', function () {
    it('lists every comment not deleted, newest first, with filters', async function () {
      const all = (await instance.api().get('/api/v1/videos/comments').set(auth(moderator.token)).expect(200)).body
      expect(all.total).to.be.greaterThan(3)
      const dates = all.data.map((c: any) => c.createdAt)
      expect(dates).to.deep.equal([ ...dates ].sort().reverse())

      const byAccount = (await instance.api().get('/api/v1/videos/comments').query({ searchAccount: 'bob' }).set(auth(moderator.token)).expect(200)).body
      expect(byAccount.data.map((c: any) => c.account.name)).to.satisfy((names: string[]) => names.length !== 0 && names.every(n => n === 'bob'))
      const byText = (await instance.api().get('/api/v1/videos/comments').query({ search: 'waiting for' }).set(auth(moderator.token)).expect(200)).body
      expect(byText.data.map((c: any) => c.text)).to.deep.equal([ 'Waiting for review' ])
      const remote = (await instance.api().get('/api/v1/videos/comments').query({ isLocal: false }).set(auth(moderator.token)).expect(200)).body
      expect(remote.total).to.equal(0)
      const onVideo = (await instance.api().get('/api/v1/videos/comments').query({ videoId: videos['Reviewed video'].id }).set(auth(moderator.token)).expect(200)).body
      expect(onVideo.total).to.equal(2)
    })

    it('is for moderators only', async function () {
      await instance.api().get('/api/v1/videos/comments').set(auth(alice.token)).expect(403)
      await instance.api().get('/api/v1/videos/comments').expect(401)
    })

    it('counts the visible comments in the server stats', async function () {
      const stats = (await instance.api().get('/api/v1/server/stats').expect(200)).body
      const [ { n } ] = await instance.sql<{ n: number }>('SELECT count(*)::int AS n FROM "videoComment" WHERE "deletedAt" IS NULL AND "heldForReview" = false')
      expect(stats).to.include({ totalVideoComments: n, totalLocalVideoComments: n })
    })
  })

  describe('Ratings', function () {
    const rate = (token: string, rating: string, uuid = videos['Open video'].uuid) =>
      instance.api().put(`/api/v1/videos/${uuid}/rate`).set(auth(token)).send({ rating })
    const counts = async () => {
      const video = (await instance.api().get(`/api/v1/videos/${videos['Open video'].uuid}`).expect(200)).body
      return { likes: video.likes, dislikes: video.dislikes }
    }
    const myRating = async (token: string) =>
      (await instance.api().get(`/api/v1/users/me/videos/${videos['Open video'].id}/rating`).set(auth(token)).expect(200)).body

    it('counts likes and dislikes, once per account, and tells each user their rating', async function () {
      await rate(alice.token, 'like').expect(204)
      await rate(alice.token, 'like').expect(204)
      await rate(bob.token, 'dislike').expect(204)
      expect(await counts()).to.deep.equal({ likes: 1, dislikes: 1 })
      expect(await myRating(alice.token)).to.deep.equal({ videoId: videos['Open video'].id, rating: 'like' })
      expect(await myRating(moderator.token)).to.deep.equal({ videoId: videos['Open video'].id, rating: 'none' })
    })

    it('moves a rating from like to dislike, and removes it with none', async function () {
      await rate(alice.token, 'dislike').expect(204)
      expect(await counts()).to.deep.equal({ likes: 0, dislikes: 2 })
      await rate(alice.token, 'none').expect(204)
      await rate(alice.token, 'none').expect(204)
      expect(await counts()).to.deep.equal({ likes: 0, dislikes: 1 })
      expect((await myRating(alice.token)).rating).to.equal('none')
    })

    it('lists an account\'s ratings to its owner only, filtered by kind', async function () {
      await rate(alice.token, 'like').expect(204)
      await rate(alice.token, 'dislike', videos['Reviewed video'].uuid).expect(204)
      const all = (await instance.api().get('/api/v1/accounts/alice/ratings').set(auth(alice.token)).expect(200)).body
      expect(all.total).to.equal(2)
      expect(all.data.map((r: any) => [ r.video.uuid, r.rating ])).to.deep.equal([
        [ videos['Reviewed video'].uuid, 'dislike' ], [ videos['Open video'].uuid, 'like' ]
      ])
      const likes = (await instance.api().get('/api/v1/accounts/alice/ratings').query({ rating: 'like' }).set(auth(alice.token)).expect(200)).body
      expect(likes.data.map((r: any) => r.rating)).to.deep.equal([ 'like' ])
      await instance.api().get('/api/v1/accounts/alice/ratings').set(auth(bob.token)).expect(403)
    })

    it('refuses an unknown rating, anonymous raters and videos one cannot see', async function () {
      const res = await rate(alice.token, 'love').expect(400)
      expect(res.body['invalid-params']).to.have.property('rating')
      await instance.api().put(`/api/v1/videos/${videos['Open video'].uuid}/rate`).send({ rating: 'like' }).expect(401)
      await rate(alice.token, 'like', videos['Private video'].uuid).expect(403)
    })

    it('keeps the counts right when many accounts rate at once', async function () {
      const users = await Promise.all([ 'r1', 'r2', 'r3' ].map(name => createUser(instance, name)))
      await Promise.all(users.map(u => rate(u.token, 'like').expect(204)))
      await waitUntil(async () => (await counts()).likes === 4)
      const [ { n } ] = await instance.sql<{ n: number }>('SELECT count(*)::int AS n FROM "accountVideoRate" WHERE "videoId" = $1 AND type = \'like\'', [ videos['Open video'].id ])
      expect(n).to.equal(4)
    })
  })
})
