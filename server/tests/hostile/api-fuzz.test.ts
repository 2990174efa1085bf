import { randomUUID } from 'node:crypto'
import { expect } from 'chai'
import { buildApp } from '../../app.js'
import { buildApiRouter } from '../../controllers/api/index.js'
import { feedsRouter } from '../../controllers/feeds/index.js'
import { servicesRouter } from '../../controllers/services.js'
import { TestInstance } from '../shared/test-instance.js'
import {
  hostileJsonBodies, hostileMultipartBodies, HOSTILE_JSON_VALUES, HOSTILE_STRINGS, numericBoundaries, RAW_PATH_SEGMENTS, sampleValue,
  type FuzzCase, type JsonSchema, type OpenApiOperation
} from './shared/fuzz-cases.js'
import { NON_API_ROUTES, nonApiCases, servedNonApiRoutes } from './shared/non-api-routes.js'
import { OutcomeTally } from './shared/outcomes.js'

// The REST fuzzer: every operation of GET /api/v1/openapi.json (generated from the ApiRouter declarations, so a
// new route is fuzzed without anyone listing it), with hostile path segments, query values, JSON fields, whole
// bodies, multipart bodies and encodings; then every route outside the API (files, ActivityPub, discovery, pages,
// tracker), walked from the declared table that express's router stack is checked against. Expected: no 5xx,
// every 4xx a problem+json without stack or path, and authenticated answers never cacheable.
// `npm test` runs a sample of every route's cases (a few each, a different few per route) against one instance
// under NODE_ENV=production: nothing in our code depends on NODE_ENV but the log format, and express's own
// fallback pages (HTML, with a stack trace outside production) are refused in any mode, so one mode finds what the
// others would. `npm run test:hostile` runs every case, as an administrator, a user and anonymously, under
// development, production and test.
const FULL = process.env.TUBELESS_HOSTILE === 'full'
const SHORT_CASES_PER_OPERATION = 2
const SHORT_CASES_PER_NON_API_ROUTE = 3
/** TUBELESS_HOSTILE_PROFILE=1 prints the 40 slowest requests and the time spent waiting for answers. */
const PROFILE: [ number, string ][] = []
const MODES = FULL ? [ 'development', 'production', 'test' ] : [ 'production' ]

