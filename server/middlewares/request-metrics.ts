import type { NextFunction, Request, Response } from 'express'
import { HTTP_METHODS } from '../initializers/constants/metrics.js'
import { recordHttpRequest } from '../lib/metrics/instruments.js'

// Mount points of the routers that are not ApiRouters (their route paths are relative to these).
const MOUNTS = [ '/feeds' ]
// Static trees served without routes: one label each.
const STATIC_TREES = [ '/static/', '/lazy-static/', '/assets/', '/client/', '/download/', '/tracker/' ]

/**
 * Times each request and records it under its route template (`/api/v1/videos/:id`), so the histogram has one
 * series per route, method and status whatever URLs clients invent. Installed only when the histogram is enabled.
 */
export function requestMetrics (req: Request, res: Response, next: NextFunction) {
  const started = performance.now()
  res.once('finish', () => {
    const method = (HTTP_METHODS as readonly string[]).includes(req.method) ? req.method : 'OTHER'
    recordHttpRequest({ path: routeTemplate(req, res), method, statusCode: res.statusCode }, performance.now() - started)
  })
  next()
}

export function routeTemplate (req: Request, res: Response): string {
  // ApiRouter routes say it exactly (whatever happened after, errors included).
  const declared = res.locals.routeTemplate
  if (typeof declared === 'string') return declared

  const routePath: unknown = (req.route as { path?: unknown } | undefined)?.path
  if (typeof routePath === 'string') {
    // The base URL is the text the mount matched: kept only when it is one of our fixed mount points.
    const base = MOUNTS.includes(req.baseUrl) ? req.baseUrl : ''
    return base + routePath
  }

  const path = req.path
  const tree = STATIC_TREES.find(prefix => path.startsWith(prefix))
  if (tree) return `${tree}*`
  // No route answered: unknown URLs (404s, scanners) share one label.
  return res.statusCode === 404 ? 'unmatched' : 'other'
}
