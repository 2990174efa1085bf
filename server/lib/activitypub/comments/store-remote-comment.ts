import { loggerWithTags } from '../../../helpers/logger.js'
import { ActorModel } from '../../../models/actor/actor.js'
import { loadAccountByActorId } from '../../../models/actor/queries/actor-queries.js'
import { VideoCommentModel } from '../../../models/video/video-comment.js'
import type { VideoModel } from '../../../models/video/video.js'
import { isActorBlockedByInstance } from '../../moderation/blocklist/instance-blocks.js'
import { unitOfWork } from '../../unit-of-work/unit-of-work.js'
import { recordCommentEvent } from '../../video-comments/comment-events.js'
import { mustHoldForReview } from '../../video-comments/comment-rules.js'
import { isLocalUrl } from '../local-urls.js'
import type { RemoteCommentData } from './parse-comment-object.js'

const log = loggerWithTags('activitypub', 'comments')

export interface CommentPlace {
  video: VideoModel
  /** The comment it answers; null for a thread's first comment. */
  parent: VideoCommentModel | null
}

export interface StoreCommentOptions {
  /**
   * Read from a collection or as the ancestor of a reply, rather than delivered: old news, which the comment
   * listeners do not announce (no notification).
   */
  fetched?: boolean
}

/**
 * Stores a remote comment (or its new text, or its deletion) where `place` says, written by `author` (null for
 * a tombstone read without its author). A comment received twice is stored once; the first time is reported
 * to the comment listeners. Returns the row and whether it is new; no row when the instance muted the author or
 * its server: their comments are refused however they reach us (forwarded by a video's origin, crawled, or as
 * the ancestor of a reply).
 */
export async function storeRemoteComment (data: RemoteCommentData, place: CommentPlace, author: ActorModel | null, options: StoreCommentOptions = {}) {
  const account = author ? await loadAccountByActorId(author.id) : null
  if (author && !account) throw new Error(`${author.url} has no account: only accounts comment`)
  if (author && await isActorBlockedByInstance(author)) {
    log.info(`Remote comment ${data.url} by ${author.url}, muted by this instance: refused`)
    return { comment: null, created: false }
  }

  return unitOfWork(async () => {
    const existing = await VideoCommentModel.findOne({ where: { url: data.url } })
    if (existing) return { comment: await updateStoredComment(existing, data, place, account?.id ?? null), created: false }

    const heldForReview = account ? mustHoldForReview(place.video, { accountId: account.id }) : false
    let comment: VideoCommentModel
    try {
      comment = await VideoCommentModel.create({
        url: data.url,
        text: data.deleted ? '' : data.text,
        videoId: place.video.id,
        accountId: account?.id ?? null,
        originCommentId: place.parent ? place.parent.threadId() : null,
        inReplyToCommentId: place.parent?.id ?? null,
        heldForReview,
        replyApproval: data.replyApproval,
        deletedAt: data.deleted ? data.updatedAt : null,
        originUpdatedAt: data.updatedAt,
        createdAt: data.publishedAt
      })
    } catch (err) {
      // Stored meanwhile by another job (the same reply delivered directly and forwarded): that copy is as good.
      const stored = (err as Error).name === 'SequelizeUniqueConstraintError' ? await VideoCommentModel.findOne({ where: { url: data.url } }) : null
      if (!stored) throw err
      return { comment: stored, created: false }
    }

    log.info(`Stored remote comment ${data.url} on video ${place.video.url}${heldForReview ? ' (held for approval)' : ''}`)
    if (!data.deleted) {
      await recordCommentEvent({
        type: 'created',
        comment,
        isLocal: false,
        fetched: options.fetched === true,
        heldForReview,
        mentionedAccountIds: await localAccountIdsOf(data.mentionedUrls)
      })
    }
    return { comment, created: true }
  })
}

/** Our accounts among the mentioned actors. */
async function localAccountIdsOf (actorUrls: string[]) {
  const ids: number[] = []
  for (const url of actorUrls.filter(isLocalUrl)) {
    const actor = await ActorModel.loadByUrl(url)
    const account = actor?.isLocal() ? await loadAccountByActorId(actor.id) : null
    if (account) ids.push(account.id)
  }
  return ids
}

/** A comment we have, read again: its new text (an edit) or its deletion. Its place in the thread never moves. */
async function updateStoredComment (comment: VideoCommentModel, data: RemoteCommentData, place: CommentPlace, accountId: number | null) {
  if (comment.videoId !== place.video.id || (accountId !== null && comment.accountId !== null && comment.accountId !== accountId)) {
    log.warn(`Remote comment ${data.url} now claims another video or author: ignored`)
    return comment
  }
  if (comment.isDeleted()) return comment

  if (data.deleted) {
    comment.markAsDeleted()
    await comment.save()
    await recordCommentEvent({ type: 'deleted', comment })
    return comment
  }
  // An edit older than the text we hold (an old Update signed anew, or late) changes nothing; an equal one is the
  // same version seen again.
  if (comment.originUpdatedAt && data.updatedAt.getTime() < comment.originUpdatedAt.getTime()) {
    log.info(`Remote comment ${data.url}: object of ${data.updatedAt.toISOString()} older than our copy, ignored`)
    return comment
  }
  if (comment.text !== data.text) {
    comment.text = data.text
    comment.originUpdatedAt = data.updatedAt
    await comment.save()
  } else {
    // Seen again unchanged: it is fresh (refreshes skip it for a while).
    comment.originUpdatedAt = data.updatedAt
    comment.changed('updatedAt', true)
    await comment.save()
  }
  return comment
}
