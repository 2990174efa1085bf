import { expect } from 'chai'
import { signLdDocument, signRequest, verifyIncomingRequest, withActivityPubContext } from '../../helpers/activitypub/index.js'
import { generateRsaKeyPair } from '../../helpers/crypto/rsa-keys.js'
import { TestInstance } from '../shared/test-instance.js'
import { waitUntil } from '../shared/wait.js'
import { FakeRemoteServer, type FakeActor } from './shared/fake-remote-server.js'

describe('Inbox security', function () {
  const instance = new TestInstance(1)
  const remote = new FakeRemoteServer()
  let alice: FakeActor
  let bob: FakeActor
  let serverActorUrl: string
  let activityCount = 0

  before(async function () {
    await Promise.all([ instance.flushAndStart(), remote.start() ])
    alice = await remote.addActor('alice')
    bob = await remote.addActor('bob')
    serverActorUrl = `${instance.url}/accounts/peertube`
  })

  after(async function () {
    await instance.stop()
    await remote.stop()
  })

  function followOf (actor: FakeActor, target = serverActorUrl) {
    return withActivityPubContext({ type: 'Follow', id: `${actor.url}/follows/${++activityCount}`, actor: actor.url, object: target }, 'Follow')
  }

  interface PostOptions {
    keyId?: string
    privateKeyPem?: string
    date?: Date
    /** Replaces the body after signing. */
    sentBody?: string
    path?: string
    headers?: Record<string, string>
  }

  async function post (status: number, activity: object, signer: FakeActor | null, options: PostOptions = {}) {
    const path = options.path ?? '/inbox'
    const body = JSON.stringify(activity)
    const request = instance.api().post(path).set('Content-Type', 'application/activity+json')

    if (signer) {
      const headers = await signRequest({
        method: 'POST',
        url: instance.url + path,
        body,
        privateKeyPem: options.privateKeyPem ?? signer.keys.privateKeyPem,
        keyId: options.keyId ?? signer.url,
        date: options.date
      })
      request.set(headers)
    }
    if (options.headers) request.set(options.headers)
    return request.send(options.sentBody ?? body).expect(status)
  }

  async function followRows (actor: FakeActor) {
    return instance.sql<{ state: string }>(
      'SELECT f.state FROM "actorFollow" f JOIN actor a ON a.id = f."actorId" WHERE a.url = $1', [ actor.url ]
    )
  }

  async function expectNothingProcessed (actor: FakeActor) {
    // Processing happens after the reply: give it a moment to (not) happen.
    await new Promise(resolve => setTimeout(resolve, 1000))
    expect(await followRows(actor)).to.have.length(0)
    expect(remote.receivedJson(new URL(actor.inbox).pathname)).to.have.length(0)
  }

  it('refuses an unsigned activity with 401', async function () {
    const res = await post(401, followOf(alice), null)
    expect(res.headers['content-type']).to.match(/^application\/problem\+json/)
    await expectNothingProcessed(alice)
  })

  it('refuses a signature made with another key (forged) with 401', async function () {
    const forger = await generateRsaKeyPair()
    await post(401, followOf(alice), alice, { privateKeyPem: forger.privateKeyPem })
    await expectNothingProcessed(alice)
  })

  it('refuses a body that does not match its Digest with 401', async function () {
    const signed = followOf(alice)
    const tampered = JSON.stringify({ ...signed, object: `${instance.url}/accounts/root` })
    await post(401, signed, alice, { sentBody: tampered })
    await expectNothingProcessed(alice)
  })

  it('refuses a stale Date with 401', async function () {
    await post(401, followOf(alice), alice, { date: new Date(Date.now() - 2 * 60 * 60 * 1000) })
    await expectNothingProcessed(alice)
  })

  it('refuses with 403 an activity of another actor without that actor\'s LD signature', async function () {
    // Alice signs the request, but the activity claims to be Bob's.
    await post(403, followOf(bob), alice)
    await expectNothingProcessed(bob)
  })

  it('refuses with 403 an activity whose id is on another origin than its actor', async function () {
    const activity = { ...followOf(alice), id: `${instance.url}/somewhere/else` }
    await post(403, activity, alice)
    await expectNothingProcessed(alice)
  })

  it('accepts a signed Follow with 204, then follows back with a signed Accept', async function () {
    const follow = followOf(alice)
    await post(204, follow, alice)

    const rows = await waitUntil(async () => {
      const found = await followRows(alice)
      return found.length !== 0 && found
    })
    expect(rows[0].state).to.equal('accepted')

    const inboxPath = new URL(alice.inbox).pathname
    const delivery = await waitUntil(async () => remote.received.find(r => r.path === inboxPath))
    const accept = JSON.parse(delivery.body.toString('utf8'))
    expect(accept).to.deep.include({ type: 'Accept', actor: serverActorUrl })
    expect(accept.object).to.deep.include({ type: 'Follow', id: follow.id, actor: alice.url, object: serverActorUrl })
    expect(accept.signature).to.include({ type: 'RsaSignature2017', creator: serverActorUrl })

    // The delivery is signed by the server actor's key, keyId = actor URL (as PeerTube).
    const serverActor = await instance.api().get('/accounts/peertube').set('Accept', 'application/activity+json').expect(200)
    const verification = await verifyIncomingRequest({
      method: 'POST',
      path: inboxPath,
      headers: delivery.headers,
      rawBody: delivery.body,
      publicKeyPem: JSON.parse(serverActor.text).publicKey.publicKeyPem
    })
    expect(verification).to.include({ ok: true, keyId: serverActorUrl })
  })

  it('accepts a forwarded activity carrying a valid LD signature of its actor', async function () {
    const follow = await signLdDocument(followOf(bob), { privateKeyPem: bob.keys.privateKeyPem, creator: bob.url })
    await post(204, follow, alice)
    await waitUntil(async () => (await followRows(bob)).length !== 0)
  })

  it('takes a rotated key after fetching the actor again', async function () {
    const carol = await remote.addActor('carol')
    await post(204, followOf(carol, `${instance.url}/accounts/root`), carol)
    await waitUntil(async () => (await followRows(carol)).length !== 0)

    await remote.rotateKey('carol')
    const undo = withActivityPubContext({ type: 'Undo', id: `${carol.url}/undo/1`, actor: carol.url, object: followOf(carol, `${instance.url}/accounts/root`) }, 'Follow')
    await post(204, undo, carol)
    await waitUntil(async () => (await followRows(carol)).length === 0)
  })

  it('delivers to per-actor inboxes, and refuses unknown ones', async function () {
    const dave = await remote.addActor('dave')
    await post(204, followOf(dave, `${instance.url}/video-channels/root_channel`), dave, { path: '/video-channels/root_channel/inbox' })
    await waitUntil(async () => (await followRows(dave)).length !== 0)

    await post(404, followOf(dave), dave, { path: '/accounts/nobody/inbox' })
  })

  it('refuses bodies that are not ActivityPub JSON', async function () {
    await post(415, followOf(alice), alice, { headers: { 'Content-Type': 'text/plain' } })
  })
})
