import { CONFIG } from '../../../initializers/config/index.js'
import { ActorFollowModel } from '../../../models/actor/actor-follow.js'
import { loadActorWithServer } from '../../../models/actor/queries/actor-queries.js'
import type { ActorModel } from '../../../models/actor/actor.js'
import { jobQueue } from '../../job-queue/job-queue.js'
import { getServerActor } from '../server-actor.js'

/**
 * `followings.instance.auto_follow_back`: an instance (Application actor) whose follow of ours is accepted gets
 * followed in return, unless we already follow it.
 */
export async function followBackIfWanted (follower: ActorModel) {
  if (!CONFIG.federation.followings.instance.auto_follow_back.enabled) return
  if (follower.type !== 'Application' || follower.isLocal()) return

  const serverActor = await getServerActor()
  if (await ActorFollowModel.loadByActorAndTarget(serverActor.id, follower.id)) return

  const host = follower.Server?.host ?? (await loadActorWithServer(follower.id))?.Server?.host
  if (!host) return
  await jobQueue.createJob('activitypub-follow', { host, name: follower.preferredUsername, isAutoFollow: true })
}
