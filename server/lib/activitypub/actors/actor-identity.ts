import { Op } from 'sequelize'
import { ActorModel } from '../../../models/actor/actor.js'
import { ServerModel } from '../../../models/server/server.js'
import { urlHost, urlOrigin } from '../ownership.js'
import { noteIdentityConflict } from '../trust/identity-conflicts.js'
import type { RemoteActorData } from './remote-actor-document.js'

export class ActorIdentityConflictError extends Error {
  constructor (message: string) {
    super(message)
    this.name = 'ActorIdentityConflictError'
  }
}

/**
 * A remote actor is known by its URL; its handle (name@host) and its host are what people type. Before a new
 * actor (or a renamed one) is stored: its host must not be served here by another origin (http vs https, which
 * could be another program on another port of the same name), and its handle must not be held by another actor
 * of that host. The holder of a handle is first fetched again (`refreshHolder`): an actor that is gone frees it.
 * A conflict refuses the newcomer, is logged and kept for administrators.
 */
export async function checkActorIdentity (data: RemoteActorData, refreshHolder: (holder: ActorModel) => Promise<ActorModel | undefined>) {
  const host = urlHost(data.url)
  const server = host ? await ServerModel.findOne({ where: { host } }) : null
  if (!host || !server) return

  // An actor of this host on another origin (any one: its other actors may well share the newcomer's origin).
  const origin = urlOrigin(data.url)
  const neighbour = await ActorModel.findOne({
    where: { serverId: server.id, url: { [Op.and]: [ { [Op.ne]: data.url }, { [Op.notLike]: `${origin}/%` } ] } },
    attributes: [ 'id', 'url' ]
  })
  if (neighbour && urlOrigin(neighbour.url) !== origin) {
    await noteIdentityConflict({ kind: 'host-origin', identifier: host, holderUrl: neighbour.url, claimantUrl: data.url, outcome: 'refused' })
    throw new ActorIdentityConflictError(`${data.url} is on ${host}, which another origin (${urlOrigin(neighbour.url)}) serves here`)
  }

  const holder = await ActorModel.findOne({
    where: { serverId: server.id, preferredUsername: data.preferredUsername, url: { [Op.ne]: data.url } },
    include: [ { model: ServerModel, required: false } ]
  })
  if (!holder) return

  const current = await refreshHolder(holder).catch(() => holder)
  if (!current || current.preferredUsername !== data.preferredUsername || current.url === data.url) return

  const handle = `${data.preferredUsername}@${host}`
  await noteIdentityConflict({ kind: 'actor-handle', identifier: handle, holderUrl: current.url, claimantUrl: data.url, outcome: 'refused' })
  throw new ActorIdentityConflictError(`${data.url} claims the handle ${handle}, held by ${current.url}`)
}