for (const mode of MODES) {
  describe(`Hostile REST clients: every route of the OpenAPI document (NODE_ENV=${mode})`, function () {
    const instance = new TestInstance(1)
    const tally = new OutcomeTally(`REST fuzz (${mode})`)
    let userToken = ''
    let operations: { path: string, method: string, operation: OpenApiOperation }[] = []

    before(async function () {
      await instance.flushAndStart({
        env: { NODE_ENV: mode, NODE_CONFIG_ENV: 'test', PT_INITIAL_ROOT_PASSWORD: instance.rootPassword },
        config: { rates_limit: { api: { max: 1_000_000 }, login: { max: 1_000_000 } } }
      })
      // The full run also fuzzes as a plain user.
      if (FULL) {
        await instance.api().post('/api/v1/users').set('Authorization', `Bearer ${instance.accessToken}`)
          .send({ username: 'fuzzer', password: 'fuzzer-password', email: 'fuzzer@example.com', role: 2, videoQuota: -1, videoQuotaDaily: -1 })
          .expect(200)
        userToken = await instance.login('fuzzer', 'fuzzer-password')
      }

      const document = (await instance.api().get('/api/v1/openapi.json').expect(200)).body as { paths: Record<string, Record<string, OpenApiOperation>> }
      operations = Object.entries(document.paths).flatMap(([ path, methods ]) =>
        Object.entries(methods).map(([ method, operation ]) => ({ path, method, operation })))
      // What could end the session or empty the instance goes last.
      const rank = (o: { method: string, operation: OpenApiOperation }) =>
        (o.operation.operationId === 'revokeOAuthToken' ? 2 : 0) + (o.method === 'delete' ? 1 : 0)
      operations.sort((a, b) => rank(a) - rank(b))
    })

    after(async function () {
      await instance.stop()
    })

    it('finds every route of the router in the OpenAPI document, and nothing else', function () {
      // The routes express really serves under /api/v1 (what buildApiRouter mounts, walked layer by layer, and the
      // feeds and services routers app.ts mounts beside it),
      // against the operations the instance documents: a route added outside ApiRouter, or a declaration that
      // serves nothing, is a difference.
      const documented = operations.map(o => `${o.method} ${o.path}`).sort()
      const served = servedApiRoutes().sort()
      expect(served.length).to.be.at.least(100)
      expect(served.filter(route => !documented.includes(route)), 'served but not documented').to.deep.equal([])
      expect(documented.filter(route => !served.includes(route)), 'documented but not served').to.deep.equal([])
      expect(new Set(operations.map(o => o.operation.operationId)).size, 'operation ids are unique').to.equal(operations.length)
    })

    it('finds every route outside the API in the declared table, and nothing else', function () {
      // What the application really serves (its router stack, walked layer by layer) against NON_API_ROUTES:
      // a new route must be declared there, so the fuzz below probes it.
      const documented = new Set(operations.map(o => `${o.method} ${o.path.replace(/\{(\w+)\}/g, ':$1')}`))
      const served = servedNonApiRoutes(buildApp(), documented)
      const declared = NON_API_ROUTES.filter(entry => !entry.outsideExpress).map(entry => entry.route)
      expect(served.length).to.be.at.least(50)
      expect(served.filter(route => !declared.includes(route)), 'served but not declared in server/tests/hostile/shared/non-api-routes.ts').to.deep.equal([])
      expect(declared.filter(route => !served.includes(route)), 'declared but not served').to.deep.equal([])
    })

    it('answers every hostile request with a 2xx/3xx or a 4xx problem, never a 5xx, a stack trace or a path', async function () {
      this.timeout(FULL ? 3_600_000 : 240_000)
      let adminToken = instance.accessToken

      for (const [ index, { path, method, operation } ] of operations.entries()) {
        // A fuzzed request may have revoked the token (it was refused since): log in again.
        if (adminTokenRefused) {
          adminToken = await instance.login('root', instance.rootPassword)
          adminTokenRefused = false
        }
        const all = buildCases(path, method, operation)
        const cases = FULL ? all : sample(all, SHORT_CASES_PER_OPERATION, index)
        const identities: [ string, string | undefined ][] = FULL
          ? [ [ 'admin', adminToken ], [ 'user', userToken ], [ 'anonymous', undefined ] ]
          : [ [ 'admin', adminToken ] ]

        for (const fuzzCase of cases) {
          for (const [ who, token ] of identities) await send(fuzzCase, who, token)
        }
        // The short run also tries a third case of each operation anonymously (authentication before validation).
        if (!FULL) await send(sample(all, 1, index + SHORT_CASES_PER_OPERATION)[0], 'anonymous', undefined)
      }

      for (const [ index, entry ] of NON_API_ROUTES.entries()) {
        const all = nonApiCases(entry)
        for (const fuzzCase of FULL ? all : sample(all, SHORT_CASES_PER_NON_API_ROUTE, index)) await send(fuzzCase, 'anonymous', undefined)
      }

      if (process.env.TUBELESS_HOSTILE_PROFILE) {
        PROFILE.sort((a, b) => b[0] - a[0])
        process.stdout.write(PROFILE.slice(0, 40).map(([ ms, label ]) => `${ms} ms ${label.slice(0, 150)}`).join('\n') + `\ntotal ${PROFILE.reduce((t, p) => t + p[0], 0)} ms\n`)
      }
      tally.assertClean()
      expect(tally.total).to.be.at.least(FULL ? 20_000 : 600)
    })

    let adminTokenRefused = false

    async function send (fuzzCase: FuzzCase, who: string, token: string | undefined) {
      const url = fuzzCase.query ? `${fuzzCase.path}?${fuzzCase.query}` : fuzzCase.path
      // Bodies are read as text here; an event stream (notifications) is answered once its headers arrived.
      const request = (instance.api() as any)[fuzzCase.method](url).timeout(60_000).buffer(true)
        .parse((response: import('node:http').IncomingMessage, done: (err: Error | null, body: string) => void) => {
          if (/text\/event-stream/.test(String(response.headers['content-type']))) {
            response.destroy()
            return done(null, '')
          }
          const chunks: Buffer[] = []
          response.on('data', (chunk: Buffer) => chunks.push(chunk))
          response.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')))
          response.on('error', err => done(err, ''))
        })
      if (token) request.set('Authorization', `Bearer ${token}`)
      if (fuzzCase.headers) request.set(fuzzCase.headers)

      const label = `${who} ${fuzzCase.method.toUpperCase()} ${url.slice(0, 120)} [${fuzzCase.label}]`
      let res
      const started = Date.now()
      try {
        res = fuzzCase.body !== undefined ? await request.send(fuzzCase.body) : await request
      } catch (err) {
        // A reply supertest could not read is a broken reply too (except an unparsable body, whose text we have).
        const response = (err as { response?: unknown }).response as typeof res | undefined
        if (!response) {
          tally.record(label, { status: 599, headers: {}, text: String((err as Error).message) })
          return
        }
        res = response
      }
      tally.record(label, { status: res.status, headers: res.headers, text: typeof res.body === 'string' ? res.body : res.text ?? '' })
      if (who === 'admin' && res.status === 401) adminTokenRefused = true
      if (process.env.TUBELESS_HOSTILE_PROFILE) PROFILE.push([ Date.now() - started, label ])
      if (token && res.status < 300 && !/no-store/.test(String(res.headers['cache-control']))) {
        tally.violations.push(`${label}: an authenticated answer without Cache-Control: private, no-store`)
      }
    }
  })
}

