import { randomUUID } from 'node:crypto'
import { HOSTILE_STRINGS, RAW_PATH_SEGMENTS, type FuzzCase } from './fuzz-cases.js'

// The routes outside /api/v1 (files, ActivityPub, discovery, pages, the tracker), declared once: the hostile fuzz
// walks express's router stack of the real application (buildApp) and fails on any route missing here, or declared
// here and no longer served. Each route is probed from its pattern: every `:param` (or the rest of a mounted path)
// replaced by hostile values, odd queries, other methods and bodies. A new route is therefore covered as soon as it
// is declared, and cannot be forgotten.
//
// The routes ApiRouter documents (under /api/v1, /feeds, /services, /sitemap.xml) are not here: the OpenAPI walk
// covers them.

export interface NonApiRoute {
  /**
   * How the walk names it: `get /path/:param` for a route (paths of one route joined by commas), `use /mount/` for a
   * middleware or static folder mounted on a path, `use / (serveStatic)` for static files served from the root,
   * a regular expression's source for a pattern route.
   */
  route: string
  /** Sample paths, for routes whose pattern cannot be filled in (regular expressions, the root). */
  samples?: string[]
  /** The query parameter fuzzed values go into, for a route without path parameters (default `q`). */
  query?: string
  /** Served by server.ts before express sees the request (so not in the walk). */
  outsideExpress?: boolean
}

export const NON_API_ROUTES: NonApiRoute[] = [
  // Files (lazy-static, static, download)
  { route: 'use /lazy-static' },
  { route: 'use /lazy-static/avatars/' },
  { route: 'use /lazy-static/banners/' },
  { route: 'get /lazy-static/thumbnails/:filename' },
  { route: 'get /lazy-static/previews/:filename' },
  { route: 'use /lazy-static/video-captions/' },
  { route: 'use /lazy-static/storyboards/' },
  { route: 'use /static,/lazy-static,/download' },
  { route: 'use /static/web-videos/private/' },
  { route: 'use /static/web-videos/' },
  { route: 'use /static/streaming-playlists/hls/private/' },
  { route: 'use /static/streaming-playlists/hls/' },
  { route: 'get /static/live-relay/:uuid/:filename' },
  { route: 'use /static/redundancy/' },
  { route: 'use /lazy-static/thumbnails/' },
  { route: 'use /lazy-static/previews/' },
  { route: 'use /lazy-static/torrents/' },
  { route: 'get /download/torrents/:filename' },
  { route: 'get /download/web-videos/:filename' },
  { route: 'get /download/streaming-playlists/hls/videos/:filename' },
  // Discovery
  { route: 'get /.well-known/webfinger', query: 'resource' },
  { route: 'get /.well-known/nodeinfo' },
  { route: 'get /nodeinfo/2.0.json' },
  { route: 'get /.well-known/host-meta' },
  // ActivityPub
  { route: 'post /inbox' },
  { route: 'post /accounts/:name/inbox' },
  { route: 'post /video-channels/:name/inbox' },
  { route: 'get /accounts/:name' },
  { route: 'get /accounts/:name/followers' },
  { route: 'get /accounts/:name/following' },
  { route: 'get /accounts/:name/outbox' },
  { route: 'get /accounts/:name/playlists' },
  { route: 'get /video-channels/:name' },
  { route: 'get /video-channels/:name/followers' },
  { route: 'get /video-channels/:name/following' },
  { route: 'get /video-channels/:name/outbox' },
  { route: 'get /video-channels/:name/playlists' },
  { route: 'get /videos/watch/:id,/w/:id' },
  { route: 'get /videos/watch/:id/activity,/w/:id/activity' },
  { route: 'get /videos/watch/:id/updates/:date' },
  { route: 'get /videos/watch/:id/announces' },
  { route: 'get /videos/watch/:id/announces/:actorId' },
  { route: 'get /videos/watch/:id/likes' },
  { route: 'get /videos/watch/:id/dislikes' },
  { route: 'get /videos/watch/:id/comments' },
  { route: 'get /videos/watch/:id/chapters' },
  { route: 'get /videos/watch/:videoId/comments/:commentId' },
  { route: 'get /videos/watch/:videoId/comments/:commentId/activity' },
  { route: 'get /videos/watch/:videoId/comments/:commentId/delete' },
  { route: 'get /videos/watch/:videoId/comments/:commentId/approve-reply' },
  { route: 'get /accounts/:name/likes/:videoId' },
  { route: 'get /accounts/:name/dislikes/:videoId' },
  { route: 'get /accounts/:name/follows/:targetId,/video-channels/:name/follows/:targetId' },
  { route: 'get /accepts/follows/:id' },
  { route: 'get /video-playlists/:playlistId,/videos/watch/playlist/:playlistId,/w/p/:playlistId' },
  { route: 'get /video-playlists/:playlistId/videos/:elementId' },
  // The web client: its worker, its assets, and every page (watch, embed, channels, admin...)
  { route: 'get /webtorrent-sw.js' },
  { route: 'use /assets' },
  { route: 'use /client' },
  { route: 'use / (serveStatic)', samples: [ '/favicon.ico', '/robots.txt', '/index.html' ] },
  { route: '^\\/(assets|client)\\/', samples: [ '/assets/missing.js', '/client/missing.css' ] },
  {
    route: '^\\/(?!api\\/|static\\/|lazy-static\\/|download\\/|tracker\\/|\\.well-known\\/).*',
    samples: [ '/', '/videos/embed/{uuid}', '/videos/embed/playlist/{uuid}', '/w/{uuid}', '/a/peertube', '/c/root_channel', '/admin/identity-conflicts', '/about' ]
  },
  // The BitTorrent tracker (HTTP announces and scrapes; its WebSocket shares the port)
  { route: 'get /tracker/announce', query: 'info_hash', outsideExpress: true },
  { route: 'get /tracker/scrape', query: 'info_hash', outsideExpress: true }
]

