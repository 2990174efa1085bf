import { expect } from 'chai'
import { join } from 'node:path'
import { TestSmtpServer, linkIn } from '../../shared/smtp-server.js'
import { TestInstance } from '../../shared/test-instance.js'
import { testServices } from '../../shared/test-services.js'
import { uploadVideo } from '../../shared/videos.js'
import { waitUntil } from '../../shared/wait.js'
import { generateClip, makeTempDir, removeDir } from '../../video-pipeline/fixtures.js'
import { auth, createUser } from '../shared/users.js'

const FAST = { transcoding: { resolutions: { '144p': false, '240p': true, '360p': false, '480p': false, '720p': false, '1080p': false, '1440p': false, '2160p': false } } }

/** Reads a server-sent event stream as a test would watch a browser tab. */
async function openStream (instance: TestInstance, token: string) {
  const controller = new AbortController()
  const res = await fetch(`${instance.url}/api/v1/users/me/notifications/stream`, { headers: auth(token), signal: controller.signal })
  const events: { event: string, data: any }[] = []
  const reader = res.body!.getReader()
  let buffer = ''
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) return
        buffer += Buffer.from(value).toString('utf8')
        let end
        while ((end = buffer.indexOf('\n\n')) !== -1) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const event = /^event: (.*)$/m.exec(block)?.[1]
          const data = /^data: (.*)$/m.exec(block)?.[1]
          if (event && data) events.push({ event, data: JSON.parse(data) })
        }
      }
    } catch { /* aborted */ }
  })()
  return { res, events, close: () => controller.abort() }
}

