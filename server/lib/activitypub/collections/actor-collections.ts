import { ActorFollowModel } from '../../../models/actor/actor-follow.js'
import type { ActorModel } from '../../../models/actor/actor.js'
import { accountIdOfActor } from '../../accounts/account-finders.js'
import { listPublicPlaylistUrlsOf } from '../../playlists/playlist-lists.js'
import { channelIdOfActor } from '../../video-channels/channel-finders.js'
import { buildOrderedCollection } from './ordered-collection.js'

// Our actors' ActivityPub collections (controllers/activitypub/actors.ts serves them): followers, following and
// playlists. The outbox is in outbox-items.ts.

type CollectionActor = Pick<ActorModel, 'id' | 'url' | 'type' | 'followersUrl' | 'followingUrl'>

export function actorFollowersCollection (actor: CollectionActor, page: number | undefined) {
  return buildOrderedCollection(actor.followersUrl ?? `${actor.url}/followers`, page,
    (start, count) => ActorFollowModel.listFollowerUrls(actor.id, start, count))
}

export function actorFollowingCollection (actor: CollectionActor, page: number | undefined) {
  return buildOrderedCollection(actor.followingUrl ?? `${actor.url}/following`, page,
    (start, count) => ActorFollowModel.listFollowingUrls(actor.id, start, count))
}

/** Public playlists of an account, or shown on a channel (a Group actor). */
export async function actorPlaylistsCollection (actor: CollectionActor, page: number | undefined) {
  const owner = actor.type === 'Group'
    ? { channelId: await channelIdOfActor(actor.id) }
    : { accountId: await accountIdOfActor(actor.id) }
  return buildOrderedCollection(`${actor.url}/playlists`, page, (start, count) => listPublicPlaylistUrlsOf(owner, start, count))
}
