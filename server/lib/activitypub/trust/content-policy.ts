import { getObjectId } from '../activity-types.js'
import type { FollowState } from '../../../initializers/constants/federation.js'
import { hasFollowRelationWithHost, isFollowedByLocalActor } from '../../../models/actor/queries/follow-relations-query.js'
import { urlHost } from '../ownership.js'
import { getServerActor } from '../server-actor.js'

/**
 * What is stored is what is followed: the one rule videos and playlists ask before anything of them is written.
 * Comments do not ask it: they are admitted when their thread reaches a video we have (ours, or one we store),
 * and never import anything else (comments/resolve-comment-thread.ts; trust/README.md).
 *
 * Remote content may be stored when an actor it comes from (the actor that delivered or announced it, or the
 * channel/account it is attributed to) is followed by the instance or by one of its users, or sits on an instance
 * the instance follows. A follow we asked for and that is not answered yet counts: we asked for that content (and
 * the remote may deliver before its Accept is processed). Content a local user fetched on purpose (search by URL,
 * a reply to our content) does not ask this rule.
 */
const WANTED: FollowState[] = [ 'accepted', 'pending' ]

export interface RemoteContentSource {
  /** Actor URLs the content comes from: deliverer or announcer, owners. Empty entries are ignored. */
  actorUrls: (string | null | undefined)[]
}

export async function mayStoreRemoteContent (source: RemoteContentSource): Promise<boolean> {
  const actorUrls = [ ...new Set(source.actorUrls.filter((u): u is string => typeof u === 'string' && u !== '')) ]
  if (actorUrls.length === 0) return false
  const instanceHosts = [ ...new Set(actorUrls.map(urlHost).filter((h): h is string => h !== undefined)) ]
  return isFollowedByLocalActor({ actorUrls, instanceHosts, states: WANTED })
}

/**
 * True when the actor's instance and ours know each other: one of its actors follows one of ours, or the other
 * way round. Views of our videos and shares of our content are taken from such instances only (they got our
 * content by following; an unrelated server has nothing to count).
 */
export async function isRelatedInstance (actorUrl: string): Promise<boolean> {
  const host = urlHost(actorUrl)
  if (!host) return false
  return hasFollowRelationWithHost(host, WANTED)
}

/**
 * The filter of public video lists (home, search; channel and account pages for anonymous visitors) and of the
 * public playlist lists (/video-playlists, /search/video-playlists): local content, and remote content the
 * instance itself follows (its channel, account or instance, or, for videos, a share by an actor it follows), as
 * PeerTube lists them. A user's subscriptions bring videos that are stored, reachable and in that
 * user's feed, without entering everybody's lists.
 */
export async function publicListScope () {
  return { followedByActorId: (await getServerActor()).id }
}

/** Actor URLs an object is attributed to (`attributedTo`: URLs or objects, one or many), for mayStoreRemoteContent. */
export function attributedActorUrls (attributedTo: unknown): string[] {
  const entries = Array.isArray(attributedTo) ? attributedTo : [ attributedTo ]
  return entries.map(getObjectId).filter((url): url is string => typeof url === 'string').slice(0, 10)
}
