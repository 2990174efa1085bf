import { ActorImageType, type ActorImageTypeValue } from '../../../../shared/models/actor-images.js'
import { WEBSERVER } from '../../../initializers/config/index.js'
import type { ActorModel } from '../../actor/actor.js'
import '../../actor/actor-image.js'
import type { AccountModel } from '../account.js'

/** The host an actor lives on: ours for local actors. */
export function actorHost (actor: ActorModel) {
  return actor.isLocal() ? WEBSERVER.HOST : actor.Server?.host ?? ''
}

/** The actor's images of one type, smallest first, in PeerTube's ActorImage shape (empty when not loaded). */
export function formatActorImages (actor: ActorModel, type: ActorImageTypeValue) {
  return (actor.ActorImages ?? [])
    .filter(image => image.type === type)
    .sort((a, b) => a.width - b.width)
    .map(image => image.toFormattedJSON())
}

/** Fields every actor-backed object (account, channel) shares in PeerTube's REST shapes. */
export function formatActorFields (actor: ActorModel) {
  return {
    url: actor.url,
    name: actor.preferredUsername,
    host: actorHost(actor),
    avatars: formatActorImages(actor, ActorImageType.AVATAR),
    hostRedundancyAllowed: actor.Server?.redundancyAllowed ?? false,
    followingCount: actor.followingCount,
    followersCount: actor.followersCount
  }
}

/** PeerTube's `Account` (as embedded in videos, channels and users/me). Needs the account's Actor loaded. */
export function formatAccount (account: AccountModel) {
  const actor = requireActor(account.Actor, 'account')
  return {
    ...formatActorFields(actor),
    id: account.id,
    createdAt: account.createdAt,
    displayName: account.name,
    description: account.description ?? null,
    updatedAt: account.updatedAt,
    userId: account.userId ?? undefined
  }
}

/** PeerTube's `AccountSummary` (in lists and comments). */
export function formatAccountSummary (account: AccountModel) {
  const actor = requireActor(account.Actor, 'account')
  return {
    id: account.id,
    name: actor.preferredUsername,
    displayName: account.name,
    url: actor.url,
    host: actorHost(actor),
    avatars: formatActorImages(actor, ActorImageType.AVATAR)
  }
}

export function requireActor (actor: ActorModel | undefined, what: string) {
  if (!actor) throw new Error(`The ${what}'s actor must be loaded to format it`)
  return actor
}
