import express, { type Request, type Response } from 'express'
import { CONFIG } from '../../initializers/config/index.js'
import { INBOX } from '../../initializers/constants/federation.js'
import { authenticateSigner, authorizeActivities } from '../../lib/activitypub/inbox/authenticate-inbox-request.js'
import { queueInboxActivities } from '../../lib/activitypub/inbox/inbox-queue.js'
import { parseInboxBody } from '../../lib/activitypub/inbox/parse-inbox-body.js'
import { forbidden, notFound, unsupportedMediaType } from '../../lib/http-problems/http-problem.js'
import { ActorModel } from '../../models/actor/actor.js'

/**
 * POST /inbox (shared) and the per-actor inboxes. The raw body is kept for the Digest; the signature is checked
 * before anything else, then the claim of each activity's actor; the reply is 204 at once and the activities
 * are processed afterwards.
 */
export function buildInboxRouter () {
  const router = express.Router()

  const rawBody = express.raw({
    type: [ 'application/activity+json', 'application/ld+json', 'application/json' ],
    limit: INBOX.MAX_BODY_BYTES
  })

  const receive = (inboxKind?: 'account' | 'channel') => async (req: Request, res: Response) => {
    if (!CONFIG.federation.enabled) throw forbidden('Federation is disabled on this instance')
    if (!Buffer.isBuffer(req.body)) throw unsupportedMediaType('Post activities as application/activity+json')

    let inboxActor: ActorModel | undefined
    if (inboxKind) {
      const actor = await ActorModel.loadLocalByName(String(req.params.name))
      if (!actor || (actor.type === 'Group') !== (inboxKind === 'channel')) throw notFound(`No local ${inboxKind} named ${String(req.params.name)}`)
      inboxActor = actor
    }

    const signer = await authenticateSigner(req, req.body)
    const activities = parseInboxBody(req.body)
    const byActors = await authorizeActivities(signer, activities)

    res.status(204).end()
    queueInboxActivities({ activities, byActors, inboxActor })
  }

  router.post('/inbox', rawBody, receive())
  router.post('/accounts/:name/inbox', rawBody, receive('account'))
  router.post('/video-channels/:name/inbox', rawBody, receive('channel'))

  return router
}
