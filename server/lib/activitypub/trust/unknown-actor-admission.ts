import { loggerWithTags } from '../../../helpers/logger.js'
import { ActorModel } from '../../../models/actor/actor.js'
import { VideoCommentModel } from '../../../models/video/video-comment.js'
import { getObjectId, getObjectType, isObject, type Activity } from '../activity-types.js'
import { isCommentObject } from '../comments/parse-comment-object.js'
import { loadVideoByUrl } from '../comments/resolve-comment-thread.js'
import { fetchRemoteObject } from '../fetch-remote.js'
import { isLocalUrl } from '../local-urls.js'

const log = loggerWithTags('activitypub', 'inbox')

/**
 * How many ancestors of a reply are read (not stored) to see whether its thread reaches what we have, when the
 * comment it answers is not here yet (replies may arrive before their parent). The processor reads the whole
 * chain again, and stores it, once the activity is admitted.
 */
const ANCESTORS_READ_AT_ADMISSION = 3

/**
 * Whether an activity of an actor we never stored is about something this instance has: only then is the actor
 * stored and the activity processed (admit-activities.ts); otherwise it is dropped, answered 204, and nothing of
 * it is written, not even the actor. As with PeerTube, anyone not blocked may follow one of our actors, rate
 * or report what we have, and comment on a video we have (a Mastodon user replies without following); the
 * publications that the follow rule judges (activity-admission.ts) were already refused or admitted.
 */
export async function concernsWhatWeHave (activity: Activity): Promise<boolean> {
  switch (activity.type) {
    case 'Follow':
      return isLocalActorUrl(getObjectId(activity.object))
    case 'Like':
    case 'Dislike':
      return isStoredVideo(getObjectId(activity.object))
    case 'Flag':
      return isAnyStored(activity.object)
    case 'Create':
      return createConcernsWhatWeHave(activity)
    case 'Announce':
    case 'View':
      // Judged by activity-admission.ts already: a boost of our content, a view from an instance we know.
      return true
    default:
      return false
  }
}

async function isLocalActorUrl (url: string | undefined) {
  if (!url || !isLocalUrl(url)) return false
  return (await ActorModel.loadByUrl(url)) !== null
}

async function isStoredVideo (url: string | undefined) {
  return !!url && (await loadVideoByUrl(url)) !== null
}

async function isAnyStored (objects: unknown) {
  for (const object of (Array.isArray(objects) ? objects : [ objects ]).slice(0, 20)) {
    const url = getObjectId(object)
    if (!url) continue
    if (await loadVideoByUrl(url) || await VideoCommentModel.loadByUrl(url) || (isLocalUrl(url) && await ActorModel.loadByUrl(url))) return true
  }
  return false
}

async function createConcernsWhatWeHave (activity: Activity) {
  const type = getObjectType(activity.object)
  // Videos and playlists passed the follow rule.
  if (type === 'Video' || type === 'Playlist') return true
  if (type !== 'Note' || !isObject(activity.object)) return false
  return threadReachesWhatWeHave(getObjectId(activity.object.inReplyTo))
}

async function threadReachesWhatWeHave (inReplyTo: string | undefined) {
  let url = inReplyTo
  for (let read = 0; url; read++) {
    if (await loadVideoByUrl(url) || await VideoCommentModel.loadByUrl(url)) return true
    if (isLocalUrl(url) || read === ANCESTORS_READ_AT_ADMISSION) return false
    try {
      const body = (await fetchRemoteObject(url)).body
      url = isCommentObject(body) ? getObjectId(body.inReplyTo) : undefined
    } catch (err) {
      log.debug(`Cannot read ${url}, which a reply of an actor we do not know answers: ${(err as Error).message}`)
      return false
    }
  }
  return false
}