describe('Notifications and e-mail', function () {
  const instance = new TestInstance(1)
  const smtp = new TestSmtpServer()
  let dir: string

  const redisKey = (kind: string, id: number) => `tubeless:user-secret:${kind}:${id}`

  async function notifications (token: string, query: Record<string, string | number | boolean> = {}) {
    const res = await instance.api().get('/api/v1/users/me/notifications').set(auth(token)).query(query).expect(200)
    return res.body as { total: number, data: any[] }
  }

  before(async function () {
    dir = await makeTempDir('notifications')
    await smtp.start()
    await instance.flushAndStart({
      config: {
        ...FAST,
        smtp: smtp.config(),
        signup: { enabled: true, requires_approval: false, requires_email_verification: true, limit: -1 },
        admin: { email: 'admin1@example.com' }
      }
    })
  })

  after(async function () {
    await instance.stop()
    await smtp.stop()
    await removeDir(dir)
  })

  describe('Sign-up with address verification', function () {
    let userId: number

    it('says e-mail and the contact form are enabled in /config', async function () {
      const config = (await instance.api().get('/api/v1/config').expect(200)).body
      expect(config.email.enabled).to.equal(true)
      expect(config.contactForm.enabled).to.equal(true)
      expect(config.signup.requiresEmailVerification).to.equal(true)
    })

    it('mails a verification link, and refuses the login until it is followed', async function () {
      await instance.api().post('/api/v1/users/register').send({ username: 'alice', password: 'alice-password', email: 'alice@example.com' }).expect(204)
      const mail = await smtp.waitForMail(m => m.to.includes('alice@example.com') && /Verify/.test(m.subject))
      expect(mail.subject).to.equal('[Tubeless] Verify your e-mail address')
      const link = linkIn(mail, `${instance.url}/verify-account/email`)
      userId = Number(link.searchParams.get('userId'))

      const refused = await instance.api().post('/api/v1/users/token').type('form')
        .send({ ...(await instance.api().get('/api/v1/oauth-clients/local')).body, grant_type: 'password', username: 'alice', password: 'alice-password' })
      expect(refused.status).to.equal(400)
      expect(refused.body.detail).to.equal('User email is not verified.')

      await instance.api().post(`/api/v1/users/${userId}/verify-email`).send({ verificationString: 'not-the-secret' }).expect(403)
      await instance.api().post(`/api/v1/users/${userId}/verify-email`).send({ verificationString: link.searchParams.get('verificationString') }).expect(204)
      // Single use.
      await instance.api().post(`/api/v1/users/${userId}/verify-email`).send({ verificationString: link.searchParams.get('verificationString') }).expect(403)
      await instance.login('alice', 'alice-password')
    })

    it('tells the administrators of the new user (in the web client, not by mail: their default)', async function () {
      const list = await waitUntil(async () => {
        const found = await notifications(instance.accessToken)
        return found.data.some(n => n.type === 9) ? found : undefined
      })
      const notification = list.data.find(n => n.type === 9)
      expect(notification.account).to.include({ name: 'alice', displayName: 'alice' })
      expect(notification.read).to.equal(false)
      expect(smtp.mailsTo('admin1@example.com').filter(m => /signed up/.test(m.subject))).to.have.length(0)
    })

    it('notifies moderators of a registration request', async function () {
      await instance.api().put('/api/v1/config/custom').set(auth(instance.accessToken)).send({ signup: { requiresApproval: true } }).expect(200)
      const res = await instance.api().post('/api/v1/users/registrations/request')
        .send({ username: 'bob', password: 'bob-password', email: 'bob@example.com', registrationReason: 'I want to upload my films' }).expect(200)
      expect(res.body.emailVerified).to.equal(false)
      await smtp.waitForMail(m => m.to.includes('bob@example.com') && /Verify/.test(m.subject))
      const list = await waitUntil(async () => {
        const found = await notifications(instance.accessToken)
        return found.data.some(n => n.type === 20) ? found : undefined
      })
      expect(list.data.find(n => n.type === 20).registration).to.deep.equal({ id: res.body.id, username: 'bob' })
      // Once: one notify job for the request (recorded with it), one notification, no mail (the admin's default).
      const jobs = await waitUntil(async () => {
        const completed = await instance.api().get('/api/v1/jobs/completed').set(auth(instance.accessToken)).query({ jobType: 'notify', count: 100 }).expect(200)
        const forBob = completed.body.data.filter((job: any) => job.data.event === 'new-registration-request' && job.data.data.registrationId === res.body.id)
        return forBob.length !== 0 ? forBob : undefined
      })
      expect(jobs).to.have.length(1)
      expect((await notifications(instance.accessToken)).data.filter(n => n.type === 20 && n.registration.id === res.body.id)).to.have.length(1)
      expect(smtp.mailsTo('admin1@example.com').filter(m => /registration request/.test(m.subject))).to.have.length(0)
      await instance.api().put('/api/v1/config/custom').set(auth(instance.accessToken)).send({ signup: { requiresApproval: false } }).expect(200)
    })
  })

  describe('Password reset', function () {
    let carol: Awaited<ReturnType<typeof createUser>>

    before(async function () {
      carol = await createUser(instance, 'carol')
      await instance.sql('UPDATE "user" SET "emailVerified" = true WHERE username = $1', [ 'carol' ])
    })

    it('answers known and unknown addresses alike, and mails only the known one', async function () {
      const timings: Record<string, number[]> = { known: [], unknown: [] }
      for (let i = 0; i < 4; i++) {
        for (const [ kind, email ] of [ [ 'known', 'carol@example.com' ], [ 'unknown', `nobody${i}@example.com` ] ]) {
          const started = process.hrtime.bigint()
          const res = await instance.api().post('/api/v1/users/ask-reset-password').send({ email })
          timings[kind].push(Number(process.hrtime.bigint() - started) / 1e6)
          expect(res.status).to.equal(204)
          expect(res.text).to.equal('')
        }
      }
      const median = (values: number[]) => [ ...values ].sort((a, b) => a - b)[Math.floor(values.length / 2)]
      // Both do the same work, one job recorded, whatever the address: no difference beyond noise.
      const [ known, unknown ] = [ median(timings.known), median(timings.unknown) ]
      expect(Math.abs(known - unknown)).to.be.below(Math.max(100, 0.5 * Math.max(known, unknown)))
      const jobs = await waitUntil(async () => {
        const res = await instance.api().get('/api/v1/jobs/completed').set(auth(instance.accessToken)).query({ jobType: 'account-email', count: 100 }).expect(200)
        return res.body.total === 8 ? res.body.data : undefined
      }, 60_000)
      expect(jobs.map((job: any) => job.data.kind)).to.deep.equal(Array(8).fill('reset-password'))

      await waitUntil(async () => smtp.mailsTo('carol@example.com').filter(m => /Reset/.test(m.subject)).length === 4, 60_000)
      await waitUntil(async () => (await instance.sql<{ n: string }>('SELECT count(*) AS n FROM "outboxEntry" WHERE "jobType" = \'account-email\'').catch(() => [ { n: '0' } ]))[0].n === '0', 20_000)
      expect(smtp.mails.filter(m => m.to.some(to => to.startsWith('nobody')))).to.have.length(0)
    })

    it('sets a new password with the link, once; sessions end', async function () {
      const before = smtp.mailsTo('carol@example.com').filter(m => /Reset/.test(m.subject)).length
      await instance.api().post('/api/v1/users/ask-reset-password').send({ email: 'CAROL@example.com' }).expect(204)
      const mail = await waitUntil(async () => {
        const mails = smtp.mailsTo('carol@example.com').filter(m => /Reset/.test(m.subject))
        return mails.length > before ? mails[mails.length - 1] : undefined
      }, 60_000)
      const link = linkIn(mail, `${instance.url}/reset-password`)
      expect(link.searchParams.get('userId')).to.equal(String(carol.id))
      const secret = link.searchParams.get('verificationString')!

      const weak = await instance.api().post(`/api/v1/users/${carol.id}/reset-password`).send({ verificationString: secret, password: '123' }).expect(400)
      expect(weak.body['invalid-params']).to.have.property('password')
      await instance.api().post(`/api/v1/users/${carol.id}/reset-password`).send({ verificationString: secret, password: 'new-carol-password' }).expect(204)
      await instance.api().post(`/api/v1/users/${carol.id}/reset-password`).send({ verificationString: secret, password: 'another-password' }).expect(403)

      await instance.api().get('/api/v1/users/me').set(auth(carol.token)).expect(401)
      await instance.login('carol', 'new-carol-password')
      const old = await instance.login('carol', 'password1').then(() => 'accepted', () => 'refused')
      expect(old).to.equal('refused')
    })

    it('refuses an expired link', async function () {
      await instance.api().post('/api/v1/users/ask-reset-password').send({ email: 'carol@example.com' }).expect(204)
      const redis = testServices.redisClient(instance.n)
      try {
        await waitUntil(async () => (await redis.exists(redisKey('reset-password', carol.id))) === 1)
        const ttl = await redis.pttl(redisKey('reset-password', carol.id))
        expect(ttl).to.be.above(55 * 60_000).and.at.most(60 * 60_000)
        await redis.pexpire(redisKey('reset-password', carol.id), 1)
      } finally {
        redis.disconnect()
      }
      const mail = smtp.mailsTo('carol@example.com').filter(m => /Reset/.test(m.subject)).pop()!
      await new Promise(resolve => setTimeout(resolve, 10))
      const secret = linkIn(mail, `${instance.url}/reset-password`).searchParams.get('verificationString')
      await instance.api().post(`/api/v1/users/${carol.id}/reset-password`).send({ verificationString: secret, password: 'expired-password' }).expect(403)
    })
  })

  describe('Notification settings, list and live stream', function () {
    let dave: Awaited<ReturnType<typeof createUser>>
    let erin: Awaited<ReturnType<typeof createUser>>

    before(async function () {
      dave = await createUser(instance, 'dave')
      erin = await createUser(instance, 'erin')
      await instance.sql('UPDATE "user" SET "emailVerified" = true WHERE username IN (\'dave\', \'erin\')')
    })

    it('refuses a setting that does not exist or a value out of range, naming it', async function () {
      const unknown = await instance.api().put('/api/v1/users/me/notification-settings').set(auth(dave.token)).send({ newFollow: 3, newLikeOnMyVideo: 1 }).expect(400)
      expect(unknown.body['invalid-params']).to.have.property('newLikeOnMyVideo')
      const range = await instance.api().put('/api/v1/users/me/notification-settings').set(auth(dave.token)).send({ newFollow: 7 }).expect(400)
      expect(range.body['invalid-params']).to.have.property('newFollow')
      expect(range.headers['content-type']).to.match(/application\/problem\+json/)
    })

    it('pushes a new follower to an open client and mails it when the setting says so', async function () {
      await instance.api().put('/api/v1/users/me/notification-settings').set(auth(dave.token)).send({ newFollow: 3 }).expect(204)
      const me = (await instance.api().get('/api/v1/users/me').set(auth(dave.token)).expect(200)).body
      expect(me.notificationSettings.newFollow).to.equal(3)
      expect(me.notificationSettings.newVideoFromSubscription).to.equal(1)
      expect(me.specialPlaylists).to.have.length(1)

      const stream = await openStream(instance, dave.token)
      try {
        expect(stream.res.headers.get('content-type')).to.match(/^text\/event-stream/)
        await waitUntil(async () => stream.events.find(e => e.event === 'unread-count'))
        await instance.api().post('/api/v1/users/me/subscriptions').set(auth(erin.token)).send({ uri: 'dave_channel' }).expect(204)

        const pushed = await waitUntil(async () => stream.events.find(e => e.event === 'notification'))
        expect(pushed.data.unreadCount).to.equal(1)
        expect(pushed.data.notification.type).to.equal(10)
        expect(pushed.data.notification.actorFollow.follower.name).to.equal('erin')
        expect(pushed.data.notification.actorFollow.following).to.include({ type: 'channel', name: 'dave_channel' })
      } finally {
        stream.close()
      }
      const mail = await smtp.waitForMail(m => m.to.includes('dave@example.com'))
      expect(mail.subject).to.match(/erin follows Main dave channel/)
    })

    it('lists, counts unread and marks read; ids of others are refused by name', async function () {
      const unread = await notifications(dave.token, { unread: true, count: 0 })
      expect(unread.total).to.equal(1)
      const [ notification ] = (await notifications(dave.token)).data

      const foreign = await instance.api().post('/api/v1/users/me/notifications/read').set(auth(erin.token)).send({ ids: [ notification.id ] }).expect(400)
      expect(foreign.body['invalid-params']).to.have.property('ids')
      await instance.api().post('/api/v1/users/me/notifications/read').set(auth(dave.token)).send({ ids: [ notification.id ] }).expect(204)
      expect((await notifications(dave.token, { unread: true })).total).to.equal(0)
      await instance.api().post('/api/v1/users/me/notifications/read-all').set(auth(instance.accessToken)).expect(204)
      expect((await notifications(instance.accessToken, { unread: true })).total).to.equal(0)
    })

    it('tells the uploader once every resolution of their video is ready', async function () {
      const clip = await generateClip(join(dir, 'clip.mp4'), { width: 320, height: 240, durationSeconds: 1, fps: 25 })
      const res = await uploadVideo(instance, clip, { token: dave.token, name: 'Dave at the beach', channelId: (await instance.sql<{ id: number }>('SELECT c.id FROM "videoChannel" c JOIN actor a ON a.id = c."actorId" WHERE a."preferredUsername" = \'dave_channel\''))[0].id })
      expect(res.status).to.equal(200)
      const published = await waitUntil(async () => (await notifications(dave.token)).data.find(n => n.type === 6), 60_000)
      expect(published.video).to.include({ uuid: res.body.video.uuid, name: 'Dave at the beach' })
      expect(published.video.channel.name).to.equal('dave_channel')
      // Erin subscribed to Dave's channel: a new public video is news for her.
      const news = await waitUntil(async () => (await notifications(erin.token)).data.find(n => n.type === 1))
      expect(news.video.uuid).to.equal(res.body.video.uuid)
    })
  })

  describe('Comments, replies and mentions', function () {
    let gwen: Awaited<ReturnType<typeof createUser>>
    let hugo: Awaited<ReturnType<typeof createUser>>
    let iris: Awaited<ReturnType<typeof createUser>>
    let videoUuid: string

    const comment = async (token: string, text: string, inReplyTo?: number) => {
      const path = inReplyTo ? `/api/v1/videos/${videoUuid}/comments/${inReplyTo}` : `/api/v1/videos/${videoUuid}/comment-threads`
      return (await instance.api().post(path).set(auth(token)).send({ text }).expect(200)).body.comment as { id: number, heldForReview: boolean }
    }
    const waitForNotifyJobs = () => waitUntil(async () => (await instance.sql('SELECT id FROM "outboxEntry" WHERE "jobType" IN (\'notify\', \'email\')')).length === 0)
    const mentionsOfIris = () => smtp.mailsTo('iris@example.com').filter(m => /mentioned you/.test(m.subject))

    before(async function () {
      ;[ gwen, hugo, iris ] = await Promise.all([ createUser(instance, 'gwen'), createUser(instance, 'hugo'), createUser(instance, 'iris') ])
      await instance.sql('UPDATE "user" SET "emailVerified" = true WHERE username IN (\'gwen\', \'hugo\', \'iris\')')
      const clip = await generateClip(join(dir, 'comments.mp4'), { width: 320, height: 240, durationSeconds: 1, fps: 25 })
      const channelId = (await instance.sql<{ id: number }>('SELECT c.id FROM "videoChannel" c JOIN actor a ON a.id = c."actorId" WHERE a."preferredUsername" = \'gwen_channel\''))[0].id
      const res = await uploadVideo(instance, clip, { token: gwen.token, channelId, name: 'Gwen talks' })
      expect(res.status).to.equal(200)
      videoUuid = res.body.video.uuid
      await instance.api().put('/api/v1/users/me/notification-settings').set(auth(gwen.token)).send({ newCommentOnMyVideo: 3 }).expect(204)
      await instance.api().put('/api/v1/users/me/notification-settings').set(auth(iris.token)).send({ commentMention: 2 }).expect(204)
    })

    it('tells the owner of a comment and the users it mentions or answers, on the web and by mail as each chose', async function () {
      const first = await comment(hugo.token, 'Lovely, @iris should see this')
      const toOwner = await waitUntil(async () => (await notifications(gwen.token)).data.find(n => n.type === 2))
      expect(toOwner.comment).to.deep.include({ id: first.id, threadId: first.id, heldForReview: false })
      expect(toOwner.comment.account).to.include({ name: 'hugo' })
      expect(toOwner.comment.video).to.include({ uuid: videoUuid, name: 'Gwen talks' })
      const ownerMail = await smtp.waitForMail(m => m.to.includes('gwen@example.com') && /New comment on your video/.test(m.subject))
      expect(ownerMail.text).to.include('Lovely, @iris should see this')
      // Iris wants mentions by mail only.
      await smtp.waitForMail(m => m.to.includes('iris@example.com') && /hugo mentioned you/.test(m.subject))

      const answer = await comment(gwen.token, 'Thank you!', first.id)
      const toHugo = await waitUntil(async () => (await notifications(hugo.token)).data.find(n => n.type === 11))
      expect(toHugo.comment).to.deep.include({ id: answer.id, threadId: first.id })
      await waitForNotifyJobs()
      expect((await notifications(iris.token)).total).to.equal(0)
      expect((await notifications(gwen.token)).data.filter(n => n.type === 2)).to.have.length(1)
    })

    it('tells the owner of a comment held for review, and its mentions once approved', async function () {
      await instance.api().put(`/api/v1/videos/${videoUuid}`).set(auth(gwen.token)).send({ commentsPolicy: 3 }).expect(204)
      const mentionsBefore = mentionsOfIris().length
      const held = await comment(hugo.token, 'Waiting, @iris')
      expect(held.heldForReview).to.equal(true)
      const toOwner = await waitUntil(async () => (await notifications(gwen.token)).data.find(n => n.type === 2 && n.comment.id === held.id))
      expect(toOwner.comment.heldForReview).to.equal(true)
      await waitForNotifyJobs()
      expect(mentionsOfIris()).to.have.length(mentionsBefore)

      await instance.api().post(`/api/v1/videos/${videoUuid}/comments/${held.id}/approve`).set(auth(gwen.token)).expect(204)
      await waitUntil(async () => mentionsOfIris().length === mentionsBefore + 1)
      await instance.api().put(`/api/v1/videos/${videoUuid}`).set(auth(gwen.token)).send({ commentsPolicy: 1 }).expect(204)
    })

    it('says nothing of the comments of an account the user muted, nor of one the instance muted', async function () {
      await instance.api().post('/api/v1/users/me/blocklist/accounts').set(auth(iris.token)).send({ accountName: 'hugo' }).expect(204)
      const mentionsBefore = mentionsOfIris().length
      const muted = await comment(hugo.token, 'Still there, @iris?')
      // Gwen did not mute Hugo: she hears of it; Iris does not.
      await waitUntil(async () => (await notifications(gwen.token)).data.find(n => n.type === 2 && n.comment.id === muted.id))
      await waitForNotifyJobs()
      expect(mentionsOfIris()).to.have.length(mentionsBefore)

      await instance.api().post('/api/v1/server/blocklist/accounts').set(auth(instance.accessToken)).send({ accountName: 'hugo' }).expect(204)
      const unheard = await comment(hugo.token, 'Anyone?')
      await waitForNotifyJobs()
      expect((await notifications(gwen.token)).data.filter(n => n.type === 2 && n.comment.id === unheard.id)).to.have.length(0)
      await instance.api().delete('/api/v1/server/blocklist/accounts/hugo').set(auth(instance.accessToken)).expect(204)
      await instance.api().delete('/api/v1/users/me/blocklist/accounts/hugo').set(auth(iris.token)).expect(204)
    })
  })

  describe('Contact form', function () {
    it('mails the administrator, answering to the sender, once per hour per address', async function () {
      const message = { fromEmail: 'visitor@example.com', fromName: 'Visitor', subject: 'Hello', body: 'Your instance is nice.' }
      await instance.api().post('/api/v1/server/contact').send(message).expect(204)
      const mail = await smtp.waitForMail(m => m.to.includes('admin1@example.com') && /Contact form/.test(m.subject))
      expect(mail.replyTo).to.equal('visitor@example.com')
      expect(mail.text).to.include('Your instance is nice.')

      await instance.api().post('/api/v1/server/contact').send(message).expect(403)
      const invalid = await instance.api().post('/api/v1/server/contact').send({ ...message, fromEmail: 'not-an-address' }).expect(400)
      expect(invalid.body['invalid-params']).to.have.property('fromEmail')
    })
  })
})