const DEFAULT_PARAMS: Record<string, () => string> = {
  name: () => 'peertube',
  filename: () => `${randomUUID()}-240.mp4`,
  date: () => new Date().toISOString()
}

/** A plausible value for a path parameter (its fuzzed variants replace it one at a time). */
function baselineParam (name: string) {
  return DEFAULT_PARAMS[name]?.() ?? (/^(commentId|elementId|actorId|targetId)$/.test(name) ? '1' : randomUUID())
}

/** Concrete paths of a declared route, `{slot}` marking where a fuzzed value goes. */
function templatesOf (entry: NonApiRoute): string[] {
  if (entry.samples) return entry.samples.map(sample => sample.replace('{uuid}', randomUUID()) + (sample.endsWith('/') ? '?q={slot}' : '/{slot}'))
  const [ , pattern ] = entry.route.split(' ')
  // The first path of a route (aliases share the handler), with each parameter in turn as the slot.
  const path = pattern.split(',')[0]
  const params = [ ...path.matchAll(/:(\w+)/g) ].map(match => match[1])
  if (entry.route.startsWith('use ')) return [ `${path.replace(/\/$/, '')}/{slot}` ]
  if (params.length === 0) return [ `${path}?${entry.query ?? 'q'}={slot}` ]
  return params.map(slot => path.replace(/:(\w+)/g, (_, name: string) => name === slot ? '{slot}' : encodeURIComponent(baselineParam(name))))
}

const SLOT_VALUES = () => [
  ...RAW_PATH_SEGMENTS,
  ...HOSTILE_STRINGS.map(value => { try { return encodeURIComponent(value) || '%20' } catch { return '%ED%A0%80' } })
]

