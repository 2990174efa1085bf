import cors from 'cors'
import express, { type Request, type Response } from 'express'
import { buildHostMeta, buildWebfingerResponse, findWebfingerActor } from '../lib/activitypub/discovery/webfinger.js'
import { buildNodeInfo, buildNodeInfoLinks, NODEINFO_2_0_CONTENT_TYPE } from '../lib/activitypub/discovery/nodeinfo.js'
import { badRequest, notFound } from '../lib/http-problems/http-problem.js'

/** Discovery: WebFinger, NodeInfo and host-meta, readable from any origin (browsers of other instances). */
export function buildWellKnownRouter () {
  const router = express.Router()
  const anyOrigin = cors()

  router.get('/.well-known/webfinger', anyOrigin, async (req: Request, res: Response) => {
    const resource = req.query.resource
    if (typeof resource !== 'string' || resource === '') throw badRequest('Give the account or channel to look up in `resource`')

    const actor = await findWebfingerActor(resource)
    if (!actor) throw notFound(`No local actor ${resource}`)

    res.type('application/jrd+json; charset=utf-8').send(JSON.stringify(buildWebfingerResponse(actor)))
  })

  router.get('/.well-known/nodeinfo', anyOrigin, async (_req: Request, res: Response) => {
    res.json(await buildNodeInfoLinks())
  })

  router.get('/nodeinfo/2.0.json', anyOrigin, async (_req: Request, res: Response) => {
    res.type(NODEINFO_2_0_CONTENT_TYPE).send(JSON.stringify(await buildNodeInfo()))
  })

  router.get('/.well-known/host-meta', anyOrigin, (_req: Request, res: Response) => {
    res.type('application/xrd+xml; charset=utf-8').send(buildHostMeta())
  })

  return router
}
