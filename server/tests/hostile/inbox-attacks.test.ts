import { randomUUID } from 'node:crypto'
import { connect, createServer, type Server } from 'node:net'
import { expect } from 'chai'
import { signRequest } from '../../helpers/activitypub/index.js'
import { generateRsaKeyPair } from '../../helpers/crypto/rsa-keys.js'
import { TestInstance } from '../shared/test-instance.js'
import { waitUntil } from '../shared/wait.js'
import type { FakeActor } from '../federation/shared/fake-remote-server.js'
import { createOf, fakePlaylist, fakeVideo, followFakeInstance, receivedActivities, startFakeInstance, type FakeInstance } from './shared/fake-instances.js'
import { OutcomeTally } from './shared/outcomes.js'
import { AS_CONTEXT, postToInbox } from './shared/signed-inbox.js'
import { countRowsOfOrigin, countStoredRows } from './shared/stored-rows.js'

// The attack suite against the inbox. `npm test` runs it as is; `npm run test:hostile` (TUBELESS_HOSTILE=full)
// adds the generated variants: every way of breaking a signature, every hostile body.
const FULL = process.env.TUBELESS_HOSTILE === 'full'

describe('Hostile federation: attacks on the inbox', function () {
  const instance = new TestInstance(1)
  const tally = new OutcomeTally('inbox attacks')
  let friend: FakeInstance
  let stranger: FakeInstance
  let serverActorUrl: string

  before(async function () {
    ;[ friend, stranger ] = await Promise.all([ startFakeInstance('alice'), startFakeInstance('mallory'), instance.flushAndStart() ])
    serverActorUrl = `${instance.url}/accounts/peertube`
    await followFakeInstance(instance, friend)
  })

  // Every test answers for its own replies: a 5xx or a non-problem 4xx fails the test that got it.
  afterEach(function () {
    expect(tally.violations, tally.violations.join('\n')).to.deep.equal([])
  })

  after(async function () {
    process.stdout.write(`      [hostile] ${tally.summary()}\n`)
    await Promise.all([ instance.stop(), friend.server.stop(), stranger.server.stop() ])
  })

  async function attempt (label: string, expected: number[], send: () => Promise<any>) {
    const res = await send()
    tally.record(label, res)
    expect(res.status, `${label}: ${res.text}`).to.be.oneOf(expected)
    return res
  }

  /** Until no inbox job waits or runs. */
  async function waitForInboxJobs () {
    const pending = async (state: string) => (await instance.api().get(`/api/v1/jobs/${state}`)
      .query({ jobType: 'activitypub-inbox' }).set('Authorization', `Bearer ${instance.accessToken}`).expect(200)).body.total as number
    await waitUntil(async () => await pending('waiting') === 0 && await pending('active') === 0 && await pending('delayed') === 0)
  }

  function followOf (actorUrl: string) {
    return { type: 'Follow', id: `${actorUrl}/follows/${randomUUID()}`, actor: actorUrl, object: serverActorUrl }
  }

  describe('Signatures', function () {
    it('refuses unsigned, forged, tampered, stale, future and foreign-keyed requests with 401, storing nothing about the signer', async function () {
      const mallory = stranger.account
      const before = await countStoredRows(instance)
      const forger = await generateRsaKeyPair()
      const activity = followOf(mallory.url)
      const variants: [ string, () => ReturnType<typeof postToInbox> ][] = [
        [ 'unsigned', () => postToInbox(instance, activity, null) ],
        [ 'forged key', () => postToInbox(instance, activity, mallory, { privateKeyPem: forger.privateKeyPem }) ],
        [ 'body not matching its digest', () => postToInbox(instance, activity, mallory, { sentBody: JSON.stringify({ '@context': AS_CONTEXT, ...activity, object: `${instance.url}/accounts/root` }) }) ],
        [ 'stale date', () => postToInbox(instance, activity, mallory, { date: new Date(Date.now() - 2 * 3600_000) }) ],
        [ 'date in the future', () => postToInbox(instance, activity, mallory, { date: new Date(Date.now() + 2 * 3600_000) }) ],
        // The key of another actor: signed by mallory, naming alice's key.
        [ 'key of another actor', () => postToInbox(instance, activity, mallory, { keyId: friend.account.url }) ],
        [ 'keyId that is no URL', () => postToInbox(instance, activity, mallory, { keyId: 'acct:mallory' }) ],
        [ 'keyId of a missing actor', () => postToInbox(instance, activity, mallory, { keyId: `${stranger.server.origin}/users/nobody#main-key` }) ]
      ]
      if (FULL) variants.push(...signatureHeaderMutations(instance, activity, mallory))

      for (const [ label, send ] of variants) await attempt(label, [ 401 ], send)

      expect(await countRowsOfOrigin(instance, stranger.server.origin)).to.deep.equal({ actors: 0, servers: 0, videos: 0 })
      expect(await countStoredRows(instance)).to.deep.equal(before)
    })

    it('treats an exact replay as a no-op answered 204: one follow, one Accept', async function () {
      const alice = friend.account
      const body = JSON.stringify({ '@context': AS_CONTEXT, ...followOf(alice.url) })
      const headers = await signRequest({ method: 'POST', url: `${instance.url}/inbox`, body, privateKeyPem: alice.keys.privateKeyPem, keyId: alice.url })
      const send = () => instance.api().post('/inbox').set('Content-Type', 'application/activity+json').set(headers).send(body)

      for (let i = 0; i < (FULL ? 20 : 5); i++) await attempt(`replay ${i}`, [ 204 ], send)

      await waitUntil(async () => receivedActivities(friend).some(a => a.type === 'Accept' && a.object?.actor === alice.url))
      await new Promise(resolve => setTimeout(resolve, 500))
      expect(receivedActivities(friend).filter(a => a.type === 'Accept' && a.object?.actor === alice.url)).to.have.length(1)
      const rows = await instance.sql('SELECT f.id FROM "actorFollow" f JOIN actor a ON a.id = f."actorId" WHERE a.url = $1', [ alice.url ])
      expect(rows).to.have.length(1)
    })
  })

  describe('Claims', function () {
    it('refuses an activity of another actor without its LD signature, and one whose id is on another origin (403)', async function () {
      const before = await countStoredRows(instance)
      await attempt('activity of another actor', [ 403 ], () => postToInbox(instance, followOf(friend.channel.url), friend.account))
      await attempt('id on another origin', [ 403 ], () => postToInbox(instance, { ...followOf(friend.account.url), id: `${stranger.server.origin}/follows/1` }, friend.account))
      await attempt('id on our origin', [ 403 ], () => postToInbox(instance, { ...followOf(friend.account.url), id: `${instance.url}/follows/1` }, friend.account))
      expect(await countStoredRows(instance)).to.deep.equal(before)
    })
  })

  describe('Unfollowed publishers', function () {
    it('refuses Create, Update and Announce of videos by an actor nobody here follows (403), storing nothing at all', async function () {
      const before = await countStoredRows(instance)
      const video = fakeVideo(stranger, { name: 'Spam for everyone' })
      const playlist = fakePlaylist(stranger, { name: 'Spam playlist' })
      const friendVideo = fakeVideo(friend, { name: 'A friend video, shared by a stranger' })
      const attacks: [ string, object ][] = [
        [ 'Create of its video', createOf(stranger, video) ],
        [ 'Create by its channel', { ...createOf(stranger, video), id: `${video.id}/activity-2`, actor: stranger.channel.url } ],
        [ 'Create with the video by URL', { ...createOf(stranger, video), id: `${video.id}/activity-3`, object: video.id } ],
        [ 'Update of its video', { ...createOf(stranger, video), type: 'Update', id: `${video.id}/updates/1` } ],
        [ 'Announce of its video', { type: 'Announce', id: `${stranger.account.url}/announces/1`, actor: stranger.account.url, object: video.id } ],
        [ 'Announce of a followed instance\'s video', { type: 'Announce', id: `${stranger.account.url}/announces/2`, actor: stranger.account.url, object: friendVideo.id } ],
        [ 'Create of its playlist', createOf(stranger, playlist) ],
        [ 'Create of its playlist by URL', { ...createOf(stranger, playlist), id: `${playlist.id}/activity-2`, object: playlist.id } ],
        [ 'Update of its playlist', { ...createOf(stranger, playlist), type: 'Update', id: `${playlist.id}/updates/1` } ],
        [ 'View of our server actor', { type: 'View', id: `${stranger.account.url}/views/1`, actor: stranger.account.url, object: `${instance.url}/videos/watch/${randomUUID()}` } ]
      ]
      for (const [ label, activity ] of attacks) {
        const signer = (activity as { actor: string }).actor === stranger.channel.url ? stranger.channel : stranger.account
        await attempt(label, [ 403 ], () => postToInbox(instance, activity, signer))
      }

      expect(await countRowsOfOrigin(instance, stranger.server.origin)).to.deep.equal({ actors: 0, servers: 0, videos: 0 })
      expect(await countStoredRows(instance)).to.deep.equal(before)
      const list = await instance.api().get('/api/v1/videos').expect(200)
      expect(list.body.data.map((v: { name: string }) => v.name)).to.not.include('Spam for everyone')
    })

    it('stores and lists the video of a followed instance (the control)', async function () {
      const video = fakeVideo(friend, { name: 'Published by a followed instance' })
      await attempt('Create by a followed instance', [ 204 ], () => postToInbox(instance, createOf(friend, video), friend.account))
      const listed = await waitUntil(async () => {
        const list = await instance.api().get('/api/v1/videos').expect(200)
        return list.body.data.find((v: { uuid: string }) => v.uuid === video.uuid)
      })
      expect(listed.name).to.equal('Published by a followed instance')
    })

    it('drops, without storing its actor, the Notes, ratings, reports and Follows of a stranger about nothing we have (204)', async function () {
      const before = await countStoredRows(instance)
      const mallory = stranger.account.url
      const unknownVideo = fakeVideo(stranger, { name: 'Not here' })
      // A comment of the stranger's own, served: a reply to it leads nowhere we know either.
      const theirNoteId = `${stranger.server.origin}/notes/${randomUUID()}`
      stranger.server.publish(new URL(theirNoteId).pathname, { type: 'Note', id: theirNoteId, attributedTo: mallory, inReplyTo: unknownVideo.id, content: 'x', to: [ 'https://www.w3.org/ns/activitystreams#Public' ] })
      const noteAnswering = (inReplyTo: string) => {
        const id = `${stranger.server.origin}/notes/${randomUUID()}`
        const note = { type: 'Note', id, attributedTo: mallory, inReplyTo, content: 'Reply to nothing', published: new Date().toISOString(), to: [ 'https://www.w3.org/ns/activitystreams#Public' ] }
        return { type: 'Create', id: `${id}/activity`, actor: mallory, to: note.to, object: note }
      }
      const attacks: [ string, object ][] = [
        [ 'Note on a video we do not have', noteAnswering(unknownVideo.id) ],
        [ 'Note on a local URL that is no video', noteAnswering(`${instance.url}/videos/watch/${randomUUID()}`) ],
        [ 'Note on a comment of its own, on nothing we have', noteAnswering(theirNoteId) ],
        [ 'Note answering nothing', { ...noteAnswering(''), object: { type: 'Note', id: `${stranger.server.origin}/notes/${randomUUID()}`, attributedTo: mallory, content: 'Hello' } } ],
        [ 'Like of a video we do not have', { type: 'Like', id: `${mallory}/likes/1`, actor: mallory, object: unknownVideo.id } ],
        [ 'Dislike of a local URL that is no video', { type: 'Dislike', id: `${mallory}/dislikes/1`, actor: mallory, object: `${instance.url}/videos/watch/${randomUUID()}` } ],
        [ 'Flag of a video we do not have', { type: 'Flag', id: `${mallory}/flags/1`, actor: mallory, object: [ unknownVideo.id ], content: 'Report' } ],
        [ 'Follow of an actor that is not ours', { type: 'Follow', id: `${mallory}/follows/x`, actor: mallory, object: friend.account.url } ],
        [ 'Follow of a local URL that is no actor', { type: 'Follow', id: `${mallory}/follows/y`, actor: mallory, object: `${instance.url}/accounts/nobody` } ]
      ]
      for (const [ label, activity ] of attacks) await attempt(label, [ 204 ], () => postToInbox(instance, activity, stranger.account))

      // Admitted, they would have stored the actor before the answer; their jobs (none, here) are waited for too.
      await waitForInboxJobs()
      expect(await countRowsOfOrigin(instance, stranger.server.origin)).to.deep.equal({ actors: 0, servers: 0, videos: 0 })
      const after = await countStoredRows(instance)
      for (const table of [ 'actor', 'server', 'account', 'videoComment', 'accountVideoRate', 'abuse', 'video', 'videoPlaylist' ]) {
        expect(after[table], table).to.equal(before[table])
      }
    })

    it('drops, without storing its actor, an Undo or a Delete from an actor it never met', async function () {
      const before = await countStoredRows(instance)
      const undo = { type: 'Undo', id: `${stranger.account.url}/undo/1`, actor: stranger.account.url, object: followOf(stranger.account.url) }
      const del = { type: 'Delete', id: `${stranger.account.url}/delete/1`, actor: stranger.account.url, object: stranger.account.url }
      await attempt('Undo from a stranger', [ 204 ], () => postToInbox(instance, undo, stranger.account))
      await attempt('Delete from a stranger', [ 204 ], () => postToInbox(instance, del, stranger.account))
      expect(await countRowsOfOrigin(instance, stranger.server.origin)).to.deep.equal({ actors: 0, servers: 0, videos: 0 })
      const after = await countStoredRows(instance)
      // The replay memory keeps the two signatures; nothing else was written.
      expect({ ...after, receivedSignature: before.receivedSignature }).to.deep.equal(before)
    })
  })

  describe('Hostile bodies', function () {
    it('answers huge, deep, NUL-carrying, non-JSON and mistyped bodies with a 4xx problem, storing nothing', async function () {
      const alice = friend.account
      const before = await countStoredRows(instance)
      const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)
      const bodies: [ string, number[], () => ReturnType<typeof postToInbox> ][] = [
        [ 'body over 2 MB', [ 413 ], () => postToInbox(instance, null, alice, { rawBody: JSON.stringify({ ...followOf(alice.url), padding: 'x'.repeat(3 * 1024 * 1024) }) }) ],
        [ 'value nested 5000 deep', [ 400 ], () => postToInbox(instance, null, alice, { rawBody: JSON.stringify(followOf(alice.url)).replace(/}$/, `,"tag":${deep(5000)}}`) }) ],
        [ 'objects nested 60 deep', [ 400 ], () => postToInbox(instance, null, alice, { rawBody: JSON.stringify(followOf(alice.url)).replace(/}$/, `,"tag":${'{"a":'.repeat(60)}1${'}'.repeat(60)}}`) }) ],
        [ 'array nested 100000 deep', [ 400 ], () => postToInbox(instance, null, alice, { rawBody: `{"type":"Follow","id":"${alice.url}/f/1","actor":"${alice.url}","object":${deep(100_000)}}` }) ],
        [ 'unsigned deep body', [ 401 ], () => postToInbox(instance, null, null, { rawBody: deep(100_000) }) ],
        [ 'NUL in a value', [ 400 ], () => postToInbox(instance, { ...followOf(alice.url), summary: 'a\u0000b' }, alice) ],
        [ 'not JSON', [ 400 ], () => postToInbox(instance, null, alice, { rawBody: '{"type": "Follow", ' }) ],
        [ 'JSON array', [ 400 ], () => postToInbox(instance, null, alice, { rawBody: '[1,2,3]' }) ],
        [ 'text/plain', [ 415 ], () => postToInbox(instance, followOf(alice.url), alice, { contentType: 'text/plain' }) ],
        [ 'no type', [ 400 ], () => postToInbox(instance, { id: `${alice.url}/x/1`, actor: alice.url }, alice) ],
        [ 'id 5000 characters long', [ 400 ], () => postToInbox(instance, { ...followOf(alice.url), id: `${alice.url}/${'x'.repeat(5000)}` }, alice) ],
        [ 'collection of 1000 activities', [ 400 ], () => postToInbox(instance, { type: 'OrderedCollection', id: `${alice.url}/c/1`, actor: alice.url, orderedItems: Array.from({ length: 1000 }, () => followOf(alice.url)) }, alice) ],
        [ 'bad Content-Encoding', [ 400, 415 ], () => postToInbox(instance, followOf(alice.url), alice, { headers: { 'Content-Encoding': 'gzip' } }) ],
        [ 'unknown charset', [ 400, 415 ], () => postToInbox(instance, followOf(alice.url), alice, { contentType: 'application/activity+json; charset=utf-7' }) ]
      ]

      for (const [ label, statuses, send ] of bodies) {
        const res = await attempt(label, statuses, send)
        expect(res.headers['content-type'], label).to.match(/^application\/problem\+json/)
        expect(res.text.length, label).to.be.below(5000)
      }
      expect(await countStoredRows(instance)).to.deep.equal(before)
    })

    it('answers every generated hostile body with a 2xx or a 4xx problem, and stores no actor or video from them', async function () {
      if (!FULL) this.skip()
      const alice = friend.account
      const before = await countStoredRows(instance)
      for (const [ label, raw ] of hostileBodyVariants(alice.url)) {
        await attempt(label, [ 204, 400, 401, 403, 413, 415 ], () => postToInbox(instance, null, alice, { rawBody: raw }))
      }
      const after = await countStoredRows(instance)
      for (const table of [ 'actor', 'server', 'account', 'videoChannel', 'video', 'videoShare' ]) expect(after[table], table).to.equal(before[table])
    })
  })

  describe('With private addresses refused and small rate limits', function () {
    /** Listeners on private (loopback) addresses, one per way of naming one: the instance must not fetch a signer from any. */
    const traps: { keyId: string, host: string, port: number, servers: Server[], connections: number }[] = []

    async function listen (server: Server, host: string, port: number) {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => { server.off('error', reject); resolve() })
      })
      return (server.address() as { port: number }).port
    }

    async function addTrap (hosts: string[], keyId: (port: number) => string) {
      const trap = { keyId: '', host: hosts[0], port: 0, servers: [] as Server[], connections: 0 }
      for (const host of hosts) {
        const server = createServer(socket => { trap.connections++; socket.destroy() })
        trap.port = await listen(server, host, trap.port)
        trap.servers.push(server)
      }
      trap.keyId = keyId(trap.port)
      traps.push(trap)
    }

    before(async function () {
      await addTrap([ '127.0.0.2' ], port => `http://127.0.0.2:${port}/users/x#main-key`)
      await addTrap([ '::1' ], port => `http://[::1]:${port}/users/x`)
      // localhost may resolve to either loopback address: the trap listens on both, on one port.
      await addTrap([ '127.0.0.1', '::1' ], port => `http://localhost:${port}/users/x`)

      await instance.stop()
      await instance.start({
        config: {
          federation: { allow_private_addresses: false },
          rates_limit: { inbox: { window: '1 minute', max_per_ip: 40, max_per_host: 5 } }
        }
      })
    })

    after(async function () {
      await Promise.all(traps.flatMap(trap => trap.servers).map(server => new Promise(resolve => server.close(resolve))))
    })

    it('refuses a signer on a private address without contacting it (401)', async function () {
      const before = await countStoredRows(instance)
      for (const trap of traps) {
        await attempt(`signer at ${trap.keyId}`, [ 401 ], () => postToInbox(instance, followOf(trap.keyId.split('#')[0]), stranger.account, { keyId: trap.keyId }))
        expect(trap.connections, trap.keyId).to.equal(0)
      }
      expect(await countStoredRows(instance)).to.deep.equal(before)

      // Each trap sees a connection to the address its keyId names: a contact would have been counted.
      for (const trap of traps) {
        const { hostname, port } = new URL(trap.keyId)
        await new Promise<void>((resolve, reject) => {
          const socket = connect(Number(port), hostname.replace(/^\[|\]$/g, ''), () => socket.end())
          socket.on('close', () => resolve())
          socket.on('error', reject)
        })
        await waitUntil(async () => trap.connections === 1)
      }
    })

    it('refuses to follow bare numbers and malformed hosts (400 naming the host), queuing nothing', async function () {
      const before = await countStoredRows(instance)
      for (const host of [ '1', '127.1', '0x7f000001', '2130706433', '0177.0.0.1', '1.2.3', '[::1', 'a b', 'host:0', 'host:70000', 'exa_mple.org', '-lead.example' ]) {
        const res = await attempt(`follow ${host}`, [ 400 ], () => instance.api().post('/api/v1/server/following')
          .set('Authorization', `Bearer ${instance.accessToken}`).send({ hosts: [ host ] }))
        expect(res.body['invalid-params'], host).to.have.property('hosts.0')
      }
      const res = await attempt('form-encoded hosts[]=1', [ 400 ], () => instance.api().post('/api/v1/server/following')
        .set('Authorization', `Bearer ${instance.accessToken}`).type('form').send('hosts[]=1'))
      expect(res.body['invalid-params']).to.have.property('hosts.0')
      expect(await countStoredRows(instance)).to.deep.equal(before)
    })

    it('limits the requests of one remote host once signed (429 problem with Retry-After)', async function () {
      const statuses: number[] = []
      for (let i = 0; i < 7; i++) {
        const res = await postToInbox(instance, followOf(friend.account.url), friend.account)
        tally.record(`host limit ${i}`, res)
        statuses.push(res.status)
        if (res.status === 429) {
          expect(res.headers['content-type']).to.match(/^application\/problem\+json/)
          expect(Number(res.headers['retry-after'])).to.be.above(0)
        }
      }
      expect(statuses.slice(0, 5)).to.deep.equal([ 204, 204, 204, 204, 204 ])
      expect(statuses.slice(5)).to.deep.equal([ 429, 429 ])
    })

    it('limits the requests of one address before reading them (429 problem)', async function () {
      let limited = 0
      for (let i = 0; i < 40; i++) {
        const res = await postToInbox(instance, followOf(stranger.account.url), null)
        tally.record(`address limit ${i}`, res)
        if (res.status === 429) limited++
        else expect(res.status).to.equal(401)
      }
      // 40 per minute, 7 used by the host-limit test: the last ones are refused.
      expect(limited).to.be.at.least(5)
      tally.assertClean()
    })
  })
})

