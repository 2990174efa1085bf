import { ActorModel } from '../../models/actor/actor.js'
import { loadActorByNameAndHost } from '../../models/actor/queries/actor-queries.js'

// Actors as requests name them: ours by preferred username, remote ones by name and host.

/** One of our actors (account, channel or the server actor); null when there is none of this name. */
export function loadLocalActorByName (name: string) {
  return ActorModel.loadLocalByName(name)
}

/** A stored actor of another instance; null when we never stored it. */
export function loadRemoteActorByHandle (name: string, host: string) {
  return loadActorByNameAndHost(name, host)
}
