import type { NextFunction, Request, Response } from 'express'
import { notFound } from '../../lib/http-problems/http-problem.js'
import { ACTIVITY_PUB_CONTENT_TYPE } from '../../initializers/constants/activitypub.js'

const ACTIVITY_PUB_TYPES = [
  'application/activity+json',
  'application/ld+json',
  'application/ld+json; profile="https://www.w3.org/ns/activitystreams"'
]
// html first: a browser (Accept: text/html, */*) or a client without preference gets the web client.
const OFFERED = [ 'html', 'application/json', ...ACTIVITY_PUB_TYPES ]

export function wantsActivityPub (req: Request) {
  const accepted = req.accepts(OFFERED)
  return typeof accepted === 'string' && ACTIVITY_PUB_TYPES.includes(accepted)
}

/**
 * Actor and collection URLs are shared with the web client: ActivityPub clients get JSON, anyone else falls
 * through to the next router (the client's index.html).
 */
export function activityPubOnly (req: Request, res: Response, next: NextFunction) {
  res.vary('Accept')
  if (!wantsActivityPub(req)) return next('route')
  next()
}

export function sendActivityPub (res: Response, document: unknown) {
  res.type(`${ACTIVITY_PUB_CONTENT_TYPE}; charset=utf-8`).send(JSON.stringify(document))
}

/**
 * Last of the ActivityPub routes: an ActivityPub client asking for anything they did not answer gets a 404
 * problem (JSON), never the web client's page with a 200 (peers would take that page for the object).
 */
export function activityPubNotFound (req: Request, _res: Response, next: NextFunction) {
  if ((req.method === 'GET' || req.method === 'HEAD') && wantsActivityPub(req)) {
    next(notFound(`Nothing at ${req.path} for ActivityPub clients`))
    return
  }
  next()
}