interface RouterLayer { route?: { path: unknown, methods: Record<string, boolean> }, handle?: { stack?: RouterLayer[] } }

/** `method /api/v1/path/{param}` for every route of the API router as express holds it. */
function servedApiRoutes () {
  const routes: string[] = []
  const walk = (stack: RouterLayer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const path = typeof layer.route.path === 'string' ? layer.route.path.replace(/:(\w+)/g, '{$1}') : `(not a string path: ${String(layer.route.path)})`
        for (const method of Object.keys(layer.route.methods)) routes.push(`${method} ${prefix}${path}`)
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack, prefix)
      }
    }
  }
  walk((buildApiRouter() as unknown as { stack: RouterLayer[] }).stack, '/api/v1')
  // Declared with ApiRouter outside /api/v1, so documented too: feeds (mounted at /feeds), OEmbed and the sitemap.
  walk((feedsRouter.router as unknown as { stack: RouterLayer[] }).stack, '/feeds')
  walk((servicesRouter.router as unknown as { stack: RouterLayer[] }).stack, '')
  return routes
}

/** Every hostile variant of one operation. */
function buildCases (path: string, method: string, operation: OpenApiOperation): FuzzCase[] {
  const pathParams = operation.parameters.filter(p => p.in === 'path')
  const queryParams = operation.parameters.filter(p => p.in === 'query')
  const baselineSegment = (name: string) => {
    const schema = pathParams.find(p => p.name === name)?.schema
    const sample = sampleValue(schema)
    return encodeURIComponent(schema && (schema.enum || schema.type === 'integer' || schema.type === 'number') ? String(sample) : name === 'id' ? '1' : randomUUID())
  }
  const fill = (overrides: Record<string, string> = {}) =>
    path.replace(/\{(\w+)\}/g, (_, name: string) => overrides[name] ?? baselineSegment(name))
  const cases: FuzzCase[] = [ { label: 'baseline', method, path: fill() } ]

  for (const param of pathParams) {
    for (const raw of RAW_PATH_SEGMENTS) cases.push({ label: `${param.name} raw ${raw}`, method, path: fill({ [param.name]: raw }) })
    for (const value of HOSTILE_STRINGS) cases.push({ label: `${param.name} = ${JSON.stringify(value.slice(0, 20))}`, method, path: fill({ [param.name]: percentEncode(value) || '%20' }) })
  }

  for (const param of queryParams) {
    const numeric = param.schema.type === 'number' || param.schema.type === 'integer'
    const values = [ ...HOSTILE_STRINGS, ...(numeric ? numericBoundaries(param.schema) : []) ]
    for (const value of values) cases.push({ label: `?${param.name} = ${JSON.stringify(value.slice(0, 20))}`, method, path: fill(), query: `${param.name}=${percentEncode(value)}` })
    cases.push({ label: `?${param.name} repeated 200 times`, method, path: fill(), query: Array(200).fill(`${param.name}=1`).join('&') })
    cases.push({ label: `?${param.name} nested`, method, path: fill(), query: `${param.name}[]=1&${param.name}[a][b][c][d][e][f][g]=1` })
    cases.push({ label: `?${param.name} prototype`, method, path: fill(), query: `${param.name}[__proto__][x]=1&__proto__[y]=1` })
  }
  cases.push({ label: 'unknown query parameters', method, path: fill(), query: 'zzz=1&' + 'q'.repeat(3000) + '=2' })

  const body = operation.requestBody ? Object.entries(operation.requestBody.content)[0] : undefined
  if (body && body[0] === 'multipart/form-data') {
    const fileField = Object.keys(body[1].schema.properties ?? {}).find(name => name.endsWith('file')) ?? 'videofile'
    for (const [ label, contentType, raw ] of hostileMultipartBodies(fileField)) {
      const headers: Record<string, string> = { 'Content-Type': contentType }
      if (label.startsWith('gzip')) headers['Content-Encoding'] = 'gzip'
      cases.push({ label, method, path: fill(), body: raw, headers })
    }
  }
  if (body) {
    for (const [ label, contentType, raw, extra ] of hostileJsonBodies()) cases.push({ label, method, path: fill(), body: raw, headers: { 'Content-Type': contentType, ...extra } })
    cases.push(...jsonFieldCases(method, fill(), body[1].schema))
  } else if (method !== 'get') {
    cases.push({ label: 'unexpected body', method, path: fill(), body: '{"a":' + '['.repeat(10_000), headers: { 'Content-Type': 'application/json' } })
  }
  return cases
}