/** Every hostile request for one declared route. */
export function nonApiCases (entry: NonApiRoute): FuzzCase[] {
  const method = entry.route.startsWith('post ') ? 'post' : 'get'
  const cases: FuzzCase[] = []
  const activityJson = { Accept: 'application/activity+json' }
  for (const template of templatesOf(entry)) {
    const fill = (value: string) => template.replace('{slot}', value)
    const split = (url: string) => ({ path: url.split('?')[0], query: url.includes('?') ? url.slice(url.indexOf('?') + 1) : undefined })
    cases.push({ label: `${entry.route}: baseline`, method, ...split(fill(baselineParam('x'))), headers: activityJson })
    for (const value of SLOT_VALUES()) cases.push({ label: `${entry.route}: ${value.slice(0, 30)}`, method, ...split(fill(value)), headers: method === 'get' ? activityJson : undefined })
    const plain = split(fill(baselineParam('x')))
    cases.push(
      { label: `${entry.route}: odd query`, method, path: plain.path, query: 'page=-1&page[x]=1&__proto__[y]=1&' + 'q'.repeat(3000) + '=2' },
      { label: `${entry.route}: page too large`, method, path: plain.path, query: `page=${'9'.repeat(400)}&count=-1`, headers: activityJson },
      { label: `${entry.route}: as HTML`, method, path: plain.path, headers: { Accept: 'text/html' } },
      { label: `${entry.route}: odd Accept`, method, path: plain.path, headers: { Accept: '*/*;q=x, application/activity+json;q=' + '9'.repeat(300) } },
      { label: `${entry.route}: range`, method, path: plain.path, headers: { Range: 'bytes=999999999999999999-1,-0,x' } }
    )
    for (const other of method === 'get' ? [ 'post', 'put', 'delete', 'patch' ] : [ 'get', 'put' ]) {
      cases.push({ label: `${entry.route}: ${other.toUpperCase()}`, method: other, path: plain.path, body: '{"a":' + '['.repeat(10_000), headers: { 'Content-Type': 'application/json' } })
    }
    if (method === 'post') {
      for (const [ label, type, body ] of [ [ 'deep JSON', 'application/activity+json', '{"a":' + '['.repeat(10_000) ], [ 'not JSON', 'application/activity+json', '\u0000\u0001' ], [ 'form', 'application/x-www-form-urlencoded', 'a[b][c][d][e][f]=1' ] ]) {
        cases.push({ label: `${entry.route}: ${label}`, method, path: plain.path, body, headers: { 'Content-Type': type } })
      }
    }
  }
  return cases
}

interface RouterLayer {
  route?: { path: unknown, methods: Record<string, boolean> }
  rawPath?: unknown
  name?: string
  handle?: { stack?: RouterLayer[] }
}

/**
 * What the application serves outside /api/v1, named as NON_API_ROUTES names it: routes with their paths,
 * middlewares mounted on a path, static files served from the root. `documented` routes (`get /feeds/...`, from
 * the OpenAPI document) are left to the OpenAPI walk.
 */
export function servedNonApiRoutes (app: unknown, documented: Set<string>) {
  const found = new Set<string>()
  const pathText = (path: unknown) => path instanceof RegExp ? path.source : Array.isArray(path) ? path.map(String).join(',') : String(path)
  const walk = (stack: RouterLayer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        if (layer.route.path instanceof RegExp) {
          found.add(layer.route.path.source)
          continue
        }
        for (const method of Object.keys(layer.route.methods)) {
          const route = `${method} ${pathText(layer.route.path).split(',').map(p => prefix + p).join(',')}`
          if (!documented.has(route)) found.add(route)
        }
      } else if (layer.handle?.stack) {
        const mount = layer.rawPath === undefined || layer.rawPath === '/' ? '' : pathText(layer.rawPath)
        if (prefix + mount === '/api/v1') continue
        walk(layer.handle.stack, prefix + mount)
      } else if (layer.rawPath !== undefined && layer.rawPath !== '/') {
        found.add(`use ${prefix}${pathText(layer.rawPath)}`)
      } else if (layer.name === 'serveStatic') {
        found.add(`use ${prefix || '/'} (serveStatic)`)
      }
    }
  }
  walk((app as { router: { stack: RouterLayer[] } }).router.stack, '')
  return [ ...found ]
}
