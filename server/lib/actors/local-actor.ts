import type { Transaction } from 'sequelize'
import type { ActorType } from '../../../shared/models/actors.js'
import { WEBSERVER } from '../../initializers/config/index.js'
import { ActorModel } from '../../models/actor/actor.js'
import { createActorKeys } from './keys.js'

/** Accounts live under /accounts/, channels under /video-channels/, as in PeerTube, so remote instances find them. */
export function localActorUrl (type: ActorType, preferredUsername: string) {
  const folder = type === 'Group' ? 'video-channels' : 'accounts'
  return `${WEBSERVER.URL}/${folder}/${encodeURIComponent(preferredUsername)}`
}

export type ActorKeys = Awaited<ReturnType<typeof createActorKeys>>

/** Keys are passed in so callers can generate them (slow) before opening a transaction. */
export async function createLocalActor (type: ActorType, preferredUsername: string, keys: ActorKeys, transaction?: Transaction) {
  const url = localActorUrl(type, preferredUsername)
  const { publicKey, privateKey } = keys

  return ActorModel.create({
    type,
    preferredUsername,
    url,
    publicKey,
    privateKey,
    inboxUrl: `${url}/inbox`,
    outboxUrl: `${url}/outbox`,
    sharedInboxUrl: `${WEBSERVER.URL}/inbox`,
    followersUrl: `${url}/followers`,
    followingUrl: `${url}/following`,
    serverId: null
  }, { transaction })
}