/** encodeURIComponent, except that a lone surrogate (which it refuses) is sent as the bytes of its invalid UTF-8 form. */
function percentEncode (value: string) {
  try {
    return encodeURIComponent(value)
  } catch {
    return value.split('').map(c => /[\ud800-\udfff]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c)).join('')
  }
}

/** One field at a time set to a hostile JSON value, the others plausible; then the body without its required fields. */
function jsonFieldCases (method: string, path: string, schema: JsonSchema): FuzzCase[] {
  const baseline = sampleValue(schema)
  const base = typeof baseline === 'object' && baseline !== null && !Array.isArray(baseline) ? baseline as Record<string, unknown> : {}
  const fields = [ ...Object.keys(schema.properties ?? {}), 'unknownField' ]
  const headers = { 'Content-Type': 'application/json' }
  const cases: FuzzCase[] = [
    { label: 'plausible body', method, path, body: JSON.stringify(base), headers },
    { label: 'empty object', method, path, body: '{}', headers }
  ]
  for (const field of fields) {
    for (const raw of HOSTILE_JSON_VALUES) {
      // The body is written only if the case is sent (the short run sends a few of thousands).
      cases.push({
        label: `${field} = ${raw.slice(0, 20)}`, method, path, headers,
        get body () { return JSON.stringify({ ...base, [field]: '__FUZZ__' }).replace('"__FUZZ__"', () => raw) }
      })
    }
  }
  return cases
}

/** `count` cases spread over the list, starting at a different place for each operation. */
function sample<T> (items: T[], count: number, offset: number) {
  if (items.length <= count) return items
  const stride = items.length / count
  return Array.from({ length: count }, (_, i) => items[Math.floor((i * stride + offset) % items.length)])
}
