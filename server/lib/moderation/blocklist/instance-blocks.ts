import { WEBSERVER } from '../../../initializers/config/index.js'
import type { ActorModel } from '../../../models/actor/actor.js'
import { AccountModel } from '../../../models/account/account.js'
import { AccountBlocklistModel } from '../../../models/moderation/account-blocklist.js'
import { ServerBlocklistModel } from '../../../models/moderation/server-blocklist.js'
import { getInstanceAccount } from '../instance-account.js'

/**
 * The instance-wide blocklist as federation needs it: which hosts it refuses to hear from and to deliver to, and
 * whether a remote actor may follow us. One indexed query per call; the inbox and the delivery jobs call it once
 * per request or batch, with every host at once.
 */
export async function listHostsBlockedByInstance (hosts: Iterable<string>) {
  const wanted = [ ...new Set([ ...hosts ].map(h => h.toLowerCase()).filter(h => h !== '' && h !== WEBSERVER.HOST)) ]
  if (wanted.length === 0) return new Set<string>()
  const instance = await getInstanceAccount()
  return ServerBlocklistModel.listBlockedHosts(instance.id, wanted)
}

export async function isHostBlockedByInstance (host: string) {
  return (await listHostsBlockedByInstance([ host ])).size !== 0
}

/** A remote actor whose server, or whose account, the instance muted (a follow from it is refused). */
export async function isActorBlockedByInstance (actor: ActorModel) {
  if (actor.isLocal() || !actor.serverId) return false
  const instance = await getInstanceAccount()
  if ((await ServerBlocklistModel.listBlockers([ instance.id ], actor.serverId)).size !== 0) return true

  const account = await AccountModel.findOne({ where: { actorId: actor.id }, attributes: [ 'id' ] })
  return !!account && (await AccountBlocklistModel.listBlockers([ instance.id ], account.id)).size !== 0
}
