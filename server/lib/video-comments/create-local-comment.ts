import { randomUUID } from 'node:crypto'
import { loggerWithTags } from '../../helpers/logger.js'
import type { AuthenticatedUser } from '../../models/user/authenticated-user.js'
import { loadAccountByActorId } from '../../models/actor/queries/actor-queries.js'
import { VideoCommentModel } from '../../models/video/video-comment.js'
import type { VideoModel } from '../../models/video/video.js'
import { localCommentUrl } from '../activitypub/comments/comment-activity-urls.js'
import { sendCreateComment } from '../activitypub/comments/send-comment-activities.js'
import { unitOfWork } from '../unit-of-work/unit-of-work.js'
import { recordCommentEvent } from './comment-events.js'
import { resolveMentionedActors } from './comment-mentions.js'
import { mustHoldForReview } from './comment-rules.js'

const log = loggerWithTags('comments')

/**
 * One of our users comments on a video (a new thread) or answers a comment of it. The row, its Create's
 * deliveries and the 'created' event are one unit of work. Returns the comment with what formatters need.
 * The caller has checked the video may be seen and accepts comments (comment-rules.ts).
 */
export async function createLocalComment (options: {
  video: VideoModel
  user: AuthenticatedUser
  text: string
  inReplyTo?: VideoCommentModel
}) {
  const { video, user, text, inReplyTo } = options

  return unitOfWork(async () => {
    const heldForReview = mustHoldForReview(video, { user, accountId: user.Account.id })
    // The URL names the comment's id: a unique placeholder until the id exists.
    const created = await VideoCommentModel.create({
      url: `urn:uuid:${randomUUID()}`,
      text,
      videoId: video.id,
      accountId: user.Account.id,
      originCommentId: inReplyTo ? inReplyTo.threadId() : null,
      inReplyToCommentId: inReplyTo?.id ?? null,
      heldForReview
    })
    created.url = localCommentUrl(video, created.id)
    await created.save({ silent: true })

    const comment = (await VideoCommentModel.loadFull(created.id))!
    await sendCreateComment(comment)

    const mentioned = await resolveMentionedActors(text)
    const mentionedAccounts = await Promise.all(mentioned.filter(a => a.isLocal()).map(a => loadAccountByActorId(a.id)))
    await recordCommentEvent({
      type: 'created',
      comment,
      isLocal: true,
      heldForReview,
      mentionedAccountIds: mentionedAccounts.filter(a => a !== null).map(a => a.id)
    })
    log.info(`${user.username} commented on video ${video.uuid} (comment ${comment.id}${heldForReview ? ', held for approval' : ''})`)
    return comment
  })
}
