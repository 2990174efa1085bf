import { loggerWithTags } from '../../../helpers/logger.js'
import { VideoCommentModel } from '../../../models/video/video-comment.js'
import { unitOfWork } from '../../unit-of-work/unit-of-work.js'
import { recordCommentEvent } from '../../video-comments/comment-events.js'
import { getObjectId, isObject } from '../activity-types.js'
import { getOrCreateActorByUrl } from '../actors/get-actor.js'
import { fetchRemoteObject } from '../fetch-remote.js'
import { isSameOrigin } from '../ownership.js'
import type { ActivityContext } from '../process/activity-context.js'
import { forwardActivity } from '../send/forward-activity.js'
import { accountActorOf } from '../videos/build-video-object.js'
import { InvalidCommentObjectError, isCommentObject, parseCommentObject, type RemoteCommentData } from './parse-comment-object.js'
import { resolveCommentPlace } from './resolve-comment-thread.js'
import { actorsInvolvedInLocalVideo, inboxOf, sendApproveReply, sendCreateComment } from './send-comment-activities.js'
import { storeRemoteComment } from './store-remote-comment.js'

const log = loggerWithTags('activitypub', 'comments')

/** The Note an activity carries: inline (authenticated with the activity), or read from its origin. */
async function noteOf (context: ActivityContext) {
  const object = context.activity.object
  if (isObject(object)) return object
  const url = getObjectId(object)
  if (!url || !isSameOrigin(url, context.byActor.url)) return undefined
  return (await fetchRemoteObject(url)).body
}

function parseOrLog (context: ActivityContext, object: Record<string, unknown>): RemoteCommentData | undefined {
  try {
    return parseCommentObject(object, { to: context.activity.to, cc: context.activity.cc })
  } catch (err) {
    if (!(err instanceof InvalidCommentObjectError)) throw err
    log.warn(`${context.activity.type} ${context.activity.id} from ${context.byActor.url}: ${err.message}`)
    return undefined
  }
}

/**
 * Create of a Note: a comment on one of our videos or on a remote video we have (from PeerTube, Mastodon, any
 * ActivityPub server), or a reply to a comment we have. Anything else stores nothing. On our videos, a new
 * comment (or one re-sent after our approval) is forwarded to the video's audience, LD signature kept, and its
 * author is told it was accepted (ApproveReply), unless it waits for approval.
 */
async function processCreateNote (context: ActivityContext) {
  const { activity, byActor } = context
  const object = await noteOf(context)
  if (!isCommentObject(object) || object.type !== 'Note') return false

  const data = parseOrLog(context, object)
  if (!data) return true
  if (data.authorUrl !== byActor.url) {
    log.warn(`Create ${activity.id} by ${byActor.url} carries a Note of ${data.authorUrl}: ignored`)
    return true
  }
  if (!data.isPublic) {
    log.info(`Create ${activity.id}: a Note that is not public is no comment, ignored`)
    return true
  }

  const place = await resolveCommentPlace(data.inReplyTo)
  if (!place) {
    log.info(`Create ${activity.id}: Note ${data.url} answers ${data.inReplyTo}, which is no video (or comment) of ours or that we have: nothing stored`)
    return true
  }

  await unitOfWork(async () => {
    const { comment, created } = await storeRemoteComment(data, place, byActor)
    if (place.video.remote || comment.heldForReview || comment.isDeleted()) return

    const full = (await VideoCommentModel.loadFull(comment.id))!
    if (created) await sendApproveReply(full)
    if (created || data.replyApproval) {
      const involved = await actorsInvolvedInLocalVideo(full.Video!)
      await forwardActivity(activity, { toFollowersOf: involved.map(a => a.id), exceptInboxes: [ inboxOf(byActor) ] })
    }
  })
  return true
}

