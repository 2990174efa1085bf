import express, { type Request, type Response } from 'express'
import { signatureFingerprint } from '../../helpers/activitypub/index.js'
import { CONFIG } from '../../initializers/config/index.js'
import { INBOX } from '../../initializers/constants/federation.js'
import { authenticateSigner, authorizeActivities } from '../../lib/activitypub/inbox/authenticate-inbox-request.js'
import { acceptInboxActivities } from '../../lib/activitypub/inbox/inbox-jobs.js'
import { parseInboxBody } from '../../lib/activitypub/inbox/parse-inbox-body.js'
import { refuseActivitiesOfBlockedServers, refuseBlockedSigner } from '../../lib/activitypub/inbox/refuse-blocked-senders.js'
import { urlHost } from '../../lib/activitypub/ownership.js'
import { noteServerReachable } from '../../lib/activitypub/send/server-health.js'
import { forbidden, notFound, unsupportedMediaType } from '../../lib/http-problems/http-problem.js'
import { ActorModel } from '../../models/actor/actor.js'
import { faultPoint } from '../../helpers/fault-points.js'

/**
 * POST /inbox (shared) and the per-actor inboxes. The raw body is kept for the Digest; the signature is checked
 * before anything else, then the claim of each activity's actor; the activities are kept as jobs, the reply
 * is 204, and they are processed afterwards, in order per remote actor.
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

    await refuseBlockedSigner(req.headers)
    const signer = await authenticateSigner(req, req.body)
    // It talks to us, so it is up: what we could not deliver to it goes now.
    const signerHost = urlHost(signer.url)
    if (signerHost && !signer.isLocal()) void noteServerReachable(signerHost).catch(() => undefined)
    const activities = parseInboxBody(req.body)
    await refuseActivitiesOfBlockedServers(activities, signerHost)
    const byActors = await authorizeActivities(signer, activities)

    // Kept before the answer: a 204 means the activities will be processed, even across a restart.
    await acceptInboxActivities({ activities, byActors, inboxActor, signatureFingerprint: signatureFingerprint(req.headers) })
    faultPoint('inbox-accepted')
    res.status(204).end()
  }

  router.post('/inbox', rawBody, receive())
  router.post('/accounts/:name/inbox', rawBody, receive('account'))
  router.post('/video-channels/:name/inbox', rawBody, receive('channel'))

  return router
}
