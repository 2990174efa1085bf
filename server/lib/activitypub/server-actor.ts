import { SERVER_ACTOR_NAME } from '../../initializers/constants/actors.js'
import { ActorModel } from '../../models/actor/actor.js'

let cached: ActorModel | undefined

/**
 * The instance's own actor (Application `peertube`): it follows and is followed by instances and signs fetches.
 * Created by the installer, never deleted, so it is loaded once.
 */
export async function getServerActor (): Promise<ActorModel> {
  if (cached?.privateKey) return cached

  const actor = await ActorModel.loadLocalByName(SERVER_ACTOR_NAME)
  if (!actor) throw new Error(`The server actor "${SERVER_ACTOR_NAME}" does not exist: the installer did not run`)
  cached = actor
  return actor
}

export function isServerActor (actor: ActorModel) {
  return actor.isLocal() && actor.preferredUsername === SERVER_ACTOR_NAME && actor.type === 'Application'
}
