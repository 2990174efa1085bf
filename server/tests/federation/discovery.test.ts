import { expect } from 'chai'
import { TestInstance } from '../shared/test-instance.js'
import { keyPaths, loadReference } from './shared/reference.js'

const AP_ACCEPT = 'application/activity+json'
const LD_ACCEPT = 'application/ld+json; profile="https://www.w3.org/ns/activitystreams"'

describe('Federation discovery and actor documents', function () {
  const instance = new TestInstance(1)

  before(async function () {
    await instance.flushAndStart()
  })

  after(async function () {
    await instance.stop()
  })

  async function getActivityPub (path: string, accept = AP_ACCEPT) {
    const res = await instance.api().get(path).set('Accept', accept).expect(200)
    expect(res.headers['content-type']).to.match(/^application\/activity\+json/)
    return JSON.parse(res.text) as Record<string, unknown>
  }

  describe('WebFinger', function () {
    it('describes an account like PeerTube does', async function () {
      const res = await instance.api().get(`/.well-known/webfinger?resource=acct:root@${instance.host}`).expect(200)
      expect(res.headers['access-control-allow-origin']).to.equal('*')

      const body = JSON.parse(res.text)
      expect(keyPaths(body)).to.deep.equal(keyPaths(loadReference('webfinger.json')))
      expect(body.subject).to.equal(`acct:root@${instance.host}`)
      expect(body.aliases).to.deep.equal([ `${instance.url}/accounts/root` ])
      expect(body.links[0]).to.deep.equal({ rel: 'self', type: 'application/activity+json', href: `${instance.url}/accounts/root` })
      expect(body.links[1].template).to.equal(`${instance.url}/remote-interaction?uri={uri}`)
    })

    it('finds channels, the server actor, and actors given by URL', async function () {
      const channel = await instance.api().get(`/.well-known/webfinger?resource=acct:root_channel@${instance.host}`).expect(200)
      expect(JSON.parse(channel.text).links[0].href).to.equal(`${instance.url}/video-channels/root_channel`)

      const server = await instance.api().get(`/.well-known/webfinger?resource=acct:peertube@${instance.host}`).expect(200)
      expect(JSON.parse(server.text).links[0].href).to.equal(`${instance.url}/accounts/peertube`)

      const byUrl = await instance.api().get(`/.well-known/webfinger?resource=${encodeURIComponent(`${instance.url}/accounts/root`)}`).expect(200)
      expect(JSON.parse(byUrl.text).subject).to.equal(`acct:root@${instance.host}`)
    })

    it('answers a 404 problem for unknown names and other hosts, a 400 without resource', async function () {
      const unknown = await instance.api().get(`/.well-known/webfinger?resource=acct:nobody@${instance.host}`).expect(404)
      expect(unknown.headers['content-type']).to.match(/^application\/problem\+json/)

      await instance.api().get('/.well-known/webfinger?resource=acct:root@example.com').expect(404)
      await instance.api().get('/.well-known/webfinger?resource=https%3A%2F%2Fexample.com%2Faccounts%2Froot').expect(404)
      await instance.api().get('/.well-known/webfinger').expect(400)
    })
  })

  describe('NodeInfo and host-meta', function () {
    it('links the NodeInfo 2.0 document and the server actor', async function () {
      const res = await instance.api().get('/.well-known/nodeinfo').expect(200)
      expect(keyPaths(res.body)).to.deep.equal(keyPaths(loadReference('nodeinfo-links.json')))
      expect(res.body.links[0]).to.deep.equal({ rel: 'http://nodeinfo.diaspora.software/ns/schema/2.0', href: `${instance.url}/nodeinfo/2.0.json` })
      expect(res.body.links[1].href).to.equal(`${instance.url}/accounts/peertube`)
    })

    it('serves NodeInfo 2.0 shaped like PeerTube\'s, with our usage figures', async function () {
      const res = await instance.api().get('/nodeinfo/2.0.json').expect(200)
      expect(res.headers['content-type']).to.include('profile="http://nodeinfo.diaspora.software/ns/schema/2.0#"')

      const body = JSON.parse(res.text)
      const reference = loadReference('nodeinfo.json')
      // Everything PeerTube publishes is there (we may publish more inside nodeConfig).
      expect(keyPaths(body)).to.include.members(keyPaths(reference))
      expect(body.software.name).to.equal('tubeless')
      expect(body.protocols).to.deep.equal([ 'activitypub' ])
      expect(body.usage.users.total).to.equal(1)
      expect(body.usage.localPosts).to.equal(0)
      expect(body.metadata.nodeName).to.equal('Tubeless test 1')
    })

    it('serves host-meta pointing at WebFinger', async function () {
      const res = await instance.api().get('/.well-known/host-meta').expect(200)
      expect(res.headers['content-type']).to.match(/^application\/xrd\+xml/)
      const expected = loadReference<string>('host-meta.xml').replace('http://127.0.0.1:9001', instance.url)
      expect(res.text.trim()).to.equal(expected.trim())
    })
  })

  describe('Actor documents', function () {
    it('serves an account as a Person with the members of PeerTube\'s', async function () {
      const person = await getActivityPub('/accounts/root')
      const reference = loadReference('ap-person.json')

      expect(keyPaths(person)).to.deep.equal(keyPaths(reference))
      expect(person['@context']).to.deep.equal(reference['@context'])
      expect(person).to.include({ type: 'Person', id: `${instance.url}/accounts/root`, preferredUsername: 'root', name: 'root' })
      expect(person.inbox).to.equal(`${instance.url}/accounts/root/inbox`)
      expect(person.endpoints).to.deep.equal({ sharedInbox: `${instance.url}/inbox` })
      const publicKey = person.publicKey as Record<string, string>
      expect(publicKey.id).to.equal(`${instance.url}/accounts/root#main-key`)
      expect(publicKey.owner).to.equal(`${instance.url}/accounts/root`)
      expect(publicKey.publicKeyPem).to.match(/^-----BEGIN PUBLIC KEY-----/)
    })

    it('serves a channel as a Group attributed to its account', async function () {
      const group = await getActivityPub('/video-channels/root_channel', LD_ACCEPT)
      const reference = loadReference('ap-group.json')

      expect(keyPaths(group)).to.deep.equal(keyPaths(reference))
      expect(group['@context']).to.deep.equal(reference['@context'])
      expect(group).to.include({ type: 'Group', name: 'Main root channel', support: null, postingRestrictedToMods: true })
      expect(group.attributedTo).to.deep.equal([ { type: 'Person', id: `${instance.url}/accounts/root` } ])
      expect(group.playlists).to.equal(`${instance.url}/video-channels/root_channel/playlists`)
    })

    it('serves the server actor as an Application', async function () {
      const application = await getActivityPub('/accounts/peertube')
      expect(keyPaths(application)).to.deep.equal(keyPaths(loadReference('ap-server-actor.json')))
      expect(application).to.include({ type: 'Application', preferredUsername: 'peertube' })
    })

    it('does not serve a channel under /accounts, nor unknown actors', async function () {
      await instance.api().get('/accounts/root_channel').set('Accept', AP_ACCEPT).expect(404)
      await instance.api().get('/video-channels/root').set('Accept', AP_ACCEPT).expect(404)
      await instance.api().get('/accounts/nobody').set('Accept', AP_ACCEPT).expect(404)
    })

    it('leaves browsers to the web client', async function () {
      for (const accept of [ 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8', '*/*', 'application/json' ]) {
        const res = await instance.api().get('/accounts/root').set('Accept', accept)
        expect(res.headers['content-type'] ?? '', accept).not.to.match(/activity\+json|ld\+json/)
        expect(res.text, accept).not.to.include('"preferredUsername"')
      }
    })
  })

  describe('Collections', function () {
    it('serves an empty outbox as PeerTube does, and its pages', async function () {
      const outbox = await getActivityPub('/accounts/root/outbox')
      expect(outbox).to.deep.include({ id: `${instance.url}/accounts/root/outbox`, type: 'OrderedCollection', totalItems: 0 })
      expect(outbox).not.to.have.property('first')

      const page = await getActivityPub('/accounts/root/outbox?page=1')
      expect(page).to.deep.include({
        id: `${instance.url}/accounts/root/outbox?page=1`,
        type: 'OrderedCollectionPage',
        partOf: `${instance.url}/accounts/root/outbox`,
        orderedItems: [],
        totalItems: 0
      })
    })

    it('serves followers, following and playlists collections of accounts and channels', async function () {
      for (const path of [ '/accounts/peertube/followers', '/accounts/root/following', '/video-channels/root_channel/followers', '/video-channels/root_channel/playlists' ]) {
        const collection = await getActivityPub(path)
        expect(collection, path).to.include({ id: instance.url + path, type: 'OrderedCollection', totalItems: 0 })
      }
    })
  })

  describe('API description', function () {
    it('documents the follow and subscription routes', async function () {
      const res = await instance.api().get('/api/v1/openapi.json').expect(200)
      expect(res.body.paths['/api/v1/server/following'].post.operationId).to.equal('addServerFollowing')
      expect(res.body.paths['/api/v1/server/followers/{nameWithHost}/accept'].post).to.be.an('object')
      expect(res.body.paths['/api/v1/users/me/subscriptions'].post.requestBody).to.be.an('object')
    })
  })
})