/**
 * Every way of breaking a draft-cavage signature we could think of, each sent once (the full run): the headers
 * are signed properly, then one thing is changed.
 */
function signatureHeaderMutations (instance: TestInstance, activity: object, signer: FakeActor): [ string, () => Promise<any> ][] {
  const body = JSON.stringify({ '@context': AS_CONTEXT, ...activity })
  const sign = (url = `${instance.url}/inbox`, method = 'POST') =>
    signRequest({ method, url, body, privateKeyPem: signer.keys.privateKeyPem, keyId: signer.url })
  const send = (headers: Record<string, string>, path = '/inbox') =>
    instance.api().post(path).set('Content-Type', 'application/activity+json').set(headers).send(body)
  const param = (headers: Record<string, string>, name: string, value: string | undefined) => {
    const params = headers.Signature.split(',').filter(p => !p.startsWith(`${name}=`))
    return { ...headers, Signature: [ ...params, ...(value === undefined ? [] : [ `${name}="${value}"` ]) ].join(',') }
  }
  const without = (headers: Record<string, string>, name: string) => Object.fromEntries(Object.entries(headers).filter(([ k ]) => k.toLowerCase() !== name))

  const mutations: [ string, (h: Record<string, string>) => Record<string, string> ][] = [
    [ 'no Signature header', h => without(h, 'signature') ],
    [ 'no Date header', h => without(h, 'date') ],
    [ 'no Digest header', h => without(h, 'digest') ],
    [ 'unparsable Date', h => ({ ...h, Date: 'yesterday' }) ],
    [ 'Digest of another body', h => ({ ...h, Digest: 'SHA-256=' + Buffer.alloc(32).toString('base64') }) ],
    [ 'Digest with an unknown algorithm', h => ({ ...h, Digest: 'MD5=' + Buffer.alloc(16).toString('base64') }) ],
    [ 'garbage Digest', h => ({ ...h, Digest: '%%%' }) ],
    [ 'algorithm md5', h => param(h, 'algorithm', 'md5') ],
    [ 'algorithm hmac-sha256', h => param(h, 'algorithm', 'hmac-sha256') ],
    [ 'covered headers without digest', h => param(h, 'headers', '(request-target) host date') ],
    [ 'covered headers: date only', h => param(h, 'headers', 'date') ],
    [ 'empty covered headers', h => param(h, 'headers', '') ],
    [ 'empty signature', h => param(h, 'signature', '') ],
    [ 'garbage signature', h => param(h, 'signature', 'not*base64') ],
    [ 'truncated signature', h => param(h, 'signature', /signature="([^"]*)"/.exec(h.Signature)![1].slice(0, 20)) ],
    [ 'empty keyId', h => param(h, 'keyId', '') ],
    [ 'keyId with a file: URL', h => param(h, 'keyId', 'file:///etc/passwd') ],
    [ 'keyId with javascript:', h => param(h, 'keyId', 'javascript:alert(1)') ],
    [ 'signature of 12 kB', h => param(h, 'signature', 'A'.repeat(12_000)) ],
    [ 'Signature header unparsable', h => ({ ...h, Signature: 'keyId=' }) ],
    [ 'RFC 9421 input without its signature', h => ({ ...h, 'Signature-Input': 'sig1=("@method");keyid="x"' }) ],
    [ 'RFC 9421 garbage', h => ({ ...h, 'Signature-Input': 'sig1=garbage', Signature: 'sig1=:AAAA:' }) ]
  ]

  const variants: [ string, () => Promise<any> ][] = mutations.map(([ label, mutate ]) => [ label, async () => send(mutate(await sign())) ])
  variants.push([ 'signed for another path', async () => send(await sign(), '/accounts/peertube/inbox') ])
  variants.push([ 'signed for another method', async () => send(await sign(undefined, 'PUT')) ])
  variants.push([ 'signed for another host', async () => send(await sign(`http://127.0.0.9:1/inbox`)) ])
  return variants
}

/** Hostile raw bodies for the full run. */
function hostileBodyVariants (actorUrl: string): [ string, string ][] {
  const base = { type: 'Follow', id: `${actorUrl}/follows/x`, actor: actorUrl, object: 'x' }
  const values: unknown[] = [ null, true, 0, -1, 1e308, '', 'x'.repeat(100_000), [], {}, [ [ [ [] ] ] ], '\u0000', '\ud800', '😀'.repeat(1000) ]
  const variants: [ string, string ][] = []
  for (const key of [ 'type', 'id', 'actor', 'object', '@context', 'signature', 'to' ]) {
    for (const value of values) variants.push([ `${key} = ${JSON.stringify(value)?.slice(0, 20)}`, JSON.stringify({ ...base, [key]: value }) ])
  }
  variants.push([ 'BOM before JSON', '\ufeff' + JSON.stringify(base) ])
  variants.push([ 'trailing garbage', JSON.stringify(base) + '}}}' ])
  variants.push([ 'duplicate keys', '{"type":"Follow","type":"Create","id":"' + actorUrl + '/x","actor":"' + actorUrl + '"}' ])
  variants.push([ 'many keys', JSON.stringify(Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [ `k${i}`, i ]))) ])
  return variants
}
