import express, { type Request, type Response } from 'express'
import { signatureFingerprint } from '../../helpers/activitypub/index.js'
import { CONFIG } from '../../initializers/config/index.js'
import { INBOX } from '../../initializers/constants/federation.js'
import { authenticateSigner, authorizeActivities } from '../../lib/activitypub/inbox/authenticate-inbox-request.js'
import { acceptInboxActivities } from '../../lib/activitypub/inbox/inbox-jobs.js'
import { admitActivities } from '../../lib/activitypub/inbox/admit-activities.js'
import { enforceHostRateLimit } from '../../lib/activitypub/inbox/inbox-rate-limit.js'
import { parseInboxBody } from '../../lib/activitypub/inbox/parse-inbox-body.js'
import { refuseActivitiesOfBlockedServers, refuseBlockedSigner } from '../../lib/activitypub/inbox/refuse-blocked-senders.js'
import { urlHost } from '../../lib/activitypub/ownership.js'
import { noteServerReachable } from '../../lib/activitypub/send/server-health.js'
import { forbidden, notFound, unsupportedMediaType } from '../../lib/http-problems/http-problem.js'
import { inboxRateLimiter } from '../../middlewares/rate-limit.js'
import { loadLocalActorByName } from '../../lib/actors/actor-finders.js'
import type { ActorModel } from '../../models/actor/actor.js'
import { faultPoint } from '../../helpers/fault-points.js'

/**
 * POST /inbox (shared) and the per-actor inboxes. The raw body is kept for the Digest; the signature is checked
 * before anything else, then the claim of each activity's actor, then whether the activities are wanted here
 * (only followed content: lib/activitypub/trust/). Only then is anything stored: the signer's actor row, and the
 * activities as jobs; the reply is 204, and they are processed afterwards, in order per remote actor.
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
    // The raw body is read as JSON, which is UTF-8: a body announcing another charset would be misread.
    const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(req.headers['content-type'] ?? '')?.[1]
    if (charset && !/^utf-?8$/i.test(charset)) throw unsupportedMediaType('Activities are UTF-8 JSON: send charset=utf-8 or none')

    let inboxActor: ActorModel | undefined
    if (inboxKind) {
      const actor = await loadLocalActorByName(String(req.params.name))
      if (!actor || (actor.type === 'Group') !== (inboxKind === 'channel')) throw notFound(`No local ${inboxKind} named ${String(req.params.name)}`)
      inboxActor = actor
    }

    await refuseBlockedSigner(req.headers)
    const signer = await authenticateSigner(req, req.body)
    const signerHost = urlHost(signer.url)
    const isRemote = !signer.stored?.isLocal()
    if (signerHost && isRemote) enforceHostRateLimit(signerHost)
    // It talks to us, so it is up: what we could not deliver to it goes now.
    if (signerHost && isRemote) void noteServerReachable(signerHost).catch(() => undefined)

    const activities = parseInboxBody(req.body)
    await refuseActivitiesOfBlockedServers(activities, signerHost)
    const provenActors = await authorizeActivities(signer, activities)
    const admitted = await admitActivities(activities, provenActors)

    // Kept before the answer: a 204 means the activities will be processed, even across a restart.
    await acceptInboxActivities({ ...admitted, inboxActor, signatureFingerprint: signatureFingerprint(req.headers) })
    faultPoint('inbox-accepted')
    res.status(204).end()
  }

  router.post('/inbox', inboxRateLimiter, rawBody, receive())
  router.post('/accounts/:name/inbox', inboxRateLimiter, rawBody, receive('account'))
  router.post('/video-channels/:name/inbox', inboxRateLimiter, rawBody, receive('channel'))

  return router
}
