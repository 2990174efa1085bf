import { WEBSERVER } from '../../../initializers/config/index.js'
import { loadActorByNameAndHost } from '../../../models/actor/queries/actor-queries.js'
import { ActorNotFoundError, getOrCreateActorByUrl } from '../actors/get-actor.js'
import { urlHost } from '../ownership.js'
import { webfingerActorUrl } from '../actors/webfinger-client.js'

/**
 * The actor behind `name@host`: ours when the host is ours, a stored remote actor, or one found with WebFinger
 * on its host and fetched. Throws when it cannot be found.
 */
export async function resolveActorByHandle (name: string, host: string | null) {
  if (host === null || host.toLowerCase() === WEBSERVER.HOST.toLowerCase()) {
    const local = await loadActorByNameAndHost(name, null)
    if (!local) throw new Error(`No local actor named ${name}`)
    return local
  }

  const stored = await loadActorByNameAndHost(name, host.toLowerCase())
  if (stored) return getOrCreateActorByUrl(stored.url)

  const url = await webfingerActorUrl(name, host.toLowerCase())
  // name@host is that host's to answer, not another's: a WebFinger link elsewhere would follow someone else.
  if (urlHost(url) !== host.toLowerCase()) throw new ActorNotFoundError(url, `WebFinger of ${name}@${host} points to another host`)
  return getOrCreateActorByUrl(url)
}
