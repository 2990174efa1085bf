import { join } from 'node:path'
import { expect } from 'chai'
import { TestInstance } from '../../shared/test-instance.js'
import { firstChannelId, uploadVideo } from '../../shared/videos.js'
import { waitUntil } from '../../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../../video-pipeline/fixtures.js'
import { auth, createUser, type CreatedUser } from '../shared/users.js'

const FAST = { transcoding: { resolutions: { '144p': false, '240p': true, '360p': false, '480p': false, '720p': false, '1080p': false, '1440p': false, '2160p': false } } }

describe('Moderation through the API: reports, blocklists, video blocks, auto-block', function () {
  const instance = new TestInstance(1)
  let dir: string
  let clip: string
  let owner: CreatedUser
  let reporter: CreatedUser
  let bystander: CreatedUser
  let moderator: CreatedUser
  let ownerVideo: { id: number, uuid: string }
  let rootVideo: { id: number, uuid: string }

  async function upload (user: CreatedUser | 'root', name: string, privacy?: number) {
    const username = user === 'root' ? 'root' : user.username
    const token = user === 'root' ? instance.accessToken : user.token
    const res = await uploadVideo(instance, clip, { token, channelId: await firstChannelId(instance, username), name, privacy })
    expect(res.status, JSON.stringify(res.body)).to.equal(200)
    return res.body.video as { id: number, uuid: string }
  }

  /** Names of the videos a viewer (anonymous when no token) gets in the home list. */
  async function listedNames (token?: string, path = '/api/v1/videos', query: Record<string, string> = {}) {
    const req = instance.api().get(path).query({ count: 100, ...query })
    if (token) req.set(auth(token))
    const res = await req.expect(200)
    return (res.body.data as { name: string }[]).map(v => v.name)
  }

  function invalidParams (res: { body: any }) {
    return Object.keys(res.body['invalid-params'] ?? {})
  }

  /** The notifications of this type a user has (web channel: every setting has it by default). */
  async function notificationsOf (token: string, type: number) {
    const res = await instance.api().get('/api/v1/users/me/notifications').set(auth(token)).query({ count: 100 }).expect(200)
    return (res.body.data as any[]).filter(n => n.type === type)
  }

  /** Waits for a notification of this type matching `match`. */
  async function waitForNotification (token: string, type: number, match: (n: any) => boolean = () => true) {
    return waitUntil(async () => (await notificationsOf(token, type)).find(match))
  }

  /** Every notify job recorded so far has run (their outbox entries go when they succeed). */
  async function waitForNotifyJobs () {
    const left = () => instance.sql<{ state: string, lastError: string | null, payload: unknown }>('SELECT state, "lastError", payload FROM "outboxEntry" WHERE "jobType" = \'notify\'')
    try {
      await waitUntil(async () => (await left()).length === 0, 45_000)
    } catch (err) {
      // Say which notification did not go (seen once in a full run, never alone): its state and error.
      console.log('      notify jobs left:', JSON.stringify(await left()))
      throw err
    }
  }

  before(async function () {
    dir = await makeTempDir('moderation-api')
    clip = await generateClip(join(dir, 'clip.mp4'), { width: 320, height: 240, durationSeconds: 2 })
    await instance.flushAndStart({ config: FAST })

    ;[ owner, reporter, bystander, moderator ] = await Promise.all([
      createUser(instance, 'owner'),
      createUser(instance, 'reporter'),
      createUser(instance, 'bystander'),
      createUser(instance, 'moderator', { role: 1 })
    ])
    ;[ ownerVideo, rootVideo ] = await Promise.all([ upload(owner, 'Owner video'), upload('root', 'Root video') ])
  })

  after(async function () {
    await instance.stop()
    await removeDir(dir)
  })

  describe('Abuse reports', function () {
    let reportId: number

    function report (body: Record<string, unknown>, token = reporter.token) {
      return instance.api().post('/api/v1/abuses').set(auth(token)).send(body)
    }

    it('refuses a report without a reason, with a blank one, or about nothing, naming the field', async function () {
      expect(invalidParams(await report({ video: { id: ownerVideo.id } }).expect(400))).to.deep.equal([ 'reason' ])
      expect(invalidParams(await report({ reason: '   ', video: { id: ownerVideo.id } }).expect(400))).to.deep.equal([ 'reason' ])
      expect(invalidParams(await report({ reason: 'Spam' }).expect(400))).to.deep.equal([ 'video' ])
      expect(invalidParams(await report({ reason: 'Spam', video: { id: ownerVideo.id }, account: { id: owner.accountId } }).expect(400)))
        .to.deep.equal([ 'account' ])
      expect(invalidParams(await report({ reason: 'Spam', predefinedReasons: [ 'notAReason' ], video: { id: ownerVideo.id } }).expect(400)))
        .to.deep.equal([ 'predefinedReasons.0' ])
      const res = await report({ reason: 'Spam', video: { id: ownerVideo.id } }, '').expect(401)
      expect(res.headers['content-type']).to.match(/^application\/problem\+json/)
    })

    it('refuses unknown objects, one\'s own video or oneself, and an incoherent time range', async function () {
      expect(invalidParams(await report({ reason: 'Spam', video: { id: 999999 } }).expect(404))).to.deep.equal([ 'video.id' ])
      expect(invalidParams(await report({ reason: 'Spam', account: { id: 999999 } }).expect(404))).to.deep.equal([ 'account.id' ])
      expect(invalidParams(await report({ reason: 'Spam', comment: { id: 999999 } }).expect(404))).to.deep.equal([ 'comment.id' ])
      expect(invalidParams(await report({ reason: 'Mine', video: { id: ownerVideo.uuid } }, owner.token).expect(400))).to.deep.equal([ 'video.id' ])
      expect(invalidParams(await report({ reason: 'Me', account: { id: reporter.accountId } }).expect(400))).to.deep.equal([ 'account.id' ])
      expect(invalidParams(await report({ reason: 'Spam', video: { id: ownerVideo.id, startAt: 2, endAt: 1 } }).expect(400))).to.deep.equal([ 'video.endAt' ])
      expect(invalidParams(await report({ reason: 'Spam', video: { id: ownerVideo.id, startAt: 3600 } }).expect(400))).to.deep.equal([ 'video.startAt' ])
    })

    it('records a report on a video, which moderators list with its figures and filters', async function () {
      const res = await report({ reason: 'This is **spam**', predefinedReasons: [ 'spamOrMisleading' ], video: { id: ownerVideo.uuid, startAt: 0, endAt: 1 } }).expect(200)
      reportId = res.body.abuse.id
      await report({ reason: 'A rude account', account: { id: owner.accountId } }, bystander.token).expect(200)

      const list = await instance.api().get('/api/v1/abuses').set(auth(moderator.token)).query({ sort: '-createdAt' }).expect(200)
      expect(list.body.total).to.equal(2)
      const abuse = list.body.data.find((a: any) => a.id === reportId)
      expect(abuse).to.deep.include({ reason: 'This is **spam**', predefinedReasons: [ 'spamOrMisleading' ], countMessages: 0, countReportsForReportee: 2 })
      expect(abuse.state).to.deep.equal({ id: 1, label: 'Pending' })
      expect(abuse.reporterAccount.name).to.equal('reporter')
      expect(abuse.flaggedAccount.name).to.equal('owner')
      expect(abuse.video).to.deep.include({ uuid: ownerVideo.uuid, name: 'Owner video', startAt: 0, endAt: 1, deleted: false, blacklisted: false, countReports: 1, nthReport: 1 })
      expect(abuse.comment).to.equal(null)

      const byType = async (query: Record<string, string>) =>
        (await instance.api().get('/api/v1/abuses').set(auth(moderator.token)).query(query).expect(200)).body.data.map((a: any) => a.id)
      expect(await byType({ filter: 'video' })).to.deep.equal([ reportId ])
      expect(await byType({ filter: 'account' })).to.have.length(1).and.not.include(reportId)
      expect(await byType({ searchReporter: 'report' })).to.deep.equal([ reportId ])
      expect(await byType({ searchVideo: 'Owner' })).to.deep.equal([ reportId ])
      expect(await byType({ predefinedReason: 'spamOrMisleading' })).to.deep.equal([ reportId ])
      expect(await byType({ state: '3' })).to.deep.equal([])
      await instance.api().get('/api/v1/abuses').set(auth(moderator.token)).query({ filter: 'nothing' }).expect(400)
    })

    it('tells the moderators of each new report, but not the reporter', async function () {
      for (const token of [ moderator.token, instance.accessToken ]) {
        const notification = await waitForNotification(token, 3, n => n.abuse.id === reportId)
        expect(notification.abuse).to.deep.include({ state: 1 })
        expect(notification.abuse.video).to.include({ uuid: ownerVideo.uuid, name: 'Owner video' })
      }
      await waitForNotifyJobs()
      expect(await notificationsOf(reporter.token, 3)).to.have.length(0)
    })

    it('reports a comment, not one\'s own nor one the reporter cannot see, keeping it once the comment is deleted', async function () {
      const posted = await instance.api().post(`/api/v1/videos/${ownerVideo.uuid}/comment-threads`).set(auth(bystander.token)).send({ text: 'Buy cheap pills' }).expect(200)
      const comment = posted.body.comment
      expect(invalidParams(await report({ reason: 'Mine', comment: { id: comment.id } }, bystander.token).expect(400))).to.deep.equal([ 'comment.id' ])
      // A comment of a private video: unknown to whoever may not see the video.
      const [ hidden, doomed ] = await Promise.all([ upload(owner, 'Owner private video', 3), upload(owner, 'Doomed video') ])
      const onHidden = await instance.api().post(`/api/v1/videos/${hidden.uuid}/comment-threads`).set(auth(owner.token)).send({ text: 'Private note' }).expect(200)
      expect(invalidParams(await report({ reason: 'Spam', comment: { id: onHidden.body.comment.id } }).expect(404))).to.deep.equal([ 'comment.id' ])

      const res = await report({ reason: 'Spam in the comments', predefinedReasons: [ 'spamOrMisleading' ], comment: { id: comment.id } }).expect(200)
      const listed = async () => (await instance.api().get('/api/v1/abuses').set(auth(moderator.token)).query({ id: res.body.abuse.id }).expect(200)).body.data[0]
      const abuse = await listed()
      expect(abuse.comment).to.deep.equal({
        id: comment.id, threadId: comment.id, text: 'Buy cheap pills', deleted: false,
        video: { id: ownerVideo.id, name: 'Owner video', uuid: ownerVideo.uuid }
      })
      expect(abuse.flaggedAccount.name).to.equal('bystander')
      expect(abuse.video).to.equal(null)
      const notified = await waitForNotification(moderator.token, 3, n => n.abuse.id === res.body.abuse.id)
      expect(notified.abuse.comment).to.deep.include({ threadId: comment.id })
      expect(notified.abuse.comment.video).to.include({ uuid: ownerVideo.uuid })

      // Deleted (a tombstone), then gone with its video: the report keeps what it said.
      await instance.api().delete(`/api/v1/videos/${ownerVideo.uuid}/comments/${comment.id}`).set(auth(bystander.token)).expect(204)
      expect((await listed()).comment).to.deep.include({ text: 'Buy cheap pills', deleted: true })
      const onDoomed = await instance.api().post(`/api/v1/videos/${doomed.uuid}/comment-threads`).set(auth(bystander.token)).send({ text: 'Rude words' }).expect(200)
      const second = await report({ reason: 'Rude', comment: { id: onDoomed.body.comment.id } }).expect(200)
      await instance.api().delete(`/api/v1/videos/${doomed.uuid}`).set(auth(owner.token)).expect(204)
      const [ row ] = await instance.sql<{ videoCommentId: number | null }>('SELECT "videoCommentId" FROM abuse WHERE id = $1', [ second.body.abuse.id ])
      expect(row.videoCommentId).to.equal(null)
      const gone = (await instance.api().get('/api/v1/abuses').set(auth(moderator.token)).query({ id: second.body.abuse.id }).expect(200)).body.data[0]
      expect(gone.comment).to.deep.include({ text: 'Rude words', deleted: true })
    })

    it('lets only moderators list every report; a user sees their own, without the moderation fields', async function () {
      await instance.api().get('/api/v1/abuses').set(auth(reporter.token)).expect(403)
      const mine = await instance.api().get('/api/v1/users/me/abuses').set(auth(reporter.token)).expect(200)
      // A video report and two comment reports.
      expect(mine.body.total).to.equal(3)
      const videoReport = mine.body.data.find((a: any) => a.id === reportId)
      expect(videoReport).to.not.have.any.keys('reporterAccount', 'moderationComment', 'countReportsForReporter')
      expect(videoReport.video.uuid).to.equal(ownerVideo.uuid)
      expect((await instance.api().get('/api/v1/users/me/abuses').set(auth(owner.token)).expect(200)).body.total).to.equal(0)
    })

    it('carries messages between the reporter and the moderators only', async function () {
      const messages = `/api/v1/abuses/${reportId}/messages`
      await instance.api().post(messages).set(auth(reporter.token)).send({ message: 'Any news?' }).expect(200)
      await instance.api().get(messages).set(auth(bystander.token)).expect(403)
      await instance.api().post(messages).set(auth(bystander.token)).send({ message: 'Me too' }).expect(403)
      expect(invalidParams(await instance.api().post(messages).set(auth(moderator.token)).send({ message: ' ' }).expect(400))).to.deep.equal([ 'message' ])
      await instance.api().post(messages).set(auth(moderator.token)).send({ message: 'Looking into it' }).expect(200)
      // Each side hears of the other's message.
      const toModerator = await waitForNotification(moderator.token, 16, n => n.abuse.id === reportId)
      expect(toModerator.abuse.video).to.include({ uuid: ownerVideo.uuid })
      await waitForNotification(reporter.token, 16, n => n.abuse.id === reportId)

      const list = await instance.api().get(messages).set(auth(reporter.token)).expect(200)
      expect(list.body.data.map((m: any) => [ m.message, m.byModerator, m.account.name ])).to.deep.equal([
        [ 'Any news?', false, 'reporter' ],
        [ 'Looking into it', true, 'moderator' ]
      ])
      const moderatorMessage = list.body.data[1].id
      await instance.api().delete(`${messages}/${moderatorMessage}`).set(auth(reporter.token)).expect(403)
      await instance.api().delete(`${messages}/${list.body.data[0].id}`).set(auth(reporter.token)).expect(204)
      await instance.api().delete(`${messages}/${list.body.data[0].id}`).set(auth(reporter.token)).expect(404)
    })

    it('takes a moderator\'s decision and note; the reporter sees the outcome', async function () {
      await instance.api().put(`/api/v1/abuses/${reportId}`).set(auth(reporter.token)).send({ state: 3 }).expect(403)
      expect(invalidParams(await instance.api().put(`/api/v1/abuses/${reportId}`).set(auth(moderator.token)).send({ state: 7 }).expect(400))).to.deep.equal([ 'state' ])
      await instance.api().put(`/api/v1/abuses/${reportId}`).set(auth(moderator.token)).send({ state: 3, moderationComment: 'Confirmed spam' }).expect(204)
      await instance.api().put('/api/v1/abuses/999999').set(auth(moderator.token)).send({ state: 3 }).expect(404)

      const mine = await instance.api().get('/api/v1/users/me/abuses').set(auth(reporter.token)).expect(200)
      expect(mine.body.data.find((a: any) => a.id === reportId).state).to.deep.equal({ id: 3, label: 'Accepted' })
      const outcome = await waitForNotification(reporter.token, 15, n => n.abuse.id === reportId)
      expect(outcome.abuse.state).to.equal(3)
      const admin = await instance.api().get('/api/v1/abuses').set(auth(moderator.token)).query({ id: reportId }).expect(200)
      expect(admin.body.data[0]).to.deep.include({ moderationComment: 'Confirmed spam', countMessages: 1 })
    })

    it('tells the moderators of a report even when its video is deleted before the notification is written', async function () {
      const video = await upload(owner, 'Reported, then deleted')
      const onIt = await instance.api().post(`/api/v1/videos/${video.uuid}/comment-threads`).set(auth(bystander.token)).send({ text: 'Soon gone' }).expect(200)
      // Jobs held: the notify job of the report runs only once the video is gone (what a busy machine does).
      // A pause waits for the running jobs (transcodings) and answers 503 past 3 s, paused all the same: asked again.
      const jobs = (action: 'pause' | 'resume') => waitUntil(async () => (await instance.api().post(`/api/v1/jobs/${action}`).set(auth(instance.accessToken))).status === 204, 120_000)
      await jobs('pause')
      let abuseId: number
      try {
        abuseId = (await report({ reason: 'Gone soon', comment: { id: onIt.body.comment.id } }).expect(200)).body.abuse.id
        await instance.api().delete(`/api/v1/videos/${video.uuid}`).set(auth(owner.token)).expect(204)
      } finally {
        await jobs('resume')
      }
      const notified = await waitForNotification(moderator.token, 3, n => n.abuse.id === abuseId)
      expect(notified.video ?? null).to.equal(null)
      await waitForNotifyJobs()
    })

    it('deletes a report', async function () {
      const other = (await instance.api().get('/api/v1/abuses').set(auth(moderator.token)).query({ filter: 'account' }).expect(200)).body.data[0].id
      await instance.api().delete(`/api/v1/abuses/${other}`).set(auth(reporter.token)).expect(403)
      await instance.api().delete(`/api/v1/abuses/${other}`).set(auth(moderator.token)).expect(204)
      await instance.api().delete(`/api/v1/abuses/${other}`).set(auth(moderator.token)).expect(404)
    })
  })

  describe('Blocklists', function () {
    it('hides an account a user muted from that user\'s lists and searches only', async function () {
      await instance.api().post('/api/v1/users/me/blocklist/accounts').set(auth(bystander.token)).send({ accountName: 'owner' }).expect(204)
      // Muting again changes nothing.
      await instance.api().post('/api/v1/users/me/blocklist/accounts').set(auth(bystander.token)).send({ accountName: 'owner' }).expect(204)

      const seenByBystander = await listedNames(bystander.token)
      expect(seenByBystander).to.include('Root video')
      expect(seenByBystander).to.not.include('Owner video')
      expect(await listedNames(bystander.token, '/api/v1/search/videos', { search: 'Owner' })).to.not.include('Owner video')
      expect(await listedNames(reporter.token, '/api/v1/search/videos', { search: 'Owner' })).to.include('Owner video')
      expect(await listedNames(bystander.token, '/api/v1/accounts/owner/videos')).to.deep.equal([])
      expect(await listedNames()).to.include('Owner video')
      expect(await listedNames(reporter.token)).to.include('Owner video')

      const list = await instance.api().get('/api/v1/users/me/blocklist/accounts').set(auth(bystander.token)).expect(200)
      expect(list.body.total).to.equal(1)
      expect(list.body.data[0].byAccount.name).to.equal('bystander')
      expect(list.body.data[0].blockedAccount.name).to.equal('owner')
      const search = (text: string) => instance.api().get('/api/v1/users/me/blocklist/accounts').set(auth(bystander.token)).query({ search: text }).expect(200)
      expect((await search('own')).body.total).to.equal(1)
      expect((await search('nobody')).body.total).to.equal(0)

      const status = await instance.api().get('/api/v1/blocklist/status').set(auth(bystander.token)).query({ accounts: [ 'owner', 'root' ], hosts: [ 'localhost:1' ] }).expect(200)
      expect(status.body).to.deep.equal({
        accounts: { owner: { blockedByServer: false, blockedByUser: true }, root: { blockedByServer: false, blockedByUser: false } },
        hosts: { 'localhost:1': { blockedByServer: false, blockedByUser: false } }
      })
      const anonymous = await instance.api().get('/api/v1/blocklist/status').query({ accounts: 'owner' }).expect(200)
      expect(anonymous.body.accounts.owner).to.deep.equal({ blockedByServer: false, blockedByUser: false })
    })

    it('refuses muting oneself, an unknown account or this instance, and unmuting what is not muted', async function () {
      await instance.api().post('/api/v1/users/me/blocklist/accounts').set(auth(bystander.token)).send({ accountName: 'bystander' }).expect(409)
      expect(invalidParams(await instance.api().post('/api/v1/users/me/blocklist/accounts').set(auth(bystander.token)).send({ accountName: 'nobody' }).expect(404)))
        .to.deep.equal([ 'accountName' ])
      expect(invalidParams(await instance.api().post('/api/v1/users/me/blocklist/accounts').set(auth(bystander.token)).send({}).expect(400))).to.deep.equal([ 'accountName' ])
      await instance.api().post('/api/v1/users/me/blocklist/servers').set(auth(bystander.token)).send({ host: instance.host }).expect(409)
      expect(invalidParams(await instance.api().post('/api/v1/users/me/blocklist/servers').set(auth(bystander.token)).send({ host: 'not a host' }).expect(400))).to.deep.equal([ 'host' ])
      await instance.api().delete('/api/v1/users/me/blocklist/servers/localhost:1').set(auth(bystander.token)).expect(404)

      await instance.api().delete('/api/v1/users/me/blocklist/accounts/owner').set(auth(bystander.token)).expect(204)
      await instance.api().delete('/api/v1/users/me/blocklist/accounts/owner').set(auth(bystander.token)).expect(404)
      expect(await listedNames(bystander.token)).to.include('Owner video')
    })

    it('keeps servers a user muted in their list, even before any contact', async function () {
      await instance.api().post('/api/v1/users/me/blocklist/servers').set(auth(bystander.token)).send({ host: 'LocalHost:1' }).expect(204)
      const list = await instance.api().get('/api/v1/users/me/blocklist/servers').set(auth(bystander.token)).expect(200)
      expect(list.body.data.map((b: any) => b.blockedServer.host)).to.deep.equal([ 'localhost:1' ])
      await instance.api().delete('/api/v1/users/me/blocklist/servers/localhost:1').set(auth(bystander.token)).expect(204)
    })

    it('lets moderators mute an account for everyone, but not an administrator', async function () {
      await instance.api().post('/api/v1/server/blocklist/accounts').set(auth(reporter.token)).send({ accountName: 'owner' }).expect(403)
      await instance.api().post('/api/v1/server/blocklist/accounts').set(auth(moderator.token)).send({ accountName: 'root' }).expect(403)
      await instance.api().post('/api/v1/server/blocklist/accounts').set(auth(moderator.token)).send({ accountName: 'moderator' }).expect(409)
      await instance.api().post('/api/v1/server/blocklist/accounts').set(auth(moderator.token)).send({ accountName: 'peertube' }).expect(409)
      await instance.api().post('/api/v1/server/blocklist/accounts').set(auth(moderator.token)).send({ accountName: 'owner' }).expect(204)

      expect(await listedNames()).to.not.include('Owner video')
      expect(await listedNames(reporter.token)).to.not.include('Owner video')
      const status = await instance.api().get('/api/v1/blocklist/status').query({ accounts: 'owner' }).expect(200)
      expect(status.body.accounts.owner).to.deep.equal({ blockedByServer: true, blockedByUser: false })
      const list = await instance.api().get('/api/v1/server/blocklist/accounts').set(auth(moderator.token)).expect(200)
      expect(list.body.data[0].byAccount.name).to.equal('peertube')

      await instance.api().delete('/api/v1/server/blocklist/accounts/owner').set(auth(moderator.token)).expect(204)
      expect(await listedNames()).to.include('Owner video')
    })
  })

  describe('Comments of muted accounts', function () {
    const threads = async (videoId: string, token?: string) => {
      const req = instance.api().get(`/api/v1/videos/${videoId}/comment-threads`)
      if (token) req.set(auth(token))
      return (await req.expect(200)).body as { total: number, totalNotDeletedComments: number, data: any[] }
    }
    const comment = async (videoId: string, token: string, text: string, inReplyTo?: number) => {
      const path = inReplyTo ? `/api/v1/videos/${videoId}/comments/${inReplyTo}` : `/api/v1/videos/${videoId}/comment-threads`
      return (await instance.api().post(path).set(auth(token)).send({ text }).expect(200)).body.comment as { id: number }
    }

    it('hides what a user muted from that user only: threads, replies and their counts', async function () {
      const thread = await comment(rootVideo.uuid, owner.token, 'A fine video')
      await comment(rootVideo.uuid, reporter.token, 'I agree', thread.id)
      await comment(rootVideo.uuid, reporter.token, 'Also, first!')
      await instance.api().post('/api/v1/users/me/blocklist/accounts').set(auth(bystander.token)).send({ accountName: 'reporter' }).expect(204)

      const seenByBystander = await threads(rootVideo.uuid, bystander.token)
      expect(seenByBystander.data.map(t => [ t.text, t.totalReplies ])).to.deep.equal([ [ 'A fine video', 0 ] ])
      expect(seenByBystander.totalNotDeletedComments).to.equal(1)
      const tree = (await instance.api().get(`/api/v1/videos/${rootVideo.uuid}/comment-threads/${thread.id}`).set(auth(bystander.token)).expect(200)).body
      expect(tree.children).to.deep.equal([])
      const seenByOthers = await threads(rootVideo.uuid)
      expect(seenByOthers.data.map(t => [ t.text, t.totalReplies ])).to.deep.equal([ [ 'Also, first!', 0 ], [ 'A fine video', 1 ] ])
      await instance.api().delete('/api/v1/users/me/blocklist/accounts/reporter').set(auth(bystander.token)).expect(204)
    })

    it('hides, on a video, what its owner muted, from everyone, without telling the owner; the instance\'s mute, everywhere', async function () {
      await instance.api().post('/api/v1/users/me/blocklist/accounts').set(auth(owner.token)).send({ accountName: 'reporter' }).expect(204)
      const muted = await comment(ownerVideo.uuid, reporter.token, 'Nobody will read this')
      const kept = await comment(ownerVideo.uuid, moderator.token, 'A welcome comment')
      await waitForNotification(owner.token, 2, n => n.comment.id === kept.id)
      await waitForNotifyJobs()
      expect((await notificationsOf(owner.token, 2)).map(n => n.comment.id)).to.not.include(muted.id)

      expect((await threads(ownerVideo.uuid)).data.map(t => t.text)).to.deep.equal([ 'A welcome comment' ])
      expect((await threads(ownerVideo.uuid, bystander.token)).data.map(t => t.text)).to.deep.equal([ 'A welcome comment' ])
      const onMyVideos = (await instance.api().get('/api/v1/users/me/videos/comments').set(auth(owner.token)).expect(200)).body
      expect(onMyVideos.data.map((c: any) => c.text)).to.include('A welcome comment').and.not.include('Nobody will read this')
      // The moderators' list shows everything.
      const all = (await instance.api().get('/api/v1/videos/comments').set(auth(moderator.token)).query({ videoId: ownerVideo.uuid }).expect(200)).body
      expect(all.data.map((c: any) => c.text)).to.have.members([ 'A welcome comment', 'Nobody will read this' ])
      // Elsewhere the owner's mute changes nothing for others.
      expect((await threads(rootVideo.uuid, bystander.token)).data.map(t => t.text)).to.include('Also, first!')
      await instance.api().delete('/api/v1/users/me/blocklist/accounts/reporter').set(auth(owner.token)).expect(204)

      await instance.api().post('/api/v1/server/blocklist/accounts').set(auth(moderator.token)).send({ accountName: 'reporter' }).expect(204)
      expect((await threads(rootVideo.uuid)).data.map(t => t.text)).to.deep.equal([ 'A fine video' ])
      expect((await threads(ownerVideo.uuid, owner.token)).data.map(t => t.text)).to.deep.equal([ 'A welcome comment' ])
      await instance.api().delete('/api/v1/server/blocklist/accounts/reporter').set(auth(moderator.token)).expect(204)
      expect((await threads(ownerVideo.uuid)).total).to.equal(2)
    })
  })

  describe('Video blocks', function () {
    const blacklist = (id: string | number) => `/api/v1/videos/${id}/blacklist`

    it('hides a blocked video from everyone but its owner and the moderators', async function () {
      await instance.api().post(blacklist(ownerVideo.uuid)).set(auth(reporter.token)).send({}).expect(403)
      expect(invalidParams(await instance.api().post(blacklist(ownerVideo.uuid)).set(auth(moderator.token)).send({ reason: 'x' }).expect(400))).to.deep.equal([ 'reason' ])
      await instance.api().post(blacklist(ownerVideo.uuid)).set(auth(moderator.token)).send({ reason: 'Against the rules' }).expect(204)
      await instance.api().post(blacklist(ownerVideo.uuid)).set(auth(moderator.token)).send({}).expect(409)

      expect(await listedNames()).to.not.include('Owner video')
      expect(await listedNames(moderator.token)).to.not.include('Owner video')
      expect(await listedNames(moderator.token, '/api/v1/videos', { include: '2' })).to.include('Owner video')
      await instance.api().get('/api/v1/videos').query({ include: 2 }).set(auth(reporter.token)).expect(403)

      await instance.api().get(`/api/v1/videos/${ownerVideo.uuid}`).expect(401)
      await instance.api().get(`/api/v1/videos/${ownerVideo.uuid}`).set(auth(reporter.token)).expect(403)
      await instance.api().get(`/api/v1/videos/${ownerVideo.uuid}`).set(auth(moderator.token)).expect(200)
      const seenByOwner = await instance.api().get(`/api/v1/videos/${ownerVideo.uuid}`).set(auth(owner.token)).expect(200)
      expect(seenByOwner.body).to.deep.include({ blacklisted: true, blacklistedReason: 'Against the rules' })
      const told = await waitForNotification(owner.token, 4)
      expect(told.videoBlacklist.video).to.include({ uuid: ownerVideo.uuid })
      const mine = await instance.api().get('/api/v1/users/me/videos').set(auth(owner.token)).expect(200)
      expect(mine.body.data.find((v: any) => v.uuid === ownerVideo.uuid)).to.deep.include({ name: 'Owner video', blacklisted: true })
    })

    it('lists blocks for moderators, and updates and lifts them', async function () {
      await instance.api().get('/api/v1/videos/blacklist').set(auth(reporter.token)).expect(403)
      const list = await instance.api().get('/api/v1/videos/blacklist').set(auth(moderator.token)).query({ search: 'owner' }).expect(200)
      expect(list.body.total).to.equal(1)
      expect(list.body.data[0]).to.deep.include({ reason: 'Against the rules', unfederated: false, type: 1 })
      expect(list.body.data[0].video.uuid).to.equal(ownerVideo.uuid)
      expect((await instance.api().get('/api/v1/videos/blacklist').set(auth(moderator.token)).query({ type: 2 }).expect(200)).body.total).to.equal(0)

      await instance.api().put(blacklist(ownerVideo.uuid)).set(auth(moderator.token)).send({ reason: 'Still against the rules' }).expect(204)
      const updated = await instance.api().get('/api/v1/videos/blacklist').set(auth(moderator.token)).expect(200)
      expect(updated.body.data[0].reason).to.equal('Still against the rules')

      await instance.api().delete(blacklist(ownerVideo.uuid)).set(auth(moderator.token)).expect(204)
      await instance.api().delete(blacklist(ownerVideo.uuid)).set(auth(moderator.token)).expect(404)
      await instance.api().put(blacklist(ownerVideo.uuid)).set(auth(moderator.token)).send({ reason: 'Gone' }).expect(404)
      expect(await listedNames()).to.include('Owner video')
      const told = await waitForNotification(owner.token, 5)
      expect(told.videoBlacklist.video).to.include({ uuid: ownerVideo.uuid })
    })

    it('does not let a moderator block an administrator\'s video, nor unfederate a video of another instance', async function () {
      await instance.api().post(blacklist(rootVideo.uuid)).set(auth(moderator.token)).send({}).expect(403)
      await instance.api().post(blacklist(999999)).set(auth(moderator.token)).send({}).expect(404)
      await instance.api().post(blacklist(rootVideo.uuid)).set(auth(instance.accessToken)).send({ unfederate: 'yes' }).expect(400)
    })
  })

  describe('Auto-block of new videos', function () {
    before(async function () {
      await instance.api().put('/api/v1/config/custom').set(auth(instance.accessToken)).send({ autoBlacklist: { videos: { ofUsers: { enabled: true } } } }).expect(200)
    })

    after(async function () {
      await instance.api().put('/api/v1/config/custom').set(auth(instance.accessToken)).send({ autoBlacklist: { videos: { ofUsers: { enabled: false } } } }).expect(200)
    })

    it('holds a plain user\'s new video until a moderator accepts it; users flagged to bypass it skip it', async function () {
      const config = await instance.api().get('/api/v1/config').expect(200)
      expect(config.body.autoBlacklist.videos.ofUsers.enabled).to.equal(true)

      const uploadAsTrusted = async () => {
        const trusted = await createUser(instance, 'trusted')
        await instance.api().put(`/api/v1/users/${trusted.id}`).set(auth(instance.accessToken)).send({ adminFlags: 1 }).expect(204)
        expect((await instance.api().get(`/api/v1/users/${trusted.id}`).set(auth(instance.accessToken)).expect(200)).body.adminFlags).to.equal(1)
        await upload(trusted, 'Trusted upload')
      }
      const [ held ] = await Promise.all([ upload(reporter, 'Held for review'), uploadAsTrusted() ])

      const autoBlocks = await instance.api().get('/api/v1/videos/blacklist').set(auth(moderator.token)).query({ type: 2 }).expect(200)
      expect(autoBlocks.body.data.map((b: any) => b.video.name)).to.deep.equal([ 'Held for review' ])
      expect(autoBlocks.body.data[0].unfederated).to.equal(true)
      const own = await instance.api().get(`/api/v1/videos/${held.uuid}`).set(auth(reporter.token)).expect(200)
      expect(own.body.blacklisted).to.equal(true)
      expect(await listedNames(bystander.token)).to.not.include('Held for review')
      // The moderators are asked to review it, its owner learns it waits; nobody else hears of the trusted upload.
      const review = await waitForNotification(moderator.token, 12)
      expect(review.videoBlacklist.video).to.include({ uuid: held.uuid })
      const waiting = await waitForNotification(reporter.token, 4, n => n.videoBlacklist.video.uuid === held.uuid)
      expect(waiting.read).to.equal(false)

      await instance.api().delete(blacklist(held.uuid)).set(auth(moderator.token)).expect(204)
      expect(await listedNames(bystander.token)).to.include('Held for review')
      // Accepted: unblocked, and published as far as its owner is concerned (it was not while held).
      await waitForNotification(reporter.token, 5, n => n.videoBlacklist.video.uuid === held.uuid)
      await waitForNotification(reporter.token, 6, n => n.video.uuid === held.uuid)
      await waitForNotifyJobs()
      expect((await notificationsOf(moderator.token, 12)).map(n => n.videoBlacklist.video.uuid)).to.deep.equal([ held.uuid ])
    })

    function blacklist (id: string) {
      return `/api/v1/videos/${id}/blacklist`
    }
  })
})
