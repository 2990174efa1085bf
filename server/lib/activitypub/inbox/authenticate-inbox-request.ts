import type { Request } from 'express'
import { getSignatureKeyId, verifyIncomingRequest, verifyLdSignature } from '../../../helpers/activitypub/index.js'
import { loggerWithTags } from '../../../helpers/logger.js'
import { CONFIG } from '../../../initializers/config/index.js'
import { ActorModel } from '../../../models/actor/actor.js'
import { forbidden, unauthorized } from '../../http-problems/http-problem.js'
import { getActivityActorUrl, type Activity } from '../activity-types.js'
import { getOrCreateActorByUrl, refreshRemoteActor, scheduleRefreshIfStale } from '../actors/get-actor.js'
import { isSameOrigin } from '../ownership.js'

const log = loggerWithTags('activitypub', 'inbox')

/**
 * Who signed this inbox request, proven by its HTTP signature (draft-cavage or RFC 9421). Unknown signers are
 * fetched; a stored key that fails is refreshed once (the actor may have rotated it). Every failure is a 401:
 * Fedify takes that as its cue to retry with draft-cavage.
 */
export async function authenticateSigner (req: Request, rawBody: Buffer): Promise<ActorModel> {
  const reference = getSignatureKeyId(req.headers)
  if (!reference) throw unauthorized('The request carries no usable HTTP signature')

  let signer: ActorModel | null = await ActorModel.loadByUrl(reference.actorUrl)
  const wasStored = signer !== null
  if (!signer) {
    try {
      signer = await getOrCreateActorByUrl(reference.actorUrl)
    } catch (err) {
      log.info(`Cannot get the signer ${reference.actorUrl} of an inbox request`, { err: (err as Error).message })
      throw unauthorized('Cannot get the key that signed the request')
    }
  }

  const verify = (publicKeyPem: string) => verifyIncomingRequest({
    method: req.method,
    path: req.originalUrl,
    headers: req.headers,
    rawBody,
    publicKeyPem,
    maxSkewMs: CONFIG.federation.max_http_signature_skew,
    scheme: req.protocol === 'https' ? 'https' : 'http'
  })

  let result = signer.publicKey ? await verify(signer.publicKey) : undefined
  if ((!result || (!result.ok && result.reason === 'bad-signature')) && wasStored && !signer.isLocal()) {
    const refreshed = await refreshRemoteActor(signer).catch(() => undefined)
    if (refreshed?.publicKey && refreshed.publicKey !== signer.publicKey) {
      signer = refreshed
      result = await verify(refreshed.publicKey)
    }
  }

  if (!result) throw unauthorized('The signer has no public key')
  if (!result.ok) {
    log.info(`Refused inbox request signed by ${reference.keyId}: ${result.reason} (${result.detail})`)
    throw unauthorized(`Invalid HTTP signature: ${result.reason}`)
  }

  if (!signer.isLocal()) scheduleRefreshIfStale(signer)
  return signer
}

/**
 * The actor each activity is processed as. The signer speaks for itself; an activity of another actor (a
 * forwarded one) needs that actor's LD signature on the body. Activity ids must live on their actor's origin.
 * Refusals are 403: the signature was fine, the claim is not.
 */
export async function authorizeActivities (signer: ActorModel, activities: Activity[]): Promise<ActorModel[]> {
  const actors: ActorModel[] = []

  for (const activity of activities) {
    const actorUrl = getActivityActorUrl(activity)!
    const byActor = actorUrl === signer.url ? signer : await checkForwardedActivity(activity, actorUrl, signer)

    if (!isSameOrigin(activity.id, byActor.url)) {
      throw forbidden(`Activity ${activity.id} is not on the origin of its actor ${byActor.url}`)
    }
    actors.push(byActor)
  }
  return actors
}

async function checkForwardedActivity (activity: Activity, actorUrl: string, signer: ActorModel) {
  const refuse = (why: string) => {
    log.info(`Refused activity ${activity.id} of ${actorUrl} delivered by ${signer.url}: ${why}`)
    return forbidden(`${signer.url} may not deliver activities of ${actorUrl}: ${why}`)
  }

  if (!activity.signature) throw refuse('no LD signature by its actor')

  let actor: ActorModel
  try {
    actor = await getOrCreateActorByUrl(actorUrl)
  } catch {
    throw refuse('its actor cannot be fetched')
  }
  if (!actor.publicKey) throw refuse('its actor has no key')

  const result = await verifyLdSignature(activity, actor.publicKey)
  if (!result.ok) throw refuse(`LD signature ${result.reason}`)
  if (result.creatorActorUrl !== actor.url) throw refuse('LD signature made by another actor')
  return actor
}