/** Update of a Note: its author edited it. */
async function processUpdateNote (context: ActivityContext) {
  const { activity, byActor } = context
  const object = activity.object
  if (!isCommentObject(object) || object.type !== 'Note') return false

  const data = parseOrLog(context, object)
  if (!data) return true
  const stored = await VideoCommentModel.loadFullByUrl(data.url)
  if (!stored) return true
  if (stored.Account?.Actor?.url !== byActor.url || data.authorUrl !== byActor.url) {
    log.warn(`Update ${activity.id} by ${byActor.url} of comment ${data.url}, which it did not write: ignored`)
    return true
  }

  await unitOfWork(async () => {
    const place = { video: stored.Video!, parent: stored.InReplyToVideoComment ?? null }
    await storeRemoteComment(data, place, byActor)
    if (!stored.Video!.remote && !stored.heldForReview) {
      const involved = await actorsInvolvedInLocalVideo(stored.Video!)
      await forwardActivity(activity, { toFollowersOf: involved.map(a => a.id), exceptInboxes: [ inboxOf(byActor) ] })
    }
  })
  return true
}

/** Whether `byActor` is the owner (account) of the video the comment is on. */
function isVideoOwnerOf (comment: VideoCommentModel, byActorId: number) {
  return accountActorOf(comment.Video!).id === byActorId
}

/**
 * The core lets an actor delete only what lives on its origin; the owner of a video may also delete the
 * comments on it (PeerTube's video owners do), wherever their authors live.
 */
export async function videoOwnerMayDeleteComment (context: ActivityContext) {
  const url = getObjectId(context.activity.object)
  const comment = url ? await VideoCommentModel.loadFullByUrl(url) : null
  return !!comment && isVideoOwnerOf(comment, context.byActor.id) && isSameOrigin(comment.Video!.url, context.byActor.url)
}

/** Delete of a comment, by its author or the video's owner: it becomes a tombstone, forwarded when the video is ours. */
async function processDeleteComment (context: ActivityContext) {
  const { activity, byActor } = context
  const url = getObjectId(activity.object)
  const comment = url ? await VideoCommentModel.loadFullByUrl(url) : null
  if (!comment) return false

  if (comment.Account?.actorId !== byActor.id && !isVideoOwnerOf(comment, byActor.id)) {
    log.warn(`Delete ${activity.id} by ${byActor.url} of comment ${comment.url}, which is neither its nor on its video: ignored`)
    return true
  }
  if (comment.isDeleted()) return true

  await unitOfWork(async () => {
    comment.markAsDeleted()
    await comment.save()
    await recordCommentEvent({ type: 'deleted', comment })
    log.info(`Comment ${comment.url} deleted by ${byActor.url}`)

    if (!comment.Video!.remote) {
      const involved = await actorsInvolvedInLocalVideo(comment.Video!)
      await forwardActivity(activity, { toFollowersOf: involved.map(a => a.id), exceptInboxes: [ inboxOf(byActor) ] })
    }
  })
  return true
}

/**
 * PeerTube's ApproveReply: the owner of a remote video approved one of our users' comments on it. The comment
 * shows to everyone here from now on, and its Create goes to the origin again, which forwards it now.
 */
export async function processApproveReply (context: ActivityContext) {
  const { activity, byActor } = context
  const url = getObjectId(activity.object)
  const comment = url ? await VideoCommentModel.loadFullByUrl(url) : null
  if (!comment || comment.isDeleted() || !comment.isLocal()) {
    log.info(`ApproveReply ${activity.id} approves ${url ?? 'nothing'}, which is no comment of ours: ignored`)
    return 'ignored' as const
  }
  if (!isVideoOwnerOf(comment, byActor.id)) {
    log.warn(`ApproveReply ${activity.id} by ${byActor.url}, who does not own the video of ${comment.url}: ignored`)
    return 'ignored' as const
  }
  if (!comment.heldForReview) return 'processed' as const

  await unitOfWork(async () => {
    comment.heldForReview = false
    comment.replyApproval = activity.id
    await comment.save()
    await recordCommentEvent({ type: 'approved', comment })
    await sendCreateComment(comment)
  })
  return 'processed' as const
}

/** Crawled comments collections hand over URLs: each comment is read from its origin and stored (or updated). */
export async function storeCommentFromUrl (url: string) {
  const { body } = await fetchRemoteObject(url)
  if (!isCommentObject(body)) return
  const data = parseCommentObject(body)
  if (!data.isPublic) return
  const place = await resolveCommentPlace(data.inReplyTo)
  if (!place) return
  const author = data.authorUrl ? await getOrCreateActorByUrl(data.authorUrl) : null
  await storeRemoteComment(data, place, author)
}

export const commentActivityHandlers = { processCreateNote, processUpdateNote, processDeleteComment }
