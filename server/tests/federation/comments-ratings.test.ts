import { join } from 'node:path'
import { expect } from 'chai'
import { auth } from '../api/shared/users.js'
import { TestInstance } from '../shared/test-instance.js'
import { uploadVideo } from '../shared/videos.js'
import { waitUntil } from '../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../video-pipeline/fixtures.js'
import { follow, waitForFollow } from './shared/follows.js'
import { waitForVideo } from './shared/remote-videos.js'

// Conversations across three instances. A publishes a video; B and C follow A. What is written on any of them
// reaches the other two through A, the video's origin: C's comment goes to A, which forwards it to B with C's
// signature; ratings are counted on A and reach B and C with the video's Update.

const NO_TRANSCODING = { transcoding: { enabled: false, hls: { enabled: false } } }

interface ThreadTree { comment: { id: number, url: string, text: string, isDeleted: boolean, account: { host: string } | null }, children: ThreadTree[] }

describe('Comments and ratings between three instances', function () {
  const a = new TestInstance(1)
  const b = new TestInstance(2)
  const c = new TestInstance(3)
  let dir: string
  let uuid: string
  let commentUrlFromC: string

  const threadsOn = async (instance: TestInstance, token?: string) => {
    const req = instance.api().get(`/api/v1/videos/${uuid}/comment-threads`)
    return (await (token ? req.set(auth(token)) : req).expect(200)).body.data as { id: number, url: string, text: string, isDeleted: boolean, totalReplies: number }[]
  }
  const threadOf = async (instance: TestInstance, url: string) => {
    const thread = (await threadsOn(instance)).find(t => t.url === url)
    if (!thread) return undefined
    return (await instance.api().get(`/api/v1/videos/${uuid}/comment-threads/${thread.id}`).expect(200)).body as ThreadTree
  }
  const flatten = (tree: ThreadTree): ThreadTree['comment'][] => [ tree.comment, ...tree.children.flatMap(flatten) ]
  const countsOn = async (instance: TestInstance) => {
    const video = (await instance.api().get(`/api/v1/videos/${uuid}`).expect(200)).body
    return { likes: video.likes, dislikes: video.dislikes }
  }
  const commentOn = (instance: TestInstance, text: string, parentId?: number) =>
    instance.api().post(parentId ? `/api/v1/videos/${uuid}/comments/${parentId}` : `/api/v1/videos/${uuid}/comment-threads`)
      .set(auth(instance.accessToken)).send({ text }).expect(200).then(res => res.body.comment)

  before(async function () {
    dir = await makeTempDir('comments-federation')
    const clip = await generateClip(join(dir, 'clip.mp4'), { width: 320, height: 240, durationSeconds: 1 })
    await Promise.all([ a, b, c ].map(i => i.flushAndStart({ config: NO_TRANSCODING })))
    await Promise.all([ follow(b, { hosts: [ a.host ] }), follow(c, { hosts: [ a.host ] }) ])
    await Promise.all([ waitForFollow(b, 'following', a.host, 'accepted'), waitForFollow(c, 'following', a.host, 'accepted') ])

    const res = await uploadVideo(a, clip, { name: 'Talked about everywhere' })
    expect(res.status).to.equal(200)
    uuid = res.body.video.uuid
    await Promise.all([ waitForVideo(b, uuid), waitForVideo(c, uuid) ])
  })

  after(async function () {
    await Promise.all([ a.stop(), b.stop(), c.stop() ])
    await removeDir(dir)
  })

  it('shows a comment written on C about A\'s video on A, and on B through A', async function () {
    const written = await commentOn(c, 'Written on **C**')
    commentUrlFromC = written.url
    expect(commentUrlFromC.startsWith(c.url)).to.equal(true)

    for (const instance of [ a, b ]) {
      const thread = await waitUntil(() => threadOf(instance, commentUrlFromC))
      expect(thread.comment.text).to.equal('Written on **C**')
      expect(thread.comment.account!.host).to.equal(c.host)
    }
  })

  it('brings the replies of A and B to the other instances, in the same tree', async function () {
    const onA = (await threadOf(a, commentUrlFromC))!
    const fromA = await commentOn(a, 'Answer of the origin', onA.comment.id)
    const onB = await waitUntil(async () => {
      const tree = await threadOf(b, commentUrlFromC)
      return tree?.children.find(child => child.comment.url === fromA.url) ? tree : undefined
    })
    const aOnB = onB.children.find(child => child.comment.url === fromA.url)!
    await commentOn(b, 'B joins in', aOnB.comment.id)

    for (const instance of [ a, b, c ]) {
      const tree = await waitUntil(async () => {
        const found = await threadOf(instance, commentUrlFromC)
        return found && flatten(found).length === 3 ? found : undefined
      })
      expect(tree.children.map(child => child.comment.text)).to.deep.equal([ 'Answer of the origin' ])
      expect(tree.children[0].children.map(child => child.comment.text)).to.deep.equal([ 'B joins in' ])
    }
  })

  it('counts ratings on A, and its followers see the counts', async function () {
    await c.api().put(`/api/v1/videos/${uuid}/rate`).set(auth(c.accessToken)).send({ rating: 'like' }).expect(204)
    await b.api().put(`/api/v1/videos/${uuid}/rate`).set(auth(b.accessToken)).send({ rating: 'dislike' }).expect(204)
    await a.api().put(`/api/v1/videos/${uuid}/rate`).set(auth(a.accessToken)).send({ rating: 'like' }).expect(204)

    for (const instance of [ a, b, c ]) {
      await waitUntil(async () => JSON.stringify(await countsOn(instance)) === JSON.stringify({ likes: 2, dislikes: 1 }))
    }

    // B changes its mind: Undo of the dislike and a like reach A, and the counts converge again.
    await b.api().put(`/api/v1/videos/${uuid}/rate`).set(auth(b.accessToken)).send({ rating: 'like' }).expect(204)
    for (const instance of [ a, b, c ]) {
      await waitUntil(async () => JSON.stringify(await countsOn(instance)) === JSON.stringify({ likes: 3, dislikes: 0 }))
    }
  })

  it('spreads deletions: by the author on C, and by the video owner on A', async function () {
    const onC = (await threadOf(c, commentUrlFromC))!
    await c.api().delete(`/api/v1/videos/${uuid}/comments/${onC.comment.id}`).set(auth(c.accessToken)).expect(204)

    const bReplyUrl = flatten(onC).find(comment => comment.text === 'B joins in')!.url
    const onA = (await threadOf(a, commentUrlFromC))!
    const bReplyOnA = flatten(onA).find(comment => comment.url === bReplyUrl)!
    await a.api().delete(`/api/v1/videos/${uuid}/comments/${bReplyOnA.id}`).set(auth(a.accessToken)).expect(204)

    for (const instance of [ a, b, c ]) {
      const tree = await waitUntil(async () => {
        const found = await threadOf(instance, commentUrlFromC)
        const deleted = found ? flatten(found).filter(comment => comment.isDeleted).map(comment => comment.url) : []
        return deleted.length === 2 ? found : undefined
      })
      // The tombstones keep the tree: the origin's answer is still under C's deleted comment.
      expect(flatten(tree).map(comment => comment.text)).to.deep.equal([ '', 'Answer of the origin', '' ])
    }
  })

  it('holds comments when A requires approval, and spreads them once A approved them', async function () {
    await a.api().put(`/api/v1/videos/${uuid}`).set(auth(a.accessToken)).field('commentsPolicy', '3').expect(204)
    await waitUntil(async () => (await c.api().get(`/api/v1/videos/${uuid}`).expect(200)).body.commentsPolicy.id === 3)

    const held = await commentOn(c, 'Please approve me')
    expect(held.heldForReview).to.equal(true)
    const onA = await waitUntil(async () => (await threadsOn(a, a.accessToken)).find(t => t.url === held.url))
    expect((await threadsOn(a)).map(t => t.url)).to.not.include(held.url)

    await a.api().post(`/api/v1/videos/${uuid}/comments/${onA.id}/approve`).set(auth(a.accessToken)).expect(204)
    await waitUntil(async () => (await threadsOn(b)).some(t => t.url === held.url))
    await waitUntil(async () => (await threadsOn(c)).some(t => t.url === held.url))
    const [ row ] = await c.sql<{ heldForReview: boolean, replyApproval: string }>('SELECT "heldForReview", "replyApproval" FROM "videoComment" WHERE url = $1', [ held.url ])
    expect(row).to.deep.equal({ heldForReview: false, replyApproval: `${a.url}/videos/watch/${uuid}/comments/${onA.id}/approve-reply` })
  })

  it('reads the comments again from the origin when a stale copy is watched', async function () {
    const [ missing ] = await b.sql<{ url: string }>('DELETE FROM "videoComment" WHERE text = \'Please approve me\' RETURNING url')
    await b.sql('UPDATE video SET "updatedAt" = now() - interval \'2 days\' WHERE uuid = $1', [ uuid ])
    await b.api().get(`/api/v1/videos/${uuid}`).expect(200)
    await waitUntil(async () => (await threadsOn(b)).some(t => t.url === missing.url))
  })
})
