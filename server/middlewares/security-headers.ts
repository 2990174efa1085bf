import type { NextFunction, Request, RequestHandler, Response } from 'express'
import helmet from 'helmet'
import { WEBSERVER } from '../initializers/config/index.js'

/**
 * The web client's Content-Security-Policy. Scripts, styles and workers are ours ('self'; hls.js runs its worker
 * from a blob: URL); media, images and XHR/fetch may come from any instance, because remote videos play from their
 * origin (web videos, HLS segments, WebSeeds) and P2P trackers are WebSockets anywhere; MSE and the WebTorrent
 * service worker stream through blob: and same-origin URLs. Nothing is ever framed, embedded or run inline.
 */
function clientDirectives (frameAncestors: string[]): Record<string, string[]> {
  const directives: Record<string, string[]> = {
    'default-src': [ '\'self\'' ],
    'script-src': [ '\'self\'' ],
    // Preact sets style properties, which CSP does not govern; style attributes in markup are the players'.
    'style-src': [ '\'self\'', '\'unsafe-inline\'' ],
    'img-src': [ '\'self\'', 'data:', 'blob:', 'http:', 'https:' ],
    'media-src': [ '\'self\'', 'data:', 'blob:', 'http:', 'https:' ],
    'connect-src': [ '\'self\'', 'data:', 'blob:', 'http:', 'https:', 'ws:', 'wss:' ],
    'font-src': [ '\'self\'', 'data:' ],
    'worker-src': [ '\'self\'', 'blob:' ],
    'manifest-src': [ '\'self\'' ],
    'frame-src': [ '\'self\'' ],
    'frame-ancestors': frameAncestors,
    'object-src': [ '\'none\'' ],
    'base-uri': [ '\'self\'' ],
    'form-action': [ '\'self\'' ]
  }
  if (WEBSERVER.SCHEME === 'https') directives['upgrade-insecure-requests'] = []
  return directives
}

/** JSON and files are never documents to run: nothing at all. */
const API_DIRECTIVES = { 'default-src': [ '\'none\'' ], 'frame-ancestors': [ '\'none\'' ], 'base-uri': [ '\'none\'' ], 'form-action': [ '\'none\'' ] }

function headers (directives: Record<string, string[]>, framing: 'sameorigin' | 'anyone' | 'nobody') {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    // Media and images are loaded by other instances' pages (remote videos play from their origin).
    crossOriginResourcePolicy: { policy: 'cross-origin' },
    crossOriginEmbedderPolicy: false,
    // The share dialog and OAuth-like flows may open windows; keep them able to talk back.
    crossOriginOpenerPolicy: { policy: 'same-origin-allow-popups' },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    frameguard: framing === 'anyone' ? false : { action: framing === 'nobody' ? 'deny' : 'sameorigin' },
    strictTransportSecurity: WEBSERVER.SCHEME === 'https' ? { maxAge: 31_536_000, includeSubDomains: false } : false
  })
}

const EMBED_PATHS = /^\/(videos|video-playlists)\/embed(\/|$)/

/**
 * helmet's headers on every answer (nosniff, Referrer-Policy, CORP...), with the CSP that fits it: the client's
 * for pages, "nothing" for the API, and for embed pages the client's with any site allowed to frame them.
 */
export function securityHeaders (): RequestHandler {
  const client = headers(clientDirectives([ '\'self\'' ]), 'sameorigin')
  const embed = headers(clientDirectives([ '*' ]), 'anyone')
  const api = headers(API_DIRECTIVES, 'nobody')

  return (req: Request, res: Response, next: NextFunction) => {
    if (req.path.startsWith('/api/')) return api(req, res, next)
    if (EMBED_PATHS.test(req.path)) return embed(req, res, next)
    return client(req, res, next)
  }
}

/**
 * API answers made for one user (a token was sent, or the request changes something) are kept by no cache, shared
 * or private; a handler may still set its own Cache-Control afterwards.
 */
export function privateApiCacheControl (req: Request, res: Response, next: NextFunction) {
  if (req.headers.authorization || (req.method !== 'GET' && req.method !== 'HEAD')) {
    res.set('Cache-Control', 'private, no-store')
  }
  res.vary('Authorization')
  next()
}
