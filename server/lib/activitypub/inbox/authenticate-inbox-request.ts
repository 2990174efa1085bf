import type { Request } from 'express'
import { getSignatureKeyId, verifyIncomingRequest, verifyLdSignature } from '../../../helpers/activitypub/index.js'
import { loggerWithTags } from '../../../helpers/logger.js'
import { CONFIG } from '../../../initializers/config/index.js'
import { ActorModel } from '../../../models/actor/actor.js'
import { forbidden, unauthorized } from '../../http-problems/http-problem.js'
import { getActivityActorUrl, type Activity } from '../activity-types.js'
import { fetchRemoteActor, refreshRemoteActor, scheduleRefreshIfStale, storeFetchedActor } from '../actors/get-actor.js'
import type { RemoteActorData } from '../actors/remote-actor-document.js'
import { isLocalUrl } from '../local-urls.js'
import { isSameOrigin } from '../ownership.js'

const log = loggerWithTags('activitypub', 'inbox')

/**
 * An actor proven to speak in an inbox request: already stored, or fetched for the check and not stored yet.
 * Nothing about an actor is written before its signature verified and its activities were admitted:
 * `persistActor` does it then.
 */
export interface ProvenActor {
  url: string
  stored?: ActorModel
  fetched?: RemoteActorData
}

export async function persistActor (actor: ProvenActor): Promise<ActorModel> {
  if (actor.stored) return actor.stored
  return storeFetchedActor(actor.fetched!)
}

/** An actor by URL, stored or only fetched (a fetch failure is the caller's refusal). */
async function findActor (url: string): Promise<ProvenActor> {
  const stored = await ActorModel.loadByUrl(url)
  if (stored) return { url, stored }
  if (isLocalUrl(url)) throw new Error(`No local actor ${url}`)
  // The document's own id (on the same origin) is the actor's URL, whatever URL named it.
  const fetched = await fetchRemoteActor(url)
  const known = fetched.url !== url ? await ActorModel.loadByUrl(fetched.url) : null
  return known ? { url: known.url, stored: known } : { url: fetched.url, fetched }
}

/** The Host header names us: our host name, and our port when it carries one (proxies often drop it). */
function isAddressedToUs (req: Request) {
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(req.headers.host ?? '')
  if (!match) return false
  if (match[1].toLowerCase() !== CONFIG.webserver.hostname.toLowerCase()) return false
  return match[2] === undefined || Number(match[2]) === CONFIG.webserver.port
}

function publicKeyOf (actor: ProvenActor) {
  return actor.stored ? actor.stored.publicKey : actor.fetched!.publicKeyPem
}

// Anyone can send a bad signature naming a known actor's key: its refresh is attempted once a minute at most.
const KEY_REFRESH_COOLDOWN_MS = 60_000
const lastKeyRefresh = new Map<string, number>()

function mayRefreshKey (actorUrl: string) {
  const now = Date.now()
  const last = lastKeyRefresh.get(actorUrl)
  if (last !== undefined && now - last < KEY_REFRESH_COOLDOWN_MS) return false
  if (lastKeyRefresh.size > 10_000) lastKeyRefresh.clear()
  lastKeyRefresh.set(actorUrl, now)
  return true
}

/**
 * Who signed this inbox request, proven by its HTTP signature (draft-cavage or RFC 9421). Unknown signers are
 * fetched (not stored); a stored key that fails is refreshed once (the actor may have rotated it). Every failure
 * is a 401: Fedify takes that as its cue to retry with draft-cavage.
 */
export async function authenticateSigner (req: Request, rawBody: Buffer): Promise<ProvenActor> {
  const reference = getSignatureKeyId(req.headers)
  if (!reference) throw unauthorized('The request carries no usable HTTP signature')
  // A request signed for another server (its Host) is not for us, however genuine: a captured delivery to
  // another instance cannot be replayed here.
  if (!isAddressedToUs(req)) throw unauthorized('The request is signed for another host')

  let signer: ProvenActor
  try {
    signer = await findActor(reference.actorUrl)
  } catch (err) {
    log.info(`Cannot get the signer ${reference.actorUrl} of an inbox request`, { err: (err as Error).message })
    throw unauthorized('Cannot get the key that signed the request')
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

  const key = publicKeyOf(signer)
  let result = key ? await verify(key) : undefined
  const stored = signer.stored
  if ((!result || (!result.ok && result.reason === 'bad-signature')) && stored && !stored.isLocal() && mayRefreshKey(stored.url)) {
    // The stored actor is updated from its own origin, which is authoritative whatever this request was.
    const refreshed = await refreshRemoteActor(stored).catch(() => undefined)
    if (refreshed?.publicKey && refreshed.publicKey !== stored.publicKey) {
      signer = { url: refreshed.url, stored: refreshed }
      result = await verify(refreshed.publicKey)
    }
  }

  if (!result) throw unauthorized('The signer has no public key')
  if (!result.ok) {
    log.info(`Refused inbox request signed by ${reference.keyId}: ${result.reason} (${result.detail})`)
    throw unauthorized(`Invalid HTTP signature: ${result.reason}`)
  }

  if (signer.stored && !signer.stored.isLocal()) scheduleRefreshIfStale(signer.stored)
  return signer
}

/**
 * The actor each activity is processed as. The signer speaks for itself; an activity of another actor (a
 * forwarded one) needs that actor's LD signature on the body. Activity ids must live on their actor's origin.
 * Refusals are 403: the signature was fine, the claim is not.
 */
export async function authorizeActivities (signer: ProvenActor, activities: Activity[]): Promise<ProvenActor[]> {
  const actors: ProvenActor[] = []

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

async function checkForwardedActivity (activity: Activity, actorUrl: string, signer: ProvenActor) {
  const refuse = (why: string) => {
    log.info(`Refused activity ${activity.id} of ${actorUrl} delivered by ${signer.url}: ${why}`)
    return forbidden(`${signer.url} may not deliver activities of ${actorUrl}: ${why}`)
  }

  if (!activity.signature) throw refuse('no LD signature by its actor')

  let actor: ProvenActor
  try {
    actor = await findActor(actorUrl)
  } catch {
    throw refuse('its actor cannot be fetched')
  }
  const key = publicKeyOf(actor)
  if (!key) throw refuse('its actor has no key')

  const result = await verifyLdSignature(activity, key)
  if (!result.ok) throw refuse(`LD signature ${result.reason}`)
  if (result.creatorActorUrl !== actor.url) throw refuse('LD signature made by another actor')
  return actor
}
