import { connect } from 'node:net'
import { expect } from 'chai'
import { TestInstance } from '../shared/test-instance.js'

describe('Hostile HTTP: headers, limits and bodies that break parsers', function () {
  const instance = new TestInstance(1)
  const asAdmin = () => ({ Authorization: `Bearer ${instance.accessToken}` })

  before(async function () {
    await instance.flushAndStart()
  })

  after(async function () {
    await instance.stop()
  })

  function expectProblem (res: { status: number, headers: Record<string, string>, text: string }, status: number) {
    expect(res.status, res.text).to.equal(status)
    expect(res.headers['content-type']).to.match(/^application\/problem\+json/)
    expect(res.text).to.not.match(/<html|\bat [\w.]+ \(|node_modules|\/work\//i)
    return JSON.parse(res.text) as { status: number, detail: string, 'invalid-params'?: Record<string, { msg: string, value?: unknown }> }
  }

  /** Sends raw bytes and returns what came back (the server closes the connection after an error). */
  function rawRequest (payload: string) {
    return new Promise<string>((resolve, reject) => {
      const socket = connect(instance.port, '127.0.0.1', () => socket.end(payload))
      const chunks: Buffer[] = []
      socket.on('data', chunk => chunks.push(chunk))
      socket.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
      socket.on('error', reject)
    })
  }

  describe('Security headers', function () {
    it('gives pages a Content-Security-Policy the client works under, and the usual protections', async function () {
      const res = await instance.api().get('/videos/recently-added').set('Accept', 'text/html').expect(200)
      const csp = res.headers['content-security-policy']
      expect(csp).to.include('default-src \'self\'')
      expect(csp).to.include('script-src \'self\'')
      expect(csp).to.include('object-src \'none\'')
      expect(csp).to.include('frame-ancestors \'self\'')
      expect(csp).to.match(/media-src [^;]*blob:/)
      expect(csp).to.match(/worker-src [^;]*blob:/)
      expect(csp).to.match(/connect-src [^;]*ws:/)
      expect(res.headers['x-content-type-options']).to.equal('nosniff')
      expect(res.headers['referrer-policy']).to.equal('strict-origin-when-cross-origin')
      expect(res.headers['x-frame-options']).to.equal('SAMEORIGIN')
      expect(res.headers['cross-origin-resource-policy']).to.equal('cross-origin')
      expect(res.headers['x-powered-by']).to.equal(undefined)
    })

    it('lets any site frame the embed page, and nothing else', async function () {
      const res = await instance.api().get('/videos/embed/some-video').set('Accept', 'text/html').expect(200)
      expect(res.headers['content-security-policy']).to.include('frame-ancestors *')
      expect(res.headers['x-frame-options']).to.equal(undefined)
    })

    it('gives API answers a CSP that allows nothing, and static files nosniff', async function () {
      const api = await instance.api().get('/api/v1/config').expect(200)
      expect(api.headers['content-security-policy']).to.include('default-src \'none\'')
      expect(api.headers['x-content-type-options']).to.equal('nosniff')
      const file = await instance.api().get('/webtorrent-sw.js').expect(200)
      expect(file.headers['x-content-type-options']).to.equal('nosniff')
    })

    it('keeps answers made for a logged-in user out of every cache', async function () {
      const me = await instance.api().get('/api/v1/users/me').set(asAdmin()).expect(200)
      expect(me.headers['cache-control']).to.equal('private, no-store')
      expect(me.headers.vary).to.match(/Authorization/i)

      const anonymous = await instance.api().get('/api/v1/videos').expect(200)
      expect(anonymous.headers['cache-control'] ?? '').to.not.include('private')

      const client = await instance.api().get('/api/v1/oauth-clients/local').expect(200)
      const token = await instance.api().post('/api/v1/users/token').type('form')
        .send({ client_id: client.body.client_id, client_secret: client.body.client_secret, grant_type: 'password', username: 'root', password: instance.rootPassword })
        .expect(200)
      expect(token.headers['cache-control']).to.include('no-store')
    })
  })

  describe('Requests Node refuses before the application', function () {
    it('answers oversized headers with a 431 problem', async function () {
      const reply = await rawRequest(`GET /api/v1/config HTTP/1.1\r\nHost: ${instance.host}\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`)
      expect(reply).to.match(/^HTTP\/1\.1 431 /)
      expect(reply).to.include('Content-Type: application/problem+json')
      expect(JSON.parse(reply.split('\r\n\r\n')[1])).to.include({ status: 431 })
    })

    it('answers a malformed request with a 400 problem', async function () {
      for (const payload of [ 'GARBAGE\r\n\r\n', 'GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n', 'POST /inbox HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n' ]) {
        const reply = await rawRequest(payload)
        expect(reply, payload).to.match(/^HTTP\/1\.1 400 /)
        expect(reply).to.include('application/problem+json')
      }
    })
  })

  describe('Bodies', function () {
    it('refuses a value nested 5000 deep in a validated field with a 400 naming the field, not a stack overflow', async function () {
      const deep = '['.repeat(5000) + ']'.repeat(5000)
      const res = await instance.api().put('/api/v1/users/me').set(asAdmin()).set('Content-Type', 'application/json')
        .send(`{"displayName":${deep}}`)
      const problem = expectProblem(res, 400)
      expect(problem['invalid-params']).to.have.property('displayName')

      const deeper = await instance.api().post('/api/v1/users/me/subscriptions').set(asAdmin()).set('Content-Type', 'application/json').send('['.repeat(100_000) + ']'.repeat(100_000))
      expectProblem(deeper, 400)
    })

    it('never echoes a large value back', async function () {
      const res = await instance.api().put('/api/v1/users/me').set(asAdmin()).send({ displayName: 'x'.repeat(100_000) })
      const problem = expectProblem(res, 400)
      expect(res.text.length).to.be.below(2000)
      expect(String(problem['invalid-params']?.displayName?.value).length).to.be.below(300)
    })

    it('refuses NUL characters and lone surrogates, wherever they are', async function () {
      expectProblem(await instance.api().get('/api/v1/videos').query({ search: 'a\u0000b' }), 400)
      expectProblem(await instance.api().get('/api/v1/accounts/a%00b'), 400)
      expectProblem(await instance.api().put('/api/v1/users/me').set(asAdmin()).set('Content-Type', 'application/json').send('{"displayName":"\\ud800"}'), 400)
    })

    it('answers bad encodings and charsets with a 4xx problem', async function () {
      expectProblem(await instance.api().put('/api/v1/users/me').set(asAdmin()).set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send('{"a":1}'), 400)
      expectProblem(await instance.api().put('/api/v1/users/me').set(asAdmin()).set('Content-Type', 'application/json; charset=latin1').send('{"a":1}'), 415)
      expectProblem(await instance.api().put('/api/v1/users/me').set(asAdmin()).set('Content-Type', 'application/json; charset=utf-99').send('{"a":1}'), 415)
      expectProblem(await instance.api().put('/api/v1/users/me').set(asAdmin()).set('Content-Type', 'application/json').set('Content-Encoding', 'compress').send('{"a":1}'), 415)
    })

    it('answers malformed multipart bodies on every upload route with a 400 problem naming the file field', async function () {
      const boundary = 'hostile'
      const truncated = (field: string) => `--${boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\nx\r\n--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\nabc`
      const routes: [ 'post' | 'put', string, string ][] = [
        [ 'post', '/api/v1/videos/upload', 'videofile' ],
        [ 'put', '/api/v1/videos/00000000-0000-4000-8000-000000000000', 'thumbnailfile' ],
        [ 'post', '/api/v1/users/me/avatar/pick', 'avatarfile' ],
        [ 'post', '/api/v1/video-channels/root_channel/avatar/pick', 'avatarfile' ],
        [ 'post', '/api/v1/video-channels/root_channel/banner/pick', 'bannerfile' ]
      ]
      for (const [ method, path, field ] of routes) {
        for (const [ contentType, body ] of [
          [ `multipart/form-data; boundary=${boundary}`, truncated(field) ],
          [ 'multipart/form-data', `--${boundary}\r\n` ],
          [ `multipart/form-data; boundary=${boundary}`, `--${boundary}\r\nContent-Disposition form-data\r\n\r\nx\r\n--${boundary}--\r\n` ]
        ]) {
          const res = await instance.api()[method](path).set(asAdmin()).set('Content-Type', contentType).send(body)
          const problem = expectProblem(res, 400)
          expect(problem['invalid-params'], `${path} ${contentType}`).to.have.property(field)
        }
      }
    })

    it('refuses NUL characters and text that is no UTF-8 in multipart text fields with a 400 naming the field, changing nothing', async function () {
      const boundary = 'hostiletext'
      const form = (fields: [ string, string | Buffer ][]) => Buffer.concat([
        ...fields.map(([ name, value ]) => Buffer.concat([
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`), Buffer.from(value), Buffer.from('\r\n')
        ])),
        Buffer.from(`--${boundary}--\r\n`)
      ])
      const send = (method: 'post' | 'put', path: string, fields: [ string, string | Buffer ][]) => instance.api()[method](path).set(asAdmin())
        .set('Content-Type', `multipart/form-data; boundary=${boundary}`).send(form(fields))

      const created = await send('post', '/api/v1/video-playlists', [ [ 'displayName', 'Untouched' ], [ 'privacy', '3' ] ]).expect(200)
      const playlist = `/api/v1/video-playlists/${created.body.videoPlaylist.uuid}`
      // A lone surrogate (U+D800) encoded on its own, and a truncated sequence: bytes no UTF-8 decoder accepts.
      const loneSurrogate = Buffer.from([ 0x61, 0xed, 0xa0, 0x80, 0x62 ])
      const truncated = Buffer.from([ 0x61, 0xe2, 0x82 ])
      const cases: [ 'post' | 'put', string, [ string, string | Buffer ][], string ][] = [
        [ 'post', '/api/v1/video-playlists', [ [ 'displayName', 'a\u0000b' ], [ 'privacy', '3' ] ], 'displayName' ],
        [ 'post', '/api/v1/video-playlists', [ [ 'displayName', loneSurrogate ], [ 'privacy', '3' ] ], 'displayName' ],
        [ 'put', playlist, [ [ 'description', 'a description\u0000' ] ], 'description' ],
        [ 'put', playlist, [ [ 'displayName', truncated ] ], 'displayName' ],
        [ 'post', '/api/v1/videos/upload', [ [ 'name', 'a\u0000b' ], [ 'channelId', '1' ] ], 'name' ],
        [ 'post', '/api/v1/videos/upload', [ [ 'name', 'fine' ], [ 'description', loneSurrogate ], [ 'channelId', '1' ] ], 'description' ],
        [ 'put', '/api/v1/videos/00000000-0000-4000-8000-000000000000', [ [ 'name', 'a\u0000b' ] ], 'name' ]
      ]
      for (const [ method, path, fields, field ] of cases) {
        const problem = expectProblem(await send(method, path, fields), 400)
        expect(problem['invalid-params'], `${method} ${path} ${field}`).to.have.property(field)
      }

      const after = await instance.api().get(playlist).set(asAdmin()).expect(200)
      expect(after.body).to.include({ displayName: 'Untouched', description: null })
      const all = await instance.api().get('/api/v1/accounts/root/video-playlists').set(asAdmin()).expect(200)
      expect(all.body.data.filter((p: { displayName: string }) => p.displayName !== 'Untouched' && p.displayName !== 'Watch later')).to.have.length(0)
    })

    it('answers what no route takes with a 404 problem, not an HTML page', async function () {
      expectProblem(await instance.api().post('/videos/watch/x').send({}), 404)
      expectProblem(await instance.api().put('/'), 404)
      expectProblem(await instance.api().get('/assets/nothing-here.js'), 404)
    })
  })
})
