import type { Job } from 'bull'
import { loggerWithTags } from '../../../helpers/logger.js'
import { RemoteRequestError } from '../../../helpers/requests/index.js'
import { WEBSERVER } from '../../../initializers/config/index.js'
import { SERVER_ACTOR_NAME } from '../../../initializers/constants/actors.js'
import { ActorModel } from '../../../models/actor/actor.js'
import { InvalidRemoteActorError } from '../actors/remote-actor-document.js'
import { isValidRemoteHost } from '../actors/webfinger-client.js'
import { followActor } from '../follows/follow-actor.js'
import { resolveActorByHandle } from '../follows/resolve-handle.js'
import { getOrCreateActorByUrl } from '../actors/get-actor.js'
import { getServerActor } from '../server-actor.js'
import { notifyAutoInstanceFollowing } from '../../notifications/index.js'
import { unitOfWork } from '../../unit-of-work/unit-of-work.js'
import type { ActivitypubFollowPayload } from './payloads.js'

const log = loggerWithTags('activitypub', 'follows')

/**
 * activitypub-follow: find `name@host` (stored, or through WebFinger), store it, record a pending follow and
 * send the Follow. Network failures are retried with the delivery backoff; answers that will not change
 * (no such actor, not a channel, invalid document) end the job.
 */
export async function processActivitypubFollow (job: Job<ActivitypubFollowPayload>) {
  const { host, isAutoFollow, assertIsChannel } = job.data
  const name = job.data.name ?? SERVER_ACTOR_NAME
  const handle = `${name}@${host}`

  // Jobs queued before hosts were validated (or by hand) are checked again: never contact a bare number.
  if (!isValidRemoteHost(host)) return giveUp(job, `${host} is not a valid host`)

  if (host.toLowerCase() === WEBSERVER.HOST.toLowerCase()) return giveUp(job, `${handle} is on this instance`)

  const follower = job.data.followerActorId ? await ActorModel.findByPk(job.data.followerActorId) : await getServerActor()
  if (!follower || !follower.isLocal()) return giveUp(job, `follower ${job.data.followerActorId} is not one of our actors`)

  let target: ActorModel
  try {
    target = job.data.url ? await getOrCreateActorByUrl(job.data.url) : await resolveActorByHandle(name, host)
  } catch (err) {
    if (isPermanent(err)) return giveUp(job, `cannot find ${handle}: ${(err as Error).message}`)
    throw err
  }

  if (assertIsChannel && target.type !== 'Group') return giveUp(job, `${handle} is not a channel`)
  if (target.isLocal()) return giveUp(job, `${handle} is one of our actors`)

  const follow = await unitOfWork(async () => {
    const follow = await followActor(follower, target)
    if (isAutoFollow) await notifyAutoInstanceFollowing(follow)
    return follow
  })
  log.info(`${follower.url} ${isAutoFollow ? 'follows back' : 'follows'} ${target.url} (${follow.state})`)
  return { followId: follow.id, state: follow.state }
}

async function giveUp (job: Job, reason: string) {
  log.warn(`Follow job ${job.id} given up: ${reason}`)
  await job.discard()
  throw new Error(reason)
}

function isPermanent (err: unknown) {
  if (err instanceof InvalidRemoteActorError) return true
  if (err instanceof RemoteRequestError) {
    if (err.code === 'bad-status') return err.status !== undefined && err.status >= 400 && err.status < 500 && err.status !== 429 && err.status !== 408
    return [ 'invalid-url', 'unsupported-protocol', 'private-address', 'invalid-json', 'bad-content-type', 'too-large' ].includes(err.code)
  }
  return [ 'ActorNotFoundError', 'ActorIdentityConflictError' ].includes((err as Error).name)
}
